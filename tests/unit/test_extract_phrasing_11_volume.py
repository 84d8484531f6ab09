"""Requests a day from phrasings read wrong before (round eleven): a restatement of the calls per item,
the messages per chat said in the next sentence, a share of a population on a given day, a rate for each
of the members, devices on several units, grade ranges that are no count, totals split into chunks per
call, and more. Each class is shown on variants of our own, with phrasings that must not trigger it."""

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
        ("We get about 2,000 chats a day; every chat runs around 6 turns, i.e. 6 LLM calls.", 12_000),
        ("roughly 800 sessions daily, each session has 5 messages (that's 5 requests to the model)", 4_000),
        ("Support handles 3k tickets a day and each ticket takes 3 model calls (so 3 calls per ticket).", 9_000),
        ("700 dialogs per day, every dialog is about 3 exchanges with the assistant (i.e. 3 API calls)", 2_100),
        # the restatement counts the calls: they replace the turns, not multiply them
        ("1,200 conversations a day, each about 5 turns (so 10 model calls with the tool step)", 12_000),
        # a product that multiplied the turns in already is not multiplied by them again
        ("1,000 conversations per day and each conversation is roughly 3 exchanges, and each exchange makes "
         "2 model calls", 6_000),
    ],
)
def test_a_restatement_of_the_calls_per_item_counts_once(text, per_day):
    assert _per_day(text) == _approx(per_day)


@pytest.mark.parametrize(
    ("text", "per_day"),
    [
        ("Around 200 conversations an hour during business hours (9am to 5pm). A typical conversation has "
         "4 user messages and the bot answers each.", 6_400),
        ("We see ~3,000 chats a day. Each chat has about 5 customer messages.", 15_000),
        # the hours worked still count when the turns are multiplied in
        ("roughly 50 sessions per hour, open 10 hours a day. Each session averages 8 visitor messages.", 4_000),
        ("About 400 calls an hour from 8am to 6pm.", 4_000),  # no messages per call: the calls alone
    ],
)
def test_the_messages_per_chat_said_in_the_next_sentence_multiply(text, per_day):
    assert _per_day(text) == _approx(per_day)


@pytest.mark.parametrize(
    ("text", "per_day"),
    [
        ("We sell 400k smart speakers and roughly 10% of them use the voice skill daily, 3 requests each", 120_000),
        ("80,000 installed thermostats; about 2% of owners open the app on any given day and ask ~2 questions "
         "each", 3_200),
        ("1.5 million policyholders, maybe 1% contact us on a typical day", 15_000),
        ("12,000 DAU, a quarter of them chat with the bot, 4 messages each", 12_000),
        # daily active users written with a thousands separator
        ("6,000 daily active users; maybe 1 in 3 opens the helper, ~2 messages each", 4_000),
        ("2 million connected cars, 3% of them are electric.", None),  # a share that asks nothing
    ],
)
def test_a_share_of_a_population_on_a_given_day_counts_that_share(text, per_day):
    assert _per_day(text) == _approx(per_day)


@pytest.mark.parametrize(
    ("text", "per_day"),
    [
        ("We draft two summaries a day for each of the 45 branch offices.", 90),
        ("one status email a month to each of our roughly 1,200 tenants", 40),
        ("We run 4 checks an hour on each of the 30 pumps", 2_880),
        ("One invoice a day, for each of those 12 shops.", 12),
        ("For each of our ~60 vineyards we write one forecast a week.", 60 / 7),
    ],
)
def test_a_rate_for_each_of_the_members_multiplies_by_them(text, per_day):
    assert _per_day(text) == _approx(per_day)


@pytest.mark.parametrize(
    ("text", "per_day"),
    [
        ("We have 4 checkout lanes and each scanner sends a frame every 30 seconds; the store is open 12 hours "
         "a day.", 5_760),
        ("12 loading bays, each camera grabs one image every 5 minutes, around the clock", 3_456),
        ("Two assembly lines; each sensor posts a reading every 20 seconds, and the plant runs 10 hours a day.",
         3_600),
        # the devices counted: their count, not one a unit
        ("5 stations, 2 cameras per station, each camera takes a photo every 20 seconds, 10 hours a day", 18_000),
        # people are not one a unit
        ("3 production lines, each operator asks about 20 questions a day", 20),
    ],
)
def test_a_device_on_each_of_several_units_counts_every_unit(text, per_day):
    assert _per_day(text) == _approx(per_day)


