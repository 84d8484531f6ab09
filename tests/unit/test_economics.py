"""The advisor answers "should we fine-tune?", "how much would routing / caching / batching save?",
"when does self-hosting beat the API?" opening with the cost tools' figure at the session's workload,
saying what was stated and what assumed, and citing the course; the record's routing estimate is
never a negative "saving"."""

from __future__ import annotations

import pytest

from agent.advisor import savings
from agent.advisor.economics import answer, topic
from agent.advisor.intents import classify
from agent.advisor.interview import build_requirements
from agent.advisor.rules.extract import extract
from agent.record.decision import build_record
from catalog.cost import monthly_cost, routing_savings
from catalog.display import money
from catalog.requirements import Requirements
from catalog.scoring import rank
from tests.conftest import TODAY

CODING = "Coding assistant for 200 developers, 20k requests a day, 3,000 tokens of code in, 500 out, budget $20,000"


@pytest.mark.parametrize(
    ("text", "kind"),
    [("should we fine-tune?", "finetune"), ("What would routing save?", "routing"),
     ("When does self-hosting beat the API?", "selfhost"), ("is distillation worth it?", "distill"),
     ("should we fine-tune at 50k requests a day?", "finetune"), ("How much would caching save us?", "caching"),
     ("would prompt caching cut our bill?", "caching"), ("how much cheaper is the batch API?", "batching"),
     ("what's the saving if we batch the overnight jobs?", "batching"), ("How much would routing save us?", "routing"),
     ("would running it on our own GPUs be cheaper?", "selfhost"),
     # whether it makes sense at this user's volume is a question of its economics too
     ("does self-hosting make sense at our volume?", "selfhost"), ("is caching worth it at our scale?", "caching"),
     ("does prompt caching make sense for us?", "caching"), ("would fine-tuning be economical here?", "finetune")],
)  # fmt: skip
def test_economics_questions_are_recognised(text, kind):
    assert topic(text) == kind
    assert classify(text, extract(text)).kind == "economics"


@pytest.mark.parametrize(
    "text", ["We must self-host everything, 10k requests a day", "overnight batch is fine", "we cache nothing today"]
)
def test_constraints_mentioning_a_topic_are_not_economics_questions(text):
    assert classify(text, extract(text)).kind != "economics"


def test_fine_tuning_answer_draws_the_conclusion_and_cites_the_course(advisor):
    session = advisor.turn(CODING).session
    result = advisor.turn("should we fine-tune?", session)
    answer = result.as_json()["answer"]
    assert "[module/2.2.3]" in answer
    assert "pays back" in answer or "never pays back" in answer or "would only buy quality" in answer
    assert "course: $5K-$20K" in answer or "would only buy quality" in answer
    assert {c["id"] for c in result.as_json()["citations"]} == {"module/2.2.3"}


def test_routing_answer_opens_with_the_cost_tools_saving(advisor, catalog):
    session = advisor.turn(CODING).session
    text = advisor.turn("How much would routing save us?", session).as_json()["answer"]
    req = build_requirements(advisor.state(session).requirements)
    assert (req.requests_per_day, req.input_tokens, req.output_tokens) == (20_000, 3_000, 500)
    ranked = [r for r in rank(catalog, req, TODAY).ranked if r.provider != "self-hosted"]
    chosen = catalog.get(ranked[0].model)
    cheapest = catalog.get(min(ranked, key=lambda r: r.monthly_cost_usd).model)
    expected = routing_savings(chosen, [(cheapest, 0.7), (chosen, 0.3)], 20_000, 3_000, 500)
    first = text.splitlines()[0]
    assert first.startswith(f"**Routing would save about {money(expected.savings_usd)}/month** "
                            f"({expected.savings_fraction:.0%})")  # fmt: skip
    assert expected.savings_usd > 0 and "[module/2.2.2]" in text and "tradeoff route" in text
    assert "20,000 requests/day (stated)" in text and "a 70%/30% split" in text


def test_self_hosting_answer_has_a_verdict(advisor):
    session = advisor.turn(CODING).session
    answer = advisor.turn("when does self-hosting beat the API?", session).as_json()["answer"]
    first = answer.splitlines()[0]
    assert first.startswith("**Self-hosting would ") and "$" in first and "[guide/open-source-models]" in answer
    verdicts = ("Not worth it at your volume", "it pays from", "never costs less than")  # the cost tool's three
    assert any(verdict in answer for verdict in verdicts)


