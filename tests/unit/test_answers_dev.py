"""The answers dev set (tests/data/answers_dev.jsonl): fresh questions in varied wording that must get
a definition first, or a saving computed at the session's workload, opening with its dollar figure."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from agent.advisor import definitions, economics
from agent.advisor.definitions import Passage
from catalog.requirements import Requirements
from catalog.scoring import rank
from knowledge.documents import chunk_all, course_documents
from knowledge.lexical import LexicalIndex, terms
from tests.conftest import TODAY

ROWS = [
    json.loads(line) for line in (Path(__file__).parents[1] / "data" / "answers_dev.jsonl").read_text().splitlines()
]
DEFINITIONS = [row for row in ROWS if row["kind"] == "definition"]
SAVINGS = [row for row in ROWS if row["kind"] == "saving"]
SESSION = Requirements(task="chat", requests_per_day=50_000, input_tokens=1_500, output_tokens=300)


@pytest.fixture(scope="module")
def index() -> LexicalIndex:
    return LexicalIndex(chunk_all(course_documents()))


def _search(index: LexicalIndex, query: str, k: int) -> list[Passage]:
    return [Passage(chunk.doc_id, chunk.title, chunk.section, chunk.text) for chunk, _ in index.search(query, k)]


def _defines(answer: str, term: str) -> bool:
    subject = re.split(r"\s(?:is|are|means)\s", answer.split("\n")[0], maxsplit=1)[0]
    plain = [re.sub(r"[\s\-]+", " ", t.lower()).replace("isation", "ization").rstrip("s") for t in (term, subject)]
    return plain[0] in plain[1] and subject != answer.split("\n")[0]


def test_the_dev_set_is_big_enough_and_varied():
    assert len(DEFINITIONS) >= 15 and len(SAVINGS) >= 10
    assert len({row["text"].split()[0].lower() for row in ROWS}) >= 10  # not one template


def test_dev_set_definitions_come_first(index):
    defined = []
    for row in DEFINITIONS:
        reply = definitions.answer(row["text"], _search(index, row["text"], 4), terms, lambda q: _search(index, q, 6))
        defined.append(_defines(reply.text, row["term"]))
    missed = [row["text"] for row, ok in zip(DEFINITIONS, defined, strict=True) if not ok]
    assert len(missed) <= 1, missed


def test_dev_set_savings_are_recognised_and_open_with_a_figure(catalog):
    ranking = rank(catalog, SESSION, TODAY)
    missed = []
    for row in SAVINGS:
        kind = economics.topic(row["text"])
        first = economics.answer(kind, catalog, ranking, {"task", "requests_per_day"}).split("\n")[0] if kind else ""
        if kind != row["topic"] or not re.search(r"\$[\d,]+(?:\.\d+)?/month", first):
            missed.append((row["text"], kind, first[:80]))
    assert len(missed) <= 1, missed
