"""Indicator 30 — Collecting stakeholder feedback (« Recueil des appréciations des parties
prenantes »), criterion 7.

Its built-in checks:

* :func:`check_appreciations_parties_prenantes` — feedback (appréciations) from the stakeholders
  concerned is collected and up to date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from rnq.checks.helpers import is_current, readable, where_kept
from rnq.collect.evidence import Evidence, EvidenceSet
from rnq.collect.registers import fr_date
from rnq.engine.marks import mark
from rnq.engine.outcomes import Gap, msg
from rnq.referential.loader import Referential
from rnq.workspace.config import Unit, WorkspaceConfig
from rnq.workspace.kinds import infer_stakeholder

__all__ = ["check_appreciations_parties_prenantes"]

#: The namespace of this module's check names (``rnq.checks.feedback::check_…``): waivers and
#: ``rnq diff`` key on check names, so they stay the same when the file moves.
CHECKS_NAMESPACE = "rnq.checks.feedback"


_STAKEHOLDERS: Mapping[str, tuple[str, str]] = {
    "apprenants": ("bénéficiaires (apprenants)", "beneficiaries (learners)"),
    "financeurs": ("financeurs", "funders"),
    "equipes": ("équipes pédagogiques", "teaching teams"),
    "entreprises": ("entreprises concernées", "companies concerned"),
}


def _required_stakeholders(unit: Unit, config: WorkspaceConfig) -> list[str]:
    """Learners and teaching teams always; funders except for skills assessments (BC) only;
    companies when trainings include work periods (alternance, internships, CFA)."""
    categories = {o.category for o in unit.offerings} or set(config.categories)
    if categories == {"BC"}:
        return ["apprenants", "equipes"]
    required = ["apprenants", "financeurs", "equipes"]
    activity = config.activity
    if activity.alternance or activity.work_situation or "CFA" in categories:
        required.append("entreprises")
    return required


def _stakeholder(item: Evidence) -> str | None:
    """Who gave the feedback: declared, or named in the file name or the document's title."""
    if item.stakeholder:
        return item.stakeholder
    first_line = next((line for line in (item.text or "").splitlines() if line.strip()), "")
    return infer_stakeholder(item.path.rsplit("/", 1)[-1]) or infer_stakeholder(first_line[:200])


@mark.verifies("recueil-appreciations")
def check_appreciations_parties_prenantes(
    unit: Unit,
    evidence: EvidenceSet,
    config: WorkspaceConfig,
    referential: Referential,
    freshness: Mapping[str, int],
    audit_date: dt.date,
) -> None:
    """Les appréciations des parties prenantes concernées sont recueillies et à jour.

    Déposez pour chaque partie prenante une enquête ou un compte rendu récent (kind:
    enquete-satisfaction, stakeholder: apprenants, financeurs, equipes ou entreprises) ; les
    financeurs sont sollicités au moins une fois par an. Les évaluations des acquis ne comptent
    pas comme recueil des appréciations.

    EN: Feedback (appréciations) from the stakeholders concerned is collected and up to date.

    Add for each stakeholder a recent survey or report (kind: enquete-satisfaction, stakeholder:
    apprenants, financeurs, equipes or entreprises); funders are asked at least once a year.
    Assessments of learning do not count as collecting feedback.
    """
    docs = [e for e in readable(evidence, 30) if e.kind != "evaluation"]
    months = freshness.get("enquete-satisfaction", 12)
    heard: dict[str, list[Evidence]] = {}
    for item in docs:
        who = _stakeholder(item)
        if who is not None:
            heard.setdefault(who, []).append(item)
    missing: list[str] = []
    stale: list[str] = []
    for who in _required_stakeholders(unit, config):
        items = heard.get(who, [])
        if not any(is_current(e, freshness, audit_date, months=months) for e in items):
            (stale if items else missing).append(who)
    if not missing and not stale:
        return
    place = where_kept(unit, docs, config)
    optional = referential.id != "rnq-2019-v9"  # 2026: « financeurs (le cas échéant) »

    def names(keys: Sequence[str], lang: int) -> str:
        text = [_STAKEHOLDERS[k][lang] for k in keys]
        if optional and "financeurs" in keys:
            text[keys.index("financeurs")] += " (le cas échéant)" if lang == 0 else " (if any)"
        return ", ".join(text)

    parts_fr, parts_en = [], []
    if missing:
        parts_fr.append(f"aucune appréciation recueillie auprès de : {names(missing, 0)}")
        parts_en.append(f"no feedback collected from: {names(missing, 1)}")
    if stale:
        last = {w: max((e.date for e in heard[w] if e.date), default=None) for w in stale}
        parts_fr.append(
            "appréciations de plus de "
            f"{months} mois : "
            + ", ".join(
                f"{names([w], 0)} (dernière le {fr_date(d)})" if d else names([w], 0)
                for w, d in last.items()
            )
            + " — règle de fraîcheur indicative"
        )
        parts_en.append(
            f"feedback older than {months} months: "
            + ", ".join(
                f"{names([w], 1)} (last {d})" if d else names([w], 1) for w, d in last.items()
            )
            + " — freshness is a heuristic"
        )
    unnamed = [e.path for e in docs if _stakeholder(e) is None]
    hint_fr = (
        f" ; partie prenante non indiquée pour : {', '.join(unnamed[:5])} (déclarez "
        "« stakeholder »)"
        if unnamed
        else ""
    )
    hint_en = (
        f"; stakeholder not stated for: {', '.join(unnamed[:5])} (declare 'stakeholder')"
        if unnamed
        else ""
    )
    raise Gap(
        msg(
            f"Recueil des appréciations incomplet ({place.fr}) : "
            + " ; ".join(parts_fr)
            + hint_fr
            + ".",
            f"Feedback collection incomplete ({place.en}): " + "; ".join(parts_en) + hint_en + ".",
        ),
        evidence=[e.path for e in docs],
    )
