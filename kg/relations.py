"""Stage 4b: relations between the entities of a document, from the genre's cue words.

Rules read one sentence at a time over the entity mentions found in it, plus a few that read names
alone (a 工程 named after its river is located on it; a 项目 named after its company is run by it):

- receivedAward: X荣获/获/被授予/成功创建为/通过…评审 Y; no X in the clause → the reporting body
  (or the place it governs) holds the honour.
- locatedIn: 在X设立/打造/开展/建成 Y; 分别在A、B… pairs; a name that contains a place name.
- partOf: 2.0版 of a programme; glossary enumerations (“3”即A、B、C); A、B等C when C is a programme.
- targets: 为A、B等C解决/提供/拍照…; 对N户X开展…; 提升X获得感; names holding a group (某某人员帮扶).
- organizedBy: 依托X的Y / 依托X“Y”平台; 由X组织/牵头; X联合…开展Y; names opening with a company.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, NamedTuple, Sequence

from .gazetteer import above
from .models import Document, Entity, Relation, Sentence
from .segment import word_tags

__all__ = ["WATER_AND_LAND", "REVIEWED", "Hint", "bare_list", "counts_two", "extract_relations"]

_AWARD_HOLDERS = frozenset({"Organization", "ResidentialArea", "Place", "Facility", "Person", "CreativeWork"})
_LOCATABLE = frozenset({"Facility", "Program", "Brand", "Organization"})
_LOCATIONS = frozenset({"ResidentialArea", "Place", "Facility"})
_ACTIVE = frozenset({"Program", "Brand", "Facility", "Mechanism"})
_DONE_CUES = ("荣获", "获评", "获得", "被评为", "评为", "被授予", "授予", "成功创建成为", "成功创建为", "成功创建",
              "创建成为", "新创建", "被命名为", "命名为", "被列为", "列为", "入选", "入围", "跻身", "进入", "迈入", "稳居",
              "晋升为", "获", "荣膺", "荣登", "通过", "成为", "成功复评", "被认定为", "认定为", "列入", "被确定为", "确定为")
_NAME_GOES_ON = re.compile(r"(?!成功|连续|先后|再次|首次|已经|分别|正式|均|被|已|还|共|并|荣|又|也|再)[\u4e00-\u9fff]{2}")
# 某地控股跻身…: the place opens a longer name (a firm the rules missed), it is not the holder
_EVERY_UNIT = re.compile(r"\d+个(?:区|县|市|旗|乡镇|镇|街道)(?:均|全部|都)")
_TRY_CUES = ("积极创建", "争创", "创建", "巩固", "保持")
_SEEK_CUES = ("积极创建", "争创", "创建", "申创")   # right before the title, in the plans
_LOC_VERBS = ("设立", "打造", "开展", "建成", "建设", "新建", "增设", "推动", "布局", "安装", "实施", "启动", "举办",
              "成立", "开设", "建立", "推进", "引入", "设置", "落地")
_TARGET_VERBS = ("解决", "提供", "服务", "拍照", "发放", "开展", "送", "办理", "创造", "打造", "建立", "落实", "推出")
_CLAUSE = re.compile(r"[^，,；;。！？!?]+")
_ADMIN_END = ("省", "市", "区", "县", "旗", "镇", "乡", "自治区", "自治州", "盟")
DIVISION_ENDS = (*_ADMIN_END, "街道", "苏木")   # any division's name, 某某街道 and 某某苏木 (a township) too
REVIEWED = re.compile(r"评审|验收|复审|复评|复检|复查|考核|评估|认证")   # 通过X评审: X is held


class Hint(NamedTuple):
    """A relation a naming rule already saw (暖心行动2.0版 partOf 暖心), by surface names."""
    subject: str
    predicate: str
    object: str
    sentence: int
    confidence: float = 0.8
    cue: str = ""


class _Named(NamedTuple):
    """An entity known only by its name (a zone named inside its works)."""
    name: str
    type: str = "Place"


class _M(NamedTuple):
    """A mention inside one sentence (offsets relative to the sentence)."""
    start: int
    end: int
    entity: Entity


_JOINS = frozenset("、和与及")


def _elided_at(text: str, name: str) -> tuple[int, int] | None:
    """Where a list item written in part stands in its sentence: its longest start before a 和 or 、
    (甲类救助制度 at 甲类救助 in 甲类救助和乙类救助制度; 甲社区某某站 at 甲 in 甲、乙社区某某站) or its
    longest end after one (国家4A级某区 at 4A级某区 in 国家3A和4A级某区)."""
    for cut in range(len(name) - 1, 1, -1):
        at = text.find(name[:cut])
        while at >= 0 and text[at + cut:at + cut + 1] not in _JOINS:
            at = text.find(name[:cut], at + 1)
        if at >= 0:
            return at, at + cut
        at = text.find(name[-cut:])
        while at > 0 and text[at - 1] not in _JOINS:
            at = text.find(name[-cut:], at + 1)
        if at > 0:
            return at, at + cut
    return None


def _sentence_mentions(doc: Document, entities: Sequence[Entity]) -> dict[int, list[_M]]:
    out: dict[int, list[_M]] = {}
    for e in entities:
        for m in e.mentions:
            base = doc.sentences[m.sentence].start
            out.setdefault(m.sentence, []).append(_M(m.start - base, m.end - base, e))
    for e in entities:
        for sidx in () if e.mentions else e.found_in:
            span = _elided_at(doc.sentences[sidx].text, e.name)
            if span is not None and not any(m.start < span[1] and span[0] < m.end for m in out.get(sidx, ())):
                out.setdefault(sidx, []).append(_M(*span, e))  # only where no name written whole stands
    for ms in out.values():
        ms.sort(key=lambda m: (m.start, -m.end))
    return out


class _Collector:
    """Relations found so far, one per (subject, predicate, object)."""

    def __init__(self) -> None:
        self.items: dict[tuple[str, str, str], Relation] = {}

    def add(self, subject: str, predicate: str, obj: str, sentence: int, confidence: float, cue: str) -> None:
        if not subject or not obj or subject == obj:
            return
        key = (subject, predicate, obj)
        if key not in self.items or self.items[key].confidence < confidence:
            self.items[key] = Relation(subject, predicate, obj, sentence, confidence, cue)


@lru_cache(maxsize=64)
def _clauses(text: str) -> tuple[tuple[int, int], ...]:
    """Clause spans of a sentence (several rules read the same sentence in a row: kept for a while)."""
    return tuple(m.span() for m in _CLAUSE.finditer(text))


def _in(ms: Sequence[_M], start: int, end: int) -> list[_M]:
    return [m for m in ms if start <= m.start and m.end <= end]


_FIRM_TITLE = re.compile(r"企业(?:\d+强|[百千]强|[一二三四五六七八九十]+强)?$")   # a title only a firm holds


def _awards(text: str, sidx: int, ms: list[_M], default_holder: str, out: _Collector, planned: bool = False) -> None:
    """X荣获Y / 通过Y评审 / 被授予Y: the holder is the nearest suitable name before the cue in the clause.
    In the plans, a title sought (创建Y, 争创Y) is the honour the plan is for: a planned receivedAward."""
    clauses = _clauses(text)
    for ci, (cs, ce) in enumerate(clauses):
        if ci and text.startswith("以及", cs):
            cs = clauses[ci - 1][0]  # 荣获“甲”“乙”，以及“丙”等荣誉: the list goes on in the next clause
        for award in (m for m in _in(ms, cs, ce) if m.entity.type == "Award"):
            first = award  # 授予某某一等奖、某某二等奖: the list's first honour stands after the cue
            for prev in reversed([m for m in _in(ms, cs, award.start) if m.entity.type == "Award"]):
                if not re.fullmatch(r"[、和及“”]*|[，,]以及", text[prev.end:first.start]):
                    break
                first = prev
            before = text[cs:first.start]
            cue = next((c for c in _DONE_CUES if c in before[-16:]), None)
            sought = None
            if cue is None and planned:
                sought = cue = next((c for c in _SEEK_CUES if before.endswith(c)), None)
            if cue is None:
                continue
            tail = before[-10:].replace("成功创建", "").replace("新创建", "")
            if not sought and any(t in tail for t in _TRY_CUES):
                continue  # 积极创建, 巩固…成果, 力争…: sought or kept, not received here
            if cue == "通过" and not REVIEWED.match(text, award.end):
                continue
            cue_at = cs + before.rfind(cue)
            holders = [m for m in _in(ms, cs, cue_at) if m.entity.type in _AWARD_HOLDERS
                       or (text[m.end:cue_at] in ("", "”") and m.entity.type not in ("Award", "Concept"))]
            holders = [m for m in holders if not (m.entity.type == "Place" and _NAME_GOES_ON.match(text[m.end:cue_at]))]
            if "被" in text[cs:cue_at]:  # X被Y授予Z: the holder stands before 被
                by = cs + text[cs:cue_at].rfind("被")
                holders = [m for m in holders if m.end <= by]
            between = [m for m in _in(ms, cue_at + len(cue), first.start) if m.entity.type == "Place"
                       and not re.match(r"唯一|首个|首家|首批|仅有|第一个|的", text[m.end:])]  # (某省唯一的: a scope)
            if between:  # 创建某县、某市某物国家…示范区: the places named between the cue and the honour
                for h, nxt in zip(between, between[1:] + [None]):
                    if nxt is not None and nxt.start == h.end:
                        continue  # 某市某县: the county holds it, not the city it is in
                    out.add(h.entity.name, "receivedAward", award.entity.name, sidx, 0.7, cue)
                continue
            each = text[cue_at - 2:cue_at] == "分别"
            listed = _listed_before(text, holders, cue_at - 2 if each else cue_at)
            if each:  # 甲、乙分别入选A、B: one honour each, in order
                awards = [m for m in _in(ms, cue_at, ce) if m.entity.type == "Award"]
                if 0 < len(listed) < len(awards) and text[listed[0].start - 1:listed[0].start] in _JOINS:
                    awards = awards[len(awards) - len(listed):]  # 甲和乙分别…: 甲 unnamed, 乙 takes the last
                if len(awards) == len(listed) and award in awards:
                    out.add(listed[awards.index(award)].entity.name, "receivedAward", award.entity.name, sidx, 0.75,
                            cue)
                continue
            if len(listed) > 1:  # 某市、某市入选…: every listed holder
                for h in listed:
                    out.add(h.entity.name, "receivedAward", award.entity.name, sidx, 0.75, cue)
                continue
            holder = holders[-1].entity.name if holders else ""
            if len(holders) > 1 and re.search(r"等[\d一二三四五六七八九十]*[个处家座所]?[\u4e00-\u9fff]{0,4}$",
                                              text[holders[-1].end:cue_at].split("被")[0]):
                for h in holders:  # 哈克、团结等3处遗址被列为…: every listed holder
                    if re.fullmatch(r"[、和及]?", text[h.end:h.end + 1]) or h is holders[-1]:
                        out.add(h.entity.name, "receivedAward", award.entity.name, sidx, 0.7, cue)
            if not holder and text[cs:cs + 1] == "并" and ci > 0:
                ps, pe = clauses[ci - 1]
                prev = [m for m in _in(ms, ps, pe) if m.entity.type in _AWARD_HOLDERS]
                holder = prev[-1].entity.name if prev else ""
            if not holder and not holders:
                lead = text[cs:cue_at]
                if cue == "成为" and lead.strip() or _FIRM_TITLE.search(award.entity.name):
                    continue  # 某某新材料成为首个…集群, 某某获评省“某某企业”: an unnamed holder, not the report's place
                if re.search(r"\d+(?:家|名|个)", lead) and not _EVERY_UNIT.search(lead) \
                        or re.match(r"\d+(?:人|名|位)", text[award.end:]):
                    continue  # 3家企业荣获…, 获评某某工匠4人: unnamed holders (16个区均被评为…: the place itself)
                holder = _graded_site(award.entity.name, [m for m in ms if m.end <= cue_at]) or default_holder
            out.add(holder, "receivedAward", award.entity.name, sidx, 0.8 if holders else 0.65, cue)


def _zone_opening(name: str, zones: dict[str, list[Entity]]) -> Entity | None:
    """The zone a name opens with, whole (某组团第二水源地) or by its short form when one zone alone ends so
    (某观区一期工程 after 甲乙某观区); None when the name is the zone's own or no zone opens it. ``zones``:
    each zone under its whole name and under every ending of three characters or more (``_zone_forms``)."""
    found: Entity | None = None
    for n in range(3, len(name) - 1):  # the longest form that opens the name wins
        forms = zones.get(name[:n])
        if forms and len({z.name for z in forms}) == 1:
            found = forms[0]
    return found


def _zone_forms(places: Iterable[Entity]) -> dict[str, list[Entity]]:
    """Zones (names ending 组团, 园区, 新区…) by their whole name and by each ending of 3+ characters."""
    forms: dict[str, list[Entity]] = {}
    for z in places:
        if z.name.endswith(_ZONE_ENDS):
            for n in range(3, len(z.name) + 1):
                forms.setdefault(z.name[-n:], []).append(z)
    return forms


def _graded_site(award: str, earlier: Sequence[_M]) -> str:
    """启动某某医院扩建工程，力争晋升为某级某等医院: a grade of a kind of site (医院, 酒店, 景区…) goes to the
    last site of that kind named before, alone or opening a works' name; '' when none is."""
    kind = award[-2:]
    if kind not in _GRADED_KINDS:
        return ""
    for m in reversed(earlier):
        name = m.entity.name
        at = name.find(kind)
        if m.entity.type not in ("Award", "Concept") and at >= 1 and name != award:
            return name[:at + len(kind)]
    return ""


