"""Answers to "what is X?": a definition first, picked from the retrieved passages, then the
course's figures about X, each sentence cited. Pure: passages and the term splitter are passed in."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from agent.advisor import for_you
from agent.advisor.rules.questions import FILLER

_FILLER = re.compile(r"^" + FILLER, re.I)
_ASKS = [
    re.compile(r"^what does (?P<t>.+?) (?:actually |really |even )?(?:mean|stand for|measure)(?: exactly| here)?$",
               re.I),
    re.compile(r"^what (?:mean|means|is (?:the )?meaning of)\s+(?P<t>.+)$", re.I),  # "what mean "prompt caching"?"
    # "Can you explain what a context window is?", "remind me what distillation is", "tell me what RAG means"
    re.compile(r"^(?:(?:can|could) you\s+|please\s+)?(?:explain|tell me|remind me|describe|"
               r"say)\s+(?:to me\s+|again\s+)?"
               r"what\s+(?P<t>.+?)\s+(?:is|are|means|mean|does|stands for)(?: exactly| again)?$", re.I),
    re.compile(r"^how (?:does|do) (?P<t>.+?) (?:work|works)(?: exactly| in practice)?$", re.I),
    re.compile(r"^(?:(?:can|could) you\s+)?(?:tell me|talk me through)\s+(?:a (?:bit|little) )?about\s+(?P<t>.+)$",
               re.I),
    re.compile(
        r"^(?:what do (?:you|people|they) mean by|what is meant by|what'?s meant by|meaning of|definition of|"
        r"(?:can|could) you (?:explain|define)|please (?:explain|define)|eli5|explain like i'?m (?:five|5)(?: what)?|"
        r"explain|define|describe)[:,]?\s+(?P<t>.+)$",
        re.I,
    ),
    re.compile(r"^(?:what(?:'s|’s|s| is| are| exactly is)|whats)\s+(?P<t>.+)$", re.I),
    re.compile(r"^(?P<t>[\w .+/-]{2,30}?)\s*=\s*\?*$", re.I),  # "TTFT = ?"
    re.compile(r"^(?P<t>.+?)\s*(?:[-—:,]\s*|\s)what(?:'s| is| are) (?:that|it|this|those|they)"
               r"(?: supposed to (?:be|mean)| exactly| about)?$", re.I),
    re.compile(
        r"^(?:i (?:don'?t|do not) (?:know|understand)|never heard of|not sure) what (?P<t>.+?) "
        r"(?:is|are|means)$",
        re.I,
    ),
]
_TRAIL = re.compile(r"\s+(?:exactly|again|anyway|actually|here|to me|for me|please|briefly|simply|quickly|"
                    r"in (?:llms?|ai|practice|this context|simple terms|"
                    r"plain english|a nutshell))$|\s*(?:,|\s(?:and|but|or))\s*(?:,\s*)?(?:and\s+|but\s+|"
                    r"or\s+)?(?:how|why|when|what|"
                    r"does|do|did|is|are|should|can|could|would|will|which|where|do we|would we)\b.*$|"
                    r"\s+(?:mean|means|stand for)$|"
                    r"\s+(?:like\s+i'?m\s+(?:new|five|5|a\s+beginner|a\s+newbie|twelve|12)|"
                    r"for\s+(?:a\s+)?(?:beginners?|newbies?|dummies|non-engineers|a\s+non-technical\s+person)|"
                    r"in\s+simple\s+words)$|"
                    # "in plain words", "in one or two sentences", "in the ML sense, not the chemistry one"
                    r"\s*,?\s+in\s+(?:plain|simple|layman'?s?|everyday)\s+(?:words|terms|english|language)$|"
                    r"\s*,?\s+in\s+(?:one|a|1|two|2|one or two|a couple of|a few)\s+(?:sentences?|lines?|words)$|"
                    r"\s*,?\s+in\s+the\s+[\w/-]+\s+sense\b.*$", re.I)  # fmt: skip
_ARTICLE = re.compile(r"^(?:(?:i'?ve |i have )?never heard of|i (?:don'?t|do not) know|not sure about|"
                      r"(?:i|we) keep (?:hearing|reading) (?:about|of)|(?:i'?ve|we'?ve) (?:heard|read) (?:about|of)|"
                      r"(?:people|everyone) (?:keep )?(?:talks?|talking) about|an?|the|"
                      r"this|that|your|a so-called)\s+", re.I)  # fmt: skip
_LEAD_IN = re.compile(r"^[^,:;]{1,40}?[,:;]\s+(?=(?:so\s+)?(?:what|define|explain|describe|eli5)\b)", re.I)
_COPULA = r"(?:is|are|means|refers to|stands for|measures|describes)\b"
# Verbs that say what a thing does when the thing is the whole subject ("A model router sends ...").
_DOES = r"(?:sends|routes|turns|converts|lets|stores|holds|trains|splits|returns|tries|runs|processes|maps)\b"
_NAMES_A_KIND = re.compile(
    r"\b(?:is|are|means|refers to)\s+(?:the|an?|one|how|what|when|where|any|everything|further|[a-z]+ing)\b", re.I
)
_DEFINES_ANOTHER = re.compile(r"^(?:an?\s+|the\s+)?[A-Z][\w/-]*(?:\s+[\w/()-]+){0,4}\s+(?:is|are)\s+(?:the|an?)\b")
_SUFFIXES = ("ations", "ation", "ings", "ing", "ers", "er", "ed", "es", "s", "e")
MAX_TERM_WORDS = 6


@dataclass(frozen=True)
class Passage:
    id: str
    title: str
    section: str
    text: str


@dataclass(frozen=True)
class Reply:
    """The answer's Markdown and the passages it cites."""

    text: str
    passages: list[Passage]


