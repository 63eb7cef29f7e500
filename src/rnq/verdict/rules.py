"""The NC rules (SPEC §5, ``reference/rnq.md`` §4): from findings to the status of each part
(indicator × unit, indicator × offering), the one NC of an indicator and why, and the answer to
« En l'état, le certificat serait-il délivré ? ». See :mod:`rnq.verdict.build` for every rule.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from rnq.engine.findings import Finding, Outcome
from rnq.referential.loader import Indicator
from rnq.text import Lang, Localized, msg
from rnq.verdict.report import IndicatorResult, NcLevel, Obligation, PreviousNcInfo, Status
from rnq.verdict.waivers import date_text
from rnq.workspace.config import PreviousNc

__all__ = [
    "Nc",
    "certification_answer",
    "count",
    "finding_unit",
    "nc_level",
    "not_assessed_reason",
    "part",
    "parts",
    "sort_key",
    "sorted_findings",
    "unique_messages",
    "worst",
]

#: Severity of each status: an indicator takes the worst of its parts.
RANK: dict[Status, int] = {
    "not_applicable": 0,
    "conform": 1,
    "waived": 2,
    "not_assessed": 3,
    "nc_minor": 4,
    "nc_major": 5,
}
PART: dict[Outcome, Status] = {
    "passed": "conform",
    "advice": "conform",  # advice never changes a status (SPEC §5)
    "not_verified": "not_assessed",
    "waived": "waived",
}
MINOR_LIMIT = 5


def count(n: int, fr: tuple[str, str], en: tuple[str, str]) -> Localized:
    """``n`` and a noun phrase, singular or plural: ``count(2, ("NC mineure", "NC mineures"),
    ("minor NC", "minor NCs"))``. French takes the singular for 0 and 1."""
    return msg(f"{n} {fr[0] if n <= 1 else fr[1]}", f"{n} {en[0] if n == 1 else en[1]}")


MAJORS = (("NC majeure", "NC majeures"), ("major NC", "major NCs"))
MINORS = (("NC mineure", "NC mineures"), ("minor NC", "minor NCs"))


def worst(statuses: Iterable[Status]) -> Status | None:
    """The worst status (nc_major > nc_minor > not_assessed > waived > conform), or None."""
    ranked = sorted(statuses, key=lambda s: RANK[s])
    return ranked[-1] if ranked else None


@dataclass(frozen=True)
class Nc:
    """The one NC of an indicator: its level and why."""

    level: NcLevel
    reason: Localized


def previous_infos(
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


def nc_level(
    indicator: Indicator, findings: Sequence[Finding], previous: Sequence[PreviousNc]
) -> tuple[Nc | None, tuple[PreviousNcInfo, ...]]:
    """The one NC of an indicator (None when it has no gap), with why, and what became of the
    NCs of the previous audit on it."""
    gaps = [f for f in findings if f.outcome == "gap"]
    if not gaps:
        return None, previous_infos(previous, failing=False, requalified=False)
    level: NcLevel
    if indicator.major_only:
        level = "nc_major"
        reason = msg(
            "indicateur « NC majeure uniquement » : tout écart, même partiel, est une NC majeure",
            "'major NC only' indicator: any gap, even partial, is a major NC",
        )
    elif all(f.missing for f in gaps) and not any(f.outcome == "passed" for f in findings):
        level = "nc_major"
        reason = msg(
            "non prise en compte : aucune preuve exploitable là où l'indicateur est évalué",
            "not addressed: no usable evidence anywhere the indicator is assessed",
        )
    else:
        level = "nc_minor"
        reason = msg(
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
            reason = msg(
                f"NC mineure notifiée le {notified.fr} à l'audit précédent et toujours pas "
                f"levée : requalifiée en NC majeure ({reason.fr})",
                f"minor NC notified on {notified.en} at the previous audit and still not "
                f"lifted: requalified as a major NC ({reason.en})",
            )
        else:
            reason = msg(
                f"{reason.fr} ; la NC mineure notifiée le {notified.fr} n'est pas levée",
                f"{reason.en}; the minor NC notified on {notified.en} is not lifted",
            )
    majors = [p for p in open_previous if p.level == "major"]
    if majors:
        notified = date_text(min(p.notified for p in majors))
        reason = msg(
            f"{reason.fr} ; la NC majeure notifiée le {notified.fr} n'est pas levée",
            f"{reason.en}; the major NC notified on {notified.en} is not lifted",
        )
    if len(gaps) > 1:
        reason = msg(
            f"{reason.fr} — {len(gaps)} écarts relevés, comptés comme une seule NC",
            f"{reason.en} — {len(gaps)} gaps found, counted as one NC",
        )
    return Nc(level, reason), previous_infos(previous, failing=True, requalified=requalified)


def part(finding: Finding, level: NcLevel | None) -> Status | None:
    if finding.outcome == "not_applicable":
        return None
    if finding.outcome == "gap":
        assert level is not None
        return level
    return PART[finding.outcome]


def parts(
    findings: Sequence[Finding], level: NcLevel | None, unit_of: Mapping[str, str]
) -> tuple[dict[str, Status], dict[str, Status]]:
    """Statuses per unit and per offering (an offering's finding counts for its unit too)."""
    units: dict[str, list[Status]] = {}
    offerings: dict[str, list[Status]] = {}
    for finding in findings:
        status = part(finding, level)
        unit = finding_unit(finding, unit_of)
        for key, table in ((unit, units), (finding.offering, offerings)):
            if key is None:
                continue
            bucket = table.setdefault(key, [])
            if status is not None:
                bucket.append(status)

    def fold(table: dict[str, list[Status]]) -> dict[str, Status]:
        return {key: worst(values) or "not_applicable" for key, values in sorted(table.items())}

    return fold(units), fold(offerings)


def finding_unit(finding: Finding, unit_of: Mapping[str, str]) -> str | None:
    if finding.unit is not None:
        return finding.unit
    return unit_of.get(finding.offering) if finding.offering is not None else None


def sorted_findings(findings: Iterable[Finding], unit_of: Mapping[str, str]) -> list[Finding]:
    """Findings by unit (an offering's finding under its unit), offering, check, item, id."""
    return sorted(findings, key=lambda f: (finding_unit(f, unit_of) or "", *sort_key(f)))


def sort_key(finding: Finding) -> tuple[str, ...]:
    return (
        finding.offering or "",
        finding.check,
        finding.item or "",
        finding.id,
        finding.outcome,
        finding.message.fr,
    )


def unique_messages(findings: Sequence[Finding], lang: Lang) -> str:
    return " ; ".join(sorted({f.message.get(lang) for f in findings}))


def not_assessed_reason(findings: Sequence[Finding]) -> Localized:
    unverified = [f for f in findings if f.outcome == "not_verified"]
    if not unverified:
        return msg(
            "aucun contrôle n'a porté sur cet indicateur : rien ne permet de le juger conforme",
            "no check ran on this indicator: nothing shows it is conform",
        )
    n = count(
        len(unverified),
        ("constat non vérifiable", "constats non vérifiables"),
        ("finding could not be verified", "findings could not be verified"),
    )
    return msg(
        f"{n.fr} (preuve illisible, numérisée sans texte ou contrôle en erreur) : jamais compté "
        "conforme",
        f"{n.en} (unreadable or scanned evidence, or a check error): never counted as conform",
    )


def _what_blocks(majors: Localized, minors: Localized, n_minors: int, display: bool) -> Localized:
    """« 2 NC majeures le bloquent (2 NC mineures sont aussi à corriger) »: what blocks the
    certificate, with the verb agreeing, then the minors that do not block on their own."""
    fr: list[str] = []
    en: list[str] = []
    if not majors.fr.startswith("0 "):
        fr.append(majors.fr)
        en.append(majors.en)
    if display:
        fr.append("l'affichage du certificat")
        en.append("the certificate display")
    if n_minors >= MINOR_LIMIT:
        fr.append(f"{minors.fr} (cinq ou plus valent une NC majeure)")
        en.append(f"{minors.en} (five or more count as a major NC)")
    single = len(fr) == 1 and (fr[0].startswith("1 ") or not fr[0][0].isdigit())
    text = msg(
        f"{_and(fr, 'et')} le {'bloque' if single else 'bloquent'}",
        f"{_and(en, 'and')} {'blocks' if single else 'block'} it",
    )
    if 0 < n_minors < MINOR_LIMIT:
        one = n_minors == 1
        text = msg(
            f"{text.fr} ({minors.fr} {'est' if one else 'sont'} aussi à corriger)",
            f"{text.en} ({minors.en} {'is' if one else 'are'} also to fix)",
        )
    return text


def _and(parts: Sequence[str], word: str) -> str:
    """« a, b et c »."""
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} {word} {parts[-1]}"


