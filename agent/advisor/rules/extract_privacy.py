"""Privacy, regions and compliance from a developer's words: self-hosting, a region lock (and a region
ruled out: "can't send anything to US clouds"), no training on our data, or nothing sensitive. Pure."""

from __future__ import annotations

import re
from collections.abc import Iterator

from agent.advisor.rules.compliance import HOME_EU, compliance
from agent.advisor.rules.extraction import Extraction
from agent.advisor.rules.lock_foreign import foreign_locks
from agent.advisor.rules.negation import negated, set_aside
from agent.advisor.rules.places import (
    DEMONYM_WORDS,
    EU_STATE_CODES,
    PLACE,
    codes_in,
    demonym_away,
    demonym_codes,
    excluded,
    joined_end,
)
from agent.advisor.rules.places_allowed import cloud_regions, either_places, granted_places, premises_places
from agent.advisor.rules.self_hosting import WISHED, WISHED_TERMS, hedged, self_hosting, word_end, word_start
from agent.advisor.rules.size_units import sentence_bounds

BLOCS = ("eu", "us", "asia")
EVERY_REGION_BUT = ": every region but that"  # the evidence of a lock read from a place ruled out
_NO_TRAINING = re.compile(r"(?:\bno|\bnot|\bnever|n[’']t|\bwithout)(?!\s+(?:really\s+)?(?:mind|care|bothered|fussed|"
                          r"worried|an?\s+(?:issue|problem|concern)|problem)\b)\s+(?:\w+\s+){0,7}train(?:ing|ed|s)?\b|"
                          r"(?:\bno|\bnot|\bnever|\bnothing|n[’']t)\b[^.;!?]{0,60}?\bused\s+(?:to|for)\s+(?:\w+\s+)?"
                          r"(?:train|improv|fine[- ]?tun)|"
                          r"(?:\bnot|\bnever|n[’']t|\bno)\s+(?:\w+\s+){0,2}(?:store|retain|keep|log)s?\s+(?:any\s+)?(?:of\s+)?"
                          r"(?:our\s+)?(?:prompts?|data|inputs?|outputs?|requests?|conversations?)\b|"
                          r"\bzero[- ](?:data[- ])?retention\b|\bno (?:data )?retention\b|"
                          r"zero retention", re.IGNORECASE)  # fmt: skip
