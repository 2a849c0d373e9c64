"""SPARQL over a built graph: the named query library, two stores, parameters as RDF terms, results.

A query is a library name (``kg/queries/NAME.rq``), a ``.rq`` file or SPARQL text. Parameters are
bound as RDF terms (rdflib ``initBindings``, pyoxigraph ``substitutions``) and never spliced into
the text, so a value can only ever be one term. A parameter is a variable the query projects; an
optional one also appears in a required triple pattern, so leaving it unbound means "any".

Stores: ``memory`` (rdflib, the default for a report) and ``oxigraph:PATH`` (an on-disk pyoxigraph
store for corpora, loaded once and reloaded when the source graph file changes).
"""
from __future__ import annotations

import csv
import io
import json
import re
import threading
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from urllib.parse import unquote
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox
from rdflib import RDF, RDFS, XSD, BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, SKOS
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.stores.memory import Memory
from rdflib.term import Node

from .config import DEFAULT_BASE_IRI
from .iris import iri_segment
from .vocab import KGO

__all__ = [
    "DEFAULT_PREFIXES",
    "FORMATS",
    "GraphStore",
    "MemoryStore",
    "NamedQuery",
    "OxigraphStore",
    "Param",
    "ParamError",
    "QueryError",
    "QuerySyntaxError",
    "QueryTimeout",
    "ReadOnlyError",
    "Result",
    "StoreError",
    "bind_params",
    "check_read_only",
    "format_result",
    "get_query",
    "library_texts",
    "graph_file",
    "iter_library_help",
    "list_queries",
    "open_store",
    "parse_header",
    "parse_param_assignments",
    "query_form",
    "resolve_query",
    "run_query",
    "to_csv",
    "to_json",
    "to_table",
    "to_tsv",
    "to_turtle",
    "to_xml",
]

DEFAULT_PREFIXES = {
    "kgo": str(KGO), "id": DEFAULT_BASE_IRI, "rdf": str(RDF), "rdfs": str(RDFS), "skos": str(SKOS),
    "prov": str(PROV), "dct": str(DCTERMS), "owl": str(OWL), "xsd": str(XSD),
}
_XSD_STRING = str(XSD.string)
_META_GRAPH = ox.NamedNode("urn:kg:store-meta")
_META_SOURCE = ox.NamedNode("urn:kg:source")
_GRAPH_FILES = ("graph.nt", "graph.ttl", "graph.jsonld")
_RDF_FORMATS = {".nt": "nt", ".ttl": "turtle", ".jsonld": "json-ld", ".json": "json-ld", ".nq": "nquads",
                ".trig": "trig", ".rdf": "xml", ".owl": "xml", ".xml": "xml"}
_OX_FORMATS = {"nt": ox.RdfFormat.N_TRIPLES, "turtle": ox.RdfFormat.TURTLE, "json-ld": ox.RdfFormat.JSON_LD,
               "nquads": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG, "xml": ox.RdfFormat.RDF_XML}


# --- errors ----------------------------------------------------------------------------------------

class QueryError(Exception):
    """A query that cannot be run; the message is one line meant for the user."""


class QuerySyntaxError(QueryError):
    def __init__(self, source: str, line: int, column: int, detail: str):
        self.line, self.column, self.detail = line, column, detail
        super().__init__(f"{source}: syntax error at line {line}, column {column}: {detail}")


class ReadOnlyError(QueryError):
    """UPDATE, LOAD, SERVICE or a dataset clause: refused, the graph is read-only and local."""


class ParamError(QueryError):
    pass


class StoreError(QueryError):
    pass


class QueryTimeout(QueryError):
    pass


class _Cancelled(BaseException):
    """Raised inside a worker whose caller gave up; BaseException so no library code swallows it."""


# --- the query library -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Param:
    """A declared parameter: ``# param: NAME KIND required|optional — doc``.

    KIND is ``IRI``, ``@lang`` (a language-tagged string), an XSD datatype (``xsd:integer``…) or
    ``term`` (written like N-Triples/Turtle: ``<iri>``, ``prefix:name``, ``"text"@zh``, ``2023``).
    """
    name: str
    kind: str = "term"
    required: bool = False
    doc: str = ""


@dataclass(frozen=True)
class NamedQuery:
    name: str
    text: str
    title: str = ""
    question: str = ""
    params: tuple[Param, ...] = ()
    source: str = ""
    declared: bool = False      # True when the params come from a header (library or annotated file)

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)


_HEADER_KEY = re.compile(r"#\s*(title|question|param)\s*:\s*(.*)$")
_PARAM_LINE = re.compile(r"(\w+)(?:\s+(\S+))?(?:\s+(required|optional))?\s*(?:[—–-]+\s*(.*))?$")


