"""'What is X?' opens with a sentence that defines X, picked from real course passages (the project's
chunker and BM25, as the advisor retrieves them), then the course's figures, every sentence cited."""

from __future__ import annotations

import re

import pytest

from agent.advisor import definitions
from agent.advisor.definitions import Passage, asked_term
from knowledge.documents import chunk_all, course_documents
from knowledge.lexical import LexicalIndex, terms


@pytest.fixture(scope="module")
def index() -> LexicalIndex:
    return LexicalIndex(chunk_all(course_documents()))


def retrieved(index: LexicalIndex, query: str, k: int) -> list[Passage]:
    return [Passage(chunk.doc_id, chunk.title, chunk.section, chunk.text) for chunk, _ in index.search(query, k)]


def ask(index: LexicalIndex, question: str) -> str:
    """As the graph does it: four passages for the question, the bare term searched when they fall short."""
    passages = retrieved(index, question, 4)
    return definitions.answer(question, passages, terms, lambda query: retrieved(index, query, 6)).text


def _plain(text: str) -> str:
    return re.sub(r"[\s\-]+", " ", text.lower()).replace("isation", "ization")


def defines(answer: str, term: str) -> bool:
    """The answer's first sentence has the term as its subject, then "is/are/means"."""
    first = answer.split("\n")[0]
    parts = re.split(r"\s(?:is|are|means)\s", first, maxsplit=1)
    if len(parts) < 2:
        return False
    subject = parts[0]
    return _plain(term).rstrip("s") in _plain(subject) and len(subject.split()) <= len(term.split()) + 6


# The issue's terms and more, asked the way people ask.
QUESTIONS = [
    ("What is TTFT?", "TTFT"), ("What is distillation?", "distillation"), ("what is quantization?", "quantization"),
    ("what's RAG?", "RAG"), ("What is routing?", "routing"), ("What is a cascade?", "cascade"),
    ("What is prompt caching?", "prompt caching"), ("What is a batch API?", "batch API"),
    ("What is a context window?", "context window"), ("What does tokens/s mean?", "tokens per second"),
    ("What is fine-tuning?", "fine-tuning"), ("What is LoRA?", "LoRA"), ("What is MoE?", "MoE"),
    ("What is p95 latency?", "p95 latency"), ("What is a hallucination?", "hallucination"),
    ("What is an eval?", "eval"), ("What is the Pareto frontier?", "Pareto frontier"),
    ("what is time to first token?", "time to first token"), ("What are open weights?", "open weight"),
    ("What is TCO?", "TCO"), ("What is a BAA?", "BAA"), ("What is shadow mode?", "shadow mode"),
    ("What is speculative decoding?", "speculative decoding"), ("What is a reasoning model?", "reasoning model"),
]  # fmt: skip


@pytest.mark.parametrize(("question", "term"), QUESTIONS)
def test_a_definition_comes_first_and_is_cited(index, question, term):
    answer = ask(index, question)
    assert defines(answer, term), answer
    first = answer.split("\n")[0]
    assert re.search(r"\[(?:course|guide|module)/[\w.\-]+\]$", first), first  # cited where it is said
    assert answer.rstrip().splitlines()[-1].startswith("Sources: [")


def test_ttft_gets_the_issue_definition_then_the_course_figures(index):
    answer = ask(index, "What is TTFT?")
    assert answer.startswith("TTFT (time to first token) is the time from sending a request to the first token")
    figures = answer.split("\n\n")[1]
    assert figures.startswith("From the course:") and "500 ms" in figures and "[course/3.3]" in figures


def test_distillation_is_defined_not_answered_with_latency_tips_or_a_postmortem(index):
    answer = ask(index, "What is distillation?")
    assert answer.startswith("Distillation is training a small model on a large model's outputs")
    assert "[module/2.2.3]" in answer.split("\n")[0]
    assert "postmortem" not in answer and "speculative decoding" not in answer.lower()


def test_a_term_the_course_never_defines_says_so_instead_of_pretending(index):
    answer = ask(index, "What is a flux capacitor?")
    assert answer.startswith("The course has no one-line definition of “flux capacitor”")


def test_other_questions_still_get_the_passages_that_match_them(index):
    question = "how do I pick a model for a regulated bank?"
    answer = ask(index, question)
    assert asked_term(question) is None
    assert not answer.startswith("The course has no") and "[" in answer.split("\n")[0]


@pytest.mark.parametrize(
    ("question", "term"),
    [("sorry, what does TTFT stand for?", "TTFT"), ("ok so what exactly is RAG", "RAG"),
     ("mixture of experts - what is that?", "mixture of experts"), ("Define LoRA", "LoRA"),
     ("what's an eval in this context?", "eval"), ("what is a context window and why does it matter?",
                                                   "context window"),
     ("never heard of speculative decoding, what is it?", "speculative decoding"),
     ("what do you mean by p95 latency", "p95 latency"), ("Explain the Pareto frontier", "Pareto frontier"),
     ("What's a batch API exactly?", "batch API")],
)  # fmt: skip
def test_the_asked_term_is_read_from_varied_wording(question, term):
    assert asked_term(question) == term


