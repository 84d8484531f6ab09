"""Nearest-prototype task classification with the sentence embedder, for messages no keyword rule
recognises ("help our reps answer buyers faster" -> chat)."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

PROTOTYPES: dict[str, tuple[str, ...]] = {
    "chat": ("a chatbot that answers our customers", "help our support reps reply to buyers",
             "a conversational assistant on our website"),
    "coding": ("help developers write and fix software", "generate code and review pull requests",
               "complete code in the editor"),
    "reasoning": ("solve maths problems and logic puzzles", "work through multi-step calculations"),
    "creative": ("write stories, marketing copy and blog posts", "draft creative text in our brand voice"),
    "document-analysis": ("read long contracts and reports and answer questions about them",
                          "analyse regulatory filings and medical records"),
    "classification": ("sort incoming items into categories", "label messages by intent or sentiment",
                       "decide which team should handle a ticket"),
    "extraction": ("pull fields out of invoices into a database", "turn unstructured text into structured records"),
    "vision": ("understand photos and screenshots", "inspect images from cameras"),
    "summarization": ("condense long texts into short summaries", "write a digest of meetings and threads"),
    "rag": ("answer questions from our internal knowledge base", "search company documents and cite them"),
    "agent": ("take actions by calling our APIs and tools", "automate multi-step workflows on its own"),
}  # fmt: skip
MIN_SIMILARITY = 0.35


def _cosine(a: Sequence[float], b: Sequence[float]) -> float:
    dot = sum(x * y for x, y in zip(a, b, strict=True))
    norm = math.sqrt(sum(x * x for x in a)) * math.sqrt(sum(y * y for y in b))
    return dot / norm if norm else 0.0


class PrototypeClassifier:
    """Embeds the prototypes once; each message then costs one embedding."""

    def __init__(self, embed: Callable[[Sequence[str]], list[list[float]]]) -> None:
        self._embed = embed
        labels = [(task, text) for task, texts in PROTOTYPES.items() for text in texts]
        vectors = embed([text for _, text in labels])
        self._prototypes = [(task, vector) for (task, _), vector in zip(labels, vectors, strict=True)]

    def __call__(self, message: str) -> str | None:
        vector = self._embed([message])[0]
        task, score = max(((t, _cosine(vector, v)) for t, v in self._prototypes), key=lambda item: item[1])
        return task if score >= MIN_SIMILARITY else None
