"""Every docstring example of kg runs (they are the modules' documentation: they must stay true)."""

import doctest
import importlib
import pkgutil

import pytest

import kg

MODULES = ["kg", *sorted(m.name for m in pkgutil.walk_packages(kg.__path__, "kg."))]


@pytest.mark.parametrize("module", MODULES)
def test_docstring_examples_run(module):
    result = doctest.testmod(importlib.import_module(module))
    assert result.failed == 0
