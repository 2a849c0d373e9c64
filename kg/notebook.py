"""Small helpers for the notebooks in ``notebooks/``: build a report's graph in memory, turn the graph,
query results and evaluation scores into sorted pandas tables, draw with a CJK font, embed a view.

The notebooks call only these and the rest of the package (plotting aside), so their cells stay short
and their outputs stable: every table has a total order, floats are rounded, and nothing depends on
the clock, on hash order or on the machine's paths. pandas and IPython (the ``dev`` extra) are
imported by the functions that need them.
"""
from __future__ import annotations

import html
import os
import re
import tempfile
import warnings
from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import TYPE_CHECKING, Iterable
from urllib.parse import unquote

import networkx as nx
from rdflib import BNode, Graph, Literal, URIRef

from .config import Config
from .evaluate import Report, evaluate, match_entities, types_compatible
from .evaluate import _metric, _triple  # the exact text kg eval lists errors by
from .models import ENTITY_TYPES, RELATION_TYPES, Extraction
from .pipeline import build_graphs, process_file
from .query import MemoryStore, NamedQuery, get_query, resolve_query, run_query
from .tsv import TsvSet, read_dir, write_extraction
from .views import FAMILIES, MAX_NODES, family_graph, find_cjk_font, load_view_graph, render_view, trim_graph

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from .query import OxigraphStore

__all__ = [
    "repo_root", "Built", "build_in_memory", "build_series_in_memory", "oxigraph_in_memory", "follow_through_summary", "report_table", "graph_sizes", "entity_table", "type_counts",
    "profile_by", "central_entities", "use_cjk_font", "inline_view",
    "query_markdown", "query_table", "Evaluation", "evaluate_report", "score_table", "entity_errors",
    "relation_errors", "metric_errors",
]

ROUND = 3          # decimals of every float shown, so reruns and other machines print the same


# --------------------------------------------------------------------------- locating and building


def repo_root(start: Path | str | None = None) -> Path:
    """The repository folder: the nearest folder, from ``start`` (default: the working directory)
    upwards, that holds ``pyproject.toml`` and ``kg/``; relative to the working directory (``..``
    from ``notebooks/``), so no machine path ends up in a notebook's outputs."""
    here = (Path.cwd() if start is None else Path(start)).resolve()
    for folder in [here, *here.parents]:
        if (folder / "pyproject.toml").is_file() and (folder / "kg").is_dir():
            return Path(os.path.relpath(folder, Path.cwd().resolve()))
    raise FileNotFoundError(f"no kg repository (pyproject.toml and kg/) at or above {here}")


@dataclass
class Built:
    """One report built in memory: its extraction, the RDF graph and the NetworkX graph."""
    extraction: Extraction
    rdf: Graph
    nx: nx.MultiDiGraph

    @property
    def store(self) -> MemoryStore:
        """The RDF graph as a SPARQL store for ``kg.query``."""
        return MemoryStore(self.rdf)


def build_in_memory(path: Path | str, config: Config = Config()) -> Built:
    """Read, extract and build one report in memory (nothing is written)."""
    extraction = process_file(path, config)
    rdf, graph = build_graphs([extraction], config)
    return Built(extraction, rdf, graph)


def build_series_in_memory(paths: Iterable[Path | str], config: Config = Config()) -> tuple[Graph, nx.MultiDiGraph]:
    """Several reports built in memory into one graph, with the corpus facts (plan follow-through)."""
    return build_graphs([process_file(path, config) for path in sorted(map(Path, paths))], config)


def oxigraph_in_memory(graph: Graph) -> "OxigraphStore":
    """The graph in an in-memory Oxigraph store: the same answers as rdflib, much faster on corpora."""
    import pyoxigraph as ox

    from .query import OxigraphStore

    store = ox.Store()
    store.load(graph.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES)
    return OxigraphStore(store)


