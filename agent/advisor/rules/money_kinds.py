"""Sums of money that are no budget: those in a currency we hold no rate for (only $, and EUR, GBP and CHF
at par, are read), and the company's own money (revenue, ARR, funding, valuation, salaries). Either is
still money, so the volume reader must not count it. Pure."""

from __future__ import annotations

import re

# ISO codes users type, before or after the figure. Codes that are also English words a figure may
# precede ("try", "pen", "cop", "ron", "rub", "ars") are left out; PHP is a language, so only before.
_CODES = (r"aed|sar|qar|kwd|omr|bhd|egp|mad|ngn|ghs|kes|ugx|tzs|zar|idr|krw|jpy|inr|pkr|bdt|lkr|npr|pln|czk|huf|"
          r"myr|thb|vnd|sek|nok|dkk|isk|mxn|brl|clp|cad|aud|nzd|sgd|hkd|twd|cny|rmb|ils|uah")  # fmt: skip
# Signs and short forms before the figure: "¥80,000", "Rp 5.000.000", "KSh 150k", "RM3,000", "R$ 3.000".
# Searched with positions so the look-behind sees the whole word: "customers. 60" is no "Rs. 60".
_BEFORE = re.compile(
    r"(?:(?<![a-z])(?:" + _CODES + r"|php|rs\.?|rp\.?|ksh\.?|kr\.?|rm|zł)|(?<![a-z])(?:c|a|r|s|nz|hk|nt|mx)\$|"
    r"[¥₹₩₽₺₱฿₦₫₴₪₵])\s*$",
    re.IGNORECASE,
)
# "R120,000", "R5k": a capital R against the figure is the South African rand.
_RAND = re.compile(r"(?<![\w$-])R$")
# Names after the figure: "3,000 dirhams", "5 juta rupiah", "2000 zł", "8,000 Kč", "50k KES", and a dollar
# of another country written after it as French and Canadians do: "4 000 $ CA", "4000 CA$".
_AFTER = re.compile(
    r"\s*(?:" + _CODES + r"|yen|yuan|renminbi|rupees?|(?:juta\s+|ribu\s+)?rupiah|lakhs?|crores?|reais|won|"
    r"pesos?|francs?|kronor|kroner|kronur|krona|krone|kr|rand|dirhams?|riyals?|rials?|shillings?|ringgit|baht|"
    r"złoty|zlotys?|zł|liras?|naira|dong|dinars?|korun[ay]?|kč|forints?|hryvnias?|r[ou]ubles?|"
    r"(?:canadian|australian|singapore|hong kong|new zealand) dollars?|"
    r"(?<=\$)\s*(?:ca|can|au|aus|nz|hk|sg|mx|nt)\b|(?:c|ca|can|a|au|nz|hk|s|sg|mx|nt|r)\$)(?![\w$])",
    re.IGNORECASE,
)


def foreign_before(text: str, start: int, digits_start: int) -> bool:
    """A sign or code of a currency without a rate just before the figure."""
    sign = _BEFORE.search(text, max(0, start - 8), digits_start)
    return bool(sign or _RAND.search(text, max(0, digits_start - 1), digits_start))


def foreign_after(text: str, end: int) -> re.Match[str] | None:
    """The name or code of a currency without a rate just after the figure."""
    return _AFTER.match(text, end)


# The company's own money: what it earns, has raised or is worth, and what it pays its people.
_OWN = (r"(?:revenues?|arr|mrr|run[- ]rate|sales|turnover|gmv|income|profits?|earnings|ebitda|(?:pre-)?seed|"
        r"series\s+[a-e]|round|funding|raise|valuation|salar(?:y|ies)|wages?|payroll)")  # fmt: skip
