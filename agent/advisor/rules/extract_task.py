"""The task and the capabilities a message asks for, from words that name them ("classify", "chatbot",
"summarise") or only hint at them ("invoices", "contracts", "triage"). Pure functions.

A word that names the task counts twice a hint; a negated word ("no images") counts for nothing; a task
read from hints alone is inferred, and so are tools read from "agent"."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from agent.advisor.rules.negation import denied_after, negated


def _words(*alternatives: str) -> re.Pattern[str]:
    # \b first: most positions fail it at once, so a long message costs little per pattern
    return re.compile(r"\b(?<!&)(?:" + "|".join(alternatives) + r")(?![a-z])", re.IGNORECASE)


def _not_after(*words: str) -> str:
    return "".join(rf"(?<!{word} )" for word in words)


# Human agents: "50 support agents", "for our agents to check", "a travel agent".
_HUMAN = ("support", "human", "sales", "service", "live", "customer", "centre", "center", "desk", "insurance", "travel",
          "estate", "field", "booking", "call")  # fmt: skip
_PEOPLES = _not_after(*_HUMAN, "our", "the", "their", "of", "to", r"[0-9]")
_HUMAN_AGENT = rf"(?:{_not_after(*_HUMAN, 'each', 'every', 'per')}agent|{_PEOPLES}agents)"
# An agent that is plainly the model: "an AI agent", "a coding agent", "an agent that files refunds".
_AI_AGENT = (r"(?:ai|llm|autonomous|coding|research|browsing|software|web|shopping|voice|ops|sre|devops|"
             r"on-call)\s+agents?|"
             r"agents?\s+(?:that|which)\s+(?:\w+\s+)?(?:calls?|uses?|takes?|runs?|files?|books?|opens?|executes?|"
             r"creates?|updates?|queries|searches|browses)")
_NOT_CODE = _not_after("reason", "zip", "postal", "promo", "discount", "country", "error", "status", "tax", "area",
                       "qr", "bar", "dress", "product", "billing", "access", "voucher", "category", "disposition",
                       "hs", "sic", "naics", "currency", "cost", "account", "department", "diagnosis")  # fmt: skip
# "it calls flight and hotel search APIs", "calling our CRM API"
# "calling it through a hosted API" is how the model is reached, not a tool it uses
_CALLS_APIS = (
    r"call(?:s|ing)?\s+(?!it\b|them\b|the\s+model)(?:our\s+|the\s+|an?\s+|external\s+)?(?:[\w-]+\s+){0,4}?apis?"
)
# Actions through the user's systems: "several tool calls per request", "updates the WMS through API calls",
# "looks up order status through our API", "calling our motion-planning functions".
# "1.2 million API calls monthly" counts requests; "updates the WMS through API calls" acts.
_TOOL_CALLS = (r"tool[- ]calls?|function\s+calls?|(?:through|via|with|using|makes?|making)\s+(?:\w+\s+)?api\s+calls?|"
               r"api\s+calls?\s+(?:to|into)\s+(?:our|the|their)\b")
# Only the user's own systems: "through the OpenAI API" is how the model is reached, not a tool it uses.
_THROUGH_APIS = (r"(?:through|via|using|with)\s+our\s+(?:own\s+)?(?:[\w-]+\s+){0,2}?apis?"
                 r"(?![\w-]|\s+(?:gateway|keys?|proxy|layer))|"
                 r"call(?:s|ing)?\s+our\s+(?:[\w-]+\s+){0,3}?functions")
# Reasoning the model must do itself: "has to reason through each step", "step-by-step proofs",
# "multi-step calculations".
_STEPWISE = (
    r"(?:has|have|needs?|must)\s+to\s+reason|step[- ]by[- ]step\s+(?:\w+\s+)?(?:proofs?|solutions?|derivations?|"
    r"reasoning|working)|multi[- ]step\s+(?:reasoning|calculations?|problems?|maths?|logic)|rigorous\s+proofs?"
)
# The whole document in one prompt: "see the whole contract at once", "stuff the whole filing into the prompt".
_WHOLE_DOCUMENT = (
    r"(?:whole|entire|full)\s+(?:\w+\s+)?(?:documents?|contracts?|filings?|reports?|manuscripts?|pdfs?|manuals?|books?|"
    r"handbooks?|transcripts?)"
    r"\s+(?:at\s+once|in\s+one\s+go|into\s+the\s+(?:prompt|context)|in\s+(?:a\s+single|one)\s+(?:prompt|request|call|"
    r"context))"
)
# "voice of the customer", "our brand voice", "rewrites drafts in our voice", "tone of voice" are style, not audio
_VOICE = (r"(?<!our )(?<!their )(?<!your )(?<!brand )(?<!tone of )(?<!author's )(?<!authorial )"
          r"voice(?![- ]of[- ](?:the[- ])?customer)(?!\s+(?:and|&)\s+tone)")

# (task, words that name it, words that hint at it). Order breaks ties: an image classifier is vision, and
# fields pulled from photos are extraction (the images still make vision a need).
TASKS: list[tuple[str, re.Pattern[str], re.Pattern[str] | None]] = [
    ("coding", _words(_NOT_CODE + r"code", "coding", r"programm(?:ing|ers?)", "autocomplete", "code review",
                      "refactor\\w*", "unit tests?", "pull requests?", "sql", "text-to-sql", "codebases?"),
     _words("ide", "developer tools?", "repos?", "monorepos?", "editor", "scripts")),
    ("extraction", _words("extract(?:s|ed|ing|ion|ors?)?", "pars(?:e|es|ed|ing|ers?)",
                          r"pull(?:s|ing|ed)?\s+[^.;!?]{0,120}?\bout of",
                          r"pull(?:s|ing|ed)?\s+out\b", r"digiti[sz](?:e|es|ed|ing|ation)",
                          "fields from", "structured data", "line items",
                          r"(?:returns?|outputs?|emits?)\s+(?:\w+\s+){0,3}as\s+json",
                          r"json\s+(?:out\s+of|from)", r"(?:pull|grab|capture|lift)(?:s|ing|ed)?\s+(?:the\s+)?"
                          r"(?:(?:[\w-]+|etc\.)(?:,\s*|\s+)){1,8}?into\s+(?:a\s+)?(?:fixed\s+|strict\s+|given\s+)?(?:json|schema|spreadsheet|"
                          r"structured)",
                          r"pulled\s+into\s+(?:a\s+|our\s+)?(?:table|spreadsheet|json|csv|database|structured)",
                          r"read\s+off\s+(?:them|it|the\s+\w+)\s+into",
                          r"(?:output|return|produce|emit)s?\s+(?:\w+\s+)?structured\s+json",
                          r"into\s+structured\s+(?:filters|fields|data|records|attributes)",
                          r"returns?\s+\{[^}]{0,80}\}",
                          # lease abstraction: "we abstract commercial leases", "abstracting contracts"
                          r"abstract(?:s|ing|ion)?\s+(?:[\w-]+\s+){0,2}?(?:leases|contracts|agreements|records|charts)",
                          r"lease\s+abstract(?:s|ion|ing)?"),
     _words("invoices?", "forms?", "entit(?:y|ies)", "receipts?", r"into\s+(?:strict\s+|valid\s+)?json")),
    ("vision", _words("images?", r"alt[- ]?text", "photo(?:graph)?s?", "photograph(?:ed|ing)?", "screenshots?",
                      "pictures?", r"videos?(?!\s+scripts?)(?![- ]games?)", "ocr", "scanned", "cameras?", "x-rays?",
                      "mri", "radiology", "handwrit\\w+", "visual", "footage"), None),
    ("classification", _words("classif(?:y|ies|ied|ying|ications?|iers?)", "categori[sz](?:e|es|ed|ing|ation)",
                              "tag(?:s|ging|ged)?", "label(?:s|ling|ing|led|ed)?", "sentiment", "route tickets",
                              "intent detection", "spam", "moderat(?:e|ion|ing)", "toxic(?:ity)?",
                              r"(?:in)?to\s+(?:one\s+of\s+)?(?:our\s+)?(?:\d+|\w+)\s+(?:[\w-]+\s+)?(?:categories|classes|"
                              r"buckets|labels|topics|queues|tiers|themes)",
                              # "into contract / NDA / invoice / other", "(info / warning / critical)"
                              r"(?:into|as|between|recommends?|decides?|picks?|chooses?|\()\s*"
                              r"(?:[a-z][\w-]*(?:\s[a-z][\w-]*)?\s*/\s*){2,}[a-z][\w-]*",
                              r"(?:[a-z][\w-]*(?:\s[a-z][\w-]*)?\s+/\s+){2,}[a-z][\w-]*",
                              r"rout(?:e|es|ed|ing)\s+(?:\w+\s+){0,3}to\s+the\s+right",
                              # "route incoming emails to about 30 departments"
                              r"rout(?:e|es|ed|ing)\s+(?:[\w-]+\s+){0,3}?to\s+(?:(?:about|around|roughly|one\s+of|"
                              r"~)\s*){0,2}(?:\d+|the\s+right|the\s+correct|the\s+relevant)?\s*(?:departments?|teams?|queues?|"
                              r"desks?|groups?|inboxes|specialists)",
                              # "flags an agent's message if it contains advice", "checks whether a post breaks a rule"
                              r"(?:flag|check)(?:s|ing|ed)?\s+(?:[\w'’-]+\s+){0,4}?(?:if|when|whether)\b",
                              r"include\s*/\s*exclude", r"\bscreen(?:s|ing)?\s+(?:[\w,]+\s+){0,3}?(?:abstracts|papers|"
                              r"applications|candidates|resumes|cvs|submissions)\b",
                              r"sort(?:s|ed|ing)?\s+"
                              r"(?:\w+\s+){0,4}(?:by|into)", r"into\s+the\s+(?:right|correct|appropriate)\s+"
                              r"(?:categor(?:y|ies)|buckets?|queues?|folders?|class(?:es)?)",
                              r"flag(?:s|ging|ged)?\s+(?:\w+\s+){0,2}?(?:suspicious|fraudulent|risky|urgent|abusive)"
                              r"(?!\s+(?:clauses?|terms|provisions|language|wording))"),
     _words("triage", "categories", r"yes\s*/\s*no", "checker")),
    ("summarization", _words("summar(?:y|ies)", "summari[sz](?:e|es|ed|ing|ation|er|ers)", "digests?",
                             "tl;dr", "condense", "recaps?", "show notes", "action items", r"soap\s+notes?",
                             r"(?:clinical|medical|ambient)\s+scribes?",
                             # "turn the dictated notes into a short chart note", "into a one-page brief"
                             r"into\s+(?:a\s+)?(?:short|brief|concise|one-paragraph|one-page|quick|shorter)\s+"
                             r"(?:[\w-]+\s+){0,2}?(?:notes?|overviews?|versions?|briefs?|paragraphs?|bullets?)"),
     _words("meeting notes")),
    ("document-analysis", _words("document analysis", "contract review", _WHOLE_DOCUMENT,
                                 r"analy[sz](?:e|es|ing|is)\s+(?:[\w-]+\s+){0,3}(?:contracts|documents|filings|manuscripts|"
                                 r"papers|reports|pdfs|agreements|transcripts|10-ks)",
                                 r"reads?\s+(?:\w+\s+){0,2}(?:papers|contracts|filings|reports|manuscripts|documents)",
                                 r"(?:risky|unusual|problematic)\s+clauses",
                                 r"analy(?:sis|ses|[sz]e|[sz]ing)\s+of\s+(?:[\w-]+\s+){0,3}?(?:submissions|applications|"
                                 r"proposals|dossiers|filings|reports|papers|studies|documents|contracts|statements)",
                                 r"(?:find|flag|spot)\w*\s+(?:\w+\s+){0,2}?(?:inconsistenc\w+|contradictions|discrepanc\w+)",
                                 # "questions about the methods in the papers they upload"
                                 r"(?:papers|contracts|documents|reports|filings|pdfs|manuscripts)\s+(?:that\s+)?(?:they|"
                                 r"users|customers|clients|people|you|researchers|scientists)\s+upload",
                                 r"review(?:s|ing)?\s+(?:\w+\s+){0,3}"
                                 r"(?:contracts|ndas|agreements|filings|leases|policies|claims files)"),
     _words("contracts?", "legal documents?", "long documents?", "medical records?", "filings", "pdfs", "reports",
            "documents", "ndas?", "agreements", "leases?")),
    ("reasoning", _words("maths?", "reasoning", "logic", "proofs?", "puzzles?", "calculations?", "step by step",
                         "algebra", "geometry", "calculus", "arithmetic", "equations?"), _words("homework")),
    ("creative", _words("creative", "short stories", "fiction", "marketing copy", "copywriting", "poems?", "novels?",
                        "cold emails?", "brand voice", "ad copy", "social (?:media )?posts?", "product descriptions?",
                        "slogans?", "newsletters?", "blog posts?", "screenplays?",
                        r"(?:video|film|ad|youtube|podcast|tiktok)\s+scripts?",
                        r"job (?:ads?|adverts?|posts|postings?)", r"(?:listing|property)\s+descriptions?",
                        r"(?:linkedin|twitter|instagram|facebook)\s+posts?", r"(?:quiz|trivia)\s+questions?",
                        # "rewrites marketing emails in different tones", "adventure hooks", "lyrics"
                        r"(?:in|into)\s+(?:different|various|other|several|multiple)\s+(?:tones|styles|voices)",
                        r"adventure\s+(?:hooks?|ideas|plots?)", r"(?:campaign|story|plot)\s+generators?", "lyrics",
                        "jokes", r"cover letters?", r"item descriptions?", r"flavou?r text", r"job descriptions?",
                        r"narrat(?:e|es|ing|ion)\s+(?:\w+\s+)?scenes",
                        r"npc dialogue",
                        r"(?:npc|character|quest|side-quest|in-game)\s+(?:barks|dialogue|lines)", "barks",
                        r"(?:item|world|game)\s+lore", r"quest text", r"bedtime stories",
                        r"(?:instagram|social|tiktok)\s+captions?", r"listing\s+generators?",
                        r"(?:writ\w+|generat\w+|draft\w*|output\w*|produc\w+)\s+(?:an?\s+)?(?:~?[\d,]+-word\s+)?listings?",
                        r"novelists?", r"chapter\s+drafts?", "poetry", r"greeting\s+cards?", r"openers?",
                        r"icebreakers?", r"personali[sz](?:ation|ed)\s+(?:tool|emails?|messages?|outreach)",
                        r"(?:writ\w+|generat\w+|draft\w*)\s+(?:an?\s+|the\s+)?(?:\w+\s+)?chapters?"),
     _words("marketing", "story", "stories")),
    ("rag", _words("rag", "retrieval", "knowledge base", "internal docs", "search over", "enterprise search",
                   "question answering over", r"q&a (?:\w+ )?over", "our docs", "wiki",
                   "semantic search", "vector search", r"help[- ]?cent(?:re|er)s?",
                   r"(?:questions?|answers?|answering|q&a)\s+(?:\w+\s+){0,4}(?:from|using|based on|about|over|on)\s+"
                   r"(?:our|the|its|their)\s+(?:[~\w,.-]+\s+){0,5}?(?:docs|documents|handbooks?|wiki|policies|manuals?|"
                   r"knowledge base|documentation|articles|pdfs|files|intranet|database|runbooks?|playbooks?|"
                   r"procedures|sops|pages|faqs?|guides|guidelines|library|archive|claims|records|catalog(?:ue)?|"
                   r"specs|notes|textbooks?|slides|materials|regulations)", r"search\s*\+\s*answer",
                   r"with\s+citations", r"answer\s+engine", r"feed\s+(?:it\s+|the\s+model\s+)?the\s+hits",
                   # "answers must come from those docs", "answers pulled from the relevant claims"
                   r"answers?\s+(?:must|should|have\s+to|has\s+to|need\s+to|can\s+only)\s+(?:\w+\s+)?(?:come|be\s+"
                   r"(?:drawn|pulled|taken|sourced|grounded|based))\s+(?:only\s+)?(?:from|on|in)",
                   r"answers?\s+(?:pulled|drawn|sourced|taken|retrieved|grounded)\s+(?:only\s+)?(?:from|in)",
                   # "reviews and specs we retrieve per product", "10k tokens of retrieved patent text"
                   r"(?:we|it)\s+retrieve\b", r"retrieved\s+(?:[\w-]+\s+){0,2}?(?:text|passages|chunks|documents|docs|"
                   r"articles|context|snippets|content|results)",
                   r"with\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?cited\b", r"cit(?:e|es|ing)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?"
                   r"(?:numbers?|document|page|section|article|references?|passages?)\b",
                   r"(?:document|doc|pdf)s?\s+q&a", r"grounded\s+(?:in|on)\s+(?:our|the)\b",
                   r"(?:find|retriev|search|surfac)\w*\s+(?:the\s+)?(?:relevant|matching)\s+(?:passages|chunks|"
                   r"sections|excerpts|paragraphs)",
                   r"(?:search|answers?|answering|q&a|questions?|bot|assistant|chat)\s+(?:\w+\s+){0,3}over\s+"
                   r"(?:our\s+|the\s+|[\d,]+k?\s+)?(?:\w+\s+){0,2}(?:docs|documents|pdfs|wiki|policies|handbooks?|pages|"
                   r"knowledge base|files|manuals|documentation)", r"citing (?:its |the |our )?sources|"
                   r"search(?:es|ing)?\s+(?:our|the|its)\s+(?:[\w-]+\s+){0,3}(?:archive|corpus|documents|docs|knowledge)|"
                   r"cites? (?:its |the |our )?"
                   "sources"), _words("handbook", "documentation", "intranet", "articles", "indexed", r"we\s+index",
                                      r"search\s+tool", "confluence", "sharepoint", "notion", "sops")),
    ("agent", _words(_AI_AGENT, _HUMAN_AGENT, "agentic", _TOOL_CALLS, "tool use", "function calling",
                     "workflow automation", "autonomous(?:ly)?", _CALLS_APIS, "takes? actions?"),
     _words("tools")),
    ("general", _words(r"general[- ]purpose", r"personal[- ]assistants?", "all[- ]purpose", "do[- ]anything",
                       r"general\s+(?:internal\s+)?assistants?"),
     None),
    ("chat", _words("chatbots?", "chat bots?", "support bots?", "assistants?", "conversational", "help ?desk", "chat",
                    "bots?", "faq", r"answer(?:s|ing)?\s+(?:our\s+)?(?:customer|client|user|member|guest)s?[’']?\s+"
                    r"questions"),
     _words("customer support", r"repl(?:y|ies) to", "copilot", "support chats", "kiosks?", "ivr", r"phone\s+bots?",
            r"voice\s+bots?", r"callers\s+(?:speak|ask|call)", r"(?:ai\s+)?tutors?",
            # "travelers ask about flights", "guests can ask questions"
            r"(?:travell?ers|guests|visitors|customers|users|shoppers|passengers|patients|students|members|employees|"
            r"staff|players|fans|tenants|residents|parents)\s+(?:can\s+)?ask\s+(?:\w+\s+){0,2}?(?:about|questions)",
            r"(?:live|web|customer)\s+chats")),
]  # fmt: skip

_NEEDS: list[tuple[str, re.Pattern[str], bool]] = [
    ("vision", _words("images?", "photo(?:graph)?s?", "photograph(?:ed|ing)?", "screenshots?", "pictures?", "scanned",
                      "ocr", "x-rays?", "mri", "radiology", "handwrit\\w+", "diagrams?", "charts"),
     False),
    ("video", _words(r"videos?(?!\s+scripts?)(?![- ]games?)", "footage", "clips"), False),
    ("audio", _words("audio", _VOICE, r"(?<!hate )speech", "spoken", "phone calls", "podcasts?", "recordings?",
                     r"listen(?:s|ing)?\s+(?:in\s+)?(?:to|on)", r"dictat(?:ion|ed|es)", "voicemails?",
                     "transcri(?:be|bes|bed|bing|ption)s?"), False),
    ("json", _words("json", "structured output", "schema", "structured data"), False),
    ("tools", _words("tool use", "tool calling", "function calling", "tools", _CALLS_APIS, _TOOL_CALLS, _THROUGH_APIS),
     False),
    ("tools", _words(_AI_AGENT, _HUMAN_AGENT, "agentic"), True),
    ("caching", _words(r"prompt[- ]caching", r"(?:context|prefix|kv|prompt)[- ]cach(?:e|ing)\s+(?:is\s+)?(?:a\s+)?"
                       r"(?:must|required|needed|essential|non-negotiable)",
                       r"cached\s+(?:system\s+)?(?:prompts?|prefix(?:es)?)",
                       r"cache\s+the\s+(?:system\s+)?prompt"), False),
    ("reasoning", _words("step by step reasoning", "chain of thought", "reasoning model", _STEPWISE,
                         r"strong(?:est)?\s+(?:possible\s+)?reasoning", r"long chains? of (?:logic|reasoning)",
                         r"reasoning[- ]heavy", r"deep reasoning"), False),
]  # fmt: skip


# Capability-sounding words that name something else: a reputation ("the image of our brand", "image
# consultancy"), goods a shop sells ("power tools", "audio gear"), or the user's own systems ("our backend
# is a bunch of JSON APIs"). Their words count for no task and no need.
_NOT_A_CAPABILITY = re.compile(
    r"\bimages?\s+of\s+(?:our|the|their|your|a|my)\s+(?:brand|company|business|firm)|\bimage\s+consult\w*|"
    r"\b(?:brand|public|corporate)[- ]image\b|\b(?:power|hand|garden|gardening|kitchen|machine|woodworking)\s+tools\b|"
    r"\baudio\s+(?:gear|equipment|products?|hardware|brands?|shop|store|retailer)\b|"
    r"\b(?:medical|clinical|billing|icd-?10|cpt)\s+cod(?:ing|ers?|es)\b|\bicd-?10\b|\bthe\s+reasoning\s+(?:behind|for)\b|"
    r"\b(?:espresso|coffee|oil|tooth|dental|mineral|juice|dna)\s+extractions?\b|\bsummary\s+judgments?\b|"
    r"\b(?:backend|stack|systems?|platform|services?)\s+(?:is|are|uses?|runs?\s+on)\s+(?:\w+\s+){0,4}?json\s+apis?\b",
    re.IGNORECASE,
)
# Audio handled before the model: "our speech pipeline handles the audio, the model only gets text".
_TEXT_ONLY = re.compile(
    r"\b(?:model|it|llm)\s+(?:itself\s+)?(?:only|just)\s+(?:ever\s+)?(?:gets|sees|receives|reads|handles)"
    r"(?:\s+and\s+\w+)?\s+(?:the\s+)?"
    r"(?:text|transcripts?)\b|"
    # "we already transcribe with Whisper", "calls are transcribed by Deepgram first", "transcripts come from our STT"
    r"\b(?:we|they)\s+(?:already\s+)?transcribe\w*\b|\b(?:we|they)\s+(?:run|do|handle)\s+(?:the\s+)?transcription\b|"
    r"\btranscription\s+(?:is\s+)?(?:done\s+|handled\s+|run\s+)?(?:separately|upstream|elsewhere|beforehand)\b|"
    r"\btranscripts?\s+(?:are|is)\s+already\s+text\b|\btranscripts?\s+(?:from|by|via)\s+(?:whisper|deepgram|assemblyai|"
    r"a\s+vendor|our\s+vendor|our\s+stt)\b|\balready\s+have\s+(?:the\s+)?transcripts?\b|"
    r"\b(?:vendor|service|team|partner|provider)\s+(?:does|handles|provides|runs)\s+(?:the\s+)?transcription\b|\b(?:already|first|upstream|separately)\s+transcribed\b|"
    r"\btranscribed\s+(?:by|with|using|via)\b|\b(?:whisper|deepgram|assemblyai|speechmatics|rev\.ai)\b"
    r"(?=[^.]{0,60}\b(?:transcri\w+|text)\b)|\b(?:model|llm|it)\s+(?:just|only)\s+(?:turns|converts|reads)\s+"
    r"(?:the\s+)?transcripts?\b|\b(?:never|doesn[’']t|does\s+not|won[’']t)\s+(?:\w+\s+)?(?:touch|see|hear)\w*\s+"
    r"(?:the\s+|any\s+)?audio\b|\b(?:speech|asr|stt)\s+(?:pipeline|system|service)\s+handles\b",
    re.IGNORECASE,
)


# Images read elsewhere: "we OCR it ourselves", "no image input needed", "radiology reports (plain text)"
_NO_IMAGES = re.compile(
    r"\b(?:we|they)\s+(?:already\s+)?ocr\s+(?:it|them|the\s+\w+)\s+(?:ourselves|themselves|upstream)\b|"
    r"\b(?:we|they)\s+already\s+ocr\s+(?:it|them|the\s+\w+)\b|\bplain\s+text\s+by\s+the\s+time\b|"
    r"\b(?:model|it|llm)\s+never\s+sees\s+(?:them|the\s+(?:photos|images|pictures|scans))\b|"
    r"\bno\s+image\s+(?:input|support)\s+(?:is\s+)?needed\b|\((?:plain|just|only)\s+text\)|"
    r"\b(?:already|been)\s+ocr[’']?e?d\b|\bocr[’']?e?d\s+(?:text|already|upstream|beforehand)\b|"
    r"\bocr\s+processed\b|\bocr\s+already\s+(?:done|handled|run)\b|"
    # "OCR already runs upstream", "OCR was done years ago", "our OCR already handles that", "through our own OCR"
    r"\bocr\s+(?:\w+\s+){0,2}?(?:upstream|beforehand|years\s+ago|separately|elsewhere)\b|"
    r"\bocr\s+(?:was|is|has\s+been)\s+(?:already\s+)?(?:done|handled|run)\b|"
    r"\b(?:our|their|a\s+separate|an\s+existing|existing)\s+(?:own\s+)?ocr\b|"
    # "Photo attachments are handled by a separate team", "a separate CV model outputs a list", "text in, text out"
    r"\b(?:photo|image|picture|scan|screenshot)s?(?:\s+attachments)?\s+(?:are|is|get|go)\s+(?:handled|processed|reviewed|dealt\s+with)"
    r"\s+(?:by|elsewhere|separately)\b|\b(?:separate|own|existing|dedicated|another)\s+(?:cv|computer[- ]vision|vision|"
    r"image[- ]recognition|ocr)\s+(?:model|system|pipeline|service|step)\b|\btext\s+in,?\s+text\s+out\b",
    re.IGNORECASE,
)


@dataclass
class Reading:
    value: str
    words: str
    inferred: bool


@functools.lru_cache(maxsize=8)
def _not_capabilities(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of capability-sounding words that name something else; once per message, not per pattern."""
    return tuple(m.span() for m in _NOT_A_CAPABILITY.finditer(text))


