"""How money, prices, latency, context sizes and model names read, once, for every front end."""

from __future__ import annotations

import math
from decimal import Decimal


def money(value: float) -> str:
    """Dollars: whole above $100, cents above a cent, two significant digits below (never "$0.00"
    for a cost that is not zero)."""
    if not math.isfinite(value):
        return "?"
    sign, size = ("-" if value < 0 else ""), abs(value)
    if size >= 100:
        text = f"{size:,.0f}"
    elif size >= 0.01 or size == 0:
        text = f"{size:,.2f}"
    else:  # fixed notation with two significant digits: $0.0042, $0.000012
        text = format(Decimal(f"{size:.2g}"), "f")
    return f"{sign}${text}"


def count(value: float) -> str:
    """A quantity people read at a glance: whole from 100 up ("1,143", never "1.14e+03" or "3000.0"),
    three significant digits from 1 ("2.5", "12.3"), two below ("0.031", "0.00042")."""
    if not math.isfinite(value):
        return "?"
    if abs(value) >= 1e15:  # past a float's whole digits: "1×10^30", not "1,000,000,000,000,000,019,884,…"
        mantissa, exponent = f"{value:.2e}".split("e")
        return f"{float(mantissa):g}×10^{int(exponent)}"
    if float(value).is_integer() or abs(value) >= 100:
        return f"{value:,.0f}"
    if abs(value) >= 1:
        return f"{value:.3g}"
    return format(Decimal(f"{value:.2g}"), "f")


# Requirement values as people write them: "EU", "SOC 2", "EU residency", not "eu-residency" or "EU-RESIDENCY".
REQUIREMENT_WORDS = {"eu": "EU", "us": "US", "uk": "UK", "hipaa": "HIPAA", "gdpr": "GDPR", "soc2": "SOC 2",
                     "eu-residency": "EU residency", "json": "JSON output", "tools": "tool calls"}  # fmt: skip


def requirement_word(value: str) -> str:
    return REQUIREMENT_WORDS.get(value, value)


def money_or_unknown(value: float | None) -> str:
    return "?" if value is None else money(value)


def price_per_million(usd_per_token: float | None) -> str:
    """A per-token price as dollars per million tokens, with the digits a cheap model needs
    ("$0.075", "$15", "$0.0375")."""
    if usd_per_token is None or not math.isfinite(usd_per_token):
        return "?"
    per_million = usd_per_token * 1e6
    if per_million == 0:
        return "$0"
    return f"${per_million:,.2f}" if per_million >= 100 else f"${per_million:.4g}"


def milliseconds(value: float | None) -> str:
    return "?" if value is None or not math.isfinite(value) else f"{value:,.0f} ms"


def context_size(tokens: int | None) -> str:
    """A context window in the form people quote it: 128k, 1.0M."""
    if not tokens:
        return "?"
    return f"{tokens / 1e6:.1f}M" if tokens >= 1_000_000 else f"{tokens // 1000:,}k"


def route_label(model: str, provider: str, width: int = 30) -> str:
    """The model's name and where it is hosted, within `width`: "claude-sonnet-4-6 · vertex_ai". The host
    stays whole and the name gives way, so two routes of one model never read the same."""
    if not provider:
        return short_model_name(model, width)
    host = f" · {provider}"
    return short_model_name(model, max(8, width - len(host))) + host


def short_model_name(model: str, width: int = 30) -> str:
    """The route's last segment, which is the model's own name; the full id is in the record."""
    name = model.rsplit("/", 1)[-1]
    return name if len(name) <= width else name[: width - 1] + "…"
