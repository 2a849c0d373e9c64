"""Throughput and memory of the single-report pipeline (run on demand: `make bench`).

Prints, for each corpus report: characters, seconds per stage, KB/s end to end, and the speed
of bare jieba segmentation on the same text for comparison; then, per report, the stages a corpus
build runs in its workers (``kg build``: the graph's N-Triples lines, the export files' bytes, SHACL
validation), to show where a corpus build spends its time; then peak memory.
"""
from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

import jieba

from kg.config import Config
from kg.pipeline import build_graphs, load_document
from kg.extract import extract
from kg.export import ReportExports, serialize_turtle
from kg.nxgraph import nx_part
from kg.rdf import PREFIXES, report_graph_sections, report_lines
from kg.validate import validate_lines

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = [ROOT / "data" / "2023_shanghai-jinshan-shihua_subdistrict.txt",
           ROOT / "tests" / "data" / "reports" / "2014_neimenggu-hulunbeier-hailaer_district.gbk.txt"]


def timed(func, *args, repeat: int = 3):
    """Median seconds of `repeat` runs and the last result."""
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = func(*args)
        times.append(time.perf_counter() - start)
    return sorted(times)[len(times) // 2], result


def main(paths: list[Path]) -> None:
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    extract(load_document(paths[0]))  # warm the extractor's own tokenizer and vocabulary
    print(f"{'report':48} {'KB':>7} {'load':>6} {'extract':>8} {'graphs':>7} {'ttl':>6} {'KB/s':>7} {'jieba KB/s':>10} {'ratio':>6}")
    for path in paths:
        t_load, doc = timed(load_document, path)
        t_extract, extraction = timed(extract, doc)
        t_graphs, (rdf, _) = timed(build_graphs, [extraction], Config())
        t_ttl, _ = timed(serialize_turtle, rdf)
        kb = len(doc.text.encode("utf-8")) / 1024
        t_jieba, _ = timed(lambda: tokenizer.lcut(doc.text, HMM=False))
        total = t_load + t_extract + t_graphs
        print(f"{path.name[:48]:48} {kb:7.1f} {t_load:6.3f} {t_extract:8.3f} {t_graphs:7.3f} {t_ttl:6.3f} "
              f"{kb / total:7.1f} {kb / t_jieba:10.1f} {t_jieba / total:6.2f}")
    corpus_stages(paths, tokenizer)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: {peak:.0f} MB")


def corpus_stages(paths: list[Path], tokenizer: jieba.Tokenizer) -> None:
    """The seconds of each stage a ``kg build`` worker runs for a report, and each stage's share."""
    config = Config()
    names = ("extract", "lines", "exports", "networkx", "validate")
    print("\ncorpus build, per report (seconds, share):")
    print(f"{'report':24} " + " ".join(f"{name:>9}" for name in names) + f" {'KB/s':>7} {'ratio':>6}")
    for path in paths:
        doc = load_document(path)
        t_extract, extraction = timed(extract, doc)
        t_lines, lines = timed(report_lines, extraction, config)
        sections = report_graph_sections(*lines.split())
        t_exports, _ = timed(ReportExports.of, lines.graph, *sections, PREFIXES(config.base_iri))
        t_nx, _ = timed(nx_part, extraction, lines.resolution)
        t_validate, outcome = timed(validate_lines, lines.lines)
        assert outcome.conforms, outcome.text
        stages = (t_extract, t_lines, t_exports, t_nx, t_validate)
        total, kb = sum(stages), len(doc.text.encode("utf-8")) / 1024
        t_jieba, _ = timed(lambda: tokenizer.lcut(doc.text))
        shares = " ".join(f"{t:5.3f} {t / total:3.0%}" for t in stages)
        print(f"{path.name[:24]:24} {shares} {kb / total:7.1f} {t_jieba / total:6.2f}")
    print("(ratio: bare jieba lcut, its default HMM on, as benchmarks/corpus.py measures it)")


if __name__ == "__main__":
    main([Path(p) for p in sys.argv[1:]] or DEFAULT)
