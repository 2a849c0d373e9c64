"""Stage 4: entities and glossary definitions from real sentences of the genre; scores on the gold reports."""
import pathlib

import pytest

from kg.evaluate import evaluate_dirs
from kg.extract import extract, glossary_term_name, sentence_candidates
from kg.models import Sentence
from kg.pipeline import document_from_text, load_document
from kg.tsv import write_extraction

from conftest import CITY_HEAD, DATA, GOLD, HAILAER_2014, PROVINCE_HEAD, SAMPLE, level_report

REPORTS = DATA / "reports"


def found(text: str, level: str = "subdistrict") -> dict[str, str]:
    """Name → type of the candidates one sentence yields."""
    sentence = Sentence(index=0, text=text, start=0, end=len(text), part=1, section=None, paragraph=0)
    cands, _ = sentence_candidates(sentence, level)
    return {c.name: c.type for c in cands}


def assert_found(text: str, expected: dict[str, str], absent: tuple[str, ...] = (), level: str = "subdistrict") -> None:
    """Every expected name found with its type, none of the absent ones found."""
    got = found(text, level)
    for name, typ in expected.items():
        assert got.get(name) == typ, (name, got)
    assert not set(absent) & set(got), got


def report(body: str) -> str:
    return f"一、2023年工作总结\n{body}\n二、2024年工作打算\n继续努力。\n"


@pytest.mark.parametrize("text, expected, absent", [
    ("打造“啄木鸟”法治体检品牌,编撰企业“法治体检”实操手册",
     {"啄木鸟": "Brand", "法治体检实操手册": "PolicyDocument"}, ()),
    ("持续深化“孝”“爱”“智”“安”行动", {"孝爱智安行动": "Program"}, ("孝", "爱")),
    ("切实把街道的“功能”补起来、“颜值”提上来、“气质”显出来", {}, ("功能", "颜值", "气质")),
    ("坚持用政府“紧日子”保障人民“好日子”", {}, ("紧日子", "好日子")),
    ("开辟“骑士驿站”等一批服务阵地", {"骑士驿站": "Facility"}, ()),
    ("以“爱在山鑫”“约在东泉”为主题,分别在山鑫、东泉开展特色社区打造",
     {"爱在山鑫": "Program", "约在东泉": "Program", "山鑫": "ResidentialArea", "东泉": "ResidentialArea"}, ()),
    ("深入践行“人民城市”重要理念", {"人民城市": "Concept"}, ()),
    ("“衔石填海 崇德向善”的社区精神得到进一步发扬", {"衔石填海 崇德向善": "Concept"}, ()),
    ("多措并举推进“一网通办”,业务总量居全区前列", {"一网通办": "Mechanism"}, ()),
    ("加快推进“百姓安居工程”", {"百姓安居工程": "Program"}, ()),
    ("推动居民区社工窗口办理能力由“单一型”向“全能型”发展", {}, ("单一型", "全能型")),
])
def test_extract_quotes_names_versus_emphasis(text, expected, absent):
    assert_found(text, expected, absent)


@pytest.mark.parametrize("text, expected", [
    ("持续完善居委会“8+3”错时工作制", ("8+3错时工作制", "Mechanism", "居委会8+3错时工作制")),
    ("推广信访工作“六步法”,提高初信初访化解率", ("信访工作六步法", "Mechanism", "六步法")),
    ("建立滨海“骑手联盟”,凝聚新兴行业力量", ("滨海骑手联盟", "Organization", "骑手联盟")),
    ("打造“爱心点名”行动2.0版", ("爱心点名行动2.0版", "Program", None)),
    ("实施科技成果转化“先投后股”模式", ("先投后股模式", "Mechanism", "科技成果转化先投后股模式")),  # noun + verb
    ("首创全域“禁塑”制度体系", ("禁塑制度体系", "Mechanism", "全域禁塑制度体系")),  # 首创 is a verb, no qualifier
])
def test_extract_quotes_keep_qualifiers(text, expected):
    sentence = Sentence(index=0, text=text, start=0, end=len(text), part=1, section=None, paragraph=0)
    cands, _ = sentence_candidates(sentence)
    name, typ, alias = expected
    hit = next(c for c in cands if c.name == name)
    assert hit.type == typ
    assert alias is None or alias in hit.aliases


@pytest.mark.parametrize("text, expected", [
    ("在合生居民区打造熊国瑞麦秆画工作室",
     {"合生居民区": "ResidentialArea", "熊国瑞麦秆画工作室": "Facility", "熊国瑞": "Person"}),
    ("推动辰凯卫生服务站搬迁", {"辰凯卫生服务站": "Facility"}),
    ("组建江南国际海洋研究中心", {"江南国际海洋研究中心": "Organization"}),  # a research body, not a site
    ("在新城路与合浦路交叉口布局105个智慧停车服务泊位", {"新城路": "Place", "合浦路": "Place"}),
    ("创新成立房产中介联盟、滨海骑手联盟", {"房产中介联盟": "Organization", "滨海骑手联盟": "Organization"}),
    ("为外卖小哥、货车司机等新就业群体解决痛点堵点问题",
     {"外卖小哥": "TargetGroup", "货车司机": "TargetGroup", "新就业群体": "TargetGroup"}),
    ("实现党建网格与河长制、林长制、街长制等各条线网格的融合",
     {"河长制": "Mechanism", "林长制": "Mechanism", "街长制": "Mechanism"}),
    ("东海写字楼、区国税局综合业务用房主体封顶",
     {"东海写字楼": "Facility", "区国税局综合业务用房": "Facility", "区国税局": "Organization"}),
    ("大唐700万吨露天矿项目已进入国家核准程序", {"大唐700万吨露天矿项目": "Program"}),
    ("推进奋斗镇新镇区和哈克镇滨河新区建设", {"奋斗镇新镇区": "Place", "哈克镇滨河新区": "Place"}),
    ("严格落实中央八项规定及其实施细则精神", {"中央八项规定": "PolicyDocument"}),
    ("坚持以习近平新时代中国特色社会主义思想为指导,全面贯彻落实党的二十大精神",
     {"习近平新时代中国特色社会主义思想": "Concept", "党的二十大精神": "Concept"}),
    ("深入学习贯彻党的二十大精神和习近平总书记系列重要讲话", {"习近平": "Person"}),
    ("在区委、区政府和街道党工委的坚强领导下",
     {"区委": "Organization", "区政府": "Organization", "街道党工委": "Organization"}),
    ("贯彻实施民营经济促进法和民法典", {"民营经济促进法": "PolicyDocument", "民法典": "PolicyDocument"}),
    ("积极申请加入数字经济伙伴关系协定,推动缩减跨境服务贸易负面清单",
     {"数字经济伙伴关系协定": "PolicyDocument", "跨境服务贸易负面清单": "PolicyDocument"}),
])
def test_extract_unquoted_names_by_head(text, expected):
    assert_found(text, expected)


@pytest.mark.parametrize("text, absent", [
    ("完善睦邻中心布局,用好综合为老服务中心等阵地资源", ("服务中心", "用好综合为老服务中心")),
    ("启动楼组会客厅打造、特色楼组创建等9个社区治理项目", ("社区治理项目",)),
    ("新建4个助餐点,助餐点总数达到16个", ("4个助餐点",)),
    ("我代表海拉尔区人民政府向大会作工作报告", ("代表海拉尔区人民政府",)),
    ("提高有研发活动企业的比例,依法打击各类违法犯罪活动", ("有研发活动", "违法犯罪活动")),
])
def test_extract_unquoted_classes_are_not_names(text, absent):
    got = found(text)
    for name in absent:
        assert name not in got


@pytest.mark.parametrize("text, expected", [
    ("在合浦、十村等居民区增设创意墙绘", {"合浦": "ResidentialArea", "十村": "ResidentialArea"}),
    ("在一村等6个小区见缝插针新建37个新能源汽车充电桩", {"一村": "ResidentialArea"}),
    ("哈克、团结等3处遗址被列为国家级重点文物保护单位",
     {"哈克遗址": "Place", "团结遗址": "Place", "国家级重点文物保护单位": "Award"}),
    ("不断完善临时救助和大病救助制度", {"临时救助制度": "Mechanism", "大病救助制度": "Mechanism"}),
    ("重点建设麦秆画和龙头风筝非遗文化品牌、市民修身行动品牌", {"麦秆画": "Brand", "龙头风筝": "Brand"}),
    ("对东出口、西出口、立交桥等区域进行环境综合整治", {"东出口": "Place", "西出口": "Place", "立交桥": "Place"}),
    ("抓好市场周边、背街巷道等区域的环境卫生", {"背街巷道": "Place"}),
    ("聚焦金卫三组等重点区域推进环境综合整治", {"金卫三组": "ResidentialArea"}),
    ("开通伊尔库茨克、乌兰乌德等国际航线", {"伊尔库茨克": "Place", "乌兰乌德": "Place"}),
    ("加快世纪天伦、嘉世豪等酒店星级创评工作", {"世纪天伦": "Facility", "嘉世豪": "Facility"}),
])
def test_extract_coordination_and_ellipsis(text, expected):
    """Items listed before 等 and a class word (居民区, 区域, 航线, 酒店) take the class's type; a village
    group (某某三组) stays a residential area; a one-character 'verb' jieba reads in the first item
    (背|街巷) is part of it."""
    assert_found(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("深化土地要素市场化配置综合改革试点", {"土地要素市场化配置综合改革试点": "Program"}),
    ("健全常态化防止规模性返贫机制", {"常态化防止规模性返贫机制": "Mechanism"}),
    ("引导群众参与志愿服务活动", {"志愿服务活动": "Program"}),
    ("实施重点产业集群壮大提升行动", {"重点产业集群壮大提升行动": "Program"}),
    ("实施国企改革深化提升行动", {"国企改革深化提升行动": "Program"}),
    ("扎实开展党纪学习教育、深入贯彻中央八项规定精神学习教育",
     {"党纪学习教育": "Program", "深入贯彻中央八项规定精神学习教育": "Program", "中央八项规定": "PolicyDocument"}),
])
def test_extract_names_run_across_their_own_verb(text, expected):
    """A verb inside a campaign's name (某某配置某某试点) does not cut it; a clause's verb still does."""
    assert_found(text, expected)


@pytest.mark.parametrize("text, expected, absent", [
    ("加快苏浙、沪浙、皖浙合作产业园建设",
     {"苏浙合作产业园": "Place", "沪浙合作产业园": "Place", "皖浙合作产业园": "Place"}, ()),
    ("创新成立房产中介联盟、滨海骑手联盟", {}, ("联盟骑手联盟",)),
    ("东风、向阳社区老年日间照料服务站投入使用",
     {"东风社区老年日间照料服务站": "Facility", "向阳社区老年日间照料服务站": "Facility",
      "东风社区": "ResidentialArea", "向阳社区": "ResidentialArea"}, ()),
    ("精心筹办世界田径锦标赛等国际赛事和北京马拉松等群众体育活动",  # the words after 等 name a class
     {"世界田径锦标赛": "Program", "北京马拉松": "Program"}, ("国际赛事马拉松",)),
    # the patients of each illness listed before 患者; a group already named (老年人) ends the list
    ("为65岁以上老年人以及高血压、2型糖尿病、慢阻肺病患者提供健康管理服务",
     {"高血压患者": "TargetGroup", "2型糖尿病患者": "TargetGroup", "慢阻肺病患者": "TargetGroup"},
     ("65岁以上老年人以及高血压患者", "以及高血压患者")),
    ("做好肺结核、艾滋病患者救治", {"肺结核患者": "TargetGroup", "艾滋病患者": "TargetGroup"}, ("做好肺结核患者",)),
])
def test_extract_listed_short_names_share_the_rest(text, expected, absent):
    """Places listed by short names share the last one's head (某浙、某浙合作产业园); the tail of a
    longer word before a 、 is no item."""
    assert_found(text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    ("红旗牧场三期、东山养殖基地扩建、南桥市场扩建等工程顺利推进",
     {"红旗牧场三期": "Program", "东山养殖基地扩建": "Program", "南桥市场扩建": "Program"}, ()),
    ("要加快某某集团300万吨焦化、某某公司5万吨啤酒二期等项目的推进", {"某某公司5万吨啤酒二期": "Program"}, ()),
    ("西门桥加固、城市绿化、亮化等工程按期完工", {"西门桥加固": "Program"}, ("城市绿化", "亮化")),
    ("三乐旅游铁路开工,建设旅游公路和市域铁路", {"三乐旅游铁路": "Place"}, ("旅游公路", "市域铁路")),
    ("产业基地220千伏变电站等项目进展顺利,新建3座变电站", {"产业基地220千伏变电站": "Facility"}, ("3座变电站",)),
    ("新星超市、百佳商场投入运营", {"新星超市": "Facility", "百佳商场": "Facility"}, ()),
    ("加快知名企业的入驻和商业品牌的引进", {}, ("商业",)),
    ("旧城区改造扎实推进", {"旧城区改造": "Program"}, ()),
    ("推进潮白河综合治理", {"潮白河综合治理": "Program", "潮白河": "Place"}, ()),
    ("5000平方米老旧小区改造、28条背街巷道改造等民生工程顺利完工",
     {"老旧小区改造": "Program", "背街巷道改造": "Program"}, ("28条背街巷道改造",)),
    ("成功举办雪原杯冰雪汽车拉力赛", {"雪原杯冰雪汽车拉力赛": "Program"}, ()),
    ("春季环境卫生会战成效明显", {"春季环境卫生会战": "Program"}, ()),
    ("免费开展新生儿疾病筛查", {"新生儿疾病筛查": "Program"}, ()),
    ("古纳河酒业二期、麦福劳公司综合技改、蒙西商品砼等项目全面完工",  # listed with works: projects too
     {"古纳河酒业二期": "Program", "麦福劳公司综合技改": "Program", "蒙西商品砼": "Program"}, ()),
    ("东山供热站、东山养殖基地扩建等工程顺利推进", {"东山供热站": "Facility"}, ()),  # its head types it
    ("加快推进青山2×35万千瓦热电联产、红河10万吨大麦芽二期等重点项目前期工作",
     {"青山2×35万千瓦热电联产": "Program", "红河10万吨大麦芽二期": "Program"}, ()),
    ("鼓励农民建设仓储设施,实施奋斗镇1.6万吨蔬菜仓储等项目", {"奋斗镇1.6万吨蔬菜仓储": "Program"}, ()),
    ("投资3500万元的二三级供水管网改造、龙泉小区供热改造等工程完工",
     {"二三级供水管网改造": "Program"}, ("3500万元的二三级供水管网改造",)),
])
def test_extract_works_named_by_site_and_deed(text, expected, absent):
    """Works named by their site and what is done to it (某桥加固, 某牧场三期), listed before 等工程, in a
    district report too; shops and rallies by their heads."""
    assert_found(text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    ("构建“1+3+N”［8］公共卫生体系", {"1+3+N公共卫生体系": "Mechanism"}, ("1+3+N［8］公共卫生体系",)),
    ("成功举办第十届全国农民运动会", {"第十届全国农民运动会": "Program"}, ("第十届全国农民运动",)),
    ("新增获某某科学奖3人", {"某某科学奖": "Award"}, ("某某科学奖3人",)),
    ("制定、修改、废止省政府规章45件", {"省政府": "Organization"}, ("废止省政府",)),
    ("成立并运行省政府咨询室", {}, ("运行省政府咨询室",)),
    ("打造中欧（江城）绿色数字创新合作区", {"中欧（江城）绿色数字创新合作区": "Place"}, ()),
    ("推进智能网联汽车车路云一体化应用试点", {}, ("智能网联汽车车路",)),
    ("江城、河城获批服务业扩大开放综合试点", {"服务业扩大开放综合试点": "Program"}, ("批服务业扩大开放综合试点",)),
    # how many sites (一条, 57座) and the verbs 做大 / 做强 open no name; a policy's count of articles does
    ("建设一条新农村服务中心", {"新农村服务中心": "Facility"}, ("一条新农村服务中心",)),
    ("改建57座新型公交候车站", {}, ("改建57座新型公交候车站", "新型公交候车站")),  # 57 of a kind: no name
    ("做大区域中心，做强物流园区", {}, ("做大区域中心",)),
    ("落实自治区28条规定", {"自治区28条规定": "PolicyDocument"}, ()),
    # a group's name may run to 12 characters; 在岗 is one word
    ("培养招录农村订单定向免费医学生超1000人", {"农村订单定向免费医学生": "TargetGroup"}, ("订单定向免费医学生",)),
    ("为全省在岗养老护理员发放补贴", {"养老护理员": "TargetGroup"}, ("岗养老护理员",)),  # 在岗: its standing (an alias)
    ("550万元呼伦社区文体馆项目基本完工", {"呼伦社区文体馆": "Facility"}, ("伦社区文体馆",)),  # 呼 is no measure word
    # 规范 and 清理 are what is done to a site; a campaign is named by them after its clause's verb
    ("规范政务服务中心的运行,清理超标办公用房", {"政务服务中心": "Facility"}, ("规范政务服务中心", "清理超标办公用房")),
    ("深入开展规范涉企行政执法专项行动", {"规范涉企行政执法专项行动": "Program"}, ("涉企行政执法专项行动",)),
    ("为困难残疾人发放生活补贴", {"困难残疾人": "TargetGroup"}, ("困难残疾人发放生活补贴",)),  # not across 发放
    ("配备生活所需的基本服务功能,建成司法所", {"司法所": "Organization"}, ("生活所",)),  # 所需: no office
    ("报告在南湖街道第三届居民代表会议上审议,为社区居民提供服务", {"社区居民": "TargetGroup"},
     ("南湖街道第三届居民",)),   # the residents' delegates, not a group served
])
def test_extract_name_edges(text, expected, absent):
    """A footnote's number is no part of a name; a head may cross a word edge (运动|会); a prize is not
    its count of winners; a verb before 省政府 is not part of the body."""
    assert_found(text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    ("被教育部确定为试点,向各民主党派、工商联征求意见", {"教育部": "Organization", "工商联": "Organization"}, ()),
    ("该平台是住房和城乡建设部为落实部署推出的", {"住房和城乡建设部": "Organization"}, ()),
    ("财政部门、区教育部门加强监管", {}, ("财政部", "教育部")),
    ("省人民医院绩效考核进入全国前列,省文化馆建成", {"省人民医院": "Facility", "省文化馆": "Facility"}, ()),
    ("成立全国首个营商环境建设厅,全国首个国际船舶登记管理局落地运行",
     {"营商环境建设厅": "Organization", "国际船舶登记管理局": "Organization"}, ()),
    ("江城莱茵应用科学大学成为全国首个独立办学机构", {"江城莱茵应用科学大学": "Organization"}, ()),
    ("连续四年赴香港发行地方政府债券,在服务大厅办理", {}, ("香港发行地方政府", "服务大厅")),
    ("自觉接受人大、政协和社会舆论的监督,向区人大常委会报告", {"人大": "Organization", "政协": "Organization",
                                                  "区人大常委会": "Organization"}, ()),
    ("认真办理人大代表建议和政协委员提案", {}, ("人大", "政协")),
    ("中国科学院江城材料科学与技术研究所挂牌成立,加强与高校合作研究院建设",
     {"中国科学院江城材料科学与技术研究所": "Organization"}, ("加强与高校合作研究院",)),
])
def test_extract_central_bodies_by_name(text, expected, absent):
    """Ministries and national bodies are named bodies, and so is the one body of the report's own level
    (省人民医院); 某某部门 is a kind of office."""
    assert_found(text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    ("以中国式现代化引领发展,推进江城式现代化", {"中国式现代化": "Concept", "江城式现代化": "Concept"}, ()),
    ("践行碧水蓝天就是幸福家园理念", {"碧水蓝天就是幸福家园": "Concept"}, ()),
    ("坚持以群众为中心的发展思想", {"以群众为中心的发展思想": "Concept"}, ()),
    ("主要任务就是抓好落实", {}, ("主要任务就是抓好落实",)),
    ("一村一策制定防御预案,推行一户一档", {"一村一策": "Mechanism", "一户一档": "Mechanism"}, ()),
    ("新增村村通、户户通广播电视300户", {"村村通": "Program", "户户通": "Program"}, ()),
    ("健全安全责任体系,完善分层分类社会救助体系", {"分层分类社会救助体系": "Mechanism"}, ("安全责任体系",)),
    ("一是联合港澳承办十五运会和残特奥会", {"十五运会": "Program", "残特奥会": "Program"}, ("港澳承办十五运会",)),
    ("深化与亚太经合组织合作,健全区级调解组织,发展农村集体经济组织", {"亚太经合组织": "Organization"},
     ("区级调解组织", "农村集体经济组织")),
    ("突出“大学习、大宣传、大落实”要求,从服务“对象、内容、流程”三方面升级",
     {"大学习、大宣传、大落实": "Concept"}, ("对象、内容、流程",)),
    ("实施新一轮禁毒专项行动,建立3个以上民间多边科技合作机制", {"禁毒专项行动": "Program"},
     ("新一轮禁毒专项行动", "3个以上民间多边科技合作机制")),
    ("实施好育儿补贴制度,健全完善风险监测和早期纠正机制,实施10万亩马铃薯种薯基地等项目",
     {"育儿补贴制度": "Mechanism", "风险监测和早期纠正机制": "Mechanism"},
     ("好育儿补贴制度", "完善风险监测和早期纠正机制", "10万亩马铃薯种薯基地")),
    ("建立突发公共事件预警和应急处置机制,建立外资企业圆桌会议制度和投诉工作机制",
     {"突发公共事件预警和应急处置机制": "Mechanism", "外资企业圆桌会议制度": "Mechanism"},
     ("外资企业圆桌会议制度和投诉工作机制",)),
    ("深入实施基础研究领先和某某技术攻坚行动,开展优化涉外服务提升某某环境行动,开展全市范围的安全检查行动",
     {"基础研究领先和某某技术攻坚行动": "Program", "优化涉外服务提升某某环境行动": "Program",
      "安全检查行动": "Program"}, ("全市范围的安全检查行动",)),
    ("坚持以马克思列宁主义、毛泽东思想、邓小平理论、科学发展观为指导,坚决整治形式主义、官僚主义",
     {"马克思列宁主义": "Concept", "毛泽东思想": "Concept", "邓小平理论": "Concept", "科学发展观": "Concept",
      "形式主义": "Concept", "官僚主义": "Concept"}, ("社会主义",)),
    ("实施科教兴区战略,推进依法治区,和自治区合作,建设民营经济强省",
     {"科教兴区": "Concept", "依法治区": "Concept", "民营经济强省": "Concept"}, ("和自治区", "经济强省")),
    ("建设美丽海拉尔,建设美丽家园", {"美丽海拉尔": "Concept"}, ("美丽家园",)),
    ("古纳河酒业二期投产,关停晨鸣公司3.5万吨造纸生产线,为1200人次就业困难人员发放补贴",
     {"古纳河酒业": "Organization", "晨鸣公司": "Organization", "就业困难人员": "TargetGroup"},
     ("关停晨鸣公司", "人次就业困难人员")),
    ("深入贯彻党的十八届三中、四中全会精神", {"党的十八届三中、四中全会精神": "Concept"}, ("十八届三中",)),
    ("成功举办第五届中国·江城国际农机展销会", {"第五届中国·江城国际农机展销会": "Program"}, ()),
    ("确保青松路小学教学楼、江城税务局综合楼投入使用,远山花苑住宅小区完工",
     {"青松路小学教学楼": "Facility", "江城税务局综合楼": "Facility", "远山花苑住宅小区": "ResidentialArea"}, ()),
    ("实施了30个民生保障和社会事业项目", {}, ("社会事业项目", "民生保障项目")),
    ("开通京唐快线,开行中欧班列,办好中国乒乓球大满贯",
     {"京唐快线": "Place", "中欧班列": "Program", "中国乒乓球大满贯": "Program"}, ()),
    ("以推动高质量发展为主题,以新型城镇化和城乡一体化为突破", {"高质量发展": "Concept", "新型城镇化": "Concept",
                                                  "城乡一体化": "Concept"}, ()),
    ("以美丽发展、科学崛起、共享繁荣为统领", {"美丽发展、科学崛起、共享繁荣": "Concept"}, ("美丽发展",)),
    ("以完善功能提升品位为目标,以保障和改善民生为根本", {}, ("功能提升品位", "改善民生")),
])
def test_extract_guiding_ideas_by_their_form(text, expected, absent):
    """某某式现代化, 以某某为中心的…思想 and slogans of two halves joined by 就是 are guiding ideas; so is what
    a plan is steered by (以某某为统领 / 主线 / 主题 / 突破), one idea per item, a slogan of three short
    phrases as one; tasks (以完善某某提升某某为目标) are none."""
    assert_found(text, expected, absent)


