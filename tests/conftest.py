"""Shared fixtures: paths to the test reports, one built sample graph per session."""
from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
SAMPLE = DATA / "2023_shanghai-jinshan-shihua_subdistrict.txt"
HAILAER_2014 = DATA / "reports" / "2014_neimenggu-hulunbeier-hailaer_district.gbk.txt"
GOLD = DATA / "gold"

# The opening lines of a made-up province and city report: what tells the extractor the level and place.
PROVINCE_HEAD = "政府工作报告\n——2026年1月20日在湖南省第十四届人民代表大会第五次会议上\n现在，我代表湖南省人民政府向大会报告工作。"
CITY_HEAD = "政府工作报告\n——2026年1月20日在江城市第十六届人民代表大会第四次会议上\n现在，我代表江城市人民政府向大会报告工作。"


def level_report(head: str, review: str, plan: str = "继续努力。") -> str:
    """A whole report under ``head``: a review of 2025 holding ``review``, then the 2026 plans."""
    return f"{head}\n一、2025年工作回顾\n{review}\n二、2026年主要工作\n{plan}\n"


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
