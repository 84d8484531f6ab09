"""Languages a model must handle, from a developer's words. Pure functions."""

from __future__ import annotations

import re

from agent.advisor.rules.given_up import dropped
from agent.advisor.rules.later import in_later_section

_CLAUSE_END = re.compile(r"[.;,!?](?:\s|$)|\s(?:and|but|while|whereas)\s")


def clause_around(text: str, start: int, end: int) -> str:
    """The clause a phrase sits in: from the previous comma, "and" or full stop to the next."""
    floor = max(0, start - 300)  # a clause is short: look back only so far, so long messages stay fast
    left = max([m.end() for m in _CLAUSE_END.finditer(text, floor, start)] or [floor])
    right = _CLAUSE_END.search(text, end)
    return text[left : right.start() if right else len(text)]


LANGUAGES = ("spanish", "portuguese", "german", "french", "italian", "dutch", "polish", "japanese", "chinese",
             "mandarin", "cantonese", "korean", "arabic", "hindi", "russian", "turkish", "swedish", "norwegian",
             "danish", "finnish", "greek", "hebrew", "thai", "vietnamese", "indonesian", "ukrainian", "czech",
             "romanian", "hungarian", "bengali", "urdu", "tagalog", "swahili", "persian", "farsi", "catalan",
             "malay", "tamil", "bulgarian", "croatian", "serbian", "slovak", "welsh", "estonian",
             "latvian", "lithuanian", "slovenian", "icelandic", "basque", "galician", "afrikaans", "amharic",
             "yoruba", "hausa", "zulu", "punjabi", "marathi", "telugu", "gujarati", "kannada", "malayalam",
             "nepali", "sinhala", "burmese", "khmer", "mongolian", "kazakh", "uzbek", "armenian",
             "azerbaijani", "albanian", "macedonian", "bosnian", "maltese", "luxembourgish", "irish",
             "xhosa", "sotho", "tswana", "twi", "akan", "igbo", "somali", "shona", "kinyarwanda", "oromo", "tigrinya",
             "wolof", "lingala", "malagasy", "fula", "pashto", "dari", "kurdish", "belarusian", "javanese", "sundanese",
             "cebuano", "hmong", "lao", "odia", "assamese", "sindhi", "quechua", "guarani", "maori", "samoan",
             "tajik", "kyrgyz", "turkmen", "yiddish", "haitian creole", "filipino",
             # prefixed or native names: "isiZulu", "Kiswahili", "Sesotho", "Bahasa Melayu"
             "isizulu", "isixhosa", "sesotho", "setswana", "kiswahili", "bahasa melayu", "bahasa malaysia",
             "bahasa indonesia", "bahasa")  # fmt: skip
_LANGUAGE = re.compile(r"\b(" + "|".join(LANGUAGES) + r")\b", re.IGNORECASE)
_SAME_LANGUAGE = {"mandarin": "chinese", "cantonese": "chinese", "farsi": "persian", "bahasa indonesia": "indonesian",
                  "bahasa": "indonesian", "isizulu": "zulu", "isixhosa": "xhosa", "sesotho": "sotho",
                  "setswana": "tswana", "kiswahili": "swahili", "filipino": "tagalog", "bahasa melayu": "malay",
                  "bahasa malaysia": "malay"}  # fmt: skip
_MANY_LANGUAGES = re.compile(
    r"multi-?lingual|non-english|foreign languages?|translat\w* (?:\w+ ){0,4}into (?:other|many|several) languages|"
    r"\b(?:many|several|multiple|various|different|other|all|any|\d+\+?|two|three|four|five|six|seven|eight|nine|"
    r"ten|twelve|twenty|dozens? of)\s+(?:\w+\s+)?languages\b",
    re.IGNORECASE,
)
_NOT_NEEDED = re.compile(r"(?:\bno|\bnot|\bnothing|n't|\bnever|\bwithout|\bexcept|\bonly|\bjust|\bbesides)\s+"
                         r"(?:\w+\s+){0,3}$",
                         re.IGNORECASE)  # fmt: skip
