"""The advisor's graph on a real SQLite session store, without a knowledge base: intents routed from
one registry, questions that change nothing, the interview question kept through side questions,
answers that change only the field asked, skip, provenance, edits and imports as graph inputs,
streaming, and sessions saved by older code."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from agent.advisor import intents, nodes
from agent.advisor.context import AdvisorTools
from agent.advisor.history import changes
from agent.advisor.intents import IntentRule, classify
from agent.advisor.sessions import Advisor
from agent.advisor.state import AdvisorState, RequirementEvent
from agent.advisor.view import requirement_rows
from tests.conftest import TODAY

DATA = Path(__file__).parents[1] / "data"
SUPPORT = "customer support chatbot, 50k chats a day, budget $1,000/month, not sensitive, answers within 2 seconds"


def until_asked(advisor, result, field, answers=("skip",)):
    """Skip questions until the interview asks about `field` (it picks the most informative one)."""
    for _ in range(4):
        if result.state.next_question is None or result.state.next_question.field == field:
            break
        result = advisor.turn(answers[0], result.session)
    assert result.state.next_question is not None and result.state.next_question.field == field, result.answer
    return result


def sources(advisor, session):
    """How each of the session's checkpoints was written: "input"/"loop" by the graph, "update" by update_state."""
    return {c.metadata.get("source") for c in advisor.graph.get_state_history(advisor._config(session))}


def view_row(state, field):
    return next(row for row in requirement_rows(state) if row.field == field)


# --- the registry ---------------------------------------------------------------------------------


def test_every_intent_routes_to_a_node_of_the_graph(advisor):
    graph = advisor.graph.get_graph()
    targets = {edge.target for edge in graph.edges if edge.source == "understand"}
    assert targets == {rule.node for rule in intents.INTENTS}
    assert all(edge.conditional for edge in graph.edges if edge.source == "understand")


def test_a_new_intent_is_one_entry_and_one_node(catalog, tmp_path, monkeypatch):
    def pricing(state, runtime):
        return {"messages": nodes.say(f"{len(runtime.context.catalog.models)} models are priced.")}

    rule = IntentRule("pricing", "pricing", lambda text: [] if text.startswith("prices") else None, False)
    monkeypatch.setattr(intents, "INTENTS", (rule, *intents.INTENTS))
    monkeypatch.setattr(intents, "BY_NAME", {**intents.BY_NAME, "pricing": rule})
    monkeypatch.setattr(nodes, "pricing", pricing, raising=False)
    advisor = Advisor(AdvisorTools(catalog=catalog, today=TODAY), tmp_path / "s.sqlite")
    try:
        result = advisor.turn("prices please")
        assert result.answer == f"{len(catalog.models)} models are priced."
        assert result.state.requirements == {}
    finally:
        advisor.close()


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("When does self-hosting beat the API?", "economics"),
        ("How much would routing save us?", "economics"),
        ("What is TTFT?", "knowledge"),
        ("what is distillation?", "knowledge"),
        ("Is Gemini HIPAA eligible?", "knowledge"),
        ("do we need tool calling for this?", "knowledge"),
        ("Can you recommend a model for a support bot with 50k chats a day?", "constraints"),
        ("We run a support bot. Which model should we use?", "constraints"),
        ("We must self-host everything, 10k requests a day", "constraints"),
        ("just recommend", "recommend"),
        ("that's all", "recommend"),
        ("why not Claude?", "explain"),
    ],
)
def test_intent_is_read_from_the_words_before_any_extraction(text, kind):
    assert classify(text).kind == kind


# --- questions change nothing ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    ["When does self-hosting beat the API?", "How much would routing save us?", "What is TTFT?",
     "how much would caching save us?", "is it worth fine-tuning at 10x the volume?", "why not Claude?",
     "what is distillation?", "Does it need to run on our own GPUs?"],
)  # fmt: skip
def test_a_question_changes_no_requirement(advisor, question):
    first = advisor.turn(SUPPORT)
    first = advisor.turn("just recommend", first.session) if first.state.next_question else first
    before = advisor.state(first.session)
    after = advisor.turn(question, first.session).state
    assert after.requirements == before.requirements
    assert after.history == before.history
    assert after.ranking == before.ranking


