"""Waivers (« dérogations »): gaps the quality direction accepts, with a justification.

The waivers file is named by ``waivers`` in ``rnq.yaml``. It is a YAML list::

    - indicator: 26
      unit: langues                 # optional: only this unit
      offering: fle-b1              # optional: only this offering
      check: rnq.builtin.i26        # optional: only this check
      justification: "Référent handicap recruté, prise de poste le 2 janvier."
      approver: "Directrice qualité"
      expires: 2027-01-31

Unknown keys, a missing justification or approver, an unknown indicator, unit or offering stop
the run with one :class:`~rnq.errors.ConfigError` listing every mistake of the file, each with
its line, key and fix (exit 2).
Indicator 0 is the certificate-display obligation.

A waiver matches a ``gap`` finding by indicator, and by unit, offering and check when given. A
matched gap becomes ``waived`` with the justification, the approver and the expiry in its
message; a waiver that expired (``expires`` before today) leaves the gap a gap and says so.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from rnq._yaml import LineMap, line_of, read_config_yaml
from rnq.engine.findings import Finding
from rnq.errors import ConfigError, ConfigProblem
from rnq.referential.loader import HIGHEST_INDICATOR, Referential
from rnq.text import Localized
from rnq.workspace.config import Workspace
from rnq.workspace.diagnostics import problems_from_validation

__all__ = ["Waiver", "apply_waivers", "date_text", "load_waivers"]

_Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
_REQUIRED = ("justification", "approver", "expires", "indicator")


class Waiver(BaseModel):
    """One accepted gap: what it covers, why, who approved it, until when."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    indicator: int = Field(
        ge=0, le=HIGHEST_INDICATOR, description="0: the certificate-display obligation"
    )
    unit: str | None = None
    offering: str | None = None
    check: str | None = None
    justification: _Text
    approver: _Text
    expires: dt.date

    def matches(self, finding: Finding) -> bool:
        """True when this waiver covers ``finding`` (whatever its outcome and the date)."""
        return (
            finding.indicator == self.indicator
            and (self.unit is None or self.unit == finding.unit)
            and (self.offering is None or self.offering == finding.offering)
            and (self.check is None or self.check == finding.check)
        )

    def expired(self, today: dt.date) -> bool:
        """True when the waiver no longer holds on ``today`` (it holds on its expiry day)."""
        return self.expires < today

    @property
    def specificity(self) -> int:
        """How many optional filters the waiver sets (the most specific waiver wins)."""
        return sum(v is not None for v in (self.unit, self.offering, self.check))


def date_text(day: dt.date) -> Localized:
    """A date as a quality officer reads it: ``15/12/2026`` in French, ISO in English."""
    return Localized(fr=day.strftime("%d/%m/%Y"), en=day.isoformat())


def _numbered(number: int, problem: ConfigProblem) -> ConfigProblem:
    """``problem`` with « dérogation n° N : » before its message."""
    message = Localized(
        fr=f"dérogation n° {number} : {problem.message.fr}",
        en=f"waiver #{number}: {problem.message.en}",
    )
    return problem.model_copy(update={"message": message})


def _validation_problems(
    exc: ValidationError, item: dict[Any, Any], *, index: int, path: str, lines: LineMap
) -> list[ConfigProblem]:
    number = index + 1
    problems = []
    for problem in problems_from_validation(
        exc,
        path=path,
        data=item,
        lines=lines,
        known={(): sorted(Waiver.model_fields)},
        base=(index,),
    ):
        field = problem.key
        value = item.get(field) if field is not None else None
        blank = isinstance(value, str) and not value.strip()
        if field in _REQUIRED_FIX and (field not in item or blank):
            fix_fr, fix_en = _REQUIRED_FIX[field]
            problem = problem.model_copy(
                update={
                    "message": Localized(
                        fr=f"« {field} » est obligatoire", en=f"'{field}' is required"
                    ),
                    "fix": Localized(fr=fix_fr, en=fix_en),
                }
            )
        problems.append(_numbered(number, problem))
    return problems


