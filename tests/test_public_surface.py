"""One public surface for check and plugin authors (docs/plugins.md, docs/checks.md): the names
``rnq`` exports, and ``rnq.testing`` for their tests. The example plugins and the example
workspace's own checks use nothing else, so rnq's inside can move without breaking them."""

from __future__ import annotations

import ast
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
