"""Stage 5a: extractions → RDF: a named graph per report, an entity graph and a corpus graph.

Each report is turned into RDF on its own, from the report alone, as sorted N-Triples lines (plain
strings: fast in worker processes, no rdflib objects): its structure, its entities as resolved by
``kg.corpus`` (IRI, label, scope), their facts, metrics, glossary and the administrative hierarchy
the report supports. The lines are then shared out so that no triple is in two named graphs:

- the report's graph (named by the report's IRI): the report, its parts, sections, paragraphs,
  sentences, facts, metrics, glossary entries, and which of its sentences mention which entity;
- the entity graph (``{base}entities``): what is said about entities (types, labels, statuses,
  years, confidences, relations, the place hierarchy), merged over all reports;
- the corpus graph (``{base}corpus``): facts that need several reports (plan follow-through).

The default graph of the exports is their union (graph.ttl). A store whose default graph is the
union of named graphs with repetitions (Virtuoso) then gives the same answers as the union itself.
``build_rdf`` gives the union as an rdflib ``Graph``, ``build_dataset`` the named graphs as an rdflib
``Dataset``; both are made from the same lines.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Iterable, Iterator, Sequence

from rdflib import RDF, RDFS, XSD, BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, SKOS
from rdflib.term import Node

from .config import Config
from .corpus import (FollowUp, ReportResolution, ReportSummary, admin_level, corpus_graph_iri,
                     entities_graph_iri, follow_through, resolve_report, summarize)
from .iris import digest, report_iri, sentence_iri
from .models import Extraction
from .vocab import KGO

__all__ = ["build_rdf", "build_dataset", "bind_prefixes", "STATUS_IRIS", "ReportLines", "report_lines",
           "corpus_lines", "follow_up_lines", "nt_iri", "nt_literal", "nt_term", "parse_nt_line",
           "lines_to_graph", "nt_triples", "nt_to_term", "nt_unescape", "PREFIXES", "is_mention",
           "report_graph_sections", "entity_graph_lines"]

STATUS_IRIS = {"achieved": KGO.achieved, "planned": KGO.planned, "unknown": KGO.unknown}
_RELATIONS = {"receivedAward", "locatedIn", "partOf", "targets", "organizedBy"}


def PREFIXES(base: str) -> tuple[tuple[str, str], ...]:  # noqa: N802 - a fixed table, by base IRI
    """The prefixes every serialisation shows (fixed, so output is stable)."""
    return (("kgo", str(KGO)), ("id", base), ("skos", str(SKOS)), ("prov", str(PROV)), ("dct", str(DCTERMS)),
            ("owl", str(OWL)), ("xsd", str(XSD)), ("rdfs", str(RDFS)), ("rdf", str(RDF)))


def bind_prefixes(graph: Graph, base: str) -> Graph:
    for prefix, namespace in PREFIXES(base):
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


# --- N-Triples terms ------------------------------------------------------------------------------

_ESCAPES = {ord("\\"): "\\\\", ord('"'): '\\"', ord("\n"): "\\n", ord("\r"): "\\r", ord("\t"): "\\t"}
_ESCAPES.update({code: f"\\u{code:04X}" for code in [*range(0x20), *range(0x7F, 0xA0), 0x2028, 0x2029]
                 if code not in _ESCAPES})
_NEEDS_ESCAPE = re.compile("[\\\\\"\x00-\x1f\x7f-\x9f\u2028\u2029]")
_XSD = str(XSD)


def nt_iri(iri: str) -> str:
    return f"<{iri}>"


def nt_literal(text: str, lang: str = "", datatype: str = "") -> str:
    """An N-Triples (and Turtle) literal; control characters and line separators are escaped.

    >>> nt_literal('a "b"\\n', lang="zh"), nt_literal("5", datatype="http://www.w3.org/2001/XMLSchema#integer")
    ('"a \\\\"b\\\\"\\\\n"@zh', '"5"^^<http://www.w3.org/2001/XMLSchema#integer>')
    """
    if _NEEDS_ESCAPE.search(text):
        text = text.translate(_ESCAPES)
    if lang:
        return f'"{text}"@{lang}'
    if datatype and datatype != _XSD + "string":
        return f'"{text}"^^<{datatype}>'
    return f'"{text}"'


def nt_term(term: Node) -> str:
    """An rdflib term as N-Triples (IRIs and literals; blank nodes as _:id)."""
    if isinstance(term, URIRef):
        return nt_iri(str(term))
    if isinstance(term, Literal):
        return nt_literal(str(term), term.language or "", str(term.datatype or ""))
    return f"_:{term}"


_UNESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))")
_SIMPLE = {"n": "\n", "r": "\r", "t": "\t", "b": "\b", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


def nt_unescape(text: str) -> str:
    """The value of an N-Triples string body (ECHAR and UCHAR escapes resolved)."""
    if "\\" not in text:
        return text
    return _UNESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)) if (m.group(1) or m.group(2))
                         else _SIMPLE.get(m.group(3), m.group(3)), text)


def nt_to_term(token: str) -> Node:
    """The rdflib term of one N-Triples token (as written here, or by nt_term)."""
    if token[0] == "<":
        return URIRef(token[1:-1])
    if token.startswith("_:"):
        return BNode(token[2:])
    end = token.rindex('"')
    lexical, suffix = nt_unescape(token[1:end]), token[end + 1:]
    if suffix.startswith("@"):
        return Literal(lexical, lang=suffix[1:])
    if suffix.startswith("^^"):
        return Literal(lexical, datatype=URIRef(suffix[3:-1]))
    return Literal(lexical)


def parse_nt_line(line: str) -> tuple[str, str, str]:
    """(subject, predicate, object) tokens of one N-Triples line written by this module."""
    subject, predicate, rest = line.split(" ", 2)
    return subject, predicate, rest[:-2] if rest.endswith(" .") else rest


def nt_triples(lines: Iterable[str]) -> Iterator[tuple]:
    """N-Triples lines (as written here) as rdflib term triples, each distinct term made once."""
    cache: dict[str, object] = {}
    for line in lines:
        triple = []
        for token in parse_nt_line(line):
            term = cache.get(token)
            if term is None:
                term = cache[token] = nt_to_term(token)
            triple.append(term)
        yield tuple(triple)


def lines_to_graph(lines: Iterable[str], graph: Graph | None = None) -> Graph:
    """Add N-Triples lines (as written here) to an rdflib graph."""
    graph = Graph() if graph is None else graph
    add = graph.add
    for triple in nt_triples(lines):
        add(triple)
    return graph


# --- predicates and values as N-Triples tokens ----------------------------------------------------

class _P:
    """The predicates used below, each as its N-Triples token."""
    type = nt_iri(str(RDF.type))
    label = nt_iri(str(RDFS.label))
    pref = nt_iri(str(SKOS.prefLabel))
    alt = nt_iri(str(SKOS.altLabel))
    definition = nt_iri(str(SKOS.definition))
    title = nt_iri(str(DCTERMS.title))
    identifier = nt_iri(str(DCTERMS.identifier))
    source = nt_iri(str(DCTERMS.source))
    date = nt_iri(str(DCTERMS.date))
    spatial = nt_iri(str(DCTERMS.spatial))
    derived = nt_iri(str(PROV.wasDerivedFrom))
    subject = nt_iri(str(RDF.subject))
    predicate = nt_iri(str(RDF.predicate))
    object = nt_iri(str(RDF.object))


def _k(name: str) -> str:
    return nt_iri(str(getattr(KGO, name)))


_KGO = {name: _k(name) for name in KGO.__annotations__}
_STATUS = {status: _KGO[status] for status in ("achieved", "planned", "unknown", "silent")}
_INTEGER, _DECIMAL, _DATE = str(XSD.integer), str(XSD.decimal), str(XSD.date)


def _int(value: int) -> str:
    return f'"{int(value)}"^^<{_INTEGER}>'


def _decimal_text(value: Decimal) -> str:
    text = format(value, "f")
    return text if text not in ("-0",) else "0"


def _dec(value: float) -> str:
    return f'"{_decimal_text(Decimal(str(round(float(value), 3))))}"^^<{_DECIMAL}>'


def _zh(text: str) -> str:
    return nt_literal(text, lang="zh")


# --- one report -----------------------------------------------------------------------------------

@dataclass
class ReportLines:
    """One report's named graph: its IRI, its sorted N-Triples lines, which subjects are entities."""
    graph: str
    lines: list[str]
    entities: frozenset[str] = frozenset()          # entity IRIs (subjects shared with other reports)
    summary: ReportSummary | None = None
    resolution: ReportResolution | None = None

    def split(self) -> tuple[list[str], list[str]]:
        """(lines about entities, lines about this report's own nodes), each sorted."""
        shared, local = [], []
        entities = self.entities
        for line in self.lines:
            (shared if line[1:line.index(">")] in entities else local).append(line)
        return shared, local