_REQUIRED_FIX = {
    "indicator": ("ajoutez indicator: 26 (le numéro de l'indicateur)", "add indicator: 26"),
    "justification": (
        'ajoutez justification: "pourquoi l\'écart est accepté"',
        'add justification: "why the gap is accepted"',
    ),
    "approver": (
        'ajoutez approver: "qui l\'accepte (Directrice qualité…)"',
        'add approver: "who accepts it (Quality director…)"',
    ),
    "expires": (
        "ajoutez expires: 2027-01-31 (la date de fin de la dérogation)",
        "add expires: 2027-01-31 (when the waiver ends)",
    ),
}


def load_waivers(
    source: Workspace | str | Path,
    *,
    referential: Referential | None = None,
    units: Iterable[str] | None = None,
    offerings: Iterable[str] | None = None,
    shown: str | None = None,
    root: Path | None = None,
) -> tuple[Waiver, ...]:
    """Read and validate a waivers file.

    ``source`` is a loaded workspace (its ``rnq.yaml`` names the file in ``waivers``; none named:
    no waiver; units and offerings a waiver names must be declared there) or the file's path.
    ``referential`` (when given) rejects indicators it does not have; ``units`` and
    ``offerings`` (when given) reject ids the workspace does not declare. ``shown`` is the path
    errors name (default: the file's path); ``root`` (a workspace's, when given): a link leading
    out of it is refused, never read. An empty file holds no waiver.

    Raises one :class:`~rnq.errors.ConfigError` holding every mistake of the file (``problems``).
    """
    if isinstance(source, Workspace):
        config = source.config
        if config.waivers is None:
            return ()
        return load_waivers(
            source.root / config.waivers,
            root=source.root,
            referential=referential,
            units=[unit.id for unit in config.units],
            offerings=[o.id for unit in config.units for o in unit.offerings],
        )
    path = Path(source)
    where = shown or str(path)
    data, lines = read_config_yaml(
        path,
        shown=where,
        root=root,
        missing=Localized(fr="fichier de dérogations introuvable", en="waivers file not found"),
        missing_hint=Localized(
            fr="corrigez la clé « waivers » de rnq.yaml", en="fix the 'waivers' key of rnq.yaml"
        ),
    )
    if data is None:
        return ()
    if not isinstance(data, list):
        raise ConfigError(
            Localized(
                fr="le fichier doit contenir une liste de dérogations",
                en="expected a list of waivers",
            ),
            path=where,
            line=1,
            hint=Localized(
                fr="commencez chaque dérogation par « - indicator: 26 » puis ses clés alignées "
                "dessous",
                en="start each waiver with '- indicator: 26' then its keys aligned below",
            ),
        )
    known_units = None if units is None else set(units)
    known_offerings = None if offerings is None else set(offerings)
    waivers: list[Waiver] = []
    problems: list[ConfigProblem] = []
    for index, item in enumerate(data):
        if not isinstance(item, dict):
            problems.append(
                ConfigProblem(
                    path=where,
                    line=line_of(lines, (index,)),
                    message=Localized(
                        fr=f"dérogation n° {index + 1} : une table de clés est attendue",
                        en=f"waiver #{index + 1}: expected a mapping of keys",
                    ),
                    fix=Localized(
                        fr="écrivez « - indicator: 26 » puis justification, approver et expires "
                        "alignés dessous",
                        en="write '- indicator: 26' then justification, approver and expires "
                        "aligned below",
                    ),
                )
            )
            continue
        try:
            waiver = Waiver.model_validate(item)
        except ValidationError as exc:
            problems += _validation_problems(exc, item, index=index, path=where, lines=lines)
            continue
        found = _unknown_ids(waiver, index, where, lines, referential, known_units, known_offerings)
        problems += found
        if not found:
            waivers.append(waiver)
    if problems:
        raise ConfigError.of(problems)
    return tuple(waivers)