def test_asking_when_self_hosting_beats_the_api_sets_no_privacy_and_answers_it(advisor):
    result = advisor.turn("When does self-hosting beat the API?")
    assert result.state.requirements == {} and result.state.history == []
    assert {c["id"] for c in result.as_json()["citations"]} == {"guide/open-source-models", "guide/cost-considerations"}


# --- the interview ----------------------------------------------------------------------------------


def test_a_side_question_keeps_the_interview_question_and_asks_it_again(advisor):
    first = advisor.turn("We need a customer support chatbot")
    assert first.state.next_question.field == "requests_per_day"
    side = advisor.turn("why not Claude?", first.session)
    assert side.state.next_question.field == "requests_per_day"
    assert side.state.requirements == first.state.requirements
    assert "claude" in side.answer.lower()
    assert side.answer.rstrip().endswith(first.answer.rstrip().splitlines()[-1])  # the choices, again
    assert "Back to my question:\n**Roughly how many requests a day?**" in side.answer
    answered = advisor.turn("about 20k a day", side.session)
    assert answered.state.requirements["requests_per_day"] == 20_000


def test_the_budget_answer_sets_the_budget_and_not_the_volume(advisor):
    first = advisor.turn("customer support chatbot, 50k chats a day")
    asked = until_asked(advisor, first, "budget_usd_month")
    result = advisor.turn("budget 3000 a month", asked.session)
    assert result.state.requirements["budget_usd_month"] == 3000
    assert result.state.requirements["requests_per_day"] == 50_000


def test_an_answer_that_also_states_another_field_in_its_own_words_sets_both(advisor):
    first = advisor.turn("customer support chatbot, 50k chats a day")
    asked = until_asked(advisor, first, "budget_usd_month")
    result = advisor.turn("budget $3,000 a month, and answers within 2 seconds", asked.session)
    requirements = result.state.requirements
    assert (requirements["budget_usd_month"], requirements["max_ttft_ms"]) == (3000, 2000)
    assert requirements["requests_per_day"] == 50_000


def test_skip_takes_one_default_says_which_and_the_interview_goes_on(advisor):
    first = advisor.turn("We need a customer support chatbot")
    skipped = advisor.turn("skip", first.session)
    assert "_Skipped “Roughly how many requests a day?”: I assumed **1,000 a day**." in skipped.answer
    assert skipped.state.requirements["requests_per_day"] == 1_000
    assert skipped.state.next_question is not None  # one question skipped, not the interview
    event = skipped.state.history[-1]
    assert (event.field, event.action, event.value) == ("requests_per_day", "default", 1_000)
    row = view_row(skipped.state, "requests_per_day")
    assert row.origin == "assumed" and "1,000 a day" in row.evidence


def test_skipping_a_question_whose_default_is_no_limit_says_so(advisor):
    first = advisor.turn("customer support chatbot, 50k chats a day")
    asked = until_asked(advisor, first, "budget_usd_month")
    result = advisor.turn("skip", asked.session)
    assert "I assumed **no fixed budget**" in result.answer
    assert "budget_usd_month" not in result.state.requirements
    assert result.state.history[-1].action == "default"


@pytest.mark.parametrize("words", ["just recommend", "that's all", "skip the questions"])
def test_ending_the_interview_recommends_at_once(advisor, words):
    first = advisor.turn("We need a customer support chatbot")
    result = advisor.turn(words, first.session)
    assert result.state.next_question is None and result.state.ranking
    assert "My pick" in result.answer


# --- provenance -------------------------------------------------------------------------------------


def test_every_change_is_recorded_with_the_users_words(advisor):
    first = advisor.turn(SUPPORT)
    first = advisor.turn("just recommend", first.session) if first.state.next_question else first
    stated = {e.field: e for e in first.state.history}
    assert stated["budget_usd_month"].action == "stated" and stated["budget_usd_month"].turn == 1
    assert "$1,000/month" in stated["budget_usd_month"].evidence
    changed = advisor.turn("actually the budget is 5k", first.session).state
    event = changed.history[-1]
    assert (event.field, event.action, event.value) == ("budget_usd_month", "changed", 5000)
    assert "5k" in event.evidence
    row = view_row(changed, "budget_usd_month")
    assert row.origin == "stated" and "5k" in row.evidence
    dropped = advisor.turn("drop the budget requirement", first.session).state
    assert dropped.history[-1].action == "dropped" and "budget_usd_month" not in dropped.requirements


