"""Interactive relationship views: self-contained HTML pages that work offline, and an overview picture.

``write_views`` reads a build (``graph.nt``, ``graph.ttl`` or ``graph.json``) or an rdflib graph and writes, into one
folder, ``index.html``, the whole-graph view ``graph.html``, one view per family (programmes,
institutions, awards, mechanisms), ego views on demand, and ``overview.png`` / ``overview.svg`` of the
programme network. Every page embeds vis-network (taken from the installed ``pyvis`` package), its data
as JSON inside ``<script type="application/json">`` and a Content-Security-Policy that forbids every
request; report text is only ever set as text, never parsed as markup.
"""
from __future__ import annotations

import base64
import hashlib
import html
import importlib.util
import io
import json
import math
import re
import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import networkx as nx
from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.namespace import PROV, SKOS
from rdflib.util import guess_format

from .export import atomic_write_bytes, atomic_write_text
from .rdf import nt_unescape, parse_nt_line
from .models import ENTITY_TYPES, RELATION_TYPES
from .vocab import KGO

__all__ = [
    "ViewError", "Family", "FAMILIES", "PHYSICS_MAX_NODES", "MAX_NODES",
    "load_view_graph", "graph_from_rdf", "graph_from_ntriples", "graph_from_nx", "family_graph", "find_entities",
    "ego_graph",
    "trim_graph", "layout_positions", "view_payload", "embed_json", "render_view", "render_index",
    "write_views", "write_overview", "find_cjk_font", "default_views_dir",
]

PHYSICS_MAX_NODES = 1000   # above this, positions are precomputed and physics is off
MAX_NODES = 2000           # a view shows at most this many entities (the best connected)
STATUSES = ("achieved", "planned", "unknown")
RELATIONS = tuple(r for r in RELATION_TYPES if r != "definedAs")
VIS_DIR = "vis-9.1.2"
_SENTENCES_KEPT = 10       # source sentences per node carried into the page
_TIP_SENTENCES = 3         # … and shown in its tooltip


class ViewError(Exception):
    """The views cannot be written (no graph, unreadable graph, unknown focus entity)."""


@dataclass(frozen=True)
class Family:
    """A family view: entities of the core types, their neighbours, and the relations touching them."""
    slug: str
    title: str
    core: tuple[str, ...]


FAMILIES = (
    Family("programmes", "项目与品牌 Programmes and brands", ("Program", "Brand")),
    Family("institutions", "机构 Institutions", ("Organization",)),
    Family("awards", "荣誉与获得者 Awards and recipients", ("Award",)),
    Family("mechanisms", "机制 Mechanisms", ("Mechanism",)),
)
WHOLE_TITLE = "全图 Whole graph"


# ---------------------------------------------------------------------------------------------
# Static resources


def _static_text(name: str) -> str:
    return resources.files("kg").joinpath("static", name).read_text(encoding="utf-8")


def _static_table(name: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(cell.strip() for cell in line.split("\t"))
                 for line in _static_text(name).splitlines() if line.strip() and not line.startswith("#"))


@cache
def type_styles() -> dict[str, dict[str, str]]:
    """Entity type → Chinese name, colour, vis-network shape (kg/static/types.tsv)."""
    return {row[0]: {"zh": row[1], "color": row[2], "shape": row[3]} for row in _static_table("types.tsv")}


@cache
def relation_styles() -> dict[str, dict[str, str]]:
    """Predicate → Chinese name, colour (kg/static/relations.tsv)."""
    return {row[0]: {"zh": row[1], "color": row[2]} for row in _static_table("relations.tsv")}


@cache
def status_names() -> dict[str, str]:
    return {row[0]: row[1] for row in _static_table("statuses.tsv")}


@cache
def vis_network_js() -> str:
    """vis-network's standalone script, read from the installed pyvis package (no network needed)."""
    spec = importlib.util.find_spec("pyvis")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        path = Path(folder) / "lib" / VIS_DIR / "vis-network.min.js"
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            if re.search(r"</script|<!--", text, re.IGNORECASE):
                raise ViewError(f"{path}: cannot be inlined safely")
            return text
    raise ViewError(f"vis-network script not found (pyvis/lib/{VIS_DIR}/vis-network.min.js); is pyvis installed?")


# ---------------------------------------------------------------------------------------------
# Reading a graph into the view model: a MultiDiGraph keyed by entity IRI (edge key = predicate)
# with tuples as attribute values.


def _status_sort(values: Iterable[str]) -> tuple[str, ...]:
    found = {v for v in values if v}
    return tuple(s for s in STATUSES if s in found) + tuple(sorted(found - set(STATUSES))) or ("unknown",)


