"""Verdicts: from findings to statuses, non-conformities, the certification answer and the plan.

:func:`build_report` is a pure function of its inputs (no clock, no file): the same inputs give
a byte-identical :meth:`~rnq.verdict.report.Report.to_json`. The rules are SPEC §5 and
``reference/rnq.md`` §4:

* **Parts.** Each finding gives a status to its part (indicator × unit, indicator × offering):
  ``passed`` → conform, ``gap`` → the indicator's NC level, ``not_verified`` → not_assessed
  (never conform), ``waived`` → waived; ``not_applicable`` findings do not count (a part with
  nothing else is ``not_applicable``). A finding on an offering counts for the offering's unit
  too. The indicator takes the worst of its findings in the order
  nc_major > nc_minor > not_assessed > waived > conform.
* **One NC per indicator.** On a « majeure uniquement » indicator any gap is nc_major.
  Elsewhere, when every gap says evidence is ``missing`` and nothing passed (no usable evidence
  anywhere the indicator is assessed), nc_major; otherwise nc_minor (partial). Every gap part of
  the indicator carries that one level.
* **Previous audit.** A minor NC notified at the previous audit (and not recorded as lifted)
  whose indicator is still nc_minor is requalified nc_major.
* **Audit scope**: ``surveillance_scope`` on the indicators of a surveillance audit's minimum
  review, ``process_only`` on a new entrant's indicators audited only for a formalised process
  at its initial audit, with ``scope_reason`` (:func:`rnq.rehearsal.calendar.audit_scope`). On a
  ``process_only`` indicator with a readable « procedure », partial gaps (implementation) read
  passed for this audit, saying the surveillance audit will check implementation.
* **Applicable, no finding** → not_assessed. **Every finding not_applicable** → the checks found
  nothing to assess: the indicator reads not_applicable, with their reasons, and leaves the
  counts.
* **Limits.** ``referential_notes``: the caveats of the referential in force that concern this
  workspace (the new entrants' list only when ``activity.new_entrant`` is declared).
* **Certifiable.** ``false`` with the blocking reasons when some indicator is nc_major, the
  certificate display is missing (a major NC), or five or more indicators are nc_minor;
  else ``null`` when some applicable indicator (or the display obligation, at surveillance and
  renewal) is not assessed; else ``true``.
* **Action plan** — one item per remaining gap (waived gaps are not in it), in the order that
  unblocks certification soonest: majors first, then minors, then advice; within a level, what
  one file fixes, then a case to handle, then a process to create (``effort``,
  :func:`rnq.verdict.plan.effort`); then by indicator, unit, offering. Owner:
  ``owners.indicators[n]``, else the unit's ``owner``, else ``owners.default``. ``due``: with
  an audit date, 21 days before it for a major and 7 days before it for a minor (a major must
  be lifted before the audit; a minor just needs its correction under way); without one,
  today + 30 days (major) or + 60 days (minor); never before today. ``deadline_if_raised``:
  audit date + 3 months for a major (then ``verification_by`` one month later, for the
  certifier) or + 6 months for a minor; null without an audit date. Months add with the day
  clamped to the end of the month.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal, cast

from rnq.collect.evidence import Evidence, shared_fields_set
from rnq.collect.evidence_map import report_rows, unmapped_item
from rnq.engine.findings import Finding
from rnq.errors import CodeProblem, Problem
from rnq.referential.applicability import Applicability
from rnq.referential.loader import Referential
from rnq.rehearsal.calendar import AuditScope, audit_scope
from rnq.text import Lang, Localized, msg
from rnq.verdict.plan import action_item, action_key
from rnq.verdict.report import (
    ActionItem,
    ActionLevel,
    AuditBlock,
    IndicatorResult,
    NcLevel,
    Obligation,
    OfferingInfo,
    OrganizationBlock,
    PreviousNcInfo,
    Report,
    ReportError,
    ReportFinding,
    Status,
    Summary,
    UnitInfo,
)
from rnq.verdict.rules import (
    Nc,
    certification_answer,
    finding_unit,
    nc_level,
    not_assessed_reason,
    part,
    parts,
    sorted_findings,
    unique_messages,
    worst,
)
from rnq.verdict.waivers import Waiver, apply_waivers
from rnq.workspace.config import PreviousNc, WorkspaceConfig

__all__ = ["DISPLAY", "FailOn", "build_report", "exit_code", "worst"]

FailOn = Literal["minor", "major", "not-assessed", "never"]

#: Findings on this indicator number are the certificate-display obligation (SPEC §7).
DISPLAY = 0


def report_finding(finding: Finding, unit_of: Mapping[str, str], lang: Lang) -> ReportFinding:
    """``finding`` as the report shows it, in ``lang``.

    Built from the finding's fields without validating them again (they are the validated
    fields of a :class:`~rnq.engine.findings.Finding`, of the same types): 7 000 findings a
    report at 50 000 files. ``tests/test_report_json.py`` compares it with the validating
    constructor."""
    fix = finding.fix
    made = _new(ReportFinding)
    _set(
        made,
        "__dict__",
        {
            "id": finding.id,
            "check": finding.check,
            "outcome": finding.outcome,
            "unit": finding_unit(finding, unit_of),
            "offering": finding.offering,
            "message": finding.message.get(lang),
            "evidence": tuple(sorted(set(finding.evidence))),
            "item": finding.item,
            "fix": None if fix is None else fix.get(lang),
            "missing": finding.missing,
            "provisional": finding.provisional,
            "items": finding.items,
            "confirm": finding.confirm,
        },
    )
    _set(made, "__pydantic_fields_set__", _FINDING_FIELDS)
    _set(made, "__pydantic_extra__", None)
    _set(made, "__pydantic_private__", None)
    return made


_new = object.__new__
_set = object.__setattr__
#: Every field of a report's finding is given.
_FINDING_FIELDS = shared_fields_set(ReportFinding.model_fields)


def _indicator_result(
    decision: Applicability,
    findings: Sequence[Finding],
    previous: Sequence[PreviousNc],
    unit_of: Mapping[str, str],
    lang: Lang,
) -> tuple[IndicatorResult, Nc | None]:
    indicator = decision.indicator
    counted = [f for f in findings if f.outcome not in ("not_applicable", "advice")]
    nc: Nc | None = None
    reason: Localized | None = None
    status: Status
    units: dict[str, Status] = {}
    offerings: dict[str, Status] = {}
    infos: tuple[PreviousNcInfo, ...] = ()
    if not decision.applicable:
        status, reason = "not_applicable", decision.reason
    elif not counted and any(f.outcome == "advice" for f in findings):
        status = "conform"  # advice alone: the checks found nothing to fix (SPEC §5)
        units, offerings = parts(findings, None, unit_of)
    elif not counted and findings:
        status = "not_applicable"
        reason = msg(
            f"sans objet d'après les contrôles : {unique_messages(findings, 'fr')}",
            f"nothing to assess according to the checks: {unique_messages(findings, 'en')}",
        )
        units, offerings = parts(findings, None, unit_of)
    elif not counted:
        status, reason = "not_assessed", not_assessed_reason(())
    else:
        nc, infos = nc_level(indicator, counted, previous)
        level = None if nc is None else nc.level
        units, offerings = parts(findings, level, unit_of)
        status = worst(s for f in counted if (s := part(f, level)) is not None) or "not_assessed"
        if nc is not None:
            reason = nc.reason
        elif status == "not_assessed":
            reason = not_assessed_reason(counted)
        elif status == "waived":
            reason = msg(
                "écart couvert par une dérogation (voir les constats)",
                "gap covered by a waiver (see the findings)",
            )
    notes = {key: text.get(lang) for key, text in indicator.provisional.items()}
    result = IndicatorResult(
        number=indicator.number,
        criterion=indicator.criterion,
        status=status,
        reason=None if reason is None else reason.get(lang),
        provisional=indicator.is_provisional or any(f.provisional for f in findings),
        units=units,
        findings=tuple(
            report_finding(f, unit_of, lang) for f in sorted_findings(findings, unit_of)
        ),
        title=indicator.title.get(lang),
        applicable=decision.applicable,
        nc_weighting=indicator.nc_weighting,
        assessed_at=indicator.assessed_at,
        expected_level=None if indicator.expected_level is None else indicator.expected_level.text,
        offerings=offerings,
        provisional_notes=notes,
        previous_nc=infos,
    )
    return result, nc


def _display(
    findings: Sequence[Finding], audit_type: str, unit_of: Mapping[str, str], lang: Lang
) -> Obligation | None:
    """The certificate-display obligation: at surveillance and renewal, missing → major."""
    applies = audit_type in ("surveillance", "renewal")
    if not applies and not findings:
        return None
    title = msg(
        "Affichage du certificat (site internet et locaux)",
        "Certificate display (website and premises)",
    )
    counted = [f for f in findings if f.outcome not in ("not_applicable", "advice")]
    reason: Localized | None
    units: dict[str, Status] = {}
    if not applies:
        status: Status = "not_applicable"
        reason = msg(
            "audit initial : pas encore de certificat à afficher",
            "initial audit: no certificate to display yet",
        )
    elif not counted:
        status = "not_assessed"
        reason = msg(
            "l'affichage du certificat n'a pas été contrôlé (vérifié à la surveillance et au "
            "renouvellement ; son absence est une NC majeure)",
            "the certificate display was not checked (verified at surveillance and renewal; "
            "its absence is a major NC)",
        )
    else:
        units, _ = parts(counted, "nc_major", unit_of)
        status = worst(s for f in counted if (s := part(f, "nc_major")) is not None) or (
            "not_assessed"
        )
        if status == "nc_major":
            reason = msg(
                "certificat non affiché : NC majeure (arrêté du 6 juin 2019, art. 2)",
                "certificate not displayed: a major NC (arrêté of 6 June 2019, art. 2)",
            )
        elif status == "not_assessed":
            reason = not_assessed_reason(counted)
        elif status == "waived":
            reason = msg("écart couvert par une dérogation", "gap covered by a waiver")
        else:
            reason = None
    return Obligation(
        id="display",
        title=title.get(lang),
        applies=applies,
        status=status,
        reason=None if reason is None else reason.get(lang),
        units=units,
        findings=tuple(
            report_finding(f, unit_of, lang) for f in sorted_findings(findings, unit_of)
        ),
    )


def _scope(
    decision: Applicability,
    config: WorkspaceConfig,
    previous: Mapping[int, Sequence[PreviousNc]],
    evidence: Sequence[Evidence],
) -> tuple[AuditScope, list[str]]:
    """The indicator's audit scope (:func:`rnq.rehearsal.calendar.audit_scope`) and, for a new
    entrant at its initial audit, the readable « procedure » evidence mapped to it."""
    number = decision.number
    procedures: list[str] = []
    if config.audit.type == "initial" and config.activity.new_entrant:
        procedures = sorted(
            e.path
            for e in evidence
            if e.kind == "procedure" and e.usable and number in e.indicators
        )
    scope = audit_scope(
        decision.indicator,
        config,
        applicable=decision.applicable,
        previous=previous.get(number, ()),
        procedures=procedures,
    )
    return scope, procedures


def _process_only(findings: list[Finding], procedures: Sequence[str]) -> list[Finding]:
    """A new entrant's initial audit looks only for the formalised process on the indicators
    audited that way: with a readable procedure, the gaps about implementation (evidence that
    exists but is partial or stale) are left to the surveillance audit: they read ``passed`` for
    this audit, with that reason. Gaps where nothing exists, and what could not be verified,
    stand."""
    where = ", ".join(procedures[:3])
    reason = Localized(
        fr=f"nouvel entrant, audit initial : seul le processus formalisé est audité ({where}) ; "
        "la mise en œuvre sera vérifiée à l'audit de surveillance",
        en=f"new entrant, initial audit: only the formalised process is audited ({where}); "
        "implementation will be checked at the surveillance audit",
    )
    return [
        f.model_copy(update={"outcome": "passed", "message": reason, "fix": None})
        if f.outcome == "gap" and not f.missing
        else f
        for f in findings
    ]


def _with_scope(result: IndicatorResult, scope: AuditScope, lang: Lang) -> IndicatorResult:
    """Mark the indicator's audit scope: in the minimum review of a surveillance audit, or
    audited only for a formalised process (new entrant at its initial audit)."""
    if scope.reason is None:
        return result
    return result.model_copy(
        update={
            "surveillance_scope": scope.surveillance_scope,
            "process_only": scope.process_only,
            "scope_reason": scope.reason.get(lang),
        }
    )


@dataclass(frozen=True)
class _Context:
    """What every step of :func:`build_report` needs to know about the run."""

    config: WorkspaceConfig
    unit_of: Mapping[str, str]
    today: dt.date
    audit_date: dt.date | None
    lang: Lang

    def actions(self, findings: Sequence[Finding], level: NcLevel) -> list[ActionItem]:
        """One action-plan item per gap of ``findings``, at ``level``."""
        return self._items(findings, level, "gap")

    def advice(self, findings: Sequence[Finding]) -> list[ActionItem]:
        """One optional action-plan item per advice of ``findings``."""
        return self._items(findings, "advice", "advice")

    def _items(
        self, findings: Sequence[Finding], level: ActionLevel, outcome: str
    ) -> list[ActionItem]:
        return [
            action_item(
                f,
                level,
                config=self.config,
                unit_of=self.unit_of,
                today=self.today,
                audit_date=self.audit_date,
                lang=self.lang,
            )
            for f in findings
            if f.outcome == outcome
        ]


def _by_indicator(
    findings: Sequence[Finding], referential: Referential
) -> tuple[dict[int, list[Finding]], list[Finding]]:
    """Findings by indicator number (0: the certificate display), and those on an indicator
    ``referential`` does not have."""
    known = {indicator.number for indicator in referential}
    by_number: dict[int, list[Finding]] = {}
    strays: list[Finding] = []
    for finding in findings:
        if finding.indicator == DISPLAY or finding.indicator in known:
            by_number.setdefault(finding.indicator, []).append(finding)
        else:
            strays.append(finding)
    return by_number, strays


def _indicators(
    decisions: Sequence[Applicability],
    by_number: Mapping[int, list[Finding]],
    evidence: Sequence[Evidence],
    context: _Context,
) -> tuple[list[IndicatorResult], list[ActionItem]]:
    """The result of every indicator the report covers, and the action-plan items of its NC."""
    previous: dict[int, list[PreviousNc]] = {}
    for old in context.config.audit.previous_nc:
        previous.setdefault(old.indicator, []).append(old)
    results: list[IndicatorResult] = []
    plan: list[ActionItem] = []
    for decision in sorted(decisions, key=lambda d: d.number):
        mine = by_number.get(decision.number, [])
        scope, procedures = _scope(decision, context.config, previous, evidence)
        if scope.process_only and procedures:
            mine = _process_only(mine, procedures)
        result, nc = _indicator_result(
            decision, mine, previous.get(decision.number, []), context.unit_of, context.lang
        )
        results.append(_with_scope(result, scope, context.lang))
        if nc is not None and decision.applicable:
            plan += context.actions(mine, nc.level)
        if decision.applicable:
            plan += context.advice(mine)
    return results, plan


def _summary(results: Sequence[IndicatorResult], display: Obligation | None, lang: Lang) -> Summary:
    """The counts and the answer to « En l'état, le certificat serait-il délivré ? »."""
    answer_of = certification_answer(results, display, lang)
    certifiable, blocking, undetermined, answer = answer_of
    counted = [r for r in results if r.status != "not_applicable"]

    def count(status: Status) -> int:
        return sum(1 for r in counted if r.status == status)

    advice = sum(1 for r in counted for f in r.findings if f.outcome == "advice")

    return Summary(
        applicable=len(counted),
        conform=count("conform"),
        nc_minor=count("nc_minor"),
        nc_major=count("nc_major"),
        not_assessed=count("not_assessed"),
        waived=count("waived"),
        certifiable=certifiable,
        blocking=tuple(blocking),
        undetermined=tuple(undetermined),
        not_applicable=len(results) - len(counted),
        total=len(results),
        certifiable_question=msg(
            "En l'état, le certificat serait-il délivré ?",
            "As things stand, would the certificate be delivered?",
        ).get(lang),
        answer=answer,
        advice=advice,
    )


