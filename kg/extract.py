"""Stage 4: entities, glossary definitions, relations and metrics from a structured Document.

Entities come from the report's own signals, sentence by sentence, on one jieba pass:

- 《…》 titles (policy documents, creative works);
- “…” quoted names, told apart from emphasis by the words around them (a type word after the
  quote, a cue verb before it, a list of quoted names, a ``以“X”为主题`` frame …);
- unquoted names ending in a head word (居民区, 中心, 联盟, 行动, 机制, 规划 …, see
  ``resources/heads.tsv``), grown leftwards word by word until a verb or function word;
- honours after award verbs (荣获, 成功创建为, 通过…评审), institutions (县委, 镇党委 …),
  person names before a title, coordinated lists (合浦、十村等居民区), 党的…精神 concepts;
- glossary terms, each attached to the entity it defines.

Candidates of one sentence compete for their span (stronger rules first); candidates of the whole
document are then merged by shared names and aliases into one ``Entity`` each, whose mentions are
every occurrence of any of its names.
"""
from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from functools import cache, cached_property, lru_cache
from typing import Iterable, Sequence

from .calibrate import calibrate_entities
from .gazetteer import bare_names, divisions, home_scope, names_pattern, provinces
from .metrics import WAYS_OF_WORKING, extract_metrics, unit_words
from .models import Definition, Document, Entity, Extraction, Mention, Sentence
from .relations import (DIVISION_ENDS, REVIEWED, SITE_WORKS, WATER_AND_LAND, Hint, bare_list, counts_two,
                        extract_relations)
from .resources import read_lines, read_table
from .segment import PUNCT, Token, name_key, tokenizer, tokens, word_tags
from .structure import TERM_OF_OFFICE

__all__ = ["Candidate", "extract", "extract_entities", "sentence_candidates", "glossary_term_name"]

_CJK = "\u4e00-\u9fff"
_NUMERALS = "一二三四五六七八九十两双多百千万"
_DIVISION_CHARS = frozenset("乡镇村县市区旗盟州省")  # one character that ends a division's name
_NAME_TAILS = frozenset("里路街巷苑庄屯坊")  # one character that ends a lane's or hamlet's name (某某里, 某某庄)

_FUNCTION_TAGS = frozenset({"p", "c", "u", "uj", "ul", "uz", "ud", "ug", "uv", "r", "y", "e", "o", "d"})
_SIDE_WORDS = frozenset("上下内外里间旁") | {"以北", "以南", "以东", "以西", "以内", "以外", "以上", "以下"}
_NOUN_TAGS = ("n", "j", "l", "x", "vn", "an")
_TITLE = re.compile(r"《([^《》]{2,80})》")
_QUOTE = re.compile(r"“([^“”]{1,40})”")
_VERSION = re.compile(r"^(\d+(?:\.\d+)?版本?)")
_ADJECTIVAL = ("型", "式", "版", "化", "性", "级")
_YEAR_PREFIX = re.compile(r"^(?:(?:19|20)\d{2}(?:[-—至~](?:19|20)\d{2})?年(?:度)?|第[一二三四五六七八九十\d]+(?:批|届|次))")
_SCOPE_PREFIX = re.compile(r"^(?:全国|国家级|国家|省级|市级|区级|自治区级)")
_INSTITUTION = re.compile(
    r"(?:^|(?<=[在和与及、，,。；;：:对向由经的将把被请我即是]))"
    r"(中共)?(街道|自治区|区|市|县|旗|镇|乡|州|省|盟)(党工委|人大工委|人大常委会|人民政府|政府|人大|政协|党委|纪委|监委|委)"
    r"(?![员会办部局厅室]|党校)|(?<=[、和与及])行署(?=[、和与及的])")  # 盟委、行署: a league's office
_ORGAN_AFTER_VERB = re.compile(r"(?:街道|区|市|县|旗|镇|乡|省|盟)(?:党工委|人民政府|政府|党委|委|人大常委会|人大|政协)"
                               r"(?![员会办部局厅室]|党校)")
_PARTY_SPIRIT = re.compile(
    r"党的((?:[一二三四五六七八九十]+大|[一二三四五六七八九十]+届(?:[一二三四五六七八九十]+中(?:[、和][一二三四五六七八九十]+中)*|历次)全会)"
    r"(?:[、和及](?:[一二三四五六七八九十]+届(?:[一二三四五六七八九十]+中(?:[、和][一二三四五六七八九十]+中)*|历次)全会"
    r"|[一二三四五六七八九十]+大))*)精神")
_CLASS_TYPES = {"居民区": "ResidentialArea", "小区": "ResidentialArea", "村": "ResidentialArea",
                "社区": "ResidentialArea", "嘎查": "ResidentialArea", "广场": "Place", "公园": "Place",
                "遗址": "Place", "景区": "Place", "街区": "Place", "商城": "Facility",
                "企业": "Organization", "公司": "Organization", "项目": "Program",
                "检查站": "Facility", "医院": "Facility", "学校": "Facility", "基地": "Facility", "园区": "Place",
                "集中区": "Place", "集聚区": "Place", "居委": "ResidentialArea", "居委会": "ResidentialArea",
                "区域": "Place", "航线": "Place", "酒店": "Facility", "农家乐": "Facility", "合作社": "Organization",
                "品牌": "Brand", "地块": "Place"}
_CLASS_ALTERNATIVES = "|".join(sorted(_CLASS_TYPES, key=len, reverse=True))
_ACTS_AFTER_LIST = "开展|实施|推进|推广|打造|建立|新建|建成|试点|种植|落实|完成|修建|铺设|启动|率先"
_CLASS_LIST = re.compile(  # 甲、乙等村开展某某基地建设: the villages are the class, not the 基地 after the act
    rf"(?:^|(?<=[在对和与、，,；;：:的了]))((?:(?:(?!等)[{_CJK}]){{2,8}}、)*(?:(?!等)[{_CJK}]){{2,8}})"
    rf"(等(?:(?:\d+|[一二三四五六七八九十]+)[个家处座条所]?)?|两个|两|(?:\d+|[一二三四五六七八九十]+)[个家处座条所]|[三四五六七八九十]大)"
    rf"((?!(?:{_CLASS_ALTERNATIVES})(?:{_ACTS_AFTER_LIST}))[{_CJK}]{{1,6}}|)({_CLASS_ALTERNATIVES})(?![{_CJK}]?[区制长])")
_EACH_IN = re.compile(rf"分别在((?:[{_CJK}]{{2,4}}、)+[{_CJK}]{{2,4}}?)(?=开展|设立|打造|建设|实施|推进|建成)")
_PROGRAM_LIST = re.compile(
    rf"(?:^|(?<=[，,；;：:]))((?:[{_CJK}]{{2,10}}、)+[{_CJK}]{{2,10}})等(?:\d+|[一二三四五六七八九十]+)个[{_CJK}]{{0,6}}"
    r"(?:项目|活动|行动|工程)")
_PROJECT_LIST = re.compile(
    rf"(?:^|(?<=[，,；;：:]))((?:[{_CJK}\dA-Za-z.×]{{2,20}}、)*[{_CJK}\dA-Za-z.×]{{2,20}})等(?:\d+|[一二三四五六七八九十]+|一批)?个?"
    rf"[{_CJK}]{{0,6}}(?:项目|工程)")
_PROJECT_ITEM = re.compile(rf"(?:{SITE_WORKS}|技改|迁建|迁址新建|复产|南迁|北迁|开发利用|产业化|生产线|[{_NUMERALS}\d]期)$"
                           r"|\d+(?:\.\d+)?万?(?:吨|千瓦|辆|头|只|亩|平方米)")
_AMOUNT_FIRST = re.compile(r"(?:投资)?[\d.]+[万亿]?(?:平方米|平米|亩|条|个|处|座|公里|千米|米|户|套|栋|间|元的)")
_GROUP_NAME = re.compile(rf"[{_CJK}]{{1,3}}[一二三四五六七八九十]{{1,2}}组")   # 张桥二组: a village group
_VILLAGE_GROUP = re.compile(rf"(?:^|(?<=[在对和与、，,焦]))({_GROUP_NAME.pattern})(?=[等、和，,的])")
_ORGAN_WORD = re.compile(r"委|政府|人大|政协")  # quick filters: a rule runs only where its words are
_BYLINE_SPACE = re.compile(r"[ \u3000\u00a0]")
_CLASS_WORD = re.compile("|".join(_CLASS_TYPES))
_PERIOD = re.compile(r"(?:十[一二三四五六七八九]?|[六七八九])五")  # 十五, 十四五, 九五 (not 一三五, a slogan)
_DIGIT = re.compile(r"\d")
_ORDINAL_ONLY = re.compile(rf"第[{_NUMERALS}]+")
_COUNT_ONLY = re.compile(rf"[\d{_NUMERALS}第个大条座所家处片批项]+")
_AGE = re.compile(r"(?:\d+[—–~～至-])?\d+(?:岁|周岁)(?:以[上下])?$|\d型$")  # N—M岁 (an age range) or N型 opens a group
_PHASE = re.compile(rf"(.+?(?:项目|工程))[{_NUMERALS}]期(?:工程|项目)?$")
_PHASE_ONLY = re.compile(rf"[{_NUMERALS}]期")
_ZONE_INSIDE = re.compile(r"园区|组团|新区|开发区|产业园")
_PHASE_LEAD = re.compile(rf"[{_NUMERALS}\d]期")
_PAREN_LEAD = re.compile(r"^[(（][^()（）]{1,8}[)）]")
_CENTRAL = re.compile(r"党中央|国务院|全国人大|全国政协|中共中央|中央军委|海关总署|中国人民银行|国家(?:发展改革委|发改委|"
                      r"卫生健康委|卫健委|民委|统计局|能源局|林草局|林业和草原局|医保局|体育总局|文物局|知识产权局|"
                      r"市场监管总局|税务总局|移民管理局|数据局|铁路局|邮政局|中医药管理局|外汇管理局)"
                      r"|(?:(?<![\u4e00-\u9fff])|(?<=[被由经向对在和与及同是受据])|(?<=国家))"
                      r"(?:工商联|(?:教育|财政|公安|民政|司法|商务|外交|国防|科学技术|科技|工业和信息化|"
                      r"人力资源和社会保障|自然资源|生态环境|住房和城乡建设|交通运输|水利|农业农村|文化和旅游|"
                      r"应急管理)部(?![门分]))")  # the central bodies and ministries, by name
# 人大, 政协 (of the report's own level, or 市人大, 区政协) standing alone in a clause, not 人大代表 or 政协委员
_ASSEMBLY = re.compile(r"(?:(?<![\u4e00-\u9fff])|(?<=[被由经向对在和与及同受、]))"
                       r"((?:[省市区县旗])?(?:人大常委会|人大|政协))(?=[、和及与，,；;。的]|$)")
_ALNUM_QUOTE = re.compile(r"[0-9０-９+＋XxＸ]")


# --------------------------------------------------------------------------- vocabulary


@dataclass(frozen=True)
class _Vocab:
    heads: dict[str, tuple[str, str, int]]          # head → (type, mode, min chars before)
    head_ends: frozenset[str]                         # last characters of heads (a quick filter)
    head_lengths: tuple[int, ...]
    quote_types: dict[str, tuple[str, str]]          # type word after a quote → (type, naming)
    quote_type_lengths: tuple[int, ...]
    stop: frozenset[str]
    soft: frozenset[str]
    hard: frozenset[str]
    name_verbs: frozenset[str]
    not_heads: frozenset[str]
    generic: frozenset[str]
    rhetoric: frozenset[str]
    cues: frozenset[str]
    surnames: frozenset[str]
    titles: tuple[str, ...]
    award_cue: re.Pattern
    award_done: frozenset[str]
    honor: tuple[str, ...]
    award_generic: frozenset[str]
    award_trim: tuple[str, ...]
    title_after: re.Pattern
    title_before: re.Pattern
    title_then_name: re.Pattern
    body_then_name: re.Pattern
    group_heads: frozenset[str] = frozenset()         # TargetGroup heads
    group_head_lengths: tuple[int, ...] = ()          # their lengths, longest first


@cache
def _vocab() -> _Vocab:
    heads = {h: (t, mode, int(n)) for h, t, mode, n in read_table("heads.tsv")}
    quote_types = {w: (t, naming) for w, t, naming in read_table("quote_types.tsv")}
    awards: dict[str, list[str]] = {}
    for kind, word in read_table("award_words.tsv"):
        awards.setdefault(kind, []).append(word)
    cues = sorted(awards["cue_done"] + awards["cue_try"], key=len, reverse=True)
    titles = tuple(sorted(read_lines("person_titles.txt"), key=len, reverse=True))
    surnames = frozenset("".join(read_lines("surnames.txt")))
    sur = "".join(sorted(surnames))
    title_alt = "|".join(titles)
    groups = [h for h, (t, _m, _n) in heads.items() if t == "TargetGroup"]
    return _Vocab(
        heads=heads, head_ends=frozenset(h[-1] for h in heads), head_lengths=tuple(sorted({len(h) for h in heads}, reverse=True)),
        quote_types=quote_types, quote_type_lengths=tuple(sorted({len(w) for w in quote_types}, reverse=True)),
        stop=frozenset(read_lines("stop_words.txt")) | frozenset(read_lines("stop_verbs.txt")),
        soft=frozenset(read_lines("soft_verbs.txt")),
        hard=frozenset(read_lines("stop_verbs.txt")),
        name_verbs=frozenset(read_lines("name_verbs.txt")),
        not_heads=frozenset(read_lines("not_heads.txt")),
        generic=frozenset(read_lines("generic_modifiers.txt")),
        rhetoric=frozenset(read_lines("rhetoric.txt")),
        cues=frozenset(read_lines("cue_verbs.txt")),
        surnames=surnames, titles=titles,
        award_cue=re.compile("|".join(map(re.escape, cues))),
        award_done=frozenset(awards["cue_done"]),
        honor=tuple(awards["honor"]),
        award_generic=frozenset(awards["generic"]),
        award_trim=tuple(sorted(awards["trim"], key=len, reverse=True)),
        title_after=re.compile(rf"(?<![{_CJK}])([{sur}][{_CJK}]{{1,2}}?)(?:{title_alt})"),
        title_before=re.compile(rf"(?:{title_alt})[ \u3000\u00a0]*([{sur}][{_CJK}]{{1,2}})[ \u3000\u00a0]*$"),
        title_then_name=re.compile(rf"(?:{title_alt})([{sur}][{_CJK}]{{1,2}}?)(?=[、，,。；;]|等|同志|出席|带队|参加|主持|一行|讲话|致辞|在|上台|发言|回顾|介绍|宣布|汇报|代表|作(?!为|用|出))"),
        body_then_name=re.compile(rf"(?:党校|学校|大学|学院|医院|中心|公司|集团|协会|受|邀请|陪同|[省市区县旗州盟]委)([{sur}][{_CJK}]{{1,2}}?)副?"
                                  rf"(?:{title_alt}|院长|校长|教授)"),
        group_heads=frozenset(groups),
        group_head_lengths=tuple(sorted({len(h) for h in groups}, reverse=True)),
    )


# --------------------------------------------------------------------------- candidates


@dataclass
class Candidate:
    """A possible entity found in one sentence (span in the sentence's text)."""
    name: str
    type: str
    sentence: int
    start: int
    end: int
    aliases: tuple[str, ...] = ()
    confidence: float = 0.7
    priority: int = 1
    nested: bool = False
    rule: str = ""


@dataclass
class _View:
    """A sentence with its tokens, the document context and the spans stronger rules own."""
    sentence: Sentence
    text: str
    toks: list[Token]
    level: str
    protected: list[tuple[int, int]] = field(default_factory=list)
    home: Home | None = None

    def token_at(self, offset: int) -> int:
        for i, t in enumerate(self.toks):
            if t.start <= offset < t.end:
                return i
        return len(self.toks)

    def is_protected(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self.protected)

    @cached_property
    def starts(self) -> frozenset[int]:
        """Offsets where a word begins (a match that starts elsewhere cuts a word)."""
        return frozenset(t.start for t in self.toks)

    @cached_property
    def ends(self) -> frozenset[int]:
        return frozenset(t.end for t in self.toks)

    @cached_property
    def class_lists(self) -> list[re.Match]:
        """The lists closed by a class noun (甲、乙等N个小区): read by the list rule and the listed-works rule."""
        return list(_CLASS_LIST.finditer(self.text)) if _CLASS_WORD.search(self.text) else []


def _is_boundary(tok: Token, voc: _Vocab, before: Token | None = None) -> bool:
    """A word a name cannot run across leftwards (``before`` is the word left of it, if any).

    Soft verbs (提升, 建设 …) stop a name only when nothing name-like stands before them. The
    decision depends on the two words and their tags only, so it is cached per word pair.
    """
    if before is None:
        return _boundary(tok.text, tok.tag, None, None)
    return _boundary(tok.text, tok.tag, before.text, before.tag)


_NUMERAL_WORD = re.compile(rf"[{_NUMERALS}零〇]+.?")
_AMOUNT = re.compile(r"[万亿]?元")   # 550万元: a sum, already with its unit; the next word is no measure word


@lru_cache(maxsize=1 << 16)
def _boundary(t: str, tag: str, bt: str | None, btag: str | None) -> bool:
    voc = _vocab()
    if t[0] in PUNCT and t not in ("-", "－"):
        return True
    if t in ("-", "－"):
        return bt is None or bt[-1] not in "路街道"
    if t == "暨":
        return False  # 经贸洽谈暨商品展销会: one event
    if t in voc.stop or t == "好" or (len(t) >= 3 and (((t[:2] in voc.stop or t[:3] in voc.stop) and tag != "l") or (
            t[-2:] in voc.hard and not tag.startswith("n")))):
        return True
    if _ordinal_or_numeral(t):
        return False
    if len(t) >= 3 and t[0] == t[1] and tag in ("l", "i", "d", "ad", "v"):
        return True  # 紧紧抓住, 牢牢把握: an adverb doubled opens an act
    if tag in _FUNCTION_TAGS or (tag == "f" and t in _SIDE_WORDS and not (len(t) == 1 and bt is not None and bt[0] in "，,；;")):
        return True  # (下|渠|司法所 after a comma: the side opens a name, no clause stands before it)
    if t in voc.soft:
        return bt is None or _boundary(bt, btag, None, None) or (
            btag in ("v", "a", "ad") and bt not in voc.name_verbs and bt not in voc.soft)
    if tag == "v" and len(t) >= 2 and t not in voc.name_verbs and tokenizer().FREQ.get(t, 0) >= 1000:
        return True
    if tag == "m" and len(t) == 2 and t[0] == "首":
        return True  # 首条, 首家: the first of a kind, not part of its name
    if bt is not None and ((btag == "m" and not _AMOUNT.fullmatch(bt)) or bt[-1].isdigit()
                           or (bt[-1].isascii() and bt[-1].isalnum())) \
            and (tag == "q" or len(t) == 1) and not _ordinal_or_numeral(bt):
        return True  # the measure word after a number (4个, 9条), not a name after an amount (550万元某某馆)
    if any(ch.isdigit() for ch in t):
        return True
    return tag == "m" and _NUMERAL_WORD.fullmatch(t) is not None


def _number_group(toks: Sequence[Token], i: int) -> int | None:
    """Start of a number with its unit ending at token i (700万吨, 2×35万千瓦), or None."""
    if i < 0:
        return None
    g = i
    if _DIGIT.search(toks[g].text) is None:
        if g == 0 or (toks[g].tag not in ("m", "q") and toks[g].text not in unit_words()) \
                or not toks[g - 1].text[-1].isdigit():
            return None  # 700|万吨, 4|车道: a unit jieba tags a noun still closes the number
        g -= 1
    while g > 0 and (toks[g - 1].text[-1].isdigit() or toks[g - 1].text in (".", "×", "x", "X")):
        g -= 1
    return g


_ORDINAL = re.compile(rf"第?[{_NUMERALS}零〇]+[组村号期批次届路街巷项条大类]?")


@lru_cache(maxsize=1 << 14)
def _ordinal_or_numeral(word: str) -> bool:
    return _ORDINAL.fullmatch(word) is not None


# a firm's long name in a list ends as firms' names do (某某控股, 某某集团), an activity (某某总装测试) does not
_FIRM_WORD_END = re.compile(r"(?:集团|控股|股份|实业|科技|公司|银行|药业|能源|电力|电气|钢铁|化工|地产|置业|物流|传媒)$")
_FIRM_AFTER = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:股份有限公司|有限责任公司|有限公司|集团)")
_FIRM_KINDS = re.compile(r"(?:境内外|境内|境外|海外)?(?:上市|国有|民营|外资|私营|合资|独资|控股|国有控股|子|母|分|空壳|平台|"
                         r"融资担保|担保|保险|证券|基金|信托|投资|科技|有限|股份有限|有限责任)")
_COUNT_NUMBER = r"(?:\d+|[一二三四五六七八九十两]{1,3})"   # how many: 3, 三, 十二
_COUNT_AFTER = re.compile(rf"{_COUNT_NUMBER}(?:个|家|所|座|处)")
_GRADED_TITLE = re.compile(r"(?:国家|省|自治区|市|全国)级?")
_COUNTED_TO_THE_END = re.compile(rf"{_COUNT_NUMBER}[个座处](?=[，,。；;、]|$)")   # … and nothing after the count
_SEAT = re.compile(r"(?:（[\u4e00-\u9fff]{2,4}）|\([\u4e00-\u9fff]{2,4}\))$")


def _seat_in_brackets(view: _View, start: int) -> int:
    """某某基业（上海）智能科技有限公司: a firm's seat in brackets stands inside its name."""
    seat = _SEAT.search(view.text, 0, start)
    return _words_before(view, seat.start(), start) if seat else start


def _words_before(view: _View, at: int, start: int) -> int:
    """Where a name that runs on before ``at`` opens: at the first of the words before it that are no verb,
    preposition or conjunction (at most 10 characters); ``start`` if there are fewer than two."""
    opening = at
    for t in reversed([t for t in view.toks if t.end <= at]):
        if t.end != opening or t.text[0] in PUNCT or t.tag.startswith(("p", "c", "u", "v", "d", "r")) \
                or at - t.start > 10:
            break
        opening = t.start
    return opening if at - opening >= 2 else start


def _specific(modifier: str, mod_tokens: Sequence[Token], voc: _Vocab, typ: str = "") -> bool:
    """Whether the words before a head make a name (辰凯, 第五睦邻) rather than a class (服务, 社区)."""
    if mod_tokens and _HOTLINE.fullmatch(mod_tokens[0].text):  # 12345某某中心: judged by the words after it
        return len(mod_tokens) == 1 or _specific(modifier[len(mod_tokens[0].text):], mod_tokens[1:], voc, typ)
    if _DIGIT.search(modifier or "") and typ == "Facility":
        lead = _DIGIT.split(modifier, 1)[0]  # 某基地220千伏变电站, 某某4S店: the words before the size name it
        if len(lead) < 2:
            return False  # 4S店, 3座变电站: a kind, counted
        modifier, mod_tokens = lead, [t for t in mod_tokens if t.end <= mod_tokens[0].start + len(lead)] if mod_tokens else []
    if _ORDINAL_ONLY.fullmatch(modifier or "") and typ in ("Facility", "Organization"):
        return True  # 第三小学, 第九邻里中心
    if not modifier or _COUNT_ONLY.fullmatch(modifier):
        return False
    if modifier in voc.generic:
        return False
    if not mod_tokens or not all(t.text in voc.generic or t.text[0] in PUNCT for t in mod_tokens):
        return True
    return len(mod_tokens) > (2 if typ in ("Facility", "Place", "ResidentialArea", "TargetGroup") else 1)


def _head_at(view: _View, i: int, voc: _Vocab) -> tuple[str, int] | None:
    """The longest head word ending with token i, and the index of the token where it starts."""
    toks = view.toks
    found = _head_of(toks[i - 2].text if i >= 2 else "", toks[i - 1].text if i >= 1 else "",
                     toks[i].text, toks[i].tag)
    return None if found is None else (found[0], i - found[1])


@lru_cache(maxsize=1 << 16)
def _head_of(w2: str, w1: str, tok: str, tag: str) -> tuple[str, int] | None:
    """The longest head ending with the word ``tok`` (after ``w2 w1``), and how many words back it starts."""
    voc = _vocab()
    best: tuple[str, int] | None = None
    if (tok in voc.not_heads or w1 + tok in voc.not_heads or w2 + w1 + tok in voc.not_heads
            or len(tok) == 1 and w1[-1:] + tok in voc.not_heads) \
            and not (w1 + tok in voc.heads or w2 + w1 + tok in voc.heads):
        return None  # 铁路 is no 路 road, but 城际铁路 a railway; 破|局 is no office, 工作|计划 no programme
    if _ordinal_or_numeral(tok) and tok[-1] in voc.heads and len(tok) >= 2:
        return tok[-1], 0  # 建设二路
    word = ""
    for back, w in enumerate((tok, w1, w2)):  # heads spanning whole words
        if not w:
            break
        word = w + word
        if word in voc.heads and (best is None or len(word) > len(best[0])):
            best = (word, back)
    joined = w1 + tok
    for n in voc.head_lengths:  # a head across a word edge (体育运动|会 → 运动会)
        if len(tok) < n <= len(joined) and joined[-n:] in voc.heads and voc.heads[joined[-n:]][1] == "suffix" \
                and joined[-n:] not in voc.not_heads and voc.heads[joined[-n:]][0] != "Concept":
            if best is None or n > len(best[0]):
                best = (joined[-n:], 1)
            break
    if not tag.startswith(_NOUN_TAGS):
        return best
    if any(tok[-n:] in voc.not_heads for n in range(2, len(tok))):
        return best
    for n in voc.head_lengths:  # a suffix head inside the last token (服务站 → 站)
        if n < len(tok) and tok[-n:] in voc.heads and voc.heads[tok[-n:]][1] == "suffix":
            if best is None or n > len(best[0]):
                best = (tok[-n:], 0)
            break
    return best


_GOVERNING = frozenset("建设 提升 打造 推进 推动 支持 保障 服务 建强 加快 实施 深化 完善 优化 加强 创建 做强 做优 "
                       "筹办 筹备 举办 承办 办好 "
                       "培育 谋划 启动 开展 围绕 聚焦 依托 用好 建好 抓好 做好 助力".split())
_LEADING = frozenset("引领 带动 赋能".split())
_VISITING = frozenset("参观 走访 慰问 看望 考察 处理 妥善处理 升级 改造 升级改造".split())  # acts on a site, at a clause's start
_INTO = frozenset("地块 迈入 迈进 步入 进入 跻身 赴 前往 落地 落户 入驻".split())
_NUMBERED_GAMES = re.compile(rf"[{_NUMERALS}]{{1,3}}")
_HOSTING = frozenset("举办 承办 筹办 主办 办好".split())
_CONVENING = _HOSTING | {"召开", "举行"}
_COUNTERS = frozenset("个 项 条 批 家 所 处 座 次 件 类 种 大 号 期 届 年".split())
_SERVING = frozenset("帮扶 关爱 引进 吸引 帮助 资助 慰问 救助 扶持 招引 留住 鼓励 引导 组织 动员 惠及".split())
_KIND_SITES = ("学校", "中心", "基地", "医院", "场馆", "用房")
_PARK_HEADS = frozenset({"公园", "产业园", "园区", "商圈", "片区"})
_SYSTEM_HEADS = frozenset({"体系", "平台", "系统", "模式"})
_KIND_HEADS = frozenset({"项目", "活动", "补贴", "运动"})
_RATE_OF_GROUP = re.compile(r"(?:、[\u4e00-\u9fff\d]{1,8})*(?:死亡率|患病率|发病率|入学率|参保率|覆盖率|就业率|检出率|"
                            r"人均可支配收入|人均纯收入|人均收入)")
_STRICTEST = re.compile(r"(?:最严格的?|全域)$")
_TIERS = re.compile(r"(?:[省市县区旗乡镇]{2,3})?[两二三四五六七]级$")
_HOTLINE = re.compile(r"12\d{3}|96\d{3}")  # the public service numbers (12345, 12315, 96xxx)
_YEARS_SPAN = re.compile(r"[一二三两四五六七八九十]年")
_COUNTED = re.compile(r"(?:两个|两|[\d一二三四五六七八九十]+[个处家座条所])$")
_ORG_GENERIC = frozenset({"专业", "物业", "社会", "企业", "行业", "相关", "有关", "各类", "基层", "群众", "工作"})
_ADMIN_HEADS = ("政府", "人民政府", "办事处")
_JOINABLE_ORG = ("部", "局", "厅", "委", "委员会")
_SCHOOLS = ("研究所", "研究院", "学院", "大学", "实验室")   # named by two fields joined by 与 (某某科学与技术学院)
_ROAD_ORDER = frozenset("东西南北中一二三四五六七八九十新环大小支干外内上下前后")   # 解放东路, 滨江一路: a road's part
_NTH_ONE = re.compile(r"第(?:\d+|[一二三四五六七八九十]+)[个家座所条处]")
_HONOURS_COUNTED = re.compile(r"等(?:国家级?|省级?|市级?|区级?|县级?|各级|各类|[、和及])*(?:荣誉|称号|奖项|殊荣|表彰)"
                              r"(?:\d+|[一二三四五六七八九十百]+)?[项个次]?$")
_TRIAL_HOSTS = ("公司", "集团", "企业", "社区", "村", "镇", "乡", "街道", "学校", "医院")
_GRADE_ONLY = re.compile(r"(?:[一二三四五]级|[一二三][甲乙丙]|[一二三]级[甲乙丙]等|[一二三四五]星级?|\d?A级)")
_WHOLE_UNIT = re.compile(r"全(?:省|市|区|县|旗|州|盟|镇|乡)")   # a whole division (全国 names national sites)
_OWN_SCOPES = frozenset({"全省", "全市", "全区", "全县"})   # the report's own scope (全省某某试点: where, not which)
_EDITION = re.compile(rf"第[\d{_NUMERALS}]+届")
_SCOPES_OF_EVENTS = _OWN_SCOPES | {"全国", "全盟", "全州"}
_DASHES = frozenset({"-", "－", "—", "–"})
_OWN_ORGAN = re.compile(r"[省市区县](?:政府|委|人大|政协)")


def _group_names_event(toks: Sequence[Token], i: int, voc: _Vocab) -> bool:
    """The group word at i opens an event's or a site's name: the next one to three words end in its head."""
    words = ""
    for tok in toks[i + 1:i + 4]:
        if _is_boundary(tok, voc) or tok.text[0] in PUNCT:
            break
        words += tok.text
        if _head_type(words, voc) in ("Program", "Facility", "Organization"):
            return True
    return False


def _bracketed_place(toks: Sequence[Token], close: int) -> int | None:
    """Index of the word before （place） when ``close`` is the closing bracket of a place's name (某国（某省）),
    else None."""
    for p in range(close - 1, max(close - 4, 0), -1):
        if toks[p].text in ("（", "("):
            inner = toks[p + 1:close]
            if inner and all(t.tag.startswith(("ns", "nr")) or _known_place(t.text) for t in inner) \
                    and p >= 1 and toks[p - 1].tag.startswith("ns"):
                return p - 1
            return None
    return None


_DEVELOPING = re.compile(r"(?:经济|产业)?(?:高质量)?(?:协同|一体化|适度多元)(?:高质量)?发展")


def _places_developing(kept: list[Candidate], view: _View) -> list[Candidate]:
    """某地协同发展, 某地高质量一体化发展: the way a region is to develop, named after it, is an idea (the
    region stays a place of its own)."""
    out = []
    for c in kept:
        m = _DEVELOPING.match(view.text, c.end) if c.type == "Place" and view.text[c.start] not in "“《" else None
        if m and m.end() in view.ends | {len(view.text)} and not any(
                k is not c and k.start < m.end() and c.end < k.end for k in kept):
            out.append(Candidate(view.text[c.start:m.end()], "Concept", view.sentence.index, c.start, m.end(),
                                 confidence=0.55, priority=1, rule="place-developing"))
    return out