Search = Callable[[str], list[Passage]]
Session = tuple[dict[str, Any] | None, dict[str, Any]]  # the graph state's ranking and stated requirements


def searcher(search: Callable[[str, int], list[Any]] | None, k: int = 6) -> Search | None:
    """The knowledge base's search as this module needs it: a query in, typed passages out."""
    if search is None:
        return None
    return lambda query: passages_of([result.as_json() for result in search(query, k)])


def passages_of(rows: Sequence[dict[str, Any]]) -> list[Passage]:
    """The graph's stored passages as typed rows."""
    return [Passage(row["id"], row["title"], row.get("section", ""), row["text"]) for row in rows]


# "legal keeps saying we need a 'BAA' with the vendor, what is that?": the term is named before the question.
_POINTS_BACK = re.compile(r"(?:^|[,;:.!?(]\s*|\s[-–—]\s*|\s)(?:so\s+|and\s+|but\s+)?(?:what(?:'s|’s|\s+is|\s+are)|"
                          r"what\s+does|what\s+do)\s+(?:that|it|this|those|these)(?:\s+(?:mean|thing|even))?"
                          r"(?:\s+(?:exactly|again|actually))?\s*[?!.]*\s*$", re.IGNORECASE)  # fmt: skip
_QUOTED_TERM = re.compile(r"[\"'“‘`]([^\"'”’`]{2,40})[\"'”’`]")
_ACRONYM = re.compile(r"\b([A-Z][a-z0-9]*[A-Z][A-Za-z0-9]*?)s?\b")  # BAA, MoE, LoRA, TTFTs
# Capitals that name people, places or the obvious, not a term asked about.
_NOT_ASKED = {"US", "EU", "UK", "OK", "AI", "CTO", "CEO", "CIO", "CFO", "COO", "CISO", "DPO", "VP", "PM", "IT", "HR"}


def points_back_alone(question: str) -> bool:
    """ "What does that mean?" with nothing before it: the term is in the message before."""
    back = _POINTS_BACK.search(question.strip())
    return back is not None and back.start() == 0


