"""Stage 3: document → parts → sections → paragraphs → sentences, with status, year, glossary, metadata.

Status and year come from part headings ("一、2023年工作总结", "二、2024年工作打算"), never from the
file name; a heading without a year falls back on the delivery date (a report delivered in year N
reviews N-1 and plans N; one delivered in its last two months, as some districts do, reviews N and plans N+1).
"""
from __future__ import annotations

import re
from dataclasses import replace

from .models import ACHIEVED, PLANNED, UNKNOWN, Document, GlossaryEntry, Paragraph, Part, Section, Sentence
from .resources import read_table

__all__ = ["parse_document", "split_sentences", "heading_status", "CHINESE_DIGITS", "chinese_to_int"]

CHINESE_DIGITS = {"零": 0, "〇": 0, "○": 0, "0": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
                  "八": 8, "九": 9}
_NUMERAL = "[一二三四五六七八九十]{1,3}"
_PART = re.compile(rf"^({_NUMERAL})、\s*(.+)$")
_NAMED_PART = re.compile(rf"^第({_NUMERAL})部分\s*[:：、]?\s*(.*)$")   # 第一部分 2023年工作回顾
_SECTION = re.compile(rf"^[（(]({_NUMERAL})[）)]\s*(.*)$")
_APPENDIX = re.compile(rf"^附件\s*(?:\d+|{_NUMERAL})?\s*[:：]?\s*(.*)$")
_GLOSSARY_HEAD = re.compile(r"^(?:附录?[:：]?|本报告|报告中)?(?:有关|部分)?(?:名词解释|名词注释|名词解读|名词说明|注释|注解|"
                            r"词语解释|用语说明|术语解释)[:：]?$")
_GLOSSARY_ITEM = re.compile(r"^(?:\d{1,3}\s*[\.．、]|[［\[【（(〔]\d{1,3}[］\]】）)〕]|[①-⑳])\s*(.+?)\s*[:：]\s*(.*)$")
_SENTENCE_END = re.compile(r"(?:[。！？!?]+|(?<=[\u4e00-\u9fff])\.(?=[\u4e00-\u9fff]))[”’」』）)]*")
# (an ASCII full stop between two characters ends a sentence too: 是2006年的3.3倍.全年可完成…)
_ZH_YEAR = "[一二][〇○零0一二三四五六七八九]{3}"   # 二〇〇八年, 二00八年: a year in Chinese digits, as older reports write it
_YEAR = re.compile(rf"(?<![\d〇○零])((?:19|20)\d{{2}}|{_ZH_YEAR})\s*年")
# 2023年工作回顾, 二〇一四年工作回顾, “十二五”期间和2015年工作回顾, 某某、某某——本届政府工作回顾: a part heading with no
# number
_BARE_PART = re.compile(rf"^(?:(?:(?:19|20)\d{{2}}(?:[-—～~至](?:19|20)\d{{2}})?年|{_ZH_YEAR}年|过去|今年|去年|今后|本届|上半年|下半年|前三季度|[“\"]?十[一二三四五六七八九]五[”\"]?(?:期间|时期)|[“\"](?:十|九)五[”\"](?:期间|时期|工作))"
                        rf"[^。，,；;：:]{{2,18}}"
                        r"|[^。，,；;：:—]{2,12}——[^。，,；;：:—]{2,16}"
                        rf"|(?:回顾|展望)(?:(?:19|20)\d{{2}}年|{_ZH_YEAR}年|过去一年|新的一年)[^。，,；;：:]{{2,12}})$")  # 回顾2023年工作成果
