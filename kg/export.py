"""Stage 6: write every export format atomically (a failed build leaves earlier files intact).

RDF is written from sorted N-Triples lines (``kg.rdf``) by small writers of our own: N-Triples,
Turtle and JSON-LD of the union, TriG and N-Quads of the named graphs (one per report). They stream
(a corpus of thousands of reports never sits in one rdflib graph) and are deterministic: the same
input always gives the same bytes.
"""
from __future__ import annotations

import csv
import gc
import io
import json
import os
import re
import tempfile
from contextlib import ExitStack
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import IO, Iterable, Sequence

import networkx as nx
from rdflib import Dataset, Graph
from rdflib.graph import ConjunctiveGraph

from .rdf import nt_unescape

__all__ = ["EXPORT_FILES", "RDF_FILES", "write_exports", "atomic_write_text", "atomic_write_bytes", "safe_cell",
           "temp_prefix", "remove_stale_temporaries",
           "serialize_turtle", "turtle_body", "jsonld_nodes", "graph_lines", "RdfWriter", "write_tsv",
           "render_nx", "NxWriter", "ReportExports"]

RDF_FILES = ("graph.ttl", "graph.nt", "graph.jsonld", "graph.trig", "graph.nq")
EXPORT_FILES = RDF_FILES + ("graph.graphml", "graph.json", "nodes.csv", "edges.csv")
_PREFIX_ORDER = ("kgo", "id", "skos", "prov", "dct", "owl", "xsd", "rdfs", "rdf")
_RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"


def _file_mode() -> int:
    """The mode a plain open() would give (mkstemp's files are private)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


_TEMPORARY = re.compile(r"\..+\.(\d+)\.[A-Za-z0-9_]+\.tmp")


def temp_prefix(name: str) -> str:
    """Prefix of a temporary file: it names the writing process, so a later build can tell the leftovers
    of a writer that was killed (they are removed) from the files of one still writing (kept)."""
    return f".{name}.{os.getpid()}."


def _running(pid: int) -> bool:
    if os.name != "posix" or pid == os.getpid():
        return True                                  # cannot tell safely: keep the file
    try:
        os.kill(pid, 0)                              # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def remove_stale_temporaries(folder: Path | str) -> list[Path]:
    """Remove the temporary files (``.NAME.PID.XXXX.tmp``) that killed writers left in ``folder``."""
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        match = _TEMPORARY.fullmatch(entry.name)
        if match and entry.is_file(follow_symlinks=False) and not _running(int(match.group(1))):
            Path(entry.path).unlink(missing_ok=True)
            removed.append(Path(entry.path))
    return removed


def _write_temporary(folder: Path, data: bytes, prefix: str) -> str:
    """A new temporary file in ``folder`` holding ``data``, fsynced; its path."""
    fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=folder)
    try:
        os.fchmod(fd, _FILE_MODE)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return tmp


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write to a temporary file beside the target, fsync, then rename over it."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(path.parent)
    tmp = _write_temporary(path.parent, data, temp_prefix(path.name))
    try:
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


# --- RDF writers over sorted N-Triples lines -----------------------------------------------------

_PN_U = ("A-Za-z_\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C-\u200D"
         "\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD")
_LOCAL = re.compile(f"[{_PN_U}][{_PN_U}0-9\\-]*")     # a conservative PN_LOCAL: no '.', ':', '%'


def graph_prefixes(graph: Graph) -> list[tuple[str, str]]:
    """The project's prefixes bound on a graph, in their fixed order."""
    bound = {prefix: str(ns) for prefix, ns in graph.namespaces()}
    return [(prefix, bound[prefix]) for prefix in _PREFIX_ORDER if prefix in bound]


class _Compactor:
    """Turns N-Triples tokens into Turtle: prefixed names where the local part is safe, 'a' for rdf:type."""

    def __init__(self, prefixes: Sequence[tuple[str, str]]):
        self.prefixes = sorted(prefixes, key=lambda p: -len(p[1]))
        self.iri = lru_cache(maxsize=1 << 16)(self._iri)

    def _iri(self, token: str) -> str:
        iri = token[1:-1]
        for prefix, namespace in self.prefixes:
            if iri.startswith(namespace) and _LOCAL.fullmatch(iri[len(namespace):]):
                return f"{prefix}:{iri[len(namespace):]}"
        return token

    def term(self, token: str) -> str:
        if token[0] == "<":
            return self.iri(token)
        if token[-1] == ">":
            at = token.rindex("^^<")
            return token[:at + 2] + self.iri(token[at + 2:])
        return token

    def predicate(self, token: str) -> str:
        return "a" if token == _RDF_TYPE else self.iri(token)