_KINDS_OF_VILLAGE = frozenset({"项目", "示范", "试点", "重点", "贫困", "行政", "自然", "中心", "美丽", "文明", "先进",
                               "专业", "明星", "特色", "传统", "空心", "城中", "易地"})
_PLANT_PART = re.compile(rf"(?:第?[{_NUMERALS}\d]期|产线|生产线|核心装置)$")
_POLICY_KINDS = ("优惠", "支持", "扶持", "惠农", "利民", "惠企", "金融", "财政", "改革", "管理", "产业", "保障")
_SITE_COUNTERS = "个座所家处"
_COUNTERS_OF_ONE = frozenset(_SITE_COUNTERS + "条批项")   # 改建57座某某站: how many, not a capacity in the name
_STANDING_UNITS = "国省市区县旗州镇乡"
_STANDINGS = "兴强治立富稳美活旺大重"    # 某某强县, 某某美镇; 某某大镇 and 某某重镇 describe, the rest are slogans
_COUNTED_KINDS = re.compile(r"(?<![一二三四五六七八九十第\d])[两二三四五六七八九十]大(?=[\u4e00-\u9fff]{2})")  # not 十九大
_COUNTED_SITES = re.compile(rf"(?:\d+|[一两二三四五六七八九十百千]+)[{_SITE_COUNTERS}]$")
_COUNT_OF_ONE = re.compile(rf"[一两二三四五六七八九十\d]+[{''.join(sorted(_COUNTERS_OF_ONE))}]")


def _suffix_names(view: _View, voc: _Vocab) -> list[Candidate]:
    """Unquoted names ending in a head word, grown leftwards to the nearest boundary word."""
    out = []
    toks = view.toks
    text = view.text
    head_ends = voc.head_ends
    for i, tok in enumerate(toks):
        if tok.text[-1] not in head_ends or tok.text[0] in PUNCT or (
                view.protected and view.is_protected(tok.start, tok.end)):
            continue
        found = _head_at(view, i, voc)
        if not found:
            continue
        head, k = found
        typ, mode, min_chars = voc.heads[head]
        if tok.text == "所" and i + 2 < len(toks) and toks[i + 1].tag.startswith("v") and toks[i + 2].text == "的":
            continue  # 某某发展所取得的成绩: 所 before a verb and 的 is a particle, no institute
        if head == "路" and len(tok.text) == 2 and tok.text not in voc.heads and tok.tag != "ns" \
                and tok.text[0] not in _ROAD_ORDER and tokenizer().FREQ.get(tok.text, 0) >= 50 \
                and (i == 0 or toks[i - 1].tag.startswith("v") and len(toks[i - 1].text) >= 2
                     or toks[i - 1].text[0] in PUNCT):
            continue  # 殷殷嘱托指路领航, 理清思路: a word ending in 路 (指路, 思路, 出路), no road
        nxt = toks[i + 1].text if i + 1 < len(toks) else ""
        if nxt[:1] in ("牌",) or (typ in ("Place", "ResidentialArea") and nxt[:1] in ("长", "制")) or (
                len(head) == 1 and nxt[:1] == "前" and not nxt.startswith("前期")) or (head in ("省", "市", "县") and nxt[:1] in ("域", "级", "属")) or (
                head in ("乡", "村", "镇") and nxt[:1] in ("风", "情", "愁", "貌")) or (len(head) == 1 and nxt.startswith("之")) \
                or (head == "中心" and (nxt in ("地带", "位置", "地段") or nxt[:1] == "村")) or (head in ("路", "街", "巷") and nxt.startswith("街道")) \
                or (typ == "Facility" and len(head) == 1 and nxt in ("村", "镇", "乡")):
            continue  # 街长, 河长制, 某市省域副中心, 镇容镇貌, 一河之隔, 县城中心地带, 某某路街道, 张家店村: an office, a rule, a
            # scope, a saying, a subdistrict named after its road, a village named after an inn
        if head == "站" and nxt == "在":
            continue  # 某地站在新的起点上: a place that stands, no station
        if len(head) == 1 and head in _STANDING_UNITS and k >= 2 and toks[k - 1].text in _STANDINGS \
                and len(toks[k - 2].text) == 2 and toks[k - 2].tag in ("n", "vn"):
            continue  # 林业大镇, 商贸重镇, 生态美镇: the standing a place aims at (a slogan), no place named
        if typ == "Concept" and k >= 1 and toks[k - 1].text == "工作" and (k < 2 or toks[k - 2].text[0] in PUNCT):
            continue  # “某某、某某”工作总基调: the quoted words are the idea, 工作总基调 alone names none
        if typ == "Concept" and nxt.startswith("示范"):
            continue  # 全国某某强市示范城市: the aim names a model's title, no idea of its own
        if head == "计划" and i + 1 < len(toks) and toks[i + 1].tag == "v" and len(nxt) >= 2 and k > 0 \
                and (toks[k - 1].text in _DIVISION_CHARS or toks[k - 1].tag == "ns"):
            continue  # 某乡计划进行…: what a place plans to do, no plan named
        if nxt == "行列" or nxt == "化" and len(head) >= 2:
            continue  # 迈入自治区级工业园区行列: the ranks of a kind, no one named; 某某项目化运作: a way of running
        if head == "所" and i + 1 < len(toks) and len(nxt) == 1 and toks[i + 1].tag.startswith("v"):
            continue  # 生活所需, 所急所盼: 所 before a verb is a function word, no office
        if head == "组织" and k >= 1 and _head_type(toks[k - 1].text, voc) == "Organization":
            continue  # 某局组织实施: the body organises, it is no 组织 of its own
        if typ == "TargetGroup" and text.startswith("代表", tok.end):
            continue  # 居民代表会议, 某某居民代表: the people's delegates, not the group served
        if typ == "TargetGroup" and _RATE_OF_GROUP.match(text, tok.end):
            continue  # 孕产妇、婴儿、5岁以下儿童死亡率: a rate measured over a group, no group served
        if typ == "TargetGroup" and min_chars == 0 and _group_names_event(toks, i, voc):
            continue  # 某某妇女峰会, 青少年某某锦标赛: the group names whom an event is for, inside its name
        j, bridges = k, 0
        limit = 12 if typ == "TargetGroup" else 20
        while j > 0:
            prev = toks[j - 1]
            before = toks[j - 2] if j >= 2 else None
            if prev.text in ("内", "域内", "境内") and typ in ("Facility", "Place"):
                break  # 镇域内水库: where the sites stand, no part of a name
            if j < k and typ in ("Facility", "Place") and re.fullmatch(r"[一二三四五六七八九十]期", prev.text) \
                    and before is not None and before.tag.startswith("n"):
                break  # 完成工程一期某某港至…: the phase ends the works named before it
            if prev.text in ("与", "和") and before is not None and typ in ("Organization", "Facility") \
                    and re.search(r"(?:办|局|委|街道|社区|政府)$", before.text):
                break  # 街道办与某某大学: two bodies, not one name
            if (prev.text == "和" and head in _JOINABLE_ORG or prev.text == "与" and head in _SCHOOLS) and j - k <= 2 \
                    and before is not None and len(before.text) >= 2 and not _is_boundary(before, voc):
                j -= 1  # 人力资源和社会保障局, 文化和旅游局, 材料科学与技术研究所
                continue
            if prev.text == "与" and typ == "PolicyDocument" and head in ("规划", "纲要") and j < k and before is not None \
                    and before.tag.startswith(("n", "v")) and len(before.text) >= 2 and before.text not in voc.stop \
                    and before.text not in voc.generic and _head_type(before.text, voc) is None:
                j -= 1  # 某某保护与某某转型规划: one plan of two aims
                continue
            if prev.text in ("和", "与") and typ == "Program" and head in ("工程", "项目") and j == k - 1 \
                    and before is not None and before.tag == "v" and toks[j].tag == "v" \
                    and len(before.text) == 2 and len(toks[j].text) == 2:
                j -= 1  # 某某一体化保护和修复工程: one works of two acts (a long name: a river's, say)
                limit = 26
                continue
            if j == k and mode == "token" and head in ("镇", "乡", "路", "街") and prev.text not in voc.stop \
                    and prev.tag.startswith(("v", "a", "nr", "ns", "n", "x")) and len(prev.text) >= 2:
                j -= 1  # the stem of 奋斗镇, 胜利路 may be any word
                continue
            if typ == "Program" and _YEARS_SPAN.fullmatch(prev.text) and j >= 2 \
                    and not _is_boundary(toks[j - 2], voc, toks[j - 3] if j >= 3 else None):
                j -= 1  # 某某提升三年行动: the span of years is part of the campaign's name
                continue
            if typ == "Organization" and head.endswith("政府") and TERM_OF_OFFICE.fullmatch(prev.text):
                break  # 某镇第十三届人民政府: the government of a term, the town's own (the issuer names it)
            if _HOTLINE.fullmatch(prev.text) and typ in ("Facility", "Organization", "Mechanism", "Program"):
                j -= 1  # 12345某某服务中心: a public service number opens its desk's or centre's name
                break
            group = _number_group(toks, j - 1)
            if group is not None:  # 某某500万吨选矿项目: a capacity inside a project's name
                g = group
                if typ in ("Program", "PolicyDocument", "Facility") and g > 0 and toks[j - 1].text != "车道" \
                        and (toks[j - 1].text not in _COUNTERS_OF_ONE or typ == "PolicyDocument") \
                        and not _is_boundary(toks[g - 1], voc, toks[g - 2] if g >= 2 else None) \
                        and toks[g - 1].tag.startswith(("n", "j", "x", "v")) and not toks[g - 1].text[0].isdigit() \
                        and tok.end - toks[g - 1].start <= limit:
                    j = g
                    continue
                unit = toks[j - 1].text
                if typ == "Program" and head in ("行动", "计划") and j < k and not unit[-1].isdigit() \
                        and unit not in _COUNTERS and (g == 0 or toks[g - 1].text in _GOVERNING
                                                       or toks[g - 1].text[0] in PUNCT):
                    j = g  # 实施5微克减排行动: a target figure opens the campaign's name
                break
            if prev.tag == "v" and _OWN_ORGAN.match(toks[j].text):
                break  # 废止省政府规章, 运行省政府某某室: the verb's object is the province's government
            if prev.text in ("）", ")") and typ in ("Place", "Facility", "Organization", "Program"):
                opened = _bracketed_place(toks, j - 1)
                if opened is not None:
                    j = opened  # 中国（某省）某某基地: the place in brackets is part of the name
                    continue
            if (prev.text in _DASHES or prev.text == "·") and before is not None and before.tag.startswith("ns") and j >= 2 \
                    and typ in ("Place", "Facility", "Program", "Organization"):
                j -= 1  # 某京-某安科创走廊, 某津某海-某关村科技园: a site two places share; 中国·某地某某会
                continue
            if typ == "Program" and head.endswith(("会", "赛", "论坛")) and prev.text in _SCOPES_OF_EVENTS:
                j -= 1  # 全市某某工作大会, 第N届全国某某运动会: an event's scope is part of its name, and its edition
                if j > 0 and _EDITION.fullmatch(toks[j - 1].text):
                    j -= 1
                break
            if typ == "Program" and head.endswith("会") and prev.tag == "v" and prev.text not in _HOSTING \
                    and before is not None and (before.text in _SCOPES_OF_EVENTS or before.text == "自治区") \
                    and tok.end - before.start <= limit:
                j -= 2  # 自治区推动某某现场会: a meeting is named by who holds it and what it drives
                break
            if prev.text == "至" and typ in ("Program", "Place", "Facility") and before is not None \
                    and (before.tag.startswith(("n", "s")) or before.text[-1] in "站桥口") \
                    and ("段" in text[toks[j].start:tok.end - len(head)] or _ROUTE_HEADS.search(text, 0, tok.end)) \
                    and not _is_boundary(before, voc, toks[j - 3] if j >= 3 else None):
                j -= 1  # 某桥至某桥段工程, 某某线某站至某地段提升工程: a stretch runs from one end to the other
                limit = 30
                continue
            if prev.text == "暨" and typ == "Program" and before is not None and before.tag.startswith("n"):
                j -= 1  # 某某纪念日暨某某战争胜利80周年纪念活动: one event under two names
                limit = 32
                continue
            if prev.text in ("、", "和") and typ == "Program" and before is not None and j >= 2 \
                    and toks[j].tag.startswith("ns") and re.search(r"(?:河|山|湖|江|流域|地区)$", before.text):
                j -= 1  # 清水河、白沙河堤防工程: one project on two rivers
                continue
            if typ == "Program" and prev.text in voc.soft and before is not None and before.text[-2:] in _GOVERNING \
                    and head.endswith(("行动", "整治", "治理")) and tok.end - prev.start <= limit:
                j -= 1  # 开展规范某某执法专项行动: the campaign is named by what it does
                break
            if _is_boundary(prev, voc, before) or view.is_protected(prev.start, prev.end):
                bridged = _verb_bridge(toks, j, voc) if typ in ("Program", "Mechanism", "Organization") and not bridges \
                    and head not in _ADMIN_HEADS else None
                if bridged is not None and tok.end - toks[bridged].start <= limit:
                    j, bridges = bridged, 1  # 实施某某开放某某行动: the name runs across its own verb
                    break
                cur = toks[j].text
                if cur in ("镇", "乡", "村", "路", "街") and prev.text not in voc.stop and len(prev.text) >= 2 \
                        and prev.text[0] not in PUNCT and prev.tag not in _FUNCTION_TAGS:
                    j -= 1  # 团结镇新镇区: a town's name inside a longer place name
                    continue
                break
            if tok.end - prev.start > limit:
                break
            j -= 1
        if typ in ("Program", "Facility") and j < k and toks[j].text == "地块":
            while j > 0 and toks[j - 1].tag.startswith("n") and toks[j - 1].text not in voc.stop \
                    and tok.end - toks[j - 1].start <= limit:
                j -= 1  # 某某研究所地块安置房项目: a plot is named after what stood on it
        if typ == "Program" and head.endswith("会"):
            scope = next((s for s in range(k - 1, max(0, k - 6), -1) if toks[s].text in _SCOPES_OF_EVENTS
                          and toks[s - 1].text in _CONVENING), None)
            if scope is not None and scope < j and not any(t.text[0] in PUNCT for t in toks[scope:k]):
                j = scope  # 召开全省某某发展大会: what a meeting convened for the province is about, whatever the words
        if typ == "Program" and j >= 2 and j < k and toks[j - 1].text in _DASHES \
                and toks[j - 2].tag.startswith(("ns", "nr")) and len(toks[j - 2].text) >= 2:
            j -= 2  # 某地－某地缔结友好城市纪念活动: the two places an event joins open its name
        if head == "主题教育" and j >= 2 and toks[j - 1].text == "贯彻" and toks[j - 2].text == "学习":
            j -= 2  # 学习贯彻…主题教育: the campaign's name begins with its verbs
        if typ == "Program" and j >= 1 and toks[j - 1].text == "学习" and toks[j].text in ("实践", "贯彻"):
            j -= 1  # 开展学习实践某某活动: learning opens the campaign's name
        if head == "学习教育" and j >= 1 and toks[j - 1].text == "贯彻":
            j -= 2 if j >= 2 and toks[j - 2].text == "深入" else 1  # 深入贯彻某某精神学习教育
        opened = _opened_at(toks, j, k) if (typ == "Program" and head.endswith(("行动", "试点", "专项治理", "专项整治"))) or (
            typ == "Mechanism" and head.endswith(("机制", "制度"))) else j
        opened_by_verb, j = opened != j, opened  # 开展优化某某服务提升某某环境行动: it opens at the clause's verb
        if head.endswith(("行动", "计划", "试点")) and j < k and j >= 1 and toks[j - 1].text == "重点" and (
                j == 1 or toks[j - 2].text in _GOVERNING or toks[j - 2].text[0] in PUNCT):
            j -= 1  # 实施重点某某提升行动: after the clause's verb, 重点 opens the campaign's name
        elif head.endswith("行动") and j < k and j >= 2 and toks[j - 1].text == "重点" and toks[j - 2].tag == "n" \
                and len(toks[j - 2].text) >= 2 and (j == 2 or toks[j - 3].text[0] in PUNCT):
            j -= 2  # 、制造业重点产业某某行动: the sector and its key industries name the campaign
        if typ in ("Place", "ResidentialArea"):  # 管网普查东部地区 → 东部地区: a place's name holds no activity words
            # (某某片区某某项目某某村: nor a project's)
            verbs = [n for n in range(j, k) if voc.heads.get(toks[n].text, ("",))[0] == "Program"]
            if verbs:
                j = verbs[-1] + 1
                if j > k:
                    continue
        if typ == "Concept":
            while j < k and (toks[j].text in voc.soft or toks[j].tag == "v"):
                j += 1
        while j < k and toks[j].text in ("暨",):
            j += 1
        if typ != "Concept" and not opened_by_verb:
            while j < k and (toks[j].text in _GOVERNING or (typ == "TargetGroup" and toks[j].text in _SERVING)):
                j += 1  # 服务保障国家某某中心: the clause's verbs, not the first words of the name
        if typ in ("Facility", "ResidentialArea", "Place", "Mechanism") and (
                j == 0 or toks[j - 1].text[0] in PUNCT or toks[j - 1].tag in ("d", "ad")):
            lead = j
            while lead < k - 1 and toks[lead].tag in ("d", "ad"):
                lead += 1
            while lead < k - 1 and toks[lead].text in _VISITING:
                lead += 1
            if lead > j and toks[lead - 1].text in _VISITING:
                j = lead  # 参观某某教育基地, 妥善处理某某村…, 升级改造某某站: what is done there opens the clause
        if typ in ("Place", "Facility"):
            inner = [n for n in range(j, k) if toks[n].text in _GOVERNING or toks[n].text in _INTO or (
                toks[n].text in _LEADING and len(toks[k].text) >= 2)]  # 以党建引领商圈…: the zone is led, not named
            # (某某地块某某路沿线: the road is named after the plot; 园区迈入某级园区行列: the rank entered)
            if inner:
                j = inner[-1] + 1  # 某科学城建设某某集聚区: the place is what is being built
            stem = next((n for n in range(j, k) if toks[n].tag.startswith("ns")), None)
            if stem is not None and stem > j and toks[stem - 1].tag != "vn" and all(
                    toks[n].tag in ("v", "vn", "a", "ad", "d", "vd") and len(toks[n].text) >= 2 for n in range(j, stem)):
                j = stem  # 突击清理某中西路: what is done there, before the place's own name
        elif typ == "TargetGroup":
            served = [n for n in range(j + 1, k) if toks[n].text in ("发动", "动员", "带动")]
            if served:
                j = served[-1] + 1  # 某某食堂发动老人…: the group is who is moved, not the site that moves it
        elif typ == "Program":
            hosted = [n for n in range(j, k) if toks[n].text in _HOSTING]
            if hosted:
                j = hosted[-1] + 1  # 联合某地承办某某运动会: the event is what is hosted
        if j + 1 < k and not opened_by_verb and typ not in ("Concept", "TargetGroup") and toks[j].tag == "v" and len(toks[j].text) >= 2 \
                and tokenizer().FREQ.get(toks[j].text, 0) >= 1000 \
                and toks[j + 1].tag.startswith(("n", "j")) and len(toks[j + 1].text) >= 2 and (j == 0 \
                or toks[j - 1].text[0] in PUNCT):
            j += 1  # ，保障某某峰会: the clause's verb, not the first word of the name
        if toks[j].tag == "m" and _NTH_ONE.fullmatch(toks[j].text):
            continue  # 全市第二个某某工作站: which one in order, none named (第二中学 is named)
        if j + 1 < k and toks[j].tag == "m" and _COUNT_OF_ONE.fullmatch(toks[j].text):
            j += 1  # 建设一条某某路: how many, not the first word of the name
        if j + 1 < k and toks[j].text in _DIVISION_CHARS and j > 0 and toks[j - 1].text in ("我", "本", "全"):
            j += 1  # 我乡某某村: the village, not 乡某某村
        elif j + 1 < k and toks[j].text in ("社区", "街道", "村", "镇") and j > 0 and toks[j - 1].text in ("该", "本"):
            j += 1  # 该社区胜利街27号院: the street, not 社区胜利街
        start = toks[j].start
        if typ == "Organization" and head.endswith(("公司", "集团")):
            start = _seat_in_brackets(view, start)
        if start > 2 and text[start - 1] == "·":
            start = _words_before(view, start - 1, start)  # 陆家嘴·某某服务中心: two places joined by a dot
        lead = text[max(0, start - 24):start]
        kind = text[start:tok.end - len(head)]
        if lead.endswith("等") and head in ("项目", "工程") and len(kind) >= 4 and kind[:2] not in voc.stop \
                and not all(t.text in voc.generic for t in toks[j:k]):
            pass  # …等老街区更新项目: a named kind of project the listed ones belong to
        elif typ != "TargetGroup" and lead.endswith("等") or ("、" in lead and _COUNTED.search(lead)) \
                or typ == "Program" and lead.endswith(("一批", "一系列", "一大批")):
            continue  # the class noun after a list (…等优秀志愿者赋能行动) names no one thing, nor after 一批
        if (counted := _COUNTED_KINDS.search(kind)) and (counted.start() > 0 or "、" in re.split(r"[，,；;。]", lead)[-1]):
            continue  # 建成甲、乙两大某某基地: a kind the listed ones are counted in (三大战役纪念馆 is one)
        if typ in ("Facility", "Organization") and (_COUNTED_SITES.search(lead) or _COUNTED_SITES.search(lead[:-2])
                                                    and lead[-2:] in ("集中", "新建", "新增", "标准化")) \
                or typ in ("Place", "ResidentialArea") and _COUNTED_SITES.search(lead):
            continue  # 建成3个某某文化中心, 3个集中隔离点, 3个某某实验室, 16个某某产业园: a kind of site counted, not one named
        if typ == "Facility" and k - j >= 2 and all(t.tag == "v" for t in toks[j:k]) \
                and any(len(t.text) >= 2 for t in toks[j:k]) \
                and toks[j].start == start:
            continue  # 复垦废弃居民点, 严管出店: sites described by what is done to them, none named (某购超市, two
            # one-character verbs, is)
        if head == "村" and k - j == 1 and toks[j].tag == "v" and len(toks[j].text) == 1:
            continue  # 跨村联建: a verb before 村 names no village
        if head in ("村", "镇", "乡") and k - j == 1 and (toks[j].text in ("镇", "乡", "县", "区", "市") or (
                toks[j].tag == "v" and re.match(r"[、和](?:村|镇|乡|社区)(?![\u4e00-\u9fff]{0,3}[村镇乡])", text[tok.end:]))):
            continue  # 召开镇村两级干部会议, 组织镇、村党员干部: the levels, no town or village named
        if len(head) == 1 and tok.tag == "v" and k - j == 1 and toks[j].text in ("进出", "出入", "进", "出"):
            continue  # 进出站人员: going in and out, no station named (升压站 is one)
        if typ in ("Facility", "Place") and lead.endswith("最"):
            continue  # 建成全区最大规模某某基地: a superlative describes a site, it names none
        if typ == "Facility" and (_WHOLE_UNIT.search(kind) or _GRADE_ONLY.fullmatch(kind)):
            continue  # 中考全县农村中学最优成绩: every site of a kind in the unit, none named; 三甲医院: a grade
        if head == "试点" and 0 < i < len(toks) - 1 and toks[i + 1].tag == "v" and (
                toks[i - 1].tag in ("nt", "ns") or toks[i - 1].text.endswith(_TRIAL_HOSTS)):
            continue  # 与某公司试点成立合作社, 在某社区试点推行: on trial, an adverb after who or where
        if typ in ("ResidentialArea", "Place") and _COUNTED_TO_THE_END.match(text, tok.end) \
                and not _GRADED_TITLE.match(text, toks[j].start):  # (新增国家级某某区2个: titles a place holds)
            continue  # 新建美丽乡村中心村5个: a kind of village counted (某村3个组 counts the village's groups)
        if (typ in ("Facility", "Organization") or head == "项目") and _COUNT_AFTER.match(text, tok.end):
            continue  # 申报县级农民专业合作社2个, 申报某类债券项目20个: counted after, the same
        if typ == "Facility" and _FIRM_AFTER.match(text, tok.end) or typ == "Organization" and re.match(
                r"(?:股份有限公司|有限责任公司|有限公司)", text[tok.end:]):
            continue  # 某某酒店投资有限公司: the firm's name, no hotel named; 某某酒业有限公司: one firm, named whole
        if typ == "TargetGroup" and (re.match(r"(?:专业)?合作社|协会|联合会", text[tok.end:])
                                     or nxt and _head_type(nxt, voc) == "Facility" and len(nxt) >= 2):
            continue  # 农民专业合作社, 社区长者食堂: a body or site of the group, not the group
        if lead.endswith("党的") and typ in ("Program", "Concept"):
            start -= 2  # 党的某某教育实践活动
        if typ in ("Mechanism", "Program") and (strict := _STRICTEST.search(lead)):
            start -= len(strict.group(0))  # 最严格的某某保护制度, 全域某某体系: the standard is part of the name
        if typ == "Mechanism" and (tiers := _TIERS.search(text, 0, start)):
            start = tiers.start()  # 四级巡查响应机制, 省市两级某某核算体系: the tiers it spans are part of the name
        age = _AGE.search(lead)
        if age and typ == "TargetGroup":
            start -= len(age.group(0))  # 60岁以上独居老年人
        name = text[start:tok.end]
        modifier = name[: len(name) - len(head)]
        mod_tokens = [t for t in toks[j:i + 1] if t.end <= tok.end - len(head)]
        if len(tok.text) > len(head) and k == i:  # the head's own token carries words too (健身活动)
            mod_tokens.append(Token(tok.text[: -len(head)], tok.start, tok.end - len(head), tok.tag))
        if len(modifier) < min_chars and not (
                modifier in ("省", "市", "区", "县") and typ == "Facility" and len(head) >= 2) and not (
                head == "模式" and len(modifier) == 2 and word_tags().get(modifier, "").startswith("ns")):
            continue  # (省图书馆, 区医院: the one site or body of a level, named by it; 某山模式: a place's way)
        if typ == "Award" and (modifier in ("荣誉", "光荣", "先进", "各类", "多项", "相关") or modifier in voc.generic):
            continue  # “某某县”荣誉称号: the title is the quoted name before it, not 荣誉称号
        if typ == "TargetGroup" and (modifier in ("工作", "社会", "相关", "有关", "各类", "其他", "列席", "列席会议")
                                     or modifier in _SCOPE_WORDS or modifier in voc.group_heads
                                     or (head == "人口" and modifier in _HEADCOUNTS)):
            continue  # 工作人员, 列席人员, 全球妇女, 妇女与儿童并称, 常住人口: anyone, the audience, everyone somewhere, a field, a count
        if typ not in ("Organization", "Concept", "Award", "TargetGroup") and not _specific(
                modifier, mod_tokens, voc, typ) and not (head.endswith("会") and _NUMBERED_GAMES.fullmatch(modifier)):
            continue  # (十五运会: games by their number)
        if head == "市场" and not any(t.tag.startswith(("nr", "ns", "nz", "x", "j")) or (
                len(t.text) == 1 and t.tag not in ("n", "v", "a")) for t in mod_tokens):
            continue  # 住房租赁市场 is a market, 青山水产批发市场 a place
        if typ == "Organization" and mod_tokens and all(
                t.text in ("企业", "集团", "公司") or t.tag in ("a", "b") and len(t.text) <= 2 for t in mod_tokens):
            continue  # 大企业大集团, 小微企业: firms by their size, none named
        if head == "政策" and modifier.endswith(_POLICY_KINDS):
            continue  # 税收优惠政策, 营商环境改革政策: a kind of policy, not one named
        if typ in ("ResidentialArea", "Place") and len(mod_tokens) >= 2 and all(
                t.tag[:1] in ("v", "a", "d") for t in mod_tokens) and sum(t.tag == "v" for t in mod_tokens) >= 2:
            continue  # 剩余待整新小区, 拆迁安置小区: areas described by what is done to them, none named
        if typ == "ResidentialArea" and modifier.startswith("无"):
            continue  # 无物业小区: areas lacking something, none named
        if head == "村" and modifier in _KINDS_OF_VILLAGE:
            continue  # 项目村, 试点村, 行政村: a kind of village, none named
        if head in ("项目", "工程") and len(mod_tokens) <= 2 and all(t.tag == "v" and len(t.text) == 2 for t in mod_tokens):
            continue  # 紧抓项目, 修复工程, 续建扩建项目: what is done to works, none named
        if typ == "Place" and set(name) <= set("山水林田湖草沙海河江"):
            continue  # 山水林田湖草沙: the ecosystem as a whole, not a lake
        if not _group_named(modifier, head):
            continue
        if view.level == "district" and typ == "Facility" and _dictionary_word(name):
            continue  # a district too speaks of 博物馆, 变电站 as kinds
        if view.level in ("city", "province") and (typ in ("Facility", "Organization") or head in _KIND_HEADS
                                                    or head in _SYSTEM_HEADS or head in _PARK_HEADS) \
                and _class_noun(name, len(head), typ):
            continue  # a city or province speaks of 实验室, 高校图书馆 as kinds, not as one site
        if view.level in ("city", "province") and (
                typ == "ResidentialArea" or head in ("点", "规划", "规范") or (typ == "Place" and head in _PARK_HEADS)
        ) and not _proper(mod_tokens) and not (
                head == "规划" and modifier.endswith(("总体", "发展", "三年", "五年"))):
            continue  # 典型村, 助餐点, 国土空间规划: kinds a city or province speaks of, none named
        if head in ("公路", "铁路", "高速公路") and not _proper(mod_tokens):
            continue  # 旅游公路, 市域铁路: kinds of road; 某某公路 is named by a place or a name
        if re.match(r"(?:世界|国际|国内|全国|全球)(?:一流|领先|先进|知名)", modifier):
            continue  # 世界一流大学, 国内领先科技园区: a standard aimed at, not a name
        if head == "活动" and re.search(r"违法|犯罪|非法|诈骗", modifier):
            continue  # 违法犯罪活动: what a campaign fights, not a programme
        if typ == "Program" and (re.search(r"(?:重大|重点|标志性|重要|各类|一批|关键)$", modifier)
                                 or re.match(r"(?:多|若干|一批|\d+)[项个批]|(?:过半|部分|大部分|全部|所有)$", modifier)):
            continue  # 推介重大项目, 央属标志性项目, 多项关键项目: a kind of project, none named
        if head == "精神" and (re.search(r"讲话|会议|全会|规定|大$", modifier)
                             or not (not nxt or nxt[0] in PUNCT or nxt in ("和", "与", "及", "等"))):
            continue  # 全会精神 has its own rule; 弘扬某某精神、… names one, 干部精神懈怠 does not
        if head == "格局" and not (modifier.startswith("新") and len(modifier) <= 4):
            continue  # 新某某格局 is the named strategy; 基层治理格局, 某某力发展格局 are descriptions
        if head == "思想" and nxt.startswith("政治"):
            continue  # 大中小学思想政治教育: ideological education, not a doctrine
        if head == "机制" and modifier.endswith("体制"):
            continue  # 投融资体制机制: the institutions of a field, not one mechanism
        if typ == "Organization" and (modifier in _ORG_GENERIC or head.endswith("公司") and _FIRM_KINDS.fullmatch(modifier)):
            continue  # (上市公司, 国有控股公司: kinds of firm)
        if (typ == "Mechanism" and head in ("体系", "政策", "机制", "制度", "系统")
                or head in ("项目", "工程") and mod_tokens and mod_tokens[0].text not in "东西南北") \
                and _common_words(mod_tokens):
            continue  # 安全责任体系, 城市建设项目: a system or project described by everyday words, none named
        if head == "组织" and not (_proper(mod_tokens) or re.search(r"联合国|国际|世界|亚太|经合", modifier)):
            continue  # 调解组织, 集体经济组织 are kinds; 某某经合组织 is one body
        if head in _ADMIN_HEADS and re.search(r"\d{4}年", modifier):
            continue  # 某市2026年政府工作…报告 (the title line): not a body
        if head in _ADMIN_HEADS and not (modifier[-1] in "省市区县镇乡旗州" or any(
                t.tag.startswith("ns") for t in mod_tokens)):
            continue
        if mode == "token" and typ == "Place" and len(head) == 1 and head in "区县市省旗":
            if not any(t.tag.startswith("ns") for t in mod_tokens):
                continue
        if head == "项目":
            inner = _inner_site(name[:-2], voc)
            if inner:  # 青山水产批发市场项目: the entity is the market, the project its building
                out.append(Candidate(name[:-2], inner, view.sentence.index, start, tok.end - 2,
                                     aliases=(name,), confidence=0.6, priority=1, rule="head:site"))
                continue
        if typ != "Organization" and (body := name.rfind(_GOVERNMENT)) > 0 \
                and len(name) - body - len(_GOVERNMENT) >= 2 + len(head):  # 某区人民政府某某新村街道办事处: the
            start, name = start + body + len(_GOVERNMENT), name[body + len(_GOVERNMENT):]  # estate after the body
        phase = _PHASE.match(name)
        if _PHASE_ONLY.match(name):
            continue
        aliases: tuple[str, ...] = ()
        if phase:  # 某集团旧区改造项目二期工程 is the project's first phase
            name, aliases = phase.group(1), (name,)
        out.append(Candidate(name, typ, view.sentence.index, start, start + len(name), aliases=aliases,
                             confidence=0.6, priority=1, rule=f"head:{head}",
                             nested=typ in ("Place", "Organization", "ResidentialArea", "Facility", "TargetGroup", "PolicyDocument")))
        if j >= 2 and toks[j - 1].text in ("和", "及") and len(modifier) <= 4 and typ in (
                "Mechanism", "Program", "Facility"):
            other = _elided(view, j - 1, voc)
            if other and not _PHASE_ONLY.fullmatch(other[0]):  # 甲类救助和乙类救助制度: 甲类救助制度 too
                out.append(Candidate(other[0] + head, typ, view.sentence.index, other[1], start - 1,
                                     confidence=0.5, priority=1, rule="elided"))
    for i, tok in enumerate(toks):  # place names the dictionary knows with their level (金山区)
        if tok.tag in ("nr", "nz") and len(tok.text) >= 3 and tok.text.endswith("街") \
                and not view.is_protected(tok.start, tok.end):  # 某正街 (read as a person's name): a street
            out.append(Candidate(tok.text, "Place", view.sentence.index, tok.start, tok.end, confidence=0.6,
                                 priority=1, nested=True, rule="street-word"))
        if tok.tag != "ns" and not (tok.tag.startswith("n") and tok.text in _full_divisions()):
            continue
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if tok.text in _provinces() and (nxt is None or nxt.text not in voc.heads) \
                and not view.is_protected(tok.start, tok.end):
            full = _provinces()[tok.text]  # 甘肃, 西藏: a provincial-level unit by its short name
            out.append(Candidate(tok.text, "Place", view.sentence.index, tok.start, tok.end,
                                 aliases=(full,) if full != tok.text else (), confidence=0.6, priority=1,
                                 nested=True, rule="province"))
            continue
        if len(tok.text) == 2 and nxt is not None and (not _is_boundary(nxt, voc) and nxt.text not in ("和", "、")
                                                       or nxt.text in _NAME_TAILS and nxt.start == tok.end):
            continue  # 南山组团, 某某|里 (a lane): the place word is only part of a longer name
        if _known_place(tok.text) and not view.is_protected(tok.start, tok.end):
            out.append(Candidate(tok.text, "Place", view.sentence.index, tok.start, tok.end,
                                 confidence=0.6, priority=1, nested=True, rule="ns-admin"))
        elif i and len(toks[i - 1].text) == 1 and toks[i - 1].tag in ("ns", "g") and toks[i - 1].end == tok.start \
                and len(tok.text) == 2 and tok.text[-1] == "村" and (i < 2 or toks[i - 2].tag[:1] not in ("n", "a") or (
                    i >= 3 and toks[i - 2].text in _DIVISION_CHARS and toks[i - 3].text in ("我", "本"))) \
                and not view.is_protected(toks[i - 1].start, tok.end):  # 东|山村建成: a village cut by jieba, anywhere
            out.append(Candidate(toks[i - 1].text + tok.text, "ResidentialArea", view.sentence.index, toks[i - 1].start,
                                 tok.end, confidence=0.5, priority=1, rule="ns-cut-village"))
        elif _listed_place(toks, i, voc) and tok.text not in voc.heads and not view.is_protected(tok.start, tok.end) \
                and not tok.text.endswith("化") \
                and not re.fullmatch(rf"[{_NUMERALS}]中", tok.text):  # 十七届三中、四中全会: sessions, no places
            prev = toks[i - 1] if i else None
            if prev is not None and len(prev.text) == 1 and prev.tag.startswith("ns") and len(tok.text) == 2 \
                    and tok.text[-1] in "村镇乡" and prev.end == tok.start:  # 东|山村: the village's name is cut
                out.append(Candidate(prev.text + tok.text, "ResidentialArea" if tok.text[-1] == "村" else "Place",
                                     view.sentence.index, prev.start, tok.end, confidence=0.5, priority=1,
                                     rule="ns-listed"))
                continue
            out.append(Candidate(tok.text, "Place", view.sentence.index, tok.start, tok.end,
                                 confidence=0.5, priority=1, nested=True, rule="ns-listed"))
    out.extend(_brands(view, voc))
    out.extend(_lanes(view))
    out.extend(_steppe_units(view, voc))
    return out


