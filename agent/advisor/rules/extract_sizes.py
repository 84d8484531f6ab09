"""Sizes from a developer's words: what one request carries (system prompt, user text, documents,
retrieved passages, conversation history) and how long the answer is, each with its rule.

Pure functions. A size is found as a quantity with a unit ("40 pages", "1,500 tokens", "~200
lines", "top 5 chunks", "a paragraph", "10 turns") and given a role by the words attached to it
("of surrounding code", "back", "-page contracts") or, failing that, by the nearest telling word
before it in the same sentence ("notes are about 2,000 tokens"). Sizes of a whole collection
("our wiki has 2,000 pages") or of a day's throughput ("10,000 pages a day") are not per-request
input. Conventions (each one used is written into the notes as an assumption): a page ~600 tokens,
a word ~1.3, a line of code ~10, a retrieved passage ~300, a paragraph ~120, a short sentence ~25.
"""

from __future__ import annotations

import re

from agent.advisor.rules.size_asked import retrieval_done
from agent.advisor.rules.size_mentions import daily_throughput, mentions
from agent.advisor.rules.size_parts import clause, retrieved
from agent.advisor.rules.size_roles import nearest_role
from agent.advisor.rules.size_units import TOKENS_PER, Mention, Sizes, sentence_bounds, sentence_start, tokens_of
from agent.advisor.rules.size_whole import part_sent_later, searched_not_sent
from agent.advisor.rules.size_words import EACH, WHOLE

__all__ = ["daily_throughput", "read_sizes"]

CONTEXT_FROM_TOKENS = 8_000  # today's rule: a document this big also sets the minimum context
MAX_REQUEST_TOKENS = 2_000_000  # no model takes more in one request: a bigger size is a collection


def read_sizes(text: str) -> Sizes:
    """Every per-request size these words state, with notes and evidence."""
    sizes = Sizes()
    found = mentions(text)
    retrieval = retrieval_done(text)  # not "do we need to chunk?"
    passages: list[Mention] = []
    passage_size: Mention | None = None
    document_sets_context = False
    longest_extra = 0  # tokens the longest document adds over the typical one a range describes
    last_start: dict[str, int] = {}
    for mention in found:
        role = mention.role
        if role == "documents" and retrieval and not WHOLE.search(text):
            role = "corpus"  # with retrieval, a document's size describes the collection, not one request
        if role == "documents" and mention.unit != "token" and _corpus_near(text, mention):
            role = "corpus"
        if role == "documents" and (part_sent_later(text, mention, found) or searched_not_sent(text, mention)):
            role = "corpus"  # "often 80 pages, but we only send the relevant section", "a 350-page manual we ask"
        if role == "corpus" and _INTO_THE_PROMPT.search(_sentence(text, mention)):
            role = "documents"  # "stuff the whole 40-page handbook into the prompt": read whole, every request
        if role == "corpus" or (
            (mention.unit in TOKENS_PER or mention.unit == "token") and tokens_of(mention)[0] > MAX_REQUEST_TOKENS
        ):
            continue
        if role == "window" and (mention.unit == "token" or not _PER_REQUEST.search(_sentence(text, mention))):
            continue  # a context window is a limit, read by the extractor's own context rule
        if role == "window":
            role = "retrieved_whole"  # "about 4 pages of context per question": what each request reads
        if role == "history" and mention.unit == "turn":
            sizes.turns = mention.amount
            sizes.evidence["turns"] = clause(text, mention)
            continue
        if role == "retrieved":
            if mention.unit == "passage":
                passages.append(mention)
            elif passage_size is None:
                passage_size = mention
            continue
        tokens, note = tokens_of(mention)
        if mention.unit == "token":
            note = f"stated: {clause(text, mention)}" + (" (a bare number, read as tokens)" if mention.bare else "")
            if mention.items != 1:
                note += f" each, x {mention.items:g} ({mention.items_words}) = {tokens:,} tokens"
        if role == "output":
            # a stated token count beats an estimate from a convention ("3 bullet points (~60 tokens total)")
            if sizes.output is None or (
                mention.unit == "token" and not sizes.notes["output_tokens"].startswith("stated")
            ):
                sizes.output, sizes.notes["output_tokens"] = tokens, note
                sizes.evidence["output_tokens"] = clause(text, mention)
            continue
        if role == "total":
            if sizes.total is None:
                sizes.total, sizes.notes["input_tokens"] = tokens, note
                sizes.evidence["input_tokens"] = _said(text, mention)
                last_start["total"] = mention.start
            elif _ADDED.search(text, last_start["total"], mention.start) and _added(
                text, last_start["total"], mention.start
            ):  # "Per request: a 2-page form plus a 1-page letter": one input in two parts
                sizes.total += tokens
                sizes.notes["input_tokens"] += f" + {note}"
                sizes.evidence["input_tokens"] += f"; {_said(text, mention)}"
            continue
        part = {"code": "documents", "sent": "documents", "retrieved_whole": "retrieved", None: None}.get(role, role)
        if part is None:
            if mention.unit == "token" and tokens >= CONTEXT_FROM_TOKENS and sizes.context is None:
                sizes.context = tokens  # a big size with no telling word: today's minimum-context rule
                sizes.evidence["min_context"] = mention.words
            continue
        if part in sizes.parts and _added(text, last_start.get(part, 0), mention.start):
            sizes.parts[part] += tokens  # "a function of 40-60 LOC along with its file's imports (~300 tokens)"
            sizes.notes[part] += f" + {note}"
            sizes.evidence[part] += f"; {_said(text, mention)}"
        elif part not in sizes.parts:
            sizes.parts[part], sizes.notes[part] = tokens, note
            sizes.evidence[part] = _said(text, mention)
            last_start[part] = mention.start
            big_document = tokens >= CONTEXT_FROM_TOKENS or (mention.unit == "page" and mention.amount >= 10)
            document_sets_context = document_sets_context or (part == "documents" and big_document)
            if part == "documents" and mention.most is not None:
                longest = tokens_of(Mention(mention.most, mention.unit, mention.words, role))[0]
                if longest - tokens > longest_extra:
                    longest_extra = longest - tokens
                    sizes.evidence["min_context"] = (f"{clause(text, mention)} (the longest, {mention.most:g} "
                                                     f"{mention.unit}s, must fit: {longest:,} tokens)")  # fmt: skip
    if passages or passage_size is not None:
        retrieved(sizes, text, passages, passage_size)
    if document_sets_context:
        # a document read whole must fit, the longest of a range too ("40-80 pages": 80 must fit)
        sizes.context = max(sizes.context or 0, (sizes.input_tokens or 0) + longest_extra)
    return sizes


