"""Retrieval quality on a question set: recall@k and MRR.

A hit is any top-k chunk that belongs to one of the question's acceptable document ids.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from knowledge.retrieval import SearchResult


@dataclass(frozen=True, slots=True)
class Question:
    text: str
    ids: frozenset[str]


@dataclass(frozen=True, slots=True)
class RetrievalScores:
    questions: int
    recall_at_1: float
    recall_at_5: float
    mrr: float
    misses: tuple[str, ...]


def load_questions(path: Path) -> list[Question]:
    questions = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            row = json.loads(line)
            if not row.get("q") or not row.get("ids"):
                raise ValueError(f"{path}:{number}: each line needs 'q' and a non-empty 'ids' list")
            questions.append(Question(row["q"], frozenset(row["ids"])))
    return questions


def first_hit_rank(results: Sequence[SearchResult], acceptable: frozenset[str]) -> int | None:
    for rank, result in enumerate(results, 1):
        if result.id in acceptable:
            return rank
    return None


def evaluate(questions: Sequence[Question], search: Callable[[str], Sequence[SearchResult]]) -> RetrievalScores:
    """`search` returns at least five results per question, best first."""
    ranks = [first_hit_rank(search(q.text), q.ids) for q in questions]
    n = len(questions)
    return RetrievalScores(
        questions=n,
        recall_at_1=sum(1 for r in ranks if r == 1) / n,
        recall_at_5=sum(1 for r in ranks if r is not None and r <= 5) / n,
        mrr=sum(1 / r for r in ranks if r is not None) / n,
        misses=tuple(q.text for q, r in zip(questions, ranks, strict=True) if r is None or r > 5),
    )
