"""Round ten, places and privacy: a place ruled out beside the one allowed, a place that does not satisfy
the lock, a lock said in another tongue or in plain English, a hedged wish, open weights ruled in or out in
words, and no connectivity where it runs. Variants of our own, never the users'."""

from __future__ import annotations

import pytest

from agent.advisor.rules.extract import extract


def _fields(text: str) -> dict:
    return extract(text).fields


@pytest.mark.parametrize(
    ("text", "regions"),
    [
        ("By contract nothing may touch a US-based cloud; the data stays in Canada.", ["ca"]),
        ("Data can't be stored on US servers - it must remain in Australia.", ["au"]),
        ("Never hosted on American providers, keep everything in Switzerland please", ["ch"]),
        ("Nothing goes to EU data centres. Records have to be kept in the UK.", ["uk"]),
        ("Our customers are in Japan; nothing should reach US endpoints. Must stay in Japan.", ["jp"]),
    ],
)
def test_a_place_ruled_out_beside_the_place_allowed_is_not_a_region(text, regions):
    found = _fields(text)
    assert found["privacy"] == "region-locked"
    assert found["regions"] == regions


@pytest.mark.parametrize(
    ("text", "regions"),
    [
        ("Legal needs UK data residency; EU hosting doesn't satisfy it.", ["uk"]),
        ("GDPR applies. Data must stay in the UK, not just \"anywhere in the EU\".", ["uk"]),
        ("We need Swiss hosting only; the EU won't cut it.", ["ch"]),
        ("Records have to remain in Germany, any EU region isn't enough.", ["de"]),
        ("Keep it in France - an EU region would not qualify.", ["fr"]),
    ],
)
def test_a_place_that_does_not_satisfy_the_lock_is_not_a_region(text, regions):
    found = _fields(text)
    assert found["privacy"] == "region-locked"
    assert found["regions"] == regions


@pytest.mark.parametrize(
    ("text", "regions"),
    [
        ("We serve customers not just in the EU but also in the US; data must stay in the EU.", ["eu"]),
        ("Data must not leave EU servers.", ["eu"]),
        ("Hosting in Canada is required; US hosting would also be fine.", ["ca", "us"]),
    ],
)
def test_a_place_named_without_ruling_it_out_still_counts(text, regions):
    assert _fields(text)["regions"] == regions


@pytest.mark.parametrize(
    ("text", "regions"),
    [
        ("Small agency near Lyon, ~2k requests a day. Hébergement en France obligatoire.", ["fr"]),
        ("Daten müssen in Deutschland bleiben, about 40k tokens per request.", ["de"]),
        ("Hosting in Deutschland ist Pflicht for our clients.", ["de"]),
        ("Los datos deben quedarse en México.", ["mx"]),
        ("I dati devono restare nell'UE, about 300 requests per day.", ["eu"]),
        ("Les données doivent rester dans l'UE.", ["eu"]),
        ("Die Daten dürfen nicht außerhalb der EU verarbeitet werden.", ["eu"]),
        ("Unsere Daten dürfen Deutschland nicht verlassen.", ["de"]),
        ("Les données ne doivent pas quitter la France.", ["fr"]),
        ("We're a Polish company, ca. 1.500 Anfragen a day. Data in EU is mandatory for us.", ["eu"]),
        ("Hosting within Canada is a must.", ["ca"]),
        ("Must deploy inside mainland China.", ["cn"]),
        ("It has to be deployed in Japan.", ["jp"]),
        ("Swiss hosting mandatory.", ["ch"]),
        ("nothing may leave Mexico", ["mx"]),
    ],
)
def test_a_lock_in_another_tongue_or_plain_words(text, regions):
    found = _fields(text)
    assert found["privacy"] == "region-locked"
    assert found["regions"] == regions


@pytest.mark.parametrize(
    "text",
    [
        "Wir sind in Deutschland und brauchen schnelle Antworten.",  # where we are, no obligation
        "Our servers in Germany must be fast.",  # English obligation of speed, not of place
        "Our office is in France; we need a chatbot for the machine learning team.",  # "machine" is no China
        "Server in Frankreich, das ist alles.",
        "We deployed in the US last year, latency is fine.",  # where it ran, not a requirement
        "Our users are in the EU and it is mandatory that answers are fast.",
    ],
)
def test_places_without_a_lock_in_any_tongue_lock_nothing(text):
    found = _fields(text)
    assert found.get("privacy") != "region-locked"
    assert "regions" not in found


def test_a_place_denied_in_another_tongue_is_not_the_lock():
    assert _fields("Daten nicht in den USA speichern, bitte nur in der EU.")["regions"] == ["eu"]


@pytest.mark.parametrize(
    "text",
    [
        "self-hosting would be cool someday but not now",
        "We might go on-prem eventually; for now a hosted API is fine.",
        "On-prem would be neat down the road.",
        "Self-hosting? Not for now, maybe in a year.",
        "Our own servers at some point, but not yet.",
    ],
)
def test_self_hosting_wished_for_later_is_no_self_hosting(text):
    found = _fields(text)
    assert found.get("privacy") != "self-hosted"
    assert "open_weights" not in found


@pytest.mark.parametrize(
    "text",
    [
        "Everything must run on-prem, not yet decided which GPUs.",  # "not yet" of another thing
        "We need on-prem. Not negotiable.",
    ],
)
def test_self_hosting_required_now_stays(text):
    assert _fields(text)["privacy"] == "self-hosted"


