"""A small SHACL engine for the part of SHACL that ``ontology/shapes.ttl`` uses, read in one pass.

pyshacl is the reference, but it walks rdflib's context-aware store for every value of every focus
node: on a province report (17,600 triples) it takes 1.4 s against 0.3 s for the whole extraction,
so a corpus build spent most of its time validating. This engine reads the data graph once into
dictionaries and checks the same constraints on them: targets by class (with rdfs:subClassOf* in
the data) and by subjects of a property; predicate paths; sh:minCount, maxCount, class, nodeKind,
datatype, in, or, minLength, minInclusive, maxInclusive, uniqueLang, lessThanOrEquals on property
shapes, class and nodeKind on node shapes; SHACL-SPARQL SELECT constraints, run once over the graph
with ``$this`` free and kept for the shape's focus nodes (by whatever SPARQL engine the caller
gives). A shapes graph with anything else is ``Unsupported`` (kg.validate then uses pyshacl).
tests/test_shacl.py checks that both engines agree.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Callable, Iterable

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH, XSD
from rdflib.term import Node

__all__ = ["Unsupported", "Shapes", "Violation", "compile_shapes", "check"]

_IGNORED = {SH.message, SH.name, SH.description, SH.order, SH.group, SH.severity, RDF.type, RDFS.comment,
            RDFS.label, SH.declare, SH.prefixes, SH.deactivated}
_PROPERTY_KEYS = {SH.minCount, SH.maxCount, SH["class"], SH.nodeKind, SH.datatype, SH["in"], SH["or"],
                  SH.minLength, SH.minInclusive, SH.maxInclusive, SH.uniqueLang, SH.lessThanOrEquals}
_NODE_KEYS = {SH["class"], SH.nodeKind}
# constraint kinds by their local name, a plain str (comparing rdflib terms costs a Python call each)
_CLASS, _DATATYPE, _NODE_KIND, _IN, _OR = "class", "datatype", "nodeKind", "in", "or"
_MIN_LENGTH, _MIN_INCL, _MAX_INCL = "minLength", "minInclusive", "maxInclusive"
_MIN_COUNT, _MAX_COUNT, _UNIQUE_LANG, _LESS_EQ = "minCount", "maxCount", "uniqueLang", "lessThanOrEquals"
_KINDS = {SH.IRI: (URIRef,), SH.Literal: (Literal,), SH.BlankNode: (BNode,), SH.BlankNodeOrIRI: (BNode, URIRef),
          SH.IRIOrLiteral: (URIRef, Literal), SH.BlankNodeOrLiteral: (BNode, Literal)}


class Unsupported(ValueError):
    """The shapes use a SHACL feature this engine does not implement."""


@dataclass(frozen=True)
class Violation:
    shape: Node
    focus: Node
    path: Node | None
    component: str
    message: str
    value: Node | None = None


@dataclass
class _Property:
    node: Node
    path: URIRef
    constraints: list[tuple[str, object]]
    message: str


@dataclass
class _Shape:
    node: Node
    classes: list[URIRef] = field(default_factory=list)
    subjects_of: list[URIRef] = field(default_factory=list)
    own: list[tuple[str, object]] = field(default_factory=list)     # class / nodeKind on the focus node
    properties: list[_Property] = field(default_factory=list)
    sparql: list[tuple[str, str]] = field(default_factory=list)       # (query, message)
    message: str = ""


@dataclass(frozen=True)
class Shapes:
    shapes: tuple[_Shape, ...]


def _message(g: Graph, node: Node) -> str:
    return str(next(iter(g.objects(node, SH.message)), ""))


def _constraints(g: Graph, node: Node, allowed: set) -> list[tuple[str, object]]:
    out = []
    for p, o in sorted(g.predicate_objects(node)):
        if p in _IGNORED or p in (SH.path, SH.property, SH.sparql, SH.targetClass, SH.targetSubjectsOf):
            continue
        if p not in allowed:
            raise Unsupported(f"{p} on {node}")
        if p == SH["in"]:
            o = frozenset(Collection(g, o))
        elif p == SH["or"]:
            o = [_constraints(g, member, {SH["class"], SH.datatype, SH.nodeKind}) for member in Collection(g, o)]
        elif p in (SH.minCount, SH.maxCount, SH.minLength):
            o = int(o)
        elif p == SH.uniqueLang:
            o = bool(o.toPython())
        out.append((str(p).rsplit("#", 1)[-1], o))
    return out


def compile_shapes(g: Graph) -> Shapes:
    """The node shapes of a shapes graph, checked for features this engine knows."""
    nodes = set(g.subjects(RDF.type, SH.NodeShape)) | set(g.subjects(SH.targetClass, None)) \
        | set(g.subjects(SH.targetSubjectsOf, None))
    for p in (SH.targetNode, SH.targetObjectsOf, SH.node, SH["not"], SH["and"], SH.xone, SH.qualifiedValueShape,
              SH.pattern, SH.closed, SH.hasValue, SH.equals, SH.disjoint, SH.lessThan, SH.maxLength):
        if next(iter(g.triples((None, p, None))), None) is not None:
            raise Unsupported(str(p))
    prefixes = {str(d_prefix): str(d_ns) for decl in g.objects(None, SH.declare)
                for d_prefix in g.objects(decl, SH.prefix) for d_ns in g.objects(decl, SH.namespace)}
    head = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in sorted(prefixes.items()))  # for SPARQL constraints
    shapes = []
    for node in sorted(nodes, key=str):
        if next(iter(g.objects(node, SH.deactivated)), Literal(False)).toPython():
            continue
        shape = _Shape(node, classes=sorted(g.objects(node, SH.targetClass)),
                       subjects_of=sorted(g.objects(node, SH.targetSubjectsOf)),
                       own=_constraints(g, node, _NODE_KEYS), message=_message(g, node))
        for prop in sorted(g.objects(node, SH.property), key=str):
            path = next(iter(g.objects(prop, SH.path)), None)
            if not isinstance(path, URIRef):
                raise Unsupported(f"a path that is not a predicate on {prop}")
            shape.properties.append(_Property(prop, path, _constraints(g, prop, _PROPERTY_KEYS), _message(g, prop)))
        for constraint in sorted(g.objects(node, SH.sparql), key=str):
            query = next(iter(g.objects(constraint, SH.select)), None)
            if query is None:
                raise Unsupported(f"a SPARQL constraint without sh:select on {node}")
            shape.sparql.append((head + str(query), _message(g, constraint)))
        shapes.append(shape)
    return Shapes(tuple(shapes))


class _Data:
    """The data graph as dictionaries: subject → predicate → values, the classes of each node (with
    rdfs:subClassOf* as the data states it) and the instances of each class."""

    def __init__(self, triples: Iterable[tuple[Node, Node, Node]]):
        self.out: dict[Node, dict[Node, list[Node]]] = defaultdict(lambda: defaultdict(list))
        self.by_predicate: dict[Node, set[Node]] = defaultdict(set)
        for s, p, o in triples:        # a set: the caller gives each triple once
            self.out[s][p].append(o)
            self.by_predicate[p].add(s)
        supers = {s: self.out[s][RDFS.subClassOf] for s in self.by_predicate.get(RDFS.subClassOf, ())}
        self._classes: dict[Node, frozenset[Node]] = {}
        self._instances: dict[Node, set[Node]] = defaultdict(set)
        for s in self.by_predicate.get(RDF.type, ()):
            seen, todo = set(), list(self.out[s][RDF.type])
            while todo:
                c = todo.pop()
                if c not in seen:
                    seen.add(c)
                    todo.extend(supers.get(c, ()))
            self._classes[s] = frozenset(seen)
            for c in seen:
                self._instances[c].add(s)

    def values(self, node: Node, path: Node) -> list[Node]:
        found = self.out.get(node)
        return found.get(path, []) if found else []

    def classes(self, node: Node) -> frozenset[Node]:
        return self._classes.get(node, frozenset())

    def instances(self, cls: Node) -> set[Node]:
        return self._instances.get(cls, set())


def _comparable(value: Node) -> object | None:
    if not isinstance(value, Literal) or getattr(value, "ill_typed", False):
        return None
    v = value.toPython()
    return v if isinstance(v, (int, float, Decimal)) and not isinstance(v, bool) else None


def _datatype_ok(value: Node, datatype: Node) -> bool:
    if not isinstance(value, Literal) or getattr(value, "ill_typed", False):
        return False
    if datatype == RDF.langString:
        return value.language is not None
    if datatype == XSD.string:
        return value.language is None and value.datatype in (None, XSD.string)
    return value.datatype == datatype


def _value_ok(data: _Data, value: Node, kind: str, arg: object) -> bool:
    """One value-type constraint (class, datatype, nodeKind, in, minLength, min/maxInclusive)."""
    if kind == _CLASS:
        return not isinstance(value, Literal) and arg in data.classes(value)
    if kind == _DATATYPE:
        return _datatype_ok(value, arg)
    if kind == _NODE_KIND:
        return isinstance(value, _KINDS[arg])
    if kind == _IN:
        return value in arg
    if kind == _MIN_LENGTH:
        return not isinstance(value, BNode) and len(str(value)) >= arg
    if kind in (_MIN_INCL, _MAX_INCL):
        v, bound = _comparable(value), _comparable(arg)
        if v is None or bound is None:
            return False
        return v >= bound if kind == _MIN_INCL else v <= bound
    if kind == _OR:
        return any(all(_value_ok(data, value, k, a) for k, a in member) for member in arg)
    raise Unsupported(kind)


def _component(kind: str) -> str:
    return f"sh:{kind[0].upper()}{kind[1:]}ConstraintComponent"


def _check_property(data: _Data, shape: _Shape, prop: _Property, focus: Node) -> Iterable[Violation]:
    values = data.values(focus, prop.path)
    for kind, arg in prop.constraints:
        bad: list[Node | None] = []
        if kind == _MIN_COUNT:
            bad = [None] if len(values) < arg else []
        elif kind == _MAX_COUNT:
            bad = [None] if len(values) > arg else []
        elif kind == _UNIQUE_LANG:
            langs = [v.language for v in values if isinstance(v, Literal) and v.language]
            bad = [None] if arg and len(langs) != len(set(langs)) else []
        elif kind == _LESS_EQ:
            others = data.values(focus, arg)
            bad = [v for v in values for w in others
                   if (a := _comparable(v)) is None or (b := _comparable(w)) is None or a > b]
        else:
            bad = [v for v in values if not _value_ok(data, v, kind, arg)]
        for value in bad:
            yield Violation(shape.node, focus, prop.path, _component(kind), prop.message or shape.message, value)


def check(triples: Iterable[tuple[Node, Node, Node]], shapes: Shapes,
          select: Callable[[str], Iterable[Node]]) -> list[Violation]:
    """Every violation of ``shapes`` in the graph of ``triples``, in a stable order; ``select`` runs a
    SPARQL SELECT on the same graph and gives its first column (for the SHACL-SPARQL constraints)."""
    data = _Data(triples)
    out: list[Violation] = []
    for shape in shapes.shapes:
        focus = set()
        for cls in shape.classes:
            focus |= data.instances(cls)
        for p in shape.subjects_of:
            focus |= data.by_predicate.get(p, set())
        if not focus:
            continue
        for node in sorted(focus, key=str):
            for kind, arg in shape.own:
                if not _value_ok(data, node, kind, arg):
                    out.append(Violation(shape.node, node, None, _component(kind), shape.message, node))
            for prop in shape.properties:
                out.extend(_check_property(data, shape, prop, node))
        for query, message in shape.sparql:
            for this in sorted({node for node in select(query.replace("$this", "?this")) if node in focus}, key=str):
                out.append(Violation(shape.node, this, None, "sh:SPARQLConstraintComponent",
                                     message or shape.message, this))
    return out
