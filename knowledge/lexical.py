"""BM25 over chunk texts (bm25s, with Snowball stemming): answers at once, no model needed."""

from __future__ import annotations

from collections.abc import Sequence

import bm25s
import snowballstemmer

from knowledge.documents import Chunk

_STEMMER = snowballstemmer.stemmer("english")


def _tokens(texts: Sequence[str]) -> list[list[str]]:
    tokenized = bm25s.tokenize(list(texts), stopwords="en", stemmer=_STEMMER, return_ids=False, show_progress=False)
    return [list(tokens) for tokens in tokenized]


def terms(text: str) -> list[str]:
    """The stemmed, stop-word-free terms BM25 sees in a text."""
    return _tokens([text])[0]


class LexicalIndex:
    """An in-memory BM25 index over chunks; built in milliseconds at start-up."""

    def __init__(self, chunks: Sequence[Chunk]) -> None:
        self.chunks = list(chunks)
        self._bm25 = bm25s.BM25()
        if self.chunks:
            self._bm25.index(_tokens([chunk.text for chunk in self.chunks]), show_progress=False)

    def search(self, query: str, k: int) -> list[tuple[Chunk, float]]:
        tokens = _tokens([query])[0]
        if not self.chunks or not tokens:
            return []
        k = min(k, len(self.chunks))
        ids, scores = self._bm25.retrieve([tokens], k=k, show_progress=False)
        return [(self.chunks[int(i)], float(s)) for i, s in zip(ids[0], scores[0], strict=True) if s > 0]
