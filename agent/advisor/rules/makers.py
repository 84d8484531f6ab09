"""Model makers ruled out, whoever hosts their models: "we can't use OpenAI for policy reasons" rules out
GPT on Azure too; "no Chinese models" rules out DeepSeek and Qwen. A maker named as today's choice, a
comparison or a host ("OpenAI directly is out, Azure is fine") rules nothing out. Pure."""

from __future__ import annotations

import re
from collections.abc import Callable

from agent.advisor.rules.size_units import sentence_bounds

# The words that name each maker, its models included: "no GPT models", "anything but Claude".
MAKER_WORDS: dict[str, str] = {
    "openai": r"open\s?ai|chat\s?gpt|gpt(?:-?\d[\w.-]*)?",
    "anthropic": r"anthropic|claude",
    "google": r"google|gemini|gemma|deepmind",
    "meta": r"meta|llama|facebook",
    "mistral": r"mistral(?:\s+ai)?|mixtral|codestral",
    "deepseek": r"deep\s?seek",
    "alibaba": r"alibaba|qwen",
    "xai": r"x\.?ai|grok",
}
_CHINESE = ("deepseek", "alibaba")
_ANY_MAKER = "|".join(f"(?P<{name}>{words})" for name, words in MAKER_WORDS.items())
_RULED_OUT_BEFORE = re.compile(
    r"(?:\b(?:no|not|never|without|avoid(?:ing)?|exclud(?:e|ing)|ban(?:ning)?|ditch(?:ing)?)\b|"
    r"\b(?:can[’']?t|cannot|can\s+not|won[’']?t|must\s+not|mustn[’']?t|may\s+not|shouldn[’']?t|not\s+allowed\s+to|"
    r"(?:do|does)\s*n[’']?o?t\s+want\s+to|(?:are|is)\s+not\s+allowed\s+to)\s+(?:use|touch|send\s+(?:\w+\s+){0,3}to|"
    r"go\s+with|rely\s+on|work\s+with)|\b(?:anything|everything)\s+(?:but|except)|\brule[sd]?\s+out)"
    r"\s+(?:any(?:thing)?\s+(?:from\s+)?|the\s+|models?\s+(?:from|by)\s+|(?:from|by)\s+)?$",
    re.IGNORECASE,
)
# A maker banned in plain words: "legal banned Google models", "security vetoed DeepSeek", "we steer clear of
# Meta". No bare "by" after: "we're blocked by OpenAI's rate limits" bans nothing.
_BANNED_BEFORE = re.compile(
    r"\b(?:ban(?:s|ned)?|forb(?:id|ids|ade|idden)|prohibit(?:s|ed)?|veto(?:es|ed)?|blacklist(?:s|ed)?|blocked|"
    r"disallow(?:s|ed)?|nix(?:es|ed)?|stay(?:s|ing)?\s+away\s+from|steer(?:s|ing)?\s+clear\s+of|"
    r"keep(?:s|ing)?\s+away\s+from|(?:leave|keep)\s+out|(?:won[’']?t|will\s+not|(?:do|does)\s*n[’']?o?t|never)\s+"
    r"(?:allow|permit|approve|let\s+us\s+(?:use|touch))|(?:are|is)\s*n[’']?t\s+(?:allowed|permitted)\s+to\s+use|"
    r"not\s+permitted\s+to\s+use|(?:we|i)\s+(?:do\s*n[’']?o?t|never|refuse\s+to)\s+(?:use|touch|go\s+with|buy))"
    r"\s+(?:any(?:thing)?\s+(?:from\s+)?|all\s+|the\s+use\s+of\s+|the\s+|models?\s+(?:from|by)\s+|using\s+)?$",
    re.IGNORECASE,
)
# "we don't use OpenAI yet", "we never use Claude much, want to compare": today's habit, not a rule.
_HABIT_ONLY = re.compile(
    r"\b(?:yet|today|currently|right\s+now|at\s+the\s+moment|so\s+far|for\s+now|at\s+present|any\s?more|"
    r"any\s+longer|much|often|(?:want|wanna|like|looking|plan(?:ning)?|hoping|going)\s+to|open\s+to|"
    r"(?:we|we're|we\s+are)\s+(?:\w+\s+)?(?:using|use|on)\b|but\s+(?:we|could|might|may|would|happy|willing|open))\b|"
    r"\b(?:why|how\s+come|if|unless|whether)\b",
    re.IGNORECASE,
)
# Said after the maker; no "not" may come between ("OpenAI is not banned" bans nothing).
_BANNED_WORDS = (r"off\s+the\s+table|out\s+of\s+the\s+question|banned|forbidden|blocked|prohibited|vetoed|"
                 r"off[- ]limits|blacklisted|disallowed|excluded|ruled\s+out|a\s+(?:hard\s+)?no(?:-?go)?|"
                 r"a\s+non-?starter|"
                 r"not\s+(?:allowed|permitted|approved|an\s+option|fine|ok|okay|acceptable)|"
                 r"no\s+longer\s+(?:allowed|permitted|approved|an\s+option|fine|ok|okay|acceptable)|"
                 r"(?:back\s+)?out\s+(?:again|after\s+all)|back\s+off\s+the\s+table")
