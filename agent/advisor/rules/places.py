"""Places a user names for hosting, as the region codes requirements use. Pure.

The table: a bloc is its own code (eu, us, asia); a country is its ISO 3166 alpha-2 code, EU member
states included ("data must stay in Germany" is de: a model served from an EU region in Ireland would
break it, so the bloc is not assumed), except Great Britain, which is "uk" as the clouds name it.
Two-letter codes are read in capitals only ("in AU or NZ"), so "in" or "ca" in a sentence is no place.
"""

from __future__ import annotations

import re

from agent.advisor.rules import places_world

_EU_STATES = {"austria": "at", "belgium": "be", "bulgaria": "bg", "croatia": "hr", "cyprus": "cy", "czechia": "cz",
              "czech republic": "cz", "denmark": "dk", "estonia": "ee", "finland": "fi", "france": "fr",
              "germany": "de", "greece": "gr", "hungary": "hu", "ireland": "ie", "italy": "it", "latvia": "lv",
              "lithuania": "lt", "luxembourg": "lu", "malta": "mt", "netherlands": "nl", "holland": "nl",
              "poland": "pl", "portugal": "pt", "romania": "ro", "slovakia": "sk", "slovenia": "si", "spain": "es",
              "sweden": "se", "norway": "no", "iceland": "is", "liechtenstein": "li"}  # fmt: skip
EU_STATE_CODES = frozenset(_EU_STATES.values())
# Names in German, French, Spanish and Italian, for a requirement said in them ("Hébergement en France
# obligatoire", "Daten müssen in Deutschland bleiben"); "UE" is the EU in French, Spanish and Italian.
_OTHER_TONGUES = {"ue": "eu", "europa": "eu", "allemagne": "de", "alemania": "de", "germania": "de",
                  "frankreich": "fr", "francia": "fr", "españa": "es", "espagne": "es", "spanien": "es",
                  "italia": "it", "italie": "it", "italien": "it", "schweiz": "ch", "suisse": "ch",
                  "suiza": "ch", "svizzera": "ch", "österreich": "at", "autriche": "at", "polen": "pl",
                  "pologne": "pl", "polska": "pl", "niederlande": "nl", "pays-bas": "nl", "méxico": "mx",
                  "mexique": "mx", "brasil": "br", "brésil": "br", "kanada": "ca", "japon": "jp",
                  "japón": "jp", "chine": "cn", "royaume-uni": "uk", "reino unido": "uk",
                  "großbritannien": "uk", "vereinigtes königreich": "uk", "états-unis": "us",
                  "estados unidos": "us", "stati uniti": "us", "vereinigte staaten": "us"}  # fmt: skip
_NAMES = {"eu": "eu", "european union": "eu", "europe": "eu", "european": "eu", "us": "us", "usa": "us",
          "u.s.": "us", "united states": "us", "america": "us", "asia": "asia",
          "united kingdom": "uk", "uk": "uk", "britain": "uk", "great britain": "uk", "england": "uk",
          "scotland": "uk", "wales": "uk", "canada": "ca", "australia": "au", "new zealand": "nz", "japan": "jp",
          "india": "in", "brazil": "br", "switzerland": "ch", "singapore": "sg", "south korea": "kr", "korea": "kr",
          "united arab emirates": "ae", "uae": "ae", "saudi arabia": "sa", "south africa": "za", "israel": "il",
          "aotearoa new zealand": "nz", "aotearoa": "nz", "türkiye": "tr", "turkiye": "tr", "deutschland": "de",
          "hong kong": "hk", "taiwan": "tw", "china": "cn", "indonesia": "id", "mexico": "mx", "turkey": "tr",
          } | _EU_STATES | _OTHER_TONGUES | places_world.COUNTRIES | places_world.CITIES  # fmt: skip
_CODES = ("AU", "NZ", "SG", "JP", "KR", "BR", "CH", "HK", "UAE", "US", "EU", "UK", "UE")  # capitals only
_BY_LENGTH = sorted((n for n in _NAMES if n not in ("us", "eu", "uk", "uae", "ue")), key=len, reverse=True)

# A regex fragment (one group) for any place; "us" only in capitals so "send it to us" names no place.
PLACE = (r"((?-i:" + "|".join(_CODES) + r"|U\.S\.)(?!\w|\.\w)|(?:eu|uk)\b|(?<!\w)(?:"
         + "|".join(n.replace(" ", r"\s+").replace(".", r"\.") for n in _BY_LENGTH) + r")\b)")  # fmt: skip
