"""Field-by-field accuracy of the offline extractor on sets of first messages ({"text", "expect", "forbid"}).

Tolerances: requests_per_day within 10%, budget within 1%, token sizes within 20%, other numbers within
1%; a list passes when every expected item is present; a forbidden item must be absent, and a forbidden
null means the field must be absent. Every expected field and every forbid entry is one check.

Run `python -m tests.unit.test_extract_generalises [PATH ...]` for the per-field report and every miss;
`score_file(path)` gives the same figures for any set, so a held-out set is scored with this code.

Held-out figures to quote (issue #14). Two sets by strangers who never saw the rules, kept by the lead
away from the rules' authors for the whole of that work: first_messages_heldout_stranger_6.jsonl (50
messages) and first_messages_heldout_stranger_4.jsonl (60). Through the `tradeoff ask` path, fields read
(expects) and forbids respected:
  set 6   main before #14: 137/188 = 73%, forbids 53/72   after the three rounds: 163/188 = 87%, 66/72
  set 4   main before #14: 119/193 = 62%, forbids 37/62   after the three rounds: 158/193 = 82%, 56/62
With this file's scorer (expects and forbids as one count): set 6 230/260 = 88%, set 4 214/255 = 84%.
Set 6's misses were read by nobody before these figures; set 4's misses were read by the lead after the
first round, and its categories (regions beyond the EU and US) were named in the brief of the second,
so set 6 is the cleaner figure. Short of the 90% the issue asks for. Both are committed now, so from
here on they are development sets too; their floors below catch regressions.

Honesty note (issue #14). Each set tests/data/first_messages_dev_N.jsonl is ~40 messages of our own,
written after the rules that came before it and scored once *before* its misses were read; only then
did its misses become general rules, so every one of them is now a development set. Scores:

  set    written              old rules (main before #14)   these rules, untouched   after its misses
  dev_2  before any change    82/124 = 66%                  (built on it)            124/124
  dev_3  after dev_2          60/82  = 73%                  74/82 = 90%              82/82
  dev_4  after dev_3          44/59  = 75%                  51/59 = 86%              58/59
  dev_5  after dev_4          44/67  = 66%                  54/67 = 81%              66/67
  dev_6  after dev_5          39/66  = 59%                  54/66 = 82%              66/66
  dev_7  after dev_6          36/62  = 58%                  49/62 = 79%              61/62
  dev_8  after dev_7          49/72  = 68%                  61/72 = 85%              71/72
  dev_9  after dev_8          39/61  = 64%                  48/61 = 79%              60/61
  dev_10 after dev_9          46/71  = 65%                  56/71 = 79%              66/71

So on phrasing the rules had not seen, they read 79-90% of fields (the old ones 58-75%): short of the
90% issue #14 asks for. Still missed after the rounds: "a coding agent that opens pull requests" (read as
coding), "photos of delivery notes and we need the fields typed up" (vision, not extraction), "15,000
customers a month, each one conversation of about 6 messages" (500 a day, not 3,000), "descriptions
generated" for products and "release notes from commit messages" (no task), "1 in 20 of 12k customers
asks something each day" (no volume rather than 600), "250 tickets per shift, 3 shifts a day" (250).
The lead's held-out set, written by someone else, is the figure to quote.

A stranger's set (issue #14, second round). first_messages_dev_stranger_5.jsonl is 80 messages by someone
who never read the rules; its author converted foreign currencies at fixed rates, while we read EUR/GBP at
par and name no rate, so those budget checks stay missed. Scored untouched, on main at d016ee4, before
any rule was changed: 302/405 = 75% of checks (expects 225/309 = 73%, forbids 77/96). Per field:
batch_share 6/13, budget 9/21, compliance 10/11, input_tokens 20/22, languages 16/16, max_response_ms 6/6,
max_ttft_ms 14/14, min_context 4/4, needs 34/44, open_weights 5/7, output_tokens 12/20, priority 21/27,
privacy 18/29, regions 18/30, requests_per_day 54/67, task 55/74. Its misses then became general rules,
each shown on fresh variants of our own in test_extract_phrasing.py; after them: 383/405 = 95% (expects
287/309 = 93%, forbids 96/96): batch_share 13/13, budget 11/21, input_tokens 20/22, needs 44/44,
output_tokens 18/20, priority 27/27, privacy 29/29, regions 30/30, requests_per_day 59/67, task 74/74.
It is a development set now, so that figure claims nothing about unseen phrasing. Still missed: every
budget its author converted at a rate (EUR/GBP read at par, yen/reais/lakh/CAD read as no budget) and
nested products of volume ("12 warehouses, each with 30 pickers, 5 photos per shift, two shifts a day").

Third round: nested products became one reader whose units cancel (rules/volume_chain.py), shown on our own
variants in test_extract_volume_chain.py; that took stranger set 5 to 388/405 = 96%. Then a second stranger
set, first_messages_dev_stranger_7.jsonl (60 messages), was copied in and scored before any of its lines
were read: 275/314 = 88% (expects 206/237, forbids 69/77) on main at 1de566a, and the same 275/314, field
for field, with the volume chain added. Per field, untouched: batch_share 5/6, budget 15/19, compliance 5/5,
input_tokens 22/24, languages 13/13, max_response_ms 5/5, max_ttft_ms 3/4, min_context 1/3, needs 38/43,
open_weights 2/2, output_tokens 10/12, priority 28/32, privacy 20/20, regions 14/14, requests_per_day 51/60,
task 43/52. Its misses then became general rules with variants of our own in test_extract_phrasing_3.py
(priorities told as a trade, "nobody needs them instantly", tasks in more naming words, calling the model
through an API is no tool use, a modality handled before the model, "$6,000 annual budget", DAU, "written per
year", "peaks at 50/min", "60 calls each per day"); after them: 298/314 = 95% (expects 223/237, forbids 75/77):
batch_share 6/6, budget 17/19, needs 41/43, priority 32/32, requests_per_day 56/60, task 51/52, the rest
unchanged. A development set now, so that figure claims nothing about unseen phrasing. Still missed there:
"cut that bill in half", sizes in pages ("40-page handbook", "300 pages" as context, "1-page brief"), "200k
tokens" of context after a dash, "half a second" as a TTFT, "8 model turns per call", "6 messages each" per
conversation, "4 front-desk staff per shift ... each person", "20 sets of minutes a week", a question about
tool calling read as a need, a video moderation read as vision rather than classification.

Fourth round (issue #14, this session). Two new stranger sets were written by helper sessions that read
no code and kept outside the repo (/work/heldout), scored only in aggregate through the `tradeoff ask`
path (fields read; forbids respected), on main at 1eb4b23 before any change and again after the round's
rules, which were written from the committed sets' misses and variants of our own (test_extract_phrasing_4.py):
  stranger 8 (60 messages)  before: 186/207 = 90% of fields, forbids 95/106   after: 184/207 = 89%, 95/106
  stranger 9 (50 messages)  before: 168/199 = 84%, forbids 71/86             after: 167/199 = 84%, 74/86
So the round moved the committed development sets (set 6: 87% -> 94%, set 4: 82% -> 95%) and left unseen
phrasing where it was: the rules learned the sets, not the language. Set 8's misses were then read and
made general rules with variants of our own (round five in test_extract_phrasing_4.py): 197/207 = 95%
after, a development figure; it is committed as first_messages_dev_stranger_8.jsonl. Set 9, scored once
more after round five (169/199 = 85% of fields, forbids 74/86), is committed unread as
first_messages_heldout_stranger_9.jsonl: the figure to quote for unseen phrasing, short of 90%.

Rounds six to eight (2026-12-02). Five more stranger sets (10-14, 60 messages each) were written by helper
sessions that read no code, kept in /work/heldout, and scored through the `tradeoff ask` path (fields read;
forbids respected) the first time before any of their lines were read. Each round's rules came from the
misses of sets read by then, shown on variants of our own in test_extract_phrasing_5.py:
  set    first scored at        untouched              after the rounds that read it
  9      5168c8c (start)        169/199 = 85%, 74/86   198/199 = 99%, 83/86  (read in round six)
  10     5168c8c                199/242 = 82%, 71/82   234/242 = 97%, 80/82  (round six)
  11     5168c8c                204/244 = 84%, 62/69   228/244 = 93%, 66/69  (kept unread through round six: 85%)
  12     582875c (round six)    214/259 = 83%, 76/89   251/259 = 97%, 84/89
  13     e74713a (round seven)  212/250 = 85%, 61/70   236/250 = 94%, 64/70  (86% just before it was read)
  14     366e051 (round eight)  280/326 = 86%, 63/73   unread; 86% again after round eight
So each set went from 82-86% untouched to 93-99% once read, and each set kept unread moved 1-2 points
while the others were learnt: the rules still learn the sets more than the language. The figure to quote
for unseen phrasing is set 14's, 86% of fields, short of the 90% issue #14 asks for. Sets 10-13 are
committed as development sets (first_messages_dev_stranger_10..13.jsonl), set 14 unread as
first_messages_heldout_stranger_14.jsonl. The floors below use this file's scorer (expects and forbids as
one count), so they differ a little from the figures above.

Round nine (2026-12-02, second session). Four new stranger sets (15-18, 60 messages each) from helper
sessions that read no code, written to a new brief that no longer hints how ranges or batch work are
scored. Scored untouched through the `tradeoff ask` path on main at d79e1f8; 15 and 16 were then read
and their misses described as classes (not texts) to five helpers, who wrote general rules with variants
of their own (test_extract_phrasing_6_*.py); 17 and 18 were never read.
  set    untouched (d79e1f8)   after round nine
  15     236/291 = 81%         277/291 = 95%  (read)
  16     257/327 = 79%         295/327 = 90%  (read)
  17     258/320 = 81%         267/320 = 83%  (never read)
  18     244/278 = 88%         249/278 = 90%  (never read; written after round nine began)
  14     280/326 = 86%         288/326 = 88%  (never read)
So again the read sets rose 11-14 points and the unread ones 2: unseen phrasing reads 83-90% of fields
(set 17 the hardest), short of 90% on two of three unread sets.

Round ten (2026-12-02, fourth session). Three sets of 60 (21-23) by helpers that read no code, to a brief
rewritten from the field conventions (it named regions by country; the keys were mapped to the codes the
rules use, eu/us/uk/ca/ch/..., before any scoring). Scored untouched at c9bcd0a by the `tradeoff ask` path:
fields 202/239 = 84.5%, 200/224 = 89.3% and 261/279 = 93.5%. 21 and 22 were read and their misses given
as classes to five helpers (one per area, test_extract_phrasing_7_*.py); 23 was never read. After:
21 97%, 22 99%, 23 97% of fields (23 rose with the read sets: same brief, same hour, so it overstates
unseen phrasing). The older unread sets moved 0-2 points: 14 89%, 17 84%, 18 90%, 19 90%, 20 94%.
Sets 24 and 25, written by two more helpers after round ten's rules were in, never read, scored once
through `tradeoff ask` at a95a7a0: 274/291 = 94.2% of fields (78/79 forbids) and 271/300 = 90.3% (63/70).

Round eleven (2026-12-03), a new brief (/work/tools/stranger_brief.md, field conventions only). Sets 26 and
27 (60 each) and conversations 13 by helpers that read no code, scored untouched through `tradeoff ask` at
aeccbdb: 26 108/129 = 83.7% of fields (94/95 forbids), 27 210/235 = 89.4% (106/112). 27 and conversations
13 were read; their misses went as classes to three helpers (volume, meaning, conversation) who wrote rules
on variants of their own (test_extract_phrasing_11_*.py, test_conversation_phrasing_11.py). After: 27
228/235 = 97.0%; 26 (never read) 108/129 = 83.7%, unchanged. Set 28, written after the round and never
read: 143/164 = 87.2% (86/90). Older unread sets after the round: 14 90.2%, 17 83.8%, 18 90.3%, 19 90.6%,
20 94.0%, 24 95.5%, 25 90.7%.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from agent.advisor.rules.extract import extract

DATA = Path(__file__).parents[1] / "data"
TOLERANCE = {"requests_per_day": 0.10, "budget_usd_month": 0.01, "input_tokens": 0.20, "output_tokens": 0.20,
             "min_context": 0.20}  # fmt: skip
OTHER_NUMBERS = 0.01


def _expected_holds(name: str, expected: Any, got: Any) -> bool:
    if expected is None:
        return got is None
    if isinstance(expected, list):
        return got is not None and set(expected) <= set(got)
    if isinstance(expected, bool) or not isinstance(expected, int | float):
        return got == expected
    if isinstance(got, bool) or not isinstance(got, int | float):
        return False
    return abs(got - expected) <= TOLERANCE.get(name, OTHER_NUMBERS) * abs(expected) + 1e-9


def _forbid_holds(forbidden: Any, got: Any) -> bool:
    if forbidden is None:
        return got is None
    produced = set(got) if isinstance(got, list) else {got}
    banned = set(forbidden) if isinstance(forbidden, list) else {forbidden}
    return not produced & banned


def checks(case: dict[str, Any]) -> list[tuple[str, bool, str]]:
    """(field, passed, what was wanted and got) for every check one case makes."""
    got = extract(case["text"]).fields
    out = []
    for name, expected in case.get("expect", {}).items():
        out.append(
            (name, _expected_holds(name, expected, got.get(name)), f"{name}: want {expected!r}, got {got.get(name)!r}")
        )
    for name, forbidden in case.get("forbid", {}).items():
        out.append(
            (name, _forbid_holds(forbidden, got.get(name)), f"{name}: forbid {forbidden!r}, got {got.get(name)!r}")
        )
    return out


def load(path: Path | str) -> list[dict[str, Any]]:
    """Cases as {"text", "expect", "forbid"}; the {"message", "expected"} shape of other sets is read too."""
    cases = [json.loads(line) for line in Path(path).read_text().splitlines() if line.strip()]
    return [{"text": c.get("text", c.get("message")), "expect": c.get("expect", c.get("expected", {})),
             "forbid": c.get("forbid", {})} for c in cases]  # fmt: skip


def score_file(path: Path | str) -> tuple[int, int, list[str]]:
    """(checks passed, checks made, one line per miss) over a JSONL set."""
    correct = total = 0
    misses = []
    for number, case in enumerate(load(path)):
        for _, passed, said in checks(case):
            total += 1
            correct += passed
            if not passed:
                misses.append(f"line {number}: {said} | {case['text']}")
    return correct, total, misses


def per_field(path: Path | str) -> dict[str, tuple[int, int]]:
    """Field -> (passed, made)."""
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for case in load(path):
        for name, passed, _ in checks(case):
            tally[name][0] += passed
            tally[name][1] += 1
    return {name: (ok, made) for name, (ok, made) in sorted(tally.items())}


# Measured after the rules were written from these sets' misses (the last column of the table above):
# development scores, so the floors catch regressions and claim nothing about unseen phrasing.
FLOORS = {f"first_messages_dev_{n}.jsonl": 0.95 for n in range(2, 10)} | {
    "first_messages_dev_10.jsonl": 0.9,
    "first_messages_dev_stranger_5.jsonl": 0.95,
    "first_messages_dev_stranger_7.jsonl": 0.95,
    "first_messages_dev_stranger_8.jsonl": 0.95,
    "first_messages_heldout_stranger_4.jsonl": 0.94,
    "first_messages_heldout_stranger_6.jsonl": 0.94,
    "first_messages_heldout_stranger_9.jsonl": 0.97,  # read on 2026-12-02 (was 246/285 untouched): 280/285
    "first_messages_dev_stranger_10.jsonl": 0.95,  # 312/324 after its misses were read
    "first_messages_dev_stranger_11.jsonl": 0.92,  # 294/313
    "first_messages_dev_stranger_12.jsonl": 0.94,  # 331/348
    "first_messages_dev_stranger_13.jsonl": 0.92,  # 298/320
    "first_messages_heldout_stranger_14.jsonl": 0.86,  # unread: 342/399, then 350/399 after round nine
    "first_messages_dev_stranger_15.jsonl": 0.94,  # read in round nine: 341/356
    "first_messages_dev_stranger_16.jsonl": 0.9,  # read in round nine: 374/406
    "first_messages_heldout_stranger_17.jsonl": 0.82,  # unread: 312/373 after round nine
    "first_messages_heldout_stranger_18.jsonl": 0.88,  # unread: 310/346 after round nine
    "first_messages_heldout_stranger_19.jsonl": 0.9,  # unread, written after round nine: 219/243 untouched
    "first_messages_heldout_stranger_20.jsonl": 0.93,  # unread, written after round nine: 240/257 untouched
    "first_messages_dev_stranger_21.jsonl": 0.96,  # read in round ten: 315/325 after (untouched 278/325)
    "first_messages_dev_stranger_22.jsonl": 0.97,  # read in round ten: 307/313 after (untouched 276/313)
    "first_messages_heldout_stranger_23.jsonl": 0.95,  # unread, same brief and hour as 21-22: 343/359 after
    "first_messages_heldout_stranger_24.jsonl": 0.95,  # unread, written after round ten: 352/370 untouched
    "first_messages_heldout_stranger_25.jsonl": 0.9,  # unread, written after round ten: 334/370 untouched
    "first_messages_heldout_stranger_26.jsonl": 0.88,  # unread, round eleven: 199/224 (fields 108/129 untouched)
    "first_messages_dev_stranger_27.jsonl": 0.97,  # read in round eleven: 343/347 after (fields 210/235 untouched)
    "first_messages_heldout_stranger_28.jsonl": 0.88,  # unread, written after round eleven: 224/254 untouched
    "first_messages_dev_stranger_30.jsonl": 0.92,  # held out until read on 2026-12-04: 265/302 untouched, 280/302 after
    "first_messages_dev_stranger_31.jsonl": 0.97,  # read late on 2026-12-04: 264/326 untouched, 323/326 after
    "first_messages_heldout_stranger_32.jsonl": 0.88,  # unread, written 2026-12-04 (late): 238/265 untouched
    "first_messages_heldout_stranger_34.jsonl": 0.87,  # unread, written after that day's rules: 215/242
}


@pytest.mark.slow  # an evaluation over every committed set (~20 s of CPU): CI's full run holds it
@pytest.mark.parametrize("name", sorted(FLOORS))
def test_fresh_phrasing_is_read_field_by_field(name):
    correct, total, misses = score_file(DATA / name)
    assert total >= 50
    assert correct / total >= FLOORS[name], "\n".join(misses)


def test_the_scorer_fails_what_is_wrong(tmp_path):
    """A scorer that passes everything would prove nothing: a wrong, an invented and a missing field fail."""
    path = tmp_path / "set.jsonl"
    rows = [{"text": "50k requests a day", "expect": {"requests_per_day": 40000}},
            {"text": "50k requests a day", "expect": {"requests_per_day": 46000}, "forbid": {"budget_usd_month": None}},
            {"text": "50k requests a day", "forbid": {"requests_per_day": None}}]  # fmt: skip
    path.write_text("\n".join(json.dumps(row) for row in rows))
    correct, total, misses = score_file(path)
    assert (correct, total) == (2, 4)
    assert misses[0].startswith("line 0: requests_per_day: want 40000")


def main(paths: list[str]) -> None:
    for path in paths or [str(DATA / name) for name in sorted(FLOORS)]:
        correct, total, misses = score_file(path)
        print(f"{path}: {correct}/{total} = {correct / total:.0%}")
        for name, (ok, made) in per_field(path).items():
            print(f"  {name:18} {ok}/{made}")
        print("\n".join(misses))


if __name__ == "__main__":
    main(sys.argv[1:])
