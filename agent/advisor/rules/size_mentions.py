"""Every size a message states, as a Mention with its role (see extract_sizes.py for the conventions):
the quantity and unit ("40 pages", "1,500 tokens", "a paragraph"), and the role its attached or nearest
words give it; and a day's throughput of tokens ("the daily intake is 5,000 pages"). Pure functions."""

from __future__ import annotations

import re

from agent.advisor.rules.digit_groups import written_number
from agent.advisor.rules.extract_volume import PERIOD_PER_DAY
from agent.advisor.rules.size_items import counted_after, item_count, restated
from agent.advisor.rules.size_made import made_nouns, names_made, stem
from agent.advisor.rules.size_roles import SUBJECT, attached_role, attached_role_says, describes, nearest_role
from agent.advisor.rules.size_units import TOKENS_PER, Mention, sentence_start, tokens_of
from agent.advisor.rules.size_words import AMBIGUOUS, CODE_CONTEXT, GEN_VERB, TOTAL

_WORDS = {"a few hundred": 300, "few hundred": 300, "several hundred": 500, "a couple hundred": 200,
          "a couple of hundred": 200, "a few thousand": 3000, "several thousand": 5000, "a couple thousand": 2000,
          "a handful of": 5, "a couple of": 2, "a couple": 2, "couple of": 2, "a few": 3, "a dozen": 12, "half a": 0.5,
          "a half": 0.5, "half": 0.5,  # "a half-page brief"
          "several": 4,
          "a": 1, "an": 1, "one": 1, "single": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
          "eight": 8, "nine": 9, "ten": 10, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40,
          "fifty": 50, "hundred": 100}  # fmt: skip
# "3 and a half pages" is the three's, not "a half"
_WORD_ALT = "|".join(re.escape(w) if "half" not in w else r"(?<!\band\s)" + re.escape(w)
                     for w in sorted(_WORDS, key=len, reverse=True))  # fmt: skip
_SUFFIX = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "hundred": 100}
_QTY = (
    r"(?:(?:(?<![\d.,])(?P<d{i}>\d+(?:[.,]\d+)*)(?:\s?(?P<s{i}>k|thousand|m|million|hundred(?!-)))?|"
    r"(?<![a-z])(?P<w{i}>" + _WORD_ALT + r")"
    r"(?:\s+(?P<x{i}>hundred|thousand))?)(?P<h{i}>\s+and\s+a\s+half)?)"
)
_UNITS = (r"tokens?|words?|pages?|lines?(?:\s+of\s+code)?|passages?|chunks?|snippets?|(?:search\s+)?results|"
          r"paragraphs?|sentences?|bullets?(?:\s+points?)?|turns?|exchanges?|characters?|chars|"
          r"toks?|pgs?|pp|loc|paras?")  # fmt: skip
