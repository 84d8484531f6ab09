"""The words that name a task or a capability ("classify", "chatbot", "summarise", "OCR") and the words that
only hint at one ("invoices", "contracts", "triage"): the vocabulary extract_task.py weighs. Data, no logic."""

from __future__ import annotations

import re

from agent.advisor.rules import task_phrases as phrases


def words(*alternatives: str) -> re.Pattern[str]:
    # \b first: most positions fail it at once, so a long message costs little per pattern
    return re.compile(r"\b(?<!&)(?:" + "|".join(alternatives) + r")(?![a-z])", re.IGNORECASE)


def not_after(*words: str) -> str:
    return "".join(rf"(?<!{word} )" for word in words)


# "tag" as a verb or a label, not the German day in "pro Tag", "am Tag", "jeden Tag".
_TAG = r"(?<!pro )(?<!am )(?<!jeden )tag(?:s|ging|ged)?"

# Human agents: "50 support agents", "for our agents to check", "a travel agent".
HUMAN = ("support", "human", "sales", "service", "live", "customer", "centre", "center", "desk", "insurance", "travel",
          "estate", "field", "booking", "call")  # fmt: skip
_PEOPLES = not_after(*HUMAN, "our", "the", "their", "of", "to", r"[0-9]")
HUMAN_AGENT = rf"(?:{not_after(*HUMAN, 'each', 'every', 'per')}agent|{_PEOPLES}agents)"
# An agent that is plainly the model: "an AI agent", "a coding agent", "an agent that files refunds".
AI_AGENT = (r"(?:ai|llm|autonomous|coding|research|browsing|software|web|shopping|voice|ops|sre|devops|"
             r"on-call)\s+agents?|(?:ai|llm|gpt|ai-powered|llm-powered)\s+[\w-]+\s+agents?|"
             r"agents?\s+(?:that|which)\s+(?:\w+\s+)?(?:calls?|uses?|takes?|runs?|files?|books?|opens?|executes?|"
             r"creates?|updates?|queries|searches|browses)")
_NOT_CODE = not_after("reason", "zip", "postal", "promo", "discount", "country", "error", "status", "tax", "area",
                       "qr", "bar", "dress", "product", "billing", "access", "voucher", "category", "disposition",
                       "hs", "sic", "naics", "currency", "cost", "account", "department", "diagnosis", "commodity",
                       "customs", "tariff", "procedure", "cpt", "unspsc", "snomed", "industry", "icd")  # fmt: skip
# "it calls flight and hotel search APIs", "calling our CRM API"
# "calling it through a hosted API" is how the model is reached, not a tool it uses
_CALLS_APIS = (
    r"call(?:s|ing)?\s+(?!it\b|them\b|the\s+model)(?:our\s+|the\s+|an?\s+|external\s+)?"
    r"(?:(?!(?:claude|gpt[\w.-]*|openai|anthropic|gemini|mistral|llama|models?|llms?)\b)[\w-]+\s+){0,4}?apis?"
)  # "we call Claude via their API" reaches the model
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
    r"reasoning|working)|multi[- ]?step\s+(?:[\w-]+\s+)?(?:reasoning|calculations?|problems?|maths?|logic)|"
    r"rigorous\s+proofs?|work(?:s|ing)?\s+through\s+(?:\w+\s+){0,2}?(?:reasoning|calculations|derivations|proofs)"
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
          r"voice(?![- ]of[- ](?:the[- ])?customer)(?!\s+(?:and|&)\s+tone)(?![- ]?less)")  # "voice-less" has none

# What a camera sees, handed to the model: "a camera frame + a short instruction", "stills from the CCTV".
_CAMERA_VIEW = (r"(?:camera|webcam|cctv|dashcam|rgb|rgb-d|depth)\s+(?:frames?|images?|feeds?|stills?|snapshots?|shots?|"
                r"captures?|views?|pictures?)|(?:frames?|snapshots?|stills?)\s+(?:from|off|of)\s+(?:the\s+|an?\s+|our\s+|"
                r"its\s+)?(?:[\w-]+\s+)?(?:cameras?|webcams?|cctv|dashcams?)")
