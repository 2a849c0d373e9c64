"""Stage 5b: extractions → one NetworkX MultiDiGraph with the same entities and facts as the RDF graph.

Node keys are the entities' IRIs as ``kg.corpus`` resolves them (so an entity named by several
reports is one node); attributes are scalars (lists joined by '|') so every NetworkX writer,
GraphML included, can store them.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence

import networkx as nx

from .config import Config
from .corpus import ReportResolution, admin_level, resolve_report
from .models import Extraction

__all__ = ["build_nx", "add_report", "add_part", "nx_part", "NxPart", "finish"]

_SPECIFIC = {"Program": "Brand"}  # a node typed both ways shows the more specific type


def _join(values) -> str:
    return "|".join(str(v) for v in sorted(set(values)))


_PENDING = "_pending_merges"


def _merge_later(graph: nx.MultiDiGraph, node: str, name: str, new) -> None:
    """Merge ``new`` into the '|'-joined ``attrs[name]``, deferred to ``finish``: re-joining a node's reports
    at every report that names it would be quadratic in the reports of a corpus. The result is what merging
    at once would give: the earlier values split at '|' (empty pieces dropped), the last ones as they are."""
    pending = graph.graph.setdefault(_PENDING, {})
    found = pending.get((node, name))
    if found is None:
        pieces = set(filter(None, graph.nodes[node][name].split("|")))
    else:
        pieces, last = found
        pieces.update(filter(None, "|".join(last).split("|")))
    pending[(node, name)] = (pieces, [str(value) for value in new])


def build_nx(extractions: Iterable[Extraction], config: Config = Config(),
             resolutions: Sequence[ReportResolution] | None = None) -> nx.MultiDiGraph:
    """One node per entity, one edge per (relation, sentence)."""
    extractions = list(extractions)
    if resolutions is None:
        resolutions = [resolve_report(x, config.base_iri) for x in extractions]
    graph = nx.MultiDiGraph()
    for extraction, resolution in sorted(zip(extractions, resolutions), key=lambda p: p[0].document.doc_id):
        add_report(graph, extraction, resolution)
    return finish(graph)


@dataclass(frozen=True)
class NxPart:
    """One report's contribution to the NetworkX graph, computed where the report is built (a worker)
    so the extraction itself need not travel to the process that merges the reports."""
    doc_id: str
    entities: tuple[tuple, ...]     # (node, label, type, aliases, statuses, years, confidence, mentions, sentence)
    places: tuple[tuple[str, str, str], ...]    # (node, label, level)
    edges: tuple[tuple[str, str, str, dict], ...]


def nx_part(extraction: Extraction, resolution: ReportResolution) -> NxPart:
    """What ``add_part`` adds to the graph for one report (entities sorted by type and name)."""
    doc = extraction.document
    iris = {name: res.iri for name, res in resolution.entities.items()}
    entities = []
    for entity in sorted(extraction.entities, key=lambda e: (e.type, e.name)):
        res = resolution.entities[entity.name]
        used = sorted(entity.sentences())
        statuses = {doc.sentences[i].status for i in used} or {"unknown"}
        years = {doc.sentences[i].year for i in used} - {None}
        first = doc.sentences[used[0]].text if used else ""
        aliases = (entity.aliases | {entity.name}) - {res.label}
        entities.append((res.iri, res.label, entity.type, aliases, statuses, years, round(entity.confidence, 3),
                         len(entity.mentions), first))
    places = tuple((res.iri, res.label, admin_level(res.label)) for res in resolution.places.values())
    edges = []
    for rel in sorted(extraction.relations, key=lambda r: (r.subject, r.predicate, r.object, r.sentence)):
        if rel.subject not in iris or rel.object not in iris:
            continue
        sentence = doc.sentences[rel.sentence]
        edges.append((iris[rel.subject], iris[rel.object], f"{rel.predicate}@{doc.doc_id}#{rel.sentence}",
                      dict(predicate=rel.predicate, status=sentence.status,
                           year=sentence.year if sentence.year is not None else "",
                           confidence=round(rel.confidence, 3), sentence=sentence.text, report=doc.doc_id)))
    return NxPart(doc.doc_id, tuple(entities), places, tuple(edges))


def add_report(graph: nx.MultiDiGraph, extraction: Extraction, resolution: ReportResolution) -> None:
    """Add one report's entities, places and facts to ``graph``."""
    add_part(graph, nx_part(extraction, resolution))


def add_part(graph: nx.MultiDiGraph, part: NxPart) -> None:
    """Add one report's part to ``graph`` (a corpus build adds each report as it arrives, so the
    extraction need not be kept once it is in)."""
    doc_id = part.doc_id
    for node, label, typ, aliases, statuses, years, confidence, mentions, first in part.entities:
        if node in graph:
            attrs = graph.nodes[node]
            _merge_later(graph, node, "aliases", aliases)
            _merge_later(graph, node, "status", statuses)
            _merge_later(graph, node, "years", years)
            _merge_later(graph, node, "reports", [doc_id])
            attrs["mentions"] += mentions
            attrs["confidence"] = max(attrs["confidence"], confidence)
            if _SPECIFIC.get(attrs["type"]) == typ:
                attrs["type"] = typ
            if not attrs["sentence"]:
                attrs["sentence"] = first
        else:
            graph.add_node(node, label=label, type=typ, aliases=_join(aliases), status=_join(statuses),
                           years=_join(years), confidence=confidence, mentions=mentions, sentence=first,
                           reports=doc_id)
    for node, label, level in part.places:      # the report's place and the places above it
        if node in graph:
            _merge_later(graph, node, "reports", [doc_id])
        else:
            graph.add_node(node, label=label, type="Place", aliases="", status="unknown", years="",
                           confidence=1.0, mentions=0, sentence="", reports=doc_id)
        graph.nodes[node]["level"] = level
    for u, v, key, attrs in part.edges:
        graph.add_edge(u, v, key=key, **attrs)


def finish(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Every node carries a level (empty unless it is an administrative place); merged attributes are joined."""
    for (node, name), (pieces, last) in graph.graph.pop(_PENDING, {}).items():
        graph.nodes[node][name] = _join(pieces | set(last))
    for _, attrs in graph.nodes(data=True):
        attrs.setdefault("level", "")
    return graph
