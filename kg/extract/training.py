"""Training the learned relation classifier (:mod:`kg.extract.learned`) on annotated articles.

Every pair of names the classifier would score is labelled from the article's annotation: the relation
the annotation gives the two gold entities (in either direction), else ``none``; pairs an annotation
lists as acceptable are left out. The model is a multinomial logistic regression (scikit-learn, a
development dependency only); its weights are written as JSON into the package. Thresholds are chosen
per relation on predictions made by cross-validation across documents (no article scores itself), as
the least probability at which what the classifier adds to the rules stays at ``precision`` or better.

Run ``python -m kg.extract.training DIR_OR_YAML …`` (``make train``). The annotation sets given must not
include a blind test half: those are scored, never learned from.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import KGError
from kg.evaluate import _entity_map, annotation_files, load_annotations, relation_key
from kg.extract import assemble
from kg.extract.component import Extractor, analyse
from kg.extract.learned import NONE, WEIGHTS_PATH, Model, is_known, is_learned, pair_labels, pairs

#: Inverse regularisation strength of the logistic regression (chosen by cross-validation, see --c).
C = 1.0
#: Weights smaller than this are dropped from the shipped model (they change no decision).
MIN_WEIGHT = 0.05


@dataclass
class Sample:
    document: str
    features: tuple[str, ...]
    allowed: list[str]
    label: str  # a class of pair_labels, or NONE
    gold_for: dict[str, tuple[str, str, str]] = field(default_factory=dict)  # class -> relation key (gold names)


@dataclass
class DocumentData:
    name: str
    samples: list[Sample]
    gold: set[tuple[str, str, str]]
    acceptable: set[tuple[str, str, str]]
    by_rules: set[tuple[str, str, str]]  # what the rules extract, as gold-name keys


#: A file of this name marks a directory of annotations held out for scoring: never trained on.
HELD_OUT_MARKER = ".held-out"


def refuse_held_out(path: Path) -> None:
    """Raise when ``path`` lies in a directory marked held out (a blind test set)."""
    for folder in Path(path).resolve().parents:
        if (folder / HELD_OUT_MARKER).exists():
            raise KGError(
                f"{path}: {folder} is held out for blind scoring ({HELD_OUT_MARKER}); "
                "train on development annotations only"
            )


def documents(annotation_paths: Iterable[str | Path]) -> list[DocumentData]:
    """Every annotated article parsed, its pairs labelled."""
    from kg.corpus import read_document
    from kg.nlp import load_pipeline
    from kg.settings import Settings

    settings = Settings.load()
    nlp = load_pipeline(settings)
    extractor = nlp.get_pipe("kg_extractor")
    assert isinstance(extractor, Extractor)
    out = []
    for path in annotation_files(annotation_paths):
        refuse_held_out(path)
        ann = load_annotations(path, settings)
        document = read_document(ann.document)
        doc = nlp(document.text)
        extraction = assemble(document, doc._.kg)
        mapping, _ = _entity_map(ann, extraction)
        ctx = analyse(doc, extractor.kb, extractor.common_words)[0]
        gold = {g.key for g in ann.relations}
        acceptable = {g.key for g in ann.acceptable}
        # what the rules alone read: the classifier shipped in the package reads too, and must not teach itself
        rows = [r for r in doc._.kg["relations"] if not is_learned(r["rule"])]
        by_rules = {
            relation_key(mapping.get(r["s"], "?" + r["s"]), r["p"], mapping.get(r["o"], "?" + r["o"])) for r in rows
        }
        known = {(r["sent"], r["s"], r["o"]) for r in rows}
        samples = []
        for pair in pairs(ctx):
            a, b = pair.first[2], pair.second[2]
            if is_known(ctx, pair, known):
                continue  # the rules read this pair here: the classifier is never asked about it
            allowed = list(pair_labels(ctx, pair))
            g1, g2 = mapping.get(a, "?" + a), mapping.get(b, "?" + b)
            gold_for = {
                c: relation_key(g2, c[:-1], g1) if c.endswith("<") else relation_key(g1, c[:-1], g2) for c in allowed
            }
            label = next((c for c, k in gold_for.items() if k in gold), NONE)
            if label == NONE and any(k in acceptable for k in gold_for.values()):
                continue  # neither right nor wrong: not a lesson either way
            samples.append(Sample(str(path), pair.features, allowed, label, gold_for))
        out.append(DocumentData(str(path), samples, gold, acceptable, by_rules))
    return out


def _fit(samples: list[Sample], c: float):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform([dict.fromkeys(s.features, 1) for s in samples])
    y = [s.label for s in samples]
    clf = LogisticRegression(C=c, max_iter=2000, class_weight=None)
    clf.fit(x, y)
    names = vectorizer.get_feature_names_out()
    weights: dict[str, dict[str, float]] = defaultdict(dict)
    for k, cls in enumerate(clf.classes_):
        for j, w in zip(clf.coef_[k].nonzero()[0], clf.coef_[k][clf.coef_[k].nonzero()[0]], strict=True):
            if abs(w) >= MIN_WEIGHT:
                weights[str(names[j])][str(cls)] = round(float(w), 3)
    intercept = {str(cls): round(float(b), 4) for cls, b in zip(clf.classes_, clf.intercept_, strict=True)}
    return Model(tuple(str(c) for c in clf.classes_), intercept, dict(weights), {})


def _predictions(docs: list[DocumentData], folds: int, c: float) -> dict[str, list[tuple[float, str, tuple]]]:
    """Cross-validated predictions: document -> [(probability, relation, asserted key)] for every pair."""
    out: dict[str, list[tuple[float, str, tuple]]] = {}
    for fold in range(folds):
        test = [d for k, d in enumerate(docs) if k % folds == fold]
        train = [s for k, d in enumerate(docs) if k % folds != fold for s in d.samples]
        model = _fit(train, c)
        for d in test:
            rows = []
            for s in d.samples:
                best = model.best(s.features, s.allowed)
                if best is not None:
                    rows.append((best[1], best[0][:-1], s.gold_for[best[0]]))
            out[d.name] = rows
    return out


def _score(docs: list[DocumentData], predictions, thresholds: dict[str, float]) -> tuple[int, int, int]:
    """(true positives, predicted, gold) of the rules plus the classifier at these thresholds."""
    tp = predicted = gold = 0
    for d in docs:
        keys = {k for k in d.by_rules if k in d.gold or k not in d.acceptable}
        keys |= {
            k
            for p, rel, k in predictions[d.name]
            if p >= thresholds.get(rel, 1.0) and (k in d.gold or k not in d.acceptable)
        }
        tp += len(keys & d.gold)
        predicted += len(keys)
        gold += len(d.gold)
    return tp, predicted, gold


#: The fewest right additions (out of sample) for the classifier to add a relation at all: 3 of 4 right said too
#: little ('cooperation with Meituan can help Kuaishou' came out a partnership), and so did 5 of 6 ('X took over as
#: chief executive after Y joined the board' came out a succession).
MIN_RIGHT_ADDITIONS = 8


def choose_thresholds(
    docs: list[DocumentData], predictions, precision: float
) -> tuple[dict[str, float], dict[str, tuple[int, int]]]:
    """Per relation, the least threshold at which the classifier's own additions are ``precision`` right,
    and (right, asserted) of those additions at that threshold: the out-of-sample precision that becomes
    the confidence of what it asserts."""
    by_rel: dict[str, list[tuple[float, bool]]] = defaultdict(list)
    for d in docs:
        for p, rel, k in predictions[d.name]:
            if k in d.by_rules or (k not in d.gold and k in d.acceptable):
                continue
            by_rel[rel].append((p, k in d.gold))
    thresholds, counts = {}, {}
    for rel, rows in by_rel.items():
        rows.sort(reverse=True)
        best, right, chosen = 1.0, 0, (0, 0)
        for n, (p, ok) in enumerate(rows, 1):
            right += ok
            if right / n >= precision and right >= MIN_RIGHT_ADDITIONS:
                best, chosen = p, (right, n)
        thresholds[rel] = round(best, 3)
        if chosen[1]:
            counts[rel] = chosen
    return thresholds, counts


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("annotations", nargs="+", help="annotation YAML files or directories (never a blind test half)")
    parser.add_argument("--c", type=float, default=C, help="inverse regularisation strength")
    parser.add_argument("--folds", type=int, default=5, help="cross-validation folds across documents")
    parser.add_argument("--precision", type=float, default=0.7, help="precision the classifier's additions must keep")
    parser.add_argument("--out", default=str(Path(__file__).with_name(WEIGHTS_PATH)), help="where the model goes")
    parser.add_argument("--dry-run", action="store_true", help="report cross-validated figures, write nothing")
    args = parser.parse_args(argv)
    docs = documents(args.annotations)
    samples = [s for d in docs for s in d.samples]
    print(
        f"{len(docs)} documents, {len(samples)} pairs, labels {dict(Counter(s.label for s in samples).most_common())}"
    )
    predictions = _predictions(docs, args.folds, args.c)
    thresholds, counts = choose_thresholds(docs, predictions, args.precision)
    for name, th in (("rules alone", {}), ("rules + classifier", thresholds)):
        tp, predicted, gold = _score(docs, predictions, th)
        print(
            f"{name:20} precision {tp / max(predicted, 1):.3f} recall {tp / max(gold, 1):.3f} ({tp}/{predicted}/{gold})"
        )
    print("thresholds", thresholds, "additions right/asserted", counts)
    if args.dry_run:
        return
    model = _fit(samples, args.c)
    model = Model(model.classes, model.intercept, model.weights, thresholds, counts)
    Path(args.out).write_text(
        json.dumps(model.to_json(), sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8"
    )
    print(f"wrote {args.out}: {len(model.weights)} features")


if __name__ == "__main__":
    main()
