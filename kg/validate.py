"""SHACL validation of built graphs against ``ontology/shapes.ttl`` (pyshacl, no inference)."""
from __future__ import annotations

from typing import NamedTuple

from pyshacl import validate
from rdflib import Graph

from .vocab import load_shapes

__all__ = ["ValidationResult", "validate_graph"]


class ValidationResult(NamedTuple):
    conforms: bool
    text: str  # pyshacl's human-readable report ("Conforms: True" when clean)


def validate_graph(graph: Graph, shapes: Graph | None = None) -> ValidationResult:
    """Validate ``graph`` as it is (no RDFS/OWL inference, so nothing is added or copied).

    The shapes are written to need no inference; the one SPARQL constraint (a fact's triple is
    also asserted) is SHACL-SPARQL, which pyshacl runs without ``advanced``.
    """
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