def _listed_before(text: str, holders: list[_M], cue_at: int) -> list[_M]:
    """The names listed with 、/和 that end right before a cue (某市、某市入选): the last holder and those
    joined to it."""
    if not holders or holders[-1].end != cue_at:
        return holders[-1:]
    listed = [holders[-1]]
    for h in reversed(holders[:-1]):
        if text[h.end:listed[0].start] not in ("、", "和", "及"):
            break
        listed.insert(0, h)
    return listed


_EVENT_HEADS = ("会", "节", "展", "赛", "论坛")  # 某某会 covers 博览会, 洽谈会, 运动会…
_HOSTED_HERE = re.compile(r"(?:在|于|来)(?:我|本)(?:区|市|省|县|旗|州|盟)(?:成功|隆重|顺利)?(?:召开|举办|举行)")


def _event(entity: Entity) -> bool:
    return entity.type in ("Program", "Brand") and entity.name.endswith(_EVENT_HEADS)


def _hosted_here(text: str, sidx: int, ms: list[_M], home: str, out: _Collector) -> None:
    """某某现场会和某某观摩会将在我区召开; 在我市成功举办某某博览会: the events meet in the report's own place."""
    for cue in _HOSTED_HERE.finditer(text):
        near = [m for m in ms if _event(m.entity) and (
            m.end <= cue.start() and not re.search(r"[；;。]", text[m.end:cue.start()])
            or m.start >= cue.end() and not re.search(r"[，,；;。]", text[cue.end():m.start]))]
        for m in near:
            out.add(m.entity.name, "locatedIn", home, sidx, 0.65, "在我区召开")