@pytest.mark.parametrize(
    ("text", "per_day"),
    [
        ("An app for year 7-8 pupils: about 1,200 pupils, each sends roughly 4 questions a day.", 4_800),
        ("We tutor grades 3 to 5; some 800 kids use it, each asks 2 questions a day.", 1_600),
        ("level 2-3 learners, ~500 of them, each writes 3 prompts a day", 1_500),
        ("Grade 10 students, 2,000 of them, 3 questions per student per day.", 6_000),
        ("Standard 9 and 10 learners: roughly 600 learners, each asks 5 doubts a day.", 3_000),
        # counts that follow the same words are counts
        ("A class of 30 students, each asks 4 questions a day.", 120),
        ("Level 2 support gets 300 tickets a day.", 300),
    ],
)
def test_a_grade_or_level_is_no_count_of_people(text, per_day):
    assert _per_day(text) == _approx(per_day)


def test_a_grade_label_keeps_the_users_words_in_evidence():
    found = extract("for grade 9-10 students, around 1,000 students, each asks 3 questions a day")
    assert found.fields["requests_per_day"] == pytest.approx(3_000)
    assert "IX" not in found.evidence["requests_per_day"]


@pytest.mark.parametrize(
    ("text", "per_day"),
    [
        ("We ingest about 40,000 reviews a day and send 50 reviews per prompt.", 800),
        ("Roughly 1.2M events a day; we batch them into chunks of 500 per LLM call.", 2_400),
        ("200k records a week, 20 records at a time in one API call", 200_000 / 7 / 20),
        ("About 90k transcripts lines each night, grouped 300 lines per request", 300),
        # the calls an item takes multiply; what else goes into a prompt divides nothing
        ("3,000 tickets a day, each ticket needs 3 model calls", 9_000),
        ("20,000 emails a day, we include 5 examples per prompt", 20_000),
    ],
)
def test_a_total_sent_several_to_a_call_counts_the_calls(text, per_day):
    assert _per_day(text) == _approx(per_day)


@pytest.mark.parametrize(
    ("text", "per_day"),
    [
        ("About 150 agents, each sends 12 prompts an hour over a 7-hr shift", 12_600),
        ("500 coders, each about 20 suggestions an hour, 6h day", 60_000),
        ("Our 300 reps each fire off 5 queries per hour during a 10 hour day.", 15_000),
    ],
)
def test_a_per_hour_rate_per_person_counts_only_the_stated_day(text, per_day):
    assert _per_day(text) == _approx(per_day)


@pytest.mark.parametrize(
    ("text", "per_day"),
    [
        ("About 6 of us use it; each of those 6 types roughly 15 prompts into the tool per session, and we meet "
         "once a week.", 6 * 15 / 7),
        ("8 players use the helper. Each of those 8 sends about 25 lines to the bot per game, and we play "
         "twice a week.", 8 * 25 * 2 / 7),
    ],
)
def test_members_times_messages_per_session_times_sessions_a_week(text, per_day):
    assert _per_day(text) == _approx(per_day)


# Class 8 (the lead): a one-off job and the deadline it must meet spreads over the days left.
@pytest.mark.parametrize(
    ("text", "per_day"),
    [
        ("We need to sort 84,000 scanned letters and the deadline is 2 weeks away.", 6000),
        ("Backlog of 45k insurance claims to triage, due in 15 days, nobody waits on single answers.", 3000),
        ("There are 9,000 contracts left to review and we have 3 weeks left before the audit.", 9000 / 21),
        ("the regulator wants all 120k call transcripts summarised; deadline in 1 month", 4000),
    ],
)
def test_a_one_off_job_with_a_deadline_spreads_over_the_days_left(text, per_day):
    assert extract(text).fields.get("requests_per_day") == pytest.approx(per_day, rel=0.01)


@pytest.mark.parametrize(
    "text",
    [
        "About 70,000 product photos in total, one-off, no rush at all.",  # no span, no deadline: no daily rate
        "The deadline is 3 weeks away and we have not sized anything yet.",  # a deadline with no job
    ],
)
def test_a_one_off_job_without_a_span_has_no_daily_rate(text):
    assert "requests_per_day" not in extract(text).fields


# The lead: how often an occasion happens said before what each one brings ("2 sessions a week, ~35 prompts
# each session"); the occasions are no members to multiply, and their frequency is no volume of its own.
@pytest.mark.parametrize(
    ("text", "per_day"),
    [
        ("3 meetups a week, roughly 50 questions each meetup", 50 * 3 / 7),
        ("We run 2 workshops per week and each workshop asks about 70 questions.", 20),
        ("one stream a day, each stream has ~300 chat messages for the bot", 300),
        ("we play twice a week and every session sends ~40 prompts to the bot", 40 * 2 / 7),
    ],
)
def test_how_often_an_occasion_happens_times_what_each_brings(text, per_day):
    assert extract(text).fields.get("requests_per_day") == pytest.approx(per_day, rel=0.01)


def test_members_still_multiply_when_no_frequency_follows_their_count():
    assert extract("9 clinics, each clinic handles 120 chats a day").fields["requests_per_day"] == 1080
