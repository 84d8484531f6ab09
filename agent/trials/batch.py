"""Batch trials over a test set: assertions, an optional pairwise judge, a response cache, and a
model x test matrix with Wilson intervals and an exact paired test between the top two."""

from __future__ import annotations

import asyncio
import csv
import hashlib
import json
import os
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from agent.trials.engine import TrialEngine, TrialRequest
from agent.trials.results import TrialRun
from agent.trials.stats import mcnemar_exact, wilson_interval

ASSERTION_TYPES = ("equals", "contains", "icontains", "regex", "is-json", "json-schema", "max-latency", "max-cost")


class TestSetError(ValueError):
    """A test file we cannot use; the message names the file, the test and the fix."""

    __test__ = False  # a name pytest would otherwise try to collect


@dataclass
class TestCase:
    id: str
    prompt: str
    asserts: list[dict[str, Any]] = field(default_factory=list)
    system: str | None = None


def _render(template: str, variables: dict[str, Any]) -> str:
    return re.sub(r"\{\{\s*(\w+)\s*\}\}", lambda m: str(variables.get(m.group(1), m.group(0))), template)


def _check_asserts(asserts: Any, where: str) -> list[dict[str, Any]]:
    if asserts is None:
        return []
    if not isinstance(asserts, list):
        raise TestSetError(f"{where}: 'assert' must be a list of {{type, value}} items")
    for item in asserts:
        if not isinstance(item, dict) or item.get("type") not in ASSERTION_TYPES:
            raise TestSetError(f"{where}: unknown assertion {item!r}; use one of {', '.join(ASSERTION_TYPES)}")
    return asserts


def load_tests(path: Path) -> tuple[list[TestCase], list[str]]:
    """Tests from JSONL, CSV or a promptfoo-style YAML subset; also the YAML's providers, if any."""
    if not path.exists():
        raise TestSetError(f"{path}: no such file")
    text = path.read_text(encoding="utf-8")
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        rows = []
        for number, line in enumerate(text.splitlines(), 1):
            if line.strip():
                try:
                    rows.append(json.loads(line))
                except json.JSONDecodeError:
                    raise TestSetError(f"{path}:{number}: not valid JSON") from None
        cases = [_case(row, f"{path}:{i + 1}", i) for i, row in enumerate(rows)]
        return cases, []
    if suffix == ".csv":
        reader = csv.DictReader(text.splitlines())
        cases = []
        for index, row in enumerate(reader):
            asserts = [{"type": "contains", "value": row["expected"]}] if row.get("expected") else []
            cases.append(_case({"prompt": row.get("prompt", ""), "id": row.get("id"), "assert": asserts},
                               f"{path}:{index + 2}", index))  # fmt: skip
        return cases, []
    if suffix in (".yaml", ".yml"):
        return _promptfoo(yaml.safe_load(text), path)
    raise TestSetError(f"{path}: use .jsonl, .csv or a promptfoo-style .yaml")


def _case(row: dict[str, Any], where: str, index: int) -> TestCase:
    prompt = str(row.get("prompt") or "").strip()
    if not prompt:
        raise TestSetError(f"{where}: the test has no 'prompt'")
    return TestCase(id=str(row.get("id") or f"t{index + 1}"), prompt=prompt,
                    asserts=_check_asserts(row.get("assert"), where), system=row.get("system"))  # fmt: skip


def _promptfoo(data: Any, path: Path) -> tuple[list[TestCase], list[str]]:
    if not isinstance(data, dict) or not data.get("prompts") or not data.get("tests"):
        raise TestSetError(f"{path}: a promptfoo-style file needs 'prompts' and 'tests'")
    providers = [p if isinstance(p, str) else p.get("id", "") for p in data.get("providers") or []]
    cases = []
    for index, test in enumerate(data["tests"]):
        variables = test.get("vars") or {}
        for p_index, template in enumerate(data["prompts"]):
            suffix = f"-p{p_index + 1}" if len(data["prompts"]) > 1 else ""
            cases.append(
                TestCase(
                    id=str(test.get("description") or f"t{index + 1}") + suffix,
                    prompt=_render(str(template), variables),
                    asserts=_check_asserts(test.get("assert"), f"{path}: tests[{index}]"),
                )
            )
    return cases, [p.removeprefix("litellm:") for p in providers if p]


