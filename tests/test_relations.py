"""Stage 4b: relations from the genre's cue words, one real sentence (or paragraph) at a time."""
import pytest

from kg.extract import extract
from kg.pipeline import document_from_text

from conftest import CITY_HEAD, PROVINCE_HEAD


def relations(body: str, title: str = "某某街道办事处2023年工作报告", plan: str = "继续努力。") -> set[tuple[str, str, str]]:
    text = f"{title}\n一、2023年工作总结\n{body}\n二、2024年工作打算\n{plan}\n"
    return {(r.subject, r.predicate, r.object) for r in extract(document_from_text(text, "rel-test")).relations}


def report_relations(text: str) -> set[tuple[str, str, str]]:
    """The relations of a whole report's text (a glossary and all)."""
    return {(r.subject, r.predicate, r.object) for r in extract(document_from_text(text, "gl")).relations}


def assert_relations(body: str, expected: tuple[str, str, str] | None, absent: tuple[str, ...],
                     predicates: tuple[str, ...]) -> None:
    """In a province report: the expected relation found (if any), no object in ``absent`` under ``predicates``."""
    got = relations(body, title=PROVINCE_HEAD)
    if expected:
        assert expected in got
    assert not any(o in absent for _, p, o in got if p in predicates)


@pytest.mark.parametrize("body, expected", [
    ("城运中心荣获上海市热线系统立功竞赛工单办理地区组集体奖。",
     ("城运中心", "receivedAward", "上海市热线系统立功竞赛工单办理地区组集体奖")),
    ("柳城居民区成功创建为全国老年友好型社区。", ("柳城居民区", "receivedAward", "全国老年友好型社区")),
    ("一年来,顺利通过上海市法治建设示范街道评审。", ("某某街道", "receivedAward", "上海市法治建设示范街道")),
    ("顺利通过上海市文明街道复检。", ("某某街道", "receivedAward", "上海市文明街道")),  # kept on re-inspection
    ("推动辰凯卫生服务站搬迁,并成功创建成为上海市中医特色示范社区卫生服务站。",
     ("辰凯卫生服务站", "receivedAward", "上海市中医特色示范社区卫生服务站")),
    ("作品《在您身边》获“优秀群文新作奖”、《赞赞新时代》获“群文新作奖”。",
     ("《赞赞新时代》", "receivedAward", "群文新作奖")),
    ("胜利社区卫生服务中心被授予国家级示范中心称号。",
     ("胜利社区卫生服务中心", "receivedAward", "国家级示范中心")),
    # chosen by a ministry (被某部确定为“某某试验区”): a title received, the place's own
    ("被教育部确定为“家庭教育试验区”。", ("某某街道", "receivedAward", "家庭教育试验区")),
    ("青山景区荣登“神奇西北100景”榜单。", ("青山景区", "receivedAward", "神奇西北100景榜单")),
])
def test_relations_received_award(body, expected):
    assert expected in relations(body)


def test_relations_every_prize_of_a_list_goes_to_the_holder():
    got = relations("被区委、区政府授予2022年度全区财政收入贡献一等奖、城镇建设一等奖、农村改革三等奖。")
    assert {o for s, p, o in got if p == "receivedAward" and s == "某某街道"} == {
        "全区财政收入贡献一等奖", "城镇建设一等奖", "农村改革三等奖"}


def test_relations_honours_in_touching_quotes_and_after_yiji_go_to_the_holder():
    """荣获“甲”“乙”，以及“丙”“丁”等多项国家级、省级荣誉: every quote an honour of the report's place."""
    got = relations("去年荣获“国家园林县城”“全国返乡创业试点县”“全国首批矿区综合治理县”，以及“江北省双高双普县”"
                    "“江北省环保模范县”等多项国家级、省级荣誉。", title="某某县人民政府工作报告")
    assert {o for s, p, o in got if p == "receivedAward" and s == "某某县"} == {
        "国家园林县城", "全国返乡创业试点县", "全国首批矿区综合治理县", "江北省双高双普县", "江北省环保模范县"}


def test_relations_a_project_on_a_bodys_plot_is_not_run_by_the_body():
    """某某研究所地块安置房项目: housing built where the institute stood, not the institute's project."""
    got = relations("青田研究所地块安置房项目房屋征收基本完成，青田研究所完成搬迁。", title="某某区人民政府工作报告")
    assert not any(p == "organizedBy" for _, p, _ in got)


def test_relations_a_task_lists_the_bodies_that_carry_it_out_after_its_heading():
    """11、建设某某敬老院。由民政局组织推进和落实。: the bodies named after the item organise what it names;
    发展和改革局 is one body."""
    got = report_relations("某某县2013年重点工作完成情况的报告\n一、重点工作完成情况\n11、建设青山中心敬老院。"
                           "由民政局组织推进和落实。项目选址已完成。\n12、城南供水厂建设。由发展和改革局、住房和城乡建设局"
                           "分别组织推进和落实。已打水源井2眼。\n")
    assert ("青山中心敬老院", "organizedBy", "民政局") in got
    assert {o for s, p, o in got if s == "城南供水厂" and p == "organizedBy"} == {"发展和改革局", "住房和城乡建设局"}


def test_relations_a_campus_is_run_by_its_university_and_part_of_it():
    got = relations("江城大学南湖校区建成投用。", title=CITY_HEAD)
    assert {("江城大学南湖校区", "organizedBy", "江城大学"), ("江城大学南湖校区", "partOf", "江城大学")} <= got