# Seeing asked for by its name: "it needs vision", "with vision support", "tools and vision are a must". The bare
# word only beside a need or a capability ("our vision is ..." and "vision statement" ask for nothing).
_NEED = (r"(?:needs?|needed|requires?|required|want|wants|with|plus|supports?|must\s+(?:have|support|do)|"
         r"(?:has|have)\s+to\s+(?:have|support|do)|should\s+(?:have|support|do))")
_VISION_BY_NAME = (rf"{_NEED}\s+(?:(?:also|some|basic|good|strong|solid|decent|full|native)\s+)?"
                   r"(?:computer[- ])?vision|"
                   rf"{_NEED}\s+(?:[\w-]+\s+){{0,3}}?(?:and|&|\+|,)\s*(?:computer[- ])?vision|"
                   r"vision(?=\s+(?:support|capabilit\w*|models?|input|inputs|abilit\w*|enabled|is\s+(?:also\s+)?"
                   r"(?:a\s+must|required|needed|essential|mandatory|a\s+requirement)))")
# Forms filled in by hand are read from their scans: "hand-filled", "often filled in by hand".
_BY_HAND = r"hand[- ]?(?:filled|written)|(?:filled|written)\s+(?:in\s+|out\s+)?(?:\w+\s+)?by\s+hand"

# Stories told or written: "a silly bedtime story", "writes a short story each night"; not agile "user stories".
_STORY = r"(?<!user\s)stor(?:y|ies)\b(?!\s+points)"
_STORIES = (rf"(?:bedtime|silly|funny|short|original|personali[sz]ed|children['’]?s|kids['’]?)[- ]{_STORY}|"
            rf"(?:writ|generat|tell|invent|creat|compos|mak)\w*\s+(?:(?:an?|the|one|new)\s+)?(?:[\w-]+\s+){{0,2}}?{_STORY}")
# Game and event text: "quest blurbs", "in-game mail", "event announcement texts", "character backstories".
_GAME_TEXT = (r"blurbs?|(?:in-game|game|event|seasonal|holiday|promo(?:tional)?|launch)\s+(?:mails?|announcements?|"
              r"texts?|copy|notifications?|teasers?)|announcement\s+(?:texts?|copy|posts?|emails?)|"
              r"(?:quest|mission|character|world)\s+(?:descriptions?|backstor(?:y|ies)|bios?)")

# Answers drawn from the user's documents: "answers questions about the rules of the club using our documents",
# "(maybe 500 PDFs, it should search them)".
_DOCS = (r"(?:docs|documents|pdfs?|files|handbooks?|manuals|policies|regulations|knowledge\s+base|wiki|articles|guides|"
         r"guidelines|rulebooks?)")
# A body of texts the answers come from: "answers from a corpus of case law we've licensed".
_CORPUS = r"(?:corpus|corpora|case\s+law|precedents|archives?|librar(?:y|ies)|collections?|repositor(?:y|ies))\b"
_ANSWERS_FROM_DOCS = (rf"answer\w*\s+(?:[\w'’-]+,?\s+){{0,8}}?(?:using|from|based\s+on|grounded\s+in|out\s+of)"
                      rf"\s+(?:our|the|its|their)\s+(?:own\s+)?(?:[\w'’-]+\s+){{0,2}}?{_DOCS}|"
                      rf"answer\w*\s+(?:[\w'’-]+\s+){{0,8}}?(?:using|from|based\s+on|grounded\s+in|out\s+of)"
                      rf"\s+(?:(?:our|the|its|their|an?)\s+)?(?:own\s+|licen[cs]ed\s+|internal\s+)?(?:[\w'’-]+\s+)?{_CORPUS}")
_SEARCHES_THE_DOCS = (rf"{_DOCS}\b[^.;!?]{{0,60}}?\b(?:search|look\s+through|dig\s+through)\w*\s+"
                      rf"(?:through\s+|across\s+|in\s+)?(?:them|those|these)\b")
