"""Requests a day from phrasings read wrong before (issue #14, round seven): counted nouns of any kind,
clock hours with am/pm, a conversation's messages without a verb, what each of a daily headcount sends,
ranges as multipliers, members counted in one sentence and their rate in another, sessions and how often
they happen, days of the week, user-defined periods and one-off jobs spread over a span. Each class is
shown on variants of our own, with phrasings that must not trigger it."""

from __future__ import annotations

import pytest

from agent.advisor.rules.extract import extract


def _per_day(text: str) -> float | None:
    return extract(text).fields.get("requests_per_day")


@pytest.mark.parametrize(
    ("text", "per_day"),
    [
        ("We reconcile ~6,000 line items per business day.", 6_000),
        ("The radiology group reads about 900 abdominal CT scans a day.", 900),
        ("Roughly 25,000 warranty claims per annum come through the portal.", 25_000 / 365),
        ("We handle ~1,200 customs declarations a week.", 1_200 / 7),
        ("about 40 insurance quotes an hour", 40 * 24),
    ],
)
def test_any_plural_noun_with_a_rate_is_counted(text, per_day):
    assert _per_day(text) == pytest.approx(per_day, rel=0.01)


@pytest.mark.parametrize(
    "text",
    [
        "Our reps write about 300 lines of code a day.",  # a size, not requests
        "We bill 40 hours a week.",
        "It should cost under 200 dollars per annum.",
    ],
)
def test_measures_and_money_with_a_rate_are_no_volume(text):
    assert _per_day(text) is None


@pytest.mark.parametrize(
    ("text", "per_day"),
    [
        ("~300 tickets an hour, but the desk is only staffed 7am to 7pm.", 300 * 12),
        ("Calls come in at about 60 an hour during opening hours, 8am to 9pm.", 60 * 13),
        ("~120 requests an hour from 9am to 5pm.", 120 * 8),
    ],
)
def test_clock_hours_with_am_and_pm_count_the_hours_between(text, per_day):
    assert _per_day(text) == pytest.approx(per_day, rel=0.01)


@pytest.mark.parametrize(
    ("text", "per_day"),
    [
        ("We expect 3 thousand chats per day, each chat roughly 8 messages.", 24_000),
        ("~1,500 sessions a day; every session is about 4 turns.", 6_000),
    ],
)
def test_a_conversations_messages_said_without_a_verb_are_its_turns(text, per_day):
    found = extract(text)
    assert found.fields["requests_per_day"] == pytest.approx(per_day, rel=0.01)
    assert "each turn is a request" in found.evidence["requests_per_day"]


@pytest.mark.parametrize(
    ("text", "per_day"),
    [
        ("About 2,500 tenants contact us daily, 2 to 4 messages each.", 7_500),
        ("600 drivers use the app every day with roughly 5 questions.", 3_000),
        ("4,000 staff, and about 1 in 8 uses it daily with 3 prompts.", 1_500),
        ("20,000 customers; roughly 5% of them chat with us daily, 4 messages each.", 4_000),
    ],
)
def test_what_each_of_a_daily_headcount_sends_multiplies_it(text, per_day):
    found = extract(text)
    assert found.fields["requests_per_day"] == pytest.approx(per_day, rel=0.01)
    assert " x " in found.evidence["requests_per_day"]


def test_a_range_multiplier_says_its_midpoint():
    found = extract("About 2,500 tenants contact us daily, 2 to 4 messages each.")
    assert "2 to 4 (midpoint 3)" in found.evidence["requests_per_day"]


def test_a_plain_range_keeps_the_users_words():
    assert extract("10-20k requests a day").evidence["requests_per_day"] == "10-20k requests a day"


def test_a_headcount_that_acts_daily_without_what_each_sends_is_not_read_as_a_product():
    assert _per_day("900 nurses log in daily to check their rota.") != pytest.approx(900 * 2)


@pytest.mark.parametrize(
    ("text", "per_day"),
    [
        ("A small law firm, 12 lawyers. It drafts letters. Each lawyer would run ~15 searches a day.", 180),
        ("We run 9 cafés. We want a menu assistant. Each café gets about 70 questions a day.", 630),
        ("Homework help for roughly 4,000 pupils. Assume 2 questions per pupil per school day.", 8_000),
        ("We're a 600-person firm. I'd guess each employee asks 2 questions a day.", 1_200),
        ("Our office of 45. An HR bot. Each person might ask 3 things a week.", 45 * 3 / 7),
        ("It's 12 of us. Everyone uses it ~10 times a day.", 120),
        ("~80 surveyors x 6 reports/day, and each agent run is about 4 model calls.", 80 * 6 * 4),
    ],
)
def test_members_counted_in_one_sentence_times_each_members_rate_in_another(text, per_day):
    found = extract(text)
    assert found.fields["requests_per_day"] == pytest.approx(per_day, rel=0.01)
    assert " x " in found.evidence["requests_per_day"] or ". " in found.evidence["requests_per_day"]


