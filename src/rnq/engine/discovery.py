"""Finding checks: ``check_*`` functions of the built-in check modules, of plugins
(``rnq_register_checks``) and of the folders ``rnq.yaml`` lists under ``checks:``, with their
marks and the fixtures they ask for (:class:`CheckDef`).

A check's docstring is its requirement (the first paragraph) and its fix (the others), in French,
with an optional English part after a paragraph starting ``EN:``.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from rnq.engine.fixtures import FixtureRegistry, argnames
from rnq.engine.marks import Mark, get_marks
from rnq.errors import Problem
from rnq.loader import import_file
from rnq.referential.verifications import indicators_for, verifications
from rnq.text import Localized

__all__ = ["CheckDef", "collect_checks", "import_check_folder", "namespace_of"]


def _paragraphs(doc: str | None) -> list[str]:
    """The paragraphs of a docstring, each on one line."""
    text = inspect.cleandoc(doc or "")
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]


def _docstring(doc: str | None) -> tuple[list[str], list[str]]:
    """The French and English paragraphs of a check's docstring.

    The English part, optional, starts with a paragraph beginning ``EN:``; without it the
    report shows the French text in both languages.
    """
    paragraphs = _paragraphs(doc)
    for index, paragraph in enumerate(paragraphs):
        if paragraph.startswith("EN:"):
            english = [paragraph[3:].strip(), *paragraphs[index + 1 :]]
            return paragraphs[:index], [p for p in english if p]
    return paragraphs, []


@dataclass(frozen=True)
class CheckDef:
    """A collected check: its function, name, origin, the fixtures it asks for and its marks."""

    func: Callable[..., Any]
    name: str
    source: str
    argnames: tuple[str, ...]
    marks: tuple[Mark, ...]

    @property
    def requirement(self) -> Localized:
        """The first paragraph of the docstring: what the check verifies (in French, and in
        English when the docstring has an ``EN:`` part)."""
        fr, en = _docstring(self.func.__doc__)
        if not fr:
            return Localized.same(self.name)
        return Localized(fr=fr[0], en=en[0] if en else fr[0])

    @property
    def fix(self) -> Localized | None:
        """The other paragraphs of the docstring: how to fix a gap (shown in the report)."""
        fr, en = _docstring(self.func.__doc__)
        rest_fr = "\n\n".join(fr[1:])
        if not rest_fr:
            return None
        rest_en = "\n\n".join(en[1:]) if len(en) > 1 else rest_fr
        return Localized(fr=rest_fr, en=rest_en)

    def marks_named(self, name: str) -> list[Mark]:
        """The marks called ``name``."""
        return [m for m in self.marks if m.name == name]

    def bound_indicators(self, version: str) -> tuple[int, ...] | None:
        """The indicators this check verifies in ``version``; ``None`` when not bound at all."""
        slugs = tuple(s for m in self.marks_named("verifies") for s in m.args)
        numbers = {int(n) for m in self.marks_named("indicator") for n in m.args}
        if not slugs and not numbers:
            return None
        return tuple(sorted(numbers | set(indicators_for(slugs, version))))


def _checks_in(obj: object) -> Iterator[tuple[str, Callable[..., Any]]]:
    module_name = getattr(obj, "__name__", None)
    for name, value in list(vars(obj).items()):
        if not name.startswith("check_") or not callable(value):
            continue
        if isinstance(obj, ModuleType) and getattr(value, "__module__", module_name) != module_name:
            continue  # imported from elsewhere: collected where it is defined
        yield name, value


def collect_checks(
    sources: Iterable[tuple[str, object]], registry: FixtureRegistry
) -> tuple[list[CheckDef], list[Problem]]:
    """Collect checks and fixtures from ``sources`` (label, module or object), in order."""
    objects = list(sources)
    for label, obj in objects:
        registry.add_from(obj, label)
    checks: list[CheckDef] = []
    problems: list[Problem] = []
    for label, obj in objects:
        module_marks = list(getattr(obj, "rnqmark", []) or [])
        if isinstance(module_marks, Mark):
            module_marks = [module_marks]
        for name, func in _checks_in(obj):
            qualified = f"{label}::{name}"
            try:
                names = argnames(func)
            except (TypeError, ValueError) as exc:
                problems.append(Problem.make(label, f"{name} : {exc}", f"{name}: {exc}"))
                continue
            marks = tuple(module_marks) + tuple(get_marks(func))
            slugs = [s for m in marks if m.name == "verifies" for s in m.args]
            unknown = [s for s in slugs if s not in verifications()]
            if unknown:
                problems.append(
                    Problem.make(
                        label,
                        f"{name} : vérification inconnue {unknown}",
                        f"{name}: unknown verification {unknown}",
                    )
                )
                continue
            checks.append(CheckDef(func, qualified, label, names, marks))
    return checks, problems


def import_check_folder(
    root: Path, folder: str
) -> tuple[list[tuple[str, ModuleType]], list[Problem]]:
    """Import every ``*.py`` file of a workspace's check folder, writing nothing into it."""
    modules: list[tuple[str, ModuleType]] = []
    problems: list[Problem] = []
    base = root / folder
    if not base.is_dir():
        problems.append(
            Problem.make(folder, "dossier de vérifications introuvable", "checks folder not found")
        )
        return modules, problems
    for path in sorted(base.rglob("*.py")):
        relative = path.relative_to(root).as_posix()
        if path.name.startswith("_") or path.is_symlink():
            continue
        try:
            modules.append((relative, import_file(path, root=root)))
        except (Exception, SystemExit) as exc:  # reported; the other checks still run
            line = exc.lineno if isinstance(exc, SyntaxError) else None
            problems.append(
                Problem.make(
                    relative, f"import impossible : {exc!r}", f"cannot import: {exc!r}", line
                )
            )
    return modules, problems


def namespace_of(obj: object) -> str | None:
    """The namespace of the checks ``obj`` holds: its ``CHECKS_NAMESPACE`` when it sets one (check
    names key waivers and ``rnq diff``: a namespace keeps them when a file moves), else its
    import name."""
    declared = getattr(obj, "CHECKS_NAMESPACE", None)
    if isinstance(declared, str) and declared:
        return declared
    name = getattr(obj, "__name__", None)
    return name if isinstance(name, str) else None