_STEPPE_UNITS = {"嘎查": "ResidentialArea", "苏木": "Place"}   # a pastoral village, a pastoral township
_HAS_HEAD_END = re.compile(r"[镇乡村区县旗市]$")   # (巴彦托海镇|哈克嘎查: the town before the village is no part of it)


def _steppe_units(view: _View, voc: _Vocab) -> list[Candidate]:
    """某某嘎查, 某某苏木: a Mongolian name jieba cuts into pieces of any tag (沙巴/nr 日/m 太/d 嘎查) is every piece
    back to a verb, a preposition or a mark, up to six characters."""
    toks, out = view.toks, []
    for i, tok in enumerate(toks):
        if tok.text not in _STEPPE_UNITS:
            continue
        j = i
        while j and toks[j - 1].end == toks[j].start and toks[j - 1].text[0] not in PUNCT \
                and toks[j - 1].tag[:1] not in ("v", "p", "u", "c", "x") and toks[j - 1].text not in voc.stop \
                and tok.start - toks[j - 1].start <= 6 and not _HAS_HEAD_END.search(toks[j - 1].text):
            j -= 1
        if 2 <= tok.start - toks[j].start and not view.is_protected(toks[j].start, tok.end):
            out.append(Candidate(view.text[toks[j].start:tok.end], _STEPPE_UNITS[tok.text], view.sentence.index,
                                 toks[j].start, tok.end, confidence=0.55, priority=1, nested=True, rule="steppe-unit"))
    return out


def _after_steppe_units(cands: list[Candidate]) -> list[Candidate]:
    """A name that opens inside a Mongolian village's (苏布尔嘎|嘎查乡村旅游示范点: jieba cut the name, the site's
    rule began at 嘎查) opens where the village's name does."""
    units = [c for c in cands if c.rule == "steppe-unit"]
    out = []
    for c in cands:
        unit = None if c.rule == "steppe-unit" else next(
            (u for u in units if u.start < c.start < u.end and c.name.startswith(u.name[c.start - u.start:])), None)
        out.append(replace(c, name=unit.name[:c.start - unit.start] + c.name, start=unit.start) if unit else c)
    return out



_LANE = re.compile(r"(?:^|(?<=[，,。；;、：:（(]))([\u4e00-\u9fff]{2,4}路\d{1,4}弄)(?!\d)")


def _lanes(view: _View) -> list[Candidate]:
    """某某路261弄 opening a clause or an item: a lane, the housing estate a city's reports name by its address."""
    out = []
    for m in _LANE.finditer(view.text):
        start, end = m.span(1)
        road = view.text.index("路", start)
        while (i := view.token_at(start)) < len(view.toks) and view.toks[i].start == start \
                and view.toks[i].tag[:1] in ("v", "d", "p", "c") and road - view.toks[i].end >= 2:
            start = view.toks[i].end  # 完成某某路435弄: the verb before the lane is no part of it
        if not view.is_protected(start, end):
            out.append(Candidate(view.text[start:end], "ResidentialArea", view.sentence.index, start, end,
                                 confidence=0.6, priority=1, rule="lane"))
    return out


@cache
def _full_divisions() -> frozenset[str]:
    """The gazetteer's divisions by their full names where jieba has no other reading: a name it does not know or
    reads as a person's (章贡区), or a place whose stem is no word (尧都区); not 老城区 or 平房区, also an old
    town and an area of bungalows."""
    tags = word_tags()
    return frozenset(d.name for d in divisions() if len(d.name) >= 3 and (
        tags.get(d.name, "nr")[:2] in ("nr", "nz") or tags.get(d.name) == "ns" and d.name[:-1] not in tags))


@cache
def _division_words() -> frozenset[str]:
    """Every division of the gazetteer by its full and its short name (广州市, 广州)."""
    return frozenset(n for d in divisions() for n in (d.name, d.short) if len(n) >= 2)


def _proper(mod_tokens: Sequence[Token]) -> bool:
    """Whether the words before a head hold something only a name has: a known place, a body, a
    brand, a foreign word, a number. jieba's own place and person tags are not enough (it tags 海洋
    as a place and 养老 as a person)."""
    voc = _vocab()
    return any(t.tag.startswith(("nz", "nt", "x", "m", "eng")) or _DIGIT.search(t.text)
               or t.text in _division_words() or _known_place(t.text)
               or (t.tag.startswith("ns") and tokenizer().FREQ.get(t.text, 0) < 1000)
               or (t.tag.startswith("nr") and t.text[0] in voc.surnames and len(t.text) >= 3)
               for t in mod_tokens) or any(  # 环某地: the region around a place (环某湖, 环首都)
        t.text == "环" and nxt.tag.startswith("ns") for t, nxt in zip(mod_tokens, mod_tokens[1:]))


_LEVEL_OWN = re.compile(r"^(?:省|市|区|县)(?![场民级域政内属外区位城长委情镇乡村])[\u4e00-\u9fff]{2,}")


def _common_words(mod_tokens: Sequence[Token]) -> bool:
    """One to three words before a head, each among jieba's commonest (frequency 5,000 and more): on the
    golds such systems and policies were never annotated as one named mechanism."""
    return 0 < len(mod_tokens) <= 3 and all(tokenizer().FREQ.get(t.text, 0) >= 5000 for t in mod_tokens)


@lru_cache(maxsize=4096)
def _dictionary_word(name: str) -> bool:
    """Whether jieba knows ``name`` as one common noun (实验室, 变电站): the name of a kind."""
    whole = tokens(name)
    return len(whole) == 1 and whole[0].tag in ("n", "vn")


_PORT_HEADS = ("机场", "港", "码头", "大桥", "火车站")


@lru_cache(maxsize=4096)
def _class_noun(name: str, head_len: int, typ: str) -> bool:
    """A dictionary word (实验室, 充电站), or a Facility named by one common word before its head
    (高校图书馆, 生产基地): the name of a kind of site."""
    if typ in ("Facility", "Organization") and _LEVEL_OWN.match(name):
        return False  # 省某某馆, 市某某中心: the one body or site of the report's own level
    if len(tokens(name)) == 1:
        return _dictionary_word(name)
    mod = tokens(name[:-head_len])
    if typ == "Program" and name.endswith("项目") and len(mod) <= 5 and not _proper(mod):
        return True  # 抽水蓄能项目, 招商引资项目: projects of a kind; a named one carries a place, body or size
    if typ == "Program":  # 外资项目, 某级重大项目, 燃油补贴: a kind of project, not one project
        return len(mod) <= 2 and all(t.tag in ("n", "vn", "b", "a", "an", "j") and not _DIGIT.search(t.text)
                                     and tokenizer().FREQ.get(t.text, 0) >= 500 for t in mod)
    if typ == "Mechanism":  # 公共服务体系, 冷链物流体系: a kind of system, not one named mechanism
        return len(mod) <= 2 and all(t.tag in ("n", "vn", "b", "a", "an", "j", "v", "d") and not _DIGIT.search(t.text)
                                     and tokenizer().FREQ.get(t.text, 0) >= 300 for t in mod)
    if typ == "Organization":  # 专业机构, 产业联盟: bodies of a kind
        return 1 <= len(mod) <= 2 and all(t.tag in ("n", "vn", "b", "a", "an", "f", "v") and not _DIGIT.search(t.text)
                                          and tokenizer().FREQ.get(t.text, 0) >= 1000 for t in mod)
    if typ == "Facility" and name.endswith(_KIND_SITES) and 1 <= len(mod) <= 2 and not _proper(mod) \
            and not name.startswith(("国际", "全球", "世界")):  # 国际某某中心 is a standing aimed at (_AIM)
        return True  # 研发中心, 公办中小学校, 国家医学中心: sites of a kind a city or province plans for
    if typ not in ("Facility", "Place"):
        return False
    return len(mod) == 1 and mod[0].tag in ("n", "vn", "b", "nr") and not _DIGIT.search(mod[0].text) \
        and tokenizer().FREQ.get(mod[0].text, 0) >= 1000 and not (
            mod[0].tag == "nr" and name.endswith(_PORT_HEADS))  # 凤凰机场: a port by a word jieba takes for a person


def _head_word(text: str, voc: _Vocab, bare: bool = True) -> str:
    """The longest head word ``text`` ends in, '' if none (one lookup per head length, longest first, not a scan of
    every head); with ``bare`` False only a head some words stand before (标准化幼儿园, not 幼儿园)."""
    return next((text[-n:] for n in voc.head_lengths
                 if (n <= len(text) if bare else n < len(text)) and text[-n:] in voc.heads), "")


def _head_type(text: str, voc: _Vocab) -> str | None:
    """The type of the longest head ``text`` ends in, if any."""
    head = _head_word(text, voc)
    return voc.heads[head][0] if head else None


def _ends_in_head(text: str, voc: _Vocab) -> bool:
    return _head_type(text, voc) is not None


def _inner_site(name: str, voc: _Vocab) -> str | None:
    """Type of a site named before 项目 (…市场, …产业园, …度假城), if the words before 项目 name one."""
    for n in voc.head_lengths:
        if n < len(name) - 1 and name[-n:] in voc.heads and voc.heads[name[-n:]][1] == "suffix":
            typ = voc.heads[name[-n:]][0]
            return typ if typ in ("Facility", "Place") else None
    return None


_OPENERS = frozenset({"实施", "开展", "启动", "获批", "建立", "健全", "推行", "实行", "完成"})
_OPENED_HEADS = ("行动", "试点", "机制", "制度")  # a second name's head inside the span: two names, not one


def _opened_at(toks: Sequence[Token], j: int, k: int) -> int:
    """The start of a campaign's or pilot's name that runs back across its own verbs and 和 to the verb
    that opens the clause (实施某某领先和某某攻坚行动, 获批优化某某审批改革试点); ``j`` when no such verb
    stands within reach, or a 的, a list or a stop comes between."""
    openers = _OPENERS | {"推进"} if toks[k].text == "试点" else _OPENERS  # 稳妥推进某某试点: a pilot is pushed on
    for o in range(j - 1, max(-1, j - 11), -1):
        if toks[o].text[-2:] in openers:  # 深入开展 is one word
            while o + 1 < j and (toks[o + 1].text in openers or toks[o + 1].text in ("好", "完善", "一轮", "新一轮")
                                 or (toks[o + 1].text in _OWN_SCOPES and len(toks[o + 2].text) >= 2)):
                o += 1  # 实施好, 建立健全完善: the verbs run on before the name; 全省: where, not which pilot
            between = toks[o + 1:k]  # the name's words, its head the last
            if o + 1 < j and sum(len(t.text) for t in between) <= 22 and not any(
                    t.text[0] in PUNCT or t.text in ("的", "等", "及") or t.text.endswith(_OPENED_HEADS)
                    or (_DIGIT.search(t.text) and nxt.text != "年")  # 延长30年: a term in the name, not a count
                    for t, nxt in zip(between[:-1], between[1:])):
                return o + 1
            return j
        if toks[o].text[0] in PUNCT:
            return j
    return j


def _verb_bridge(toks: Sequence[Token], j: int, voc: _Vocab) -> int | None:
    """Where a campaign's or mechanism's name starts when verbs stand inside it (某某开放某某行动,
    某某化配置某某试点, 某某集群壮大提升行动): nouns right after the clause's own verb or a stop, then
    one or two inner verbs."""
    v = j - 1
    while v >= 0 and j - 1 - v < 2 and toks[v].tag in ("v", "a", "j") and len(toks[v].text) == 2 \
            and (toks[v].tag != "j" or toks[v].text in _GOVERNING):  # jieba tags 深化 an abbreviation
        v -= 1
    group = toks[v + 1:j]
    if not group or all(t.tag != "v" for t in group) or (len(group) == 1 and (
            group[0].text in _GOVERNING or group[0].text in _SERVING or group[0].text in voc.soft
            or group[0].text in voc.stop)):
        return None  # no inner verb, or a lone clause verb (提升, 建设) the usual rules already weigh
    v += 1
    g = v
    while g > 0 and v - g < 3 and toks[g - 1].tag.startswith(("n", "j", "vn", "l")) and not toks[g - 1].tag.startswith("nr") \
            and toks[g - 1].text not in voc.stop and toks[g - 1].text[0] not in PUNCT:
        g -= 1
    if g == v or all(t.text in voc.generic for t in toks[g:v]) or sum(len(t.text) for t in toks[g:v]) < 2:
        return None
    left = toks[g - 1] if g > 0 else None
    if left is not None and not (left.text in _GOVERNING or _is_boundary(left, voc, toks[g - 2] if g >= 2 else None)):
        return None
    if len(group) == 2 and (left is None or left.text not in _GOVERNING) and not (left and left.text == "重点"):
        return None  # two inner verbs (某某深化提升行动) only as the object of the clause's verb
    return g


def _elided(view: _View, k: int, voc: _Vocab) -> tuple[str, int] | None:
    """The words before a 和/、 at token k when they share the next name's head (医疗救助和…制度)."""
    toks = view.toks
    j = k
    while j > 0 and not _is_boundary(toks[j - 1], voc, toks[j - 2] if j >= 2 else None) and k - j < 3:
        j -= 1
    words = view.text[toks[j].start:toks[k].start] if j < k else ""
    if j > 0 and toks[j - 1].text == "等":
        return None  # 某某赛等国际赛事和某某马拉松: the words after 等 name a class, not a stem
    if 2 <= len(words) <= 4 and not any(_head_at(view, i, voc) for i in range(j, k)):
        return words, toks[j].start
    return None


_LIST_LINKS = frozenset({"、", "至"})
_NOT_PLACES = frozenset("中国 全国 全省 全市 国内 国际 海外 境外 境内 内地 沿海 城镇 城市 城乡 农村 乡村 海洋 深海 外国 入海 海湾 大湾 大城市 "
                        "古城 新城 治安 美德 惠及 太极 宜居 湾区 山区 郊区 市区 城区 镇区 社区 西部 东部 中部 "
                        "首都 美丽 中欧 岭南 大都市 都市 超大城市 特大城市".split())


@cache
def _provinces() -> dict[str, str]:
    """Short name → full name of the provincial-level divisions (甘肃 → 甘肃省), from kg.gazetteer."""
    return {d.short: d.name for d in provinces()}


def _listed_place(toks: Sequence[Token], i: int, voc: _Vocab) -> bool:
    """A bare place name the dictionary tags as one, listed or ranged (南口、某某口; 某庙至某谷段); not
    one of the common words it also tags as places (城镇, 海洋, 治安)."""
    word = toks[i].text
    if len(word) < 2 or word in _NOT_PLACES or word in voc.generic or word in voc.stop \
            or not re.fullmatch(rf"[{_CJK}]+", word):
        return False
    before = toks[i - 1].text if i > 0 else ""
    after = toks[i + 1].text if i + 1 < len(toks) else ""
    if "至" in (before, after):
        return True  # 某庙至某谷段: a range of places
    neighbours = ([toks[i - 2]] if before in _LIST_LINKS and i >= 2 else []) + (
        [toks[i + 2]] if after in _LIST_LINKS and i + 2 < len(toks) else [])
    if any(n.text[:1] == word[0] for n in neighbours):
        return False  # 涉税、涉海: a run of words built alike, not places
    return any(n.tag.startswith("ns") or _known_place(n.text) or len(n.text) == 1 for n in neighbours) and not any(
        n.tag in ("a", "ad", "an") for n in neighbours)
    # a place listed with places or with names the dictionary does not know, not with words (自治、法治、德治;
    # 宜居、安宁、和谐: qualities, one of them a word the dictionary also has as a place)


def _known_place(word: str) -> bool:
    """A dictionary place name with its kind: 奉贤区, 黄浦江, 北山 (not 宜居城市, 大城市)."""
    if word in _NOT_PLACES:
        return False
    if (len(word) >= 3 and word[-1] in "河湖江岛") or (len(word) == 2 and word[-1] == "山") or word in _full_divisions():
        return True
    return len(word) >= 3 and word[-1] in "省市区县镇乡旗州" and word_tags().get(word[:-1], "").startswith(
        ("ns", "nr", "nz"))


class _Regroup:
    """A match of the second alternative of the brand pattern, seen as the first."""

    def __init__(self, m: re.Match) -> None:
        self._m = m

    def group(self, n: int) -> str:
        return self._m.group(2)

    def start(self, n: int) -> int:
        return self._m.start(2)

    def end(self, n: int) -> int:
        return self._m.end(2)


_BRAND = re.compile(rf"(?:^|(?<=[、，,。；;和与及]))([{_CJK}·]{{2,24}}?)品牌(?![{_CJK}])|"
                    rf"(?:^|(?<=[、，,。；;和与及]))([{_CJK}·]{{2,24}}?)品牌(?=建设|效应|影响力|的|等)")
_DESCRIPTIVE = re.compile(r"[的等]")  # 具有地域特色的旅游文化品牌, 知名企业等: a description, not a name
_COUNTED_KIND = re.compile(rf"[{_NUMERALS}两\d]+[个项批类大]")
_BRAND_CATEGORY = re.compile(r"(?:非遗文化|传统文化|公益|服务|特色)$")


def _brands(view: _View, voc: _Vocab) -> list[Candidate]:
    """Unquoted X品牌 (剪纸和皮影非遗文化品牌): each X is a brand, named without its category."""
    out: list[Candidate] = []
    if "品牌" not in view.text:
        return out
    for m in _BRAND.finditer(view.text):
        if m.group(1) is None:
            m = _Regroup(m)
        start = m.start(1)
        words = m.group(1)
        toks = [t for t in view.toks if start <= t.start < m.end(1)]
        cut = 0
        for t in toks:  # drop a leading verb phrase (重点建设 …)
            if not (t.text in voc.stop or t.tag.startswith("v")):
                break
            cut = t.end - start
        words = words[cut:]
        start += cut
        core = _BRAND_CATEGORY.sub("", words)
        for item in core.split("和"):
            if (len(item) < 2 or item in voc.generic or view.is_protected(start, start + len(item))
                    or _DESCRIPTIVE.search(item) or tokenizer().FREQ.get(item, 0) >= 3000  # 商业品牌: a sector
                    or _COUNTED_KIND.match(item)):  # 两个节庆品牌: a kind counted
                continue
            pos = view.text.find(item, start)
            out.append(Candidate(item, "Brand", view.sentence.index, pos, pos + len(item),
                                 aliases=(item + "品牌", words + "品牌") if item == core else (item + "品牌",),
                                 confidence=0.65, priority=2, rule="brand"))
    return out


def _titles(view: _View, voc: _Vocab) -> list[Candidate]:
    """《…》: a policy document when the title ends like one, otherwise a creative work."""
    out = []
    for m in _TITLE.finditer(view.text):
        inner = m.group(1)
        bare = re.sub(r"[(（](?:试行|草案|征求意见稿|修订|修正)[^()（）]*[)）]$", "", inner)
        plain = bare.replace("“", "").replace("”", "")
        typ = "PolicyDocument" if _policy_title(plain, voc) else "CreativeWork"
        aliases = {inner.replace("“", "").replace("”", ""), plain}
        view.protected.append((m.start(), m.end()))
        out.append(Candidate(m.group(0), typ, view.sentence.index, m.start(), m.end(),
                             aliases=tuple(sorted(aliases)), confidence=0.9, priority=3, rule="title"))
    return out


def _policy_title(title: str, voc: _Vocab) -> bool:
    title = _TITLE_SPAN.sub("", title)  # 《某某三年行动计划（2024-2026年）》: the years it covers, after the kind
    for n in voc.head_lengths:
        if title[-n:] in voc.heads and voc.heads[title[-n:]][0] == "PolicyDocument":
            return True
    return title.endswith(("意见", "通知", "决定", "法", "条例", "计划", "规划", "纲要", "制度", "标准", "公约",
                           "清单", "报告", "准则", "章程", "协议", "政策", "措施", "建议", "草案", "法典", "宪法",
                           "完成情况", "执行情况", "汇报", "指引", "指南", "细则", "导则", "规程"))
    # 《某年实事项目完成情况》: a report; 《某某工作指引》: guidance


_TITLE_SPAN = re.compile(r"[（(](?:(?:19|20)\d{2}[—–\-－~～至](?:19|20)?\d{2}|(?:19|20)\d{2})年?(?:版|修订)?[）)]$")


def _type_word_end(phrase: str, table: dict, lengths: Iterable[int]) -> str | None:
    """The longest word of ``table`` that ``phrase`` ends with."""
    for n in lengths:
        if n <= len(phrase) and phrase[-n:] in table:
            return phrase[-n:]
    return None


def _trailing(view: _View, pos: int, voc: _Vocab) -> tuple[str, str | None, int]:
    """Words right after a quote up to the longest that ends in a quote type word.

    Returns (phrase up to the type word, type word, end offset); the phrase is '' when none ends so.
    """
    toks = view.toks
    i = view.token_at(pos)
    phrase, best, best_end, best_phrase = "", None, pos, ""
    while i < len(toks) and len(phrase) < 12:
        t = toks[i]
        if t.text[0] in PUNCT or t.text in voc.stop or t.tag in ("p", "c", "uj", "u", "r", "d"):
            break
        phrase += t.text
        word = _type_word_end(phrase, voc.quote_types, voc.quote_type_lengths)
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if word == "工作" and nxt is not None and nxt.text[0] not in PUNCT and nxt.text not in voc.stop \
                and (not nxt.tag.startswith("v") or nxt.text in ("要求", "部署", "思路", "目标", "任务", "方针")):
            word = None  # “8890”热线工单工作满意率, “某某、某某”工作要求: 工作 inside a longer noun
        if word:
            best, best_end = word, t.end
            best_phrase = phrase
        i += 1
    if best is None:
        return "", None, pos
    return best_phrase, best, best_end


_RUNNING = frozenset({"运营", "运行", "营运", "投用", "启用", "上线", "开通"})   # 建成运营“某某站”: done to it, no part of it


def _qualifier(view: _View, pos: int, voc: _Vocab) -> str:
    """Nouns written right before a quote (调解工作“四步法”, 滨江“快递联盟”), at most two words."""
    i = view.token_at(pos) - 1
    words: list[str] = []
    toks = view.toks
    while i >= 0 and len(words) < 3:
        t = toks[i]
        if t.tag == "d" and len(t.text) == 2 and t.text not in voc.stop and words:
            words.insert(0, t.text)  # 依法协商议事“五步法”
            break
        if len(words) == 2 and len(words[0]) + len(words[1]) + len(t.text) > 6:
            break
        noun_verb = t.tag == "v" and not words and len(t.text) == 2 and i >= 1 and toks[i - 1].tag.startswith("n") \
            and not _is_boundary(toks[i - 1], voc) \
            and _head_type(toks[i - 1].text, voc) not in ("Organization", "Facility")
        # 科技成果转化“某某”模式: a noun and its verb qualify it (某某学院共建“某某”基地: the college builds it)
        if (not noun_verb and _is_boundary(t, voc)) or t.text in voc.cues or t.text in _RUNNING or not (
                noun_verb or t.tag.startswith(("n", "vn", "j", "x")) or (len(t.text) == 1 and t.tag not in _FUNCTION_TAGS)):
            break
        if t.tag == "x" and t.text[0] in PUNCT or t.tag == "m":
            break  # 2022年上海市“某好”商会: a date or count before the quote is no part of it
        words.insert(0, t.text)
        i -= 1
    q = "".join(words)
    owner = _type_word_end(q, voc.heads, voc.head_lengths)
    if owner and voc.heads[owner][0] in ("Organization", "Facility") and len(owner) >= 2 and q not in voc.not_heads \
            and q != owner:
        return ""  # 指挥中心“一键调度”平台: an owner, not part of the name (居委会“8+3”工作制: a kind of body, is)
    return q if 2 <= len(q) <= 6 else ""


def _cue_before(view: _View, pos: int, voc: _Vocab) -> bool:
    """A cue verb (打造, 推进 …) right before the quote, allowing one adverb or adjective between."""
    before = view.text[max(0, pos - 8):pos]
    return any(before[len(before) - k - n:len(before) - k] in voc.cues
               for k in (0, 1, 2) for n in (2, 3, 4) if len(before) >= k + n)


def _shape_type(content: str, level: str = "") -> str:
    """A quoted name's type from its shape when nothing else tells. A longer one is a campaign in a district's
    report and a way of working in a city's or province's (某某一件事, 某车北上, 某某审批), as their golds say.

    >>> [_shape_type(c) for c in ("三个提升", "双创", "四风", "一窗受理", "美丽家园、幸福社区", "满天星", "陪伴一小时",
    ...                           "一湖两岛", "三融合")]
    ['Concept', 'Program', 'Concept', 'Mechanism', 'Concept', 'Mechanism', 'Program', 'Place', 'Concept']
    """
    if re.match(rf"^[{_NUMERALS}\d]+个", content):
        return "Concept"
    if re.fullmatch(rf"(?:[{_NUMERALS}][城区园河湖山岛湾港镇村街带廊])+", content) and len(content) >= 4:
        return "Place"  # “一湖两岛”: a formula of named places, the places together
    if re.fullmatch(r"[\u4e00-\u9fff]改[\u4e00-\u9fff]", content):
        return "Program"  # “营改增”, “瓶改管”: one thing changed into another, a reform
    if len(content) == 2 and content[0] in "两双":
        return "Program"  # “两新”, “双减”: a pair of campaigns under one short name
    if len(content) == 2 and content[0] in _NUMERALS:
        return "Concept"  # “四风”, “三保”: a set of things named by its count
    if content[0] in "一二两三四五六七八九十" and content.endswith(("融合", "合一", "产业", "板块")):
        return "Concept"  # “三某融合”, “五某合一”: a state to reach, not the method
    if _ALNUM_QUOTE.search(content) or content[0] in _NUMERALS:
        return "Mechanism"
    if re.search(r"[、，, ]", content):
        return "Concept"
    return "Mechanism" if len(content) <= 3 or level in ("city", "province") else "Program"


_ZONE_PLACE = re.compile(r"(?:开发|高新|新|园|示范|合作|试验|保税|功能|产业)区$")
_KIND_AFTER_QUOTE = "机制|模式|制度|体系|品牌|服务|平台|计划|行动|工程|项目|活动|工作法"
_COMMITTEES = re.compile(r"[两二三四五]委")   # “两委”: a village's or a community's party and residents' committees
_TITLE_OF_A_PLACE = re.compile(r"(?:先进|示范|试点|重点|模范|百强|十强|文明|卫生|优秀|达标|标准化)[\u4e00-\u9fff]{0,2}"
                               r"(?:县|市|区|镇|乡|村|街道|社区|县城|城区|城市|单位|集体)$")