def _located(text: str, sidx: int, ms: list[_M], level: str, out: _Collector) -> None:
    """在X(内)设立/打造/开展 Y; 分别在A、B开展 with one named programme per place."""
    for cs, ce in _clauses(text):
        cms = _in(ms, cs, ce)
        for n, m in enumerate(cms):
            if m.entity.type not in _LOCATIONS or not text[:m.start].endswith("在"):
                continue
            rest = text[m.end:ce]
            verb = _LOC_VERB.match(rest)
            if not verb:
                continue
            after = [x for x in cms[n + 1:] if x.start >= m.end + verb.end() - 1 and x.entity.type in _LOCATABLE]
            if after:
                out.add(after[0].entity.name, "locatedIn", m.entity.name, sidx, 0.75, verb.group(1))
        lead = cms[0] if cms and cms[0].entity.type == "ResidentialArea" and not text[cs:cms[0].start].strip() else None
        verb = _SUBJECT_BUILDS.match(text, lead.end) if lead is not None else None
        if verb:  # 某某社区建立了某某中心: a community builds it within itself
            made = next((x for x in cms[1:] if x.start >= verb.end() - 1 and x.entity.type in _LOCATABLE), None)
            if made is not None:
                out.add(made.entity.name, "locatedIn", lead.entity.name, sidx, 0.65, verb.group(1))
        for n, (a, b) in enumerate(zip(cms, cms[1:])):  # 某某中心落户某市, 某某店入驻某某产业园: it settles there
            if b.entity.type not in _LOCATIONS or a.entity.type not in _LOCATABLE:
                continue
            if _SETTLES.fullmatch(text, a.end, b.start):
                out.add(a.entity.name, "locatedIn", b.entity.name, sidx, 0.7, "落户")
            elif _SETTLES_LISTED.fullmatch(text, a.end, b.start):  # 甲集团、乙集团等一批企业迁入某新区
                movers = [a] + [m for m in reversed(cms[:n]) if m.entity.type in _LOCATABLE]
                for m, nxt in zip(movers[1:], movers):
                    if text[m.end:nxt.start] not in ("、", "和", "及"):
                        break
                    out.add(m.entity.name, "locatedIn", b.entity.name, sidx, 0.65, "落户")
                out.add(a.entity.name, "locatedIn", b.entity.name, sidx, 0.65, "落户")
    each = _EACH.search(text)
    if each:
        places = [m for m in ms if each.start(1) <= m.start < each.end(1) and m.entity.type in _LOCATIONS]
        progs = [m for m in ms if m.end <= each.start() and m.entity.type in ("Program", "Brand")]
        if places and len(places) == len(progs):
            for p, q in zip(progs, places):
                out.add(p.entity.name, "locatedIn", q.entity.name, sidx, 0.7, "分别在")


_SETTLE_VERBS = r"(?:落户|入驻|进驻|落地|迁入|迁至|搬迁至)"
_SUBJECT_BUILDS = re.compile(rf"(?:先后|积极|已|还|率先|全面)?({'|'.join(_LOC_VERBS)})了?")
_SETTLES = re.compile(rf"(?:正式|成功|顺利|率先)?{_SETTLE_VERBS}(?:到|于|在)?")
_SETTLES_LISTED = re.compile(rf"等(?:一批|[\d一二三四五六七八九十]+[家个所])?[\u4e00-\u9fff]{{0,6}}?{_SETTLE_VERBS}(?:到|于|在)?")
_ZONE_WORD = re.compile(r"(园区|组团|新区|开发区|片区)")
_ZONE_START = re.compile(r"(园区|组团)")
_ROUTE = re.compile(r"([\u4e00-\u9fff]{2,6})至([\u4e00-\u9fff]{2,6})")
_MARKS = re.compile(r"[“”《》\s]")
_EACH = re.compile(r"分别在(.+?)(开展|设立|打造|建设|实施|推进|建成)")
_ETC_END = re.compile(r"等(?:\d+个|[一二三四五六七八九十]+个)?$")
_NO_CLAUSE_END = re.compile(r"[^，,；;。]*")
_LIST_GAP = re.compile(r"[、和]?|(?:项目)?等|(?:项目)?[、和]")
_CJK_SHORT = "\u4e00-\u9fff"
_NUM = "一二三四五六七八九十"
_LOC_VERB = re.compile(rf"(?:内|中|里|周边)?(?:[{_CJK_SHORT}]{{0,4}}?)({'|'.join(_LOC_VERBS)})")
_ZONE = re.compile(r"(?:组团|园区|产业园|物流园|新区|开发区|片区|商圈|示范区|度假区|合作区|先导区|城区)$")


_WORKS_ZONE = re.compile(r"(?:园区|产业园|物流园|汽车园|科技园|工业园|创意园|景区|组团|新区|开发区|度假区|合作区|商圈)$")
_ZONE_BUILT = re.compile(r"(?:项目)?(?:建设|改造|开发|扎实推进|全面推进|进展顺利)")
_ZONE_OPENED = re.compile(r"(?:加快|推进|加快推进|全力推进|加快建设|全面推进|重点推进)$")


# a clause that sets a task of its own (推动…, 配合做好…) leaves the zone; 确保…, 力争… and bare names stay in it
_NEW_TASK = re.compile(r"(?:继续|积极|全力|着力|大力|深入|加快|重点)?(?:推动|推进|实施|配合|启动|开展|做好|抓好|办好|加强|"
                       r"谋划|规划|建设|打造|完善|提升|支持|引导|引进)")


