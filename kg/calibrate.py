"""Confidence that reads as a probability: the precision a rule had on the gold annotations.

Each extraction rule first gives a fixed guess (0.6 for a name found by its head word, 0.95 for a
glossary term). A researcher who filters with ``--min-confidence 0.8`` wants "about four in five of
these are right", and the guesses do not say that: on the gold sets, names found by the head 政策
were right one time in seven, names found by the head 行动 every time, both guessed at 0.6. So the
confidence of an entity is the share of the entities its rule named *with the same type* that the
gold annotations confirm:

- counts come from ``kg calibrate`` (gold directories and their reports) and are kept, readable, in
  ``kg/resources/confidence.tsv``: rule, type, mentions, right, total;
- a rule seen a few times borrows from its family (``head:政策`` → ``head``) and type, and those
  from the type and from all entities (a beta prior of weight ``PRIOR``), so rare rules get a
  cautious figure instead of 0 or 1;
- an entity the report names in several sentences is more often right, one it never names as such
  (a name built from a list, 孝、爱行动) less often: a shift on the log-odds scale per number of
  sentences, fitted on the same counts.

Without a table (or for a rule no gold set ever saw) the rule's own guess stands. Relations keep
their rule's guess: fitted per predicate and cue, left-one-gold-out, they came out worse calibrated
than the guesses (Brier 0.217 against 0.204; ``benchmarks/calibration.py``), since whether a relation
is right depends more on its report than on its cue.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Callable, Iterable, Sequence

from .models import Entity
from .resources import read_table

__all__ = ["PRIOR", "TABLE", "COLUMNS", "Calibration", "calibration", "mention_bucket", "rule_family",
           "calibrate_entities", "report_for", "count_outcomes", "add_counts", "table_rows", "write_table"]

PRIOR = 8.0                 # weight, in entities, of the broader estimate a narrow one is shrunk toward
TABLE = "confidence.tsv"
COLUMNS = ("kind", "rule", "type", "mentions", "right", "total")
_FLOOR, _CEILING = 0.02, 0.99


def rule_family(rule: str) -> str:
    """head:政策 → head, quote+品牌 → quote, award:rating → award: rules that share their reasoning."""
    for mark in (":", "+"):
        rule = rule.split(mark, 1)[0]
    return rule


def mention_bucket(entity: Entity) -> str:
    """How many sentences name the entity: '0' (never as such), '1', '2', '3+'."""
    n = len({m.sentence for m in entity.mentions})
    return "3+" if n >= 3 else str(n)


def _logit(p: float) -> float:
    p = min(max(p, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))


def _shrunk(right: int, total: int, prior: float) -> float:
    """right/total pulled toward ``prior`` as if PRIOR more entities had been seen at that rate."""
    return (right + PRIOR * prior) / (total + PRIOR)


def _share(right: int, total: int) -> float:
    return right / total if total else 0.5


def _estimates(counts: Iterable[tuple[tuple[str, ...], int, int]],
               prior_of: Callable[[tuple[str, ...]], float]) -> dict[tuple[str, ...], float]:
    """The counts summed per key, each shrunk toward the broader estimate ``prior_of(key)``."""
    summed: dict[tuple[str, ...], list[int]] = {}
    for key, right, total in counts:
        cell = summed.setdefault(key, [0, 0])
        cell[0] += right
        cell[1] += total
    return {key: _shrunk(r, t, prior_of(key)) for key, (r, t) in summed.items()}


@dataclass(frozen=True)
class Calibration:
    """Estimated precision per (rule, type) and per (rule family, type); the shift per number of
    sentences naming the entity."""
    entity: dict[tuple[str, ...], float]
    entity_family: dict[tuple[str, ...], float]
    shift: dict[str, float]

    @classmethod
    def of(cls, rows: Iterable[Sequence[str]]) -> "Calibration":
        """Estimates from count rows (``COLUMNS``), each narrow one shrunk toward the broader one."""
        ent = [(rule, typ, bucket, int(right), int(total))
               for kind, rule, typ, bucket, right, total in rows if kind == "entity"]
        p_all = _share(sum(r for *_, r, _t in ent), sum(t for *_, t in ent))
        by_type = _estimates((((typ,), r, t) for _rule, typ, _b, r, t in ent), lambda key: p_all)
        by_family = _estimates((((rule_family(rule), typ), r, t) for rule, typ, _b, r, t in ent),
                               lambda key: by_type[(key[1],)])
        by_rule = _estimates((((rule, typ), r, t) for rule, typ, _b, r, t in ent),
                             lambda key: by_family[(rule_family(key[0]), key[1])])
        shift = {}
        for bucket in sorted({b for _r, _t, b, *_ in ent}):
            rows_b = [(by_rule[(rule, typ)], r, t) for rule, typ, b, r, t in ent if b == bucket]
            total = sum(t for *_, t in rows_b)
            expected = sum(p * t for p, _r, t in rows_b) / total
            seen = _shrunk(sum(r for _p, r, _t in rows_b), total, expected)
            shift[bucket] = _logit(seen) - _logit(expected)
        return cls(by_rule, by_family, shift)

    def entity_confidence(self, entity: Entity) -> float:
        """The estimated precision of this entity's rule and type, moved by how often the text names it."""
        typ = entity.type
        p = self.entity.get((entity.rule, typ)) or self.entity_family.get((rule_family(entity.rule), typ))
        if p is None:
            return entity.confidence          # a rule no gold set has seen: its own guess stands
        p = 1 / (1 + math.exp(-(_logit(p) + self.shift.get(mention_bucket(entity), 0.0))))
        return round(min(max(p, _FLOOR), _CEILING), 2)


