"""Stage 5: one RDF graph and one NetworkX graph from the same facts, with provenance as data."""
from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.compare import isomorphic

from kg.config import Config
from kg.export import serialize_turtle
from kg.pipeline import build_graphs, process_file
from kg.vocab import KGO

from conftest import SAMPLE

RELATIONS = {"receivedAward", "locatedIn", "partOf", "targets", "organizedBy"}


def test_graphs_every_entity_is_a_typed_labelled_node(sample_extraction, sample_build):
    _, rdf, nxg = sample_build
    assert sample_extraction.entities
    labelled = {str(o) for o in rdf.objects(None, RDFS.label)}
    assert {e.name for e in sample_extraction.entities} <= labelled
    assert {a["label"] for _, a in nxg.nodes(data=True)} == {e.name for e in sample_extraction.entities}


def test_graphs_rdf_and_networkx_hold_the_same_facts(sample_build):
    _, rdf, nxg = sample_build
    rdf_edges = {(str(s), p.split("#")[-1], str(o)) for s, p, o in rdf
                 if isinstance(p, URIRef) and p.startswith(str(KGO)) and p.split("#")[-1] in RELATIONS}
    nx_edges = {(u, a["predicate"], v) for u, v, a in nxg.edges(data=True)}
    assert rdf_edges == nx_edges and rdf_edges
    assert set(nxg.nodes) == {str(s) for s in rdf.subjects(RDFS.label, None)}


def test_graphs_provenance_of_a_fact_is_queryable(sample_build):
    _, rdf, _ = sample_build
    rows = list(rdf.query("""
        PREFIX kgo: <https://kg.example.org/ontology#>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
        SELECT ?text ?start ?end ?status ?year ?heading WHERE {
          ?fact a kgo:Fact ; rdf:predicate ?p ; prov:wasDerivedFrom ?s ; kgo:status ?status .
          ?s kgo:text ?text ; kgo:startOffset ?start ; kgo:endOffset ?end ; kgo:inPart ?part .
          ?part kgo:heading ?heading .
          OPTIONAL { ?fact kgo:year ?year }
        }"""))
    assert rows
    text, start, end, status, year, heading = rows[0]
    assert int(start) < int(end) and str(text)
    assert str(status).split("#")[-1] in {"achieved", "planned", "unknown"}


def test_graphs_turtle_round_trip_is_isomorphic(sample_build):
    _, rdf, _ = sample_build
    parsed = Graph().parse(data=serialize_turtle(rdf), format="turtle")
    assert isomorphic(parsed, rdf)


def test_graphs_turtle_is_byte_identical_across_runs(sample_build):
    _, rdf, _ = sample_build
    again, _ = build_graphs([process_file(SAMPLE)])
    assert serialize_turtle(again) == serialize_turtle(rdf)


def test_graphs_base_iri_is_configurable(sample_extraction):
    rdf, nxg = build_graphs([sample_extraction], Config(base_iri="http://data.example.net/kg"))
    entities = set(rdf.subjects(RDFS.label, None))
    assert entities and all(str(s).startswith("http://data.example.net/kg/") for s in entities)
    assert all(node.startswith("http://data.example.net/kg/") for node in nxg.nodes)


def test_graphs_report_metadata(sample_build):
    _, rdf, _ = sample_build
    report = next(rdf.subjects(RDF.type, KGO.Report))
    assert str(rdf.value(report, KGO.issuedBy)) == "石化街道办事处"
    assert str(rdf.value(report, URIRef("http://purl.org/dc/terms/date"))) == "2024-01-25"
