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
        raise Gap(
            msg(
                f"Aucune preuve pour l'indicateur {indicator.number} ({where}).",
                f"No evidence for indicator {indicator.number} ({where_en}).",
            ),
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
