"""Corpus mode: resolution across reports, place hierarchy, plan follow-through, named graphs,
shards that merge by union, and incremental builds from the cache."""
from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import RDFS, SKOS, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from click.testing import CliRunner

import kg.pipeline
from kg.cli import cli
from kg.config import Config
from kg.corpus import (PlaceContext, admin_level, corpus_graph_iri, entities_graph_iri, follow_through,
                       leading_unit, merge_rows, place_context, resolve_entity, resolve_report, split_units,
                       summarize)
from kg.export import RDF_FILES, write_exports
from kg.models import Document, Entity, Extraction, Mention, Sentence
from kg.nxgraph import build_nx
from kg.pipeline import process_file, run_build
from kg.rdf import build_dataset, build_rdf, corpus_lines
from kg.vocab import KGO

from conftest import DATA, SAMPLE

BASE = "https://kg.example.org/id/"
HAILAER = sorted((DATA / "reports").glob("201[2-5]_neimenggu-hulunbeier-hailaer_district.gbk.txt"))
HAILAER_2014 = DATA / "reports" / "2014_neimenggu-hulunbeier-hailaer_district.gbk.txt"


def ctx(place: str = "石化街道", doc_id: str = "r") -> PlaceContext:
    return place_context(Document(doc_id, "", "", place=place))


def iri(name: str, entity_type: str, place: str = "石化街道") -> str:
    return resolve_entity(name, entity_type, ctx(place), BASE).iri


# --- resolution: decided per entity, from its name, type and its report's place -----------------

@pytest.mark.parametrize("name, entity_type", [
    ("居委会", "Organization"), ("人民政府", "Organization"), ("区委", "Organization"), ("市委", "Organization"),
    ("第一社区", "ResidentialArea"), ("社区卫生服务中心", "Facility"), ("东升路", "Place"), ("新城区", "Place"),
    ("道路工程", "Program"), ("二期工程", "Program"),
])
def test_corpus_generic_and_local_names_stay_apart_across_places(name, entity_type):
    here, there = iri(name, entity_type, "石化街道"), iri(name, entity_type, "海拉尔区")
    assert here != there
    assert here == f"{BASE}{entity_type}/石化街道/{name}" and there == f"{BASE}{entity_type}/海拉尔区/{name}"


@pytest.mark.parametrize("name, entity_type", [
    ("一网通办", "Mechanism"), ("一网通办", "Program"), ("全国文明城市", "Award"), ("菜篮子工程", "Program"),
    ("国务院", "Organization"), ("党中央", "Organization"), ("海拉尔区人民政府", "Organization"),
    ("石化街道党群服务中心", "Facility"), ("上海市", "Place"), ("金山区", "Place"), ("内蒙古冰上运动训练中心", "Facility"),
    ("八项规定", "PolicyDocument"), ("高校毕业生", "TargetGroup"), ("十四五", "Concept"),
])
def test_corpus_national_and_self_qualified_names_merge_across_places(name, entity_type):
    assert iri(name, entity_type, "石化街道") == iri(name, entity_type, "海拉尔区") == \
        f"{BASE}{'Program' if entity_type == 'Brand' else entity_type}/{name}"


def test_corpus_brand_and_program_are_one_entity():
    assert iri("石话实说", "Brand") == iri("石话实说", "Program") == f"{BASE}Program/石话实说"


@pytest.mark.parametrize("name, entity_type, place, label, rule", [
    ("海拉尔", "Place", "海拉尔区", "海拉尔区", "place-stem"),
    ("上海", "Place", "石化街道", "上海市", "place-stem"),
    ("内蒙古", "Place", "海拉尔区", "内蒙古自治区", "place-stem"),
    ("海拉尔区政府", "Organization", "海拉尔区", "海拉尔区人民政府", "people-s-government"),
    ("石化街道办事处", "Organization", "石化街道", "石化街道", "subdistrict-office"),
    ("全国示范社区卫生服务中心称号", "Award", "海拉尔区", "全国示范社区卫生服务中心", "award-title"),
    ("全国科普示范县（区）", "Award", "海拉尔区", "全国科普示范县(区)", "full-width"),
])
def test_corpus_alias_rules_give_the_canonical_entity(name, entity_type, place, label, rule):
    res = resolve_entity(name, entity_type, ctx(place), BASE)
    canonical = resolve_entity(label, entity_type, ctx(place), BASE)
    assert (res.label, res.iri) == (canonical.label, canonical.iri) and rule in res.rules
    assert canonical.rules == ()                # the canonical name is left as it is


