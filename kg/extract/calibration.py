"""Per-rule confidence: each rule's measured precision on annotated articles.

``kg/extract/rule_precision.yaml`` maps rule id -> precision with the count it was measured on.
Rules without a measurement get the prior (the median precision of the measured rules) and are
listed under ``priors``. ``kg eval --calibrate`` rewrites the file through :func:`write_rule_precision`.
"""

from __future__ import annotations

import statistics
from functools import lru_cache
from pathlib import Path

import yaml

from kg.errors import KGError

RULE_PRECISION_FILE = Path(__file__).with_name("rule_precision.yaml")
#: Prior precision when nothing was measured at all (documented in the YAML file).
DEFAULT_PRIOR = 0.7


def write_rule_precision(per_rule: dict[str, tuple[int, int]], path: Path | str = RULE_PRECISION_FILE,
                         known_rules: list[str] | tuple[str, ...] = ()) -> dict:
    """Write precision = correct / total per rule; ``known_rules`` unmeasured get the median as prior."""
    measured = {r: {"precision": round(c / n, 3), "n": n} for r, (c, n) in sorted(per_rule.items()) if n > 0}
    prior = round(statistics.median(m["precision"] for m in measured.values()), 3) if measured else DEFAULT_PRIOR
    priors = sorted(set(known_rules) - set(measured))
    data = {
        "about": "Per-rule precision measured on annotated articles (correct/total = precision, n = total). "
                 "Rules without a measurement use `prior` (median of the measured rules); they are listed in `priors`.",
        "prior": prior,
        "rules": measured,
        "priors": priors,
    }
    Path(path).write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return data


@lru_cache(maxsize=8)
def _table(path: str, mtime: float) -> tuple[dict[str, float], float]:
    p = Path(path)
    try:
        data = yaml.safe_load(p.read_text(encoding="utf-8")) or {}
        rules = {k: float(v["precision"]) for k, v in (data.get("rules") or {}).items()}
        return rules, float(data.get("prior", DEFAULT_PRIOR))
    except (yaml.YAMLError, KeyError, TypeError, ValueError, AttributeError):
        raise KGError(f"{p}: malformed rule-precision file; regenerate it with `kg eval --calibrate`") from None


def confidence(rule: str, path: Path | str = RULE_PRECISION_FILE) -> float:
    """The measured precision of ``rule``, or the prior when it was not measured."""
    p = Path(path)
    if not p.exists():
        return DEFAULT_PRIOR
    rules, prior = _table(str(p), p.stat().st_mtime)
    return rules.get(rule, prior)
