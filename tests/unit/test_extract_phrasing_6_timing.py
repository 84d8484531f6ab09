"""Timing phrasings users wrote that were read wrong: work that can wait for a batch (all of it or a stated
share), time targets (first words or the whole answer) and the priority said in words. Each class is shown
on variants of our own, with phrasings that must not trigger it."""

from __future__ import annotations

import pytest

from agent.advisor.rules.extract import extract
from agent.advisor.rules.questions import stated_part


def _fields(text: str) -> dict:
    return extract(stated_part(text)).fields


@pytest.mark.parametrize(
    "text",
    [
        "Batching completely fine for this one.",
        "Analysts queue the reports up in batches; nothing here is realtime.",
        "No realtime requirement at all, everything can be processed overnight.",
        "Don't need quick, the whole thing can run at night.",
        "The scoring can all go through the batch API.",
        "We run it as a monthly batch on the first.",
        "It's fine if the answers trickle in over the weekend.",
        "The grades can come back the following morning.",
        "Obviously batch, it's a weekly digest.",
        "Results can be ready by tomorrow, nobody's waiting on them.",
        "All 4,000 listings get re-written in one batch every Sunday.",
        "It's fine if the analysis takes a couple of days.",
    ],
)
def test_work_that_can_all_wait_goes_through_the_batch_api(text):
    found = extract(text)
    assert found.fields["batch_share"] == 1.0
    assert "(every request through the batch API)" in found.evidence["batch_share"]


@pytest.mark.parametrize(
    "text",
    [
        "Batch isn't an option, drivers are waiting on every reply.",
        "Batching is not fine for us, agents need the draft while the customer is on the line.",
        "We can't wait overnight for these.",
        "Can we batch the nightly reconciliation?",
        "Could we push some of it to an overnight batch?",
        "We considered a nightly batch but decided against it.",
        "We send the prompts in batches of 20 and need each back quickly.",
        "Some of the reports can wait until the next morning.",  # a part of no stated size
        "Most of the scoring can run overnight, the rest is live.",
        "We can start next week.",
    ],
)
def test_no_batch_from_a_refusal_a_question_or_an_unsized_part(text):
    assert "batch_share" not in _fields(text)


@pytest.mark.parametrize(
    ("text", "share"),
    [
        ("A nightly run is fine for roughly 70% of the listings, the others change by the hour.", 0.7),
        ("Overnight works for about 25% of the claims; the rest are live.", 0.25),
        ("About 1 in 4 calls are bulk back-fills that can be batched.", 0.25),
        ("One out of every ten documents is a re-index we can do overnight.", 0.1),
        ("Roughly 45% of the volume is month-end invoices that can be generated in batch after hours.", 0.45),
        ("Maybe 40 percent of the summaries can be queued for the nightly run.", 0.4),
        ("We could batch about 60% of them.", 0.6),
        ("Only 15% of the lookups need a real-time answer; everything else can go overnight.", 0.85),
        ("A third of the traffic is interactive, the rest can wait for a batch.", 0.67),
        ("Two fifths of the jobs run offline.", 0.4),
        ("About half could wait a day.", 0.5),
        ("Roughly 35% don't need real-time answers.", 0.35),
        # a stated share beats words that would send all of it
        ("Around 30% of the requests are nightly exports, batch is fine for those.", 0.3),
    ],
)
def test_a_stated_share_that_can_wait_is_that_share(text, share):
    found = extract(text)
    assert found.fields["batch_share"] == pytest.approx(share, abs=0.005)
    assert "(that share through the batch API)" in found.evidence["batch_share"]


@pytest.mark.parametrize(
    "text",
    [
        "The batch API gives 50% off, but our users wait on every answer.",
        "We cut costs by 30% with batch last year; now everything is live.",
        "About 30% of our users are in Germany and the bot answers live.",
        "60% of the load can't be batched.",
        "We need it in half a second, no batch.",
        "We get about 40% of our traffic at night.",  # when work arrives, not when it may be done
        "25% of the tickets come in overnight and need answers by 7am.",
        "95% accuracy would be ok.",
    ],
)
def test_a_share_of_money_or_a_share_that_cannot_wait_is_no_batch_share(text):
    assert "batch_share" not in _fields(text)


def test_a_share_quotes_the_users_words():
    said = extract("About 1 in 5 uploads are archive scans that can be batched.").evidence["batch_share"]
    assert said.startswith("1 in 5 uploads are archive scans that can be batched")


@pytest.mark.parametrize(
    ("text", "field", "ms"),
    [
        ("Autocomplete: 90 ms ttft max.", "max_ttft_ms", 90),
        ("Need 250ms first token tops.", "max_ttft_ms", 250),
        ("TTFT: 600 ms.", "max_ttft_ms", 600),
        ("Answers should begin within a couple of seconds.", "max_ttft_ms", 2000),
        ("The avatar has to start speaking in under half a second.", "max_ttft_ms", 500),
        ("Moderation must finish under 1.5 s per clip.", "max_response_ms", 1500),
        ("Keep it under 800 ms per receipt.", "max_response_ms", 800),
        ("at most 4 seconds for each contract page", "max_response_ms", 4000),
        ("The discharge letter should be ready within 20 seconds of sign-off.", "max_response_ms", 20_000),
        ("Translations must be delivered in under 3 s.", "max_response_ms", 3000),
        ("2 s response time max.", "max_response_ms", 2000),
        # a short reply's time is its first words' unless the words say whole: the task alone does not
        ("We classify returns by reason; the reply must come within 2 seconds.", "max_ttft_ms", 2000),
        ("Extract the totals from each invoice into JSON, response under 1 second.", "max_ttft_ms", 1000),
    ],
)
def test_a_time_target_is_read_for_the_first_words_or_the_whole_answer(text, field, ms):
    found = extract(text)
    assert found.fields[field] == ms
    other = "max_response_ms" if field == "max_ttft_ms" else "max_ttft_ms"
    assert other not in found.fields


