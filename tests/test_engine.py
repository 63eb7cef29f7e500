"""The pytest-style check engine, end to end through ``rnq.run``."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable
from pathlib import Path

import pytest

import rnq
from rnq.verdict.report import Report

TODAY = dt.date(2026, 11, 28)

CONFIG = """\
version: 1
organization: {name: "Organisme test"}
categories: [AF]
audit: {type: renewal, date: 2026-12-15}
units:
  - {id: siege, name: "Siège", central: true}
  - id: pro
    name: "Pôle pro"
    offerings:
      - {id: compta, title: "Comptabilité"}
      - {id: paie, title: "Paie"}
      - {id: excel, title: "Excel"}
checks: [checks]
"""

HOUSE_RULE = '''
import rnq

@rnq.mark.indicator(1)
def check_offering_has_a_sheet(offering, evidence):
    """Chaque prestation a sa fiche programme."""
    assert evidence.of_kind("programme"), f"Pas de fiche programme pour {offering.title}"
'''


def _run(root: Path, **options: object) -> Report:
    opts = rnq.RunOptions(
        today=TODAY, use_cache=False, load_entrypoints=False, workers=1, **options
    )  # type: ignore[arg-type]
    return rnq.run(root, opts)


def _findings(report: Report, check_suffix: str) -> list[dict[str, object]]:
    doc = json.loads(report.to_json())
    return [
        f
        for indicator in doc["indicators"]
        for f in indicator["findings"]
        if str(f["check"]).endswith(check_suffix)
    ]


def test_failing_custom_check_appears_once_per_failing_offering(
    write_workspace: Callable[..., Path],
) -> None:
    root = write_workspace(
        CONFIG,
        {
            "checks/check_house.py": HOUSE_RULE,
            "pro/compta/programme-compta.md": "# Programme\nObjectifs, durée, tarifs.\n",
        },
    )
    report = _run(root)
    gaps = [f for f in _findings(report, "check_offering_has_a_sheet") if f["outcome"] == "gap"]
    assert sorted(str(f["offering"]) for f in gaps) == ["excel", "paie"]
    assert {f["message"] for f in gaps} == {
        "Pas de fiche programme pour Paie",
        "Pas de fiche programme pour Excel",
    }
    passed = [
        f for f in _findings(report, "check_offering_has_a_sheet") if f["outcome"] == "passed"
    ]
    assert [f["offering"] for f in passed] == ["compta"]


def test_checks_are_code_opt_in(write_workspace: Callable[..., Path]) -> None:
    root = write_workspace(
        CONFIG.replace("checks: [checks]\n", ""), {"checks/check_house.py": HOUSE_RULE}
    )
    assert _findings(_run(root), "check_offering_has_a_sheet") == []


def test_importing_workspace_checks_writes_nothing(write_workspace: Callable[..., Path]) -> None:
    root = write_workspace(CONFIG, {"checks/check_house.py": HOUSE_RULE})

    def tree_hash() -> str:
        digest = hashlib.sha256()
        for path in sorted(root.rglob("*")):
            digest.update(path.relative_to(root).as_posix().encode())
            if path.is_file():
                digest.update(path.read_bytes())
        return digest.hexdigest()

    before = tree_hash()
    _run(root)
    assert tree_hash() == before
    assert not list(root.rglob("__pycache__"))


@pytest.mark.parametrize(
    ("body", "outcome", "fragment"),
    [
        ("assert False, rnq.msg('manque', 'missing')", "gap", "manque"),
        ("assert 1 == 2", "gap", "assert 1 == 2"),
        ("raise ValueError('boom')", "not_verified", "boom"),
        ("return False", "not_verified", "assert"),
        ("rnq.skip('pas concerné')", "not_applicable", "pas concerné"),
        ("rnq.not_verified('scan illisible')", "not_verified", "scan illisible"),
        ("pass", "passed", "Règle maison"),
    ],
)
def test_outcomes(
    write_workspace: Callable[..., Path], body: str, outcome: str, fragment: str
) -> None:
    check = f'''
import rnq

@rnq.mark.indicator(26)
def check_rule(unit):
    """Règle maison."""
    {body}
'''
    report = _run(write_workspace(CONFIG, {"checks/check_rule.py": check}))
    found = _findings(report, "check_rule")
    assert [f["outcome"] for f in found] == [outcome]
    assert fragment in str(found[0]["message"])
    assert found[0]["unit"] == "pro"
    status = next(i for i in json.loads(report.to_json())["indicators"] if i["number"] == 26)
    if outcome in ("not_verified",):
        assert status["status"] != "conform"


def test_unknown_fixture_lists_the_available_ones(write_workspace: Callable[..., Path]) -> None:
    """An unknown fixture is a code error (issue #19): the run stops before reading anything,
    naming the closest fixture and the available ones (it used to be a not_verified finding)."""
    check = '''
import rnq

@rnq.mark.indicator(26)
def check_rule(unt):
    """Règle."""
'''
    with pytest.raises(rnq.CodeError) as raised:
        _run(write_workspace(CONFIG, {"checks/check_rule.py": check}))
    (problem,) = raised.value.problems
    assert problem.path == "checks/check_rule.py"
    assert "« unt »" in problem.message.fr
    assert "vouliez-vous dire « unit » ?" in problem.message.fr
    assert "offering" in problem.message.fr  # the available list


def test_user_fixtures_parametrize_and_subchecks(write_workspace: Callable[..., Path]) -> None:
    check = '''
import rnq

CALLS = []

@rnq.fixture
def trainers(unit):
    CALLS.append(unit.id)
    return ["Alice", "Bob", "Chloé"]

@rnq.mark.indicator(21)
def check_each_trainer(trainers, subchecks):
    """Chaque intervenant a un CV."""
    for name in trainers:
        with subchecks.item(name):
            assert name != "Bob", f"Pas de CV pour {name}"

@rnq.mark.indicator(21)
def check_trainers_again(trainers):
    """Même fixture, calculée une fois par unité."""
    assert len(CALLS) == 1

@rnq.mark.indicator(22)
@rnq.mark.parametrize("month", [1, 2, 3])
def check_months(month):
    """Paramétré."""
    assert month != 2, "février"
'''
    report = _run(write_workspace(CONFIG, {"checks/check_more.py": check}))
    each = _findings(report, "check_each_trainer")
    assert [(f["outcome"], f["item"]) for f in each] == [("gap", "Bob")]
    assert [f["outcome"] for f in _findings(report, "check_trainers_again")] == ["passed"]
    months = _findings(report, "check_months")
    assert sorted((f["item"], f["outcome"]) for f in months) == [
        ("1", "passed"),
        ("2", "gap"),
        ("3", "passed"),
    ]


def test_a_broken_check_file_stops_the_run_naming_it(
    write_workspace: Callable[..., Path],
) -> None:
    """A check file that does not import is a code error (issue #19; it used to be reported
    while the other checks ran, which let the run pass)."""
    root = write_workspace(
        CONFIG,
        {"checks/check_broken.py": "def check_x(:\n", "checks/check_house.py": HOUSE_RULE},
    )
    with pytest.raises(rnq.CodeError) as raised:
        _run(root)
    assert [(p.path, p.line) for p in raised.value.problems] == [("checks/check_broken.py", 1)]


def test_presence_check_covers_every_applicable_indicator(
    write_workspace: Callable[..., Path],
) -> None:
    root = write_workspace(
        CONFIG.replace("checks: [checks]\n", ""),
        {
            "siege/I26-referent-handicap.md": (
                "# Référent handicap\nPartenaires : Agefiph, Cap emploi.\n"
                "Les aménagements sont décidés en entretien avec la référente.\n"
            ),
        },
    )
    report = _run(root)
    doc = json.loads(report.to_json())
    by_number = {i["number"]: i for i in doc["indicators"]}
    presence = [
        f for f in by_number[26]["findings"] if f["check"].endswith("check_evidence_present")
    ]
    assert [f["outcome"] for f in presence] == ["passed"]
    assert by_number[26]["status"] == "conform"
    # No evidence at all for 23: a major NC (no usable evidence anywhere it is assessed).
    assert by_number[23]["status"] == "nc_major"
    # Indicator 1 is assessed per offering: one finding per offering.
    offering_findings = [
        f for f in by_number[1]["findings"] if f["check"].endswith("check_evidence_present")
    ]
    assert sorted(f["offering"] for f in offering_findings) == ["compta", "excel", "paie"]


def test_certifying_indicators_are_assessed_on_certifying_offerings_only(
    write_workspace: Callable[..., Path],
) -> None:
    config = CONFIG.replace(
        '      - {id: compta, title: "Comptabilité"}',
        '      - {id: compta, title: "Comptabilité", certification: "RNCP00001"}',
    ).replace("checks: [checks]\n", "")
    doc = json.loads(_run(write_workspace(config)).to_json())
    by_number = {i["number"]: i for i in doc["indicators"]}
    for number in (3, 7, 16):
        assert {f["offering"] for f in by_number[number]["findings"]} == {"compta"}, number
    assert {f["offering"] for f in by_number[1]["findings"]} == {"compta", "paie", "excel"}


def test_hook_rnq_declare_units(write_workspace: Callable[..., Path]) -> None:
    from rnq.workspace.config import Unit

    class HrSystem:
        @rnq.hookimpl
        def rnq_declare_units(self, workspace: object) -> list[Unit]:
            return [Unit(id="rh", name="Unité déclarée par le SIRH")]

    root = write_workspace(CONFIG.replace("checks: [checks]\n", ""))
    report = _run(root, extra_plugins=(HrSystem(),))
    doc = json.loads(report.to_json())
    units = {u for i in doc["indicators"] for u in i["units"]}
    assert "rh" in units


BILINGUAL_RULE = '''
import rnq


@rnq.mark.indicator(26)
def check_bilingual(unit):
    """Chaque unité nomme son
    référent handicap.

    Ajoutez une note qui le nomme.

    EN: Each unit names its disability referent.

    Add a note that names them.
    """
    assert False, "écart"


@rnq.mark.indicator(26)
def check_bilingual_passes(unit):
    """Chaque unité nomme son référent handicap.

    EN: Each unit names its disability referent.
    """


@rnq.mark.indicator(26)
def check_french_only(unit):
    """Exigence en français.

    Correctif en français.
    """
    assert False, "écart"
'''


@pytest.mark.parametrize(
    ("lang", "requirement", "fix"),
    [
        ("fr", "Chaque unité nomme son référent handicap.", "Ajoutez une note qui le nomme."),
        ("en", "Each unit names its disability referent.", "Add a note that names them."),
    ],
)
def test_a_docstring_with_an_en_part_speaks_both_languages(
    write_workspace: Callable[..., Path], lang: str, requirement: str, fix: str
) -> None:
    root = write_workspace(CONFIG, {"checks/check_bilingual.py": BILINGUAL_RULE})
    report = _run(root, lang=lang)
    (finding,) = [f for f in _findings(report, "::check_bilingual") if f["unit"] == "pro"]
    assert finding["fix"] == fix
    (passed,) = [f for f in _findings(report, "::check_bilingual_passes") if f["unit"] == "pro"]
    assert passed["message"] == requirement
    (french,) = [f for f in _findings(report, "::check_french_only") if f["unit"] == "pro"]
    assert french["fix"] == "Correctif en français."


UNBOUND = '''
import rnq

def check_referent_handicap_nomme(unit):
    """Un référent handicap est nommé."""
    assert False, "aucun référent"

@rnq.mark.indicator(29)
def check_cfa_only(unit):
    """Une action d'insertion (CFA)."""
    assert False

@rnq.mark.indicator(99)
def check_no_such_indicator(unit):
    """Un indicateur qui n'existe pas."""
    assert False

@rnq.mark.skip(reason="pas encore")
def check_skipped(unit):
    """Désactivée exprès."""
    assert False

@rnq.mark.indicator(26)
def check_bound(unit):
    """Liée à 26 : exécutée."""
'''


def test_an_unbound_check_is_never_silently_skipped(
    write_workspace: Callable[..., Path],
) -> None:
    """check-review §2.6 (scenario s_h_unmarked_custom_check): a custom check with no mark, or
    bound to an indicator no version has, stops the run as a code error (issue #19); one bound
    only to indicators that do not apply is listed as a problem; one marked skip is neither;
    the indicator it meant to verify is not made conform by its silence."""
    root = write_workspace(CONFIG, {"checks/handicap.py": UNBOUND})
    with pytest.raises(rnq.CodeError) as raised:
        _run(root)
    errors = {p.message.fr.split(" ")[0]: p for p in raised.value.problems}
    assert set(errors) == {"check_referent_handicap_nomme", "check_no_such_indicator"}
    assert "n'est liée à aucun indicateur" in errors["check_referent_handicap_nomme"].message.fr
    assert "ajoutez @rnq.mark.verifies" in errors["check_referent_handicap_nomme"].message.fr
    assert "indicateur inconnu 99" in errors["check_no_such_indicator"].message.fr
    assert errors["check_no_such_indicator"].path == "checks/handicap.py"
    applicable_only = UNBOUND.replace(
        "@rnq.mark.indicator(99)\n", "@rnq.mark.skip(reason='x')\n"
    ).replace("\ndef check_referent", "\n@rnq.mark.skip(reason='x')\ndef check_referent")
    root = write_workspace(CONFIG, {"checks/handicap.py": applicable_only})
    report = _run(root)
    problems = {p.message.split(" ")[0]: p for p in report.errors if p.path.startswith("checks")}
    assert set(problems) == {"check_cfa_only"}
    assert "ne s'applique pas" in problems["check_cfa_only"].message
    assert problems["check_cfa_only"].path == "checks/handicap.py"
    assert problems["check_cfa_only"].kind == "code"
    assert any(f.check.endswith("check_bound") for f in report.indicator(26).findings)