def _errors(
    problems: Sequence[Problem], strays: Sequence[Finding], referential: str, lang: Lang
) -> tuple[ReportError, ...]:
    """The run's problems, and the findings on indicators the referential does not have, each
    once, sorted by path and line."""
    errors = {
        (p.path, p.line, p.message.get(lang), "code" if isinstance(p, CodeProblem) else "file")
        for p in problems
    } | {
        (
            f"check:{f.check}",
            None,
            msg(
                f"constat sur l'indicateur {f.indicator}, absent de {referential} : ignoré",
                f"finding on indicator {f.indicator}, which {referential} does not have: ignored",
            ).get(lang),
            "code",
        )
        for f in strays
    }
    return tuple(
        ReportError(path=path, line=line, message=message, kind=cast("Any", kind))
        for path, line, message, kind in sorted(errors, key=lambda e: (e[0], e[1] or 0, e[2]))
    )


def _units(config: WorkspaceConfig) -> tuple[UnitInfo, ...]:
    """The units and their offerings, as the report shows them."""
    return tuple(
        UnitInfo(
            id=unit.id,
            name=unit.name,
            central=unit.central,
            owner=unit.owner,
            offerings=tuple(
                OfferingInfo(
                    id=o.id, title=o.title, category=o.category, certification=o.certification
                )
                for o in unit.offerings
            ),
        )
        for unit in config.units
    )


