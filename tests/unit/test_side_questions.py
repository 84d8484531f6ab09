"""Side questions as people type them mid-conversation: an opinion asked of one model ends with a verdict
against this user's pick; "what does that mean?" defines the term of the message before; "X = ?",
"explain X like I'm new" and a spelling the course does not use still get X defined. None changes a
requirement."""

from __future__ import annotations

import pytest

from agent.advisor.intents import classify

JOB = "customer support chatbot, 20k chats a day, $2,000 a month budget, nothing sensitive"


@pytest.mark.parametrize(
    ("question", "model"),
    [
        ("is GPT-4o overkill for this?", "GPT-4o"),
        ("would claude haiku be enough?", "claude haiku"),
        ("is gemini flash good at tamil?", "gemini flash"),
        ("thoughts on llama 70B?", "llama 70B"),
        ("Is mistral large a good fit here?", "mistral large"),
    ],
)
def test_an_opinion_of_one_model_is_judged_against_the_pick(knowing_advisor, question, model):
    assert classify(question).kind == "judge" and classify(question).subject == [model]
    first = knowing_advisor.turn(JOB, None)
    result = knowing_advisor.turn(question, first.session)
    assert "**Verdict:" in result.answer and "| $/month |" in result.answer
    assert result.as_json()["requirements"] == first.as_json()["requirements"]


@pytest.mark.parametrize("question", ["is it good enough?", "is our budget enough?", "is 200 ms realistic?",
                                      "is this a good idea?"])
def test_an_opinion_of_no_model_is_no_judgement(question):
    assert classify(question).kind != "judge"


def test_what_does_that_mean_defines_the_term_of_the_message_before(knowing_advisor):
    first = knowing_advisor.turn(JOB, None)
    aside = knowing_advisor.turn("someone keeps saying we should do LoRA on an open model. thoughts?", first.session)
    result = knowing_advisor.turn("what does that mean?", aside.session)
    assert result.answer.startswith("LoRA (low-rank adaptation) is")
    assert result.as_json()["requirements"] == first.as_json()["requirements"]


@pytest.mark.parametrize(
    ("question", "opening"),
    [
        ("TTFT = ?", "TTFT (time to first token) is"),
        ("explain RAG like I'm new", "Retrieval-augmented generation (RAG) is"),
        ("and what does quantization mean", "**quantization**: Quantisation is"),  # said as the user spells it
    ],
)
def test_a_definition_asked_tersely_or_spelled_otherwise_is_given(knowing_advisor, question, opening):
    first = knowing_advisor.turn(JOB, None)
    result = knowing_advisor.turn(question, first.session)
    assert result.answer.startswith(opening), result.answer[:120]
    assert result.as_json()["requirements"] == first.as_json()["requirements"]


@pytest.mark.parametrize(
    ("said", "dropped"),
    [
        ("forget the Australia thing, legal says any region is fine", ["regions:au"]),
        ("drop the Germany requirement", ["regions:de"]),
        ("scratch the Canada part", ["regions:ca"]),
        ("forget the Swiss thing", ["regions:ch"]),
        # a language and a country's adjective: each goes if the session holds it (drop_requirements)
        ("forget the French part", ["languages:french", "regions:fr"]),
        ("drop the language requirement", ["languages"]),
        # the words say which: a language, or where the data stays
        ("drop the German language", ["languages:german"]),
        ("never mind the German replies", ["languages:german"]),
        ("drop the German data lock", ["regions:de"]),
        ("scratch the German data residency", ["regions:de"]),
        ("drop the EU residency", ["regions:eu"]),
        ("forget the US team, they left", None),
        ("never mind the budget", ["budget_usd_month"]),
    ],
)
def test_a_place_named_in_a_change_of_mind_is_the_lock_dropped(said, dropped):
    intent = classify(said)
    assert (intent.subject if intent.kind == "drop" else None) == dropped


def test_forgetting_the_place_unlocks_the_session(knowing_advisor):
    first = knowing_advisor.turn("support chatbot for our Sydney stores, 3k chats a day, data must stay in Australia",
                                 None)
    assert first.as_json()["requirements"]["regions"] == ["au"]
    after = knowing_advisor.turn("forget the Australia thing, legal says any region is fine", first.session)
    requirements = after.as_json()["requirements"]
    assert "regions" not in requirements and requirements.get("privacy", "none") == "none"


