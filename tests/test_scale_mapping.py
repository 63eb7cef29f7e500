"""What a run remembers or shares to stay fast at 50 000 files (#10) gives the same answers as
computing everything again: file-name facts remembered across runs, evidence built from trusted
values, per-indicator sets, the JSON report written by pydantic."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest

import rnq
from rnq.bulk import fewer_collections
from rnq.cache.store import Cache
from rnq.collect.evidence import Evidence, EvidenceSet
from rnq.collect.mapping import (
    Layout,
    NameFacts,
    NameMemo,
    name_facts,
    name_facts_version,
    path_facts,
    using_names,
)
from rnq.testing import write_workspace
from rnq.workspace.config import Unit
from tests.conftest import ONE_OFFERING as CONFIG

from .test_report_html import sample_report

PATHS = [
    "pro/compta/I01-I26 programme 2026-03-15.pdf",
    "pro/compta/Enquête satisfaction apprenants 15-03-2026.xlsx",
    "pro/compta/enquetes/financeurs/retours.csv",
    "pro/veille/Indicateur n° 23 veille légale.md",
    "pro/cv/cv-formateur.docx",
    "pro/divers/notes",
    "pro/.cache",
    "siege/I24-plan-competences-20260101.pdf",
]
UNITS = [
    Unit.model_validate({"id": "siege", "name": "Siège", "central": True}),
    Unit.model_validate(
        {"id": "pro", "name": "Pro", "offerings": [{"id": "compta", "title": "Compta"}]}
    ),
]


@pytest.mark.parametrize("path", PATHS)
def test_remembered_name_facts_map_as_computed_ones(path: str) -> None:
    placement = Layout(UNITS).place(path)
    computed = path_facts(path, placement)
    name = path.rpartition("/")[2]
    remembered = NameMemo({name: NameFacts.load(name_facts(name).dump())})  # type: ignore[dict-item]
    with using_names(remembered) as memo:
        assert path_facts(path, placement) == computed
    assert memo.added == {}  # the name was known: nothing to save
    with using_names(NameMemo()) as fresh:
        assert path_facts(path, placement) == computed
    assert list(fresh.added) == [name]


def test_a_wrong_remembered_fact_is_what_path_facts_uses() -> None:
    """The memo really is consulted (so a version change must invalidate it)."""
    path = "pro/compta/programme.pdf"
    placement = Layout(UNITS).place(path)
    assert path_facts(path, placement).kind == "programme"
    wrong = NameFacts(indicators=(7,), date=dt.date(2020, 1, 2), kind="cv", stakeholder=None)
    with using_names(NameMemo({"programme.pdf": wrong})):
        facts = path_facts(path, placement)
    assert (facts.kind, facts.indicators, facts.date) == ("cv", (7,), dt.date(2020, 1, 2))


@pytest.mark.parametrize(
    "data",
    [None, [], [[1], "2026-13-01", None, None], [["x"], None, None, None], [[], None, 3, None]],
)
def test_damaged_name_records_are_refused(data: object) -> None:
    assert NameFacts.load(data) is None


def test_names_round_trip_through_the_cache_and_other_versions_are_forgotten(
    tmp_path: Path,
) -> None:
    facts = name_facts("I04 analyse du besoin 2026-01-31.pdf")
    with Cache(tmp_path / "c.sqlite3") as cache:
        cache.put_names([("a.pdf", facts.dump())], "v1")
        assert {n: NameFacts.load(d) for n, d in cache.get_names("v1").items()} == {"a.pdf": facts}
        assert cache.get_names("v2") == {}
        cache.put_names([("b.pdf", facts.dump())], "v2")
        assert cache.get_names("v1") == {}
        assert list(cache.get_names("v2")) == ["b.pdf"]


def test_a_damaged_name_row_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    with Cache(path) as cache:
        cache.put_names([("a.pdf", [[1], None, None, None])], "v1")
    db = sqlite3.connect(path)
    db.execute("INSERT INTO names VALUES ('b.pdf', 'v1', '{not json')")
    db.commit()
    db.close()
    with Cache(path) as cache:
        found = cache.get_names("v1")
    assert found["a.pdf"] == [[1], None, None, None]
    assert NameFacts.load(found["b.pdf"]) is None


def test_a_second_run_maps_from_the_cache_and_reports_the_same(tmp_path: Path) -> None:
    root = write_workspace(
        tmp_path / "ws",
        CONFIG,
        {
            "siege/I23-veille-legale-2026-01-10.md": "# Veille légale\n",
            "pro/compta/programme-2026-02-01.md": "---\nindicators: [1]\n---\n# Programme\n",
            "pro/compta/Enquête satisfaction apprenants 2026-03-01.csv": "q;r\na;b\n",
            "pro/divers.txt": "rien",
        },
    )
    options = rnq.RunOptions(
        today=dt.date(2026, 11, 28),
        cache_dir=tmp_path / "cache",
        load_entrypoints=False,
        workers=1,
    )
    first = rnq.run(root, options).to_json()
    with Cache(tmp_path / "cache" / "extract.sqlite3") as cache:
        remembered = cache.get_names(name_facts_version())
    assert "programme-2026-02-01.md" in remembered
    second = rnq.run(root, options).to_json()
    without = rnq.run(root, rnq.RunOptions(**{**options.__dict__, "use_cache": False})).to_json()
    assert first == second == without


def test_trusted_evidence_equals_validated_evidence() -> None:
    values = {
        "path": "pro/a.pdf",
        "unit": "pro",
        "indicators": (1, 26),
        "offering": "compta",
        "kind": "programme",
        "stakeholder": None,
        "date": dt.date(2026, 3, 1),
        "valid_until": None,
        "by": None,
        "note": None,
        "mapped_by": "path",
    }
    trusted, checked = Evidence.trusted(**values), Evidence(**values)
    assert trusted == checked
    assert trusted.model_fields_set == checked.model_fields_set
    assert trusted.model_dump() == checked.model_dump() and repr(trusted) == repr(checked)
    assert trusted.text is None and trusted.facts is None
    copied = trusted.with_content("texte", None, read="ok")
    assert copied.text == "texte" and copied.read == "ok" and trusted.read == "not_read"
    assert copied.model_copy(update={"note": "n"}).note == "n" and copied.note is None
    with pytest.raises(TypeError, match="colour"):
        Evidence.trusted(path="a", unit="u", colour="red")


def test_for_indicator_is_the_filter_it_replaces() -> None:
    items = [
        Evidence(path=f"p{i}", unit="u", indicators=indicators)
        for i, indicators in enumerate([(1, 2), (2,), (), (1, 1), (3, 1)])
    ]
    pieces = EvidenceSet(items)
    for number in (1, 2, 3, 4):
        expected = [e.path for e in items if number in e.indicators]
        assert pieces.for_indicator(number).paths() == expected
    assert pieces.for_indicator(1) is pieces.for_indicator(1)  # answered once


def test_for_offering_is_the_filter_it_replaces() -> None:
    items = [
        Evidence(path=f"p{i}", unit="u", offering=offering)
        for i, offering in enumerate(["a", None, "b", "a", None, "ab"])
    ]
    pieces = EvidenceSet(items)
    for offering in ("a", "b", "ab", "c", ""):
        expected = [e.path for e in items if e.offering == offering]
        assert pieces.for_offering(offering).paths() == expected
    assert pieces.for_offering("a") is pieces.for_offering("a")  # answered once
    assert not EvidenceSet().for_offering("a")


def test_match_columns_remembers_headers_as_normalize_reads_them() -> None:
    from rnq.collect.registers import match_columns

    synonyms = {"date_reception": ["date de réception"], "date_reponse": ["date de réponse"]}
    header = [" Date de Réponse (jj/mm/aaaa) ", "DATE DE RECEPTION", "date de réponse"]
    for _ in range(2):  # the second time from the memo
        assert match_columns(header, synonyms) == {"date_reception": 1, "date_reponse": 0}
    assert match_columns(["Réclamation"], synonyms) == {}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_to_json_writes_what_json_dumps_wrote(lang: str) -> None:
    report = sample_report(lang, evidence=30)  # type: ignore[arg-type]
    data = report.model_dump(mode="json", by_alias=True)
    assert report.to_json() == json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    assert b"".join(report.json_parts()) == report.to_json().encode("utf-8")


def test_to_json_falls_back_to_json_for_a_lone_surrogate() -> None:
    report = sample_report("fr")
    odd = report.model_copy(update={"referential_title": "nom \udce9 illisible"})
    data = odd.model_dump(mode="json", by_alias=True)
    assert odd.to_json() == json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    written = b"".join(odd.json_parts())  # the file: the odd character escaped, not a crash
    assert written.endswith(b"\n") and b"nom \\udce9 illisible" in written


def test_give_back_memory_keeps_objects() -> None:
    from rnq.bulk import give_back_memory

    kept = ["x" * 1000 for _ in range(1000)]
    del kept[::2]
    give_back_memory()  # glibc: malloc_trim; elsewhere nothing
    assert len(kept) == 500 and all(k == "x" * 1000 for k in kept)


def test_fewer_collections_turns_the_collector_off_and_back_on() -> None:
    import gc

    assert gc.isenabled()
    with fewer_collections():
        assert not gc.isenabled()
        with fewer_collections():  # nested: the outer block turns it back on
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:  # off before the block: stays off after it
        with fewer_collections():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_check_called_from_python_turns_the_collector_back_on() -> None:
    import gc

    from click.testing import CliRunner

    from rnq.cli import main

    result = CliRunner().invoke(main, ["check", "--example", "--today", "2026-11-28", "-q"])
    assert result.exit_code == 1, result.output
    assert gc.isenabled()
