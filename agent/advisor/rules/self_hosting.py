"""Self-hosting from a developer's words ("on-prem", "everything local, zero cloud", "our own AWS VPC"),
unless it is wished for, waived or ruled out ("I'd prefer on-prem", "we cannot self-host"). Pure."""

from __future__ import annotations

import re

from agent.advisor.rules.given_up import in_the_past, waived
from agent.advisor.rules.negation import denied_after, negated, set_aside
from agent.advisor.rules.size_units import sentence_bounds

# No connection where it runs means the model runs there: "there's no connectivity on site", "the rig has no
# internet". Not a connection that is only poor ("our users have poor internet") or a model kept off the web
# ("no internet access for the agent").
_SITE = (r"(?:site|plant|factory|floor|mine|rig|farm|field|ship|vessel|boat|station|facility|location|warehouse|"
         r"depot|premises|base|clinic|lab|truck|aircraft|plane|vehicle|machine|device|server|network|box)(?:e?s)?")
_LINK = (r"(?>(?:internet|wi-?fi|network|cell(?:ular)?|mobile|outside|external|wan)\s+(?:connectivity|connection|"
         r"access|coverage|signal|uplink)|connectivity|internet|uplink|cell\s+service)")  # atomic: no shorter retry
_CUT_OFF = (r"(?:\b(?:there\s+is|there['’]s|there\s+will\s+be|we\s+have|we['’]ve\s+got|" + _SITE
            + r"\s+(?:has|have|gets?))\s+(?:no|zero)\s+" + _LINK + r"\b|"
            r"\bno\s+" + _LINK + r"\s+(?:on|at|in|aboard|out\s+(?:on|at|in))\s+(?:the\s+|our\s+|a\s+|each\s+)?" + _SITE
            + r"\b|\bno\s+" + _LINK + r"\s+(?:on[- ]?site|offshore|underground|on\s+board)\b|"
            r"\bnot\s+connected\s+to\s+the\s+(?:internet|outside\s+world)\b|"
            r"\b(?:work|works|run|runs|function|operate)\s+without\s+(?:an?\s+|any\s+)?" + _LINK + r"\b)"
            r"(?!\s+(?:for|to)\s+(?:the\s+)?(?:model|agent|llm|bot|assistant|tools?)\b)"
            r"(?!\s+(?:is\s+|are\s+)?(?:needed|required|necessary)\b)")  # fmt: skip