def _own_type(content: str, voc: _Vocab) -> str | None:
    """Type of a quoted string from its own last word (晨光行动, 暖心驿站, 优秀原创作品奖); a list has none
    (“投资、项目、园区” is no park)."""
    if "、" in content:
        return None
    if _TITLE_OF_A_PLACE.search(content) and len(content) >= 5:
        return "Award"  # “全国粮食生产先进县”, “某省文明县城”: a title a place is given
    if re.match(rf"[{_NUMERALS}\d]+个", content):
        return "Concept"  # “三个坚持”, “五个统筹”
    if _COMMITTEES.fullmatch(content):
        return "Organization"  # 村“两委”: a village's two committees, bodies
    if len(content) >= 3 and re.search(rf"[{_NUMERALS}\d]号$", content):
        return "Facility"  # “某某一号”: a vessel, platform or satellite
    typ = None
    word = _type_word_end(content, voc.quote_types, voc.quote_type_lengths)
    if word and len(word) < len(content) and word != "工作":
        typ = voc.quote_types[word][0]
    else:
        for n in voc.head_lengths:
            if n < len(content) and content[-n:] in voc.heads and content not in voc.not_heads:
                if voc.heads[content[-n:]][1] == "suffix":
                    typ = voc.heads[content[-n:]][0]
                    break
    if typ in ("Facility", "Place", "ResidentialArea") and len(re.findall(rf"[{_NUMERALS}\dX]", content)) >= 2:
        return "Mechanism"  # 一中心两站点N个联系点: a layout, not one site
    if typ in ("Facility", "Place", "ResidentialArea") and content[0] in _NUMERALS + "双" \
            and not _ordinal_or_numeral(content[:2]):
        return "Program"  # “四好”某某路: a programme about such sites, not one of them
    if typ in ("TargetGroup",):
        return None
    return typ


def _parallel(items: list[str]) -> bool:
    """Three or more short items built alike (大学习、大宣传、大落实; 某链、某链、某链): a named formula."""
    if len(items) >= 2 and all(len(i) >= 2 and i[0] in _NUMERALS for i in items):
        return True  # 两不愁、三保障; 一中心、两基地: counted items, a named formula
    return len(items) >= 3 and all(len(i) >= 2 for i in items) and (
        len({i[0] for i in items}) == 1 or len({i[-1] for i in items}) == 1)


_PART_ONE = r"(?:(?:19|20)\d{2}年度?|今年|明年|上半年|下半年)(?:工作)?(?:回顾|安排|总结|计划|要点|打算|思路)"
_PART_TITLE = re.compile(rf"[{_CJK}]{{0,8}}?{_PART_ONE}(?:[暨及和]{_PART_ONE})?")   # (某乡2025年工作总结暨2026年工作计划)


def _is_rhetoric(content: str, voc: _Vocab) -> bool:
    if content in voc.rhetoric or len(content) <= 1 or _PART_TITLE.fullmatch(content):
        return True  # (报告分为“2018年工作回顾”和“2019年工作安排”: the report's own parts, named)
    if len(content) <= 3 and content[0] == "新" and not re.search(rf"[{_NUMERALS}]", content[1:]):
        return True  # “新高度” is emphasis, “新两翼” a numbered strategy
    if len(content) <= 4 and any(content.endswith(w) for w in voc.rhetoric):
        return True
    if len(content) == 4 and word_tags().get(content, "") == "i":
        return True  # a set phrase (以点带面)
    items = re.split(r"[、，,]", content)
    if len(items) > 1 and all(len(i) <= 3 for i in items) and not _parallel(items):
        return True  # “对象、内容、流程”: an enumeration of words
    return len(content) > 30 or "。" in content


_TIME_LIMIT = re.compile(r"(?:最多|最长|最快|不超过|压缩至|压缩到)?\d+(?:\.\d+)?个?(?:工作日|天|日|小时|分钟)(?:办结|内)?")
_ROAD_KIND_QUOTED = re.compile(r"[\u4e00-\u9fff]{1,3}路|[\u4e00-\u9fff]*道路")
_CARDS = re.compile(r"(?:[和与及]“[^“”]{1,8}”)*(?:[两二三四五六七八九十]|这)张(?:王)?牌")
_RUN_HELD = re.compile(r"(?:开展|推出|举办|推行|开设|组织)$")   # 开展“某某上门”“某某课堂”: activities held, each one


def _quotes(view: _View, voc: _Vocab) -> tuple[list[Candidate], list[Hint]]:
    """“…” quoted names; emphasis and qualities are left out."""
    out: list[Candidate] = []
    hints: list[Hint] = []
    text = view.text
    found = [m for m in _QUOTE.finditer(text) if not view.is_protected(m.start(), m.end())]
    # runs of quotes that touch (“孝”“爱”“智”“安”) or are listed with 、
    runs: list[list[re.Match]] = []
    for m in found:
        if runs and text[runs[-1][-1].end():m.start()] in ("", "、"):
            runs[-1].append(m)
        else:
            runs.append([m])
    sidx = view.sentence.index
    for run in runs:
        last = run[-1]
        if len(run) > 1 and all(len(m.group(1)) == 1 for m in run) and all(
                a.end() == b.start() for a, b in zip(run, run[1:])):
            merged = "".join(m.group(1) for m in run)
            phrase, word, end = _trailing(view, last.end(), voc)
            if word:
                typ = voc.quote_types[word][0]
                name = merged + phrase
                out.append(Candidate(name, typ, sidx, run[0].start(), end, aliases=(merged,),
                                     confidence=0.8, priority=2, rule="quote-merged"))
            for m in run:
                view.protected.append((m.start(), m.end()))
            continue
        run_after = text[last.end():last.end() + 24]
        run_class = None
        listed = len(run) > 1 or run_after.startswith(("等", "、"))
        if listed:
            clause = re.split(r"[，,。；;：:“]", run_after, maxsplit=1)[0]  # (…等重点工作上破除“某某”困局: not 局)
            run_class = _class_of(clause, voc) if "等" in clause else None
        touching = len(run) > 1 and all(a.end() == b.start() for a, b in zip(run, run[1:]))
        if touching and not run_class and "为主题" not in run_after[:6] \
                and not _RUN_HELD.search(text, 0, run[0].start()):
            parts = text[:run[0].start()].endswith(("是指", "即", "指"))  # “5”是指“A”“B”…: a formula's parts
            for m in run:  # “民事民提”“四个渠道”: paired catchwords, not names
                if len(m.group(1)) == 2 and m.group(1)[0] in "两双" or _own_type(m.group(1), voc) not in (
                        None, "Concept"):  # “两重”“两新”: paired campaigns; “某某驿站”“某某窗口”: a site named
                    out.extend(_one_quote(view, m, voc, None)[0])
                view.protected.append((m.start(), m.end()))
                if parts and len(m.group(1)) >= 3:
                    out.append(Candidate(m.group(1), "Concept", sidx, m.start(), m.end(), confidence=0.6,
                                         priority=2, rule="quote-part"))
            continue
        if _CARDS.match(text, last.end()):
            view.protected.extend((m.start(), m.end()) for m in run)
            continue  # 打好“红色”和“绿色”两张牌: the cards a place plays are ways of speaking, no names
        for m in run:
            cand, more_hints = _one_quote(view, m, voc, run_class if listed else None)
            view.protected.append((m.start(), m.end()))
            if cand:
                out.extend(cand)
                hints.extend(more_hints)
    _fold_formulas(view, found, out)
    return out, hints


def _fold_formulas(view: _View, found: list[re.Match], out: list[Candidate]) -> None:
    """“一平、二听…”信访工作“六步法”: an enumeration quoted just before a named method is its alias."""
    for a, b in zip(found, found[1:]):
        gap = view.text[a.end():b.start()]
        if len(gap) > 8 or re.search(r"[，,。；;、]", gap) or not re.search(r"[、，,]", a.group(1)):
            continue
        target = next((c for c in out if c.start <= b.start() < c.end), None)
        if target is None:
            continue
        out[:] = [c for c in out if not (c.start == a.start() and c is not target)]
        target.aliases = tuple(sorted(set(target.aliases) | {a.group(1)}))


def _class_of(clause: str, voc: _Vocab) -> str | None:
    """Type of the class noun after a list of quoted names (…等一批服务阵地 → Facility)."""
    for n in range(len(clause), 0, -1):
        phrase = clause[:n]
        word = _type_word_end(phrase, voc.quote_types, voc.quote_type_lengths)
        if word:
            return voc.quote_types[word][0]
        for k in voc.head_lengths:
            if phrase[-k:] in voc.heads and len(phrase) >= k:
                return voc.heads[phrase[-k:]][0]
    if "阵地" in clause:
        return "Facility"
    return None


def _one_quote(view: _View, m: re.Match, voc: _Vocab, run_class: str | None
               ) -> tuple[list[Candidate], list[Hint]]:
    text, sidx = view.text, view.sentence.index
    raw = m.group(1).strip()
    content = raw.rstrip("+＋").strip()
    if not content:
        return [], []
    after = text[m.end():]
    before = text[:m.start()]
    if (before.endswith("由") and re.match(r"[^，,。；;]{0,3}向“", after)) or (before.endswith("向") and "由“" in before) \
            or re.match(r"到“", after) or (before.endswith("”到") and re.match(r"的?[^，,。；;]{0,4}(?:过渡|转变|转型|跨越)", after)):
        return [], []  # 由“单一型”向“全能型”, “粗放”到“集约”的过渡: a change of state, not names
    if (after.startswith("创建") or re.match(r"(?:名单|榜单|排行榜|榜)", after)) and _honor_like(content, voc) \
            or _A_RATED.fullmatch(content):  # “5A级某某中心”: a grade, the honour, not the site
        qual = _qualifier(view, m.start(), voc)
        return [Candidate(content, "Award", sidx, m.start(), m.end(), aliases=(qual + content,) if qual else (),
                          confidence=0.75, priority=2, rule="quote-award")], []
    if re.match(r"(?:等\d*个?)?(?:超强)?台风", after) or before.endswith(("台风", "至", "呈现")) or (
            before.endswith("发挥") and content[0] not in _NUMERALS) or (
            before.endswith("等") and re.match(r"[，,。；;]", after)) or re.fullmatch(r"(?:.[—-])+.", content):
        return [], []  # a typhoon's name, a point in time, an outcome, a label for what was listed, a chain
    if after.startswith(_NOT_NAMED_AFTER):
        return [], []  # “某某”能力, “某某”发生率, “某某”成功: a skill, a rate or a feat, no name
    if after.startswith("问题") and all(t.tag[:1] in ("d", "v", "a") for t in tokens(content)):
        return [], []  # 群众“急难愁盼”问题: the people's troubles described, no campaign
    if after.startswith("号") and not re.search(r"[、，, ]", content):
        return [_vessel(view, m, content, voc)], []
    phrase, word, end = _trailing(view, m.end(), voc)
    if _PERIOD.fullmatch(content) and after.startswith("普法"):  # “九五”普法: the five-year legal campaign
        return [Candidate(content + "普法", "Program", sidx, m.start(), m.end() + 2,
                          confidence=0.8, priority=2, rule="quote-period")], []
    if _PERIOD.fullmatch(content) and word not in ("规划", "规划纲要"):  # “十四五”时期: the plan of the period
        return [Candidate(content, "PolicyDocument", sidx, m.start(), m.end(),
                          aliases=(content + "规划", content + "时期"), confidence=0.8, priority=2,
                          rule="quote-period")], []
    aliases = {raw} if raw != content else set()
    cands: list[Candidate] = []
    hints: list[Hint] = []
    adjectival = len(content) <= 5 and content.endswith(_ADJECTIVAL) and not re.search(r"[、，, ]", content)

    if word:
        typ, naming = voc.quote_types[word]
        if typ == "Program" and len(items := content.split("、")) >= 2 and all(
                len(i.strip()) >= 4 and (i.endswith("年") or i.endswith(("行动", "工程", "活动"))) for i in items):
            at = m.start() + 1 + raw.find(items[0])  # “项目提质年、乡村和美年”活动: a campaign each year;
            for item in items:  # “某某先锋行动、某某创建行动”四项行动: each action (the rule keeps its first name,
                lead = len(item) - len(item.lstrip())  # which the confidence table counts by)
                cands.append(Candidate(item.strip(), "Program", sidx, at + lead, at + len(item), confidence=0.8,
                                       priority=2, rule="quote-years"))
                at += len(item) + 1
            return cands, hints
        full = raw + phrase  # “互联网+”行动 keeps its plus
        if raw != content:
            aliases.add(content + phrase)
        qual = _qualifier(view, m.start(), voc)
        if naming == "full" and not (typ == "Concept" and word == "文章" and len(content) > 4):
            name = full
            aliases.add(content) if not adjectival and len(content) >= 2 else None
        else:
            name = content
            aliases.add(full)
        if qual and typ in ("Organization", "Facility") and naming == "full":
            aliases.add(name)
            name = qual + full
        elif qual and typ in ("Mechanism", "PolicyDocument", "Organization", "Program"):
            aliases.add(qual + full)
        if typ == "Concept" and re.search(r"[、，, ]", content) is None and word in ("精神", "理念") and len(
                content) < 3:
            return [], []
        conf = 0.85
        if adjectival and naming != "full" or naming != "full" and content in voc.rhetoric:
            return [], []  # (通过“头脑风暴”碰撞…思路: a figure of speech, whatever follows it)
        if typ == "Award" and _award_generic(name, voc):
            return [], []
        cands.append(Candidate(name, typ, sidx, m.start(), end, aliases=tuple(sorted(aliases - {name})),
                               confidence=conf, priority=2, rule=f"quote+{word}"))
        if (v := _VERSION.match(text[end:])) is not None:
            version = name + v.group(1)
            cands.append(Candidate(version if naming == "full" else content + word + v.group(1), typ, sidx,
                                   m.start(), end + len(v.group(1)),
                                   aliases=(version.replace("版本", "版"),), confidence=0.8, priority=2,
                                   rule="quote-version"))
            cands[0] = Candidate(content, typ, sidx, m.start(), m.end(), confidence=0.85, priority=2,
                                 nested=True, rule="quote-base")
            hints.append(Hint(cands[1].name, "partOf", content, sidx, 0.8, "版"))
        return cands, hints

    if raw.endswith(("+", "＋")) and (tail := re.match(rf"[{_CJK}]{{3,6}}(?=[，,。；;、])", after)):
        return [Candidate(raw + tail.group(0), "Mechanism", sidx, m.start(), m.end() + len(tail.group(0)),
                          confidence=0.7, priority=2, rule="quote-plus")], []  # “信用+”某治理
    if after.startswith("的"):
        return _quote_of(view, m, content, aliases, voc), []

    if adjectival:
        return [], []
    qual = _qualifier(view, m.start(), voc)
    if re.search(r"(?:企业|公司)$", before) and 2 <= len(content) <= 10 and not _own_type(content, voc) \
            and content not in voc.rhetoric \
            and not re.search(r"[+＋、]|[包单卡码证券源]$|^[一二两三四五六七八九十]|^[\u4e00-\u9fff]改[\u4e00-\u9fff]$", content) \
            and not re.match(rf"等?[{_CJK}]{{0,2}}(?:{_KIND_AFTER_QUOTE})", after):  # (企业“服务包”: a service given)
        return [Candidate(content, "Organization", sidx, m.start(), m.end(), aliases=tuple(aliases),
                          confidence=0.7, priority=2, rule="quote-firm")], []  # 制造企业“某某科技”: the firm's name
    if after.startswith("创建") and _honor_like(content, voc):
        return [Candidate(content, "Award", sidx, m.start(), m.end(), aliases=(qual + content,) if qual else (),
                          confidence=0.75, priority=2, rule="quote-award")], []
    own = _own_type(content, voc)
    if _COMMITTEES.fullmatch(content):  # 村“两委”, 社区“两委”: the committees of the unit before the quote
        unit = re.search(r"(?:村|社区|嘎查)$", before)
        qual = unit.group(0) if unit else ""
    if own in (None, "Place") and _ROAD_KIND_QUOTED.fullmatch(content):
        return [], []  # 打通“断头路”、建设“民生路”, 新增“最干净道路”: kinds of road, in quotes; no road's name
    if own and content in voc.rhetoric:
        return [], []  # 打造社区品牌“新亮点”: a figure of speech, though it ends like a facility (点)
    if own:
        name = content
        if qual and own in ("Mechanism", "Organization", "Facility"):
            name = qual + content
            aliases.add(content)
        elif qual and own == "PolicyDocument":
            aliases.add(qual + content)
        if own == "Award" and _award_generic(name, voc):
            return [], []
        return [Candidate(name, own, sidx, m.start(), m.end(), aliases=tuple(sorted(aliases - {name})),
                          confidence=0.85, priority=2, rule="quote-own")], []
    if _is_rhetoric(content, voc) or _PERIOD.fullmatch(content) or \
            re.fullmatch(r"[\d·.、\s-]+", content) or _TIME_LIMIT.fullmatch(content):
        return [], []  # “十四五” is a period, “7·31” a date, “最多60天” a time limit
    if run_class:  # “美丽、智慧、人文”等五个社区建设: qualities listed in one quote are ideas, not places
        typ = "Concept" if "、" in content and run_class in ("Place", "ResidentialArea", "Facility") else run_class
        return [Candidate(content, typ, sidx, m.start(), m.end(), aliases=tuple(aliases),
                          confidence=0.75, priority=2, rule="quote-list")], []
    if before.endswith("以") and re.match(r"为(?:目标|方向|愿景)", after):
        return [Candidate(content, "Concept", sidx, m.start(), m.end(), aliases=tuple(aliases), confidence=0.7,
                          priority=2, rule="quote-aim")], []  # 以“产业强镇”为目标: the aim, a slogan
    if re.match(r"为主题", after) or (before.endswith("以") and "为主题" in after[:12]):
        return [Candidate(content, "Program", sidx, m.start(), m.end(), confidence=0.75, priority=2,
                          rule="quote-theme")], []
    numeric = content[0] in _NUMERALS or _ALNUM_QUOTE.search(content)
    if len(content) == 2 and not numeric and not _cue_before(view, m.start(), voc) and not re.match(
            rf"[{_CJK}]", after[:1] or "。"):
        return [], []
    if len(content) == 2 and before.endswith("的"):
        return [], []
    conf = 0.7 if _cue_before(view, m.start(), voc) else 0.55
    by_length = _shape_type(content) != _shape_type(content, "city")  # typed by the level's default alone
    typ = _shape_type(content, view.level)
    if (told := _told_by_next_word(typ, after)) is not None:
        return [Candidate(content, told, sidx, m.start(), m.end(), aliases=tuple(aliases), confidence=conf,
                          priority=2, rule="quote-next-word")], []
    return [Candidate(content, typ, sidx, m.start(), m.end(), aliases=tuple(aliases),
                      confidence=conf, priority=2, rule="quote-shape:long" if by_length else "quote-shape")], []


_STANDING = re.compile(r"(?:战略|全新|新|总体)?(?:定位|大局)|(?:基本|总|重要)?要求")
_CAMPAIGN_WORK = re.compile(r"(?:建设|成效|改造)(?![区者])")


def _told_by_next_word(shaped: str, after: str) -> str | None:
    """The word right after a quote no type word follows, when it says more than the quote's shape:
    “某某”全新定位 / 大局 / 要求 is a standing, a cause or a principle (Concept); a way of working by its shape that is built,
    done or shows results (“某某”建设, “某某”改造, “某某”成效显著) is a campaign (Program)."""
    if _STANDING.match(after):
        return "Concept"
    if shaped == "Mechanism" and _CAMPAIGN_WORK.match(after):
        return "Program"
    return None


_NOT_NAMED_AFTER = ("能力", "发生率", "成功")


def _vessel(view: _View, m: re.Match, content: str, voc: _Vocab) -> Candidate:
    """“某某”号大洋钻探船: a ship, craft or rig named in quotes with 号, and the kind of craft written after
    it (nouns, and verbs between them) as part of its name."""
    end = m.end() + 1
    toks = view.toks[view.token_at(end):]
    for k, tok in enumerate(toks):
        between_nouns = tok.tag.startswith("v") and tok.text not in voc.stop and 0 < k < len(toks) - 1 \
            and toks[k - 1].tag.startswith("n") and toks[k + 1].tag.startswith("n")  # 大洋|钻探|船: a verb inside
        if tok.start != end or not (tok.tag.startswith("n") or between_nouns) or tok.end - m.end() > 9:
            break
        end = tok.end
    name = content + view.text[m.end():end]
    return Candidate(name, "Facility", view.sentence.index, m.start(), end,
                     aliases=(content + "号",) if end > m.end() + 1 else (), confidence=0.7, priority=2,
                     rule="quote-vessel")


def _quote_of(view: _View, m: re.Match, content: str, aliases: set[str], voc: _Vocab) -> list[Candidate]:
    """“X”的NP: a slogan of a concept (的良好氛围), or the formula of a named mechanism (的…工作机制)."""
    sidx = view.sentence.index
    if re.match(rf"[{_NUMERALS}\d]+个", content) and len(content) >= 4:  # “两个某某”的…意义: a numbered formula
        return [Candidate(content, "Concept", sidx, m.start(), m.end(), aliases=tuple(aliases), confidence=0.75,
                          priority=2, rule="quote-of-formula")]
    rest = view.text[m.end() + 1:]
    clause = re.split(rf"[^{_CJK}\w+＋]", rest, maxsplit=1)[0][:14]
    word = None
    for n in range(len(clause), 1, -1):
        word = _type_word_end(clause[:n], voc.quote_types, voc.quote_type_lengths)
        if word:
            clause = clause[:n]
            break
    if not word:
        return []
    typ, _ = voc.quote_types[word]
    if typ == "Concept" and len(content) >= 4:
        return [Candidate(content, "Concept", sidx, m.start(), m.end(), aliases=(content + clause,),
                          confidence=0.7, priority=2, rule="quote-of-concept")]
    if typ == "Mechanism":
        if "+" in content or "＋" in content:
            name = clause if len(clause) >= 6 else content + clause
        else:
            name = content if re.search(r"[、，, ]", content) else content + clause
        al = {content, content + clause} - {name}
        return [Candidate(name, "Mechanism", sidx, m.start(), m.end() + 1 + len(clause),
                          aliases=tuple(sorted(al | aliases)), confidence=0.75, priority=2,
                          rule="quote-of-mechanism")]
    return []


def _award_generic(name: str, voc: _Vocab) -> bool:
    core = _SCOPE_PREFIX.sub("", name)
    return core in voc.award_generic or len(core) < 2 or (any(core.endswith(g) for g in voc.award_generic)
                                                          and not _RATED.search(core)) \
        or bool(re.search(r"以上|首位|数量|均居|[A-Z]级", core))


_RATED = re.compile(r"^.{4,}考核(?:优秀|良好|好的|先进)?等次$")  # 某某考核优秀等次: a named rating, not 优秀等次 alone


def _honor_like(phrase: str, voc: _Vocab) -> bool:
    return any(w in phrase for w in voc.honor) and not _award_generic(phrase, voc)


def _titled(phrase: str, voc: _Vocab) -> bool:
    """An honour's name by its words or by its end (某某奖, “某某”称号): an item of a list of titles."""
    return _honor_like(phrase, voc) or _PRIZE_END.search(phrase) is not None or _PILOT_PLACE.search(phrase) is not None


_SCOPED_TITLE = re.compile(rf"(?:全国|国家级|国家|全省|省级)[{_CJK}]{{2,20}}(?:基地|园区|示范区|县|市|城市)")  # 被评为全国某某基地
_PILOT_PLACE = re.compile(r"试点(?:县|市|城市|区|园区|镇|乡|村|单位|地区)”?$")  # 全国某某试点县: a place chosen, an honour


# cue_done verbs (award_words.tsv) that also take things no honour is (获得资金, 通过验收, 列入规划): what follows
# them is an honour only when its words say so; every other cue_done verb names one by itself
_WEAK_AWARD_CUES = frozenset({"获得", "获", "获批", "通过", "新创建", "列入", "跻身", "命名为", "被命名为", "确定为", "被确定为"})  # 命名为“某某园区”: its name
_NATIONAL_START = re.compile(r"国家级|国家|全国|省级")
_GRADED_ZONE = re.compile(rf"(?:国家级|省级|自治区级)[{_CJK}]{{1,8}}(?:区|园区|景区|度假区|基地)")  # 创建国家级某某区
_AWARD_CLASS = r"(?:城市|城区|县城|区|县|市|镇|乡|村|街道|社区|单位|集体|称号|奖|示范区|示范点|先进|模范|站|中心|园区|基地|医院|学校)$"


_RANKS_JOINED = re.compile(rf"(?:进入|跻身|迈入|入围)(?:((?:全国|全球|世界|国家|省级|全省)[{_CJK}A-Z\d]{{2,20}}?)(?:行列|之列)"
                           rf"|([{_CJK}A-Z]{{2,20}}?(?:百强|十强|五百强|\d+强)(?:县|市|区|镇|企业)?))"
                           rf"|稳居([{_CJK}A-Z\d\-－—]{{2,24}}?榜首)")


# 成为全球唯一的某某之城, 成为首个千亿级某某集群: a title only one or the first holds
_BECAME_ONLY = re.compile(rf"成为(?:全球|全国|全省|世界|国内)?(?:唯一的?|首个|首批)"
                          rf"([{_CJK}A-Z\d]{{2,16}}?(?:之城|集群|名城|示范区|示范市|示范城市|示范街道|示范街镇|示范社区|示范县|示范镇))"
                          rf"(?=[，,。；;]|$)")


# 成为国家某某安全县, 成为全国某某示范区: a national title a county, city or district holds
_BECAME_TITLED = re.compile(rf"成为((?:全国|国家级|国家|中国)[{_CJK}]{{2,14}}?(?:示范区|示范县|示范市|县|市|城市|城区|区))"
                            rf"(?=[，,。；;、]|$)")


_HONOUR_TITLE = rf"((?:全球|世界|全国|国家级|国家|中国|省级)[{_CJK}\d“”]{{2,16}}?(?:工厂|企业|传承人|院士))"
_TITLES_COUNTED = re.compile(rf"{_HONOUR_TITLE}(?=(?:增至|达到|达|累计)?\d+(?:家|名|位|个))|\d+(?:家|名|位){_HONOUR_TITLE}")


_PEOPLE_COUNTED = re.compile(r"(?<=[\u4e00-\u9fff])\d+(?:人|名|位)$")
_HOLDERS_COUNTED = re.compile(r"(?<=[奖章号牌])\d+(?:人|名|项|个|家|次|人次)$")
_BODY_CENTRE = re.compile(r"(?:疾控|疾病预防控制|仲裁|交易|研究|保护)中心$")
_FOOTNOTE = re.compile(r"［\d{1,3}］|\[\d{1,3}\]|〔\d{1,3}〕|[①-⑳]")
_GRADES_SHARED = re.compile(r"^([\u4e00-\u9fff]*?)(\d+A|[一二三四五]星)和(\d+A|[一二三四五]星)(级[\u4e00-\u9fff]+)$")
_PRIZE_END = re.compile(r"(?:[一二三]等奖|奖|称号)”?$")


_RATING = re.compile(
    rf"([{_CJK}]{{2,14}}?考核)中?(?:连续(?:\d+|[{_NUMERALS}]+)[年次届])?(?:均|再次|首次)?(?:获评|获得|获|被评为|评为)"
    rf"(“[{_CJK}]{{1,4}}”的?等次|(?:国家|全国|省级)?[A-Z\d]{{1,2}}级|(?:优秀|良好|先进)等次)"
    rf"|(?:获评|获得|获|被评为|评为)((?:国务院|国家|全国|省|[{_CJK}]{{2,6}}?)考核(?:优秀|良好|好的|先进)等次)")


def _reviewed(awards: list[Candidate], voc: _Vocab) -> list[Candidate]:
    """The programme a rating reviews (某某行动考核优秀等次 → 某某行动): named inside the honour."""
    out = []
    for c in awards:
        cut = c.name.find("考核")
        subject = re.sub(r"(?:国家|国务院|全国|工作)+$", "", c.name[:cut]) if cut > 0 else ""
        typ = _head_type(subject, voc) if len(subject) >= 4 else None
        if typ in ("Program", "Mechanism"):
            out.append(Candidate(subject, typ, c.sentence, c.start, c.start + len(subject), confidence=0.6,
                                 priority=2, nested=True, rule="reviewed"))
    return out


def _ratings(view: _View, voc: _Vocab) -> list[Candidate]:
    """A rating a review gave (某某工作考核连续4年获“好”的等次, 获国务院考核优秀等次): the review and the grade
    make the honour's name."""
    out = []
    for m in (_RATING.finditer(view.text) if "考核" in view.text else ()):
        if m.group(3):
            name, start, end, aliases = m.group(3), m.start(3), m.end(3), ()
        else:
            review, start = _drop_opening_verbs(view, m.group(1), m.start(1), voc)
            grade = m.group(2).replace("“", "").replace("”", "")
            name, end, aliases = review + grade, m.end(2), (grade,) if len(grade) >= 4 else ()
        if len(name) >= 6 and not view.is_protected(start, m.end(1) if m.group(1) else end):
            out.append(Candidate(name, "Award", view.sentence.index, start, end, aliases=aliases, confidence=0.7,
                                 priority=3, rule="award:rating"))
    return out


_A_RATED = re.compile(rf"(?:国家)?[1-5]A级(?:旅游)?景区(?!以上)|[1-5]A级[{_CJK}]{{2,8}}?(?:组织|中心|机构|企业|单位)(?!以上)")
# the national grades of scenic areas, and the A grades of social organisations, service centres, logistics firms
_PURSUED = re.compile(r"创建(?=工作|力度|成果|经验|指标|扎实|稳步|深入|全面|取得|[，,。；;、]|$)")
_MANNER = frozenset("全面 进一步 持续 大力 积极 扎实 着力 深入".split())  # words of how, before a verb
_OPENING_ACTS = frozenset("启动 推进 开展 实施 加快 全力".split())  # jieba tags some as nouns (启动/vn, 全力/n)
_PURSUED_CLASS = re.compile(r"(?:城市|城区|县|区|市|镇|乡|村|社区|单位|之城|示范点|先行区)(?:（区）|\(区\))?$")


def _pursued_titles(view: _View, voc: _Vocab) -> list[Candidate]:
    """Titles named before 创建 (某某示范区创建扎实推进, 加快某某县、某某县创建, 国家某某城市创建工作): the
    words back to the clause's start, less its verbs and adverbs, split at 、 and 和."""
    out = []
    text = view.text
    for m in _PURSUED.finditer(text):
        start = max(text.rfind(p, 0, m.start()) for p in "，,。；;：:") + 1
        if voc.award_cue.search(text, start, m.start()):
            continue  # 巩固某某创建成果: the award verb's rule reads it
        toks = [t for t in view.toks if start <= t.start and t.end <= m.start()]
        acts = [n for n, t in enumerate(toks) if t.tag in ("v", "p") or t.text in _OPENING_ACTS]
        if acts:
            toks = toks[acts[-1] + 1:]  # 三是按照某某批复全力启动某某小镇创建: the title follows the last act
        while toks and (toks[0].tag[:1] in ("v", "d", "c", "p") or toks[0].text in _GOVERNING or toks[0].text in _MANNER) \
                and not toks[0].text.startswith(("全国", "国家", "全域")):
            toks = toks[1:]
        if not toks:
            continue
        pos = toks[0].start
        for item in re.split(r"[、和]", text[pos:m.start()]):
            name = item.replace("“", "").replace("”", "")
            at = text.find(item, pos)
            pos = at + len(item) + 1
            if len(name) >= 4 and _PURSUED_CLASS.search(name) and not re.search(r"[^\u4e00-\u9fff（）()]", name) \
                    and (_honor_like(name, voc) or _SCOPE_PREFIX.match(name) or len(name) >= 6):
                scopeless = _SCOPE_PREFIX.sub("", name)
                out.append(Candidate(name, "Award", view.sentence.index, at, at + len(item),
                                     aliases=(scopeless,) if scopeless != name and len(scopeless) >= 4 else (),
                                     confidence=0.7, priority=3, rule="award:pursued"))
    return out


