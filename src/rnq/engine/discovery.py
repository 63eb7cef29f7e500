"""Finding checks: ``check_*`` functions of the built-in check modules, of plugins
(``rnq_register_checks``) and of the folders ``rnq.yaml`` lists under ``checks:``, with their
marks and the fixtures they ask for (:class:`CheckDef`).

A check's docstring is its requirement (the first paragraph) and its fix (the others), in French,
with an optional English part after a paragraph starting ``EN:``.
"""

from __future__ import annotations

import difflib
import inspect
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import ModuleType
from typing import Any

from rnq.engine.fixtures import FixtureRegistry, argnames
from rnq.engine.marks import Mark, get_marks
from rnq.errors import CodeProblem, Problem
from rnq.loader import import_error_message, import_file
from rnq.referential.loader import HIGHEST_INDICATOR
from rnq.referential.verifications import indicators_for, verifications
from rnq.text import Localized

__all__ = [
    "BUILTIN_PREFIX",
    "CheckDef",
    "collect_checks",
    "defined_at",
    "import_check_folder",
    "namespace_of",
]

#: The namespace of the built-in checks.
BUILTIN_PREFIX = "rnq.checks."


def _paragraphs(doc: str | None) -> list[str]:
    """The paragraphs of a docstring, each on one line."""
    text = inspect.cleandoc(doc or "")
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]


@lru_cache(maxsize=4096)
def _docstring(doc: str | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The French and English paragraphs of a check's docstring (read once per docstring: every
    finding of a check quotes it).

    The English part, optional, starts with a paragraph beginning ``EN:``; without it the
    report shows the French text in both languages.
    """
    paragraphs = _paragraphs(doc)
    for index, paragraph in enumerate(paragraphs):
        if paragraph.startswith("EN:"):
            english = [paragraph[3:].strip(), *paragraphs[index + 1 :]]
            return tuple(paragraphs[:index]), tuple(p for p in english if p)
    return tuple(paragraphs), ()


@dataclass(frozen=True)
class CheckDef:
    """A collected check: its function, name, origin, the fixtures it asks for and its marks."""

    func: Callable[..., Any]
    name: str
    source: str
    argnames: tuple[str, ...]
    marks: tuple[Mark, ...]
    #: Where the check comes from: ``"builtin"``, ``"plugin:NAME"`` or ``"workspace"``.
    origin: str = "builtin"
    #: The line of its source file where it is defined (its first decorator), when known.
    line: int | None = None

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


def _defined_here(obj: object, value: object) -> bool:
    """Whether ``value`` is defined in ``obj`` (not imported into a module from elsewhere)."""
    if not isinstance(obj, ModuleType):
        return True
    return getattr(value, "__module__", obj.__name__) == obj.__name__


def _checks_in(obj: object) -> Iterator[tuple[str, Callable[..., Any]]]:
    for name, value in list(vars(obj).items()):
        if not name.startswith("check_") or not callable(value):
            continue
        if not _defined_here(obj, value):
            continue  # imported from elsewhere: collected where it is defined
        yield name, value


def defined_at(func: Callable[..., Any]) -> int | None:
    """The line ``func`` is defined at in its file (its first decorator), when known."""
    code = getattr(inspect.unwrap(func), "__code__", None)
    return getattr(code, "co_firstlineno", None)


def _problem(label: str, line: int | None, fr: str, en: str) -> CodeProblem:
    return CodeProblem(path=label, line=line, message=Localized(fr=fr, en=en))


def _mark_problems(label: str, name: str, line: int | None, marks: Sequence[Mark]) -> list[Problem]:
    """What is wrong with the marks of check ``name``: an unknown verification (with the closest
    known one), ``verifies`` without a name, an indicator number no version has."""
    problems: list[Problem] = []
    known = verifications()
    for mark in marks:
        if mark.name == "verifies" and not mark.args:
            problems.append(
                _problem(
                    label,
                    line,
                    f"{name} : @rnq.mark.verifies sans nom de vérification — écrivez "
                    '@rnq.mark.verifies("…")',
                    f"{name}: @rnq.mark.verifies without a verification name — write "
                    '@rnq.mark.verifies("…")',
                )
            )
        for slug in mark.args if mark.name == "verifies" else ():
            if isinstance(slug, str) and slug in known:
                continue
            close = difflib.get_close_matches(str(slug), list(known), n=1, cutoff=0.5)
            hint_fr = f" — vouliez-vous dire « {close[0]} » ?" if close else ""
            hint_en = f" — did you mean '{close[0]}'?" if close else ""
            problems.append(
                _problem(
                    label,
                    line,
                    f"{name} : vérification inconnue « {slug} »{hint_fr} (la liste : "
                    "docs/checks.md, « rnq checks »)",
                    f"{name}: unknown verification '{slug}'{hint_en} (the list: docs/checks.md, "
                    "'rnq checks')",
                )
            )
        for number in mark.args if mark.name == "indicator" else ():
            valid = isinstance(number, int) and not isinstance(number, bool)
            if valid and 0 <= number <= HIGHEST_INDICATOR:
                continue
            problems.append(
                _problem(
                    label,
                    line,
                    f"{name} : indicateur inconnu {number!r} — les indicateurs vont de 1 à "
                    f"{HIGHEST_INDICATOR}",
                    f"{name}: unknown indicator {number!r} — indicators run from 1 to "
                    f"{HIGHEST_INDICATOR}",
                )
            )
    return problems


def _unbound(label: str, name: str, line: int | None, marks: Sequence[Mark]) -> Problem | None:
    """A custom check with no mark binding it to what it verifies: it could never run."""
    names = {m.name for m in marks}
    if names & {"verifies", "indicator", "each_indicator", "skip"}:
        return None
    return _problem(
        label,
        line,
        f"{name} n'est liée à aucun indicateur et ne serait jamais exécutée — ajoutez "
        '@rnq.mark.verifies("…") (ou @rnq.mark.indicator(N)) au-dessus de la fonction',
        f"{name} is bound to no indicator and would never run — add "
        '@rnq.mark.verifies("…") (or @rnq.mark.indicator(N)) above the function',
    )


def _test_functions(label: str, obj: object) -> list[Problem]:
    """``test_*`` functions of a workspace check file: pytest's habit, never collected by rnq."""
    problems: list[Problem] = []
    for name, value in list(vars(obj).items()):
        if not name.startswith("test_") or not inspect.isfunction(value):
            continue
        if not _defined_here(obj, value):
            continue
        renamed = "check_" + name.removeprefix("test_")
        problems.append(
            _problem(
                label,
                defined_at(value),
                f"{name} : rnq ne collecte que les fonctions check_* — renommez-la en "
                f'{renamed} (et liez-la avec @rnq.mark.verifies("…"))',
                f"{name}: rnq collects check_* functions only — rename it {renamed} (and bind it "
                'with @rnq.mark.verifies("…"))',
            )
        )
    return problems