def parse_header(text: str, name: str = "query", source: str = "") -> NamedQuery:
    """Read the leading ``# key: value`` comment block (continuation lines are indented)."""
    fields: dict[str, str] = {}
    params: list[Param] = []
    key = None
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped.startswith("#"):
            if stripped:
                break
            continue
        match = _HEADER_KEY.match(stripped)
        if match:
            key, value = match.group(1), match.group(2).strip()
            if key == "param":
                parsed = _PARAM_LINE.match(value)
                if not parsed:
                    raise QueryError(f"{source or name}: cannot read parameter line {value!r}")
                pname, kind, need, doc = parsed.groups()
                params.append(Param(pname, kind or "term", need == "required", (doc or "").strip()))
            else:
                fields[key] = value
        elif key and re.match(r"#\s{2,}\S", stripped) and key != "param":
            fields[key] += " " + stripped.lstrip("#").strip()
        elif key == "param" and re.match(r"#\s{2,}\S", stripped) and params:
            last = params[-1]
            params[-1] = Param(last.name, last.kind, last.required, f"{last.doc} {stripped.lstrip('#').strip()}")
        else:
            key = None
    return NamedQuery(name=name, text=text, title=fields.get("title", ""), question=fields.get("question", ""),
                      params=tuple(params), source=source, declared=bool(params) or "title" in fields)


def _library():
    return resources.files("kg") / "queries"


def list_queries() -> list[NamedQuery]:
    """Every library query, sorted by name."""
    entries = [e for e in _library().iterdir() if e.name.endswith(".rq")]
    return [parse_header(e.read_text(encoding="utf-8"), e.name[:-3], f"kg/queries/{e.name}")
            for e in sorted(entries, key=lambda e: e.name)]


def library_texts(required: dict[str, str]) -> list[tuple[str, str]]:
    """Every library query as (name, self-contained text): each required parameter bound by a trailing
    ``VALUES`` clause (``required`` maps a parameter to a SPARQL term; others get ``"x"``), so the
    texts can be sent to any endpoint as they are."""
    out = []
    for query in list_queries():
        text = query.text
        for param in query.params:
            if param.required:
                value = required.get(param.name, '"x"')
                text += f"\nVALUES ?{param.name} {{ {value} }}"
        out.append((query.name, text))
    return out


def get_query(name: str) -> NamedQuery:
    entry = _library() / f"{name}.rq"
    if not re.fullmatch(r"[A-Za-z0-9_]+", name) or not entry.is_file():
        known = ", ".join(q.name for q in list_queries())
        raise QueryError(f"no library query named {name!r} (known: {known})")
    return parse_header(entry.read_text(encoding="utf-8"), name, f"kg/queries/{name}.rq")


def resolve_query(spec: str) -> NamedQuery:
    """A library name, a path to a ``.rq`` file, or SPARQL text."""
    spec = spec.strip() if "\n" not in spec else spec
    if re.fullmatch(r"[A-Za-z0-9_]+", spec):
        return get_query(spec)
    if spec.endswith((".rq", ".sparql")) and "\n" not in spec:
        path = Path(spec)
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as error:
            raise QueryError(f"{spec}: cannot read query file ({error.strerror or error})") from None
        return parse_header(text, path.stem, str(path))
    return parse_header(spec, "query", "query")


# --- syntax, form and the read-only policy ---------------------------------------------------------

@cache
def _parser_store() -> ox.Store:
    """An empty in-memory store: queries are parsed (and classified) by running them on nothing."""
    return ox.Store()


_OX_ERROR = re.compile(r"error at (\d+):(\d+):\s*(.*)", re.DOTALL)


def _one_line(detail: str, limit: int = 160) -> str:
    detail = " ".join(detail.split())
    return detail if len(detail) <= limit else detail[:limit - 1] + "…"


def query_form(text: str, source: str = "query", prefixes: dict[str, str] = DEFAULT_PREFIXES) -> str:
    """``SELECT``, ``ASK`` or ``CONSTRUCT`` (for CONSTRUCT and DESCRIBE); raises the syntax errors.

    The project's prefixes (``kgo:``, ``id:``, ``rdfs:``, ``skos:``…) may be used undeclared.
    """
    try:
        result = _parser_store().query(text, prefixes=prefixes)
    except SyntaxError as error:
        message = str(error.args[0] if error.args else error)
        if _is_update(text):
            raise ReadOnlyError(f"{source}: SPARQL Update ({_update_verb(text)}) is not allowed: "
                                "the graph is read-only") from None
        match = _OX_ERROR.match(message)
        line, column, detail = ((int(match.group(1)), int(match.group(2)), match.group(3)) if match
                                else (1, 1, message))
        if "Prefix not found" in detail:
            detail = "undeclared prefix (declare it with PREFIX)"
        line, column = _earliest_error(text, prefixes, line, column)
        near = text.splitlines()[line - 1].strip() if 0 < line <= len(text.splitlines()) else ""
        detail = f"near {_one_line(near, 60)!r}: {detail}" if near else detail
        raise QuerySyntaxError(source, line, column, _one_line(detail)) from None
    except (OSError, RuntimeError, ValueError) as error:
        raise QueryError(f"{source}: {_one_line(str(error))}") from None
    if isinstance(result, ox.QueryBoolean):
        return "ASK"
    if isinstance(result, ox.QueryTriples):
        return "CONSTRUCT"
    return "SELECT"


