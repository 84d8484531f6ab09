"""An edit the panel makes that no requirement can hold is refused in the panel's words, and changes nothing."""

from __future__ import annotations

import pytest


def test_an_edit_out_of_range_is_refused_in_the_panels_words(advisor):
    first = advisor.turn("Code review bot, 500 PRs a day, nothing sensitive", None)
    with pytest.raises(ValueError, match=r"^requests/day: it can be at most 10,000,000,000$"):
        advisor.edit_requirement(first.session, "requests_per_day", 1e12)
    with pytest.raises(ValueError, match=r"^budget \$/month: it can't be less than 0$"):
        advisor.edit_requirement(first.session, "budget_usd_month", -5)
    assert advisor.state(first.session).requirements["requests_per_day"] == 500  # nothing was applied
