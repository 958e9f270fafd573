"""docs/extraction-coverage.md is the construction matrix, generated from the rule tests.

Each hand-built case of ``tests/test_extract_relations.py`` is a (relation, construction) cell that the
extractor passes; each near-miss negative is a sentence it must not read a relation from. Cells the
extractor does not support are listed with the reason. Regenerate the page after changing a case with
``KG_WRITE_DOCS=1 .venv/bin/python -m pytest tests/test_extraction_coverage.py``.
"""

from __future__ import annotations

import os
from collections import defaultdict
from pathlib import Path

from kg.schema import SCHEMA

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "extraction-coverage.md"

#: Constructions, in the matrix's column order: (name, what it covers, the rule-id endings that test it).
CONSTRUCTIONS = [
    ("verb", "active, passive with 'by', fronted participle, relative clause, future and decided plan", (".verb",)),
    (
        "coordination",
        "coordinated subjects or objects ('X and Y teamed up'), groups ('two rival apps, A and B', 'a three-way "
        "fight with A and B')",
        (".coordinated", "join_forces", ".rival_group", ".multiway"),
    ),
    (
        "relational noun",
        "appositive title, possessive title, copular, 'one of', 'including' lists ('X, chief executive of Y')",
        (".noun",),
    ),
    ("title before name", "'Y co-founder and chairman X', 'Y's CEO X'", (".title",)),
    ("hyphen", "hyphenated compound ('Tencent-backed', 'Alibaba-owned')", (".hyphen",)),
    ("possessive", "'Y's X' between two names", (".possessive",)),
    (
        "nominalisation",
        "'the acquisition of X by Y', 'an investigation into X'",
        (".nominal", ".clause_subject", ".between"),
    ),
    (
        "light verb / stake",
        "'took a 5% stake in', 'paid … for a stake in', 'led the round', 'reached a cooperation'",
        (".stake", ".controlling_stake", ".lead_round", ".reach", ".open_to"),
    ),
    ("ticker", "'X (NYSE: ABC)'", (".ticker",)),
    ("reference", "'the company', 'its', 'the two sides', 'all three'", ("+coref",)),
    (
        "implicit organization",
        "a title or succession whose organization was named before, or the article's main one",
        (".implicit", ".salient", ".succession", ".clause"),
    ),
    (
        "other",
        "rule-specific forms ('sold X to Y', 'formed X with Y', 'launched on Y', 'handed the role to', 'took share "
        "from Y', 'fought Y for riders')",
        (".sold_to", ".form_with", ".launched_on", ".handover", ".part_of", ".join", ".gain_from", ".fight"),
    ),
]

#: Cells that are not supported, with the reason.
NOT_SUPPORTED = {
    ("published", "relational noun"): "no relational noun states publishing",
    ("participant_in", "title before name"): "titles state leading and founding only",
    ("succeeded", "ticker"): "tickers state listings only",
}


def _relation_cases():
    import importlib.util

    spec = importlib.util.spec_from_file_location("rule_cases", ROOT / "tests" / "test_extract_relations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.CASES, module.NEGATIVES


#: The order in which rule ids are matched to constructions: the most specific first ('+coref' before '.verb').
_MATCH_ORDER = [
    "reference",
    "coordination",
    "implicit organization",
    "ticker",
    "title before name",
    "hyphen",
    "possessive",
    "light verb / stake",
    "nominalisation",
    "other",
    "relational noun",
    "verb",
]
#: Known limits inside supported cells, for the page.
LIMITS = [
    "competition idioms ('keep pace with', 'hold on to share as Y moves in') and rivalry left to inference "
    "are not read",
    "a unit named through a non-entity ('Alibaba's international group, which oversees A and B') "
    "is not linked to the group",
    "colon lists ('its three brands: A, B and C') are not read",
]


def _construction(rule: str) -> str:
    endings = {name: ends for name, _, ends in CONSTRUCTIONS}
    return next((name for name in _MATCH_ORDER if any(e in rule for e in endings[name])), "other")


def render() -> str:
    cases, negatives = _relation_cases()
    cells: dict[tuple[str, str], list[str]] = defaultdict(list)
    for text, (_, predicate, _), _, rule in cases:
        cells[(predicate, _construction(rule))].append(text)
    names = [c[0] for c in CONSTRUCTIONS]
    lines = [
        "# Extraction coverage: the construction matrix",
        "",
        "Generated from `tests/test_extract_relations.py` by `tests/test_extraction_coverage.py` (regenerate with",
        "`KG_WRITE_DOCS=1 .venv/bin/python -m pytest tests/test_extraction_coverage.py`); every number is a count of",
        "hand-built sentences, about companies of the field, that the extractor reads right in that construction",
        "(they run as tests on the real pipeline). A dash is a cell without a test; "
        "a cell marked n/s is not supported,",
        "for the reason given below. Blind figures: the README's extraction section.",
        "",
        "| relation | " + " | ".join(names) + " |",
        "|---|" + "---|" * len(names),
    ]
    for predicate, relation in SCHEMA.items():
        if relation.stored_as_inverse:
            continue  # 'A owns B' is stored, and tested, as 'B part_of A'
        row = []
        for name in names:
            n = len(cells.get((predicate, name), []))
            row.append(str(n) if n else ("n/s" if (predicate, name) in NOT_SUPPORTED else "–"))
        lines.append(f"| `{predicate}` | " + " | ".join(row) + " |")
    lines += ["", "## Constructions", ""]
    lines += [f"- **{name}**: {what}." for name, what, _ in CONSTRUCTIONS]
    lines += [
        "",
        "`owns` is stored as its inverse `part_of` (one fact, one triple): its constructions are counted there.",
        "",
        "## Not supported, and known limits",
        "",
    ]
    lines += [f"- `{p}` × {c}: {why}." for (p, c), why in NOT_SUPPORTED.items()]
    lines += [f"- {limit}." for limit in LIMITS]
    lines += ["", f"## Near misses ({len(negatives)} sentences from which no relation may be read)", ""]
    lines += [f"- {text}" for text in negatives]
    return "\n".join(lines) + "\n"


def test_the_matrix_page_is_generated_from_the_tests():
    page = render()
    if os.environ.get("KG_WRITE_DOCS"):
        PAGE.write_text(page, encoding="utf-8")
    assert PAGE.read_text(encoding="utf-8") == page, (
        "docs/extraction-coverage.md is out of date; regenerate it with "
        "KG_WRITE_DOCS=1 .venv/bin/python -m pytest tests/test_extraction_coverage.py"
    )


def test_every_relation_has_a_tested_construction():
    cases, _ = _relation_cases()
    tested = {triple[1] for _, triple, _, _ in cases}
    stored = {name for name, relation in SCHEMA.items() if not relation.stored_as_inverse}
    assert stored - tested <= {p for p, _ in NOT_SUPPORTED}, stored - tested


def test_not_supported_cells_are_untested():
    cases, _ = _relation_cases()
    cells = {(triple[1], _construction(rule)) for _, triple, _, rule in cases}
    assert not cells & set(NOT_SUPPORTED)
