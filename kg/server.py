"""A SPARQL 1.1 Protocol endpoint over a built graph, on 127.0.0.1 only: read-only and time-limited.

``GET /sparql?query=…``, ``POST /sparql`` (form-encoded ``query=…`` or ``application/sparql-query``);
SELECT/ASK answer as SPARQL JSON, XML, CSV or TSV, CONSTRUCT/DESCRIBE as Turtle (also N-Triples,
JSON-LD, RDF/XML), chosen by ``Accept`` or a ``format`` parameter. UPDATE, LOAD, SERVICE and
dataset clauses are refused with 403. Each query runs in a worker with a deadline; a fixed number of
worker slots means a runaway query can never take the server down with it, and other clients keep
getting answers. ``GET /`` is a small offline page to type and run queries; ``GET /queries`` lists
the query library as JSON.
"""
from __future__ import annotations

import json
import sys
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from .query import (
    GraphStore,
    NamedQuery,
    QueryError,
    QuerySyntaxError,
    QueryTimeout,
    ReadOnlyError,
    Result,
    check_read_only,
    list_queries,
    run_query,
    to_csv,
    to_json,
    to_tsv,
    to_xml,
)

__all__ = ["GRAPH_TYPES", "RESULT_TYPES", "SparqlServer", "make_server", "negotiate", "serve"]

HOST = "127.0.0.1"
def _compact_json(result: Result) -> str:
    return to_json(result, indent=None)      # the indenting encoder is pure Python: 3x slower under load


RESULT_TYPES = {                     # SELECT / ASK
    "application/sparql-results+json": _compact_json,
    "application/sparql-results+xml": to_xml,
    "text/csv": to_csv,
    "text/tab-separated-values": to_tsv,
    "application/json": _compact_json,
    "application/xml": to_xml,
    "text/xml": to_xml,
}
GRAPH_TYPES = {                      # CONSTRUCT / DESCRIBE: rdflib serializer names
    "text/turtle": "turtle",
    "application/x-turtle": "turtle",
    "application/turtle": "turtle",
    "application/n-triples": "nt",
    "text/plain": "nt",
    "application/ld+json": "json-ld",
    "application/rdf+xml": "xml",
}
_FORMAT_PARAM = {                    # ?format= / ?output= shorthands (SPARQLWrapper sends these)
    "json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
    "csv": "text/csv", "tsv": "text/tab-separated-values", "turtle": "text/turtle", "ttl": "text/turtle",
    "nt": "application/n-triples", "ntriples": "application/n-triples", "json-ld": "application/ld+json",
    "jsonld": "application/ld+json", "rdf+xml": "application/rdf+xml",
}


def _ranges(accept: str) -> list[tuple[str, float]]:
    """``Accept`` as (media range, q) pairs."""
    out = []
    for part in accept.split(","):
        fields = [f.strip() for f in part.split(";")]
        if not fields[0]:
            continue
        q = 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        out.append((fields[0].lower(), q))
    return out


def negotiate(accept: str | None, offers: list[str]) -> str | None:
    """The offer the client prefers (most specific matching range decides its q); None if none fits."""
    if not accept or not accept.strip():
        return offers[0]
    ranges = _ranges(accept)
    best, best_q = None, 0.0
    for offer in offers:
        main = offer.split("/")[0]
        matches = [(3 if r == offer else 2 if r == f"{main}/*" else 1, q) for r, q in ranges
                   if r in (offer, f"{main}/*", "*/*")]
        if not matches:
            continue
        q = max(matches)[1]
        if q > best_q:
            best, best_q = offer, q
    return best


class SparqlServer(ThreadingHTTPServer):
    """The endpoint: one store, a per-query time limit and a fixed number of query slots."""
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128         # listen backlog: a burst of clients connects at once, not after SYN retries

    def __init__(self, store: GraphStore, port: int = 0, timeout: float = 20.0, max_body: int = 1 << 20,
                 max_running: int = 4, max_rows: int = 1_000_000, quiet: bool = False, max_wait: float = 10.0):
        super().__init__((HOST, port), _Handler)
        self.store, self.query_timeout, self.max_body = store, timeout, max_body
        self.max_running, self.max_rows, self.quiet = max_running, max_rows, quiet
        self.max_wait = max_wait     # seconds a query waits for a free slot (queued, not refused) before 503
        self.slots = threading.BoundedSemaphore(max_running)

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.server_port}/sparql"


