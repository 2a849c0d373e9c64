"""Stage 4c: numbers with units, Chinese numerals, 万/亿, qualifiers; dates and ordinals are not metrics."""
import pytest

from kg.metrics import chinese_number, extract_metrics, sentence_metrics
from kg.pipeline import document_from_text
from kg.models import Sentence


def subjects(text: str, year: int = 2023) -> set[tuple[str, str, str]]:
    """(subject, value, unit) of every figure of one sentence."""
    s = Sentence(index=0, text=text, start=0, end=len(text), part=1, section=None, paragraph=0)
    return {(m.subject, m.value, m.unit) for m in sentence_metrics(s, year)}


def metrics(text: str, year: int = 2023) -> set[tuple[str, str]]:
    s = Sentence(index=0, text=text, start=0, end=len(text), part=1, section=None, paragraph=0)
    return {(m.value, m.unit) for m in sentence_metrics(s, year)}


@pytest.mark.parametrize("text, expected", [
    ("全年新招企业1053户、同比增长16.5%。", {("1053", "户"), ("16.5", "%")}),
    ("已累计点名240余万人次。", {("2400000", "人次")}),
    ("全年旅游接待人数438万人次,旅游收入完成47.2亿元。", {("4380000", "人次"), ("47.2", "亿元")}),
    ("全年新增商业营业面积15万平方米。", {("15", "万平方米")}),
    ("形成1+3+26+X的站点覆盖以及百名人民意见征集员的新局面。", {("100", "名")}),
    ("实现辖区六大片区睦邻中心全覆盖。", {("6", "个")}),
    ("从服务“对象、内容、流程、行动、宣传”五方面升级。", {("5", "个")}),
    ("华汇、地壹街两个地下商城投入使用。", {("2", "个")}),
    ("向晚上延伸3个小时。", {("3", "小时")}),
    ("居民区违规充电数从年初1100余起降到300多起。", {("1100", "起"), ("300", "起")}),
    ("2024年是中华人民共和国成立75周年。", {("75", "周年")}),
    ("为1467位80岁以上低收入老年人发放高龄补贴176万元。", {("1467", "位"), ("80", "岁"), ("176", "万元")}),
    ("孕产妇、婴儿、5岁以下儿童死亡率达历史最优,人均预期寿命80.5岁。", {("80.5", "岁")}),
    ("牧业年度牲畜存栏14万头只,接待车辆120万辆次。", {("140000", "头只"), ("1200000", "辆次")}),
    ("生活垃圾总处理能力提高到16.9万吨/日，危险废物利用处置能力提高到1459万吨/年。",
     {("16.9", "万吨/日"), ("1459", "万吨/年")}),
    ("全员劳动生产率达58万元/人左右，死亡率控制在0.6人/百亿元以下。", {("58", "万元/人"), ("0.6", "人/百亿元")}),
    ("建设筹集保障性住房155.4万套（间），开展农产品定量抽检超2.3万批次。", {("1554000", "套（间）"), ("23000", "批次")}),
    ("地区生产总值年均增速4.5%-5%。", {("4.5", "%"), ("5", "%")}),
    ("城乡居民收入比从2.50:1缩小至2.27:1。", {("2.5", ":1"), ("2.27", ":1")}),
    ("抵离口岸的交通工具达2813.8万辆（艘、架、列）次，无人机产量占全国9成。", {("28138000", "辆次"), ("90", "%")}),
    ("第一产业增加值提升至全国第二，数字经济规模稳居全国首位，进入全国第二梯队。", {("2", "位"), ("1", "位")}),
])
def test_metrics_values_and_units(text, expected):
    assert metrics(text) == expected


@pytest.mark.parametrize("text", [
    "2024年01月25日 来源: 上海金山",
    "提高第五次全国经济普查统计工作质效。",
    "是实施“十四五”规划的关键一年。",
    "全面贯彻落实党的二十大精神。",
    "“12345”热线工单工作满意率持续提升。",
    "打造“爱心点名”行动2.0版。",
    "一个有花有海、有光有爱的社区建设取得了积极成效。",
    "锻造更多千亿元级、万亿元级新兴产业集群。",      # a scale of cluster, no sum
    "赋能千行百业、造福千家万户。",                  # a saying, no count
])
def test_metrics_skip_dates_ordinals_and_names(text):
    assert metrics(text) == set()


def test_metrics_qualifier_subject_and_year():
    s = Sentence(index=3, text="全年新招企业1053户、同比增长16.5%。", start=0, end=20, part=1, section=None,
                 paragraph=0)
    found = {m.unit: m for m in sentence_metrics(s, 2023)}
    assert found["户"].subject == "新招企业" and found["户"].year == 2023 and found["户"].sentence == 3
    assert "同比增长" in found["%"].qualifier
    added = sentence_metrics(Sentence(0, "新建4个助餐点。", 0, 8, 1, None, 0), 2024)[0]
    assert (added.subject, added.value, added.qualifier) == ("新建助餐点", "4", "新建")


def test_metrics_figures_written_in_chinese_numerals():
    """An older report's figures in words: sums, lengths and growth; a scale word (百万亩) is no figure."""
    assert metrics("全县完成生产总值四十二亿元，增长百分之十二点五，新建公路一百二十公里。") == {
        ("42", "亿元"), ("12.5", "%"), ("120", "公里")}
    assert metrics("实施百万亩造林绿化工程，新建三米宽步道。") == set()


def test_metrics_a_subject_read_after_the_figure_stops_before_the_next_figure():
    text = "为1.2万名困难群众发放临时救助金3600万元。"
    found = {m.unit: m.subject for m in sentence_metrics(Sentence(0, text, 0, len(text), 1, None, 0), 2023)}
    assert found["名"] == "困难群众"           # the people counted, not what they were given (stops at its verb)
    assert found["万元"] == "发放临时救助金"    # the money, from the verb on (not whom it went to)


def test_metrics_a_change_that_names_nothing_is_the_change_of_the_figure_before_it():
    text = "全年地区生产总值完成253.7亿元，同比增长10.1%；财政收入下降2%。"
    found = {m.value: m.subject for m in sentence_metrics(Sentence(0, text, 0, len(text), 1, None, 0), 2023)}
    assert found["253.7"] and found["10.1"] == found["253.7"]
    assert found["2"] == "财政收入"     # a change with its own subject keeps it


@pytest.mark.parametrize("numeral, value", [("百", 100), ("六", 6), ("十二", 12), ("二十三", 23), ("两", 2)])
def test_metrics_chinese_numbers(numeral, value):
    assert chinese_number(numeral) == value


@pytest.mark.parametrize("text, expected", [
    ("政府采购占比近八成。", {("80", "%")}),
    ("带动社会投资超千亿元。", {("1000", "亿元")}),
    ("贷款余额超万亿元。", {("1", "万亿元")}),
    ("现场成交额均超百亿美元。", {("100", "亿美元")}),
    ("占全国比重近一半。", {("50", "%")}),
    ("连续9年位居全国第一。", {("9", "年"), ("1", "位")}),
    ("连续四年获得考核优秀等次,连续十四年未发生重大事故。", {("4", "年"), ("14", "年")}),
    ("连续五次荣获先进县称号。", {("5", "次")}),
    ("博士点数量翻番。", {("100", "%")}),
    ("洋浦港20万吨级泊位投用,建成500千伏线路和双向8车道高速公路。", {("20", "万吨级"), ("500", "千伏"), ("8", "车道")}),
    ("保持一成不变的作风。", set()),
    ("年均浓度27微克/立方米。", {("27", "微克/立方米")}),
])
def test_metrics_shares_and_round_amounts_in_words(text, expected):
    assert metrics(text) == expected


