"""Stage 3: parts, sections, sentences with offsets, status and year; glossary; metadata."""
import pytest

from kg.pipeline import document_from_text, load_document
from kg.structure import chinese_to_int, heading_status, split_sentences

from conftest import DATA, HAILAER_2014


def test_structure_sample_parts_status_and_year(sample_document):
    parts = [(p.title, p.status, p.year, p.is_glossary) for p in sample_document.parts]
    assert parts == [("", "unknown", None, False), ("一、2023年工作总结", "achieved", 2023, False),
                     ("二、2024年工作打算", "planned", 2024, False), ("名词解释", "unknown", None, True)]


def test_structure_sample_sections_and_offsets(sample_document):
    doc = sample_document
    assert [s.index for s in doc.sections if s.part == 1] == [1, 2, 3, 4, 5]
    assert doc.sections[0].title == "全力以赴推动共治共享,社区活力持续增强"
    for sentence in doc.sentences:
        assert doc.text[sentence.start:sentence.end] == sentence.text
    hit = next(s for s in doc.sentences if "第六睦邻中心完成建设" in s.text)
    assert (hit.status, hit.year, hit.section) == ("achieved", 2023, 2)
    plan = next(s for s in doc.sentences if "新建2个助餐点" in s.text)
    assert (plan.status, plan.year) == ("planned", 2024)


def test_structure_sample_metadata(sample_document):
    doc = sample_document
    assert (doc.title, doc.issuer, doc.place, doc.level, doc.date) == (
        "石化街道办事处2023年工作报告", "石化街道办事处", "石化街道", "subdistrict", "2024-01-25")


def test_structure_sample_glossary(sample_document):
    glossary = sample_document.glossary
    assert len(glossary) == 13
    assert glossary[0].term == "居委会“8+3”错时工作制"
    assert glossary[0].definition.startswith("即在白天8小时工作时间基础上")
    assert glossary[-1].term == "“三个湾区”" and glossary[-1].definition == "是指活力湾区、美丽湾区、幸福湾区。"
    assert all(sample_document.sentences[g.sentence].in_glossary for g in glossary)


def test_structure_hailaer_gbk_years_from_headings():
    doc = load_document(HAILAER_2014)
    assert [(p.status, p.year) for p in doc.parts[1:]] == [("achieved", 2013), ("planned", 2014)]
    assert (doc.place, doc.issuer, doc.level, doc.date) == ("海拉尔区", "海拉尔区人民政府", "district", "2014-02-19")


@pytest.mark.parametrize("title, place, issuer, level", [
    ("恩施土家族苗族自治州人民政府工作报告", "恩施土家族苗族自治州", "恩施土家族苗族自治州人民政府", "city"),
    ("黔东南州人民政府工作报告", "黔东南州", "黔东南州人民政府", "city"),
    ("锡林郭勒盟行政公署工作报告", "锡林郭勒盟", "锡林郭勒盟行政公署", "city"),
    ("江口县人民政府工作报告", "江口县", "江口县人民政府", "county"),
])
def test_structure_prefectures_and_leagues_are_read_as_cities(title, place, issuer, level):
    """A prefecture (自治州, 某某州) and a league (盟, governed by its 行政公署) report as a city does."""
    doc = document_from_text(title + "\n一、2023年工作回顾\n全年新建学校3所。\n", "t")
    assert (doc.place, doc.issuer, doc.level) == (place, issuer, level)


@pytest.mark.parametrize("title, place, issuer, level", [
    ("关于青湖街道2023年工作情况和2024年工作安排的报告", "青湖街道", "青湖街道办事处", "subdistrict"),
    ("青湖街道2023年工作总结和2024年工作计划", "青湖街道", "青湖街道办事处", "subdistrict"),
    ("青山区2023年工作总结", "青山区", "", "district"),
    ("2023年青山区工作总结", "青山区", "", "district"),  # the year before the place
    ("关于推进社区治理工作的报告", "", "", ""),   # no place named before a year: none read
    ("2025年乡镇政府镇长工作总结", "", "", ""),   # 乡镇政府 names no place
    ("关于社区2023年工作情况的报告", "", "", ""),
    ("青河市白港区创建国家卫生区工作汇报", "白港区", "", "district"),  # the district below its city, named next
])
def test_structure_place_from_a_title_without_its_government(title, place, issuer, level):
    """A title that names only the place and the years (关于某某街道2023年工作情况…的报告) gives the place."""
    doc = document_from_text(title + "\n一、2023年工作回顾\n全年新建学校3所。\n", "t")
    assert (doc.place, doc.issuer, doc.level) == (place, issuer, level)


