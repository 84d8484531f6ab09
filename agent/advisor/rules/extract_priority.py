"""What the user values and what they tolerate: the priority among cost, quality and speed ("quality
matters more than price", "accuracy is everything", "precision beats speed"), and whether answers can
wait for a batch ("an overnight batch is fine"). Pure functions."""

from __future__ import annotations

import re

from agent.advisor.rules.extract_batch import batch_share
from agent.advisor.rules.extract_languages import clause_around
from agent.advisor.rules.negation import negated

_CRITERIA = {
    "cost": r"costs?|price|prices|pricing|money|spend|spending|budget|cheap(?:ness)?|savings?|the bill",
    "quality": r"quality|accuracy|accurate|precision|correctness|reliability|getting (?:it|"
               r"(?:the\s+)?answers?)\s+right|"
               r"being right|correct answers|thoroughness|rigou?r|"
               r"depth(?:\s+of\s+(?:the\s+)?(?:analysis|reasoning|thought|insight|review|research|answers?))?",
    "latency": r"speed|latency|responsiveness|response times?|being fast|fast (?:responses|answers|replies)",
}
_CRITERION = "|".join(f"(?P<{name}>{words})" for name, words in _CRITERIA.items())
_FIRST = (r"(?:matters?|counts?|is|are|'s|comes?)\s+(?!not\b|n't)(?:\w+\s+)?(?:more|most|above all|everything|"
          r"paramount|key|king|critical|crucial|first|non-negotiable|what matters|what counts|"
          r"(?:the|our|a|my)\s+(?:main|top|first|big|biggest|number[- ]one|#1|deciding|primary|key)|"
          r"(?:the\s+)?main\s+thing|the\s+(?:one\s+)?thing(?=\s*(?:[-–—,.;:!]|$|for\s+us\b|here\b))|"
          r"(?:the|our|my)\s+(?:real\s+|big\s+|biggest\s+)?(?:killer|deal[- ]?breaker|"
          r"bottleneck|sticking\s+point|pain\s+point|constraint|problem|worry)|"
          r"all\s+that\s+(?:matters|counts)|the\s+only\s+thing\s+that\s+(?:matters|counts)|"
          r"(?:top|first|main)\s+priority|more important|most important|"
          r"(?:what|the\s+thing|the\s+one\s+thing)\s+(?:we|i)(?:'re|\s+are)?\s+(?:care\s+(?:about\s+)?most|"
          r"optimi[sz]ing\s+for|can'?t\s+compromise\s+on)|(?:what|all|the\s+(?:only\s+)?thing)\s+(?:we|i)\s+(?:really\s+)?"
          r"care\s+about)\b")  # fmt: skip
