"""Sizes of one item times how many items a request carries ("two contracts, each 8-12 pages", "the
last 100 log lines (about 25 tokens a line)", "6 few-shot examples (~120 tokens each)", "3 articles of
~800 words"), and a size restated more exactly right after it ("a few paras, say 3", "~8k tokens, on
average say 4k"). Pure functions on the words around one size; used by agent/extract_sizes.py."""

from __future__ import annotations

import re

_SMALL = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
          "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "fifty": 50}  # fmt: skip
_ITEM = r"(?:item|one|piece|line|turn|message|chunk|page|file|doc\w*|article|example|entry|row|email|review|record)"
# "~150 tok each", "30 words apiece", "25 tokens a line", "300 tokens per chunk"
_EACH_AFTER = re.compile(
    r"\s*(?:each|apiece|a piece|per\s+" + _ITEM + r"|an?\s+" + _ITEM + r"|(?:from|of|for|in)\s+each(?:\s+one)?)\b", re.I
)
# Words between "each" and one item's size that name no item: "each is about", "each runs roughly".
_FILLER = r"is|are|has|of|at|runs?|averag\w*|about|around|roughly|approx\w*|maybe|between|up"
# "each between 8 and 12 pages", "each turn ~50 words", "(each about 60 words)", "each of them is ~"
_EACH_BEFORE = re.compile(
    r"\b(?:each|every one)(?:\s+of\s+(?:them|these|those)|\s+[a-z]+)?[\s,]*"
    rf"(?:(?:{_FILLER}(?: to)?|~)\s*)*$",
    re.I,
)
# "3 KB articles of roughly 350 tokens": a count of items, then "of" and one item's size.
_COUNT_OF = re.compile(r"\s+of\s+(?:(?:about|around|roughly|approx\w*|maybe|up to)\s+|~\s*)?$", re.I)
_MEASURE = r"(?:min|mins|minutes?|h|hrs?|hours?|secs?|seconds?|days?|k|m|pages?|words?|tokens?|lines?)\b"
_COUNT = re.compile(
    r"(?<![\w.,$€£–-])(?P<n>\d+(?:,\d{3})*|" + "|".join(_SMALL) + r")\s+(?!" + _MEASURE + r")"
    r"(?:[\w'-]+\s+){0,3}?(?P<noun>[a-z]+s)\b",
    re.I,
)
# Nouns that count time, people, requests or retrieved passages, not items of one request.
_NOT_ITEMS = re.compile(
    r"(?:seconds|minutes|hours|days|weeks|months|years|times|requests|queries|calls|users|people|employees|"
    r"members|customers|students|devs|developers|agents|staff|analysts|players|passages|chunks|snippets|results|"
    r"tokens|words|characters|chars|languages|categories|labels|fields|classes|queues|buckets|intents|topics|tags)$",
    re.I,
)
# "each ticket", "every one of the reports": the item a size belongs to, named (fillers are not items)
_EACH_NAMES = re.compile(rf"\b(?:each|every)\s+(?!(?:{_FILLER}|one|typically|usually|with|in|time)\b)(?P<item>[a-z]+)",
                         re.I)  # fmt: skip
# "200 tickets a day", "500 bundles of invoices a week": a count per period
_RATE_AFTER = re.compile(r"\s*(?:of\s+(?:[\w-]+\s+){1,2}?)?(?:(?:a|an|per|each|every|/)\s*"
                         r"(?:day|week|month|hour|minute|year)|daily|weekly|monthly|hourly)\b", re.I)  # fmt: skip


def _number(word: str) -> float:
    return float(word.replace(",", "")) if word[0].isdigit() else float(_SMALL[word.lower()])


