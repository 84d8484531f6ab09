"""The benchmark snapshot, its alias table, and the quality evidence built from them."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import re
from pathlib import Path

import pytest
import yaml

from catalog.entries import ESTIMATE_PENALTY, QUALITY_DIMENSIONS
from catalog.evidence import DIMENSION_MEASURES, benchmark_evidence
from catalog.requirements import Requirements
from catalog.scoring import TASK_PROFILES, rank, task_quality
from catalog.sources import load_catalog, read_benchmarks

ROOT = Path(__file__).resolve().parents[2]
ALIASES = ROOT / "catalog" / "data" / "benchmark_aliases.yaml"
SHARED = ROOT.parent / "shared" / "benchmarks"
TODAY = dt.date(2026, 11, 29)
# Words that name a different model of a family: a leaderboard name carrying one must be a
# catalog model whose id carries it too.
VARIANT_WORDS = {"mini", "nano", "lite", "flash", "pro", "small", "medium", "large", "max", "turbo", "chat",
                 "coder", "scout", "maverick", "haiku", "sonnet", "opus", "vision", "instant", "codex", "fast",
                 "plus"}  # fmt: skip


def _aliases() -> dict[str, dict[str, str]]:
    raw = yaml.safe_load(ALIASES.read_text(encoding="utf-8"))["models"]
    return {model: {board: v if isinstance(v, str) else v["name"] for board, v in boards.items()}
            for model, boards in raw.items()}  # fmt: skip


def _words(name: str) -> set[str]:
    """The words of a name, less a run's setting: "(medium)", "-high-effort", "-medium" at the end."""
    name = re.sub(r"\(.*?\)|-(low|medium|high|xhigh)(-effort)?$|-(low|medium|high|xhigh)-effort", "", name.lower())
    return set(re.split(r"[^a-z0-9.]+", name.replace("/", " ")))


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


@pytest.fixture(scope="module")
def snapshot():
    return read_benchmarks()


def test_no_leaderboard_name_belongs_to_two_models():
    seen: dict[tuple[str, str], str] = {}
    for model, boards in _aliases().items():
        for board, name in boards.items():
            assert (board, name) not in seen, f"{board} {name!r} is claimed by {seen[(board, name)]} and {model}"
            seen[(board, name)] = model


def test_look_alike_models_stay_apart(snapshot):
    names = {
        model: {f["name"] for f in snapshot["figures"] if f["model"] == model}
        for model in ("gpt-4.1", "gpt-4.1-mini", "gpt-4.1-nano")
    }
    assert names["gpt-4.1"] and names["gpt-4.1-mini"] and names["gpt-4.1-nano"]
    assert not names["gpt-4.1"] & names["gpt-4.1-mini"]
    assert not names["gpt-4.1"] & names["gpt-4.1-nano"]
    assert not names["gpt-4.1-mini"] & names["gpt-4.1-nano"]
    assert all("mini" not in n and "nano" not in n for n in names["gpt-4.1"])
    assert all("mini" in n for n in names["gpt-4.1-mini"])


def test_a_leaderboard_name_never_names_a_variant_its_catalog_model_is_not():
    for model, boards in _aliases().items():
        for board, name in boards.items():
            extra = (_words(name) & VARIANT_WORDS) - _words(model)
            assert not extra, f"{model} matched to {board} {name!r}, which names a {sorted(extra)} variant"
            for word in ("mini", "nano", "lite"):
                if word in _words(model):
                    assert word in _words(name), f"{model} matched to {board} {name!r} without {word!r}"


def test_every_figure_keeps_its_source_address_benchmark_category_and_date(snapshot):
    assert snapshot["figures"]
    for figure in snapshot["figures"]:
        assert figure["url"].startswith("https://github.com/")
        assert figure["benchmark"] and figure["category"]
        dt.date.fromisoformat(figure["as_of"])
        if figure["interval"] is not None:
            assert figure["interval"][0] <= figure["value"] <= figure["interval"][1]
    assert {f["source"] for f in snapshot["figures"]} == {
        "livebench-2026-01-08", "livebench-2025-05-30", "lmarena-text", "lmarena-vision", "aider-polyglot"}  # fmt: skip


def test_every_alias_names_a_figure_in_the_snapshot(snapshot):
    boards = {"livebench": "livebench", "lmarena": "lmarena-text", "lmarena-vision": "lmarena-vision",
              "aider": "aider-polyglot"}  # fmt: skip
    present = {(f["model"], f["source"].rsplit("-20", 1)[0], f["name"]) for f in snapshot["figures"]}
    for model, aliases in _aliases().items():
        for board, name in aliases.items():
            assert (model, boards[board].rsplit("-20", 1)[0], name) in present, f"{model}: {board} {name!r} missing"