_MENTION = re.compile(
    r"(?P<top>\btop[\s-]*)?" + _QTY.format(i=1) + r"(?:\s*(?:-|–|to|or|and)\s*" + _QTY.format(i=2) + r")?"
    r"(?:(?<=[a-z])[\s-]+|(?<![a-z])[\s-]*)"  # a word and its unit apart: "our app" is no "a pp", one page
    r"(?:(?:short|brief|single|long|concise|summary|quick|full|relevant|retrieved|most|matching|similar|"
    r"nearest|related|best|top|[a-z]+-[a-z]+)\s+){0,2}"
    r"(?P<unit>" + _UNITS + r")\b(?P<ortwo>\s+or\s+(?:two|so)\b)?",
    re.IGNORECASE,
)
# "answers are short, output maybe 400": a bare number after an input or output word means tokens.
_BARE = re.compile(
    r"\b(?P<noun>outputs?|answers?|responses?|replies|completions?|system prompts?|prompts?|inputs?|gets? back|"
    r"comes? back with|sends? back|returns?|repl(?:y|ies) with|responds? with|summar(?:y|ies)|feedback|critiques?|"
    r"explanations?|captions?|headlines?|translations?|(?:code\s+)?review\s+comments?|"
    r"(?P<made>[a-z]+))\s+"
    r"(?:is\s+|are\s+|of\s+)?"
    r"(?:maybe\s+|about\s+|around\s+|roughly\s+|typically\s+|usually\s+|~\s*)*"
    r"(?<![\d.,])(?P<d1>\d+(?:[.,]\d+)*)(?:\s?(?P<s1>k))?(?!\s*(?:[\w%$€£]|[.,]\d))",
    re.IGNORECASE,
)
# "250 out", "~1k in", "500 out per call", "a 1k system prompt": a bare number with a direction or a prompt after it.
_BARE_AFTER = re.compile(
    r"(?<![\w.,])(?P<d1>\d+(?:[.,]\d+)*)(?:\s?(?P<s1>k))?\s+(?P<noun>out|in)\b(?=\s*(?:[,.;/)]|and\b|$|"
    r"(?:per|each|every|a|an|for\s+each)\s+(?:call|request|query|run|prompt|message|turn|item|task|job)\b))|"
    r"(?<![\w.,])(?P<d2>\d+(?:[.,]\d+)*)\s?(?P<s2>k)[\s-]+(?P<noun2>system prompts?|prompts?|instructions)\b",
    re.IGNORECASE,
)
# "~1,000 input tokens and 200 output tokens each", "500 prompt tokens": the direction says the role.
_DIRECTED = re.compile(
    r"(?<![\w.,])(?P<d1>\d+(?:[.,]\d+)*)(?:\s?(?P<s1>k))?\s+(?P<noun>input|prompt|output|completion|response|"
    r"generated)\s+(?:tokens?|toks?)\b",
    re.IGNORECASE,
)
# "10,000 pages a day", "2 million tokens of chat logs per day": a day's throughput, not one request
_THROUGHPUT = re.compile(r"^\s*(?:of\s+(?:[a-z-]+\s+){1,3}?)?(?:(?:a|an|per|each|every|/)\s*"
                         r"(?P<period>day|week|month|hour|minute|second|year)\b|(?P<ly>daily|weekly|monthly|hourly)\b)",
                         re.I)  # fmt: skip
_DAILY_BEFORE = re.compile(r"\b(?P<ly>daily|weekly|monthly|hourly)\s+(?:[a-z]+\s+){0,2}(?:is|are|of|:)\s*"
                           r"(?:about\s+|around\s+|roughly\s+|~\s*)?$", re.I)  # fmt: skip


def _value(match: re.Match[str], i: int) -> float | None:
    half = 0.5 if match.groupdict().get(f"h{i}") else 0.0  # "3 and a half pages"
    if match.group(f"d{i}"):
        suffix = match.group(f"s{i}")
        scale = _SUFFIX.get((suffix or "").lower(), 1.0)
        return written_number(match.group(f"d{i}"), scaled=bool(suffix)) * scale + half
    if match.group(f"w{i}"):
        times = {"hundred": 100, "thousand": 1000}.get((match.group(f"x{i}") or "").lower(), 1)
        return float(_WORDS[match.group(f"w{i}").lower()]) * times + half
    return None


def _unit(raw: str) -> str:
    raw = raw.lower()
    for unit, prefix in (("token", "token"), ("word", "word"), ("page", "page"), ("line", "line"),
                         ("passage", "passage"), ("passage", "chunk"), ("passage", "snippet"), ("passage", "search"),
                         ("passage", "result"), ("paragraph", "paragraph"), ("sentence", "sentence"),
                         ("bullet", "bullet"), ("turn", "turn"), ("turn", "exchange"), ("character", "char"),
                         ("token", "tok"), ("page", "pg"), ("page", "pp"), ("line", "loc"),
                         ("paragraph", "para")):  # fmt: skip
        if raw.startswith(prefix):
            return unit
    return raw


# "prompts routinely hit 60k tokens of context", "our requests often reach ~90k tokens of context"
_REACHED = re.compile(r"\b(?:prompts?|requests?|inputs?|calls?|queries)\s+(?:\w+\s+){0,2}?(?:hit|hits|hitting|reach|"
                      r"reaches|reaching|(?:get|gets|go|goes|run|runs)\s+(?:up\s+)?to|grow\s+to|grows\s+to|top\s+out\s+at|"
                      r"tops\s+out\s+at|climb\s+to|climbs\s+to)\s+(?:about\s+|around\s+|roughly\s+|~\s*|over\s+)?$",
                      re.I)  # fmt: skip
# "a fixed ~50k-token prefix", "a cached 12k token prefix that every call shares"
_PREFIX = re.compile(r"[\s-]*(?:prompt\s+)?prefix(?:es)?\b", re.I)
_FIXED = re.compile(r"\b(?:fixed|static|shared|cached|constant|common|same|unchanging)\s+(?:~\s*|about\s+|around\s+|"
                    r"roughly\s+)?$", re.I)  # fmt: skip
