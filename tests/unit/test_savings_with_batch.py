"""With the batch API in the bill, every figure beside it bills the same way: the caching answer discounts
from the batch price, the self-hosting break-even compares with the batch bill, the cost line says so."""

from __future__ import annotations

import re

import pytest

from catalog.cost import self_host_break_even
from catalog.requirements import Requirements
from catalog.scoring import rank
from tests.conftest import TODAY

WORK = {"task": "summarization", "requests_per_day": 4_000, "input_tokens": 1_040, "output_tokens": 130}


def test_caching_on_a_batch_workload_names_the_batch_price(knowing_advisor):
    first = knowing_advisor.turn("We summarise 4,000 support tickets a day, each about 800 words, summaries ~100 "
                                 "words. Budget $1,500/month. Overnight is fine.", None)  # fmt: skip
    assert first.as_json()["requirements"]["batch_share"] == 1.0
    answer = knowing_advisor.turn("what would prompt caching save here?", first.session).answer
    line = next(line for line in answer.splitlines() if line.startswith("- Only input is discounted"))
    assert "(the batch price)" in line
    before, after = (float(x.replace(",", "")) for x in re.search(r"\$([\d,.]+) → \$([\d,.]+)", answer).groups())
    saved = float(re.search(r"save about \$([\d,.]+)/month", answer).group(1).replace(",", ""))
    assert abs(before - after - saved) <= 1  # the saving is the difference of the two bills shown


def test_the_break_even_bills_the_api_with_the_batch_share(catalog):
    api, hosted = catalog.get("gpt-4.1"), catalog.get("hosted_vllm/llama-3.3-70b-instruct")
    assert api.prices.input_batch is not None
    full = self_host_break_even(hosted, api, 1_040, 130, requests_per_month=120_000)
    batched = self_host_break_even(hosted, api, 1_040, 130, requests_per_month=120_000, batch_share=1.0)
    assert batched.api_monthly_usd == pytest.approx(full.api_monthly_usd / 2, rel=0.01)
    assert "100% through the batch API" in batched.assumptions[-1]


def test_the_shortlist_says_its_bill_holds_the_batch_price(catalog):
    ranked = rank(catalog, Requirements(**WORK, batch_share=1.0), TODAY).ranked
    item = next(item for item in ranked if item.model == "gpt-4.1")
    assert any(reason.startswith("cost: ") and "100% at the batch price" in reason for reason in item.reasons)
