"""Stage 2: normalise whitespace and line endings and strip web-page leftovers."""
from __future__ import annotations

import html
import re
from collections import Counter
from functools import cache

from .resources import read_lines, read_table

__all__ = ["clean_text", "curl_quotes", "drop_contents", "join_fragments", "join_numbered_chunks",
           "join_spaced_figures", "join_wrapped_lines", "join_wrap_spaces", "normalize_spaces", "simplified",
           "split_columns", "strip_copy_marks"]

_BULLET = re.compile(r"^[●■◆▲★☆○◇□•▪◎※➢►]+ ?")   # a list's bullet opening a line, no part of its text
_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000\t\f\v]")
# characters no reader sees, stray controls, and a post's emoji (📈, 🏆)
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad\x00-\x08\x0e-\x1f\x7f\ufe0f\U0001F000-\U0001FAFF]")
_CHROME_MAX = 80  # page furniture is short: a longer line (a report flattened to one line) is never dropped
_RUNS = re.compile(r" {2,}")
# a space a PDF or a typesetter puts between a figure and the words around it (完成 7.8 亿元, 2019 年): the
# figure's unit and subject must touch it to be read; a short number opening a line is a list mark (1 经济…)
_SPACED_FIGURE = re.compile(r"(?<=[\d%])[ ](?=[\u4e00-\u9fff%‰])|(?<=[\u4e00-\u9fff])[ ](?=\d)")
_LIST_MARK = re.compile(r"\d{1,2}[ ]")
_THOUSANDS = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d,.])")   # 45,000元, 1,220,000元: one number each


def normalize_spaces(line: str) -> str:
    """Non-breaking, full-width and other spaces become one plain space; invisible marks go.

    >>> normalize_spaces("\\u3000\\u3000春风十里\\u00a0满城花开 ")
    '春风十里 满城花开'
    """
    line = _INVISIBLE.sub("", line)
    return _RUNS.sub(" ", _SPACES.sub(" ", line)).strip()


_ASCII_QUOTED = re.compile(r'"([^"\n]{1,40})"')
_SEMICOLON_QUOTED = re.compile(r";;([^;\n]{1,30});;")   # a copy that turned “” into ;; (贯彻;;五个坚持;;)
_APOSTROPHE_QUOTED = re.compile(r"'([^'“”\n]{1,30}?)\s?“")   # a copy that opened with ' and closed with “ ('九大战略“)
_DOUBLE_APOSTROPHE_QUOTED = re.compile(r"\"([^\"'“”\n]{1,30}?)'")   # a copy that opened with " and closed with ' ("某某')
_QUESTION_QUOTED = re.compile(r"\?([^?\n]{1,30})\?")
_LATIN_NEAR_MARK = re.compile(r"[A-Za-z0-9=&/吗呢么何谁哪]\?|\?[A-Za-z=&]")   # a web address's ? (…php?id=5) or a
# question's (为什么?) is no quote
_HAS_CJK = re.compile(r"[\u4e00-\u9fff]")   # a quote holding Chinese is a Chinese quote


def _quoted(m: re.Match) -> str:
    return f"“{m.group(1)}”"


def curl_quotes(line: str) -> str:
    """Chinese text quoted with ASCII marks ("某某"行动), with the ;; a bad copy made of “”, opened with ' and
    closed with “ ('某某“), opened with " and closed with ' ("某某'), or with both lost to ? (?某某?): the quotes
    the genre uses, so a quoted name is read as one (a line with an odd number of " is left as it is).

    >>> curl_quotes('开展"县县通"攻坚行动，贯彻;;五个坚持;;'), curl_quotes("围绕'九大战略“，实施'1222“工作布局")
    ('开展“县县通”攻坚行动，贯彻“五个坚持”', '围绕“九大战略”，实施“1222”工作布局')
    """
    def curl(m: re.Match) -> str:
        return f"“{m.group(1)}”" if _HAS_CJK.search(m.group(1)) else m.group(0)
    if "'" in line and '"' in line and re.sub(r"[^\"']", "", line) == "\"'" * line.count('"'):
        line = _DOUBLE_APOSTROPHE_QUOTED.sub(_quoted, line)
    if "?" in line and line.count("?") % 2 == 0 and not _LATIN_NEAR_MARK.search(line):
        line = _QUESTION_QUOTED.sub(curl, line)  # 以?三个代表?重要思想为指导: quotes a copy lost to "?"
    if '"' in line and line.count('"') % 2 == 0:
        line = _ASCII_QUOTED.sub(curl, line)
    if "'" in line and "“" in line and "”" not in line:
        line = _APOSTROPHE_QUOTED.sub(_quoted, line)
    return _SEMICOLON_QUOTED.sub(curl, line) if ";;" in line else line


