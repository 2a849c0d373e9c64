"""IRIs are valid, stable and derived from content only."""
import pytest
from rdflib import URIRef

from kg.iris import digest, doc_id_for, entity_iri, iri_segment


@pytest.mark.parametrize("name", ["爱心点名", "“8+3”错时工作制", "爱·多一点", "卫零路-金一路区块", "a b<c>\"{}|\\^`",
                                  "天伦乐满堂 白首永相随", "《在您身边》", "\n\t#?/%"])
def test_iris_segments_are_valid_iri_characters(name):
    segment = iri_segment(name)
    assert not set(segment) & set(' <>"{}|\\^`\n\t#?/')
    URIRef(entity_iri("https://kg.example.org/id/", "Program", name))  # rdflib accepts it


def test_iris_are_readable_and_stable():
    assert entity_iri("https://x.org/", "Program", "爱心点名") == "https://x.org/Program/爱心点名"
    assert digest("a", 1) == digest("a", 1) != digest("a", 2)


def test_iris_distinct_names_give_distinct_segments():
    assert iri_segment("a+b") != iri_segment("a b") != iri_segment("a%2Bb")


def test_iris_doc_id_from_file_name():
    assert doc_id_for("2014_x_district.gbk.txt") == "2014_x_district"
