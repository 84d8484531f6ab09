"""Sums of money spelled in German, French, Spanish, Italian, Portuguese or Dutch ("zweitausend Euro im
Monat", "deux mille euros", "mil quinientos euros", "duemila euro") written as digits, so the money reader
sees "2000 Euro". Only a run of number words just before a currency is read: the same words elsewhere are
left alone ("sei" is also Italian for "you are"). Pure."""

from __future__ import annotations

import re

from agent.advisor.rules.digit_groups import written_number

# Words that add their value: units, teens and tens, and Spanish and Portuguese hundreds.
_ADDS = {
    # German
    "ein": 1, "eins": 1, "eine": 1, "einen": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "fuenf": 5,
    "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "zwoelf": 12,
    "sechzehn": 16, "siebzehn": 17, "zwanzig": 20, "dreißig": 30, "dreissig": 30, "vierzig": 40, "fünfzig": 50,
    "fuenfzig": 50, "sechzig": 60, "siebzig": 70, "achtzig": 80, "neunzig": 90,
    # French
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9,
    "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16, "vingt": 20,
    "vingts": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60, "quatrevingt": 80,
    "quatrevingts": 80,
    # Spanish
    "uno": 1, "una": 1, "dos": 2, "dós": 2, "tres": 3, "trés": 3, "cuatro": 4, "cinco": 5, "seis": 6, "séis": 6,
    "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "dieci": 10, "doce": 12, "quince": 15, "veinte": 20, "veinti": 20,
    "treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "setenta": 70, "ochenta": 80, "noventa": 90,
    "cien": 100, "ciento": 100, "doscientos": 200, "trescientos": 300, "cuatrocientos": 400, "quinientos": 500,
    "seiscientos": 600, "setecientos": 700, "ochocientos": 800, "novecientos": 900,
    # Italian
    "due": 2, "tre": 3, "quattro": 4, "cinque": 5, "sei": 6, "sette": 7, "otto": 8, "nove": 9,
    "venti": 20, "trenta": 30, "quaranta": 40, "cinquanta": 50, "sessanta": 60, "settanta": 70, "ottanta": 80,
    "novanta": 90,
    # Portuguese
    "um": 1, "dois": 2, "duas": 2, "três": 3, "sete": 7, "oito": 8, "dez": 10, "vinte": 20, "trinta": 30,
    "quarenta": 40, "cinquenta": 50, "duzentos": 200, "trezentos": 300, "quinhentos": 500,
    # Dutch
    "een": 1, "één": 1, "twee": 2, "drie": 3, "vijf": 5, "zes": 6, "zeven": 7, "negen": 9, "tien": 10,
    "twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60, "zeventig": 70, "tachtig": 80,
    "negentig": 90,
}  # fmt: skip
_HUNDREDS = {"hundert", "cent", "cents", "cento", "honderd"}  # "fünfhundert", "deux cents", "cinquecento"
_SCALES = {"tausend": 1e3, "mille": 1e3, "mil": 1e3, "mila": 1e3, "duizend": 1e3, "million": 1e6, "millionen": 1e6,
           "millions": 1e6, "millón": 1e6, "millon": 1e6, "millones": 1e6, "milione": 1e6, "milioni": 1e6,
           "milhão": 1e6, "milhões": 1e6, "miljoen": 1e6}  # fmt: skip
_JOINS = {"und", "et", "y", "e", "en"}  # "fünfundzwanzig", "vingt et un", "ciento y", "cento e cinquenta"
_TOKENS = sorted([*_ADDS, *_HUNDREDS, *_SCALES, *_JOINS], key=len, reverse=True)
_TOKEN = re.compile("|".join(_TOKENS))

# A currency just after the words, maybe after "de"/"d'": "un millón de euros", "deux millions d'euros".
_CURRENCY = re.compile(r"(?<![^\W\d_])(?:euros?|eur|dollars?|dólares|dolares|dollari|chf|franken|francs?|francos|"
                       r"franchi|pfund|livres?|libras?|sterline?|pounds?|usd|gbp|reais|real)(?![^\W\d_])|[$€£]",
                       re.IGNORECASE)  # fmt: skip