def _hits(pattern: re.Pattern[str] | None, text: str) -> list[str]:
    if pattern is None:
        return []
    # each different word once: "stories ... 100 stories per minute" is one hint, not two
    said: dict[str, str] = {}
    other = _not_capabilities(text)
    for match in pattern.finditer(text):
        if any(start <= match.start() < end for start, end in other):
            continue
        if not negated(text, match.start()) and not denied_after(text, match.end()):
            said.setdefault(match.group(0).lower(), match.group(0))
    return list(said.values())


# The message says its agents are people: "human agents", "our agents (real humans)", "60 agents",
# "call center", "an agent's message". Then no bare "agent" names the agent task or infers tools.
_PEOPLE_ARE_AGENTS = re.compile(
    r"\b(?:human|live|real|support|sales|service|helpdesk|insurance|travel|booking|estate|field)\s+agents?\b|"
    r"\bagents?\s*\(\s*(?:real\s+|actual\s+)?(?:humans?|people|persons|realtors?|staff|brokers?|reps?|employees)\b|"
    r"(?<![\d,.])(?:\d{1,3}(?:,\d{3})*k?|a\s+few|several|dozens\s+of|hundreds\s+of)\s+(?:[\w-]+\s+)?agents\b"
    r"(?!\s+(?:that|which|running|in\s+parallel))|\bagent[’']s\b|\b(?:call|contact)[- ]?cent(?:er|re)s?\b",
    re.IGNORECASE,
)