_NOT_SENSITIVE = re.compile(
    r"not (?:sensitive|confidential|private)|non[- ](?:sensitive|confidential)|nothing (?:sensitive|confidential)|"
    r"no sensitive|public (?:data|news|web|content|information|documents)|no privacy (?:concerns?|requirements?)|"
    r"(?:none|nothing) of (?:it|this|that|the data) is (?:sensitive|confidential|private)|"
    r"\bdata is (?:all\s+)?public\b|\bnothing (?:too |very |particularly |really )?(?:sensitive|confidential)\b|"
    r"privacy (?:is ?n[o’']t|is not) (?:a |an )?(?:concern|issue|requirement|problem)|"
    # "don't care about privacy, the code is going on github anyway"
    r"(?:\bnot|\b\w+n[’']t|\bnever)\s+(?:really\s+|much\s+|particularly\s+|too\s+)?(?:care|worry|worried|concerned|fussed|"
    r"bothered)\s+(?:\w+\s+)?about\s+(?:data\s+)?(?:privacy|confidentiality|data\s+protection)\b|"
    r"\b(?:privacy|confidentiality)\s+(?:does\s*n[’']t|does\s+not|won[’']t)\s+(?:really\s+)?matter\b|"
    r"\bprivacy\s+(?:is\s+)?(?:a\s+)?non[- ]issue\b|"
    r"\b(?:going|goes|will\s+be|is|are|ends?\s+up)\s+(?:\w+\s+){0,2}?(?:public|on\s+github|open[- ]sourced?)"
    r"\s+anyway\b",
    re.IGNORECASE,
)
# "UK GDPR" is the UK's own law: it names no EU region.
_EU = re.compile(r"\b(?:eu|europe|european|(?<!uk\s)(?<!uk-)(?<!u\.k\.\s)gdpr)\b", re.IGNORECASE)
_PLACE = PLACE  # any country or bloc, as places.py maps them
_REQUIRED = r"(?:mandatory|required|a\s+must|needed|essential|compulsory|obligatory|non-negotiable)\b"
_REGION_LOCK = re.compile(
    # "we run a SACCO in Nairobi" is where a business is, "it runs in Canada" where the model does
    r"(?:stay|stays|remain|keep|keeps|keeping|kept|hosted|processed|processing|happen|happens|run(?!\s+an?\s)|"
    r"runs(?!\s+an?\s)|done|"
    r"located|lives?|store[sd]?|resid\w*|served|serve|hosting|deploy|(?<=be\s)deployed)\s+(?:\w+\s+){0,3}"
    r"(?:in|inside|within|from)\s+(?:the\s+)?(?:(?-i:[A-Z])\w+\s+(?:or|and)\s+(?:the\s+)?)?(?:mainland\s+)?"
    + _PLACE  # "Canada or EU", "deploy inside mainland China"
    + r"|(eu|us|european)(?:[- ](?:only|hosted|resident)|\s+(?:data|hosting|servers?|regions?|data\s*cent(?:er|re)s?|"
    r"clouds?|providers?|vendors?|endpoints?)\s+only)|"
    r"data residency|"
    # "out of" moves data ("no data goes out of the EU"); "a firm out of Frankfurt" is where the firm works
    r"(?:leave|leaves|leaving|outside(?:\s+of)?|(?:\b(?:go|goes|going|get|gets|move[sd]?|moving|sent|send|sending|"
    r"taken|take|transfer\w*|data|nothing|anything)\s+)out of)\s+(?:the\s+)?" + _PLACE + r"|"
    r"\bnon-(eu|european|us)\s+(?:servers?|clouds?|providers?|vendors?|regions?|countries|hosting|data ?cent\w*)|"
    # "A hosted API with an EU region is what we want"
    r"\b(?:with|in|from|via|using|use)\s+(?:an?\s+|the\s+)?"
    + _PLACE
    + r"[\s-]+(?:cloud\s+)?(?:region|data ?cent(?:er|re))\b|"
    # "Data in EU or UK only", "EU residency mandatory"
    r"\b(?:in|inside|within)\s+(?:the\s+)?" + _PLACE + r"(?:\s*(?:,|or|and|/)\s*(?:the\s+)?[A-Za-z]{2,})?\s+only\b|"
    r"\b" + _PLACE + r"[\s-]+(?:data\s+)?(?:residency|hosting|storage)\s+(?:is\s+)?" + _REQUIRED + r"|"
    # "Data in EU is mandatory for us", "hosting within Canada is a must"
    r"\b(?:data|hosting|servers?|processing|storage|inference)\s+(?:\w+\s+)?(?:in|inside|within)\s+(?:the\s+)?"
    + _PLACE
    + r"\s+(?:is|are)\s+(?:\w+\s+)?"
    + _REQUIRED
    + r"|"
    # "Canadian servers only", "Swiss hosting mandatory"
    r"\b(?:" + DEMONYM_WORDS + r")\s+(?:data\s*cent(?:er|re)s?|servers?|hosting|clouds?|regions?|infrastructure)"
    r"\s+(?:only\b|(?:is\s+|are\s+)?" + _REQUIRED + r")|"
    # "the servers must be in Spain", "everything has to be within the EU"
    r"\b(?:servers?|hosting|data|it|everything|models?|inference|processing)\s+(?:must|has\s+to|have\s+to|needs?\s+to|"
    r"should|shall)\s+be\s+(?:\w+\s+)?(?:in|inside|within)\s+(?:the\s+)?" + _PLACE + r"|"
    # "AWS in Singapore or Sydney", "Azure in the UAE": a cloud named with where it must run
    r"\b(?:aws|azure|gcp|google\s+cloud|bedrock|vertex(?:\s+ai)?|oracle\s+cloud|oci)\s+(?:in|inside|within)\s+"
    r"(?:the\s+)?" + _PLACE + r"|"
    # "must stay on UK soil", "kept on Canadian soil", "hosted on British servers only"
    r"(?:stay|stays|remain|remains|keep|keeps|kept|hosted|stored|processed|live|lives|resid\w*)\s+(?:\w+\s+){0,2}?"
    r"on\s+(?:the\s+)?(?:" + _PLACE + r"|(?:" + DEMONYM_WORDS + r"))\s+(?:soil|territory|ground)\b|"
    # "Hosting: EU or UK", "Data residency: Canada", "Data location - Germany": a form's field filled with a place;
    # not "Hosting: EU preferred"
    r"(?:^|(?<=[\n.;(]))[ \t]*(?:[-*•][ \t]*)?(?:\*\*)?(?:hosting|hosting\s+region|data\s+(?:residency|location|region|"
    r"hosting|storage)|residency|server\s+location|deployment\s+region)(?:\*\*)?[ \t]*[:=–—-][ \t]*(?:\*\*)?"
    r"(?:the\s+)?" + _PLACE + r"(?![\w-]*\s+(?:customers|users|clients|offices?|team))"
    r"(?![^.;\n]{0,40}\b(?:preferred|preferably|ideally|if\s+possible|nice[- ]to[- ]have|optional|"
    r"no\s+(?:hard\s+)?requirement|not\s+(?:a\s+)?(?:hard\s+)?(?:required|requirement|must)))",
    re.IGNORECASE | re.MULTILINE,
)
# Not yet known: "not sure whether it must stay in the UAE", "UAE hosting may be required, TBD".
_UNSURE = re.compile(r"\b(?:not\s+(?:yet\s+)?(?:sure|certain|decided|known|clear)|unsure|uncertain|unclear|undecided|"
                     r"(?:don[’']t|do\s+not|doesn[’']t|no\s+one)\s+(?:\w+\s+)?know|no\s+idea|tbd|tbc|"
                     r"to\s+be\s+(?:confirmed|decided|determined)|(?:still\s+)?(?:checking|figuring\s+(?:it\s+)?out)|"
                     r"haven[’']t\s+decided|open\s+question)\b", re.IGNORECASE)  # fmt: skip