_TITLE_MAX = 40   # a title is one short line
_PART_OF_YEAR = r"上半年|下半年|前三季度|第?[一二三四]季度"   # a report or a part on part of a year
_PERIOD_OPENING = re.compile(rf"^(?:{_PART_OF_YEAR}|年度|全年)")
_WITHIN_THE_YEAR = re.compile(rf"(?:^|、)(?:{_PART_OF_YEAR})")   # a heading on part of a year
TERM_OF_OFFICE = re.compile(r"第?[一二三四五六七八九十\d]+届")   # 第十五届, 十五届: a body's term, no part of its name
_FIVE_YEAR_PLAN = re.compile(r"十([一二三四五六七八九])五|(?<![\d一二三四五六七八九十第])([九十])五(?=”|计划|规划|时期|期间|末)")
# “十四五”: the 14th five-year plan; “十五”, 九五计划: the 10th and 9th (not 十五届, the 15th term)
_PLAN_NAMED = re.compile(rf"“?(?:{_FIVE_YEAR_PLAN.pattern})”?(?:计划|规划)")   # “十五”计划: a plan by its name
_DATE = re.compile(rf"((?:19|20)\d{{2}}|{_ZH_YEAR})\s*年\s*(\d{{1,2}}|{_NUMERAL})\s*月\s*(\d{{1,2}}|{_NUMERAL})\s*日")
_ISO_DATE = re.compile(r"((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})")
_REPRESENT = re.compile(r"我代表([^\s、，,。；;向]{2,30}?(?:办事处|行政公署)|[^\s、，,。；;向]{2,20}?(?:人民政府|政府))")
# (not 镇党委、政府; 某某区人民政府某某街道办事处 whole: the office, not the government, speaks)
_CONGRESS = re.compile(r"(?:在|——(?!在))([^\s\d]{2,15}?)\s*第\S{1,4}届\s*人民代表大会")  # (——某区第十七届…: the byline run on)
_BODY_BY_LEVEL = re.compile(r"(自治区|自治州|省|市|区|县|旗|盟|镇|乡|街道)(?:人民政府|政府|办事处|行政公署)")
_SELF = re.compile(rf"^[本我](?={_BODY_BY_LEVEL.pattern})")   # 本镇政府: this town's, a body named by its level
_TITLE_ISSUER = re.compile(r"^(\S{2,20}?(?:办事处|人民政府|行政公署|政府))(?:(?:19|20)\d{2}年)?\S*工作报告")
_TITLE_OFFICE = re.compile(r"^(\S{2,24}?办事处)\S*工作(?:报告|总结)")  # 某区人民政府某某街道办事处工作总结: the office
_NAME_CHAR = r"[^\s\d，,。；;：:、“”（）()]"   # a character a place's name in a title may hold
_BEFORE_WORK = r"(?:(?:19|20)\d{2}年)?\S*?工作"   # … the year, then the work the title reports on
_TITLE_PLACE = re.compile(rf"^(?:关于)?((?!关于){_NAME_CHAR}{{2,12}}?(?:街道|镇|乡|(?<!社)区|县|市|旗|州|盟|省|自治区))"
                          rf"{_BEFORE_WORK}")
_PLACE_BELOW = re.compile(rf"(?:{_NAME_CHAR}{{2,8}}?)?(?:街道|镇|乡)(?={_BEFORE_WORK})")
_COUNTY_BELOW = re.compile(rf"{_NAME_CHAR}{{2,8}}?(?:区|县|旗)(?={_BEFORE_WORK})")
_WITHOUT_ABOVE = re.compile(r"^\S{2,6}?[省市州盟](?=\S{2,8}(?:区|县|旗)$)|^\S{2,6}?[区县旗](?=\S{2,8}(?:街道|镇|乡)$)")
# 某某市某某区 → 某某区, 某某区某某街道 → 某某街道: the place itself
_OFFICE_OF_GOVERNMENT = re.compile(r"^\S+?(?:人民政府|政府)(\S{2,}?(?:办事处|街道))$")
_SIGNATURE = re.compile(r"^([\u4e00-\u9fff]{2,20}?(?:人民政府|办事处|行政公署))(?:代|常务副|副)?(?:[区县市旗镇乡省州盟]长|主任|主席|专员)",
                        re.M)  # 某某区人民政府区长 张三 (not 某某人民政府长白新村…: a name that opens with 长)