def test_metrics_one_per_figure_in_a_sentence():
    """Two rules reading one figure (连续10次 as a run and as a count) give one metric: its graph node is
    keyed by subject, value, unit and sentence, and SHACL allows one confidence per node."""
    from kg.metrics import extract_metrics
    from kg.pipeline import document_from_text
    doc = document_from_text("一、2025年工作回顾\n质量工作考核连续10次获评国家A级。\n", "run-test")
    got = [(m.subject, m.value, m.unit, m.qualifier) for m in extract_metrics(doc)]
    assert len(got) == len({g[:3] for g in got}) == 1 and got[0][1:] == ("10", "次", "连续"), got


def test_metrics_a_figure_dated_in_its_own_words_keeps_that_year():
    s = Sentence(index=0, text="人均预期寿命从2020年的82.4岁提升至83.9岁。", start=0, end=25, part=1, section=None,
                 paragraph=0)
    assert {(m.value, m.year) for m in sentence_metrics(s, 2025)} == {("82.4", 2020), ("83.9", 2025)}


def test_metrics_a_rank_is_about_what_holds_it():
    s = Sentence(index=0, text="区域创新能力连续9年全国第一。", start=0, end=15, part=1, section=None, paragraph=0)
    ranks = [m for m in sentence_metrics(s, 2025) if m.unit == "位"]
    assert [(m.subject, m.value, m.qualifier) for m in ranks] == [("区域创新能力", "1", "全国第一")]


def test_metrics_the_base_year_of_a_change_is_no_part_of_its_subject():
    s = Sentence(index=0, text="初步测算,2021年全市生产总值比2020年增长8.7%。", start=0, end=30, part=1, section=None,
                 paragraph=0)
    assert [m.subject for m in sentence_metrics(s, 2021)] == ["生产总值"]


@pytest.mark.parametrize("text, expected", [
    # a share of the plan or a ratio to a base is about the figure before it
    ("预计实现地区生产总值420亿元,占计划的101%,同比下降3%。",
     {("420", "亿元"): "地区生产总值", ("101", "%"): "地区生产总值", ("3", "%"): "地区生产总值"}),
    ("完成社会消费品零售总额98.6亿元,是“十五”期末的2.3倍,年均增长18%。",
     {("2.3", "倍"): "社会消费品零售总额", ("18", "%"): "社会消费品零售总额"}),
    ("地方一般公共预算收入11.2亿元,按可比口径下降8.1%。", {("8.1", "%"): "地方一般公共预算收入"}),
    ("完成投资5亿元,增加4个助餐点。", {("4", "个"): "助餐点"}),  # the words after name what grew
    # figures listed after 分别 belong, in order, to the figures named before their clause
    ("城镇居民可支配收入21000元,农民人均纯收入8150元,同比分别增长12.3%和10%。",
     {("12.3", "%"): "城镇居民可支配收入", ("10", "%"): "农民人均纯收入"}),
    # a note in brackets between the subject and its figure
    ("财政收入(不含基金)3.02亿元,较上年增长16.4%。", {("3.02", "亿元"): "财政收入", ("16.4", "%"): "财政收入"}),
    # a gap to a target is no subject for the growth after it
    ("财政收入3.02亿元,高于年初人代会10%的目标6.4个百分点,年均增长15%。", {("15", "%"): "财政收入"}),
    # 迈上…新台阶 and 连续N年居全国首位 are said of the figure before them
    ("预计全省地区生产总值迈上9万亿元新台阶、连续12年居全国首位。",
     {("9", "万亿元"): "地区生产总值", ("12", "年"): "地区生产总值", ("1", "位"): "地区生产总值"}),
    ("经营主体净增56万户、突破1200万户。", {("12000000", "户"): "经营主体净增"}),
    # a quoted name before the figure is part of what is counted; one subject 分别增长 holds both growths
    ("办理“税银贷”9.5亿元,新增“四上”企业41户。", {("9.5", "亿元"): "税银贷", ("41", "户"): "四上企业"}),
    ("非房存量企业完成区税7.45亿元,同比上升3.84%。", {("3.84", "%"): "非房存量企业区税"}),
    ("引进企业152家,同比增长约15%。", {("15", "%"): "引进企业"}),
    ("城乡居民人均可支配收入分别增长5.1%、6.9%。", {("5.1", "%"): "城乡居民人均可支配收入", ("6.9", "%"): "城乡居民人均可支配收入"}),
])
def test_metrics_subjects_read_across_clauses(text, expected):
    s = Sentence(index=0, text=text, start=0, end=len(text), part=1, section=None, paragraph=0)
    got = {(m.value, m.unit): m.subject for m in sentence_metrics(s, 2008)}
    assert all(got.get(k) == v for k, v in expected.items()), got


@pytest.mark.parametrize("text, expected", [
    ("财政总收入和地方公共财政预算收入分别达到41.5亿元、27.2亿元,增长12.4%、15.5%。",
     [("财政总收入", "41.5"), ("地方公共财政预算收入", "27.2"), ("财政总收入", "12.4"), ("地方公共财政预算收入", "15.5")]),
    ("城镇、农村常住居民人均可支配收入分别达到41200元和20100元,同口径年均增长9%和12%。",
     [("城镇常住居民人均可支配收入", "41200"), ("农村常住居民人均可支配收入", "20100"),
      ("城镇常住居民人均可支配收入", "9"), ("农村常住居民人均可支配收入", "12")]),
    ("城乡居民人均可支配收入分别达35188元、17660元,年均增速7.2%、8.3%。",
     [("城乡居民人均可支配收入", "35188"), ("城乡居民人均可支配收入", "17660"),
      ("城乡居民人均可支配收入", "7.2"), ("城乡居民人均可支配收入", "8.3")]),
])
def test_metrics_two_things_named_together_share_out_the_figures_listed_after_them(text, expected):
    s = Sentence(index=0, text=text, start=0, end=len(text), part=1, section=None, paragraph=0)
    assert [(m.subject, m.value) for m in sentence_metrics(s, 2014)] == expected


def test_metrics_a_pair_named_before_its_figures_shares_them_out_when_respectively_follows():
    text = "城镇和农村常住居民人均可支配收入完成31200元、16400元，分别增长4%、6.2%。"
    s = Sentence(index=0, text=text, start=0, end=len(text), part=1, section=None, paragraph=0)
    assert [(m.subject, m.value) for m in sentence_metrics(s, 2023)] == [
        ("城镇常住居民人均可支配收入", "31200"), ("农村常住居民人均可支配收入", "16400"),
        ("城镇常住居民人均可支配收入", "4"), ("农村常住居民人均可支配收入", "6.2")]


