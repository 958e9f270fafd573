"""Rule confidences come from measured precision (the shipped table, or the file KG_RULE_PRECISION names)."""

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


@pytest.mark.parametrize("written", [True, False])
def test_the_setting_names_the_table_in_use_once_it_exists(tmp_path, monkeypatch, written):
    from kg.extract.calibration import rule_precision_file

    path = tmp_path / "mine.yaml"
    monkeypatch.setenv("KG_RULE_PRECISION", str(path))
    if written:
        write_rule_precision({"launch.verb": (0, 50)}, path)
    assert rule_precision_file() == (path if written else RULE_PRECISION_FILE)
    assert (confidence("launch.verb") < 0.3) == written  # 0 right of 50 measured here; the shipped table is high


@pytest.mark.parametrize("where", ["argument", "setting"])
def test_calibrate_writes_where_it_is_told_never_into_the_package(tmp_path, monkeypatch, where):
    from kg.evaluate import Report, calibrate
    from kg.settings import Settings

    before = RULE_PRECISION_FILE.read_bytes()
    report = Report()
    target = tmp_path / "rp.yaml"
    settings = Settings.load(rule_precision=str(target) if where == "setting" else "")
    written = calibrate(report, target if where == "argument" else None, settings)
    assert written == target and yaml.safe_load(target.read_text(encoding="utf-8"))["rules"] == {}
    assert RULE_PRECISION_FILE.read_bytes() == before


def test_calibrate_without_a_file_says_how_to_name_one(monkeypatch):
    from kg.errors import SettingError
    from kg.evaluate import Report, calibrate

    monkeypatch.delenv("KG_RULE_PRECISION", raising=False)
    with pytest.raises(SettingError, match="KG_RULE_PRECISION"):
        calibrate(Report())
