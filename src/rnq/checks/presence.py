"""Evidence is present, readable and current wherever each applicable indicator is assessed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from rnq.checks.helpers import is_current, where_kept
from rnq.collect.evidence import EvidenceSet
from rnq.engine.marks import mark
from rnq.engine.outcomes import Gap, msg, not_verified
from rnq.referential.loader import Indicator
from rnq.workspace.config import Offering, Unit, WorkspaceConfig
from rnq.workspace.kinds import declared_rules


@mark.each_indicator
def check_evidence_present(
    indicator: Indicator,
    target: Unit | Offering,
    evidence: EvidenceSet,
    freshness: Mapping[str, int],
    audit_date: dt.date,
    config: WorkspaceConfig,
    all_evidence: EvidenceSet,
    folders: frozenset[str],
) -> None:
    """Des preuves lisibles et à jour existent là où l'indicateur est évalué.

    Déposez les preuves dans le dossier de l'unité (ou de la prestation, pour les indicateurs
    évalués par prestation), nommées avec le numéro de l'indicateur (« I26 », « indicateur-26 »)
    ou décrites dans un manifeste rnq-evidence.yaml ; remplacez les documents périmés.

    EN: Readable, up-to-date evidence exists wherever the indicator is assessed.

    Put the evidence in the unit's folder (or the offering's, for indicators assessed per offering),
    named with the indicator number ("I26", "indicateur-26") or described in an rnq-evidence.yaml
    manifest; replace out-of-date documents.
    """
    where = (
        f"prestation « {target.title} »"
        if isinstance(target, Offering)
        else f"unité « {target.name} »"
    )
    where_en = (
        f"offering '{target.title}'" if isinstance(target, Offering) else f"unit '{target.name}'"
    )
    mine = evidence.for_indicator(indicator.number)
    if not mine:
        home, folder = _home(target, config)
        if folder is not None and folder not in folders:
            # a unit's path: mistyped, an offering folder named by its title
            hint, hint_en = (
                f" Le dossier {folder}/ n'existe pas (rnq doctor indique le plus proche).",
                f" Folder {folder}/ does not exist (rnq doctor names the nearest one).",
            )
            raise Gap(
                msg(
                    f"Aucune preuve pour l'indicateur {indicator.number} ({where}).{hint}",
                    f"No evidence for indicator {indicator.number} ({where_en}).{hint_en}",
                ),
                missing=True,
            )
        left = _left_outside(indicator, home, all_evidence, config) if home is not None else []
        hint = (
            f" {_listed(left)} {'est rattaché' if len(left) == 1 else 'sont rattachés'} à "
            f"l'indicateur {indicator.number} mais hors du dossier de la prestation, où "
            f"{'il ne compte' if len(left) == 1 else 'ils ne comptent'} pour aucune : "
            f"déposez-en une copie dans {folder}/ (rnq doctor les liste)."
            if left
            else ""
        )
        hint_en = (
            f" {_listed(left)} {'is' if len(left) == 1 else 'are'} mapped to indicator "
            f"{indicator.number} but outside the offering's folder, where "
            f"{'it counts' if len(left) == 1 else 'they count'} for none: put a copy in "
            f"{folder}/ (rnq doctor lists them)."
            if left
            else ""
        )
        raise Gap(
            msg(
                f"Aucune preuve pour l'indicateur {indicator.number} ({where}).{hint}",
                f"No evidence for indicator {indicator.number} ({where_en}).{hint_en}",
            ),
            evidence=tuple(left),
            missing=True,
        )
    readable = mine.filter(lambda e: e.usable or e.kind == "attestation")
    if not readable:
        not_verified(
            msg(
                f"Preuves présentes mais illisibles (document scanné, chiffré ou endommagé) : "
                f"l'indicateur {indicator.number} ne peut pas être vérifié ({where}).",
                f"Evidence exists but cannot be read (scanned, encrypted or damaged): "
                f"indicator {indicator.number} cannot be verified ({where_en}).",
            ),
            evidence=mine.paths(),
        )
    own = declared_rules(freshness)  # rnq's defaults are rules of thumb: the content checks
    current = readable.filter(lambda e: is_current(e, own, audit_date))  # advise on them
    if not current:
        # Stale central evidence is the central function's finding, reported once.
        place = where_kept(target, readable, config) if isinstance(target, Unit) else None
        raise Gap(
            msg(
                f"Les preuves de l'indicateur {indicator.number} sont périmées à la date d'audit "
                f"({audit_date.isoformat()}) ({place.fr if place else where}) — validité "
                "dépassée, ou règle de fraîcheur déclarée dans rnq.yaml.",
                f"The evidence for indicator {indicator.number} is out of date on the audit date "
                f"({audit_date.isoformat()}) ({place.en if place else where_en}) — past its "
                "validity, or past the freshness rule rnq.yaml declares.",
            ),
            evidence=readable.paths(),
        )


def _home(target: Unit | Offering, config: WorkspaceConfig) -> tuple[Unit | None, str | None]:
    """For an offering, its unit; and the folder of ``target`` (``None``: an offering of no
    unit)."""
    if not isinstance(target, Offering):
        return None, target.folder
    unit = next((u for u in config.units if target in u.offerings), None)
    return unit, unit.offering_folder(target) if unit is not None else None


def _left_outside(
    indicator: Indicator, unit: Unit, everything: EvidenceSet, config: WorkspaceConfig
) -> list[str]:
    """For an offering of ``unit``: the files mapped to ``indicator`` in that unit or the central
    one, but outside every offering's folder — the procedure left in ``siege/…/I04-…``."""
    units = {unit.id} | {u.id for u in config.units if u.central}
    return sorted(
        e.path
        for e in everything.for_indicator(indicator.number)
        if e.offering is None and e.unit in units
    )


def _listed(paths: list[str]) -> str:
    shown = ", ".join(paths[:3])
    return shown + (f" (+{len(paths) - 3})" if len(paths) > 3 else "")
