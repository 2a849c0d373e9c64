"""Stage 4c: numbers the report states about something (value, unit, year, qualifier, subject).

A metric is a number with a unit (1053户, 16.5%, 240余万人次, 2.4亿元, 百名, 六大片区). Dates,
ordinals (第五), plan names (十四五) and numbers inside quoted names are not metrics. 万/亿 multiply
counts (240万人次 → 2400000 人次) and stay in the unit for money and measures (15万平方米).
"""
from __future__ import annotations

from dataclasses import replace

import re
from decimal import Decimal
from functools import cache
from typing import Sequence

from .models import Document, Entity, Metric, Sentence
from .resources import read_table
from .segment import fast_cut, tokenizer, word_tags

__all__ = ["WAYS_OF_WORKING", "extract_metrics", "sentence_metrics", "chinese_number"]

_CJK = "\u4e00-\u9fff"
_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
           "九": 9}
_POWERS = {"十": 10, "百": 100, "千": 1000}
_ZH_NUM = "[一二两三四五六七八九十百千][〇零一二两三四五六七八九十百千]*(?:点[〇零一二三四五六七八九]+)?"
_ZH_UNITS = ("个", "项", "名", "家", "条", "处", "位", "大", "方面", "支", "所", "座", "类")
_SKIP_BEFORE = ("第", "党的", "十", "前", "近", "每")
_QUALIFIERS = ("同比增长", "同比下降", "比上年增长", "增长", "下降", "减少", "提高", "上涨", "累计", "共计", "共有", "总数",
               "不低于", "不少于", "不超过", "低于",
               "新建", "新增", "全年", "年内", "年末", "年底", "达到", "突破", "力争", "超过", "超", "约", "近", "占计划",
               "同比上升")
_QUOTED = re.compile(r"“[^“”]*”|《[^《》]*》")
_HEADING = re.compile(r"^[一二三四五六七八九十]+、|^[(（][一二三四五六七八九十]+[)）]")
_AFTER_WORDS = re.compile(rf"[{_CJK}\w]{{0,12}}")
_AFTER_RUN = re.compile(rf"[{_CJK}]+")
_GIVEN = re.compile(r"成立|发放|建立|组建|获得|获评|入选|签订|达成|落户|入驻|申请|争取|兑现|拨付|办理|享受")  # what a counted body does or gets
_AFTER_STOP = re.compile(r"^(?:预计)?(?:增加|提高|增长|上升|下降|减少|扩大|缩小|提升)(?:到|至)|^(?:以上|以下|左右|以内)"
                         r"|的|和|(?<![普涉以危])及|等|之一|[是为被将把在对已]|居(?![民住家委室])|(?<![合兼吞归])并(?![网购联入])|(?<=[\u4e00-\u9fff]{2})(?:[均各]|分别)"
                         r"|稳居|位居|跃居|取得|进行|预计|(?:依次|不断|持续|稳步|逐步|进一步|快速|加快|迅速|顺利|先后|相继|陆续|扎实|认真|大力|全力|着力|积极(?!分子)|累计|全面(?=[开完启建推实]|$)|投入|实现|达到|完成|开工|建成|全部|正式|新台阶|大关|开展|实施|参与"
                         r"|参加|铺设|竣工|通车|贯通|投用|投产|用于|配备|赴|(?<=[\u4e00-\u9fff]{2})落实|基本(?=完成|实现|建成|达到|形成)|圆满(?=完成|结束|落幕)|(?<=[\u4e00-\u9fff]{2})进展(?=顺利|良好|有序|迅速)|(?<=[\u4e00-\u9fff]{2})到(?![位期岗户])|成功(?=认定|创建|获评|获批|入选|举办|申报|实现|完成))"
                         rf"|中$|(?<=[{_CJK}]{{2}})(?:{_GIVEN.pattern})")  # 6个无物业小区成立…: the areas, not what they do
_TOTAL_END = re.compile(r"(全年|年内|累计|共计|共有|共)$")
_LEAD_WORDS = re.compile(r"^(?:[（(][^（）()]{1,6}[）)]|已(?=[\u4e00-\u9fff]{2})(?!建)|[更也还既又正]?是(?=[\u4e00-\u9fff]{4})|该项目|该工程|全年|年内|年末|其中|同时|特别是|尤其是|截[至止](?:目前|当前)?|目前|现有|当前|全区|全市|全省|全县|全镇|全乡|全旗|全州|全盟|全街道|我[区市省县镇乡旗]|累计|共计|共有|共|力争|确保|预计)+")
_QUOTED_KIND = re.compile(r"“([^“”，,。；;、]{2,12})”")
_QUOTE_BEFORE = re.compile(r"“([^“”，,。；;]{1,12})”$")
_NOTE_END = re.compile(r"[（(][^（）()，,。；;]{1,12}[）)](?:实现|完成|达到|达|为|(?:同比)?(?:增长|下降|提高|减少|增加))?$")
_YEAR_LEAD = re.compile(r"^(?:到?(?:19|20)\d{2}年(?:度|末|底|以来)?|上半年|下半年|前三季度|\d{1,2}(?:月?[-—至~]\d{1,2})?月份?(?:\d{1,2}日)?|\d{1,2}日)")
_COMPARED_TO = re.compile(r"(?:比|较)(?:(?:19|20)\d{2}年|上年|去年|上年同期|去年同期)$")
_DIGIT_END = re.compile(r"\d[.．、]?$")
_LATIN = re.compile(r"[A-Za-z]")
_COUNTED_TIMES = re.compile(r"（[\u4e00-\u9fff、]{1,8}）次")
_DATED = re.compile(r"(?<!\d)((?:19|20)\d{2})年(?:底|末)?的$")
_SHORT_NOTE = re.compile(r"(?<=[\u4e00-\u9fff])(?:（(?!下同)[\u4e00-\u9fff]{1,3}）|\((?!下同)[\u4e00-\u9fff]{1,3}\))(?=[\u4e00-\u9fff])")
# 国（境）外, 研发(技术)中心: a short note inside a name (下同, "the same below", is the writer's, no part of one)
_CLAUSE_END = re.compile(r"[，,。；;：:、！!？?（）()“”]")


@cache
def _units() -> tuple[dict[str, str], re.Pattern]:
    """Unit → kind, and the pattern of a number with its unit."""
    units = {u: kind for u, kind in read_table("metric_units.tsv")}
    alt = "|".join(re.escape(u) for u in sorted(units, key=len, reverse=True))
    pattern = re.compile(
        rf"(?P<num>\d+(?:\.\d+)?|{_ZH_NUM})(?P<approx>余|多)?(?P<mult>万亿|万|亿)?(?P<approx2>余|多)?"
        rf"(?P<unit>个小时|方面|{alt}|大)(?P<rate>/(?:日|天|年|月|小时|人|户|亩|[百千万亿]{{0,2}}元))?(?P<also>（[个间套户座处条家所]）)?"
        rf"(?P<approx3>余|多|以上|以内|左右)?")
    return units, pattern


@cache
def unit_words() -> frozenset[str]:
    """The units of measured numbers (metric_units.tsv): where a number written before a name ends."""
    return frozenset(_units()[0])


