"""Classes of phrasing read from stranger set 7's misses (issue #14, third round): for each, fresh variants
of our own rather than the set's lines, so each rule is shown to reach past the line that prompted it."""

from __future__ import annotations

import pytest

from agent.advisor.rules.extract import extract


@pytest.mark.parametrize(
    ("text", "preset"),
    [
        # a sacrifice named with what it buys
        ("We'd happily accept a pricier API if it makes fewer mistakes on the forms.", "quality"),
        ("I would take a slightly slower model if it gives more accurate answers.", "quality"),
        ("We'd take a worse model if it costs less, honestly.", "cost"),
        ("We'd rather get somewhat weaker summaries than go over budget.", "cost"),
        ("I'd rather accept slower replies than overspend on this.", "cost"),
        # one criterion ruled out, another named
        ("Money is not much of a concern; accuracy is.", "quality"),
        ("Cost isn't really an issue - latency is.", "latency"),
    ],
)
def test_a_priority_told_as_a_trade(text, preset):
    assert extract(text).fields["priority"] == preset


def test_a_ruled_out_criterion_alone_sets_no_priority():
    assert "priority" not in extract("Latency is not an issue for us.").fields


@pytest.mark.parametrize(
    "text",
    [
        "Nobody needs the translations instantly, a few hours is fine.",
        "No one needs these right away; we can queue them up and pick the results up later.",
        "We can queue the jobs up and collect the output tomorrow.",
    ],
)
def test_nobody_needing_it_now_is_batch_tolerance_not_speed(text):
    found = extract(text).fields
    assert found["batch_share"] == 1.0
    assert found.get("priority") != "latency"


@pytest.mark.parametrize(
    ("text", "task"),
    [
        ("I want a general-purpose assistant for my team, nothing specialised.", "general"),
        ("An all-purpose helper in our app: a personal assistant that drafts, answers and rewrites.", "general"),
        ("A tool that rewrites product announcements in different tones for each channel.", "creative"),
        ("It generates adventure ideas and song lyrics for our tabletop group.", "creative"),
        ("After each stand-up it should write up the action items for the team.", "summarization"),
        ("A clinical scribe that turns visit transcripts into notes.", "summarization"),
        ("A CV parser for our recruiting site.", "extraction"),
        ("Grab the sender, date and total into a strict JSON schema.", "extraction"),
    ],
)
def test_a_task_named_in_more_words(text, task):
    assert extract(text).fields["task"] == task


@pytest.mark.parametrize(
    "text",
    [
        "Support chatbot for our gym members; we'd be calling it through a hosted API like Together.",
        "A chatbot for recipes, calling the model through an API.",
    ],
)
def test_reaching_the_model_through_an_api_is_not_tool_use(text):
    found = extract(text).fields
    assert found["task"] == "chat"
    assert "tools" not in (found.get("needs") or [])


@pytest.mark.parametrize(
    ("text", "per_day"),
    [
        ("8k DAU, ~3 requests per user per day.", 24_000),
        ("We need ~36,500 summaries generated per year.", 100),
        ("Spikes: it peaks at 40/min but ~12k/day total.", 12_000),
        ("40 restaurants, ~60 calls each per day, about 8 turns per call.", 19_200),
        ("5 depots, 12 drivers each, about 18 deliveries per driver per day.", 1_080),
    ],
)
def test_volumes_in_more_wordings(text, per_day):
    assert extract(text).fields["requests_per_day"] == pytest.approx(per_day, rel=0.01)


@pytest.mark.parametrize(
    ("text", "need"),
    [
        (
            "Transcription happens upstream in Whisper; the model only ever sees and writes text. Voice support line.",
            "audio",
        ),
        ("It's for phone calls, but the model only ever gets text from our speech service.", "audio"),
        ("Shops send us receipts; we OCR them ourselves and pass the text on.", "vision"),
        ("It reads pathology reports (plain text) and pulls out the diagnosis.", "vision"),
        ("Users paste scanned menus as text, no image input needed.", "vision"),
    ],
)
def test_a_modality_handled_before_the_model_is_not_needed(text, need):
    assert need not in (extract(text).fields.get("needs") or [])


def test_images_the_model_must_read_are_still_needed():
    assert "vision" in extract("We OCR nothing: the model reads photos of receipts directly.").fields["needs"]


@pytest.mark.parametrize(
    ("text", "per_month"),
    [
        ("There's a $12,000 annual budget for this.", 1000),
        ("We got a 2,400 dollar yearly budget approved.", 200),
        ("Our $300 monthly budget is fixed.", 300),
    ],
)
def test_a_budget_with_its_period_as_an_adjective(text, per_month):
    assert extract(text).fields["budget_usd_month"] == pytest.approx(per_month, rel=0.01)
