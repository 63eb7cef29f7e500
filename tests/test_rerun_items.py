"""A run after a change runs again only the checks whose evidence or inputs changed
(rnq.engine.reuse), and its report is the same, byte for byte, as a full run's without a
cache: one change at a time — a file's content, its modification time, a new file, a removed
file, rnq.yaml, the date, a plugin's export, a workspace check."""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import shutil
import sqlite3
import zlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pytest

import rnq
from rnq.collect.collectors import CollectContext
from rnq.text import Localized

from .conftest import EXAMPLE

TODAY = dt.date(2026, 11, 28)

CONFIG = """\
version: 1
organization: {name: "Organisme test"}
categories: [AF]
audit: {type: renewal, date: 2026-12-15}
units:
  - {id: siege, name: "Siège", central: true}
  - id: pro
    name: "Pôle pro"
    collectors:
      - {use: liste, path: exports/liste.csv}
    offerings:
      - {id: compta, title: "Comptabilité"}
      - {id: paie, title: "Paie"}
"""
FILES = {
    "siege/I31-procedure-reclamations.md": (
        "# Procédure de traitement des réclamations\n\nToute réclamation est enregistrée, "
        "un accusé de réception est envoyé sous 48 heures et une réponse sous 10 jours.\n"
    ),
    "siege/I23-veille-legale-2026-10-01.md": "# Veille légale\n\nDécret 2026-728 analysé.\n",
    "pro/compta/I01-programme.md": (
        "# Comptabilité\n\nObjectifs : tenir une comptabilité. Durée : 35 heures. "
        "Tarif : 1 200 € HT. Modalités d'accès : entretien préalable.\n"
    ),
    "pro/paie/I01-programme.md": "# Paie\n\nObjectifs : établir une paie.\n",
    "pro/compta/I05-objectifs.md": (
        "# Objectifs\n\nÀ l'issue, le stagiaire sait tenir un journal.\n"
    ),
    "pro/rnq-evidence.yaml": (
        '- path: "*/support-*.md"\n  kind: programme\n  indicators: [1, 6]\n'
    ),
    "pro/compta/support-cours.md": "# Support\n\nContenus : journal, grand livre, bilan.\n",
    "pro/exports/liste.csv": "id;date;objet\n1;02/10/2026;retard du formateur\n",
    # the unit's catalogue: its section about each offering counts for that offering
    "pro/I01-catalogue-2026.md": (
        "# Catalogue 2026\n\n## Comptabilité\n\nObjectifs : tenir une comptabilité. Durée : "
        "35 heures.\n\n## Paie\n\nObjectifs : établir une paie.\n"
    ),
}


class Liste:
    """A collector plugin reading an export of the workspace (as the CRM plugin does)."""

    @rnq.hookimpl
    def rnq_register_collectors(self) -> dict[str, Any]:
        def collect(context: CollectContext) -> Iterable[rnq.Evidence]:
            path = context.path(context.settings["path"])
            lines = path.read_text(encoding="utf-8").splitlines()[1:]
            for number, line in enumerate(lines, 2):
                rid, day, subject = line.split(";")
                yield rnq.Evidence(
                    path=f"liste:{rid}",
                    unit=context.unit.id if context.unit else "siege",
                    indicators=(31,),
                    kind="reclamation",
                    date=dt.datetime.strptime(day, "%d/%m/%Y").date(),
                    note=f"Réclamation {rid} (ligne {number}) : {subject}",
                    mapped_by="plugin",
                    collector="liste",
                )

        return {"liste": collect}


def _run(root: Path, cache: Path | None, **options: Any) -> tuple[bytes, list[Localized]]:
    told: list[Localized] = []
    settings: dict[str, Any] = {
        "today": TODAY,
        "load_entrypoints": False,
        "cache_dir": cache,
        "use_cache": cache is not None,
        "progress": told.append,
        "extra_plugins": (Liste(),),
        **options,
    }
    report = rnq.run(root, rnq.RunOptions(**settings))
    return report.to_json().encode(), told


def _reused(told: list[Localized]) -> int:
    said = [t.en for t in told if "taken from the previous run" in t.en]
    return int(said[0].split()[0]) if said else 0


def _touch(path: Path) -> None:
    info = path.stat()
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000_000))