def follow_through_summary(follow: pd.DataFrame) -> pd.DataFrame:
    """Planned items per plan year and outcome (achieved / silent / planned), one row per year."""
    table = (follow.drop_duplicates(["year", "status", "entity"])
             .assign(status=lambda f: f.status.str.replace("kgo:", "", regex=False))
             .pivot_table(index="year", columns="status", values="entity", aggfunc="count", fill_value=0))
    table = table.reindex(columns=[c for c in ("achieved", "silent", "planned") if c in table.columns])
    table.columns.name = None
    table["followed up"] = table.get("achieved", 0) + table.get("silent", 0)
    table["achieved share"] = (table.get("achieved", 0) / table["followed up"].where(table["followed up"] > 0)).round(2)
    return table.reset_index()


# --------------------------------------------------------------------------- overview tables


def report_table(built: Built) -> pd.DataFrame:
    """The report's metadata and structure, one row per field."""
    import pandas as pd

    doc = built.extraction.document
    rows = [("doc_id", doc.doc_id), ("title", doc.title), ("issuer", doc.issuer), ("place", doc.place),
            ("level", doc.level), ("date", doc.date), ("encoding", doc.encoding),
            ("parts", " / ".join(p.title or "(preamble)" for p in doc.parts)),
            ("sentences", len(doc.sentences)), ("glossary entries", len(doc.glossary))]
    return pd.DataFrame(rows, columns=["field", "value"]).set_index("field")


def graph_sizes(built: Built) -> pd.DataFrame:
    """What the graph holds: triples, entities, facts, metrics, definitions and NetworkX sizes."""
    import pandas as pd

    x = built.extraction
    facts = {(r.subject, r.predicate, r.object, r.sentence) for r in x.relations}
    rows = [("RDF triples", len(built.rdf)), ("entities", len(x.entities)),
            ("relations (distinct triples)", len({(r.subject, r.predicate, r.object) for r in x.relations})),
            ("facts (relation × sentence)", len(facts)), ("metrics", len(x.metrics)),
            ("glossary definitions", len(x.definitions)),
            ("NetworkX nodes", built.nx.number_of_nodes()), ("NetworkX edges", built.nx.number_of_edges())]
    return pd.DataFrame(rows, columns=["what", "count"]).set_index("what")


def entity_table(built: Built) -> pd.DataFrame:
    """One row per entity: name, type, statuses, years, mentions (sentences), aliases; sorted by type
    (ontology order) and name."""
    import pandas as pd

    doc = built.extraction.document
    rows = []
    for e in built.extraction.entities:
        rows.append({"name": e.name, "type": e.type, "status": "|".join(e.statuses(doc)),
                     "years": "|".join(map(str, e.years(doc))),
                     "mentions": len({m.sentence for m in e.mentions}),
                     "aliases": "|".join(sorted(e.aliases - {e.name})), "confidence": round(e.confidence, ROUND)})
    order = {t: i for i, t in enumerate(ENTITY_TYPES)}
    rows.sort(key=lambda r: (order.get(r["type"], len(order)), r["type"], r["name"]))
    return pd.DataFrame(rows, columns=["name", "type", "status", "years", "mentions", "aliases", "confidence"])


def type_counts(built: Built) -> pd.DataFrame:
    """Entities per type with the Chinese type name and the views' colour, most frequent first."""
    import pandas as pd

    from .views import type_styles

    styles = type_styles()
    counts = Counter(e.type for e in built.extraction.entities)
    rows = [{"type": t, "zh": styles.get(t, {}).get("zh", ""), "entities": n,
             "colour": styles.get(t, {}).get("color", "#888888")} for t, n in counts.items()]
    rows.sort(key=lambda r: (-r["entities"], r["type"]))
    return pd.DataFrame(rows, columns=["type", "zh", "entities", "colour"]).set_index("type")