def _local(iri) -> str:
    return str(iri).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def graph_from_rdf(rdf: Graph) -> nx.MultiDiGraph:
    """Entities (label, type, aliases, status, year, source sentences) and their direct relations,
    each relation carrying the status, year and sentences of its ``kgo:Fact``s."""
    rank = {getattr(KGO, t): i for i, t in enumerate(ENTITY_TYPES)}
    sentences: dict = {}
    for node, text in rdf.subject_objects(KGO.text):
        index = rdf.value(node, KGO.index)
        sentences[node] = (str(rdf.value(node, KGO.inReport) or ""), int(index) if index is not None else 0, str(text))

    def texts(nodes) -> tuple[str, ...]:
        known = sorted(sentences[n] for n in set(nodes) if n in sentences)
        return tuple(dict.fromkeys(text for _, _, text in known))

    types: dict[URIRef, URIRef] = {}
    for node, cls in rdf.subject_objects(RDF.type):
        if cls in rank and (node not in types or rank[cls] < rank[types[node]]):
            types[node] = cls
    graph = nx.MultiDiGraph()
    for node in sorted(types):
        label = rdf.value(node, RDFS.label) or rdf.value(node, SKOS.prefLabel) or _local(node)
        graph.add_node(str(node), label=str(label), type=_local(types[node]),
                       aliases=tuple(sorted({str(a) for a in rdf.objects(node, SKOS.altLabel)} - {str(label)})),
                       statuses=_status_sort(_local(s) for s in rdf.objects(node, KGO.status)),
                       years=tuple(sorted({int(y) for y in rdf.objects(node, KGO.year)})),
                       sentences=texts(rdf.objects(node, KGO.mentionedIn)),
                       definition="；".join(sorted(str(d) for d in rdf.objects(node, KGO.definedAs))))
    facts: dict[tuple, dict[str, set]] = {}
    for fact in rdf.subjects(RDF.type, KGO.Fact):
        key = (rdf.value(fact, RDF.subject), rdf.value(fact, RDF.predicate), rdf.value(fact, RDF.object))
        info = facts.setdefault(key, {"statuses": set(), "years": set(), "sentences": set()})
        info["statuses"].update(_local(s) for s in rdf.objects(fact, KGO.status))
        info["years"].update(int(y) for y in rdf.objects(fact, KGO.year))
        info["sentences"].update(rdf.objects(fact, PROV.wasDerivedFrom))
    for predicate in RELATIONS:
        prop = getattr(KGO, predicate)
        for subject, obj in sorted(rdf.subject_objects(prop)):
            if subject in types and obj in types:
                info = facts.get((subject, prop, obj), {"statuses": set(), "years": set(), "sentences": set()})
                graph.add_edge(str(subject), str(obj), key=predicate, predicate=predicate,
                               statuses=_status_sort(info["statuses"]), years=tuple(sorted(info["years"])),
                               sentences=texts(info["sentences"]))
    return graph


