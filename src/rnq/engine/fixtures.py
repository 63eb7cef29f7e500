"""Fixtures: the values a check asks for by parameter name, as in pytest.

A fixture is a function decorated with ``@rnq.fixture``; its own parameters are other fixtures.
Built-in fixtures (``unit``, ``offering``, ``evidence``, ``referential``, ``audit``,
``organization``, ``today``…) are provided by the run; fixtures from plugins and from the
workspace's check files add to them (a later source overrides an earlier one of the same name).

A fixture is computed once per run, unless it depends (directly or not) on the check's target
(``unit``, ``offering``, ``evidence``…), in which case it is computed once per target.
"""

from __future__ import annotations

import difflib
import inspect
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal, TypeVar, overload

from rnq.text import Localized

__all__ = [
    "BUILTINS",
    "SESSION",
    "TARGETED",
    "BuiltinFixture",
    "FixtureDef",
    "FixtureLookupError",
    "FixtureRegistry",
    "argnames",
    "fixture",
]

F = TypeVar("F", bound=Callable[..., Any])
#: What a fixture's answer for a target depends on, when it says (:func:`fixture`).
Sees = Literal["unit", "unit_documents"]


def argnames(func: Callable[..., Any]) -> tuple[str, ...]:
    """The names a function asks for: its parameters without a default (pytest's rule)."""
    names = []
    for parameter in inspect.signature(func).parameters.values():
        if parameter.default is not inspect.Parameter.empty:
            continue
        if parameter.kind in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD):
            continue
        names.append(parameter.name)
    return tuple(names)


@overload
def fixture(func: F) -> F: ...
@overload
def fixture(*, name: str | None = None, sees: Sees | None = None) -> Callable[[F], F]: ...
def fixture(
    func: F | None = None, *, name: str | None = None, sees: Sees | None = None
) -> F | Callable[[F], F]:
    """Declare a fixture: ``@rnq.fixture`` or ``@rnq.fixture(name="sessions")``.

    The fixture's docstring first line is shown when a check asks for an unknown fixture.

    ``sees="unit"``: a fixture that reads ``all_evidence`` but whose answer, for a check's
    target, depends only on the evidence of the target's unit and of the central function
    (the sections of a unit's catalogues about each offering). A run after an edit then runs
    again only the checks of the edited unit that use it, not every check that does
    (:mod:`rnq.engine.reuse`). Without it, such a fixture makes its checks depend on every
    piece of evidence.

    ``sees="unit_documents"``: narrower, the answer depends only on the documents of the
    target's unit and of the central function that belong to no offering (a unit's
    catalogues): an edit in one offering's folder then runs again only that offering's checks
    that use it, not those of every offering of its unit.
    """

    def decorate(f: F) -> F:
        f.__rnq_fixture__ = name or f.__name__  # type: ignore[attr-defined]
        if sees is not None:
            f.__rnq_sees__ = sees  # type: ignore[attr-defined]
        return f

    return decorate(func) if func is not None else decorate


@dataclass(frozen=True)
class BuiltinFixture:
    """A fixture every run provides: its name, whether its value depends on the check's target
    (then the check runs once per target), and what it is."""

    name: str
    targeted: bool
    doc: Localized


def _builtin(name: str, targeted: bool, fr: str, en: str) -> BuiltinFixture:
    return BuiltinFixture(name, targeted, Localized(fr=fr, en=en))


