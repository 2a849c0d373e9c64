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


def test_clean_joins_a_copy_cut_at_every_span_of_its_pdf():
    """A copy that broke its lines at every span (现在，我代表 | 青山 | 镇人民政府…, 增长 | 5% | ；): the paragraphs
    back, headings on lines of their own (a bare list mark takes its title), so its figures are read."""
    pieces = ["青山", "镇", "2023", "年政府工作报告", "各位代表：", "现在，我代表", "青山", "镇人民政府向大会报告工作，请",
              "予审", "议。", "一、2023年工作回顾", "（一）经济运行稳中有升", "前三季度，完成地区生产总值", "12.5",
              "亿元，增长", "5%", "；财政收入", "8600", "万元，增长", "14.9%", "。", "1.", "特色农业提", "质扩量", "。",
              "围绕", "青山", "花生、南岗茶园等特色农业扩大种植面积，花生种植面积达", "7860", "亩，增长", "10.2%", "。"]
    assert clean_text("\n".join(pieces)).split("\n") == [
        "青山镇2023年政府工作报告", "各位代表：", "现在，我代表青山镇人民政府向大会报告工作，请予审议。", "一、2023年工作回顾",
        "（一）经济运行稳中有升", "前三季度，完成地区生产总值12.5亿元，增长5%；财政收入8600万元，增长14.9%。",
        "1.特色农业提质扩量。", "围绕青山花生、南岗茶园等特色农业扩大种植面积，花生种植面积达7860亩，增长10.2%。"]
    doc = document_from_text("\n".join(pieces), "x")
    assert {("地区生产总值", "12.5"), ("花生种植面积", "7860")} <= {(m.subject, m.value) for m in extract(doc).metrics}


def test_clean_keeps_short_lines_of_a_text_that_is_no_cut_copy():
    """A text whose short lines are few (a title, a byline) is not joined piece by piece."""
    text = ("青县人民政府工作报告\n张三\n各位代表：\n现在，我代表青县人民政府向大会作政府工作报告，请予审议。\n一、过去五年工作回顾\n"
            "五年来，我们较好地完成了各项任务。")
    assert clean_text(text) == text


def test_clean_curls_quotes_a_copy_opened_with_a_double_mark_and_closed_with_an_apostrophe():
    """深化"亩均论英雄'改革 (a site's “…” as "…'): the quotes, so the quoted name is one and no figure; a line
    whose marks do not alternate so is left as it is."""
    assert clean_text('深化"亩均论英雄\'改革，推进"三转一市\'。') == "深化“亩均论英雄”改革，推进“三转一市”。"
    assert clean_text('"甲"和\'乙\'') == '“甲”和\'乙\''
    doc = document_from_text('一、2023年工作回顾\n省"152\'工程物流园征地工作完成。', "x")
    assert not extract(doc).metrics


def test_clean_curls_quotes_a_copy_lost_to_question_marks():
    """以?三个代表?重要思想为指导 (a copy that could not encode “”): the quotes; a question's ? and a web address's
    stay."""
    assert clean_text("坚持以?三个代表?重要思想为指导，实施?生态立县、工业强县?战略。") == \
        "坚持以“三个代表”重要思想为指导，实施“生态立县、工业强县”战略。"
    assert clean_text("这是为什么?那又如何?") == "这是为什么?那又如何?"
    assert clean_text("详见http://a.cn/x.php?id=5，和?某某?") == "详见http://a.cn/x.php?id=5，和?某某?"
    doc = document_from_text("一、2009年工作回顾\n坚持以?三个代表?重要思想为指导。", "x")
    assert not extract(doc).metrics


