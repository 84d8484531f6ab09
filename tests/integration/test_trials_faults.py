"""Faults stay in their own result: timeouts, 429 with Retry-After, 5xx, auth, cut and malformed streams."""

from __future__ import annotations

import asyncio

import pytest

from agent.trials.engine import TrialEngine, TrialRequest
from tests import fault_server


@pytest.fixture(scope="module")
def endpoint():
    server, url = fault_server.start()
    yield url
    server.shutdown()


def trial(endpoint, model, timeout=3.0):
    request = TrialRequest(models=["openai/healthy", f"openai/{model}"], prompt="hi", api_base=endpoint,
                           timeout_s=timeout, prices={"openai/healthy": (1e-6, 2e-6)})  # fmt: skip
    runs = asyncio.run(TrialEngine().run(request))
    healthy, faulty = runs
    assert healthy.error is None and healthy.text.strip() == "alpha beta gamma delta epsilon"
    assert healthy.output_tokens == 5 and healthy.usage_reported
    assert healthy.cost_usd == pytest.approx(7 * 1e-6 + 5 * 2e-6)
    return faulty


def test_a_timeout_is_reported_and_the_other_model_finishes(endpoint):
    faulty = trial(endpoint, "slow", timeout=1.0)
    assert faulty.error == "timed out after 1 s"


def test_a_429_with_retry_after_is_retried(endpoint):
    faulty = trial(endpoint, "rate-limited-once")
    assert faulty.error is None and faulty.retries == 1
    assert faulty.text.startswith("alpha")


def test_a_persistent_429_gives_up_cleanly(endpoint):
    faulty = trial(endpoint, "always-rate-limited")
    assert faulty.error == "rate limited (429) after retries" and faulty.retries == 2


def test_a_server_error(endpoint):
    assert trial(endpoint, "server-error").error == "server error (500)"


def test_an_auth_failure_says_to_check_the_key(endpoint):
    assert "authentication failed" in trial(endpoint, "unauthorized").error


def test_a_stream_cut_midway_is_an_error_that_keeps_the_partial_text(endpoint):
    # LiteLLM closes a cut stream with a made-up "stop"; the engine checks the server sent one.
    faulty = trial(endpoint, "cut")
    assert faulty.error == "the stream was cut before it finished (no finish reason); partial text kept"
    assert faulty.finish_reason is None
    assert faulty.text == "alpha beta "
    assert faulty.output_tokens is not None and faulty.output_tokens <= 3


def test_a_malformed_chunk_is_an_error_in_its_own_pane(endpoint):
    faulty = trial(endpoint, "malformed")
    assert faulty.error is not None
    assert faulty.text.startswith("alpha beta")


def test_cancelling_stops_every_stream(endpoint):
    async def run_and_cancel():
        request = TrialRequest(models=["openai/slow", "openai/healthy"], prompt="hi", api_base=endpoint, timeout_s=30)
        task = asyncio.create_task(TrialEngine().run(request))
        await asyncio.sleep(0.5)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task

    asyncio.run(asyncio.wait_for(run_and_cancel(), timeout=10))


def test_a_missing_key_names_the_variable_to_set(monkeypatch):
    monkeypatch.delenv("DEEPINFRA_API_KEY", raising=False)
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    request = TrialRequest(
        models=["deepinfra/deepseek-ai/DeepSeek-V4-Flash", "gpt-4.1-mini"], prompt="hi", timeout_s=10
    )
    runs = asyncio.run(TrialEngine().run(request))
    assert [r.error for r in runs] == ["no API key: set DEEPINFRA_API_KEY", "no API key: set OPENAI_API_KEY"]


@pytest.mark.parametrize(
    ("model", "unset", "said"),
    [
        ("claude-sonnet-4-6", ["ANTHROPIC_API_KEY"], "no API key: set ANTHROPIC_API_KEY"),  # was a 401 offline
        ("gemini/gemini-3.5-flash", ["GEMINI_API_KEY", "GOOGLE_API_KEY"],
         "no API key: set GEMINI_API_KEY (or GOOGLE_API_KEY)"),  # was "could not connect"
        ("mistral/mistral-large-latest", ["MISTRAL_API_KEY"], "no API key: set MISTRAL_API_KEY"),  # was a 500
        ("bedrock/anthropic.claude-opus-4-7", ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"],
         "no credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"),
    ],
)  # fmt: skip
def test_every_provider_without_its_key_says_the_same_kind_of_line_before_any_call(monkeypatch, model, unset, said):
    for name in unset:
        monkeypatch.delenv(name, raising=False)
    runs = asyncio.run(TrialEngine().run(TrialRequest(models=[model, "gpt-4.1-mini"], prompt="hi", timeout_s=10)))
    assert runs[0].error == said and runs[0].latency_ms < 1_000  # no network attempt to time out


@pytest.mark.parametrize(
    ("model", "cause"),
    [
        ("malformed", "malformed stream: a chunk was not valid JSON"),
        ("bad-utf8", "bad encoding: the stream was not valid UTF-8"),
        ("html", "not an API response: the endpoint sent text/html with status 200"),
    ],
)
def test_a_bad_stream_names_its_real_cause(endpoint, model, cause):
    faulty = trial(endpoint, model)
    assert faulty.error is not None and faulty.error.startswith(cause)
    assert "could not connect" not in faulty.error


def test_a_stream_that_ignores_max_tokens_is_cut_on_the_client(endpoint):
    # The server sends 10 MB whatever max_tokens says; the client stops at max_tokens plus a margin.
    request = TrialRequest(models=["openai/flood"], prompt="hi", api_base=endpoint, max_tokens=64, timeout_s=10)
    run = asyncio.run(TrialEngine().single(request, "openai/flood"))
    assert run.error is not None and run.error.startswith("stream too long: more than max_tokens (64)")
    assert len(run.text) <= 64 * 16 + 4096 + 10_000  # at most one chunk past the cap
