import pytest

from kg.iri import digest, entity_iri, node_iri, normalise_name


@pytest.mark.parametrize(
    "a, b",
    [
        ("Xiaohongshu", "xiaohongshu"),
        ("Xiaohongshu’s", "Xiaohongshu"),
        ("Xiaohongshu\n", " Xiaohongshu "),
        ("“Red Cat Plan”", "Red Cat Plan"),
        ("ＪＤ.com", "JD.com"),
    ],
)
def test_same_entity_same_iri(a, b):
    assert entity_iri(a) == entity_iri(b)


@pytest.mark.parametrize("name", ["<script>alert(1)</script>", 'a b"c', "x>y{z}", "100%", "a/b?c#d", "小红书"])
def test_iris_carry_no_raw_text(name):
    value = str(entity_iri(name))
    tail = value.rsplit("/", 1)[1]
    assert not set(tail) & set('<>"{}| \\^`/?#') and value.startswith("https://")


def test_node_iris_are_stable_and_distinct():
    assert node_iri("statement", "d", 1) == node_iri("statement", "d", 1)
    assert node_iri("statement", "d", 1) != node_iri("statement", "d", 2)
    assert digest("a", "bc") != digest("ab", "c")


def test_normalise_name_folds_case_and_space():
    assert normalise_name("  Taobao   and Tmall  Group ") == "taobao and tmall group"