def test_clean_reads_a_site_s_copy_marks_as_paragraph_ends():
    """A site that marked every paragraph's end (…提出意见。pbY), even in a copy flattened to one line (…C6m   一、…):
    the marks go and the paragraphs they ended are lines, so headings are read; acronyms (GDP) stay."""
    marked = ("青县2017年政府工作报告pbY\npbY\n各位代表：pbY\n现在，我代表县政府报告工作。pbY\n一、过去五年工作回顾pbY\n"
              "五年来，全县GDP增长8%。pbY\n二、2017年工作安排pbY\n继续努力，GDP增长7%。pbY\n")
    assert clean_text(marked).split("\n") == ["青县2017年政府工作报告", "各位代表：", "现在，我代表县政府报告工作。",
                                               "一、过去五年工作回顾", "五年来，全县GDP增长8%。", "二、2017年工作安排",
                                               "继续努力，GDP增长7%。"]
    flat = marked.replace("pbY\n", "C6m   ").replace("C6m   C6m   ", "C6m   ")
    assert clean_text(flat).split("\n") == clean_text(marked).split("\n")


def test_clean_joins_a_paragraph_a_copy_joined_with_spaces_at_its_wraps():
    """列席 人员, 坚 定不移: spaces a copy put where a page's lines were joined go when they stand a line's width
    apart; a space between a title and a name stays."""
    line = ("五年来，在县委的正确领导下，在县人大、县政协 的监督支持下，县政府团结带领全县人民，牢牢把握发展机遇，坚 "
            "定不移实施发展战略，较好完成了十三五规划确定的主要目标任务。率先在全省完成扩 区调区。")
    assert clean_text(line) == line.replace(" ", "")
    assert clean_text("青县人民政府县长 张三") == "青县人民政府县长 张三"


def test_clean_ends_a_wrapped_paragraph_at_a_blank_line_and_runs_a_figure_cut_at_its_point():
    """In a hard-wrapped copy a blank line ends a paragraph (a byline is no part of the date above it), and a
    figure cut after its point (1. | 37倍) is one figure."""
    text = ("2017年2月22日在青县第十七届人民代表大会第一次会议上\n\n青县人民政府代县长张三\n\n"
            "五年来，面对复杂多变的宏观经济形势和艰巨繁重的改革发展稳定任务，我们在市委、\n"
            "市政府和县委的坚强领导下，在县人大、县政协的监督支持下，沉着应对，砥砺奋进，\n"
            "较好地完成了县十六届人大历次会议确定的各项任务，圆满完成了十二五任务目标，实\n"
            "现了十三五良好开局。截至2016年末，全县地方生产总值完成96.4亿元，是2011年的1.\n"
            "37倍；财政总收入、公共预算收入分别完成6.1亿元、3.6亿元，分别是2011年的1.65倍\n"
            "、1.86倍；规模以上工业增加值完成52.1亿元，是2011年的1.88倍；全社会固定资产投\n"
            "资完成59.4亿元，是2011年的2.65倍，全县经济总体实力迈上了新台阶。\n")
    lines = clean_text(text).split("\n")
    assert lines[:2] == ["2017年2月22日在青县第十七届人民代表大会第一次会议上", "青县人民政府代县长张三"]
    assert "是2011年的1.37倍；" in lines[2] and len(lines) == 3


def test_clean_runs_on_a_wrapped_heading_whose_paragraph_starts_on_its_line():
    """（一）某某做大做强。全力创建…, cut at the page's width: the heading's paragraph goes on in the next line; a
    heading alone on its line stays a line of its own."""
    text = ("一、工作目标\n2025年地区生产总值预计实现12亿元，增长6%以上，固定资产\n投资额实现3亿元、增长5%左右，其中工业投资实现1亿元、增\n"
            "长7%以上，社会消费品零售总额实现4亿元、增长5%左右，一\n般公共预算收入增长3%左右，全体居民人均可支配收入增长与\n"
            "上年度持平，全力创建智能制造新城，坚持稳中求进工作总基调，\n完整准确全面贯彻新发展理念，统筹发展和安全，推动经济实\n"
            "现质的有效提升和量的合理增长。\n二、主要任务\n（一）特色产业做大做强。全力创建国家高新区，年内力争\n"
            "引资8亿元以上，实现规上工业产值增长9%、工业投资增长6%。\n（二）城镇品质不断提升\n有序推进城市建设扩容。")
    lines = clean_text(text).split("\n")
    assert "（一）特色产业做大做强。全力创建国家高新区，年内力争引资8亿元以上，实现规上工业产值增长9%、工业投资增长6%。" in lines
    assert lines[-2:] == ["（二）城镇品质不断提升", "有序推进城市建设扩容。"]