_OTHER = "|".join(_CRITERIA.values())
_OVER = (
    r"\s+(?:over|before|beats?|trumps?|>|ahead of|rather than|instead of|above)\s+(?:"
    + _OTHER
    + r"|everything|all else|anything(?: else)?)"
)
_COMPARATIVE = re.compile(
    r"\b(?:" + _CRITERION + r")\b(?:\s+(?:" + _FIRST + r")|" + _OVER + r"\b)|"
    r"\b(?:" + _CRITERION.replace("?P<", "?P<f_") + r")\s+first\b|"
    # "the real killer here is the price", "our bottleneck is latency"
    r"\b(?:the|our|my)\s+(?:real\s+|main\s+|big(?:gest)?\s+|only\s+)?(?:killer|deal[- ]?breaker|bottleneck|problem|"
    r"concern|worry|constraint)\s+(?:here\s+|for\s+us\s+)?(?:is|=)\s+(?:the\s+|our\s+)?(?:(?:\w+\s+)?(?P<kb_cost>bill)|"
    + _CRITERION.replace("?P<", "?P<k_") + r")\b|"
    r"\b(?:" + _CRITERION.replace("?P<", "?P<d_") + r")\s+does\s*(?:[.,;!]|$)|"  # "cost doesn't matter, speed does"
    r"\bprioriti[sz](?:e|es|ing)\s+(?:\w+\s+)?(?:" + _CRITERION.replace("?P<", "?P<p_") + r")\b|"
    # "we mostly care about speed", "we care more about keeping the bill low than about speed"
    r"\b(?:mostly|mainly|primarily|only|really\s+only)\s+care\s+about\s+(?:\w+\s+){0,3}?(?:"
    + _CRITERION.replace("?P<", "?P<m_")
    + r")\b|"
    r"\bcare\s+(?:a\s+lot\s+)?(?:more|most|mostly|mainly|most\s+of\s+all|above\s+all)\s+about\s+(?:\w+\s+){0,3}?(?:"
    + _CRITERION.replace("?P<", "?P<c_")
    + r")\b|"
    # "what we can't compromise on is accuracy", "we won't compromise on quality", "optimising for cost"
    # "we do NOT care about cost, only quality"
    r"(?:n[’']t|\bnot)\s+care\s+(?:\w+\s+)?about\s+(?:" + _OTHER + r")\s*[,;:—–-]*\s*(?:only|just)\s+(?:about\s+)?(?:"
    + _CRITERION.replace("?P<", "?P<q_")
    + r")\b|"
    r"(?:can(?:no|[’'])t|won[’']t|will\s+not|never)\s+compromise\s+on\s+(?:is\s+)?(?:\w+\s+)?(?:"
    + _CRITERION.replace("?P<", "?P<n_")
    + r")\b|\boptimi[sz](?:e|ing)\s+for\s+(?:\w+\s+)?(?:"
    + _CRITERION.replace("?P<", "?P<o_")
    + r")\b",
    re.IGNORECASE,
)
# Phrases that say one criterion on their own ("as cheap as possible", "real-time").
_PLAIN = [
    ("cost", re.compile(r"cheap(?:est)?|low(?:est)? cost|cost is (?:king|key|the (?:main|top))|"
                        r"budget is tight|tight budget|as cheap as|cost[- ]sensitive|minimi[sz]e cost|"
                        r"\b(?:basically|almost|nearly|close to|near|as close to|practically)\s+free\b|"
                        # "it has to be free", "must cost nothing", "$0 budget": the cheapest, not no limit
                        r"\b(?:has|have|needs?|must)\s+(?:to\s+)?(?:be\s+free|cost\s+nothing)\b"
                        r"(?!\s+(?:for|to)\s+(?:our\s+|the\s+|its\s+)?(?:users|customers|students|players|members|"
                        r"clients|patients|public|everyone|end[- ]users))|"
                        r"\bfree\s+(?:models?|options?|tiers?)\s+only\b|\$0\s+budget\b|\bbudget\s+(?:is|of)\s+\$?0\b|"
                        r"\bfree or (?:close to|nearly|almost) free\b|\bshoestring\b|\bbootstrapp\w+|"
                        r"\b(?:i'?m|we'?re|am|are)\s+(?:\w+\s+)?broke\b|\bbroke\s+(?:college|student|indie|solo)|"
                        r"\bkeep(?:ing)?\s+(?:the\s+)?(?:costs?|price|bill|spend(?:ing)?)\s+(?:\w+\s+)?low\b|"
                        r"\bbudget\s*(?:is\s*|:\s*)?(?:basically|almost|nearly|practically|close\s+to)\s+(?:zero|nothing|nil)\b|"
                        # "student budget", "our tech budget for this is tiny", "cut that at least in half"
                        r"\b(?:student|hobby(?:ist)?|indie|tiny|small|limited|minimal|modest|micro|zero|non-?profit|"
                        r"very\s+low|low|meagre|meager)[- ]budget\b|"
                        # "we have basically no money for this", "a free tier would be amazing"
                        r"\b(?:have|got|there[’']?s|there\s+is|with)\s+(?:basically\s+|almost\s+|practically\s+|"
                        r"virtually\s+|next\s+to\s+|close\s+to\s+)?(?:no|zero)\s+(?:real\s+)?(?:money|cash|funding|"
                        r"budget(?!\s+(?:limit|cap|ceiling|constraint|concern|set|yet|approved|figure)))\b|"
                        r"\bfree\s+(?:tier|plan|option|version)s?\s+(?:would\s+be|is|'d\s+be)\s+(?:\w+\s+)?(?:amazing|"
                        r"great|ideal|perfect|awesome|a\s+must|essential|fantastic|wonderful|a\s+lifesaver)\b|"
                        r"\bbudget\b(?:\s+[\w$]+){0,4}?\s+(?:is|'s|are)\s+(?:very\s+|really\s+|pretty\s+|quite\s+|super\s+|"
                        r"extremely\s+|rather\s+)?(?:tiny|small|limited|minimal|low|modest|thin|minuscule|meagre|meager)\b|"
                        r"\bcut\s+(?:that|it|this|(?:the\s+|our\s+)?(?:bill|costs?|spend(?:ing)?))\s+(?:\w+\s+){0,3}?"
                        r"(?:in\s+half|by\s+(?:\d+\s?%|half|a\s+third))|"
                        r"\bbring\s+(?:the|our|that)\s+(?:bill|costs?|spend(?:ing)?)\s+down\b|"
                        r"(?:n[’']t|\bnot)\s+(?:want\s+to\s+)?(?:pay|spend)\s+(?:very\s+)?(?:much|a\s+lot|too\s+much|a\s+fortune)\b|"
                        # "what model won't bankrupt me", "without breaking the bank", "won't cost us an arm and a leg"
                        # (the "not" is part of it: "we don't care if it costs a fortune" says the opposite)
                        r"(?:\b(?:won[’']?t|will\s+not|doesn[’']?t|does\s+not|shouldn[’']?t|should\s+not|without)|"
                        r"\bnot)\s+(?:\w+\s+)?(?:bankrupt(?:s|ing)?\s+(?:me|us|the\s+company|my\s+\w+|our\s+\w+)|"
                        r"go(?:ing)?\s+broke|break(?:s|ing)?\s+the\s+bank|cost(?:s|ing)?\s+(?:me\s+|us\s+)?"
                        r"(?:a\s+fortune|an\s+arm\s+and\s+a\s+leg))\b|\b(?:budget|wallet)[- ]friendly\b",
                        re.I)),
    ("quality", re.compile(r"\b(?:really|very|highly|extremely|super)\s+accurate\b|best quality|"
                           r"best possible (?:\w+\s+)?(?:answers|results|outputs?|quality)|"
                           r"(?:money|cost|price|budget|spending) is (?:no object|not an? (?:issue|object|concern))|"
                           r"quality (?:is|matters) (?:most|first|key)|accuracy (?:is )?critical|"
                           r"highest (?:quality|accuracy)|most accurate|can'?t afford mistakes|"
                           r"\b(?:best|smartest|strongest|most\s+capable)\s+(?:\w+\s+){0,2}?(?:we|i|you)\s+can\s+(?:get|find|buy)\b|"
                           r"\bbest\s+(?:\w+\s+)?money\s+can\s+buy\b|"
                           # what a mistake costs: "a wrong code means fines", "errors would be very costly"
                           r"\b(?:an?|one|any|every)\s+(?:wrong|bad|incorrect|mistaken|inaccurate)\s+[^.;!?,]{0,40}?\b(?:means?|"
                           r"could\s+mean|can\s+mean|=|costs?\s+us|leads?\s+to|gets?\s+us)\s+(?:\w+\s+){0,3}?(?:fines?|"
                           r"penalt\w+|lawsuits?|sued|liabilit\w+|recalls?|refunds?|harm|injur\w+|deaths?|audits?)\b|"
                           r"\b(?:mistakes|errors)\s+(?:are|would\s+be|could\s+be|can\s+be)\s+(?:very\s+|really\s+|extremely\s+)?"
                           r"(?:costly|expensive|dangerous|unacceptable|not\s+an\s+option)\b|"
                           r"\b(?:we|i)(?:'d|’d|\s+would)\s+rather\s+(?:it|they|the\s+\w+)\s+(?:be|is|are|gets?\s+it|got\s+it)\s+"
                           r"(?:\w+\s+)?(?:right|correct|accurate)\b|"
                           r"(?:strongest|best|smartest) (?:possible|available) (?:model|reasoning|answers?)|"
                           # being slow or dear is named as the lesser evil: "we'd rather be slow than wrong"
                           r"\b(?:rather|better)\s+(?:be\s+|have\s+it\s+|it\s+be\s+|(?:it|they|we)\s+(?:are|is)\s+)?"
                           r"(?:\w+\s+)?(?:slow(?:er)?|late|expensive|pricier|costlier|dear)\s+(?:and\s+right\s+)?"
                           r"than\s+(?:\w+\s+)?(?:wrong|inaccurate|incorrect|sloppy|mistaken|make\s+mistakes)\b|"
                           # a correct answer required, its cost played down: "answers must be right; cost is secondary"
                           r"\b(?:answers?|outputs?|results?|labels?|codes?|it|they)\s+(?:must|have\s+to|has\s+to|need\s+to|"
                           r"needs\s+to)\s+be\s+(?:\w+\s+)?(?:right|correct|accurate)\b(?=[^.!?]{0,40}?\b(?:costs?|"
                           r"price|speed|latency|spend|money|budget)\s+(?:is|are|comes?)\s+(?:\w+\s+)?(?:secondary|"
                           r"second|less\s+important|a\s+secondary\s+\w+))|"
                           r"\b(?:quality|accuracy|correctness)\b[^.;!?]{0,40}\bis\s+(?:the\s+)?whole\s+(?:product|point)|"
                           r"(?:money|cost|price|budget|spend(?:ing)?)\s+(?:is|isn'?t|is not)\s+(?:really\s+)?"
                           r"(?:not\s+)?(?:a|an|the)?\s*(?:concern|issue|problem|constraint|factor|big deal)", re.I)),
    ("latency", re.compile(r"fast as possible|speed (?:is|matters) (?:most|key|critical)|real[- ]time|"
                           r"\bjust (?:fast|quick)\b|"
                           r"\b(?:needs?\s+to|has\s+to|have\s+to|must|should|got\s+to|gotta)\s+(?:react|respond|reply|"
                           r"answer|load|come\s+back|return)\s+(?:really\s+|very\s+|super\s+)?(?:fast|quick(?:ly)?|"
                           r"instantly|immediately|right\s+away)\b(?!\s+enough)|"
                           r"\b(?:needs? to be|has to be|must be) (?:really |very |super )?"
                           r"(?:fast|quick)\b(?! enough)|"
                           r"latency (?:is )?critical|instant(?!\s+messag)|snappy|whatever(?:'s| is) fastest|"
                           r"\bmain thing is\b[^.;!?]{0,40}\b(?:fast|quick|speed|latency)\b|"
                           r"rather pay more than (?:have |get |wait for )?(?:an? )?(?:slow|laggy|sluggish)", re.I)),
]  # fmt: skip


