"""Round six of issue #14: phrasings missed on stranger set 9 (now read) and set 10 (read this session),
each shown here on variants of our own, never the sets' sentences."""

from __future__ import annotations

import pytest

from agent.advisor.rules.extract import extract
from agent.advisor.rules.questions import stated_part


@pytest.mark.parametrize(
    ("text", "per_day"),
    [
        ("We close about 400 insurance claims a day and each one is around 6 model calls.", 2_400),
        ("~150 audits a day, roughly 10 LLM calls per audit.", 1_500),
        ("About 900 orders a month; each order takes about 3 model calls from start to finish.", 90),
        ("Our shop bot has ~2k chats a day with about 4 bot replies per chat.", 8_000),
        ("Some 7k support threads a week, ~3 bot turns each.", 3_000),
        ("about 600 conversations a month and in each conversation the assistant answers maybe 5 times", 100),
        ("The sorter sees about 700 parcels per shift and the plant runs three 8-hour shifts.", 2_100),
        ("Each nurse writes ~12 notes per 12-hour shift, one shift a day. The ward has 30 nurses.", 360),
        ("Each trader sends ~20 messages per hour, 25 traders, 6-hour market day.", 3_000),
    ],
)
def test_calls_per_item_and_shifts_multiply_the_volume(text, per_day):
    assert extract(text).fields["requests_per_day"] == pytest.approx(per_day, rel=0.01)


@pytest.mark.parametrize(
    ("text", "per_day"),
    [
        ("1,000 tickets a day, each with 3 messages in the thread.", 1_000),  # one request reads the thread
        ("About 5k chats a day; agents take 40 calls per hour.", 5_000),  # a person's rate, not calls per chat
        ("We do 2k reviews a day, 3 requests per reviewer would be nice.", 2_000),  # another item than the volume's
    ],
)
def test_calls_of_another_item_or_a_thread_of_messages_multiply_nothing(text, per_day):
    assert extract(text).fields["requests_per_day"] == pytest.approx(per_day, rel=0.01)


def test_a_version_number_ends_no_sentence():
    said = "Would gpt-4.1 mini or gemini 2.5 flash be better? We run 3k chats a day."
    assert stated_part(said).strip() == "We run 3k chats a day."
