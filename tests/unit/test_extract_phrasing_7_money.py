"""Which sum of money is the budget: a stated limit rather than today's bill, a past bill or a vendor's quote;
no budget when the user says the figure is no cap; budgets written in other languages (spelled numbers,
months and years, currencies we hold no rate for); Swiss francs and the Swiss "3'000". Each class is shown
on variants of our own, with phrasings that must not trigger it."""

from __future__ import annotations

import pytest

from agent.advisor.rules.extract import extract
from agent.advisor.rules.number_words_abroad import spelled_sums


def _budget(text: str) -> float | None:
    return extract(text).fields.get("budget_usd_month")


def _reads(text: str, budget: float | None) -> None:
    got = _budget(text)
    if budget is None:
        assert got is None, got
    else:
        assert got == pytest.approx(budget, rel=0.01)


# --- a stated limit outranks today's bill, a past bill, a vendor's quote ------------------------------


@pytest.mark.parametrize(
    ("text", "budget"),
    [
        ("Right now we pay Acme roughly $6,200 a month; we want to get under $4,000.", 4_000),
        ("We pay our vendor about $6,200/month and want to get that below $4,000/month", 4_000),
        ("Our OpenAI invoice last month was $7,500. The budget going forward is $5k/month.", 5_000),
        ("We used to spend $12k/month on GPT-4. Now we can afford at most $3k a month.", 3_000),
        ("We were on Claude at ~$9k/month which nearly killed us. Our hard ceiling now is $10k a month.", 10_000),
        ("Vendor B offered $2,000/month flat. Our max is $1,200/month.", 1_200),
        ("A vendor quoted $0.002 per call with a $1,500/month minimum. Our real ceiling is $800 a month.", 800),
        ("The list price is $900/month but we'd cap it at $600 a month.", 600),
        ("We're currently paying about €3,000 per month for Azure and need a ceiling of €2,000.", 2_000),
        ("Their quote came in at $25k a year, our budget is $1k a month", 1_000),
        ("Currently ~£2,400/month with our vendor; we need to come in below £1,500 per month.", 1_500),
        ("It was costing us $6k a month on GPT-4; our max now is $2k.", 2_000),
    ],
)
def test_a_stated_limit_is_the_budget_over_a_bill_or_a_quote(text, budget):
    _reads(text, budget)


@pytest.mark.parametrize(
    ("text", "budget"),
    [
        ("We pay $6,200/month for hosting.", None),  # today's bill alone says no limit
        ("A vendor quoted us $1,500/month.", None),
        ("We were spending $9k a month last year.", None),
        ("Budget is $5k/month. We currently pay $7k/month.", 5_000),  # the first is the limit already
        ("We can spend $5k a month, with no more than $500 on experiments.", 5_000),
        ("We currently pay $4k/month, which is our budget.", 4_000),  # today's bill said to be the limit
        ("Budget $2k/month; the vendor's minimum is $1,500/month", 2_000),
        ("We have around $3k a month; each request should cost under $0.01.", 3_000),  # a price is no limit
    ],
)
def test_a_bill_or_a_quote_is_no_budget_but_a_budget_stays_one(text, budget):
    _reads(text, budget)


# --- a figure said to be no cap is no budget ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Ideally we'd stay under $2k/mo, but that's not a hard cap.",
        "We'd like to stay around $3k a month, though it isn't a hard limit.",
        "Roughly $1,500/month would be nice - not a strict ceiling.",
        "Target ~€800 per month (that's not a firm cap).",
        "Not a hard cap, but ideally around $2,500 a month.",
        "Ideally under $2k/mo. That's not a hard limit though.",
    ],
)
def test_a_figure_said_to_be_no_cap_is_no_budget(text):
    _reads(text, None)


@pytest.mark.parametrize(
    ("text", "budget"),
    [
        ("Ideally under $2k/mo.", 2_000),  # a soft target alone is still read
        ("Budget $2k/month, no limit on latency.", 2_000),  # the "no limit" is about something else
        ("Budget is $2,000/month, no cap on the number of users.", 2_000),
        ("We have no hard limit on latency; budget $1k a month.", 1_000),
        ("Ideally under $2k/mo, but that's not a hard cap; the real maximum is $3k/mo.", 3_000),
        ("There's no budget limit.", None),
    ],
)
def test_a_no_cap_word_about_something_else_leaves_the_budget(text, budget):
    _reads(text, budget)


