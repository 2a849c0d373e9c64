"""Stage 5b: extractions → one NetworkX MultiDiGraph with the same entities and facts as the RDF graph.

Node keys are the entities' IRIs as ``kg.corpus`` resolves them (so an entity named by several
reports is one node); attributes are scalars (lists joined by '|') so every NetworkX writer,
GraphML included, can store them.
"""
from __future__ import annotations

from typing import Iterable, Sequence

import networkx as nx

from .config import Config
from .corpus import ReportResolution, admin_level, resolve_report
from .models import Extraction

__all__ = ["build_nx", "add_report", "finish"]

_SPECIFIC = {"Program": "Brand"}  # a node typed both ways shows the more specific type


def _join(values) -> str:
    return "|".join(str(v) for v in sorted(set(values)))


def _merge(old: str, new) -> str:
    return _join(set(filter(None, old.split("|"))) | set(map(str, new)))


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


def add_report(graph: nx.MultiDiGraph, extraction: Extraction, resolution: ReportResolution) -> None:
    """Add one report's entities, places and facts to ``graph`` (a corpus build adds each report as it
    arrives, so the extraction need not be kept once it is in)."""
    doc = extraction.document
    iris = {name: res.iri for name, res in resolution.entities.items()}
    for entity in sorted(extraction.entities, key=lambda e: (e.type, e.name)):
        res = resolution.entities[entity.name]
        node = res.iri
        used = sorted({m.sentence for m in entity.mentions})
        statuses = {doc.sentences[i].status for i in used} or {"unknown"}
        years = {doc.sentences[i].year for i in used} - {None}
        first = doc.sentences[used[0]].text if used else ""
        aliases = (entity.aliases | {entity.name}) - {res.label}
        if node in graph:
            attrs = graph.nodes[node]
            attrs["aliases"] = _merge(attrs["aliases"], aliases)
            attrs["status"] = _merge(attrs["status"], statuses)
            attrs["years"] = _merge(attrs["years"], years)
            attrs["reports"] = _merge(attrs["reports"], [doc.doc_id])
            attrs["mentions"] += len(entity.mentions)
            attrs["confidence"] = max(attrs["confidence"], round(entity.confidence, 3))
            if _SPECIFIC.get(attrs["type"]) == entity.type:
                attrs["type"] = entity.type
            if not attrs["sentence"]:
                attrs["sentence"] = first
        else:
            graph.add_node(node, label=res.label, type=entity.type, aliases=_join(aliases),
                           status=_join(statuses), years=_join(years), confidence=round(entity.confidence, 3),
                           mentions=len(entity.mentions), sentence=first, reports=doc.doc_id)
    for res in resolution.places.values():      # the report's place and the places above it
        if res.iri in graph:
            graph.nodes[res.iri]["reports"] = _merge(graph.nodes[res.iri]["reports"], [doc.doc_id])
        else:
            graph.add_node(res.iri, label=res.label, type="Place", aliases="", status="unknown", years="",
                           confidence=1.0, mentions=0, sentence="", reports=doc.doc_id)
        graph.nodes[res.iri]["level"] = admin_level(res.label)
    for rel in sorted(extraction.relations, key=lambda r: (r.subject, r.predicate, r.object, r.sentence)):
        if rel.subject not in iris or rel.object not in iris:
            continue
        sentence = doc.sentences[rel.sentence]
        graph.add_edge(iris[rel.subject], iris[rel.object], key=f"{rel.predicate}@{doc.doc_id}#{rel.sentence}",
                       predicate=rel.predicate, status=sentence.status,
                       year=sentence.year if sentence.year is not None else "",
                       confidence=round(rel.confidence, 3), sentence=sentence.text, report=doc.doc_id)


def finish(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Every node carries a level (empty unless it is an administrative place)."""
    for _, attrs in graph.nodes(data=True):
        attrs.setdefault("level", "")
    return graph
