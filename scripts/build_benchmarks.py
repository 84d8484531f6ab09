"""Build catalog/data/benchmarks.json from the public leaderboards in ../shared/benchmarks/.

Run at development time when the leaderboard copies change:
    .venv/bin/python scripts/build_benchmarks.py [--shared PATH] [--check]
Only models named in catalog/data/benchmark_aliases.yaml are kept, each under its catalog id,
with every figure's source address, benchmark, category and date. The app reads only the
committed snapshot; `--check` exits 1 when the snapshot differs from what the data would build.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
ALIASES = ROOT / "catalog" / "data" / "benchmark_aliases.yaml"
SNAPSHOT = ROOT / "catalog" / "data" / "benchmarks.json"
DEFAULT_SHARED = ROOT.parent / "shared" / "benchmarks"

LIVEBENCH_URL = "https://github.com/LiveBench/livebench.github.io/blob/4bf96c8/public/{table}"
LMARENA_URL = "https://github.com/lmarena/arena-catalog/blob/c9558b6/data/{file}"
AIDER_URL = "https://github.com/Aider-AI/aider/blob/5dc9490/aider/website/_data/polyglot_leaderboard.yml"

SOURCES: dict[str, dict[str, str]] = {
    "livebench-2026-01-08": {
        "benchmark": "LiveBench (2026-01-08 question set)",
        "url": LIVEBENCH_URL.format(table="table_2026_01_08.csv"),
        "as_of": "2026-07-01",
        "scale": "per-task score 0-100; no published interval",
    },
    "livebench-2025-05-30": {
        "benchmark": "LiveBench (2025-05-30 question set)",
        "url": LIVEBENCH_URL.format(table="table_2025_05_30.csv"),
        "as_of": "2026-07-01",
        "scale": "per-task score 0-100; no published interval",
    },
    "lmarena-text": {
        "benchmark": "LMArena text, style control",
        "url": LMARENA_URL.format(file="leaderboard-text-style-control.json"),
        "as_of": "2025-12-17",
        "scale": "Elo-style rating with its published 95% interval",
    },
    "lmarena-vision": {
        "benchmark": "LMArena vision",
        "url": LMARENA_URL.format(file="leaderboard-vision.json"),
        "as_of": "2025-12-17",
        "scale": "Elo-style rating with its published 95% interval",
    },
    "aider-polyglot": {
        "benchmark": "Aider polyglot",
        "url": AIDER_URL,
        "as_of": "2026-05-22",
        "scale": "% of 225 exercises passed in two tries; 95% Wilson interval from the counts",
    },
}
LMARENA_TEXT_CATEGORIES = (
    "full", "coding", "creative_writing", "math", "hard_6", "long_user", "if", "multiturn",
    "chinese", "french", "german", "japanese", "korean", "russian", "spanish",
)  # fmt: skip
LMARENA_VISION_CATEGORIES = ("full",)
LIVEBENCH_TABLES = ("2026_01_08", "2025_05_30")  # newest first


class BuildError(Exception):
    """The aliases or the leaderboard copies are not what the snapshot needs."""


def wilson(successes: int, trials: int, z: float = 1.96) -> tuple[float, float]:
    """95% Wilson score interval of a pass rate, in percent."""
    p = successes / trials
    centre = (p + z * z / (2 * trials)) / (1 + z * z / trials)
    half = z * math.sqrt(p * (1 - p) / trials + z * z / (4 * trials * trials)) / (1 + z * z / trials)
    return round(100 * (centre - half), 2), round(100 * (centre + half), 2)


def read_aliases(path: Path = ALIASES) -> dict[str, dict[str, dict[str, str | None]]]:
    """catalog id -> leaderboard -> {name, setting}; refuses a name claimed by two models."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))["models"]
    aliases: dict[str, dict[str, dict[str, str | None]]] = {}
    owners: dict[tuple[str, str], str] = {}
    for model, boards in raw.items():
        aliases[model] = {}
        for board, value in boards.items():
            if board not in ("livebench", "lmarena", "lmarena-vision", "aider"):
                raise BuildError(f"{path}: {model}: unknown leaderboard {board!r}")
            entry = {"name": value, "setting": None} if isinstance(value, str) else dict(value)
            key = (board, str(entry["name"]))
            if key in owners:
                raise BuildError(f"{path}: {board} name {key[1]!r} is claimed by {owners[key]} and {model}")
            owners[key] = model
            aliases[model][board] = {"name": str(entry["name"]), "setting": entry.get("setting")}
    return aliases


def _figure(model: str, alias: dict[str, str | None], source: str, category: str, group: str, value: float,
            interval: list[float] | None, as_of: str) -> dict[str, Any]:  # fmt: skip
    return {
        "model": model, "name": alias["name"], "setting": alias["setting"], "source": source,
        "benchmark": SOURCES[source]["benchmark"], "category": category, "group": group,
        "value": round(value, 3), "interval": interval, "as_of": as_of, "url": SOURCES[source]["url"],
    }  # fmt: skip