def item_count(before: str, after: str) -> tuple[float, str, int] | None:
    """How many items carry a size said for one of them: (count, its words, where the count starts in
    `before`), when the words say the size is each item's ("each", "apiece", "a line", "N things of")."""
    each = bool(_EACH_AFTER.match(after) or _EACH_BEFORE.search(before))
    counts = [m for m in _COUNT.finditer(before) if not _NOT_ITEMS.match(m.group("noun"))]
    if not counts:
        return None
    count = counts[-1]
    noun = re.escape(count.group("noun").lower())
    # "50 reviews per call (reviews average 60 words)": the items named again, then one item's size
    again = r"\b" + noun + r"\s+(?:average|averaging|are|run|of)\s+(?:about\s+|around\s+|roughly\s+|~\s*)?$"
    each = each or bool(re.search(again, before[count.end() :], re.I))
    if _RATE_AFTER.match(before[count.end() :]):
        return None  # "200 tickets a day, each ~300 tokens": a volume, not items of one request
    named = _EACH_NAMES.search(before[count.end() :])
    if named and named.group("item").lower().rstrip("s") != count.group("noun").lower().rstrip("s"):
        return None  # "into 12 queues, each ticket ~300 words": the size is a ticket's, and tickets are not counted
    of_size = bool(_COUNT_OF.fullmatch(before[count.end() :]))
    if not (each or of_size) or _number(count.group("n")) > 200:
        return None
    return _number(count.group("n")), count.group(0), count.start()


_RESTATED = re.compile(
    r"[\s,;]*(?:but\s+)?(?:on average|averaging|typically|usually|say)[\s,]*(?:say\s+)?(?:about\s+|around\s+|~\s*)?"
    r"(?P<n>\d+(?:\.\d+)?)\s*(?P<k>k\b)?(?!\s*(?:%|[a-z]))",
    re.I,
)


def restated(after: str) -> tuple[float, str] | None:
    """A number that restates the size just said, more exactly: ", say 3", ", on average say 4k"."""
    match = _RESTATED.match(after)
    if not match:
        return None
    return float(match.group("n")) * (1000 if match.group("k") else 1), match.group(0)


# A size said of one item ("Each wording is ~40 pages", "one contract runs 30 pages"), then how many such
# items a request takes, said after it: "and we compare two at a time", "three of them in one prompt",
# "compared in pairs". Only comparing says so by itself; other verbs need "in one request" or the like,
# since "we process two at a time" may be two requests in parallel.
_ONE_ITEM = re.compile(r"\b(?:each|every|one|an?|a\s+single)\s+(?!(?:request|call|prompt|query|run)s?\b)[\w-]+\s+"
                       r"(?:[\w-]+\s+)?(?:is|are|runs?|has|of|averag\w*)?\s*(?:(?:about|around|roughly|approx\w*|"
                       r"typically|usually|maybe)\s+|~\s*)*$", re.I)  # fmt: skip
_COUNT_WORD = (r"(?P<n>two|three|four|five|six|\d{1,2})"
               r"(?:\s+(?!(?:at|in|per|into|together|side)\b)(?:of\s+them|[a-z]+))?")  # "two", "three versions"
_TOGETHER = re.compile(
    r"[^.!?]{0,60}?\b(?:compar\w*|contrast\w*|diff(?:s|ing)?|reconcil\w*|cross-check\w*)\s+(?:them\s+|these\s+)?"
    + _COUNT_WORD + r"(?:\s+(?:at\s+(?:a\s+)?time|at\s+once|together|side\s+by\s+side))?\b|"
    r"[^.!?]{0,60}?\b" + _COUNT_WORD.replace("?P<n>", "?P<m>") + r"\s+(?:at\s+(?:a\s+)?time\s+|together\s+)?"
    r"(?:per|in\s+(?:one|each|a\s+single|the\s+same)|into\s+(?:one|a\s+single|the\s+same))\s+"
    r"(?:request|call|prompt|query|run)\b|"
    r"[^.!?]{0,60}?\b(?:compar\w*|review\w*|read\w*)\s+(?:them\s+)?(?P<pairs>in\s+pairs|pairwise)\b",
    re.I,
)


def counted_after(before: str, after: str) -> tuple[float, str] | None:
    """How many items one request takes, said after the size of one of them, and its words."""
    if not _ONE_ITEM.search(before):
        return None
    together = _TOGETHER.match(after)
    if together is None:
        return None
    words = together.group(0).strip(" ,;")
    if together.group("pairs"):
        return 2.0, words
    return _number(together.group("n") or together.group("m")), words