_RULED_OUT_AFTER = re.compile(
    r"[\w\s.-]{0,20}?(?:\b(?:is|are|stays?|remains?)\s+(?:(?!not\b|never\b|no\b)\w+\s+)?(?:" + _BANNED_WORDS + r")|"
    r"\b(?:isn[’']?t|aren[’']?t)\s+(?:\w+\s+)?(?:allowed|permitted|approved|an\s+option|fine|ok|okay|acceptable)|"
    r"\b(?:stays?|remains?)\s+(?:out|off\s+the\s+(?:list|table)))\b(?!-)",  # "GPT-4o is not fine-tuned"
    re.IGNORECASE,
)
# "keep OpenAI out after all", "leave Gemini off the list", "bring back the OpenAI ban": a ban put back.
_KEEP_BEFORE = re.compile(r"\b(?:keep|leave)(?:s|ing)?\s+(?:the\s+|all\s+|any\s+)?$", re.IGNORECASE)
_OUT_AFTER = re.compile(r"(?:'s)?(?:\s+(?:models?|llms?|stuff))?\s+(?:out|off\s+(?:the\s+|our\s+)?(?:list|table|"
                        r"shortlist))\b(?!\s+of\s+(?:date|stock|budget|scope))", re.IGNORECASE)  # fmt: skip
_BAN_BEFORE = re.compile(r"\b(?:bring(?:ing)?\s+back|reinstat\w+|restor\w+|re-?apply|put(?:ting)?\s+back|keep(?:ing)?|"
                         r"put)\s+(?:the|our|that)\s+$", re.IGNORECASE)  # fmt: skip
_BAN_AFTER = re.compile(r"(?:'s)?\s+(?:ban|exclusion|veto|block)\b(?P<back>\s+back\b)?", re.IGNORECASE)
# "OpenAI directly is out, Azure OpenAI is fine": the host is out, not the maker's models.
_HOST_ALLOWED = re.compile(r"\b(?:azure|bedrock|vertex)\b[^.;!?]{0,30}?\b(?:fine|ok|okay|allowed|acceptable|works)\b",
                           re.IGNORECASE)  # fmt: skip
# "no OpenAI directly", "we don't use Google Docs": the maker's host or another product, not its models.
_NOT_EXCLUSION = re.compile(r"\s*(?:only|alone|directly|lock-?in|level|-level|-style|'s\s+(?:api|pricing))\b|"
                            r"(?:'s)?\s+(?:docs|sheets|drive|workspace|maps|ads|analytics|search|translate|calendar|"
                            r"meet|sign-?in|login|accounts?|whatsapp|instagram)\b", re.IGNORECASE)  # fmt: skip
_MAKER = re.compile(rf"\b(?:{_ANY_MAKER})\b(?:\s+(?:models?|llms?|apis?|products|family|stuff))?", re.IGNORECASE)
_ONLY_BEFORE = re.compile(r"\b(?:no|nothing|none|not)\b[^.;!?]{0,30}\b(?:except|but|other\s+than|besides)\s+"
                          r"(?:for\s+)?(?:the\s+)?$", re.IGNORECASE)  # fmt: skip
# "OpenAI is fine now", "we can use OpenAI after all", "lift the OpenAI ban": a maker allowed again; "OpenAI is
# not fine after all" keeps it out.
_ALLOWED_AGAIN = re.compile(rf"\b(?:{_ANY_MAKER})\b(?:'s)?(?:\s+(?:models?|llms?|apis?))?\s+(?:is|are)\s+"
                            r"(?:(?!not\b|never\b|no\b|hardly\b)\w+\s+)?(?:fine|ok|okay|allowed|acceptable|approved|"
                            r"back\s+on\s+the\s+table|no\s+longer\s+(?:banned|excluded|ruled\s+out|off\s+the\s+table))\b|"
                            rf"\bwe\s+can\s+(?:use|go\s+with)\s+(?:{_ANY_MAKER.replace('>', '_2>')})\b[^.;!?]{{0,20}}?"
                            r"\b(?:after\s+all|now|again)\b|"
                            r"\b(?:lift(?:ing)?|scrap(?:ping)?|scratch(?:ing)?|end(?:ing)?)\s+(?:the|our|that)\s+"
                            rf"(?:{_ANY_MAKER.replace('>', '_3>')})\b(?:'s)?\s+(?:ban|exclusion|veto|block)\b|"
                            rf"\bun-?ban(?:ning)?\s+(?:{_ANY_MAKER.replace('>', '_4>')})\b",
                            re.IGNORECASE)  # fmt: skip
