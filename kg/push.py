"""A build on a remote SPARQL server: push it to a Graph Store, query it with the query library.

- ``push_build`` loads a build into any SPARQL 1.1 Graph Store (the HTTP protocol of
  https://www.w3.org/TR/sparql11-http-rdf-update/): one ``PUT ENDPOINT?graph=IRI`` per named graph,
  i.e. per report, plus the corpus graph. A PUT replaces the graph, so pushing again (after adding a
  report, or to a server that holds other shards) is idempotent.
- ``RemoteStore`` is a ``kg.query.GraphStore`` that sends queries to a SPARQL 1.1 endpoint (the
  protocol of https://www.w3.org/TR/sparql11-protocol/), so ``run_query`` and ``kg query --endpoint``
  run library queries remotely. Parameters are sent as a ``VALUES`` block: terms, never text.

Only the standard library speaks HTTP here (urllib), with Basic or Digest authentication
(Virtuoso: ``/sparql-graph-crud-auth`` with Digest).
"""
from __future__ import annotations

import base64
import json
import re
import threading
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from .query import DEFAULT_PREFIXES, GraphStore, QueryError, Result

__all__ = ["PushError", "Auth", "PushResult", "named_graphs", "push_build", "RemoteStore", "http_request"]

_NT = "application/n-triples"


class PushError(Exception):
    """The server refused or could not be reached; the message is one line."""


@dataclass(frozen=True)
class Auth:
    user: str
    password: str
    scheme: str = "digest"          # digest | basic


@dataclass
class PushResult:
    graphs: int = 0
    triples: int = 0


