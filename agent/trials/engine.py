"""The trials engine: one prompt to 2-4 models concurrently through LiteLLM, streamed and measured.

A failing model (auth, 429, 5xx, timeout, cut or malformed stream) keeps its error and partial
text in its own result; the others finish. Cancelling the task cancels every stream cleanly.
"""

from __future__ import annotations

import asyncio
import contextvars
import os
import random
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any

from agent.provider_keys import key_variable
from agent.terminal_text import visible
from agent.trials.results import TrialRun, tokens_per_second
from catalog.entries import Catalog

LABELS = "ABCD"
MAX_MODELS = 4
MAX_RETRIES = 2
MAX_RETRY_AFTER_S = 10.0
# A stream is cut once it carries clearly more than max_tokens: a server that ignores the cap
# (10 MB against 512 was seen) must not fill memory or the screen.
CHARS_PER_TOKEN_CAP = 16
STREAM_MARGIN_CHARS = 4096


class StreamProblem(RuntimeError):
    """What was wrong with a stream the server sent with status 200; the message is shown as is."""

OnChunk = Callable[[TrialRun, str], Awaitable[None] | None]
OnDone = Callable[[TrialRun], None]


@dataclass(frozen=True)
class TrialRequest:
    models: Sequence[str]
    prompt: str
    system: str | None = None
    runs: int = 1
    max_tokens: int = 256
    timeout_s: float = 60.0
    api_base: str | None = None
    api_bases: dict[str, str] | None = None  # per model, overriding api_base (local models)
    blind: bool = False
    prices: dict[str, tuple[float, float]] | None = None  # model -> (input, output) USD per token
    temperature: float | None = None

    def validate(self) -> None:
        if not 2 <= len(self.models) <= MAX_MODELS and not (len(self.models) == 1 and self.runs > 1):
            raise ValueError(f"give 2 to {MAX_MODELS} models (or one model with --runs 2 or more)")
        if len(set(self.models)) != len(self.models):
            raise ValueError("each model may appear once")
        if not self.prompt.strip():
            raise ValueError("the prompt is empty")
        if not 1 <= self.runs <= 20:
            raise ValueError("runs must be between 1 and 20")
        if self.max_tokens <= 0:
            raise ValueError("max_tokens must be above 0")


def blind_labels(models: Sequence[str], rng: random.Random | None = None) -> dict[str, str]:
    """model -> A..D in a random order, so position says nothing about the model."""
    shuffled = list(models)
    (rng or random.Random()).shuffle(shuffled)
    return {model: LABELS[index] for index, model in enumerate(shuffled)}


def _describe_error(exc: BaseException, timeout_s: float, model: str = "") -> str:
    if isinstance(exc, StreamProblem):
        return str(exc)
    name = exc.__class__.__name__
    status = getattr(exc, "status_code", None)
    text = str(exc).lower()
    # LiteLLM wraps a bad chunk in a "connection" error with status 500: name the real cause first.
    if "codec can't decode" in text or "unicodedecodeerror" in text:
        return "bad encoding: the stream was not valid UTF-8"
    if "expecting property name" in text or "expecting value" in text or "jsondecodeerror" in text:
        return "malformed stream: a chunk was not valid JSON"
    if "repeating the same chunk" in text:
        return "stream too long: the server sent the same chunk over and over; stopped"
    if "missing credentials" in text or ("api_key" in text and "must be set" in text) or "no api key" in text:
        variable = key_variable(model)
        return f"no API key: set {variable}" if variable else "no API key for this provider"
    if isinstance(exc, TimeoutError) or "Timeout" in name:
        return f"timed out after {timeout_s:g} s"
    if "RateLimit" in name or status == 429:
        return "rate limited (429) after retries"
    if "Authentication" in name or status in (401, 403):
        return f"authentication failed ({status or 401}): check the provider's API key"
    if "NotFound" in name or status == 404:
        return "model not found at this endpoint (404)"
    if "Connection" in name or "connection" in str(exc).lower()[:300]:
        return "could not connect to the endpoint"
    if "JSON" in name or "Decode" in name or "malformed" in str(exc).lower():
        return "malformed stream chunk"
    if status is not None and int(status) >= 500:
        return f"server error ({status})"
    message = str(exc).splitlines()[0][:160] if str(exc) else name
    return f"{name}: {visible(message)}"  # the server's words: shown, never interpreted by a terminal


