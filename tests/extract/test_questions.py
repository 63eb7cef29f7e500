"""Extraction workers answer the content checks' questions while they hold the text: the
answers are those the checks would compute, and they go to the cache with the extraction."""

from __future__ import annotations

from pathlib import Path

import pytest

from rnq.cache.store import Cache
from rnq.extract import Extractor, FileKey
from rnq.match.questions import ALL, HAS_TEXT, answers_for, document_body

from . import files

QUESTIONS = (r"modalites d'evaluation", r"\bqcm\b", ALL + r"\d+ jours", HAS_TEXT)


def _items(root: Path) -> list[tuple[str, Path]]:
    root.mkdir(parents=True, exist_ok=True)
    (root / "programme.md").write_text(
        "---\nkind: programme\n---\n# Modalités d’évaluation\n\nQCM final, 10 jours.\n", "utf-8"
    )
    (root / "registre.csv").write_text("Nom;Délai\nDupont;12 jours\n", encoding="utf-8")
    files.write_docx(root / "procedure.docx", ["Procédure", "Réponse sous 30 jours."])
    (root / "plan.pdf").write_bytes(files.pdf_bytes(["Modalites d'evaluation : oral"]))
    return [(p.name, p) for p in sorted(root.iterdir())]


@pytest.mark.parametrize("inprocess_below", [0, 100], ids=["pool", "in-process"])
def test_answers_match_the_text_and_reach_the_cache(tmp_path: Path, inprocess_below: int) -> None:
    items = _items(tmp_path / "ws")
    if inprocess_below:  # a PDF always goes to a worker process
        items = [(name, path) for name, path in items if path.suffix != ".pdf"]
    questions = {name: QUESTIONS for name, _ in items}
    with Cache(tmp_path / "c.sqlite3") as cache:
        extractor = Extractor(cache, workers=2, inprocess_below=inprocess_below)
        read = extractor.run(items, questions=questions, facts_version="v1")
        assert extractor.stats.in_process is (inprocess_below > 0)
        for name, path in items:
            full = cache.load(FileKey.of(path), extractor.cache_version)  # type: ignore[arg-type]
            assert full is not None
            expected = dict(
                zip(QUESTIONS, answers_for(full.text, full.rows, QUESTIONS), strict=True)
            )
            assert extractor.facts[name] == expected
            assert read[name].status == "ok"
        assert extractor.facts["programme.md"] == {
            QUESTIONS[0]: True,
            QUESTIONS[1]: True,
            QUESTIONS[2]: ["10 jours"],
            HAS_TEXT: True,
        }
        assert extractor.facts["registre.csv"][QUESTIONS[2]] == ["12 jours"]
        keys = [FileKey.of(path) for _, path in items]
        stored = cache.get_stored(keys, extractor.cache_version, "v1")  # type: ignore[arg-type]
        assert {k.path: s.facts for k, s in stored.items()} == {
            str(path): extractor.facts[name] for name, path in items
        }
        other = cache.get_stored(keys, extractor.cache_version, "v2")  # type: ignore[arg-type]
        assert all(s.facts == {} for s in other.values())  # another checks version: not used
        # the answers alone, as a run after an edit loads them: the same, for the same keys only
        facts = cache.get_facts(keys, extractor.cache_version, "v1")  # type: ignore[arg-type]
        assert facts == {key: s.facts for key, s in stored.items()}
        assert cache.get_facts(keys, extractor.cache_version, "v2") == {}  # type: ignore[arg-type]
        assert cache.get_facts(keys, "another extractor", "v1") == {}  # type: ignore[arg-type]
        moved = [key._replace(mtime_ns=key.mtime_ns + 1) for key in keys]
        assert cache.get_facts(moved, extractor.cache_version, "v1") == {}  # type: ignore[arg-type]


def test_lean_run_keeps_texts_out_of_the_parent(tmp_path: Path) -> None:
    items = _items(tmp_path / "ws")
    with Cache(tmp_path / "c.sqlite3") as cache:
        extractor = Extractor(cache, workers=2, inprocess_below=0)
        read = extractor.run(items, lean=True, questions={"plan.pdf": QUESTIONS[:1]})
        assert all(r.text == "" and r.rows is None for r in read.values())
        assert extractor.facts == {"plan.pdf": {QUESTIONS[0]: True}}
        whole = cache.load(FileKey.of(items[0][1]), extractor.cache_version)  # type: ignore[arg-type]
        assert whole is not None and "Modalit" in (whole.text or "")


def test_no_question_for_a_document_that_cannot_be_read(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    root.mkdir()
    (root / "broken.pdf").write_bytes(b"%PDF-1.7 not really")
    extractor = Extractor(workers=2, inprocess_below=0)
    read = extractor.run([("broken.pdf", root / "broken.pdf")], questions={"broken.pdf": QUESTIONS})
    assert read["broken.pdf"].status == "error"
    assert extractor.facts == {}  # the checks see an unreadable document, as before


def test_body_is_what_checks_read() -> None:
    assert document_body("---\nkind: x\n---\nÉvaluation", [("a", "b")]) == "evaluation\na ; b"


def test_a_failing_question_leaves_the_document_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A named question that raises in the worker costs its answers, not the document: the
    check asks it again and reports its own failure."""
    from rnq.match import questions as textmatch

    def broken(text: str | None, rows: object) -> bool:
        raise RuntimeError("bug in a check")

    monkeypatch.setitem(textmatch.NAMED, "\x00broken", broken)
    items = _items(tmp_path / "ws")
    items = [(name, path) for name, path in items if path.suffix == ".md"]
    extractor = Extractor(workers=1, inprocess_below=100)
    read = extractor.run(items, questions={"programme.md": (QUESTIONS[0], "\x00broken")})
    assert read["programme.md"].status == "ok"
    assert extractor.facts == {}