def _spelled_measure(num: str, unit: str, before: str) -> Decimal | None:
    """The value of a sum or measure written in Chinese numerals (四十二亿元, 一百二十公里), or None: counts
    keep their own narrower rule, and a single numeral (一米, 百万亩, 千亿元) is a phrase or a scale."""
    if _units()[0].get(unit, "count") not in ("money", "measure") or before.endswith(_SKIP_BEFORE) or len(num) < 2:
        return None
    return _spelled_value(num)


def _spelled_value(num: str) -> Decimal | None:
    """四十二 → 42, 十二点五 → 12.5 (None if it is no numeral)."""
    whole, _, fraction = num.partition("点")
    value = chinese_number(whole)
    if value is None or any(ch not in _DIGITS for ch in fraction):
        return None
    return Decimal(f"{value}.{''.join(str(_DIGITS[ch]) for ch in fraction)}" if fraction else value)


_SPELLED_SHARE = re.compile(rf"百分之({_ZH_NUM})")


def _spelled_shares(text: str, sentence: Sentence, year: int | None, earlier: list[Metric]) -> list[Metric]:
    """增长百分之十二点五: a share written in words, as older reports write their growth."""
    out = []
    for m in _SPELLED_SHARE.finditer(text):
        value = _spelled_value(m.group(1))
        subject = _change_of(text, m.start(), m.end(), earlier) or _subject(text, m.start(), m.end())
        if value is not None:
            out.append(Metric(subject=subject, value=_plain(value), unit="%",
                              year=year, qualifier=_qualifier(text, m.start(), ""), sentence=sentence.index,
                              confidence=0.6))
    return out


def chinese_number(text: str) -> int | None:
    """Value of a Chinese numeral up to the thousands.

    >>> [chinese_number(t) for t in ("百", "六", "十二", "二十三", "两", "一百零五", "三千")]
    [100, 6, 12, 23, 2, 105, 3000]
    """
    total, current = 0, 0
    for ch in text:
        if ch in _DIGITS:
            current = _DIGITS[ch]
        elif ch in _POWERS:
            total += (current or 1) * _POWERS[ch]
            current = 0
        else:
            return None
    return total + current


def _plain(value: Decimal) -> str:
    """A decimal as plain text without exponent or trailing zeros (2.40E+6 → 2400000)."""
    text = format(value.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _QUOTED.finditer(text)] if ("“" in text or "《" in text) else []


def _clause_before(text: str, start: int) -> str:
    """The words of the clause that stand before ``start`` (a short note in brackets inside a name, 国（境）外, is
    no clause end)."""
    inside = {i for n in (_SHORT_NOTE.finditer(text, 0, start) if "（" in text or "(" in text else ())
              for i in (n.start(), n.end() - 1)}
    ends = [m.end() for m in _CLAUSE_END.finditer(text, 0, start) if m.start() not in inside]
    return text[max(ends, default=0):start]


_MULTIPLE_OF = r"是[^，,。；;]{1,12}?的"  # 是2011年的1.37倍, 是“十一五”的2.5倍: a multiple of a base
_CHANGE_ONLY = re.compile(r"(?:(?:“?十[一二三四五六七八九]五”?)?(?:时期|期间|末)|过去五年|五年来|[两三四五六七八九十]年)?(?:同比|(?:比|较)(?:上年|去年)(?:[\u4e00-\u9fff]{1,6}?|同期|同口径)?|年均|按可比口径|同口径(?:年均)?|同步)?(?:可比|实际)?(?:比增|增长|下降|提高|减少|增加|增速|增幅|上升|递增|递减)了?(?:约|近|超过|超)?"
                          rf"|(?:占|为|完成)(?:年度|全年|年)?(?:计划的|任务的?)|{_MULTIPLE_OF}|(?:期末|期间|同期)的"
                          r"|连续(?:\d+|[一二三四五六七八九十两]{1,3})年|(?:突破|超过|达到)")


def _change_of(text: str, start: int, end: int, earlier: Sequence[Metric]) -> str:
    """…生产总值完成253.7亿元，同比增长10.1%, 占计划的100%, 是某期末的1.9倍: a change or share that names
    nothing (its clause holds only the change, and no words follow the figure) is about the figure named just
    before it; '' otherwise."""
    wide = re.split(r"[，,；;。]", text[:start])[-1].strip()  # (quotes and all: 是“十一五”的2.5倍)
    if (note := _NOTE_END.search(wide)) and note.start() > 0:
        return ""  # 实际利用外资（验资口径）增长5%: the change of what the note is about, named before it
    if not earlier or not (_CHANGE_ONLY.fullmatch(_clause_before(text, start).strip()) or _TIMES_OF.fullmatch(wide)):
        return ""
    after = _AFTER_WORDS.match(text[end:])
    if after and len(_AFTER_STOP.split(after.group(0), maxsplit=1)[0].rstrip("0123456789.")) >= 2:
        return ""  # 增加4个助餐点: the words after name what grew
    named = [m.subject for m in earlier if m.subject and not m.subject.startswith(("高于", "低于", "超出", "快于", "慢于"))]
    return named[-1] if named else earlier[-1].subject  # not 高于年初目标…: a gap to a target named in words


_WORDS_FIGURE = re.compile(r"[百千万]亿元(?:大关|台阶)?(?=[，,])")  # a round amount in words closing the clause before
_DATE_LIKE = re.compile(r"(?:19|20)\d{2}年|[一二三四五六七八九十两]+年")
_TIMES_OF = re.compile(rf"(?:分别)?{_MULTIPLE_OF}")  # (quotes and all, read over the whole clause)
_BASE_YEAR = re.compile(r"是((?:19|20)\d{2}年(?:底|末)?)的$")


_SHARE_OF = re.compile(rf"占([{_CJK}]{{2,12}}?)的(?:比重|比例)?(?:为|达到|达)?")


def _share_of(text: str, start: int, earlier: Sequence[Metric]) -> str:
    """…产值2830亿元，同比增长13.5%，占规模以上工业总产值的77.9%: the share is the earlier figure's part of
    the whole its clause names (某某产值占规模以上工业总产值比重)."""
    share = _SHARE_OF.fullmatch(_clause_before(text, start).strip()) if earlier else None
    named = [m.subject for m in earlier if m.subject]
    return f"{named[-1]}占{share.group(1)}比重" if share and named else ""