def test_forgetting_one_of_two_places_keeps_the_lock_to_the_other(knowing_advisor):
    first = knowing_advisor.turn("support bot, 3k chats a day, data must stay in Australia or New Zealand", None)
    assert first.as_json()["requirements"]["regions"] == ["au", "nz"]
    after = knowing_advisor.turn("scratch the Australia part", first.session).as_json()["requirements"]
    assert after["regions"] == ["nz"] and after["privacy"] == "region-locked"


def test_forgetting_the_swiss_thing_unlocks_the_session(knowing_advisor):
    first = knowing_advisor.turn("Support bot for a Swiss bank, data must stay in Switzerland, 2k chats a day", None)
    assert first.as_json()["requirements"]["regions"] == ["ch"]
    after = knowing_advisor.turn("forget the Swiss thing", first.session).as_json()["requirements"]
    assert "regions" not in after and after.get("privacy", "none") != "region-locked"


def test_forgetting_a_language_keeps_the_others(knowing_advisor):
    first = knowing_advisor.turn("Support bot answering in German and French, 2k chats a day", None)
    after = knowing_advisor.turn("forget the French part", first.session)
    assert after.as_json()["requirements"]["languages"] == ["german"]
    assert "languages" not in knowing_advisor.turn("drop German", after.session).as_json()["requirements"]


GERMAN_BOT = "Support bot that answers in German and French, data must stay in Germany"


def test_a_word_naming_a_language_and_a_held_place_is_asked_about_and_changes_nothing(knowing_advisor):
    first = knowing_advisor.turn(GERMAN_BOT, None)
    before = first.as_json()
    assert before["requirements"]["regions"] == ["de"] and "german" in before["requirements"]["languages"]
    after = knowing_advisor.turn("forget the German thing", first.session)
    assert after.as_json()["requirements"] == before["requirements"]
    assert "German language or the data kept in Germany" in after.answer
    assert before["question"]["text"] in after.answer  # the interview question is still waiting


def test_a_drop_mid_interview_is_said_and_the_question_it_interrupted_is_asked_again(knowing_advisor):
    first = knowing_advisor.turn(GERMAN_BOT, None)
    question = first.as_json()["question"]["text"]
    after = knowing_advisor.turn("drop the German language", first.session)
    requirements = after.as_json()["requirements"]
    assert requirements["languages"] == ["french"] and requirements["regions"] == ["de"]
    assert "Dropped German from the languages." in after.answer and question in after.answer
    assert "**Shortlist**" not in after.answer and "requests_per_day" not in requirements
    unlocked = knowing_advisor.turn("drop the German data lock", after.session).as_json()["requirements"]
    assert "regions" not in unlocked and unlocked.get("privacy", "none") != "region-locked"
    assert unlocked["languages"] == ["french"]


def test_got_it_so_far_marks_an_assumed_value(knowing_advisor):
    first = knowing_advisor.turn(GERMAN_BOT, None)
    assert "requests a day" in first.answer
    after = knowing_advisor.turn("no idea on volume yet", first.session)
    assert "I assumed **1,000 a day**" in after.answer
    assert "1,000 requests/day (assumed)" in after.answer  # not listed as if the user had said it


@pytest.mark.parametrize(
    "said",
    ["it doesn't have to be on-prem anymore",
     "update from IT: a cloud region is acceptable after all, it doesn't have to be on-prem"],
)
def test_doesnt_have_to_be_drops_the_requirement(knowing_advisor, said):
    first = knowing_advisor.turn("internal RAG over bank policies, 2k questions a day, must run on-prem", None)
    assert first.as_json()["requirements"]["privacy"] == "self-hosted"
    after = knowing_advisor.turn(said, first.session).as_json()["requirements"]
    assert after.get("privacy", "none") != "self-hosted" and not after.get("open_weights")


@pytest.mark.parametrize(
    ("said", "ttft", "response"),
    [
        ("correction: the SLA is 500 ms, not a second", None, 500),
        ("actually it has to be under 700 ms", None, 700),
        ("and the first token within 300 ms", 300, 1000),  # a first-token time is its own limit
    ],
)
def test_a_bare_time_later_restates_the_time_already_stated(knowing_advisor, said, ttft, response):
    first = knowing_advisor.turn("dispute classifier, 5k a day, the full answer within a second", None)
    assert first.as_json()["requirements"]["max_response_ms"] == 1000
    after = knowing_advisor.turn(said, first.session).as_json()["requirements"]
    assert after.get("max_ttft_ms") == ttft and after.get("max_response_ms") == response