def _split(line: str) -> tuple[str, str, str]:
    subject, predicate, rest = line.split(" ", 2)
    return subject, predicate, rest[:-2]


def turtle_body(lines: Iterable[str], compactor: _Compactor) -> Iterable[str]:
    """Turtle statements for sorted N-Triples lines: one block per subject (its types first),
    objects of one predicate grouped."""
    subject, block = None, []
    for line in lines:
        s, p, o = _split(line)
        if s != subject:
            if block:
                yield _block(subject, block, compactor)
            subject, block = s, []
        block.append((p, o))
    if block:
        yield _block(subject, block, compactor)


def _block(subject: str, pairs: list[tuple[str, str]], compactor: _Compactor) -> str:
    types = [o for p, o in pairs if p == _RDF_TYPE]
    if types:
        pairs = [(_RDF_TYPE, o) for o in types] + [(p, o) for p, o in pairs if p != _RDF_TYPE]
    out, predicate = [compactor.term(subject)], None
    for p, o in pairs:
        if p != predicate:
            out += [" " if predicate is None else " ;\n    ", compactor.predicate(p), " ", compactor.term(o)]
            predicate = p
        else:
            out += [" ,\n        ", compactor.term(o)]
    out.append(" .\n\n")
    return "".join(out)


def _prefix_header(prefixes: Sequence[tuple[str, str]]) -> str:
    return "".join(f"@prefix {prefix}: <{ns}> .\n" for prefix, ns in prefixes) + "\n"


def _json_value(token: str) -> dict:
    if token[0] == "<":
        return {"@id": token[1:-1]}
    end = token.rindex('"')
    value, suffix = {"@value": nt_unescape(token[1:end])}, token[end + 1:]
    if suffix.startswith("@"):
        value["@language"] = suffix[1:]
    elif suffix.startswith("^^"):
        value["@type"] = suffix[3:-1]
    return value


_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))   # json.dumps builds one per call


def jsonld_nodes(lines: Iterable[str]) -> Iterable[str]:
    """Expanded JSON-LD node objects (one JSON text each) for sorted N-Triples lines."""
    dumps = _JSON.encode
    subject, node = None, {}
    for line in lines:
        s, p, o = _split(line)
        if s != subject:
            if subject is not None:
                yield dumps(node)
            subject, node = s, {"@id": s[1:-1]}
        if p == _RDF_TYPE and o[0] == "<":
            node.setdefault("@type", []).append(o[1:-1])
        else:
            node.setdefault(p[1:-1], []).append(_json_value(o))
    if subject is not None:
        yield dumps(node)


def _graph_open(iri: str | None) -> str:
    return f"<{iri}> {{\n" if iri else "{\n"


def _quads(lines: Iterable[str], iri: str | None) -> list[str]:
    suffix = f" <{iri}> .\n" if iri else " .\n"
    return [line[:-2] + suffix for line in lines]


@dataclass(frozen=True)
class ReportExports:
    """One report's share of every RDF export, rendered and UTF-8 encoded ahead (in a worker process):
    its own nodes' section of the union (N-Triples, Turtle, JSON-LD) and its entity mentions, the other
    section of its named graph. TriG and N-Quads of the named graph are put together from these (they
    would double what travels from the worker). The bytes are those ``RdfWriter.named_graph(graph,
    mentions, local)`` and ``RdfWriter.union(local)`` would write."""
    graph: str
    triples: int            # lines in the report's section of the union
    nt: bytes
    ttl: bytes
    jsonld: bytes           # the section's node objects, comma-separated
    mentions_ttl: bytes
    mentions_nq: bytes

    @classmethod
    def of(cls, graph: str, mentions: Sequence[str], local: Sequence[str],
           prefixes: Sequence[tuple[str, str]]) -> "ReportExports":
        """``mentions`` and ``local``: the sorted sections of the report's named graph; ``local`` is also its
        section of the union."""
        compactor = _Compactor(prefixes)
        nt = "\n".join(local) + "\n" if local else ""
        return cls(graph, len(local), nt.encode(), "".join(turtle_body(local, compactor)).encode(),
                   ",\n".join(jsonld_nodes(local)).encode(),
                   "".join(turtle_body(mentions, compactor)).encode(), "".join(_quads(mentions, graph)).encode())

    def trig(self) -> list[bytes]:
        """The named graph in TriG, in pieces."""
        if not (self.mentions_nq or self.triples):
            return []
        return [_graph_open(self.graph).encode(), self.mentions_ttl, self.ttl, b"}\n\n"]

    def nq(self) -> list[bytes]:
        """The named graph in N-Quads, in pieces: a line never holds a line break (N-Triples escapes them),
        so every ' .\n' of the N-Triples ends a line."""
        return [self.mentions_nq, self.nt.replace(b" .\n", f" <{self.graph}> .\n".encode())]

    def lines(self) -> list[str]:
        """The report's section of the union as N-Triples lines."""
        return self.nt.decode("utf-8").splitlines()


