"""Round 11, meaning: what a message gives up (a setup of the past, a dropped feature, a regime waived),
nationalities that are no languages, agents told by what they do, the job behind OCR, chat told by its
traffic, languages by their own names, more countries and cities, reasoning told by the job and cost said
in words. Each class on variants of our own, with near-misses that must not change."""

from __future__ import annotations

import pytest

from agent.advisor.rules.extract import extract


def _fields(text: str) -> dict:
    return extract(text).fields


# --- 1. self-hosting given up: neither self-hosted nor open weights --------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Back in 2023 we used to run Mistral on-prem on our own servers, which cost us two engineers. "
        "We'd like a hosted endpoint this time, and open weights aren't needed anymore.",
        "Previously we self-hosted a Llama model. It ate our weekends; we're moving away from it.",
        "We self-hosted Mixtral on our own hardware for eighteen months. Never again: someone else runs it now.",
        "Until last year we ran open-source models on a rented GPU box; now any vendor is fine.",
        "We ran open-source models on our own servers until last spring, now any vendor is fine.",
        "We self-host nothing these days. We used to keep a model on-prem but we gave it up.",
        "please skip the on-prem question, any hosted API works for us",
    ],
)
def test_a_setup_given_up_is_no_self_hosting(text):
    fields = _fields(text)
    assert fields.get("privacy") != "self-hosted"
    assert fields.get("open_weights") is not True


@pytest.mark.parametrize(
    "text",
    [
        "We used to call the OpenAI API, but now everything has to run on-prem.",
        "Previously we used a cloud API; now the model must be self-hosted for the regulator.",
        "We've been self-hosting Llama for a year and want to keep it on our own servers.",
        "We self-host on our own hardware and open weights are a must.",
        "Last year we moved to self-hosting on our own GPUs and that stays.",
    ],
)
def test_a_setup_kept_or_turned_to_is_still_self_hosting(text):
    assert _fields(text)["privacy"] == "self-hosted"


@pytest.mark.parametrize(
    "text",
    [
        "Last year we switched to open-weight models and we want to stay there.",
        "Since last year we only use open-source models.",
    ],
)
def test_open_weights_turned_to_are_still_wanted(text):
    assert _fields(text)["open_weights"] is True


# --- 2. a dropped feature names no task and no need ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "task"),
    [
        ("We removed the image upload feature, so it's typed input only; the model invents a dinner recipe from "
         "what people list.", "creative"),
        ("We scrapped the screenshot upload flow. Now the assistant just answers billing questions.", "chat"),
        ("We've killed photo support for v2. People describe their room and it comes up with a decor idea.",
         "creative"),
        ("We cut the voice input mode, it's a plain chatbot for our gym members now.", "chat"),
    ],
)
def test_a_dropped_feature_is_no_need(text, task):
    fields = _fields(text)
    assert fields.get("task") == task
    assert not {"vision", "audio"} & set(fields.get("needs", []))


@pytest.mark.parametrize(
    ("text", "task", "need"),
    [
        ("Users upload photos of their fridge and the model invents a recipe.", "creative", "vision"),
        ("The app takes a photo of a receipt and pulls out the total.", "extraction", "vision"),
        ("Drop the images into the bucket and the model tags each photo.", "vision", "vision"),
    ],
)
def test_a_feature_kept_is_still_a_need(text, task, need):
    fields = _fields(text)
    assert fields["task"] == task
    assert need in fields["needs"]


# --- 3. a regime waived is none --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Nobody on our side is in the EU and we have no European users, so skip the GDPR and residency talk.",
        "Ignore HIPAA for this one, the notes are about dog grooming appointments.",
        "We're a Brazilian shop with local customers only, no need to worry about GDPR.",
        "You can leave out the SOC 2 part, we're two people with no enterprise clients.",
        "Please don't bother about GDPR, it's an internal hackathon tool.",
    ],
)
def test_a_waived_regime_is_no_compliance(text):
    fields = _fields(text)
    assert not fields.get("compliance")
    assert "eu" not in fields.get("regions", [])


@pytest.mark.parametrize(
    ("text", "regime"),
    [
        ("We're in Berlin, so GDPR applies and the data has to stay in the EU.", "gdpr"),
        ("Skipping the boring intro: we need HIPAA compliance for a clinic chatbot.", "hipaa"),
    ],
)
def test_a_regime_kept_stays(text, regime):
    assert regime in _fields(text)["compliance"]