#: The built-in fixtures, in the order ``docs/checks.md`` lists them.
BUILTINS: tuple[BuiltinFixture, ...] = (
    _builtin(
        "unit",
        True,
        "L'unité (UO) vérifiée : la vérification s'exécute une fois par unité.",
        "The unit checked: the check runs once per unit.",
    ),
    _builtin(
        "offering",
        True,
        "La prestation vérifiée : la vérification s'exécute une fois par prestation.",
        "The offering checked: the check runs once per offering.",
    ),
    _builtin(
        "target",
        True,
        "L'unité ou la prestation où l'indicateur est évalué (avec each_indicator).",
        "The unit or offering where the indicator is assessed (with each_indicator).",
    ),
    _builtin(
        "indicator",
        True,
        "L'indicateur vérifié (Indicator), quand la vérification en vérifie un seul.",
        "The indicator verified (Indicator), when the check verifies exactly one.",
    ),
    _builtin(
        "evidence",
        True,
        "Les preuves de la cible (EvidenceSet) : celles de l'unité, plus celles de la fonction "
        "centrale ; celles de la prestation pour une vérification par prestation.",
        "The target's evidence (EvidenceSet): the unit's plus the central function's; the "
        "offering's for a per-offering check.",
    ),
    _builtin(
        "facts",
        True,
        "Les faits déclarés de la cible (TargetFacts : modalité, financeurs, mineurs…), pour "
        "les exigences sous condition : facts.holds(condition) vaut vrai, faux ou None (non "
        "déclaré).",
        "The target's declared facts (TargetFacts: modality, funders, minors…), for conditional "
        "items: facts.holds(condition) is true, false or None (not declared).",
    ),
    _builtin(
        "subchecks",
        True,
        "Un constat par élément (Subchecks), comme les subtests de pytest.",
        "One finding per item (Subchecks), as pytest's subtests.",
    ),
    _builtin(
        "workspace",
        False,
        "L'espace de preuves chargé (Workspace : dossier et rnq.yaml).",
        "The loaded workspace (Workspace: folder and rnq.yaml).",
    ),
    _builtin("config", False, "Le rnq.yaml validé (WorkspaceConfig).", "The validated rnq.yaml."),
    _builtin(
        "organization",
        False,
        "L'organisme (nom, NDA) déclaré dans rnq.yaml.",
        "The organization (name, NDA) declared in rnq.yaml.",
    ),
    _builtin(
        "referential",
        False,
        "Le référentiel appliqué (Referential), choisi par la date d'audit.",
        "The referential in force (Referential), chosen by the audit date.",
    ),
    _builtin(
        "audit",
        False,
        "L'audit préparé (type, date, NC de l'audit précédent).",
        "The audit being prepared (type, date, NCs of the previous audit).",
    ),
    _builtin(
        "audit_date",
        False,
        "La date d'audit (à défaut, la date du jour).",
        "The audit date (else today).",
    ),
    _builtin("today", False, "La date du jour de l'exécution.", "The date of the run."),
    _builtin(
        "folders",
        False,
        "Les dossiers d'unité et de prestation déclarés dans rnq.yaml qui existent "
        "(frozenset de chemins relatifs).",
        "The unit and offering folders declared in rnq.yaml that exist (frozenset of relative "
        "paths).",
    ),
    _builtin(
        "all_evidence",
        False,
        "Toutes les preuves de l'espace (EvidenceSet).",
        "Every piece of evidence of the workspace (EvidenceSet).",
    ),
    _builtin(
        "applicable",
        False,
        "Les numéros des indicateurs applicables (tuple[int, ...]).",
        "The numbers of the applicable indicators (tuple[int, ...]).",
    ),
    _builtin("lang", False, "La langue du rapport (fr ou en).", "The report's language."),
    _builtin(
        "freshness",
        False,
        "Les durées de fraîcheur par type de preuve, en mois (défauts, puis rnq.yaml).",
        "Freshness per kind of evidence, in months (defaults, then rnq.yaml).",
    ),
)
#: Built-in fixture names whose value depends on the check's target.
TARGETED = tuple(f.name for f in BUILTINS if f.targeted)
#: Built-in fixture names with one value per run.
SESSION = tuple(f.name for f in BUILTINS if not f.targeted)


@dataclass(frozen=True)
class FixtureDef:
    """A declared fixture: its name, function, the names it asks for, and where it comes from."""

    name: str
    func: Callable[..., Any]
    argnames: tuple[str, ...]
    source: str

    @property
    def sees(self) -> str | None:
        """What evidence the fixture's answer for a target depends on, when it says
        (``@fixture(sees="unit")`` or ``sees="unit_documents"``)."""
        return getattr(self.func, "__rnq_sees__", None)


class FixtureLookupError(LookupError):
    """A check or fixture asks for a name no fixture provides."""

    def __init__(self, requested: str, by: str, available: Iterable[str]) -> None:
        names = sorted(set(available))
        close = difflib.get_close_matches(requested, names, n=1)
        hint = f" Did you mean {close[0]!r}?" if close else ""
        super().__init__(
            f"fixture {requested!r} not found (requested by {by}).{hint} "
            f"Available fixtures: {', '.join(names)}."
        )
        self.requested = requested
        self.by = by
        self.available = names
        self.suggestion = close[0] if close else None

    def localized(self) -> Localized:
        """The error in French and English, with the closest fixture name as the fix."""
        known = ", ".join(self.available)
        if self.by.endswith("(cycle)"):
            return Localized(
                fr=f"les fixtures s'appellent en boucle : {self.by}",
                en=f"fixtures request each other in a cycle: {self.by}",
            )
        who = self.by.rpartition("::")[2]
        if self.suggestion is not None:
            return Localized(
                fr=f"{who} demande « {self.requested} », qui n'est pas une fixture — vouliez-vous "
                f"dire « {self.suggestion} » ? (fixtures : {known})",
                en=f"{who} asks for '{self.requested}', which is not a fixture — did you mean "
                f"'{self.suggestion}'? (fixtures: {known})",
            )
        return Localized(
            fr=f"{who} demande « {self.requested} », qui n'est pas une fixture ; déclarez-la avec "
            f"@rnq.fixture ou choisissez parmi : {known}",
            en=f"{who} asks for '{self.requested}', which is not a fixture; declare it with "
            f"@rnq.fixture or choose among: {known}",
        )


