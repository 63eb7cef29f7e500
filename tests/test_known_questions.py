"""The concepts' questions kept for the next run (:func:`rnq.match.french.known_questions`):
a run after an edit asks some 70 concepts, whose patterns it would otherwise write out again
(0.06 s at 50 000 files); they are kept in the cache under the content checks' version."""

from __future__ import annotations

import ast
import datetime as dt
import gc
import importlib
import pkgutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

import rnq.checks
from rnq.cache.store import Cache
from rnq.checks.helpers import facts_version
from rnq.match import french
from rnq.match.french import CONCEPT, Concept, known_questions, questions_to_keep

EXAMPLE = Path(__file__).resolve().parents[1] / "evidence"


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch) -> None:
    """No question known or written out yet in this process."""
    monkeypatch.setattr(french, "_QUESTIONS", {})
    monkeypatch.setattr(french, "_ADDED", set())


@pytest.mark.usefixtures("fresh")
def test_new_questions_are_given_once_to_be_kept() -> None:
    asked = Concept.of("modalités d'évaluation", "grille d'observation").question
    kept = questions_to_keep()
    assert kept is not None and list(kept.values()) == [asked]
    assert questions_to_keep() is None  # nothing new since
    again = Concept.of("modalités d'évaluation", "grille d'observation").question  # known
    assert again == asked and questions_to_keep() is None


@pytest.mark.usefixtures("fresh")
def test_a_known_question_is_taken_as_it_was_kept() -> None:
    written = Concept.of("livret d'accueil").question
    kept = questions_to_keep()
    assert kept is not None
    (key,) = kept
    french._QUESTIONS.clear()
    marked = written.replace("accueil", "accueillir")  # tells a kept question from a new one
    known_questions({key: marked, "other": 3, "not a concept": "x", 4: written})
    assert Concept.of("livret d'accueil").question == marked  # a new object: not its cache
    assert french._QUESTIONS.keys() == {key}  # the rest left out
    # other fields, another question: the kept one is not taken
    assert Concept.of("livret d'accueil", negative_is_information=True).question != marked


def _concepts() -> list[Concept]:
    for module in pkgutil.iter_modules(rnq.checks.__path__):
        importlib.import_module(f"rnq.checks.{module.name}")
    return [o for o in gc.get_objects() if isinstance(o, Concept)]


def test_a_run_keeps_this_code_s_questions_for_the_next(tmp_path: Path) -> None:
    """A fresh process runs the example with a cache: the questions it keeps are those this
    code writes out, under this code's version (another version reads none of them)."""
    done = subprocess.run(
        [
            *(sys.executable, "-m", "rnq", "check", str(EXAMPLE), "--cache-dir", str(tmp_path)),
            *("--today", dt.date(2026, 11, 28).isoformat(), "-q", "--fail-on", "never"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    cache = Cache(tmp_path / "extract.sqlite3")
    try:
        kept = cache.get_memo("concept-questions", facts_version())
        assert cache.get_memo("concept-questions", "another version") == {}
    finally:
        cache.close()
    assert len(kept) > 50 and all(q.startswith(CONCEPT) for q in kept.values())
    # each is what this code writes out for the concept of its key (the checks' own, and
    # those made during the run: indicator 7's with the organization's name)
    for key, question in kept.items():
        terms, gap, negative_is_information, unless = ast.literal_eval(key)
        made = Concept.of(*terms, negative_is_information=negative_is_information, gap=gap)
        assert replace(made, unless=unless)._question() == question
    assert {c.question for c in _concepts()} & set(kept.values())
