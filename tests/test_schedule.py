"""The audit calendar (surveillance window, renewal, NC deadlines) and each audit's scope
(surveillance minimum review, new entrants) — reference/rnq.md §3–5."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import rnq
from rnq.referential.loader import get_referential
from rnq.rehearsal.calendar import AuditScope, audit_calendar, audit_scope, new_entrant_categories
from rnq.render.calendar import calendar_document, calendar_text
from rnq.workspace.config import PreviousNc, WorkspaceConfig

from .conftest import REPO

D = dt.date


def cfg(audit: dict[str, Any], **extra: Any) -> WorkspaceConfig:
    return WorkspaceConfig.model_validate(
        {
            "version": 1,
            "organization": {"name": "Test"},
            "categories": extra.pop("categories", ["AF"]),
            "units": [{"id": "siege", "name": "Siège", "central": True}],
            "audit": audit,
            **extra,
        }
    )


def test_dates_of_the_cycle() -> None:
    config = cfg({"type": "surveillance", "certified_on": "2024-01-20", "date": "2025-06-10"})
    cal = audit_calendar(config, D(2025, 5, 1))
    assert cal.validity_months == 36
    assert cal.expires_on == D(2027, 1, 20)
    assert (cal.surveillance_from, cal.surveillance_until) == (D(2025, 3, 20), D(2025, 11, 20))
    assert cal.renewal_plan_from == D(2026, 5, 20)  # 8 months before expiry
    assert cal.renewal_audit_by == D(2026, 9, 20)  # 3 + 1 months before expiry
    assert cal.days_left == 40
    assert cal.phase == "surveillance_window"
    assert not cal.warnings


def test_month_ends_are_clamped_and_pre_2021_certificates_run_four_years() -> None:
    cal = audit_calendar(cfg({"type": "renewal", "certified_on": "2023-08-31"}), D(2024, 1, 1))
    assert cal.surveillance_from == D(2024, 10, 31)
    assert cal.surveillance_until == D(2025, 6, 30)
    old = audit_calendar(cfg({"type": "renewal", "certified_on": "2020-06-15"}), D(2023, 1, 1))
    assert old.validity_months == 48
    assert old.expires_on == D(2024, 6, 15)
    assert any("4 ans" in note for note in old.provisional)


@pytest.mark.parametrize(
    ("today", "phase"),
    [
        (D(2024, 6, 1), "before_surveillance"),
        (D(2025, 3, 20), "surveillance_window"),
        (D(2025, 11, 20), "surveillance_window"),
        (D(2025, 11, 21), "between_audits"),
        (D(2026, 5, 20), "renewal_planning"),
        (D(2026, 9, 21), "renewal_late"),
        (D(2027, 1, 21), "expired"),
    ],
)
def test_phase_follows_today(today: dt.date, phase: str) -> None:
    cal = audit_calendar(cfg({"type": "surveillance", "certified_on": "2024-01-20"}), today)
    assert cal.phase == phase
    assert cal.next_step


def test_warnings_for_dates_outside_the_rules() -> None:
    outside = audit_calendar(
        cfg({"type": "surveillance", "certified_on": "2024-01-20", "date": "2025-12-01"}),
        D(2025, 10, 1),
    )
    assert any("hors de la fenêtre" in w for w in outside.warnings)
    late = audit_calendar(
        cfg({"type": "renewal", "certified_on": "2024-01-20", "date": "2026-12-15"}),
        D(2026, 11, 28),
        lang="en",
    )
    assert any("could not be lifted before expiry" in w for w in late.warnings)
    lapsed = audit_calendar(
        cfg({"type": "renewal", "certified_on": "2024-01-20"}),
        D(2026, 11, 28),
        audit_date=D(2027, 2, 1),
    )
    assert lapsed.audit_date == D(2027, 2, 1)
    assert any("expiré" in w for w in lapsed.warnings)
    unknown = audit_calendar(cfg({"type": "surveillance"}), D(2026, 1, 1))
    assert unknown.expires_on is None and unknown.phase is None
    assert any("certified_on" in w for w in unknown.warnings)
    assert any("date d'audit" in w.lower() for w in unknown.warnings)
    initial = audit_calendar(cfg({"type": "initial", "date": "2026-03-01"}), D(2026, 4, 1))
    assert initial.phase == "not_certified"
    assert initial.days_left == -31
    assert any("passée" in w for w in initial.warnings)


def test_previous_nc_deadlines_lifted_or_open() -> None:
    config = cfg(
        {
            "type": "surveillance",
            "certified_on": "2024-01-20",
            "previous_nc": [
                {"indicator": 31, "level": "minor", "notified": "2025-06-20"},
                {"indicator": 26, "level": "major", "notified": "2025-06-20"},
                {
                    "indicator": 4,
                    "level": "major",
                    "notified": "2025-06-20",
                    "lifted": "2025-08-01",
                },
                {"indicator": 9, "level": "minor", "notified": "2025-06-20"},
            ],
        }
    )
    cal = audit_calendar(config, D(2025, 10, 1))
    by = {nc.indicator: nc for nc in cal.previous_nc}
    assert [nc.indicator for nc in cal.previous_nc] == [4, 9, 26, 31]
    assert by[31].deadline == D(2025, 12, 20) and by[31].verification_by is None
    assert by[31].state == "open" and by[31].days_left == 80
    assert by[26].deadline == D(2025, 9, 20) and by[26].verification_by == D(2025, 10, 20)
    assert by[26].state == "overdue" and by[26].days_left == -11
    assert by[4].state == "lifted" and by[4].lifted == D(2025, 8, 1) and by[4].days_left is None
    assert any("26" in w for w in cal.warnings)
    assert not any("indicateur 31" in w for w in cal.warnings)


def test_calendar_text_and_json_document() -> None:
    config = cfg(
        {
            "type": "renewal",
            "certified_on": "2024-01-20",
            "date": "2026-09-01",
            "previous_nc": [{"indicator": 31, "level": "minor", "notified": "2025-06-20"}],
        }
    )
    cal = audit_calendar(config, D(2026, 6, 1))
    text = calendar_text(cal)
    assert "20/01/2027" in text and "20/03/2025 – 20/11/2025" in text
    assert "Jours restants" in text and "92" in text
    assert "31 NC mineure" in text and "échéance dépassée" in text
    english = calendar_text(audit_calendar(config, D(2026, 6, 1), lang="en"), "en")
    assert "2027-01-20" in english and "Days left" in english and "minor NC" in english
    doc = calendar_document(cal)
    assert doc["schema"] == "rnq.calendar/1"
    assert doc["expires_on"] == "2027-01-20"
    assert json.loads(json.dumps(doc)) == doc


# --- scope ---------------------------------------------------------------------------------

REF = get_referential("rnq-2019-v9")
NEW_ENTRANT = [2, 3, 11, 13, 14, 19, 22, 24, 25, 26, 32]


def scope(number: int, config: WorkspaceConfig, **kw: Any) -> AuditScope:
    return audit_scope(REF.indicator(number), config, applicable=kw.pop("applicable", True), **kw)


def test_surveillance_minimum_scope() -> None:
    config = cfg({"type": "surveillance"})
    major_only = [i.number for i in REF if i.major_only]
    assert major_only == [4, 5, 6, 7, 10, 11, 14, 15, 16, 20, 21, 22, 26, 27, 29, 31, 32]
    in_scope = [i.number for i in REF if scope(i.number, config).surveillance_scope]
    assert in_scope == sorted({*major_only, 1, 3, 17, 19})
    assert not scope(3, config, applicable=False).surveillance_scope
    previous = [PreviousNc(indicator=23, level="minor", notified=D(2025, 1, 1))]
    with_nc = scope(23, config, previous=previous)
    assert with_nc.surveillance_scope and with_nc.reason is not None
    assert "NC à l'audit précédent" in with_nc.reason.fr
    assert scope(8, config) == AuditScope()
    reason = scope(17, config).reason
    assert reason is not None and "17" in reason.en


def test_surveillance_of_a_new_entrant_reviews_every_applicable_indicator() -> None:
    config = cfg({"type": "surveillance"}, activity={"new_entrant": True})
    assert all(scope(i.number, config).surveillance_scope for i in REF)
    reason = scope(8, config).reason
    assert reason is not None and "nouvel entrant" in reason.fr


def test_new_entrant_initial_audit_is_process_only_for_the_eleven() -> None:
    config = cfg({"type": "initial"}, activity={"new_entrant": True})
    marked = [i.number for i in REF if scope(i.number, config).process_only]
    assert marked == [n for n in NEW_ENTRANT if n != 14]  # 14 is for CFA only
    found = scope(11, config, procedures=["siege/procedure-evaluation.pdf"]).reason
    assert found is not None and "siege/procedure-evaluation.pdf" in found.fr
    missing = scope(11, config).reason
    assert missing is not None and "procedure" in missing.en
    for kind in ("surveillance", "renewal"):
        assert not scope(11, cfg({"type": kind}, activity={"new_entrant": True})).process_only
    assert not scope(11, cfg({"type": "initial"})).process_only


def test_new_entrant_in_one_category_only() -> None:
    config = cfg({"type": "initial"}, categories=["AF", "CFA"], activity={"new_entrant": ["CFA"]})
    assert new_entrant_categories(config) == {"CFA"}
    assert scope(14, config).process_only  # CFA only: every category it applies to is new
    assert not scope(11, config).process_only  # AF too, audited normally for AF
    surveillance = cfg(
        {"type": "surveillance"}, categories=["AF", "CFA"], activity={"new_entrant": ["CFA"]}
    )
    assert scope(8, surveillance).surveillance_scope  # 8 applies to CFA


def test_report_carries_scope_and_calendar(
    write_workspace: Callable[..., Path],
) -> None:
    root = write_workspace(
        """\
        version: 1
        organization: {name: "Organisme test"}
        categories: [AF]
        audit:
          type: surveillance
          date: 2025-06-10
          certified_on: 2024-01-20
          previous_nc: [{indicator: 23, level: minor, notified: 2024-01-10}]
        units:
          - {id: siege, name: "Siège", central: true}
        """
    )
    report = rnq.run(root, rnq.RunOptions(today=D(2025, 5, 1), use_cache=False))
    assert report.calendar is not None
    assert report.calendar.surveillance_from == D(2025, 3, 20)
    assert report.calendar.days_left == 40
    assert report.indicator(23).surveillance_scope
    assert report.indicator(1).surveillance_scope
    assert not report.indicator(8).surveillance_scope and report.indicator(8).scope_reason is None
    assert not any(i.process_only for i in report.indicators)
    schema = json.loads((REPO / "docs/schemas/rnq.report-2.schema.json").read_text())
    jsonschema.validate(json.loads(report.to_json()), schema)


def test_new_entrant_indicators_are_judged_on_their_formalised_process(
    write_workspace: Callable[..., Path],
) -> None:
    config = """\
        version: 1
        organization: {name: "Organisme test"}
        categories: [AF]
        activity: {new_entrant: %s}
        audit: {type: initial, date: 2026-12-15}
        units:
          - {id: siege, name: "Siège", central: true}
        """
    files = {"siege/I11-procedure.md": "---\nkind: procedure\n---\n# Procédure d'évaluation\n"}
    options = rnq.RunOptions(today=D(2026, 11, 28), use_cache=False)
    entrant = rnq.run(write_workspace(config % "true", files), options)
    applicable = [n for n in NEW_ENTRANT if n not in (3, 13, 14)]  # AF, no certification
    assert [i.number for i in entrant.indicators if i.process_only] == applicable
    reason = entrant.indicator(11).scope_reason
    assert reason is not None and "siege/I11-procedure.md" in reason
    settled = rnq.run(write_workspace(config % "false", files), options)
    assert not any(i.process_only for i in settled.indicators)
    # The procedure is enough at a new entrant's initial audit; implementation waits for the
    # surveillance audit. A settled provider must show implementation too.
    assert entrant.indicator(11).status == "conform"
    assert any(
        "seul le processus formalisé est audité" in f.message
        for f in entrant.indicator(11).findings
    )
    assert settled.indicator(11).status in ("nc_minor", "nc_major")
    # Where nothing exists, the gap stands either way.
    others = [n for n in applicable if n != 11]
    assert [entrant.indicator(n).status for n in others] == [
        settled.indicator(n).status for n in others
    ]
    assert all(entrant.indicator(n).status == "nc_major" for n in others)


def test_next_step_follows_a_scheduled_audit_unless_it_comes_too_late() -> None:
    on_time = cfg({"type": "renewal", "certified_on": "2024-05-20", "date": "2026-12-15"})
    cal = audit_calendar(on_time, D(2026, 11, 28))
    assert cal.phase == "renewal_planning"
    assert cal.next_step.startswith("Audit de renouvellement prévu le 15/12/2026 (J-17)")
    english = audit_calendar(on_time, D(2026, 11, 28), lang="en")
    assert english.next_step.startswith("Renewal audit scheduled on")
    late = cfg({"type": "renewal", "certified_on": "2024-01-20", "date": "2026-12-15"})
    assert audit_calendar(late, D(2026, 11, 28)).next_step.startswith("Renouvellement tardif")
    unscheduled = cfg({"type": "renewal", "certified_on": "2024-05-20"})
    assert audit_calendar(unscheduled, D(2026, 11, 28)).next_step.startswith("Réservez")
