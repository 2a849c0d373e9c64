"""Stage 6: every export format is written, parses back, and is replaced atomically."""
import csv
import json

import networkx as nx
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.export import EXPORT_FILES, safe_cell, write_exports


def test_export_writes_every_format(sample_build):
    out, rdf, nxg = sample_build
    for name in EXPORT_FILES:
        assert (out / name).stat().st_size > 0, name
    assert isomorphic(Graph().parse(out / "graph.nt", format="nt"), rdf)
    assert isomorphic(Graph().parse(out / "graph.jsonld", format="json-ld"), rdf)
    graphml = nx.read_graphml(out / "graph.graphml", force_multigraph=True)
    assert graphml.number_of_nodes() == nxg.number_of_nodes()
    assert graphml.number_of_edges() == nxg.number_of_edges()
    data = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    assert len(data["nodes"]) == nxg.number_of_nodes() and len(data["links"]) == nxg.number_of_edges()
    with open(out / "nodes.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == nxg.number_of_nodes() and {"id", "label", "type"} <= set(rows[0])
    with open(out / "edges.csv", encoding="utf-8") as handle:
        assert len(list(csv.DictReader(handle))) == nxg.number_of_edges()


def test_export_failure_leaves_previous_files_intact(tmp_path, sample_build):
    _, rdf, nxg = sample_build
    for name in EXPORT_FILES:
        (tmp_path / name).write_text("previous", encoding="utf-8")
    broken = nxg.copy()
    broken.add_node("bad", label=object())  # GraphML cannot store an object: rendering fails
    with pytest.raises(Exception):
        write_exports(rdf, broken, tmp_path)
    assert all((tmp_path / name).read_text(encoding="utf-8") == "previous" for name in EXPORT_FILES)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(EXPORT_FILES)  # no temp files left


@pytest.mark.parametrize("cell, expected", [("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"), ("+1", "'+1"),
                                            ("-1", "'-1"), ("@SUM(A1)", "'@SUM(A1)"), ("爱心点名", "爱心点名")])
def test_export_csv_cells_never_start_a_formula(cell, expected):
    assert safe_cell(cell) == expected


def _nx_files(graph, out, monkeypatch=None, start_methods=None, child_fails=False):
    import multiprocessing

    import kg.export as export

    if start_methods is not None:
        monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: start_methods)
    if child_fails:
        monkeypatch.setattr(export, "_nx_child", lambda *args: args[-1].close())
    written = export.NxWriter(graph, out).commit()
    assert sorted(p.name for p in written) == sorted(export.NX_FILES)
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]
    return {p.name: p.read_bytes() for p in written}


def test_export_networkx_files_are_the_same_forked_or_not(tmp_path, sample_build, monkeypatch):
    """GraphML is rendered in a forked process while the RDF streams; without fork, or when the child
    dies, everything is rendered in the building process, byte for byte the same."""
    graph = sample_build[2]
    forked = _nx_files(graph, tmp_path / "forked")
    assert forked["graph.graphml"].startswith(b"<?xml")
    plain = _nx_files(graph, tmp_path / "plain", monkeypatch, start_methods=["spawn"])
    failed = _nx_files(graph, tmp_path / "failed", monkeypatch, child_fails=True)
    assert forked == plain == failed


def test_export_aborted_networkx_writer_leaves_nothing(tmp_path, sample_build):
    from kg.export import NxWriter

    out = tmp_path / "out"
    writer = NxWriter(sample_build[2], out)
    writer.abort()
    assert list(out.iterdir()) == []
