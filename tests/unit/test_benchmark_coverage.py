"""Issue #15's check: the quality figures of the 30 most-recommended chat models, as `catalog show`
prints them, each with a source address and a date, and at least two thirds resting on a benchmark."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from catalog.coverage import TOP, coverage, most_recommended
from catalog.evidence import evidence_lines
from catalog.requirements import PRIORITY_PRESETS, TASKS
from catalog.sources import load_catalog

TODAY = dt.date(2026, 12, 1)


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


@pytest.fixture(scope="module")
def measured(catalog):
    return coverage(catalog, TODAY)


def test_the_most_recommended_are_counted_over_every_task_and_preset(catalog, measured):
    assert measured.rankings >= len(TASKS) * len(PRIORITY_PRESETS)
    assert len(measured.models) == 30
    counts = [n for _, n in measured.models]
    assert counts == sorted(counts, reverse=True)
    assert counts[0] <= measured.rankings
    # Nothing that cannot be recommended is counted: every one is a rated chat model.
    assert all(catalog.get(model).rated for model, _ in measured.models)
    assert "openai/smollm2-135m" not in dict(measured.models)  # a 135M model never reaches a top 5


def test_two_thirds_of_their_quality_figures_rest_on_a_benchmark(measured):
    counted = f"{measured.benchmark} benchmark vs {measured.estimate} estimate figures: {measured.share:.1%}"
    assert 3 * measured.benchmark >= 2 * (measured.benchmark + measured.estimate), counted  # exact, no float


def test_every_figure_catalog_show_prints_has_a_source_address_and_a_date(catalog, measured):
    assert measured.undated == ()
    for model, _ in measured.models:
        entry = catalog.get(model)
        lines = evidence_lines(entry, catalog.benchmarks_as_of)
        sources = [line for line in lines if line.lstrip().startswith("source:")]
        assert len(sources) >= len(entry.quality_evidence), model
        for line in sources:
            assert re.search(r"as of 20\d\d-\d\d-\d\d", line), line
            assert "https://" in line or "catalog/data/overlay.yaml" in line, line


def test_the_count_is_the_top_5s_of_the_rankings(catalog, measured):
    """A smaller count is a prefix of the larger one: the same appearances, cut shorter."""
    ten, rankings = most_recommended(catalog, TODAY, count=10)
    thirty = list(measured.models)  # coverage's count of 30, from the same rankings
    assert rankings == measured.rankings
    assert thirty[:10] == ten
    assert sum(n for _, n in thirty) <= rankings * TOP
