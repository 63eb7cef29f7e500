"""A run after an edit rebuilds the evidence of unchanged files from what the run before
remembered (:class:`rnq.collect.filesystem.FileMemo`),
without mapping or looking them up again: every record must be the one a run that maps and
looks up every file builds — fields, content key, text, rows and stored answers — whatever
changed (a file edited, added, removed or touched, a manifest, an unreadable file)."""

from __future__ import annotations

import datetime as dt
import importlib
import os
import shutil
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import rnq
from rnq.collect.collectors import CollectContext
from rnq.timeouts import Watchdog
from rnq.workspace.config import load
from rnq.workspace.walk import locate

from .extract.files import pdf_bytes, write_docx
from .test_rerun_items import CONFIG, FILES

TODAY = dt.date(2026, 11, 28)
_RUN = importlib.import_module("rnq.run")

MORE = {
    # a manifest above the offering folders: the nearest manifest with a matching entry wins
    "rnq-evidence.yaml": (
        '- path: "pro/paie/*.md"\n  kind: programme\n  date: 2026-03-02\n'
        '- path: "siege/I30-*.csv"\n  valid_until: 2027-01-31\n  by: "Mme Martin"\n'
        '  note: "Enquête à chaud"\n  stakeholder: apprenants\n'
        '- path: "nulle-part-*.md"\n  kind: cv\n'  # describes no file: a problem
    ),
    "pro/notes/referent.md": (
        "---\nkind: handicap\ndate: 2026-01-10\nstakeholder: apprenants\n---\n"
        "# Référent handicap\n\nMme Martin, référente handicap.\n"
    ),
    "pro/notes/casse.md": "---\nkind: [cv\n---\n# Front matter cassé\n",
    "siege/I17-salle.pdf": b"%PDF-1.4 rien de lisible",  # unreadable
    "siege/I22-entretiens.docx": b"PK\x03\x04 pas un docx",  # unreadable
    "siege/I30-enquete.csv": "date;note\n02/10/2026;bien\n",
    "divers/photo.png": b"\x89PNG\r\n\x1a\n",
}


class Twice:
    """A plugin returning a second record of a workspace file (another unit), as the
    filesystem's, and one of another file as its own: each file is read once, every record of
    it gets its content."""

    @rnq.hookimpl
    def rnq_collect_evidence(self, context: CollectContext) -> list[rnq.Evidence]:
        return [
            rnq.Evidence(
                path="pro/compta/I01-programme.md",
                unit="siege",
                indicators=(1, 19),
                kind="programme",
                # its own date: what reading the file gave is kept for rnq's record alone
                date=dt.date(2025, 5, 5),
                collector="filesystem",
                mapped_by="plugin",
            ),
            rnq.Evidence(
                path="siege/I30-enquete.csv",
                unit="siege",
                indicators=(30,),
                kind="enquete",
                date=dt.date(2026, 10, 3),
                collector="twice",
                mapped_by="plugin",
            ),
        ]


def _describe(items: Iterable[rnq.Evidence]) -> list[tuple[Any, ...]]:
    """What a piece of evidence holds: its fields, content key, content and stored answers."""
    return [
        (
            tuple(e.__dict__.items()),
            e.content_key,
            e.text,
            e.rows,
            sorted((e.facts or {}).items()),
        )
        for e in items
    ]


def _content_keys(found: dict[str, Any]) -> dict[str, str]:
    """The content key of each piece of evidence :func:`_gather` found, by path."""
    return {dict(e[0])["path"]: e[1] for e in found["evidence"]}


def _gather(root: Path, cache: Path | None, *, memos: bool = True) -> dict[str, Any]:
    """Collect and read ``root`` as a run does, and what it gave; with ``memos``, what the run
    before remembered of each file is used (and this run's is kept for the next)."""
    options = rnq.RunOptions(
        today=TODAY,
        load_entrypoints=False,
        cache_dir=cache,
        use_cache=cache is not None,
        extra_plugins=(Twice(),),
        workers=1,
    )
    workspace = load(root)
    with Watchdog(None) as watchdog:
        setting = _RUN._setting(workspace, options)
        store_cache = _RUN._open_cache(options)
        walked, kept = None, None
        if store_cache is not None:
            _key, walked, _reused, items = _RUN._reuse(setting, options, store_cache)
            if memos and items is not None:
                kept = _RUN._Memos.load(store_cache, setting.workspace.root, items, walked)
        collected, evidence, store = _RUN._gather(
            setting, options, watchdog, store_cache, walked, kept
        )
        found = {
            "evidence": _describe(evidence),
            "unmapped": _describe(collected.unmapped),
            "problems": [(p.path, p.line, p.message) for p in collected.problems],
            "known": len(kept.files.known) if kept is not None else 0,
            "recalled": sum(kept.files.recalled_read(p) is not None for p in kept.files.current)
            if kept is not None
            else 0,
        }
        store.save_facts()
        if kept is not None and store_cache is not None:
            kept.save(store_cache, setting.workspace.root)
        store.close()
    return found


