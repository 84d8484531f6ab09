"""A first message that asks beside what it states: the lines of a list, a question that carries the
job's own figures, a question that opens a job description, and an email's numbered questions. The
statements are read; what the questions wonder about sets nothing; a pure question changes nothing.
Phrasings written for this file, none taken from a measured set."""

from __future__ import annotations

import pytest

from agent.advisor.context import AdvisorTools
from agent.advisor.rules.extract import extract
from agent.advisor.rules.questions import asked_sentences, is_question, stated_part
from agent.advisor.sessions import Advisor
from tests.conftest import TODAY


@pytest.fixture(scope="module")
def advisor(catalog, tmp_path_factory):
    advisor = Advisor(AdvisorTools(catalog=catalog, today=TODAY), tmp_path_factory.mktemp("q") / "sessions.sqlite")
    yield advisor
    advisor.close()


def first_turn(advisor, text):
    """What one `tradeoff ask "..."` turn in a new session reads."""
    return advisor.turn(text).state


def stated(text):
    return extract(stated_part(text)).fields


# --- 1. a list of requirements whose last line asks ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("* classify inbound support emails into 12 categories\n* roughly 4,000 emails a day\n* must stay in the US\n"
         "* is a small model good enough for this?",
         {"requests_per_day": 4000, "task": "classification", "regions": ["us"]}),
        ("• Summarise sales call transcripts\n• ~300 calls per day\n• budget $400/month\n"
         "• Do we need a reasoning model?",
         {"requests_per_day": 300, "budget_usd_month": 400, "task": "summarization"}),
        ("1. chatbot for our webshop\n2. 5k chats/day\n3. answers within 2 seconds\n4. what's a sensible budget?",
         {"requests_per_day": 5000, "max_ttft_ms": 2000, "task": "chat"}),
        ("extract fields from invoices into JSON\n2,000 invoices a week\ndata must stay in Canada\n"
         "could we use a batch API for this?",
         {"task": "extraction", "needs": ["json"], "regions": ["ca"]}),
        ("- pull totals out of delivery notes -> JSON\n- 12k notes/mo\n- keep it in the EU (hard requirement)\n"
         "- nothing is time-critical, ok to batch everything?",
         {"task": "extraction", "needs": ["json"], "requests_per_day": 400, "regions": ["eu"]}),
    ],
)  # fmt: skip
def test_the_lines_of_a_list_are_statements_though_the_last_one_asks(text, expected):
    assert not is_question(text)
    found = stated(text)
    for name, value in expected.items():
        assert found.get(name) == (pytest.approx(value) if isinstance(value, (int, float)) else value), name


def test_a_list_ending_in_a_question_is_read_by_the_advisor_turn(advisor):
    state = first_turn(advisor, "- task: pull line items out of shipping manifests -> JSON\n- 6k manifests/mo\n"
                                "- EU data residency (must)\n- can we just batch all of it?")  # fmt: skip
    assert state.requirements["task"] == "extraction"
    assert state.requirements["requests_per_day"] == pytest.approx(200)
    assert state.requirements["regions"] == ["eu"]
    assert "json" in state.requirements["needs"]


def test_a_list_of_questions_is_still_a_question():
    assert is_question("- what is TTFT?\n- what is RAG?")
    assert is_question("what is TTFT?\nand what is RAG?")


def test_a_line_that_asks_sets_nothing_of_its_own():
    found = stated("- 5k chats/day\n- do we need HIPAA?")
    assert found["requests_per_day"] == 5000
    assert "compliance" not in found


def test_a_question_wrapped_over_two_lines_is_still_one_question():
    text = ("We run 5k chats a day. Would it be cheaper to run this ourselves on our own GPUs rather than\n"
            "paying for the hosted API?")  # fmt: skip
    found = stated(text)
    assert found["requests_per_day"] == 5000
    assert "privacy" not in found


