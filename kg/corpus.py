"""Corpus mode: entity resolution across reports, administrative hierarchy, plan follow-through, merges.

Every decision that shapes an IRI is taken per report, from that report alone (the entity's name and
type, the report's own place), never from the set of reports in the build. So the same report gives
the same IRIs in any build, and builds of shards of a corpus merge by plain union.

- **Resolution**: an entity's IRI is ``{base}{Type}/{label}`` (global) or ``{base}{Type}/{place}/{label}``
  (scoped by the report's place). Generic and local names (居委会, 区委, 第一社区, a facility, a
  residential area, a road) are scoped, so two places never share them; national-level and
  self-qualified names (全国文明城市, names starting with a province, city or district name) and
  concepts, mechanisms, awards, policy documents are global. The label is the canonical name given
  by rules each report applies alone (海拉尔 → 海拉尔区 in a 海拉尔区 report, 海拉尔区政府 →
  海拉尔区人民政府, （区） → (区), a trailing 称号 dropped), so one IRI always has one label.
  Brand and Program share the IRI segment ``Program`` (a brand is a programme the report calls a brand).
- **Administrative hierarchy** (``kgo:withinPlace``) from the report's head (a compound name such as
  杭州市西湖区北山街道) and its text: the level above is referred to relatively (区委, 市委、市政府,
  全市, 自治区…) and named exactly once (呼伦贝尔市, 内蒙古). What the text does not support is
  recorded as such (``unnamed``: "市委 ×9 but no city named").
- **Plan follow-through**: for the reports of one place, an item planned for year N is looked up in the
  report that reviews year N: ``achieved`` or ``silent``. This needs both reports, so it is computed
  on the corpus (``kg.rdf`` puts it in its own named graph).
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Iterable

from .iris import entity_iri, report_iri, sentence_iri
from .models import ACHIEVED, PLANNED, Document, Extraction
from .resources import read_table

__all__ = [
    "TYPE_SEGMENT", "GLOBAL_TYPES", "Resolution", "PlaceContext", "PlaceLink", "EntityUse", "ReportSummary",
    "FollowUp", "MergeRow", "admin_level", "leading_unit", "split_units", "place_context", "canonical_label",
    "entity_scope", "resolve_entity", "resolve_report", "admin_hierarchy", "summarize", "follow_through",
    "merge_rows", "MERGE_COLUMNS", "PLACE_COLUMNS", "place_rows", "corpus_graph_iri", "entities_graph_iri",
]

TYPE_SEGMENT = {"Brand": "Program"}  # compatible types share one IRI: Brand ≈ Program
GLOBAL_TYPES = frozenset({"Concept", "Mechanism", "Award", "PolicyDocument", "CreativeWork", "TargetGroup",
                          "Person"})
_CJK = re.compile(r"^[\u4e00-\u9fff]+$")
_FOREIGN = re.compile(r"(?<!中)国$")  # 蒙古国乌兰巴托市: the name follows a country, not 中国


def corpus_graph_iri(base: str) -> str:
    """The named graph of the facts that need several reports (plan follow-through)."""
    return f"{base}corpus"


def entities_graph_iri(base: str) -> str:
    """The named graph of what is said about entities, merged over the reports (labels, types…)."""
    return f"{base}entities"


# --- rules (kg/resources/place_rules.tsv, admin_divisions.tsv) -----------------------------------

@dataclass(frozen=True)
class _Rules:
    suffixes: tuple[tuple[str, int, str], ...]         # longest first
    after: dict[str, str]
    generic: tuple[tuple[str, int], ...]
    generic_start: tuple[str, ...]
    national: tuple[str, ...]
    road: tuple[str, ...]
    relative: tuple[tuple[str, int, str], ...]         # word, rank, suffix of the unit it refers to
    generic_char: str
    generic_program: tuple[str, ...]
    no_follow_up: frozenset[str]
    provinces: dict[str, tuple[str, str]]               # full or short name → (full name, kind)


@cache
def _rules() -> _Rules:
    rows = read_table("place_rules.tsv")
    by: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for row in rows:
        by[row[0]].append(row[1:])
    provinces: dict[str, tuple[str, str]] = {}
    for full, short, kind in read_table("admin_divisions.tsv"):
        provinces[full] = provinces[short] = (full, kind)
    return _Rules(
        suffixes=tuple(sorted(((s, int(r), n) for s, r, n in by["suffix"]), key=lambda x: -len(x[0]))),
        after={s: chars for s, chars in by["after"]},
        generic=tuple((w[0], int(w[1]) if len(w) > 1 else len(w[0])) for w in by["generic"]),
        generic_start=tuple(w[0] for w in by["generic-start"]),
        national=tuple(w[0] for w in by["national"]),
        road=tuple(w[0] for w in by["road"]),
        relative=tuple((w, int(r), s) for w, r, s in by["relative"]),
        generic_char="".join(w[0] for w in by["generic-char"]),
        generic_program=tuple(w[0] for w in by["generic-program"]),
        no_follow_up=frozenset(w[0] for w in by["no-follow-up"]),
        provinces=provinces,
    )


_LEVEL_RANK = {"subdistrict": 1, "town": 1, "township": 1, "county": 2, "district": 2, "city": 3, "province": 4}


def _proper_stem(stem: str) -> bool:
    """The part of a name before its administrative suffix looks like a proper name (not 新城, 开发, 全)."""
    rules = _rules()
    if not 2 <= len(stem) <= 7 or not _CJK.match(stem) or stem.startswith(rules.generic_start):
        return False
    if any(ch in rules.generic_char for ch in stem):
        return False
    if any(stem.endswith(word) and len(stem) >= minimum for word, minimum in rules.generic):
        return False
    return not any(_unit(stem[:end]) for end in range(3, len(stem)))   # 上海市金山 is two units


@lru_cache(maxsize=1 << 16)  # a pure function of the name, asked for every prefix of every entity name
def _unit(name: str) -> tuple[int, str, str] | None:
    """(rank, level name, suffix) when ``name`` as a whole is an administrative unit ('' suffix for 内蒙古)."""
    rules = _rules()
    if name in rules.provinces:
        suffix = next((s for s, _r, _n in rules.suffixes if name.endswith(s) and name != s), "")
        return 4, "province", suffix
    for suffix, rank, level in rules.suffixes:
        if name.endswith(suffix) and _proper_stem(name[:-len(suffix)]):
            return rank, level, suffix
    return None


def admin_level(name: str) -> str:
    """The level name of an administrative unit ('district', 'city'…), '' for other names.

    >>> admin_level("海拉尔区"), admin_level("呼伦贝尔市"), admin_level("内蒙古"), admin_level("新城区")
    ('district', 'city', 'province', '')
    """
    found = _unit(name)
    return found[1] if found else ""


def _rank(name: str) -> int:
    found = _unit(name)
    return found[0] if found else 0


@lru_cache(maxsize=1 << 16)
def leading_unit(name: str) -> str:
    """The administrative unit a name starts with ('' when none): 海拉尔区人民政府 → 海拉尔区.

    A short provincial name counts unless a street follows (上海路), and a suffix that starts a common
    word (二手车交易市场, 东山区域) is no unit.

    >>> leading_unit("海拉尔区人民政府"), leading_unit("二手车交易市场"), leading_unit("上海路"), leading_unit("内蒙古冰上运动训练中心")
    ('海拉尔区', '', '', '内蒙古')
    """
    rules = _rules()
    best = ""
    for end in range(2, min(len(name), 12) + 1):
        prefix, rest = name[:end], name[end:]
        found = _unit(prefix)
        if not found:
            continue
        if prefix in rules.provinces and rest.startswith(rules.road):
            continue
        if rest and rest[0] in rules.after.get(found[2], ""):
            continue
        best = prefix
    return best


def split_units(name: str) -> list[str]:
    """A compound place name split into its units, outermost first; [] unless it is all units.

    >>> split_units("杭州市西湖区北山街道"), split_units("海拉尔区"), split_units("海拉尔区人民政府")
    (['杭州市', '西湖区', '北山街道'], ['海拉尔区'], [])
    """
    units, rest = [], name
    while rest:
        unit = leading_unit(rest)
        if not unit:
            return []
        units.append(unit)
        rest = rest[len(unit):]
    return units


def _full(name: str) -> str:
    """A short provincial name as its full name (内蒙古 → 内蒙古自治区); other names unchanged."""
    found = _rules().provinces.get(name)
    return found[0] if found else name


# --- the report's place -------------------------------------------------------------------------

@dataclass(frozen=True)
class PlaceContext:
    """What a report says about its own place: the place, its level and the units its head names above it."""
    doc_id: str
    place: str = ""                         # canonical name of the report's place ('' if unknown)
    level: str = ""
    chain: tuple[str, ...] = ()             # units above the place named in the head, outermost first
    stems: tuple[tuple[str, str], ...] = ()  # short form → unit, for the place and its chain

    @property
    def scope(self) -> str:
        """The scope of local names: the place, or the report itself when its place is unknown."""
        return self.place or f"@{self.doc_id}"

    @property
    def rank(self) -> int:
        return _rank(self.place) or _LEVEL_RANK.get(self.level, 0)

    def unit_for(self, name: str) -> str:
        return dict(self.stems).get(name, "")


_HEAD_TAIL = re.compile(r"(?:(?:19|20)\d{2}年?.*|工作报告.*|人民政府|政府|办事处|行政公署)$")


def _head_units(text: str) -> list[str]:
    """The units a head line names: 浙江省杭州市西湖区北山街道办事处2023年工作报告 → [浙江省, 杭州市, 西湖区, 北山街道]."""
    text = (text or "").strip()
    while (shorter := _HEAD_TAIL.sub("", text)) != text:
        text = shorter
    return split_units(text) if text else []


def place_context(doc: Document) -> PlaceContext:
    """The report's place from its metadata (place, issuer, title), split into units when compound."""
    units = max((_head_units(text) for text in (doc.place, doc.issuer, doc.title)), key=len)
    place = _full(units[-1]) if units else doc.place.strip()
    chain = tuple(_full(u) for u in units[:-1])
    stems = []
    for unit in (*chain, place):
        found = _unit(unit)
        if found and found[2] and len(unit) - len(found[2]) >= 2:
            stems.append((unit[:-len(found[2])], unit))
    provinces = _rules().provinces
    stems += [(short, full) for short, (full, _kind) in provinces.items() if full in (place, *chain) and short != full]
    level = admin_level(place) or doc.level
    return PlaceContext(doc_id=doc.doc_id, place=place, level=level, chain=chain, stems=tuple(sorted(set(stems))))


