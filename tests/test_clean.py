"""Stage 2: whitespace and web-page leftovers."""
from kg.clean import clean_text, normalize_spaces
from kg.extract import extract
from kg.load import read_report
from kg.pipeline import document_from_text

from conftest import DATA, SAMPLE


def test_clean_normalises_spaces_and_line_endings():
    text = "\u3000\u3000一、2013年工作回顾\r\n\r\n天伦乐满堂\u00a0白首永相随\r\n"
    assert clean_text(text) == "一、2013年工作回顾\n天伦乐满堂 白首永相随"


def test_clean_keeps_single_spaces_inside_lines():
    assert normalize_spaces("衔石填海\u3000\u3000崇德向善") == "衔石填海 崇德向善"


def test_clean_strips_sample_page_chrome():
    cleaned = clean_text(read_report(SAMPLE).text)
    lines = cleaned.split("\n")
    assert lines[0] == "石化街道办事处2023年工作报告"  # the title lost its '保护视力色…' tail
    assert "请使用tab按钮" not in cleaned and "公众意见" not in cleaned and "分享" not in lines
    assert lines[-1].startswith("13.“三个湾区”")


def test_clean_strips_news_site_heads_and_related_tail():
    cleaned = clean_text(read_report(DATA / "reports" / "beijing_chrome_excerpt.txt").text)
    lines = cleaned.split("\n")
    assert lines[0] == "2026年北京市政府工作报告"
    assert not {"下载", "打印", "全屏", "收藏", "【字号：", "加大", "】"} & set(lines)
    assert "相关报道" not in cleaned and "某某新闻标题" not in cleaned
    assert not any(line.endswith("摄") for line in lines)


def test_clean_joins_spaced_title():
    assert clean_text("政 府 工 作 报 告\n各位代表：") == "政府工作报告\n各位代表："


def test_clean_joins_figures_set_apart_by_spaces():
    """A PDF's spaces around figures (完成 7.8 亿元) part a figure from its unit and subject; a list mark keeps its own."""
    assert clean_text("预计全年完成地区生产总值 136.5 亿元，增长 5.5%；打造了16 个园区") == \
        "预计全年完成地区生产总值136.5亿元，增长5.5%；打造了16个园区"
    assert clean_text("1 经济实力不断增强\n天伦乐满堂 白首永相随") == "1 经济实力不断增强\n天伦乐满堂 白首永相随"


_WRAPPED = """青湖镇2023年政府工作报告
2022 年工作回顾
2022 年是党的二十大召开之年，是实施“十四五”规划的
重要一年。这一年来，镇政府在县委、县政府和镇党委的
坚强领导下，在镇人大的监督支持下，团结带领全镇广大
干部和群众，顺利完成了镇第十九届人民代表大会第一次会议
确定的各项目标任务。预计 2022 年全镇实现工农业总值
31.88 亿元，增长 7%，其中农业总产值 17.2 亿元，增长
5.5%，工业总产值 14.68 亿元，增长 9%。
一、凝心聚力调结构，产业转型步伐加快
特色农业加快培育。
"""


def test_clean_joins_lines_hard_wrapped_at_the_page_width():
    """A PDF's or a copy's lines cut at the page's width are joined back into their paragraphs; headings,
    the title and a paragraph that ends its line stay lines of their own."""
    lines = clean_text(_WRAPPED).split("\n")
    assert lines == [
        "青湖镇2023年政府工作报告", "2022年工作回顾",
        "2022年是党的二十大召开之年，是实施“十四五”规划的重要一年。这一年来，镇政府在县委、县政府和镇党委的坚强领导下，"
        "在镇人大的监督支持下，团结带领全镇广大干部和群众，顺利完成了镇第十九届人民代表大会第一次会议确定的各项目标任务。"
        "预计2022年全镇实现工农业总值31.88亿元，增长7%，其中农业总产值17.2亿元，增长5.5%，工业总产值14.68亿元，增长9%。",
        "一、凝心聚力调结构，产业转型步伐加快", "特色农业加快培育。"]


def test_clean_keeps_a_paragraph_per_line_text_as_it_is():
    """A byline that ends without a mark is no wrapped line when few lines run on."""
    text = ("2017年青县人民政府工作报告\n2017年2月22日在青县第十七届人民代表大会第一次会议上\n青县人民政府代县长张三\n"
            "各位代表：\n现在，我代表青县人民政府向大会作政府工作报告，请予审议。\n一、过去五年工作回顾\n五年来，我们较好地完成了各项任务。")
    assert clean_text(text) == text


def test_clean_curls_ascii_and_mangled_quotes_around_chinese_words():
    """A web copy's "某某" and a bad copy's ;;某某;; become “某某”, so the quoted name is read as one; quotes
    around no Chinese word, or an odd number of them, stay as they are."""
    assert clean_text('开展"县县通"攻坚行动，贯彻;;五个坚持;;。') == "开展“县县通”攻坚行动，贯彻“五个坚持”。"
    assert clean_text('型号"A-1"投产，他说"好') == '型号"A-1"投产，他说"好'
    doc = document_from_text('一、2020年工作回顾\n开展"青青通高速"攻坚行动，实施"某某"工程。', "x")
    names = {e.name for e in extract(doc).entities}
    assert {"青青通高速攻坚行动", "某某工程"} <= names and "攻坚行动" not in names


