"""A place lock said in German, French, Spanish or Italian inside a mostly English message ("Hébergement en
France obligatoire", "Daten müssen in Deutschland bleiben", "los datos deben quedarse en México"): what is
kept (the data, its hosting), where (a preposition of those tongues before a place, places.py names them)
and a word of obligation in the same sentence. English words of obligation are read by extract_privacy;
here only the other tongues' count, so "our servers in Germany must be fast" is no lock. Pure."""

from __future__ import annotations

import re
from collections.abc import Iterator

from agent.advisor.rules.places import PLACE
from agent.advisor.rules.size_units import sentence_bounds

_ARTICLE = r"(?:der\s+|den\s+|dem\s+|la\s+|le\s+|les\s+|l['’]\s*|el\s+|los\s+|il\s+|lo\s+)?"
_IN = r"(?:in|im|innerhalb(?:\s+(?:der|des|von))?|en|dans|au|aux|dentro\s+del?|nel|nella|nell['’]|entro)"
# "außerhalb der EU", "en dehors de l'UE", "fuera de la UE": outside, a lock when a negation keeps it in
_OUTSIDE = r"(?:außerhalb|ausserhalb|en\s+dehors\s+d[e'’]|hors\s+d[e'’]|fuera\s+del?|al\s+di\s+fuori\s+d\w*)"
_WHERE = r"(?<!\w)(?:" + _IN + "|" + _OUTSIDE + r")\s*" + _ARTICLE + PLACE
_WAY = re.compile(r"(?<!\w)(?:(?P<inside>" + _IN + r")|" + _OUTSIDE + r")\s*" + _ARTICLE + PLACE, re.I)
# What is kept there: the data, its hosting, storage or processing (English "hosting"/"server" too).
_KEPT = (r"\b(?:daten|hosting|server\w*|speicher\w*|gespeichert|verarbeit\w*|gehostet|rechenzent\w*|hébergement|"
         r"hébergé\w*|données|stockage|stocké\w*|traitement|trait[ée]\w*|serveurs?|datos|alojamiento|alojad\w*|"
         r"almacen\w*|servidores?|procesad\w*|dati|ospitat\w*|archiviat\w*|elaborat\w*)\b")  # fmt: skip
_CLAUSE = re.compile(_KEPT + r"[^.;!?\n]{0,50}?" + _WHERE + "|" + _WHERE + r"[^.;!?\n]{0,50}?" + _KEPT, re.I)
# The words of obligation or of staying put, none of them English.
_MUST = re.compile(r"\b(?:müssen|muss|bleiben|bleibt|pflicht\w*|zwingend|erforderlich|vorgeschrieben|nur|"
                   r"ausschließlich|obligatoire|impérati\w*|exigée?s?|requise?s?|doivent|doit|rester|restent|"
                   r"uniquement|seulement|obligatori[oa]s?|deben|debe|quedarse|permanecer|permanecen|únicamente|"
                   r"exclusivamente|devono|deve|restare|rimanere|rimangono|obbligatori[oa]|esclusivamente)\b",
                   re.I)  # fmt: skip
_NOT = re.compile(r"\b(?:nicht|nie|niemals|pas|jamais|no|nunca|non|mai)\b", re.I)
# "Daten dürfen Deutschland nicht verlassen", "ne doivent pas quitter la France": the place may not be left.
_NOT_LEAVE = re.compile(PLACE + r"\s+(?:\w+\s+)?nicht\s+verlassen|"
                        r"\b(?:ne|n['’])\s*\w+\s+(?:pas|jamais)\s+(?:\w+\s+)?quitter\s+" + _ARTICLE + PLACE + "|"
                        r"\bno\s+(?:\w+\s+)?salir\s+del?\s+" + _ARTICLE + PLACE + "|"
                        r"\bnon\s+(?:\w+\s+)?(?:lasciare|uscire\s+da\w*)\s+" + _ARTICLE + PLACE, re.I)  # fmt: skip


def foreign_locks(text: str) -> Iterator[re.Match[str]]:
    """Each clause that locks data to a place in another tongue; "nicht in den USA" locks to none."""
    yield from _NOT_LEAVE.finditer(text)
    for clause in _CLAUSE.finditer(text):
        start, end = sentence_bounds(text, clause.start())
        way = _WAY.search(text, clause.start(), clause.end())
        if way is None:
            continue
        denied = _NOT.search(text, max(start, way.start() - 12), way.start())  # "nicht in den USA"
        if way.group("inside"):
            if _MUST.search(text, start, end) and not denied:
                yield clause
        elif _NOT.search(text, start, end) or _MUST.search(text, start, end):
            yield clause  # "dürfen nicht außerhalb der EU verarbeitet werden": kept inside
