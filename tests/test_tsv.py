"""The TSV evaluation contract: writing an Extraction, reading predicted and gold files back."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.models import (ACHIEVED, PLANNED, UNKNOWN, Definition, Document, Entity, Extraction, Mention,
                       Metric, Relation, Sentence)
from kg.tsv import (ENTITY_HEADER, GLOSSARY_HEADER, METRIC_HEADER, RELATION_HEADER, EntityRow, read_dir,
                    read_entities, read_glossary, read_metrics, read_relations, write_extraction,
                    write_tsv_atomic)

GOLD = Path(__file__).parent / "data" / "gold" / "2023_shanghai-jinshan-shihua_subdistrict"

S0 = "石化街道荣获\t全国老年友好型社区。"
S1 = "2024年石化街道将继续推进爱心点名。"
S2 = "爱心点名:是指为独居老人每日点名。"


def _sentence(i: int, text: str, start: int, status: str, year: int | None, glossary=False) -> Sentence:
    return Sentence(index=i, text=text, start=start, end=start + len(text), part=i, section=None,
                    paragraph=i, status=status, year=year, in_glossary=glossary)


def _extraction() -> Extraction:
    sentences = (_sentence(0, S0, 0, ACHIEVED, 2023), _sentence(1, S1, len(S0), PLANNED, 2024),
                 _sentence(2, S2, len(S0) + len(S1), UNKNOWN, None, glossary=True))
    doc = Document(doc_id="t", source="t.txt", text=S0 + S1 + S2, sentences=sentences)
    entities = [
        Entity("石化街道", "Organization", aliases={"石化街道办事处", "街道", "石化街道"},
               mentions=[Mention("石化街道", 1, 24, 28), Mention("石化街道", 0, 0, 4)], confidence=0.9),
        Entity("爱心点名", "Program", mentions=[Mention("爱心点名", 1, 30, 34), Mention("爱心点名", 2, 40, 44)]),
        Entity("全国老年友好型社区", "Award", mentions=[Mention("全国老年友好型社区", 0, 7, 16)]),
        Entity("无提及", "Concept"),
    ]
    relations = [
        Relation("石化街道", "receivedAward", "全国老年友好型社区", sentence=1, confidence=0.95),
        Relation("石化街道", "receivedAward", "全国老年友好型社区", sentence=0, confidence=0.8),
        Relation("爱心点名", "organizedBy", "石化街道", sentence=1, confidence=0.5),
    ]
    metrics = [Metric("爱心点名", "2400000", "人次", 2023, "累计", sentence=0, confidence=0.7)]
    definitions = [Definition("爱心点名", "是指为独居老人\n每日点名。", 2), Definition("三个湾区", "是指活力湾区", None)]
    return Extraction(doc, entities, relations, metrics, definitions)


def test_write_extraction_headers_and_shape(tmp_path):
    write_extraction(_extraction(), tmp_path)
    headers = {"entities.tsv": ENTITY_HEADER, "relations.tsv": RELATION_HEADER,
               "metrics.tsv": METRIC_HEADER, "glossary.tsv": GLOSSARY_HEADER}
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(headers)  # no temp files left behind
    for name, header in headers.items():
        lines = (tmp_path / name).read_text(encoding="utf-8").split("\n")
        assert lines[0] == "\t".join(header)
        assert lines[-1] == ""
        assert all(line.count("\t") == len(header) - 1 for line in lines[1:-1]), name


def test_write_extraction_round_trip(tmp_path):
    write_extraction(_extraction(), tmp_path)
    ents = {e.name: e for e in read_entities(tmp_path / "entities.tsv")}
    assert list(ents) == sorted(ents)
    shihua = ents["石化街道"]
    assert shihua.type == "Organization"
    assert shihua.aliases == ("石化街道办事处", "街道")
    assert shihua.status == (ACHIEVED, PLANNED)
    assert shihua.years == (2023, 2024)
    assert shihua.confidence == pytest.approx(0.9)
    assert shihua.evidence == S1  # the first mention's sentence, not the earliest one
    assert ents["爱心点名"].status == (PLANNED, UNKNOWN) and ents["爱心点名"].years == (2024,)
    assert ents["全国老年友好型社区"].evidence == S0.replace("\t", " ")
    assert ents["无提及"].status == () and ents["无提及"].evidence == ""
    assert not shihua.optional

    rels = read_relations(tmp_path / "relations.tsv")
    assert [(r.subject, r.predicate, r.object) for r in rels] == [
        ("爱心点名", "organizedBy", "石化街道"), ("石化街道", "receivedAward", "全国老年友好型社区")]
    award = rels[1]
    assert (award.status, award.year, award.evidence) == (ACHIEVED, 2023, S0.replace("\t", " "))
    assert award.confidence == pytest.approx(0.95)

    [metric] = read_metrics(tmp_path / "metrics.tsv")
    assert (metric.subject, metric.value, metric.unit, metric.year, metric.qualifier, metric.status) == (
        "爱心点名", "2400000", "人次", 2023, "累计", ACHIEVED)

    gloss = {g.term: g for g in read_glossary(tmp_path / "glossary.tsv")}
    assert gloss["爱心点名"].type == "Program"
    assert gloss["爱心点名"].definition == "是指为独居老人 每日点名。"
    assert gloss["三个湾区"].type == ""


def test_write_extraction_is_deterministic(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    write_extraction(_extraction(), a)
    shuffled = _extraction()
    shuffled.entities.reverse()
    shuffled.relations.reverse()
    shuffled.definitions.reverse()
    write_extraction(shuffled, b)
    for name in ("entities.tsv", "relations.tsv", "metrics.tsv", "glossary.tsv"):
        assert (a / name).read_bytes() == (b / name).read_bytes()


def test_write_tsv_atomic_cleans_cells_and_replaces(tmp_path):
    path = tmp_path / "sub" / "x.tsv"
    write_tsv_atomic(path, ("a", "b"), [("old", "row")])
    write_tsv_atomic(path, ("a", "b"), [("1\t2", "x\ny\r\nz"), (None, 3)])
    assert path.read_text(encoding="utf-8") == "a\tb\n1 2\tx y z\n\t3\n"
    assert [p.name for p in path.parent.iterdir()] == ["x.tsv"]


def test_write_tsv_atomic_keeps_old_file_on_failure(tmp_path):
    path = tmp_path / "x.tsv"
    write_tsv_atomic(path, ("a",), [("old",)])

    def rows():
        yield ("new",)
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        write_tsv_atomic(path, ("a",), rows())
    assert path.read_text(encoding="utf-8") == "a\nold\n"
    assert [p.name for p in tmp_path.iterdir()] == ["x.tsv"]


def test_readers_tolerate_missing_columns_blank_lines_and_bom(tmp_path):
    p = tmp_path / "entities.tsv"
    p.write_text("\ufeffname\ttype\n\n甲\tProgram\n   \n乙\n", encoding="utf-8")
    assert read_entities(p) == [EntityRow("甲", "Program"), EntityRow("乙", "")]
    m = tmp_path / "metrics.tsv"
    m.write_text("subject\tvalue\tunit\n新招企业\t1053\t户\n", encoding="utf-8")
    [row] = read_metrics(m)
    assert (row.value, row.unit, row.year, row.qualifier, row.doubt) == ("1053", "户", None, "", "")


def test_readers_accept_headerless_files(tmp_path):
    p = tmp_path / "relations.tsv"
    p.write_text("甲\tpartOf\t乙\n", encoding="utf-8")
    [r] = read_relations(p)
    assert (r.subject, r.predicate, r.object) == ("甲", "partOf", "乙")


def test_read_dir_missing_files_are_empty(tmp_path):
    (tmp_path / "entities.tsv").write_text("name\ttype\n甲\tProgram\n", encoding="utf-8")
    got = read_dir(tmp_path)
    assert len(got.entities) == 1 and got.relations == () and got.metrics == () and got.glossary == ()
    with pytest.raises(NotADirectoryError):
        read_dir(tmp_path / "nope")


def test_read_real_gold():
    gold = read_dir(GOLD)
    assert len(gold.entities) == 255
    assert sum(e.optional for e in gold.entities) == 30
    first = gold.entities[0]
    assert (first.name, first.type, first.aliases, first.part) == (
        "石化街道", "Organization", ("石化街道办事处", "街道"), "summary")
    doubtful = next(e for e in gold.entities if e.name == "党")
    assert doubtful.optional and doubtful.doubt == "yes"
    assert len(gold.relations) == 60
    assert gold.relations[0].predicate == "receivedAward"
    assert len(gold.metrics) == 54
    love = next(m for m in gold.metrics if m.subject == "爱心点名")
    assert (love.value, love.unit, love.year, love.qualifier) == ("2400000", "人次", 2023, "累计;余")
    assert next(m for m in gold.metrics if m.part == "glossary").year is None
    assert len(gold.glossary) == 13
    assert gold.glossary[0].term == "8+3错时工作制" and gold.glossary[0].type == "Mechanism"