_SELF_HOSTED = re.compile(
    r"on[- ]?prem|self[- ]?host|air[- ]?gapped|our own (?:servers|hardware|gpus|data ?cent(?:er|re))|"
    r"run\s+on\s+our\s+(?:own\s+|local\s+)?(?:server|servers|machines?|box|boxes|cluster)\b|"
    r"(?:never|not|nothing|can'?t|cannot|must not|mustn'?t|may not|\bno)\s+"
    r"(?:\w+\s+){0,3}(?:leave|leaves|leaving|go outside|goes outside|be sent outside|exit)\b"
    r"(?!\s+(?:the\s+)?(?:(?-i:[A-Z])|(?:country|region|continent|jurisdiction|bloc)\b|[a-z]+-[a-z]+-?\d))"  # a place
    # "PHI never leaves our hands without a BAA", "... leaves HIPAA-eligible services": a covered provider is fine
    r"(?!\s+(?:our|my)\s+(?:hands|control|sight)\b)(?![^.;!?\n]{0,60}\b(?:without|unless|except)\b[^.;!?\n]{0,30}"
    r"\b(?:BAA|DPA|contract|agreement)s?\b)(?!\s+(?:\w+[- ])?(?:eligible|covered|compliant|approved)\s)"
    # "we can't leave customers waiting", "don't leave anything out": someone or something left, not data kept in
    r"(?!\s+(?:customers?|users?|people|clients?|them|us|you|me|anyone|anybody|room|out|behind|comments?|"
    r"reviews?|feedback|\w+\s+(?:waiting|hanging|behind|out)\b))|"
    # "I don't want my house data leaving the house": the data named, and the premises it must not leave
    r"\b\w*n[’']t\s+(?:\w+\s+){0,4}?(?:data|it|anything|information|records|files|documents|recordings|footage|"
    r"conversations|stuff)\s+(?:\w+\s+)?(?:leave|leaves|leaving|to\s+leave|going\s+outside)\s+(?:the|our|my)\s+"
    r"(?:house|home|building|premises|network|office|machines?|devices?|laptops?|infrastructure|servers?|site|"
    r"firewall|walls)\b|"
    # "everything local, zero cloud", "fully local", "local-only"
    r"\b(?:zero|no)\s+cloud(?:\s+(?:at\s+all|whatsoever|calls?|services?|inference|processing|uploads?))?(?=\s*(?:[,.;:!)—–]|$|and\b))|"
    r"\b(?:everything|fully|entirely|completely|100\s?%|purely|strictly)\s+local\b(?![- ]+(?:time|news|currency|"
    r"languages?|markets?|business\w*|laws?|regulations?|stores?|shops?|teams?|staff))|\blocal[- ]only\b|"
    # "hosted in our own AWS VPC", "on our own Kubernetes cluster"
    r"\bour\s+own\s+(?:[\w-]+\s+){0,2}?(?:vpcs?|clusters?|infrastructure|infra|kubernetes|k8s|machines)\b"
    r"(?!\s+(?:teams?|people|engineers|staff))|"
    r"(?:stay|stays|kept|keep it) (?:in|inside|within) our (?:network|data ?cent(?:er|re)|infrastructure|premises)|"
    r"offline only|no (?:cloud|third[- ]party) (?:apis?|providers?)|"
    r"(?:never|not|n[’']t|cannot)\s+(?:\w+\s+){0,4}(?:to|with|through|via)\s+(?:a\s+|any\s+)?"
    r"(?:third[- ]party|external|outside|cloud)\s+(?:providers?|apis?|vendors?|services?|servers?)|"
    r"\b(?:host|run|serve)\s+(?:it\s+|them\s+)?(?:ourselves|in[- ]house|on our own)\b|\bon[- ]device\b|"
    r"\b(?:run|runs|work|works)\s+(?:fully\s+|entirely\s+|completely\s+)?(?:offline(?!\s+(?:batch|processing|jobs?))|"
    r"locally|on[- ]device|on (?:a|our|the) (?:laptop|device|phone|machine)s?)\b|" + _CUT_OFF,
    re.IGNORECASE,
)
# "Self-hosted would be ideal but not required", "our CIO is fine with a cloud vendor": a wish, not a constraint.
_HEDGED = re.compile(r"\b(?:would be|is|'d be)\s+(?:\w+\s+)?(?:ideal|nice|preferred|a plus|a bonus|great|cool|neat|"
                     r"lovely|awesome)\b|"
                     # "self-hosting would be cool someday but not now": a later wish, no constraint today
                     r"\b(?:someday|some\s+day|one\s+day|eventually|down\s+the\s+(?:road|line)|in\s+the\s+future|"
                     r"at\s+some\s+point|later\s+on)\b|"
                     r"\bnot\s+(?:now|yet|for\s+now|right\s+now|at\s+the\s+moment)(?=\s*(?:[,.;:!)—–-]|$|though\b|but\b))|"
                     r"\bnot (?:required|a must|mandatory|essential|a requirement)\b|"
                     r"\bisn[’']t (?:required|a must|mandatory|a requirement)\b|"
                     r"\b(?:not|n[’']t)\s+(?:an?\s+)?(?:hard|strict|firm|absolute|real)\s+(?:requirement|must|constraint)\b|"
                     r"\b(?:fine|ok|okay|happy|comfortable)\s+with\s+(?:a\s+|an\s+|the\s+|using\s+)?(?:cloud|hosted|managed|"
                     r"saas|third[- ]party|external)\b|"
                     r"\boptional\b|\bif possible\b|\bnice[- ]to[- ]have\b|\bpreferably\b", re.IGNORECASE)  # fmt: skip
# "I'd prefer on-prem", "our preference would be self-hosting": a preference said of the hosting itself.
_PREFERRED = re.compile(r"\b(?:prefer(?:s|red)?|preference\s+(?:is|would\s+be)(?:\s+for)?|ideally|lean(?:ing)?\s+"
                        r"towards?)\s+(?:\w+\s+){0,3}$", re.IGNORECASE)  # fmt: skip
# "... on-prem. That's not a hard requirement though.": the next sentence waives it.
_WAIVED_NEXT = re.compile(r"\s*(?:but\s+|though\s+)?(?:that|it|this)(?:[’']s|\s+is)\s+"
                          r"(?:not\s+(?:an?\s+)?(?:hard\s+|strict\s+)?(?:requirement|must)|optional)\b|"
                          r"\s*(?:but\s+)?not\s+(?:now|yet|for\s+now|right\s+now)\b",  # "Self-hosting? Not for now."
                          re.IGNORECASE)  # fmt: skip


# Wished for, not required: "open weights would be nice but isn't required", "data should stay in Brazil if
# possible, but it's not a hard requirement". (Not _HEDGED whole: "fine with a cloud vendor, but data must stay in
# the EU" is a lock.)
WISHED = re.compile(r"\bif (?:at all )?possible\b|\bideally\b|\bpreferably\b|\bnice[- ]to[- ]have\b|\boptional\b|"
                    r"\b(?:not|n[’']t)\s+(?:an?\s+)?(?:hard|strict|firm|absolute|real)\s+(?:requirement|must|constraint)\b|"
                    r"(?:\bnot|n[’']t) (?:required|a must|mandatory|a requirement)\b|"
                    r"\b(?:would be|'d be)\s+(?:\w+\s+)?(?:ideal|nice|preferred|a plus|a bonus|great)\b",
                    re.I)  # fmt: skip


