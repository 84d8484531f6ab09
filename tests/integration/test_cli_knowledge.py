"""`tradeoff index`, `search` and `ingest` through the real console script and an on-disk index."""

from __future__ import annotations

import json

import pytest

from tests.integration import test_console_script

# Embedding the course takes about a minute on a loaded machine; the timeout only guards a hang.
HANG = 600.0


def run(*args: str, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    return test_console_script.run(*args, env=env, timeout=HANG)


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    path = tmp_path_factory.mktemp("data")
    env = {"TRADEOFF_DATA_DIR": str(path)}
    first = run("index", "--json", env=env)
    assert first.returncode == 0, first.stderr
    assert json.loads(first.stdout)["embedded"] > 300
    return env


def test_index_twice_embeds_nothing_the_second_time(data_dir):
    payload = json.loads(run("index", "--json", env=data_dir).stdout)
    assert payload["embedded"] == 0 and payload["documents"] == 79


def test_search_json_follows_the_contract(data_dir):
    out = run("search", "when does self-hosting beat the API", "--k", "4", "--json", env=data_dir)
    assert out.returncode == 0, out.stderr
    results = json.loads(out.stdout)["results"]
    assert len(results) == 4
    assert set(results[0]) >= {"id", "title", "section", "text", "score"}
    assert "course/5.6" in [r["id"] for r in results]
    assert out.stderr == ""


def test_ingest_reports_bad_files_and_indexes_good_ones(data_dir, tmp_path):
    good = tmp_path / "policy.md"
    good.write_text("# Procurement\n\n## Rule\nEvery model contract needs a wombat review board sign-off.\n")
    bad = tmp_path / "blob.txt"
    bad.write_bytes(b"\x00\x00binary")
    out = run("ingest", str(good), str(bad), env=data_dir)
    assert out.returncode == 0
    assert "Ingested 1 file(s)" in out.stdout and "looks binary" in out.stdout
    hits = json.loads(run("search", "wombat review board", "--json", env=data_dir).stdout)["results"]
    assert hits[0]["source"] == "user"


def test_ingest_of_a_missing_path_is_a_usage_error(data_dir):
    out = run("ingest", "/no/such/folder", env=data_dir)
    assert out.returncode == 2 and "does not exist" in out.stderr
