"""The package's layers: the library imports no Streamlit, and no module of kg imports in a cycle."""

from __future__ import annotations

import ast
import importlib.util
import pkgutil
import subprocess
import sys
from pathlib import Path

import kg

KG = Path(kg.__file__).parent


def test_kg_imports_without_streamlit():
    """Every kg module imports in a process where Streamlit cannot be imported (the app is an extra)."""
    names = [m.name for m in pkgutil.walk_packages(kg.__path__, "kg.")]
    script = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'streamlit' or name.startswith('streamlit.'):\n"
        "            raise ImportError('streamlit is blocked in this test')\n"
        "sys.meta_path.insert(0, Block())\n"
        "import importlib\n"
        f"for name in {names!r}:\n"
        "    importlib.import_module(name)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]


def _imports(path: Path, package: str) -> set[str]:
    """The kg modules a module imports at its top level or inside functions."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("kg.")}
        elif isinstance(node, ast.ImportFrom) and node.module:
            base = importlib.util.resolve_name("." * node.level + node.module, package) if node.level else node.module
            if base.startswith("kg"):
                found.add(base)
                found |= {f"{base}.{a.name}" for a in node.names}
    return found


def test_no_import_cycle_between_modules():
    modules = {m.name: Path(importlib.util.find_spec(m.name).origin) for m in pkgutil.walk_packages(kg.__path__, "kg.")}
    graph = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        graph[name] = {
            m for m in _imports(path, package) if m in modules and m != name and not name.startswith(m + ".")
        }
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                raise AssertionError("import cycle: " + " -> ".join(trail[trail.index(nxt) :] + [nxt]))
            if nxt not in state:
                visit(nxt, trail + [nxt])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])


def test_public_api_survives_importing_every_submodule():
    """`import kg.x` binds the attribute `kg.x` to the submodule: no public name of kg may be one of them.

    In a fresh interpreter, after importing every kg module, each name in `kg.__all__` is still the callable
    that kg/__init__.py defines (a public `kg.build()` was once replaced by the module `kg.build` this way).
    """
    names = [m.name for m in pkgutil.walk_packages(kg.__path__, "kg.")]
    script = (
        "import importlib, kg\n"
        f"for name in {names!r}:\n"
        "    importlib.import_module(name)\n"
        "for name in kg.__all__:\n"
        "    value = getattr(kg, name)\n"
        "    assert callable(value) and value.__module__ == 'kg', (name, value)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    submodules = {name.split(".")[1] for name in names}
    assert submodules.isdisjoint(kg.__all__), "a public name of kg is also a submodule's name"
