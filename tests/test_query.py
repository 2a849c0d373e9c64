"""The SPARQL query library, `kg query`, parameters as RDF terms and the two stores, on the sample report.

Each library query is checked for rows a careful reader finds in the Shihua 2023 report and for
properties of the whole answer (recomputed from the graph in Python), not for exact row lists, so
that better extraction does not break the tests needlessly.
"""
import json
import os
import re
import threading
import time
from collections import Counter
from decimal import Decimal
from functools import cache
from urllib.parse import unquote

import pytest
import rdflib
from click.testing import CliRunner
from rdflib import RDF, RDFS, Graph, Literal, URIRef

from kg.cli import cli
from kg.query import (
    MemoryStore,
    ParamError,
    QueryError,
    QuerySyntaxError,
    QueryTimeout,
    ReadOnlyError,
    get_query,
    list_queries,
    open_store,
    resolve_query,
    run_query,
)
from kg.vocab import KGO

PROGRAMME_TYPES = {KGO.Program, KGO.Brand}
RELATIONS = [KGO.receivedAward, KGO.locatedIn, KGO.partOf, KGO.targets, KGO.organizedBy]
BASE = "https://kg.example.org/id/"
QUOTES = re.compile(r"[“”\"'‘’《》「」『』]")


@pytest.fixture(scope="module")
def stores(sample_build, tmp_path_factory):
    out, _, _ = sample_build
    return {"memory": open_store(out, "memory"),
            "oxigraph": open_store(out, f"oxigraph:{tmp_path_factory.mktemp('oxigraph') / 'store'}")}


@pytest.fixture(scope="module")
def answer(stores):
    """answer(name, store="memory", **params): each distinct call runs once per module."""
    @cache
    def cached(name, store, params):
        return run_query(stores[store], get_query(name), dict(params))

    return lambda name, store="memory", **params: cached(name, store, tuple(sorted(params.items())))


@pytest.fixture(scope="module")
def graph(sample_build):
    return sample_build[1]


def table(result):
    """Rows as dicts of lexical values ('' for unbound)."""
    return [{v: ("" if t is None else str(t)) for v, t in zip(result.variables, row)} for row in result.rows]


def pairs(result, *columns):
    return {tuple(row[c] for c in columns) for row in table(result)}


def label(graph, node):
    return str(graph.value(node, RDFS.label))


def named(graph, name):
    """The entity labelled ``name`` (IRIs are not spelt out here: their scheme may grow scopes)."""
    return next(graph.subjects(RDFS.label, Literal(name, lang="zh")))


def short(iri):
    """``id:Type/…/name`` as a user would type it, names unencoded."""
    return "id:" + unquote(str(iri)[len(BASE):])


def required_params(name, graph):
    """The parameters a library query needs to run at all (the others are optional)."""
    return {"search": {"contains": "睦邻中心"},
            "describe_entity": {"entity": short(named(graph, "骑士驿站"))}}.get(name, {})


def programmes(graph):
    return {s for t in PROGRAMME_TYPES for s in graph.subjects(RDF.type, t)}


def unquoted(text):
    return QUOTES.sub("", text)


# --- the library -----------------------------------------------------------------------------------

def test_query_library_is_documented():
    queries = list_queries()
    assert len(queries) >= 12
    for query in queries:
        assert query.title and query.question, query.name
        projection = query.text.split("WHERE")[0]
        for param in query.params:          # a parameter must be projected (SEP-0007 substitution)
            assert re.search(rf"\?{param.name}\b", projection), (query.name, param.name)
            assert param.required or re.search(rf"\?{param.name}\b", query.text.split("WHERE", 1)[1])


def test_query_resolve_library_name_file_and_text(tmp_path):
    assert resolve_query("awards").title == "Awards by recipient and year"
    path = tmp_path / "mine.rq"
    path.write_text("# title: Mine\nSELECT * WHERE { ?s ?p ?o } LIMIT 1\n", encoding="utf-8")
    assert resolve_query(str(path)).title == "Mine"
    assert resolve_query("SELECT * WHERE { ?s ?p ?o }").name == "query"
    with pytest.raises(QueryError, match="no library query named 'nope'"):
        resolve_query("nope")


