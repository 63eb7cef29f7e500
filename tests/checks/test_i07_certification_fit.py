"""Indicator 7 (``rnq/checks/i07_certification_fit.py``), per certifying AF or CFA offering
(never a VAE: review scenario ``s_f_category_mismatch``): the content refers to the
certification's referential, maps onto its competences or blocks (the cross-table is an
example) and prepares its assessment; from rnq-2026 the organisation shows its capacity to
deliver the certification (a pending application is not one). A gap on an RS certification
reads « à confirmer ».
"""

from __future__ import annotations

from .conftest import CRITERION_2_CONFIG as CONFIG
from .conftest import V9_AUDIT, V2026_AUDIT, RunWs, findings, mine, only
from .conftest import flexible_note as note

MAPPING = """\
Tableau croisé : module 1 → bloc de compétences 1 du référentiel de certification RNCP12345.
Préparation aux épreuves du CAP (CCF).
"""

CAPACITY = "Établissement habilité par le rectorat à organiser le CCF.\n"

#: Contents with no link to the certification (review: 7 is about that link).
UNLINKED = """\
Programme de la formation : découverte du commerce, techniques de vente, merchandising,
fidélisation de la clientèle, stage de quatre semaines en magasin.
"""

#: The link in prose, without a cross-table.
PROSE = """\
Le programme est construit à partir du référentiel du CAP Fleuriste.
Chaque bloc de compétences correspond à un module : bloc 1 → module « végétaux », bloc 2 →
module « compositions florales ». Préparation aux épreuves du CAP en CCF.
"""

#: An AF certifying offering and a VAE one leading to the same title.
VAE_CONFIG = """\
version: 1
organization: {name: "Organisme test"}
categories: [AF, VAE]
audit: {type: renewal, date: 2026-12-15}
units:
  - {id: siege, name: "Siège", central: true}
  - id: u
    name: "Unité"
    offerings:
      - {id: tp, title: "Titre pro Secrétaire assistant", certification: "RNCP37682"}
      - {id: vae, title: "Accompagnement VAE Titre pro", category: VAE, certification: "RNCP37682"}
"""


def outcomes_of(report, check: str, offering: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [f.outcome for f in mine(report, 7, check, offering)]


def test_certification_mapping_passes_under_v9(run_ws: RunWs) -> None:
    files = {"pro/cap/I07-tableau-croise.md": note("7", None, MAPPING)}
    report = run_ws(CONFIG, files, audit_date=V9_AUDIT, indicators=(7,))
    seven = report.indicator(7)
    assert only(report, 7, "check_adequation_certification", "cap").outcome == "passed"
    assert findings(seven, "check_capacite_certification") == []  # rnq-2026 only
    assert seven.offerings == {"cap": "conform"}


def test_certification_without_mapping_is_a_gap(run_ws: RunWs) -> None:
    files = {"pro/cap/I07.md": note("7", None, UNLINKED)}
    report = run_ws(CONFIG, files, audit_date=V9_AUDIT, indicators=(7,))
    (gap,) = [
        f for f in mine(report, 7, "check_adequation_certification", "cap") if f.outcome == "gap"
    ]
    assert "correspondance des contenus" in gap.message
    assert "référentiel de la certification" in gap.message and not gap.provisional
    assert set(gap.items) == {
        "referentiel-certification",
        "correspondance-contenus",
        "epreuves-certification",
    }
    assert report.indicator(7).status == "nc_major"


def test_the_cross_table_is_an_example(run_ws: RunWs) -> None:
    """The cross-table is one way to show the mapping (review §1 row 10, rnq.md: example)."""
    files = {"pro/cap/I07.md": note("7", None, PROSE)}
    report = run_ws(CONFIG, files, audit_date=V9_AUDIT, indicators=(7,))
    assert report.indicator(7).status == "conform"
    assert outcomes_of(report, "check_adequation_certification", "cap") == ["passed", "advice"]
    (advice,) = [
        f for f in mine(report, 7, "check_adequation_certification", "cap") if f.outcome == "advice"
    ]
    assert advice.items == ("tableau-croise",)


def test_rnq_2026_requires_capacity_to_deliver_the_certification(run_ws: RunWs) -> None:
    files = {"pro/cap/I07-tableau-croise.md": note("7", None, MAPPING)}
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(7,))
    gap = only(report, 7, "check_capacite_certification", "cap")
    assert gap.outcome == "gap" and "habilitation" in gap.message
    assert gap.items == ("capacite-certification",)
    assert report.indicator(7).status == "nc_major"
    files["pro/cap/I07-habilitation.md"] = note("7", "attestation", CAPACITY)
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(7,))
    assert only(report, 7, "check_capacite_certification", "cap").outcome == "passed"
    assert report.indicator(7).status == "conform"


def test_a_pending_application_is_not_a_capacity(run_ws: RunWs) -> None:
    pending = (
        "Nous avons déposé une demande d'habilitation auprès du certificateur le 4 novembre ; "
        "tant que l'habilitation n'est pas obtenue, la formation reste non certifiante.\n"
    )
    files = {
        "pro/cap/I07-tableau-croise.md": note("7", None, MAPPING),
        "pro/cap/I07-habilitation.md": note("7", "certification", pending),
    }
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(7,))
    assert only(report, 7, "check_capacite_certification", "cap").outcome == "gap"


def test_being_the_certifier_proves_capacity(run_ws: RunWs) -> None:
    text = MAPPING + "Certificateur : Organisme test (titre enregistré au RNCP).\n"
    files = {"pro/cap/I07.md": note("7", None, text)}
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(7,))
    assert only(report, 7, "check_capacite_certification", "cap").outcome == "passed"


def test_a_vae_offering_is_out_of_scope(run_ws: RunWs) -> None:
    """Indicator 7 covers AF and CFA (rnq.md §2 ind. 7): a certifying VAE offering gets no
    finding at all, neither a content gap nor a missing-evidence gap (review §2.2 #1,
    scenario ``s_f_category_mismatch``)."""
    text = MAPPING.replace("RNCP12345", "RNCP37682") + CAPACITY
    files = {"u/tp/I07.md": note("7", None, text)}
    report = run_ws(VAE_CONFIG, files, audit_date=V2026_AUDIT, indicators=(7,))
    seven = report.indicator(7)
    assert seven.status == "conform", [f.message for f in seven.findings]
    assert [f for f in seven.findings if f.offering == "vae"] == []
    assert "vae" not in seven.offerings


def test_rs_certification_gap_is_provisional(run_ws: RunWs) -> None:
    config = CONFIG.replace('certification: "RNCP12345"', 'certification: "RS5678"')
    files = {"pro/cap/I07.md": note("7", None, UNLINKED)}
    report = run_ws(config, files, audit_date=V9_AUDIT, indicators=(7,))
    found = mine(report, 7, "check_adequation_certification", "cap")
    assert [f.outcome for f in found if f.outcome == "gap"] == []
    (rs,) = [f for f in found if "Répertoire spécifique" in f.message]
    assert rs.outcome == "advice" and rs.confirm
    assert report.indicator(7).status == "conform"