def certification_answer(
    results: Sequence[IndicatorResult], display: Obligation | None, lang: Lang
) -> tuple[bool | None, list[str], list[str], str]:
    counted = [r for r in results if r.status != "not_applicable"]
    blocking = [f"{r.number}: {r.title} — {r.reason}" for r in counted if r.status == "nc_major"]
    if display is not None and display.status == "nc_major":
        label = msg("affichage du certificat", "certificate display").get(lang)
        blocking.append(f"{label}: {display.reason}")
    minors = [r.number for r in counted if r.status == "nc_minor"]
    if len(minors) >= MINOR_LIMIT:
        listed = ", ".join(str(n) for n in minors)
        blocking.append(
            msg(
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
        label = msg("affichage du certificat", "certificate display").get(lang)
        undetermined.append(f"{label}: {display.reason}")
    majors = count(sum(1 for r in counted if r.status == "nc_major"), *MAJORS)
    minor_count = count(len(minors), *MINORS)
    if blocking:
        why = _what_blocks(
            majors, minor_count, len(minors), display is not None and display.status == "nc_major"
        )
        answer = msg(
            f"Non. En l'état, le certificat ne serait pas délivré : {why.fr}. Une NC majeure doit "
            "être levée dans les 3 mois suivant l'audit, sinon la certification est refusée ou "
            "suspendue.",
            f"No. As things stand, the certificate would not be delivered: {why.en}. A major NC "
            "must be lifted within 3 months of the audit, or certification is refused or "
            "suspended.",
        )
        return False, blocking, undetermined, answer.get(lang)
    if undetermined:
        open_points = count(
            len(undetermined), ("point non évalué", "points non évalués"), ("item", "items")
        )
        answer = msg(
            f"Impossible de conclure : {open_points.fr}. Aucune NC majeure n'est constatée "
            f"ailleurs ({minor_count.fr}).",
            f"Cannot tell: {open_points.en} not assessed. No major NC was found elsewhere "
            f"({minor_count.en}).",
        )
        return None, blocking, undetermined, answer.get(lang)
    if minors:
        answer = msg(
            f"Oui, selon ces constats : aucune NC majeure et {minor_count.fr}, à corriger dans "
            "les 6 mois et vérifiées à l'audit suivant (sinon requalifiées en NC majeures).",
            f"Yes, on these findings: no major NC and {minor_count.en}, to be fixed within 6 "
            "months and checked at the next audit (or requalified as major NCs).",
        )
    else:
        answer = msg(
            "Oui, selon ces constats : aucune non-conformité relevée.",
            "Yes, on these findings: no non-conformity found.",
        )
    return True, blocking, undetermined, answer.get(lang)