# Unsure of another thing: "not sure about the volume", "unclear on pricing"; "not sure about that" is the lock.
_OF_SOMETHING_ELSE = re.compile(r"\s+(?:yet\s+)?(?:about|of|on|regarding|how|what|when|which|who)\b"
                                r"(?!\s+(?:it|that|this|the\s+(?:hosting|region|residency|location|data\s+location))\b)",
                                re.IGNORECASE)  # fmt: skip
# The sentence after the lock says only that: "Honestly don't know yet.", "Not sure."
_UNSURE_NEXT = re.compile(r"\s*(?:(?:honestly|frankly|tbh|really|but|and)[,\s]+)*(?:we\s+|i\s+)?(?:" + _UNSURE.pattern
                          + r")(?:\s+(?:yet|either|really|honestly|at\s+all|tbh|(?:about|on)\s+(?:it|that|this)|"
                          r"(?:if|whether)\s+(?:it|that|this|we\s+do)(?:\s+(?:is|does|applies))?))*\s*[.!?]?\s*"
                          r"(?:$|\n|(?-i:[A-Z]))", re.IGNORECASE)  # fmt: skip
# "can't send anything to US clouds", "must not be hosted in the US", "no American providers": a region
# ruled out. "US" is matched in capitals only, so "send it to us" is no region.
_AWAY = re.compile(
    r"(?:\b(?:no|not|never|nothing|without)\b|n[’']t\b|\bcannot\b|"
    # "stay out of America", "keep it out of the US", "keeping our data out of the US"
    r"\b(?:stay|stays|staying|kept|keep|keeps|keeping)\s+(?:(?:it|them|this|that|everything|all\s+of\s+it|"
    r"(?:the|our|any|all)\s+(?:\w+\s+)?data|data)\s+)?out\s+of\b)"
    r"\s+(?P<gap>(?:[\w-]+\s+){0,5}?)"
    r"(?:(?:to|in|on|into|through|via|by|with|from)\s+)?(?:the\s+|any\s+|an?\s+)?"
    r"(?P<away>(?-i:US|U\.S\.)|usa|united states|americans?|america)(?!\w|\.\w)",  # "the US." ends a sentence
    re.IGNORECASE,
)
_KEPT_OUT = re.compile(r"(?:stay|kept|keep)", re.IGNORECASE)
# The region is ruled out for hosting only when the words say hosting: a verb that moves or keeps data
# before it, or a place that serves models after it ("not a US company" rules out nothing).
_HOSTING_VERB = re.compile(r"\b(?:send|sent|go|goes|leave|host|hosted|store|stored|process|processed|use|touch|run|"
                           r"transfer|transferred|reach|upload|route|routed)\b", re.IGNORECASE)  # fmt: skip
