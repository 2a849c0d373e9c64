"""Scoring against gold: normalisation, one-to-one matching, optional rows, typed scores, report output."""
from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from kg.evaluate import (errors, evaluate_dirs, format_errors, format_report, match_entities,
                         normalize_name, parse_value, report_to_json, score_metrics)
from kg.tsv import EntityRow, MetricRow, read_metrics

GOLD = Path(__file__).parent / "data" / "gold" / "2023_shanghai-jinshan-shihua_subdistrict"


@pytest.mark.parametrize("a, b", [
    ("《在您身边》", "在您身边"),
    ("“8+3”错时工作制", "8+3错时工作制"),
    ("＂8＋3＂错时工作制", "8+3错时工作制"),
    ("爱・多一点", "爱·多一点"),
    ("爱•多一点", "爱·多一点"),
    ("爱‧多一点", "爱·多一点"),
    ("卫零路—金一路区块", "卫零路-金一路区块"),
    ("卫零路–金一路区块", "卫零路-金一路区块"),
    ("卫零路－金一路区块", "卫零路-金一路区块"),
    ("衔石填海\u00a0\u00a0崇德向善", "衔石填海 崇德向善"),
    ("\u3000衔石填海\u3000崇德向善 ", "衔石填海 崇德向善"),
    ("「石话实说」", "石话实说"),
    ("『啄木鸟』", "啄木鸟"),
    ("‘六步法’", "六步法"),
    ("'一网通办'", "一网通办"),
    ("１５分钟社区生活圈", "15分钟社区生活圈"),
])
def test_normalize_name_equates(a, b):
    assert normalize_name(a) == normalize_name(b) == b


def test_normalize_name_keeps_distinct_names_apart():
    assert normalize_name("石化街道") != normalize_name("石化街道办事处")
    assert normalize_name("8+3") != normalize_name("8 3")


@pytest.mark.parametrize("a, b", [
    ("2400000", "2400000.0"), ("2400000", "2.4e6"), ("2400000", "2,400,000"), ("2400000", "240万"),
    ("16.5", "16.50"), ("１０５３", "1053"),
])
def test_parse_value_equal(a, b):
    assert parse_value(a) == parse_value(b) is not None


def test_parse_value_rejects_text():
    assert parse_value("百名") is None
    assert parse_value("16.5") == Decimal("16.5")


# --------------------------------------------------------------------------- a tiny gold / prediction pair

GOLD_ENTITIES = """name\ttype\taliases\tpart\tevidence\tdoubt
石化街道\tOrganization\t石化街道办事处|街道\tsummary\tx\t
爱心点名\tProgram\t\tsummary\tx\t
石话实说\tBrand\t\tsummary\tx\t
柳城居民区\tResidentialArea\t柳城\tsummary\tx\t
有花有海\tConcept\t\tsummary\tx\tyes
外卖小哥\tTargetGroup\t\tsummary\tx\t
骑士驿站\tFacility\t\tsummary\tx\t
全国老年友好型社区\tAward\t\tsummary\tx\t
满天星\tMechanism\t满天星工程\tsummary\tx\tyes
"""
PRED_ENTITIES = """name\ttype\taliases\tconfidence\tstatus\tyears\tevidence
石化街道办事处\tOrganization\t\t0.9\tachieved\t2023\tx
爱心点名\tBrand\t\t1.000\tachieved\t2023\tx
石话实说\tProgram\t\t1.000\tachieved\t2023\tx
柳城小区\tResidentialArea\t柳城居民区\t1.000\tachieved\t2023\tx
“有花有海”\tConcept\t\t1.000\tachieved\t2023\tx
外卖小哥\tOrganization\t\t1.000\tachieved\t2023\tx
滨海地区\tPlace\t\t1.000\tachieved\t2023\tx
"""
GOLD_RELATIONS = """subject\tpredicate\tobject\tpart\tevidence
石化街道\treceivedAward\t全国老年友好型社区\tsummary\tx
骑士驿站\ttargets\t外卖小哥\tsummary\tx
柳城居民区\treceivedAward\t全国老年友好型社区\tsummary\tx
爱心点名\tlocatedIn\t柳城居民区\tsummary\tx
"""
PRED_RELATIONS = """subject\tpredicate\tobject\tconfidence\tstatus\tyear\tevidence
石化街道办事处\treceivedAward\t“全国老年友好型社区”\t1\tachieved\t2023\tx
柳城\treceivedAward\t全国老年友好型社区\t1\tachieved\t2023\tx
爱心点名\tlocatedIn\t柳城小区\t1\tachieved\t2023\tx
骑士驿站\torganizedBy\t石化街道\t1\tachieved\t2023\tx
石化街道\treceivedAward\t全国老年友好型社区\t1\tachieved\t2023\tx
"""
GOLD_METRICS = """subject\tvalue\tunit\tyear\tqualifier\tpart\tevidence
爱心点名\t2400000\t人次\t2023\t累计;余\tsummary\tx
新招企业\t1053\t户\t2023\t全年\tsummary\tx
新招企业\t16.5\t%\t2023\t同比增长\tsummary\tx
助餐点\t16\t个\t2023\t总数\tsummary\tx
白天工作时间\t8\t小时\t\t名词解释\tglossary\tx
"""
PRED_METRICS = """subject\tvalue\tunit\tyear\tqualifier\tconfidence\tstatus\tevidence
爱心点名累计点名\t2.4e6\t人次\t2023\t累计\t1\tachieved\tx
新招企业\t1053.0\t户\t2023\t\t1\tachieved\tx
新招企业\t16.5\t个\t2023\t同比增长\t1\tachieved\tx
助餐点\t16\t个\t2024\t总数\t1\tachieved\tx
工作时间\t8\t小时\t2023\t\t1\tunknown\tx
"""
GOLD_GLOSSARY = """term\tdefinition\ttype
8+3错时工作制\t即在白天8小时工作时间基础上,向晚上延伸3个小时。\tMechanism
一网通办\t是指依托全流程一体化在线政务服务平台。\tMechanism
满天星\t是指视频监控系统,实现辖区监控网络全覆盖。\tMechanism
"""
PRED_GLOSSARY = """term\tdefinition\ttype
“8+3”错时工作制\t即在白天8小时工作时间基础上,向晚上延伸3小时\tMechanism
满天星工程\t视频监控系统\t
三个湾区\t是指活力湾区、美丽湾区、幸福湾区。\tConcept
"""