def _subject(text: str, start: int, end: int) -> str:
    """The noun phrase a number counts: the words after it (新建4个助餐点 → 新建助餐点), else before it
    (财政收入（不含基金）2.01亿元: past a note in brackets)."""
    if speed := _SPEED_BEFORE.search(text, 0, start):
        return speed.group(0)  # 时速350公里的某某高铁: the line's speed, not its length
    if text[end - 1:end] in _COUNT_UNITS and (described := _DESCRIBED_KIND.match(text, end)) \
            and word_tags().get(fast_cut(described.group(1))[0], "")[:1] == "v" \
            and word_tags().get(fast_cut(described.group(2))[-1], "") == "n":
        return described.group(2)  # 112项满足群众期盼、破解发展难题的改革任务: the kind (a noun), after what it does
    if text[:start].endswith("为") and (served := _SERVED_WITH.match(text, end)):
        return served.group(0)  # 为7万人次提供送餐服务: what the people counted are given
    note = _NOTE_END.search(text, 0, start)
    before = _clause_before(text, note.start() if note else start)
    quoted = _QUOTE_BEFORE.search(text, 0, (note.start() if note else start) - len(before))
    if quoted:  # 办理“某某贷”12.7亿元, 新增“五上”企业62户: the quoted name is part of what is counted
        before = quoted.group(1) + before
    after_m = _AFTER_WORDS.match(text[end:])
    after = after_m.group(0) if after_m else ""
    after = re.split(r"(?:约|近|逾)?\d", _AFTER_STOP.split(after, maxsplit=1)[0], maxsplit=1)[0]  # not the next figure
    # (4处更新项目约2.6万平方米: nor the next figure's 约)
    if after and len(first := fast_cut(after)[0]) >= 2 and word_tags().get(first) == "v" \
            and text[end - 1] not in _COUNT_UNITS:
        after = ""  # 某某亿元支持某某, 4%左右安排: what the money is for, not what it is (30个实践岗位: counted)
    if after_m and len(after) == after_m.end() and re.match(rf"[{_CJK}\w]", text[end + len(after):end + len(after) + 1]) \
            and (run := _AFTER_RUN.match(text, end, end + 24)):  # (not a run of signs or Latin letters: ¹A…)
        after = _whole_words(run.group(0), 12)  # cut at its length: end it at a word
    after = re.split(rf"[{_CJK}]{{2}}了", after, maxsplit=1)[0] or after  # 6万吨某某装备填补了…: not what it did
    if text[end - 1:end] in _COUNT_UNITS + "大" and len(after) >= 4:
        after = _before_its_doing(after)
    if after.startswith("台阶") and text[end - 1] not in _COUNT_UNITS:
        after = ""  # 某某收入跃上30亿元台阶: a milestone passed, not what is counted (迈上3个台阶 counts steps)
    if not after and text[end - 1:end] in _QUOTED_KIND_UNITS and (quoted := _QUOTED_KIND.match(text, end)):
        run = _AFTER_RUN.match(text, quoted.end())
        rest = _whole_words(_AFTER_STOP.split(run.group(0), maxsplit=1)[0], 12) if run else ""
        if not rest or word_tags().get(fast_cut(rest)[0], "")[:1] != "v":
            after = ("" if quoted.group(1).endswith("版") and rest else quoted.group(1)) + rest
            # 组建36支“某某管家”队伍: the quoted kind counted, with its noun (“升级版”某某站: a grade, no part)
    verb = re.search(r"(新建|新增|建成|完成|实施|安装|开展|增设|组织|提供|清理|调整|布局|完善|发放|投放|封存)$",
                     _TOTAL_END.sub("", before))
    of = _OF_AFTER.match(text, end)
    if len(after) < 2 and of and len(_TOTAL_END.sub("", _LEAD_WORDS.sub("", before))) <= 2:
        return of.group(1)  # 建成25.5万平方米的村民小区, 占地580亩的某某产业区: what is that large
    if len(after) >= 2:
        return (verb.group(1) if verb else "") + after
    head = before
    for _ in range(2):  # 预计2012年全市…: the lead words and the year, in either order
        head = _LEAD_WORDS.sub("", _YEAR_LEAD.sub("", head))
    head = _after_figures(head)
    head = _BY_WAYS.sub("", head)  # 通过走访、座谈等方式走访企业: the ways are no part of what is counted
    head = _ABOUT_LISTED.sub("", head)  # 围绕某某精神等内容开展集中学习: what was done, not what it was about
    if _LISTED_CLAUSE.search(text, 0, start):
        head = _LIST_BEFORE_KIND.sub("", head)  # 走进甲、乙等系列活动180场: the kind counted, not the last listed
    head = _VERB_TAIL.sub("", head)
    head = _SPAN_END.sub("", head) or head  # 某某收入五年(增长): the span, no part of it
    head = _COMPARED_TO.sub("", head)  # 全市生产总值比2020年(增长): the base year is no part of what is counted
    head = _BASIS.sub("", head) or head  # 地区生产总值按原统计口径(完成): how it is counted is no part of it
    head = _YEAR_THEN.sub("", head)  # 某某收入2011年(完成): the year is the figure's (it dates it)
    if not head and after:
        return (verb.group(1) if verb else "") + after  # 全镇4个村开展…: one word after, nothing before
    if text[end - 1:end] in _COUNT_UNITS and (count := _COUNT_THEN_COUNT.match(text, end)) and (not head or (
            word_tags().get(fast_cut(head)[-1], "")[:1] == "v" and count.group(0).endswith(_SIZES))):
        # (批次推进15宗78公顷某某用地: after the verb too, when the second figure is the size of what is counted)
        return _subject(text, end, count.end())  # 全旗165户568名某某户: both count what is named after the second
    head = _BOUND_END.sub("", head)  # 总投资不低于2000亿元: the bound is a qualifier
    head = _ITEM_MARK.sub("", head)  # 2.培育…平台2家: the item's number
    head = _FIGURE_END.sub("", head) or head  # 易地扶贫搬迁1646户(6680人): the figure before is no part of it
    head = _HOW_MANY_START.sub("", head) or head  # 2.2万某某人口人均纯收入: how many there are is no part of it
    if head.endswith("等") and (run := _AFTER_RUN.match(text, end, end + 24)) and (
            kind := re.split(r"的|和|及", run.group(0), maxsplit=1)[0]) and kind not in _ZH_UNITS \
            and kind not in unit_words():  # (党建、安全等7大类: 大类 is the unit, no kind named)
        return _whole_words(kind, 12)  # 新增甲、乙等10户投产企业, 甲等22栋楼: the kind counted, named after the figure
    if len(head) >= 4:
        head = _ACT_OF_COUNTING.sub("", head)  # 完成地区生产总值802亿元, 服务业完成增加值537亿元: what is counted
    return _whole_words(head.replace("分别", ""), 20, last=True)  # (甲项目分别完成投资: respectively, no part)


# the verbs, qualifiers and time words a clause puts between what it counts and the figure (…完成, …将首超, …年均增长)
_VERB_TAIL = re.compile(r"(?:完成了|达到了|实现了|完成|达到|达|突破|增长|实现|控制到|控制在|提高到|降到|为|超过|超|约|接近|近|同比增长|同比下降|同比上升|"
                        r"比上年增长|增速|增加|减少|削减|压减|降低到|降低至|下降到|下降至|下降|提高|上涨|发展到|发展至|增长了|增加了|提高了|下降了|迈上|跃上|站上|登上|将|首次|首|增至|增加到|提升至|提高至|"
                        r"降至|上升至|上升到|平均为|(?:仅|只)?(?:完成|占)(?:年度|全年|年)?计划数?的|降低|拓展|扩大|扩展|预计|累计|累积|共有|共计|(?<!公)共|提升|至|年均|拟按|按|拟|连续|下辖|辖|拥有|现有|有|跨越了?|跨过|越过|(?<![人年])均|分别|稳定在|保持在|保持|先后|已经|已|以|完工|竣工)+$")
