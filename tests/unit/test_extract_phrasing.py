"""Classes of phrasing read from a stranger's first messages (issue #14, second round): for each class,
fresh variants of our own, not the lines that prompted it, so each rule is shown to reach past its line."""

from __future__ import annotations

import pytest

from agent.advisor.rules.extract import extract


# Fresh variants of the stranger set's region phrasing (not its lines): a country is its code, a bloc
# member its bloc, a list of places all of them, and a place ruled out is never set.
@pytest.mark.parametrize(
    ("text", "regions"),
    [
        ("Our records have to be kept within Canada", ["ca"]),
        ("Everything must be processed in India", ["in"]),
        ("Servers must be located in Japan or South Korea", ["jp", "kr"]),
        ("Hosting has to remain in the UK, nowhere else", ["uk"]),
        ("We need it hosted in SG or HK only", ["hk", "sg"]),
        ("Patient files must stay in Austria", ["at"]),  # the country: an EU region elsewhere would break it
        ("Data must stay in Switzerland; hosting in the EU is not acceptable", ["ch"]),
        ("Any region except the US is fine, but the data must stay in Brazil", ["br"]),
        ("We'd like a provider with a UK region", ["uk"]),
    ],
)
def test_a_named_country_is_its_region_code(text, regions):
    found = extract(text).fields
    assert found["privacy"] == "region-locked"
    assert sorted(found["regions"]) == regions


@pytest.mark.parametrize(
    "text",
    [
        "Our users are in Canada and Mexico, we have no residency rules",
        "We thought about running it on our own servers but decided against it, an API is fine",
        "Would self-hosting a model on our own hardware be cheaper at this volume?",
        "We evaluated on-prem last year but dropped it",
    ],
)
def test_a_place_or_hosting_only_mentioned_weighed_or_asked_sets_no_privacy(text):
    found = extract(text).fields
    assert found.get("privacy") != "self-hosted" and "regions" not in found


def test_a_regime_said_not_to_be_a_factor_is_not_set():
    assert "compliance" not in extract("Nobody is in Europe, so GDPR is not a factor").fields
    assert "compliance" not in extract("HIPAA isn't in scope for this tool").fields


# Fresh variants of the stranger set's priority and batch phrasing: what the user cares about, will not
# compromise on or optimises for; a delay said to be fine, or work read on a later day anyway.
@pytest.mark.parametrize(
    ("text", "preset"),
    [
        ("Honestly we mainly care about latency", "latency"),
        ("We care more about getting it right than about the price", "quality"),
        ("The one thing we can't compromise on is correctness", "quality"),
        ("We won't compromise on cost, it has to stay cheap", "cost"),
        ("We're optimising for price above all", "cost"),
        ("It doesn't have to be clever, it just has to be fast", "latency"),
        ("Budget is what we care about most", "cost"),
        ("We want the best possible translation quality", "quality"),
    ],
)
def test_priority_in_more_wordings(text, preset):
    assert extract(text).fields["priority"] == preset


def test_a_criterion_ruled_out_or_fast_enough_is_no_priority():
    assert "priority" not in extract("We don't only care about cost").fields
    assert "priority" not in extract("The current model is fast enough").fields


@pytest.mark.parametrize(
    "text",
    [
        "results by tomorrow would be ok",
        "A 48h turnaround is fine: anything back within 48 hours works",
        "We're happy to wait until the next morning",
        "It doesn't need to be instant",
        "Nobody reads them until the next morning; they're queued and sent the next day",
        "The job can churn through the backlog over the weekend",
        "We're not in a hurry",
    ],
)
def test_a_delay_said_to_be_fine_is_batch_tolerance(text):
    assert extract(text).fields["batch_share"] == 1.0


def test_a_delay_that_is_not_fine_is_no_batch_tolerance():
    assert "batch_share" not in extract("overnight is not fine, agents wait on every answer").fields
    assert "batch_share" not in extract("it needs to be instant").fields


# Fresh variants of the stranger set's money phrasing: a budget per day, week, quarter or year is a
# month's worth; a sum in a currency we hold no rate for is money (no volume) but no budget.
@pytest.mark.parametrize(
    ("text", "monthly"),
    [
        ("We can put about 25 dollars a day into this", 750),
        ("Budget: $700 per week", 3000),
        ("we have $9k a quarter to spend", 3000),
        ("our budget is $36,000 a year", 3000),
        ("a weekly budget of $140", 600),
    ],
)
def test_a_budget_per_period_is_a_month_of_it(text, monthly):
    assert extract(text).fields["budget_usd_month"] == pytest.approx(monthly, rel=0.001)


@pytest.mark.parametrize(
    "text", ["Our budget is 500,000 yen a month", "Budget is CAD 4,000 monthly", "we can spend R$ 5000 per month"]
)
def test_a_sum_in_a_currency_without_a_rate_is_no_budget_and_no_volume(text):
    found = extract(text).fields
    assert "budget_usd_month" not in found and "requests_per_day" not in found