# A character the user talks with: "the suspect has to stay in character", "players chat with the NPCs".
_IN_CHARACTER = (r"stay(?:s|ing)?\s+in[- ]character|role[- ]?play(?:s|ing)?|"
                 r"(?:talk|chat|convers|speak)\w*\s+(?:freely\s+)?(?:with|to)\s+(?:the\s+|an?\s+|our\s+)?(?:[\w-]+\s+)?(?:characters?|npcs?|suspects?|personas?|"
                 r"companions?|avatars?)")

# Documents set side by side: "comparing policy wordings from two insurers", "flag the differences between drafts".
_COMPARES_DOCUMENTS = (
    r"compar(?:e|es|ed|ing)\s+(?:[\w'’-]+\s+){0,4}?(?:wordings?|contracts|policies|documents|clauses|terms|versions|"
    r"agreements|filings|drafts|specs|specifications|proposals|bids|tenders|leases|reports)\b|"
    r"(?:flag|spot|find|highlight|list)\w*\s+(?:[\w-]+\s+){0,3}?(?:differences|deviations|gaps)\s+"
    r"(?:between|from|against|across)\b|(?:coverage|wording|clause|contractual)\s+(?:differences|deviations|gaps)"
)

# The note a call or a meeting leaves: "write the wrap-up note from the call recording", "after-call notes",
# "draft the minutes of each meeting".
_NOTES_OF_A_CALL = (r"(?:wrap[- ]?up|after[- ]call|post[- ]call|post[- ]meeting)\s+(?:notes?|summar\w+|write[- ]?ups?)|"
                    r"(?:writ|draft|generat|produc|creat|mak|turn|fill)\w*\s+(?:\w+\s+)?(?:the\s+|an?\s+|our\s+)?"
                    r"(?:[\w-]+\s+)?(?:call|visit|meeting|session|handover|consult(?:ation)?)\s+(?:notes?|minutes|"
                    r"write[- ]?ups?)\b|(?:writ|draft|generat|produc|tak)\w*\s+(?:the\s+)?minutes\s+(?:of|from|for)\b")
# Messy records made uniform: "normalise each product (title, attributes, colour) from messy feeds".
_NORMALISES = (r"normali[sz](?:e|es|ed|ing|ation)\s+(?:of\s+)?(?:[\w-]+\s+){0,3}?(?:products?|records?|addresses|"
               r"listings?|entries|data|names|titles|attributes|fields|catalog(?:ue)?s?|feeds?|items|skus)\b")
# A code picked from a code system is a label: "assign HS tariff codes to product descriptions", "suggest ICD-10
# codes"; "extract the HS codes" printed on an invoice stays extraction.
_CODES = (r"(?:assign|suggest|pick|choos|predict|determin|select|map|propos|recommend)\w*\s+(?:[\w'’-]+\s+){0,4}?"
          r"(?:hs|icd-?10|icd|cpt|naics|sic|unspsc|tariff|snomed|loinc|atc|billing|diagnosis|procedure|customs|"
          r"commodity|industry|product)\s+(?:[\w-]+\s+)?codes?\b|"
          r"(?:assign|map)\w*\s+(?:[\w'’-]+\s+){0,5}?to\s+(?:(?:an?|the|one\s+of|our|their)\s+){0,3}(?:[\w-]+\s+){0,2}?"
          r"(?:codes?|categor(?:y|ies))\b")
# Descriptions given as input are not written: "codes for product descriptions", "from the product description".
_WRITTEN = not_after("to", "from", "on", "of", "using", "given", "for", "in", "each", "every")

