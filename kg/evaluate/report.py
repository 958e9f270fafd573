"""The scores of a run over many annotated articles: totals, per relation type, per rule; as a table or JSON."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import AnnotationError
from kg.evaluate.annotations import annotation_files, load_annotations
from kg.evaluate.scoring import SCORE_NAMES, DocumentScore, Score, score_extraction
from kg.settings import Settings


@dataclass
class Report:
    documents: list[DocumentScore] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def scores(self) -> dict[str, Score]:
        return _sum((d.scores for d in self.documents), SCORE_NAMES)

    @property
    def per_relation(self) -> dict[str, Score]:
        return dict(sorted(_sum(d.per_relation for d in self.documents).items()))

    @property
    def per_rule(self) -> dict[str, tuple[int, int]]:
        """Rule id → (true, predicted), over every document."""
        total: Counter = Counter()
        for d in self.documents:
            for rule, (true, predicted) in d.per_rule.items():
                total[(rule, 0)] += true
                total[(rule, 1)] += predicted
        return {rule: (total[(rule, 0)], total[(rule, 1)]) for rule in sorted({r for r, _ in total})}

    def to_table(self) -> str:
        """Markdown: overall scores, per relation type, then per-rule precision."""
        head = ["| | precision | recall | F1 | tp | fp | fn |", "|---|---:|---:|---:|---:|---:|---:|"]

        def row(name: str, s: Score) -> str:
            return f"| {name} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} | {s.tp} | {s.fp} | {s.fn} |"

        lines = [f"Evaluated {len(self.documents)} annotated article(s).", "", *head]
        lines += [row(n, s) for n, s in self.scores.items()]
        lines += ["", "Relations by type:", "", *head, *(row(p, s) for p, s in self.per_relation.items())]
        if self.per_rule:
            lines += [
                "",
                "Rules (for calibration):",
                "",
                "| rule | true | predicted | precision |",
                "|---|---:|---:|---:|",
            ]
            lines += [f"| {r} | {t} | {n} | {t / n if n else 0.0:.3f} |" for r, (t, n) in self.per_rule.items()]
        if self.warnings:
            lines += ["", "Warnings:", *(f"- {w}" for w in self.warnings)]
        return "\n".join(lines)

    def to_json(self) -> dict:
        return {
            "scores": {n: s.to_json() for n, s in self.scores.items()},
            "per_relation": {p: s.to_json() for p, s in self.per_relation.items()},
            "per_rule": {r: {"true": t, "predicted": n} for r, (t, n) in self.per_rule.items()},
            "documents": [
                {
                    "annotation": d.annotation,
                    "document": d.document,
                    "scores": {n: s.to_json() for n, s in d.scores.items()},
                    "mistakes": {k: sorted(v) for k, v in sorted(d.mistakes.items())},
                }
                for d in self.documents
            ],
            "warnings": list(self.warnings),
        }


def _sum(score_dicts: Iterable[dict[str, Score]], names: Iterable[str] = ()) -> dict[str, Score]:
    total: dict[str, Score] = {n: Score() for n in names}
    for scores in score_dicts:
        for name, s in scores.items():
            total.setdefault(name, Score())
            total[name] += s
    return total


def evaluate(annotation_paths: Iterable[str | Path], settings: Settings | None = None, nlp: Any = None) -> Report:
    """Extract every annotated article and score it. Directories stand for the *.yaml files in them."""
    from kg.corpus import read_document
    from kg.extract import extract_document

    settings = settings or Settings.load()
    annotations = [load_annotations(p, settings) for p in annotation_files(annotation_paths)]
    if not annotations:
        raise AnnotationError(
            "(no files)", "no annotation files were given", "pass annotation YAML files or a directory of them"
        )
    if nlp is None:
        from kg.nlp import load_pipeline

        nlp = load_pipeline(settings)
    report = Report()
    for ann in annotations:
        report.warnings.extend(ann.warnings)
        report.documents.append(score_extraction(ann, extract_document(read_document(ann.document), nlp)))
    return report