def graph_from_ntriples(lines: Iterable[str]) -> nx.MultiDiGraph:
    """The same view model as ``graph_from_rdf``, read straight from N-Triples lines (``graph.nt``) without
    an rdflib graph: a corpus build's union holds millions of triples, which rdflib would hold in
    gigabytes and read for minutes, while the views need only labels, types, facts and sentences."""
    iri = {name: f"{KGO}{name}" for name in ("text", "index", "inReport", "status", "year", "mentionedIn",
                                             "definedAs", "Fact")}
    rank = {f"{KGO}{t}": i for i, t in enumerate(ENTITY_TYPES)}
    relations = {f"{KGO}{r}": r for r in RELATIONS}
    rdf_type, fact_parts = str(RDF.type), {str(RDF.subject): 0, str(RDF.predicate): 1, str(RDF.object): 2}
    labels = {str(RDFS.label): 0, str(SKOS.prefLabel): 1}
    texts: dict[str, str] = {}
    index: dict[str, int] = {}
    report: dict[str, str] = {}
    types: dict[str, str] = {}
    named: dict[str, dict[int, str]] = {}
    many: dict[str, dict[str, set]] = {}          # attribute → node → values
    facts: dict[str, list] = {}                   # fact → [subject, predicate, object]
    edges: set[tuple[str, str, str]] = set()
    for line in lines:
        if not line.strip():
            continue
        s_tok, p_tok, o_tok = parse_nt_line(line.rstrip("\n"))
        subject, predicate = s_tok[1:-1], p_tok[1:-1]
        value = o_tok[1:-1] if o_tok[0] == "<" else nt_unescape(o_tok[1:o_tok.rindex('"')])
        if predicate == rdf_type:
            if value in rank and (subject not in types or rank[value] < rank[types[subject]]):
                types[subject] = value
            elif value == iri["Fact"]:
                facts.setdefault(subject, [None, None, None])
        elif predicate in relations:
            edges.add((subject, relations[predicate], value))
        elif predicate in fact_parts:
            facts.setdefault(subject, [None, None, None])[fact_parts[predicate]] = value
        elif predicate in labels:
            named.setdefault(subject, {}).setdefault(labels[predicate], value)
        elif predicate == iri["text"]:
            texts[subject] = value
        elif predicate == iri["index"]:
            index[subject] = int(value)
        elif predicate == iri["inReport"]:
            report[subject] = value
        elif predicate in (iri["status"], iri["year"], iri["mentionedIn"], iri["definedAs"], str(SKOS.altLabel),
                           str(PROV.wasDerivedFrom)):
            many.setdefault(predicate, {}).setdefault(subject, set()).add(value)

    def values(name: str, node: str) -> set:
        return many.get(name, {}).get(node, set())

    def sentence_texts(nodes) -> tuple[str, ...]:
        known = sorted((report.get(n, ""), index.get(n, 0), texts[n]) for n in set(nodes) if n in texts)
        return tuple(dict.fromkeys(text for _, _, text in known))

    graph = nx.MultiDiGraph()
    for node in sorted(types):
        label = next((named[node][k] for k in (0, 1) if k in named.get(node, {})), None) or _local(node)
        graph.add_node(node, label=label, type=_local(types[node]),
                       aliases=tuple(sorted(values(str(SKOS.altLabel), node) - {label})),
                       statuses=_status_sort(_local(v) for v in values(iri["status"], node)),
                       years=tuple(sorted({int(y) for y in values(iri["year"], node)})),
                       sentences=sentence_texts(values(iri["mentionedIn"], node)),
                       definition="；".join(sorted(values(iri["definedAs"], node))))
    info: dict[tuple, dict[str, set]] = {}
    for fact, (subject, predicate, obj) in facts.items():
        if predicate in relations:
            found = info.setdefault((subject, relations[predicate], obj), {"statuses": set(), "years": set(),
                                                                           "sentences": set()})
            found["statuses"].update(_local(v) for v in values(iri["status"], fact))
            found["years"].update(int(y) for y in values(iri["year"], fact))
            found["sentences"].update(values(str(PROV.wasDerivedFrom), fact))
    for predicate in RELATIONS:
        for subject, _, obj in sorted(e for e in edges if e[1] == predicate):
            if subject in types and obj in types:
                found = info.get((subject, predicate, obj), {"statuses": set(), "years": set(), "sentences": set()})
                graph.add_edge(subject, obj, key=predicate, predicate=predicate,
                               statuses=_status_sort(found["statuses"]), years=tuple(sorted(found["years"])),
                               sentences=sentence_texts(found["sentences"]))
    return graph


def _split(value) -> list[str]:
    return [part for part in str(value or "").split("|") if part]


def graph_from_nx(source: nx.Graph) -> nx.MultiDiGraph:
    """The view model from a ``kg.nxgraph.build_nx`` graph (or its node-link JSON, ``graph.json``)."""
    graph = nx.MultiDiGraph()
    for node, a in sorted(source.nodes(data=True), key=lambda item: str(item[0])):
        label = str(a.get("label") or _local(node))
        graph.add_node(str(node), label=label, type=a.get("type") if a.get("type") in ENTITY_TYPES else "Concept",
                       aliases=tuple(sorted(set(_split(a.get("aliases"))) - {label})),
                       statuses=_status_sort(_split(a.get("status"))),
                       years=tuple(sorted({int(y) for y in _split(a.get("years")) if y.isdigit()})),
                       sentences=(str(a["sentence"]),) if a.get("sentence") else (), definition="")
    merged: dict[tuple, dict[str, set]] = {}
    for u, v, a in source.edges(data=True):
        predicate = a.get("predicate")
        if predicate not in RELATIONS:
            continue
        info = merged.setdefault((str(u), str(v), predicate), {"statuses": set(), "years": set(), "sentences": set()})
        info["statuses"].update(_split(a.get("status")))
        info["years"].update(int(y) for y in _split(a.get("year")) if y.isdigit())
        if a.get("sentence"):
            info["sentences"].add(str(a["sentence"]))
    for (u, v, predicate), info in sorted(merged.items()):
        graph.add_edge(u, v, key=predicate, predicate=predicate, statuses=_status_sort(info["statuses"]),
                       years=tuple(sorted(info["years"])), sentences=tuple(sorted(info["sentences"])))
    return graph


