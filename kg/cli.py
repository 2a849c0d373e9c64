"""Thin command-line interface: parses arguments, calls the library, prints one clear line on error."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .config import DEFAULT_BASE_IRI, Config
from .load import ReportError

__all__ = ["main", "cli"]

DEFAULT_REPORT = Path(__file__).resolve().parent.parent / "data" / "2023_shanghai-jinshan-shihua_subdistrict.txt"


def fail(message: str, code: int = 1) -> None:
    """One line on stderr and a non-zero exit."""
    click.echo(f"error: {message}", err=True)
    sys.exit(code)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kg")
def cli() -> None:
    """Knowledge graphs from Chinese local-government work reports."""


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("-o", "--out", "out_dir", type=click.Path(path_type=Path), default=Path("exports"), show_default=True,
              help="Folder for the exports.")
@click.option("--base-iri", default=DEFAULT_BASE_IRI, show_default=True, help="Base IRI of the data.")
@click.option("--jobs", "-j", type=int, default=0, help="Worker processes (0 = all cores).")
@click.option("--min-confidence", type=float, default=0.0, show_default=True, help="Drop facts below this.")
@click.option("--no-validate", is_flag=True, help="Skip SHACL validation.")
@click.option("--no-views", is_flag=True, help="Do not write the interactive views (DIR/views/).")
@click.option("--cache", "cache_dir", type=click.Path(path_type=Path), default=None,
              help="Folder of the per-report cache  [default: DIR/.cache]")
@click.option("--no-cache", is_flag=True, help="Extract every report again and keep no cache.")
def build(paths, out_dir, base_iri, jobs, min_confidence, no_validate, no_views, cache_dir, no_cache):
    """Build the graph of report files or folders (default: the sample report) and write every export.

    Each report gets its own named graph (graph.trig, graph.nq); graph.ttl is their union. Reports
    already built by this version of the tool come from the cache; merges.tsv lists entity merges
    across reports, places.tsv the administrative hierarchy the reports support.
    """
    from .pipeline import ValidationError, run_build

    try:
        config = Config(base_iri=base_iri, out_dir=out_dir, jobs=jobs, min_confidence=min_confidence,
                        validate=not no_validate)
    except ValueError as error:
        fail(str(error), 2)
    try:
        result = run_build(paths or [DEFAULT_REPORT], config,
                           on_error=lambda e: click.echo(f"error: {e}", err=True),
                           cache=False if no_cache else cache_dir or True)
    except ValidationError as error:
        fail(f"built graph does not conform to the SHACL shapes; nothing written\n{error}")
    except OSError as error:   # an output or cache folder that cannot be written (a file, read-only, full)
        fail(f"cannot write {error.filename or out_dir} ({error.strerror or error}); each export already "
             "there is whole")
    if not result.reports:
        if not any("no report files" in str(e) for e in result.failures):
            fail("no report could be read; nothing written")
        fail(str(result.failures[0]))
    if not no_views:
        from .views import ViewError, write_views

        try:
            write_views(out_dir, out_dir / "views")   # from graph.nt, not an rdflib graph of the whole build
        except ViewError as error:
            fail(f"exports written, views not: {error}")
        except OSError as error:
            fail(f"exports written, views not: cannot write {error.filename or out_dir / 'views'} "
                 f"({error.strerror or error})")
    entities, relations, metrics = result.counts
    cached = len(result.reports) - result.extracted
    click.echo(f"built {len(result.reports)} report(s): {entities} entities, {relations} relations, "
               f"{metrics} metrics, {result.triples} triples -> {out_dir}/"
               + (f" ({cached} from the cache)" if cached else ""))
    if result.failures:
        fail(f"{len(result.failures)} file(s) could not be read (see above)")


@cli.command("extract")
@click.argument("report", type=click.Path(path_type=Path))
@click.option("-o", "--out", "out_dir", type=click.Path(path_type=Path), required=True,
              help="Folder for entities.tsv, relations.tsv, metrics.tsv, glossary.tsv.")
@click.option("--min-confidence", type=float, default=0.0, show_default=True)
def extract_command(report, out_dir, min_confidence):
    """Write the evaluation TSVs (ANNOTATION.md format) for one report."""
    from .pipeline import process_file
    from .tsv import write_extraction

    try:
        extraction = process_file(report, Config(min_confidence=min_confidence))
    except ReportError as error:
        fail(str(error))
    write_extraction(extraction, out_dir)
    click.echo(f"{report}: {len(extraction.entities)} entities, {len(extraction.relations)} relations, "
               f"{len(extraction.metrics)} metrics, {len(extraction.definitions)} definitions -> {out_dir}/")


@cli.command("eval")
@click.argument("gold_dir", type=click.Path(path_type=Path, exists=True, file_okay=False))
@click.argument("pred_dir", type=click.Path(path_type=Path, exists=True, file_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.option("--show-errors", is_flag=True, help="List misses and false hits.")
@click.option("--by-confidence", is_flag=True,
              help="Scores at every --min-confidence the predictions allow (to choose a filter).")
def eval_command(gold_dir, pred_dir, as_json, show_errors, by_confidence):
    """Score predicted TSVs against gold TSVs: precision, recall and F1 per type."""
    from .evaluate import (confidence_table, errors, evaluate, format_confidence_table, format_report,
                           report_to_json)
    from .tsv import read_dir

    try:
        gold, pred = read_dir(gold_dir), read_dir(pred_dir)
        report = evaluate(gold, pred)
    except (OSError, ValueError) as error:
        fail(str(error))
    if by_confidence:
        click.echo(format_confidence_table(confidence_table(gold, pred)))
        return
    if as_json:
        click.echo(json.dumps(report_to_json(report), ensure_ascii=False, indent=1, sort_keys=True))
        return
    click.echo(format_report(report))
    if show_errors:
        click.echo(json.dumps(errors(report), ensure_ascii=False, indent=1))


@cli.command("calibrate")
@click.argument("gold_dirs", nargs=-1, required=True, type=click.Path(path_type=Path, exists=True, file_okay=False))
@click.option("--reports", "report_dirs", multiple=True, required=True,
              type=click.Path(path_type=Path, exists=True, file_okay=False),
              help="Folder holding each gold's report, named like the gold folder (.txt, .gbk.txt, .html, .pdf).")
@click.option("-o", "--out", "out_path", type=click.Path(path_type=Path, dir_okay=False), required=True,
              help="The table to write (the package reads kg/resources/confidence.tsv).")
def calibrate_command(gold_dirs, report_dirs, out_path):
    """Count, per extraction rule and type, how often the golds confirm the entities it finds: the
    table the entity confidences are read from."""
    from .calibrate import count_outcomes, report_for, write_table

    pairs = []
    for gold in sorted(set(gold_dirs), key=lambda p: p.name):
        report = report_for(gold, report_dirs)
        if report is None:
            fail(f"no report named {gold.name}.* in {', '.join(map(str, report_dirs))}")
        pairs.append((report, gold))
    try:
        counts = count_outcomes(pairs)
    except (OSError, ValueError, ReportError) as error:
        fail(str(error))
    write_table(out_path, counts, [gold.name for _, gold in pairs])
    click.echo(f"{len(pairs)} gold sets: {sum(t for _, t in counts.values())} entities counted in "
               f"{len(counts)} rows -> {out_path}")


# Further commands (view, query, serve, push) register themselves below.


@cli.command("query")
@click.argument("query", required=False)
@click.option("--graph", "graph_path", type=click.Path(path_type=Path), default=Path("exports"), show_default=True,
              help="A build folder or an RDF file (.nt, .ttl, .jsonld).")
@click.option("--store", default="memory", show_default=True, help="memory (rdflib) or oxigraph:PATH (on disk).")
@click.option("-p", "--param", "params", multiple=True, metavar="KEY=VALUE",
              help="Bind a query variable to an RDF term (repeatable).")
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json", "xml", "turtle", "nt",
                                                          "jsonld"]), default="table", show_default=True)
@click.option("--timeout", type=float, default=None, help="Cancel the query after this many seconds.")
@click.option("--list", "list_only", is_flag=True, help="List the query library and exit.")
@click.option("--endpoint", default=None, metavar="URL",
              help="Run the query on this remote SPARQL endpoint instead of a local build.")
@click.option("--user", default=None, help="User name for --endpoint (password: $KG_SPARQL_PASSWORD).")
def query_command(query, graph_path, store, params, fmt, timeout, list_only, endpoint, user):
    """Run QUERY (a library name, a .rq file or SPARQL text) over a built graph or a remote endpoint."""
    from .query import QueryError, format_result, iter_library_help, open_store, parse_param_assignments, run_query

    if list_only or not query:
        click.echo("\n".join(iter_library_help()))
        return
    try:
        values = parse_param_assignments(params)
        if endpoint:
            from .push import RemoteStore

            graph = RemoteStore(endpoint, _auth(user, "KG_SPARQL_PASSWORD"), timeout=timeout or 120.0)
        else:
            graph = open_store(graph_path, store)
        result = run_query(graph, query, values, timeout=timeout)
    except QueryError as error:
        fail(str(error))
    click.echo(format_result(result, fmt, graph.prefixes), nl=False)


def _auth(user: str | None, variable: str, scheme: str = "digest"):
    """Credentials for a remote server: the user from the command line, the password from the environment."""
    import os

    from .push import Auth

    if not user:
        return None
    return Auth(user, os.environ.get(variable, ""), scheme)


@cli.command("push")
@click.option("--endpoint", required=True, metavar="URL",
              help="The Graph Store endpoint, e.g. http://host:8890/sparql-graph-crud-auth (Virtuoso).")
@click.option("--graph", "graph_path", type=click.Path(path_type=Path), default=Path("exports"), show_default=True,
              help="A build folder (its graph.nq) or a .nq / .trig file.")
@click.option("--user", default=None, help="User name (password: $KG_PUSH_PASSWORD).")
@click.option("--auth", "scheme", type=click.Choice(["digest", "basic"]), default="digest", show_default=True)
@click.option("--timeout", type=float, default=120.0, show_default=True, help="Seconds per request.")
def push_command(endpoint, graph_path, user, scheme, timeout):
    """Load a build into a SPARQL 1.1 Graph Store: one PUT (replace) per named graph, i.e. per report."""
    from .push import PushError, push_build

    try:
        result = push_build(endpoint, graph_path, _auth(user, "KG_PUSH_PASSWORD", scheme), timeout)
    except PushError as error:
        fail(str(error))
    click.echo(f"pushed {result.graphs} graph(s), {result.triples} triples -> {endpoint}")


@cli.command("serve")
@click.option("--graph", "graph_path", type=click.Path(path_type=Path), default=Path("exports"), show_default=True,
              help="A build folder or an RDF file (.nt, .ttl, .jsonld).")
@click.option("--store", default="memory", show_default=True, help="memory (rdflib) or oxigraph:PATH (on disk).")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--timeout", type=float, default=20.0, show_default=True, help="Seconds per query.")
def serve_command(graph_path, store, port, timeout):
    """Serve the graph as a read-only SPARQL 1.1 endpoint at http://127.0.0.1:PORT/sparql."""
    from .query import QueryError, open_store
    from .server import serve

    try:
        graph = open_store(graph_path, store)
    except QueryError as error:
        fail(str(error))
    try:
        serve(graph, port, timeout=timeout)
    except OSError as error:
        fail(f"cannot listen on 127.0.0.1:{port} ({error.strerror or error})")