def _check_content_type(response: Any) -> None:
    """A web page (a captive portal, a proxy's login) sent with status 200 is not a chat stream."""
    headers = (getattr(response, "_hidden_params", None) or {}).get("additional_headers") or {}
    kind = str(headers.get("llm_provider-content-type", "")).split(";")[0].strip().lower()
    if kind and "event-stream" not in kind and "json" not in kind:
        raise StreamProblem(
            f"not an API response: the endpoint sent {kind[:40]} with status 200; check the API base URL"
        )


def _retry_after(exc: BaseException, attempt: int) -> float:
    # LiteLLM keeps the provider's headers on the exception; the wrapped response may have none.
    headers = getattr(exc, "litellm_response_headers", None) or getattr(getattr(exc, "response", None), "headers", None)
    value = (headers or {}).get("retry-after")
    try:
        seconds = float(value) if value is not None else 2.0**attempt
    except ValueError:
        seconds = 2.0**attempt
    return min(max(seconds, 0.0), MAX_RETRY_AFTER_S)


def _is_rate_limit(exc: BaseException) -> bool:
    return "RateLimit" in exc.__class__.__name__ or getattr(exc, "status_code", None) == 429


# The times this run's HTTP requests went out, for TTFT: set per stream, appended to by the clock below.
_requests_sent: contextvars.ContextVar[list[float] | None] = contextvars.ContextVar("requests_sent", default=None)


def _clock_request_sends() -> None:
    """Note when each HTTP request actually goes out, in the task that sends it.

    TTFT starts there, not when acompletion is called: LiteLLM's own set-up before the request
    (provider lookup, building the client; ~0.3 s on the first call) is not the model's latency.
    The OpenAI SDK and LiteLLM's own handlers both send through httpx.AsyncClient.send.
    """
    import httpx

    if getattr(httpx.AsyncClient.send, "clocked", False):
        return
    original = httpx.AsyncClient.send

    async def send(self: httpx.AsyncClient, request: httpx.Request, *args: Any, **kwargs: Any) -> httpx.Response:
        sent = _requests_sent.get()
        if sent is not None:
            sent.append(time.perf_counter())
        return await original(self, request, *args, **kwargs)

    send.clocked = True  # type: ignore[attr-defined]
    httpx.AsyncClient.send = send  # type: ignore[method-assign]


