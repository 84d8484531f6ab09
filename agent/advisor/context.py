"""What the graph's nodes depend on, passed as the graph's context (LangGraph `context_schema`,
read in a node as `runtime.context`): plain functions and data from catalog/ and knowledge/, and the
optional advisor model. Nothing here is saved with a session; each invocation passes it again."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from catalog.entries import Catalog


@dataclass
class AdvisorTools:
    catalog: Catalog
    today: dt.date
    search: Callable[[str, int], list[Any]] | None = None
    terms: Callable[[str], list[str]] | None = None
    classify_task: Callable[[str], str | None] | None = None
    llm_extract: Callable[[str, dict[str, Any]], dict[str, Any]] | None = None
    # The advisor model writing the answer: (question, facts, offline answer) -> its tokens.
    llm_write: Callable[[str, dict[str, Any], str], Iterator[str]] | None = None
