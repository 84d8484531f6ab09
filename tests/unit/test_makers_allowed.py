"""An allow-list of makers ("we can only use Claude") rules out every other maker, wherever they are hosted;
today's choice, a question or "only" about something else rules nothing out."""

from __future__ import annotations

import json

import pytest

from agent.advisor.rules.extract import extract
from catalog.names import MAKERS, makers_rule
from tests.cli_inprocess import run_cli


def _allowed(text: str) -> list[str] | None:
    excluded = extract(text).fields.get("excluded_makers")
    return None if excluded is None else [maker for maker in MAKERS if maker not in excluded]


@pytest.mark.parametrize(
    ("text", "allowed"),
    [
        ("procurement says we may only use Gemini", ["google"]),
        ("Claude models only, that's what security approved", ["anthropic"]),
        ("we're a Mistral-only company for sovereignty reasons", ["mistral"]),
        ("the model has to be Claude or GPT", ["openai", "anthropic"]),
        ("OpenAI is the only approved provider here", ["openai"]),
        ("nothing but Llama on this project", ["meta"]),
        ("legal: no models except Google's", ["google"]),
    ],
)
def test_an_allow_list_rules_out_every_other_maker(text, allowed):
    assert _allowed(text) == allowed


@pytest.mark.parametrize(
    "text",
    [
        "we only use OpenAI today and want to compare",
        "should we only use Claude?",
        "only 20 requests a day",
        "GPT only for the coding part, the rest is open",
        "we tried Claude only briefly",
    ],
)
def test_today_a_question_or_another_only_rules_nothing_out(text):
    assert "excluded_makers" not in extract(text).fields


def test_the_rule_reads_as_the_allow_list_when_that_is_shorter():
    assert makers_rule([m for m in MAKERS if m != "anthropic"]) == "only models by anthropic"
    assert makers_rule(["openai"]) == "no models by openai"


def test_the_advisor_ranks_only_the_allowed_makers_and_says_so(knowing_advisor):
    first = knowing_advisor.turn("support bot, 3k chats a day, we can only use Claude models", None)
    assert "only models by anthropic" in first.answer
    turn = knowing_advisor.turn("just recommend", first.session)
    ranked = [row["model"] for row in turn.as_json()["ranked"]]
    assert ranked and all("claude" in model for model in ranked)
    assert "only models by anthropic" in turn.answer


def test_recommend_takes_the_only_makers_allowed():
    ran = run_cli("recommend", "--task", "chat", "--only-makers", "anthropic", "--json", "--top", "0")
    ranked = [row["model"] for row in json.loads(ran.stdout)["ranked"]]
    assert ran.returncode == 0 and ranked and all("claude" in model for model in ranked)
    ran = run_cli("recommend", "--only-makers", "anthropic", "--exclude-makers", "google")
    assert ran.returncode == 2 and "not allowed with" in ran.stderr


def test_forgetting_the_allow_list_lifts_it_and_a_maker_allowed_too_joins_it(knowing_advisor):
    first = knowing_advisor.turn("support bot, 3k chats a day, we can only use Claude models", None)
    widened = knowing_advisor.turn("Gemini is fine too", first.session)
    assert "only models by anthropic, google" in widened.answer
    lifted = knowing_advisor.turn("forget the Claude-only rule", first.session)
    assert "Dropped the rule of only models by anthropic" in lifted.answer
    assert "excluded_makers" not in lifted.as_json()["requirements"]