def test_structure_a_half_year_report_reviews_and_plans_the_year_it_is_given():
    """2022年上半年政府工作报告 with unnumbered 上半年工作回顾 and 下半年工作打算: both halves are of 2022 (the
    headings were not read, and a review would have been dated the year before)."""
    doc = document_from_text("2022年上半年政府工作报告\n现在，我代表青河镇人民政府向大会报告工作。\n上半年工作回顾\n"
                             "新建村级卫生所3个。\n下半年工作打算\n新建村级卫生所5个。\n", "t")
    done, plan = (next(s for s in doc.sentences if s.text.startswith("新建") and n in s.text) for n in "35")
    assert (done.status, done.year, plan.status, plan.year) == ("achieved", 2022, "planned", 2022)


@pytest.mark.parametrize("title, congress", [
    ("江城市青山区2024年政府工作报告", ""),
    ("政府工作报告", "——2024年1月8日在江城市青山区第十八届人民代表大会第四次会议上\n"),
])
def test_structure_a_district_named_after_its_city_is_the_district(title, congress):
    """某市某区2024年政府工作报告 with 我代表区人民政府: the report is the district's, not the city's
    (the body was read as 某市区人民政府 and the city held the district's honours)."""
    doc = document_from_text(f"{title}\n{congress}现在，我代表区人民政府报告工作。\n一、2023年工作回顾\n全年新建学校3所。\n",
                             "t")
    assert (doc.place, doc.issuer, doc.level) == ("青山区", "青山区人民政府", "district")


@pytest.mark.parametrize("heading", ["一、“十五”计划主要预期目标提前实现，青州站在新的起点上", "“十五”工作回顾"])
def test_structure_the_tenth_five_year_plan_reviewed_in_2006(heading):
    """“十五” (2001–2005) in a report of 2006: the plan's name is no plan cue, its targets met early are a review."""
    doc = document_from_text(f"青州市政府工作报告\n——2006年2月15日在青州市第十四届人民代表大会第四次会议上\n"
                             f"{heading}\n全市地区生产总值2371亿元。\n二、2006年工作安排\n新建学校5所。\n", "t")
    assert [(p.status, p.year) for p in doc.parts[1:]] == [("achieved", 2005), ("planned", 2006)]


def test_structure_a_half_year_self_inspection_reviews():
    """2016年上半年某乡主要工作目标管理情况自查报告: a self-inspection reviews (its 目标 is what was checked), and
    the half year is no part of the place's name."""
    doc = document_from_text("2016年上半年青雅乡主要工作目标管理情况自查报告\n一、基础设施建设项目有序推进\n"
                             "完成路面硬化1.5公里。\n", "t")
    assert doc.place == "青雅乡"
    assert [(p.status, p.year) for p in doc.parts[1:]] == [("achieved", 2016)]


def test_structure_an_ascii_full_stop_between_characters_ends_a_sentence():
    """是2006年的3.3倍.全年可完成…: some copies end sentences with an ASCII full stop; a decimal point does not."""
    text = "是2006年的3.3倍.全年可完成11.6亿元。"
    assert [text[a:b] for a, b in split_sentences(text)] == ["是2006年的3.3倍.", "全年可完成11.6亿元。"]


def test_structure_years_and_dates_in_chinese_digits():
    """二〇〇八年工作回顾, ——二〇〇九年一月十日: older reports write their years in Chinese digits."""
    doc = document_from_text("政府工作报告\n——二〇〇九年一月十日在江口县第十五届人民代表大会第三次会议上\n"
                             "一、二〇〇八年工作回顾\n全年新建学校3所。\n二、二○○九年工作安排\n新建学校5所。\n", "t")
    assert doc.date == "2009-01-10"
    assert [(p.status, p.year) for p in doc.parts[1:]] == [("achieved", 2008), ("planned", 2009)]


