"""Words that sound like a capability but are not one here: a brand's image, power tools, audio handled
before the model ("we already transcribe with Whisper"), images read before it ("our OCR already handles
that"). Patterns only; extract_task.py applies them."""

from __future__ import annotations

import re

# Capability-sounding words that name something else: a reputation ("the image of our brand", "image
# consultancy"), goods a shop sells ("power tools", "audio gear"), or the user's own systems ("our backend
# is a bunch of JSON APIs"). Their words count for no task and no need.
NOT_A_CAPABILITY = re.compile(
    r"\bimages?\s+of\s+(?:our|the|their|your|a|my)\s+(?:brand|company|business|firm)|\bimage\s+consult\w*|"
    r"\b(?:brand|public|corporate)[- ]image\b|\b(?:power|hand|garden|gardening|kitchen|machine|woodworking)\s+tools\b|"
    # what the user's company makes or which team asks: "a dev-tools startup", "our internal tools team"
    r"\b(?:dev|developer|internal|productivity|analytics|bi|design|no-?code|low-?code|admin|marketing|sales|"
    r"security|devops|hr)[\s-]*tools?(?=[\s-]+(?:startup|company|companies|vendor|team|teams|space|market|firm|"
    r"business|maker|makers|shop|industry)\b)|\b(?:we\s+(?:build|make|sell)|building)\s+(?:\w+\s+)?tools\b|"
    r"\b(?:audio|camera|photo|video)\s+(?:gear|equipment|products?|hardware|brands?|shop|store|retailer|accessories|"
    r"lenses)\b|"
    r"\b(?:medical|clinical|billing|icd-?10|cpt)[\s-]+cod(?:ing|ers?|es)\b|\bicd-?10\b|\bthe\s+reasoning\s+(?:behind|for)\b|"
    r"\b(?:espresso|coffee|oil|tooth|dental|mineral|juice|dna)\s+extractions?\b|\bsummary\s+judgments?\b|"
    r"\b(?:backend|stack|systems?|platform|services?)\s+(?:is|are|uses?|runs?\s+on)\s+(?:\w+\s+){0,4}?json\s+apis?\b|"
    # tags given to the model as input: "from a template and a few tags", "based on the user's tags"
    r"\b(?:from|given|using|based\s+on)\s+(?:[\w'’-]+\s+){0,4}?tags\b|\b(?:a\s+few|some|several)\s+tags\b|"
    # labels stuck on things: "reading shipping labels", "the labels on the parcels"
    r"\b(?:shipping|address|nutrition(?:al)?|food|price|wine|care|warning|barcode|mailing|return|parcel|package|"
    r"postage|luggage|pallet)\s+labels?\b|\blabels?\s+on\s+(?:the\s+)?(?:parcels|packages|boxes|bottles|jars|"
    r"crates|pallets)\b|"
    # requests that reach the user: "user queries come in through our API"
    r"\b(?:come|comes|coming|arrive[sd]?|arriving|flow|flows)\s+(?:in\s+)?(?:through|via)\s+our\s+(?:[\w-]+\s+){0,2}?apis?\b",
    re.IGNORECASE,
)
# Audio handled before the model: "our speech pipeline handles the audio, the model only gets text".
TEXT_ONLY = re.compile(
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
    r"(?:the\s+|any\s+)?audio\b|\b(?:speech|asr|stt)\s+(?:pipeline|system|service)\s+handles\b|"
    # "we already get transcripts from our transcription vendor, so it's text in"
    r"\btranscripts?\s+(?:from|by|via)\s+(?:an?\s+|our\s+|the\s+|their\s+)?(?:[\w-]+\s+){0,2}?(?:vendors?|providers?|"
    r"services?|stt|asr|tools?|systems?|pipelines?|partners?|team|agency)\b|"
    r"\b(?:we|they)\s+(?:already\s+)?(?:get|receive|buy|have|store)\s+(?:the\s+|ready-made\s+|finished\s+)?transcripts?\b|"
    r"\b(?:it[’']?s|is|are|all)\s+(?:just\s+|only\s+|plain\s+)?text\s+in\b(?=\s*(?:[,.;:!)—-]|$|and\b|but\b))",
    re.IGNORECASE,
)


# The capability of seeing, by name: "vision", "image understanding", "multimodal input".
_SEEING = (r"(?:vision(?:\s+(?:capabilit\w+|support|models?))?|image\s+(?:input|inputs|understanding|analysis|"
           r"recognition|support|capabilit\w+)|multi-?modal(?:ity)?|visual\s+(?:input|understanding))\b")
# Images read elsewhere: "we OCR it ourselves", "no image input needed", "radiology reports (plain text)"
NO_IMAGES = re.compile(
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
    r"image[- ]recognition|ocr)\s+(?:model|system|pipeline|service|step)\b|\btext\s+in,?\s+text\s+out\b|"
    # "photos are attached but we don't need the model to look at them", "it can ignore the images"
    r"\b(?:do\s+not|don[’']t|doesn[’']t|does\s+not|won[’']t|will\s+not|no\s+need\s+to|never)\s+(?:need\s+(?:the\s+"
    r"(?:model|llm|ai|bot)\s+|it\s+)?to\s+|have\s+to\s+)?(?:look\s+at|read|see|analy[sz]e|process|understand)\s+(?:them|"
    r"the\s+(?:photos|images|pictures|scans|attachments|screenshots))\b|"
    r"\b(?:can|may|should|will)\s+(?:just\s+|safely\s+)?ignore\s+(?:them|the\s+(?:photos|images|pictures|attachments|"
    r"screenshots))\b|"
    # "it's all already text after OCR", "the post-OCR text", "everything is already text"
    r"\bafter\s+(?:the\s+|our\s+)?ocr\b|\bpost-?ocr\b|\b(?:is|are)\s+(?:all\s+)?already\s+(?:plain\s+)?text\b|"
    # seeing said not to be needed: "we don't need vision", "no image understanding required", "vision isn't needed"
    r"\b(?:do\s+not|don[’']t|doesn[’']t|does\s+not|won[’']t|will\s+not|never)\s+(?:really\s+|actually\s+)?"
    r"(?:need|require|want)\s+(?:any\s+)?" + _SEEING + r"|\bno\s+(?:need\s+for\s+)?" + _SEEING + r"|"
    r"\b" + _SEEING + r"\s+(?:is|are)\s*(?:n[’']t|not)\s+(?:\w+\s+)?(?:needed|required|necessary|a\s+requirement)\b",
    re.IGNORECASE,
)
