"""The knowledge base: course corpus + the user's files, indexed and searchable.

BM25 is ready as soon as this object exists; `load_dense()` (slow: torch and Chroma) adds
dense retrieval and should run in a worker.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from knowledge.documents import Chunk, DocumentError, chunk_document, course_chunks
from knowledge.embedding import Embedder, load_embedder, resolve_model
from knowledge.lexical import LexicalIndex
from knowledge.retrieval import Filters, Mode, SearchResult, search
from knowledge.store import COURSE_COLLECTION, USER_COLLECTION, DenseHit, KnowledgeStore, SyncReport
from knowledge.user_files import files_under, read_user_file


@dataclass
class IngestReport:
    files: list[str] = field(default_factory=list)
    chunks: int = 0
    embedded: int = 0
    errors: list[str] = field(default_factory=list)


class KnowledgeBase:
    def __init__(
        self,
        index_dir: Path,
        embedding_model: str | None = None,
        chroma_host: str | None = None,
        chroma_port: int = 8000,
    ) -> None:
        self.index_dir = index_dir
        self.embedding_model = embedding_model
        self.chroma_host = chroma_host
        self.chroma_port = chroma_port
        self.course_chunks = list(course_chunks())
        self._user_chunks: list[Chunk] = []
        self.lexical = LexicalIndex(self.course_chunks)
        self.store: KnowledgeStore | None = None
        self.embedder: Embedder | None = None
        self.last_sync: SyncReport | None = None

    @property
    def model_name(self) -> str:
        return self.embedder.name if self.embedder else resolve_model(self.embedding_model)[1]

    @property
    def dense_ready(self) -> bool:
        return self.store is not None and self.embedder is not None

    def open_store(self) -> KnowledgeStore:
        if self.store is None:
            self.store = KnowledgeStore(self.index_dir / "chroma", host=self.chroma_host, port=self.chroma_port)
        return self.store

    def load_dense(self, rebuild: bool = False) -> SyncReport:
        """Load the embedder and the store, and bring the course index up to date."""
        store = self.open_store()
        if self.embedder is None:
            self.embedder = load_embedder(self.embedding_model)
        if rebuild:
            store.drop(COURSE_COLLECTION)
        self.last_sync = store.sync(COURSE_COLLECTION, self.course_chunks, self.embedder.encode, self.model_name)
        self._user_chunks = store.all_chunks(USER_COLLECTION, self.model_name)
        if self._user_chunks:
            self.lexical = LexicalIndex(self.course_chunks + self._user_chunks)
        return self.last_sync

    def _dense(self, query: str, k: int, filters: Filters) -> Sequence[DenseHit]:
        assert self.store is not None and self.embedder is not None
        vector = self.embedder.encode([query])[0]
        hits: list[DenseHit] = []
        collections = [COURSE_COLLECTION] + ([USER_COLLECTION] if self._user_chunks else [])
        for name in collections:
            hits += self.store.query(name, self.model_name, vector, k, filters.where())
        return sorted(hits, key=lambda hit: (hit.distance, hit.chunk_id))[:k]

    def search(
        self,
        query: str,
        k: int = 5,
        source: str | None = None,
        chapter: int | None = None,
        mode: Mode = "hybrid",
    ) -> list[SearchResult]:
        dense = self._dense if self.dense_ready else None
        return search(query, self.lexical, dense, k=k, filters=Filters(source, chapter), mode=mode)

    def ingest(self, paths: Iterable[Path]) -> IngestReport:
        """Add the user's Markdown / text / PDF files to the user collection; bad files are reported."""
        if not self.dense_ready:
            self.load_dense()
        assert self.store is not None and self.embedder is not None
        report = IngestReport()
        for path in files_under(paths):
            try:
                doc = read_user_file(path)
            except DocumentError as exc:
                report.errors.append(str(exc))
                continue
            chunks = chunk_document(doc)
            sync = self.store.sync(USER_COLLECTION, chunks, self.embedder.encode, self.model_name, doc_ids={doc.id})
            report.files.append(str(path))
            report.chunks += sync.total
            report.embedded += sync.embedded
        self._user_chunks = self.store.all_chunks(USER_COLLECTION, self.model_name)
        self.lexical = LexicalIndex(self.course_chunks + self._user_chunks)
        return report