# --- resolution ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Resolution:
    """Where one extracted entity goes: its IRI, canonical label, scope and the alias rules applied."""
    name: str
    type: str
    iri: str
    label: str
    scope: str = ""                 # '' = global, else the place (or @doc_id) the name is local to
    rules: tuple[str, ...] = ()     # alias rules that turned the name into the label


_WIDE = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}


def canonical_label(name: str, entity_type: str, ctx: PlaceContext) -> tuple[str, tuple[str, ...]]:
    """The canonical name of an entity and the rules that produced it (identity for most names).

    >>> ctx = PlaceContext("r", place="海拉尔区", level="district", stems=(("海拉尔", "海拉尔区"),))
    >>> canonical_label("海拉尔", "Place", ctx), canonical_label("海拉尔区政府", "Organization", ctx)
    (('海拉尔区', ('place-stem',)), ('海拉尔区人民政府', ('people-s-government',)))
    >>> canonical_label("全国科技进步考核先进县（区）称号", "Award", ctx)[0]
    '全国科技进步考核先进县(区)'
    """
    rules: list[str] = []
    label = name.strip().translate(_WIDE)
    if label != name:
        rules.append("full-width")
    if entity_type == "Award" and label.endswith("称号") and len(label) >= 6:
        label = label[:-2]
        rules.append("award-title")
    if entity_type == "Place":
        full = ctx.unit_for(label) or _full(label)
        if full != label:
            label = full
            rules.append("place-stem")
    if entity_type == "Organization":
        if label.endswith("政府") and not label.endswith("人民政府") and _unit(label[:-2]):
            label = label[:-2] + "人民政府"
            rules.append("people-s-government")
        elif label.endswith("街道办事处") and _unit(label[:-3]):
            label = label[:-3]
            rules.append("subdistrict-office")
    return label or name, tuple(rules)


