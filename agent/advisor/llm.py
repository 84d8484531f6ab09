"""The optional LLM brain, via LiteLLM: it reads constraints (structured output) and writes the
answer from the tools' results and the retrieved passages, streamed token by token.

Every number in an answer still comes from the deterministic tools: the model is given the computed
figures, and a figure it writes that is not among them ends its answer (AnswerCheck). Any failure
(no key, timeout, bad JSON, rate limit, a hostile or invented value) raises LLMUnavailable and the
turn falls back to the offline advisor.
"""

from __future__ import annotations

import functools
import json
import os
import re
import threading
import time
from collections.abc import Iterator
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from catalog.requirements import Capability, Compliance, InputPart, Privacy, Task

SYSTEM_PROMPT = (
    "You extract model-selection requirements from a developer's message. Reply with JSON only, "
    "using these optional keys: task, requests_per_day, input_tokens, output_tokens, max_ttft_ms, "
    "budget_usd_month, min_context, needs, privacy, regions, compliance, open_weights, priority, "
    "input_parts, size_notes, languages, max_response_ms, operations_usd_month. "
    "Convert volumes to requests per day (a month is 30 days) and times to milliseconds. "
    "input_tokens is everything one request sends; input_parts splits it (system_prompt, user_text, "
    "documents, retrieved, history) and must add up to it; size_notes says for each size how it was "
    "worked out (a page ~600 tokens, a word ~1.3, a line of code ~10, a passage ~300). "
    "max_response_ms is the time for the whole answer; max_ttft_ms for the first token. "
    "languages lists languages other than English, lower case. "
    "Leave out anything the message does not state."
)


DEADLINE_S = 10.0  # the whole extraction, retries included; then the offline rules answer

Region = Annotated[str, Field(pattern=r"^[A-Za-z][A-Za-z0-9_-]{0,29}$")]
Language = Annotated[str, Field(min_length=2, max_length=40, pattern=r"^[^\W\d_][^\W\d_ -]*(?:[ -][^\W\d_]+)*$")]


class RequirementsPatch(BaseModel):
    """What an LLM may set; everything optional, validated like the user's own input (the same
    ranges as the command line's options, finite numbers, no control characters)."""

    model_config = ConfigDict(extra="ignore", allow_inf_nan=False)

    task: Task | None = None
    requests_per_day: float | None = Field(None, ge=0, le=1e10)
    input_tokens: int | None = Field(None, ge=0, le=10_000_000)
    output_tokens: int | None = Field(None, ge=0, le=1_000_000)
    max_ttft_ms: float | None = Field(None, gt=0, le=3_600_000)
    budget_usd_month: float | None = Field(None, ge=0, le=1e9)
    min_context: int | None = Field(None, ge=0, le=100_000_000)
    input_parts: dict[InputPart, Annotated[int, Field(ge=0, le=10_000_000)]] | None = None
    size_notes: (
        dict[InputPart | Literal["input_tokens", "output_tokens"], Annotated[str, Field(max_length=300)]] | None
    ) = None
    languages: list[Language] | None = Field(None, max_length=50)
    max_response_ms: float | None = Field(None, gt=0, le=3_600_000)
    operations_usd_month: float | None = Field(None, ge=0, le=1e9)
    needs: list[Capability] | None = None
    privacy: Privacy | None = None
    regions: list[Region] | None = Field(None, max_length=20)
    compliance: list[Compliance] | None = None
    open_weights: bool | None = None
    priority: Literal["quality", "cost", "latency", "balanced"] | None = None

    @field_validator("size_notes")
    @classmethod
    def _printable_notes(cls, value: dict[str, str] | None) -> dict[str, str] | None:
        if value and not all(note.isprintable() for note in value.values()):
            raise ValueError("notes must be plain text, without control characters")
        return value


class LLMUnavailable(RuntimeError):
    """The advisor model could not help this turn; the message says why, without secrets."""