def _write(d: Path, **files: str) -> Path:
    d.mkdir()
    for name, text in files.items():
        (d / f"{name}.tsv").write_text(text, encoding="utf-8")
    return d


@pytest.fixture
def report(tmp_path):
    gold = _write(tmp_path / "gold", entities=GOLD_ENTITIES, relations=GOLD_RELATIONS,
                  metrics=GOLD_METRICS, glossary=GOLD_GLOSSARY)
    pred = _write(tmp_path / "pred", entities=PRED_ENTITIES, relations=PRED_RELATIONS,
                  metrics=PRED_METRICS, glossary=PRED_GLOSSARY)
    return evaluate_dirs(gold, pred)


def _counts(score):
    return (score.gold, score.pred, score.tp, score.fp, score.fn, score.optional)


def _prf(score):
    return pytest.approx((score.precision, score.recall, score.f1))


def test_entities_untyped(report):
    s = report.entities.untyped
    # 7 required gold; alias, Brand/Program and pred-alias matches count; the doubt row is neutral.
    assert _counts(s) == (7, 6, 5, 1, 2, 1)
    assert (s.precision, s.recall, s.f1) == pytest.approx((5 / 6, 5 / 7, 10 / 13))


def test_entities_typed(report):
    s = report.entities.typed
    # 外卖小哥 predicted as Organization: FP and FN when typed; Brand<->Program is fine.
    assert _counts(s) == (7, 6, 4, 2, 3, 1)
    assert (s.precision, s.recall, s.f1) == pytest.approx((4 / 6, 4 / 7, 8 / 13))


def test_entities_per_type(report):
    rows = {s.label: _counts(s) for s in report.entities.types}
    assert rows == {
        "Organization": (1, 2, 1, 1, 0, 0),
        "ResidentialArea": (1, 1, 1, 0, 0, 0),
        "Place": (0, 1, 0, 1, 0, 0),
        "Facility": (1, 0, 0, 0, 1, 0),
        "Program": (1, 1, 1, 0, 0, 0),
        "Brand": (1, 1, 1, 0, 0, 0),
        "Mechanism": (0, 0, 0, 0, 0, 0),
        "Award": (1, 0, 0, 0, 1, 0),
        "Concept": (0, 0, 0, 0, 0, 1),
        "TargetGroup": (1, 0, 0, 0, 1, 0),
    }
    by = {s.label: s for s in report.entities.types}
    assert (by["Organization"].precision, by["Organization"].recall) == (0.5, 1.0)
    assert (by["TargetGroup"].precision, by["TargetGroup"].recall, by["TargetGroup"].f1) == (0.0, 0.0, 0.0)
    assert (by["Concept"].precision, by["Concept"].recall, by["Concept"].f1) == (1.0, 1.0, 1.0)