def test_query_awards_by_recipient_and_year(answer):
    result = answer("awards")
    found = pairs(result, "recipientLabel", "awardLabel", "year")
    assert {("柳城居民区", "全国老年友好型社区", "2023"),
            ("城运中心", "上海市热线系统立功竞赛工单办理地区组集体奖", "2023"),
            ("综合执法队", "上海市城管执法系统立功竞赛活动先进集体", "2023"),
            ("辰凯卫生服务站", "上海市中医特色示范社区卫生服务站", "2023")} <= found
    holders = {str(KGO[t]) for t in ("Organization", "ResidentialArea", "Place", "Facility", "Person", "CreativeWork")}
    assert all(row["recipientType"] in holders for row in table(result))
    assert all(unquoted(row["awardLabel"])[:4] in unquoted(row["text"]) for row in table(result))
    assert pairs(answer("awards", year="2023"), "recipientLabel", "awardLabel") == pairs(
        result, "recipientLabel", "awardLabel")
    assert answer("awards", year="1999").rows == []


def test_query_programmes_with_organisers_and_areas(answer, graph):
    result = answer("programmes")
    brands = {label(graph, s) for s in graph.subjects(RDF.type, KGO.Brand)}
    assert {"啄木鸟", "石话实说", "爱·多一点"} <= brands
    assert {row["label"] for row in table(result)} == {label(graph, s) for s in programmes(graph)}
    for row in table(result):
        node = URIRef(row["programme"])
        if row["area"]:
            assert (node, KGO.locatedIn, URIRef(row["area"])) in graph
        if row["organiser"]:
            assert (node, KGO.organizedBy, URIRef(row["organiser"])) in graph
    only_brands = answer("programmes", type="kgo:Brand")
    assert {row["label"] for row in table(only_brands)} == brands


def test_query_plan_followup_in_one_report(answer, graph):
    result = answer("plan_followup", year="2024")
    rows = {row["label"]: row for row in table(result)}
    assert rows["滨海华韵"]["achievedBefore"] == "false"          # new in the 2024 plan
    assert rows["啄木鸟"]["achievedBefore"] == "true"             # 2023 brand, deepened in 2024
    assert all(row["year"] == "2024" and row["achievedLater"] == "false" and not row["achievedIn"]
               for row in rows.values())                          # no later report in the graph
    assert answer("plan_followup", year="2023").rows == []


def test_query_plan_followup_sees_a_later_report(graph):
    later = Graph()
    for triple in graph:
        later.add(triple)
    brand = next(s for s in graph.subjects(RDFS.label, Literal("滨海华韵", lang="zh")))
    sentence = URIRef("https://kg.example.org/id/report/2024_later/sentence/1")
    later.add((sentence, RDF.type, KGO.Sentence))
    later.add((sentence, KGO.status, KGO.achieved))
    later.add((sentence, KGO.year, Literal(2024, datatype=rdflib.XSD.integer)))
    later.add((brand, KGO.mentionedIn, sentence))
    rows = {row["label"]: row for row in table(run_query(MemoryStore(later), "plan_followup", {"year": "2024"}))}
    assert (rows["滨海华韵"]["achievedLater"], rows["滨海华韵"]["achievedIn"]) == ("true", "2024")
    assert rows["龙头风筝"]["achievedLater"] == "false"


def test_query_facilities_by_area(answer):
    result = answer("facilities_by_area")
    assert ("合生居民区", "熊国瑞麦秆画工作室") in pairs(result, "areaLabel", "facilityLabel")
    assert "第二综合为老服务中心" in {row["areaLabel"] for row in table(result)}   # hosts the 老年心理关爱点
    per_area = Counter(row["area"] for row in table(result))
    assert all(int(row["facilities"]) == per_area[row["area"]] for row in table(result))
    residential = answer("facilities_by_area", areaType="kgo:ResidentialArea")
    assert {row["areaType"] for row in table(residential)} == {str(KGO.ResidentialArea)}


