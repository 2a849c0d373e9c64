"""The pipeline, top to bottom: load → clean → structure → extract → graphs → exports.

``run_build`` is the corpus pipeline: each report is read, extracted, resolved and turned into its
own named graph (N-Triples lines) in a worker process, or taken from the cache when the same bytes
were built before by the same tool; then the corpus steps (plan follow-through, merge report) run on
the small per-report summaries and every export is streamed to disk.
"""
from __future__ import annotations

import gc
import sys
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from itertools import repeat
from pathlib import Path
from typing import Callable, Iterable, Iterator

import networkx as nx
from rdflib import Dataset, Graph, URIRef
from tqdm import tqdm

from .cache import DEFAULT_CACHE_NAME, ReportCache, cache_key
from .clean import clean_text
from .config import Config
from .corpus import (MERGE_COLUMNS, PLACE_COLUMNS, MergeRow, ReportSummary, corpus_graph_iri,
                     entities_graph_iri, merge_rows, place_rows)
from .export import NxWriter, RdfWriter, ReportExports, write_tsv
from .extract import extract
from .iris import doc_id_for, report_iri
from .load import ReportError, read_report, read_report_bytes, report_files
from .models import Document, Extraction
from .nxgraph import NxPart, add_part, build_nx, finish, nx_part
from .rdf import (PREFIXES, build_rdf, corpus_lines, entity_graph_lines, lines_to_graph, report_graph_sections,
                  report_lines)
from .structure import parse_document

__all__ = ["ValidationError", "BuildResult", "ReportBuild", "load_document", "document_from_text", "process_file",
           "build_report", "run_build", "build_graphs", "CORPUS_FILES"]

CORPUS_FILES = ("merges.tsv", "places.tsv")


def document_from_text(text: str, doc_id: str, source: str = "", encoding: str = "utf-8") -> Document:
    """Clean and structure report text that is already decoded."""
    return parse_document(clean_text(text), doc_id=doc_id, source=source, encoding=encoding)


def load_document(path: Path | str) -> Document:
    """Read, clean and structure one report file (raises ReportError)."""
    path = Path(path)
    loaded = read_report(path)
    doc = document_from_text(loaded.text, doc_id_for(path.name), source=path.name, encoding=loaded.encoding)
    if not doc.sentences:
        raise ReportError(path, "no sentences found after cleaning")
    return doc


def process_file(path: Path | str, config: Config = Config()) -> Extraction:
    """One report file → its extraction."""
    return extract(load_document(path), min_confidence=config.min_confidence)


def build_graphs(extractions: list[Extraction], config: Config = Config()) -> tuple[Graph, nx.MultiDiGraph]:
    """The RDF graph (union of the report graphs and the corpus graph) and the NetworkX graph."""
    ordered = sorted(extractions, key=lambda x: x.document.doc_id)
    return build_rdf(ordered, config), build_nx(ordered, config)


class ValidationError(Exception):
    """The built graph does not conform to the SHACL shapes; nothing was written."""


# --- one report --------------------------------------------------------------------------------------

@dataclass
class ReportBuild:
    """One report, built in a worker: what the corpus steps need, its exports rendered and encoded, and its
    part of the NetworkX graph (the extraction itself stays in the worker: sending it costs more than it serves)."""
    source: str
    summary: ReportSummary
    graph: str                          # the report's named graph (its IRI)
    shared: list[str]                   # sorted lines about entities (shared with other reports)
    exports: ReportExports | None = None    # its named graph and its own nodes, as the export files' bytes
                                            # (None once streamed to the exports)
    nx: NxPart | None = None            # its part of the NetworkX graph (None once added)
    validation: str | None = None       # None: not validated; "": conforms; else pyshacl's report
    cached: bool = False
    counts: tuple[int, int, int] = (0, 0, 0)   # entities, relations, metrics

    def light(self) -> "ReportBuild":
        """What a corpus build keeps of a report once it is streamed to the exports and in the NetworkX
        graph: the summary the corpus steps read (a thousand reports' exports would hold gigabytes)."""
        return replace(self, exports=None, shared=[], nx=None)


def _validate_lines(lines: Iterable[str]) -> str:
    from .validate import validate_lines

    outcome = validate_lines(list(lines))
    return "" if outcome.conforms else outcome.text


