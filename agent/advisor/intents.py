"""What a message asks for, as one registry: each intent has a name, how it is recognised and the
node it routes to. The graph's conditional edge reads it (graph.route_intent), so a new intent is
one entry here plus one node. Recognised from the words alone, before anything is extracted: a
question never becomes a requirement."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from agent.advisor import recall
from agent.advisor.economics import topic
from agent.advisor.rules.extract_languages import named_languages
from agent.advisor.rules.makers import MAKER_WORDS, allowed_again, makers_named
from agent.advisor.rules.places import adjective_codes, codes_in, country_name
from agent.advisor.rules.questions import is_question, stated_part
from catalog.entries import ModelEntry
from catalog.names import allow_list, normalise

_NAME = r"(?P<name>[\w .\-/:]+?)"
_NAME_A, _NAME_B = _NAME.replace("name", "a"), _NAME.replace("name", "b")
_END = r"\s*[?.!]*\s*$"
# What follows a model's name in a why-not question and is never part of it: "on the list", "ranked so low".
_AFTER_NAME = (r"(?:\s+(?:not|n't|on|in|at|make|made|making|get|got|rank|ranked|ranking|score|scored|included|"
               r"listed|recommended|picked|chosen|there|higher|lower|so|below|above|missing|out|excluded|"
               r"eliminated|dropped|removed|filtered|showing|shown|appear|appearing|anywhere|among|an option|"
               r"considered|better|worse|good enough|for|and|since|because|as|given|instead|rather|then|already|"
               r"over)\b.*|\s*[,;]\s.*|\s+[-–—]\s.*)?")  # fmt: skip
_EXPLAIN = [
    re.compile(r"\bwhy (?:did ?n'?t you (?:pick|choose|recommend|suggest|include|go with)|did you (?:drop|exclude|"
               r"eliminate|skip|leave out|rule out)|not|no|isn'?t|wasn'?t|aren'?t|doesn'?t|didn'?t)\s+"
               + _NAME + _AFTER_NAME + _END, re.I),
    re.compile(r"\bwhy (?:is|was|does|did|has)\s+" + _NAME + r"\s+(?:not|n't|been|get|rank|ranked|score|scored|"
               r"(?:so |that )?(?:low|far down|down)|below|lower|missing|out|excluded|eliminated|dropped|removed|"
               r"filtered|fall|fell|lose|lost|miss|behind|worse|under)\b.*" + _END, re.I),
    re.compile(r"\bhow come\s+" + _NAME + r"\s+(?:is|was|isn'?t|wasn'?t|didn'?t|doesn'?t|is not|was not|"
               r"ranks?|got|lost|fell|did)\b.*" + _END, re.I),
    re.compile(r"\b(?:what about|what'?s wrong with|what is wrong with|whatever happened to|where(?:'s| is| did))\s+"
               + _NAME + r"(?:\s+go)?" + _AFTER_NAME + _END, re.I),
]
# After a model's name in a comparison: "for us", "in terms of cost", "when it comes to latency".
_COMPARE_TAIL = r"(?:[,\s]+(?:for|in terms of|on|when it comes to|regarding|given|here|then|really|overall|which|" \
                r"what|in our case)\b.*)?"
_COMPARE = [
    re.compile(r"\bcompare\s+" + _NAME_A + r"\s+(?:and|with|to|vs\.?|versus|against)\s+" + _NAME_B
               + _COMPARE_TAIL + _END, re.I),
    re.compile(r"\bhow (?:does|do|would|will)\s+" + _NAME_A + r"\s+(?:compare|stack up|fare|do)\s+(?:to|with|against|"
               r"vs\.?|versus|next to)\s+" + _NAME_B + _COMPARE_TAIL + _END, re.I),
    re.compile(r"\bhow (?:do|would)\s+" + _NAME_A + r"\s+and\s+" + _NAME_B + r"\s+compare\b.*" + _END, re.I),
    re.compile(r"\b(?:the )?differences? between\s+" + _NAME_A + r"\s+and\s+" + _NAME_B + _COMPARE_TAIL + _END, re.I),
    re.compile(r"\b(?:which (?:is|one is|would be|'s) (?:better|best|cheaper|faster|quicker|smarter|more accurate|"
               r"the better (?:pick|choice|fit))|which one|which|"
               r"what(?:'s| is) better|should (?:we|i) (?:go with|use|pick|choose|take)|would you (?:pick"
               r"|take|go with))"
               r"[,:]?\s+" + _NAME_A + r"\s+or\s+" + _NAME_B + _COMPARE_TAIL + _END, re.I),
    # "Would gemini flash or gpt-4.1 mini be better for us?", "Is Claude or GPT better for this?"
    re.compile(r"\b(?:would|will|is|are|does|do|could|might)\s+" + _NAME_A + r"\s+or\s+" + _NAME_B
               + r"\s+(?:be\s+|work\s+|do\s+)?(?:better|best|cheaper|faster|stronger|smarter|more accurate|"
               r"(?:a|the) better (?:fit|choice|pick|option))" + _COMPARE_TAIL + _END, re.I),
    re.compile(r"\bis\s+" + _NAME_A + r"\s+(?:better|cheaper|faster|worse)\s+than\s+" + _NAME_B + _COMPARE_TAIL + _END,
               re.I),
    re.compile(r"\bhow much (?:cheaper|faster|better|slower|pricier|more expensive|worse)\s+(?:is|would)\s+" + _NAME_A
               + r"\s+(?:be\s+)?than\s+" + _NAME_B + _COMPARE_TAIL + _END, re.I),
    re.compile(r"^(?:\W*(?:so|ok|okay|hmm|and)\W+)?" + _NAME_A + r"\s+(?:vs\.?|versus|or)\s+" + _NAME_B
               + _COMPARE_TAIL + _END, re.I),
    # "deepseek or mistral large — which fits us better?", "between A and B, what is more good for our case?"
    re.compile(r"^(?:\W*(?:so|ok|okay|hmm|and|also)\W+)*(?:(?:and\s+)?between\s+)?" + _NAME_A
               + r"\s+(?:vs\.?|versus|or|and)\s+" + _NAME_B
               + r"\s*(?:[-–—,:;]\s*|\s+)(?:which|what|who)\b.*" + _END, re.I),
    # "would o3-mini beat deepseek r1 for what we're doing?"
    re.compile(r"\b(?:would|will|does|do|could|can|might)\s+" + _NAME_A + r"\s+(?:beat|outperform|outdo|be better "
               r"than|do better than|win (?:over|against))\s+" + _NAME_B + _COMPARE_TAIL + _END, re.I),
    # "my boss wants gpt-4o but I think claude sonnet is better for us. who's right?"
    re.compile(r"\b(?:wants?|prefers?|likes?|suggests?|says?|pushes|pushing)\s+" + _NAME_A + r"\s*,?\s+but\s+"
               r"(?:i|we|the team|my \w+)\s+(?:think|prefer|like|want|say|believe)s?\s+" + _NAME_B
               + r"\s+(?:is|would be|'s)\s+(?:better|a better fit|the better (?:pick|choice))\b.*" + _END, re.I),
]
# An opinion asked of one model: "is GPT-4o overkill for this?", "would claude haiku be enough?", "is gemini
# flash good at tamil?", "thoughts on llama 70B?". Answered as a comparison with this user's top pick.
_JUDGE = [
    re.compile(r"\b(?:is|isn'?t|are|would|will|could|can|does|do)\s+" + _NAME + r"\s+(?:be\s+|really\s+|even\s+)?"
               r"(?:overkill|enough|good enough|sufficient|"
               r"too (?:much|big|expensive|slow|pricey|weak|small)|"
               r"better(?:\s+(?:for\s+(?:this|us|that|it)|here))?|(?:a\s+)?better\s+(?:fit|choice|pick|option)|"
               r"(?:a\s+)?(?:good|decent|great|solid|sensible|safe|reasonable|bad|poor)(?:\s+(?:fit|choice|pick|option|"
               r"idea|call))?|fine|ok|okay|worth it|suitable|up to (?:it|the job)|any good|cut it|"
               r"handle (?:it|this|that))"
               r"\b.*" + _END, re.I),
    re.compile(r"^(?:\W*(?:so|and|ok|okay|hmm)\W+)?(?:thoughts on|what do you think (?:of|about)|how about|"
               r"opinion on|your take on)\s+" + _NAME + r"(?:\s+for\s+(?:this|us|that)|\s+instead)?" + _END, re.I),
]


def _judge(text: str) -> list[str] | None:
    match = next((m for pattern in _JUDGE if (m := pattern.search(text))), None)
    if match and _MODEL_WORD.search(match.group("name")):
        return [_model_name(match.group("name"))]
    return None


# A loose comparison ("A or B?") is one only when both sides name models, not tasks ("chat or coding?").
_MODEL_WORD = re.compile(
    r"\b(?:gpt|o\d|claude|sonnet|opus|haiku|gemini|gemma|llama|mistral|mixtral|codestral|magistral|qwen|qwq|"
    r"deepseek|grok|phi|command|nova|kimi|glm|jamba|yi|olmo|granite|smollm|minimax|ernie|hermes|nemotron|"
    r"pixtral|ministral|devstral)|\b[a-z]+-?\d+(?:\.\d+)?[a-z]?\b",
    re.I,
)
_WHAT_IF = re.compile(r"\bwhat if\b|\bwhat happens if\b|\bsuppose\b|\bif (?:we|our|the) .* (?:grows?|doubles?)", re.I)
# A change of mind about a requirement already stated: "drop the budget", "forget the EU thing - legal
# says it's fine", "never mind the latency requirement, we'll stream", "it doesn't need to be open-weights".
_DROP = re.compile(
    r"\b(?:drop|remove|ignore|forget(?: about)?|relax|scratch|disregard|never ?mind|no longer need|"
    r"(?:don'?t|do not|doesn'?t|does not) (?:really |strictly |actually |necessarily )?need(?: to be| to have)?|"
    r"(?:don'?t|do not|doesn'?t|does not|no longer) (?:really |strictly |actually |necessarily )?have to be|"
    r"without)\s+"
    r"(?:the\s+|that\s+|our\s+|my\s+|any\s+)?(?P<what>[\w-]+(?:\s+[\w-]+){0,3}?)"
    r"(?:\s+(?:requirements?|constraints?|limits?|targets?|part|thing|bit|stuff|rule|angle))?"
    r"\s*(?:$|[.!;,:]|\s[-–—]\s|[-–—]\s|\s(?:because|since|as|we|legal|it|they|for now|after all)\b)",
    re.IGNORECASE,
)
# The requirement named first: "residency isn't required after all", "the JSON thing is no longer needed".
_DROP_AFTER = re.compile(
    r"\b(?P<what>[\w-]+(?:\s+[\w-]+){0,2}?)(?:\s+(?:requirements?|constraints?|limits?|part|thing|rule))?\s+"
    r"(?:isn'?t|is not|aren'?t|are not|is no longer|are no longer|won'?t be)\s+(?:really\s+|actually\s+|strictly\s+)?"
    r"(?:required|needed|necessary|a (?:requirement|must|constraint|concern|thing)|an issue|mandatory)\b",
    re.IGNORECASE,
)
# Ends the interview: rank now with what is known. ("skip" alone skips one question; see interview.py.)
_RECOMMEND_NOW = re.compile(
    r"^(?:just\s+)?(?:recommend|show (?:me )?(?:the )?(?:shortlist|ranking|results|recommendation)|"
    r"skip (?:the |all |all the )?questions|go ahead|that'?s all|that is all|that'?s it|nothing else|"
    r"use (?:the )?defaults?|no more questions)\b",
    re.IGNORECASE,
)
_GREETING = re.compile(r"^(?:hi|hello|hey|good (?:morning|afternoon|evening))\b[\s!.]*$", re.IGNORECASE)

DROP_FIELDS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"privacy|self[- ]host|on[- ]?prem|data center|training|own\s+(?:hardware|servers?|gpus?|infra)", re.I),
     "privacy"),
    (re.compile(r"region|residency|\beu\b", re.I), "regions"),
    (re.compile(r"budget|cost|price|spend", re.I), "budget_usd_month"),
    (re.compile(r"latency|ttft|speed|fast|second", re.I), "max_ttft_ms"),
    (re.compile(r"context|window", re.I), "min_context"),
    (re.compile(r"open[- ]?weights?|open[- ]source", re.I), "open_weights"),
    (re.compile(r"hipaa|gdpr|soc ?2|compliance", re.I), "compliance"),
    (re.compile(r"vision|image|video|audio|tools?|json|function|reasoning|capabilit", re.I), "needs"),
    (re.compile(r"languages?\b|multi-?lingual|translation", re.I), "languages"),
    (re.compile(r"\b(?:" + "|".join(MAKER_WORDS.values()) + r")\b|\bmakers?\b", re.I), "excluded_makers"),
]


def _asks(text: str) -> bool:
    from agent.advisor.definitions import asks_definition

    # "What is RAG?" asks for a definition and sets no task; "what's TTFT? for context: we need 200 ms" also states
    return is_question(text) or (asks_definition(text) and not stated_part(text).strip())


def _explain(text: str) -> list[str] | None:
    match = next((m for pattern in _EXPLAIN if (m := pattern.search(text))), None)
    return [_model_name(match.group("name"))] if match else None


def _compare(text: str) -> list[str] | None:
    for pattern in _COMPARE:
        match = pattern.search(text)
        if match and all(_MODEL_WORD.search(match.group(side)) for side in ("a", "b")):
            return [_model_name(match.group("a")), _model_name(match.group("b"))]
    return None


def _model_name(said: str) -> str:
    """A name as typed, without the article or filler around it ("the gpt-4o one" -> "gpt-4o")."""
    said = re.sub(r"^(?:(?:just|simply|only)\s+)?(?:(?:use|pick|choose|go with|take|try)\s+)?"
                  r"(?:(?:the|an|a|good old|plain)\b)?\s*", "", said.strip(" ,:;\"'`*"), flags=re.I)  # fmt: skip
    return re.sub(r"\s+(?:one|model|option|route)$", "", said, flags=re.I).strip()


def _economics(text: str) -> list[str] | None:
    kind = topic(text) if is_question(text) else None
    return [kind] if kind else None


# The items of a list requirement a drop can name: "scratch the HIPAA part" drops HIPAA, not SOC 2.
_DROP_ITEMS: dict[str, dict[str, re.Pattern[str]]] = {
    "compliance": {"hipaa": re.compile(r"hipaa", re.I), "gdpr": re.compile(r"gdpr", re.I),
                   "soc2": re.compile(r"soc ?2", re.I)},
    "needs": {need: re.compile(need if need != "tools" else r"tools?|function", re.I)
              for need in ("vision", "video", "audio", "tools", "json", "reasoning")},
}  # fmt: skip


def _items_named(field_name: str, what: str) -> list[str]:
    """The items of a list requirement the drop's words name ("the German language" is German, not French)."""
    if field_name == "languages":
        return named_languages(what)
    if field_name == "regions":
        return codes_in(what) or adjective_codes(what)
    if field_name == "excluded_makers":  # "forget the OpenAI rule": OpenAI's models may rank again
        return makers_named(what)
    return [item for item, said in _DROP_ITEMS.get(field_name, {}).items() if said.search(what)]