_HOSTING_NOUN = re.compile(r"[\s-]*(?:based\s+)?(?:clouds?|servers?|providers?|vendors?|hyperscalers?|"
                           r"data ?cent(?:er|re)s?|regions?|hosting|endpoints?|apis?)\b", re.IGNORECASE)  # fmt: skip
# "Preferably Canada, but US hosting is acceptable too": the wish names the better of two allowed places.
_ALTERNATIVE = re.compile(r"\b(?:acceptable|also (?:fine|ok|okay)|(?:fine|ok|okay) too|would also (?:work|do))\b", re.I)


def _wished_place(text: str, match: re.Match[str]) -> bool:
    return not _ALTERNATIVE.search(text, *sentence_bounds(text, match.start())) and hedged(text, match, WISHED)


def _lock_places(text: str, match: re.Match[str]) -> list[str]:
    """The places a lock names, with any joined to them ("in AU or NZ"); for "data residency", the places
    its sentence names ("Data residency in the US is mandatory"); none named, none assumed."""
    ruled_out = excluded(text)
    named = codes_in(text, match.start(), joined_end(text, match.end()))
    if not named:
        sentence = sentence_bounds(text, match.start())
        named = demonym_codes(text, *sentence) or codes_in(text, *sentence)  # "Swiss data residency is mandatory"
    return [place for place in named if place not in ruled_out]


# "so location doesn't matter", "fine with non-EU hosting as long as there's a DPA": any place will do, so a
# lock in the same sentence is waived and GDPR implies no EU region.
_PLACE_WAIVED = re.compile(
    r"\b(?:(?:data\s+|hosting\s+|server\s+)?(?:location|region|geography|jurisdiction|country)|where\s+(?:it|the\s+"
    r"data|data|the\s+model)\s+(?:is\s+hosted|lives|runs|is\s+processed|sits))\s+(?:does\s*n[’']t|does\s+not|won[’']t|"
    r"do(?:es)?\s+not|do\s*n[’']t)\s+(?:really\s+|much\s+)?matter\b|"
    r"\b(?:fine|ok|okay|happy|comfortable)\s+with\s+(?:\w+\s+)?non-(?:eu|european|us|uk)\b|"
    r"\bnon-(?:eu|european|us|uk)\s+(?:hosting|servers?|providers?|regions?|clouds?)\s+(?:is|are|would\s+be)\s+"
    r"(?:\w+\s+)?(?:fine|ok|okay|acceptable|allowed)\b|\b(?:any|whatever)\s+region\s+(?:is|would\s+be)\s+"
    r"(?:fine|ok|okay)\b|\bno\s+(?:data\s+)?residency\s+requirements?\b",
    re.IGNORECASE,
)


def _place_waived(text: str, start: int = 0, end: int | None = None) -> bool:
    return _PLACE_WAIVED.search(text, start, len(text) if end is None else end) is not None


def _region_lock(text: str) -> re.Match[str] | None:
    """The first region lock that is not itself negated ("must not be hosted in the US" rules it out;
    "must never leave Europe" is the usual way to say a lock)."""
    kept_out = [away.span() for away in _AWAY.finditer(text) if _KEPT_OUT.match(away.group(0))]
    for match in _REGION_LOCK.finditer(text):
        if any(start <= match.start() < end for start, end in kept_out):
            continue  # "keep our data out of the US" rules the place out; it is no lock to it
        if match.group(0).lower() != "data residency" and not _lock_places(text, match):
            continue  # "Anything but US-hosted": the only place it names is ruled out
        if _wished_place(text, match) or _place_waived(text, *sentence_bounds(text, match.start())):
            continue
        if _where_the_business_is(text, match) or _cloud_we_are_on(text, match) or _not_yet_known(text, match):
            continue
        if match.group(3) or match.group(4) or not _negated_lock(text, match):
            return match
    return next((m for m in foreign_locks(text) if _lock_places(text, m) and not _wished_place(text, m)), None)


