"""How parts of a request become tokens: retrieved passages (a count times a size) and the history of a
conversation (its turns), and the words that state a size. Used by agent/extract_sizes.py."""

from __future__ import annotations

import re

from agent.advisor.rules.size_units import QUESTION_TOKENS, TOKENS_PER, Mention, Sizes, sentence_start, tokens_of

DEFAULT_ANSWER_TOKENS = 300  # Requirements' default output


_CLAUSE_BREAK = re.compile(r"[.;,:!?(](?:\s|$)|\s(?:and|but|while|whereas|plus)\s|\s?\+\s?")


def clause(text: str, mention: Mention) -> str:
    """The words that state a size: from the clause's start (at most ~40 characters back) to its unit."""
    floor = max(sentence_start(text, mention.start), mention.start - 40)
    window = _CLAUSE_BREAK.finditer(text, max(0, floor - 10), mention.start)  # only near the size: fast
    breaks = [m.end() for m in window if m.end() >= floor]
    start = max(breaks) if breaks else floor
    snippet = text[start : mention.start + len(mention.words)]
    if start == floor and floor > sentence_start(text, mention.start):
        snippet = snippet[snippet.find(" ") + 1 :]
    return snippet.strip(" ,;")


def retrieved(sizes: Sizes, text: str, passages: list[Mention], passage_size: Mention | None) -> None:
    count = next((m for m in passages if m.amount >= 1), None)
    per_tokens, per_note = (tokens_of(passage_size) if passage_size is not None else
                            (int(TOKENS_PER["passage"]), "~300 tokens a retrieved passage (assumption)"))  # fmt: skip
    if passage_size is not None and count is None and re.search(r"in total|total|altogether", text, re.I):
        sizes.parts["retrieved"], sizes.notes["retrieved"] = per_tokens, per_note
        sizes.evidence["retrieved"] = passage_size.words
        return
    if count is None:
        return
    if passage_size is not None and passage_size.unit == "token":
        per_note = f"stated: {per_tokens:,} tokens a passage"
    elif passage_size is not None:
        per_note = f"{per_tokens:,} tokens a passage ({per_note})"
    n = count.amount
    sizes.parts["retrieved"] = round(per_tokens * n)
    sizes.notes["retrieved"] = f"{per_note} x {n:g} passages"
    sizes.evidence["retrieved"] = ", ".join(m.words for m in (count, passage_size) if m is not None)


def add_history(sizes: Sizes, output_tokens: int | None) -> None:
    """Turns per conversation -> the history an average request carries, with the rule."""
    if sizes.turns is None or "history" in sizes.parts:
        return
    answer = output_tokens if output_tokens is not None else DEFAULT_ANSWER_TOKENS
    question = sizes.parts.get("user_text", QUESTION_TOKENS)
    earlier = max(sizes.turns - 1, 0) / 2
    sizes.parts["history"] = round(earlier * (question + answer))
    answer_rule = "stated" if output_tokens is not None else "the default"
    sizes.notes["history"] = (f"{sizes.turns:g} turns a conversation: on average ({sizes.turns:g} - 1) / 2 = "
                              f"{earlier:g} earlier turns x (~{question:,}-token message + {answer:,}-token answer, "
                              f"{answer_rule}) (assumption)")  # fmt: skip
    sizes.evidence["history"] = sizes.evidence["turns"]
    if "user_text" not in sizes.parts:
        sizes.parts["user_text"] = QUESTION_TOKENS
        sizes.notes["user_text"] = f"a short message ~{QUESTION_TOKENS} tokens (assumption)"
