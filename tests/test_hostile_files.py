"""Whatever researchers scraped: each bad file gets one clear line (file and reason), the good files of the
same run are still built, the exit code says something failed, and no half-written file is left anywhere.

The builds run as real ``kg build`` processes with a time limit, so a file that hangs the reader (a named
pipe) or stalls extraction (a run-on line) fails the test instead of hanging the suite.
"""
from __future__ import annotations

import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import DCTERMS, RDF

from kg.export import EXPORT_FILES
from kg.load import MAX_REPORT_BYTES, MAX_REPORT_CHARS
from kg.vocab import KGO

from conftest import HAILAER_2014, SAMPLE

TEXT = SAMPLE.read_text(encoding="utf-8")


def kg_build(*args, timeout: float = 240) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg.cli", "build", *map(str, args)], capture_output=True,
                          text=True, timeout=timeout)


def leftovers(folder: Path) -> list[Path]:
    """Temporary or partial files anywhere under an output folder."""
    return [p for p in folder.rglob("*") if p.is_file() and (p.name.endswith((".tmp", ".part", ".partial"))
                                                             or p.name.startswith(".") and p.name != ".gitignore")]


def sources(out: Path) -> set[str]:
    graph = Graph().parse(out / "graph.ttl", format="turtle")
    return {str(graph.value(report, DCTERMS.source)) for report in graph.subjects(RDF.type, KGO.Report)}


def error_lines(stderr: str, name: str) -> list[str]:
    return [line for line in stderr.splitlines() if name in line]


GOOD = {
    # mixed encodings in one folder: every one of them is a good report
    "utf8.txt": TEXT.encode("utf-8"),
    "utf8_bom.txt": b"\xef\xbb\xbf" + TEXT.encode("utf-8"),
    "gb18030.txt": HAILAER_2014.read_bytes(),
    "utf16.txt": TEXT.replace("石化街道", "石化街").encode("utf-16"),
    "crlf_gbk.txt": TEXT.replace("\n", "\r\n").encode("gbk", errors="replace"),
    # a download cut inside its last GB18030 character loses only that character
    "truncated_gb18030.txt": TEXT[:3000].encode("gb18030")[:-1],
    # HTML with scripts and styles: their text never reaches the graph
    "page.html": ("<!doctype html><html><head><title>石化街道办事处2023年工作报告</title>"
                  "<style>p{color:red} /* 样式里的伪造句子。 */</style>"
                  "<script>var x = '脚本里的伪造项目启动。'; document.write('<p>注入的段落。</p>');</script>"
                  "</head><body><noscript>请启用脚本。</noscript>"
                  + "".join(f"<p>{line}</p>" for line in TEXT.splitlines()) +
                  "<script src='https://example.org/t.js'></script></body></html>").encode("utf-8"),
    # very long lines: the whole report on one line, and a 100,000-character line without a full stop
    "one_line.txt": TEXT.replace("\n", "").encode("utf-8"),
    "run_on.txt": ("一、2023年工作总结\n" + "街道社区服务中心建设和睦邻点" * 7200).encode("utf-8"),
}

