"""Round 13, meaning: a capability said not to be needed or put off under a heading, long PDFs read for
contradictions, places said as soil, a form field or a question, no training wished beside a waived
residency, what the user can't afford, answers drawn from a corpus, batch said as a time allowed, a first
word's wait in fractions of a second and what a robot's camera sends. Each class on variants of our own,
with near-misses that must not change."""

from __future__ import annotations

import pytest

from agent.advisor.rules.extract import extract


def _fields(text: str) -> dict:
    return extract(text).fields


# --- 1. a capability said not to be needed, or put off, sets nothing ------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "We don't need vision at all: the forms reach us as plain text after OCR.",
        "No image understanding required. Our scanner vendor does the OCR and sends us text.",
        "Vision isn't needed here, it's all already text by the time it gets to us.",
        "We won't need multimodal input; the pipeline gives us the post-OCR text of each scanned page.",
    ],
)
def test_seeing_said_not_to_be_needed_sets_no_vision(text):
    fields = _fields(text)
    assert "vision" not in fields.get("needs", [])
    assert fields.get("task") != "vision"


@pytest.mark.parametrize(
    "text",
    [
        "Summarise each board pack.\nOut of scope: chart and photo analysis (v2)",
        "Summarise each board pack.\n\nNon-goals:\n- reading scanned images\n- voice input\n\nOutput: JSON",
        "Summarise each board pack. Future work (maybe 2027): screenshots and voice notes.",
        "Summarise each board pack.\n## Out of scope\nPhoto uploads\nAudio recordings\n\n## Volume\n300 a day",
        "Summarise each board pack; photo upload (phase 2) would be handy.",
    ],
)
def test_capabilities_listed_for_later_or_out_of_scope_set_nothing(text):
    fields = _fields(text)
    assert fields.get("task") == "summarization"
    assert not {"vision", "audio"} & set(fields.get("needs", []))


@pytest.mark.parametrize(
    "text",
    [
        "Summarise tickets.\nImages: not needed\nAudio: no\nJSON: yes",
        "Summarise tickets.\n- Vision: n/a\n- Voice: none\n- Output: JSON",
        "Summarise tickets. Images - not required. Audio: nope. We want JSON back.",
    ],
)
def test_a_capability_field_answered_no_sets_nothing_and_spares_the_next_line(text):
    fields = _fields(text)
    assert not {"vision", "audio"} & set(fields.get("needs", []))
    assert "json" in fields.get("needs", [])


def test_a_capability_field_with_a_count_still_counts():
    assert "vision" in _fields("Images: no more than 3 per ticket, and the model must read them.").get("needs", [])


@pytest.mark.parametrize(
    "text",
    [
        "Summarise each call.\nPhase 2 (late next year): add Irish and Basque.",
        "Summarise each call. Out of scope for v1: Catalan support.",
        "Summarise each call.\nLater phases:\n- Polish\n- Czech",
    ],
)
def test_languages_listed_for_later_are_no_need(text):
    assert not _fields(text).get("languages")


@pytest.mark.parametrize(
    "text",
    [
        "We need image input: photos of dented car panels, returned as JSON.",
        "Future-proofing: the model must read the scanned delivery notes now.",
        "Phase 2 of our rollout: every store now sends shelf photos.",
        "Out of scope: audio. We read photos of shelf labels and return the prices.",
        "We need vision for the shelf photos; audio is out of scope.",
    ],
)
def test_a_capability_needed_now_still_counts(text):
    assert "vision" in _fields(text).get("needs", [])


# --- 2. long PDFs read for contradictions are document analysis -----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "We ingest tender PDFs of 90-240 pages and need to check them for internal inconsistencies.",
        "The tool takes 150-page PDF specifications and detects contradictions between sections.",
        "Upload a 300-page PDF bid and catch any discrepancies between the price schedule and the annexes.",
        "Requirements:\n- Input: PDF reports, 80-200 pages\n- Job: identify inconsistencies across chapters\n"
        "Out of scope: figure and image analysis (later)",
    ],
)
def test_long_pdfs_checked_for_contradictions_are_document_analysis(text):
    fields = _fields(text)
    assert fields.get("task") == "document-analysis"
    assert "vision" not in fields.get("needs", [])


def test_scanned_pdfs_still_need_vision():
    fields = _fields("The PDFs are scanned photos of paper forms; flag inconsistencies between pages.")
    assert "vision" in fields.get("needs", [])