# --- 2. a question that carries the job's own figures ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected", "not_set"),
    [
        ("Is it worth self-hosting for 30k chats a day averaging 1,500 tokens of input? The data can't leave Canada.",
         {"requests_per_day": 30_000, "input_tokens": 1500, "regions": ["ca"]}, ["privacy:self-hosted"]),
        ("Would an open model hold up at 8,000 requests per day with 4k-token prompts? We need it to stay in Germany.",
         {"requests_per_day": 8000, "input_tokens": 4000, "regions": ["de"]}, ["open_weights"]),
        ("We're fine with any provider as long as it's HIPAA compliant. When does self-hosting beat the API at "
         "120k requests a day?", {"requests_per_day": 120_000, "compliance": ["hipaa"]}, ["privacy"]),
        ("How much would routing save us on 2 million requests a month with 600-token prompts? Budget is $3k/month.",
         {"requests_per_day": 2_000_000 / 30, "input_tokens": 600, "budget_usd_month": 3000}, []),
    ],
)  # fmt: skip
def test_the_figures_a_question_carries_are_the_jobs_own(advisor, text, expected, not_set):
    found = first_turn(advisor, text).requirements
    for name, value in expected.items():
        assert found.get(name) == (pytest.approx(value) if isinstance(value, (int, float)) else value), name
    for name in not_set:
        name, _, value = name.partition(":")
        assert found.get(name) != value if value else name not in found


@pytest.mark.parametrize(
    ("text", "volume"),
    [
        ("Our data must stay in the EU. Would self-hosting pay off at 10k or 100k requests a day?", None),
        ("Our data must stay in the EU. What would it cost if we hit 1M requests a day?", None),
        ("Our data must stay in the EU. Would self-hosting still pay off above 100k requests a day?", None),
        ("We do 10k requests a day; the data must stay in the EU. Would self-hosting beat the API at 200k a day?",
         10_000),
    ],
)  # fmt: skip
def test_a_volume_a_question_only_wonders_about_is_not_the_jobs(advisor, text, volume):
    found = first_turn(advisor, text).requirements
    assert found.get("requests_per_day") == volume
    assert found["regions"] == ["eu"]


def test_a_pure_question_with_figures_changes_nothing(advisor):
    state = first_turn(advisor, "Does self-hosting pay off at ~50k requests/day with 2k-token prompts?")
    assert state.requirements == {}
    assert state.intent != "constraints"


# --- 3. a question first, then the job ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected", "not_set"),
    [
        ("Does HIPAA apply to us? We're a dental clinic chain summarising 400 visit notes a day.",
         {"requests_per_day": 400, "task": "summarization"}, ["compliance"]),
        ("Do we even need SOC 2? Nobody has asked for it yet. We classify insurance claims, 2,500 a day, "
         "answers within 5 seconds.", {"requests_per_day": 2500, "task": "classification"}, ["compliance"]),
        ("Should we care about GDPR? Our users are all in the US. We run a coding assistant, 3,000 requests a day.",
         {"requests_per_day": 3000, "task": "coding"}, ["compliance"]),
        ("Would tool calling help here? We summarise meeting notes, around 900 a day",
         {"requests_per_day": 900, "task": "summarization"}, ["needs"]),
        ("We're building a contract review tool, 150 contracts a day. Will a 128k window do, or do we need chunking?",
         {"requests_per_day": 150}, ["min_context"]),
    ],
)  # fmt: skip
def test_a_question_before_the_job_sets_nothing_and_the_job_is_read(advisor, text, expected, not_set):
    found = first_turn(advisor, text).requirements
    for name, value in expected.items():
        assert found.get(name) == value, name
    for name in not_set:
        assert name not in found, name


@pytest.mark.parametrize(
    ("text", "volume", "not_set"),
    [
        ("We summarise 300-page filings, about 40 a day - is a 200k context window enough or will we need chunking?",
         40, "min_context:200000"),
        ("None of our clients asked, so would SOC 2 even matter? We're building a writing assistant for listings, "
         "about 63,000 a quarter", 700, "compliance"),
        ("We're a clinic in Ontario summarising 500 notes a day; does HIPAA even apply to us?", 500, "compliance"),
        ("Would SOC 2 even matter for us\nnone of our clients asked\nwe're building an AI writing assistant for "
         "listings, about 63,000 a quarter", 700, "compliance"),
        ("We need 5k chats a day, so would a 32k window be enough?", 5000, "min_context"),
    ],
)  # fmt: skip
def test_a_question_said_in_the_jobs_own_sentence_or_line_sets_nothing(advisor, text, volume, not_set):
    found = first_turn(advisor, text).requirements
    assert found.get("requests_per_day") == pytest.approx(volume)
    name, _, value = not_set.partition(":")
    assert found.get(name) != int(value) if value else name not in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Is important that the data stays in Brazil", {"regions": ["br"]}),
     ("can spend about $40 a day", {"budget_usd_month": 1200}),
     ("Do the summaries in JSON, 3k a day", {"requests_per_day": 3000})],
)  # fmt: skip
def test_a_statement_that_opens_with_a_verb_is_no_question(text, expected):
    found = stated(text)
    for name, value in expected.items():
        assert found.get(name) == value, name


