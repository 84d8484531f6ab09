"""Task phrasings that name a job in other words than its usual name: code by its language ("2,000 lines of
Go"), a fraud check or an owner picked as a label, clinical letters written from notes, writing help, lines
improvised by game characters, passages retrieved per question, a companion to talk to. Patterns only;
task_words.py places them among the tasks' words."""

from __future__ import annotations

# Code named by its language: "reviews ~2,000 lines of Go", "Python diffs".
_LANGS = r"(?:go|golang|python|java|javascript|typescript|rust|kotlin|swift|ruby|php|scala|elixir|c\+\+|c#)"
CODE_BY_LANGUAGE = (rf"lines\s+of\s+{_LANGS}(?![\w+#])|{_LANGS}\s+(?:diffs?|files|functions|modules|snippets|"
                    r"services|microservices|repos?)\b")
# A fraud check is a yes/no label: "fraud flagging on card authorizations", "flag likely fraud".
FRAUD = (r"fraud(?:ulent)?[- ](?:flagg?ing|detection|screening|scoring|checks?|classifiers?)|"
         r"(?:flag|detect|spot|catch|screen)\w*\s+(?:[\w-]+\s+){0,3}?(?:for\s+)?(?:fraud|fraudulent)\b")
# The owner picked is a label: "picks the owning team", "decide which squad should get the page".
OWNER = (r"(?:pick|choos|nam|return|predict|decid|identif|assign|guess)\w*\s+(?:\w+\s+){0,2}?(?:owning|responsible|"
         r"right|correct)\s+(?:team|squad|queue|department|owner|group)s?|(?:which|what)\s+(?:team|squad|department|"
         r"queue|group)\s+(?:owns|should|handles|gets|is\s+responsible)")
# Clinical letters written from notes condense them: "treatment notes turned into referral letters".
_LETTER = r"(?:referral|discharge|clinic|handover|hand-off|gp|consult(?:ation)?)\s+letters?"
LETTERS_FROM_NOTES = (rf"(?:into|to|as)\s+(?:an?\s+)?(?:[\w-]+\s+)?{_LETTER}|(?:writ|draft|generat|produc|creat|"
                      rf"compos)\w*\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+)?{_LETTER}")
# Writing help is the written text: "AI writing assistant for real estate listings".
WRITING_AID = r"(?:copy)?writing\s+(?:assistants?|tools?|helpers?|aids?|copilots?)"
# Lines made up in the moment: "NPCs that improvise dialogue", "villagers improvise lines".
IMPROVISED = (r"improvi[sz](?:e|es|ed|ing|ation)\s+(?:[\w-]+\s+){0,2}?(?:dialogue|lines|scenes|stories|banter|"
              r"conversations|responses|replies)|npcs?\s+(?:that|who|which)\s+(?:\w+\s+)?(?:improvi\w+|banter|react)")
# Characters that hold a conversation with the player: "NPCs that talk back to the player", "villagers who chat
# with players". Improvised lines are written text (IMPROVISED); a talk back and forth is a chat.
TALKS_BACK = (r"(?:npcs?|characters?|villagers?|companions?)\s+(?:that|who|which)\s+(?:\w+\s+)?(?:talk|speak|chat|"
              r"convers\w*|respond|reply)\w*\s+(?:back\s+)?(?:to|with)\s+(?:the\s+|our\s+)?(?:players?|users?|you|kids|"
              r"customers?|visitors?)")
# Passages fetched per question: "each query retrieves 8 chunks".
RETRIEVES = (r"retriev(?:e|es|ing)\s+(?:the\s+)?(?:top[- ]?)?(?:\d+|a\s+few|several|some)?\s*(?:[\w-]+\s+)?"
             r"(?:chunks|passages|snippets|excerpts|sections)")
# Someone to talk to: "messages to the companion", "an AI companion"; a companion guide is a book.
COMPANION = r"companions?(?!\s+(?:guides?|volumes?|books?|pieces?|documents?|sites?|websites?|courses?))"
# Something made up by the model: "the model invents a recipe", "comes up with names for the shop", "dreams up
# cocktails", "generates recipes from what's in the fridge".
_MADE_UP = (r"(?:recipes?|dishes|meals?|menus?|cocktails?|names?|slogans?|taglines?|characters?|plots?|storylines?|"
            r"ideas?|worlds?|quests?|riddles?|jokes?|songs?|backstor(?:y|ies))")
INVENTED = (rf"(?:invent(?:s|ed|ing)?|dream(?:s|ed|ing)?\s+up|mak(?:e|es|ing)\s+up|c[oa]m(?:e|es|ing)\s+up\s+with)\s+"
            rf"(?:an?\s+|new\s+|original\s+|fresh\s+|the\s+|some\s+)?(?:[\w-]+\s+){{0,2}}?{_MADE_UP}\b|"
            r"(?:writ|generat|creat|compos)\w*\s+(?:an?\s+|new\s+|original\s+)?(?:[\w-]+\s+){0,2}?recipes?\b|"
            r"recipe\s+(?:generat\w+|creators?|writers?|makers?)")
# Named fields handed back: "give me total + date", "return the vendor, amount and VAT", "read off the
# invoice number and due date". Two fields at least, so "give me the total cost" is no extraction.
_FIELD = (r"(?:(?:grand\s+|sub)?totals?|dates?|amounts?|vendors?|merchants?|suppliers?|tax|vat|prices?|names?|"
          r"addresses|address|phone(?:\s+numbers?)?|emails?|ibans?|skus?|quantit(?:y|ies)|currency|due\s+dates?|"
          r"(?:invoice|order|policy|account|reference|tracking|serial|registration)\s+numbers?|dob|date\s+of\s+birth|"
          r"expiry(?:\s+date)?|(?:licen[cs]e\s+)?plates?|(?:meter\s+)?readings?)")
FIELDS_OUT = (rf"(?:give|gives|giving|return|returns|returning|output|outputs|spit(?:s)?\s+out|read(?:s)?\s+off|"
              rf"tell(?:s)?)\s+(?:me\s+|us\s+|back\s+)?(?:the\s+)?{_FIELD}(?:\s*(?:\+|&|,|/|and|plus)\s*(?:the\s+)?"
              rf"{_FIELD})+\b")
# Support traffic told as people reaching the user: "customers contact us in French", "250 support requests per
# hour", "members message us on WhatsApp". Only a hint: a job named beside it ("classify them") wins.
CONTACTS_US = (r"(?:customers|clients|users|guests|members|patients|players|shoppers|buyers|tenants|passengers|"
               r"people)\s+"
               r"(?:\w+\s+)?(?:contact|message|write\s+to|reach(?:\s+out\s+to)?|text|dm|chat\s+with|ping)\s+us\b|"
               r"support\s+(?:requests|queries|questions|messages|conversations|enquiries|inquiries)")