def _not_yet_known(text: str, match: re.Match[str]) -> bool:
    """ "Does it need to be hosted in the UAE? Honestly don't know yet.": a lock asked about or unsure is none."""
    if set_aside(text, match.start()):
        return True
    start, end = sentence_bounds(text, match.start())
    for unsure in _UNSURE.finditer(text, start, end):
        before = unsure.start() < match.start()
        between = text[unsure.end() : match.start()] if before else text[match.end() : unsure.start()]
        if _OF_SOMETHING_ELSE.match(text, unsure.end()):
            continue  # "data must stay in the EU, not sure about the volume"
        if not re.search(r"\b(?:but|however|though|although|whereas)\b|[;—]", between, re.IGNORECASE):
            return True  # "not sure yet whether data has to stay in the UAE"; not "unsure of volume, but ..."
    return _UNSURE_NEXT.match(text, end + 1) is not None and text[end : end + 1] in ".!?"


# "We're located in Nairobi", "a startup located in the Netherlands", "we run our business in Singapore":
# where the user or the business is, not where data must stay ("Data must be located in Germany" is).
_BUSINESS_AT = re.compile(r"(?:located|based|run|runs)\s+(?:our\s+(?:business|company|shop|store|office|team)s?\s+)?"
                          r"(?:in|inside|within|from)\b", re.IGNORECASE)  # fmt: skip
_WHO_BEFORE = re.compile(r"(?:\b(?:we|we[’']re|we\s+are|i|i[’']m|i\s+am|they[’']re|our\s+(?:\w+\s+)?(?:company|startup|"
                         r"business|firm|team|office|agency|shop|store|clinic|hospital|school|bank|studio|hq|headquarters)"
                         r"(?:\s+is)?|(?:an?|the)\s+(?:\w+\s+){0,2}?(?:company|startup|business|firm|team|agency|shop|"
                         r"store|clinic|hospital|school|bank|studio|ngo|charity|cooperative|co-op|fintech|saas))"
                         r"\s*,?\s*(?:\w+\s+)?)$", re.IGNORECASE)  # fmt: skip


def _where_the_business_is(text: str, match: re.Match[str]) -> bool:
    verb = _BUSINESS_AT.match(text, match.start())
    if verb is None:
        return False
    if _WHO_BEFORE.search(text[max(0, match.start() - 60) : match.start()]):
        return True
    # "Located in Sydney, we run a legal research tool": the phrase opens the sentence its subject follows
    opens = not text[sentence_bounds(text, match.start())[0] : match.start()].strip()
    return opens and re.match(r"\s*,\s*(?:we|our|i|i[’']m)\b", text[match.end() :], re.IGNORECASE) is not None


_CLOUD_AT = re.compile(r"(?:aws|azure|gcp|google\s+cloud|bedrock|vertex|oracle\s+cloud|oci)\b", re.IGNORECASE)
# What makes "AWS in Singapore" a place data must stay, not the cloud the user is on today
_MUST = re.compile(r"\b(?:must|only|has\s+to|have\s+to|needs?\s+to|required|requires?|approv\w+|allowed|permitted|"
                   r"mandatory|residency|stay\w*|remain\w*|leave|leaving|nowhere\s+else|exclusively|please|sign\w*\s+off|cleared|"
                   r"ok(?:ay)?|fine)\b",
                   re.IGNORECASE)  # fmt: skip


def _cloud_we_are_on(text: str, match: re.Match[str]) -> bool:
    """ "We're on AWS in Ireland but data can go anywhere": a cloud's region with nothing requiring it."""
    if not _CLOUD_AT.match(text, match.start()):
        return False
    start, end = sentence_bounds(text, match.start())
    return not _MUST.search(text, start, end) or re.search(r"\banywhere\b", text[start:end], re.I) is not None


