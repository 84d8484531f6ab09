"""Whether answers can wait for a batch API, and how much of the work can: "an overnight batch is fine"
(all of it), "About 1 in 5 requests are nightly bulk jobs" (a fifth), "nightly refresh is fine for about
80% of them" (80%). A stated share beats "all"; a question, a negation or an unsized part ("some of them
can wait") sets nothing. Pure functions."""

from __future__ import annotations

import re

from agent.advisor.rules.batch_words import BATCH
from agent.advisor.rules.extract_languages import clause_around
from agent.advisor.rules.negation import negated, set_aside
from agent.advisor.rules.size_units import sentence_bounds

# A part of the work with no size: "some of it can wait", "the rest is live". All of it would be a guess.
_PARTIAL = re.compile(
    r"\b(?:some|most|part|many|a\s+few|several|a\s+lot|certain|a\s+portion|a\s+chunk|a\s+share)\s+of\b|"
    r"\bthe\s+(?:rest|remainder|others?)\b|\beverything\s+else\b|"
    r"\b(?:some|most|certain)\s+(?:[\w-]+\s+)?(?:requests|jobs|reports|tasks|calls|queries|documents|items|runs)\b",
    re.IGNORECASE,
)


def _partial(text: str, at: int) -> bool:
    start, end = sentence_bounds(text, at)
    return bool(_PARTIAL.search(text, start, end))


# A subject that denies what follows: "nothing can be batched", "none of it can wait" (every request is live).
_NONE_CAN = re.compile(r"\b(?:nothing|none(?:\s+of\s+(?:it|this|them|these|those|the\s+\w+))?|not\s+(?:one|a\s+single)"
                       r"(?:\s+\w+)?)\s+(?:here\s+|of\s+this\s+)?(?:can|could|may|should|will|would|is|are)?\s*$",
                       re.IGNORECASE)  # fmt: skip


def batch_tolerance(text: str) -> str | None:
    """The words saying no one waits on the answer, so every request can go through a batch API."""
    for match in BATCH.finditer(text):
        said = match.group(0)
        denial = said.lower().startswith(("not", "n't", "n’t", "don", "doesn", "do not", "does not", "no ", "nothing"))
        denied = not denial and _NONE_CAN.search(text, max(0, match.start() - 40), match.start())
        stated = (denial or not (negated(text, match.start()) or denied)) and not set_aside(text, match.start())
        if stated and not _partial(text, match.start()):
            return said
    return None


_FRACTIONS = {"half": 1 / 2, "a third": 1 / 3, "one third": 1 / 3, "two thirds": 2 / 3, "a quarter": 1 / 4,
              "one quarter": 1 / 4, "three quarters": 3 / 4, "a fifth": 1 / 5, "one fifth": 1 / 5,
              "two fifths": 2 / 5, "three fifths": 3 / 5, "four fifths": 4 / 5, "a tenth": 1 / 10,
              "one tenth": 1 / 10}  # fmt: skip
_COUNTS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
           "ten": 10, "twenty": 20, "hundred": 100, "a hundred": 100}  # fmt: skip
_COUNT = r"\d+|" + "|".join(sorted(_COUNTS, key=len, reverse=True))
# "30%", "40 percent", "1 in 5", "one out of every four", "two-thirds"
_SHARE = (
    r"(?<![\w.$€£])(?:(?P<pct>\d{1,3}(?:\.\d+)?)\s?(?:%|percent\b|per\s?cent\b)|"
    r"(?P<num>" + _COUNT + r")\s+(?:in|out\s+of)\s+(?:every\s+)?(?P<den>" + _COUNT + r")\b|"
    r"(?P<word>" + "|".join(w.replace(" ", r"[\s-]") for w in sorted(_FRACTIONS, key=len, reverse=True)) + r")\b)"
)
_SHARE_RE = re.compile(_SHARE, re.IGNORECASE)
# A share of money or time rather than of the work: "batch saves 50%", "50% off", "half a second".
_NOT_WORK = re.compile(r"\s*(?:off|discount|cheaper|less|more|saving|savings|accura\w+|precision|recall|uptime|"
                       r"availability|confiden\w+|correct|of\s+(?:the\s+|our\s+)?(?:cost|price|bill|budget|spend\w*|"
                       r"discount|time))\b|\s+an?\b|\s*(?:ms|s|sec|seconds?|minutes?|mins?)\b",
                       re.IGNORECASE)  # fmt: skip
