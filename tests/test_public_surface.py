"""One public surface for check and plugin authors (docs/plugins.md, docs/checks.md): the names
``rnq`` exports, and ``rnq.testing`` for their tests. The example plugins and the example
workspace's own checks use nothing else, so rnq's inside can move without breaking them."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import rnq

ROOT = Path(__file__).resolve().parents[1]
AUTHORS_CODE = sorted(
    [
        *ROOT.glob("plugins/*/src/**/*.py"),
        *ROOT.glob("plugins/*/tests/*.py"),
        *(ROOT / "evidence" / "checks").rglob("*.py"),
    ]
)
PUBLIC_MODULES = {"rnq", "rnq.testing"}


def _uses(path: Path) -> list[str]:
    """What ``path`` takes from rnq: ``module`` for an import, ``rnq.NAME`` for a name."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "rnq":
            found.append(node.module)
            if node.module == "rnq":
                found += [f"rnq.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.split(".")[0] == "rnq"]
        elif (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id == "rnq"
        ):
            found.append(f"rnq.{node.attr}")
    return found


@pytest.mark.parametrize("path", AUTHORS_CODE, ids=lambda p: str(p.relative_to(ROOT)))
def test_authors_code_uses_only_the_public_surface(path: Path) -> None:
    wrong = []
    for used in _uses(path):
        if used in PUBLIC_MODULES:
            continue
        name = used.removeprefix("rnq.")
        if used.startswith("rnq.") and "." not in name and name in rnq.__all__:
            continue
        if used.startswith("rnq.") and name == "testing":
            continue
        wrong.append(used)
    assert not wrong, f"{path.relative_to(ROOT)} uses rnq's inside: {wrong}"


def test_the_surface_offers_what_plugin_authors_need() -> None:
    for name in (
        "Evidence",
        "CollectContext",
        "Collector",
        "CollectResult",
        "hookimpl",
        "read_table",
        "match_columns",
        "parse_date",
        "fr_date",
        "check_settings",
        "setting_path",
        "settings_problem",
        "fixture",
        "mark",
        "msg",
        "Gap",
        "skip",
        "not_verified",
        "Subchecks",
        "Unit",
        "Offering",
    ):
        assert name in rnq.__all__, name
        assert getattr(rnq, name) is not None


def test_the_checker_sees_an_inside_import(tmp_path: Path) -> None:
    path = tmp_path / "plugin.py"
    path.write_text("from rnq.collect.evidence import Evidence\nimport rnq\nrnq.run_checks\n")
    assert _uses(path) == ["rnq.collect.evidence", "rnq", "rnq.run_checks"]


def _fresh(code: str) -> subprocess.CompletedProcess[str]:
    """``code`` run by a fresh interpreter (nothing of rnq imported yet)."""
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)


def test_import_rnq_loads_none_of_its_modules() -> None:
    code = """
import sys
import rnq
loaded = sorted(name for name in sys.modules if name.startswith("rnq."))
assert not loaded and "pydantic" not in sys.modules, loaded
"""
    done = _fresh(code)
    assert done.returncode == 0, done.stderr


def test_rnq_still_offers_every_public_name() -> None:
    code = """
import importlib, sys
import rnq
assert set(rnq._LAZY) == set(rnq.__all__) - {"__version__"}
assert set(rnq.__all__) <= set(dir(rnq))
importlib.import_module("rnq.run")  # the submodule: rnq.run stays the function
assert callable(rnq.run) and rnq.run is sys.modules["rnq.run"].run, rnq.run
for name in rnq.__all__:
    assert getattr(rnq, name) is not None, name
from rnq import run, Evidence, render_html
assert run is rnq.run and Evidence.__module__ == "rnq.collect.evidence"
namespace = {}
exec("from rnq import *", namespace)
assert set(rnq.__all__) <= set(namespace)
"""
    done = _fresh(code)
    assert done.returncode == 0, done.stderr


def test_type_checkers_see_every_lazy_name_from_its_module() -> None:
    """``rnq/__init__.py``'s ``if TYPE_CHECKING:`` imports name each lazily imported public name
    from the module ``_LAZY`` loads it from (else a type checker sees ``Any``)."""
    import rnq

    tree = ast.parse(Path(rnq.__file__).read_text(encoding="utf-8"))
    typed: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
            for statement in ast.walk(node):
                if isinstance(statement, ast.ImportFrom) and statement.module:
                    for alias in statement.names:
                        typed[alias.asname or alias.name] = statement.module
    assert typed == rnq._LAZY
