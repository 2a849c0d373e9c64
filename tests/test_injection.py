"""Hostile entity text (quotes, markup, template and SPARQL syntax, line breaks, formula prefixes) is
only ever data: every export escapes it so it reads back unchanged, and nothing in it runs."""
from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import SKOS

from kg.config import Config
from kg.export import RDF_FILES, write_exports
from kg.models import Definition, Document, Entity, Extraction, Mention, Metric, Paragraph, Part, Relation, Sentence
from kg.pipeline import build_graphs
from kg.query import open_store, run_query
from kg.tsv import write_extraction
from kg.views import write_views

HOSTILE = {
    "quotes": '他说"你好"和\'再见\'',
    "triple": '项目"""结束"""',
    "triple_single": "品牌'''x'''",
    "backslash": 'C:\\temp\\"x\\u0041',
    "script": "<script>alert('x')</script>",
    "close_script": "</script><script>alert(1)</script><!--",
    "img": '<img src=x onerror="alert(1)">',
    "template": "{{ 7*7 }}{% raw %}${x}@@DATA@@",
    "sparql": '"} ; DROP ALL ; INSERT DATA { <urn:a> <urn:b> <urn:c> } SELECT * WHERE {',
    "turtle": '"@zh . <urn:x> <urn:y> "z',
    "newline": "第一行\n第二行\r\n第三行\u2028第四行",
    "tab": "甲\t乙",
    "equals": "=HYPERLINK(\"http://evil.example\",\"点我\")",
    "plus": "+SUM(1,2)",
    "at": "@cmd|' /C calc'!A0",
    "minus": "-2+3",
    "control": "铃\x07声\x1b[31m红",
    "json": '{"a": [1, 2]}',
}
TYPES = ("Program", "Brand", "Organization", "TargetGroup", "Mechanism", "Award")
FORMULA = ("=", "+", "-", "@", "\t", "\r")
ROOT = Path(__file__).resolve().parent.parent


def hostile_extraction() -> Extraction:
    """A one-sentence-per-name report whose entities, aliases, relations, metrics and glossary are hostile."""
    names = list(HOSTILE.values())
    lines = [f"开展{name}活动。" for name in names]
    text = "\n".join(lines)
    sentences, paragraphs, offset = [], [], 0
    for i, line in enumerate(lines):
        paragraphs.append(Paragraph(index=i, part=0, section=None, start=offset, end=offset + len(line)))
        sentences.append(Sentence(index=i, text=line, start=offset, end=offset + len(line), part=0, section=None,
                                  paragraph=i, status="achieved", year=2023))
        offset += len(line) + 1
    doc = Document(doc_id="hostile", source="hostile.txt", text=text, title="恶意<script>alert(1)</script>报告",
                   issuer='某"街道"办事处', date="2024-01-25",
                   parts=(Part(index=0, title="", start=0, end=len(text), status="achieved", year=2023),),
                   paragraphs=tuple(paragraphs), sentences=tuple(sentences))
    entities = [Entity(name=name, type=TYPES[i % len(TYPES)], aliases={name, f"{name}（别名）"},
                       mentions=[Mention(name, i, sentences[i].start + 2, sentences[i].start + 2 + len(name))],
                       confidence=0.9)
                for i, name in enumerate(names)]
    relations = [Relation(names[i], "targets", names[(i + 1) % len(names)], i, 0.8, cue=names[i])
                 for i in range(len(names))]
    metrics = [Metric(subject=name, value="12.5", unit=name[:4], year=2023, qualifier=name, sentence=i, about=name)
               for i, name in enumerate(names)]
    definitions = [Definition(term=name, definition=f"{name}的定义", sentence=i) for i, name in enumerate(names)]
    return Extraction(document=doc, entities=entities, relations=relations, metrics=metrics, definitions=definitions)


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("hostile")
    extraction = hostile_extraction()
    rdf, graph = build_graphs([extraction], Config(out_dir=out))
    write_exports(rdf, graph, out)
    return out, rdf, graph, extraction


def labels(graph: Graph) -> set[str]:
    return {str(o) for o in graph.objects(None, SKOS.prefLabel)}


def test_injection_graph_keeps_every_name(hostile_build):
    _out, rdf, _graph, _x = hostile_build
    assert set(HOSTILE.values()) <= labels(rdf)
    alt = {str(o) for o in rdf.objects(None, SKOS.altLabel)}
    assert {f"{name}（别名）" for name in HOSTILE.values()} <= alt


@pytest.mark.parametrize("name, fmt", [("graph.ttl", "turtle"), ("graph.nt", "nt"), ("graph.jsonld", "json-ld")])
def test_injection_rdf_exports_parse_back_equal(hostile_build, name, fmt):
    out, rdf, _graph, _x = hostile_build
    back = Graph().parse(out / name, format=fmt)
    assert isomorphic(back, rdf)
    assert set(HOSTILE.values()) <= labels(back)
    assert not list(back.triples((None, None, URIRef("urn:c"))))     # no triple smuggled in by a name


