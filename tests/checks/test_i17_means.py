"""Indicator 17 (``rnq/checks/i17_means.py``): the people, the equipment and a suitable
environment (premises, workshops, technical facilities, the client's site, or the distance
environment) are described, in a Markdown note or a real text PDF; the wording's own words
count, placeholders and drafts do not.
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
    assert "moyens techniques" not in finding.message
    assert finding.evidence == ("pro/moyens.md",)
    assert result.status == "nc_minor"


def test_17_plateaux_techniques_and_workshops_are_the_environment(run_ws: RunWs) -> None:
    """False alarm (e), scenario (d)(e) of the December 2026 review: the wording itself gives
    « plateaux techniques » as the « environnement approprié »; workshops and the place of
    training are premises too."""
    text = note(
        "17",
        "moyens",
        """# Moyens du pôle bâtiment
Formateurs : 3 formateurs titulaires du titre professionnel, dont un référent sécurité.
Matériel : postes de soudure MIG/MAG, outillage individuel, EPI fournis.
Ateliers, plateaux techniques (maçonnerie, plâtrerie).""",
    )
    report = run_ws(CONFIG, {"pro/I17-moyens.md": text}, audit_date=V9_AUDIT, indicators=(17,))
    assert outcomes(report.indicator(17), "check_moyens_locaux") == ["passed"]
    assert report.indicator(17).status == "conform"
    place = note(
        "17",
        "moyens",
        """Moyens humains : 3 consultants certifiés.
Moyens techniques : paperboard, wifi, écran interactif.
Lieu de formation : 12 rue de la Paix, 75002 Paris.""",
    )
    report = run_ws(CONFIG, {"pro/I17-moyens.md": place}, audit_date=V2026_AUDIT, indicators=(17,))
    assert outcomes(report.indicator(17), "check_moyens_locaux") == ["passed"]


def test_17_the_distance_environment_is_an_environment(run_ws: RunWs) -> None:
    text = note(
        "17",
        "moyens",
        """# Moyens — parcours 100 % à distance
Plateforme Moodle accessible 24 h/24 ; classes virtuelles Zoom deux fois par semaine.
Une formatrice conçoit les modules ; deux tuteurs suivent les apprenants.""",
    )
    config = CONFIG + "facts:\n  modality: distance\n"
    report = run_ws(config, {"pro/moyens.md": text}, audit_date=V2026_AUDIT, indicators=(17,))
    assert outcomes(report.indicator(17), "check_moyens_locaux") == ["passed"]


def test_17_placeholder_and_bare_words_are_not_means(run_ws: RunWs) -> None:
    """Review §4 #7: « Moyens : formateur, outils, site. » passed; neither « outils » nor
    « site » describes equipment or premises."""
    placeholder = note("17", "moyens", "Moyens : formateur, outils, site.")
    report = run_ws(CONFIG, {"pro/m.md": placeholder}, audit_date=V9_AUDIT, indicators=(17,))
    [finding] = findings(report.indicator(17), "check_moyens_locaux")
    assert finding.outcome == "gap" and "brouillon" in finding.message
    assert report.indicator(17).status != "conform"
    vague = note("17", "moyens", "Moyens mobilisés : un formateur, des outils et un site.")
    report = run_ws(CONFIG, {"pro/m.md": vague}, audit_date=V9_AUDIT, indicators=(17,))
    [finding] = findings(report.indicator(17), "check_moyens_locaux")
    assert finding.outcome == "gap"
    assert "moyens techniques" in finding.message and "environnement approprié" in finding.message
    assert "moyens humains" not in finding.message


def test_17_equipment_out_of_use_is_not_described(run_ws: RunWs) -> None:
    text = note(
        "17",
        "moyens",
        """Objet : session du 14
Le formateur est confirmé. La salle n'est toujours pas réservée : le centre d'affaires ne
répond pas. Le vidéoprojecteur de la salle Rhône est en panne depuis mars, et il nous
manque 4 PC.""",
    )
    report = run_ws(CONFIG, {"pro/mail.md": text}, audit_date=V9_AUDIT, indicators=(17,))
    [finding] = findings(report.indicator(17), "check_moyens_locaux")
    assert finding.outcome == "gap"
    assert "moyens techniques" in finding.message and "environnement approprié" in finding.message


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
