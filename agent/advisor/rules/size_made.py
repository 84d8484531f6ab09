"""What the model is asked to write, from the words of the job: "writing product descriptions", "turn the
notes into a chart note", "a sales email writer". A size said of such a thing is the answer's. Pure."""

from __future__ import annotations

import re

# What the model is asked to write: "writing product descriptions", "draft LinkedIn posts", "chapters drafted".
_MADE = re.compile(
    r"\b(?:write|writes|writing|generat\w*|draft(?:s|ing)?|produc(?:e|es|ing)|creat(?:e|es|ing)|compos(?:e|es|ing)|"
    r"suggest(?:s|ing)?|propos(?:e|es|ing)|comes?\s+up\s+with|"
    # "AI-drafted emails", "model-written replies": made by the model, not by people
    r"(?<=ai[- ])(?:drafted|written|generated|composed)|"
    r"(?:(?<=model[- ])|(?<=bot[- ])|(?<=llm[- ]))(?:drafted|written|composed))\s+"
    r"(?:[\w-]+\s+){0,3}?(?P<noun>descriptions?|stor(?:y|ies)|posts?|listings?|chapters?|articles?|emails?|"
    r"letters?|drafts?|impressions|captions?|scripts?|replies|bios?|blurbs?|lines|taglines?|slogans?|titles?|dialogues?|"
    r"headlines?|messages?|notifications?|reminders?|sms|alerts?|nudges?|comments?|notes?|summar(?:y|ies)|"
    r"questions?|reviews?|previews?|recaps?|digests?|briefings?|overviews?|write-?ups?|abstracts?|outlines?|"
    r"pitch(?:es)?|ads?|copy|newsletters?|announcements?|quiz(?:zes)?)\b|"
    r"\b(?P<done>[a-z]+s)\s+(?:drafted|generated|written)\b|\b(?P<verb>draft)(?:s|ing)?\b",
    re.IGNORECASE,
)


def stem(noun: str) -> str:
    """One of a noun: "stories" -> "story", "lines" -> "line"; "sms" and "business" are one already."""
    noun = noun.lower().split()[-1]
    if noun.endswith("ies"):
        return noun[:-3] + "y"
    return noun if noun == "sms" or noun.endswith("ss") else noun.rstrip("s")


# "turn the dictated visit notes into a short chart note", "turns that list into a recipe suggestion",
# "every PR gets a review from the model": what it is turned into, or given, is written by the model.
_INTO = re.compile(
    r"\b(?:turn|turns|turning|turned|convert|converts|converting|converted|transform|transforms|transformed|rewrite|"
    r"rewrites|rewritten)\s+(?P<source>(?:[\w'’-]+\s+){0,6}?)(?:into|to)\s+(?:an?\s+|the\s+)?(?:(?:short|brief|concise|structured|clean|"
    r"one-page|simple|plain)\s+)?(?P<product>[a-z]+(?:\s+[a-z]+)?)\b|"
    r"\bgets?\s+an?\s+(?P<given>[a-z]+)\s+from\s+the\s+(?:model|llm|ai|bot)\b",
    re.IGNORECASE,
)
_NOT_PRODUCT = {"json", "english", "text", "a", "an", "the", "one", "plain", "structured", "data", "fields"}


# People who write the thing themselves: "customers write reviews" are the input, not the answer.
PEOPLE = re.compile(r"\b(?:users?|customers?|clients?|people|patients?|students?|staff|employees|agents|doctors|"
                     r"nurses|clinicians|lawyers|teachers|reviewers|members|they|who)\s+(?:\w+\s+)?$", re.IGNORECASE)
# Every kind of short message is "a message": "drafts an SMS reminder ..., message is ~50 tokens"; what is
# written line by line is "lines": "generates dialogue for NPCs. Lines are 30 words max".
_MESSAGE_KINDS = {"email", "sms", "reminder", "notification", "alert", "nudge", "reply", "text", "dm"}
_LINE_KINDS = {"dialogue", "script", "subtitle", "caption", "tagline", "slogan", "headline", "title"}


_WRITING_JOB = re.compile(r"\b([a-z]{3,})writ(?:ing|er|ers)\b", re.I)
_NOT_WRITTEN = {"under", "ghost", "hand", "type", "over", "speed"}  # underwriting insures, a ghostwriter anything
_PIECES_OF = re.compile(r"\b(pieces|items|bits|units|variants|versions)\s+of\s+([a-z]+)(?:\s+([a-z]+))?", re.I)


def made_nouns(text: str) -> set[str]:
    """The nouns for what the model writes; drafting makes "a draft" one of them. A product named with
    a modifier ("chart note") is kept whole, and each of its words the source does not share."""
    made = {re.escape(stem(m.group("noun") or m.group("done") or m.group("verb"))) for m in _MADE.finditer(text)
            if not PEOPLE.search(text[max(0, m.start() - 30) : m.start()])}  # fmt: skip
    for match in _INTO.finditer(text):
        if match.group("given"):
            made.add(re.escape(stem(match.group("given"))))
            continue
        words = [word for word in match.group("product").lower().split() if word not in _NOT_PRODUCT]
        source = {stem(word) for word in match.group("source").lower().split()}
        if len(words) > 1:
            made.add(re.escape(" ".join(words[:-1]) + " " + stem(words[-1])))
        made |= {re.escape(stem(word)) for word in words if stem(word) not in source}
    # "a copywriting tool", "our scriptwriting assistant": the job names what it writes
    made |= {re.escape(stem(m.group(1))) for m in _WRITING_JOB.finditer(text) if m.group(1).lower() not in _NOT_WRITTEN}
    # "200 pieces of copy": a piece is one of the things written
    made |= {re.escape(stem(m.group(1))) for m in _PIECES_OF.finditer(text)
             if {re.escape(stem(word)) for word in m.group(2, 3) if word} & made}  # fmt: skip
    if made & _MESSAGE_KINDS:
        made.add("message")
    if made & _LINE_KINDS:
        made.add("line")
    return made


# "a sales email writer", "our quiz generator": it writes emails, quizzes; said of the size's own noun only
# ("Emails are ~150 words"), since the writer's noun says nothing of other sizes ("a section of 4 pages").
_WRITER = re.compile(r"\b([a-z]+)\s+(?:writer|generator|drafter)s?\b", re.IGNORECASE)


def names_made(noun: str, before: str, made: set[str], text: str = "") -> bool:
    """The size's noun, or a product named in the last few words before it, is one the model writes."""
    if noun:
        close = before[-40:]
        writes = {stem(m.group(1)) for m in _WRITER.finditer(text)}
        return (stem(noun) in made | writes
                or any(" " in n and re.search(rf"\b{n}(?:s|es)?\b", close, re.I) for n in made))  # fmt: skip
    return any(re.search(rf"\b{n}(?:s|es)?\b", before, re.I) for n in made)
