"""Throughput and memory of the single-report pipeline (run on demand: `make bench`).

Prints, for each corpus report: characters, seconds per stage, KB/s end to end, and the speed
of bare jieba segmentation on the same text for comparison; then peak memory.
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
from kg.export import serialize_turtle

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
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: {peak:.0f} MB")


if __name__ == "__main__":
    main([Path(p) for p in sys.argv[1:]] or DEFAULT)
