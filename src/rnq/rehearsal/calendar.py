"""The audit calendar and what each audit covers (``reference/rnq.md`` §3, §4.2 and §5).

* :func:`audit_calendar` — certification date, certificate expiry, surveillance window,
  renewal planning, days left before the audit, and the NCs of the previous audit with their
  deadlines, lifted or still open. A pure function of the configuration and ``today``.
* :func:`audit_scope` — for one indicator: is it in the minimum scope of a surveillance audit
  (and why), and, for a new entrant at its initial audit, is it audited only for a formalised
  process (« processus formalisé », implementation checked at surveillance)?

Rules, and what is provisional:

* validity 3 years (4 for a certificate obtained before 1 January 2021) — the 3-year base is from
  consistent secondary sources, art. R. 6316-2 was not read (§8 point 12);
* surveillance between the 14th and the 22nd month after certification: rnq shows
  ``certified_on + 14 months`` to ``certified_on + 22 months``, the narrower reading (the 14th
  month could also be read as starting at + 13 months);
* renewal: held early enough for a major NC to be lifted before expiry, i.e. at the latest
  ``expiry − 4 months`` (3 months for the provider + 1 month for the certifier); certifiers
  advise booking it 4 to 8 months ahead (AFNOR: 8), so planning starts at ``expiry − 8 months``;
* deadlines run from the NC's notification: minor 6 months (checked at the next audit, else
  requalified major); major 3 months, then 1 month for the certifier's verification.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict

from rnq.dates import add_months
from rnq.referential.loader import Category, Indicator
from rnq.text import Lang, Localized, msg
from rnq.workspace.config import AUDIT_TYPES, AuditType, PreviousNc, WorkspaceConfig

__all__ = [
    "SURVEILLANCE_ALWAYS",
    "AuditCalendar",
    "AuditScope",
    "NcDeadline",
    "Phase",
    "audit_calendar",
    "audit_scope",
    "format_day",
    "new_entrant_categories",
]

Phase = Literal[
    "not_certified",
    "before_surveillance",
    "surveillance_window",
    "between_audits",
    "renewal_planning",
    "renewal_late",
    "expired",
]
NcState = Literal["lifted", "open", "overdue"]

#: Indicators reviewed at every surveillance audit (arrêté du 6 juin 2019, art. 2 as amended);
#: 3 only where it applies (certifying offerings).
SURVEILLANCE_ALWAYS: tuple[int, ...] = (1, 3, 17, 19)
_VALIDITY_MONTHS = 36
_VALIDITY_BEFORE_2021 = 48
_SURVEILLANCE = (14, 22)
_RENEWAL_PLAN_MONTHS = 8
_RENEWAL_LATEST_MONTHS = 4
_MINOR_MONTHS = 6
_MAJOR_MONTHS = 3
_VERIFICATION_MONTHS = 1


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


def format_day(day: dt.date, lang: Lang) -> str:
    """A date as the calendar writes it: 14/12/2026 in French, ISO in English."""
    return day.isoformat() if lang == "en" else day.strftime("%d/%m/%Y")


_d = format_day


class NcDeadline(_Frozen):
    """An NC notified at the previous audit: its deadline, and whether it is lifted.

    ``state``: ``lifted`` (a ``lifted`` date is recorded), ``open`` (deadline not passed),
    ``overdue`` (deadline passed, not recorded as lifted). ``days_left`` counts to the deadline
    (negative when passed); null once lifted.
    """

    indicator: int
    level: Literal["minor", "major"]
    notified: dt.date
    deadline: dt.date
    verification_by: dt.date | None = None
    lifted: dt.date | None = None
    state: NcState
    days_left: int | None = None
    note: str


class AuditCalendar(_Frozen):
    """Where the provider stands in its certification cycle, and the dates that matter.

    Dates derived from ``certified_on`` are null when it is not given. ``days_left`` counts
    from ``today`` to the audit date (negative when the date is past).
    """

    today: dt.date
    audit_type: AuditType
    audit_date: dt.date | None = None
    days_left: int | None = None
    certified_on: dt.date | None = None
    validity_months: int | None = None
    expires_on: dt.date | None = None
    surveillance_from: dt.date | None = None
    surveillance_until: dt.date | None = None
    renewal_plan_from: dt.date | None = None
    renewal_audit_by: dt.date | None = None
    phase: Phase | None = None
    next_step: str = ""
    previous_nc: tuple[NcDeadline, ...] = ()
    warnings: tuple[str, ...] = ()
    provisional: tuple[str, ...] = ()


def _nc_deadline(nc: PreviousNc, today: dt.date, lang: Lang) -> NcDeadline:
    if nc.level == "minor":
        deadline = add_months(nc.notified, _MINOR_MONTHS)
        verification = None
        note = msg(
            "NC mineure : plan d'action mis en œuvre sous 6 mois, vérifié à l'audit suivant ; "
            "non levée à cet audit, elle est requalifiée en NC majeure.",
            "Minor NC: action plan implemented within 6 months, checked at the next audit; "
            "not lifted then, it is requalified as a major NC.",
        )
    else:
        deadline = add_months(nc.notified, _MAJOR_MONTHS)
        verification = add_months(deadline, _VERIFICATION_MONTHS)
        note = msg(
            "NC majeure : actions correctives effectives sous 3 mois, vérifiées par le "
            "certificateur dans le mois qui suit ; sinon refus ou suspension.",
            "Major NC: corrective actions effective within 3 months, verified by the certifier "
            "within the following month; otherwise refusal or suspension.",
        )
    state: NcState
    if nc.lifted is not None:
        state, days = "lifted", None
    else:
        days = (deadline - today).days
        state = "open" if days >= 0 else "overdue"
    return NcDeadline(
        indicator=nc.indicator,
        level=nc.level,
        notified=nc.notified,
        deadline=deadline,
        verification_by=verification,
        lifted=nc.lifted,
        state=state,
        days_left=days,
        note=note.get(lang),
    )


def _phase(
    today: dt.date,
    surveillance: tuple[dt.date, dt.date],
    plan_from: dt.date,
    latest: dt.date,
    expires: dt.date,
) -> Phase:
    if today < surveillance[0]:
        return "before_surveillance"
    if today <= surveillance[1]:
        return "surveillance_window"
    if today < plan_from:
        return "between_audits"
    if today <= latest:
        return "renewal_planning"
    if today <= expires:
        return "renewal_late"
    return "expired"


_NEXT: dict[Phase, tuple[str, str]] = {
    "not_certified": (
        "Audit initial : à l'issue, la certification court 3 ans, avec une surveillance entre "
        "le 14e et le 22e mois.",
        "Initial audit: once certified, the certificate runs 3 years, with a surveillance audit "
        "between the 14th and the 22nd month.",
    ),
    "before_surveillance": (
        "Prochaine étape : l'audit de surveillance, à tenir dans la fenêtre ci-dessus.",
        "Next: the surveillance audit, to be held within the window above.",
    ),
    "surveillance_window": (
        "La fenêtre de surveillance est ouverte : l'audit doit s'y tenir.",
        "The surveillance window is open: the audit must be held in it.",
    ),
    "between_audits": (
        "Prochaine étape : planifier l'audit de renouvellement (idéalement 8 mois avant "
        "l'échéance).",
        "Next: plan the renewal audit (ideally 8 months before expiry).",
    ),
    "renewal_planning": (
        "Réservez l'audit de renouvellement maintenant : il doit avoir lieu au plus tard à la "
        "date indiquée pour lever une NC majeure avant l'échéance.",
        "Book the renewal audit now: it must be held by the date shown so a major NC can be "
        "lifted before expiry.",
    ),
    "renewal_late": (
        "Renouvellement tardif : une NC majeure ne pourrait plus être levée avant l'échéance, "
        "le certificat expirerait.",
        "Late renewal: a major NC could no longer be lifted before expiry, and the certificate "
        "would lapse.",
    ),
    "expired": (
        "Le certificat a expiré : il faut un nouvel audit initial (ou mettez à jour "
        "« certified_on » après le renouvellement).",
        "The certificate has expired: a new initial audit is needed (or update 'certified_on' "
        "after the renewal).",
    ),
}


@dataclass(frozen=True)
class _Cycle:
    """The dates of a certification cycle derived from ``certified_on``."""

    start: dt.date
    validity: int
    expires: dt.date
    window: tuple[dt.date, dt.date]
    plan_from: dt.date
    latest: dt.date

    def fields(self) -> dict[str, object]:
        """The cycle's dates as :class:`AuditCalendar` fields."""
        return {
            "certified_on": self.start,
            "validity_months": self.validity,
            "expires_on": self.expires,
            "surveillance_from": self.window[0],
            "surveillance_until": self.window[1],
            "renewal_plan_from": self.plan_from,
            "renewal_audit_by": self.latest,
        }