def _people_named(said: list[str], text: str) -> list[str]:
    """The words left once a bare "agent" is set aside where the agents are people."""
    if not _PEOPLE_ARE_AGENTS.search(text):
        return said
    return [word for word in said if word.lower().rstrip("s") != "agent"]


# Jobs whose model talks with a person: one that looks at a photo while it talks is a vision job.
_CONVERSING = {"chat", "general", "agent"}


def _images_read_elsewhere(text: str) -> bool:
    """Images read before the model ("our OCR already handles that"); "no separate OCR step" says the opposite."""
    return any(not negated(text, match.start()) for match in _NO_IMAGES.finditer(text))


def read_task(text: str) -> Reading | None:
    """The task with the most weight of words; named words count 2, hints 1. Images are one fact however
    many words say so ("OCR scanned invoices"), so what is done with them can outweigh them."""
    best: tuple[int, str, list[str], list[str]] | None = None
    job: tuple[int, str, list[str], list[str]] | None = None  # the best task a word names, images aside
    rag: tuple[int, str, list[str], list[str]] | None = None
    general: tuple[int, str, list[str], list[str]] | None = None
    images_read_elsewhere = _images_read_elsewhere(text)
    for task, named, hinted in TASKS:
        if task == "vision" and images_read_elsewhere:
            continue  # "text PDFs we've already OCR'd"
        said, hints = _hits(named, text), _hits(hinted, text)
        if task == "agent":
            said = _people_named(said, text)
        weight = 2 * (min(len(said), 1) if task == "vision" else len(said)) + len(hints)
        if weight and (best is None or weight > best[0]):
            best = (weight, task, said, hints)
        if said and task != "vision" and (job is None or weight > job[0]):
            job = (weight, task, said, hints)
        if said and task == "rag":
            rag = (weight, task, said, hints)
        if said and task == "general":
            general = (weight, task, said, hints)
    if best is None:
        return None
    if best[1] == "vision" and job is not None and job[1] not in _CONVERSING:
        best = job  # photos read into JSON, clips moderated: the images are the input (a need), not the job
    if general is not None:
        best = general  # "a general assistant for engineers: Q&A, drafting docs, some code" is general
    elif best[1] == "chat" and rag is not None:
        best = rag  # a chatbot that answers from the FAQ and the guides: chat over documents is RAG
    _, task, said, hints = best
    return Reading(task, said[0] if said else hints[0], inferred=not said)


