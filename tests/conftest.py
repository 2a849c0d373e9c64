"""Shared fixtures: paths to the test reports, one built sample graph per session."""
from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
SAMPLE = DATA / "2023_shanghai-jinshan-shihua_subdistrict.txt"
HAILAER_2014 = DATA / "reports" / "2014_neimenggu-hulunbeier-hailaer_district.gbk.txt"
GOLD = DATA / "gold"


@pytest.fixture(scope="session")
def sample_path() -> Path:
    return SAMPLE


@pytest.fixture(scope="session")
def sample_document():
    from kg.pipeline import load_document

    return load_document(SAMPLE)


@pytest.fixture(scope="session")
def sample_extraction():
    from kg.pipeline import process_file

    return process_file(SAMPLE)


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory, sample_extraction):
    """The sample report built once into a session folder: (out_dir, rdf graph, nx graph)."""
    from kg.config import Config
    from kg.export import write_exports
    from kg.pipeline import build_graphs

    out = tmp_path_factory.mktemp("build")
    config = Config(out_dir=out)
    rdf, nxg = build_graphs([sample_extraction], config)
    write_exports(rdf, nxg, out)
    return out, rdf, nxg
