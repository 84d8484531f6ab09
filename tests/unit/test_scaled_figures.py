"""A later message that scales a stated figure with no figure of its own: "our volume just doubled", "make
it 3x", "the budget doubled". Growth only foreseen changes nothing; a factor on something else is not
the volume's (issue #14: "triple the volume" was read as nothing)."""

from __future__ import annotations

import pytest

FIRST = "customer support chatbot, 2k chats a day, $500 a month budget, nothing sensitive"


@pytest.mark.parametrize(
    ("said", "per_day", "budget"),
    [
        ("our volume just doubled", 4000, 500),
        ("please size it for triple the volume", 6000, 500),
        ("we expect to triple by Q3, size for Q3", 6000, 500),
        ("make it 3x", 6000, 500),
        ("usage grew 50% last month", 3000, 500),
        ("we're at 3x now since launch", 6000, 500),
        ("the budget doubled", 2000, 1000),
        ("traffic halved after the holidays", 1000, 500),
        ("make it 0.5x", 1000, 500),
        ("double our budget", 2000, 1000),
        # foreseen only, or a factor on something else: nothing changes
        ("traffic will double next year", 2000, 500),
        ("prompts are about 2x longer now", 2000, 500),
        ("costs doubled with the old vendor", 2000, 500),
    ],
)
def test_a_factor_said_later_scales_the_figure_it_names(advisor, said, per_day, budget):
    first = advisor.turn(FIRST, None)
    requirements = advisor.turn(said, first.session).as_json()["requirements"]
    assert requirements["requests_per_day"] == pytest.approx(per_day)
    assert requirements["budget_usd_month"] == pytest.approx(budget)


def test_the_scaled_volume_says_where_it_came_from(advisor):
    first = advisor.turn(FIRST, None)
    second = advisor.turn("our volume just doubled", first.session)
    event = [e for e in second.state.history if e.field == "requests_per_day"][-1]
    assert "2k chats a day" in event.evidence and "x2" in event.evidence and "just doubled" in event.evidence


@pytest.mark.parametrize(
    ("said", "per_day"), [("traffic will double next year", 4000), ("we might grow 50% by Q3", 3000)]
)
def test_growth_only_foreseen_is_offered_and_the_offer_works(advisor, said, per_day):
    first = advisor.turn(FIRST, None)
    second = advisor.turn(said, first.session)
    assert second.as_json()["requirements"]["requests_per_day"] == 2000
    assert f"to plan for {per_day:,}" in second.answer
    offered = second.answer.split('say "')[1].split('"')[0]  # the words the offer asks for, as a user types them
    assert advisor.turn(offered, second.session).as_json()["requirements"]["requests_per_day"] == per_day


def test_a_figure_out_of_range_is_refused_and_the_stated_one_kept(advisor):
    first = advisor.turn(FIRST, None)
    second = advisor.turn("make it 99999999999999999999x", first.session)
    assert "I can't use requests/day" in second.answer and "I kept 2,000" in second.answer
    assert second.as_json()["requirements"]["requests_per_day"] == 2000


def test_a_what_if_still_changes_nothing(advisor):
    first = advisor.turn(FIRST, None)
    second = advisor.turn("what if volume triples?", first.session)
    assert second.as_json()["requirements"]["requests_per_day"] == 2000
    assert "6,000 requests/day" in second.answer


@pytest.mark.parametrize(("said", "shown"), [("what if we cut the budget in half?", "budget $250/month"),
                                             ("what if traffic grows 50%?", "3,000 requests/day")])  # fmt: skip
def test_a_what_if_reads_growth_and_cuts_as_a_stated_change_does(advisor, said, shown):
    first = advisor.turn(FIRST, None)
    second = advisor.turn(said, first.session)
    assert shown in second.answer.split("\n")[0]
    assert second.as_json()["requirements"]["budget_usd_month"] == 500  # nothing committed
