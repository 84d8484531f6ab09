"""What one message says: requirement fields, the words behind each, and which were inferred."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Extraction:
    """Fields found in one message, the words that justified each, and which of them were inferred
    rather than stated (their evidence reads "inferred from '<the user's words>'")."""

    fields: dict[str, Any] = field(default_factory=dict)
    evidence: dict[str, str] = field(default_factory=dict)
    cleared: set[str] = field(default_factory=set)
    inferred: set[str] = field(default_factory=set)

    def put(self, name: str, value: Any, evidence: str, inferred: bool = False) -> None:
        self.fields[name] = value
        self.evidence[name] = _said(evidence, inferred)
        if inferred:
            self.inferred.add(name)
        else:
            self.inferred.discard(name)

    def add_to_list(self, name: str, value: str, evidence: str, inferred: bool = False) -> None:
        """A list is inferred only while every item in it was inferred; a stated item's words come first."""
        values = self.fields.setdefault(name, [])
        if value not in values:
            values.append(value)
        if inferred and name in self.evidence and name not in self.inferred:
            return  # the stated words stay the evidence
        self.evidence[name] = _said(evidence, inferred)
        if inferred:
            self.inferred.add(name)
        else:
            self.inferred.discard(name)


def _said(evidence: str, inferred: bool) -> str:
    evidence = evidence.strip()
    return f"inferred from '{evidence}'" if inferred else evidence
