"""A session of checks: everything a run knows once evidence is collected, and running every
check over its targets (:func:`run_checks`).

Evidence is grouped by unit and offering once (:class:`_EvidenceIndex`), the built-in fixtures'
values are set for each item, and a finding about central evidence only is reported once, on the
central unit (SPEC §3).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from rnq.collect.collectors import FailedCollector
from rnq.collect.evidence import Evidence, EvidenceSet
from rnq.engine.collection import CheckCollection, collect_code
from rnq.engine.discovery import BUILTIN_PREFIX
from rnq.engine.findings import Finding, finding_id
from rnq.engine.items import Item, expand, unbound_reason
from rnq.engine.reuse import ItemMemo, WatchedEvidence, evidence_fingerprint
from rnq.engine.runner import run_item
from rnq.errors import CodeProblem, Problem
from rnq.plugins import PluginSet
from rnq.referential.applicability import Applicability
from rnq.referential.loader import Referential
from rnq.text import Lang, Localized
from rnq.timeouts import Watchdog
from rnq.workspace.config import Offering, Unit, Workspace, WorkspaceConfig
from rnq.workspace.facts import TargetFacts, applies_to_offering, applies_to_unit, facts_of
from rnq.workspace.kinds import Freshness

__all__ = ["Session", "run_checks"]


@dataclass
class Session:
    """Everything a run knows once evidence is collected; what checks see through fixtures."""

    workspace: Workspace
    referential: Referential
    decisions: list[Applicability]
    evidence: list[Evidence]
    today: dt.date
    audit_date: dt.date
    lang: Lang = "fr"
    units: tuple[str, ...] = ()
    indicators: tuple[int, ...] = ()
    problems: list[Problem] = field(default_factory=list)
    offerings: tuple[str, ...] = ()
    #: Collectors that raised or ran out of time: the indicators they feed are not assessed.
    failed_collectors: list[FailedCollector] = field(default_factory=list)

    def applicable(self) -> list[int]:
        """Applicable indicator numbers (restricted by ``--indicator``)."""
        numbers = [d.number for d in self.decisions if d.applicable]
        return [n for n in numbers if not self.indicators or n in self.indicators]

    def target_units(self) -> list[Unit]:
        """Units checks run for: the operational units (the central unit alone if it is all)."""
        units = list(self.workspace.config.units)
        operational = [u for u in units if not u.central] or units
        return [u for u in operational if not self.units or u.id in self.units]

    def target_offerings(self) -> list[tuple[Unit, Offering]]:
        """Every offering of the selected units (only ``offerings``, when given)."""
        selected = {u.id for u in self.target_units()} | {
            u.id
            for u in self.workspace.config.units
            if u.central and (not self.units or u.id in self.units)
        }
        return [
            (unit, offering)
            for unit in self.workspace.config.units
            if unit.id in selected
            for offering in unit.offerings
            if not self.offerings or offering.id in self.offerings
        ]


def _freshness(overrides: dict[str, int]) -> Freshness:
    """Months after which evidence of each kind is out of date (defaults, then ``freshness``,
    the rules the provider declared)."""
    from rnq.workspace.kinds import freshness_months, kind_ids

    months = {kind: freshness_months(kind, overrides) for kind in (*kind_ids(), *overrides)}
    return Freshness(
        {kind: value for kind, value in months.items() if value is not None}, declared=overrides
    )


class _EvidenceIndex:
    """Evidence pre-grouped by unit and offering, so each target's set is built once."""

    def __init__(self, evidence: Sequence[Evidence], central: Iterable[str]) -> None:
        self.all = EvidenceSet(evidence)
        self.central = tuple(central)
        self.by_unit: dict[str, list[Evidence]] = defaultdict(list)
        self.by_offering: dict[tuple[str, str], list[Evidence]] = defaultdict(list)
        #: Each unit's evidence that belongs to no offering.
        self.unit_level: dict[str, list[Evidence]] = defaultdict(list)
        by_unit, by_offering, unit_level = self.by_unit, self.by_offering, self.unit_level
        for item in evidence:  # 50 000 pieces
            unit, offering = item.unit, item.offering
            by_unit[unit].append(item)
            if offering is not None:
                by_offering[(unit, offering)].append(item)
            else:
                unit_level[unit].append(item)
        self._cache: dict[tuple[str | None, str | None], EvidenceSet] = {}
        self._paths: dict[tuple[str | None, str | None, int], tuple[str, ...]] = {}

    def for_target(self, unit: str | None, offering: str | None) -> EvidenceSet:
        key = (unit, offering)
        if key not in self._cache:
            if unit is None:
                result = self.all
            elif offering is not None:
                result = EvidenceSet(self.by_offering.get((unit, offering), ()))
            else:
                units = dict.fromkeys([unit, *self.central])
                result = EvidenceSet(e for u in units for e in self.by_unit.get(u, ()))
            self._cache[key] = result
        return self._cache[key]

    def unit_documents(self, unit: str) -> list[Evidence]:
        """The evidence of ``unit`` and of the central function that belongs to no offering
        (what a fixture declared ``sees="unit_documents"`` reads for a target of ``unit``)."""
        units = dict.fromkeys([unit, *self.central])
        return [e for u in units for e in self.unit_level.get(u, ())]

    def paths_for(self, unit: str | None, offering: str | None, number: int) -> tuple[str, ...]:
        """The first 20 paths of the target's evidence for indicator ``number`` (a finding's
        evidence list, as ``for_indicator(number).paths()[:20]``), computed once per target
        and indicator, not once per finding. The whole run's evidence (50 000 pieces, asked
        about one indicator or two: the certificate display's) is scanned up to the 20th
        rather than sorted out by indicator; a unit's or an offering's is sorted out once (its
        checks ask for it too)."""
        key = (unit, offering, number)
        found = self._paths.get(key)
        if found is None:
            if unit is None:
                paths: list[str] = []
                for item in self.all:
                    if number in item.indicators:
                        paths.append(item.path)
                        if len(paths) == 20:
                            break
            else:
                paths = self.for_target(unit, offering).for_indicator(number).paths()[:20]
            found = self._paths[key] = tuple(paths)
        return found