def load_view_graph(source: Path | str | Graph | nx.Graph) -> nx.MultiDiGraph:
    """A build folder (its ``graph.nt``, else ``graph.ttl``, else ``graph.json``), an RDF file, a node-link
    JSON file, an rdflib ``Graph`` or a NetworkX graph → the view model."""
    if isinstance(source, Graph):
        return graph_from_rdf(source)
    if isinstance(source, nx.Graph):
        return graph_from_nx(source)
    path = Path(source)
    if path.is_dir():
        found = [path / name for name in ("graph.nt", "graph.ttl", "graph.json") if (path / name).is_file()]
        if not found:
            raise ViewError(f"{path}: no graph.nt, graph.ttl or graph.json here (run `kg build` first)")
        path = found[0]
    if not path.is_file():
        raise ViewError(f"{path}: no such file or folder (run `kg build` first)")
    try:
        if path.suffix.lower() == ".nt":  # the build's own N-Triples: read without rdflib (corpus builds)
            with open(path, encoding="utf-8") as handle:
                return graph_from_ntriples(handle)
        if path.suffix.lower() == ".json":
            data = json.loads(path.read_text(encoding="utf-8"))
            return graph_from_nx(nx.node_link_graph(data, directed=True, multigraph=True, edges="links"))
        return graph_from_rdf(Graph().parse(path, format=guess_format(str(path)) or "turtle"))
    except (OSError, ValueError, SyntaxError, KeyError, TypeError, IndexError) as error:
        raise ViewError(f"{path}: cannot read the graph: {error}") from error


def default_views_dir(source: Path | str) -> Path:
    """``BUILD/views`` for a build folder, the file's folder + ``views`` for a graph file."""
    path = Path(source)
    return (path if path.is_dir() else path.parent) / "views"


# ---------------------------------------------------------------------------------------------
# Choosing what a view shows


def family_graph(graph: nx.MultiDiGraph, family: Family) -> nx.MultiDiGraph:
    """The family's entities, their neighbours, and the relations that touch a family entity."""
    core = {n for n, t in graph.nodes(data="type") if t in family.core}
    edges = [(u, v, k) for u, v, k in graph.edges(keys=True) if u in core or v in core]
    keep = core | {u for u, _, _ in edges} | {v for _, v, _ in edges}
    sub = nx.MultiDiGraph()
    sub.add_nodes_from((n, graph.nodes[n]) for n in sorted(keep))
    sub.add_edges_from((u, v, k, graph.edges[u, v, k]) for u, v, k in edges)
    return sub


def find_entities(graph: nx.MultiDiGraph, name: str) -> list[str]:
    """Entities called ``name``: exact label, else exact alias, else label or alias containing it."""
    query = name.strip().casefold()
    if not query:
        return []
    names = {n: (a["label"].casefold(), [x.casefold() for x in a["aliases"]]) for n, a in graph.nodes(data=True)}
    for test in (lambda label, aliases: label == query,
                 lambda label, aliases: query in aliases,
                 lambda label, aliases: query in label or any(query in x for x in aliases)):
        hits = sorted(n for n, (label, aliases) in names.items() if test(label, aliases))
        if hits:
            return hits
    return []


def ego_graph(graph: nx.MultiDiGraph, centres: Iterable[str], depth: int = 2) -> nx.MultiDiGraph:
    """Everything within ``depth`` relations of the centres, whatever the direction."""
    undirected = graph.to_undirected(as_view=True)
    keep: set[str] = set()
    for centre in centres:
        keep |= set(nx.single_source_shortest_path_length(undirected, centre, cutoff=depth))
    return graph.subgraph(sorted(keep)).copy()


def trim_graph(graph: nx.MultiDiGraph, max_nodes: int, keep: Iterable[str] = ()) -> tuple[nx.MultiDiGraph, int]:
    """At most ``max_nodes`` entities, the best connected first (``keep`` always stays); and how many went."""
    if len(graph) <= max_nodes:
        return graph, 0
    kept = set(keep)
    ranked = sorted(graph.nodes, key=lambda n: (n not in kept, -graph.degree(n), graph.nodes[n]["label"], n))
    return graph.subgraph(ranked[:max_nodes]).copy(), len(graph) - max_nodes


def _in_order(graph: nx.MultiDiGraph, dropped: int) -> tuple[nx.MultiDiGraph, int]:
    """The same graph with nodes and edges in sorted order: drawing order then does not depend on the
    order of sets in the process that loaded it (a picture byte-identical on every run)."""
    ordered = nx.MultiDiGraph()
    ordered.add_nodes_from(sorted(graph.nodes(data=True), key=lambda item: item[0]))
    ordered.add_edges_from(sorted(graph.edges(keys=True, data=True), key=lambda e: (e[0], e[1], str(e[2]))))
    return ordered, dropped


