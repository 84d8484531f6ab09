"""The language a message is written in, when it is not English. The rules read English; a message in
Spanish or German is read only where its figures and names happen to match, so the advisor says so
rather than rank on what it silently missed. Pure: counts of each language's commonest short words."""

from __future__ import annotations

import re


def _words(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


# Words that are frequent in one language and rare in English text (so "a", "in", "die" are left out).
_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "Spanish": _words(
        "el la los las del al que y es por para con una unos unas lo se su sus como pero más "
        "muy nuestro nuestra nuestros necesitamos queremos tenemos hay están deben al día mes"
    ),
    "French": _words(
        "le la les des du et est pour une avec dans sur nous notre nos vous sont pas que qui "
        "doit doivent être avons voulons besoin par jour mois"
    ),
    "German": _words(
        "der das und ist nicht mit für ein eine einen wir unser unsere unseren sind auch auf "
        "werden müssen soll sollen brauchen wollen haben pro tag monat im zu den dem"
    ),
    "Portuguese": _words(
        "o os as da do das dos que e é para com uma um não em no na nos nossa nosso "
        "precisamos queremos temos devem ficar por dia mês"
    ),
    "Italian": _words(
        "il lo gli della del delle che e è per con una un non nel nella nostro nostra "
        "abbiamo vogliamo devono restare al giorno mese sono"
    ),
    "Dutch": _words(
        "de het een en is van voor met niet wij we onze ons zijn moet moeten willen hebben per dag maand ook op"
    ),
}
_ENGLISH = _words(
    "the and of to is for with our we are it this that be must need have per day month "
    "about an on not from can should would will they you"
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def written_in(text: str) -> str | None:
    """The language most of the message is in ("Spanish"), or None for English or too few words to tell."""
    words = [word.lower() for word in _WORD.findall(text)]
    english = sum(word in _ENGLISH for word in words)
    counts = {language: sum(word in vocabulary for word in words) for language, vocabulary in _FUNCTION_WORDS.items()}
    language, count = max(counts.items(), key=lambda item: item[1])
    # At least four of its words, and more of them than of English's: a Spanish place name or "por favor"
    # in an English message is not a Spanish message.
    return language if count >= 4 and count > 1.5 * english else None
