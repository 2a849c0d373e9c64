"""The project ontology as code: the ``kgo:`` namespace and where the ontology files live.

``KGO`` mirrors ``ontology/kg.ttl`` term for term (checked by ``tests/test_ontology.py``);
with ``_fail = True`` a misspelt term raises ``AttributeError`` at first use.
"""
# No ``from __future__ import annotations``: DefinedNamespace reads the annotations as types.
from functools import cache
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV, SDO, SKOS, DefinedNamespace, Namespace

__all__ = [
    "KGO", "ORG", "PROV", "SKOS", "DCTERMS", "SCHEMA",
    "ONTOLOGY_DIR", "ONTOLOGY_PATH", "SHAPES_PATH", "load_ontology", "load_shapes",
]

SCHEMA = SDO  # schema.org, https://schema.org/ (rdflib's SDO)

ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"
ONTOLOGY_PATH = ONTOLOGY_DIR / "kg.ttl"
SHAPES_PATH = ONTOLOGY_DIR / "shapes.ttl"


class KGO(DefinedNamespace):
    """Classes, properties and status individuals of ``https://kg.example.org/ontology#``."""

    # Entity classes
    Entity: URIRef
    Organization: URIRef
    ResidentialArea: URIRef
    Place: URIRef
    Facility: URIRef
    Program: URIRef
    Brand: URIRef
    Mechanism: URIRef
    Award: URIRef
    PolicyDocument: URIRef
    CreativeWork: URIRef
    Person: URIRef
    Concept: URIRef
    TargetGroup: URIRef

    # Document structure
    Report: URIRef
    Part: URIRef
    Section: URIRef
    Paragraph: URIRef
    Sentence: URIRef

    # Facts, metrics, glossary, status
    Fact: URIRef
    FollowUp: URIRef
    Metric: URIRef
    GlossaryEntry: URIRef
    Status: URIRef
    StatusScheme: URIRef
    achieved: URIRef
    planned: URIRef
    unknown: URIRef
    silent: URIRef

    # Relation properties (entity → entity)
    receivedAward: URIRef
    locatedIn: URIRef
    partOf: URIRef
    targets: URIRef
    organizedBy: URIRef

    # Administrative hierarchy (place → place)
    withinPlace: URIRef

    # Other object properties
    mentionedIn: URIRef
    inReport: URIRef
    inPart: URIRef
    inSection: URIRef
    inParagraph: URIRef
    about: URIRef
    defines: URIRef
    status: URIRef
    followUpOf: URIRef
    plannedIn: URIRef
    followedUpIn: URIRef

    # Datatype properties
    definedAs: URIRef
    year: URIRef
    confidence: URIRef
    cue: URIRef
    text: URIRef
    heading: URIRef
    index: URIRef
    startOffset: URIRef
    endOffset: URIRef
    subjectText: URIRef
    value: URIRef
    unit: URIRef
    qualifier: URIRef
    term: URIRef
    issuedBy: URIRef
    place: URIRef
    level: URIRef
    adminLevel: URIRef

    _NS = Namespace("https://kg.example.org/ontology#")
    _fail = True


@cache
def load_ontology() -> Graph:
    """``ontology/kg.ttl`` parsed once; shared, so treat it as read-only."""
    return Graph().parse(ONTOLOGY_PATH, format="turtle")


@cache
def load_shapes() -> Graph:
    """``ontology/shapes.ttl`` parsed once; shared, so treat it as read-only."""
    return Graph().parse(SHAPES_PATH, format="turtle")