CHANGES: dict[str, Callable[[Path], dict[str, Any]]] = {}


def change(name: str) -> Callable[[Callable[[Path], dict[str, Any]]], Any]:
    def register(func: Callable[[Path], dict[str, Any]]) -> Any:
        CHANGES[name] = func
        return func

    return register


@change("content")
def _content(root: Path) -> dict[str, Any]:
    (root / "pro/paie/I01-programme.md").write_text(
        "# Paie\n\nObjectifs : établir une paie. Durée : 14 heures. Tarif : 600 € HT.\n",
        encoding="utf-8",
    )
    return {}


@change("mtime")
def _mtime(root: Path) -> dict[str, Any]:
    _touch(root / "pro/compta/I05-objectifs.md")
    return {}


@change("new file")
def _new(root: Path) -> dict[str, Any]:
    (root / "pro/paie/I05-objectifs.md").write_text(
        "# Objectifs\n\nÀ l'issue, le stagiaire sait établir un bulletin de paie.\n",
        encoding="utf-8",
    )
    return {}


@change("unit file")
def _unit_file(root: Path) -> dict[str, Any]:
    # Left in the unit's folder, outside every offering's: the presence check of each offering
    # now names it (it reads all the evidence only when an offering has none).
    (root / "pro/I04-analyse-du-besoin.md").write_text(
        "# Analyse du besoin\n\nEntretien préalable avec chaque stagiaire.\n", encoding="utf-8"
    )
    return {}


@change("own report")
def _own_report(root: Path) -> dict[str, Any]:
    # A report rnq wrote inside the workspace is never evidence, in a run that remembers the
    # files as in a full one (recognised by its first bytes, then remembered with the file).
    (root / "pro/compta/rapport-I01.json").write_text(
        '{"schema": "rnq.report/2", "indicators": []}', encoding="utf-8"
    )
    (root / "pro/compta/I01-programme.md").write_text(
        "# Rapport pré-audit Qualiopi\n\nObjectifs, durée, tarif.\n", encoding="utf-8"
    )
    return {}


@change("catalogue")
def _catalogue(root: Path) -> dict[str, Any]:
    # The unit's catalogue, not the offering's folder, now gives the Paie offering its price
    # and duration: the offering's checks read it through the catalogue's sections
    # (offer_sections, declared sees="unit_documents"), so they run again though their folder
    # is as it was.
    catalogue = root / "pro/I01-catalogue-2026.md"
    text = catalogue.read_text(encoding="utf-8")
    catalogue.write_text(
        text.replace(
            "Objectifs : établir une paie.",
            "Objectifs : établir une paie. Durée : 14 heures. Tarif : 600 € HT. Modalités "
            "d'accès : entretien préalable. Délai d'accès : 15 jours. Accessibilité : nous "
            "consulter.",
        ),
        encoding="utf-8",
    )
    return {}


@change("removed file")
def _removed(root: Path) -> dict[str, Any]:
    (root / "siege/I23-veille-legale-2026-10-01.md").unlink()
    return {}


@change("rnq.yaml")
def _config(root: Path) -> dict[str, Any]:
    config = (root / "rnq.yaml").read_text(encoding="utf-8")
    (root / "rnq.yaml").write_text(config.replace('"Paie"', '"Paie et social"'), encoding="utf-8")
    return {}


@change("manifest")
def _manifest(root: Path) -> dict[str, Any]:
    manifest = root / "pro/rnq-evidence.yaml"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(text.replace("[1, 6]", "[6, 19]"), encoding="utf-8")
    return {}


@change("front matter")
def _front_matter(root: Path) -> dict[str, Any]:
    (root / "pro/paie/I01-programme.md").write_text(
        "---\nindicators: [1, 2]\ndate: 2026-09-01\n---\n# Paie\n\nObjectifs : établir une paie.\n",
        encoding="utf-8",
    )
    return {}


@change("date")
def _date(root: Path) -> dict[str, Any]:
    return {"today": TODAY + dt.timedelta(days=200)}


@change("plugin export")
def _export(root: Path) -> dict[str, Any]:
    with (root / "pro/exports/liste.csv").open("a", encoding="utf-8") as export:
        export.write("2;03/11/2026;facture erronée\n")
    return {}