@pytest.mark.parametrize("text, expected", [
    # a gap to a reference (高于全国, 低于目标, 塌目标) is about the growth before it, the reference a qualifier
    ("全区生产总值增长5.6%，高于全省0.3个百分点。", {("0.3", "个百分点"): ("生产总值", "高于全省")}),
    ("一般公共预算收入同比增长1.5%，塌目标17.5个百分点。", {("17.5", "个百分点"): ("一般公共预算收入", "塌目标")}),
    # a growth after a clause on prices, and 比上年同期, is the figure's before it
    ("完成地区生产总值612.4亿元，按可比价格计算，比上年同期增长21.6%。",
     {("21.6", "%"): ("地区生产总值", "增长"), ("612.4", "亿元"): ("地区生产总值", "")}),
    # a bound is a qualifier, not part of the subject; an item's number is no part of it either
    ("城镇新增就业不少于3万人，2.培育工业互联网平台4家。",
     {("30000", "人"): ("城镇新增就业", "不少于;新增"), ("4", "家"): ("培育工业互联网平台", "")}),
    ("规模以上工业增加值可比增长12.1%。", {("12.1", "%"): ("规模以上工业增加值", "增长")}),
    # a note in brackets and a verb between the subject and its figure; 我镇 and 全镇 open no subject
    ("全年我镇国民生产总值（GDP）实现38016.4万元，增速9%。",
     {("38016.4", "万元"): ("国民生产总值", ""), ("9", "%"): ("国民生产总值", "")}),
    ("全镇6个村开展“一事一议”项目。", {("6", "个"): ("村", "")}),
    ("全年地区生产总值将首超八十亿元。", {("80", "亿元"): ("地区生产总值", "全年;超")}),
    # what follows an earlier figure of the clause names the next one; a long name after a figure ends at a word
    ("为31家重点企业申请财政扶持960万元。", {("960", "万元"): ("申请财政扶持", ""), ("31", "家"): ("重点企业", "")}),
    # what a counted body does or gets after it is not part of it
    ("推动5个老旧小区成立业主委员会。", {("5", "个"): ("老旧小区", "")}),
    # a bound below (低于) is a qualifier; 均 is no part of what grew; a share of the year's target is the figure
    # before's, and the growth after it too
    ("城镇登记失业率低于3.5%。", {("3.5", "%"): ("城镇登记失业率", "低于")}),
    ("产量和产值均增长21%。", {("21", "%"): ("产量和产值", "增长")}),
    ("财政总收入完成2.1亿元，完成年度计划的104.2%，下降6.3%。",
     {("104.2", "%"): ("财政总收入", "完成年度计划的"), ("6.3", "%"): ("财政总收入", "下降")}),
    ("完成土地收储420亩，超年初计划15%，实现产值2.2亿元。",
     {("15", "%"): ("土地收储", "超年初计划"), ("2.2", "亿元"): ("产值", "")}),
    # a year inside the clause dates its figure; 保持 is no part of what grew
    ("全区生产总值保持年均12.6%增长，2011年预计实现380亿元。",
     {("380", "亿元"): ("生产总值", ""), ("12.6", "%"): ("生产总值", "")}),
    # a pair shares its figures out after 年均分别, 分别比上年 and 同比分别回落 (个百分点 ends the first figure)
    ("城乡居民人均可支配收入分别提高到52000元、26000元，年均分别增长7.1%、8.3%。",
     {("7.1", "%"): ("城乡居民人均可支配收入", "增长")}),
    ("化学需氧量和氨氮排放量分别比上年削减2.1%和3.4%。",
     {("2.1", "%"): ("化学需氧量", ""), ("3.4", "%"): ("氨氮排放量", "")}),
    ("地区生产总值、工业总产值增幅同比分别回落3.4个百分点、12.6个百分点。",
     {("3.4", "个百分点"): ("地区生产总值", ""), ("12.6", "个百分点"): ("工业总产值增幅", "")}),
    # a note in brackets opens no subject; a gap to another figure's growth is the growth before's;
    # what a counted thing did (填补了) is no part of it
    ("预计（下同）全区实现地区生产总值180亿元。", {("180", "亿元"): ("地区生产总值", "")}),
    ("农村居民收入增长6.1%、快于经济增速1.2个百分点。",
     {("1.2", "个百分点"): ("农村居民收入", "快于经济增速")}),
    ("自主研发的5万吨深海养殖工船填补了国内空白。", {("5", "万吨"): ("深海养殖工船", "")}),
    # 已, 均 and 累积 are no part of what is counted; what was counted after a verb (30个实践岗位) is; what the
    # work was about (围绕某某等内容开展…) is not
    ("涉及的120.5亩土地已全部签约，6间房屋均完成签约。", {("120.5", "亩"): ("土地", ""), ("6", "间"): ("房屋", "")}),
    ("全年空气质量优良天数累积251天。", {("251", "天"): ("空气质量优良天数", "全年")}),
    ("为大学生提供40个实践岗位。", {("40", "个"): ("提供实践岗位", "")}),
    ("围绕全会精神等内容开展集中学习120余次。", {("120", "次"): ("集中学习", "余")}),
    # 是 opens no subject; a size that scopes what grew (500万元以上固定资产投资) is no figure
    ("2019年是新中国成立70周年。", {("70", "周年"): ("新中国成立", "")}),
    ("500万元以上固定资产投资增长10.7%。", {("10.7", "%"): ("固定资产投资", "增长")}),
    # a sentence's own year dates its figures even where its part gives none; the span of years (五年), 跨越 and
    # what keeps on being done (不断做大做强) are no part of a subject
    ("预计2012年全市生产总值完成2440亿元左右。", {("2440", "亿元"): ("生产总值", "左右")}),
    ("居民人均可支配收入五年增长28.6%。", {("28.6", "%"): ("居民人均可支配收入", "增长")}),
    ("全市地区生产总值首次跨越900亿元大关。", {("900", "亿元"): ("地区生产总值", "")}),
    ("钢铁、装备制造等四大支柱产业不断做大做强。", {("4", "个"): ("支柱产业", "")}),
    # as many things listed as figures, in order, without 分别
    ("每平方公里产出地区生产总值、税收收入将达到12.5亿元、1.3亿元。",
     {("12.5", "亿元"): ("地区生产总值", "达到"), ("1.3", "亿元"): ("税收收入", "达到")}),
    ("申报7个楼宇党建服务站创新服务项目。", {("7", "个"): ("楼宇党建服务站创新", "")}),
    # 及 inside a word (普及) joins nothing; 增至 is no part of what grew
    ("培训3000名应急救护普及员，链长单位增至80家。", {("3000", "名"): ("应急救护普及员", ""), ("80", "家"): ("链长单位", "")}),
    # 由A增加到B: both figures are of what changed; 签约 holds no 约; 同步增长 is a change
    ("全县地区生产总值由2005年的48.2亿元增加到2010年的96亿元。",
     {("48.2", "亿元"): ("地区生产总值", ""), ("96", "亿元"): ("地区生产总值", "")}),
    ("签约资金3.8亿元，农民人均纯收入5270元，同步增长8%。",
     {("3.8", "亿元"): ("签约资金", ""), ("8", "%"): ("农民人均纯收入", "增长")}),
    # a rate's base (由每年每亩19元提高到25元) and an earlier figure of the clause are no part of the subject
    ("完成造林3000万亩，省级公益林补偿标准由每年每亩19元提高到25元。", {("25", "元"): ("省级公益林补偿标准", "提高")}),
    # a short note inside a name (国（境）外) ends no clause; 降低, 拓展为 and 铺设完毕 are no part of a subject
    ("引进国（境）外资金2.5亿美元，单位GDP能耗比2007年降低18.3%。",
     {("2.5", "亿美元"): ("引进国（境）外资金", ""), ("18.3", "%"): ("单位GDP能耗", "")}),
    ("8公里雨污水管网铺设完毕，发展空间拓展为42平方公里。",
     {("8", "公里"): ("雨污水管网", ""), ("42", "平方公里"): ("发展空间", "")}),
    # nothing but a verb before the figure: what it measures follows 的
    ("建成18.5万平方米的村民安置区，占地460亩的文化产业区完成流转。",
     {("18.5", "万平方米"): ("村民安置区", ""), ("460", "亩"): ("文化产业区", "")}),
    # the ways of working before what is counted are no part of it; 家次 is a unit
    ("通过联合走访、定期座谈等方式实地走访企业285家次。", {("285", "家次"): ("实地走访企业", "")}),
    # numbers listed before a figure share its unit (3.9和2.2个百分点); a clause naming nothing is the same thing's
    ("一产和三产分别提高2.9和1.2个百分点，公共预算收入累计完成10.3亿元。",
     {("2.9", "个百分点"): ("一产", "提高"), ("1.2", "个百分点"): ("三产", "提高"), ("10.3", "亿元"): ("公共预算收入", "累计")}),
    ("地区生产总值从2017年的98.8亿元提高至2021年的140亿元左右，累计完成约505亿元。",
     {("505", "亿元"): ("地区生产总值", "累计;约"), ("140", "亿元"): ("地区生产总值", "提高;左右")}),
    # a qualifier belongs to its own clause (not 突破 from the clause before)
    ("特色养殖取得新突破，进口羊驼900只。", {("900", "只"): ("进口羊驼", "")}),
    # 12大项 are twelve items; 共有 and 至 leave subjects
    ("列出增收清单9大项31个小项，黄牛养殖企业共有38家，种植面积扩大至6000亩。",
     {("9", "项"): ("列出增收清单", ""), ("38", "家"): ("黄牛养殖企业", "共有"), ("6000", "亩"): ("种植面积", "")}),
    # a range's top is the same thing's; 拟按 and 年均 leave the subject; what money is for (支持…, 用于) is not what it is
    ("经济增长4%—4.5%，赤字率拟按3.5%左右安排，国内生产总值年均增长5.1%。",
     {("4", "%"): ("经济", "增长"), ("4.5", "%"): ("经济", "增长"), ("3.5", "%"): ("赤字率", "左右"),
      ("5.1", "%"): ("国内生产总值", "增长")}),
    ("安排超长期特别国债1800亿元支持消费品以旧换新。", {("1800", "亿元"): ("安排超长期特别国债", "")}),
    # years as a measure (受教育年限11.7年), tonnes of standard coal and 斤 are units; 超 inside 超长期 is no 超
    ("受教育年限提高到11.9年，能源生产能力达到55亿吨标准煤，粮食产量达到1.4万亿斤，发行超长期国债1.1万亿元。",
     {("11.9", "年"): ("受教育年限", "提高"), ("55", "亿吨标准煤"): ("能源生产能力", "达到"),
      ("1.4", "万亿斤"): ("粮食产量", "达到"), ("1.1", "万亿元"): ("发行超长期国债", "")}),
    # a share of a whole (占…的) is the earlier figure's part of it
    ("实现高新技术产业产值1830亿元，同比增长12.5%，占规模以上工业总产值的71.9%。",
     {("71.9", "%"): ("高新技术产业产值占规模以上工业总产值比重", "")}),
])
def test_metrics_gaps_bounds_and_item_numbers_are_no_subjects(text, expected):
    s = Sentence(index=0, text=text, start=0, end=len(text), part=1, section=None, paragraph=0)
    got = {(m.value, m.unit): (m.subject, m.qualifier) for m in sentence_metrics(s, 2023)}
    assert all(got.get(k) == v for k, v in expected.items()), got