def _one_line(text: str, limit: int = 200) -> str:
    text = " ".join(re.sub(r"<[^>]+>", " ", text).split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


class _Session:
    """Requests to one server with Basic or Digest credentials sent up front.

    urllib's own Digest handler sends each request without credentials first and answers the 401;
    with a large body the server has already closed the connection (Virtuoso does), so here the
    challenge is fetched once with a bodiless request and every later request carries its answer.
    """

    def __init__(self, auth: Auth | None):
        self.auth = auth
        self._challenge: dict[str, str] | None = None
        self._digest = None
        if auth is not None and auth.scheme == "digest":
            manager = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            manager.add_password(None, "/", auth.user, auth.password)
            self._manager = manager
            self._digest = urllib.request.HTTPDigestAuthHandler(manager)

    def _challenge_for(self, url: str, timeout: float) -> dict[str, str]:
        probe = urllib.request.Request(url, method="GET")
        try:
            with urllib.request.urlopen(probe, timeout=timeout):
                pass
        except urllib.error.HTTPError as error:
            header = error.headers.get("WWW-Authenticate", "") if error.headers else ""
            if error.code == 401 and header.lower().startswith("digest"):
                return urllib.request.parse_keqv_list(urllib.request.parse_http_list(header[len("digest"):]))
        raise PushError(f"{url}: the server asks for no Digest authentication")

    def _authorize(self, request: urllib.request.Request, timeout: float, fresh: bool = False) -> None:
        if self.auth is None:
            return
        if self.auth.scheme == "basic":
            token = base64.b64encode(f"{self.auth.user}:{self.auth.password}".encode()).decode()
            request.add_unredirected_header("Authorization", f"Basic {token}")
            return
        if self._challenge is None or fresh:
            self._challenge = self._challenge_for(request.full_url, timeout)
            self._manager.add_password(self._challenge.get("realm"), request.full_url, self.auth.user,
                                       self.auth.password)
        answer = self._digest.get_authorization(request, self._challenge)
        if answer:
            request.add_unredirected_header("Authorization", f"Digest {answer}")

    def _diagnose(self, url: str, method: str, timeout: float) -> None:
        """After a dropped upload: raise the HTTP error a bodiless request with the same credentials gets."""
        request = urllib.request.Request(url, method="HEAD")
        try:
            self._authorize(request, timeout)
            with urllib.request.urlopen(request, timeout=timeout):
                return
        except urllib.error.HTTPError as error:
            if error.code in (401, 403):
                raise PushError(f"{method} {url}: HTTP {error.code} {error.reason} "
                                "(check the user and password)") from None
        except (PushError, urllib.error.URLError, OSError):
            return

    def request(self, url: str, method: str = "GET", data: bytes | None = None,
                headers: dict[str, str] | None = None, timeout: float = 60.0) -> tuple[int, str, bytes]:
        for attempt in (0, 1):
            request = urllib.request.Request(url, data=data, method=method, headers=headers or {})
            self._authorize(request, timeout, fresh=attempt == 1)
            try:
                with urllib.request.urlopen(request, timeout=timeout) as response:
                    return response.status, response.headers.get("Content-Type", ""), response.read()
            except urllib.error.HTTPError as error:
                if error.code == 401 and self.auth is not None and self.auth.scheme == "digest" and attempt == 0:
                    continue                    # a stale nonce: fetch a new challenge once
                detail = _one_line(error.read().decode("utf-8", "replace")) if error.fp else ""
                raise PushError(f"{method} {url}: HTTP {error.code} {error.reason}"
                                + (f": {detail}" if detail else "")) from None
            except (urllib.error.URLError, OSError) as error:
                if data and self.auth is not None:
                    self._diagnose(url, method, timeout)   # a server may drop a refused upload
                reason = getattr(error, "reason", error)
                raise PushError(f"{method} {url}: cannot connect ({reason})") from None
        raise PushError(f"{method} {url}: not authorised")  # pragma: no cover - loop always returns


def http_request(url: str, method: str = "GET", data: bytes | None = None, headers: dict[str, str] | None = None,
                 auth: Auth | None = None, timeout: float = 60.0) -> tuple[int, str, bytes]:
    """(status, content type, body) of one request; an HTTP error status raises ``PushError``."""
    return _Session(auth).request(url, method, data, headers, timeout)


# --- push -----------------------------------------------------------------------------------------

def _quads_file(build: Path) -> tuple[Path, ox.RdfFormat]:
    path = Path(build)
    if path.is_dir():
        for name, fmt in (("graph.nq", ox.RdfFormat.N_QUADS), ("graph.trig", ox.RdfFormat.TRIG)):
            if (path / name).is_file():
                return path / name, fmt
        raise PushError(f"{path}: no graph.nq or graph.trig here (run `kg build` first)")
    formats = {".nq": ox.RdfFormat.N_QUADS, ".trig": ox.RdfFormat.TRIG}
    if not path.is_file() or path.suffix not in formats:
        raise PushError(f"{path}: not a build folder, .nq or .trig file")
    return path, formats[path.suffix]


def named_graphs(build: Path | str) -> Iterator[tuple[str | None, bytes, int]]:
    """(graph IRI or None for the default graph, N-Triples body, triple count) per graph of a build."""
    path, fmt = _quads_file(Path(build))
    groups: dict[str | None, list[ox.Triple]] = {}
    order: list[str | None] = []
    try:
        for quad in ox.parse(path=str(path), format=fmt):
            name = quad.graph_name.value if isinstance(quad.graph_name, ox.NamedNode) else None
            if name not in groups:
                groups[name] = []
                order.append(name)
            groups[name].append(ox.Triple(quad.subject, quad.predicate, quad.object))
    except SyntaxError as error:
        raise PushError(f"{path}: cannot read ({_one_line(str(error))})") from None
    for name in order:
        triples = groups.pop(name)
        yield name, ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES), len(triples)


def push_build(endpoint: str, build: Path | str = "exports", auth: Auth | None = None, timeout: float = 120.0,
               on_graph: Callable[[str | None, int], None] | None = None) -> PushResult:
    """PUT every named graph of a build into the Graph Store at ``endpoint`` (replacing each)."""
    result = PushResult()
    session = _Session(auth)
    separator = "&" if "?" in endpoint else "?"
    for name, body, count in named_graphs(build):
        target = f"{endpoint}{separator}" + ("default" if name is None else
                                             "graph=" + urllib.parse.quote(name, safe=""))
        session.request(target, "PUT", body, {"Content-Type": f"{_NT}; charset=utf-8"}, timeout)
        result.graphs += 1
        result.triples += count
        if on_graph:
            on_graph(name, count)
    return result


# --- remote queries -------------------------------------------------------------------------------

_COMMENT = re.compile(r"""("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|<[^<>\s]*>)|#[^\n]*""")
_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)
_FIRST_BRACE = re.compile(r"\{")


def _declared(text: str) -> set[str]:
    return {m.group(1) for m in re.finditer(r"(?im)^\s*PREFIX\s+([A-Za-z][\w-]*)?\s*:", text)}