@change("workspace check")
def _check(root: Path) -> dict[str, Any]:
    checks = root / "checks" / "check_maison.py"
    checks.write_text(
        checks.read_text(encoding="utf-8").replace("assert True", "assert False, 'autre'"),
        encoding="utf-8",
    )
    return {}


@change("empty offering folder")
def _folder(root: Path) -> dict[str, Any]:
    shutil.rmtree(root / "pro/paie")
    return {}


@pytest.mark.parametrize("name", sorted(CHANGES))
def test_a_run_after_one_change_is_a_full_runs_report(
    write_workspace: Callable[..., Path], tmp_path: Path, name: str
) -> None:
    config = CONFIG + "checks: [checks]\n"
    files = {
        **FILES,
        "checks/check_maison.py": (
            "import rnq\n\n\n@rnq.mark.indicator(32)\ndef check_maison(unit):\n"
            '    """Une vérification maison."""\n    assert True\n'
        ),
    }
    root = write_workspace(config, files)
    cache = tmp_path / "cache"
    first, _ = _run(root, cache)
    assert b"plugin:liste" not in first and b"liste:1" in first  # the export was read
    options = CHANGES[name](root)
    again, told = _run(root, cache, **options)
    full, _ = _run(root, None, **options)
    assert again == full
    if name in {"content", "mtime", "new file", "removed file", "plugin export", "front matter"} | {
        "unit file",
        "catalogue",
    }:
        assert again != first or name == "mtime"
        assert _reused(told) > 0  # the checks of the other targets were not run again
    if name == "own report":  # the programme rewritten as rnq's report is no evidence now
        assert b"pro/compta/I01-programme.md" in first
        assert b"pro/compta/I01-programme.md" not in again
        assert b"rapport-I01.json" not in again
    if name in {"rnq.yaml", "date", "workspace check"}:
        assert _reused(told) == 0  # an input of every check changed
    third, told = _run(root, cache, **options)
    assert third == full


def test_the_example_after_one_edit_is_a_full_runs_report(tmp_path: Path) -> None:
    """The example with its plugins: one document edited, one export changed; each time the
    report is the bytes of a run without a cache, and most checks are taken from the run
    before."""
    from .test_example import _plugins

    root = tmp_path / "ws"
    shutil.copytree(EXAMPLE, root)
    plugins = _plugins()
    cache = tmp_path / "cache"

    def run(use_cache: bool) -> tuple[bytes, list[Localized]]:
        told: list[Localized] = []
        report = rnq.run(
            root,
            rnq.RunOptions(
                today=TODAY,
                load_entrypoints=False,
                cache_dir=cache,
                use_cache=use_cache,
                progress=told.append,
                extra_plugins=plugins,
            ),
        )
        return report.to_json().encode(), told

    run(True)
    sheet = root / "scolaire/preparation-daeu/fiche-programme.md"
    sheet.write_text(sheet.read_text(encoding="utf-8") + "\nMise à jour.\n", encoding="utf-8")
    again, told = run(True)
    assert _reused(told) > 0
    assert again == run(False)[0]
    export = next(root.glob("pro/exports/reclamations-*.csv"))
    export.write_bytes(export.read_bytes().rstrip(b"\r\n").rsplit(b"\n", 1)[0] + b"\n")
    again, told = run(True)
    assert _reused(told) > 0
    assert again == run(False)[0]


def test_findings_that_cannot_be_written_are_not_kept() -> None:
    """A finding JSON cannot hold (a lone surrogate) is simply not kept: the item runs again
    next time, the run goes on."""
    from rnq.engine.findings import Finding
    from rnq.engine.reuse import ItemMemo

    memo = ItemMemo("base", "listing")
    bad = Finding(
        id="x", check="c", indicator=1, outcome="gap", message=Localized.same("nom \udcff")
    )
    memo.keep("uo01", "k1", [bad])
    good = bad.model_copy(update={"message": Localized.same("nom")})
    memo.keep("uo01", "k2", [good])
    [(key, group)] = memo.added()
    assert key == memo.group_key("uo01")
    assert list(json.loads(group)) == ["k2"]