def test_metrics_a_long_subject_is_cut_at_a_word_not_inside_one():
    text = "推动省级工业互联网融合发展试点示范重点企业总数达45家。"
    s = Sentence(index=0, text=text, start=0, end=len(text), part=1, section=None, paragraph=0)
    (m,) = sentence_metrics(s, 2023)
    assert m.value == "45" and len(m.subject) <= 20 and m.subject.endswith("企业总数") and not m.subject.startswith("业")


def test_metrics_the_size_of_a_kind_of_project_is_no_figure():
    """投资10亿元以上项目12个: 12 projects, each of 10亿元 or more; 10亿元 counts nothing."""
    assert metrics("新开工投资5亿元以上项目12个，百亿元以上重大项目3个。") == {("12", "个"), ("3", "个")}
    assert metrics("培育存栏50头以上养殖大户17户。") == {("17", "户")}
    assert metrics("其中，达到80万元的村3个。") == {("3", "个")}  # 80万元 sizes the villages counted


def test_metrics_a_text_without_part_headings_keeps_its_figures_but_not_its_title():
    """A news item or a plan list has no part headings: all of it is body, but its title is no figure."""
    from kg.metrics import extract_metrics
    from kg.pipeline import document_from_text
    doc = document_from_text("江城区部署2025年度180项重点任务\n江城区将实现链长单位增至60家、发展伙伴达到800家的目标。\n", "t")
    got = {(m.value, m.unit) for m in extract_metrics(doc)}
    assert got == {("60", "家"), ("800", "家")}


def test_metrics_a_sentence_opening_on_a_year_gives_its_figures_that_year():
    """A five-year review delivered late in the year: 2012年预计，… are 2012's figures, whatever the part says;
    是2007年的2.1倍 too (2007 is the base it is compared with, as the golds date 较2020年翻番 by its own year)."""
    text = "2012年预计，地区生产总值实现480亿元，是2007年的2.1倍。"
    s = Sentence(index=0, text=text, start=0, end=len(text), part=1, section=None, paragraph=0)
    assert {(m.value, m.year) for m in sentence_metrics(s, 2011)} == {("480", 2012), ("2.1", 2012)}
    since = "2012年以来，新增企业300家。"
    s = Sentence(index=0, text=since, start=0, end=len(since), part=1, section=None, paragraph=0)
    assert [m.year for m in sentence_metrics(s, 2014)] == [2014]


def test_metrics_a_party_congress_is_no_count():
    assert metrics("是落实十八大战略部署的开局之年，建设三大园区。") == {("3", "个")}


def test_metrics_dates_and_spans_in_years_are_no_figures():
    assert metrics("2025年，连续16年保持第一，近5年来成效明显，2020至2025年，3年内完成。") == {("16", "年")}


def test_metrics_a_long_opening_paragraph_before_the_first_part_keeps_its_figures():
    """江城经济开发区2023年工作总结: the paragraph that sums the year up before 一、 holds figures; the title none."""
    from kg.metrics import extract_metrics
    from kg.pipeline import document_from_text
    doc = document_from_text("江城经济开发区2023年工作总结和2024年工作思路\n2023年，开发区紧扣市委市政府决策部署，各项工作有序"
                             "开展。目前共有规上工业企业185家，1-9月累计完成规上工业产值162.5亿元，完成税收收入18.2亿元。\n"
                             "一、2023年工作总结\n新建道路3条。\n", "t")
    got = {(m.subject, m.value) for m in extract_metrics(doc)}
    assert {("规上工业企业", "185"), ("规上工业产值", "162.5"), ("税收收入", "18.2"), ("新建道路", "3")} <= got, got
    assert not any(v == "2023" for _, v in got)


def test_metrics_a_year_in_the_clause_dates_its_figure_and_a_rank_is_read_whole():
    """某某收入2011年完成28.1亿元 in a five-year review: the figure is 2011's; 全国第35位 is no rank 3."""
    text = "地方财政收入2011年完成28.1亿元，经济总量从全国第35位跨入30强。"
    got = {(m.value, m.unit): (m.subject, m.year) for m in sentence_metrics(Sentence(0, text, 0, len(text), 1, None, 0), 2012)}
    assert got[("28.1", "亿元")] == ("地方财政收入", 2011)
    assert ("3", "位") not in got


def test_metrics_a_size_that_scopes_an_investment_is_no_figure():
    text = "500万元以上固定资产投资增长10.7%。"
    assert {m.unit for m in sentence_metrics(Sentence(0, text, 0, len(text), 1, None, 0), 2023)} == {"%"}


