"""An export into a folder that does not exist yet says it created it, rather than leaving a new folder
for the user to find."""

from __future__ import annotations

import json

from tests.cli_inprocess import run_cli


def test_an_export_into_a_new_folder_says_it_created_it(tmp_path):
    session = json.loads(run_cli("ask", "a support chatbot, 50k chats a day, $2,000 a month", "--json").stdout)
    path = tmp_path / "records" / "2026" / "decision.md"
    out = run_cli("export", "--session", session["session"], "--format", "md", "-o", str(path))
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == f"wrote {path} (created the folder {path.parent})" and path.is_file()
    again = run_cli("export", "--session", session["session"], "--format", "md", "-o", str(path.with_name("b.md")))
    assert again.stdout.strip() == f"wrote {path.with_name('b.md')}"  # the folder is there now: nothing to say
