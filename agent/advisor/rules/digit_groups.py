"""How a figure is written: thousands grouped by commas ("40,000"), or by dots, apostrophes or spaces as
much of the world writes them ("40.000", the Swiss "3'000", "15 000"), and a decimal point or comma ("1.5k",
"$2.50", "1,5 s"). `written_number` reads one figure; `join_groups` writes the dot-, apostrophe- and
space-grouped figures of a message as plain digits, so every reader's pattern sees one figure where the user
wrote one. Pure."""

from __future__ import annotations

import re

# "1,500", "2,400,000.50": commas group thousands (a decimal comma has one or two digits: "1,5", "12,50").
_COMMA_GROUPS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
# "40.000", "1.234,56": a dot before exactly three digits groups thousands when the first group is 1-3
# digits and not 0 ("0.002" and "2.50" stay decimals).
_DOT_GROUPS = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+(?:,\d+)?")
_PLAIN = re.compile(r"\d+(?:[.,]\d+)?")
_SCALES = r"(?:k|thousand|m|mm|mil|million|b|bn|billion|trillion)\b"


def written_number(digits: str, scaled: bool = False) -> float:
    """The value of one written figure; `scaled` when a "k" or "million" follows it, which makes
    "1.500" a decimal ("1.500M" is one and a half million)."""
    if _COMMA_GROUPS.fullmatch(digits):
        return float(digits.replace(",", ""))
    if not scaled and _DOT_GROUPS.fullmatch(digits):
        return float(digits.replace(".", "").replace(",", "."))
    plain = _PLAIN.match(digits)  # "1.2.3" (a version) reads as its first figure rather than failing
    return float(plain.group(0).replace(",", ".")) if plain else 0.0


_SPACE = "[ \u00a0\u202f]"  # a space, a no-break space, a narrow no-break space ("15 000" in French)
# A figure grouped by dots, apostrophes ("CHF 1'250.50") or spaces, not a version ("v1.200"), an address
# ("10.200.1.4"), a date or a list of figures ("3 100-page reports", "sizes 2 500 and 800"), and not before
# a scale ("1.5k").
_GROUPED = re.compile(
    r"(?<![\d.,])(?<![vV])(?P<dots>[1-9]\d{0,2}(?:\.\d{3})+)(?:,(?P<decimal>\d+))?(?![\d]|[.,]\d)"
    r"(?!\s?" + _SCALES + r")|"
    r"(?<![\d.,'’])(?P<ticks>[1-9]\d{0,2}(?:['’]\d{3})+)(?:\.(?P<tick_decimal>\d+))?(?![\d'’]|[.,]\d)|"
    r"(?<![\d.,])(?<!\d" + _SPACE + r")(?P<spaces>[1-9]\d{0,2}(?:" + _SPACE + r"\d{3})+)"
    r"(?![\d\-–]|[.,]\d|" + _SPACE + r"\d|\s?" + _SCALES + r")",
    re.IGNORECASE,
)


# "1e6 requests", "2.5E4", "10^6", "3×10^5": a figure in scientific notation, read whole rather than as its
# exponent ("1e30 requests" is not 30 requests).
_SCIENTIFIC = re.compile(r"(?<![\w.,^])(?:(?P<mantissa>\d+(?:\.\d+)?)(?:[eE](?P<e>[+-]?\d{1,3})|\s?[x×*]\s?10\s?\^\s?"
                         r"(?P<times>[+-]?\d{1,3}))|10\s?\^\s?(?P<power>[+-]?\d{1,3}))(?![\w.]|,\d)")  # fmt: skip


def _plain_digits(match: re.Match[str]) -> str:
    mantissa = float(match.group("mantissa") or 1)
    value = mantissa * 10.0 ** int(match.group("e") or match.group("times") or match.group("power"))
    return str(int(value)) if value >= 1 and value.is_integer() else repr(value)


def join_groups(text: str) -> tuple[str, dict[str, str]]:
    """The text with "40.000" as "40000" and "1 200" as "1200", and each written figure by its digits."""
    said: dict[str, str] = {}

    def plain(match: re.Match[str]) -> str:
        digits = _plain_digits(match)
        said[digits] = match.group(0)
        return digits

    text = _SCIENTIFIC.sub(plain, text)

    def joined(match: re.Match[str]) -> str:
        grouped = match.group("dots") or match.group("ticks") or match.group("spaces")
        decimal = match.group("decimal") or match.group("tick_decimal")
        digits = re.sub(r"\D", "", grouped) + (f".{decimal}" if decimal else "")
        said[digits] = match.group(0)
        return digits

    return _GROUPED.sub(joined, text), said