_PEOPLE_THERE = re.compile(r"\b(?:team|office|staff|people|folks|guys|customers|users|clients|branch|colleagues|"
                           r"group|division|launch|market)s?\b", re.I)  # fmt: skip


def _drop(text: str) -> list[str] | None:
    """The requirements a change of mind drops: a field ("budget_usd_month") or one item of a list
    ("compliance:hipaa")."""
    if allowed := allowed_again(text):  # "OpenAI is fine now": the rule against it is lifted
        return [f"excluded_makers:{maker}" for maker in allowed]
    match = _DROP.search(text) or _DROP_AFTER.search(text)
    if not match:
        return None
    what = match.group("what")
    dropped: list[str] = []
    for pattern, name in DROP_FIELDS:
        if not pattern.search(what):
            continue
        dropped += [f"{name}:{item}" for item in _items_named(name, what)] or [name]
    if not dropped:
        # "forget the French part": a language named is that language; "the Swiss thing" a place in the lock
        languages = [f"languages:{language}" for language in named_languages(what)]
        places: list[str] = []
        if not _PEOPLE_THERE.search(what):  # "the US team" is people there, not the lock
            places = [f"regions:{place}" for place in codes_in(what) or adjective_codes(what)]
        if languages and places and not codes_in(what):  # "German" alone: the words may say which
            if _SAYS_LANGUAGE.search(what):
                places = []
            elif _SAYS_PLACE.search(what):
                languages = []
        dropped = languages + places
    return dropped or None