def build_report(path: Path | str, config: Config = Config(), cache_dir: str | None = None,
                 validate: bool = False) -> ReportBuild:
    """Read, extract, resolve and write one report's graph; from the cache when it holds this build."""
    path = Path(path)
    data = read_report_bytes(path)          # never blocks on a pipe; refuses what is far too large
    key = cache_key(data, path.name, config.base_iri, config.min_confidence)
    store = ReportCache(cache_dir) if cache_dir else None
    if cache_dir and (found := store.get(key)) is not None and isinstance(found, ReportBuild):
        found.source, found.cached = str(path), True
        if validate and found.validation is None:
            found.validation = _validate_lines([*found.shared, *found.exports.lines()])
            store.put(key, found)
        return found
    extraction = extract(load_document(path), min_confidence=config.min_confidence)
    lines = report_lines(extraction, config)
    shared, local = lines.split()
    exports = ReportExports.of(lines.graph, *report_graph_sections(shared, local), PREFIXES(config.base_iri))
    built = ReportBuild(source=str(path), summary=lines.summary, graph=lines.graph, shared=shared,
                        exports=exports, nx=nx_part(extraction, lines.resolution),
                        counts=(len(extraction.entities), len(extraction.relations), len(extraction.metrics)),
                        validation=_validate_lines(lines.lines) if validate else None)
    if store is not None:
        store.put(key, built)
    return built


def _try_build(path: Path, config: Config, cache_dir: str | None, validate: bool) -> ReportBuild | ReportError:
    """Worker entry: an error is returned, not raised, so one bad file never stops the others."""
    try:
        return build_report(path, config, cache_dir, validate)
    except ReportError as error:
        return error


def _build_all(files: list[Path], config: Config, cache_dir: str | None,
               validate: bool) -> Iterator[ReportBuild | ReportError]:
    """Build every file, in worker processes when there are several files and jobs; in input order."""
    jobs = min(config.jobs, len(files))
    progress = dict(total=len(files), unit="report", disable=None if len(files) > 1 else True, file=sys.stderr)
    args = (repeat(config), repeat(cache_dir), repeat(validate))
    if jobs <= 1:
        yield from tqdm(map(_try_build, files, *args), **progress)
        return
    # one report per task: a report takes far longer than its round trip, and its result is megabytes of
    # exports (batches of several make messages of tens of megabytes, slower to receive)
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from tqdm(pool.map(_try_build, files, *args), **progress)


# --- the corpus ----------------------------------------------------------------------------------

@dataclass
class BuildResult:
    reports: list[ReportBuild] = field(default_factory=list)
    failures: list[ReportError] = field(default_factory=list)
    nx: nx.MultiDiGraph | None = None
    written: list[Path] = field(default_factory=list)
    validation: str = ""
    corpus: list[str] = field(default_factory=list)       # the corpus graph's lines
    merges: list[MergeRow] = field(default_factory=list)
    triples: int = 0
    out_dir: Path | None = None
    _rdf: Graph | None = field(default=None, repr=False)

    @property
    def counts(self) -> tuple[int, int, int]:
        """Entities, relations and metrics extracted, summed over the reports (an entity named by two
        reports counts twice)."""
        return tuple(sum(r.counts[k] for r in self.reports) for k in range(3))

    @property
    def extracted(self) -> int:
        """How many reports were extracted in this build (the others came from the cache)."""
        return sum(not report.cached for report in self.reports)

    @property
    def rdf(self) -> Graph | None:
        """The union graph as an rdflib Graph, read back from graph.nt on first use (small builds)."""
        if self._rdf is None and self.out_dir is not None and (self.out_dir / "graph.nt").is_file():
            from .rdf import bind_prefixes

            base = self.reports[0].graph.rsplit("report/", 1)[0] if self.reports else ""
            with open(self.out_dir / "graph.nt", encoding="utf-8") as handle:
                self._rdf = lines_to_graph((line.rstrip("\n") for line in handle if line.strip()),
                                           bind_prefixes(Graph(), base))
        return self._rdf

    def dataset(self) -> Dataset:
        """The named graphs as an rdflib Dataset, read back from graph.nq."""
        dataset = Dataset()
        graphs: dict[str, list[str]] = {}
        with open(self.out_dir / "graph.nq", encoding="utf-8") as handle:
            for line in handle:
                line = line.rstrip("\n")
                if line:
                    head, _, name = line[:-2].rpartition(" ")
                    graphs.setdefault(name[1:-1], []).append(head + " .")
        for name, lines in graphs.items():
            lines_to_graph(lines, dataset.graph(URIRef(name)))
        return dataset


