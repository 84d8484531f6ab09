"""Requests a day from phrasings read wrong before (issue #14, round eight): products over shifts and
units, members that are things or places, a periodic source times its count, a correction later in the
same message, sizing for a future the user asks for, and volumes written in other languages. Each class
is shown on variants of our own, with phrasings that must not trigger it."""

from __future__ import annotations

import pytest

from agent.advisor.rules.extract import extract


def _per_day(text: str) -> float | None:
    return extract(text).fields.get("requests_per_day")


@pytest.mark.parametrize(
    ("text", "per_day"),
    [
        ("About 40 per clinic per day across 25 clinics.", 1_000),
        ("~12 per store per hour, 30 stores, open 10 hours a day", 3_600),
        ("Each shift processes roughly 800 invoices, and there are 3 shifts.", 2_400),
        ("We have 2 shifts; every shift the desk answers ~450 tickets.", 900),
        ("Every ward sends roughly 30 notes per shift; there are 9 wards and we run 2 shifts a day.", 540),
        ("Two shifts a day, ~400 scans per shift", 800),
        ("roughly 18 per bay per shift, 6 bays, 3 shifts a day", 324),
    ],
)
def test_a_product_over_shifts_and_units_multiplies_out(text, per_day):
    assert _per_day(text) == pytest.approx(per_day, rel=0.01)


@pytest.mark.parametrize(
    ("text", "per_day"),
    [
        ("3 shifts of 8 hours, ~70 reports a day in total", 70),  # a day's count is not per shift
        ("We run 3 shifts.", None),  # shifts alone are no volume
        ("We have 40 employees.", None),  # a headcount alone is no volume
        ("each booking takes about 8 model calls, 300 bookings a day", 2_400),
    ],
)
def test_shifts_and_people_alone_are_no_product(text, per_day):
    assert _per_day(text) == (pytest.approx(per_day, rel=0.01) if per_day else None)


@pytest.mark.parametrize(
    ("text", "per_day"),
    [
        ("80 lockers, each opened about 20 times a day", 1_600),
        ("Our 35 branches each get around 120 forms a day", 4_200),
        ("6 libraries, roughly 200 members per library, each member asks about once a week", 6 * 200 / 7),
        ("9 sites with about 1,000 students per site; each student uses it about twice a week", 9_000 * 2 / 7),
        ("There are 50 pharmacies, each pharmacy uses it ~30 times a day.", 1_500),
    ],
)
def test_members_that_are_things_or_places_multiply_their_rate(text, per_day):
    assert _per_day(text) == pytest.approx(per_day, rel=0.01)


@pytest.mark.parametrize(
    "text",
    ["300 kiosks across 40 malls", "We have 14 schools and 600 students."],
)
def test_things_counted_with_no_rate_are_no_volume(text):
    assert _per_day(text) is None


@pytest.mark.parametrize(
    ("text", "per_day"),
    [
        ("45 vending machines each report a status every 15 minutes", 45 * 96),
        ("500 trucks, each pings a GPS update every 2 minutes", 500 * 720),
        ("We have 30 sensors running 24/7 and each sends a reading every 30 seconds.", 30 * 2_880),
        ("The line runs 16 hours a day; 12 scanners each send a photo every 6 seconds", 12 * 600 * 16),
        ("Our 60 reception desks each check in a guest every 15 minutes, open 12 hours a day", 60 * 4 * 12),
    ],
)
def test_a_periodic_source_is_multiplied_by_how_many_there_are(text, per_day):
    assert _per_day(text) == pytest.approx(per_day, rel=0.01)


@pytest.mark.parametrize(
    ("text", "per_day"),
    [
        ("a cron job pings the API every 5 minutes", 288),  # one source
        ("120 cameras; one analyst reviews a clip every 10 minutes", 144),  # one reviewer, not each camera
    ],
)
def test_a_single_periodic_source_is_not_multiplied(text, per_day):
    assert _per_day(text) == pytest.approx(per_day, rel=0.01)