# --- 4. where clients are from is no language ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "We're a dev shop working for Korean and Canadian clients; the bot writes code review notes in English.",
        "Our agency builds dashboards for German, Swiss and Austrian customers.",
        "We ship software for American and Japanese partners, with every summary in English.",
        "Our Italian clients get weekly status reports from us, written in English.",
    ],
)
def test_a_nationality_of_clients_is_no_language(text):
    assert not _fields(text).get("languages")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Support bot for our Japanese customers, who write in Japanese.", "japanese"),
        ("We serve Spanish and Portuguese customers; the bot must answer in their language.", "spanish"),
        ("Our Japanese clients want summaries of their sales calls.", "japanese"),
        ("A chatbot for tourists that answers in Korean and Japanese.", "korean"),
    ],
)
def test_a_language_of_customers_stays(text, language):
    assert language in _fields(text)["languages"]


# --- 7. an agent told by what it does in the user's systems ----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "We want a support agent for our couriers that can really act: check delivery status, re-open cases and "
        "change addresses through our internal API.",
        "An AI helpdesk agent that resets passwords and unlocks accounts via our admin API.",
        "a customer service agent for our tenants that can book repairs in our property management system",
        "An AI support agent that can look up bookings and issue vouchers through our own API.",
        "A bot for our drivers that checks payout status in our payments database and answers questions.",
    ],
)
def test_an_agent_that_acts_in_our_systems_is_an_agent(text):
    fields = _fields(text)
    assert fields["task"] == "agent"
    assert "tools" in fields["needs"]


@pytest.mark.parametrize(
    "text",
    [
        "Our support agents look up orders in Shopify; we want the model to summarise each ticket for them.",
        "When a support agent opens a ticket in Zendesk, summarise the customer's history for them.",
    ],
)
def test_people_who_act_make_no_agent(text):
    assert _fields(text).get("task") != "agent"


# --- 8. OCR to named fields is extraction; the images stay a need ----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Looking for a model that can OCR parking tickets and give me the plate + date + amount.",
        "We snap photos of delivery notes; it should return the supplier, date and quantity.",
        "Scanned utility bills come in and the model outputs account number and due date.",
        "OCR on passport photos, giving us the name, date of birth and expiry.",
        "ocr handwritten claim forms and read off the policy number & address",
    ],
)
def test_ocr_to_fields_is_extraction(text):
    fields = _fields(text)
    assert fields["task"] == "extraction"
    assert "vision" in fields["needs"]


@pytest.mark.parametrize(
    "text",
    [
        "Give me the total cost of running this per month.",
        "Users upload photos of their outfits and the bot gives fashion advice.",
    ],
)
def test_no_fields_named_is_no_extraction(text):
    assert _fields(text).get("task") != "extraction"


# --- 10. chat told by its traffic or by characters that talk back ----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Our members message us on WhatsApp all day, maybe 3k a day, mostly in Portuguese.",
        "We get about 400 support enquiries a day through the website widget.",
        "Guests reach out to us in Spanish and German, around 90 support questions an hour.",
        "villagers who chat with the player about the weather and their quests",
        "characters that talk back to players in real time, a little chatbot per character",
    ],
)
def test_support_traffic_and_talking_characters_are_chat(text):
    assert _fields(text)["task"] == "chat"


@pytest.mark.parametrize(
    ("text", "task"),
    [
        ("We get 400 support requests a day and want each one classified into billing / tech / other.",
         "classification"),
        ("Customers contact us by email and we need each email summarised for the account manager.", "summarization"),
        ("NPCs that improvise dialogue with players in our RPG.", "creative"),
    ],
)
def test_a_job_named_beside_the_traffic_wins(text, task):
    assert _fields(text)["task"] == task


# --- 5. languages by prefixed, native or less common names -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "languages"),
    [
        ("The helpline answers in isiXhosa and isiZulu, sometimes Sesotho.", ["xhosa", "zulu", "sotho"]),
        ("Kiswahili and Twi speakers use the app, plus a few in Igbo.", ["swahili", "twi", "igbo"]),
        ("A tutor for kids in Filipino and Bahasa Indonesia.", ["tagalog", "indonesian"]),
        ("Replies in Bahasa Melayu, also Setswana for the Botswana office.", ["malay", "tswana"]),
        ("Somali, Amharic and Tigrinya speakers call our clinic line.", ["somali", "amharic", "tigrinya"]),
    ],
)
def test_languages_by_their_own_names(text, languages):
    assert _fields(text)["languages"] == languages


