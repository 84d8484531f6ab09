"""Numbers written in words ("three hundred", "half a million") turned into digits, so the
readers of volumes and money see one grammar; the user's own words are put back into evidence."""

from __future__ import annotations

import re

from agent.advisor.rules.digit_groups import join_groups
from agent.advisor.rules.grade_labels import labels
from agent.advisor.rules.number_words_abroad import spelled_sums

_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
          "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
          "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
          "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}  # fmt: skip
# "a few hundred" and "several thousand" stay words: a guessed count is worse than none.
_LEADS = {"a": 1, "an": 1, "half a": 0.5, "a quarter": 0.25, "a quarter of a": 0.25, "a couple": 2,
          "a couple of": 2}  # fmt: skip
# "grand" stays a word ("ten grand" -> "10 grand"): it says money as well as a thousand.
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
           "trillion": 1_000_000_000_000}  # a trillion is read, so the bounds can refuse it aloud
_UNIT = r"(?:" + "|".join(sorted(_UNITS, key=len, reverse=True)) + r")"
_LEAD = "|".join(sorted((re.escape(w) for w in _LEADS), key=len, reverse=True))
_SCALE = r"(?:hundred|thousand|million|billion|trillion)"
# "two hundred and fifty thousand", "ten grand", "half a million", "twenty-five": a run of number words.
_SPELLED = re.compile(
    r"\b(?:(?:" + _LEAD + r")\s+(?=" + _SCALE + r")|" + _UNIT + r"(?:[- ]" + _UNIT + r")?\s*)"
    r"(?:" + _SCALE + r"\b(?:\s+(?:and\s+)?" + _UNIT + r"(?:[- ]" + _UNIT + r")?(?:\s+" + _SCALE + r")?)?)?"
    r"(?!\w|-(?!ish\b))",  # "twenty-ish" is twenty, said roughly
    re.IGNORECASE,
)


def _value(words: str) -> float | None:
    """The number a run of number words names; None for a lone "a" or for words that are no number."""
    lowered = re.sub(r"\s+", " ", words.lower().replace("-", " ")).strip()
    for lead, value in sorted(_LEADS.items(), key=lambda item: -len(item[0])):
        if lowered.startswith(lead + " "):
            lowered = lowered[len(lead) :].strip()
            total, current = 0.0, value
            break
    else:
        total, current = 0.0, 0.0
    for word in lowered.split():
        if word == "and":
            continue
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _SCALES:
            scale = _SCALES[word]
            if scale >= 1_000:
                total += (current or 1) * scale
                current = 0.0
            else:
                current = (current or 1) * scale
    return total + current or None


_MULTIPLIERS = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6}
_SIDE = r"(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s?(k|thousand|m|million)\b)?"
# "10-20k requests", "between 3 and 5 thousand chats": a range is read at its midpoint, and a suffix
# on the upper end alone ("10-20k") belongs to both ends.
_RANGE = re.compile(r"(?<![\d.,])(?:between\s+" + _SIDE + r"\s+and\s+|" + _SIDE + r"\s*(?:-|–|to)\s*)" + _SIDE
                    + r"(?![\d.,]\d)", re.IGNORECASE)  # fmt: skip


def _midpoint(match: re.Match[str]) -> float | None:
    low_digits, low_suffix = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
    high_digits, high_suffix = match.group(5), match.group(6)
    high = float(high_digits.replace(",", "")) * _MULTIPLIERS.get((high_suffix or "").lower(), 1)
    low = float(low_digits.replace(",", "")) * _MULTIPLIERS.get((low_suffix or high_suffix or "").lower(), 1)
    if low_suffix is None and high_suffix and low > high:
        low = float(low_digits.replace(",", ""))  # "500-2k": the suffix is the upper end's only
    return (low + high) / 2 if 0 < low < high else None


def _digits(value: float) -> str:
    return f"{value:.0f}" if value == int(value) else f"{value:g}"


# "about a grand a month", "a couple grand", "half a grand": a thousand dollars, said as money ("a grand
# total", "a grand plan" are no sum: a noun follows them, where a sum is followed by a period or the clause's end).
_A_GRAND = re.compile(r"\b(?P<lead>half a|a couple(?: of)?|couple(?: of)?|a)\s+grand\b(?!\s+(?!(?:a|an|per|each|every|"
                      r"or|to|for|in|on|at|max|maximum|tops|is|was|would|should|will|monthly|yearly|annually|weekly|"
                      r"but|so|that|which|if|we|i)\b)[a-z])", re.IGNORECASE)  # fmt: skip
_GRANDS = {"half a": "0.5", "a couple": "2", "a couple of": "2", "couple": "2", "couple of": "2", "a": "1"}
# "one and a half thousand dollars", "two and a half grand", "3 and a half million"
_AND_A_HALF = re.compile(r"\b(" + _UNIT + r"|\d+)\s+and\s+a\s+half\s+(hundred|thousand|million|billion|grand|k|m)\b",
                         re.I)  # fmt: skip