def evaluate_assertion(assertion: dict[str, Any], run: TrialRun) -> tuple[bool, str]:
    """(passed, why) for one assertion on one run."""
    kind, text = assertion["type"], run.text.strip()
    value: Any = assertion.get("value")
    if run.error:
        return False, f"error: {run.error}"
    if kind == "equals":
        return text == str(value), "equals"
    if kind == "contains":
        return str(value) in text, f"contains {value!r}"
    if kind == "icontains":
        return str(value).lower() in text.lower(), f"icontains {value!r}"
    if kind == "regex":
        return re.search(str(value), text) is not None, f"regex {value!r}"
    if kind in ("is-json", "json-schema"):
        try:
            parsed = json.loads(text.removeprefix("```json").removesuffix("```").strip())
        except json.JSONDecodeError:
            return False, "not JSON"
        if kind == "is-json":
            return True, "is JSON"
        import jsonschema

        try:
            jsonschema.validate(parsed, value)
        except jsonschema.ValidationError as exc:
            return False, f"schema: {exc.message}"
        return True, "matches schema"
    if kind == "max-latency":
        return run.latency_ms is not None and run.latency_ms <= float(value), f"latency <= {value} ms"
    if kind == "max-cost":
        return run.cost_usd is not None and run.cost_usd <= float(value), f"cost <= ${value}"
    raise TestSetError(f"unknown assertion {kind!r}")


