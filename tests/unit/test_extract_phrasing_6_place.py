"""Round nine, places and sizes: alternatives of places, our own premises' country, self-hosting said in
plain words, a preference that is no requirement, privacy waived, a regime ruled out, and sizes said as
limits, bare figures, items compared together, a context floor. Variants of our own, never the users'."""

from __future__ import annotations

import pytest

from agent.advisor.rules.extract import extract


def _fields(text: str) -> dict:
    return extract(text).fields


@pytest.mark.parametrize(
    ("text", "regions"),
    [
        ("Our buyers are in Germany and Austria; hosting in either is fine.", ["de", "at"]),
        ("UK + Ireland clinics, ok to store in either one.", ["uk", "ie"]),
        ("Clients in Singapore and Japan. Either region works for us.", ["sg", "jp"]),
        ("Users across Brazil & Mexico, fine to run in either.", ["br", "mx"]),
        ("Data may be hosted in Australia, though New Zealand would also be fine.", ["au", "nz"]),
        ("Preferably the data is hosted in Canada, but US hosting is acceptable too.", ["ca", "us"]),
        ("Records must stay in Switzerland; Germany would be an option.", ["ch", "de"]),
        ("Everything must be processed in Aotearoa or the UK.", ["nz", "uk"]),
        ("It must be hosted in Türkiye.", ["tr"]),
    ],
)
def test_a_choice_of_places_locks_to_each_of_them(text, regions):
    found = _fields(text)
    assert found["privacy"] == "region-locked"
    assert found["regions"] == regions


@pytest.mark.parametrize(
    ("text", "regions"),
    [
        ("Keep it in ca-central-1 only.", ["ca"]),
        ("Must run from ap-southeast-2 (Sydney).", ["au"]),
        ("us-west-2 only, please", ["us"]),
        ("Has to be Azure UK South.", ["uk"]),
        ("Our tenant is pinned to westus2.", ["us"]),
        ("Deploy in europe-west4", ["eu"]),  # the EU's names were always read as residency
    ],
)
def test_a_clouds_own_region_name_is_a_place(text, regions):
    found = _fields(text)
    assert found["privacy"] == "region-locked"
    assert found["regions"] == regions


def test_a_region_name_with_a_lock_word_is_quoted_with_it():
    assert extract("everything us-east only").evidence["privacy"] == "us-east only"


@pytest.mark.parametrize(
    "text",
    [
        "Our app runs on AWS us-east-1 today, latency matters.",  # where it runs, not a requirement
        "We have offices in Norway and Finland.",  # places, no choice of hosting
        "Could we host in either the US or Canada?",  # a question
        "Our team is in the UK. Hosting in either would be weird.",  # one place only
        "North Korea is not a market for us.",
    ],
)
def test_places_without_a_lock_lock_nothing(text):
    assert "regions" not in _fields(text)


def test_a_place_ruled_out_is_not_granted():
    found = _fields("Hosting in Canada. US hosting is not acceptable.")
    assert found["regions"] == ["ca"]


def test_a_negation_that_said_its_own_thing_does_not_reach_the_lock():
    found = _fields("No logging of prompts, processing strictly within Belgium or the EU.")
    assert found["privacy"] == "region-locked"
    assert found["regions"] == ["be", "eu"]
    assert _fields("Zero retention, data processed only inside the EU.")["privacy"] == "region-locked"
    assert "eu" not in _fields("It must not be processed in the EU.").get("regions", [])


@pytest.mark.parametrize(
    ("text", "regions"),
    [
        ("The model must be self-hosted in our own data centre in Canada.", ["ca"]),
        ("We run on-prem in Switzerland and nothing touches the internet.", ["ch"]),
        ("Everything runs on our own servers in Sweden, fully air-gapped.", ["se"]),
        ("On-premises only, in our Japanese data center.", ["jp"]),
    ],
)
def test_self_hosting_takes_the_country_of_its_premises(text, regions):
    found = _fields(text)
    assert found["privacy"] == "self-hosted"
    assert found["regions"] == regions
    assert any(place in extract(text).evidence["regions"].lower() for place in ("canada", "switzerland", "sweden",
                                                                               "japanese"))  # fmt: skip


def test_self_hosting_for_customers_somewhere_names_no_premises():
    found = _fields("We self-host the model for customers in the US.")
    assert found["privacy"] == "self-hosted"
    assert "regions" not in found


@pytest.mark.parametrize(
    "text",
    [
        "Fully local, no cloud, our patients' recordings never leave the clinic's machines.",
        "It's a hobby thing: everything local, nothing in somebody's datacenter.",
        "I don't want the footage leaving my home network.",
        "no cloud at all, it's for a bank vault",
        "Models get served from our own Kubernetes cluster.",
        "open weights, deployed inside our own GCP VPC",
        "The assistant must be local-only.",
    ],
)
def test_self_hosting_in_plain_words(text):
    found = extract(text)
    assert found.fields["privacy"] == "self-hosted"
    assert found.fields["open_weights"] is True


