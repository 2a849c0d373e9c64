"""Precision / recall / F1 of predicted TSVs against gold TSVs (gold format: ANNOTATION.md; files: ``kg/tsv.py``).

All scoring functions are pure; ``evaluate_dirs`` is the only one that reads files.
Matching is one-to-one and greedy over candidate pairs sorted by a fixed preference key, so the
same inputs always give the same numbers. Gold rows whose ``doubt`` column says yes are optional:
finding one is neither a TP nor an FP, missing one is not an FN (counted in ``Score.optional``).
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Iterable, Sequence

from kg.models import ENTITY_TYPES, RELATION_TYPES
from kg.tsv import EntityRow, GlossaryRow, MetricRow, RelationRow, TsvSet, read_dir

__all__ = [
    "Score", "EntityResult", "RelationResult", "MetricResult", "GlossaryResult", "Report",
    "normalize_name", "normalize_unit", "parse_value", "types_compatible",
    "match_entities", "metrics_compatible", "score_entities", "score_relations", "score_metrics", "score_glossary",
    "evaluate", "evaluate_dirs", "format_report", "report_to_json", "errors", "format_errors",
    "confidence_table", "format_confidence_table",
]

_QUOTES = "“”‘’\"'「」『』《》"
_DOTS = "·・•‧∙"
_DASHES = "—–－‐‑‒―−"
_TRANSLATE = str.maketrans({**{c: None for c in _QUOTES + "\u200b\u200c\u200d\ufeff"},
                            **{c: "·" for c in _DOTS}, **{c: "-" for c in _DASHES}})
_SPACES = re.compile(r"\s+")
_MULTIPLIERS = {"万": Decimal(10_000), "亿": Decimal(100_000_000), "千": Decimal(1_000)}
_COMPATIBLE = {frozenset({"Brand", "Program"})}


# --------------------------------------------------------------------------- normalisation


def normalize_name(s: str) -> str:
    """Make surface variants of one name compare equal (width, spaces, quotes, title marks, dots, dashes)."""
    s = unicodedata.normalize("NFKC", s or "")
    s = s.replace("\u00a0", " ").replace("\u3000", " ").translate(_TRANSLATE)
    return _SPACES.sub(" ", s).strip()


def normalize_unit(s: str) -> str:
    """Units compare like names, and Latin units case-insensitively (KM == km)."""
    return normalize_name(s).casefold()


def parse_value(s: str) -> Decimal | None:
    """Read a metric value as a number so '2400000', '2400000.0', '2.4e6', '240万' are equal."""
    t = normalize_name(s).replace(",", "").replace(" ", "").rstrip("%")
    factor = Decimal(1)
    while t and t[-1] in _MULTIPLIERS:
        factor *= _MULTIPLIERS[t[-1]]
        t = t[:-1]
    try:
        value = Decimal(t) * factor
    except (InvalidOperation, ValueError):
        return None
    return value if value.is_finite() else None


def types_compatible(pred_type: str, gold_type: str) -> bool:
    """A Brand is a Program the text calls a brand, so confusing the two is not a type error."""
    return pred_type == gold_type or frozenset({pred_type, gold_type}) in _COMPATIBLE


# --------------------------------------------------------------------------- scores


@dataclass(frozen=True)
class Score:
    """Counts of one table row; P/R/F1 are 1.0 when there was nothing to find and nothing predicted."""
    label: str
    gold: int
    pred: int
    tp: int
    fp: int
    fn: int
    optional: int = 0

    @property
    def precision(self) -> float:
        """Share of counted predictions that are right."""
        d = self.tp + self.fp
        return self.tp / d if d else (1.0 if self.fn == 0 else 0.0)

    @property
    def recall(self) -> float:
        """Share of required gold rows that were found."""
        d = self.tp + self.fn
        return self.tp / d if d else (1.0 if self.fp == 0 else 0.0)

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict:
        """Counts and ratios for JSON output."""
        return {"gold": self.gold, "pred": self.pred, "tp": self.tp, "fp": self.fp, "fn": self.fn,
                "optional": self.optional, "precision": self.precision, "recall": self.recall,
                "f1": self.f1}


@dataclass(frozen=True)
class EntityResult:
    """Entity scores; ``pairs`` maps predicted row index → gold row index."""
    types: tuple[Score, ...]
    untyped: Score
    typed: Score
    missed: tuple[str, ...]
    false: tuple[str, ...]
    wrong_type: tuple[str, ...]
    pairs: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class RelationResult:
    """Relation scores per predicate and overall."""
    predicates: tuple[Score, ...]
    overall: Score
    missed: tuple[str, ...]
    false: tuple[str, ...]


@dataclass(frozen=True)
class MetricResult:
    """Metric scores."""
    overall: Score
    missed: tuple[str, ...]
    false: tuple[str, ...]


@dataclass(frozen=True)
class GlossaryResult:
    """Glossary term scores, plus how many matched terms have a definition that starts alike."""
    overall: Score
    definitions: int
    missed: tuple[str, ...]
    false: tuple[str, ...]


@dataclass(frozen=True)
class Report:
    """Everything ``evaluate`` found, for ``format_report``, ``report_to_json`` and ``errors``."""
    entities: EntityResult
    relations: RelationResult
    metrics: MetricResult
    glossary: GlossaryResult


def _score(label: str, gold_flags: Iterable[bool], pred_flags: Iterable[bool | None]) -> Score:
    """Count a section: gold flags say 'found', pred flags say right (True), wrong (False) or neutral (None)."""
    gold_flags, pred_flags = list(gold_flags), list(pred_flags)
    tp = sum(1 for f in pred_flags if f is True)
    fp = sum(1 for f in pred_flags if f is False)
    fn = sum(1 for f in gold_flags if not f)
    optional = sum(1 for f in pred_flags if f is None)
    return Score(label, len(gold_flags), tp + fp, tp, fp, fn, optional)


def _greedy(candidates: Iterable[tuple[tuple, int, int]]) -> dict[int, int]:
    """One-to-one assignment: take candidate pairs (rank, pred, gold) best rank first."""
    used_pred: dict[int, int] = {}
    used_gold: set[int] = set()
    for _, pi, gi in sorted(candidates):
        if pi not in used_pred and gi not in used_gold:
            used_pred[pi] = gi
            used_gold.add(gi)
    return used_pred


def _ordered_labels(labels: Iterable[str], canonical: Sequence[str]) -> list[str]:
    """Known labels in ontology order first, then unknown ones alphabetically."""
    present = set(labels)
    return [t for t in canonical if t in present] + sorted(present - set(canonical))


# --------------------------------------------------------------------------- entities


def _keys(row: EntityRow) -> tuple[str, set[str]]:
    """Normalised name and normalised aliases (without the name itself)."""
    name = normalize_name(row.name)
    return name, {k for a in row.aliases if (k := normalize_name(a))} - {name}


def _type_rank(pred_type: str, gold_type: str) -> int:
    """Prefer same type, then Brand/Program, then any type."""
    return 0 if pred_type == gold_type else 1 if types_compatible(pred_type, gold_type) else 2


def match_entities(gold: Sequence[EntityRow], pred: Sequence[EntityRow]) -> dict[int, int]:
    """Pair predicted with gold entities one-to-one: exact names first, then gold aliases, then predicted aliases."""
    by_name: dict[str, list[int]] = defaultdict(list)
    by_alias: dict[str, list[int]] = defaultdict(list)
    for gi, g in enumerate(gold):
        name, aliases = _keys(g)
        by_name[name].append(gi)
        for a in aliases:
            by_alias[a].append(gi)
    order = {pi: n for n, pi in enumerate(sorted(range(len(pred)), key=lambda i: (
        normalize_name(pred[i].name), pred[i].type, i)))}
    best: dict[tuple[int, int], int] = {}
    for pi, p in enumerate(pred):
        name, aliases = _keys(p)
        tiers = [(0, by_name.get(name, [])), (1, by_alias.get(name, []))]
        tiers += [(2, by_name.get(a, [])) for a in aliases]
        for tier, gis in tiers:
            for gi in gis:
                best[(pi, gi)] = min(tier, best.get((pi, gi), tier))
    candidates = [((tier, _type_rank(pred[pi].type, gold[gi].type), gold[gi].optional, order[pi], gi), pi, gi)
                  for (pi, gi), tier in best.items()]
    return _greedy(candidates)


def _label(row: EntityRow) -> str:
    """How an entity is shown in error lists."""
    return f"{row.name} ({row.type})"


def _entity_flags(gold: Sequence[EntityRow], pred: Sequence[EntityRow], pairs: dict[int, int],
                  typed: bool) -> list[bool | None]:
    """Per prediction: right, wrong, or None (it found an optional gold row: neither)."""
    flags: list[bool | None] = []
    for pi, p in enumerate(pred):
        gi = pairs.get(pi)
        flag = False if gi is None else None if gold[gi].optional else True
        flags.append(flag and types_compatible(p.type, gold[gi].type) if flag and typed else flag)
    return flags


def entity_flags(gold: Sequence[EntityRow], pred: Sequence[EntityRow]) -> list[bool | None]:
    """Whether each predicted entity is right as ``kg eval`` counts it, typed (what calibration fits)."""
    return _entity_flags(gold, pred, match_entities(gold, pred), typed=True)


def score_entities(gold: Sequence[EntityRow], pred: Sequence[EntityRow]) -> EntityResult:
    """Untyped, typed and per-gold-type scores of predicted entities."""
    pairs = match_entities(gold, pred)
    found = {gi: pi for pi, gi in pairs.items()}
    ok = {pi: types_compatible(pred[pi].type, gold[gi].type) for pi, gi in pairs.items()}
    untyped_flags = _entity_flags(gold, pred, pairs, typed=False)
    typed_flags = _entity_flags(gold, pred, pairs, typed=True)
    required = [gi for gi, g in enumerate(gold) if not g.optional]
    untyped = _score("untyped", (gi in found for gi in required), untyped_flags)
    typed = _score("typed", (gi in found and ok[found[gi]] for gi in required), typed_flags)
    types = []
    for t in _ordered_labels([g.type for g in gold] + [p.type for p in pred], ENTITY_TYPES):
        gold_t = [gi for gi in required if gold[gi].type == t]
        tp = sum(1 for gi in gold_t if gi in found and ok[found[gi]])
        pred_t = [typed_flags[pi] for pi, p in enumerate(pred) if p.type == t]
        opt = sum(1 for gi, g in enumerate(gold) if g.optional and g.type == t and gi in found)
        types.append(Score(t, len(gold_t), sum(1 for f in pred_t if f is not None), tp,
                           sum(1 for f in pred_t if f is False), len(gold_t) - tp, opt))
    return EntityResult(
        types=tuple(types), untyped=untyped, typed=typed,
        missed=tuple(_label(gold[gi]) for gi in required if gi not in found),
        false=tuple(sorted(_label(p) for pi, p in enumerate(pred) if pi not in pairs)),
        wrong_type=tuple(sorted(f"{_label(pred[pi])} -> {_label(gold[gi])}" for pi, gi in pairs.items()
                                if not ok[pi] and not gold[gi].optional)),
        pairs=tuple(sorted(pairs.items())))


# --------------------------------------------------------------------------- relations


def _name_table(gold: Sequence[EntityRow]) -> dict[str, str]:
    """Normalised gold name or alias → normalised canonical gold name (names win over aliases)."""
    table: dict[str, str] = {}
    keyed = [_keys(g) for g in gold]
    for name, _ in keyed:
        table.setdefault(name, name)
    for name, aliases in keyed:
        for a in sorted(aliases):
            table.setdefault(a, name)
    return table


def _pred_table(gold: Sequence[EntityRow], pred: Sequence[EntityRow]) -> dict[str, str]:
    """Predicted names/aliases → gold canonical name, through the entity matching (a fallback)."""
    table: dict[str, str] = {}
    for pi, gi in sorted(match_entities(gold, pred).items()):
        name, aliases = _keys(pred[pi])
        for k in [name, *sorted(aliases)]:
            table.setdefault(k, normalize_name(gold[gi].name))
    return table


def _resolve(name: str, *tables: dict[str, str]) -> str:
    """Canonical form of a relation end: first table that knows it, else the normalised name."""
    key = normalize_name(name)
    return next((t[key] for t in tables if key in t), key)


def _triple(r: RelationRow) -> str:
    """How a relation is shown in error lists."""
    return f"{r.subject} -{r.predicate}-> {r.object}"


def score_relations(gold: Sequence[RelationRow], pred: Sequence[RelationRow],
                    gold_entities: Sequence[EntityRow] = (),
                    pred_entities: Sequence[EntityRow] = ()) -> RelationResult:
    """Score triples after resolving both ends to gold canonical names; per predicate and overall."""
    gold_keys, pred_keys, pairs = _relation_pairs(gold, pred, gold_entities, pred_entities)
    found = set(pairs.values())
    flag = _relation_flag_list(gold, pred, pairs)
    required = [gi for gi, g in enumerate(gold) if not g.optional]
    overall = _score("relations", (gi in found for gi in required), flag)
    predicates = []
    for p in _ordered_labels([k[1] for k in gold_keys] + [k[1] for k in pred_keys], RELATION_TYPES):
        predicates.append(_score(p, (gi in found for gi in required if gold_keys[gi][1] == p),
                                 (flag[pi] for pi in range(len(pred)) if pred_keys[pi][1] == p)))
    return RelationResult(
        predicates=tuple(predicates), overall=overall,
        missed=tuple(_triple(gold[gi]) for gi in required if gi not in found),
        false=tuple(sorted(_triple(p) for pi, p in enumerate(pred) if pi not in pairs)))


def _relation_flag_list(gold: Sequence[RelationRow], pred: Sequence[RelationRow],
                        pairs: dict[int, int]) -> list[bool | None]:
    return [None if pi in pairs and gold[pairs[pi]].optional else pi in pairs for pi in range(len(pred))]


def relation_flags(gold: Sequence[RelationRow], pred: Sequence[RelationRow], gold_entities: Sequence[EntityRow] = (),
                   pred_entities: Sequence[EntityRow] = ()) -> list[bool | None]:
    """Whether each predicted relation is right as ``kg eval`` counts it (None: an optional gold row)."""
    return _relation_flag_list(gold, pred, _relation_pairs(gold, pred, gold_entities, pred_entities)[2])


def _relation_pairs(gold: Sequence[RelationRow], pred: Sequence[RelationRow], gold_entities: Sequence[EntityRow],
                    pred_entities: Sequence[EntityRow]) -> tuple[list[tuple], list[tuple], dict[int, int]]:
    """Both ends resolved to gold canonical names, then predictions paired one-to-one with gold rows."""
    table = _name_table(gold_entities)
    fallback = _pred_table(gold_entities, pred_entities) if pred_entities else {}
    gold_keys = [(_resolve(g.subject, table), g.predicate.strip(), _resolve(g.object, table)) for g in gold]
    pred_keys = [(_resolve(p.subject, table, fallback), p.predicate.strip(),
                  _resolve(p.object, table, fallback)) for p in pred]
    by_key: dict[tuple, list[int]] = defaultdict(list)
    for gi, k in enumerate(gold_keys):
        by_key[k].append(gi)
    candidates = [((gold[gi].optional, pred_keys[pi], pi, gi), pi, gi)
                  for pi, k in enumerate(pred_keys) for gi in by_key.get(k, [])]
    return gold_keys, pred_keys, _greedy(candidates)


# --------------------------------------------------------------------------- metrics


def _overlap(a: str, b: str) -> float:
    """Character overlap (Dice over character multisets) of two normalised strings."""
    ca, cb = Counter(normalize_name(a)), Counter(normalize_name(b))
    total = sum(ca.values()) + sum(cb.values())
    return 2 * sum((ca & cb).values()) / total if total else 1.0


def _same_value(a: str, b: str) -> bool:
    """Numeric equality when both parse, else equality of the normalised text."""
    da, db = parse_value(a), parse_value(b)
    if da is not None and db is not None:
        return da == db
    return normalize_name(a) == normalize_name(b)


_UNIT_SCALES = (("万亿", Decimal(10) ** 12), ("亿", Decimal(10) ** 8), ("万", Decimal(10) ** 4))


def scaled(value: str, unit: str) -> tuple[Decimal | None, str]:
    """The quantity with a 万 / 亿 prefix of its unit moved into the number: 12 万亩 == 120000 亩,
    1.2 万公里 == 12000 公里 (both spellings occur in reports and in annotations)."""
    number, unit = parse_value(value), normalize_unit(unit)
    for prefix, factor in _UNIT_SCALES:
        if number is not None and unit.startswith(prefix) and len(unit) > len(prefix):
            return number * factor, unit[len(prefix):]
    return number, unit


def metrics_compatible(pred: MetricRow, gold: MetricRow) -> bool:
    """Same quantity (number and unit, 万 / 亿 prefixes of units resolved), and same year when both give one
    (a year inside the gold's span of years, 2021-2025, when it gives a span: a five-year review's figures)."""
    (pv, pu), (gv, gu) = scaled(pred.value, pred.unit), scaled(gold.value, gold.unit)
    same = pv == gv if pv is not None and gv is not None else _same_value(pred.value, gold.value)
    if pred.year is None or gold.year is None:
        return same and pu == gu
    last = gold.year_end or gold.year
    return same and pu == gu and gold.year <= pred.year <= last


def _metric(m: MetricRow) -> str:
    """How a metric is shown in error lists."""
    year = "" if m.year is None else f" ({m.year})"
    qualifier = f" [{m.qualifier}]" if m.qualifier else ""
    return f"{m.subject} = {m.value} {m.unit}{year}{qualifier}"


def score_metrics(gold: Sequence[MetricRow], pred: Sequence[MetricRow]) -> MetricResult:
    """Pair metrics by value/unit/year, preferring the gold row whose subject shares most characters."""
    candidates = [((-_overlap(p.subject, g.subject), -_overlap(p.qualifier, g.qualifier), g.optional, pi, gi),
                   pi, gi)
                  for pi, p in enumerate(pred) for gi, g in enumerate(gold) if metrics_compatible(p, g)]
    pairs = _greedy(candidates)
    found = set(pairs.values())
    required = [gi for gi, g in enumerate(gold) if not g.optional]
    flag = [None if pi in pairs and gold[pairs[pi]].optional else pi in pairs for pi in range(len(pred))]
    return MetricResult(
        overall=_score("metrics", (gi in found for gi in required), flag),
        missed=tuple(_metric(gold[gi]) for gi in required if gi not in found),
        false=tuple(sorted(_metric(p) for pi, p in enumerate(pred) if pi not in pairs)))


# --------------------------------------------------------------------------- glossary


def _definition_start(s: str) -> str:
    """The first 10 characters of a normalised definition, the part a glossary parser must get right."""
    return normalize_name(s)[:10]


def score_glossary(gold: Sequence[GlossaryRow], pred: Sequence[GlossaryRow],
                   gold_entities: Sequence[EntityRow] = ()) -> GlossaryResult:
    """Score glossary terms (exact term first, then any alias of the gold entity the term names)."""
    table = _name_table(gold_entities)
    keys_of: dict[str, set[str]] = defaultdict(set)
    for k, canonical in table.items():
        keys_of[canonical].add(k)
    candidates = []
    for gi, g in enumerate(gold):
        term = normalize_name(g.term)
        aliases = keys_of.get(table.get(term, term), set()) - {term}
        for pi, p in enumerate(pred):
            key = normalize_name(p.term)
            tier = 0 if key == term else 1 if key in aliases else None
            if tier is not None:
                candidates.append(((tier, g.optional, pi, gi), pi, gi))
    pairs = _greedy(candidates)
    found = set(pairs.values())
    required = [gi for gi, g in enumerate(gold) if not g.optional]
    flag = [None if pi in pairs and gold[pairs[pi]].optional else pi in pairs for pi in range(len(pred))]
    same = sum(1 for pi, gi in pairs.items() if not gold[gi].optional
               and _definition_start(pred[pi].definition)
               and _definition_start(pred[pi].definition) == _definition_start(gold[gi].definition))
    return GlossaryResult(
        overall=_score("glossary", (gi in found for gi in required), flag), definitions=same,
        missed=tuple(gold[gi].term for gi in required if gi not in found),
        false=tuple(sorted(p.term for pi, p in enumerate(pred) if pi not in pairs)))


# --------------------------------------------------------------------------- entry points


def evaluate(gold: TsvSet, pred: TsvSet) -> Report:
    """Score every table of one document."""
    return Report(
        entities=score_entities(gold.entities, pred.entities),
        relations=score_relations(gold.relations, pred.relations, gold.entities, pred.entities),
        metrics=score_metrics(gold.metrics, pred.metrics),
        glossary=score_glossary(gold.glossary, pred.glossary, gold.entities))


def evaluate_dirs(gold_dir: Path | str, pred_dir: Path | str) -> Report:
    """Read a gold and a predicted directory of TSVs and score them (missing files count as empty)."""
    return evaluate(read_dir(gold_dir), read_dir(pred_dir))


def _kept(rows, threshold: float) -> list:
    return [r for r in rows if (r.confidence if r.confidence is not None else 1.0) >= threshold]


def confidence_table(gold: TsvSet, pred: TsvSet) -> list[tuple[float, Score, Score, Score]]:
    """What ``--min-confidence`` would give: for every confidence the predictions carry (and 0), the typed
    entity, relation and metric scores of the predictions at or above it — read it to choose a filter."""
    levels = sorted({0.0} | {round(r.confidence, 2) for rows in (pred.entities, pred.relations, pred.metrics)
                             for r in rows if r.confidence is not None})
    out = []
    for t in levels:
        entities = _kept(pred.entities, t)
        out.append((t, score_entities(gold.entities, entities).typed,
                    score_relations(gold.relations, _kept(pred.relations, t), gold.entities, entities).overall,
                    score_metrics(gold.metrics, _kept(pred.metrics, t)).overall))
    return out


def format_confidence_table(table: list[tuple[float, Score, Score, Score]]) -> str:
    """One line per threshold: predictions scored, precision, recall, F1 of typed entities, relations, metrics."""
    head = f"{'min-conf':>8}  " + "  ".join(f"{name:>25}" for name in ("typed entities", "relations", "metrics"))
    sub = f"{'':>8}  " + "  ".join(f"{'pred':>7}{'P':>6}{'R':>6}{'F1':>6}" for _ in range(3))
    lines = [head, sub]
    for t, *scores in table:
        lines.append(f"{t:>8.2f}  " + "  ".join(
            f"{s.pred:>7}{s.precision:>6.2f}{s.recall:>6.2f}{s.f1:>6.2f}" for s in scores))
    return "\n".join(lines)


def _rows(report: Report) -> list[Score | None]:
    """The table rows in display order; ``None`` is a separator."""
    e, r = report.entities, report.relations
    return [*e.types, None, e.untyped, e.typed, None, *r.predicates, r.overall, None,
            report.metrics.overall, report.glossary.overall]


def format_report(report: Report) -> str:
    """A plain-text table of all scores, three decimals."""
    header = ("row", "gold", "pred", "tp", "fp", "fn", "opt", "P", "R", "F1")
    lines: list[tuple[str, ...] | None] = [header, None]
    for s in _rows(report):
        lines.append(None if s is None else (
            s.label, str(s.gold), str(s.pred), str(s.tp), str(s.fp), str(s.fn), str(s.optional),
            f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}"))
    width = [max(len(l[i]) for l in lines if l) for i in range(len(header))]
    rule = "-" * (sum(width) + 2 * (len(width) - 1))
    out = [rule if l is None else "  ".join(
        c.ljust(width[i]) if i == 0 else c.rjust(width[i]) for i, c in enumerate(l)) for l in lines]
    g = report.glossary
    out += [rule, f"glossary definitions starting alike: {g.definitions}/{g.overall.tp}"]
    return "\n".join(out)


def report_to_json(report: Report, include_errors: bool = False) -> dict:
    """A JSON-ready dict of all scores (and optionally the error lists)."""
    e, r, g = report.entities, report.relations, report.glossary
    data = {
        "entities": {"types": {s.label: s.to_dict() for s in e.types},
                     "untyped": e.untyped.to_dict(), "typed": e.typed.to_dict()},
        "relations": {"predicates": {s.label: s.to_dict() for s in r.predicates},
                      "overall": r.overall.to_dict()},
        "metrics": report.metrics.overall.to_dict(),
        "glossary": {**g.overall.to_dict(), "definitions_matched": g.definitions},
    }
    if include_errors:
        data["errors"] = errors(report)
    return data


def errors(report: Report) -> dict[str, dict[str, list[str]]]:
    """Missed gold items and false predictions per table (entities also list type confusions)."""
    e = report.entities
    return {
        "entities": {"missed": list(e.missed), "false": list(e.false), "wrong_type": list(e.wrong_type)},
        "relations": {"missed": list(report.relations.missed), "false": list(report.relations.false)},
        "metrics": {"missed": list(report.metrics.missed), "false": list(report.metrics.false)},
        "glossary": {"missed": list(report.glossary.missed), "false": list(report.glossary.false)},
    }


def format_errors(report: Report) -> str:
    """The error lists as indented plain text, for ``--show-errors``."""
    out = []
    for section, kinds in errors(report).items():
        for kind, items in kinds.items():
            out.append(f"{section} {kind} ({len(items)}):")
            out.extend(f"  {item}" for item in items)
    return "\n".join(out)
