"""The house's layers (ARCHITECTURE.md): the rooms of ``src/rnq`` come in pipeline order and no
module imports from a later room; the shared base modules import no room at all; only the spine
(``run``, ``cli``, the package itself) may import from anywhere.

Imports are read from the source (every ``import`` statement, in functions too), except those
under ``if TYPE_CHECKING:``, which are annotations only.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "rnq"

#: The rooms, in pipeline order: each may import the base, itself and the rooms before it.
ROOMS = (
    "match",
    "referential",
    "workspace",
    "extract",
    "cache",
    "collect",
    "engine",
    "checks",
    "rehearsal",
    "verdict",
    "render",
)
#: Modules at the top that every room may use; they import only each other.
BASE = ("text", "errors", "dates", "_yaml", "bulk", "loader", "timeouts", "hookspecs", "plugins")
#: The spine: the run end to end, the command, the package's public names, test helpers.
SPINE = ("__init__", "__main__", "run", "cli", "testing")
#: At most this many modules at the top of the package (the issue of the house: ≤ 16).
MAX_TOP_MODULES = 16


def _place(module: str) -> str:
    """The room (or ``base:NAME``, ``spine:NAME``) a dotted module ``rnq.…`` belongs to."""
    parts = module.split(".")
    if parts == ["rnq"]:
        return "spine:__init__"
    head = parts[1]
    if head in ROOMS:
        return head
    if head in BASE:
        return f"base:{head}"
    if head in SPINE:
        return f"spine:{head}"
    raise AssertionError(f"{module}: not in any room, the base or the spine")


def _module_name(path: Path) -> str:
    relative = path.relative_to(SRC.parent).with_suffix("")
    parts = list(relative.parts)
    if parts[-1] == "__init__" and len(parts) > 1:
        parts = parts[:-1]
    return ".".join(parts)


def _runtime_imports(path: Path) -> list[tuple[int, str]]:
    """``(line, module)`` of every ``rnq`` import outside ``if TYPE_CHECKING:`` blocks."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.If)
            and isinstance(node.test, ast.Name)
            and node.test.id == "TYPE_CHECKING"
        ):
            for child in node.body:
                skipped.update(range(child.lineno, (child.end_lineno or child.lineno) + 1))
    found = []
    package = _module_name(path)
    for node in ast.walk(tree):
        if node.lineno in skipped if hasattr(node, "lineno") else False:
            continue
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + (1 if path.name == "__init__.py" else 0)]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            if target == "rnq":  # from rnq import submodule
                found += [(node.lineno, f"rnq.{alias.name}") for alias in node.names]
            elif target.startswith("rnq."):
                found.append((node.lineno, target))
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if a.name.startswith("rnq.")]
    return found


def _modules() -> list[Path]:
    return sorted(SRC.rglob("*.py"))


def _allowed(source: str, target: str) -> bool:
    if source.startswith("spine:"):
        return True
    if target.startswith("spine:"):
        return False
    if source.startswith("base:"):
        return target.startswith("base:")
    if target.startswith("base:"):
        return True
    return ROOMS.index(target) <= ROOMS.index(source)


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(SRC)))
def test_no_module_imports_from_a_later_room(path: Path) -> None:
    source = _place(_module_name(path))
    wrong = []
    for line, target_module in _runtime_imports(path):
        try:
            target = _place(target_module)
        except AssertionError:
            continue  # a name imported from the package itself (``from rnq import mark``)
        if not _allowed(source, target):
            wrong.append(f"{path.relative_to(SRC)}:{line}: {source} imports {target_module}")
    assert not wrong, "\n".join(wrong)


def test_the_top_of_the_package_is_small_and_known() -> None:
    top = sorted(p.stem for p in SRC.glob("*.py"))
    assert len(top) <= MAX_TOP_MODULES, top
    assert set(top) <= {*BASE, *SPINE}, set(top) - {*BASE, *SPINE}
    rooms = sorted(p.name for p in SRC.iterdir() if (p / "__init__.py").is_file())
    assert set(rooms) == set(ROOMS), rooms


def test_every_room_says_what_it_holds() -> None:
    for room in ROOMS:
        doc = ast.get_docstring(ast.parse((SRC / room / "__init__.py").read_text("utf-8")))
        assert doc, f"{room}/__init__.py has no docstring"


def test_the_layer_test_sees_a_violation(tmp_path: Path) -> None:
    """The checker itself: a room importing a later one is caught."""
    assert not _allowed("referential", "render")
    assert not _allowed("base:text", "referential")
    assert not _allowed("rehearsal", "spine:run")
    assert _allowed("render", "referential")
    assert _allowed("spine:cli", "render")


def test_architecture_names_every_room_and_module() -> None:
    """ARCHITECTURE.md is the map: every room, and every module of every room, is named in it."""
    text = (SRC.parents[1] / "ARCHITECTURE.md").read_text(encoding="utf-8")
    for room in ROOMS:
        assert f"`{room}/`" in text, room
        if room == "checks":
            continue  # named by pattern (iNN_what.py)
        for module in sorted((SRC / room).glob("*.py")):
            if module.stem != "__init__" and not module.stem.startswith("_"):
                formats = room == "extract" and module.stem in (
                    "archive",
                    "csvfile",
                    "eml",
                    "office",
                    "pdf",
                    "plain",
                    "sheets",
                    "sniff",
                )
                assert formats or f"`{module.stem}`" in text, f"{room}/{module.name}"
    for name in (*BASE, *SPINE):
        assert f"`{name}`" in text, name