@pytest.mark.parametrize(
    "text",
    [
        "Would prefer they don't train on our data but it's not a hard requirement",
        "It would be nice if the vendor doesn't train on our prompts.",
        "Ideally no training on our data.",
        "We'd prefer our inputs are not used for training; that's optional though.",
    ],
)
def test_no_training_wished_for_is_no_requirement(text):
    assert _fields(text).get("privacy") != "no-training"


@pytest.mark.parametrize(
    "text",
    [
        "We're fine with a cloud API as long as they don't train on our data.",  # cloud fine, training not
        "No training on our data, full stop.",
        "They must not use our data for training.",
    ],
)
def test_no_training_required_stays(text):
    assert _fields(text)["privacy"] == "no-training"


@pytest.mark.parametrize(
    "text",
    [
        "GDPR applies (we're in Spain), but legal is fine with non-EU hosting under a DPA, so location doesn't matter",
        "We're a Dutch company under GDPR. Where the data is hosted doesn't matter to us.",
        "GDPR compliance needed; non-EU servers are acceptable with SCCs.",
        "GDPR, no data residency requirement.",
    ],
)
def test_gdpr_with_the_place_waived_locks_no_region(text):
    found = _fields(text)
    assert found["compliance"] == ["gdpr"]
    assert "regions" not in found
    assert found.get("privacy") != "region-locked"


@pytest.mark.parametrize(
    "text",
    [
        "GDPR applies and data must stay in the EU.",
        "GDPR applies. Data must stay in the EU; the region of the UI doesn't matter.",
    ],
)
def test_gdpr_with_a_lock_still_locks(text):
    found = _fields(text)
    assert found["privacy"] == "region-locked"
    assert found["regions"] == ["eu"]


@pytest.mark.parametrize(
    "text",
    [
        "Our legal team has vetoed open-weight models entirely, so it has to be a commercial API",
        "We do not want open-source models - security ruled them out",
        "Security banned open weights for this project.",
        "No open-source models, please; a vendor API with an SLA.",
        "Open-weight models are off the table for compliance reasons.",
        "We can't use open source LLMs here.",
        "Open-source models were rejected by procurement.",
    ],
)
def test_open_weights_ruled_out_are_false(text):
    found = extract(text)
    assert found.fields["open_weights"] is False
    assert "open_weights" not in found.inferred


def test_open_weights_ruled_out_beat_those_inferred_from_self_hosting():
    assert _fields("We run on-prem, but open-weight models are banned by legal.")["open_weights"] is False


@pytest.mark.parametrize(
    "text",
    [
        "open-source weights only, it's a legal requirement",
        "The model must be open source, we audit everything.",
        "Open weights required so we can fine-tune.",
        "We want open-source checkpoints we can inspect.",
    ],
)
def test_open_weights_asked_for_are_true(text):
    assert _fields(text)["open_weights"] is True


@pytest.mark.parametrize(
    "text",
    [
        "open weights not required",
        "We don't need open weights.",
        "It doesn't need to be open-source.",
        "We don't use open-weight models today, but we're open to it.",
        "Our product is an open-source project with 40k users.",
    ],
)
def test_open_weights_not_needed_or_about_the_user_stay_unset(text):
    assert "open_weights" not in _fields(text)


@pytest.mark.parametrize(
    "text",
    [
        "Inspectors use it at the mine and there's no connectivity on site.",
        "The tool runs on the factory floor and there is no internet connection",
        "The rig has no internet, so it must work there.",
        "Field techs on the farm: no cell coverage in the field.",
        "Our ships have zero connectivity offshore.",
        "The kiosk must work without an internet connection.",
        "The lab machines are not connected to the internet.",
    ],
)
def test_no_connectivity_where_it_runs_is_self_hosting(text):
    found = extract(text)
    assert found.fields["privacy"] == "self-hosted"
    assert found.fields["open_weights"] is True
    assert "open_weights" in found.inferred


@pytest.mark.parametrize(
    "text",
    [
        "our users have poor internet",
        "Our users have spotty connectivity, so keep answers short.",
        "The agent has no internet access for the model, it only reads our docs.",  # no web tool, not no link
        "No internet connection required for the user to read the cached answers.",
        "There's no connection between the two teams.",
        "There is no network effect here.",
        "There's no signal that users churn.",
    ],
)
def test_a_poor_link_or_another_meaning_is_no_self_hosting(text):
    assert _fields(text).get("privacy") != "self-hosted"


@pytest.mark.parametrize(
    "text",
    [
        "PHI never leaves our hands without a BAA",
        "Our PHI never leaves HIPAA-eligible services",
        "we use Bedrock so PHI never leaves AWS",
        "Patient records may not leave the vendor unless there's a signed BAA in place.",
    ],
)
def test_data_kept_with_a_covered_provider_is_no_self_hosting(text):
    assert _fields(text).get("privacy") != "self-hosted"


@pytest.mark.parametrize(
    "text",
    ["nothing leaves our building", "records must not leave our premises, no exceptions",
     "patient data must never leave our network"],
)
def test_data_kept_on_the_premises_is_self_hosting(text):
    assert _fields(text).get("privacy") == "self-hosted"