@pytest.mark.parametrize("text, expected", [
    ("共建上海-苏州科技园", {"上海-苏州科技园": "Place"}),
    ("打造广州—佛山科创走廊", {"广州—佛山科创走廊": "Place"}),
])
def test_extract_site_two_places_share(text, expected):
    """Two places joined by a dash name one site (a corridor, a park both run)."""
    assert_found(text, expected)


@pytest.mark.parametrize("text, awards, absent", [
    ("一年来,顺利通过上海市法治建设示范街道评审,城运中心荣获上海市热线系统立功竞赛工单办理地区组集体奖",
     ("上海市法治建设示范街道", "上海市热线系统立功竞赛工单办理地区组集体奖"), ()),
    ("柳城居民区成功创建为全国老年友好型社区", ("全国老年友好型社区",), ()),
    ("积极创建上海市卫生健康街道和上海市市容环境综合管理示范街道",
     ("上海市卫生健康街道", "上海市市容环境综合管理示范街道"), ()),
    ("辖区1家企业荣获国家级荣誉、3家企业荣获市级荣誉", (), ("国家级荣誉", "市级荣誉")),
    ("第六次荣获全国科技进步考核先进县(区)称号,被自治区政府授予重点区域绿化先进单位",
     ("全国科技进步考核先进县(区)", "重点区域绿化先进单位"), ()),
    ("被市政府授予2011年度全市财政收入贡献一等奖、城镇建设一等奖、“五个一”工程推进二等奖",
     ("全市财政收入贡献一等奖", "城镇建设一等奖", "五个一工程推进二等奖"), ()),
    ("《春之声》、《山水谣》获群文新作奖", ("群文新作奖",), ("《山水谣》获群文新作奖",)),
    ("连续三年获得国家某某攻坚战成效考核优秀等次,获全国职业院校技能大赛金牌12项",
     ("国家某某攻坚战成效考核优秀等次", "全国职业院校技能大赛金牌"), ("全国职业院校技能大赛金牌12项",)),
    ("年度考核获得优秀等次", (), ("优秀等次",)),
    ("连续五次荣获“全国科技进步考核先进县（区）”荣誉称号", ("全国科技进步考核先进县（区）",), ("荣誉称号",)),
    ("东湖公园和南山景区分别晋升为国家3A和4A级旅游景区", ("国家3A级旅游景区", "国家4A级旅游景区"), ("国家3A",)),
    ("江城医科大学首次跻身某某世界大学学术排名", ("某某世界大学学术排名",), ("某某世界大学",)),  # a ranking joined
    ("争创国家卫生县城和全国文明乡镇", ("国家卫生县城", "全国文明乡镇"), ()),   # titles a county or town seeks
])
def test_extract_awards_after_award_verbs(text, awards, absent):
    got = found(text)
    for name in awards:
        assert got.get(name) == "Award", (name, got)
    for name in absent:
        assert name not in got


@pytest.mark.parametrize("text, awards, absent", [
    ("“五个一工程”奖、群星奖获奖数量均居全国首位", ("五个一工程奖", "群星奖"), ()),
    ("本省作品在群星奖、文华奖评比中获得佳绩", ("群星奖", "文华奖"), ()),
    ("设集体奖、组织奖若干", (), ("集体奖", "组织奖")),   # kinds of prize, not prizes
])
def test_extract_awards_named_as_one_word(text, awards, absent):
    """A prize jieba keeps as one word (某某奖) is named by it, with or without an award verb."""
    got = found(text)
    assert all(got.get(name) == "Award" for name in awards), got
    assert not any(name in got for name in absent), got


def test_extract_award_subject_becomes_an_organization():
    assert found("城运中心荣获上海市热线系统立功竞赛工单办理地区组集体奖")["城运中心"] == "Organization"


@pytest.mark.parametrize("term, definition, expected", [
    ("居委会“8+3”错时工作制", "即在白天8小时工作时间基础上,向晚上延伸3个小时。", ("8+3错时工作制", "Mechanism")),
    ("“满天星”", "是指视频监控系统,通过增设一定数量的监控探头,实现辖区监控网络全覆盖。", ("满天星", "Mechanism")),
    ("“三个湾区”", "是指活力湾区、美丽湾区、幸福湾区。", ("三个湾区", "Concept")),
    ("“双高计划”", "是“中国特色高水平高职学校和专业建设计划”的简称,由教育部和财政部联合实施。", ("双高计划", "Program")),
    ("依法协商议事“五步法”", "是指“提、议、决、办、评”协商议事五步法。", ("依法协商议事五步法", "Mechanism")),
])
def test_extract_glossary_term_names_and_types(term, definition, expected):
    name, typ, _ = glossary_term_name(term, definition)
    assert (name, typ) == expected


def test_extract_glossary_definitions_attach_to_their_entities():
    text = report("持续完善居委会“8+3”错时工作制。深化“四责协同”机制。") + (
        "名词解释\n1.居委会“8+3”错时工作制:即在白天8小时工作时间基础上,向晚上延伸3个小时。\n"
        "2.“四责协同”:是指党委主体责任、纪委监督责任、党委书记第一责任人责任和班子成员有机协同的责任落实机制。\n")
    ex = extract(document_from_text(text, "glossary-test"))
    names = {e.name: e for e in ex.entities}
    assert {d.term for d in ex.definitions} == {"8+3错时工作制", "四责协同"}
    assert all(d.term in names for d in ex.definitions)
    assert names["四责协同"].type == "Mechanism"
    parts = {(r.subject, r.object) for r in ex.relations if r.predicate == "partOf"}
    assert ("党委主体责任", "四责协同") in parts


def test_extract_entities_once_with_all_mentions_status_and_year():
    text = report("推进“一网通办”。深化“一网通办”改革。").replace("继续努力。", "持续推进“一网通办”。")
    ex = extract(document_from_text(text, "mentions-test"))
    doc = ex.document
    entity = next(e for e in ex.entities if e.name == "一网通办")
    assert len([e for e in ex.entities if e.name == "一网通办"]) == 1
    assert len(entity.mentions) == 3
    assert entity.statuses(doc) == ["achieved", "planned"] and entity.years(doc) == [2023, 2024]
    for m in entity.mentions:
        assert doc.text[m.start:m.end].strip("“”") == "一网通办"


def test_extract_min_confidence_filters():
    doc = document_from_text(report("推进“一网通办”。在合浦、十村等居民区增设创意墙绘。"), "conf-test")
    everything = extract(doc)
    strict = extract(doc, min_confidence=0.99)
    assert len(strict.entities) < len(everything.entities)


def _score(path, gold, tmp_path):
    write_extraction(extract(load_document(path)), tmp_path)
    return evaluate_dirs(gold, tmp_path)


def test_extract_sample_report_scores(tmp_path):
    r = _score(SAMPLE, GOLD / "2023_shanghai-jinshan-shihua_subdistrict", tmp_path)
    assert r.entities.typed.f1 >= 0.88
    assert r.entities.untyped.f1 >= 0.90
    assert r.relations.overall.f1 >= 0.81
    assert r.metrics.overall.f1 >= 0.96
    assert r.glossary.overall.f1 == 1.0 and r.glossary.definitions == 13


def test_extract_heldout_report_scores(tmp_path):
    r = _score(HAILAER_2014, GOLD / "2014_neimenggu-hulunbeier-hailaer_district", tmp_path)
    assert r.entities.typed.f1 >= 0.88
    assert r.entities.untyped.f1 >= 0.89
    assert r.relations.overall.f1 >= 0.82
    assert r.metrics.overall.f1 >= 0.97


def test_extract_city_excerpt_scores(tmp_path):
    """The Beijing 2026 excerpt: held out when first scored (typed 0.38, untyped 0.48, relations 0.04,
    metrics 0.84), then read for error classes; kept here as a regression floor."""
    r = _score(REPORTS / "2026_beijing_city_excerpt.txt", GOLD / "2026_beijing_city_excerpt", tmp_path)
    assert r.entities.typed.f1 >= 0.77
    assert r.entities.untyped.f1 >= 0.82
    # 0.48: a campus is also partOf its university (its annotator: organizedBy only); a science park named after
    # the new area it is in (某新区中关村科技园) stands in it, which its annotator does not record
    assert r.relations.overall.f1 >= 0.52
    assert r.metrics.overall.f1 >= 0.96   # 0.957 when ranks (居全国首位 → 1 位) became metrics, not annotated here;
    # 0.961 at stop 32 (an anniversary's subject stands before it; a count before a quoted kind counts it)


def test_extract_a_lane_count_is_no_part_of_a_road_and_an_ecosystem_no_mechanism():
    got = found("建成双向4车道江海疏港高速公路,保护江海热带岛屿生态系统", "province")
    assert got.get("江海疏港高速公路") == "Place"
    assert not any("车道" in n or n.endswith("生态系统") for n in got), got


def test_extract_a_district_speaks_of_a_kind_of_site_by_one_word():
    got = found("完成博物馆改造,启动城北污水泵站建设", "district")
    assert "博物馆" not in got and got.get("城北污水泵站") == "Facility"


def test_extract_vocabulary_holds_no_gold_names():
    """Rules and generic words only: no name of a gold report appears in the package (cf. the stop hook)."""
    names = set()
    for f in GOLD.rglob("entities.tsv"):
        for line in f.read_text(encoding="utf-8").splitlines()[1:]:
            cell = line.split("\t")[0]
            if len(cell) >= 4:
                names.add(cell)
    package = pathlib.Path(__file__).parent.parent / "kg"
    sources = [package / f for f in ("segment.py", "extract.py", "relations.py", "metrics.py")]
    sources += [package / "resources" / f for f in (
        "heads.tsv", "quote_types.tsv", "award_words.tsv", "metric_units.tsv", "userdict.tsv", "stop_words.txt",
        "stop_verbs.txt", "soft_verbs.txt", "name_verbs.txt", "not_heads.txt", "split_words.txt", "cue_verbs.txt",
        "generic_modifiers.txt", "rhetoric.txt", "surnames.txt", "person_titles.txt")]
    hits = {n for src in sources for n in names if n in src.read_text(encoding="utf-8")}
    assert not hits - CLASS_WORDS_IN_GOLD


# Class words some annotator also listed as an entity: heads of the generic vocabulary (kinds of firms and
# of people a service is for: 中小学生 and 未成年人 are words of every report's social part; 红十字会, a body
# every county has; 养老保险, a kind of insurance; 城乡居民, the town and country people every report counts), and
# no name of one report.
CLASS_WORDS_IN_GOLD = frozenset({"小微企业", "中小学生", "未成年人", "红十字会", "养老保险", "城乡居民"})


def test_extract_fast_segmenter_equals_jieba():
    """The extractor's own max-probability route gives jieba's words (HMM off), word for word."""
    from kg.segment import fast_cut, tokenizer
    text = ("2025年，某某区GDP增长5.2%，新建3所学校；推进“一网通办”改革。  新质生产力加快发展"
            "\n网址: www.example.org  A1B2 x+y 某某街道办事处")
    assert fast_cut(text) == tokenizer().lcut(text, HMM=False)
    text = SAMPLE.read_text(encoding="utf-8")
    assert fast_cut(text) == tokenizer().lcut(text, HMM=False)


@pytest.mark.parametrize("text, expected", [
    ("加快构建新发展格局,坚持稳中求进工作总基调", {"新发展格局": "Concept", "稳中求进工作总基调": "Concept"}),
    ("贯彻落实中央经济工作会议精神", {"中央经济工作会议精神": "Concept"}),
    ("完整准确全面贯彻新发展理念", {"新发展理念": "Concept"}),
    ("加快打造现代化首都都市圈", {"现代化首都都市圈": "Concept"}),
    ("推动江城经济圈、江城都市圈建设", {"江城经济圈": "Place", "江城都市圈": "Place"}),
    ("江城国际商事仲裁中心挂牌,新建江城碳排放权交易中心", {"江城国际商事仲裁中心": "Organization",
                                              "江城碳排放权交易中心": "Organization"}),
    ("加快建设国际科技创新中心", {"国际科技创新中心": "Concept"}),
    ("推动平安江城建设", {"平安江城建设": "Program"}),
    ("中共江城市委召开全会", {"中共江城市委": "Organization"}),
])
def test_extract_concepts_and_campaigns_without_quotes(text, expected):
    got = found(text, "city")
    for name, typ in expected.items():
        assert got.get(name) == typ, (name, got)


def test_extract_branch_campus_names_its_parent_and_place():
    text = report("加快建设江城大学东湖校区。")
    ex = extract(document_from_text(text, "branch-test"))
    names = {e.name: e.type for e in ex.entities}
    assert names.get("江城大学") == "Organization" and names.get("东湖") == "Place"
    got = {(r.subject, r.predicate, r.object) for r in ex.relations}
    assert ("江城大学东湖校区", "organizedBy", "江城大学") in got
    assert ("江城大学东湖校区", "locatedIn", "东湖") in got


@pytest.mark.parametrize("text, absent", [
    ("完善乡镇卫生院和村卫生室建设", ("乡镇卫生院", "村卫生室")),
    ("，保障国际会议峰会顺利举行", ("保障国际会议峰会",)),
    ("建成12个社区卫生服务站和3个街道综合文化中心", ("街道综合文化中心",)),  # sites counted: a kind
    ("落实税收优惠政策和财政金融政策", ("税收优惠政策", "财政金融政策")),  # kinds of policy
    ("保障妇女儿童合法权益", ("妇女儿童",)),  # two groups together: a field of work
])
def test_extract_generic_classes_and_clause_verbs_are_not_names(text, absent):
    got = found(text, "city")
    for name in absent:
        assert name not in got, got


@pytest.mark.parametrize("term, definition", [
    ("四好农村路", "指建好、管好、护好、运营好农村公路。"),
    ("“四好农村路”", "指建好、管好、护好、运营好农村公路。"),
])
def test_extract_glossary_shorthand_is_not_a_site(term, definition):
    assert glossary_term_name(term, definition)[1] not in ("Place", "Facility", "ResidentialArea")


@pytest.mark.parametrize("name, floors", [
    # Guangdong, annotated blind by a helper: first sight typed 0.360, untyped 0.478, relations 0.083,
    # metrics 0.923, glossary 12/13. Relations 0.516 → 0.508 at stop 16 when two titles the plans seek (争创,
    # 创建) became planned awards of the province, which this gold does not record (the Beijing golds do);
    # 0.520 once 筛查 named the screenings
    ("2026_guangdong_province_excerpt", (0.68, 0.76, 0.62, 0.935, 0.92)),
    # Hainan, annotated blind by a helper: first sight typed 0.495, untyped 0.670, relations 0.000,
    # metrics 0.903, glossary 27/28
    ("2026_hainan_province_excerpt", (0.805, 0.865, 0.69, 0.92, 0.96)),
    # The plans of the same Beijing report, beyond the first excerpt, annotated blind: first sight typed
    # 0.469, untyped 0.612, relations 0.000, metrics 0.865 (0.973 once 万/亿 prefixes of units compare)
    # (metrics 0.973 → 0.987 at stop 23: years as a measure, 再延长30年, and a range's top, 4.5%—5%)
    # (typed 0.697 → 0.701, untyped 0.831 → 0.835 at stop 30: a village's two committees, 村“两委”, are a body)
    ("2026_beijing_city_part2", (0.70, 0.83, 0.23, 0.98, 1.00)),
    # The plans of the Hainan report beyond its first excerpt, annotated blind: first sight typed 0.513,
    # untyped 0.645, relations 0.487, metrics 0.791 (0.930 with 万/亿 units compared), glossary 4/4
    # (typed 0.712 → 0.709 at stop 16, when items listed with works became projects: relations 0.707 → 0.723;
    # relations 0.723 → 0.707 at stop 17, when a dictionary place word opening a site's name stopped being a
    # place of its own: 0 right of 6 in the golds, but one of them held a port's location here)
    # (typed 0.732 → 0.730 at stop 20: 外国人 became a group head, and a count of incomers to work
    # (来某工作外国人) is a group this annotator does not record; the review's gold gains the group and its
    # permit system, relations 0.353 → 0.400)
    # (metrics 0.943 → 0.955 at stop 23: numbers listed before a figure share its unit, years as a measure)
    # (typed 0.732 → 0.739, relations 0.738 → 0.753 at stop 27: a river's 保护和修复工程 is named whole, and
    # 山水林田湖 no longer read as a lake)
    ("2026_hainan_province_part2", (0.735, 0.84, 0.75, 0.95, 1.00)),
    # The review of the Hainan report beyond its first excerpt (five-year figures, years given as a span),
    # annotated blind: first sight typed 0.471, untyped 0.569, relations 0.129, metrics 0.868
    # (relations 0.375 → 0.353 at stop 18: a port named by a word jieba takes for a person is found now, and
    # its third phase stands in it, which this annotator does not record and two others do)
    # (typed 0.701 → 0.703, untyped 0.755 → 0.758 at stop 30: 唯一 (the only) is no part of a pilot's name)
    ("2026_hainan_province_part3", (0.70, 0.755, 0.44, 0.94, 1.00)),
    # The first part of the 2012 Hailaer district report (review and first plans), annotated blind: first
    # sight typed 0.503, untyped 0.566, relations 0.310, metrics 0.946
    # (typed 0.746 → 0.752, untyped 0.793 → 0.800 at stop 24: a kind of project counted after its name,
    # 申报某类项目20个, names none)
    # (typed 0.758 → 0.766, untyped 0.806 → 0.808, relations 0.729 → 0.744 at stop 29: a title a ministry chose
    # the district for, 被某部确定为“某某试验区”, is received; 我区某某 is the body, not 区某某)
    ("2012_neimenggu-hulunbeier-hailaer_district_part1", (0.76, 0.805, 0.74, 0.96, 1.00)),
    # The first part of the 2015 Hailaer district report, annotated blind at the end of stop 12 and held out
    # until its figures were recorded: first sight typed 0.643, untyped 0.664, relations 0.194, metrics 0.988
    # (typed 0.725 → 0.719 at stop 16: 人大 and 政协 standing alone became organizations, which this gold
    # does not record and three others do)
    # (stop 18: a commercial complex named after its square is a site now, placed in the square by its name,
    # which this gold does not record; relations 0.444 → 0.459 with the population served, 某某常住人口)
    # (stop 21: works on a stretch are named from its first end, 某桥至某桥段工程, and stand at that end, which
    # this gold does not record and the Beijing one does: relations 0.466 → 0.459, typed 0.777 → 0.784)
    ("2015_neimenggu-hulunbeier-hailaer_district_part1", (0.78, 0.78, 0.45, 0.98, 1.00)),
    # The first part of the 2013 Hailaer district report, annotated blind at stop 13: first sight typed 0.509,
    # untyped 0.589, relations 0.178, metrics 0.947; then tuned on
    # (typed 0.725 → 0.738, untyped 0.764 → 0.777 at stop 29: 某山自然博物馆 with 自然 no adverb, 西外环路 before
    # its 前期工作, two squares joined by 和 and counted, a direction from a bridge, 某桥以北, ending a name)
    ("2013_neimenggu-hulunbeier-hailaer_district_part1", (0.73, 0.775, 0.55, 0.96, 1.00)),
    # The five-year review, the next plan's goals and the appendix of livelihood projects of the Guangdong
    # report (outside the first excerpt), annotated blind at stop 13 and held out from tuning: first sight
    # typed 0.518, untyped 0.602, relations 0.219, metrics 0.820 (0.534 / 0.617 / 0.219 / 0.836 at the end of
    # stop 13, from rules made for the other golds)
    # Tuned on from stop 14 (the five-year plan's year, the appendix's year, rates and ranks came from it).
    # (relations 0.506 → 0.487 at stop 17: this annotator keeps a kind of site counted, 5个某某托育综合服务中心,
    # as a facility serving a group; the other golds do not)
    # (stop 23, from rules made by reading reports outside the corpus: typed 0.682 → 0.685, untyped 0.738 → 0.742,
    # relations 0.512 → 0.525, metrics 0.941 → 0.944)
    ("2026_guangdong_province_part2", (0.68, 0.74, 0.52, 0.94, 1.00)),
    # The 14th plan's achievements, the 15th plan's goals and the safety plans of the Beijing report (outside
    # the first two parts), annotated blind at stop 14: first sight typed 0.605, untyped 0.713, relations
    # 0.250, metrics 0.373 (0.386 with the code of stop 13: the part read as one review); then tuned on
    # (relations 0.353 → 0.444 at stop 22: 成为 + a title only one holds, 成为全球唯一的某某之城, is an honour)
    # (metrics 0.814 → 0.833 at stop 23, likewise)
    ("2026_beijing_city_part3", (0.69, 0.77, 0.44, 0.83, 1.00)),
    # The 15th plan's goals and the later plans of the Hainan report, annotated blind at stop 14 and held out
    # from tuning: first sight typed 0.648, untyped 0.712, relations 0.138, metrics 0.900 (0.645 / 0.710 /
    # 0.138 / 0.700 with the code of stop 13; 0.657 / 0.721 / 0.138 / 0.900 at the end of stop 14, from rules
    # made for the other golds; 0.655 / 0.719 at stop 15, when titles before 创建 became awards; 0.659 / 0.724 /
    # 0.143 / 0.900 at stop 17, likewise; 0.669 / 0.727 / 0.143 / 0.900 at stop 18, likewise; 0.681 / 0.738 /
    # 0.143 / 0.900 at stop 21, likewise; 0.683 / 0.741 / 0.143 / 0.900 at stop 22, from rules made by reading the
    # output on reports outside the corpus; 0.686 / 0.744 / 0.143 / 0.900 at stop 23, likewise; 0.688 / 0.746 at
    # stop 28 and 0.693 / 0.751 at stop 29, likewise)
    ("2026_hainan_province_part4", (0.69, 0.75, 0.14, 0.90, 1.00)),
    # The plans (items 3 to 10) of the 2012 Hailaer district report, annotated blind at stop 15 and held out:
    # first sight typed 0.626, untyped 0.679, relations 0.031, metrics 0.978 (code of stop 14 and of the
    # start of stop 15); 0.637 / 0.689 / 0.059 / 0.978 at the end of stop 15, from rules made for the others;
    # 0.662 / 0.712 / 0.087 / 0.978 at the end of stop 16, likewise; 0.659 / 0.710 / 0.086 / 0.978 at stop 17:
    # the rule that reads the owner of a line, store or training centre named after it (某某银行培训中心) adds one
    # entity this gold does not hold (totals only read, errors never); two tuned Hailaer golds record such owners;
    # 0.676 / 0.726 / 0.114 / 0.978 at stop 18, from rules made for the others (homes for the old, dams, plants);
    # 0.693 / 0.743 / 0.169 / 0.978 at stop 24, from rules made by reading reports outside the corpus; 0.700 /
    # 0.751 at stop 29 and 0.703 / 0.754 at stop 30, likewise
    ("2012_neimenggu-hulunbeier-hailaer_district_part2", (0.70, 0.75, 0.16, 0.97, 1.00)),
    # The later plans of the 2013 Hailaer district report, annotated blind at stop 15 and held out: first sight
    # typed 0.707, untyped 0.768, relations 0.000, metrics 1.000 (0.708 / 0.771 / 0.000 / 1.000 with the code of
    # stop 14); 0.733 / 0.792 / 0.000 / 1.000 at stop 18, from rules made for the others
    ("2013_neimenggu-hulunbeier-hailaer_district_part2", (0.73, 0.79, 0.00, 1.00, 1.00)),
    # The later plans of the 2015 Hailaer district report, annotated blind at stop 15: first sight typed 0.689,
    # untyped 0.757, relations 0.242, metrics 1.000; then tuned on (relations 0.513 → 0.619 at stop 22: works
    # named after the areas listed before them stand in each, 甲、乙等77个某某小区某某管网)
    ("2015_neimenggu-hulunbeier-hailaer_district_part2", (0.84, 0.885, 0.61, 1.00, 1.00)),
])
def test_extract_blind_excerpt_scores(tmp_path, name, floors):
    """Excerpts of 2026 city and province reports annotated blind: kept here as regression floors
    (typed, untyped, relations, metrics, glossary F1)."""
    r = _score(REPORTS / f"{name}.txt", GOLD / name, tmp_path)
    got = (r.entities.typed.f1, r.entities.untyped.f1, r.relations.overall.f1, r.metrics.overall.f1,
           r.glossary.overall.f1)
    assert all(g >= f for g, f in zip(got, floors)), (got, floors)