def test_metrics_a_sentence_opening_on_its_year_dates_figures_in_an_undated_part():
    """预计2012年全市生产总值… in 过去五年工作回顾 of an undated report: the part gives no year, the sentence does."""
    text = "预计2012年全市生产总值完成2440亿元左右。"
    got = sentence_metrics(Sentence(0, text, 0, len(text), 1, None, 0), None)
    assert [(m.value, m.year) for m in got] == [("2440", 2012)]


def _got(text: str, year: int | None = 2016) -> dict[tuple[str, str], tuple[str, int | None, str]]:
    return {(m.value, m.unit): (m.subject, m.year, m.qualifier)
            for m in sentence_metrics(Sentence(0, text, 0, len(text), 1, None, 0), year)}


def test_metrics_a_multiple_of_a_base_year_is_the_figure_of_its_own_year():
    """是2011年的1.4倍: the multiple is this year's, of the figure before (2011 is its base); 分别是…的 shares
    the multiples out to the pair before; 是“十一五”的2.5倍 is the investment's, not the plan period's."""
    got = _got("全县生产总值完成96.4亿元，是2011年的1.4倍；财政总收入、公共预算收入分别完成6.1亿元、3.6亿元，"
               "分别是2011年的1.65倍、1.86倍；累计完成投资1008亿元，是“十一五”的2.5倍。")
    assert got[("1.4", "倍")] == ("生产总值", 2016, "是2011年的")
    assert got[("1.65", "倍")][:2] == ("财政总收入", 2016)
    assert got[("1.86", "倍")][:2] == ("公共预算收入", 2016)
    assert got[("2.5", "倍")][0] == "投资"


def test_metrics_a_figure_risen_to_a_years_value_and_a_doubling_name_what_changed():
    """由2010年的77亿元跃升到2015年的161.1亿元: both figures are the output's (全州, the whole prefecture, is no
    part of its name, as 全区 is not); 实现五年翻一番 doubled the figure before it, not the one after; a rate per
    thousand (‰) is a figure, its name no growth."""
    got = _got("全州生产总值由2010年的77亿元跃升到2015年的161.1亿元；财政收入10.6亿元，实现五年翻一番；"
               "固定资产投资207亿元；人口自然增长率控制在4.8‰以内。")
    assert got[("161.1", "亿元")][:2] == ("生产总值", 2015)
    assert got[("77", "亿元")][:2] == ("生产总值", 2010)
    assert got[("100", "%")][0] == "财政收入"
    assert got[("4.8", "‰")] == ("人口自然增长率", 2016, "以内")


def test_metrics_already_is_no_part_of_what_is_counted():
    got = _got("混凝土垫层已完成45%，规模以上工业企业已达54个。")
    assert got[("45", "%")][0] == "混凝土垫层" and got[("54", "个")][0] == "规模以上工业企业"


def test_metrics_a_clause_naming_nothing_after_a_round_amount_is_the_same_things():
    """全年生产总值将首超百亿元，达到102亿元，增长14%: 102亿元 and 14% are the output's too."""
    got = _got("全年生产总值将首超百亿元，达到102亿元，增长14%。")
    assert got[("102", "亿元")][0] == got[("14", "%")][0] == "生产总值"


def test_metrics_a_milestone_passed_is_no_subject_but_steps_counted_are():
    """跃上30亿元台阶 / 连续跨过300亿元、400亿元大关: the figure is the revenue's or output's; 迈上3个台阶 counts."""
    got = _got("地方一般公共预算收入跃上30亿元台阶，达到32.8亿元；地区生产总值连续跨过300亿元、400亿元大关。")
    assert got[("30", "亿元")][0] == got[("32.8", "亿元")][0] == "地方一般公共预算收入"
    assert got[("300", "亿元")][0] == "地区生产总值"
    assert _got("经济总量迈上3个台阶。")[("3", "个")][0] == "台阶"


def test_metrics_growths_written_short_go_respectively_to_the_figures_named_before():
    """生产总值92亿元、规上工业增加值10亿元，分别比增5.1%和15.3%: 比增 is the growth over the year before."""
    got = _got("全县生产总值92.51亿元，规上工业增加值10.74亿元，分别比增5.1%和15.3%。")
    assert got[("5.1", "%")][0] == "生产总值" and got[("15.3", "%")][0] == "规上工业增加值"
    assert got[("15.3", "%")][2] == "比上年增长"
    assert _got("税收收入同比增长8%。")[("8", "%")][2] == "同比增长"


def test_metrics_a_milestone_in_words_names_the_figure_after_it():
    """全县GDP突破百亿元大关，达109亿元、增长9.2%: 109亿元 and 9.2% are the GDP's too."""
    got = _got("全县GDP突破百亿元大关，达109亿元、增长9.2%。")
    assert got[("109", "亿元")][0] == got[("9.2", "%")][0] == "GDP"


def test_metrics_a_first_figure_written_short_shares_the_points_unit():
    """高于全国、全省1个、0.2个百分点: 1 is a point as 0.2 is, not one of something."""
    got = _got("全年GDP增长6%，高于全国、全省1个、0.2个百分点。")
    assert ("1", "个百分点") in got and ("1", "个") not in got
    assert ("0.2", "个百分点") in got


def test_metrics_a_two_digit_growth_counts_nothing():
    """保持两位数高位增长: the size of a rate, not two of anything."""
    assert not _got("科学研究和技术服务业营业收入持续保持两位数高位增长。")


def test_metrics_of_a_pdf_text_with_spaced_figures():
    """Figures set apart by spaces (预计全年完成地区生产总值 136.5 亿元) keep their subjects once cleaned."""
    from kg.pipeline import document_from_text
    from kg.extract import extract

    ex = extract(document_from_text("一、2019年工作回顾\n预计全年完成地区生产总值 136.5 亿元，增长 5.5%；"
                                    "固定资产投资完成 25 亿元。\n", "spaced"))
    got = {(m.subject, m.value, m.unit) for m in ex.metrics}
    assert {("地区生产总值", "136.5", "亿元"), ("固定资产投资", "25", "亿元")} <= got, got