@pytest.mark.parametrize("body, expected, absent", [
    ("实施外籍人才三年倍增行动。", ("外籍人才三年倍增行动", "targets", "外籍人才"), ()),
    ("做好失地农民安置。", ("失地农民安置", "targets", "失地农民"), ()),
    ("做好农村剩余劳动力转移就业。", ("农村剩余劳动力转移就业", "targets", "农村剩余劳动力"), ()),
    ("提高企业退休人员基本养老保险金标准。", ("企业退休人员基本养老保险金标准", "targets", "企业退休人员"), ()),
    ("做好失地农民安置工作,落实农村五保户救助。", ("农村五保户救助", "targets", "农村五保户"), ()),
    ("城乡最低生活保障、农村五保户救助标准再次提高。", ("农村五保户救助", "targets", "农村五保户"), ()),
    ("全年发放低保家庭大学生补助167万元。", ("低保家庭大学生补助", "targets", "低保家庭大学生"), ("低保家庭",)),
    ("困难残疾人生活补贴标准提高到每人每月209元。", ("困难残疾人生活补贴", "targets", "困难残疾人"), ("残疾人",)),
    ("完善学校家庭社会协同育人机制,推进教育科技人才一体化发展。", None, ("学校家庭", "教育科技人才")),
    ("办好全国民营企业绿色发展大会。", None, ("民营企业",)),   # an event's name says who takes part
    # a group named by its head alone; two such groups in a row; a hotline's number is not the group's
    ("创新外国人工作许可制度。", ("外国人工作许可制度", "targets", "外国人"), ()),
    ("青少年老年人活动中心投入使用。", ("青少年老年人活动中心", "targets", "青少年"), ("青少年老年人",)),
    ("青少年老年人活动中心投入使用。", ("青少年老年人活动中心", "targets", "老年人"), ()),
    ("升级建设12355青少年服务台。", ("12355青少年服务台", "targets", "青少年"), ("12355青少年",)),
])
def test_relations_a_programme_named_after_the_group_it_serves(body, expected, absent):
    assert_relations(body, expected, absent, ("targets",))


@pytest.mark.parametrize("body, expected, absent", [
    ("要加快大唐700万吨露天矿、麦多利10万吨大麦芽二期等项目的推进。", ("麦多利10万吨大麦芽二期", "organizedBy", "麦多利"), ()),
    ("巴斯夫核心装置、埃克森美孚一期等一批重大项目建成投产。", ("埃克森美孚一期", "organizedBy", "埃克森美孚"), ()),
    ("推进湖南警察学院二期建设。", ("湖南警察学院二期", "partOf", "湖南警察学院"), ()),
    ("博鳌机场三期完工。", None, ("博鳌",)),
    # a name the dictionary cuts into characters before a phase; a firm moving its plant; a firm's own site
    ("宏拓牧机二期等工程按期实施。", ("宏拓牧机二期", "organizedBy", "宏拓牧机"), ()),
    ("华泰啤酒迁建项目开工建设。", ("华泰啤酒迁建项目", "organizedBy", "华泰啤酒"), ()),
    ("金海银行培训中心投入使用。", ("金海银行培训中心", "organizedBy", "金海银行"), ()),
    ("红枫美佳龙主力店项目开工建设。", ("红枫美佳龙主力店", "organizedBy", "红枫美佳龙"), ()),
    ("干部培训中心投入使用。", None, ("干部",)),
    # a known name then single characters the dictionary does not know: all one firm
    ("金星美凯虎6万平方米主力店开工建设。", ("金星美凯虎6万平方米主力店", "organizedBy", "金星美凯虎"), ("金星",)),
    ("金山二期等工程按期实施。", None, ("金山",)),
])
def test_relations_a_firm_named_before_its_project_builds_it(body, expected, absent):
    assert_relations(body, expected, absent, ("organizedBy", "partOf"))


def test_relations_award_sought_is_not_received():
    got = relations("积极创建上海市卫生健康街道和上海市市容环境综合管理示范街道。")
    assert not any(p == "receivedAward" for _, p, _ in got)


def test_relations_award_sought_in_the_plans_is_a_planned_award():
    text = "某某街道办事处2023年工作报告\n一、2023年工作总结\n巩固全国文明城区创建成果。\n二、2024年工作打算\n" \
           "积极创建上海市卫生健康街道。巩固国家卫生区创建成果。\n"
    doc = document_from_text(text, "rel-test")
    got = {(r.subject, r.predicate, r.object): r for r in extract(doc).relations}
    sought = got.get(("某某街道", "receivedAward", "上海市卫生健康街道"))
    assert sought is not None and doc.sentences[sought.sentence].status == "planned"
    assert doc.sentences[sought.sentence].year == 2024
    assert not any(o in ("全国文明城区", "国家卫生区") for _, p, o in got if p == "receivedAward")  # kept, not sought


def test_relations_a_meeting_held_in_our_district_meets_in_the_place():
    head = "政 府 工 作 报 告\n——2014年2月19日在青松区第十四届人民代表大会第三次会议上\n现在,我代表青松区人民政府向大会作工作报告。"
    got = relations("做好各项准备。", title=head, plan="今年，自治区推动科学发展现场会将在我区召开，我们要以此为契机。")
    assert ("自治区推动科学发展现场会", "locatedIn", "青松区") in got, got
    got = relations("做好各项准备。", title=head, plan="今年，自治区推动科学发展现场会将在满洲里召开。")
    assert not any(p == "locatedIn" and o == "青松区" for _, p, o in got), got   # held elsewhere


