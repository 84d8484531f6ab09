"""A share said before the people a rate multiplies counts only that share of them, however it is spaced."""

from __future__ import annotations

import pytest

from agent.advisor.rules.extract import extract


@pytest.mark.parametrize(
    ("text", "per_day"),
    [
        ("Half our 10,000 users ask 2 questions each a day", 10_000),
        ("a third  of our 900 agents each handle 40 chats a day", 12_000),
        ("About 30% of the 2,000 staff will use it, each asking 5 questions a day", 3_000),
        ("our 10,000 users ask 2 questions each a day", 20_000),  # no share: all of them
    ],
)
def test_a_share_before_the_members_scales_their_product(text, per_day):
    assert extract(text).fields["requests_per_day"] == pytest.approx(per_day)


def test_a_share_in_words_spaced_twice_reads_like_one_spaced_once():
    # "a  tenth" raised a KeyError: the share table was looked up with the spaces as typed
    text = "peak is 9,000 requests an hour; the daily average is maybe a  tenth of that"
    assert extract(text).fields["requests_per_day"] == extract(text.replace("a  tenth", "a tenth")).fields[
        "requests_per_day"
    ]
