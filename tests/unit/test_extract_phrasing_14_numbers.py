"""Classes of phrasing about volumes, sizes and numbers that a stranger found read wrong (2026-12), written as
rules and proved on variants of our own, each class with near-misses that must not fire: a count of fields
per item is no count of calls, and a quarter is 90 days; one scale word shared by both ends of a range; parts
of one request joined by "+" or "plus"; a negative figure; an answer to the volume question in rough words."""

from __future__ import annotations

import pytest

from agent.advisor.answer_reading import read_as_answer
from agent.advisor.rules.extract import extract


def _fields(text: str) -> dict:
    return extract(text).fields


# A count of fields, columns or labels per item is what one call fills in, not calls.
@pytest.mark.parametrize(
    ("text", "per_day"),
    [
        ("About 9,000 purchase orders a month come in; every order is two pages and we pull out 25 attributes "
         "into a table", 300),
        ("3k lab reports per quarter, each report is one page, 30 columns extracted", 3000 / 90),
        ("We scan 6,300 delivery notes a quarter. Each note is a single page; 12 fields come out as JSON.", 70),
        ("1,800 CVs each week, each CV runs 2 pages, we need 12 fields per CV", 1800 / 7),
        ("12k shipping manifests a quarter, each manifest has 2 pages and 8 labels per page to fill", 12000 / 90),
    ],
)
def test_fields_per_item_are_no_calls(text, per_day):
    assert _fields(text)["requests_per_day"] == pytest.approx(per_day, rel=0.01)


@pytest.mark.parametrize(
    ("text", "per_day"),
    [
        # near-misses: a part each of which is handled on its own, calls per exchange, and people's work multiply
        ("We handle 18,000 claims a quarter; each claim has 3 photos and the model looks at each photo on its own",
         600),
        ("500 chats per day and each chat is about 4 exchanges, and each exchange makes 2 model calls", 4000),
        ("Two shifts a day; each shift about 20 agents handle ~25 chats.", 1000),
    ],
)
def test_parts_handled_one_by_one_and_calls_still_multiply(text, per_day):
    assert _fields(text)["requests_per_day"] == pytest.approx(per_day, rel=0.01)


@pytest.mark.parametrize(
    ("text", "per_day"),
    [
        ("We review 900 leases a quarter", 10),
        ("We track 180 portfolios, one report each per quarter.", 2),
        ("450 audits quarterly", 5),
    ],
)
def test_a_quarter_is_ninety_days_wherever_it_is_read(text, per_day):
    assert _fields(text)["requests_per_day"] == pytest.approx(per_day, rel=0.001)


# One scale word for both ends of a range: "three to five hundred" is 300-500.
@pytest.mark.parametrize(
    ("text", "budget"),
    [
        ("we can spend between two and four hundred dollars a month", 300),
        ("Budget: $6-8 hundred per month", 700),
        ("monthly budget of one to two thousand dollars", 1500),
        ("our budget is seven or eight hundred dollars a month", 750),
    ],
)
def test_a_budget_range_sharing_one_scale_word(text, budget):
    assert _fields(text)["budget_usd_month"] == pytest.approx(budget)


@pytest.mark.parametrize(
    ("text", "per_day"),
    [
        ("we expect four to six thousand questions a day", 5000),
        ("roughly 7-9 hundred emails per day", 800),
        ("between 1 and 3 hundred tickets a day", 200),
        ("three or four thousand chats daily", 3500),
        ("about 2 hundred reviews a day", 200),
    ],
)
def test_a_volume_range_sharing_one_scale_word(text, per_day):
    assert _fields(text)["requests_per_day"] == pytest.approx(per_day)


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("each essay runs 6-8 hundred words", 910),
        ("every brief is two to four hundred words long", 390),
        ("each post is about 5 hundred words", 650),
    ],
)
def test_a_size_range_sharing_one_scale_word(text, tokens):
    assert _fields(text)["input_tokens"] == tokens


def test_a_count_before_a_hyphened_scale_is_a_count_of_long_documents():
    fields = _fields("we summarise 2 to 4 hundred-page filings a day")
    assert fields["requests_per_day"] == 3 and fields["input_tokens"] == 60_000