_CHANGED_TO = re.compile(r"(?:预计)?(?:增加|提高|增长|上升|下降|减少|扩大|缩小|提升|跃升|攀升)(?:到|至)(?:(?:19|20)\d{2}年?(?:底|末)?的?)?")
_FROM_YEAR = re.compile(r"(?:由|从)(?:(?:19|20)\d{2}年(?:底|末)?的?|每年|每月|每亩|每人|每户)*$")
_RANGE_BEFORE = re.compile(r"\d(?:%|％)?[—–~～]$")
_CLAUSE_MARK = re.compile(r"[，,。；;]")
_SHARED_UNIT = re.compile(r"(?<![\d.%％])(?:\d+(?:\.\d+)?[和、])+$")
WAYS_OF_WORKING = "方式|形式|途径|渠道|手段"   # 通过走访、座谈等方式: how work is done, listing no things
_SPAN_END = re.compile(r"(?:近|过去)?[两二三四五六七八九十]年$")
_LISTED_CLAUSE = re.compile(r"、[^，,；;。：:]*$")
_LIST_BEFORE_KIND = re.compile(rf"^.*[{_CJK}](?<![高中初同平均对上优特次超])等(?![级待候同])(?=[{_CJK}]{{2}})")
_ABOUT_LISTED = re.compile(rf"^.*等[{_CJK}]{{0,4}}?(?:开展|组织|举办|进行)(?=[{_CJK}]{{2}})")
_COUNT_UNITS = "个名家处座条所项户人间套件场宗"  # what a number counts right before a noun (30个实践岗位)
_QUOTED_KIND_UNITS = _COUNT_UNITS + "支次批期届轮"   # … or before a quoted kind (36支“某某管家”队伍, 3次“某某”评选)
_BY_WAYS = re.compile(rf"^.*等(?:{WAYS_OF_WORKING})")
_OF_AFTER = re.compile(rf"的([{_CJK}]{{2,10}}?)(?=[，,。；;、（(]|$|和|及|开工|建成|完成)")
_OWN_YEAR = re.compile(r"(?:预计)?((?:19|20)\d{2})年(?:预计|全年)?[，,]|(?:预计)((?:19|20)\d{2})年(?!以来|起|至|底|末)")
_YEAR_OF_A_SCOPE = re.compile(r"(?:^|[，,：:])((?:19|20)\d{2})年(?=全[省市区县旗盟州镇乡])")  # 初步统计，2012年全省…
_WORD_WITH_YUE = re.compile(r"[签节制公合条预]约")
_GAP = re.compile(r"(?:高于|低于|高出|低出|超出|快于|慢于|塌|落后于?|领先于?)(?:全国|全省|全市|全区|全州|全县|"
                  r"预期|年度|全年)?(?:平均水平|平均|目标|计划|预期)?|(?:快于|慢于|高于|低于)[\u4e00-\u9fff]{2,6}?(?:增速|增幅)")
_YEAR_THEN = re.compile(r"((?:19|20)\d{2})年(?:底|末)?(?:预计|全年)?(?:实现|完成|达到|达)?$")
_BOUND_END = re.compile(r"(?:不低于|不少于|不高于|不超过|低于|不到|保持在|稳定在|可比|实际)$")
_OF_TARGET = re.compile(rf"(?:完成|达到|占)[{_CJK}]{{0,10}}?(?:计划|目标|任务|预算)的|完成(?:年度|全年)任务|超(?:过|出)?[{_CJK}]{{0,6}}?(?:计划|目标|任务)")
_ACT_OF_COUNTING = re.compile(r"^(?:可|将)?(?:完成|实现)|(?<=[\u4e00-\u9fff]{2})(?:共|共计|累计)?(?:可|将|已|已经|预计)?(?:完成|实现)"
                              r"(?=[\u4e00-\u9fff]{2})")  # the act, opening the words or between whose it is and what
_BASIS = re.compile(r"按[\u4e00-\u9fff]{1,6}口径(?:计算)?(?:预计)?$")
_ITEM_MARK = re.compile(r"^(?:\d{1,2}[.．、]|[（(]\d{1,2}[)）])")
_SERVED_WITH = re.compile(r"(?:提供|开展)[\u4e00-\u9fff]{2,10}?(?=[，,。；;、]|$)")
_NOTE_MARK = re.compile(r"\[\d{1,3}\]|〔\d{1,3}〕|【\d{1,3}】")
_YEAR_OPENS = re.compile(r"((?:19|20)\d{2})年(?!以来|起|至|前|后|以前|以后|的|[-—~～])(?=[\u4e00-\u9fff])")
_DESCRIBED_KIND = re.compile(r"([^，,。；;：:\d的]{2,24})的([\u4e00-\u9fff]{2,8}?)(?=[，,。；;、]|$|实施|开展|提供|办理|完成)")
_SPEED_BEFORE = re.compile(r"(?:设计)?(?:时速|车速)$")
_HOW_MANY_START = re.compile(r"^(?:\d+\.)?\d+[万亿](?=[\u4e00-\u9fff])(?![元吨亩])")  # (10万元以上的村: a size)
_SIZES = ("公里", "公顷", "亩")   # how large what a count counts is (56条76公里…, 15宗78公顷…)
_COUNT_THEN_COUNT = re.compile(rf"\d+(?:\.\d+)?万?(?:[户个人家名条座宗处]|{'|'.join(_SIZES)})(?=[\u4e00-\u9fff])")
_FIGURE_END = re.compile(r"(?<=[\u4e00-\u9fff])\d+(?:\.\d+)?万?[户个人家元]$")


def _past_verbs(phrase: str) -> str:
    """The phrase after the verbs that open it (举办好|庆祝|某某成立 → 某某成立), or the phrase when all of it is."""
    words = fast_cut(phrase)
    k = 0
    while k < len(words) - 1 and (word_tags().get(words[k], "")[:1] in ("v", "d") or words[k] in ("好", "的")
                                  or words[k].endswith(("庆祝", "纪念", "迎接"))):  # (jieba: 隆重庆祝/nr)
        k += 1
    return "".join(words[k:])


def _after_figures(head: str) -> str:
    """The words of a clause that name what its last figure counts, when other figures stand before it."""
    figure = None
    for found in _units()[1].finditer(head):
        if not (found.group("unit") == "年" and (re.fullmatch(r"(?:19|20)\d{2}", found.group("num"))
                                                 or not found.group("num")[0].isdigit())) \
                and not _LATIN.match(head[found.start() - 1:found.start()] or " "):
            figure = found  # (not a date: 2005年的61.88亿元, nor a span: 某某投资五年累计完成, nor a code: PM2.5)
    if figure and _CHANGED_TO.fullmatch(head, figure.end()):
        # 某某由2005年的61.88亿元增加到2010年的130亿元: what changed, named before the base
        return _after_figures(_FROM_YEAR.sub("", head[:figure.start()]))
    if figure and len(head) - figure.end() >= 2 and head[figure.end()] != "的":  # (not 高于10%的目标)
        head = head[figure.end():]  # 为28家重点企业申请财政扶持1180万元: what follows the figure before,
        if given := _GIVEN.search(head, 2):
            head = head[given.start():]  # from its verb (申请财政扶持), not whom it went to
    return _FROM_YEAR.sub("", head)  # 由2005年的61.88亿元: the base, not part of what is counted


