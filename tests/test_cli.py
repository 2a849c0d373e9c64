"""The CLI: build, extract and eval called in-process, errors as one clear line and a non-zero exit."""
from click.testing import CliRunner

from kg.cli import cli
from kg.export import EXPORT_FILES

from conftest import GOLD, SAMPLE


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def test_cli_build_writes_exports(tmp_path):
    result = run("build", SAMPLE, "-o", tmp_path)
    assert result.exit_code == 0, result.output
    assert "entities" in result.output
    assert all((tmp_path / name).exists() for name in EXPORT_FILES)


def test_cli_build_bad_file_reported_good_file_built(tmp_path):
    reports = tmp_path / "in"
    reports.mkdir()
    (reports / "good.txt").write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (reports / "empty.txt").write_bytes(b"")
    result = run("build", reports, "-o", tmp_path / "out")
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if "empty.txt" in line]
    assert errors == [f"error: {reports / 'empty.txt'}: empty file"]
    assert (tmp_path / "out" / "graph.ttl").exists()


def test_cli_build_only_bad_files_writes_nothing_and_keeps_previous(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.ttl").write_text("previous", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02binary")
    result = run("build", bad, "-o", out)
    assert result.exit_code != 0
    assert "bad.txt" in result.stderr and "binary" in result.stderr
    assert (out / "graph.ttl").read_text(encoding="utf-8") == "previous"
    assert sorted(p.name for p in out.iterdir()) == ["graph.ttl"]


def test_cli_build_rejects_invalid_base_iri(tmp_path):
    result = run("build", SAMPLE, "-o", tmp_path, "--base-iri", "not an iri")
    assert result.exit_code == 2 and "invalid base IRI" in result.stderr


def test_cli_extract_then_eval(tmp_path):
    result = run("extract", SAMPLE, "-o", tmp_path)
    assert result.exit_code == 0, result.output
    for name in ("entities.tsv", "relations.tsv", "metrics.tsv", "glossary.tsv"):
        assert (tmp_path / name).read_text(encoding="utf-8").split("\n")[0].split("\t")[0] in {
            "name", "subject", "term"}
    scored = run("eval", GOLD / "2023_shanghai-jinshan-shihua_subdistrict", tmp_path)
    assert scored.exit_code == 0, scored.output
    assert "typed" in scored.output and "untyped" in scored.output and "metrics" in scored.output


def test_cli_extract_missing_file_is_one_line(tmp_path):
    result = run("extract", tmp_path / "nope.txt", "-o", tmp_path)
    assert result.exit_code == 1
    assert result.stderr.strip().count("\n") == 0 and "nope.txt" in result.stderr
