"""Places a message allows beyond the words of its lock, as region codes (places.py): the cloud's own
region names ("us-east only", "eu-west-1"), a choice among places ("US + Canada customers, fine to
process in either"), a second place granted ("EU hosting is acceptable") and the country of our own
premises ("on-premises in our own data center in Japan"). Pure."""

from __future__ import annotations

import re

from agent.advisor.rules.negation import negated, set_aside
from agent.advisor.rules.places import PLACE, code, codes_in, demonym_codes, excluded
from agent.advisor.rules.size_units import sentence_bounds

# AWS ("us-east-1", "ca-central-1"), Google ("us-central1", "europe-west4", "australia-southeast1") and
# Azure ("East US 2", "westeurope", "UK South"). Asia-Pacific names say a country only with their number.
_AWS = {"us": "us", "eu": "eu", "ca": "ca", "sa": "br", "af": "za", "il": "il", "mx": "mx"}
_AWS_ASIA = {"ap-southeast-2": "au", "ap-southeast-4": "au", "ap-northeast-1": "jp", "ap-northeast-3": "jp",
             "ap-northeast-2": "kr", "ap-south-1": "in", "ap-south-2": "in", "ap-southeast-1": "sg",
             "ap-east-1": "hk", "ap-southeast-3": "id"}  # fmt: skip
_GOOGLE = {"us": "us", "europe": "eu", "australia": "au", "asia": "asia", "northamerica": "ca",
           "southamerica": "br", "africa": "za"}  # fmt: skip
_AZURE_AFTER = {"us": "us", "europe": "eu", "india": "in", "asia": "asia"}  # "East US 2", "westeurope"
_AZURE_BEFORE = {"uk": "uk", "australia": "au", "japan": "jp", "canada": "ca", "germany": "de", "france": "fr",
                 "switzerland": "ch", "sweden": "se", "norway": "no", "brazil": "br", "korea": "kr", "uae": "ae",
                 "south africa": "za", "poland": "pl", "italy": "it"}  # fmt: skip  "UK South", "australiaeast"
_SIDE = r"(?:east|west|north|south|central|northeast|southeast|northwest|southwest)"
_CLOUD_REGION = re.compile(
    r"\b(?P<aws>(?:us|eu|ca|sa|af|il|mx|ap)-" + _SIDE + r")(?P<aws_n>-\d)?\b|"
    r"\b(?P<google>" + "|".join(_GOOGLE) + r")-" + _SIDE + r"\d\b|"
    r"\b(?:north|south|west|east)\s?(?:central\s?)?(?P<after>" + "|".join(_AZURE_AFTER) + r")(?:\s?\d)?\b|"
    r"\b(?P<before>" + "|".join(_AZURE_BEFORE).replace(" ", r"\s?") + r")\s?(?:west\s?)?" + _SIDE + r"\b",
    re.IGNORECASE,
)
# Words that make a named region a requirement, not only where something runs today ("our app is on us-east-1").
_LOCK_WORDS = re.compile(r"\b(?:only|must|has\s+to|have\s+to|needs?\s+to|required|mandatory|stays?|remains?|kept|"
                         r"pinned|locked|restricted|limited|in-region|residency|leave|leaves|leaving)\b",
                         re.IGNORECASE)  # fmt: skip


_KEPT_IN = re.compile(r"\b(?:leave|leaves|leaving|outside(?:\s+of)?)\s+$", re.IGNORECASE)


def _cloud_code(match: re.Match[str]) -> str | None:
    if aws := match.group("aws"):
        prefix = aws.lower().split("-")[0]
        if prefix == "ap":
            return _AWS_ASIA.get(aws.lower() + (match.group("aws_n") or ""))
        return _AWS[prefix]
    if google := match.group("google"):
        return _GOOGLE[google.lower()]
    if after := match.group("after"):
        return _AZURE_AFTER[after.lower()]
    return _AZURE_BEFORE["south africa" if match.group("before").lower().startswith("south") else
                         match.group("before").lower()]  # fmt: skip