def _before_its_doing(kind: str) -> str:
    """What a count names, without what the counted things then do (四大片区联动发展 → 片区, 5个项目开工建设 →
    项目): the words before a verb only verbs follow; a kind with a verb inside (社区治理项目, 充电桩) or at
    its end (小区改造) as it is."""
    words = fast_cut(kind)
    tags = [word_tags().get(w, "") for w in words]
    doing = next((k for k in range(1, len(words) - 1) if tags[k] == "v" and len(words[k]) >= 2 and tags[k - 1][:1] == "n"
                  and all(t[:1] == "d" or t[:1] == "v" and len(w) >= 2 for w, t in zip(words[k + 1:], tags[k + 1:]))), 0)
    return "".join(words[:doing]) if doing else kind


def _whole_words(text: str, limit: int, last: bool = False) -> str:
    """The first (or ``last``) whole words of ``text`` that fit in ``limit`` characters: not 某某服务项 cut from
    某某服务项目, nor 济开发区 from 经济开发区."""
    if len(text) <= limit:
        return text
    kept = 0
    for word in reversed(fast_cut(text)) if last else fast_cut(text):
        if kept + len(word) > limit:
            break
        kept += len(word)
    if not kept:
        return text[-limit:] if last else text[:limit]
    return text[len(text) - kept:] if last else text[:kept]


def _qualifier(text: str, start: int, approx: str) -> str:
    clause = max((m.end() for m in _CLAUSE_MARK.finditer(text, 0, start)), default=0)
    window = _WORD_WITH_YUE.sub("", text[max(clause, start - 12):start])  # 签约资金4.36亿元: 签约 is no 约
    window = re.sub(r"(?:增长|下降|增)率", "", window)  # 人口自然增长率控制在4.8‰: a rate's name, no change
    window = re.sub(r"(?<![同上])比增(?![长加])", "比上年增长", window)  # 比增5.1%: the growth over a year, written short
    found = [q for q in _QUALIFIERS if (window.endswith(q) if q in ("超", "近", "约") else q in window)]
    found = [q for q in found if not any(q != o and q in o for o in found)]
    if approx:
        found.append(approx)
    return ";".join(dict.fromkeys(found))


def sentence_metrics(sentence: Sentence, year: int | None = None,
                     names: Sequence[tuple[int, int]] = ()) -> list[Metric]:
    """Metrics of one sentence; ``names`` are spans of names in it (某省十项规定 holds no metric)."""
    units, pattern = _units()
    text = sentence.text
    if own := _OWN_YEAR.match(text):
        year = int(own.group(1) or own.group(2))  # 2012年预计，地区生产总值…: the sentence gives its figures' year
    elif (own := _YEAR_OF_A_SCOPE.search(text)) and not re.search(r"\d", text[:own.start(1)]):
        year = int(own.group(1))  # 初步统计，2012年全省生产总值…: the year the figures after it are of
    quoted = _quoted_spans(text)
    out: list[Metric] = []
    starts: list[int] = []
    for m in pattern.finditer(text):
        start, end = m.span()
        if any(a <= start < b for a, b in quoted):
            continue
        num, unit, mult = m.group("num"), m.group("unit"), m.group("mult") or ""
        before = text[:start]
        nxt = text[end:end + 1]
        if unit == "个小时":
            unit = "小时"
        if unit == "年" and (re.fullmatch(r"(?:19|20)\d{2}", num) or not num[0].isdigit()
                            or before.endswith(("连续", "近", "过去", "前", "后", "这", "每", "第", "至", "-", "—", "~"))
                            or re.match(r"[来前后内间中度底末初级以]|的时间|时间", text[end:])):
            continue  # 2025年, 连续16年 (a run), 近5年, 5年来: dates and spans, not a figure in years
        if unit == "小时" and re.match(r"自助|不打烊|无人", text[end:]):
            continue  # 24小时自助服务终端, 24小时不打烊专区: what a service is called, no measure
        if unit in ("岁", "周岁") and re.match(r"(?:以[上下])?(?:儿童|婴幼儿|老年人|老人|人群|青少年)", text[end:]):
            continue  # 5岁以下儿童死亡率, 60岁以上老年人: the age names the group, it is no measure
        if num[0].isdigit():
            if before.endswith(("第", ".", "-", "+", "＋", "×")) and not before.endswith(("%-", "％-")) \
                    or nxt in ("+", "＋", "月", "日", "号") or nxt == "年" and unit != "年" \
                    or _LATIN.match(nxt or " ") or _LATIN.match(before[-1:] or " "):
                continue  # (PM2.5, G9812: a number inside a code)
            if _DIGIT_END.search(before[-2:]) and not before.endswith(("、",)):
                continue
            value = Decimal(num)
        elif (spelled := _spelled_measure(num, unit, before)) is not None:
            value = spelled  # 四十二亿元, 一百二十公里, 百分之十二点五: an older report's figures in words
        else:
            if unit not in _ZH_UNITS or num in ("一", "十") or "点" in num or before.endswith(_SKIP_BEFORE):
                continue
            if nxt == "级" or re.match(r"[百千万亿]", nxt or " ") or unit == "位" and nxt == "数":
                continue  # 千亿元级: a scale; 千家万户, 千行百业: a saying, no count; 两位数增长: a rate's size
            if any(a <= start and end <= b for a, b in names):
                continue
            if unit == "大" and not re.match(rf"[{_CJK}]", nxt or " "):
                continue
            if unit == "大" and num in ("十五", "十六", "十七", "十八", "十九", "二十"):
                continue  # 十八大战略部署: the party's congress, not eighteen of anything
            if re.match(r"(中全会|届|五|规划|大精神)", text[end - len(unit):end + 3]) and unit == "大" or \
                    re.match(r"[届中]", nxt or " "):
                continue
            parsed = chinese_number(num)
            if parsed is None or parsed < 2 and "百" not in num:
                continue
            value = Decimal(parsed)
            if unit in ("大", "方面"):
                unit = "个"
        if unit == "大" and nxt == "关":
            continue  # 突破200万大关: a milestone of a figure whose unit is unsaid, not 200万 of anything counted
        if unit == "大":  # 12大项42个小项: twelve items, a 大 item is an item
            unit = nxt if nxt in ("项", "类", "块", "片") else "个"
        if _sized_class(text, end) or (before.endswith(("至", "-", "—", "~", "超", "过")) and _RANGED_CLASS.match(text, end)):
            continue  # 投资10亿元以上项目10个, 10至500万元项目投资…, 超10亿元企业13户: the size of a kind, no figure
        kind = units.get(unit, "count")
        if mult:
            if kind == "count":
                value *= Decimal(10_000) if mult == "万" else Decimal(100_000_000) if mult == "亿" \
                    else Decimal(10 ** 12)
            else:
                unit = mult + unit
        unit += (m.group("rate") or "") + (m.group("also") or "")  # 16.9万吨/日, 155.4万套（间）
        if _COUNTED_TIMES.match(text, end):
            unit += "次"  # 2813.8万辆（艘、架、列）次: vehicle trips, whatever the vehicle
        approx = m.group("approx") or m.group("approx2") or m.group("approx3") or ""
        if approx in ("以内",):
            approx = "以内"
        base = _BASE_YEAR.search(before)  # 是2011年的1.37倍: the base's year, not the figure's
        clause = _clause_before(text, start)
        dated = None if base else _DATED.search(before) or _YEAR_THEN.search(clause) \
            or _YEAR_OPENS.match(clause.strip())  # 2024年实现年出栏量满产10万头: that year's
        # 从2020年的82.4岁提升至…, 某某收入2011年完成28.13亿元: the figure of the year it names
        subject = _change_of(text, start, end, out) or _share_of(text, start, out) or _subject(
            text, start, start if unit in ("年", "周年") else end)
        # (再延长30年试点, 成立80周年纪念活动: years measure what stands before them)
        if unit == "周年":
            subject = _past_verbs(subject)  # 筹备某某胜利80周年纪念活动: the event remembered, not the doing
        if _RANGE_BEFORE.search(text, 0, start) and out:
            subject = out[-1].subject  # 经济增长4.5%—5%: the range's top is the same thing's
        subject = _NOTE_MARK.sub("", subject)  # 新开发“双协员”[21]305个: the mark of a note at the report's end
        if subject in ("新增", "新建", "净增", "增加", "建成") and out and out[-1].unit == unit and out[-1].subject:
            subject = out[-1].subject  # 某某企业120户，其中新增74户: of the same kind (新增 is its qualifier)
        qualifier = ";".join(q for q in (_qualifier(text, start, approx), base and f"是{base.group(1)}的") if q)
        gap = _GAP.fullmatch(clause.strip()) if unit in ("个百分点", "%") and out else None
        if gap:  # 同比增长3.2%，高于全省0.1个百分点: how far the growth before is from a reference
            subject, qualifier = out[-1].subject, ";".join(q for q in (gap.group(0), approx) if q)
        if out and (of_target := _OF_TARGET.fullmatch(clause.strip())) and (
                unit == "%" or of_target.group(0).startswith("超") and unit == out[-1].unit):
            subject, qualifier = out[-1].subject, of_target.group(0)  # 完成3.3亿元，完成年度计划的107%: of the figure before
        if not subject and not clause.endswith(("、", "和")) \
                and (named := [o.subject for o in out if o.subject]):
            subject = named[-1]  # …提高至160亿元左右，累计完成约545亿元: the clause names nothing, the figure is the same thing's
        elif not subject and not out and (words := _WORDS_FIGURE.search(text, 0, start - len(clause))):
            subject = _subject(text, words.start(), words.end())  # 生产总值将首超百亿元，达到102亿元: the same thing's
        for bare, at in _bare_numbers_before(text, start) if kind != "time" and not mult else ():
            out.append(Metric(subject=subject, value=_plain(Decimal(bare)), unit=unit, year=year,
                              qualifier=qualifier, sentence=sentence.index, confidence=0.7))
            starts.append(at)
        out.append(Metric(subject=subject, value=_plain(value), unit=unit,
                          year=int(dated.group(1)) if dated else year,
                          qualifier=qualifier, sentence=sentence.index,
                          confidence=0.8 if num[0].isdigit() else 0.6))
        starts.append(start)
    out = _respectively(text, out, starts)
    if "个、" in text:  # 高于全国、全省1个、0.2个百分点: the first figure's unit is cut short
        short = {n for m in _POINTS_LISTED.finditer(text) for n in re.findall(r"([\d.]+)个、", m.group())}
        out = [replace(m, unit="个百分点") if m.unit == "个" and m.value in short else m for m in out]
    if "百分之" in text:
        out += _spelled_shares(text, sentence, year, out)
    if _SHARE.search(text):
        out += _shares(text, sentence, year, quoted, out, starts)
    if "全国" in text or ":1" in text or "∶1" in text:
        out += _ranks_and_ratios(text, sentence, year, quoted, out)
    return out