class RdfWriter:
    """Streams the five RDF exports into temporary files beside their targets; ``commit`` renames them.

    The union (graph.ttl, graph.nt, graph.jsonld) is written section by section: each section is a run
    of sorted lines whose subjects appear in no other section. The named graphs (graph.trig,
    graph.nq) are written graph by graph. A report rendered ahead (``ReportExports``) is written as is.
    """

    def __init__(self, out_dir: Path, prefixes: Sequence[tuple[str, str]]):
        self.out_dir = Path(out_dir)
        self.compactor = _Compactor(prefixes)
        self.prefixes = prefixes
        self.triples = 0
        self._stack = ExitStack()
        self._files: dict[str, tuple[IO[bytes], str]] = {}
        self._first_node = True

    def __enter__(self) -> "RdfWriter":
        self.out_dir.mkdir(parents=True, exist_ok=True)
        remove_stale_temporaries(self.out_dir)
        for name in RDF_FILES:
            fd, tmp = tempfile.mkstemp(prefix=temp_prefix(name), suffix=".tmp", dir=self.out_dir)
            os.fchmod(fd, _FILE_MODE)
            handle = self._stack.enter_context(open(fd, "wb", buffering=1 << 20))
            self._files[name] = (handle, tmp)
        header = _prefix_header(self.prefixes)
        self._write("graph.ttl", header)
        self._write("graph.trig", header)
        self._write("graph.jsonld", "[\n")
        return self

    def _out(self, name: str) -> IO[bytes]:
        return self._files[name][0]

    def _write(self, name: str, text: str) -> None:
        self._out(name).write(text.encode("utf-8"))

    def _write_all(self, name: str, texts: Iterable[str]) -> None:
        self._out(name).writelines(text.encode("utf-8") for text in texts)

    def _json_section(self, data: bytes) -> None:
        if data:
            self._out("graph.jsonld").write(data if self._first_node else b",\n" + data)
            self._first_node = False

    def union(self, lines: Sequence[str]) -> None:
        """A section of the union graph: sorted lines, subjects not in any other section."""
        if not lines:
            return
        self.triples += len(lines)
        self._write("graph.nt", "\n".join(lines) + "\n")
        self._write_all("graph.ttl", turtle_body(lines, self.compactor))
        for node in jsonld_nodes(lines):
            self._json_section(node.encode("utf-8"))

    def named_graph(self, iri: str | None, *sections: Sequence[str]) -> None:
        """One named graph (``None``: the default graph), given as sections of sorted lines."""
        if not any(sections):
            return
        self._write("graph.trig", _graph_open(iri))
        for lines in sections:
            self._write_all("graph.trig", turtle_body(lines, self.compactor))
            self._write_all("graph.nq", _quads(lines, iri))
        self._write("graph.trig", "}\n\n")

    def report(self, part: ReportExports) -> None:
        """One report rendered ahead: its named graph and its section of the union."""
        self.triples += part.triples
        self._out("graph.trig").writelines(part.trig())
        self._out("graph.nq").writelines(part.nq())
        self._out("graph.nt").write(part.nt)
        self._out("graph.ttl").write(part.ttl)
        self._json_section(part.jsonld)

    def commit(self) -> list[Path]:
        """Finish, fsync and rename every file over its target."""
        self._write("graph.jsonld", "\n]\n")
        written = []
        for name, (handle, _tmp) in self._files.items():
            handle.flush()
            os.fsync(handle.fileno())
        self._stack.close()
        for name, (_handle, tmp) in self._files.items():
            os.replace(tmp, self.out_dir / name)
            written.append(self.out_dir / name)
        self._files.clear()
        return written

    def __exit__(self, *exc) -> None:
        self._stack.close()
        for _handle, tmp in self._files.values():
            Path(tmp).unlink(missing_ok=True)
        self._files.clear()