def _generic_program(label: str) -> bool:
    rules = _rules()
    return (len(label) <= 4 and label.endswith(rules.generic_program)) or bool(
        re.match(r"^(?:[一二三四五六七八九十\d]+期|[条个项座批])", label))


def entity_scope(label: str, entity_type: str, ctx: PlaceContext) -> str:
    """'' when the name is the same entity in every report (global), else the place it is local to."""
    rules = _rules()
    if entity_type in GLOBAL_TYPES or label.startswith(rules.national):
        return ""
    if leading_unit(label) or any(label.startswith(stem) for stem, _unit_name in ctx.stems if len(stem) >= 3):
        return ""                     # self-qualified: starts with a province, city, district… name
    if entity_type in ("Program", "Brand"):
        return ctx.scope if _generic_program(label) else ""
    return ctx.scope                  # organizations, facilities, residential areas, other places


def resolve_entity(name: str, entity_type: str, ctx: PlaceContext, base: str) -> Resolution:
    label, rules = canonical_label(name, entity_type, ctx)
    scope = entity_scope(label, entity_type, ctx)
    iri = entity_iri(base, TYPE_SEGMENT.get(entity_type, entity_type), label, scope)
    return Resolution(name=name, type=entity_type, iri=iri, label=label, scope=scope, rules=rules)