def test_relations_award_of_a_district_goes_to_the_place():
    got = relations("第六次荣获全国科技进步考核先进县(区)称号。",
                    title="政 府 工 作 报 告\n——2014年2月19日在海拉尔区第十四届人民代表大会第三次会议上\n"
                          "现在,我代表海拉尔区人民政府向大会作工作报告。")
    assert ("海拉尔区", "receivedAward", "全国科技进步考核先进县(区)") in got


@pytest.mark.parametrize("body, expected", [
    ("在第二综合为老服务中心设立上海市首批老年心理关爱点。", ("老年心理关爱点", "locatedIn", "第二综合为老服务中心")),
    ("在合生居民区打造熊国瑞麦秆画工作室。", ("熊国瑞麦秆画工作室", "locatedIn", "合生居民区")),
    ("在象州路开展街面提升行动,更新店招店牌。", ("街面提升行动", "locatedIn", "象州路")),
    ("以“爱在山鑫”“约在东泉”为主题,分别在山鑫、东泉开展特色社区打造。", ("约在东泉", "locatedIn", "东泉")),
    ("伊敏河沿河景观改造工程全面实施。", ("伊敏河沿河景观改造工程", "locatedIn", "伊敏河")),
    ("东山组团建设全面铺开。东海写字楼主体封顶,红星美凯龙主力店项目开工建设。", ("东海写字楼", "locatedIn", "东山组团")),
    ("加快青松国际物流园区建设,确保云谷数据中心投入使用,农机采购中心、松山建材城等项目开工建设;做好搬迁承接工作。",
     ("松山建材城", "locatedIn", "青松国际物流园区")),
    ("青松国际物流园区云谷科技、松山牧机二期等项目开工建设,入驻企业达到8家。",
     ("松山牧机二期", "locatedIn", "青松国际物流园区")),
    ("加快青松核心商圈改造,确保华泰二期、天和商厦等项目投入运营。青松核心商圈人气旺。",
     ("天和商厦", "locatedIn", "青松核心商圈")),
])
def test_relations_located_in(body, expected):
    assert expected in relations(body)


@pytest.mark.parametrize("body, expected", [
    ("打造“爱心点名”行动2.0版。", ("爱心点名行动2.0版", "partOf", "爱心点名")),
    # every item of A、B等C, not only the one next to 等
    ("推进棚户区改造，非公产业园、幸福家园等棚户区改造项目进展顺利。", ("非公产业园", "partOf", "棚户区改造")),
    ("做好江东水资源优化配置工程（含龙山水库扩建）前期工作。", ("龙山水库扩建", "partOf", "江东水资源优化配置工程")),
])
def test_relations_part_of(body, expected):
    assert expected in relations(body)


def test_relations_a_counted_kind_is_part_of_what_counts_it():
    got = relations("全面推动“四防四卫”防控体系建设。提升社区“人防”效能。推进“技防”全覆盖。构建“物防”安全防线。")
    assert {("人防", "partOf", "四防四卫防控体系"), ("技防", "partOf", "四防四卫防控体系"),
            ("物防", "partOf", "四防四卫防控体系")} <= got


SUBDISTRICT_TOP = "某某街道办事处2023年工作报告\n一、2023年工作总结\n"
PROVINCE_TOP = "某某省人民政府工作报告\n一、2025年工作回顾\n"


@pytest.mark.parametrize("text, expected", [
    # “3”即A、B、C,“1”即D: the items a code's parts list
    (SUBDISTRICT_TOP + "完善“3+1”法治保障体系。\n名词解释\n1.“3+1”法治保障体系:“3”即重大行政决策法治评估机制、"
     "重大行政执法法制审核制度、办事处协议法治审核制度,“1”即司法所长、法律顾问列席街道决策会议制度。\n",
     {("重大行政执法法制审核制度", "partOf", "3+1法治保障体系"),
      ("司法所长、法律顾问列席街道决策会议制度", "partOf", "3+1法治保障体系")}),
    # “1”即…；“5”即…建立“某某联合体”: each part of a numbered code ends in what it sets up
    (PROVINCE_TOP + "“1+5+N”公共卫生体系初步成型。\n注释\n［8］1+5+N：\n“1”即省疾控中心，发挥龙头带动作用；"
     "“5”即依托5家市疾控中心，发挥区域辐射作用，探索建立“区域疾控联合体”；“N”即其他疾控机构。\n",
     {("区域疾控联合体", "partOf", "1+5+N")}),
    # “某某”:是某部为落实…建设某某平台…: the body makes the term and the platform it builds for it
    (SUBDISTRICT_TOP + "深化“一网协管”。\n名词解释\n1.“一网协管”:是交通运输部为落实有关要求,"
     "全面加快建设城市交通协同管理平台,推动的交通管理系统。\n",
     {("一网协管", "organizedBy", "交通运输部"), ("城市交通协同管理平台", "organizedBy", "交通运输部")}),
    # 由A和B联合实施: both bodies carry the term out
    (PROVINCE_TOP + "推进“双优计划”。\n注释\n3.“双优计划”：\n是“某某优质学校和专业建设计划”的简称，由教育部和财政部联合实施。\n",
     {("双优计划", "organizedBy", "教育部"), ("双优计划", "organizedBy", "财政部")}),
    # 包括“A”和“B”: the parts, quoted and joined by 和
    (PROVINCE_TOP + "推广数智化“链式改造”。\n注释\n8.“链式改造”：\n包括“供应链改造”和“产业链改造”。"
     "“供应链改造”是指由龙头企业建设数字化供应链。\n",
     {("供应链改造", "partOf", "链式改造"), ("产业链改造", "partOf", "链式改造")}),
])
def test_relations_from_glossary_definitions(text, expected):
    """What a glossary item's definition says of its term: its parts, and who makes or carries it out."""
    assert expected <= report_relations(text)