class TrialEngine:
    """Runs trials; `price_of` maps a model to (input, output) USD per token for costing."""

    def __init__(self, price_of: Callable[[str], tuple[float, float] | None] | None = None) -> None:
        self.price_of = price_of or (lambda model: None)

    @staticmethod
    def _litellm() -> Any:
        os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")
        # Modules LiteLLM and the OpenAI SDK would otherwise import lazily on the first request, on
        # the event loop (~0.5 s measured); call _litellm() from a thread to load them up front.
        # anyio's backend is imported by LiteLLM's first end-of-stream thread hop (~80 ms stall).
        import anyio._backends._asyncio  # noqa: F401
        import litellm
        import litellm.cost_calculator
        import litellm.litellm_core_utils.streaming_handler
        import openai.resources  # noqa: F401

        try:  # the tokenizer LiteLLM's cost calculation loads on first use (~0.2 s)
            from litellm._lazy_imports import get_default_encoding

            get_default_encoding()
        except (ImportError, AttributeError):
            pass
        litellm.suppress_debug_info = True
        # We measure and cost streams ourselves; LiteLLM's per-chunk logging threads only compete
        # with the UI for the GIL (they caused a ~0.4 s stall with four panes).
        litellm.disable_streaming_logging = True
        _clock_request_sends()
        return litellm

    async def single(self, request: TrialRequest, model: str) -> TrialRun:
        """One model, one run (batch trials use this; no pairing rules)."""
        run = TrialRun(model=model, label=model)
        await self._stream(self._litellm(), request, run, None)
        return run

    async def run(
        self, request: TrialRequest, on_chunk: OnChunk | None = None, on_done: OnDone | None = None
    ) -> list[TrialRun]:
        """Every model concurrently, `runs` times; on_done hears of each model as it finishes."""
        request.validate()
        litellm = self._litellm()
        labels = blind_labels(request.models) if request.blind else {m: m for m in request.models}
        results: list[TrialRun] = []

        async def stream(run: TrialRun) -> None:
            await self._stream(litellm, request, run, on_chunk)
            if on_done is not None:
                on_done(run)

        for run_number in range(1, request.runs + 1):
            runs = [TrialRun(model=m, label=labels[m], run=run_number) for m in request.models]
            await asyncio.gather(*(stream(run) for run in runs))
            results.extend(runs)
        return results

    def _cost(self, request: TrialRequest, run: TrialRun) -> float | None:
        prices = (request.prices or {}).get(run.model) or self.price_of(run.model)
        if prices is None or run.output_tokens is None:
            return None
        return (run.input_tokens or 0) * prices[0] + run.output_tokens * prices[1]

    async def _stream(self, litellm: Any, request: TrialRequest, run: TrialRun, on_chunk: OnChunk | None) -> None:
        messages = ([{"role": "system", "content": request.system}] if request.system else []) + [
            {"role": "user", "content": request.prompt}
        ]
        extra: dict[str, Any] = {}
        api_base = (request.api_bases or {}).get(run.model) or request.api_base
        model = run.model
        if model.startswith("local/"):
            model = "openai/" + model.removeprefix("local/")
        if api_base:
            extra["api_base"] = api_base
            if model.startswith("openai/") and not os.environ.get("OPENAI_API_KEY"):
                extra["api_key"] = "local-no-key"  # local OpenAI-compatible servers ignore it
        if request.temperature is not None:
            extra["temperature"] = request.temperature
        started = time.perf_counter()
        sent: list[float] = []  # when each attempt's request went out (see _clock_request_sends)
        clock = _requests_sent.set(sent)
        first_at: float | None = None
        pieces: list[str] = []
        received, cap = 0, request.max_tokens * CHARS_PER_TOKEN_CAP + STREAM_MARGIN_CHARS
        try:
            if not api_base and (missing := _missing_credentials(litellm, model)):
                raise StreamProblem(missing)  # said before any request: offline, a call fails some other way
            async with asyncio.timeout(request.timeout_s):
                for attempt in range(MAX_RETRIES + 1):
                    try:
                        response = await litellm.acompletion(
                            model=model, messages=messages, stream=True, max_tokens=request.max_tokens,
                            stream_options={"include_usage": True}, timeout=request.timeout_s,
                            num_retries=0, max_retries=0,  # our own loop retries, honouring Retry-After
                            **extra,
                        )  # fmt: skip
                        _check_content_type(response)
                        async for chunk in response:
                            run.chunks += 1
                            usage = getattr(chunk, "usage", None)
                            if usage:
                                run.input_tokens = usage.prompt_tokens
                                run.output_tokens = usage.completion_tokens
                                run.usage_reported = True
                            if not chunk.choices:
                                if run.usage_reported and run.finish_reason:
                                    # The usage chunk comes last. Leaving here skips LiteLLM's
                                    # end-of-stream logging (it re-assembles every chunk on the
                                    # event loop: ~10 ms a stream, for callbacks we do not use).
                                    break
                                continue
                            choice = chunk.choices[0]
                            text = getattr(choice.delta, "content", None) or ""
                            if text:
                                if first_at is None:
                                    first_at = time.perf_counter()
                                    run.ttft_ms = (first_at - (sent[-1] if sent else started)) * 1000
                                pieces.append(text)  # joined once at the end: a join per chunk is quadratic
                                received += len(text)
                                if received > cap:
                                    raise StreamProblem(
                                        f"stream too long: more than max_tokens ({request.max_tokens}) "
                                        "plus a margin arrived; stopped there, partial text kept"
                                    )
                                if on_chunk is not None:
                                    maybe = on_chunk(run, text)
                                    if asyncio.iscoroutine(maybe):
                                        await maybe
                            if choice.finish_reason:
                                run.finish_reason = choice.finish_reason
                        if getattr(response, "received_finish_reason", "") is None:
                            # LiteLLM ends a stream the server closed early with a made-up "stop";
                            # it records that the server itself never sent a finish reason.
                            run.finish_reason = None
                        break
                    except Exception as exc:
                        # Retry a 429 only before any content arrived: a half-streamed answer is kept, not redone.
                        if _is_rate_limit(exc) and first_at is None and attempt < MAX_RETRIES:
                            run.retries += 1
                            await asyncio.sleep(_retry_after(exc, attempt))
                            started = time.perf_counter()
                            continue
                        raise
        except asyncio.CancelledError:
            run.error = "cancelled"
            raise
        except Exception as exc:
            run.error = _describe_error(exc, request.timeout_s, run.model)
        finally:
            _requests_sent.reset(clock)
            finished = time.perf_counter()
            run.text = "".join(pieces)
            run.latency_ms = (finished - (sent[-1] if sent else started)) * 1000
            if run.output_tokens is None and pieces and run.error is None:
                run.output_tokens = len(pieces)
                run.notes.append("output tokens counted from stream chunks (no usage reported)")
            if run.error is None and not pieces:
                run.error = f"the stream ended without any text (finish reason: {run.finish_reason or 'none'})"
            elif run.error is None and run.finish_reason is None:
                run.error = "the stream was cut before it finished (no finish reason); partial text kept"
            run.tokens_per_s = tokens_per_second(run.output_tokens, first_at, finished)
            run.cost_usd = self._cost(request, run)


