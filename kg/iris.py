"""Stable IRIs: derived only from type, canonical name and document id, never from run state."""
from __future__ import annotations

import hashlib
import re

__all__ = ["iri_segment", "entity_iri", "report_iri", "sentence_iri", "doc_id_for", "digest"]

_SAFE_PUNCT = set("-_.~")


def iri_segment(name: str) -> str:
    """A path segment keeping letters and digits (CJK included) and percent-encoding the rest.

    >>> iri_segment("“8+3”错时工作制")
    '%E2%80%9C8%2B3%E2%80%9D错时工作制'
    >>> iri_segment("乐·同行")
    '乐%C2%B7同行'
    """
    out = []
    for ch in name:
        if (ch.isalnum() and ch.isprintable() and ord(ch) < 0xE000) or ch in _SAFE_PUNCT:
            out.append(ch)
        else:
            out.append("".join(f"%{b:02X}" for b in ch.encode("utf-8")))
    return "".join(out) or "_"


def entity_iri(base: str, entity_type: str, name: str, scope: str = "") -> str:
    """``{base}{Type}/{name}``, or ``{base}{Type}/{scope}/{name}`` for a name local to a place.

    >>> entity_iri("https://x.org/", "Facility", "社区卫生服务中心", "海拉尔区")
    'https://x.org/Facility/海拉尔区/社区卫生服务中心'
    """
    if scope:
        return f"{base}{entity_type}/{iri_segment(scope)}/{iri_segment(name)}"
    return f"{base}{entity_type}/{iri_segment(name)}"


def report_iri(base: str, doc_id: str) -> str:
    return f"{base}report/{iri_segment(doc_id)}"


def sentence_iri(report: str, index: int) -> str:
    """The IRI of a report's sentence (``report`` is the report's IRI)."""
    return f"{report}/sentence/{index}"


def digest(*parts: object) -> str:
    """Short content hash for IRIs of facts and metrics: same content, same IRI."""
    return hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:16]


def doc_id_for(file_name: str) -> str:
    """Document id from a file name: the stem before the first dot, with unsafe characters replaced.

    >>> doc_id_for("2014_neimenggu-hulunbeier-hailaer_district.gbk.txt")
    '2014_neimenggu-hulunbeier-hailaer_district'
    """
    stem = file_name.split("/")[-1].split(".")[0] or file_name
    return re.sub(r"[^\w\-]+", "_", stem).strip("_") or digest(file_name)
