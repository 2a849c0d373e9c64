"""Load on the SPARQL endpoint: N concurrent clients send the query library, round robin, to a real
``kg serve`` on 127.0.0.1; prints errors, latency percentiles and throughput.

    python benchmarks/endpoint_load.py                                  # 50 clients, 2,000 queries, oxigraph
    python benchmarks/endpoint_load.py --clients 200 --queries 10000 --store memory --graph exports
    python benchmarks/endpoint_load.py --runaway                         # plus one query cut by the time limit

The server runs in its own process (as users run it), so client threads do not compete with it for
the interpreter. Library queries whose parameters are required get a trailing ``VALUES`` clause.
"""
from __future__ import annotations

import argparse
import queue
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "2023_shanghai-jinshan-shihua_subdistrict.txt"
REQUIRED = {"contains": '"睦邻中心"', "entity": "<https://kg.example.org/id/Facility/骑士驿站>"}
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }"


def library_queries() -> list[tuple[str, str]]:
    """(name, SPARQL text) for every library query, required parameters bound by VALUES."""
    from kg.query import library_texts

    return library_texts(REQUIRED)


def start_server(graph: Path, store: str, timeout: float) -> tuple[subprocess.Popen, str]:
    process = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", "--graph", str(graph), "--store", store,
                                "--port", "0", "--timeout", str(timeout)], stderr=subprocess.PIPE, text=True)
    for line in process.stderr:
        if match := re.search(r"(http://127\.0\.0\.1:\d+/sparql)", line):
            threading.Thread(target=lambda: [None for _ in process.stderr], daemon=True).start()   # keep draining
            return process, match.group(1)
    raise RuntimeError(f"the server did not start (exit code {process.wait()})")


def wait_ready(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if httpx.get(url, params={"query": "ASK {}"}, timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"{url} not answering")


def run_load(url: str, clients: int, total: int, queries: list[tuple[str, str]]) -> dict:
    """Send ``total`` queries from ``clients`` threads (one keep-alive connection each)."""
    jobs: queue.Queue = queue.Queue()
    for i in range(total):
        jobs.put(queries[i % len(queries)])
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    start_line = threading.Barrier(clients)

    def client() -> None:
        with httpx.Client(timeout=60, headers={"Accept": "application/sparql-results+json, text/turtle;q=0.9"}) as http:
            start_line.wait()
            while True:
                try:
                    name, text = jobs.get_nowait()
                except queue.Empty:
                    return
                started = time.perf_counter()
                try:
                    response = http.post(url, data={"query": text})
                    ok = response.status_code == 200
                    detail = f"{name}: HTTP {response.status_code} {response.text[:120]}"
                except httpx.HTTPError as error:
                    ok, detail = False, f"{name}: {type(error).__name__} {error}"
                elapsed = time.perf_counter() - started
                with lock:
                    latencies.append(elapsed)
                    if not ok:
                        errors.append(detail)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - began
    ordered = sorted(latencies)
    pick = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000  # noqa: E731
    return {"queries": len(latencies), "errors": errors, "wall_s": wall, "qps": len(latencies) / wall,
            "p50_ms": pick(0.50), "p95_ms": pick(0.95), "p99_ms": pick(0.99), "max_ms": ordered[-1] * 1000,
            "mean_ms": statistics.fmean(ordered) * 1000}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--queries", type=int, default=2000)
    parser.add_argument("--store", default="oxigraph", help="memory or oxigraph (a temporary on-disk store)")
    parser.add_argument("--graph", type=Path, default=None, help="a build folder (default: the sample, built now)")
    parser.add_argument("--timeout", type=float, default=20.0, help="the server's per-query limit, seconds")
    parser.add_argument("--runaway", action="store_true", help="also send one query that must hit the limit")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kg-load-") as work:
        graph = args.graph
        if graph is None:
            graph = Path(work) / "build"
            subprocess.run([sys.executable, "-m", "kg.cli", "build", str(SAMPLE), "-o", str(graph), "--no-views"],
                           check=True, capture_output=True)
        store = f"oxigraph:{Path(work) / 'store'}" if args.store == "oxigraph" else args.store
        server, url = start_server(graph, store, args.timeout)
        try:
            wait_ready(url)
            queries = library_queries()
            runaway: dict = {}
            if args.runaway:
                def slow() -> None:
                    started = time.perf_counter()
                    response = httpx.post(url, data={"query": RUNAWAY}, timeout=args.timeout * 3 + 30)
                    runaway.update(status=response.status_code, seconds=time.perf_counter() - started)
                thread = threading.Thread(target=slow)
                thread.start()
            result = run_load(url, args.clients, args.queries, queries)
            if args.runaway:
                thread.join()
        finally:
            server.terminate()
            server.wait(timeout=30)
    print(f"store {args.store}, {len(queries)} library queries, {args.clients} clients, {result['queries']} queries")
    print(f"errors      {len(result['errors'])}")
    for line in result["errors"][:10]:
        print(f"  {line}")
    print(f"throughput  {result['qps']:.0f} queries/s ({result['wall_s']:.1f} s)")
    print(f"latency     p50 {result['p50_ms']:.0f} ms, p95 {result['p95_ms']:.0f} ms, p99 {result['p99_ms']:.0f} ms, "
          f"max {result['max_ms']:.0f} ms")
    if runaway:
        print(f"runaway     HTTP {runaway['status']} after {runaway['seconds']:.1f} s")
    return 1 if result["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
