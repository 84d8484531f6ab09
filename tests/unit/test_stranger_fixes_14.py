"""Defects a stranger found on 2026-12-04 (second round), each shown fixed as a user meets it."""

from __future__ import annotations

from tests.cli_inprocess import run_cli
from tui.screens.help import help_text


def test_ruling_out_a_place_in_a_locked_session_narrows_the_lock_and_never_widens_it(knowing_advisor):
    first = knowing_advisor.turn("Internal RAG assistant, 10k queries a day, 1500 tokens in, 300 out, budget 2000, "
                                 "data must stay in the EU.", None)  # fmt: skip
    assert first.as_json()["requirements"]["regions"] == ["eu"]
    after = knowing_advisor.turn("and no Chinese providers", first.session).as_json()
    assert after["requirements"]["regions"] == ["eu"]
    assert after["requirements"]["excluded_makers"] == ["alibaba", "deepseek"]


def test_a_requirements_file_with_an_unknown_region_is_refused_like_the_flag(tmp_path):
    path = tmp_path / "req.yaml"
    path.write_text("task: chat\nregions: [mars]\n")
    ran = run_cli("recommend", "--requirements", str(path))
    assert ran.returncode == 2 and "unknown region 'mars'" in ran.stderr and len(ran.stderr.splitlines()) == 1


def test_cost_refuses_a_request_larger_than_the_models_context():
    ran = run_cli("cost", "--model", "gemini/gemini-2.5-pro", "--requests-per-day", "100", "--input-tokens", "2M",
                  "--output-tokens", "1000")  # fmt: skip
    assert ran.returncode == 2
    assert "2,000,000 tokens exceed gemini/gemini-2.5-pro's 1,048,576-token context" in ran.stderr


def test_help_names_each_vote_key_by_its_pane():
    assert "| `1` | Vote pane A |" in help_text() and "| `4` | Vote pane D |" in help_text()


def test_a_size_worked_out_with_a_convention_reads_inferred_with_the_convention(advisor):
    from agent.advisor.view import requirement_rows

    worded = advisor.turn("Support bot, 3k chats a day, 6 turns each, messages 60 words, answers 120 words", None)
    rows = {row.field: row for row in requirement_rows(advisor.state(worded.session))}
    assert rows["output_tokens"].origin == "inferred" and "1.3 tokens a word" in rows["output_tokens"].evidence
    assert rows["input_tokens"].origin == "inferred" and "earlier turns" in rows["input_tokens"].evidence
    said = advisor.turn("chatbot, 2k a day, 1500 tokens in, 200 out", None)
    rows = {row.field: row for row in requirement_rows(advisor.state(said.session))}
    assert rows["input_tokens"].origin == "stated" and rows["output_tokens"].origin == "stated"


def test_a_budget_that_must_be_free_ranks_the_cheapest_first_and_the_app_being_free_does_not():
    from agent.advisor.rules.extract import extract

    for said in ("nothing, it has to be free", "it must cost nothing", "free models only", "budget is $0"):
        assert extract(said).fields.get("priority") == "cost", said
    for said in ("the app has to be free for users", "it must be free for our students"):
        assert "priority" not in extract(said).fields, said


def test_a_negative_value_after_an_option_gets_the_options_own_line():
    ran = run_cli("recommend", "--max-response-ms", "-1s")
    assert ran.returncode == 2 and "expected one argument" not in ran.stderr and "--max-response-ms" in ran.stderr
    ran = run_cli("ask", "--json", "-300 requests a day for a chatbot")  # a message is never joined to a flag
    assert ran.returncode == 0, ran.stderr