def join_spaced_figures(line: str) -> str:
    """Figures set apart by spaces joined to their words, and figures written with thousands separators
    (45,000元) as one number; a list mark opening the line keeps its space.

    >>> join_spaced_figures("完成 7.8 亿元，增长 4.2%"), join_spaced_figures("分别达到45,000元和1,220,000元,增长5%")
    ('完成7.8亿元，增长4.2%', '分别达到45000元和1220000元,增长5%')
    """
    head = m.end() if (m := _LIST_MARK.match(line)) else 0
    line = line[:head] + _SPACED_FIGURE.sub("", line[head:])
    return _THOUSANDS.sub(lambda m: m.group(0).replace(",", ""), line) if "," in line else line


@cache
def _chrome_rules() -> tuple[frozenset[str], tuple[re.Pattern, ...], tuple[re.Pattern, ...], tuple[re.Pattern, ...]]:
    rules = {"drop": [], "cut": [], "tail": []}
    for kind, pattern in read_table("web_chrome_patterns.txt"):
        rules[kind].append(re.compile(pattern))
    return frozenset(read_lines("web_chrome.txt")), tuple(rules["drop"]), tuple(rules["cut"]), tuple(rules["tail"])


def _is_spaced_title(line: str) -> bool:
    """'政 府 工 作 报 告': a heading typeset with spaces between characters."""
    return bool(re.fullmatch(r"(\S ){3,}\S", line)) and all(len(tok) == 1 for tok in line.split(" "))


_RUNS_ON = re.compile(r"(?:[\u4e00-\u9fff\d%，,、“（(]|\d[.．]|&[a-z]{1,7})$")   # a line cut in mid-sentence (not at an end mark,
# nor a web tag; a character reference cut in two, &ldqu|o;, runs on)
_REFERENCE = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{2,6}|#[xX][0-9a-fA-F]{2,5});")   # &ldquo;, &#8220;: a web copy's characters
_HEADING_START = re.compile(r"^(?:[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[、．.](?!\d)|"
                            r"第[一二三四五六七八九十]+部分|[一二三四五六七八九十]是|——)")
_SPACED_OUT = 0.6   # of all lines, the share a blank line follows in a copy that put one after every line
_WRAPPED_SHARE = 0.4   # of the longer lines, the share that must run on for the text to count as hard-wrapped