# --- 3. places: soil, a form field, UK GDPR, a question ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Everything has to remain on Canadian soil.", "ca"),
        ("The data must be kept on Australian soil at all times.", "au"),
        ("Records must stay on German soil, per our works council.", "de"),
        ("Patient notes are stored on UK soil only.", "uk"),
    ],
)
def test_data_kept_on_a_countrys_soil_is_locked_there(text, place):
    fields = _fields(text)
    assert fields.get("privacy") == "region-locked"
    assert place in fields.get("regions", [])


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("Summaries of tickets.\nHosting: Canada or the US, nowhere else.", {"ca", "us"}),
        ("- Data residency: Switzerland\n- Volume: 2k/day", {"ch"}),
        ("Data location: EU or UK, never anywhere else", {"eu", "uk"}),
        ("Requirements. Hosting - Japan. Latency under 2 s.", {"jp"}),
    ],
)
def test_a_hosting_field_filled_with_places_locks_to_them(text, places):
    fields = _fields(text)
    assert fields.get("privacy") == "region-locked"
    assert set(fields.get("regions", [])) == places


@pytest.mark.parametrize(
    "text",
    [
        "Hosting: EU customers mostly, we don't mind where it runs",
        "Hosting: Canada preferred",
        "Data location: Germany if possible",
    ],
)
def test_a_hosting_field_about_customers_or_a_wish_is_no_lock(text):
    assert _fields(text).get("privacy") != "region-locked"


@pytest.mark.parametrize(
    "text",
    [
        "We fall under UK GDPR, and everything must stay in the UK.",
        "UK-GDPR applies; the data stays in the United Kingdom.",
        "Under the UK GDPR our records have to be hosted in Britain.",
        "GDPR applies, but the data must stay in the UK.",
    ],
)
def test_uk_gdpr_with_a_uk_lock_adds_no_eu_region(text):
    fields = _fields(text)
    assert fields.get("regions") == ["uk"]
    assert "gdpr" in fields.get("compliance", [])


def test_eu_gdpr_alone_still_means_the_eu():
    assert "eu" in _fields("We're a Dutch clinic and GDPR applies.").get("regions", [])


@pytest.mark.parametrize(
    "text",
    [
        "Would the model have to be hosted in Saudi Arabia? We really don't know.",
        "Not sure yet whether the data must stay in Qatar.",
        "Maybe it all has to stay in Kenya. No idea yet.",
        "Data may have to stay in Singapore (TBD with legal).",
    ],
)
def test_a_lock_asked_about_or_unsure_sets_nothing(text):
    fields = _fields(text)
    assert fields.get("privacy") != "region-locked"
    assert not fields.get("regions")


@pytest.mark.parametrize(
    "text",
    [
        "Not sure about our volume yet, but the data must stay in Qatar.",
        "Data must stay in the EU; unsure about the volume.",
        "Data must stay in Singapore. Not sure about the budget though.",
    ],
)
def test_unsure_of_something_else_keeps_the_lock(text):
    assert _fields(text).get("privacy") == "region-locked"


# --- 4. no training wished beside a waived residency --------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Where it's hosted isn't a requirement; we only need them never to train on our prompts.",
        "Data location is not mandatory, all we ask is that nothing is used for training.",
        "Residency isn't a must - what we need is no training on customer chats.",
        "Region doesn't matter; the only requirement is the vendor doesn't train on our data.",
    ],
)
def test_no_training_beside_a_waived_residency_is_no_training(text):
    assert _fields(text).get("privacy") == "no-training"


def test_no_training_itself_waived_stays_unset():
    text = "We'd prefer they don't train on our tickets, but that's not a hard requirement."
    assert _fields(text).get("privacy") != "no-training"


# --- 5. priority: what the user can't afford, money said to be missing ---------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Money's not the issue. We can't tolerate laggy replies on the phone line.", "latency"),
        ("Spend isn't a concern for us; what we cannot accept is sluggish answers.", "latency"),
        ("Cost is fine. What we can't risk is wrong answers going to patients.", "quality"),
        ("We've got next to no funding for this, it's a side thing for the club.", "cost"),
        ("We have practically zero budget. A free plan would be fantastic.", "cost"),
        ("There's no real money for this; a free tier would be a lifesaver.", "cost"),
    ],
)
def test_what_cannot_be_afforded_or_spent_sets_the_priority(text, want):
    assert _fields(text).get("priority") == want