# Fresh variants: a capability word that names a reputation, goods or the user's own systems adds
# nothing; audio handled before the model is no audio need; calling APIs is tools; stepwise work is reasoning.
@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Our public image matters, so replies must be polite. It's an email assistant.", "vision"),
        ("We're a hardware store selling hand tools and garden tools; we need product Q&A", "tools"),
        ("An online audio equipment retailer wants a support chatbot", "audio"),
        ("Calls are transcribed by our ASR system; the model only gets transcripts", "audio"),
        ("The bot never hears the audio, our STT service handles it", "audio"),
        ("Our platform uses a few JSON APIs internally; we need a friendly chat assistant", "json"),
    ],
)
def test_a_capability_sounding_word_that_is_not_one_adds_nothing(text, absent):
    assert absent not in extract(text).fields.get("needs", [])


@pytest.mark.parametrize(
    ("text", "need"),
    [
        ("The assistant calls our inventory and shipping APIs to answer", "tools"),
        ("It books rooms by calling the hotel availability API", "tools"),
        ("The tutor has to reason carefully about each answer", "reasoning"),
        ("It writes step-by-step solutions to physics problems", "reasoning"),
        ("Multi-step calculations for payroll", "reasoning"),
    ],
)
def test_a_capability_said_in_other_words(text, need):
    assert need in extract(text).fields["needs"]


# Fresh variants of the stranger set's task phrasing (not its lines).
@pytest.mark.parametrize(
    ("text", "task"),
    [
        ("Our clinical coding staff need ICD-10 codes pulled out of referral letters", "extraction"),
        ("Read invoice totals and VAT numbers from photos of receipts", "extraction"),
        ("We grab the sender, date and amount into JSON from scanned letters", "extraction"),
        ("The reasoning for this: our agents write the same replies, so we want a support chatbot", "chat"),
        ("Our oil extraction plant wants an assistant that answers operators' questions", "chat"),
        ("Flag fraudulent insurance claims as they arrive", "classification"),
        ("Each ticket must be dropped into the correct queue", "classification"),
        ("Write property descriptions for our rental listings", "creative"),
        ("Generate trivia questions for a weekly quiz night", "creative"),
        ("Draft Instagram posts for each new product", "creative"),
        ("Turn each episode transcript into show notes", "summarization"),
        ("We load the entire report into the prompt and ask questions about it", "document-analysis"),
        ("Retrieve the relevant sections from 40k policy PDFs for each agent query", "rag"),
        ("We need to answer guests' questions about check-in times", "chat"),
    ],
)
def test_tasks_in_more_wordings(text, task):
    assert extract(text).fields["task"] == task


def test_a_legal_term_or_a_rationale_is_no_task():
    assert extract("Draft summary judgment motions from our case notes").fields.get("task") != "summarization"
    assert "task" not in extract("The reasoning behind the budget is simple").fields


# Fresh variants of the stranger set's volume phrasing: a quarter is 90 days, the period may come first,
# "for month" is a period, members named with "and each", and calls per session multiply sessions.
@pytest.mark.parametrize(
    ("text", "per_day"),
    [
        ("About 18,000 loan applications a quarter", 200),
        ("Every month around 6,000 support tickets arrive", 200),
        ("Each week we get about 1,400 supplier invoices", 200),
        ("maybe 3 thousand orders for month", 100),
        ("We have 8 clinics and each sees about 40 patients a day", 320),
        ("~2k sessions a day, ~5 model calls per session", 10_000),
        ("Roughly 700 product reviews a week", 100),
    ],
)
def test_volume_in_more_wordings(text, per_day):
    assert extract(text).fields["requests_per_day"] == pytest.approx(per_day, rel=0.01)


def test_a_period_first_then_a_size_is_no_volume():
    assert "requests_per_day" not in extract("Every week 300 words of notes are written").fields


# Fresh variants: the size of the thing the model is asked to write is the answer's, and a count of
# those things per week is the volume, never multiplied into one answer.
@pytest.mark.parametrize(
    ("text", "output"),
    [
        ("We want it to write short bios for speakers. About 80 bios a month, ~150 words each.", 195),
        ("It drafts cover letters for applicants; letters run about 300 words.", 390),
        ("Generate blurbs for new books, 40 books a week, each blurb around 60 words", 78),
        ("About 20 articles written per week, each around 1,000 words", 1300),
    ],
)
def test_the_size_of_what_is_written_is_the_answer(text, output):
    found = extract(text).fields
    assert found["output_tokens"] == pytest.approx(output, rel=0.05)
    assert "input_tokens" not in found


def test_the_size_of_what_is_read_stays_input():
    found = extract("We summarise customer letters; letters run about 300 words.").fields
    assert found.get("output_tokens") is None and found["input_tokens"] == 390
