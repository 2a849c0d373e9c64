"""kg.shacl against pyshacl, the reference: the same verdict and the same results on built graphs,
whole and broken at random; and shapes it does not know send validation to pyshacl."""
from __future__ import annotations

import random
from dataclasses import replace

import pyoxigraph
import pytest
from rdflib import Graph, Literal, Namespace
from rdflib.namespace import SH

from kg.config import Config
from kg.pipeline import load_document
from kg.extract import extract
from kg.rdf import lines_to_graph, parse_nt_line, report_lines
from kg.shacl import Shapes, Unsupported, check, compile_shapes
from kg.validate import _default_shapes, validate_graph, validate_lines
from kg.vocab import load_shapes

from conftest import DATA, SAMPLE

RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"


@pytest.fixture(scope="module")
def sample_lines() -> list[str]:
    return list(report_lines(extract(load_document(SAMPLE)), Config()).lines)


def results(graph: Graph, engine: str) -> set[tuple[str, str]]:
    """(focus node, result path) of every result, from the report either engine writes (IRIs in full)."""
    prefixes = {str(p): str(ns) for p, ns in (*load_shapes().namespaces(), *graph.namespaces())}

    def iri(text: str) -> str:
        text = text.strip()
        if text.startswith("<"):
            return text[1:-1]
        prefix, local = text.split(":", 1)
        return prefixes[prefix] + local

    out, focus = set(), None
    for line in validate_graph(graph, engine=engine).text.splitlines():
        line = line.strip()
        if line.startswith("Focus Node:"):
            focus = iri(line.split(":", 1)[1])
            out.add((focus, ""))
        elif line.startswith("Result Path:") and focus is not None:
            out.discard((focus, ""))
            out.add((focus, iri(line.split(":", 1)[1])))
    return out


def mutate(lines: list[str], rng: random.Random) -> list[str]:
    """A few random breaks: lines dropped, objects swapped between lines, types changed."""
    lines = list(lines)
    for _ in range(rng.randint(1, 4)):
        kind, i = rng.random(), rng.randrange(len(lines))
        if kind < 0.4:
            del lines[i]
        elif kind < 0.8:
            s, p, _ = lines[i].split(" ", 2)
            other = lines[rng.randrange(len(lines))].split(" ", 2)[2]
            lines[i] = f"{s} {p} {other}"
        else:
            typed = [n for n, line in enumerate(lines) if f" {RDF_TYPE} " in line]
            n = rng.choice(typed)
            s, p, _ = lines[n].split(" ", 2)
            lines[n] = f"{s} {p} {lines[rng.choice(typed)].split(' ', 2)[2]}"
    return lines


def test_shacl_both_engines_accept_a_built_report(sample_lines):
    graph = lines_to_graph(sample_lines)
    assert validate_graph(graph).conforms and validate_graph(graph, engine="pyshacl").conforms
    assert validate_lines(sample_lines).conforms


@pytest.mark.parametrize("seed", range(8))
def test_shacl_agrees_with_pyshacl_on_broken_graphs(sample_lines, seed):
    broken = mutate(sample_lines, random.Random(seed))
    graph = lines_to_graph(broken)
    ours, reference = results(graph, "kg"), results(graph, "pyshacl")
    assert ours == reference
    assert validate_lines(broken).conforms == (not reference)


def test_shacl_a_province_report_with_a_broken_fact_fails_in_both():
    lines = list(report_lines(extract(load_document(DATA / "reports" / "2026_hainan_province_excerpt.txt")),
                              Config()).lines)
    assert validate_lines(lines).conforms
    direct = next(line for line in lines if "/ontology#targets>" in line and "/id/fact/" not in line.split(" ")[0])
    broken = [line for line in lines if line != direct]
    ours = validate_lines(broken)
    assert not ours.conforms and "must also be asserted directly" in ours.text
    assert not validate_graph(lines_to_graph(broken), engine="pyshacl").conforms


