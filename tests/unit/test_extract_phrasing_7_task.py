"""Fresh phrasings for the task, the priority, time targets, batch tolerance, sizes and languages, each
class shown on variants of our own with near-misses that must not change."""

from __future__ import annotations

import pytest

from agent.advisor.rules.extract import extract


def _fields(text: str) -> dict:
    return extract(text).fields


# --- the task named in other words ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "task"),
    [
        ("We're building a medical-coding classifier for discharge summaries.", "classification"),
        ("A clinical-coding classifier that reads visit notes.", "classification"),
        ("When a service crashes the model reads the stack trace and picks the owning team; a plain label is fine.",
         "classification"),
        ("Paste a stack trace, get back which team owns the failing code. Just the team name.", "classification"),
        ("Given an exception and traceback, decide which squad should get the page.", "classification"),
        ("Fraud flagging on card authorizations, 2M a day.", "classification"),
        ("We need to flag likely fraud in card transactions.", "classification"),
        ("Detect fraudulent claims in our insurance queue.", "classification"),
        ("Our reviewer bot reviews ~2,000 lines of Go per request and leaves comments.", "coding"),
        ("It reads around 800 lines of Python per diff and points out bugs.", "coding"),
        ("Look over TypeScript files before merge.", "coding"),
        ("A homework tutor for students.", "chat"),
        ("An AI tutor that helps kids with their reading homework.", "chat"),
        ("Study tutor for nursing students, answering their homework questions.", "chat"),
        ("AI writing assistant for real estate listings.", "creative"),
        ("A writing assistant that helps agents draft property listings.", "creative"),
        ("A copywriting tool for our rental listings.", "creative"),
        ("NPCs that improvise dialogue with players in our RPG.", "creative"),
        ("Our game's villagers should improvise lines when the player talks to them.", "creative"),
        ("Tavern NPCs who banter with the party.", "creative"),
        ("A call-center knowledge assistant; each query retrieves 8 chunks.", "rag"),
        ("Internal helpdesk assistant, it retrieves the top 5 passages per question.", "rag"),
        ("A knowledge bot for our field engineers.", "rag"),
        ("An AI journaling app: users write entries and send messages to the companion.", "chat"),
        ("A companion for lonely seniors that remembers their week.", "chat"),
        ("An AI companion people talk to in the evenings.", "chat"),
        ("Treatment notes turned into referral letters for specialists.", "summarization"),
        ("Turn session notes into a discharge letter for the GP.", "summarization"),
        ("We write referral letters from therapists' treatment notes.", "summarization"),
        ("Draft the handover letter from the ward notes.", "summarization"),
    ],
)
def test_a_task_said_in_other_words(text, task):
    assert _fields(text).get("task") == task


@pytest.mark.parametrize(
    ("text", "task"),
    [
        ("Extract the amounts from the referral letters we receive.", "extraction"),
        ("Our clinical coding staff need ICD-10 codes pulled out of referral letters", "extraction"),
        ("Summarize the companion guide for the exhibition.", "summarization"),
        ("The fraud team wants weekly summaries of their case notes.", "summarization"),
        ("A homework tutor for high-school students, mostly algebra and geometry proofs.", "reasoning"),
        ("Write unit tests for our Python services.", "coding"),
    ],
)
def test_a_task_near_miss_keeps_its_reading(text, task):
    assert _fields(text).get("task") == task


# --- quality first in words ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "We'd rather be slow than wrong.",
        "Better slow than wrong, honestly.",
        "I would rather it be expensive than inaccurate.",
        "Answers must be right; cost is secondary.",
        "The labels have to be correct, price is secondary.",
        "Depth of analysis matters most.",
        "Thoroughness is key for us.",
        "Rigor comes first.",
    ],
)
def test_quality_first_in_words(text):
    assert _fields(text).get("priority") == "quality"


@pytest.mark.parametrize(
    ("text", "priority"),
    [
        ("Speed matters more than depth.", "latency"),
        ("Cost is secondary.", None),
        ("It must be right the first time.", None),
        ("We'd rather be fast than perfect.", None),
    ],
)
def test_quality_near_misses(text, priority):
    assert _fields(text).get("priority") == priority


# --- a felt wait is a time target ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "ms"),
    [
        ("Voice agent: anything past 200 ms before the line starts is noticeable.", 200),
        ("Anything over 300ms before it starts talking feels laggy.", 300),
        ("A pause of more than 0.8 s before the reply begins and people talk over it.", 800),
        ("Any delay beyond 700 milliseconds until the first word sounds unnatural.", 700),
    ],
)
def test_a_felt_wait_is_a_first_words_target(text, ms):
    assert _fields(text).get("max_ttft_ms") == ms


