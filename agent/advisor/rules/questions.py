"""Whether a message asks a question to be answered ("When does self-hosting beat the API?", "what is
TTFT?") or states requirements, even when phrased as a request ("can you find me something for 10k
requests a day under $300?"). A question changes no requirement. Pure functions."""

from __future__ import annotations

import re

from agent.advisor.rules.question_pieces import Piece, pieces

# Words a question may open with before it asks ("hmm what is a reasoning model", "wait, what's a token?").
FILLER = (r"(?:(?:ok(?:ay)?|so|and|but|sorry|hey|hi|hm+|um+|uh+|er+m?|oh|ah|wait|right|actually|also|btw|"
          r"quick (?:question|one)|one more thing|random question|"
          r"(?:dumb|noob|stupid|silly|side|follow[- ]up) question|"
          r"real quick|just curious|curious|out of curiosity|just wondering|by the way|"
          r"before (?:i|we) (?:answer|go on|continue)|quick q|q|"
          r"(?:(?:my|our|a|the|two|three|few|some|main|couple of)\s+){0,2}questions?\s*:)\W+)*")  # fmt: skip
# "At what volume would self-hosting pay off?", "In which region...", "By how much...": a preposition first.
_LEADING_PREPOSITION = (r"(?:(?:at|in|for|by|to|with|on|from|under|over|after|up\s+to)\s+"
                        r"(?=(?:what|which|how|whose)\b))?")
_ASKS = re.compile(
    r"^\W*" + FILLER + _LEADING_PREPOSITION
    + r"(?:eli5|what|what's|whats|how|why|when|where|which|who|whom|whose|should|shall|"
                       r"is|isn't|are|aren't|does|doesn't|"
    r"do|don't|did|can|could|would|will|won't|may|might|explain|tell me|define|describe|compare)\b",
    re.IGNORECASE,
)
# A request for a recommendation is a statement of needs, whatever its grammar.
_REQUEST = re.compile(
    r"^\W*(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+)?(?:find|recommend|suggest|pick|choose|help|give|"
    r"show|rank|shortlist|get|propose|point)\b|"
    r"^\W*(?:can|could)\s+(?:we|i)\s+(?:get|have|find|use)\s+(?:a|an|some|one|something|anything)\b|"
    r"^\W*(?:i|we)?(?:'d|\s+would)?\s*(?:need|want|like|looking for|searching for)\s+(?:a|an|some|something|anything|"
    r"one|model)\b|"
    r"\b(?:what|which)(?:'s|’s|s|\s+is|\s+are)\s+(?:the\s+)?(?:best|cheapest|fastest|right|ideal|top|a good)\s+"
    r"(?:models?|llms?|options?|choices?|ones?|providers?)\b|"
    r"\b(?:is there|are there|do you have|have you got|got)\s+(?:a|an|any|some|something|anything)\b|"
    r"\b(?:which|what)\s+(?:model|llm|one|provider|option|setup|stack)s?\s+(?:should|would|could|do you|fits?|"
    r"suits?|is best|works? best|for|to use|can)\b|"
    r"\bwhat\s+(?:would|do|should|could)\s+(?:you|we|i)\s+(?:recommend|suggest|use|pick|choose|go with)\b|"
    r"\b(?:any\s+)?(?:suggestions|recommendations?|ideas)\s+(?:for|on)\b|"
    r"\bhelp (?:me|us) (?:pick|choose|find|decide)\b",
    re.IGNORECASE,
)


# A yes/no question about the job that carries its figures ("anything decent for a spam filter doing 3
# million messages a month for under $250?", "could you make it work under $150 a month?") states them.
_YES_NO = re.compile(
    r"^\W*(?:(?:can|could|would|will)\s+(?:you|u|it|that|this|anything|any\s+(?:model|llm|option)s?|something)|"
    r"is there|are there|is anything|does anything|do you have|any|anything|something|got|"
    r"(?:can|could|would|will|does|do)\s+(?:[\w.-]+\s+){1,3}?(?:handle|cope\s+with|manage|take|serve|deal\s+with))\b",
    re.IGNORECASE,
)
_JOB_FIGURES = frozenset({"requests_per_day", "budget_usd_month", "max_ttft_ms", "max_response_ms", "min_context"})


def _states_figures(sentence: str) -> bool:
    from agent.advisor.rules.extract import extract  # extract reads sizes with rules that import this module's peers

    return bool(_JOB_FIGURES & set(extract(sentence).fields))