@pytest.mark.parametrize(
    "text",
    ["A support chatbot for our gym, answers within 2 seconds.", "Members expect replies within 3 s for each message."],
)
def test_a_chat_answer_within_a_short_time_stays_the_first_words(text):
    assert "max_response_ms" not in extract(text).fields
    assert extract(text).fields["max_ttft_ms"] in (2000, 3000)


@pytest.mark.parametrize(
    "text",
    [
        "Our current ttft is 4s and users complain.",
        "Would a model with 1s TTFT be ok for the kiosk?",
        "Right now it takes 9 seconds, which is too slow.",
    ],
)
def test_a_time_measured_today_or_asked_about_is_no_target(text):
    found = _fields(text)
    assert "max_ttft_ms" not in found and "max_response_ms" not in found


def test_the_time_evidence_quotes_the_users_words():
    found = extract("replies should start within a couple of seconds")
    assert found.evidence["max_ttft_ms"] == "replies should start within a couple of seconds"
    assert "per scan" in extract("under 3s per scan").evidence["max_response_ms"]


@pytest.mark.parametrize(
    ("text", "preset"),
    [
        ("Honestly the price is the dealbreaker for us.", "cost"),
        ("For this bot, latency is the bottleneck.", "latency"),
        ("The real killer here is the monthly bill.", "cost"),
        ("Pricing is main thing for our shop.", "cost"),
        ("The widget must respond instantly when a shopper types.", "latency"),
        ("The kiosk needs to answer really quickly.", "latency"),
        ("Our marketing budget for the pilot is pretty small.", "cost"),
        ("It's a nonprofit budget, so every dollar counts.", "cost"),
        ("We spend $3k a month now and want to cut the bill by 40%.", "cost"),
        ("It's a weekend project and I don't want to spend much on it.", "cost"),
        ("Just a personal app, hoping to stay under $10 a month.", "cost"),
        ("Give me the smartest model we can get for contract review.", "quality"),
        ("One wrong dosage in a summary could mean a lawsuit.", "quality"),
        ("Errors would be extremely costly for our auditors.", "quality"),
        ("We'd rather the answers be correct, even if slow.", "quality"),
        ("Price matters but accuracy matters more.", "quality"),
        ("A side project, but I want the best model money can buy.", "quality"),  # a stated priority beats the hobby
    ],
)
def test_the_priority_said_in_words(text, preset):
    found = extract(text)
    assert found.fields["priority"] == preset
    assert found.evidence["priority"].lower() in text.lower() or ";" in found.evidence["priority"]


@pytest.mark.parametrize(
    ("text", "not_preset"),
    [
        ("Speed isn't the problem, we just need it right.", "latency"),
        ("Latency is not a concern for the nightly digest.", "latency"),
        ("Our budget isn't small, we can go up to $20k.", "cost"),
        ("We'd rather it be fast than right.", "quality"),
        ("The bot should respond quickly enough, nothing special.", "latency"),
        ("I'm building a hobby app to learn Rust.", "cost"),  # a hobby with no word about money
        ("It doesn't have to react fast, it runs overnight.", "latency"),
    ],
)
def test_a_priority_played_down_or_not_said_is_not_read(text, not_preset):
    assert extract(text).fields.get("priority") != not_preset


def test_a_hobby_on_a_budget_quotes_both():
    said = extract("It's a pet project, ideally no more than 8 bucks a month.").evidence["priority"]
    assert said.startswith("pet project; ") and "8 bucks a month" in said


@pytest.mark.parametrize("said", ["a friend told me it's cheap", "Gemini is cheaper than GPT, right?",
                                  "qwen3-32b is supposedly really cheap"])  # fmt: skip
def test_a_model_described_as_cheap_is_no_cost_priority(said):
    assert "priority" not in extract(said).fields


@pytest.mark.parametrize("said", ["we need a model that is cheap and fast", "it has to be cheap", "cheapest wins"])
def test_cheap_wanted_is_still_a_cost_priority(said):
    assert extract(said).fields["priority"] == "cost"


@pytest.mark.parametrize(("said", "ms"), [("no rush, a report can take 2 minutes", 120_000),
                                          ("not urgent - each draft may take up to 45 seconds", 45_000)])  # fmt: skip
def test_a_time_it_may_take_is_the_whole_answer_and_no_batch_work(said, ms):
    fields = extract(said).fields
    assert fields["max_response_ms"] == ms and "batch_share" not in fields


def test_a_stated_batch_share_stands_beside_a_time_limit():
    fields = extract("30% of it can go through batch overnight; the rest must answer within 5 seconds").fields
    assert fields["batch_share"] == 0.3