def test_entity_errors(report):
    err = errors(report)["entities"]
    assert err["missed"] == ["骑士驿站 (Facility)", "全国老年友好型社区 (Award)"]
    assert err["false"] == ["滨海地区 (Place)"]
    assert err["wrong_type"] == ["外卖小哥 (Organization) -> 外卖小哥 (TargetGroup)"]


def test_relations_through_aliases(report):
    r = report.relations
    # 石化街道办事处 and 柳城 are gold aliases; 柳城小区 resolves through its matched entity;
    # the repeated triple is an FP (one-to-one).
    assert _counts(r.overall) == (4, 5, 3, 2, 1, 0)
    assert (r.overall.precision, r.overall.recall, r.overall.f1) == pytest.approx((3 / 5, 3 / 4, 2 / 3))
    per = {s.label: _counts(s) for s in r.predicates}
    assert per == {"receivedAward": (2, 3, 2, 1, 0, 0), "locatedIn": (1, 1, 1, 0, 0, 0),
                   "targets": (1, 0, 0, 0, 1, 0), "organizedBy": (0, 1, 0, 1, 0, 0)}
    assert [s.label for s in r.predicates] == ["receivedAward", "locatedIn", "targets", "organizedBy"]
    err = errors(report)["relations"]
    assert err["missed"] == ["骑士驿站 -targets-> 外卖小哥"]
    assert "骑士驿站 -organizedBy-> 石化街道" in err["false"]


def test_metrics_values_units_years(report):
    m = report.metrics
    # 2.4e6 == 2400000, 1053.0 == 1053, blank gold year matches any; unit and year mismatches fail.
    assert _counts(m.overall) == (5, 5, 3, 2, 2, 0)
    assert (m.overall.precision, m.overall.recall, m.overall.f1) == pytest.approx((0.6, 0.6, 0.6))
    assert m.missed == ("新招企业 = 16.5 % (2023) [同比增长]", "助餐点 = 16 个 (2023) [总数]")


def test_metrics_prefer_similar_subject():
    gold = [MetricRow("新建助餐点", "4", "个", 2023), MetricRow("增设警务室", "4", "个", 2023)]
    result = score_metrics(gold, [MetricRow("警务室", "4", "个", 2023)])
    assert result.overall.tp == 1
    assert result.missed == ("新建助餐点 = 4 个 (2023)",)


def test_metrics_units_with_a_ten_thousand_prefix_are_the_same_quantity():
    gold = [MetricRow("农田", "120000", "亩", 2026), MetricRow("里程", "12000", "公里", 2025),
            MetricRow("电量", "45000000000", "千瓦时", 2026), MetricRow("投资", "90", "亿元", 2026)]
    pred = [MetricRow("农田", "12", "万亩", 2026), MetricRow("里程", "1.2", "万公里", 2025),
            MetricRow("电量", "450", "亿千瓦时", 2026), MetricRow("投资", "9000000000", "元", 2026)]
    assert score_metrics(gold, pred).overall.tp == 4
    assert score_metrics([MetricRow("a", "12", "万", 2026)], [MetricRow("a", "12", "个", 2026)]).overall.tp == 0


def test_metrics_gold_span_of_years_matches_a_year_inside_it(tmp_path):
    (tmp_path / "metrics.tsv").write_text(
        "subject\tvalue\tunit\tyear\tqualifier\n增长\t24.1\t%\t2021-2025\t年均\n案例\t21\t批\t2021—2025年\t\n",
        encoding="utf-8")
    gold = read_metrics(tmp_path / "metrics.tsv")
    assert [(m.year, m.year_end) for m in gold] == [(2021, 2025), (2021, 2025)]
    inside = [MetricRow("增长", "24.1", "%", 2025), MetricRow("案例", "21", "批", 2023)]
    outside = [MetricRow("增长", "24.1", "%", 2026), MetricRow("案例", "21", "批", 2020)]
    assert score_metrics(gold, inside).overall.tp == 2
    assert score_metrics(gold, outside).overall.tp == 0


def test_metrics_optional_row_is_neutral():
    gold = [MetricRow("a", "1", "个", 2023, doubt="yes"), MetricRow("b", "2", "个", 2023)]
    result = score_metrics(gold, [MetricRow("a", "1", "个", 2023)])
    assert _counts(result.overall) == (1, 0, 0, 0, 1, 1)


def test_glossary(report):
    g = report.glossary
    # “8+3”错时工作制 matches by normalisation, 满天星工程 through the gold entity's alias.
    assert _counts(g.overall) == (3, 3, 2, 1, 1, 0)
    assert (g.overall.precision, g.overall.recall) == pytest.approx((2 / 3, 2 / 3))
    assert g.definitions == 1
    assert g.missed == ("一网通办",) and g.false == ("三个湾区",)