@pytest.mark.parametrize("title, congress, speaker, place, issuer", [
    ("政府工作报告", "在青石镇第十八届人民代表大会第四次会议上", "镇人民政府", "青石镇", "青石镇人民政府"),
    ("政府工作报告", "在江口县第十八届人民代表大会第四次会议上", "县人民政府", "江口县", "江口县人民政府"),
    ("青湖街道2023年工作报告", "在青湖街道社区代表会议上", "街道办事处", "青湖街道", "青湖街道办事处"),
    ("政府工作报告", "在广西壮族自治区第十四届人民代表大会第四次会议上", "自治区人民政府", "广西壮族自治区",
     "广西壮族自治区人民政府"),
])
def test_structure_a_government_named_by_its_level_is_the_places(title, congress, speaker, place, issuer):
    """我代表镇人民政府 in a town's report: the body is the town's, named with the place its congress sits
    for or its title names."""
    doc = document_from_text(f"{title}\n——2024年1月8日{congress}\n现在，我代表{speaker}报告工作。\n"
                             "一、2023年工作回顾\n全年新建学校3所。\n", "t")
    assert (doc.place, doc.issuer) == (place, issuer)


@pytest.mark.parametrize("head, number", [("名词解释", "1."), ("附录：名词解释", "［1］"), ("有关名词解释", "〔1〕"),
                                          ("本报告名词解读", "①"), ("附：有关用语说明", "(1)")])
def test_structure_glossary_headings_of_other_reports(head, number):
    doc = document_from_text("江口县人民政府工作报告\n一、2023年工作回顾\n推行“三单制”。\n" + head
                             + f"\n{number}“三单制”：即需求单、服务单、评价单。\n", "t")
    assert [(g.term, g.definition) for g in doc.glossary] == [("“三单制”", "即需求单、服务单、评价单。")]


@pytest.mark.parametrize("review, plan", [
    ("一、2023年主要工作", "二、2024年工作思路"),        # 主要工作 of a year before delivery is a review
    ("第一部分 2023年工作总结", "第二部分 2024年工作打算"),  # parts named 第N部分
    ("2023年工作回顾", "2024年工作安排"),                # unnumbered part headings alone on their line
    ("二〇二三年工作回顾", "二〇二四年工作安排"),          # … with their years in Chinese digits
    ("二0二三年工作回顾", "二0二四年工作安排"),            # … their zeros typed as Arabic ones
    ("一、2023年工作情况", "二、2024年工作要点"),         # no cue word: the year against the year of delivery
    ("一、2023年度目标任务完成情况", "二、2024年工作计划"),  # how the targets were met reviews, whatever 目标 says
])
def test_structure_part_headings_of_other_reports(review, plan):
    text = ("江口县人民政府工作报告\n——2024年1月8日在江口县第十八届人民代表大会第四次会议上\n各位代表：\n"
            f"{review}\n完成了一项工作。\n（一）抓好一件事。\n{plan}\n推进一项工作。\n")
    doc = document_from_text(text, "t")
    assert [(p.status, p.year) for p in doc.parts[1:]] == [("achieved", 2023), ("planned", 2024)]
    assert [s.status for s in doc.sentences if s.text in ("完成了一项工作。", "推进一项工作。")] == ["achieved", "planned"]