_GAP = re.compile(r"\s*|(?P<of>\s+(?:de\s+|d['’]\s*))")
_ENGLISH = re.compile(r"dollars?|\$|usd|pounds?|£|gbp", re.IGNORECASE)
_FIGURE_BEFORE = re.compile(r"(?<![\d.,])(\d+(?:[.,]\d+)?)\s*$")
# "ein paar tausend Euro", "quelques mille euros": a guessed figure is worse than none.
_VAGUE = re.compile(r"\b(?:paar|einige|mehrere|quelques|plusieurs|algunos|algunas|varios|varias|alguns|algumas|"
                    r"vários|várias|alcuni|alcune|parecchi|enkele|meerdere|paio)\s+$", re.IGNORECASE)  # fmt: skip
# English words that a "million" after them belongs to: "one million euros", "a million dollars" are read
# by rules/number_words.py.
_ENGLISH_BEFORE = re.compile(r"\b(?:one|two|three|four|five|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|"
                             r"forty|fifty|sixty|seventy|eighty|ninety|hundred|a|an|half|few|couple|many)[\s-]+$",
                             re.IGNORECASE)  # fmt: skip
_WORD = re.compile(r"(?<![^\W\d_])[^\W\d_]+(?:-[^\W\d_]+)*")
_MOST_WORDS = 6


def _value(words: str) -> float | None:
    """The number a run of number words names, or None when any part is no number word."""
    letters = re.sub(r"[\s-]+", "", words.lower())
    tokens: list[str] = []
    while len("".join(tokens)) < len(letters):
        found = _TOKEN.match(letters, len("".join(tokens)))
        if not found:
            return None
        tokens.append(found.group(0))
    if not tokens or tokens[0] in _JOINS or tokens[-1] in _JOINS:
        return None
    total, current = 0.0, 0.0
    for token in tokens:
        if token in _ADDS:
            current += _ADDS[token]
        elif token in _HUNDREDS:
            current = (current or 1) * 100
        elif token in _SCALES:
            total, current = total + (current or 1) * _SCALES[token], 0.0
    return total + current or None


def spelled_sums(text: str) -> tuple[str, dict[str, str]]:
    """The text with each sum spelled in another language as digits, and each one's words by its digits."""
    said: dict[str, str] = {}
    pieces, last = [], 0
    for currency in _CURRENCY.finditer(text):
        words = [*_WORD.finditer(text, max(last, currency.start() - 80), currency.start())][-_MOST_WORDS:]
        if words and words[-1].group(0).lower() in ("de", "d"):
            words.pop()
        gap = _GAP.fullmatch(text, words[-1].end(), currency.start()) if words else None
        if not gap:
            continue
        end = words[-1].end()
        for word in words:  # the longest run of number words that ends at the currency
            run = text[word.start() : end]
            near = max(0, word.start() - 40)
            said_before = _VAGUE.search(text, near, word.start()) or _ENGLISH_BEFORE.search(text, near, word.start())
            value = None if re.search(r"[^\w\s-]", run) or said_before else _value(run)
            if value is None:
                continue
            start = word.start()
            figure = _FIGURE_BEFORE.search(text, max(last, start - 40), start)  # "20 mil euros", "3 Millionen Euro"
            if figure:
                if run.lower() not in _SCALES or (run.lower() == "mil" and _ENGLISH.match(currency.group(0))):
                    break  # "$5 mil", "5 mil dollars": the English "mil" is a million (rules/extract_money.py)
                start, value = figure.start(), written_number(figure.group(1)) * _SCALES[run.lower()]
            digits = f"{value:.0f}" if value == int(value) else f"{value:g}"
            of = gap.group("of") is not None  # "un millón de euros" is read as "1000000 euros"
            pieces += [text[last:start], digits + (" " if of else "")]
            said[digits], last = text[start : currency.start() if of else end].rstrip(), currency.start() if of else end
            break
    return "".join([*pieces, text[last:]]), said
