"""Running one item of a check and turning what happened into findings.

Exceptions become outcomes in one place, :func:`run_item`: ``AssertionError`` → ``gap``,
:func:`rnq.skip` → ``not_applicable``, :func:`rnq.not_verified` or any other exception →
``not_verified`` (never conform), a check that returns a value → ``not_verified`` (checks assert,
they do not return). Each run gives one :class:`~rnq.engine.findings.Finding` per indicator it
verifies (or per sub-item, with :class:`~rnq.engine.outcomes.Subchecks`).
"""

from __future__ import annotations

import contextlib
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Literal

from rnq.engine.discovery import CheckDef
from rnq.engine.findings import Finding, Outcome, finding_id
from rnq.engine.fixtures import FixtureLookupError, FixtureRegistry
from rnq.engine.items import Item
from rnq.engine.outcomes import (
    Advice,
    Gap,
    NotVerified,
    Skip,
    StandAside,
    Subchecks,
    collecting_advice,
)
from rnq.engine.reuse import WatchedEvidence
from rnq.text import Localized
from rnq.timeouts import StepTimeout, Watchdog

__all__ = ["run_item", "unknown_fixture_findings"]


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


@dataclass(frozen=True)
class _Said:
    """What one run of a check (or one of its sub-items) said."""

    message: Localized
    missing: bool = False
    evidence: tuple[str, ...] = ()
    provisional: bool = False
    item: str | None = None
    items: tuple[str, ...] = ()
    confirm: bool = False

    @classmethod
    def of_gap(cls, failure: AssertionError, item: str | None = None) -> _Said:
        """What a failed assert or a :class:`Gap` says."""
        if isinstance(failure, Gap):
            return cls(
                _message(failure),
                failure.missing,
                failure.evidence,
                failure.provisional,
                item,
                failure.items,
            )
        return cls(_message(failure), item=item)


def _call(
    item: Item,
    registry: FixtureRegistry,
    local: dict[str, Any],
    cache: dict[tuple[str, Any], Any],
    watchdog: Watchdog | None,
) -> tuple[Outcome | Literal["stood_aside"], _Said]:
    """Run the check of ``item`` once and say what happened (every exception is an outcome)."""
    check = item.check
    try:
        with watchdog.step() if watchdog is not None else contextlib.nullcontext():
            kwargs = registry.resolve(check.argnames, local, cache, item.target_key)
            # What the fixtures read, they declare (rnq.engine.reuse): only the check's own
            # reading of all the evidence makes its findings depend on all of it.
            WatchedEvidence.seen[0] = False
            returned = check.func(**kwargs)
    except AssertionError as exc:
        return "gap", _Said.of_gap(exc)
    except Skip as exc:
        return "not_applicable", _Said(exc.reason)
    except StandAside as exc:
        return "stood_aside", _Said(exc.reason)
    except NotVerified as exc:
        return "not_verified", _Said(exc.reason, evidence=exc.evidence)
    except StepTimeout as exc:
        return "not_verified", _Said(
            Localized(
                fr=f"la vérification a dépassé le délai de {exc.seconds:g} s : interrompue",
                en=f"the check ran past its {exc.seconds:g} s time limit: interrupted",
            )
        )
    except (Exception, SystemExit) as exc:  # a broken check never makes an indicator conform
        return "not_verified", _Said(
            Localized(
                fr=f"erreur dans la vérification : {exc!r}", en=f"error in the check: {exc!r}"
            )
        )
    if returned is not None:
        return "not_verified", _Said(
            Localized(
                fr="la vérification a renvoyé une valeur au lieu d'utiliser assert",
                en="the check returned a value instead of using assert",
            )
        )
    return "passed", _Said(check.requirement)


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
    subchecks = Subchecks()
    local = {**values, **item.params, "subchecks": subchecks}
    with collecting_advice() as advice:
        called, said = _call(item, registry, local, cache, watchdog)
    if called == "stood_aside":
        return []  # another check reports it
    outcome: Outcome = called
    if outcome == "passed" and subchecks.failures:
        outcome = "gap"
    parts = [said]
    if subchecks.failures and outcome == "gap":
        parts = [_Said.of_gap(failure, name) for name, failure in subchecks.failures]
    if outcome == "gap":  # a gap resting on a provisional fact reads « à confirmer » (SPEC §4)
        confirm = [p for p in parts if p.provisional]
        parts = [p for p in parts if not p.provisional]
        advice += [
            Advice(p.message, True, p.items, p.evidence, p.item or "provisoire") for p in confirm
        ]
        if not parts:
            outcome, parts = "advice", []
    findings = _findings(item, outcome, parts, evidence_paths) if parts else []
    if advice and outcome not in ("not_applicable", "not_verified"):
        said_advice = [
            _Said(
                a.message,
                evidence=a.evidence,
                item=f"conseil:{a.key or n}",
                items=a.items,
                confirm=a.confirm,
            )
            for n, a in enumerate(advice, 1)
        ]
        findings += _findings(item, "advice", said_advice, evidence_paths)
    return findings


def _findings(
    item: Item,
    outcome: Outcome,
    parts: list[_Said],
    evidence_paths: Callable[[Item, int], tuple[str, ...]],
) -> list[Finding]:
    """One finding per indicator of ``item`` and per part (the check, or each sub-item)."""
    check = item.check
    unit_id, offering_id = item.target_key
    fix = check.fix if outcome in ("gap", "advice") else None
    findings = []
    for number in item.indicators:
        for part in parts:
            label = "/".join(x for x in (item.param_id, part.item) if x) or None
            findings.append(
                Finding(
                    id=finding_id(check.name, number, unit_id, offering_id, label),
                    check=check.name,
                    indicator=number,
                    outcome=outcome,
                    unit=unit_id,
                    offering=offering_id,
                    item=label,
                    message=part.message,
                    fix=fix,
                    evidence=part.evidence or evidence_paths(item, number),
                    missing=part.missing,
                    provisional=part.provisional,
                    items=part.items,
                    confirm=part.confirm,
                )
            )
    return findings


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
