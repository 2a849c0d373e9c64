"""Administrative divisions of China (resources/divisions.tsv, a generic national gazetteer): the place
names a report may use bare, without their 省/市/区/县 suffix.

A province report names its cities and counties bare (某名 for 某名市), a city report its districts. The
dictionary tags many of these as person names or adjectives, so the report's own part of the gazetteer
is what tells them apart. Bare names that are also common words (和平, 东方, 新兴) are left out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .resources import read_table
from .segment import tokenizer, word_tags

__all__ = ["Division", "divisions", "home_scope", "above", "provinces", "bare_names", "names_pattern"]

# A bare name more frequent than this in jieba's dictionary is a common word first, by its tag there:
# never for a place name (ns), above 1000 for a place word (s: 海口 yes, 东方 no), else above 500.
_COMMON_FREQ = {"ns": float("inf"), "s": 1000}
_OTHER_FREQ = 500


@dataclass(frozen=True)
class Division:
    """One division: 6-digit code (2 digits province, 4 prefecture, 6 county), full and short name."""
    code: str
    name: str
    short: str

    @property
    def scope(self) -> str:
        """Code prefix of the divisions it governs (a county governs none of the gazetteer's)."""
        if self.code.endswith("0000"):
            return self.code[:2]
        return self.code[:4] if self.code.endswith("00") else self.code


@cache
def divisions() -> tuple[Division, ...]:
    """Every division of the gazetteer, in code order."""
    return tuple(Division(code, name, short) for code, name, *rest in read_table("divisions.tsv")
                 for short in (rest[0] if rest else "",))


@cache
def _by_code() -> dict[str, Division]:
    return {d.code: d for d in divisions()}


def _ancestors(d: Division) -> list[Division]:
    by_code = _by_code()
    codes = [d.code[:2] + "0000", d.code[:4] + "00"]
    return [by_code[c] for c in codes if c in by_code and c != d.code]


def home_scope(place: str, text: str = "") -> tuple[Division, ...]:
    """The divisions a report of ``place`` speaks of as its own: a province's or city's, or the divisions
    of the city a district or county belongs to; with their ancestors. Where two divisions share the name
    (several 朝阳区), the one whose ancestors the text names wins; none if ``place`` is not a division."""
    home = _own(place, text)
    if home is None:
        return ()
    prefix = home.scope if home.scope != home.code else home.code[:4]
    return tuple(_ancestors(home)) + tuple(d for d in divisions() if d.code.startswith(prefix))


def _own(place: str, text: str) -> Division | None:
    """The report's own division: by its name (some 某某区), or its name after its city's (某市某某区)."""
    matches = [d for d in divisions() if place and place in (d.name, d.short)]
    if not matches:
        matches = [d for d in divisions() if len(d.name) >= 3 and place.endswith(d.name) and len(place) > len(d.name)
                   and any(place.startswith(a.name) for a in _ancestors(d))]
    if not matches:
        return None
    return max(matches, key=lambda d: (sum(text.count(a.name) + (text.count(a.short) if a.short else 0)
                                           for a in _ancestors(d)), -int(d.code)))


def above(place: str, text: str = "") -> frozenset[str]:
    """The names (full and short) of the divisions above the report's own: for a district, its city and
    province. A district names its hotels and banks after them (某市大饭店): brands, not sites there."""
    own = _own(place, text)
    if own is None:
        return frozenset()
    return frozenset(n for d in _ancestors(own) for n in (d.name, d.short) if n)


def provinces() -> tuple[Division, ...]:
    """The provincial-level divisions, which any report may name (by full name)."""
    return tuple(d for d in divisions() if d.code.endswith("0000"))


def _common_word(word: str) -> bool:
    tag = word_tags().get(word, "")
    return tokenizer().FREQ.get(word, 0) > _COMMON_FREQ.get(tag, _OTHER_FREQ)


def bare_names(scope: tuple[Division, ...]) -> dict[str, str]:
    """Surface form → full name of every division in ``scope`` (full names, and short names that are not
    common words)."""
    out: dict[str, str] = {}
    for d in scope:
        out[d.name] = d.name
        if d.short and len(d.short) >= 2 and not _common_word(d.short):
            out.setdefault(d.short, d.name)
    return out


def names_pattern(names: dict[str, str]) -> re.Pattern | None:
    """One alternation of the names, longest first (so 某某市 wins over 某某)."""
    if not names:
        return None
    return re.compile("|".join(re.escape(n) for n in sorted(names, key=lambda n: (-len(n), n))))