_ANY_PLACE = re.compile(PLACE, re.IGNORECASE)


def code(name: str) -> str:
    """The region code for a place's name as written ("Canada" -> "ca", "Germany" -> "eu")."""
    words = " ".join(name.lower().split())
    return _NAMES.get(words, words)


def codes_in(text: str, start: int = 0, end: int | None = None) -> list[str]:
    """Every place named between start and end, as codes, in order and once each."""
    out: list[str] = []
    for match in _ANY_PLACE.finditer(text, start, len(text) if end is None else end):
        if (found := code(match.group(1))) not in out:
            out.append(found)
    return out


# "in AU or NZ", "Canada, Australia and the UK", "US + Canada": more places joined to the one a lock named.
_MORE = re.compile(r"(?:\s*,\s*|\s+(?:or|and|and/or)\s+|\s*[/+&]\s*)"
                   r"(?:(?:at\s+least|at\s+minimum|at\s+worst|failing\s+that|else)\s+)?(?:the\s+)?" + PLACE,
                   re.IGNORECASE)  # fmt: skip


def joined_end(text: str, end: int) -> int:
    """Where a list of places that starts at `end` stops."""
    while more := _MORE.match(text, end):
        end = more.end()
    return end


# A place excluded: "Anything but US-hosted", "any region except the US", "EU hosting is NOT acceptable",
# "No EU users", "other than the US".
_EXCLUDED = re.compile(
    r"\b(?:anything|anywhere|any\s+region|any\s+country|every\w*)\s+(?:but|except|other\s+than)\s+(?:for\s+)?"
    r"(?:the\s+)?"
    + PLACE
    + r"|\b(?:except(?:\s+for)?|other\s+than|excluding|but\s+not|not\s+in|no)\s+(?:the\s+)?"
    + PLACE
    # "keep the data out of the EU", "stay out of China": out of a place is away from it
    + r"|\b(?:stay|stays|staying|kept|keep|keeps|keeping)\s+(?:(?:it|them|this|that|everything|all\s+of\s+it|"
    r"(?:the|our|any|all)\s+(?:\w+\s+)?data|data)\s+)?out\s+of\s+(?:the\s+)?"
    + PLACE
    + r"|"
    + PLACE
    + r"[\s-]*(?:\w+\s+){0,2}?(?:is|are|would\s+be)\s*(?:n[’']t|not|never)\s+"
    r"(?:\w+\s+)?(?:acceptable|allowed|permitted|an\s+option|ok|okay|fine|enough|sufficient|good\s+enough)\b|"
    # "EU hosting does NOT satisfy that", "the EU won't cut it": a place that does not meet the lock
    + PLACE
    + r"[\s-]*(?:\w+\s+){0,2}?(?:does|do|will|would|wo)\s*(?:n[’']t|not)\s+(?:\w+\s+)?(?:satisfy|suffice|"
    r"cut\s+it|count|qualify|meet|comply|do\b|work\b)|"
    # "not just 'somewhere in the EU'", "not merely any EU region": a bloc too wide for the country it names
    r"\bnot\s+(?:just|merely|simply)\s+['‘’\"“]?(?:somewhere|anywhere|any\w*)\s+(?:in\s+)?(?:the\s+)?"
    + PLACE
    + r"|"
    # "nothing can touch a US-hosted service", "data must never be stored on EU servers": a place data may not reach
    r"(?:\b(?:nothing|no\s+data|never|not|cannot)\b|n[’']t\b)\s+(?:[\w-]+\s+){0,4}?(?:touch(?:es)?|reach(?:es)?|"
    r"use|be\s+(?:sent|stored|hosted|processed|uploaded)|(?:sent|stored|hosted|processed|uploaded)|go(?:es)?|run)"
    r"\s+(?:to|on|in|into|through|via|with)?\s*(?:a\s+|an\s+|any\s+|the\s+)?"
    + PLACE
    + r"(?=[\s-]*(?:hosted|based|clouds?|servers?|providers?|vendors?|services?|data\s?cent\w*|regions?|hosting|"
    r"apis?|endpoints?)\b)",
    re.IGNORECASE,
)


# "anywhere except the US or China": more places joined by a conjunction are ruled out too; a comma is not
# enough ("except the US, Canada is fine" allows Canada).
_AND_MORE = re.compile(r"\s+(?:and|or|nor|and/or)\s+(?:the\s+)?" + PLACE, re.IGNORECASE)