# --- administrative hierarchy ---------------------------------------------------------------------

@dataclass(frozen=True)
class PlaceLink:
    """One step of the hierarchy a report supports: place ⊂ parent (or, with parent '', what it lacks)."""
    doc_id: str
    place: str
    level: str
    parent: str
    parent_level: str
    rule: str           # compound-name | relative-reference | only-provincial-unit | unnamed | ambiguous
    evidence: str
    sentence: int | None = None     # a sentence naming the parent


def _occurrences(text: str, name: str) -> list[int]:
    found, start = [], text.find(name)
    while start >= 0:
        found.append(start)
        start = text.find(name, start + len(name))
    return found


def _sentence_at(doc: Document, offset: int) -> int | None:
    for sentence in doc.sentences:
        if sentence.start <= offset < sentence.end:
            return sentence.index
    return None


def _short_names() -> dict[str, str]:
    """Full provincial name → the short name texts use (内蒙古自治区 → 内蒙古)."""
    return {full: short for short, (full, _kind) in _rules().provinces.items() if short != full}


def _first_sentence(doc: Document, offsets: list[int]) -> int | None:
    return _sentence_at(doc, offsets[0]) if offsets else None


def admin_hierarchy(extraction: Extraction, ctx: PlaceContext) -> tuple[PlaceLink, ...]:
    """The steps from the report's place up to the province that the report's own text supports."""
    doc, rules = extraction.document, _rules()
    if not ctx.place:
        return ()
    rank, text, shorts = ctx.rank, extraction.document.text, _short_names()
    municipality = {full for full, kind in rules.provinces.values() if kind == "municipality"}
    # the units the report names: its places, the units its names start with, provinces in its text
    named: set[str] = set()
    for entity in extraction.entities:
        label = canonical_label(entity.name, entity.type, ctx)[0]
        if entity.type == "Place" and _unit(label):
            named.add(_full(label))
        if unit := leading_unit(label):
            named.add(_full(unit))
    for full, short in shorts.items():
        if any(not text[i + len(short):].startswith(rules.road) for i in _occurrences(text, short)):
            named.add(full)
    hits: dict[str, list[int]] = {}
    for unit in sorted(named - {ctx.place, *ctx.chain}):
        found = sorted(set(_occurrences(text, unit)) | set(_occurrences(text, shorts.get(unit, unit))))
        if found and all(_FOREIGN.search(text[max(0, i - 3):i]) for i in found):
            continue                              # only ever named after a foreign country (蒙古国…)
        hits[unit] = found
    refs: dict[int, list[tuple[str, int, str]]] = defaultdict(list)
    for word, level, suffix in rules.relative:
        if level > rank and (count := len(_occurrences(text, word))):
            refs[level].append((word, count, suffix))
    meta = {_rank(unit): unit for unit in ctx.chain}
    steps: list[tuple[str, str, str, int | None]] = []     # (parent, rule, evidence, sentence)
    gaps: list[PlaceLink] = []
    top = rank
    for level, level_name in ((2, "county"), (3, "city"), (4, "province")):
        if level <= top:
            continue
        if level in meta:
            steps.append((meta[level], "compound-name",
                          f"the report's head names {''.join(ctx.chain)}{ctx.place}", None))
            top = level
            continue
        words = refs.get(level, [])
        said = "、".join(f"{w}×{n}" for w, n, _s in words)
        suffixes = tuple({s for _w, _n, s in words})
        ranked = [u for u in hits if _rank(u) == level and not (level == 3 and u in municipality)]
        candidates = [u for u in ranked if u.endswith(suffixes)] if suffixes else []
        if level == 3 and suffixes and not candidates:      # 市委 in a district of 上海市
            candidates = [u for u in hits if u in municipality and u.endswith(suffixes)]
        if len(candidates) == 1:
            unit = candidates[0]
            steps.append((unit, "relative-reference",
                          f"{said}; the only {'、'.join(suffixes)}-unit named: {unit}", _first_sentence(doc, hits[unit])))
            top = _rank(unit)
        elif level == 4 and not suffixes and len(ranked) == 1 and len(hits[ranked[0]]) >= 2:
            unit = ranked[0]
            steps.append((unit, "only-provincial-unit",
                          f"named {len(hits[unit])} times; the only province-level unit named: {unit}",
                          _first_sentence(doc, hits[unit])))
            top = 4
        elif len(candidates) > 1:
            gaps.append(PlaceLink(doc.doc_id, ctx.place, ctx.level, "", level_name, "ambiguous",
                                  f"{said}; units named: {'、'.join(sorted(candidates))}"))
        elif words:
            gaps.append(PlaceLink(doc.doc_id, ctx.place, ctx.level, "", level_name, "unnamed",
                                  f"{said}, but the report names no such {level_name}-level unit"))
    links, child, child_level = [], ctx.place, ctx.level
    for parent, rule, evidence, sentence in steps:
        links.append(PlaceLink(doc.doc_id, child, child_level, parent, admin_level(parent), rule, evidence,
                               sentence))
        child, child_level = parent, admin_level(parent)
    return tuple(links + gaps)