def _cycle(start: dt.date) -> _Cycle:
    """Expiry, surveillance window and renewal dates of a certificate obtained on ``start``."""
    validity = _VALIDITY_BEFORE_2021 if start < dt.date(2021, 1, 1) else _VALIDITY_MONTHS
    expires = add_months(start, validity)
    return _Cycle(
        start=start,
        validity=validity,
        expires=expires,
        window=(add_months(start, _SURVEILLANCE[0]), add_months(start, _SURVEILLANCE[1])),
        plan_from=add_months(expires, -_RENEWAL_PLAN_MONTHS),
        latest=add_months(expires, -_RENEWAL_LATEST_MONTHS),
    )


def _base_provisional() -> list[Localized]:
    """The provisional remarks every calendar carries (validity, surveillance window)."""
    return [
        msg(
            "Validité de 3 ans : sources secondaires concordantes, l'article R. 6316-2 n'a pas "
            "été lu.",
            "3-year validity: consistent secondary sources; art. R. 6316-2 was not read.",
        ),
        msg(
            "Fenêtre de surveillance prise au plus étroit (certification + 14 mois à + 22 mois).",
            "Surveillance window taken at its narrowest (certification + 14 to + 22 months).",
        ),
    ]


def _cycle_provisional(cycle: _Cycle) -> list[Localized]:
    """The provisional remark on a 4-year validity, for a certificate obtained before 2021."""
    if cycle.start >= dt.date(2021, 1, 1):
        return []
    return [
        msg(
            "Certification antérieure au 1er janvier 2021 : validité de 4 ans (décret "
            "n° 2019-564, art. 2).",
            "Certified before 1 January 2021: valid 4 years (décret n° 2019-564, art. 2).",
        )
    ]


