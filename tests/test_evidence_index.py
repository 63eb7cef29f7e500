"""The session's evidence index (rnq.engine.session._EvidenceIndex) gives what the queries of an
EvidenceSet would: a finding's evidence list and the documents a fixture declared
``sees="unit_documents"`` depends on."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from rnq.collect.evidence import Evidence, EvidenceSet
from rnq.engine.session import _EvidenceIndex

UNITS = ["siege", "pro", "lyon"]
OFFERINGS = [None, "paie", "compta"]


@st.composite
def pieces(draw: st.DrawFn) -> list[Evidence]:
    count = draw(st.integers(min_value=0, max_value=90))
    found = []
    for n in range(count):
        found.append(
            Evidence(
                path=f"f{n:03d}.md",
                unit=draw(st.sampled_from(UNITS)),
                offering=draw(st.sampled_from(OFFERINGS)),
                indicators=tuple(draw(st.lists(st.integers(0, 2), max_size=3))),
                kind="programme",
            )
        )
    return found


@settings(max_examples=200, deadline=None)
@given(pieces(), st.sampled_from([None, *UNITS]), st.sampled_from(OFFERINGS), st.integers(0, 2))
def test_paths_for_is_the_first_20_of_for_indicator(
    evidence: list[Evidence], unit: str | None, offering: str | None, number: int
) -> None:
    index = _EvidenceIndex(evidence, ["siege"])
    if unit is None:
        offering = None
    expected = index.for_target(unit, offering).for_indicator(number).paths()[:20]
    fresh = _EvidenceIndex(evidence, ["siege"])  # not grouped by indicator beforehand
    assert fresh.paths_for(unit, offering, number) == tuple(expected)
    assert fresh.paths_for(unit, offering, number) == tuple(expected)  # once computed


@settings(max_examples=100, deadline=None)
@given(pieces(), st.sampled_from(UNITS))
def test_unit_documents_are_the_units_and_centrals_without_an_offering(
    evidence: list[Evidence], unit: str
) -> None:
    index = _EvidenceIndex(evidence, ["siege"])
    everything = EvidenceSet(evidence)
    expected = [e for u in dict.fromkeys([unit, "siege"]) for e in everything if e.unit == u]
    assert index.unit_documents(unit) == [e for e in expected if e.offering is None]


def test_paths_for_stops_at_20() -> None:
    evidence = [
        Evidence(path=f"f{n:03d}.md", unit="pro", indicators=(1,), kind="programme")
        for n in range(30)
    ]
    index = _EvidenceIndex(evidence, ["siege"])
    assert index.paths_for(None, None, 1) == tuple(f"f{n:03d}.md" for n in range(20))
    assert index.paths_for("pro", None, 2) == ()
