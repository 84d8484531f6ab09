"""What every headless command shares: the one-line error, exit codes, JSON output, the argument
types that validate typed values, and the core services opened with their notices on stderr.

A leaf: it imports no command and not `tui.cli` itself.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from catalog.quantities import parse_fraction, parse_quantity
from catalog.requirements import REGION_BLOCS

if TYPE_CHECKING:
    from pydantic import ValidationError

    from agent.advisor.sessions import Advisor
    from agent.settings import Settings
    from knowledge.base import KnowledgeBase

# Exit codes (SPEC §11). A bug is reported as an internal error with status 1, as it always was.
OK = 0
ACT = 1  # `recheck`: the decision needs acting on
BAD_INPUT = 2  # one line on stderr naming what to fix
DEPENDENCY_FAILED = 3  # a server or a store failed; its cause in one line
INTERNAL_ERROR = 1
INTERRUPTED = 130


class UsageError(Exception):
    """Bad input from the user: printed as one line, exit status 2."""


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(BAD_INPUT, f"{self.prog}: {message} (see `{self.prog} --help`)\n")


def print_json(payload: Any) -> None:
    # allow_nan=False: NaN or Infinity is not JSON; one reaching here is a bug, logged as one.
    sys.stdout.write(json.dumps(payload, indent=2, default=str, allow_nan=False) + "\n")


def validation_message(exc: ValidationError, source: str) -> str:
    """The first pydantic error as one line: where, what, and the accepted values."""
    error = exc.errors()[0]
    field = ".".join(str(part) for part in error["loc"]) or "(top level)"
    return f"{source}: field {field!r}: {str(error['msg']).removeprefix('Value error, ')}"


def read_json(path_text: str, flag: str, writer: str, write: str) -> Any:
    """A JSON file named by `flag`; each failure says which command writes one (`writer`, `write`)."""
    path = Path(path_text)
    if path.is_dir():
        raise UsageError(f"{flag}: {path} is a directory; give the file {writer} wrote")
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UsageError(f"{flag}: {path} does not exist; write one with {write} {path}") from None
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise UsageError(f"{flag}: {path} is not JSON; write one with {write} PATH") from None
    except OSError as exc:
        raise UsageError(f"{flag}: cannot read {path} ({exc.strerror or exc.__class__.__name__})") from None


# --- argument types: each refuses with one line that argparse prefixes with the option's name


def _plain(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:g}"


def _shown(text: str, limit: int = 40) -> str:
    """A typed value quoted for an error line, cut short and with control characters escaped."""
    return repr(text if len(text) <= limit else text[:limit] + "...")


def number(low: float, high: float, *, whole: bool = False, above: bool = False) -> Callable[[str], Any]:
    """The one validator for every number typed on the command line: finite, within its documented
    range (`above`: strictly above `low`), whole when asked; argparse names the option."""

    def parse(text: str) -> float | int:
        try:
            value = parse_quantity(text)
        except (ValueError, OverflowError) as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None
        low_ok = value > low if above else value >= low
        if not (math.isfinite(value) and low_ok and value <= high and (not whole or value == int(value))):
            kind = "a whole number" if whole else "a number"
            bound = f"above {_plain(low)} and up to" if above else f"from {_plain(low)} to"
            raise argparse.ArgumentTypeError(f"{_shown(text)}: give {kind} {bound} {_plain(high)}")
        return int(value) if whole else value

    parse.__name__ = "whole number" if whole else "number"
    return parse


quantity = number(0, 1e12)


def fraction(text: str) -> float:
    try:
        return parse_fraction(text)
    except (ValueError, OverflowError) as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


SESSION_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


def session_id(text: str) -> str:
    if not SESSION_ID.match(text):
        raise argparse.ArgumentTypeError(f"{_shown(text)}: a session id is 1-64 letters, digits, - or _ "
                                         "(`tradeoff sessions` lists them)")  # fmt: skip
    return text


def url(text: str) -> str:
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018 - raises on a bad port
    except ValueError:
        parts = None
    if parts is None or parts.scheme not in ("http", "https") or not parts.hostname or not text.isprintable():
        raise argparse.ArgumentTypeError(f"{_shown(text)}: give an http(s) URL, e.g. http://127.0.0.1:8080/v1")
    return text


def model_names(text: str) -> str:
    names = [name.strip() for name in text.split(",")]
    bad = next((name for name in names if name and (len(name) > 200 or not name.isprintable() or " " in name)), None)
    if bad is not None:
        raise argparse.ArgumentTypeError(
            f"{_shown(bad)} is not a model name (printable, no spaces, under 200 characters)"
        )
    return text


def capability_list(text: str) -> list[str]:
    from catalog.requirements import CAPABILITIES

    words = [word.strip().lower() for word in text.split(",") if word.strip()]
    unknown = [word for word in words if word not in CAPABILITIES]
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown capability {unknown[0]!r}; choose from {','.join(CAPABILITIES)}")
    return words


_DURATION = re.compile(r"^\s*([0-9][0-9_,.]*)\s*(ms|s|sec|seconds?|m|min|minutes?)?\s*$", re.IGNORECASE)
_MS_PER_UNIT = {"ms": 1.0, "s": 1e3, "sec": 1e3, "second": 1e3, "seconds": 1e3, "m": 6e4, "min": 6e4,
                "minute": 6e4, "minutes": 6e4}  # fmt: skip


def duration_ms(text: str) -> float:
    """Milliseconds from `800`, `800ms`, `10s` or `2 min`; a bare number is milliseconds."""
    match = _DURATION.match(text)
    if match is None:
        raise argparse.ArgumentTypeError(f"{text!r} is not a duration (try 800, 800ms, 10s or 2min)")
    value = quantity(match.group(1)) * _MS_PER_UNIT[(match.group(2) or "ms").lower()]
    if not 0 < value < 1e9:
        raise argparse.ArgumentTypeError(f"{text!r}: give a duration above 0 and under 11 days")
    return float(value)


# The blocs providers' promises are written in (catalog data), and a country by its two-letter code (uk, de):
# a lock to a country no provider promises leaves the routes a user hosts themselves.


def region(text: str) -> str:
    code = text.strip().lower()
    if code not in REGION_BLOCS and not re.fullmatch(r"[a-z]{2}", code):
        raise argparse.ArgumentTypeError(f"{_shown(text)}: name a region as eu, us, asia or cn, or a country by its "
                                         "two-letter code (uk, de, jp)")  # fmt: skip
    return code


def language_list(text: str) -> list[str]:
    from agent.advisor.rules.extract_languages import LANGUAGES

    words = [word.strip().lower() for word in text.split(",") if word.strip()]
    if not words or any(not word.replace("-", "").isalpha() or len(word) > 30 for word in words):
        raise argparse.ArgumentTypeError(f"{text!r}: list language names separated by commas, e.g. german,french")
    if unknown := [word for word in words if word not in LANGUAGES and word != "english"]:
        raise argparse.ArgumentTypeError(f"unknown language {unknown[0]!r}: use English names, e.g. german,french")
    return [word for word in words if word != "english"]


def maker_list(text: str) -> list[str]:
    from catalog.names import MAKERS

    words = [word.strip().lower() for word in text.split(",") if word.strip()]
    if not words or (unknown := [word for word in words if word not in MAKERS]):
        said = repr(unknown[0]) if words else "nothing"
        raise argparse.ArgumentTypeError(f"unknown model maker {said}; choose from {','.join(MAKERS)}")
    return words


MAX_PRICE_PER_MTOK = 10_000.0


def prices(items: list[str] | None) -> dict[str, tuple[float, float]]:
    """--price MODEL=IN,OUT in USD per million tokens: a model name and two finite prices >= 0,
    returned in USD per token."""
    given = {}
    for item in items or []:
        model, _, pair = item.partition("=")
        try:
            values = [float(part) for part in pair.split(",")]
        except ValueError:
            values = []
        shown = repr(item[:60])
        if not model.strip() or not model.isprintable() or len(values) != 2:
            raise UsageError(f"--price {shown}: write MODEL=IN,OUT in USD per million tokens, e.g. gpt-4.1=2,8")
        if not all(math.isfinite(v) and 0 <= v <= MAX_PRICE_PER_MTOK for v in values):
            raise UsageError(f"--price {shown}: each price must be a number from 0 to {MAX_PRICE_PER_MTOK:,.0f} "
                             "USD per million tokens")  # fmt: skip
        given[model.strip()] = (values[0] / 1e6, values[1] / 1e6)
    return given


def add_volume_options(parser: argparse.ArgumentParser, required: bool) -> None:
    """The workload flags `recommend` and `cost` share."""
    add = parser.add_argument
    add(
        "--requests-per-day",
        type=number(0, 1e10, above=True),  # 0 a day bills $0 for every model: no comparison at all
        required=required,
        metavar="N",
        help="requests a day (5000, 50k, 2M)",
    )
    add("--input-tokens", type=number(0, 10_000_000, whole=True), required=required, metavar="N",
        help="average input tokens per request")  # fmt: skip
    add("--output-tokens", type=number(0, 1_000_000, whole=True), required=required, metavar="N",
        help="average output tokens per request")  # fmt: skip
    add("--cache-hit-rate", type=fraction, metavar="F",
        help="share of input tokens served from the prompt cache (0.3 or 30%%)")  # fmt: skip
    add("--batch-share", type=fraction, metavar="F", help="share of requests sent through a batch API")
    add("--reasoning-tokens", type=number(0, 1_000_000, whole=True), metavar="N",
        help="hidden reasoning tokens a reasoning model spends per request (default: our estimate)")  # fmt: skip
    add("--operations-usd-month", type=number(0, 1e9), metavar="X",
        help="people and tooling to run self-hosted GPUs (default: a quarter of an engineer)")  # fmt: skip


# --- the core's services, opened for one command


def open_advisor(settings: Settings) -> Advisor:
    """The advisor service; its notice (e.g. a damaged store moved aside) goes to stderr."""
    from agent.advisor.factory import make_advisor
    from catalog.build import CatalogDataError
    from knowledge.base import KnowledgeBase

    try:
        advisor = make_advisor(settings, KnowledgeBase(settings.index_dir))
    except CatalogDataError as exc:
        raise UsageError(str(exc)) from None
    if advisor.notice:
        sys.stderr.write(f"note: {advisor.notice}\n")
    return advisor


def session_requirements(settings: Settings, session: str) -> Any:
    """The requirements a saved session has gathered (for --session on `plan` and `route`)."""
    from agent.advisor.interview import build_requirements

    advisor = open_advisor(settings)
    try:
        if not advisor.exists(session):
            raise UsageError(f"--session: no session {session!r}; `tradeoff sessions` lists them")
        return build_requirements(advisor.state(session).requirements)
    finally:
        advisor.close()


def open_knowledge(settings: Settings) -> KnowledgeBase:
    from knowledge.base import KnowledgeBase
    from knowledge.documents import DocumentError

    try:
        return KnowledgeBase(
            settings.index_dir,
            embedding_model=settings.embedding_model,
            chroma_host=settings.chroma_host,
            chroma_port=settings.chroma_port,
        )
    except DocumentError as exc:
        raise UsageError(str(exc)) from None


def load_dense(kb: KnowledgeBase, rebuild: bool = False) -> Any:
    """The embedding model and the vector store; a store's notice goes to stderr."""
    from knowledge.embedding import EmbeddingUnavailable

    try:
        report = kb.load_dense(rebuild=rebuild)
    except EmbeddingUnavailable as exc:
        raise UsageError(str(exc)) from None
    if kb.store is not None and kb.store.notice:
        sys.stderr.write(f"note: {kb.store.notice}\n")
    return report