def _negated_lock(text: str, match: re.Match[str]) -> bool:
    """A negation before the lock rules it out, unless it already said its own thing ("Zero data retention,
    processing exclusively within the EU": the "zero" is about retention)."""
    spent = [m.end() for m in _NO_TRAINING.finditer(text, max(0, match.start() - 80), match.start())]
    if spent:
        return negated(text[spent[-1] :], match.start() - spent[-1])
    return negated(text, match.start())


def _ruled_out(text: str, found: Extraction) -> bool:
    for away in _AWAY.finditer(text):
        noun = _HOSTING_NOUN.match(text, away.end())
        kept_out = _KEPT_OUT.match(away.group(0))  # "keep it out of America"
        if noun or kept_out or _HOSTING_VERB.search(away.group("gap")):
            break
    else:
        return False
    said = text[word_start(text, away.start()) : noun.end() if noun else away.end()]  # "can't", not "n't"
    found.put("privacy", "region-locked", said)
    home = HOME_EU.search(text)
    if home and "eu" not in excluded(text):
        stated = home.group(0).lower() in ("eu", "europe", "european")
        found.add_to_list("regions", "eu", home.group(0) if stated else f"{home.group(0)} ... {said}", not stated)
    else:
        for place in BLOCS:
            if place != "us" and place not in excluded(text):
                found.add_to_list("regions", place, f"{said}: every region but the US", inferred=True)
    return True


# "anywhere but the US is fine", "any cloud except the US": every bloc but the one ruled out.
# "keep the data out of the EU": the same, said as where data must not go.
_ANYWHERE_BUT = re.compile(r"\b(?:anything|anywhere|any\s+(?:region|cloud|country|provider))\s+(?:but|"
                           r"except|other\s+than)\s+(?:for\s+)?(?:the\s+)?" + PLACE + r"|"
                           r"\b(?:stay|stays|staying|kept|keep|keeps|keeping)\s+(?:[\w-]+\s+){0,4}?out\s+of\s+"
                           r"(?:the\s+)?" + PLACE, re.IGNORECASE)  # fmt: skip
# Regions a route can be served from besides the blocs, with the bloc each lies in: "anywhere except China"
# allows the EU and the US, not Asia, whose routes a Chinese provider may serve.
_OWN_REGIONS = {"cn": "asia"}
# "EU or UK hosting only", "US/Canada servers only": a lock to the places named.
_ONLY_IN = re.compile(PLACE + r"\s*(?:or|and|/|,)\s*(?:the\s+)?" + PLACE + r"(?:[\s-]+(?:hosting|hosted|"
                                                                           r"servers?|regions?|"
                      r"data ?cent\w*|providers?|clouds?))?\s+only\b", re.IGNORECASE)  # fmt: skip


