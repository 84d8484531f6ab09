"""Round eleven's conversation phrasings, each class proved on variants of its own and near-misses that
must not fire, through the real advisor as `tradeoff ask` builds it: a saving asked in more words (a
smaller model against a bigger one), why-not with "just", a family or a kind of model, and the later
turns that change what was stated (a lock widened, a budget cut, a unit corrected, a member count)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from agent.advisor.economics import topic
from agent.advisor.intents import classify
from tests.integration.test_conversations_heldout import ANSWER_SHAPE, ask_advisor

CHATBOT = "We run a customer support chatbot, about 20,000 conversations a day, budget $2,000 a month."


@pytest.fixture(scope="module")
def advisor():
    advisor = ask_advisor()
    yield advisor
    advisor.close()


def talk(advisor, *turns: str) -> tuple[list[dict[str, Any]], list[str]]:
    """The requirements and the answer after each turn."""
    session, requirements, answers = None, [], []
    for text in turns:
        result = advisor.turn(text, session)
        session = result.session
        requirements.append(result.as_json()["requirements"])
        answers.append(result.answer)
    return requirements, answers


# --- 1. a smaller model's saving against a bigger one -------------------------------------------------


@pytest.mark.parametrize("question", [
    "what would we save by using a small model rather than a frontier model at our volume?",
    "How much cheaper would a lightweight model be compared to a flagship one for us?",
    "any savings from switching from a frontier model to a smaller one?",
    "would an 8B model save us money over a 70B?",
    "how much would going with a 7b instead of a 70b llama cut the bill?",
    "If we downgraded from a big model to a mini one, what's the cost difference?",
])  # fmt: skip
def test_a_smaller_model_against_a_bigger_one_is_a_saving_question(question):
    assert classify(question).kind == "economics"
    assert topic(question) == "downsize"


@pytest.mark.parametrize("question", [
    "would routing easy requests to a smaller model save us money vs sending all to a frontier one?",
    "how much would a cheaper model save?",  # one side only: routing's answer
    "is a small model enough for us?",
])  # fmt: skip
def test_routing_and_one_sided_questions_are_no_swap(question):
    assert topic(question) != "downsize"


@pytest.mark.parametrize("question", [
    "what would we save by using a small model rather than a frontier model at our volume?",
    "would an 8B model save us money over a 70B?",
    "any savings from switching from a frontier model to a smaller one?",
])  # fmt: skip
def test_the_swap_is_priced_on_the_sessions_workload(advisor, question):
    requirements, answers = talk(advisor, CHATBOT, question)
    assert requirements[1] == requirements[0]
    assert ANSWER_SHAPE["saving"].search(answers[1])
    assert re.search(r"would save about \$[\d,.]+/month\*\* \(\d+% of the bill\)", answers[1]), answers[1]
    assert "20,000 requests/day (stated)" in answers[1]


def test_sizes_are_priced_on_one_family_of_the_same_provider(advisor):
    _, answers = talk(advisor, CHATBOT, "could an 8B save us anything compared with a 70B one?")
    first = answers[1].split("\n")[0]
    sizes = re.findall(r"(\S+?)-(8|70)B-(\S+?) \(", first)
    assert len(sizes) == 2 and sizes[0][0] == sizes[1][0] and sizes[0][2] == sizes[1][2], first


# --- 2. why not, with "just", a family, or a kind of model ---------------------------------------------


@pytest.mark.parametrize(("question", "name"), [
    ("why not just use claude sonnet and be done with it?", "claude sonnet"),
    ("Why not just go with gpt-4.1 since it's what we know?", "gpt-4.1"),
    ("why not gpt-4o, everyone uses it", "gpt-4o"),
    ("why not just pick an open model?", "open"),
])  # fmt: skip
def test_why_not_with_just_names_the_model_alone(question, name):
    intent = classify(question)
    assert intent.kind == "explain" and intent.subject[0].lower().startswith(name), intent


@pytest.mark.parametrize(("question", "must_name"), [
    ("why not just use claude sonnet and call it a day?", "claude-sonnet"),
    ("Why not Gemini?", "gemini"),
    ("why not mistral?", "mistral"),
    ("why not simply run an open-weight model on our own servers?", "self-hosting"),
    ("Why not just go with a cheaper model?", "cheapest"),
])  # fmt: skip
def test_why_not_says_why_and_gives_a_verdict(advisor, question, must_name):
    requirements, answers = talk(advisor, CHATBOT, question)
    assert requirements[1] == requirements[0]
    assert ANSWER_SHAPE["why_not"].search(answers[1]), answers[1]
    assert "**Verdict:" in answers[1] and must_name in answers[1].lower(), answers[1]


def test_a_family_is_answered_by_its_best_ranked_member(advisor):
    _, answers = talk(advisor, CHATBOT, "Why not Claude?")
    assert answers[1].startswith("_The best-ranked Claude on your list:_ **")
    named = re.search(r"\*\*(\S+)\*\* (?:ranks|is my)", answers[1])
    assert named and "claude" in named[1].lower()