_SAYS_LANGUAGE = re.compile(r"\b(?:languages?|speak\w*|spoken|translat\w*|locali[sz]\w*|replies|answers)\b", re.I)
_SAYS_PLACE = re.compile(r"\b(?:data|regions?|lock|residency|hosting|hosted|servers?|clouds?|soil|stay\w*)\b", re.I)


def ambiguous_drop(text: str, subject: list[str], requirements: dict[str, Any]) -> str | None:
    """A line asking which was meant when one adjective names a language and a place the session holds
    ("forget the German thing" with German replies and data kept in Germany), or None."""
    cue = drop_cue(text)
    held = {field_name: [item for name in subject if name.startswith(f"{field_name}:")
                         and (item := name.partition(":")[2]) in requirements.get(field_name, [])]
            for field_name in ("languages", "regions")}  # fmt: skip
    languages, places = held["languages"], held["regions"]
    if cue is None or not languages or not places or codes_in(text[cue[0]:cue[1]]):
        return None
    language, place = languages[0].title(), country_name(places[0])
    return (f"_\"{language}\" could be the {language} language or the data kept in {place}, so I changed neither. "
            f"Say \"drop the {language} language\" or \"drop the {language} data lock\"._")


def drop_cue(text: str) -> tuple[int, int] | None:
    """Where the words of a change of mind are ("forget the EU thing"), or None."""
    match = _DROP.search(text) or _DROP_AFTER.search(text)
    return match.span() if match else None


