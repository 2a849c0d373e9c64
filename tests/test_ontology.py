"""The ontology, its Python mirror (kg.vocab.KGO) and the SHACL shapes agree and behave."""
from __future__ import annotations

from decimal import Decimal
from typing import Callable

import pytest
from rdflib import OWL, RDF, RDFS, SKOS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV

from kg.validate import validate_graph
from kg.vocab import KGO, ONTOLOGY_PATH, SHAPES_PATH, load_ontology, load_shapes

ID = Namespace("https://kg.example.org/id/")
DECLARATION_TYPES = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.NamedIndividual,
                     SKOS.ConceptScheme}


def _kgo_terms() -> set[URIRef]:
    return {URIRef(KGO[name]) for name in KGO.__annotations__}


def _in_kgo_namespace(node) -> bool:
    # by prefix, not ``node in KGO`` (that only knows the terms KGO already lists)
    return isinstance(node, URIRef) and node.startswith(str(KGO))


def _declared_terms(ontology: Graph) -> set[URIRef]:
    """Every kgo: IRI the ontology gives a declaration type."""
    return {s for s, o in ontology.subject_objects(RDF.type)
            if _in_kgo_namespace(s) and o in DECLARATION_TYPES}


# --- the ontology and KGO ----------------------------------------------------------------------

def test_ontology_files_live_in_repository_ontology_folder():
    assert ONTOLOGY_PATH.is_file() and SHAPES_PATH.is_file()
    assert ONTOLOGY_PATH.parent.name == "ontology"


def test_ontology_parses_with_header():
    g = load_ontology()
    header = URIRef("https://kg.example.org/ontology")
    assert (header, RDF.type, OWL.Ontology) in g
    assert g.value(header, DCTERMS.title) is not None
    assert g.value(header, OWL.versionInfo) is not None


@pytest.mark.parametrize("term", sorted(_kgo_terms()), ids=lambda t: t.split("#")[1])
def test_ontology_declares_and_documents_every_vocab_term(term):
    g = load_ontology()
    assert set(g.objects(term, RDF.type)) & DECLARATION_TYPES, f"{term} has no declaration type"
    langs = {label.language for label in g.objects(term, RDFS.label)}
    assert {"zh", "en"} <= langs, f"{term} labels: {langs}"
    assert g.value(term, RDFS.comment) is not None, f"{term} has no rdfs:comment"


def test_vocab_lists_exactly_the_ontology_terms():
    declared = _declared_terms(load_ontology())
    assert declared == _kgo_terms(), (
        f"missing from KGO: {sorted(declared - _kgo_terms())}; "
        f"not declared in kg.ttl: {sorted(_kgo_terms() - declared)}")


def test_ontology_mentions_only_declared_kgo_terms():
    g = load_ontology()
    used = {node for triple in g for node in triple if _in_kgo_namespace(node)}
    assert used <= _declared_terms(g)


def test_vocab_rejects_unknown_terms():
    with pytest.raises(AttributeError):
        KGO.Programme  # noqa: B018


@pytest.mark.parametrize("sub, sup", [
    (KGO.Brand, KGO.Program),
    (KGO.Organization, ORG.Organization),
    (KGO.ResidentialArea, KGO.Place),
    (KGO.Concept, SKOS.Concept),
    (KGO.Fact, RDF.Statement),
    (KGO.Entity, PROV.Entity),
])
def test_ontology_states_alignment(sub, sup):
    assert (sub, RDFS.subClassOf, sup) in load_ontology()


def test_ontology_status_individuals_form_a_concept_scheme():
    g = load_ontology()
    for status in (KGO.achieved, KGO.planned, KGO.unknown):
        assert {KGO.Status, SKOS.Concept} <= set(g.objects(status, RDF.type))
        assert (status, SKOS.inScheme, KGO.StatusScheme) in g
    assert (KGO.StatusScheme, RDF.type, SKOS.ConceptScheme) in g


def test_ontology_relation_ranges():
    g = load_ontology()
    assert g.value(KGO.receivedAward, RDFS.range) == KGO.Award
    assert g.value(KGO.targets, RDFS.range) == KGO.TargetGroup
    assert (KGO.definedAs, RDFS.subPropertyOf, SKOS.definition) in g


# --- shapes ------------------------------------------------------------------------------------

def test_shapes_parse():
    assert len(load_shapes()) > 0


REPORT = ID["report/r1"]
SENTENCE = ID["report/r1/sentence/0"]
PROGRAM = ID["Program/爱心点名"]
GROUP = ID["TargetGroup/外卖小哥"]
AWARD = ID["Award/全国老年友好型社区"]
FACT = ID["fact/1"]
METRIC = ID["report/r1/metric/1"]