def _term_named_before(question: str) -> str | None:
    back = _POINTS_BACK.search(question)
    if not back or back.start() == 0:
        return None
    before = question[: back.start()]
    if quoted := _QUOTED_TERM.findall(before):
        return str(quoted[-1]).strip()
    acronyms = [word for word in _ACRONYM.findall(before) if word not in _NOT_ASKED]
    return acronyms[-1] if acronyms else None


_CONTRAST = re.compile(r"\bdifference\s+between\s+(?:an?\s+|the\s+)?(?P<a>[\w\-/ ]{2,30}?)\s+and\s+(?:an?\s+|the\s+)?"
                       r"(?P<b>[\w\-/ ]{2,30}?)\s*(?:[?.!]|$)", re.IGNORECASE)  # fmt: skip


# The plain side of a contrast, which no course defines: "a normal one", "regular models", "a standard LLM".
_NO_TERM_SIDE = re.compile(r"(?:an?\s+|the\s+)?(?:normal|regular|standard|ordinary|plain|classic|traditional|usual|"
                           r"typical|non[- ]?\w+)\s+(?:ones?|models?|llms?|versions?|kinds?|types?)", re.I)  # fmt: skip


def contrasted_terms(question: str) -> tuple[str, str] | None:
    """The two terms of "what's the difference between X and Y?", when each is a term of a few words."""
    match = _CONTRAST.search(question)
    if not match:
        return None
    pair = (match.group("a").strip(), match.group("b").strip())
    return pair if all(len(term.split()) <= 3 for term in pair) else None


def asked_term(question: str) -> str | None:
    """The term a "what is X?" question asks about ("What's a batch API exactly?" -> "batch API")."""
    if named := _term_named_before(question):
        return named
    text = _FILLER.sub("", question.strip().strip("?!. ").strip())
    text = text.rstrip("?!. ")
    # "sorry for basic question, what mean ...", "quick one: what does ...": the ask after a lead-in
    asks = [text, *(text[lead.end():] for lead in _LEAD_IN.finditer(text))]
    for pattern, asked in ((pattern, asked) for asked in asks for pattern in _ASKS):
        match = pattern.match(asked)
        if match:
            term = match.group("t").strip(" \"'`“”‘’*")
            for _ in range(3):
                term = _TRAIL.sub("", term).strip(" \"'`“”‘’*,")
            term = _ARTICLE.sub("", term).strip(" \"'`“”‘’*")
            if term and len(term.split()) <= MAX_TERM_WORDS and not re.match(r"(?:it|that|this|they)$", term, re.I):
                return term
    return None


def _split(text: str) -> list[tuple[str, int]]:
    """(sentence, line number) for a passage, without its "Title — Section" head line or Markdown."""
    body = text.split("\n", 1)[-1]
    found = []
    for number, line in enumerate(body.splitlines()):
        line = re.sub(r"^\s*(?:[-*]|\d+\.)\s+|\*\*", "", line)
        # "e.g." and "vs." do not end a sentence.
        for part in re.split(r"(?<!\be\.g)(?<!\bi\.e)(?<!\bvs)(?<=[.!?])\s+(?=[A-Z0-9“\"(])", line):
            if len(part.strip()) > 20:
                found.append((part.strip(), number))
    return found


_NOT_A_TERM = re.compile(r"\b(?:for|with|to|our|we|best|good|right|cheapest|fastest|better|should|which)\b", re.I)


def asks_definition(question: str) -> bool:
    """Whether a message asks what a term means ("What is RAG?"), not which model fits ("what's a good
    model for coding?"): for the intent rules, so the question is answered and sets no requirement."""
    term = asked_term(question)
    return term is not None and len(term.split()) <= 4 and not _NOT_A_TERM.search(term)


def _is_a_term(term: str) -> bool:
    """ "batch API" is a term; "trade-offs of self-hosting" is a topic with no one-line definition."""
    return len(term.split()) <= 3 and not re.search(r"\b(?:of|between|and|or|vs|differences?|trade-?offs?|pros|cons|"
                                                    r"benefits?|risks?|advantages?)\b", term, re.I)  # fmt: skip


