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
* **Certifiable.** ``false`` with the blocking reasons when some indicator is nc_major, the
  certificate display is missing (a major NC), or five or more indicators are nc_minor;
  else ``null`` when some applicable indicator (or the display obligation, at surveillance and
  renewal) is not assessed; else ``true``.
* **Action plan** — one item per remaining gap (waived gaps are not in it), majors first, then
  by indicator, unit, offering. Owner: ``owners.indicators[n]``, else the unit's ``owner``, else
  ``owners.default``. ``due``: with an audit date, 21 days before it for a major and 7 days
  before it for a minor (a major must be lifted before the audit; a minor just needs its
  correction under way); without one, today + 30 days (major) or + 60 days (minor); never
  before today. ``deadline_if_raised``: audit date + 3 months for a major (then
  ``verification_by`` one month later, for the certifier) or + 6 months for a minor; null
  without an audit date. Months add with the day clamped to the end of the month.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from rnq.collect.evidence import Evidence
from rnq.collect.evidence_map import evidence_item, unmapped_item
from rnq.dates import add_months
from rnq.engine.findings import Finding, Outcome
from rnq.errors import Problem
from rnq.referential.applicability import Applicability
from rnq.referential.loader import Indicator, Referential
from rnq.rehearsal.calendar import AuditScope, audit_scope
from rnq.text import Lang, Localized
from rnq.verdict.report import (
    ActionItem,
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
from rnq.verdict.waivers import Waiver, apply_waivers, date_text
from rnq.workspace.config import PreviousNc, WorkspaceConfig

__all__ = ["FailOn", "build_report", "exit_code", "worst"]

FailOn = Literal["minor", "major", "never"]

#: Severity of each status: an indicator takes the worst of its parts.
_RANK: dict[Status, int] = {
    "not_applicable": 0,
    "conform": 1,
    "waived": 2,
    "not_assessed": 3,
    "nc_minor": 4,
    "nc_major": 5,
}
_PART: dict[Outcome, Status] = {
    "passed": "conform",
    "not_verified": "not_assessed",
    "waived": "waived",
}
#: Findings on this indicator number are the certificate-display obligation (SPEC §7).
DISPLAY = 0
_MINOR_LIMIT = 5
_DUE_BEFORE_AUDIT = {"nc_major": 21, "nc_minor": 7}
_DUE_WITHOUT_AUDIT = {"nc_major": 30, "nc_minor": 60}


def _l(fr: str, en: str) -> Localized:
    return Localized(fr=fr, en=en)


def _count(n: int, fr: tuple[str, str], en: tuple[str, str]) -> Localized:
    """``n`` and a noun phrase, singular or plural: ``_count(2, ("NC mineure", "NC mineures"),
    ("minor NC", "minor NCs"))``. French takes the singular for 0 and 1."""
    return _l(f"{n} {fr[0] if n <= 1 else fr[1]}", f"{n} {en[0] if n == 1 else en[1]}")


_MAJORS = (("NC majeure", "NC majeures"), ("major NC", "major NCs"))
_MINORS = (("NC mineure", "NC mineures"), ("minor NC", "minor NCs"))


def worst(statuses: Iterable[Status]) -> Status | None:
    """The worst status (nc_major > nc_minor > not_assessed > waived > conform), or None."""
    ranked = sorted(statuses, key=lambda s: _RANK[s])
    return ranked[-1] if ranked else None


@dataclass(frozen=True)
class _Nc:
    level: NcLevel
    reason: Localized


def _previous_infos(
    previous: Sequence[PreviousNc], failing: bool, requalified: bool
) -> tuple[PreviousNcInfo, ...]:
    return tuple(
        PreviousNcInfo(
            level=p.level,
            notified=p.notified,
            lifted=p.lifted,
            still_failing=failing,
            requalified=requalified and p.level == "minor" and p.lifted is None,
        )
        for p in sorted(previous, key=lambda p: (p.notified, p.level))
    )


def _nc_level(
    indicator: Indicator, findings: Sequence[Finding], previous: Sequence[PreviousNc]
) -> tuple[_Nc | None, tuple[PreviousNcInfo, ...]]:
    """The one NC of an indicator (None when it has no gap), with why, and what became of the
    NCs of the previous audit on it."""
    gaps = [f for f in findings if f.outcome == "gap"]
    if not gaps:
        return None, _previous_infos(previous, failing=False, requalified=False)
    level: NcLevel
    if indicator.major_only:
        level = "nc_major"
        reason = _l(
            "indicateur « NC majeure uniquement » : tout écart, même partiel, est une NC majeure",
            "'major NC only' indicator: any gap, even partial, is a major NC",
        )
    elif all(f.missing for f in gaps) and not any(f.outcome == "passed" for f in findings):
        level = "nc_major"
        reason = _l(
            "non prise en compte : aucune preuve exploitable là où l'indicateur est évalué",
            "not addressed: no usable evidence anywhere the indicator is assessed",
        )
    else:
        level = "nc_minor"
        reason = _l(
            "prise en compte partielle : des preuves existent mais sont incomplètes, périmées "
            "ou manquent pour certaines unités ou prestations",
            "partly addressed: evidence exists but is incomplete, out of date or missing for "
            "some units or offerings",
        )
    open_previous = [p for p in previous if p.lifted is None]
    requalified = False
    minors = [p for p in open_previous if p.level == "minor"]
    if minors:
        notified = date_text(min(p.notified for p in minors))
        if level == "nc_minor":
            level, requalified = "nc_major", True
            reason = _l(
                f"NC mineure notifiée le {notified.fr} à l'audit précédent et toujours pas "
                f"levée : requalifiée en NC majeure ({reason.fr})",
                f"minor NC notified on {notified.en} at the previous audit and still not "
                f"lifted: requalified as a major NC ({reason.en})",
            )
        else:
            reason = _l(
                f"{reason.fr} ; la NC mineure notifiée le {notified.fr} n'est pas levée",
                f"{reason.en}; the minor NC notified on {notified.en} is not lifted",
            )
    majors = [p for p in open_previous if p.level == "major"]
    if majors:
        notified = date_text(min(p.notified for p in majors))
        reason = _l(
            f"{reason.fr} ; la NC majeure notifiée le {notified.fr} n'est pas levée",
            f"{reason.en}; the major NC notified on {notified.en} is not lifted",
        )
    if len(gaps) > 1:
        reason = _l(
            f"{reason.fr} — {len(gaps)} écarts relevés, comptés comme une seule NC",
            f"{reason.en} — {len(gaps)} gaps found, counted as one NC",
        )
    return _Nc(level, reason), _previous_infos(previous, failing=True, requalified=requalified)


def _part(finding: Finding, level: NcLevel | None) -> Status | None:
    if finding.outcome == "not_applicable":
        return None
    if finding.outcome == "gap":
        assert level is not None
        return level
    return _PART[finding.outcome]


def _parts(
    findings: Sequence[Finding], level: NcLevel | None, unit_of: Mapping[str, str]
) -> tuple[dict[str, Status], dict[str, Status]]:
    """Statuses per unit and per offering (an offering's finding counts for its unit too)."""
    units: dict[str, list[Status]] = {}
    offerings: dict[str, list[Status]] = {}
    for finding in findings:
        status = _part(finding, level)
        unit = _unit(finding, unit_of)
        for key, table in ((unit, units), (finding.offering, offerings)):
            if key is None:
                continue
            bucket = table.setdefault(key, [])
            if status is not None:
                bucket.append(status)

    def fold(table: dict[str, list[Status]]) -> dict[str, Status]:
        return {key: worst(values) or "not_applicable" for key, values in sorted(table.items())}

    return fold(units), fold(offerings)


def _unit(finding: Finding, unit_of: Mapping[str, str]) -> str | None:
    if finding.unit is not None:
        return finding.unit
    return unit_of.get(finding.offering) if finding.offering is not None else None


def _sorted(findings: Iterable[Finding], unit_of: Mapping[str, str]) -> list[Finding]:
    """Findings by unit (an offering's finding under its unit), offering, check, item, id."""
    return sorted(findings, key=lambda f: (_unit(f, unit_of) or "", *_sort_key(f)))


def _sort_key(finding: Finding) -> tuple[str, ...]:
    return (
        finding.offering or "",
        finding.check,
        finding.item or "",
        finding.id,
        finding.outcome,
        finding.message.fr,
    )


def _report_finding(finding: Finding, unit_of: Mapping[str, str], lang: Lang) -> ReportFinding:
    return ReportFinding(
        id=finding.id,
        check=finding.check,
        outcome=finding.outcome,
        unit=_unit(finding, unit_of),
        offering=finding.offering,
        message=finding.message.get(lang),
        evidence=tuple(sorted(set(finding.evidence))),
        item=finding.item,
        fix=None if finding.fix is None else finding.fix.get(lang),
        missing=finding.missing,
        provisional=finding.provisional,
    )


def _unique_messages(findings: Sequence[Finding], lang: Lang) -> str:
    return " ; ".join(sorted({f.message.get(lang) for f in findings}))


def _not_assessed_reason(findings: Sequence[Finding]) -> Localized:
    unverified = [f for f in findings if f.outcome == "not_verified"]
    if not unverified:
        return _l(
            "aucun contrôle n'a porté sur cet indicateur : rien ne permet de le juger conforme",
            "no check ran on this indicator: nothing shows it is conform",
        )
    n = _count(
        len(unverified),
        ("constat non vérifiable", "constats non vérifiables"),
        ("finding could not be verified", "findings could not be verified"),
    )
    return _l(
        f"{n.fr} (preuve illisible, numérisée sans texte ou contrôle en erreur) : jamais compté "
        "conforme",
        f"{n.en} (unreadable or scanned evidence, or a check error): never counted as conform",
    )


def _indicator_result(
    decision: Applicability,
    findings: Sequence[Finding],
    previous: Sequence[PreviousNc],
    unit_of: Mapping[str, str],
    lang: Lang,
) -> tuple[IndicatorResult, _Nc | None]:
    indicator = decision.indicator
    counted = [f for f in findings if f.outcome != "not_applicable"]
    nc: _Nc | None = None
    reason: Localized | None = None
    status: Status
    units: dict[str, Status] = {}
    offerings: dict[str, Status] = {}
    infos: tuple[PreviousNcInfo, ...] = ()
    if not decision.applicable:
        status, reason = "not_applicable", decision.reason
    elif not counted and findings:
        status = "not_applicable"
        reason = _l(
            f"sans objet d'après les contrôles : {_unique_messages(findings, 'fr')}",
            f"nothing to assess according to the checks: {_unique_messages(findings, 'en')}",
        )
        units, offerings = _parts(findings, None, unit_of)
    elif not counted:
        status, reason = "not_assessed", _not_assessed_reason(())
    else:
        nc, infos = _nc_level(indicator, counted, previous)
        level = None if nc is None else nc.level
        units, offerings = _parts(findings, level, unit_of)
        status = worst(s for f in counted if (s := _part(f, level)) is not None) or "not_assessed"
        if nc is not None:
            reason = nc.reason
        elif status == "not_assessed":
            reason = _not_assessed_reason(counted)
        elif status == "waived":
            reason = _l(
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
        findings=tuple(_report_finding(f, unit_of, lang) for f in _sorted(findings, unit_of)),
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
    title = _l(
        "Affichage du certificat (site internet et locaux)",
        "Certificate display (website and premises)",
    )
    counted = [f for f in findings if f.outcome != "not_applicable"]
    reason: Localized | None
    units: dict[str, Status] = {}
    if not applies:
        status: Status = "not_applicable"
        reason = _l(
            "audit initial : pas encore de certificat à afficher",
            "initial audit: no certificate to display yet",
        )
    elif not counted:
        status = "not_assessed"
        reason = _l(
            "l'affichage du certificat n'a pas été contrôlé (vérifié à la surveillance et au "
            "renouvellement ; son absence est une NC majeure)",
            "the certificate display was not checked (verified at surveillance and renewal; "
            "its absence is a major NC)",
        )
    else:
        units, _ = _parts(counted, "nc_major", unit_of)
        status = worst(s for f in counted if (s := _part(f, "nc_major")) is not None) or (
            "not_assessed"
        )
        if status == "nc_major":
            reason = _l(
                "certificat non affiché : NC majeure (arrêté du 6 juin 2019, art. 2)",
                "certificate not displayed: a major NC (arrêté of 6 June 2019, art. 2)",
            )
        elif status == "not_assessed":
            reason = _not_assessed_reason(counted)
        elif status == "waived":
            reason = _l("écart couvert par une dérogation", "gap covered by a waiver")
        else:
            reason = None
    return Obligation(
        id="display",
        title=title.get(lang),
        applies=applies,
        status=status,
        reason=None if reason is None else reason.get(lang),
        units=units,
        findings=tuple(_report_finding(f, unit_of, lang) for f in _sorted(findings, unit_of)),
    )


def _owner(config: WorkspaceConfig, indicator: int, unit: str | None) -> str:
    named = config.owners.indicators.get(indicator)
    if named:
        return named
    if unit is not None:
        for candidate in config.units:
            if candidate.id == unit and candidate.owner:
                return candidate.owner
    return config.owners.default


def _due(level: NcLevel, today: dt.date, audit_date: dt.date | None) -> dt.date:
    if audit_date is None:
        return today + dt.timedelta(days=_DUE_WITHOUT_AUDIT[level])
    return max(today, audit_date - dt.timedelta(days=_DUE_BEFORE_AUDIT[level]))


def _action_item(
    finding: Finding,
    level: NcLevel,
    *,
    config: WorkspaceConfig,
    unit_of: Mapping[str, str],
    today: dt.date,
    audit_date: dt.date | None,
    lang: Lang,
) -> ActionItem:
    unit = _unit(finding, unit_of)
    deadline: dt.date | None = None
    verification: dt.date | None = None
    if audit_date is not None:
        deadline = add_months(audit_date, 3 if level == "nc_major" else 6)
        if level == "nc_major":
            verification = add_months(deadline, 1)
    return ActionItem(
        indicator=finding.indicator,
        unit=unit,
        owner=_owner(config, finding.indicator, unit),
        due=_due(level, today, audit_date),
        deadline_if_raised=deadline,
        offering=finding.offering,
        level=level,
        what=finding.message.get(lang),
        fix=None if finding.fix is None else finding.fix.get(lang),
        verification_by=verification,
        check=finding.check,
        finding=finding.id,
    )


def _action_key(item: ActionItem) -> tuple[int, int, str, str, str, str, str]:
    return (
        0 if item.level == "nc_major" else 1,
        item.indicator,
        item.unit or "",
        item.offering or "",
        item.check or "",
        item.finding or "",
        item.what,
    )


def _certifiable(
    results: Sequence[IndicatorResult], display: Obligation | None, lang: Lang
) -> tuple[bool | None, list[str], list[str], str]:
    counted = [r for r in results if r.status != "not_applicable"]
    blocking = [f"{r.number}: {r.title} — {r.reason}" for r in counted if r.status == "nc_major"]
    if display is not None and display.status == "nc_major":
        label = _l("affichage du certificat", "certificate display").get(lang)
        blocking.append(f"{label}: {display.reason}")
    minors = [r.number for r in counted if r.status == "nc_minor"]
    if len(minors) >= _MINOR_LIMIT:
        listed = ", ".join(str(n) for n in minors)
        blocking.append(
            _l(
                f"5 NC mineures ou plus ({len(minors)} : indicateurs {listed}) : elles valent "
                "une NC majeure et bloquent la certification tant qu'il en reste cinq",
                f"5 minor NCs or more ({len(minors)}: indicators {listed}) count as a major NC "
                "and block certification while five remain",
            ).get(lang)
        )
    undetermined = [
        f"{r.number}: {r.title} — {r.reason}" for r in counted if r.status == "not_assessed"
    ]
    if display is not None and display.status == "not_assessed":
        label = _l("affichage du certificat", "certificate display").get(lang)
        undetermined.append(f"{label}: {display.reason}")
    majors = _count(sum(1 for r in counted if r.status == "nc_major"), *_MAJORS)
    minor_count = _count(len(minors), *_MINORS)
    if blocking:
        why = _count(
            len(blocking),
            ("motif bloquant", "motifs bloquants"),
            ("blocking reason", "blocking reasons"),
        )
        answer = _l(
            f"Non. En l'état, le certificat ne serait pas délivré : {why.fr} ({majors.fr}, "
            f"{minor_count.fr}). Une NC majeure doit être levée dans les 3 mois suivant l'audit, "
            "sinon la certification est refusée ou suspendue.",
            f"No. As things stand, the certificate would not be delivered: {why.en} "
            f"({majors.en}, {minor_count.en}). A major NC must be lifted within 3 months of the "
            "audit, or certification is refused or suspended.",
        )
        return False, blocking, undetermined, answer.get(lang)
    if undetermined:
        open_points = _count(
            len(undetermined), ("point non évalué", "points non évalués"), ("item", "items")
        )
        answer = _l(
            f"Impossible de conclure : {open_points.fr}. Aucune NC majeure n'est constatée "
            f"ailleurs ({minor_count.fr}).",
            f"Cannot tell: {open_points.en} not assessed. No major NC was found elsewhere "
            f"({minor_count.en}).",
        )
        return None, blocking, undetermined, answer.get(lang)
    if minors:
        answer = _l(
            f"Oui, selon ces constats : aucune NC majeure et {minor_count.fr}, à corriger dans "
            "les 6 mois et vérifiées à l'audit suivant (sinon requalifiées en NC majeures).",
            f"Yes, on these findings: no major NC and {minor_count.en}, to be fixed within 6 "
            "months and checked at the next audit (or requalified as major NCs).",
        )
    else:
        answer = _l(
            "Oui, selon ces constats : aucune non-conformité relevée.",
            "Yes, on these findings: no non-conformity found.",
        )
    return True, blocking, undetermined, answer.get(lang)


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
    applied = apply_waivers(findings, waivers, today=today, audit_date=audit_date)
    known = {indicator.number for indicator in referential}
    by_number: dict[int, list[Finding]] = {}
    strays: list[Finding] = []
    for finding in applied:
        if finding.indicator == DISPLAY or finding.indicator in known:
            by_number.setdefault(finding.indicator, []).append(finding)
        else:
            strays.append(finding)
    previous: dict[int, list[PreviousNc]] = {}
    for old in config.audit.previous_nc:
        previous.setdefault(old.indicator, []).append(old)

    results: list[IndicatorResult] = []
    plan: list[ActionItem] = []
    for decision in sorted(decisions, key=lambda d: d.number):
        mine = by_number.get(decision.number, [])
        scope, procedures = _scope(decision, config, previous, evidence)
        if scope.process_only and procedures:
            mine = _process_only(mine, procedures)
        result, nc = _indicator_result(
            decision, mine, previous.get(decision.number, []), unit_of, lang
        )
        result = _with_scope(result, scope, lang)
        results.append(result)
        if nc is not None and decision.applicable:
            plan += [
                _action_item(
                    f,
                    nc.level,
                    config=config,
                    unit_of=unit_of,
                    today=today,
                    audit_date=audit_date,
                    lang=lang,
                )
                for f in mine
                if f.outcome == "gap"
            ]

    display = _display(by_number.get(DISPLAY, []), config.audit.type, unit_of, lang)
    if display is not None and display.applies:
        plan += [
            _action_item(
                f,
                "nc_major",
                config=config,
                unit_of=unit_of,
                today=today,
                audit_date=audit_date,
                lang=lang,
            )
            for f in by_number.get(DISPLAY, [])
            if f.outcome == "gap"
        ]

    certifiable, blocking, undetermined, answer = _certifiable(results, display, lang)
    counted = [r for r in results if r.status != "not_applicable"]

    def count(status: Status) -> int:
        return sum(1 for r in counted if r.status == status)

    summary = Summary(
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
        certifiable_question=_l(
            "En l'état, le certificat serait-il délivré ?",
            "As things stand, would the certificate be delivered?",
        ).get(lang),
        answer=answer,
    )

    errors = {(p.path, p.line, p.message.get(lang)) for p in problems} | {
        (
            f"check:{f.check}",
            None,
            _l(
                f"constat sur l'indicateur {f.indicator}, absent de {referential.id} : ignoré",
                f"finding on indicator {f.indicator}, which {referential.id} does not have: "
                "ignored",
            ).get(lang),
        )
        for f in strays
    }
    report_errors = tuple(
        ReportError(path=path, line=line, message=message)
        for path, line, message in sorted(errors, key=lambda e: (e[0], e[1] or 0, e[2]))
    )

    return Report(
        referential=referential.id,
        audit=AuditBlock(
            type=config.audit.type, date=audit_date, certified_on=config.audit.certified_on
        ),
        today=today,
        summary=summary,
        indicators=tuple(results),
        action_plan=tuple(sorted(plan, key=_action_key)),
        errors=report_errors,
        lang=lang,
        referential_title=referential.info.title.get(lang),
        referential_notes=tuple(note.get(lang) for note in referential.info.provisional),
        organization=OrganizationBlock(name=config.organization.name, nda=config.organization.nda),
        obligations=() if display is None else (display,),
        units=tuple(
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
        ),
        evidence=tuple(
            evidence_item(e, with_read=True)
            for e in sorted(evidence, key=lambda e: (e.unit, e.path))
        ),
        unmapped=tuple(
            unmapped_item(e, lang) for e in sorted(unmapped, key=lambda e: (e.unit, e.path))
        ),
    )


def exit_code(report: Report, fail_on: FailOn = "major") -> int:
    """The exit status of ``rnq check`` (SPEC §6).

    ``major``: 1 when something blocks certification (an nc_major indicator, a missing
    certificate display, or five minors or more); ``minor``: 1 also for a single nc_minor;
    ``never``: always 0.
    """
    if fail_on == "never":
        return 0
    if report.summary.blocking or report.summary.nc_major:
        return 1
    if fail_on == "minor" and report.summary.nc_minor:
        return 1
    return 0