def test_the_evidence_says_the_members_times_the_rate():
    found = extract("Homework help for roughly 4,000 pupils. Assume 2 questions per pupil per school day.")
    assert found.evidence["requests_per_day"] == "4,000 pupils x 2 questions per pupil per school day"


@pytest.mark.parametrize(
    ("text", "per_day"),
    [
        ("We have 20 consultants. Each client gets ~40 emails a day.", 40),  # the clients are not counted
        ("Each consultant sends ~40 a day.", 40),  # no count of consultants
        ("We sell in 30 countries. Each day we get about 2,000 orders.", 2_000),  # a day is no member
        ("We have 6 teams. Each analyst asks about 10 questions a day.", 10),  # analysts are not the teams
    ],
)
def test_a_members_rate_without_a_count_of_those_members_stays_one_members(text, per_day):
    assert _per_day(text) == pytest.approx(per_day, rel=0.01)


@pytest.mark.parametrize(
    ("text", "per_day"),
    [
        # members x a count per session x sessions a day
        ("About 800 daily users, each fires maybe 12 prompts a session (one session a day on average).", 9_600),
        ("There are 4 of us and we meet twice a week; each person asks the bot ~10 things a meeting.", 4 * 10 * 2 / 7),
        # a count per session with how often that session happens
        ("Roughly 250 bot replies on quiz night, once a week.", 250 / 7),
        ("~90 messages a stream, 3 streams a week.", 90 * 3 / 7),
        ("We run a class twice a week, about 40 questions per class.", 80 / 7),
        # a period the user defines, per member
        ("3,000 trainees, each filing about 4 reports per rotation (a rotation lasts 6 weeks).", 3_000 * 4 / 42),
        ("We expect 9,000 tickets per sprint; a sprint is 2 weeks.", 9_000 / 14),
    ],
)
def test_counts_per_session_or_defined_period_at_its_frequency(text, per_day):
    assert _per_day(text) == pytest.approx(per_day, rel=0.01)


def test_the_evidence_says_the_sessions_frequency_or_the_periods_length():
    session = extract("There are 4 of us and we meet twice a week; each person asks the bot ~10 things a meeting.")
    assert session.evidence["requests_per_day"] == "4 of us x 10 things a meeting (twice a week)"
    term = extract("3,000 trainees, each filing about 4 reports per rotation (a rotation lasts 6 weeks).")
    assert term.evidence["requests_per_day"].endswith("(a rotation lasts 6 weeks)")


@pytest.mark.parametrize(
    "text",
    [
        "About 30 questions a session.",  # how often the sessions happen is not said
        "We get 500 tickets a day and retrain the model once a week.",  # the frequency is of something else
    ],
)
def test_a_count_per_session_without_its_frequency_is_not_spread(text):
    assert _per_day(text) != pytest.approx(30 / 7) and _per_day(text) != pytest.approx(500 / 7)


@pytest.mark.parametrize(
    ("text", "per_day"),
    [
        ("About 300 requests a day on weekends only.", 300 * 2 / 7),
        ("~1,000 queries per day on Mondays and Thursdays, nothing otherwise.", 1_000 * 2 / 7),
        ("Around 70 chats a day, but only 3 days a week.", 70 * 3 / 7),
    ],
)
def test_a_daily_rate_said_of_some_days_of_the_week_is_averaged_over_the_week(text, per_day):
    found = extract(text)
    assert found.fields["requests_per_day"] == pytest.approx(per_day, rel=0.01)
    assert "/7 days a week" in found.evidence["requests_per_day"]


@pytest.mark.parametrize(
    ("text", "per_day"),
    [
        ("About 300 requests a day on weekdays.", 300),  # a working week stays a day's rate
        ("~500 a day, 5 days a week.", 500),
        ("About 300 requests a day. On Sundays we rest.", 300),  # another sentence
    ],
)
def test_a_working_week_or_another_sentence_leaves_the_daily_rate(text, per_day):
    assert _per_day(text) == pytest.approx(per_day, rel=0.01)


@pytest.mark.parametrize(
    ("text", "per_day"),
    [
        # one every N seconds x hours at a time x how often
        ("We do a podcast 2 hours, twice a week, and the bot would chime in every 60 seconds.", 60 * 2 * 2 / 7),
        ("It summarises the chat every 5 minutes while I'm live, 4 hours at a time, 3 evenings a week.",
         12 * 4 * 3 / 7),
        # a rate per hour, hours at a time, how often
        ("About 200 questions an hour, twice a week for about 2 hours.", 200 * 2 * 2 / 7),
        # five nights a week is a working week: each of those nights counts as a day
        ("The bot answers ~40 messages an hour, 3 hours a night, 5 nights a week.", 120),
    ],
)
def test_a_sub_day_rate_counts_only_the_hours_at_a_time_and_how_often(text, per_day):
    assert _per_day(text) == pytest.approx(per_day, rel=0.01)


def test_hours_at_a_time_say_their_arithmetic():
    found = extract("We do a podcast 2 hours, twice a week, and the bot would chime in every 60 seconds.")
    assert found.evidence["requests_per_day"] == (
        "would chime in every 60 seconds, 2 hours, twice a week = 0.571 hours a day (only those hours)"
    )