def graph_lines(graph: Graph) -> list[tuple[str | None, list[str]]]:
    """An rdflib graph as (graph IRI or None, sorted unique N-Triples lines) per named graph."""
    from .rdf import nt_term

    def lines(triples) -> list[str]:
        return sorted({f"{nt_term(s)} {nt_term(p)} {nt_term(o)} ." for s, p, o in triples})

    if isinstance(graph, (Dataset, ConjunctiveGraph)):
        out = []
        named = graph.graphs() if isinstance(graph, Dataset) else graph.contexts()  # (Dataset.contexts is deprecated)
        for context in sorted(named, key=lambda c: str(c.identifier)):
            found = lines(context.triples((None, None, None)))
            if found:
                name = str(context.identifier)
                out.append((None if name.startswith("urn:x-rdflib:default") else name, found))
        return sorted(out, key=lambda item: (item[0] is not None, item[0] or ""))
    return [(None, lines(graph))]


def serialize_turtle(graph: Graph) -> str:
    """Turtle of the graph (for a dataset: of the union), sorted: the same graph always gives the same bytes."""
    union = sorted({line for _name, found in graph_lines(graph) for line in found})
    prefixes = graph_prefixes(graph)
    return _prefix_header(prefixes) + "".join(turtle_body(union, _Compactor(prefixes)))


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


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_safe(value: object) -> object:
    """Text XML 1.0 can hold: control characters (a stray BEL in a report) would make GraphML unreadable."""
    return _NOT_XML.sub("\ufffd", value) if isinstance(value, str) else value


def _graphml(graph: nx.MultiDiGraph) -> bytes:
    if any(_NOT_XML.search(v) for _, a in graph.nodes(data=True) for v in a.values() if isinstance(v, str)) or any(
            _NOT_XML.search(v) for *_, a in graph.edges(data=True) for v in a.values() if isinstance(v, str)):
        safe = nx.MultiDiGraph()
        safe.add_nodes_from((_xml_safe(n), {k: _xml_safe(v) for k, v in a.items()}) for n, a in graph.nodes(data=True))
        safe.add_edges_from((_xml_safe(u), _xml_safe(v), key, {k: _xml_safe(x) for k, x in a.items()})
                            for u, v, key, a in graph.edges(keys=True, data=True))
        graph = safe
    buffer = io.BytesIO()
    nx.write_graphml(graph, buffer, encoding="utf-8")
    return buffer.getvalue()


def _node_link(graph: nx.MultiDiGraph) -> str:
    data = nx.node_link_data(graph, edges="links")
    data["nodes"] = sorted(data["nodes"], key=lambda n: n["id"])
    data["links"] = sorted(data["links"], key=lambda l: (l["source"], l["target"], str(l.get("key"))))
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)


_NX_RENDERERS = {
    "graph.graphml": _graphml,
    "graph.json": lambda graph: _node_link(graph).encode("utf-8"),
    "nodes.csv": lambda graph: _csv(_node_rows(graph)).encode("utf-8"),
    "edges.csv": lambda graph: _csv(_edge_rows(graph)).encode("utf-8"),
}
NX_FILES = tuple(_NX_RENDERERS)


def render_nx(graph: nx.MultiDiGraph, names: Sequence[str] = NX_FILES) -> dict[str, bytes]:
    """The NetworkX exports (or some of them), rendered in memory."""
    return {name: _NX_RENDERERS[name](graph) for name in names}


_CELL_BREAKS = re.compile(r"[\t\r\n]+")


def _cell(cell: object) -> str:
    """A cell's text on one line (the search runs only on the rare cell that needs it)."""
    text = "" if cell is None else str(cell)
    return _CELL_BREAKS.sub(" ", text) if ("\t" in text or "\n" in text or "\r" in text) else text