@pytest.mark.parametrize("text, expected", [
    # no date: the title's later year is the year of delivery; 成效 and 存在的问题 review
    ("青湖街道2023年工作总结及2024年工作思路\n一、2023年主要工作及成效\n完成了一项工作。\n二、存在的问题和不足\n"
     "问题还很多。\n三、2024年工作思路\n推进一项工作。\n",
     [("achieved", 2023), ("achieved", 2023), ("planned", 2024)]),
    # no year in the headings: 主要工作 before a part that only plans (打算) is the review
    ("青湖街道2023年工作总结及2024年工作思路\n一、主要工作\n完成了一项工作。\n二、下一步工作打算\n推进一项工作。\n",
     [("achieved", 2023), ("planned", 2024)]),
    # 成效 outweighs 主要工作, which both kinds of part use; a review of problems between them changes nothing
    ("青湖街道2023年工作总结及2024年工作思路\n一、主要工作及成效\n完成了一项工作。\n二、存在的问题\n问题还很多。\n"
     "三、下一步工作打算\n推进一项工作。\n",
     [("achieved", 2023), ("achieved", 2023), ("planned", 2024)]),
])
def test_structure_parts_of_an_undated_subdistrict_summary(text, expected):
    doc = document_from_text(text, "t")
    assert [(p.status, p.year) for p in doc.parts[1:]] == expected
    assert [s.status for s in doc.sentences if s.text in ("完成了一项工作。", "推进一项工作。")] == ["achieved", "planned"]


@pytest.mark.parametrize("name, term, definition_start", [
    ("hainan_glossary_excerpt.txt", "一降三减", "全年火灾起数总体下降"),
    ("guangdong_glossary_excerpt.txt", "“四上”企业", "现阶段统计工作实践中"),
])
def test_structure_glossary_on_next_line_formats(name, term, definition_start):
    doc = load_document(DATA / "reports" / name)
    assert doc.glossary[0].term == term
    assert doc.glossary[0].definition.startswith(definition_start)
    assert len(doc.glossary) >= 3


def test_structure_heading_without_year_uses_delivery_date():
    doc = document_from_text("政府工作报告\n——2012年2月29日在某区第十三届人民代表大会第六次会议上\n"
                             "一、过去一年工作回顾\n完成。\n二、今年工作安排\n推进。", "x")
    assert [(p.status, p.year) for p in doc.parts[1:]] == [("achieved", 2011), ("planned", 2012)]


def test_structure_numbered_list_inside_part_is_not_a_part():
    text = ("一、2025年工作回顾\n完成。\n二、2026年工作安排\n推进。\n十件民生实事：\n"
            "一、提高补贴。\n二、加快建设。\n三、提升服务。\n四、扎实推进。")
    doc = document_from_text(text, "x")
    assert len(doc.parts) == 3


@pytest.mark.parametrize("heading, status", [
    ("一、2023年工作总结", "achieved"), ("一、2013年工作回顾", "achieved"), ("二、2024年工作打算", "planned"),
    ("三、2026年重点工作", "planned"), ("二、2012年政府工作总体要求和目标任务", "planned"),
    ("四、加强政府自身建设", "unknown"),
    ("三、努力开创2016年各项工作新局面", "planned"), ("二、奋力谱写2025年高质量发展新篇章", "planned"),
    ("一、各项工作开局良好，为实现“十五”计划奠定坚实基础", "unknown"),  # a plan's name is no plan cue
])
def test_structure_heading_status(heading, status):
    assert heading_status(heading) == status


def test_structure_split_sentences_keeps_closing_quote():
    text = "他说“好。”然后走了！"
    assert [text[s:e] for s, e in split_sentences(text)] == ["他说“好。”", "然后走了！"]


def test_structure_chinese_numerals():
    assert [chinese_to_int(n) for n in ("一", "九", "十", "十一", "二十")] == [1, 9, 10, 11, 20]


def test_structure_excerpt_that_skips_a_part_still_finds_the_plan():
    doc = document_from_text("一、2025年工作回顾\n完成建设。\n三、2026年重点工作\n推进建设。", "x")
    assert [(p.status, p.year) for p in doc.parts[1:]] == [("achieved", 2025), ("planned", 2026)]


def test_structure_a_five_year_plan_part_is_dated_by_the_plans_last_year():
    doc = document_from_text("政府工作报告\n——2026年1月26日在某省第十四届人民代表大会第五次会议上\n"
                             "一、2025年和“十四五”时期工作回顾\n完成。\n二、“十五五”时期的主要目标和重点任务\n"
                             "地区生产总值年均增长5%左右。\n三、2026年主要工作\n推进。", "x")
    assert [(p.status, p.year) for p in doc.parts[1:]] == [("achieved", 2025), ("planned", 2030),
                                                           ("planned", 2026)]


