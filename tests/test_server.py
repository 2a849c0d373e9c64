"""The SPARQL 1.1 Protocol endpoint, started in-process on a free port and used by real clients."""
import csv
import io
import re
import threading
import time
import xml.etree.ElementTree as ET
from urllib.error import HTTPError

import httpx
import pytest
from rdflib import Graph, Literal, URIRef
from SPARQLWrapper import CSV, JSON, TURTLE, XML, SPARQLWrapper

from kg.query import open_store
from kg.server import make_server, negotiate
from kg.vocab import KGO

BRANDS = "SELECT ?brand ?label WHERE { ?brand a kgo:Brand ; rdfs:label ?label } ORDER BY ?label"
SPARQL_NS = "{http://www.w3.org/2005/sparql-results#}"
# ~28 million pattern pairs: seconds of work for either engine on the sample graph
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d %s}"


def start(store, **options):
    server = make_server(store, 0, quiet=True, **options)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="module")
def endpoint(sample_build):
    """The sample graph in memory (rdflib) behind an endpoint with a 1 s query limit."""
    server = start(open_store(sample_build[0], "memory"), timeout=1.0, max_body=64 * 1024)
    yield server.url
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def ox_endpoint(sample_build, tmp_path_factory):
    """The same graph in an on-disk Oxigraph store, with a 0.5 s limit."""
    store = open_store(sample_build[0], f"oxigraph:{tmp_path_factory.mktemp('served') / 'store'}")
    server = start(store, timeout=0.5)
    yield server.url
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def client():
    with httpx.Client(timeout=20) as session:
        yield session


def labels(data):
    return {b["label"]["value"] for b in data["results"]["bindings"]}


# --- the protocol ----------------------------------------------------------------------------------

