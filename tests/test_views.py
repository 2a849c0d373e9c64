"""Views: offline, self-contained HTML pages of the graph; report text stays data; an overview picture."""
import json
import re
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from rdflib import Graph

from kg import views
from kg.cli import cli
from kg.export import serialize_turtle, write_exports
from kg.models import Document, Entity, Extraction, Mention, Relation, Sentence
from kg.nxgraph import build_nx
from kg.rdf import build_rdf

from conftest import SAMPLE

XSS = "<img src=x onerror=alert(1)>"
BREAKOUT = "</script><script>alert(2)</script>\u2028“名”&amp;"

_SENTENCES = [  # (text, status, year)
    ("2023年，街道推出“爱心点名”项目，面向独居老人。", "achieved", 2023),
    ("“爱心点名”由社区党群服务中心组织开展。", "achieved", 2023),
    ("石化街道荣获全国文明街道称号。", "achieved", 2023),
    ("2024年，石化街道将在合浦居民区推广“睦邻议事会”机制。", "planned", 2024),
    (f"“{XSS}”项目面向青年。", "planned", 2024),
    (f"“{BREAKOUT}”是“爱心点名”的子品牌。", "achieved", 2023),
]
_ENTITIES = [  # (name, type, aliases, sentences)
    ("爱心点名", "Program", {"爱心点名项目"}, [0, 1, 5]),
    ("独居老人", "TargetGroup", set(), [0]),
    ("社区党群服务中心", "Organization", set(), [1]),
    ("石化街道", "Organization", {"街道"}, [2, 3]),
    ("全国文明街道", "Award", set(), [2]),
    ("睦邻议事会", "Mechanism", set(), [3]),
    ("合浦居民区", "ResidentialArea", set(), [3]),
    (XSS, "Program", set(), [4]),
    ("青年", "TargetGroup", set(), [4]),
    (BREAKOUT, "Brand", set(), [5]),
]
_RELATIONS = [
    ("爱心点名", "targets", "独居老人", 0),
    ("爱心点名", "organizedBy", "社区党群服务中心", 1),
    ("石化街道", "receivedAward", "全国文明街道", 2),
    ("睦邻议事会", "locatedIn", "合浦居民区", 3),
    ("睦邻议事会", "organizedBy", "石化街道", 3),
    (XSS, "targets", "青年", 4),
    (BREAKOUT, "partOf", "爱心点名", 5),
]


def small_extraction() -> Extraction:
    """A hand-made report: every entity family, planned and achieved facts, and hostile names."""
    sentences, offset = [], 0
    for i, (text, status, year) in enumerate(_SENTENCES):
        sentences.append(Sentence(i, text, offset, offset + len(text), part=1 if status == "achieved" else 2,
                                  section=None, paragraph=i, status=status, year=year))
        offset += len(text)
    doc = Document("small", "small.txt", "".join(t for t, _, _ in _SENTENCES), title="小报告",
                   sentences=tuple(sentences))
    entities = [Entity(name, typ, aliases, [Mention(name, i, 0, 1) for i in used])
                for name, typ, aliases, used in _ENTITIES]
    return Extraction(doc, entities, [Relation(s, p, o, i) for s, p, o, i in _RELATIONS])


def small_rdf() -> Graph:
    return build_rdf([small_extraction()])


def write_small_views(folder: Path) -> Path:
    """The hand-made report as Turtle in ``folder``, its views (and one ego view) in ``folder/views``."""
    turtle = folder / "small.ttl"
    turtle.write_text(serialize_turtle(small_rdf()), encoding="utf-8")
    views.write_views(turtle, folder / "views")
    views.write_views(turtle, folder / "views", focus="爱心点名", depth=1)
    return folder / "views"


@pytest.fixture(scope="module")
def small_views(tmp_path_factory):
    return write_small_views(tmp_path_factory.mktemp("small"))


@pytest.fixture(scope="module")
def small_turtle(small_views):
    return small_views.parent / "small.ttl"


def by_label(graph, label):
    return next(n for n, a in graph.nodes(data=True) if a["label"] == label)


def embedded_data(page: str) -> dict:
    match = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.DOTALL)
    return json.loads(match.group(1))