def test_extract_a_route_section_is_a_place_not_works():
    got = found("开工建设广州新机场、广清永高铁、潮南高速潮饶段、兰海高速廉徐段、惠肇高速三封段等项目。", "province")
    assert got.get("兰海高速廉徐段") == "Place" and got.get("惠肇高速三封段") == "Place"


def test_extract_a_later_phase_is_a_site_inside_the_site():
    text = level_report(CITY_HEAD, "江城白鹭机场三期、江城港五期开工建设。")
    ex = extract(document_from_text(text, "phase-test"))
    names = {e.name: e.type for e in ex.entities}
    assert names.get("江城白鹭机场三期") == "Facility" and names.get("江城港五期") == "Facility"
    got = {(r.subject, r.predicate, r.object) for r in ex.relations}
    assert ("江城白鹭机场三期", "locatedIn", "江城白鹭机场") in got


def test_extract_a_numbered_part_names_its_site_which_stands_in_the_city():
    text = level_report(PROVINCE_HEAD, "株洲云龙机场第二跑道建成投用，"
                                       "推进湘江水资源配置一期、二期和白鹭峡水库建设（含青竹水库扩建）。")
    ex = extract(document_from_text(text, "site-test"))
    names = {e.name: e.type for e in ex.entities}
    assert names.get("株洲云龙机场") == "Facility" and names.get("株洲云龙机场第二跑道") == "Facility"
    assert names.get("青竹水库") == "Facility" and "含青竹水库" not in names
    assert "二期水库" not in names  # a phase word before a shared head is no name of its own
    got = {(r.subject, r.predicate, r.object) for r in ex.relations}
    assert ("株洲云龙机场第二跑道", "locatedIn", "株洲云龙机场") in got
    assert ("株洲云龙机场", "locatedIn", "株洲") in got
    assert ("株洲云龙机场第二跑道", "locatedIn", "株洲") not in got  # through its site, not directly


@pytest.mark.parametrize("text, name, typ", [
    ("扎实推进“两新”“两重”工作，落实“双减”政策。", "两新", "Program"),
    ("坚决纠治“四风”问题。", "四风", "Concept"),
    ("推动城乡“三融合”发展。", "三融合", "Concept"),
    ("积极融入国内大循环。", "国内大循环", "Concept"),
    ("关心关爱外卖员、快递员、网约车司机等新就业群体。", "外卖员", "TargetGroup"),
    ("编制江城市城市总体规划。", "江城市城市总体规划", "PolicyDocument"),
    ("扩大高校毕业生、农民工、退役军人等就业。", "农民工", "TargetGroup"),
    ("推动江南江北地区协调发展。", "江北", "Place"),
    ("建成江阳高速、增海高速等项目。", "增海高速", "Place"),
    ("加力推进江汕特别合作区建设，发挥南江黄金水道和北江航道作用。", "江汕特别合作区", "Place"),
    ("高标准建设华中国家植物园。", "华中国家植物园", "Place"),
    ("京湘城际铁路建成通车。", "京湘城际铁路", "Place"),
    ("加快琼州海峡港航一体化。", "琼州海峡", "Place"),
    ("修缮正阳门城楼，保护京西古道。", "正阳门城楼", "Place"),
    ("办好江城国际电影节、音乐节等系列活动。", "江城国际电影节", "Program"),
    ("完善奥林匹克中心区城市功能。", "奥林匹克中心区", "Place"),
    ("深化博物馆之城建设。", "博物馆之城", "Concept"),
    ("做好零就业家庭就业帮扶。", "零就业家庭", "TargetGroup"),
    ("培育农村劳务带头人、致富能人和乡村匠人。", "乡村匠人", "TargetGroup"),
    ("改善城市运行服务保障人员居住条件。", "城市运行服务保障人员", "TargetGroup"),
    ("开展县域“信用+”乡村治理，创新办好村晚。", "信用+乡村治理", "Mechanism"),
    ("推进G98环岛高速提档扩容工程建设。", "G98环岛高速提档扩容工程", "Program"),
    ("推进G98环岛高速提档扩容工程建设。", "G98环岛高速", "Place"),
    ("深化零基预算改革，实施省级财政专项资金奖惩机制。", "零基预算改革", "Program"),  # reforms driven by a verb
    ("稳步推进城中村改造，新开工改造60个。", "城中村改造", "Program"),
    ("推进新一轮国资国企改革，完善国有资产监管。", "新一轮国资国企改革", "Program"),
])
def test_extract_names_in_a_province_report_and_their_types(text, name, typ):
    """Short numbered names by shape, national concepts, heads, groups, routes and driven reforms."""
    assert found(text, "province").get(name) == typ


@pytest.mark.parametrize("text, name, typ", [
    ("锚定“一港三区”全新定位，推进改革。", "一港三区", "Concept"),      # a standing, not a method
    ("服务“两岸一家”大局。", "两岸一家", "Concept"),
    ("按照“三实三严”要求，弘扬法治精神。", "三实三严", "Concept"),        # a requirement, a principle held
    ("积案化解“百日清零”成效显著。", "百日清零", "Program"),            # a method by its shape that shows results
    ("支持高校“双一高”建设。", "双一高", "Program"),                     # ... or is built: a campaign
    ("“一楼一表”改造完成3万户。", "一楼一表", "Program"),                # ... or works done: a campaign
    ("全面推行“一窗通办”，压缩时限。", "一窗通办", "Mechanism"),        # nothing after it: its shape still tells
    ("推进“三个中心”建设。", "三个中心", "Concept"),                    # a numbered formula stays one
])
def test_extract_the_word_after_a_quote_types_it_when_its_shape_alone_would(text, name, typ):
    assert found(text, "province").get(name) == typ


def test_extract_a_craft_named_in_quotes_with_hao_takes_its_kind_and_a_skill_or_rate_is_no_name():
    got = found("“远航”号深海钻探船、“星河”号等打破垄断，“小火自救”能力提升，“套购”发生率下降，"
                "“甲乙”号科考船完成任务。", "province")
    assert got.get("远航号深海钻探船") == "Facility" and got.get("星河号") == "Facility"
    assert got.get("甲乙号科考船") == "Facility"             # the kind of craft, not the clause after it
    assert not {"小火自救", "套购", "甲乙号科考船完成任务"} & set(got), got


@pytest.mark.parametrize("text, absent", [
    ("稳定房地产市场，调整微动力设施，管住人员，摆布项目，影响居民。",
     ("稳定房地产市场", "调整微动力设施", "管住人员", "摆布项目", "影响居民")),
])
def test_extract_a_name_does_not_start_with_a_governing_verb(text, absent):
    got = found(text, "province")
    assert not set(absent) & set(got), got


def test_extract_a_group_is_named_without_its_standing_or_the_care_given_to_it():
    got = found("为在岗养老护理员开展培训，教育引导广大干部，安置农民就业。", "province")
    assert got.get("养老护理员") == "TargetGroup" and got.get("农民") == "TargetGroup"
    assert not {"在岗养老护理员", "安置农民", "教育引导广大干部"} & set(got), got
    assert found("持证养老护理员达到1万人。", "province").get("养老护理员") == "TargetGroup"


def test_extract_the_place_firms_are_in_is_no_firm_and_liang_opening_a_name_counts_nothing():
    cands, _ = sentence_candidates(Sentence(index=0, text="甲城区21家企业迁建，抓好甲城区、乙山组团和两河丙山旅游景区绿化。",
                                            start=0, end=34, part=1, section=None, paragraph=0), "district")
    assert ("甲城区", "Organization") not in {(c.name, c.type) for c in cands}
    assert not any("河丙山旅游景区" in alias and not alias.startswith("两") for c in cands for alias in c.aliases)
    assert found("在东湖、西湖两景区开展巡查。", "district").get("东湖") == "Place"   # 两 counting still lists


@pytest.mark.parametrize("text, name", [
    ("凤凰机场三期、博鳌机场三期完工。", "凤凰机场三期"),   # a port named by a word jieba takes for a person
    ("凤凰机场三期、博鳌机场三期完工。", "凤凰机场"),
    ("省图书馆二期、省文化馆投用。", "省图书馆二期"),       # the province's own library, one dictionary word
    ("建成市图书馆。", "市图书馆"),
    ("建成城市运管服平台二期。", "城市运管服平台二期"),          # a platform's phase: the system built
])
def test_extract_a_port_by_a_common_word_and_a_levels_own_site_are_named(text, name):
    assert found(text, "province").get(name) == "Facility"


def test_extract_a_levels_kind_of_lab_is_not_one_body():
    assert "省实验室" not in found("高水平建设省实验室。", "province")


@pytest.mark.parametrize("text, name", [
    ("连续成功举办世界新能源汽车大会。", "世界新能源汽车大会"),
    ("召开全市奖励工作大会。", "全市奖励工作大会"),                       # the event's scope is in its name
    ("前不久全市奖励工作大会召开。", "全市奖励工作大会"),                   # ... and no word before it
    ("成功举办第十二届全国少数民族传统体育运动会。", "第十二届全国少数民族传统体育运动会"),
])
def test_extract_a_congress_or_games_is_an_event_named_with_its_scope(text, name):
    assert found(text, "province").get(name) == "Program"


@pytest.mark.parametrize("text", ["现提请大会审议。", "本报告全文提交大会。", "某某市第十六届人民代表大会第四次会议"])
def test_extract_the_congress_a_report_is_given_to_is_no_event(text):
    assert not [name for name, typ in found(text, "province").items() if typ == "Program"]


@pytest.mark.parametrize("text, name", [
    ("建新养老院、东湖养护院投入使用。", "建新养老院"),          # homes for the old: named sites
    ("建新养老院、东湖养护院投入使用。", "东湖养护院"),
    ("完成哈克镇农村敬老院改造。", "哈克镇农村敬老院"),
    ("加快推进金星城市商贸综合体建设。", "金星城市商贸综合体"),   # a commercial complex
    ("完成海关监管仓库建设。", "海关监管仓库"),
    ("建成海底科学观测网。", "海底科学观测网"),                 # networks of instruments, dams, plants, towers
    ("加快迈湾水利枢纽建设。", "迈湾水利枢纽"),
    ("东海拉尔发电厂扩建完成。", "东海拉尔发电厂"),
    ("天润商厦主体完工。", "天润商厦"),
])
def test_extract_homes_complexes_and_warehouses_are_sites(text, name):
    assert found(text, "district").get(name) == "Facility"


def test_extract_a_check_does_not_open_a_sites_name():
    assert "排查整治养老院" not in found("全面排查整治养老院、学校等场所。", "city")


def test_extract_a_population_served_is_a_group_and_a_headcount_is_not():
    got = found("稳定脱贫人口外出务工规模，常住人口达到1000万人，学龄人口增加，为农村常住人口提供服务。", "province")
    assert got.get("脱贫人口") == "TargetGroup" and got.get("农村常住人口") == "TargetGroup"
    assert not {"常住人口", "学龄人口"} & set(got), got


def test_extract_a_rating_is_named_after_the_work_rated_and_its_giver_is_a_body():
    got = found("落实最严格耕地保护制度，连续4年获国务院考核优秀等次。", "province")
    assert got.get("最严格耕地保护制度考核优秀等次") == "Award" and got.get("国务院") == "Organization", got
    got = found("实施蓝天保卫行动，连续5年获国家考核优秀等次。", "province")
    assert got.get("蓝天保卫行动国家考核优秀等次") == "Award", got


def test_extract_the_regions_government_is_not_the_districts_own():
    head = "政府工作报告\n——2014年2月19日在某某区第十四届人民代表大会第三次会议上\n现在，我代表某某区人民政府向大会报告工作。"
    text = level_report(head, "区政府全年办理议案20件。被自治区政府授予绿化先进单位。")
    bodies = {e.name: e.aliases for e in extract(document_from_text(text, "region-test")).entities
              if e.type == "Organization"}
    assert "自治区政府" in bodies and "自治区政府" not in bodies["某某区人民政府"], bodies


def test_extract_a_rating_won_in_a_review_is_named_by_the_review():
    got = found("在国家某某成果后评估考核中连续三年获得“好”的等次。", "province")
    assert got.get("国家某某成果后评估考核好的等次") == "Award", got
    got = found("在国家耕地保护责任制考核中获优秀等次。", "province")
    assert got.get("国家耕地保护责任制考核优秀等次") == "Award", got


def test_extract_a_village_whose_name_the_dictionary_cuts_is_whole():
    """东|山村: jieba cuts the village's first character off as a word of its own."""
    got = found("完成东山村、西河村等5个村的人居环境整治。", "town")
    assert got.get("东山村") == "ResidentialArea" and "山村" not in got, got


def test_extract_a_campaign_fought_and_a_quoted_reform_are_names():
    assert found("开展扫黑除恶专项斗争，常态化推进扫黑除恶斗争。", "city") == {
        "扫黑除恶专项斗争": "Program", "扫黑除恶斗争": "Program"}
    assert found("进行具有许多新的历史特点的伟大斗争。", "city") == {}     # a struggle, no campaign
    assert found("推行“最多跑一次”，压缩办理时限。", "city").get("最多跑一次") == "Mechanism"


def test_extract_the_constitution_named_bare_is_a_document_and_its_week_a_campaign():
    assert found("严格依照宪法和法律履职用权办事，贯彻实施民法典。", "province") == {
        "宪法": "PolicyDocument", "民法典": "PolicyDocument"}
    assert found("开展宪法宣传周活动。", "province") == {"宪法宣传周活动": "Program"}


def test_extract_the_people_served_are_named_by_their_need_not_as_anyone():
    got = found("做好优抚对象和困难群众的帮扶工作，增强人民群众获得感，完善服务对象档案，共服务2818名对象。", "district")
    assert got.get("优抚对象") == "TargetGroup" and got.get("困难群众") == "TargetGroup", got
    assert not {"人民群众", "服务对象", "对象", "群众"} & set(got), got


@pytest.mark.parametrize("text, name", [
    ("稳妥推进二轮土地承包到期后再延长30年试点，激励人才。", "二轮土地承包到期后再延长30年试点"),  # a term, not a count
    ("推进国家生态产品价值实现机制试点建设。", "国家生态产品价值实现机制试点"),      # a pilot of a mechanism
    ("稳步推进全省智能网联汽车车路云一体化应用试点。", "智能网联汽车车路云一体化应用试点"),  # 全省: where it runs
])
def test_extract_a_pilot_pushed_on_is_named_from_the_verb(text, name):
    assert found(text, "province").get(name) == "Program"


@pytest.mark.parametrize("text, name, cut", [
    ("投资300万元的东风桥至胜利桥段工程整体完工。", "东风桥至胜利桥段工程", "胜利桥段工程"),
    ("完成市郊铁路东山线东坝站至西坝段整体提升工程。", "市郊铁路东山线东坝站至西坝段整体提升工程", "西坝段整体提升工程"),
])
def test_extract_works_on_a_stretch_are_named_from_its_first_end(text, name, cut):
    got = found(text, "district")
    assert got.get(name) == "Program" and cut not in got, got


def test_extract_a_meeting_convened_for_the_province_is_named_from_its_scope():
    got = found("连续3年在新春首个工作日召开全省高质量发展大会。", "province")
    assert got.get("全省高质量发展大会") == "Program", got


def test_extract_a_campaign_completed_is_named_from_the_verb():
    got = found("高质量完成国资改革深化提升行动。", "province")
    assert got.get("国资改革深化提升行动") == "Program", got


def test_extract_a_park_around_a_place_is_named_at_city_level():
    assert found("建设环首都生态公园。", "city").get("环首都生态公园") == "Place"   # 首都 alone is a common word
    assert "城市生态公园" not in found("建设城市生态公园。", "city")   # a kind of park, none named


def test_extract_a_plan_of_two_aims_joined_by_yu_is_one_plan():
    got = found("编制松岭林区生态保护与经济转型规划。", "district")
    assert got.get("松岭林区生态保护与经济转型规划") == "PolicyDocument" and "经济转型规划" not in got, got
    assert "与经济转型规划" not in found("加强规划与经济转型规划衔接。", "district")   # two plans compared


def test_extract_the_two_places_an_event_joins_open_its_name():
    got = found("举办满洲里—赤塔缔结友好城市纪念活动。", "district")
    assert got.get("满洲里—赤塔缔结友好城市纪念活动") == "Program" and "赤塔缔结友好城市纪念活动" not in got, got


def test_extract_a_meeting_is_named_by_who_holds_it_and_what_it_drives():
    got = found("今年，自治区推动科学发展现场会将在我区召开。", "district")
    assert got.get("自治区推动科学发展现场会") == "Program" and "科学发展现场会" not in got, got
    assert "全市举办" not in "".join(found("全市举办科技成果交易会。", "city"))   # the host's verb is no part of it


@pytest.mark.parametrize("text, name", [
    ("深入开展侵害群众利益突出问题专项治理，纠正不正之风。", "侵害群众利益突出问题专项治理"),
    ("深入开展提升某某服务质量专项行动。", "提升某某服务质量专项行动"),
])
def test_extract_a_special_campaign_is_named_from_the_clause_verb(text, name):
    assert found(text, "district").get(name) == "Program"


