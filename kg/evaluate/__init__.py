"""Score extraction against hand-annotated articles (format and scoring rules: docs/evaluation.md).

An annotation file names one article (``document:``) and lists what a careful reader finds stated in it:
entities, relations, events and quantities (:mod:`kg.evaluate.annotations` reads and checks it).
:func:`evaluate` extracts each article and compares (:mod:`kg.evaluate.report`); :func:`score_extraction`
compares one :class:`kg.model.Extraction` with one :class:`Annotation` (:mod:`kg.evaluate.scoring`, no model
needed). Names are compared after :func:`kg.iri.normalise_name`; a predicted entity stands for the gold
entity whose name or alias equals its label or one of its aliases. :func:`calibrate`
(:mod:`kg.evaluate.calibration`) writes the measured rule precision where the extractor reads it.
"""

from kg.evaluate.annotations import (
    Annotation,
    GoldEntity,
    GoldEvent,
    GoldQuantity,
    GoldRelation,
    annotation_files,
    load_annotations,
    parse_amount,
    relation_key,
    unit_kind,
)
from kg.evaluate.calibration import calibrate
from kg.evaluate.report import Report, evaluate
from kg.evaluate.scoring import SCORE_NAMES, DocumentScore, Score, _entity_map, score_extraction

__all__ = [
    "SCORE_NAMES",
    "Annotation",
    "DocumentScore",
    "GoldEntity",
    "GoldEvent",
    "GoldQuantity",
    "GoldRelation",
    "Report",
    "Score",
    "_entity_map",  # kg.extract.training maps predicted entities to gold names with it
    "annotation_files",
    "calibrate",
    "evaluate",
    "load_annotations",
    "parse_amount",
    "relation_key",
    "score_extraction",
    "unit_kind",
]
