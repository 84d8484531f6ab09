"""The task and the capabilities a message asks for, from words that name them ("classify", "chatbot",
"summarise") or only hint at them ("invoices", "contracts", "triage"). Pure functions.

A word that names the task counts twice a hint; a negated word ("no images") counts for nothing; a task
read from hints alone is inferred, and so are tools read from "agent". The weight is then corrected by what
the main job plainly is: a bot that acts in the user's systems is an agent (task_actions.py), images read to
a label are vision, documents only hinted at are the input of a named job. A capability put off to later
("voice would be cool someday") is no need yet (later.py)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from agent.advisor.rules.given_up import dropped, insisted, waived
from agent.advisor.rules.later import for_later
from agent.advisor.rules.negation import denied_after, negated
from agent.advisor.rules.task_actions import model_acts
from agent.advisor.rules.task_inputs import NO_IMAGES, NOT_A_CAPABILITY, TEXT_ONLY
from agent.advisor.rules.task_words import NEEDS, TASKS


@dataclass
class Reading:
    value: str
    words: str
    inferred: bool


@functools.lru_cache(maxsize=8)
def _not_capabilities(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of capability-sounding words that name something else; once per message, not per pattern."""
    return tuple(m.span() for m in NOT_A_CAPABILITY.finditer(text))


def _matches(pattern: re.Pattern[str] | None, text: str) -> list[re.Match[str]]:
    """Where the pattern's words stand, neither negated, dropped ("we dropped the photo feature"), waived
    ("ignore the screenshots") nor naming something else."""
    if pattern is None:
        return []
    other = _not_capabilities(text)
    return [match for match in pattern.finditer(text)
            if not any(start <= match.start() < end for start, end in other)
            and (not negated(text, match.start()) or insisted(text, match.start()))
            and not denied_after(text, match.end())
            and not dropped(text, match.start(), match.end()) and not waived(text, match.start())]  # fmt: skip


def _hits(pattern: re.Pattern[str] | None, text: str, now_only: bool = False) -> list[str]:
    """Each different word once ("stories ... 100 stories per minute" is one hint, not two); with `now_only`,
    none put off to later ("voice would be cool someday but not now")."""
    said: dict[str, str] = {}
    for match in _matches(pattern, text):
        if not (now_only and for_later(text, match.start(), match.end())):
            said.setdefault(match.group(0).lower(), match.group(0))
    return list(said.values())


# The message says its agents are people: "human agents", "our agents (real humans)", "60 agents",
# "call center", "an agent's message". Then no bare "agent" names the agent task or infers tools.
_PEOPLE_ARE_AGENTS = re.compile(
    r"\b(?:human|live|real|support|sales|service|helpdesk|insurance|travel|booking|estate|field)\s+agents?\b|"
    r"\bagents?\s*\(\s*(?:real\s+|actual\s+)?(?:humans?|people|persons|realtors?|staff|brokers?|reps?|employees)\b|"
    r"(?<![\d,.])(?:\d{1,3}(?:,\d{3})*k?|a\s+few|several|dozens\s+of|hundreds\s+of)\s+(?:[\w-]+\s+)?agents\b"
    r"(?!\s+(?:that|which|running|in\s+parallel))|\bagent[’']s\b|\b(?:call|contact)[- ]?cent(?:er|re)s?\b",
    re.IGNORECASE,
)


def _people_named(said: list[str], text: str) -> list[str]:
    """The words left once a bare "agent" is set aside where the agents are people."""
    if not _PEOPLE_ARE_AGENTS.search(text):
        return said
    return [word for word in said if word.lower().rstrip("s") != "agent"]


# Jobs whose model talks with a person: one that looks at a photo while it talks is a vision job.
_CONVERSING = {"chat", "general", "agent"}


def _images_read_elsewhere(text: str) -> bool:
    """Images read before the model ("our OCR already handles that"); "no separate OCR step" says the opposite."""
    return any(not negated(text, match.start()) for match in NO_IMAGES.finditer(text))


@dataclass
class _Weighed:
    task: str
    weight: int
    said: list[str]
    hints: list[str]


def _weighed(text: str) -> list[_Weighed]:
    """Every task some word names or hints at, in TASKS order; named words count 2, hints 1. Images are one
    fact however many words say so ("OCR scanned invoices"), so what is done with them can outweigh them."""
    images_read_elsewhere = _images_read_elsewhere(text)
    out = []
    for task, named, hinted in TASKS:
        if task == "vision" and images_read_elsewhere:
            continue  # "text PDFs we've already OCR'd"
        # neither counts when put off: "video is on the roadmap"
        said, hints = _hits(named, text, now_only=True), _hits(hinted, text, now_only=True)
        if task == "agent":
            said = list(model_acts(text)) + _people_named(said, text)
        weight = 2 * (min(len(said), 1) if task == "vision" else len(said)) + len(hints)
        if weight:
            out.append(_Weighed(task, weight, said, hints))
    return out


def _heaviest(weighed: list[_Weighed]) -> _Weighed | None:
    """The most weight; on a tie the task listed first in TASKS."""
    return max(weighed, key=lambda w: w.weight, default=None)


