"""Volumes told as nested products (issue #14, third round): fresh variants of our own for each class the
stranger sets showed, and the near-misses a product must not be read from."""

from __future__ import annotations

import pytest

from agent.advisor.rules.extract import extract


@pytest.mark.parametrize(
    ("text", "per_day"),
    [
        # sites x members each x what each member does per shift x shifts a day
        (
            "We run 4 depots, each with about 20 drivers. Each driver logs maybe 6 delivery notes per shift and "
            "there are 2 shifts a day.",
            4 * 20 * 6 * 2,
        ),
        ("10 stores, 3 tills each, 200 scans a day per till", 10 * 3 * 200),
        ("Six clinics, each with about 15 doctors; each doctor dictates roughly 12 letters a day.", 6 * 15 * 12),
        # shifts a day x members a shift x what each does
        ("Two shifts a day; each shift about 50 agents handle ~30 chats.", 2 * 50 * 30),
        ("We run 3 shifts a day, each shift about 40 operators file ~10 reports.", 3 * 40 * 10),
        # a rate per shift or hour times the shifts or hours a day that are said
        ("~300 claims per shift, 3 shifts a day", 900),
        ("About 60 calls an hour during our 8-hour working day.", 480),
        ("Each kiosk takes ~25 orders an hour, open 12 hours a day, and we have 30 kiosks.", 25 * 12 * 30),
        # members per period x items each member has, when each item is handled on its own
        ("It captions each photo. ~12k new listings a month, each listing has about 5 photos.", 12_000 * 5 / 30),
        ("Every image gets alt text. About 900 new products a week, each product has roughly 7 images.", 900),
        # members on a shift x what each does per shift (one shift unless more are said)
        ("22 agents on a single 9-hour shift each day, and each agent works about 60 cases per shift.", 22 * 60),
    ],
)
def test_a_nested_product_of_stated_figures_is_the_volume(text, per_day):
    found = extract(text).fields
    assert found["requests_per_day"] == pytest.approx(per_day, rel=0.01)


def test_the_evidence_is_the_users_own_words_from_first_figure_to_last():
    found = extract("We run 4 depots, each with about 20 drivers. Each driver logs maybe 6 notes per shift.")
    assert found.fields["requests_per_day"] == 480
    assert found.evidence["requests_per_day"].startswith("4 depots, each with about 20 drivers")


@pytest.mark.parametrize(
    ("text", "per_day"),
    [
        # the outputs of one request are not more requests
        ("We get 600 visits a day, each visit note is summarised into 3 bullets.", 600),
        ("About 2,000 tickets a day, and each ticket gets 2 tags.", 2000),
        ("A description per listing: ~12k new listings a month, each listing has about 5 photos.", 400),
        # turns of a conversation are multiplied in once, by the size reader
        ("~4k sessions a day, ~5 model calls per session.", 20_000),
        # a rate per hour with no hours a day said stays the plain rate's reading
        ("Roughly 50 requests an hour.", 1200),
    ],
)
def test_what_is_not_a_further_factor_is_not_multiplied(text, per_day):
    assert extract(text).fields["requests_per_day"] == pytest.approx(per_day, rel=0.01)


@pytest.mark.parametrize(
    "text",
    [
        "Each agent handles about 40 tickets per shift, and we have not decided how many agents.",
        "5 teams, each with their own prompts.",
    ],
)
def test_a_chain_with_a_missing_figure_invents_none(text):
    got = extract(text).fields.get("requests_per_day")
    assert got is None or got == pytest.approx(40)