def _with_values(text: str, bindings: dict[str, Node]) -> str:
    """The query with its parameters as a VALUES block at the start of its WHERE clause."""
    if not bindings:
        return text
    names = sorted(bindings)
    block = f"VALUES ({' '.join('?' + n for n in names)}) {{ ({' '.join(bindings[n].n3() for n in names)}) }}"
    # blank out comments (keeping offsets) so a '{' or WHERE in a comment is never taken
    masked = _COMMENT.sub(lambda m: m.group(0) if m.group(1) else " " * len(m.group(0)), text)
    masked = re.sub(r'"(?:[^"\\\n]|\\.)*"', lambda m: " " * len(m.group(0)), masked)
    found = _WHERE.search(masked)
    if found is None and re.match(r"(?is)\s*(?:PREFIX[^\n]*\n\s*|BASE[^\n]*\n\s*)*(SELECT|ASK)\b", masked):
        found = _FIRST_BRACE.search(masked)
    if found is None:
        return f"{text}\n{block}"
    return text[:found.end()] + " " + block + text[found.end():]


def _term(value: dict) -> Node | None:
    kind = value.get("type")
    if kind == "uri":
        return URIRef(value["value"])
    if kind == "bnode":
        return BNode(value["value"])
    if kind in ("literal", "typed-literal"):
        if value.get("xml:lang"):
            return Literal(value["value"], lang=value["xml:lang"])
        if value.get("datatype"):
            return Literal(value["value"], datatype=URIRef(value["datatype"]))
        return Literal(value["value"])
    return None


class RemoteStore(GraphStore):
    """A remote SPARQL 1.1 query endpoint (read-only use: the query library, SELECT/ASK/CONSTRUCT)."""
    kind = "remote"

    def __init__(self, endpoint: str, auth: Auth | None = None, timeout: float = 120.0,
                 prefixes: dict[str, str] = DEFAULT_PREFIXES):
        self.endpoint, self.auth, self.timeout = endpoint, auth, timeout
        self._session = _Session(auth)
        self.prefixes = dict(prefixes)
        self.kind = f"remote:{endpoint}"

    def _send(self, text: str, accept: str, timeout: float | None = None) -> tuple[str, bytes]:
        missing = [p for p in self.prefixes if p not in _declared(text) and re.search(rf"\b{p}:", text)]
        prologue = "".join(f"PREFIX {p}: <{self.prefixes[p]}>\n" for p in missing)
        data = urllib.parse.urlencode({"query": prologue + text}).encode("utf-8")
        try:
            _status, ctype, body = self._session.request(
                self.endpoint, "POST", data,
                {"Content-Type": "application/x-www-form-urlencoded; charset=utf-8", "Accept": accept},
                timeout or self.timeout)
        except PushError as error:
            raise QueryError(str(error)) from None
        return ctype, body

    def __len__(self) -> int:
        result = self.execute("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "SELECT", {})
        return int(result.rows[0][0]) if result.rows and result.rows[0][0] is not None else 0

    def execute(self, text: str, form: str, bindings: dict[str, Node], cancel: threading.Event | None = None,
                max_rows: int | None = None, *_more) -> Result:
        query = _with_values(text, bindings)
        if form == "CONSTRUCT":
            ctype, body = self._send(query, f"{_NT}, text/plain;q=0.9, text/turtle;q=0.8")
            fmt = "turtle" if "turtle" in ctype else "nt"
            try:
                graph = Graph().parse(data=body.decode("utf-8"), format=fmt)
            except Exception as error:  # noqa: BLE001 - any parser failure is one line for the user
                raise QueryError(f"{self.endpoint}: unreadable CONSTRUCT answer ({_one_line(str(error))})") from None
            if max_rows is not None and len(graph) > max_rows:
                raise QueryError(f"the result has more than {max_rows} triples; add a LIMIT")
            return Result("CONSTRUCT", triples=sorted(graph))
        _ctype, body = self._send(query, "application/sparql-results+json")
        try:
            answer = json.loads(body.decode("utf-8"))
        except ValueError as error:
            raise QueryError(f"{self.endpoint}: the answer is not SPARQL JSON ({error})") from None
        if form == "ASK" or "boolean" in answer:
            return Result("ASK", boolean=bool(answer.get("boolean")))
        variables = list(answer.get("head", {}).get("vars", []))
        bindings_out = answer.get("results", {}).get("bindings", [])
        if max_rows is not None and len(bindings_out) > max_rows:
            raise QueryError(f"the result has more than {max_rows} rows; add a LIMIT")
        rows = [tuple(_term(b[v]) if v in b else None for v in variables) for b in bindings_out]
        return Result("SELECT", variables=variables, rows=rows)

    def describe(self) -> str:
        return self.kind