@pytest.mark.parametrize(
    "text",
    [
        "I'd prefer self-hosting, but legal is OK with a cloud provider under a DPA, so it's not a hard requirement.",
        "Ideally on-prem, though we're fine with a managed API.",
        "We lean towards self-hosting for this.",
        "Our own servers would be nice. That's not a hard requirement though.",
        "We can't leave customers waiting more than two seconds.",
        "Don't leave anything out of the summary.",
        "We have no cloud experience in the team.",
        "Our own infrastructure team will wire it up.",
        "Nothing may leave the country.",  # a country lock, not our premises
        "Everything local time, please: timestamps in CET.",
    ],
)
def test_a_preference_or_another_meaning_is_no_self_hosting(text):
    found = _fields(text)
    assert found.get("privacy") != "self-hosted"
    assert "open_weights" not in found


def test_a_stated_self_hosting_beside_a_preference_for_something_else_holds():
    assert _fields("We'd prefer Mistral, but everything must run on-prem.")["privacy"] == "self-hosted"


@pytest.mark.parametrize(
    "text",
    [
        "Honestly we don't really care about privacy here, it's all scraped from public forums.",
        "Not worried about data privacy at all for this one.",
        "Privacy doesn't matter, these are our published press releases.",
        "The blog drafts will be public anyway.",
        "Privacy is a non-issue.",
    ],
)
def test_privacy_waived_is_stated_as_none(text):
    found = extract(text)
    assert found.fields["privacy"] == "none"
    assert "inferred" not in found.evidence["privacy"]


@pytest.mark.parametrize(
    "text",
    [
        "I don't care about price; privacy is what matters most.",
        "Does privacy matter for a chatbot like this?",
        "We don't care about latency.",
    ],
)
def test_other_things_waived_say_nothing_of_privacy(text):
    assert _fields(text).get("privacy") != "none"


@pytest.mark.parametrize(
    "text",
    [
        "Claims are anonymised per HIPAA Safe Harbor before we see them; HIPAA does not apply.",
        "The notes were de-identified under HIPAA's Expert Determination method.",
        "HIPAA is out of scope for us.",
        "Patient data is de-identified before it reaches our pipeline.",
        "Since the files are HIPAA-de-identified, HIPAA isn't relevant here, but the PHI fields are gone anyway.",
    ],
)
def test_a_regime_ruled_out_or_only_a_way_to_deidentify_is_not_required(text):
    assert "hipaa" not in _fields(text).get("compliance", [])


@pytest.mark.parametrize(
    ("text", "regime"),
    [
        ("We need HIPAA compliance; GDPR doesn't apply since we're US-only.", "hipaa"),
        ("Hospital discharge notes, HIPAA applies.", "hipaa"),
        ("We don't store patient data, but we need HIPAA compliance for the transcripts.", "hipaa"),
        ("SOC 2 required; HIPAA is not relevant.", "soc2"),
    ],
)
def test_a_regime_stated_beside_another_ruled_out_is_kept(text, regime):
    found = _fields(text)
    assert regime in found["compliance"]
    if "GDPR doesn't" in text:
        assert "gdpr" not in found["compliance"]
    if "HIPAA is not" in text:
        assert "hipaa" not in found["compliance"]


@pytest.mark.parametrize(
    ("text", "output"),
    [
        ("The bot generates dialogue for NPCs. Lines are 30 words max.", 39),  # 30 x 1.3
        ("For our store, write taglines; taglines are 12 words max.", 16),
        ("The model suggests subject lines, each one 10 words max.", 13),
        ("It drafts a WhatsApp reminder per booking, message is ~60 tokens.", 60),
        ("We generate push notifications; every message is about 20 words.", 26),
        ("Output: a structured summary of about 250 words.", 325),
        ("Calls are transcribed (~5k tokens); we need a discharge letter of about 300 words per call.", 390),
    ],
)
def test_what_the_model_writes_is_the_answer(text, output):
    assert _fields(text)["output_tokens"] == output


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("Customers write messages to support; each message is ~50 tokens.", "user_text"),
        ("Users write reviews of ~100 words and we classify them.", "user_text"),
        ("We generate quiz questions from a chapter of ~3k words.", "documents"),  # the source
        ("We need a 10-page contract reviewed by tomorrow.", "documents"),
    ],
)
def test_what_people_write_or_the_model_reads_is_input(text, part):
    found = _fields(text)
    assert part in found["input_parts"]
    assert found.get("output_tokens") is None


@pytest.mark.parametrize(
    ("text", "input_tokens", "output"),
    [
        ("PR bot: patches ~2k tokens, review comment maybe 300.", 2_000, 300),
        ("We condense meeting transcripts of 6k tokens, summary about 250.", 6_000, 250),
        ("It writes a product blurb from the spec sheet (~1k tokens), blurb maybe 80.", 1_000, 80),
    ],
)
def test_a_bare_figure_after_what_the_model_writes_is_its_tokens(text, input_tokens, output):
    found = extract(text)
    assert (found.fields["input_tokens"], found.fields["output_tokens"]) == (input_tokens, output)
    assert "read as tokens" in found.fields["size_notes"]["output_tokens"]


