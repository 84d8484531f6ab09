"""The general readers that fresh phrasing relies on: numbers in words and ranges, money before volume,
negation over a clause, priorities as comparisons, batch tolerance and regions ruled out."""

from __future__ import annotations

import pytest

from agent.advisor.rules.extract import extract
from agent.advisor.rules.negation import negated
from agent.advisor.rules.number_words import Spelled


@pytest.mark.parametrize(
    ("text", "digits"),
    [
        ("three hundred conversations", "300 conversations"),
        ("two hundred and fifty thousand calls", "250000 calls"),
        ("half a million requests", "500000 requests"),
        ("twenty-five analysts", "25 analysts"),
        ("ten grand", "10 grand"),
        ("10-20k requests", "15000 requests"),
        ("between 3 and 5 thousand chats", "4000 chats"),
        ("a few hundred reviews", "a few hundred reviews"),  # a vague count stays words
        ("a day, an hour", "a day, an hour"),
    ],
)
def test_numbers_in_words_and_ranges_read_as_digits(text, digits):
    spelled = Spelled(text)
    assert spelled.text == digits
    assert spelled.original(spelled.text) == text


@pytest.mark.parametrize(
    ("text", "budget"),
    [
        ("about 2 grand a month", 2000),
        ("ten grand monthly", 10_000),
        ("200 bucks a month", 200),
        ("budget 3000 a month", 3000),
        ("No more than three thousand dollars monthly.", 3000),
        ("We have a spending cap of 50k a year", 50_000 / 12),
        ("Keep the monthly bill under 1,000 dollars", 1000),
        ("budget $2-3k a month", 2500),
    ],
)
def test_money_in_words_is_a_budget_and_never_a_volume(text, budget):
    found = extract(text).fields
    assert found["budget_usd_month"] == pytest.approx(budget)
    assert "requests_per_day" not in found


@pytest.mark.parametrize(
    ("text", "per_day"),
    [
        ("2,000 employees x 10 a day", 20_000),
        ("2,000 employees, maybe 10 questions each per day", 20_000),
        ("300-person company, maybe 3 each per day", 900),
        ("300 an hour", 7200),
        ("4M a month", 4e6 / 30),
        ("maybe 100 problems/day", 100),
        ("A 1,200-seat call centre where each rep asks maybe 15 times a shift", 18_000),
        ("400 agents in total and each agent takes around 50 calls per day", 20_000),
        ("40 devs together, each does 50 a day", 2000),  # the leading total counts the people, as above
        ("40 devs across the company, each sends 50 a day", 2000),
        ("15 analysts, together they run about 600 queries a day", 600),
        ("budget $500 a month for 3,000 chats a day", 3000),
    ],
)
def test_volumes_as_products_and_rates(text, per_day):
    assert extract(text).fields["requests_per_day"] == pytest.approx(per_day, rel=1e-3)


@pytest.mark.parametrize(
    ("text", "word", "ruled_out"),
    [
        ("No audio and no images, just text", "images", True),
        ("We don't need vision; it's a bot", "vision", True),
        ("no audio, images or video", "video", True),
        ("We need audio but not video", "audio", False),
        ("not sensitive, but we process images", "images", False),
    ],
)
def test_a_negation_reaches_over_its_clause_only(text, word, ruled_out):
    assert negated(text, text.index(word)) is ruled_out


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("No audio and no images, just text in and text out", {"needs": "audio"}),
        ("voice-of-customer: summarise 300 product reviews per hour", {"needs": "audio"}),
        ("summaries of earnings call transcripts", {"needs": "audio"}),
        ("Roughly 1.2 million API calls monthly for product tagging", {"needs": "tools"}),
        ("We sort payment disputes by reason code", {"task": "coding"}),
        ("Telehealth triage assistant", {"task": "classification"}),
        ("Our German bank can't send anything to US clouds", {"regions": "us"}),
        ("Our German bank can't send anything to US clouds", {"languages": "german"}),
        ("We have clients in the US and in Canada", {"privacy": "region-locked"}),
    ],
)
def test_harmful_readings_are_not_made(text, absent):
    found = extract(text).fields
    for name, value in absent.items():
        got = found.get(name)
        assert value not in (got if isinstance(got, list) else [got])