def drop_requirements(requirements: dict[str, Any], dropped: list[str]) -> dict[str, Any]:
    """The requirements without what was dropped, and without what only made sense with it (a region
    lock without its regions, EU residency without the EU)."""
    kept = dict(requirements)
    for name in dropped:
        field_name, _, item = name.partition(":")
        if field_name == "excluded_makers" and item in allow_list(kept.get(field_name, [])):
            item = ""  # "forget the Claude-only rule": the allow-list goes, not one more maker
        if item:
            remaining = [value for value in kept.get(field_name, []) if value != item]
            kept[field_name] = remaining
            if not remaining:
                kept = drop_requirements(kept, [field_name])  # the last region gone is the lock gone
            continue
        kept.pop(field_name, None)
        if field_name == "privacy":
            kept.pop("regions", None)
        if field_name == "regions":
            if kept.get("privacy") == "region-locked":
                kept.pop("privacy")
            if "eu-residency" in kept.get("compliance", []):
                kept = drop_requirements(kept, ["compliance:eu-residency"])
    return kept


def _matches(pattern: re.Pattern[str]) -> Callable[[str], list[str] | None]:
    return lambda text: [] if pattern.search(text) else None


@dataclass(frozen=True)
class IntentRule:
    """One intent: `recognise` returns its subject (possibly empty) when the message is one, else None.
    `changes_requirements` is False for questions: they are answered and leave the requirements alone."""

    name: str
    node: str
    recognise: Callable[[str], list[str] | None]
    changes_requirements: bool