def _awards(view: _View, voc: _Vocab) -> list[Candidate]:
    """Honours after award verbs: 荣获X, 成功创建为X, 通过X评审, 积极创建X和Y, 巩固X成果, 进入X行列; titles
    counted as holders (全球某某工厂增至10家, 新增58名国家级某某传承人); titles before 创建; the A grades of
    scenic areas wherever they stand (入选国家nA级景区, 新增nA级旅游景区1个)."""
    text, sidx = view.text, view.sentence.index
    out = [Candidate(m.group(g), "Award", sidx, m.start(g), m.end(g), confidence=0.75, priority=3, rule="award:行列")
           for m in _RANKS_JOINED.finditer(text) for g in (next(i for i in (1, 2, 3) if m.group(i)),)]
    out += [Candidate(m.group(1), "Award", sidx, m.start(1), m.end(1), confidence=0.65, priority=3, rule="award:成为")
            for m in (itertools.chain(_BECAME_ONLY.finditer(text), _BECAME_TITLED.finditer(text))
                      if "成为" in text else ())]
    graded = [Candidate(m.group(), "Award", sidx, m.start(), m.end(), confidence=0.75, priority=3, rule="award:grade")
              for m in _A_RATED.finditer(text)] if "A级" in text else []
    if "创建" in text:
        out += _pursued_titles(view, voc)
    found = _award_cue_candidates(view, voc)
    out += found + [g for g in graded if not any(c.start < g.end and g.start < c.end for c in found)]
    return out + (_community_holders(view, voc) if "社区" in view.text else [])


_COMMUNITY_HOLDER = re.compile(rf"(?:^|(?<=[，,；;。、和]))([{_CJK}]{{2,4}})社区$")


def _community_holders(view: _View, voc: _Vocab) -> list[Candidate]:
    """某某社区荣获…: a community that receives an honour is named by it (社区 alone is no head: 城市社区,
    和谐社区 are kinds), when the words before 社区 name it."""
    out = []
    for m in voc.award_cue.finditer(view.text):
        if m.group(0) not in voc.award_done:
            continue
        held = _COMMUNITY_HOLDER.search(view.text, 0, m.start())
        if held and _names_a_community(held.group(1), voc) and not view.is_protected(held.start(1), m.start()) \
                and _specific(held.group(1), [t for t in view.toks if held.start(1) <= t.start < held.end(1)], voc,
                              "ResidentialArea"):
            out.append(Candidate(held.group(1) + "社区", "ResidentialArea", view.sentence.index, held.start(1),
                                 m.start(), confidence=0.6, priority=2, rule="award-holder"))
    return out


_COMMUNITY_SUBJECT = re.compile(
    rf"(?:^|(?<=[，,；;。：:])|(?<=\d年度)|(?<=\d年)(?!度))(?![在对向为到从])([{_CJK}]{{2,4}}?)社区(?=被|以|先后|通过|建立|建成|开展|组织|实施|推出|荣获|获得|获评|位于|辖|召开|举办|举行|"
    rf"共有|现有|积极|围绕|持续|深入|着力|全面|开工|完成|实现|成功|新建|总人口|常住|户籍|面积|\d|[“《]|和[{_CJK}]{{2,4}}社区|、[{_CJK}]{{2,4}}社区)")
_COMMUNITY_AT = re.compile(rf"(?<=[在对])([{_CJK}]{{2,4}}?)社区(?=[，,]|打造|建立|建设|开展|设立|试点|推行|探索|成立|实施|推出|"
                           rf"进行|铺设|新建|修建|安装|举办)")
_COMMUNITIES_LISTED = re.compile(rf"(?:^|(?<=[，,；;。：:）)]))((?:[{_CJK}]{{2,4}}?社区、)+[{_CJK}]{{2,4}}?社区)")
_KIND_OF_COMMUNITY = re.compile(r"^(?:和谐|文明|智慧|平安|绿色|美丽|示范|未来|老旧|完整|星级|数字|现代|各个|所有|全部|城市|农村|试点|重点|典型|样板|先进|特色|达标|辖区|相关|涉及)")


_ITEM_OPENING = re.compile(r"[一二三四五六七八九十]+是")   # 一是…, 七是…: a point of a list opens the clause


def _names_a_community(stem: str, voc: _Vocab) -> bool:
    """The words before 社区 name one community, not a kind (和谐, 城市) or every one (各, 全)."""
    return stem not in voc.generic and not _KIND_OF_COMMUNITY.match(stem) and not _NOT_LOCAL_STEM.search(stem) \
        and stem[:2] not in _GOVERNING  # (建设未来社区12个: a kind built, the verb opens the clause)


_DESCRIBED_VILLAGE = re.compile(rf"的([{_CJK}]{{2}})村(?=[，,。；;、]|$)")


def _villages_described(view: _View, voc: _Vocab) -> list[Candidate]:
    """以某某为特色的西地村: a village named after a description, its two characters words jieba does not know
    (西|地|村), is named; a dictionary word (新农村) or a kind (美丽乡村) is not."""
    out = []
    for m in _DESCRIBED_VILLAGE.finditer(view.text):
        stem, name = m.group(1), m.group(1) + "村"
        if m.start(1) in view.starts and m.start(1) + 1 in view.starts and name not in word_tags() \
                and _names_a_community(stem, voc) and stem[0] not in _NUMERALS and not view.is_protected(m.start(1), m.end()):
            out.append(Candidate(name, "ResidentialArea", view.sentence.index, m.start(1), m.end(), confidence=0.5,
                                 rule="village-described"))
    return out


def _community_subjects(view: _View, voc: _Vocab) -> list[Candidate]:
    """某某社区被评为…, 某某社区以…为主要内容, 甲社区和乙社区通过…, 在某某社区打造…: a community that opens
    a clause and acts, or where the work is done, is named (社区 alone is no head: 加强社区建设, 和谐社区 are kinds)."""
    out = []
    for m in itertools.chain(_COMMUNITY_SUBJECT.finditer(view.text), _COMMUNITY_AT.finditer(view.text)):
        stem, at = m.group(1), m.start(1)  # 在某某社区打造…, 在某某社区，结合…: where the work is done names it
        bare, bare_at = _drop_lead_verbs(view, stem, at, voc)
        if len(bare) >= 2:
            stem, at = bare, bare_at  # ，协助某某社区、…: the clause's verb is no part of the name
        if not _names_a_community(stem, voc) or view.is_protected(at, m.end()) or at not in view.starts \
                or _ITEM_OPENING.match(stem) or view.text[m.end():m.end() + 1] in ("“", "《") and word_tags().get(
                stem, "")[:1] == "v":
            continue  # 七是社区…: the seventh point; 组建社区“某某”: a verb before a quote, no community named
        out.append(Candidate(stem + "社区", "ResidentialArea", view.sentence.index, at, m.end(),
                             confidence=0.6, priority=2, rule="community-subject"))
    for i, t in enumerate(view.toks):  # 深入某某湖社区: place words before 社区 name the community wherever it stands
        if t.text != "社区" or i < 1 or view.toks[i - 1].tag != "ns":
            continue
        j = i - 1
        while j > 0 and view.toks[j - 1].tag == "ns" and t.start - view.toks[j - 1].start <= 4:
            j -= 1
        stem = view.text[view.toks[j].start:t.start]
        if 2 <= len(stem) <= 4 and not stem.endswith(DIVISION_ENDS) and stem not in _provinces() \
                and _names_a_community(stem, voc) \
                and not view.is_protected(view.toks[j].start, t.end):
            out.append(Candidate(stem + "社区", "ResidentialArea", view.sentence.index, view.toks[j].start, t.end,
                                 confidence=0.6, rule="community-place-words"))
    for m in _COMMUNITIES_LISTED.finditer(view.text):  # 甲社区、乙社区、丙社区3个安置区: each listed
        pos = m.start(1)
        for n, item in enumerate(m.group(1).split("、")):
            at = view.text.find(item, pos)
            pos = at + len(item)
            stem = item[:-2]
            if n == 0 and len(bare := _drop_lead_verbs(view, stem, at, voc)[0]) >= 2:
                at, stem, item = at + len(stem) - len(bare), bare, bare + "社区"
            if stem not in voc.generic and not _KIND_OF_COMMUNITY.match(stem) and not re.search(r"[各每全本该]", stem) \
                    and at in view.starts and not any(c.start == at for c in out):
                out.append(Candidate(item, "ResidentialArea", view.sentence.index, at, at + len(item),
                                     confidence=0.6, priority=2, rule="community-subject"))
    return out


_TITLES_LISTED = re.compile(r"了?([^。；;，,：:]{4,300}?)等(?:\d+|[一二三四五六七八九十百]+)?多?[项个]?"
                            r"(?:(?:国家级|省级|市级|区级|县级|各级|各类|国家|省|市|[国省市]字号)[、和及]?)*(?:荣誉|称号|奖项|殊荣)")


_QUOTED_RUN = re.compile(r"(?:“[^“”]{2,40}”){2,}(?=([，,]?(?:以及|及|和))?)")  # 荣获“甲”“乙”“丙”: touching quotes


def _listed_titles(listed: str, at: int, cue: str, view: _View) -> list[Candidate]:
    """荣获(了)A、B、C等荣誉称号: every title of the list is an honour, whatever its words."""
    out, pos = [], at
    for item in re.split(r"、|(?<=”)(?=“)", listed):  # “甲”“乙”“丙”等荣誉: quotes touching, no 、
        start = view.text.find(item, pos)
        pos = start + len(item)
        name = _YEAR_PREFIX.sub("", re.sub(r"[“”‘’]", "", item))
        if 4 <= len(name) <= 40:
            out.append(Candidate(name, "Award", view.sentence.index, start, start + len(item),
                                 aliases=(item,) if item != name else (), confidence=0.8, priority=3,
                                 rule=f"award:{cue}"))
    return out


def _award_cue_candidates(view: _View, voc: _Vocab) -> list[Candidate]:
    """The honours the award verbs name (荣获X, 晋升为国家3A和4A级旅游景区, 巩固X成果…)."""
    text, sidx = view.text, view.sentence.index
    out: list[Candidate] = []
    for m in _TITLES_COUNTED.finditer(text):
        g = 1 if m.group(1) else 2
        name = m.group(g).replace("“", "").replace("”", "")
        out.append(Candidate(name, "Award", sidx, m.start(g), m.end(g), confidence=0.6, priority=3,
                             rule="award:counted"))
    for m in voc.award_cue.finditer(text):
        cue = m.group(0)
        if cue == "获" and text[m.end():m.end() + 1] in ("得", "批", "悉", "取"):
            continue
        rest = text[m.end():]
        titled = _TITLES_LISTED.match(rest) if cue in voc.award_done else None
        if titled and ("、" in titled.group(1) or "”“" in titled.group(1)):
            out += _listed_titles(titled.group(1), m.end() + titled.start(1), cue, view)
            continue
        quoted = _QUOTED_RUN.match(rest) if cue in voc.award_done else None
        if quoted and any(_titled(q, voc) for q in re.findall(r"“[^”]+”", quoted.group(0))):
            out += _listed_titles(quoted.group(0), m.end(), cue, view)  # 荣获“甲”“乙”“丙”，以及…: each quote
            more = _TITLES_LISTED.match(rest, quoted.end() + len(quoted.group(1) or ""))
            if quoted.group(1) and more:  # …，以及“丁”“戊”等多项荣誉: the list goes on after 以及
                out += _listed_titles(more.group(1), m.end() + more.start(1), cue, view)
            continue
        listed = re.split(r"[，,。；;：:！!？?]", rest, maxsplit=1)[0]
        if cue in voc.award_done and "、" in listed and not text[:m.start()].endswith("分别") and all(
                (_titled(p, voc) or _SCOPED_TITLE.fullmatch(p)) and not re.search(r"[《》]|获", p)
                for p in listed.split("、")):
            out += _listed_titles(listed, m.end(), cue, view)  # 荣获A、B、C: every honour of the list
            continue
        ends = r"[，,。；;：:！!？?]|等(?:各级|各类|多项|国家级|省级|市级|[、和])*荣誉|的好成绩|并(?=[成获])"
        each = text[:m.start()].endswith("分别")  # 甲、乙分别入选A、B: every listed honour
        stop = re.search(ends + ("|、" if cue in voc.award_done and not each else ""), rest)
        obj_end = m.end() + (stop.start() if stop else len(rest))
        obj = text[m.end():obj_end]
        whole_stop = re.search(ends, rest)
        whole = rest[:whole_stop.start()] if whole_stop else rest
        lead = _NATIONAL_START.search(whole, 1)
        if lead and view.home is not None and any(n in whole[:lead.start()] for n in view.home.names):
            obj = whole[lead.start():]  # 新创建某市某县、某市某物国家…示范区: the places hold it, the name starts at 国家
            obj_end = m.end() + len(whole)
        if re.fullmatch(rf"(?:全国|全省|全市|全区)?(?:\d+|[{_NUMERALS}]+)个", obj) and (
                q := re.search(r"“([^”]{2,40})”", whole)):
            obj = q.group(1)  # 被评为全国20个、某省唯一的“某某地”: one of a few, the title is quoted after
            obj_end = m.end() + q.end(1)
        if (only := _ONE_OF_A_SCOPE_QUOTED.fullmatch(obj)) and only.start(1) > 1:
            obj = obj[only.start(1) - 1:]  # 获评全省唯一一个“某某名城”: the title is the quoted name
            obj_end = m.end() + only.end()
        if year_first := re.match(r"(?:19|20)\d{2}(?=[\u4e00-\u9fff])(?!年)", obj):
            obj = obj[year_first.end():]  # 入选2022中国西部百强县市: the list's year, no count and no part of the title
        if obj.startswith(("了", "得", "人数", "人次", "数量", "比例")) or re.match(r"\d+(?!\d*年)", obj) \
                or re.search(r"等(?:试点|项目|单位|地区|城市)$", obj):
            continue  # 入围某某应用等试点: a kind of pilots joined, no title named
        if cue == "通过":
            t = REVIEWED.search(obj)
            if not t:
                continue
            obj = obj[:t.start()]
            obj_end = m.end() + len(obj)
        counted = _HOLDERS_COUNTED.search(obj)
        if counted and counted.start() >= 3:  # 获某某奖2人: the prize, not how many won it
            obj = obj[:counted.start()]
            obj_end = m.end() + len(obj)
        if (honours := _HONOURS_COUNTED.search(obj)) and honours.start() >= 4:
            obj = obj[:honours.start()]  # 荣获全国某某先进区等国家和省市荣誉95项: the first title, the rest counted
            obj_end = m.end() + len(obj)
        named_titles = obj.endswith("称号")  # 荣获“甲”和“乙”称号: the word says both are titles
        for w in voc.award_trim:
            if obj.endswith(w) and len(obj) > len(w):
                obj = obj[: -len(w)]
                obj_end = m.end() + len(obj)
                break
        parts = [obj]
        listed = whole.split("、")
        if len(listed) > 1 and all(_PEOPLE_COUNTED.search(p) for p in listed):
            parts = [_PEOPLE_COUNTED.sub("", p) for p in listed]  # 获评某某奖2人、某某工匠4人: every honour listed
        elif cue not in ("荣获", "获", "获评") or "和" in obj:
            pieces = re.split(r"[和及、]", obj)
            if len(pieces) > 1 and (each or named_titles or all(_titled(p, voc) for p in pieces)):
                parts = pieces  # 荣获“甲”和“乙”称号: two titles
        graded = _GRADES_SHARED.search(obj)
        if graded:  # 晋升为国家3A和4A级旅游景区: two grades of one title
            lead, tail = graded.group(1), graded.group(4)
            for name, (a, b) in ((lead + graded.group(2) + tail, graded.span(2)),
                                 (lead + graded.group(3) + tail, (graded.start(3), graded.end(4)))):
                out.append(Candidate(name, "Award", sidx, m.end() + a, m.end() + b, confidence=0.75, priority=3,
                                     rule=f"award:{cue}"))
            continue
        prizes = whole.split("、")
        if len(prizes) > 1 and all(_PRIZE_END.search(p) and not re.search(r"[《》]|获", p) for p in prizes):
            parts = prizes  # 授予某某一等奖、某某二等奖: every prize of the list
        pos = m.end()
        for part in parts:
            p_start = text.find(part, pos)
            pos = p_start + len(part)
            stripped = part.replace("“", "").replace("”", "")
            if not stripped or len(stripped) > 40:
                continue
            name = _YEAR_PREFIX.sub("", stripped)
            strong = cue in voc.award_done and cue not in _WEAK_AWARD_CUES and len(name) >= 4 and not _award_generic(name, voc) and (
                cue != "成功创建" or re.search(_AWARD_CLASS, name)) or _GRADED_ZONE.fullmatch(name) is not None
            if not strong and not _honor_like(name, voc) and not name.endswith(("奖", "称号")):
                continue
            if cue not in voc.award_done and not re.search(_AWARD_CLASS, name):
                continue  # 保持了…健康发展: not an honour
            if re.search(r"[，。]|(?:建设|推进|工作|提升)$", name):
                continue
            aliases = set()
            if name != stripped:
                aliases.add(stripped)
            q = re.search(r"“([^”]+)”", part)
            if q:
                aliases.add(q.group(1))
                prefix = _YEAR_PREFIX.sub("", part[:q.start()].replace("“", ""))
                if prefix.endswith(("活动", "竞赛", "大赛", "评选")) and len(prefix) >= 4:
                    out.append(Candidate(prefix, "Program", sidx, p_start, p_start + q.start(),
                                         aliases=(part[:q.start()],) if part[:q.start()] != prefix else (),
                                         confidence=0.7, priority=2, nested=True, rule="award-event"))
            scopeless = _SCOPE_PREFIX.sub("", name)
            if scopeless != name and len(scopeless) >= 4:
                aliases.add(scopeless)
            if name.endswith("称号") and len(name) >= 6:
                aliases.add(name[:-2])  # 某某乡镇称号 is the title 某某乡镇
            out.append(Candidate(name, "Award", sidx, p_start, p_start + len(part),
                                 aliases=tuple(sorted(aliases - {name})),
                                 confidence=0.85 if cue in voc.award_done else 0.75, priority=3,
                                 rule=f"award:{cue}"))
    return out


def _institutions(view: _View, voc: _Vocab) -> list[Candidate]:
    """县委, 县政府, 镇党委 …: bodies named by level and organ alone."""
    out = []
    for m in (_INSTITUTION.finditer(view.text) if _ORGAN_WORD.search(view.text) else ()):
        name = m.group(0)
        out.append(Candidate(name, "Organization", view.sentence.index, m.start(), m.end(), confidence=0.85,
                             priority=2, rule="institution"))
    for m in (_ORGAN_AFTER_VERB.finditer(view.text) if _ORGAN_WORD.search(view.text) else ()):
        before = next((t for t in view.toks if t.end == m.start()), None)
        after = next((t for t in view.toks if t.start == m.end()), None)
        if after is not None and _head_type(after.text, voc) in ("Organization", "Facility"):
            continue  # 运行省政府某某室: the body's own office
        if m.start() in view.starts and m.end() in view.ends and before is not None \
                and before.tag[:1] in ("v", "a", "i", "l", "d") and len(before.text) >= 2:  # 落实区委部署: after a verb
            out.append(Candidate(m.group(0), "Organization", view.sentence.index, m.start(), m.end(),
                                 confidence=0.8, priority=2, rule="institution"))
    for m in (_PARTY_COMMITTEE.finditer(view.text) if "中共" in view.text else ()):  # 中共某某市委
        out.append(Candidate(m.group(0), "Organization", view.sentence.index, m.start(), m.end(), confidence=0.85,
                             priority=2, rule="institution"))
    for m in _GOOD_PLACE.finditer(view.text):  # 平安某某(建设): a campaign named after the place it improves
        if word_tags().get(m.group(2), "").startswith("ns"):
            bare = m.group(1) + m.group(2)
            typ = "Concept" if m.group(1) in _GOOD_AIMS and not m.group(3) else "Program"
            # 幸福某地 an aim; 平安某地, 幸福某某建设 a campaign
            out.append(Candidate(m.group(0), typ, view.sentence.index, m.start(), m.end(),
                                 aliases=(bare,) if m.group(3) else (), confidence=0.7, priority=1,
                                 rule="good-place"))
    for m in _CENTRAL.finditer(view.text):
        out.append(Candidate(m.group(0), "Organization", view.sentence.index, m.start(), m.end(),
                             confidence=0.85, priority=2, rule="institution"))
    for m in (_ASSEMBLY.finditer(view.text) if "人大" in view.text or "政协" in view.text else ()):
        out.append(Candidate(m.group(1), "Organization", view.sentence.index, m.start(1), m.end(1),
                             confidence=0.8, priority=2, rule="institution"))
    for m in (_SET_UP.finditer(view.text) if "局" in view.text else ()):  # 组建区某某局和某某转化局: each body set up
        pos = m.start(1)
        for item in re.split(r"[和、及]", m.group(1)):
            start = view.text.find(item, pos)
            pos = start + len(item)
            if len(item) >= 4 and start in view.starts:
                out.append(Candidate(item, "Organization", view.sentence.index, start, pos, confidence=0.6,
                                     rule="set-up"))
    return out


_SET_UP = re.compile(rf"(?:成立|组建|新组建|设立|挂牌成立)((?:[{_CJK}]{{2,10}}?局[和、及])*[{_CJK}]{{2,10}}?局)"
                     rf"(?=[，,。；;]|$)")


_AIM = re.compile(rf"(?:国际|全球|世界)(?:[{_CJK}]{{2,10}}(?:城市|名城|之都)|[{_CJK}]{{0,4}}"
                  rf"(?:创新|交往|消费|金融|航运|贸易|物流|商贸|文化|旅游)中心)$|^现代化[{_CJK}]{{2,8}}(?:都市圈|经济圈)$"
                  r"|^创新型(?:城区|城市|县城|省份)$")  # 建设创新型城区: a standing to reach
_ROUTE_HEADS = re.compile(r"(?:通道|公路|铁路|高速|快速路|干线|航线|城际)$")  # 某地至某地快速通道: a route runs between
_ROUTE_NAME = re.compile(rf"(?:高速|高铁|城际|铁路|公路|通道|航道|水道)(?:[{_CJK}]{{1,5}}段)?$|古城墙?$|古镇$")
_PARTY_COMMITTEE = re.compile(rf"中共[{_CJK}]{{2,6}}?(?:自治区|省|市|区|县|旗|州)委(?![员会])")
_GOOD_QUALITY = "美丽|健康|平安|数字|智慧|法治|幸福|宜居|韧性|文明|绿美"
_GOOD_AIMS = ("幸福", "宜居")
_GOOD_PLACE = re.compile(rf"({_GOOD_QUALITY})([{_CJK}]{{2,4}}?)(建设|(?=[，,。；;、]|$|(?:{_GOOD_QUALITY})))")


# 推进某某城市建设 / 加快建设某某名城: the kind of city the place aims to become
_CITY_AIM = re.compile(rf"(?:推进|加快|打造|建设|建成|创建)((?:(?![和与及])[{_CJK}]){{2,12}}?(?:城市|名城|之都))"
                       rf"(?:建设|(?=[，,；;。]|$))")   # (推进经济发展和城市建设: two things, no city named)


# the forms a guiding idea takes in the genre: 某某式现代化, 以某某为中心的发展思想, 四字就是四字 (a slogan)
_IDEA_FORMS = re.compile(rf"式现代化|以[{_CJK}]{{1,4}}为中心的[{_CJK}]{{0,4}}思想|[{_CJK}]{{4}}就是[{_CJK}]{{4}}")
_ONE_EACH = re.compile(rf"一[{_CJK}]一(?:策|档|码|品)")  # 一企一码, 一村一品 (one plan, code or product per unit): a method
_EVERY_UNIT_REACHED = re.compile(r"([村户组镇乡县校])\1通")  # 村村通, 户户通: a service brought to every unit


def _idea_forms(view: _View) -> list[Candidate]:
    """Guiding ideas by their form: 某某式现代化 (the word before 式 names it), 以某某为中心的发展思想,
    a slogan of two four-character halves joined by 就是."""
    out = []
    for m in _IDEA_FORMS.finditer(view.text):
        start, end = m.start(), m.end()
        if m.group() == "式现代化":  # the word before 式, or jieba's word ending in it (中国式)
            word = next((t for t in view.toks if (t.end == start and len(t.text) >= 2)
                         or (t.end == start + 1 and len(t.text) >= 3)), None)
            if word is None:
                continue
            start = word.start
        elif "就是" in m.group() and any(t.tag.startswith("v") for t in view.toks if start <= t.start < end
                                         and t.text != "就是"):
            continue  # 主要任务就是抓好落实: a sentence, not a slogan of two things
        if start in view.starts and end in view.ends and not view.is_protected(start, end):
            out.append(Candidate(view.text[start:end], "Concept", view.sentence.index, start, end, confidence=0.7,
                                 priority=2, rule="idea-form"))
    return out


_THEORY_LEAD = frozenset("以 坚持 整治 力戒 反对 克服 践行 贯彻 贯彻落实 全面落实 认真落实 落实 学习贯彻 用 运用 树立 和 及 与".split())
_THEORY_TAIL = frozenset("和 及 与 为 等".split())
_RULE_BY = re.compile(rf"[\u4e00-\u9fff]{{2}}[{_STANDINGS[:-2]}][{_STANDING_UNITS}]")  # 某某兴国, 某某强市, 某某立镇
_FINE_PLACE = re.compile(r"美丽([\u4e00-\u9fff]{2,4})")  # 美丽某地: the place the report aims to make


def _theories(view: _View) -> list[Candidate]:
    """Doctrines and attitudes by their form, standing alone in a list: a person's 思想/理论 (jieba tags
    the whole as a name), a 4-character …主义, a …观 of two words (某某|发展观), and slogans of the
    某某兴国 / 某某强市 / 某某治县 form."""
    out = []
    toks = view.toks
    for i, t in enumerate(toks):
        prev = toks[i - 1] if i else None
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        start = t.start
        if t.text.endswith(("思想", "理论")) and t.tag.startswith("nr") and len(t.text) >= 4 and t.text[0] in _vocab().surnames:
            pass
        elif t.text.endswith("主义") and len(t.text) >= 4 and t.text != "社会主义":
            pass
        elif t.text.endswith("观") and len(t.text) == 3 and prev is not None and prev.tag.startswith("n") \
                and len(prev.text) == 2:
            start = prev.start  # 某某|发展观
            prev = toks[i - 2] if i >= 2 else None
        else:
            continue
        if not (prev is None or prev.text[0] in PUNCT or prev.text in _THEORY_LEAD) or not (
                nxt is None or nxt.text[0] in PUNCT or nxt.text in _THEORY_TAIL):
            continue
        if not view.is_protected(start, t.end):
            out.append(Candidate(view.text[start:t.end], "Concept", view.sentence.index, start, t.end,
                                 confidence=0.65, priority=2, rule="theory"))
    for m in _RULE_BY.finditer(view.text):
        rest = view.text[m.end():]
        before = next((t for t in toks if t.end == m.start()), None)
        if before is not None and not (before.text[0] in PUNCT or before.tag.startswith(("v", "l"))):
            continue  # 某某经济强省: the slogan is the longer name
        if m.start() in view.starts and m.start() + 1 not in view.starts and not (
                set(m.group()[:2]) & set("和被等与及自在对")) and (
                not rest or rest[0] in PUNCT or rest.startswith(("战略", "发展战略", "不动摇"))) \
                and not view.is_protected(m.start(), m.end()):
            out.append(Candidate(m.group(), "Concept", view.sentence.index, m.start(), m.end(),
                                 aliases=(m.group() + "战略",) if rest.startswith("战略") else (),
                                 confidence=0.6, priority=2, rule="rule-by"))
    for m in (_FINE_PLACE.finditer(view.text) if "美丽" in view.text else ()):
        place = next((t for t in toks if t.start == m.start(1) and t.text in _division_words()), None)
        if place is not None and (place.end == len(view.text) or view.text[place.end] in PUNCT):
            out.append(Candidate(view.text[m.start():place.end], "Concept", view.sentence.index, m.start(),
                                 place.end, confidence=0.6, priority=2, rule="fine-place"))
    return out


# 某某总书记对某省(工作的)系列重要讲话和重要指示批示精神: the guidance a leader gave the place, one idea
_LEADER_SPEECH = re.compile(rf"[{_CJK}]{{2,3}}(?:总书记|主席|总理)(?:对|关于)[{_CJK}]{{1,12}}?(?:重要)?讲话"
                            rf"(?:[和、及][{_CJK}]{{0,4}}?(?:指示|批示)[{_CJK}]{{0,4}}?)?精神")


_BARE_RATING = re.compile(r"(国务院)?(?:国家|省级|省|自治区)?考核(?:优秀|良好|好的|先进)等次")
_RATING_CUE = re.compile(r"，?(?:连续[\d一二三四五六七八九十]+(?:年|次|轮))?(?:获评|荣获|获得|获)$")


def _ratings_of_works(kept: list[Candidate], view: _View) -> list[Candidate]:
    """某某攻坚战连续5年获国家考核优秀等次: a rating no work is named in is the rating of the work or rule
    the clause is about (某某攻坚战国家考核优秀等次); a body that gives it (国务院) is a body of its own."""
    out = []
    for c in kept:
        if c.type != "Award" or not (bare := _BARE_RATING.fullmatch(c.name)):
            continue
        works = [k for k in kept if k.type in ("Program", "Mechanism") and k.end <= c.start
                 and _RATING_CUE.search(view.text[k.end:c.start]) and "。" not in view.text[k.end:c.start]]
        if not works:
            continue
        body = bare.group(1) or ""
        c.aliases = tuple(sorted({*c.aliases, c.name}))
        c.name = works[-1].name + c.name[len(body):]
        if body:
            out.append(Candidate(body, "Organization", view.sentence.index, c.start, c.start + len(body),
                                 confidence=0.7, priority=1, nested=True, rule="rating-body"))
    return out


_BARE_LAW = re.compile(r"(?:宪法|民法典)(?=[和与及、，,。；;]|$)")  # 依照宪法和法律: the national code, named bare


def _bare_laws(view: _View) -> list[Candidate]:
    """The constitution and the civil code, which reports name without 《》 (遵守宪法和法律)."""
    return [Candidate(m.group(), "PolicyDocument", view.sentence.index, m.start(), m.end(), confidence=0.7,
                      priority=1, rule="bare-law")
            for m in (_BARE_LAW.finditer(view.text) if "法" in view.text else ())
            if m.start() in view.starts and not view.is_protected(m.start(), m.end())]


def _concepts(view: _View, voc: _Vocab) -> list[Candidate]:
    out = _idea_forms(view) + _theories(view)
    out += [Candidate(m.group(), "Mechanism", view.sentence.index, m.start(), m.end(), confidence=0.65, priority=2,
                      rule="one-each")
            for m in _ONE_EACH.finditer(view.text) if not view.is_protected(m.start(), m.end())]
    out += [Candidate(m.group(), "Program", view.sentence.index, m.start(), m.end(), confidence=0.65, priority=2,
                      rule="every-unit")
            for m in _EVERY_UNIT_REACHED.finditer(view.text) if not view.is_protected(m.start(), m.end())]
    for m in (_PARTY_SPIRIT.finditer(view.text) if "党的" in view.text else ()):
        items = re.split(r"[、和及](?=[一二三四五六七八九十]+[大届])", m.group(1))  # 三中、四中全会 is one
        if len(items) == 1:
            out.append(Candidate(m.group(0), "Concept", view.sentence.index, m.start(), m.end(), confidence=0.8,
                                 priority=2, rule="party-spirit"))
            continue
        pos = m.start(1)
        for n, item in enumerate(items):  # 党的十九大、十九届四中全会精神: one concept per meeting
            start = view.text.find(item, pos)
            pos = start + len(item)
            name = ("党的" if n == 0 else "") + item + "精神"
            aliases = ("党的" + item,) if n == 0 else ("党的" + item + "精神", item)
            out.append(Candidate(name, "Concept", view.sentence.index, start, start + len(item),
                                 aliases=aliases, confidence=0.75, priority=2, rule="party-spirit"))
    out += [Candidate(m.group(), "Concept", view.sentence.index, m.start(), m.end(), confidence=0.75, priority=2,
                      rule="leader-speech")
            for m in (_LEADER_SPEECH.finditer(view.text) if "讲话" in view.text else ())
            if not view.is_protected(m.start(), m.end())]
    for m in (_GUIDED_BY.finditer(view.text) if "以" in view.text else ()):
        out += _guiding_items(view, m, voc)
    for m in (_CITY_AIM.finditer(view.text) if "城" in view.text or "之都" in view.text else ()):
        name, start = m.group(1), m.start(1)
        while (lead := next((v for v in _GOVERNING if name.startswith(v)), None)) is not None:
            name, start = name[len(lead):], start + len(lead)  # 加快建设某某城市: the aim follows the verbs
        if len(name) >= 4 and name[:-2] not in voc.generic and not view.is_protected(start, start + len(name)):
            out.append(Candidate(name, "Concept", view.sentence.index, start, start + len(name), confidence=0.6,
                                 priority=2, rule="city-aim"))
    return out