@cache
def calibration() -> Calibration | None:
    """The committed table's estimates (None when the package carries no table)."""
    try:
        rows = read_table(TABLE)
    except FileNotFoundError:
        return None
    return Calibration.of(r for r in rows if r[0] != COLUMNS[0]) if rows else None


def calibrate_entities(entities: list[Entity], table: Calibration | None = None) -> list[Entity]:
    table = table or calibration()
    if table is None:
        return entities
    return [replace(e, confidence=table.entity_confidence(e)) for e in entities]


# --- fitting (kg calibrate) ---------------------------------------------------------------------

Counts = dict[tuple[str, str, str, str], list[int]]


def report_for(gold_dir: Path, folders: Iterable[Path]) -> Path | None:
    """The report a gold directory annotates: the file named like it (NAME.txt, NAME.gbk.txt, NAME.pdf…)."""
    return next((p for folder in folders for p in sorted(folder.iterdir())
                 if p.is_file() and p.name.split(".")[0] == gold_dir.name), None)


def add_counts(into: Counts, counts: Counts) -> Counts:
    """``counts`` added into ``into`` (right and total per key); returns ``into``."""
    for key, (right, total) in counts.items():
        cell = into.setdefault(key, [0, 0])
        cell[0] += right
        cell[1] += total
    return into


def count_outcomes(pairs: Iterable[tuple[Path, Path]]) -> Counts:
    """("entity", rule, type, mentions) → [right, total] over (report, gold directory) pairs, the
    extraction scored as ``kg eval`` scores it (typed, Brand ≈ Program; optional gold rows ignored)."""
    from .evaluate import entity_flags
    from .extract import extract
    from .pipeline import load_document
    from .tsv import EntityRow, read_dir

    counts: Counts = {}
    for report, gold_dir in pairs:
        extraction = extract(load_document(report), calibrated=False)
        gold = read_dir(gold_dir)
        pred_entities = [EntityRow(e.name, e.type, tuple(sorted(e.aliases))) for e in extraction.entities]
        for e, flag in zip(extraction.entities, entity_flags(gold.entities, pred_entities)):
            if flag is not None:
                add_counts(counts, {("entity", e.rule, e.type, mention_bucket(e)): [int(flag), 1]})
    return counts


def table_rows(counts: Counts) -> list[tuple[str, ...]]:
    """The table's rows, sorted (the same golds give the same bytes)."""
    return sorted((*key, str(right), str(total)) for key, (right, total) in counts.items())


def write_table(path: Path | str, counts: Counts, sources: Sequence[str]) -> None:
    """The counts as a resource file: a comment naming the golds, the header, the rows (atomically)."""
    from .export import atomic_write_text

    lines = [f"# written by `kg calibrate` from {len(sources)} gold sets: {', '.join(sources)}",
             "\t".join(COLUMNS), *("\t".join(row) for row in table_rows(counts))]
    atomic_write_text(Path(path), "\n".join(lines) + "\n")