@pytest.mark.parametrize("text, expected", [
    # a number inside a code (PM2.5) is no figure and stays in what is counted
    ("PM2.5年均浓度下降2.3%。", {("PM2.5年均浓度", "2.3", "%")}),
    # 年均递增 is a change of the figure named before
    ("地区生产总值完成247亿元，年均递增8.5%。", {("地区生产总值", "247", "亿元"), ("地区生产总值", "8.5", "%")}),
    # two sectors listed share only their kind (汽车、电子信息产业: 汽车产业), not the rest of the second's name
    ("其中汽车、电子信息产业分别增长40%、15%。", {("汽车产业", "40", "%"), ("电子信息产业", "15", "%")}),
    # what a count counts ends before how it moves (快速发展, 顺利推进)
    ("八大特色优势产业快速发展。", {("特色优势产业", "8", "个")}),
    ("青河中心、白石大厦等28个项目顺利推进。", {("项目", "28", "个")}),
    # a count of events (场) is of what follows; a change written 增长了 is no part of what changed
    ("举办10场下岗失业人员免费招聘会。", {("下岗失业人员免费招聘会", "10", "场")}),
    ("地区生产总值增长了1.1倍。", {("地区生产总值", "1.1", "倍")}),
    # a short note in ASCII brackets inside a name (研发(技术)中心) is no clause end; 下同 is the writer's note
    ("市级研发(技术)中心11个。", {("市级研发(技术)中心", "11", "个")}),
    ("全县生产总值340亿元，比2012年(下同)增长47.7%。", {("生产总值", "340", "亿元"), ("生产总值", "47.7", "%")}),
    # a run of years opening a clause counts what has held so long; 全面开工 is how works move
    ("连续四年位列全省城区经济社会发展五强区。", {("位列全省城区经济社会发展五强区", "4", "年")}),
    ("30万平方米旧楼房电线改造工程全面开工。", {("旧楼房电线改造工程", "30", "万平方米")}),
    # prices rise (上涨): a change of what is named before
    ("居民消费价格总水平上涨2.5%。", {("居民消费价格总水平", "2.5", "%")}),
    # growths over a base year listed with 分别, in the order of the figures named before
    ("全市实现生产总值1097亿元、税费收入144.8亿元，较2015年分别增长26.8%和25.9%。",
     {("生产总值", "1097", "亿元"), ("税费收入", "144.8", "亿元"), ("生产总值", "26.8", "%"), ("税费收入", "25.9", "%")}),
    # the divisions a place governs (辖7个镇) are counted by their kind; 某某之一 is one of the kind counted
    ("全旗辖7个镇、2个乡、3个苏木。", {("镇", "7", "个"), ("乡", "2", "个"), ("苏木", "3", "个")}),
    ("是自治区19个边境旗和33个牧业旗之一。", {("边境旗", "19", "个"), ("牧业旗", "33", "个")}),
    # what a place has (有8个村, 拥有3个村) is counted by its kind, not by 有
    ("距城113公里，有8个村，183个村民小组。", {("距城", "113", "公里"), ("村", "8", "个"), ("村民小组", "183", "个")}),
    ("全乡拥有3个村。", {("村", "3", "个")}),
    # two figures named as a pair with 均分别 (A和B均分别增长): 均 is no part of the second
    ("城镇居民人均可支配收入和农民人均纯收入均分别增长8.5%、9.5%。",
     {("城镇居民人均可支配收入", "8.5", "%"), ("农民人均纯收入", "9.5", "%")}),
    # how the counted things came (先后投产) and how far they grew (发展到) are no part of them
    ("青河包装、白石汽车系统等15个高科技企业先后投产。", {("高科技企业", "15", "个")}),
    ("规模以上工业企业发展到28户。", {("规模以上工业企业", "28", "户")}),
    # the act between what is counted and whose it is (服务业完成增加值, 全年可实现营业收入) is no part of it
    ("服务业完成增加值537亿元。", {("服务业增加值", "537", "亿元")}),
    ("预期全年可实现营业收入18亿元。", {("预期全年营业收入", "18", "亿元")}),
    # how the work is done (扎实推进) is no part of what is counted; 同时 opens the clause, it names nothing
    ("着重从组织架构、开展效果四大方面扎实推进党代表任期制工作。", {("方面", "4", "个")}),
    ("同时铺设主排水管道1238米。", {("铺设主排水管道", "1238", "米")}),
    # where the figures rank (两项指标稳居…) and how they add up (累计完成) are no part of what is counted
    ("规上工业增加值增长11.5%，两项指标稳居全市第一。", {("规上工业增加值", "11.5", "%"), ("指标", "2", "项")}),
    ("100个重点项目累计完成投资288.5亿元。", {("重点项目", "100", "个"), ("重点项目投资", "288.5", "亿元")}),
    # a run of years is of the figure before it, not of one named later in the sentence
    ("实现地区生产总值210亿元，连续三年雄踞全市第一；城乡居民人均可支配收入分别增长8.5%、10.6%。",
     {("地区生产总值", "210", "亿元"), ("地区生产总值", "3", "年"), ("城乡居民人均可支配收入", "8.5", "%"),
      ("城乡居民人均可支配收入", "10.6", "%")}),
    ("其中，可完成第一产业增加值1.98亿元。", {("第一产业增加值", "1.98", "亿元")}),
    # growths over the end of a plan, over five years, on the same basis (同口径), five years each (五年年均分别)
    ("人均地区生产总值1956美元，比“九五”末增长1.2倍。", {("人均地区生产总值", "1956", "美元"), ("人均地区生产总值", "1.2", "倍")}),
    ("地区生产总值2371亿元，五年年均增长13.2%；全口径财政收入366.4亿元，比上年同口径增长28.8%。",
     {("地区生产总值", "2371", "亿元"), ("地区生产总值", "13.2", "%"), ("全口径财政收入", "366.4", "亿元"),
      ("全口径财政收入", "28.8", "%")}),
    ("第一产业增加值182.3亿元，第二产业增加值1007.7亿元，五年年均分别增长5.3%、16.9%。",
     {("第一产业增加值", "182.3", "亿元"), ("第二产业增加值", "1007.7", "亿元"), ("第一产业增加值", "5.3", "%"),
      ("第二产业增加值", "16.9", "%")}),
    # what follows the counted things (取得成果, 进行定位) is no part of them
    ("农业五大产业体系建设取得阶段性成果。", {("产业体系建设", "5", "个")}),
    ("对辖区3个社区进行精准定位。", {("社区", "3", "个")}),
    # a figure right before another (搬迁1646户6680人) is no part of what the second counts; 降低到 is the change
    ("完成易地扶贫搬迁1646户6680人，贫困发生率降低到1.4%。",
     {("易地扶贫搬迁", "1646", "户"), ("易地扶贫搬迁", "6680", "人"), ("贫困发生率", "1.4", "%")}),
    # 达到了 is the act, as 达到 is; 各 (each) after what is counted is no part of it
    ("农民人均纯收入达到了11264元，比去年同期增加了863元。",
     {("农民人均纯收入", "11264", "元"), ("农民人均纯收入", "863", "元")}),
    ("我乡五个扶贫村各建立1个百亩以上标准示范园。", {("扶贫村", "5", "个"), ("百亩以上标准示范园", "1", "个")}),
    # how a figure is counted (按原统计口径) and that it is expected (预计) are no part of what is counted
    ("地区生产总值按原统计口径预计完成140.78亿元。", {("地区生产总值", "140.78", "亿元")}),
    ("61户规模以上工业企业预计完成工业增加值102亿元。",
     {("规模以上工业企业", "61", "户"), ("规模以上工业企业工业增加值", "102", "亿元")}),
    # a growth over a five-year plan's span (“十三五”时期年均增长) is of the figure before it
    ("全旗地区生产总值完成21.3亿元，“十三五”时期年均增长2.4%。",
     {("地区生产总值", "21.3", "亿元"), ("地区生产总值", "2.4", "%")}),
    # a short item listed before a longer one shares the rest of its name after its first word; 削减 is the change
    ("化学需氧量、氨氮、二氧化硫和氮氧化物排放量分别削减2.2%、2.1%、6.8%和4.1%。",
     {("化学需氧量", "2.2", "%"), ("氨氮排放量", "2.1", "%"), ("二氧化硫", "6.8", "%"), ("氮氧化物排放量", "4.1", "%")}),
    # the upper end of a range sizing a kind of project (10至500万元项目) is no figure
    ("其中500万元以上项目累计投资4.86亿元，10至500万元项目累计投资0.54亿元。",
     {("项目累计投资", "4.86", "亿元"), ("项目累计投资", "0.54", "亿元")}),
    # the kind counted after a list (走进甲国、乙国等系列活动), not the last item listed
    ("举办青蓉汇走进甲国、乙国等系列活动180场。", {("系列活动", "180", "场")}),
    # 并 (and then) ends what the figure before it counts; the months (1月至10月), 共 and 全州 are no part of it
    ("完成甲苑、乙园2个老旧小区改造并推进丙苑、丁园等3个老旧小区改造。",
     {("老旧小区改造", "2", "个"), ("老旧小区改造", "3", "个")}),
    ("1月至10月救助各类困难对象9307人次，发放租金补贴共312.2万元。",
     {("救助各类困难对象", "9307", "人次"), ("发放租金补贴", "312.2", "万元")}),
    ("全州地区生产总值161.1亿元。", {("地区生产总值", "161.1", "亿元")}),
    # one character of a word the next item shares (年末存、贷款余额): 存款余额
    ("金融机构年末存、贷款余额达152.56亿元、121.02亿元。",
     {("金融机构年末存款余额", "152.56", "亿元"), ("贷款余额", "121.02", "亿元")}),
    # a count right before another (165户568名某某户) counts what the second does; how many people (2.2万) a
    # figure is of is no part of its name
    ("累计投入扶贫资金1.2亿元，全旗165户568名建档立卡贫困户实现稳定脱贫。",
     {("投入扶贫资金", "1.2", "亿元"), ("建档立卡贫困户", "165", "户"), ("建档立卡贫困户", "568", "名")}),
    ("严格落实助农增收举措，2.2万脱贫人口人均纯收入19701元。", {("脱贫人口人均纯收入", "19701", "元")}),
    # centimetres and a yield per mu are measures, so three listed figures go to the three listed things
    # growths since the start of the year (分别比年初增长) follow the figures before; deposits and loans (存贷款)
    # listed as one are two
    ("年末存款余额846亿元，贷款余额680亿元，分别比年初增长32.1%和28.7%。",
     {("存款余额", "846", "亿元"), ("贷款余额", "680", "亿元"), ("存款余额", "32.1", "%"), ("贷款余额", "28.7", "%")}),
    ("金融机构各项存贷款余额比年初分别增加57.15亿元和41.21亿元。",
     {("金融机构各项存款余额", "57.15", "亿元"), ("金融机构各项贷款余额", "41.21", "亿元")}),
    # the people a service is given to (为7万人次提供送餐服务) count the service
    ("改建照护床位12张，为7万人次提供送餐服务。", {("改建照护床位", "12", "张"), ("提供送餐服务", "70000", "人次")}),
    ("植被高度、盖度、产草量分别达到15.96厘米、40.2%和43.2公斤/亩。",
     {("植被高度", "15.96", "厘米"), ("盖度", "40.2", "%"), ("产草量", "43.2", "公斤/亩")}),
    # what is counted ends at what it does (22个村配备…, 5个园区成功认定…, 30件民生实事基本完成), and 分别
    # (respectively) is no part of it
    ("22个村配备村级卫生所，5个园区成功认定自治区级化工园区，30件民生实事基本完成年度目标。",
     {("村", "22", "个"), ("园区", "5", "个"), ("民生实事", "30", "件")}),
    ("18个市级重点项目分别完成投资31.55亿元。", {("市级重点项目", "18", "个"), ("市级重点项目投资", "31.55", "亿元")}),
    # a size (10万元以上的村) is no count of people before what it names
    ("其中10万元以上的村达到236个。", {("10万元以上的村", "236", "个")}),
    # a count right before a length (56条76公里农村公路) counts what the length names
    ("56条76公里农村公路实现提档升级。", {("农村公路", "56", "条"), ("农村公路", "76", "公里")}),
    # a milestone whose unit is unsaid (突破200万大关) is no count; a line's speed (时速350公里的某某高铁) is its speed
    ("机场旅客吞吐量突破200万大关，时速350公里的青珠高铁建成通车。", {("时速", "350", "公里")}),
    # a day (9月4日) is no part of what is counted; 赴 (to go to) and 落实 (carried out) end it
    ("9月4日投资50亿元的锂电池项目签约落地，选派3名干部赴青山开发区挂职，推进38项重点工作落实。",
     {("投资", "50", "亿元"), ("干部", "3", "名"), ("重点工作", "38", "项")}),
    # a size after 超 (超10亿元企业) is no figure; 其中新增 counts the same kind as the figure before; after a list
    # ending in 等 the kind is named after the figure (甲、乙等10户投产企业)
    ("销售收入超亿元企业120户，其中新增74户；超10亿元企业13户。",
     {("销售收入超亿元企业", "120", "户"), ("销售收入超亿元企业", "74", "户"), ("企业", "13", "户")}),
    ("新增青华纺织、白罗电器等10户投产企业。", {("投产企业", "10", "户")}),
    # 居民 (residents) is no 居 (to rank) ending what is counted
    ("完成青河厂家属院等22栋楼、778户居民的老旧小区提升改造。", {("楼", "22", "栋"), ("居民", "778", "户")}),
    # the mark of a note ([21]) is no part of what is counted; a bare 建成 counts what the figure before it does
    ("新开发“双协员”[21]305个，新建美丽乡村中心村5个、建成13个。",
     {("双协员", "305", "个"), ("新建美丽乡村中心村", "5", "个"), ("新建美丽乡村中心村", "13", "个")}),
    # 以 (at, by) and 共完成 are no part of what is counted; an age (60周岁以上人群) is no figure
    ("青精厂地块以48.3亿元出让，街道共完成固定资产投资10.69亿元，60周岁以上人群疫苗接种覆盖率全区第一。",
     {("青精厂地块", "48.3", "亿元"), ("街道固定资产投资", "10.69", "亿元")}),
    # what a count does before the kind it counts (112项满足群众期盼、破解发展难题的改革任务) is no part of it; a count
    # after a verb and before a size (批次推进15宗78公顷…) counts what the size names; 完工 ends what is counted
    ("完成112项满足群众期盼、破解发展难题的改革任务，批次推进15宗78公顷经营性用地供应，确保青河商务区完工440万平方米。",
     {("改革任务", "112", "项"), ("经营性用地供应", "15", "宗"), ("经营性用地供应", "78", "公顷"),
      ("青河商务区", "440", "万平方米")}),
])
def test_metrics_subjects_read_in_outside_reports(text, expected):
    """What each figure counts, in sentences like those of reports read outside the corpus."""
    assert subjects(text) == expected


