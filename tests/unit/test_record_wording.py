"""Every requirement value a record can hold reads in words: no Python literal, no field name, and
the figure itself survives (a volume of 50000.0 reads as 50,000)."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from agent.record import wording
from catalog.requirements import CAPABILITIES, COMPLIANCE_REGIMES, PRIVACY_LEVELS, TASKS, Requirements

LITERAL = re.compile(r"\[\s*'|'\s*\]|\{\s*'|\bTrue\b|\bFalse\b|\bNone\b|\b\d+\.0\b")
FIELD_NAMES = [name for name in Requirements.model_fields if "_" in name]

requirements = st.fixed_dictionaries(
    {},
    optional={
        "task": st.sampled_from(TASKS),
        "requests_per_day": st.floats(0, 1e9, allow_nan=False),
        "input_tokens": st.integers(0, 10_000_000),
        "output_tokens": st.integers(0, 1_000_000),
        "max_ttft_ms": st.none() | st.floats(1, 1e6),
        "budget_usd_month": st.none() | st.floats(0, 1e7),
        "min_context": st.none() | st.integers(0, 10_000_000),
        "needs": st.lists(st.sampled_from(CAPABILITIES), max_size=4),
        "privacy": st.sampled_from(PRIVACY_LEVELS),
        "regions": st.lists(st.sampled_from(["eu", "us", "uk", "asia"]), max_size=3),
        "open_weights": st.booleans(),
        "compliance": st.lists(st.sampled_from(COMPLIANCE_REGIMES), max_size=3),
        "deployment": st.sampled_from(["api", "self-hosted", "either"]),
        "cache_hit_rate": st.floats(0, 1),
        "batch_share": st.floats(0, 1),
        "input_parts": st.dictionaries(st.sampled_from(["system_prompt", "documents", "retrieved"]),
                                       st.integers(0, 100_000), max_size=3),
        "languages": st.lists(st.sampled_from(["german", "french", "japanese"]), max_size=2),
        "operations_usd_month": st.none() | st.floats(0, 1e6),
        "reasoning_tokens": st.none() | st.integers(0, 1_000_000),
    },
)  # fmt: skip


@given(requirements)
def test_every_requirement_value_reads_in_words(fields):
    dumped = Requirements.model_validate(fields).model_dump(mode="json")
    for name, shown in dumped.items():
        text = wording.value(name, shown)
        assert text and not LITERAL.search(text), (name, shown, text)
        assert not [field for field in FIELD_NAMES if field in text], (name, text)
        assert "_" not in wording.label(name)


def test_figures_read_as_people_write_them():
    assert wording.value("requests_per_day", 50_000.0) == "50,000 requests a day"
    assert wording.value("budget_usd_month", 3_000.0) == "$3,000 a month"
    assert wording.value("max_ttft_ms", 1_000.0) == "1,000 ms"
    assert wording.value("min_context", 128_000) == "128k tokens"
    assert wording.value("cache_hit_rate", 0.125) == "12.5% of input tokens"
    assert wording.value("needs", ["json", "tools"]) == "JSON output, tool calls"
    assert wording.value("open_weights", False) == "not required"
    assert wording.value("priorities", {"quality": 0.7, "cost": 0.1, "latency": 0.1, "fit": 0.1}) == (
        "quality 70%, cost 10%, latency 10%, fit 10%"
    )


def test_the_shortlist_header_names_compliance_as_people_write_it():
    from agent.advisor.answers import describe

    shown = describe(Requirements(compliance=["eu-residency", "soc2", "hipaa"]))
    assert "EU residency/HIPAA/SOC 2" in shown  # it once read "EU-RESIDENCY/HIPAA/SOC2"