def test_an_inferred_value_says_from_which_words():
    events = changes({}, {"task": "agent", "needs": ["tools"]}, turn=1, inferred={"task"},
                     evidence={"task": "drafts a reply", "needs": "tools"})  # fmt: skip
    assert [(e.field, e.action) for e in events] == [("needs", "stated"), ("task", "inferred")]
    state = AdvisorState(requirements={"task": "agent", "needs": ["tools"]}, history=events)
    row = view_row(state, "task")
    assert (row.origin, row.evidence) == ("inferred", "inferred from 'drafts a reply'")


def test_a_field_set_before_history_was_kept_reads_as_stated():
    row = view_row(AdvisorState(requirements={"task": "chat"}), "task")
    assert (row.origin, row.evidence) == ("stated", "")


# --- inputs into the graph --------------------------------------------------------------------------


def test_an_edit_enters_the_graph_and_is_recorded_as_edited(advisor):
    first = advisor.turn("We need a customer support chatbot")
    result = advisor.edit_requirement(first.session, "budget_usd_month", 2500)
    assert result.state.requirements["budget_usd_month"] == 2500
    assert result.state.next_question is None and result.state.ranking and "My pick" in result.answer
    edited = RequirementEvent(field="budget_usd_month", action="edited", value=2500, turn=1,
                              evidence="edited in the requirements panel")  # fmt: skip
    assert result.state.history[-1] == edited
    assert view_row(result.state, "budget_usd_month").origin == "edited"
    assert "update" not in sources(advisor, first.session)
    with pytest.raises(ValueError, match=r"budget \$/month: it can.t be less than 0"):
        advisor.edit_requirement(first.session, "budget_usd_month", -5)


def test_an_import_enters_the_graph_with_its_trials_and_votes(advisor, catalog):
    from agent.record.decision import build_record

    first = advisor.turn(SUPPORT)
    state = advisor.state(first.session).model_copy(update={
        "trials": [{"model": "gpt-4.1-mini", "run": 1, "ttft_ms": 300.0}],
        "votes": [{"models": ["gpt-4.1-mini", "gpt-4.1"], "winner": "gpt-4.1", "vote": "B"}]})  # fmt: skip
    record = build_record(state, catalog, TODAY, first.session)
    imported = advisor.import_record(record)
    assert imported.state.requirements == {k: v for k, v in record.requirements.items() if k in record.stated}
    values = advisor.graph.get_state(advisor._config(imported.session)).values
    assert [run["model"] for run in values["trials"]] == ["gpt-4.1-mini"]
    assert [vote["winner"] for vote in values["votes"]] == ["gpt-4.1"]
    assert {e.action for e in imported.state.history} == {"stated"}
    assert "update" not in sources(advisor, imported.session)


def test_trial_runs_and_votes_reach_the_graph_state_on_the_next_turn(advisor):
    first = advisor.turn("coding assistant")
    advisor.record_trial(first.session, [{"model": "a", "run": 1, "ttft_ms": 12.5}])
    advisor.record_vote(first.session, {"models": ["a", "b"], "winner": "a", "vote": "A"})
    assert advisor.graph.get_state(advisor._config(first.session)).values["trials"] == []
    assert [run["model"] for run in advisor.state(first.session).trials] == ["a"]  # read with the session
    advisor.turn("5k requests a day", first.session)
    values = advisor.graph.get_state(advisor._config(first.session)).values
    assert [run["model"] for run in values["trials"]] == ["a"] and values["votes"][0]["winner"] == "a"
    advisor.record_trial(first.session, [{"model": "b", "run": 1}])
    assert [run["model"] for run in advisor.state(first.session).trials] == ["a", "b"]  # no row twice


# --- streaming --------------------------------------------------------------------------------------