def test_structure_a_part_reviewing_one_plan_and_setting_out_the_next_switches_at_the_next_plan():
    doc = document_from_text("政府工作报告\n——2026年1月25日在某市第十六届人民代表大会第四次会议上\n"
                             "二、“十四五”时期发展成就和“十五五”时期主要目标任务\n这五年，我们完成建设。\n"
                             "“十五五”时期是关键时期。\n经济增长5%左右。\n三、2026年重点工作\n推进。", "x")
    got = [(s.text[:4], s.status, s.year) for s in doc.sentences if not s.text.startswith(("二、", "三、"))]
    assert got[-4:] == [("这五年，", "achieved", 2025), ("“十五五", "planned", 2030), ("经济增长", "planned", 2030),
                        ("推进。", "planned", 2026)]


def test_structure_an_appendix_is_about_the_year_its_title_names():
    doc = document_from_text("政府工作报告\n——2026年1月26日在某省第十四届人民代表大会第五次会议上\n"
                             "二、“十五五”时期的主要目标和重点任务\n推进。\n附件1\n2026年省十件民生实事\n"
                             "为超300万名婴幼儿发放育儿补贴。", "x")
    last = doc.sentences[-1]
    assert (last.status, last.year) == ("planned", 2026)
    assert doc.parts[-1].title == "附件1"


def test_structure_a_part_heading_after_a_dash_without_number_or_year():
    """砥砺奋斗、负重前行——本届政府工作回顾: a heading of two halves opens the review, though unnumbered."""
    text = ("某山市人民政府工作报告\n——2022年1月12日在某山市第八届人民代表大会第一次会议上\n各位代表：\n"
            "砥砺奋斗、负重前行——本届政府工作回顾\n全市生产总值增长8.5%。\n")
    doc = document_from_text(text, "t")
    assert [(p.status, p.year) for p in doc.parts[1:]] == [("achieved", 2021)]
    assert doc.sentences[-1].status == "achieved"


def test_structure_the_body_spoken_for_is_one_name_not_a_list():
    """我代表镇党委、政府: two bodies, no issuer named (and no place made of 镇党委、)."""
    doc = document_from_text("某镇情况汇报\n首先,我代表镇党委、政府对各位表示欢迎。\n", "t")
    assert "、" not in doc.issuer and "、" not in doc.place


def test_structure_a_subdistricts_summary_without_a_year_names_its_place():
    doc = document_from_text("某中街道创建文明城区工作总结\n一、加强舆论宣传\n宣传活动100次。\n", "t")
    assert doc.place == "某中街道" and doc.level == "subdistrict"


def test_structure_a_news_lead_names_no_place_across_its_punctuation():
    """2月19日，记者从某市…会议上获悉…工作: a dated lead is no title, and no place runs over its comma."""
    doc = document_from_text("3月2日，记者从江城市委经济工作会议上获悉，今年江城将做好“三农”工作。\n", "t")
    assert not any(ch in doc.place for ch in "，,日") and not doc.place[:1].isdigit()


def test_structure_the_body_speaks_without_its_term():
    """我代表旗第十五届人民政府: the government of the banner named in the congress line, not its term."""
    doc = document_from_text("——2022年1月7日在东河旗第十六届人民代表大会第一次会议上\n各位代表：\n"
                             "现在，我代表旗第十五届人民政府向大会报告工作。\n一、过去四年工作回顾\n地区生产总值增长5%。\n", "t")
    assert doc.issuer == "东河旗人民政府" and doc.place == "东河旗"


def test_structure_a_development_zone_is_its_own_place_without_a_cut_name():
    """江城经济开发区: the zone is the place; 江城经济开发 is no short form of it."""
    from kg.extract import extract
    doc = document_from_text("江城经济开发区2023年工作总结\n一、2023年工作总结\n开发区新建道路3条。\n", "t")
    zone = next(e for e in extract(doc).entities if e.name == "江城经济开发区")
    assert "江城经济开发" not in zone.aliases


@pytest.mark.parametrize("title, status, year", [("青山县2013年工作思路", "planned", 2013),
                                                 ("青湖街道2024年工作总结", "achieved", 2024),
                                                 ("东河区人民政府2010年工作要点", "planned", 2010)])