def test_items_are_kept_by_group_and_only_changed_groups_written() -> None:
    """The findings of the check items are kept one row per group (a target unit, or the
    whole run): a run writes back the groups where an item ran or whose items are not those
    stored, each with this run's items only; a group stored under another base is not read."""
    from rnq.engine.findings import Finding
    from rnq.engine.reuse import ItemMemo

    stored: dict[str, bytes] = {}

    def load(keys: list[str]) -> dict[str, bytes]:
        return {key: stored[key] for key in keys if key in stored}

    def finding(text: str) -> Finding:
        return Finding(id=text, check="c", indicator=1, outcome="gap", message=Localized.same(text))

    first = ItemMemo("base", "listing", load)
    first.prefetch(["pro", "lyon", ""])
    for group, key in (("pro", "p1"), ("pro", "p2"), ("lyon", "l1"), ("", "r1")):
        assert first.get(group, key, lambda: "all") is None
        first.keep(group, key, [finding(key)], "all" if key == "r1" else None)
    stored.update(first.added())
    assert len(stored) == 3

    again = ItemMemo("base", "listing", load)
    again.prefetch(["pro", "lyon", ""])
    assert again.get("lyon", "l1", lambda: "all") == [finding("l1")]
    assert again.get("pro", "p1", lambda: "all") == [finding("p1")]
    assert again.get("", "r1", lambda: "changed") is None  # it read all the evidence
    again.keep("", "r1", [finding("r1 again")], "changed")
    assert again.get("pro", "p3", lambda: "all") is None  # p2 is gone, p3 is new
    again.keep("pro", "p3", [finding("p3")])
    written = dict(again.added())
    assert written.keys() == {again.group_key("pro"), again.group_key("")}  # not lyon's
    assert list(json.loads(written[again.group_key("pro")])) == ["p1", "p3"]
    assert json.loads(written[again.group_key("")])["r1"][0] == "changed"
    assert (again.reused, again.ran) == (2, 2)

    other = ItemMemo("another base", "listing", load)
    other.prefetch(["pro", "lyon", ""])
    assert other.get("lyon", "l1", lambda: "all") is None