_POINTS_LISTED = re.compile(r"(?:\d+(?:\.\d+)?个、)+\d+(?:\.\d+)?个百分点")
_SIZED_CLASS = re.compile(r"(?<=以上)(?:的)?(?:[\u4e00-\u9fff]{0,4}?(?:项目|企业|固定资产投资)|[\u4e00-\u9fff]{1,8}?\d+[\u4e00-\u9fff])"
                          r"|的[\u4e00-\u9fff]{1,4}?\d+[个家户名座]")


_RANGED_CLASS = re.compile(r"(?:的)?[\u4e00-\u9fff]{0,4}?(?:项目|企业)")


def _bare_numbers_before(text: str, start: int) -> list[tuple[str, int]]:
    """Numbers without a unit listed right before the figure at ``start`` (提高3.9和2.2个百分点: 3.9), each with
    where it stands: they share the figure's unit."""
    shared = _SHARED_UNIT.search(text, 0, start)
    return [(n.group(0), shared.start() + n.start()) for n in re.finditer(r"\d+(?:\.\d+)?", shared.group(0))] \
        if shared else []


def _sized_class(text: str, end: int) -> bool:
    """The figure ending at ``end`` (with 以上) sizes a kind of project or firm (10亿元以上项目) rather than
    counting anything itself."""
    return _SIZED_CLASS.match(text, end) is not None


def _respectively(text: str, metrics: list[Metric], starts: list[int]) -> list[Metric]:
    """Figures listed together (甲、乙 or 甲和乙) belong, in order, to things named apart:
    …收入20000元，农民人均纯收入7750元，同比分别增长30.3%和21% (the figures named before);
    财政总收入和某某收入分别达到36.5亿元、24.2亿元 (the two named before 分别), and the growths listed right
    after such a pair (增长13.4%、16.5%)."""
    out = list(metrics)
    i = 0
    while i < len(out):
        n = _listed_run(text, starts, i)
        clause = _clause_before(text, starts[i]).strip()
        wide = re.split(r"[，,；;。]", text[:starts[i]])[-1].strip()  # the clause, 、 and all
        subjects: list[str] = []
        pair = _PAIR_RESPECTIVELY.fullmatch(wide)
        if not pair and n == 2 and _THEN_RESPECTIVELY.match(text, _figure_end(text, starts[i + 1])):
            pair = _PAIR_BEFORE.fullmatch(wide)  # 城镇和农村某某收入完成X元、Y元，分别增长…: the pair named first
        shared = _SHARED_RESPECTIVELY.fullmatch(wide) or n == 2 and _TWO_IN_ONE.fullmatch(wide)
        if n >= 2 and _RESPECTIVELY.fullmatch(clause):
            named = [m.subject for m in out[:i] if m.subject]
            subjects = named[len(named) - n:] if len(named) >= n else []
        elif n == 2 and pair:
            first, second = _LEAD_WORDS.sub("", pair.group(1)), pair.group(2)
            if len(first) <= 3 < len(second) - 2:  # 城镇、农村常住居民人均可支配收入: the two share the rest of the
                # name; 汽车、电子信息产业: only the kind of sector
                setting = len(_SETTING.match(second).group(0)) or 2
                first += second[-2:] if second.endswith(("产业", "行业")) else second[setting:]
            elif _shares_a_word(first, second):
                first += second[1:]  # 年末存、贷款余额: 存款余额
            elif (measure := _MEASURE_END.search(second)) and not _MEASURE_END.search(first):
                first += measure.group(0)  # 高技术制造业、装备制造业增加值: the first's value added too
            subjects = [first, second]
        elif n >= 2 and shared and not pair:  # 某某人均可支配收入分别为3.6万元、2.1万元: one subject for both
            subjects = [_LEAD_WORDS.sub("", shared.group(1))] * n
            for both, (first, second) in _TWO_NAMED_AS_ONE.items():
                if n == 2 and both in subjects[0]:  # 存贷款余额分别增加X和Y: deposits, then loans
                    subjects = [subjects[0].replace(both, first), subjects[0].replace(both, second)]
                    break
        elif n >= 2 and i >= n and _CHANGE_ONLY.fullmatch(clause) and (
                _listed_run(text, starts, i - n) == n or _named_apart(out[i - n:i], out[i].unit)):
            subjects = [m.subject for m in out[i - n:i]]  # (…收入17175元，…纯收入5153元，实际增长9.8%和8.5%)
        elif n >= 2:
            subjects = _listed_subjects(wide, n)
        for k, subject in enumerate(subjects):
            out[i + k] = replace(out[i + k], subject=subject)
        i += n
    return out