def test_clean_reads_a_figure_written_with_thousands_separators_as_one_number():
    """45,000元 (a copy's thousands separator): one figure of 45000, not 000元; a decimal or a list is left."""
    assert clean_text("收入分别达到了45,000元和1,220,000元,增长5%。") == "收入分别达到了45000元和1220000元,增长5%。"
    assert clean_text("增长3.5,12.75和0.5个百分点。") == "增长3.5,12.75和0.5个百分点。"
    doc = document_from_text("一、2023年工作回顾\n城镇居民人均可支配收入和农村居民人均纯收入分别达到了45,000元和22,000元。", "x")
    assert {m.value for m in extract(doc).metrics} == {"45000", "22000"}


def test_clean_drops_a_transcript_s_speaker_tags_and_times_and_a_bilingual_copy_s_english_lines():
    """[某某]:一、2009年工作回顾 [09:05] (a live transcript): the line, so the heading is read; the English lines
    of a bilingual copy go, so no figure is read in them."""
    text = ("[张三]:一、2009年工作回顾 [09:05]\n[张三]:全年生产总值增长8.7%。 [09:08]\nI. Review of the Work in 2009\n"
            "GDP grew by an increase of 9% over the previous year.\n")
    assert clean_text(text).split("\n") == ["一、2009年工作回顾", "全年生产总值增长8.7%。"]
    doc = document_from_text(text, "x")
    assert [(m.value, m.year) for m in extract(doc).metrics] == [("8.7", 2009)]


def test_clean_joins_a_doc_site_copy_served_in_numbered_chunks():
    """1、…青河街 | 2、道办事处…: a doc site's chunks, cut wherever full, are one text again, without their numbers;
    a list of long items, each ending its sentence, keeps its numbers."""
    first = "1、-精品合同推荐- 2008年工作总结一年来，" + "全力加强社区建设，社区环境进一步改善，" * 6 + "青河街"
    second = "2、道办事处针对居民的要求，" + "切实担负起整治环境的责任，" * 8 + "安装了4组健身"
    third = "3、路径，填补了社区健身器材的空白。"
    text = clean_text("\n".join([first, second, third]))
    assert "青河街道办事处针对" in text and "4组健身路径" in text
    assert not text.startswith("1、") and "精品合同推荐" not in text and "2、" not in text
    items = ["1、" + "加强社区建设，" * 16 + "完成了任务。", "2、" + "推进环境整治，" * 16 + "取得了成效。"]
    assert clean_text("\n".join(items)).split("\n") == items


def test_clean_reads_a_page_set_in_two_columns_left_then_right():
    """A page copied with its layout (pdftotext -layout), two columns side by side: the left column, then the
    right; a table's short cells are no columns."""
    page = [
        "     过去一年，全区经济运行稳中有进，工业                做好今年政府工作意义重大。政府工作的",
        "     增加值增长百分之八，社会事业取得了                  总体要求是：坚持稳中求进工作总基调，",
        "     新进步。                                            全面贯彻新发展理念，推动高质量发展，",
        "",
        "         各位代表，过去一年的成绩来之不易，              统筹推进稳增长、促改革、调结构、惠民",
        "     这些成绩的取得，得益于全区广大干部群众              生、防风险各项工作，全力推动经济发展",
        "     的共同努力，在此表示衷心的感谢！                    质量变革、效率变革、动力变革。",
    ]
    text = clean_text("\n".join(page))
    assert "社会事业取得了新进步。" in text and "得益于全区广大干部群众的共同努力" in text
    assert "政府工作的总体要求是" in text and "惠民生、防风险" in text
    assert text.index("共同努力") < text.index("做好今年政府工作")
    table = ["地区生产总值        100亿元", "财政收入        12亿元", "固定资产投资        40亿元",
             "社会消费品零售总额        30亿元", "城镇居民收入        5万元"]
    assert clean_text("\n".join(table)).split("\n") == [clean_text(row) for row in table]


