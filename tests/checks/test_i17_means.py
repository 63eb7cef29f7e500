"""Indicator 17 (``rnq/checks/i17_means.py``): the human and technical means and the premises
are described, in a Markdown note or a real text PDF.
"""

from __future__ import annotations

from .conftest import CONFIG, V9_AUDIT, V2026_AUDIT, RunWs, findings, note, outcomes

MOYENS = note(
    "17",
    "moyens",
    """# Moyens et locaux
Équipe pédagogique de 6 formateurs. Salles de formation équipées d'ordinateurs et d'un
vidéoprojecteur ; locaux accessibles (registre d'accessibilité).""",
)


def test_17_passes_with_people_equipment_and_premises(run_ws: RunWs) -> None:
    report = run_ws(CONFIG, {"siege/moyens.md": MOYENS}, audit_date=V9_AUDIT, indicators=(17,))
    assert outcomes(report.indicator(17), "check_moyens_locaux") == ["passed"]
    assert report.indicator(17).status == "conform"


def test_17_gap_without_the_people(run_ws: RunWs) -> None:
    text = note("17", "moyens", "Salles équipées d'ordinateurs et d'un vidéoprojecteur.")
    report = run_ws(CONFIG, {"pro/moyens.md": text}, audit_date=V2026_AUDIT, indicators=(17,))
    result = report.indicator(17)
    [finding] = findings(result, "check_moyens_locaux")
    assert finding.outcome == "gap" and "moyens humains" in finding.message
    assert finding.evidence == ("pro/moyens.md",)
    assert result.status == "nc_minor"


def _pdf(lines: list[str]) -> bytes:
    """A small text PDF (reportlab), as an office suite would export it."""
    import io

    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, invariant=True)
    for index, line in enumerate(lines):
        page.drawString(72, 770 - 16 * index, line)
    page.save()
    return buffer.getvalue()


def test_17_reads_a_real_pdf(run_ws: RunWs) -> None:
    lines = [
        "Moyens pédagogiques et techniques",
        "Équipe pédagogique : 4 formatrices et un responsable.",
        "Salles équipées de postes informatiques et d'un vidéoprojecteur.",
    ]
    files: dict[str, str | bytes] = {"pro/I17-moyens.pdf": _pdf(lines)}
    report = run_ws(CONFIG, files, audit_date=V9_AUDIT, indicators=(17,))
    assert outcomes(report.indicator(17), "check_moyens_locaux") == ["passed"]
    files = {"pro/I17-moyens.pdf": _pdf(lines[:2])}
    report = run_ws(CONFIG, files, audit_date=V9_AUDIT, indicators=(17,))
    [finding] = findings(report.indicator(17), "check_moyens_locaux")
    assert finding.outcome == "gap" and "locaux" in finding.message
    assert finding.evidence == ("pro/I17-moyens.pdf",)
