"""Sums of money that are no budget: those in a currency we hold no rate for (only $, and EUR and GBP at
par, are read), and the company's own money (revenue, ARR, funding, valuation, salaries). Either is
still money, so the volume reader must not count it. Pure."""

from __future__ import annotations

import re

# ISO codes users type, before or after the figure. Codes that are also English words a figure may
# precede ("try", "pen", "cop", "ron", "rub", "ars") are left out; PHP is a language, so only before.
_CODES = (r"aed|sar|qar|kwd|omr|bhd|egp|mad|ngn|ghs|kes|ugx|tzs|zar|idr|krw|jpy|inr|pkr|bdt|lkr|npr|pln|czk|huf|"
          r"myr|thb|vnd|sek|nok|dkk|isk|mxn|brl|clp|cad|aud|nzd|chf|sgd|hkd|twd|cny|rmb|ils|uah")  # fmt: skip
# Signs and short forms before the figure: "¥80,000", "Rp 5.000.000", "KSh 150k", "RM3,000", "R$ 3.000".
# Searched with positions so the look-behind sees the whole word: "customers. 60" is no "Rs. 60".
_BEFORE = re.compile(
    r"(?:(?<![a-z])(?:" + _CODES + r"|php|rs\.?|rp\.?|ksh\.?|kr\.?|rm|zł)|(?<![a-z])(?:c|a|r|s|nz|hk|nt|mx)\$|"
    r"[¥₹₩₽₺₱฿₦₫₴₪₵])\s*$",
    re.IGNORECASE,
)
# "R120,000", "R5k": a capital R against the figure is the South African rand.
_RAND = re.compile(r"(?<![\w$-])R$")
# Names after the figure: "3,000 dirhams", "5 juta rupiah", "2000 zł", "8,000 Kč", "50k KES".
_AFTER = re.compile(
    r"\s*(?:" + _CODES + r"|yen|yuan|renminbi|rupees?|(?:juta\s+|ribu\s+)?rupiah|lakhs?|crores?|reais|won|"
    r"pesos?|francs?|kronor|kroner|kronur|krona|krone|kr|rand|dirhams?|riyals?|rials?|shillings?|ringgit|baht|"
    r"złoty|zlotys?|zł|liras?|naira|dong|dinars?|korun[ay]?|kč|forints?|hryvnias?|r[ou]ubles?|"
    r"(?:canadian|australian|singapore|hong kong|new zealand) dollars?)(?![\w$])",
    re.IGNORECASE,
)


def foreign_before(text: str, start: int, digits_start: int) -> bool:
    """A sign or code of a currency without a rate just before the figure."""
    sign = _BEFORE.search(text, max(0, start - 8), digits_start)
    return bool(sign or _RAND.search(text, max(0, digits_start - 1), digits_start))


def foreign_after(text: str, end: int) -> re.Match[str] | None:
    """The name or code of a currency without a rate just after the figure."""
    return _AFTER.match(text, end)