@pytest.mark.parametrize("body, expected", [
    ("开辟“骑士驿站”等一批服务阵地,为外卖小哥、货车司机等新就业群体解决痛点堵点问题。",
     [("骑士驿站", "targets", "外卖小哥"), ("骑士驿站", "targets", "新就业群体")]),
    ("开展燃气安全专项整治,对310户燃气用户开展专项检查。", [("燃气安全专项整治", "targets", "燃气用户")]),
    ("开展“天伦乐满堂 白首永相随”金婚夫妇摄影留念活动,共计为46对金婚夫妇拍照。",
     [("天伦乐满堂 白首永相随", "targets", "金婚夫妇")]),
    ("依托“暖心行动”等为老服务项目,提升老年居民获得感。", [("暖心行动", "targets", "老年居民")]),
    ("建立社区干部、环卫工人的生活补贴标准稳定增长机制。",
     [("生活补贴标准稳定增长机制", "targets", "社区干部"), ("生活补贴标准稳定增长机制", "targets", "环卫工人")]),
    # 临时救助制度 is never written whole: the rules read it where its start stands before 和
    ("不断完善临时救助和大病救助制度，重点关注城市三无人员、低保人员和农村五保人员等困难群体。",
     [("临时救助制度", "targets", "低保人员"), ("大病救助制度", "targets", "低保人员"),
      ("临时救助制度", "targets", "困难群体")]),  # the class after 等 is served as its members are
])
def test_relations_targets(body, expected):
    got = relations(body)
    for triple in expected:
        assert triple in got


@pytest.mark.parametrize("body, expected, absent", [
    # the nearest work before the clause that eases the group's need, not an item listed under it
    ("推进棚户区改造，加快幸福小区、金湖湾等项目的开发建设，进一步改善棚户区居民的居住条件。",
     {("棚户区改造", "targets", "棚户区居民")}, {("金湖湾", "targets", "棚户区居民")}),
    # a group whose lot 得到改善 after the works: every work joined in the clause before
    ("实施了农村危房改造工程和城市棚户区改造工程，2万多居民群众直接受益，城市困难群体的居住环境和生活质量得到明显改善。",
     {("农村危房改造工程", "targets", "城市困难群体"), ("城市棚户区改造工程", "targets", "城市困难群体")}, set()),
    # a need named without its group's works before it: nothing to read
    ("进一步改善棚户区居民的居住条件。", set(), {("棚户区改造", "targets", "棚户区居民")}),
])
def test_relations_targets_of_eased_needs(body, expected, absent):
    got = relations(body)
    assert expected <= got and not absent & got


@pytest.mark.parametrize("body, expected", [
    ("依托城运中心“一网统管”平台,坚持横向延伸、纵向到底的原则。", ("一网统管", "organizedBy", "城运中心")),
    ("双良集团集中供热项目完成投资8.3亿元。", ("双良集团集中供热项目", "organizedBy", "双良集团")),
    ("由区民政局牵头开展“暖心行动”。", ("暖心行动", "organizedBy", "区民政局")),   # what it leads follows
    ("“暖心行动”由区民政局组织实施。", ("暖心行动", "organizedBy", "区民政局")),   # 组织 here is its verb
])
def test_relations_organized_by(body, expected):
    subject, predicate, obj = expected
    assert any(s.startswith(subject) and p == predicate and o == obj for s, p, o in relations(body))


def test_relations_cities_listed_before_a_cue_each_hold_the_honour():
    """A province report names its cities bare (kg.gazetteer); every city listed before 入选 holds it."""
    got = relations("株洲、湘潭入选国家级中小企业数字化转型城市试点。", title=PROVINCE_HEAD)
    assert ("株洲", "receivedAward", "国家级中小企业数字化转型城市试点") in got
    assert ("湘潭", "receivedAward", "国家级中小企业数字化转型城市试点") in got


def test_relations_places_between_cue_and_honour_hold_it():
    """新创建某市某县、某市某物国家…示范区: the counties and cities named before 国家 hold the honour, the name
    starts at 国家, and a city directly before its county does not hold it too."""
    got = relations("新创建邵阳新宁、怀化黄桃国家地理标志保护示范区。", title=PROVINCE_HEAD)
    assert ("新宁", "receivedAward", "国家地理标志保护示范区") in got
    assert ("怀化", "receivedAward", "国家地理标志保护示范区") in got
    assert ("邵阳", "receivedAward", "国家地理标志保护示范区") not in got


def test_relations_part_of_from_a_bare_list_on_the_next_line():
    """A province glossary: the term on one line, its parts as a bare list (A、B、C。) on the next."""
    text = (PROVINCE_HEAD + "\n一、2025年工作回顾\n实施教育“三大行动”。\n二、2026年主要工作\n继续努力。\n注释\n"
            "［1］三大行动：\n城乡学前教育普惠提升行动、县域高中振兴攻坚行动、职业教育产教融合行动。\n")
    got = report_relations(text)
    assert {("城乡学前教育普惠提升行动", "partOf", "三大行动"), ("县域高中振兴攻坚行动", "partOf", "三大行动"),
            ("职业教育产教融合行动", "partOf", "三大行动")} <= got


