"""Stage 1: read a report file into text (encoding detection, HTML and PDF to text)."""
from __future__ import annotations

import codecs
import html.parser
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

__all__ = ["ReportError", "LoadedText", "read_report", "read_report_bytes", "decode_bytes", "html_to_text",
           "report_files", "SUPPORTED_SUFFIXES", "MAX_REPORT_BYTES", "MAX_REPORT_CHARS"]

SUPPORTED_SUFFIXES = (".txt", ".text", ".md", ".html", ".htm", ".xhtml", ".pdf")
# a corpus folder's own notes (README.md, SOURCES.md) are not reports; named on the command line they are read
_FOLDER_NOTES = ("README", "SOURCES", "LICENSE", "LICENCE", "CHANGELOG")
# One report is at most ~100,000 characters (a provincial report with its glossary); a file far larger
# is several reports or a dump, and one graph of it would need minutes and gigabytes: refused, clearly.
MAX_REPORT_CHARS = 1_000_000
MAX_REPORT_BYTES = 64 * 1024 * 1024  # not even read above this (HTML and PDF carry markup besides text)


class ReportError(Exception):
    """An input that cannot be read as a report; str() is the one-line message for the user."""

    def __init__(self, path: Path | str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason

    def __reduce__(self):  # picklable, so worker processes can hand errors back
        return (ReportError, (self.path, self.reason))


@dataclass(frozen=True)
class LoadedText:
    text: str
    encoding: str
    format: str  # "text" | "html" | "pdf"


_PRIVATE_USE = re.compile(r"[\ue000-\uf8ff]")


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode report bytes as UTF-8 (with or without BOM), GB18030 or Big5 (a Traditional copy); raise
    ValueError otherwise.

    >>> decode_bytes("工作报告".encode("gb18030"))
    ('工作报告', 'gb18030')
    """
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return _decode_truncated(data, "utf-16"), "utf-16"
        except UnicodeDecodeError as error:
            raise ValueError(f"not UTF-16 text (invalid bytes at offset {error.start})") from None
    try:
        return _decode_truncated(data, "utf-8"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        try:
            text = _decode_truncated(data, "gb18030")
            if len(_PRIVATE_USE.findall(text)) > 0.01 * len(text):  # Big5 bytes read as GB18030: private-use
                try:                                                 # characters where Chinese should be
                    return _decode_truncated(data, "cp950"), "big5"
                except UnicodeDecodeError:
                    pass
            return text, "gb18030"
        except UnicodeDecodeError as gb_error:
            # where the likelier encoding breaks down: the later of the two failures
            raise ValueError(f"not UTF-8 or GB18030 text (mixed or unknown encoding; invalid byte at offset "
                             f"{max(utf8_error.start, gb_error.start)})") from None


def _decode_truncated(data: bytes, encoding: str) -> str:
    """Decode strictly, except that a file cut inside its last multi-byte character (an interrupted
    download) loses only that character.

    >>> _decode_truncated("报告".encode("gb18030")[:-1], "gb18030")
    '报'
    """
    # not final: raises on any invalid byte, but holds back (drops) an incomplete last character
    return codecs.getincrementaldecoder(encoding)("strict").decode(data, final=False)


def _looks_binary(text: str) -> bool:
    """Many control characters mean the bytes decoded by accident: an image, an archive."""
    sample = text[:20000]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    return "\x00" in sample or controls > max(3, len(sample) // 100)


class _TextExtractor(html.parser.HTMLParser):
    """Collect visible text; scripts, styles and other non-content elements are dropped, never run."""

    SKIP = {"script", "style", "noscript", "head", "template", "svg", "iframe", "object", "canvas"}
    BLOCK = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
             "table", "ul", "ol", "dd", "dt", "blockquote", "pre", "hr", "title"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self._skip += 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self._skip = max(0, self._skip - 1)
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    """Visible text of an HTML page, one block element per line."""
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    return "".join(parser.parts)


def _pdf_to_text(path: Path) -> str:
    from pdfminer.high_level import extract_text  # imported lazily: only PDFs pay for it

    try:
        return extract_text(str(path))
    except Exception as error:  # pdfminer raises many unrelated types for damaged files
        raise ReportError(path, f"unreadable PDF ({type(error).__name__})") from None


# a copy saved as text that is a page's markup all the same (<h3>某某</h3><p>…): it opens with a block element, or
# block elements mark its lines
_BLOCK_TAG = re.compile(r"<(?:p|div|br|h[1-6]|section|article|table|body|span)\b[^<>]{0,200}>", re.IGNORECASE)


def _is_html(path: Path, head: str) -> bool:
    opening = head.lstrip().lower()
    return path.suffix.lower() in {".html", ".htm", ".xhtml"} or opening.startswith(("<!doctype html", "<html")) \
        or bool(_BLOCK_TAG.match(opening)) or len(_BLOCK_TAG.findall(head)) >= 3


_KINDS = ((stat.S_ISDIR, "is a directory"), (stat.S_ISFIFO, "is a named pipe, not a file"),
          (stat.S_ISSOCK, "is a socket, not a file"), (stat.S_ISCHR, "is a device, not a file"),
          (stat.S_ISBLK, "is a device, not a file"))


def read_report_bytes(path: Path | str) -> bytes:
    """The bytes of a report file; ReportError for what is not a readable regular file of sane size.
    Never opens a pipe or a device (reading one could block for ever)."""
    path = Path(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        reason = "broken symbolic link" if path.is_symlink() else "no such file"
        raise ReportError(path, f"cannot read ({reason})") from None
    except OSError as error:
        raise ReportError(path, f"cannot read ({error.strerror or error})") from None
    for test, reason in _KINDS:
        if test(info.st_mode):
            raise ReportError(path, reason)
    if info.st_size > MAX_REPORT_BYTES:
        raise ReportError(path, f"too large for one report ({info.st_size / 2**20:.1f} MB; the limit is "
                                f"{MAX_REPORT_BYTES // 2**20} MB): split it into one file per report")
    try:
        return path.read_bytes()
    except OSError as error:
        raise ReportError(path, f"cannot read ({error.strerror or error})") from None


def read_report(path: Path | str, data: bytes | None = None) -> LoadedText:
    """Read one report file (or its bytes, already read); raise ReportError with a one-line reason when
    it is not a readable report."""
    path = Path(path)
    if data is None:
        data = read_report_bytes(path)
    if not data.strip():
        raise ReportError(path, "empty file")
    if data.startswith(b"%PDF") or path.suffix.lower() == ".pdf":
        text, encoding, fmt = _pdf_to_text(path), "pdf", "pdf"
    else:
        if b"\x00" in data[:4096] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            raise ReportError(path, "binary file, not a text report")
        try:
            text, encoding = decode_bytes(data)
        except ValueError as error:
            raise ReportError(path, str(error)) from None
        fmt = "text"
        if _is_html(path, text[:512]):
            text, fmt = html_to_text(text), "html"
    if _looks_binary(text):
        raise ReportError(path, "binary content, not a text report")
    if not text.strip():
        raise ReportError(path, "no text in file")
    if len(text) > MAX_REPORT_CHARS:
        raise ReportError(path, f"too long for one report ({len(text):,} characters; the limit is "
                                f"{MAX_REPORT_CHARS:,}): split it into one file per report")
    return LoadedText(text=text, encoding=encoding, format=fmt)


def report_files(paths) -> list[Path]:
    """Expand files and folders into a sorted list of report files (folders: supported suffixes only)."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            # not only regular files: a broken link or a pipe named like a report gets its error line
            found.extend(p for p in sorted(path.rglob("*"))
                         if not p.is_dir() and p.suffix.lower() in SUPPORTED_SUFFIXES and not p.name.startswith(".")
                         and not p.stem.upper().startswith(_FOLDER_NOTES))
        else:
            found.append(path)
    unique = dict.fromkeys(found)
    return sorted(unique, key=lambda p: str(p))