class _Scope:
    """Where each indicator applies (SPEC §4 « scope before content »): the offerings whose
    category and declared facts it concerns, and the units holding one of them; computed once
    per indicator."""

    def __init__(
        self,
        referential: Referential,
        config: WorkspaceConfig,
        units: Sequence[Unit],
        offerings: Sequence[tuple[Unit, Offering]],
    ) -> None:
        self._indicators = {i.number: i for i in referential}
        self._config = config
        self._units = units
        self._offerings = offerings
        self._for_offerings: dict[int, list[tuple[Unit, Offering]]] = {}
        self._for_units: dict[int, list[Unit]] = {}
        self._facts: dict[tuple[str, str | None], TargetFacts] = {}

    def offerings_for(self, number: int) -> list[tuple[Unit, Offering]]:
        if number not in self._for_offerings:
            indicator = self._indicators.get(number)
            self._for_offerings[number] = [
                (u, o)
                for u, o in self._offerings
                if indicator is None or applies_to_offering(indicator, self._config, u, o)
            ]
        return self._for_offerings[number]

    def facts(self, unit: Unit | None, offering: Offering | None) -> TargetFacts | None:
        """The declared facts of a target (None for a check run once for the whole run)."""
        if unit is None:
            return None
        key = (unit.id, offering.id if offering is not None else None)
        if key not in self._facts:
            self._facts[key] = facts_of(self._config, unit, offering)
        return self._facts[key]

    def units_for(self, number: int) -> list[Unit]:
        if number not in self._for_units:
            indicator = self._indicators.get(number)
            self._for_units[number] = [
                u
                for u in self._units
                if indicator is None or applies_to_unit(indicator, self._config, u)
            ]
        return self._for_units[number]


def _run_values(session: Session, index: _EvidenceIndex, *, watched: bool) -> dict[str, Any]:
    """The built-in fixtures' values that are the same for every item of the run
    (``watched``: ``all_evidence`` notes when a check reads it, :class:`WatchedEvidence`)."""
    config = session.workspace.config
    return {
        "workspace": session.workspace,
        "config": config,
        "organization": config.organization,
        "referential": session.referential,
        "audit": config.audit,
        "audit_date": session.audit_date,
        "today": session.today,
        "all_evidence": WatchedEvidence(index.all) if watched else index.all,
        "folders": _existing_folders(session.workspace),
        "applicable": tuple(session.applicable()),
        "lang": session.lang,
        "freshness": _freshness(dict(config.freshness)),
    }