def test_structure_a_title_with_one_year_dates_the_parts_its_headings_do_not(title, status, year):
    """某县2013年工作思路 whose parts open 三、以某某为支撑… (no year, no cue, not read as parts): the title says."""
    doc = document_from_text(f"{title}\n三、以三根支柱为支撑，在新区建设上持续加力。\n新建学校3所。\n", "t")
    assert {(s.status, s.year) for s in doc.sentences if s.text != title} == {(status, year)}


def test_structure_a_title_with_one_year_dates_a_review_part_its_heading_leaves_undated():
    """一、主要工作完成情况 under 某某街道2018年工作总结: the heading says review, the title says which year."""
    doc = document_from_text("青湖街道2018年工作总结\n一、主要工作完成情况\n新建学校3所。\n", "t")
    assert {(s.status, s.year) for s in doc.sentences if s.text.startswith("新建")} == {("achieved", 2018)}


def test_structure_an_undated_governments_report_is_given_in_its_titles_year():
    """2022年某某旗人民政府工作报告 without a date line: 过去四年工作回顾 reviews up to 2021, the plans are 2022's;
    a subdistrict's 2023年工作报告 is titled by the year it reviews, so its title gives no delivery year."""
    doc = document_from_text("2022年青山旗人民政府工作报告\n一、过去四年工作回顾\n地区生产总值累计完成109.7亿元。\n"
                             "二、2022年工作安排\n继续努力。\n", "t")
    assert [(p.status, p.year) for p in doc.parts[1:]] == [("achieved", 2021), ("planned", 2022)]
    doc = document_from_text("青山街道办事处2023年工作报告\n一、主要工作\n完成建设。\n", "t")
    assert doc.parts[1].year != 2022


def test_structure_an_opening_paragraph_under_a_two_year_title_sums_up_the_year_reviewed():
    """某某街道2021年工作总结暨2022年工作计划, then a paragraph before 一、2021年工作总结: it is 2021's review."""
    doc = document_from_text("青山街道2021年工作总结暨2022年工作计划\n过去一年，街道完成各项任务，新建驿站3个。\n"
                             "一、2021年工作总结\n建成食堂2个。\n二、2022年工作计划\n新建驿站5个。\n", "t")
    intro = next(s for s in doc.sentences if s.text.startswith("过去一年"))
    assert (intro.status, intro.year) == ("achieved", 2021)
    assert (doc.sentences[0].status, doc.sentences[0].year) == ("unknown", None)  # the title itself


def test_structure_a_report_delivered_late_in_the_year_reviews_that_year_and_plans_the_next():
    """Delivered on 2012年12月18日: its undated review is 2012's and its plans are 2013's (one delivered in
    February, the year before's and its own)."""
    body = "各位代表：\n一、本届政府工作回顾\n新建学校3所。\n二、明年工作安排\n再建学校2所。\n"
    late = document_from_text("——2012年12月18日在东河区第十四届人民代表大会第二次会议上\n" + body, "late")
    early = document_from_text("——2013年2月18日在东河区第十四届人民代表大会第二次会议上\n" + body, "early")
    for doc in (late, early):
        assert {(s.status, s.year) for s in doc.sentences if s.text.startswith("新建")} == {("achieved", 2012)}
        assert {(s.status, s.year) for s in doc.sentences if s.text.startswith("再建")} == {("planned", 2013)}


def test_structure_an_unnumbered_heading_opening_on_a_five_year_plan_is_a_part():
    """“十二五”期间和2015年工作回顾, a heading with no number: a part that reviews 2015."""
    doc = document_from_text("东河区政府工作报告\n各位代表：\n“十二五”期间和2015年工作回顾\n地区生产总值增长8%。\n", "t")
    assert {(s.status, s.year) for s in doc.sentences if s.text.startswith("地区")} == {("achieved", 2015)}