def test_relations_a_pair_named_by_two_is_defined_by_its_two_parts():
    text = (PROVINCE_HEAD + "\n一、2025年工作回顾\n用好“两新”政策。\n二、2026年主要工作\n继续努力。\n注释\n"
            "［1］两新：大规模设备更新和消费品以旧换新。\n")
    extraction = extract(document_from_text(text, "gl"))
    got = {(r.subject, r.predicate, r.object) for r in extraction.relations}
    assert {("大规模设备更新", "partOf", "两新"), ("消费品以旧换新", "partOf", "两新")} <= got
    assert {"大规模设备更新", "消费品以旧换新"} <= {e.name for e in extraction.entities if e.type == "Program"}


def test_relations_each_listed_holder_gets_its_own_honour():
    got = relations("株洲、湘潭分别入选全国首批美丽城市先行区、美丽乡村先行区。", title=PROVINCE_HEAD)
    assert ("株洲", "receivedAward", "全国首批美丽城市先行区") in got
    assert ("湘潭", "receivedAward", "美丽乡村先行区") in got
    assert ("株洲", "receivedAward", "美丽乡村先行区") not in got


def test_relations_a_quoted_name_right_before_the_cue_holds_the_honour():
    got = relations("“湘江一号”获评国家首批卓越级智能工厂、二期工程投产。", title=PROVINCE_HEAD)
    assert ("湘江一号", "receivedAward", "国家首批卓越级智能工厂") in got


@pytest.mark.parametrize("body, expected", [
    ("江城综保区进入全国A类综保区行列。", ("江城综保区", "receivedAward", "全国A类综保区")),
    ("江城大学进入软科中国大学排名百强。", ("江城大学", "receivedAward", "软科中国大学排名百强")),
])
def test_relations_joining_a_national_rank_is_an_honour(body, expected):
    assert expected in relations(body, title=PROVINCE_HEAD)


def test_relations_a_site_named_after_a_city_stands_in_it():
    got = relations("株洲、湘潭入选国家级中小企业数字化转型城市试点。株洲火车站改造完成。", title=PROVINCE_HEAD)
    assert ("株洲火车站", "locatedIn", "株洲") in got


def test_relations_every_district_honoured_means_the_place_is():
    assert ("江城市", "receivedAward", "全国双拥模范城") in relations("16个区均被评为全国双拥模范城。", title=CITY_HEAD)
    assert not any(p == "receivedAward" for _, p, _ in relations("3家企业荣获省级专精特新称号。", title=CITY_HEAD))


def test_relations_a_standing_at_the_top_is_an_honour():
    got = relations("江城连续5年稳居某某指数-创新城市全球榜首。", title=CITY_HEAD)
    assert ("江城市", "receivedAward", "某某指数-创新城市全球榜首") in got


def test_relations_a_body_named_after_a_city_stands_in_it_but_not_its_organs():
    got = relations("支持长沙、株洲发展。加快筹设株洲海洋大学，株洲市委统筹推进。", title=PROVINCE_HEAD)
    assert ("株洲海洋大学", "locatedIn", "株洲") in got
    assert not any(s == "株洲市委" and p == "locatedIn" for s, p, _ in got)


@pytest.mark.parametrize("body, expected", [
    ("“百万英才汇三湘”行动吸纳超110万名高校毕业生在湘就业。", ("百万英才汇三湘行动", "targets", "高校毕业生")),
    ("鼓励支持灵活就业人员、新就业形态人员参加城乡居民基本养老保险制度。",
     ("城乡居民基本养老保险制度", "targets", "新就业形态人员")),
])
def test_relations_targets_taken_in_or_joining(body, expected):
    assert expected in relations(body, title=PROVINCE_HEAD)


def test_relations_a_province_heading_does_not_target_every_group_below_it():
    body = "健全城乡医疗救助体系。做好对孤寡老人、困境儿童、残疾人的救助。"
    district = ("政府工作报告\n——2014年2月19日在海拉尔区第十四届人民代表大会第三次会议上\n"
                "现在,我代表海拉尔区人民政府向大会作工作报告。")
    assert ("城乡医疗救助体系", "targets", "残疾人") in relations(body, title=district)
    assert not any(s == "城乡医疗救助体系" and p == "targets" for s, p, _ in relations(body, title=PROVINCE_HEAD))


def test_relations_works_on_a_numbered_road_stand_on_it_and_a_bay_is_not_its_district():
    got = relations("推进G98环岛高速提档扩容工程建设。加快株洲湾国家实验室建设，支持株洲发展。", title=PROVINCE_HEAD)
    assert ("G98环岛高速提档扩容工程", "locatedIn", "G98环岛高速") in got
    assert ("株洲湾国家实验室", "locatedIn", "株洲") not in got


def test_relations_a_city_zone_named_by_common_words_holds_what_is_built_in_it():
    got = relations("服务保障中央政务功能，实施核心区环境品质提升三年行动。", title=CITY_HEAD)
    assert ("核心区环境品质提升三年行动", "locatedIn", "核心区") in got
    assert not any(o == "核心区" for _, _, o in relations("推进江城科技园核心区环境提升行动。", title=CITY_HEAD))