def profile_by(built: Built, key: str) -> pd.DataFrame:
    """Sentences, entities, facts and metrics per ``status`` or per ``year`` of their sentences.

    An entity mentioned in sentences of several statuses (or years) counts once under each.
    """
    import pandas as pd

    if key not in ("status", "year"):
        raise ValueError("key must be 'status' or 'year'")
    x = built.extraction
    sentences = x.document.sentences

    def value(index: int) -> str:
        v = getattr(sentences[index], key)
        return "(none)" if v is None else str(v)

    table: dict[str, Counter] = defaultdict(Counter)
    for s in sentences:
        table[value(s.index)]["sentences"] += 1
    for e in x.entities:
        for v in {value(m.sentence) for m in e.mentions}:
            table[v]["entities"] += 1
    for v in (value(i) for i in {(r.subject, r.predicate, r.object, r.sentence): r.sentence
                                 for r in x.relations}.values()):
        table[v]["facts"] += 1
    for m in x.metrics:
        table[value(m.sentence)]["metrics"] += 1
    columns = ["sentences", "entities", "facts", "metrics"]
    rows = [{key: k, **{c: table[k][c] for c in columns}} for k in sorted(table, key=lambda k: (k == "(none)", k))]
    return pd.DataFrame(rows, columns=[key, *columns]).set_index(key)


def _co_mention_graph(built: Built) -> nx.Graph:
    """Entities linked by their relations (any direction) and by the paragraphs that name them both."""
    x = built.extraction
    types = {e.name: e.type for e in x.entities}
    graph = nx.Graph()
    graph.add_nodes_from(sorted(types))
    paragraphs: dict[int, set[str]] = defaultdict(set)
    for e in x.entities:
        for m in e.mentions:
            paragraphs[x.document.sentences[m.sentence].paragraph].add(e.name)
    for members in paragraphs.values():
        for a, b in combinations(sorted(members), 2):
            graph.add_edge(a, b)
    for r in x.relations:
        if r.subject in types and r.object in types and r.subject != r.object:
            graph.add_edge(r.subject, r.object)
    return graph


def central_entities(built: Built, types: Iterable[str], top: int = 10) -> pd.DataFrame:
    """The most central entities of the given types.

    ``relations``: distinct neighbours through stated relations; ``co_mentioned``: distinct entities
    named in a shared paragraph; ``mentions``: sentences; ``betweenness``: how often the entity lies
    on shortest paths of the graph that joins relations and paragraph co-mentions (normalised,
    rounded). Sorted by betweenness, then relations, co-mentions, mentions and name.
    """
    import pandas as pd

    x = built.extraction
    wanted = set(types)
    combined = _co_mention_graph(built)
    betweenness = nx.betweenness_centrality(combined, normalized=True)
    related: dict[str, set[str]] = defaultdict(set)
    for r in x.relations:
        related[r.subject].add(r.object)
        related[r.object].add(r.subject)
    rows = []
    for e in x.entities:
        if e.type not in wanted:
            continue
        rows.append({"name": e.name, "type": e.type, "relations": len(related[e.name] - {e.name}),
                     "co_mentioned": combined.degree(e.name) if e.name in combined else 0,
                     "mentions": len({m.sentence for m in e.mentions}),
                     "betweenness": round(betweenness.get(e.name, 0.0), ROUND)})
    rows.sort(key=lambda r: (-r["betweenness"], -r["relations"], -r["co_mentioned"], -r["mentions"], r["name"]))
    frame = pd.DataFrame(rows[:top], columns=["name", "type", "relations", "co_mentioned", "mentions", "betweenness"])
    frame.index = range(1, len(frame) + 1)
    return frame


# --------------------------------------------------------------------------- charts and views


def use_cjk_font() -> str | None:
    """Make matplotlib draw Chinese (WenQuanYi Micro Hei when installed) and write reproducible SVGs;
    warns and falls back to DejaVu Sans when no CJK font is found. Returns the font's name."""
    import matplotlib

    font = find_cjk_font()
    if font is None:
        warnings.warn("no CJK font found (install fonts-wqy-microhei): Chinese labels will not render",
                      RuntimeWarning, stacklevel=2)
    matplotlib.rcParams["font.family"] = [font, "DejaVu Sans"] if font else ["DejaVu Sans"]
    matplotlib.rcParams["axes.unicode_minus"] = False
    matplotlib.rcParams["svg.hashsalt"] = "kg"
    matplotlib.rcParams["figure.dpi"] = 100
    return font