def _zone_works(text: str, sidx: int, ms: list[_M], out: _Collector, names: frozenset[str] = frozenset()) -> None:
    """加快某某园区建设，确保A投入使用，B、C等项目开工 / 某某园区A、B等项目开工: a sentence that opens on
    building a zone goes on to name the sites and projects inside it, up to the next ；. The zone may be
    named only inside its works (加快某某商圈改造，…)."""
    zones = [z for z in ms if z.entity.type in ("Place", "Facility") and _WORKS_ZONE.search(z.entity.name)]
    for w in ms:
        stem = re.sub(r"(?:改造|建设|开发)$", "", w.entity.name)
        if w.entity.type == "Program" and stem != w.entity.name and stem in names and _WORKS_ZONE.search(stem):
            zones.append(_M(w.start, w.start + len(stem), _Named(stem)))
    for z in zones:
        clause = next((c for c in _clauses(text) if c[0] <= z.start < c[1]), None)
        if clause is None:
            continue
        opens = (_ZONE_OPENED.search(text[clause[0]:z.start]) or z.start == clause[0]) \
            and _ZONE_BUILT.match(text[z.end:])  # 某某产业园项目扎实推进，A、B等工程主体完工 too
        leads = z.start == clause[0] and not opens
        if not (opens or leads):
            continue
        end = min((i for i in (text.find("；", z.end), text.find(";", z.end)) if i >= 0), default=len(text))
        end = next((cs for cs, _ in _clauses(text) if clause[1] <= cs < end and _NEW_TASK.match(text, cs)), end)
        for m in ms:
            if not (z.end <= m.start < end) or m.entity.type not in ("Facility", "Program") \
                    or _WORKS_ZONE.search(m.entity.name) or z.entity.name in m.entity.name:
                continue
            if leads and m.start >= clause[1]:
                continue  # 某园区A、B等项目开工，…: only the works of its own clause
            out.add(m.entity.name, "locatedIn", z.entity.name, sidx, 0.5, "zone")


# 缓解/改善/便利 a group's need, in the clause after the work that does it; a group's lot 得到改善 after it
_RELIEF = re.compile(r"(?:进一步|有效|切实|不断|持续|着力|充分)?(?:缓解|改善|便利|满足|解决|激发|保障)")
_NEED = re.compile(rf"(?:的)?[{_CJK_SHORT}]{{0,4}}?(?:困难|条件|环境|质量|出行|活力|需求|问题|难题|积极性)")
_EASED = re.compile(rf"的[{_CJK_SHORT}和]{{0,12}}?得到(?:了)?(?:明显|有效|显著|进一步|极大)?(?:改善|解决|提高|提升|保障)")


def _listed_under(text: str, groups: list[_M], g: _M) -> _M:
    """The first of the groups listed before 等 g (甲人员、乙人员和丙人员等某类群体 → 甲人员): the class
    is served as its members are; g itself when nothing is listed under it."""
    first, gap = g, ("等",)
    for prev in sorted((o for o in groups if o.end <= g.start), key=lambda o: -o.end):
        if text[prev.end:first.start] not in gap:
            break
        first, gap = prev, ("、", "和", "及", "以及", "与")
    return first


def _targets(text: str, sidx: int, ms: list[_M], out: _Collector) -> None:
    """为A、B等C解决…; 对N户X开展…; 推动X个性化服务; 提升X获得感."""
    actives = [m for m in ms if m.entity.type in _ACTIVE]
    groups = [m for m in ms if m.entity.type == "TargetGroup"]
    if not groups:
        return
    for cs, ce in _clauses(text):
        for g in (g for g in groups if cs <= g.start < ce):
            lead = text[cs:_listed_under(text, groups, g).start]
            frame = re.search(r"(?:为|对|向|帮助|服务|关爱|面向|推动|惠及|关注|关心|照顾|帮扶|扶助|救助|引进|吸引|"
                              r"招引|培养|提供|吸纳)"
                              r"(?:[超近约逾]?[\d.]+(?:万|余|多)?[户名位对人个家])?"
                              rf"[{_CJK_SHORT}\d、]{{0,16}}$", lead)
            gain = re.match(r"(?:的)?(?:获得感|幸福感|安全感|满意度)", text[g.end:])
            if not frame:  # 为A、B以及C、D等群体提供某某服务: every group listed between 为 and 提供
                frame = re.search(rf"为[{_CJK_SHORT}\d、—\-]{{0,60}}$", lead) \
                    if re.match(rf"[{_CJK_SHORT}\d、—\-]{{0,40}}?(?:免费)?提供", text[g.end:ce]) else None
            if not (frame or gain):
                continue
            subj = [a for a in actives if a.end <= g.start and a.start >= (0 if gain else cs - 60)]
            if gain:
                subj = [a for a in actives if a.end <= g.start]
                listed = [a for a in subj if re.search(r"等", text[a.end:g.start])]
                for a in (listed or subj[-1:]):
                    out.add(a.entity.name, "targets", g.entity.name, sidx, 0.6, "获得感")
                continue
            after = [a for a in actives if g.end <= a.start < ce and re.match(
                rf"[{_CJK_SHORT}\d、]{{0,16}}?(?:发放|提供|落实|实施|开展|建立|办理|送)", text[g.end:a.start] or "发放")]
            if after and frame.group(0).startswith(("为", "向")):
                subj = after[:1]
            elif not subj:
                subj = [a for a in actives if g.end <= a.start < ce][:1]
            elif frame.group(0).startswith(("关注", "关心", "照顾", "帮扶", "扶助")) and not _in(subj, cs, ce):
                prev_clause = max((c for c in _clauses(text) if c[1] <= cs and _in(subj, *c)), default=None)
                subj = _in(subj, *prev_clause) if prev_clause else subj[-1:]
                for a in subj:  # 完善A和B制度，重点关注X: both rules serve X
                    out.add(a.entity.name, "targets", g.entity.name, sidx, 0.55, "关注")
                continue
            if subj:
                out.add(subj[-1].entity.name, "targets", g.entity.name, sidx, 0.65, frame.group(0)[:2])
        for g in (g for g in groups if cs <= g.start < ce):  # 某某人员基本纳入某某保险体系; A、B参加某保险
            into = [a for a in actives if g.end <= a.start < ce]
            if into and re.fullmatch(rf"(?:[、和及][^，,；;。]{{0,16}})?[{_CJK_SHORT}]{{0,4}}(?:纳入|参加|加入)",
                                     text[g.end:into[0].start]):
                out.add(into[0].entity.name, "targets", g.entity.name, sidx, 0.6, "纳入")
            elif into and into[0].start == g.end and into[0].entity.type == "Program":
                out.add(into[0].entity.name, "targets", g.entity.name, sidx, 0.55, "adjacent")  # 某群体某筛查
        for g in (g for g in groups if cs <= g.start < ce):  # 实施某工程，缓解某群体住房困难: the work eases it
            if _RELIEF.fullmatch(text, cs, g.start) and _NEED.match(text, g.end):
                done = [a for a in actives if a.end <= cs and text[a.end:a.end + 1] not in "、等和"]
                if done:  # the nearest work, not an item listed under one (甲、乙等项目)
                    out.add(done[-1].entity.name, "targets", g.entity.name, sidx, 0.55, "缓解")
            elif g.start == cs and _EASED.match(text[g.end:ce]):  # …，某群体的居住条件得到改善: by the works before
                prev = max((c for c in _clauses(text) if c[1] <= cs and _in(actives, *c)), default=None)
                for a in _listed_before(text, _in(actives, *prev), prev[1]) if prev else ():
                    out.add(a.entity.name, "targets", g.entity.name, sidx, 0.55, "得到改善")
        for g in (g for g in groups if cs <= g.start < ce):  # 网格员、保洁员的补贴动态调整机制
            nxt = [a for a in actives if a.start > g.end and a.start < ce]
            if nxt and re.fullmatch(r"(?:[、和及][^，,；;。]{0,12})?的", text[g.end:nxt[0].start]):
                out.add(nxt[0].entity.name, "targets", g.entity.name, sidx, 0.6, "的")