def privacy(text: str, found: Extraction) -> None:
    self_hosted = self_hosting(text)
    region = _region_lock(text)
    if self_hosted and region and self_hosted.start() < region.end() and region.start() < self_hosted.end():
        self_hosted = None  # "no data may leave the EU": the place named is a region, not our premises
    either = either_places(text)
    if self_hosted:
        said = text[self_hosted.start() : word_end(text, self_hosted.end())]  # "on-premises", not "on-prem"
        found.put("privacy", "self-hosted", said)
        # Weights run on one's own hardware are open ones: inferred, so a drop of the hosting drops it too.
        found.put("open_weights", True, said, inferred=True)
        for place, said in premises_places(text, self_hosted):
            found.add_to_list("regions", place, said)
    elif region:
        found.put("privacy", "region-locked", region.group(0))
    elif either:
        found.put("privacy", "region-locked", either[1])
        for place in either[0]:
            found.add_to_list("regions", place, either[1])
    elif _ruled_out(text, found):
        pass
    elif only := _ONLY_IN.search(text):
        found.put("privacy", "region-locked", only.group(0))
        for place in codes_in(text, only.start(), only.end()):
            found.add_to_list("regions", place, only.group(0))
    elif (anywhere_but := _ANYWHERE_BUT.search(text) or demonym_away(text)) and excluded(text) & (
        set(BLOCS) | set(_OWN_REGIONS)
    ):
        said = text[word_start(text, anywhere_but.start()) : anywhere_but.end()]  # "can't", not "n't"
        found.put("privacy", "region-locked", said)
        ruled_out = excluded(text) | {_OWN_REGIONS[place] for place in excluded(text) if place in _OWN_REGIONS}
        for place in BLOCS:
            if place not in ruled_out:
                found.add_to_list("regions", place, f"{said}{EVERY_REGION_BUT}", inferred=True)
    _cloud_regions(text, found, region)
    if found.fields.get("privacy") is None:
        if no_training := next((m for m in _no_training_said(text) if not _terms_wished(text, m)), None):
            found.put("privacy", "no-training", no_training.group(0))
        elif not_sensitive := _NOT_SENSITIVE.search(text):
            found.put("privacy", "none", not_sensitive.group(0))
    places = _lock_places(text, region) if region else []
    for place in places:
        found.add_to_list("regions", place, region.group(0) if region else "")
    if found.fields.get("privacy") == "region-locked":
        for place, said in granted_places(text):  # "our preference is South Africa, but EU hosting is acceptable"
            if place not in excluded(text):
                found.add_to_list("regions", place, "; ".join(filter(None, (found.evidence.get("regions"), said))))
    compliance(text, found)
    eu = _EU.search(text)
    if (
        eu
        and "eu" not in excluded(text)
        and (("gdpr" in found.fields.get("compliance", []) and not _place_waived(text) and not _locked_elsewhere(found))
             or (region and "eu" in (places or ["eu"])))
        # "GDPR, and hosted in Germany": the country, not any EU region; "EU only (Frankfurt or Dublin)" is the EU
        and ("eu" in places or not set(places) & EU_STATE_CODES)
    ):
        found.add_to_list("regions", "eu", eu.group(0))
        if re.search(r"resid|stay|remain|keep|kept|leave|outside|hosted in|processed in", text, re.IGNORECASE):
            found.add_to_list("compliance", "eu-residency", "EU residency", inferred=True)


# Where a new point starts: "residency isn't a requirement; we just need them not to train on it".
_NEW_POINT = re.compile(r"[;—]|\s-\s|\b(?:we|i)\s+(?:just|only|really|simply)\s+(?:need|want|care|ask)|"
                        r"\ball\s+(?:we|i)\s+(?:need|want|care|ask)|\bwhat\s+(?:we|i)\s+(?:do\s+|really\s+)?"
                        r"(?:need|want|care)|\bthe\s+only\s+(?:thing|requirement|ask)", re.IGNORECASE)  # fmt: skip


def _no_training_said(text: str) -> Iterator[re.Match[str]]:
    """Each way no training is said, overlapping ones too: "not mandatory, all we ask is that nothing is used
    for training" holds "nothing is used for training" inside a longer reading."""
    at = 0
    while found := _NO_TRAINING.search(text, at):
        yield found
        at = found.start() + 1


def _terms_wished(text: str, match: re.Match[str]) -> bool:
    """No training wished for, not required ("would prefer they don't train on it"); a hedge of another point
    before it ("residency isn't a requirement; we just need ...") is not its own."""
    start, _ = sentence_bounds(text, match.start())
    cut = max((point.start() for point in _NEW_POINT.finditer(text, start, match.start())), default=0)
    again = _NO_TRAINING.match(text[cut:], match.start() - cut)
    return hedged(text[cut:], again, WISHED_TERMS) if again else hedged(text, match, WISHED_TERMS)


def _locked_elsewhere(found: Extraction) -> bool:
    """ "GDPR applies and data stays in the UK": the lock names its places, none of them in the EU."""
    named = found.fields.get("regions", [])
    return bool(named) and "eu" not in named and not set(named) & EU_STATE_CODES


def _cloud_regions(text: str, found: Extraction, region: re.Match[str] | None) -> None:
    """A cloud's own region name ("us-east only", "Run in West Europe") locks to it when nothing else was
    said, and adds its place to a lock or self-hosting already read; no-training is read after it."""
    named = cloud_regions(text)
    if not named:
        return  # with self-hosting, the region is where our own cloud servers are ("our own VPC in us-east-1")
    if found.fields.get("privacy") is None and region is None:
        found.put("privacy", "region-locked", named[0][1])
    for place, said in named:
        found.add_to_list("regions", place, said)
