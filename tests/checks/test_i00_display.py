"""The certificate-display obligation (« indicator 0 », ``rnq/checks/i00_display.py``):
website and premises, at surveillance and renewal, missing → major. The filesystem collector
maps no file to « indicator 0 » yet (a file of kind ``affichage-certificat`` has no default
indicator), so these tests hand the check its evidence through a small collector plugin, as a
website-capture collector would.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import rnq
from rnq.collect.evidence import Evidence
from rnq.testing import write_workspace

from .conftest import TODAY, V9_AUDIT, V2026_AUDIT

CONFIG = """\
version: 1
organization: {name: "Organisme test"}
categories: [AF]
audit: {type: renewal, date: 2026-12-15}
units:
  - {id: siege, name: "Siège", central: true}
  - {id: pro, name: "Pôle pro"}
"""

CHECK = "check_affichage_certificat"

SITE_TEXT = (
    "Capture du site internet https://www.exemple.fr — page d'accueil. Marque Qualiopi : "
    "la certification qualité a été délivrée au titre de la catégorie : actions de formation."
)


def capture(
    path: str = "web:accueil",
    text: str | None = SITE_TEXT,
    kind: str = "affichage-certificat",
    date: dt.date | None = dt.date(2026, 10, 1),
    by: str | None = None,
    note: str | None = None,
) -> Evidence:
    """An evidence record about the display, as a collector returns it."""
    return Evidence(
        path=path,
        unit="siege",
        indicators=(0,),
        kind=kind,
        date=date,
        by=by,
        note=note,
        mapped_by="plugin",
        collector="test",
        read="ok" if text is not None else "no_text",
        text=text,
    )


PHOTO = capture("photos/locaux-hall.jpg", text=None)
ATTESTATION = capture(
    "attestation:affichage",
    text=None,
    kind="attestation",
    by="Directrice qualité",
    note="Le certificat Qualiopi est affiché dans le hall d'accueil des locaux.",
)
ATTESTATION = ATTESTATION.model_copy(update={"read": "ok"})


class Records:
    """A collector plugin that returns fixed records."""

    def __init__(self, records: list[Evidence]) -> None:
        self.records = records

    @rnq.hookimpl
    def rnq_collect_evidence(self, workspace: object, context: object) -> list[Evidence]:
        return self.records


def run(
    tmp_path: Path,
    records: list[Evidence],
    *,
    config: str = CONFIG,
    audit_date: dt.date = V2026_AUDIT,
    lang: str = "fr",
) -> rnq.Report:
    root = write_workspace(tmp_path / "ws", config, {})
    options = rnq.RunOptions(
        today=TODAY,
        audit_date=audit_date,
        indicators=(1,),
        use_cache=False,
        load_entrypoints=False,
        workers=1,
        extra_plugins=(Records(records),),
        lang=lang,  # type: ignore[arg-type]
    )
    return rnq.run(root, options)


def display(report: rnq.Report) -> rnq.verdict.report.Obligation:
    [obligation] = report.obligations
    return obligation


def test_passes_with_the_website_page_and_a_signed_attestation(tmp_path: Path) -> None:
    report = run(tmp_path, [capture(), PHOTO, ATTESTATION])
    obligation = display(report)
    assert [f.outcome for f in obligation.findings if f.check.endswith(CHECK)] == ["passed"]
    assert obligation.status == "conform"


def test_nothing_is_a_missing_gap_and_a_major_nc(tmp_path: Path) -> None:
    report = run(tmp_path, [], audit_date=V9_AUDIT)
    obligation = display(report)
    [finding] = [f for f in obligation.findings if f.check.endswith(CHECK)]
    assert finding.outcome == "gap" and finding.missing
    assert finding.unit is None and "renouvellement" in finding.message
    assert obligation.status == "nc_major"
    assert report.summary.certifiable is False


def test_premises_only_on_an_unreadable_photo_is_not_verified(tmp_path: Path) -> None:
    report = run(tmp_path, [capture(), PHOTO])
    [finding] = [f for f in display(report).findings if f.check.endswith(CHECK)]
    assert finding.outcome == "not_verified"
    assert finding.evidence == ("photos/locaux-hall.jpg",)
    assert "attestation" in finding.message
    assert display(report).status == "not_assessed"


def advice_of(report: rnq.Report) -> list[rnq.verdict.report.ReportFinding]:
    return [
        f for f in display(report).findings if f.check.endswith(CHECK) and f.outcome == "advice"
    ]


def test_page_without_the_certified_category_is_advice(tmp_path: Path) -> None:
    """check-review §2.5 (0): naming every certified category is a brand-use rule, not the
    obligation — a point de vigilance, never a major NC."""
    page = capture(text="Site internet www.exemple.fr : nous sommes certifiés Qualiopi.")
    report = run(tmp_path, [page, ATTESTATION])
    outcomes = [f.outcome for f in display(report).findings if f.check.endswith(CHECK)]
    assert outcomes == ["passed", "advice"]
    (advice,) = advice_of(report)
    assert "actions de formation" in advice.message and "web:accueil" in advice.message
    assert advice.evidence == ("web:accueil",)
    assert display(report).status == "conform"
    assert not any("affich" in reason.lower() for reason in report.summary.blocking)


def test_attestation_without_signatory_is_advice(tmp_path: Path) -> None:
    unsigned = ATTESTATION.model_copy(update={"by": None})
    report = run(tmp_path, [capture(), unsigned])
    (advice,) = advice_of(report)
    assert "signataire" in advice.message and advice.evidence == ("attestation:affichage",)
    assert display(report).status == "conform"


def test_the_certificate_itself_is_not_proof_of_display(tmp_path: Path) -> None:
    certificate = capture(
        "siege/certificat-qualiopi.pdf",
        text="Certificat n° 2024-001 Qualiopi délivré à Organisme test, actions de formation, "
        "valable jusqu'au 19/01/2028. www.certificateur.fr",
    )
    report = run(tmp_path, [certificate, ATTESTATION])
    [finding] = [f for f in display(report).findings if f.check.endswith(CHECK)]
    assert finding.outcome == "gap" and "certificat lui-même" in finding.message


def test_a_stale_capture_is_advice_with_the_heuristic_said(tmp_path: Path) -> None:
    old = capture(date=dt.date(2024, 5, 1))
    report = run(tmp_path, [old, ATTESTATION], lang="en")
    (advice,) = advice_of(report)
    assert "2024-05-01" in advice.message and "heuristic" in advice.message
    assert display(report).status == "conform"


def test_a_page_without_qualiopi_proves_nothing(tmp_path: Path) -> None:
    """The display itself is the obligation: a page that does not speak of Qualiopi is no proof
    of it, and with nothing else for the website the obligation is a gap (major)."""
    page = capture(text="Site internet www.exemple.fr — page d'accueil : nos formations.")
    report = run(tmp_path, [page, ATTESTATION])
    [finding] = [f for f in display(report).findings if f.check.endswith(CHECK)]
    assert finding.outcome == "gap" and "ne mentionne pas Qualiopi" in finding.message
    assert "le site internet" in finding.message
    assert display(report).status == "nc_major"


def test_no_website_attested(tmp_path: Path) -> None:
    statement = capture(
        "attestation:pas-de-site",
        text=None,
        kind="attestation",
        by="Gérant",
        note="Nous n'avons pas de site internet : une copie du certificat Qualiopi est remise "
        "à toute personne qui le demande.",
    ).model_copy(update={"read": "ok"})
    report = run(tmp_path, [statement, ATTESTATION])
    assert display(report).status == "conform"


def test_every_certified_category_is_named_as_advice(tmp_path: Path) -> None:
    config = CONFIG.replace("categories: [AF]", "categories: [AF, BC]")
    report = run(tmp_path, [capture(), ATTESTATION], config=config)
    (advice,) = advice_of(report)
    assert "bilans de compétences" in advice.message
    assert "actions de formation" not in advice.message
    assert display(report).status == "conform"


def test_initial_audit_does_not_check_the_display(tmp_path: Path) -> None:
    config = CONFIG.replace("type: renewal", "type: initial")
    report = run(tmp_path, [], config=config)
    obligation = display(report)
    assert obligation.status == "not_applicable"
    assert [f.outcome for f in obligation.findings if f.check.endswith(CHECK)] == ["not_applicable"]


def test_surveillance_audit_checks_the_display(tmp_path: Path) -> None:
    config = CONFIG.replace("type: renewal", "type: surveillance")
    report = run(tmp_path, [], config=config)
    [finding] = [f for f in display(report).findings if f.check.endswith(CHECK)]
    assert finding.outcome == "gap" and "surveillance" in finding.message
