"""Batch trials over a test set: assertions, an optional pairwise judge, a response cache, and a
model x test matrix with Wilson intervals and an exact paired test between the top two."""

from __future__ import annotations

import asyncio
import contextlib
import csv
import hashlib
import json
import math
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from agent.trials.engine import TrialEngine, TrialRequest
from agent.trials.results import TrialRun
from agent.trials.stats import mcnemar_exact, wilson_interval

ASSERTION_TYPES = ("equals", "contains", "icontains", "regex", "is-json", "json-schema", "max-length", "max-latency",
                   "max-cost")


class TestSetError(ValueError):
    """A test file we cannot use; the message names the file, the test and the fix."""

    __test__ = False  # a name pytest would otherwise try to collect


@dataclass
class TestCase:
    id: str
    prompt: str
    asserts: list[dict[str, Any]] = field(default_factory=list)
    system: str | None = None
    tags: list[str] = field(default_factory=list)  # the test's own labels; `tradeoff route` can route on them

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "prompt": self.prompt, "system": self.system, "asserts": self.asserts,
                "tags": self.tags}  # fmt: skip


def _render(template: str, variables: dict[str, Any]) -> str:
    return re.sub(r"\{\{\s*(\w+)\s*\}\}", lambda m: str(variables.get(m.group(1), m.group(0))), template)


def _check_asserts(asserts: Any, where: str) -> list[dict[str, Any]]:
    if asserts is None:
        return []
    if not isinstance(asserts, list):
        raise TestSetError(f"{where}: 'assert' must be a list of {{type, value}} items")
    for item in asserts:
        if not isinstance(item, dict) or item.get("type") not in ASSERTION_TYPES:
            shown = repr(item)[:60]
            raise TestSetError(f"{where}: unknown assertion {shown}; use one of {', '.join(ASSERTION_TYPES)}")
        _check_value(item, where)
    return asserts


def _check_value(item: dict[str, Any], where: str) -> None:
    """An assertion's value checked when the file is read, not when the first answer arrives."""
    kind, value = item["type"], item.get("value")
    if kind == "regex":
        try:
            re.compile(str(value))
        except re.error as exc:
            raise TestSetError(f"{where}: regex {str(value)[:40]!r} does not compile ({exc})") from None
    elif kind in ("max-latency", "max-cost", "max-length"):
        unit = {"max-latency": "milliseconds", "max-cost": "USD", "max-length": "characters"}[kind]
        try:
            number = float(value)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            number = math.nan
        if isinstance(value, bool) or not math.isfinite(number) or number < 0:
            raise TestSetError(f"{where}: {kind} needs a number of {unit} >= 0, not {str(value)[:40]!r}")
    elif kind == "json-schema":
        if not isinstance(value, dict):
            raise TestSetError(f"{where}: json-schema needs a JSON schema object as its value")
        import jsonschema

        try:
            jsonschema.validators.validator_for(value).check_schema(value)
        except jsonschema.SchemaError as exc:
            raise TestSetError(f"{where}: the json-schema is not a valid schema ({exc.message[:80]})") from None


def _read_text(path: Path) -> str:
    if path.is_dir():
        raise TestSetError(f"{path} is a directory; give a .jsonl, .csv or .yaml file")
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise TestSetError(f"{path}: no such file") from None
    except UnicodeDecodeError:
        raise TestSetError(f"{path} is not UTF-8 text; save it as UTF-8") from None
    except OSError as exc:
        raise TestSetError(f"{path}: cannot read it ({exc.strerror or exc.__class__.__name__})") from None


def load_tests(path: Path) -> tuple[list[TestCase], list[str]]:
    """Tests from JSONL, CSV or a promptfoo-style YAML subset; also the YAML's providers, if any."""
    cases, providers = _load_tests(path)
    if not cases:
        raise TestSetError(f"{path} holds no tests; add at least one with a prompt")
    return cases, providers


def _load_tests(path: Path) -> tuple[list[TestCase], list[str]]:
    suffix = path.suffix.lower()
    if suffix not in (".jsonl", ".csv", ".yaml", ".yml"):
        raise TestSetError(f"{path}: use .jsonl, .csv or a promptfoo-style .yaml")
    text = _read_text(path)
    if suffix == ".jsonl":
        cases: list[TestCase] = []
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError:
                raise TestSetError(f"{path}:{number}: not valid JSON") from None
            if not isinstance(row, dict):
                raise TestSetError(f'{path}:{number}: each line must be a JSON object, e.g. {{"prompt": "..."}}')
            cases.append(_case(row, f"{path}:{number}", len(cases)))
        return cases, []
    if suffix == ".csv":
        try:
            reader = csv.DictReader(text.splitlines())
            rows = list(reader)
        except csv.Error as exc:
            raise TestSetError(f"{path}: not valid CSV ({exc})") from None
        if rows and "prompt" not in (reader.fieldnames or []):
            raise TestSetError(f"{path}: the CSV needs a 'prompt' column (and optionally id, expected)")
        cases = []
        for index, row in enumerate(rows):
            asserts = [{"type": "contains", "value": row["expected"]}] if row.get("expected") else []
            cases.append(_case({"prompt": row.get("prompt", ""), "id": row.get("id"), "assert": asserts},
                               f"{path}:{index + 2}", index))  # fmt: skip
        return cases, []
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        raise TestSetError(f"{path} is not valid YAML{where}") from None
    return _promptfoo(data, path)


