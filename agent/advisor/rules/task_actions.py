"""The model acting on the user's own systems: "it queries our scheduling API", "looks up the order in
Shopify", "updates the job in our dispatch system via API", "books the appointment in our HIS". That is an
agent's job and needs tool calling. Reaching the model through an API ("we call GPT through their API") is
not, and neither is a person doing it ("our human agents look it up in Shopify"). Pure."""

from __future__ import annotations

import functools
import re

from agent.advisor.rules.later import for_later
from agent.advisor.rules.negation import denied_after, negated, set_aside

# Things done in a system: reading from it ("looks up", "queries", "checks") or changing it ("updates").
_VERB = (r"(?:(?:call|post|push|check|(?:re-?)?book|cancel|amend|fetch|pull|search|open|insert|submit|trigger|"
         r"refund|assign|sync|mark|add|hit|log(?!\s+(?:in|on)\b)|fil)(?:e|es|s|ed|d|ing|ting|ted|led|ling|ged|ging)?|"
         r"(?:updat|creat|chang|reschedul|plac|issu|delet|clos|sav|reserv|schedul|modif|writ)(?:e|es|ed|ing|y|ies|ied|ying)|"
         r"quer(?:y|ies|ied|ying)|writ(?:e|es|ing)\s+back|look(?:s|ed|ing)?\s+(?:[\w'’-]+\s+){0,3}?up|"
         r"(?:run|mak|execut)(?:e|es|s|ing)?\s+(?:the\s+|an?\s+)?(?:sql\s+)?(?:quer(?:y|ies)|calls?|changes?|"
         r"bookings?|updates?|entries|lookups?))(?![\w-])")  # fmt: skip
# The user's own systems. Generic ones need "our" ("the API" may be the model's); named products do not.
_OWN = (r"(?:our|(?:the\s+|its\s+)?(?:internal|in-house|(?:company|customer|client|hospital|clinic|store|shop)"
        r"['’]s))\s+")
_GENERIC = (r"(?:[\w-]+\s+){0,2}(?:apis?(?!\s+(?:gateway|keys?|proxy|layer))|endpoints?|databases?|db|dbs|crm|erp|his|"
            r"ehr|emr|wms|tms|pms|lims|hris|ats|backend|back-end|back\s+office|(?:[\w-]+\s+)?(?:system|systems|"
            r"platform|software|tools|calendar|inventory|ledger))")  # fmt: skip
_PRODUCT = (r"(?:shopify|salesforce|hubspot|zendesk|jira|servicenow|sap|netsuite|stripe|woocommerce|magento|freshdesk|"
            r"intercom|workday|calendly|airtable|quickbooks|xero|postgres(?:ql)?|mysql|bigquery|snowflake|"
            r"google\s+calendar|gitlab|github|slack|twilio|odoo|pipedrive|greenhouse|klaviyo|mailchimp)")  # fmt: skip
_SYSTEM = rf"(?:{_OWN}{_GENERIC}|(?:the\s+)?{_PRODUCT})\b"
_INTO = r"(?:in|on|into|to|from|against|via|through|using|inside|with|over)\s+"
_APIS = r"(?:an?\s+|the\s+|its\s+)?(?:rest\s+|internal\s+)?apis?\b(?!\s+(?:gateway|keys?|proxy|layer))"
_ACTS = re.compile(
    # "updates the job in our dispatch system", "queries our scheduling API", "books the slot through the API"
    rf"\b{_VERB}(?:\s+(?:back|out))?\s+(?:[\w'’-]+\s+){{0,5}}?{_INTO}{_SYSTEM}|\b{_VERB}\s+{_SYSTEM}|"
    rf"\b{_VERB}(?:\s+(?:back|out))?\s+(?:[\w'’-]+\s+){{0,6}}?(?:via|through|over|using|by\s+calling)\s+{_APIS}",
    re.IGNORECASE,
)
_VERB_FIRST = re.compile(_VERB, re.IGNORECASE)
# A verb read as a noun: "inbound calls from our phone system", "the files in our DMS", "queries come in via
# our API": a determiner or a noun before it, or a verb right after it.
_NOUN_BEFORE = re.compile(r"(?:\b(?:the|our|their|its|your|my|these|those|all|any|some|many|of|a|an|inbound|outbound|"
                          r"incoming|customer|user|phone|support|sales|daily|new|recent|\d[\d,.]*k?)\s+)$", re.I)
_VERB_AFTER = re.compile(r"\s+(?:come|comes|coming|arrive\w*|go|goes|are|is|were|was|get|gets|flow\w*|land\w*)\b", re.I)
# Words that make the "system" the model itself: "call Claude through their API", "query the model via API".
_THE_MODEL = re.compile(r"\b(?:models?|llms?|gpt[\w.-]*|claude|gemini|openai|anthropic|mistral|llama|bedrock|azure|"
                        r"vertex|it|them)\b(?!\s+(?:to|up))", re.IGNORECASE)  # fmt: skip

