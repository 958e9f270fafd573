"""kg's pipeline, loaded once in the forkserver that a local cluster's worker processes fork from.

``kg build --cluster local:N`` starts a forkserver that preloads this module (:func:`kg.cluster.connect`); a preloaded
module takes no arguments, so the build's settings come as JSON in the environment variable
:data:`SETTINGS_VARIABLE`. Importing it there imports distributed, spaCy and kg and loads the
pipeline of those settings (2.1 s of CPU), and every worker forked from the forkserver (at the start, and again for
one that died) has both in memory from its first instruction: a spawned worker did all of it again itself.

:class:`kg.cluster.PipelinePlugin` takes the pipeline from :func:`preloaded_pipeline` when the settings are its own;
anywhere else (a remote ``dask worker``, a process without the variable) there is none and the plugin loads its own.
"""

from __future__ import annotations

import json
import os
from typing import TYPE_CHECKING

from kg.settings import Settings

if TYPE_CHECKING:
    from spacy.language import Language

# Defined here, not in kg.cluster, which imports this module: the forkserver imports this module alone.
SETTINGS_VARIABLE = "_KG_CLUSTER_PRELOAD_SETTINGS"


def _load() -> tuple[Settings, Language] | None:
    raw = os.environ.get(SETTINGS_VARIABLE)
    if not raw:
        return None
    from kg.nlp import load_pipeline

    try:
        settings = Settings(**json.loads(raw))
        return settings, load_pipeline(settings)
    except Exception:  # in the forkserver it would stop every worker's start; the plugin loads and says what fails
        return None


_preloaded = _load()


def preloaded_pipeline(settings: Settings) -> Language | None:
    """The pipeline this process inherited, if it was loaded for ``settings``."""
    if _preloaded is not None and _preloaded[0] == settings:
        return _preloaded[1]
    return None