def test_the_answer_streams_through_the_graph_a_line_at_a_time(advisor):
    pieces: list[str] = []
    first = advisor.turn("We need a customer support chatbot")
    result = advisor.turn("why not Claude?", first.session, pieces.append)
    assert "".join(pieces) == result.answer
    said = [m.content for m in result.state.messages[-2:]]  # the answer, then the question again
    assert len(pieces) == sum(len(text.split("\n")) for text in said)  # a piece a line, as each node says it
    assert all(piece.lstrip("\n").count("\n") <= 1 for piece in pieces)  # a new message starts with a blank line
    # (how soon the first piece arrives is measured in bench/bench_advisor.py, not timed here)


# --- older sessions ---------------------------------------------------------------------------------


def test_a_session_saved_when_the_state_lived_in_agent_state_loads_and_goes_on(catalog, tmp_path):
    path = tmp_path / "sessions.sqlite"
    shutil.copy(DATA / "sessions_saved_as_agent_state.sqlite", path)  # written by commit 8125956
    advisor = Advisor(AdvisorTools(catalog=catalog, today=TODAY), path)
    try:
        pending = next(s.id for s in advisor.sessions() if s.title == "We need a coding assistant")
        values = advisor.graph.get_state(advisor._config(pending)).values
        assert type(values["messages"][0]).__name__ == "ChatMessage"  # a type again, not a bare dict
        assert values["next_question"].field == "requests_per_day"
        result = advisor.turn("2", pending)  # the second choice: 10,000 a day
        assert result.state.requirements == {"task": "coding", "requests_per_day": 10_000}
    finally:
        advisor.close()


def test_a_statement_that_does_not_answer_keeps_the_question_and_one_with_nothing_in_it_takes_the_default(advisor):
    first = advisor.turn("a tool for our law firm")
    assert first.state.next_question.field == "task"
    other = advisor.turn("about 500 a day", first.session)
    assert other.state.requirements["requests_per_day"] == 500
    assert other.state.next_question.field == "task"  # still the question, asked again
    unread = advisor.turn("hmm, it is for the partners mostly", first.session)
    assert "I could not read an answer to “What will the model mainly do?”" in unread.answer
    assert "I assumed **general**" in unread.answer
    assert unread.state.history[-1].action == "default" and unread.state.next_question.field != "task"


def test_what_the_extractor_marks_inferred_is_recorded_as_inferred_with_its_words():
    """The extractor may mark fields it inferred (Extraction.inferred, names or names -> words)."""
    from agent.advisor.rules.extract import Extraction
    from agent.advisor.understand import _inferred, only_the_asked

    found = Extraction(fields={"task": "agent", "requests_per_day": 100.0},
                       evidence={"task": "drafts a reply", "requests_per_day": "100 a day"})  # fmt: skip
    found.inferred = {"task"}  # type: ignore[attr-defined]
    assert _inferred(found) == {"task": "drafts a reply"}
    found.inferred = {"task": "drafts a reply to support emails"}  # type: ignore[attr-defined]
    assert _inferred(found) == {"task": "drafts a reply to support emails"}
    kept = only_the_asked(found, "requests_per_day", "100 a day, it drafts a reply")
    assert kept.fields == {"task": "agent", "requests_per_day": 100.0} and _inferred(kept) == _inferred(found)


def test_an_answer_said_with_a_question_mark_is_still_an_answer(advisor):
    first = advisor.turn("We need a customer support chatbot")
    answered = advisor.turn("maybe 10k a day?", first.session)
    assert answered.state.requirements["requests_per_day"] == 10_000
    asked_back = advisor.turn("how many is typical?", answered.session)  # a question: nothing changes
    assert asked_back.state.requirements == answered.state.requirements


def test_a_yes_no_question_carrying_the_jobs_figures_states_them(advisor):
    """'Anything decent for ... 3 million messages a month for under $250?' is a request: its figures are
    requirements. A question about an idea with a figure in it stays a question."""
    asked = advisor.turn("Anything decent for a spam filter doing 3 million messages a month for under $250?")
    assert asked.state.requirements["requests_per_day"] == 100_000
    assert asked.state.requirements["budget_usd_month"] == 250
    nudged = advisor.turn("Could you make it work under a hundred and fifty dollars a month?", asked.session)
    assert nudged.state.requirements["budget_usd_month"] == 150
    before = dict(nudged.state.requirements)
    question = advisor.turn("Would routing save us money at 50k requests a day?", asked.session)
    assert question.state.requirements == before