def _organized(text: str, sidx: int, ms: list[_M], out: _Collector) -> None:
    """依托X“Y”平台 / 依托X的Y; 由X组织|牵头|主办; X牵头…Y; X联合…开展Y."""
    orgs = [m for m in ms if m.entity.type == "Organization"]
    for o in orgs:
        before = text[:o.start]
        after = [m for m in ms if m.start >= o.end and m.entity.type in _ACTIVE]
        if before.endswith("依托") and after and after[0].start - o.end <= 2:
            out.add(after[0].entity.name, "organizedBy", o.entity.name, sidx, 0.75, "依托")
        elif before.endswith("由") and re.match(r"(?:负责)?(?:组织|牵头|主办|承办|实施)", text[o.end:]):
            subj = [m for m in ms if m.end <= o.start and m.entity.type in _ACTIVE]
            if after and re.fullmatch(r"(?:负责)?(?:组织|牵头|主办|承办)(?:开展|实施|举办|推进|建设|打造)?“?",
                                      text[o.end:after[0].start]):
                subj = after[:1]  # 由某局牵头开展某某行动: what it leads follows
            if subj:
                out.add(subj[-1].entity.name, "organizedBy", o.entity.name, sidx, 0.7, "由")
        elif re.match(r"(?:牵头|联合|主办|承办)", text[o.end:]) and after:
            out.add(after[0].entity.name, "organizedBy", o.entity.name, sidx, 0.6, text[o.end:o.end + 2])


_ITEM_LEAD = re.compile(r"由([^，,。；;]{2,40}?)(?:分别)?(?:负责|组织|牵头)")


def _organized_item(doc: Document, s: Sentence, ms: list[_M], mentions: dict[int, list[_M]], out: _Collector) -> None:
    """11、建设某某敬老院。由民政局组织推进和落实。: a task list names the work, then the bodies that carry it
    out in a sentence of their own; they organise what the item's heading names."""
    lead = _ITEM_LEAD.match(s.text)
    if lead is None or s.index == 0 or doc.sentences[s.index - 1].paragraph != s.paragraph \
            or len(doc.sentences[s.index - 1].text) > 40:
        return
    works = [m for m in mentions.get(s.index - 1, ()) if m.entity.type in _ACTIVE]
    for o in (m for m in ms if m.entity.type == "Organization" and m.end <= lead.end(1)):
        for w in works:
            out.add(w.entity.name, "organizedBy", o.entity.name, s.index, 0.6, "由")


def _lists(text: str, sidx: int, ms: list[_M], out: _Collector) -> None:
    """A、B等C where C names a programme: A and B are parts of it; so are the works in C（含A、B）."""
    for c in ms:
        inner = re.match(r"[（(](?:含|包括)([^）)]{2,60})[）)]", text[c.end:]) \
            if c.entity.type in ("Program", "Mechanism") else None
        for m in ms if inner else ():
            if c.end + 2 <= m.start and m.end <= c.end + inner.end(1) and m.entity.type in (
                    "Program", "Facility", "Mechanism"):
                out.add(m.entity.name, "partOf", c.entity.name, sidx, 0.6, "含")
    for c in ms:
        if c.entity.type not in ("Program", "Brand", "Mechanism"):
            continue
        lead = text[:c.start]
        if not _ETC_END.search(lead):
            continue
        items = [m for m in ms if m.end <= c.start and m.entity.type in ("Program", "Facility", "Mechanism", "Brand")
                 and _LIST_GAP.fullmatch(_gap_after(text, ms, m, c.start)) is not None]
        span_start = max((m.end for m in ms if m.end <= c.start and m not in items), default=0)
        for m in items:
            if m.start >= span_start and _NO_CLAUSE_END.fullmatch(text[m.end:c.start]):
                out.add(m.entity.name, "partOf", c.entity.name, sidx, 0.6, "等")


def _gap_after(text: str, ms: list[_M], m: _M, end: int) -> str:
    """The text between a mention and the next one (or ``end``): 、 or 等 in a list."""
    return text[m.end:min((o.start for o in ms if o.start >= m.end), default=end)]


def _glossary_parts(doc: Document, entities: Sequence[Entity], out: _Collector,
                    ms_by_sentence: dict[int, list[_M]] | None = None) -> None:
    """Glossary items that enumerate their parts: “3”即A、B、C,“1”即D / 是指A、B和C…机制 / 包括“A”和“B”."""
    by_name = {e.name: e for e in entities}
    if ms_by_sentence is None:
        ms_by_sentence = _sentence_mentions(doc, entities)
    for d in _definitions_of(doc, entities):
        term, definition, sidx = d
        owner = by_name.get(term)
        if owner is None or owner.type not in ("Mechanism", "Program") or sidx is None:
            continue
        pair = counts_two(term)
        if not re.match(r"(?:“[^”]{1,4}”)?(?:即|是指|指)|(?:主要)?包括", definition) and not bare_list(definition, pair):
            continue
        sidx, text, offset = _definition_at(doc, definition, sidx)
        parts = [m for m in ms_by_sentence.get(sidx, ()) if m.start >= max(0, offset) and m.entity.name != term
                 and m.entity.type in ("Mechanism", "Program", "Facility")]
        last_of_code = _last_of_each_code(text, parts)
        for m in parts:
            listed = text[m.end:m.end + 1] == "、" or text[max(0, m.start - 1):m.start] in ("、", "即") \
                or text[max(0, m.start - 3):m.start].endswith(("”即", "、“", "包括", "包括“", "”和", "”和“")) \
                or (pair and m.entity.name in bare_list(definition, pair)) or m in last_of_code
            if listed:
                out.add(m.entity.name, "partOf", term, sidx, 0.7, "即")


def _definition_at(doc: Document, definition: str, sidx: int) -> tuple[int, str, int]:
    """The sentence a definition opens (the term's own, or the next line's), its text, and where in it the
    definition starts (-1 if it does not)."""
    sidx = next((k for k in (sidx, sidx + 1) if k < len(doc.sentences)
                 and definition[:10] in doc.sentences[k].text), sidx)
    text = doc.sentences[sidx].text
    return sidx, text, text.find(definition[:10])


_CODE_PART = re.compile(r"(?:第[一二三四五六七八九十]+个)?“[^”]{1,4}”(?:即|是指|指)")