def task_from_keywords(text: str) -> tuple[str, str] | None:
    """(task, the word that named it), for callers that need no inferred flag."""
    reading = read_task(text)
    return (reading.value, reading.words) if reading else None


def read_needs(text: str) -> list[Reading]:
    """Capabilities the model must have, each once; a stated one wins over an inferred one."""
    found: dict[str, Reading] = {}
    text_only = _TEXT_ONLY.search(text)
    for need, pattern, inferred in _NEEDS:
        if (need == "audio" and text_only) or (need == "vision" and _images_read_elsewhere(text)):
            continue
        hits = _people_named(_hits(pattern, text), text) if inferred else _hits(pattern, text)
        if hits and (need not in found or (found[need].inferred and not inferred)):
            found[need] = Reading(need, hits[0], inferred)
    if "tools" in found and found["tools"].inferred and _NO_TOOLS.search(text):
        del found["tools"]  # "'Agent' as in travel agent ... no tool calling"
    return list(found.values())


_NO_TOOLS = re.compile(r"\bno\s+(?:tool|function)[- ]?(?:calling|use|calls)\b|\bno\s+tools\b|\bwithout\s+"
                       r"(?:any\s+)?tools\b|"
                       r"\b(?:don'?t|do not|doesn'?t|does not)\s+need\s+(?:tool|function)[- ]?(?:calling|use)\b", re.I)
