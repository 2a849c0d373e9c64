"""A small SHACL engine for the part of SHACL that ``ontology/shapes.ttl`` uses, read in one pass.

pyshacl is the reference, but it walks rdflib's context-aware store for every value of every focus
node: on a province report (17,600 triples) it takes 1.4 s against 0.3 s for the whole extraction,
so a corpus build spent most of its time validating. This engine reads the data graph once into
dictionaries of N-Triples tokens (``<iri>``, ``_:label``, ``"text"@zh``, ``"5"^^<…#integer>``: the
strings kg.rdf writes, so a report is checked without making an rdflib term for each of its values)
and checks the same constraints on them: targets by class (with rdfs:subClassOf* in the data) and
by subjects of a property; predicate paths; sh:minCount, maxCount, class, nodeKind, datatype, in,
or, minLength, minInclusive, maxInclusive, uniqueLang, lessThanOrEquals on property shapes, class
and nodeKind on node shapes; SHACL-SPARQL SELECT constraints, run once over the graph with
``$this`` free and kept for the shape's focus nodes (by whatever SPARQL engine the caller gives) —
except the one the shapes use, "a reified statement's triple is asserted" (``$this rdf:subject ?s ;
rdf:predicate ?p ; rdf:object ?o . FILTER NOT EXISTS { ?s ?p ?o }``), which is recognised and checked
on the same dictionaries: loading each report into a SPARQL store for it cost a seventh of a build.
A shapes graph with anything else is ``Unsupported`` (kg.validate then uses pyshacl).
tests/test_shacl.py checks that both engines agree.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import Callable, Iterable

from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH, XSD
from rdflib.term import Node

from .rdf import nt_term, nt_to_term, nt_unescape

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
# a token's kind is its first character: < an IRI, " a literal, _ a blank node
_KINDS = {SH.IRI: "<", SH.Literal: '"', SH.BlankNode: "_", SH.BlankNodeOrIRI: "_<", SH.IRIOrLiteral: '<"',
          SH.BlankNodeOrLiteral: '_"'}
_TYPE, _SUBCLASS = nt_term(RDF.type), nt_term(RDFS.subClassOf)
_LANG_STRING, _STRING = str(RDF.langString), str(XSD.string)


_STATEMENT_ASSERTED = re.compile(r"SELECT \$this WHERE \{ \$this rdf:subject \?(\w+) ; rdf:predicate \?(\w+) ; "
                                 r"rdf:object \?(\w+)(?: \.)? FILTER NOT EXISTS \{ \?\1 \?\2 \?\3(?: \.)? \} \}")
_SUBJECT, _PREDICATE, _OBJECT = nt_term(RDF.subject), nt_term(RDF.predicate), nt_term(RDF.object)


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
    token: str                              # the path as an N-Triples token, for the data's dictionaries
    constraints: list[tuple[str, object]]
    message: str


@dataclass
class _Shape:
    node: Node
    classes: list[str] = field(default_factory=list)         # tokens
    subjects_of: list[str] = field(default_factory=list)     # tokens
    own: list[tuple[str, object]] = field(default_factory=list)     # class / nodeKind on the focus node
    properties: list[_Property] = field(default_factory=list)
    sparql: list[tuple[str, str]] = field(default_factory=list)       # (query, message)
    asserted: list[str] = field(default_factory=list)     # messages of "a statement's triple is asserted"
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
            o = frozenset(map(nt_term, Collection(g, o)))
        elif p == SH["or"]:
            o = [_constraints(g, member, {SH["class"], SH.datatype, SH.nodeKind}) for member in Collection(g, o)]
        elif p in (SH.minCount, SH.maxCount, SH.minLength):
            o = int(o)
        elif p == SH.uniqueLang:
            o = bool(o.toPython())
        elif p in (SH["class"], SH.lessThanOrEquals):
            o = nt_term(o)
        elif p == SH.datatype:
            o = str(o)
        elif p == SH.nodeKind:
            o = _KINDS[o]
        elif p in (SH.minInclusive, SH.maxInclusive):
            o = _comparable(nt_term(o))
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
        shape = _Shape(node, classes=sorted(map(nt_term, g.objects(node, SH.targetClass))),
                       subjects_of=sorted(map(nt_term, g.objects(node, SH.targetSubjectsOf))),
                       own=_constraints(g, node, _NODE_KEYS), message=_message(g, node))
        for prop in sorted(g.objects(node, SH.property), key=str):
            path = next(iter(g.objects(prop, SH.path)), None)
            if not isinstance(path, URIRef):
                raise Unsupported(f"a path that is not a predicate on {prop}")
            shape.properties.append(_Property(prop, path, nt_term(path), _constraints(g, prop, _PROPERTY_KEYS),
                                              _message(g, prop)))
        for constraint in sorted(g.objects(node, SH.sparql), key=str):
            query = next(iter(g.objects(constraint, SH.select)), None)
            if query is None:
                raise Unsupported(f"a SPARQL constraint without sh:select on {node}")
            if _STATEMENT_ASSERTED.fullmatch(" ".join(str(query).split())) and prefixes.get("rdf") == str(RDF):
                shape.asserted.append(_message(g, constraint))
            else:
                shape.sparql.append((head + str(query), _message(g, constraint)))
        shapes.append(shape)
    return Shapes(tuple(shapes))


class _Data:
    """The data graph as dictionaries of tokens: subject → predicate → values, the classes of each node
    (with rdfs:subClassOf* as the data states it) and the instances of each class."""

    def __init__(self, triples: Iterable[tuple[str, str, str]]):
        self.out: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        self.by_predicate: dict[str, set[str]] = defaultdict(set)
        for s, p, o in triples:        # a set: the caller gives each triple once
            self.out[s][p].append(o)
            self.by_predicate[p].add(s)
        supers = {s: self.out[s][_SUBCLASS] for s in self.by_predicate.get(_SUBCLASS, ())}
        self._classes: dict[str, frozenset[str]] = {}
        self._instances: dict[str, set[str]] = defaultdict(set)
        for s in self.by_predicate.get(_TYPE, ()):
            seen, todo = set(), list(self.out[s][_TYPE])
            while todo:
                c = todo.pop()
                if c not in seen:
                    seen.add(c)
                    todo.extend(supers.get(c, ()))
            self._classes[s] = frozenset(seen)
            for c in seen:
                self._instances[c].add(s)

    def values(self, node: str, path: str) -> list[str]:
        found = self.out.get(node)
        return found.get(path, []) if found else []

    def classes(self, node: str) -> frozenset[str]:
        return self._classes.get(node, frozenset())

    def instances(self, cls: str) -> set[str]:
        return self._instances.get(cls, set())


def _literal(token: str) -> tuple[str, str, str]:
    """(escaped lexical form, language, datatype IRI) of a literal token; '' where there is none."""
    end = token.rindex('"')
    suffix = token[end + 1:]
    if suffix.startswith("@"):
        return token[1:end], suffix[1:], ""
    if suffix.startswith("^^"):
        return token[1:end], "", suffix[3:-1]
    return token[1:end], "", ""


@lru_cache(maxsize=1 << 14)
def _typed(token: str) -> Literal | None:
    """The rdflib literal of a typed literal token (for its value and whether its lexical form is
    legal); made only for the few typed values, never for the text of names and sentences."""
    return None if getattr(term := nt_to_term(token), "ill_typed", False) else term


def _comparable(token: str) -> object | None:
    if token[0] != '"' or (term := _typed(token)) is None:
        return None
    v = term.toPython()
    return v if isinstance(v, (int, float, Decimal)) and not isinstance(v, bool) else None


def _datatype_ok(token: str, datatype: str) -> bool:
    if token[0] != '"':
        return False
    _, lang, declared = _literal(token)
    if datatype == _LANG_STRING:
        return bool(lang)
    if datatype == _STRING:
        return not lang and declared in ("", _STRING)
    return declared == datatype and _typed(token) is not None


def _value_ok(data: _Data, value: str, kind: str, arg: object) -> bool:
    """One value-type constraint (class, datatype, nodeKind, in, minLength, min/maxInclusive)."""
    if kind == _CLASS:
        return value[0] != '"' and arg in data.classes(value)
    if kind == _DATATYPE:
        return _datatype_ok(value, arg)
    if kind == _NODE_KIND:
        return value[0] in arg
    if kind == _IN:
        return value in arg
    if kind == _MIN_LENGTH:
        if value[0] == "_":
            return False
        return len(nt_unescape(_literal(value)[0]) if value[0] == '"' else value[1:-1]) >= arg
    if kind in (_MIN_INCL, _MAX_INCL):
        v = _comparable(value)
        if v is None or arg is None:
            return False
        return v >= arg if kind == _MIN_INCL else v <= arg
    if kind == _OR:
        return any(all(_value_ok(data, value, k, a) for k, a in member) for member in arg)
    raise Unsupported(kind)


def _component(kind: str) -> str:
    return f"sh:{kind[0].upper()}{kind[1:]}ConstraintComponent"


def _check_property(data: _Data, shape: _Shape, prop: _Property, focus: str) -> list[Violation]:
    """The violations of one property shape at one focus node; most nodes have none, so each check
    returns early and nothing is built for a node that conforms."""
    values = data.values(focus, prop.token)
    out: list[Violation] = []
    for kind, arg in prop.constraints:
        if kind == _MIN_COUNT:
            if len(values) >= arg:
                continue
            bad: list[str | None] = [None]
        elif kind == _MAX_COUNT:
            if len(values) <= arg:
                continue
            bad = [None]
        elif not values:
            continue
        elif kind == _UNIQUE_LANG:
            langs = [lang for v in values if v[0] == '"' and (lang := _literal(v)[1])]
            if not arg or len(langs) == len(set(langs)):
                continue
            bad = [None]
        elif kind == _LESS_EQ:
            others = data.values(focus, arg)
            bad = [v for v in values for w in others
                   if (a := _comparable(v)) is None or (b := _comparable(w)) is None or a > b]
        else:
            bad = [v for v in values if not _value_ok(data, v, kind, arg)]
        for value in bad:
            out.append(Violation(shape.node, nt_to_term(focus), prop.path, _component(kind),
                                 prop.message or shape.message, None if value is None else nt_to_term(value)))
    return out


def _statement_asserted(data: _Data, node: str) -> bool:
    """Every (subject, predicate, object) the node states as a reified statement is a triple of the graph."""
    return all(o in data.values(s, p) for s in data.values(node, _SUBJECT) for p in data.values(node, _PREDICATE)
               for o in data.values(node, _OBJECT))


def check(triples: Iterable[tuple[str, str, str]], shapes: Shapes,
          select: Callable[[str], Iterable[str]]) -> list[Violation]:
    """Every violation of ``shapes`` in the graph of ``triples`` (N-Triples tokens), in a stable order;
    ``select`` runs a SPARQL SELECT on the same graph and gives its first column as tokens (for the
    SHACL-SPARQL constraints). The violations name rdflib terms."""
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
        for node in sorted(focus):
            for kind, arg in shape.own:
                if not _value_ok(data, node, kind, arg):
                    term = nt_to_term(node)
                    out.append(Violation(shape.node, term, None, _component(kind), shape.message, term))
            for prop in shape.properties:
                out.extend(_check_property(data, shape, prop, node))
        failing = [(message, {node for node in focus if not _statement_asserted(data, node)})
                   for message in shape.asserted]
        failing += [(message, {node for node in select(query.replace("$this", "?this")) if node in focus})
                    for query, message in shape.sparql]
        for message, nodes in failing:
            for this in sorted(nodes):
                term = nt_to_term(this)
                out.append(Violation(shape.node, term, None, "sh:SPARQLConstraintComponent",
                                     message or shape.message, term))
    return out
