"""Stage 5b: extractions → one NetworkX MultiDiGraph with the same entities and facts as the RDF graph.

Node keys are the entities' IRIs; attributes are scalars (lists joined by '|') so every
NetworkX writer, GraphML included, can store them.
"""
from __future__ import annotations

from typing import Iterable

import networkx as nx

from .config import Config
from .iris import entity_iri
from .models import Extraction

__all__ = ["build_nx"]


def _join(values) -> str:
    return "|".join(str(v) for v in sorted(set(values)))


def _merge(old: str, new) -> str:
    return _join(set(filter(None, old.split("|"))) | set(map(str, new)))


def build_nx(extractions: Iterable[Extraction], config: Config = Config()) -> nx.MultiDiGraph:
    """One node per entity, one edge per (relation, sentence)."""
    graph = nx.MultiDiGraph()
    for extraction in extractions:
        doc = extraction.document
        iris = {e.name: entity_iri(config.base_iri, e.type, e.name) for e in extraction.entities}
        for entity in sorted(extraction.entities, key=lambda e: (e.type, e.name)):
            node = iris[entity.name]
            used = sorted({m.sentence for m in entity.mentions})
            statuses = {doc.sentences[i].status for i in used} or {"unknown"}
            years = {doc.sentences[i].year for i in used} - {None}
            first = doc.sentences[used[0]].text if used else ""
            if node in graph:
                attrs = graph.nodes[node]
                attrs["aliases"] = _merge(attrs["aliases"], entity.aliases - {entity.name})
                attrs["status"] = _merge(attrs["status"], statuses)
                attrs["years"] = _merge(attrs["years"], years)
                attrs["reports"] = _merge(attrs["reports"], [doc.doc_id])
                attrs["mentions"] += len(entity.mentions)
                attrs["confidence"] = max(attrs["confidence"], round(entity.confidence, 3))
            else:
                graph.add_node(node, label=entity.name, type=entity.type,
                               aliases=_join(entity.aliases - {entity.name}), status=_join(statuses),
                               years=_join(years), confidence=round(entity.confidence, 3),
                               mentions=len(entity.mentions), sentence=first, reports=doc.doc_id)
        for rel in sorted(extraction.relations, key=lambda r: (r.subject, r.predicate, r.object, r.sentence)):
            if rel.subject not in iris or rel.object not in iris:
                continue
            sentence = doc.sentences[rel.sentence]
            graph.add_edge(iris[rel.subject], iris[rel.object], key=f"{rel.predicate}@{doc.doc_id}#{rel.sentence}",
                           predicate=rel.predicate, status=sentence.status,
                           year=sentence.year if sentence.year is not None else "",
                           confidence=round(rel.confidence, 3), sentence=sentence.text, report=doc.doc_id)
    return graph
