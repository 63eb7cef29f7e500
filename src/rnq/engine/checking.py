"""The check engine: collect ``check_*`` functions, expand them over their targets, run them.

A check is a plain function named ``check_*`` whose parameters are fixtures. It is collected from
the built-in checks, from plugins (``rnq_register_checks``) and from the folders ``rnq.yaml``
lists under ``checks:``. Marks bind it to what it verifies (:mod:`rnq.engine.marks`). It runs once
per offering if it asks for ``offering``, once per unit if it asks for ``unit``, once per applicable
indicator and the place that indicator is assessed if it is marked ``each_indicator`` and asks for
``target``, else once. Each run gives one :class:`~rnq.engine.findings.Finding` per indicator it
verifies.

Exceptions become outcomes in one place, :func:`run_item`: ``AssertionError`` → ``gap``,
:func:`rnq.skip` → ``not_applicable``, :func:`rnq.not_verified` or any other exception →
``not_verified`` (never conform), a check that returns a value → ``not_verified`` (checks assert,
they do not return).
"""

from __future__ import annotations

import contextlib
import inspect
import itertools
import re
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from rnq.engine.findings import Finding, Outcome, finding_id
from rnq.engine.fixtures import FixtureLookupError, FixtureRegistry, argnames
from rnq.engine.marks import Mark, get_marks
from rnq.engine.outcomes import Gap, NotVerified, Skip
from rnq.errors import Problem
from rnq.loader import import_file
from rnq.referential.verifications import indicators_for, verifications
from rnq.text import Localized
from rnq.timeouts import StepTimeout, Watchdog
from rnq.workspace.config import Offering, Unit

__all__ = ["CheckDef", "Item", "Subchecks", "collect_checks", "import_check_folder", "run_item"]

#: Built-in fixture names whose value depends on the check's target.
TARGETED = ("unit", "offering", "target", "indicator", "evidence", "subchecks")
#: Built-in fixture names with one value per run.
SESSION = (
    "workspace",
    "config",
    "organization",
    "referential",
    "audit",
    "audit_date",
    "today",
    "all_evidence",
    "applicable",
    "lang",
)


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


@dataclass
class Item:
    """One run of one check: its target, its indicators and its parameters."""

    check: CheckDef
    indicators: tuple[int, ...]
    unit: Unit | None = None
    offering: Offering | None = None
    params: dict[str, Any] = field(default_factory=dict)
    param_id: str | None = None

    @property
    def target_key(self) -> tuple[str | None, str | None]:
        """What the check looks at: (unit id, offering id)."""
        return (self.unit.id if self.unit else None, self.offering.id if self.offering else None)


class Subchecks:
    """Per-item reporting inside one check, in the spirit of pytest's ``subtests``::

        def check_each_trainer_has_a_cv(trainers, subchecks):
            for trainer in trainers:
                with subchecks.item(trainer.name):
                    assert trainer.cv, f"Pas de CV pour {trainer.name}"

    Each failing item becomes its own finding; the check goes on with the next item.
    """

    def __init__(self) -> None:
        self.failures: list[tuple[str, Gap | AssertionError]] = []

    @contextmanager
    def item(self, name: str) -> Iterator[None]:
        """Run the block as one item named ``name``; a failed assert is recorded, not raised."""
        try:
            yield
        except AssertionError as exc:
            self.failures.append((str(name), exc))


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


def _param_sets(check: CheckDef) -> list[tuple[dict[str, Any], str | None]]:
    sets: list[tuple[dict[str, Any], str | None]] = [({}, None)]
    for mark in check.marks_named("parametrize"):
        names, values = mark.args
        ids = mark.kwargs.get("ids")
        expanded = []
        for index, value in enumerate(values):
            row = value if len(names) > 1 else (value,)
            label = str(ids[index]) if ids else "-".join(str(v) for v in row)
            expanded.append((dict(zip(names, row, strict=True)), label))
        sets = [
            ({**a, **b}, "-".join(x for x in (ida, idb) if x))
            for (a, ida), (b, idb) in itertools.product(sets, expanded)
        ]
    return sets


def _message(exc: AssertionError) -> Localized:
    if isinstance(exc, Gap):
        return exc.message
    if exc.args and isinstance(exc.args[0], Localized):
        return exc.args[0]
    if exc.args and str(exc.args[0]):
        return Localized.same(str(exc.args[0]))
    frames = traceback.extract_tb(exc.__traceback__)
    line = (frames[-1].line or "assert").strip() if frames else "assert"
    return Localized(fr=f"échec : {line}", en=f"failed: {line}")