# 以X、Y为统领 / 以X为主线: what a plan is steered by is a guiding idea (not 以X为重点, which names tasks)
_GUIDED_BY = re.compile(rf"以([{_CJK}]{{2,14}}(?:[、和][{_CJK}]{{2,14}})*)为(?:统领|主线|主题|突破口|突破|根本|引领|目标)")


_RAISING = ("提升", "提高", "增强", "优化", "完善")


def _guiding_items(view: _View, m: re.Match, voc: _Vocab) -> list[Candidate]:
    """The ideas of one 以…为统领: each item, or the whole when it is a slogan of three or more short
    parallel phrases (甲乙发展、丙丁崛起、戊己繁荣)."""
    items = re.split(r"[、和]", m.group(1))
    if any(item in _GOVERNING or word_tags().get(item, "") == "v" for item in items):
        return []  # 以保障和改善民生为根本: verbs joined, a task, no idea named
    if m.group(0).endswith("目标") and m.group(1).startswith(_RAISING):
        return []  # 以提升某某能力和某某水平为目标: qualities to raise, no idea named
    if len(items) >= 3 and all(len(item) <= 4 for item in items) and "和" not in m.group(1):
        spans = [(m.group(1), m.start(1))]
    else:
        spans, pos = [], m.start(1)
        for item in items:
            start = view.text.find(item, pos)
            pos = start + len(item)
            led = False
            while (lead := next((v for v in _GOVERNING if item.startswith(v)), None)) is not None:
                item, start, led = item[len(lead):], start + len(lead), True  # 以推动某某发展为主题: after the verb
            if led and any(verb in item for verb in _GOVERNING):
                continue  # 以完善功能提升品位为目标: two tasks, no idea named
            if "的" in item:
                continue  # 以…某某管理的规范化…为目标: a quality of something, no idea named
            spans.append((item, start))
    return [Candidate(name, "Concept", view.sentence.index, start, start + len(name), confidence=0.6, priority=1,
                      rule="guided-by")
            for name, start in spans if len(name) >= 4 and name not in voc.generic
            and not view.is_protected(start, start + len(name))]


def _persons(view: _View, voc: _Vocab) -> list[Candidate]:
    """Names before a title (王建国书记, 李明同志) or after one at the end of a by-line (区长 赵刚)."""
    out = []
    text, toks = view.text, view.toks
    for i, t in enumerate(toks):
        if t.tag in ("nr", "nrfg") and 2 <= len(t.text) <= 3 and t.text[0] in voc.surnames:
            nxt = text[t.end:t.end + 3]
            if any(nxt.startswith(ti) for ti in voc.titles):
                out.append(Candidate(t.text, "Person", view.sentence.index, t.start, t.end, confidence=0.85,
                                     priority=2, nested=True, rule="person-title"))
    for pattern in (voc.title_then_name, voc.body_then_name):  # 区长李某某出席, 市委党校谭某副院长: names jieba cut apart
        for m in pattern.finditer(text):
            if not re.search(r"[委局会部院校的和与及在为]", m.group(1)) and m.group(1) not in voc.generic \
                    and not any(c.start == m.start(1) for c in out):
                out.append(Candidate(m.group(1), "Person", view.sentence.index, m.start(1), m.end(1), confidence=0.7,
                                     priority=2, nested=True, rule="person-title"))
    byline = _BYLINE_SPACE.search(text) or (len(text) <= 24 and not re.search(r"[，,。；;：:！!？?]", text))
    for m in (voc.title_before.finditer(text) if byline else ()):  # 区长 赵刚, 县长某某某 alone on its line
        out.append(Candidate(m.group(1), "Person", view.sentence.index, m.start(1), m.end(1), confidence=0.8,
                             priority=2, nested=True, rule="person-byline"))
    return out


def _studio_persons(cands: list[Candidate], view: _View, voc: _Vocab) -> list[Candidate]:
    """A person's name opening a studio's name (王小明剪纸工作室): surname + 1–2 unknown characters."""
    out = []
    for c in cands:
        if c.type != "Facility" or not c.name.endswith("工作室"):
            continue
        toks = [t for t in view.toks if c.start <= t.start < c.end]
        if len(toks) >= 3 and toks[0].text in voc.surnames and len(toks[0].text) == 1:
            given = ""
            for t in toks[1:3]:
                if len(t.text) == 1:
                    given += t.text
                else:
                    break
            if 1 <= len(given) <= 2:
                name = toks[0].text + given
                out.append(Candidate(name, "Person", c.sentence, c.start, c.start + len(name), confidence=0.7,
                                     priority=2, nested=True, rule="person-studio"))
    return out


_BRANCH = re.compile(rf"^(.{{2,12}}?(?:大学|学院|医院|中学|小学|研究院))([{_CJK}]{{2,3}}?)(校区|院区|分院|分校|园区)$")


def _branches(cands: list[Candidate], view: _View) -> tuple[list[Candidate], list[Hint]]:
    """某某大学东城校区, 某某医院西山院区: the parent body runs the branch, which lies in the place named
    between them."""
    out: list[Candidate] = []
    hints: list[Hint] = []
    sidx = view.sentence.index
    for c in cands:
        m = _BRANCH.match(c.name) if c.type == "Facility" else None
        if m is None:
            continue
        parent, place = m.group(1), m.group(2)
        out.append(Candidate(parent, "Organization", sidx, c.start, c.start + len(parent), confidence=0.6,
                             priority=1, nested=True, rule="branch-parent"))
        out.append(Candidate(place, "Place", sidx, c.start + len(parent), c.start + len(parent) + len(place),
                             confidence=0.55, priority=1, nested=True, rule="branch-place"))
        hints.append(Hint(c.name, "organizedBy", parent, sidx, 0.6, "branch"))
        hints.append(Hint(c.name, "locatedIn", place, sidx, 0.6, "branch"))
    return out, hints


_LIST_LEADS = frozenset({"试点", "首批", "其中", "落地"})
# 首批试点甲、乙等八个居委: what the list is, no part of a name; 引进落地甲、乙等项目 (落地 read as a noun): the act


def _drop_lead_verbs(view: _View, item: str, start: int, voc: _Vocab) -> tuple[str, int]:
    """The first item of a list may carry the clause's verb (引导三元、元盛…): cut it off."""
    cut, prev = 0, None
    for t in view.toks:
        if start <= t.start < start + len(item) - 1 and _leads_list(t, prev, voc):
            cut = t.end - start
        prev = t
    return item[cut:], start + cut


def _leads_list(t: Token, prev: Token | None, voc: _Vocab) -> bool:
    """A word that opens a list's first item without naming anything: a stop word, 试点 or 首批, a verb of
    two characters or more (not a one-character 'verb' jieba reads in a name: 背街巷道), a preposition (not
    a name's character read as one right after a place: 华|顺|公寓)."""
    after_name = prev is not None and prev.tag.startswith(("ns", "nr", "nz")) and prev.end == t.start
    return t.text in voc.stop or t.text in _LIST_LEADS or (t.tag == "p" and not after_name) or (
        t.tag == "v" and len(t.text) >= 2)


def _drop_opening_verbs(view: _View, item: str, start: int, voc: _Vocab) -> tuple[str, int]:
    """The verbs opening the first item of a list of works (加快推进某某…), but not the stem of a town
    named by a verb (实施奋斗镇…) nor the words after the first noun (a works' name holds verbs)."""
    toks = [t for t in view.toks if start <= t.start < start + len(item)]
    done = next((t for t in toks if t.tag == "ul" and t.start - start <= 8), None)  # 强力推进了某某改造
    cut = done.end - start if done else 0
    toks = [t for t in toks if t.start >= start + cut]
    for t, nxt in zip(toks, toks[1:]):
        if t.start - start != cut or nxt.text in ("镇", "乡", "村", "路", "街"):
            break
        if not (t.text in voc.stop or t.tag in ("v", "vn", "p") or (
                t.tag in ("d", "ad") and nxt.tag in ("v", "vn"))):
            break
        cut = t.end - start
    return item[cut:], start + cut


_WORKS_END = re.compile(rf"(?:{SITE_WORKS}|迁建|迁址新建|复产|技改|更新|建设|整治|治理|(?:工程|项目)[{_NUMERALS}\d]期)$")
_RENEWED_AREAS = re.compile(r"棚户区|棚改|旧城|老旧小区|城中村|安置")


_GOVERNMENT = "人民政府"
_BUILT_END = re.compile(r"(?:新建|改扩建|扩建|改建|迁建)$")


def _listed_project_type(item: str, kind: str, voc: _Vocab) -> str:
    """A project listed by name (A、B等项目投入运营) is works when its name says so (某某改造, 某某新建, 某某工程)
    or the list's kind does (A、B等棚改项目: areas renewed), a programme by a programme's head;
    otherwise it is the building it makes (某某商厦, 某某二期, 某某酒店)."""
    head = _head_type(item, voc)
    if _WORKS_END.search(item) or _RENEWED_AREAS.search(kind) or head in ("Program", "Mechanism"):
        return "Program"
    if head == "ResidentialArea":
        return "ResidentialArea"  # 某某小区、某某小区等综合整新项目: the estates the works are in (a square or a
        # road listed so is the building works', as the annotators type 某某广场)
    return "Facility"


_WORKS_TAIL = re.compile(r"(?:改造|管网|工程|整治|治理|提升|改建|维修|更新|绿化|硬化|亮化)$")


_LEAD_SCOPE = re.compile(r"[全本该各][市区县省镇乡旗]|[全本该各]街道|辖区")


def _opens_with_verb(view: _View, at: int) -> bool:
    """The word at ``at`` is a clause's verb (开展, 实施): what follows is an act, not a name (改造 is works)."""
    return any(t.start == at and (t.text in _GOVERNING or t.text in ("进行", "组织", "完成")) for t in view.toks)


def _listed_works(view: _View, voc: _Vocab) -> tuple[list[Candidate], list[Hint]]:
    """甲、乙等77个某某小区某某管网 / 丙等7个小区的某某改造: the works done in the listed areas, named after
    them, stand in each."""
    out: list[Candidate] = []
    hints: list[Hint] = []
    text, sidx = view.text, view.sentence.index
    for m in view.class_lists:
        if _CLASS_TYPES[m.group(4)] != "ResidentialArea" or not (m.group(2).startswith("等") or m.group(2)[0].isdigit()):
            continue
        works = re.match(rf"(的)?([{_CJK}]{{2,10}}?)(?=[，,。；;、]|$)", text[m.end():])
        if not works or not _WORKS_TAIL.search(works.group(2)) or works.group(2) in voc.generic \
                or _LEAD_SCOPE.fullmatch(m.group(1)) or not works.group(1) and _opens_with_verb(view, m.end()):
            continue  # 全市181个村开展某某整治: the villages act, no works are named after them
        start = m.end() + works.start(2) if works.group(1) else m.start(3)
        name = text[start:m.end() + works.end()]
        out.append(Candidate(name, "Program", sidx, start, m.end() + works.end(), confidence=0.6, priority=2,
                             rule="listed-works"))
        pos = m.start(1)
        for n, item in enumerate(m.group(1).split("、")):
            at = text.find(item, pos)
            pos = at + len(item)
            if n == 0:
                item, at = _drop_lead_verbs(view, item, at, voc)
            if len(item) >= 2 and item not in voc.generic:
                hints.append(Hint(name, "locatedIn", item, sidx, 0.6, "listed"))
    return out, hints


def _common_noun(word: str) -> bool:
    """A frequent dictionary noun (茶叶, 蔬菜): a kind of thing, where a list of names was expected."""
    return word_tags().get(word) == "n" and tokenizer().FREQ.get(word, 0) >= 100


_NAMED_BRANDS = re.compile(r"知名|著名|特色|优质|区域公用|公用|地理标志|农产品|特色农产品")


def _coordination(view: _View, voc: _Vocab) -> list[Candidate]:
    """东林、八村等居民区 / 在二村等5个小区 / 分别在长青、南湖开展 / 张桥二组: residential areas in lists."""
    out = []
    sidx = view.sentence.index
    for m in view.class_lists:
        cls, typ = m.group(4), _CLASS_TYPES[m.group(4)]
        if m.group(2) == "两" and m.group(3):
            continue  # 甲和两河某某景区: 两 opens the next name, it counts nothing (甲、乙两景区 does)
        if typ == "ResidentialArea" and m.group(2)[-1] in "家户名人":
            continue  # 招引某某企业1家落户某村: the firms counted, not villages
        items = m.group(1).split("、")
        if typ == "ResidentialArea" and len(items) >= 2 and (pair := re.fullmatch(
                rf"([{_CJK}]{{2,4}})[和及]([{_CJK}]{{2,4}})", items[-1])):
            items[-1:] = pair.groups()  # 甲、乙、丙和丁4个村: the last two joined by 和
        elif len(items) == 1 and re.fullmatch(r"两个|2个", m.group(2)) and (pair := re.fullmatch(
                rf"([{_CJK}]{{2,6}})[和及与]([{_CJK}]{{2,6}})", items[0])):
            items = list(pair.groups())  # 甲和乙两个市民广场: the two, each
        if len(items) == 1 and not m.group(2).startswith("等") and not m.group(2)[0].isdigit():
            continue
        if typ == "Program" and (len(items) == 1 or re.search(r"重点|重大|标志性|产业|领域", m.group(3))) or (
                typ == "Facility" and "产业" in m.group(3)):
            continue  # 新能源汽车、机器人等重点项目, 中药材、水果等特色产业的基地: the items are sectors, the sites unnamed
        if re.search(rf"{WAYS_OF_WORKING}|措施|行业|区域|地区|国家|城市", m.group(3)):
            continue  # 联合走访、定期座谈等方式走访企业: ways of working, not firms; 钢铁、汽车等行业和…企业: sectors;
            # 苏浙沪等重点区域龙头企业: where the firms are
        if typ == "Brand" and not _NAMED_BRANDS.fullmatch(m.group(3)):
            continue  # 户外运动、珠宝等专业品牌, 家电、食品等产业品牌: sectors; 甲、乙等知名品牌 are brands
        if (len(items) >= 2 or typ == "Facility") and all(_common_noun(item) for item in (
                _drop_lead_verbs(view, items[0], m.start(1), voc)[0], *items[1:])):
            continue  # 茶叶、蔬菜、水果等基地, 茶叶等基地: kinds of produce, the sites unnamed
        pos = m.start(1)
        for n, item in enumerate(items):
            start = view.text.find(item, pos)
            pos = start + len(item)
            if n == 0:
                item, start = _drop_lead_verbs(view, item, start, voc)
            if typ == "Program" and (built := _BUILT_END.search(item)) and _head_type(item[:built.start()], voc) in (
                    "Facility", "Place"):
                item = item[:built.start()]  # 某某小学新建、某某中学等14个项目: the school the works build
            if typ == "Program" and (head := _head_word(item, voc, bare=False)) and not _specific(
                    modifier := item[:-len(head)], tokens(modifier), voc, "Facility"):
                continue  # 标准化幼儿园、某某中学等项目: a kind of site built, none named
            if len(item) < 2 or item in voc.stop or item in voc.generic or item.endswith((cls, "和", "与")) or "及" in item or \
                    _WHOLE_UNIT.fullmatch(item) or \
                    all(t.tag.startswith("v") or t.tag in ("l", "d", "ad") for t in tokens(item)) and any(
                    t.tag in ("l", "d", "ad") for t in tokens(item)) or \
                    all(t.tag.startswith("v") or t.text == "新" for t in tokens(item)) and (
                    len(tokens(item)) < len(item) or "新" in item) or (
                    view.level in ("city", "province") and typ in (
                    "Organization", "Facility") and _class_noun(item, 2, typ)) or (view.level in (
                    "city", "province") and typ == "Place" and not _proper(tokens(item))) or \
                    _PHASE_ONLY.fullmatch(item) or view.is_protected(start, start + len(item)) or (
                    typ not in ("Program", "Organization") and len(item) > 5 or typ == "Organization" and (
                    len(item) > 7 or len(item) > 5 and not _FIRM_WORD_END.search(item))) or (
                    typ == "Program" and len(item) < 3) or (
                    typ == "Organization" and _head_type(item, voc) in ("Place", "ResidentialArea")) or (
                    item.endswith("公司") and _FIRM_KINDS.fullmatch(item[:-2])):
                continue  # 某城区21家企业: the place the firms are in, not a firm; 上市公司: a kind of firm
            name, aliases = item, (item + cls,) if not m.group(3) else (item + m.group(3) + cls,) if (
                typ == "Place" and m.group(2)[0] in "两2" and len(m.group(3)) == 2) else ()
            # 东林、八村等居民区: 东林居民区 too; 甲、乙两个市民广场: 甲市民广场 too
            if cls == "遗址":
                name, aliases = item + cls, (item,)
            kind = _listed_project_type(item, m.group(3), voc) if typ == "Program" else \
                "ResidentialArea" if typ == "Place" and (_GROUP_NAME.fullmatch(item) or _head_type(
                    item, voc) == "ResidentialArea") else typ  # 某某三组、某某村等区域: the villages listed
            out.append(Candidate(name, kind, sidx, start, start + len(item), aliases=aliases,
                                 confidence=0.7, priority=2, rule="class-list"))
    for m in (_PROGRAM_LIST.finditer(view.text) if "等" in view.text and "、" in view.text else ()):
        pos = m.start(1)
        for n, item in enumerate(m.group(1).split("、")):
            start = view.text.find(item, pos)
            pos = start + len(item)
            if n == 0:
                item, start = _drop_lead_verbs(view, item, start, voc)
            if len(item) < 3 or view.is_protected(start, start + len(item)):
                continue
            bare = re.sub(r"(?:打造|建设|创建)$", "", item)
            out.append(Candidate(item, "Program", sidx, start, start + len(item),
                                 aliases=(bare,) if bare != item and len(bare) >= 3 else (),
                                 confidence=0.6, priority=1, rule="program-list"))
    for m in (_PROJECT_LIST.finditer(view.text) if "等" in view.text else ()):
        pos, items = m.start(1), []  # 某牧场二期、某基地扩建等工程: works named by their site and what is done to it
        for n, item in enumerate(m.group(1).split("、")):
            start = view.text.find(item, pos)
            pos = start + len(item)
            if n == 0:
                item, start = _drop_opening_verbs(view, item, start, voc)
            amount = _AMOUNT_FIRST.match(item)
            if amount:  # 32条某某巷道改造: how much is done, not the works' name
                item, start = item[amount.end():], start + amount.end()
            items.append((item, start))
        works = [bool(_PROJECT_ITEM.search(item)) for item, _ in items]
        for (item, start), named_as_works in zip(items, works):
            if len(item) < 4 or view.is_protected(start, start + len(item)) or not (
                    named_as_works or (any(works) and _project_mate(item, voc))):
                continue
            out.append(Candidate(item, "Program", sidx, start, start + len(item),
                                 confidence=0.55 if named_as_works else 0.5, priority=1,
                                 rule="project-list" if named_as_works else "project-list-mate"))
    for m in (_EACH_IN.finditer(view.text) if "分别在" in view.text else ()):
        typ = "ResidentialArea" if view.level == "subdistrict" else "Place"
        pos = m.start(1)
        for item in m.group(1).split("、"):
            start = view.text.find(item, pos)
            pos = start + len(item)
            out.append(Candidate(item, typ, sidx, start, start + len(item), confidence=0.65, priority=2,
                                 rule="each-in"))
    for m in (_SHARED_PATIENTS.finditer(view.text) if "患者" in view.text else ()):
        out.extend(_patients_listed(view, m, voc))
    for m in (_VILLAGE_GROUP.finditer(view.text) if "组" in view.text else ()):
        if m.group(1)[0] in voc.stop or m.group(1)[:2] in voc.stop:
            continue
        out.append(Candidate(m.group(1), "ResidentialArea", sidx, m.start(1), m.end(1), confidence=0.6,
                             priority=1, rule="village-group"))
    return out


_SHARED_PATIENTS = re.compile(rf"((?:[{_CJK}\d]{{2,8}}、)+)[{_CJK}\d]{{2,8}}患者")


def _patients_listed(view: _View, m: re.Match, voc: _Vocab) -> list[Candidate]:
    """高血压、糖尿病患者: the patients of each illness listed before 患者 are a group of their own (the
    illness its alias); an item that names a group already (某岁以上老年人) or opens with a joining word
    (以及, 和) ends the list."""
    out = []
    pos = m.end(1)
    for item in reversed(m.group(1)[:-1].split("、")):
        start = pos - 1 - len(item)
        pos = start
        joined = re.search(r"(?:以及|及|和|与|为|对)", item)
        if joined:
            item, start = item[joined.end():], start + joined.end()
        item, start = _drop_lead_verbs(view, item, start, voc)
        if len(item) < 2 or _head_type(item, voc) is not None or view.is_protected(start, start + len(item)) \
                or item in voc.stop or item in voc.generic:
            break
        out.append(Candidate(item + "患者", "TargetGroup", view.sentence.index, start, start + len(item),
                             aliases=(item,), confidence=0.6, priority=1, rule="patients-listed"))
        if joined:
            break
    return out


def _project_mate(item: str, voc: _Vocab) -> bool:
    """An item listed with works before 等项目 (某公司二期、某某商品砼等项目) is a project too, unless it is
    one dictionary word (城市绿化), the tail of the item before (二期和某某), a firm in a zone (某园区某某科技)
    or a name its head types otherwise (某某供热站)."""
    head = _type_word_end(item, voc.heads, voc.head_lengths)
    return len(item) <= 12 and item not in voc.generic and len(tokens(item)) > 1 and not _PHASE_LEAD.match(item) \
        and not _ZONE_INSIDE.search(item) and (head is None or voc.heads[head][0] == "Program")


_CLOSED_TYPES = frozenset({"Award", "PolicyDocument", "CreativeWork"})


def _select(cands: list[Candidate]) -> list[Candidate]:
    """Keep the strongest candidates of a sentence; a weaker one may only sit inside a kept one if nested."""
    kept: list[Candidate] = []
    for c in sorted(cands, key=lambda c: (-c.priority, -(c.end - c.start), c.start)):
        ok = True
        for k in kept:
            if c.start < k.end and k.start < c.end:
                inside = k.start <= c.start and c.end <= k.end and (
                    k.type not in _CLOSED_TYPES or c.rule in ("award-event", "reviewed") or (
                        k.type == "PolicyDocument" and k.rule.startswith("head:") and c.type == "Place"
                        and c.start == k.start)) and not (  # 某某园区总体规划: the plan of a place named
                    k.type == "Facility" and k.name.startswith(c.name) and len(k.name) - len(c.name) <= 4
                    and c.rule != "branch-parent") and not (
                    c.type == "TargetGroup" and k.type == "Organization")
                tail = c.rule == "ns-listed" and c.end == k.end and c.start > k.start  # 世纪|天伦: the name's end
                if not ((inside and c.nested and not tail) or (c.start <= k.start and k.end <= c.end and k.nested)
                        or (c.name == k.name)):
                    ok = False
                    break
        if ok and not any(c.name == k.name and c.start == k.start for k in kept):
            kept.append(c)
    return kept


def _place_prefixes(kept: list[Candidate], view: _View, voc: _Vocab) -> list[Candidate]:
    """The city a site or project of a city or province report is named after (某州机场 → 某州): one of the
    report's own divisions (kg.gazetteer), at the start of the name or inside it, so the name's locatedIn can be
    read (kg.relations). Not a provincial-level name, which is mostly the report's own place; not any place word
    of the dictionary (a hill or river opening a name is mostly part of it)."""
    out = []
    if view.level not in ("city", "province"):
        return out  # below a city, names start with streets and villages the dictionary does not know
    for c in kept:
        if c.type not in ("Facility", "Program") or len(c.name) < 5:
            continue
        name_tokens = tokens(c.name)
        word = name_tokens[0].text
        own = view.home is not None and word in view.home.names
        if own and 2 <= len(word) <= 3 and word not in _NOT_PLACES and word not in voc.generic \
                and word not in _provinces() \
                and word[-1] not in "省市区县镇乡村" and not view.is_protected(c.start, c.start + len(word)):
            out.append(Candidate(word, "Place", view.sentence.index, c.start, c.start + len(word), confidence=0.5,
                                 aliases=_full_name(word, view.home.names), priority=1, nested=True,
                                 rule="place-prefix"))
        if view.home is None or view.home.pattern is None:
            continue
        offsets = {0, *(t.end for t in name_tokens)}
        provincial = {*_provinces(), *_provinces().values()}
        for m in view.home.pattern.finditer(c.name, 1):  # 国家某某节点某市数据中心: the city inside the name
            if m.start() in offsets and m.end() in offsets and m.group() != c.name and m.group() not in provincial:
                out.append(Candidate(m.group(), "Place", view.sentence.index, c.start + m.start(), c.start + m.end(),
                                     aliases=_full_name(m.group(), view.home.names), confidence=0.5, priority=1,
                                     nested=True, rule="place-inside"))
    return out


def _full_name(surface: str, names: dict[str, str]) -> tuple[str, ...]:
    """The division's full name as an alias of its bare name (某名 → 某名市): a division, so what is named
    after it stands in it (kg.relations)."""
    full = names.get(surface, surface)
    return (full,) if full != surface else ()


_LOCAL_PREFIX = re.compile(r"^([\u4e00-\u9fff]{2})(社区|嘎查|镇)(?=[\u4e00-\u9fff\d]{2,})")
_NOT_LOCAL_STEM = re.compile(r"[农城新美县市省区乡村镇全三百各每]|^街道$|^辖区$|^会议$")  # 新农村…, 美丽圩镇…, 各社区…: kinds, not names


def _local_prefixes(kept: list[Candidate], view: _View) -> list[Candidate]:
    """The community or town a site or project is named after (某某社区某某站 → 某某社区, 某某镇客运站 →
    某某镇), so the site's locatedIn can be read (kg.relations) even where the text never names it alone."""
    out = []
    for c in kept:
        m = _LOCAL_PREFIX.match(c.name) if c.type in ("Facility", "Program", "Organization") else None
        if m and not _NOT_LOCAL_STEM.search(m.group(1)) and not _KIND_OF_COMMUNITY.match(m.group(1)) \
                and not view.is_protected(c.start, c.start + m.end()):  # (星级社区服务综合体: a kind's grade)
            out.append(Candidate(m.group(), "Place" if m.group(2) == "镇" else "ResidentialArea", view.sentence.index,
                                 c.start, c.start + m.end(), confidence=0.55, priority=1, nested=True,
                                 rule="local-prefix"))
    return out


_DRIVEN_VERB = re.compile(r"(?:推进|深化|实施|开展|推动|强化|落实|完成|抓好|做好|加快|启动|融入)好?")
_DRIVEN = re.compile(
    _DRIVEN_VERB.pattern + rf"((?:(?![和及与])[{_CJK}]){{2,10}}?(?:改革|改造|革命|更新|整治|治理|协作|攻坚|清理|筛查|普法))(?=[，。；、,;])")


# the renewal of a kind of old urban fabric, a programme by its kind alone (某类旧区改造, 某类小区管网改造)
_RENEWAL = re.compile(rf"(?:城镇|城市)?(?:老旧小区|城中村|棚户区|旧城区|老城区|背街小巷|背街巷道|危旧房|老旧街区|老旧厂区)"
                      rf"[{_CJK}]{{0,4}}?改造(?![工项])")


_CONNECT_OPENERS = frozenset("实现 推广 推行 建成 上线 开通 用好 发挥 深化 扩大 优化".split())


def _connect_services(view: _View) -> list[Candidate]:
    """A cross-border or one-stop service named 某某通 / 某某通办 (某某理财通, 异地通办): a mechanism, where 通 is
    a word of its own (not 交通, 贯通, 互联互通) after one or two words that open at a list mark or a verb."""
    toks, out = view.toks, []
    for i, tok in enumerate(toks if "通" in view.text else ()):
        if tok.text != "通" or i == 0:
            continue
        end = i + 1 + (i + 1 < len(toks) and toks[i + 1].text == "办")
        after = toks[end].text if end < len(toks) else "。"
        if not (after[0] in PUNCT or after in ("等", "平台", "服务")):
            continue
        for j in (i - 1, i - 2):
            if j < 0 or toks[j].text[0] in PUNCT:
                break
            before = toks[j - 1] if j > 0 else None
            if before is None or before.text in ("、", "，", ",", "“") or before.text in _CONNECT_OPENERS:
                start, stop = toks[j].start, toks[end - 1].end
                if stop - start >= 4 and not view.is_protected(start, stop):
                    out.append(Candidate(view.text[start:stop], "Mechanism", view.sentence.index, start, stop,
                                         confidence=0.6, priority=1, rule="connect-service"))
                break
    return out


_PROVIDED_FOR = re.compile(rf"为[^，,。；;]{{2,60}}?(?:免费|优先|精准)?提供([{_CJK}和]{{3,12}}?(?:服务|筛查|救助|体检|咨询))"
                          r"(?=[，,。；;]|$)")


_KIND_OF_SERVICE = re.compile(r"更|优质|多样|多元|便捷|高质量|高效|精准|全方位|全周期|一站式")  # 更多便捷服务: no name


def _provided_services(view: _View) -> list[Candidate]:
    """为某某人员、某某患者等群体提供连续某某服务: the service provided to the groups named is a programme."""
    out = []
    for m in (_PROVIDED_FOR.finditer(view.text) if "提供" in view.text else ()):
        if m.start(1) in view.starts and not view.is_protected(m.start(1), m.end(1)) \
                and not _KIND_OF_SERVICE.match(m.group(1)) and "的" not in m.group(1) and "等" not in m.group(1):
            out.append(Candidate(m.group(1), "Program", view.sentence.index, m.start(1), m.end(1), confidence=0.5,
                                 priority=1, rule="provided-service"))
    return out


_LIVELIHOOD = re.compile(r"(?:省级|市级|区级|县级|[省市区县](?=[一二三四五六七八九十\d]))?"
                         r"(?:(?:[一二三四五六七八九十]{1,3}|\d{1,2})件民生实事|(?<=[省市区县]级)民生实事(?:项目)?)")


def _livelihood_projects(view: _View) -> list[Candidate]:
    """The yearly list of livelihood projects (N件民生实事, 某级民生实事): one programme, named by its count
    or its level (民生实事 alone is any such work); a longer name holding it (…票决制) wins."""
    out = []
    for m in (_LIVELIHOOD.finditer(view.text) if "民生实事" in view.text else ()):
        start = m.start() - (2 if view.text[m.start() - 2:m.start()] in ("省级", "市级", "区级", "县级") else 0)
        name = view.text[start:m.end()]
        if not view.is_protected(start, m.end()):
            out.append(Candidate(name, "Program", view.sentence.index, start, m.end(), confidence=0.7, priority=1,
                                 nested=True, rule="livelihood"))
    return out


