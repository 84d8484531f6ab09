"""A message cut into the pieces a question or a statement is told in: sentences, and also the lines of a
list ("- 9k POs/mo\\n- EU data residency\\n- can we batch it?"), the numbered questions inside one sentence
("(1) can EU-hosted models do it, and (2) what would it cost?"); greetings and sign-offs ("Hi team,",
"Thanks,\\nDana") are no piece at all. Pure functions."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

# A point between digits ("gpt-4.1", "2.5 seconds") ends no sentence.
_SENTENCE = re.compile(r"(?:[^.?!]|(?<=\d)\.(?=\d))+(?:[.?!]+|$)")
# What opens an item of a list: "- ", "* ", "• ", "1. ", "2) ", "(3) ", "a) ".
_MARKER = re.compile(r"\s*(?:[-*•–—>]+|\(?(?:\d{1,2}|[a-h])\)|\d{1,2}\.)[ \t]+")
# A numbered question inside a sentence: "Our questions: (1) can ..., and (2) what ...?" (two or more).
_INLINE_ITEM = re.compile(r"(?<=[\s,;:])\(?(?:\d{1,2}|[a-h]|i{1,3}|iv)\)(?=\s)")
# "Two questions: (1) ...": each numbered item after it asks, whatever its first word.
_QUESTIONS_LABEL = re.compile(r"\b(?:questions?|q's|qs|vragen|vraag|fragen?)\s*:?\s*$", re.IGNORECASE)
_LABEL_ONLY = re.compile(r"^\W*(?:[\w']+\s+){0,3}?" + _QUESTIONS_LABEL.pattern, re.IGNORECASE)
# A line longer than this that runs on into the next is wrapped prose, not an item of its own.
_WRAP_WIDTH = 60
_GREETING = re.compile(r"^\W*(?i:hi|hello|hey|dear|hallo|hoi|beste|good (?:morning|afternoon|evening))"
                       r"(?:\s+(?:(?i:team|all|everyone|folks|there|guys|y'all)|[A-Z][\w'-]*)){0,3}\W*$")  # fmt: skip
_SIGN_OFF = re.compile(r"^\W*(?i:thanks(?: (?:a lot|so much|in advance))?|thank you(?: in advance)?|many thanks|"
                       r"cheers|best(?: regards| wishes)?|(?:kind |warm |best )?regards|sincerely|"
                       r"(?:met )?vriendelijke groet(?:en)?|groet(?:en|jes)?|mvg|(?:viele|liebe) grüße|"
                       r"mit freundlichen grüßen)\W*(?:[A-Z][\w'-]*\W*){0,2}$")  # fmt: skip
_NAME = re.compile(r"^\W*[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2}\W*$")  # "Dana", after a sign-off


@dataclass(frozen=True)
class Piece:
    """Where one piece is, and `said`: its words as judged, without a list marker, with the question
    mark of the sentence it was cut from ("(1) can EU-hosted models do it, and" -> "can EU-hosted
    models do it?"). `listed`: it follows "questions:" in its sentence, so it asks. `sentence`: the whole
    sentence a statement was cut from when it ends in a question ("We summarise 40 filings a day - is
    a 200k window enough?"): whether the message is a question is judged on that."""

    start: int
    end: int
    said: str
    listed: bool = False
    sentence: str = ""


def pieces(text: str) -> list[Piece]:
    """Every piece that states or asks something, in order."""
    found: list[Piece] = []
    signed_off = False
    for start, end in _blocks(text):
        for piece in _in_block(text, start, end):
            if _GREETING.match(piece.said) or (signed_off and _NAME.match(piece.said)):
                continue
            if _SIGN_OFF.match(piece.said):
                signed_off = True
                continue
            found.append(piece)
    return found


def _blocks(text: str) -> list[tuple[int, int]]:
    """The lines of the message, a wrapped line joined to the next; no block holds its line break."""
    blocks: list[tuple[int, int]] = []
    start = line_start = 0
    for newline in re.finditer(r"\n", text):
        line = text[line_start : newline.start()].strip()
        following = text[newline.end() :].split("\n", 1)[0]
        line_start = newline.end()
        wrapped = (len(line) >= _WRAP_WIDTH and following.strip() and not _MARKER.match(following)
                   and not line.endswith((".", "?", "!", ":", ";")))  # fmt: skip
        if not wrapped:
            blocks.append((start, newline.start()))
            start = newline.end()
    blocks.append((start, len(text)))
    return [(a, b) for a, b in blocks if text[a:b].strip()]


def _in_block(text: str, start: int, end: int) -> list[Piece]:
    marker = _MARKER.match(text, start, end)
    body = marker.end() if marker else start
    out: list[Piece] = []
    for sentence in _SENTENCE.finditer(text[body:end]):
        if not sentence.group(0).strip():
            continue
        a, b = body + sentence.start(), body + sentence.end()
        said = inner.end() if out and (inner := _MARKER.match(text, a, b)) else a  # "...? 2) What would it cost?"
        out += _items(text, start if not out else a, said, b)
    return out


def _items(text: str, span_start: int, start: int, end: int) -> list[Piece]:
    """One sentence, or its numbered questions each on its own."""
    sentence = text[start:end]
    cuts = list(_INLINE_ITEM.finditer(sentence))
    if len(cuts) < 2:
        return _clauses(sentence, span_start, start, end)
    mark = "?" if sentence.rstrip().endswith("?") else ""
    listed = bool(_QUESTIONS_LABEL.search(sentence[: cuts[0].start()]))
    bounds = [0, *(m.start() for m in cuts), len(sentence)]
    out: list[Piece] = []
    for a, b in itertools.pairwise(bounds):
        part = sentence[a:b]
        if not a and _LABEL_ONLY.match(part):
            continue  # "Two questions:" states and asks nothing
        said = re.sub(r"^\W*\(?(?:\d{1,2}|[a-h]|i{1,3}|iv)\)\s*", "", part.strip()) if a else part.strip()
        said = re.sub(r"[\s,;]*\b(?:and|or|en|of|und|oder|et|ou)?[\s,;?]*$", "", said)
        if not said:
            continue
        item = a > 0
        out.append(Piece(span_start if not out else start + a, start + b, said + (mark if item else ""),
                         listed=item and listed))  # fmt: skip
    return out


# A question said after the job in the same sentence: "We summarise 40 filings a day - is a 200k window
# enough?", "... 500 notes a day; does HIPAA apply?", "None of our clients asked, so would SOC 2 matter?".
_ASKING_CLAUSE = re.compile(
    r"(?:\s[-–—]+\s+|;\s*|,\s*(?=(?:so|but|and|then)\s))(?=(?:(?:so|but|and|then)\s+)?"
    r"(?:is|are|does|do|would|will|can|could|should|what|how|which|when|why)\b)",
    re.IGNORECASE,
)


def _clauses(sentence: str, span_start: int, start: int, end: int) -> list[Piece]:
    cut = _ASKING_CLAUSE.search(sentence) if sentence.rstrip().endswith("?") else None
    if cut is None or len(sentence[: cut.start()].split()) < 3:
        return [Piece(span_start, end, sentence.strip())]
    whole = sentence.strip()
    return [Piece(span_start, start + cut.start(), sentence[: cut.start()].strip(), sentence=whole),
            Piece(start + cut.end(), end, sentence[cut.end() :].strip(), sentence=whole)]  # fmt: skip
