"""Scores a set of questions by what the answer must do, through the advisor as `tradeoff ask` runs it:
a definition first ("definition", with its "term"), a saving computed at the session's workload and opening
with a monthly dollar figure ("saving", with its "topic"), a verdict between two named models ("verdict"),
or no requirement changed ("nochange"). Each question is asked in a fresh session that has stated one
workload, so no answer leans on another. `python -m tests.unit.answers_scoring PATH` prints each miss."""

from __future__ import annotations

import json
import re
import sys
import tempfile
from collections import Counter
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

WORKLOAD = ("Customer support assistant for our SaaS, about 20k chats a day, prompts around 1,500 tokens with "
            "retrieved help articles, answers ~300 tokens, budget $5,000 a month")  # fmt: skip


def defines(answer: str, term: str) -> bool:
    """The first line says what the term is: "<term> is ...", the term's words in its subject."""
    first = re.sub(r"[*_`]", "", answer.split("\n")[0])
    subject = re.split(r"\s(?:is|are|means|stands for)\s|:\s", first, maxsplit=1)[0]
    plain = [re.sub(r"[\s\-]+", " ", t.lower()).replace("isation", "ization").rstrip("s") for t in (term, subject)]
    plain = [re.sub(r"^(?:an?|the)\s+", "", term) for term in plain]
    close = SequenceMatcher(None, plain[0], plain[1]).ratio() >= 0.85  # "distilation" asked, "Distillation" defined
    head = plain[0].split()[-1:] == plain[1].split()[-1:]  # "model cascade" asked, "A cascade is ..." defined
    return subject != first and (plain[0] in plain[1] or plain[1] in plain[0] or close or head)


def passed(case: dict[str, Any], before: dict[str, Any], answer: str, after: dict[str, Any]) -> bool:
    kind = case["kind"]
    if kind == "definition":
        return defines(answer, case["term"])
    if kind == "saving":
        return bool(re.search(r"\$[\d,]+(?:\.\d+)?/month", answer.split("\n")[0]))
    if kind == "verdict":
        return "**Verdict:" in answer and "unknown:" not in answer
    return after == before  # nochange


def score(path: Path | str, advisor: Any) -> tuple[Counter[str], Counter[str], list[str]]:
    """(passed per kind, asked per kind, one line per miss)."""
    good, asked, misses = Counter[str](), Counter[str](), []
    for line in Path(path).read_text().splitlines():
        if not line.strip():
            continue
        case = json.loads(line)
        session = advisor.turn("just recommend", advisor.turn(WORKLOAD, None).session).session
        before = advisor.state(session).requirements
        turn = advisor.turn(case["text"], session)
        ok = passed(case, before, turn.answer, advisor.state(session).requirements)
        asked[case["kind"]] += 1
        good[case["kind"]] += ok
        if not ok:
            opening = turn.answer.splitlines()[0][:100] if turn.answer else ""
            misses.append(f"{case['kind']}: {case['text']} -> {opening}")
    return good, asked, misses


def _advisor() -> Any:
    from agent.advisor.context import AdvisorTools
    from agent.advisor.sessions import Advisor
    from catalog.sources import load_catalog
    from knowledge.base import KnowledgeBase
    from knowledge.lexical import terms
    from tests.conftest import TODAY

    folder = Path(tempfile.mkdtemp())
    knowledge = KnowledgeBase(folder / "index")
    tools = AdvisorTools(catalog=load_catalog(), today=TODAY, terms=terms, search=lambda q, k: knowledge.search(q, k=k))
    return Advisor(tools, folder / "sessions.sqlite")


if __name__ == "__main__":
    advisor = _advisor()
    for name in [arg for arg in sys.argv[1:] if not arg.startswith("--")]:
        good, asked, misses = score(name, advisor)
        print(name, {kind: f"{good[kind]}/{asked[kind]}" for kind in sorted(asked)},
              f"total {sum(good.values())}/{sum(asked.values())}")
        if "--misses" in sys.argv:
            print("\n".join(misses))