@pytest.mark.parametrize(
    "question", ["What if we double the volume?", "what about gpt-4.1?", "why not claude?", "what is it?"]
)
def test_questions_that_are_not_about_a_term_ask_no_term(question):
    assert asked_term(question) is None


@pytest.mark.parametrize(
    ("question", "subject"),
    [("What is RAG?", "retrieval augmented generation (rag)"), ("What is HIPAA?", "hipaa"),
     ("What are open weights?", "open weight models"), ("What is self-hosting?", "self hosting")],
)  # fmt: skip
def test_a_definition_question_naming_a_requirement_is_answered_and_sets_nothing(catalog, tmp_path, question, subject):
    from agent.advisor.nodes import AdvisorTools
    from agent.advisor.sessions import Advisor
    from knowledge.base import KnowledgeBase
    from tests.conftest import TODAY

    knowledge = KnowledgeBase(tmp_path / "index")  # BM25 over the course: no model needed
    tools = AdvisorTools(catalog=catalog, today=TODAY, terms=terms, search=lambda q, k: knowledge.search(q, k=k))
    advisor = Advisor(tools, tmp_path / "sessions.sqlite")
    try:
        first = advisor.turn("Support chatbot for our shop, 20k chats a day")
        result = advisor.turn(question, first.session)
        assert _plain(result.answer.split(" is ")[0].split(" are ")[0]) == subject, result.answer
        assert result.as_json()["requirements"] == first.as_json()["requirements"]
    finally:
        advisor.close()


@pytest.mark.parametrize("message", ["What is a good model for coding?", "what's the best model for 50k chats a day?"])
def test_asking_which_model_fits_is_not_a_definition_question(message):
    assert not definitions.asks_definition(message)


def test_after_a_recommendation_the_definition_is_tied_to_the_top_pick(catalog, tmp_path):
    from agent.advisor.nodes import AdvisorTools
    from agent.advisor.sessions import Advisor
    from knowledge.base import KnowledgeBase
    from tests.conftest import TODAY

    knowledge = KnowledgeBase(tmp_path / "index")
    tools = AdvisorTools(catalog=catalog, today=TODAY, terms=terms, search=lambda q, k: knowledge.search(q, k=k))
    advisor = Advisor(tools, tmp_path / "sessions.sqlite")
    try:
        first = advisor.turn("Support chatbot, 50k chats a day, answers within 1 second, $5,000 a month, not sensitive")
        while first.state.next_question is not None:
            first = advisor.turn("skip", first.session)
        top = first.as_json()["ranked"][0]
        ttft = advisor.turn("What is TTFT?", first.session).answer
        assert ttft.startswith("TTFT (time to first token) is")
        assert (f"For you: your top pick, {top['model']}, takes about {top['ttft_ms']:,.0f} ms to its first token, "
                "against your 1,000 ms target.") in ttft  # fmt: skip
        caching = advisor.turn("What is prompt caching?", first.session).answer
        assert "For you: ask “how much would caching save us?”" in caching
    finally:
        advisor.close()


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [("It costs $2 per million.", True), ("Savings of 40–70% are typical.", True), ("TTFT under 500 ms.", True),
     ("Ten to 20 times cheaper.", True), ("Use deterministic settings (temperature 0).", False),
     ("Latency percentiles (p50, p95, p99) and timeout rates.", False)],
)  # fmt: skip
def test_a_figure_is_a_number_with_what_it_counts(sentence, figure):
    assert bool(definitions.FIGURE.search(sentence)) is figure


@pytest.mark.parametrize(("question", "term"), [
    ("someone from procurement keeps saying we need a 'BAA' with the vendor, what is that?", "BAA"),
    ("our CTO mentioned MoE models - what does that mean?", "MoE"),
    ("a blog post said to use “prompt caching”... what is it exactly?", "prompt caching"),
])  # fmt: skip
def test_a_term_named_before_what_is_that_is_the_one_defined(index, question, term):
    assert definitions.asked_term(question) == term
    assert definitions.asks_definition(question)
    assert term.lower() in ask(index, question).split(".")[0].lower()


@pytest.mark.parametrize("question", ["what is that?", "so what is it?"])
def test_what_is_that_with_no_term_before_names_none(question):
    assert definitions.asked_term(question) is None


@pytest.mark.parametrize(("question", "first", "second"), [
    ("so what's actually the difference between no-training and self-hosted?", "no-training", "self-hosted"),
    ("difference between RAG and fine-tuning?", "RAG", "fine-tuning"),
])  # fmt: skip
def test_the_difference_between_two_terms_defines_each_in_turn(index, question, first, second):
    text = ask(index, question)
    assert text.startswith(f"**{first}**: ") and f"\n\n**{second}**: " in text
    second_opening = text.split(f"**{second}**: ", 1)[1].split(".")[0].lower()
    assert second[:8].lower() in second_opening and " is " in second_opening  # "Self-hosting is running a model..."