_SAVING_BEFORE = re.compile(r"\b(?:sav\w+|cut\w*|discount\w*|reduc\w+|by|up\s+to|costs?|price\w*)\s*(?:of\s+)?$", re.I)
# Words saying a part of the work can wait (read in the share's own clause).
_CAN_WAIT = re.compile(
    r"\b(?:batch\w*|overnight|nightly|over\s+night|offline|async\w*|asynchronous\w*|queued|deferred|"
    r"(?:can|could|may|will)\s+(?:easily\s+|all\s+|safely\s+)?wait|"
    r"(?:don[’']?t|doesn[’']?t|do\s+not|does\s+not)\s+need\s+(?:\w+\s+)?(?:real[- ]?time|instant\w*|immediate\w*)|"
    r"in\s+the\s+background|off[- ]peak|at\s+night|not\s+(?:time[- ]sensitive|urgent)|next[- ](?:day|morning))\b",
    re.IGNORECASE,
)
# Words saying a part of the work is waited on: "20% are live", "a third need real-time answers".
_LIVE = re.compile(
    r"\b(?:real[- ]?time|live|instant\w*|immediate\w*|interactive|right\s+away|synchronous\w*|on[- ]demand|urgent|"
    r"(?:can(?:no|[’'])t|can\s+not)\s+wait|(?:someone|somebody|users?|customers?)\s+(?:is\s+|are\s+)?waiting)\b",
    re.IGNORECASE,
)
_REST = re.compile(r"\b(?:the\s+rest|the\s+remainder|the\s+others?|everything\s+else|all\s+the\s+rest)\b", re.I)
# "a nightly refresh is fine for about 80% of them", "we could batch roughly 40% of it"
_ABOUT = r"(?:about\s+|around\s+|roughly\s+|~\s*|maybe\s+|approximately\s+|up\s+to\s+)?"
_FINE_FOR_SHARE = [
    re.compile(r"(?:" + _CAN_WAIT.pattern + r")[^.;!?]{0,40}?\b(?:fine|ok|okay|acceptable|works?|good|enough|possible)"
               r"\s+for\s+" + _ABOUT + _SHARE, re.IGNORECASE),
    re.compile(r"\b(?:can|could|will|would)\s+(?:probably\s+|easily\s+)?(?:batch|defer|queue)\s+" + _ABOUT + _SHARE
               + r"(?=\s+of\b)", re.IGNORECASE),
]
# A share's clause ends at a full stop, a comma or a new subject ("... and we ...").
_CLAUSE_END = re.compile(r"[.;,!?](?:\s|$)|\s(?:but|while|whereas|and\s+(?:the|our|we|it|they|everything|all|i))\s",
                         re.IGNORECASE)  # fmt: skip


def _value(share: re.Match[str]) -> float | None:
    if share.group("pct"):
        value = float(share.group("pct")) / 100
    elif share.group("num"):
        num, den = (_count(share.group(name)) for name in ("num", "den"))
        value = num / den if den else 2.0
    else:
        value = _FRACTIONS[re.sub(r"[\s-]+", " ", share.group("word").lower())]
    return round(value, 2) if 0 < value <= 1 else None


def _count(said: str) -> float:
    return float(said) if said.isdigit() else _COUNTS[re.sub(r"\s+", " ", said.lower())]


# "30% of the tickets arrive overnight", "half our traffic comes at night": when work arrives, not when it is done.
_ARRIVES = re.compile(r"\b(?:arriv\w+|come|comes|coming|came|peak\w*|spik\w+|happen\w*|occur\w*|get|gets|land\w*|"
                      r"traffic|users?)\b[^.;!?,]*$", re.IGNORECASE)  # fmt: skip
_WHEN = re.compile(r"overnight|over\s+night|nightly|at\s+night|next[- ](?:day|morning)", re.IGNORECASE)


def _waits(text: str, start: int, end: int) -> re.Match[str] | None:
    """A word that the work in text[start:end] can wait, not negated ("can't be batched"); a time of night
    counts only when it is when the work is done, not when it comes in."""
    for said in _CAN_WAIT.finditer(text, start, end):
        if negated(text, said.start()):
            continue
        if _WHEN.fullmatch(said.group(0)) and _ARRIVES.search(text[start : said.start()]):
            continue
        return said
    return None


def _clause_after(text: str, at: int) -> int:
    end = _CLAUSE_END.search(text, at)
    return end.start() if end else len(text)


def _rest_waits(text: str, at: int) -> str | None:
    """After a live share, the words saying the rest can wait: "..., the rest can go overnight"."""
    _, sentence_end = sentence_bounds(text, at)
    for rest in _REST.finditer(text, at, sentence_end):
        clause = clause_around(text, rest.start(), rest.end())
        offset = text.find(clause, max(0, rest.start() - len(clause)))
        if _waits(text, offset, offset + len(clause)):
            return clause.strip()
    return None


def _share_first(text: str, share: re.Match[str]) -> tuple[float, str] | None:
    """A share said of the work, then what it can do: "1 in 5 requests are nightly bulk jobs"."""
    value = _value(share)
    if value is None or _NOT_WORK.match(text, share.end()) or _SAVING_BEFORE.search(text[: share.start()]):
        return None
    end = _clause_after(text, share.end())
    if _waits(text, share.end(), end):
        return value, text[share.start() : end].strip()
    live = _LIVE.search(text, share.end(), end)
    if live and not negated(text, live.start()) and (rest := _rest_waits(text, end)):
        return round(1 - value, 2), f"{text[share.start() : end].strip()}; {rest} (the rest, {1 - value:.0%})"
    return None


def stated_share(text: str) -> tuple[float, str] | None:
    """(share, words) for a part of the work said to be able to wait, by either order of the words."""
    found = []
    for share in _SHARE_RE.finditer(text):
        if not set_aside(text, share.start()) and (said := _share_first(text, share)):
            found.append((share.start(), said))
    for match in (m for pattern in _FINE_FOR_SHARE for m in pattern.finditer(text)):
        value = _value(match)
        if value is not None and not negated(text, match.start()) and not set_aside(text, match.start()):
            found.append((match.start(), (value, text[match.start() : _clause_after(text, match.end())].strip())))
    return min(found)[1] if found else None


def batch_share(text: str) -> tuple[float, str] | None:
    """The share of requests that can go through a batch API, with the words: a stated share, else all of
    them when nothing is waited on."""
    if said := stated_share(text):
        return said[0], f"{said[1]} (that share through the batch API)"
    if wait := batch_tolerance(text):
        return 1.0, f"{wait} (every request through the batch API)"
    return None