def _last_of_each_code(text: str, parts: list[_M]) -> list[_M]:
    """“1”指…平台；“5”即…建立“某某联合体”: a numbered code spelled out part by part, each part's clause
    ending in what it sets up."""
    out = []
    for seg in re.finditer(r"[^；;。]+", text):
        if _CODE_PART.match(seg.group()):
            inside = [m for m in parts if seg.start() <= m.start and m.end <= seg.end()]
            if inside:
                out.append(max(inside, key=lambda m: m.end))
    return out


def _glossary_makers(doc: Document, entities: Sequence[Entity], out: _Collector,
                     ms_by_sentence: dict[int, list[_M]]) -> None:
    """“某某”:是某部为落实…建设某某平台…的系统 / 由某委牵头…: the body a definition opens with makes the
    term, and the platforms it builds on the way."""
    by_name = {e.name: e for e in entities}
    for term, definition, sidx in _definitions_of(doc, entities):
        if sidx is None or by_name[term].type not in ("Mechanism", "Program", "Facility"):
            continue
        k, text, offset = _definition_at(doc, definition, sidx)
        if offset < 0:
            continue
        ms = [m for m in ms_by_sentence.get(k, ()) if m.start >= offset]
        for body in _bodies_by_whom(text, ms, offset):  # 由某部和某部联合实施
            out.add(term, "organizedBy", body.entity.name, k, 0.6, "由")
        maker = next((m for m in ms if m.entity.type == "Organization" and re.fullmatch(
            r"(?:是|由)", text[offset:m.start])), None)
        if maker is None:
            continue
        out.add(term, "organizedBy", maker.entity.name, k, 0.6, text[offset:maker.start])
        for m in ms:
            if m.entity.type in ("Facility", "Mechanism") and m.entity.name != term and m.start > maker.end \
                    and re.search(r"(?:建设|开展|推动|搭建)$", text[max(0, m.start - 6):m.start]):
                out.add(m.entity.name, "organizedBy", maker.entity.name, k, 0.55, "建设")


def _bodies_by_whom(text: str, ms: list[_M], start: int) -> list[_M]:
    """由A和B联合实施 / 由A牵头: the bodies after 由 when a verb of making follows them."""
    orgs = [m for m in ms if m.entity.type == "Organization" and m.start >= start]
    for by in re.finditer("由", text[start:]):
        at, bodies = start + by.end(), []
        for m in orgs:
            if m.start == at:
                bodies.append(m)
                joiner = re.match(r"[和、与及]", text[m.end:])
                at = m.end + (joiner.end() if joiner else 0)
        if bodies and re.match(r"(?:联合|共同)?(?:实施|发起|组织|推出|主办|牵头|设立|印发)", text[bodies[-1].end:]):
            return bodies
    return []


def bare_list(definition: str, pair: bool = False) -> list[str]:
    """The items of a definition that is nothing but a list (A、B、C。), else none; with ``pair`` (the term
    counts two things: 两某, 双某) also A和B."""
    first = definition.split("。")[0]
    if re.search(r"[，,；;：:“”（）()]", first):
        return []
    if "、" in first:
        return first.split("、")
    pieces = first.split("和")
    return pieces if pair and len(pieces) == 2 and all(len(p) >= 4 for p in pieces) else []


def counts_two(term: str) -> bool:
    """两新, 双减: a short name that stands for a pair."""
    return len(_plain(term)) == 2 and _plain(term)[0] in "两双"


def _definitions_of(doc: Document, entities: Sequence[Entity]):
    keys = {}
    for e in entities:
        for n in (e.name, *e.aliases):
            keys.setdefault(_plain(n), e.name)
    for g in doc.glossary:
        term = keys.get(_plain(g.term))
        if term is None:
            plain = _plain(g.term)
            term = next((name for k, name in keys.items() if k and (k in plain and len(k) >= len(plain) - 4)), None)
        if term:
            yield term, g.definition, g.sentence


WATER_AND_LAND = frozenset("湾江河湖山岛峡港")  # 某州湾 is a bay, not the district 某州
# what is done to a named site in the name of the works on it (某水库扩建, 某桥加固): both stages read it
SITE_WORKS = "(?:改扩建|扩建|除险加固|加固|提升改造|扩能改造|改造提升|维修改造|改造|综合治理|综合整治)"
_GOVERNMENTS = ("政府", "办事处", "行政公署")
_ORGAN_ENDS = ("委", "政府", "局", "厅", "人大", "政协", "委员会", "法院", "检察院", "办事处", "街道", "代表团", "行政公署")


def _admin(name: str) -> bool:
    """An administrative area (金山区, 上海市): programmes named after it are not located by name."""
    prefecture = len(name) >= 3 and name.endswith("州")  # 某某州 (a prefecture, short for 自治州), not the city 某州
    return (name.endswith(_ADMIN_END) or prefecture) and (word_tags().get(name, "").startswith("ns") or word_tags().get(
        name[:-1], "").startswith(("ns", "nr")))


def _division(place: Entity) -> bool:
    """A city or county named bare (某名, alias 某名市): what is named after it stands in it."""
    return place.type == "Place" and any(a[:-1] == place.name and a[-1] in "市区县旗" for a in place.aliases)


def _plain(name: str) -> str:
    return _MARKS.sub("", name)


def _topics(doc: Document, mentions: dict[int, list[_M]], out: _Collector) -> None:
    """A paragraph that opens on a zone (西区组团建设全面铺开。 / 全面加快西区组团建设。) places the sites and
    projects it goes on to name inside that zone; later 组团/园区 in the paragraph refer back to it."""
    by_par: dict[int, list[int]] = {}
    last_zone: dict[str, Entity] = {}
    for s in doc.sentences:
        by_par.setdefault(s.paragraph, []).append(s.index)
        ms = mentions.get(s.index, ())
        for m in ms:  # 园区污水管网, “园区基础设施…”: a bare zone word points back to the last zone named
            word = _ZONE_WORD.match(m.entity.name)
            if word and m.entity.type in ("Facility", "Program") and word.group(1) in last_zone:
                out.add(m.entity.name, "locatedIn", last_zone[word.group(1)].name, s.index, 0.5, "anaphora")
        if _ZONE_START.match(s.text) and s.text[:2] in last_zone:
            for m in ms:
                if m.entity.type in ("Facility", "Program"):
                    out.add(m.entity.name, "locatedIn", last_zone[s.text[:2]].name, s.index, 0.5, "anaphora")
        for m in ms:
            z = _ZONE.search(m.entity.name)
            if z and m.entity.type == "Place":
                last_zone[z.group(0)[-2:]] = m.entity
        progs = [m for m in ms if m.entity.type in ("Program",)]
        for route in (_ROUTE.finditer(s.text) if "至" in s.text else ()):
            ends = [m for m in ms if m.entity.type == "Place" and route.start() <= m.start and m.end <= route.end()
                    and not _admin(m.entity.name)]
            before = [p for p in progs if p.end <= route.start()]
            if before and len(ends) >= 2:  # …工程，重点推进A桥至B桥、C桥至D桥沿河两岸的…: the project runs along them
                for seg in _ROUTE.finditer(s.text[route.start():]):
                    for m in ms:
                        if m.entity.type == "Place" and route.start() + seg.start() <= m.start < route.start() + seg.end():
                            out.add(before[-1].entity.name, "locatedIn", m.entity.name, s.index, 0.5, "至")
                break
    for idxs in by_par.values():
        first = doc.sentences[idxs[0]]
        lead = [m for m in mentions.get(first.index, ()) if m.entity.type in ("Program", "Mechanism")]
        if len(first.text) <= 16 and len(lead) == 1 and doc.level not in ("city", "province"):
            # 积极实施技能提升工程。…下岗职工、残疾人… (a city's or province's heading spans too much)
            for sidx in idxs[1:]:
                for m in mentions.get(sidx, ()):
                    if m.entity.type == "TargetGroup":
                        out.add(lead[0].entity.name, "targets", m.entity.name, sidx, 0.45, "paragraph")
        if len(first.text) > 24:
            continue
        zones = [m for m in mentions.get(first.index, ()) if m.entity.type == "Place" and _ZONE.search(m.entity.name)
                 and re.match(r"\s*(?:的)?(?:建设|开发|发展)", first.text[m.end:])]
        if len(zones) != 1:
            continue
        zone = zones[0].entity
        for sidx in idxs[1:]:
            for m in mentions.get(sidx, ()):
                if m.entity.type in ("Facility", "Program") and m.entity is not zone \
                        and not _ZONE.search(m.entity.name):
                    out.add(m.entity.name, "locatedIn", zone.name, sidx, 0.5, "paragraph")