MENTIONED_IN = nt_iri(str(KGO.mentionedIn))


def is_mention(line: str) -> bool:
    """A ``kgo:mentionedIn`` line: about an entity, yet it belongs to the report of its sentence."""
    return line.split(" ", 2)[1] == MENTIONED_IN


def report_graph_sections(entity_lines: Sequence[str], local: Sequence[str]) -> tuple[list[str], Sequence[str]]:
    """The report's named graph, as two sorted sections: its entity mentions and its own nodes."""
    return [line for line in entity_lines if is_mention(line)], local


def entity_graph_lines(entity_lines: Iterable[str]) -> list[str]:
    """The entity graph's lines among sorted entity lines: all but the mentions."""
    return [line for line in entity_lines if not is_mention(line)]


@dataclass
class _Entity:
    """The entities of one report that resolved to one IRI, merged."""
    iri: str
    label: str
    types: set[str] = field(default_factory=set)
    names: set[str] = field(default_factory=set)
    sentences: set[int] = field(default_factory=set)
    confidence: float | None = None
    level: str = ""
    within: set[str] = field(default_factory=set)


class _ReportGraph:
    """Writes one extraction as N-Triples lines; keeps the IRI helpers for that report together."""

    def __init__(self, extraction: Extraction, config: Config, resolution: ReportResolution):
        self.x = extraction
        self.doc = extraction.document
        self.base = config.base_iri
        self.report_iri = report_iri(self.base, self.doc.doc_id)
        self.report = nt_iri(self.report_iri)
        self.resolution = resolution
        self.iris = {name: res.iri for name, res in resolution.entities.items()}
        self.lines: list[str] = []

    def emit(self, s: str, p: str, o: str) -> None:
        self.lines.append(f"{s} {p} {o} .")

    def part(self, index: int) -> str:
        return f"<{self.report_iri}/part/{index}>"

    def section(self, part: int, index: int) -> str:
        return f"<{self.report_iri}/part/{part}/section/{index}>"

    def paragraph(self, index: int) -> str:
        return f"<{self.report_iri}/paragraph/{index}>"

    def sentence(self, index: int) -> str:
        return nt_iri(sentence_iri(self.report_iri, index))

    def add_all(self) -> None:
        self.add_report()
        self.add_structure()
        self.add_entities()
        self.add_relations()
        self.add_metrics()
        self.add_glossary()

    def add_report(self) -> None:
        emit, doc, r = self.emit, self.doc, self.report
        emit(r, _P.type, _KGO["Report"])
        emit(r, _P.title, _zh(doc.title or doc.doc_id))
        emit(r, _P.identifier, nt_literal(doc.doc_id))
        if doc.source:
            emit(r, _P.source, nt_literal(doc.source))
        for prop, value in (("issuedBy", doc.issuer), ("place", doc.place)):
            if value:
                emit(r, _KGO[prop], _zh(value))
        if doc.level:
            emit(r, _KGO["level"], nt_literal(doc.level))
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", doc.date or ""):
            emit(r, _P.date, nt_literal(doc.date, datatype=_DATE))
        if self.resolution.place_iri:
            emit(r, _P.spatial, nt_iri(self.resolution.place_iri))

    def add_structure(self) -> None:
        emit, r, k = self.emit, self.report, _KGO
        for part in self.doc.parts:
            node = self.part(part.index)
            emit(node, _P.type, k["Part"])
            emit(node, k["inReport"], r)
            emit(node, k["index"], _int(part.index))
            if part.title:
                emit(node, k["heading"], _zh(part.title))
            emit(node, k["status"], _STATUS[part.status])
            if part.year is not None:
                emit(node, k["year"], _int(part.year))
            emit(node, k["startOffset"], _int(part.start))
            emit(node, k["endOffset"], _int(part.end))
        for sec in self.doc.sections:
            node = self.section(sec.part, sec.index)
            emit(node, _P.type, k["Section"])
            emit(node, k["inPart"], self.part(sec.part))
            emit(node, k["inReport"], r)
            emit(node, k["index"], _int(sec.index))
            emit(node, k["heading"], _zh(sec.title))
            emit(node, k["startOffset"], _int(sec.start))
            emit(node, k["endOffset"], _int(sec.end))
        for para in self.doc.paragraphs:
            node = self.paragraph(para.index)
            emit(node, _P.type, k["Paragraph"])
            emit(node, k["inPart"], self.part(para.part))
            if para.section is not None:
                emit(node, k["inSection"], self.section(para.part, para.section))
            emit(node, k["inReport"], r)
            emit(node, k["index"], _int(para.index))
            emit(node, k["startOffset"], _int(para.start))
            emit(node, k["endOffset"], _int(para.end))
        for sent in self.doc.sentences:
            node = self.sentence(sent.index)
            emit(node, _P.type, k["Sentence"])
            emit(node, k["text"], _zh(sent.text))
            emit(node, k["index"], _int(sent.index))
            emit(node, k["startOffset"], _int(sent.start))
            emit(node, k["endOffset"], _int(sent.end))
            emit(node, k["inParagraph"], self.paragraph(sent.paragraph))
            emit(node, k["inPart"], self.part(sent.part))
            if sent.section is not None:
                emit(node, k["inSection"], self.section(sent.part, sent.section))
            emit(node, k["inReport"], r)
            emit(node, k["status"], _STATUS[sent.status])
            if sent.year is not None:
                emit(node, k["year"], _int(sent.year))

    def _merged_entities(self) -> dict[str, _Entity]:
        """Entities by IRI: names that resolve to one IRI in this report become one node."""
        merged: dict[str, _Entity] = {}
        for entity in self.x.entities:
            res = self.resolution.entities[entity.name]
            node = merged.setdefault(res.iri, _Entity(res.iri, res.label))
            node.types.add(entity.type)
            node.names.update({entity.name, *entity.aliases})
            node.sentences.update(entity.sentences())
            node.confidence = max(node.confidence or 0.0, entity.confidence)
        places = self.resolution.places
        for link in self.resolution.links:
            if link.parent and link.place in places and link.parent in places:
                child, parent = places[link.place], places[link.parent]
                node = merged.setdefault(child.iri, _Entity(child.iri, child.label))
                node.within.add(parent.iri)
                parent_node = merged.setdefault(parent.iri, _Entity(parent.iri, parent.label))
                if link.sentence is not None:
                    parent_node.sentences.add(link.sentence)
        for name, res in places.items():
            node = merged.setdefault(res.iri, _Entity(res.iri, res.label))
            node.types.add("Place")
        for node in merged.values():
            if "Place" in node.types:
                node.level = admin_level(node.label)
        return merged

    def add_entities(self) -> None:
        emit, sentences, k = self.emit, self.doc.sentences, _KGO
        for node in self._merged_entities().values():
            s = nt_iri(node.iri)
            for entity_type in sorted(node.types):
                emit(s, _P.type, k[entity_type])
            emit(s, _P.label, _zh(node.label))
            emit(s, _P.pref, _zh(node.label))
            for alias in sorted(node.names - {node.label}):
                emit(s, _P.alt, _zh(alias))
            if node.confidence is not None:
                emit(s, k["confidence"], _dec(node.confidence))
            used = sorted(node.sentences)
            for index in used:
                emit(s, k["mentionedIn"], self.sentence(index))
            for status in {sentences[i].status for i in used} or {"unknown"}:
                emit(s, k["status"], _STATUS[status])
            for year in {sentences[i].year for i in used} - {None}:
                emit(s, k["year"], _int(year))
            if node.level:
                emit(s, k["adminLevel"], nt_literal(node.level))
            for parent in sorted(node.within):
                emit(s, k["withinPlace"], nt_iri(parent))

    def add_relations(self) -> None:
        emit, k = self.emit, _KGO
        for rel in self.x.relations:
            subject, obj = self.iris.get(rel.subject), self.iris.get(rel.object)
            if rel.predicate not in _RELATIONS or subject is None or obj is None:
                continue
            predicate = str(getattr(KGO, rel.predicate))
            s, p, o = nt_iri(subject), nt_iri(predicate), nt_iri(obj)
            emit(s, p, o)
            fact = nt_iri(f"{self.base}fact/{digest(self.doc.doc_id, subject, predicate, obj, rel.sentence)}")
            sentence = self.doc.sentences[rel.sentence]
            emit(fact, _P.type, k["Fact"])
            emit(fact, _P.subject, s)
            emit(fact, _P.predicate, p)
            emit(fact, _P.object, o)
            emit(fact, _P.derived, self.sentence(rel.sentence))
            emit(fact, k["inReport"], self.report)
            emit(fact, k["status"], _STATUS[sentence.status])
            if sentence.year is not None:
                emit(fact, k["year"], _int(sentence.year))
            emit(fact, k["confidence"], _dec(rel.confidence))
            if rel.cue:
                emit(fact, k["cue"], _zh(rel.cue))

    def add_metrics(self) -> None:
        emit, k = self.emit, _KGO
        for metric in self.x.metrics:
            try:
                value = Decimal(metric.value)
            except InvalidOperation:
                continue
            if not value.is_finite():
                continue
            node = f"<{self.report_iri}/metric/{digest(metric.subject, metric.value, metric.unit, metric.sentence)}>"
            sentence = self.doc.sentences[metric.sentence]
            emit(node, _P.type, k["Metric"])
            emit(node, k["subjectText"], _zh(metric.subject))
            emit(node, k["value"], f'"{_decimal_text(value)}"^^<{_DECIMAL}>')
            emit(node, k["unit"], nt_literal(metric.unit))
            if metric.year is not None:
                emit(node, k["year"], _int(metric.year))
            if metric.qualifier:
                emit(node, k["qualifier"], _zh(metric.qualifier))
            if metric.about in self.iris:
                emit(node, k["about"], nt_iri(self.iris[metric.about]))
            emit(node, k["status"], _STATUS[sentence.status])
            emit(node, k["confidence"], _dec(metric.confidence))
            emit(node, k["inReport"], self.report)
            emit(node, _P.derived, self.sentence(metric.sentence))

    def add_glossary(self) -> None:
        emit, k = self.emit, _KGO
        for definition in self.x.definitions:
            # by term and definition: a term defined twice gives two entries, each with one definition
            node = f"<{self.report_iri}/glossary/{digest(definition.term, definition.definition)}>"
            emit(node, _P.type, k["GlossaryEntry"])
            emit(node, k["term"], _zh(definition.term))
            emit(node, _P.definition, _zh(definition.definition))
            emit(node, k["inReport"], self.report)
            if definition.sentence is not None:
                emit(node, _P.derived, self.sentence(definition.sentence))
            if (entity := self.iris.get(definition.term)) is not None:
                emit(node, k["defines"], nt_iri(entity))
                emit(nt_iri(entity), k["definedAs"], _zh(definition.definition))


