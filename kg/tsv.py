"""The evaluation contract: write an ``Extraction`` as TSV files and read TSV files (predicted or gold).

Files of one document directory:

- ``entities.tsv``  ``name  type  aliases  confidence  status  years  evidence``
- ``relations.tsv`` ``subject  predicate  object  confidence  status  year  evidence``
- ``metrics.tsv``   ``subject  value  unit  year  qualifier  confidence  status  evidence``
- ``glossary.tsv``  ``term  definition  type``

Gold files use the same leading columns and may add ``part``, ``evidence`` and ``doubt``;
readers go by the header, so missing optional columns and extra columns are both fine.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from kg.export import atomic_write_text
from kg.models import Document, Entity, Extraction, Sentence

__all__ = [
    "ENTITY_HEADER", "RELATION_HEADER", "METRIC_HEADER", "GLOSSARY_HEADER",
    "ENTITIES_FILE", "RELATIONS_FILE", "METRICS_FILE", "GLOSSARY_FILE",
    "EntityRow", "RelationRow", "MetricRow", "GlossaryRow", "TsvSet",
    "clean_cell", "write_tsv_atomic", "write_extraction",
    "entity_rows", "relation_rows", "metric_rows", "glossary_rows",
    "read_table", "read_entities", "read_relations", "read_metrics", "read_glossary", "read_dir",
]

ENTITY_HEADER = ("name", "type", "aliases", "confidence", "status", "years", "evidence")
RELATION_HEADER = ("subject", "predicate", "object", "confidence", "status", "year", "evidence")
METRIC_HEADER = ("subject", "value", "unit", "year", "qualifier", "confidence", "status", "evidence")
GLOSSARY_HEADER = ("term", "definition", "type")

ENTITIES_FILE = "entities.tsv"
RELATIONS_FILE = "relations.tsv"
METRICS_FILE = "metrics.tsv"
GLOSSARY_FILE = "glossary.tsv"

LIST_SEP = "|"
_WS_IN_CELL = re.compile(r"[\t\r\n\v\f\u2028\u2029]+")
_DOUBT_YES = frozenset({"yes", "y", "true", "1", "?", "doubt", "optional"})


# --------------------------------------------------------------------------- records


@dataclass(frozen=True)
class EntityRow:
    """One line of ``entities.tsv``; ``doubt`` is the gold's optional-row marker (blank in predictions)."""
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    confidence: float | None = None
    status: tuple[str, ...] = ()
    years: tuple[int, ...] = ()
    evidence: str = ""
    part: str = ""
    doubt: str = ""

    @property
    def optional(self) -> bool:
        """Gold rows marked doubtful need not be found and are not wrong when found."""
        return _is_doubt(self.doubt)


@dataclass(frozen=True)
class RelationRow:
    """One line of ``relations.tsv``."""
    subject: str
    predicate: str
    object: str
    confidence: float | None = None
    status: str = ""
    year: int | None = None
    evidence: str = ""
    part: str = ""
    doubt: str = ""

    @property
    def optional(self) -> bool:
        """Gold rows marked doubtful need not be found and are not wrong when found."""
        return _is_doubt(self.doubt)


@dataclass(frozen=True)
class MetricRow:
    """One line of ``metrics.tsv``; ``value`` stays text (compared as Decimal by the evaluator)."""
    subject: str
    value: str
    unit: str = ""
    year: int | None = None
    qualifier: str = ""
    confidence: float | None = None
    status: str = ""
    evidence: str = ""
    part: str = ""
    doubt: str = ""
    year_end: int | None = None     # a span of years (2021-2025): the metric is about any year in it

    @property
    def optional(self) -> bool:
        """Gold rows marked doubtful need not be found and are not wrong when found."""
        return _is_doubt(self.doubt)


@dataclass(frozen=True)
class GlossaryRow:
    """One line of ``glossary.tsv``."""
    term: str
    definition: str = ""
    type: str = ""
    doubt: str = ""

    @property
    def optional(self) -> bool:
        """Gold rows marked doubtful need not be found and are not wrong when found."""
        return _is_doubt(self.doubt)


@dataclass(frozen=True)
class TsvSet:
    """All four tables of one document directory, as read back."""
    entities: tuple[EntityRow, ...] = ()
    relations: tuple[RelationRow, ...] = ()
    metrics: tuple[MetricRow, ...] = ()
    glossary: tuple[GlossaryRow, ...] = field(default=())


def _is_doubt(value: str) -> bool:
    """Accept the usual spellings of 'yes' so hand-edited gold files need no exact keyword."""
    return value.strip().lower() in _DOUBT_YES


# --------------------------------------------------------------------------- writing


def clean_cell(value: object) -> str:
    """Keep a cell on one line and in one column: tabs and line breaks become a space."""
    if value is None:
        return ""
    return _WS_IN_CELL.sub(" ", str(value)).strip()