def join_wrapped_lines(lines: list[str], breaks: frozenset[int] = frozenset()) -> list[str]:
    """Lines a PDF or a copy hard-wrapped at the page's width joined back into their paragraphs: in a text where
    many long lines run on (no end mark, the next line no heading), a line as long as most and with no end mark
    goes on in the next one, unless a blank line followed it (its index is in ``breaks``). A text with a
    paragraph per line is returned as it is.

    >>> join_wrapped_lines(["一、2022年工作回顾", "全年新建学校3所，改造道路12条，完成了各项任务。"])
    ['一、2022年工作回顾', '全年新建学校3所，改造道路12条，完成了各项任务。']
    """
    long = [i for i, line in enumerate(lines) if len(line) >= 15]
    runs_on = [i for i in long if i + 1 < len(lines) and _RUNS_ON.search(lines[i])
               and not _HEADING_START.match(lines[i]) and not _HEADING_START.match(lines[i + 1])]
    if len(runs_on) < 5 or len(runs_on) < _WRAPPED_SHARE * len(long):
        return lines
    width = sorted(len(lines[i]) for i in runs_on)[len(runs_on) // 2]  # the page's width, as most wrapped lines have it
    full = 0.75 * width   # (a short line that runs on is a heading or a title)
    cut = {i for i in runs_on if len(lines[i]) >= full}
    cut |= {i for i, line in enumerate(lines[:-1]) if _HEADING_START.match(line) and _RUNS_ON.search(line)
            and "。" in line and len(line) >= full and not _HEADING_START.match(lines[i + 1])}
    cut -= breaks  # (（一）某某做大做强。全力创建…: a heading whose paragraph goes on from its line runs on too)
    out: list[str] = []
    for i, line in enumerate(lines):
        if i - 1 in cut:
            out[-1] += line
        else:
            out.append(line)
    return out


_END_MARK = re.compile(r"[。！？!?；;：:…]$")
_ADDRESS = re.compile(r"各位代表|同志们")   # the speech's salutation opens a paragraph of its own
_FRAGMENT_SHARE = 0.25   # of all lines, the share of short pieces that run on for a text to count as cut into spans


def _opens_paragraph(line: str) -> bool:
    return bool(_HEADING_START.match(line) or _ADDRESS.match(line))


def join_fragments(lines: list[str]) -> list[str]:
    """A copy that broke its paragraphs at every span of a PDF's text (现在，我代表 | 某某 | 镇人民政府向大会报告工作，请 |
    予审 | 议，…) with its paragraphs back: in a text where short pieces that run on are many, a line with no end
    mark goes on in the next, unless the next opens a heading or the line is a heading with its title (a bare
    list mark, 2., takes its title from the next line). Any other text is returned as it is.

    >>> join_fragments(["一、工作回顾", "2.", "工业", "经济提能升级", "。", "完成产值", "5", "亿元", "，增长", "8%", "。"] * 2)[:3]
    ['一、工作回顾', '2.工业经济提能升级。', '完成产值5亿元，增长8%。']
    """
    pieces = sum(len(line) <= 6 and not _END_MARK.search(line) and not _opens_paragraph(line) for line in lines)
    if pieces < 10 or pieces < _FRAGMENT_SHARE * len(lines):
        return lines
    out: list[str] = []
    bare_mark = False   # the last line began as a list mark alone: its title runs on to an end mark
    for line in lines:
        if out and not _END_MARK.search(out[-1]) and not _opens_paragraph(line) and (
                bare_mark or not _opens_paragraph(out[-1])):
            out[-1] += line
        else:
            out.append(line)
            bare_mark = bool(_HEADING_START.fullmatch(line))
    return out


_CONTENTS_MAX = 24   # a table of contents lists headings, each a short line


def drop_contents(lines: list[str]) -> list[str]:
    """A table of contents the copy kept before its text (一、2023年工作回顾 | 二、2024年工作安排 | (一)聚焦… and
    then the title, 各位代表, 一、2023年工作回顾 again): the text without it, so its headings open no parts. A
    text that opens with a heading it does not repeat is returned as it is.

    >>> drop_contents(["一、2023年工作回顾", "二、2024年工作安排", "(一)聚焦项目", "某县政府工作报告", "一、2023年工作回顾", "全年…"])
    ['某县政府工作报告', '一、2023年工作回顾', '全年…']
    """
    k = 0
    while k < len(lines) and len(lines[k]) <= _CONTENTS_MAX and _HEADING_START.match(lines[k]):
        k += 1
    return lines[k:] if k >= 3 and lines[0] in lines[k:] else lines


_CHUNK_MARK = re.compile(r"(\d{1,3})、")
_CHUNK_MIN = 100   # a doc site's chunk is a page's worth of text; a list's items are shorter or end their sentence


def join_numbered_chunks(lines: list[str]) -> list[str]:
    """A doc-sharing site's copy served in numbered chunks cut wherever a chunk was full (1、…街 | 2、道办事处…):
    the text without the chunks' numbers, a chunk cut in mid-sentence going on in the next. Chunks are long
    lines numbered 1, 2, 3… one after the other, most cut with no end mark; any other text (a list of long
    items, each ending its sentence) is returned as it is.

    >>> [line[118:130] for line in join_numbered_chunks(["1、" + "甲" * 120 + "，新建街", "2、道办事处" + "乙" * 120 + "。", "3、丙。"])]
    ['甲甲，新建街道办事处乙乙', '']
    """
    if not lines or not (first := _CHUNK_MARK.match(lines[0])) or first.group(1) != "1":
        return lines
    count = 1
    while count < len(lines) and len(lines[count - 1]) >= _CHUNK_MIN and (
            m := _CHUNK_MARK.match(lines[count])) and int(m.group(1)) == count + 1:
        count += 1
    cut = sum(not _END_MARK.search(lines[i]) for i in range(count - 1))
    if count < 2 or 2 * cut < count - 1:
        return lines
    out: list[str] = []
    for i, line in enumerate(lines):
        text = line[_CHUNK_MARK.match(line).end():].lstrip() if i < count else line
        if 0 < i < count and not _END_MARK.search(out[-1]):
            out[-1] += text
        else:
            out.append(text)
    return out


# characters only Traditional script writes, common in the genre (們 個 會 國 經濟…): a web copy in Traditional
# characters (a mirror site's) is read as the Simplified text it was written in
_TRADITIONAL_ONLY = frozenset("們個來會為國經濟發實現這說時對進過還從區縣鎮點書長開關問題學與產業務項設機")
_PARTICLE_ZHE = re.compile(r"(?<=[向朝随沿绕味本有带接靠])著(?![作名称录述])")  # 向著 is 向着 (著作 stays)
_PINYIN_NOTE = re.compile(r"(?<=[\u4e00-\u9fff])\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)")  # 報(bào)告: a site's readings


@cache
def _to_simplified():
    from opencc import OpenCC  # (loaded only for a text that needs it)

    return OpenCC("t2s")


def simplified(text: str) -> str:
    """A report copied in Traditional characters (政府工作報告, 會議現場), with or without the readings a site put
    after them (報(bào)告), as Simplified text; a Simplified one as it is.

    >>> simplified("現在，我代表縣人民政府向大會報(bào)告工作。一年來，全縣經濟向著目標實現穩步發展。"), simplified("一年来")
    ('现在，我代表县人民政府向大会报告工作。一年来，全县经济向着目标实现稳步发展。', '一年来')
    """
    sample = text[:4000]
    marks = sum(ch in _TRADITIONAL_ONLY for ch in sample)
    if marks < 5 or marks < 0.03 * len(_HAS_CJK.findall(sample)):
        return text
    return _PARTICLE_ZHE.sub("着", _to_simplified().convert(_PINYIN_NOTE.sub("", text)))


# a site's copy mark: three or four letters and digits, some lower case and some not (pbY, C6m, q8j), that end
# paragraphs (at a line's end, or before a run of spaces in a flattened copy); acronyms (GDP, 5G, O2O) are upper
# case, units (km) end no paragraph
_MARK = re.compile(r"(?<![A-Za-z0-9])(?=[A-Za-z0-9]{0,3}[a-z])(?=[A-Za-z0-9]{0,3}[A-Z0-9])[A-Za-z0-9]{3,4}"
                   r"(?=[ \t\u3000]*(?:\n|$)|[ \t\u3000]{2})")
_MARKS_MIN = 5   # the times a mark must end a paragraph for it to be a site's mark, not a word


def strip_copy_marks(text: str) -> str:
    """A copy in which a site marked every paragraph's end (…提出意见。pbY), as the paragraphs it marked: the mark
    is a paragraph break, wherever it stands (a flattened copy keeps it between two paragraphs of one line).

    >>> strip_copy_marks("各位代表：pbY   现在，我代表政府报告工作。pbY\\n" * 5).split()[:3]
    ['各位代表：', '现在，我代表政府报告工作。', '各位代表：']
    """
    ends = Counter(m.group(0) for m in _MARK.finditer(text))
    for mark in (mark for mark, n in ends.items() if n >= _MARKS_MIN):
        text = re.sub(rf"(?<![A-Za-z0-9]){mark}(?![A-Za-z0-9])[ \t\u3000]*", "\n", text)
    return text


_FOREIGN_LINE = re.compile(r"[^\u4e00-\u9fff]*[A-Za-z]{2,}[ ,.]+[A-Za-z]{2,}[^\u4e00-\u9fff]*(?<![:：])")
# a line of words and no Chinese (not a glossary's term, ［5］ESI：)
_WRAP_SPACE = re.compile(r"(?<=[\u4e00-\u9fff，。、；：,;:）)])[ ](?=[\u4e00-\u9fff（(])")
_WRAP_SPACING = 25   # a copy that joined a page's lines with a space has one every line's width, no closer


def join_wrap_spaces(line: str) -> str:
    """A paragraph whose hard-wrapped lines a copy joined with a space (…列席 人员提出意见, 坚 定不移): the space
    between two characters gone where such spaces stand a line's width apart, three or more of them; a space
    a writer put between a title and a name (区长 某某) is one alone.

    >>> join_wrap_spaces("五年来，在县委的正确领导下，在县人大、县政协 的监督支持下，县政府团结带领全县人民，牢牢把握发展机遇，坚 "
    ...                  "定不移实施发展战略，较好完成了十三五规划确定的主要目标任务。率先在全省完成扩 区调区。")[:32]
    '五年来，在县委的正确领导下，在县人大、县政协的监督支持下，县政府'
    """
    spaces = [m.start() for m in _WRAP_SPACE.finditer(line)]
    gaps = [b - a for a, b in zip(spaces, spaces[1:])]
    if len(spaces) < 3 or min(gaps) < _WRAP_SPACING or max(gaps) > 1.5 * min(gaps):
        return line   # (a flattened copy's spaces between paragraphs stand at no regular width)
    return _WRAP_SPACE.sub("", line)


_CJK_TEXT = r"\u4e00-\u9fff，。、；：！？“”（）《》,.;:!?()%\d"
_COLUMN_GAP = re.compile(rf"(?<=[{_CJK_TEXT}])[ \u3000]{{6,}}(?=[{_CJK_TEXT}])")
_COLUMN_LINES = 5   # the lines a gap must split, a column's width of text each side, for a page to be in two columns
_COLUMN_WIDTH = 12   # (a table's cells are shorter)
_RIGHT_INDENT = 20   # a line indented this far beside a column split is the right column's, its left one empty


def split_columns(lines: list[str]) -> list[str]:
    """A page set in two columns and copied with its layout (pdftotext -layout: 某某工作取得了新进展，     做好政府
    各项工作意义重大。): the left column's lines, then the right's, where a run of spaces splits many lines
    alike; a line indented as far as the right column is the right's. Blank lines inside the columns go (they
    are the layout's, not paragraphs'). Any other text is returned as it is.

    >>> [line[:2] for line in split_columns(["甲" * 12 + " " * 8 + "乙" * 12] * 5 + ["结束。"])]
    ['甲甲', '甲甲', '甲甲', '甲甲', '甲甲', '乙乙', '乙乙', '乙乙', '乙乙', '乙乙', '结束']
    """
    gaps = [_COLUMN_GAP.search(line.strip()) if "      " in line or "\u3000" in line else None for line in lines]
    if sum(g is not None and g.start() >= _COLUMN_WIDTH and len(line.strip()) - g.end() >= _COLUMN_WIDTH
           for line, g in zip(lines, gaps)) < _COLUMN_LINES:
        return lines
    out: list[str] = []
    left: list[str] = []
    right: list[str] = []
    for line, gap in zip(lines, gaps):
        text = line.strip()
        if gap:
            left.append(text[:gap.start()])
            right.append(text[gap.end():])
        elif left and (not text or len(line) - len(line.lstrip()) >= _RIGHT_INDENT):
            if text:
                right.append(text)   # (the right column's line beside an empty left one)
        else:
            out += left + right + [line]
            left, right = [], []
    return out + left + right


# a flattened copy's paragraph that opens with its part's heading and a space (一、2023年工作回顾 2023年是…。): the
# heading is a line of its own, so that it opens the part
_INLINE_HEADING = re.compile(r"([一二三四五六七八九十]+、[^\s，。,；;：:]{2,24}) (?=\S.{40,}。)")
_SPACED_POINT = re.compile(r"(?<=.\d)\. (?=\d)")   # 24. 3亿元: a PDF copy's decimal point set apart (1. 加强…, a
# list's number opening its paragraph, stays)


def clean_text(text: str) -> str:
    """Report text with one paragraph per line, normalised spaces and no web-page furniture.

    >>> clean_text("下载\\r\\n打印\\r\\n\\u3000\\u3000一、2013年工作回顾\\r\\n\\r\\n相关报道：\\r\\n别的新闻")
    '一、2013年工作回顾'
    """
    chrome_lines, drops, cuts, tails = _chrome_rules()
    lines: list[str] = []
    breaks: set[int] = set()   # the lines a blank line follows: a paragraph ends there, however wrapped
    for raw in split_columns(strip_copy_marks(simplified(text).replace("\r\n", "\n").replace("\r", "\n")).split("\n")):
        if not (line := normalize_spaces(raw)):
            breaks.add(len(lines) - 1)
            continue
        if heading := _INLINE_HEADING.match(line):
            lines.append(heading.group(1))
            line = line[heading.end():]
        line = curl_quotes(join_spaced_figures(_BULLET.sub("", line)))
        for cut in cuts:
            if (found := cut.search(line)) and found.end() - found.start() <= _CHROME_MAX:
                line = (line[:found.start()] + line[found.end():]).strip()
        short = len(line) <= _CHROME_MAX
        if not line or line in chrome_lines or short and any(d.search(line) for d in drops) \
                or _FOREIGN_LINE.fullmatch(line):  # (a bilingual copy's English lines)
            continue
        if short and any(t.search(line) for t in tails):
            break
        if _is_spaced_title(line):
            line = line.replace(" ", "")
        lines.append(line)
    if len(breaks) > _SPACED_OUT * len(lines):
        breaks = set()  # a copy with a blank line after every line: they mark no paragraph
    joined = join_fragments(join_numbered_chunks(lines))
    paragraphs = drop_contents(join_wrapped_lines(joined, frozenset(breaks) if joined is lines else frozenset()))
    return "\n".join(_SPACED_POINT.sub(".", _characters(join_wrap_spaces(line))) for line in paragraphs)


def _characters(line: str) -> str:
    """A line of a copy that kept the page's character references (&ldquo;某某&rdquo;, joined first when a wrap cut
    one): the characters, read as any other line's; a line without one as it is."""
    if "&" not in line or not _REFERENCE.search(line):
        return line
    return curl_quotes(normalize_spaces(_REFERENCE.sub(lambda m: html.unescape(m.group(0)), line)))
