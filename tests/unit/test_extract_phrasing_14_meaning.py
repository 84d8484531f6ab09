"""Round fourteen of phrasing, what the words mean: makers banned in plain words, a ban put back, a capability
asked for by its own name, and a place lock widened later. Variants of our own, each class with near-misses."""

from __future__ import annotations

import pytest

from agent.advisor.rules.extract import extract


@pytest.mark.parametrize(
    ("text", "makers"),
    [
        ("We do not use Anthropic, company policy.", ["anthropic"]),
        ("we never use Gemini for client work", ["google"]),
        ("Compliance vetoed DeepSeek last quarter", ["deepseek"]),
        ("Our CISO has prohibited Meta models.", ["meta"]),
        ("security blacklisted Qwen and DeepSeek", ["alibaba", "deepseek"]),
        ("We steer clear of Grok.", ["xai"]),
        ("management won't allow Claude for this", ["anthropic"]),
        ("Mistral models are off-limits for us", ["mistral"]),
        ("GPT isn't allowed here", ["openai"]),
        ("procurement forbade anything from Google", ["google"]),
        ("we refuse to use Llama", ["meta"]),
    ],
)
def test_a_maker_banned_in_plain_words_is_ruled_out(text, makers):
    assert extract(text).fields.get("excluded_makers") == makers


@pytest.mark.parametrize(
    "text",
    [
        "we don't use Claude yet and want to compare it with what we have",
        "Why don't we use Gemini?",
        "currently we don't use Anthropic, we are on GPT",
        "we don't use Mistral much",
        "we're blocked by OpenAI rate limits at peak",
        "we don't use Google Docs for the drafts",
        "Claude models are not banned",
        "we don't use GPT anymore",
        "our DPA doesn't allow Anthropic to retain prompts",
        "Llama is not fine-tuned on our tickets",
    ],
)
def test_a_habit_a_question_or_another_product_bans_no_maker(text):
    assert "excluded_makers" not in extract(text).fields


@pytest.mark.parametrize(
    ("text", "makers"),
    [
        ("right, leave Gemini out then", ["google"]),
        ("keep Claude models off the list", ["anthropic"]),
        ("on second thought, reinstate the DeepSeek ban", ["deepseek"]),
        ("put the Grok ban back please", ["xai"]),
        ("no, Mistral is not fine after all", ["mistral"]),
        ("Llama stays out", ["meta"]),
    ],
)
def test_a_ban_said_again_rules_the_maker_out(text, makers):
    assert extract(text).fields.get("excluded_makers") == makers


@pytest.mark.parametrize("text", ["put the Gemini ban on hold", "keep Claude outputs short"])
def test_a_ban_paused_or_a_keep_about_something_else_bans_nothing(text):
    assert "excluded_makers" not in extract(text).fields


def test_a_ban_lifted_then_put_back_rules_the_maker_out_again(knowing_advisor):
    first = knowing_advisor.turn("Internal helpdesk bot, 2k questions a day. We aren't allowed to use Gemini", None)
    assert first.as_json()["requirements"]["excluded_makers"] == ["google"]
    lifted = knowing_advisor.turn("scratch the Gemini ban, legal is fine with it now", first.session)
    assert "excluded_makers" not in lifted.as_json()["requirements"]
    back = knowing_advisor.turn("sorry, my mistake: leave Gemini out after all", lifted.session)
    assert back.as_json()["requirements"]["excluded_makers"] == ["google"]
    again = knowing_advisor.turn("no, Gemini is not ok, we checked", first.session)
    assert again.as_json()["requirements"]["excluded_makers"] == ["google"]


@pytest.mark.parametrize(
    ("text", "need"),
    [
        ("Tutoring bot, 3k sessions a day; the tutor needs vision for worksheets", "vision"),
        ("Oh, it should support vision too", "vision"),
        ("an assistant with vision, about 400 a day", "vision"),
        ("vision is a must for the field app", "vision"),
        ("the agent needs function-calling", "tools"),
        ("we also need tool-calling for the CRM", "tools"),
        ("it must return structured outputs", "json"),
        ("the kiosk bot needs speech input too", "audio"),
    ],
)
def test_a_capability_asked_for_by_its_name_is_a_need(text, need):
    assert need in extract(text).fields.get("needs", [])


@pytest.mark.parametrize(
    "text",
    [
        "Our vision is to make support effortless, 5k chats a day",
        "the company vision statement goes on the landing page",
        "we don't need vision, it's all text",
        "no vision needed",
    ],
)
def test_vision_as_a_company_aim_or_denied_is_no_need(text):
    assert "vision" not in extract(text).fields.get("needs", [])


@pytest.mark.parametrize(
    ("later", "regions"),
    [
        ("actually the data can be in Canada as well", ["ca", "eu"]),
        ("Switzerland works too", ["ch", "eu"]),
        ("oh, the UK would work too", ["eu", "uk"]),
        ("you can add the US", ["eu", "us"]),
        ("let's extend the lock to Japan", ["eu", "jp"]),
    ],
)
def test_a_place_granted_later_widens_the_lock(knowing_advisor, later, regions):
    first = knowing_advisor.turn("FAQ bot for our shop, 6k chats a day, data must stay in the EU", None)
    assert first.as_json()["requirements"]["regions"] == ["eu"]
    widened = knowing_advisor.turn(later, first.session)
    assert sorted(widened.as_json()["requirements"]["regions"]) == regions


@pytest.mark.parametrize("later", ["our users can be in the US too", "it can't be US either", "add more US customers"])
def test_people_there_or_a_refusal_leave_the_lock_alone(knowing_advisor, later):
    first = knowing_advisor.turn("FAQ bot for our shop, 6k chats a day, data must stay in the EU", None)
    widened = knowing_advisor.turn(later, first.session)
    assert widened.as_json()["requirements"]["regions"] == ["eu"]