def _case(row: dict[str, Any], where: str, index: int) -> TestCase:
    prompt = str(row.get("prompt") or "").strip()
    if not prompt:
        raise TestSetError(f"{where}: the test has no 'prompt'")
    system = row.get("system")
    if system is not None and not isinstance(system, str):
        raise TestSetError(f"{where}: 'system' must be text")
    return TestCase(id=str(row.get("id") or f"t{index + 1}"), prompt=prompt,
                    asserts=_check_asserts(row.get("assert"), where), system=system,
                    tags=_tags(row.get("tags"), where))  # fmt: skip


def _tags(value: Any, where: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(tag, str) and tag.strip() for tag in value):
        raise TestSetError(f"{where}: 'tags' must be a list of words, e.g. [\"simple\", \"json\"]")
    return [tag.strip() for tag in value]


def _promptfoo(data: Any, path: Path) -> tuple[list[TestCase], list[str]]:
    if not isinstance(data, dict) or not data.get("prompts") or not data.get("tests"):
        raise TestSetError(f"{path}: a promptfoo-style file needs 'prompts' and 'tests'")
    if not isinstance(data["prompts"], list) or not isinstance(data["tests"], list):
        raise TestSetError(f"{path}: 'prompts' and 'tests' must be lists")
    providers_raw = data.get("providers") or []
    if not isinstance(providers_raw, list):
        raise TestSetError(f"{path}: 'providers' must be a list of model names")
    providers = [p if isinstance(p, str) else str(p.get("id", "")) if isinstance(p, dict) else ""
                 for p in providers_raw]  # fmt: skip
    cases = []
    for index, test in enumerate(data["tests"]):
        if not isinstance(test, dict):
            raise TestSetError(f"{path}: tests[{index}] must be a mapping with vars and assert")
        variables = test.get("vars") or {}
        if not isinstance(variables, dict):
            raise TestSetError(f"{path}: tests[{index}].vars must be a mapping")
        for p_index, template in enumerate(data["prompts"]):
            suffix = f"-p{p_index + 1}" if len(data["prompts"]) > 1 else ""
            cases.append(
                TestCase(
                    id=str(test.get("description") or f"t{index + 1}") + suffix,
                    prompt=_render(str(template), variables),
                    asserts=_check_asserts(test.get("assert"), f"{path}: tests[{index}]"),
                    tags=_tags((test.get("metadata") or {}).get("tags") if isinstance(test.get("metadata"), dict)
                               else test.get("tags"), f"{path}: tests[{index}]"),
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
    if kind == "max-length":
        return len(text) <= float(value), f"length <= {value} characters"
    if kind == "max-latency":
        return run.latency_ms is not None and run.latency_ms <= float(value), f"latency <= {value} ms"
    if kind == "max-cost":
        return run.cost_usd is not None and run.cost_usd <= float(value), f"cost <= ${value}"
    raise TestSetError(f"unknown assertion {kind!r}")


class ResponseCache:
    """Answers keyed by (model, system, prompt, max_tokens) so re-runs do not pay twice."""

    def __init__(self, path: Path) -> None:
        from agent.session_store import open_database

        # Private (prompts and answers); a damaged file is moved aside and `notice` says so.
        self._db, self.notice = open_database(path, "eval cache")
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
    cases: list[TestCase] = field(default_factory=list)

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
                "top_two": self.top_two_test(), "cached": self.cached, "judge": self.judge,
                "cases": [case.as_json() for case in self.cases]}  # fmt: skip


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
    # A local llama.cpp server answers one request at a time: more at once came back as empty streams.
    one_at_a_time = {model: asyncio.Semaphore(1) for model in (api_bases or {})}
    total, done = len(cases) * len(models), 0
    matrix: dict[str, dict[str, dict[str, Any]]] = {m: {} for m in models}
    cached = 0

    async def one(model: str, case: TestCase) -> None:
        nonlocal done, cached
        key = ResponseCache.key(model, case, max_tokens)
        run = cache.get(key) if cache else None
        from_cache = run is not None
        if run is None:
            async with semaphore, one_at_a_time.get(model) or contextlib.nullcontext():
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
            "input_tokens": run.input_tokens, "output_tokens": run.output_tokens,
        }  # fmt: skip
        done += 1
        if on_progress:
            on_progress(done, total)

    await asyncio.gather(*(one(model, case) for case in cases for model in models))
    return BatchResult(models=models, tests=[c.id for c in cases], matrix=matrix, cached=cached, cases=list(cases))


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
    top = result.top_two_test()  # the same pair McNemar compares
    if top is None:
        return {}
    a, b = top["a"], top["b"]
    rates = result.pass_rates()
    failed = [model for model in (a, b) if rates[model]["passed"] == 0]
    if failed:
        return {"label": "LLM-as-judge not run", "judge": judge, "a": a, "b": b, "tally": {},
                "skipped": f"{failed[0]} failed every test; there is nothing to judge"}  # fmt: skip
    litellm = TrialEngine._litellm()
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
