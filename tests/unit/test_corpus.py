"""The course corpus: every id SPEC §2 lists, with front matter, and substance rather than titles."""

from __future__ import annotations

import re

from knowledge.documents import chunk_all, course_documents

GUIDE_SLUGS = [
    "language-models",
    "vision-models",
    "multimodal-models",
    "specialized-models",
    "task-requirements",
    "performance-metrics",
    "cost-considerations",
    "latency-requirements",
    "scale-requirements",
    "gpt-family",
    "claude",
    "gemini",
    "open-source-models",
    "feature-matrix",
    "use-case-fit",
    "trade-offs",
    "decision-tree",
    "proof-of-concept",
    "benchmarking",
    "when-to-migrate",
    "migration-strategy",
    "technical-migration-challenges",
    "data-migration",
    "monitoring-during-migration",
    "rollback-plan",
    "post-migration",
    "multi-model-architecture",
]
EXPECTED_IDS = (
    {f"course/{c}.{lesson}" for c in range(1, 8) for lesson in range(1, 8)}
    | {f"guide/{slug}" for slug in GUIDE_SLUGS}
    | {"module/2.2.1", "module/2.2.2", "module/2.2.3"}
)


def test_every_spec_id_has_exactly_one_document():
    ids = [doc.id for doc in course_documents()]
    assert len(ids) == len(set(ids)) == 79
    assert set(ids) == EXPECTED_IDS


def test_front_matter_is_complete_and_consistent():
    for doc in course_documents():
        assert doc.title and doc.source in ("course", "guide", "module")
        assert doc.id.startswith(doc.source + "/")
        assert doc.chapter is not None and doc.lesson is not None
        if doc.source == "course":
            assert doc.id == f"course/{doc.chapter}.{doc.lesson}"


def test_no_document_is_a_restated_title():
    for doc in course_documents():
        words = len(re.findall(r"\w+", doc.body))
        assert words >= 150, f"{doc.id} has only {words} words"
        assert doc.body.count("\n## ") >= 2, f"{doc.id} needs sections (rules, example...)"


def test_course_figures_carry_over():
    text = {doc.id: doc.body for doc in course_documents()}
    assert "2-3" in text["course/1.4"] or "two to three times" in text["course/1.4"]
    assert "70%" in text["course/3.7"]
    assert "40–70%" in text["course/5.4"] and "80%" in text["course/5.4"]
    assert "50%" in text["course/5.5"]
    assert "60–80%" in text["module/2.2.2"]
    assert "$10K–$50K" in text["module/2.2.3"]
    assert "5–10 million" in text["guide/trade-offs"]


def test_chunks_carry_citations_and_unique_ids():
    chunks = chunk_all(course_documents())
    assert len({c.id for c in chunks}) == len(chunks)
    for chunk in chunks:
        assert chunk.doc_id and chunk.title and chunk.section
        assert chunk.text.startswith(chunk.title)
        assert len(chunk.text) <= 2_000
