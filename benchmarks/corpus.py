"""Corpus-mode throughput: about 1,000 reports built into one graph, then the query library on it.

    python benchmarks/corpus.py                     # 1,000 reports, all cores, default build
    python benchmarks/corpus.py --reports 100 --jobs 1 --no-validate

The corpus is the real sample reports (``../shared/corpus`` when present, else the copies under
``tests/data/reports`` and ``data/``) repeated with varied place names: copy k of a report has its
place's name (as the report's own head gives it) replaced by a made-up two-character name, and a
file name of its own, so every copy is a distinct report of a distinct place. Timing only: the
text is real, the places are not.

Prints reports/s, KB/s per core, peak memory (all processes of the build), triples, the time and memory
of the views ``kg build`` writes next (``--no-views`` skips them), the speed of
bare jieba ``lcut`` on the same text measured in the same run (with jieba's default HMM just before
and just after the build, so that a slow spell of a shared machine shows in both the build and its
yardstick; and without HMM), both ratios, and the time of the whole query library on the result (Oxigraph store).
"""
from __future__ import annotations

import argparse
import itertools
import os
import resource
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"
LOCAL = [ROOT / "data", ROOT / "tests" / "data" / "reports"]
SYLLABLES = "安宁平和兴华丰泽长乐永嘉新阳清源福瑞泰康云溪明德"
PLACE_SUFFIXES = ("街道办事处", "街道", "自治区", "省", "市", "区", "县", "镇", "乡")


def sample_reports() -> list[Path]:
    """Whole real reports: the shared corpus if this checkout sits beside it, else the repo's copies."""
    if SHARED.is_dir():
        return sorted(p for p in SHARED.iterdir() if p.suffix == ".txt")
    files = [p for folder in LOCAL for p in sorted(folder.glob("*.txt"))]
    return [p for p in files if p.stat().st_size > 10_000]


def place_stem(place: str) -> str:
    """石化街道 → 石化, 海拉尔区 → 海拉尔: the part of a place name that names it."""
    for suffix in PLACE_SUFFIXES:
        if place.endswith(suffix) and len(place) > len(suffix) + 1:
            return place[: -len(suffix)]
    return place


def made_up_names() -> itertools.cycle:
    pairs = [a + b for a, b in itertools.permutations(SYLLABLES, 2)]
    return itertools.cycle(pairs)


def write_corpus(samples: list[Path], count: int, folder: Path) -> tuple[int, str]:
    """``count`` reports in ``folder`` (UTF-8); returns the total bytes and all the text (for jieba)."""
    from kg.load import read_report
    from kg.pipeline import load_document

    texts = []
    for path in samples:
        text = read_report(path).text
        stem = place_stem(load_document(path).place)
        texts.append((path, text, stem))
    names, total, pieces = made_up_names(), 0, []
    for k in range(count):
        path, text, stem = texts[k % len(texts)]
        name = next(names)
        varied = text.replace(stem, name) if len(stem) >= 2 else text
        target = folder / f"{path.name.split('.')[0]}_{k:05d}.txt"
        data = varied.encode("utf-8")
        target.write_bytes(data)
        total += len(data)
        pieces.append(varied)
    return total, "\n".join(pieces)


def jieba_kb_per_s(text: str, hmm: bool, budget_s: float = 20.0) -> float:
    """Bare jieba ``lcut`` on one core over the same text (a prefix if it would take long); ``hmm`` as
    jieba's own default (True) or as the extractor segments (False)."""
    import jieba

    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    tokenizer.lcut(text[:2000], HMM=hmm)
    done, started = 0, time.perf_counter()
    for start in range(0, len(text), 200_000):
        chunk = text[start:start + 200_000]
        tokenizer.lcut(chunk, HMM=hmm)
        done += len(chunk.encode("utf-8"))
        if time.perf_counter() - started > budget_s:
            break
    return done / 1024 / (time.perf_counter() - started)


class TreeMemory:
    """Peak memory of the whole build: the proportional set size (PSS, shared pages split between the
    processes that share them) of this process and all its descendants (the workers, the forked
    GraphML writer), summed, sampled every 0.2 s. Linux only; elsewhere it stays 0."""

    def __init__(self) -> None:
        self.peak = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    @staticmethod
    def _tree(root: int) -> list[int]:
        parents = {}
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    stat = (entry / "stat").read_text()
                    parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
                except (OSError, ValueError, IndexError):
                    continue
        tree, frontier = [root], [root]
        while frontier:
            frontier = [pid for pid, parent in parents.items() if parent in frontier]
            tree += frontier
        return tree

    @staticmethod
    def _pss_mb(pid: int) -> float:
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    return int(line.split()[1]) / 1024
        except OSError:
            pass
        return 0.0

    def _sample(self) -> None:
        while not self._stop.wait(0.2):
            self.peak = max(self.peak, sum(self._pss_mb(pid) for pid in self._tree(os.getpid())))

    def __enter__(self) -> "TreeMemory":
        if Path(f"/proc/{os.getpid()}/smaps_rollup").exists():
            self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()


