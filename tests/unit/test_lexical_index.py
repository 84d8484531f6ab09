"""The BM25 index stems each passage once per process: a rebuilt index must rank as a fresh one and
find the passages that are new to it."""

from __future__ import annotations

from knowledge.documents import Chunk, course_chunks
from knowledge.lexical import LexicalIndex

QUERY = "time to first token streaming"


def ranked(index: LexicalIndex, query: str) -> list[tuple[str, float]]:
    return [(chunk.id, round(score, 9)) for chunk, score in index.search(query, 5)]


def test_a_rebuilt_index_ranks_as_the_first_and_finds_a_new_passage():
    course = list(course_chunks())
    first = ranked(LexicalIndex(course), QUERY)
    note = Chunk(id="user/notes::overview", doc_id="user/notes", title="Notes", section="Overview",
                 text="Notes — Overview\nOur quokkas answer tickets overnight", source="notes.md")  # fmt: skip
    with_note = LexicalIndex([*course, note])
    assert with_note.search("quokka", 3)[0][0].id == note.id  # stemmed like the query: quokkas -> quokka
    assert ranked(LexicalIndex(course), QUERY) == first and first
    assert [doc for doc, _ in ranked(with_note, QUERY)] == [doc for doc, _ in first]