def inline_view(graph: Graph | nx.Graph, family: str | None = "programmes", height: int = 640,
                max_nodes: int = MAX_NODES):
    """An interactive view (the same page ``kg view`` writes) for a notebook output: the whole page
    goes into an ``<iframe srcdoc>`` sandboxed to its own scripts, so it works offline and cannot
    touch the notebook's page. ``family`` is a family slug (``programmes``, ``institutions``,
    ``awards``, ``mechanisms``) or None for the whole graph."""
    from IPython.display import HTML

    view_graph = load_view_graph(graph)
    if family is None:
        title, sub = "全图 Whole graph", view_graph
    else:
        chosen = next((f for f in FAMILIES if f.slug == family), None)
        if chosen is None:
            raise ValueError(f"unknown family {family!r} (use {', '.join(f.slug for f in FAMILIES)} or None)")
        title, sub = chosen.title, family_graph(view_graph, chosen)
    shown, dropped = trim_graph(sub, max_nodes)
    notes = [f"Trimmed: showing the {len(shown)} best-connected of {len(sub)} entities."] if dropped else []
    # the page's link to the views index leads nowhere inside a notebook
    page = re.sub(r'<a id="kg-home"[^>]*>.*?</a>', "", render_view(shown, title, notes), count=1)
    return HTML(f'<div class="kg-view"><iframe title="{html.escape(title)}" sandbox="allow-scripts" '
                f'style="width:100%;height:{int(height)}px;border:1px solid #ccc" '
                f'srcdoc="{html.escape(page, quote=True)}"></iframe></div>')


# --------------------------------------------------------------------------- SPARQL


def query_markdown(name: str) -> str:
    """A library query as Markdown: its title, question and parameters, then its SPARQL text
    without the header those came from and without the PREFIX lines."""
    query = get_query(name)
    params = "".join(f"\n- parameter `{p.name}` ({p.kind}, {'required' if p.required else 'optional'}): {p.doc}"
                     for p in query.params)
    body, in_header, key = [], True, False
    for line in query.text.splitlines():
        stripped = line.strip()
        if in_header and stripped.startswith("#"):
            if re.match(r"#\s*(title|question|param)\s*:", stripped):
                key = True
                continue
            if key and re.match(r"#\s{2,}\S", stripped):
                continue
            key = False
        elif stripped:
            in_header = False
        if not stripped.upper().startswith("PREFIX"):
            body.append(line)
    sparql = "\n".join(body).strip()
    return (f"**{query.title}** (`kg/queries/{name}.rq`)\n\n*{query.question}*{params}\n\n"
            f"```sparql\n{sparql}\n```")


def _cell(term, prefixes: dict[str, str]):
    """A result term as a plain value: IRIs shortened to ``prefix:local`` (readable, unquoted),
    numbers and booleans as Python values, other literals as text."""
    if term is None:
        return None
    if isinstance(term, URIRef):
        text = str(term)
        best = max((ns for ns in prefixes.values() if text.startswith(ns)), key=len, default=None)
        if best is None:
            return text
        prefix = next(p for p, ns in sorted(prefixes.items()) if ns == best)
        return f"{prefix}:{unquote(text[len(best):])}"
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, Literal):
        value = term.toPython()
        if isinstance(value, (bool, int)):
            return value
        if hasattr(value, "is_finite"):        # Decimal
            return float(value)
        if isinstance(value, float):
            return round(value, ROUND)
        return str(term)
    return str(term)


def query_table(store: MemoryStore, query: str | NamedQuery, params: dict[str, str] | None = None,
                columns: Iterable[str] | None = None) -> pd.DataFrame:
    """Run a library query (by name) and return its rows as a DataFrame, in the query's ORDER BY
    order with any remaining ties broken by the full row, so reruns print the same table."""
    import pandas as pd

    named = query if isinstance(query, NamedQuery) else resolve_query(query)
    result = run_query(store, named, params)
    if result.form != "SELECT":
        raise ValueError(f"{named.name} is not a SELECT query (use kg.query.run_query)")
    rows = [tuple(_cell(t, store.prefixes) for t in row) for row in result.rows]
    frame = _break_ties(pd.DataFrame(rows, columns=result.variables), named.text)
    frame = frame.convert_dtypes()      # integer columns stay integers when some rows are unbound (<NA>)
    if columns is not None:
        frame = frame[list(columns)]
    frame.index = range(1, len(frame) + 1)
    return frame


