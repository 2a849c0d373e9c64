"""Stage 5a: extractions → one rdflib Graph (entities, facts with provenance, structure, metrics)."""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Iterable

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, SKOS

from .config import Config
from .iris import digest, entity_iri, report_iri
from .models import Document, Extraction
from .vocab import KGO

__all__ = ["build_rdf", "bind_prefixes", "STATUS_IRIS"]

STATUS_IRIS = {"achieved": KGO.achieved, "planned": KGO.planned, "unknown": KGO.unknown}
_RELATIONS = {"receivedAward", "locatedIn", "partOf", "targets", "organizedBy"}


def bind_prefixes(graph: Graph, base: str) -> Graph:
    """The prefixes every serialisation shows (fixed, so output is stable)."""
    for prefix, namespace in (("kgo", str(KGO)), ("id", base), ("skos", str(SKOS)), ("prov", str(PROV)),
                              ("dct", str(DCTERMS)), ("owl", str(OWL)), ("xsd", str(XSD)),
                              ("rdfs", str(RDFS)), ("rdf", str(RDF))):
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


def _integer(value: int) -> Literal:
    return Literal(int(value), datatype=XSD.integer)


def _decimal_literal(value: Decimal) -> Literal:
    """xsd:decimal in the lexical form Turtle writes back ("46.0", not "46"), so round trips are exact."""
    text = format(value.normalize(), "f")
    return Literal(text if "." in text else text + ".0", datatype=XSD.decimal)


def _decimal(value: float | str) -> Literal:
    return _decimal_literal(Decimal(str(round(float(value), 3))))


def _zh(text: str) -> Literal:
    return Literal(text, lang="zh")