def report_lines(extraction: Extraction, config: Config = Config(),
                 resolution: ReportResolution | None = None) -> ReportLines:
    """One report's named graph as sorted, unique N-Triples lines (a pure function of the report)."""
    resolution = resolution or resolve_report(extraction, config.base_iri)
    writer = _ReportGraph(extraction, config, resolution)
    writer.add_all()
    entities = frozenset(r.iri for r in resolution.entities.values()) | frozenset(
        r.iri for r in resolution.places.values())
    return ReportLines(graph=writer.report_iri, lines=sorted(set(writer.lines)), entities=entities,
                       summary=summarize(extraction, resolution, config.base_iri), resolution=resolution)


# --- the corpus graph ----------------------------------------------------------------------------

def follow_up_lines(follow_ups: Iterable[FollowUp], base: str) -> list[str]:
    """Plan follow-through facts: one ``kgo:FollowUp`` per item planned in a report for a year."""
    lines, k = [], _KGO
    for f in follow_ups:
        node = nt_iri(f"{base}followup/{digest(f.entity, f.planned_in, f.year)}")
        lines += [f"{node} {_P.type} {k['FollowUp']} .",
                  f"{node} {k['followUpOf']} {nt_iri(f.entity)} .",
                  f"{node} {k['plannedIn']} {nt_iri(f.planned_in)} .",
                  f"{node} {k['followedUpIn']} {nt_iri(f.followed_up_in)} .",
                  f"{node} {k['year']} {_int(f.year)} .",
                  f"{node} {k['status']} {_STATUS[f.status]} ."]
        lines += [f"{node} {_P.derived} {nt_iri(s)} ." for s in (*f.planned_sentences, *f.achieved_sentences)]
    return sorted(set(lines))