def test_shacl_shapes_it_does_not_know_go_to_pyshacl(sample_lines):
    shapes = Graph()
    for triple in load_shapes():
        shapes.add(triple)
    ex = Namespace("https://kg.example.org/shapes#")
    shapes.add((ex.ReportShape, SH.closed, Literal(True)))
    with pytest.raises(Unsupported):
        compile_shapes(shapes)
    outcome = validate_lines(sample_lines, shapes)  # pyshacl reads sh:closed: reports have more than a title
    assert not outcome.conforms and "ClosedConstraintComponent" in outcome.text
    with pytest.raises(ValueError, match="unknown validation engine"):
        validate_graph(Graph(), engine="fast")


def test_shacl_an_illegal_value_and_a_blank_node_fail_alike_in_both_engines(sample_lines):
    """Tokens are read as text, so a year whose lexical form is no integer must still fail, and a
    node with no IRI must be checked as pyshacl checks it."""
    year = next(line for line in sample_lines if "/ontology#year> " in line)
    subject, predicate, _ = year.split(" ", 2)
    illegal = [line if line != year else f'{subject} {predicate} "2023年"^^<http://www.w3.org/2001/XMLSchema#integer> .'
               for line in sample_lines]
    ours = validate_lines(illegal)
    assert not ours.conforms and "kgo:year must be an xsd:integer" in ours.text
    graph = lines_to_graph(illegal)
    assert results(graph, "kg") == results(graph, "pyshacl") != set()
    sentence = next(line.split(" ")[0] for line in sample_lines if line.endswith("/ontology#Sentence> ."))
    blank = [line.replace(sentence, "_:s1") for line in sample_lines]
    graph = lines_to_graph(blank)
    assert validate_graph(graph).conforms == validate_graph(graph, engine="pyshacl").conforms
    assert results(graph, "kg") == results(graph, "pyshacl")


def _sparql_only(shapes):
    """The same shapes with the recognised statement constraint sent to the SPARQL engine instead."""
    query = next(str(q) for q in load_shapes().objects(None, SH.select))
    head = "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n"
    return Shapes(tuple(replace(s, sparql=s.sparql + [(head + query, m) for m in s.asserted], asserted=[])
                        for s in shapes.shapes))


def test_shacl_the_statement_constraint_read_natively_agrees_with_sparql():
    """The fact constraint (a statement's triple is asserted) is checked on the token dictionaries, not by
    loading the report into Oxigraph; on a report with some direct triples removed both give the same focus
    nodes."""
    lines = list(report_lines(extract(load_document(DATA / "reports" / "2026_hainan_province_excerpt.txt")),
                              Config()).lines)
    direct = [line for line in lines if "/ontology#" in line.split(" ")[1] and "/id/fact/" not in line.split(" ")[0]
              and "/ontology#" in line and not line.split(" ")[2].startswith('"')]
    broken = [line for line in lines if line not in set(direct[::7])]
    store = pyoxigraph.Store()
    store.bulk_load(("\n".join(broken) + "\n").encode(), pyoxigraph.RdfFormat.N_TRIPLES)

    def select(query):
        return [f"<{row[0].value}>" for row in store.query(query)]

    def facts(shapes):
        return {v.focus for v in check(list(map(parse_nt_line, broken)), shapes, select)
                if v.component == "sh:SPARQLConstraintComponent"}

    assert any(s.asserted for s in _default_shapes().shapes)        # recognised, not sent to SPARQL
    native = facts(_default_shapes())
    assert native and native == facts(_sparql_only(_default_shapes()))


def test_shacl_another_sparql_constraint_still_goes_to_the_sparql_engine(sample_lines):
    shapes = Graph()
    for triple in load_shapes():
        shapes.add(triple)
    ex = Namespace("https://kg.example.org/shapes#")
    constraint = ex.ShortTitle
    shapes.add((ex.ReportShape, SH.sparql, constraint))
    shapes.add((constraint, SH.message, Literal("a title of more than three characters is too long here")))
    shapes.add((constraint, SH.select, Literal(
        "SELECT $this WHERE { $this <http://purl.org/dc/terms/title> ?t . FILTER (STRLEN(STR(?t)) > 3) }")))
    compiled = compile_shapes(shapes)
    assert any(s.sparql for s in compiled.shapes)
    outcome = validate_lines(sample_lines, shapes)
    assert not outcome.conforms and "too long here" in outcome.text