def _json_object(text: str) -> dict[str, Any]:
    start, end = text.find("{"), text.rfind("}")
    if start < 0 or end <= start:
        raise LLMUnavailable("the model's reply held no JSON object")
    try:
        value = json.loads(text[start : end + 1])
    except json.JSONDecodeError:
        raise LLMUnavailable("the model's reply was not valid JSON") from None
    if not isinstance(value, dict):
        raise LLMUnavailable("the model's reply was not a JSON object")
    return value


def _within(call: Any, seconds: float, model: str) -> Any:
    """`call()` with a hard deadline: an endpoint that trickles bytes or retries past it is left behind
    (in a daemon thread, so a CLI process can still exit) and the turn goes on without it."""
    outcome: list[Any] = []

    def run() -> None:
        try:
            outcome.append((True, call()))
        except Exception as exc:
            outcome.append((False, exc))

    worker = threading.Thread(target=run, name="llm-brain", daemon=True)
    worker.start()
    worker.join(seconds)
    if not outcome:
        raise LLMUnavailable(f"{model} did not answer within {seconds:g} s")
    ok, value = outcome[0]
    if not ok:
        raise LLMUnavailable(f"{model} failed ({value.__class__.__name__})")
    return value


class LLMBrain:
    def __init__(self, model: str, api_base: str | None = None, timeout: float = DEADLINE_S, **extra: Any) -> None:
        self.model = model
        self.api_base = api_base
        self.timeout = timeout
        self.extra = extra

    def _response_format(self) -> dict[str, Any]:
        schema = RequirementsPatch.model_json_schema()
        if self.api_base:
            # OpenAI-compatible servers such as llama.cpp take the schema on json_object (they
            # reject json_schema) and constrain generation to it with a grammar.
            return {"type": "json_object", "schema": schema}
        return {"type": "json_schema", "json_schema": {"name": "requirements", "schema": schema}}

    def extract(self, text: str, current: dict[str, Any]) -> dict[str, Any]:
        os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")
        import litellm

        litellm.suppress_debug_info = True
        messages = [
            {"role": "system", "content": SYSTEM_PROMPT},
            {"role": "user", "content": f"Known so far: {json.dumps(current)}\nMessage: {text}"},
        ]
        extra = dict(self.extra)
        if self.api_base and self.model.startswith("openai/") and not os.environ.get("OPENAI_API_KEY"):
            extra.setdefault("api_key", "local-no-key")  # local OpenAI-compatible servers ignore it
        deadline = min(self.timeout, DEADLINE_S)
        call = functools.partial(
            litellm.completion, model=self.model, messages=messages, api_base=self.api_base, timeout=deadline,
            max_tokens=300, temperature=0, response_format=self._response_format(), num_retries=0, **extra,
        )  # fmt: skip
        response = _within(call, deadline, self.model)
        content = response.choices[0].message.content or ""
        try:
            patch = RequirementsPatch.model_validate(_json_object(content))
        except ValidationError as exc:
            field = ".".join(str(p) for p in exc.errors()[0]["loc"])
            raise LLMUnavailable(f"{self.model} returned an invalid value for {field}") from None
        return patch.model_dump(exclude_none=True)

    def write(self, question: str, facts: dict[str, Any], draft: str) -> Iterator[str]:
        """The answer in the model's words, piece by piece as its tokens arrive, each piece checked
        (AnswerCheck) before it is yielded; LLMUnavailable on any failure, the deadline included."""
        os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")
        import litellm

        litellm.suppress_debug_info = True
        known = json.dumps(facts, ensure_ascii=False, default=str)
        messages = [
            {"role": "system", "content": WRITE_PROMPT},
            {"role": "user", "content": f"Question: {question}\nFacts (JSON): {known}\nDraft answer:\n{draft}"},
        ]
        extra = dict(self.extra)
        if self.api_base and self.model.startswith("openai/") and not os.environ.get("OPENAI_API_KEY"):
            extra.setdefault("api_key", "local-no-key")
        deadline = min(self.timeout, DEADLINE_S)
        started = time.monotonic()
        call = functools.partial(
            litellm.completion, model=self.model, messages=messages, api_base=self.api_base, timeout=deadline,
            max_tokens=400, temperature=0, stream=True, num_retries=0, **extra,
        )  # fmt: skip
        response = _within(call, deadline, self.model)
        check = AnswerCheck(figures(f"{question}\n{known}\n{draft}"))
        wrote = False
        try:
            for chunk in response:
                if time.monotonic() - started > deadline:
                    raise LLMUnavailable(f"{self.model} did not finish within {deadline:g} s")
                choices = getattr(chunk, "choices", None) or []
                token = (choices[0].delta.content or "") if choices else ""
                if piece := check.feed(token):
                    wrote = wrote or bool(piece.strip())
                    yield piece
            if piece := check.finish():
                wrote = wrote or bool(piece.strip())
                yield piece
        except LLMUnavailable:
            raise
        except Exception as exc:
            raise LLMUnavailable(f"{self.model} failed ({exc.__class__.__name__})") from None
        if not wrote:
            raise LLMUnavailable(f"{self.model} wrote an empty answer")


