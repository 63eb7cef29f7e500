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
the run with a :class:`~rnq.errors.ConfigError` naming the file, the line and the key (exit 2).
Indicator 0 is the certificate-display obligation.

A waiver matches a ``gap`` finding by indicator, and by unit, offering and check when given. A
matched gap becomes ``waived`` with the justification, the approver and the expiry in its
message; a waiver that expired (``expires`` before today) leaves the gap a gap and says so.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from rnq._yaml import LineMap, config_error_from_validation, line_of, read_config_yaml
from rnq.engine.findings import Finding
from rnq.errors import ConfigError
from rnq.referential.loader import HIGHEST_INDICATOR, Referential
from rnq.text import Localized
from rnq.workspace.config import Workspace

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


def _error(
    message: Localized, *, path: str, lines: LineMap, loc: tuple[str | int, ...], key: str | None
) -> ConfigError:
    return ConfigError(message, path=path, line=line_of(lines, loc), key=key)


def _validation_error(
    exc: ValidationError, *, index: int, path: str, lines: LineMap
) -> ConfigError:
    errors = exc.errors(include_url=False)
    # A misspelt key also makes a required key "missing": name the misspelling first.
    error = next((e for e in errors if e["type"] == "extra_forbidden"), errors[0])
    loc = tuple(error["loc"])
    field = str(loc[0]) if loc else None
    number = index + 1
    if error["type"] in ("missing", "string_too_short") and field in _REQUIRED:
        return _error(
            Localized(
                fr=f"dérogation n° {number} : « {field} » est obligatoire",
                en=f"waiver #{number}: '{field}' is required",
            ),
            path=path,
            lines=lines,
            loc=(index, *loc),
            key=field,
        )
    if error["type"] == "extra_forbidden":
        known = sorted(Waiver.model_fields)
        close = difflib.get_close_matches(str(field), known, n=1)
        hint = (
            Localized(fr=f"vouliez-vous dire « {close[0]} » ?", en=f"did you mean '{close[0]}'?")
            if close
            else Localized(fr=f"clés possibles : {', '.join(known)}", en=f"known keys: {known}")
        )
        return ConfigError(
            Localized(
                fr=f"dérogation n° {number} : clé inconnue « {field} »",
                en=f"waiver #{number}: unknown key '{field}'",
            ),
            path=path,
            line=line_of(lines, (index, *loc)),
            key=field,
            hint=hint,
        )
    sub_lines = {k[1:]: v for k, v in lines.items() if k[:1] == (index,)}
    return config_error_from_validation(exc, path=path, lines=sub_lines, known_keys=None)


def load_waivers(
    source: Workspace | str | Path,
    *,
    referential: Referential | None = None,
    units: Iterable[str] | None = None,
    offerings: Iterable[str] | None = None,
    shown: str | None = None,
) -> tuple[Waiver, ...]:
    """Read and validate a waivers file.

    ``source`` is a loaded workspace (its ``rnq.yaml`` names the file in ``waivers``; none named:
    no waiver; units and offerings a waiver names must be declared there) or the file's path.
    ``referential`` (when given) rejects indicators it does not have; ``units`` and
    ``offerings`` (when given) reject ids the workspace does not declare. ``shown`` is the path
    errors name (default: the file's path). An empty file holds no waiver.
    """
    if isinstance(source, Workspace):
        config = source.config
        if config.waivers is None:
            return ()
        return load_waivers(
            source.root / config.waivers,
            referential=referential,
            units=[unit.id for unit in config.units],
            offerings=[o.id for unit in config.units for o in unit.offerings],
        )
    path = Path(source)
    where = shown or str(path)
    data, lines = read_config_yaml(
        path,
        shown=where,
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
        )
    known_units = None if units is None else set(units)
    known_offerings = None if offerings is None else set(offerings)
    waivers: list[Waiver] = []
    for index, item in enumerate(data):
        if not isinstance(item, dict):
            raise _error(
                Localized(
                    fr=f"dérogation n° {index + 1} : une table de clés est attendue",
                    en=f"waiver #{index + 1}: expected a mapping of keys",
                ),
                path=where,
                lines=lines,
                loc=(index,),
                key=None,
            )
        try:
            waiver = Waiver.model_validate(item)
        except ValidationError as exc:
            raise _validation_error(exc, index=index, path=where, lines=lines) from None
        _check_known(waiver, index, where, lines, referential, known_units, known_offerings)
        waivers.append(waiver)
    return tuple(waivers)


def _check_known(
    waiver: Waiver,
    index: int,
    where: str,
    lines: LineMap,
    referential: Referential | None,
    units: set[str] | None,
    offerings: set[str] | None,
) -> None:
    number = index + 1
    if referential is not None and waiver.indicator != 0:
        try:
            referential.indicator(waiver.indicator)
        except KeyError:
            raise _error(
                Localized(
                    fr=f"dérogation n° {number} : l'indicateur {waiver.indicator} n'existe pas "
                    f"dans {referential.id}",
                    en=f"waiver #{number}: indicator {waiver.indicator} does not exist in "
                    f"{referential.id}",
                ),
                path=where,
                lines=lines,
                loc=(index, "indicator"),
                key="indicator",
            ) from None
    for key, value, known in (
        ("unit", waiver.unit, units),
        ("offering", waiver.offering, offerings),
    ):
        if value is not None and known is not None and value not in known:
            listed = ", ".join(sorted(known))
            raise ConfigError(
                Localized(
                    fr=f"dérogation n° {number} : « {key} » inconnu(e) : {value}",
                    en=f"waiver #{number}: unknown {key} '{value}'",
                ),
                path=where,
                line=line_of(lines, (index, key)),
                key=key,
                hint=Localized(fr=f"connus : {listed}", en=f"known: {listed}"),
            )


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
