"""Date expressions keep their precision and resolve against the discourse and the published date."""

from __future__ import annotations

import pytest

from kg.extract.dates import date_spec, resolve_all
from kg.model import PartialDate

PUB = PartialDate(2025, 5)


@pytest.mark.parametrize(
    "text, iso, inferred",
    [
        ("June 2018", "2018-06", False),
        ("in August 2020", "2020-08", False),
        ("2021", "2021", False),
        ("May 7", "2025-05-07", True),
        ("7 May", "2025-05-07", True),
        ("March 28, 2023", "2023-03-28", False),
        ("this year", "2025", False),
        ("the beginning of this year", "2025", False),
        ("last year", "2024", False),
        ("June last year", "2024-06", False),
        ("March this year", "2025-03", False),
    ],
)
def test_single_dates(text, iso, inferred):
    (date,) = resolve_all([date_spec(text)], PUB)
    assert (date.iso, date.year_inferred) == (iso, inferred)


@pytest.mark.parametrize(
    "texts, expected",
    [
        (["June 2018", "at that time"], ["2018-06", "2018-06"]),
        (["August 2020", "less than a year"], ["2020-08", "2021"]),
        (["2021", "The following year"], ["2021", "2022"]),
        (["February 2024", "July of the same year"], ["2024-02", "2024-07"]),
        (["May 7", "A week later", "May 12"], ["2025-05-07", "2025-05-14", "2025-05-12"]),
        (["2022", "July"], ["2022", "2022-07"]),
        (["September 2021", "two months earlier"], ["2021-09", "2021-07"]),
        (["November 2023", "A month later"], ["2023-11", "2023-12"]),
        (["December 2023", "three months later"], ["2023-12", "2024-03"]),
        (["2025", "at the end of April"], ["2025", "2025-04"]),
    ],
)
def test_relative_dates_follow_the_discourse(texts, expected):
    specs = [{"rel": "anchor"} if t == "at that time" else date_spec(t) for t in texts]
    assert [d.iso for d in resolve_all(specs, PUB)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Today",
        "monthly",
        "15 days",
        "the past few years",
        "less than a month",
        "the next 3-5 years",
        "the early days",
        "Nowadays",
    ],
)
def test_non_dates_are_not_dates(text):
    assert date_spec(text) is None


def test_never_invents_a_day_or_month():
    assert resolve_all([date_spec("A week later")], PUB) == [None]  # no anchor with a day
    assert resolve_all([date_spec("2020"), date_spec("A week later")], PUB)[1] is None
    assert resolve_all([date_spec("The following year")], None) == [None]
    assert resolve_all([date_spec("May 7")], None) == [None]


@pytest.mark.parametrize(
    "text, published, expected",
    [
        (
            "on Tuesday",
            PartialDate(2025, 11, 12),
            PartialDate(2025, 11, 11, year_inferred=True),
        ),  # published on a Wednesday
        ("Wednesday", PartialDate(2025, 11, 12), PartialDate(2025, 11, 12, year_inferred=True)),  # the same day
        ("last Friday", PartialDate(2026, 1, 5), PartialDate(2026, 1, 2, year_inferred=True)),  # across a year
        ("last month", PartialDate(2025, 1, 20), PartialDate(2024, 12, year_inferred=True)),
        ("next month", PartialDate(2025, 12), PartialDate(2026, 1, year_inferred=True)),
        # 'last July': the latest July before the month of publication
        ("last July", PartialDate(2026, 3, 4), PartialDate(2025, 7, year_inferred=True)),
        ("last July", PartialDate(2025, 11, 20), PartialDate(2025, 7, year_inferred=True)),
        ("last March", PartialDate(2026, 3, 4), PartialDate(2025, 3, year_inferred=True)),
        ("last July", PartialDate(2026), None),  # a published year gives no month to count back from
        ("on Tuesday", PartialDate(2025, 11), None),  # a published month gives no weekday
    ],
)
def test_weekdays_and_months_resolve_against_the_published_date(text, published, expected):
    assert resolve_all([date_spec(text)], published) == [expected]


@pytest.mark.parametrize(
    "tense, month, published, iso",
    [
        ("past", "September", PartialDate(2026, 1, 14), "2025-09"),  # 'raised money in September', told in January
        ("past", "January", PartialDate(2026, 3, 2), "2026-01"),
        ("future", "March", PartialDate(2026, 1, 14), "2026-03"),  # 'will step down in March'
        ("future", "January", PartialDate(2025, 11, 20), "2026-01"),  # 'takes effect in January', told in November
        (None, "June", PartialDate(2025, 8), "2025-06"),
    ],
)
def test_a_month_alone_is_the_one_the_tense_points_to(tense, month, published, iso):
    spec = date_spec(f"in {month}") | {"tense": tense}
    assert resolve_all([date_spec("2012"), spec], published, [0, 4])[1].iso == iso  # a year four sentences before


def test_a_month_alone_beside_a_year_is_that_years():
    assert resolve_all([date_spec("2012"), date_spec("in March")], PartialDate(2026, 1), [3, 3])[1].iso == "2012-03"


def test_a_year_of_a_noun_is_no_anchor():
    # ('the penalty, 1% of its sales in 2024, ends a probe opened in March', published November 2025)
    year = date_spec("2024") | {"of_noun": True}
    spec = date_spec("in March") | {"tense": "past"}
    assert resolve_all([year, spec], PartialDate(2025, 11, 18), [3, 3])[1].iso == "2025-03"


def test_a_future_month_beside_a_past_year_is_after_publication():
    # 'X, who co-founded Y in 2012, will step down at the end of March' (published January 2026)
    future = date_spec("the end of March") or date_spec("March")
    spec = future | {"tense": "future"}
    assert resolve_all([date_spec("2012"), spec], PartialDate(2026, 1, 14), [3, 3])[1].iso == "2026-03"


@pytest.mark.parametrize(
    "tense, day, published, iso",
    [
        # 'Chen, who joined Alibaba in 2012, will take over on June 1' (published in May 2026)
        ("future", "June 1", PartialDate(2026, 5, 12), "2026-06-01"),
        # 'takes the helm on January 5' told in November: the January after
        ("future", "January 5", PartialDate(2025, 11, 20), "2026-01-05"),
        # near miss: a past clause beside the year keeps that year ('joined on June 1, the day after its 2012 launch')
        ("past", "June 1", PartialDate(2026, 5, 12), "2012-06-01"),
        (None, "June 1", PartialDate(2026, 5, 12), "2012-06-01"),
    ],
)
def test_a_future_day_beside_a_past_year_is_after_publication(tense, day, published, iso):
    spec = date_spec(f"on {day}") | {"tense": tense}
    assert resolve_all([date_spec("2012"), spec], published, [3, 3])[1].iso == iso