class ResponseCache:
    """Answers keyed by (model, system, prompt, max_tokens) so re-runs do not pay twice."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(path))
        self._db.execute("CREATE TABLE IF NOT EXISTS responses (key TEXT PRIMARY KEY, run TEXT)")

    @staticmethod
    def key(model: str, case: TestCase, max_tokens: int) -> str:
        raw = json.dumps([model, case.system, case.prompt, max_tokens])
        return hashlib.sha256(raw.encode()).hexdigest()

    def get(self, key: str) -> TrialRun | None:
        row = self._db.execute("SELECT run FROM responses WHERE key = ?", (key,)).fetchone()
        return TrialRun(**json.loads(row[0])) if row else None

    def put(self, key: str, run: TrialRun) -> None:
        self._db.execute("INSERT OR REPLACE INTO responses VALUES (?, ?)", (key, json.dumps(run.as_json())))
        self._db.commit()


@dataclass
class BatchResult:
    models: list[str]
    tests: list[str]
    matrix: dict[str, dict[str, dict[str, Any]]]  # model -> test -> {passed, reasons, cached, ...}
    cached: int = 0
    judge: dict[str, Any] | None = None

    def pass_rates(self) -> dict[str, dict[str, float]]:
        rates = {}
        for model in self.models:
            passed = sum(1 for cell in self.matrix[model].values() if cell["passed"])
            low, high = wilson_interval(passed, len(self.tests))
            rate = passed / len(self.tests) if self.tests else 0.0
            rates[model] = {"passed": passed, "total": len(self.tests), "rate": rate, "wilson_low": low,
                            "wilson_high": high}  # fmt: skip
        return rates

    def top_two_test(self) -> dict[str, Any] | None:
        """Exact McNemar between the two best pass rates, on the tests where exactly one passed."""
        rates = self.pass_rates()
        ranked = sorted(self.models, key=lambda m: (-rates[m]["passed"], m))
        if len(ranked) < 2:
            return None
        a, b = ranked[:2]
        only_a = sum(1 for t in self.tests if self.matrix[a][t]["passed"] and not self.matrix[b][t]["passed"])
        only_b = sum(1 for t in self.tests if self.matrix[b][t]["passed"] and not self.matrix[a][t]["passed"])
        p = mcnemar_exact(only_a, only_b)
        return {"a": a, "b": b, "only_a": only_a, "only_b": only_b, "p_value": p, "significant": p < 0.05}

    def as_json(self) -> dict[str, Any]:
        return {"models": self.models, "tests": self.tests, "matrix": self.matrix, "pass_rates": self.pass_rates(),
                "top_two": self.top_two_test(), "cached": self.cached, "judge": self.judge}  # fmt: skip


async def run_batch(
    cases: list[TestCase],
    models: list[str],
    engine: TrialEngine,
    cache: ResponseCache | None,
    concurrency: int = 4,
    max_tokens: int = 256,
    timeout_s: float = 60.0,
    api_bases: dict[str, str] | None = None,
    api_base: str | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> BatchResult:
    semaphore = asyncio.Semaphore(max(1, concurrency))
    total, done = len(cases) * len(models), 0
    matrix: dict[str, dict[str, dict[str, Any]]] = {m: {} for m in models}
    cached = 0

    async def one(model: str, case: TestCase) -> None:
        nonlocal done, cached
        key = ResponseCache.key(model, case, max_tokens)
        run = cache.get(key) if cache else None
        from_cache = run is not None
        if run is None:
            async with semaphore:
                request = TrialRequest(models=[model], prompt=case.prompt, system=case.system,
                                       max_tokens=max_tokens, timeout_s=timeout_s, api_bases=api_bases,
                                       api_base=api_base)  # fmt: skip
                run = await engine.single(request, model)
            if cache and run.error is None:
                cache.put(key, run)
        cached += from_cache
        checks = [evaluate_assertion(a, run) for a in case.asserts]
        matrix[model][case.id] = {
            "passed": all(ok for ok, _ in checks) and run.error is None,
            "reasons": [why for ok, why in checks if not ok],
            "cached": from_cache, "ttft_ms": run.ttft_ms, "latency_ms": run.latency_ms,
            "cost_usd": run.cost_usd, "text": run.text, "error": run.error,
        }  # fmt: skip
        done += 1
        if on_progress:
            on_progress(done, total)

    await asyncio.gather(*(one(model, case) for case in cases for model in models))
    return BatchResult(models=models, tests=[c.id for c in cases], matrix=matrix, cached=cached)


JUDGE_PROMPT = (
    "You are judging two answers to the same request against this rubric: {rubric}\n\n"
    "Request: {prompt}\n\nAnswer 1:\n{first}\n\nAnswer 2:\n{second}\n\n"
    "Reply with exactly one of: 1, 2, tie."
)


def _verdict(text: str) -> str:
    match = re.search(r"\b(1|2|tie)\b", text.lower())
    return match.group(1) if match else "tie"


async def judge_top_two(
    cases: list[TestCase], result: BatchResult, judge: str, rubric: str, api_base: str | None = None, **extra: Any
) -> dict[str, Any]:
    """LLM-as-judge between the two best models, asking twice with positions swapped; only a verdict
    that survives the swap counts as a win. Labelled as a judge, not as ground truth."""
    litellm = TrialEngine._litellm()
    ranked = sorted(result.models, key=lambda m: -result.pass_rates()[m]["passed"])
    if len(ranked) < 2:
        return {}
    a, b = ranked[:2]
    tally = {a: 0, b: 0, "tie": 0, "inconsistent": 0}
    options = {"api_base": api_base, **extra} if api_base else dict(extra)
    if api_base and judge.startswith("openai/") and not os.environ.get("OPENAI_API_KEY"):
        options["api_key"] = "local-no-key"  # local OpenAI-compatible servers ignore it
    for case in cases:
        answers = (result.matrix[a][case.id]["text"], result.matrix[b][case.id]["text"])
        verdicts = []
        for first, second in (answers, answers[::-1]):
            prompt = JUDGE_PROMPT.format(rubric=rubric, prompt=case.prompt, first=first, second=second)
            response = await litellm.acompletion(model=judge, messages=[{"role": "user", "content": prompt}],
                                                 max_tokens=8, temperature=0, **options)  # fmt: skip
            verdicts.append(_verdict(response.choices[0].message.content or ""))
        straight, swapped = verdicts
        if straight == "1" and swapped == "2":
            tally[a] += 1
        elif straight == "2" and swapped == "1":
            tally[b] += 1
        elif straight == swapped == "tie":
            tally["tie"] += 1
        else:
            tally["inconsistent"] += 1  # position bias: the verdict followed the slot, not the answer
    return {"label": "LLM-as-judge (positions swapped; a judge, not ground truth)", "judge": judge,
            "rubric": rubric, "a": a, "b": b, "tally": tally}  # fmt: skip
