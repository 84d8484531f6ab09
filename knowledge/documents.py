"""Knowledge documents and their chunks: Markdown with front matter, split by heading."""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources

import yaml

REQUIRED_FRONT_MATTER = ("id", "title", "source")
_FRONT_MATTER = re.compile(r"\A---\s*\n(?P<meta>.*?)\n---\s*\n(?P<body>.*)\Z", re.DOTALL)
_HEADING = re.compile(r"^(#{1,3})\s+(?P<title>.+?)\s*#*\s*$", re.MULTILINE)
MAX_CHUNK_CHARS = 1_800


class DocumentError(ValueError):
    """A document we cannot use, with what is wrong and how to fix it."""


@dataclass(frozen=True, slots=True)
class Document:
    id: str
    title: str
    source: str
    body: str
    chapter: int | None = None
    lesson: int | None = None
    path: str = ""


@dataclass(frozen=True, slots=True)
class Chunk:
    """One retrievable passage, with the citation that goes with it."""

    id: str
    doc_id: str
    title: str
    section: str
    text: str
    source: str
    chapter: int | None = None

    @property
    def content_hash(self) -> str:
        payload = "\x1f".join((self.doc_id, self.title, self.section, self.text))
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]

    def metadata(self) -> dict[str, str | int]:
        meta: dict[str, str | int] = {
            "doc_id": self.doc_id,
            "title": self.title,
            "section": self.section,
            "source": self.source,
            "hash": self.content_hash,
        }
        if self.chapter is not None:
            meta["chapter"] = self.chapter
        return meta


def parse_document(text: str, where: str) -> Document:
    match = _FRONT_MATTER.match(text)
    if not match:
        raise DocumentError(f"{where}: no front matter; start the file with ---, id:, title:, source:, ---")
    try:
        meta = yaml.safe_load(match["meta"]) or {}
    except yaml.YAMLError:
        raise DocumentError(f"{where}: front matter is not valid YAML") from None
    missing = [name for name in REQUIRED_FRONT_MATTER if not meta.get(name)]
    if missing:
        raise DocumentError(f"{where}: front matter lacks {', '.join(missing)}")
    body = match["body"].strip()
    if not body:
        raise DocumentError(f"{where}: the document has no text after its front matter")
    return Document(
        id=str(meta["id"]),
        title=str(meta["title"]),
        source=str(meta["source"]),
        body=body,
        chapter=int(meta["chapter"]) if meta.get("chapter") is not None else None,
        lesson=int(meta["lesson"]) if meta.get("lesson") is not None else None,
        path=where,
    )


def course_documents() -> list[Document]:
    """Every document of the bundled course corpus, ordered by id."""
    root = resources.files("knowledge").joinpath("corpus")
    docs = []
    for group in ("course", "guide", "module"):
        folder = root.joinpath(group)
        for item in sorted(folder.iterdir(), key=lambda p: p.name):
            if item.name.endswith(".md"):
                docs.append(parse_document(item.read_text(encoding="utf-8"), f"corpus/{group}/{item.name}"))
    return sorted(docs, key=lambda d: d.id)


def _split_long(text: str) -> Iterator[str]:
    """Paragraph-aligned pieces of at most MAX_CHUNK_CHARS (a lone huge paragraph is cut hard)."""
    piece = ""
    for paragraph in re.split(r"\n\s*\n", text):
        while len(paragraph) > MAX_CHUNK_CHARS:
            if piece:
                yield piece
                piece = ""
            yield paragraph[:MAX_CHUNK_CHARS]
            paragraph = paragraph[MAX_CHUNK_CHARS:]
        if piece and len(piece) + len(paragraph) + 2 > MAX_CHUNK_CHARS:
            yield piece
            piece = ""
        piece = f"{piece}\n\n{paragraph}" if piece else paragraph
    if piece.strip():
        yield piece


def chunk_document(doc: Document) -> list[Chunk]:
    """One chunk per section (split further when long); the title leads each chunk's text."""
    sections: list[tuple[str, str]] = []
    headings = list(_HEADING.finditer(doc.body))
    intro = doc.body[: headings[0].start()] if headings else doc.body
    if intro.strip():
        sections.append(("Overview", intro.strip()))
    for index, heading in enumerate(headings):
        end = headings[index + 1].start() if index + 1 < len(headings) else len(doc.body)
        content = doc.body[heading.end() : end].strip()
        if content:
            sections.append((heading["title"].strip(), content))
    chunks = []
    for section, content in sections:
        for part, text in enumerate(_split_long(content)):
            suffix = f"#{part}" if part else ""
            chunks.append(
                Chunk(
                    id=f"{doc.id}::{_slug(section)}{suffix}",
                    doc_id=doc.id,
                    title=doc.title,
                    section=section,
                    text=f"{doc.title} — {section}\n{text}",
                    source=doc.source,
                    chapter=doc.chapter,
                )
            )
    return _unique_ids(chunks)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "section"


def _unique_ids(chunks: list[Chunk]) -> list[Chunk]:
    seen: dict[str, int] = {}
    unique = []
    for chunk in chunks:
        count = seen.get(chunk.id, 0)
        seen[chunk.id] = count + 1
        if count:
            chunk = dataclasses.replace(chunk, id=f"{chunk.id}~{count}")
        unique.append(chunk)
    return unique


def chunk_all(docs: Iterable[Document]) -> list[Chunk]:
    return [chunk for doc in docs for chunk in chunk_document(doc)]


@functools.cache
def course_chunks() -> tuple[Chunk, ...]:
    """The bundled corpus chunked, once per process (it ships with the package and never changes)."""
    return tuple(chunk_all(course_documents()))
