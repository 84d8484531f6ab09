"""Multi-turn conversations written by a stranger who never saw the advisor (issue #14): after each
turn, requirements that must hold, questions that must change nothing, fields that must not be set,
and answers that must be a definition, a computed saving, a why-not or a verdict.

Honesty note. tests/data/conversations_heldout_2.jsonl (30 conversations, 153 checks) was written by a
helper session that read none of the code. Scored through the real advisor as `tradeoff ask` builds it
(BM25 over the course, no embedder): 104/153 = 68% on main before issue #14's work; 109/153 = 71% with
the answers branch; 135/153 = 88% with the graph and extraction branches, before the lead read its misses. The lead then
read the misses and fixed two general classes (a yes/no question carrying the job's figures states
them; a change of mind followed by its reason drops what it names and what depended on it), so it is
a development set now: 146/153 = 95% after. Run `python -m tests.unit.test_conversations_heldout` for
every failed check.

conversations_heldout_3.jsonl (24 conversations, 136 checks) and _4 (16, 109) were written by two more
helper sessions that read no code, kept outside the repo while the fourth round of rules was written,
and scored only in aggregate, never read: set 3 106/136 = 78% on main at 1eb4b23, 118/136 = 87% after
(questions that must change nothing 23/23, verdicts 3/3, why-not 3/3, definitions 7/10); set 4 89/109 =
82% before, 95/109 = 87% after. Their floors sit just under those untouched figures.

2026-12-02: two more sets by helpers that read no code. conversations_dev_5.jsonl (22 conversations, 146
checks): 122/146 = 84% untouched at 5168c8c, 126/146 = 86% after rounds six and seven (still unread), then
read: 130/146 = 89% (its misses: a change of mind that also states the new lock, a side question beside a
remark taking the pending question's default). conversations_heldout_6.jsonl (20, 149), never read:
127/149 = 85% at 366e051, the same after round eight. Sets 3 and 4 at the end of the day: 121/136 = 89%,
98/109 = 90%.

Round nine (second session of 2026-12-02): conversations_dev_7.jsonl (20, 151 checks) 126/151 = 83%
untouched at d79e1f8, read, 138/151 = 91% after (terse replies read as the asked field: "900 a month" to
the budget question, "uk" alone; "what is that?" after a named term; the difference between two terms;
a model described as cheap is no priority; a new count of the members a volume multiplied).
conversations_heldout_8.jsonl (20, 157), never read: 129/157 = 82% at d79e1f8, 132/157 = 84% after. Set 6
at the end: 126/149 = 85%.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

import pytest

from agent.advisor.factory import make_advisor
from agent.advisor.sessions import Advisor
from agent.settings import Settings
from knowledge.base import KnowledgeBase
from tests.conftest import TODAY
from tests.unit.test_extract_generalises import OTHER_NUMBERS, TOLERANCE

CONVERSATIONS = Path(__file__).parents[1] / "data" / "conversations_heldout_2.jsonl"
FLOOR = 0.93  # measured 146/153 once the misses were read: a regression floor, not a claim
# Sets scored untouched (their misses unread when the figure was taken): floors, not claims.
# Set 9: 141/164 = 0.8598 when first scored, never read. Set 10 (round ten): 132/157 = 84.1% untouched at
# c9bcd0a, 134/157 = 85.4% after round ten; never read. Set 11, written after round ten (its brief named
# "our traffic doubled" and "make it 3x" as changes of mind to include): 142/163 = 87.1% at f7ac779, never read.
UNTOUCHED_FLOORS = {"conversations_heldout_3.jsonl": 0.85, "conversations_heldout_4.jsonl": 0.85,
                    "conversations_heldout_6.jsonl": 0.83, "conversations_heldout_8.jsonl": 0.82,
                    "conversations_heldout_9.jsonl": 0.85,
                    "conversations_heldout_10.jsonl": 0.84, "conversations_heldout_11.jsonl": 0.86}  # fmt: skip
# Read once scored (their misses became rules): regression floors.
READ_FLOORS = {"conversations_dev_5.jsonl": 0.87, "conversations_dev_7.jsonl": 0.88,
               "conversations_dev_12.jsonl": 0.91,  # side questions: 149/171 untouched, read, 158/171 after
               "conversations_dev_13.jsonl": 0.93}  # round eleven: 151/177 untouched, read, 168/177 after
# What each kind of answer must show, beyond the words the check names.
ANSWER_SHAPE = {
    "definition": re.compile(r"\b(?:is|are|means|measures|refers to)\b", re.I),
    "saving": re.compile(r"\$\s?\d|\d\s?%"),
    "why_not": re.compile(r"\b(?:because|eliminat|out\b|costs?|ranks?|constraint|requires?|needs?)", re.I),
    "verdict": re.compile(r"\bverdict\b", re.I),
}
UNSET = (None, [], "none", False)


def _holds(name: str, expected: Any, requirements: dict[str, Any]) -> bool:
    if name == "priority":
        weights = requirements.get("priorities") or {}
        return bool(weights) and max(weights, key=weights.get) == expected
    got = requirements.get(name)
    if isinstance(expected, list):
        return got is not None and {str(v).lower() for v in expected} <= {str(v).lower() for v in got}
    if isinstance(expected, bool) or not isinstance(expected, int | float):
        return got == expected
    if isinstance(got, bool) or not isinstance(got, int | float):
        return False
    return abs(got - expected) <= TOLERANCE.get(name, OTHER_NUMBERS) * abs(expected) + 1e-9


def _passes(check: dict[str, Any], requirements: list[dict[str, Any]], answers: list[str]) -> bool:
    turn = check["after_turn"]
    now = requirements[turn]
    if "fields" in check:
        return all(_holds(name, value, now) for name, value in check["fields"].items())
    if "unchanged" in check:
        return now == (requirements[turn - 1] if turn else {})
    if "absent" in check:
        return all(now.get(name) in UNSET for name in check["absent"])
    text = answers[turn]
    shape = ANSWER_SHAPE[check["answer"]].search(text[:400] if check["answer"] == "definition" else text)
    return bool(shape) and all(word.lower() in text.lower() for word in check.get("mentions", []))


def score(advisor: Advisor, path: Path = CONVERSATIONS) -> tuple[int, int, list[str]]:
    """(checks passed, checks made, one line per failure) over a set of conversations."""
    passed = made = 0
    failures = []
    for line in path.read_text().splitlines():
        conversation = json.loads(line)
        session, requirements, answers = None, [], []
        for turn in conversation["turns"]:
            result = advisor.turn(turn, session)
            session = result.session
            requirements.append(result.as_json()["requirements"])
            answers.append(result.answer)
        for check in conversation["checks"]:
            made += 1
            if _passes(check, requirements, answers):
                passed += 1
            else:
                said = conversation["turns"][check["after_turn"]]
                failures.append(f"{conversation['name']} turn {check['after_turn']}: {check} | {said}")
    return passed, made, failures


def ask_advisor() -> Advisor:
    """The advisor as `tradeoff ask` builds it: the course searched with BM25, no embedder loaded."""
    settings = Settings()
    return make_advisor(settings, KnowledgeBase(settings.index_dir), TODAY)


@pytest.fixture
def advisor():
    advisor = ask_advisor()
    yield advisor
    advisor.close()


def test_a_strangers_conversations_are_understood(advisor):
    passed, made, failures = score(advisor)
    assert passed / made >= FLOOR, "\n".join(failures)


@pytest.mark.parametrize("name", sorted(UNTOUCHED_FLOORS))
def test_more_strangers_conversations_hold_their_untouched_figure(advisor, name):
    passed, made, failures = score(advisor, CONVERSATIONS.parent / name)
    assert made >= 100
    assert passed / made >= UNTOUCHED_FLOORS[name], "\n".join(failures)


@pytest.mark.parametrize("name", sorted(READ_FLOORS))
def test_read_conversations_hold_their_figure(advisor, name):
    passed, made, failures = score(advisor, CONVERSATIONS.parent / name)
    assert passed / made >= READ_FLOORS[name], "\n".join(failures)


def test_the_scorer_fails_a_question_that_changed_something():
    """A scorer that passes everything proves nothing."""
    check = {"after_turn": 1, "unchanged": True}
    assert not _passes(check, [{"task": "chat"}, {"task": "chat", "privacy": "self-hosted"}], ["", ""])
    assert not _passes({"after_turn": 0, "answer": "verdict", "mentions": ["flash"]}, [{}], ["| a | b |"])


if __name__ == "__main__":  # point TRADEOFF_DATA_DIR somewhere disposable first
    board = ask_advisor()
    ok, total, missed = score(board, Path(sys.argv[1]) if len(sys.argv) > 1 else CONVERSATIONS)
    board.close()
    print(f"{ok}/{total} = {ok / total:.0%}", *missed, sep="\n")
