"""The question plan (rnq.checks.questions): derived from the check modules, shared, and a hint
only: a run gives the same report whether the workers answer the planned questions or the checks
answer them all."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

import rnq
from rnq.checks import builtin_check_modules, questions
from rnq.checks.helpers import Term
from rnq.checks.judging import finder_questions
from rnq.extract.pool import Extractor
from rnq.match.french import DRAFT
from rnq.match.questions import ALL, HAS_TEXT, named_question

ROOT = Path(__file__).resolve().parents[1]


def test_every_built_in_term_is_planned_for_its_indicator() -> None:
    from rnq.checks import i26_disability

    planned = set(questions.questions_for([26], "rnq-2026"))
    for finder in i26_disability.CONCEPTS.values():
        assert set(finder_questions(finder)) <= planned
    assert DRAFT in planned  # a module that reads concepts asks whether a document is a draft
    assert questions.questions_for([26], "rnq-2026") is questions.questions_for(
        (26, 26), "rnq-2026"
    )
    assert questions.questions_for([99], "rnq-2026") == ()


def test_whether_a_document_holds_text_is_planned_where_checks_read_documents() -> None:
    """A check reading documents' words first asks whether one holds any text (``folded_text``,
    ``blank``): planned, the workers answer it as they read, where the check would otherwise
    load each unit's first document again to tell (171 texts in a cold run, at 5 000 files as at
    50 000)."""
    for module in builtin_check_modules():
        planned = questions.module_questions(module)
        assert (HAS_TEXT in planned) == bool(set(planned) - {HAS_TEXT}), module.__name__
    assert HAS_TEXT in questions.questions_for([21], "rnq-2026")
    assert questions.questions_for([99], "rnq-2026") == ()


def test_a_version_plans_only_the_indicators_its_checks_verify() -> None:
    """Indicator 33 exists from rnq-2026 only: nothing is planned for it under rnq-2019-v9."""
    assert questions.questions_for([33], "rnq-2026")
    assert questions.questions_for([33], "rnq-2019-v9") == ()


def test_named_questions_of_a_module_are_planned() -> None:
    assert named_question("rnq.checks.i19_resources", "tracking-table") in questions.questions_for(
        [19], "rnq-2026"
    )


def test_a_new_term_is_planned_without_anything_to_regenerate(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from rnq.checks import i26_disability

    added = Term.of("un terme ajouté", "an added term", r"\bterme ajoute\b")
    monkeypatch.setattr(i26_disability, "ADDED_TERM", added, raising=False)
    questions.module_questions.cache_clear()
    try:
        assert r"\bterme ajoute\b" in questions.module_questions(i26_disability)
    finally:
        questions.module_questions.cache_clear()


def test_messages_and_bookkeeping_are_not_asked() -> None:
    for module in builtin_check_modules():
        asked = questions.module_questions(module)
        assert getattr(module, "CHECKS_NAMESPACE", "\x01") not in asked
        assert not any(q.startswith("rnq.checks.") for q in asked)


def _run(
    workspace: Path, monkeypatch: pytest.MonkeyPatch, answered: list[int], cache: Path | None
) -> str:
    real = Extractor.run

    def spy(self: Extractor, *args: Any, **kwargs: Any) -> Any:
        result = real(self, *args, **kwargs)
        answered.append(sum(len(f) for f in self.facts.values()))
        return result

    monkeypatch.setattr(Extractor, "run", spy)
    options = rnq.RunOptions(
        today=dt.date(2026, 11, 28),
        load_entrypoints=False,
        use_cache=cache is not None,
        cache_dir=cache,
    )
    return rnq.run(workspace, options).to_json()


@pytest.mark.parametrize("cache", [False, True], ids=["no-cache", "cache"])
def test_planned_answers_change_nothing(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, cache: bool
) -> None:
    workspace = ROOT / "evidence"
    planned: list[int] = []
    with_plan = _run(workspace, monkeypatch, planned, tmp_path / "a" if cache else None)
    assert planned and planned[0] > 100  # the workers did answer

    monkeypatch.setattr(questions, "_plan", lambda referential: {})
    monkeypatch.setattr(questions, "_offered", lambda *args: (frozenset(), ()))
    questions._for.cache_clear()
    questions._for_offering.cache_clear()
    try:
        unplanned: list[int] = []
        without = _run(workspace, monkeypatch, unplanned, tmp_path / "b" if cache else None)
    finally:
        questions._for.cache_clear()
        questions._for_offering.cache_clear()
    assert unplanned == [0]
    assert with_plan == without


def test_a_document_of_an_offering_is_not_asked_what_no_check_of_it_reads() -> None:
    """Indicators 3 and 7 are verified per offering, for certifying offerings only: the programme
    of an offering that leads to no certification is not asked their questions (no check reads
    its documents for them); that of a certifying offering is, as is a document of the unit."""
    from rnq.checks import i01_offer_sheet, i03_certification_results, i07_certification_fit

    workspace = rnq.load(ROOT / "evidence")
    config = workspace.config
    pairs = [(u, o) for u in config.units for o in u.offerings]
    certifying = next((u, o) for u, o in pairs if o.certifying)
    other = next((u, o) for u, o in pairs if not o.certifying and o.category == "AF")
    plan = questions.target_plan(config, "rnq-2026")
    full = questions.questions_for([1], "rnq-2026")
    theirs = {
        *questions.module_questions(i03_certification_results),
        *questions.module_questions(i07_certification_fit),
    } - {DRAFT, HAS_TEXT}  # asked by every module that reads documents

    # a certifying offering's programme: every question, and those its checks build for it
    built = plan([1], certifying[0].id, certifying[1].id)
    assert built[: len(full)] == full
    assert set(built[len(full) :]) == {
        *finder_questions(i01_offer_sheet.sheet_concepts(certifying[1])["code-certification"]),
        ALL + i01_offer_sheet._CODE_GENERIC,
        *finder_questions(
            i07_certification_fit._capacity(config.organization)["capacite-certification"]
        ),
    } - set(full)
    assert plan([1], certifying[0].id, certifying[1].id) is built  # one tuple, shared
    assert plan([1], certifying[0].id, None) == full  # a unit's document: every question
    assert plan([1], "no-such-unit", "no-such-offering") == full
    narrowed = plan([1], other[0].id, other[1].id)
    assert not theirs & set(narrowed)
    assert set(narrowed) == set(full) - theirs  # nothing else left out
    assert [q for q in full if q in narrowed] == list(narrowed)  # in the same order


def test_a_helper_declares_the_named_questions_it_asks() -> None:
    """Indicators 10 to 12 judge their documents with indicator 9's ``judge_unit``, which asks
    each whether it is an empty table: the question is planned for their documents, so that the
    run does not load 17 000 texts at 50 000 files to answer it in this process."""
    from rnq.checks import i10_adaptation, i11_assessment, i12_engagement
    from rnq.checks.i09_delivery_conditions import EMPTY_TABLE

    for module in (i10_adaptation, i11_assessment, i12_engagement):
        assert EMPTY_TABLE in questions.module_questions(module)
    for number in (10, 11, 12):
        assert EMPTY_TABLE in questions.questions_for([number], "rnq-2026")


def test_what_checks_build_for_an_offering_is_answered_as_documents_are_read(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The finders indicators 1 and 7 build for a certifying offering as their checks run (its
    certification's code, the organization as its certifier) are planned for its documents: a
    cold run answers them in the workers, and the checks find them answered (at 50 000 files,
    1 644 answers the main process worked out one document at a time, loading each text)."""
    from rnq.checks import helpers, i01_offer_sheet, i07_certification_fit
    from rnq.match.questions import fact_key

    workspace = rnq.load(ROOT / "evidence")
    config = workspace.config
    built: set[str] = set()
    for unit in config.units:
        for offering in unit.offerings:
            for module in (i01_offer_sheet, i07_certification_fit):
                for finder in module.offering_finders(config, unit, offering):
                    built.update(
                        finder_questions(finder) if not isinstance(finder, str) else [finder]
                    )
    assert built  # the example has certifying offerings
    missed: list[str] = []
    remember = helpers.remember

    def spy(item: Any, question: str, compute: Any) -> Any:
        if question in built and fact_key(question) not in helpers.known_answers(item):
            missed.append(f"{item.path}: {question[:40]!r}")
        return remember(item, question, compute)

    monkeypatch.setattr(helpers, "remember", spy)
    _run(ROOT / "evidence", monkeypatch, [], tmp_path)
    assert not missed