_PHASE_NAME = re.compile(rf"(.{{2,}}?)(?:第?[{_NUM}\d]期(?:工程|项目)?|第[{_NUM}\d]跑道)$")
_CAMPUS = re.compile(r"(?:校区|院区|分院|分校)$")
_WORKS_NAME = re.compile(rf"(.{{2,}}?){SITE_WORKS}$")


def _occurrences(name: str, table: dict[str, Entity], min_len: int = 2) -> list[tuple[Entity, str]]:
    """Entities of ``table`` whose surface (a key of ``table``) occurs in ``name``, each with the first
    surface found (every substring looked up once)."""
    n = len(name)
    found: dict[int, tuple[Entity, str]] = {}
    for a in range(n):
        for b in range(a + min_len, n + 1):
            e = table.get(name[a:b])
            if e is not None and id(e) not in found:
                found[id(e)] = (e, name[a:b])
    return list(found.values())


def _substrings(name: str, table: dict[str, Entity], min_len: int = 2) -> list[Entity]:
    """Entities of ``table`` whose name occurs in ``name``."""
    return [e for e, _ in _occurrences(name, table, min_len)]


_LOCAL_UNITS = ("镇", "乡", "社区", "嘎查", "苏木", "街道")   # a site named after one of these stands in it
_ZONE_ENDS = ("组团", "园区", "新区", "开发区", "景区", "景观区", "度假区", "产业园", "合作区", "试验区", "示范区", "集聚区",
              "片区")  # ... and one named after a zone too
_GRADED_KINDS = ("医院", "酒店", "饭店", "宾馆", "景区", "园区", "学校", "中学", "小学")  # kinds of site given grades


def _by_names(entities: Sequence[Entity], out: _Collector, higher: frozenset[str] = frozenset()) -> None:
    """Relations written into names: 清水河沿河景观工程 locatedIn 清水河; 某某集团供热项目 organizedBy
    某某集团; 某某人员帮扶 targets 某某人员. No site stands in a division above the report's own (``higher``:
    a district's 某市大剧院 is named after its city, not placed in it by the name)."""
    places = {e.name: e for e in reversed(entities) if e.type in _LOCATIONS and len(e.name) >= 2
              and e.name not in higher and not (e.aliases & higher)}
    for e in entities:  # a region by its short form (大湾区 in 大湾区某某中心)
        for alias in e.aliases:
            if e.type == "Place" and len(alias) >= 3 and alias[0] not in "全我本" and not _admin(e.name):
                places.setdefault(alias, e)
    orgs = {e.name: e for e in reversed(entities) if e.type == "Organization" and len(e.name) >= 2}
    groups = {e.name: e for e in reversed(entities) if e.type == "TargetGroup" and len(e.name) >= 2}
    programmes = {e.name: e for e in reversed(entities) if e.type == "Program" and len(e.name) >= 4}
    sites = {e.name for e in entities if e.type in ("Facility", "Place", "Program")}
    extended: dict[str, int] = {}   # a site named only inside its phase's name: the phase's sentence
    for e in entities:
        used = e.sentences()
        phase = (_PHASE_NAME.match(e.name) or _WORKS_NAME.match(e.name)) if used else None
        if phase and phase.group(1) in sites:  # 某站改造 too: the site named only inside its works
            extended.setdefault(phase.group(1), used[0])
    zones = _zone_forms(places.values())
    for e in entities:
        used = e.sentences()
        if e.type in ("Place", "Program", "Facility") and used:  # 某组团第二水源地; 某观区一期 of 甲乙某观区
            zone = _zone_opening(e.name, zones)
            if zone is not None:
                out.add(e.name, "locatedIn", zone.name, used[0], 0.55, "name")
        if e.type == "Organization" and used and not e.name.endswith(_GOVERNMENTS):
            # 某国家公园管理局: the body of the site it is named after (a government governs its place, no more)
            site = next((p for p in _substrings(e.name, places) if e.name.startswith(p.name) and not _admin(p.name)
                         and not _division(p) and len(e.name) - len(p.name) >= 2 and len(p.name) >= 4), None)
            if site is None and not e.name.endswith(_ORGAN_ENDS):  # 某市海洋大学, 某市实验室: in the city
                site = next((p for p in _substrings(e.name, places) if e.name.startswith(p.name) and _division(p)
                             and len(e.name) - len(p.name) >= 3
                             and e.name[len(p.name)] not in WATER_AND_LAND), None)
            if site is not None:
                out.add(e.name, "locatedIn", site.name, used[0], 0.55, "name")
        if e.type not in ("Program", "Facility", "Brand", "Mechanism") or not (used or e.name in extended):
            continue
        sidx = used[0] if used else extended[e.name]
        name = e.name.strip("《》")
        phase = _PHASE_NAME.match(name)
        if phase and phase.group(1) in sites:  # 某机场三期, 某号二期工程: inside the site it extends
            out.add(e.name, "locatedIn", phase.group(1), sidx, 0.6, "phase")
            continue
        if phase and phase.group(1) in orgs:  # 某学院二期: a part of the body it extends; 某公司二期: its works
            campus = phase.group(1).endswith(("学院", "大学", "学校", "医院", "实验室", "研究院", "研究所", "中心", "馆"))
            out.add(e.name, "partOf" if campus else "organizedBy", phase.group(1), sidx, 0.6, "phase")
            continue
        inside = [] if e.type == "Mechanism" else [
            (p, w) for p, w in _occurrences(name, places) if p.name != e.name and w != name
            and (not _admin(p.name) or p.name.endswith(_LOCAL_UNITS))
            and name[name.find(w) + len(w):][:1] not in WATER_AND_LAND  # 某州湾 is no 某州
            and not name.startswith(w + "和") and len(name) - len(w) >= 2]
        for p, w in inside:
            if any(q is not p and w in v for q, v in inside):
                continue  # 青石站 inside 青石站水厂: the longest place only
            rest = name.replace(w, "", 1)
            if e.type == "Facility" and not _division(p) and not p.name.endswith(_LOCAL_UNITS + _ZONE_ENDS) and (
                    not name.startswith(w) or re.fullmatch(
                    rf"(?:第[{_NUM}]+)?[\u4e00-\u9fff]{{1,3}}", rest)):
                continue  # 人民路小学, 第一中学分校: named after the place, not in a second site
            out.add(e.name, "locatedIn", p.name, sidx, 0.55, "name")
        if e.type == "Program":
            for cut in range(2, len(name) - 3):  # a programme the name ends with (+ 项目/工程)
                tail = name[cut:]
                for suffix in ("项目", "工程", ""):
                    if suffix and not tail.endswith(suffix):
                        continue
                    q = programmes.get(tail[: len(tail) - len(suffix)] if suffix else tail)
                    if q is not None and q.name != e.name and (suffix or q.name.endswith(("改造", "工程"))):
                        out.add(e.name, "partOf", q.name, sidx, 0.5, "name")
        if e.type in ("Program", "Facility"):
            for cut in range(2, len(name) - 1):  # the firm's shortest name (某某 of 某某集团某某项目), once
                o = orgs.get(name[:cut])
                if o is not None and name.startswith("地块", cut):
                    break  # 某某研究所地块安置房项目: built where the body stood, not by it
                if o is not None and not o.name.endswith(("委", "政府", "办事处", "街道")):
                    out.add(e.name, "organizedBy", o.name, sidx, 0.55, "name")
                    if e.type == "Facility" and _CAMPUS.search(name):  # 某大学某某校区: run by it, and a part of it
                        out.add(e.name, "partOf", o.name, sidx, 0.5, "name")
                    break
        if e.type in ("Program", "Facility", "Mechanism") and not name.endswith(("会", "赛", "论坛")):
            found = _substrings(name, groups)  # (an event's name says who takes part, not whom it serves)
            for g in found:
                if len(name) - len(g.name) >= 2 and not any(g.name in h.name != g.name for h in found):
                    out.add(e.name, "targets", g.name, sidx, 0.55, "name")  # the longest group only