WRITE_PROMPT = (
    "You write the answer of an advisor that helps a developer choose an AI model. Answer the question "
    "first, in plain prose for this user, then give the figures that support it. Use only the facts and "
    "the draft answer you are given: every number you write must appear in them exactly as written "
    "there; never compute, round or estimate a new one. Keep the draft's citations such as [course/3.3]. "
    "At most 180 words, Markdown allowed, no preamble."
)
MAX_ANSWER_CHARS = 4_000
_FIGURE = re.compile(r"\d[\d,]*(?:\.\d+)?")
_TRAILING_FIGURE = re.compile(r"[\d.,]*$")
_ALLOWED_CONTROLS = {"\n", "\t"}
_MONEY = {"$", "€", "£"}


def figures(text: str) -> set[float]:
    """Every number in the text, also as thousands and millions ("50,000" allows "50k")."""
    values = set()
    for match in _FIGURE.finditer(text):
        value = _value(match.group(0))
        if value is not None:
            values |= {value, value / 1_000, value / 1_000_000}
    return values


def _value(figure: str) -> float | None:
    try:
        return float(figure.rstrip(".,").replace(",", ""))
    except ValueError:
        return None


class AnswerCheck:
    """The model's answer checked as it streams: plain text (no control characters), bounded in
    length, and every figure one the tools computed (small counts such as "2 models" aside). A
    figure is held back until it is complete, so nothing unchecked is ever shown."""

    def __init__(self, allowed: set[float]) -> None:
        self.allowed = allowed
        self.held = ""
        self.shown = 0
        self.before = ""  # the character shown just before `ready`, for a "$" in front of a figure

    def feed(self, token: str) -> str:
        if any(not ch.isprintable() and ch not in _ALLOWED_CONTROLS for ch in token):
            raise LLMUnavailable("the advisor model wrote control characters")
        text = self.held + token
        cut = len(text) - len(_TRAILING_FIGURE.search(text).group(0))  # type: ignore[union-attr]
        ready, self.held = text[:cut], text[cut:]
        return self._checked(ready)

    def finish(self) -> str:
        ready, self.held = self.held, ""
        return self._checked(ready)

    def _checked(self, ready: str) -> str:
        self.shown += len(ready)
        if self.shown > MAX_ANSWER_CHARS:
            raise LLMUnavailable(f"the advisor model's answer ran past {MAX_ANSWER_CHARS:,} characters")
        context = self.before + ready
        for match in _FIGURE.finditer(ready):
            value = _value(match.group(0))
            start = match.start() + len(self.before)
            money_or_share = context[start - 1 : start] in _MONEY or ready[match.end() : match.end() + 1] == "%"
            count = value is not None and value <= 10 and not money_or_share
            if value is not None and not count and not any(abs(value - a) <= 1e-9 * max(1, a) for a in self.allowed):
                raise LLMUnavailable(f"the advisor model wrote a figure the tools did not compute ({match.group(0)})")
        self.before = context[-1:]
        return ready