# First match wins; "constraints" matches everything left.
INTENTS: tuple[IntentRule, ...] = (
    IntentRule("recall", "recall", recall.recognise, changes_requirements=False),  # before "what is X?"
    IntentRule("explain", "explain", _explain, changes_requirements=False),
    IntentRule("compare", "compare", _compare, changes_requirements=False),
    IntentRule("what_if", "what_if", _matches(_WHAT_IF), changes_requirements=False),
    IntentRule("economics", "economics", _economics, changes_requirements=False),
    IntentRule("judge", "judge", _judge, changes_requirements=False),  # after economics: "is hosting qwen worth it?"
    IntentRule("drop", "update", _drop, changes_requirements=True),
    IntentRule("recommend", "update", _matches(_RECOMMEND_NOW), changes_requirements=True),
    IntentRule("greeting", "update", _matches(_GREETING), changes_requirements=True),
    IntentRule("knowledge", "retrieve", lambda text: [] if _asks(text) else None, changes_requirements=False),
    IntentRule("constraints", "update", lambda text: [], changes_requirements=True),
)
BY_NAME = {rule.name: rule for rule in INTENTS}


@dataclass
class Intent:
    kind: str
    subject: list[str] = field(default_factory=list)


def classify(text: str, extraction: Any = None) -> Intent:
    """The first intent that recognises the message. (`extraction` is accepted and unused: the
    intent is read from the words before anything is extracted.)"""
    stripped = text.strip()
    for rule in INTENTS:
        subject = rule.recognise(stripped)
        if subject is not None:
            return Intent(rule.name, subject)
    return Intent("constraints")