@pytest.mark.parametrize(
    "message",
    [CODING, "Customer support chatbot for our shop, 50k chats a day, answers within 1 second, $2,000 a month",
     "Summarise 2,000 legal contracts a day, 40 pages each, budget $30,000 a month",
     "Classify 1M support tickets a day into 20 categories, budget $5,000"],
)  # fmt: skip
def test_the_record_never_shows_a_negative_routing_saving(advisor, catalog, message):
    result = advisor.turn(message)
    projection = build_record(advisor.state(result.session), catalog, TODAY).cost_projection
    if "routing_savings_fraction" in projection:
        assert projection["routing_savings_fraction"] > 0 and "estimate" in projection["routing_basis"]
    else:
        assert "raise the bill" in projection["routing_note"]


SUPPORT = Requirements(task="chat", requests_per_day=50_000, input_tokens=1_500, output_tokens=300)
STATED = {"task", "requests_per_day"}


def _bill(entry, req, **discount):
    return monthly_cost(entry, req.requests_per_day, req.input_tokens, req.output_tokens, **discount).monthly_cost_usd


def test_caching_saving_equals_the_cost_tool_at_the_assumed_hit_rate(catalog):
    ranking = rank(catalog, SUPPORT, TODAY)
    text = answer("caching", catalog, ranking, STATED)
    entry = next(catalog.get(r.model) for r in ranking.ranked if catalog.get(r.model).prices.cache_read is not None)
    saved = _bill(entry, SUPPORT) - _bill(entry, SUPPORT, cache_hit_rate=savings.ASSUMED_CACHE_HIT_RATE)
    assert saved > 0
    assert text.startswith(f"**Prompt caching would save about {money(saved)}/month on {entry.id}**")
    assert "50,000 requests/day (stated)" in text and "1,500 input tokens (assumed)" in text
    assert "Assumed: a 50% cache hit rate" in text and "[course/5.4]" in text


def test_a_stated_hit_rate_is_used_and_not_called_an_assumption(catalog):
    req = SUPPORT.model_copy(update={"cache_hit_rate": 0.3})
    ranking = rank(catalog, req, TODAY)
    text = answer("caching", catalog, ranking, STATED | {"cache_hit_rate"})
    entry = next(catalog.get(r.model) for r in ranking.ranked if catalog.get(r.model).prices.cache_read is not None)
    saved = _bill(entry, req) - _bill(entry, req, cache_hit_rate=0.3)
    assert text.startswith(f"**Prompt caching would save about {money(saved)}/month")
    assert "with your 30% cache hit rate" in text.splitlines()[0] and "cache hit rate (tell me" not in text


def test_the_system_prompt_is_what_the_cache_holds_when_the_request_is_split(catalog):
    req = SUPPORT.model_copy(update={"input_parts": {"system_prompt": 1_200, "user_text": 300}})
    text = answer("caching", catalog, rank(catalog, req, TODAY), STATED | {"input_tokens"})
    assert "your 1,200-token system prompt (80% of each request's input) read from the cache" in text


def test_batching_saving_equals_the_cost_tool_and_says_which_model_has_a_batch_price(catalog):
    ranking = rank(catalog, SUPPORT, TODAY)
    text = answer("batching", catalog, ranking, STATED)
    top = catalog.get(ranking.ranked[0].model)
    entry = next(catalog.get(r.model) for r in ranking.ranked if catalog.get(r.model).prices.input_batch is not None)
    saved = _bill(entry, SUPPORT) - _bill(entry, SUPPORT, batch_share=1.0)
    assert saved > 0
    assert text.startswith(f"**The batch API would save about {money(saved)}/month on {entry.id}**")
    if top.prices.input_batch is None:
        assert f"{top.id}, your top pick, has no batch price in the catalog" in text
    assert "every request can wait up to 24 hours" in text and "[course/5.5]" in text
    assert "the figure above is the ceiling" in text  # a chat's users are waiting


def test_routing_says_zero_when_the_top_pick_is_already_the_cheapest(catalog):
    ranking = rank(catalog, SUPPORT, TODAY)
    top = ranking.ranked[0]
    if min(r.monthly_cost_usd for r in ranking.ranked) < top.monthly_cost_usd:
        pytest.skip("the top pick is not the cheapest in this catalog")
    text = answer("routing", catalog, ranking, STATED)
    assert text.startswith("**Routing would save $0/month on your shortlist**")
    assert "would instead cost" in text  # what sending the hard share to a stronger model would add


