"""Units of size and what one request's sizes look like: a quantity with a unit, and the tokens it
stands for by a stated convention (each one used is written into the notes as an assumption)."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

TOKENS_PER = {"page": 600.0, "word": 1.3, "line": 10.0, "passage": 300.0, "paragraph": 120.0,
              "sentence": 25.0, "bullet": 25.0, "character": 0.25}  # fmt: skip
UNIT_WORDS = {"page": "a page", "word": "a word", "line": "a line of code", "passage": "a retrieved passage",
              "paragraph": "a paragraph", "sentence": "a short sentence", "bullet": "a bullet point",
              "character": "a character"}  # fmt: skip
QUESTION_TOKENS = 25  # a user's message in a conversation: a short sentence


@dataclass
class Mention:
    amount: float
    unit: str  # token, page, word, line, passage, paragraph, sentence, bullet, turn, character
    words: str
    role: str | None
    noun: str = ""
    start: int = 0
    upper_bound: bool = False
    bare: bool = False  # "output maybe 400": no unit, read as tokens
    items: float = 1.0  # how many items the amount covers: "two contracts, each 8-12 pages" is 2
    items_words: str = ""  # the words that count them: "two contracts"
    most: float | None = None  # a range's high end, in the amount's terms: "40-80 pages" reads 60, at most 80


@dataclass
class Sizes:
    """What the words say about one request; empty when they say nothing."""

    parts: dict[str, int] = field(default_factory=dict)
    total: int | None = None
    output: int | None = None
    context: int | None = None
    turns: float | None = None
    notes: dict[str, str] = field(default_factory=dict)
    evidence: dict[str, str] = field(default_factory=dict)

    @property
    def input_tokens(self) -> int | None:
        return self.total if self.total is not None else (sum(self.parts.values()) if self.parts else None)


def tokens_of(mention: Mention) -> tuple[int, str]:
    """Tokens for one size, and the rule in words."""
    if mention.unit == "token":
        return int(mention.amount), f"stated: {mention.words}"
    per = TOKENS_PER[mention.unit]
    tokens = max(1, math.ceil(mention.amount * per - 1e-9))
    each = mention.amount / mention.items
    count = f"{each:,g} {mention.unit}{'s' if each != 1 else ''}"
    if mention.items != 1:
        count = f"{mention.items:g} ({mention.items_words}) x {count}"
    return tokens, f"{count} x ~{per:g} tokens {UNIT_WORDS[mention.unit]} (assumption)"


SENTENCE_REACH = 600  # no sentence is longer; bounding the search keeps long messages fast


def sentence_start(text: str, at: int) -> int:
    floor = max(0, at - SENTENCE_REACH)
    cut = max(text.rfind(mark, floor, at) for mark in (". ", "; ", "! ", "? ", "\n"))
    return cut + 1 if cut >= 0 else floor


def sentence_bounds(text: str, at: int, semicolons: bool = False) -> tuple[int, int]:
    """Where the sentence around `at` starts and ends (a semicolon ends it only with `semicolons`)."""
    floor, ceiling = max(0, at - SENTENCE_REACH), min(len(text), at + SENTENCE_REACH)
    marks = (". ", "! ", "? ", "\n", "; ") if semicolons else (". ", "! ", "? ", "\n")
    start = max(text.rfind(mark, floor, at) for mark in marks)
    ends = [i for i in (text.find(mark, at, ceiling) for mark in marks) if i >= 0]
    return (start + 1 if start >= 0 else floor), min(ends) if ends else ceiling
