"""Reading a team's own files for `tradeoff ingest`: Markdown, plain text and PDF."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from knowledge.documents import Document, DocumentError

SUPPORTED_SUFFIXES = (".md", ".markdown", ".txt", ".text", ".pdf")
MAX_FILE_BYTES = 20 * 1024 * 1024


def _doc_id(path: Path) -> str:
    digest = hashlib.sha256(str(path.resolve()).encode("utf-8")).hexdigest()[:8]
    return f"user/{path.stem}-{digest}"


def _pdf_text(path: Path) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(path)
        return "\n\n".join((page.extract_text() or "") for page in reader.pages)
    except (PdfReadError, ValueError, OSError) as exc:
        raise DocumentError(f"{path}: unreadable PDF ({exc.__class__.__name__}); re-export it") from None


def read_user_file(path: Path) -> Document:
    """One file as a document; DocumentError says what is wrong (missing, binary, empty, unreadable)."""
    if not path.exists():
        raise DocumentError(f"{path}: no such file")
    if not path.is_file():  # a FIFO or a device would block the read or never end
        raise DocumentError(f"{path}: not a regular file")
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        raise DocumentError(f"{path}: unsupported type {path.suffix or '(none)'}; use .md, .txt or .pdf")
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise DocumentError(f"{path}: unreadable ({exc.strerror})") from None
    if size > MAX_FILE_BYTES:
        raise DocumentError(f"{path}: {size / 1e6:.0f} MB is over the 20 MB limit; split the file")
    if path.suffix.lower() == ".pdf":
        text = _pdf_text(path)
    else:
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise DocumentError(f"{path}: unreadable ({exc.strerror}); check its permissions") from None
        if b"\x00" in raw[:8192]:
            raise DocumentError(f"{path}: looks binary, not text; convert it to .md or .txt")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise DocumentError(f"{path}: not UTF-8 text; re-save it as UTF-8") from None
    if not text.strip():
        raise DocumentError(f"{path}: empty (no text to index)")
    title = path.stem.replace("_", " ").replace("-", " ")
    for line in text.splitlines():
        if line.startswith("# "):
            title = line[2:].strip()
            break
    return Document(id=_doc_id(path), title=title, source="user", body=text.strip(), path=str(path))


def files_under(paths: Iterable[Path]) -> Iterator[Path]:
    """The given files, and the supported files inside the given folders (recursively, sorted)."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES)
        else:
            yield path