_RESPECTIVELY = re.compile(rf"(?:[两三四五六七八九十]年)?(?:同比|比上年|较上年|年均|(?:较|比)(?:19|20)\d{{2}}年)?分别(?:比年初|较年初|比上年|较上年)?(?:同比)?"
                          rf"(?:比增|增长|下降|提高|增加|减少|达到|达|为|{_MULTIPLE_OF})")
_PAIR_RESPECTIVELY = re.compile(rf"([{_CJK}]{{2,16}}?)(?:和|及|与|、)([{_CJK}]{{2,16}}?)均?(?:同比)?分别(?:比上年|同比)?"
                                rf"(?:达到|达|为|完成|实现|是|增长|下降|提高|回落|削减|减少|降低|上升)?")
_PAIR_BEFORE = re.compile(rf"([{_CJK}]{{2,16}}?)(?:和|及|与|、)([{_CJK}]{{2,16}}?)(?:完成|达到|达|为|实现|是)?")
_THEN_RESPECTIVELY = re.compile(r"[，,]?(?:同比|比上年|较上年)?分别")
_SETTING = re.compile(r"(?:农村牧区|农牧区|农村|乡村|牧区|城镇|城市)?")   # 城镇和农村牧区某某收入: where the second lives
_MEASURE_END = re.compile(r"(?:增加值|总产值|产值|营业收入|主营业务收入|销售收入|收入|投资|产量|销售额|总额|利润)$")
_TWO_NAMED_AS_ONE = {"存贷款": ("存款", "贷款")}   # (城乡居民收入 stays one subject: the golds name it so)
_TWO_IN_ONE = re.compile(rf"([{_CJK}]{{0,8}}(?:存贷款|城乡居民)[{_CJK}]{{0,10}}?)(?:年均|同比|比上年)?"
                         rf"(?:达到|达|为|增长|提高|增加)?")  # 存贷款余额达X和Y (the two, in order), 城乡居民收入增长X和Y (both)
_SHARED_RESPECTIVELY = re.compile(rf"([{_CJK}]{{2,20}}?)(?:比年初|较年初)?分别(?:达到|达|为|完成|实现|是|增长|下降|提高|增加|减少)?")


def _named_apart(before: list[Metric], unit: str) -> bool:
    """The figures right before a run of changes are of as many different things, each a level (no change of
    the run's unit): the changes are theirs, in order."""
    return len({m.subject for m in before}) == len(before) and all(m.subject and m.unit != unit for m in before)


def _listed_subjects(clause: str, n: int) -> list[str]:
    """As many things listed before the figures as figures, in order, without 分别 (某某地区生产总值、
    社会消费品零售总额、财政总收入将达到21.8亿元、14.1亿元、2.5亿元); none if the counts differ."""
    items = re.split(r"[、和及与]", _VERB_TAIL.sub("", clause))
    if len(items) != n or not all(re.fullmatch(rf"[{_CJK}]{{2,16}}", item) for item in items):
        return []
    words = fast_cut(items[0])
    verbs = [k for k, w in enumerate(words) if len(w) >= 2 and word_tags().get(w) == "v"]
    items[0] = "".join(words[verbs[-1] + 1:]) if verbs and verbs[-1] < len(words) - 1 else items[0]
    last = items[-1]  # 城镇、乡村某某人均收入, 水果、茶叶产量, 氨氮和氮氧化物排放量: a short item shares the rest of the
    rest = last[len(fast_cut(last)[0]):]  # last one's name, after its first word
    return [item + rest if len(item) == 2 and len(last) >= 4 else item + last[1:] if _shares_a_word(item, last)
            else item for item in items[:-1]] + [last]


def _shares_a_word(item: str, last: str) -> bool:
    """年末存、贷款余额: the item ends in one character of a word it shares with the last (存款, 贷款), and the
    rest of the last one's name is its too."""
    return len(fast_cut(item)[-1]) == 1 and len(last) >= 3 and len(fast_cut(last)[0]) == 2 \
        and tokenizer().FREQ.get(item[-1] + last[1], 0) >= 500  # a common word (存款), not a chance pair (率|意)


def _listed_run(text: str, starts: list[int], i: int) -> int:
    """How many figures from the ``i``-th on are listed together (joined by 、 和 及)."""
    n = 1
    while i + n < len(starts) and re.fullmatch(r"[和及、]", text[_figure_end(text, starts[i + n - 1]):starts[i + n]]):
        n += 1
    return n


def _figure_end(text: str, start: int) -> int:
    """Where the figure that starts at ``start`` ends (its digits, point, unit and %)."""
    m = re.match(rf"[\d.]+(?:万|亿)?(?:%|％|个百分点|(?:(?![和及与])[{_CJK}]){{0,2}})", text[start:])
    return start + (m.end() if m else 0)


_RANK = re.compile(r"(?:[居列]|位居|稳居|跃居|升至|提升至)?全国[\u4e00-\u9fff]{0,8}?"
                   r"(?:第(?P<nth>[一二三四五六七八九十]{1,2}|\d{1,2}(?!\d))|(?P<first>首位))(?![批次个届项名位梯方阵])")
_RATIO = re.compile(r"(?<![\d.])(?P<num>\d+(?:\.\d+)?)[:∶](?P<one>1)(?![\d.])")


def _ranks_and_ratios(text: str, sentence: Sentence, year: int | None,
                      quoted: list[tuple[int, int]], earlier: Sequence[Metric] = ()) -> list[Metric]:
    """A national rank (居全国第二 → 2 位, 稳居全国首位 → 1 位) and a ratio to one (收入比2.27:1 → 2.27 :1)."""
    out = []
    for pattern in (_RANK, _RATIO):
        for m in pattern.finditer(text):
            start, end = m.span()
            if any(a <= start < b for a, b in quoted):
                continue
            if pattern is _RANK:
                nth = m.group("nth")
                value = 1 if m.group("first") else int(nth) if nth.isdigit() else chinese_number(nth)
                unit, qualifier = "位", m.group(0)
            else:
                value, unit, qualifier = Decimal(m.group("num")), ":1", _qualifier(text, start, "")
            clause = _clause_before(text, start)
            subject = re.sub(r"(?:从|由|为|至|缩小至|扩大至|连续\w{1,3}年|\d+(?:\.\d+)?[:∶]1)+$", "", clause)
            if not subject.strip() and earlier:  # …生产总值14万亿元、连续36年居全国首位: the figure's rank
                subject = next((e.subject for e in reversed(earlier) if e.sentence == sentence.index and e.subject
                                and e.unit != "年"), "")
            out.append(Metric(subject=subject[-16:], value=_plain(Decimal(value)), unit=unit,
                              year=year, qualifier=qualifier, sentence=sentence.index, confidence=0.6))
    return out