@pytest.mark.parametrize("body, title, expected", [
    ("东五环入地改造工程建成通车。", CITY_HEAD,
     ("东五环入地改造工程", "locatedIn", "东五环")),
    ("推进湖南警察学院二期建设。", PROVINCE_HEAD,
     ("湖南警察学院二期", "partOf", "湖南警察学院")),
    ("办好岳麓亚洲论坛年会。", PROVINCE_HEAD,
     ("岳麓亚洲论坛年会", "organizedBy", "岳麓亚洲论坛")),
    ("建立外资企业圆桌会议制度，支持民营企业发展壮大。", PROVINCE_HEAD,
     ("外资企业圆桌会议制度", "targets", "外资企业")),
    ("推进白鹭峡水库、青竹水库扩建等工程建设。", PROVINCE_HEAD,
     ("青竹水库扩建", "locatedIn", "青竹水库")),
    ("深化粤港澳大湾区合作，用好大湾区国家技术创新中心。", PROVINCE_HEAD,
     ("大湾区国家技术创新中心", "locatedIn", "粤港澳大湾区")),
])
def test_relations_written_into_names_of_city_and_province_works(body, title, expected):
    """Works on a road or a reservoir stand on it, a phase is part of its college, a forum holds its meeting,
    a round table serves the firms it names, a site named after a region by its short form stands in it."""
    assert expected in relations(body, title=title)


def test_relations_a_firm_builds_the_works_named_after_it():
    got = relations("南电2×35万千瓦热电联产、华泰啤酒公司迁址新建等项目前期工作扎实推进。")
    assert ("南电2×35万千瓦热电联产", "organizedBy", "南电") in got
    assert ("华泰啤酒公司迁址新建", "organizedBy", "华泰啤酒公司") in got


def test_relations_a_place_opening_a_longer_name_holds_no_honour():
    got = relations("松江集团、广东控股跻身中国企业500强。", title=PROVINCE_HEAD)
    assert ("松江集团", "receivedAward", "中国企业500强") in got
    assert not any(p == "receivedAward" and s == "广东" for s, p, _ in got)


def test_relations_an_elided_list_item_has_its_evidence_and_its_place():
    """方舟、秀水社区…站: 方舟社区…站 is never spelled out whole, yet it carries the sentence it came from
    (so its status and year) and is located in its community like the item spelled out."""
    text = "某某街道办事处2023年工作报告\n一、2023年工作总结\n建成方舟、秀水社区老年日间照料服务站。\n二、2024年工作打算\n继续努力。\n"
    ex = extract(document_from_text(text, "elided"))
    station = next(e for e in ex.entities if e.name == "方舟社区老年日间照料服务站")
    assert not station.mentions and [ex.document.sentences[i].text for i in station.sentences()] == [
        "建成方舟、秀水社区老年日间照料服务站。"]
    assert station.statuses(ex.document) == ["achieved"] and station.years(ex.document) == [2023]
    got = {(r.subject, r.predicate, r.object) for r in ex.relations}
    assert {("方舟社区老年日间照料服务站", "locatedIn", "方舟社区"),
            ("秀水社区老年日间照料服务站", "locatedIn", "秀水社区")} <= got


def test_relations_a_site_named_after_its_community_or_town_stands_in_it():
    got = relations("建成正阳社区文体活动中心和哈克镇客运站。", title="某某区2015年政府工作报告")
    assert {("正阳社区文体活动中心", "locatedIn", "正阳社区"), ("哈克镇客运站", "locatedIn", "哈克镇")} <= got
    got = relations("建成新农村服务中心和各社区卫生服务站。", title="某某区2015年政府工作报告")
    assert not any(p == "locatedIn" for _, p, _ in got)


@pytest.mark.parametrize("body, expected", [
    ("国际红树林中心正式落户江湾新区。", ("国际红树林中心", "locatedIn", "江湾新区")),
    ("一汽大众4S店入驻江城国际汽车产业园。", ("一汽大众4S店", "locatedIn", "江城国际汽车产业园")),
    ("服务保障中化集团、华能集团等一批中央企业迁入雄安新区。", ("中化集团", "locatedIn", "雄安新区")),
    ("服务保障中化集团、华能集团等一批中央企业迁入雄安新区。", ("华能集团", "locatedIn", "雄安新区")),
    ("推动首旅集团等市属国企迁入通州区。", ("首旅集团", "locatedIn", "通州区")),
])
def test_relations_what_settles_in_a_place_stands_in_it(body, expected):
    assert expected in relations(body, title=CITY_HEAD)


def test_relations_a_zone_built_opens_on_the_works_inside_it():
    """某某产业园项目扎实推进，A、B等工程主体完工: the clause after a zone's works names the sites in it."""
    district = "江北区人民政府工作报告\n——2014年1月10日在江北区第八届人民代表大会第三次会议上"
    got = relations("北湖文化创意产业园项目扎实推进，主题酒店、文化交流中心等工程主体完工。", title=district)
    assert {("主题酒店", "locatedIn", "北湖文化创意产业园"), ("文化交流中心", "locatedIn", "北湖文化创意产业园")} <= got


def test_relations_a_site_named_after_a_division_above_the_report_is_not_placed_by_its_name():
    """A county names its theatres and banks after its city (某市歌剧院): a brand, not a site in the city. A
    site named after a town of the county is in it."""
    county = "阿荣旗人民政府工作报告\n——2014年1月10日在阿荣旗第八届人民代表大会第三次会议上"
    got = relations("积极融入呼伦贝尔城市发展，呼伦贝尔歌剧院投入运营，太平镇客运站建成。", title=county)
    assert not any(s == "呼伦贝尔歌剧院" and p == "locatedIn" for s, p, _ in got)
    assert ("太平镇客运站", "locatedIn", "太平镇") in got


