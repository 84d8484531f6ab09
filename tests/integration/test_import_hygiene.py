"""Heavy libraries (and textual) stay off the start-up and headless paths, seen in a fresh interpreter
(as Harlequin's test does)."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("torch", "sentence_transformers", "litellm", "chromadb", "langgraph")


def modules_after(code: str) -> set[str]:
    script = f"{code}\nimport sys\nprint('\\n'.join(sys.modules))"
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def test_catalog_imports_no_heavy_library():
    loaded = modules_after("import catalog.scoring, catalog.sources, catalog.cost")
    assert not {m for m in loaded if m.split(".")[0] in HEAVY}


def test_headless_recommend_path_imports_no_heavy_library():
    loaded = modules_after(
        "import tui.cli, tui.cli.recommend, agent.advisor.recommendation\n"
        "from tui.cli import main\n"
        "import contextlib, io\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['recommend', '--json'])"
    )
    assert not {m for m in loaded if m.split(".")[0] in HEAVY}


def test_catalog_never_imports_textual():
    loaded = modules_after("import catalog.scoring, catalog.sources, agent.advisor.recommendation")
    assert "textual" not in loaded


def test_the_tuis_start_up_path_imports_no_heavy_library():
    loaded = modules_after("import tui.cli, tui.launch, tui.app")
    assert not {m for m in loaded if m.split(".")[0] in HEAVY}
    assert "pydantic_settings" not in loaded  # settings load in the worker, after the first frame


def test_the_headless_path_never_loads_textual():
    loaded = modules_after(
        "import contextlib, io\n"
        "from tui.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['recommend', '--json'])\n"
        "    main(['catalog', '--json'])"
    )
    assert "tui.cli.recommend" in loaded and "tui.cli.catalog" in loaded  # the commands did run
    assert not {m for m in loaded if m.split(".")[0] == "textual"}
