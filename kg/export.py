"""Stage 6: write every export format atomically (a failed build leaves earlier files intact)."""
from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from pathlib import Path

import networkx as nx
from rdflib import Graph

__all__ = ["EXPORT_FILES", "write_exports", "atomic_write_text", "atomic_write_bytes", "safe_cell",
           "serialize_turtle"]

EXPORT_FILES = ("graph.ttl", "graph.nt", "graph.jsonld", "graph.graphml", "graph.json", "nodes.csv", "edges.csv")


def _file_mode() -> int:
    """The mode a plain open() would give (mkstemp's files are private)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write to a temporary file beside the target, fsync, then rename over it."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, _FILE_MODE)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


_FILE_MODE = _file_mode()


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def safe_cell(value: object) -> str:
    """A CSV cell that spreadsheets will not run as a formula.

    >>> safe_cell("=1+1"), safe_cell("邻里守望")
    ("'=1+1", '邻里守望')
    """
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _csv(rows: list[list[object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
    return buffer.getvalue()


def serialize_turtle(graph: Graph) -> str:
    """Turtle with rdflib's sorted output: the same graph always gives the same bytes."""
    return graph.serialize(format="turtle")


def _ntriples(graph: Graph) -> str:
    lines = graph.serialize(format="nt").splitlines()
    return "\n".join(sorted(line for line in lines if line.strip())) + "\n"


def _node_rows(graph: nx.MultiDiGraph) -> list[list[object]]:
    header = ["id", "label", "type", "aliases", "status", "years", "confidence", "mentions", "degree", "sentence"]
    rows = [[node, a.get("label"), a.get("type"), a.get("aliases"), a.get("status"), a.get("years"),
             a.get("confidence"), a.get("mentions"), graph.degree(node), a.get("sentence")]
            for node, a in sorted(graph.nodes(data=True))]
    return [header] + rows


def _edge_rows(graph: nx.MultiDiGraph) -> list[list[object]]:
    header = ["source", "target", "predicate", "status", "year", "confidence", "report", "sentence"]
    rows = sorted([[u, v, a.get("predicate"), a.get("status"), a.get("year"), a.get("confidence"),
                    a.get("report"), a.get("sentence")] for u, v, a in graph.edges(data=True)],
                  key=lambda r: [str(c) for c in r])
    return [header] + rows


def _graphml(graph: nx.MultiDiGraph) -> bytes:
    buffer = io.BytesIO()
    nx.write_graphml(graph, buffer, encoding="utf-8")
    return buffer.getvalue()


def _node_link(graph: nx.MultiDiGraph) -> str:
    data = nx.node_link_data(graph, edges="links")
    data["nodes"] = sorted(data["nodes"], key=lambda n: n["id"])
    data["links"] = sorted(data["links"], key=lambda l: (l["source"], l["target"], str(l.get("key"))))
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)


def write_exports(rdf: Graph, graph: nx.MultiDiGraph, out_dir: Path) -> list[Path]:
    """Render every format in memory first, then replace the files one by one, each atomically."""
    rendered: dict[str, bytes] = {
        "graph.ttl": serialize_turtle(rdf).encode("utf-8"),
        "graph.nt": _ntriples(rdf).encode("utf-8"),
        "graph.jsonld": rdf.serialize(format="json-ld", indent=1, sort_keys=True, ensure_ascii=False).encode("utf-8"),
        "graph.graphml": _graphml(graph),
        "graph.json": _node_link(graph).encode("utf-8"),
        "nodes.csv": _csv(_node_rows(graph)).encode("utf-8"),
        "edges.csv": _csv(_edge_rows(graph)).encode("utf-8"),
    }
    written = []
    for name in EXPORT_FILES:
        path = Path(out_dir) / name
        atomic_write_bytes(path, rendered[name])
        written.append(path)
    return written
