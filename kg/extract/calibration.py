"""Per-rule confidence: each rule's measured precision on annotated articles.

``kg/extract/rule_precision.yaml`` holds, per rule id, its precision with the counts it was measured
on (``correct`` of ``n`` predictions), and the ``prior``: the pooled precision of all measured rules
(total correct / total predicted). Rules never measured get the prior and are listed under ``priors``.
A rule's confidence is its precision shrunk towards the prior by :data:`PRIOR_WEIGHT` pseudo-counts,
``(correct + PRIOR_WEIGHT * prior) / (n + PRIOR_WEIGHT)``, so that a rule right once out of once is
not reported as certain. ``kg eval --calibrate`` writes a table of its own measurements through
:func:`write_rule_precision` to the file the setting ``rule_precision`` names, which extraction then reads
instead (while that file does not exist yet, the shipped table).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import yaml

from kg.errors import KGError
from kg.extract.learned import measured_precision
from kg.settings import Settings

RULE_PRECISION_FILE = Path(__file__).with_name("rule_precision.yaml")
#: Prior precision when nothing was measured at all.
DEFAULT_PRIOR = 0.7
#: Pseudo-counts of the prior in each rule's confidence.
PRIOR_WEIGHT = 3


def write_rule_precision(per_rule: dict[str, tuple[int, int]], path: Path | str) -> dict:
    """Write precision = correct / total per rule (``per_rule``: rule id -> (correct, total)); the
    extractor's other rules are listed as priors."""
    from kg.extract.relations import rule_ids

    # the learned classifier's precision was measured out of sample when it was trained; on the articles it
    # was trained on it would be flattered
    measured = {
        r: {"precision": round(c / n, 3), "correct": c, "n": n}
        for r, (c, n) in sorted(per_rule.items())
        if n > 0 and r not in measured_precision()
    }
    total = sum(m["n"] for m in measured.values())
    prior = round(sum(m["correct"] for m in measured.values()) / total, 3) if total else DEFAULT_PRIOR
    data = {
        "about": "Per-rule precision measured on annotated articles (correct of n predictions). `prior` is the pooled "
        "precision of all measured rules; rules listed in `priors` were never measured and use it. "
        f"Confidence = (correct + {PRIOR_WEIGHT} * prior) / (n + {PRIOR_WEIGHT}). Written by `kg eval --calibrate`.",
        "prior": prior,
        "rules": measured,
        "priors": sorted(set(rule_ids()) - set(measured)),
    }
    Path(path).write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return data


@lru_cache(maxsize=8)
def _table(path: str, mtime: float) -> tuple[dict[str, tuple[float, int]], float]:
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        rules = {k: (float(v["precision"]) * int(v["n"]), int(v["n"])) for k, v in (data.get("rules") or {}).items()}
        return rules, float(data.get("prior", DEFAULT_PRIOR))
    except (yaml.YAMLError, KeyError, TypeError, ValueError, AttributeError):
        raise KGError(f"{path}: malformed rule-precision file; regenerate it with `kg eval --calibrate`") from None


def rule_precision_file(settings: Settings | None = None) -> Path:
    """The table in use: the file the setting ``rule_precision`` names once it exists, else the shipped one."""
    chosen = (settings or Settings.load()).rule_precision
    return Path(chosen) if chosen and Path(chosen).exists() else RULE_PRECISION_FILE


def rule_confidences(path: Path | str | None = None) -> Callable[[str], float]:
    """:func:`confidence` of any rule, from the file as it is now (read once, not once per rule); ``path``:
    :func:`rule_precision_file` unless given."""
    p = rule_precision_file() if path is None else Path(path)
    if not p.exists():
        return lambda rule: DEFAULT_PRIOR
    rules, prior = _table(str(p), p.stat().st_mtime)
    learned_rules = measured_precision()  # the classifier's, measured out of sample when it was trained

    def confidence_of(rule: str) -> float:
        correct, n = rules.get(rule) or learned_rules.get(rule, (0, 0))
        return round((correct + PRIOR_WEIGHT * prior) / (n + PRIOR_WEIGHT), 3)

    return confidence_of


def confidence(rule: str, path: Path | str | None = None) -> float:
    """The confidence of ``rule``: its measured precision shrunk towards the prior (the prior if unmeasured)."""
    return rule_confidences(path)(rule)
