"""The record as a file (agent/record/export.py): what the TUI and the CLI both call to build, render,
write and read back a decision record."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
import yaml

from agent.advisor.state import AdvisorState
from agent.record.export import (
    RecordFileError,
    export_record,
    load_record,
    record_from_requirements,
    render,
    routing_config_text,
    session_record,
)
from agent.record.routing import MeasuredRoutingError
from agent.trials.routing import read_results, route
from catalog.requirements import Requirements
from tests.conftest import TODAY

RESULTS = Path(__file__).parents[1] / "data" / "route_results.json"
CHEAP, STRONG = "cheap/model-small", "strong/model-large"
STATED = {"task": "chat", "requests_per_day": 50_000, "max_ttft_ms": 1000, "budget_usd_month": 2000}


@pytest.fixture
def state():
    return AdvisorState(requirements=dict(STATED))


@pytest.fixture
def route_json():
    prices = {CHEAP: (1e-6, 2e-6), STRONG: (10e-6, 20e-6)}
    report = route(read_results(json.loads(RESULTS.read_text())), [CHEAP, STRONG], prices.get, 10_000)
    return report.as_json() | {"tests": 8, "date": "2026-11-20"}


def test_a_record_written_as_json_reads_back_the_same(state, catalog, tmp_path):
    record = session_record(state, catalog, "s1", today=TODAY)
    path = tmp_path / "r.json"
    path.write_text(render(record, catalog, "json"))
    assert load_record(path) == record
    assert record.chosen and record.stated == sorted(STATED)


def test_requirements_from_the_command_line_make_the_same_record_as_a_session_stating_them(state, catalog):
    typed = record_from_requirements(Requirements.model_validate(STATED), catalog, TODAY)
    assert typed.model_dump(exclude={"session"}) == session_record(state, catalog, "s1", today=TODAY).model_dump(
        exclude={"session"}
    )


def test_a_route_the_user_names_must_read_but_a_damaged_kept_one_leaves_the_estimate(state, catalog, route_json):
    estimated = session_record(state, catalog, "s1", today=TODAY)
    measured = session_record(state, catalog, "s1", given=route_json, today=TODAY)
    assert measured.cost_projection != estimated.cost_projection
    assert session_record(state, catalog, "s1", kept=route_json, today=TODAY) == measured
    damaged = {"tiers": [CHEAP], "routers": []}
    assert session_record(state, catalog, "s1", kept=damaged, today=TODAY) == estimated
    with pytest.raises(MeasuredRoutingError):
        session_record(state, catalog, "s1", given=damaged, kept=route_json, today=TODAY)


def test_an_existing_export_gets_a_numbered_sibling_not_overwritten(state, catalog, tmp_path):
    first = export_record(state, catalog, tmp_path, "s1", "md")
    first.write_text("kept")
    second = export_record(state, catalog, tmp_path, "s1", "md")
    assert (first.name, second.name) == ("decision-s1.md", "decision-s1-2.md")
    assert first.read_text() == "kept" and second.read_text().startswith("#")
    assert export_record(state, catalog, tmp_path, "s1", "litellm").name == "decision-s1.litellm.yaml"


def test_the_routing_config_defaults_to_the_routes_recommendation(catalog, route_json):
    def resolve(model: str) -> tuple[str, str | None]:
        return model, None

    default = yaml.safe_load(routing_config_text(route_json, None, catalog, resolve))
    named = yaml.safe_load(routing_config_text(route_json, route_json.get("recommended") or "cascade", catalog,
                                               resolve))  # fmt: skip
    assert default == named
    assert [m["litellm_params"]["model"] for m in default["model_list"]] == [CHEAP, STRONG]


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        (None, "is a directory"),
        (b"\xff\xfe", "not UTF-8"),
        (b"{not json", "is not JSON"),
        (b"[1, 2]", "is not a tradeoff decision record"),
        (b'{"schema_version": 99}', "newer tradeoff"),
        (b'{"title": "x"}', "field"),
    ],
)
def test_a_record_that_cannot_be_read_says_why_and_names_the_file(tmp_path, content, needle):
    path = tmp_path / "r.json"
    if content is None:
        path.mkdir()
    else:
        path.write_bytes(content)
    with pytest.raises(RecordFileError) as caught:
        load_record(path)
    assert needle in str(caught.value) and str(path) in str(caught.value)
    assert "\n" not in str(caught.value)


def test_a_missing_record_says_so(tmp_path):
    with pytest.raises(RecordFileError, match="does not exist"):
        load_record(tmp_path / "absent.json")


def test_a_record_holding_nan_is_refused(state, catalog, tmp_path):
    data = json.loads(render(session_record(state, catalog, "s1", today=TODAY), catalog, "json"))
    data["options"][0]["score"] = math.nan
    path = tmp_path / "r.json"
    path.write_text(json.dumps(data))
    with pytest.raises(RecordFileError, match="NaN"):
        load_record(path)
