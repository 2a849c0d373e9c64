"""Every notebook in ``notebooks/`` runs top to bottom on a fresh kernel of this environment (nbclient,
working directory ``notebooks/``), and gives the outputs it was committed with.

Compared per cell: standard output and the text, HTML and Markdown of each result; pictures only by
kind (a PNG must still be there, its bytes may differ with fonts and FreeType), standard error not at
all (warnings, font-cache notes). Node positions inside an embedded view are left out: they come from
a floating-point layout whose last digits depend on the BLAS build.
"""
from __future__ import annotations

import copy
import difflib
import re
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK_DIR = ROOT / "notebooks"
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("*.ipynb"))
CELL_TIMEOUT = 120          # seconds per cell; the whole folder runs in well under a minute
COMPARED = ("text/plain", "text/html", "text/markdown", "text/latex", "application/json")
_POSITION = re.compile(r"(&quot;|\")([xy])\1:-?[0-9.e+-]+")
_ABSOLUTE = re.compile(r"""["'](/(home|root|work|tmp|Users|usr|opt|mnt)/|[A-Za-z]:\\\\)""")
_PREFIX_PROBE = "import sys as _kg_sys; print(_kg_sys.prefix)"


def _read(path: Path):
    return nbformat.read(path, as_version=4)


def _code_cells(nb) -> list:
    return [cell for cell in nb.cells if cell.cell_type == "code"]


def _text(value) -> str:
    return "".join(value) if isinstance(value, list) else str(value)


def _normalise(output) -> list[str]:
    """The parts of one output that must be identical from run to run."""
    kind = output.get("output_type")
    if kind == "stream":
        return [f"stream:{output['name']}\n{_text(output['text'])}"] if output.get("name") == "stdout" else []
    if kind == "error":
        return [f"error: {output.get('ename')}: {output.get('evalue')}"]
    parts = []
    for mime, value in sorted(output.get("data", {}).items()):
        if mime.startswith("image/"):
            parts.append(f"{mime}: (picture)")
        elif mime in COMPARED:
            text = _text(value) if isinstance(value, (str, list)) else repr(value)
            if mime == "text/html":
                text = _POSITION.sub(r"\1\2\1:·", text)
            parts.append(f"{mime}:\n{text}")
    return parts


def _signature(nb) -> list[tuple[str, list[str]]]:
    """Per code cell: its first source line and its normalised outputs."""
    out = []
    for cell in _code_cells(nb):
        first = (cell.source.strip().splitlines() or [""])[0][:80]
        parts: list[str] = []
        for output in cell.get("outputs", []):
            for part in _normalise(output):
                # a stream may arrive in several chunks: join consecutive chunks of one stream
                if parts and part.startswith("stream:") and parts[-1].startswith(part.split("\n", 1)[0] + "\n"):
                    parts[-1] += part.split("\n", 1)[1]
                else:
                    parts.append(part)
        out.append((first, parts))
    return out


def test_notebook_repo_root_is_found_relative_to_the_working_directory(monkeypatch):
    from kg.notebook import repo_root

    monkeypatch.chdir(NOTEBOOK_DIR)
    assert repo_root() == Path("..")
    monkeypatch.chdir(ROOT)
    assert repo_root() == Path(".")


def test_notebook_query_table_orders_rows_the_query_leaves_tied_by_the_whole_row():
    from rdflib import RDFS, Graph, Literal, URIRef

    from kg.notebook import query_table
    from kg.query import MemoryStore

    graph = Graph()
    for name in ("c", "a", "b"):
        graph.add((URIRef(f"https://kg.example.org/id/Program/{name}"), RDFS.label, Literal("same")))
    graph.add((URIRef("https://kg.example.org/id/Program/z"), RDFS.label, Literal("first")))
    table = query_table(MemoryStore(graph), "SELECT ?label ?entity WHERE { ?entity rdfs:label ?label } ORDER BY ?label")
    assert table.values.tolist() == [["first", "id:Program/z"], ["same", "id:Program/a"],
                                     ["same", "id:Program/b"], ["same", "id:Program/c"]]
    assert list(table.index) == [1, 2, 3, 4]


def test_notebook_inline_view_is_a_sandboxed_self_contained_frame(sample_build):
    from kg.notebook import inline_view

    html = inline_view(sample_build[1], family="programmes").data
    assert html.startswith("<div") and '<iframe title="' in html and 'sandbox="allow-scripts"' in html
    assert 'srcdoc="&lt;!DOCTYPE html&gt;' in html and "Content-Security-Policy" in html
    assert 'id=&quot;kg-home&quot;' not in html and 'src="http' not in html
    assert "<script" not in html.split("srcdoc=")[0]


def test_notebooks_folder_holds_the_exploration_notebooks():
    names = {path.name for path in NOTEBOOKS}
    assert {"01_overview.ipynb", "02_research_questions.ipynb", "03_extraction_quality.ipynb"} <= names


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_committed_executed_in_order_with_outputs_and_no_machine_details(path):
    nb = _read(path)
    cells = _code_cells(nb)
    assert cells, f"{path.name} has no code cells"
    counts = [cell.get("execution_count") for cell in cells]
    assert counts == list(range(1, len(cells) + 1)), (
        f"{path.name}: execution counts {counts}: commit it executed once, top to bottom "
        "(jupyter nbconvert --to notebook --execute --inplace, see README)")
    assert any(cell.get("outputs") for cell in cells), f"{path.name} is committed without outputs"
    for cell in cells:
        assert not [o for o in cell.get("outputs", []) if o.get("output_type") == "error"], (
            f"{path.name}: committed with an error in cell {cell.source[:60]!r}")
        assert "execution" not in cell.get("metadata", {}), (
            f"{path.name}: cell timestamps in metadata (execute with --ExecutePreprocessor.record_timing=False)")
        assert not _ABSOLUTE.search(cell.source), f"{path.name}: absolute path in {cell.source[:60]!r}"
    text = nbformat.writes(nb)
    for private in {str(ROOT), str(Path.home())} - {"/"}:
        assert private not in text, f"{path.name}: its outputs or metadata mention {private}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_reruns_on_a_fresh_kernel_to_its_committed_outputs(path):
    committed = _read(path)
    fresh = copy.deepcopy(committed)
    for cell in _code_cells(fresh):
        cell.outputs, cell.execution_count = [], None
    fresh.cells.append(nbformat.v4.new_code_cell(_PREFIX_PROBE))
    client = NotebookClient(fresh, timeout=CELL_TIMEOUT, kernel_name="python3", record_timing=False,
                            resources={"metadata": {"path": str(NOTEBOOK_DIR)}})
    client.execute()        # raises CellExecutionError, with the cell and traceback, on any error

    probe = fresh.cells.pop()
    prefix = "".join(o.get("text", "") for o in probe.outputs).strip()
    assert Path(prefix).resolve() == Path(sys.prefix).resolve(), (
        f"the 'python3' kernel runs in {prefix}, not in this environment ({sys.prefix}); "
        "a user-level kernelspec named python3 shadows the project's")

    before, after = _signature(committed), _signature(fresh)
    assert len(before) == len(after)
    for index, ((source, old), (_, new)) in enumerate(zip(before, after), start=1):
        if old != new:
            diff = "\n".join(difflib.unified_diff("\n".join(old).splitlines(), "\n".join(new).splitlines(),
                                                  "committed", "rerun", lineterm="", n=1))
            pytest.fail(f"{path.name}, code cell {index} ({source!r}) gives different outputs on a rerun "
                        f"(re-execute and commit the notebook, or make the output stable):\n{diff[:3000]}")