_JOINED = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+|nor\s+)?|\s+(?:and|or|nor)\s+|\s*[/&]\s*)(?:also\s+)?", re.IGNORECASE)
_CHINESE_MODELS = re.compile(
    r"\b(?:no|not|never|without|avoid|exclude|ban)\s+(?:any\s+)?chinese[\s-]+(?:made\s+|built\s+|trained\s+)?"
    r"(?:models?|llms?|weights|labs?|makers?|vendors?|providers?)\b|\bnothing\s+chinese\b(?!\s+(?:language|speaking))|"
    r"\bchinese\s+(?:models?|llms?)\s+(?:are|is)\s+(?:\w+\s+)?"
    r"(?:off\s+the\s+table|out|banned|not\s+allowed|a\s+no-?go)\b",
    re.IGNORECASE,
)


def ruled_out_makers(text: str) -> tuple[list[str], str] | None:
    """(the makers ruled out, the words that say so), or None."""
    makers = _makers_said(text, _ruled_out_words)
    if chinese := _CHINESE_MODELS.search(text):
        for maker in _CHINESE:
            makers.setdefault(maker, chinese.group(0))
    if not makers:
        return None
    return sorted(makers), "; ".join(dict.fromkeys(makers.values()))


# (text, the maker's match, the 40 characters of its sentence before it, the sentence's span) -> the words
_SaidOf = Callable[[str, re.Match[str], str, tuple[int, int]], str | None]


def _makers_said(text: str, said_of: _SaidOf) -> dict[str, str]:
    """Maker -> the words that say it, for each maker `said_of` finds words for; a maker listed right
    after one found is found too ("avoid DeepSeek and Qwen", "only Claude or Gemini")."""
    makers: dict[str, str] = {}
    listed_after = -1  # where the last maker found ends
    for match in _MAKER.finditer(text):
        if listed_after >= 0 and _JOINED.fullmatch(text, listed_after, match.start()):
            makers.setdefault(_maker(match), text[match.start() : match.end()])
            listed_after = match.end()
            continue
        start, end = sentence_bounds(text, match.start())
        before = text[max(start, match.start() - 40) : match.start()]
        if (words := said_of(text, match, before, (start, end))) is not None:
            makers.setdefault(_maker(match), words)
            listed_after = match.end()
    return makers


def _ruled_out_words(text: str, match: re.Match[str], before: str, sentence: tuple[int, int]) -> str | None:
    end = sentence[1]
    refused_before = _RULED_OUT_BEFORE.search(before) or _banned_before(text, before, match.end(), end)
    refused_after = None if refused_before else _RULED_OUT_AFTER.match(text, match.end())
    if not (refused_before or refused_after) and (put_back := _put_back(text, before, match.end())):
        refused_before, refused_after = put_back  # "keep OpenAI out": the words on both sides say it
    if not (refused_before or refused_after) or _NOT_EXCLUSION.match(text, match.end()):
        return None
    if _ONLY_BEFORE.search(before):
        return None  # "no models except Anthropic's", "nothing but Claude": the one maker allowed
    if _HOST_ALLOWED.search(text, *sentence) or "?" in text[match.end() : end + 1]:
        return None  # "... Azure is fine" names a host; "why not GPT-4o?" asks and rules nothing out
    said_from = match.start() - len(before) + refused_before.start() if refused_before else match.start()
    said_to = refused_after.end() if refused_after else match.end()
    return text[said_from:said_to].strip()


# "legal doesn't allow OpenAI to train on our data": a rule about the data, not a ban on the maker.
_DATA_RULE_AFTER = re.compile(r"(?:'s)?(?:\s+models?)?\s+(?:to|from)\s+(?:\w+\s+)?(?:train\w*|stor\w+|retain\w*|"
                              r"keep\w*|log\w*|see\w*|access\w*|read\w*|reus\w+|look\w*)\b", re.IGNORECASE)  # fmt: skip


def _banned_before(text: str, before: str, after: int, end: int) -> re.Match[str] | None:
    """The plain words before a maker that ban it; "we don't use X" only when nothing says it is today's habit."""
    said = _BANNED_BEFORE.search(before)
    if said and _DATA_RULE_AFTER.match(text, after):
        return None
    habit = said and said.group(0)[:2].lower() in ("we", "i ") and \
        (_HABIT_ONLY.search(before, 0, said.start()) or _HABIT_ONLY.search(text, after, end))
    return None if habit else said


