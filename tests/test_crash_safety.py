"""A real ``kg build`` killed with SIGKILL (no clean-up code runs) at three moments — while extracting,
while streaming the exports, between two renames — leaves every export of the previous build whole
and readable, never a partial export; the next build removes what the killed one left behind and
completes with the same bytes as a build that was never interrupted."""
from __future__ import annotations

import csv
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Graph

from kg.export import EXPORT_FILES

from conftest import HAILAER_2014, SAMPLE

KILL_LIMIT = 120.0        # seconds a build may take before the test gives up on its moment


def build_args(inputs, out: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "kg.cli", "build", *map(str, inputs), "-o", str(out), *extra]


def start(inputs, out: Path, log: Path) -> subprocess.Popen:
    """A build in its own process group, so the kill reaches its worker processes too."""
    with open(log, "wb") as handle:
        return subprocess.Popen(build_args(inputs, out, "--no-views"), stdout=handle, stderr=subprocess.STDOUT,
                                start_new_session=True)


def kill(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=30)


def snapshot(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in EXPORT_FILES}


def assert_readable(out: Path) -> None:
    """Every export is whole: each parses in its own format."""
    Graph().parse(out / "graph.ttl", format="turtle")
    Graph().parse(out / "graph.nt", format="nt")
    json.loads((out / "graph.jsonld").read_text(encoding="utf-8"))
    json.loads((out / "graph.json").read_text(encoding="utf-8"))
    nx.read_graphml(out / "graph.graphml")
    for name in ("nodes.csv", "edges.csv"):
        with open(out / name, encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
        assert rows and all(len(row) == len(rows[0]) for row in rows), name


def visible_partials(out: Path) -> list[str]:
    """Files a reader could take for an export that are not one of the finished exports."""
    return sorted(p.name for p in out.iterdir() if p.is_file() and not p.name.startswith(".")
                  and p.name not in EXPORT_FILES and not p.name.endswith(".tsv"))


def temporaries(out: Path) -> list[Path]:
    return [p for p in out.rglob("*") if p.is_file() and p.name.endswith(".tmp")]


def wait_for(condition, process: subprocess.Popen, poll: float = 0.002) -> bool:
    """Wait until condition() holds while the build runs; False when the build ended first."""
    deadline = time.monotonic() + KILL_LIMIT
    while time.monotonic() < deadline:
        if condition():
            return True
        if process.poll() is not None:
            return False
        time.sleep(poll)
    return False


@pytest.fixture(scope="module")
def setup(tmp_path_factory):
    """The reports, a build of them never interrupted (its bytes and its cache), and an earlier build."""
    root = tmp_path_factory.mktemp("crash")
    reports = root / "reports"
    reports.mkdir()
    text = SAMPLE.read_text(encoding="utf-8")
    (reports / "2023_large.txt").write_text(text * 4, encoding="utf-8")           # a longer write phase
    shutil.copy(SAMPLE, reports / SAMPLE.name)
    shutil.copy(HAILAER_2014, reports / HAILAER_2014.name)
    reference = root / "reference"
    done = subprocess.run(build_args([reports], reference, "--no-views"), capture_output=True, timeout=600)
    assert done.returncode == 0, done.stderr
    earlier = root / "earlier"
    done = subprocess.run(build_args([SAMPLE], earlier, "--no-views", "--no-validate"), capture_output=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    return reports, reference, earlier


@pytest.fixture
def previous(setup, tmp_path):
    """An output folder holding a finished earlier build (of the sample alone), without its cache."""
    _reports, _reference, earlier = setup
    out = tmp_path / "out"
    shutil.copytree(earlier, out, ignore=shutil.ignore_patterns(".cache"))
    return out, snapshot(out)


def moment_extracting(out: Path, before: dict[str, bytes]):
    """The first report is extracted (its cache entry appears), the others are still being extracted."""
    return lambda: any((out / ".cache").rglob("*.pkl"))


def moment_streaming(out: Path, before: dict[str, bytes]):
    return lambda: any(p.name.startswith(".graph.") and p.name.endswith(".tmp") for p in out.iterdir())


def moment_between_renames(out: Path, before: dict[str, bytes]):
    inode = (out / "graph.ttl").stat().st_ino
    return lambda: (out / "graph.ttl").stat().st_ino != inode


@pytest.mark.parametrize("moment", [moment_extracting, moment_streaming, moment_between_renames],
                         ids=["extracting", "streaming", "between-renames"])
def test_crash_sigkill_keeps_exports_whole_and_rerun_completes(setup, previous, moment, tmp_path):
    reports, reference, _earlier = setup
    final = snapshot(reference)
    out, before = previous
    if moment is not moment_extracting:          # reach the write phase sooner: reports come from the cache
        shutil.copytree(reference / ".cache", out / ".cache")
    process = start([reports], out, tmp_path / "killed.log")
    reached = wait_for(moment(out, before), process)
    kill(process)
    assert reached, (tmp_path / "killed.log").read_text(encoding="utf-8", errors="replace")
    # every export is the previous one or the finished new one, never a piece of one
    after = snapshot(out)
    for name in EXPORT_FILES:
        assert after[name] in (before[name], final[name]), name
    if moment is moment_extracting:
        assert after == before                                            # nothing touched yet
    elif moment is moment_streaming:
        assert after["graph.ttl"] == before["graph.ttl"]
    else:
        assert after["graph.ttl"] == final["graph.ttl"]
    assert_readable(out)
    assert visible_partials(out) == []
    # the rerun completes, clears what the killed build left, and gives the uninterrupted bytes
    rerun = subprocess.run(build_args([reports], out, "--no-views"), capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert snapshot(out) == final
    assert temporaries(out) == []