_CONTRAST = re.compile(r"\b(?:but|however|whereas|although|though|while)\b|;", re.I)
_PER_REQUEST = re.compile(r"\b(?:each|every|per)\s+(?:query|request|call|question|step|message|prompt)\b|"
                          r"\b(?:send|sends|include|includes|pass|passes|stuff|attach|goes out with)\b",
                          re.I)  # fmt: skip


# "20 messages per conversation", "sessions run about 20 messages": turns, each one a request.
# "~10,000 conversations per day, averaging 6 messages each", "8 model turns per call".
# Whose messages they are: "6 customer messages", "4 user turns".
_WHOSE = r"(?:(?:user|customer|client|patient|visitor|caller|guest|human|inbound|back-and-forth|model|llm)\s+)?"
_TURN_MESSAGES = re.compile(
    r"\b(?P<n>\d+)\s+" + _WHOSE + r"(?:messages|rounds|turns|exchanges)\s+"
    r"(?:per|a|each|every|in\s+an?|in\s+each)\s+(?:conversation|session|chat|dialog|call)|"
    r"\b(?:conversations?|sessions?|chats?|dialog(?:ue)?s?)\s+(?:[\w,]+\s+){0,3}?"
    r"(?:runs?|lasts?|averages?|averaging|have|has|of|with|takes?)\s+(?:about\s+|around\s+|roughly\s+|~\s*|up to\s+)?"
    r"(?P<m>\d+)\s+" + _WHOSE + r"(?:messages|rounds|turns|exchanges)\b|"
    # "each conversation about 6 messages", "every chat ~8 turns": the verb left out
    r"\b(?:each|every|a|per)\s+(?:conversation|session|chat|dialog(?:ue)?)\s*(?:is\s+|[:=,]\s*)?"
    r"(?:about\s+|around\s+|roughly\s+|maybe\s+|typically\s+|~\s*)?(?P<k>\d+)\s+"
    + _WHOSE + r"(?:messages|rounds|turns|exchanges)\b",
    re.I,
)


def _count(word: str) -> float:
    return float(word) if word[0].isdigit() else float(_WORDS[word.lower()])


# "each chart maybe 15k tokens", "every ticket is ~300 words", "each trade confirmation XML is ~1k tokens": the
# size of the item each request handles, named in up to three words (none a pronoun or a verb's helper)
_FILLER_WORDS = r"maybe|about|around|roughly|typically|usually|up|to|is|are|runs|has|of|one|approx\w*"
_FILLER = r"(?:" + _FILLER_WORDS + r")"
_NOT_NAMING = (r"(?:" + _FILLER_WORDS + r"|we|they|it|i|you|he|she|the|a|an|our|their|its|this|that|and|or|in|on|at|"
               r"for|from|with|by|gets?|sends?|has|have|had|was|were|will|can|would|should|takes?|needs?)")
_EACH_ITEM = re.compile(r"\b(?:each|every)\s+(?!" + _FILLER + r"\b)(?P<noun>[a-z][a-z-]+(?:\s+(?!" + _NOT_NAMING
                        + r"\b)[a-z][a-z-]+){0,2})\s+(?:" + _FILLER + r"\s+|~\s*)*$", re.I)  # fmt: skip


# "Out: a 2-page report", "Output: a structured note of about 400 words": a label, then the thing it labels.
_LABELLED = (r"\b(?:(?P<out>out|outputs?)|ins?|inputs?)\s*[:=]\s*(?:(?:an?|the|one)\s+)?(?:[\w-]+\s+){0,3}?(?:of\s+)?"
             r"(?:(?:about|around|roughly|approx\w*|maybe|up\s+to)\s+|~\s*)?$")
# "we need a structured note of about 400 words", "we'd like back a summary of ~5 bullets"
_WANTED = (r"\b(?:need|needs|want|wants|expect|expects|would\s+like|'d\s+like)\s+(?:back\s+)?(?:an?|one)\s+"
           r"(?:[\w-]+\s+){1,3}?of\s+(?:(?:about|around|roughly|approx\w*|maybe|up\s+to)\s+|~\s*)?$")