@pytest.mark.parametrize("text, expected", [
    # 圆满(完成), 到(a place), 依次, 达成 and a lead 截至目前 are no part of what is counted
    ("3个村520亩征地工作圆满完成，组织860名党员到基地参观，6位书记依次发言，与9家银行达成合作，截至目前花生种植面积达7860亩。",
     {("村", "3", "个"), ("征地工作", "520", "亩"), ("组织党员", "860", "名"), ("书记", "6", "位"), ("银行", "9", "家"),
      ("花生种植面积", "7860", "亩")}),
    # one balance of deposits and loans (存贷款余额) given two figures: the two, in order, and the growths after
    # them too; town and country (城乡居民…) given two: both are its
    ("各项存贷款余额达730万元和402万元，同比增长3.8%和1.8%。",
     {("各项存款余额", "730", "万元"), ("各项贷款余额", "402", "万元"), ("各项存款余额", "3.8", "%"),
      ("各项贷款余额", "1.8", "%")}),
    ("城乡居民人均可支配收入年均增长8%和11.6%。",
     {("城乡居民人均可支配收入", "8", "%"), ("城乡居民人均可支配收入", "11.6", "%")}),
    # 分别比上年同比增长: respectively, whatever the base is called
    ("农村经济总收入达12387万元，农民人均纯收入达3325元，分别比上年同比增长15%和35.49%。",
     {("农村经济总收入", "12387", "万元"), ("农民人均纯收入", "3325", "元"), ("农村经济总收入", "15", "%"),
      ("农民人均纯收入", "35.49", "%")}),
    # an anniversary is of what stands before it, after the verbs that celebrate it
    ("隆重庆祝自治区成立60周年，筹备青河建县80周年纪念活动。",
     {("自治区成立", "60", "周年"), ("青河建县", "80", "周年")}),
    # a count before a quoted kind (36支“睦邻管家”队伍) counts that kind; vaccine doses (剂) are counted
    ("组建36支“睦邻管家”队伍，联系30家“双报到”单位，共接种第一针疫苗63685剂。",
     {("睦邻管家队伍", "36", "支"), ("双报到单位", "30", "家"), ("接种第一针疫苗", "63685", "剂")}),
    # 平均为 and 上升至 are no part of what is measured; two sectors listed before one value's name (增加值) share it
    ("城镇调查失业率平均为5.1%，优良天数比例上升至87.2%，高技术制造业、装备制造业增加值分别增长8.9%、7.7%。",
     {("城镇调查失业率", "5.1", "%"), ("优良天数比例", "87.2", "%"), ("高技术制造业增加值", "8.9", "%"),
      ("装备制造业增加值", "7.7", "%")}),
    # the next figure's 约 is no part of what a count counts; a kind described before 的 and followed by what is
    # done for it (…的残疾人家庭实施…) is counted; 24小时 naming a self-service desk is no figure
    ("4处更新项目约2.6万平方米，为45户有需求且符合改造条件的残疾人家庭实施无障碍改造，设置一台24小时自助服务终端。",
     {("更新项目", "4", "处"), ("更新项目", "2.6", "万平方米"), ("残疾人家庭", "45", "户")}),
    # 城镇和农村牧区某某收入: the first is the town's, however long the second's setting is named
    ("城镇和农村牧区常住居民人均可支配收入同比分别增长5%和7.5%。",
     {("城镇常住居民人均可支配收入", "5", "%"), ("农村牧区常住居民人均可支配收入", "7.5", "%")}),
    # 已 (already) opening a clause is no part of what is counted, but 已建 (built) is
    ("已循环展播162场，已建和在建高层42栋。", {("循环展播", "162", "场"), ("已建和在建高层", "42", "栋")}),
    # changes listed after two levels named apart are theirs, in order (…收入X元，…纯收入Y元，实际增长A%和B%)
    ("城镇居民人均可支配收入17175元，农村居民人均纯收入5153元，实际增长9.8%和8.5%。",
     {("城镇居民人均可支配收入", "17175", "元"), ("农村居民人均纯收入", "5153", "元"), ("城镇居民人均可支配收入", "9.8", "%"),
      ("农村居民人均纯收入", "8.5", "%")}),
    # 进展(顺利) is no part of what is counted
    ("青河产业园等41个项目进展顺利。", {("项目", "41", "个")}),
    # a village named 五成村 in a list is no share (八成村 after 全镇 is)
    ("城郊村香菇种植、五成村楠竹开发来势看好，全镇八成村实现增收。", {("村", "80", "%")}),
])
def test_metrics_subjects_read_in_outside_reports_round_65(text, expected):
    """What each figure counts, in sentences like those of reports read outside the corpus at stop 32."""
    assert subjects(text) == expected