def test_relations_a_group_counted_as_the_people_served_is_named_by_its_head_alone():
    """实施某某政策、惠及168万名儿童: 儿童 alone is a kind of people elsewhere, here the group the policy serves."""
    got = relations("实施学前一年免费教育政策、惠及168万名儿童。", title=PROVINCE_HEAD)
    assert ("学前一年免费教育政策", "targets", "儿童") in got
    assert not any(o == "儿童" for _, _, o in relations("儿童是祖国的未来，学前一年免费教育政策全面实施。",
                                                        title=PROVINCE_HEAD))


@pytest.mark.parametrize("body, expected, absent", [
    # the service provided is a programme, and serves every group listed between 为 and 提供
    ("为孕产妇、0—6岁儿童、65岁以上老年人以及高血压、慢阻肺病患者等重点人群提供连续健康管理服务。",
     {("连续健康管理服务", "targets", "孕产妇"), ("连续健康管理服务", "targets", "65岁以上老年人"),
      ("连续健康管理服务", "targets", "慢阻肺病患者")}, set()),
    ("为超53万名适龄妇女免费提供乳腺癌和宫颈癌筛查。", {("乳腺癌和宫颈癌筛查", "targets", "适龄妇女")}, set()),
    # a kind of service (更多, 便捷) or one described (…的某某服务) names none
    ("为老年人提供更多便捷服务。", set(), {("更多便捷服务", "targets", "老年人")}),
])
def test_relations_a_service_provided_to_groups_serves_them(body, expected, absent):
    got = relations(body, title=PROVINCE_HEAD)
    assert expected <= got and not absent & got


def test_relations_each_pairs_from_the_end_when_the_first_holder_is_unnamed():
    """甲和乙分别晋升为A和B: where only 乙 is named, it takes the last honour, not the first."""
    got = relations("青城古镇和北湖园区分别晋升为国家3A和4A级旅游景区。", title=PROVINCE_HEAD)
    held = {(s, o) for s, p, o in got if p == "receivedAward"}
    assert ("北湖园区", "国家4A级旅游景区") in held and ("北湖园区", "国家3A级旅游景区") not in held


def test_relations_a_project_is_run_by_the_firm_named_shortest():
    """某某集团某某项目 where the report names both 某某 and 某某集团: one firm runs it, by its short name."""
    got = relations("引进沈煤、大唐等企业。沈煤集团煤炭转化、大唐集团风电二期等项目开工建设。", title=PROVINCE_HEAD)
    assert {o for s, p, o in got if p == "organizedBy" and s == "沈煤集团煤炭转化"} == {"沈煤"}


@pytest.mark.parametrize("body, inside, outside", [
    # 确保…, 力争… and bare lists stay with the zone the sentence opens on
    ("加快北湖国际物流园区建设，确保宏图数据中心建成，工业品采购中心、五金机电建材城等项目开工建设。",
     ("五金机电建材城", "北湖国际物流园区"), None),
    # a clause with a task of its own (推动…) leaves the zone
    ("加快北湖文化创意产业园建设步伐，推动抗战纪念园二期工程，实施北湖古城提档升级工作。",
     None, ("抗战纪念园二期工程", "北湖文化创意产业园")),
])
def test_relations_a_zones_sentence_holds_its_sites_until_a_new_task(body, inside, outside):
    district = "江北区人民政府工作报告\n——2014年1月10日在江北区第八届人民代表大会第三次会议上"
    got = {(s, o) for s, p, o in relations(body, title=district) if p == "locatedIn"}
    assert inside is None or inside in got
    assert outside is None or outside not in got


def test_relations_a_grade_of_a_kind_of_site_goes_to_the_site_of_that_kind():
    got = relations("成绩显著。", title="某某区人民政府工作报告", plan="启动区医院扩建工程，力争年内晋升为二级甲等医院。")
    assert ("区医院", "receivedAward", "二级甲等医院") in got
    assert not any(p == "receivedAward" and s != "区医院" for s, p, _ in got)


def test_relations_a_graded_zone_sought_is_an_honour_for_the_site_that_seeks_it():
    got = relations("成绩显著。", title=PROVINCE_HEAD, plan="支持甲乙科技城创建国家级高新区。")
    assert ("甲乙科技城", "receivedAward", "国家级高新区") in got


def test_relations_a_site_named_after_its_zone_stands_in_it_by_its_whole_or_short_name():
    got = relations("推进黑羊站水厂二期、东山组团第二水源地等项目的前期工作。启动西山生态景观区规划，完成景观区一期绿化工程。",
                    title="某某区人民政府工作报告")
    assert ("东山组团第二水源地", "locatedIn", "东山组团") in got
    assert ("景观区一期绿化工程", "locatedIn", "西山生态景观区") in got


def test_relations_a_community_named_before_its_honour_holds_it():
    """某某社区获评…: the community holds the honour (社区 alone is no head: 城市社区 is a kind, and holds nothing)."""
    got = relations("北湖社区获评“全国民主法治示范社区”。城市社区获评先进。")
    assert ("北湖社区", "receivedAward", "全国民主法治示范社区") in got
    assert not any(s == "城市社区" for s, _, _ in got)


