"""The phrasings that say no one waits on the answer ("an overnight batch is fine", "nothing is realtime",
"it can all go through batch", "feedback can come back the next day"), as one pattern. Pure data."""

from __future__ import annotations

import re

_REALTIME = r"real[- ]?time"
_FINE = r"(?:fine|ok|okay|acceptable|enough|good|works?)"
_QUITE = r"(?:totally\s+|perfectly\s+|completely\s+|absolutely\s+|also\s+|just\s+|probably\s+|more\s+than\s+)?"
# A batch named as the way the work runs: "a weekly batch", "overnight jobs", "in one batch", "as a batch job".
_NAMED = [
    r"\b(?:overnight|nightly|offline|asynchronous|async|batch)\s+(?:bulk\s+)?(?:batch(?:es)?|jobs?|runs?|processing|mode)"
    r"\b(?!\s+of\b)",
    r"\b(?:weekly|daily|monthly|hourly|scheduled|end[- ]of[- ](?:day|week|month)|one|single|bulk)\s+batch(?:es)?\b"
    r"(?!\s+of\b)",
    r"\b(?:run|ran|runs|running|process\w*|sen[dt]\w*|submit\w*|kick\w*\s+(?:\w+\s+)?off|do|does|done|handl\w+|"
    r"generat\w+|go|goes|went|queue\w*|fire\w*\s+off)\s+(?:\w+\s+){0,3}?(?:in|as|through|via)\s+(?:an?\s+|one\s+|"
    r"the\s+|a\s+single\s+)?(?:\w+\s+)?batch(?:es)?\b(?!\s+of\b)",
    r"\b(?:obviously|clearly|definitely|purely|entirely|all|100%)\s+(?:a\s+)?batch\b",
    r"(?:(?<=\bis\s)|(?<='s\s)|(?<=’s\s))(?:\w+\s+){0,2}?batch\s+(?:jobs?|use[- ]cases?|workloads?|things?|"
    r"process(?:es)?|tasks?)\b",
]
# A batch or a delay said to be fine: "batch totally fine", "overnight is fine", "a day's delay is fine".
_FINE_DELAY = [
    r"\bbatch(?:es|ed|ing)?(?!\s+size)\s+(?:(?:\w+\s+){0,2}?(?:is|are|would\s+be|'s|should\s+be|will\s+be)\s+)?"
    r"(?!not\b|never\b)" + _QUITE + _FINE + r"\b",
    r"\bwithin\s+(?:24|48|a few)\s+hours\s+is\s+(?:fine|ok|okay|acceptable)",
    r"\b(?:overnight|nightly|at\s+night|next[- ]day|the\s+next\s+(?:day|morning)|tomorrow|by\s+morning|later|"
    r"a\s+day[’']?s?\s+delay|(?:within|in)\s+(?:24|48|72)\s*h(?:ours?|rs?)?|(?:within|in)\s+a\s+day|over\s+the\s+weekend|"
    r"(?:over|within|in)\s+(?:a|one|the)\s+(?:week|few\s+days|couple\s+of\s+days)|"
    r"(?:within|in)\s+(?:a\s+few|several|\d+)\s+(?:hours|days)|(?:the\s+)?(?:next|following)\s+(?:business|working)\s+day|"
    r"(?<![\d.,])(?:24|36|48|72)\s*-?\s*h(?:ours?|rs?)?|(?:a|one)\s+(?:day|week)|(?:a\s+)?(?:couple|few)\s+(?:of\s+)?days)"
    r"\s+(?:(?:\w+\s+){0,2}?(?:is|are|would\s+be|'s)\s+)?(?:totally\s+|perfectly\s+|completely\s+)?"
    r"(?:fine|ok|okay|acceptable|good|works|work)\b",
    # a turnaround said as a time allowed: "Turnaround: next business day", "SLA - 48 hours", "TAT of 2 days"
    r"\b(?:turn-?around|tat|sla|delivery\s+time)(?:\s+time)?\s*(?::|=|-|–|—|of|is)\s*(?:within\s+|by\s+|up\s+to\s+)?"
    r"(?:the\s+)?(?:(?:next|following)\s+(?:business\s+|working\s+)?(?:day|morning)|overnight|(?<![\d.,])(?:24|36|48|72)\s*-?\s*"
    r"h(?:ours?|rs?)?\b|(?:a|one|two|three|[1-9])\s+(?:business\s+|working\s+)?days?\b|(?:a|one)\s+week)",
    r"\b(?:fine|ok|okay|acceptable|good enough)\s+(?:by\s+)?(?:the\s+)?(?:next|following)\s+(?:business\s+|working\s+)?"
    r"(?:morning|day)\b",
    r"\b(?:fine|happy|ok|okay|content)\s+(?:with\s+)?(?:waiting|to\s+wait)\s+(?:until|till|for|a|overnight)\b",
    # "fine if it trickles through over a week", "ok if results take a few hours"
    r"\b(?:fine|ok|okay|acceptable|no\s+problem)\s+if\s+(?:\w+\s+){1,5}?(?:over|within|in|by|takes?|taking)\s+"
    r"(?:a|the|next|one|two|a\s+few|a\s+couple\s+of|several|\d+)\s+(?:\w+\s+)?(?:weeks?|days?|hours|morning|weekend)\b",
    r"\btrickl\w+\s+(?:in|through|out)\b",
    r"(?:n[’']t|\bnot)\s+mind\s+(?:if\s+)?(?:it(?:'s|\s+is)\s+|it\s+being\s+)?slow|\bslow\s+is\s+(?:fine|ok|okay)\b",
]
# Waiting said to be possible: "can wait until Monday", "it can all go through batch", "can come back the next day".
_CAN_WAIT = [
    r"\bcan wait\s+(?:until|till|for|overnight|a day|a few hours|hours|24)",
    r"\bcan\s+(?:all\s+|just\s+|easily\s+)?(?:be\s+)?(?:batch(?:ed)?|run|ran|processed|done|generated|handled|go|happen|"
    r"sent|wait)\b[^.;!?,]{0,30}?\b(?:at\s+night|overnight|nightly|later|in\s+the\s+background|off[- ]?peak|"
    r"(?:through|via|in|as)\s+(?:an?\s+|the\s+)?(?:\w+\s+)?batch(?:es)?\b(?!\s+of\b))",
    r"\bcan\s+(?:all\s+)?be\s+batch(?:ed)?\b|\bcan\s+batch\b",
    r"\b(?:can|could|may|might)\s+(?:come|arrive|land|wait|go\s+out|get\s+back|be\s+(?:back|ready|delivered|done|sent|"
    r"returned|available|read))\s+(?:\w+\s+)?(?:by\s+|until\s+|till\s+)?(?:the\s+)?(?:(?:next|following)\s+"
    r"(?:business\s+|working\s+)?(?:day|morning|week)|tomorrow)\b",
    # "the report can land in their inbox next morning", "fine if results come the next morning"
    r"\b(?:can|could|may|might)\s+(?:arrive|land|be\s+(?:ready|delivered|sent|waiting))\s+(?:in|on|at)\s+(?:\w+\s+){0,3}?"
    r"(?:the\s+)?(?:next|following)\s+(?:business\s+|working\s+)?(?:day|morning)\b",
    r"\b(?:fine|ok|okay|acceptable|no\s+problem)\s+if\s+(?:the\s+)?(?:results?|answers?|outputs?|reports?|summar\w+|"
    r"replies|responses|it|they)\s+(?:come|comes|arrive|arrives|land|lands|(?:is|are)\s+ready|show\s+up)\s+"
    r"(?:\w+\s+){0,2}?(?:the\s+)?(?:(?:next|following)\s+(?:business\s+|working\s+)?(?:day|morning)|tomorrow)\b",
    r"\bcan\s+(?:be\s+)?(?:run|processed|done|handled|sent)\s+(?:later\s+)?in\s+batch(?:es)?\b",
    r"\b(?:process|run|do|handle|generate)\w*\s+(?:\w+\s+){0,5}overnight\b(?!\s+(?:orders|tickets|traffic|requests|"
    r"messages|emails|calls|arrivals|shifts?|staff|deliver(?:y|ies)))",  # "overnight orders come in": when work arrives
    # a job run on its own schedule: "we'd run it once a week across the whole repo, overnight"
    r"\b(?:run|process|do|sweep|scan)\w*\s+(?:it|them|this|these|everything|the\s+(?:\w+\s+)?(?:job|scan|review|sweep|"
    r"pass|pipeline|analysis|audit))\s+(?:once|twice|every|each|weekly|nightly|monthly)\b"
    r"(?!\s+(?:time|request|call|message|pr|commit|push|change)s?\b)[^.;!?]{0,60}?(?<!nothing )(?<!not )(?<!no )"
    r"\b(?:overnight|at\s+night|over\s+the\s+weekend)\b",
    r"\bqueue\s+(?:\w+\s+){0,2}?up\b[^.;!?]{0,30}?\b(?:later|tomorrow|overnight)\b",
    r"\b(?:grind|churn|chew|work)\s+through\s+(?:\w+\s+){0,2}?(?:overnight|over\s+the\s+weekend)\b",
    r"\b(?:queued|sent|delivered|reviewed|read|review|used)\s+(?:\w+\s+){0,2}?(?:the\s+)?next\s+(?:morning|day)\b",
    r"\b(?:by|within)\s+(?:the\s+)?(?:next|following)\s+(?:business\s+|working\s+)?(?:day|morning)\b",
    r"\bpre-?(?:generated|computed|rendered)\b|\bduring\s+(?:the\s+|our\s+)?builds?\b",
    r"\b(?:it'?s|is|runs?|can be|be)\s+(?:\w+\s+)?(?:async|asynchronous(?:ly)?)\b",
]
# Speed said not to be needed: "no real-time needed", "nothing is realtime", "latency doesn't matter".
_NO_HURRY = [
    r"\bno rush\b|\bnot\s+in\s+a\s+hurry\b|\bno\s+hurry\b|\bnot\s+(?:time[- ]sensitive|urgent)\b",
    r"\bno\s*(?:one|body)(?:[’']s)?\s+(?:is\s+)?(?:\w+\s+){0,3}?wait\w*\s+(?:on|for)\b",
    r"\bno\s*(?:one|body)\s+needs?\s+(?:\w+\s+){0,2}?(?:instantly|immediately|right\s+away|in\s+" + _REALTIME + r")\b",
    r"\bnothing(?:[’']s\s+|\s+(?:here\s+|of\s+this\s+|in\s+this\s+)?(?:(?:is|needs\s+to\s+be|has\s+to\s+be|must\s+be)\s+)?)"
    r"(?:really\s+)?(?:" + _REALTIME + r"|urgent|instant|live|time[- ](?:critical|sensitive))\b",
    r"\bnone\s+of\s+(?:this|it|these|them)\s+(?:is|are)\s+(?:really\s+)?(?:" + _REALTIME
    + r"|urgent|time[- ](?:critical|sensitive))",
    r"\bno\s+need\s+(?:for\s+)?(?:\w+\s+)?" + _REALTIME + r"\b|\bno\s+" + _REALTIME
    + r"\s+(?:\w+\s+)?(?:needed|required|necessary|requirements?|needs?|constraints?)\b",
    r"\b" + _REALTIME + r"\s+(?:is\s+)?(?:not|n[’']t|isn[’']t)\s+(?:\w+\s+)?"
    r"(?:needed|required|necessary|a\s+requirement)\b",
    r"(?:\b(?:don[’']?t|doesn[’']?t|do\s+not|does\s+not|no)|\bnot)\s+need\s+(?:it\s+|them\s+|answers\s+|results\s+)?"
    r"(?:to\s+be\s+|for\s+)?(?:fast|quick(?:ly)?|instant\w*|immediate\w*|" + _REALTIME + r"|right\s+away)",
    r"\b(?:doesn[’']t|does\s+not|don[’']t|do\s+not)\s+(?:have|need)\s+to\s+(?:be|react|respond|reply|answer|come\s+back)"
    r"\s+(?:\w+\s+)?(?:fast|quick(?:ly)?|instant(?:ly)?|" + _REALTIME + r"|immediate(?:ly)?|right\s+away)\b",
    r"\b(?:turnaround|latency|speed|response times?)\s+(?:is\s+not|isn[’']t|is\s+no)\s+(?:\w+\s+)?"
    r"(?:critical|important|urgent|a (?:concern|priority|big deal)|an issue)\b",
    r"(?:n[’']t|\bnot)\s+care\s+(?:much\s+)?about\s+(?:latency|speed|response times?)",
    r"\b(?:latency|speed|response\s+times?)\s+(?:doesn[’']t|does\s+not|don[’']t)\s+(?:really\s+)?matter\b",
    # no deadline on work spread out: "no deadline really, this runs over the next year", "no deadline on results"
    r"\bno\s+(?:real\s+|hard\s+|strict\s+|tight\s+|fixed\s+)?deadlines?\b(?:\s+(?:on|for)\s+(?:the\s+)?(?:results|answers|"
    r"outputs|responses|processing|replies)\b|(?=[^.!?\n]{0,80}?\b(?:over\s+(?:the\s+)?(?:next|coming|following)\s+"
    r"(?:\w+\s+)?(?:years?|months|weeks|quarters?)|whenever|backlog|backfill|in\s+the\s+background)))",
]

BATCH = re.compile("|".join([*_NAMED, *_FINE_DELAY, *_CAN_WAIT, *_NO_HURRY]), re.IGNORECASE)
