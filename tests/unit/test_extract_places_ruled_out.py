"""A place the user keeps data away from is ruled out, never locked to, however it is said."""

from __future__ import annotations

import pytest

from agent.advisor.rules.extract import extract

RULED_OUT = [
    ("We run a support bot for a Swiss bank; keep it out of the US", {"us"}),
    ("keeping our customer data out of the US is a must", {"us"}),
    ("keep the data out of the EU", {"eu"}),
    ("keep everything out of the EU and the US", {"eu", "us"}),
    ("Any cloud is fine, anywhere except China", {"cn", "asia"}),
    ("anywhere except the US or China", {"us", "cn"}),
    ("We can't use Chinese providers", {"cn", "asia"}),
    ("avoid Chinese-hosted APIs, and we're in Germany", {"cn", "asia"}),
]


@pytest.mark.parametrize(("text", "away"), RULED_OUT)
def test_a_place_kept_away_is_no_region_the_models_may_use(text, away):
    fields = extract(text).fields
    assert fields.get("privacy") == "region-locked", fields
    assert fields["regions"] and not set(fields["regions"]) & away, fields


def test_a_comma_ends_the_places_ruled_out():
    assert "ca" not in extract("anything but the US, Canada is where we are").fields.get("regions", ["ca"])


@pytest.mark.parametrize("text", ["avoid Chinese-hosted APIs", "no Russian-based vendors"])
def test_a_server_named_by_nationality_needs_no_language(text):
    assert "languages" not in extract(text).fields


def test_a_language_before_based_on_is_still_a_language():
    assert extract("NPC lines in Japanese based on what the player did").fields["languages"] == ["japanese"]


def test_the_ruled_out_words_are_whole_in_the_evidence():
    assert extract("We can't use Chinese providers").evidence["privacy"] == "can't use Chinese providers"