_LEVELS = (("自治区", "province"), ("省", "province"), ("街道", "subdistrict"), ("办事处", "subdistrict"),
           ("镇", "town"), ("乡", "township"), ("苏木", "township"), ("县", "county"), ("旗", "county"), ("区", "district"),
           ("市", "city"), ("州", "city"), ("盟", "city"))   # 自治州 and 盟: prefectures, as a city


def chinese_to_int(numeral: str) -> int:
    """Value of a small Chinese numeral.

    >>> [chinese_to_int(n) for n in ("三", "十", "十二", "二十", "二十三")]
    [3, 10, 12, 20, 23]
    """
    if "十" not in numeral:
        value = 0
        for ch in numeral:
            value = value * 10 + CHINESE_DIGITS[ch]
        return value
    tens, _, units = numeral.partition("十")
    return (CHINESE_DIGITS[tens] if tens else 1) * 10 + (CHINESE_DIGITS[units] if units else 0)


def number_value(text: str) -> int:
    """A year, month or day in Arabic or Chinese digits (2008, 二〇〇八, 十二).

    >>> [number_value(t) for t in ("2008", "二〇〇八", "二○○九", "二00八", "十二", "1")]
    [2008, 2008, 2009, 2008, 12, 1]
    """
    return int(text) if text.isdigit() else chinese_to_int(text)


def split_sentences(paragraph: str) -> list[tuple[int, int]]:
    """Spans of the sentences of one paragraph; the end mark (and a closing quote) stays with the sentence.

    >>> text = "完成建设。新建4个助餐点！"
    >>> [text[s:e] for s, e in split_sentences(text)]
    ['完成建设。', '新建4个助餐点！']
    """
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(paragraph):
        if paragraph[start:match.end()].strip():
            spans.extend(_bounded(paragraph, start, match.end()))
        start = match.end()
    if paragraph[start:].strip():
        spans.extend(_bounded(paragraph, start, len(paragraph)))
    return spans


MAX_SENTENCE = 500  # characters; real sentences stay under ~250, and extraction cost grows with the square


def _bounded(paragraph: str, start: int, end: int) -> list[tuple[int, int]]:
    """A run of text without a full stop, cut into pieces of at most MAX_SENTENCE characters, at a
    clause mark (；，、 or a space) where there is one: a huge run-on line must not stall extraction.

    >>> [e - s for s, e in _bounded("甲" * 600 + "。", 0, 601)]
    [500, 101]
    """
    spans = []
    while end - start > MAX_SENTENCE:
        window = paragraph[start:start + MAX_SENTENCE]
        cut = max(window.rfind(mark) for mark in "；;，,、 ") + 1
        cut = cut if cut > MAX_SENTENCE // 2 else MAX_SENTENCE
        spans.append((start, start + cut))
        start += cut
    spans.append((start, end))
    return spans


def heading_status(heading: str) -> str:
    """achieved for a review heading, planned for a plan heading, unknown otherwise (first cue wins; a cue both
    kinds use, marked dated in part_status.tsv, only when no other is there).

    >>> heading_status("一、2023年工作总结"), heading_status("二、2024年工作打算"), heading_status("四、加强政府自身建设")
    ('achieved', 'planned', 'unknown')
    """
    heading = _PLAN_NAMED.sub("", heading)  # 为实现“十五”计划奠定基础: the plan's name is no plan cue
    rows = [(status, cue, kind[0] if kind else "") for status, cue, *kind in read_table("part_status.tsv")]
    if final := [status for status, cue, kind in rows if kind == "final" and cue in heading]:
        return final[0]  # 2025年度目标任务完成情况: how the year's targets were met is a review
    hits = [(heading.find(cue), status, kind == "dated") for status, cue, kind in rows if cue in heading]
    sure = [h for h in hits if not h[2]] or hits  # 主要工作及成效: a cue both kinds use gives way to the other
    return min(sure)[1] if sure else UNKNOWN


def _delivery_date(lines: list[str]) -> str:
    """The first full date in the head of the report, as YYYY-MM-DD."""
    for line in lines[:12]:
        match = _DATE.search(line) or _ISO_DATE.search(line)
        if match:
            year, month, day = (number_value(g) for g in match.groups())
            return f"{year:04d}-{month:02d}-{day:02d}"
    return ""