def test_extract_a_pilot_counted_has_no_name_and_a_scope_glued_to_a_word_stays():
    assert not found("推进3个试点。", "province")
    assert found("在全国率先实施全省域长期护理保险制度。", "province").get("全省域长期护理保险制度") == "Mechanism"


def test_extract_circles_a_city_plans_are_ideas():
    got = found("推动功能圈、产业圈、通勤圈协同发展，建好新时代文明实践圈。", "city")
    assert all(got.get(n) == "Concept" for n in ("功能圈", "产业圈", "通勤圈", "新时代文明实践圈")), got


def test_extract_the_place_a_plan_is_named_after_is_a_place_too():
    got = found("编制甲乙国际物流园区总体规划，启动西山生态景观区规划。", "district")
    assert got.get("甲乙国际物流园区总体规划") == "PolicyDocument" and got.get("甲乙国际物流园区") == "Place"
    assert got.get("西山生态景观区") == "Place"
    assert "丙丁园区" not in found("学习《丙丁园区规划》。", "district")   # a title's words stay inside it


def test_extract_villages_listed_before_a_kind_of_area_are_villages_and_deng_counts_only_with_a_number():
    cands, _ = sentence_candidates(Sentence(index=0, text="实施工人新村、幸福村等条件较差区域的改造。", start=0, end=21,
                                            part=1, section=None, paragraph=0), "district")
    got = {c.name: c for c in cands}
    assert got["工人新村"].type == "ResidentialArea" and got["幸福村"].type == "ResidentialArea"
    assert not any("较差" in a for c in cands for a in c.aliases)   # 等条件较差区域: no count, no alias


def test_extract_a_soft_verb_inside_a_name_stays_in_it():
    assert found("建立生活补贴标准稳定增长机制。", "district").get("生活补贴标准稳定增长机制") == "Mechanism"


def test_extract_a_service_centre_stands_in_its_base_and_a_park_bureau_in_its_park():
    text = level_report(PROVINCE_HEAD, "国际种苗资源引进中转基地服务中心揭牌运行。南岭山地国家公园管理局挂牌。"
                                       "启动“九五”普法工作。")
    ex = extract(document_from_text(text, "service-test"))
    names = {e.name: e.type for e in ex.entities}
    assert names.get("国际种苗资源引进中转基地") == "Facility" and names.get("九五普法") == "Program"
    got = {(r.subject, r.predicate, r.object) for r in ex.relations}
    assert ("国际种苗资源引进中转基地服务中心", "locatedIn", "国际种苗资源引进中转基地") in got
    assert ("南岭山地国家公园管理局", "locatedIn", "南岭山地国家公园") in got


@pytest.mark.parametrize("text, absent", [
    ("推进抽水蓄能项目、招商引资项目建设。", "抽水蓄能项目"),
    ("支持专业机构、产业联盟参与。", "专业机构"),
    ("推进郊野公园、体育公园等建设。", "体育公园"),
    ("建设一批口袋公园。", "口袋公园"),
    ("推动行业协会商会、产业联盟、专业机构等与企业深入对接。", "专业机构"),
    ("新培育2518个典型村、407个典型镇。", "新培育"),
    ("建设一条跑道、一条小径。", "一条跑道"),
    ("吸引跨国公司设立研发中心，新建公办中小学校。", "研发中心"),
    ("吸引跨国公司设立研发中心，新建公办中小学校。", "公办中小学校"),
    ("生产更多适销对路的产品。", "适销对路"),
    ("支持学校、医院等生产生活配套项目建设。", "学校"),
    ("建强国家实验室体系。", "建强国家实验室"),
    ("打造一批典型村，推广养老助餐点。", "典型村"),
    ("推广养老助餐点。", "养老助餐点"),
    ("编制海洋空间规划。", "海洋空间规划"),
    ("成功应对“海燕”等15个台风。", "海燕"),
    ("封关至“满月”时，物畅其流。", "满月"),
    ("严厉打击涉税、涉海、涉特殊区域走私。", "涉海"),
    ("推进山水林田湖草沙一体化保护和修复。", "山水林田湖"),
    ("大力培育5A级旅游景区。", "级旅游景区"),
    ("首条半导体芯片模组生产线投产。", "首条半导体芯片模组生产线"),
    ("建立“投资、项目、园区”问题库。", "投资、项目、园区"),
    ("加强对工作人员的培训。", "工作人员"),
    ("请各位政协委员和其他列席人员提出意见。", "列席人员"),
    ("坚持以大城市带动大京郊。", "大城市"),
    ("提升文明乡风建设水平。", "文明乡"),
    ("提升数字广告等文化产业园区品质。", "数字广告"),
    ("整治城市内涝、停车难等“城市病”，探索建立管理体制。", "城市病"),
    ("要进一步发挥“样板间”示范引领作用。", "样板间"),
    ("推进“城—镇—村”供水管网延伸并网。", "城—镇—村"),
    ("加强入海排污口排查整治，服务外国人才。", "入海"),
    ("构建学校家庭社会协同育人机制。", "学校家庭"),
    ("出台平台经济规范。", "平台经济规范"),
    ("完善便利残疾人出行的设施。", "便利残疾人"),
    ("预计大湾区经济总量突破15万亿元。", "预计大湾区"),
    ("提升普通公路通行能力。", "普通公路"),                 # kinds of roads, towns and areas: no name
    ("建设一批现代化典型镇。", "现代化典型镇"),
    ("增加紧缺地区学位供给。", "紧缺地区"),
    ("整治沿线道路环境。", "沿线道路"),
    ("建设世界级机场群。", "世界级机场"),
    ("重点引进户外运动、水上运动装备。", "户外运动"),              # kinds of sport, no campaign
    ("丰富旅文体活动，活跃市场。", "丰富旅文体活动"),               # 丰富 enriches, it opens no name
])
def test_extract_kinds_of_projects_bodies_and_parks_are_not_names_in_a_province(text, absent):
    assert absent not in found(text, "province")


def test_extract_a_listed_body_takes_no_counted_class_as_alias():
    sentence = Sentence(index=0, text="服务保障江化集团、江能集团等一批中央企业迁入。", start=0, end=24, part=1,
                        section=None, paragraph=0)
    cands, _ = sentence_candidates(sentence, "city")
    listed = [c for c in cands if c.rule == "class-list"]
    assert listed and not any("批" in a for c in listed for a in c.aliases)


def test_extract_macro_regions_by_name_and_short_form():
    text = level_report(PROVINCE_HEAD, "深化与长三角、粤港澳大湾区合作，大湾区建设成效显著，推动京津冀协同发展。")
    entities = {e.name: e for e in extract(document_from_text(text, "region-test")).entities}
    assert entities["长江三角洲"].type == "Place" and "长三角" in entities["长江三角洲"].aliases
    assert len(entities["粤港澳大湾区"].mentions) == 2 and entities["京津冀"].type == "Place"


def test_extract_the_issuing_government_answers_to_its_short_titles():
    text = level_report(PROVINCE_HEAD, "省人民政府认真履职。")
    issuer = next(e for e in extract(document_from_text(text, "issuer-test")).entities if e.name == "湖南省人民政府")
    assert {"省人民政府", "省政府", "湖南省政府"} <= set(issuer.aliases)


def test_extract_a_numbered_vessel_or_platform_is_a_facility():
    assert found("“江海二号”获评国家首批卓越级智能工厂。", "province").get("江海二号") == "Facility"


def test_extract_a_quoted_plan_period_names_the_plan():
    got = found("为“十五五”良好开局打下坚实基础。", "province")
    assert got.get("十五五") == "PolicyDocument"


def test_extract_numbered_formulas_and_their_quoted_parts_are_concepts():
    assert found("深刻领悟“两个确立”的决定性意义。", "province").get("两个确立") == "Concept"
    got = found("“3”是指“向山图强”“向江图强”“向田图强”。", "province")
    assert got.get("向山图强") == got.get("向田图强") == "Concept"
    assert "民事民提" not in found("推动“民事民提”“民事民办”。")  # paired catchwords stay out


def test_extract_a_county_named_inside_a_site_is_a_place():
    text = level_report(PROVINCE_HEAD, "国家枢纽节点株洲数据中心集群建设扎实推进。")
    got = extract(document_from_text(text, "inside-test"))
    names = {e.name: e.type for e in got.entities}
    assert names.get("株洲") == "Place"
    assert names.get("国家枢纽节点株洲数据中心集群") == "Facility"   # the cluster, not its 数据中心
    assert "株洲市" in next(e.aliases for e in got.entities if e.name == "株洲")   # the division, by its full name
    assert ("国家枢纽节点株洲数据中心集群", "locatedIn", "株洲") in {
        (r.subject, r.predicate, r.object) for r in got.relations}


def test_extract_driving_verbs_are_not_part_of_the_reform():
    got = found("加快推进伊敏河景观改造，实施城区道路工程。", "district")
    assert "推进伊敏河景观改造" not in got and got.get("伊敏河景观改造") == "Program"


def test_extract_listed_words_are_not_places_and_verbs_not_roads():
    got = found("推进城乡社区自治、法治、德治三融合，加快高速公路建设。", "province")
    assert "德治" not in got and "加快高速" not in got
    got = found("完成呼伦大街、望城路等9条道路工程。", "district")   # jieba tags 大街 a place: a head, no name
    assert got.get("呼伦大街") == "Place" and "大街" not in got
    got = found("确保呼伦贝尔大饭店、碧海云天等酒店投入运营，加快世纪天伦、嘉世豪等酒店建设。", "district")
    assert got.get("呼伦贝尔大饭店") == "Facility" and got.get("世纪天伦") == "Facility"
    assert "大饭店" not in got and "天伦" not in got   # the end of a listed name is no place of its own


def test_extract_counted_titles_are_honours():
    got = found("全球灯塔工厂增至10家，新增58名国家级非遗代表性传承人。", "province")
    assert got.get("全球灯塔工厂") == "Award" and got.get("国家级非遗代表性传承人") == "Award"


def test_extract_a_ranking_of_firms_is_the_honour_without_its_firms():
    ex = extract(document_from_text(level_report(PROVINCE_HEAD, "上榜世界500强企业增至18家。"), "rank-test"))
    award = next(e for e in ex.entities if e.type == "Award")
    assert award.name == "世界500强企业" and "世界500强" in award.aliases


@pytest.mark.parametrize("text, expected", [
    ("为孕产妇、0—6岁儿童、65岁以上老年人以及2型糖尿病患者等重点人群提供连续健康管理服务。",
     {"孕产妇": "TargetGroup", "0—6岁儿童": "TargetGroup", "65岁以上老年人": "TargetGroup",
      "2型糖尿病患者": "TargetGroup"}),
    ("新建10个县级托育服务机构，惠及超50万名3岁以下婴幼儿。", {"3岁以下婴幼儿": "TargetGroup"}),
    ("为超1000名孤儿和青少年、中小学生提供心理健康服务。",
     {"孤儿": "TargetGroup", "青少年": "TargetGroup", "中小学生": "TargetGroup"}),
])
def test_extract_groups_a_service_is_for(text, expected):
    assert_found(text, expected, level="province")


def test_extract_a_group_inside_an_events_name_or_scoped_to_the_world_is_no_group():
    assert_found("成功举办全球妇女峰会和自治区青少年速度滑冰锦标赛。", {}, absent=("全球妇女", "青少年", "自治区青少年"),
                 level="province")


def test_extract_measures_are_no_mechanism():
    assert_found("落实防汛避险救灾硬措施，强化极端天气感知预警。", {}, absent=("防汛避险救灾硬措施",), level="city")


@pytest.mark.parametrize("text, expected, absent", [
    ("推进广珠（澳）高铁鹤洲至横琴段建设。", {"广珠（澳）高铁鹤洲至横琴段": "Place"}, ("高铁鹤洲",)),
    ("绥满高速海拉尔至牙克石段建成通车。", {"绥满高速海拉尔至牙克石段": "Place"}, ()),
    ("建成羊山大道至母瑞山公路。", {"羊山大道至母瑞山公路": "Place", "羊山大道": "Place"}, ("母瑞山公路",)),
])
def test_extract_a_stretch_of_road_between_two_places_is_one_place(text, expected, absent):
    assert_found(text, expected, absent, level="province")


@pytest.mark.parametrize("text, expected", [
    ("确保华融二期、天润商厦等项目投入运营，力争时代广场、伊士丹购物广场等改扩建项目开工。",
     {"华融二期": "Facility", "天润商厦": "Facility", "时代广场": "Facility"}),
    ("投资4.5亿元实施了标准化幼儿园、呼伦小学新建、南开路中学等14个项目。",
     {"南开路中学": "Facility"}),
    ("非公产业园、幸福家园等棚户区改造项目进展顺利。", {"非公产业园": "Program", "幸福家园": "Program"}),
])
def test_extract_a_listed_project_is_the_building_unless_its_name_or_kind_says_works(text, expected):
    assert_found(text, expected, level="district")


def test_extract_a_quoted_formula_before_a_layout_is_a_concept():
    assert_found("统筹推进“五位一体”总体布局、协调推进“四个全面”战略布局。",
                 {"五位一体总体布局": "Concept", "四个全面战略布局": "Concept"}, level="province")


def test_extract_a_project_described_by_everyday_words_names_none():
    assert_found("完成城市建设项目。", {}, absent=("城市建设项目",), level="district")
    assert_found("投资1.4亿元的西出口道路工程进展顺利。", {"西出口道路工程": "Program"}, level="district")


def test_extract_a_public_service_number_opens_its_desks_name():
    assert_found("升级建设12355青少年服务台，建设12338妇联维权服务中心。",
                 {"12355青少年服务台": "Facility", "12338妇联维权服务中心": "Facility"}, level="province")


def test_extract_works_named_before_a_word_about_their_progress():
    assert_found("加快城东规模化供水工程进度。", {"城东规模化供水工程": "Program"}, level="province")


def test_extract_a_numbered_plan_before_its_kind_of_plan_is_a_concept():
    assert_found("全面落实省委“2468”具体部署，构建“13579”发展架构。",
                 {"2468具体部署": "Concept", "13579发展架构": "Concept"}, level="province")


def test_extract_a_review_rating_is_an_honour_of_the_place_even_in_an_excerpt_without_its_government():
    head = "政府工作报告\n——2026年1月20日在湖南省第十四届人民代表大会第五次会议上\n湖南省省长 某某"
    text = level_report(head, "质量工作考核连续10次获评国家A级。东西部协作工作考核连续4年获“好”的等次。"
                              "落实最严格水资源管理制度，连续4年获国务院考核优秀等次。")
    ex = extract(document_from_text(text, "rating-test"))
    awards = {e.name for e in ex.entities if e.type == "Award"}
    assert {"质量工作考核国家A级", "东西部协作工作考核好的等次", "最严格水资源管理制度考核优秀等次"} <= awards
    held = {(r.subject, r.object) for r in ex.relations if r.predicate == "receivedAward"}
    assert ("湖南省", "质量工作考核国家A级") in held and ("湖南省", "最严格水资源管理制度考核优秀等次") in held


def test_extract_the_strictest_standard_is_part_of_a_systems_name():
    assert_found("落实最严格的耕地保护制度，建立全域禁塑制度体系。",
                 {"最严格的耕地保护制度": "Mechanism", "全域禁塑制度体系": "Mechanism"}, level="province")


def test_extract_a_rule_named_by_its_method_and_制_is_a_mechanism():
    assert_found("推行积分制，建立省级民生实事人大代表票决制，落实校长负责制。",
                 {"积分制": "Mechanism", "省级民生实事人大代表票决制": "Mechanism", "校长负责制": "Mechanism"},
                 level="province")


def test_extract_honours_counted_by_their_holders_are_each_an_honour_of_people_not_of_the_place():
    text = level_report(PROVINCE_HEAD, "获评某某科技奖2人、国家卓越工程师2人、大国工匠4人。连续两年获评健康某省行动考核优秀等次。")
    ex = extract(document_from_text(text, "counted-honours"))
    names = {e.name: e.type for e in ex.entities}
    assert names.get("国家卓越工程师") == "Award" and names.get("大国工匠") == "Award"
    assert names.get("健康某省行动") == "Program" and names.get("健康某省行动考核优秀等次") == "Award"
    held = {r.object for r in ex.relations if r.predicate == "receivedAward" and r.subject == "湖南省"}
    assert "大国工匠" not in held and "健康某省行动考核优秀等次" in held


def test_extract_the_institutions_of_a_field_and_a_described_layout_are_no_names():
    assert_found("优化投融资体制机制，加快构建新质生产力发展格局，构建新发展格局。", {"新发展格局": "Concept"},
                 absent=("投融资体制机制", "新质生产力发展格局"), level="city")
    assert_found("深化大中小学思想政治教育一体化建设。", {}, absent=("大中小学思想",), level="city")


@pytest.mark.parametrize("text, name", [
    ("实实办好十件民生实事。", "十件民生实事"), ("全力推进2026年省十件民生实事。", "省十件民生实事"),
    ("统筹推进省级民生实事项目。", "省级民生实事项目"),
])
def test_extract_the_yearly_livelihood_projects_by_count_or_level(text, name):
    assert_found(text, {name: "Program"}, level="province")
    assert_found("把更多资源用于民生实事。", {}, absent=("民生实事",), level="province")


def test_extract_a_short_form_the_report_declares_is_an_alias():
    text = level_report(CITY_HEAD, "完成。", "我们编制了《江城市国民经济和社会发展第十五个五年规划纲要（草案）》（以下简称《纲要草案》），"
                                          "全文提交大会审查。《纲要草案》明确了今后五年的发展目标。")
    ex = extract(document_from_text(text, "short-form"))
    docs = [e for e in ex.entities if e.type == "PolicyDocument"]
    assert len(docs) == 1 and "纲要草案" in docs[0].aliases


def test_extract_a_service_named_by_通_is_a_mechanism_but_not_a_word_holding_通():
    assert_found("港澳药械通、跨境理财通等落地见效，198项高频政务服务事项实现跨境通办。",
                 {"港澳药械通": "Mechanism", "跨境理财通": "Mechanism", "跨境通办": "Mechanism"}, level="province")
    assert_found("服务事项实现通办，基础设施互联互通，确保政令畅通，发展智慧交通。", {},
                 absent=("通办", "互联互通", "政令畅通", "智慧交通"), level="province")


def test_extract_a_rate_measured_over_groups_names_no_group():
    assert_found("孕产妇、婴儿、5岁以下儿童死亡率达历史最优。", {}, absent=("孕产妇", "5岁以下儿童"), level="province")
    assert_found("为孕产妇提供连续健康管理服务。", {"孕产妇": "TargetGroup"}, level="province")


def test_extract_a_long_campaign_name_opens_at_the_clause_verb():
    assert_found("深入实施新技术新产品新场景大规模应用示范行动。",
                 {"新技术新产品新场景大规模应用示范行动": "Program"}, level="province")


@pytest.mark.parametrize("text, expected, absent", [
    ("全域旅游示范区和国家体育旅游示范区创建扎实推进。", {"全域旅游示范区": "Award", "国家体育旅游示范区": "Award"}, ()),
    ("加快学前教育普及普惠县、义务教育优质均衡发展县创建，新增普通高中学位。",
     {"学前教育普及普惠县": "Award", "义务教育优质均衡发展县": "Award"}, ()),
    ("要继续加大国家级森林城市创建力度。", {"国家级森林城市": "Award"}, ()),
    ("巩固全国文明城区创建成果。", {"全国文明城区": "Award"}, ("文明城区",)),
    ("推动重点行业绿色企业创建，推进扬尘污染治理。", {}, ("重点行业绿色企业",)),
    ("推进奋斗镇创建国家级环境优美乡镇。", {}, ("推进奋斗镇",)),
    ("江城湖入选国家5A级景区。", {"国家5A级景区": "Award"}, ()),
    ("新增国家级旅游度假区2个、5A级景区1个。", {"5A级景区": "Award"}, ()),
    ("东湖公园和南山景区分别晋升为国家3A和4A级旅游景区。", {"国家4A级旅游景区": "Award"}, ("4A级旅游景区",)),
])
def test_extract_titles_pursued_before_创建_and_grades_of_scenic_areas(text, expected, absent):
    assert_found(text, expected, absent, level="district")


def test_extract_benefits_named_by_their_group_and_a_quoted_kind_of_family():
    text = "认真落实低保家庭大学生入学资助和农村低收入家庭冬季用煤补贴政策。"
    assert_found(text, {"低保家庭大学生入学资助": "Program", "农村低收入家庭冬季用煤补贴政策": "Program"},
                 level="district")
    assert_found("确保“零就业”家庭动态为零。", {"零就业家庭": "TargetGroup"}, ("零就业",), level="district")
    assert_found("抓好主城区、东山组团和两河圣山旅游景区绿化等工作。", {"东山组团": "Place"}, ("东山组团和",),
                 level="district")


def test_extract_a_line_between_two_towns_and_its_short_name():
    """市域铁路A至B线 is one line, and the text may call it by the first characters of its ends (A1B1线)."""
    text = level_report(CITY_HEAD, "有序推进市域铁路江城至湖口线相关工作，谋划江湖线建设后沿线地块的利用。")
    ex = extract(document_from_text(text, "line-test"))
    line = next(e for e in ex.entities if e.name == "市域铁路江城至湖口线")
    assert "江湖线" in line.aliases and len({m.sentence for m in line.mentions}) == 1 and len(line.mentions) == 2


def test_extract_a_project_and_its_name_without_project_are_one_programme():
    text = report("推进棚户区改造，甲园、乙园等棚户区改造项目进展顺利；江化集团棚户区改造项目开工。")
    entities = {e.name: e for e in extract(document_from_text(text, "project-test")).entities}
    assert entities["棚户区改造"].type == "Program" and "棚户区改造项目" in entities["棚户区改造"].aliases
    # a body's own project (江化集团 is named as an organisation) stays a project of its own
    assert "江化集团棚户区改造项目" in entities and "棚户区改造项目" not in entities["江化集团棚户区改造项目"].aliases
    assert not any(a == "棚户区改造" for e in entities.values() for a in e.aliases)