def test_a_change_of_mind_with_its_reason_drops_what_it_names_and_what_depended_on_it(advisor):
    first = advisor.turn(
        "Tenant support chatbot, 1,500 requests a day, data must stay in the EU, we need HIPAA and SOC 2"
    )
    assert first.state.requirements["privacy"] == "region-locked"
    eu = advisor.turn("Actually, forget the EU thing - legal says it's fine.", first.session).state.requirements
    assert "regions" not in eu and eu.get("privacy", "none") != "region-locked"
    hipaa = advisor.turn("Scratch the HIPAA part, we won't send patient data.", first.session).state.requirements
    assert hipaa.get("compliance") == ["soc2"]
    assert hipaa["requests_per_day"] == 1_500  # nothing else moved


def test_new_votes_rank_the_session_again_at_once(advisor, catalog):
    """A trial's votes change the catalog (measured by you); the session's shortlist moves without
    another message, and later turns rank on the new catalog."""
    from catalog.measured import MeasuredRating, with_measured_quality

    first = advisor.turn("coding assistant, 20k requests a day")
    first = advisor.turn("just recommend", first.session)
    assert first.state.ranking
    before = [row["model"] for row in first.state.ranking["ranked"]]
    mini, full = "gpt-4.1-mini", "gpt-4.1"
    measured = with_measured_quality(catalog, {mini: MeasuredRating(1100, 1050, 1150, 20, "a"),
                                               full: MeasuredRating(900, 850, 950, 20, "a")})  # fmt: skip
    again = advisor.use_catalog(measured, first.session)
    assert again is not None and again.state.requirements == first.state.requirements
    reasons = {row.model: row.reasons for row in again.view.shortlist}
    assert any("measured by you" in reason for reasons_of in reasons.values() for reason in reasons_of)
    assert [row.model for row in again.view.shortlist] != before
    assert advisor.use_catalog(catalog) is None  # no session: only later turns change


def test_a_question_asked_beside_a_statement_is_answered_on_the_updated_figures(advisor):
    said = "We run 50k support chats a day on a $3,000 budget. Do we need tool calling? Would routing save us money?"
    result = advisor.turn(said)
    requirements = result.state.requirements
    assert requirements["requests_per_day"] == 50_000 and requirements["budget_usd_month"] == 3_000
    assert "tools" not in requirements.get("needs", [])  # asked about, not stated
    assert "Routing" in result.answer and "50,000 requests/day" in result.answer  # computed on this turn's volume
    assert result.state.then_ask is None  # answered once, not carried into the next turn
    graph = advisor.graph.get_graph()
    assert {edge.target for edge in graph.edges if edge.source == "follow_up"} == {"ask", "recommend"}


def test_a_message_with_no_question_beside_it_goes_straight_on(advisor):
    result = advisor.turn("We run 50k support chats a day.")
    assert result.state.then_ask is None
    assert "Routing" not in result.answer


def test_a_first_message_saying_what_is_not_required_still_gets_the_interview(advisor):
    result = advisor.turn("Fitness coaching chatbot, HIPAA is not required for us, about 30k messages a day.")
    assert result.state.requirements["requests_per_day"] == 30_000
    assert "hipaa" not in result.state.requirements.get("compliance", [])
    assert result.state.next_question is not None  # nothing was dropped, so nothing to re-rank at once


def test_a_comparison_asked_before_the_jobs_figures_reads_the_job_and_then_answers(advisor):
    """ "Is A or B better for this? <the job>" was a bare comparison that read nothing of the job."""
    said = ("Would gemini flash or gpt-4.1 mini be better for us? We transcribe nothing, it's a text helpdesk bot, "
            "roughly 8k tickets a day, replies about 120 words.")
    result = advisor.turn(said)
    requirements = result.state.requirements
    assert requirements["requests_per_day"] == 8_000 and requirements["output_tokens"] == 156
    assert "verdict" in result.answer.lower()  # the comparison was still answered, on these figures


def test_the_job_named_only_in_the_question_is_inferred_from_it(advisor):
    said = "Which model is strongest at summarising board minutes? Each set is about 30 pages; 15 sets a week."
    result = advisor.turn(said)
    assert result.state.requirements["task"] == "summarization"
    event = next(e for e in result.state.history if e.field == "task")
    assert event.action == "inferred" and "summarising" in event.evidence