def test_corpus_admin_units_are_read_from_names():
    assert [admin_level(n) for n in ("海拉尔区", "呼伦贝尔市", "石化街道", "内蒙古", "新城区", "开发区", "平价蔬菜超市",
                                     "东风门市")] == ["district", "city", "subdistrict", "province", "", "", "", ""]
    assert split_units("上海市金山区石化街道") == ["上海市", "金山区", "石化街道"]
    assert leading_unit("二手车交易市场") == "" and leading_unit("上海路") == ""
    assert [admin_level(n) for n in ("老旧小区", "回迁安置区", "居民区", "小店区")] == ["", "", "", "district"]


def test_corpus_report_place_from_a_compound_head():
    context = place_context(Document("r", "", "", title="上海市金山区石化街道办事处2024年工作报告"))
    assert (context.place, context.chain, context.level) == ("石化街道", ("上海市", "金山区"), "subdistrict")


# --- small hand-made reports -----------------------------------------------------------------------

def _report(doc_id: str, place: str, date: str, sentences: list[tuple[str, str, int]],
            entities: list[tuple[str, str, list[int]]]) -> Extraction:
    """A report: sentences (text, status, year) and entities (name, type, sentence indices)."""
    built, offset = [], 0
    for i, (text, status, year) in enumerate(sentences):
        built.append(Sentence(i, text, offset, offset + len(text), part=1, section=None, paragraph=i,
                              status=status, year=year))
        offset += len(text)
    doc = Document(doc_id, f"{doc_id}.txt", "".join(t for t, _, _ in sentences), title=f"{place}工作报告",
                   place=place, date=date, sentences=tuple(built))
    return Extraction(doc, [Entity(n, t, set(), [Mention(n, i, 0, 1) for i in used]) for n, t, used in entities])


A_2013 = _report("a2013", "海拉尔区", "2013-02-01", [
    ("2012年，海拉尔区居委会换届完成。", "achieved", 2012),
    ("2013年，要建设东山组团，推进一网通办。", "planned", 2013),
    ("2013年，改造建华小区。", "planned", 2013)],
    [("海拉尔区", "Place", [0]), ("居委会", "Organization", [0]), ("东山组团", "Place", [1]),
     ("一网通办", "Program", [1]), ("建华小区", "ResidentialArea", [2])])
A_2014 = _report("a2014", "海拉尔区", "2014-02-01", [
    ("2013年，海拉尔东山组团建设全面铺开，一网通办上线。", "achieved", 2013),
    ("2014年，要继续推进建华小区改造。", "planned", 2014)],
    [("海拉尔", "Place", [0]), ("东山组团", "Place", [0]), ("一网通办", "Brand", [0]),
     ("建华小区", "ResidentialArea", [1])])
B_2013 = _report("b2013", "石化街道", "2013-01-20", [("2012年，居委会开展一网通办。", "achieved", 2012)],
                 [("居委会", "Organization", [0]), ("一网通办", "Program", [0])])


def test_corpus_one_iri_for_canonical_name_and_alias_in_two_reports():
    first, second = resolve_report(A_2013, BASE), resolve_report(A_2014, BASE)
    assert first.entities["海拉尔区"].iri == second.entities["海拉尔"].iri == f"{BASE}Place/海拉尔区"
    assert first.entities["一网通办"].iri == second.entities["一网通办"].iri       # Program ≈ Brand
    graph = build_rdf([A_2013, A_2014])
    place = URIRef(f"{BASE}Place/海拉尔区")
    assert list(graph.objects(place, RDFS.label)) == [Literal("海拉尔区", lang="zh")]   # one label
    assert Literal("海拉尔", lang="zh") in set(graph.objects(place, SKOS.altLabel))