def test_a_question_after_a_dash_is_still_a_question():
    assert is_question("Quick one - is TTFT the same as latency?")
    assert is_question("Some staff are in France - does GDPR apply?")
    assert asked_sentences("We need 5k a day, so what would that cost?") == ["so what would that cost?"]


def test_what_a_statement_says_beside_a_question_stays():
    assert stated("We need SOC 2. Does HIPAA apply too? 2k claims a day.")["compliance"] == ["soc2"]
    found = stated("Contracts need a 200k context window. Will that be enough? 80 contracts a day.")
    assert found["min_context"] == 200_000


# --- 4. an email with numbered questions ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected", "not_set"),
    [
        ("Hi team,\n\nTwo questions: (1) is GDPR a blocker for US-hosted models, and (2) roughly what would we pay "
         "each month? Details: Spanish support; about 900 tickets per day; budget $600 a month.\n\nBest,\nSam",
         {"requests_per_day": 900, "budget_usd_month": 600, "languages": ["spanish"]}, ["compliance", "regions"]),
        ("Hello,\n\n1) Could a hosted model handle our volume? 2) What would it cost? We process 5,000 invoices a "
         "month into JSON and the data must stay in the EU.\n\nRegards,\nAna",
         {"task": "extraction", "regions": ["eu"]}, []),
        ("Dear all,\nQuick questions: (a) do we need SOC 2 for this, (b) can it run in Japan? Facts: 20k chats a day, "
         "replies in under 3 seconds.\nCheers,\nKen",
         {"requests_per_day": 20_000, "max_ttft_ms": 3000}, ["compliance", "regions"]),
        ("Hallo zusammen,\n\nour questions are (1) can a model hosted in Switzerland do this and (2) is open-weights "
         "worth it? We sort 12,000 support emails per month into 8 queues, German only, max budget 800 EUR/month."
         "\n\nViele Grüße\nJonas",
         {"requests_per_day": 400, "budget_usd_month": 800, "languages": ["german"]}, ["regions", "open_weights"]),
    ],
)  # fmt: skip
def test_an_emails_numbered_questions_set_nothing_and_its_facts_are_read(advisor, text, expected, not_set):
    found = first_turn(advisor, text).requirements
    for name, value in expected.items():
        assert found.get(name) == value, name
    for name in not_set:
        assert name not in found, name


def test_a_numbered_question_is_asked_without_its_number():
    text = "Hello,\n\n1) Could a hosted model handle our volume? 2) What would it cost? We run 5k chats a day."
    assert asked_sentences(text) == ["Could a hosted model handle our volume?", "What would it cost?"]
    assert asked_sentences("Our questions: (1) can it run in Japan, and (2) what is TTFT? We run 5k chats a day.") == [
        "can it run in Japan?", "what is TTFT?"]  # fmt: skip


def test_an_email_that_states_a_requirement_keeps_it_beside_its_questions():
    found = stated("Hi team,\n\nWe need HIPAA compliance. Our question: (1) is Claude available in Canada, and "
                   "(2) what would it cost?\n\nThanks,\nLee")  # fmt: skip
    assert found["compliance"] == ["hipaa"]
    assert "regions" not in found


def test_a_greeting_that_begins_a_statement_is_read():
    assert stated("Hey Sam, we need 10k chats a day")["requests_per_day"] == 10_000


@pytest.mark.parametrize(
    "text",
    ["Hi,\n\nwhat's the difference between batch and real-time APIs?\n\nThanks,\nDana",
     "Two questions: (1) what is TTFT, and (2) what is RAG?", "when does self-hosting beat the API?", "what is TTFT?"],
)  # fmt: skip
def test_a_pure_question_however_it_is_dressed_changes_nothing(advisor, text):
    assert is_question(text)
    assert first_turn(advisor, text).requirements == {}


def test_a_pure_question_email_leaves_the_interview_question_pending(advisor):
    first = advisor.turn("We run a support chatbot, 5k chats a day.")
    pending = first.state.next_question
    assert pending is not None
    later = advisor.turn("Hi,\n\nquick question: what is TTFT?\n\nThanks,\nDana", first.session)
    assert later.state.requirements == first.state.requirements
    assert later.state.next_question is not None and later.state.next_question.field == pending.field
