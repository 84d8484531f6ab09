"""`tradeoff recheck` and a newer benchmark snapshot: the record keeps the snapshot it was made with,
and a newer one that reorders the recorded options is reported with the quality that moved."""

from __future__ import annotations

import copy
import datetime as dt

import pytest

from agent.advisor.nodes import AdvisorTools
from agent.advisor.sessions import Advisor
from agent.record.decision import DecisionRecord, build_record
from agent.record.recheck import recheck
from catalog.build import build_catalog
from catalog.sources import bundled_price_map_path, read_benchmarks, read_json_map, read_overlay
from knowledge.lexical import terms
from tests.conftest import TODAY

MESSAGE = "Customer support chatbot for our shop, 50k chats a day, answers within 1 second, $2,000 a month"


@pytest.fixture(scope="module")
def parts():
    return read_json_map(bundled_price_map_path()), read_overlay(), read_benchmarks()


def catalog_with(parts, snapshot):
    price_map, overlay, _ = parts
    return build_catalog(price_map, overlay, version="test map", benchmarks=snapshot)


@pytest.fixture(scope="module")
def record(parts, tmp_path_factory) -> DecisionRecord:
    catalog = catalog_with(parts, parts[2])
    advisor = Advisor(AdvisorTools(catalog=catalog, today=TODAY, terms=terms),
                      tmp_path_factory.mktemp("sessions") / "sessions.sqlite")  # fmt: skip
    try:
        result = advisor.turn(MESSAGE)
        return build_record(advisor.state(result.session), catalog, TODAY, session="snapshot")
    finally:
        advisor.close()


def newer_snapshot(snapshot, runner_up: str):
    """A later snapshot in which the runner-up scores what the best model scores on every figure it has."""
    newer = copy.deepcopy(snapshot)
    newer["as_of"] = (dt.date.fromisoformat(snapshot["as_of"]) + dt.timedelta(days=60)).isoformat()
    best: dict[tuple[str, str], float] = {}
    for figure in newer["figures"]:
        key = (figure["source"], figure["category"])
        best[key] = max(best.get(key, figure["value"]), figure["value"])
    for figure in newer["figures"]:
        if figure["model"] == runner_up:
            figure["value"] = best[(figure["source"], figure["category"])]
            figure["interval"] = [figure["value"], figure["value"]] if figure["interval"] else None
    return newer


def test_the_record_keeps_the_snapshot_it_was_made_with(record, parts):
    assert record.benchmarks_as_of == dt.date.fromisoformat(parts[2]["as_of"])
    assert DecisionRecord.model_validate_json(record.model_dump_json()).benchmarks_as_of == record.benchmarks_as_of


def test_the_same_snapshot_reports_nothing_about_benchmarks(record, parts):
    result = recheck(record, catalog_with(parts, parts[2]), TODAY)
    assert not [f for f in result["findings"] if "benchmark snapshot" in f["message"]]
    assert result["benchmarks_as_of"] == {"record": parts[2]["as_of"], "now": parts[2]["as_of"]}


def test_a_newer_snapshot_that_reorders_the_options_is_reported(record, parts):
    catalog = catalog_with(parts, parts[2])
    runner_up = next(catalog.get(o["model"]).canonical for o in record.options[1:]
                     if catalog.get(o["model"]).canonical in {f["model"] for f in parts[2]["figures"]})  # fmt: skip
    newer = newer_snapshot(parts[2], runner_up)
    result = recheck(record, catalog_with(parts, newer), TODAY)
    found = [f for f in result["findings"] if "benchmark snapshot" in f["message"]]
    assert len(found) == 1, result["findings"]
    message = found[0]["message"]
    assert f"benchmark snapshot {newer['as_of']} is newer than the decision's {parts[2]['as_of']}" in message
    assert "task quality then -> now:" in message and runner_up.split("/")[-1] in message
    # Scoring the best figure on every benchmark it is on puts the runner-up first: the choice is overtaken.
    assert f"{runner_up.split('/')[-1]} now ranks first" in message
    assert found[0]["level"] == "act" and result["verdict"] == "act"


def test_an_older_record_without_a_snapshot_date_says_it_cannot_tell(record, parts):
    catalog = catalog_with(parts, parts[2])
    runner_up = next(catalog.get(o["model"]).canonical for o in record.options[1:]
                     if catalog.get(o["model"]).canonical in {f["model"] for f in parts[2]["figures"]})  # fmt: skip
    older = record.model_copy(update={"benchmarks_as_of": None})
    result = recheck(older, catalog_with(parts, newer_snapshot(parts[2], runner_up)), TODAY)
    found = [f for f in result["findings"] if "benchmark snapshot" in f["message"]]
    assert [f["level"] for f in found] == ["review"]
    assert found[0]["message"].startswith("this record does not say which benchmark snapshot it was made with")
