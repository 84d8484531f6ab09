"""Grades, years and levels are labels, not counts: "class 9-10 students", "year 7-8 pupils", "grades 3 to 5",
"level 2-3 learners" name which students, not how many. Their figures are written as Roman numerals
("class IX-X") so no reader counts them or takes a range's midpoint; `Labels.words` maps them back for the
evidence. "a class of 30", "year 2024", "level 2 support gets 300 tickets" keep their other figures. Pure."""

from __future__ import annotations

import itertools
import re

_ROMAN = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII"]
_SINGULAR = r"class|grade|year|yr|level|standard|std\.?|form|key\s+stage|ks|stage|tier"
_PLURAL = r"classes|grades|years|levels|standards|forms|stages|tiers"
_NOT_A_LABEL = r"[.,]?\d|[a-z]|\s*(?:%|k\b|thousand|times\b|hours?\b|days?\b|weeks?\b|months?\b|years?\b|x\b|of\b)"
_JOIN = r"\s*(?:-|–|/|,\s*(?:and\s+)?|to\s|and\s|&)\s*"
# "class 9-10", "grades 3 to 5", "years 7 and 8", "grade 9, 10 and 11", "level 2"; a plural names a range or a
# list only ("classes 3 times a week" counts times)
_LABEL = re.compile(
    rf"\b(?P<word>(?:{_SINGULAR})\s*|(?:{_PLURAL})\s+(?=\d{{1,2}}{_JOIN}\d))"
    rf"(?P<figures>\d{{1,2}}(?:{_JOIN}\d{{1,2}})*)(?!" + _NOT_A_LABEL + r"|\s*(?:-|–|to\s|and\s|&)\s*\d)",
    re.IGNORECASE,
)


def _roman(digits: str) -> str | None:
    value = int(digits)
    return _ROMAN[value] if 0 < value < len(_ROMAN) else None


def labels(text: str) -> tuple[str, dict[str, str]]:
    """The text with its grade figures as Roman numerals, and what each such label said."""
    words: dict[str, str] = {}

    def label(match: re.Match[str]) -> str:
        figures = re.findall(r"\d+", match.group("figures"))
        romans = [_roman(f) for f in figures]
        if None in romans or any(int(a) >= int(b) for a, b in itertools.pairwise(figures)):
            return match.group(0)  # "year 2024", "grades 5 to 3": no grades
        said = match.group("word") + re.sub(r"\d+", lambda d: _roman(d.group(0)) or "", match.group("figures"))
        words[said] = match.group(0)
        return said

    return _LABEL.sub(label, text), words
