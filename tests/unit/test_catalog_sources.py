"""load_catalog builds the base catalog once per price map: a changed map, overrides and a refresh
must still show at once."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from catalog.sources import (
    REFRESHED_MAP_FILENAME,
    REFRESHED_STAMP_FILENAME,
    bundled_price_map_path,
    load_catalog,
    read_json_map,
)


def write_refreshed(data_dir: Path, input_price: float) -> None:
    bundled = read_json_map(bundled_price_map_path())
    rows = {"gpt-4.1": {**bundled["gpt-4.1"], "input_cost_per_token": input_price}}
    (data_dir / REFRESHED_MAP_FILENAME).write_text(json.dumps(rows), encoding="utf-8")
    (data_dir / REFRESHED_STAMP_FILENAME).write_text("2026-11-20", encoding="utf-8")


def test_a_price_map_rewritten_in_place_is_read_anew(tmp_path):
    write_refreshed(tmp_path, 0.000001)
    first = load_catalog(prices_dir=tmp_path)
    write_refreshed(tmp_path, 0.000003)  # same path, same size: only the bytes differ
    second = load_catalog(prices_dir=tmp_path)
    assert first.get("gpt-4.1").prices.input == 0.000001
    assert second.get("gpt-4.1").prices.input == 0.000003
    assert second.version == "litellm price map fetched 2026-11-20"


def test_overrides_apply_to_one_load_and_leave_the_next_untouched(tmp_path):
    overrides = tmp_path / "models.yaml"
    overrides.write_text("models:\n  - id: gpt-4.1\n    prices: {input: 0.5, output: 0.5}\n", encoding="utf-8")
    plain_before = load_catalog()
    overridden = load_catalog(overrides_path=overrides)
    plain_after = load_catalog()
    assert overridden.get("gpt-4.1").prices.input == 0.5
    assert plain_after.get("gpt-4.1").prices.input == plain_before.get("gpt-4.1").prices.input != 0.5
    assert "user" in overridden.sources and "user" not in plain_after.sources


PINNED_OLDER = ["deepinfra/deepseek-ai/DeepSeek-V3-0324", "together_ai/deepseek-ai/DeepSeek-R1-0528"]


@pytest.mark.parametrize("route", PINNED_OLDER)
def test_a_route_pinned_to_older_deepseek_weights_borrows_no_v3_2_figures(catalog, route):
    """deepseek-chat and deepseek-reasoner serve V3.2 and rank on its benchmarks; a route pinned to
    V3-0324 or R1-0528 serves the older model, so it is no route of theirs (and, uncurated, is not ranked)."""
    entry = catalog.get(route)
    assert entry is not None
    assert entry.canonical not in ("deepseek/deepseek-chat", "deepseek/deepseek-reasoner")
    assert not entry.rated