def test_query_target_groups_and_what_serves_them(answer, graph):
    result = answer("target_groups")
    assert {("外卖小哥", "骑士驿站"), ("货车司机", "骑士驿站"), ("新就业群体", "骑士驿站")} <= pairs(
        result, "groupLabel", "servesLabel")
    assert any(row["groupLabel"] == "金婚夫妇" and row["serves"] for row in table(result))
    assert {row["groupLabel"] for row in table(result)} == {
        label(graph, s) for s in graph.subjects(RDF.type, KGO.TargetGroup)}


def test_query_mechanisms_with_glossary_definitions(answer):
    rows = table(answer("mechanisms"))
    defined = {row["label"]: row["definition"] for row in rows if row["defined"] == "true"}
    assert defined["一网通办"].startswith("是指依托全流程一体化在线政务服务平台")
    assert defined["四责协同"].startswith("是指党委主体责任")
    assert defined["8+3错时工作制"].startswith("即在白天8小时工作时间基础上")
    flags = [row["defined"] for row in rows]
    assert flags == sorted(flags, reverse=True)                    # defined ones first
    assert any(row["defined"] == "false" for row in rows)


def test_query_entity_facts_with_source_sentences(answer, graph):
    result = answer("entity_facts", label="骑士驿站")
    facts = pairs(result, "direction", "predicate", "otherLabel")
    assert {("out", str(KGO.targets), "外卖小哥"), ("out", str(KGO.targets), "货车司机")} <= facts
    assert all("骑士驿站" in row["text"] for row in table(result))
    by_iri = answer("entity_facts", entity=short(named(graph, "骑士驿站")))
    assert Counter(map(tuple, by_iri.rows)) == Counter(map(tuple, result.rows))
    definition = table(answer("entity_facts", label="一网通办"))
    assert any(row["direction"] == "definition" and row["otherLabel"].startswith("是指依托") for row in definition)


def test_query_metrics_by_subject_and_year(answer):
    rows = table(answer("metrics"))
    found = {(Decimal(row["value"]), row["unit"], row["year"]) for row in rows}
    assert {(Decimal(1053), "户", "2023"), (Decimal("16.5"), "%", "2023"), (Decimal(2746), "个", "2023")} <= found
    assert any(Decimal(row["value"]) == Decimal("16.5") and "同比增长" in row["qualifier"] for row in rows)
    subject = next(row["subject"] for row in rows if Decimal(row["value"]) == 1053)
    assert {Decimal(row["value"]) for row in table(answer("metrics", subject=subject))} >= {Decimal(1053)}
    assert {row["subject"] for row in table(answer("metrics", subject=subject))} == {subject}


def test_query_most_connected_programmes(answer, graph):
    rows = table(answer("most_connected"))
    degree = {}
    for node in programmes(graph):
        edges = {("out", p, o) for p in RELATIONS for o in graph.objects(node, p)}
        edges |= {("in", p, s) for p in RELATIONS for s in graph.subjects(p, node)}
        degree[str(node)] = len(edges)
    assert 0 < len(rows) <= 25
    assert all(int(row["degree"]) == degree[row["programme"]] for row in rows)
    assert int(rows[0]["degree"]) == max(degree.values()) >= 2
    assert [int(r["degree"]) for r in rows] == sorted((int(r["degree"]) for r in rows), reverse=True)


def test_query_programmes_mentioned_in_one_paragraph(answer, graph):
    rows = table(answer("co_mentioned"))
    paragraphs = {str(p): {graph.value(s, KGO.inParagraph) for s in graph.objects(p, KGO.mentionedIn)}
                  for p in programmes(graph)}
    expected = {(a, b): len(paragraphs[a] & paragraphs[b]) for a in paragraphs for b in paragraphs
                if a < b and paragraphs[a] & paragraphs[b]}
    assert {(r["programmeA"], r["programmeB"]): int(r["paragraphs"]) for r in rows} == expected
    assert len(rows) == len(expected)
    assert ("湾区·芯", "滨海华韵") in {tuple(sorted((r["labelA"], r["labelB"]))) for r in rows}


