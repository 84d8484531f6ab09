"""Why-not, compare and definition questions in the many ways people ask them (issue #14): the intent
and the model names are read from the words, and a question opened with filler is still a question.
Variants of our own, written for the rules in intents.py and questions.py."""

from __future__ import annotations

import pytest

from agent.advisor.definitions import asked_term
from agent.advisor.intents import classify
from agent.advisor.rules.questions import is_question


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Why isn't gpt-4o on the list?", "gpt-4o"),
        ("why not just use gpt-4o?", "gpt-4o"),
        ("why is claude sonnet ranked so low?", "claude sonnet"),
        ("Why was gemini 2.5 pro eliminated?", "gemini 2.5 pro"),
        ("how come deepseek-v3 isn't there", "deepseek-v3"),
        ("why didn't you pick claude opus", "claude opus"),
        ("Why did you drop mistral large?", "mistral large"),
        ("what's wrong with llama 3.3 70b?", "llama 3.3 70b"),
        ("why doesn't o4-mini make the cut", "o4-mini"),
    ],
)
def test_a_why_not_question_names_its_model(text, name):
    intent = classify(text)
    assert (intent.kind, intent.subject) == ("explain", [name])


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("How does gpt-4.1-mini compare to gemini-2.5-flash for us?", ["gpt-4.1-mini", "gemini-2.5-flash"]),
        ("gpt-4o or claude-sonnet-4?", ["gpt-4o", "claude-sonnet-4"]),
        ("which is better, llama-3.3-70b or mistral-small?", ["llama-3.3-70b", "mistral-small"]),
        ("Is gpt-4.1 better than gemini-2.5-pro for this?", ["gpt-4.1", "gemini-2.5-pro"]),
        ("so what is the difference between o3 and o4-mini", ["o3", "o4-mini"]),
        ("how do qwen3 and deepseek v3 compare on cost?", ["qwen3", "deepseek v3"]),
        ("should we go with claude haiku or gemini flash?", ["claude haiku", "gemini flash"]),
        ("compare gpt-5 against claude opus in terms of latency", ["gpt-5", "claude opus"]),
    ],
)
def test_a_comparison_names_both_models(text, names):
    intent = classify(text)
    assert (intent.kind, intent.subject) == ("compare", names)


@pytest.mark.parametrize("text", ["chat or coding?", "EU or US?", "batch or real time, which is cheaper?"])
def test_a_choice_between_things_that_are_not_models_is_no_comparison(text):
    assert classify(text).kind != "compare"


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("hmm what is a reasoning model", "reasoning model"),
        ("wait, what's a token?", "token"),
        ("ELI5 distillation", "distillation"),
        ("sorry, dumb question: what is quantization?", "quantization"),
        ("um what does TTFT stand for", "TTFT"),
    ],
)
def test_a_question_opened_with_filler_is_still_a_question(text, term):
    assert asked_term(text) == term
    assert classify(text).kind == "knowledge"


@pytest.mark.parametrize("text", ["hmm what is a reasoning model", "ok so how much would caching save us?"])
def test_filler_does_not_hide_a_question(text):
    assert is_question(text)


@pytest.mark.parametrize("text", ["ok so we do 5k requests a day", "right, budget is $300 a month"])
def test_filler_before_a_statement_keeps_it_a_statement(text):
    assert not is_question(text)


@pytest.mark.parametrize(
    ("text", "dropped"),
    [
        ("ok, legal says data residency isn't required after all", ["regions"]),
        ("the JSON part is no longer needed", ["needs:json"]),
        ("SOC 2 is not a requirement for this one", ["compliance:soc2"]),
    ],
)
def test_a_change_of_mind_told_with_the_requirement_first(text, dropped):
    assert (classify(text).kind, classify(text).subject) == ("drop", dropped)


@pytest.mark.parametrize(
    ("text", "term"),
    [("What's distillation, and would it pay off for us?", "distillation"),
     ("what is a reranker, do we need one", "reranker")],
)  # fmt: skip
def test_a_definition_asked_with_a_second_question_still_names_its_term(text, term):
    assert asked_term(text) == term


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Could you explain what prompt caching is?", "prompt caching"),
        ("remind me what a reranker is again", "reranker"),
        ("Quick q - what's a batch API?", "batch API"),
        ("explain quantization to me", "quantization"),
        ("We keep hearing about distillation, what is it?", "distillation"),
        ("How does a model router work?", "model router"),
        ("tell me a bit about open weights", "open weights"),
    ],
)
def test_a_definition_asked_for_in_a_longer_sentence(text, term):
    assert asked_term(text) == term


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("would running llama ourselves be cheaper?", "selfhost"),
        ("Is hosting qwen in-house worth it at our volume?", "selfhost"),
        ("could we save money with a smaller model?", "routing"),
        ("would a cheaper tier cut the bill?", "routing"),
    ],
)
def test_savings_questions_in_other_words_name_their_topic(text, topic):
    assert (classify(text).kind, classify(text).subject) == ("economics", [topic])


def test_how_much_cheaper_one_model_is_than_another_is_a_comparison():
    intent = classify("How much cheaper is gemini flash than gpt-4.1 for this?")
    assert (intent.kind, intent.subject) == ("compare", ["gemini flash", "gpt-4.1"])


def test_a_definition_asked_beside_stated_facts_lets_the_facts_be_read():
    text = ("what's TTFT and why does it matter? for context: the LLM only sees text and needs the first token "
            "in 200 ms.")
    assert classify(text).kind == "constraints"  # the facts are read; the question is answered beside them
    assert classify("what's TTFT and why does it matter?").kind == "knowledge"
