"""kg push and kg query --endpoint against a real SPARQL server: Virtuoso, started here on free ports.

The server runs from a temporary database folder with a generated virtuoso.ini, for this module
only. Without ``virtuoso-t`` the server tests are skipped, except in CI (``CI`` set), where a
missing server is a failure: ``.ci/run`` installs ``virtuoso-opensource``.
"""
from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import time
import urllib.parse
import urllib.request
from collections import Counter
from dataclasses import dataclass

import pytest
from click.testing import CliRunner
from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from kg.cli import cli
from kg.config import Config
from kg.pipeline import run_build
from kg.push import Auth, PushError, RemoteStore, _with_values, named_graphs, push_build
from kg.query import list_queries, open_store, run_query

from conftest import DATA

HAILAER = sorted((DATA / "reports").glob("201[2-5]_neimenggu-hulunbeier-hailaer_district.gbk.txt"))
DBA = Auth("dba", "dba", "digest")
INI = """\
[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0
[Parameters]
ServerPort = 127.0.0.1:{sql}
DisableUnixSocket = 1
CheckpointInterval = 0
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
DirsAllowed = .
CaseMode = 2
[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = {dir}
MaxClientConnections = 8
ServerThreads = 8
Charset = UTF-8
EnabledGzipContent = 0
[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 120
"""