_INTO_THE_PROMPT = re.compile(r"\b(?:into|in|inside)\s+(?:the|each|every|one|a single)\s+(?:prompt|"
                              r"context|request|call)\b|"
                              r"\b(?:stuff|paste|send|include|put)\w*\s+(?:in\s+)?the\s+(?:whole|entire|full)\b",
                              re.I)
_PER_REQUEST = re.compile(r"\b(?:per|each|every|a|for each|for every)\s+(?:question|request|query|call|answer|"
                          r"prompt|lookup|turn)\b", re.I)  # fmt: skip


def _said(text: str, mention: Mention) -> str:
    """The words of a size, with the words that count its items when they are elsewhere ("Each wording is
    ~40 pages ... we compare two at a time")."""
    words = clause(text, mention)
    return words if not mention.items_words or mention.items_words in words else f"{words} ... {mention.items_words}"


def _sentence(text: str, mention: Mention) -> str:
    start, end = sentence_bounds(text, mention.start)
    return text[start:end]


_ADDED = re.compile(r"\b(?:plus|along with|together with|as well as)\b|\+", re.I)
_NEW_CLAUSE = re.compile(r"\band\s+(?:the|our|its|their|it|we|this)\s+(?:\w+\s+)?(?:is|are|was|will|gets?|has)\b", re.I)


def _added(text: str, previous: int, start: int) -> bool:
    """Two sizes of the same part joined as more material in one sentence ("X along with Y")."""
    if start - previous > 300:
        return False  # not one sentence
    between = text[previous:start]
    # "a job ad (~350 words) and 8 CVs of 2 pages each"; not "and the draft is ~900 words", a new clause
    joined = _ADDED.search(between) or (re.search(r"\band\b", between) and not _NEW_CLAUSE.search(between))
    return bool(joined) and not re.search(r"[.!?]\s", between)


def _corpus_near(text: str, mention: Mention) -> bool:
    before = text[max(sentence_start(text, mention.start), mention.start - 40) : mention.start]
    role, _ = nearest_role(before)
    return role == "corpus" and not EACH.search(before)
