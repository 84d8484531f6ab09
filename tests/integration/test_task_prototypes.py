"""Nearest-prototype task classification with the packaged embedding model."""

from __future__ import annotations

import pytest

from agent.advisor.task_prototypes import PrototypeClassifier
from knowledge.embedding import load_embedder


@pytest.fixture(scope="module")
def classify():
    return PrototypeClassifier(load_embedder().encode)


@pytest.mark.parametrize(
    ("message", "task"),
    [
        ("help our reps answer buyers faster", "chat"),
        ("we want to turn emails into CRM records", "extraction"),
        ("our app lets people ask questions about their company wiki", "rag"),
        ("make our product copy sound nicer", "creative"),
    ],
)
def test_messages_without_keywords_get_the_nearest_task(classify, message, task):
    assert classify(message) == task


def test_unrelated_text_gets_no_task(classify):
    assert classify("weather today") is None