def _put_back(text: str, before: str, after: int) -> tuple[re.Match[str], re.Match[str]] | None:
    """The words before and after a maker that keep it out: "keep OpenAI out", "restore the GPT ban"."""
    if (keep := _KEEP_BEFORE.search(before)) and (out := _OUT_AFTER.match(text, after)):
        return keep, out
    if (ban_before := _BAN_BEFORE.search(before)) and (ban := _BAN_AFTER.match(text, after)):
        put_only = ban_before.group(0).lower().startswith("put") and "back" not in ban_before.group(0).lower()
        return None if put_only and not ban.group("back") else (ban_before, ban)  # "put the ban on hold" lifts it
    return None


# The one maker (or few) allowed: "we can only use Claude", "Anthropic models only", "an OpenAI-only shop",
# "nothing but Gemini", "it has to be Claude"; "we only use OpenAI today" is today's choice, not a rule.
_ONLY_USE_BEFORE = re.compile(
    r"(?:\b(?:can|may|must|could|are\s+allowed\s+to|are\s+approved\s+to|are\s+permitted\s+to)\s+only\s+"
    r"(?:use|go\s+with|work\s+with|pick|buy)\s+|\b(?:only|exclusively)\s+(?:models?\s+(?:from|by)\s+)?|"
    r"\b(?:has|have|needs?)\s+to\s+be\s+(?:an?\s+)?|\bmust\s+be\s+(?:an?\s+)?|\bstrictly\s+)(?:the\s+)?$",
    re.IGNORECASE,
)
_ONLY_AFTER = re.compile(r"(?:'s)?(?:\s+(?:models?|llms?|apis?))?(?:\s*-\s*|\s+)only\b"
                         r"(?!\s+(?:for|when|if|to|in|on|briefly|once|a\s+bit)\b)", re.IGNORECASE)  # fmt: skip
_APPROVED_AFTER = re.compile(r"(?:'s)?(?:\s+(?:models?|llms?|apis?))?\s+(?:is|are)\s+(?:the\s+only\s+(?:\w+\s+)?"
                             r"(?:allowed|approved|permitted|option|choice|vendor|maker|provider)|"
                             r"(?:all\s+)?(?:we(?:'re|\s+are)\s+allowed|that'?s\s+allowed))\b",
                             re.IGNORECASE)  # fmt: skip
_TODAY_AFTER = re.compile(r"[^.;!?]{0,25}?\b(?:today|right\s+now|currently|at\s+the\s+moment|so\s+far|for\s+now)\b",
                          re.IGNORECASE)  # fmt: skip

_TRIED_BEFORE = re.compile(r"\b(?:tried|tested|used|evaluated|compared|benchmarked|played\s+with)\b", re.IGNORECASE)


def only_makers(text: str) -> tuple[list[str], str] | None:
    """(the makers that alone are allowed, the words that say so), or None: the rest are ruled out."""
    allowed = _makers_said(text, _allowed_only_words)
    if not allowed:
        return None
    return sorted(allowed), "; ".join(dict.fromkeys(allowed.values()))


def _allowed_only_words(text: str, match: re.Match[str], before: str, sentence: tuple[int, int]) -> str | None:
    end = sentence[1]
    said_before = _ONLY_USE_BEFORE.search(before) or _ONLY_BEFORE.search(before)
    said_after = None if said_before else _ONLY_AFTER.match(text, match.end()) or _APPROVED_AFTER.match(
        text, match.end()
    )
    if not (said_before or said_after) or "?" in text[match.end() : end + 1]:
        return None
    if _TODAY_AFTER.match(text, match.end()) or _TRIED_BEFORE.search(before):
        return None  # "we only use OpenAI today", "we tried Claude only briefly"
    if said_before:
        return text[match.start() - len(before) + said_before.start() : match.end()].strip()
    assert said_after is not None
    return text[match.start() : said_after.end()].strip()


def makers_named(text: str) -> list[str]:
    """Every maker the words name, by the maker's or its models' names, in order and once each."""
    return list(dict.fromkeys(_maker(match) for match in _MAKER.finditer(text)))


def _maker(match: re.Match[str]) -> str:
    return next(name for name, said in match.groupdict().items() if said)


def allowed_again(text: str) -> list[str]:
    """The makers the words allow again ("OpenAI is fine now"), for a change of mind to lift."""
    out = []
    for match in _ALLOWED_AGAIN.finditer(text):
        for name, said in match.groupdict().items():
            maker = re.sub(r"_\d$", "", name)
            if said and maker not in out:
                out.append(maker)
    return out