def livebench_figures(shared: Path, model: str, alias: dict[str, str | None]) -> list[dict[str, Any]]:
    figures = []
    for table in LIVEBENCH_TABLES:
        source = f"livebench-{table.replace('_', '-')}"
        groups = json.loads((shared / "livebench" / f"categories_{table}.json").read_text(encoding="utf-8"))
        group_of = {task: group for group, tasks in groups.items() for task in tasks}
        with (shared / "livebench" / f"table_{table}.csv").open(encoding="utf-8") as handle:
            rows = {row["model"]: row for row in csv.DictReader(handle)}
        row = rows.get(str(alias["name"]))
        if row is None:
            continue
        for task, text in row.items():
            if task == "model" or task not in group_of or text in ("", None):
                continue
            figures.append(_figure(model, alias, source, task, group_of[task], float(text), None,
                                   SOURCES[source]["as_of"]))  # fmt: skip
    return figures


def lmarena_figures(board: dict[str, Any], source: str, categories: tuple[str, ...], model: str,
                    alias: dict[str, str | None]) -> list[dict[str, Any]]:  # fmt: skip
    figures = []
    for category in categories:
        row = board.get(category, {}).get(str(alias["name"]))
        if row is None:
            continue
        interval = [round(row["rating_q025"], 1), round(row["rating_q975"], 1)]
        figures.append(_figure(model, alias, source, category, category, row["rating"], interval,
                               SOURCES[source]["as_of"]))  # fmt: skip
    return figures


def aider_figures(rows: list[dict[str, Any]], model: str, alias: dict[str, str | None]) -> list[dict[str, Any]]:
    matches = [row for row in rows if row["model"] == alias["name"]]
    if len(matches) != 1:
        raise BuildError(f"aider: {alias['name']!r} names {len(matches)} runs; name exactly one")
    row = matches[0]
    interval = list(wilson(int(row["pass_num_2"]), int(row["test_cases"])))
    return [_figure(model, alias, "aider-polyglot", "pass_rate_2", "polyglot", float(row["pass_rate_2"]), interval,
                    str(row["date"]))]  # fmt: skip


def build(shared: Path, aliases_path: Path = ALIASES) -> dict[str, Any]:
    aliases = read_aliases(aliases_path)
    text = json.loads((shared / "lmarena" / "leaderboard-text-style-control.json").read_text(encoding="utf-8"))
    vision = json.loads((shared / "lmarena" / "leaderboard-vision.json").read_text(encoding="utf-8"))
    aider = yaml.safe_load((shared / "aider" / "polyglot_leaderboard.yml").read_text(encoding="utf-8"))
    figures: list[dict[str, Any]] = []
    for model, boards in sorted(aliases.items()):
        for board, alias in boards.items():
            if board == "livebench":
                found = livebench_figures(shared, model, alias)
            elif board == "lmarena":
                found = lmarena_figures(text, "lmarena-text", LMARENA_TEXT_CATEGORIES, model, alias)
            elif board == "lmarena-vision":
                found = lmarena_figures(vision, "lmarena-vision", LMARENA_VISION_CATEGORIES, model, alias)
            else:
                found = aider_figures(aider, model, alias)
            if not found:
                raise BuildError(f"{board}: no entry named {alias['name']!r} (for {model}); fix the alias")
            figures.extend(found)
    return {
        "about": "Public benchmark figures for catalog models, built by scripts/build_benchmarks.py "
        "from ../shared/benchmarks/ through catalog/data/benchmark_aliases.yaml; do not edit by hand.",
        "as_of": max(source["as_of"] for source in SOURCES.values()),
        "sources": SOURCES,
        "figures": figures,
    }


def render(snapshot: dict[str, Any]) -> str:
    """Readable diffs: one figure per line."""
    head = {key: value for key, value in snapshot.items() if key != "figures"}
    text = json.dumps(head, indent=1, sort_keys=True)[:-2]
    lines = ",\n  ".join(json.dumps(figure, sort_keys=True) for figure in snapshot["figures"])
    return f'{text},\n "figures": [\n  {lines}\n ]\n}}\n'


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="folder of the leaderboard copies")
    parser.add_argument("--check", action="store_true", help="exit 1 if the committed snapshot is out of date")
    args = parser.parse_args(argv)
    try:
        text = render(build(args.shared))
    except (BuildError, OSError) as exc:
        print(f"build_benchmarks: {exc}", file=sys.stderr)
        return 2
    if args.check:
        current = SNAPSHOT.read_text(encoding="utf-8") if SNAPSHOT.exists() else ""
        if current != text:
            print(f"{SNAPSHOT} is out of date; run scripts/build_benchmarks.py", file=sys.stderr)
            return 1
        return 0
    SNAPSHOT.write_text(text, encoding="utf-8")
    count = text.count('"model":')
    print(f"wrote {SNAPSHOT.relative_to(ROOT)}: {count} figures")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