_SHARE = re.compile(r"(?<![一二三四五六七八九十两\d.])(?:(?P<cheng>[一二三四五六七八九两1-9])成(?![为立果功绩效长熟本交不])"
                    r"|(?P<half>一半)|(?P<big>[一二三四五六七八九两]?[千百万])亿(?P<dollars>美)?元(?!级)"
                    r"|连续(?P<years>\d+|[一二三四五六七八九十两]{1,3})(?P<span>年|次|届)|(?P<double>翻一?番))")


def _shares(text: str, sentence: Sentence, year: int | None, quoted: list[tuple[int, int]],
            earlier: Sequence[Metric] = (), starts: Sequence[int] = ()) -> list[Metric]:
    """Shares and round amounts written in words: 近八成 (80%), 近一半 (50%), 超千亿元, 连续9年 / 连续四次,
    翻番 (a growth of 100%). ``starts`` are where the ``earlier`` figures stand (a run of years is of one
    before it)."""
    out = []
    for m in _SHARE.finditer(text):
        start, end = m.span()
        if any(a <= start < b for a, b in quoted) or text[start - 1:start] == "/":
            continue  # 0.6人/百亿元: the per-amount of a rate, not an amount
        if m.group("cheng"):
            if re.match(r"[村镇乡社组]", text[end:end + 1]) and (not start or text[start - 1] in "、，,。；;"):
                continue  # 、五成村楠竹…: a village's name in a list, no share of villages (全镇八成村…)
            cheng = m.group("cheng")
            value, unit = Decimal((int(cheng) if cheng.isdigit() else _DIGITS[cheng]) * 10), "%"
        elif m.group("half"):
            value, unit = Decimal(50), "%"
        elif m.group("double"):  # 数量翻番: grown by 100%
            value, unit = Decimal(100), "%"
        elif m.group("big"):
            big = m.group("big")
            currency = "美元" if m.group("dollars") else "元"
            if big[-1] == "万":
                value, unit = Decimal(_DIGITS.get(big[0], 1) if len(big) > 1 else 1), "万亿" + currency
            else:
                value, unit = Decimal(chinese_number(big) or 0), "亿" + currency
            if not value:
                continue
        else:  # 连续9年, 连续四年, 连续五次
            years = m.group("years")
            count = int(years) if years.isdigit() else chinese_number(years)
            if not count:
                continue
            value, unit = Decimal(count), m.group("span")
        if m.group("big") and _sized_class(text, end + (2 if text[end:end + 2] == "以上" else 0)):
            continue  # 百亿元以上重大项目23个: the size of a kind of project
        qualifier = _qualifier(text, start, "以上" if text[end:end + 2] == "以上" else "")
        if m.group("years"):
            qualifier = ";".join(q for q in ("连续", qualifier) if q)
        elif m.group("double"):
            qualifier = ";".join(dict.fromkeys(q for q in ("增长", "翻番", *qualifier.split(";")) if q))
        subject = _subject(text, start, end)
        before = [e for e, at in zip(earlier, starts) if at < start] if len(starts) == len(earlier) else earlier
        if not subject and m.group("years") and before:  # …14万亿元、连续36年居全国首位: how long the figure has led
            subject = before[-1].subject
        if not subject and m.group("years"):  # 连续四年位列某某五强区 opening a clause: what has held so long
            subject = _whole_words(re.split(r"[，,。；;]", text[end:], maxsplit=1)[0], 20)
        if not subject:
            continue
        if m.group("double") and subject in ("", "实现", "基本实现"):
            subject = _doubled(text, start) or subject  # 某某收入10.6亿元，实现五年翻一番: the figure before
        out.append(Metric(subject=subject, value=_plain(value), unit=unit, year=year,
                          qualifier=qualifier, sentence=sentence.index, confidence=0.6))
    return out


def _doubled(text: str, start: int) -> str:
    """What the last of the (up to three) figures before ``start`` counts, the first that names anything: the
    thing a bare 实现翻番 says doubled."""
    figures = [f for f in _units()[1].finditer(text, 0, start) if not _DATE_LIKE.fullmatch(f.group(0))]
    return next((n for n in (_subject(text, f.start(), f.end()) for f in reversed(figures[-3:])) if n), "")


def extract_metrics(doc: Document, entities: Sequence[Entity] = ()) -> list[Metric]:
    """Metrics of the document; ``about`` names an entity mentioned in the metric's subject, if any."""
    names = sorted(((n, e.name) for e in entities for n in {e.name, *e.aliases} if len(n) >= 2),
                   key=lambda x: -len(x[0]))
    rank: dict[str, tuple[int, str]] = {}
    for r, (n, name) in enumerate(names):
        rank.setdefault(n, (r, name))
    longest = max((len(n) for n in rank), default=0)

    def about_of(subject: str) -> str:
        """The first name (longest first) that the subject contains, by one lookup per substring."""
        best = None
        for a in range(len(subject) - 1):
            for b in range(a + 2, min(len(subject), a + longest) + 1):
                hit = rank.get(subject[a:b])
                if hit is not None and (best is None or hit[0] < best[0]):
                    best = hit
        return best[1] if best else ""
    spans: dict[int, list[tuple[int, int]]] = {}
    for e in entities:
        for m in e.mentions:
            s = doc.sentences[m.sentence]
            spans.setdefault(m.sentence, []).append((m.start - s.start, m.end - s.start))
    out = []
    for s in doc.sentences:
        if s.part == 0 and not s.in_glossary and (len(doc.parts) > 1 or s.paragraph == 0) \
                and doc.paragraphs[s.paragraph].end - doc.paragraphs[s.paragraph].start < 80:
            continue  # the title and by-line: dates, sessions (a text with no part headings is all body but its title;
            # a long opening paragraph before the first part sums the year up in figures)
        if len(s.text) < 40 and _HEADING.match(s.text):
            continue  # a heading
        for metric in sentence_metrics(s, None if s.in_glossary else s.year, spans.get(s.index, ())):
            about = about_of(metric.subject)
            out.append(Metric(metric.subject, metric.value, metric.unit, metric.year, metric.qualifier,
                              metric.sentence, about, metric.confidence))
    return _one_per_figure(out)


def _one_per_figure(metrics: list[Metric]) -> list[Metric]:
    """One metric per subject, value and unit in a sentence (its graph node is keyed so): two rules that read
    the same figure (连续10次 as a run and as a count) give one metric, the surest, with any qualifier."""
    kept: dict[tuple, Metric] = {}
    for m in metrics:
        key = (m.subject, m.value, m.unit, m.sentence)
        old = kept.get(key)
        if old is None:
            kept[key] = m
            continue
        best, other = (m, old) if m.confidence > old.confidence else (old, m)
        kept[key] = best if best.qualifier or not other.qualifier else Metric(
            best.subject, best.value, best.unit, best.year, other.qualifier, best.sentence, best.about,
            best.confidence)
    return list(kept.values())