# A language named in its own tongue after the word for "in": "en español", "auf Deutsch", "em português".
_NATIVE_NAMES = {"español": "spanish", "espanol": "spanish", "castellano": "spanish", "français": "french",
                 "francais": "french", "deutsch": "german", "português": "portuguese", "portugues": "portuguese",
                 "italiano": "italian", "nederlands": "dutch", "polsku": "polish", "catalán": "catalan",
                 "català": "catalan", "euskera": "basque", "galego": "galician"}  # fmt: skip
_NATIVE = re.compile(r"\b(?:en|em|auf|in(?: het)?|op|po)\s+(" + "|".join(_NATIVE_NAMES) + r")\b(?!\s+(?-i:[A-Z]))",
                     re.IGNORECASE)  # "in Italiano Towers" names a place
# "Our German bank", "a French insurer", "Chinese-hosted APIs": where the user or a server is, not a
# language the model must handle.
_NATIONALITY = re.compile(
    r"-(?:hosted|hosting|based)\b|"  # "in Japanese based on what the player did" is a language
    r"[\s-]+(?:[a-z-]+\s+)?(?:bank|banks|company|companies|hospital|hospitals|insurer|insurers|startup|firm|retailer|"
    r"government|ministry|regulator|subsidiary|office|branch|clouds?|servers?|providers?|vendors?|hosting|"
    r"apis?|endpoints?|data\s*cent(?:er|re)s?|regions?|law|gdpr|data protection)\b",
    re.IGNORECASE,
)
# Done by people rather than the model: "Dutch we'll keep handling with our translation agency, not the
# model", "French is handled by our human translators".
_ELSEWHERE = re.compile(r"[^.;!?]{0,40}?\b(?:handl\w*|done|covered|translated|taken\s+care\s+of)\s+(?:\w+\s+){0,2}?"
                        r"(?:by|with|through|via|to)\s+(?:our\s+|an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:agency|agencies|"
                        r"translators?|humans?|people|staff|team|vendors?|contractors?|freelancers?|partners?)\b",
                        re.IGNORECASE)  # fmt: skip
# "Japanese language not needed", "French isn't required"
_DENIED_AFTER = re.compile(r"\s+(?:language\s+)?(?:is\s+|are\s+)?(?:not|n[’']t|no\s+longer)\s+(?:\w+\s+)?"
                           r"(?:needed|required|necessary|a\s+must)\b", re.IGNORECASE)  # fmt: skip
# Nationalities that name no language: "Japanese and Australian clients" lists where clients are from.
_NO_LANGUAGE_NATIONALITY = (r"(?:australian|american|canadian|british|swiss|indian|brazilian|mexican|argentin(?:e|ian)|"
                            r"belgian|austrian|irish|scottish|kiwi|new\s+zealand|singaporean|nigerian|kenyan|ghanaian|"
                            r"south\s+african|emirati|saudi|israeli|egyptian|moroccan|colombian|chilean|peruvian|"
                            r"european|asian|african|latin\s+american|nordic|scandinavian|us|uk|eu)")
_PARTIES = (r"(?:clients?|customers?|users?|partners?|investors?|accounts?|companies|businesses|brands?|enterprises|"
            r"markets?|firms?|agencies|teams?|offices?)")
_LISTED = r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&|/)\s+|\s*[/&]\s*)"
# "we do outsourcing for Japanese and Australian clients": a list of where the parties are from, one of whom
# is of a nationality that names no language.
_NATIONALITIES = re.compile(rf"\b(?:(?:{'|'.join(LANGUAGES)}|{_NO_LANGUAGE_NATIONALITY}){_LISTED})+"
                            rf"(?:{'|'.join(LANGUAGES)}|{_NO_LANGUAGE_NATIONALITY})\s+(?:[\w-]+\s+)?{_PARTIES}\b",
                            re.IGNORECASE)  # fmt: skip
_NO_LANGUAGE = re.compile(rf"\b{_NO_LANGUAGE_NATIONALITY}\b", re.IGNORECASE)
# Clients named by nationality while the work is said to be in English: "for Japanese clients ... the review
# comments should be in English".
_CLIENTS = re.compile(r"\s+(?:[a-z-]+\s+)?(?:clients?|partners?|investors?|accounts?|enterprises)\b", re.IGNORECASE)
_IN_ENGLISH = re.compile(r"\b(?:in|into)\s+english\b", re.IGNORECASE)