@cli.command("view")
@click.option("--graph", "graph_path", type=click.Path(path_type=Path), default=Path("exports"), show_default=True,
              help="A build folder (its graph.nt) or an RDF or graph.json file.")
@click.option("-o", "--out", "out_dir", type=click.Path(path_type=Path), default=None,
              help="Folder for the views  [default: BUILD/views]")
@click.option("--focus", default=None, help="Write the ego view of this entity (name or alias).")
@click.option("--depth", type=click.IntRange(1, 10), default=2, show_default=True, help="Relations around --focus.")
@click.option("--max-nodes", type=click.IntRange(1), default=2000, show_default=True,
              help="Entities per view at most (the best connected are kept).")
def view_command(graph_path, out_dir, focus, depth, max_nodes):
    """Write offline interactive HTML views of a built graph (index, whole graph, families, ego views)."""
    from .views import ViewError, default_views_dir, write_views

    out_dir = out_dir or default_views_dir(graph_path)
    try:
        written = write_views(graph_path, out_dir, focus=focus, depth=depth, max_nodes=max_nodes)
    except ViewError as error:
        fail(str(error))
    pages = [p.name for p in written if p.suffix == ".html" and p.name != "index.html"]
    click.echo(f"wrote {len(pages)} view(s): {', '.join(pages)} -> {out_dir}/index.html")


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
