"""Hybrid retrieval: BM25 and dense results fused by reciprocal rank, each with its citation."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from knowledge.documents import Chunk
from knowledge.lexical import LexicalIndex
from knowledge.store import DenseHit

RRF_K = 60
CANDIDATES = 30
Mode = Literal["hybrid", "lexical", "dense"]


@dataclass(frozen=True, slots=True)
class SearchResult:
    """A passage with its citation: document id, title and section."""

    id: str
    chunk_id: str
    title: str
    section: str
    text: str
    score: float
    source: str
    mode: str

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "section": self.section,
            "text": self.text,
            "score": round(self.score, 6),
            "source": self.source,
        }


@dataclass(frozen=True, slots=True)
class Filters:
    source: str | None = None
    chapter: int | None = None

    def accepts(self, source: str, chapter: int | None) -> bool:
        return (self.source is None or source == self.source) and (self.chapter is None or chapter == self.chapter)

    def where(self) -> dict[str, Any] | None:
        clauses: list[dict[str, Any]] = []
        if self.source is not None:
            clauses.append({"source": self.source})
        if self.chapter is not None:
            clauses.append({"chapter": self.chapter})
        if not clauses:
            return None
        return clauses[0] if len(clauses) == 1 else {"$and": clauses}


def _result_from_chunk(chunk: Chunk, score: float, mode: str) -> SearchResult:
    return SearchResult(
        id=chunk.doc_id,
        chunk_id=chunk.id,
        title=chunk.title,
        section=chunk.section,
        text=chunk.text,
        score=score,
        source=chunk.source,
        mode=mode,
    )


def _result_from_hit(hit: DenseHit, score: float, mode: str) -> SearchResult:
    meta = hit.metadata
    return SearchResult(
        id=str(meta.get("doc_id", hit.chunk_id)),
        chunk_id=hit.chunk_id,
        title=str(meta.get("title", "")),
        section=str(meta.get("section", "")),
        text=hit.text,
        score=score,
        source=str(meta.get("source", "")),
        mode=mode,
    )


DenseSearch = Callable[[str, int, Filters], Sequence[DenseHit]]


def fuse(lexical: Sequence[tuple[Chunk, float]], dense: Sequence[DenseHit], k: int) -> list[SearchResult]:
    """Reciprocal rank fusion: each list contributes 1 / (60 + rank) per passage."""
    scores: dict[str, float] = {}
    results: dict[str, SearchResult] = {}
    for rank, (chunk, _) in enumerate(lexical, 1):
        scores[chunk.id] = scores.get(chunk.id, 0.0) + 1 / (RRF_K + rank)
        results[chunk.id] = _result_from_chunk(chunk, 0.0, "hybrid")
    for rank, hit in enumerate(dense, 1):
        scores[hit.chunk_id] = scores.get(hit.chunk_id, 0.0) + 1 / (RRF_K + rank)
        results.setdefault(hit.chunk_id, _result_from_hit(hit, 0.0, "hybrid"))
    ordered = sorted(scores, key=lambda cid: (-scores[cid], cid))[:k]
    return [_with_score(results[cid], scores[cid]) for cid in ordered]


def _with_score(result: SearchResult, score: float) -> SearchResult:
    return dataclasses.replace(result, score=score)


def search(
    query: str,
    lexical_index: LexicalIndex,
    dense_search: DenseSearch | None,
    k: int = 5,
    filters: Filters | None = None,
    mode: Mode = "hybrid",
) -> list[SearchResult]:
    """Top-k passages. Without a dense searcher (model still loading) BM25 answers alone."""
    filters = filters or Filters()
    lexical: list[tuple[Chunk, float]] = []
    if mode != "dense":
        lexical = [
            (chunk, score)
            for chunk, score in lexical_index.search(query, CANDIDATES * 3)
            if filters.accepts(chunk.source, chunk.chapter)
        ][:CANDIDATES]
    if mode == "lexical" or dense_search is None:
        return [_result_from_chunk(chunk, score, "lexical") for chunk, score in lexical[:k]]
    dense = list(dense_search(query, CANDIDATES, filters))
    if mode == "dense":
        return [_result_from_hit(hit, 1 - hit.distance, "dense") for hit in dense[:k]]
    return fuse(lexical, dense, k)
