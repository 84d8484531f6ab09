"""Workloads listed one by one, each with its own rate, add up: "(a) live chat, ~2k chat messages/day,
(b) nightly re-categorisation of 18k product listings" is 20,000 requests a day. Only a list marked
"(a) ... (b)" or "1) ... 2)" whose items count different things; "(a) 2k messages a day now, (b) 10k
messages a day after launch" is one workload at two times. Pure; numbers as digits; `read` is the volume
reader for a span."""

from __future__ import annotations

import re
from collections.abc import Callable

from agent.advisor.rules.size_units import sentence_bounds

Reading = tuple[float, str]
_MARK = re.compile(r"(?:^|(?<=[\s,;:.]))\(?(?P<m>[a-e]|[1-5])\)\s+", re.IGNORECASE)
_ORDER = ("abcde", "12345")


def _items(text: str) -> list[tuple[int, int]]:
    """The spans of the list's items, in order, from the first marker ("(a)", "1)") on."""
    marks = list(_MARK.finditer(text))
    for order in _ORDER:
        run: list[re.Match[str]] = []
        for mark in marks:
            if mark.group("m").lower() == order[len(run) : len(run) + 1]:
                run.append(mark)
        if len(run) >= 2:
            ends = [m.start() for m in run[1:]] + [sentence_bounds(text, run[-1].end())[1]]
            return [(m.end(), end) for m, end in zip(run, ends, strict=True)]
    return []


def _counted(words: str) -> str:
    """The last plural the reading's words name: what the workload counts."""
    plurals = re.findall(r"\b[a-z][a-z-]*[a-rt-z]s\b", words.lower())
    return plurals[-1] if plurals else ""


def workloads(text: str, read: Callable[[str], Reading | None]) -> Reading | None:
    """(requests a day, the words) when a marked list gives two or more workloads, each with its rate."""
    readings = [found for start, end in _items(text) if (found := read(text[start:end]))]
    counted = {_counted(words) for _, words in readings}
    if len(readings) < 2 or len(counted) < len(readings) or "" in counted:
        return None
    total = sum(per_day for per_day, _ in readings)
    sums = " + ".join(f"{per_day:,.0f}" for per_day, _ in readings)
    return total, f"{' + '.join(words for _, words in readings)} ({sums} = {total:,.0f} a day, the workloads together)"
