"""The advisor model writing the answer: the tools' results and the passages in, its tokens out as
they arrive, each piece checked before anyone sees it. Every number still comes from the tools: a
figure the model writes that they did not compute ends its answer, and the offline one stands."""

from __future__ import annotations

import json
import queue
import re
import threading
import time
from collections.abc import Iterator
from typing import Any

from agent.advisor.llm import LLMBrain, LLMUnavailable, _within

WRITE_PROMPT = (
    "You write the answer of an advisor that helps a developer choose an AI model. Answer the question "
    "first, in plain prose for this user, then give the figures that support it. Use only the facts and "
    "the draft answer you are given: every number you write must appear in them exactly as written "
    "there; never compute, round or estimate a new one. Keep the draft's citations such as [course/3.3]. "
    "At most 180 words, Markdown allowed, no preamble."
)
MAX_ANSWER_CHARS = 4_000
_FIGURE = re.compile(r"\d[\d,]*(?:\.\d+)?")
_TRAILING_FIGURE = re.compile(r"[\d.,]*$")
_ALLOWED_CONTROLS = {"\n", "\t"}
_MONEY = {"$", "€", "£"}
_END = object()


def figures(text: str) -> set[float]:
    """Every number in the text, also as thousands and millions ("50,000" allows "50k")."""
    values = set()
    for match in _FIGURE.finditer(text):
        value = _value(match.group(0))
        if value is not None:
            values |= {value, value / 1_000, value / 1_000_000}
    return values


def _value(figure: str) -> float | None:
    try:
        return float(figure.rstrip(".,").replace(",", ""))
    except ValueError:
        return None


class AnswerCheck:
    """The model's answer checked as it streams: plain text (no control characters), bounded in
    length, and every figure one the tools computed (small counts such as "2 models" aside; never a
    sum of money or a percentage). A figure is held back until it is complete, so nothing unchecked
    is ever shown."""

    def __init__(self, allowed: set[float]) -> None:
        self.allowed = allowed
        self.held = ""
        self.shown = 0
        self.before = ""  # the character shown just before `ready`, for a "$" in front of a figure

    def feed(self, token: str) -> str:
        if any(not ch.isprintable() and ch not in _ALLOWED_CONTROLS for ch in token):
            raise LLMUnavailable("the advisor model wrote control characters")
        text = self.held + token
        cut = len(text) - len(_TRAILING_FIGURE.search(text).group(0))  # type: ignore[union-attr]
        ready, self.held = text[:cut], text[cut:]
        return self._checked(ready)

    def finish(self) -> str:
        ready, self.held = self.held, ""
        return self._checked(ready)

    def _checked(self, ready: str) -> str:
        self.shown += len(ready)
        if self.shown > MAX_ANSWER_CHARS:
            raise LLMUnavailable(f"the advisor model's answer ran past {MAX_ANSWER_CHARS:,} characters")
        context = self.before + ready
        for match in _FIGURE.finditer(ready):
            value = _value(match.group(0))
            start = match.start() + len(self.before)
            money_or_share = context[start - 1 : start] in _MONEY or ready[match.end() : match.end() + 1] == "%"
            count = value is not None and value <= 10 and not money_or_share
            if value is not None and not count and not any(abs(value - a) <= 1e-9 * max(1, a) for a in self.allowed):
                raise LLMUnavailable(f"the advisor model wrote a figure the tools did not compute ({match.group(0)})")
        self.before = context[-1:]
        return ready


def _tokens(stream: Any, model: str, first: float, seconds: float) -> Iterator[str]:
    """The stream's tokens, read on a worker thread so a wait longer than `first` for the first token,
    or a silence longer than `seconds` between two, ends it here instead of blocking the turn."""
    tokens: queue.Queue[Any] = queue.Queue()
    stop = threading.Event()

    def read() -> None:
        try:
            for chunk in stream:
                if stop.is_set():
                    break
                choices = getattr(chunk, "choices", None) or []
                tokens.put((choices[0].delta.content or "") if choices else "")
        except Exception as exc:
            tokens.put(exc)
        tokens.put(_END)

    threading.Thread(target=read, name="llm-writer", daemon=True).start()
    wait = first
    try:
        while True:
            try:
                item = tokens.get(timeout=wait)
            except queue.Empty:
                raise LLMUnavailable(f"{model} went quiet for {wait:.1f} s") from None
            wait = seconds
            if item is _END:
                return
            if isinstance(item, Exception):
                raise LLMUnavailable(f"{model} failed ({item.__class__.__name__})")
            yield item
    finally:
        stop.set()  # the reader stops at its next chunk rather than draining a flood


def write_answer(brain: LLMBrain, question: str, facts: dict[str, Any], draft: str) -> Iterator[str]:
    """The answer in the model's words, piece by piece as its tokens arrive, each piece checked
    (AnswerCheck) before it is yielded; LLMUnavailable on any failure, a silence over the deadline
    (at most 10 s) included."""
    known = json.dumps(facts, ensure_ascii=False, default=str)
    messages = [
        {"role": "system", "content": WRITE_PROMPT},
        {"role": "user", "content": f"Question: {question}\nFacts (JSON): {known}\nDraft answer:\n{draft}"},
    ]
    started = time.monotonic()
    call, deadline = brain.completion(messages, max_tokens=400, stream=True)
    stream = _within(call, deadline, brain.model)
    check = AnswerCheck(figures(f"{question}\n{known}\n{draft}"))
    wrote = False
    first = max(0.1, deadline - (time.monotonic() - started))  # the first token within the deadline
    for token in _tokens(stream, brain.model, first, deadline):
        if piece := check.feed(token):
            wrote = wrote or bool(piece.strip())
            yield piece
    if piece := check.finish():
        wrote = wrote or bool(piece.strip())
        yield piece
    if not wrote:
        raise LLMUnavailable(f"{brain.model} wrote an empty answer")