# --------------------------------------------------------------------------- reading graphs


def test_views_graph_from_rdf_keeps_types_aliases_status_year_and_sentences():
    graph = views.graph_from_rdf(small_rdf())
    assert len(graph) == len(_ENTITIES) and graph.number_of_edges() == len(_RELATIONS)
    node = graph.nodes[by_label(graph, "爱心点名")]
    assert node["type"] == "Program" and node["aliases"] == ("爱心点名项目",)
    assert node["statuses"] == ("achieved",) and node["years"] == (2023,)
    assert node["sentences"] == (_SENTENCES[0][0], _SENTENCES[1][0], _SENTENCES[5][0])
    edge = graph.edges[by_label(graph, "睦邻议事会"), by_label(graph, "合浦居民区"), "locatedIn"]
    assert edge["statuses"] == ("planned",) and edge["years"] == (2024,) and edge["sentences"] == (_SENTENCES[3][0],)


def test_views_turtle_file_build_folder_and_graph_json_give_the_same_entities(tmp_path, small_turtle):
    from_file = views.load_view_graph(small_turtle)
    write_exports(small_rdf(), build_nx([small_extraction()]), tmp_path)
    from_folder = views.load_view_graph(tmp_path)          # graph.nt, read without rdflib
    (tmp_path / "graph.nt").unlink()
    from_turtle = views.load_view_graph(tmp_path)
    (tmp_path / "graph.ttl").unlink()
    from_json = views.load_view_graph(tmp_path)
    assert nx.utils.graphs_equal(from_file, from_folder) and nx.utils.graphs_equal(from_file, from_turtle)
    assert from_folder.nodes[by_label(from_folder, BREAKOUT)]["sentences"] == (_SENTENCES[5][0],)  # escapes read
    assert set(from_json.nodes) == set(from_file.nodes) and set(from_json.edges) == set(from_file.edges)
    assert {a["statuses"] for _, a in from_json.nodes(data=True)} == {a["statuses"] for _, a in from_file.nodes(data=True)}


@pytest.mark.parametrize("setup, message", [
    (lambda p: p, "no graph.nt, graph.ttl or graph.json"),
    (lambda p: (p / "bad.nt").write_text("<a> <b>\n", encoding="utf-8") and p / "bad.nt", "cannot read the graph"),
    (lambda p: p / "missing.ttl", "no such file"),
    (lambda p: (p / "bad.ttl").write_text("this is not turtle", encoding="utf-8") and p / "bad.ttl",
     "cannot read the graph"),
])
def test_views_missing_or_broken_graph_is_a_view_error(tmp_path, setup, message):
    with pytest.raises(views.ViewError, match=message):
        views.load_view_graph(setup(tmp_path))


# --------------------------------------------------------------------------- choosing what to show


@pytest.mark.parametrize("slug, expected", [
    ("programmes", {"爱心点名", XSS, BREAKOUT, "独居老人", "社区党群服务中心", "青年"}),
    ("institutions", {"社区党群服务中心", "石化街道", "爱心点名", "全国文明街道", "睦邻议事会"}),
    ("awards", {"全国文明街道", "石化街道"}),
    ("mechanisms", {"睦邻议事会", "合浦居民区", "石化街道"}),
])
def test_views_family_is_its_entities_and_their_neighbours(slug, expected):
    graph = views.graph_from_rdf(small_rdf())
    family = next(f for f in views.FAMILIES if f.slug == slug)
    sub = views.family_graph(graph, family)
    assert {a["label"] for _, a in sub.nodes(data=True)} == expected
    assert all(sub.nodes[u]["type"] in family.core or sub.nodes[v]["type"] in family.core for u, v in sub.edges())


@pytest.mark.parametrize("name, depth, expected", [
    ("爱心点名", 1, {"爱心点名", "独居老人", "社区党群服务中心", BREAKOUT}),
    ("爱心点名项目", 1, {"爱心点名", "独居老人", "社区党群服务中心", BREAKOUT}),   # an alias
    ("睦邻议事会", 2, {"睦邻议事会", "合浦居民区", "石化街道", "全国文明街道"}),
])
def test_views_ego_graph_around_a_name_or_alias(name, depth, expected):
    graph = views.graph_from_rdf(small_rdf())
    sub = views.ego_graph(graph, views.find_entities(graph, name), depth)
    assert {a["label"] for _, a in sub.nodes(data=True)} == expected