BAD = {
    "empty.txt": (b"", "empty file"),
    "blank.txt": (b" \r\n\t\n   ", "empty file"),
    "binary.txt": (b"\x89PNG\r\n\x1a\n" + random.Random(8).randbytes(40_000), "binary"),
    "zip.html": (b"PK\x03\x04" + random.Random(9).randbytes(4_000), "binary"),
    "mixed_in_one_file.txt": (TEXT[:2000].encode("utf-8") + TEXT[2000:].encode("gb18030"), "not UTF-8 or GB18030"),
    "corrupt_gb18030.txt": (TEXT[:500].encode("gb18030") + b"\x81\x20\xff" + TEXT[500:900].encode("gb18030"),
                            "not UTF-8 or GB18030"),
    "only_markup.html": (b"<html><head><script>alert(1)</script><style>p{}</style></head><body> </body></html>",
                         "no text"),
    "damaged.pdf": (b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\nendobj\ntrailer\n%%EOF garbage", "PDF"),
}


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory):
    """One real build over a folder of good and bad files, into a folder that holds a previous build."""
    root = tmp_path_factory.mktemp("hostile")
    reports = root / "reports"
    (reports / "sub").mkdir(parents=True)
    for name, data in GOOD.items():
        (reports / name).write_bytes(data)
    for name, (data, _reason) in BAD.items():
        (reports / "sub" / name).write_bytes(data)
    unreadable = {}
    # unreadable entries that stay unreadable for root too (tests run as root in CI)
    (reports / "dangling.txt").symlink_to(root / "gone" / "report.txt")
    unreadable["dangling.txt"] = "broken symbolic link"
    os.mkfifo(reports / "pipe.txt")                      # opening it would block for ever
    unreadable["pipe.txt"] = "named pipe"
    (reports / "folder.txt").mkdir()                     # a folder named like a report: searched, not read
    (reports / "folder.txt" / "notes.md").write_bytes(b"")
    unreadable["notes.md"] = "empty file"
    if os.geteuid() != 0:
        (reports / "private.txt").write_bytes(TEXT.encode("utf-8"))
        (reports / "private.txt").chmod(0)
        unreadable["private.txt"] = "Permission denied"
    out = root / "out"
    previous = kg_build(SAMPLE, "-o", out, "--no-views", "--no-validate")
    assert previous.returncode == 0, previous.stderr
    started = time.perf_counter()
    run = kg_build(reports, "-o", out)
    seconds = time.perf_counter() - started
    print(f"hostile folder built in {seconds:.1f} s")
    yield reports, out, run, {**{n: r for n, (_d, r) in BAD.items()}, **unreadable}
    if (reports / "private.txt").exists():
        (reports / "private.txt").chmod(0o644)


def test_hostile_exit_code_says_something_failed(hostile_run):
    _reports, _out, run, bad = hostile_run
    assert run.returncode == 1, run.stderr
    assert f"{len(bad)} file(s) could not be read" in run.stderr
    assert "Traceback" not in run.stderr


def test_hostile_each_bad_file_one_clear_line(hostile_run):
    reports, _out, run, bad = hostile_run
    for name, reason in bad.items():
        lines = error_lines(run.stderr, f"/{name}:")
        assert len(lines) == 1, (name, run.stderr)
        assert lines[0].startswith(f"error: {reports}") and reason in lines[0], lines[0]
        assert len(lines[0]) < 300


def test_hostile_good_files_still_built(hostile_run):
    _reports, out, run, _bad = hostile_run
    assert sources(out) == set(GOOD)
    assert f"built {len(GOOD)} report(s)" in run.stdout


def test_hostile_every_output_complete_no_temporary_files(hostile_run):
    _reports, out, _run, _bad = hostile_run
    for name in EXPORT_FILES:
        assert (out / name).stat().st_size > 0, name
    Graph().parse(out / "graph.nt", format="nt")
    assert (out / "views" / "index.html").is_file()
    assert leftovers(out) == []


def test_hostile_html_scripts_and_styles_never_reach_the_graph(hostile_run):
    _reports, out, _run, _bad = hostile_run
    text = (out / "graph.nt").read_text(encoding="utf-8")
    for planted in ("脚本里的伪造项目", "注入的段落", "样式里的伪造句子", "请启用脚本", "example.org/t.js"):
        assert planted not in text
    graph = Graph().parse(out / "graph.ttl", format="turtle")
    page = next(r for r in graph.subjects(RDF.type, KGO.Report) if str(graph.value(r, DCTERMS.source)) == "page.html")
    assert graph.value(page, DCTERMS.title) == Literal("石化街道办事处2023年工作报告", lang="zh")


def test_hostile_truncated_gb18030_keeps_all_but_the_cut_character(hostile_run):
    _reports, out, _run, _bad = hostile_run
    graph = Graph().parse(out / "graph.ttl", format="turtle")
    report = next(r for r in graph.subjects(RDF.type, KGO.Report)
                  if str(graph.value(r, DCTERMS.source)) == "truncated_gb18030.txt")
    texts = "".join(str(graph.value(s, KGO.text)) for s in graph.subjects(KGO.inReport, report)
                    if (s, RDF.type, KGO.Sentence) in graph)
    assert "石化街道办事处" in texts


