"""SHACL validation of built graphs against ``ontology/shapes.ttl`` (pyshacl, no inference)."""
from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from pyshacl import validate
from rdflib import Graph
from rdflib.plugins.sparql import prepareQuery

from .vocab import load_shapes

__all__ = ["ValidationResult", "validate_graph"]


class ValidationResult(NamedTuple):
    conforms: bool
    text: str  # pyshacl's human-readable report ("Conforms: True" when clean)


@lru_cache(maxsize=64)
def _prepared(text: str, namespaces: tuple[tuple[str, str], ...]):
    return prepareQuery(text, initNs=dict(namespaces))


class _DataGraph(Graph):
    """The graph being validated, on the same store, with each SPARQL text parsed once: pyshacl sends
    a SPARQL constraint's text again for every focus node, and parsing it cost more than running it."""

    def query(self, query_object, *args, **kwargs):
        if isinstance(query_object, str):
            namespaces = tuple(sorted((prefix, str(ns)) for prefix, ns in self.namespaces()))
            query_object = _prepared(query_object, namespaces)
        return super().query(query_object, *args, **kwargs)


def validate_graph(graph: Graph, shapes: Graph | None = None) -> ValidationResult:
    """Validate ``graph`` as it is (no RDFS/OWL inference, so nothing is added or copied).

    The shapes are written to need no inference; the one SPARQL constraint (a fact's triple is
    also asserted) is SHACL-SPARQL, which pyshacl runs without ``advanced``.
    """
    if type(graph) is Graph:  # noqa: E721 - a plain graph only (a Dataset keeps its own query)
        graph = _DataGraph(store=graph.store, identifier=graph.identifier, namespace_manager=graph.namespace_manager)
    conforms, _report, text = validate(
        graph,
        shacl_graph=shapes if shapes is not None else load_shapes(),
        inference="none",
        abort_on_first=False,
        allow_warnings=False,
        advanced=False,
        inplace=True,  # safe: without inference pyshacl does not modify the data graph
    )
    return ValidationResult(bool(conforms), str(text))
