"""How numbers and money are read: thousands grouped by dots or spaces, currencies we hold no rate
for, money that is no budget (revenue, funding, salaries), "a grand", and "per annum". Each class is
shown on variants of our own, with phrasings that must not trigger it."""

from __future__ import annotations

import pytest

from agent.advisor.rules.digit_groups import written_number
from agent.advisor.rules.extract import extract


def _field(text: str, name: str) -> float | None:
    return extract(text).fields.get(name)


# --- thousands grouped by dots or spaces ------------------------------------------------------------


@pytest.mark.parametrize(
    ("digits", "scaled", "value"),
    [
        ("40.000", False, 40_000),
        ("1.200.000", False, 1_200_000),
        ("1.234,56", False, 1_234.56),
        ("2,400", False, 2_400),
        ("1,5", False, 1.5),  # a decimal comma
        ("0.002", False, 0.002),  # the first group is 0: a decimal
        ("2.50", False, 2.5),  # two digits after the dot: a decimal
        ("1.500", True, 1.5),  # "1.500M": a decimal before a scale
        ("4.1.2", False, 4.1),  # a version: its first figure, not a crash
    ],
)
def test_a_written_figure_reads_by_its_grouping(digits, scaled, value):
    assert written_number(digits, scaled) == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "per_day"),
    [
        ("Roughly 25.000 invoices a month come through accounts payable.", 833.3),
        ("We get about 3.500 support emails a week.", 500),
        ("Around 12 000 orders per month in the webshop.", 400),
        ("some 2 400 insurance claims a day", 2_400),
        ("The portal serves 1.200.000 requests a month.", 40_000),
        ("Our helpdesk sees 15\u00a0000 requests a day.", 15_000),  # a no-break space, as French writes it
        ("3.000-4.000 tickets a week", 500),  # a range of grouped figures: its midpoint
        ("We have 2.500 employees and each asks 2 questions a week.", 714.3),
        ("Each term lasts 3 months and we mark 9.000 essays per term.", 100),
        ("We expect 180 000 public comments over a 60-day consultation.", 3_000),
    ],
)
def test_thousands_grouped_by_dots_or_spaces_are_one_figure(text, per_day):
    assert _field(text, "requests_per_day") == pytest.approx(per_day, rel=0.01)


@pytest.mark.parametrize(
    ("text", "budget"),
    [
        ("Our budget is 1.800 € per month.", 1_800),
        ("The cap is 9 000 EUR a year for the whole pilot.", 750),
        ("We can spend about €1.234,56 a month.", 1_234.56),  # dots group, the comma is the decimal
        ("budget $2.50 a day", 75),  # a real decimal stays one
    ],
)
def test_a_grouped_budget_reads_whole(text, budget):
    assert _field(text, "budget_usd_month") == pytest.approx(budget, rel=0.01)


@pytest.mark.parametrize(
    ("text", "per_day"),
    [
        ("about 1.5k chats a day", 1_500),  # a decimal before a scale
        ("5-6 requests per minute", 7_920),  # a range, not a group
        ("We compared gpt-4.1 and claude 3.5 sonnet; 400 chats a day.", 400),
        ("Our box at 10.200.300.4 gets 50 requests a day.", 50),  # an address is no figure
        ("We sell 2 500-piece puzzles and answer 80 emails a day.", 80),  # "2 500-piece" is two figures
    ],
)
def test_decimals_ranges_versions_and_addresses_are_not_grouped(text, per_day):
    assert _field(text, "requests_per_day") == pytest.approx(per_day, rel=0.01)


def test_grouped_evidence_keeps_the_users_digits():
    found = extract("Around 12 000 orders per month")
    assert found.evidence["requests_per_day"] == "12 000 orders per month"


def test_a_budget_said_as_a_span_of_months_is_no_volume():
    assert "requests_per_day" not in extract("We have a $6,000 budget over the next 3 months.").fields