def test_views_focus_unknown_or_ambiguous_is_an_error(small_turtle, tmp_path):
    graph = views.load_view_graph(small_turtle)
    assert views.find_entities(graph, "街道") == [by_label(graph, "石化街道")]      # exact alias beats fragments
    assert views.find_entities(graph, "议事") == [by_label(graph, "睦邻议事会")]    # a fragment, if nothing exact
    with pytest.raises(views.ViewError, match="no entity named"):
        views.write_views(small_turtle, tmp_path, focus="不存在的项目")
    with pytest.raises(views.ViewError, match="matches 2 entities: 爱心点名、社区党群服务中心"):
        views.write_views(small_turtle, tmp_path, focus="心")


def synthetic(n: int, types=("Program", "Place", "Organization"), seed: int = 1) -> nx.MultiDiGraph:
    """A view-model graph of n entities in a sparse random network."""
    source = nx.gnm_random_graph(n, int(n * 1.3), seed=seed)
    graph = nx.MultiDiGraph()
    for node in source:
        graph.add_node(f"e{node}", label=f"实体{node}", type=types[node % len(types)],
                       aliases=(), statuses=("achieved",), years=(), sentences=(), definition="")
    for u, v in source.edges():
        graph.add_edge(f"e{u}", f"e{v}", key="targets", predicate="targets", statuses=("achieved",), years=(),
                       sentences=())
    return graph


def test_views_large_view_is_trimmed_and_precomputed_and_says_so(tmp_path):
    graph = synthetic(1300, types=("Place", "TargetGroup"))     # no family: only the whole-graph view
    written = views.write_views(graph, tmp_path, max_nodes=1100, overview=False)
    page = (tmp_path / "graph.html").read_text(encoding="utf-8")
    data = embedded_data(page)
    assert tmp_path / "graph.html" in written
    assert len(data["nodes"]) == 1100 and data["physics"] is False
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in data["nodes"])
    assert any("Trimmed: showing the 1,100 best-connected of 1,300" in note for note in data["notes"])
    assert any("physics off" in note for note in data["notes"])
    small = embedded_data(views.render_view(synthetic(40), "small"))
    assert small["physics"] is True and small["notes"] == []


def test_views_trim_keeps_the_focus_and_the_best_connected():
    graph = synthetic(200)
    lonely = min(graph, key=graph.degree)
    trimmed, dropped = views.trim_graph(graph, 50, keep=[lonely])
    assert len(trimmed) == 50 and dropped == 150 and lonely in trimmed
    degrees = sorted((graph.degree(n) for n in graph), reverse=True)
    assert min(graph.degree(n) for n in trimmed if n != lonely) >= degrees[49]


def test_views_layout_is_deterministic_and_spread():
    graph = synthetic(120)
    first, second = views.layout_positions(graph), views.layout_positions(graph)
    assert first == second
    xs = [x for x, _ in first.values()]
    assert min(xs) == 0.0 and max(xs) == 1.0
    assert len({(round(x, 3), round(y, 3)) for x, y in first.values()}) == len(graph)


# --------------------------------------------------------------------------- the HTML itself


_REMOTE = re.compile(r"""(?:\b(?:src|href|action|srcset|poster|data)\s*=\s*["']?\s*(?:https?:)?//"""
                     r"""|url\(\s*["']?\s*(?:https?:)?//|@import)""", re.IGNORECASE)


def test_views_pages_are_self_contained_with_no_remote_reference(small_views):
    pages = sorted(small_views.glob("*.html"))
    assert {p.name for p in pages} == {"index.html", "graph.html", "programmes.html", "institutions.html",
                                      "awards.html", "mechanisms.html", "ego-爱心点名-d1.html"}
    for path in pages:
        page = path.read_text(encoding="utf-8")
        assert not _REMOTE.findall(page), path.name
        assert "<link" not in page and "bootstrap" not in page.lower() and "cdn" not in page.lower()
        assert "default-src 'none'" in page
    graph_page = (small_views / "graph.html").read_text(encoding="utf-8")
    assert "vis-network" in graph_page and "@version 9.1.2" in graph_page