@dataclass(frozen=True)
class Virtuoso:
    base: str

    @property
    def sparql(self) -> str:
        return f"{self.base}/sparql"

    @property
    def store(self) -> str:
        """The Graph Store endpoint that takes writes (Digest authentication, user dba)."""
        return f"{self.base}/sparql-graph-crud-auth"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory):
    exe = shutil.which("virtuoso-t")
    if exe is None:
        if os.environ.get("CI"):
            pytest.fail("virtuoso-t not found: CI must install virtuoso-opensource (see .ci/run)")
        pytest.skip("Virtuoso is not installed (apt-get install virtuoso-opensource); CI runs these tests")
    folder = tmp_path_factory.mktemp("virtuoso")
    http = _free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(INI.format(dir=folder, sql=_free_port(), http=http), encoding="utf-8")
    log = open(folder / "server.out", "wb")
    server = subprocess.Popen([exe, "+configfile", str(ini), "+foreground"], cwd=folder, stdout=log,
                              stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{http}"
    deadline = time.monotonic() + 60
    try:
        while True:
            if server.poll() is not None:
                pytest.fail(f"Virtuoso exited at start-up:\n{(folder / 'server.out').read_text(errors='replace')[-2000:]}")
            try:
                with urllib.request.urlopen(f"{base}/sparql?query=ASK%7B%7D", timeout=2) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail("Virtuoso did not answer within 60 s")
            time.sleep(0.2)
        yield Virtuoso(base)
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


@pytest.fixture(scope="module")
def hailaer_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("hailaer")
    result = run_build(HAILAER, Config(out_dir=out, validate=False), cache=False)
    assert len(result.reports) == 4
    return out


def _select(endpoint: str, query: str) -> list[dict]:
    data = urllib.parse.urlencode({"query": query}).encode()
    request = urllib.request.Request(endpoint, data=data, headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=60) as answer:
        return json.loads(answer.read())["results"]["bindings"]


def _graph_sizes(endpoint: str) -> dict[str, int]:
    rows = _select(endpoint, "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
                             "FILTER(STRSTARTS(STR(?g), 'https://kg.example.org/id/')) } GROUP BY ?g")
    return {row["g"]["value"]: int(row["n"]["value"]) for row in rows}


# --- without a server -------------------------------------------------------------------------

def test_push_named_graphs_are_the_build_graphs(hailaer_build):
    graphs = {name: count for name, _body, count in named_graphs(hailaer_build)}
    reports = {f"https://kg.example.org/id/report/{p.name.split('.')[0]}" for p in HAILAER}
    assert reports < set(graphs)
    assert set(graphs) - reports == {"https://kg.example.org/id/entities", "https://kg.example.org/id/corpus"}
    union = sum(1 for line in open(hailaer_build / "graph.nt", encoding="utf-8") if line.strip())
    assert sum(graphs.values()) == union       # no triple is in two named graphs


@pytest.mark.parametrize("query, expected", [
    ("SELECT ?x WHERE { ?x ?p ?o }", "SELECT ?x WHERE { VALUES (?x) { (<http://e/x>) } ?x ?p ?o }"),
    ("PREFIX a: <http://a#>\nSELECT * {\n ?x a:p ?o }", "PREFIX a: <http://a#>\nSELECT * { VALUES (?x) { (<http://e/x>) }\n ?x a:p ?o }"),
    ("# where { not here\nSELECT ?x WHERE{ ?x ?p ?o }", "# where { not here\nSELECT ?x WHERE{ VALUES (?x) { (<http://e/x>) } ?x ?p ?o }"),
    ("CONSTRUCT { ?x ?p ?o } WHERE { ?x ?p ?o }", "CONSTRUCT { ?x ?p ?o } WHERE { VALUES (?x) { (<http://e/x>) } ?x ?p ?o }"),
])
def test_push_parameters_go_into_the_where_clause_as_values(query, expected):
    assert _with_values(query, {"x": URIRef("http://e/x")}) == expected


def test_push_parameter_values_are_terms_not_text():
    query = _with_values("SELECT ?y WHERE { ?s ?p ?y }", {"y": Literal('a" } DROP ALL #', lang="zh")})
    assert 'VALUES (?y) { ("a\\" } DROP ALL #"@zh) }' in query


def test_push_unreachable_server_is_one_line_error(hailaer_build):
    with pytest.raises(PushError, match=r"cannot connect"):
        push_build(f"http://127.0.0.1:{_free_port()}/store", hailaer_build, timeout=5)


# --- against Virtuoso --------------------------------------------------------------------------

def test_push_puts_one_named_graph_per_report(virtuoso, hailaer_build):
    result = push_build(virtuoso.store, hailaer_build, DBA)
    local = {name: count for name, _body, count in named_graphs(hailaer_build)}
    assert result.graphs == len(local) == 6 and result.triples == sum(local.values())
    assert _graph_sizes(virtuoso.sparql) == local
    again = push_build(virtuoso.store, hailaer_build, DBA)        # PUT replaces: idempotent
    assert again.triples == result.triples and _graph_sizes(virtuoso.sparql) == local


def test_push_cli_reads_the_password_from_the_environment(virtuoso, hailaer_build):
    runner = CliRunner()
    ok = runner.invoke(cli, ["push", "--endpoint", virtuoso.store, "--graph", str(hailaer_build), "--user", "dba"],
                       env={"KG_PUSH_PASSWORD": "dba"})
    assert ok.exit_code == 0, ok.output
    assert ok.output.startswith("pushed 6 graph(s)")
    refused = runner.invoke(cli, ["push", "--endpoint", virtuoso.store, "--graph", str(hailaer_build),
                                  "--user", "dba"], env={"KG_PUSH_PASSWORD": "wrong"})
    assert refused.exit_code == 1
    assert refused.stderr.count("\n") == 1 and "HTTP 401" in refused.stderr


def _normal(result) -> Counter:
    """Rows as comparable text: Virtuoso answers booleans as 1/0 and may type counts differently."""
    def text(term):
        if term is None:
            return None
        if isinstance(term, Literal) and term.datatype == XSD.boolean:
            return "1" if term.toPython() else "0"
        return str(term)
    return Counter(tuple(text(t) for t in row) for row in result.rows)


@pytest.mark.parametrize("name, params", [
    ("reports", {}),
    ("plan_follow_through", {}),
    ("plan_follow_through", {"year": "2013", "status": "kgo:achieved"}),
    ("awards", {}),
    ("entity_types", {}),
    ("co_mentioned", {}),
])
def test_query_endpoint_gives_the_local_answers(virtuoso, hailaer_build, name, params):
    push_build(virtuoso.store, hailaer_build, DBA)
    remote = run_query(RemoteStore(virtuoso.sparql), name, params)
    local = run_query(open_store(hailaer_build, "oxigraph"), name, params)
    assert remote.variables == local.variables
    assert _normal(remote) == _normal(local) and local.rows


def test_query_endpoint_runs_the_whole_library(virtuoso, hailaer_build):
    push_build(virtuoso.store, hailaer_build, DBA)
    store = RemoteStore(virtuoso.sparql)
    required = {"describe_entity": {"entity": "id:Place/海拉尔区"}, "search": {"contains": "海拉尔"}}
    for query in list_queries():
        result = run_query(store, query, required.get(query.name, {}))
        assert result.form in ("SELECT", "ASK", "CONSTRUCT"), query.name
    assert len(run_query(store, "describe_entity", required["describe_entity"])) > 0


def test_query_endpoint_cli(virtuoso, hailaer_build):
    push_build(virtuoso.store, hailaer_build, DBA)
    result = CliRunner().invoke(cli, ["query", "plan_follow_through", "--endpoint", virtuoso.sparql,
                                      "-p", "year=2014", "-f", "csv"])
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert lines[0].startswith("place,year,status,type,entity,label") and len(lines) > 1
    assert all(",2014," in line for line in lines[1:])


def test_query_endpoint_transitive_place_hierarchy(virtuoso, hailaer_build):
    push_build(virtuoso.store, hailaer_build, DBA)
    text = """PREFIX kgo: <https://kg.example.org/ontology#>
              SELECT DISTINCT ?above WHERE { <https://kg.example.org/id/Place/海拉尔区> kgo:withinPlace+ ?above }"""
    above = {str(row[0]) for row in run_query(RemoteStore(virtuoso.sparql), text).rows}
    assert above == {"https://kg.example.org/id/Place/呼伦贝尔市", "https://kg.example.org/id/Place/内蒙古自治区"}