def test_bahasa_melayu_is_not_indonesian():
    assert "indonesian" not in _fields("Customers write to us in Bahasa Melayu.")["languages"]


# --- 6. more countries and the cities clouds are named after ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "regions"),
    [
        ("Must be served from Thailand or Malaysia only.", ["th", "my"]),
        ("Data must stay in Nigeria or Kenya.", ["ng", "ke"]),
        ("Servers have to be in Argentina, Chile or Colombia.", ["ar", "cl", "co"]),
        ("GCP in Jakarta or Tokyo, nowhere else.", ["id", "jp"]),
        ("Azure in the UAE please, our data cannot leave the Gulf.", ["ae"]),
        ("Vietnamese servers only.", ["vn"]),
    ],
)
def test_more_places_lock_the_region(text, regions):
    fields = _fields(text)
    assert fields["privacy"] == "region-locked"
    assert fields["regions"] == regions


@pytest.mark.parametrize(
    "text",
    [
        "We're a 35-person game studio in Montreal making an RPG.",
        "Our founder Jordan wants a chatbot for the shop.",
        "We're on AWS; the team sits in Lagos and Nairobi.",
        "We run a small credit union in Accra and Kumasi, no hosting location is mandated.",
        "Our desk works out of Zurich and London on bond research.",
    ],
)
def test_a_place_that_is_not_a_lock_locks_nothing(text):
    assert "privacy" not in _fields(text)


def test_a_city_beside_a_lock_leaves_the_lock_to_its_words():
    fields = _fields("Our firm does audits out of Milan. Client files cannot leave the EU, GDPR of course.")
    assert fields["regions"] == ["eu"]
    assert "eu-residency" in fields["compliance"]


def test_eu_cities_named_inside_an_eu_lock_keep_eu_residency():
    fields = _fields("Data has to reside in the EU (Paris or Amsterdam both fine). GDPR is required.")
    assert "eu" in fields["regions"] and "eu-residency" in fields["compliance"]


# --- 9. reasoning the job needs ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The model has to work through multi-step actuarial reasoning to price each policy.",
        "It must do multistep tax calculations for each client and explain them.",
        "An assistant that works through chained logical reasoning on supply contracts.",
    ],
)
def test_reasoning_said_of_the_job_is_a_need(text):
    assert "reasoning" in _fields(text)["needs"]


@pytest.mark.parametrize(
    "text",
    [
        "A multi-step onboarding flow for new users, the bot asks five questions.",
        "Multi-step forms get filled by our users; we just want the fields extracted.",
    ],
)
def test_a_multi_step_thing_that_is_no_reasoning(text):
    assert "reasoning" not in _fields(text).get("needs", [])


# --- 11. cost said in words -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "which of these won't bankrupt us at launch?",
        "We need to run it without breaking the bank, we're a tiny nonprofit.",
        "I need something that won't cost us an arm and a leg.",
        "Looking for a budget-friendly model for a weekend bot.",
        "price is key though, no revenue yet",
    ],
)
def test_cost_said_in_words(text):
    assert _fields(text)["priority"] == "cost"


def test_cost_in_words_sets_no_budget_or_volume():
    fields = _fields("cheap matters most for now, we haven't made a cent yet")
    assert fields["priority"] == "cost"
    assert "budget_usd_month" not in fields and "requests_per_day" not in fields


@pytest.mark.parametrize(
    "text",
    [
        "We don't care if it costs a fortune, it has to be right.",
        "The last vendor's pricing nearly bankrupted the company, so accuracy and price both matter.",
    ],
)
def test_cost_words_that_say_no_cost_priority(text):
    assert _fields(text).get("priority") != "cost"


# --- a waiver denied asks for what it names ---------------------------------------------------------------


def test_a_denied_waiver_keeps_the_regime():
    assert "hipaa" in _fields("You cannot skip the HIPAA part, we handle PHI.")["compliance"]


def test_a_denied_waiver_keeps_the_images():
    fields = _fields("The assistant must never ignore the screenshots people attach to their questions.")
    assert "vision" in fields["needs"]


def test_a_waiver_that_is_allowed_still_waives():
    assert not _fields("You can skip the HIPAA bit, these are pet grooming notes.").get("compliance")