def test_corpus_merge_report_lists_merges_and_what_stays_apart():
    summaries = [summarize(x, resolve_report(x, BASE), BASE) for x in (A_2013, A_2014, B_2013)]
    rows = {(r.decision, r.label): r for r in merge_rows(summaries)}
    place = rows[("merged", "海拉尔区")]
    assert "place-stem" in place.rule and place.reports == "a2013|a2014" and place.names == "海拉尔|海拉尔区"
    assert "a2014: 海拉尔 (Place)" in place.evidence
    brand = rows[("merged", "一网通办")]
    assert brand.types == "Brand|Program" and "compatible-types" in brand.rule
    apart = rows[("kept-apart", "居委会")]
    assert apart.rule == "local-name-in-different-places"
    assert f"{BASE}Organization/海拉尔区/居委会" in apart.iri and f"{BASE}Organization/石化街道/居委会" in apart.iri


def test_corpus_follow_through_links_a_plan_to_the_next_review():
    summaries = [summarize(x, resolve_report(x, BASE), BASE) for x in (A_2013, A_2014, B_2013)]
    found = {(f.label, f.year): f for f in follow_through(summaries)}
    assert set(found) == {("东山组团", 2013), ("一网通办", 2013), ("建华小区", 2013)}
    assert found[("东山组团", 2013)].status == "achieved"
    assert found[("一网通办", 2013)].status == "achieved"
    silent = found[("建华小区", 2013)]          # named again in 2014, but only as a plan
    assert silent.status == "silent" and silent.achieved_sentences == ()
    assert silent.planned_in == f"{BASE}report/a2013" and silent.followed_up_in == f"{BASE}report/a2014"
    lines = corpus_lines(summaries)
    assert any(f"<{KGO.silent}>" in line for line in lines) and any(f"<{KGO.followedUpIn}>" in line for line in lines)


def test_corpus_dataset_has_a_graph_per_report_and_no_triple_twice():
    dataset = build_dataset([A_2013, A_2014, B_2013])
    names = {str(g.identifier) for g in dataset.graphs() if len(g)}
    assert names >= {f"{BASE}report/a2013", f"{BASE}report/a2014", f"{BASE}report/b2013",
                     entities_graph_iri(BASE), corpus_graph_iri(BASE)}
    union = build_rdf([A_2013, A_2014, B_2013])
    assert sum(len(g) for g in dataset.graphs()) == len(union)
    merged = Graph()
    for graph in dataset.graphs():
        for triple in graph:
            merged.add(triple)
    assert isomorphic(merged, union)


def test_corpus_write_exports_of_a_dataset_round_trips_through_rdflib(tmp_path):
    dataset = build_dataset([A_2013, A_2014, B_2013])
    write_exports(dataset, build_nx([A_2013, A_2014, B_2013]), tmp_path)
    for name, fmt in (("graph.trig", "trig"), ("graph.nq", "nquads")):
        parsed = Dataset()
        parsed.parse(tmp_path / name, format=fmt)
        for graph in dataset.graphs():
            if len(graph):
                assert isomorphic(parsed.graph(graph.identifier), graph), (name, graph.identifier)
    assert isomorphic(Graph().parse(tmp_path / "graph.jsonld", format="json-ld"),
                      build_rdf([A_2013, A_2014, B_2013]))


# --- the Hailaer series, built -------------------------------------------------------------------

@pytest.fixture(scope="module")
def shared_cache(tmp_path_factory) -> Path:
    """One cache for the module's builds: each report is extracted once."""
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(scope="module")
def hailaer(tmp_path_factory, shared_cache):
    out = tmp_path_factory.mktemp("hailaer")
    return run_build(HAILAER, Config(out_dir=out), cache=shared_cache)