def test_server_get_select_json(endpoint, client):
    response = client.get(endpoint, params={"query": BRANDS}, headers={"Accept": "application/sparql-results+json"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/sparql-results+json")
    data = response.json()
    assert data["head"]["vars"] == ["brand", "label"]
    assert {"啄木鸟", "石话实说"} <= labels(data)
    assert data["results"]["bindings"][0]["label"]["xml:lang"] == "zh"


def test_server_post_form_and_direct_body(endpoint, client):
    by_get = client.get(endpoint, params={"query": BRANDS}).json()
    by_form = client.post(endpoint, data={"query": BRANDS}, headers={"Accept": "application/sparql-results+json"})
    direct = client.post(endpoint, content=BRANDS.encode("utf-8"),
                         headers={"Content-Type": "application/sparql-query", "Accept": "application/json"})
    assert by_form.status_code == direct.status_code == 200
    assert by_form.json() == direct.json() == by_get


@pytest.mark.parametrize("accept", ["application/sparql-results+xml", "text/csv", "text/tab-separated-values"])
def test_server_result_formats(endpoint, client, accept):
    response = client.get(endpoint, params={"query": BRANDS}, headers={"Accept": accept})
    assert response.status_code == 200 and response.headers["content-type"].startswith(accept)
    if accept.endswith("xml"):
        root = ET.fromstring(response.content)
        assert [v.get("name") for v in root.iter(f"{SPARQL_NS}variable")] == ["brand", "label"]
        found = {b.findtext(f"{SPARQL_NS}literal") for b in root.iter(f"{SPARQL_NS}binding") if b.get("name") == "label"}
    elif accept == "text/csv":
        rows = list(csv.reader(io.StringIO(response.text)))
        assert rows[0] == ["brand", "label"] and response.text.endswith("\r\n")
        found = {row[1] for row in rows[1:]}
    else:
        lines = response.text.splitlines()
        assert lines[0] == "?brand\t?label"
        found = {line.split("\t")[1] for line in lines[1:]}
        assert '"啄木鸟"@zh' in found
        found = {value.split('"')[1] for value in found}
    assert {"啄木鸟", "石话实说"} <= found


def test_server_ask(endpoint, client):
    yes = client.get(endpoint, params={"query": "ASK { ?b a kgo:Brand }"})
    assert yes.json() == {"head": {}, "boolean": True}
    no = client.get(endpoint, params={"query": "ASK { ?b a kgo:Nothing }"},
                    headers={"Accept": "application/sparql-results+xml"})
    assert ET.fromstring(no.content).findtext(f"{SPARQL_NS}boolean") == "false"


def test_server_construct_is_turtle(endpoint, client):
    query = "CONSTRUCT { ?b a kgo:Brand ; rdfs:label ?l } WHERE { ?b a kgo:Brand ; rdfs:label ?l }"
    response = client.get(endpoint, params={"query": query}, headers={"Accept": "text/turtle"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/turtle")
    graph = Graph().parse(data=response.text, format="turtle")
    assert {Literal("啄木鸟", lang="zh"), Literal("石话实说", lang="zh")} <= set(graph.objects())
    assert set(graph.objects(None, URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"))) == {KGO.Brand}
    anything = client.get(endpoint, params={"query": query}, headers={"Accept": "*/*"})
    assert anything.headers["content-type"].startswith("text/turtle")


def test_server_with_sparqlwrapper(endpoint):
    brands = labels(client_json(endpoint, BRANDS))
    sparql = SPARQLWrapper(endpoint)
    sparql.setQuery(BRANDS)
    sparql.setReturnFormat(JSON)
    assert labels(sparql.queryAndConvert()) == brands
    sparql.setReturnFormat(XML)
    assert len(sparql.queryAndConvert().getElementsByTagName("result")) == len(brands)
    sparql.setReturnFormat(CSV)
    assert sparql.queryAndConvert().decode("utf-8").startswith("brand,label\r\n")
    sparql.setMethod("POST")
    sparql.setQuery("CONSTRUCT WHERE { ?b a kgo:Brand }")
    sparql.setReturnFormat(TURTLE)
    graph = Graph().parse(data=sparql.queryAndConvert(), format="turtle")
    assert len(graph) == len(brands)
    sparql.setQuery("ASK { ?b a kgo:Brand }")
    sparql.setReturnFormat(JSON)
    assert sparql.queryAndConvert()["boolean"] is True


def client_json(endpoint, query):
    return httpx.get(endpoint, params={"query": query}, timeout=20).json()


# --- read-only -------------------------------------------------------------------------------------

@pytest.mark.parametrize("query, reason", [
    ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "Update"),
    ("LOAD <http://example.org/data.ttl>", "LOAD"),
    ("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", "SERVICE"),
    ("SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }", "FROM"),
])
def test_server_refuses_writes_and_remote_data(endpoint, client, query, reason):
    response = client.get(endpoint, params={"query": query})
    assert response.status_code == 403 and reason in response.text


def test_server_refuses_the_update_operation(endpoint, client):
    form = client.post(endpoint, data={"update": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"})
    direct = client.post(endpoint, content=b"CLEAR ALL", headers={"Content-Type": "application/sparql-update"})
    assert form.status_code == direct.status_code == 403 and "read-only" in form.text
    sparql = SPARQLWrapper(endpoint)
    sparql.setMethod("POST")
    sparql.setQuery("DELETE WHERE { ?s ?p ?o }")
    with pytest.raises(HTTPError) as refused:
        sparql.query()
    assert refused.value.code == 403
    assert client.get(endpoint, params={"query": "ASK { ?b a kgo:Brand }"}).json()["boolean"] is True


def test_server_bad_requests(endpoint, client):
    broken = client.get(endpoint, params={"query": "SELECT ?s WHERE {\n  ?s ?p\n}"})
    assert broken.status_code == 400 and "syntax error at line 2" in broken.text
    assert client.get(endpoint).status_code == 400                                  # no query
    assert client.get(endpoint, params={"query": BRANDS, "default-graph-uri": "urn:g"}).status_code == 400
    assert client.get(endpoint, params={"query": BRANDS}, headers={"Accept": "image/png"}).status_code == 406
    assert client.post(endpoint, content=b"x", headers={"Content-Type": "text/plain"}).status_code == 415
    assert client.get(endpoint.replace("/sparql", "/nowhere")).status_code == 404


def test_server_cors(endpoint, client):
    response = client.get(endpoint, params={"query": "ASK {}"}, headers={"Origin": "http://localhost:3000"})
    assert response.headers["access-control-allow-origin"] == "*"
    preflight = client.options(endpoint, headers={"Origin": "http://localhost:3000",
                                                  "Access-Control-Request-Method": "POST",
                                                  "Access-Control-Request-Headers": "content-type"})
    assert preflight.status_code == 204
    assert "POST" in preflight.headers["access-control-allow-methods"]
    assert "content-type" in preflight.headers["access-control-allow-headers"].lower()


def test_server_refuses_an_oversize_body(endpoint, client):
    padding = "#" + "x" * (70 * 1024) + "\n"
    response = client.post(endpoint, content=(padding + "ASK {}").encode(),
                           headers={"Content-Type": "application/sparql-query"})
    assert response.status_code == 413 and "limit" in response.text
    assert client.post(endpoint, data={"query": "ASK {}"}).status_code == 200


def test_server_page_and_library(endpoint, client):
    page = client.get(endpoint.replace("/sparql", "/"))
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "<textarea" in page.text
    assert "<script src" not in page.text and "<link" not in page.text and "@import" not in page.text   # offline
    assert re.findall(r"fetch\('([^']*)'", page.text) == ["/queries", "/sparql"]
    library = client.get(endpoint.replace("/sparql", "/queries")).json()
    assert len(library) >= 12 and all(q["title"] and q["text"] for q in library)


def test_server_negotiation():
    offers = ["application/sparql-results+json", "text/csv"]
    assert negotiate(None, offers) == "application/sparql-results+json"
    assert negotiate("text/csv;q=0.9, application/sparql-results+json;q=0.5", offers) == "text/csv"
    assert negotiate("text/*", offers) == "text/csv"
    assert negotiate("text/csv;q=0, */*;q=0.1", offers) == "application/sparql-results+json"
    assert negotiate("image/png", offers) is None


# --- time limit ------------------------------------------------------------------------------------

def _runaway_while_others_ask(url, runaway):
    """Fire the runaway query, then quick ones from another client; return both outcomes and timings."""
    outcome = {}

    def slow():
        started = time.perf_counter()
        response = httpx.get(url, params={"query": runaway}, timeout=30)
        outcome["slow"] = (response.status_code, response.text, time.perf_counter() - started)

    thread = threading.Thread(target=slow)
    thread.start()
    time.sleep(0.15)
    quick = []
    with httpx.Client(timeout=30) as other:
        for _ in range(3):
            response = other.get(url, params={"query": "ASK { ?b a kgo:Brand }"})
            quick.append((response.status_code, "slow" in outcome))
    thread.join(30)
    return outcome["slow"], quick


def test_server_timeout_cuts_a_runaway_query_while_others_get_answers(endpoint):
    (status, text, seconds), quick = _runaway_while_others_ask(endpoint, RUNAWAY % ". ?e ?r ?f ")
    assert status == 503 and "time limit" in text and seconds < 5
    assert quick == [(200, False)] * 3                  # answered while the runaway was still running
    assert client_json(endpoint, "ASK { ?b a kgo:Brand }")["boolean"] is True


def test_server_timeout_on_oxigraph(ox_endpoint):
    (status, text, seconds), quick = _runaway_while_others_ask(ox_endpoint, RUNAWAY % "")
    assert status == 503 and "time limit" in text and seconds < 2
    assert [code for code, _ in quick] == [200] * 3