# --- budgets in other languages ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "budget"),
    [
        ("Budget: zweitausend Euro im Monat", 2_000),
        ("Presupuesto: dos mil euros al mes.", 2_000),
        ("il budget è di duemila euro al mese", 2_000),
        ("Budget: fünfhundert Euro monatlich", 500),
        ("notre budget: deux mille cinq cents euros par mois", 2_500),
        ("presupuesto de 1.500 € al mes", 1_500),
        ("presupuesto de 20 mil euros al mes", 20_000),  # "mil" is a thousand in Spanish
        ("budget 3 000 € par mois", 3_000),
        ("Unser Budget liegt bei 1.200 € pro Monat.", 1_200),
        ("Budget: 24.000 € pro Jahr", 2_000),
        ("notre budget est de 12 000 euros par an", 1_000),
        ("orçamento de 3.000 € por mês", 3_000),
    ],
)
def test_a_budget_in_another_language_is_read(text, budget):
    _reads(text, budget)


@pytest.mark.parametrize(
    "text",
    [
        "Orçamento: R$ 20.000 por mês",  # Brazilian reais: no rate
        "Orçamento: vinte mil reais por mês",
        "Presupuesto: 50.000 pesos mexicanos al mes",
        "Budget 4 000 $ CA par mois",  # Canadian dollars written after the figure
        "Budget: 4000 CA$ per month",
        "budget 5 000 $ AU par mois",
        "budget de 300 000 ¥ par mois",
        "Budget: ein paar tausend Euro im Monat",  # "a few thousand" is no figure
        "budget 5000 francs CFA par mois",
    ],
)
def test_another_currency_or_a_vague_figure_is_no_budget(text):
    _reads(text, None)


@pytest.mark.parametrize(
    ("text", "digits"),
    [
        ("zweitausend Euro", "2000 Euro"),
        ("fünfundzwanzigtausend Euro", "25000 Euro"),
        ("quatre-vingt-dix euros", "90 euros"),
        ("mil quinientos euros", "1500 euros"),
        ("un millón de euros", "1000000 euros"),
        ("tweeduizend euro", "2000 euro"),
        ("cento e cinquenta euros", "150 euros"),
        ("We have a tree euro", "We have a tree euro"),  # no number words
        ("sei euro", "6 euro"),
        ("sei molto gentile", "sei molto gentile"),  # no currency after: left alone
        ("one million euros", "one million euros"),  # English: rules/number_words.py reads it
        ("5 mil dollars", "5 mil dollars"),  # the English "mil" is a million
    ],
)
def test_number_words_of_other_languages_before_a_currency(text, digits):
    assert spelled_sums(text)[0] == digits


def test_the_english_mil_stays_a_million():
    _reads("Budget: $2 mil per year", 2_000_000 / 12)


# --- Swiss francs and the Swiss thousands ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "budget"),
    [
        ("Budget CHF 3'000 per month", 3_000),
        ("Our budget: CHF 12'000 a year.", 1_000),
        ("Max. CHF 1’500 monthly", 1_500),
        ("Budget 2'500 CHF/month", 2_500),
        ("Budget up to 5000 Swiss francs a month", 5_000),
        ("Budget: dreitausendfünfhundert Franken pro Monat", 3_500),
        (
            "We triage mail for a Zurich insurer. Approx. 1.400 letters per week. Client data may not leave "
            "Switzerland. Budget CHF 8,000/month.",
            8_000,
        ),
        ("Budget CHF 8,000/month. Approx. 1.400 letters per week.", 8_000),
    ],
)
def test_swiss_francs_are_read_at_par(text, budget):
    _reads(text, budget)


def test_the_swiss_message_keeps_its_volume_and_region():
    fields = extract(
        "Approx. 1.400 letters per week, budget CHF 8'000/month, client data may not leave Switzerland."
    ).fields
    assert fields["budget_usd_month"] == pytest.approx(8_000)
    assert fields["requests_per_day"] == pytest.approx(200)
    assert "ch" in fields.get("regions", [])


@pytest.mark.parametrize(
    ("text", "budget"),
    [
        ("The mill was built in 1'850", None),  # a year with a tick is no money
        ("Our yearly budget is $36,000.", 3_000),
        ("$9k per quarter", 3_000),
        ("Their plan is $49/seat; our budget is $2k/month.", 2_000),
        ("budget 8000 francs a month", None),  # francs alone may be CFA: no rate
    ],
)
def test_near_misses_of_the_swiss_forms(text, budget):
    _reads(text, budget)