@pytest.mark.parametrize(
    ("text", "per_day"),
    [
        ("~3,000 emails a month; correction: it's 3,000 a week", 3_000 / 7),
        ("around 700 a day, no wait, make that 900", 900),
        ("roughly 5k requests a day, sorry I meant 8k", 8_000),
        ("We process 1,200 invoices monthly - sorry, I meant weekly: 1,200 invoices a week", 1_200 / 7),
        ("We do 4k chats a week; that's old, it's about 6k chats a week now.", 6_000 / 7),
        ("~2k tickets a week - wait, no, more like 3k.", 3_000 / 7),
    ],
)
def test_a_correction_later_in_the_message_wins(text, per_day):
    assert _per_day(text) == pytest.approx(per_day, rel=0.01)


@pytest.mark.parametrize(
    ("text", "per_day"),
    [
        ("50k requests a day. Actually scratch that, latency needs to be under 200 ms", 50_000),
        ("We see 2k a day. I mean, it's a lot for us.", 2_000),
        ("roughly 5k requests a day, sorry I meant 8k tokens per request", 5_000),
    ],
)
def test_a_correction_of_something_else_keeps_the_volume(text, per_day):
    assert _per_day(text) == pytest.approx(per_day, rel=0.01)


@pytest.mark.parametrize(
    ("text", "per_day"),
    [
        ("~5k queries a day now; we're targeting 4x by next year so plan for next year", 20_000),
        ("~400 requests a day, 10x in 2026 expected, size it for 2026", 4_000),
        ("~500 queries a day today; traffic should grow 50% by next year and we want to plan for next year", 750),
        ("12 clinics each send 80 referrals a day; expanding to 30 clinics next year, size for next year", 2_400),
        ("40 devs each make ~50 calls a day, we plan to hire to 60 devs, size it for the end of the year", 3_000),
    ],
)
def test_sizing_for_a_stated_future_scales_todays_volume(text, per_day):
    assert _per_day(text) == pytest.approx(per_day, rel=0.01)


@pytest.mark.parametrize(
    ("text", "per_day"),
    [
        ("We handle 1,000 requests a day; might triple next year", 1_000),
        ("1,000 requests a day; will double after launch but size for now", 1_000),
        ("We get 800 docs a day and expect 3x next year.", 800),
        ("40k chats a month, we plan to launch in Spain next year and expect to double", 40_000 / 30),
    ],
)
def test_growth_without_sizing_for_it_keeps_todays_volume(text, per_day):
    assert _per_day(text) == pytest.approx(per_day, rel=0.01)


@pytest.mark.parametrize(
    ("text", "per_day"),
    [
        ("We're a Brazilian bank, about 1,5 milhão de mensagens por mês through WhatsApp.", 50_000),
        ("Nos llegan 3 mil mensajes al día por WhatsApp", 3_000),
        ("around 2.000 demandes par jour, in French", 2_000),
        ("5 Mio. Anfragen im Monat", 5e6 / 30),
        ("~12 000 solicitações por mês", 400),
        ("Ca. 1.500 Anfragen pro Tag, mostly German", 1_500),
        ("we get 3万 queries a month", 1_000),
        ("about 6千 messages every day", 6_000),
    ],
)
def test_volumes_written_in_other_languages(text, per_day):
    assert _per_day(text) == pytest.approx(per_day, rel=0.01)


def test_a_foreign_volume_keeps_the_users_words_as_evidence():
    assert extract("900 consultas al mes").evidence["requests_per_day"] == "900 consultas al mes"


@pytest.mark.parametrize(
    ("text", "per_day"),
    [
        ("5 mil requests a month", 5e6 / 30),  # English "mil" is a million
        ("we'll be on par with them; 300 requests a day", 300),
        ("Support in Spanish, por favor; 900 consultas al mes", 30),
    ],
)
def test_english_words_that_look_foreign_are_left_alone(text, per_day):
    assert _per_day(text) == pytest.approx(per_day, rel=0.01)
