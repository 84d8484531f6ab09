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


# --- currencies we hold no rate for: money, so no volume, and no budget ------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Budget is AED 8,000 a month.",
        "We can spend 3,000 dirhams monthly on this.",
        "Ksh. 150,000 a month is what the board approved.",
        "a budget of 50k KES per month",
        "roughly 40,000 shillings a month",
        "R85,000 a month for the whole platform",
        "budget 30 000 ZAR a month",
        "PHP 20,000 a month, max",
        "₱45,000 monthly for tooling",
        "around 12,000 pesos a month",
        "Rp 7.500.000 per month",
        "we can put 8 juta rupiah a month into it",
        "budget 2,000,000 IDR monthly",
        "₩900,000 a month",
        "500,000 KRW a month budget",
        "¥60,000 per month",
        "₹35,000 a month",
        "budget 2000 zł a month",
        "1 500 PLN per month",
        "RM 3,000 a month",
        "budget 5k MYR monthly",
        "2000 ringgit a month",
        "฿20,000 a month",
        "budget 30,000 THB a month",
        "10,000 baht monthly",
        "budget 5000 kr a month",
        "20 000 SEK per month",
        "NOK 12,000 monthly",
        "DKK 9,000 a month",
        "MXN 20,000 a month",
        "R$ 3.000 a month",
    ],
)
def test_a_sum_in_a_currency_without_a_rate_is_neither_budget_nor_volume(text):
    found = extract(text).fields
    assert "budget_usd_month" not in found and "requests_per_day" not in found


@pytest.mark.parametrize(
    ("text", "budget", "per_day"),
    [
        ("Our Manila team costs ₱200,000 a month; for the API we can spend $800 a month.", 800, None),
        ("Budget is AED 8,000 a month and we handle 3,000 chats a day.", None, 3_000),
        ("Nairobi clinic, about KSh 90k monthly, 400 patient messages a day.", None, 400),
    ],
)
def test_a_foreign_sum_leaves_the_dollar_budget_and_the_volume_beside_it(text, budget, per_day):
    found = extract(text).fields
    assert found.get("budget_usd_month") == budget
    assert found.get("requests_per_day") == per_day


@pytest.mark.parametrize(
    ("text", "per_day"),
    [
        ("We run DeepSeek R1 for 300 requests a day.", 300),  # a model's name, not rand
        ("200 real users a day", 200),  # "real" is no currency here
        ("We're on PHP 8 and get 2,000 requests a day.", 2_000),
        ("Our team in Seoul won 3 contracts; we answer 900 emails a day.", 900),
    ],
)
def test_words_that_look_like_currencies_leave_the_volume(text, per_day):
    assert _field(text, "requests_per_day") == per_day


# --- the company's own money is no budget ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Boutique hotel group (Lisbon, ~$9M revenue), looking at a concierge bot.",
        "We're a seed-stage legaltech; we raised a $1.5M pre-seed last spring.",
        "B2B SaaS at $300k ARR with a small support team.",
        "We're a payroll startup doing about $60k MRR.",
        "Turnover is around $20M a year.",
        "We closed a $7M Series B in March.",
        "The company was valued at $45M last round.",
        "Our annual revenue of $3.2M pays for everything.",
        "Our tutors earn $38k a year.",
        "Salaries are $110k/year per data scientist.",
        "We charge $19 a month per learner.",
        "We sell the premium tier at $99/month.",
        "we have $750k in funding and two engineers",
        "Think of us as a $25M company.",
    ],
)
def test_revenue_funding_valuation_salaries_and_prices_are_no_budget(text):
    assert "budget_usd_month" not in extract(text).fields


@pytest.mark.parametrize(
    ("text", "budget", "per_day"),
    [
        ("Meal-kit brand, ~$6M revenue, about 1,200 support chats a day, budget $900 a month.", 900, 1_200),
        ("We do 2M in revenue a year and get 300 chats a day.", None, 300),  # revenue with no sign is no volume
        ("Our annual revenue of $2.5M means we can spend maybe $300 a month on this.", 300, None),
        ("We raised a $4M seed, and the budget for this is $2k a month.", 2_000, None),
        ("Our budget, roughly 5% of our $40k MRR, is $2k a month.", 2_000, None),
        ("Revenue is small, so our budget is $500 a month.", 500, None),
        ("We're a $30M company with a budget of $2k a month.", 2_000, None),
    ],
)
def test_a_budget_beside_the_companys_money_still_reads(text, budget, per_day):
    found = extract(text).fields
    assert found.get("budget_usd_month") == budget
    assert found.get("requests_per_day") == per_day