_INPUT_PARTS = {"system_prompt", "user_text", "documents", "history", "retrieved", "code"}
_NEGATED = re.compile(r"\b(?:never|not|no|don'?t|doesn'?t|won'?t|instead of|rather than)\s+(?:[\w'-]+\s+){0,4}$", re.I)
_BOUND_WORDS = re.compile(
    r"\b(?:more|over|above|longer|exceed\w*|beyond|bigger|larger|than|just|only|even|need)\b", re.I
)


def mentions(text: str) -> list[Mention]:
    found: list[Mention] = []
    made = made_nouns(text)
    for match in _MENTION.finditer(text):
        low, high = _value(match, 1), _value(match, 2)
        if low is None:
            continue
        range_k = match.group("s2") and not match.group("s1") and match.group("d1") and match.group("d2")
        if range_k and low < float(match.group("d2").replace(",", "")):
            low *= _SUFFIX[match.group("s2").lower()]  # "8-10k tokens": the suffix is the range's
        range_x = match.group("x2") and not match.group("x1") and match.group("w1") and match.group("w2")
        if range_x and low < _WORDS[match.group("w2").lower()]:
            low *= _SUFFIX[match.group("x2").lower()]  # "three to four hundred words": the scale is the range's
        if high is not None and match.group("x2") and text.startswith("-", match.end("x2")):
            continue  # "two to three hundred-page reports": a few reports of 100 pages, or of 200-300; no guess
        amount = (low + high) / 2 if high is not None else low
        most = high if high is not None and high > low else None
        if match.group("ortwo"):
            amount = 1.5 if "two" in match.group("ortwo").lower() else amount
        unit = _unit(match.group("unit"))
        after = text[match.end() : match.end() + 60]
        if _THROUGHPUT.match(after) or _DAILY_BEFORE.search(text[max(0, match.start() - 40) : match.start()]):
            continue
        if re.search(r"(?:per|/)\s*$", text[max(0, match.start() - 5) : match.start()]):
            continue
        # the words that give a size its role are near it; a bounded look back keeps long messages fast
        before = text[max(sentence_start(text, match.start()), match.start() - 160) : match.start()]
        before = before[max([m.end() for m in _CONTRAST.finditer(before)] or [0]) :]
        tail = before[-60:]  # for patterns anchored at the size: short, so each search is cheap
        restating = ""
        if again := restated(after):
            amount, restating = again  # "a few paras, say 3": the exact figure wins
            after = after[len(restating) :]
        role, noun, attached = attached_role(after)
        if role is None or (role != "output" and AMBIGUOUS.match(noun or "") and GEN_VERB.search(before)):
            near, near_noun = nearest_role(before)
            if role is None or near == "output":
                role, noun, attached = near, near_noun, ""
        item_of = _EACH_ITEM.search(tail)
        # "each chart maybe 15k tokens": the size of the item a request reads, whatever came before
        unknown_item = item_of and not nearest_role(item_of.group("noun"))[0]
        if item_of and unknown_item and not attached and unit in ("token", "word", "page"):
            role, noun = "documents", item_of.group("noun")
        subject = SUBJECT.match(before)
        later = before[subject.end() :] if subject else ""
        weak = role in (None, "documents", "user_text") and not re.search(r"\bfrom\b", later)
        # "Output is a query, rarely over 300 tokens"; not "Input is 1,000 words, each draft ~600 words"
        each_made = item_of is not None and stem(item_of.group("noun")) in made
        if subject and weak and not attached_role_says(after) and not each_made:
            role, noun, attached = ("total" if subject.group("noun").lower().startswith("input") else "output"), "", ""
        negated = _NEGATED.search(tail)
        if negated and not _BOUND_WORDS.search(negated.group(0)):
            continue  # "we never send the whole 300-page manual, only the 2 pages that matter"
        label = re.search(_LABELLED, tail, re.I) or re.search(
            r"(?:^|[|,;(/]\s*)(?:(?P<out>out|outputs?)|ins?|inputs?)\s+(?:~\s*)?$", tail, re.I
        ) if match.group("d1") else None  # "| in 500 tok, out 50 tok |"
        # "Out: a 2-page report": a label says the direction, whatever the noun; under "Input:" a noun that
        # names a part of the input ("1k tokens system prompt + 200 tokens user message") says which part
        if label and (label.group("out") or attached_role(after)[0] not in _INPUT_PARTS):
            role, noun, attached = ("output" if label.group("out") else "total"), label.group(0), ""
        if re.search(_WANTED, tail, re.I) and not attached_role_says(after):
            role = "output"  # "we need a structured note of about 400 words": what is wanted is the answer
        prefix = _PREFIX.match(after) if role is None and unit == "token" else None
        if prefix and (_FIXED.search(tail) or _PER_REQUEST.search(after[:60])):
            # "a static 20k-token prefix goes out with each call": the start every prompt shares
            role, noun, attached = "system_prompt", "prefix", prefix.group(0)
        if unit in ("turn", "passage"):
            role = "history" if unit == "turn" else "retrieved"
        in_chunks = r"\b(?:in|into)\s+(?:chunks|pieces|batches|segments|parts)\s+of\s+(?:~\s*|about\s+)?$"
        if re.search(in_chunks, tail):
            role = "sent"  # "in chunks of 4k tokens": each chunk is one request's material, not a retrieved passage
        if role == "window" and (unit == "line" or CODE_CONTEXT.search(before + match.group(0) + after[:25])):
            role = "code"
        elif role == "window" and (_PER_REQUEST.search(before) or re.search(r"\bcontext\s+(?:is|are)\s+\S*$", tail)):
            role = "sent"  # "each query goes out with ~2k tokens of context": material, not a window
        elif role == "window" and _REACHED.search(tail):
            role = "total"  # "prompts routinely hit 60k tokens of context": what a request carries, not a window
        prose = unit in ("sentence", "paragraph", "bullet")
        arrives_as = re.search(r"\b(?:in|come|comes|arrive\w*|sent|uploaded)\s+as\s+(?:an?\s+)?$", tail, re.I)
        as_kind = r"\b(?:into|as)\s+(?:an?\s+)?(?:[\w-]+\s*\(\s*(?:~|about\s+|around\s+|roughly\s+)?)?$"
        if (re.search(as_kind, tail, re.I) and not arrives_as) or (
            prose and re.search(r"\b(?:into|in|to|as|with|gives?|get|returns?)\s*$", tail, re.I)
        ):
            role = "output"  # "summarise the emails into a sentence", "into a one-page brief"
        if prose and role in ("documents", "user_text", "total") and not attached and not describes(before):
            role = "output"  # "we need 5 bullet points per article"; but "notes are a paragraph or two"
        written = role in ("documents", "user_text", None) and names_made(noun, before, made, text)
        if written:
            # "writing product descriptions ... ~120 words each": the thing written is the answer, one a
            # request, and a count of them ("50 chapters drafted per week") is the volume, not its size
            role = "output"
        item = None if unit == "passage" or role == "retrieved" or written else item_count(before, after)
        countable = item is None and role in ("documents", "user_text", "sent", "code", None) and unit != "passage"
        if countable and (together := counted_after(tail, text[match.end() : match.end() + 120])):
            item = (*together, len(before))  # "Each wording is ~40 pages and we compare two at a time"
            role = role or "documents"  # "A bid is ~1,500 tokens and we put four of them in one prompt"
        if item:
            amount *= item[0]  # "two contracts side by side, each 8-12 pages"
            most = most * item[0] if most is not None else None
            counted_at = match.start() - len(before) + item[2]
            counted = [m for m in found[-8:] if m.start <= counted_at < m.start + len(m.words)]
            for previous in counted:  # "the last 100 lines (about 25 tokens a line)": one size, not two
                found.remove(previous)
                role = "history" if previous.unit == "turn" else role or previous.role
        each = re.search(r"\beach\s+(?:is\s+|are\s+)?(?:about\s+|around\s+|roughly\s+|~\s*)?$", tail, re.I)
        if (each or re.match(r"\s*(?:each|apiece)\b", after, re.I)) and any(
            m.unit == "passage" for m in found[-8:] if m.start >= match.start() - len(before)
        ):
            role = "retrieved"  # "the top 3 search results, each around 500 tokens"
        vague = (match.group("w1") or "").lower() in ("a", "an") and not match.group("ortwo")
        if role == "output" and not attached and re.search(r"\bfrom\s+(?:an?|the|our|their|its)?\s*$", tail, re.I):
            role = None  # "answers from a 600-page handbook": the source, not the answer
        if role is None and re.search(
            r"\b(?:from|given|using|based on|plus|along with)\s+(?:an?\s+|the\s+)?"
            r"(?:~\s*|about\s+|around\s+|roughly\s+)?$",
            tail,
            re.I,
        ):
            role = "sent"  # "generated from a 1k-token character sheet": material the request carries
        if role is None and prose and re.search(r"\b(?:each|every)\s+[a-z]+\s+(?:is|are|has)\b", before, re.I):
            role = "documents"  # "each mail is a few paras": the item processed
        if role is None and unit in ("page", "line", "sentence", "paragraph", "bullet") and not vague:
            role = {"page": "documents", "line": "code"}.get(unit, "output")
        if role is None and unit in ("word", "character") and not vague and not re.search(r"\bin\s+$", tail, re.I):
            role = "documents"  # "each batch is about 2000 words": what is processed, unless the answer
        if (
            not item
            and not re.match(r"\s*(?:each|apiece)\b", after, re.I)
            and found
            and re.search(r"\(\s*(?:about\s+|around\s+|roughly\s+|~\s*)?$", tail)
        ):
            previous = found[-1]  # "3 bullet points (~60 tokens total)": the same size, stated more exactly
            if 0 <= match.start() - (previous.start + len(previous.words)) <= 12 and unit == "token":
                found.pop()
                role, noun = previous.role, previous.noun
        bound = bool(re.search(r"(?:up to|at most|max(?:imum)?|as long as|no more than)\s*$", tail, re.I))
        words = (match.group(0) + restating + attached).strip()
        items, items_words = (item[0], item[1]) if item else (1.0, "")

        if role == "both":  # "80-120 words in and out": the input and the answer
            found.append(
                Mention(amount, unit, words, "sent", noun, match.start(), bound, items=items, items_words=items_words)
            )
            role = "output"
        found.append(
            Mention(
                amount, unit, words, role, noun, match.start(), bound, items=items, items_words=items_words, most=most
            )
        )
    for match in _TURN_MESSAGES.finditer(text):
        if not any(m.unit == "turn" for m in found):
            amount = _count(match.group("n") or match.group("m") or match.group("k"))
            found.append(Mention(amount, "turn", match.group(0), "history", "messages", match.start()))
    for match in _DIRECTED.finditer(text):
        value = _value(match, 1)
        assert value is not None
        role = "total" if match.group("noun").lower() in ("input", "prompt") else "output"
        found.append(Mention(value, "token", match.group(0), role, match.group("noun").lower(), match.start()))
    for match in [*_BARE.finditer(text), *_BARE_AFTER.finditer(text)]:
        i = 1 if match.group("d1") else 2
        if any(m.start <= match.start(f"d{i}") < m.start + len(m.words) + 1 for m in found):
            continue
        if match.groupdict().get("made") and stem(match.group("made")) not in made:
            continue  # "blurb maybe 80" only when the model writes blurbs
        value = _value(match, i)
        assert value is not None
        noun = (match.group("noun") or match.group("noun2")).lower()
        role = ("system_prompt" if noun.startswith(("system", "instruction")) else "sent" if noun == "in" else
                "total" if re.match(TOTAL, noun) else "output")  # fmt: skip
        # "review comment maybe 400": the figure, which its clause then quotes with the noun before it
        words = text[match.start(f"d{i}") : match.end()] if match.re is _BARE else match.group(0)
        found.append(Mention(value, "token", words.strip(), role, noun, match.start(f"d{i}"), bare=True))
    return sorted(found, key=lambda m: m.start)


_CODE = re.compile(r"\b(?:code|loc|source|repos?|codebase|functions?|files?)\b", re.I)


def daily_throughput(text: str) -> tuple[float, str] | None:
    """Tokens a day that a stated throughput stands for ("the daily intake is 5,000 pages"), and its words."""
    for match in _MENTION.finditer(text):
        after = text[match.end() : match.end() + 60]
        per = _THROUGHPUT.match(after) or _DAILY_BEFORE.search(text[max(0, match.start() - 40) : match.start()])
        low, unit = _value(match, 1), _unit(match.group("unit"))
        if not per or low is None or unit not in (*TOKENS_PER, "token") or unit == "passage":
            continue
        if unit == "line" and not _CODE.search(text):
            continue  # "100k lines per day" of bank statements are items, not lines of code
        per_day = PERIOD_PER_DAY[(per.groupdict().get("period") or per.group("ly")).lower()]
        words = match.group(0) + (per.group(0) if per.re is _THROUGHPUT else "")
        return tokens_of(Mention(low, unit, match.group(0), None))[0] * per_day, words.strip()
    return None
