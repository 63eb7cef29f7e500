"""The referential data, cross-checked against reference/rnq.md (§2.1 table, §3.3, §4)."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from rnq.referential.applicability import Profile, applicability
from rnq.referential.loader import Indicator, get_referential, referential_for_date, referential_ids

V9, V2026 = "rnq-2019-v9", "rnq-2026"

# reference/rnq.md §2.1: the category crosses of the annex, indicator by indicator.
ALL4 = {"AF", "BC", "VAE", "CFA"}
CROSSES = dict.fromkeys(range(1, 34), ALL4)
CROSSES.update(
    {
        3: {"AF", "VAE", "CFA"},
        7: {"AF", "CFA"},
        8: {"AF", "CFA"},
        13: {"AF", "CFA"},
        14: {"CFA"},
        15: {"CFA"},
        16: {"AF", "VAE", "CFA"},
        20: {"CFA"},
        28: {"AF", "CFA"},
        29: {"CFA"},
        33: {"CFA"},
    }
)
MAJOR_ONLY = {4, 5, 6, 7, 10, 11, 14, 15, 16, 20, 21, 22, 26, 27, 29, 31, 32}
NEW_ENTRANT = {2, 3, 11, 13, 14, 19, 22, 24, 25, 26, 32}
CHANGED_2026 = {1, 2, 3, 7, 12, 14, 15, 19, 20, 27, 30, 31, 32}
PER_OFFERING = {1, 3, 4, 5, 6, 7, 8, 16}
CONDITIONS = {
    3: "certifying",
    7: "certifying",
    16: "certifying",
    12: "long_trainings",
    13: "alternance",
    27: "subcontracting",
    28: "work_situation",
}


def test_versions_and_counts_come_from_the_data() -> None:
    assert referential_ids() == (V9, V2026)
    assert len(get_referential(V9)) == 32
    assert len(get_referential(V2026)) == 33
    for vid in referential_ids():
        referential = get_referential(vid)
        assert [c.number for c in referential.criteria] == list(range(1, 8))


@pytest.mark.parametrize("vid", [V9, V2026])
def test_category_crosses(vid: str) -> None:
    for indicator in get_referential(vid):
        assert set(indicator.categories) == CROSSES[indicator.number], indicator.number


@pytest.mark.parametrize(
    ("vid", "categories", "expected"),
    [
        (V9, ["AF"], 28),
        (V9, ["BC"], 22),
        (V9, ["VAE"], 24),
        (V9, ["CFA"], 32),
        (V2026, ["AF"], 28),
        (V2026, ["BC"], 22),
        (V2026, ["VAE"], 24),
        (V2026, ["CFA"], 33),
        (V2026, ["AF", "BC", "VAE", "CFA"], 33),
    ],
)
def test_applicable_counts_with_every_condition_true(
    vid: str, categories: list[str], expected: int
) -> None:
    profile = Profile.everything(categories)  # type: ignore[arg-type]
    decisions = applicability(get_referential(vid), profile)
    assert sum(d.applicable for d in decisions) == expected


@pytest.mark.parametrize("vid", [V9, V2026])
def test_spec_example_gives_25(vid: str) -> None:
    """SPEC §2: AF only, certifying, no alternance, no work situation, no subcontracting or
    portage, trainings over two days."""
    profile = Profile(categories=("AF",), conditions=frozenset({"certifying", "long_trainings"}))
    decisions = applicability(get_referential(vid), profile)
    applicable = {d.number for d in decisions if d.applicable}
    assert len(applicable) == 25
    assert {13, 27, 28}.isdisjoint(applicable)
    assert {3, 7, 16, 12} <= applicable


@pytest.mark.parametrize("vid", [V9, V2026])
def test_major_only_indicators(vid: str) -> None:
    referential = get_referential(vid)
    assert {i.number for i in referential if i.major_only} == MAJOR_ONLY
    assert len(MAJOR_ONLY) == 17


@pytest.mark.parametrize("vid", [V9, V2026])
def test_new_entrant_indicators(vid: str) -> None:
    referential = get_referential(vid)
    assert {i.number for i in referential if i.new_entrant is not None} == NEW_ENTRANT
    assert len(NEW_ENTRANT) == 11


def test_changes_of_2026() -> None:
    referential = get_referential(V2026)
    changed = {i.number for i in referential if i.changed}
    assert changed == CHANGED_2026 | {33}
    assert len(CHANGED_2026) == 13
    v9 = get_referential(V9)
    for number in CHANGED_2026:
        assert referential.indicator(number).wording != v9.indicator(number).wording, number
    for indicator in v9:
        assert indicator.changes is None
        if indicator.number not in CHANGED_2026:
            assert referential.indicator(indicator.number).wording == indicator.wording


@pytest.mark.parametrize("vid", [V9, V2026])
def test_where_assessed_and_conditions(vid: str) -> None:
    for indicator in get_referential(vid):
        expected = "offering" if indicator.number in PER_OFFERING else "unit"
        assert indicator.assessed_at == expected, indicator.number
        assert indicator.condition == CONDITIONS.get(indicator.number), indicator.number


def test_unconfirmed_facts_are_provisional() -> None:
    v2026 = get_referential(V2026)
    i33 = v2026.indicator(33)
    assert {"criterion", "nc_weighting"} <= set(i33.provisional)
    assert i33.criterion == 7
    assert i33.nc_weighting == "minor_or_major"
    for vid in (V9, V2026):
        referential = get_referential(vid)
        for number in (3, 7, 12, 16, 27):
            assert "condition" in referential.indicator(number).provisional, (vid, number)
    assert "wording" in v2026.indicator(9).provisional
    assert v2026.info.provisional, "the 2026 version as a whole is provisional (no guide V10)"


def test_every_text_is_bilingual_and_filled() -> None:
    for vid in referential_ids():
        for indicator in get_referential(vid):
            assert indicator.title.fr and indicator.title.en
            assert indicator.wording.startswith(("Le prestataire", "Lorsque", "Pour les"))
            assert indicator.evidence_examples.fr
            assert len(indicator.evidence_examples.fr) == len(indicator.evidence_examples.en)


def test_version_chosen_by_audit_date() -> None:
    assert referential_for_date(dt.date(2026, 10, 31)).id == V9
    assert referential_for_date(dt.date(2026, 11, 1)).id == V2026
    assert referential_for_date(dt.date(2024, 3, 8)).id == V9


def test_models_are_strict_and_frozen() -> None:
    indicator = get_referential(V9).indicator(1)
    data = indicator.model_dump()
    with pytest.raises(ValidationError, match="Extra inputs"):
        Indicator.model_validate({**data, "colour": "red"})
    with pytest.raises(ValidationError):
        indicator.number = 2  # type: ignore[misc]
    with pytest.raises(ValidationError, match="provisional names unknown fields"):
        Indicator.model_validate({**data, "provisional": {"nope": {"fr": "x", "en": "x"}}})