def _year_planned(date: str) -> int:
    """The year a report delivered on ``date`` (YYYY-MM-DD) plans: its own, or the next when it is delivered in
    November or December (某区2012年12月18日: 一、2012年工作回顾, then the tasks of 2013).

    >>> _year_planned("2013-02-28"), _year_planned("2012-11-26")
    (2013, 2013)
    """
    return int(date[:4]) + (int(date[5:7]) >= 11)


def _metadata(text: str, lines: list[str]) -> dict[str, str]:
    """Title, issuing body, place, level and date where the text gives them."""
    title = next((line for line in lines[:12] if "报告" in line and len(line) <= _TITLE_MAX),
                 lines[0] if lines and len(lines[0]) <= _TITLE_MAX else "")  # (a paragraph opening the text is no title)
    issuer = ""
    undated_title = _PERIOD_OPENING.sub("", _YEAR.sub("", title))  # 某市2026年政府工作报告 → 某市政府工作报告; 2016年上半年某乡…
    if match := (_REPRESENT.search(text[:3000]) or _TITLE_OFFICE.match(undated_title) or _TITLE_ISSUER.match(undated_title)
                 or _SIGNATURE.search("\n".join(lines[:12]))):
        issuer = match.group(1)
    issuer = TERM_OF_OFFICE.sub("", issuer)  # 我代表旗第十五届人民政府: the body, not its term
    issuer = _SELF.sub("", issuer)  # 我代表本镇政府: the town's government, named by its level
    if office := _OFFICE_OF_GOVERNMENT.match(issuer):  # 某某区人民政府某某街道办事处: the office speaks
        issuer = office.group(1)
    place = ""
    by_level = _BODY_BY_LEVEL.fullmatch(issuer)   # "我代表镇人民政府": the body named by its level alone
    if match := _CONGRESS.search(text[:3000]):
        place = match.group(1)
    elif issuer and not by_level:
        place = re.sub(r"(人民政府|政府|办事处|行政公署)$", "", issuer)
    elif (match := _TITLE_PLACE.match(undated_title)) and "政府" not in match.group(1):
        # 关于某某街道2023年工作情况和2024年工作安排的报告 (not 乡镇政府镇长工作总结: no place named)
        place = match.group(1)
        if below := (_PLACE_BELOW.match(undated_title, match.end(1)) or (
                place.endswith(("市", "州", "盟", "省", "自治区")) and _COUNTY_BELOW.match(undated_title, match.end(1)))):
            place += below.group(0)  # 某某区某某街道2021年工作报告, 某某市街道, 某市某区创建…工作汇报: the place
            # below, named next
        issuer = issuer or (_WITHOUT_ABOVE.sub("", place) + "办事处" if place.endswith("街道") else "")
    place = _WITHOUT_ABOVE.sub("", place)
    if by_level and place and not place.endswith(by_level.group(1)) and (
            own := re.match(rf"{re.escape(place)}(\S{{2,8}}?{by_level.group(1)})", undated_title)):
        place = own.group(1)  # 某某市某某区政府工作报告 and 我代表区人民政府: the district, not its city
    if place and by_level:  # … is the body of the place the report is for
        unit = by_level.group(1)  # 镇, 自治区, 街道: the place's own kind, written once
        issuer = place[: -len(unit)] + issuer if place.endswith(unit) else place + issuer
    level = next((lvl for suffix, lvl in _LEVELS if re.sub(r"(?:人民政府|政府|行政公署)$", "", issuer or place).endswith(
        suffix)), "")
    if issuer.endswith("办事处"):
        level = "subdistrict"
    return {"title": title, "issuer": issuer, "place": place, "level": level, "date": _delivery_date(lines)}


