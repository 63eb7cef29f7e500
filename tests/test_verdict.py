"""Verdicts (SPEC §5): statuses, NC levels, certification answer, action plan, exit codes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

import pytest

from rnq.dates import add_months
from rnq.engine.findings import Finding, Outcome, finding_id
from rnq.errors import Problem
from rnq.referential.applicability import Applicability, Profile, applicability
from rnq.referential.loader import get_referential
from rnq.text import Lang, Localized
from rnq.verdict.build import build_report, exit_code, worst
from rnq.verdict.report import Report, Status
from rnq.verdict.waivers import Waiver
from rnq.workspace.config import WorkspaceConfig

REFERENTIAL = get_referential("rnq-2026")
PROFILE = Profile(categories=("AF",), conditions=frozenset({"certifying", "long_trainings"}))
DECISIONS = applicability(REFERENTIAL, PROFILE)
APPLICABLE = [d.number for d in DECISIONS if d.applicable]
TODAY = dt.date(2026, 11, 2)
AUDIT = dt.date(2026, 12, 15)

CONFIG_DATA: dict[str, Any] = {
    "version": 1,
    "organization": {"name": "Institut d'essai", "nda": "11 75 00000 75"},
    "categories": ["AF"],
    "activity": {"certifying": True},
    "audit": {"type": "renewal", "date": AUDIT, "certified_on": dt.date(2024, 1, 20)},
    "units": [
        {"id": "siege", "name": "Siège", "central": True},
        {
            "id": "pro",
            "name": "Pôle pro",
            "owner": "Correspondante qualité Pro",
            "offerings": [
                {"id": "cap", "title": "CAP Fleuriste", "certification": "RNCP1"},
                {"id": "paie", "title": "Paie"},
            ],
        },
        {"id": "langues", "name": "Pôle langues", "offerings": [{"id": "fle", "title": "FLE"}]},
    ],
    "owners": {"default": "Direction qualité", "indicators": {26: "Référente handicap"}},
}


def config(**changes: Any) -> WorkspaceConfig:
    """The test workspace configuration, with top-level keys replaced or ``audit`` keys merged."""
    data = {**CONFIG_DATA, **changes}
    if "audit" in changes:
        data["audit"] = {**CONFIG_DATA["audit"], **changes["audit"]}
    return WorkspaceConfig.model_validate(data)


def finding(
    indicator: int,
    outcome: Outcome = "passed",
    *,
    unit: str | None = "siege",
    offering: str | None = None,
    missing: bool = False,
    check: str = "check_test",
    item: str | None = None,
    message: str = "constat",
) -> Finding:
    """A finding of the fictitious check ``check`` (its id is stable, as the runner's are)."""
    return Finding(
        id=finding_id(check, indicator, unit, offering, item),
        check=check,
        indicator=indicator,
        outcome=outcome,
        unit=unit,
        offering=offering,
        item=item,
        message=Localized(fr=f"{message} (fr)", en=f"{message} (en)"),
        fix=Localized(fr="corriger", en="fix it") if outcome == "gap" else None,
        evidence=(f"{unit or 'x'}/I{indicator:02d}-preuve.pdf",),
        missing=missing,
    )


def advice(indicator: int, *, unit: str = "pro", confirm: bool = False, n: int = 1) -> Finding:
    """An advice finding on ``indicator`` for ``unit``."""
    return Finding(
        id=finding_id("check_test", indicator, unit, None, f"conseil:{n}"),
        check="check_test",
        indicator=indicator,
        outcome="advice",
        unit=unit,
        item=f"conseil:{n}",
        message=Localized(fr=f"conseil {n} (fr)", en=f"advice {n} (en)"),
        items=("exemple",),
        confirm=confirm,
    )


def all_passed(skip: Iterable[int] = ()) -> list[Finding]:
    """One passed finding per applicable indicator (but ``skip``) and a displayed certificate."""
    skipped = set(skip)
    found = [finding(n) for n in APPLICABLE if n not in skipped]
    return [*found, finding(0, check="check_display")]


def report(
    findings: Sequence[Finding],
    *,
    problems: Sequence[Problem] = (),
    waivers: Sequence[Waiver] = (),
    cfg: WorkspaceConfig | None = None,
    decisions: Sequence[Applicability] = DECISIONS,
    today: dt.date = TODAY,
    audit_date: dt.date | None = AUDIT,
    lang: Lang = "fr",
) -> Report:
    return build_report(
        referential=REFERENTIAL,
        decisions=decisions,
        config=cfg or config(),
        findings=findings,
        problems=problems,
        waivers=waivers,
        today=today,
        audit_date=audit_date,
        lang=lang,
    )


def with_gaps(*gaps: Finding) -> list[Finding]:
    """Every indicator passed except those the gaps are about, which get only the gaps."""
    return [*all_passed(skip={g.indicator for g in gaps}), *gaps]


# --- statuses and the certification answer -----------------------------------------------


def test_everything_passed_is_certifiable() -> None:
    result = report(all_passed())
    summary = result.summary
    assert summary.applicable == 25 == summary.conform
    assert (summary.nc_minor, summary.nc_major, summary.not_assessed, summary.waived) == (0,) * 4
    assert summary.certifiable is True and summary.blocking == ()
    assert summary.not_applicable == len(REFERENTIAL) - 25 and summary.total == len(REFERENTIAL)
    assert summary.certifiable_question == "En l'état, le certificat serait-il délivré ?"
    assert summary.answer.startswith("Oui")
    assert result.action_plan == ()
    assert exit_code(result, "minor") == 0


def test_not_applicable_indicators_are_listed_with_their_reason() -> None:
    result = report(all_passed())
    assert [r.number for r in result.indicators] == list(range(1, len(REFERENTIAL) + 1))
    thirteen = result.indicator(13)
    assert thirteen.status == "not_applicable" and not thirteen.applicable
    assert thirteen.reason is not None and "alternance" in thirteen.reason
    assert result.indicator(26).status == "conform" and result.indicator(26).reason is None


def test_applicable_indicator_without_finding_is_not_assessed() -> None:
    result = report(all_passed(skip={23}))
    assert result.indicator(23).status == "not_assessed"
    reason = result.indicator(23).reason
    assert reason is not None and "aucun contrôle" in reason
    assert result.summary.not_assessed == 1
    assert result.summary.certifiable is None
    assert result.summary.undetermined[0].startswith("23: ")
    assert result.summary.answer.startswith("Impossible de conclure")
    assert exit_code(result, "major") == 0  # nothing blocks the certificate
    assert exit_code(result, "not-assessed") == 1  # « non évalué » fails a CI gate that asks
    assert exit_code(result, "minor") == 1


def test_not_verified_is_never_conform() -> None:
    unreadable = finding(23, "not_verified", unit="pro", message="PDF numérisé sans texte")
    result = report(with_gaps(finding(23, unit="siege"), unreadable))
    twenty_three = result.indicator(23)
    assert twenty_three.status == "not_assessed"
    assert twenty_three.units == {"pro": "not_assessed", "siege": "conform"}
    assert twenty_three.reason is not None and "jamais compté conforme" in twenty_three.reason
    assert result.summary.certifiable is None


@pytest.mark.parametrize(
    ("outcomes", "expected"),
    [
        (["passed", "passed"], "conform"),
        (["passed", "waived"], "waived"),
        (["waived", "not_verified"], "not_assessed"),
        (["not_verified", "gap"], "nc_minor"),
        (["passed", "not_applicable"], "conform"),
        (["gap", "passed", "waived", "not_verified"], "nc_minor"),
    ],
)
def test_an_indicator_takes_the_worst_of_its_parts(
    outcomes: list[Outcome], expected: Status
) -> None:
    found = [
        finding(2, outcome, unit=unit)
        for outcome, unit in zip(outcomes, ["siege", "pro", "langues", "x"], strict=False)
    ]
    assert report(with_gaps(*found)).indicator(2).status == expected


def test_worst_order() -> None:
    assert worst(["conform", "waived"]) == "waived"
    assert worst(["waived", "not_assessed"]) == "not_assessed"
    assert worst(["not_assessed", "nc_minor"]) == "nc_minor"
    assert worst(["nc_minor", "nc_major", "conform"]) == "nc_major"
    assert worst([]) is None


# --- NC levels -------------------------------------------------------------------------------


def test_any_gap_on_a_major_only_indicator_is_major() -> None:
    result = report(
        with_gaps(finding(26, unit="siege"), finding(26, "gap", unit="pro", missing=False))
    )
    twenty_six = result.indicator(26)
    assert twenty_six.status == "nc_major"
    assert twenty_six.units == {"pro": "nc_major", "siege": "conform"}
    assert result.summary.nc_major == 1 and result.summary.certifiable is False
    assert result.summary.blocking[0].startswith("26: ")
    assert "majeure uniquement" in result.summary.blocking[0]
    assert result.summary.answer.startswith("Non")
    assert exit_code(result) == 1


def test_no_usable_evidence_anywhere_is_major() -> None:
    result = report(
        with_gaps(
            finding(2, "gap", unit="siege", missing=True),
            finding(2, "gap", unit="pro", missing=True),
        )
    )
    assert result.indicator(2).status == "nc_major"
    assert result.indicator(2).units == {"pro": "nc_major", "siege": "nc_major"}
    assert "aucune preuve exploitable" in (result.indicator(2).reason or "")


def test_evidence_missing_for_some_units_only_is_minor() -> None:
    result = report(
        with_gaps(finding(2, unit="siege"), finding(2, "gap", unit="pro", missing=True))
    )
    assert result.indicator(2).status == "nc_minor"
    # One NC, one level: the unit without evidence carries the indicator's level.
    assert result.indicator(2).units == {"pro": "nc_minor", "siege": "conform"}
    assert result.summary.certifiable is True
    assert exit_code(result) == 0 and exit_code(result, "minor") == 1


def test_stale_or_incomplete_evidence_is_minor() -> None:
    result = report(with_gaps(finding(2, "gap", unit="siege", missing=False)))
    assert result.indicator(2).status == "nc_minor"
    assert "partielle" in (result.indicator(2).reason or "")


def test_several_findings_on_one_indicator_make_one_nc() -> None:
    gaps = [
        finding(2, "gap", unit="siege", item="taux de satisfaction"),
        finding(2, "gap", unit="siege", item="taux de réussite"),
        finding(2, "gap", unit="pro", item="méthode de calcul"),
    ]
    result = report(with_gaps(*gaps))
    assert result.summary.nc_minor == 1
    assert len(result.indicator(2).findings) == 3
    assert "3 écarts relevés, comptés comme une seule NC" in (result.indicator(2).reason or "")
    assert len(result.action_plan) == 3


def test_five_minor_ncs_block_certification() -> None:
    four = [finding(n, "gap") for n in (2, 18, 23, 24)]
    result = report(with_gaps(*four))
    assert result.summary.nc_minor == 4 and result.summary.certifiable is True
    assert exit_code(result) == 0
    five = [*four, finding(25, "gap")]
    result = report(with_gaps(*five))
    assert result.summary.nc_minor == 5 and result.summary.nc_major == 0
    assert result.summary.certifiable is False
    assert result.summary.blocking == (
        "5 NC mineures ou plus (5 : indicateurs 2, 18, 23, 24, 25) : elles valent une NC "
        "majeure et bloquent la certification tant qu'il en reste cinq",
    )
    assert exit_code(result) == 1 and exit_code(result, "major") == 1
    assert exit_code(result, "never") == 0


def test_a_previous_minor_nc_still_failing_is_requalified_major() -> None:
    cfg = config(
        audit={"previous_nc": [{"indicator": 30, "level": "minor", "notified": "2025-06-20"}]}
    )
    result = report(with_gaps(finding(30, "gap", missing=False)), cfg=cfg)
    thirty = result.indicator(30)
    assert thirty.status == "nc_major"
    assert thirty.reason is not None and "requalifiée en NC majeure" in thirty.reason
    assert "20/06/2025" in thirty.reason
    assert thirty.previous_nc[0].requalified and thirty.previous_nc[0].still_failing
    assert result.summary.certifiable is False
    assert result.summary.blocking[0].startswith("30: ")
    assert result.action_plan[0].level == "nc_major"


def test_a_previous_minor_nc_now_fixed_or_lifted_is_not_requalified() -> None:
    previous = {"indicator": 30, "level": "minor", "notified": "2025-06-20"}
    fixed = report(all_passed(), cfg=config(audit={"previous_nc": [previous]}))
    assert fixed.indicator(30).status == "conform"
    assert not fixed.indicator(30).previous_nc[0].still_failing
    lifted = {**previous, "lifted": "2025-10-01"}
    result = report(with_gaps(finding(30, "gap")), cfg=config(audit={"previous_nc": [lifted]}))
    assert result.indicator(30).status == "nc_minor"
    assert not result.indicator(30).previous_nc[0].requalified


def test_findings_on_offerings_count_for_offering_and_unit() -> None:
    result = report(
        with_gaps(
            finding(1, unit=None, offering="cap"),
            finding(1, "gap", unit=None, offering="paie"),
            finding(1, unit=None, offering="fle"),
        )
    )
    one = result.indicator(1)
    assert one.offerings == {"cap": "conform", "fle": "conform", "paie": "nc_minor"}
    assert one.units == {"langues": "conform", "pro": "nc_minor"}
    assert one.status == "nc_minor"
    assert [f.unit for f in one.findings] == ["langues", "pro", "pro"]


def test_findings_all_not_applicable_make_the_indicator_not_applicable() -> None:
    result = report(
        with_gaps(
            finding(3, "not_applicable", unit=None, offering="paie", message="non certifiante")
        )
    )
    three = result.indicator(3)
    assert three.status == "not_applicable" and three.applicable
    assert three.reason is not None and "non certifiante" in three.reason
    assert three.offerings == {"paie": "not_applicable"}
    assert result.summary.applicable == 24 and result.summary.certifiable is True


def test_findings_on_non_applicable_indicators_make_no_nc() -> None:
    result = report([*all_passed(), finding(13, "gap")])
    assert result.indicator(13).status == "not_applicable"
    assert result.summary.certifiable is True and result.action_plan == ()


def test_provisional_indicators_say_so() -> None:
    result = report(all_passed())
    twelve = result.indicator(12)
    assert twelve.provisional and twelve.provisional_notes
    assert not result.indicator(26).provisional
    assert result.referential_notes


# --- the certificate display obligation ----------------------------------------------------


def test_missing_certificate_display_blocks_at_renewal() -> None:
    display_gap = finding(0, "gap", check="check_display", missing=True)
    result = report([f for f in all_passed() if f.indicator != 0] + [display_gap])
    (display,) = result.obligations
    assert display.id == "display" and display.applies and display.status == "nc_major"
    assert result.summary.nc_major == 0  # not an indicator
    assert result.summary.certifiable is False
    assert result.summary.blocking[0].startswith("affichage du certificat: ")
    item = result.action_plan[0]
    assert (item.indicator, item.level, item.owner) == (0, "nc_major", "Direction qualité")
    assert exit_code(result) == 1


def test_unchecked_display_leaves_the_answer_open() -> None:
    result = report([f for f in all_passed() if f.indicator != 0])
    assert result.obligations[0].status == "not_assessed"
    assert result.summary.certifiable is None
    assert result.summary.undetermined[0].startswith("affichage du certificat")


def test_no_display_obligation_at_an_initial_audit() -> None:
    cfg = config(audit={"type": "initial"})
    result = report([f for f in all_passed() if f.indicator != 0], cfg=cfg)
    assert result.obligations == () and result.summary.certifiable is True
    gap = finding(0, "gap", check="check_display")
    result = report([*all_passed(), gap], cfg=cfg)
    assert result.obligations[0].status == "not_applicable"
    assert result.summary.certifiable is True and result.action_plan == ()


# --- the action plan -------------------------------------------------------------------------


def test_action_plan_order_owners_and_dates() -> None:
    gaps = [
        finding(30, "gap", unit="langues"),
        finding(2, "gap", unit="pro", offering=None),
        finding(26, "gap", unit="langues"),
        finding(1, "gap", unit=None, offering="paie"),
        finding(1, "gap", unit=None, offering="cap"),
        finding(2, "gap", unit="siege"),
    ]
    result = report(with_gaps(*gaps))
    plan = [(i.level, i.indicator, i.unit, i.offering, i.owner) for i in result.action_plan]
    assert plan == [
        ("nc_major", 26, "langues", None, "Référente handicap"),
        ("nc_minor", 1, "pro", "cap", "Correspondante qualité Pro"),
        ("nc_minor", 1, "pro", "paie", "Correspondante qualité Pro"),
        ("nc_minor", 2, "pro", None, "Correspondante qualité Pro"),
        ("nc_minor", 2, "siege", None, "Direction qualité"),
        ("nc_minor", 30, "langues", None, "Direction qualité"),
    ]
    major, minor = result.action_plan[0], result.action_plan[1]
    assert major.due == dt.date(2026, 11, 24)  # 21 days before the audit
    assert major.deadline_if_raised == dt.date(2027, 3, 15)
    assert major.verification_by == dt.date(2027, 4, 15)
    assert minor.due == dt.date(2026, 12, 8)  # 7 days before the audit
    assert minor.deadline_if_raised == dt.date(2027, 6, 15)
    assert minor.verification_by is None
    assert major.what == "constat (fr)" and major.fix == "corriger"
    assert major.finding == gaps[2].id and major.check == "check_test"


def test_due_dates_are_never_before_today() -> None:
    result = report(with_gaps(finding(26, "gap")), today=dt.date(2026, 12, 1))
    assert result.action_plan[0].due == dt.date(2026, 12, 1)


def test_due_dates_without_an_audit_date() -> None:
    result = report(with_gaps(finding(26, "gap"), finding(2, "gap")), audit_date=None)
    major, minor = result.action_plan
    assert major.due == TODAY + dt.timedelta(days=30)
    assert minor.due == TODAY + dt.timedelta(days=60)
    assert major.deadline_if_raised is None and major.verification_by is None
    assert result.audit.date is None


def test_deadlines_clamp_to_the_end_of_the_month() -> None:
    assert add_months(dt.date(2026, 8, 31), 6) == dt.date(2027, 2, 28)
    assert add_months(dt.date(2027, 11, 30), 3) == dt.date(2028, 2, 29)
    assert add_months(dt.date(2026, 12, 15), 1) == dt.date(2027, 1, 15)
    result = report(with_gaps(finding(26, "gap")), audit_date=dt.date(2026, 11, 30))
    item = result.action_plan[0]
    assert item.deadline_if_raised == dt.date(2027, 2, 28)
    assert item.verification_by == dt.date(2027, 3, 28)


# --- errors, language ------------------------------------------------------------------------


def test_errors_are_sorted_and_localized() -> None:
    problems = [
        Problem.make("pro/b.pdf", "PDF chiffré", "encrypted PDF"),
        Problem.make("pro/a.csv", "ligne illisible", "unreadable line", line=12),
        Problem.make("pro/a.csv", "en-tête absent", "missing header", line=1),
    ]
    result = report(all_passed(), problems=problems)
    assert [(e.path, e.line, e.message) for e in result.errors] == [
        ("pro/a.csv", 1, "en-tête absent"),
        ("pro/a.csv", 12, "ligne illisible"),
        ("pro/b.pdf", None, "PDF chiffré"),
    ]
    english = report(all_passed(), problems=problems, lang="en")
    assert english.errors[0].message == "missing header"


def test_findings_on_unknown_indicators_are_reported_as_errors() -> None:
    result = report([*all_passed(), finding(40, "gap", check="check_typo")])
    assert result.errors[0].path == "check:check_typo"
    assert "40" in result.errors[0].message
    assert result.summary.certifiable is True


def test_english_report() -> None:
    result = report(with_gaps(finding(26, "gap")), lang="en")
    assert result.lang == "en"
    assert result.summary.certifiable_question.startswith("As things stand")
    assert result.summary.answer.startswith("No.")
    assert result.indicator(26).title == "Disability expertise and network"
    assert result.indicator(26).findings[0].message == "constat (en)"
    assert "'major NC only'" in result.summary.blocking[0]


def test_a_filtered_run_reports_only_the_kept_indicators() -> None:
    kept = [d for d in DECISIONS if d.number in (26, 27)]
    result = report(all_passed(), decisions=kept)
    assert [r.number for r in result.indicators] == [26, 27]
    assert result.summary.applicable == 1 and result.summary.conform == 1
