"""The same reports give byte-identical exports, whatever the order they come in: other folder layouts,
paths named in another order, one or several worker processes, another hash seed, a cold or warm cache."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kg.export import EXPORT_FILES

from conftest import DATA, HAILAER_2014, SAMPLE

REPORTS = [SAMPLE, HAILAER_2014, DATA / "reports" / "guangdong_glossary_excerpt.txt",
           DATA / "reports" / "hainan_glossary_excerpt.txt"]


def kg_build(args, out: Path, seed: int, jobs: int, validate: bool = False) -> None:
    """One build in a fresh interpreter; SHACL validation (which only checks, never writes) on the first only."""
    env = {**os.environ, "PYTHONHASHSEED": str(seed)}
    run = subprocess.run([sys.executable, "-m", "kg.cli", "build", *map(str, args), "-o", str(out), "-j", str(jobs),
                          "--no-views", *([] if validate else ["--no-validate"])],
                         capture_output=True, text=True, timeout=300, env=env)
    assert run.returncode == 0, run.stderr


def outputs(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file()}


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    root = tmp_path_factory.mktemp("determinism")
    # layout A: sorted walk gives sample, hailaer, guangdong, hainan
    first = root / "first"
    for folder, report in zip(("a", "b", "c", "d"), REPORTS):
        (first / folder).mkdir(parents=True)
        shutil.copy(report, first / folder / report.name)
    # layout B: the same files in other folders, created in reverse, so every walk order differs
    second = root / "second"
    for folder, report in zip(("z", "y", "x", "w"), reversed(REPORTS)):
        (second / folder).mkdir(parents=True)
        shutil.copy(report, second / folder / report.name)
    kg_build([first], root / "out1", seed=1, jobs=1, validate=True)
    cold = outputs(root / "out1")
    kg_build([second], root / "out2", seed=2, jobs=2)
    named = sorted(second.rglob("*.txt"), key=lambda p: p.name, reverse=True)
    kg_build(named, root / "out3", seed=3, jobs=2)
    kg_build([first], root / "out1", seed=4, jobs=2)                     # again, from its cache
    return cold, outputs(root / "out1"), outputs(root / "out2"), outputs(root / "out3")


def test_determinism_turtle_byte_identical_in_any_order(builds):
    cold, warm, other_layout, other_order = builds
    assert cold["graph.ttl"] == other_layout["graph.ttl"] == other_order["graph.ttl"]
    assert len(cold["graph.ttl"]) > 100_000


def test_determinism_two_runs_byte_identical(builds):
    cold, warm, *_ = builds
    assert cold["graph.ttl"] == warm["graph.ttl"]


@pytest.mark.parametrize("name", [n for n in EXPORT_FILES if n != "graph.ttl"] + ["merges.tsv", "places.tsv"])
def test_determinism_every_export_byte_identical(builds, name):
    cold, warm, other_layout, other_order = builds
    if name not in cold:
        pytest.skip(f"{name} is not written by this build")
    assert cold[name] == warm[name] == other_layout[name] == other_order[name], name
