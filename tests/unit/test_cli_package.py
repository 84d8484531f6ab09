"""The CLI package's shape, checked on the real parser: every help page renders and every command module
has the same face (that the headless path never loads textual is in tests/integration/test_import_hygiene.py)."""

from __future__ import annotations

import argparse

import pytest

from tests.cli_inprocess import run_cli


def _help_paths() -> list[list[str]]:
    """Every subcommand path in the real parser, with each choice of a subcommand's positional
    (catalog list/show/..., plan finetune/...), so a command added later is covered too."""
    from tui.cli import build_parser

    found: list[list[str]] = [[]]

    def walk(parser: argparse.ArgumentParser, path: list[str]) -> None:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    found.append([*path, name])
                    walk(sub, [*path, name])
            elif path and not action.option_strings and action.choices:
                found.extend([*path, str(choice)] for choice in action.choices)

    walk(build_parser(), [])
    return found


HELP_PATHS = _help_paths()


def test_the_help_walk_reaches_the_nested_commands():
    shown = {" ".join(path) for path in HELP_PATHS}
    nested = {"catalog list", "catalog show", "catalog refresh", "catalog check-prices", "plan finetune",
              "plan distill", "plan selfhost", "plan tco", "local serve"}  # fmt: skip
    assert nested <= shown, nested - shown
    assert {"recommend", "cost", "import", "eval", "leaderboard", "sessions"} <= shown


@pytest.mark.parametrize("path", HELP_PATHS, ids=[" ".join(p) or "tradeoff" for p in HELP_PATHS])
def test_every_help_page_renders(path):
    # argparse %-formats help strings: one unescaped % is a traceback here, not a help page.
    out = run_cli(*path, "--help")
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.startswith("usage: tradeoff"), out.stdout[:200]
    assert out.stderr == ""


def test_every_command_module_registers_one_parser_that_runs_it():
    from tui.cli import build_parser

    commands = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    for name, sub in commands.choices.items():
        runner = sub.get_default("run")
        assert callable(runner) and runner.__name__ == "run", name
        assert runner.__module__.startswith("tui.cli.") and runner.__module__ != "tui.cli.common", name