_BETTER = {"quality": r"better|more accurate|smarter|higher[- ]quality|fewer mistakes", "cost": r"cheaper|costs? less",
           "latency": r"faster|quicker|snappier"}  # fmt: skip
# A sacrifice named with what it buys: "I'd take a slower model if it writes better code" (quality), "I'd rather
# have slightly worse feedback than blow the budget" (cost), "budget isn't really a constraint; quality is".
_TRADE = [(name, re.compile(p, re.I)) for name, p in [
    *((name, r"\b(?:i|we)(?:'d|’d|\s+would)\s+(?:happily\s+)?(?:take|accept|pay\s+for|live\s+with|go\s+with)"
              r"\s+(?:a\s+)?(?:slightly\s+|a\s+bit\s+|somewhat\s+)?(?:slower|pricier|more\s+expensive|costlier|worse)\b"
              r"[^.;!?]{0,40}?"
              r"\bif\s+(?:it|they|the\s+\w+)\s+(?:\w+\s+)?(?:" + better + r")\b") for name, better in _BETTER.items()),
    ("cost", r"\brather\s+(?:have|get|take|accept)\s+(?:\w+\s+){0,2}?(?:worse|slower|weaker|less\s+accurate)\b"
             r"[^.;!?]{0,40}?\bthan\s+(?:blow|bust|exceed|go\s+over|overspend|pay|spend)"),
    *((name, r"(?:n[’']t|\bnot)\s+(?:really\s+)?(?:a|an|the|our|much\s+of\s+a)?\s*(?:\w+\s+)?"
              r"(?:constraint|concern|issue|priority|problem|factor)\s*[;,.—–-]+\s*(?:but\s+)?(?:" + _CRITERIA[name]
              + r")\s+is\b")
      for name in _CRITERIA),
    # what the user can't afford is the failing of one criterion: "what I can't afford is slow answers"
    *((name, r"\b(?:can(?:no|[’'])?t|cannot|won[’']t)\s+(?:afford|accept|tolerate|live\s+with|stand|risk)(?:\s+is)?\s+"
              r"(?:\w+\s+){0,2}?(?:" + failing + r")\b(?:\s+(?:answers|replies|responses|results|outputs))?")
      for name, failing in (
        ("latency", r"slow(?:ness)?|lag|laggy|lagging|sluggish\w*|delays?|long\s+waits?|waiting|latency|"
                    r"pauses?|hangs?|spinners?"),
        ("quality", r"wrong|mistakes|errors|hallucinat\w+|inaccura\w+|bad\s+(?:answers|outputs?|results)|"
                    r"made-up\s+\w+"))),
]]  # fmt: skip


