"""Time targets from a developer's words: the first words (TTFT) or the whole answer. Pure functions."""

from __future__ import annotations

import re

from agent.advisor.rules.digit_groups import written_number
from agent.advisor.rules.extract_languages import clause_around
from agent.advisor.rules.size_units import sentence_bounds

_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "eight": 8,
    "ten": 10,
    "half a": 0.5,
    "half of a": 0.5,
    "a quarter of a": 0.25,
    "three quarters of a": 0.75,
    "a fifth of a": 0.2,
    "a tenth of a": 0.1,
    "a couple of": 2,
    "a couple": 2,
}
# A part of a second in words: "a quarter of a second", "a tenth of a second", "half a second".
_PART_OF_ONE = r"(?:a|one)\s+(?:quarter|fifth|tenth)\s+of\s+a|three\s+quarters\s+of\s+a|half\s+(?:of\s+)?a"
_AMOUNT = r"(\d+(?:[.,]\d+)*|" + _PART_OF_ONE + r"|a\s+couple(?:\s+of)?|a|an|one|two|three|four|five|six|eight|ten)\s*"

_LATENCY = re.compile(
    r"(?:under|below|less than|within|<|max(?:imum)?|at most|no more than|faster than|slower than|longer than|sub[- ]?|"
    r"in|up to|exceed|(?:n[’']t|not|never)\s+(?:\w+\s+){0,2}?(?:more|longer)\s+than|"  # "can't add more than 400ms"
    r"(?:take|takes|taking)\s+(?:over|more\s+than|longer\s+than)|"  # "nothing should take over a minute"
    r"(?:can|may|could|is\s+allowed\s+to)\s+take\s+(?:up\s+to\s+)?|"  # "no rush, a review can take 2 minutes"
    r"(?:budget|target|goal|limit|sla)\s*(?:is|of|:|=)|"  # "Latency budget is 250ms to first token"
    r"(?:ttft|time[- ]to[- ]first[- ](?:token|byte))\s*(?::|=|target|goal|budget)?)\s*"  # "TTFT: 150 ms"
    r"(?:about\s*|around\s*|roughly\s*|~\s*)?" + _AMOUNT
    + r"(ms|milliseconds?|s|secs?|seconds?|minutes?|mins?)\b",
    re.IGNORECASE,
)

# A wait said to be felt: "anything past 200 ms before the line starts is noticeable", "over 1 s and callers
# hang up". "over 2 minutes of audio" is a size, so the felt words are required in the same clause.
_FELT_PAST = re.compile(
    r"\b(?:anything|everything|whatever|(?:any|a)\s+(?:delay|wait|pause|gap|silence|lag)|(?:delays?|waits?|pauses?|gaps?|"
    r"silences?|lag)(?:\s+of)?)\s+(?:(?:much|well|even|a\s+bit|slightly)\s+)?"
    r"(?:past|beyond|over|above|more\s+than|longer\s+than|after)\s+(?:about\s*|around\s*|roughly\s*|~\s*)?"
    r"(\d+(?:[.,]\d+)*|" + _PART_OF_ONE + r")\s*(ms|milliseconds?|s|secs?|seconds?)\b(?!\s*(?:long|of)\b)"
    r"(?=[^.;!?]{0,60}?\b(?:(?:is|are|gets?|feels?|becomes?|"
    r"seems?|would\s+be|will\s+be|sounds?)\s+(?:\w+\s+)?(?:noticeable|noticed|annoying|awkward|laggy|sluggish|slow|"
    r"too\s+(?:slow|long)|unacceptable|painful|jarring|broken|unnatural)|(?:users?|callers?|people|players|customers|"
    r"drivers|listeners|you)\s+(?:\w+\s+)?(?:notice|hang\s+up|drop\s+off|complain|get\s+annoyed|talk\s+over)))",
    re.IGNORECASE,
)
# The same, with who feels it said first: "players notice if an NPC pauses more than a quarter of a second",
# "callers hang up when the bot is silent for over 2 seconds".
_FELT_IF = re.compile(
    r"\b(?:users?|callers?|people|players|customers|drivers|listeners|viewers|guests|kids|you)\s+(?:\w+\s+)?"
    r"(?:notice|hang\s+up|drop\s+off|complain|get\s+annoyed|talk\s+over|lose\s+interest|give\s+up)\s+(?:it\s+)?"
    r"(?:if|when|whenever|once|as\s+soon\s+as)\s+[^.;!?]{0,50}?\b(?:pauses?|waits?|lags?|hesitat\w+|stalls?|silen\w+|quiet|"
    r"delays?|gaps?|takes?)\s+(?:\w+\s+)?(?:(?:much\s+|any\s+)?(?:more|longer)\s+than|over|past|beyond|above)\s+"
    r"(?:about\s*|around\s*|roughly\s*|~\s*)?" + _AMOUNT + r"(ms|milliseconds?|s|secs?|seconds?)\b",
    re.IGNORECASE,
)
# "2 seconds for the full answer", "10 s or less per summary": a time with no "under" or "within".
_LATENCY_FOR = re.compile(
    r"(?<![\w.,])(\d+(?:[.,]\d+)*)\s*(ms|milliseconds?|s|secs?|seconds?|minutes?|mins?)\b"
    r"(?=\s+(?:or less|max\b|at most|"
    r"(?:for|to)\s+(?:\w+\s+){0,3}(?:answers?|responses?|repl(?:y|ies)|summar(?:y|ies)|outputs?|results?|"
    r"generat\w*|finish|complete))|\s*(?:to|till|until)\s+(?:the\s+)?first\s+(?:token|word|byte|chunk))",
    re.IGNORECASE,
)
# "150ms ttft max", "2 s response time tops": a time, what it times, then its ceiling.
_TIME_THEN_CAP = re.compile(
    r"(?<![\w.])(\d+(?:\.\d+)?)\s*(ms|milliseconds?|s|secs?|seconds?|minutes?|mins?)\s+(?:ttft|time[- ]to[- ]first[- ]"
    r"(?:token|byte)|first[- ](?:token|word)|latency|response(?:\s+time)?|p\d\d|end[- ]to[- ]end|e2e|total)\s+"
    r"(?:max(?:imum)?|tops|at\s+most|or\s+(?:less|under)|limit|ceiling|cap)\b",
    re.IGNORECASE,
)
# "under 2s per image", "30 s for each report": a time per item of work is the time to finish one. A time
# per message or per request of a chat says nothing new (it may still be the first words).
_PER_ITEM = re.compile(r"\s*(?:per|for\s+each|for\s+every|each|an?)\s+(?!(?:output\s+)?(?:tokens?|words?|"
                       r"characters?|chars?|seconds?|minutes?|hours?|days?|weeks?|months?|times?|messages?|msgs?|"
                       r"turns?|questions?|quer(?:y|ies)|chats?|repl(?:y|ies)|answers?|responses?|prompts?|"
                       r"requests?|calls?|users?|conversations?)\b)[a-z]+",
                       re.IGNORECASE)  # fmt: skip


