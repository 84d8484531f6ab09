"""The vector store: ChromaDB on disk (or a Chroma server), synced by content hash.

We always pass our own embeddings (`query_embeddings`); Chroma's default embedding function
would try to download a model.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from knowledge.documents import Chunk

COURSE_COLLECTION = "course"
USER_COLLECTION = "user"
UPSERT_BATCH = 256


@dataclass(frozen=True, slots=True)
class SyncReport:
    collection: str
    total: int
    embedded: int
    removed: int
    rebuilt_reason: str | None = None


@dataclass(frozen=True, slots=True)
class DenseHit:
    chunk_id: str
    distance: float
    metadata: dict[str, Any]
    text: str


class KnowledgeStore:
    """Chroma collections for the course and for the user's own files."""

    def __init__(self, path: Path | None = None, host: str | None = None, port: int = 8000) -> None:
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        self.path = path
        self.notice: str | None = None
        chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=True)
        if host:
            self._client = chromadb.HttpClient(host=host, port=port, settings=chroma_settings)
            return
        assert path is not None
        self._client = self._open_local(path, chromadb.PersistentClient, chroma_settings)

    def _open_local(self, path: Path, factory: Callable[..., Any], chroma_settings: Any) -> Any:
        try:
            path.mkdir(parents=True, exist_ok=True, mode=0o700)  # a file in its place is rebuilt below
            client = factory(path=str(path), settings=chroma_settings)
            for collection in client.list_collections():
                client.get_collection(getattr(collection, "name", collection)).count()
            return client
        except Exception as exc:
            from chromadb.api.client import SharedSystemClient

            SharedSystemClient.clear_system_cache()  # Chroma caches the broken system per path
            # What is in the way: the store itself, or a file where one of its folders should be.
            blocker = next((p for p in (path, *path.parents) if p.exists() and not p.is_dir()), path)
            aside = blocker.with_name(f"{blocker.name}.corrupt-{dt.datetime.now():%Y%m%d-%H%M%S}")
            shutil.move(str(blocker), str(aside))
            path.mkdir(parents=True, mode=0o700)
            self.notice = (
                f"the knowledge index at {path} could not be opened ({exc.__class__.__name__}); "
                f"moved it to {aside.name} and rebuilt it"
            )
            return factory(path=str(path), settings=chroma_settings)

    def collection(self, name: str, model_name: str) -> Any:
        """The collection, recreated if it was built with another embedding model."""
        collection = self._client.get_or_create_collection(
            name=name,
            embedding_function=None,
            metadata={"hnsw:space": "cosine", "embedding_model": model_name},
        )
        built_with = (collection.metadata or {}).get("embedding_model")
        if built_with != model_name:
            self._client.delete_collection(name)
            collection = self._client.get_or_create_collection(
                name=name,
                embedding_function=None,
                metadata={"hnsw:space": "cosine", "embedding_model": model_name},
            )
        return collection

    def drop(self, name: str) -> None:
        """Forget a collection entirely (`tradeoff index --rebuild`)."""
        if name in {getattr(c, "name", c) for c in self._client.list_collections()}:
            self._client.delete_collection(name)

    def stored_hashes(self, name: str, model_name: str) -> dict[str, str]:
        got = self.collection(name, model_name).get(include=["metadatas"])
        return {cid: str((meta or {}).get("hash", "")) for cid, meta in zip(got["ids"], got["metadatas"], strict=True)}

    def sync(
        self,
        name: str,
        chunks: Sequence[Chunk],
        embed: Callable[[Sequence[str]], list[list[float]]],
        model_name: str,
        doc_ids: set[str] | None = None,
    ) -> SyncReport:
        """Embed only new or changed chunks; remove chunks that no longer exist.

        With `doc_ids`, removal is limited to chunks of those documents (re-ingesting one file).
        """
        collection = self.collection(name, model_name)
        stored = self.stored_hashes(name, model_name)
        changed = [chunk for chunk in chunks if stored.get(chunk.id) != chunk.content_hash]
        # One encode call: the model sorts by length across the whole set, which pads far less.
        vectors = embed([chunk.text for chunk in changed]) if changed else []
        for start in range(0, len(changed), UPSERT_BATCH):
            batch = changed[start : start + UPSERT_BATCH]
            collection.upsert(
                ids=[chunk.id for chunk in batch],
                embeddings=vectors[start : start + UPSERT_BATCH],
                documents=[chunk.text for chunk in batch],
                metadatas=[chunk.metadata() for chunk in batch],
            )
        wanted = {chunk.id for chunk in chunks}
        stale = [cid for cid in stored if cid not in wanted]
        if doc_ids is not None:
            stale = [cid for cid in stale if cid.split("::", 1)[0] in doc_ids]
        if stale:
            collection.delete(ids=stale)
        return SyncReport(collection=name, total=len(chunks), embedded=len(changed), removed=len(stale))

    def all_chunks(self, name: str, model_name: str) -> list[Chunk]:
        """Chunks as stored (for BM25 over the user's ingested files)."""
        got = self.collection(name, model_name).get(include=["metadatas", "documents"])
        chunks = []
        for cid, meta, text in zip(got["ids"], got["metadatas"], got["documents"], strict=True):
            meta = meta or {}
            chunks.append(
                Chunk(
                    id=cid,
                    doc_id=str(meta.get("doc_id", cid)),
                    title=str(meta.get("title", "")),
                    section=str(meta.get("section", "")),
                    text=text or "",
                    source=str(meta.get("source", "user")),
                    chapter=int(meta["chapter"]) if "chapter" in meta else None,
                )
            )
        return chunks

    def query(
        self, name: str, model_name: str, embedding: list[float], k: int, where: dict[str, Any] | None
    ) -> list[DenseHit]:
        collection = self.collection(name, model_name)
        count = collection.count()
        if count == 0:
            return []
        result = collection.query(
            query_embeddings=[embedding],
            n_results=min(k, count),
            where=where or None,
            include=["metadatas", "documents", "distances"],
        )
        return [
            DenseHit(chunk_id=cid, distance=float(dist), metadata=dict(meta or {}), text=text or "")
            for cid, dist, meta, text in zip(
                result["ids"][0],
                result["distances"][0],
                result["metadatas"][0],
                result["documents"][0],
                strict=True,
            )
        ]