_RDFLIB_PARSER = threading.Lock()


def _parse_rdflib(text: str, prefixes: dict[str, str]):
    """rdflib's parse of a query, one thread at a time: pyparsing fixes each parse action's arity on its
    first call by trial, and concurrent first calls (a burst of clients on a fresh server) corrupt the
    parser for the rest of the process — every later query then fails."""
    with _RDFLIB_PARSER:
        return prepareQuery(text, initNs=prefixes)


def _earliest_error(text: str, prefixes: dict[str, str], line: int, column: int) -> tuple[int, int]:
    """pyoxigraph reports the furthest point it reached, which can drift past the error (to a
    closing brace or the end); rdflib's parser names the statement it could not read. Take the
    earlier of the two."""
    try:
        _parse_rdflib(text, prefixes)
    except Exception as error:  # noqa: BLE001 - pyparsing's ParseException and friends
        other = (getattr(error, "lineno", None), getattr(error, "col", None))
        if isinstance(other[0], int) and isinstance(other[1], int) and other < (line, column):
            return other
    return line, column


_LEXEME = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''
    r'|<[^<>"{}|^`\\\s]*>|#[^\n]*|[?$]\w+|[A-Za-z_][\w.-]*:[^\s{}()<>,;]*|:[^\s{}()<>,;]*'
    r'|[A-Za-z]+|\s+|.', re.DOTALL)
_UPDATE_VERBS = ("INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH")


def _keywords(text: str) -> list[str]:
    """Bare keywords of a query: strings, IRIs, comments, variables and prefixed names removed."""
    return [lexeme.upper() for lexeme in _LEXEME.findall(text) if lexeme.isalpha()]


def _expand_escapes(text: str) -> str:
    return re.sub(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})",
                  lambda m: chr(int(m.group(1) or m.group(2), 16)), text)


def _update_verb(text: str) -> str:
    return next((word for word in _keywords(text) if word in _UPDATE_VERBS), "update")


def _is_update(text: str) -> bool:
    """Whether text that failed to parse as a query is an update (its first keyword is an update verb)."""
    words = [word for word in _keywords(text) if word not in ("PREFIX", "BASE")]
    return bool(words) and words[0] in _UPDATE_VERBS


def check_read_only(text: str, source: str = "query", allow_dataset: bool = False,
                    prefixes: dict[str, str] = DEFAULT_PREFIXES) -> str:
    """The query's form, after refusing updates, SERVICE and (unless allowed) FROM / FROM NAMED.

    The keywords are checked before the query is parsed, since parsing an ASK also evaluates it,
    and also after expanding ``\\u`` escapes, which rdflib applies to the whole text (comments too).
    """
    words = set(_keywords(text)) | set(_keywords(_expand_escapes(text)))
    if "SERVICE" in words:
        raise ReadOnlyError(f"{source}: SERVICE (federated query) is not allowed: only the local graph is served")
    if "FROM" in words and not allow_dataset:
        raise ReadOnlyError(f"{source}: FROM / FROM NAMED is not allowed: the dataset is the served graph")
    return query_form(text, source, prefixes)


# --- parameters ------------------------------------------------------------------------------------