def _uncertified_warnings(audit_type: AuditType) -> list[Localized]:
    """The warning on a missing ``certified_on``, which only an initial audit can do without."""
    if audit_type == "initial":
        return []
    return [
        msg(
            "« audit.certified_on » n'est pas renseigné : la fenêtre de surveillance et "
            "l'échéance du certificat ne peuvent pas être calculées.",
            "'audit.certified_on' is not set: the surveillance window and the "
            "certificate's expiry cannot be computed.",
        )
    ]


def _cycle_phase(audit_type: AuditType, today: dt.date, cycle: _Cycle) -> Phase:
    """The phase of the cycle on ``today`` (``not_certified`` while preparing an initial audit)."""
    if audit_type == "initial":
        return "not_certified"
    return _phase(today, cycle.window, cycle.plan_from, cycle.latest, cycle.expires)


def _mistimed(when: dt.date | None, audit_type: AuditType, cycle: _Cycle) -> bool:
    """Whether the audit date falls outside what the calendar allows for its type."""
    if when is None:
        return False
    if audit_type == "surveillance":
        return not (cycle.window[0] <= when <= cycle.window[1])
    if audit_type == "renewal":
        return when > cycle.latest
    return False


def _surveillance_timing(when: dt.date, window: tuple[dt.date, dt.date]) -> list[Localized]:
    """The warning on a surveillance audit dated outside the surveillance window."""
    if window[0] <= when <= window[1]:
        return []
    return [
        msg(
            f"La date d'audit ({_d(when, 'fr')}) est hors de la fenêtre de surveillance "
            f"({_d(window[0], 'fr')} – {_d(window[1], 'fr')}).",
            f"The audit date ({_d(when, 'en')}) is outside the surveillance window "
            f"({_d(window[0], 'en')} – {_d(window[1], 'en')}).",
        )
    ]


