"""The words that tell what a size in a developer's message is: part of one request (and which part),
the answer, a whole collection, or a context window. Used by agent/extract_sizes.py."""

from __future__ import annotations

import re

OUT = (
    r"answers?|responses?|repl(?:y|ies)|outputs?|completions?|summar(?:y|ies)|labels?|categor(?:y|ies)|"
    r"generat(?:es?|ing|ions?)|generated(?!\s+from)|writes?|returns?|reply with|respond\w*|continuations?|"
    r"suggestions?|captions?|headlines?|explanations?|feedback|critiques?|yields?|emits?|ask(?:s|ing)? for|"
    r"expect(?:s|ing)?|back(?!-)|"
    r"out(?=\s*[:=])|comes?\s+out|coming\s+out|"
    # what the model writes, named by how it is made: "the structured note", "the review comment"
    r"(?:structured|generated|drafted|draft|final|resulting|written|finished)\s+(?:[a-z]+\s+)?(?:notes?|records?|"
    r"reports?|entr(?:y|ies)|documents?|json|summar(?:y|ies)|minutes|emails?)|review\s+comments?"
)
DOC = (
    r"documents?|docs?|contracts?|reports?|pdfs?|files?|notes?|transcri(?:pts?|ptions?|bed)|papers?|books?|chapters?|"
    r"filings?|records?|manuals?|polic(?:y|ies)|specs?|diffs?|patch(?:es)?|pull requests?|merge requests?|prs?|"
    r"commits?|logs?|letters?|statements?|agreements?|"
    r"invoices?|resumes?|cvs?|decks?|slides?|spreadsheets?|articles?|essays?|stor(?:y|ies)|posts?|"
    r"descriptions?|code|functions?|modules?|briefs?|studies|study|texts?|content|material"
)
# "the user part is ~200 tokens", "the variable bit": what each request adds to a fixed prefix
USER = (r"questions?|quer(?:y|ies)|messages?|tickets?|emails?|reviews?|comments?|tweets?|utterances?|user input|"
        r"(?:user|customer|client|caller)\s+(?:messages?|questions?|quer(?:y|ies)|prompts?|text|turns?|emails?)|"
        r"(?:user(?:'s|’s|s')?|variable|dynamic|per-request|per-call)\s+(?:part|portion|bit|side|share|piece|content)")
TOTAL = r"prompts?|inputs?|requests?|in(?=\s*[:=])"
SYSTEM = (
    r"system prompts?|system messages?|instructions?|few[- ]shot(?: examples)?|examples|prompt templates?|"
    r"preamble|persona(?: prompt)?"
)
RETRIEVED = r"passages?|chunks?|snippets?|search results|retriev\w*|top[- ]?k"
HISTORY = (
    r"history|(?:earlier|previous|prior|past|last) (?:chat|conversation|turns?|messages?|exchanges?)|"
    r"(?:last|previous|past) (?:\d+|\w+) (?:messages|turns|exchanges)|conversation so far"
)
# Verbs that put material into a request: "we send the last 300 words", "each step sends ~30k tokens",
# "an alert typically brings ~15k tokens of transaction data".
SENT = (r"sends?|sent|pass(?:es)?|feeds?|uploads?|pastes?|attach(?:es)?|includes?|submits?|goes (?:out|in) with|"
        r"gets|receives?|sees|brings?|carr(?:y|ies)|comes? with")  # fmt: skip  "an alert brings ~15k tokens"
CORPUS = (
    r"wiki|knowledge base|kb|corpus|code ?base|repositor(?:y|ies)|repos?|monorepos?|archive|library|collection|"
    r"database|document store|intranet|help cent(?:er|re)|handbooks?|web ?sites?|docs site|portal|in total|a total of|"
    r"altogether|across"
)
WINDOW = r"context windows?|contexts?"
CODE_CONTEXT = re.compile(r"surrounding|around the cursor|nearby|preceding|prefix|suffix|code context|of code|"
                          r"autocomplet|completion|editor|ide\b|the (?:current )?file", re.I)  # fmt: skip
GEN_VERB = re.compile(r"\b(?:write|writes|writing|generate|generates|generating|draft|drafts|produce|produces|"
                      r"create|creates|compose|composes|returns?|suggests?)\b(?!\s+from\b)", re.I)  # fmt: skip
AMBIGUOUS = re.compile(r"^(?:articles?|essays?|stor(?:y|ies)|posts?|blog posts?|descriptions?|copy|code|texts?)$")
RETRIEVAL_HINT = re.compile(r"\brag\b|retriev|top[- ]?k\b|top[\s-]*\d+|vector|embedding|search over|chunks?\b",
                            re.I)  # fmt: skip
WHOLE = re.compile(r"\b(?:whole|entire|full|complete)\b|send the|pass the|paste", re.I)
EACH = re.compile(r"\b(?:each|per|every|a single|one)\b", re.I)

# Order breaks ties between words ending at the same place ("system prompt" before "prompt").
ROLES: list[tuple[str, re.Pattern[str]]] = [
    (role, re.compile(r"(?<![a-z])(?:" + words + r")(?![a-z])", re.I))
    for role, words in (("system_prompt", SYSTEM), ("history", HISTORY), ("retrieved", RETRIEVED),
                        ("corpus", CORPUS), ("window", WINDOW), ("output", OUT), ("total", TOTAL),
                        ("user_text", USER), ("documents", DOC), ("sent", SENT))
]  # fmt: skip
