"""Which part of a request a size is, from the words around it: the words right after it ("of
surrounding code", "back", "-page contracts"), the nearest telling word before it, the clause's subject
("Output is a query, ..."), and whether it describes the noun before it. Used by agent/extract_sizes.py."""

from __future__ import annotations

import re

from agent.advisor.rules.size_made import PEOPLE
from agent.advisor.rules.size_words import CORPUS, GEN_VERB, OUT, ROLES, SENT

CORPUS_WORD = re.compile(CORPUS, re.I)


def _governs(before: str, verb_end: int, noun_start: int) -> bool:
    """A verb of writing right before an input word, in the same phrase: "writes review comments"; not
    its source ("generate quiz questions from a chapter")."""
    between = before[verb_end:noun_start]
    return noun_start - verb_end <= 25 and not re.search(r"[:;,.]|\b(?:from|based\s+on|using|out\s+of)\b", between)


# Verbs of sending that are nouns too, and a preposition that makes one a noun: "from stats feeds", "in the uploads"
_NOUN_TOO = re.compile(r"feeds?|uploads?|pastes?|passes|submits?", re.I)
_A_NOUN = re.compile(r"\b(?:from|of|via|in|on|through|with)\s+(?:the\s+|our\s+|their\s+|its\s+)?(?:[\w-]+\s+){0,2}$",
                     re.I)  # fmt: skip


def nearest_role(before: str) -> tuple[str | None, str]:
    """The role of the telling word closest before a size, and that word. An input word that a verb
    of writing governs or follows ("it writes review comments, ~300 words", "transcripts ... and
    produce action items, about half a page") names the output."""
    best: tuple[int, int, str, str] | None = None
    for role, pattern in ROLES:
        for match in pattern.finditer(before):
            if role == "sent" and _A_NOUN.search(before, 0, match.start()) and _NOUN_TOO.fullmatch(match.group(0)):
                continue  # "from stats feeds": a thing, not a verb that sends
            if best is None or match.end() > best[1]:
                best = (match.start(), match.end(), role, match.group(0).lower())
    if best is None:
        return None, ""
    start, _, role, word = best
    if role == "sent" and re.search(r"(?<![a-z])(?:" + OUT + r")\s+$", before[:start], re.I):
        return "output", word  # "the reply gets spoken": the answer's verb, not the request's
    if role in ("documents", "user_text"):
        governs = [m for m in GEN_VERB.finditer(before) if (m.start() >= start or _governs(before, m.end(), start))
                   and not PEOPLE.search(before[max(0, m.start() - 30) : m.start()])]  # "users write reviews"
        sent_after = governs and re.search(r"(?<![a-z])(?:" + SENT + r")(?![a-z])", before[governs[-1].end() :], re.I)
        if governs and not sent_after:
            return "output", word
    return role, word


_COPULA = re.compile(
    r"\b(?:is|are|of|averag\w*|around|about|roughly|typically|usually|run|runs)\s+(?:\w+\s+){0,2}$", re.I
)
_APPOSITIVE = re.compile(r"[a-z]\s*[,(:=–—]\s*(?:(?:about|around|roughly|approx\w*|say|just|only|maybe|typically|"
                         r"usually|short|brief)\s*|~\s*)*$", re.I)  # fmt: skip
_ANSWER_VERB = re.compile(r"\b(?:summari[sz]\w*|writes?|draft\w*|generat\w*|produc\w*|repl\w*|respond\w*|answer\w*|"
                          r"returns?|outputs?)\b", re.I)  # fmt: skip


def describes(before: str) -> bool:
    """The size describes the noun before it ("notes are a paragraph", "utterance (one sentence)")."""
    return bool(_COPULA.search(before) or (_APPOSITIVE.search(before) and not _ANSWER_VERB.search(before)))


_NOUN_AFTER = r"\s*(?:of\s+)?(?:(?:the|our|their|[a-z]+(?:al|ive|ed|ing|ic|ish|y))\s+){0,2}([a-z-]+(?:\s+[a-z]+)?)"


def attached_role(after: str) -> tuple[str | None, str, str]:
    """The role given by the words right after a size ("of surrounding code", "back", "-page contracts"),
    the telling word, and the words themselves."""
    lowered = after.lower()
    both = re.match(r"\s*(?:in and out|in/out|each way|both ways)\b", lowered)
    if both:
        return "both", "in and out", after[: both.end()]
    inward = re.match(r"\s*(?:of\s+[a-z]+\s+)?in\b(?=\s*(?:[,.;/)]|and\b|$))", lowered)
    if inward:
        return "sent", "in", after[: inward.end()]
    back = re.match(r"\s*(?:(?:of\s+[a-z]+\s+)?back\b|out\b|of output|"
                    r"in (?:the|each|every|an?|its) (?:answer|reply|response|output))", lowered)  # fmt: skip
    if back:
        return "output", "back", after[: back.end()]
    code = re.match(
        r"\s*(?:of\s+)?(?:(?:surrounding|nearby|preceding|relevant|existing)\s+)?code\b|"
        r"\s*(?:of\s+)?(?:code\s+)?(?:around|near|above|below|before|after)\s+the\s+cursor",
        lowered,
    )
    if code:
        return "code", "code", after[: code.end()]
    noun = re.match(_NOUN_AFTER, lowered)
    if not noun:
        return None, "", ""
    words = noun.group(1).split()
    # "call-centre notes": the head noun after a compound modifier names the role too
    compound = [words[-1]] if len(words) > 1 and re.fullmatch(r"[a-z]+-[a-z]+", words[0]) else []
    for candidate in dict.fromkeys((noun.group(1), words[0], *compound)):
        for role, pattern in ROLES:
            if role == "corpus" or not pattern.fullmatch(candidate):
                continue
            return role, candidate, after[: noun.start(1) + noun.group(1).find(candidate) + len(candidate)]
    head = noun.group(1).split()[-1]  # "a 600-page employee handbook": the head noun names a collection
    if CORPUS_WORD.fullmatch(head):
        return "corpus", head, after[: noun.end(1)]
    return None, "", ""


# The clause's subject names what the size is: "Output is a query, rarely over 300 tokens".
SUBJECT = re.compile(r"\W*(?:the\s+)?(?P<noun>outputs?|answers?|responses?|repl(?:y|ies)|inputs?)\s+"
                      r"(?:is|are|will be|should be)\b", re.I)  # fmt: skip


def attached_role_says(after: str) -> bool:
    """Words right after a size that name its role themselves ("... tokens back", "... of context in")."""
    return attached_role(after)[0] in ("output", "sent", "both")