_ORDER_BY = re.compile(r"\bORDER\s+BY\b(.*?)(?:\bLIMIT\b|\bOFFSET\b|$)", re.IGNORECASE | re.DOTALL)


def _break_ties(frame: pd.DataFrame, text: str) -> pd.DataFrame:
    """Rows that the query's ORDER BY leaves tied come out in the store's (hash) order: sort each run
    of rows equal on the projected ORDER BY variables by the text of the whole row."""
    if frame.empty:
        return frame
    clauses = _ORDER_BY.findall(text)
    names = dict.fromkeys(re.findall(r"[?$](\w+)", clauses[-1]) if clauses else [])
    keys = [i for i, column in enumerate(frame.columns) if column in names]
    rows = [tuple(str(v) for v in row) for row in frame.itertuples(index=False, name=None)]
    # a block of ties starts where the ORDER BY key changes; inside a block, order by the whole row
    block, ranked = 0, []
    for i, row in enumerate(rows):
        if i and [row[k] for k in keys] != [rows[i - 1][k] for k in keys]:
            block += 1
        ranked.append((block, row))
    order = sorted(range(len(rows)), key=lambda i: ranked[i])
    return frame.iloc[order].reset_index(drop=True)


# --------------------------------------------------------------------------- evaluation


@dataclass
class Evaluation:
    """One report scored against its gold: what was read, predicted and counted."""
    name: str
    extraction: Extraction
    gold: TsvSet
    pred: TsvSet
    report: Report


def evaluate_report(report_path: Path | str, gold_dir: Path | str, name: str | None = None,
                    config: Config = Config()) -> Evaluation:
    """Extract a report and score it against a gold folder, exactly as ``kg extract`` + ``kg eval``
    do (the predicted TSVs are written to a temporary folder and read back)."""
    extraction = process_file(report_path, config)
    with tempfile.TemporaryDirectory(prefix="kg-pred-") as folder:
        write_extraction(extraction, folder)
        pred = read_dir(folder)
    gold = read_dir(gold_dir)
    return Evaluation(name or extraction.document.doc_id, extraction, gold, pred, evaluate(gold, pred))


def _score_row(report: str, section: str, score) -> dict:
    return {"report": report, "section": section, "label": score.label, "gold": score.gold, "pred": score.pred,
            "tp": score.tp, "fp": score.fp, "fn": score.fn, "optional": score.optional,
            "P": round(score.precision, ROUND), "R": round(score.recall, ROUND), "F1": round(score.f1, ROUND)}


def score_table(evaluations: Iterable[Evaluation], sections: Iterable[str] = ("type", "entities", "relation",
                                                                               "relations", "metrics", "glossary")
                ) -> pd.DataFrame:
    """Counts and P/R/F1 of every evaluation, one row per (report, section, label), in the order of
    ``kg eval``: entity types (ontology order), entities untyped/typed, relation predicates, relations
    overall, metrics, glossary. Sections: ``type``, ``entities``, ``relation``, ``relations``,
    ``metrics``, ``glossary``."""
    wanted = set(sections)
    rows = []
    for ev in evaluations:
        r = ev.report
        parts = [("type", s) for s in r.entities.types] + [("entities", r.entities.untyped),
                                                            ("entities", r.entities.typed)]
        parts += [("relation", s) for s in r.relations.predicates] + [("relations", r.relations.overall),
                                                                     ("metrics", r.metrics.overall),
                                                                     ("glossary", r.glossary.overall)]
        rows += [_score_row(ev.name, section, s) for section, s in parts if section in wanted]
    columns = ["report", "section", "label", "gold", "pred", "tp", "fp", "fn", "optional", "P", "R", "F1"]
    return _frame(rows, columns)


def _sample_by(rows: list[dict], per_group: int | None, keys: tuple[str, ...]) -> list[dict]:
    """At most ``per_group`` rows for each combination of ``keys`` (rows already sorted)."""
    if per_group is None:
        return rows
    seen: Counter = Counter()
    out = []
    for row in rows:
        key = tuple(row[k] for k in keys)
        seen[key] += 1
        if seen[key] <= per_group:
            out.append(row)
    return out