def test_hostile_long_lines_are_split_not_lost(hostile_run):
    _reports, out, _run, _bad = hostile_run
    graph = Graph().parse(out / "graph.ttl", format="turtle")
    by_source = {str(graph.value(r, DCTERMS.source)): r for r in graph.subjects(RDF.type, KGO.Report)}
    for name in ("one_line.txt", "run_on.txt"):
        sentences = [s for s in graph.subjects(KGO.inReport, by_source[name]) if (s, RDF.type, KGO.Sentence) in graph]
        lengths = [len(str(graph.value(s, KGO.text))) for s in sentences]
        assert len(sentences) > 10 and max(lengths) <= 500, name
    run_on = sum(len(str(graph.value(s, KGO.text))) for s in graph.subjects(KGO.inReport, by_source["run_on.txt"])
                 if (s, RDF.type, KGO.Sentence) in graph)
    assert run_on >= 7200 * 14                                           # nothing of the run-on line lost


def test_hostile_only_bad_files_leave_the_previous_build_untouched(tmp_path):
    out = tmp_path / "out"
    first = kg_build(SAMPLE, "-o", out, "--no-views", "--no-validate")
    assert first.returncode == 0, first.stderr
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "binary.txt").write_bytes(random.Random(1).randbytes(5000) + b"\x00")
    os.mkfifo(bad / "pipe.txt")
    run = kg_build(bad, "-o", out, timeout=120)
    assert run.returncode == 1 and "nothing written" in run.stderr
    assert len([line for line in run.stderr.splitlines() if line.startswith(f"error: {bad}")]) == 3
    after = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before


@pytest.mark.large
def test_hostile_50_mb_report_refused_quickly_others_built(tmp_path):
    """A 50 MB 'report' (the sample 2,100 times: really a dump of many) would need minutes and gigabytes as
    one graph; it gets one line saying so and how to fix it, and the other reports are built."""
    reports = tmp_path / "reports"
    reports.mkdir()
    data = TEXT.encode("utf-8")
    big = reports / "dump_2023.txt"
    with open(big, "wb") as handle:
        for _ in range(50 * 1024 * 1024 // len(data) + 1):
            handle.write(data)
    assert big.stat().st_size >= 50 * 1024 * 1024 and big.stat().st_size <= MAX_REPORT_BYTES
    (reports / "good.txt").write_bytes(data)
    started = time.perf_counter()
    run = kg_build(reports, "-o", tmp_path / "out", "--no-views", timeout=180)
    seconds = time.perf_counter() - started
    print(f"50 MB folder: {seconds:.1f} s")
    assert run.returncode == 1 and "Traceback" not in run.stderr
    [line] = error_lines(run.stderr, "dump_2023.txt")
    assert "too long for one report" in line and f"{MAX_REPORT_CHARS:,}" in line and "split it" in line
    assert sources(tmp_path / "out") == {"good.txt"}
    assert leftovers(tmp_path / "out") == []
    assert seconds < 60


def test_hostile_oversize_file_not_even_read(tmp_path):
    """Above the byte limit the file is refused from its size alone (a sparse file: no disk used)."""
    from kg.load import ReportError, read_report

    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as handle:
        handle.truncate(MAX_REPORT_BYTES + 1)
    with pytest.raises(ReportError, match="too large for one report"):
        read_report(huge)


def test_hostile_output_folder_that_is_a_file_gives_one_line(tmp_path):
    target = tmp_path / "exports"
    target.write_text("not a folder", encoding="utf-8")
    run = kg_build(SAMPLE, "-o", target, "--no-views", timeout=120)
    assert run.returncode == 1 and "Traceback" not in run.stderr
    [line] = [line for line in run.stderr.splitlines() if line.startswith("error:")]
    assert "cannot write" in line and str(target) in line
    assert target.read_text(encoding="utf-8") == "not a folder"