def read_task(text: str) -> Reading | None:
    """The task with the most weight of words, then corrected by what the main job plainly is."""
    weighed = _weighed(text)
    best = _heaviest(weighed)
    if best is None:
        return None
    named = {w.task: w for w in weighed if w.said}
    job = _heaviest([w for w in weighed if w.said and w.task != "vision"])  # the best task a word names
    if best.task == "vision" and job is not None and job.task not in _CONVERSING:
        best = job  # photos read into JSON, clips moderated: the images are the input (a need), not the job
    if "general" in named:
        best = named["general"]  # "a general assistant for engineers: Q&A, drafting docs, some code" is general
    elif best.task == "chat" and "rag" in named:
        best = named["rag"]  # a chatbot that answers from the FAQ and the guides: chat over documents is RAG
    if best.task == "document-analysis" and not best.said and job is not None and job.task not in _CONVERSING:
        best = job  # "summarise about 50 PDF reports a day": the documents are the input, the summary the job
    if best.task == "classification" and "vision" in named and _labels_images(text):
        best = named["vision"]  # "UGC image moderation", "auto-tag family photos": seeing is the job
    classifies = next((w for w in weighed if w.task == "classification"), None)
    if classifies and best.task in ("coding", "extraction", "document-analysis") and _LABEL_ONLY.search(text):
        best = classifies  # "reads the stack trace, returns which team owns the code; just the team name"
    if "agent" in named and _acts_as_agent(best, named["agent"], text):
        best = named["agent"]
    return Reading(best.task, best.said[0] if best.said else best.hints[0], inferred=not best.said)


# The answer is said to be a bare label: "a plain label is fine", "just the team name".
_LABEL_ONLY = re.compile(
    r"\b(?:a|the|one|just\s+(?:a|the|one)|only\s+(?:a|the|one))\s+(?:plain\s+|single\s+|simple\s+|bare\s+)?"
    r"(?:label|category|class|tag|team(?:\s+name)?|queue(?:\s+name)?)\s+(?:is\s+)?(?:fine|enough|ok|okay|will\s+do|is\s+all)\b|"
    r"\bjust\s+the\s+(?:label|category|class|tag|team(?:\s+name)?|queue(?:\s+name)?)\b",
    re.IGNORECASE,
)
_STILLS = next(pattern for need, pattern, _ in NEEDS if need == "vision")
_LABELLING = next(named for task, named, _ in TASKS if task == "classification")
_ALONGSIDE = re.compile(r"\b(?:with|plus|and|including|attached|some|or|also)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)


def _labels_images(text: str) -> bool:
    """The label is given to the images themselves, a word or two from them in one sentence ("tag each
    photo", "image moderation"); "classify tickets, some with screenshots" labels the tickets."""
    images = [m for m in _matches(_STILLS, text) if not _ALONGSIDE.search(text[max(0, m.start() - 25) : m.start()])]
    labels = _matches(_LABELLING, text)
    for image in images:
        for label in labels:
            between = text[min(image.end(), label.end()) : max(image.start(), label.start())]
            if len(between) <= 50 and not re.search(r"[.;!?\n]", between):
                return True
    return False


def _acts_as_agent(best: _Weighed, agent: _Weighed, text: str) -> bool:
    """A bot or an AI agent that does things in the user's systems ("it queries our scheduling API") is an
    agent, whatever it also talks about; a job named otherwise ("extract ... and push into SAP") stays."""
    acts = model_acts(text)
    return bool(acts) and (best.task in ("chat", "rag") or len(agent.said) > len(acts))


def task_from_keywords(text: str) -> tuple[str, str] | None:
    """(task, the word that named it), for callers that need no inferred flag."""
    reading = read_task(text)
    return (reading.value, reading.words) if reading else None


def read_needs(text: str) -> list[Reading]:
    """Capabilities the model must have, each once; a stated one wins over an inferred one."""
    found: dict[str, Reading] = {}
    text_only = TEXT_ONLY.search(text)
    for need, pattern, inferred in NEEDS:
        if (need == "audio" and text_only) or (need == "vision" and _images_read_elsewhere(text)):
            continue
        hits = _hits(pattern, text, now_only=True)
        hits = _people_named(hits, text) if inferred else hits
        if hits and (need not in found or (found[need].inferred and not inferred)):
            found[need] = Reading(need, hits[0], inferred)
    if acts := model_acts(text):
        found["tools"] = Reading("tools", acts[0], inferred=False)  # "it queries our scheduling API"
    if "tools" in found and found["tools"].inferred and _NO_TOOLS.search(text):
        del found["tools"]  # "'Agent' as in travel agent ... no tool calling"
    return list(found.values())


_NO_TOOLS = re.compile(r"\bno\s+(?:tool|function)[- ]?(?:calling|use|calls)\b|\bno\s+tools\b|\bwithout\s+"
                       r"(?:any\s+)?tools\b|"
                       r"\b(?:don'?t|do not|doesn'?t|does not)\s+need\s+(?:tool|function)[- ]?(?:calling|use)\b", re.I)