def write_tsv(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    """A tab-separated table (tabs and newlines inside cells become spaces), written atomically."""
    text = "\t".join(header) + "\n" + "".join("\t".join(map(_cell, row)) + "\n" for row in rows)
    atomic_write_text(path, text)


def _die_with_parent(parent: int) -> None:
    """On Linux, have the kernel kill this process when its parent dies (a SIGKILLed build leaves no
    writer behind that could recreate a temporary file after the next build has cleaned up)."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, 9)   # PR_SET_PDEATHSIG, SIGKILL
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:                          # the parent died before the call took effect
        os._exit(1)


def _nx_child(graph: nx.MultiDiGraph, out_dir: Path, names: Sequence[str], owner: int, conn) -> None:
    """In a forked process: render NetworkX exports into temporary files named for ``owner`` (the
    building process, so a later build keeps them while it lives) and report their paths."""
    _die_with_parent(owner)
    try:
        conn.send([(name, _write_temporary(out_dir, data, f".{name}.{owner}."))
                   for name, data in render_nx(graph, names).items()])
    finally:
        conn.close()


class NxWriter:
    """The NetworkX exports, written to temporary files while the caller streams the RDF exports (both
    take seconds on a corpus); ``commit`` renames them into place.

    They are rendered in a forked process meanwhile (the building process has the RDF's entity section to
    render then, so both cores are busy). Where ``fork`` is not available, or the child fails, everything is
    rendered by ``commit``.
    """
    FORKED = NX_FILES

    def __init__(self, graph: nx.MultiDiGraph, out_dir: Path):
        import multiprocessing

        self.graph, self.out_dir = graph, Path(out_dir)
        self._process = self._conn = None
        self.out_dir.mkdir(parents=True, exist_ok=True)
        if "fork" in multiprocessing.get_all_start_methods():
            context = multiprocessing.get_context("fork")
            self._conn, child_conn = context.Pipe(duplex=False)
            self._process = context.Process(target=_nx_child, daemon=True,
                                            args=(graph, self.out_dir, self.FORKED, os.getpid(), child_conn))
            gc.freeze()             # the child's collector then leaves the shared objects (and their pages) alone
            try:
                self._process.start()
            finally:
                gc.unfreeze()
            child_conn.close()

    def _forked(self) -> list[tuple[str, str]]:
        if self._process is None:
            return []
        try:
            found = self._conn.recv()
        except (EOFError, OSError):
            found = []
        self._process.join()
        self._conn.close()
        self._process = None
        return found

    def _render_here(self, names: Sequence[str]) -> list[tuple[str, str]]:
        return [(name, _write_temporary(self.out_dir, data, temp_prefix(name)))
                for name, data in render_nx(self.graph, names).items()]

    def _temporaries(self) -> list[tuple[str, str]]:
        rest = [name for name in NX_FILES if name not in self.FORKED or self._process is None]
        here = self._render_here(rest)
        forked = self._forked()
        if len(forked) != len(NX_FILES) - len(rest):      # the child failed: render its part here
            forked = self._render_here([name for name in NX_FILES if name not in rest])
        order = {name: i for i, name in enumerate(NX_FILES)}
        return sorted(here + forked, key=lambda item: order[item[0]])

    def commit(self) -> list[Path]:
        written = []
        for name, tmp in self._temporaries():
            os.replace(tmp, self.out_dir / name)
            written.append(self.out_dir / name)
        return written

    def abort(self) -> None:
        """Stop the child and remove what it wrote."""
        if self._process is not None:
            self._process.kill()
            self._process.join()
            self._conn.close()
            self._process = None
        for name in NX_FILES:
            for leftover in self.out_dir.glob(f".{name}.{os.getpid()}.*.tmp"):
                leftover.unlink(missing_ok=True)


def write_exports(rdf: Graph, graph: nx.MultiDiGraph, out_dir: Path) -> list[Path]:
    """Every format of an rdflib graph (a ``Dataset``: its named graphs in TriG and N-Quads) and a
    NetworkX graph. Everything is rendered before any file is replaced; each file is replaced atomically."""
    rendered_nx = render_nx(graph)
    named = graph_lines(rdf)
    union = sorted({line for _name, found in named for line in found})
    with RdfWriter(out_dir, graph_prefixes(rdf)) as writer:
        writer.union(union)
        for name, found in named:
            writer.named_graph(name, found)
        written = writer.commit()
    for name, data in rendered_nx.items():
        path = Path(out_dir) / name
        atomic_write_bytes(path, data)
        written.append(path)
    return written