def run_item(
    item: Item,
    registry: FixtureRegistry,
    values: dict[str, Any],
    cache: dict[tuple[str, Any], Any],
    evidence_paths: Callable[[Item, int], tuple[str, ...]],
    watchdog: Watchdog | None = None,
) -> list[Finding]:
    """Run one item and turn what happened into findings (one per indicator, or per sub-item).

    With a ``watchdog``, an item that runs past its time limit is interrupted and reads
    ``not_verified``."""
    check = item.check
    subchecks = Subchecks()
    local = {**values, **item.params, "subchecks": subchecks}
    outcome: Outcome = "passed"
    message = check.requirement
    missing = False
    explicit: tuple[str, ...] = ()
    provisional = False
    failures: list[tuple[str | None, Localized, bool, tuple[str, ...], bool]] = []
    try:
        with watchdog.step() if watchdog is not None else contextlib.nullcontext():
            kwargs = registry.resolve(check.argnames, local, cache, item.target_key)
            returned = check.func(**kwargs)
        if returned is not None:
            outcome = "not_verified"
            message = Localized(
                fr="la vérification a renvoyé une valeur au lieu d'utiliser assert",
                en="the check returned a value instead of using assert",
            )
    except AssertionError as exc:
        outcome, message = "gap", _message(exc)
        if isinstance(exc, Gap):
            missing, explicit, provisional = exc.missing, exc.evidence, exc.provisional
    except Skip as exc:
        outcome, message = "not_applicable", exc.reason
    except NotVerified as exc:
        outcome, message, explicit = "not_verified", exc.reason, exc.evidence
    except StepTimeout as exc:
        outcome = "not_verified"
        message = Localized(
            fr=f"la vérification a dépassé le délai de {exc.seconds:g} s : interrompue",
            en=f"the check ran past its {exc.seconds:g} s time limit: interrupted",
        )
    except (Exception, SystemExit) as exc:  # a broken check never makes an indicator conform
        outcome = "not_verified"
        message = Localized(
            fr=f"erreur dans la vérification : {exc!r}", en=f"error in the check: {exc!r}"
        )
    if outcome == "passed" and subchecks.failures:
        outcome = "gap"
    if subchecks.failures and outcome == "gap":
        for name, failure in subchecks.failures:
            gap = failure if isinstance(failure, Gap) else None
            failures.append(
                (
                    name,
                    _message(failure),
                    gap.missing if gap else False,
                    gap.evidence if gap else (),
                    gap.provisional if gap else False,
                )
            )
    else:
        failures.append((None, message, missing, explicit, provisional))
    findings = []
    unit_id, offering_id = item.target_key
    fix = check.fix if outcome == "gap" else None
    for number in item.indicators:
        for sub, text, is_missing, paths, is_provisional in failures:
            label = "/".join(x for x in (item.param_id, sub) if x) or None
            findings.append(
                Finding(
                    id=finding_id(check.name, number, unit_id, offering_id, label),
                    check=check.name,
                    indicator=number,
                    outcome=outcome,
                    unit=unit_id,
                    offering=offering_id,
                    item=label,
                    message=text,
                    fix=fix,
                    evidence=paths or evidence_paths(item, number),
                    missing=is_missing,
                    provisional=is_provisional,
                )
            )
    return findings


def expand(
    check: CheckDef,
    *,
    version: str,
    applicable: Sequence[int],
    assessed_at: Callable[[int], str],
    units: Sequence[Unit],
    offerings: Sequence[tuple[Unit, Offering]],
    needs: frozenset[str] | None = None,
    offerings_for: Callable[[int], Sequence[tuple[Unit, Offering]]] | None = None,
) -> list[Item]:
    """The items of ``check``: one per target × parameter set, for the applicable indicators.

    ``needs`` is every name the check asks for, directly or through fixtures (default: its
    parameters): a check whose fixture asks for ``unit`` runs once per unit.
    """
    needs = needs if needs is not None else frozenset(check.argnames)

    def where(numbers: tuple[int, ...]) -> Sequence[tuple[Unit, Offering]]:
        # The offerings concerned by every indicator of ``numbers`` (e.g. certifying offerings
        # for 3, 7 and 16), or all offerings.
        if offerings_for is None:
            return offerings
        concerned = [{(u.id, o.id) for u, o in offerings_for(n)} for n in numbers]
        return [(u, o) for u, o in offerings if all((u.id, o.id) in c for c in concerned)]

    if check.marks_named("skip"):
        return []
    bound = check.bound_indicators(version)
    each = bool(check.marks_named("each_indicator"))
    if bound is None and not each:
        return []
    pool = [n for n in applicable if bound is None or n in bound]
    if bound is not None and 0 in bound:
        pool = [0, *pool]
    if not pool:
        return []
    params = _param_sets(check)
    items: list[Item] = []

    def add(indicators: tuple[int, ...], unit: Unit | None, offering: Offering | None) -> None:
        for values, label in params:
            items.append(Item(check, indicators, unit, offering, values, label))

    if each and "target" in needs:
        for number in pool:
            if assessed_at(number) == "offering" and offerings:
                for unit, offering in where((number,)):
                    add((number,), unit, offering)
            else:
                for unit in units:
                    add((number,), unit, None)
        return items
    groups = [(n,) for n in pool] if each else [tuple(pool)]
    for indicators in groups:
        if "offering" in needs:
            for unit, offering in where(indicators):
                add(indicators, unit, offering)
        elif "unit" in needs or "evidence" in needs:
            for unit in units:
                add(indicators, unit, None)
        else:
            add(indicators, None, None)
    return items


def unknown_fixture_findings(
    check: CheckDef, error: FixtureLookupError, indicators: Iterable[int]
) -> list[Finding]:
    """Findings saying a check could not run because it asks for an unknown fixture."""
    text = Localized(fr=f"vérification non exécutée : {error}", en=f"check not run: {error}")
    return [
        Finding(
            id=finding_id(check.name, n, None, None, "fixture"),
            check=check.name,
            indicator=n,
            outcome="not_verified",
            message=text,
        )
        for n in indicators
    ]