# "a dozen times a day", "half a dozen", "two dozen", "3 dozen"; "dozens of" is no count.
_DOZEN = re.compile(r"\b(?P<lead>half\s+a|a|one|two|three|four|five|six|\d{1,2})\s+dozen\b(?!s)", re.IGNORECASE)
_DOZENS = {"half a": 6, "a": 12, "one": 12, "two": 24, "three": 36, "four": 48, "five": 60, "six": 72}


_FRACTION_AFTER = re.compile(r"\s+(?:third|quarter|fifth|tenth)\b", re.IGNORECASE)

# "three to five hundred", "between two and three thousand", "3-4 hundred", "two or three thousand": one
# scale word said once for both ends (300-500), read at the midpoint. A scale said twice is the plain reader's;
# "two to three hundred-page reports" are a few long reports.
_END = r"(?:\d{1,3}(?:\.\d+)?|" + _UNIT + r"(?:-" + _UNIT + r")?)"
_SHARED_SCALE = re.compile(
    r"(?<![\w.,])(?:between\s+(?P<low_b>" + _END + r")\s+and|(?P<low>" + _END + r")\s*(?:to|or|-|–))\s*"
    r"(?P<high>" + _END + r")\s+(?P<scale>(?:hundred|thousand|million|billion)(?:\s+(?:thousand|million))?)"
    r"(?![\w-])(?!\s+(?:and\s+)?(?:" + _UNIT + r"|\d))",  # "three to four hundred and fifty": not one scale
    re.IGNORECASE,
)
# "5 hundred requests", "2 hundred thousand": digits before the word "hundred"
_DIGITS_HUNDRED = re.compile(r"(?<![\w.,])(\d{1,2}(?:\.\d+)?)\s+hundred(?![\w-])", re.IGNORECASE)


_SCALE_WORD = re.compile(_SCALE, re.IGNORECASE)


def _one_number(said: str) -> str:
    """The first number of a run of number words: "two thousand and four thousand" is two numbers (a range's
    ends), as a scale said again no smaller than the thousands before it shows; "two million and three
    thousand", "two hundred and fifty thousand" are one."""
    scales = list(_SCALE_WORD.finditer(said))
    if len(scales) == 2 and 1_000 <= _SCALES[scales[0].group(0).lower()] <= _SCALES[scales[1].group(0).lower()]:
        return said[: scales[0].end()]
    return said


def _end_value(said: str) -> float | None:
    return float(said) if said[0].isdigit() else _value(said)


# "chatbot, -300 requests a day": a minus before a figure, which no reader may take as 300. Not a range ("200 -300"),
# a name ("GPT-4"), or a list's bullet ("-300 requests a day" on a line of a list whose lines start with "-").
# "$-5" and "-5 dollars" stay for the money reader, which says them back as below zero
_MINUS = re.compile(r"(?<![\w\-−–.,$€£])[-−](?=\d)"
                    r"(?!\d[\d.,]*\s*(?:k\s+)?(?:dollars?|usd|eur|euros?|bucks|pounds?|gbp)\b)", re.IGNORECASE)
_RANGE_BEFORE = re.compile(r"(?:\d|\b(?:k|m|hundred|thousand|million|billion|" + _UNIT[3:-1] + r"))\s*$", re.I)
NEGATIVE = "negative-figure"  # what stands for a negative figure: no reader counts it


def _negatives(text: str) -> tuple[str, str]:
    """The text with each negative figure as NEGATIVE ("-300" -> "negative-figure"), and the first one's words."""
    listed = len(re.findall(r"^\s*-", text, re.M)) > 1
    pieces, last, said = [], 0, ""
    for minus in _MINUS.finditer(text):
        line = text[text.rfind("\n", 0, minus.start()) + 1 : minus.start()]
        if (listed and not line.strip() and minus.group(0) == "-") or _RANGE_BEFORE.search(line):
            continue
        figure = re.match(r"\d+(?:[.,]\d+)*", text[minus.end() :])
        assert figure is not None
        pieces += [text[last : minus.start()], NEGATIVE]
        last = minus.end() + figure.end()
        said = said or text[minus.start() : last]
    return "".join([*pieces, text[last:]]), said


