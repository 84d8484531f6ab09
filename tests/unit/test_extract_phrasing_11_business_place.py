"""Round eleven (the lead): where the user or the business is ("we're located in Nairobi") is no lock on
where data must stay; where the data, servers or model must be still is."""

from __future__ import annotations

import pytest

from agent.advisor.rules.extract import extract


@pytest.mark.parametrize(
    "text",
    [
        "Hi, we're located in Accra and need a cheap FAQ bot for our shop.",
        "I am based in Lisbon, building a side project that writes cover letters.",
        "We are a small agency located in Vienna; clients want blog drafts.",
        "Our company is based in Seoul and we want to summarise meeting notes.",
        "Based in Montreal, our team builds scheduling software for clinics.",
        "We run our business in Manila and Cebu, mostly chat support.",
    ],
)
def test_where_the_business_is_locks_no_region(text):
    fields = extract(text).fields
    assert fields.get("privacy") != "region-locked", fields
    assert not fields.get("regions"), fields


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("Customer data must be located in Austria.", "at"),
        ("The servers have to be located in Canada, that's non-negotiable.", "ca"),
        ("We're located in France and our data must stay in France.", "fr"),
        ("everything has to be hosted in Japan", "jp"),
    ],
)
def test_where_the_data_must_be_still_locks_it(text, region):
    fields = extract(text).fields
    assert fields.get("privacy") == "region-locked" and region in fields.get("regions", []), fields


@pytest.mark.parametrize("text", ["We're on GCP in Belgium right now, but data can go anywhere.",
                                  "We are on Azure in Sweden today; we want a summariser."])  # fmt: skip
def test_the_cloud_region_the_user_is_on_is_no_lock(text):
    assert extract(text).fields.get("privacy") != "region-locked"


def test_a_cloud_region_that_is_required_still_locks():
    fields = extract("Legal only allows AWS in Tokyo for this.").fields
    assert fields.get("privacy") == "region-locked" and "jp" in fields.get("regions", [])