def layout_positions(graph: nx.Graph, seed: int = 7, iterations: int = 60,
                     gravity: float = 1.0) -> dict[str, tuple[float, float]]:
    """Fruchterman–Reingold positions in the unit square, with a little gravity so separate components
    and lone nodes stay near the middle. Dense NumPy, no SciPy; same graph and seed, same positions."""
    import numpy as np

    nodes = sorted(graph.nodes)
    n = len(nodes)
    if n <= 1:
        return {node: (0.5, 0.5) for node in nodes}
    index = {node: i for i, node in enumerate(nodes)}
    pairs = sorted({(index[u], index[v]) for u, v in graph.edges() if u != v})
    src = np.array([p[0] for p in pairs], dtype=np.intp)
    dst = np.array([p[1] for p in pairs], dtype=np.intp)
    pos = np.random.default_rng(seed).random((n, 2))
    k = math.sqrt(1.0 / n)
    step = 0.1
    cooling = step / (iterations + 1)
    for _ in range(iterations):
        # repulsion k²/d along each pair, summed without an n×n×2 array: Σ_j w_ij (p_i − p_j)
        square = (pos * pos).sum(axis=1)
        weight = square[:, None] + square[None, :] - 2.0 * (pos @ pos.T)
        np.maximum(weight, 1e-6, out=weight)
        np.divide(k * k, weight, out=weight)
        np.fill_diagonal(weight, 0.0)
        disp = pos * weight.sum(axis=1)[:, None] - weight @ pos
        if len(pairs):
            d = pos[src] - pos[dst]
            pull = d * (np.sqrt((d * d).sum(axis=1)) / k)[:, None]
            np.add.at(disp, src, -pull)
            np.add.at(disp, dst, pull)
        disp -= gravity * (pos - pos.mean(axis=0))
        length = np.sqrt((disp * disp).sum(axis=1))
        np.maximum(length, 1e-9, out=length)
        pos += disp * (np.minimum(length, step) / length)[:, None]
        step -= cooling
    low, high = pos.min(axis=0), pos.max(axis=0)
    pos = (pos - low) / np.maximum(high - low, 1e-9)
    return {node: (float(x), float(y)) for node, (x, y) in zip(nodes, pos)}


# ---------------------------------------------------------------------------------------------
# Rendering


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _node_tip(attrs: dict, degree: int) -> str:
    style = type_styles().get(attrs["type"], {"zh": ""})
    lines = [attrs["label"], f"类型 Type: {style['zh']} {attrs['type']}"]
    if attrs["aliases"]:
        lines.append("别名 Aliases: " + "、".join(attrs["aliases"]))
    lines.append("状态 Status: " + ", ".join(attrs["statuses"]))
    if attrs["years"]:
        lines.append("年份 Year: " + ", ".join(map(str, attrs["years"])))
    lines.append(f"关系 Relations: {degree}")
    if attrs.get("definition"):
        lines.append("定义 Definition: " + _clip(attrs["definition"], 160))
    sentences = attrs["sentences"]
    if sentences:
        lines.append("来源 Source:")
        lines += ["· " + _clip(s, 140) for s in sentences[:_TIP_SENTENCES]]
        if len(sentences) > _TIP_SENTENCES:
            lines.append(f"… (+{len(sentences) - _TIP_SENTENCES})")
    return "\n".join(lines)


def _edge_tip(source: str, predicate: str, target: str, attrs: dict) -> str:
    zh = relation_styles().get(predicate, {}).get("zh", "")
    lines = [f"{source} → {predicate} {zh} → {target}", "状态 Status: " + ", ".join(attrs["statuses"])]
    if attrs["years"]:
        lines.append("年份 Year: " + ", ".join(map(str, attrs["years"])))
    if attrs["sentences"]:
        lines.append("来源 Source:")
        lines += ["· " + _clip(s, 140) for s in attrs["sentences"][:_TIP_SENTENCES]]
    return "\n".join(lines)


