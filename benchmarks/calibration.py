"""Do the confidences mean what they say? Leave-one-gold-out reliability of the calibrated confidence.

    python benchmarks/calibration.py            # every gold under tests/data/gold

For each gold set, the table is fitted on the *other* gold sets and applied to this one, so every
figure is for a report the table has not seen. Prints, for the rules' own guesses and for the
calibrated confidence of entities: the Brier score, the expected calibration error (ECE), the share
right per confidence band, and what ``--min-confidence`` 0.5 … 0.9 keeps and how much of it is right;
then the same for relations, whose confidence is their rule's guess.
"""
from __future__ import annotations

import sys
from pathlib import Path

from kg.calibrate import Calibration, add_counts, calibrate_entities, count_outcomes, report_for, table_rows
from kg.evaluate import entity_flags, relation_flags
from kg.extract import extract
from kg.pipeline import load_document
from kg.tsv import EntityRow, RelationRow, read_dir

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "gold"
REPORTS = [ROOT / "data", ROOT / "tests" / "data" / "reports"]
BANDS = [(0.0, 0.4), (0.4, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01)]


def outcomes(gold: Path, table: Calibration | None) -> tuple[list, list]:
    """(confidence, right) of every scored entity and relation of one gold's report."""
    extraction = extract(load_document(report_for(gold, REPORTS)), calibrated=False)
    truth = read_dir(gold)
    entities = extraction.entities if table is None else calibrate_entities(extraction.entities, table)
    relations = extraction.relations       # relations keep their rules' guesses (kg.calibrate says why)
    rows = [EntityRow(e.name, e.type, tuple(sorted(e.aliases))) for e in entities]
    ents = [(e.confidence, f) for e, f in zip(entities, entity_flags(truth.entities, rows)) if f is not None]
    rel_rows = [RelationRow(r.subject, r.predicate, r.object) for r in relations]
    rels = [(r.confidence, f) for r, f in zip(relations, relation_flags(truth.relations, rel_rows, truth.entities,
                                                                        rows)) if f is not None]
    return ents, rels


def summary(label: str, rows: list[tuple[float, bool]]) -> None:
    brier = sum((c - f) ** 2 for c, f in rows) / len(rows)
    ece, lines = 0.0, []
    for low, high in BANDS:
        band = [(c, f) for c, f in rows if low <= c < high]
        if band:
            said, right = sum(c for c, _ in band) / len(band), sum(f for _, f in band) / len(band)
            ece += len(band) / len(rows) * abs(said - right)
            lines.append(f"    [{low:.1f}, {min(high, 1):.1f})  {len(band):5}  said {said:.2f}  right {right:.2f}")
    kept = [f"    >= {t:.1f}: keeps {sum(1 for c, _ in rows if c >= t):5}, right "
            f"{sum(f for c, f in rows if c >= t) / max(1, sum(1 for c, _ in rows if c >= t)):.2f}"
            for t in (0.5, 0.6, 0.7, 0.8, 0.9)]
    print(f"{label}: {len(rows)} scored, Brier {brier:.3f}, ECE {ece:.3f}")
    print("\n".join(lines + kept))


def main(golds: list[Path]) -> None:
    counts = {gold: count_outcomes([(report_for(gold, REPORTS), gold)]) for gold in golds}
    guessed: tuple[list, list] = ([], [])
    fitted: tuple[list, list] = ([], [])
    for gold in golds:
        others: dict = {}
        for other, c in counts.items():
            if other != gold:
                add_counts(others, c)
        for bucket, table in ((guessed, None), (fitted, Calibration.of(table_rows(others)))):
            ents, rels = outcomes(gold, table)
            bucket[0].extend(ents)
            bucket[1].extend(rels)
    print(f"{len(golds)} gold sets, each scored with a table fitted on the others\n")
    for label, (ents, _) in (("rule guesses", guessed), ("calibrated", fitted)):
        summary(f"entities, {label}", ents)
        print()
    summary("relations, rule guesses (not calibrated)", guessed[1])


if __name__ == "__main__":
    main([Path(p) for p in sys.argv[1:]] or sorted(p for p in GOLD.iterdir() if p.is_dir()))
