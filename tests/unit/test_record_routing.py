"""The decision record's routing section measured with `tradeoff route` (issue #16): from
`export --routing ROUTE.json` and from a route kept with the session; the JSON record still loads
back (import) and rechecks; without a measured route the estimate stays and says it is one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from agent.advisor.nodes import AdvisorTools
from agent.advisor.sessions import Advisor
from agent.record.decision import RECORD_SCHEMA_VERSION, DecisionRecord, build_record
from agent.record.markdown import render_markdown
from agent.record.recheck import recheck
from agent.record.routing import MeasuredRoutingError, apply_measured_routing, measured_routing
from agent.trials.routing import read_results, route
from knowledge.lexical import terms
from tests.conftest import TODAY
from tui.cli import main

RESULTS = Path(__file__).parents[1] / "data" / "route_results.json"
CHEAP, STRONG = "cheap/model-small", "strong/model-large"
PRICES = {CHEAP: (1e-6, 2e-6), STRONG: (10e-6, 20e-6)}
MESSAGE = "Customer support chatbot for our shop, 50k chats a day, answers within 1 second, $2,000 a month"


@pytest.fixture
def route_json():
    report = route(read_results(json.loads(RESULTS.read_text())), [CHEAP, STRONG], PRICES.get, 10_000)
    return report.as_json() | {"tests": 8, "date": "2026-11-20"}


@pytest.fixture
def advisor(catalog, tmp_path):
    advisor = Advisor(AdvisorTools(catalog=catalog, today=TODAY, terms=terms), tmp_path / "sessions.sqlite")
    yield advisor
    advisor.close()


def test_the_measured_section_gives_each_router_at_the_records_volume(route_json):
    section = measured_routing(route_json, 50_000)
    assert section["basis"] == "measured on your eval results (8 tests, 2026-11-20)"
    cascade = next(r for r in section["routers"] if r["name"] == "cascade")
    # Hand-computed in tests/test_routing.py: 7 of 8, $0.95 per 1,000 requests, 52.5% saving.
    assert (cascade["passed"], cascade["tests"]) == (7, 8)
    assert cascade["cost_per_1k_usd"] == pytest.approx(0.95) and cascade["saving_vs_strong"] == pytest.approx(0.525)
    assert cascade["monthly_usd"] == pytest.approx(0.00095 * 50_000 * 30)  # at the record's volume, not route's
    assert cascade["wilson"][0] < 7 / 8 < cascade["wilson"][1]
    assert measured_routing(section, 50_000) == section  # it reads its own output back (import)
    for bad in ({}, {"tiers": [CHEAP], "routers": []}, route_json | {"routers": [{"name": "x"}]},
                route_json | {"date": "yesterday"}):  # fmt: skip
        with pytest.raises(MeasuredRoutingError):
            measured_routing(bad, 1_000)


def test_the_record_uses_the_measured_routing_and_loads_back(route_json, advisor, catalog):
    session = advisor.turn(MESSAGE).session
    estimated = build_record(advisor.state(session), catalog, TODAY, session=session)
    assert "estimate" in estimated.cost_projection.get("routing_basis", estimated.cost_projection.get("routing_note"))
    record = apply_measured_routing(estimated, route_json)
    projection = record.cost_projection
    assert not {"routing_70pct_to", "routing_note", "routing_savings_fraction"} & set(projection)
    assert projection["routing_basis"] == "measured on your eval results (8 tests, 2026-11-20)"
    assert projection["routing_recommended"].startswith("cascade: saves 52% against strong/model-large alone")
    text = render_markdown(record)
    assert "### Routing, measured on your eval results (8 tests, 2026-11-20)" in text
    assert "| cascade | 7/8 (88%) | " in text and "| $0.95 | $1,425 | 52% |" in text
    assert "oracle (not deployable: knows the grades)" in text and "rule of thumb" not in text
    assert "routing_measured" not in text and "{" not in text.split("## Cost projection")[1].split("## Trial")[0]
    # The JSON record keeps its schema version, loads back, rechecks, and keeps the routing on import.
    again = DecisionRecord.model_validate_json(record.model_dump_json())
    assert again == record and again.schema_version == RECORD_SCHEMA_VERSION
    assert recheck(again, catalog, TODAY)["verdict"] == "still-good"
    imported = advisor.import_record(again)
    kept = advisor.measured_route(imported.session)
    assert kept is not None and measured_routing(kept, 50_000)["routers"] == projection["routing_measured"]["routers"]


def test_export_takes_routing_from_a_file_or_from_the_session(route_json, catalog, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("TRADEOFF_DATA_DIR", str(tmp_path))
    assert main(["ask", MESSAGE, "--json"]) == 0
    session = json.loads(capsys.readouterr().out)["session"]
    # Without a measured route: the estimate, labelled as one.
    assert main(["export", "--format", "md", "--session", session]) == 0
    assert "measured on your eval results" not in capsys.readouterr().out
    # `route --json` (dated, with its test count), then export md and json with --routing.
    prices = ["--price", f"{CHEAP}=1,2", "--price", f"{STRONG}=10,20"]
    assert main(["route", "--results", str(RESULTS), *prices, "--json"]) == 0
    routed = json.loads(capsys.readouterr().out)
    assert routed["tests"] == 8 and routed["date"]
    route_file = tmp_path / "route.json"
    route_file.write_text(json.dumps(routed))
    assert main(["export", "--format", "md", "--session", session, "--routing", str(route_file)]) == 0
    assert f"### Routing, measured on your eval results (8 tests, {routed['date']})" in capsys.readouterr().out
    record_file = tmp_path / "decision.json"
    assert main(["export", "--format", "json", "--session", session, "--routing", str(route_file),
                 "-o", str(record_file)]) == 0  # fmt: skip
    capsys.readouterr()
    assert json.loads(record_file.read_text())["cost_projection"]["routing_measured"]["tests"] == 8
    assert main(["import", str(record_file)]) == 0
    assert "imported as session" in capsys.readouterr().out
    assert main(["recheck", str(record_file)]) == 0
    assert capsys.readouterr().out.startswith("STILL-GOOD")
    # A route file that is not one: one line, exit 2.
    (tmp_path / "bad.json").write_text(json.dumps({"tiers": []}))
    assert main(["export", "--format", "md", "--session", session, "--routing", str(tmp_path / "bad.json")]) == 2
    assert "--routing: not the output of tradeoff route --json" in capsys.readouterr().err
    # A route kept with the session (the TUI's Routing view) is used without --routing.
    advisor = Advisor(AdvisorTools(catalog=catalog, today=TODAY, terms=terms), tmp_path / "sessions.sqlite")
    try:
        advisor.record_route(session, route_json)
    finally:
        advisor.close()
    assert main(["export", "--format", "md", "--session", session]) == 0
    assert "### Routing, measured on your eval results (8 tests, 2026-11-20)" in capsys.readouterr().out