_IRI_BAD = re.compile(r'[\s<>"{}|^`\\]')
_NT_LITERAL = re.compile(r'"((?:[^"\\]|\\.)*)"(?:@([A-Za-z]+(?:-[A-Za-z0-9]+)*)|\^\^(\S+))?$', re.DOTALL)
_NT_ESCAPES = {"t": "\t", "n": "\n", "r": "\r", "b": "\b", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


def parse_param_assignments(assignments: Iterable[str]) -> dict[str, str]:
    """``["year=2023", "label=邻里守望"]`` → ``{"year": "2023", "label": "邻里守望"}``."""
    out: dict[str, str] = {}
    for item in assignments:
        key, sep, value = item.partition("=")
        key = key.strip().lstrip("?$")
        if not sep or not re.fullmatch(r"\w+", key):
            raise ParamError(f"parameter {item!r} is not key=value")
        out[key] = value
    return out


def _iri(value: str, prefixes: dict[str, str], name: str) -> URIRef:
    value = value.strip()
    if value.startswith("<") and value.endswith(">"):
        value = value[1:-1]
    else:
        prefix, sep, local = value.partition(":")
        if sep and prefix in prefixes and not local.startswith("//"):
            if prefix == "id" and "%" not in local:
                local = "/".join([local.split("/")[0]] + [iri_segment(s) for s in local.split("/")[1:]])
            value = prefixes[prefix] + local
    if not re.match(r"[A-Za-z][A-Za-z0-9+.-]*:\S", value) or _IRI_BAD.search(value):
        raise ParamError(f"parameter {name}: {value!r} is not an IRI (write <http://…> or prefix:name)")
    return URIRef(value)


def _need(match: object) -> object:
    if not match:
        raise ValueError("no match")
    return match


def _typed(value: str, datatype: URIRef, name: str) -> Literal:
    checks: dict[str, Callable[[str], object]] = {
        str(XSD.integer): int, str(XSD.decimal): Decimal, str(XSD.double): float,
        str(XSD.boolean): lambda v: {"true": True, "false": False}[v],
        str(XSD.date): lambda v: _need(re.fullmatch(r"\d{4}-\d{2}-\d{2}", v)),
        str(XSD.gYear): lambda v: _need(re.fullmatch(r"\d{4}", v)),
    }
    check = checks.get(str(datatype))
    if check is not None:
        try:
            check(value)
        except (ValueError, KeyError, InvalidOperation):
            raise ParamError(f"parameter {name}: {value!r} is not a valid {datatype.n3()}") from None
    if str(datatype) == _XSD_STRING:
        return Literal(value)
    if str(datatype) == str(XSD.integer):
        value = str(int(value))
    return Literal(value, datatype=datatype)


def _term(value: str, prefixes: dict[str, str], name: str) -> Node:
    """A value written as an RDF term; anything that is not recognisably one is a plain string."""
    text = value.strip()
    if text.startswith("<") and text.endswith(">"):
        return _iri(text, prefixes, name)
    match = _NT_LITERAL.match(text)
    if match:
        lexical = re.sub(r"\\(.)", lambda m: _NT_ESCAPES.get(m.group(1), m.group(0)), match.group(1))
        if match.group(2):
            return Literal(lexical, lang=match.group(2))
        if match.group(3):
            return _typed(lexical, _iri(match.group(3), prefixes, name), name)
        return Literal(lexical)
    if re.fullmatch(r"[+-]?\d+", text):
        return _typed(text, XSD.integer, name)
    if re.fullmatch(r"[+-]?\d*\.\d+", text):
        return _typed(text, XSD.decimal, name)
    if text in ("true", "false"):
        return _typed(text, XSD.boolean, name)
    prefix, sep, _ = text.partition(":")
    if sep and prefix in prefixes and " " not in text:
        return _iri(text, prefixes, name)
    return Literal(value)


def _param_term(param: Param, value: str, prefixes: dict[str, str]) -> Node:
    kind = param.kind
    if kind.upper() == "IRI":
        return _iri(value, prefixes, param.name)
    if kind.startswith("@"):
        return Literal(value, lang=kind[1:])
    if kind == "term":
        return _term(value, prefixes, param.name)
    return _typed(value, _iri(kind, prefixes, param.name), param.name)


def bind_params(query: NamedQuery, values: dict[str, str],
                prefixes: dict[str, str] = DEFAULT_PREFIXES) -> dict[str, Node]:
    """Each value as one RDF term for its variable; unknown or missing parameters are errors."""
    bindings: dict[str, Node] = {}
    if query.declared:
        for name in values:
            if query.param(name) is None:
                known = ", ".join(p.name for p in query.params) or "none"
                raise ParamError(f"{query.name}: unknown parameter {name!r} (parameters: {known})")
        for param in query.params:
            if param.required and param.name not in values:
                raise ParamError(f"{query.name}: parameter {param.name!r} is required ({param.doc or param.kind})")
    for name, value in values.items():
        param = query.param(name) or Param(name)
        if not re.search(rf"[?$]{re.escape(name)}\b", query.text):
            raise ParamError(f"{query.name}: the query has no variable ?{name}")
        bindings[name] = _param_term(param, value, prefixes)
    return bindings


# --- results ---------------------------------------------------------------------------------------

@dataclass
class Result:
    """A query answer, engine-neutral: rdflib terms, ``None`` for unbound."""
    form: str                                   # SELECT | ASK | CONSTRUCT
    variables: list[str] = field(default_factory=list)
    rows: list[tuple[Node | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[tuple[Node, Node, Node]] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.triples) if self.form == "CONSTRUCT" else len(self.rows)

    def dicts(self) -> list[dict[str, Node]]:
        return [{v: t for v, t in zip(self.variables, row) if t is not None} for row in self.rows]

    def graph(self, prefixes: dict[str, str] = DEFAULT_PREFIXES) -> Graph:
        graph = Graph()
        for prefix, namespace in prefixes.items():
            graph.bind(prefix, namespace, override=True, replace=True)
        for triple in self.triples:
            graph.add(triple)
        return graph


# --- stores ----------------------------------------------------------------------------------------

_WORKER = threading.local()


class _CancellableMemory(Memory):
    """rdflib's in-memory store, checking the worker's cancel flag as SPARQL reads triples."""

    def triples(self, triple_pattern, context=None):
        cancel: threading.Event | None = getattr(_WORKER, "cancel", None)
        if cancel is None:
            yield from super().triples(triple_pattern, context)
            return
        if cancel.is_set():
            raise _Cancelled()
        for count, item in enumerate(super().triples(triple_pattern, context)):
            if not count & 1023 and cancel.is_set():
                raise _Cancelled()
            yield item


def _collect(items: Iterable, convert: Callable, cancel: threading.Event | None, max_rows: int | None) -> list:
    """Materialise results, stopping when cancelled or past ``max_rows``."""
    out = []
    for count, item in enumerate(items):
        if not count & 255 and cancel is not None and cancel.is_set():
            raise _Cancelled()
        if max_rows is not None and count >= max_rows:
            raise QueryError(f"the result has more than {max_rows} rows; add a LIMIT")
        out.append(convert(item))
    return out


class GraphStore:
    """What the query runner needs from a store."""
    kind = "store"
    prefixes: dict[str, str] = DEFAULT_PREFIXES

    def __len__(self) -> int:  # pragma: no cover - interface
        raise NotImplementedError

    def execute(self, text: str, form: str, bindings: dict[str, Node], cancel: threading.Event | None = None,
                max_rows: int | None = None) -> Result:  # pragma: no cover - interface
        raise NotImplementedError

    def describe(self) -> str:
        return f"{self.kind}, {len(self)} triples"

    def _set_base(self, base: str | None) -> None:
        if base:
            self.prefixes = {**DEFAULT_PREFIXES, "id": base}


def _base_of(report_iri: str | None) -> str | None:
    return report_iri.rsplit("report/", 1)[0] if report_iri and "report/" in report_iri else None


@lru_cache(maxsize=256)
def _prepared(text: str, prefixes: tuple[tuple[str, str], ...]):
    """rdflib's parse of a query (slow with pyparsing), kept for reuse; evaluation does not change it."""
    return _parse_rdflib(text, dict(prefixes))


class MemoryStore(GraphStore):
    """An rdflib Graph held in memory (the default for one report)."""
    kind = "memory"

    def __init__(self, graph: Graph):
        self.graph = graph
        self._set_base(_base_of(next((str(s) for s in graph.subjects(RDF.type, KGO.Report)), None)))

    @classmethod
    def load(cls, path: Path, rdf_format: str | None = None) -> MemoryStore:
        graph = Graph(store=_CancellableMemory())
        try:
            graph.parse(str(path), format=rdf_format or _rdf_format(path))
        except Exception as error:  # noqa: BLE001 - any parser failure is one message
            raise StoreError(f"{path}: cannot read graph ({_one_line(str(error))})") from None
        return cls(graph)

    def __len__(self) -> int:
        return len(self.graph)

    def execute(self, text, form, bindings, cancel=None, max_rows=None):
        _WORKER.cancel = cancel
        try:
            result = self.graph.query(_prepared(text, tuple(sorted(self.prefixes.items()))),
                                      initBindings=bindings)
            if form == "ASK":
                return Result("ASK", boolean=bool(result.askAnswer))
            if form == "CONSTRUCT":
                return Result("CONSTRUCT", triples=_collect(result, tuple, cancel, max_rows))
            variables = [str(v) for v in result.vars]
            return Result("SELECT", variables=variables, rows=_collect(result, tuple, cancel, max_rows))
        except (_Cancelled, QueryError):
            raise
        except Exception as error:  # noqa: BLE001 - rdflib raises many kinds; the user needs one line
            line = getattr(error, "lineno", None)
            where = f" at line {line}, column {getattr(error, 'col', 1)}" if line else ""
            raise QueryError(f"query failed{where}: {_one_line(str(error))}") from None
        finally:
            _WORKER.cancel = None


def _from_ox(term) -> Node | None:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        return Literal(term.value) if datatype == _XSD_STRING else Literal(term.value, datatype=URIRef(datatype))
    raise QueryError(f"unsupported term in result: {term!r}")


def _to_ox(term: Node):
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None and str(term.datatype) != _XSD_STRING:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise ParamError(f"cannot bind {term!r}")


class OxigraphStore(GraphStore):
    """A pyoxigraph store, on disk (``oxigraph:PATH``) or in memory."""
    kind = "oxigraph"

    def __init__(self, store: ox.Store, path: Path | None = None):
        self.store, self.path = store, path
        if path is not None:
            self.kind = f"oxigraph:{path}"
        reports = self.store.query(f"SELECT ?r WHERE {{ ?r a <{KGO.Report}> }} LIMIT 1")
        self._set_base(_base_of(next((s["r"].value for s in reports), None)))

    @classmethod
    def open(cls, source: Path | None, path: Path | None = None) -> OxigraphStore:
        """Open (or create) the store; (re)load ``source`` when the store holds another version of it."""
        signature = _signature(source) if source is not None else None
        try:
            if path is None:
                store = ox.Store()
            else:
                if path.exists() and signature is not None:
                    try:
                        existing = ox.Store.read_only(str(path))
                        if _stored_signature(existing) == signature:
                            return cls(existing, path)
                        del existing
                    except OSError:
                        pass
                if path.exists() and signature is None:
                    try:
                        return cls(ox.Store.read_only(str(path)), path)
                    except OSError:
                        pass
                path.mkdir(parents=True, exist_ok=True)
                store = ox.Store(str(path))
            if signature is not None and _stored_signature(store) != signature:
                store.clear()
                store.bulk_load(path=str(source), format=_OX_FORMATS[_rdf_format(source)],
                                to_graph=ox.DefaultGraph())
                store.add(ox.Quad(_META_GRAPH, _META_SOURCE, ox.Literal(signature), _META_GRAPH))
                store.flush()
            elif signature is None and not len(store):
                raise StoreError(f"{path}: the store is empty and no graph was given (run `kg build` first)")
        except (OSError, SyntaxError, ValueError) as error:
            raise StoreError(f"{path or 'oxigraph'}: cannot open store ({_one_line(str(error))})") from None
        return cls(store, path)

    def __len__(self) -> int:
        found = self.store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        return int(next(iter(found))["n"].value)

    def execute(self, text, form, bindings, cancel=None, max_rows=None):
        substitutions = {ox.Variable(name): _to_ox(term) for name, term in bindings.items()}
        try:
            result = self.store.query(text, prefixes=self.prefixes, substitutions=substitutions or None)
            if form == "ASK":
                return Result("ASK", boolean=bool(result))
            if form == "CONSTRUCT":
                return Result("CONSTRUCT", triples=_collect(
                    result, lambda t: (_from_ox(t.subject), _from_ox(t.predicate), _from_ox(t.object)),
                    cancel, max_rows))
            variables = [v.value for v in result.variables]
            return Result("SELECT", variables=variables, rows=_collect(
                result, lambda solution: tuple(_from_ox(solution[v]) for v in variables), cancel, max_rows))
        except _Cancelled:
            raise
        except SyntaxError as error:
            raise QueryError(f"query rejected: {_one_line(str(error))}") from None
        except (OSError, RuntimeError, ValueError, TypeError) as error:
            raise QueryError(f"query failed: {_one_line(str(error))}") from None


def _signature(source: Path) -> str:
    stat = source.stat()
    return f"{source.resolve()}|{stat.st_size}|{stat.st_mtime_ns}"


def _stored_signature(store: ox.Store) -> str | None:
    for quad in store.quads_for_pattern(_META_GRAPH, _META_SOURCE, None, _META_GRAPH):
        return quad.object.value
    return None


def _rdf_format(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in _RDF_FORMATS:
        raise StoreError(f"{path}: unknown RDF format (use .nt, .ttl, .jsonld, .nq, .trig or .rdf)")
    return _RDF_FORMATS[suffix]


def graph_file(graph: Path | str) -> Path:
    """The graph file of a build folder (graph.nt, else graph.ttl, else graph.jsonld) or the file itself."""
    path = Path(graph)
    if path.is_dir():
        for name in _GRAPH_FILES:
            if (path / name).is_file():
                return path / name
        raise StoreError(f"{path}: no graph.nt, graph.ttl or graph.jsonld here (run `kg build` first)")
    if not path.is_file():
        raise StoreError(f"{path}: no such graph file or build folder (run `kg build` first)")
    return path


def open_store(graph: Path | str | None = "exports", store: str = "memory") -> GraphStore:
    """Load a build folder or RDF file into ``memory`` (rdflib) or ``oxigraph[:PATH]`` (pyoxigraph).

    With ``oxigraph:PATH`` the graph is bulk-loaded once and reused while the source file is
    unchanged; a store that already holds data can be opened without any graph.
    """
    kind, _, location = store.partition(":")
    if kind not in ("memory", "oxigraph") or (kind == "memory" and location):
        raise StoreError(f"unknown store {store!r} (use memory, oxigraph or oxigraph:PATH)")
    if kind == "memory":
        if graph is None:
            raise StoreError("the memory store needs a graph (a build folder or an RDF file)")
        return MemoryStore.load(graph_file(graph))
    path = Path(location).expanduser() if location else None
    try:
        source = graph_file(graph) if graph is not None else None
    except StoreError:
        if path is None or not path.exists():
            raise
        source = None          # a corpus store loaded earlier: use it as it is
    return OxigraphStore.open(source, path)


# --- running ---------------------------------------------------------------------------------------

def run_query(store: GraphStore, query: NamedQuery | str, params: dict[str, str] | None = None,
              timeout: float | None = None, bindings: dict[str, Node] | None = None,
              allow_dataset: bool = True, on_finish: Callable[[], None] | None = None,
              max_rows: int | None = None) -> Result:
    """Check, bind and run a query; with ``timeout`` it runs in a worker that is cancelled at the deadline.

    rdflib workers stop at their next triple lookup; a pyoxigraph worker stops at its next result
    row (an aggregate being computed inside pyoxigraph finishes first, without holding the GIL).
    ``on_finish`` is called once the query no longer runs: at once on an error, else when the
    worker really ends, which may be after the timeout.
    """
    started = False
    try:
        named = query if isinstance(query, NamedQuery) else resolve_query(query)
        form = check_read_only(named.text, named.source or named.name, allow_dataset, store.prefixes)
        bound = dict(bindings or {})
        bound.update(bind_params(named, params or {}, store.prefixes))
        if timeout is None:
            return store.execute(named.text, form, bound, None, max_rows)
        cancel, done, outcome = threading.Event(), threading.Event(), []

        def work() -> None:
            try:
                outcome.append(store.execute(named.text, form, bound, cancel, max_rows))
            except _Cancelled:
                pass
            except BaseException as error:  # noqa: BLE001 - handed to the waiting caller
                if isinstance(error, QueryError):  # its frames hold pyoxigraph results: free them in this thread
                    error.__traceback__ = error.__context__ = None
                outcome.append(error)
            finally:
                done.set()
                if on_finish:
                    on_finish()

        threading.Thread(target=work, name=f"sparql-{named.name}", daemon=True).start()
        started = True
        if not done.wait(timeout):
            cancel.set()
            raise QueryTimeout(f"{named.name}: query exceeded the {timeout:g} s time limit and was cancelled")
        if isinstance(outcome[0], BaseException):
            raise outcome[0]
        return outcome[0]
    finally:
        if on_finish and not started:
            on_finish()


# --- output formats --------------------------------------------------------------------------------

FORMATS = ("table", "csv", "tsv", "json", "xml", "turtle", "nt", "jsonld")


def _json_term(term: Node) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    out = {"type": "literal", "value": str(term)}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype is not None and str(term.datatype) != _XSD_STRING:
        out["datatype"] = str(term.datatype)
    return out


def to_json(result: Result, indent: int | None = 1) -> str:
    """SPARQL 1.1 Query Results JSON (``indent=None``: compact, and several times faster to write)."""
    if result.form == "ASK":
        return json.dumps({"head": {}, "boolean": result.boolean})
    bindings = [{v: _json_term(t) for v, t in zip(result.variables, row) if t is not None} for row in result.rows]
    return json.dumps({"head": {"vars": result.variables}, "results": {"bindings": bindings}},
                      ensure_ascii=False, indent=indent, separators=(",", ":") if indent is None else None)


def to_xml(result: Result) -> str:
    """SPARQL Query Results XML."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>', '<sparql xmlns="http://www.w3.org/2005/sparql-results#">',
           "  <head>"]
    out += [f"    <variable name={quoteattr(v)}/>" for v in result.variables]
    out.append("  </head>")
    if result.form == "ASK":
        out.append(f"  <boolean>{'true' if result.boolean else 'false'}</boolean>")
    else:
        out.append("  <results>")
        for row in result.rows:
            out.append("    <result>")
            for var, term in zip(result.variables, row):
                if term is None:
                    continue
                if isinstance(term, URIRef):
                    value = f"<uri>{escape(str(term))}</uri>"
                elif isinstance(term, BNode):
                    value = f"<bnode>{escape(str(term))}</bnode>"
                elif term.language:
                    value = f"<literal xml:lang={quoteattr(term.language)}>{escape(str(term))}</literal>"
                elif term.datatype is not None and str(term.datatype) != _XSD_STRING:
                    value = f"<literal datatype={quoteattr(str(term.datatype))}>{escape(str(term))}</literal>"
                else:
                    value = f"<literal>{escape(str(term))}</literal>"
                out.append(f"      <binding name={quoteattr(var)}>{value}</binding>")
            out.append("    </result>")
        out.append("  </results>")
    out.append("</sparql>")
    return "\n".join(out) + "\n"


def _plain(term: Node | None) -> str:
    if term is None:
        return ""
    return f"_:{term}" if isinstance(term, BNode) else str(term)


def to_csv(result: Result) -> str:
    """SPARQL 1.1 Query Results CSV (lexical values, CRLF line ends)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    if result.form == "ASK":
        writer.writerows([["boolean"], ["true" if result.boolean else "false"]])
        return buffer.getvalue()
    writer.writerow(result.variables)
    writer.writerows([_plain(t) for t in row] for row in result.rows)
    return buffer.getvalue()


def _nt(term: Node | None) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    lexical = (str(term).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
               .replace("\r", "\\r").replace("\t", "\\t"))
    if term.language:
        return f'"{lexical}"@{term.language}'
    if term.datatype is not None and str(term.datatype) != _XSD_STRING:
        return f'"{lexical}"^^<{term.datatype}>'
    return f'"{lexical}"'


def to_tsv(result: Result) -> str:
    """SPARQL 1.1 Query Results TSV (terms in N-Triples syntax)."""
    if result.form == "ASK":
        return "?boolean\n" + ("true" if result.boolean else "false") + "\n"
    lines = ["\t".join(f"?{v}" for v in result.variables)]
    lines += ["\t".join(_nt(t) for t in row) for row in result.rows]
    return "\n".join(lines) + "\n"


def _short(term: Node | None, prefixes: dict[str, str]) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        best = max((ns for ns in prefixes.values() if str(term).startswith(ns)), key=len, default=None)
        if best is not None:
            prefix = next(p for p, ns in prefixes.items() if ns == best)
            return f"{prefix}:{unquote(str(term)[len(best):])}"
        return f"<{term}>"
    return _plain(term).replace("\n", " ")


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _clip(text: str, limit: int) -> str:
    if _width(text) <= limit:
        return text
    out, used = [], 0
    for ch in text:
        used += _width(ch)
        if used > limit - 1:
            break
        out.append(ch)
    return "".join(out) + "…"


def to_table(result: Result, prefixes: dict[str, str] = DEFAULT_PREFIXES, max_width: int = 48) -> str:
    """An aligned text table for the terminal: prefixed IRIs, lexical literals, long cells clipped."""
    if result.form == "ASK":
        return "true\n" if result.boolean else "false\n"
    if result.form == "CONSTRUCT":
        return to_turtle(result, prefixes)
    cells = [[_clip(_short(t, prefixes), max_width) for t in row] for row in result.rows]
    header = list(result.variables)
    widths = [max([_width(h)] + [_width(r[i]) for r in cells]) for i, h in enumerate(header)]

    def line(values: list[str]) -> str:
        return "  ".join(v + " " * (w - _width(v)) for v, w in zip(values, widths)).rstrip()

    out = [line(header), "  ".join("-" * w for w in widths)] + [line(r) for r in cells]
    out.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
    return "\n".join(out) + "\n"


def to_turtle(result: Result, prefixes: dict[str, str] = DEFAULT_PREFIXES) -> str:
    return result.graph(prefixes).serialize(format="turtle")


def format_result(result: Result, fmt: str = "table", prefixes: dict[str, str] = DEFAULT_PREFIXES) -> str:
    """Render a result; graph results (CONSTRUCT/DESCRIBE) come out as Turtle, N-Triples or JSON-LD."""
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r} (use {', '.join(FORMATS)})")
    if result.form == "CONSTRUCT":
        if fmt in ("json", "jsonld"):
            return result.graph(prefixes).serialize(format="json-ld", indent=1, ensure_ascii=False)
        if fmt == "nt":
            return "".join(sorted(f"{_nt(s)} {_nt(p)} {_nt(o)} .\n" for s, p, o in result.triples))
        if fmt == "xml":
            return result.graph(prefixes).serialize(format="xml")
        return to_turtle(result, prefixes)
    renderers = {"csv": to_csv, "tsv": to_tsv, "json": to_json, "xml": to_xml}
    if fmt in renderers:
        return renderers[fmt](result)
    return to_table(result, prefixes)


def iter_library_help() -> Iterator[str]:
    """One block per library query: name, title, question, parameters."""
    for query in list_queries():
        yield f"{query.name}: {query.title}"
        if query.question:
            yield f"    {query.question}"
        for p in query.params:
            need = "required" if p.required else "optional"
            yield f"    --param {p.name}=… ({p.kind}, {need}) {p.doc}".rstrip()