def _asks(sentence: str) -> bool:
    stripped = sentence.strip()
    if not (stripped.endswith("?") or _ASKS.search(stripped)) or _REQUEST.search(stripped):
        return False
    return not (_YES_NO.search(stripped) and _states_figures(stripped))


def _piece_asks(piece: Piece) -> bool:
    return piece.listed or _asks(piece.said)


def is_question(text: str) -> bool:
    """True when every sentence asks something and none asks for a recommendation: the message is to be
    answered and changes no requirement."""
    found = pieces(text)
    return bool(found) and all(piece.listed or _asks(piece.sentence or piece.said) for piece in found)


# A sentence is blanked only when it is plainly a question: a question mark, or a wh-word first ("how much
# would routing save"); "can spend about $40 a day." and "Is important that the data stay in Brazil." state.
_ASKED = re.compile(r"\?\s*$|^\W*" + FILLER + _LEADING_PREPOSITION + r"(?:what|what's|whats|how|why|when|which)\b",
                    re.I)  # fmt: skip


# A line typed without its question mark still asks when its verb comes before its subject ("Would SOC 2
# even matter for us", "does it have to stay in the EU"); "Is important that..." and "can spend $40" state.
_INVERTED = re.compile(r"^\W*" + FILLER + r"(?:is|are|does|did|would|should|could|can|will)\s+"
                       r"(?:(?:we|i|you|it|this|that|they|there|our|my|your|the|a|an|any)\b|(?-i:[A-Z]))",
                       re.IGNORECASE)  # fmt: skip


def _plainly_asked(piece: Piece) -> bool:
    # "maybe 10k a day?" answers with a question mark; "Do I need tool calling?" asks.
    said = piece.said
    marked = _ASKED.search(said) or (not said.endswith((".", "!")) and _INVERTED.search(said))
    return piece.listed or (_asks(said) and bool(_ASKS.search(said)) and bool(marked))


def _blanked(text: str, blank: list[Piece]) -> str:
    out = list(text)
    for piece in blank:
        out[piece.start : piece.end] = " " * (piece.end - piece.start)
    return "".join(out)


def stated_part(text: str) -> str:
    """The message with its questions blanked out (at the same length), for reading requirements from
    "We serve 50k requests a day. When does self-hosting beat the API?" without taking the question's
    "self-hosting" for a constraint."""
    return _blanked(text, [piece for piece in pieces(text) if _plainly_asked(piece)])


def statements(text: str) -> str:
    """The sentences that ask nothing (`is_question`'s reading of each), the rest blanked at the same
    length: what a message states beside its questions, however the questions open ("Out of
    curiosity, can any of them take audio?" asks; so does "Some staff are in France - does GDPR apply?")."""
    return _blanked(text, [piece for piece in pieces(text) if _piece_asks(piece)])


def asked_sentences(text: str) -> list[str]:
    """The plain questions of a message that also states something, one sentence each, without a list
    marker ("2) What would it cost?" -> "What would it cost?")."""
    return [piece.said for piece in pieces(text) if _plainly_asked(piece)]


def asked_part(text: str) -> str:
    """The plain questions of a message that also states something ("We run 50k chats a day. Would
    routing save us money?" -> "Would routing save us money?"); "" when there are none."""
    return " ".join(asked_sentences(text))


# A question wonders about another workload than its own when it supposes one ("what if we grew to 1M?",
# "would it still pay off above 100k?") or weighs figures against each other ("at 10k or 100k a day?").
_ANOTHER_WORKLOAD = re.compile(
    r"\b(?:if|suppose|supposing|imagine|say we|were to|grows?|grew|growing|scales?|scaled|scaling|doubles?|"
    r"doubled|triples?|tripled|reach(?:es|ed)?|hit|later|eventually|someday|one day|next year|in the future|"
    r"still|instead|rather than|how about|what about|above|beyond|past|over|more than|less than|fewer than|"
    r"under|below|at least|at most|up to|threshold|cut-?off)\b|"
    r"\d\s*[kKmM]?\b[^\w$€£,]*(?:,\s|\s*\b(?:or|and|to|vs\.?|versus)\b|\s*[-–/])\s*(?:~|about\s+)?[$€£]?\d",
    re.IGNORECASE,
)


def asks_about_own_workload(question: str) -> bool:
    """Whether a question's figures are the job's own ("Does self-hosting pay off at ~50k requests/day
    with 2k-token prompts?"), to be read beside what the message states."""
    return not _ANOTHER_WORKLOAD.search(question)