def build_report(
    *,
    referential: Referential,
    decisions: Sequence[Applicability],
    config: WorkspaceConfig,
    findings: Sequence[Finding],
    problems: Sequence[Problem],
    waivers: Sequence[Waiver] = (),
    today: dt.date,
    audit_date: dt.date | None,
    lang: Lang = "fr",
    evidence: Sequence[Evidence] = (),
    unmapped: Sequence[Evidence] = (),
) -> Report:
    """The report of one run: statuses, NCs, certification answer, action plan, errors.

    ``decisions`` says which indicators the report covers (all of them, or those a filter
    kept) and whether each applies; findings on other indicators of ``referential`` are left
    out, findings on indicators it does not have are reported as errors, findings on indicator
    0 are the certificate-display obligation. ``waivers`` are applied here. See the module
    docstring for every rule.
    """
    unit_of = {o.id: unit.id for unit in config.units for o in unit.offerings}
    context = _Context(config, unit_of, today, audit_date, lang)
    applied = apply_waivers(findings, waivers, today=today, audit_date=audit_date)
    by_number, strays = _by_indicator(applied, referential)
    results, plan = _indicators(decisions, by_number, evidence, context)
    display = _display(by_number.get(DISPLAY, []), config.audit.type, unit_of, lang)
    if display is not None and display.applies:
        plan += context.actions(by_number.get(DISPLAY, []), "nc_major")
    return Report(
        referential=referential.id,
        audit=AuditBlock(
            type=config.audit.type, date=audit_date, certified_on=config.audit.certified_on
        ),
        today=today,
        summary=_summary(results, display, lang),
        indicators=tuple(results),
        action_plan=tuple(sorted(plan, key=action_key)),
        errors=_errors(problems, strays, referential.id, lang),
        lang=lang,
        referential_title=referential.info.title.get(lang),
        referential_notes=tuple(
            note.get(lang)
            for note in referential.info.caveats(new_entrant=bool(config.activity.new_entrant))
        ),
        organization=OrganizationBlock(name=config.organization.name, nda=config.organization.nda),
        obligations=() if display is None else (display,),
        units=_units(config),
        evidence=report_rows(evidence),
        unmapped=tuple(
            unmapped_item(e, lang) for e in sorted(unmapped, key=lambda e: (e.unit, e.path))
        ),
    )


def exit_code(report: Report, fail_on: FailOn = "major") -> int:
    """The exit status of ``rnq check`` (SPEC §6).

    ``major``: 1 when something blocks certification (an nc_major indicator, a missing
    certificate display, or five minors or more); ``not-assessed``: 1 also when something could
    not be assessed (« non évalué »: the answer cannot be told); ``minor``: 1 also for a single
    nc_minor or anything not assessed; ``never``: always 0.
    """
    if fail_on == "never":
        return 0
    if report.summary.blocking or report.summary.nc_major:
        return 1
    if fail_on in ("minor", "not-assessed") and _not_assessed(report):
        return 1
    if fail_on == "minor" and report.summary.nc_minor:
        return 1
    return 0


def _not_assessed(report: Report) -> bool:
    """Whether some indicator, unit, offering or obligation reads « non évalué » (a part can
    be hidden under a worse status of its indicator)."""
    if report.summary.not_assessed:
        return True
    statuses = [
        status
        for indicator in report.indicators
        for status in (indicator.status, *indicator.units.values(), *indicator.offerings.values())
    ]
    statuses += [
        status
        for obligation in report.obligations
        for status in (obligation.status, *obligation.units.values())
    ]
    return "not_assessed" in statuses
