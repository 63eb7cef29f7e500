"""Documents kept in the cache rather than in memory, and content answers kept across runs."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

import rnq
from rnq.cache.store import Cache
from rnq.collect.evidence import Evidence
from rnq.testing import write_workspace
from tests.conftest import ONE_OFFERING as CONFIG

FILES: dict[str, str | bytes] = {
    "siege/26-handicap/referent-handicap.md": (
        "# Référent handicap\n\nNotre référent handicap, Mme Durand, étudie chaque demande "
        "d'adaptation et d'aménagement. Contact : referent@example.fr. Partenaires : Agefiph, "
        "Cap emploi, MDPH.\n"
    ),
    "pro/compta/1-information/fiche.md": "# Comptabilité\n\nPrérequis : aucun. Durée : 35 h.\n",
    "pro/compta/4-analyse-besoin/grille.csv": "stagiaire;besoin\nA;compta\n",
}


def _run(root: Path, cache: Path) -> dict[str, object]:
    options = rnq.RunOptions(
        today=dt.date(2026, 11, 28), cache_dir=cache, load_entrypoints=False, workers=1
    )
    return json.loads(rnq.run(root, options).to_json())  # type: ignore[no-any-return]


def _findings(report: dict[str, object]) -> list[tuple[str, str, str]]:
    return sorted(
        (f["id"], f["outcome"], f["message"])
        for indicator in report["indicators"]  # type: ignore[attr-defined]
        for f in indicator["findings"]
    )


def test_warm_run_answers_from_the_cache_without_reading_texts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "ws"
    write_workspace(root, CONFIG, FILES)
    cold = _run(root, tmp_path / "cache")
    without_cache = json.loads(
        rnq.run(
            root,
            rnq.RunOptions(
                today=dt.date(2026, 11, 28), use_cache=False, load_entrypoints=False, workers=1
            ),
        ).to_json()
    )
    loads: list[object] = []
    original = Cache.load

    def counting(self: Cache, key: object, version: str) -> object:
        loads.append(key)
        return original(self, key, version)  # type: ignore[arg-type]

    monkeypatch.setattr(Cache, "load", counting)
    warm = _run(root, tmp_path / "cache")
    assert _findings(warm) == _findings(cold) == _findings(without_cache)
    assert loads == []  # every content question was answered from the stored facts


def test_a_changed_file_is_read_and_judged_again(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    write_workspace(root, CONFIG, FILES)
    path = root / "siege/26-handicap/referent-handicap.md"
    first = _findings(_run(root, tmp_path / "cache"))
    path.write_text("# Référent handicap\n\nÀ désigner.\n", encoding="utf-8")
    os.utime(path, ns=(1, 1))
    second = _findings(_run(root, tmp_path / "cache"))
    fresh = _findings(_run(root, tmp_path / "other-cache"))
    assert second == fresh
    assert second != first


def test_evidence_keeps_text_and_rows_as_constructor_arguments() -> None:
    item = Evidence(path="a.csv", unit="u", text="bonjour", rows=(("a", "b"),), read="ok")
    assert item.text == "bonjour"
    assert item.rows == (("a", "b"),)
    copy = item.model_copy(update={"note": "vu"})
    assert (copy.text, copy.rows, copy.note) == ("bonjour", (("a", "b"),), "vu")
    assert Evidence.model_validate({"path": "b", "unit": "u", "text": "x"}).text == "x"
    with pytest.raises(ValueError, match="text"):
        Evidence(path="a", unit="u", text=3)  # type: ignore[arg-type]


def test_a_loader_is_asked_on_each_access() -> None:
    calls: list[int] = []

    def loader() -> tuple[str | None, tuple[tuple[str, ...], ...] | None]:
        calls.append(1)
        return "texte", None

    item = Evidence(path="a.md", unit="u", read="ok").with_content(None, None, loader=loader)
    assert item.text == "texte"
    assert item.rows is None
    assert len(calls) == 2


def test_after_an_edit_stored_answers_are_loaded_together(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The answers of unchanged documents are loaded when a check first asks, with those of the
    documents after them (one query for several, rnq.extract.store.FACTS_BATCH), and the
    findings are a full run's."""
    root = tmp_path / "ws"
    watch = {
        f"pro/I{n}-veille-{year}.md": f"# Veille {year}\n\nDécret du {year}.\n"
        for n in (23, 24, 25)
        for year in (2025, 2026)
    }
    write_workspace(root, CONFIG, {**FILES, **watch})
    _run(root, tmp_path / "cache")
    (root / "pro/I23-veille-2026.md").write_text("# Veille\n\nArrêté de 2026.\n", "utf-8")
    asked: list[int] = []
    original = Cache.get_facts

    def counting(self: Cache, keys: list[object], *args: object) -> object:
        asked.append(len(keys))
        return original(self, keys, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(Cache, "get_facts", counting)
    again = _findings(_run(root, tmp_path / "cache"))
    monkeypatch.undo()
    fresh = _findings(_run(root, tmp_path / "other-cache"))
    assert again == fresh
    assert asked and max(asked) >= 2  # answers of several documents in one query