def test_clean_curls_quotes_opened_with_an_apostrophe_and_closed_with_a_left_quote():
    """A copy that wrote '某某“ (围绕'九大战略“): the quote is “某某”, so what it names is read as one and its count
    is no figure; a line that closes its quotes with ” is left as it is."""
    assert clean_text("围绕'九大战略“，实施'1222“工作布局。") == "围绕“九大战略”，实施“1222”工作布局。"
    assert clean_text("他说'好“的”，") == "他说'好“的”，"
    doc = document_from_text("一、2022年工作回顾\n围绕'九大战略“，以'周五大学堂 “学习等形式开展培训。", "x")
    assert not extract(doc).metrics


def test_clean_reads_character_references_a_web_copy_kept_even_when_a_wrap_cut_one():
    """坚持&ldqu|o;某某&rdquo; in a hard-wrapped copy: the line runs on and the references are the quotes they
    stand for, so the quoted idea is read; a bare ampersand (R&D) stays."""
    wrapped = "\n".join(["2018年，区政府深入学习贯彻新思想，贯彻落实党的大会精神和城市总体规划要",
                         "求，回顾总结改革开放四十年的发展成果，立足生态涵养区的功能定位，坚持&ldqu",
                         "o;生态立区、绿色发展&rdquo;，坚持问题导向与系统治理的原则，围绕区域经济社",
                         "会发展大局，深入调研、综合分析，梳理生态文明建设与污染治理等重大课题，坚",
                         "持科学决策与民主决策，促进全区各项事业健康发展，全社会R&D经费支出增长",
                         "百分之二十八，保持了平稳健康发展的良好态势，较好完成了全年的各项任务。"] * 2)
    cleaned = clean_text(wrapped)
    assert "坚持“生态立区、绿色发展”，" in cleaned and "R&D经费" in cleaned and "&ldqu" not in cleaned
    doc = document_from_text("一、2018年工作回顾\n" + wrapped, "x")
    assert "生态立区、绿色发展" in {e.name for e in extract(doc).entities}


def test_clean_drops_a_pdf_page_number_between_wrapped_lines():
    """A page's number (- 2 -) a PDF put between two lines of a paragraph goes, so the figure cut by the page
    (16883 | 元) is read with its unit."""
    text = ("全年完成地区生产总值21.5亿元，达到年初预定目标任务；社会消费品零售总额完成3.2亿元，同比下降9.7%；"
            "城镇常住居民人均可支配收入增长5.5%，农村常住居民人均可支配收入16883元，同比增长9.7%。一年来，我们主要做了以下"
            "工作，坚持生态优先、绿色发展的总体思路，统筹推进各项事业全面发展，各项事业取得新的成效，人民群众的获得感、"
            "幸福感和安全感不断增强，社会大局和谐稳定，为开启新征程奠定了坚实基础，实现了良好开局。")
    lines = [text[i:i + 30] for i in range(0, len(text), 30)]  # a PDF's page width
    cut = next(n for n, line in enumerate(lines) if line.endswith("168")) + 1
    cleaned = clean_text("\n".join(lines[:cut] + ["- 2 -"] + lines[cut:]))
    assert cleaned == text


def test_clean_reads_a_traditional_copy_as_simplified_text():
    """A mirror site's copy in Traditional characters, with or without readings after them (報(bào)告), is read as
    the Simplified report it was: its names and figures are found; a Simplified text with a stray Traditional
    character stays as it is."""
    text = ("一、2004年工作回顧\n過(guò)去的一年，全省各族人民堅(jiān)持以鄧小平理論為指導(dǎo)，全年完成生產(chǎn)總值5612.3億元，"
            "實現財政總收入608億元，建成青山縣人民醫院。")
    assert clean_text(text) == ("一、2004年工作回顾\n过去的一年，全省各族人民坚持以邓小平理论为指导，全年完成生产总值5612.3亿元，"
                                "实现财政总收入608亿元，建成青山县人民医院。")
    doc = document_from_text(text, "x")
    result = extract(doc)
    assert {"邓小平理论", "青山县人民医院"} <= {e.name for e in result.entities}
    assert ("生产总值", "5612.3") in {(m.subject, m.value) for m in result.metrics}
    assert clean_text("全年完成生产总值5612.3亿元，建成青山縣人民医院。") == "全年完成生产总值5612.3亿元，建成青山縣人民医院。"


def test_clean_drops_the_bullet_opening_a_line():
    """●某某区地处…: the bullet is no part of the place's name."""
    assert clean_text("●青港区地处青河市东南部\n■ 完成生产总值153.6亿元") == "青港区地处青河市东南部\n完成生产总值153.6亿元"