@pytest.mark.parametrize(
    ("text", "per_day"),
    [
        ("The sensor pings the API every 5 minutes.", 288),
        ("We get 5k requests a day and refresh the cache every 10 minutes.", 5_000),  # a count said wins
        ("3 reports every 2 days.", 1.5),
    ],
)
def test_one_every_few_seconds_or_minutes_is_a_rate_when_no_count_is_said(text, per_day):
    assert _per_day(text) == pytest.approx(per_day, rel=0.01)


def test_days_or_nights_a_week_count_no_requests():
    assert _per_day("I stream 4 nights a week.") is None


@pytest.mark.parametrize(
    ("text", "per_day"),
    [
        ("We have 40,000 scanned contracts to extract; it's fine to run it over the next 2 weeks.", 40_000 / 14),
        ("Backfill of 1.2 million product descriptions, we can spread it across a month.", 40_000),
        ("Tag ~9,000 archived emails by topic; no rush, within a fortnight is fine.", 9_000 / 14),
    ],
)
def test_a_one_off_job_is_spread_over_the_span_it_may_take(text, per_day):
    found = extract(text)
    assert found.fields["requests_per_day"] == pytest.approx(per_day, rel=0.01)
    assert "days)" in found.evidence["requests_per_day"]


@pytest.mark.parametrize(
    "text",
    [
        "We collected 300k tweets over the past year and want to classify them.",  # history, not the job's span
        "We have 40,000 contracts. Latency under 2 seconds.",  # no span at all
        "12,000 pages of manuals; we'd like answers within a second.",  # a measure, and no span of days
    ],
)
def test_a_total_without_a_span_of_work_is_not_spread(text):
    assert _per_day(text) is None


def test_a_chained_product_says_its_arithmetic():
    found = extract("Roughly 120 orders an hour, but only while the kitchen is open, 11am to 11pm.")
    assert found.fields["requests_per_day"] == pytest.approx(1_440)
    assert found.evidence["requests_per_day"].endswith("(120 x 12 = 1,440)")


@pytest.mark.parametrize(
    ("text", "per_day"),
    [
        # "one of 8 reasons" is a set to choose from, not 8 requests a claim
        ("~30 reviewers x 40 claims each per shift, one shift a day. Label each claim with one of 8 reasons.", 1_200),
        # people a day, and what each of them sends
        ("We see about 3k users daily, each typing ~15 prompts.", 45_000),
        # members x a count over a span
        ("200 reps x 10 call summaries over a 4-week sprint.", 2_000 / 28),
        # a member's rate with "each" after it: whose it is, is the clause's plural subject
        ("We have 25 paralegals. Paralegals run about 30 searches per business day each.", 750),
        ("12 kiosks, one photo every 2 minutes each, 10 hours a day.", 12 * 720 * 10 / 24),
        # "working hours (8 hours)" bound a rate per hour
        ("About 600 forms per hour during working hours (8 hours).", 4_800),
        # a rare occasion of any name, and how often it happens
        ("Roughly 800 per audit, with two audits a month.", 800 * 2 / 30),
        ("Each town hall draws ~250 questions; we have one town hall a week.", 250 / 7),
    ],
)
def test_more_counts_whose_members_span_or_occasion_is_said(text, per_day):
    assert _per_day(text) == pytest.approx(per_day, rel=0.01)


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("Each release has about 300 commits; we ship one release a month.", 10),  # a release's parts
        ("40k MAU, each sending 20 messages.", 800_000),  # a month's users: per what period?
        ("~200k DAU, each sends 3 messages an hour.", 600_000),  # an hourly rate is no day's count
    ],
)
def test_counts_that_are_parts_or_of_another_period_are_not_multiplied_as_a_day(text, wrong):
    assert _per_day(text) != pytest.approx(wrong, rel=0.01)


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("We have 2,000 employees. Each lawyer asks about 10 questions a day.", 20_000),  # lawyers are a few of them
        ("We don't have 300 adjusters, we have 30. Each adjuster handles 20 claims a day.", 6_000),  # negated count
        ("There are 12 of us and each of us needs about 30 minutes a day with it.", 360),  # minutes are no requests
        ("We're a 250-person company; our customers send ~3,000 messages a week.", 250 * 3_000 / 7),
    ],
)
def test_a_count_of_other_or_denied_members_or_a_measure_multiplies_nothing(text, wrong):
    assert _per_day(text) != pytest.approx(wrong, rel=0.01)


def test_a_headcount_alone_is_no_volume():
    assert _per_day("We're a 250-person company.") is None


@pytest.mark.parametrize(
    ("text", "per_day"),
    [
        ("Over a week we get about 7,000 tickets.", 1_000),
        ("In a typical month we process roughly 90k invoices.", 3_000),
    ],
)
def test_the_period_said_first_with_in_or_over(text, per_day):
    assert _per_day(text) == pytest.approx(per_day, rel=0.01)


@pytest.mark.parametrize("text", ["In a week, 3 people left.", "Every month 40 new customers sign up."])
def test_people_counted_per_period_first_are_no_requests(text):
    assert _per_day(text) is None