@pytest.mark.parametrize(
    "text",
    [
        "We process over 2 minutes of audio per call.",
        "The clips are over 30 seconds long and users notice bad cuts.",
        "It took over 4 s last time and users complained.",
    ],
)
def test_a_size_or_a_past_time_is_no_target(text):
    fields = _fields(text)
    assert "max_ttft_ms" not in fields and "max_response_ms" not in fields


# --- batch tolerance, never inverted ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Every single request is real-time, nothing can be batched.",
        "Everything is live; none of it can be batched.",
        "Not one request can be batched.",
        "Users wait on each answer, nothing here can wait for a batch.",
    ],
)
def test_nothing_can_be_batched_sets_no_batch(text):
    assert _fields(text).get("batch_share") in (None, 0)


@pytest.mark.parametrize(
    "text",
    [
        "We'd run it once a week across the whole repo, overnight.",
        "Run the audit monthly over every contract, over the weekend.",
        "Nothing's urgent - can we just batch all of it?",
        "None of this is time-critical, could we batch the lot?",
    ],
)
def test_work_that_can_wait_goes_to_batch(text):
    assert _fields(text).get("batch_share") == 1.0


@pytest.mark.parametrize(
    "text",
    [
        "We run it every time a PR opens, nothing overnight.",
        "We run a bakery and overnight orders come in by email.",
    ],
)
def test_batch_near_misses(text):
    assert _fields(text).get("batch_share") is None


# --- the size of the produced thing is the output -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "output"),
    [
        ("Treatment notes turned into referral letters. Notes are about 300 words, letters about 200 words.", 260),
        ("Clinicians' notes get converted to referral letters; notes are about 300 words, letters about 200 words.",
         260),
        ("Each seat averages 20 AI-drafted emails per day. Emails are ~120 words.", 156),
        ("Each rep sends around 25 AI-written emails daily; an email is about 90 words.", 117),
        ("Every agent gets 12 model-drafted replies a day, replies are ~60 words.", 78),
    ],
)
def test_the_size_of_what_the_model_writes_is_the_output(text, output):
    fields = _fields(text)
    assert fields.get("output_tokens") == output


@pytest.mark.parametrize(
    ("text", "input_tokens"),
    [
        ("Customers send us emails of ~120 words; we classify them.", 156),
        ("We convert the notes to PDF. Notes are about 300 words.", 390),
    ],
)
def test_a_size_of_what_is_read_stays_input(text, input_tokens):
    fields = _fields(text)
    assert fields.get("input_tokens") == input_tokens and "output_tokens" not in fields


# --- what one request carries -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "input_tokens"),
    [
        ("Filings are long, often 80 pages, but we only send the relevant section, roughly 5 pages.", 3000),
        ("Contracts can run 60 pages, but we only pass the clause section, about 3 pages, to the model.", 1800),
        ("Reports are 40 pages; we just feed it the executive part, 2 pages or so.", 1200),
        ("Decks hit 90 pages but we send only the pricing section, 4 pages.", 2400),
    ],
)
def test_only_the_part_sent_is_the_input(text, input_tokens):
    fields = _fields(text)
    assert fields.get("input_tokens") == input_tokens and "min_context" not in fields


@pytest.mark.parametrize(
    "text",
    [
        "Our safety manual is 350 pages; workers ask questions answered from it.",
        "Workers ask questions about our 350-page safety manual.",
        "The operations manual runs 500 pages and technicians look things up in it.",
        "Staff ask about the 120-page benefits guide all day.",
    ],
)
def test_a_fixed_document_questions_are_asked_of_is_a_collection(text):
    assert "input_tokens" not in _fields(text)


@pytest.mark.parametrize(
    ("text", "input_tokens"),
    [
        ("Contracts run 60 pages and we send the whole thing.", 36000),
        ("Users upload 120-page reports and ask questions about them.", 72000),
        ("Users upload a 30-page PDF and ask questions about it.", 18000),
    ],
)
def test_a_document_sent_whole_stays_input(text, input_tokens):
    assert _fields(text).get("input_tokens") == input_tokens


# --- only English for the model ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "We have a Spanish version of the site, but the bot only needs to speak English for now.",
        "Our French and German storefronts exist, though the assistant is English-only.",
        "There is a Japanese app too; the model just has to understand English.",
        "The bot only needs to speak English, the Spanish site is handled by a human team.",
    ],
)
def test_the_model_only_speaking_english_needs_no_other_language(text):
    assert not _fields(text).get("languages")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("We have a Spanish version of the site and the bot should answer there too.", "spanish"),
        ("Docs are in German and French, answers only in English.", "german"),
        ("It only needs to handle English and Spanish.", "spanish"),
        ("Users write in Portuguese; the bot only needs to reply in English.", "portuguese"),
    ],
)
def test_a_language_the_model_handles_stays(text, language):
    assert language in (_fields(text).get("languages") or [])