@pytest.mark.parametrize("text, name, short", [
    ("实施育儿补贴制度，为超300万名婴幼儿发放育儿补贴。", "育儿补贴制度", "育儿补贴"),
    ("深入推进棚户区改造工程。全年完成棚户区改造5000户。", "棚户区改造工程", "棚户区改造"),
])
def test_extract_a_programme_named_without_its_frame_is_the_same_programme(text, name, short):
    """A report names a programme with its frame word (制度, 工程, 政策, 项目) and without it: one entity."""
    entities = {e.name: e for e in extract(document_from_text(report(text), "frame-test")).entities}
    assert name in entities and short not in entities


@pytest.mark.parametrize("head, own_name_kept", [
    ("江北区人民政府工作报告\n——2014年1月10日在江北区第八届人民代表大会第三次会议上", False),
    (CITY_HEAD.replace("江城市", "江北市"), True),  # a city's own name is part of its sites' names
])
def test_extract_a_name_opening_with_the_district_is_the_name_without_it(head, own_name_kept):
    text = f"{head}\n一、2013年工作回顾\n江北东山组团建设全面开工。\n二、2014年主要工作\n全面加快东山组团建设。\n"
    entities = {e.name: e for e in extract(document_from_text(text, "home-prefix")).entities}
    assert ("江北东山组团" in entities) == own_name_kept
    assert own_name_kept or "江北东山组团" in entities["东山组团"].aliases


@pytest.mark.parametrize("level, typ", [("province", "Facility"), ("city", "Facility"), ("district", "Program")])
def test_extract_a_firms_phase_or_line_is_the_plant_in_a_province_and_works_in_a_district(level, typ):
    got = found("江海石化一期、华星微电子12英寸产线等一批重大项目建成投产", level)
    assert got.get("江海石化一期") == typ and got.get("华星微电子12英寸产线") == typ, got


@pytest.mark.parametrize("level, typ", [("province", "Facility"), ("city", "Facility"), ("district", "Mechanism"),
                                        ("subdistrict", "Mechanism")])
def test_extract_a_platform_is_a_system_built_in_a_province_and_a_way_of_working_below(level, typ):
    assert found("建成全民健康信息平台", level).get("全民健康信息平台") == typ


@pytest.mark.parametrize("level, typ", [("province", "Mechanism"), ("city", "Mechanism"), ("district", "Program")])
def test_extract_a_long_quoted_name_without_a_type_word_by_the_reports_level(level, typ):
    """推行“极简审批”: a way of working in a city's or province's report, a campaign in a district's."""
    assert found("全面推行“极简审批”", level).get("极简审批") == typ


@pytest.mark.parametrize("text, expected, absent", [
    ("推动京津冀协同发展取得新成效", {"京津冀协同发展": "Concept", "京津冀": "Place"}, ()),
    ("支持澳门经济适度多元发展", {"澳门经济适度多元发展": "Concept"}, ()),
    ("推进江城高质量发展", {}, ("江城高质量发展",)),  # any place develops well: no named idea
])
def test_extract_the_way_a_region_is_to_develop_is_an_idea(text, expected, absent):
    text = level_report(PROVINCE_HEAD, text + "。")
    entities = {e.name: e.type for e in extract(document_from_text(text, "developing")).entities}
    assert all(entities.get(n) == t for n, t in expected.items()), entities
    assert not set(absent) & set(entities)


@pytest.mark.parametrize("text, name", [
    ("全面贯彻某某某总书记对湖南系列重要讲话和重要指示精神", "某某某总书记对湖南系列重要讲话和重要指示精神"),
    ("深入学习某某某总书记关于湖南工作的系列重要讲话和指示批示精神", "某某某总书记关于湖南工作的系列重要讲话和指示批示精神"),
])
def test_extract_a_leaders_guidance_to_the_place_is_one_idea(text, name):
    got = found(text, "province")
    assert got.get(name) == "Concept" and "重要指示精神" not in got, got


def test_extract_a_name_cut_inside_another_the_report_names_starts_where_that_one_does():
    """深入推进某某即办改革 names the reform; 办好某某即办改革论坛 is cut by jieba at 即|办: the forum's name
    starts where the reform's does."""
    text = level_report(CITY_HEAD, "深入推进接诉即办改革。办好接诉即办改革论坛。")
    names = {e.name for e in extract(document_from_text(text, "mended")).entities}
    assert "接诉即办改革论坛" in names and "办改革论坛" not in names


def test_extract_a_policy_named_by_what_it_does_stays_a_name():
    assert found("稳妥实施渐进式延迟退休政策", "city").get("渐进式延迟退休政策") == "Mechanism"


@pytest.mark.parametrize("head, place, body", [
    ("恩施土家族苗族自治州人民政府工作报告\n", "恩施土家族苗族自治州", "恩施土家族苗族自治州人民政府"),
    ("锡林郭勒盟行政公署工作报告\n", "锡林郭勒盟", "锡林郭勒盟行政公署"),
])
def test_extract_a_prefecture_or_league_holds_its_honours(head, place, body):
    """The place a prefecture's or league's government speaks for holds the honours the text names no holder
    for (全州/全盟 are its aliases), as a city's does; its government is no site in it."""
    text = head + "一、2023年工作回顾\n全州荣获全国文明城市称号。\n"
    ex = extract(document_from_text(text, "prefecture"))
    entities = {e.name: e for e in ex.entities}
    assert entities[place].type == "Place" and entities[body].type == "Organization"
    got = {(r.subject, r.predicate, r.object) for r in ex.relations}
    assert (place, "receivedAward", "全国文明城市") in got
    assert (body, "locatedIn", place) not in got


# Rules made from reading the output on reports outside the corpus (a county's, a town's, a subdistrict's)

@pytest.mark.parametrize("text, expected, absent, level", [
    # 入围 is a cue like 进入/跻身, and a rank's title keeps its kind (百强县)
    ("首次入围某部地区县域经济百强县。", {"某部地区县域经济百强县": "Award"}, ("入围某部地区",), "county"),
    # a word ending in 局 that is no office: 破局, 开新局, 开创新局
    ("破题破局抓好现代社区建设。", {}, ("破题破局",), "subdistrict"),
    ("坚持应对变局开新局,奋力开创新局。", {}, ("变局开新局", "开创新局"), "subdistrict"),
    ("区公安局、市财政局和交通局联合执法。", {"市财政局": "Organization", "区公安局": "Organization"}, (), "district"),
    # a report's own title: 工作总结暨…工作计划 is no programme
    ("某某街道2021年工作总结暨2022年工作计划", {}, ("工作总结暨2022年工作计划",), "subdistrict"),
    # what is done to a quoted site is no part of its name
    ("建成运营“青春加油站”,打造全县首个青年创业基地。", {"青春加油站": "Facility"}, ("运营青春加油站",), "subdistrict"),
    # touching quotes each with a site's own head are names, not paired catchwords
    ("筹建12家“暖心驿站”“暖心窗口”。", {"暖心驿站": "Facility"}, (), "subdistrict"),
    # a party school is a body; the committee it belongs to does not cut it
    ("邀请市委党校专家开展专题宣讲15场。", {"市委党校": "Organization"}, ("市委",), "subdistrict"),
    ("在街道人大工委的监督支持下,街道办事处高举旗帜。", {"街道人大工委": "Organization"}, ("街道人大",), "subdistrict"),
    # a zone word a verb governs inside a longer name is no place
    ("建立党建引领园区服务长效机制。", {"党建引领园区服务长效机制": "Mechanism"}, ("党建引领园区",), "subdistrict"),
    # a bare verb before 项目/工程 names no project
    ("我们紧盯产业、紧抓项目,跑出了发展加速度。", {}, ("紧抓项目",), "county"),
    # kinds of produce listed before a class noun are no sites
    ("新增茶叶、蔬菜、水果等种植基地面积800亩。", {}, ("茶叶", "蔬菜"), "town"),
    # a township named whole in a list is its own place, not a short name sharing the next one's head
    ("南与杨树乡、双城市三家镇相依。", {"杨树乡": "Place", "双城市三家镇": "Place"}, ("杨树乡三家镇",), "town"),
    # slogans of the form 某某立镇 / 某某强县 are ideas, not towns
    ("紧紧围绕文化立镇、工业强镇、农业稳镇发展战略。", {"文化立镇": "Concept", "农业稳镇": "Concept"}, (), "town"),
    ("坚持工业强县、生态立县不动摇。", {"生态立县": "Concept"}, (), "county"),
    ("第二个“1”指设立县、乡、村级社会治理联动平台", {}, ("指设立县",), "province"),
    # the side a place borders on, a town's looks and a river between are no part of a name
    ("东邻新华镇,西与太和镇一河之隔。", {"新华镇": "Place", "太和镇": "Place"}, ("东邻新华镇", "太和镇一河"), "town"),
    ("镇容镇貌日益优美。", {}, ("镇容镇",), "town"),
    # 获得了A、B、C等荣誉称号: every title of the list, whatever its words
    ("先后获得了省级规范化司法所、某某市关心下一代工作先进集体、平安示范乡镇等荣誉称号。",
     {"省级规范化司法所": "Award", "某某市关心下一代工作先进集体": "Award", "平安示范乡镇": "Award"}, (), "town"),
])
def test_extract_rules_from_reports_outside_the_corpus(text, expected, absent, level):
    assert_found(text, expected, absent, level)


def test_extract_a_county_that_makes_a_ranking_holds_it():
    text = ("某岳县人民政府工作报告\n——2021年12月15日在某岳县第十七届人民代表大会第一次会议上\n各位代表：\n"
            "过去五年工作回顾\n2020年至2021年某岳连续2年入围西部地区县域经济百强县。\n")
    got = {(r.subject, r.predicate, r.object) for r in extract(document_from_text(text, "ranked")).relations}
    assert ("某岳县", "receivedAward", "西部地区县域经济百强县") in got


@pytest.mark.parametrize("text, expected, absent, level", [
    # the party committee and government after a verb (落实区委、区政府): bodies, though no mark stands before them
    ("某中街道认真贯彻落实区委、区政府做出的部署。", {"区委": "Organization", "区政府": "Organization"}, (), "subdistrict"),
    ("深入落实市委决策部署。", {"市委": "Organization"}, (), "city"),
    ("组建运行省政府参事室", {"省政府参事室": "Organization"}, ("省政府",), "province"),
    # verbs before a road's proper name are what is done there
    ("突击清理华山西路北四巷、康和养老院附近的卫生死角。", {"华山西路": "Place"}, ("突击清理华山西路",), "subdistrict"),
    ("改造解放路和胜利路。", {"解放路": "Place", "胜利路": "Place"}, (), "subdistrict"),
    # the middle of a town is no centre
    ("某兴社区位于某宁县城中心地带,辖4个小区。", {}, ("某宁县城中心",), "subdistrict"),
    # 获得“A”、“B”等70多项荣誉称号: every title listed, counted or not
    ("该社区先后获得“全国敬老模范社区”、“全国职工书屋示范点”、“某州市先进基层党组织”等50多项荣誉称号。",
     {"全国职工书屋示范点": "Award", "某州市先进基层党组织": "Award"}, (), "subdistrict"),
])
def test_extract_more_rules_from_reports_outside_the_corpus(text, expected, absent, level):
    assert_found(text, expected, absent, level)


@pytest.mark.parametrize("text, expected, absent", [
    ("振华社区以居家养老服务为主要内容,为辖区老年人提供助浴服务。", {"振华社区": "ResidentialArea"}, ()),
    ("东牌楼社区先后荣获了“某某省充分就业社区”等荣誉称号。", {"东牌楼社区": "ResidentialArea"}, ()),
    ("清河门社区和劳动路社区通过共建未来社区,推动资源集成落地。",
     {"清河门社区": "ResidentialArea", "劳动路社区": "ResidentialArea"}, ()),
    ("加强社区建设,和谐社区建立了议事会。", {}, ("加强社区", "和谐社区")),
    ("组织各社区通过落实党员联系户制度。", {}, ("组织各社区",)),
    # where the work is done: 在某某社区打造…, 在某某社区，结合…; 在试点社区, 在城市社区 are kinds
    ("在荷花池社区打造“幸福社区”，在瓷都社区，结合弄堂特色建立网格。",
     {"荷花池社区": "ResidentialArea", "瓷都社区": "ResidentialArea"}, ()),
    ("在试点社区推行议事会，在城市社区开展调解。", {}, ("试点社区", "城市社区")),
])
def test_extract_a_community_that_opens_a_clause_and_acts_is_named(text, expected, absent):
    assert_found(text, expected, absent)


@pytest.mark.parametrize("text, expected, absent, level", [
    # a firm's seat in brackets is part of its name
    ("持续加强与恒远基业（杭州）数字科技有限公司、瑞丰（深圳）有限公司洽谈对接。",
     {"恒远基业（杭州）数字科技有限公司": "Organization", "瑞丰（深圳）有限公司": "Organization"},
     ("数字科技有限公司",), "subdistrict"),
    # a zone led by something (以党建引领商圈…) is no zone named 党建引领商圈
    ("以党建引领商圈经济发展，打造商圈党建新模式。", {}, ("党建引领商圈",), "subdistrict"),
    # villages counted across the city act (开展…整治): no works are named after them
    ("全县126个村开展人居环境大整治，将打造50个清洁村庄。", {}, ("村开展人居环境大整治",), "county"),
    # the items of 甲、乙等知名品牌 are brands (of 甲、乙等专业品牌 sectors), of 甲、乙等农家乐 sites
    ("巩固青溪土鸡、云岭茶、凤冠柚等知名品牌，建成溪畔山庄、听涛阁等农家乐。",
     {"青溪土鸡": "Brand", "云岭茶": "Brand", "凤冠柚": "Brand", "溪畔山庄": "Facility", "听涛阁": "Facility"},
     (), "town"),
    ("重点引进户外运动、玉石珠宝等专业品牌。", {}, ("户外运动", "玉石珠宝"), "city"),
    # a kind of body counted after its name (合作社2个, 上市公司45家) is none named; 农民 in it is no group
    ("成功申报县级农民专业合作社2个，新增境内外上市公司45家。", {}, (
        "成功申报县级农民专业合作社", "县级农民专业合作社", "境内外上市公司", "成功申报县级农民"), "town"),
    # a kind of firm (上市公司, 国有控股公司), listed or not, is no firm named
    ("完善领军企业、上市公司、瞪羚企业等梯度培育体系，组建国有控股公司。", {}, ("上市公司", "国有控股公司"), "province"),
    # honours in touching quotes before 等荣誉, a span of years opening one; 等市级荣誉称号 ends a list too
    ("街道获得“2023年全国科普日活动优秀组织单位”“2019-2023年度江城市示范社区文化活动中心”“江城新区引领型救助顾问"
     "服务站”等荣誉。", {"全国科普日活动优秀组织单位": "Award", "江城市示范社区文化活动中心": "Award",
                      "江城新区引领型救助顾问服务站": "Award"}, (), "subdistrict"),
    ("先后获得江城市平安示范社区、江城市统一战线（工作）先进集体等市级荣誉称号。",
     {"江城市平安示范社区": "Award", "江城市统一战线（工作）先进集体": "Award"},
     ("江城市统一战线（工作）先进集体等市级荣誉称号",), "subdistrict"),
    # 甲、乙、丙三大园区: each listed zone
    ("推动锦源、华际、时尚创意园三大园区共建。", {"锦源": "Place", "华际": "Place", "时尚创意园": "Place"}, (),
     "subdistrict"),
    # a road named in the subdistrict's title, a plot before a road, areas described by what is done to them
    ("2020年长乐路街道社区代表会议上的报告", {}, ("长乐路",), "subdistrict"),
    ("拆除上川地块银湖路沿线15个违建点位，对剩余待整新小区全面排摸。", {"银湖路": "Place"},
     ("川地块银湖路", "剩余待整新小区"), "subdistrict"),
    # a group before a site's head is part of the site's name (社区长者食堂); 筹备 and 多项 open no name
    ("新增2家社区长者食堂，精心筹备建城百年纪念活动，布局了多项关键项目。", {"建城百年纪念活动": "Program"},
     ("社区长者", "筹备建城百年纪念活动", "多项关键项目"), "district"),
    # a quoted title a place is given (先进县, 示范县, 重点县) is an honour whatever the verb before it
    ("▲被确定为“全国小型水利建设重点县”，连续两年保持“全国农技推广先进县”殊荣。",
     {"全国小型水利建设重点县": "Award", "全国农技推广先进县": "Award"}, (), "county"),
    ("签约项目9个，过半项目已经落地。", {}, ("过半项目",), "county"),
    # names jieba cuts apart, after a title (区长李某某出席) or between a body and a title (某校谭某副院长)
    ("区委书记张卫东、区长陆晓岚出席活动，邀请市委党校钱刚副院长授课，受郑德宏区长委托报告。",
     {"张卫东": "Person", "陆晓岚": "Person", "钱刚": "Person", "郑德宏": "Person"}, (), "district"),
    ("召开县长办公会议，开通市长热线，成立主任委员会。", {}, ("长办", "长热", "任委"), "district"),
    # two places joined by a dot open one name; a software park is a park; ways of working (等方式) list no firms
    ("金桥·花木营商服务中心启用，依托张江软件园，通过联合走访、定期座谈等方式走访企业。",
     {"金桥·花木营商服务中心": "Facility", "张江软件园": "Place"}, ("花木营商服务中心", "定期座谈"),
     "subdistrict"),
    ("推动5个无物业小区引入物业服务。", {}, ("无物业小区",), "subdistrict"),
    # a site's name inside a firm's (某某酒店投资有限公司) is no site
    ("加强与宁海白金酒店投资有限公司洽谈，新建江城酒店。",
     {"宁海白金酒店投资有限公司": "Organization", "江城酒店": "Facility"}, ("宁海白金酒店",), "subdistrict"),
    # a quoted name right after 企业 is the firm's
    ("新能源设备制造企业“远航科技”正式投产，建材企业“恒信建材”完成技改。",
     {"远航科技": "Organization", "恒信建材": "Organization"}, (), "town"),
    ("深化重点企业“服务管家+服务专员”等机制，推行企业“服务包”制度。",
     {"服务管家+服务专员": "Mechanism"}, (), "subdistrict"),
    # the ranks a zone enters (迈入某级工业园区行列) name no zone
    ("园区发展迈入自治区级工业园区行列。", {}, ("自治区级工业园区", "园区发展迈入自治区级工业园区"), "district"),
    # a town named for its trade (羊绒小镇) is a place; 主营业务 (a firm's main business) is no mechanism
    ("园区企业主营业务收入达到62亿元，羊绒小镇入驻企业60余家，陶瓷小镇一期竣工。",
     {"羊绒小镇": "Place", "陶瓷小镇": "Place"}, ("园区企业主营业务", "企业主营业务"), "county"),
    # a highway before its section in brackets or its works; a troupe named by a quote; zones listed before
    # 等工业集中区; a pilot zone listed after a national base is an honour too; a firm's trade ends its name
    ("江川高速（北岭段）建设项目基本完工，“山海情”艺术团走进乡村慰问演出。",
     {"江川高速": "Place", "山海情艺术团": "Organization"}, ("山海情",), "county"),
    ("河口纺织、石门陶瓷、青峰建材等工业集中区逐渐迈向集约化。",
     {"河口纺织": "Place", "石门陶瓷": "Place", "青峰建材": "Place"}, (), "county"),
    ("经济开发区被评为全国农产品加工创业基地、全国纺织产业转移试点园区。",
     {"全国农产品加工创业基地": "Award", "全国纺织产业转移试点园区": "Award"}, (), "county"),
    ("春晖新能源一期项目顺利实现投产。", {"春晖新能源": "Organization"}, ("春晖",), "county"),
    # a name's character jieba reads as a preposition after a place (华|顺|公寓) is no verb opening a list;
    # “最美” before a series of awards is a quality; 提振 is a verb, no part of the group it lifts
    ("积极推进，华顺公寓、东海未名园等3个老旧小区改造。", {"华顺公寓": "ResidentialArea"}, ("公寓",), "subdistrict"),
    ("出台楼道长、业委会等“最美”系列评选文件，大大提振党员干部干事热情。", {}, ("最美", "大大提振党员干部"),
     "subdistrict"),
    # a league's party committee and office (盟委、行署) are bodies, as a city's are
    ("在盟委、行署和旗委的正确领导下，完成了各项任务。", {"盟委": "Organization", "行署": "Organization"}, (), "county"),
    ("成绩的取得，离不开区人大、区政协的监督支持。", {"区人大": "Organization", "区政协": "Organization"}, (), "district"),
    # residents' committees listed before 等八个居委 are residential areas (试点 says what the list is); estates
    # listed before their works (等综合整新项目) stay estates; shop signs (店招) are no shop
    ("首批试点青东、丰都、华阳等八个居委，扎实推进青村小区、金桂小区等综合整新项目，检测店招200块。",
     {"青东": "ResidentialArea", "丰都": "ResidentialArea", "华阳": "ResidentialArea",
      "青村小区": "ResidentialArea", "金桂小区": "ResidentialArea"}, ("试点青东", "检测店"), "subdistrict"),
    # 全周期 / 全流程 are words inside a name, no scope that opens one; projects listed by what is done (开发利用,
    # 产业化) or made (某代某某生产线) before 等重大产业项目 are named, and the firm is no 某某第; 企业“服务包” is no firm
    ("完善债券项目全周期管理工作机制，开工建设青峰矿开发利用、远洋高端智慧风电等重大产业项目，加快实施华光第8.6代"
     "柔性显示生产线、江川产业园二期等在建产业项目，推动重点企业“服务包”提质增效。",
     {"债券项目全周期管理工作机制": "Mechanism", "青峰矿开发利用": "Program",
      "华光第8.6代柔性显示生产线": "Facility", "服务包": "Mechanism"}, ("周期管理工作机制", "华光第"), "province"),
])
def test_extract_firms_seats_led_zones_and_acting_villages(text, expected, absent, level):
    assert_found(text, expected, absent, level)


