"""The advisor answers "should we fine-tune?", "what would routing save?", "when does self-hosting
beat the API?" with the cost tools' figures and the course cited; the record's routing estimate is
never a negative "saving"."""

from __future__ import annotations

import pytest

from agent.advisor.economics import topic
from agent.advisor.intents import classify
from agent.advisor.nodes import AdvisorTools
from agent.advisor.rules.extract import extract
from agent.advisor.sessions import Advisor
from agent.record.decision import build_record
from tests.conftest import TODAY

CODING = "Coding assistant for 200 developers, 20k requests a day, 3,000 tokens of code in, 500 out, budget $20,000"


@pytest.fixture
def advisor(catalog, tmp_path):
    advisor = Advisor(AdvisorTools(catalog=catalog, today=TODAY), tmp_path / "sessions.sqlite")
    yield advisor
    advisor.close()


@pytest.mark.parametrize(
    ("text", "kind"),
    [("should we fine-tune?", "finetune"), ("What would routing save?", "routing"),
     ("When does self-hosting beat the API?", "selfhost"), ("is distillation worth it?", "distill"),
     ("should we fine-tune at 50k requests a day?", "finetune")],
)  # fmt: skip
def test_economics_questions_are_recognised(text, kind):
    assert topic(text) == kind
    assert classify(text, extract(text)).kind == "economics"


def test_constraints_mentioning_self_hosting_are_not_economics_questions():
    text = "We must self-host everything, 10k requests a day"
    assert classify(text, extract(text)).kind == "constraints"


def test_fine_tuning_answer_draws_the_conclusion_and_cites_the_course(advisor):
    session = advisor.turn(CODING).session
    result = advisor.turn("should we fine-tune?", session)
    answer = result.as_json()["answer"]
    assert "[module/2.2.3]" in answer
    assert "pays back" in answer or "never pays back" in answer or "would only buy quality" in answer
    assert "course: $5K-$20K" in answer or "would only buy quality" in answer
    assert {c["id"] for c in result.as_json()["citations"]} == {"module/2.2.3"}


def test_routing_answer_gives_a_positive_estimate_or_says_why_not(advisor):
    session = advisor.turn(CODING).session
    answer = advisor.turn("what would routing save?", session).as_json()["answer"]
    assert "[module/2.2.2]" in answer and "tradeoff route" in answer
    assert ("an estimate" in answer and "saving" in answer) or "Routing saves nothing" in answer
    assert "-" not in answer.split("saving")[0][-8:]  # no negative percentage before the word


def test_self_hosting_answer_has_a_verdict(advisor):
    session = advisor.turn(CODING).session
    answer = advisor.turn("when does self-hosting beat the API?", session).as_json()["answer"]
    assert "**Self-hosting**" in answer and "[guide/open-source-models]" in answer


@pytest.mark.parametrize(
    "message",
    [CODING, "Customer support chatbot for our shop, 50k chats a day, answers within 1 second, $2,000 a month",
     "Summarise 2,000 legal contracts a day, 40 pages each, budget $30,000 a month",
     "Classify 1M support tickets a day into 20 categories, budget $5,000"],
)  # fmt: skip
def test_the_record_never_shows_a_negative_routing_saving(advisor, catalog, message):
    result = advisor.turn(message)
    projection = build_record(advisor.state(result.session), catalog, TODAY).cost_projection
    if "routing_savings_fraction" in projection:
        assert projection["routing_savings_fraction"] > 0 and "estimate" in projection["routing_basis"]
    else:
        assert "raise the bill" in projection["routing_note"]
