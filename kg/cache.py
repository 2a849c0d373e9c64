"""The extraction cache: one pickle per report, keyed by content hash and tool version.

A key covers everything a report's graph depends on: the file's bytes and name (the report id comes
from the name), the tool (the package version and a hash of its code and vocabulary files, so any
change to the extractor invalidates the cache) and the options that change the graph (base IRI,
minimum confidence). Adding one report to a corpus therefore re-extracts that report only.

Entries live in ``DIR/ab/abcdef….pkl`` (default ``DIR`` = ``BUILD/.cache``), written atomically; an
unreadable entry is a miss. Entries are trusted pickles: point ``--cache`` only at your own folders.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

__all__ = ["tool_version", "cache_key", "ReportCache", "DEFAULT_CACHE_NAME"]

DEFAULT_CACHE_NAME = ".cache"
_PACKAGE = Path(__file__).resolve().parent
_FORMAT = 4          # bump when the layout of the cached objects changes


@cache
def tool_version() -> str:
    """The package version plus a hash of every module and vocabulary file of the package."""
    try:
        version = metadata.version("kg")
    except metadata.PackageNotFoundError:  # pragma: no cover - running from a source tree
        version = "0"
    digest = hashlib.sha256(f"{version}|{_FORMAT}".encode())
    for path in sorted([*_PACKAGE.glob("*.py"), *_PACKAGE.glob("resources/*")]):
        if path.is_file():
            digest.update(path.relative_to(_PACKAGE).as_posix().encode())
            digest.update(path.read_bytes())
    return f"{version}+{digest.hexdigest()[:16]}"


def cache_key(data: bytes, file_name: str, *options: object) -> str:
    """The key of one report: its bytes, its file name, the tool version and graph-shaping options."""
    digest = hashlib.sha256()
    for part in (tool_version(), file_name, *map(repr, options)):
        digest.update(part.encode("utf-8"))
        digest.update(b"\x1f")
    digest.update(data)
    return digest.hexdigest()


class ReportCache:
    """A folder of pickled per-report results; the folder is created on the first write only."""

    def __init__(self, folder: Path | str):
        self.folder = Path(folder)

    def path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pkl"

    def get(self, key: str) -> Any | None:
        try:
            with open(self.path(key), "rb") as handle:
                return pickle.load(handle)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, ValueError):
            return None

    def put(self, key: str, value: Any) -> Path:
        """Write atomically (a temporary file renamed over the entry), so readers never see half an entry."""
        path = self.path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        from .export import remove_stale_temporaries, temp_prefix

        remove_stale_temporaries(path.parent)      # what a killed build left half-written here
        fd, tmp = tempfile.mkstemp(prefix=temp_prefix(key[:8]), suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return path

    def __repr__(self) -> str:
        return f"ReportCache({str(self.folder)!r})"