# "speed matters a lot less than price": the criterion after "less than" is the one that counts.
_LESS_THAN = re.compile(
    r"\b(?:" + _OTHER + r")\b\s+(?:matters?|counts?|is)\s+(?:\w+\s+){0,2}?less(?:\s+important)?\s+than\s+(?:\w+\s+)?(?:"
    + _CRITERION + r")\b",
    re.IGNORECASE,
)
# "$$ secondary to latency", "cost comes second to accuracy": the criterion after "to" is the one that counts.
_SECONDARY = re.compile(
    r"(?:\b(?:" + _OTHER + r")\b|\$+)\s+(?:is\s+|are\s+|comes?\s+|being\s+)?(?:secondary|second)\s+to\s+(?:\w+\s+)?(?:"
    + _CRITERION + r")\b",
    re.IGNORECASE,
)
# "Latency is not important; correctness of the coding is."
_NOT_BUT = re.compile(
    r"\b(?:" + _OTHER + r")\b\s+(?:is|are)\s+(?:not|n't)\s+(?:that\s+|very\s+|really\s+)?important\s*[;,.—–-]+\s*"
    r"(?:but\s+)?(?:the\s+)?(?:" + _CRITERION + r")\b",
    re.IGNORECASE,
)


def priority(text: str) -> tuple[str, str] | None:
    """(cost | quality | latency, the words): a comparison first, then a trade, else the first plain phrase."""
    for match in _COMPARATIVE.finditer(text):
        name = next(n for n, v in match.groupdict().items() if v)
        if not negated(text, match.start()):
            return name.split("_")[-1], match.group(0)
    for said in (_LESS_THAN.search(text), _NOT_BUT.search(text), _SECONDARY.search(text)):
        if said:
            return next(n for n, v in said.groupdict().items() if v), said.group(0)
    for preset, pattern in _TRADE:
        if trade := pattern.search(text):
            return preset, trade.group(0)
    waits = (batch_share(text) or (0.0, ""))[1]
    for preset, pattern in _PLAIN:
        for match in pattern.finditer(text):
            if negated(text, match.start()) or match.group(0) in waits:  # "nobody needs them instantly"
                continue
            if _DESCRIBES.search(text, max(0, match.start() - 40), match.start()):
                continue  # "someone said it's cheap", "Gemini is cheaper": a model described, not a criterion
            if _NICE_AFTER.match(text, match.end()):
                continue  # "cheap is nice": a wish, not what matters most
            return preset, match.group(0)
    return _said_to_matter(text) or _hobby_on_a_budget(text)


