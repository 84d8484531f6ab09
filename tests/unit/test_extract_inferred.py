"""A value the rules infer rather than read is marked inferred, with the user's words as evidence;
a stated value is never marked, and the words that state it win over a guess."""

from __future__ import annotations

import pytest

from agent.advisor.rules.extract import Extraction, extract


@pytest.mark.parametrize(
    ("text", "name", "value", "words"),
    [
        ("We process 3k invoices a day", "task", "extraction", "invoices"),
        ("Telehealth triage for patients", "task", "classification", "triage"),
        ("We're building an agent that books meetings", "needs", ["tools"], "agent"),
        ("Our German bank can't send anything to US clouds", "regions", ["eu"], "German"),
        ("Summaries of patient data for our clinicians", "compliance", ["hipaa"], "patient data"),
        ("It must not be hosted in the US", "regions", ["eu", "asia"], "not be hosted in the US"),
    ],
)
def test_an_inferred_value_says_what_it_was_inferred_from(text, name, value, words):
    found = extract(text)
    assert found.fields[name] == value
    assert name in found.inferred
    assert found.evidence[name].startswith("inferred from '")
    assert words in found.evidence[name]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("extract fields from 3k invoices a day", "task"),
        ("A telehealth triage assistant", "task"),
        ("an agent that calls our APIs with function calling", "needs"),
        ("Data must stay in the EU", "regions"),
        ("We are under HIPAA", "compliance"),
        ("50k requests a day", "requests_per_day"),
    ],
)
def test_a_stated_value_is_not_marked_inferred(text, name):
    found = extract(text)
    assert name in found.fields
    assert name not in found.inferred
    assert not found.evidence[name].startswith("inferred")


def test_drafting_replies_to_support_emails_is_no_agent_and_needs_no_tools():
    found = extract("It drafts a reply to support emails, about 1,500 emails a day, for our agents to check")
    assert found.fields.get("task") != "agent"
    assert "tools" not in found.fields.get("needs", [])


def test_a_stated_item_keeps_its_words_when_an_inferred_one_joins_the_list():
    found = Extraction()
    found.add_to_list("needs", "tools", "function calling")
    found.add_to_list("needs", "json", "agent", inferred=True)
    assert found.fields["needs"] == ["tools", "json"]
    assert found.evidence["needs"] == "function calling"
    assert "needs" not in found.inferred


def test_put_without_the_flag_states_the_value_and_clears_an_earlier_guess():
    found = Extraction()
    found.put("task", "chat", "assistant", inferred=True)
    found.put("task", "rag", "read by the advisor model")
    assert found.evidence["task"] == "read by the advisor model"
    assert "task" not in found.inferred