def collect_checks(
    sources: Iterable[tuple[str, object]],
    registry: FixtureRegistry,
    origins: Mapping[str, str] | None = None,
) -> tuple[list[CheckDef], list[Problem]]:
    """Collect checks and fixtures from ``sources`` (label, module or object), in order.

    The problems returned are code errors (:class:`~rnq.errors.CodeProblem`): an unknown
    verification or indicator, a custom check bound to nothing, a ``test_*`` function in a
    workspace file. ``origins`` says where each label comes from (``"builtin"``,
    ``"plugin:NAME"``, ``"workspace"``; built-in when not given).
    """
    objects = list(sources)
    origins = origins or {}
    for label, obj in objects:
        registry.add_from(obj, label)
    checks: list[CheckDef] = []
    problems: list[Problem] = []
    for label, obj in objects:
        origin = origins.get(label, "builtin")
        custom = not label.startswith(BUILTIN_PREFIX) and origin != "builtin"
        module_marks = list(getattr(obj, "rnqmark", []) or [])
        if isinstance(module_marks, Mark):
            module_marks = [module_marks]
        if origin == "workspace":
            problems.extend(_test_functions(label, obj))
        for name, func in _checks_in(obj):
            qualified = f"{label}::{name}"
            line = defined_at(func)
            try:
                names = argnames(func)
            except (TypeError, ValueError) as exc:
                problems.append(_problem(label, line, f"{name} : {exc}", f"{name}: {exc}"))
                continue
            marks = tuple(module_marks) + tuple(get_marks(func))
            found = _mark_problems(label, name, line, marks)
            unbound = _unbound(label, name, line, marks) if custom else None
            if unbound is not None:
                found.append(unbound)
            if found:
                problems.extend(found)
                continue
            checks.append(CheckDef(func, qualified, label, names, marks, origin, line))
    return checks, problems


def import_check_folder(
    root: Path, folder: str, line: int | None = None
) -> tuple[list[tuple[str, ModuleType]], list[Problem]]:
    """Import every ``*.py`` file of a workspace's check folder, writing nothing into it; a
    missing folder (``line``: where ``checks:`` is in rnq.yaml) or a file that cannot be imported
    is a code error."""
    modules: list[tuple[str, ModuleType]] = []
    problems: list[Problem] = []
    base = root / folder
    if not base.is_dir():
        problems.append(
            _problem(
                "rnq.yaml",
                line,
                f"checks: le dossier de vérifications « {folder} » est introuvable — créez-le "
                "ou retirez-le de la liste checks:",
                f"checks: the checks folder '{folder}' does not exist — create it or remove it "
                "from the checks: list",
            )
        )
        return modules, problems
    for path in sorted(base.rglob("*.py")):
        relative = path.relative_to(root).as_posix()
        if path.name.startswith("_") or path.is_symlink():
            continue
        try:
            modules.append((relative, import_file(path, root=root)))
        except (Exception, SystemExit) as exc:  # listed with the others: the run stops
            message, line = import_error_message(path, exc)
            problems.append(CodeProblem(path=relative, line=line, message=message))
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