class _ReportGraph:
    """Adds one extraction to a graph; keeps the IRI helpers for that report together."""

    def __init__(self, graph: Graph, extraction: Extraction, config: Config):
        self.g = graph
        self.x = extraction
        self.doc: Document = extraction.document
        self.base = config.base_iri
        self.report = URIRef(report_iri(self.base, self.doc.doc_id))
        self.entity_iris = {e.name: URIRef(entity_iri(self.base, e.type, e.name)) for e in extraction.entities}

    def part(self, index: int) -> URIRef:
        return URIRef(f"{self.report}/part/{index}")

    def section(self, part: int, index: int) -> URIRef:
        return URIRef(f"{self.report}/part/{part}/section/{index}")

    def paragraph(self, index: int) -> URIRef:
        return URIRef(f"{self.report}/paragraph/{index}")

    def sentence(self, index: int) -> URIRef:
        return URIRef(f"{self.report}/sentence/{index}")

    def add_all(self) -> None:
        self.add_report()
        self.add_structure()
        self.add_entities()
        self.add_relations()
        self.add_metrics()
        self.add_glossary()

    def add_report(self) -> None:
        g, doc, r = self.g, self.doc, self.report
        g.add((r, RDF.type, KGO.Report))
        g.add((r, DCTERMS.title, _zh(doc.title or doc.doc_id)))
        g.add((r, DCTERMS.identifier, Literal(doc.doc_id)))
        if doc.source:
            g.add((r, DCTERMS.source, Literal(doc.source)))
        for prop, value in ((KGO.issuedBy, doc.issuer), (KGO.place, doc.place)):
            if value:
                g.add((r, prop, _zh(value)))
        if doc.level:
            g.add((r, KGO.level, Literal(doc.level)))
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", doc.date or ""):
            g.add((r, DCTERMS.date, Literal(doc.date, datatype=XSD.date)))

    def add_structure(self) -> None:
        g, r = self.g, self.report
        for part in self.doc.parts:
            node = self.part(part.index)
            g.add((node, RDF.type, KGO.Part))
            g.add((node, KGO.inReport, r))
            g.add((node, KGO.index, _integer(part.index)))
            if part.title:
                g.add((node, KGO.heading, _zh(part.title)))
            g.add((node, KGO.status, STATUS_IRIS[part.status]))
            if part.year is not None:
                g.add((node, KGO.year, _integer(part.year)))
            g.add((node, KGO.startOffset, _integer(part.start)))
            g.add((node, KGO.endOffset, _integer(part.end)))
        for sec in self.doc.sections:
            node = self.section(sec.part, sec.index)
            g.add((node, RDF.type, KGO.Section))
            g.add((node, KGO.inPart, self.part(sec.part)))
            g.add((node, KGO.inReport, r))
            g.add((node, KGO.index, _integer(sec.index)))
            g.add((node, KGO.heading, _zh(sec.title)))
            g.add((node, KGO.startOffset, _integer(sec.start)))
            g.add((node, KGO.endOffset, _integer(sec.end)))
        for para in self.doc.paragraphs:
            node = self.paragraph(para.index)
            g.add((node, RDF.type, KGO.Paragraph))
            g.add((node, KGO.inPart, self.part(para.part)))
            if para.section is not None:
                g.add((node, KGO.inSection, self.section(para.part, para.section)))
            g.add((node, KGO.inReport, r))
            g.add((node, KGO.index, _integer(para.index)))
            g.add((node, KGO.startOffset, _integer(para.start)))
            g.add((node, KGO.endOffset, _integer(para.end)))
        for sent in self.doc.sentences:
            node = self.sentence(sent.index)
            g.add((node, RDF.type, KGO.Sentence))
            g.add((node, KGO.text, _zh(sent.text)))
            g.add((node, KGO.index, _integer(sent.index)))
            g.add((node, KGO.startOffset, _integer(sent.start)))
            g.add((node, KGO.endOffset, _integer(sent.end)))
            g.add((node, KGO.inParagraph, self.paragraph(sent.paragraph)))
            g.add((node, KGO.inPart, self.part(sent.part)))
            if sent.section is not None:
                g.add((node, KGO.inSection, self.section(sent.part, sent.section)))
            g.add((node, KGO.inReport, r))
            g.add((node, KGO.status, STATUS_IRIS[sent.status]))
            if sent.year is not None:
                g.add((node, KGO.year, _integer(sent.year)))

    def add_entities(self) -> None:
        g, sentences = self.g, self.doc.sentences
        for entity in self.x.entities:
            node = self.entity_iris[entity.name]
            g.add((node, RDF.type, getattr(KGO, entity.type)))
            g.add((node, RDFS.label, _zh(entity.name)))
            g.add((node, SKOS.prefLabel, _zh(entity.name)))
            for alias in sorted(entity.aliases - {entity.name}):
                g.add((node, SKOS.altLabel, _zh(alias)))
            g.add((node, KGO.confidence, _decimal(entity.confidence)))
            used = sorted({m.sentence for m in entity.mentions})
            for index in used:
                g.add((node, KGO.mentionedIn, self.sentence(index)))
            for status in {sentences[i].status for i in used} or {"unknown"}:
                g.add((node, KGO.status, STATUS_IRIS[status]))
            for year in {sentences[i].year for i in used} - {None}:
                g.add((node, KGO.year, _integer(year)))

    def add_relations(self) -> None:
        g = self.g
        for rel in self.x.relations:
            subject, obj = self.entity_iris.get(rel.subject), self.entity_iris.get(rel.object)
            if rel.predicate not in _RELATIONS or subject is None or obj is None:
                continue
            predicate = getattr(KGO, rel.predicate)
            g.add((subject, predicate, obj))
            fact = URIRef(f"{self.base}fact/{digest(self.doc.doc_id, subject, predicate, obj, rel.sentence)}")
            sentence = self.doc.sentences[rel.sentence]
            g.add((fact, RDF.type, KGO.Fact))
            g.add((fact, RDF.subject, subject))
            g.add((fact, RDF.predicate, predicate))
            g.add((fact, RDF.object, obj))
            g.add((fact, PROV.wasDerivedFrom, self.sentence(rel.sentence)))
            g.add((fact, KGO.inReport, self.report))
            g.add((fact, KGO.status, STATUS_IRIS[sentence.status]))
            if sentence.year is not None:
                g.add((fact, KGO.year, _integer(sentence.year)))
            g.add((fact, KGO.confidence, _decimal(rel.confidence)))
            if rel.cue:
                g.add((fact, KGO.cue, _zh(rel.cue)))

    def add_metrics(self) -> None:
        g = self.g
        for metric in self.x.metrics:
            try:
                value = Decimal(metric.value)
            except InvalidOperation:
                continue
            node = URIRef(f"{self.report}/metric/{digest(metric.subject, metric.value, metric.unit, metric.sentence)}")
            sentence = self.doc.sentences[metric.sentence]
            g.add((node, RDF.type, KGO.Metric))
            g.add((node, KGO.subjectText, _zh(metric.subject)))
            g.add((node, KGO.value, _decimal_literal(value)))
            g.add((node, KGO.unit, Literal(metric.unit)))
            if metric.year is not None:
                g.add((node, KGO.year, _integer(metric.year)))
            if metric.qualifier:
                g.add((node, KGO.qualifier, _zh(metric.qualifier)))
            if metric.about in self.entity_iris:
                g.add((node, KGO.about, self.entity_iris[metric.about]))
            g.add((node, KGO.status, STATUS_IRIS[sentence.status]))
            g.add((node, KGO.confidence, _decimal(metric.confidence)))
            g.add((node, KGO.inReport, self.report))
            g.add((node, PROV.wasDerivedFrom, self.sentence(metric.sentence)))

    def add_glossary(self) -> None:
        g = self.g
        for definition in self.x.definitions:
            node = URIRef(f"{self.report}/glossary/{digest(definition.term)}")
            g.add((node, RDF.type, KGO.GlossaryEntry))
            g.add((node, KGO.term, _zh(definition.term)))
            g.add((node, SKOS.definition, _zh(definition.definition)))
            g.add((node, KGO.inReport, self.report))
            if definition.sentence is not None:
                g.add((node, PROV.wasDerivedFrom, self.sentence(definition.sentence)))
            if (entity := self.entity_iris.get(definition.term)) is not None:
                g.add((node, KGO.defines, entity))
                g.add((entity, KGO.definedAs, _zh(definition.definition)))


def build_rdf(extractions: Iterable[Extraction], config: Config = Config(), graph: Graph | None = None) -> Graph:
    """All extractions in one graph; IRIs depend only on content, so the result is order-free."""
    graph = bind_prefixes(graph if graph is not None else Graph(), config.base_iri)
    for extraction in extractions:
        _ReportGraph(graph, extraction, config).add_all()
    return graph