def sentences(text: str) -> list[str]:
    """A passage's sentences, without its head line or Markdown emphasis."""
    return [sentence for sentence, _ in _split(text)]


def _word_pattern(word: str, loose: bool) -> str:
    """One word of the term; loose lets "caching" match "cache" and "quantization" match "quantised"."""
    word = word.lower()
    if not loose or len(word) < 5 or not word.isalpha():
        return re.escape(word) + r"(?:e?s)?"
    stem = next((word[: -len(s)] for s in _SUFFIXES if word.endswith(s) and len(word) - len(s) >= 4), word)
    return re.sub("[sz]", "[sz]", re.escape(stem)) + r"\w*"


_SPOKEN = re.compile(r"/\s*s(?:ec(?:ond)?)?\b")


def term_pattern(term: str, loose: bool = False) -> str:
    """The term as a regex: spaces and hyphens interchangeable, "/s" read as "per second"."""
    spoken = _SPOKEN.sub(" per second", term)
    words = [w for w in re.split(r"[\s\-]+", spoken) if w]
    return r"[\s\-]+".join(_word_pattern(w, loose) for w in words)


def _definition_patterns(term: str) -> list[tuple[int, re.Pattern[str]]]:
    """(strength, pattern): "X is ..." and "Expansion (X) is ..." beat a looser stem, which beats
    "X does ..." (the term as the subject of another verb), which beats "X: ..."."""
    exact, loose = term_pattern(term), term_pattern(term, loose=True)
    lead = r"^(?:(?:an?|the)\s+)?"  # nothing else before the term: "The p95 latency is" does not define latency
    head = r"(?:[\s\-]+(?:models?|llms?))?"  # "open weights" is defined as "Open-weight models are ..."
    bracket = r"(?:\s*\([^)]{1,100}\))?"
    aside = bracket + head + bracket + r"(?:,\s[^,]{1,80},)?\s+"
    return [
        (4, re.compile(lead + f"(?:{exact})" + aside + _COPULA, re.I)),
        (4, re.compile(r"^(?:[\w\-]+\s+){1,6}\(\s*(?:" + exact + r")\s*\)" + head + r"\s+" + _COPULA, re.I)),
        (3, re.compile(lead + f"(?:{loose})" + aside + _COPULA, re.I)),
        (2, re.compile(lead + f"(?:{loose})" + aside + _DOES, re.I)),
        (1, re.compile(r"^(?:" + exact + r")\s*:\s+\w", re.I)),
    ]


@dataclass(frozen=True)
class _Sentence:
    text: str
    passage: Passage
    order: int  # the passage's retrieval rank
    position: int  # the sentence's place in its passage
    whole: bool = True  # False for a clause cut from a longer sentence


_CLAUSE = re.compile(r";\s+|\s\((?=an?\s|the\s)|,\s+and\s+(?=an?\s|the\s)")


def _clauses(sentence: str) -> list[str]:
    """The sentence, then each clause that could define something on its own ("...; a reranker is ...")."""
    parts = _CLAUSE.split(sentence)
    return [sentence] + [part.rstrip(").") + "." for part in parts[1:] if len(part) > 20]


def find_definition(term: str, passages: Sequence[Passage]) -> tuple[int, _Sentence] | None:
    """The strongest definitional sentence (or clause) about the term, with its strength; whole
    sentences beat clauses, then the better-ranked passage wins."""
    patterns = _definition_patterns(term)
    best: tuple[tuple[int, bool, int, int], _Sentence] | None = None
    for order, passage in enumerate(passages):
        for position, sentence in enumerate(sentences(passage.text)):
            for index, text in enumerate(_clauses(sentence)):
                strength = max((s for s, pattern in patterns if pattern.search(text)), default=0)
                if not strength:
                    continue
                if _NAMES_A_KIND.search(text):  # "X is the time ..." defines; "Latency is hours" does not
                    strength += 1
                key = (-strength, index > 0, order, position)
                if best is None or key < best[0]:
                    best = (key, _Sentence(text, passage, order, position, whole=index == 0))
    return (-best[0][0], best[1]) if best else None


