"""Figures in scientific notation ("1e6", "2.5E4", "10^6", "3x10^5") are read whole, never as their
exponent ("1e30 requests" was read as 30), and a figure out of range is said back as people write it."""

from __future__ import annotations

import pytest

from agent.advisor.rules.extract import extract
from catalog.display import count


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("We expect 1e6 requests a day", "requests_per_day", 1_000_000),
        ("about 2.5E4 chats a day", "requests_per_day", 25_000),
        ("10^6 requests per day", "requests_per_day", 1_000_000),
        ("3x10^5 requests a month", "requests_per_day", 10_000),
        ("budget 5e3 dollars a month", "budget_usd_month", 5_000),
        ("1e30 requests a day", "requests_per_day", 1e30),
    ],
)
def test_a_figure_in_scientific_notation_is_read_whole(text, field, value):
    found = extract(text)
    assert found.fields[field] == pytest.approx(value)
    written = next(word for word in text.split() if word[0].isdigit())
    assert written in found.evidence[field]  # the evidence quotes the figure as the user wrote it


def test_a_model_name_with_an_e_is_no_figure():
    assert extract("gemma 3e4b model, 200 requests a day").fields["requests_per_day"] == 200


def test_a_count_past_a_floats_digits_reads_as_a_power_of_ten():
    assert count(1e30) == "1×10^30" and count(2.5e16) == "2.5×10^16" and count(1e14) == "100,000,000,000,000"


def test_a_figure_out_of_range_is_said_back_with_its_bound_in_words(advisor):
    answer = advisor.turn("Support chatbot, 1e30 requests a day, budget -5 dollars a month", None).answer
    assert "requests/day = 1×10^30: it can be at most 10,000,000,000" in answer
    assert "budget $/month = -5: it can't be less than 0" in answer