def view_payload(graph: nx.MultiDiGraph, title: str, notes: Iterable[str] = (),
                 physics: bool | None = None) -> dict:
    """Everything a page draws, as plain JSON-able data (ids are small integers)."""
    nodes = sorted(graph.nodes, key=lambda n: (graph.nodes[n]["type"], graph.nodes[n]["label"], n))
    ids = {node: i for i, node in enumerate(nodes)}
    physics = len(nodes) <= PHYSICS_MAX_NODES if physics is None else physics
    positions = layout_positions(graph)
    spread = 110.0 * math.sqrt(max(len(nodes), 4))
    styles = type_styles()
    out_nodes = []
    for node in nodes:
        a = graph.nodes[node]
        degree = graph.degree(node)
        x, y = positions[node]
        out_nodes.append({
            "id": ids[node], "iri": node, "label": a["label"], "short": _clip(a["label"], 14),
            "type": a["type"] if a["type"] in styles else "Concept", "aliases": list(a["aliases"]),
            "statuses": list(a["statuses"]), "years": list(a["years"]),
            "sentences": list(a["sentences"][:_SENTENCES_KEPT]), "definition": a.get("definition", ""),
            "value": degree + 1, "tip": _node_tip(a, degree),
            "x": round((x - 0.5) * spread, 1), "y": round((y - 0.5) * spread, 1),
        })
    out_edges = []
    for i, (u, v, key, a) in enumerate(sorted(graph.edges(keys=True, data=True), key=lambda e: (ids[e[0]], ids[e[1]], e[2]))):
        out_edges.append({"id": i, "from": ids[u], "to": ids[v], "label": key, "statuses": list(a["statuses"]),
                          "years": list(a["years"]),
                          "tip": _edge_tip(graph.nodes[u]["label"], key, graph.nodes[v]["label"], a)})
    type_counts: dict[str, int] = {}
    for n in out_nodes:
        type_counts[n["type"]] = type_counts.get(n["type"], 0) + 1
    status_counts = {s: sum(s in n["statuses"] for n in out_nodes) for s in STATUSES}
    relation_counts = {r: sum(e["label"] == r for e in out_edges) for r in RELATIONS}
    return {
        "title": title, "physics": physics, "iterations": 400 if len(nodes) <= 300 else 200,
        "notes": list(notes),
        "types": [{"name": t, "zh": s["zh"], "color": s["color"], "border": _darker(s["color"]), "shape": s["shape"],
                   "count": type_counts[t]} for t, s in styles.items() if t in type_counts],
        "statuses": [{"name": s, "zh": status_names().get(s, s), "count": status_counts[s]} for s in STATUSES
                     if status_counts[s]],
        "relations": [{"name": r, "zh": relation_styles().get(r, {}).get("zh", ""), "count": c}
                      for r, c in relation_counts.items() if c],
        "nodes": out_nodes, "edges": out_edges,
    }


def _darker(colour: str, factor: float = 0.7) -> str:
    value = int(colour.lstrip("#"), 16)
    r, g, b = (value >> 16) & 255, (value >> 8) & 255, value & 255
    return f"#{int(r * factor):02x}{int(g * factor):02x}{int(b * factor):02x}"