def cloud_regions(text: str) -> list[tuple[str, str]]:
    """Every cloud region named as a requirement, as (code, the words): the EU's names whenever said (users
    name them for residency), others only with a lock word in their sentence ("us-east only")."""
    out: list[tuple[str, str]] = []
    for match in _CLOUD_REGION.finditer(text):
        place = _cloud_code(match)
        kept_in = _KEPT_IN.search(text[max(0, match.start() - 20) : match.start()])
        if place is None or any(place == seen for seen, _ in out) or (negated(text, match.start()) and not kept_in):
            continue  # "not in us-east-1" rules it out; "can't leave us-east-1" locks to it
        start, end = sentence_bounds(text, match.start())
        if place == "eu" or _LOCK_WORDS.search(text, start, end):
            only = re.match(r"\s+only\b", text[match.end() :], re.IGNORECASE)
            out.append((place, match.group(0) + (only.group(0) if only else "")))
    return out


# "fine to process in either", "hosting in either one is OK", "either region works", "both are fine"
_EITHER = re.compile(
    r"\b(?:process\w*|host\w*|stor\w*|run\w*|serv\w*|keep\w*|kept|live|lives|resid\w*)\s+(?:\w+\s+){0,2}?"
    r"(?:in|from)\s+either\b(?:\s+(?:one|region|country|place|location|of\s+them|of\s+those|of\s+the\s+two))?|"
    r"\beither\s+(?:one|region|country|place|location|of\s+them|of\s+those|of\s+the\s+two)\s+"
    r"(?:works|(?:is|would\s+be)\s+(?:\w+\s+)?(?:fine|ok|okay|acceptable|allowed))\b|"
    r"\bboth\s+(?:regions|countries|locations|places|of\s+them)?\s*(?:are|would\s+be)\s+(?:\w+\s+)?"
    r"(?:fine|ok|okay|acceptable|allowed)\b",
    re.IGNORECASE,
)


def either_places(text: str) -> tuple[list[str], str] | None:
    """The places a choice between them allows ("US + Canada customers, fine to process in either"): those
    its sentence names before it, or the sentence before that one; two at least, or no choice was said."""
    for match in _EITHER.finditer(text):
        if negated(text, match.start()) or set_aside(text, match.start()):
            continue
        start, _ = sentence_bounds(text, match.start())
        named = [p for p in codes_in(text, start, match.start()) if p not in excluded(text)]
        if len(named) < 2 and start > 0:
            start = sentence_bounds(text, max(0, start - 2))[0]
            named = [p for p in codes_in(text, start, match.start()) if p not in excluded(text)]
        if len(named) >= 2:
            return named, text[start : match.end()].strip()
    return None


# "EU hosting is acceptable", "UK servers would also be fine", "Canada is an option too": a place granted.
# "... is not acceptable" is a place ruled out (places.excluded), so no word may come between.
_GRANTED = re.compile(
    PLACE + r"[\s-]*(?:hosting|hosted|servers?|regions?|data\s?cent(?:er|re)s?|clouds?|residency)?\s+"
    r"(?:is|are|would|will)\s+(?:also\s+|equally\s+|still\s+)?(?:be\s+)?(?:also\s+|equally\s+)?"
    r"(?:acceptable|fine|ok|okay|allowed|permitted|an\s+option|an\s+acceptable\s+fallback|a\s+fallback)\b",
    re.IGNORECASE,
)


def granted_places(text: str) -> list[tuple[str, str]]:
    """Places said to be acceptable too, as (code, the words)."""
    return [(code(m.group(1)), m.group(0)) for m in _GRANTED.finditer(text) if not set_aside(text, m.start())]


# "on-premises in our own data center in Japan", "air-gapped servers in Germany": our premises' country.
_PREMISES_AT = re.compile(
    r"\w*(?:\s+(?:in|at|on|inside)\s+(?:our|the|a|an)\s+(?:own\s+)?(?:[\w-]+\s+){0,2}?(?:data\s?cent(?:er|re)s?|"
    r"servers?|facilit(?:y|ies)|premises|dcs?|racks?|clusters?|hardware|offices?|colo\w*|machines))?"
    r"\s+(?:in|within|inside|located\s+in|based\s+in)\s+(?:the\s+)?" + PLACE,
    re.IGNORECASE,
)


def premises_places(text: str, hosting: re.Match[str]) -> list[tuple[str, str]]:
    """The countries our own hardware is said to be in, right after the words that say we host, as
    (code, the words)."""
    if at := _PREMISES_AT.match(text, hosting.end()):
        return [(code(at.group(1)), text[hosting.start() : at.end()])]
    start, end = sentence_bounds(text, hosting.start())
    return [(place, text[start:end].strip()) for place in demonym_codes(text, start, end)]  # "our German data centre"
