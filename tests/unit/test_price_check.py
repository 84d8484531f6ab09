"""Prices checked twice: LiteLLM's map against genai-prices, disagreements over 5% stated with both figures."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from catalog.entries import ModelEntry, Prices
from catalog.price_check import TOLERANCE, price_check, price_note
from catalog.requirements import Requirements
from catalog.scoring import rank
from catalog.sources import load_catalog, read_genai_prices

ROOT = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "LITELLM_LOCAL_MODEL_COST_MAP": "True"}


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def _entry(input_price: float, output_price: float) -> ModelEntry:
    return ModelEntry(id="m", provider="openai", canonical="m", prices=Prices(input=input_price, output=output_price))


def test_five_percent_is_the_line():
    raw = {"provider": "openai", "model": "m", "input": 1.05e-6, "output": 2.2e-6}
    check = price_check(_entry(1e-6, 2e-6), raw, "genai-prices 0", "u", dt.date(2026, 11, 29))
    assert TOLERANCE == 0.05
    assert len(check.disagreements) == 1  # input +5% is within, output +10% is not
    assert check.disagreements[0] == "output: LiteLLM $2/M, genai-prices $2.2/M (+10%)"


def test_a_free_route_priced_elsewhere_disagrees():
    raw = {"provider": "x", "model": "m", "input": 1e-6, "output": 0.0}
    check = price_check(_entry(0.0, 0.0), raw, "genai-prices 0", "u", dt.date(2026, 11, 29))
    assert check.disagreements == ("input: LiteLLM $0/M, genai-prices $1/M",)


def test_every_listed_route_carries_the_second_source(catalog):
    prices = read_genai_prices()["prices"]
    checked = [e for e in catalog.models if e.price_check is not None]
    assert len(checked) >= 600
    for entry in checked[:200]:
        assert entry.id in prices
        assert entry.price_check.input == prices[entry.id]["input"]
    assert catalog.get("gpt-4.1").price_check.disagreements == ()
    assert catalog.get("hosted_vllm/Llama-3.3-70B-Instruct").price_check is None


def test_a_ranking_reason_states_a_disagreement_with_both_figures(catalog):
    entry = catalog.get("deepseek/deepseek-chat")
    assert entry.price_check and entry.price_check.disagreements
    result = rank(catalog, Requirements(task="chat", requests_per_day=100), dt.date(2026, 11, 29))
    shown = {r.model: r for r in result.ranked}
    disagreeing = [r for r in shown.values() if price_note(catalog.get(r.model))]
    assert disagreeing
    for row in disagreeing:
        cost_line = row.reasons[1]
        assert "prices disagree by over 5%" in cost_line and "LiteLLM $" in cost_line and "genai-prices $" in cost_line


def test_check_prices_lists_every_disagreement(cli):
    out = cli("catalog", "check-prices", "--json")
    assert out.returncode == 0, out.stderr
    payload = json.loads(out.stdout)
    catalog = load_catalog()
    expected = sorted(e.id for e in catalog.models if e.price_check and e.price_check.disagreements)
    assert [d["model"] for d in payload["disagreements"]] == expected
    assert payload["compared"] == sum(1 for e in catalog.models if e.price_check)
    row = payload["disagreements"][0]
    assert set(row) == {"model", "provider", "litellm", "genai_prices", "notes"}
    text = cli("catalog", "check-prices").stdout
    assert f"{len(expected)} of {payload['compared']} routes" in text


def test_catalog_show_gives_both_prices(cli):
    out = cli("catalog", "show", "deepseek/deepseek-chat").stdout
    assert "price check against genai-prices" in out and "disagrees by over 5%: output: LiteLLM $" in out


@pytest.mark.skipif(importlib.util.find_spec("genai_prices") is None, reason="genai-prices is not installed")
def test_the_committed_prices_are_what_the_installed_package_gives():
    out = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_genai_prices.py"), "--check"], env=ENV)
    assert out.returncode == 0
