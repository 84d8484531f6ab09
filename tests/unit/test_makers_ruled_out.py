"""A model maker ruled out, whoever hosts its models: "we can't use OpenAI" must take GPT off Azure too
(a stranger found azure/gpt-5.4 at #2 and as the fallback after saying it, twice)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from agent.advisor.rules.extract import extract
from catalog.entries import ModelEntry
from catalog.requirements import Requirements
from catalog.scoring import hard_constraint_failures, rank
from catalog.sources import load_catalog
from tests.cli_inprocess import run_cli

TODAY = dt.date(2026, 12, 1)


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


@pytest.mark.parametrize(
    ("text", "makers"),
    [
        ("We can't use OpenAI for policy reasons.", ["openai"]),
        ("no GPT models please", ["openai"]),
        ("anything but Claude", ["anthropic"]),
        ("Google is off the table", ["google"]),
        ("Llama is not allowed by legal", ["meta"]),
        ("avoid DeepSeek and Qwen", ["alibaba", "deepseek"]),
        ("no OpenAI, Google or Anthropic", ["anthropic", "google", "openai"]),
        ("no Chinese models", ["alibaba", "deepseek"]),
        ("we cannot send data to OpenAI", ["openai"]),
    ],
)
def test_a_maker_ruled_out_is_read(text, makers):
    assert extract(text).fields["excluded_makers"] == makers


@pytest.mark.parametrize(
    "text",
    ["we use OpenAI today and want cheaper", "not just OpenAI, we want options", "why not GPT-4o?",
     "OpenAI directly is out, Azure is fine", "we're not locked into OpenAI", "better than GPT-4o",
     "we use Claude and GPT today"],
)
def test_a_maker_named_otherwise_rules_nothing_out(text):
    assert "excluded_makers" not in extract(text).fields


def test_every_route_of_a_ruled_out_maker_is_eliminated_wherever_it_is_hosted(catalog):
    ranking = rank(catalog, Requirements(task="chat", excluded_makers=["openai"]), TODAY)
    assert ranking.ranked and all((r.maker or "") != "openai" and "gpt" not in r.model for r in ranking.ranked)
    assert ranking.fallback is None or "gpt" not in ranking.fallback
    on_azure = next(e for e in catalog.models if e.id.startswith("azure") and "gpt-5" in e.id and e.maker)
    reasons = hard_constraint_failures(on_azure, Requirements(task="chat", excluded_makers=["openai"]), catalog, TODAY)
    assert "made by openai, which is ruled out" in reasons


def test_a_route_whose_maker_is_unknown_cannot_pass_the_rule(catalog):
    model = next(e for e in catalog.models if e.maker == "anthropic")
    nameless = ModelEntry.model_validate(model.model_dump() | {"id": "acme/mystery-1", "maker": None})
    reasons = hard_constraint_failures(nameless, Requirements(excluded_makers=["openai"]), catalog, TODAY)
    assert any(reason.startswith("cannot verify who made it") for reason in reasons)


def test_an_unknown_maker_is_refused_with_the_known_ones():
    with pytest.raises(ValueError, match="unknown model maker klingon: one of openai"):
        Requirements(excluded_makers=["klingon"])


def test_the_conversation_rules_out_a_maker_and_a_change_of_mind_lifts_it(knowing_advisor):
    first = knowing_advisor.turn("Legal contract analysis, 300 contracts a day, 20 pages each. We can't use OpenAI "
                                 "for policy reasons. Budget 5k USD a month. just recommend", None)  # fmt: skip
    assert first.as_json()["requirements"]["excluded_makers"] == ["openai"]
    assert "no models by openai" in first.answer
    assert all("gpt" not in r["model"] for r in first.as_json()["ranked"])
    lifted = knowing_advisor.turn("forget the OpenAI rule", first.session).as_json()
    assert "excluded_makers" not in lifted["requirements"]


def test_recommend_takes_the_makers_to_rule_out_and_refuses_an_unknown_one():
    ran = run_cli("recommend", "--task", "chat", "--exclude-makers", "openai,google", "--json")
    ranked = [r["model"] for r in json.loads(ran.stdout)["ranked"]]
    assert ran.returncode == 0 and ranked and not [m for m in ranked if "gpt" in m or "gemini" in m]
    ran = run_cli("recommend", "--exclude-makers", "klingon")
    assert ran.returncode == 2 and "unknown model maker 'klingon'" in ran.stderr
    ran = run_cli("recommend", "--languages", "klingon")
    assert ran.returncode == 2 and "unknown language 'klingon'" in ran.stderr


@pytest.mark.parametrize("text", ["no models except Anthropic's", "nothing but Claude", "Anthropic only"])
def test_the_one_maker_allowed_is_never_ruled_out(text):
    assert "anthropic" not in extract(text).fields.get("excluded_makers", [])


def test_nothing_chinese_rules_out_the_makers_not_a_language():
    fields = extract("nothing Chinese please").fields
    assert fields["excluded_makers"] == ["alibaba", "deepseek"] and "languages" not in fields


@pytest.mark.parametrize("said", ["ok OpenAI is fine now", "we can use OpenAI after all",
                                  "OpenAI models are allowed now"])
def test_a_maker_allowed_again_lifts_the_rule(knowing_advisor, said):
    first = knowing_advisor.turn("support bot, 3k chats a day, we can't use OpenAI. just recommend", None)
    assert first.as_json()["requirements"]["excluded_makers"] == ["openai"]
    assert "excluded_makers" not in knowing_advisor.turn(said, first.session).as_json()["requirements"]