def corpus_lines(summaries: Iterable[ReportSummary], config: Config = Config()) -> list[str]:
    """The corpus graph: what needs several reports (today: plan follow-through)."""
    return follow_up_lines(follow_through(summaries), config.base_iri)


# --- rdflib views of the same lines ---------------------------------------------------------------

def _all_lines(extractions: Sequence[Extraction], config: Config) -> tuple[list[ReportLines], list[str]]:
    reports = [report_lines(x, config) for x in sorted(extractions, key=lambda x: x.document.doc_id)]
    return reports, corpus_lines([r.summary for r in reports], config)


def build_rdf(extractions: Iterable[Extraction], config: Config = Config(), graph: Graph | None = None) -> Graph:
    """The union of all report graphs and the corpus graph; IRIs depend only on content."""
    graph = bind_prefixes(graph if graph is not None else Graph(), config.base_iri)
    reports, corpus = _all_lines(list(extractions), config)
    for report in reports:
        lines_to_graph(report.lines, graph)
    return lines_to_graph(corpus, graph)


def build_dataset(extractions: Iterable[Extraction], config: Config = Config()) -> Dataset:
    """A named graph per report (named by the report's IRI), the entity graph and the corpus graph."""
    dataset = Dataset()
    bind_prefixes(dataset, config.base_iri)
    reports, corpus = _all_lines(list(extractions), config)
    entities: set[str] = set()
    for report in reports:
        shared, local = report.split()
        for section in report_graph_sections(shared, local):
            lines_to_graph(section, dataset.graph(URIRef(report.graph)))
        entities.update(entity_graph_lines(shared))
    if entities:
        lines_to_graph(sorted(entities), dataset.graph(URIRef(entities_graph_iri(config.base_iri))))
    if corpus:
        lines_to_graph(corpus, dataset.graph(URIRef(corpus_graph_iri(config.base_iri))))
    return dataset