def _unknown_ids(
    waiver: Waiver,
    index: int,
    where: str,
    lines: LineMap,
    referential: Referential | None,
    units: set[str] | None,
    offerings: set[str] | None,
) -> list[ConfigProblem]:
    number = index + 1
    problems: list[ConfigProblem] = []
    if referential is not None and waiver.indicator != 0:
        try:
            referential.indicator(waiver.indicator)
        except KeyError:
            problems.append(
                ConfigProblem(
                    path=where,
                    line=line_of(lines, (index, "indicator")),
                    key="indicator",
                    message=Localized(
                        fr=f"dérogation n° {number} : l'indicateur {waiver.indicator} n'existe "
                        f"pas dans {referential.id}",
                        en=f"waiver #{number}: indicator {waiver.indicator} does not exist in "
                        f"{referential.id}",
                    ),
                    fix=Localized(
                        fr="les indicateurs vont de 1 à 32 (0 : l'affichage du certificat)",
                        en="indicators go from 1 to 32 (0: displaying the certificate)",
                    ),
                )
            )
    for key, value, known, fr_what in (
        ("unit", waiver.unit, units, "unité inconnue"),
        ("offering", waiver.offering, offerings, "prestation inconnue"),
    ):
        if value is not None and known is not None and value not in known:
            listed = ", ".join(sorted(known)) or "—"
            problems.append(
                ConfigProblem(
                    path=where,
                    line=line_of(lines, (index, key)),
                    key=key,
                    message=Localized(
                        fr=f"dérogation n° {number} : « {key} » : {fr_what} « {value} »",
                        en=f"waiver #{number}: unknown {key} '{value}'",
                    ),
                    fix=Localized(
                        fr=f"connues dans rnq.yaml : {listed}", en=f"known in rnq.yaml: {listed}"
                    ),
                )
            )
    return problems


def _choose(candidates: Sequence[Waiver], today: dt.date) -> Waiver:
    """The waiver that decides: an active one before an expired one, then the most specific,
    then the latest expiry, then the file order."""
    ranked = sorted(
        enumerate(candidates),
        key=lambda pair: (
            pair[1].expired(today),
            -pair[1].specificity,
            -pair[1].expires.toordinal(),
            pair[0],
        ),
    )
    return ranked[0][1]


def apply_waivers(
    findings: Sequence[Finding],
    waivers: Sequence[Waiver],
    *,
    today: dt.date,
    audit_date: dt.date | None = None,
) -> list[Finding]:
    """The findings with the waivers applied, in the same order.

    A ``gap`` covered by a waiver in force becomes ``waived``; its message gives the
    justification, the approver and the expiry (and warns when the waiver ends before the
    audit). A gap covered only by an expired waiver stays a gap and its message says the waiver
    expired on that date. Other outcomes are left alone.
    """
    result: list[Finding] = []
    for finding in findings:
        candidates = [w for w in waivers if finding.outcome == "gap" and w.matches(finding)]
        if not candidates:
            result.append(finding)
            continue
        waiver = _choose(candidates, today)
        until = date_text(waiver.expires)
        if waiver.expired(today):
            note = Localized(
                fr=f"La dérogation accordée par {waiver.approver} a expiré le {until.fr} : "
                "l'écart est de nouveau à traiter.",
                en=f"The waiver approved by {waiver.approver} expired on {until.en}: the gap "
                "must be dealt with again.",
            )
            outcome = finding.outcome
        else:
            note = Localized(
                fr=f"Dérogation accordée par {waiver.approver} jusqu'au {until.fr} : "
                f"{waiver.justification}",
                en=f"Waived by {waiver.approver} until {until.en}: {waiver.justification}",
            )
            if audit_date is not None and waiver.expires < audit_date:
                audit = date_text(audit_date)
                note = Localized(
                    fr=f"{note.fr} (attention : elle expire avant l'audit du {audit.fr})",
                    en=f"{note.en} (note: it expires before the audit on {audit.en})",
                )
            outcome = "waived"
        message = Localized(
            fr=f"{finding.message.fr} — {note.fr}", en=f"{finding.message.en} — {note.en}"
        )
        result.append(finding.model_copy(update={"outcome": outcome, "message": message}))
    return result