def test_views_csp_allows_exactly_the_inline_scripts(small_views):
    page = (small_views / "programmes.html").read_text(encoding="utf-8")
    scripts = re.findall(r"<script>(.*?)</script>", page, re.DOTALL)
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert len(scripts) == 2
    assert sorted(re.findall(r"'sha256-[^']+'", csp)) == sorted(views._script_hash(s) for s in scripts)
    assert "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]


def test_views_report_text_cannot_break_out_of_the_data_block(small_views):
    page = (small_views / "programmes.html").read_text(encoding="utf-8")
    assert page.count("</script>") == 3          # the data block, vis-network, the app: no more
    assert XSS not in page and "\u2028" not in page
    data = embedded_data(page)
    labels = {n["label"] for n in data["nodes"]}
    assert {XSS, BREAKOUT} <= labels             # … yet the names come back exactly
    assert "innerHTML" not in views._static_text("view.js").replace("never innerHTML", "")


def test_views_embed_json_escapes_markup_characters():
    text = views.embed_json({"a": "</script><!-- & \u2028\u2029"})
    assert not set("<>&\u2028\u2029") & set(text)
    assert json.loads(text) == {"a": "</script><!-- & \u2028\u2029"}


def test_views_tooltips_are_plain_text_with_type_aliases_status_year_and_sentence(small_views):
    data = embedded_data((small_views / "graph.html").read_text(encoding="utf-8"))
    node = next(n for n in data["nodes"] if n["label"] == "爱心点名")
    for part in ("类型 Type: 项目 Program", "别名 Aliases: 爱心点名项目", "状态 Status: achieved",
                 "年份 Year: 2023", _SENTENCES[0][0]):
        assert part in node["tip"]
    edge = next(e for e in data["edges"] if e["label"] == "locatedIn")
    assert "睦邻议事会 → locatedIn 位于 → 合浦居民区" in edge["tip"] and "planned" in edge["tip"]
    assert {t["name"] for t in data["types"]} >= {"Program", "Brand", "Award", "Mechanism", "Organization"}
    assert [s["name"] for s in data["statuses"]] == ["achieved", "planned"]
    assert all(n["value"] >= 1 for n in data["nodes"])


