"""Access to the package's vocabulary files (kg/resources/*.txt), read once and cached."""
from __future__ import annotations

from functools import cache
from importlib import resources

__all__ = ["read_lines", "read_table"]


@cache
def read_lines(name: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of a resource file, stripped."""
    text = resources.files("kg").joinpath("resources", name).read_text(encoding="utf-8")
    return tuple(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


@cache
def read_table(name: str) -> tuple[tuple[str, ...], ...]:
    """Tab-separated rows of a resource file (comments and blank lines skipped)."""
    return tuple(tuple(cell.strip() for cell in line.split("\t")) for line in read_lines(name))
