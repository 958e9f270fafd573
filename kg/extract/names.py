"""Is an unknown name a person's or an organization's? A second opinion beside the NER's label.

`probablepeople <https://github.com/datamade/probablepeople>`_ (MIT) ships a CRF model trained on
romanised person and corporation names; it tells "Jessica Lin" and "Rizal Hartono" (people) from
"Momentum Works" and "Archipelago Insights" (companies), where the small spaCy model often swaps them.
It sees only the name, so it is asked about multi-word names only: a single word ("Amap", "GoPay") it
calls a person whatever it is (measured), and context decides those.

>>> name_kind("Jessica Lin"), name_kind("Archipelago Insights"), name_kind("Amap")
('Person', 'Organization', None)
"""

from __future__ import annotations

from functools import lru_cache

import probablepeople


@lru_cache(maxsize=4096)
def name_kind(name: str) -> str | None:
    """'Person' or 'Organization' for a name of two or more words, else None (no opinion)."""
    if len(name.split()) < 2:
        return None
    try:
        _, kind = probablepeople.tag(name)
    except (probablepeople.RepeatedLabelError, ValueError, TypeError):
        return None
    return {"Person": "Person", "Corporation": "Organization"}.get(kind)


@lru_cache(maxsize=4096)
def opens_with_given_name(name: str) -> bool:
    """Whether a person's name of two or more words opens with a given name, not a descriptor before it.

    >>> opens_with_given_name("Raymond Peng Lei"), opens_with_given_name("Tycoon Ren Zhengfei")
    (True, False)
    """
    if len(name.split()) < 2:
        return False
    try:
        parsed = probablepeople.parse(name)
    except (probablepeople.RepeatedLabelError, ValueError, TypeError):
        return False
    return bool(parsed) and parsed[0][1] == "GivenName"
