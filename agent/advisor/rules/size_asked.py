"""What a size's sentence only asks about: "Is a 200k context enough or do we need to chunk?" states no
window, and chunks nothing; "Would RAG help?" retrieves nothing. A request for a recommendation ("can you
suggest a model for our RAG bot?") still states what it names. Pure."""

from __future__ import annotations

import re

from agent.advisor.rules.size_units import sentence_bounds
from agent.advisor.rules.size_words import RETRIEVAL_HINT

# A yes/no question, or one torn between two ways ("..., or do we need to chunk?", "whether to chunk")
_YES_NO = re.compile(r"^\W*(?:(?:so|and|but|also|ok(?:ay)?)\W+)?(?:is|isn't|are|aren't|was|would|wouldn't|will|"
                     r"won't|should|shall|do|does|did|can|could|must|might|may)\b|"
                     r"\bor\s+(?:do|does|should|would|will|can|could|must)\s+(?:we|i|you|it|they)\b",
                     re.I)  # fmt: skip
# A question that looks for a model states what it names: "is there a model that handles RAG well?"
_RECOMMEND = re.compile(r"\b(?:recommend|suggest|pick|choose|find|shortlist|propose|point|is\s+there|are\s+there|"
                        r"do\s+you\s+have|any(?:thing)?\s+(?:\w+\s+)?(?:models?|llms?|options?)|which|what)\b",
                        re.I)  # fmt: skip
_DOUBT = re.compile(r"\b(?:whether|not sure (?:if|whether)|wondering (?:if|whether)|unsure (?:if|whether))\b", re.I)
# What a question asks of a window: whether it suffices
_ENOUGH = re.compile(r"\b(?:enough|sufficient|suffice\w*|overkill|necessary|worth\s+it|too\s+small|too\s+big|"
                     r"do\s+we\s+(?:really\s+)?need)\b", re.I)  # fmt: skip


def _sentence(text: str, at: int) -> tuple[int, str, bool]:
    """Where the sentence around `at` starts, its words, and whether a question mark ends it."""
    start, end = sentence_bounds(text, at, semicolons=True)
    return start, text[start:end], text[start:end].rstrip().endswith("?") or text[end : end + 1] == "?"


def asked(text: str, at: int) -> bool:
    """The sentence around `at` asks a yes/no question or doubts a way, rather than asking for a pick."""
    start, said, question = _sentence(text, at)
    if _RECOMMEND.search(said):
        return False
    doubt = _DOUBT.search(said)
    return bool(doubt and start + doubt.start() < at) or (question and bool(_YES_NO.search(said)))


def asked_if_enough(text: str, at: int) -> bool:
    """ "Is a 200k context enough?": a question whether a size suffices states none."""
    return asked(text, at) and bool(_ENOUGH.search(_sentence(text, at)[1]))


def retrieval_done(text: str) -> bool:
    """Words of retrieval (RAG, chunks, top-k) that are not only asked about."""
    return any(not asked(text, hint.start()) for hint in RETRIEVAL_HINT.finditer(text))