def excluded(text: str) -> set[str]:
    """The places the text rules out."""
    out = {_DEMONYMS[" ".join(m.group(1).lower().split())] for m in _DEMONYM_AWAY.finditer(text)}
    for match in _EXCLUDED.finditer(text):
        out.add(code(next(g for g in match.groups() if g)))
        end = match.end()
        while more := _AND_MORE.match(text, end):
            out.add(code(more.group(1)))
            end = more.end()
    return out


# A country said as an adjective of where data lives: "Swiss data residency", "Canadian servers".
_DEMONYMS = {"swiss": "ch", "british": "uk", "canadian": "ca", "australian": "au", "singaporean": "sg",
             "indian": "in", "brazilian": "br", "american": "us", "japanese": "jp", "korean": "kr", "german": "de",
             "french": "fr", "dutch": "nl", "spanish": "es", "italian": "it", "irish": "ie", "polish": "pl",
             "swedish": "se", "austrian": "at", "danish": "dk", "finnish": "fi", "norwegian": "no", "belgian": "be",
             "portuguese": "pt", "mexican": "mx", "emirati": "ae", "saudi": "sa", "israeli": "il",
             "south african": "za", "new zealand": "nz", "european": "eu", "chinese": "cn",
             "russian": "ru"} | places_world.DEMONYMS  # fmt: skip
DEMONYM_WORDS = "|".join(sorted(_DEMONYMS, key=len, reverse=True))
_DEMONYM = re.compile(r"\b(" + DEMONYM_WORDS + r")\s+(?:data\s+residency|residency|data\s+cent(?:er|re)s?|hosting|"
                      r"servers?|clouds?|regions?|soil|infrastructure|jurisdiction)\b", re.IGNORECASE)  # fmt: skip


_ADJECTIVE = re.compile(r"\b(" + DEMONYM_WORDS + r")\b", re.IGNORECASE)


def adjective_codes(text: str) -> list[str]:
    """Countries named by their adjective alone ("the Swiss thing"), as codes, in order and once each."""
    out: list[str] = []
    for match in _ADJECTIVE.finditer(text):
        if (found := _DEMONYMS[" ".join(match.group(1).lower().split())]) not in out:
            out.append(found)
    return out


def country_name(place: str) -> str:
    """A code as a place's name for a sentence ("de" -> "Germany"); the code itself where none is known."""
    english = (_EU_STATES | places_world.COUNTRIES | _NAMES).items()  # states first: "germany", not "deutschland"
    names = [name for name, found in english if found == place and len(name) > 3 and name not in _OTHER_TONGUES]
    return names[0].title() if names else place.upper()


def demonym_codes(text: str, start: int = 0, end: int | None = None) -> list[str]:
    """Countries named as adjectives of where the data lives, as codes, in order and once each."""
    out: list[str] = []
    for match in _DEMONYM.finditer(text, start, len(text) if end is None else end):
        if (found := _DEMONYMS[" ".join(match.group(1).lower().split())]) not in out:
            out.append(found)
    return out


# "no Chinese providers", "we can't use Russian-hosted APIs": a country ruled out by its adjective. Models
# are not named here: "no Chinese models" is about where weights come from, not where data goes.
_DEMONYM_AWAY = re.compile(r"(?:\b(?:no|not|never|cannot|without|avoid\w*|ban\w*)\b|n[’']t\b)\s+(?:\w[\w-]*\s+){0,3}?"
                           r"\b(" + DEMONYM_WORDS + r")[\s-]+(?:hosted\s+|based\s+)?(?:clouds?|servers?|providers?|"
                           r"vendors?|hosting|apis?|data\s*cent(?:er|re)s?|companies|endpoints?|regions?|hosted|"
                           r"based)\b", re.IGNORECASE)  # fmt: skip


def demonym_away(text: str) -> re.Match[str] | None:
    """The first country ruled out by its adjective, if any."""
    return _DEMONYM_AWAY.search(text)


def known_code(name: str) -> str | None:
    """The code of a place named exactly ("uk", "Australia", "de"), or None for any other words."""
    words = " ".join(name.lower().split())
    if words in _NAMES:
        return _NAMES[words]
    return words if words in set(_NAMES.values()) - {"asia"} and len(words) == 2 else None