# "Would prefer they don't train on our data but it's not a hard requirement": terms wished for, not required.
WISHED_TERMS = re.compile(WISHED.pattern + r"|\b(?:would|'d)\s+prefer\b|\bprefer(?:ably|ence)\b", re.I)


def hedged(text: str, match: re.Match[str], hedge: re.Pattern[str] = _HEDGED) -> bool:
    """The hosting (or the place) is wished for or waived, not required: a hedge in its sentence, unless
    the hedge sits in a later clause about something else ("data must stay in the EU, but HIPAA isn't
    required")."""
    start, end = sentence_bounds(text, match.start())
    said = any(_of_the_match(text, match, found) for found in hedge.finditer(text, start, end))
    return said or bool(_PREFERRED.search(text[max(0, match.start() - 50) : match.start()])
                        or _WAIVED_NEXT.match(text, end + 1))  # fmt: skip


_CLAUSE_BREAK = re.compile(r"[,;:—–]|\s-\s|\s(?:but|though|although|yet|whereas|while)\s", re.IGNORECASE)
_CONTRAST = re.compile(r"\b(?:but|though|although|however|whereas|yet)\b", re.IGNORECASE)
# A later clause that goes on about the same thing: "..., but it's not a hard requirement", "..., if possible".
_SAME_THING = re.compile(r"\s*(?:(?:but|though|although|yet|and)\s+)?(?:(?:it|that|this|which|they|those|these)\b|$)",
                         re.IGNORECASE)  # fmt: skip


def _of_the_match(text: str, match: re.Match[str], hedge: re.Match[str]) -> bool:
    if hedge.start() < match.end():  # "ideally, in the EU"; not "on-prem isn't required, but no training"
        return hedge.end() >= match.start() or not _CONTRAST.search(text, hedge.end(), match.start())
    breaks = list(_CLAUSE_BREAK.finditer(text, match.end(), hedge.start()))
    if not breaks:
        return True
    return _SAME_THING.match(text[breaks[-1].end() : hedge.start()]) is not None


_SAYS_ITS_OWN_NO = re.compile(r"(?:never|not|nothing|can|cannot|must|may|no)\b", re.IGNORECASE)


def _refused(text: str, match: re.Match[str]) -> bool:
    """ "no on-prem, cloud is fine", "we cannot self-host", "self-hosting isn't an option": a way ruled out.
    The phrases that carry their own negation ("nothing may leave our network") are locks."""
    if _SAYS_ITS_OWN_NO.match(match.group(0)):
        return False
    refused_after = re.match(r"\w*\s*(?:(?:is|are|would be)?\s*(?:n[’']t|not)\s+(?:an?\s+)?(?:option|possible|feasible|"
                             r"viable|something we can do)|(?:is|are)\s+(?:out|off the table|ruled out|"
                             r"not happening))\b",
                             text[match.end() :], re.IGNORECASE)  # fmt: skip
    averse = _AVERSE.search(text[max(0, match.start() - 40) : match.start()])
    return negated(text, match.start()) or denied_after(text, match.end()) or refused_after is not None or bool(averse)


# "we'd rather avoid self-hosting", "steer clear of on-prem": a way the user wants to stay away from
_AVERSE = re.compile(r"\b(?:avoid(?:ing|ed)?|rather\s+not|steer(?:ing)?\s+clear\s+of|stay(?:ing)?\s+away\s+from|"
                     r"not\s+keen\s+on|no\s+appetite\s+for|allergic\s+to|against)\s+(?:\w+\s+){0,2}$",
                     re.IGNORECASE)  # fmt: skip


def self_hosting(text: str) -> re.Match[str] | None:
    """The first words that say we host the model ourselves and mean it: not a setup given up ("we used to
    self-host ... so we're done with that") or waived ("skip the on-prem question")."""
    return next((m for m in _SELF_HOSTED.finditer(text) if not hedged(text, m)
                 and not set_aside(text, m.start()) and not _refused(text, m)
                 and not in_the_past(text, m.start()) and not waived(text, m.start())), None)  # fmt: skip


def word_start(text: str, at: int) -> int:
    """Where the word that holds `at` begins ("can't", not "n't")."""
    while at and text[at - 1].isalpha():
        at -= 1
    return at


def word_end(text: str, at: int) -> int:
    while at < len(text) and text[at].isalnum():
        at += 1
    return at
