"""Rule confidences come from measured precision (kg/extract/rule_precision.yaml)."""

from __future__ import annotations

import pytest
import yaml

from kg.errors import KGError
from kg.extract.calibration import PRIOR_WEIGHT, RULE_PRECISION_FILE, confidence, write_rule_precision
from kg.extract.relations import rule_ids


def test_write_and_read(tmp_path):
    path = tmp_path / "rp.yaml"
    data = write_rule_precision({"launch.verb": (9, 10), "partner.noun": (1, 2), "unused": (0, 0)}, path)
    assert data["prior"] == round(10 / 12, 3)
    assert data["rules"]["launch.verb"] == {"precision": 0.9, "correct": 9, "n": 10}
    assert "unused" not in data["rules"] and "partner.verb" in data["priors"] and "launch.verb" not in data["priors"]
    prior = data["prior"]
    assert confidence("launch.verb", path) == round((9 + PRIOR_WEIGHT * prior) / (10 + PRIOR_WEIGHT), 3)
    assert confidence("partner.verb", path) == round(prior, 3)
    assert confidence("partner.noun", path) < confidence("launch.verb", path)


def test_shipped_file_covers_the_rules():
    data = yaml.safe_load(RULE_PRECISION_FILE.read_text(encoding="utf-8"))
    assert set(data["rules"]) | set(data["priors"]) >= set(rule_ids()) - {r for r in rule_ids() if r.endswith("+coref")}
    assert all(0 <= v["precision"] <= 1 and v["n"] > 0 for v in data["rules"].values())
    assert 0 < data["prior"] <= 1


def test_malformed_file(tmp_path):
    path = tmp_path / "rp.yaml"
    path.write_text("rules: {a: 3}\n", encoding="utf-8")
    with pytest.raises(KGError, match="kg eval --calibrate"):
        confidence("a", path)


def test_missing_file_uses_default(tmp_path):
    assert 0 < confidence("x", tmp_path / "none.yaml") < 1