@pytest.mark.parametrize(
    "question",
    [
        "Out of curiosity, could any of these models read PDFs with images directly?",
        "Half our team sits in Spain - does that mean GDPR forces EU hosting on us?",
        "If we ran llama ourselves, how much would we save versus the API?",
    ],
)
def test_a_question_that_opens_with_other_words_still_changes_nothing(advisor, question):
    first = advisor.turn(SUPPORT)
    after = advisor.turn(question, first.session)
    assert after.state.requirements == first.state.requirements


def test_a_yes_no_question_beside_the_figures_names_the_job_and_its_languages(advisor):
    said = "Could a model draft replies to tenants in Catalan as well as Spanish? We get about 400 emails a day."
    requirements = advisor.turn(said).state.requirements
    assert requirements["requests_per_day"] == 400
    assert {"catalan", "spanish"} <= set(requirements["languages"])


def test_a_definition_asked_beside_the_figures_names_no_job(advisor):
    requirements = advisor.turn("What is RAG? We have 50k support chats a day.").state.requirements
    assert requirements["task"] == "chat"  # from the statement, not "rag" from the question


def test_self_hosting_infers_open_weights_and_dropping_it_drops_them(advisor):
    first = advisor.turn("Internal chatbot, 3k questions a day, it has to run on our own servers on-prem.")
    assert first.state.requirements["privacy"] == "self-hosted"
    assert first.state.requirements["open_weights"] is True
    event = next(e for e in reversed(first.state.history) if e.field == "open_weights")
    assert event.action == "inferred" and "our own" in event.evidence
    after = advisor.turn("actually drop the on-prem requirement, a hosted API is fine", first.session)
    assert "open_weights" not in after.state.requirements and "privacy" not in after.state.requirements


def test_a_change_of_mind_keeps_what_its_other_words_state(advisor):
    first = advisor.turn("Code assistant for 80 devs, 40 requests each a day, it must run on our own servers.")
    said = "Legal approved an EU-hosted endpoint, so we don't strictly need our own servers. It has to stay in the EU."
    after = advisor.turn(said, first.session).state.requirements
    assert after["privacy"] == "region-locked" and after["regions"] == ["eu"]
    assert "open_weights" not in after  # it was inferred from the self-hosting that was dropped


def test_a_side_question_beside_an_unreadable_remark_keeps_the_interview_question(advisor):
    first = advisor.turn("Contract analysis tool, 40 contracts a day, budget $900 a month.")
    pending = first.state.next_question
    assert pending is not None
    after = advisor.turn("how much would routing save us? maybe half of them are easy", first.session)
    assert after.state.next_question is not None and after.state.next_question.field == pending.field
    assert "could not read an answer" not in after.answer  # no default taken for the pending question


def test_open_weights_inferred_from_self_hosting_go_when_the_hosting_changes_without_a_drop(advisor):
    first = advisor.turn("Internal chatbot, 3k questions a day, it has to run on our own servers on-prem.")
    assert first.state.requirements["open_weights"] is True
    after = advisor.turn("Update from legal: the data just has to stay in the EU.", first.session).state.requirements
    assert after["privacy"] == "region-locked" and "open_weights" not in after


def test_a_figure_out_of_every_bound_is_said_back_not_ranked_at_the_default(advisor):
    result = advisor.turn("Support chatbot, 999999999999999999 requests per second.")
    assert "requests_per_day" not in result.state.requirements
    assert "can't use requests/day = 8.64×10^22: it can be at most 10,000,000,000" in result.answer
    assert result.state.next_question is not None and result.state.next_question.field == "requests_per_day"


@pytest.mark.parametrize("said", ["Support chatbot, budget $-5 a month.", "Support chatbot; we can spend -$200/month."])
def test_a_negative_budget_is_said_back_not_read_as_a_positive_one(advisor, said):
    result = advisor.turn(said)
    assert "budget_usd_month" not in result.state.requirements
    assert "can't use budget $/month = -" in result.answer.lower()


def test_a_budget_range_is_not_a_negative_budget(advisor):
    result = advisor.turn("Support chatbot, budget $3k -$5k a month.")
    assert result.state.requirements["budget_usd_month"] > 0


