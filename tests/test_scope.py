"""Scope before content (SPEC §4): an indicator is checked on a target — an offering, a unit —
only where the target's category and declared facts make it apply; a target never gets both
« not applicable » and a gap for one indicator (review §2.2, §2.4)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import pytest

import rnq
from rnq.referential.loader import ItemCondition, get_referential
from rnq.verdict.report import Report
from rnq.workspace.config import WorkspaceConfig
from rnq.workspace.facts import applies_to_offering, applies_to_unit, facts_of

CONFIG = """\
version: 1
organization: {name: "Organisme multi-activités"}
categories: [AF, BC, CFA]
activity: {alternance: true, work_situation: true, subcontracting: true}
audit: {type: renewal, date: 2026-12-15}
units:
  - {id: siege, name: "Siège", central: true}
  - id: pro
    name: "Formation continue"
    offerings:
      - id: cap
        title: "CAP Fleuriste"
        certification: "RNCP12345"
        facts: {alternance: false, work_situation: false}
      - id: excel
        title: "Excel"
        duration_days: 2
        facts: {alternance: false, work_situation: false}
  - id: bilans
    name: "Bilans de compétences"
    offerings:
      - {id: bilan, title: "Bilan de compétences", category: BC}
  - id: cfa
    name: "CFA"
    facts: {minors: true}
    offerings:
      - {id: bp, title: "BP Fleuriste", category: CFA, certification: "RNCP54321"}
"""
TODAY = dt.date(2026, 11, 28)
CFA_ONLY = (14, 15, 20, 29, 33)


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    root = tmp_path_factory.mktemp("scope")
    rnq.testing.write_workspace(
        root,
        CONFIG,
        {"siege/I26-handicap.md": "Référente handicap : Mme Roy. Partenaires : Agefiph.\n"},
    )
    options = rnq.RunOptions(today=TODAY, use_cache=False, load_entrypoints=False, workers=1)
    return rnq.run(root, options)


def _outcomes(report: Report) -> dict[tuple[int, str, str | None], set[str]]:
    """(indicator, unit, offering) → the outcomes found there."""
    found: dict[tuple[int, str, str | None], set[str]] = defaultdict(set)
    for result in report.indicators:
        for finding in result.findings:
            found[(result.number, finding.unit or "", finding.offering)].add(finding.outcome)
    return found


def test_no_target_is_both_not_applicable_and_a_gap(report: Report) -> None:
    both = {k: v for k, v in _outcomes(report).items() if {"not_applicable", "gap"} <= v}
    assert both == {}


def test_cfa_indicators_never_run_outside_cfa_units(report: Report) -> None:
    for (number, unit, _offering), _outcome in _outcomes(report).items():
        if number in CFA_ONLY:
            assert unit in ("cfa", "siege"), (number, unit)


def test_13_and_28_follow_the_offerings_facts_and_categories(report: Report) -> None:
    units = {unit for (number, unit, _o) in _outcomes(report) if number in (13, 28)}
    assert units <= {"cfa", "siege"}  # pro declares no alternance nor work situation; BC: never
    assert "cfa" in units


def test_offering_indicators_follow_category_and_certification(report: Report) -> None:
    found = _outcomes(report)
    offerings = {n: {o for (num, _u, o) in found if num == n and o} for n in (3, 7, 8, 16)}
    assert offerings[8] == {"cap", "excel", "bp"}  # AF and CFA, never the bilan
    assert offerings[7] == {"cap", "bp"}  # certifying, AF and CFA
    assert offerings[3] == offerings[16] == {"cap", "bp"}  # certifying (AF, VAE, CFA)


def test_facts_of_a_unit_combine_its_offerings() -> None:
    config = WorkspaceConfig.model_validate(__import__("yaml").safe_load(CONFIG))
    units = {u.id: u for u in config.units}
    minors = ItemCondition(fact="minors", equals=True)
    companies = ItemCondition(fact="companies_concerned", equals=True)
    distance = ItemCondition(fact="modality", any_of=("distance", "blended"))
    assert facts_of(config, units["cfa"]).holds(minors) is True
    assert facts_of(config, units["cfa"]).holds(companies) is True  # an apprenticeship
    assert facts_of(config, units["pro"]).holds(companies) is False  # declared without
    assert facts_of(config, units["bilans"]).holds(companies) is None  # not declared
    assert facts_of(config, units["pro"]).holds(distance) is None
    referential = get_referential("rnq-2026")
    assert not applies_to_unit(referential.indicator(29), config, units["pro"])
    assert applies_to_unit(referential.indicator(29), config, units["cfa"])
    bilan = units["bilans"].offerings[0]
    assert not applies_to_offering(referential.indicator(8), config, units["bilans"], bilan)


def test_the_provisional_two_day_condition_excludes_nothing() -> None:
    """Indicator 12's « over two days » rests on a transcription: a two-day training is still
    checked, its gaps reading « à confirmer » (see test_i12)."""
    config = WorkspaceConfig.model_validate(__import__("yaml").safe_load(CONFIG))
    pro = next(u for u in config.units if u.id == "pro")
    excel = next(o for o in pro.offerings if o.id == "excel")
    indicator = get_referential("rnq-2026").indicator(12)
    assert "condition" in indicator.provisional
    assert applies_to_offering(indicator, config, pro, excel)


def test_a_unit_without_offerings_follows_the_provider(
    write_workspace: Callable[..., Path],
) -> None:
    config = WorkspaceConfig.model_validate(
        {
            "version": 1,
            "organization": {"name": "O"},
            "categories": ["AF"],
            "units": [{"id": "u", "name": "U"}],
        }
    )
    unit = config.units[0]
    assert applies_to_unit(get_referential("rnq-2026").indicator(22), config, unit)
