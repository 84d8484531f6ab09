"""Sizes stated over several turns, merged into the session's requirements: a part replaces the same
part, a stated total replaces the parts, and every size keeps the note of how it was worked out."""

from __future__ import annotations

from typing import Any

from catalog.requirements import INPUT_PARTS


def parts_note(parts: dict[str, int], notes: dict[str, str]) -> str:
    """The rule behind a total: the one part's own rule, or the sum of the parts."""
    if len(parts) == 1:
        return notes.get(next(iter(parts)), "stated")
    return "sum of the parts: " + " + ".join(f"{part.replace('_', ' ')} {tokens:,}" for part, tokens in parts.items())


SIZE_FIELDS = ("input_tokens", "input_parts", "output_tokens", "size_notes")


def merge_sizes(current: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """Sizes from a new message or answer over the known ones. A part replaces the same part and the
    total is their sum; a stated total replaces every part; each size keeps the note of its rule."""
    merged = dict(current)
    notes = dict(merged.get("size_notes") or {})
    new_notes = dict(new.get("size_notes") or {})
    parts, total = new.get("input_parts"), new.get("input_tokens")
    if parts and (total is None or total == sum(parts.values())):
        combined = {**(merged.get("input_parts") or {}), **parts}
        merged["input_parts"] = combined
        merged["input_tokens"] = sum(combined.values())
        notes |= {part: new_notes.get(part, "stated") for part in parts}
        notes["input_tokens"] = parts_note(combined, notes)
    elif total is not None:
        merged.pop("input_parts", None)
        notes = {key: note for key, note in notes.items() if key not in INPUT_PARTS}
        merged["input_tokens"] = total
        notes["input_tokens"] = new_notes.get("input_tokens", "stated")
    if new.get("output_tokens") is not None:
        merged["output_tokens"] = new["output_tokens"]
        notes["output_tokens"] = new_notes.get("output_tokens", "stated")
    if notes:
        merged["size_notes"] = notes
    return merged
