"""Latency of the SPARQL query library on both stores, on the sample and on larger synthetic graphs.

    python benchmarks/queries.py                       # sample + 10^5 + 10^6 triples (takes a while)
    python benchmarks/queries.py --triples 20000 --runs 3 --timeout 5   # a quick run

The synthetic graph is the sample's graph replicated with varied IRIs: copy k moves every data IRI
under ``{base}c{k}/`` (reports, sentences, entities, facts), so each copy is an independent report
of the same shape. Each (size, store) pair runs in its own process, so load time and peak memory
are its own. A query that exceeds ``--timeout`` is cancelled and shown as ``>T``.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "2023_shanghai-jinshan-shihua_subdistrict.txt"
BASE = "https://kg.example.org/id/"
REQUIRED = {"search": {"contains": "睦邻中心"}, "describe_entity": {"entity": "id:Facility/骑士驿站"}}
INTERACTIVE_S = 1.0        # a query slower than this is no longer interactive


def peak_mb() -> float:
    """This process's peak RSS: VmHWM on Linux (ru_maxrss would include the parent's peak)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def sample_ntriples(graph: str | None, workdir: Path) -> Path:
    """The sample's graph as N-Triples: a given build folder or file, else the sample report built now."""
    if graph:
        path = Path(graph)
        return path / "graph.nt" if path.is_dir() else path
    from kg.export import write_exports
    from kg.pipeline import build_graphs, process_file

    rdf, nxg = build_graphs([process_file(SAMPLE)])
    write_exports(rdf, nxg, workdir / "sample")
    return workdir / "sample" / "graph.nt"


def replicate(source: Path, triples: int, target: Path) -> int:
    """Copies of ``source`` with varied IRIs until about ``triples`` triples; returns the count."""
    lines = [line for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
    copies = max(1, -(-triples // len(lines)))
    with target.open("w", encoding="utf-8") as out:
        for k in range(copies):
            prefix = f"{BASE}c{k}/"
            out.write("\n".join(line.replace(BASE, prefix) for line in lines))
            out.write("\n")
    return copies * len(lines)


def worker(args: argparse.Namespace) -> None:
    """One store on one graph: load, then every query ``runs`` times; JSON on stdout."""
    from kg.query import QueryTimeout, get_query, list_queries, open_store, run_query

    baseline = peak_mb()
    store_dir = Path(tempfile.mkdtemp(prefix="kg-bench-ox-")) if args.store == "oxigraph" else None
    spec = f"oxigraph:{store_dir / 'store'}" if store_dir else "memory"
    started = time.perf_counter()
    store = open_store(args.file, spec)
    load_s = time.perf_counter() - started
    report = {"store": args.store, "triples": len(store), "load_s": load_s, "queries": {}}
    names = args.queries.split(",") if args.queries else [q.name for q in list_queries()]
    for name in names:
        query, params = get_query(name), REQUIRED.get(name, {})
        times, rows = [], None
        for _ in range(args.runs):
            started = time.perf_counter()
            try:
                rows = len(run_query(store, query, params, timeout=args.timeout))
            except QueryTimeout:
                times = None
                break
            times.append(time.perf_counter() - started)
        report["queries"][name] = {"median_s": statistics.median(times) if times else None, "rows": rows}
    report["peak_mb"] = peak_mb()
    report["data_mb"] = peak_mb() - baseline
    if store_dir:
        report["disk_mb"] = sum(f.stat().st_size for f in store_dir.rglob("*") if f.is_file()) / 2**20
        del store
        shutil.rmtree(store_dir, ignore_errors=True)
    print(json.dumps(report))


def run_worker(file: Path, store: str, args: argparse.Namespace) -> dict:
    command = [sys.executable, __file__, "--worker", "--file", str(file), "--store", store,
               "--runs", str(args.runs), "--timeout", str(args.timeout)]
    if args.queries:
        command += ["--queries", args.queries]
    done = subprocess.run(command, capture_output=True, text=True, check=False,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    if done.returncode != 0:
        raise SystemExit(f"worker {store} on {file} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def cell(seconds: float | None, timeout: float) -> str:
    if seconds is None:
        return f">{timeout:g} s"
    return f"{seconds * 1000:.1f}" if seconds < 10 else f"{seconds:.1f} s"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--triples", default="100000,1000000",
                        help="synthetic graph sizes, comma-separated (0 or '' for the sample only)")
    parser.add_argument("--runs", type=int, default=3, help="runs per query (the median is shown)")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds before a query is cancelled")
    parser.add_argument("--stores", default="memory,oxigraph")
    parser.add_argument("--queries", default="", help="comma-separated library names (default: all)")
    parser.add_argument("--graph", default=None, help="build folder or .nt file to use as the sample graph")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--file", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--store", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args)
        return

    workdir = Path(tempfile.mkdtemp(prefix="kg-bench-"))
    try:
        graphs = {"sample": sample_ntriples(args.graph, workdir)}
        for size in filter(None, (s.strip() for s in args.triples.split(","))):
            if int(size) > 0:
                target = workdir / f"synthetic-{size}.nt"
                started = time.perf_counter()
                count = replicate(graphs["sample"], int(size), target)
                print(f"synthetic graph: {count} triples written in {time.perf_counter() - started:.1f} s",
                      file=sys.stderr)
                graphs[f"{count:,}"] = target
        stores = args.stores.split(",")
        results = {}
        for label, file in graphs.items():
            for store in stores:
                print(f"running {store} on {label} …", file=sys.stderr)
                results[(label, store)] = run_worker(file, store, args)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    columns = list(results)
    names = sorted({name for result in results.values() for name in result["queries"]})
    heads = [f"{label} {store}" for label, store in columns]
    width = max(len(n) for n in names) + 2
    print(f"query latency, median of {args.runs} runs, ms (timeout {args.timeout:g} s)")
    print("query".ljust(width) + "".join(h.rjust(22) for h in heads))
    for name in names:
        print(name.ljust(width) + "".join(
            (cell(results[c]["queries"][name]["median_s"], args.timeout) if name in results[c]["queries"]
             else "-").rjust(22) for c in columns))
    print("triples".ljust(width) + "".join(str(results[c]["triples"]).rjust(22) for c in columns))
    print("load s".ljust(width) + "".join(f"{results[c]['load_s']:.2f}".rjust(22) for c in columns))
    print("memory MB (peak RSS)".ljust(width) + "".join(f"{results[c]['peak_mb']:.0f}".rjust(22) for c in columns))
    print("  of which graph".ljust(width) + "".join(f"{results[c]['data_mb']:.0f}".rjust(22) for c in columns))
    print("disk MB".ljust(width) + "".join(
        (f"{results[c]['disk_mb']:.0f}" if "disk_mb" in results[c] else "-").rjust(22) for c in columns))
    for label, store in columns:
        slow = [n for n, q in results[(label, store)]["queries"].items()
                if q["median_s"] is None or q["median_s"] > INTERACTIVE_S]
        total = sum(q["median_s"] or args.timeout for q in results[(label, store)]["queries"].values())
        print(f"{label} {store}: whole library {total:.2f} s; slower than {INTERACTIVE_S:g} s: "
              f"{', '.join(slow) or 'none'}")


if __name__ == "__main__":
    main()