def test_no_budget_cap_is_no_cost_priority():
    assert _fields("There's no budget limit, we just want the best answers.").get("priority") != "cost"


# --- 6. answers from a corpus, a data room reviewed, a note written from a call ----------------------


@pytest.mark.parametrize(
    "text",
    [
        "A research assistant for tax advisers that answers using a licensed library of rulings.",
        "An assistant for our engineers that answers from an archive of 20 years of incident reports.",
        "A helper for clerks that answers based on the corpus of planning decisions we hold.",
        "A bot answering shoppers' questions about the store's return policies.",
        "A copilot that answers staff questions about their employer's leave policies, from the handbooks "
        "each client uploads.",
    ],
)
def test_answers_drawn_from_a_corpus_are_rag(text):
    assert _fields(text)["task"] == "rag"


@pytest.mark.parametrize(
    "text",
    [
        "We review virtual data rooms for buy-side deals; each document runs about 12 pages.",
        "Our analysts go through data rooms during due diligence and flag anything odd.",
        "Reviewing data rooms for acquisitions, a few thousand docs per deal.",
        "Take an entire virtual data room and answer associates' questions with citations.",
    ],
)
def test_data_rooms_are_read_as_documents(text):
    task = _fields(text)["task"]
    assert task in ("document-analysis", "rag")
    assert task == "rag" if "citations" in text else task == "document-analysis"


@pytest.mark.parametrize(
    "text",
    [
        "After each support call we want the model to write the after-call notes from the recording.",
        "Draft the visit notes for the nurse straight from the audio of the home visit.",
        "Generate the meeting minutes from each Zoom recording.",
        "Agents spend 4 minutes on wrap-up notes; the model should write them from the call audio.",
    ],
)
def test_notes_written_from_a_call_are_summarization(text):
    assert _fields(text)["task"] == "summarization"


def test_a_chatbot_for_a_firm_that_did_due_diligence_stays_chat():
    assert _fields("We did our due diligence on vendors; now we want a chatbot for our shop.")["task"] == "chat"


# --- 7. batch said as the time allowed ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "- Speed: not important, the labels can arrive the following morning",
        "Turnaround: next working day is acceptable.",
        "SLA: 2 business days for each report.",
        "It's fine if the summaries come the next morning.",
        "No hard deadline, the backfill runs over the coming months.",
        "The digest can land in their inbox next morning.",
    ],
)
def test_a_time_allowed_of_a_day_or_more_is_batch(text):
    assert _fields(text).get("batch_share") == 1.0


@pytest.mark.parametrize(
    "text",
    [
        "Turnaround: 3 seconds per reply.",
        "We have no deadline for the launch, it's a chatbot for our gym.",
        "It's not fine if results come the next morning, the nurses need them at once.",
    ],
)
def test_a_short_turnaround_or_a_project_deadline_is_no_batch(text):
    assert _fields(text).get("batch_share") is None


# --- 8. the wait for the first words in fractions of a second -------------------------------------------


@pytest.mark.parametrize(
    ("text", "ms"),
    [
        ("Callers notice when the bot stays silent for longer than half a second before it starts speaking.", 500),
        ("Any pause over a quarter of a second before the voice starts is noticeable.", 250),
        ("Viewers complain if the avatar hesitates more than a tenth of a second before it begins to talk.", 100),
        ("Players notice if a villager waits over 300 ms before starting its line.", 300),
    ],
)
def test_a_felt_wait_before_the_first_words_is_the_ttft(text, ms):
    assert _fields(text).get("max_ttft_ms") == ms


def test_a_fraction_of_a_second_of_audio_is_no_wait():
    assert "max_ttft_ms" not in _fields("Each clip is a quarter of a second of audio.")


# --- 9. what a robot's camera sends needs vision -------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Each arm posts a snapshot from its wrist camera with the command and needs a grasp plan back as JSON.",
        "The drone sends RGB frames and a goal; the model returns waypoints.",
        "Our forklift uploads a camera still plus an instruction, and the model has to plan the lift.",
        "Stills from the CCTV go to the model with a question about the loading bay.",
    ],
)
def test_frames_from_a_camera_need_vision(text):
    assert "vision" in _fields(text).get("needs", [])


def test_a_shop_that_sells_cameras_needs_no_vision():
    fields = _fields("We sell camera gear online and want a support chatbot.")
    assert fields["task"] == "chat"
    assert "vision" not in fields.get("needs", [])