@pytest.mark.parametrize("name, fmt", [("graph.trig", "trig"), ("graph.nq", "nquads")])
def test_injection_named_graphs_parse_back(hostile_build, name, fmt):
    out, rdf, _graph, _x = hostile_build
    assert name in RDF_FILES
    dataset = Dataset()
    dataset.parse(out / name, format=fmt)
    union = Graph()
    for s, p, o, _g in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    assert isomorphic(union, rdf), name


def test_injection_turtle_text_has_no_raw_breaks_inside_literals(hostile_build):
    out, *_ = hostile_build
    text = (out / "graph.ttl").read_text(encoding="utf-8")
    assert "\u2028" not in text and "\x07" not in text and "\r" not in text
    assert "第一行\\n第二行\\r\\n第三行\\u2028第四行" in text


def test_injection_jsonld_values_are_exact(hostile_build):
    out, *_ = hostile_build
    data = json.loads((out / "graph.jsonld").read_text(encoding="utf-8"))
    nodes = data if isinstance(data, list) else data.get("@graph", [data])
    found = set()
    for node in nodes:
        for value in node.get(str(SKOS.prefLabel), []):
            found.add(value["@value"])
    assert set(HOSTILE.values()) <= found


def test_injection_graphml_parses_back(hostile_build):
    out, _rdf, graph, _x = hostile_build
    back = nx.read_graphml(out / "graph.graphml")
    assert back.number_of_nodes() == graph.number_of_nodes()
    assert back.number_of_edges() == graph.number_of_edges()
    read = {a["label"] for _, a in back.nodes(data=True)}
    # XML cannot hold most control characters (they become U+FFFD), and parsers fold \r\n into \n.
    keep = {re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", "\ufffd", n.replace("\r\n", "\n").replace("\r", "\n"))
            for n in HOSTILE.values()}
    assert keep <= {r.replace("\r\n", "\n").replace("\r", "\n") for r in read}


def test_injection_node_link_json_round_trips(hostile_build):
    out, _rdf, graph, _x = hostile_build
    data = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    assert set(HOSTILE.values()) <= {n["label"] for n in data["nodes"]}