def _expand_all(
    session: Session,
    checks: Sequence[Any],
    registry: Any,
    scope: _Scope,
    units: list[Unit],
    offerings: list[tuple[Unit, Offering]],
) -> list[Item]:
    """Every check expanded over its targets; a workspace or plugin check bound to nothing
    is reported, never silently skipped (SPEC §4)."""
    referential, applicable = session.referential, session.applicable()
    assessed = {i.number: i.assessed_at for i in referential}
    pending: list[Item] = []
    for check in checks:
        items = expand(
            check,
            version=referential.id,
            applicable=applicable,
            assessed_at=lambda n: assessed.get(n, "unit"),
            units=units,
            offerings=offerings,
            needs=registry.closure(check.argnames),
            offerings_for=scope.offerings_for,
            units_for=scope.units_for,
        )
        if not items and not check.source.startswith(BUILTIN_PREFIX):
            known = [i.number for i in referential]
            reason = unbound_reason(check, referential.id, applicable, known)
            if reason is not None:  # never silently skipped (SPEC §4)
                session.problems.append(
                    CodeProblem(path=check.source, line=check.line, message=reason)
                )
        pending.extend(items)
    return pending


def run_checks(
    session: Session,
    plugins: PluginSet,
    tell: Callable[[str, str], None] | None = None,
    watchdog: Watchdog | None = None,
    collection: CheckCollection | None = None,
    memo: ItemMemo | None = None,
) -> list[Finding]:
    """Expand every collected check over its targets and run it; return the findings.

    ``collection``: the checks :func:`~rnq.engine.collection.collect_code` collected (collected
    here when not given). ``tell(fr, en)`` hears which unit is being checked (the terminal's
    progress). ``memo``: earlier runs' findings by item key (:mod:`rnq.engine.reuse`); an item
    whose key it holds is not run again, and every item run is added to it.

    :raises CodeError: the checks or plugins have code errors (nothing is run).
    """
    if collection is None:
        collection = collect_code(session.workspace, plugins)
    collection.raise_errors()
    registry, checks = collection.registry, collection.checks
    config = session.workspace.config
    index = _EvidenceIndex(session.evidence, [u.id for u in config.units if u.central])
    referential = session.referential
    applicable = session.applicable()
    values = _run_values(session, index, watched=memo is not None)
    units, offerings = session.target_units(), session.target_offerings()
    scope = _Scope(referential, config, units, offerings)

    cache: dict[tuple[str, Any], Any] = {}
    findings: list[Finding] = []

    def evidence_paths(item: Item, number: int) -> tuple[str, ...]:
        unit_id, offering_id = item.target_key
        return index.paths_for(unit_id, offering_id, number)

    pending = _expand_all(session, checks, registry, scope, units, offerings)
    # Run unit by unit (stable within a unit), so progress can say which unit is checked.
    order = {unit.id: index_ for index_, unit in enumerate(session.workspace.config.units)}
    pending.sort(key=lambda item: order.get(item.target_key[0] or "", -1))
    deps = _Dependencies(memo, index, registry, values["folders"]) if memo is not None else None
    keys = deps.keys(pending) if deps is not None else None
    current: str | None = None
    for position, item in enumerate(pending):
        unit_id, offering_id = item.target_key
        if unit_id != current and unit_id is not None and tell is not None:
            current = unit_id
            tell(f"vérifications — unité {unit_id}", f"checks — unit {unit_id}")
        if keys is not None and deps is not None:
            reused = deps.reused(position, keys[position])
            if reused is not None:
                findings.extend(reused)
                continue
            WatchedEvidence.seen[0] = False
        values["unit"] = item.unit
        values["offering"] = item.offering
        values["target"] = item.offering or item.unit
        values["evidence"] = index.for_target(unit_id, offering_id)
        values["facts"] = scope.facts(item.unit, item.offering)
        values["indicator"] = (
            referential.indicator(item.indicators[0])
            if len(item.indicators) == 1 and item.indicators[0]
            else None
        )
        found = run_item(item, registry, values, cache, evidence_paths, watchdog)
        if keys is not None and deps is not None:
            deps.keep(position, keys[position], found, saw_everything=WatchedEvidence.seen[0])
        findings.extend(found)
    failed = _failed_collector_findings(session, scope, applicable)
    findings = _not_missing_where_a_collector_failed(findings, failed) + failed
    return _report_central_once(findings, index)


