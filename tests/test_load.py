"""Stage 1: reading files — encodings, formats, and one clear error for what is not a report."""

import pytest

from kg.load import ReportError, decode_bytes, html_to_text, read_report, report_files

from conftest import HAILAER_2014, SAMPLE


def test_load_detects_gb18030_with_crlf():
    loaded = read_report(HAILAER_2014)
    assert loaded.encoding == "gb18030"
    assert "海拉尔区人民政府" in loaded.text
    assert "\r\n" in loaded.text  # line endings are normalised by clean, not here


def test_load_reads_utf8_sample():
    loaded = read_report(SAMPLE)
    assert loaded.encoding == "utf-8" and "石化街道办事处" in loaded.text


@pytest.mark.parametrize("data, encoding", [
    ("工作报告".encode("utf-8"), "utf-8"),
    (b"\xef\xbb\xbf" + "工作报告".encode("utf-8"), "utf-8-sig"),
    ("工作报告".encode("gbk"), "gb18030"),
    ("工作报告".encode("utf-16"), "utf-16"),
])
def test_load_decode_bytes(data, encoding):
    assert decode_bytes(data) == ("工作报告", encoding)


def test_load_reads_a_big5_copy_and_the_pipeline_reads_it_simplified(tmp_path):
    """A Traditional copy saved in Big5 is no GB18030 text (its bytes read so give private-use characters): it
    is read as Big5, and the extraction sees the Simplified text."""
    text = "一、2021年工作回顧\n現在，青河縣經濟實現穩步發展，地區生產總值增長8%，新建青山村衛生室3個。"
    assert decode_bytes(text.encode("big5")) == (text, "big5")
    path = tmp_path / "qinghe_2022.txt"
    path.write_bytes(text.encode("big5"))
    from kg.pipeline import extract, load_document

    result = extract(load_document(path))
    assert ("地区生产总值", "8", "%") in {(m.subject, m.value, m.unit) for m in result.metrics}
    assert "青山村" in {e.name for e in result.entities}


def test_load_bom_is_stripped(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + "一、2023年工作总结\n完成建设。".encode("utf-8"))
    assert read_report(path).text.startswith("一、")


@pytest.mark.parametrize("content, reason", [
    (b"", "empty file"),
    (b"   \n\n", "empty file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
    ("工作报告".encode("gbk") + b"\xff\xff\xfe", "not UTF-8 or GB18030"),
])
def test_load_rejects_bad_files_with_reason(tmp_path, content, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(ReportError) as info:
        read_report(path)
    assert reason in str(info.value) and str(path) in str(info.value)
    assert "\n" not in str(info.value)


def test_load_missing_file_is_report_error(tmp_path):
    with pytest.raises(ReportError, match="cannot read"):
        read_report(tmp_path / "missing.txt")


def test_load_html_drops_scripts_and_styles(tmp_path):
    page = tmp_path / "r.html"
    page.write_text("<html><head><title>t</title><style>p{}</style></head><body><script>alert(1)</script>"
                    "<p>一、2023年工作总结</p><div>完成&lt;建设&gt;。</div></body></html>", encoding="utf-8")
    loaded = read_report(page)
    assert loaded.format == "html"
    assert "alert" not in loaded.text and "p{}" not in loaded.text
    assert "一、2023年工作总结" in loaded.text and "完成<建设>。" in loaded.text


def test_load_html_to_text_puts_blocks_on_lines():
    assert [l for l in html_to_text("<p>甲</p><p>乙</p>").split("\n") if l] == ["甲", "乙"]


def test_load_report_files_expands_folders(tmp_path):
    (tmp_path / "a.txt").write_text("甲", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.html").write_text("<p>乙</p>", encoding="utf-8")
    (tmp_path / "notes.json").write_text("{}", encoding="utf-8")
    assert [p.name for p in report_files([tmp_path])] == ["a.txt", "b.html"]


def test_load_folder_notes_are_not_reports_unless_named(tmp_path):
    """A corpus folder's README.md / SOURCES.md describe the reports; given by name, a file is read."""
    (tmp_path / "2024_report.md").write_text("甲", encoding="utf-8")
    (tmp_path / "SOURCES.md").write_text("sources", encoding="utf-8")
    (tmp_path / "README.txt").write_text("readme", encoding="utf-8")
    assert [p.name for p in report_files([tmp_path])] == ["2024_report.md"]
    assert [p.name for p in report_files([tmp_path / "SOURCES.md"])] == ["SOURCES.md"]


def test_load_reads_a_text_file_holding_a_page_s_markup_as_html(tmp_path):
    """A copy saved as .txt that is a page's markup all the same (<h3>…</h3><h1>2023年工作回顾</h1>): its
    blocks are lines, its tags gone; a text that only mentions a tag is text."""
    page = tmp_path / "r.txt"
    page.write_text("<h3> 会议开幕。</h3><h1 style=\"text-align: center;\"><b>2023年工作回顾</b></h1>"
                    "<h3> 全区生产总值增长5%。</h3>", encoding="utf-8")
    loaded = read_report(page)
    assert loaded.format == "html"
    assert [line.strip() for line in loaded.text.split("\n") if line.strip()] == [
        "会议开幕。", "2023年工作回顾", "全区生产总值增长5%。"]
    plain = tmp_path / "p.txt"
    plain.write_text("一、2023年工作回顾\n网页以<p>标记段落。\n", encoding="utf-8")
    assert read_report(plain).format == "text"