def _corpus_validation(corpus: list[str], reports: list[ReportBuild]) -> str:
    """Validate the corpus graph against the shapes of what it holds (follow-ups, statuses, years),
    with the reports and sentences it points to typed (their own graphs were validated already)."""
    if not corpus:
        return ""
    from .rdf import nt_iri
    from .validate import validate_lines
    from .vocab import KGO, load_shapes

    shapes, all_shapes = Graph(), load_shapes()
    for shape in (URIRef("https://kg.example.org/shapes#" + name)
                  for name in ("FollowUpShape", "StatusValueShape", "YearValueShape")):
        for triple in all_shapes.cbd(shape):
            shapes.add(triple)
    typed = [f"{nt_iri(r.graph)} <{RDF_TYPE}> <{KGO.Report}> ." for r in reports]
    sentences = {line.split(" ", 2)[2][:-2] for line in corpus if "wasDerivedFrom" in line}
    typed += [f"{s} <{RDF_TYPE}> <{KGO.Sentence}> ." for s in sentences]
    outcome = validate_lines([*corpus, *typed], shapes)
    return "" if outcome.conforms else outcome.text


RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def run_build(paths: Iterable[Path | str], config: Config = Config(),
              on_error: Callable[[ReportError], None] | None = None,
              cache: Path | str | bool | None = True) -> BuildResult:
    """Build every readable report; unreadable ones are reported and skipped, never half-written.

    ``cache``: True (default) keeps per-report results in ``OUT/.cache``; a path puts them there;
    False or None keeps nothing. Each report's graph is streamed to the (temporary) exports as soon as
    it is built; nothing replaces an earlier export before every report is built and validated.
    """
    result = BuildResult(out_dir=Path(config.out_dir))
    paths = list(paths)
    # in the order of their graphs, so each report is streamed to the exports as soon as it is built
    files = sorted(report_files(paths), key=lambda f: (report_iri(config.base_iri, doc_id_for(f.name)), str(f)))
    if not files:
        result.failures.append(ReportError(", ".join(map(str, paths)) or ".", "no report files found"))
    cache_dir = (Path(config.out_dir) / DEFAULT_CACHE_NAME if cache is True else Path(cache) if cache else None)
    out = Path(config.out_dir)
    with ExitStack() as stack:
        stack.callback(gc.unfreeze)
        writer: RdfWriter | None = None
        shared: set[str] = set()
        seen: dict[str, str] = {}
        network = nx.MultiDiGraph()          # the NetworkX graph, a report at a time
        for outcome in _build_all(files, config, str(cache_dir) if cache_dir else None, config.validate):
            if isinstance(outcome, ReportBuild) and outcome.graph in seen:
                outcome = ReportError(outcome.source, f"same report id as {seen[outcome.graph]}")
            if isinstance(outcome, ReportError):
                result.failures.append(outcome)
                if on_error:
                    on_error(outcome)
                continue
            seen[outcome.graph] = outcome.source
            if writer is None:       # opened with the first good report: a run of bad files writes nothing
                writer = stack.enter_context(RdfWriter(out, PREFIXES(config.base_iri)))
            writer.report(outcome.exports)
            shared.update(outcome.shared)
            add_part(network, outcome.nx)
            result.reports.append(outcome.light())
            gc.freeze()     # what the build keeps is long-lived: the collector need not scan it again per report
        if writer is None:
            return result
        reports = result.reports                       # already in the order of their graphs
        summaries = [r.summary for r in reports]
        result.corpus = corpus_lines(summaries, config)
        if config.validate:
            problems = [f"{r.source}:\n{r.validation}" for r in reports if r.validation]
            if corpus_text := _corpus_validation(result.corpus, reports):
                problems.append(f"corpus graph:\n{corpus_text}")
            if problems:
                raise ValidationError("\n".join(problems))
        result.nx = finish(network)
        nx_writer = NxWriter(result.nx, out)           # renders the NetworkX exports while the rest is done
        try:
            result.merges = merge_rows(summaries)
            entity_lines = sorted(shared)
            del shared
            writer.union(entity_lines)
            writer.named_graph(entities_graph_iri(config.base_iri), entity_graph_lines(entity_lines))
            writer.union(result.corpus)
            writer.named_graph(corpus_graph_iri(config.base_iri), result.corpus)
            result.written = writer.commit()
            result.triples = writer.triples
        except BaseException:
            nx_writer.abort()
            raise
    result.written += nx_writer.commit()
    write_tsv(out / "merges.tsv", MERGE_COLUMNS, (row.cells() for row in result.merges))
    write_tsv(out / "places.tsv", PLACE_COLUMNS, place_rows(summaries))
    result.written += [out / name for name in CORPUS_FILES]
    return result