@pytest.mark.parametrize("body, expected", [
    ("永安社区建立了社区居家养老服务日间照料中心。", ("日间照料中心", "locatedIn", "永安社区")),
    ("山鑫居民区先后建成乐龄家园服务站。", ("乐龄家园服务站", "locatedIn", "山鑫居民区")),
])
def test_relations_a_community_builds_a_site_within_itself(body, expected):
    assert expected in relations(body)


def test_relations_works_named_after_listed_areas_stand_in_each():
    got = relations("实施五金、伊敏等77个老旧小区排污管网,建华等7个小区的节能改造,完成29条背街巷道改造。",
                    title="某某区人民政府工作报告")
    assert {("老旧小区排污管网", "locatedIn", "五金"), ("老旧小区排污管网", "locatedIn", "伊敏"),
            ("节能改造", "locatedIn", "建华")} <= got


def test_relations_a_title_only_one_holds_is_an_honour_of_who_became_it():
    got = relations("成功举办冬奥盛会,江城市成为全球唯一的双奥之城。", title=CITY_HEAD)
    assert ("江城市", "receivedAward", "双奥之城") in got
    unnamed = relations("某某新材料成为首个千亿级先进制造业产业集群。", title=PROVINCE_HEAD)
    assert not any(p == "receivedAward" for _, p, _ in unnamed), unnamed


def test_relations_this_community_holds_the_honours_of_its_sentence():
    got = relations("东兴社区位于县城中心地带,辖4个小区。自成立以来,该社区先后获得“全国敬老模范社区”、"
                    "“全国职工书屋示范点”等30多项荣誉称号。")
    assert {("东兴社区", "receivedAward", "全国敬老模范社区"), ("东兴社区", "receivedAward", "全国职工书屋示范点")} <= got
    assert not any(s == "某某街道" and p == "receivedAward" for s, p, _ in got), got


def test_relations_a_province_named_as_a_scope_holds_no_honour():
    """我县被评为全国15个、某省唯一的“…”: the county holds the title; the province is where it is the only one."""
    text = ("政府工作报告\n（2010年3月24日在江城县第十三届人民代表大会第五次会议上）\n各位代表：\n"
            "现在，我代表县人民政府向大会作政府工作报告。\n2009年工作回顾\n"
            "▲我县被评为全国15个、广东省唯一的“最具客家风情旅游目的地”。\n")
    got = report_relations(text)
    assert ("江城县", "receivedAward", "最具客家风情旅游目的地") in got
    assert not any(s == "广东省" for s, p, _ in got if p == "receivedAward")


def test_relations_works_done_in_listed_estates_stand_in_each():
    """推进甲公寓、乙园等3个老旧小区改造: the renewal stands in every estate listed."""
    got = relations("推进华庭公寓、东湖明园等3个老旧小区改造。")
    assert ("老旧小区改造", "locatedIn", "东湖明园") in got


def test_relations_a_site_certified_or_a_county_listed_holds_the_title():
    """甲基地被认定为国家级某某基地; 列入全国某某试点县: the site or the reporting county holds it."""
    text = ("2020年江城县政府工作报告\n现在，我代表县人民政府向大会报告工作。\n一、2019年工作回顾\n"
            "陶瓷产业基地被认定为国家级外贸转型升级基地。成为国家农产品质量安全县，列入全国森林康养基地。\n")
    got = report_relations(text)
    assert ("陶瓷产业基地", "receivedAward", "国家级外贸转型升级基地") in got
    assert {("江城县", "receivedAward", "国家农产品质量安全县"), ("江城县", "receivedAward", "全国森林康养基地")} <= got


def test_relations_a_government_is_not_located_by_its_name_and_a_first_title_is_the_title():
    """某某区政府 governs its district, no site in it; 成为全国首个某某示范园区: the park holds the title (its
    first holder), named as the title is."""
    got = relations("建桥园区成为全国首个国家级服务业标准化示范园区。", title="青河区2012年政府工作报告")
    assert ("建桥园区", "receivedAward", "国家级服务业标准化示范园区") in got, got
    assert not any(p == "locatedIn" and s.endswith("政府") for s, p, o in got), got


def test_relations_this_project_stands_where_the_sentence_places_it():
    """（一）某某项目：该项目位于我镇某村…: the project named last (in the sentence, else the one before) is in the
    village 该项目位于 names, not in the town 我镇 stands for."""
    got = report_relations("青河镇人民政府2023年工作计划\n一、2023年工作计划\n（一）青安净菜加工项目：该项目位于我镇白水村，"
                           "总投资120万元。\n（二）建设青湾冷链物流中心。该项目位于我镇东塘村，占地10亩。\n")
    assert ("青安净菜加工项目", "locatedIn", "白水村") in got
    assert ("青湾冷链物流中心", "locatedIn", "东塘村") in got
    assert not {r for r in got if r[2] == "青河镇" and r[1] == "locatedIn"}


def test_relations_a_title_only_a_firm_holds_is_not_the_reporting_place_s():
    """青禾科技获评省“专精特新企业” (an unnamed firm): the title is a firm's, so the district, the holder when a
    clause names none, does not hold it; a named firm holding one (…等3家企业获评) still does."""
    text = ("2022年青河区政府工作报告\n现在，我代表区人民政府向大会报告工作。\n一、2021年工作回顾\n"
            "青禾科技获评省“专精特新企业”，冻梨在线获评省互联网企业50强。获评国家生态文明建设示范区。\n")
    got = report_relations(text)
    assert not {r for r in got if r[0] == "青河区" and r[2].endswith(("企业", "50强"))}, got
    assert ("青河区", "receivedAward", "国家生态文明建设示范区") in got, got
