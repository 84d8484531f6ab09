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


# --- 4. a lock widened by a later grant ----------------------------------------------------------------

SG_BOT = "A support bot for customers in Singapore, 5,000 chats a day; data must stay in Singapore; budget $800/month."


@pytest.mark.parametrize(("grant", "regions"), [
    ("Good news, compliance approved hosting in Singapore or Tokyo", ["jp", "sg"]),
    ("we now have sign-off for AWS Sydney as well", ["au", "sg"]),
    ("Update: legal signed off on Frankfurt and Seoul.", ["de", "kr", "sg"]),
    ("Australia would be fine too", ["au", "sg"]),
])  # fmt: skip
def test_a_place_granted_later_joins_the_lock_and_keeps_the_rest(advisor, grant, regions):
    requirements, _ = talk(advisor, SG_BOT, grant)
    assert requirements[1]["privacy"] == "region-locked" and requirements[1]["regions"] == regions
    assert {k: v for k, v in requirements[1].items() if k != "regions"} == {
        k: v for k, v in requirements[0].items() if k != "regions"}  # fmt: skip


@pytest.mark.parametrize("remark", [
    "legal has not approved Sydney yet",
    "our CEO approved a budget of $800 a month for the Sydney team",
    "I'm in Tokyo next week, by the way",
])  # fmt: skip
def test_no_grant_no_change_to_the_lock(advisor, remark):
    requirements, _ = talk(advisor, SG_BOT, remark)
    assert requirements[1]["regions"] == ["sg"]


def test_approval_words_without_a_lock_invent_none(advisor):
    requirements, _ = talk(advisor, CHATBOT, "management approved the project for the Sydney office")
    assert "regions" not in requirements[1] and requirements[1].get("privacy") in (None, "none")


# --- 5. a budget cut, and a budget corrected after a dash ---------------------------------------------

CODING = "A coding assistant for 25 developers, about 1,500 requests a day, budget $4,000 a month."


@pytest.mark.parametrize(("change", "budget"), [
    ("Bad news - finance halved our budget", 2000),
    ("management just cut the budget in half, sorry", 2000),
    ("They slashed our spend by 25%", 3000),
    ("the budget got reduced to a quarter of that", 1000),
])  # fmt: skip
def test_a_budget_cut_scales_the_budget_and_keeps_the_volume(advisor, change, budget):
    requirements, _ = talk(advisor, CODING, change)
    assert requirements[1]["budget_usd_month"] == pytest.approx(budget)
    assert requirements[1]["requests_per_day"] == requirements[0]["requests_per_day"]


def test_a_cut_foreseen_is_offered_not_applied(advisor):
    requirements, _ = talk(advisor, CODING, "our budget might be cut in half next year")
    assert requirements[1]["budget_usd_month"] == 4000


@pytest.mark.parametrize("correction", ["Sorry, typo - $2,500/month", "oops - $2,500 a month", "typo: $2,500/mo"])
def test_a_corrected_budget_after_a_dash_is_the_budget(advisor, correction):
    requirements, _ = talk(advisor, CODING, correction)
    assert requirements[1]["budget_usd_month"] == 2500
    assert requirements[1]["requests_per_day"] == requirements[0]["requests_per_day"]


def test_a_budget_given_to_no_question_after_a_dash_is_no_negative(advisor):
    requirements, _ = talk(advisor, "We want a chatbot for our bakery.", "whoops - $300/month")
    assert requirements[1].get("budget_usd_month") == 300 and "requests_per_day" not in requirements[1]


# --- 6. the unit of a chained count corrected ---------------------------------------------------------


