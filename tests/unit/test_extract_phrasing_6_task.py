"""The task and the needs read from what the model does, not from any one keyword: acting in the user's own
systems is an agent with tools, images read to a label are vision, generated game text and stories are
creative, and a modality put off or handled before the model is no need. Variants of our own."""

from __future__ import annotations

import pytest

from agent.advisor.rules.extract import extract


@pytest.mark.parametrize(
    "text",
    [
        "A Telegram bot for our gym members to freeze memberships; it has to hit our billing API to check the "
        "contract and apply the freeze.",
        "A Slack assistant where shift leads ask 'who is free on Saturday morning' and it queries our rostering "
        "API for the answer.",
        "The model reads the technician's note, proposes a fix and updates the ticket in our field-service system.",
        "An agent that reads each refund request, looks up the payment in Stripe, checks our refund rules and "
        "replies to the customer.",
        "Patients message the clinic and the assistant reserves a slot in the clinic's calendar.",
        "Rebooking flights in our reservation system through the API when a connection is missed.",
        "An HR helper that pulls leave balances from Workday and answers staff questions about them.",
    ],
)
def test_the_model_acting_in_the_users_systems_is_an_agent_with_tools(text):
    found = extract(text).fields
    assert found["task"] == "agent"
    assert "tools" in found["needs"]


@pytest.mark.parametrize(
    "text",
    [
        "The assistant writes the SQL and runs the query on our warehouse database, then explains the result.",
        "We want the bot to create a lead in HubSpot whenever a visitor leaves an email.",
    ],
)
def test_acting_in_a_system_needs_tools_whatever_the_task(text):
    assert "tools" in extract(text).fields["needs"]


@pytest.mark.parametrize(
    "text",
    [
        "Our human agents look the order up in Shopify; the bot only answers FAQ questions, no tool use needed.",
        "We call the model through the OpenAI API from our backend.",
        "We call Claude via their API and store the answers.",
        "User queries come in through our API and we want a cheap model for them.",
        "Inbound calls from our phone system are transcribed and summarised.",
        "Our support staff search the CRM by hand today; the model just drafts the reply.",
        "Could the bot book rooms in our PMS at some point?",
        "Later we might want it to update our CRM, but not now.",
        "It never writes to our database; it only drafts text.",
    ],
)
def test_people_acting_the_model_reached_by_api_or_an_action_put_off_need_no_tools(text):
    found = extract(text).fields
    assert "tools" not in found.get("needs", [])
    assert found.get("task") != "agent"


def test_extraction_pushed_into_a_system_stays_extraction():
    found = extract("Extract the line items from supplier invoices and push them into NetSuite.").fields
    assert found["task"] == "extraction"
    assert "tools" in found["needs"]


@pytest.mark.parametrize(
    "text",
    [
        "Screen the pictures people upload to our recipe forum: safe / unsafe / spam.",
        "We want to categorise ~25k holiday snapshots by what is in the photos: beach, city, food, people.",
        "Tag every product photo with colour and style for the catalogue.",
        "Flag each X-ray if it shows a fracture.",
        "OCR-style reading of the address labels on returned parcels.",
    ],
)
def test_images_read_to_a_label_are_a_vision_task(text):
    found = extract(text).fields
    assert found["task"] == "vision"
    assert "vision" in found["needs"]


@pytest.mark.parametrize(
    "text",
    [
        "Classify support emails into billing / bug / other, some with screenshots attached.",
        "Label product reviews by sentiment: positive / neutral / negative.",
        "We print shipping labels ourselves and want to sort the tickets about them into 6 queues.",
    ],
)
def test_text_labelled_beside_an_image_word_stays_classification(text):
    assert extract(text).fields["task"] == "classification"


@pytest.mark.parametrize(
    "text",
    [
        "Insurance claim forms arrive as scans, usually hand-filled, and we need the fields as JSON.",
        "Paper intake questionnaires, written by hand, photographed and returned as JSON.",
    ],
)
def test_forms_filled_in_by_hand_need_vision_and_are_extraction(text):
    found = extract(text).fields
    assert found["task"] == "extraction"
    assert {"vision", "json"} <= set(found["needs"])


def test_shipping_labels_are_no_classification_and_no_image_by_themselves():
    found = extract("A chatbot that answers where a parcel is from the number on its shipping label.").fields
    assert found["task"] == "chat"


@pytest.mark.parametrize(
    "text",
    [
        "Generate mission blurbs and character backstories from a template plus a few tags per NPC.",
        "We need seasonal event texts and in-game mails for our mobile RPG, about 200 a week.",
        "Every evening the app tells a funny bedtime story about the child's favourite toy.",
        "It writes a short original story for each reader from three keywords.",
        "Launch announcement copy for each new feature, in a playful tone.",
    ],
)
def test_generated_game_text_and_stories_are_creative(text):
    assert extract(text).fields["task"] == "creative"