class Spelled:
    """A message with its numbers in words written as digits; `original` maps evidence back."""

    def __init__(self, text: str) -> None:
        text, self.words = join_groups(text)  # "40.000", "15 000": one figure each, before ranges read them
        text, negative = _negatives(text)
        if negative:
            self.words[NEGATIVE] = negative
        text, abroad = spelled_sums(text)  # "zweitausend Euro": a sum spelled in another language
        self.words.update(abroad)
        text, grades = labels(text)  # "class 9-10 students": which students, not how many
        self.words.update(grades)
        self.midpoints: set[str] = set()  # the digits that stand for a range
        text = _A_GRAND.sub(self._a_grand, _AND_A_HALF.sub(self._and_a_half, text))
        text = _DOZEN.sub(self._dozen, text)
        text = _DIGITS_HUNDRED.sub(self._hundreds, _SHARED_SCALE.sub(self._shared_scale, text))
        pieces, last = [], 0
        at = 0
        while match := _SPELLED.search(text, at):
            said = _one_number(match.group(0).rstrip())
            at = match.start() + len(said)
            if said.lower() in _LEADS or said.lower() in ("a", "an"):
                continue
            if said.lower() == "one" and _FRACTION_AFTER.match(text, match.start() + len(said)):
                continue  # "one third of them" is a share (SHARE_WORDS), not one of something
            value = _value(said)
            if value is None:
                continue
            digits = _digits(value)
            pieces += [text[last : match.start()], digits]
            last = match.start() + len(said)
            self.words[digits] = said
        self.text = self._ranges("".join([*pieces, text[last:]]))

    def _shared_scale(self, match: re.Match[str]) -> str:
        low, high = _end_value(match.group("low_b") or match.group("low")), _end_value(match.group("high"))
        scale = _value("one " + match.group("scale"))
        if not (low and high and scale and low < high):
            return match.group(0)
        digits = _digits((low + high) / 2 * scale)
        self.words[digits] = match.group(0)
        self.midpoints.add(digits)
        return digits

    def _hundreds(self, match: re.Match[str]) -> str:
        digits = _digits(float(match.group(1)) * 100)
        self.words[digits] = match.group(0)
        return digits

    def _dozen(self, match: re.Match[str]) -> str:
        lead = " ".join(match.group("lead").lower().split())
        digits = str(_DOZENS[lead] if lead in _DOZENS else int(lead) * 12)
        self.words[digits] = match.group(0)
        return digits

    def _a_grand(self, match: re.Match[str]) -> str:
        digits = _GRANDS[" ".join(match.group("lead").lower().split())] + " grand"
        self.words[digits] = match.group(0)
        return digits

    def _and_a_half(self, match: re.Match[str]) -> str:
        whole = match.group(1)
        value = (float(whole) if whole.isdigit() else _UNITS[whole.lower()]) + 0.5
        scale = {"k": "thousand", "m": "million"}.get(match.group(2).lower(), match.group(2).lower())
        if scale == "grand":  # stays a word: it says money
            digits, tail = _digits(value), " grand"
        else:
            digits, tail = _digits(value * _SCALES[scale]), ""
        self.words[digits] = match.group(0)[: len(match.group(0)) - len(tail)] if tail else match.group(0)
        return digits + tail

    def _ranges(self, text: str) -> str:
        pieces, last = [], 0
        for match in _RANGE.finditer(text):
            middle = _midpoint(match)
            if middle is None:
                continue
            digits = _digits(middle)
            pieces += [text[last : match.start()], digits]
            last = match.end()
            self.words[digits] = self.original(match.group(0))
            self.midpoints.add(digits)
        return "".join([*pieces, text[last:]])

    def original(self, evidence: str, midpoints: bool = False) -> str:
        """The evidence in the user's words; with `midpoints`, a range says the figure it was read as
        ("5 to 6 (midpoint 5.5) messages each")."""
        for digits, said in sorted(self.words.items(), key=lambda item: -len(item[0])):
            if midpoints and digits in self.midpoints:
                said = f"{said} (midpoint {digits})"
            # whole figures only: "two" said elsewhere must not turn the "2k" of "2k messages" into "twok"
            evidence = re.sub(rf"(?<![\w.,]){re.escape(digits)}(?![\w.,])", said.replace("\\", r"\\"), evidence)
        return evidence


# "half", "a third", "one quarter", "30%": a share of something, as a fraction.
SHARE_WORDS = {"half": 1 / 2, "a third": 1 / 3, "one third": 1 / 3, "a quarter": 1 / 4, "one quarter": 1 / 4,
               "a fifth": 1 / 5, "one fifth": 1 / 5, "a tenth": 1 / 10, "one tenth": 1 / 10}  # fmt: skip


def share_of(said: str) -> float:
    """The fraction a share's words or percentage stand for ("A  third" 1/3, "30 %" 0.3)."""
    said = " ".join(said.lower().split())
    return float(said.rstrip("% ")) / 100 if said.endswith("%") else SHARE_WORDS[said]


SHARE_WORD = "|".join(word.replace(" ", r"\s+") for word in sorted(SHARE_WORDS, key=len, reverse=True))
# "Half our 10,000 users", "30% of the 2,000 staff", "a third of them": a share said just before a count.
SHARE_BEFORE = re.compile(r"(?:(\d+(?:\.\d+)?)\s*%|\b(" + SHARE_WORD + r"))\s+(?:of\s+)?"
                          r"(?:our|the|its|their|all)?\s*$", re.IGNORECASE)  # fmt: skip


def share_before(text: str, start: int) -> tuple[float, str] | None:
    """(fraction, its words) for a share said just before `start`, or None."""
    said = SHARE_BEFORE.search(text[max(0, start - 24) : start])
    if said is None:
        return None
    return (float(said.group(1)) / 100 if said.group(1) else share_of(said.group(2))), said.group(0).strip()