def test_query_entities_only_in_the_plan(answer, graph):
    rows = table(answer("plan_only"))
    assert {"滨海华韵", "湾区·芯", "龙头风筝"} <= {row["label"] for row in rows}

    def statuses(node):
        return {graph.value(s, KGO.status) for s in graph.objects(node, KGO.mentionedIn)}

    expected = {str(e) for e in set(graph.subjects(KGO.mentionedIn, None))
                if KGO.planned in statuses(e) and KGO.achieved not in statuses(e)}
    assert {row["entity"] for row in rows} == expected
    assert all(row["year"] == "2024" for row in rows)
    assert {row["type"] for row in table(answer("plan_only", type="kgo:Brand"))} == {str(KGO.Brand)}


def test_query_glossary_terms_never_used_in_the_body(answer):
    rows = table(answer("unused_glossary_terms"))
    assert {row["term"] for row in rows} == {"三个转型", "两区一堡", "三个湾区"}
    assert all(row["definition"].startswith("是指") for row in rows)


def test_query_entity_types_per_report(answer, graph):
    rows = table(answer("entity_types"))
    counts = Counter(graph.value(e, RDF.type) for e in set(graph.subjects(KGO.mentionedIn, None)))
    assert {row["type"]: int(row["entities"]) for row in rows} == {str(t): n for t, n in counts.items()}
    assert {str(KGO.Brand), str(KGO.Mechanism), str(KGO.Award), str(KGO.TargetGroup)} <= {r["type"] for r in rows}


def test_query_search_by_name(answer):
    rows = table(answer("search", contains="睦邻中心"))
    assert {"第五睦邻中心", "第六睦邻中心"} <= {row["label"] for row in rows}
    assert all("睦邻中心" in row["matched"] for row in rows)


def test_query_components(answer, graph):
    found = pairs(answer("components"), "whole", "component", "direct")
    direct = {(str(w), str(c)) for c, w in graph.subject_objects(KGO.partOf)}
    reach = set(direct)                                     # kgo:partOf+ computed in Python
    while step := {(w, c) for m, c in reach for w, m2 in direct if m2 == m} - reach:
        reach |= step
    assert found == {(w, c, "true" if (w, c) in direct else "false") for w, c in reach}
    labels = pairs(answer("components"), "wholeLabel", "componentLabel")
    assert ("3+1法治保障体系", "重大行政决策法治评估机制") in labels


def test_query_reports(answer, graph):
    [row] = table(answer("reports"))
    assert (row["title"], row["issuer"], row["date"]) == ("石化街道办事处2023年工作报告", "石化街道办事处", "2024-01-25")
    assert int(row["sentences"]) == len(set(graph.subjects(RDF.type, KGO.Sentence)))
    assert int(row["facts"]) == len(set(graph.subjects(RDF.type, KGO.Fact)))
    assert int(row["metrics"]) == len(set(graph.subjects(RDF.type, KGO.Metric)))


def test_query_describe_entity_is_a_graph(answer, graph):
    station = named(graph, "骑士驿站")
    result = answer("describe_entity", entity=short(station))
    described = result.graph()
    assert result.form == "CONSTRUCT"
    assert (station, RDFS.label, Literal("骑士驿站", lang="zh")) in described
    facts = set(described.subjects(RDF.subject, station))
    assert facts and all(described.value(f, RDF.predicate) == KGO.targets or described.value(f, RDF.predicate)
                         for f in facts)
    assert any("骑士驿站" in str(t) for t in described.objects(None, KGO.text))


# --- the two stores --------------------------------------------------------------------------------

def _term_key(term):
    """Compare by value: engines may write the same decimal or integer differently."""
    if term is None:
        return None
    if isinstance(term, Literal) and term.datatype in (rdflib.XSD.integer, rdflib.XSD.decimal, rdflib.XSD.double):
        return ("number", Decimal(str(term)))
    if isinstance(term, Literal):
        return ("literal", str(term), term.language, str(term.datatype) if term.datatype else None)
    return (type(term).__name__, str(term))


