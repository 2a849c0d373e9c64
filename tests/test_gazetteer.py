"""The national gazetteer of divisions: which bare names a report may use for its own places."""
from kg.gazetteer import above, bare_names, home_scope


def test_gazetteer_province_scope_holds_its_cities_and_counties():
    names = bare_names(home_scope("湖南省"))
    assert names["株洲"] == "株洲市" and names["新宁"] == "新宁县" and names["湘潭市"] == "湘潭市"
    assert "海口" not in names  # another province's city is not this report's own


def test_gazetteer_common_words_are_not_bare_names():
    names = bare_names(home_scope("广东省"))
    assert "和平县" in names and "和平" not in names  # 和平 is a common word first
    assert "东方" not in bare_names(home_scope("海南省"))


def test_gazetteer_district_scope_is_its_city_and_ancestors():
    names = bare_names(home_scope("海拉尔区", "呼伦贝尔市"))
    assert {"呼伦贝尔市", "内蒙古自治区", "满洲里市"} <= set(names.values())
    assert "包头市" not in names.values()


def test_gazetteer_shared_names_are_told_apart_by_the_text():
    assert "海淀区" in bare_names(home_scope("朝阳区", "北京市朝阳区人民政府"))
    assert "南关区" in bare_names(home_scope("朝阳区", "长春市朝阳区人民政府"))


def test_gazetteer_unknown_place_has_no_scope():
    assert home_scope("某某街道") == () and bare_names(()) == {}


def test_gazetteer_a_district_named_after_its_city_has_its_scope_and_the_divisions_above():
    assert "余杭区" in bare_names(home_scope("杭州市余杭区"))
    assert above("杭州市余杭区") == {"杭州市", "杭州", "浙江省", "浙江"}
    assert above("海拉尔区") == {"呼伦贝尔市", "呼伦贝尔", "内蒙古自治区", "内蒙古"}
    assert above("海南省") == frozenset() and above("某某街道") == frozenset()