def _part_year(heading: str, status: str, delivered: int | None) -> int | None:
    """The heading's year; else the last year of the five-year plan it names (“十五五”时期的主要目标 → 2030);
    else the year before delivery for a review, the year of delivery for a plan.

    >>> _part_year("二、“十五五”时期主要目标任务", "planned", 2026), _part_year("二、2026年工作安排", "planned", 2026)
    (2030, 2026)
    """
    if match := _YEAR.search(heading):
        return number_value(match.group(1))
    if end := _plan_end(heading):
        return end
    if delivered is None:
        return None
    if _WITHIN_THE_YEAR.search(heading):
        return delivered if status in (ACHIEVED, PLANNED) else None  # 上半年工作回顾: a half of the year of delivery
    return delivered - 1 if status == ACHIEVED else delivered if status == PLANNED else None


def _plan_ends(text: str) -> list[int]:
    """The last years of the five-year plans the text names, in order (“十四五” → 2025; the 3rd plan ended in
    1970, and one followed every five years)."""
    return [1955 + 5 * (10 + chinese_to_int(m.group(1)) if m.group(1) else chinese_to_int(m.group(2)))
            for m in _FIVE_YEAR_PLAN.finditer(text)]


def _plan_end(text: str) -> int | None:
    """The last year of the five-year plan named first in the text."""
    ends = _plan_ends(text)
    return ends[0] if ends else None


def _later_period(heading: str, year: int | None) -> tuple[str, int] | None:
    """A heading that reviews one plan and sets out the next (二、“十四五”时期发展成就和“十五五”时期主要目标任务):
    the status and year of its paragraphs from the one that opens with the later plan's name."""
    ends = _plan_ends(heading)
    if len(ends) >= 2 and year is not None and max(ends) > year:
        return PLANNED, max(ends)
    return None


def _appendix_status(title: str, delivered: int | None) -> tuple[str, int | None]:
    """An appendix (附件1 / 2026年全省民生项目) is about the year its title names: planned from the year
    of delivery on, achieved before it; neither when it names no year."""
    match = _YEAR.search(title)
    if not match:
        return UNKNOWN, None
    year = number_value(match.group(1))
    if delivered is None:
        return UNKNOWN, year
    return (PLANNED if year >= delivered else ACHIEVED), year


def _glossary_entries(lines: list[tuple[int, str]]) -> list[tuple[str, str, int, int]]:
    """Glossary items (term, definition, start, end) from (offset, line) pairs after the glossary head.

    Handles 'N.term:definition', 'N.term:' + definition lines, and '［N］term:' + definition lines.
    """
    entries: list[list] = []
    for offset, line in lines:
        if match := _GLOSSARY_ITEM.match(line):
            term, definition = match.group(1), match.group(2)
            entries.append([term, definition, offset, offset + len(line)])
        elif entries:
            entry = entries[-1]
            entry[1] = (entry[1] + line) if entry[1] else line
            entry[3] = offset + len(line)
    return [(t, d.strip(), s, e) for t, d, s, e in entries if t and d.strip()]


