"""Volumes written in other languages inside mostly-English text, turned into the English the volume
readers know: "1,5 milhão de mensagens por mês" reads as "1,5 million de mensagens per month", "900
consultas al mes", "Ca. 1.500 Anfragen pro Tag", "about 8千 messages every day" ("8k"). Only words after a
figure change ("par jour" in "2.000 demandes par jour"), or a period that opens its sentence and is
followed by the figure ("Pro Tag etwa 150 Berichte" reads as "etwa 150 Berichte per day"); accents are
folded letter for letter so the readers' letters match ("solicitações"). `original` puts the user's words
back into evidence. Pure."""

from __future__ import annotations

import functools
import re
import unicodedata

# Period words after a figure, accents folded: Portuguese, Spanish, French, German, Italian.
_PERIODS = {
    "day": r"por dia|al dia|ao dia|diari[oa]s|diariamente|cada dia|todos (?:los|os) dias|par jour|chaque jour|"
           r"quotidiennement|pro (?:werk)?tag|am tag|taglich|jeden tag|al giorno|ogni giorno|per giorno|al giorno",
    "week": r"por semana|a la semana|a semana|na semana|semanales|semanais|par semaine|chaque semaine|pro woche|"
            r"in der woche|wochentlich|a settimana|alla settimana|per settimana",
    "month": r"por mes|al mes|ao mes|no mes|cada mes|mensuales|mensais|mensualmente|mensalmente|par mois|"
             r"chaque mois|mensuellement|pro monat|im monat|monatlich|al mese|per mese|ogni mese",
    "hour": r"por hora|a la hora|par heure|pro stunde|all'ora",
    "year": r"por ano|al ano|ao ano|par an|par annee|pro jahr|im jahr|jahrlich|all'anno",
}  # fmt: skip
_SLASHED = {"dia": "day", "jour": "day", "tag": "day", "mes": "month", "mois": "month", "monat": "month",
            "semana": "week", "semaine": "week", "woche": "week", "hora": "hour", "heure": "hour", "ano": "year",
            "jahr": "year"}  # fmt: skip
_PERIOD = re.compile(r"(?<=\d)(?P<pre>[^\d.;!?\n]{0,40}?)(?<![\w'])(?P<p>"
                     + "|".join(f"(?P<{name}>{words})" for name, words in _PERIODS.items())
                     + r")(?![\w'])|(?<=\d)(?P<slash>\s?/\s?(?P<unit>" + "|".join(_SLASHED) + r"))(?![\w'])",
                     re.IGNORECASE)  # fmt: skip
# A period that opens its clause, then a figure and what it counts: "Pro Tag etwa 150 Berichte", "Al mes
# unas 900 consultas". Only where no figure came before it in the clause (those are read after the figure).
_APPROX = r"(?:etwa|ca\.?|circa|rund|ungefahr|gut|unas?|unos|aproximadamente|cerca\s+de|environ|quasi|about|around|~)"
_LEADING = re.compile(r"(?P<open>(?:^|(?<=[.;:!?\n]))\s*)(?P<p>"
                      + "|".join(f"(?P<{name}>{words})" for name, words in _PERIODS.items())
                      + r")\s*[,:]?\s+(?P<count>(?:" + _APPROX + r"\s*)?\d[\d.,']*\s*(?:k\b)?\s*[^\W\d_]+)",
                      re.IGNORECASE)  # fmt: skip
_MILLION = re.compile(r"(?<=\d)\s?(?:milh(?:ao|oes)|millon(?:es)?|millionen|mio\.?)(?![\w.])", re.IGNORECASE)
# "mil" is a thousand in Spanish and Portuguese, a million in English slang: a thousand only beside their words.
_THOUSAND = re.compile(r"(?<=\d)\s?(?:tausend|tsd\.?|mille)(?![\w.])", re.IGNORECASE)
_MIL = re.compile(r"(?<=\d)\s?mil(?=\s+(?:de\s+)?[a-z]+(?:es|as|os)\b)", re.IGNORECASE)
_CJK = re.compile(r"(?<![\d.,])(?P<n>\d+(?:\.\d+)?)\s?(?P<u>千|万|萬)")
_CJK_SCALE = {"千": 1e3, "万": 1e4, "萬": 1e4}


@functools.lru_cache(maxsize=4096)
def _fold(char: str) -> str:
    """The letter without its accent ("ç" -> "c"); a letter of one character stays one."""
    base = unicodedata.normalize("NFKD", char)
    return base[0] if len(base) > 1 and base[0].isascii() and all(unicodedata.combining(c) for c in base[1:]) else char


class Abroad:
    """A message with volume words of other languages written in English; `original` maps evidence back."""

    def __init__(self, text: str) -> None:
        folded = text if text.isascii() else "".join(_fold(c) for c in text)
        pairs = zip(re.findall(r"\S+", folded), re.findall(r"\S+", text), strict=True)  # folding keeps each word
        self._words = {w: o for w, o in pairs if w != o}
        self._said: list[tuple[str, str]] = []
        romance = False

        def period(match: re.Match[str]) -> str:
            nonlocal romance
            if match.group("slash"):
                return self._put(f" per {_SLASHED[match.group('unit').lower()]}", match.group("slash"))
            name = next(n for n in _PERIODS if match.group(n))
            romance = romance or not re.match(r"pro|am|im|in|jeden|tag|woch|monat|jahr", match.group("p"), re.I)
            return match.group("pre") + self._put(f"per {name}", match.group("p"))

        text = _MILLION.sub(lambda m: self._put(" million", m.group(0)), folded)  # "5 Mio. Anfragen"
        text = _PERIOD.sub(period, _THOUSAND.sub(lambda m: self._put(" thousand", m.group(0)), text))
        text = _LEADING.sub(self._leading, text)
        if romance:
            text = _MIL.sub(lambda m: self._put(" thousand", m.group(0)), text)
        self.text = _CJK.sub(self._cjk, text)

    def _put(self, english: str, said: str) -> str:
        if english != said:
            self._said.append((english, said))
        return english

    def _leading(self, match: re.Match[str]) -> str:
        name = next(n for n in _PERIODS if match.group(n))
        return match.group("open") + match.group("count") + self._put(f" per {name}", " " + match.group("p"))

    def _cjk(self, match: re.Match[str]) -> str:
        value = float(match.group("n")) * _CJK_SCALE[match.group("u")]
        return self._put(f"{value:.0f}", match.group(0))

    def original(self, evidence: str) -> str:
        """The evidence in the user's words."""
        for english, said in reversed(self._said):
            evidence = evidence.replace(english, said, 1)
        return re.sub(r"\S+", lambda m: self._words.get(m.group(0), m.group(0)), evidence)