def _renewal_timing(when: dt.date, cycle: _Cycle) -> list[Localized]:
    """The warning on a renewal audit dated after expiry, or too late to lift a major NC."""
    if when > cycle.expires:
        return [
            msg(
                f"La date d'audit ({_d(when, 'fr')}) est après l'échéance du certificat "
                f"({_d(cycle.expires, 'fr')}) : il aura expiré.",
                f"The audit date ({_d(when, 'en')}) is after the certificate's expiry "
                f"({_d(cycle.expires, 'en')}): it will have lapsed.",
            )
        ]
    if when > cycle.latest:
        return [
            msg(
                f"Audit de renouvellement le {_d(when, 'fr')}, après le "
                f"{_d(cycle.latest, 'fr')} : une NC majeure (3 mois + 1 mois de vérification) "
                "ne pourrait pas être levée avant l'échéance.",
                f"Renewal audit on {_d(when, 'en')}, after {_d(cycle.latest, 'en')}: a major "
                "NC (3 months + 1 month of verification) could not be lifted before "
                "expiry.",
            )
        ]
    return []


def _timing_warnings(when: dt.date | None, audit_type: AuditType, cycle: _Cycle) -> list[Localized]:
    """The warnings on an audit date the calendar does not allow for the audit's type."""
    if when is None:
        return []
    if audit_type == "surveillance":
        return _surveillance_timing(when, cycle.window)
    if audit_type == "renewal":
        return _renewal_timing(when, cycle)
    return []


def _countdown_warnings(when: dt.date | None, days_left: int | None) -> list[Localized]:
    """The warning on a missing audit date, or on one already past."""
    if when is None:
        return [
            msg(
                "Aucune date d'audit (« audit.date » ou --audit-date) : le compte à rebours "
                "n'est pas calculé.",
                "No audit date ('audit.date' or --audit-date): no countdown.",
            )
        ]
    if days_left is not None and days_left < 0:
        return [
            msg(
                f"La date d'audit ({_d(when, 'fr')}) est passée.",
                f"The audit date ({_d(when, 'en')}) is past.",
            )
        ]
    return []


def _overdue_warnings(deadlines: Sequence[NcDeadline]) -> list[Localized]:
    """One warning per NC of the previous audit whose deadline passed without a lifted date."""
    return [
        msg(
            f"NC {'mineure' if nc.level == 'minor' else 'majeure'} de l'indicateur "
            f"{nc.indicator} : échéance du {_d(nc.deadline, 'fr')} dépassée et pas de "
            "date de levée (« lifted »).",
            f"{nc.level} NC on indicator {nc.indicator}: deadline {_d(nc.deadline, 'en')} "
            "passed and no 'lifted' date.",
        )
        for nc in deadlines
        if nc.state == "overdue"
    ]


def _next_step(
    phase: Phase | None,
    audit_type: AuditType,
    when: dt.date | None,
    days_left: int | None,
    mistimed: bool,
) -> tuple[str, str] | None:
    """The next step (French, English): the countdown to a well-timed audit, else the phase's."""
    if when is not None and days_left is not None and days_left >= 0 and not mistimed:
        label = AUDIT_TYPES.get(audit_type, ("audit", "audit"))
        return (
            f"{label[0].capitalize()} prévu le {_d(when, 'fr')} (J-{days_left}) : levez d'ici là "
            "les écarts du plan d'actions, majeurs d'abord.",
            f"{label[1].capitalize()} scheduled on {_d(when, 'en')} ({days_left} days left): fix "
            "the gaps of the action plan before then, majors first.",
        )
    return _NEXT[phase] if phase is not None else None


