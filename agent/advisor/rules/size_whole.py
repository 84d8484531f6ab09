"""Document sizes that are not what one request carries: a long document of which only a part is sent
("filings are often 80 pages, but we only send the relevant section, roughly 5 pages"), and one fixed
document that questions are answered from ("our safety manual is 350 pages; workers ask questions answered
from it"), which is searched per question rather than read whole. Pure."""

from __future__ import annotations

import re

from agent.advisor.rules.size_units import Mention, sentence_bounds, tokens_of

# Only a part of it goes in: "but we only send the relevant section", "we just pass the clause section".
_ONLY_PART = re.compile(
    r"\b(?:only|just|merely)\s+(?:ever\s+)?(?:send|sends|pass|passes|feed|feeds|include|includes|use|uses|"
    r"give|gives|paste|pastes|extract|pull)\s+(?:it\s+|the\s+model\s+)?(?:the\s+|a\s+|one\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:section|sections|part|parts|excerpt|excerpts|passage|passages|pages?|chapter|clause|clauses|bit|"
    r"portion|snippet)\b|"
    r"\b(?:send|pass|feed|include)\s+only\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:section|part|excerpt|pages?|chapter|clause)",
    re.IGNORECASE,
)


def part_sent_later(text: str, mention: Mention, found: list[Mention]) -> bool:
    """A later size in the same sentence is the part of this document that is sent."""
    _, end = sentence_bounds(text, mention.start)
    later = [m for m in found if mention.start < m.start < end]
    return any(_ONLY_PART.search(text, mention.start, m.start) for m in later)


# Questions answered from one fixed document: "workers ask questions answered from it".
_ASKED_OF = re.compile(r"\b(?:ask(?:s|ed|ing)?\s+(?:\w+\s+){0,3}?(?:questions?|about)|questions?\s+(?:\w+\s+){0,2}?"
                       r"(?:answered\s+)?(?:from|about|on|against)\s+(?:it|them|the\s+\w+|our\s+\w+)|"
                       r"answer(?:s|ed|ing)?\s+(?:\w+\s+){0,3}?(?:from|using|out\s+of)\s+(?:it|the\s+\w+|our\s+\w+)|"
                       r"look(?:s|ing)?\s+(?:things\s+)?up\s+in)", re.IGNORECASE)  # fmt: skip
# The document is brought with each request, or read whole for another job.
_PER_REQUEST_DOCUMENT = re.compile(r"\b(?:upload\w*|paste\w*|attach\w*|each|every|per|their|whole|entire|full|"
                                   r"summari[sz]\w*|review\w*|analy[sz]\w*|compar\w*|translat\w*)\b", re.I)
SEARCHED_FROM_PAGES = 50  # a fixed document this long is searched per question, not sent whole


def searched_not_sent(text: str, mention: Mention) -> bool:
    """A long fixed document that questions are answered from, with nothing saying it goes in whole."""
    pages = mention.amount if mention.unit == "page" else tokens_of(mention)[0] / 600 if mention.unit == "token" else 0
    if pages < SEARCHED_FROM_PAGES:
        return False
    start, end = sentence_bounds(text, mention.start)
    return bool(_ASKED_OF.search(text)) and not _PER_REQUEST_DOCUMENT.search(text, start, end)
