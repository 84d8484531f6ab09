"""Places a later message grants to a lock already stated: "we've now got approval for AWS in Singapore or
Sydney", "legal signed off on Frankfurt and Dublin", "Tokyo is fine too". A cloud region is often named by
its city, so the clouds' region cities count as their countries here (only here: "our office in London"
in a first message names no lock). Read only when the session already has a lock. Pure."""

from __future__ import annotations

import re

from agent.advisor.rules.negation import negated
from agent.advisor.rules.places import PLACE, code, codes_in, excluded
from agent.advisor.rules.size_units import sentence_bounds

# The cities AWS, Google Cloud and Azure name their regions by, as the codes places.py gives countries.
CLOUD_CITIES = {
    "sydney": "au", "melbourne": "au", "tokyo": "jp", "osaka": "jp", "seoul": "kr", "mumbai": "in",
    "hyderabad": "in", "pune": "in", "delhi": "in", "jakarta": "id", "hong kong": "hk", "taipei": "tw",
    "frankfurt": "de", "berlin": "de", "dublin": "ie", "london": "uk", "paris": "fr", "milan": "it",
    "madrid": "es", "stockholm": "se", "zurich": "ch", "geneva": "ch", "amsterdam": "nl", "warsaw": "pl",
    "brussels": "be", "helsinki": "fi", "oslo": "no", "vienna": "at", "montreal": "ca", "toronto": "ca",
    "calgary": "ca", "são paulo": "br", "sao paulo": "br", "santiago": "cl", "querétaro": "mx",
    "queretaro": "mx", "cape town": "za", "johannesburg": "za", "bahrain": "bh", "dubai": "ae",
    "tel aviv": "il", "doha": "qa", "virginia": "us", "ohio": "us", "oregon": "us", "iowa": "us",
    "california": "us", "texas": "us",
}  # fmt: skip
_CITY = re.compile(r"\b(" + "|".join(sorted(CLOUD_CITIES, key=len, reverse=True)).replace(" ", r"\s+") + r")\b",
                   re.IGNORECASE)  # fmt: skip
# Words that grant a place: an approval, a permission, a place said to be fine, or the lock widened to it
# ("it can be US too", "Canada works as well", "add the UK", "extend the lock to Japan").
_GRANT = re.compile(
    r"\b(?:approv\w*|sign(?:ed)?[- ]off|signed\s+off|cleared|green[- ]?light\w*|permission|permitted|allowed|"
    r"authori[sz]ed|ok(?:ay)?'?d|acceptable|(?:is|are|would\s+be)\s+(?:also\s+)?(?:fine|ok(?:ay)?)|"
    r"(?:can|may|could)\s+(?:now\s+|also\s+)?(?:use|host|run|go\s+with|deploy|process|store)|"
    r"(?:it|that|this|data|hosting|processing|storage|inference|the\s+(?:region|location|lock|model|servers?|"
    r"deployment|data|hosting))\s+(?:can|may)\s+(?:also\s+be|be\s+[^.;!?]{0,40}?\b(?:too|as\s+well|also|either))|"
    r"(?:also\s+)?works?\s+(?:too|as\s+well|also)|also\s+works?|would\s+(?:also\s+)?work\s+(?:too|as\s+well)|"
    r"(?:is|are)\s+(?:also\s+)?(?:good|alright)\s+(?:too|as\s+well)|"
    r"(?:fine|ok(?:ay)?)\s+to\s+(?:also\s+)?(?:host|run|store|process|keep|be)\b[^.;!?]{0,40}?\b(?:too|as\s+well)|"
    r"add(?:ing)?\s+(?:in\s+)?(?:the\s+)?(?=" + PLACE + r")|"
    r"(?:expand|extend|widen|broaden|open(?:\s+up)?)\w*\s+(?:it|that|the\s+(?:lock|regions?|list|residency|"
    r"restriction|hosting))\s+to)\b",
    re.IGNORECASE,
)


# A place that names people, not hosting: "the Sydney team", "our London office", "Singapore customers".
_PEOPLE_AFTER = re.compile(r"[\s-]+(?:team|office|staff|customers?|users?|clients?|branch|colleagues|people|hq|"
                           r"headquarters|employees|market|launch|folks)s?\b", re.IGNORECASE)  # fmt: skip
_PLACE_NAMES = re.compile(PLACE, re.IGNORECASE)


def _places(text: str, start: int, end: int) -> list[str]:
    out: list[str] = []
    for match in _CITY.finditer(text, start, end):
        place = CLOUD_CITIES[" ".join(match.group(1).lower().split())]
        if place not in out and not _PEOPLE_AFTER.match(text, match.end()):
            out.append(place)
    for place in codes_in(text, start, end):
        named = [m for m in _PLACE_NAMES.finditer(text, start, end) if code(m.group(1)) == place]
        if place not in out and not all(_PEOPLE_AFTER.match(text, m.end()) for m in named):
            out.append(place)
    return out


def granted_later(text: str) -> tuple[list[str], str] | None:
    """The places a message grants (two or one), with its words; None when it grants none."""
    ruled_out = excluded(text)
    for grant in _GRANT.finditer(text):
        if negated(text, grant.start()):
            continue  # "legal has not approved Sydney"
        start, end = sentence_bounds(text, grant.start())
        places = [place for place in _places(text, start, end) if place not in ruled_out]
        if places:
            return places, text[start:end].strip()
    return None