def _graph(path: Path) -> Graph:
    return Graph().parse(path, format="turtle" if path.suffix == ".ttl" else "nt")


def _quads(path: Path) -> set:
    """A file's quads (or triples) as a set: the graphs hold no blank nodes, so equal sets are isomorphic."""
    formats = {".ttl": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES, ".trig": ox.RdfFormat.TRIG,
               ".nq": ox.RdfFormat.N_QUADS}
    return set(ox.parse(path=str(path), format=formats[path.suffix]))


def test_corpus_build_validates_and_writes_every_file(hailaer):
    out = hailaer.out_dir
    for name in (*RDF_FILES, "merges.tsv", "places.tsv"):
        assert (out / name).stat().st_size > 0, name
    assert len(hailaer.reports) == 4 and hailaer.triples == len(_graph(out / "graph.ttl"))


def test_corpus_build_keeps_summaries_not_extractions_and_its_network_is_the_whole(hailaer):
    assert all(r.exports is None and r.nx is None and not r.shared for r in hailaer.reports)
    assert hailaer.counts[0] > 0 and all(r.counts[0] > 0 for r in hailaer.reports)
    whole = build_nx([process_file(path) for path in HAILAER])   # the four reports at once
    assert dict(hailaer.nx.nodes(data=True)) == dict(whole.nodes(data=True))
    assert sorted(hailaer.nx.edges(keys=True, data=True)) == sorted(whole.edges(keys=True, data=True))


def test_corpus_trig_and_nquads_hold_the_named_graphs(hailaer):
    out = hailaer.out_dir
    trig, quads = _quads(out / "graph.trig"), _quads(out / "graph.nq")
    assert trig == quads
    names = {q.graph_name.value for q in quads}
    assert names == {r.graph for r in hailaer.reports} | {entities_graph_iri(BASE), corpus_graph_iri(BASE)}
    triples = {ox.Triple(q.subject, q.predicate, q.object) for q in quads}
    assert len(triples) == len(quads)               # no triple in two named graphs
    assert {ox.Triple(q.subject, q.predicate, q.object) for q in _quads(out / "graph.ttl")} == triples
    lines = (out / "graph.nq").read_text(encoding="utf-8").splitlines()
    by_graph: dict[str, list[str]] = {}
    for line in lines:
        by_graph.setdefault(line.rsplit(" ", 2)[1], []).append(line)
    assert all(group == sorted(group) for group in by_graph.values())