def parse_document(text: str, doc_id: str, source: str = "", encoding: str = "utf-8") -> Document:
    """Structure cleaned report text (one paragraph per line) into a Document."""
    raw_lines = text.split("\n")
    offsets, pos = [], 0
    for line in raw_lines:
        offsets.append(pos)
        pos += len(line) + 1
    meta = _metadata(text, raw_lines)
    delivered = _year_planned(meta["date"]) if meta["date"] else _title_plan_year(meta["title"])

    parts = [Part(index=0, title="", start=0, end=0)]
    sections: list[Section] = []
    paragraphs: list[Paragraph] = []
    sentences: list[Sentence] = []
    glossary_lines: list[tuple[int, str]] = []
    in_glossary = False
    section_index: int | None = None
    last_status, last_year = UNKNOWN, None
    list_count = 0  # a numbered list inside a part (一、二、… again) is not a run of parts
    switch, later = None, None  # a part reviewing one five-year plan and setting out the next (see _later_period)

    for number, (line, start) in enumerate(zip(raw_lines, offsets)):
        if not line:
            continue
        end = start + len(line)
        is_heading = False
        part_match = _PART.match(line)
        named = _NAMED_PART.match(line) if not in_glossary else None
        bare = not in_glossary and not part_match and not named and _BARE_PART.match(line) is not None \
            and heading_status(line) != UNKNOWN and all(not _PART.match(p.title) for p in parts[1:])
        if not in_glossary and (appendix := _APPENDIX.match(line)) and len(line) <= 40:
            title = appendix.group(1) or next((n for n in raw_lines[number + 1:number + 3] if n), "")
            status, year = _appendix_status(title, delivered)
            last_status, last_year = status, year
            parts.append(Part(index=len(parts), title=line, start=start, end=len(text), status=status, year=year))
            section_index, is_heading, list_count = None, True, 0
        elif not in_glossary and _GLOSSARY_HEAD.match(line):
            in_glossary, section_index, is_heading = True, None, True
            parts.append(Part(index=len(parts), title=line, start=start, end=len(text), is_glossary=True))
        elif part_match and not in_glossary and _is_list_item(chinese_to_int(part_match.group(1)), list_count,
                                                              len(parts)):
            list_count += 1
        elif (named and chinese_to_int(named.group(1)) >= len(parts)) or bare or (
                not in_glossary and part_match and _is_part_heading(line, chinese_to_int(part_match.group(1)), len(parts))):
            status = _dated_status(line, heading_status(line), delivered)
            if status == UNKNOWN and last_status == PLANNED:
                status = PLANNED
            year = _part_year(line, status, delivered)
            if year is None and status == last_status:
                year = last_year
            last_status, last_year = status, year
            parts.append(Part(index=len(parts), title=line, start=start, end=len(text), status=status, year=year))
            section_index, is_heading, list_count = None, True, 0
        elif not in_glossary and (section_match := _SECTION.match(line)) and len(parts) > 1:
            number = chinese_to_int(section_match.group(1))
            if number == sum(1 for s in sections if s.part == len(parts) - 1) + 1:
                title = re.split(r"(?<=[。！？])", section_match.group(2), maxsplit=1)[0]
                sections.append(Section(part=len(parts) - 1, index=number, title=title, start=start, end=end))
                section_index = number
                is_heading = len(line) <= 60 and line.count("。") <= 1
        part = parts[-1]
        if is_heading and part.start == start:
            switch, later = None, _later_period(line, part.year)
        elif later and not is_heading and _FIVE_YEAR_PLAN.match(line.lstrip("“")[:3]) \
                and _plan_end(line.lstrip("“")[:3]) == later[1]:
            switch = later  # “十五五”时期是…: from here the part sets out the next plan
        if in_glossary and not is_heading:
            glossary_lines.append((start, line))
        paragraph = Paragraph(index=len(paragraphs), part=part.index, section=section_index, start=start,
                              end=end, is_heading=is_heading)
        paragraphs.append(paragraph)
        for s, e in split_sentences(line):
            while s < e and line[s] == " ":
                s += 1
            sentences.append(Sentence(index=len(sentences), text=line[s:e], start=start + s, end=start + e,
                                      part=part.index, section=section_index, paragraph=paragraph.index,
                                      status=part.status if switch is None else switch[0],
                                      year=part.year if switch is None else switch[1], in_glossary=in_glossary))

    parts = _close_spans(parts, len(text))
    reread = _reviews_before_plans(parts)
    sentences = [replace(s, status=reread[s.part].status, year=reread[s.part].year)
                 if reread[s.part] is not parts[s.part] and s.status == parts[s.part].status else s for s in sentences]
    parts = reread
    if own := _title_status(meta["title"]):  # 某县2013年工作思路 with unnumbered or unread parts: the title's year
        sentences = [replace(s, status=own[0], year=own[1]) if _title_dates(s.status, s.year, own[0])
                     and s.text != meta["title"] and not s.in_glossary else s for s in sentences]
        parts = [replace(p, status=own[0], year=own[1]) if _title_dates(p.status, p.year, own[0]) and p.index else p
                 for p in parts]
    if (review := _intro_review(meta["title"], parts)) is not None:  # 某某街道2021年工作总结暨2022年工作计划
        sentences = [replace(s, status=ACHIEVED, year=review) if s.part == 0 and s.status == UNKNOWN
                     and s.text != meta["title"] and not s.in_glossary else s for s in sentences]
    if (opening := _announced(sentences[:4])) is not None:  # 现将本年度工作情况总结如下: a summary, undivided by year
        sentences = [replace(s, status=opening[0], year=opening[1]) if s.status == UNKNOWN and not s.in_glossary
                     and s.text != meta["title"] else s for s in sentences]
        parts = [replace(p, status=opening[0], year=opening[1]) if p.status == UNKNOWN and not p.is_glossary else p
                 for p in parts]
    sections = [replace(sec, end=_section_end(sec, sections, parts)) for sec in sections]
    glossary = tuple(
        GlossaryEntry(term=t, definition=d, start=s, end=e, sentence=_sentence_at(sentences, s))
        for t, d, s, e in _glossary_entries(glossary_lines))
    return Document(doc_id=doc_id, source=source, text=text, encoding=encoding, parts=tuple(parts),
                    sections=tuple(sections), paragraphs=tuple(paragraphs), sentences=tuple(sentences),
                    glossary=glossary, **meta)


