"""Round nine, places and sizes: alternatives of places, our own premises' country, self-hosting said in
plain words, a preference that is no requirement, privacy waived, a regime ruled out, and sizes said as
limits, bare figures, items compared together, a context floor. Variants of our own, never the users'."""

from __future__ import annotations

import pytest

from agent.advisor.rules.extract import extract


def _fields(text: str) -> dict:
    return extract(text).fields


@pytest.mark.parametrize(
    ("text", "regions"),
    [
        ("Our buyers are in Germany and Austria; hosting in either is fine.", ["de", "at"]),
        ("UK + Ireland clinics, ok to store in either one.", ["uk", "ie"]),
        ("Clients in Singapore and Japan. Either region works for us.", ["sg", "jp"]),
        ("Users across Brazil & Mexico, fine to run in either.", ["br", "mx"]),
        ("Data may be hosted in Australia, though New Zealand would also be fine.", ["au", "nz"]),
        ("Preferably the data is hosted in Canada, but US hosting is acceptable too.", ["ca", "us"]),
        ("Records must stay in Switzerland; Germany would be an option.", ["ch", "de"]),
        ("Everything must be processed in Aotearoa or the UK.", ["nz", "uk"]),
        ("It must be hosted in Türkiye.", ["tr"]),
    ],
)
def test_a_choice_of_places_locks_to_each_of_them(text, regions):
    found = _fields(text)
    assert found["privacy"] == "region-locked"
    assert found["regions"] == regions


@pytest.mark.parametrize(
    ("text", "regions"),
    [
        ("Keep it in ca-central-1 only.", ["ca"]),
        ("Must run from ap-southeast-2 (Sydney).", ["au"]),
        ("us-west-2 only, please", ["us"]),
        ("Has to be Azure UK South.", ["uk"]),
        ("Our tenant is pinned to westus2.", ["us"]),
        ("Deploy in europe-west4", ["eu"]),  # the EU's names were always read as residency
    ],
)
def test_a_clouds_own_region_name_is_a_place(text, regions):
    found = _fields(text)
    assert found["privacy"] == "region-locked"
    assert found["regions"] == regions


def test_a_region_name_with_a_lock_word_is_quoted_with_it():
    assert extract("everything us-east only").evidence["privacy"] == "us-east only"


@pytest.mark.parametrize(
    "text",
    [
        "Our app runs on AWS us-east-1 today, latency matters.",  # where it runs, not a requirement
        "We have offices in Norway and Finland.",  # places, no choice of hosting
        "Could we host in either the US or Canada?",  # a question
        "Our team is in the UK. Hosting in either would be weird.",  # one place only
        "North Korea is not a market for us.",
    ],
)
def test_places_without_a_lock_lock_nothing(text):
    assert "regions" not in _fields(text)


def test_a_place_ruled_out_is_not_granted():
    found = _fields("Hosting in Canada. US hosting is not acceptable.")
    assert found["regions"] == ["ca"]


def test_a_negation_that_said_its_own_thing_does_not_reach_the_lock():
    found = _fields("No logging of prompts, processing strictly within Belgium or the EU.")
    assert found["privacy"] == "region-locked"
    assert found["regions"] == ["be", "eu"]
    assert _fields("Zero retention, data processed only inside the EU.")["privacy"] == "region-locked"
    assert "regions" not in _fields("It must not be processed in the EU.") or _fields(
        "It must not be processed in the EU."
    )["regions"] != ["eu"]


@pytest.mark.parametrize(
    ("text", "regions"),
    [
        ("The model must be self-hosted in our own data centre in Canada.", ["ca"]),
        ("We run on-prem in Switzerland and nothing touches the internet.", ["ch"]),
        ("Everything runs on our own servers in Sweden, fully air-gapped.", ["se"]),
        ("On-premises only, in our Japanese data center.", ["jp"]),
    ],
)
def test_self_hosting_takes_the_country_of_its_premises(text, regions):
    found = _fields(text)
    assert found["privacy"] == "self-hosted"
    assert found["regions"] == regions
    assert any(place in extract(text).evidence["regions"].lower() for place in ("canada", "switzerland", "sweden",
                                                                               "japanese"))  # fmt: skip