def test_extract_one_of_a_few_holds_the_quoted_title_not_the_count():
    """被评为全国15个、某省唯一的“…”: the title is the quote, not 全国15个; the county holds it."""
    doc = document_from_text("某某县人民政府工作报告\n一、2009年工作回顾\n▲我县被评为全国15个、某省唯一的“最具客家风情旅游"
                             "目的地”。\n", "t")
    result = extract(doc)
    types = {e.name: e.type for e in result.entities}
    assert types.get("最具客家风情旅游目的地") == "Award" and "全国15个" not in types, types


def test_extract_a_community_named_in_its_own_sentence_holds_its_honour():
    text = "清河街道2023年工作总结\n一、2023年工作回顾\n振华社区被省委、省政府命名为省级文明社区。\n"
    got = {(r.subject, r.predicate, r.object) for r in extract(document_from_text(text, "held")).relations}
    assert ("振华社区", "receivedAward", "省级文明社区") in got
    assert ("清河街道", "receivedAward", "省级文明社区") not in got


@pytest.mark.parametrize("text, expected, absent", [
    ("山鑫居民区率先设立“老伙伴”互助站。", {"老伙伴互助站": "Facility"}, ("互助站",)),
    ("打造“邻里汇”睦邻点。", {"邻里汇睦邻点": "Facility"}, ("睦邻点",)),
    ("组建“红袖章”志愿服务队。", {"红袖章志愿服务队": "Organization"}, ("志愿服务队",)),
])
def test_extract_a_quote_and_the_kind_of_site_after_it_are_one_name(text, expected, absent):
    assert_found(text, expected, absent)


def test_extract_a_congress_and_later_plenums_joined_are_one_idea_each():
    got = found("认真贯彻落实党的十八大和十八届三中、四中全会精神。", "city")
    assert got.get("党的十八大精神") == "Concept" and got.get("十八届三中、四中全会精神") == "Concept", got


@pytest.mark.parametrize("text, expected, absent, level", [
    ("农业+文旅+县域发展的黄山模式,获省级媒体推介。", {"黄山模式": "Mechanism"}, (), "county"),
    ("探索新模式。", {}, ("新模式",), "county"),
    ("2个核酸检测实验室和4个集中隔离点建成投用。", {}, ("核酸检测实验室", "隔离点"), "county"),
])
def test_extract_a_places_way_is_named_and_counted_sites_are_kinds(text, expected, absent, level):
    assert_found(text, expected, absent, level)


def test_extract_communities_listed_or_building_are_named():
    got = found("三桥社区、逍遥社区、龙泉湖社区3个回迁安置区120栋住宅楼完成施工,泊岸社区16栋住宅楼主体封顶,"
                "爱民渠社区开工建设。", "district")
    assert all(got.get(n) == "ResidentialArea" for n in ("三桥社区", "逍遥社区", "龙泉湖社区", "泊岸社区", "爱民渠社区")), got


@pytest.mark.parametrize("text, expected, absent", [
    ("巩固提升某日都村一村一品项目村建设。", {"一村一品": "Mechanism"}, ("项目村", "村一村")),
    ("苏木政府紧扣“生态优先、绿色发展”工作要求,团结带领广大干部群众。", {"生态优先、绿色发展": "Concept"}, ()),
])
def test_extract_one_product_per_village_and_a_slogan_of_work_requirements(text, expected, absent):
    assert_found(text, expected, absent, "township")


def test_extract_a_sumu_township_is_the_reports_place():
    text = ("政府工作报告\n——2023年3月24日在某音他拉苏木第十九届人民代表大会第三次会议上\n"
            "现在,我代表某音他拉苏木人民政府向大会报告工作。\n一、2022年工作回顾\n全苏木种植面积稳定在3万亩以上。\n")
    doc = document_from_text(text, "sumu")
    assert (doc.place, doc.level) == ("某音他拉苏木", "township")
    place = next(e for e in extract(doc).entities if e.name == "某音他拉苏木")
    assert place.type == "Place" and "全苏木" in place.aliases


@pytest.mark.parametrize("text, name", [("县长王立新", "王立新"), ("市人民政府市长周文华", "周文华"), ("区长 刘建军", "刘建军")])
def test_extract_the_speaker_on_a_by_line_with_or_without_a_space(text, name):
    assert found(text, "county").get(name) == "Person"


@pytest.mark.parametrize("text", ["深入贯彻落实科学发展观,按照要求。", "全面落实科学发展观。"])
def test_extract_a_doctrine_after_the_verbs_that_carry_it_out(text):
    assert found(text, "province").get("科学发展观") == "Concept"


def test_extract_a_quoted_brand_of_produce_is_no_firm_and_produce_no_site():
    got = found("新建白茶、蔬菜等“景山800”农林基地10个,新增茶叶等农林基地面积900亩。", "town")
    assert got.get("景山800农林基地") == "Facility" and "景山" not in got and "茶叶" not in got, got


def test_extract_a_quoted_ranking_list_is_an_honour():
    got = found("在年度“全国营商环境百强区”名单中,我区位列第52位。", "district")
    assert got.get("全国营商环境百强区") == "Award", got


@pytest.mark.parametrize("text, expected, absent", [
    ("成功创建某东新区特色创业服务社区。", {"某东新区特色创业服务社区": "Award"}, ()),
    ("成功创建某某新材料、现代金融、现代商贸3个千亿级产业集群。", {}, ("某某新材料",)),
    ("成功复评某海市市容环境示范街道。", {"某海市市容环境示范街道": "Award"}, ()),
    ("某家渡成为首批某海市生活垃圾分类达标示范街道。", {"某海市生活垃圾分类达标示范街道": "Award"}, ()),
    ("4家社会组织获评某海市“5A级社会组织”。", {"5A级社会组织": "Award"}, ()),
    ("社区事务受理中心被评为“5A级社区事务受理中心”。", {"5A级社区事务受理中心": "Award"}, ()),
    ("连年荣获全国科普日活动优秀组织奖、某海市科普日活动优秀组织单位、某海科技节先进集体。",
     {"某海市科普日活动优秀组织单位": "Award", "某海科技节先进集体": "Award"}, ("某海市科普日活动优秀组织",)),
    ("海韵花园居委会荣获“某海市先进基层群众性自治组织”和“全市首批老年心理关爱点”称号。",
     {"海韵花园居委会": "Organization", "某海市先进基层群众性自治组织": "Award", "全市首批老年心理关爱点": "Award"}, ()),
    ("持续完善居委会“8+3”工作法,12家符合条件的居委会实行改革。", {}, ("居委会",)),
])
def test_extract_a_subdistricts_honours_and_bodies(text, expected, absent):
    assert_found(text, expected, absent)


def test_structure_of_a_government_speaking_through_its_subdistrict_office():
    from kg.pipeline import document_from_text as doc_of
    doc = doc_of("2024年长乐路街道社区代表会议报告\n现在,我代表江城区人民政府长乐路街道办事处,向大会作报告。\n", "office")
    assert (doc.issuer, doc.place, doc.level) == ("长乐路街道办事处", "长乐路街道", "subdistrict")


def test_extract_a_government_prefix_makes_no_name_of_its_office():
    got = found("现在,我代表江城区人民政府长乐路街道办事处,向大会作报告,请予审议。")
    assert not any("人民政府" in n and not n.endswith("人民政府") for n in got), got


@pytest.mark.parametrize("text, expected, absent", [
    ("持续深化“美丽、智慧、安全韧性、法治、人文”等五个社区建设。", {"美丽、智慧、安全韧性、法治、人文": "Concept"}, ()),
    ("以新一轮《“宜居江城 人民社区”建设三年行动计划(2024-2026年)》为统领。",
     {"《“宜居江城 人民社区”建设三年行动计划(2024-2026年)》": "PolicyDocument"}, ()),
    ("固定资产投资按计划实施,地块开发建设按计划推进。", {}, ("固定资产投资按计划", "地块开发建设按计划")),
    ("长乐路街道深入推进城市更新。", {}, ("长乐路",)),
])
def test_extract_qualities_a_dated_plan_as_planned_and_a_road_named_subdistrict(text, expected, absent):
    assert_found(text, expected, absent)


def test_extract_only_a_five_year_plans_number_names_a_plan():
    """“十二五”, “九五” are plans; “一三五” (a slogan of one, three, five) is none."""
    assert found("围绕干好“一三五”，完成“十二五”目标。", "province").get("十二五") == "PolicyDocument"
    assert found("围绕干好“一三五”，完成“十二五”目标。", "province").get("一三五") != "PolicyDocument"


@pytest.mark.parametrize("text, expected, absent, level", [
    # the tiers a mechanism spans are part of its name
    ("完善三级巡查处置机制，建立省市两级能耗统计监测体系。",
     {"三级巡查处置机制": "Mechanism", "省市两级能耗统计监测体系": "Mechanism"}, ("巡查处置机制", "能耗统计监测体系"),
     "province"),
    # traffic arrangement and self-run bodies are no named organisation
    ("优化青石路、江北路交通组织，推动老旧小区成立自管组织。", {"江北路": "Place"},
     ("江北路交通组织", "自管组织"), "district"),
    # sites described only by what is done to them (two verbs) are none named; a shop named by two
    # one-character verbs is
    ("复垦废弃居民点和工矿废弃地300亩，严管出店经营行为。", {}, ("复垦废弃居民点", "严管出店"), "county"),
    # one project listed before its counted class (了 after the clause's verb is no part of it)
    ("大力推进了江湾西岸改造等3个旧城改造项目。", {"江湾西岸改造": "Program"}, ("推进了江湾西岸改造",), "district"),
    # a plot is named after what stood on it
    ("东风研究所地块安置房项目征收基本完成。", {"东风研究所地块安置房项目": "Program"}, ("地块安置房项目",),
     "district"),
])
def test_extract_outside_reports_round_13(text, expected, absent, level):
    assert_found(text, expected, absent, level)


def test_extract_a_firm_is_one_entity_with_and_without_its_kind():
    """某某矿业公司上市 also yields 某某矿业 (a firm named by its trade): one firm, the short name an alias."""
    entities = extract(document_from_text(CITY_HEAD + "\n一、2023年工作回顾\n青岭矿业公司上市工作启动。\n", "t")).entities
    firms = [e for e in entities if "青岭矿业" in e.name]
    assert [(e.name, e.aliases) for e in firms] == [("青岭矿业公司", {"青岭矿业"})]


@pytest.mark.parametrize("text, expected, absent, level", [
    # sectors listed before 等行业 are no firms; a party plenum's sessions are no places; a great city is no city
    ("钢铁、石化、机电等行业和不少企业经营困难。", {}, ("石化",), "city"),
    ("贯彻党的十七届三中、四中、五中全会精神。", {}, ("三中", "四中"), "city"),
    ("建设具有国际影响力的现代化大都市。", {}, ("大都市",), "city"),
    # learning opens a campaign's name; the national commissions and bureaus are bodies
    ("深入开展学习实践新发展理念活动。", {"学习实践新发展理念活动": "Program"}, ("实践新发展理念活动",), "city"),
    ("规划方案获国家发改委批复，经国家统计局核定。", {"国家发改委": "Organization", "国家统计局": "Organization"}, (),
     "city"),
])
def test_extract_outside_reports_round_14(text, expected, absent, level):
    assert_found(text, expected, absent, level)


@pytest.mark.parametrize("text, expected, absent, level", [
    # what is done at a site opens the clause, not the site's name
    ("参观廉政教育基地2次，积极妥善处理东湾村遗留难题。", {"廉政教育基地": "Facility", "东湾村": "ResidentialArea"},
     ("参观廉政教育基地", "妥善处理东湾村"), "subdistrict"),
    ("升级改造街道环卫站除臭系统。", {"街道环卫站": "Facility"}, ("升级改造街道环卫站",), "subdistrict"),
    # two bodies joined by 与; a college that builds a base is no part of the base's name
    ("街道办与江城大学法学院共建“社区治理”实践教学基地。",
     {"江城大学法学院": "Organization", "社区治理实践教学基地": "Facility"},
     ("街道办与江城大学法学院", "学院共建社区治理实践教学基地"), "subdistrict"),
    # a village listed after a project is not part of it; linked communities and a committee's meeting are no sites
    ("青石片区城市更新项目东庄村、西庄村安置楼完成建设。", {"东庄村": "ResidentialArea"},
     ("青石片区城市更新项目东庄村",), "subdistrict"),
    ("街道领导班子带队走访联点社区，依托党工委会部署工作。", {}, ("街道领导班子带队走访联点", "党工委会"),
     "subdistrict"),
])
def test_extract_outside_reports_round_15(text, expected, absent, level):
    assert_found(text, expected, absent, level)


@pytest.mark.parametrize("text, expected, absent, level", [
    # a route runs between the places it names; a kind of project counted after its name is none named
    ("开工建设江城至青石快速通道。", {"江城至青石快速通道": "Place"}, ("青石快速通道",), "county"),
    ("其中，申报专项债券项目12个，争取资金5亿元。", {}, ("申报专项债券项目", "专项债券项目"), "city"),
])
def test_extract_outside_reports_round_16(text, expected, absent, level):
    assert_found(text, expected, absent, level)


def test_extract_the_body_under_its_citys_name_in_the_title_is_the_issuer():
    """2021年某市某区政府工作报告 with 我代表区人民政府: one body, the title's form an alias."""
    text = ("2021年江州市青山区政府工作报告\n—2021年3月2日在青山区第十五届人民代表大会第五次会议上\n"
            "现在，我代表区人民政府向大会报告工作。\n一、2020年工作回顾\n全年新建学校3所。\n")
    bodies = [e for e in extract(document_from_text(text, "t")).entities if e.name.endswith("政府")]
    assert [e.name for e in bodies] == ["青山区人民政府"] and "江州市青山区政府" in bodies[0].aliases


def test_extract_a_group_before_its_income_is_no_target():
    """城乡常住居民人均可支配收入分别增长…: the income of a group, no group served."""
    assert "城乡常住居民" not in found("城乡常住居民人均可支配收入分别增长6.5%和10.7%。", "province")


def test_extract_a_sector_and_its_key_industries_name_a_campaign():
    """、制造业重点产业强基提质行动: the sector before 重点 is part of the campaign's name in a list."""
    got = found("实施数字化转型示范行动、制造业重点产业强基提质行动等。", "province")
    assert got.get("制造业重点产业强基提质行动") == "Program" and "产业强基提质行动" not in got


@pytest.mark.parametrize("text", ["建设未来社区12个。", "打造完整社区5个。"])
def test_extract_a_kind_of_community_built_names_none(text):
    """The clause's verb and a kind (建设未来社区12个) open no community's name; 青湖社区建成… does."""
    assert not any(t == "ResidentialArea" for t in found(text, "district").values())
    assert found("青湖社区建成睦邻中心。", "district").get("青湖社区") == "ResidentialArea"


@pytest.mark.parametrize("text, name", [("锚定“三高四新”美好蓝图。", "三高四新"), ("围绕“一核两翼”功能定位。", "一核两翼")])
def test_extract_a_quote_named_as_a_blueprint_or_a_position_is_a_concept(text, name):
    assert found(text, "province").get(name) == "Concept"


@pytest.mark.parametrize("text, expected, absent, level", [
    # a date before a quoted body is no part of it; quoted emphasis (“高质量”, “红色堡垒”) names nothing
    ("启动新一轮2025年-2026年江州市“五好”商会争创工作。", {"江州市五好商会": "Organization"}, ("年江州市五好商会",),
     "subdistrict"),
    ("推动“高质量”经济发展，筑牢基层治理“红色堡垒”。", {}, ("高质量", "红色堡垒"), "subdistrict"),
    # touching quotes held as activities (开展“甲”“乙”) are each a programme, not paired catchwords
    ("针对老党员开展“送课进门”“指尖课堂”，确保全覆盖。", {"送课进门": "Program", "指尖课堂": "Program"}, (),
     "subdistrict"),
    # a market supervision office (所 read as a conjunction) is a body; the body worked with is no part of its name
    ("协同街道市场监督管理所到青湾社区商铺检查，协同区市场监督管理局开展检查。",
     {"街道市场监督管理所": "Organization", "区市场监督管理局": "Organization"}, ("协同区市场监督管理局",),
     "subdistrict"),
    # place words before 社区 name a community wherever it stands; a province's name does not
    ("深入青龙湖社区开展排查，加强上海社区建设。", {"青龙湖社区": "ResidentialArea"}, ("上海社区",), "subdistrict"),
    # 被认定为 and 列入 a list of titles, 成为 a national title: honours
    ("陶瓷产业基地被认定为国家级外贸转型升级基地。", {"国家级外贸转型升级基地": "Award"}, (), "county"),
    ("成为国家农产品质量安全县，列入全国森林康养基地、某某机构体制机制创新试点县。",
     {"国家农产品质量安全县": "Award", "全国森林康养基地": "Award", "某某机构体制机制创新试点县": "Award"}, (), "county"),
    ("某某项目列入全省重点项目。", {}, ("全省重点项目",), "county"),
])
def test_extract_outside_reports_round_17(text, expected, absent, level):
    assert_found(text, expected, absent, level)


@pytest.mark.parametrize("text, expected, absent, level", [
    # a ministry named after 国家 is a body; the last of a list of aims before 各项 names no policy
    ("按照国家农业农村部行业标准实施。", {"农业农村部": "Organization"}, (), "county"),
    ("全面落实稳增长、调结构、惠民生各项政策措施。", {}, ("惠民生各项政策",), "county"),
    # two quoted states of a change (“甲”到“乙”的过渡) are no names
    ("经济建设实现“总体粗放”到“集约集聚”的稳步过渡。", {}, ("总体粗放", "集约集聚"), "county"),
])
def test_extract_outside_reports_round_18(text, expected, absent, level):
    assert_found(text, expected, absent, level)


@pytest.mark.parametrize("text, expected, absent, level", [
    # plots listed before 等重点某某地块 are places; bodies set up (组建甲局和乙局) are each a body
    ("东化建、柳树塘、青华山等重点棚改地块成为招商热点。", {"东化建": "Place", "柳树塘": "Place"}, (), "district"),
    ("组建区招才局和科技成果转化局，出台指导意见。", {"区招才局": "Organization", "科技成果转化局": "Organization"},
     (), "district"),
    # an innovative district is a standing to reach, not a site
    ("建设创新型城区。", {"创新型城区": "Concept"}, (), "district"),
])
def test_extract_outside_reports_round_19(text, expected, absent, level):
    assert_found(text, expected, absent, level)


@pytest.mark.parametrize("text, expected, absent, level", [
    # a street word jieba reads as a person's name is a street; a firm given capital is no part of the verb
    ("汉正街征收取得重大突破。", {"汉正街": "Place"}, (), "district"),
    ("组建青河资产管理有限公司，增资望江建设有限公司。", {"望江建设有限公司": "Organization"}, ("增资望江建设有限公司",),
     "district"),
    # honours listed before 等国家和省级荣誉 are each one; the first shot fired (“第一枪”) is emphasis
    ("荣获全国智慧城市先导区、全国和谐社区建设示范区等国家和省级荣誉11项。",
     {"全国智慧城市先导区": "Award", "全国和谐社区建设示范区": "Award"}, (), "district"),
    ("成功打响全市自拆“第一枪”。", {}, ("第一枪",), "district"),
])
def test_extract_outside_reports_round_20(text, expected, absent, level):
    assert_found(text, expected, absent, level)


@pytest.mark.parametrize("text, expected, absent, level", [
    # counted aims quoted together are a formula, not an enumeration of words; a poor village is a kind
    ("聚焦“两不愁、三保障”〔1〕，投入1.93亿元。", {"两不愁、三保障": "Mechanism"}, (), "county"),
    ("6个贫困嘎查村脱贫退出，巴音嘎查村建成。", {"巴音嘎查村": "ResidentialArea"}, ("贫困嘎查", "查村"), "county"),
    # a firm's short name jieba cuts into two verbs is still listed before 等龙头企业; verbs alone are not
    ("月华斋、蒙盛等龙头企业带动2460户实现增收，新设3所职业学校。", {"蒙盛": "Organization"}, ("新设",), "county"),
])
def test_extract_outside_reports_round_21(text, expected, absent, level):
    assert_found(text, expected, absent, level)


@pytest.mark.parametrize("text, expected, absent, level", [
    # a research or promotion society is a body; a firm's quoted name does not open with a count (“一次性税源”)
    ("积极引进江州市食品药品研究会、江州市文创产业促进会。",
     {"江州市食品药品研究会": "Organization", "江州市文创产业促进会": "Organization"}, (), "subdistrict"),
    # shortlisted (入围) for a quoted title is an honour, its year no part of it; 入围某某等试点 names none
    ("睦邻街区入围“2023年全国社区党建创新案例”。", {"全国社区党建创新案例": "Award"},
     ("2023年全国社区党建创新案例",), "subdistrict"),
    ("入围首批国家某某一体化应用等试点。", {}, ("首批国家某某一体化应用等试点",), "province"),
])
def test_extract_outside_reports_round_22(text, expected, absent, level):
    assert_found(text, expected, absent, level)


def test_extract_a_firms_quoted_name_opens_with_no_count():
    got = found("挖掘存量企业“一次性税源”与潜在税收。", "subdistrict")
    assert got.get("一次性税源") != "Organization", got


def test_extract_a_quoted_pilot_city_is_an_honour_as_a_model_city_is():
    """成为国家“某某示范市”和“某某试点城市”: both titles are honours the city holds."""
    got = found("成为国家“知识产权工作示范市”和“知识产权质押融资试点城市”。", "city")
    assert got.get("知识产权工作示范市") == got.get("知识产权质押融资试点城市") == "Award", got


def test_extract_listed_projects_named_with_latin_letters_and_figures():
    """某某一厂改扩建、某某4.5代TFT等项目: a Latin product name in one item does not hide the whole list."""
    got = found("东江本田一厂改扩建、青石化800万吨炼油改造、天河4.5代TFT等项目建成投产。", "city")
    assert got.get("东江本田一厂改扩建") == got.get("青石化800万吨炼油改造") == "Program", got
    assert got.get("天河4.5代TFT") == "Program", got


