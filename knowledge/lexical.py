"""BM25 over chunk texts (bm25s, with Snowball stemming): answers at once, no model needed."""

from __future__ import annotations

import threading
from collections.abc import Sequence

import bm25s
import snowballstemmer

from knowledge.documents import Chunk

_STEMMER = snowballstemmer.stemmer("english")


# Stemming is most of an index build; the course's passages are stemmed once per process, so a
# rebuild after the user adds files (or a second knowledge base) only stems what is new.
_STEMMED: dict[str, list[str]] = {}
_STEMMED_MAX = 20_000
_STEMMED_LOCK = threading.Lock()  # indexes are built in workers


def _tokens(texts: Sequence[str]) -> list[list[str]]:
    tokenized = bm25s.tokenize(list(texts), stopwords="en", stemmer=_STEMMER, return_ids=False, show_progress=False)
    return [list(tokens) for tokens in tokenized]


def _indexed_tokens(texts: Sequence[str]) -> list[list[str]]:
    with _STEMMED_LOCK:
        new = [text for text in dict.fromkeys(texts) if text not in _STEMMED]
        if len(_STEMMED) + len(new) > _STEMMED_MAX:
            _STEMMED.clear()
            new = list(dict.fromkeys(texts))
        if new:
            _STEMMED.update(zip(new, _tokens(new), strict=True))
        return [list(_STEMMED[text]) for text in texts]


def terms(text: str) -> list[str]:
    """The stemmed, stop-word-free terms BM25 sees in a text."""
    return _tokens([text])[0]


class LexicalIndex:
    """An in-memory BM25 index over chunks; built in milliseconds at start-up."""

    def __init__(self, chunks: Sequence[Chunk]) -> None:
        self.chunks = list(chunks)
        self._bm25 = bm25s.BM25()
        if self.chunks:
            self._bm25.index(_indexed_tokens([chunk.text for chunk in self.chunks]), show_progress=False)

    def search(self, query: str, k: int) -> list[tuple[Chunk, float]]:
        tokens = _tokens([query])[0]
        if not self.chunks or not tokens:
            return []
        k = min(k, len(self.chunks))
        ids, scores = self._bm25.retrieve([tokens], k=k, show_progress=False)
        return [(self.chunks[int(i)], float(s)) for i, s in zip(ids[0], scores[0], strict=True) if s > 0]