@pytest.mark.skipif(not SHARED.exists(), reason="the public leaderboard copies are not on this machine")
def test_the_committed_snapshot_is_what_the_script_builds_from_the_public_data():
    spec = importlib.util.spec_from_file_location("build_benchmarks", ROOT / "scripts" / "build_benchmarks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    built = module.render(module.build(SHARED))
    assert json.loads(built) == read_benchmarks()


def test_the_alias_script_refuses_a_name_claimed_twice(tmp_path):
    spec = importlib.util.spec_from_file_location("build_benchmarks", ROOT / "scripts" / "build_benchmarks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    path = tmp_path / "aliases.yaml"
    path.write_text("models:\n  gpt-4.1:\n    aider: gpt-4.1\n  gpt-4.1-mini:\n    aider: gpt-4.1\n")
    with pytest.raises(module.BuildError, match=r"claimed by gpt-4\.1 and gpt-4\.1-mini"):
        module.read_aliases(path)


def test_models_on_no_leaderboard_are_labelled_estimates(catalog):
    for model_id in ("gpt-5.6", "gemini/gemini-3.5-flash-lite", "openai/smollm2-135m", "openai/gemma3-270m"):
        entry = catalog.get(model_id)
        assert entry.quality_evidence, model_id
        for item in entry.quality_evidence.values():
            assert item.kind == "estimate"
            assert "on no leaderboard" in item.basis
            assert item.interval[0] < item.value or item.value == 0


def test_every_quality_figure_has_a_source_a_date_and_an_interval(catalog):
    for entry in catalog.rankable():
        assert set(entry.quality_evidence) == set(entry.quality)
        for dim, item in entry.quality_evidence.items():
            assert item.value == entry.quality[dim]
            assert item.as_of is not None and item.source
            assert item.interval[0] <= item.value <= item.interval[1]
            if item.kind == "benchmark":
                assert item.url and item.figures
                assert all(f.url and f.as_of and f.benchmark for f in item.figures)


def test_estimates_rank_lower_by_the_penalty_and_benchmarks_do_not(catalog):
    entry = catalog.get("gpt-4.1")
    assert entry.quality_evidence["coding"].kind == "benchmark"
    assert entry.quality_evidence["classification"].kind == "estimate"
    expected = entry.quality["coding"] * 0.8 + entry.quality["reasoning"] * 0.2
    assert task_quality(entry, "coding") == pytest.approx(expected)
    assert task_quality(entry, "classification") == pytest.approx(entry.quality["classification"] - ESTIMATE_PENALTY)


def test_precomputed_task_quality_matches_the_profile_sum(catalog):
    for entry in catalog.rankable()[:40]:
        ranked = entry.quality_for_ranking()
        for task, weights in TASK_PROFILES.items():
            expected = sum(ranked.get(dim, 0.0) * w for dim, w in weights.items())
            assert task_quality(entry, task) == pytest.approx(expected)


def test_rescaling_keeps_each_benchmarks_order(catalog, snapshot):
    curated = [e for e in catalog.models if e.rated and e.id == e.canonical]
    evidence = benchmark_evidence(curated, snapshot)
    for dim in QUALITY_DIMENSIONS:
        pairs: dict[tuple[str, str], list[tuple[float, float]]] = {}
        for per_dim in evidence.values():
            if dim in per_dim:
                for figure in per_dim[dim].figures:
                    pairs.setdefault((figure.benchmark, figure.category), []).append((figure.value, figure.rescaled))
        for key, values in pairs.items():
            ordered = [rescaled for _, rescaled in sorted(values)]
            assert ordered == sorted(ordered), f"{dim} from {key} reorders models"


def test_the_mapping_names_only_known_dimensions_and_classification_has_no_benchmark():
    assert set(DIMENSION_MEASURES) == set(QUALITY_DIMENSIONS)
    assert DIMENSION_MEASURES["classification"] == ()


def test_why_lines_name_the_benchmark_figure_and_date(catalog):
    result = rank(catalog, Requirements(task="coding"), TODAY, top=5)
    for item in result.ranked:
        line = item.reasons[0]
        assert line.startswith("quality:")
        assert re.search(r"as of 20\d\d-\d\d-\d\d", line), line
        assert "benchmark" in line or "estimate" in line


def test_tool_use_and_long_documents_rest_on_the_measures_the_rule_names(catalog):
    """Aider polyglot measures tool use where LiveBench does not list the model; LiveBench's two
    whole-passage tasks measure long documents where LMArena does not."""
    tools = catalog.get("gpt-4.1").quality_evidence["tool_use"]
    assert tools.kind == "benchmark"
    assert [(f.benchmark, f.category) for f in tools.figures] == [("Aider polyglot", "polyglot pass rate")]
    passages = catalog.get("claude-sonnet-4-6").quality_evidence["long_document"]
    assert passages.kind == "benchmark"
    assert [f.category for f in passages.figures] == ["whole-passage tasks (plot unscrambling, typos)"]
    assert passages.interval[0] < passages.value < passages.interval[1]  # two tasks: a spread, not a point


def test_no_leaderboard_entry_predates_the_model_it_stands_for(catalog, snapshot):
    """A figure dated before the catalog model was released (models.dev) measured an earlier model:
    the alias table must not borrow it (mistral-small-latest is not mistral-small-2506)."""
    for figure in snapshot["figures"]:
        entry = catalog.get(figure["model"])
        released = entry.facts.release_date if entry.facts else None
        if released is not None:
            assert dt.date.fromisoformat(figure["as_of"]) >= released, (
                f"{figure['model']} (released {released}) takes {figure['source']} {figure['name']!r} "
                f"dated {figure['as_of']}"
            )


def test_a_model_newer_than_its_leaderboard_entries_says_so_and_borrows_nothing(catalog, snapshot):
    entry = catalog.get("mistral/mistral-small-latest")
    assert entry.facts.release_date == dt.date(2026, 3, 16)
    assert not [f for f in snapshot["figures"] if f["model"] == entry.id]
    for item in entry.quality_evidence.values():
        assert item.kind == "estimate"
        assert "released 2026-03-16" in item.basis and "borrows no predecessor's score" in item.basis


def test_an_older_livebench_table_is_calibrated_on_every_model_it_lists(catalog):
    """Qwen3 Coder is only in the 2025-05-30 table; models in both tables calibrate that table's scale."""
    tools = catalog.get("deepinfra/Qwen/Qwen3-Coder-480B-A35B-Instruct").quality_evidence["tool_use"]
    assert tools.kind == "benchmark"
    assert [f.benchmark for f in tools.figures] == ["LiveBench (2025-05-30 question set)"]