def _mentions(term: str, text: str) -> bool:
    return re.search(r"(?<!\w)(?:" + term_pattern(term, loose=True) + r")", text, re.I) is not None


# A number with what it counts: "$2", "40–70%", "500 ms", "10 times", "1.5×" (not "temperature 0" or "p95").
FIGURE = re.compile(
    r"\$\d|\d\s*%|\d[\d,.]*\s*(?:[–-]\s*\d[\d,.]*\s*)?(?:ms|s|seconds?|minutes?|hours?|days?|weeks?|months?|"
    r"tokens?|[kKM]|million|billion|times|x|×|requests?|GPUs?|B)\b|\d×",
)


def _figures(term: str, definition: _Sentence, passages: Sequence[Passage], limit: int = 2) -> list[_Sentence]:
    """Sentences with numbers about the term: the definition's own passage first, then the others."""
    found: list[_Sentence] = []
    ordered = [definition.passage, *[p for p in passages if p is not definition.passage]]
    own_line = _split(definition.passage.text)[definition.position][1]
    for order, passage in enumerate(ordered):
        for position, (text, line) in enumerate(_split(passage.text)):
            if text == definition.text or not FIGURE.search(text) or text in definition.text:
                continue
            # The definition's own bullet or paragraph speaks of the term; elsewhere it must be named.
            if (order == 0 and line == own_line) or _mentions(term, text):
                found.append(_Sentence(text, passage, order, position))
    found.sort(key=lambda s: (s.order, s.position))
    return found[:limit]


def _follow_on(definition: _Sentence) -> str | None:
    """The sentence after the definition, when it is on the same line (the same bullet or paragraph)."""
    rest = _split(definition.passage.text)
    if (
        not definition.whole
        or definition.position + 1 >= len(rest)
        or rest[definition.position + 1][1] != rest[definition.position][1]
    ):
        return None
    following = rest[definition.position + 1][0]
    if re.search(r"\d", following) or len(following) >= 260 or _DEFINES_ANOTHER.match(following):
        return None  # figures come later, cited; "GDPR is ..." after "HIPAA is ..." answers another question
    return following


def _sources(passages: Sequence[Passage]) -> str:
    seen: dict[str, str] = {}
    for passage in passages:
        seen.setdefault(passage.id, f"[{passage.id}] {passage.title} — {passage.section}")
    return "Sources: " + "; ".join(seen.values())


_GENERIC = re.compile(r"\s+(?:models?|llms?|approach|technique|strategy|thing)$|^(?:models?|llm|ai)\s+", re.I)


def _term_variants(term: str) -> list[str]:
    """The term as asked, then without a generic word ("mid-tier model" -> "mid-tier", "model distillation"
    -> "distillation")."""
    shorter = _GENERIC.sub("", term).strip()
    return [term] + ([shorter] if shorter != term and shorter else [])


STRONG = 5  # "X is the ...": anything weaker ("X: ...", "Latency is hours") sends us searching on the bare term


def _defined(term: str, passages: Sequence[Passage]) -> tuple[int, str, _Sentence] | None:
    for variant in _term_variants(term):
        found = find_definition(variant, passages)
        if found is not None:
            return found[0], variant, found[1]
    return None