def _valid_graph() -> Graph:
    """One report, sentence, program, target group, award, a targets fact and a metric.

    rdflib types ``Literal(int)`` as xsd:integer and ``Literal(Decimal)`` as xsd:decimal.
    """
    g = Graph()
    zh = lambda text: Literal(text, lang="zh")  # noqa: E731
    g.add((REPORT, RDF.type, KGO.Report))
    g.add((REPORT, DCTERMS.title, zh("石化街道2023年工作报告")))
    g.add((SENTENCE, RDF.type, KGO.Sentence))
    g.add((SENTENCE, KGO.text, zh("为外卖小哥开展爱心点名活动。")))
    g.add((SENTENCE, KGO.startOffset, Literal(0)))
    g.add((SENTENCE, KGO.endOffset, Literal(14)))
    g.add((SENTENCE, KGO.inReport, REPORT))
    g.add((SENTENCE, KGO.status, KGO.achieved))
    g.add((SENTENCE, KGO.year, Literal(2023)))
    for node, cls, name in ((PROGRAM, KGO.Program, "爱心点名"), (GROUP, KGO.TargetGroup, "外卖小哥"),
                            (AWARD, KGO.Award, "全国老年友好型社区")):
        g.add((node, RDF.type, cls))
        g.add((node, RDFS.label, zh(name)))
        g.add((node, SKOS.prefLabel, zh(name)))
        g.add((node, KGO.status, KGO.achieved))
        g.add((node, KGO.year, Literal(2023)))
        g.add((node, KGO.confidence, Literal(Decimal("0.9"))))
        g.add((node, KGO.mentionedIn, SENTENCE))
    g.add((PROGRAM, KGO.targets, GROUP))
    g.add((FACT, RDF.type, KGO.Fact))
    g.add((FACT, RDF.subject, PROGRAM))
    g.add((FACT, RDF.predicate, KGO.targets))
    g.add((FACT, RDF.object, GROUP))
    g.add((FACT, PROV.wasDerivedFrom, SENTENCE))
    g.add((FACT, KGO.status, KGO.achieved))
    g.add((FACT, KGO.year, Literal(2023)))
    g.add((FACT, KGO.confidence, Literal(Decimal("0.8"))))
    g.add((METRIC, RDF.type, KGO.Metric))
    g.add((METRIC, KGO.subjectText, zh("新招企业")))
    g.add((METRIC, KGO.value, Literal(Decimal("1053"))))
    g.add((METRIC, KGO.unit, Literal("户")))
    g.add((METRIC, KGO.year, Literal(2023)))
    g.add((METRIC, KGO.status, KGO.achieved))
    g.add((METRIC, PROV.wasDerivedFrom, SENTENCE))
    return g


@pytest.fixture
def valid_graph() -> Graph:
    return _valid_graph()


def test_validate_small_valid_graph_conforms(valid_graph):
    result = validate_graph(valid_graph)
    assert result.conforms, result.text


def test_validate_accepts_brand_without_program_type(valid_graph):
    brand = ID["Brand/石话实说"]
    valid_graph.add((brand, RDF.type, KGO.Brand))
    valid_graph.add((brand, RDFS.label, Literal("石话实说", lang="zh")))
    valid_graph.add((brand, KGO.status, KGO.planned))
    valid_graph.add((brand, KGO.targets, GROUP))
    result = validate_graph(valid_graph)
    assert result.conforms, result.text


def _remove(*triple) -> Callable[[Graph], None]:
    return lambda g: g.remove(triple)


def _replace(s, p, o) -> Callable[[Graph], None]:
    return lambda g: g.set((s, p, o))


def _add(s, p, o) -> Callable[[Graph], None]:
    return lambda g: g.add((s, p, o))


BROKEN = {
    "missing label": (_remove(PROGRAM, RDFS.label, None), "exactly one non-empty rdfs:label"),
    "empty label": (_replace(PROGRAM, RDFS.label, Literal("", lang="zh")), "non-empty rdfs:label"),
    "no status": (_remove(GROUP, KGO.status, None), "at least one kgo:status"),
    "bad status": (_replace(PROGRAM, KGO.status, KGO.Program), "kgo:status must be"),
    "year not integer": (_replace(PROGRAM, KGO.year, Literal("2023")), "kgo:year must be an xsd:integer"),
    "confidence above 1": (_replace(PROGRAM, KGO.confidence, Literal(Decimal("1.5"))),
                           "kgo:confidence must be"),
    "mention not a sentence": (_add(PROGRAM, KGO.mentionedIn, REPORT), "kgo:mentionedIn must point"),
    "award to non-award": (_add(PROGRAM, KGO.receivedAward, GROUP),
                           "object of kgo:receivedAward must be a kgo:Award"),
    "targets non-group": (_add(PROGRAM, KGO.targets, AWARD),
                          "object of kgo:targets must be a kgo:TargetGroup"),
    "fact without source sentence": (_remove(FACT, PROV.wasDerivedFrom, None),
                                     "prov:wasDerivedFrom to a kgo:Sentence"),
    "fact with unknown predicate": (_replace(FACT, RDF.predicate, KGO.mentionedIn),
                                    "one of the five relation properties"),
    "fact without direct triple": (_remove(PROGRAM, KGO.targets, GROUP), "also be asserted directly"),
    "metric value not decimal": (_replace(METRIC, KGO.value, Literal("1053")),
                                 "exactly one kgo:value (xsd:decimal)"),
    "metric without unit": (_remove(METRIC, KGO.unit, None), "exactly one kgo:unit"),
    "metric without source": (_remove(METRIC, PROV.wasDerivedFrom, None), "prov:wasDerivedFrom"),
    "start after end": (_replace(SENTENCE, KGO.startOffset, Literal(20)),
                        "must not exceed its kgo:endOffset"),
    "sentence without text": (_remove(SENTENCE, KGO.text, None), "exactly one kgo:text"),
    "report without title": (_remove(REPORT, DCTERMS.title, None), "exactly one dct:title"),
}


@pytest.mark.parametrize("name", BROKEN)
def test_validate_broken_graph_fails_with_message(valid_graph, name):
    breaks, message = BROKEN[name]
    breaks(valid_graph)
    result = validate_graph(valid_graph)
    assert not result.conforms
    assert message in result.text, result.text


def test_validate_glossary_entry_needs_term_and_definition(valid_graph):
    entry = ID["report/r1/glossary/1"]
    valid_graph.add((entry, RDF.type, KGO.GlossaryEntry))
    valid_graph.add((entry, KGO.term, Literal("爱心点名", lang="zh")))
    assert validate_graph(valid_graph).conforms is False
    valid_graph.add((entry, SKOS.definition, Literal("……", lang="zh")))
    result = validate_graph(valid_graph)
    assert result.conforms, result.text