# --- one report, resolved ------------------------------------------------------------------------

@dataclass(frozen=True)
class EntityUse:
    """One resolved entity of one report, with what the corpus steps need to know about it."""
    iri: str
    label: str
    type: str
    names: tuple[str, ...]                              # names the report gives it (entity names)
    scope: str = ""
    rules: tuple[str, ...] = ()
    planned: tuple[tuple[int, tuple[int, ...]], ...] = ()    # (plan year, sentence indices)
    achieved: tuple[tuple[int, tuple[int, ...]], ...] = ()   # (review year, sentence indices)


@dataclass(frozen=True)
class ReportSummary:
    """The compact view of one report that corpus-level steps use (cached with the extraction)."""
    doc_id: str
    report_iri: str
    title: str = ""
    place: str = ""
    place_iri: str = ""
    level: str = ""
    date: str = ""
    review_years: tuple[int, ...] = ()
    plan_years: tuple[int, ...] = ()
    entities: tuple[EntityUse, ...] = ()
    places: tuple[PlaceLink, ...] = ()

    @property
    def sort_key(self) -> tuple:
        return (self.date or "9999", self.doc_id)


@dataclass
class ReportResolution:
    """Everything resolved for one report: per entity name, plus its place entities and hierarchy."""
    context: PlaceContext
    entities: dict[str, Resolution] = field(default_factory=dict)
    places: dict[str, Resolution] = field(default_factory=dict)    # place name → its Place entity
    links: tuple[PlaceLink, ...] = ()
    place_iri: str = ""