def test_views_index_links_every_view_and_the_overview(small_views):
    index = (small_views / "index.html").read_text(encoding="utf-8")
    manifest = json.loads((small_views / "views.json").read_text(encoding="utf-8"))
    files = [v["file"] for v in manifest["views"]]
    assert files == ["graph.html", "programmes.html", "institutions.html", "awards.html", "mechanisms.html",
                     "ego-爱心点名-d1.html"]
    for name in files + ["overview.png", "overview.svg"]:
        assert f'href="{name}"' in index
    assert (small_views / "overview.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert b"<svg" in (small_views / "overview.svg").read_bytes()[:500]


def test_views_empty_family_is_listed_but_not_written(tmp_path):
    extraction = small_extraction()
    extraction.entities = [e for e in extraction.entities if e.type != "Award"]
    views.write_views(build_rdf([extraction]), tmp_path, overview=False)
    manifest = {v["file"]: v for v in json.loads((tmp_path / "views.json").read_text(encoding="utf-8"))["views"]}
    assert manifest["awards.html"]["entities"] == 0 and not (tmp_path / "awards.html").exists()
    assert "（无 none）" in (tmp_path / "index.html").read_text(encoding="utf-8")


def test_views_overview_uses_a_cjk_font_or_warns(tmp_path, monkeypatch):
    graph = views.family_graph(views.graph_from_rdf(small_rdf()), views.FAMILIES[0])
    monkeypatch.setattr(views, "find_cjk_font", lambda: None)
    with pytest.warns(RuntimeWarning, match="fonts-wqy-microhei"):
        written = views.write_overview(graph, tmp_path / "overview")
    assert [p.name for p in written] == ["overview.png", "overview.svg"]


def test_views_finds_the_installed_cjk_font():
    from matplotlib import font_manager

    if not any("wqy" in path.lower() for path in font_manager.findSystemFonts()):
        pytest.skip("fonts-wqy-microhei is not installed (.ci/run installs it)")
    assert views.find_cjk_font() in {"WenQuanYi Micro Hei", "WenQuanYi Zen Hei"}


def test_views_read_from_n_triples_as_from_rdflib(sample_build):
    """A build folder's views read graph.nt line by line (a corpus build's union is millions of triples):
    the same entities, relations, statuses, years, sentences and definitions as through rdflib."""
    nt = sample_build[0] / "graph.nt"
    with open(nt, encoding="utf-8") as handle:
        streamed = views.graph_from_ntriples(handle)
    parsed = views.graph_from_rdf(Graph().parse(nt, format="nt"))
    assert nx.utils.graphs_equal(streamed, parsed) and list(streamed.nodes) == list(parsed.nodes)
    assert list(streamed.edges(keys=True)) == list(parsed.edges(keys=True))
    assert any(a["definition"] for _, a in streamed.nodes(data=True))


def test_views_of_the_sample_build(sample_build, tmp_path):
    out_dir, _, nxg = sample_build
    written = views.write_views(out_dir, tmp_path)
    assert tmp_path / "graph.html" in written and tmp_path / "index.html" in written
    data = embedded_data((tmp_path / "graph.html").read_text(encoding="utf-8"))
    assert len(data["nodes"]) == nxg.number_of_nodes()
    assert len(data["edges"]) == len({(u, v, a["predicate"]) for u, v, a in nxg.edges(data=True)})


# --------------------------------------------------------------------------- the command line


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def test_cli_view_writes_views_and_an_ego_view(small_turtle, tmp_path):
    result = run("view", "--graph", small_turtle, "-o", tmp_path)
    assert result.exit_code == 0, result.output
    assert "graph.html" in result.output and (tmp_path / "index.html").exists()
    result = run("view", "--graph", small_turtle, "-o", tmp_path, "--focus", "爱心点名", "--depth", "2")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "ego-爱心点名-d2.html").exists()
    assert 'href="ego-爱心点名-d2.html"' in (tmp_path / "index.html").read_text(encoding="utf-8")


def test_cli_view_defaults_to_the_build_folders_views(tmp_path, small_turtle):
    (tmp_path / "graph.ttl").write_bytes(small_turtle.read_bytes())
    result = run("view", "--graph", tmp_path)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "views" / "index.html").exists()


@pytest.mark.parametrize("args, message", [
    (["--graph", "{tmp}/nowhere"], "no such file or folder"),
    (["--graph", "{turtle}", "--focus", "不存在"], "no entity named"),
])
def test_cli_view_errors_are_one_line(tmp_path, small_turtle, args, message):
    args = [a.format(tmp=tmp_path, turtle=small_turtle) for a in args]
    result = run("view", *args, "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and message in result.stderr


def test_cli_build_writes_views_unless_told_not_to(tmp_path):
    result = run("build", SAMPLE, "-o", tmp_path / "with", "--no-validate")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "with" / "views" / "index.html").exists()
    assert (tmp_path / "with" / "views" / "graph.html").exists()
    result = run("build", SAMPLE, "-o", tmp_path / "without", "--no-validate", "--no-views")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "without" / "graph.ttl").exists() and not (tmp_path / "without" / "views").exists()


def test_views_overview_picture_is_byte_identical_whatever_the_hash_seed(tmp_path):
    """The overview's drawing order follows sorted names, not the loading process's set order (the sample
    report's build drew its edges in another order under another hash seed)."""
    import os
    import subprocess
    import sys
    sample = Path(__file__).parent.parent / "data" / "2023_shanghai-jinshan-shihua_subdistrict.txt"
    subprocess.run([sys.executable, "-m", "kg.cli", "build", str(sample), "-o", str(tmp_path / "build")],
                   check=True, capture_output=True)
    out = []
    for seed in ("1", "2"):
        folder = tmp_path / seed
        subprocess.run([sys.executable, "-m", "kg.cli", "view", "--graph", str(tmp_path / "build"), "-o",
                        str(folder)], check=True, capture_output=True, env={**os.environ, "PYTHONHASHSEED": seed})
        out.append(((folder / "overview.svg").read_bytes(), (folder / "overview.png").read_bytes()))
    assert out[0] == out[1]