@pytest.mark.parametrize("text, expected, absent, level", [
    # the greeting's 并请列席人员 names no group; a firm named with its trade and 有限公司 is one firm
    ("现在，我代表镇人民政府向大会报告工作，请予审议，并请列席人员提出意见。", {}, ("请列席人员",), "town"),
    ("青川沁宜酒业有限公司等企业建成投产。", {"青川沁宜酒业有限公司": "Organization"}, ("青川沁宜酒业",), "town"),
])
def test_extract_outside_reports_round_25(text, expected, absent, level):
    assert_found(text, expected, absent, level)


@pytest.mark.parametrize("text, expected, absent, level", [
    # a village named after its description (西|地|村 unknown to jieba) is named; villagers' estates are a kind
    ("以休闲观光和农家乐为特色的北地村，投资2400多万元。", {"北地村": "ResidentialArea"}, (), "district"),
    ("建成25.5万平方米的村民小区，建设美丽的新农村。", {}, ("村民小区", "新农村"), "district"),
])
def test_extract_outside_reports_round_26(text, expected, absent, level):
    assert_found(text, expected, absent, level)


@pytest.mark.parametrize("text, expected, absent, level", [
    # a lawyer stationed in the community (驻点律师) is no site; 链接, 跟进 open no name
    ("为需要法律援助的居民链接社区驻点律师。", {}, ("居民链接社区驻点", "社区驻点"), "subdistrict"),
    ("及时跟进民生微实事服务类项目。", {"民生微实事服务类项目": "Program"}, ("跟进民生微实事服务类项目",),
     "subdistrict"),
])
def test_extract_outside_reports_round_27(text, expected, absent, level):
    assert_found(text, expected, absent, level)


def test_extract_projects_listed_before_a_batch_of_projects_and_the_batch_names_none():
    """甲公司技改、乙食品饮料、丙山风电场等一批优质工业项目: the items are projects, 一批…项目 is none."""
    got = found("银河公司技改、景源食品饮料、天柱山风电场等一批优质新型工业项目竣工投产。", "county")
    assert got.get("银河公司技改") == got.get("景源食品饮料") == "Program", got
    assert "优质新型工业项目" not in got, got


@pytest.mark.parametrize("text, expected, absent, level", [
    # 辖区内 and a year's 年度 open no project's name; continued works (续建项目) are a kind
    ("辖区内老旧路灯改造出新工程项目完工。", {"老旧路灯改造出新工程项目": "Program"}, ("内老旧路灯改造出新工程项目",),
     "subdistrict"),
    ("东苑二期新建工程（2024年度续建项目）。", {}, ("年度续建项目", "续建项目"), "subdistrict"),
    # a subdistrict's own health centre names no community 街道社区; communities listed after a bracket are named
    ("街道社区卫生服务中心改扩建主体工程项目已开工。", {"街道社区卫生服务中心": "Facility"}, ("街道社区",), "subdistrict"),
    ("新建（改造）春塘社区、茅林桥社区居家养老服务站点。",
     {"春塘社区": "ResidentialArea", "茅林桥社区": "ResidentialArea"}, (), "subdistrict"),
])
def test_extract_outside_reports_round_29(text, expected, absent, level):
    assert_found(text, expected, absent, level)


@pytest.mark.parametrize("text, expected, absent, level", [
    # a block's party branch is a body; an estate named 某某新村 is a residential area
    ("成立邻聚力青灵街区党支部。", {"邻聚力青灵街区党支部": "Organization"}, (), "subdistrict"),
    ("金石新村加装电梯3部。", {"金石新村": "ResidentialArea"}, (), "subdistrict"),
])
def test_extract_outside_reports_round_30(text, expected, absent, level):
    assert_found(text, expected, absent, level)


def test_extract_one_honour_before_a_count_of_honours_of_every_level():
    """荣获全国某某示范社区等各级荣誉十余项: the honour ends before 等各级荣誉."""
    got = found("全年街道荣获全国社区工作服务示范社区等各级荣誉十余项。", "subdistrict")
    assert got.get("全国社区工作服务示范社区") == "Award", got
    assert not any("十余项" in n for n in got), got


@pytest.mark.parametrize("text, expected, absent, level", [
    # the only pilot of a province is no part of the pilot's name; a quoted time limit names nothing
    ("开展全省唯一一体化政务服务2.0平台区级试点。", {"一体化政务服务2.0平台区级试点": "Program"},
     ("唯一一体化政务服务2.0平台区级试点",), "district"),
    ("从赋码到开工全过程“最多60天”。", {}, ("最多60天",), "district"),
])
def test_extract_outside_reports_round_33(text, expected, absent, level):
    assert_found(text, expected, absent, level)


def test_extract_the_yearly_economic_plan_is_not_split_at_its_and():
    """国民经济和社会发展计划 is one plan, not 国民经济计划 and 社会发展计划."""
    got = found("现将青山区2019年国民经济和社会发展计划执行情况提请大会审议。", "district")
    assert "国民经济计划" not in got and "社会发展计划" not in got, got


@pytest.mark.parametrize("text, expected, absent, level", [
    # a verb before 村 names no village (跨村联建); a village jieba cuts (东|山村) is named outside a list too
    ("实施跨村联建，带动“家门口”就业1100余人。", {}, ("跨村", "家门口"), "town"),
    ("东山村建成文化礼堂。", {"东山村": "ResidentialArea"}, (), "town"),
])
def test_extract_outside_reports_round_35(text, expected, absent, level):
    assert_found(text, expected, absent, level)


@pytest.mark.parametrize("text, expected, absent, level", [
    # sites of a kind counted (16个某某产业园, 1个某级物流园区——its name) are a kind, not one place
    ("打造了12个扶贫产业园。", {}, ("扶贫产业园",), "county"),
    ("辖1个自治区级物流产业园区——青河市物流产业园区。", {"青河市物流产业园区": "Place"}, ("自治区级物流产业园区",),
     "city"),
    # 山水林田湖草 is one word: its 湖 heads no lake; a works of two acts (保护和修复) is one name, however long
    ("谋划清溪江流域山水林田湖草沙一体化保护和修复工程。", {"清溪江流域山水林田湖草沙一体化保护和修复工程": "Program"},
     ("清溪江流域山水林田湖",), "province"),
    ("加快推进岱海流域山水林田湖草生态保护修复试点工程项目。", {}, ("岱海流域山水林田湖",), "county"),
    # a kind the listed firms are counted in (甲、乙两大某某基地) names no base; 同类 makes no name specific
    ("建成青云机械、白石重工两大装备制造基地。", {}, ("白石重工两大装备制造基地",), "district"),
    ("参观三大战役纪念馆。", {"三大战役纪念馆": "Facility"}, (), "district"),
    ("深入学习贯彻党的二十大报告精神和十九大报告精神。", {"十九大报告精神": "Concept"}, (), "district"),
    ("某某工业园位居全市同类园区前列。", {}, ("同类园区",), "district"),
])
def test_extract_outside_reports_round_36(text, expected, absent, level):
    assert_found(text, expected, absent, level)


def test_extract_a_glossary_term_defined_by_its_full_name_has_it_as_an_alias():
    """某某工程：某某一体化保护和修复工程。 The defined term and the full name are one entity, the short term its name."""
    text = report("实施某某工程。") + "注释\n［3］某某工程：\n山水林田湖草沙一体化保护和修复工程。\n"
    ex = extract(document_from_text(text, "glossary-full-name"))
    names = {e.name: e for e in ex.entities}
    assert "山水林田湖草沙一体化保护和修复工程" not in names, sorted(names)
    assert "山水林田湖草沙一体化保护和修复工程" in names["某某工程"].aliases


@pytest.mark.parametrize("text, expected, absent, level", [
    # 休闲, 健身 inside a park's name do not end it
    ("建设青石山休闲健身公园、机场新区休闲文化体育公园。",
     {"青石山休闲健身公园": "Place", "机场新区休闲文化体育公园": "Place"}, ("健身公园", "文化体育公园"), "district"),
    # the place a centre is named after is no part of the group it serves
    ("新建东河区残疾人综合服务中心，建立区高校毕业生创业中心。",
     {"残疾人": "TargetGroup", "高校毕业生": "TargetGroup"}, ("东河区残疾人", "区高校毕业生"), "district"),
    # a road by its material, 街巷路, 主体工程, 民办学校: kinds; 享誉, 敦促 open no name
    ("铺设柏油路7000平方米，实施街巷路维修，完成部分主体工程，规范民办学校管理。", {},
     ("铺设柏油路", "柏油路", "街巷路", "主体工程", "民办学校"), "district"),
    ("竭力打造享誉西北地区的旅游胜地，敦促青禾农贸市场建成。", {"青禾农贸市场": "Facility"},
     ("享誉西北地区", "敦促青禾农贸市场"), "subdistrict"),
    # services listed before 等 are a kind, no one service; a project's 项目化 is a way of running
    ("为辖区敬老院提供巡诊等医疗服务，依托社区基金会项目化运作。", {}, ("巡诊等医疗服务", "社区基金会项目"),
     "subdistrict"),
])
def test_extract_outside_reports_round_37(text, expected, absent, level):
    assert_found(text, expected, absent, level)


def test_extract_works_named_after_a_junior_school_and_a_progress_report_reviews():
    """农村初中进城工程 (jieba tags 初中 a direction word, which ended the name): one works, run by whom the list
    says; a list titled 某年重点工作进展情况 reports progress, it plans nothing."""
    text = ("2014年重点工作进展情况\n14、农村初中进城工程。由教育局组织推进和落实。主教学楼框架结构已完成。\n")
    ex = extract(document_from_text(text, "progress"))
    names = {e.name: e for e in ex.entities}
    assert "农村初中进城工程" in names, sorted(names)
    assert names["农村初中进城工程"].statuses(ex.document) == ["achieved"]
    assert ("农村初中进城工程", "organizedBy", "教育局") in {(r.subject, r.predicate, r.object) for r in ex.relations}


@pytest.mark.parametrize("text, expected, absent, level", [
    # a park named (命名为) by its full name is the park, no honour; an honour named so stays one
    ("经自治区政府批准，园区被正式命名为“北河青石金属加工园区”。", {"北河青石金属加工园区": "Place"}, (), "district"),
    ("东坡村被命名为全国文明村。", {"全国文明村": "Award"}, (), "town"),
    # firms of six characters or seven listed before a count of firms; 致力于 opens no name
    ("成功引入四川青禾、上海青岚控股、白石集团3家上市企业。", {"上海青岚控股": "Organization"}, (), "district"),
    ("吸引卫星研发制造、火箭总装测试等企业集聚。", {}, ("火箭总装测试", "卫星研发制造"), "province"),
    ("我们致力于促项目、稳增长。", {}, ("致力于促项目",), "district"),
    # the government of a term (某镇第十三届人民政府) is no body of its own; 改建 opens no group
    ("现在，我代表青山镇第十三届人民政府，向大会报告工作。", {}, ("青山镇第十三届人民政府",), "town"),
    ("改建农户大门302户。", {}, ("改建农户",), "town"),
    ("青河市下设北区街道办事处、南区街道办事处。", {"北区街道办事处": "Organization"}, ("青河市下设北区街道办事处",), "city"),
])
def test_extract_outside_reports_round_38(text, expected, absent, level):
    assert_found(text, expected, absent, level)


@pytest.mark.parametrize("text, expected, absent, level", [
    # works described (某某里三个棚户区的改造) are no name; 地埋式 is one word of a station's name
    ("配合做好青山里三个棚户区的改造。", {}, ("青山里三个棚户区的改造", "棚户区的改造"), "subdistrict"),
    ("新建冶金地埋式垃圾中转站。", {"冶金地埋式垃圾中转站": "Facility"}, ("埋式垃圾中转站",), "subdistrict"),
])
def test_extract_outside_reports_round_39(text, expected, absent, level):
    assert_found(text, expected, absent, level)


@pytest.mark.parametrize("text, expected, absent, level", [
    # villages listed before an act (甲、乙等村开展某某基地…): the villages are the class, not the site after the act
    ("在青岗、白竹等村开展蔬菜基地培育工作。", {"青岗": "ResidentialArea", "白竹": "ResidentialArea"}, (), "town"),
    # the standing a place aims at is a slogan (某某美镇) or a description (某某大镇, 某某重镇), no place
    ("围绕建设林业大镇、商贸重镇、生态美镇战略，加快发展。", {"生态美镇": "Concept"}, ("林业大镇", "商贸重镇"), "town"),
    # a title pursued (某某小镇创建) follows the last act of its clause, not a list mark and a verb's object
    ("三是按照上级文件批复全力启动某省森林小镇创建工作。", {"某省森林小镇": "Award"},
     ("三是按照上级文件批复全力启动某省森林小镇",), "town"),
    # works named by what is done to them (续建扩建项目) are no project of their own
    ("青禾精密、白石冶金等续建扩建项目建成投产。", {"青禾精密": "Facility"}, ("续建扩建项目",), "county"),
])
def test_extract_outside_reports_round_41(text, expected, absent, level):
    assert_found(text, expected, absent, level)


def test_extract_a_short_form_of_the_reports_own_place_is_the_place():
    text = ("青白河珠穆沁旗2022年政府工作报告\n——2022年1月5日在青白河珠穆沁旗第十六届人民代表大会第一次会议上\n"
            "青白旗人民政府代旗长 王某某\n各位代表：\n一、过去四年工作回顾\n青白河珠穆沁旗人民政府团结带领全旗人民，"
            "较好完成了各项任务。青白旗地区生产总值累计完成232.75亿元。")
    ex = extract(document_from_text(text, "t"))
    names = {e.name: e for e in ex.entities}
    assert "青白旗" not in names and "青白旗人民政府" not in names, sorted(names)
    assert "青白旗人民政府" in names["青白河珠穆沁旗人民政府"].aliases


@pytest.mark.parametrize("text, expected, absent, level", [
    # a set phrase of acts before a count of firms (顺利完成66家企业) is no firm; “营改增” is a reform, no firm
    ("顺利完成66家企业“营改增”移交。", {"营改增": "Program"}, ("顺利完成",), "district"),
    # 幸福某地 is an aim, 平安某地建设 a campaign
    ("努力建设幸福上海，推进平安上海建设。", {"幸福上海": "Concept", "平安上海建设": "Program"}, (), "city"),
])
def test_extract_outside_reports_round_42(text, expected, absent, level):
    assert_found(text, expected, absent, level)


def test_extract_the_reports_place_after_the_division_above_it_is_the_place():
    text = "青河市北城区人民政府工作报告\n现在，我代表北城区人民政府报告工作。\n一、2023年工作回顾\n北城区新建学校3所。\n"
    ex = extract(document_from_text(text, "t"))
    names = {e.name: e for e in ex.entities}
    assert "青河市北城区" not in names, sorted(names)
    assert "青河市北城区" in names["北城区"].aliases


@pytest.mark.parametrize("text, expected, absent, level", [
    # a doubled adverb opens an act (紧紧抓住), no place's name runs across it
    ("紧紧抓住青河新区开发开放重大机遇。", {"青河新区": "Place"}, ("紧紧抓住青河新区",), "city"),
    # an aim naming a model's title (某某强市示范城市) is no idea of its own; firms by their size name no firm
    ("获批首批全国质量强市示范城市。", {}, ("全国质量强市",), "city"),
    ("深入实施大企业大集团培育工程。", {"大企业大集团培育工程": "Program"}, ("大企业大集团",), "city"),
])
def test_extract_outside_reports_round_43(text, expected, absent, level):
    assert_found(text, expected, absent, level)


@pytest.mark.parametrize("text, expected, absent, level", [
    # 宣传 after an adverb is the act (广泛宣传某某价值观), inside a name after a noun (法治宣传月)
    ("广泛宣传社会主义核心价值观，开展法治宣传月活动。",
     {"社会主义核心价值观": "Concept", "法治宣传月活动": "Program"}, ("宣传社会主义核心价值观",), "subdistrict"),
    # troubles described in quotes before 问题 are no campaign; a count of them (“四风”) stays a name
    ("着力解决群众“急难愁盼”问题，坚决纠治“四风”问题。", {"四风": "Concept"}, ("急难愁盼",), "subdistrict"),
])
def test_extract_outside_reports_round_45(text, expected, absent, level):
    assert_found(text, expected, absent, level)


@pytest.mark.parametrize("text, expected, absent, level", [
    # the one title of a scope, quoted (获评全省唯一一个“某某名城”), is the quoted name
    ("获评全省唯一一个“中国青瓷名城”。", {"中国青瓷名城": "Award"}, ("一个中国青瓷名城",), "city"),
    # a quoted aim before 发展目标 is an idea; a government of a new term is the government
    ("围绕“把青城建设得更加美丽”发展目标，新一届市政府开局良好。", {"把青城建设得更加美丽": "Concept"},
     ("新一届市政府",), "city"),
])
def test_extract_outside_reports_round_46(text, expected, absent, level):
    assert_found(text, expected, absent, level)


@pytest.mark.parametrize("text, expected, absent, level", [
    # villages listed after 的, the last two joined by 和 (甲、乙、丙和丁4个村): each one
    ("最为贫困的是海拔较高的青寨、白乐、大岗和石湾4个村。",
     {"青寨": "ResidentialArea", "白乐": "ResidentialArea", "大岗": "ResidentialArea", "石湾": "ResidentialArea"},
     ("大岗和石湾",), "town"),
])
def test_extract_outside_reports_round_50(text, expected, absent, level):
    assert_found(text, expected, absent, level)


@pytest.mark.parametrize("text, expected, absent, level", [
    # a community where the work is done, after 在 or 对, is named without the preposition
    ("在青石社区铺设水泥路，投资130万元对白沙社区进行上下水改造。",
     {"青石社区": "ResidentialArea", "白沙社区": "ResidentialArea"}, ("在青石社区",), "subdistrict"),
    # a place word jieba knows, right before the one character that ends a lane's name (某某|里), is no place
    ("彻底改变了青文里、广明里、广昌里三个小区居民行路难的状况。",
     {"广明里": "ResidentialArea", "广昌里": "ResidentialArea"}, ("广明", "广昌"), "subdistrict"),
    # the verbs of a call to act (号召居民大搞…) and of a conversion (改造成) open no name
    ("街道办事处号召居民大搞爱国卫生运动，将原青石厂小医院改造成农贸市场。",
     {"爱国卫生运动": "Program"}, ("青石厂小医院改造成农贸市场",), "subdistrict"),
    # 增创 (to add to an advantage) is an act before the zone, no part of its name
    ("以深化改革为动力，增创开发区体制机制新优势。", {}, ("增创开发区",), "district"),
    # people acting quickly (志愿者迅速行动) name no campaign; the audience of a congress is no group served
    ("广大党员干部和志愿者迅速行动，守卡点、做流调。", {}, ("志愿者迅速行动",), "district"),
    ("并请县政协委员和其他列席会议人员提出意见。", {}, ("列席会议人员",), "county"),
    # a village named after an inn (张家店村) holds no inn; where sites stand (镇域内) is no part of their name
    ("青家店村、白沙村的标准化渠道建设初见成效；镇域内水库得到修缮。", {"青家店村": "ResidentialArea"},
     ("青家店", "镇域内水库"), "town"),
    # 落地 read as a noun before a list of projects is the act; an industrial park (产业园区) is one name
    ("引进落地青碳纳米、白一锂能等新能源项目19个，建成扶贫产业园区128个。", {"青碳纳米": "Facility"},
     ("落地青碳纳米", "扶贫产业园"), "district"),
    # a superlative describes a site (建成全区最大规模某某基地), it names none
    ("特色养殖取得新突破，建成自治区最大规模羊驼养殖基地。", {}, ("大规模羊驼养殖基地",), "county"),
    # a phase ends the works named before it (完成工程一期某某港至…): the port is named from its own words
    ("完成工程一期青家港至建设二路堤防建设。", {"青家港": "Facility"}, ("工程一期青家港",), "district"),
    # 自然 in a museum's name is no adverb; a road's preparatory work (前期工作) is no 路前 (the front of a road)
    ("配合做好青山自然博物馆项目建设，推进西外环路前期工作。",
     {"青山自然博物馆": "Facility", "西外环路": "Place"}, ("博物馆",), "district"),
    # two squares joined by 和 and counted (甲和乙两个市民广场): each, and no bridge named after the first; a
    # direction from a site (甲桥以北) is no part of the river's name
    ("双拥广场全面竣工，青萨尔和白升路两个市民广场建成，完成青萨尔桥以北伊敏河两岸景观改造。",
     {"青萨尔": "Place", "白升路": "Place", "青萨尔桥": "Place", "伊敏河": "Place"},
     ("青萨尔桥以北伊敏河",), "district"),
    # a place that stands (某某站在新的起点上) is no station
    ("青州站在一个新的发展起点上。", {}, ("青州站",), "city"),
    # a firm's seat in ASCII brackets (某某基业(上海)智能科技有限公司) stands inside its name, as in full-width ones
    ("持续加强与青仪基业(上海)智能科技有限公司洽谈对接。", {"青仪基业(上海)智能科技有限公司": "Organization"},
     ("智能科技有限公司",), "subdistrict"),
    # a side word after a comma opens a name (，下渠司法所获评…): no clause stands before it to be its side
    ("机关事务管理局获评示范单位，下青司法所获评全国先进司法所。", {"下青司法所": "Organization"}, ("青司法所",), "county"),
    # 我乡某某村: the village, not 乡某某村; what a place plans to do (某乡计划进行…) names no plan
    ("截至6月底，我乡青官村启科路面硬化1.5公里。青雅乡计划进行的产业开发有五项。",
     {"青官村": "ResidentialArea", "青雅乡": "Place"}, ("乡青官村", "青雅乡计划"), "township"),
    # 新修 (newly built) is the act, no part of what was built
    ("新修园区道路40多公里。", {}, ("新修园区道路", "新修园区"), "district"),
    # the quoted words are the idea (“某某、某某”工作总基调), 工作总基调 alone names none; a word ending in 化 jieba reads
    # as a place (法治化) is no place
    ("坚持“稳中求进、进中求好”工作总基调，以科学化机制和常态化、法治化理念做好维稳。",
     {"稳中求进、进中求好": "Concept"}, ("工作总基调", "法治化"), "city"),
])
def test_extract_outside_reports_rounds_51_to_59(text, expected, absent, level):
    """Generic bugs found reading reports outside the corpus at stop 29, each in sentences of my own."""
    assert_found(text, expected, absent, level)