# Who does the acting, the nearest one before the verb in its sentence. The model: "it", "the bot".
_MODEL_ACTOR = r"it|bot|chatbot|model|llm|assistant|copilot|ai|gpt|claude|agent"
# Anyone or anything else: "we", "our nurses", "human agents", "our app".
_OTHER_ACTOR = (r"we|i|you|they|us|staff|team|teams|humans?|people|person|employees?|agents|reps?|representatives|"
                r"nurses?|doctors?|clinicians?|managers?|users?|customers?|clients?|patients?|students?|drivers?|"
                r"technicians?|dispatchers?|operators?|admins?|developers?|devs|engineers?|analysts?|someone|"
                r"somebody|app|frontend|website|server|script|cron|pipeline|integration|zapier")  # fmt: skip
_ACTOR = re.compile(rf"(?<![\w-])(?:(?P<human>human|support|live|real|sales|service|our)\s+)?"
                    rf"(?:(?P<model>{_MODEL_ACTOR})|(?P<other>{_OTHER_ACTOR}))(?![\w-])(?!['’]s\b)",  # not "customer's"
                    re.IGNORECASE)  # fmt: skip

# A subject right before the verb: "the PM writes", "our tool updates".
_SUBJECT = re.compile(
    r"\b(?:the|a|an|our|their|my|his|her|each|every|this|that)\s+"
    r"(?P<noun>(?:(?!(?:and|or|then|also|which|that|who|can|could|will|would|should|must|may|might)\b)[\w'’-]+\s+)"
    r"{1,2})$",
    re.IGNORECASE,
)


def _the_model_acts(text: str, start: int) -> bool:
    """The nearest actor before `start` in its sentence is the model, or the sentence names none
    ("books the appointment in our HIS through API" describes what is wanted)."""
    sentence_start = max(text.rfind(mark, 0, start) for mark in (". ", "! ", "? ", "; ", "\n")) + 1
    subject = _SUBJECT.search(text, sentence_start, start)
    if subject and not _ACTOR.search(subject.group("noun")):
        return False  # "the PM writes user stories in Jira": someone the sentence names
    actors = [actor for actor in _ACTOR.finditer(text, sentence_start, start) if not _served(text, actor)]
    if not actors:
        return True
    return _is_the_model(text, actors[-1])


# Those the model works for are no actors: "a support agent for drivers", "a bot that helps our nurses".
_SERVED = re.compile(r"\b(?:for|to|helps?|helping|serv(?:e|es|ing)|assists?|assisting)\s+(?:our\s+|the\s+|all\s+|"
                     r"its\s+|their\s+)?$", re.IGNORECASE)  # fmt: skip
# A "support agent" that is software: "an AI support agent", "a support agent ... that can reopen tickets".
_SOFTWARE_BEFORE = re.compile(r"\b(?:ai|llm|gpt|virtual|automated|digital|autonomous|llm-powered|ai-powered)\s+$",
                              re.IGNORECASE)  # fmt: skip
_CAN_DO_AFTER = re.compile(r"[^.;!?\n]{0,40}?\b(?:that|which|who)\s+(?:can|could|should|will|would|must|is\s+able\s+to)"
                           r"\b", re.IGNORECASE)  # fmt: skip


def _served(text: str, actor: re.Match[str]) -> bool:
    return _SERVED.search(text[max(0, actor.start() - 20) : actor.start()]) is not None


def _is_the_model(text: str, actor: re.Match[str]) -> bool:
    """The actor is the model; a "support agent" is a person unless the words make it software."""
    if actor.group("model") is None:
        return False
    if not (actor.group("human") and actor.group("model").lower() == "agent"):
        return True
    return bool(_SOFTWARE_BEFORE.search(text[max(0, actor.start() - 20) : actor.start()])
                or _CAN_DO_AFTER.match(text, actor.end()))  # fmt: skip


@functools.lru_cache(maxsize=8)
def model_acts(text: str) -> tuple[str, ...]:
    """The user's words for each thing the model does in their systems, each once."""
    said: dict[str, str] = {}
    for match in _ACTS.finditer(text):
        words = match.group(0)
        verb = _VERB_FIRST.match(text, match.start())
        if _NOUN_BEFORE.search(text[max(0, match.start() - 30) : match.start()]) or (
            verb and _VERB_AFTER.match(text, verb.end())
        ):
            continue  # "incoming calls from our phone system": calls that arrive, not calls the model makes
        if _THE_MODEL.search(words) and not re.search(_OWN + "|" + _PRODUCT, words, re.IGNORECASE):
            continue  # "we query the model via API": how the model is reached
        if negated(text, match.start()) or denied_after(text, match.end()) or set_aside(text, match.start()):
            continue
        if for_later(text, match.start(), match.end()) or not _the_model_acts(text, match.start()):
            continue
        said.setdefault(words.lower(), words)
    return tuple(said.values())