_NICE_AFTER = re.compile(r"\s*(?:is|would\s+be|'d\s+be|=)\s+(?:\w+\s+)?(?:nice|a\s+(?:bonus|plus)|welcome|"
                         r"a\s+nice[- ]to[- ]have)\b|\s+(?:would\s+be\s+)?nice[- ]to[- ]have\b",
                         re.IGNORECASE)  # fmt: skip
_DESCRIBES = re.compile(r"\b(?:it|this|they|[A-Za-z][\w.-]*\d[\w.-]*|gemini|claude|gpt\S*|llama\S*|mistral|"
                        r"deepseek\S*|qwen\S*)\s*(?:'s|’s|\s+is|\s+are|\s+was|\s+seems?|\s+looks?)\s+"
                        r"(?:(?:really|pretty|quite|very|super|so|supposedly|apparently)\s+){0,2}$", re.IGNORECASE)


# The last resort: one criterion and a word of importance in the same short clause ("Quality of the
# writing is everything", "Cost is honestly the big thing for us"), with nothing that plays it down.
_FAMILY = {
    "cost": r"costs?|price|pricing|cheap(?:er|est)?|affordab\w+|inexpensive|money|the\s+bill|spend(?:ing)?",
    "quality": r"quality|accuracy|accurate|correct(?:ness)?|precision|precise|reliab\w+|smart(?:er|est)?",
    "latency": r"speed|fast(?:er|est)?|latency|quick(?:er|ly)?|responsive(?:ness)?|snappy|real[- ]?time",
}
_FAMILIES = {name: re.compile(rf"\b(?:{words})\b", re.IGNORECASE) for name, words in _FAMILY.items()}
_MATTERS = re.compile(r"\b(?:matters?|important|key|priority|everything|critical|crucial|king|paramount|essential|best|"
                      r"premium|highest|top[- ]notch|"
                      r"#1|number[- ]one|most|above\s+all|biggest|big\s+thing|primary|non-negotiable|wins?|"
                      r"decid\w+|focus|care\s+(?:a\s+lot\s+)?about)\b", re.IGNORECASE)  # fmt: skip