def _latency_ms(amount: str, unit: str) -> float:
    said = _WORDS.get(" ".join(amount.lower().split())) if not amount[0].isdigit() else written_number(amount)
    assert said is not None  # "1,5 s", "2,000ms" read through the shared figure grammar
    value = float(said)
    unit = unit.lower()
    return value * 60_000 if unit.startswith("min") else value if unit.startswith("m") else value * 1000


_FIRST_WORDS = re.compile(r"\bstart|\bbegin|first (?:token|word|byte|chunk|character|audio|sound)s?|ttft|time to first|"
                          r"appear|"
                          r"stream|\bfeel|instant|snappy", re.I)  # fmt: skip
_WHOLE_ANSWER = re.compile(r"\b(?:whole|full|fully|entire|complete|completed|total|finish\w*|done|arrive\w*)\b|"
                           r"end[- ]to[- ]end|response time|round[- ]trip|generated|generation|final token|"
                           r"last token|\bdecid\w*|\bready\b|\bdelivered\b|\breturned\b|\bdecision|\bverdict|"
                           r"\btak(?:e|es|ing)\b|\bp(?:50|9\d)\b",
                           re.I)  # fmt: skip
_ANSWER_WORDS = re.compile(r"\b(?:answers?|responses?|repl(?:y|ies)|respond\w*|results?|summar(?:y|ies)|outputs?)\b",
                           re.I)  # fmt: skip


_TODAY = re.compile(r"\b(?:current(?:ly)?|right now|at the moment|today|measured|we (?:see|get)|too slow)\b", re.I)


# "Answers within 2 s" for a chat means the first words (a whole 300-token answer in 2 s is rarely
# possible); "answers within 10 s" means the whole answer, which also bounds the first words.
WHOLE_ANSWER_FROM_MS = 5_000


def _sentence_around(text: str, at: int) -> str:
    start, end = sentence_bounds(text, at)
    return text[start:end]


def names_first_words(text: str) -> bool:
    """The message says the time is to the first words ("starts within", "TTFT", "first token")."""
    return bool(_FIRST_WORDS.search(text))


def latency(text: str) -> list[tuple[str, float, str]]:
    """(field, milliseconds, words) for each time target. A time for the first words is a TTFT
    target; a time for the whole answer ("the whole reply", "end to end", "for the full answer", "per
    image", "ready within") is an end-to-end one. The first statement of each wins. (A label's reply is not
    read whole from the task alone: "classify ... under 1 second" estimated at the default 300 output tokens
    eliminated every model.)"""
    found: dict[str, tuple[float, str]] = {}
    times = [*_LATENCY.finditer(text), *_LATENCY_FOR.finditer(text), *_TIME_THEN_CAP.finditer(text),
             *_FELT_PAST.finditer(text), *_FELT_IF.finditer(text)]
    for match in sorted(times, key=lambda m: m.start()):
        if not match.group(1)[0].isdigit() and match.group(2).lower() in ("s", "ms"):
            continue  # "come in as 1-2 pages": "in a s" is no time
        ms = _latency_ms(match.group(1), match.group(2))
        clause = clause_around(text, match.start(), match.end())
        if _TODAY.search(clause):
            continue  # "our current TTFT is 4 s": what it is, not what it must be
        words = clause.strip()
        if not _WHOLE_ANSWER.search(clause) and not _FIRST_WORDS.search(clause):
            clause = _sentence_around(text, match.start())  # "The total response time, ..., can't exceed 4 s"
        first = bool(_FIRST_WORDS.search(clause))
        whole = bool(_WHOLE_ANSWER.search(clause)) or bool(_PER_ITEM.match(text, match.end()))
        answer = bool(_ANSWER_WORDS.search(clause)) and ms >= WHOLE_ANSWER_FROM_MS
        if (whole or answer) and not first and "max_response_ms" not in found:
            found["max_response_ms"] = (ms, f"{words} (the whole answer)")
            if whole:
                continue
            words = f"{words} (the first words come no later than the whole answer)"
        if "max_ttft_ms" not in found:
            found["max_ttft_ms"] = (ms, words if answer or first else match.group(0))
    return [(name, ms, words) for name, (ms, words) in found.items()]