def _existing_folders(workspace: Workspace) -> frozenset[str]:
    """The unit and offering folders ``rnq.yaml`` declares that exist (the ``folders``
    fixture: a check may say a folder is missing)."""
    root, found = workspace.root, set()
    for unit in workspace.config.units:
        for folder in (unit.folder, *(unit.offering_folder(o) for o in unit.offerings)):
            if folder and (root / folder).is_dir():
                found.add(folder)
    return frozenset(found)


class _Dependencies:
    """What each item's findings depend on (:mod:`rnq.engine.reuse`), decided before it runs:

    * its target's evidence, always (a finding lists it);
    * its unit's and the central function's evidence when it uses a fixture declared
      ``sees="unit"``; only their documents that belong to no offering when the fixture is
      declared ``sees="unit_documents"`` (the sections of a unit's catalogues about an
      offering);
    * every piece of evidence when a fixture it uses reads ``all_evidence`` without saying
      what it sees, and the workspace's listing when one asks for ``workspace``;
    * and, learnt as it runs, every piece of evidence when the check itself reads
      ``all_evidence`` (:class:`WatchedEvidence`): most checks that ask for it read it only in
      some cases (the presence check, when the target has no evidence).
    """

    def __init__(
        self, memo: ItemMemo, index: _EvidenceIndex, registry: Any, folders: frozenset[str]
    ) -> None:
        self.memo, self.index, self.registry = memo, index, registry
        self.digests = memo.digests
        self.targets: dict[tuple[str | None, str | None], str] = {}
        self.documents: dict[str, str] = {}
        self.needs: dict[int, tuple[bool, bool, bool, bool]] = {}
        self._everything: str | None = None
        self.folders = repr(sorted(folders))
        #: Each item's group (its target unit, ``""`` for the whole run), by position.
        self.groups: list[str] = []

    def _target(self, unit: str | None, offering: str | None) -> str:
        key = (unit, offering)
        found = self.targets.get(key)
        if found is None:
            found = self.targets[key] = evidence_fingerprint(
                self.index.for_target(unit, offering), self.digests
            )
        return found

    def _documents(self, unit: str) -> str:
        found = self.documents.get(unit)
        if found is None:
            found = self.documents[unit] = evidence_fingerprint(
                self.index.unit_documents(unit), self.digests
            )
        return found

    @property
    def everything(self) -> str:
        if self._everything is None:
            self._everything = evidence_fingerprint(self.index.all, self.digests)
        return self._everything

    def _needs(self, check: Any) -> tuple[bool, bool, bool, bool]:
        """(every piece of evidence, the listing, the unit's evidence, the unit's documents
        that belong to no offering) ``check`` depends on whatever it does."""
        found = self.needs.get(id(check))
        if found is None:
            every = listing = unit = documents = False
            if "workspace" in check.argnames:
                every = listing = True
            for name in self.registry.closure(check.argnames):
                definition = self.registry.defs.get(name)
                if definition is None:
                    continue
                reads = {"all_evidence", "workspace"} & set(definition.argnames)
                if definition.sees == "unit":
                    unit = True
                elif definition.sees == "unit_documents":
                    documents = True
                elif reads:
                    every = True
                    listing = listing or "workspace" in reads
            found = self.needs[id(check)] = (every, listing, unit, documents)
        return found

    def keys(self, pending: Sequence[Item]) -> list[str]:
        """The key of each item, and the findings stored for their groups (their target units)
        loaded in one query."""
        keys, groups = [], []
        memo = self.memo
        needs, key = self._needs, memo.key
        seen: dict[tuple[str | None, str | None, bool, bool, bool, bool], str] = {}
        for item in pending:
            every, listing, unit, documents = needs(item.check)
            unit_id = item.unit.id if item.unit is not None else None
            offering_id = item.offering.id if item.offering is not None else None
            wanted = (unit_id, offering_id, every, listing, unit, documents)
            sees = seen.get(wanted)
            if sees is None:  # the same for the items of one target that need the same
                parts = [self.folders, self._target(unit_id, offering_id)]
                if unit and unit_id is not None:
                    parts.append(self._target(unit_id, None))
                if documents and not unit and unit_id is not None:
                    parts.append(self._documents(unit_id))
                if every or ((unit or documents) and unit_id is None):
                    parts.append(self.everything)
                if listing:
                    parts.append(memo.listing)
                sees = seen[wanted] = memo.seen(parts)
            keys.append(key(item, sees))
            groups.append(unit_id or "")
        self.groups = groups
        self.memo.prefetch(groups)
        return keys

    def reused(self, position: int, key: str) -> list[Finding] | None:
        """The findings stored for ``key`` (the item at ``position``), if what they depended
        on is unchanged."""
        return self.memo.get(self.groups[position], key, self._all)

    def _all(self) -> str:
        return self.everything

    def keep(
        self, position: int, key: str, findings: list[Finding], *, saw_everything: bool
    ) -> None:
        everything = self.everything if saw_everything else None
        self.memo.keep(self.groups[position], key, findings, everything)