_PLAYED_DOWN = re.compile(r"\b(?:not|no|less|least|secondary|second|never|nice|whatever|though|if)\b|n[’']t\b", re.I)
_CLAUSE = re.compile(r"[^.;!?,\n]+")


def _said_to_matter(text: str) -> tuple[str, str] | None:
    for clause in _CLAUSE.finditer(text):
        said = clause.group(0)
        named = [name for name, family in _FAMILIES.items() if family.search(said)]
        if len(named) == 1 and _MATTERS.search(said) and not _PLAYED_DOWN.search(said):
            return named[0], said.strip()
    return None


# A hobby paid for out of pocket, with a word about money: "It's a hobby project, I'd rather not pay more
# than $5/mo". Read last, so any stated priority wins ("a side project, but the best quality we can get").
_HOBBY = re.compile(r"\b(?:hobby|side|personal|pet|weekend|student|school|uni|university|college|toy|fun)\s+"
                    r"(?:project|app|thing|bot)\b|\bhobby(?:ist)?\b|\bjust\s+for\s+fun\b", re.IGNORECASE)  # fmt: skip
_MONEY_WORD = re.compile(r"\b(?:pay|paying|spend|spending|budget|afford|cheap\w*|free|cost\w*)\b|\$\s?\d|"
                         r"\d\s?(?:dollars|bucks|usd|eur|euros?)\b|€\s?\d", re.IGNORECASE)  # fmt: skip


def _hobby_on_a_budget(text: str) -> tuple[str, str] | None:
    hobby = _HOBBY.search(text)
    money = next((m for m in _MONEY_WORD.finditer(text) if not negated(text, m.start())), None)
    if hobby is None or money is None:
        return None
    return "cost", f"{hobby.group(0)}; {clause_around(text, money.start(), money.end()).strip()}"