def peak_mb() -> tuple[float, float]:
    """Peak RSS of this process and of its largest finished child (a worker), in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def query_library(out: Path) -> tuple[float, float, int]:
    """Load the build into a fresh Oxigraph store and run every library query once; (load s, run s, rows)."""
    from kg.query import get_query, list_queries, open_store, run_query

    store_dir = Path(tempfile.mkdtemp(prefix="kg-bench-corpus-ox-"))
    try:
        started = time.perf_counter()
        store = open_store(out, f"oxigraph:{store_dir / 'store'}")
        load_s = time.perf_counter() - started
        params = {"search": {"contains": "中心"}, "describe_entity": {"entity": "id:Concept/乡村振兴"}}
        started, rows = time.perf_counter(), 0
        for query in list_queries():
            rows += len(run_query(store, get_query(query.name), params.get(query.name, {}), timeout=300))
        return load_s, time.perf_counter() - started, rows
    finally:
        shutil.rmtree(store_dir, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reports", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=0, help="worker processes (0 = all cores)")
    parser.add_argument("--no-validate", action="store_true", help="skip SHACL validation (on by default)")
    parser.add_argument("--no-queries", action="store_true", help="skip the query library on the result")
    parser.add_argument("--no-views", action="store_true", help="skip the views `kg build` writes after the build")
    args = parser.parse_args()

    from kg.config import Config
    from kg.pipeline import run_build

    work = Path(tempfile.mkdtemp(prefix="kg-bench-corpus-"))
    try:
        reports, out = work / "reports", work / "out"
        reports.mkdir()
        samples = sample_reports()
        total_bytes, text = write_corpus(samples, args.reports, reports)
        config = Config(out_dir=out, jobs=args.jobs, validate=not args.no_validate)
        print(f"corpus: {args.reports} reports from {len(samples)} real samples, {total_bytes / 2**20:.1f} MB; "
              f"{config.jobs} worker(s); validation {'on' if config.validate else 'off'}", file=sys.stderr)
        before = jieba_kb_per_s(text, hmm=True, budget_s=10.0)   # the machine's speed as the build starts
        with TreeMemory() as memory:
            started = time.perf_counter()
            result = run_build([reports], config, cache=False)
            build_s = time.perf_counter() - started
        if result.failures:
            raise SystemExit(f"{len(result.failures)} reports failed, first: {result.failures[0]}")
        own_mb, worker_mb = peak_mb()
        after = jieba_kb_per_s(text, hmm=True, budget_s=10.0)    # ... and as it ends: a slow spell shows here
        jieba_plain = jieba_kb_per_s(text, hmm=False, budget_s=10.0)
        jieba_default = (before + after) / 2
        kb = total_bytes / 1024
        per_core = kb / build_s / config.jobs
        print(f"reports                 {len(result.reports)}")
        print(f"build time              {build_s:.1f} s  (target: 1,000 reports < 180 s)")
        print(f"reports/s               {len(result.reports) / build_s:.1f}")
        print(f"KB/s                    {kb / build_s:.0f} total, {per_core:.0f} per core ({config.jobs} cores)")
        print(f"bare jieba lcut         {jieba_default:.0f} KB/s on one core (jieba's default, HMM on: "
              f"{before:.0f} before the build, {after:.0f} after), {jieba_plain:.0f} KB/s with HMM off; same text")
        print(f"ratio per core          {per_core / jieba_default:.2f} of lcut (target >= 0.60), "
              f"{per_core / jieba_plain:.2f} of lcut with HMM off")
        print(f"peak memory             {memory.peak:.0f} MB, the whole build (PSS of all its processes, "
              f"target < 4,096 MB); peak RSS {own_mb:.0f} MB main process, {worker_mb:.0f} MB largest child "
              f"(the forked GraphML writer's RSS counts pages it shares with the main process)")
        print(f"triples                 {result.triples:,}")
        print(f"export size             {sum(f.stat().st_size for f in out.iterdir() if f.is_file()) / 2**20:.0f} MB")
        if not args.no_views:   # what `kg build` does next unless --no-views: the views, from graph.nt
            from kg.views import write_views

            with TreeMemory() as view_memory:
                started = time.perf_counter()
                write_views(out, out / "views")
                views_s = time.perf_counter() - started
            print(f"views                   {views_s:.1f} s after the build (kg build's default), "
                  f"peak memory {view_memory.peak:.0f} MB")
        if not args.no_queries:
            load_s, run_s, rows = query_library(out)
            print(f"query library           load {load_s:.1f} s into Oxigraph, all queries {run_s:.1f} s, {rows} rows")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
