"""Whether a word is ruled out by a negation before it in the same clause ("no audio", "we don't need
vision", "no audio, images or video"). Pure."""

from __future__ import annotations

import re

_CUE = re.compile(r"(?:\b(?:no|not|never|without|nor|neither|excluding|except|zero|cannot)\b|n[’']t)"
                  r"(?:\s+(?:need|want|use|require|have|support|handle)s?\b)?", re.IGNORECASE)  # fmt: skip
# A negation reaches over a list of nouns, not past a new clause or a contrast.
_BREAK = re.compile(
    r"[.;:!?()—]|\b(?:but|however|though|although|just|only|instead|yet|so|because|since|while|whereas|which|that|"
    r"we|our|it|it's|they|i|you|is|are|must|should|will|need|needs|want|wants|then|also|plus)\b",
    re.IGNORECASE,
)
_REACH = 60  # characters: a cue further back governs another phrase


def negated(text: str, start: int) -> bool:
    """True when the word at `start` sits inside a negation's scope."""
    window = text[max(0, start - _REACH) : start]
    cues = list(_CUE.finditer(window))
    if not cues:
        return False
    gap = window[cues[-1].end() :]
    return len(gap.split()) <= 6 and not _BREAK.search(gap)
