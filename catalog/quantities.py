"""Parsing the numbers people type: `50k`, `2 million`, `$1,500`, `1.5M`, `20%`."""

from __future__ import annotations

import re

_SUFFIX = {
    "": 1.0,
    "k": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "mm": 1e6,
    "mil": 1e6,
    "million": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "billion": 1e9,
}
_QUANTITY = re.compile(
    r"^\s*\$?\s*(?P<number>(?:\d+(?:[,_]\d{3})*(?:\.\d+)?|\.\d+)(?:e[+-]?\d{1,4})?)\s*"
    r"(?P<suffix>k|thousand|mm|mil|million|m|bn|billion|b)?\s*$",
    re.IGNORECASE,
)
_FRACTION = re.compile(r"^\s*(?P<number>\d+(?:\.\d+)?|\.\d+)\s*(?P<percent>%)?\s*$")


def parse_quantity(text: str) -> float:
    """`'100k'` -> 100000.0; raises ValueError with what was expected."""
    match = _QUANTITY.match(text)
    if not match and _QUANTITY.match(text.strip().lstrip("-−").lstrip()):
        raise ValueError(f"{text!r} is below zero: give 0 or more (for example 5000, 50k or 2M)")
    if not match:
        raise ValueError(f"{text!r} is not a number (for example 5000, 50k or 2M)")
    number = float(match["number"].replace(",", "").replace("_", ""))
    return number * _SUFFIX[(match["suffix"] or "").lower()]


def parse_fraction(text: str) -> float:
    """`'0.3'` or `'30%'` -> 0.3, within 0..1."""
    match = _FRACTION.match(text)
    if not match and _FRACTION.match(text.strip().lstrip("-−").lstrip()):
        raise ValueError(f"{text!r} is below zero: give a share from 0 to 1 (try 0.3 or 30%)")
    if not match:
        raise ValueError(f"{text!r} is not a fraction (try 0.3 or 30%)")
    value = float(match["number"]) / (100 if match["percent"] else 1)
    if not 0 <= value <= 1:
        raise ValueError(f"{text!r} is outside 0..1 (try 0.3 or 30%)")
    return value
