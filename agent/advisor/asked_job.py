"""What a message's questions tell about the job beside what it states: the task, languages and
priority they name, and the volume and sizes they carry ("Does self-hosting pay off at ~50k
requests/day with 2k-token prompts? The data stays in the EU"). What a question wonders about
(self-hosting, a context window, SOC 2) is no requirement."""

from __future__ import annotations

import re

from agent.advisor.definitions import asks_definition
from agent.advisor.rules.extract import Extraction, extract
from agent.advisor.rules.extract_languages import languages
from agent.advisor.rules.extract_priority import priority
from agent.advisor.rules.extract_task import read_task
from agent.advisor.rules.questions import asked_sentences, asks_about_own_workload

# "Which is better for summarizing legal depositions?": the job a question names, after "for" or "at".
_JOB_ASKED_ABOUT = re.compile(r"\b(?:for|at)\s+(?P<job>\w+ing\b[^?]*)", re.IGNORECASE)


def job_from_question(text: str, found: Extraction) -> None:
    """A message that states its figures and names its job, its languages or what it values only inside its question
    ("What's the difference between Claude and GPT for summarizing legal depositions? Ours run 200
    pages"; "Can a model summarise discharge letters in Welsh as well as English? 700 letters a week")
    has that job and those languages, inferred from the question's words. A question about a term
    ("What is RAG?") names no job."""
    if not found.fields:
        return
    for question in asked_sentences(text):
        if asks_definition(question):
            continue  # "what's TTFT? and would 2 s be ok for a chatbot?": the second still names the job
        named = _JOB_ASKED_ABOUT.search(question)
        if "task" not in found.fields and (reading := read_task(named.group("job") if named else question)):
            found.put("task", reading.value, reading.words, inferred=True)
        for language, said in languages(question):
            found.add_to_list("languages", language, said, inferred=True)
        if "priority" not in found.fields and (valued := priority(question)):  # "What's the cheapest way to..."
            found.put("priority", valued[0], valued[1], inferred=True)
        if asks_about_own_workload(question):
            _workload_from(extract(question), found)


# The figures that describe the job itself; what a question wonders about (self-hosting, a context
# window, SOC 2, a budget it may fit) is no requirement. An input size comes with its parts and notes.
_WORKLOAD = {"requests_per_day": (), "input_tokens": ("input_parts", "size_notes"), "output_tokens": ()}


def _workload_from(asked: Extraction, found: Extraction) -> None:
    """ "Does self-hosting pay off at ~50k requests/day with 2k-token prompts? The data stays in the EU":
    the volume and the prompt size are this job's, unless a statement already says them."""
    for name, companions in _WORKLOAD.items():
        if name in asked.fields and name not in found.fields:
            found.put(name, asked.fields[name], asked.evidence.get(name, ""))
            for companion in companions:
                if companion in asked.fields and companion not in found.fields:
                    found.fields[companion] = asked.fields[companion]
