"""Rule-based constraint extraction: a developer's words -> requirement fields, with evidence.

Pure functions. Handles numbers with suffixes and units ("50k", "2 million", "$1,500",
"10M requests per month", "under 500ms", "within a second", "150k tokens"), task keywords,
modalities, JSON/tool needs, privacy phrasing and compliance regimes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from agent.extract_languages import clause_around, languages
from agent.extract_sizes import add_history, read_sizes
from agent.size_merge import parts_note
from catalog.requirements import DAYS_PER_MONTH

_NUM = r"(\d+(?:[.,]\d+)*)\s*(k|thousand|m|mm|mil|million|b|bn|billion)?\b"
_MULT = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mm": 1e6, "mil": 1e6, "million": 1e6, "b": 1e9,
         "bn": 1e9, "billion": 1e9}  # fmt: skip
_WORD_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "ten": 10,
    "half a": 0.5,
}


def _number(digits: str, suffix: str | None) -> float:
    digits = digits.replace(",", "") if re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?", digits) else digits
    value = float(digits.replace(",", "."))
    return value * _MULT.get((suffix or "").lower(), 1.0)


@dataclass
class Extraction:
    """Fields found in one message, and the words that justified each."""

    fields: dict[str, Any] = field(default_factory=dict)
    evidence: dict[str, str] = field(default_factory=dict)
    cleared: set[str] = field(default_factory=set)

    def put(self, name: str, value: Any, evidence: str) -> None:
        self.fields[name] = value
        self.evidence[name] = evidence.strip()

    def add_to_list(self, name: str, value: str, evidence: str) -> None:
        values = self.fields.setdefault(name, [])
        if value not in values:
            values.append(value)
        self.evidence[name] = evidence.strip()


_VOLUME = re.compile(
    r"(?<![$€£\d.,])" + _NUM + r"(?!\s*(?:usd|dollars|bucks|eur|euros?|gbp|pounds?|tokens?|ms|seconds?|pages?))"
    r"\s*(?:[a-z-]+\s+){0,2}?"
    r"(?:requests?|queries|calls|messages|conversations|chats|tickets|documents|docs|users?|emails|reqs?|"
    r"prompts|images|items|transactions|photos|videos|files|invoices|contracts|records)?\s*"
    r"(?:(?:a|an|per|each|every|/)\s*(day|month|week|hour|hr|minute|min|second|sec|year)\b|"
    r"(daily|monthly|weekly|hourly|yearly|annually)\b)",
    re.IGNORECASE,
)
_VOLUME_PLAIN = re.compile(
    r"(?<![$\d.,])" + _NUM + r"\s*(requests|queries|calls|messages|conversations|chats|tickets|documents|emails)\b",
    re.IGNORECASE,
)
_PERIOD_PER_DAY = {"day": 1, "daily": 1, "month": 1 / DAYS_PER_MONTH, "monthly": 1 / DAYS_PER_MONTH,
                   "week": 1 / 7, "weekly": 1 / 7, "hour": 24, "hr": 24, "hourly": 24, "minute": 1440,
                   "min": 1440, "second": 86400, "sec": 86400, "year": 1 / 365, "yearly": 1 / 365,
                   "annually": 1 / 365}  # fmt: skip


def _named_number(name: str) -> str:
    return rf"(?P<{name}>\d+(?:[.,]\d+)*)\s*(?P<{name}_suffix>k|thousand|m|mm|mil|million|b|bn|billion)?\b"


_PER_USER = re.compile(
    r"(?<![$€£\d.,])" + _named_number("users") + r"\s*(?:(?:daily|monthly|weekly|active)\s+){0,2}users?\b"
    r"[^.;\d]{0,40}?"
    + _named_number("each")
    + r"\s*(?:requests?|queries|messages|chats|conversations|questions|prompts)\s*"
    r"(?:a|an|per|each|every|/)\s*(?:user\s+)?(?:a|an|per|each|every|/)?\s*(?P<period>day|week|month|hour)\b",
    re.IGNORECASE,
)
_BUDGET = re.compile(
    r"(?:budget\s*(?:is|of|:|around|about|=)?\s*(?:up to\s*)?[$€£]?\s*"
    + _named_number("a")
    + r"|[$€£]\s*"
    + _named_number("b")
    + r"|"
    + _named_number("c")
    + r"\s*(?:usd|dollars|bucks|eur|euros?|gbp|pounds?))"
    r"\s*(?:(?:a|per|/|each)\s*(?P<period>month|mo|year|yr)\b)?",
    re.IGNORECASE,
)
_LATENCY = re.compile(
    r"(?:under|below|less than|within|<|max(?:imum)?|at most|no more than|faster than|in)\s*"
    r"(?:about\s*)?(\d+(?:\.\d+)?|a|an|one|two|three|half a)\s*"
    r"(ms|milliseconds?|s|secs?|seconds?)\b",
    re.IGNORECASE,
)
# "2 seconds for the full answer", "10 s or less per summary": a time with no "under" or "within".
_LATENCY_FOR = re.compile(
    r"(?<![\w.])(\d+(?:\.\d+)?)\s*(ms|milliseconds?|s|secs?|seconds?)\b(?=\s+(?:or less|max\b|at most|"
    r"(?:for|to)\s+(?:\w+\s+){0,3}(?:answers?|responses?|repl(?:y|ies)|summar(?:y|ies)|outputs?|results?|"
    r"generat\w*|finish|complete)))",
    re.IGNORECASE,
)
_CONTEXT = re.compile(
    _NUM + r"\s*(?:tokens?\s*(?:of\s*)?)?(?:context|context window|token context|tokens? of context)",
    re.IGNORECASE,
)

TASK_KEYWORDS: list[tuple[str, tuple[str, ...]]] = [
    ("coding", ("code", "coding", "programming", "autocomplete", "ide", "developer tool", "pull request",
                "refactor", "copilot", "code review", "unit test")),
    ("vision", ("image", "images", "photo", "photos", "screenshot", "picture", "video", "videos", "ocr",
                "scanned", "camera", "visual")),
    ("classification", ("classify", "classification", "categorize", "categorise", "tagging", "label",
                        "sentiment", "triage", "route tickets", "intent detection", "spam", "moderation")),
    ("extraction", ("extract", "extraction", "parse", "invoice", "invoices", "fields from", "structured data",
                    "form", "forms", "entity")),
    ("summarization", ("summarize", "summarise", "summary", "summaries", "summarization", "summarisation",
                       "digest", "tl;dr", "meeting notes")),
    ("document-analysis", ("contract", "contracts", "legal document", "long document", "medical record",
                           "filings", "pdfs", "reports", "document analysis", "documents")),
    ("reasoning", ("math", "maths", "reasoning", "logic", "proof", "puzzle", "calculation", "step by step")),
    ("creative", ("creative", "story", "stories", "fiction", "marketing copy", "copywriting", "poems",
                  "novel", "blog posts", "screenplay")),
    ("rag", ("rag", "retrieval", "knowledge base", "internal docs", "search over", "enterprise search",
             "question answering over", "q&a over", "our docs")),
    ("agent", ("agent", "agents", "agentic", "tool use", "tools", "function calling", "workflow automation",
               "autonomous")),
    ("chat", ("chatbot", "chat bot", "customer support", "support bot", "assistant", "conversational",
              "helpdesk", "help desk", "chat")),
]  # fmt: skip
# Order matters: an image classifier is a vision task before a classification one.

_NEEDS: list[tuple[str, tuple[str, ...]]] = [
    ("vision", ("image", "images", "photo", "photos", "screenshot", "screenshots", "picture", "scanned", "ocr",
                "diagram", "charts")),
    ("video", ("video", "videos", "footage", "clips")),
    ("audio", ("audio", "voice", "speech", "spoken", "phone calls", "transcri")),
    ("json", ("json", "structured output", "schema", "structured data")),
    ("tools", ("tool use", "tool calling", "function calling", "tools", "call our api", "api calls", "agent")),
    ("reasoning", ("step by step reasoning", "chain of thought", "reasoning model")),
]  # fmt: skip
_SELF_HOSTED = re.compile(
    r"on[- ]?prem|self[- ]?host|air[- ]?gapped|our own (?:servers|hardware|gpus|data ?cent(?:er|re))|"
    r"(?:never|not|nothing|can'?t|cannot|must not|mustn'?t|may not|no data (?:can|may|should))\s+"
    r"(?:\w+\s+){0,3}(?:leave|leaves|leaving|go outside|be sent outside|exit)|"
    r"(?:stay|stays|kept|keep it) (?:in|inside|within) our (?:network|data ?cent(?:er|re)|infrastructure|premises)|"
    r"offline only|no (?:cloud|third[- ]party) (?:apis?|providers?)",
    re.IGNORECASE,
)
_NO_TRAINING = re.compile(r"(?:no|not|never|don'?t|without)\s+(?:\w+\s+){0,3}train(?:ing|ed|s)?\b|zero retention",
                          re.IGNORECASE)  # fmt: skip
_NOT_SENSITIVE = re.compile(
    r"not sensitive|non[- ]sensitive|nothing sensitive|no sensitive|public data|no privacy (?:concerns?|requirements?)",
    re.IGNORECASE,
)
_EU = re.compile(r"\b(?:eu|europe|european|gdpr)\b", re.IGNORECASE)
_REGION_LOCK = re.compile(
    r"(?:stay|stays|remain|keep|keeps|keeping|kept|hosted|processed|store[sd]?|resid\w*)\s+(?:\w+\s+){0,3}"
    r"(?:in|inside|within)\s+"
    r"(?:the\s+)?(eu|europe|us|usa|united states|asia)\b|(eu|us|european)[- ]only|data residency|"
    r"(?:leave|leaves|leaving|outside(?:\s+of)?|out of)\s+(?:the\s+)?(eu|europe|us|usa|united states|asia)\b",
    re.IGNORECASE,
)
_COMPLIANCE = [
    (
        "hipaa",
        re.compile(r"\bhipaa\b|\bphi\b|patient data|health(?:care)? data|medical records", re.IGNORECASE),
    ),
    ("gdpr", re.compile(r"\bgdpr\b", re.IGNORECASE)),
    ("soc2", re.compile(r"\bsoc ?-?2\b|\bsoc ii\b", re.IGNORECASE)),
]
_OPEN_WEIGHTS = re.compile(r"open[- ]weights?|open[- ]source (?:models?|only)|open models? only", re.IGNORECASE)
_PRIORITY = [
    ("cost", re.compile(r"cheap(?:est)?|low(?:est)? cost|cost is (?:king|key|the (?:main|top))|"
                        r"budget is tight|tight budget|as cheap as|cost[- ]sensitive|minimi[sz]e cost", re.I)),
    ("quality", re.compile(r"best quality|quality (?:is|matters) (?:most|first|key)|accuracy (?:is )?critical|"
                           r"highest (?:quality|accuracy)|most accurate|can'?t afford mistakes", re.I)),
    ("latency", re.compile(r"fast as possible|speed (?:is|matters) (?:most|key|critical)|real[- ]time|"
                           r"latency (?:is )?critical|instant|snappy", re.I)),
]  # fmt: skip


def _has_word(text: str, phrase: str) -> bool:
    return re.search(r"(?<![a-z])" + re.escape(phrase) + r"s?(?![a-z])", text) is not None


def task_from_keywords(text: str) -> tuple[str, str] | None:
    """The task with the most keyword hits; ties go to the earlier task in TASK_KEYWORDS."""
    lowered = text.lower()
    best: tuple[int, str, str] | None = None
    for task, words in TASK_KEYWORDS:
        hits = [word for word in words if _has_word(lowered, word)]
        if hits and (best is None or len(hits) > best[0]):
            best = (len(hits), task, hits[0])
    return (best[1], best[2]) if best else None


def _latency_ms(amount: str, unit: str) -> float:
    value = _WORD_NUMBERS.get(amount.lower()) if not amount[0].isdigit() else float(amount)
    assert value is not None
    return value if unit.lower().startswith("m") else value * 1000


def extract(text: str) -> Extraction:
    """Every requirement field this message states."""
    found = Extraction()
    _volume(text, found)
    _money(text, found)
    _latency(text, found)
    _tokens(text, found)
    for language, said in languages(text):
        found.add_to_list("languages", language, said)
    task = task_from_keywords(text)
    if task:
        found.put("task", task[0], task[1])
    lowered = text.lower()
    for need, words in _NEEDS:
        for word in words:
            if _has_word(lowered, word) or (word.endswith("i") and word in lowered):
                found.add_to_list("needs", need, word)
                break
    _privacy(text, found)
    if open_weights := _OPEN_WEIGHTS.search(text):
        found.put("open_weights", True, open_weights.group(0))
    for preset, pattern in _PRIORITY:
        match = pattern.search(text)
        if match:
            found.put("priority", preset, match.group(0))
            break
    return found


_FIRST_WORDS = re.compile(r"\bstart|\bbegin|first (?:token|word|byte|chunk|character)s?|ttft|time to first|appear|"
                          r"stream|\bfeel|instant|snappy", re.I)  # fmt: skip
_WHOLE_ANSWER = re.compile(r"\b(?:whole|full|entire|complete|completed|total|finish\w*|done|arrive\w*)\b|"
                           r"end[- ]to[- ]end|response time|round[- ]trip|generated", re.I)  # fmt: skip
_ANSWER_WORDS = re.compile(r"\b(?:answers?|responses?|repl(?:y|ies)|respond\w*|results?|summar(?:y|ies)|outputs?)\b",
                           re.I)  # fmt: skip


# "Answers within 2 s" for a chat means the first words (a whole 300-token answer in 2 s is rarely
# possible); "answers within 10 s" means the whole answer, which also bounds the first words.
WHOLE_ANSWER_FROM_MS = 5_000


def _latency(text: str, found: Extraction) -> None:
    """A time for the first words is a TTFT target; a time for the whole answer ("the whole reply",
    "end to end", "for the full answer") is an end-to-end one."""
    for match in sorted([*_LATENCY.finditer(text), *_LATENCY_FOR.finditer(text)], key=lambda m: m.start()):
        ms = _latency_ms(match.group(1), match.group(2))
        clause = clause_around(text, match.start(), match.end())
        words = clause.strip()
        whole = bool(_WHOLE_ANSWER.search(clause))
        answer = bool(_ANSWER_WORDS.search(clause)) and ms >= WHOLE_ANSWER_FROM_MS
        if (whole or answer) and not _FIRST_WORDS.search(clause) and "max_response_ms" not in found.fields:
            found.put("max_response_ms", ms, f"{words} (the whole answer)")
            if whole:
                continue
            words = f"{words} (the first words come no later than the whole answer)"
        if "max_ttft_ms" not in found.fields:
            found.put("max_ttft_ms", ms, words if answer else match.group(0))


def _volume(text: str, found: Extraction) -> None:
    match = _PER_USER.search(text)
    if match:
        users = _number(match.group("users"), match.group("users_suffix"))
        each = _number(match.group("each"), match.group("each_suffix"))
        per_day = users * each * _PERIOD_PER_DAY[match.group("period").lower()]
        found.put("requests_per_day", round(per_day, 3), match.group(0))
        return
    match = _VOLUME.search(text)
    if match:
        period = (match.group(3) or match.group(4)).lower()
        per_day = _number(match.group(1), match.group(2)) * _PERIOD_PER_DAY[period]
        found.put("requests_per_day", round(per_day, 3), match.group(0))
        return
    match = _VOLUME_PLAIN.search(text)
    if match and re.search(r"\bday|daily\b", text, re.IGNORECASE):
        found.put("requests_per_day", _number(match.group(1), match.group(2)), match.group(0))


def _money(text: str, found: Extraction) -> None:
    for match in _BUDGET.finditer(text):
        name = next(n for n in ("a", "b", "c") if match.group(n))
        # "$0.002 per request" is a price, not a budget.
        tail = text[match.end() : match.end() + 15].lower()
        if any(word in tail for word in ("per request", "per call", "per 1k", "per million", "per token")):
            continue
        amount = _number(match.group(name), match.group(f"{name}_suffix"))
        if (match.group("period") or "").lower() in ("year", "yr"):
            amount /= 12
        evidence = match.group(0)
        if re.search(r"[€£]|eur|gbp|pound", evidence, re.IGNORECASE):
            evidence += " (read as US dollars at par: there is no exchange rate offline)"
        found.put("budget_usd_month", amount, evidence)
        return


def _tokens(text: str, found: Extraction) -> None:
    sizes = read_sizes(text)
    context = _CONTEXT.search(text)
    if context and context.group(0) not in sizes.evidence.get("documents", ""):
        found.put("min_context", int(_number(context.group(1), context.group(2))), context.group(0))
    elif sizes.context is not None:
        context_words = [sizes.evidence[k] for k in ("min_context", "documents") if k in sizes.evidence]
        found.put("min_context", sizes.context, "; ".join(context_words) or "the documents' size")
    if sizes.output is not None:
        found.put("output_tokens", sizes.output, sizes.evidence["output_tokens"])
    if sizes.turns is not None:
        add_history(sizes, sizes.output)
        _conversations_to_requests(sizes.turns, sizes.evidence["turns"], found)
    notes = {k: v for k, v in sizes.notes.items() if k == "output_tokens"}
    if sizes.total is not None:
        found.put("input_tokens", sizes.total, sizes.evidence["input_tokens"])
        notes["input_tokens"] = sizes.notes["input_tokens"]
    elif sizes.parts:
        words = "; ".join(sizes.evidence[part] for part in sizes.parts if part in sizes.evidence)
        found.put("input_tokens", sum(sizes.parts.values()), words)
        found.put("input_parts", dict(sizes.parts), words)
        notes |= {part: sizes.notes[part] for part in sizes.parts}
        notes["input_tokens"] = parts_note(sizes.parts, sizes.notes)
    if notes:
        found.put("size_notes", notes, "; ".join(found.evidence[k] for k in ("input_tokens", "output_tokens")
                                                 if k in found.evidence))  # fmt: skip


def _conversations_to_requests(turns: float, words: str, found: Extraction) -> None:
    """Every turn of a conversation is a request: N conversations a day x T turns."""
    evidence = found.evidence.get("requests_per_day", "")
    if "requests_per_day" in found.fields and re.search(r"conversations?|chats?|sessions?|dialog", evidence, re.I):
        found.put("requests_per_day", round(found.fields["requests_per_day"] * turns, 3),
                  f"{evidence} x {words} (each turn is a request)")  # fmt: skip


def _privacy(text: str, found: Extraction) -> None:
    self_hosted = _SELF_HOSTED.search(text)
    region = _REGION_LOCK.search(text)
    if self_hosted and region and self_hosted.start() < region.end() and region.start() < self_hosted.end():
        self_hosted = None  # "no data may leave the EU": the place named is a region, not our premises
    if self_hosted:
        found.put("privacy", "self-hosted", self_hosted.group(0))
    elif region:
        found.put("privacy", "region-locked", region.group(0))
    elif no_training := _NO_TRAINING.search(text):
        found.put("privacy", "no-training", no_training.group(0))
    elif not_sensitive := _NOT_SENSITIVE.search(text):
        found.put("privacy", "none", not_sensitive.group(0))
    if region:
        place = (region.group(1) or region.group(2) or region.group(3) or "eu").lower()
        place = {"europe": "eu", "european": "eu", "usa": "us", "united states": "us"}.get(place, place)
        if place in ("eu", "us", "asia"):
            found.add_to_list("regions", place, region.group(0))
    for regime, pattern in _COMPLIANCE:
        match = pattern.search(text)
        if match:
            found.add_to_list("compliance", regime, match.group(0))
    eu = _EU.search(text)
    if eu and ("gdpr" in found.fields.get("compliance", []) or region):
        found.add_to_list("regions", "eu", eu.group(0))
        if re.search(r"resid|stay|remain|keep|kept|leave|outside|hosted in|processed in", text, re.IGNORECASE):
            found.add_to_list("compliance", "eu-residency", "EU residency")