@pytest.mark.parametrize(("reply", "budget"), [("900", 900), ("ok in dollars, say 750 a month", 750),
                                               ("24k a year", 2000), ("call it 1,500 USD", 1500)])  # fmt: skip
def test_a_bare_figure_answering_the_budget_question_is_the_budget_not_a_volume(advisor, reply, budget):
    first = advisor.turn("Internal helpdesk bot for our staff, 4k questions a day")
    assert first.state.next_question.field == "budget_usd_month"
    after = advisor.turn(reply, first.session).state.requirements
    assert after["budget_usd_month"] == pytest.approx(budget) and after["requests_per_day"] == 4000


def test_a_volume_said_in_its_own_words_still_answers_as_a_volume(advisor):
    first = advisor.turn("Internal helpdesk bot for our staff, 4k questions a day")
    after = advisor.turn("sorry, it's more like 300 requests a month", first.session).state.requirements
    assert after["requests_per_day"] == pytest.approx(10) and "budget_usd_month" not in after


@pytest.mark.parametrize(("reply", "regions"), [("uk", ["uk"]), ("AU only", ["au"]),
                                                ("Switzerland or EU", ["ch", "eu"])])  # fmt: skip
def test_a_place_given_as_the_whole_reply_is_where_the_data_may_go(advisor, reply, regions):
    first = advisor.turn("Internal helpdesk bot for our staff, 4k questions a day")
    after = advisor.turn(reply, first.session).state.requirements
    assert after["regions"] == regions and after["privacy"] == "region-locked"


def test_a_place_inside_a_sentence_about_people_is_no_data_region(advisor):
    first = advisor.turn("Internal helpdesk bot for our staff, 4k questions a day")
    assert "regions" not in advisor.turn("the uk team will use it most", first.session).state.requirements


def test_a_new_count_of_the_members_a_volume_multiplied_scales_it(advisor):
    first = advisor.turn("Coding assistant for our team; 12 devs, about 50 calls each a day.")
    assert first.state.requirements["requests_per_day"] == 600
    after = advisor.turn("oh and we're hiring, make it 20 devs", first.session).state
    assert after.requirements["requests_per_day"] == pytest.approx(1000)
    assert "now 20 devs (x 20/12)" in after.history[-1].evidence


def test_a_recount_in_another_word_for_the_members_scales_it_while_an_interview_question_waits(advisor):
    first = advisor.turn("Coding assistant for our 10 developers, each maybe 50 completions a day")
    second = advisor.turn("2", first.session)  # the code-size question: the budget one is asked next
    assert second.state.next_question is not None and second.state.next_question.field == "budget_usd_month"
    after = advisor.turn("make it 20 devs", second.session).state
    assert after.requirements["requests_per_day"] == pytest.approx(1000)
    assert "budget_usd_month" not in after.requirements  # no default was taken for the waiting question
    assert after.next_question is not None and after.next_question.field == "budget_usd_month"


def test_a_count_of_something_else_leaves_the_volume(advisor):
    first = advisor.turn("Coding assistant for our team; 12 devs, about 50 calls each a day.")
    assert advisor.turn("we have 3 offices", first.session).state.requirements["requests_per_day"] == 600


def test_a_second_recount_scales_from_the_latest_count(advisor):
    first = advisor.turn("Coding assistant for our team; 12 devs, about 50 calls each a day.")
    second = advisor.turn("make it 20 devs", first.session)
    assert advisor.turn("actually 30 devs by spring", second.session).state.requirements["requests_per_day"] == 1500


@pytest.mark.parametrize(
    ("value", "shown"),
    [(1142.857, "1,143"), (41_666.67, "41,667"), (21.43, "21.4"), (0.25, "0.25"), (3000.0, "3,000"), (True, "yes"),
     (0.0312, "0.031"), (0.00042, "0.00042")],
)
def test_a_requirement_reads_as_a_number_a_person_writes(value, shown):
    from agent.advisor.view import format_value
    from agent.record.wording import count  # the record's own import of catalog.display.count

    assert format_value(value) == shown  # "8k a week" once showed as 1.14e+03 requests/day in the panel
    if not isinstance(value, bool):
        assert count(value) == shown  # the record writes a figure as the panel shows it