@pytest.mark.parametrize("name", [q.name for q in list_queries()])
def test_query_library_same_answers_on_rdflib_and_oxigraph(answer, graph, name):
    params = required_params(name, graph)
    memory, oxigraph = answer(name, "memory", **params), answer(name, "oxigraph", **params)
    assert memory.form == oxigraph.form and memory.variables == oxigraph.variables
    rows = lambda r: Counter(tuple(map(_term_key, row)) for row in (r.rows or r.triples))
    assert rows(memory) == rows(oxigraph) and len(memory) > 0
    if "ORDER BY" in get_query(name).text and memory.form == "SELECT":
        order = [v for v in memory.variables if v in re.split(r"ORDER BY", get_query(name).text)[-1]]
        keys = lambda r: [tuple(_term_key(t) for v, t in zip(r.variables, row) if v in order)
                          for row in r.rows]
        assert keys(memory) == keys(oxigraph)


def test_query_oxigraph_store_is_reused_then_reloaded_when_the_graph_changes(sample_build, tmp_path):
    out, rdf, _ = sample_build
    source = tmp_path / "graph.nt"
    source.write_bytes((out / "graph.nt").read_bytes())
    path = tmp_path / "store"
    first = open_store(source, f"oxigraph:{path}")
    assert len(first) == len(rdf)
    del first
    again = open_store(None, f"oxigraph:{path}")                    # no graph: the store as it is
    assert len(again) == len(rdf)
    del again
    source.write_text('<urn:a> <urn:b> "c" .\n', encoding="utf-8")
    os.utime(source, ns=(time.time_ns(), time.time_ns() + 10**9))
    assert len(open_store(source, f"oxigraph:{path}")) == 1


def test_query_store_errors_are_one_line(tmp_path):
    with pytest.raises(QueryError, match="run `kg build` first"):
        open_store(tmp_path, "memory")
    with pytest.raises(QueryError, match="unknown store"):
        open_store(tmp_path, "sqlite:x")


# --- parameters ------------------------------------------------------------------------------------

@pytest.mark.parametrize("store", ["memory", "oxigraph"])
def test_query_params_are_terms_never_query_text(stores, store):
    evil = '爱心点名"@zh } UNION { ?entity ?p ?o } #'
    echoed = run_query(stores[store], "SELECT ?x WHERE {}", {"x": evil})
    assert echoed.rows == [(Literal(evil),)]
    assert run_query(stores[store], "entity_facts", {"label": evil}).rows == []
    with pytest.raises(ParamError, match="is not an IRI"):
        run_query(stores[store], "entity_facts", {"entity": "<urn:x> } UNION { ?s ?p ?o"})
    with pytest.raises(ParamError, match="not a valid"):
        run_query(stores[store], "awards", {"year": "2023 } #"})


def test_query_params_are_checked_against_the_header(stores):
    with pytest.raises(ParamError, match="unknown parameter 'yeer'"):
        run_query(stores["memory"], "awards", {"yeer": "2023"})
    with pytest.raises(ParamError, match="'contains' is required"):
        run_query(stores["memory"], "search", {})
    with pytest.raises(ParamError, match="no variable"):
        run_query(stores["memory"], "SELECT ?s WHERE { ?s ?p ?o } LIMIT 1", {"nope": "1"})


def test_query_params_typed_terms(stores, graph):
    result = run_query(stores["memory"], "SELECT ?a ?b ?c ?d WHERE {}",
                       {"a": "<urn:x>", "b": '"石化"@zh', "c": "2023", "d": "kgo:Brand"})
    assert result.rows == [(URIRef("urn:x"), Literal("石化", lang="zh"), Literal(2023), KGO.Brand)]
    brand = named(graph, "爱·多一点")                     # id:…/爱·多一点 is encoded like the builder does
    assert "%C2%B7" in str(brand) and "·" in short(brand)
    entity = run_query(stores["memory"], "describe_entity", {"entity": short(brand)})
    assert brand in set(entity.graph().subjects())


# --- errors and refusals ---------------------------------------------------------------------------

def test_query_syntax_error_names_the_line(stores, tmp_path):
    with pytest.raises(QuerySyntaxError) as error:
        run_query(stores["memory"], "SELECT ?s\nWHERE {\n  ?s ?p \n}")
    assert error.value.line == 3 and "line 3" in str(error.value) and "\n" not in str(error.value)
    path = tmp_path / "broken.rq"
    path.write_text("# title: Broken\nSELECT ?s WHERE {\n  ?s kgo:nope ?o .\n  FILTER(?o = )\n}\n", encoding="utf-8")
    with pytest.raises(QuerySyntaxError, match=r"broken\.rq: syntax error at line 4"):
        run_query(stores["oxigraph"], str(path))