@pytest.mark.parametrize("text, expected, absent, level", [
    # the clause's verb before a listed community (，协助甲社区、乙社区…) is no part of its name; a grade (星级) before
    # a kind of site names no community
    ("指导社区完成设计，协助青凤社区、白灵社区对照星级社区服务综合体建设标准完成定稿。",
     {"青凤社区": "ResidentialArea", "白灵社区": "ResidentialArea"}, ("协助青凤社区", "星级社区"), "subdistrict"),
    # one character before 新村 names a village (旺|新村)
    ("在旺新村建设千亩示范片。", {"旺新村": "ResidentialArea"}, (), "town"),
    # 做精 (to refine) opens a heading, no part of the place; 同城 is one word of a zone's name
    ("（一）做精老城区。（二）加快青白同城商务区建设。", {"青白同城商务区": "Place"}, ("做精老城区",), "district"),
    # 列出 (to list) opens no document's name
    ("年初列出增收项目清单12大项。", {}, ("列出增收项目清单",), "town"),
    # a subsidy (补奖) is no award; 退牧还草 is one word, not 还 (still) before a project
    ("年内发放草原生态补奖资金4.65亿元，实施退耕还林、退牧还草专项工程。", {"退牧还草专项工程": "Program"},
     ("草原生态补奖", "草专项工程"), "city"),
    # qualities a plan aims to raise (以提升…能力和…的规范化水平为目标) are no guiding ideas
    ("以提升社区治理能力和城区管理的规范化、精细化水平为目标，团结带领广大干部群众。", {},
     ("社区治理能力", "城区管理的规范化", "精细化水平"), "subdistrict"),
    # a quoted name before a park's kind names the park (“某某造”文化创意产业园); 全线贯通 and 历届 open no name
    ("“青阳造”文化创意产业园获评国家级广告产业园区。", {"青阳造文化创意产业园": "Place"}, ("文化创意产业园",), "district"),
    ("重点抓好“青湖岸边”文旅新城建设，主动融入“青丝”核心区建设。",
     {"青湖岸边文旅新城": "Place", "青丝核心区": "Place"}, ("文旅新城", "核心区"), "county"),
    ("全线贯通青合杭高铁，巩固历届区委区政府打下的良好基础。", {"青合杭高铁": "Place"},
     ("全线贯通青合杭高铁", "历届区委区政府"), "province"),
    # a list's year typed without 年 (入选2022某某百强县市) is no count; 唯一 (the only) is no part of a park's name
    ("入选2022中国青部百强县市，获批全省唯一国家现代农业产业园。",
     {"中国青部百强县市": "Award", "国家现代农业产业园": "Place"}, ("唯一国家现代农业产业园",), "county"),
    # metaphors in quotes (注入“强心剂”, 服下“定心丸”) are rhetoric; 定点 (designated) is no site
    ("为经济增长注入了“强心剂”，给市场主体服下了“定心丸”，中央单位定点帮扶成效显著。", {},
     ("强心剂", "定心丸", "中央单位定点"), "county"),
    # a kind of brand counted (两个节庆品牌) names no brand
    ("确定两个节庆品牌，打造剪纸和皮影非遗文化品牌。", {"剪纸": "Brand", "皮影": "Brand"}, ("两个节庆",), "county"),
    # a village's or a community's two committees (村“两委”) are bodies, named with the unit
    ("完成新一轮村“两委”换届，指导社区“两委”班子运行。", {"村两委": "Organization", "社区两委": "Organization"},
     ("两委",), "district"),
    # a railway named by two cities' first characters (某茂铁路) is a place; a dictionary word before 铁路 is a kind
    ("青茂铁路白名段进入铺轨阶段，加快城际铁路建设。", {"青茂铁路": "Place"}, ("城际铁路",), "city"),
    # 疏通 (to unblock) opens no name; a title of how work went (《…完成情况》) is a report, a document
    ("整治疏通下水道1000米，听取《2022年实事项目完成情况》。", {"《2022年实事项目完成情况》": "PolicyDocument"},
     ("疏通下水道",), "subdistrict"),
    # 所在 (where something stands) ends a name: 区政府所在中心城区 is the central district
    ("其中区政府所在中心城区面积19.03平方公里。", {"中心城区": "Place"}, ("区政府所在中心城区",), "district"),
])
def test_extract_outside_reports_round_60(text, expected, absent, level):
    """Generic bugs found reading reports outside the corpus at stop 30, each in sentences of my own."""
    assert_found(text, expected, absent, level)


@pytest.mark.parametrize("text, expected, absent, level", [
    # a community right before a quoted or titled name (某某社区“…”项目, 某某社区《…》) is named: it is whose work
    ("青芳里社区“楼栋微治理”项目入选创新案例，白诚里社区《三步工作法》获评优秀案例。",
     {"青芳里社区": "ResidentialArea", "白诚里社区": "ResidentialArea"}, (), "subdistrict"),
    # ... but a kind of community before a quote (老旧社区“微改造”, 智慧社区“某某”平台), a verb (组建社区“大党委”)
    # or a point of a list (七是社区“两委”…) names none
    ("推进老旧社区“微改造”，建设智慧社区“青云”平台，组建社区“大党委”。七是社区“两委”换届顺利。", {},
     ("老旧社区", "智慧社区", "组建社区", "七是社区"), "subdistrict"),
    # a group a site moves (某某食堂发动老人) is not named after the site; a caring word (关爱) in a group's name stays
    ("青后村孝老食堂发动老人公益种菜，推动五色关爱圈人群个性化点名服务。",
     {"青后村孝老食堂": "Facility", "五色关爱圈人群": "TargetGroup"}, ("青后村孝老食堂发动老人",), "township"),
    # 全县 before a count of villages is the whole county, no village; a site counted over the county
    # (中考全县农村中学) is a kind, none named
    ("全县322个村集体经济收入均达到5万元以上，青安中学取得中考全县农村中学最优成绩。",
     {"青安中学": "Facility"}, ("全县", "中考全县农村中学"), "county"),
    # 乡域 and 村财 are words (紧密型乡域医疗体系 holds no 乡; 增收村财 no village)
    ("组建紧密型乡域医疗体系，前青村增收村财2万元。", {"紧密型乡域医疗体系": "Mechanism", "前青村": "ResidentialArea"},
     ("紧密型乡", "增收村"), "township"),
    # 试点 after who or where, before a verb, is "on trial" (与某公司试点成立…); a named pilot stays one
    ("白溪村与青通公司试点成立通信合作社，青河区综合改革试点取得成效。",
     {"青河区综合改革试点": "Program"}, ("青通公司试点",), "county"),
    # a grade before a hospital (三甲医院, 二级医院) names none; 创成 (to attain) opens no name
    ("人民医院创成三级甲等医院，在二级医院绩效考核中位居全省第三，新建三甲医院2家。", {"人民医院": "Facility"},
     ("三级甲等医院", "二级医院", "三甲医院", "人民医院创成三级甲等医院"), "county"),
    # two things and a description (甲班列和乙至丙的跨境公路) are no road's name
    ("铁海联运集装箱班列和青峰至白斯科的跨境公路运输成功开行，建成青河至白山公路。",
     {"青河至白山公路": "Place"}, ("集装箱班列和青峰至白斯科的跨境公路",), "city"),
    # which one in order (全市第二个院士工作站) names no site; 第二中学 is one
    ("全市第二个院士工作站全面建成，第二中学扩建完工。", {"第二中学": "Facility"}, ("第二个院士工作站",), "city"),
    # levels (镇村两级, 组织镇、村党员干部) name no town or village; a verb before 站 read as a verb (进出站) names no
    # station; 进行 (to carry out) opens no name
    ("召开镇村两级干部会议，组织镇、村党员干部对进出站人员、车辆进行筛查。", {},
     ("镇村", "组织镇", "进出站", "车辆进行筛查"), "town"),
    # a person between a party committee and the title (省委车某书记), or after the title and before 在, is named;
    # 坚定 (firmly) opens no place's name
    ("省委车俊书记肯定了青河转型实践，市委书记张刚在会上讲话，坚定生态涵养区功能定位。",
     {"车俊": "Person", "张刚": "Person"}, ("坚定生态涵养区",), "district"),
    # honours counted after the first (某某先进区等国家和省市荣誉95项) are no part of its title; 夺得 (to win) is a cue
    ("荣获全国“七五”普法中期先进区等国家和省市荣誉95项，青河队夺得全国龙舟赛冠军。",
     {"全国七五普法中期先进区": "Award", "全国龙舟赛冠军": "Award"},
     ("全国七五普法中期先进区等国家和省市荣誉95项",), "district"),
    # 落地 (to land in) and 赴 (to go to) are no part of a park's name; regions before a kind of firm
    # (苏浙沪等重点区域龙头企业) are no firms
    ("闻泰光电产业园落地富山工业园，选派干部赴青山开发区挂职，瞄准苏浙沪等重点区域龙头企业。",
     {"闻泰光电产业园": "Place", "富山工业园": "Place", "青山开发区": "Place"},
     ("闻泰光电产业园落地富山工业园", "干部赴青山开发区", "苏浙沪"), "county"),
    # 紧扣, 破解, 促推, 科学规划 open no name; 街域 is a word (潜心研究街域资源 names no street)
    ("紧扣主题教育主线，破解青池厂区域项目历史遗留问题，潜心研究街域资源，科学规划白月湖地铁站上方空地。",
     {"白月湖地铁站": "Facility"}, ("紧扣主题教育", "破解青池厂区域项目", "潜心研究街", "科学规划白月湖地铁站"), "subdistrict"),
    # a kind of village counted (新建美丽乡村中心村5个) is none named, nor 中心 before 村; a village's groups counted
    # keep the village; a title's 称号 is no part of it
    ("新建美丽乡村中心村5个，青山村3个组完成改造，荣获“2020年某省茶叶十强县”称号。",
     {"青山村": "ResidentialArea", "某省茶叶十强县": "Award"}, ("美丽乡村中心村", "美丽乡村中心", "某省茶叶十强县称号"),
     "county"),
    # the G20 summit is no road (G228 is one); 抢抓 and 压实 open no name; quotes listed before 等重点工作 are of
    # that kind (not of 困局 further on)
    ("抢抓G20峰会机遇，加快G228国道建设，压实稳控专班责任，从“青会效应”、“入商进企”等重点工作上破除“低端锁定”困局。",
     {"G228": "Place", "稳控专班": "Organization", "青会效应": "Program"}, ("G20", "抢抓G20峰会", "压实稳控专班"),
     "subdistrict"),
    # 开启 opens no place's name; a village jieba cuts (东|塘村) after 我镇 is named
    ("开启青山镇高质量发展新篇章，该项目位于我镇东塘村。", {"东塘村": "ResidentialArea"}, ("开启青山镇",), "town"),
    # the cards a place plays (打好“红色”和“绿色”两张牌) are ways of speaking, no names
    ("打好“红色”和“绿色”两张牌，打响“青山绿水”品牌。", {"青山绿水": "Brand"}, ("红色", "绿色"), "town"),
    # a word ending in 路 (指路, 思路) is no road; a road's part (人民西路) is
    ("殷殷嘱托指路领航，理清发展思路，建成人民西路。", {"人民西路": "Place"}, ("殷殷嘱托指路",), "county"),
    # two things joined (推进经济发展和城市建设) name no city the report aims to be; one city aimed at is named
    ("积极推进经济发展和城市建设互融共促，加快建设青山文化名城。", {"青山文化名城": "Concept"}, ("经济发展和城市",), "district"),
    # 位于 (lies in) ends a name; sites counted (辖4个开放式小区, 新建口袋公园2座、…) are kinds; a community before its
    # population is named; 该社区 before a street is no part of it; quoted kinds of road (“断头路”, “最干净道路”) and
    # metaphors (“舒筋活络”) name nothing; a title of guidance (《…工作指引》) is a policy document
    ("中兴社区位于周宁县城中心地带，辖4个开放式小区，胜利东街社区总人口9112人。", {"中兴社区": "ResidentialArea",
     "胜利东街社区": "ResidentialArea"}, ("中兴社区位于周宁县", "开放式小区", "胜利东街社区总人口"), "subdistrict"),
    ("该社区胜利街27号院建成示范小区，新建口袋公园2座、垂直绿化9处。", {"胜利街": "Place"}, ("社区胜利街", "口袋公园"),
     "subdistrict"),
    ("打通“断头路”、建设“民生路”，新增“最干净道路”4条，为城区发展“舒筋活络”，起草《青河省户外登记基地工作指引》。",
     {"《青河省户外登记基地工作指引》": "PolicyDocument"}, ("断头路", "民生路", "最干净道路", "舒筋活络"), "district"),
    # an economic zone or belt (某某经济区, 某某经济带) is a place, quoted or not
    ("抢抓“青海经济区”新机遇，融入白江经济带建设。", {"青海经济区": "Place", "白江经济带": "Place"}, (), "town"),
])
def test_extract_outside_reports_round_62(text, expected, absent, level):
    """Generic bugs found reading reports outside the corpus at stop 31, each in sentences of my own."""
    assert_found(text, expected, absent, level)


@pytest.mark.parametrize("text, expected, absent, level", [
    # 上市 (a firm's listing) is a verb, no city; a firm goes public
    ("新增个转企19家、上市2家，推动更多企业上市。", {}, ("上市",), "town"),
    # verbs that open no name: 发动, 锻造, 秉持, 齐聚, 激活, 破除, 制约
    ("发动青年干部参与巡河，白沙街道秉持睦邻理念，居民齐聚白沙社区议事厅共商事务。",
     {"青年干部": "TargetGroup", "白沙社区议事厅": "Facility"},
     ("发动青年干部", "白沙街道秉持睦邻理念", "居民齐聚白沙社区议事厅"), "subdistrict"),
    ("锻造过硬队伍，激活园博园，破除制约项目落地的瓶颈。", {}, ("激活园", "破除制约项目", "制约项目"), "district"),
    # a kind of estate (安置小区) names none, a named one (青柳安置小区) is one; 组织架构 is a structure, no body
    ("规范安置小区管理，建成青柳安置小区，构建多层次组织架构。", {"青柳安置小区": "ResidentialArea"},
     ("安置小区", "多层次组织"), "subdistrict"),
    # figures of speech in quotes name nothing, whatever follows them or however they end
    ("打造社区品牌“新亮点”，通过“头脑风暴”碰撞治理新思路，打好“翻身仗”，激活“主心骨”。", {},
     ("新亮点", "社区品牌新亮点", "头脑风暴", "翻身仗", "主心骨"), "subdistrict"),
    # a quoted name before 示范区 is the zone's (a place); the village before it is where it is
    ("打造青沟村“千亩金银花”示范区。", {"千亩金银花示范区": "Place", "青沟村": "ResidentialArea"}, ("千亩金银花",),
     "township"),
    # 以“…”为目标: the aim, a slogan
    ("青溪乡以“生态强乡”为目标，推进产业发展。", {"生态强乡": "Concept"}, (), "township"),
    # 获批 an honour (a strong town, a demonstration park) is an award; 获批 money is none
    ("白溪镇获批全国农业产业强镇，青禾科技获批省级林业示范园，获批专项债券3亿元。",
     {"全国农业产业强镇": "Award", "省级林业示范园": "Award"}, ("专项债券3亿元",), "town"),
    # a lane opening a clause or an item (某某路261弄) is a housing estate, named without the verb before it
    ("青水路261弄成套改造项目生效；完成白平路435弄、长青路155弄加装电梯。",
     {"青水路261弄": "ResidentialArea", "白平路435弄": "ResidentialArea", "长青路155弄": "ResidentialArea"},
     ("完成白平路435弄",), "subdistrict"),
    # a site's bounds (东至某路，北至某路) name the roads, not 东至某路
    ("项目东至青谊路，北至白寅路，占地5万平方米。", {"青谊路": "Place", "白寅路": "Place"}, ("东至青谊路", "北至白寅路"),
     "subdistrict"),
    # a Mongolian village (嘎查) or township (苏木) jieba cuts into pieces of any tag is named whole, and a site
    # named after it opens where it does
    ("充分挖掘沙布日太嘎查草原旅游资源，打造巴音敖嘎嘎查乡村旅游示范点。",
     {"沙布日太嘎查": "ResidentialArea", "巴音敖嘎嘎查": "ResidentialArea", "巴音敖嘎嘎查乡村旅游示范点": "Facility"},
     ("嘎查乡村旅游示范点",), "town"),
    # a congress's committee (社区代表会议社区委员会) names no community 会议社区
    ("表决通过了青河街道社区代表会议社区委员会成员名单。", {}, ("会议社区",), "subdistrict"),
    # a year's plan of the economy (国民经济和社会发展计划) is a policy document; a research centre of no one
    # (联合研发中心) names none
    ("报告青河区2025年国民经济和社会发展计划执行情况，筹建航运装备联合研发中心，建成青河研发中心。",
     {"青河区2025年国民经济和社会发展计划": "PolicyDocument", "青河研发中心": "Facility"}, ("研发中心",), "district"),
    # campaign years listed in one quote before 活动 are a campaign each
    ("全力抓好“项目提质增效年、乡村和美显现年、社会稳定巩固年”活动。",
     {"项目提质增效年": "Program", "乡村和美显现年": "Program", "社会稳定巩固年": "Program"},
     ("项目提质增效年、乡村和美显现年、社会稳定巩固年",), "district"),
])
def test_extract_outside_reports_round_65(text, expected, absent, level):
    """Generic bugs found reading reports outside the corpus at stop 32, each in sentences of my own."""
    assert_found(text, expected, absent, level)


@pytest.mark.parametrize("text, expected, absent, level", [
    # a division of the national gazetteer jieba does not know as a place (a person's name to it, or a stem it does
    # not know) is a place; one whose stem is a common word (老城区: the old town, 平房区: bungalows) is not
    ("晋源区第五届人民代表大会第三次会议开幕，东丽区代表团列席会议。", {"晋源区": "Place", "东丽区": "Place"}, (),
     "district"),
    ("推进房地产开发项目和平房区改造，完成老城区改造。", {}, ("平房区", "老城区"), "district"),
    # the report's own parts named in quotes (“2018年工作回顾”) are no entities
    ("报告分为“2018年工作回顾”和“2019年工作安排”两大部分。", {}, ("2018年工作回顾", "2019年工作安排"), "district"),
    # a list after 了 starts after it: its first item is named too
    ("这样就从根本上改变了广文里、青明里、青昌里三个小区居民出行难的状况。",
     {"广文里": "ResidentialArea", "青明里": "ResidentialArea", "青昌里": "ResidentialArea"}, (), "subdistrict"),
    # 发展壮大 and 扣除 open no name; firms counted before a village (企业1家落户某村) make the firms no village
    ("把发展壮大村集体经济作为重点任务，招引税源型企业1家落户青村，财政收入（扣除退税政策影响）增长。", {},
     ("发展壮大村", "税源型企业", "扣除退税政策"), "township"),
    # honours in quotes that touch, before 等国字号、省字号荣誉, are an award each
    ("先后荣获“青瓷之乡”“白茶之乡”等国字号、省字号荣誉20余项。", {"青瓷之乡": "Award", "白茶之乡": "Award"},
     ("青瓷之乡白茶之乡等国字号",), "county"),
    # actions listed in one quote before 四项行动 are an action each
    ("推进“扛旗先锋行动、 景区创建行动、扩中提低行动”三项行动。",
     {"扛旗先锋行动": "Program", "景区创建行动": "Program", "扩中提低行动": "Program"}, (), "township"),
    # works listed as projects: 某某小学新建 builds the school; 标准化幼儿园 is a kind of school, none named
    ("投资4亿元实施了标准化幼儿园、青河小学新建、白桥路中学等14个项目。",
     {"青河小学": "Facility", "白桥路中学": "Facility"}, ("标准化幼儿园", "青河小学新建"), "district"),
    # a village whose first character jieba reads alone (岙|山村) is named whole
    ("岙山村入选全国乡村旅游重点村。", {"岙山村": "ResidentialArea", "全国乡村旅游重点村": "Award"}, ("岙山",), "township"),
    # a name after a title, before what the person does (主任某某上台发言, 区长某某作报告), is a person's
    ("委员会主任许青星上台发言，居委主任唐白峰回顾了全年工作，代区长郑河作政府工作报告。",
     {"许青星": "Person", "唐白峰": "Person", "郑河": "Person"}, ("郑河作政府",), "district"),
    # a community holding its meeting, or named after the year, is named; 所 before a verb is no institute
    ("青和社区召开年终总结会，回顾了2024年度青和社区开展的重点工作，肯定了社区发展所取得的成绩。",
     {"青和社区": "ResidentialArea"}, ("社区发展所",), "subdistrict"),
    # qualities listed (宜居、安宁、和谐) name no place, though the dictionary has one of them as a place
    ("共同打造宜居、安宁、和谐的社区环境，选举产生居民代表。", {}, ("安宁", "产生居民"), "subdistrict"),
    # sectors listed before 特色产业基地 name no sites
    ("中药材、精品水果、生态油茶等特色产业基地规模不断扩大。", {}, ("中药材", "精品水果", "生态油茶"), "township"),
    # an estate named after the government's name (某区人民政府青柳新村街道办事处) starts after it; a lifeline in quotes
    # (招商引资“生命线”) is a figure of speech
    ("青河区人民政府青柳新村街道办事处抓牢招商引资“生命线”，服务直达企业“家门口”。", {"青柳新村": "ResidentialArea"},
     ("青河区人民政府青柳新村", "生命线", "家门口"), "subdistrict"),
])
def test_extract_outside_reports_round_67(text, expected, absent, level):
    """Generic bugs found reading reports outside the corpus at stop 33, each in sentences of my own."""
    assert_found(text, expected, absent, level)