def audit_calendar(
    config: WorkspaceConfig,
    today: dt.date,
    *,
    audit_date: dt.date | None = None,
    lang: Lang = "fr",
) -> AuditCalendar:
    """The audit calendar of a workspace on ``today`` (``audit_date`` overrides
    ``audit.date``). See the module docstring for every rule."""
    audit = config.audit
    when = audit_date or audit.date
    warnings: list[Localized] = []
    provisional = _base_provisional()
    fields: dict[str, object] = {}
    phase: Phase | None = None
    mistimed = False  # the audit date falls outside what the calendar allows
    if audit.certified_on is None:
        warnings += _uncertified_warnings(audit.type)
        phase = "not_certified" if audit.type == "initial" else None
    else:
        cycle = _cycle(audit.certified_on)
        fields = cycle.fields()
        phase = _cycle_phase(audit.type, today, cycle)
        mistimed = _mistimed(when, audit.type, cycle)
        warnings += _timing_warnings(when, audit.type, cycle)
        provisional += _cycle_provisional(cycle)
    days_left = None if when is None else (when - today).days
    warnings += _countdown_warnings(when, days_left)
    deadlines = tuple(
        _nc_deadline(nc, today, lang)
        for nc in sorted(audit.previous_nc, key=lambda n: (n.notified, n.indicator, n.level))
    )
    warnings += _overdue_warnings(deadlines)
    next_step = _next_step(phase, audit.type, when, days_left, mistimed)
    return AuditCalendar.model_validate(
        {
            "today": today,
            "audit_type": audit.type,
            "audit_date": when,
            "days_left": days_left,
            **fields,
            "phase": phase,
            "next_step": "" if next_step is None else next_step[1 if lang == "en" else 0],
            "previous_nc": deadlines,
            "warnings": tuple(w.get(lang) for w in warnings),
            "provisional": tuple(p.get(lang) for p in provisional),
        }
    )


# --- what an audit covers -------------------------------------------------------------------


@dataclass(frozen=True)
class AuditScope:
    """How one indicator is audited at the audit being prepared.

    ``surveillance_scope``: in the minimum review of a surveillance audit. ``process_only``:
    new entrant at its initial audit, audited only for a formalised process. ``reason`` says
    why (null when neither applies).
    """

    surveillance_scope: bool = False
    process_only: bool = False
    reason: Localized | None = None


def new_entrant_categories(config: WorkspaceConfig) -> frozenset[Category]:
    """The categories in which the provider is a new entrant (« nouvel entrant »)."""
    flag = config.activity.new_entrant
    if flag is True:
        return frozenset(config.categories)
    if flag is False:
        return frozenset()
    return frozenset(flag) & frozenset(config.categories)


def _join(parts: Sequence[Localized]) -> Localized:
    return msg(" ; ".join(p.fr for p in parts), "; ".join(p.en for p in parts))


def _surveillance_reasons(
    indicator: Indicator, entrant_here: bool, previous: Sequence[PreviousNc]
) -> list[Localized]:
    """Why ``indicator`` is in the minimum review of a surveillance audit (empty: it is not)."""
    reasons: list[Localized] = []
    if entrant_here:
        reasons.append(
            msg(
                "nouvel entrant : tous les indicateurs applicables sont revus à la "
                "surveillance (+0,5 jour)",
                "new entrant: every applicable indicator is reviewed at surveillance (+0.5 day)",
            )
        )
    if previous:
        reasons.append(
            msg(
                "NC à l'audit précédent : l'efficacité des actions correctives est vérifiée",
                "NC at the previous audit: the corrective actions' effectiveness is checked",
            )
        )
    if indicator.major_only:
        reasons.append(msg("indicateur « NC majeure uniquement »", "'major NC only' indicator"))
    if indicator.number in SURVEILLANCE_ALWAYS:
        reasons.append(
            msg(
                f"l'indicateur {indicator.number} est revu à chaque surveillance"
                + (" lorsqu'il s'applique" if indicator.number == 3 else ""),
                f"indicator {indicator.number} is reviewed at every surveillance audit"
                + (" where it applies" if indicator.number == 3 else ""),
            )
        )
    return reasons