def _join(items: Iterable[object]) -> str:
    """Join list cells with ``|``; a ``|`` inside an item would split it, so it becomes a space."""
    return LIST_SEP.join(clean_cell(i).replace(LIST_SEP, " ") for i in items)


def _confidence(value: float | None) -> str:
    """Three decimals are enough and keep output stable across float noise."""
    return "" if value is None else f"{float(value):.3f}"


def _year(value: int | None) -> str:
    """Unknown years are written blank, never 'None'."""
    return "" if value is None else str(value)


def write_tsv_atomic(path: Path | str, header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    """Write a TSV atomically, so readers never see half a file."""
    lines = ["\t".join(clean_cell(h) for h in header)] + ["\t".join(clean_cell(c) for c in row) for row in rows]
    atomic_write_text(Path(path), "\n".join(lines) + "\n")


def _sentence(doc: Document, index: int | None) -> Sentence | None:
    """Look a sentence up defensively: a bad index must not abort the whole export."""
    if index is None or not 0 <= index < len(doc.sentences):
        return None
    return doc.sentences[index]


def _entity_row(entity: Entity, doc: Document) -> tuple[str, ...]:
    """Flatten one entity: statuses/years over all its mentions, evidence from the first one."""
    sentences = [s for i in entity.sentences() if (s := _sentence(doc, i)) is not None]
    statuses = sorted({s.status for s in sentences if s.status})
    years = sorted({s.year for s in sentences if s.year is not None})
    first = sentences[0] if sentences else None
    aliases = sorted({clean_cell(a) for a in entity.aliases} - {"", clean_cell(entity.name)})
    return (clean_cell(entity.name), clean_cell(entity.type), _join(aliases),
            _confidence(entity.confidence), _join(statuses), _join(years),
            clean_cell(first.text) if first else "")


def entity_rows(extraction: Extraction) -> list[tuple[str, ...]]:
    """Rows of ``entities.tsv``, sorted so that reruns give byte-identical files."""
    return sorted(_entity_row(e, extraction.document) for e in extraction.entities)


def _dedupe(items: Iterable[tuple[tuple[str, ...], int, float, tuple[str, ...]]]) -> list[tuple]:
    """One row per fact key (a fact counts once per document): earliest sentence, best confidence."""
    best: dict[tuple[str, ...], tuple[int, float, tuple[str, ...]]] = {}
    for key, order, conf, tail in items:
        if key in best:
            order0, conf0, tail0 = best[key]
            best[key] = (min(order, order0), max(conf, conf0), tail if order < order0 else tail0)
        else:
            best[key] = (order, conf, tail)
    return sorted((*key, _confidence(conf), *tail) for key, (_, conf, tail) in best.items())


def _provenance(doc: Document, index: int | None) -> tuple[int, Sentence | None]:
    """Sort order and sentence of a fact; facts without a sentence sort last."""
    s = _sentence(doc, index)
    return (index if s is not None else 1 << 62), s


def relation_rows(extraction: Extraction) -> list[tuple[str, ...]]:
    """Rows of ``relations.tsv``: one per triple, status/year/evidence from its earliest sentence."""
    items = []
    for r in extraction.relations:
        order, s = _provenance(extraction.document, r.sentence)
        key = (clean_cell(r.subject), clean_cell(r.predicate), clean_cell(r.object))
        tail = (s.status, _year(s.year), clean_cell(s.text)) if s else ("", "", "")
        items.append((key, order, float(r.confidence), tail))
    return _dedupe(items)


def metric_rows(extraction: Extraction) -> list[tuple[str, ...]]:
    """Rows of ``metrics.tsv``: one per (subject, value, unit, year, qualifier), sorted."""
    items = []
    for m in extraction.metrics:
        order, s = _provenance(extraction.document, m.sentence)
        key = (clean_cell(m.subject), clean_cell(m.value), clean_cell(m.unit), _year(m.year),
               clean_cell(m.qualifier))
        tail = (s.status, clean_cell(s.text)) if s else ("", "")
        items.append((key, order, float(m.confidence), tail))
    return _dedupe(items)


def glossary_rows(extraction: Extraction) -> list[tuple[str, ...]]:
    """Rows of ``glossary.tsv``; the type is looked up so the glossary can be read on its own."""
    types = {}
    for e in extraction.entities:
        types.setdefault(e.name, e.type)
    rows = {(clean_cell(d.term), clean_cell(d.definition), clean_cell(types.get(d.term, "")))
            for d in extraction.definitions}
    return sorted(rows)


def write_extraction(extraction: Extraction, out_dir: Path | str) -> None:
    """Write the four evaluation TSVs of one document into ``out_dir`` (each file atomically)."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    write_tsv_atomic(out / ENTITIES_FILE, ENTITY_HEADER, entity_rows(extraction))
    write_tsv_atomic(out / RELATIONS_FILE, RELATION_HEADER, relation_rows(extraction))
    write_tsv_atomic(out / METRICS_FILE, METRIC_HEADER, metric_rows(extraction))
    write_tsv_atomic(out / GLOSSARY_FILE, GLOSSARY_HEADER, glossary_rows(extraction))


# --------------------------------------------------------------------------- reading


def read_table(path: Path | str, default_header: Sequence[str]) -> list[dict[str, str]]:
    """Read a TSV into dicts by header; headerless files are read positionally with ``default_header``."""
    text = Path(path).read_text(encoding="utf-8-sig")
    lines = [line.rstrip("\r") for line in text.split("\n")]
    lines = [line for line in lines if line.strip()]
    if not lines:
        return []
    first = [c.strip().lower() for c in lines[0].split("\t")]
    if first and first[0] == default_header[0]:
        header, body = first, lines[1:]
    else:
        header, body = [h.lower() for h in default_header], lines
    rows = []
    for line in body:
        cells = [c.strip() for c in line.split("\t")]
        rows.append({h: (cells[i] if i < len(cells) else "") for i, h in enumerate(header)})
    return rows


def _split(cell: str) -> tuple[str, ...]:
    """Split a ``|`` list cell, dropping blanks."""
    return tuple(x.strip() for x in cell.split(LIST_SEP) if x.strip())


def _float(cell: str) -> float | None:
    """Blank or malformed confidence means 'not given'."""
    try:
        return float(cell) if cell.strip() else None
    except ValueError:
        return None


def _int(cell: str) -> int | None:
    """Years may be written '2023' or '2023年'; anything without a 4-digit run is 'not given'."""
    match = re.search(r"\d{4}", cell or "")
    return int(match.group()) if match else None


def read_entities(path: Path | str) -> list[EntityRow]:
    """Read ``entities.tsv`` (predicted or gold)."""
    out = []
    for r in read_table(path, ENTITY_HEADER):
        if not r.get("name"):
            continue
        years = tuple(y for c in _split(r.get("years", "")) if (y := _int(c)) is not None)
        out.append(EntityRow(
            name=r["name"], type=r.get("type", ""), aliases=_split(r.get("aliases", "")),
            confidence=_float(r.get("confidence", "")), status=_split(r.get("status", "")),
            years=years, evidence=r.get("evidence", ""), part=r.get("part", ""),
            doubt=r.get("doubt", "")))
    return out


def read_relations(path: Path | str) -> list[RelationRow]:
    """Read ``relations.tsv`` (predicted or gold)."""
    out = []
    for r in read_table(path, RELATION_HEADER):
        if not (r.get("subject") and r.get("predicate") and r.get("object")):
            continue
        out.append(RelationRow(
            subject=r["subject"], predicate=r["predicate"], object=r["object"],
            confidence=_float(r.get("confidence", "")), status=r.get("status", ""),
            year=_int(r.get("year", "")), evidence=r.get("evidence", ""), part=r.get("part", ""),
            doubt=r.get("doubt", "")))
    return out


def read_metrics(path: Path | str) -> list[MetricRow]:
    """Read ``metrics.tsv`` (predicted or gold)."""
    out = []
    for r in read_table(path, METRIC_HEADER):
        if not r.get("subject") and not r.get("value"):
            continue
        out.append(MetricRow(
            subject=r.get("subject", ""), value=r.get("value", ""), unit=r.get("unit", ""),
            year=_int(r.get("year", "")), qualifier=r.get("qualifier", ""),
            confidence=_float(r.get("confidence", "")), status=r.get("status", ""),
            evidence=r.get("evidence", ""), part=r.get("part", ""), doubt=r.get("doubt", ""),
            year_end=_last_year(r.get("year", ""))))
    return out


def _last_year(cell: str) -> int | None:
    """The end of a span of years ('2021-2025', '2021—2025年'), or None for a single year."""
    years = re.findall(r"\d{4}", cell or "")
    return int(years[-1]) if len(years) == 2 and years[1] > years[0] else None


def read_glossary(path: Path | str) -> list[GlossaryRow]:
    """Read ``glossary.tsv`` (predicted or gold)."""
    return [GlossaryRow(term=r["term"], definition=r.get("definition", ""), type=r.get("type", ""),
                        doubt=r.get("doubt", ""))
            for r in read_table(path, GLOSSARY_HEADER) if r.get("term")]


def read_dir(directory: Path | str) -> TsvSet:
    """Read all four tables of a directory; a missing file reads as an empty table."""
    d = Path(directory)
    if not d.is_dir():
        raise NotADirectoryError(f"not a directory: {d}")

    def load(name, reader):
        p = d / name
        return tuple(reader(p)) if p.is_file() else ()

    return TsvSet(entities=load(ENTITIES_FILE, read_entities),
                  relations=load(RELATIONS_FILE, read_relations),
                  metrics=load(METRICS_FILE, read_metrics),
                  glossary=load(GLOSSARY_FILE, read_glossary))