def embed_json(value) -> str:
    """JSON that is safe inside ``<script type="application/json">``: no ``<``, ``>`` or ``&`` (so no
    ``</script>`` or ``<!--``), and no U+2028/U+2029.

    >>> embed_json({"name": "</script><b>&"})
    '{"name":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for char, escape in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escape)
    return text


def _script_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def _fill(template: str, values: dict[str, str]) -> str:
    """Replace ``@@NAME@@`` markers in one pass, so inserted text is never scanned again."""
    return re.sub(r"@@([A-Z]+)@@", lambda m: values[m.group(1)], template)


def render_view(graph: nx.MultiDiGraph, title: str, notes: Iterable[str] = (), physics: bool | None = None) -> str:
    """One self-contained HTML page: vis-network, the app script, CSS and data inline; a CSP that
    allows only those two scripts and no request at all."""
    payload = view_payload(graph, title, notes, physics)
    vis_js, app_js = vis_network_js(), _static_text("view.js")
    csp = ("default-src 'none'; script-src " + _script_hash(vis_js) + " " + _script_hash(app_js)
           + "; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'")
    return _fill(_static_text("view.html"), {
        "CSP": csp, "TITLE": html.escape(title), "CSS": _static_text("view.css"),
        "DATA": embed_json(payload), "VIS": vis_js, "APP": app_js,
    })


def render_index(views: list[dict], source: str, figure: str | None = None) -> str:
    """The page linking every view, with entity and relation counts and the overview picture."""
    rows = []
    for view in views:
        name = html.escape(view["title"])
        cell = f'<a href="{html.escape(view["file"])}">{name}</a>' if view["entities"] else f"{name}（无 none）"
        rows.append(f'<tr><td>{cell}</td><td class="n">{view["entities"]:,}</td>'
                    f'<td class="n">{view["relations"]:,}</td><td class="note">{html.escape(" ".join(view["notes"]))}</td></tr>')
    picture = ""
    if figure:
        picture = (f'<figure><img src="{html.escape(figure)}.png" alt="项目网络 Programme network">'
                   f'<figcaption>项目网络概览 Programme network overview: '
                   f'<a href="{html.escape(figure)}.png">PNG</a> · <a href="{html.escape(figure)}.svg">SVG</a>'
                   f'</figcaption></figure>')
    return _fill(_static_text("index.html"), {
        "TITLE": "关系视图 Relationship views", "SOURCE": "数据 Source: " + html.escape(source),
        "ROWS": "\n".join(rows), "FIGURE": picture,
    })


# ---------------------------------------------------------------------------------------------
# The overview picture


_MARKERS = {"dot": "o", "star": "*", "diamond": "D", "square": "s", "triangle": "^", "triangleDown": "v",
            "hexagon": "h"}
_CJK_FONTS = ("WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC",
              "Source Han Sans CN", "SimHei", "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", "AR PL UMing CN")


def find_cjk_font() -> str | None:
    """The family name of an installed font with Chinese glyphs (fonts-wqy-microhei first), or None."""
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    for name in _CJK_FONTS:
        if name in installed:
            return name
    # The font cache may predate the font: look at the files themselves.
    for path in sorted(font_manager.findSystemFonts()):
        if re.search(r"wqy|NotoSans\w*CJK|SourceHanSans|simhei|msyh|PingFang", Path(path).name, re.IGNORECASE):
            try:
                font_manager.fontManager.addfont(path)
                return font_manager.FontProperties(fname=path).get_name()
            except (OSError, RuntimeError, ValueError):
                continue
    return None


def write_overview(graph: nx.MultiDiGraph, stem: Path, title: str = "项目网络 Programme network",
                   max_nodes: int = 150) -> list[Path]:
    """``stem.png`` and ``stem.svg``: the connected part of ``graph``, coloured by type, labelled in Chinese."""
    from matplotlib import rc_context
    from matplotlib.collections import LineCollection
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    connected = graph.subgraph([n for n in graph if graph.degree(n) > 0]).copy()
    shown, dropped = _in_order(*trim_graph(connected, max_nodes))
    font = find_cjk_font()
    if font is None:
        warnings.warn("no CJK font found (install fonts-wqy-microhei): Chinese labels in the overview picture "
                      "will not render", RuntimeWarning, stacklevel=2)
    styles, relations = type_styles(), relation_styles()
    positions = layout_positions(shown, iterations=120)
    subtitle = f"{len(shown)} 个实体 entities, {shown.number_of_edges()} 条关系 relations"
    if dropped:
        subtitle += f"; 仅显示连接最多的 {len(shown)} / {len(connected)} 个 (the best-connected)"
    lonely = len(graph) - len(connected)
    if lonely:
        subtitle += f"; {lonely} 个无关系实体未显示 (without relations, not shown)"
    rc = {"font.family": [font, "DejaVu Sans"] if font else ["DejaVu Sans"], "svg.hashsalt": "kg", "axes.unicode_minus": False}
    with rc_context(rc), warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Glyph .* missing")
        fig = Figure(figsize=(16, 11), dpi=120)
        ax = fig.add_axes((0.01, 0.01, 0.98, 0.92))
        ax.set_axis_off()
        fig.suptitle(f"{title}\n{subtitle}", fontsize=14, y=0.985)
        for predicate in RELATIONS:
            segments = [(positions[u], positions[v]) for u, v, k in shown.edges(keys=True) if k == predicate]
            if segments:
                ax.add_collection(LineCollection(segments, colors=relations[predicate]["color"], linewidths=1.0,
                                                 alpha=0.55, zorder=1))
        degree = dict(shown.degree())
        for type_name, style in styles.items():
            members = [n for n in shown if shown.nodes[n]["type"] == type_name]
            if members:
                ax.scatter([positions[n][0] for n in members], [positions[n][1] for n in members],
                           s=[40 + 28 * degree[n] for n in members], c=style["color"],
                           marker=_MARKERS.get(style["shape"], "o"), edgecolors=_darker(style["color"]),
                           linewidths=0.6, zorder=2)
        labelled = sorted(shown, key=lambda n: (-degree[n], n))[: 90]
        for node in labelled:
            x, y = positions[node]
            ax.annotate(_clip(shown.nodes[node]["label"], 16), (x, y), xytext=(0, 7), textcoords="offset points",
                        ha="center", va="bottom", fontsize=8 if degree[node] < 4 else 9.5, zorder=3,
                        bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.6})
        ax.set_xlim(-0.05, 1.05)
        ax.set_ylim(-0.05, 1.06)
        present = {shown.nodes[n]["type"] for n in shown}
        handles = [Line2D([], [], linestyle="", marker=_MARKERS.get(s["shape"], "o"), color=s["color"], markersize=9,
                          label=f"{s['zh']} {t}") for t, s in styles.items() if t in present]
        handles += [Line2D([], [], color=relations[p]["color"], linewidth=2, label=f"{relations[p]['zh']} {p}")
                    for p in RELATIONS if any(k == p for _, _, k in shown.edges(keys=True))]
        if handles:
            ax.legend(handles=handles, loc="lower left", fontsize=9, frameon=True, framealpha=0.85)
        written = []
        for suffix, options in ((".png", {"metadata": {"Software": None}}),
                                (".svg", {"metadata": {"Date": None, "Creator": None}})):
            buffer = io.BytesIO()
            with rc_context({"svg.hashsalt": "kg"}):  # the same ids in the SVG on every run
                fig.savefig(buffer, format=suffix[1:], **options)
            path = stem.with_suffix(suffix)
            atomic_write_bytes(path, buffer.getvalue())
            written.append(path)
    return written


# ---------------------------------------------------------------------------------------------
# Writing a folder of views


def _slug(name: str) -> str:
    return re.sub(r"[^\w]+", "_", name).strip("_")[:60] or "entity"


def _read_manifest(folder: Path) -> list[dict]:
    try:
        return json.loads((folder / "views.json").read_text(encoding="utf-8"))["views"]
    except (OSError, ValueError, KeyError, TypeError):
        return []


def write_views(source: Path | str | Graph | nx.Graph = Path("exports"), out_dir: Path | str | None = None, *,
                focus: str | None = None, depth: int = 2, max_nodes: int = MAX_NODES,
                overview: bool = True) -> list[Path]:
    """Write the views of a graph; returns the files written.

    Without ``focus``: the whole graph, one view per family, the overview picture. With ``focus``:
    the ego view of the entities so named (label or alias) to ``depth`` relations. The index and
    ``views.json`` always list every view present in the folder.
    """
    if out_dir is None:
        if isinstance(source, (Graph, nx.Graph)):
            raise ViewError("an output folder is needed for an in-memory graph")
        out_dir = default_views_dir(source)
    out = Path(out_dir)
    graph = load_view_graph(source)
    source_label = str(out.parent) if isinstance(source, (Graph, nx.Graph)) else str(source)
    entries = {v["file"]: v for v in _read_manifest(out) if (out / v["file"]).is_file()}
    if focus is None:
        entries = {f: v for f, v in entries.items() if v.get("kind") == "ego"}
        specs = [("graph", "whole", WHOLE_TITLE, graph, ())]
        specs += [(f.slug, "family", f.title, family_graph(graph, f), ()) for f in FAMILIES]
    else:
        centres = find_entities(graph, focus)
        if not centres:
            raise ViewError(f"no entity named {focus!r} (matched against names and aliases)")
        labels = sorted({graph.nodes[c]["label"] for c in centres})
        if len(labels) > 1 and graph.nodes[centres[0]]["label"].casefold() != focus.strip().casefold():
            shown = "、".join(labels[:10]) + ("…" if len(labels) > 10 else "")
            raise ViewError(f"{focus!r} matches {len(labels)} entities: {shown}; give the full name")
        specs = [(f"ego-{_slug(focus)}-d{depth}", "ego", f"{focus} · 局部 Ego view, depth {depth}",
                  ego_graph(graph, centres, depth), tuple(centres))]
    written: list[Path] = []
    for slug, kind, title, sub, keep in specs:
        path = out / f"{slug}.html"
        shown, dropped = trim_graph(sub, max_nodes, keep)
        notes = []
        if dropped:
            notes.append(f"已截取：只显示连接最多的 {len(shown):,} / {len(sub):,} 个实体。"
                         f"Trimmed: showing the {len(shown):,} best-connected of {len(sub):,} entities.")
        if len(shown) > PHYSICS_MAX_NODES:
            notes.append("大图：位置已预先计算，物理模拟关闭。Large view: positions precomputed, physics off.")
        entry = {"file": path.name, "kind": kind, "title": title, "entities": len(shown),
                 "relations": shown.number_of_edges(), "total_entities": len(sub), "notes": notes}
        if len(sub):
            atomic_write_text(path, render_view(shown, title, notes))
            written.append(path)
        else:
            path.unlink(missing_ok=True)
        entries[path.name] = entry
    figure = None
    if focus is None and overview:
        programmes = family_graph(graph, FAMILIES[0])
        if programmes.number_of_edges():
            try:
                written += write_overview(programmes, out / "overview")
                figure = "overview"
            except ImportError:
                warnings.warn("matplotlib is not installed: no overview picture", RuntimeWarning, stacklevel=2)
    elif (out / "overview.png").is_file():
        figure = "overview"
    order = {"whole": 0, "family": 1, "ego": 2}
    views = sorted(entries.values(), key=lambda v: (order.get(v["kind"], 3),
                                                    [f.slug for f in FAMILIES].index(v["file"][:-5])
                                                    if v["kind"] == "family" else 0, v["file"]))
    manifest = {"source": source_label, "views": views}
    atomic_write_text(out / "views.json", json.dumps(manifest, ensure_ascii=False, indent=1) + "\n")
    atomic_write_text(out / "index.html", render_index(views, source_label, figure))
    written += [out / "views.json", out / "index.html"]
    return written