def _driven_programs(view: _View, voc: _Vocab) -> list[Candidate]:
    """The whole object of a driving verb when it names a reform or campaign (深化某某预算改革，…; 推进某某
    厕所革命、…): a programme even without a programme head; the renewal of old urban fabric by its kind."""
    out = [Candidate(m.group(), "Program", view.sentence.index, m.start(), m.end(), confidence=0.55, priority=1,
                     rule="renewal")
           for m in (_RENEWAL.finditer(view.text) if "改造" in view.text else ())
           if m.start() in view.starts and m.end() in view.ends and not view.is_protected(m.start(), m.end())
           and "的" not in m.group()]
    for m in _DRIVEN.finditer(view.text):
        name, start = m.group(1), m.start(1)
        while (lead := _DRIVEN_VERB.match(name)) is not None:  # 加快推进某某改造: the verbs are not the name
            name, start = name[lead.end():], start + lead.end()
        toks = [t for t in view.toks if start <= t.start < m.end(1)]
        if len(name) < 4 or not toks or toks[0].start != start or view.is_protected(start, m.end(1)) \
                or toks[0].text in voc.generic or "的" in name:
            continue  # 城镇污水治理, 农村环境整治: a kind of work, not a named one; 某某里三个棚户区的改造: a description
        out.append(Candidate(name, "Program", view.sentence.index, start, m.end(1), confidence=0.55, priority=1,
                             rule="driven"))
    return out


@dataclass(frozen=True)
class Home:
    """The divisions a report may name bare (kg.gazetteer): surface → full name, and one pattern for all."""
    names: dict[str, str]
    pattern: re.Pattern | None

    @staticmethod
    def of(doc: Document) -> Home | None:
        """The report's own part of the gazetteer, plus every provincial-level name in full."""
        if doc.level not in ("province", "city", "district", "county"):
            return None  # a subdistrict's streets and villages are not in a national gazetteer
        names = bare_names(home_scope(doc.place, doc.text))
        if not names:
            return None
        names.update((d.name, d.name) for d in provinces() if d.name not in names)  # 某某特别行政区, 某省
        return Home(names, names_pattern(names))


def _divisions(view: _View) -> list[Candidate]:
    """The report's own cities, counties and districts, named bare or in full (某名, 某名市), where the
    words around them end and begin."""
    home = view.home
    if home is None or home.pattern is None:
        return []
    out = []
    for m in home.pattern.finditer(view.text):
        surface = m.group()
        if m.start() not in view.starts or m.end() not in view.ends or view.is_protected(m.start(), m.end()) \
                or view.text[m.end():m.end() + 1] in WATER_AND_LAND or surface in _NOT_PLACES:
            continue  # 某州湾 is a bay, not the district 某州
        full = home.names[surface]
        out.append(Candidate(surface, "Place", view.sentence.index, m.start(), m.end(),
                             aliases=(full,) if full != surface else (), confidence=0.7, priority=1,
                             rule="division"))
    return out


_SITE_WORKS = re.compile(SITE_WORKS + "(?![工项])")
_HOST_OF_MEETING = re.compile(r"^.{2,}?(论坛|协会|学会|联合会|组织|联盟)(?:第[一二三四五六七八九十\d]+届)?(?:年会|大会)$")
@cache
def _macro_regions() -> tuple[dict[str, str], re.Pattern]:
    """Surface → name of the regions in resources/regions.tsv (长三角 → 长江三角洲), and one pattern for all."""
    names: dict[str, str] = {}
    for row in read_table("regions.tsv"):
        for surface in (row[0], *(row[1].split("|") if len(row) > 1 and row[1] else ())):
            names[surface] = row[0]
    return names, re.compile("|".join(sorted(map(re.escape, names), key=len, reverse=True)))


def _regions(view: _View) -> list[Candidate]:
    """Macro-regions and strategy regions (京津冀, 长三角), named where words begin and end."""
    names, pattern = _macro_regions()
    out = []
    for m in pattern.finditer(view.text):
        if m.start() in view.starts and m.end() in view.ends and not view.is_protected(m.start(), m.end()):
            name = names[m.group()]
            out.append(Candidate(name, "Place", view.sentence.index, m.start(), m.end(),
                                 aliases=(m.group(),) if m.group() != name else (), confidence=0.7, priority=1,
                                 nested=True, rule="region"))
    return out


_PHASE_AFTER = re.compile(rf"第?[{_NUMERALS}\d]期(?:工程|项目)?|第[{_NUMERALS}\d]跑道")
_SITE_INSIDE = re.compile(r"(?:(?<=基地)|(?<=园区)|(?<=公园)|(?<=机场)|(?<=口岸)|(?<=港区))"
                          r"(?:综合)?(?:服务中心|管理中心|运营中心|展示中心)$")
_PHASE_TAIL = re.compile(rf"(?:第?[{_NUMERALS}\d]期(?:工程|项目)?|第[{_NUMERALS}\d]跑道)$")


def _site_works(kept: list[Candidate], view: _View) -> list[Candidate]:
    """某某水库扩建, 某某桥加固, 某某市场扩建: the works on a named site or built place, a programme of its own
    (the site stays an entity too)."""
    out = []
    for c in kept:
        if not (c.type == "Facility" or (c.type == "Place" and (
                c.rule.startswith("head:") or not c.name.endswith(DIVISION_ENDS)))):
            continue  # 某河综合治理 too, not 某县综合整治 (a county's works are its programmes, named otherwise)
        works = _SITE_WORKS.match(view.text, c.end)
        if works and works.end() in view.ends | {len(view.text)} \
                and not any(k is not c and k.start < works.end() and c.end < k.end for k in kept):
            out.append(Candidate(view.text[c.start:works.end()], "Program", view.sentence.index, c.start,
                                 works.end(), confidence=0.55, priority=1, rule="site-works"))
    return out


def _group_named(modifier: str, head: str) -> bool:
    """Whether 人才 / 家庭 / 群众 / 对象 with this modifier name a group served (某层次人才, 某类困难的家庭),
    not kinds of skill (教育科技人才), a list of settings (学校家庭社会) or everyone (人民群众, 服务对象);
    other heads always do."""
    if head == "人才":
        return modifier.endswith(("层次", "领军", "紧缺", "青年", "海外", "外籍", "顶尖")) \
            or modifier.startswith(("外籍", "外国", "海外", "国际"))
    if head == "家庭":
        return modifier.endswith(("就业", "困难", "低保", "低收入", "特困", "子女", "军人", "多孩"))
    if head == "群众":  # those in need (困难 or 受灾 before 群众); not 人民群众, 干部群众 (everyone)
        return modifier.endswith(("困难", "受灾", "贫困", "低收入", "特困", "失地"))
    if head == "对象":  # those a benefit is for (优抚 or 帮困 before 对象); not 服务对象
        return len(modifier) >= 4 or modifier.endswith(("优抚", "救助", "帮扶", "供养", "低保"))
    return True


_HEADCOUNTS = frozenset("常住 户籍 整体 城乡 城镇 农村 学龄 劳动年龄 总 流动 出生 老年".split())  # 常住人口: counted
_SCOPE_WORDS = frozenset("全球 全国 全省 全市 全区 全域 广大 校园 自治区 省 市 区 县".split())  # 自治区青少年: everyone there
_SERVICE_AFTER = re.compile(r"(?:安置|援助|帮扶|救助|关爱|慰问|培训|市民化|补助|救济|转移就业|(?:入学)?资助"
                            r"|(?:基本)?养老保险(?:金标准)?"
                            r"|(?:(?!发放|提供|给予|落实|提高|增加)[\u4e00-\u9fff]){0,6}?(?:补贴|津贴)(?:政策)?)"
                            r"(?=工作|标准|等|和|及|[，,。；;、]|$|[\d.]+[万亿]?元)")   # not across its verb (某群体发放补贴)


def _served_groups(kept: list[Candidate], view: _View, voc: _Vocab) -> list[Candidate]:
    """The group a programme or site is named after (某籍人才某某行动 → 某籍人才; a group named by its head
    alone, 青少年某某中心), and the service a group is named with (某类农民安置): the group served, and
    the programme serving it."""
    out = []
    for c in kept:
        if c.type == "TargetGroup":
            service = _SERVICE_AFTER.match(view.text, c.end)
            if service and not any(k is not c and k.start < service.end() and c.end < k.end for k in kept):
                out.append(Candidate(view.text[c.start:service.end()], "Program", view.sentence.index, c.start,
                                     service.end(), confidence=0.55, priority=1, rule="group-service"))
        elif c.type in ("Program", "Mechanism", "Facility") and not c.name.startswith(("“", "《")):
            lead = len(c.name) - len(c.name.lstrip("0123456789"))  # 12355某某服务台: the number is the line's
            first = view.toks[view.token_at(c.start + lead)] if c.start + lead < len(view.text) else None
            placed = 0
            if first is not None and first.start == c.start + lead and len(c.name) - lead - len(first.text) >= 3 and (
                    first.tag.startswith("ns") and first.text.endswith(DIVISION_ENDS)
                    or first.text in ("省", "市", "区", "县")):
                placed = len(first.text)  # 某某区某类人员服务中心, 区某某毕业生创业中心: the place's, not the group's
                lead += placed
            for end in range(min(len(c.name) - 3, 8 + placed), lead + 2, -1):
                group = c.name[lead:end]
                head = next((group[-n:] for n in voc.group_head_lengths if group[-n:] in voc.group_heads), None)
                if head is None or c.start + end not in view.ends:
                    continue
                modifier = group[: -len(head)]
                if modifier in voc.group_heads and voc.heads[modifier][2] == 0:  # 甲群体乙群体某某中心: both
                    out.extend(Candidate(name, "TargetGroup", view.sentence.index, at, at + len(name), confidence=0.5,
                                         priority=1, nested=True, rule="group-in-name")
                               for name, at in ((modifier, c.start + lead), (head, c.start + end - len(head))))
                    break
                if (modifier or voc.heads[head][2] == 0) and modifier not in voc.generic \
                        and modifier not in _SCOPE_WORDS and _group_named(modifier, head):
                    out.append(Candidate(group, "TargetGroup", view.sentence.index, c.start + lead, c.start + end,
                                         confidence=0.5, priority=1, nested=True, rule="group-in-name"))
                    break
    return out


_TRADE = re.compile(r"新能源|能源|新材料|材料|科技|家居|纺织|铝业|化工|药业|制药|电子|重工|机械|钢铁|水泥|物流|食品|乳业"
                    r"|建材|实业|矿业|煤业|电力|光电|光伏|生物|汽车|陶瓷|服饰|集团")  # the trade a firm's short name ends in
_FIRM_FIRST = re.compile(rf"^([{_CJK}]{{2,5}}?)第?(?=\d|[{_NUMERALS}]期)")  # (某某第8.6代某某线: not 第)
_FIRM_DEED = re.compile(rf"^([{_CJK}]{{2,8}}?)(?:迁址新建|迁建|综合技改|技改|扩能改造|改造复产|复产)(?:项目|工程)?$")


_FIRM_SITE = re.compile(rf"^([{_CJK}]{{3,6}}?)(?:主力店|生产线|核心装置|培训中心|调度中心|铁路专用线|区域总部)"
                        r"(?:项目|工程)?$")


def _opens_plainly(words: Sequence[Token]) -> bool:
    """No place name and no function word among the first two words (甲乙牧机, not 在某地…)."""
    return not any(t.tag in _FUNCTION_TAGS or t.tag.startswith("ns") for t in words[:2])


def _unknown_name(words: Sequence[Token]) -> bool:
    """Whether words read as a proper name the dictionary does not know: one it tags as a name (nz, nr, nt),
    or one it cuts into single characters (甲乙牧机 → 甲|乙|牧机), no place name among them."""
    return _opens_plainly(words) and (words[0].tag.startswith(("nz", "nr", "nt")) or (
        len(words) >= 2 and len(words[0].text) == 1 and (len(words[1].text) == 1 or words[1].tag.startswith(("nr", "nz")))))


def _firms_in_works(kept: list[Candidate], view: _View, voc: _Vocab) -> list[Candidate]:
    """The firm a project is named after (某某1830化肥, 某某10万吨某某二期): a proper name before the
    project's size or phase, itself no site or place, is the company that builds it; so is the owner of a
    plant's line, store or training centre (某某生产线, 某某主力店)."""
    out = []
    for c in kept:
        if c.rule.startswith("quote"):
            continue  # “某宁600”农林基地: a quoted brand is one name, no firm and its size
        site = _FIRM_SITE.match(c.name) if c.type in ("Program", "Facility") else None
        if site and not _known_place(site.group(1)) and site.group(1) not in voc.generic and (
                _head_type(site.group(1), voc) == "Organization" or _unknown_name(tokens(site.group(1)))):
            name = site.group(1)
            out.append(Candidate(name, "Organization", view.sentence.index, c.start, c.start + len(name),
                                 confidence=0.5, priority=1, nested=True, rule="firm-of-works"))
            continue
        deed = _FIRM_DEED.match(c.name) if c.type == "Program" else None
        if deed and (_head_type(deed.group(1), voc) == "Organization" or tokens(deed.group(1))[0].tag == "nz"):
            name = deed.group(1)  # 某某啤酒迁址新建, 某某公司综合技改: the firm that moves or renews its plant
            out.append(Candidate(name, "Organization", view.sentence.index, c.start, c.start + len(name),
                                 confidence=0.5, priority=1, nested=True, rule="firm-of-works"))
            continue
        firm = _FIRM_FIRST.match(c.name) if c.type in ("Program", "Facility") else None
        if firm is None:
            continue
        words = tokens(firm.group(1))
        proper = list(itertools.takewhile(lambda t: t.tag.startswith(("nz", "nr", "nt")), words))
        if proper:  # 某星|美|凯|龙: the single characters after a known name are the rest of it
            proper += itertools.takewhile(lambda t: len(t.text) == 1 and t.tag not in _FUNCTION_TAGS,
                                          words[len(proper):])
        name = "".join(t.text for t in proper)
        if name and _TRADE.fullmatch(firm.group(1)[len(name):]):
            name = firm.group(1)  # 某某新能源一期: the trade after the name is part of the firm's
        if not name and len(firm.group(1)) == 2 and all(len(t.text) == 1 for t in words):
            name = firm.group(1)  # 某电2×35万千瓦…: a firm's two-character short name jieba splits
        elif not name and len(words) >= 3 and all(len(t.text) == 1 for t in words[:2]) and _opens_plainly(words) \
                and not _known_place(firm.group(1)):
            name = firm.group(1)  # 甲乙物流二期: a name the dictionary does not know, cut into characters
        if len(name) >= 2 and not _ends_in_head(firm.group(1), voc) and name not in voc.generic \
                and not _known_place(name):  # 某机场三期 is a site's phase, not a firm's project
            out.append(Candidate(name, "Organization", view.sentence.index, c.start, c.start + len(name),
                                 confidence=0.5, priority=1, nested=True, rule="firm-of-works"))
    return out


def _built_platform(c: Candidate, level: str) -> bool:
    """A city's or province's 某某信息平台 named by its head is a system built (a Facility, and its 二期 a site
    of its own); a district's, a way of working."""
    return c.type == "Mechanism" and level in ("city", "province") and c.name.endswith("平台") \
        and c.rule.startswith("head:")


def _phases(kept: list[Candidate], view: _View) -> list[Candidate]:
    """A later phase of a named site (某机场三期, 某港五期) in a city or province report: a facility of its own,
    inside the site. Below a city a phase is mostly the same local project again (its alias)."""
    out: list[Candidate] = []
    if view.level not in ("city", "province"):
        return out
    voc = _vocab()
    for c in kept:  # 某机场第三跑道 found whole: the site it extends is named too
        site = _PHASE_TAIL.search(c.name) if c.type == "Facility" else None
        if site and site.start() >= 3 and voc.heads.get(c.name[site.start() - 2:site.start()],
                                                        voc.heads.get(c.name[site.start() - 1], ("",)))[0] \
                == "Facility":
            out.append(Candidate(c.name[:site.start()], "Facility", view.sentence.index, c.start,
                                 c.start + site.start(), confidence=0.6, priority=1, rule="phase-site"))
        elif c.type == "Program" and (host := _HOST_OF_MEETING.search(c.name)):  # 某某论坛年会: the forum holds it
            out.append(Candidate(c.name[:host.end(1)], "Organization", view.sentence.index, c.start,
                                 c.start + host.end(1), confidence=0.55, priority=1, rule="meeting-host"))
        elif c.type == "Facility" and (inner := _SITE_INSIDE.search(c.name)) and inner.start() >= 6:
            out.append(Candidate(c.name[:inner.start()], "Facility", view.sentence.index, c.start,
                                 c.start + inner.start(), confidence=0.55, priority=1, rule="site-of-service"))
    for c in kept:
        phase = _PHASE_AFTER.match(view.text, c.end)
        if not phase or not (c.type in ("Facility", "Place", "Organization") or _built_platform(c, view.level)):
            continue
        end = phase.end()
        if any(k is not c and k.start < end and c.end < k.end for k in kept):
            continue
        out.append(Candidate(view.text[c.start:end], "Facility", view.sentence.index, c.start, end, confidence=0.6,
                             priority=1, rule="phase"))
    return out


_LINE_OPENS = rf"(?:(?<![{_CJK}])|(?<=建成|开通|建设|推进|开工|加快|完成|启动))"   # a road's name after a mark or a verb
_LINE_GOES_ON = rf"[、，,；;。等（(]|全线|建成|建设|通车|开工|[{_CJK}]{{2}}段"   # … and what may follow it
_ROUTE = re.compile(
    rf"(?:轨道交通|地铁|城轨)(?:[A-Z]?\d+|[{_NUMERALS}]+)号?线"          # 轨道交通9号线, 地铁S1线
    rf"|(?:市郊铁路|城际铁路|市域铁路)(?:[{_CJK}]{{2,4}}至)?[{_CJK}]{{2,4}}线"  # 市郊铁路某某线, 市域铁路A至B线
    rf"|(?<![{_CJK}])[东西南北]{{1,2}}[二三四五六七]环(?:路|线)?(?![境保节比球])"  # 东三环, 西南五环
    rf"|{_LINE_OPENS}[{_CJK}]{{2,3}}高速(?={_LINE_GOES_ON}|公路|改扩建|扩容)"  # 某某高速, after a verb or a mark
    rf"|(?<![A-Za-z0-9])[GS]\d{{1,4}}(?![\dA-Za-z]|[{_CJK}]{{0,4}}峰会|集团|国家|成员)(?:[{_CJK}]{{2,4}}?(?:高速|国道|省道))?")
# G12某某高速, G345 (not the G20 summit, nor its states)


_ROAD_CHAR = rf"(?:(?![的和与及])[{_CJK}])"   # (甲班列和乙至丙的跨境公路: two things and a description, no road's name)
_LINE_SECTION = re.compile(  # 某某高速某地至某地段, G1某地至某地段, 某某大道至某山公路: one stretch of road, one place
    rf"(?:[{_CJK}（）]{{2,12}}?(?:高速|高铁|铁路|城际|国道|省道|公路)|(?<![A-Za-z0-9])[GS]\d{{1,4}})"
    rf"[{_CJK}]{{2,5}}?至[{_CJK}]{{2,5}}?段"
    rf"|{_ROAD_CHAR}{{2,8}}?至{_ROAD_CHAR}{{2,6}}?(?:高速公路|快速路|公路|铁路)(?![{_CJK}]{{0,4}}段)")
_ROUTE_WORKS = re.compile(rf"[{_CJK}]{{2,14}}?(?:工程|项目)")
_ABBREVIATED_LINE = re.compile(rf"{_LINE_OPENS}([{_CJK}]{{2}})(?:铁路|高铁)(?={_LINE_GOES_ON})")


def _routes(view: _View, voc: _Vocab) -> list[Candidate]:
    """Numbered transit lines and ring roads, which carry no place head a dictionary knows; not a verb
    before a bare 高速 (加快高速…)."""
    out = []
    for m in _ROUTE.finditer(view.text):
        first = view.toks[view.token_at(m.start())] if view.token_at(m.start()) < len(view.toks) else None
        listed = view.text[m.start() - 1:m.start()] == "、" and view.text[m.end():m.end() + 1] in ("、", "等")
        if view.is_protected(m.start(), m.end()) or (first is not None and not listed and (
                first.text in voc.stop or first.tag.startswith(("v", "d")))):
            continue
        ends = re.search(rf"铁路([{_CJK}]{{2,4}})至([{_CJK}]{{2,4}})线$", m.group(0))
        out.append(Candidate(m.group(0), "Place", view.sentence.index, m.start(), m.end(), confidence=0.6,
                             aliases=(ends.group(1)[0] + ends.group(2)[0] + "线",) if ends else (),  # 甲乙线
                             priority=2, rule="route",  # inside its works' name, not inside its own section
                             nested=re.match(rf"[{_CJK}]{{2}}段", view.text[m.end():]) is None))
        works = _ROUTE_WORKS.match(view.text, m.end()) if m.group(0)[0] in "GS" else None
        if works:  # G98某某高速提档扩容工程: the works on a numbered road, named after it
            out.append(Candidate(view.text[m.start():works.end()], "Program", view.sentence.index, m.start(),
                                 works.end(), confidence=0.6, priority=2, rule="route-works"))
    for m in (_ABBREVIATED_LINE.finditer(view.text) if "铁" in view.text else ()):
        if m.group(1) not in tokenizer().FREQ and not view.is_protected(m.start(), m.end()):
            out.append(Candidate(m.group(0), "Place", view.sentence.index, m.start(), m.end(), confidence=0.6,
                                 priority=2, rule="route"))  # 某茂铁路: two cities' first characters (a word is a kind)
    for m in (_LINE_SECTION.finditer(view.text) if "至" in view.text else ()):
        name, start = _drop_opening_verbs(view, m.group(0), m.start(), voc)
        if len(name) >= 6 and "至" in name[2:] and not view.is_protected(start, start + len(name)):
            out.append(Candidate(name, "Place", view.sentence.index, start, start + len(name), confidence=0.65,
                                 priority=2, rule="line-section"))
    return out


_CARING = re.compile(r"(?:关心|关爱|帮扶|慰问|救助|服务|教育引导|安置)+")
_STANDING_OF_PEOPLE = re.compile(r"在岗|持证|在职|在校|在编|在册")
_REGION_RUN = re.compile(rf"((?:[{_CJK}][东西南北中]){{2,}})地区")


def _split_regions(kept: list[Candidate]) -> list[Candidate]:
    """某东某西某北地区: the regions of a province named together, each a place of its own."""
    out = []
    for c in kept:
        run = _REGION_RUN.fullmatch(c.name) if c.type == "Place" else None
        if run is None or len({c.name[i] for i in range(0, len(run.group(1)), 2)}) != 1:
            out.append(c)
            continue
        for i in range(0, len(run.group(1)), 2):
            out.append(Candidate(c.name[i:i + 2], "Place", c.sentence, c.start + i, c.start + i + 2,
                                 confidence=c.confidence, priority=c.priority, rule="region"))
    return out


_CITY_ZONE = re.compile(r"(?:城市|市域)副中心|核心区")


def _city_zones(view: _View, voc: _Vocab) -> list[Candidate]:
    """A city's own zones named by planning words (its sub-centre, its core area 核心区), where they stand
    alone: after a verb or a mark, not after a name they belong to (某某园核心区)."""
    if view.level != "city":
        return []
    out = []
    for m in _CITY_ZONE.finditer(view.text):
        i = view.token_at(m.start())
        if i >= len(view.toks) or view.toks[i].start != m.start():
            continue
        prev = view.toks[i - 1] if i > 0 else None
        if prev is None or _is_boundary(prev, voc) or prev.tag.startswith("v"):
            out.append(Candidate(m.group(), "Place", view.sentence.index, m.start(), m.end(), confidence=0.55,
                                 priority=1, nested=True, rule="city-zone",
                                 aliases=("副中心",) if m.group().endswith("副中心") else ()))
    return out


_FIRM_GROUP = re.compile(r"(?:民营小微|中小微|中小|外资|外商投资|民营|四上|规上)企业(?![家主])")


_COUNTED_FOR = re.compile(r"(?:为|惠及|帮助|资助|救助|帮扶|安置|培训|覆盖|服务)(?:超|近|约|逾)?[\d.]+(?:万|余|多)?(?:名|位|人|户)")


_ANYONE = ("对象", "群众")  # heads that name a group only with their modifier (服务2818名对象: anyone served)


def _counted_groups(view: _View, voc: _Vocab) -> list[Candidate]:
    """A group counted as the people a programme serves (惠及168万名儿童, 为超300万名某某): named by its head
    alone too, which elsewhere is a kind of people."""
    out = []
    for m in (_COUNTED_FOR.finditer(view.text) if any(ch.isdigit() for ch in view.text) else ()):
        at = m.end()
        head = next((h for n in voc.group_head_lengths if (h := view.text[at:at + n]) in voc.group_heads
                     and voc.heads[h][2] <= 2 and h not in _ANYONE), None)
        end = m.end() + len(head) if head else 0
        if head and end in view.ends and not view.is_protected(m.end(), end):
            out.append(Candidate(head, "TargetGroup", view.sentence.index, m.end(), end, confidence=0.5,
                                 priority=1, rule="counted-group"))
    return out


def _firm_groups(view: _View) -> list[Candidate]:
    """Firms by kind that programmes serve (private, small and micro, foreign-funded), where a word begins."""
    return [Candidate(m.group(), "TargetGroup", view.sentence.index, m.start(), m.end(), confidence=0.6, priority=1,
                      nested=True, rule="firm-group")
            for m in _FIRM_GROUP.finditer(view.text) if m.start() in view.starts]


def _list_items(view: _View, end: int, width: int, voc: _Vocab) -> list[tuple[str, int]]:
    """The items of ``width`` characters listed with 、 before offset ``end`` (which follows a 、), nearest last."""
    text, items = view.text, []
    while end > width and text[end - 1] == "、":
        start = end - 1 - width
        item = text[start:end - 1]
        if start not in view.starts or not re.fullmatch(rf"[{_CJK}]+", item) or item in voc.generic \
                or item in voc.stop:
            break
        if start == 0 or text[start - 1] != "、":
            before = next((t for t in view.toks if t.end == start), None)
            if before is None or _is_boundary(before, voc):
                items.append((item, start))  # the list's first item, not the tail of a longer word
            break
        items.append((item, start))
        end = start
    return items[::-1]




def _short_place(item: str) -> bool:
    """Whether a listed item reads as places' short names (某琼, 某港): each word a place word or a
    single character, one at least a place word."""
    toks = tokens(item)
    return any(t.tag.startswith(("ns", "j")) for t in toks) and all(
        len(t.text) == 1 or t.tag.startswith(("ns", "j")) for t in toks)


def _shared_heads(kept: list[Candidate], view: _View, voc: _Vocab) -> list[Candidate]:
    """某琼、某琼、某港合作产业园: places or sites listed by their short names share the rest of the last
    one's name; each is a site of its own (某琼合作产业园)."""
    out = []
    for c in kept:
        if c.type not in ("Place", "Facility") or c.start < 3 or view.text[c.start - 1] != "、":
            continue
        for width in (2, 3):
            rest = c.name[width:]
            items = _list_items(view, c.start, width, voc)
            community = rest.startswith(_COMMUNITY_HEADS) and view.level not in ("city", "province")
            if len(rest) < 2 or c.start + width not in view.starts or len(items) < 1 or rest.startswith(c.name[:width]) \
                    or not (community or all(_short_place(item) for item, _ in items + [(c.name[:width], c.start)])) \
                    or any(len(item) >= 3 and item[-1] in _DIVISION_CHARS for item, _ in items):
                continue  # 某树乡、某城市某家镇: a township named whole is a place of its own, no short name
            out += [Candidate(item + rest, c.type, c.sentence, start, start + width, confidence=0.55,
                              priority=1, rule="shared-head") for item, start in items]
            if community:  # 甲、乙社区某某站: the stations of two communities, and the communities
                head = next(h for h in _COMMUNITY_HEADS if rest.startswith(h))
                out += [Candidate(item + head, "ResidentialArea", c.sentence, start, start + width, confidence=0.55,
                                  priority=1, nested=True, rule="shared-head")
                        for item, start in items + [(c.name[:width], c.start)]]
            break
    return out


_COMMUNITY_HEADS = ("社区", "居民区", "小区", "嘎查")
_LINE_WORD = re.compile(r"高速|高铁|铁路|城际|国道|省道|公路|段|[GS]\d")


_BOUND = re.compile(r"[东南西北]至")   # 东至某路，北至某路: a site's bounds


def _past_bound(c: Candidate, text: str) -> Candidate:
    """东至某某路 at a clause's start or after the site (项目东至…): the road, not its bound's word."""
    if c.type == "Place" and _BOUND.match(c.name) and len(c.name) >= 5 and _BOUND.search(text, c.end) \
            and (not c.start or text[c.start - 1] in "，,；;。：:" or text[:c.start].endswith(("项目", "地块", "用地"))):
        return replace(c, name=c.name[2:], start=c.start + 2)
    return c


def _within_sections(cands: list[Candidate]) -> list[Candidate]:
    """Inside a stretch of road (某某高速A至B段), only its two ends are places of their own (and kept beside
    it): not the line with the first end (某高速A), nor the second end with the road's kind (B公路)."""
    sections = [c for c in cands if c.rule == "line-section"]
    if not sections:
        return cands
    out = []
    for c in cands:
        inside = next((sec for sec in sections if c is not sec and c.type == "Place"
                       and sec.start <= c.start and c.end <= sec.end), None)
        if inside is not None and _LINE_WORD.search(c.name) and c.rule != "route":
            continue  # (a numbered road, G1 or S2, is a place of its own)
        out.append(replace(c, nested=True) if inside is not None else c)
    return out


_SHORT_FORM = re.compile(r"[（(](?:以下)?简称$")


def _abbreviated(kept: list[Candidate], view: _View) -> list[Candidate]:
    """X（以下简称Y）: Y is the short form the report will use for X, an alias, not a second name."""
    if "简称" not in view.text:
        return kept
    out = list(kept)
    for c in kept:
        opened = _SHORT_FORM.search(view.text, 0, c.start)
        if opened is None:
            continue
        full = next((k for k in out if k is not c and k.end == opened.start()), None)
        if full is not None:
            full.aliases = tuple(dict.fromkeys((*full.aliases, c.name.strip("《》“”"))))
            out.remove(c)
    return out


def _every_one_of_a_list(c: Candidate, view: _View) -> bool:
    """稳增长、调结构、惠民生各项政策措施: the last of a list of aims before 各项 names no policy."""
    return view.text[c.start - 1:c.start] == "、" and re.search(r"各项|各类|各种", c.name) is not None


def _across_a_government(c: Candidate) -> bool:
    """某区人民政府某某街道办事处: a name running on past a government is the office the issuer rule names."""
    return c.type in ("Place", "Organization") and c.name.find("人民政府") not in (-1, len(c.name) - 4)


def _type_word_of_a_quote(c: Candidate, kept: list[Candidate], view: _View) -> bool:
    """“老伙伴”互助站: the words after the quote are its kind, no site of their own."""
    return c.rule.startswith("head:") and c.start > 0 and view.text[c.start - 1] == "”" and any(
        k.rule.startswith("quote+") and k.start < c.start and c.end == k.end for k in kept)


_BORDERING = re.compile(r"^[东西南北](?:邻|接|靠|临|连|界|抵)")


def _place_of_a_verb(c: Candidate, kept: list[Candidate], view: _View) -> bool:
    """某某引领园区 inside 某某引领园区治理机制: a zone word the verb before it governs, inside a longer name,
    is no place named."""
    if c.type != "Place" or not c.rule.startswith("head:") or not any(
            k is not c and k.type in ("Mechanism", "Program", "PolicyDocument") and k.start <= c.start
            and c.end < k.end for k in kept):
        return False
    return any(t.tag == "v" and len(t.text) == 2 for t in view.toks if c.start <= t.start and t.end < c.end)


# Leading words a candidate's name does not own: each reader gives how many characters to cut, 0 for none.
_ALONG_WITH = re.compile(r"(?:协同|会同|配合)")
_INSIDE_LEAD = re.compile(r"内(?!蒙)|年度|年")
_ONLY_ONE = re.compile(r"唯一(?:的)?|首个|首批")
_THIS_TERM = re.compile(r"(?:新一届|本届|上届|新一任)")
_WHOLE_SCOPE = "全国|全省|全市|全区|国内|我国|全球"   # the scope of a title only one or the first holds
_ONE_OF_A_SCOPE_QUOTED = re.compile(rf"(?:{_WHOLE_SCOPE})?(?:唯一的?|首个)?(?:一个)?“([^”]{{2,40}})”")
_FIRST_OF_A_SCOPE = re.compile(rf"(?:{_WHOLE_SCOPE})(?:唯一的?|首个)")  # (首批某某 is the title)