@pytest.mark.parametrize(
    ("text", "per_day"),
    [
        ("between 5 and 500 requests a day", 252.5),  # each end has its own figure
        ("between two thousand and four thousand requests a day", 3000),  # a scale said twice
        ("two to three hundred-page reports a week", 2.5 / 7),  # a few reports of a hundred pages
    ],
)
def test_a_range_with_its_own_ends_is_no_shared_scale(text, per_day):
    assert _fields(text)["requests_per_day"] == pytest.approx(per_day, rel=0.01)


# Parts of one request joined by "+" or "plus" add up.
@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("Input: 2.5k tokens system prompt + 300 tokens user message", 2800),
        ("Per request: 1k tokens of few-shot examples plus 150 tokens user query", 1150),
        ("each call carries a 2k token system prompt plus 300 tokens user question", 2300),
        ("Input: 1.2k tokens persona prompt + 80 tokens caller text", 1280),
        ("We send the 4-page policy plus a one-page claim form", 3000),
        ("each request: a 2-page form plus a one-page cover letter", 1800),
        ("the spec is 5 pages plus a half-page summary of changes", 3300),
        ("each filing is 2 and a half pages", 1500),
    ],
)
def test_parts_of_one_request_joined_by_plus_add_up(text, tokens):
    assert _fields(text)["input_tokens"] == tokens


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("Input: 3k tokens, sometimes up to 5k tokens", 3000),  # a second size is no part
        ("the contract is 10 pages and the reply is half a page", 6000),  # the answer is no input
    ],
)
def test_sizes_not_joined_as_parts_do_not_add_up(text, tokens):
    assert _fields(text)["input_tokens"] == tokens


# A negative figure sets nothing: never the positive figure the user did not say.
@pytest.mark.parametrize(
    "text",
    [
        "support bot, -500 requests a day",
        "FAQ assistant (-1.2k messages per day)",
        "-250 chats a day for our shop assistant",
        "volume: -40 tickets per hour",
    ],
)
def test_a_negative_count_sets_no_volume(text):
    assert "requests_per_day" not in _fields(text)


@pytest.mark.parametrize(
    ("text", "per_day"),
    [
        ("support bot, 400 -600 requests a day", 500),  # a range
        ("Needs:\n-800 requests a day\n-EU hosting", 800),  # a list's bullets
        ("we use GPT-4 for 300 requests a day", 300),  # a model's name
    ],
)
def test_a_hyphen_that_is_no_minus_keeps_its_figure(text, per_day):
    assert _fields(text)["requests_per_day"] == pytest.approx(per_day)


# Answers to the volume question in rough words.
@pytest.mark.parametrize(
    ("reply", "per_day"),
    [
        ("roughly three thousand", 3000),
        ("five thousand or so", 5000),
        ("four hundred-ish", 400),
        ("3k-ish", 3000),
        ("fifteen hundred give or take", 1500),
        ("something like 800 requests", 800),
        ("two or three thousand", 2500),
        ("a couple thousand", 2000),
        ("forty-ish", 40),
    ],
)
def test_a_rough_answer_to_the_volume_question_is_read(reply, per_day):
    assert read_as_answer("requests_per_day", reply).fields["requests_per_day"] == pytest.approx(per_day)


@pytest.mark.parametrize("reply", ["three thousand users", "about 40 pages", "version two"])
def test_a_figure_of_something_else_answers_no_volume(reply):
    assert "requests_per_day" not in read_as_answer("requests_per_day", reply).fields


def test_a_rough_answer_in_words_is_taken_in_the_interview(knowing_advisor):
    first = knowing_advisor.turn("support chatbot for our bike shop", None)
    assert first.as_json()["question"]["field"] == "requests_per_day"
    after = knowing_advisor.turn("about three thousand or so", first.session)
    assert after.as_json()["requirements"]["requests_per_day"] == 3000
    assert "assumed" not in after.answer


def test_a_size_answer_in_parts_adds_them_in_the_interview(knowing_advisor):
    result = knowing_advisor.turn("Lease analysis tool for a property firm, 300 leases a day", None)
    while (result.as_json()["question"] or {}).get("field") not in ("input_tokens", None):
        result = knowing_advisor.turn("skip", result.session)
    assert result.as_json()["question"]["field"] == "input_tokens"
    after = knowing_advisor.turn("the lease is 4 pages plus a half-page cover note", result.session)
    assert after.as_json()["requirements"]["input_tokens"] == 2700