def make_server(store: GraphStore, port: int = 0, **options) -> SparqlServer:
    """A bound, not yet serving endpoint (port 0 picks a free port); call ``serve_forever``."""
    return SparqlServer(store, port, **options)


def serve(store: GraphStore, port: int = 8000, **options) -> None:
    """Serve until interrupted (Ctrl-C)."""
    server = make_server(store, port, **options)
    print(f"SPARQL endpoint {server.url} ({store.describe()}); query page http://{HOST}:{server.server_port}/",
          file=sys.stderr)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


class _Refusal(Exception):
    def __init__(self, status: HTTPStatus, reason: str, headers: dict[str, str] | None = None):
        super().__init__(reason)
        self.status, self.reason, self.headers = status, reason, headers or {}


class _Handler(BaseHTTPRequestHandler):
    server: SparqlServer
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True   # headers and body go out at once: no 40 ms delayed-ACK stall per answer
    timeout = 30                     # seconds a client may take to send its request
    server_version = "kg-sparql/1.0"

    # --- plumbing ----------------------------------------------------------------------------------

    def log_message(self, format: str, *args) -> None:
        if not self.server.quiet:
            super().log_message(format, *args)

    def _cors(self) -> None:
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
        self.send_header("Access-Control-Allow-Headers", "Accept, Content-Type")
        self.send_header("Access-Control-Max-Age", "86400")

    def _send(self, status: HTTPStatus, body: bytes, content_type: str, headers: dict[str, str] | None = None,
              close: bool = False) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self._cors()
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        if close:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _refuse(self, refusal: _Refusal, close: bool = False) -> None:
        body = f"{refusal.status.value} {refusal.status.phrase}: {refusal.reason}\n".encode()
        self._send(refusal.status, body, "text/plain; charset=utf-8", refusal.headers, close)

    # --- methods -----------------------------------------------------------------------------------

    def do_OPTIONS(self) -> None:
        self.send_response(HTTPStatus.NO_CONTENT)
        self._cors()
        self.send_header("Allow", "GET, POST, OPTIONS")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        if url.path in ("/", "/index.html"):
            self._send(HTTPStatus.OK, _PAGE.encode("utf-8"), "text/html; charset=utf-8")
        elif url.path == "/queries":
            library = [{"name": q.name, "title": q.title, "question": q.question, "text": q.text,
                        "params": [{"name": p.name, "kind": p.kind, "required": p.required, "doc": p.doc}
                                   for p in q.params]} for q in list_queries()]
            self._send(HTTPStatus.OK, json.dumps(library, ensure_ascii=False).encode("utf-8"),
                       "application/json; charset=utf-8")
        elif url.path == "/sparql":
            self._answer(parse_qs(url.query, keep_blank_values=True))
        else:
            self._refuse(_Refusal(HTTPStatus.NOT_FOUND, f"no resource {url.path}; the endpoint is /sparql"))

    def do_POST(self) -> None:
        url = urlsplit(self.path)
        try:
            if url.path != "/sparql":
                raise _Refusal(HTTPStatus.NOT_FOUND, f"no resource {url.path}; the endpoint is /sparql")
            length = self.headers.get("Content-Length")
            if length is None or not length.strip().isdigit():
                raise _Refusal(HTTPStatus.LENGTH_REQUIRED, "a POST needs a Content-Length")
            if int(length) > self.server.max_body:
                raise _Refusal(HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                               f"request body of {int(length)} bytes exceeds the {self.server.max_body}-byte limit")
            body = self.rfile.read(int(length)).decode("utf-8", errors="replace")
        except _Refusal as refusal:
            self._refuse(refusal, close=True)        # the unread body must not be taken for a request
            return
        content_type = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        fields = parse_qs(url.query, keep_blank_values=True)
        if content_type == "application/x-www-form-urlencoded":
            for key, values in parse_qs(body, keep_blank_values=True).items():
                fields.setdefault(key, []).extend(values)
        elif content_type == "application/sparql-query":
            fields.setdefault("query", []).append(body)
        elif content_type == "application/sparql-update":
            self._refuse(_Refusal(HTTPStatus.FORBIDDEN, "SPARQL Update is not allowed: the endpoint is read-only"))
            return
        else:
            self._refuse(_Refusal(HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                                  "POST application/x-www-form-urlencoded or application/sparql-query"))
            return
        self._answer(fields)

    # --- the protocol ------------------------------------------------------------------------------

    def _answer(self, fields: dict[str, list[str]]) -> None:
        try:
            text = self._query_text(fields)
            form = self._check(text)
            media = self._media_type(form, fields)
            body, content_type = self._render(self._run(text), media)
        except _Refusal as refusal:
            self._refuse(refusal)
            return
        except Exception as error:  # noqa: BLE001 - a rendering failure still gets an answer
            self._refuse(_Refusal(HTTPStatus.INTERNAL_SERVER_ERROR, f"cannot render the result: {error}"))
            return
        self._send(HTTPStatus.OK, body, content_type, {"Vary": "Accept"})

    def _query_text(self, fields: dict[str, list[str]]) -> str:
        if "update" in fields:
            raise _Refusal(HTTPStatus.FORBIDDEN, "SPARQL Update is not allowed: the endpoint is read-only")
        if "default-graph-uri" in fields or "named-graph-uri" in fields:
            raise _Refusal(HTTPStatus.BAD_REQUEST,
                           "default-graph-uri / named-graph-uri are not supported: the dataset is the served graph")
        queries = fields.get("query", [])
        if len(queries) != 1 or not queries[0].strip():
            raise _Refusal(HTTPStatus.BAD_REQUEST, "give exactly one non-empty query parameter")
        return queries[0]

    def _check(self, text: str) -> str:
        try:
            return check_read_only(text, "query", allow_dataset=False, prefixes=self.server.store.prefixes)
        except ReadOnlyError as error:
            raise _Refusal(HTTPStatus.FORBIDDEN, str(error)) from None
        except QuerySyntaxError as error:
            raise _Refusal(HTTPStatus.BAD_REQUEST, str(error)) from None
        except QueryError as error:
            raise _Refusal(HTTPStatus.BAD_REQUEST, str(error)) from None

    def _media_type(self, form: str, fields: dict[str, list[str]]) -> str:
        offers = list(RESULT_TYPES if form in ("SELECT", "ASK") else GRAPH_TYPES)
        for key in ("format", "output"):
            for value in fields.get(key, []):
                wanted = _FORMAT_PARAM.get(value.lower(), value.lower())
                if wanted in offers:
                    return wanted
        media = negotiate(self.headers.get("Accept"), offers)
        if media is None:
            raise _Refusal(HTTPStatus.NOT_ACCEPTABLE,
                           f"cannot answer a {form} query as {self.headers.get('Accept')}; offered: {', '.join(offers)}")
        return media

    def _run(self, text: str) -> Result:
        server = self.server
        if not server.slots.acquire(timeout=server.max_wait):
            raise _Refusal(HTTPStatus.SERVICE_UNAVAILABLE,
                           f"all {server.max_running} query slots stayed busy for {server.max_wait:g} s (a timed-out "
                           "query may still be finishing); retry shortly", {"Retry-After": "5"})
        try:
            return run_query(server.store, NamedQuery("query", text, source="query"), timeout=server.query_timeout,
                             allow_dataset=False, on_finish=server.slots.release, max_rows=server.max_rows)
        except QueryTimeout as error:
            raise _Refusal(HTTPStatus.SERVICE_UNAVAILABLE, str(error)) from None
        except ReadOnlyError as error:
            raise _Refusal(HTTPStatus.FORBIDDEN, str(error)) from None
        except QueryError as error:
            raise _Refusal(HTTPStatus.BAD_REQUEST, str(error)) from None
        except Exception as error:  # noqa: BLE001 - never leave a client without an answer
            raise _Refusal(HTTPStatus.INTERNAL_SERVER_ERROR, f"query failed: {error}") from None

    def _render(self, result: Result, media: str) -> tuple[bytes, str]:
        if result.form == "CONSTRUCT":
            graph = result.graph(self.server.store.prefixes)
            fmt = GRAPH_TYPES[media]
            text = graph.serialize(format=fmt, **({"indent": 1, "ensure_ascii": False} if fmt == "json-ld" else {}))
        else:
            text = RESULT_TYPES[media](result)
        return text.encode("utf-8"), f"{media}; charset=utf-8"