class FixtureRegistry:
    """The fixtures a run knows: built-in names plus declared :class:`FixtureDef`."""

    def __init__(self, builtin: Iterable[str], targeted: Iterable[str]) -> None:
        self.builtin = frozenset(builtin)
        self._targeted_builtins = frozenset(targeted)
        self.defs: dict[str, FixtureDef] = {}
        self._targeted: dict[str, bool] = {}

    def add_from(self, obj: object, source: str) -> list[FixtureDef]:
        """Register every ``@rnq.fixture`` function found on ``obj`` (a module or object)."""
        found = []
        for value in list(vars(obj).values()) if hasattr(obj, "__dict__") else []:
            name = getattr(value, "__rnq_fixture__", None)
            if isinstance(name, str) and callable(value):
                definition = FixtureDef(name, value, argnames(value), source)
                self.defs[name] = definition
                found.append(definition)
        self._targeted.clear()
        return found

    def available(self) -> list[str]:
        """Every fixture name, sorted."""
        return sorted(self.builtin | set(self.defs))

    def validate(self, names: Iterable[str], by: str, provided: Iterable[str] = ()) -> None:
        """Raise :class:`FixtureLookupError` if ``names`` (or what they need) cannot be resolved.

        Cycles are reported the same way, naming the chain.
        """
        extra = set(provided)

        def visit(name: str, chain: tuple[str, ...], requester: str) -> None:
            if name in extra or (name in self.builtin and name not in self.defs):
                return
            definition = self.defs.get(name)
            if definition is None:
                raise FixtureLookupError(name, requester, [*self.available(), *extra])
            if name in chain:
                raise FixtureLookupError(
                    name, " -> ".join((*chain, name)) + " (cycle)", self.available()
                )
            for sub in definition.argnames:
                visit(sub, (*chain, name), f"fixture {name!r}")

        for name in names:
            visit(name, (), by)

    def closure(self, names: Iterable[str]) -> frozenset[str]:
        """``names`` and every name the fixtures among them ask for, transitively."""
        seen: set[str] = set()
        stack = list(names)
        while stack:
            name = stack.pop()
            if name in seen:
                continue
            seen.add(name)
            definition = self.defs.get(name)
            if definition is not None:
                stack.extend(definition.argnames)
        return frozenset(seen)

    def is_targeted(self, name: str) -> bool:
        """True when fixture ``name`` depends on the check's target (computed per target)."""
        if name in self._targeted:
            return self._targeted[name]
        if name in self._targeted_builtins and name not in self.defs:
            return True
        definition = self.defs.get(name)
        self._targeted[name] = False  # breaks cycles; validate() reports them
        result = definition is not None and any(self.is_targeted(a) for a in definition.argnames)
        self._targeted[name] = result
        return result

    def resolve(
        self,
        names: Iterable[str],
        values: Mapping[str, Any],
        cache: dict[tuple[str, Any], Any],
        target_key: Any,
    ) -> dict[str, Any]:
        """Compute ``names``: from ``values`` (the run's built-ins and parameters) or by calling
        fixtures, reusing ``cache`` (keyed by name, and target for targeted fixtures)."""
        result = {}
        for name in names:
            result[name] = self._value(name, values, cache, target_key)
        return result

    def _value(
        self, name: str, values: Mapping[str, Any], cache: dict[tuple[str, Any], Any], target: Any
    ) -> Any:
        definition = self.defs.get(name)
        if definition is None:
            return values[name]
        key = (name, target if self.is_targeted(name) else None)
        if key in cache:
            return cache[key]
        kwargs = {a: self._value(a, values, cache, target) for a in definition.argnames}
        value = definition.func(**kwargs)
        cache[key] = value
        return value