def test_a_bare_figure_after_another_noun_is_no_size():
    assert "output_tokens" not in _fields("We have maybe 400 customers and answer their emails.")


def test_a_word_that_starts_like_a_quantity_is_no_size():
    assert "output_tokens" not in _fields("Generate push notifications for our app.")  # "app" is no "a pp"


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("Translating product manuals, each manual about 10 pages.", 6_000),
        ("A translator for support chats; a chat message is ~40 tokens.", 40),
    ],
)
def test_a_translation_is_as_long_as_its_input_inferred(text, tokens):
    found = extract(text)
    assert found.fields["output_tokens"] == tokens
    assert "output_tokens" in found.inferred
    assert found.evidence["output_tokens"].lower().startswith("inferred from 'translat")
    assert "inferred from the input" in found.fields["size_notes"]["output_tokens"]


@pytest.mark.parametrize(
    "text",
    [
        "We localise our help articles into Polish. One article is roughly 600 words.",  # no word for translating
        "Translation is done upstream; the model summarises 2-page reports.",
        "We summarise translated manuals of ~10 pages.",
        "No translation needed, we classify tickets of ~200 words.",
        "Translate and summarise each article (~800 words) into a short English brief.",
    ],
)
def test_no_translation_job_says_nothing_of_the_answer(text):
    found = extract(text)
    assert "output_tokens" not in found.inferred


@pytest.mark.parametrize(
    ("text", "input_tokens"),
    [
        ("Each policy wording is ~30 pages and we compare two at a time.", 36_000),
        ("One tender runs about 20 pages; we diff three versions together.", 36_000),
        ("A bid is roughly 1,500 tokens and we put four of them in one prompt.", 6_000),
        ("Each lease is ~10 pages, compared in pairs.", 12_000),
    ],
)
def test_items_taken_together_multiply_one_items_size(text, input_tokens):
    found = extract(text)
    assert found.fields["input_tokens"] == input_tokens
    assert " x " in found.fields["size_notes"]["input_tokens"]  # the count times one item's size


@pytest.mark.parametrize(
    ("text", "input_tokens"),
    [
        ("Each ticket is ~300 tokens and we process two at a time.", 300),  # two requests in parallel
        ("A request is ~4k tokens and we compare two models.", 4_000),  # a request's own size
    ],
)
def test_items_in_parallel_or_a_requests_own_size_are_not_multiplied(text, input_tokens):
    assert _fields(text)["input_tokens"] == input_tokens


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("A flagged payment typically brings ~12k tokens of ledger data.", 12_000),
        ("Every ticket carries ~2k tokens of account history.", 2_000),
        ("Each claim comes with about 6 pages of medical records.", 3_600),
    ],
)
def test_what_an_item_brings_is_input(text, tokens):
    assert _fields(text)["input_tokens"] == tokens


@pytest.mark.parametrize(
    ("text", "context"),
    [
        ("Filings run 200 pages, so context must be at least 200k.", 200_000),
        ("Long context please, minimum 64k, the manuals are 80 pages.", 64_000),
        ("Context: 100k minimum.", 100_000),
        ("need a roomy context because we paste whole codebases, 64k min", 64_000),
        ("Context window has to be at least 1M.", 1_000_000),
    ],
)
def test_a_stated_context_floor_beats_one_derived(text, context):
    found = extract(text)
    assert found.fields["min_context"] == context
    assert "inferred" not in found.evidence["min_context"]


@pytest.mark.parametrize(
    "text",
    ["The context is that we have 50k customers.", "Some context: 20k users a day.",
     "In that context 64k rows a minute is a lot."],
)  # fmt: skip
def test_a_figure_beside_the_word_context_is_no_floor(text):
    assert "min_context" not in _fields(text)


def test_a_cloud_region_data_may_not_leave_is_a_place_and_no_premises():
    found = _fields("The data can't leave ap-northeast-1.")
    assert (found["privacy"], found["regions"]) == ("region-locked", ["jp"])
    hosted = _fields("Open weights on our own GPU cluster, and nothing may leave ca-central-1.")
    assert (hosted["privacy"], hosted["regions"]) == ("self-hosted", ["ca"])
    assert "regions" not in _fields("It must not run in us-east-1.")


@pytest.mark.parametrize("said", ["Data should stay in Mexico if possible, but it's not a hard requirement.",
                                  "Ideally everything is processed in Canada.",
                                  "Hosting in Australia would be nice, not a must."])  # fmt: skip
def test_a_place_wished_for_is_no_lock(said):
    fields = extract(said).fields
    assert "regions" not in fields and fields.get("privacy") != "region-locked"


def test_a_cloud_accepted_beside_a_lock_keeps_the_lock():
    assert extract("We're fine with a cloud vendor, but data must stay in the EU.").fields["regions"] == ["eu"]