@pytest.mark.parametrize(
    ("text", "per_day"),
    [
        ("We get about 300 sales a day and each one triggers a receipt email.", 300),  # sales counted, not money
        ("Our sales team handles 300 calls a day.", 300),
    ],
)
def test_a_count_of_sales_is_still_a_volume(text, per_day):
    assert _field(text, "requests_per_day") == per_day


def test_a_startup_budget_is_a_budget():
    assert _field("We have a $5k startup budget.", "budget_usd_month") == 5_000


# --- "a grand" -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "budget"),
    [
        ("We could put roughly a grand a month into this.", 1_000),
        ("Spend? A grand, maybe.", 1_000),
        ("a couple grand a month, tops", 2_000),
        ("A couple of grand per month is fine for the pilot.", 2_000),
        ("Honestly half a grand would be the ceiling.", 500),
        ("Budget: half a grand a week", 500 * 30 / 7),
    ],
)
def test_a_grand_is_a_thousand_dollars(text, budget):
    assert _field(text, "budget_usd_month") == pytest.approx(budget, rel=0.01)


def test_a_grand_keeps_the_users_words_in_evidence():
    assert extract("about a couple grand a month").evidence["budget_usd_month"] == "a couple grand a month"


@pytest.mark.parametrize(
    ("text", "per_day"),
    [
        ("That's a grand total of 400 tickets a day.", 400),
        ("We have a grand plan: 300 chats a day by spring.", 300),
        ("A grand opening is coming, with maybe 500 orders a day.", 500),
    ],
)
def test_grand_as_an_adjective_is_no_money(text, per_day):
    found = extract(text).fields
    assert "budget_usd_month" not in found and found["requests_per_day"] == per_day


# --- "per annum", "p.a." -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "per_day"),
    [
        ("The ombudsman receives some 36,500 complaints per annum.", 100),
        ("We get 73k enquiries p.a. across the group.", 200),
        ("Approx. 18.250 permit applications p.a.", 50),
        ("We expect 18 000 applications per annum and a budget of 6.000 EUR p.a.", 49.3),
    ],
)
def test_a_volume_per_annum_is_a_year_of_it(text, per_day):
    assert _field(text, "requests_per_day") == pytest.approx(per_day, rel=0.01)


@pytest.mark.parametrize(
    ("text", "budget"),
    [
        ("Budget is 10k p.a.", 833.33),
        ("We have $24,000 per annum for tooling.", 2_000),
        ("annual budget €12k p.a.", 1_000),  # said twice, divided once
        ("We expect 18 000 applications per annum and a budget of 6.000 EUR p.a.", 500),
    ],
)
def test_a_budget_per_annum_is_a_twelfth_a_month(text, budget):
    assert _field(text, "budget_usd_month") == pytest.approx(budget, rel=0.01)


# --- a budget among other figures ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "budget", "per_day"),
    [
        ("Team of 6, 250k ARR, 3 000 chats a week, and we can spend 2k a month.", 2_000, 428.6),
        ("Budget $500/month for 20,000 requests a month at 1.5k tokens each.", 500, 666.7),
        ("With 15 000 users asking 2 questions a day each and a budget of 900 EUR per month.", 900, 30_000),
        ("Our Jakarta office pays Rp 15 juta for hosting; budget for this is $400 a month and we see 5.000 chats "
         "a day.", 400, 5_000),
        ("Replies in under 1,5 s, 2.400 emails a day, 8 languages, and about a grand a month to spend.", 1_000, 2_400),
    ],
)
def test_a_budget_stated_alongside_other_figures_reads_right(text, budget, per_day):
    found = extract(text).fields
    assert found["budget_usd_month"] == pytest.approx(budget, rel=0.01)
    assert found["requests_per_day"] == pytest.approx(per_day, rel=0.01)


@pytest.mark.parametrize(
    ("text", "field", "ms"),
    [
        ("Replies in under 1,5 s, please.", "max_ttft_ms", 1_500),  # a decimal comma
        ("first token within 0,8 s", "max_ttft_ms", 800),
        ("the whole answer under 2,000ms", "max_response_ms", 2_000),  # a thousands comma
        ("replies under 1.5 s", "max_ttft_ms", 1_500),
    ],
)
def test_a_time_target_reads_its_decimal_or_thousands_comma(text, field, ms):
    assert _field(text, field) == ms


def test_a_count_after_a_funding_word_is_still_counted():
    assert _field("Seed funding: 300 requests a day is our launch target.", "requests_per_day") == 300