def test_an_edit_in_one_unit_runs_no_item_of_another(
    write_workspace: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What a fixture reads is what it declares: the offerings' checks read their unit's
    catalogues through ``offer_sections`` (``sees="unit_documents"``), which reads every piece of
    evidence once for all of them; the item that first asks for it does not depend on all the
    evidence for that. An edit in one unit then runs no item of the other unit (but for those
    that read every piece of evidence themselves: the presence check of a target without
    evidence, the certificate display)."""
    from rnq.engine import session

    root = write_workspace(CONFIG + LYON, {**FILES, "lyon/excel/I01-programme.md": "# Excel\n"})
    cache = tmp_path / "cache"
    _run(root, cache)
    ran: list[tuple[str | None, str]] = []
    original = session.run_item

    def watched(item: Any, *args: Any, **kwargs: Any) -> Any:
        ran.append((item.target_key[0], item.check.name.rpartition("::")[2]))
        return original(item, *args, **kwargs)

    monkeypatch.setattr(session, "run_item", watched)
    (root / "lyon/excel/I01-programme.md").write_text("# Excel\n\nDurée : 7 h.\n", "utf-8")
    again, _ = _run(root, cache)
    monkeypatch.undo()
    assert again == _run(root, None)[0]
    readers = {"check_evidence_present"}  # reads every piece where a target has none
    assert ran and all(unit in ("lyon", None) or name in readers for unit, name in ran), ran


def test_an_edit_in_one_offering_runs_no_catalogue_item_of_another(
    write_workspace: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``offer_sections`` is declared ``sees="unit_documents"``: its answer for an offering
    depends on the documents of the unit and of the central function that belong to no
    offering (the catalogues). An edit in one offering's folder runs again that offering's
    checks, not those of the unit's other offerings; declared ``sees="unit"`` (every piece of
    the unit's evidence), they run again too."""
    from rnq.checks import helpers
    from rnq.engine import session

    def offerings_run(declared: str) -> set[str]:
        root = write_workspace(CONFIG, FILES)
        cache = tmp_path / f"cache-{declared}"
        monkeypatch.setattr(helpers.offer_sections, "__rnq_sees__", declared)
        _run(root, cache)
        ran: list[str] = []
        original = session.run_item

        def watched(item: Any, *args: Any, **kwargs: Any) -> Any:
            if item.offering is not None and "offer_sections" in item.check.argnames:
                ran.append(item.offering.id)
            return original(item, *args, **kwargs)

        with monkeypatch.context() as patched:
            patched.setattr(session, "run_item", watched)
            _content(root)
            again, told = _run(root, cache)
        assert _reused(told) > 0
        assert again == _run(root, None)[0]
        shutil.rmtree(root)
        return set(ran)

    assert offerings_run("unit_documents") == {"paie"}
    assert offerings_run("unit") == {"compta", "paie"}


def test_items_of_another_version_or_damaged_are_not_read(
    write_workspace: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A group of items stored by another version of the stored form (ITEM_KEY_VERSION),
    or damaged, is never read: its items run again and the report is a full run's. The table
    of the versions that kept one row per item is dropped when the cache is opened."""
    from rnq.cache.store import Cache
    from rnq.engine import reuse

    root = write_workspace(CONFIG, FILES)
    cache = tmp_path / "cache"
    with monkeypatch.context() as patched:
        patched.setattr(reuse, "ITEM_KEY_VERSION", "3")
        _run(root, cache)
    edited = root / "pro/paie/I01-programme.md"
    edited.write_text("# Paie\n\nDurée : 7 heures.\n", encoding="utf-8")
    again, told = _run(root, cache)
    assert _reused(told) == 0  # stored under the other version's keys
    assert again == _run(root, None)[0]

    # every group damaged: a blob that is not zlib, JSON of another shape, a broken finding
    damaged = [b"not zlib", zlib.compress(b'{"k": 1}'), zlib.compress(b'{"k": ["-", [{}]]}')]
    with sqlite3.connect(cache / "extract.sqlite3") as db:
        keys = [key for (key,) in db.execute("SELECT key FROM item_groups")]
        for number, key in enumerate(keys):
            blob = damaged[number % len(damaged)]
            db.execute("UPDATE item_groups SET findings = ? WHERE key = ?", (blob, key))
        db.execute("CREATE TABLE items (key TEXT PRIMARY KEY, stored_ns, findings)")
        db.execute("INSERT INTO items VALUES ('k', 0, x'00')")
    edited.write_text("# Paie\n\nDurée : 14 heures.\n", encoding="utf-8")
    again, told = _run(root, cache)
    assert _reused(told) == 0
    assert again == _run(root, None)[0]
    Cache(cache / "extract.sqlite3").close()
    with sqlite3.connect(cache / "extract.sqlite3") as db:
        tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master")}
    assert "items" not in tables and "item_groups" in tables
    edited.write_text("# Paie\n\nDurée : 21 heures.\n", encoding="utf-8")
    again, told = _run(root, cache)
    assert _reused(told) > 0  # the groups were written again
    assert again == _run(root, None)[0]


def test_memos_are_written_back_by_shard(tmp_path: Path) -> None:
    """What a run remembers of each file is kept in shards: after one edit only the shard of
    that file is written, and reading the memo back gives every entry as the run left it."""
    from rnq.cache.store import Cache
    from rnq.extract.shards import MEMO_SHARDS, changed_shards, memo_shard

    paths = [f"uo{u:02d}/off{o:03d}/I01-programme.md" for u in range(4) for o in range(50)]
    known = {path: [[1, 2, 3, 4], path] for path in paths}
    cache = Cache(tmp_path / "c.sqlite3")
    cache.put_memo("files\x00/ws", "base-1", known)
    assert cache.get_memo("files\x00/ws", "base-1") == known
    assert cache.get_memo("files\x00/ws", "base-2") == {}  # stored for other inputs

    current = dict(known)  # a run keeps the entries it reused as the same objects
    edited, gone = paths[7], paths[99]
    current[edited] = [[1, 2, 3, 5], edited]
    del current[gone]
    shards = changed_shards(known, current)
    assert shards == {memo_shard(edited), memo_shard(gone)}
    assert len({memo_shard(p) for p in paths}) > 2 * len(shards)  # the others are not written
    cache.put_memo("files\x00/ws", "base-1", current, shards)
    assert cache.get_memo("files\x00/ws", "base-1") == current
    assert 0 <= memo_shard(gone) < MEMO_SHARDS


#: Sentences a provider's documents hold, some stating a requirement, some not.
SENTENCES = (
    "Objectifs : à l'issue, le stagiaire sait établir un bilan.",
    "Durée : 21 heures. Tarif : 900 € HT.",
    "Modalités d'accès : entretien préalable et test de positionnement.",
    "Évaluation des acquis en cours et en fin de formation.",
    "Référente handicap : Mme Martin, accessibilité des locaux.",
    "Document en cours de rédaction.",
    "Les réclamations sont traitées sous 10 jours ; un registre les consigne.",
)
PLACES = ("siege", "pro", "pro/compta", "pro/paie", "lyon", "lyon/excel")
#: A second unit: an edit there changes nothing the first unit's checks see, but for the checks
#: that read every piece of evidence.
LYON = """\
  - id: lyon
    name: "Site de Lyon"
    offerings:
      - {id: excel, title: "Excel avancé"}
"""
NAMES = ("I01-programme", "I04-analyse-besoin", "I11-evaluation", "I26-handicap", "I31-suivi")


def _mutate(root: Path, pick: random.Random) -> str:
    """One random edit of the workspace, as a quality officer makes them; says which."""
    files = sorted(p for p in root.rglob("*.md") if p.is_file())
    what = pick.choice(("edit", "edit", "add", "remove", "touch", "export", "manifest"))
    if what == "edit" and files:
        target = pick.choice(files)
        target.write_text(
            f"# {target.stem}\n\n" + "\n".join(pick.sample(SENTENCES, 2)) + "\n",
            encoding="utf-8",
        )
        return f"edit {target.relative_to(root)}"
    if what == "remove" and len(files) > 3:
        target = pick.choice(files)
        target.unlink()
        return f"remove {target.relative_to(root)}"
    if what == "touch" and files:
        target = pick.choice(files)
        _touch(target)
        return f"touch {target.relative_to(root)}"
    if what == "export":
        export = root / "pro/exports/liste.csv"
        lines = export.read_text(encoding="utf-8").splitlines()
        if len(lines) > 2 and pick.random() < 0.5:
            lines.pop()
        else:
            day = pick.randint(1, 28)
            lines.append(f"{len(lines)};{day:02d}/11/2026;{pick.choice(SENTENCES)}")
        export.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return "export"
    if what == "manifest":
        manifest = root / "pro/rnq-evidence.yaml"
        numbers = pick.choice(("[1, 6]", "[6, 19]", "[1]", "[4, 8]"))
        manifest.write_text(
            f'- path: "*/support-*.md"\n  kind: programme\n  indicators: {numbers}\n',
            encoding="utf-8",
        )
        return f"manifest {numbers}"
    place, name = pick.choice(PLACES), pick.choice(NAMES)
    target = root / place / f"{name}-{pick.randint(1, 99)}.md"
    target.write_text(f"# {name}\n\n{pick.choice(SENTENCES)}\n", encoding="utf-8")
    return f"add {target.relative_to(root)}"


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_sequence_of_edits_gives_full_runs_reports(
    write_workspace: Callable[..., Path], tmp_path: Path, seed: int
) -> None:
    """Ten random edits in a row (content, new and removed files, modification times, the
    export a plugin reads, a manifest); after each, the run that reuses what did not change
    gives the report of a full run without a cache, byte for byte."""
    # a workspace check whose fixture reads every piece of evidence: it runs again on any edit
    house = (
        "import rnq\n\n\n@rnq.fixture\ndef total(all_evidence):\n    return len(all_evidence)\n"
        "\n\n@rnq.mark.indicator(32)\n@rnq.mark.parametrize('n', [1, 2])\n"
        "def check_total(unit, total, n):\n"
        '    """Le nombre de preuves de l\'espace."""\n'
        '    assert total < 0, f"{total} preuves dans l\'espace ({n})"\n'
    )  # the second item takes the fixture's value from the first: it depends on it all the same
    config = CONFIG + LYON + "checks: [checks]\n"
    files = {**FILES, "checks/check_total.py": house, "lyon/excel/I01-programme.md": "# Excel\n"}
    root = write_workspace(config, files)
    cache = tmp_path / "cache"
    _run(root, cache)
    pick = random.Random(seed)
    reused = 0
    for step in range(10):
        done = _mutate(root, pick)
        again, told = _run(root, cache)
        assert again == _run(root, None)[0], f"step {step}: {done}"
        reused += _reused(told)
    assert reused > 0


def test_item_keys_are_128_bits_and_tell_items_apart() -> None:
    """An item key is 32 hexadecimal digits (stored once per item in its group) and differs
    with what the item sees and with the run's base."""
    from types import SimpleNamespace

    from rnq.engine.reuse import ItemMemo

    check = SimpleNamespace(name="rnq.checks.x::check_x", source="x.py")
    unit = SimpleNamespace(id="pro")
    item: Any = SimpleNamespace(
        check=check, unit=unit, offering=None, params={}, indicators=(1,), param_id=None
    )
    memo = ItemMemo("base", "listing")
    key = memo.key(item, "seen")
    assert len(key) == 32 and int(key, 16) >= 0
    assert key == ItemMemo("base", "listing").key(item, "seen")
    assert key != memo.key(item, "seen again")
    assert key != ItemMemo("another base", "listing").key(item, "seen")


def test_a_file_written_again_with_the_same_content_runs_no_item_again(
    write_workspace: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file whose ``stat`` changed but not its content (a ``touch``, a checkout, a copy that
    kept the bytes) is read again, and what reading gives is the same: its content key is a
    digest of that (rnq.extract.store._content_key), so the checks that read it are not run
    again; the report is a full run's. Its content changed, they are."""
    from rnq.engine import session

    root = write_workspace(CONFIG + LYON, {**FILES, "lyon/excel/I01-programme.md": "# Excel\n"})
    cache = tmp_path / "cache"
    _run(root, cache)
    ran: list[str] = []
    original = session.run_item

    def watched(item: Any, *args: Any, **kwargs: Any) -> Any:
        ran.append(item.check.name)
        return original(item, *args, **kwargs)

    monkeypatch.setattr(session, "run_item", watched)
    _touch(root / "pro/compta/I05-objectifs.md")
    programme = root / "lyon/excel/I01-programme.md"
    programme.write_bytes(programme.read_bytes())  # written again: a new ctime and mtime
    again, told = _run(root, cache)
    assert ran == []
    assert _reused(told) > 0
    programme.write_text("# Excel\n\nDurée : 7 h.\n", "utf-8")
    changed, _ = _run(root, cache)
    assert ran  # a new content: its checks run again
    monkeypatch.undo()
    assert again == _run(root, None)[0]
    assert changed == _run(root, None)[0]


def test_a_run_after_an_edit_digests_only_what_changed(
    write_workspace: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each piece of evidence's digest (what its check items' keys are made of) is kept in the
    file memo: a run after an edit digests the edited file's piece alone, and keeps its new
    digest for the next run (only the pieces read or recalled without one are gone through)."""
    from rnq.engine import reuse

    root = write_workspace(CONFIG, FILES)
    cache = tmp_path / "cache"
    digested: list[str] = []
    real = reuse._digest

    def spy(item: rnq.Evidence) -> str:
        digested.append(item.path)
        return real(item)

    monkeypatch.setattr(reuse, "_digest", spy)
    _run(root, cache)
    assert "pro/paie/I01-programme.md" in digested and len(set(digested)) > 3
    for n in range(2):
        sheet = root / "pro/paie/I01-programme.md"
        sheet.write_text(f"# Paie\n\nObjectifs : établir une paie ({n}).\n", encoding="utf-8")
        digested.clear()
        again, told = _run(root, cache)
        assert _reused(told) > 0
        # the files' pieces (a plugin's records are digested at every run: not in the memo)
        assert {p for p in digested if (root / p).is_file()} == {"pro/paie/I01-programme.md"}
        assert again == _run(root, None)[0]
    other = root / "pro/compta/I05-objectifs.md"
    other.write_text(other.read_text(encoding="utf-8") + "\nRévisé.\n", encoding="utf-8")
    digested.clear()
    _run(root, cache)
    files = {p for p in digested if (root / p).is_file()}
    assert files == {"pro/compta/I05-objectifs.md"}, digested  # paie's new digest was kept
