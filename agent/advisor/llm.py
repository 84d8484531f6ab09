"""The optional LLM brain, via LiteLLM: it reads constraints (structured output) and writes the
answer from the tools' results and the retrieved passages, streamed token by token.

Every number in an answer still comes from the deterministic tools: the model is given the computed
figures, and a figure it writes that is not among them ends its answer (llm_write.py). Any failure
(no key, timeout, bad JSON, rate limit, a hostile or invented value) raises LLMUnavailable and the
turn falls back to the offline advisor.
"""

from __future__ import annotations

import functools
import json
import os
import threading
from collections.abc import Callable
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

    def completion(self, messages: list[dict[str, str]], **options: Any) -> tuple[Callable[[], Any], float]:
        """A LiteLLM call for this model, not yet made, and the deadline it must meet (one try: the
        deadline covers everything)."""
        os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")
        import litellm

        litellm.suppress_debug_info = True
        extra = dict(self.extra)
        if self.api_base and self.model.startswith("openai/") and not os.environ.get("OPENAI_API_KEY"):
            extra.setdefault("api_key", "local-no-key")  # local OpenAI-compatible servers ignore it
        deadline = min(self.timeout, DEADLINE_S)
        call = functools.partial(
            litellm.completion, model=self.model, messages=messages, api_base=self.api_base, timeout=deadline,
            temperature=0, num_retries=0, max_retries=0, **options, **extra,
        )  # fmt: skip
        return call, deadline

    def extract(self, text: str, current: dict[str, Any]) -> dict[str, Any]:
        messages = [
            {"role": "system", "content": SYSTEM_PROMPT},
            {"role": "user", "content": f"Known so far: {json.dumps(current)}\nMessage: {text}"},
        ]
        call, deadline = self.completion(messages, max_tokens=300, response_format=self._response_format())
        response = _within(call, deadline, self.model)
        content = response.choices[0].message.content or ""
        try:
            patch = RequirementsPatch.model_validate(_json_object(content))
        except ValidationError as exc:
            field = ".".join(str(p) for p in exc.errors()[0]["loc"])
            raise LLMUnavailable(f"{self.model} returned an invalid value for {field}") from None
        return patch.model_dump(exclude_none=True)
