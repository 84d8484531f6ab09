"""Requests a day from phrasings read wrong before (round thirteen): a token total over the tokens of one
call, opening hours before a rate per hour, the share of a volume sent to the model, a label before its
headcount, turns or lines per counted item, a device's rate times the devices counted after it, one-off
work over a span, a vague rate and then its figure, a weekend's work, and workloads listed one by one.
Each class is shown on variants of our own, with phrasings that must not trigger it."""

from __future__ import annotations

import pytest

from agent.advisor.rules.extract import extract


def _per_day(text: str) -> float | None:
    return extract(text).fields.get("requests_per_day")


def _approx(per_day: float | None) -> object:
    return None if per_day is None else pytest.approx(per_day, rel=0.01)


@pytest.mark.parametrize(
    ("text", "per_day"),
    [
        (
            "Our bill shows roughly 60M prompt tokens a month; each call sends about 2k tokens in and gets 300 back.",
            1_000,
        ),
        ("We consume ~4M input tokens per day, with prompts of around 800 tokens each.", 5_000),
        ("Monthly usage: 150M input tokens, 10M output tokens. Each request is about 5k input tokens.", 1_000),
        ("Around 9M output tokens a month, each answer ~600 tokens.", 500),  # the output side over its own size
        # no size of one call: a token total counts no requests
        ("We use about 90M input tokens a month.", None),
        # a stated count of calls stands; the token total is no second volume
        ("We use 90M input tokens a month and handle 2,000 calls a day; ~1.5k in per call.", 2_000),
    ],
)
def test_a_token_total_over_the_tokens_of_one_call_is_the_volume(text, per_day):
    assert _per_day(text) == _approx(per_day)


def test_the_token_arithmetic_is_said():
    said = extract("Monthly usage: 150M input tokens. Each request is about 5k input tokens.").evidence
    assert "/ 5,000 input tokens a call / 30 days" in said["requests_per_day"]


@pytest.mark.parametrize(
    ("text", "per_day"),
    [
        ("Clinic reception is open 8 to 6 and books ~20 appointments an hour.", 200),
        ("Our helpdesk is staffed 9am-5pm, roughly 30 tickets per hour.", 240),
        ("The ops crew works 7 to 3 and handles about 50 shipment queries an hour.", 400),
        ("Support runs from 10 to 6; about 40 chats an hour come in.", 320),
        # people's hours do not bound a bot that runs around the clock
        ("We work 9 to 5 but the bot answers ~60 chats an hour around the clock.", 1_440),
    ],
)
def test_opening_hours_before_a_rate_per_hour_bound_it(text, per_day):
    assert _per_day(text) == _approx(per_day)


@pytest.mark.parametrize(
    ("text", "per_day"),
    [
        (
            "We receive 8,000 invoices a month; only about a quarter of them need the LLM, the rest are templated.",
            66.67,
        ),
        ("~50k chat messages a day. A keyword filter answers 80% of them and the rest are sent to the model.", 10_000),
        ("30k product reviews a week, just 1 in 10 gets escalated to the model.", 428.57),
        ("Roughly 6,000 tickets a day; only the 40% that mention billing go to the model.", 2_400),
        ("10k emails a day. Only 20% are urgent, the rest go to the model.", 8_000),  # the rest is what is sent
        # a share that says nothing of what reaches the model leaves the volume whole
        ("We get 12k support emails a day and about 15% are in Spanish.", 12_000),
        ("10k emails a day, only 5% are in French but all of them go through the model.", 10_000),
    ],
)
def test_only_the_share_sent_to_the_model_counts(text, per_day):
    assert _per_day(text) == _approx(per_day)


@pytest.mark.parametrize(
    ("text", "per_day"),
    [
        ("Staff approx. 45 - each asks the bot about 6 times a day", 270),
        ("Internal tool. Employees circa 1,200, each maybe 2 requests per day.", 2_400),
        ("Members ~ 2,000, each about one question a week", 285.71),
        ("Our users about 800, each sends ~3 messages a day", 2_400),
        # a total said for all of them is no rate of each
        ("Users ca. 300. We get 50 requests a day in total.", 50),
    ],
)
def test_a_label_then_about_how_many_counts_the_members(text, per_day):
    assert _per_day(text) == _approx(per_day)