def _title_status(title: str) -> tuple[str, int] | None:
    """The status and year of a report whose title names one year and says what it does (某县2013年工作思路,
    某某街道2024年工作总结): what its parts say when their headings do not.

    >>> _title_status("青山县2013年工作思路"), _title_status("2024年政府工作报告")
    (('planned', 2013), None)
    """
    if len(title) > _TITLE_MAX:
        return None  # a text with no title line: its first paragraph (2019年是…之年。一年来…) says nothing of the whole
    years = _title_years(title)
    status = heading_status(title)
    return (status, years.pop()) if len(years) == 1 and status != UNKNOWN else None


def _intro_review(title: str, parts: list[Part]) -> int | None:
    """The year an opening paragraph sums up: under a title naming the year reviewed and the year planned
    (某某街道2021年工作总结暨2022年工作计划), the text before a first part that reviews is about the earlier year."""
    years = _title_years(title)
    first = next((p for p in parts[1:] if not p.is_glossary), None)
    if len(years) == 2 and first is not None and first.status == ACHIEVED and first.year in (min(years), None):
        return min(years)
    return None


_ANNOUNCED = re.compile(r"现将(?P<when>[^，,。；;]{0,12}?)(?:主要)?工作(?:开展)?(?:情况|完成情况)?(?P<what>总结|汇报|报告|计划|安排|打算|要点)如下")
_DATED_SPAN = re.compile(r"(?:19|20)\d{2}(?=年)")


def _announced(opening: list[Sentence]) -> tuple[str, int | None] | None:
    """The status and year of a text that says at its start what follows (现将2024年度工作情况汇报如下, 现将全年工作
    总结如下: a review; 现将明年工作安排如下: a plan), with the year it or the sentences before it name.

    >>> _announced([Sentence(0, "2018年，我社区较好完成了各项任务。", 0, 17, 0, None, 0),
    ...             Sentence(1, "现将本年度主要工作情况总结如下：", 17, 33, 0, None, 0)])
    ('achieved', 2018)
    """
    for k, sentence in enumerate(opening):
        if found := _ANNOUNCED.search(sentence.text):
            status = ACHIEVED if found.group("what") in ("总结", "汇报", "报告") else PLANNED
            years = [int(y) for s in opening[:k + 1] for y in _DATED_SPAN.findall(s.text)]
            named = [int(y) for y in _DATED_SPAN.findall(found.group("when"))]
            return status, (named or years or [None])[-1]
    return None


def _title_dates(status: str, year: int | None, title_status: str) -> bool:
    """Whether the title's status and year stand for a part's: its heading says neither, or says the title's
    status without a year (一、主要工作完成情况 under 某某街道2018年工作总结)."""
    return status == UNKNOWN or status == title_status and year is None


