"""Constraint extraction on a set of realistic first messages (tests/data/first_messages.jsonl)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from agent.advisor.rules.extract import extract

CASES = [
    json.loads(line) for line in (Path(__file__).parents[1] / "data" / "first_messages.jsonl").read_text().splitlines()
]


def matches(expected, got) -> bool:
    if isinstance(expected, list):
        return sorted(got or []) == sorted(expected)
    if isinstance(expected, bool) or not isinstance(expected, int | float):
        return got == expected
    return got is not None and abs(got - expected) <= max(1e-3 * abs(expected), 0.01)


def test_the_set_is_large_and_varied():
    assert len(CASES) >= 40
    assert len({field for case in CASES for field in case["expect"]}) >= 12


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:40] for c in CASES])
def test_first_message_yields_its_requirements(case):
    got = extract(case["text"]).fields
    wrong = {k: (v, got.get(k)) for k, v in case["expect"].items() if not matches(v, got.get(k))}
    assert not wrong, wrong


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("$1,500 per month", "budget_usd_month", 1500),
        ("budget of 12k a year", "budget_usd_month", 1000),
        ("about 2 million calls a month", "requests_per_day", 2e6 / 30),
        ("within a second", "max_ttft_ms", 1000),
        ("under 500ms", "max_ttft_ms", 500),
        ("150k tokens of context", "min_context", 150_000),
        ("it costs $0.002 per request today", "budget_usd_month", None),
    ],
)
def test_numbers_with_units(text, field, value):
    got = extract(text).fields.get(field)
    assert got == pytest.approx(value) if value is not None else got is None


def test_evidence_is_kept_for_each_field():
    found = extract("chatbot, 50k conversations a day, HIPAA")
    assert found.evidence["requests_per_day"].startswith("50k")
    assert "HIPAA" in found.evidence["compliance"]


def test_held_out_messages_are_mostly_understood():
    """Written after the rules and never tuned against: a guard against overfitting the set above."""
    path = Path(__file__).parents[1] / "data" / "first_messages_heldout.jsonl"
    cases = [json.loads(line) for line in path.read_text().splitlines()]
    checks = [matches(v, extract(c["text"]).fields.get(k)) for c in cases for k, v in c["expect"].items()]
    assert sum(checks) / len(checks) >= 0.85