@pytest.mark.parametrize(
    ("text", "per_day"),
    [
        ("We get about 1,200 bookings a day; each booking chat runs ~6 turns.", 7_200),
        ("~400 claims a day, every claim is a dialogue of about 8 turns", 3_200),
        ("Roughly 900 tickets daily, each ticket around 4 turns with the bot", 3_600),
        ("About 40k game sessions a week; every session around 15 character lines", 85_714),
        ("roughly 300 quests a day, each quest about 12 dialogue lines", 3_600),
        # the turns of another thing, and sizes of the item, multiply nothing
        ("About 600 documents a day; each reviewer has a chat of ~5 turns", 600),
        ("1M player sessions a month, each session ~20 minutes", 33_333),
        ("500 scripts a day, each script ~20 lines", 500),
    ],
)
def test_turns_or_lines_per_counted_item_multiply(text, per_day):
    assert _per_day(text) == _approx(per_day)


@pytest.mark.parametrize(
    ("text", "per_day"),
    [
        (
            "Each kiosk pings the model every 30 seconds while the mall is open 10 hours a day. There are 12 kiosks.",
            14_400,
        ),
        ("Each locker pings the API every 60 seconds; we run 40 lockers.", 57_600),
        ("Every scanner sends a frame every 5 seconds; there are 8 scanners on the floor.", 138_240),
        ("Ops note. Each drone reports every 20 seconds during a 6-hour shift; we fly 10 drones.", 10_800),
        # no count of the devices: one device's rate
        ("Each robot queries every 10 seconds during an 8-hour shift.", 2_880),
        ("Each robot queries every 10 seconds; we don't have 25 robots yet.", 8_640),
    ],
)
def test_a_devices_rate_times_the_devices_counted_after_it(text, per_day):
    assert _per_day(text) == _approx(per_day)


@pytest.mark.parametrize(
    ("text", "per_day"),
    [
        ("We have 120k old insurance claim files to classify. It can be spread over 6 months.", 666.67),
        ("We need to translate 1,800 product sheets within the next quarter", 20),
        ("a backlog of 36k letters we want cleared over the course of a year", 98.63),
        ("There are 600 contracts to review this month", 20),
        ("We have 2 million archived page scans to tag over the next year", 5_479),
        # history is no work to spread
        ("We processed 12,000 claims this year", None),
        ("We scanned 40k documents over the past year", None),
    ],
)
def test_one_off_work_over_a_span_is_spread_over_its_days(text, per_day):
    assert _per_day(text) == _approx(per_day)


@pytest.mark.parametrize(
    ("text", "per_day"),
    [
        ("Only a few requests a day, maybe 30.", 30),
        ("A couple dozen reports a week, say 25", 3.571),
        ("a bunch of reports per month, around 60", 2),
        ("We cover about 45 fixtures each weekend", 6.429),
        ("~120 bookings per weekend", 17.14),
        # a figure of something else after the vague rate; a weekend day is a day
        ("A few questions a day, maybe 20 minutes of work", None),
        ("300 emails each weekend day", 300),
    ],
)
def test_a_vague_rate_takes_the_figure_after_it_and_a_weekend_is_a_weeks(text, per_day):
    assert _per_day(text) == _approx(per_day)


@pytest.mark.parametrize(
    ("text", "per_day"),
    [
        (
            "Two things we need: (a) an FAQ bot, roughly 3k questions a day, (b) nightly re-scoring of 40k leads.",
            43_000,
        ),
        ("Use cases: 1) ~500 support tickets a day, 2) 7k invoices a week to extract.", 1_500),
        (
            "We have two uses: (a) ~300 contracts a month to review; (b) an internal Q&A bot, about 1,000 questions "
            "a day.",
            1_010,
        ),
        ("We need nightly re-categorisation of 18k product listings.", 18_000),
        # one workload at two times; a list whose other items are no rates
        ("(a) 2k messages a day now, (b) 10k messages a day after launch", 2_000),
        ("Requirements: (a) 1,500 chats a day (b) answers under 2 seconds (c) EU hosting", 1_500),
    ],
)
def test_workloads_listed_one_by_one_add_up(text, per_day):
    assert _per_day(text) == _approx(per_day)
