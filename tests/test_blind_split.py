"""The blind evaluation sets stay as split: dev and test by a hash of the file name, every article annotated."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

BLIND = Path(__file__).resolve().parent / "data" / "blind"
BLIND2 = Path(__file__).resolve().parent / "data" / "blind2"
BLIND3 = Path(__file__).resolve().parent / "data" / "blind3"
BLIND4 = Path(__file__).resolve().parent / "data" / "blind4"
BLIND5 = Path(__file__).resolve().parent / "data" / "blind5"
BLIND6 = Path(__file__).resolve().parent / "data" / "blind6"
BLIND7 = Path(__file__).resolve().parent / "data" / "blind7"
BLIND9 = Path(__file__).resolve().parent / "data" / "blind9"
BLIND10 = Path(__file__).resolve().parent / "data" / "blind10"
BLIND11 = Path(__file__).resolve().parent / "data" / "blind11"
BLIND12 = Path(__file__).resolve().parent / "data" / "blind12"
BLIND13 = Path(__file__).resolve().parent / "data" / "blind13"
BLIND14 = Path(__file__).resolve().parent / "data" / "blind14"
BLIND15 = Path(__file__).resolve().parent / "data" / "blind15"
BLIND16 = Path(__file__).resolve().parent / "data" / "blind16"
BLIND17 = Path(__file__).resolve().parent / "data" / "blind17"
BLIND18 = Path(__file__).resolve().parent / "data" / "blind18"
BLIND19 = Path(__file__).resolve().parent / "data" / "blind19"
BLIND20 = Path(__file__).resolve().parent / "data" / "blind20"
BLIND21 = Path(__file__).resolve().parent / "data" / "blind21"
BLIND22 = Path(__file__).resolve().parent / "data" / "blind22"
BLIND23 = Path(__file__).resolve().parent / "data" / "blind23"
BLIND24 = Path(__file__).resolve().parent / "data" / "blind24"
BLIND25 = Path(__file__).resolve().parent / "data" / "blind25"
BLIND26 = Path(__file__).resolve().parent / "data" / "blind26"
BLIND27 = Path(__file__).resolve().parent / "data" / "blind27"
BLIND28 = Path(__file__).resolve().parent / "data" / "blind28"
BLIND29 = Path(__file__).resolve().parent / "data" / "blind29"
BLIND30 = Path(__file__).resolve().parent / "data" / "blind30"
BLIND31 = Path(__file__).resolve().parent / "data" / "blind31"
BLIND32 = Path(__file__).resolve().parent / "data" / "blind32"
BLIND33 = Path(__file__).resolve().parent / "data" / "blind33"
BLIND34 = Path(__file__).resolve().parent / "data" / "blind34"
BLIND35 = Path(__file__).resolve().parent / "data" / "blind35"
BLIND36 = Path(__file__).resolve().parent / "data" / "blind36"
BLIND37 = Path(__file__).resolve().parent / "data" / "blind37"
BLIND38 = Path(__file__).resolve().parent / "data" / "blind38"
BLIND39 = Path(__file__).resolve().parent / "data" / "blind39"
BLIND40 = Path(__file__).resolve().parent / "data" / "blind40"
BLIND41 = Path(__file__).resolve().parent / "data" / "blind41"
BLIND42 = Path(__file__).resolve().parent / "data" / "blind42"
BLIND43 = Path(__file__).resolve().parent / "data" / "blind43"
BLIND44 = Path(__file__).resolve().parent / "data" / "blind44"
BLIND45 = Path(__file__).resolve().parent / "data" / "blind45"
BLIND46 = Path(__file__).resolve().parent / "data" / "blind46"
BLIND47 = Path(__file__).resolve().parent / "data" / "blind47"
BLIND48 = Path(__file__).resolve().parent / "data" / "blind48"
BLIND49 = Path(__file__).resolve().parent / "data" / "blind49"
BLIND50 = Path(__file__).resolve().parent / "data" / "blind50"
BLIND51 = Path(__file__).resolve().parent / "data" / "blind51"


def _half(stem: str) -> str:
    return "dev" if int(hashlib.sha256(stem.encode()).hexdigest(), 16) % 2 == 0 else "test"


@pytest.mark.parametrize(
    "article",
    sorted(
        [
            *BLIND.glob("*/*.md"),
            *BLIND6.glob("*/*.md"),
            *BLIND7.glob("*/*.md"),
            *BLIND9.glob("*/*.md"),
            *BLIND10.glob("*/*.md"),
            *BLIND11.glob("*/*.md"),
            *BLIND12.glob("*/*.md"),
            *BLIND13.glob("*/*.md"),
            *BLIND14.glob("*/*.md"),
            *BLIND15.glob("*/*.md"),
            *BLIND16.glob("*/*.md"),
            *BLIND17.glob("*/*.md"),
            *BLIND18.glob("*/*.md"),
            *BLIND19.glob("*/*.md"),
            *BLIND20.glob("*/*.md"),
            *BLIND21.glob("*/*.md"),
            *BLIND22.glob("*/*.md"),
            *BLIND23.glob("*/*.md"),
            *BLIND24.glob("*/*.md"),
            *BLIND25.glob("*/*.md"),
            *BLIND26.glob("*/*.md"),
            *BLIND27.glob("*/*.md"),
            *BLIND28.glob("*/*.md"),
            *BLIND29.glob("*/*.md"),
            *BLIND30.glob("*/*.md"),
            *BLIND31.glob("*/*.md"),
            *BLIND32.glob("*/*.md"),
            *BLIND33.glob("*/*.md"),
            *BLIND34.glob("*/*.md"),
            *BLIND35.glob("*/*.md"),
            *BLIND36.glob("*/*.md"),
            *BLIND37.glob("*/*.md"),
            *BLIND38.glob("*/*.md"),
            *BLIND39.glob("*/*.md"),
            *BLIND40.glob("*/*.md"),
            *BLIND41.glob("*/*.md"),
            *BLIND42.glob("*/*.md"),
            *BLIND43.glob("*/*.md"),
            *BLIND44.glob("*/*.md"),
            *BLIND45.glob("*/*.md"),
            *BLIND46.glob("*/*.md"),
            *BLIND47.glob("*/*.md"),
            *BLIND48.glob("*/*.md"),
            *BLIND49.glob("*/*.md"),
            *BLIND50.glob("*/*.md"),
            *BLIND51.glob("*/*.md"),
        ]
    ),
    ids=lambda p: p.stem,
)
def test_each_article_is_in_the_half_its_name_hashes_to(article):
    assert article.parent.name == _half(article.stem)
    assert article.with_suffix(".yaml").exists()


def test_sizes():
    assert len(list(BLIND.glob("dev/*.md"))) == 16 and len(list(BLIND.glob("test/*.md"))) == 24
    assert len(list(BLIND2.glob("*.md"))) == len(list(BLIND2.glob("*.yaml"))) == 24
    assert len(list(BLIND3.glob("*.md"))) == len(list(BLIND3.glob("*.yaml"))) == 24
    assert len(list(BLIND4.glob("*.md"))) == len(list(BLIND4.glob("*.yaml"))) == 24
    assert len(list(BLIND5.glob("*.md"))) == len(list(BLIND5.glob("*.yaml"))) == 24
    assert len(list(BLIND6.glob("dev/*.md"))) == 20 and len(list(BLIND6.glob("test/*.md"))) == 28
    assert len(list(BLIND7.glob("dev/*.md"))) == 18 and len(list(BLIND7.glob("test/*.md"))) == 12
    assert len(list(BLIND9.glob("dev/*.md"))) == 6 and len(list(BLIND9.glob("test/*.md"))) == 8
    assert len(list(BLIND10.glob("dev/*.md"))) == 16 and len(list(BLIND10.glob("test/*.md"))) == 7
    assert len(list(BLIND11.glob("dev/*.md"))) == 6 and len(list(BLIND11.glob("test/*.md"))) == 6
    assert len(list(BLIND12.glob("dev/*.md"))) == 10 and len(list(BLIND12.glob("test/*.md"))) == 10
    assert len(list(BLIND13.glob("dev/*.md"))) == 8 and len(list(BLIND13.glob("test/*.md"))) == 8
    assert len(list(BLIND14.glob("dev/*.md"))) == 6 and len(list(BLIND14.glob("test/*.md"))) == 10
    assert not list(BLIND15.glob("dev/*.md")) and len(list(BLIND15.glob("test/*.md"))) == 4
    assert len(list(BLIND16.glob("dev/*.md"))) == 6 and len(list(BLIND16.glob("test/*.md"))) == 14
    assert len(list(BLIND17.glob("dev/*.md"))) == 3 and len(list(BLIND17.glob("test/*.md"))) == 5
    assert len(list(BLIND18.glob("dev/*.md"))) == 9 and len(list(BLIND18.glob("test/*.md"))) == 6
    assert len(list(BLIND19.glob("dev/*.md"))) == 6 and len(list(BLIND19.glob("test/*.md"))) == 6
    assert len(list(BLIND20.glob("dev/*.md"))) == 5 and len(list(BLIND20.glob("test/*.md"))) == 5
    assert len(list(BLIND21.glob("dev/*.md"))) == 5 and len(list(BLIND21.glob("test/*.md"))) == 9
    assert len(list(BLIND22.glob("dev/*.md"))) == 6 and len(list(BLIND22.glob("test/*.md"))) == 6
    assert len(list(BLIND23.glob("dev/*.md"))) == 3 and len(list(BLIND23.glob("test/*.md"))) == 9
    assert len(list(BLIND24.glob("dev/*.md"))) == 6 and len(list(BLIND24.glob("test/*.md"))) == 6
    assert len(list(BLIND25.glob("dev/*.md"))) == 7 and len(list(BLIND25.glob("test/*.md"))) == 5
    assert len(list(BLIND26.glob("dev/*.md"))) == 5 and len(list(BLIND26.glob("test/*.md"))) == 7
    assert len(list(BLIND27.glob("dev/*.md"))) == 6 and len(list(BLIND27.glob("test/*.md"))) == 6
    assert len(list(BLIND28.glob("dev/*.md"))) == 6 and len(list(BLIND28.glob("test/*.md"))) == 6
    assert len(list(BLIND29.glob("dev/*.md"))) == 4 and len(list(BLIND29.glob("test/*.md"))) == 8
    assert len(list(BLIND30.glob("dev/*.md"))) == 6 and len(list(BLIND30.glob("test/*.md"))) == 6
    assert len(list(BLIND31.glob("dev/*.md"))) == 5 and len(list(BLIND31.glob("test/*.md"))) == 7
    assert len(list(BLIND32.glob("dev/*.md"))) == 8 and len(list(BLIND32.glob("test/*.md"))) == 4
    assert len(list(BLIND33.glob("dev/*.md"))) == 7 and len(list(BLIND33.glob("test/*.md"))) == 5
    assert len(list(BLIND34.glob("dev/*.md"))) == 6 and len(list(BLIND34.glob("test/*.md"))) == 6
    assert len(list(BLIND35.glob("dev/*.md"))) == 8 and len(list(BLIND35.glob("test/*.md"))) == 4
    assert len(list(BLIND36.glob("dev/*.md"))) == 4 and len(list(BLIND36.glob("test/*.md"))) == 8
    assert len(list(BLIND37.glob("dev/*.md"))) == 4 and len(list(BLIND37.glob("test/*.md"))) == 8
    assert len(list(BLIND38.glob("dev/*.md"))) == 5 and len(list(BLIND38.glob("test/*.md"))) == 7
    assert len(list(BLIND39.glob("dev/*.md"))) == 5 and len(list(BLIND39.glob("test/*.md"))) == 7
    assert len(list(BLIND40.glob("dev/*.md"))) == 6 and len(list(BLIND40.glob("test/*.md"))) == 6
    assert len(list(BLIND41.glob("dev/*.md"))) == 4 and len(list(BLIND41.glob("test/*.md"))) == 8
    assert len(list(BLIND42.glob("dev/*.md"))) == 9 and len(list(BLIND42.glob("test/*.md"))) == 3
    assert len(list(BLIND43.glob("dev/*.md"))) == 8 and len(list(BLIND43.glob("test/*.md"))) == 4
    assert len(list(BLIND44.glob("dev/*.md"))) == 9 and len(list(BLIND44.glob("test/*.md"))) == 3
    assert len(list(BLIND45.glob("dev/*.md"))) == 5 and len(list(BLIND45.glob("test/*.md"))) == 7
    assert len(list(BLIND46.glob("dev/*.md"))) == 7 and len(list(BLIND46.glob("test/*.md"))) == 5
    assert len(list(BLIND47.glob("dev/*.md"))) == 7 and len(list(BLIND47.glob("test/*.md"))) == 5
    assert len(list(BLIND48.glob("dev/*.md"))) == 4 and len(list(BLIND48.glob("test/*.md"))) == 8
    assert len(list(BLIND49.glob("dev/*.md"))) == 11 and len(list(BLIND49.glob("test/*.md"))) == 1
    assert len(list(BLIND50.glob("dev/*.md"))) == 8 and len(list(BLIND50.glob("test/*.md"))) == 4
    assert len(list(BLIND51.glob("dev/*.md"))) == 5 and len(list(BLIND51.glob("test/*.md"))) == 7


@pytest.mark.parametrize(
    "annotation",
    sorted(
        [
            *BLIND.glob("*/*.yaml"),
            *BLIND2.glob("*.yaml"),
            *BLIND3.glob("*.yaml"),
            *BLIND4.glob("*.yaml"),
            *BLIND5.glob("*.yaml"),
            *BLIND6.glob("*/*.yaml"),
            *BLIND7.glob("*/*.yaml"),
            *BLIND9.glob("*/*.yaml"),
            *BLIND10.glob("*/*.yaml"),
            *BLIND11.glob("*/*.yaml"),
            *BLIND12.glob("*/*.yaml"),
            *BLIND13.glob("*/*.yaml"),
            *BLIND14.glob("*/*.yaml"),
            *BLIND15.glob("*/*.yaml"),
            *BLIND16.glob("*/*.yaml"),
            *BLIND17.glob("*/*.yaml"),
            *BLIND18.glob("*/*.yaml"),
            *BLIND19.glob("*/*.yaml"),
            *BLIND20.glob("*/*.yaml"),
            *BLIND21.glob("*/*.yaml"),
            *BLIND22.glob("*/*.yaml"),
            *BLIND23.glob("*/*.yaml"),
            *BLIND24.glob("*/*.yaml"),
            *BLIND25.glob("*/*.yaml"),
            *BLIND26.glob("*/*.yaml"),
            *BLIND27.glob("*/*.yaml"),
            *BLIND28.glob("*/*.yaml"),
            *BLIND29.glob("*/*.yaml"),
            *BLIND30.glob("*/*.yaml"),
            *BLIND31.glob("*/*.yaml"),
            *BLIND32.glob("*/*.yaml"),
            *BLIND33.glob("*/*.yaml"),
            *BLIND34.glob("*/*.yaml"),
            *BLIND35.glob("*/*.yaml"),
            *BLIND36.glob("*/*.yaml"),
            *BLIND37.glob("*/*.yaml"),
            *BLIND38.glob("*/*.yaml"),
            *BLIND39.glob("*/*.yaml"),
            *BLIND40.glob("*/*.yaml"),
            *BLIND41.glob("*/*.yaml"),
            *BLIND42.glob("*/*.yaml"),
            *BLIND43.glob("*/*.yaml"),
            *BLIND44.glob("*/*.yaml"),
            *BLIND45.glob("*/*.yaml"),
            *BLIND46.glob("*/*.yaml"),
            *BLIND47.glob("*/*.yaml"),
            *BLIND48.glob("*/*.yaml"),
            *BLIND49.glob("*/*.yaml"),
            *BLIND50.glob("*/*.yaml"),
            *BLIND51.glob("*/*.yaml"),
        ]
    ),
    ids=lambda p: p.stem,
)
def test_every_annotation_loads(annotation):
    from kg.evaluate import load_annotations

    assert load_annotations(annotation)