_COUNTED = re.compile(r"[两二三四五六七八九十]([\u4e00-\u9fff])")


def _counted_parts(entities: Sequence[Entity], out: _Collector) -> None:
    """四防某某体系: a name that counts its kinds (四防, 五治) holds each two-character kind the report names
    on its own (人防, 技防, 物防)."""
    kinds = {}
    for e in entities:
        if e.type in ("Mechanism", "Program") and len(e.name) == 2 and e.sentences():
            kinds.setdefault(e.name[1], []).append(e)
    for e in entities:
        if e.type not in ("Mechanism", "Program") or not e.sentences():
            continue
        for m in _COUNTED.finditer(e.name):
            for part in kinds.get(m.group(1), ()):
                if part is not e and part.name not in e.name:
                    out.add(part.name, "partOf", e.name, part.sentences()[0], 0.5, "counted")


_THIS_PROJECT_AT = re.compile(r"该(?:项目|工程)(?:选址|拟)?位于")


def _this_project_at(text: str, sidx: int, ms: list[_M], before: Sequence[_M], out: _Collector) -> None:
    """（一）某某加工项目：该项目位于某村…: the project named last (in this sentence, else the one before) stands
    where 该项目位于 places it."""
    at = _THIS_PROJECT_AT.search(text)
    if at is None:
        return
    end = _NO_CLAUSE_END.match(text, at.end()).end()
    where = [m for m in ms if at.end() <= m.start < end and m.entity.type in _LOCATIONS]
    named = [m for m in ms if m.end <= at.start() and m.entity.type in ("Program", "Facility", "Place")] or [
        m for m in before if m.entity.type in ("Program", "Facility")]
    if where and named and named[-1].entity is not where[-1].entity:  # (位于我镇某村: the village)
        out.add(named[-1].entity.name, "locatedIn", where[-1].entity.name, sidx, 0.55, "该项目位于")


_ANAPHOR_KINDS = ("社区", "居民区", "村", "嘎查", "镇", "乡", "街道")
_THIS_ONE = re.compile(rf"该({'|'.join(_ANAPHOR_KINDS)})")


def extract_relations(doc: Document, entities: Sequence[Entity], hints: Sequence[Hint] = (),
                      issuer: str = "", holder: str = "") -> list[Relation]:
    """Relations of the document, one per (subject, predicate, object), earliest evidence kept.

    ``issuer`` is the reporting body; ``holder`` the default holder of honours (the issuer, or the
    place it governs when the report speaks for a district, city or province).
    """
    out = _Collector()
    for h in hints:
        out.add(h.subject, h.predicate, h.object, h.sentence, h.confidence, h.cue)
    mentions = _sentence_mentions(doc, entities)
    names = frozenset(e.name for e in entities)
    default_holder = holder or issuer
    home = holder if any(e.name == holder and e.type == "Place" for e in entities) else ""  # a district, city, province
    last_named: dict[str, str] = {}   # the last community, village, town… named: what 该社区 points back to
    for s in doc.sentences:
        ms = mentions.get(s.index)
        if not ms:
            continue
        anaphor = _THIS_ONE.search(s.text)
        holder_here = last_named.get(anaphor.group(1), default_holder) if anaphor else default_holder
        _awards(s.text, s.index, ms, holder_here, out, planned=s.status == "planned")
        for m in ms:
            kind = next((k for k in _ANAPHOR_KINDS if m.entity.name.endswith(k)), None)
            if kind and m.entity.type in ("ResidentialArea", "Place") and len(m.entity.name) > len(kind) + 1:
                last_named[kind] = m.entity.name
        _located(s.text, s.index, ms, doc.level, out)
        _this_project_at(s.text, s.index, ms, mentions.get(s.index - 1, ()), out)
        _targets(s.text, s.index, ms, out)
        _organized(s.text, s.index, ms, out)
        _organized_item(doc, s, ms, mentions, out)
        _lists(s.text, s.index, ms, out)
        _zone_works(s.text, s.index, ms, out, names)
        if home:
            _hosted_here(s.text, s.index, ms, home, out)
    _glossary_parts(doc, entities, out, mentions)
    _glossary_makers(doc, entities, out, mentions)
    _topics(doc, mentions, out)
    _by_names(entities, out, above(doc.place, doc.text) if doc.level in ("district", "county") else frozenset())
    _counted_parts(entities, out)
    return sorted(out.items.values(), key=lambda r: (r.sentence, r.subject, r.predicate, r.object))
