"""Round eleven, written by the lead: a period word of another language that opens its sentence, before
the figure ("Pro Tag etwa 150 Berichte"), and the German day ("Tag") that is no tagging task."""

from __future__ import annotations

import pytest

from agent.advisor.rules.extract import extract


@pytest.mark.parametrize(
    ("text", "per_day"),
    [
        ("Wir sind ein Logistiker. Pro Tag etwa 400 Lieferscheine.", 400),
        ("Somos una clínica en Lima. Al mes unas 6.000 consultas de pacientes.", 200),
        ("Par semaine: environ 700 demandes de nos clients.", 100),
        ("Siamo a Torino. Al giorno circa 250 richieste, quasi tutte in italiano.", 250),
        ("Startup em Recife. Por dia cerca de 1.200 mensagens no WhatsApp.", 1200),
    ],
)
def test_a_period_before_its_figure_reads_as_a_volume(text, per_day):
    got = extract(text).fields.get("requests_per_day")
    assert got == pytest.approx(per_day, rel=0.01)


@pytest.mark.parametrize(
    "text",
    [
        "Pro Tag, wenn es gut läuft, vielleicht.",  # no figure after the period
        "Budget 2.000 € pro Monat.",  # money, read as money, not as a volume
    ],
)
def test_a_period_with_no_count_after_it_is_no_volume(text):
    assert "requests_per_day" not in extract(text).fields


@pytest.mark.parametrize("text", ["Wir schreiben 90 Berichte pro Tag.", "Am Tag kommen etwa 300 Anfragen rein.",
                                  "Jeden Tag 80 Protokolle aus der Werkstatt."])  # fmt: skip
def test_the_german_day_is_no_tagging_task(text):
    assert extract(text).fields.get("task") != "classification"


@pytest.mark.parametrize("text", ["we tag every incoming ticket by product", "Tag support emails by urgency"])
def test_tagging_in_english_is_still_classification(text):
    assert extract(text).fields.get("task") == "classification"