def _worked_with(c: Candidate, view: _View) -> int:
    """协同某某局: the body worked with, not 协同 (a verb jieba reads as a noun)."""
    along = _ALONG_WITH.match(c.name) if c.type == "Organization" else None
    return along.end() if along and len(c.name) - along.end() >= 3 else 0


def _only_one_of_a_scope(c: Candidate, view: _View) -> int:
    """开展全省唯一|某某试点: the only one of a province, not part of the pilot's name."""
    only = _ONLY_ONE.match(c.name) if c.type in ("Program", "Mechanism") else None
    scoped = only and len(c.name) - only.end() >= 4 and re.search(r"(?:全国|全省|全市|全区|全县)$", view.text[:c.start])
    return only.end() if scoped else 0


def _scope_lead(c: Candidate, view: _View) -> int:
    """How many leading characters of a name belong to the words before it: 内 after 辖区 (辖区内某某工程), 年度 or
    年 after a year's digits (2024年度某某项目); 0 when none do."""
    lead = _INSIDE_LEAD.match(c.name)
    if not lead or len(c.name) - lead.end() < 3:
        return 0
    before = view.text[:c.start]
    scoped = before.endswith(("辖区", "区域", "园区", "社区", "小区", "街道")) if lead.group() == "内" \
        else before[-1:].isdigit()
    return lead.end() if scoped else 0


def sentence_candidates(sentence: Sentence, level: str = "", home: Home | None = None
                        ) -> tuple[list[Candidate], list[Hint]]:
    """All entity candidates of one sentence (after span competition), and relation hints."""
    voc = _vocab()
    view = _View(sentence, sentence.text, tokens(sentence.text), level, home=home)
    cands = _titles(view, voc)
    quoted, hints = _quotes(view, voc)
    cands += quoted
    honours = _awards(view, voc) + _ratings(view, voc)
    cands += honours + _reviewed(honours, voc)
    cands += _institutions(view, voc)
    cands += _concepts(view, voc)
    cands += _bare_laws(view)
    cands += _persons(view, voc)
    cands += _coordination(view, voc)
    cands += _community_subjects(view, voc) if "社区" in view.text else []
    cands += _villages_described(view, voc) if "的" in view.text and "村" in view.text else []
    cands += _routes(view, voc)
    cands += _divisions(view)
    cands += _regions(view)
    cands += _firm_groups(view)
    cands += _counted_groups(view, voc)
    cands += _city_zones(view, voc)
    cands += _driven_programs(view, voc)
    cands += _livelihood_projects(view)
    cands += _connect_services(view)
    cands += _provided_services(view)
    suffixed = _suffix_names(view, voc)
    cands += suffixed
    cands += _studio_persons(suffixed, view, voc)
    branches, hints_b = _branches(suffixed, view)
    works, hints_w = _listed_works(view, voc)
    cands += works
    hints += hints_w
    cands += branches
    hints += hints_b
    if "嘎查" in view.text or "苏木" in view.text:
        cands = _after_steppe_units(cands)
    if "至" in view.text:
        cands = [_past_bound(c, view.text) for c in _within_sections(cands)]
    kept = _abbreviated(_split_regions(_select(cands)), view)
    kept = [c for c in kept if not _place_of_a_verb(c, kept, view) and not _type_word_of_a_quote(c, kept, view)
            and not _across_a_government(c) and not _every_one_of_a_list(c, view)]
    kept += _place_prefixes(kept, view, voc)
    kept += _local_prefixes(kept, view)
    kept += _shared_heads(kept, view, voc)
    kept += _phases(kept, view)
    kept += _site_works(kept, view)
    kept += _served_groups(kept, view, voc)
    kept += _firms_in_works(kept, view, voc)
    kept += _places_developing(kept, view)
    kept += _ratings_of_works(kept, view)
    for c in kept:
        if c.type == "TargetGroup" and (care := _CARING.match(c.name)) and len(c.name) - care.end() >= 2:
            c.name, c.start = c.name[care.end():], c.start + care.end()  # 关心关爱某某员: the group cared for
        if c.type == "TargetGroup" and (standing := _STANDING_OF_PEOPLE.match(c.name)) \
                and len(c.name) - standing.end() >= 2 and c.name[standing.end():] not in voc.group_heads:
            c.aliases = tuple(sorted(set(c.aliases) | {c.name}))  # 在岗某某员, 持证某某员: the one group
            c.name, c.start = c.name[standing.end():], c.start + standing.end()
        for lead_of in (_worked_with, _only_one_of_a_scope, _scope_lead):
            if cut := lead_of(c, view):
                c.name, c.start = c.name[cut:], c.start + cut
        if c.type == "Organization" and (term := _THIS_TERM.match(c.name)) and len(c.name) - term.end() >= 3:
            c.name, c.start = c.name[term.end():], c.start + term.end()  # 新一届省政府: the body, not its term
        if c.type in ("Award", "Facility") and (first := _FIRST_OF_A_SCOPE.match(c.name)) \
                and len(c.name) - first.end() >= 4:
            c.aliases = tuple(sorted(set(c.aliases) | {c.name}))  # 全国首个某某示范园区: the title, first held
            c.name, c.start = c.name[first.end():], c.start + first.end()
        if c.type == "Place" and (side := _BORDERING.match(c.name)) and len(c.name) - side.end() >= 3:
            c.name, c.start = c.name[side.end():], c.start + side.end()  # 东邻某某镇: the town it borders
        if c.type in ("Facility", "Place") and _AIM.match(c.name):
            c.type = "Concept"  # 国际某某中心, 全球某某城市: a standing the place aims at, not a site
        elif c.type in ("Program", "Facility") and _ROUTE_NAME.search(c.name):
            c.type = "Place"  # 某某高速某某段, 某某通道, 某州古城: the route or site, not the works on it
        elif c.type == "Program" and view.level in ("city", "province") and _PLANT_PART.search(c.name):
            c.type = "Facility"  # 某公司二期, 某某12英寸产线: in a city or province, the plant built, not works
        elif _built_platform(c, view.level):
            c.type = "Facility"
    kept = [c for c in kept if not (c.name.endswith(("项目", "工程")) and c.name[:-2] in voc.generic)]  # 续建项目
    for c in kept:  # “某+某”［8］某某体系: a footnote's number inside a name is not part of it
        if "］" in c.name or "]" in c.name:
            bare = _FOOTNOTE.sub("", c.name)
            if bare != c.name and len(bare) >= 2:
                c.name, c.aliases = bare, tuple(sorted({*c.aliases, c.name}))
    for c in kept:  # a 中心 that wins honours or runs a platform acts as a body (网格中心荣获…)
        if c.type == "Facility" and _BODY_CENTRE.search(c.name):
            c.type = "Organization"  # 某某疾控中心, 某某仲裁中心, 某某交易中心: bodies that act, not sites
            continue
        if c.type == "Facility" and c.name.endswith("中心"):
            after = _PAREN_LEAD.sub("", view.text[c.end:])
            if after.startswith(tuple(c for c in voc.award_done if c != "通过" and not c.startswith("被"))) \
                    or view.text[:c.start].endswith("依托") and \
                    after.startswith("“"):
                c.type, c.priority = "Organization", 2
    return kept, hints


# --------------------------------------------------------------------------- glossary


def glossary_term_name(term: str, definition: str = "") -> tuple[str, str, tuple[str, ...]]:
    """Canonical name, type and aliases of a glossary term (居委会“5+2”延时服务制 → 5+2延时服务制)."""
    sentence = Sentence(index=0, text=term, start=0, end=len(term), part=0, section=None, paragraph=0)
    cands, _ = sentence_candidates(sentence)
    plain = term.replace("“", "").replace("”", "").strip()
    best = max(cands, key=lambda c: (c.end - c.start, c.priority), default=None)
    if best is not None and best.end - best.start >= len(term) - 6:
        name, typ, aliases = best.name, best.type, set(best.aliases) | {plain}
        if best.rule.startswith("quote-shape") or best.type in ("Place", "ResidentialArea", "TargetGroup", "Facility"):
            typ = _definition_type(term, definition) or typ
    else:
        name, typ, aliases = plain, _definition_type(term, definition) or _shape_type(plain), set()
    if typ in ("Place", "Facility", "ResidentialArea") and name[:1] in _NUMERALS + "双":
        typ = _definition_type(term, definition) or "Program"  # “四好”某某路: a programme about such sites
    return name, typ, tuple(sorted(aliases - {name}))


_DEF_CLASS = re.compile(r"(机制|制度|系统|平台|模式|体系|工作法|办法|行动|工程|计划|项目|活动|方案|规划|理念|战略|目标|格局|"
                       r"基础设施)")


def _glossary_items(definition: str, sidx: int, term: str = "") -> list[Candidate]:
    """Parts a glossary definition enumerates: “3”即A、B、C (an item without a head of its own joins the
    next: 司法所长、法律顾问列席…制度), or 是指A、B、C和D… with three or more plain items."""
    voc = _vocab()
    out = []

    def headed(item: str) -> bool:
        return _type_word_end(item, voc.heads, voc.head_lengths) is not None

    segments = re.findall(r"“[^”]{1,4}”即([^“]+?)(?=[，,；;。]?“|[；;。]|$)", definition)
    for seg in segments:
        items, pending = [], ""
        for piece in re.split(r"[、]", seg.strip("，,")):
            pending = f"{pending}、{piece}" if pending else piece
            if headed(pending):
                items.append(pending)
                pending = ""
        out += [Candidate(i, "Mechanism", sidx, 0, 0, confidence=0.6, priority=1, rule="glossary-item")
                for i in items if 3 <= len(i) <= 30]
    if not segments and (m := re.match(r"(?:是指|指|即)([^，,；;。]+)", definition)):
        pieces = [re.split(r"的|有机|相结合|协同", p)[0] for p in re.split(r"[、和]", m.group(1))]
        plain = [p for p in pieces if 4 <= len(p) <= 12 and "“" not in p
                 and re.search(r"(?:责任|制度|机制|体系|模式|平台|制)$", p)
                 and not any(t.tag == "v" or t.text in voc.stop for t in tokens(p))]
        if len(plain) >= 3:
            out += [Candidate(p, "Mechanism", sidx, 0, 0, confidence=0.5, priority=1, rule="glossary-item")
                    for p in plain]
    elif not segments and (pieces := bare_list(definition, counts_two(term))):
        heads = [_type_word_end(p, voc.heads, voc.head_lengths) for p in pieces]
        if all(heads):  # 某某行动、某某行动、…: a bare list of named parts, each typed by its head
            out += [Candidate(p, voc.heads[h][0], sidx, 0, 0, confidence=0.55, priority=1, rule="glossary-item")
                    for p, h in zip(pieces, heads) if 4 <= len(p) <= 30]
        elif counts_two(term) and len(pieces) == 2:  # “两某”：A和B。 the pair of campaigns it names
            out += [Candidate(p, "Program", sidx, 0, 0, confidence=0.55, priority=1, rule="glossary-item")
                    for p in pieces if 4 <= len(p) <= 20]
    return out



def _last(matches: Iterable[re.Match]) -> re.Match | None:
    """The last of some regex matches, or None."""
    last = None
    for last in matches:
        pass
    return last


def _definition_type(term: str, definition: str) -> str | None:
    """Type from what the definition says the term is (…的责任落实机制 → Mechanism)."""
    first = re.split(r"[。；;]", definition, maxsplit=1)[0]
    clause = re.split(r"[，,]", first, maxsplit=1)[0]
    m = _last(_DEF_CLASS.finditer(first))
    if m is None or not (m.end() >= len(first) - 2 or "简称" in first):
        m = _last(_DEF_CLASS.finditer(clause))
        if m is not None and m.end() < len(clause) - 1:
            m = None
    if m is not None:
        word = m.group(1)
        return {"机制": "Mechanism", "制度": "Mechanism", "系统": "Mechanism", "平台": "Mechanism",
                "模式": "Mechanism", "体系": "Mechanism", "工作法": "Mechanism", "办法": "Mechanism",
                "行动": "Program", "工程": "Program", "计划": "Program", "项目": "Program", "活动": "Program",
                "方案": "PolicyDocument", "规划": "PolicyDocument", "基础设施": "Facility"}.get(word, "Concept")
    plain = term.replace("“", "").replace("”", "")
    if re.match(rf"[{_NUMERALS}\d]+个", plain) or "圈" in plain[-2:]:
        return "Concept"
    enum = re.fullmatch(rf"(?:是指|指|即)([{_CJK}、和]+)。?", definition)
    if enum and all(len(i) <= 6 for i in re.split("[、和]", enum.group(1))):
        return "Concept"
    if "成为" in first or "目标" in first:
        return "Concept"
    return None


# --------------------------------------------------------------------------- document


def _issuer_candidates(doc: Document) -> list[Candidate]:
    """The body that issues the report (某某街道办事处 → 某某街道), the default subject of its honours."""
    issuer = doc.issuer
    if not issuer and not doc.place:
        return []
    out = []
    if not issuer:  # an excerpt without 我代表某某人民政府: the place its congress sits for still holds honours
        name = ""
    elif issuer.endswith("办事处"):
        name = issuer[: -len("办事处")]
        aliases = (issuer, "街道")
    elif issuer.endswith("人民政府"):
        name = issuer
        base = issuer[: -len("人民政府")]
        level = "自治区" if base.endswith("自治区") else "苏木" if base.endswith("苏木") else base[-1:]
        aliases = (base + "政府", level + "政府" if base else "", level + "人民政府" if base else "")
        if base and (titled := re.search(rf"[\u4e00-\u9fff]{{2,6}}?[省市州盟]{re.escape(base)}(?:人民)?政府",
                                            re.sub(r"(?:19|20)\d{2}年", "", doc.title))):
            aliases += (titled.group(0),)  # 某某市某某区政府2021年的报告: the body under its city's name too
    elif issuer.endswith("行政公署"):  # a league's or prefecture's office (某某盟行政公署)
        name, aliases = issuer, (issuer[: -len("行政公署")] + "行署", "行署")
    else:
        name, aliases = issuer, ()
    idx = next((s.index for s in doc.sentences if issuer and issuer in s.text), 0)
    if name:
        out.append(Candidate(name, "Organization", idx, 0, 0, aliases=tuple(a for a in aliases if a),
                             confidence=0.9, priority=4, rule="issuer"))
    place = doc.place
    if place and place != name and doc.level not in ("subdistrict", "") and (place[-1] in "省市区县旗镇乡州盟"
                                                                          or place.endswith("苏木")):
        level = place[-3:] if place.endswith(("自治区", "自治州")) else place[-2:] if place.endswith("苏木") else place[-1]
        stem = place[: -len(level)] if not _ZONE_PLACE.search(place) else ""  # (某某经济开发区: no 某某经济开发)
        unit = level if level == "苏木" else level[-1]
        aliases = tuple(a for a in (stem if len(stem) >= 2 else "", "全" + unit, "我" + unit) if a)
        idx = next((s.index for s in doc.sentences if place in s.text), idx)
        out.append(Candidate(place, "Place", idx, 0, 0, aliases=aliases, confidence=0.9, priority=4,
                             rule="place"))
    return out


def issuer_name(doc: Document) -> str:
    """Canonical name of the reporting body."""
    cands = _issuer_candidates(doc)
    return cands[0].name if cands else ""


def honour_holder(doc: Document) -> str:
    """Who holds an honour the text names no holder for: the place a district, city or province
    government speaks for, else the reporting body itself (a subdistrict office)."""
    cands = _issuer_candidates(doc)
    return cands[-1].name if cands else ""


def _alias_variants(c: Candidate) -> set[str]:
    """Other forms of a name the same report uses (东林居民区 ~ 东林, 奉贤区 ~ 奉贤, 海韵品牌)."""
    out = set(c.aliases)
    name = c.name
    if c.type == "ResidentialArea":
        for suf in ("居民区", "小区", "嘎查"):
            if name.endswith(suf) and len(name) - len(suf) >= 2:
                out.add(name[: -len(suf)])
    if c.type == "Place" and len(name) >= 3 and name[-1] in "省市区县" and c.rule.startswith("ns"):
        out.add(name[:-1])
    if (m := _YEAR_PREFIX.match(name)) and len(name) - m.end() >= 4:
        out.add(name[m.end():])
    if c.type == "Brand":
        out.add(name + "品牌")
    if c.type == "Organization" and name.endswith("公司") and len(name) >= 6 and c.rule == "head:公司":
        out.add(name[:-2])  # 某某矿业公司 ~ 某某矿业: the firm without its kind
    if c.type == "Award" and re.search(r"\d+强企业$", name):
        out.add(name[:-2])  # 某某500强企业 ~ 某某500强: the ranking is the honour
    return {a for a in out if a and a != name}


@dataclass
class _Group:
    cands: list[Candidate]
    keys: set[str]


def _mended_starts(cands: list[Candidate], doc: Document) -> list[Candidate]:
    """A name cut inside another the report names (某某即办 | 改革论坛 → 办改革论坛; 甲乙社区 | 文体馆 → 乙社区文体馆):
    it starts where that name starts. jieba cut the first name's last word loose from it."""
    names = {c.name for c in cands if len(c.name) >= 3 and c.rule in _WHOLE_NAME_RULES}
    by_end: dict[str, list[str]] = {}
    for n in names:
        for k in range(1, len(n)):
            by_end.setdefault(n[k:], []).append(n)  # the part of n that may open a cut name
    out = []
    for c in cands:
        text = doc.sentences[c.sentence].text if c.sentence is not None and c.end > c.start else ""
        fix = None
        if text and c.rule.startswith("head:") and c.start > 0 and text[c.start - 1] not in PUNCT:
            for cut in range(1, min(4, len(c.name) - 1)):
                for n in by_end.get(c.name[:cut], ()):
                    lead = len(n) - cut
                    if c.start >= lead and text[c.start - lead:c.start + cut] == n and n != c.name:
                        fix = lead
                        break
                if fix:
                    break
        out.append(replace(c, name=text[c.start - fix:c.end], start=c.start - fix) if fix else c)
    return out


_WHOLE_NAME_RULES = frozenset({"quote-own", "quote-shape", "quote-shape:long", "local-prefix", "institution",
                               "division", "class-list", "glossary", "driven"})


def _home_short(place: str) -> str:
    """The report's own place without its kind (某某区 → 某某), as a district's names open with it (a city's
    or province's own name is part of its institutions' names: 某省某某中心)."""
    end = next((e for e in sorted((*DIVISION_ENDS, "特别行政区"), key=len, reverse=True) if place.endswith(e)), "")
    short = place[:len(place) - len(end)]
    return short if len(short) >= 2 else ""


def _abbreviates(short: str, full: str) -> bool:
    """东乌旗 of 东乌珠穆沁旗, 科右中旗 of 科尔沁右翼中旗, 某某州 of 某某某族自治州: the first character and the
    kind kept, the others in the full name's order.

    >>> _abbreviates("东乌旗", "东乌珠穆沁旗"), _abbreviates("科右中旗", "科尔沁右翼中旗"), _abbreviates("东旗", "东乌旗")
    (True, True, False)
    """
    if not 3 <= len(short) <= len(full) - 2 or short[0] != full[0] or short[-1] != full[-1]:
        return False
    rest = iter(full[1:-1])
    return all(ch in rest for ch in short[1:-1])


_DIVISION_ABOVE = re.compile(r"[\u4e00-\u9fff]{2,6}(?:省|市|自治区|自治州|州|盟)")


def _home_in_full(cands: list[Candidate], place: str) -> list[Candidate]:
    """The report's own place by another name is the place: opening with a short form of it (东乌旗人民政府,
    where the report writes 东乌珠穆沁旗 too), or after the division above it (某市某区 in the title)."""
    if len(place) < 3:
        return cands
    names = {c.name for c in cands}
    out = []
    for c in cands:
        n = c.name.find(place[-1], 2) + 1
        if len(place) >= 5 and 3 <= n < len(place) and (full := place + c.name[n:]) in names \
                and _abbreviates(c.name[:n], place):
            c = replace(c, name=full, aliases=(*c.aliases, c.name))
        elif c.type == "Place" and c.name.endswith(place) and place in names \
                and (c.name[:-len(place)] in _division_words() or _DIVISION_ABOVE.fullmatch(c.name[:-len(place)])):
            c = replace(c, name=place, aliases=(*c.aliases, c.name))
        out.append(c)
    return out


_FRAME_WORDS = ("项目", "工程", "制度", "政策")   # what a programme is framed as, which the report may leave off


def _merge(cands: list[Candidate], home: str = "") -> list[_Group]:
    """Union candidates that share a name or alias key; a name opening with the report's own place
    (``home``, 甲区 → 甲某某组团) is the name the report also uses without it (某某组团)."""
    groups: list[_Group] = []
    index: dict[str, int] = {}
    parent: list[int] = []

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    surfaces = []
    for n, c in enumerate(cands):
        parent.append(n)
        keys = {name_key(c.name)} | {name_key(a) for a in _alias_variants(c)}
        if c.type in ("Program", "Mechanism", "PolicyDocument") and c.name.endswith(_FRAME_WORDS) and len(c.name) >= 6:
            keys.add(name_key(c.name[:-2]))  # 某某改造项目, 某某补贴制度 are 某某改造, 某某补贴 where the report names both
        keys.discard("")
        surfaces.append(keys)
        for k in keys:
            if k in index:
                a, b = find(index[k]), find(n)
                if a != b:
                    parent[max(a, b)] = min(a, b)
            else:
                index[k] = n
    by_type: dict[str, list[int]] = {}
    for n, c in enumerate(cands):
        by_type.setdefault(c.type, []).append(n)
    bodies = {name_key(c.name) for c in cands if c.type == "Organization"}  # 某集团某某改造项目: the body's own
    for typ, members in by_type.items():  # 社区治理巷长制 ~ 巷长制, 区税务局办公用房 ~ 税务局办公用房
        if typ in ("Person", "Place", "ResidentialArea", "Concept", "Award"):
            continue
        names = {}
        for n in members:
            names.setdefault(name_key(cands[n].name), n)
        longer: dict[str, list[str]] = {}
        for key in names:
            for cut in range(1, 5):
                if len(key) - cut >= 3 and key[cut:] in names and not (key[:cut] in bodies and key.endswith("项目")) \
                        and not key[:cut].endswith("自治"):  # the region's (自治 + 区政府) is not the district's
                    longer.setdefault(key[cut:], []).append(key)
                    break
        for short, keys in longer.items():
            if len(keys) == 1 and cands[names[short]].rule not in ("issuer", "place"):
                a, b = find(names[keys[0]]), find(names[short])
                if a != b:
                    parent[max(a, b)] = min(a, b)
    if home:
        own = {(c.type, name_key(c.name)): n for n, c in enumerate(cands)}
        for n, c in enumerate(cands):
            key = name_key(c.name)
            other = own.get((c.type, key[len(home):])) if key.startswith(home) and len(key) - len(home) >= 3 else None
            if other is not None and c.name.startswith(home):
                cands[n] = replace(c, name=c.name[len(home):], aliases=(*c.aliases, c.name))  # named as without
                a, b = find(n), find(other)
                if a != b:
                    parent[max(a, b)] = min(a, b)
    keys_all = {name_key(c.name): n for n, c in enumerate(cands)}
    ordered = sorted(keys_all)
    for n, c in enumerate(cands):  # 百佳 (from a list) ~ 百佳果品批发市场
        if c.rule == "class-list":
            k = name_key(c.name)
            longer = set()
            for key in ordered[bisect_right(ordered, k):]:  # the keys that start with k follow it
                if not key.startswith(k):
                    break
                if len(key) > len(k) + 1:
                    longer.add(key)
            kinds = {name_key(a)[len(k):][-2:] for a in c.aliases if name_key(a).startswith(k) and len(a) > len(c.name) + 1}
            if len(longer) == 1 and (not kinds or any(key.endswith(kind) for key in longer for kind in kinds)):
                # (甲 of 甲、乙两个市民广场 is no 甲桥: the longer name is of the kind listed)
                a, b = find(n), find(keys_all[longer.pop()])
                if a != b:
                    parent[max(a, b)] = min(a, b)
    by_root: dict[int, _Group] = {}
    for n, c in enumerate(cands):
        g = by_root.setdefault(find(n), _Group([], set()))
        g.cands.append(c)
        g.keys |= surfaces[n]
    groups = list(by_root.values())
    return groups


_TYPE_RANK = {"Award": 6, "PolicyDocument": 5, "CreativeWork": 5, "Person": 5, "Brand": 4, "Organization": 3,
              "ResidentialArea": 3, "Mechanism": 2, "Program": 2, "Facility": 2, "Concept": 2, "Place": 1,
              "TargetGroup": 1}


def _entity_of(group: _Group) -> Entity:
    """One entity from a group of candidates: the strongest candidate names and types it."""
    cands = group.cands
    score: dict[str, float] = {}
    for c in cands:
        score[c.type] = score.get(c.type, 0.0) + c.confidence * (1 + c.priority)
    if "Brand" in score and "Program" in score:
        score["Brand"] += score.pop("Program")
    typ = max(score, key=lambda t: (score[t], _TYPE_RANK.get(t, 0)))
    best = max((c for c in cands if c.type == typ),
               key=lambda c: (c.priority, c.confidence, len(c.name) if c.rule != "issuer" else 99))
    if typ == "Program" and best.name.endswith("项目"):  # 某某改造 named too: the project's own name
        best = next((c for c in cands if c.type == typ and c.name == best.name[:-2]), best)
    aliases = set()
    for c in cands:
        aliases.add(c.name)
        aliases |= _alias_variants(c)
    aliases.discard(best.name)
    conf = max(c.confidence for c in cands)
    conf = min(0.99, conf + 0.05 * (len({c.sentence for c in cands}) - 1))
    return Entity(name=best.name, type=typ, aliases=aliases, confidence=round(conf, 3), rule=best.rule,
                  found_in=tuple(sorted({c.sentence for c in cands if c.sentence is not None})))


_MARKS = re.compile(r"[“”《》]")


def _scan(text: str, first: dict[str, list[int]], surfaces: dict[str, int]) -> list[tuple[int, int, str]]:
    """Leftmost, then longest, non-overlapping occurrences of the surfaces in ``text`` (like a regex
    ``a|b|…`` sorted longest first), by the surfaces' first two characters: one dictionary look-up
    per position instead of compiling a pattern per document."""
    out = []
    i, n = 0, len(text) - 1
    get = first.get
    while i < n:
        lengths = get(text[i:i + 2])
        if lengths is not None:
            for size in lengths:
                word = text[i:i + size]
                if len(word) == size and word in surfaces:   # near the end the slice is shorter than size
                    out.append((i, i + size, word))
                    i += size
                    break
            else:
                i += 1
        else:
            i += 1
    return out


def _mentions(doc: Document, entities: list[Entity]) -> None:
    """Every occurrence of any of an entity's surfaces, longest surface first at each position.

    Quotation and title marks are ignored on both sides, so 调解工作四步法 is found in 调解工作“四步法”.
    """
    surface_of: dict[str, int] = {}
    for n, e in enumerate(entities):
        for s in sorted({_MARKS.sub("", x) for x in (e.name, *e.aliases)}, key=len, reverse=True):
            if len(s) >= 2 and s not in surface_of:
                surface_of[s] = n
    if not surface_of:
        return
    lengths: dict[str, set[int]] = {}
    for w in surface_of:
        lengths.setdefault(w[:2], set()).add(len(w))
    first = {k: sorted(v, reverse=True) for k, v in lengths.items()}
    for s in doc.sentences:
        text = s.text
        if _MARKS.search(text) is None:
            for a, b, word in _scan(text, first, surface_of):
                entities[surface_of[word]].mentions.append(Mention(word, s.index, s.start + a, s.start + b))
            continue
        kept = [i for i, ch in enumerate(text) if ch not in "“”《》"]
        plain = "".join(text[i] for i in kept)
        for start, end, word in _scan(plain, first, surface_of):
            e = entities[surface_of[word]]
            a, b = kept[start], kept[end - 1] + 1
            if a > 0 and text[a - 1] in "“《" and b < len(text) and text[b] in "”》":
                a, b = a - 1, b + 1
            e.mentions.append(Mention(text[a:b], s.index, s.start + a, s.start + b))


_DEFINED_AS = re.compile(r"^(?:是指|指的是|指|即)")


def extract_entities(doc: Document) -> tuple[list[Entity], list[Definition], list[Hint]]:
    """Entities (merged, with mentions), glossary definitions and relation hints of a document."""
    cands: list[Candidate] = list(_issuer_candidates(doc))
    hints: list[Hint] = []
    home = Home.of(doc)
    for s in doc.sentences:
        found, h = sentence_candidates(s, doc.level, home)
        cands += found
        hints += h
    gloss: list[tuple[str, str, int | None]] = []
    for g in doc.glossary:
        name, typ, aliases = glossary_term_name(g.term, g.definition)
        sidx = g.sentence if g.sentence is not None else 0
        core = re.search(r"“([^”]{2,})”", g.term)
        core_key = name_key(core.group(1)) if core and len(core.group(1)) >= 3 else ""
        whole = _DEFINED_AS.sub("", g.definition.strip()).rstrip("。；;.")  # 某某工程：某某一体化保护和修复工程。
        within = {g.sentence} | {t.index for t in doc.sentences if g.start <= t.start < g.end}
        for c in cands:  # the definition restates the term (“提、议…”议事三步法), or is its full name: same entity
            restated = core_key and c.sentence == g.sentence and c.rule.startswith("quote") \
                and name_key(c.name).endswith(core_key)
            if c.sentence in within and c.name != name and (
                    restated or c.name == whole and c.type == typ and len(whole) > len(name)):
                c.aliases = tuple(sorted(set(c.aliases) | {c.name}))
                c.name = name
        cands.append(Candidate(name, typ, sidx, 0, 0, aliases=aliases, confidence=0.95, priority=4,
                               rule="glossary"))
        if typ in ("Mechanism", "Program") and g.sentence is not None:
            cands += _glossary_items(g.definition, g.sentence, name)
        gloss.append((name, g.definition, g.sentence))
    cands = _home_in_full(_mended_starts(cands, doc), doc.place)
    groups = _merge(cands, _home_short(doc.place) if doc.level not in ("city", "province") else "")
    entities = [_entity_of(g) for g in groups]
    key_to_name = {}
    for g, e in zip(groups, entities):
        for k in g.keys:
            key_to_name.setdefault(k, e.name)
    definitions = [Definition(key_to_name.get(name_key(n), n), d, s) for n, d, s in gloss]
    _mentions(doc, entities)
    for e in entities:
        e.mentions.sort(key=lambda m: (m.sentence, m.start))
    hints = [Hint(key_to_name.get(name_key(h.subject), h.subject), h.predicate,
                  key_to_name.get(name_key(h.object), h.object), h.sentence, h.confidence, h.cue)
             for h in hints]
    entities.sort(key=lambda e: (e.mentions[0].start if e.mentions else -1, e.name))
    return entities, definitions, hints


def extract(doc: Document, min_confidence: float = 0.0, calibrated: bool = True) -> Extraction:
    """Entities, relations, metrics and glossary definitions of one document; the confidences of
    entities are the calibrated ones (kg.calibrate) unless ``calibrated`` is False."""
    entities, definitions, hints = extract_entities(doc)
    if calibrated:
        entities = calibrate_entities(entities)
    entities = [e for e in entities if e.confidence >= min_confidence]
    relations = [r for r in extract_relations(doc, entities, hints=hints, issuer=issuer_name(doc),
                                              holder=honour_holder(doc)) if r.confidence >= min_confidence]
    metrics = [m for m in extract_metrics(doc, entities) if m.confidence >= min_confidence]
    return Extraction(document=doc, entities=entities, relations=relations, metrics=metrics,
                      definitions=definitions)