def test_self_hosting_for_customers_somewhere_names_no_premises():
    found = _fields("We self-host the model for customers in the US.")
    assert found["privacy"] == "self-hosted"
    assert "regions" not in found


@pytest.mark.parametrize(
    "text",
    [
        "Fully local, no cloud, our patients' recordings never leave the clinic's machines.",
        "It's a hobby thing: everything local, nothing in somebody's datacenter.",
        "I don't want the footage leaving my home network.",
        "no cloud at all, it's for a bank vault",
        "Models get served from our own Kubernetes cluster.",
        "open weights, deployed inside our own GCP VPC",
        "The assistant must be local-only.",
    ],
)
def test_self_hosting_in_plain_words(text):
    found = extract(text)
    assert found.fields["privacy"] == "self-hosted"
    assert found.fields["open_weights"] is True


@pytest.mark.parametrize(
    "text",
    [
        "I'd prefer self-hosting, but legal is OK with a cloud provider under a DPA, so it's not a hard requirement.",
        "Ideally on-prem, though we're fine with a managed API.",
        "We lean towards self-hosting for this.",
        "Our own servers would be nice. That's not a hard requirement though.",
        "We can't leave customers waiting more than two seconds.",
        "Don't leave anything out of the summary.",
        "We have no cloud experience in the team.",
        "Our own infrastructure team will wire it up.",
        "Nothing may leave the country.",  # a country lock, not our premises
        "Everything local time, please: timestamps in CET.",
    ],
)
def test_a_preference_or_another_meaning_is_no_self_hosting(text):
    found = _fields(text)
    assert found.get("privacy") != "self-hosted"
    assert "open_weights" not in found


def test_a_stated_self_hosting_beside_a_preference_for_something_else_holds():
    assert _fields("We'd prefer Mistral, but everything must run on-prem.")["privacy"] == "self-hosted"


@pytest.mark.parametrize(
    "text",
    [
        "Honestly we don't really care about privacy here, it's all scraped from public forums.",
        "Not worried about data privacy at all for this one.",
        "Privacy doesn't matter, these are our published press releases.",
        "The blog drafts will be public anyway.",
        "Privacy is a non-issue.",
    ],
)
def test_privacy_waived_is_stated_as_none(text):
    found = extract(text)
    assert found.fields["privacy"] == "none"
    assert "inferred" not in found.evidence["privacy"]


@pytest.mark.parametrize(
    "text",
    [
        "I don't care about price; privacy is what matters most.",
        "Does privacy matter for a chatbot like this?",
        "We don't care about latency.",
    ],
)
def test_other_things_waived_say_nothing_of_privacy(text):
    assert _fields(text).get("privacy") != "none"


@pytest.mark.parametrize(
    "text",
    [
        "Claims are anonymised per HIPAA Safe Harbor before we see them; HIPAA does not apply.",
        "The notes were de-identified under HIPAA's Expert Determination method.",
        "HIPAA is out of scope for us.",
        "Patient data is de-identified before it reaches our pipeline.",
        "Since the files are HIPAA-de-identified, HIPAA isn't relevant here, but the PHI fields are gone anyway.",
    ],
)
def test_a_regime_ruled_out_or_only_a_way_to_deidentify_is_not_required(text):
    assert "hipaa" not in _fields(text).get("compliance", [])


@pytest.mark.parametrize(
    ("text", "regime"),
    [
        ("We need HIPAA compliance; GDPR doesn't apply since we're US-only.", "hipaa"),
        ("Hospital discharge notes, HIPAA applies.", "hipaa"),
        ("We don't store patient data, but we need HIPAA compliance for the transcripts.", "hipaa"),
        ("SOC 2 required; HIPAA is not relevant.", "soc2"),
    ],
)
def test_a_regime_stated_beside_another_ruled_out_is_kept(text, regime):
    found = _fields(text)
    assert regime in found["compliance"]
    if "GDPR doesn't" in text:
        assert "gdpr" not in found["compliance"]
    if "HIPAA is not" in text:
        assert "hipaa" not in found["compliance"]