def _edits(root: Path) -> Iterable[str]:
    """One change at a time, as a quality officer makes them; says which."""
    (root / "pro/paie/I01-programme.md").write_text("# Paie\n\nDurée : 14 heures.\n", "utf-8")
    yield "content"
    (root / "pro/compta/I04-analyse-besoin.md").write_text("# Analyse\n\nBesoins.\n", "utf-8")
    yield "new file"
    (root / "siege/I23-veille-legale-2026-10-01.md").unlink()
    yield "removed file"
    target = root / "pro/notes/referent.md"
    info = target.stat()
    os.utime(target, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000_000))
    yield "touched"
    target = root / "pro/notes/referent.md"
    info = target.stat()
    text = target.read_text("utf-8")
    target.write_text(text.replace("2026-01-10", "2026-02-10"), "utf-8")  # as many bytes
    os.utime(target, ns=(info.st_atime_ns, info.st_mtime_ns))  # the time put back
    assert target.stat().st_size == info.st_size
    yield "same size, modification time put back"
    write_docx(root / "pro/compta/I11-evaluation.docx", ["Évaluation des acquis."])
    yield "new document with a metadata date"
    (root / "rnq-evidence.yaml").write_text(
        '- path: "pro/paie/*.md"\n  kind: programme\n  date: 2026-04-03\n', "utf-8"
    )
    yield "manifest above the folders"
    (root / "pro/rnq-evidence.yaml").unlink()
    yield "manifest removed"
    (root / "siege/I17-salle.pdf").write_bytes(pdf_bytes(["Salle accessible."]))
    yield "unreadable file mended"


def test_records_after_each_edit_are_those_of_a_run_that_maps_every_file(
    write_workspace: Callable[..., Path], tmp_path: Path
) -> None:
    root = write_workspace(CONFIG, {**FILES, **MORE})
    write_docx(root / "siege/I22-plan-competences.docx", ["Plan de développement."])
    # a name that is not UTF-8: shown escaped (« r\\xe9sultats »), found on disk again
    raw = os.path.join(os.fsencode(root), b"siege", b"I02-r\xe9sultats-2026.md")
    with open(raw, "wb") as handle:
        handle.write("# Résultats\n\nTaux de satisfaction : 92 %.\n".encode())
    cache = tmp_path / "cache"
    first = _gather(root, cache)
    assert first["known"] == first["recalled"] == 0  # nothing known yet
    assert sum(("read", "error") in e[0] for e in first["evidence"]) == 2  # the unreadable
    escaped = [e for e in first["evidence"] if "\\xe9" in dict(e[0])["path"]]
    assert escaped and escaped[0][2] is not None and "92 %" in escaped[0][2]
    before = _content_keys(first)
    for done in _edits(root):
        again = _gather(root, cache)
        assert again["known"] > 0, done  # the files of the run before were remembered
        # and most were recalled as read, not looked up again
        assert again["recalled"] > len(again["evidence"]) // 2, done
        keys = _content_keys(again)
        if done == "touched":  # the same content: the same key, the checks are not run again
            assert keys["pro/notes/referent.md"] == before["pro/notes/referent.md"]
            assert keys["pro/notes/referent.md"].startswith("\x00")
        before = keys
        mapped = _gather(root, cache, memos=False)  # every file mapped and looked up
        assert again == {**mapped, "known": again["known"], "recalled": again["recalled"]}, done
        shutil.rmtree(tmp_path / "fresh", ignore_errors=True)
        fresh = _gather(root, tmp_path / "fresh")  # a cold run: every file read
        assert [e[:4] for e in again["evidence"]] == [e[:4] for e in fresh["evidence"]], done
        for ours, theirs in zip(again["evidence"], fresh["evidence"], strict=True):
            # answers stored for the content: the same where both runs have one (the questions
            # planned for a file depend on its mapping, and missing answers are worked out
            # when a check asks)
            common = dict(ours[4]).keys() & dict(theirs[4]).keys()
            assert {k: dict(ours[4])[k] for k in common} == {
                k: dict(theirs[4])[k] for k in common
            }, done
        assert again["problems"] == fresh["problems"], done
        for e in again["evidence"]:
            fields = dict(e[0])
            if e[1].startswith("\x00"):  # what reading gave (a digest), and the version
                digest, _version = e[1][1:].split("\x1f")
                assert len(digest) == 32 and int(digest, 16) >= 0, done
                continue
            # else the file's path and stat, and the extractor's version
            path, size, mtime, inode, ctime, _version = e[1].split("\x1f")
            info = locate(root, fields["path"]).stat()
            assert path == os.path.abspath(locate(root, fields["path"])), done
            assert [size, mtime, inode, ctime] == [
                str(n) for n in (info.st_size, info.st_mtime_ns, info.st_ino, info.st_ctime_ns)
            ], done
        without = _gather(root, None)  # no cache: same fields and content
        assert [(e[0], e[2], e[3]) for e in again["evidence"]] == [
            (e[0], e[2], e[3]) for e in without["evidence"]
        ], done