@pytest.mark.parametrize("text, reason", [
    ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "Update"),
    ("PREFIX ex: <urn:x>\nDELETE WHERE { ?s ?p ?o }", "Update"),
    ("LOAD <http://example.org/data.ttl>", "LOAD"),
    ("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", "SERVICE"),
    ("SELECT * WHERE { ?s ?p ?o # \\u000A SERVICE <http://example.org/sparql> { ?s ?p ?o }\n}", "SERVICE"),
])
def test_query_is_read_only(stores, text, reason):
    with pytest.raises(ReadOnlyError, match=reason):
        run_query(stores["memory"], text)


def test_query_keywords_inside_strings_and_iris_are_not_refused(stores):
    result = run_query(stores["memory"], 'SELECT ?x WHERE { BIND("SERVICE LOAD INSERT" AS ?x) '
                                         'OPTIONAL { <urn:SERVICE> ?p ?o } }')
    assert result.rows == [(Literal("SERVICE LOAD INSERT"),)]


def test_query_timeout_cancels_a_runaway_rdflib_query(stores):
    finished = threading.Event()
    started = time.perf_counter()
    with pytest.raises(QueryTimeout, match="time limit"):
        run_query(stores["memory"], "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }",
                  timeout=0.3, on_finish=finished.set)
    assert time.perf_counter() - started < 2
    assert finished.wait(5)                                        # the worker really stopped


# --- the command -----------------------------------------------------------------------------------

def kg(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def test_cli_query_formats(sample_build):
    out, graph, _ = sample_build
    table_out = kg("query", "unused_glossary_terms", "--graph", out)
    assert table_out.exit_code == 0, table_out.output
    assert "两区一堡" in table_out.output and "(3 rows)" in table_out.output
    csv_out = kg("query", "unused_glossary_terms", "--graph", out, "-f", "csv")
    assert csv_out.output.splitlines()[0] == "report,term,definition,entity"
    tsv_out = kg("query", "unused_glossary_terms", "--graph", out, "-f", "tsv")
    assert tsv_out.output.splitlines()[0] == "?report\t?term\t?definition\t?entity"
    assert '"三个转型"@zh' in tsv_out.output
    data = json.loads(kg("query", "awards", "--graph", out, "-f", "json", "-p", "year=2023").output)
    assert data["head"]["vars"][0] == "year" and data["results"]["bindings"]
    assert data["results"]["bindings"][0]["year"] == {"type": "literal", "value": "2023",
                                                      "datatype": str(rdflib.XSD.integer)}
    ttl = kg("query", "describe_entity", "--graph", out, "-p", f"entity={short(named(graph, '骑士驿站'))}")
    assert (named(graph, "骑士驿站"), RDFS.label, Literal("骑士驿站", lang="zh")) in Graph().parse(
        data=ttl.output, format="turtle")


def test_cli_query_list_and_errors(sample_build, tmp_path):
    out, _, _ = sample_build
    listing = kg("query", "--list")
    assert listing.exit_code == 0 and "unused_glossary_terms: Glossary terms never used in the body" in listing.output
    broken = kg("query", "SELECT ?s WHERE {\n ?s ?p\n}", "--graph", out)
    assert broken.exit_code == 1 and "syntax error at line 2" in broken.stderr
    assert broken.stderr.strip().count("\n") == 0
    missing = kg("query", "awards", "--graph", tmp_path)
    assert missing.exit_code == 1 and "kg build" in missing.stderr
    refused = kg("query", "CLEAR ALL", "--graph", out)
    assert refused.exit_code == 1 and "read-only" in refused.stderr


def test_cli_query_oxigraph_store(sample_build, tmp_path):
    out, graph, _ = sample_build
    result = kg("query", "SELECT ?b WHERE { ?b rdfs:label \"石话实说\"@zh }", "--graph", out,
                "--store", f"oxigraph:{tmp_path / 'store'}", "-f", "csv")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == ["b", str(named(graph, "石话实说"))]
