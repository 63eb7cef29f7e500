"""The action plan's order (issue #20): what unblocks certification soonest comes first — majors,
then minors, then advice; within a level what one file fixes, then a case to handle, then a
process to create — and each item says which kind it is (``effort``)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import rnq
from rnq.engine.findings import Finding
from rnq.render.html import render_html
from rnq.render.labels import label
from rnq.testing import write_workspace
from rnq.verdict.plan import effort

from .test_verdict import finding, report, with_gaps

CONFIG = """\
version: 1
organization: {name: "Organisme test"}
categories: [AF]
audit: {type: initial, date: 2026-12-15}
freshness: {veille-pedagogique: 12}
units:
  - {id: siege, name: "Siège", central: true}
  - id: pro
    name: "Pôle pro"
"""

#: A trainers register naming one trainer without CV, diploma nor verification.
REGISTER = (
    "Nom;Rôle;Fichier CV;Qualification\nMarie Dupont;Formatrice;;BTS\nPaul Martin;Formateur;;\n"
)

PROCEDURE = """\
---
indicators: [21]
kind: procedure
date: 2026-02-10
---
# Recrutement des formateurs
Pour chaque module, la fiche de poste précise les compétences techniques et pédagogiques
requises et le diplôme exigé. À l'embauche, le responsable pédagogique vérifie les diplômes et
les attestations d'expérience, conduit un entretien de recrutement et observe une séance.
"""

#: Pedagogical watch of 2025: out of date under the workspace's 12-month freshness rule.
WATCH = """\
---
indicators: [25]
kind: veille-pedagogique
date: 2025-01-10
---
# Veille pédagogique et technologique 2025
Abonnements, revue des innovations pédagogiques, classes virtuelles, outils numériques ;
diffusion aux formateurs et exploitation en réunion pédagogique.
"""


def test_plan_puts_the_major_one_file_fix_first_then_the_process_then_the_minor(
    tmp_path: Path,
) -> None:
    """Indicator 17 has no evidence at all (a major NC: a process to create), indicator 21 a
    trainer without CV (a major NC a single file fixes), indicator 25 a watch out of date (a
    minor NC, one file): 21 comes before 17 although its number is higher."""
    root = write_workspace(
        tmp_path / "ws",
        CONFIG,
        {
            "siege/I21-registre-formateurs.csv": REGISTER,
            "siege/I21-procedure-recrutement.md": PROCEDURE,
            "siege/I25-veille-pedagogique-2025.md": WATCH,
        },
    )
    options = rnq.RunOptions(
        today=dt.date(2026, 11, 28),
        indicators=(17, 21, 25),
        use_cache=False,
        load_entrypoints=False,
        workers=1,
    )
    result = rnq.run(root, options)
    plan = [(a.level, a.effort, a.indicator) for a in result.action_plan]
    assert plan == [
        ("nc_major", "file", 21),
        ("nc_major", "process", 17),
        ("nc_minor", "file", 25),
    ]
    first = result.action_plan[0]
    assert "Paul Martin" in first.what
    assert first.effort_label == "un fichier à corriger"
    assert result.action_plan[1].effort_label == "un processus à créer"
    # « Première action » is the first item of that order, in the console and in the HTML answer
    console = rnq.console_text(result).replace("\xa0", " ")
    (line,) = [line for line in console.splitlines() if line.startswith("Première action")]
    assert re.match(r"Première action : 21\b", line), line
    html = render_html(result)
    answer = html[html.index('id="answer"') : html.index("</section>", html.index('id="answer"'))]
    assert "Paul Martin" in answer and "un fichier à corriger" in answer
    # the same inputs, the same order
    assert rnq.run(root, options).action_plan == result.action_plan


def test_effort_of_a_finding() -> None:
    gap = finding(4, "gap", unit="pro")
    assert effort(gap) == "file"  # evidence exists: complete or replace it
    nothing = gap.model_copy(update={"missing": True, "evidence": ()})
    assert effort(nothing) == "process"
    late: Finding = gap.model_copy(
        update={"check": "rnq.checks.complaints::check_reclamations_dans_les_delais"}
    )
    assert effort(late) == "case"
    display = finding(0, "gap", missing=True).model_copy(update={"evidence": ()})
    assert effort(display) == "file"  # the certificate to put on the website: one page


def test_within_a_level_file_then_case_then_process_whatever_the_numbers() -> None:
    """Three minor NCs: a process missing in one unit (12, passed elsewhere), a complaint
    answered late (23), a document to complete (30): 30, 23, 12."""
    late = finding(23, "gap", unit="pro", check="x::check_reclamations_dans_les_delais")
    process = finding(12, "gap", unit="pro", missing=True).model_copy(update={"evidence": ()})
    elsewhere = finding(12, "passed", unit="langues", check="check_other")
    one_file = finding(30, "gap", unit="pro")
    found = with_gaps(late, process, one_file, elsewhere)
    built = report(found)
    assert [(a.level, a.effort, a.indicator) for a in built.action_plan] == [
        ("nc_minor", "file", 30),
        ("nc_minor", "case", 23),
        ("nc_minor", "process", 12),
    ]
    assert [a.effort_label for a in built.action_plan] == [
        "un fichier à corriger",
        "un cas à traiter",
        "un processus à créer",
    ]
    english = report(list(reversed(found)), lang="en")
    assert [a.indicator for a in english.action_plan] == [30, 23, 12]
    assert [a.effort_label for a in english.action_plan] == [
        label("effort", key, "en") for key in ("file", "case", "process")
    ]
