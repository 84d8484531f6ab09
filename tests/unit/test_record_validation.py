"""Decision records are validated on import and recheck like typed input: bounds, enums, finite
numbers and the schema version; a bad one is one line naming the field, exit 2, nothing imported."""

from __future__ import annotations

import json
import os
from typing import Any

import pytest

from tests.cli_inprocess import run_cli


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("record")
    env = {"TRADEOFF_DATA_DIR": str(folder / "data"), "TRADEOFF_CONFIG_DIR": str(folder),
           "TRADEOFF_LOG_DIR": str(folder)}  # fmt: skip
    old = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        session = json.loads(run_cli("ask", "a support chatbot, 50k chats a day, $2,000 a month", "--json").stdout)
        path = folder / "decision.json"
        out = run_cli("export", "--session", session["session"], "--format", "json", "-o", str(path))
        assert out.returncode == 0, out.stderr
        return json.loads(path.read_text())
    finally:
        for key, value in old.items():
            os.environ.pop(key) if value is None else os.environ.__setitem__(key, value)


def changed(record: dict[str, Any], **changes: Any) -> dict[str, Any]:
    copy = json.loads(json.dumps(record))
    for key, value in changes.items():
        if key.startswith("req_"):
            copy["requirements"][key[4:]] = value
            copy["stated"] = sorted({*copy["stated"], key[4:]})
        elif key.startswith("unstated_"):  # a default edited in the file: refused too, never dropped unsaid
            copy["requirements"][key[9:]] = value
        else:
            copy[key] = value
    return copy


BAD = {
    "negative volume": ({"req_requests_per_day": -5}, "requirements.requests_per_day"),
    "NaN volume": ({"req_requests_per_day": float("nan")}, "requirements.requests_per_day"),
    "infinite budget": ({"req_budget_usd_month": float("inf")}, "requirements.budget_usd_month"),
    "task hacking": ({"req_task": "hacking"}, "requirements.task"),
    "cache rate of 5": ({"req_cache_hit_rate": 5}, "requirements.cache_hit_rate"),
    "unstated cache rate of 7": ({"unstated_cache_hit_rate": 7}, "requirements.cache_hit_rate"),
    "unstated negative priority": ({"unstated_priorities": {"quality": -1, "cost": 5, "latency": 0, "fit": 0}},
                                   "requirements.priorities"),
    "region on mars": ({"req_regions": ["mars"], "req_privacy": "region-locked"}, "unknown region 'mars'"),
    "zero priorities": ({"req_priorities": {"quality": 0, "cost": 0, "latency": 0, "fit": 0}},
                        "requirements.priorities"),
    "unknown status": ({"status": "yolo"}, "status"),
    "schema version 0": ({"schema_version": 0}, "schema_version"),
    "newer schema version": ({"schema_version": 99}, "newer tradeoff"),
    "stated field not given": ({"stated": ["requests_per_day", "no_such_field"]}, "stated"),
    "negative option cost": ({"options": [{"model": "gpt-4.1", "monthly_cost_usd": -1}]}, "options[0]"),
    "trial model with escapes": ({"trials": [{"model": "gpt\x1b]0;x\x07", "ttft_ms": 3}]}, "trials[0]"),
    "negative price": ({"prices": {"gpt-4.1": {"input": -1e-6, "output": 1e-6}}}, "prices.gpt-4.1"),
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(BAD))
def test_a_bad_record_is_refused_by_recheck_and_import(tmp_path, exported, case):
    changes, field = BAD[case]
    path = tmp_path / "r.json"
    path.write_text(json.dumps(changed(exported, **changes)))
    for command in ("recheck", "import"):
        out = run_cli(command, str(path))
        lines = out.stderr.strip().splitlines()
        assert out.returncode == 2 and len(lines) == 1, out.stderr
        assert field in lines[0] and "Traceback" not in out.stderr
    assert "imported:" not in run_cli("sessions").stdout  # nothing was imported


def test_a_good_record_still_loads_and_its_stated_figures_stay_as_given(tmp_path, exported):
    path = tmp_path / "r.json"
    path.write_text(json.dumps(exported))
    assert run_cli("recheck", str(path)).returncode in (0, 1)
    out = run_cli("import", str(path))
    assert out.returncode == 0, out.stderr
    session = out.stdout.split("session ")[1].split(";")[0]
    answer = json.loads(run_cli("ask", "--session", session, "just recommend", "--json").stdout)
    assert answer["requirements"]["requests_per_day"] == exported["requirements"]["requests_per_day"] == 50_000