# Either of these holds a Gemini key; LiteLLM lists both as missing when neither is set.
_EITHER = {"GEMINI_API_KEY", "GOOGLE_API_KEY"}


def _missing_credentials(litellm: Any, model: str) -> str | None:
    """What the provider needs that the environment lacks, in one line, or None (LiteLLM's own table)."""
    try:
        missing = list(litellm.validate_environment(model=model).get("missing_keys") or [])
    except Exception:
        return None  # a model LiteLLM cannot place: the call itself says what is wrong
    if not missing:
        return None
    if set(missing) == _EITHER:
        return "no API key: set GEMINI_API_KEY (or GOOGLE_API_KEY)"
    what = "no API key" if all(name.endswith("_KEY") for name in missing) else "no credentials"
    return f"{what}: set {' and '.join(missing)}"


def estimate_cost(request: TrialRequest, price_of: Callable[[str], tuple[float, float] | None]) -> float | None:
    """Worst-case spend before running: ~4 characters a token in, max_tokens out, every run."""
    input_tokens = (len(request.prompt) + len(request.system or "")) / 4 + 10
    total = 0.0
    for model in request.models:
        prices = (request.prices or {}).get(model) or price_of(model)
        if prices is None:
            return None
        total += (input_tokens * prices[0] + request.max_tokens * prices[1]) * request.runs
    return total


def catalog_prices(catalog: Catalog) -> Callable[[str], tuple[float, float] | None]:
    """(input, output) USD per token from the catalog; `local/x` is priced as `openai/x`."""

    def price_of(model: str) -> tuple[float, float] | None:
        entry = catalog.get(model.replace("local/", "openai/", 1))
        if entry is None or entry.prices.input is None or entry.prices.output is None:
            return None
        return entry.prices.input, entry.prices.output

    return price_of