def test_metrics_a_year_opening_a_clause_on_a_scope_dates_the_figures_after_it():
    """苏树林说，初步统计，2012年全省生产总值…: a news piece has no dated parts, the clause gives the year."""
    text = "省长说，初步统计，2012年全省生产总值19701.78亿元，增长11.4%。"
    s = Sentence(index=0, text=text, start=0, end=len(text), part=1, section=None, paragraph=0)
    assert {(m.value, m.year) for m in sentence_metrics(s, None)} == {("19701.78", 2012), ("11.4", 2012)}
    text = "增长11.4%，2012年全省生产总值19701.78亿元。"  # a figure before the year: not dated by it (the one after,
    # in the clause the year opens, is)
    s = Sentence(index=0, text=text, start=0, end=len(text), part=1, section=None, paragraph=0)
    assert {(m.value, m.year) for m in sentence_metrics(s, None)} == {("11.4", None), ("19701.78", 2012)}


def test_metrics_a_year_opening_the_clause_dates_its_figure():
    """…，2023年预计完成生猪出栏3.2万头，2024年实现满产10万头 in a review of 2021: each figure is of the year its
    clause opens with (not of the part); 2020年以来 is a span, neither a date nor part of what is counted."""
    doc = document_from_text("2022年青河镇人民政府工作报告\n一、2021年工作回顾\n青和农牧生猪养殖项目投产，2023年预计完成生猪出栏"
                             "3.2万头，2024年实现满产10万头。2020年以来累计投资5亿元。\n", "t")
    got = {(m.subject, m.value, m.year) for m in extract_metrics(doc)}
    assert {("生猪出栏", "32000", 2023), ("满产", "100000", 2024), ("投资", "5", 2021)} <= got


@pytest.mark.parametrize("text, expected", [
    # a count names what is counted, not what the counted things then do (四大片区联动发展); a kind with a verb
    # inside (社区治理项目, 充电桩) or ending in one (小区改造) is kept whole
    ("四大片区联动发展，实施5个社区治理项目，新建37个充电桩，完成3个小区改造。",
     {("片区", "4", "个"), ("实施社区治理项目", "5", "个"), ("新建充电桩", "37", "个"), ("完成小区改造", "3", "个")}),
    # 接近 is how near the figure is, no part of what it measures
    ("人均地区生产总值接近1400美元。", {("人均地区生产总值", "1400", "美元")}),
    # 同比上升 is a change of the figure before; 完成年度任务35.3% is a share of its target; a change against a
    # named base (较去年整个雪季增长110%) is the figure's before it
    ("地方财政收入99万元，同比上升70.7%；民间投资1130万元，完成年度任务35.3%；营收2100万元，较去年整个雪季增长110%。",
     {("地方财政收入", "99", "万元"), ("地方财政收入", "70.7", "%"), ("民间投资", "1130", "万元"),
      ("民间投资", "35.3", "%"), ("营收", "2100", "万元"), ("营收", "110", "%")}),
    # a change after a note in brackets (实际利用外资（验资口径）增长5%) is of what the note is about
    ("一般公共预算收入增长2.5%；实际利用外资（验资口径）增长5%。",
     {("一般公共预算收入", "2.5", "%"), ("实际利用外资", "5", "%")}),
    # 超额完成年度任务2.1亿元 is by how much the figure before beat its target; the growth after is that figure's too
    ("固定资产投资完成17亿元，超额完成年度任务2.1亿元，增长20.6%。",
     {("固定资产投资", "17", "亿元"), ("固定资产投资", "2.1", "亿元"), ("固定资产投资", "20.6", "%")}),
    # the part of the year (上半年) or the year aimed at (到1967年) leads the clause, and how much of the plan it is
    # (仅完成计划的) ends it: neither is part of what is counted
    ("上半年全县地区生产总值完成11.3亿元，到1967年实现粮食总产6.4亿公斤，人均纯收入仅完成计划的2.98%。",
     {("地区生产总值", "11.3", "亿元"), ("粮食总产", "6.4", "亿公斤"), ("人均纯收入", "2.98", "%")}),
    # 特别是 (above all) is no part of what is counted
    ("特别是农村居民人均可支配收入完成13006元。", {("农村居民人均可支配收入", "13006", "元")}),
])
def test_metrics_subjects_read_in_outside_reports_round_67(text, expected):
    """What each figure counts, in sentences like those of reports read outside the corpus at stop 33."""
    assert subjects(text) == expected


def test_metrics_qualifiers_of_a_rise_and_a_nearness():
    s = Sentence(index=0, text="财政收入99万元，同比上升70.7%，人口接近1400万人。", start=0, end=30, part=1, section=None,
                 paragraph=0)
    assert {(m.value, m.qualifier) for m in sentence_metrics(s, 2023)} == {
        ("99", ""), ("70.7", "同比上升"), ("14000000", "近")}