@pytest.mark.parametrize("name", ["nodes.csv", "edges.csv"])
def test_injection_csv_cells_never_start_a_formula(hostile_build, name):
    out, *_ = hostile_build
    with open(out / name, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    width = len(rows[0])
    assert len(rows) > 1 and all(len(row) == width for row in rows)
    for row in rows:
        for cell in row:
            assert not cell.startswith(FORMULA), (name, cell)
    if name == "nodes.csv":
        shown = {row[1] for row in rows[1:]}
        for value in HOSTILE.values():
            assert value in shown or "'" + value in shown, value


def test_injection_tsv_rows_stay_rows(hostile_build, tmp_path):
    *_, extraction = hostile_build
    write_extraction(extraction, tmp_path)
    for path in sorted(tmp_path.glob("*.tsv")):
        lines = path.read_text(encoding="utf-8").split("\n")
        assert lines[-1] == ""
        header, *rows = lines[:-1]
        width = header.count("\t")
        assert all(row.count("\t") == width for row in rows), path.name
        assert "\r" not in path.read_text(encoding="utf-8")
    entities = (tmp_path / "entities.tsv").read_text(encoding="utf-8")
    assert "<script>alert('x')</script>" in entities and "{{ 7*7 }}" in entities


def test_injection_corpus_tables_stay_rows(tmp_path):
    from kg.export import write_tsv

    write_tsv(tmp_path / "t.tsv", ["a", "b"], [[HOSTILE["newline"], HOSTILE["tab"]], ["x", HOSTILE["equals"]]])
    lines = (tmp_path / "t.tsv").read_text(encoding="utf-8").split("\n")
    assert len(lines) == 4 and all(line.count("\t") == 1 for line in lines[:-1])


# --- HTML views -----------------------------------------------------------------------------------

def _scripts(page: str) -> list[str]:
    return re.findall(r"<script\b[^>]*>", page, flags=re.IGNORECASE)


@pytest.fixture(scope="module")
def hostile_views(hostile_build):
    out, rdf, *_ = hostile_build
    folder = out / "views"
    write_views(rdf, folder, overview=False)
    write_views(rdf, folder, focus=HOSTILE["close_script"], depth=1)
    return folder


def test_injection_views_keep_markup_as_data(hostile_views):
    from kg.views import vis_network_js

    pages = sorted(hostile_views.glob("*.html"))
    assert any(p.name.startswith("ego-") for p in pages)
    static = [vis_network_js(), (ROOT / "kg" / "static" / "view.js").read_text(encoding="utf-8")]
    expected = len(_scripts((ROOT / "kg" / "static" / "view.html").read_text(encoding="utf-8")))
    names = set(HOSTILE.values()) | {f"{v}（别名）" for v in HOSTILE.values()}
    for page_path in pages:
        page = page_path.read_text(encoding="utf-8")
        if page_path.name == "index.html":
            assert "<script>alert" not in page and "&lt;/script&gt;" in page    # the ego view's title, escaped
            continue
        ours = page
        for code in static:                                               # the page's own code, inlined
            ours = ours.replace(code, "")
        assert len(_scripts(ours)) == expected, page_path.name           # no script tag came from data
        block = re.search(r'<script type="application/json"[^>]*>(.*?)</script>', ours, re.S).group(1)
        for bad in ("alert('x')</script>", "<img src=x", 'onerror="alert', "<!--"):
            assert bad not in ours, (page_path.name, bad)
        assert "@@" not in ours.replace(block, "")                        # every marker filled, once
        assert not set(block) & set("<>&\u2028\u2029")                 # nothing a parser could take as markup
        data = json.loads(block)
        shown = {n["label"] for n in data["nodes"]}
        assert shown and shown <= names
        tips = [n["tip"] for n in data["nodes"]] + [e["tip"] for e in data["edges"]]
        assert any(HOSTILE["script"] in tip for tip in tips) or HOSTILE["script"] not in shown
        if HOSTILE["template"] in shown:
            assert "@@DATA@@" in block                                    # the marker in data stayed data


def test_injection_view_title_escaped(hostile_views):
    ego = next(p for p in hostile_views.glob("ego-*.html"))
    page = ego.read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", page, re.S).group(1)
    assert "<" not in title and "&lt;/script&gt;" in title
    assert re.fullmatch(r"ego-[\w-]+\.html", ego.name)                    # no markup in a file name


def test_injection_view_app_sets_text_only():
    app = (ROOT / "kg" / "static" / "view.js").read_text(encoding="utf-8")
    code = re.sub(r"/\*.*?\*/|//[^\n]*", "", app, flags=re.S)
    assert "innerHTML" not in code and "insertAdjacentHTML" not in code and "eval(" not in code
    assert "document.write" not in code and "new Function" not in code


# --- query parameters -----------------------------------------------------------------------------

PARAM_ATTACKS = [
    '睦邻" ) ) } UNION { ?entity ?p ?o } FILTER(("',
    "x' } ; DROP ALL ; #",
    "<https://kg.example.org/id/Brand/x> . ?entity ?p ?label",
    '"""} INSERT DATA { <urn:a> <urn:b> <urn:c> } #',
    "\n} }\nSELECT * WHERE { ?s ?p ?o }",
]


@pytest.fixture(scope="module")
def sample_store(sample_build):
    return open_store(sample_build[0], "memory")


@pytest.mark.parametrize("value", PARAM_ATTACKS)
def test_injection_param_is_one_term(sample_store, value):
    """A hostile --param value is bound as one literal: no extra rows, same variables, no error."""
    benign = run_query(sample_store, "search", {"contains": "没有这样的名字"})
    attacked = run_query(sample_store, "search", {"contains": value})
    assert attacked.variables == benign.variables
    assert len(attacked) == 0
    matching = run_query(sample_store, "search", {"contains": "睦邻"})
    assert len(matching) > 0                                              # the query does work


def test_injection_param_iri_cannot_break_out(sample_store):
    from kg.query import QueryError

    for value in ("<urn:x> . ?s ?p ?o", "urn:x> } UNION { ?s ?p ?o", "id:Brand/x> ?p ?o"):
        try:
            result = run_query(sample_store, "entity_facts", {"entity": value})
        except QueryError as error:
            assert "\n" not in str(error)                                 # refused with one line
        else:
            assert len(result) == 0


def test_injection_param_on_the_command_line(sample_build):
    """The real CLI: a hostile value finds nothing, it does not widen the query."""
    out = sample_build[0]
    base = [sys.executable, "-m", "kg.cli", "query", "search", "--graph", str(out), "-f", "json"]
    hostile = subprocess.run(base + ["-p", f"contains={PARAM_ATTACKS[0]}"], capture_output=True, text=True,
                             timeout=120)
    assert hostile.returncode == 0, hostile.stderr
    assert json.loads(hostile.stdout)["results"]["bindings"] == []
    honest = subprocess.run(base + ["-p", "contains=睦邻"], capture_output=True, text=True, timeout=120)
    assert json.loads(honest.stdout)["results"]["bindings"]


def test_injection_hostile_names_are_queryable(hostile_build):
    """A name full of SPARQL syntax is found by the parameterised library query, exactly."""
    out, *_ = hostile_build
    store = open_store(out, "memory")
    for key in ("sparql", "quotes", "newline", "script"):
        result = run_query(store, "search", {"contains": HOSTILE[key]})
        assert HOSTILE[key] in {str(row[1]) for row in result.rows}, key