@pytest.mark.parametrize(
    ("text", "preset"),
    [
        ("quality matters more than price", "quality"),
        ("accuracy is everything", "quality"),
        ("precision beats speed", "quality"),
        ("Speed matters more than cost", "latency"),
        ("cost matters most, quality comes second", "cost"),
        ("Speed over everything", "latency"),
    ],
)
def test_priorities_in_words(text, preset):
    assert extract(text).fields["priority"] == preset


def test_a_negated_priority_is_none():
    assert "priority" not in extract("cost is not critical for us").fields


@pytest.mark.parametrize(
    "text",
    ["an overnight batch is fine", "We don't care about latency, this runs as a nightly job",
     "results by the next business day are fine", "We don't mind if it's slow"],
)  # fmt: skip
def test_batch_tolerance_sends_every_request_through_the_batch_api(text):
    assert extract(text).fields["batch_share"] == 1.0


def test_no_batch_tolerance_without_words_for_it():
    assert "batch_share" not in extract("a support chatbot, answers within a second").fields


@pytest.mark.parametrize(
    ("text", "regions"),
    [
        ("Our German bank can't send anything to US clouds", ["eu"]),
        ("It must not be hosted in the US", ["asia", "eu"]),
        ("customer data must stay in Germany", ["de"]),
        ("Swiss insurer: claims data must never leave Europe", ["eu"]),
        ("US-only data residency", ["us"]),
    ],
)
def test_regions_locked_and_ruled_out(text, regions):
    found = extract(text).fields
    assert found["privacy"] == "region-locked"
    assert sorted(found["regions"]) == regions


def test_the_size_of_each_item_is_what_a_request_reads_not_the_answer():
    found = extract(
        "We draft discharge summaries from the chart, roughly 900 discharges per day, each chart maybe 15k tokens, "
        "the summary about 500 words."
    ).fields
    assert found["input_tokens"] == 15_000
    assert found["output_tokens"] == 650


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("open weights not required", "open_weights"),
        ("HIPAA doesn't apply to us, the data is anonymised", "compliance"),
        ("We're not subject to GDPR", "compliance"),
        ("instant messaging app with 2M messages a day", "priority"),
    ],
)
def test_a_requirement_denied_is_not_set(text, absent):
    assert absent not in extract(text).fields


def test_a_negation_ends_where_a_new_phrase_starts():
    found = extract("not a chatbot, more of a classifier for support tickets").fields
    assert found["task"] == "classification"
    assert extract("Not looking for the cheapest option, quality first").fields["priority"] == "quality"


def test_residency_takes_the_place_its_sentence_names_and_assumes_none():
    assert extract("Data residency in the US is mandatory").fields["regions"] == ["us"]
    assert "regions" not in extract("data residency matters to our lawyers").fields


def test_a_steady_rate_wins_over_a_peak_one():
    found = extract("roughly 1.5k conversations an hour at peak, maybe 15k a day overall").fields
    assert found["requests_per_day"] == 15_000


def test_a_spending_word_that_opens_the_sentence_makes_the_sum_money():
    found = extract("Our budget is flexible, but around 8k a month").fields
    assert found["budget_usd_month"] == 8000
    assert "requests_per_day" not in found
    both = extract("Our budget is $2k a month, and we get 30k a month").fields
    assert (both["budget_usd_month"], both["requests_per_day"]) == (2000, 1000)


def test_one_members_rate_is_no_volume_until_the_members_are_counted():
    assert "requests_per_day" not in extract("maybe 10 per user per day").fields
    found = extract("50 NPC lines per player per day for 2,000 players").fields
    assert found["requests_per_day"] == 100_000


def test_one_in_twenty_is_a_share_and_never_twenty_a_day_per_member():
    found = extract("There are around 12k active customers, and I'd guess 1 in 20 asks something each day.").fields
    assert found.get("requests_per_day") != 240_000


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        ("Need: classify support emails. Constraint: EU data only.", {"regions": ["eu"]}),
        ("Hosting in the UK or EU is required", {"regions": ["uk", "eu"]}),
        ("Run in our own Azure tenant in West Europe", {"regions": ["eu"]}),
        ("next-word suggestions on-device", {"privacy": "self-hosted"}),
        ("We want the answers in under five seconds in total", {"max_response_ms": 5000}),
        ("Cost doesn't matter, speed does", {"priority": "latency"}),
    ],
)
def test_more_ways_to_say_a_place_a_time_and_a_priority(text, fields):
    found = extract(text).fields
    assert {name: found.get(name) for name in fields} == fields