@pytest.mark.parametrize(
    ("text", "task"),
    [
        ("Our PM writes user stories in Jira and we want them classified by team.", "classification"),
        ("Tag each forum post with up to 3 tags from our fixed list.", "classification"),
    ],
)
def test_user_stories_and_tags_given_out_are_no_creative_writing(text, task):
    found = extract(text).fields
    assert found["task"] == task
    assert "tools" not in found.get("needs", [])


@pytest.mark.parametrize(
    "text",
    [
        "A helper for new hires that answers questions about leave and expenses using our HR documents.",
        "Club members ask about the rules of the league and it answers from the rulebooks we publish... "
        "actually from our own 300 rulebook PDFs, it has to search them.",
        "An assistant for pharmacists: answers dosage questions based on the hospital's guidelines.",
        "We have ~2,000 manuals and the bot should look through them to answer our technicians.",
    ],
)
def test_answers_drawn_from_the_users_documents_are_rag(text):
    assert extract(text).fields["task"] == "rag"


@pytest.mark.parametrize(
    "text",
    [
        "A detective game: players question witnesses by typing freely and each witness must stay in character.",
        "Users chat with historical characters who answer as themselves.",
        "A language-learning app where learners role-play ordering food with a waiter persona.",
    ],
)
def test_talking_with_a_character_is_chat(text):
    assert extract(text).fields["task"] == "chat"


def test_writing_character_dialogue_for_writers_stays_creative():
    assert extract("Draft NPC dialogue for our writers to edit before release.").fields["task"] == "creative"


@pytest.mark.parametrize(
    "text",
    [
        "We need to summarise roughly 80 inspection reports a day; they come as PDFs and a few contracts.",
        "Summaries of the board packs and filings we receive, one paragraph each.",
    ],
)
def test_documents_summarised_are_a_summarization(text):
    assert extract(text).fields["task"] == "summarization"


@pytest.mark.parametrize(
    "text",
    [
        "Comparing the lease terms of two landlords side by side and pointing out where they differ.",
        "Flag the deviations between a supplier's contract and our standard template.",
        "It highlights coverage gaps when a broker puts two quotes next to each other.",
    ],
)
def test_documents_compared_are_a_document_analysis(text):
    assert extract(text).fields["task"] == "document-analysis"


def test_comparing_prices_is_no_document_analysis():
    assert extract("A chatbot that helps shoppers compare prices across our stores.").fields["task"] == "chat"


@pytest.mark.parametrize(
    "text",
    [
        "Normalise every listing (brand, size, material) coming in from 40 supplier feeds that are a mess.",
        "We need normalisation of addresses from free-text delivery notes into street, city and postcode.",
    ],
)
def test_messy_records_made_uniform_are_extraction(text):
    assert extract(text).fields["task"] == "extraction"


@pytest.mark.parametrize(
    "text",
    [
        "Pick the right customs commodity code for each item description on an import declaration.",
        "Suggest CPT procedure codes from the surgeon's operative note.",
        "Map each supplier's product line to one of our UNSPSC codes.",
    ],
)
def test_a_code_picked_from_a_code_system_is_classification(text):
    assert extract(text).fields["task"] == "classification"


@pytest.mark.parametrize(
    "text",
    [
        "Extract the HS codes and declared values printed on each commercial invoice.",
        "Write product descriptions for our new range of trail shoes.",
    ],
)
def test_codes_read_off_a_document_and_descriptions_written_keep_their_task(text):
    task = extract(text).fields["task"]
    assert task == ("extraction" if "Extract" in text else "creative")


@pytest.mark.parametrize(
    "text",
    [
        "A voiceless kitchen assistant for now; speaking to it would be nice one day but not now.",
        "Spoken input could come later, in phase 2. Today users type.",
        "Our call-centre partner sends us transcripts from their speech analytics service, so it's text in.",
        "We receive finished transcripts of every interview and want themes pulled out.",
    ],
)
def test_audio_put_off_or_transcribed_before_the_model_is_no_need(text):
    assert "audio" not in extract(text).fields.get("needs", [])


@pytest.mark.parametrize(
    "text",
    [
        "The model should take the raw voicemail audio directly and tell us who to call back.",
        "The input is text in Spanish and the answer must be spoken back as audio.",
        "Voice input now, images maybe later.",
    ],
)
def test_audio_the_model_hears_now_is_a_need(text):
    assert "audio" in extract(text).fields["needs"]


def test_images_wished_for_later_are_no_need_yet():
    found = extract("Voice input now; image uploads would be great someday, not for launch.").fields
    assert "vision" not in found.get("needs", [])


@pytest.mark.parametrize("said", [
    "Insurance claim emails, often with photos of the damage attached, but we don't need the model to look at them.",
    "Tickets sometimes carry screenshots; the bot can just ignore the screenshots and read the text.",
])  # fmt: skip
def test_images_the_model_need_not_look_at_need_no_vision(said):
    fields = extract(said).fields
    assert "vision" not in fields.get("needs", []) and fields.get("task") != "vision"


def test_images_the_model_must_look_at_still_need_vision():
    assert "vision" in extract("The model has to look at the photos and rate the damage.").fields["needs"]