def test_structure_the_issuer_is_named_without_the_governments_term():
    """我代表区十五届人民政府 (the term without 第): the district's government speaks, not a body named by its term."""
    doc = document_from_text("——2017年12月6日在东河区第十六届人民代表大会第一次会议上\n各位代表：\n"
                             "现在，我代表区十五届人民政府向大会报告工作。\n一、2017年工作回顾\n新建学校3所。\n", "t")
    assert "十五届" not in doc.issuer and doc.issuer.endswith("人民政府"), doc.issuer


def test_structure_a_text_without_a_title_line_is_not_dated_by_its_first_paragraph():
    """2019年是…之年。一年来…主要目标… as the first line of an excerpt: no title, so its words date nothing."""
    doc = document_from_text("2019年是全面建成小康社会关键之年，全年主要目标任务全面完成。一年来，新建学校3所。\n"
                             "脱贫攻坚成效显著。\n", "t")
    assert all(s.status != "planned" for s in doc.sentences), [(s.text, s.status) for s in doc.sentences]


def test_structure_a_heading_on_how_the_year_went_reviews_it():
    """一、2014年经济社会总体发展情况: a review; 发展情况 gives way to a plan's cue in the same heading."""
    from kg.structure import heading_status
    assert heading_status("一、2014年经济社会总体发展情况") == "achieved"
    assert heading_status("二、经济社会发展情况和今年主要目标任务") != "achieved"


def test_structure_a_byline_run_on_after_the_title_names_the_place():
    """政府工作报告——某市某区第十七届人民代表大会第四次会议上, one line: the congress names the place
    (its honours were given to a bare 区人民政府); ——在某旗… reads the place after 在."""
    doc = document_from_text("政府工作报告——江城市青山区第十七届人民代表大会第四次会议上\n现在，我代表区人民政府报告工作。\n"
                             "一、2023年工作回顾\n全年新建学校3所。\n", "t")
    assert (doc.place, doc.issuer) == ("青山区", "青山区人民政府")
    doc = document_from_text("政府工作报告\n——在青河旗第十六届人民代表大会第一次会议上\n现在，我代表旗人民政府报告工作。\n"
                             "一、2023年工作回顾\n全年新建学校3所。\n", "t")
    assert (doc.place, doc.issuer) == ("青河旗", "青河旗人民政府")


@pytest.mark.parametrize("title, place, issuer", [
    # the office under its government's name, in a summary's title (not the government: 长白… opens with 长)
    ("2020年江城市青山区人民政府长白新村街道办事处工作总结", "长白新村街道", "长白新村街道办事处"),
    # the place below its district, named next; a subdistrict named after a market (某某市街道)
    ("青山区清水河街道2021年工作报告", "清水河街道", "清水河街道办事处"),
    ("蒲草市街道2020年工作总结及2021年工作思路", "蒲草市街道", "蒲草市街道办事处"),
])
def test_structure_a_subdistrict_named_below_its_district_or_government(title, place, issuer):
    doc = document_from_text(f"{title}\n一、2021年主要工作开展情况\n全年新建学校3所。\n", "t")
    assert (doc.place, doc.issuer, doc.level) == (place, issuer, "subdistrict")


def test_structure_work_carried_out_reviews_and_a_line_opening_on_an_office_signs_nothing():
    """一、2021年主要工作开展情况 in a 2021年工作报告 reviews the year; 年后，办事处主任… is a sentence, no byline."""
    doc = document_from_text("青山区清水河街道2021年工作报告\n一、2021年主要工作开展情况\n全年新建学校3所。\n"
                             "年后,办事处主任带队走访企业。\n", "t")
    assert [(p.status, p.year) for p in doc.parts[1:]] == [("achieved", 2021)]
    doc = document_from_text("某某老城办打造十大民生工程\n年后,办事处主任带队走访企业。\n", "t")
    assert doc.issuer == "" and "," not in doc.place