_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>kg SPARQL</title>
<style>
body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;max-width:80em}
textarea{width:100%;height:16em;font:13px monospace}
table{border-collapse:collapse;margin-top:1em}td,th{border:1px solid #ccc;padding:2px 6px;vertical-align:top}
th{background:#f3f3f3}#status{color:#555;margin-left:1em}pre{background:#f7f7f7;padding:.5em;white-space:pre-wrap}
.error{color:#b00}
</style></head><body>
<h1>kg SPARQL endpoint</h1>
<p>POST or GET <code>/sparql</code> (SPARQL 1.1 Protocol). Read-only. Prefixes kgo:, id:, rdfs:, skos:, prov:, dct: are predeclared.</p>
<label>Library query <select id="library"><option value="">—</option></select></label>
<p id="question"></p>
<textarea id="query">SELECT ?type (COUNT(?entity) AS ?n) WHERE { ?entity a ?type ; rdfs:label ?label } GROUP BY ?type ORDER BY DESC(?n)</textarea>
<p><button id="run">Run</button>
<label>as <select id="format"><option value="application/sparql-results+json">table</option>
<option value="text/csv">CSV</option><option value="text/tab-separated-values">TSV</option>
<option value="application/sparql-results+xml">XML</option><option value="text/turtle">Turtle (CONSTRUCT)</option>
</select></label><span id="status"></span></p>
<div id="out"></div>
<script>
const $ = id => document.getElementById(id);
let library = [];
fetch('/queries').then(r => r.json()).then(list => {
  library = list;
  for (const q of list) { const o = document.createElement('option'); o.value = q.name; o.textContent = q.name + ' — ' + q.title; $('library').appendChild(o); }
});
$('library').onchange = () => {
  const q = library.find(x => x.name === $('library').value);
  if (q) { $('query').value = q.text; $('question').textContent = q.question + (q.params.length ? ' (parameters are variables: edit the query to fix one)' : ''); }
};
function cell(t) { if (!t) return ''; return t.type === 'uri' ? t.value.replace('https://kg.example.org/ontology#', 'kgo:') : t.value; }
$('run').onclick = async () => {
  const started = performance.now(); $('status').textContent = 'running…'; $('out').textContent = '';
  const body = new URLSearchParams({query: $('query').value});
  let accept = $('format').value;
  const r = await fetch('/sparql', {method: 'POST', body, headers: {'Accept': accept + ', text/turtle;q=0.5'}});
  const text = await r.text(); const ms = Math.round(performance.now() - started);
  if (!r.ok) { $('status').textContent = r.status + ' (' + ms + ' ms)'; const p = document.createElement('pre'); p.className = 'error'; p.textContent = text; $('out').appendChild(p); return; }
  if ((r.headers.get('Content-Type') || '').startsWith('application/sparql-results+json')) {
    const data = JSON.parse(text);
    if ('boolean' in data) { $('out').textContent = String(data.boolean); $('status').textContent = ms + ' ms'; return; }
    const table = document.createElement('table'); const head = table.insertRow();
    for (const v of data.head.vars) { const th = document.createElement('th'); th.textContent = v; head.appendChild(th); }
    for (const b of data.results.bindings) { const row = table.insertRow(); for (const v of data.head.vars) row.insertCell().textContent = cell(b[v]); }
    $('out').appendChild(table); $('status').textContent = data.results.bindings.length + ' rows, ' + ms + ' ms';
  } else { const p = document.createElement('pre'); p.textContent = text; $('out').appendChild(p); $('status').textContent = ms + ' ms'; }
};
</script></body></html>
"""