def test_corpus_place_hierarchy_is_transitive_in_sparql(hailaer):
    graph = hailaer.rdf
    above = {str(row[0]) for row in graph.query(
        "SELECT ?up WHERE { <https://kg.example.org/id/Place/海拉尔区> kgo:withinPlace+ ?up }",
        initNs={"kgo": KGO})}
    assert above == {f"{BASE}Place/呼伦贝尔市", f"{BASE}Place/内蒙古自治区"}
    with open(hailaer.out_dir / "places.tsv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    said = {(r["report"][:4], r["within"], r["rule"]) for r in rows}
    assert ("2012", "呼伦贝尔市", "relative-reference") in said
    assert ("2013", "", "unnamed") in said          # 市委、市政府 but no city named that year


def test_corpus_sample_subdistrict_hierarchy():
    graph = build_rdf([process_file(SAMPLE)])
    chain = [str(row[0]) for row in graph.query(
        "SELECT ?up WHERE { <https://kg.example.org/id/Place/石化街道> kgo:withinPlace+ ?up }", initNs={"kgo": KGO})]
    assert set(chain) == {f"{BASE}Place/金山区", f"{BASE}Place/上海市"}
    report = URIRef(f"{BASE}report/2023_shanghai-jinshan-shihua_subdistrict")
    assert graph.value(report, URIRef("http://purl.org/dc/terms/spatial")) == URIRef(f"{BASE}Place/石化街道")


def test_corpus_follow_through_in_the_graph_is_consistent(hailaer):
    store = ox.Store()
    store.bulk_load(path=str(hailaer.out_dir / "graph.nt"), format=ox.RdfFormat.N_TRIPLES)
    rows = list(store.query("""
        PREFIX kgo: <https://kg.example.org/ontology#>
        SELECT ?entity ?year ?status ?planner ?reviewer ?done WHERE {
          ?f a kgo:FollowUp ; kgo:followUpOf ?entity ; kgo:year ?year ; kgo:status ?status ;
             kgo:plannedIn ?planner ; kgo:followedUpIn ?reviewer .
          BIND(EXISTS { ?entity kgo:mentionedIn ?s . ?s kgo:inReport ?reviewer ; kgo:status kgo:achieved ;
                                kgo:year ?year } AS ?done) }"""))
    assert rows
    for row in rows:
        year = int(row["year"].value)
        assert row["planner"].value.rsplit("/", 1)[1][:4] == str(year)          # the 2013 report plans 2013
        assert row["reviewer"].value.rsplit("/", 1)[1][:4] == str(year + 1)     # the 2014 one reviews it
        assert (row["done"].value == "true") == (row["status"].value == str(KGO.achieved)), row["entity"]
    assert {r["status"].value for r in rows} == {str(KGO.achieved), str(KGO.silent)}
    assert {int(r["year"].value) for r in rows} == {2012, 2013, 2014}


def test_corpus_library_query_lists_follow_ups(hailaer):
    from kg.query import open_store, run_query

    result = run_query(open_store(hailaer.out_dir, "oxigraph"), "plan_follow_through", {"year": "2013"})
    rows = result.dicts()
    assert rows and all(int(r["year"]) == 2013 and str(r["place"]) == "海拉尔区" for r in rows)
    assert {str(r["status"]) for r in rows} == {str(KGO.achieved), str(KGO.silent)}
    assert all(("achievedText" in r) == (r["status"] == KGO.achieved) for r in rows)
    assert all(str(r["label"]) != "海拉尔区" for r in rows)   # the place itself is not an item its plans deliver


def test_corpus_output_is_byte_identical_across_builds(hailaer, tmp_path):
    again = run_build(HAILAER, Config(out_dir=tmp_path, validate=False), cache=False)
    for name in (*RDF_FILES, "merges.tsv", "places.tsv", "nodes.csv", "edges.csv"):
        assert (tmp_path / name).read_bytes() == (hailaer.out_dir / name).read_bytes(), name
    assert again.extracted == 4


# --- shards and incremental builds ------------------------------------------------------------------

def test_corpus_shards_by_place_merge_by_plain_union(hailaer, tmp_path, shared_cache):
    full = run_build([*HAILAER, SAMPLE], Config(out_dir=tmp_path / "full", validate=False), cache=shared_cache)
    run_build(HAILAER, Config(out_dir=tmp_path / "a", validate=False), cache=shared_cache)
    run_build([SAMPLE], Config(out_dir=tmp_path / "b", validate=False), cache=shared_cache)
    union = _quads(tmp_path / "a" / "graph.ttl") | _quads(tmp_path / "b" / "graph.ttl")
    assert union == _quads(tmp_path / "full" / "graph.ttl") and full.triples == len(union)
    named = _quads(tmp_path / "a" / "graph.nq") | _quads(tmp_path / "b" / "graph.nq")
    full_named = _quads(tmp_path / "full" / "graph.nq")
    assert named == full_named              # the entity graphs of the shards merge into one


def test_corpus_shards_across_a_series_merge_by_union_and_relink(tmp_path, shared_cache):
    first, second = HAILAER[:2], HAILAER[2:]
    full = run_build(HAILAER, Config(out_dir=tmp_path / "full", validate=False), cache=shared_cache)
    run_build(first, Config(out_dir=tmp_path / "a", validate=False), cache=tmp_path / "cache-a")
    run_build(second, Config(out_dir=tmp_path / "b", validate=False), cache=tmp_path / "cache-b")
    union = _quads(tmp_path / "a" / "graph.ttl") | _quads(tmp_path / "b" / "graph.ttl")
    # the follow-ups from 2013 to 2014 need both shards: everything else is the plain union
    link = set(ox.parse("\n".join(full.corpus).encode("utf-8"), format=ox.RdfFormat.N_TRIPLES))
    missing = _quads(tmp_path / "full" / "graph.ttl") - union
    assert missing and missing <= link and union <= _quads(tmp_path / "full" / "graph.ttl")
    # merging the shards' caches (plain union of files) rebuilds the full graph with no extraction
    merged = tmp_path / "cache"
    for cache in ("cache-a", "cache-b"):
        shutil.copytree(tmp_path / cache, merged, dirs_exist_ok=True)
    rebuilt = run_build(HAILAER, Config(out_dir=tmp_path / "rebuilt", validate=False), cache=merged)
    assert rebuilt.extracted == 0
    assert (tmp_path / "rebuilt" / "graph.ttl").read_bytes() == (tmp_path / "full" / "graph.ttl").read_bytes()


def test_corpus_adding_a_report_extracts_only_that_report(tmp_path, monkeypatch, hailaer):
    calls = []
    real = kg.pipeline.extract
    monkeypatch.setattr(kg.pipeline, "extract", lambda doc, **kw: calls.append(doc.doc_id) or real(doc, **kw))
    folder = tmp_path / "in"
    folder.mkdir()
    for path in HAILAER[:3]:
        shutil.copy(path, folder)
    config = Config(out_dir=tmp_path / "out", validate=False)
    assert run_build([folder], config).extracted == 3 and len(calls) == 3
    shutil.copy(HAILAER[3], folder)
    calls.clear()
    incremental = run_build([folder], config)
    assert calls == [HAILAER[3].name.split(".")[0]] and incremental.extracted == 1
    full = hailaer.out_dir                    # the same four reports, built at once
    assert isomorphic(_graph(tmp_path / "out" / "graph.ttl"), _graph(full / "graph.ttl"))
    assert (tmp_path / "out" / "graph.nq").read_bytes() == (full / "graph.nq").read_bytes()


def test_corpus_cli_build_reports_the_cache(tmp_path):
    runner = CliRunner()
    first = runner.invoke(cli, ["build", str(HAILAER_2014), "-o", str(tmp_path), "--no-views", "--no-validate"])
    assert first.exit_code == 0, first.output
    assert "from the cache" not in first.output and (tmp_path / ".cache").is_dir()
    second = runner.invoke(cli, ["build", str(HAILAER_2014), "-o", str(tmp_path), "--no-views", "--no-validate"])
    assert second.exit_code == 0 and "(1 from the cache)" in second.output
    elsewhere = tmp_path / "elsewhere"
    third = runner.invoke(cli, ["build", str(HAILAER_2014), "-o", str(tmp_path / "o2"), "--no-views",
                                "--no-validate", "--cache", str(elsewhere)])
    assert third.exit_code == 0 and any(elsewhere.rglob("*.pkl"))
    fourth = runner.invoke(cli, ["build", str(HAILAER_2014), "-o", str(tmp_path / "o3"), "--no-views",
                                 "--no-validate", "--no-cache"])
    assert fourth.exit_code == 0 and not (tmp_path / "o3" / ".cache").exists()


def test_corpus_duplicate_report_ids_are_refused(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    shutil.copy(HAILAER_2014, tmp_path / "a")
    shutil.copy(HAILAER_2014, tmp_path / "b")
    errors = []
    result = run_build([tmp_path / "a", tmp_path / "b"], Config(out_dir=tmp_path / "out", validate=False),
                       on_error=errors.append, cache=False)
    assert len(result.reports) == 1 and len(errors) == 1 and "same report id" in str(errors[0])