# "$4M revenue", "$120k ARR", "a $2M seed", "$10k a month in sales", "a $30M company" (not "a $5k startup budget")
_OWN_AFTER = re.compile(
    r"\s*(?:(?:a|an|per|/)\s*(?:year|yr|month|mo|annum)\s+)?(?:(?:in|of)\s+)?(?:(?:annual|yearly|monthly|"
    r"annuali[sz]ed|recurring|net|gross|total|seed|venture|vc|base|starting|average)\s+)*" + _OWN + r"\b|"
    r"\s*(?:company|business|startup|brand|firm|agency)\b(?![\s-]+(?:budget|spend|credits?|plan|tier|cap)\b)",
    re.IGNORECASE,
)
# "revenue is around $12M", "we raised $2M", "valued at $30M", "agents earn $45k", "we charge $29 a month"
_OWN_BEFORE = re.compile(
    r"\b(?:" + _OWN + r"|raised|raising|funded|valued|earns?|earning|earned|generates?|generating|"
    r"(?:we|company|business|startup|firm|brand|shop|store)\s+(?:makes?|made|brings?\s+in|brought\s+in)|"
    r"charges?|charging|charged|priced|pricing|sells?|selling|sold)\b",
    re.IGNORECASE,
)
# A figure with no currency is the company's money only beside a word no count goes with: "we do 2M in
# revenue a year", "120k ARR", "revenue is about 2M" (not "300 sales a day" or "sales team handles 300 calls").
_MONEY_ONLY = r"(?:revenues?|arr|mrr|turnover|gmv|valuation|funding|salar(?:y|ies))"
_BARE_AFTER = re.compile(r"\s*(?:(?:a|an|per|/)\s*(?:year|yr|month|mo|annum)\s+)?(?:in\s+(?:sales|revenue|funding)|"
                         r"(?:(?:annual|yearly|monthly|recurring)\s+)*" + _MONEY_ONLY + r")\b",
                         re.IGNORECASE)  # fmt: skip
_BARE_BEFORE = re.compile(r"\b" + _MONEY_ONLY + r"\s*(?:(?:is|are|was|of|at|around|about|roughly|approx\.?|"
                          r"approximately|~|:|=)\s*)*$", re.IGNORECASE)  # fmt: skip
# Words that make a bare number in their clause a sum of money to spend.
SPEND = re.compile(
    r"\b(?:budgets?|spend|spending|bill|billing|afford|cap of|capped at|ceiling|allocated?|set aside|"
    r"pay(?:ing)?|invoice(?:d)? (?:at|for))\b",
    re.IGNORECASE,
)


# The organisation's whole budget, told beside its headcount: "(8 staff, $1.2M annual budget)".
# ("$60k annual budget for the API" is this project's)
_WHOLE_BUDGET_AFTER = re.compile(r"\s*(?:(?:annual|yearly|total|overall|operating)\s+)+budget\b"
                                 r"(?!\s+(?:for|on|towards)\b)", re.IGNORECASE)  # fmt: skip
_HEADCOUNT = re.compile(r"\d[\d,.]*\s*(?:k\s+)?(?:staff|employees|people|ftes?|members|volunteers|headcount)\b|"
                        r"\b(?:staff|employees|headcount|team)\s+of\s+\d", re.IGNORECASE)  # fmt: skip


_BRACKET_OR_SENTENCE = re.compile(r"[()[\]]|[.!?](?:\s|$)")


def company_money(text: str, end: int, clause: str, marked: bool, ends_bare: bool) -> bool:
    """The company's own money, not what it can spend: a revenue or funding word right after the figure,
    or, for a sum with a currency, before it in its clause with no spending word nearer ("our revenue of
    $2.5M" is revenue; "revenue is $2M, so the budget is $3k" has a budget). A figure with no currency
    needs the word beside it, and nothing counted after it when the word comes first ("funding: 300
    requests a day" counts requests)."""
    if not marked:
        return bool(_BARE_AFTER.match(text, end) or (ends_bare and _BARE_BEFORE.search(clause)))
    if _OWN_AFTER.match(text, end) or _organisation_budget(text, end):
        return True
    tail = re.split(r"[\d$€£]", clause)[-1]  # the words after the clause's last figure
    said = [*_OWN_BEFORE.finditer(tail)]
    return bool(said) and not SPEND.search(tail, said[-1].end())


def _organisation_budget(text: str, end: int) -> bool:
    """An annual or operating budget told in the same bracket or sentence as the organisation's headcount is
    the whole organisation's, not what this project may spend ("Small nonprofit (8 staff, $1.2M annual
    budget) ... maybe $50/month for this")."""
    if not _WHOLE_BUDGET_AFTER.match(text, end):
        return False
    opened = [*_BRACKET_OR_SENTENCE.finditer(text, 0, end)]
    closed = _BRACKET_OR_SENTENCE.search(text, end)
    return bool(_HEADCOUNT.search(text, opened[-1].end() if opened else 0, closed.start() if closed else len(text)))
