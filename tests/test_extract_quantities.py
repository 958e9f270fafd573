"""Quantities: money, percentages, ranges and counts attached to what they measure."""

from __future__ import annotations

import pytest

from kg.extract.quantities import parse_number

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    "text, about, attribute, value, value_max, unit",
    [
        (
            "Today, Douyin has opened 700 million monthly active users to JD.com.",
            "douyin",
            "monthly active users",
            7e8,
            None,
            "users",
        ),
        ("Advertising contributes about 70%-80% of Kuaishou’s revenue.", "kuaishou", "revenue", 70, 80, "percent"),
        (
            "Xiaokuaixing relaunched version 2.0, increasing the data sampling ratio to 50%.",
            "xiaokuaixing",
            "data sampling ratio",
            50,
            None,
            "percent",
        ),
        ("In 2018 Tencent invested 317 million dollars in Bilibili.", "bilibili", "investment", 3.17e8, None, "USD"),
        (
            "Tencent led Kuaishou's Series D financing of more than 300 million yuan.",
            "kuaishou",
            "Series D financing",
            3e8,
            None,
            "CNY",
        ),
        (
            "In October 2021 the market regulator fined Meituan 3.44 billion yuan.",
            "meituan",
            "fine",
            3.44e9,
            None,
            "CNY",
        ),
        ("Alibaba said Tenpay was fined 2.99 billion yuan.", "tenpay", "fine", 2.99e9, None, "CNY"),
        ("Baidu bought Dada, a delivery startup, for about 77 million dollars.", "dada", "price", 7.7e7, None, "USD"),
        (
            "Vipshop agreed to buy a controlling stake in Youzan for 9 billion yuan.",
            "youzan",
            "price",
            9e9,
            None,
            "CNY",
        ),
        ("The Weibo concert drew more than 100 million viewers.", "weibo", "viewers", 1e8, None, "viewers"),
    ],
)
def test_quantity_attached(extract_text, text, about, attribute, value, value_max, unit):
    ex = extract_text(text)
    q = next((q for q in ex.quantities if q.unit == unit), None)
    assert q is not None, ex.quantities
    assert (q.about, q.attribute, q.value, q.value_max) == (about, attribute, value, value_max)
    ev = q.evidence[0]
    assert ex.document.text[ev.start : ev.end] == ev.sentence and q.text in ev.sentence


@pytest.mark.parametrize(
    "text",
    [
        "Product managers will matter in the next 3-5 years.",  # a range of years is not a quantity
        "The 618 promotion started early.",  # a festival name
    ],
)
def test_numbers_that_are_not_quantities(extract_text, text):
    assert extract_text(text).quantities == []


def test_parse_number():
    assert parse_number("1,200") == 1200 and parse_number("2.5 trillion") == 2.5e12
