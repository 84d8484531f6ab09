"""Compliance regimes a message states (HIPAA, GDPR, SOC 2), or that its words imply ("patient data"
implies HIPAA), and the ones it rules out: "HIPAA doesn't apply" rules the regime out for the whole
message, whatever else names it ("de-identified under HIPAA Safe Harbor, so HIPAA doesn't apply"). Pure."""

from __future__ import annotations

import re

from agent.advisor.rules.extraction import Extraction
from agent.advisor.rules.given_up import insisted, waived
from agent.advisor.rules.negation import denied_after, negated
from agent.advisor.rules.places import codes_in

COMPLIANCE = [
    (
        "hipaa",
        re.compile(r"\bhipaa\b|\bphi\b|patient data|health(?:care)? data|medical records", re.IGNORECASE),
    ),
    ("gdpr", re.compile(r"\bgdpr\b", re.IGNORECASE)),
    ("soc2", re.compile(r"\bsoc ?-?2\b|\bsoc ii\b", re.IGNORECASE)),
]

# Where a user is, said as an adjective: HIPAA is US law, so patient data elsewhere implies none.
HOME_EU = re.compile(
    r"\b(?:eu|europe|european|gdpr|german|germany|french|france|dutch|netherlands|belgian|belgium|italian|italy|"
    r"spanish|spain|portuguese|portugal|austrian|austria|irish|ireland|polish|poland|swedish|sweden|danish|denmark|"
    r"finnish|finland|greek|greece|czech|luxembourg)\b",
    re.IGNORECASE,
)
_HOME_ELSEWHERE = re.compile(r"\b(?:canadian|british|nhs|indian|australian|japanese|brazilian|mexican|swiss|korean|"
                             r"chinese|singaporean|south african|new zealand)\b", re.IGNORECASE)  # fmt: skip

# A regime named as the way data was made safe, not as a rule the model must follow: "de-identified under
# HIPAA Safe Harbor", "anonymised per HIPAA", "HIPAA's Expert Determination method".
_DEIDENTIFIED_BEFORE = re.compile(r"\b(?:de-?identif\w*|anonymi[sz]\w*|pseudonymi[sz]\w*|scrubbed|redacted)\s+"
                                  r"(?:\w+\s+){0,3}?(?:under|per|using|following|according\s+to|to|with|by)\s+"
                                  r"(?:the\s+)?$", re.IGNORECASE)  # fmt: skip
_DEIDENTIFIED_AFTER = re.compile(r"[\s'’s]*(?:safe\s+harbou?r|expert\s+determination|de-?identification)\b",
                                 re.IGNORECASE)  # fmt: skip
# "the data is de-identified", "fully anonymised records": what a proxy ("patient data") stood for is gone.
_DATA_DEIDENTIFIED = re.compile(r"\b(?:de-?identif(?:y|ies|ying|ied)|anonymi[sz](?:e|es|ing|ed)|pseudonymi[sz]\w*)\b",
                                re.IGNORECASE)  # fmt: skip


def _outside_the_us(text: str) -> bool:
    """The user is placed somewhere else ("a French public hospital", "data stays in Canada")."""
    named = codes_in(text)
    return "us" not in named and bool(named or HOME_EU.search(text) or _HOME_ELSEWHERE.search(text))


def _names(regime: str, match: re.Match[str]) -> bool:
    """The regime's own name ("HIPAA", "SOC 2"), not a word that only implies it ("patient data")."""
    return regime != "hipaa" or match.group(0).lower() == "hipaa"


def _denied(text: str, match: re.Match[str]) -> bool:
    """ "no HIPAA", "GDPR doesn't apply", "please skip all the GDPR stuff": the regime ruled out."""
    if insisted(text, match.start()):
        return False  # "you can't skip the HIPAA part"
    return negated(text, match.start()) or denied_after(text, match.end()) or waived(text, match.start())


def _a_way_to_deidentify(text: str, match: re.Match[str]) -> bool:
    before = text[max(0, match.start() - 60) : match.start()]
    return bool(_DEIDENTIFIED_BEFORE.search(before) or _DEIDENTIFIED_AFTER.match(text, match.end()))


def compliance(text: str, found: Extraction) -> None:
    """Each regime the text states or implies and does not rule out, with its words."""
    for regime, pattern in COMPLIANCE:
        said = list(pattern.finditer(text))
        if any(_names(regime, m) and _denied(text, m) for m in said):
            continue  # "HIPAA doesn't apply": ruled out, whatever else in the message names it
        kept = [m for m in said if not _denied(text, m) and not _a_way_to_deidentify(text, m)]
        # the regime's own name, wherever it stands, states it: "Patient data so HIPAA applies" is stated
        if match := next((m for m in kept if _names(regime, m)), None) or next(iter(kept), None):
            named = match.group(0).lower() == regime
            if regime == "hipaa" and not named and (_outside_the_us(text) or _DATA_DEIDENTIFIED.search(text)):
                continue  # "French public hospital ... patient data": HIPAA is US law; de-identified data is no PHI
            # "patient data" implies HIPAA; only the regime's own name states it
            found.add_to_list("compliance", regime, match.group(0), inferred=not named)
