"""Text that did not come from our code, made safe to show on a terminal.

Files, model output, records, LLM replies and catalog overrides may carry escape sequences (clear
the screen, set the window title, hyperlinks, BEL) or bidi overrides that reorder what is read.
They are shown visibly instead: C0 controls as their Unicode control pictures (ESC as U+241B),
everything else as <U+202E>. `--json` output does not pass through here; JSON escapes them.
"""

from __future__ import annotations

import re

# C0 and C1 controls, DEL, bidi embeddings/overrides/isolates and marks, line and paragraph
# separators, invisible format characters, lone surrogates. Zero-width (non-)joiners stay: emoji
# sequences need them.
_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u00ad\u0600-\u0605\u061c\u06dd\u070f\u180e\u200b\u200e\u200f\u2028-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\ud800-\udfff\U000e0001]"
)


def _shown(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    return f"<U+{code:04X}>"


def visible(text: str, keep: str = "\n\t") -> str:
    """`text` with every control, bidi or invisible format character shown visibly, except `keep`."""
    if text.isprintable():
        return text
    return _UNSAFE.sub(lambda match: match.group() if match.group() in keep else _shown(match), text)


def is_clean(text: str) -> bool:
    """No control, bidi or invisible format characters at all (not even newlines)."""
    return _UNSAFE.search(text) is None