def _surveillance_scope(reasons: Sequence[Localized]) -> AuditScope:
    """The surveillance scope given by ``reasons`` (out of the minimum review when none)."""
    if not reasons:
        return AuditScope()
    head = msg("Périmètre minimal de la surveillance", "Minimum surveillance scope")
    body = _join(reasons)
    return AuditScope(
        surveillance_scope=True,
        reason=msg(f"{head.fr} : {body.fr}", f"{head.en}: {body.en}"),
    )


def _process_found(procedures: Sequence[str]) -> Localized:
    """What the workspace holds of the formalised process: the first procedures, or nothing."""
    if procedures:
        return msg(
            f"processus formalisé trouvé : {', '.join(procedures[:3])}",
            f"formalised process found: {', '.join(procedures[:3])}",
        )
    return msg(
        "aucune preuve de type « procedure » rattachée à cet indicateur : c'est le "
        "processus formalisé que l'auditeur demandera",
        "no 'procedure' evidence mapped to this indicator: the formalised process is "
        "what the auditor will ask for",
    )


def _process_only_scope(
    treatment: Localized, mine: set[Category], procedures: Sequence[str]
) -> AuditScope:
    """The « processus formalisé » scope of a new entrant's indicator at its initial audit."""
    categories = ", ".join(sorted(mine))
    found = _process_found(procedures)
    return AuditScope(
        process_only=True,
        reason=msg(
            f"Nouvel entrant ({categories}) : à l'audit initial, seul le processus formalisé "
            f"est audité ; la mise en œuvre le sera à l'audit de surveillance, où tous les "
            f"indicateurs applicables sont revus. {treatment.fr} ({found.fr})",
            f"New entrant ({categories}): at the initial audit only the formalised process "
            f"is audited; implementation is checked at the surveillance audit, where every "
            f"applicable indicator is reviewed. {treatment.en} ({found.en})",
        ),
    )


def audit_scope(
    indicator: Indicator,
    config: WorkspaceConfig,
    *,
    applicable: bool,
    previous: Sequence[PreviousNc] = (),
    procedures: Sequence[str] = (),
) -> AuditScope:
    """How ``indicator`` is audited at ``config.audit.type`` (``reference/rnq.md`` §3.3, §5.2).

    Surveillance — the minimum review (arrêté du 6 juin 2019, art. 2 as amended): indicators
    with an NC at the previous audit, the « majeure uniquement » indicators, indicators 1, 17,
    19 and 3 where it applies; every applicable indicator for a new entrant.

    Initial audit of a new entrant — indicators carrying a new-entrant treatment in the
    referential (2, 3, 11, 13, 14, 19, 22, 24, 25, 26, 32) are audited only for a formalised
    process when every category of the provider they apply to is a new-entrant category.
    ``procedures`` are the paths of usable « procedure » evidence mapped to the indicator,
    named in the reason.
    """
    if not applicable:
        return AuditScope()
    kind = config.audit.type
    entrant = new_entrant_categories(config)
    mine = set(indicator.categories) & set(config.categories)
    if kind == "surveillance":
        return _surveillance_scope(_surveillance_reasons(indicator, bool(entrant & mine), previous))
    treatment = indicator.new_entrant
    if kind == "initial" and treatment is not None and mine and mine <= entrant:
        return _process_only_scope(treatment, mine, procedures)
    return AuditScope()