def named_languages(text: str) -> list[str]:
    """Every language the text names, as requirements name it ("Mandarin" is chinese), in order."""
    out: list[str] = []
    for match in _LANGUAGE.finditer(text):
        language = _SAME_LANGUAGE.get(match.group(1).lower(), match.group(1).lower())
        if language not in out:
            out.append(language)
    return out


def _nationality_of_parties(text: str, match: re.Match[str]) -> bool:
    """The word says where clients or customers are from, not a language the model must use."""
    # a window around the word: scanning on to the end for each language named made long messages quadratic
    for listed in _NATIONALITIES.finditer(text, max(0, match.start() - 80), match.end() + 200):
        if listed.start() > match.start():
            break
        if listed.end() > match.start() and _NO_LANGUAGE.search(listed.group(0)):
            return True
    return bool(_CLIENTS.match(text, match.end()) and _IN_ENGLISH.search(text))


_LATER = re.compile(r"\b(?:later|next year|eventually|roadmap|someday|in the future|maybe one day)\b", re.I)


# "translation is done upstream so the model only ever sees English": the model reads none of them
_ENGLISH_ONLY_INPUT = re.compile(
    r"\b(?:only|just)\s+(?:ever\s+)?(?:sees?|reads?|gets?|receives?|handles?)\s+english\b|"
    r"\btranslat\w*\s+(?:is|are|gets?)\s+(?:already\s+)?(?:done|handled)\s+(?:upstream|beforehand|before)|"
    # the model's own language said to be English alone: "we have a Spanish site, but the bot only needs to
    # speak English"; "answers only in English" is the output alone (the inputs may be in other languages)
    r"\b(?:only|just)\s+(?:needs?\s+to\s+|has\s+to\s+|have\s+to\s+|must\s+|will\s+|should\s+)?(?:speak|understand|"
    r"handle|support|talk\s+in|work\s+in|deal\s+with)\s+english\b(?!\s+(?:output|answers|replies))(?!\s*(?:,|and|or|plus|&|/)\s*(?:and\s+)?"
    r"(?:" + "|".join(LANGUAGES) + r")\b)|"
    r"\b(?:needs?\s+to|has\s+to|must|will)\s+(?:speak|understand|handle|support)\s+(?:only\s+)?english\s+only\b|"
    r"\b(?:bot|model|assistant|it|agent)\s+(?:is|will\s+be|can\s+be|stays?)\s+english[- ]only\b",
    re.IGNORECASE,
)


def languages(text: str) -> list[tuple[str, str]]:
    """Languages besides English the model must read or write, each with its words; "multilingual"
    when none is named. A language the words rule out ("not Spanish", "no other languages") or defer
    ("later") is left out. "Docs in 3 languages, answers only in English" still needs a multilingual
    model: it reads them."""
    found: dict[str, str] = {}
    for pattern, named in ((_LANGUAGE, True), (_MANY_LANGUAGES, False)):
        for match in pattern.finditer(text):
            before = text[max(0, match.start() - 30) : match.start()]
            clause = clause_around(text, match.start(), match.end())
            if _NOT_NEEDED.search(before) or _LATER.search(clause) or (named and _NATIONALITY.match(text, match.end())):
                continue
            if in_later_section(text, match.start()):
                continue  # "Phase 2 (next year): Welsh too", "Out of scope: other languages"
            if named and (_DENIED_AFTER.match(text, match.end()) or _nationality_of_parties(text, match)
                          or dropped(text, match.start(), match.end()) or _ELSEWHERE.match(text, match.end())):
                continue  # "we dropped Spanish support", "Dutch we'll keep handling with our agency"
            if not named and re.search(r"programming|coding|query|markup|scripting", match.group(0), re.I):
                continue
            language = match.group(1).lower() if named else "multilingual"
            found.setdefault(_SAME_LANGUAGE.get(language, language), clause.strip())
    for match in _NATIVE.finditer(text):
        found.setdefault(_NATIVE_NAMES[match.group(1).lower()], clause_around(text, match.start(), match.end()).strip())
    if _ENGLISH_ONLY_INPUT.search(text):
        return []
    if len(found) > 1:
        found.pop("multilingual", None)  # the named languages say more
    return list(found.items())