def test_clean_keeps_a_flattened_copy_s_spaces_between_paragraphs():
    """A flattened copy's paragraphs stand apart at no regular width: the spaces between them stay (a wrap's
    spaces stand a line's width apart)."""
    line = ("一年来，青河街道办事处全力加强社区建设，社区环境进一步改善。 做为社区管理负责人，我现将工作总结如下。"
            "一、加大环境整治力度，绿化美化社区 社区是居民的生活地，社区环境是居民关注的热点，随着人民群众生活"
            "水平的提高，居民对社区的环境倍加关注，街道办事处针对居民的这一要求，号召居民大搞爱国卫生运动，督导"
            "居民拆除了多年的私搭乱建，加快旧小区改造步伐，铺设主排水管道1238米，修建了简易活动场地。 为了把实事办好，"
            "社区干部不辞辛苦。")
    assert clean_text(line).count(" ") == 3


def test_clean_drops_a_page_s_upload_time_lead_caption_and_share_lines():
    """时间:2022-07-15 08:03:00, 导语:…来源于网友上传, a photo's caption (大会现场 张某某 摄), 微信扫一扫…, a doc
    site's size and upload place (约4.99千字, 发布于四川): a web page's furniture; a Traditional copy's 向著 is 向着."""
    page = "\n".join(["区政府工作报告", "时间:2022-07-15 08:03:00", "导语:本文来源于网友上传,不代表本站观点。",
                      "添加青河网 | 公文写作素材范文网站到电脑桌面", "约4.99千字", "2026-01-22 发布于四川", "举报",
                      "大会现场 张青河 摄", "各位代表：", "一年来，全区經濟向著目標穩步發展，實現了各項任務。",
                      "微信扫一扫在手机阅读、分享本文", "版权声明", "作者原创,不允许二次传播"])
    assert clean_text(page).split("\n") == ["区政府工作报告", "各位代表：", "一年来，全区经济向着目标稳步发展，实现了各项任务。"]


def test_clean_closes_a_decimal_point_a_pdf_copy_set_apart_and_drops_its_page_count():
    """24. 3亿元: the copy's decimal point set apart is one number again; a list's number opening its paragraph
    (1. 2023年…) stays; 第1 页共 3页 is the page's furniture."""
    text = clean_text("固定资产投资24. 3亿元，比上年分别增长36. 8%、25%。\n1. 2023年工作回顾\n开展便民服务活动。 第1 页共 3页")
    assert text.split("\n") == ["固定资产投资24.3亿元，比上年分别增长36.8%、25%。", "1. 2023年工作回顾", "开展便民服务活动。"]


def test_clean_drops_a_page_s_breadcrumb_original_title_and_cut_notice():
    """您的位置:某网>>政府报告>>正文, (原标题:…), ……(某网省略912字,正式会员可完整阅读)……: the page's, not the
    report's."""
    page = "\n".join(["您的位置:青河文秘网>>换届/政务讲话/动员大会>>正文", "(原标题:《政府工作报告》解读二)",
                      "全县生产总值增长6%。", "……(青河文秘网省略912字,正式会员可完整阅读)……", "新建学校3所。"])
    assert clean_text(page).split("\n") == ["全县生产总值增长6%。", "新建学校3所。"]


def test_clean_puts_a_flattened_copy_s_part_heading_on_its_own_line():
    """一、2023年工作回顾 2023年是…。: the heading that opens a flattened paragraph is a line of its own; a doc site's
    lead (下面是小编为大家整理的…) goes."""
    text = clean_text("下面是小编为大家整理的街道工作总结，供大家参考。\n一、2023年工作回顾 2023年是全面贯彻党的二十大精神开局之年，"
                      "一年来，我们较好完成了经济社会发展各项预期目标，全年实现地区生产总值60.3亿元。")
    assert text.split("\n")[:2] == ["一、2023年工作回顾", "2023年是全面贯彻党的二十大精神开局之年，"
                                    "一年来，我们较好完成了经济社会发展各项预期目标，全年实现地区生产总值60.3亿元。"]
    assert clean_text("一、加强组织建设 夯实基层基础") == "一、加强组织建设 夯实基层基础"
