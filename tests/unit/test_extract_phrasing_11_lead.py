"""Round eleven, found by the lead trying messages of a stranger's kind after the helpers' rules: each
was wrong by a factor (a $2 budget, a peak taken for the day's rate, the rate of each who acts dropped)."""

from __future__ import annotations

import pytest

from agent.advisor.rules.extract import extract


@pytest.mark.parametrize(
    ("text", "budget"),
    [("budget: three and a half k per month", 3500), ("we could spend one and a half k a month on this", 1500),
     ("two and a half grand monthly, tops", 2500)],
)
def test_a_half_after_a_spelled_figure_with_k(text, budget):
    assert extract(text).fields.get("budget_usd_month") == budget


@pytest.mark.parametrize(
    ("text", "per_day"),
    [
        ("a team of 30, each would ask it about a dozen questions a day", 360),
        ("half a dozen requests an hour, around the clock", 144),
        ("maybe two dozen tickets a day", 24),
    ],
)
def test_dozens_are_counts(text, per_day):
    assert extract(text).fields.get("requests_per_day") == pytest.approx(per_day, rel=0.01)


def test_dozens_of_things_is_no_count():
    assert "requests_per_day" not in extract("dozens of requests a day, hard to say").fields


@pytest.mark.parametrize(
    ("text", "per_day"),
    [
        ("Peak is 50 rps, but on average it's more like a fifth of that.", 50 * 86400 / 5),
        ("we peak at 900 requests a minute; typically about 10% of that", 900 * 1440 / 10),
    ],
)
def test_an_average_told_as_a_share_of_the_peak(text, per_day):
    assert extract(text).fields.get("requests_per_day") == pytest.approx(per_day, rel=0.01)


@pytest.mark.parametrize(
    ("text", "per_day"),
    [
        ("We're 60 people; a third of us would use it 9 times a day.", 180),
        ("about 120k MAU, maybe 5% chat with us each month, 6 messages per conversation", 120_000 * 0.05 * 6 / 30),
        ("30k DAU, 2% open the helper, ~4 messages per session", 2400),
    ],
)
def test_a_share_of_people_times_what_each_of_them_sends(text, per_day):
    assert extract(text).fields.get("requests_per_day") == pytest.approx(per_day, rel=0.01)


# Found by a helper trying the product as a stranger: inversions and constraints dropped.
AVOIDED = ["Support bot, 3k chats a day; we'd rather avoid self-hosting, too much ops.",
           "we want to steer clear of on-prem", "our team is against self-hosting anything"]


@pytest.mark.parametrize("text", AVOIDED)
def test_a_way_the_user_wants_to_avoid_is_no_requirement(text):
    fields = extract(text).fields
    assert fields.get("privacy") != "self-hosted" and not fields.get("open_weights"), fields


@pytest.mark.parametrize("text", ["we don't mind if the provider trains on our data",
                                  "honestly we do not care if they train on our prompts"])  # fmt: skip
def test_permission_to_train_is_no_training_ban(text):
    assert extract(text).fields.get("privacy") != "no-training"


@pytest.mark.parametrize("text", ["Support chat, 15k messages a day, data must not go to the US.",
                                  "Our records must stay out of America.",
                                  "Fine to process anywhere except the US."])  # fmt: skip
def test_a_place_data_must_not_reach_at_the_end_of_a_sentence_is_ruled_out(text):
    fields = extract(text).fields
    assert fields.get("privacy") == "region-locked" and "us" not in fields.get("regions", []), fields
    assert fields.get("regions"), fields


def test_people_a_day_each_in_a_conversation_of_turns():
    assert extract("About 1,200 shoppers a day, each chats roughly 5 turns.").fields["requests_per_day"] == 6000


SPEECH = [("We summarise medical transcription notes, ~2 pages each.", False),
          ("we need to transcribe voicemails and summarise them", True)]


@pytest.mark.parametrize(("text", "audio"), SPEECH)
def test_text_made_from_speech_needs_no_audio(text, audio):
    assert ("audio" in extract(text).fields.get("needs", [])) is audio


def test_a_regime_named_beside_what_implies_it_is_stated():
    found = extract("Patient records, so HIPAA applies.")
    assert found.fields["compliance"] == ["hipaa"] and not found.evidence["compliance"].startswith("inferred")
