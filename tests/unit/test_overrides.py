"""User overrides: validated with messages that name the file, entry and field; measured figures win."""

from __future__ import annotations

from pathlib import Path

import pytest

from catalog.build import CatalogDataError
from catalog.requirements import Requirements
from catalog.scoring import rank
from catalog.sources import load_catalog
from tests.conftest import TODAY


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "models.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_user_model_is_added_and_ranked(tmp_path):
    path = write(
        tmp_path,
        """
models:
  - id: openai/our-finetune
    provider: openai
    prices: {input: 0.0000001, output: 0.0000002}
    max_input_tokens: 16000
    capabilities: [json]
    quality: {classification: 97}
    ttft_ms: 200
    tokens_per_s: 150
""",
    )
    catalog = load_catalog(overrides_path=path)
    entry = catalog.get("openai/our-finetune")
    assert entry.quality_source == "user"
    result = rank(catalog, Requirements(task="classification", needs=["json"]), TODAY)
    assert result.ranked[0].model == "openai/our-finetune"
    assert "your override" in result.ranked[0].reasons[0]


def test_overriding_one_field_keeps_the_rest(tmp_path):
    catalog = load_catalog(overrides_path=write(tmp_path, "models:\n  - id: gpt-4.1\n    ttft_ms: 123\n"))
    entry = catalog.get("gpt-4.1")
    assert entry.ttft_ms == 123
    assert entry.latency_source == "user"
    untouched = load_catalog().get("gpt-4.1")
    assert entry.quality == untouched.quality
    assert entry.quality_evidence["coding"].kind == "benchmark"


def test_measured_latency_is_shown_distinct_from_published(tmp_path):
    path = write(tmp_path, "measured:\n  gpt-4.1-mini: {ttft_ms: 333.5, tokens_per_s: 99, win_rate: 0.6}\n")
    entry = load_catalog(overrides_path=path).get("gpt-4.1-mini")
    assert entry.measured_ttft_ms == 333.5
    assert entry.ttft_ms == 420
    assert entry.effective_ttft_ms() == 333.5


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("models:\n  - id: gpt-4.1\n    ttft_ms: -5\n", r"models\[0\] \(gpt-4.1\): field 'ttft_ms'"),
        (
            "models:\n  - id: gpt-4.1\n    quality: {coding: 140}\n",
            r"quality.coding is 140; scores run from 0 to 100",
        ),
        ("models:\n  - id: gpt-4.1\n    quality: {humour: 50}\n", r"unknown quality dimension 'humour'"),
        ("models:\n  - id: brand/new\n    ttft_ms: 100\n", r"a new model needs 'provider' and 'prices"),
        ("models:\n  - id: gpt-4.1\n    prices: {input: -1}\n", r"field 'input'.*remove the field"),
        ("models:\n  - id: gpt-4.1\n    capabilities: [telepathy]\n", r"unknown capability 'telepathy'"),
        ("models:\n  - {ttft_ms: 1}\n", r"models\[0\] needs an 'id'"),
        ("models: [\n", r"not valid YAML at line"),
        ("pricing: {}\n", r"unknown top-level key 'pricing'"),
        ("- just a list\n", r"expected a mapping"),
    ],
)
def test_bad_overrides_name_the_file_entry_field_and_fix(tmp_path, text, expected):
    path = write(tmp_path, text)
    with pytest.raises(CatalogDataError, match=expected) as info:
        load_catalog(overrides_path=path)
    assert str(path) in str(info.value)
    assert "\n" not in str(info.value)


def test_a_missing_overrides_file_is_fine(tmp_path):
    assert load_catalog(overrides_path=tmp_path / "none.yaml").get("gpt-4.1") is not None
