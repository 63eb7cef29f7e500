"""Advice (SPEC §4–§5): a point de vigilance, or « à confirmer », is recorded by a check without
stopping it, shown in every view, and never counted — no NC, not in the five-minor rule, not in
the certification answer, not in ``--fail-on``."""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest

import rnq
from rnq.render.console import console_text
from rnq.render.junit import render_junit
from rnq.render.markdown import render_markdown
from rnq.render.tables import action_plan_rows
from rnq.verdict.build import exit_code
from rnq.verdict.report import Report

from .test_verdict import AUDIT, advice, all_passed, finding, report, with_gaps

TODAY = dt.date(2026, 11, 28)


# --- the verdict -------------------------------------------------------------------------------


def test_advice_alone_leaves_the_indicator_conform_and_the_answer_yes() -> None:
    done = report([*all_passed(), advice(11), advice(11, n=2), advice(17, confirm=True)])
    statuses = {r.number: r.status for r in done.indicators}
    assert statuses[11] == statuses[17] == "conform"
    assert done.summary.certifiable is True
    assert done.summary.advice == 3
    assert (done.summary.nc_major, done.summary.nc_minor) == (0, 0)
    assert exit_code(done, "minor") == 0


def test_advice_on_a_unit_never_changes_its_status() -> None:
    gap = finding(17, "gap", unit="pro")
    done = report([*with_gaps(gap), advice(17, unit="langues")])
    result = next(r for r in done.indicators if r.number == 17)
    assert result.units == {"langues": "conform", "pro": "nc_minor"}
    assert result.status == "nc_minor"


def test_five_advices_are_not_five_minors() -> None:
    numbers = [n for n in (1, 2, 9, 12, 17, 18) if n in {r.number for r in report([]).indicators}]
    done = report([*all_passed(), *(advice(n) for n in numbers)])
    assert done.summary.certifiable is True
    assert done.summary.blocking == ()


def test_advice_follows_the_ncs_in_the_action_plan_as_optional() -> None:
    gap = finding(9, "gap", unit="pro")
    done = report([*with_gaps(gap), advice(4), advice(1, confirm=True)])
    levels = [(a.level, a.optional, a.indicator) for a in done.action_plan]
    assert levels == [("nc_minor", False, 9), ("advice", True, 1), ("advice", True, 4)]
    optional = [a for a in done.action_plan if a.optional]
    assert all(a.deadline_if_raised is None and a.verification_by is None for a in optional)
    assert all(a.due <= AUDIT for a in optional)


# --- the engine --------------------------------------------------------------------------------

ADVISING = '''
import rnq

@rnq.mark.indicator(26)
def check_network_named(unit, evidence):
    """Le réseau handicap est nommé."""
    rnq.advise(rnq.msg("Exemple du guide absent : charte d'accessibilité", "Guide example missing"),
               items=("charte",), key="charte")
    rnq.advise("Condition à déclarer : accueil de personnes handicapées", confirm=True, key="psh")
    assert evidence.for_indicator(26), "Aucune note handicap"
'''

CONFIG = """\
version: 1
organization: {name: "Organisme test"}
categories: [AF]
audit: {type: renewal, date: 2026-12-15}
units:
  - {id: siege, name: "Siège", central: true}
  - {id: pro, name: "Pôle pro"}
checks: [checks]
"""


@pytest.fixture
def advised(write_workspace: Callable[..., Path]) -> Report:
    root = write_workspace(
        CONFIG,
        {
            "checks/check_house.py": ADVISING,
            "siege/I26-handicap.md": (
                "# Référente handicap\n\nRéférente handicap : Mme Martin, formée en 2025.\n"
                "Partenaires mobilisés : Agefiph, Cap emploi, MDPH.\n"
                "L'adaptation des parcours est décidée en entretien individuel avec la personne.\n"
            ),
        },
    )
    options = rnq.RunOptions(
        today=TODAY, use_cache=False, load_entrypoints=False, workers=1, indicators=(26,)
    )
    return rnq.run(root, options)


def _house(done: Report) -> list[dict[str, object]]:
    doc = json.loads(done.to_json())
    return [
        f
        for r in doc["indicators"]
        for f in r["findings"]
        if str(f["check"]).endswith("check_network_named")
    ]


def test_a_check_records_advice_and_goes_on(advised: Report) -> None:
    found = _house(advised)
    outcomes = sorted((str(f["outcome"]), str(f["item"])) for f in found)
    assert outcomes == [
        ("advice", "conseil:charte"),
        ("advice", "conseil:psh"),
        ("passed", "None"),
    ]
    charte = next(f for f in found if f["item"] == "conseil:charte")
    assert charte["items"] == ["charte"] and charte["confirm"] is False
    psh = next(f for f in found if f["item"] == "conseil:psh")
    assert psh["confirm"] is True
    assert next(r for r in advised.indicators if r.number == 26).status == "conform"
    assert json.loads(advised.to_json())["schema"] == "rnq.report/2"


def test_advice_ids_are_stable_from_run_to_run(
    advised: Report, write_workspace: Callable[..., Path]
) -> None:
    ids = sorted(str(f["id"]) for f in _house(advised))
    assert len(set(ids)) == 3
    assert ids == sorted(str(f["id"]) for f in _house(advised))


def test_advise_outside_a_check_is_an_error() -> None:
    with pytest.raises(RuntimeError, match="running check"):
        rnq.advise("hors d'une vérification")


# --- the views ---------------------------------------------------------------------------------


def test_console_lists_advice_apart_and_counts_it(advised: Report) -> None:
    text = console_text(advised, "fr")
    assert "Points de vigilance (2) — ne comptent pas dans le verdict" in text
    assert "[à confirmer]" in text and "[point de vigilance]" in text
    assert "2 points de vigilance" in text.splitlines()[-1]
    first = next(line for line in text.splitlines() if "Première action" in line)
    assert "Exemple du guide" not in first  # advice is never the first thing to fix


def test_markdown_lists_advice_and_marks_the_plan_optional(advised: Report) -> None:
    text = render_markdown(advised)
    assert "Points de vigilance (ne comptent pas dans le verdict)" in text
    assert "*à confirmer* —" in text
    assert "conseil (facultatif)" in text
    assert "Les conseils sont facultatifs" in text


def test_junit_carries_advice_as_properties_not_failures(advised: Report) -> None:
    root = ET.fromstring(render_junit(advised))
    names = [p.get("name") for p in root.iter("property")]
    assert sorted(n for n in names if n and n.startswith("rnq.")) == [
        "rnq.advice",
        "rnq.to_confirm",
    ]
    advised_case = next(c for c in root.iter("testcase") if c.find("properties") is not None)
    assert advised_case.find("failure") is None and advised_case.find("error") is None


def test_tables_mark_advice_rows_optional(advised: Report) -> None:
    rows = action_plan_rows(advised)
    house = [row for row in rows[1:] if "check_network_named" in str(row)]
    assert {row[1] for row in house} == {"conseil (facultatif)"}
    assert len(house) == 2