def define(
    question: str, passages: Sequence[Passage], search: Search | None = None, session: Session | None = None
) -> Reply | None:
    """A definition-first answer, or None when the question asks no term or no passage defines it.

    The question's own retrieval may miss the defining passage ("What is TTFT?" ranks the passages
    that use TTFT most); then the bare term is searched once more."""
    term = asked_term(question)
    if term is None:
        return None
    found = _defined(term, passages)
    if (found is None or found[0] < STRONG) and search is not None:
        # "quantization" is spelled "quantisation" in the course; "mid-tier model" is defined as "Mid-tier".
        spoken = _SPOKEN.sub(" per second", term)  # "tokens/s" is written out in the course
        variants = [term, spoken, *_term_variants(term)]
        spellings = dict.fromkeys([term, spoken, *(_british(v) for v in variants)])
        extra = list(dict.fromkeys(p for query in spellings for p in search(query) if p not in passages))
        further = _defined(term, extra)
        if further is not None and (found is None or further[0] > found[0]):
            found, passages = further, [*passages, *extra]
    if found is None:
        return None
    _, variant, definition = found
    following = _follow_on(definition)
    opening = _capitalised(definition.text) + (f" {following}" if following else "")
    if term.lower() not in opening.lower() and _british(term.lower()) in _british(opening.lower()):
        opening = f"**{term}**: {opening}"  # "quantization" asked, "Quantisation is ..." found: say it as asked
    lines = [f"{opening} [{definition.passage.id}]"]
    figures = _figures(variant, definition, passages)
    if figures:
        lines.append("From the course: " + " ".join(f"{s.text} [{s.passage.id}]" for s in figures))
    if session is not None and (tie := for_you.line(variant, *session)) is not None:
        lines.append(tie)
    used = list(dict.fromkeys([definition.passage, *[s.passage for s in figures]]))
    return Reply("\n\n".join(lines) + "\n\n" + _sources(used), used)


def _british(text: str) -> str:
    """The course's spelling: "quantization" is searched, and compared, as "quantisation"."""
    return re.sub(r"i[sz](?=e|ation|ing)", "is", text)


def _without_sources(text: str) -> str:
    return text.split("\n\nSources:", 1)[0]


def _capitalised(text: str) -> str:
    first = text.split(" ", 1)[0]
    return text if re.search(r"\d", first) else text[:1].upper() + text[1:]


def answer(
    question: str, passages: Sequence[Passage], terms: Callable[[str], list[str]], search: Search | None = None,
    session: Session | None = None,
) -> Reply:  # fmt: skip
    """A definition when one is asked for and found (tied to the session's shortlist when there is one);
    otherwise the passages' sentences that share most terms with the question, cited."""
    if both := contrasted_terms(question):
        # "What's the difference between no-training and self-hosted?": each term defined, in its order
        replies = [define(f"What is {term}?", passages, search, session) for term in both]
        # "a reasoning model and a normal one": the side the course defines, when the other is no term
        if all(replies) or (any(replies) and any(_NO_TERM_SIDE.fullmatch(term) for term in both)):
            lines = [f"**{term}**: {_without_sources(reply.text)}" for term, reply in zip(both, replies, strict=True)
                     if reply is not None]  # fmt: skip
            used = list(dict.fromkeys(p for reply in replies if reply is not None for p in reply.passages))
            return Reply("\n\n".join(lines) + "\n\n" + _sources(used), used)
    defined = define(question, passages, search, session)
    if defined is not None:
        return defined
    if not passages:
        return Reply("I found nothing in the course about that. Try other words, or ask about cost, latency or "
                     "privacy.", [])  # fmt: skip
    wanted = set(terms(question))
    picked: list[tuple[float, int, str, str]] = []
    for order, passage in enumerate(passages[:3]):
        for position, sentence in enumerate(sentences(passage.text)):
            overlap = len(wanted & set(terms(sentence)))
            if overlap:
                picked.append((overlap - 0.3 * order - 0.01 * position, order * 100 + position, sentence, passage.id))
    best = sorted(sorted(picked, reverse=True)[:3], key=lambda item: item[1])
    if not best:
        first = passages[0]
        opening = sentences(first.text)
        best = [(0, 0, opening[0] if opening else first.text, first.id)]
    lines = [f"{sentence} [{doc_id}]" for _, _, sentence, doc_id in best]
    term = asked_term(question)
    if term is not None and _is_a_term(term):  # a definition the course does not give: say so, do not pretend
        lines.insert(0, f"The course has no one-line definition of “{term}”; here is what it says about it.")
    return Reply("\n\n".join(lines) + "\n\n" + _sources(passages[:3]), list(passages[:3]))
