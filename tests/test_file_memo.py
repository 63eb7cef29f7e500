"""The file memo's entries by position (rnq.collect.filesystem.FileMemo): a record rebuilt from
its memo is the record kept, an entry of another layout or damaged is never used, and the
document store recalls 50 000 files in one loop as it reads one."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from rnq.cache.store import Cache
from rnq.collect.evidence import Evidence
from rnq.collect.filesystem import FILE_MEMO_LAYOUT, FileMemo
from rnq.errors import Problem
from rnq.extract.packing import FileKey
from rnq.extract.store import DocumentStore, _content_key
from rnq.text import Localized

STAT = [120, 1_700_000_000_000_000_000, 42, 1_700_000_000_000_000_001]

RECORDS = [
    Evidence(path="u/a.md", unit="u"),
    Evidence(
        path="u/o/b.pdf",
        unit="u",
        indicators=(9, 12),
        offering="o",
        kind="programme",
        stakeholder="stagiaire",
        date=dt.date(2026, 3, 9),
        valid_until=dt.date(2027, 3, 9),
        by="Mme Durand",
        note="signé",
        mapped_by="manifest",
        read="error",
        problem=Localized(fr="illisible", en="unreadable"),
    ),
]


def _through_json(memo: FileMemo) -> FileMemo:
    """A new memo with what ``memo`` keeps, as the cache gives it back (JSON)."""
    return FileMemo(json.loads(json.dumps(memo.current)))


@pytest.mark.parametrize("record", RECORDS, ids=["defaults", "every-field"])
def test_a_record_comes_back_as_it_was_kept(record: Evidence) -> None:
    memo = FileMemo()
    problem = Problem.make(record.path, "en-tête", "front matter")
    memo.put(record.path, STAT, "", record, [problem])
    again = _through_json(memo).get(record.path, STAT, "")
    assert again is not None
    rebuilt, problems = again
    assert rebuilt == record
    assert rebuilt.__dict__ == record.__dict__
    assert list(rebuilt.__dict__) == list(Evidence.model_fields)  # every field, in order
    assert type(rebuilt.indicators) is tuple
    kept = set(record.model_dump(exclude_defaults=True)) | {"path", "indicators"}
    assert rebuilt.model_fields_set == kept
    assert problems == [problem]


def test_a_record_once_read_comes_back_read() -> None:
    record = RECORDS[0]
    memo = FileMemo()
    memo.put(record.path, STAT, "", record, [])
    read = record.model_copy(update={"read": "ok", "date": dt.date(2025, 1, 2)})
    memo.keep_read(record.path, read, has_content=True, content="c" * 32)
    memo.keep_digest(record.path, "d" * 32)
    later = _through_json(memo)
    again = later.get(record.path, STAT, "")
    assert again is not None
    assert again[0].__dict__ == read.__dict__
    assert again[0].model_fields_set >= {"read", "problem", "date"}
    # the record's digest and its content's, kept apart (keep_digest leaves the content's)
    assert list(later.recalled_reads(["other.md", record.path])) == [
        (record.path, STAT, True, "d" * 32, "c" * 32)
    ]
    memo.keep_read(record.path, read, has_content=False)  # no digest of what reading gave
    later = _through_json(memo)
    assert later.get(record.path, STAT, "") is not None
    assert list(later.recalled_reads([record.path])) == [(record.path, STAT, False, None, None)]


def test_a_changed_file_is_not_recalled() -> None:
    record = RECORDS[1]
    memo = FileMemo()
    memo.put(record.path, STAT, "", record, [])
    later = _through_json(memo)
    assert later.get(record.path, [*STAT[:3], STAT[3] + 1], "") is None  # ctime
    assert later.get(record.path, STAT, "manifest entry") is None
    assert later.current == {}


def _entry(record: Evidence) -> list[Any]:
    memo = FileMemo()
    memo.put(record.path, STAT, "", record, [])
    return json.loads(json.dumps(memo.current[record.path]))  # type: ignore[no-any-return]


def _damaged() -> list[tuple[str, list[Any]]]:
    good = _entry(RECORDS[1])
    row = good[2]
    cases: list[tuple[str, list[Any]]] = [
        # the layout before pass 10: the record by field name
        ("fields by name", [*good[:2], {"unit": "u", "indicators": [9]}, *good[3:]]),
        ("a value missing", [*good[:2], row[:-2] + row[-1:], *good[3:]]),
        ("a value more", [*good[:2], [*row[:-1], None, row[-1]], *good[3:]]),
        ("mask not a number", [*good[:2], [*row[:-1], "3"], *good[3:]]),
        ("mask out of range", [*good[:2], [*row[:-1], 1 << 20], *good[3:]]),
        ("date not a date", [*good[:2], [*row[:5], "09/03/2026", *row[6:]], *good[3:]]),
        ("read cut short", [*good[:5], ["ok"]]),
        ("entry cut short", good[:4]),
        ("not a list", "u/o/b.pdf"),  # type: ignore[list-item]
    ]
    return cases


@pytest.mark.parametrize(("label", "entry"), _damaged(), ids=[c[0] for c in _damaged()])
def test_an_entry_of_another_layout_is_not_used(label: str, entry: list[Any]) -> None:
    memo = FileMemo({"u/o/b.pdf": entry})
    assert memo.get("u/o/b.pdf", STAT, "") is None
    assert memo.current == {}  # mapped again, and kept afresh


def test_a_memo_of_the_earlier_layout_is_not_loaded(tmp_path: Path) -> None:
    """The memo is stored for the run's base key and the entries' layout: one stored by an
    rnq that kept records by field name (for the base key alone) is not read at all."""
    cache = Cache(tmp_path / "extract.sqlite3")
    old = {"u/a.md": [STAT, "", {"unit": "u"}, [], None, None]}
    cache.put_memo("files\x00/ws", "base", old)
    assert cache.get_memo("files\x00/ws", FileMemo.inputs("base")) == {}
    assert FileMemo.inputs("base") != FileMemo.inputs("other base")
    assert FILE_MEMO_LAYOUT in FileMemo.inputs("base")
    assert ",".join(Evidence.model_fields) in FILE_MEMO_LAYOUT  # a field added: a new layout
    cache.close()


def test_the_store_recalls_files_in_one_loop(tmp_path: Path) -> None:
    cache = Cache(tmp_path / "extract.sqlite3")
    store = DocumentStore(cache, 1, "facts-1")
    files = [
        (str(tmp_path / "a.md"), (10, 20, 30, 40), True, "c" * 32),
        (str(tmp_path / "b.csv"), [11, 21, 31, 41], False, None),
    ]
    recalled = list(store.recall(files))
    version = store.extractor.cache_version
    for (absolute, stat, has_content, content), (loader, content_key, facts) in zip(
        files, recalled, strict=True
    ):
        key = FileKey(absolute, *stat)
        assert content_key == _content_key(key, version, content)
        assert (loader is not None) == has_content
        assert not facts  # nothing stored: loaded, empty
    assert recalled[0][1] == f"\x00{'c' * 32}\x1f{version}"  # what was read, not where
    assert recalled[1][1].startswith(f"{tmp_path / 'b.csv'}\x1f11\x1f21\x1f31\x1f41\x1f")
    keys = [FileKey(a, *s) for a, s, _h, _c in files]
    assert [k for k, _lazy in store._pending] == keys
    assert all(type(k) is FileKey for k, _lazy in store._pending)
    assert [(k, n) for k, _lazy, n in store._facts] == [(k, -1) for k in keys]
    store.close()
    cache.close()


def test_rebuilt_records_share_the_defaults_strings() -> None:
    """50 000 records rebuilt hold one "filesystem", one "path" and one "ok", not a decoded
    copy each (3 MB a run after an edit)."""
    memo = FileMemo()
    for name in ("u/a.md", "u/b.md"):
        record = Evidence(path=name, unit="u")
        memo.put(name, STAT, "", record, [])
        memo.keep_read(name, record.model_copy(update={"read": "ok"}), has_content=True)
    later = _through_json(memo)
    first, second = (later.get(name, STAT, "") for name in ("u/a.md", "u/b.md"))
    assert first is not None and second is not None
    for field in ("mapped_by", "collector", "read"):
        assert getattr(first[0], field) is getattr(second[0], field)
    assert first[0].collector is Evidence.model_fields["collector"].default
    assert (first[0].mapped_by, first[0].read) == ("path", "ok")