@pytest.mark.parametrize(("first", "correction", "per_day"), [
    ("Our helpdesk bot has about 700 conversations a day, each about 4 model calls.",
     "Sorry, misread the chart: it's 700 conversations a week, not a day", 400),
    ("We handle about 3,000 tickets a day and each ticket takes 3 LLM calls.",
     "correction - 3,000 tickets per month, not per day", 300),
    ("We handle about 3,000 tickets a day and each ticket takes 3 LLM calls.",
     "actually it's more like 5,000 tickets a day", 15000),
])  # fmt: skip
def test_a_recounted_base_keeps_the_calls_it_was_multiplied_by(advisor, first, correction, per_day):
    requirements, _ = talk(advisor, first, correction)
    assert requirements[1]["requests_per_day"] == pytest.approx(per_day)
    assert requirements[1].get("task") == requirements[0].get("task")


def test_a_new_volume_in_other_words_replaces_the_chain(advisor):
    requirements, _ = talk(advisor, "We handle about 3,000 tickets a day and each ticket takes 3 LLM calls.",
                           "actually, scrap that: 2,000 requests a day in total")  # fmt: skip
    assert requirements[1]["requests_per_day"] == pytest.approx(2000)


# --- 7. members in one turn, their rate in the next; a new headcount ----------------------------------


@pytest.mark.parametrize(("members", "rate", "per_day"), [
    ("We're an accounting firm; 25 accountants will use it to draft client emails.",
     "Each accountant would send maybe 12 a day", 300),
    ("About 80 nurses on the ward will use it for handover notes.", "every nurse writes ~5 notes per shift", 400),
])  # fmt: skip
def test_a_members_rate_in_a_later_turn_multiplies_the_members(advisor, members, rate, per_day):
    requirements, _ = talk(advisor, members, rate)
    assert requirements[1]["requests_per_day"] == pytest.approx(per_day)


def test_a_rate_with_no_members_before_is_the_rate(advisor):
    requirements, _ = talk(advisor, "We want a drafting assistant for client emails.", "each one takes 20 a day")
    assert requirements[1].get("requests_per_day") in (None, 20)


def test_a_new_headcount_in_general_words_rescales_members_times_rate(advisor):
    requirements, _ = talk(advisor, "We're an accounting firm; 25 accountants will use it to draft client emails.",
                           "Each accountant would send maybe 12 a day", "Thinking again, headcount is nearer 50")
    assert requirements[2]["requests_per_day"] == pytest.approx(600)


def test_a_headcount_beside_a_volume_that_counted_no_members_changes_nothing(advisor):
    requirements, _ = talk(advisor, CHATBOT, "our user base is about 5,000 people")
    assert requirements[1]["requests_per_day"] == requirements[0]["requests_per_day"]


# --- 3. a term contrasted with the plain kind --------------------------------------------------------


@pytest.mark.parametrize("question", [
    "so what is the difference between a reasoning model and a regular one?",
    "what is the difference between reasoning models and standard models",
    "Quick question: difference between a reasoning model and an ordinary LLM?",
])  # fmt: skip
def test_a_term_against_the_plain_kind_is_defined(advisor, question):
    requirements, answers = talk(advisor, CHATBOT, question)
    assert requirements[1] == requirements[0]
    assert ANSWER_SHAPE["definition"].search(answers[1][:400]) and "reasoning model" in answers[1].lower()
    assert answers[1].startswith("**reasoning model")


def test_two_real_terms_are_both_still_defined(advisor):
    _, answers = talk(advisor, CHATBOT, "what's the difference between TTFT and throughput?")
    assert answers[1].startswith("**TTFT**") and "**throughput**" in answers[1]


def test_a_drop_with_a_grant_after_it_widens_the_lock_instead_of_lifting_it(advisor):
    """ "forget the Switzerland thing, EU is fine too": a place allowed beside the one given up, not any."""
    states, _ = talk(advisor, "HR helpdesk bot, employee data must stay in Switzerland.",
                     "forget the Switzerland thing, EU is fine too")  # fmt: skip
    assert states[-1]["privacy"] == "region-locked"
    assert "eu" in states[-1]["regions"]
    states, _ = talk(advisor, "HR helpdesk bot, employee data must stay in Switzerland.",
                     "forget the Switzerland thing")  # fmt: skip
    assert states[-1].get("privacy") in (None, "none") and not states[-1].get("regions")
