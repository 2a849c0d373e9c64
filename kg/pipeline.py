"""The pipeline, top to bottom: load → clean → structure → extract → graphs → exports."""
from __future__ import annotations

import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import repeat
from pathlib import Path
from typing import Callable, Iterable, Iterator

import networkx as nx
from rdflib import Graph
from tqdm import tqdm

from .clean import clean_text
from .config import Config
from .export import write_exports
from .extract import extract
from .iris import doc_id_for
from .load import ReportError, read_report, report_files
from .models import Document, Extraction
from .nxgraph import build_nx
from .rdf import build_rdf
from .structure import parse_document

__all__ = ["ValidationError", "BuildResult", "load_document", "document_from_text", "process_file", "run_build", "build_graphs"]


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
    """The RDF graph and the NetworkX graph, both from the same extractions."""
    ordered = sorted(extractions, key=lambda x: x.document.doc_id)
    return build_rdf(ordered, config), build_nx(ordered, config)


@dataclass
class BuildResult:
    extractions: list[Extraction] = field(default_factory=list)
    failures: list[ReportError] = field(default_factory=list)
    rdf: Graph | None = None
    nx: nx.MultiDiGraph | None = None
    written: list[Path] = field(default_factory=list)
    validation: str = ""


class ValidationError(Exception):
    """The built graph does not conform to the SHACL shapes; nothing was written."""


def _try_process(path: Path, config: Config) -> Extraction | ReportError:
    """Worker entry: an error is returned, not raised, so one bad file never stops the others."""
    try:
        return process_file(path, config)
    except ReportError as error:
        return error


def _extract_all(files: list[Path], config: Config) -> Iterator[Extraction | ReportError]:
    """Extract every file, in worker processes when there are several files and jobs; in input order."""
    jobs = min(config.jobs, len(files))
    progress = dict(total=len(files), unit="report", disable=None if len(files) > 1 else True, file=sys.stderr)
    if jobs <= 1:
        yield from tqdm((_try_process(path, config) for path in files), **progress)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from tqdm(pool.map(_try_process, files, repeat(config), chunksize=4), **progress)


def run_build(paths: Iterable[Path | str], config: Config = Config(),
              on_error: Callable[[ReportError], None] | None = None) -> BuildResult:
    """Build every readable report; unreadable ones are reported and skipped, never half-written."""
    result = BuildResult()
    files = report_files(paths)
    if not files:
        result.failures.append(ReportError(", ".join(map(str, paths)) or ".", "no report files found"))
    for outcome in _extract_all(files, config):
        if isinstance(outcome, ReportError):
            result.failures.append(outcome)
            if on_error:
                on_error(outcome)
        else:
            result.extractions.append(outcome)
    if not result.extractions:
        return result
    result.rdf, result.nx = build_graphs(result.extractions, config)
    if config.validate:
        from .validate import validate_graph

        outcome = validate_graph(result.rdf)
        if not outcome.conforms:
            raise ValidationError(outcome.text)
    result.written = write_exports(result.rdf, result.nx, config.out_dir)
    return result