def resolve_report(extraction: Extraction, base: str) -> ReportResolution:
    """Resolve every entity of one report and derive its place hierarchy, from the report alone."""
    ctx = place_context(extraction.document)
    resolution = ReportResolution(context=ctx)
    for entity in extraction.entities:
        resolution.entities[entity.name] = resolve_entity(entity.name, entity.type, ctx, base)
    resolution.links = admin_hierarchy(extraction, ctx)
    if ctx.place:
        for name in [ctx.place] + [l.parent for l in resolution.links if l.parent]:
            if name not in resolution.places:
                resolution.places[name] = resolve_entity(name, "Place", ctx, base)
        resolution.place_iri = resolution.places[ctx.place].iri
    return resolution


def summarize(extraction: Extraction, resolution: ReportResolution, base: str) -> ReportSummary:
    doc = extraction.document
    uses: dict[str, dict] = {}
    for entity in extraction.entities:
        res = resolution.entities[entity.name]
        use = uses.setdefault(res.iri, {"res": res, "names": set(), "planned": defaultdict(set),
                                        "achieved": defaultdict(set), "rules": set()})
        use["names"].add(entity.name)
        use["rules"].update(res.rules)
        if res.type == "Brand":
            use["res"] = res            # the more specific type wins inside one report
        for index in entity.sentences():
            sentence = doc.sentences[index]
            if sentence.year is None or sentence.in_glossary:
                continue
            if sentence.status == PLANNED:
                use["planned"][sentence.year].add(sentence.index)
            elif sentence.status == ACHIEVED:
                use["achieved"][sentence.year].add(sentence.index)
    entities = tuple(sorted((EntityUse(
        iri=iri, label=u["res"].label, type=u["res"].type, names=tuple(sorted(u["names"])), scope=u["res"].scope,
        rules=tuple(sorted(u["rules"])),
        planned=tuple((y, tuple(sorted(s))) for y, s in sorted(u["planned"].items())),
        achieved=tuple((y, tuple(sorted(s))) for y, s in sorted(u["achieved"].items())))
        for iri, u in uses.items()), key=lambda e: e.iri))
    years = lambda status: tuple(sorted({s.year for s in doc.sentences  # noqa: E731
                                         if s.status == status and s.year is not None and not s.in_glossary}))
    return ReportSummary(doc_id=doc.doc_id, report_iri=report_iri(base, doc.doc_id), title=doc.title,
                         place=resolution.context.place, place_iri=resolution.place_iri,
                         level=resolution.context.level, date=doc.date, review_years=years(ACHIEVED),
                         plan_years=years(PLANNED), entities=entities, places=resolution.links)


# --- plan follow-through --------------------------------------------------------------------------

@dataclass(frozen=True)
class FollowUp:
    """An item planned for ``year`` in one report, looked up in the report that reviews that year."""
    entity: str
    label: str
    type: str
    year: int
    planned_in: str         # report IRI
    planned_doc: str
    followed_up_in: str     # report IRI
    followed_doc: str
    status: str             # achieved | silent
    planned_sentences: tuple[str, ...]
    achieved_sentences: tuple[str, ...] = ()


def follow_through(summaries: Iterable[ReportSummary]) -> list[FollowUp]:
    """For each place, link every item planned for year N to the next report that reviews year N."""
    by_place: dict[str, list[ReportSummary]] = defaultdict(list)
    for summary in summaries:
        if summary.place:
            by_place[summary.place_iri or summary.place].append(summary)
    skip = _rules().no_follow_up
    found: list[FollowUp] = []
    for reports in by_place.values():
        reports.sort(key=lambda s: s.sort_key)
        for index, planner in enumerate(reports):
            for year in planner.plan_years:
                reviewer = next((r for r in reports[index + 1:] if year in r.review_years), None)
                if reviewer is None:
                    continue
                achieved = {e.iri: e for e in reviewer.entities}
                for use in planner.entities:
                    sentences = dict(use.planned).get(year)
                    if not sentences or use.type in skip or use.iri == planner.place_iri:
                        continue  # bodies, people, groups, and the place itself: nothing planned about them
                    later = achieved.get(use.iri)
                    done = dict(later.achieved).get(year, ()) if later else ()
                    found.append(FollowUp(
                        entity=use.iri, label=use.label, type=use.type, year=year,
                        planned_in=planner.report_iri, planned_doc=planner.doc_id,
                        followed_up_in=reviewer.report_iri, followed_doc=reviewer.doc_id,
                        status=ACHIEVED if done else "silent",
                        planned_sentences=tuple(sentence_iri(planner.report_iri, i) for i in sentences),
                        achieved_sentences=tuple(sentence_iri(reviewer.report_iri, i) for i in done)))
    return sorted(found, key=lambda f: (f.planned_in, f.year, f.entity))