def test_match_prefers_exact_name_over_alias():
    gold = [EntityRow("石化街道", "Organization", ("石化街道办事处",))]
    for pred in ([EntityRow("石化街道办事处", "Organization"), EntityRow("石化街道", "Organization")],
                 [EntityRow("石化街道", "Organization"), EntityRow("石化街道办事处", "Organization")]):
        pairs = match_entities(gold, pred)
        assert [pred[pi].name for pi in pairs] == ["石化街道"]


def test_match_prefers_same_type_and_is_one_to_one():
    gold = [EntityRow("啄木鸟", "Brand"), EntityRow("啄木鸟", "Program")]
    pred = [EntityRow("啄木鸟", "Program")]
    assert match_entities(gold, pred) == {0: 1}
    assert len(match_entities([EntityRow("甲", "Program")], [EntityRow("甲", "Program")] * 2)) == 1


def test_report_outputs(report):
    text = format_report(report)
    lines = text.splitlines()
    assert lines[0].split() == ["row", "gold", "pred", "tp", "fp", "fn", "opt", "P", "R", "F1"]
    labels = [line.split()[0] for line in lines if line and not line.startswith("-")]
    assert labels.index("Organization") < labels.index("untyped") < labels.index("typed") \
        < labels.index("receivedAward") < labels.index("relations") < labels.index("metrics") \
        < labels.index("glossary")
    untyped = next(line for line in lines if line.startswith("untyped")).split()
    assert untyped[1:] == ["7", "6", "5", "1", "2", "1", "0.833", "0.714", "0.769"]
    data = report_to_json(report, include_errors=True)
    json.dumps(data, ensure_ascii=False)
    assert data["entities"]["typed"]["tp"] == 4
    assert data["relations"]["overall"]["f1"] == pytest.approx(2 / 3)
    assert data["glossary"]["definitions_matched"] == 1
    assert data["errors"]["entities"]["false"] == ["滨海地区 (Place)"]
    assert "relations missed (1):" in format_errors(report)


def test_gold_against_itself_is_perfect():
    report = evaluate_dirs(GOLD, GOLD)
    scores = [*report.entities.types, report.entities.untyped, report.entities.typed,
              *report.relations.predicates, report.relations.overall, report.metrics.overall,
              report.glossary.overall]
    assert len(report.entities.types) == 13 and len(report.relations.predicates) == 5
    for s in scores:
        assert (s.precision, s.recall, s.f1) == (1.0, 1.0, 1.0), s.label
        assert s.fp == s.fn == 0
    assert report.entities.untyped.gold == 225 and report.entities.untyped.optional == 30
    assert report.glossary.definitions == report.glossary.overall.tp == 13
    assert all(not items for kinds in errors(report).values() for items in kinds.values())


def test_empty_prediction_scores_zero(tmp_path):
    report = evaluate_dirs(GOLD, _write(tmp_path / "empty"))
    assert report.entities.untyped.tp == 0 and report.entities.untyped.recall == 0.0
    assert report.entities.untyped.f1 == 0.0 and report.metrics.overall.fn == 54


def test_scores_by_confidence_show_what_each_filter_keeps():
    from kg.evaluate import confidence_table, format_confidence_table
    from kg.tsv import TsvSet

    gold = TsvSet(entities=(EntityRow("爱心点名", "Program"), EntityRow("骑士驿站", "Facility")))
    pred = TsvSet(entities=(EntityRow("爱心点名", "Program", confidence=0.9),
                            EntityRow("滨海地区", "Place", confidence=0.5)))
    table = confidence_table(gold, pred)
    assert [t for t, *_ in table] == [0.0, 0.5, 0.9]
    assert [(e.pred, e.tp) for _, e, _, _ in table] == [(2, 1), (2, 1), (1, 1)]
    assert table[-1][1].precision == 1.0 and table[0][1].precision == 0.5
    lines = format_confidence_table(table).splitlines()
    assert len(lines) == 5 and lines[-1].split()[:5] == ["0.90", "1", "1.00", "0.50", "0.67"]


def test_cli_eval_by_confidence(tmp_path):
    from click.testing import CliRunner
    from kg.cli import cli

    gold = _write(tmp_path / "gold", entities=GOLD_ENTITIES, relations=GOLD_RELATIONS, metrics=GOLD_METRICS)
    pred = _write(tmp_path / "pred", entities=PRED_ENTITIES, relations=PRED_RELATIONS, metrics=PRED_METRICS)
    result = CliRunner().invoke(cli, ["eval", str(gold), str(pred), "--by-confidence"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0].split()[0] == "min-conf" and "0.90" in result.output
