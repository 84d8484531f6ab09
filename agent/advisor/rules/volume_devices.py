"""One device on each of several units: "3 production lines, each camera takes a photo every 10 seconds"
has a camera per line, so the photos are three lines' worth. Only a device named with "each" right after
the count of units, and counted nowhere else ("2 cameras per line" says how many), is read as one a unit;
people are never one a unit ("20 consultants, each client ..."). Pure; numbers as digits."""

from __future__ import annotations

import re
from typing import NamedTuple

_DEVICES = (r"camera|sensor|robot|machine|device|scanner|kiosk|terminal|till|printer|drone|meter|microphone|mic|"
            r"screen|display|tablet|controller|gateway|detector|reader|recorder|dashcam|webcam|tracker")  # fmt: skip
_ONE_EACH = re.compile(
    r"(?<![$€£\d.,])\d+(?:,\d{3})*\s+(?:[a-z-]+\s+)?(?P<unit>[a-z][a-z-]*[a-z])s\b\s*[,;:(–-]?\s*(?:and\s+)?"
    r"(?P<each>(?:each|every)\s+(?:(?:line|unit|site|station|store|room|bay)['’]s\s+)?(?P<device>" + _DEVICES
    + r"))\b(?!\s+of\b)",
    re.IGNORECASE,
)


class OneEach(NamedTuple):
    device: str  # singular: "camera"
    unit: str  # singular: "line"
    start: int  # where "each camera" starts
    end: int


def one_device_each(text: str) -> list[OneEach]:
    """Every device said to be one on each unit of a count just before it."""
    found = []
    for match in _ONE_EACH.finditer(text):
        device = match.group("device").lower()
        if re.search(rf"(?<![\w.,])\d+(?:,\d{{3}})*\s+(?:[a-z-]+\s+)?{device}s\b", text, re.IGNORECASE):
            continue  # the devices are counted: "2 cameras per line"
        unit = match.group("unit").lower()
        found.append(OneEach(device, unit, match.start("each"), match.end("each")))
    return found