def _frame(rows: list[dict], columns: list[str]) -> pd.DataFrame:
    import pandas as pd

    frame = pd.DataFrame(rows, columns=columns)
    frame.index = range(1, len(frame) + 1)
    return frame


_KINDS = {"missed": 0, "false hit": 1, "wrong type": 2}


def entity_errors(ev: Evaluation, per_type: int | None = 3) -> pd.DataFrame:
    """Missed gold entities, false hits and type confusions, with the sentence each comes from; at
    most ``per_type`` of each kind and type, sorted by kind, type (ontology order) and name."""
    gold, pred = ev.gold.entities, ev.pred.entities
    pairs = match_entities(gold, pred)
    found = set(pairs.values())
    rows = [{"kind": "missed", "type": g.type, "name": g.name, "predicted as": "", "sentence": g.evidence}
            for gi, g in enumerate(gold) if not g.optional and gi not in found]
    for pi, p in enumerate(pred):
        g = gold[pairs[pi]] if pi in pairs else None
        if g is None:
            rows.append({"kind": "false hit", "type": p.type, "name": p.name, "predicted as": "",
                         "sentence": p.evidence})
        elif not g.optional and not types_compatible(p.type, g.type):
            rows.append({"kind": "wrong type", "type": g.type, "name": g.name, "predicted as": p.type,
                         "sentence": g.evidence or p.evidence})
    sentences = [s.text for s in ev.extraction.document.sentences]
    for row in rows:
        if not row["sentence"]:     # no evidence column: the first sentence naming the entity
            row["sentence"] = next((s for s in sentences if row["name"] in s), "")
    order = {t: i for i, t in enumerate(ENTITY_TYPES)}
    rows.sort(key=lambda r: (_KINDS[r["kind"]], order.get(r["type"], len(order)), r["type"], r["name"]))
    return _frame(_sample_by(rows, per_type, ("kind", "type")), ["kind", "type", "name", "predicted as", "sentence"])


def relation_errors(ev: Evaluation, per_predicate: int | None = 3) -> pd.DataFrame:
    """Missed gold relations and false hits (both ends resolved as ``kg eval`` does), with their
    sentence; at most ``per_predicate`` of each kind and predicate."""
    result = ev.report.relations
    rows = []
    for kind, shown, table in (("missed", result.missed, ev.gold.relations),
                               ("false hit", result.false, ev.pred.relations)):
        by_text = {}
        for r in table:
            by_text.setdefault(_triple(r), r)
        for text in shown:
            r = by_text.get(text)
            if r is not None:
                rows.append({"kind": kind, "predicate": r.predicate, "subject": r.subject, "object": r.object,
                             "sentence": r.evidence})
    order = {p: i for i, p in enumerate(RELATION_TYPES)}
    rows.sort(key=lambda r: (_KINDS[r["kind"]], order.get(r["predicate"], len(order)), r["predicate"],
                             r["subject"], r["object"]))
    return _frame(_sample_by(rows, per_predicate, ("kind", "predicate")),
                  ["kind", "predicate", "subject", "object", "sentence"])


def metric_errors(ev: Evaluation, per_kind: int | None = 5) -> pd.DataFrame:
    """Missed gold metrics and false hits, with their sentence; at most ``per_kind`` of each."""
    result = ev.report.metrics
    rows = []
    for kind, shown, table in (("missed", result.missed, ev.gold.metrics), ("false hit", result.false,
                                                                             ev.pred.metrics)):
        by_text = {}
        for m in table:
            by_text.setdefault(_metric(m), m)
        for text in shown:
            m = by_text.get(text)
            if m is not None:
                rows.append({"kind": kind, "subject": m.subject, "value": m.value, "unit": m.unit,
                             "year": "" if m.year is None else str(m.year), "qualifier": m.qualifier,
                             "sentence": m.evidence})
    rows.sort(key=lambda r: (_KINDS[r["kind"]], r["subject"], r["value"], r["unit"], r["year"], r["qualifier"]))
    return _frame(_sample_by(rows, per_kind, ("kind",)),
                  ["kind", "subject", "value", "unit", "year", "qualifier", "sentence"])