# --- the merge report -----------------------------------------------------------------------------

MERGE_COLUMNS = ("decision", "iri", "label", "types", "reports", "names", "rule", "evidence")
PLACE_COLUMNS = ("report", "place", "level", "within", "within_level", "rule", "evidence")


@dataclass(frozen=True)
class MergeRow:
    decision: str       # merged | renamed (one name, canonical label by a rule) | kept-apart
    iri: str
    label: str
    types: str
    reports: str
    names: str
    rule: str
    evidence: str

    def cells(self) -> tuple[str, ...]:
        return (self.decision, self.iri, self.label, self.types, self.reports, self.names, self.rule,
                self.evidence)


def merge_rows(summaries: Iterable[ReportSummary]) -> list[MergeRow]:
    """Each IRI that several reports or several names share (merged), and each label that stays
    several entities because it is local to different places or has incompatible types (kept apart)."""
    by_iri: dict[str, list[tuple[ReportSummary, EntityUse]]] = defaultdict(list)
    for summary in summaries:
        for use in summary.entities:
            by_iri[use.iri].append((summary, use))
    rows: list[MergeRow] = []
    by_label: dict[str, list[str]] = defaultdict(list)
    for iri, uses in sorted(by_iri.items()):
        label = uses[0][1].label
        by_label[label].append(iri)
        reports = sorted({s.doc_id for s, _ in uses})
        names = sorted({n for _, u in uses for n in u.names})
        types = sorted({u.type for _, u in uses})
        rules = sorted({r for _, u in uses for r in u.rules})
        if len(reports) < 2 and not rules and len(names) < 2:
            continue
        why = [*rules]
        if len(names) > 1 and not rules:
            why.append("same-report-alias")
        if len(reports) > 1:
            why.append("same-canonical-name")
        if len(types) > 1:
            why.append("compatible-types")
        evidence = "; ".join(f"{s.doc_id}: {'|'.join(u.names)} ({u.type})" for s, u in
                             sorted(uses, key=lambda p: p[0].doc_id))
        decision = "merged" if len(reports) > 1 or len(names) > 1 else "renamed"
        rows.append(MergeRow(decision, iri, label, "|".join(types), "|".join(reports), "|".join(names),
                             "|".join(why), evidence))
    for label, iris in sorted(by_label.items()):
        if len(iris) < 2:
            continue
        parts = []
        scopes = set()
        for iri in iris:
            uses = by_iri[iri]
            scopes.add(uses[0][1].scope)
            parts.append(f"{iri} ({'|'.join(sorted({u.type for _, u in uses}))}; "
                         f"{'|'.join(sorted({s.doc_id for s, _ in uses}))})")
        rule = "local-name-in-different-places" if len(scopes) > 1 else "incompatible-types"
        rows.append(MergeRow("kept-apart", " ".join(iris), label,
                             "|".join(sorted({u.type for i in iris for _, u in by_iri[i]})),
                             "|".join(sorted({s.doc_id for i in iris for s, _ in by_iri[i]})), label, rule,
                             "; ".join(parts)))
    return rows


def place_rows(summaries: Iterable[ReportSummary]) -> list[tuple[str, ...]]:
    """The hierarchy steps each report supports, and what it refers to without naming (places.tsv)."""
    rows = []
    for summary in sorted(summaries, key=lambda s: s.doc_id):
        for link in summary.places:
            rows.append((link.doc_id, link.place, link.level, link.parent, link.parent_level, link.rule,
                         link.evidence))
    return rows