def test_every_economics_answer_opens_with_a_dollar_figure(catalog):
    ranking = rank(catalog, SUPPORT, TODAY)
    for kind in ("routing", "caching", "batching", "selfhost", "finetune", "distill"):
        first = answer(kind, catalog, ranking, STATED).splitlines()[0]
        assert "$" in first, (kind, first)


def test_a_self_hosted_only_shortlist_gets_its_own_bill_and_no_invented_token_saving(catalog):
    req = SUPPORT.model_copy(update={"privacy": "self-hosted", "requests_per_day": 5_000})
    ranking = rank(catalog, req, TODAY)
    assert ranking.ranked and all(r.provider == "self-hosted" for r in ranking.ranked)
    top = ranking.ranked[0]
    hosting = answer("selfhost", catalog, ranking, STATED)
    assert hosting.startswith(f"**Self-hosting {top.model} costs {money(top.monthly_cost_usd)}/month**")
    assert answer("caching", catalog, ranking, STATED).startswith("**Prompt caching would save $0/month on your bill**")
    assert answer("batching", catalog, ranking, STATED).startswith("**The batch API would save $0/month")
    assert answer("routing", catalog, ranking, STATED).startswith("**Routing would save $0/month")


@pytest.mark.parametrize(
    ("question", "share"),
    [("How much do we save if half the prompts hit the cache?", 0.5), ("what if 30% of requests are batched?", 0.3),
     ("with 80% of traffic on the cheap model, what does routing save?", 0.8), ("Would caching save us 40%?", None),
     ("how much would caching save?", None)],
)  # fmt: skip
def test_a_share_the_question_supposes_is_read_and_nothing_else(question, share):
    assert savings.share_in(question) == share


def test_the_hit_rate_in_the_question_replaces_the_assumed_one(catalog):
    ranking = rank(catalog, SUPPORT, TODAY)
    text = answer("caching", catalog, ranking, STATED, "How much do we save if a third of the prompt hits the cache?")
    entry = next(catalog.get(r.model) for r in ranking.ranked if catalog.get(r.model).prices.cache_read is not None)
    saved = _bill(entry, SUPPORT) - _bill(entry, SUPPORT, cache_hit_rate=1 / 3)
    assert text.startswith(f"**Prompt caching would save about {money(saved)}/month on {entry.id}**")
    assert "the 33% cache hit rate you asked about" in text and "cache hit rate (tell me" not in text


@pytest.mark.parametrize(("name", "kind"), [("batching", "batching"), ("prompt caching", "caching"),
                                            ("self-hosting", "selfhost"), ("gemini flash", None),
                                            ("self-hosted llama", None)])  # fmt: skip
def test_what_about_a_topic_is_a_topic_and_what_about_a_model_is_a_model(name, kind):
    from agent.advisor.economics import named_topic

    assert named_topic(name) == kind


def test_what_about_batching_answers_the_saving(advisor):
    session = advisor.turn(CODING).session
    text = advisor.turn("what about batching?", session).as_json()["answer"]
    assert text.startswith("**The batch API would save about $") and "I do not know a model" not in text


@pytest.mark.parametrize("text", ["when should I use a batch API?", "should we cache responses?"])
def test_asking_what_a_cache_or_batch_fits_is_a_course_question_not_a_saving(text):
    assert topic(text) is None


def test_a_hit_rate_too_low_to_pay_for_cache_writes_is_no_saving(catalog):
    req = SUPPORT.model_copy(update={"cache_hit_rate": 0.01})
    ranking = rank(catalog, req, TODAY)
    writers = [catalog.get(r.model) for r in ranking.ranked if catalog.get(r.model).prices.cache_write is not None]
    entry = next(e for e in writers if e.prices.cache_write > e.prices.input)
    saved = _bill(entry, req) - _bill(entry, req, cache_hit_rate=0.01)
    assert saved < 0  # the cost tool bills every uncached token at the write price
    limited = ranking.model_copy(update={"ranked": tuple(r for r in ranking.ranked if r.model == entry.id)})
    text = answer("caching", catalog, limited, STATED | {"cache_hit_rate"})
    assert text.startswith(f"**Prompt caching would save $0/month on {entry.id}**") and "-$" not in text
