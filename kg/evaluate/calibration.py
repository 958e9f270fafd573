"""``kg eval --calibrate``: each rule's measured precision, written where the extractor reads its confidences.

That is the file the setting ``rule_precision`` names (env ``KG_RULE_PRECISION``), never the table shipped
inside the installed package (read-only in a normal install, and shared by every user of it).
"""

from __future__ import annotations

from pathlib import Path

from kg.errors import SettingError
from kg.evaluate.report import Report
from kg.settings import Settings


def calibrate(report: Report, path: str | Path | None = None, settings: Settings | None = None) -> Path:
    """Write each rule's measured (true, predicted) counts for the extractor to use as its confidence, to
    ``path`` or else the setting ``rule_precision``; the file written."""
    from kg.extract.calibration import write_rule_precision

    if path is None:
        path = (settings or Settings.load()).rule_precision
        if not path:
            raise SettingError(
                "kg eval --calibrate needs a file to write the measured rule precision to; set rule_precision "
                "(e.g. KG_RULE_PRECISION=data/rule_precision.yaml): builds then take their confidences from it"
            )
    write_rule_precision(report.per_rule, Path(path))
    return Path(path)
