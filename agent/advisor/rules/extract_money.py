"""Money from a developer's words: the monthly budget ("$1,500/month", "ten grand monthly", "200 bucks",
"a spending cap of 50k a year") and what running it ourselves costs in people. Pure functions.

An amount is money when a currency sign or word, "grand", or a spending word in its clause says so; a
price per request or per token is not a budget, nor a sum in a currency we hold no rate for, nor the
company's own revenue, funding or salaries (rules/money_kinds.py). The spans read as money are returned, so the volume
reader never takes "3000 a month" of budget for 3,000 requests a month."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from agent.advisor.rules.extract_volume import number
from agent.advisor.rules.money_kinds import SPEND, company_money, foreign_after, foreign_before
from agent.advisor.rules.money_roles import CUT, FIRM_LIMIT, TOO_MUCH, hedged, paid_not_limit
from catalog.requirements import DAYS_PER_MONTH

_AMOUNT = re.compile(
    r"(?:(?P<sign>[$€£]|(?<![\w.])(?:chf|sfr\.?)(?=\s?\d))\s*)?(?<![\d.,])(?P<n>\d+(?:[.,]\d+)*)"
    r"(?:\s?(?P<s>k|thousand|m|mm|mil|million|grand)\b)?"
    r"(?:\s*(?P<word>usd|dollars?|bucks|eur|euros?|gbp|pounds?|quid|dólares|dolares|dollari|chf|swiss\s+francs?|franken)\b"
    r"|\s?(?P<after>[$€£]))?(?![.,]?\d)",
    re.IGNORECASE,
)
_PERIOD_AFTER = re.compile(
    r"\s*(?:(?:a|per|/|each|every|an?)\s*(?P<p>month|mo|year|yr|annum|week|wk|day|quarter)\b|"
    r"(?P<q>(?:monthly|yearly|annually|annual|weekly|daily|quarterly)\b|p\.a\.?(?!\w))|"  # "p.a.": per annum
    r"(?:for|over)\s+(?:the|a|one)\s+(?P<r>year|month)\b)",
    re.IGNORECASE,
)
# Other languages' months and years after the figure: "im Monat", "par mois", "al mes", "por mês", "pro Jahr".
_PERIOD_ABROAD = re.compile(
    r"\s*(?:(?:im|pro|je|par|al|por|ao|per|/)\s*(?P<m>monat|mois|mes|mês|mese|maand)\b|"
    r"(?P<ma>monatlich|mensuel(?:le)?(?:ment)?|mensual(?:es)?|mensal|mensile|maandelijks)\b|"
    r"(?:im|pro|je|par|al|por|ao|all'|per|/)\s*(?P<y>jahr|an|année|año|ano|anno|jaar)\b|"
    r"(?P<ya>jährlich|annuel(?:le)?(?:ment)?|anual(?:es)?|annuale|jaarlijks)\b)",
    re.IGNORECASE,
)
_PERIOD_BEFORE = re.compile(r"\b(?P<p>monthly|annual|yearly|per-month|a-month|weekly|daily|quarterly)\b", re.IGNORECASE)
# A budget per period, as a month: weeks x 30/7, quarters as 90 days (the month is DAYS_PER_MONTH days).
_PER_MONTH = {"year": 1 / 12, "yr": 1 / 12, "annum": 1 / 12, "yearly": 1 / 12, "annually": 1 / 12, "annual": 1 / 12,
              "week": DAYS_PER_MONTH / 7, "wk": DAYS_PER_MONTH / 7, "weekly": DAYS_PER_MONTH / 7,
              "day": DAYS_PER_MONTH, "daily": DAYS_PER_MONTH, "quarter": DAYS_PER_MONTH / 90,
              "quarterly": DAYS_PER_MONTH / 90, "p.a.": 1 / 12, "p.a": 1 / 12}  # fmt: skip
_BARE_END = re.compile(r"\s*(?:$|[.,;!?)]|(?:a|per|/|each|every|an?)\s*(?:month|mo|year|yr|annum)\b|monthly|yearly|"
                       r"annually|p\.a\.?(?!\w)|max\b|tops\b|total\b|or\b|and\b|"
                       r"(?:for|over)\s+(?:the|a|one)\s+(?:year|month)\b)",
                       re.IGNORECASE)  # fmt: skip
# "budget $-5", "-$200 a month": a minus sign on the amount itself, kept so the figure fails validation
# and is said back instead of read as $5 ("3-5k" and "$3k -$5k" are ranges; "typo - $1,500" is a dash).
_MINUS = re.compile(r"(?:-[$€£]?|[$€£]\s?-)$")


def _negative(text: str, start: int) -> bool:
    minus = _MINUS.search(text, 0, start)
    if not minus:
        return False
    before = text[: minus.start()]
    words = before.split()
    return not words or (before[-1:].isspace() and not re.search(r"\d", words[-1]))


_CLAUSE_STOP = re.compile(r"[.;!?]|,\s|\band\b|\bbut\b", re.IGNORECASE)
_PRICE_TAIL = re.compile(r"^\s*(?:per|a|/|each)\s*(?:request|call|query|1k|million|token|image|page|minute|hour|"
                         r"m tokens|1m|seat|user|head|gpu)", re.IGNORECASE)  # fmt: skip
# "ops would cost us about $8k a month", "an MLOps engineer at $12k/month": the people and tooling
# that self-hosting needs, not the budget.
_OPERATIONS = re.compile(
    r"\b(?:ops|operations|devops|mlops|sre|maintenance|on-?call|engineers?|staff|people|headcount)\b[^.;$€£\d]{0,40}?"
    r"[$€£]?\s*(?P<n>\d+(?:[.,]\d+)*)\s*(?P<s>k|m)?\b\s*(?:usd|dollars|eur|euros?)?\s*(?:a|per|/|each)\s*"
    r"(?P<period>month|mo|year|yr)\b",
    re.IGNORECASE,
)


# The spending word after the amount and its period: "about 1.2k/mo to spend on this", "2k a month for the API".
_SPEND_AFTER = re.compile(r"\s*(?:(?:that\s+)?(?:we\s+)?(?:can\s+)?(?:to\s+)?(?:spend|play with|burn|put into)\b|"
                          r"(?:for|on)\s+(?:the\s+|this\s+|our\s+)?(?:model|api|llm|ai|inference|tokens)\b)",
                          re.IGNORECASE)  # fmt: skip


@dataclass
class Money:
    budget: tuple[float, str] | None = None
    operations: tuple[float, str] | None = None
    spans: list[tuple[int, int]] = field(default_factory=list)


def _clause_before(text: str, at: int) -> str:
    window = text[max(0, at - 60) : at]
    stops = list(_CLAUSE_STOP.finditer(window))
    return window[stops[-1].end() :] if stops else window


def _sentence_before(text: str, match: re.Match[str]) -> str:
    window = text[max(0, match.start() - 80) : match.start()]
    return re.split(r"[.;!?]", window)[-1]


def _scale(text: str, match: re.Match[str], before: str) -> tuple[int, float]:
    """Where the amount's words end, with its period said after it ("$24k a year", "1.500 € al mes") or
    before it ("a monthly budget of $2k"), and what that period is as a month."""
    period = _PERIOD_AFTER.match(text, match.end())
    if period:
        said = period.group("p") or period.group("q") or period.group("r")
        return period.end(), _PER_MONTH.get(said.lower(), 1.0)
    if abroad := _PERIOD_ABROAD.match(text, match.end()):
        return abroad.end(), 1 / 12 if abroad.group("y") or abroad.group("ya") else 1.0
    said_before = _PERIOD_BEFORE.search(before)
    return match.end(), _PER_MONTH.get(said_before.group("p").lower(), 1.0) if said_before else 1.0


def _signed(text: str, match: re.Match[str]) -> float:
    return number(match.group("n"), match.group("s")) * (-1 if _negative(text, match.start("n")) else 1)


def _marked(match: re.Match[str]) -> bool:
    return bool(match.group("sign") or match.group("word") or match.group("after") or
                (match.group("s") or "").lower() == "grand")  # fmt: skip


def read_money(text: str) -> Money:
    """The budget and the operations cost, with the spans of text that are money. The budget is the first
    amount that is one, unless a later one is said to be a limit and it is not ("$6k/month today; our hard
    cap is $4k")."""
    found = Money()
    operations = _OPERATIONS.search(text)
    if operations:
        amount = number(operations.group("n"), operations.group("s"))
        amount /= 12 if operations.group("period").lower() in ("year", "yr") else 1
        found.operations = (amount, operations.group(0))
        found.spans.append(operations.span())
    no_cap = hedged(text, [m.span() for m in _AMOUNT.finditer(text) if _marked(m) or m.group("s")])
    budgets: list[tuple[tuple[float, str], bool]] = []  # each budget read, and whether a firm limit word says so
    for match in _AMOUNT.finditer(text):
        named_after = not match.group("word") and foreign_after(text, match.end())
        if named_after and re.match(r"\s*(?:lakhs?|crores?)\b", text[match.end() :], re.I) and not SPEND.search(
            _sentence_before(text, match)
        ):
            continue  # "1 lakh messages a day" counts messages; "a budget of 2 lakh" is rupees
        if foreign_before(text, match.start(), match.start("n")) or named_after:
            found.spans.append(match.span())
            continue
        marked = _marked(match)
        before, ends_bare = _clause_before(text, match.start()), bool(_BARE_END.match(text, match.end()))
        if company_money(text, match.end(), before, marked, ends_bare):
            found.spans.append(match.span())
            continue  # "~$4M revenue", "we raised a $2M seed": the company's money, not a budget
        if not marked and not ends_bare:
            continue  # "budget ... for 3 engineers": a bare number is money only when nothing follows it
        spent = (SPEND.search(before) or (not budgets and SPEND.search(_sentence_before(text, match)))
                 or _SPEND_AFTER.match(text, _scale(text, match, before)[0]))  # fmt: skip
        if not marked and not spent:
            continue  # "Our budget is flexible, but around 8k a month": the spending word opens the sentence
        if re.search(r"\d$", before.rstrip()) or text[match.end() : match.end() + 1] == "%":
            continue
        if _PRICE_TAIL.match(text[match.end() : match.end() + 20]) or number(match.group("n"), match.group("s")) < 1:
            continue  # "$0.002 per request" is a price, not a budget
        if operations and match.start() < operations.end() and operations.start() < match.end():
            continue  # the cost of running it ourselves is not what the user can spend
        if (paid_not_limit(text, match.start(), match.end(), before) and not CUT.search(text, match.end())) or (
            match.start() in no_cap or TOO_MUCH.match(text, match.end(), match.end() + 50)
        ):
            found.spans.append(match.span())
            continue  # today's bill, a vendor's quote, a figure said to be no cap, or a price turned down
        end, scale = _scale(text, match, before)
        found.spans.append((match.start(), end))
        evidence = text[match.start() : end].strip()
        if re.search(r"[€£]|eur|gbp|pound|quid|chf|franc|franken|sfr", evidence, re.IGNORECASE):
            evidence += " (read as US dollars at par: there is no exchange rate offline)"
        if scale != 1.0:
            evidence += f" (x {scale:.4g} for a month of {DAYS_PER_MONTH} days)"
        budgets.append(((round(_signed(text, match) * scale, 2), evidence), bool(FIRM_LIMIT.search(before))))
    if budgets:
        found.budget = budgets[0][0] if budgets[0][1] else next((b for b, firm in budgets if firm), budgets[0][0])
    if found.budget is not None and (cut := CUT.search(text, found.spans[-1][1] if found.spans else 0)):
        share = 0.5 if cut.group("half") or cut.group("half2") is not None else 1 - float(cut.group("pct")) / 100
        if 0 < share < 1:
            amount, evidence = found.budget
            found.budget = (round(amount * share, 2), f"{evidence}, {cut.group(0).strip()} (x {share:g})")
    return found


def masked(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with its money blanked out, at the same length so positions still line up."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)