def _not_missing_where_a_collector_failed(
    findings: list[Finding], failed: Sequence[Finding]
) -> list[Finding]:
    """A gap saying evidence is missing, on an indicator and unit a failed collector would have
    fed, cannot be told: the evidence may be in what the collector did not bring. It reads
    ``not_verified`` (never conform, never an NC on a guess)."""
    if not failed:
        return findings
    blind = {(f.indicator, f.unit) for f in failed}
    result = []
    for finding in findings:
        hit = (finding.indicator, finding.unit) in blind or (finding.indicator, None) in blind
        if finding.outcome == "gap" and finding.missing and hit:
            cause = next(
                f
                for f in failed
                if f.indicator == finding.indicator and f.unit in (finding.unit, None)
            )
            finding = finding.model_copy(
                update={
                    "outcome": "not_verified",
                    "missing": False,
                    "message": Localized(
                        fr=f"{finding.message.fr} — non établi : {cause.message.fr}",
                        en=f"{finding.message.en} — not established: {cause.message.en}",
                    ),
                }
            )
        result.append(finding)
    return result


def _failed_collector_findings(
    session: Session, scope: _Scope, applicable: Sequence[int]
) -> list[Finding]:
    """One ``not_verified`` finding per indicator a failed collector would have fed, on its unit
    (the whole run for a workspace-wide collector): those indicators are never conform."""
    findings: list[Finding] = []
    units = {u.id: u for u in session.workspace.config.units}
    for failed in session.failed_collectors:
        if failed.unit is not None and session.units and failed.unit not in session.units:
            continue
        numbers = [n for n in applicable if failed.indicators is None or n in failed.indicators]
        unit = units.get(failed.unit) if failed.unit is not None else None
        if unit is not None and not unit.central:
            numbers = [n for n in numbers if unit in scope.units_for(n)]
        check = f"collector:{failed.name}"
        for number in numbers:
            findings.append(
                Finding(
                    id=finding_id(check, number, failed.unit, None, None),
                    check=check,
                    indicator=number,
                    outcome="not_verified",
                    unit=failed.unit,
                    message=failed.message,
                )
            )
    return findings


def _report_central_once(findings: list[Finding], index: _EvidenceIndex) -> list[Finding]:
    """A finding about central evidence only is reported once, on the central unit, not once per
    unit (SPEC §3)."""
    if not index.central:
        return findings
    central_paths = {e.path for u in index.central for e in index.by_unit.get(u, ())}
    seen: set[tuple[str, int, str, str, tuple[str, ...]]] = set()
    result = []
    for finding in findings:
        if (
            finding.unit is not None
            and finding.offering is None
            and finding.outcome != "passed"
            and finding.evidence
            and set(finding.evidence) <= central_paths
        ):
            key = (
                finding.check,
                finding.indicator,
                finding.outcome,
                finding.message.fr,
                finding.evidence,
            )
            if key in seen:
                continue
            seen.add(key)
            finding = finding.model_copy(update={"unit": index.central[0]})
        result.append(finding)
    return result