# (task, words that name it, words that hint at it). Order breaks ties: an image classifier is vision, and
# fields pulled from photos are extraction (the images still make vision a need).
TASKS: list[tuple[str, re.Pattern[str], re.Pattern[str] | None]] = [
    ("coding", words(_NOT_CODE + r"code", "coding", r"programm(?:ing|ers?)", "autocomplete", "code review",
                      "refactor\\w*", "unit tests?", "pull requests?", "sql", "text-to-sql", "codebases?",
                      phrases.CODE_BY_LANGUAGE),
     words("ide", "developer tools?", "repos?", "monorepos?", "editor", "scripts")),
    ("extraction", words("extract(?:s|ed|ing|ion|ors?)?", "pars(?:e|es|ed|ing|ers?)", _NORMALISES, phrases.FIELDS_OUT,
                          r"pull(?:s|ing|ed)?\s+[^.;!?]{0,120}?\bout of",
                          r"pull(?:s|ing|ed)?\s+out\b", r"digiti[sz](?:e|es|ed|ing|ation)",
                          "fields from", "structured data", "line items",
                          r"(?:returns?|returned|outputs?|output|emits?|emitted)\s+(?:\w+\s+){0,3}as\s+json",
                          r"fields\s+(?:\w+\s+){0,2}?(?:as|in|into)\s+(?:\w+\s+)?(?:json|schema)",
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
     words("invoices?", "forms?", "entit(?:y|ies)", "receipts?", r"into\s+(?:strict\s+|valid\s+)?json")),
    ("vision", words("images?", r"alt[- ]?text", "photo(?:graph)?s?", "photograph(?:ed|ing)?", "screenshots?",
                      "pictures?", r"videos?(?!\s+scripts?)(?![- ]games?)", "ocr", "scanned", "cameras?", "x-rays?",
                      "mri", "radiology", "handwrit\\w+", "visual", "footage", _BY_HAND), None),
    ("classification", words("classif(?:y|ies|ied|ying|ications?|iers?)", "categori[sz](?:e|es|ed|ing|ation)", _CODES,
                              _TAG, "label(?:s|ling|ing|led|ed)?", "sentiment", "route tickets",
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
                              phrases.FRAUD, phrases.OWNER,
                              r"flag(?:s|ging|ged)?\s+(?:\w+\s+){0,2}?(?:suspicious|fraudulent|risky|urgent|abusive)"
                              r"(?!\s+(?:clauses?|terms|provisions|language|wording))"),
     words("triage", "categories", r"yes\s*/\s*no", "checker")),
    ("summarization", words("summar(?:y|ies)", "summari[sz](?:e|es|ed|ing|ation|er|ers)", "digests?",
                             "tl;dr", "condense", "recaps?", "show notes", "action items", r"soap\s+notes?",
                             r"(?:clinical|medical|ambient)\s+scribes?", phrases.LETTERS_FROM_NOTES,
                             # "turn the dictated notes into a short chart note", "into a one-page brief"
                             r"into\s+(?:a\s+)?(?:short|brief|concise|one-paragraph|one-page|quick|shorter)\s+"
                             r"(?:[\w-]+\s+){0,2}?(?:notes?|overviews?|versions?|briefs?|paragraphs?|bullets?)",
                             _NOTES_OF_A_CALL),
     words("meeting notes")),
    ("document-analysis", words("document analysis", "contract review", _WHOLE_DOCUMENT, _COMPARES_DOCUMENTS,
                                 r"analy[sz](?:e|es|ing|is)\s+(?:[\w-]+\s+){0,3}(?:contracts|documents|filings|manuscripts|"
                                 r"papers|reports|pdfs|agreements|transcripts|10-ks)",
                                 r"reads?\s+(?:\w+\s+){0,2}(?:papers|contracts|filings|reports|manuscripts|documents)",
                                 r"(?:risky|unusual|problematic)\s+clauses",
                                 r"analy(?:sis|ses|[sz]e|[sz]ing)\s+of\s+(?:[\w-]+\s+){0,3}?(?:submissions|applications|"
                                 r"proposals|dossiers|filings|reports|papers|studies|documents|contracts|statements)",
                                 r"(?:find|flag|spot|detect|catch|identif|surfac|highlight|check|look)\w*\s+(?:\w+\s+){0,3}?"
                                 r"(?:inconsistenc\w+|contradictions|contradictory|discrepanc\w+)",
                                 # "questions about the methods in the papers they upload"
                                 r"(?:papers|contracts|documents|reports|filings|pdfs|manuscripts)\s+(?:that\s+)?(?:they|"
                                 r"users|customers|clients|people|you|researchers|scientists)\s+upload",
                                 r"review(?:s|ing)?\s+(?:\w+\s+){0,3}"
                                 r"(?:contracts|ndas|agreements|filings|leases|policies|claims files|dossiers|"
                                 r"prospectus(?:es)?|data[- ]rooms?)"),
     words("contracts?", "legal documents?", "long documents?", "medical records?", "filings", "pdfs", "reports",
            "documents", "ndas?", "agreements", "leases?", r"due\s+diligence", r"data[- ]rooms?")),
    ("reasoning", words("maths?", "reasoning", "logic", "proofs?", "puzzles?", "calculations?", "step by step",
                         "algebra", "geometry", "calculus", "arithmetic", "equations?"), words("homework")),
    ("creative", words("creative", "short stories", "fiction", "marketing copy", "copywriting", "poems?", "novels?",
                        "cold emails?", "brand voice", "ad copy", "social (?:media )?posts?",
                        _WRITTEN + "product descriptions?", "slogans?", "newsletters?", "blog posts?", "screenplays?",
                        r"(?:video|film|ad|youtube|podcast|tiktok)\s+scripts?",
                        r"job (?:ads?|adverts?|posts|postings?)", r"(?:listing|property)\s+descriptions?",
                        r"(?:linkedin|twitter|instagram|facebook)\s+posts?", r"(?:quiz|trivia)\s+questions?",
                        # "rewrites marketing emails in different tones", "adventure hooks", "lyrics"
                        r"(?:in|into)\s+(?:different|various|other|several|multiple)\s+(?:tones|styles|voices)",
                        r"adventure\s+(?:hooks?|ideas|plots?)", r"(?:campaign|story|plot)\s+generators?", "lyrics",
                        "jokes", r"cover letters?", _WRITTEN + r"item descriptions?", r"flavou?r text",
                        r"job descriptions?",
                        r"narrat(?:e|es|ing|ion)\s+(?:\w+\s+)?scenes",
                        r"npc dialogue", phrases.WRITING_AID, phrases.IMPROVISED, phrases.INVENTED,
                        r"(?:npc|character|quest|side-quest|in-game)\s+(?:barks|dialogue|lines)", "barks",
                        r"(?:item|world|game)\s+lore", r"quest text", _STORIES, _GAME_TEXT,
                        r"(?:instagram|social|tiktok)\s+captions?", r"listing\s+generators?",
                        r"(?:writ\w+|generat\w+|draft\w*|output\w*|produc\w+)\s+(?:an?\s+)?(?:~?[\d,]+-word\s+)?(?:[\w-]+\s+)?listings?",
                        r"novelists?", r"chapter\s+drafts?", "poetry", r"greeting\s+cards?", r"openers?",
                        r"icebreakers?", r"personali[sz](?:ation|ed)\s+(?:tool|emails?|messages?|outreach)",
                        r"(?:writ\w+|generat\w+|draft\w*)\s+(?:an?\s+|the\s+)?(?:\w+\s+)?chapters?"),
     words("marketing", "story", "stories", r"npcs?", r"(?:real[- ]estate|property|rental|airbnb)\s+listings?")),
    ("rag", words("rag", "retrieval", "knowledge base", r"knowledge\s+(?:assistant|bot|copilot)s?", phrases.RETRIEVES,
                   "internal docs", "search over", "enterprise search",
                   "question answering over", r"q&a (?:\w+ )?over", "our docs", "wiki",
                   "semantic search", "vector search", r"help[- ]?cent(?:re|er)s?",
                   r"(?:questions?|answers?|answering|q&a)\s+(?:\w+\s+){0,4}(?:from|using|based on|about|over|on)\s+"
                   r"(?:our|the|its|their)\s+(?:[~\w,.'’-]+\s+){0,5}?(?:docs|documents|handbooks?|wiki|policies|manuals?|"
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
                   "sources", _ANSWERS_FROM_DOCS, _SEARCHES_THE_DOCS),
     words("handbook", "documentation", "intranet", "articles", "indexed", r"we\s+index", r"search\s+tool",
           "confluence", "sharepoint", "notion", "sops")),
    ("agent", words(AI_AGENT, HUMAN_AGENT, "agentic", _TOOL_CALLS, r"tool[- ]use", r"function[- ]calling",
                     "workflow automation", "autonomous(?:ly)?", _CALLS_APIS, "takes? actions?"),
     words("tools")),
    ("general", words(r"general[- ]purpose", r"personal[- ]assistants?", "all[- ]purpose", "do[- ]anything",
                       r"general\s+(?:internal\s+)?assistants?"),
     None),
    ("chat", words(_IN_CHARACTER, phrases.COMPANION, phrases.TALKS_BACK,
                   r"(?:ai\s+|homework\s+|online\s+|study\s+)?tutors?", "chatbots?", "chat bots?",
                   "support bots?", "assistants?", "conversational",
                   "help ?desk", "chat", "bots?", "faq",
                   r"answer(?:s|ing)?\s+(?:our\s+)?(?:customer|client|user|member|guest)s?[’']?\s+questions"),
     words("customer support", r"interrogat\w+", r"typ(?:e|es|ing)\s+freely", r"repl(?:y|ies) to", "copilot",
           "support chats", "kiosks?", "ivr", r"phone\s+bots?", phrases.CONTACTS_US,
            r"voice\s+bots?", r"callers\s+(?:speak|ask|call)", r"journal(?:ing)?\s+apps?",
            # "travelers ask about flights", "guests can ask questions"
            r"(?:travell?ers|guests|visitors|customers|users|shoppers|passengers|patients|students|members|employees|"
            r"staff|players|fans|tenants|residents|parents)\s+(?:can\s+)?ask\s+(?:\w+\s+){0,2}?(?:about|questions)",
            r"(?:live|web|customer)\s+chats")),
]  # fmt: skip

NEEDS: list[tuple[str, re.Pattern[str], bool]] = [
    ("vision", words("images?", "photo(?:graph)?s?", "photograph(?:ed|ing)?", "screenshots?", "pictures?", "scanned",
                      "ocr", "x-rays?", "mri", "radiology", "handwrit\\w+", "diagrams?", "charts", _BY_HAND,
                      _CAMERA_VIEW, _VISION_BY_NAME),
     False),
    ("video", words(r"videos?(?!\s+scripts?)(?![- ]games?)", "footage", "clips"), False),
    ("audio", words("audio", _VOICE, r"(?<!hate )speech", "spoken", "phone calls", "podcasts?", "recordings?",
                     r"listen(?:s|ing)?\s+(?:in\s+)?(?:to|on)", r"dictat(?:ion|ed|es)", "voicemails?",
                     # "transcription summaries", "transcription notes": text made from speech, not speech
                     r"transcri(?:be|bes|bed|bing|ption)s?(?!\s+(?:summar\w+|notes?|texts?|documents?|files?|"
                     r"records?|reports?))"), False),
    ("json", words("json", r"structured[- ]outputs?", "schema", "structured data"), False),
    ("tools", words(r"tool[- ]use", r"tool[- ]calling", r"function[- ]calling", "tools", _CALLS_APIS, _TOOL_CALLS,
                     _THROUGH_APIS),
     False),
    ("tools", words(AI_AGENT, HUMAN_AGENT, "agentic"), True),
    ("caching", words(r"prompt[- ]caching", r"(?:context|prefix|kv|prompt)[- ]cach(?:e|ing)\s+(?:is\s+)?(?:a\s+)?"
                       r"(?:must|required|needed|essential|non-negotiable)",
                       r"cached\s+(?:system\s+)?(?:prompts?|prefix(?:es)?)",
                       r"cache\s+the\s+(?:system\s+)?prompt"), False),
    ("reasoning", words("step by step reasoning", "chain of thought", "reasoning model", _STEPWISE,
                         r"strong(?:est)?\s+(?:possible\s+)?reasoning", r"long chains? of (?:logic|reasoning)",
                         r"reasoning[- ]heavy", r"deep reasoning"), False),
]  # fmt: skip