def _title_years(title: str) -> set[int]:
    """The years a title names (某某街道2023年工作总结及2024年工作思路 → 2023, 2024)."""
    return {number_value(y) for y in _YEAR.findall(title)}


def _title_plan_year(title: str) -> int | None:
    """A report given without a date whose title names the year reviewed and the year planned
    (某某街道2023年工作总结及2024年工作思路): the later year, as the year of delivery; a government's report
    with one year in its title (2024年某某市政府工作报告): that year.

    >>> _title_plan_year("某某街道2023年工作总结及2024年工作思路"), _title_plan_year("2024年政府工作报告")
    (2024, 2024)
    >>> _title_plan_year("某某街道办事处2023年工作报告") is None  # a subdistrict's report: titled by the year reviewed
    True
    """
    years = _title_years(title)
    if len(years) == 1 and "政府工作报告" in title:
        return years.pop()  # 2022年某某旗人民政府工作报告: a government's report is titled by the year it is given
    return max(years) if len(years) >= 2 else None


def _dated_status(heading: str, status: str, delivered: int | None) -> str:
    """A heading's status, its year weighed against the year of delivery: a year before it is reviewed
    (2023年主要工作 in a report given in 2024) unless a plan cue that only plans use says otherwise
    (part_status.tsv), the year of delivery or later is planned (2024年工作要点) when no cue says.

    >>> _dated_status("一、2023年主要工作", "planned", 2024), _dated_status("二、2024年工作要点", "unknown", 2024)
    ('achieved', 'planned')
    """
    match = _YEAR.search(heading)
    if match is None or delivered is None:
        return status
    year = number_value(match.group(1))
    if year < delivered and status != ACHIEVED and not _plans_only(heading):
        return ACHIEVED
    if year >= delivered and status == UNKNOWN:
        return PLANNED
    return status


def _plans_only(heading: str) -> bool:
    """A plan cue only plans use (打算, 安排…; not 主要工作, which reviews use too: part_status.tsv)."""
    return any(cue in heading for kind, cue, *dated in read_table("part_status.tsv") if kind == PLANNED and not dated)


def _reviews_before_plans(parts: list[Part]) -> list[Part]:
    """一、主要工作 … 二、下一步工作打算: a part planned only by a cue reviews use too, and with no year of
    its own, reviews when a later part plans for sure (its year then the one before the plan's)."""
    out = list(parts)
    for n, part in enumerate(parts):
        if part.status != PLANNED or heading_status(part.title) != PLANNED or _plans_only(part.title) \
                or _YEAR.search(part.title):
            continue  # (a part planned because the part before it was, 四、加强自身建设, stays so)
        plan = next((p for p in parts[n + 1:] if p.status == PLANNED and _plans_only(p.title)), None)
        if plan is not None:
            out[n] = replace(part, status=ACHIEVED, year=plan.year - 1 if plan.year else None)
    return out


def _is_part_heading(line: str, number: int, part_count: int) -> bool:
    """The next part in sequence, or a later one (an excerpt skips parts) whose heading says review or plan."""
    if len(line) > 60:
        return False
    return number == part_count or (number > part_count and heading_status(line) != UNKNOWN
                                    and not line.endswith("。"))


def _is_list_item(number: int, list_count: int, part_count: int) -> bool:
    """一、 restarting inside a part opens a list; its next numbers continue the list, not the parts."""
    return (number == 1 and part_count > 1) or (list_count > 0 and number == list_count + 1)


def _close_spans(parts: list[Part], length: int) -> list[Part]:
    """Each part ends where the next begins."""
    closed = []
    for part, following in zip(parts, parts[1:] + [None]):
        closed.append(replace(part, end=following.start if following else length))
    return closed


def _section_end(section: Section, sections: list[Section], parts: list[Part]) -> int:
    later = [s.start for s in sections if s.start > section.start] + [parts[section.part].end]
    return min(later)


def _sentence_at(sentences: list[Sentence], offset: int) -> int | None:
    return next((s.index for s in sentences if s.start <= offset < s.end), None)