# Words that end a sentence after a model's name and are never part of one.
_TRAILING_WORDS = frozenset(
    [
        "for",
        "this",
        "that",
        "these",
        "us",
        "me",
        "our",
        "my",
        "we",
        "you",
        "it",
        "them",
        "here",
        "now",
        "then",
        "instead",
        "please",
        "too",
        "also",
        "again",
        "anyway",
        "today",
        "case",
        "use",
        "team",
        "project",
        "app",
        "thanks",
    ]
)


@functools.lru_cache(maxsize=8192)
def _words(text: str) -> tuple[str, ...]:
    return tuple(w for w in re.split(r"[\s/]+", normalise(text.replace(" ", "-")).replace("-", " ")) if w)


def find_models(name: str, entries: Iterable[ModelEntry]) -> list[ModelEntry]:
    """Curated models whose id or family contains every word the user typed ("gemini flash", "gpt-4.1").

    Rated models are searched first; the rest of the catalog only when none matches."""
    wanted = _words(name.strip().rstrip(".,;:!?"))
    while wanted and wanted[-1] in _TRAILING_WORDS:  # "gpt-4.1 for this", "claude sonnet then"
        wanted = wanted[:-1]
    if not wanted:
        return []
    pool = list(entries)
    rated = [entry for entry in pool if entry.rated]
    return _matching(wanted, rated) or _matching(wanted, pool)


def _matching(wanted: tuple[str, ...], entries: list[ModelEntry]) -> list[ModelEntry]:
    matches = []
    for entry in entries:
        if entry.id != entry.canonical:
            continue
        haystack = " ".join((*_words(entry.id), *_words(entry.family or "")))
        haystack_words = set(haystack.split())
        if all(word in haystack_words or (len(word) > 3 and word in haystack) for word in wanted):
            matches.append(entry)
    # Rated models first; then shorter ids: "gemini flash" means Flash, not Flash-Lite.
    return sorted(matches, key=lambda e: (not e.rated, len(e.id), e.id))
