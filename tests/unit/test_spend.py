"""The spend cap: above it (or with no price) a trial runs only on the second ask for the same prompt."""

from __future__ import annotations

from agent.trials.spend import SpendGuard


def test_under_the_cap_every_ask_runs():
    guard = SpendGuard(cap_usd=0.50)
    check = guard.check(0.0123)
    assert not check.needs_consent and check.shown == "at most $0.012300"
    assert guard.allows(check, "hello") and guard.allows(check, "hello")


def test_above_the_cap_the_first_ask_is_refused_and_the_second_for_the_same_prompt_runs():
    guard = SpendGuard(cap_usd=0.50)
    check = guard.check(1.024)
    assert check.needs_consent
    assert (
        check.warning
        == "Estimated cost $1.0240 is above the $0.50 cap (TRADEOFF_SPEND_CAP_USD). Press Run again to spend it."
    )
    assert not guard.allows(check, "write an essay")
    assert guard.allows(check, "write an essay")
    assert not guard.allows(check, "write two essays")  # another prompt asks again


def test_exactly_at_the_cap_needs_no_consent():
    assert not SpendGuard(cap_usd=0.50).check(0.50).needs_consent


def test_an_unknown_price_needs_consent_and_says_why():
    guard = SpendGuard(cap_usd=0.50)
    check = guard.check(None)
    assert check.needs_consent and check.shown == "unknown (a model has no price)"
    assert check.warning.startswith("Estimated cost is unknown (TRADEOFF_SPEND_CAP_USD).")
    assert not guard.allows(check, "hi") and guard.allows(check, "hi")


def test_a_zero_cap_asks_before_any_paid_run_but_not_a_free_one():
    guard = SpendGuard(cap_usd=0.0)
    assert guard.allows(guard.check(0.0), "hi")
    assert not guard.allows(guard.check(0.000001), "hi")