def test_structure_a_text_that_announces_its_summary_reviews_the_year_it_names():
    """2018年，…。现将本年度主要工作情况总结如下: no heading dates the text, its opening says it sums up 2018
    (现将…工作安排如下: it plans); a paragraph opening the text is no title naming a place (在某某街道的领导下)."""
    doc = document_from_text("2018年，在上级党委的领导下，我社区扎实推进各项工作。现将本年度主要工作情况总结如下：\n"
                             "一、聚焦民生服务\n全年完成老旧小区改造项目2项，组织消防演练2次。\n", "t")
    assert {(s.status, s.year) for s in doc.sentences} == {("achieved", 2018)}, [(s.text, s.status) for s in doc.sentences]
    plan = document_from_text("新的一年，我社区将继续努力。现将2025年工作安排如下：\n一、加强党建\n建成党群服务站1个。\n", "t")
    assert {(s.status, s.year) for s in plan.sentences} == {("planned", 2025)}
    report = document_from_text("在青河街道的领导下，我社区居委会认真开展社区服务工作，现将2024年度工作情况汇报如下：\n"
                                "一、综合事务\n按时完成街道的工作安排。\n", "t")
    assert report.place == "" and {s.status for s in report.sentences} == {"achieved"}


def test_structure_a_government_named_as_this_town_s_is_the_town_s():
    """我代表本镇政府 (this town's government): the body named by its level, no town called 本镇."""
    doc = document_from_text("青山镇2023年政府工作报告\n各位代表：\n现在，我代表本镇政府向大会报告工作。\n一、2022年工作回顾\n"
                             "全镇生产总值达到12亿元。\n", "t")
    assert doc.issuer == "青山镇政府" and doc.place == "青山镇", (doc.issuer, doc.place)


def test_structure_the_body_a_speaker_represents_ends_before_what_it_does():
    """我代表国务院向大会作政府工作报告: the body is 国务院, not 国务院向大会作政府."""
    doc = document_from_text("政府工作报告\n各位代表：\n现在，我代表国务院向大会作政府工作报告，请予审议。\n", "t")
    assert doc.issuer != "国务院向大会作政府"


def test_structure_reads_a_post_s_headings_that_open_with_their_verb_and_end_with_emoji():
    """回顾2023年工作成果🏆 / 展望2024年工作目标🎯: a post's part headings, verb first, its emoji no part of them."""
    doc = document_from_text("某县2024工作报告\n回顾2023年工作成果🏆\n全县生产总值增长6%。📈\n"
                             "展望2024年工作目标🎯\n确保生产总值增长7%。\n", "t")
    assert [(s.text, s.status) for s in doc.sentences[1:]] == [
        ("回顾2023年工作成果", "achieved"), ("全县生产总值增长6%。", "achieved"),
        ("展望2024年工作目标", "planned"), ("确保生产总值增长7%。", "planned")]


def test_structure_reads_a_report_whose_copy_kept_its_table_of_contents():
    """The contents listed before the text (一、…回顾 | 二、…安排 | (一)…) open no parts: the review that follows is
    the review, not a list inside the plan."""
    doc = document_from_text("一、2023年工作回顾\n二、2024年工作安排\n（一）聚焦项目建设\n（二）聚焦工业强县\n"
                             "某县政府工作报告\n一、2023年工作回顾\n全年生产总值增长3%。\n二、2024年工作安排\n"
                             "生产总值增长5%。\n", "t")
    assert [(s.text, s.status, s.year) for s in doc.sentences if "生产总值" in s.text] == [
        ("全年生产总值增长3%。", "achieved", 2023), ("生产总值增长5%。", "planned", 2024)]


def test_structure_reads_a_part_of_highlights_of_a_past_year_as_its_review():
    """一、2022年亮点工作 in a text on 2022 and the plan of 2023: the review of 2022."""
    doc = document_from_text("街道工作总结及2023年工作思路\n一、2022年亮点工作\n全年固定资产投资12.43亿元。\n"
                             "二、2023年工作思路\n固定资产投资增长5%。\n", "t")
    assert [(s.status, s.year) for s in doc.sentences if "固定资产投资" in s.text] == [
        ("achieved", 2022), ("planned", 2023)]


def test_structure_reads_a_review_of_years_in_a_range_as_a_part():
    """2020-2022年工作总结, a heading alone on its line: the review of the term, up to its last year."""
    doc = document_from_text("某街道社代会报告\n2020-2022年工作总结\n过去三年完成49项实事项目。\n", "t")
    assert (doc.sentences[-1].status, doc.sentences[-1].year) == ("achieved", 2022)
