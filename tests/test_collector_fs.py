"""The built-in filesystem collector, on workspaces written by the tests."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from rnq.collect import filesystem
from rnq.collect.collectors import CollectResult, collect
from rnq.collect.evidence import Evidence
from rnq.collect.filesystem import FRONT_MATTER_MAX_BYTES, collect_files
from rnq.errors import ConfigError
from rnq.plugins import get_plugin_manager
from rnq.workspace.config import load

CONFIG = """\
version: 1
organization: {name: "Organisme test"}
categories: [AF]
units:
  - {id: siege, name: "Siège", path: siege, central: true}
  - id: pro
    name: "Pôle pro"
    path: pro
    offerings:
      - {id: cap-fleuriste, title: "CAP Fleuriste"}
      - {id: paie, title: "Paie", path: offres/paie}
  - {id: langues, name: "Langues"}
checks: [checks]
plugins: [plugins/local.py]
waivers: waivers.yaml
ignore: ["**/~$*", "brouillons/", "*.tmp"]
"""

FILES: dict[str, str | bytes] = {
    "siege/veille-legale/note-2026-03-15.pdf": b"%PDF-1.4",
    "siege/I26 Référent handicap.docx": b"PK",
    "siege/procedure-qualite.pdf": b"%PDF-1.4",
    "pro/cap-fleuriste/Programme CAP Fleuriste.pdf": b"%PDF-1.4",
    "pro/offres/paie/fiche-formation.pdf": b"%PDF-1.4",
    "pro/I31-reclamations/registre.csv": "date de réception;objet\n",
    "pro/notes/referent.md": """\
        ---
        indicators: [26]
        kind: handicap
        date: 2026-01-10
        ---
        # Référente handicap
        """,
    "pro/rnq-evidence.yaml": """\
        - path: "notes/*.md"
          indicators: [30]
          stakeholder: apprenants
        - path: "divers/**"
          indicators: [22]
          kind: plan-competences
          date: 2026-02-01
        """,
    "pro/divers/entretiens.xlsx": b"PK",
    "langues/scan0001.pdf": b"%PDF-1.4",
    "README.md": "# Preuves\n",
    "checks/check_house.py": "def check_x():\n    pass\n",
    "checks/regles.md": "Nos règles maison.\n",
    "plugins/local.py": "\n",
    "waivers.yaml": "[]\n",
    "brouillons/programme.pdf": b"%PDF",
    "pro/~$Programme.docx": b"lock",
    "pro/programme.tmp": b"x",
}


def _collect(root: Path) -> tuple[dict[str, Evidence], CollectResult]:
    workspace = load(root)
    result = collect(workspace, get_plugin_manager(load_entrypoints=False))
    records = {e.path: e for e in [*result.evidence, *result.unmapped]}
    return records, result


def _tree_hash(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        digest.update(path.relative_to(root).as_posix().encode())
        if path.is_file() and not path.is_symlink():
            digest.update(path.read_bytes())
    return digest.hexdigest()


@pytest.fixture
def workspace(write_workspace: Callable[..., Path]) -> Path:
    return write_workspace(CONFIG, FILES)


def test_every_file_is_mapped_or_listed(workspace: Path) -> None:
    records, result = _collect(workspace)
    assert sorted(records) == [
        "README.md",
        "checks/regles.md",
        "langues/scan0001.pdf",
        "pro/I31-reclamations/registre.csv",
        "pro/cap-fleuriste/Programme CAP Fleuriste.pdf",
        "pro/divers/entretiens.xlsx",
        "pro/notes/referent.md",
        "pro/offres/paie/fiche-formation.pdf",
        "siege/I26 Référent handicap.docx",
        "siege/procedure-qualite.pdf",
        "siege/veille-legale/note-2026-03-15.pdf",
    ]
    unmapped = {e.path for e in result.unmapped}
    assert unmapped == {
        "README.md",
        "checks/regles.md",
        "langues/scan0001.pdf",
        "siege/procedure-qualite.pdf",
    }
    assert all(e.indicators for e in result.evidence)
    assert all(e.read == "not_read" and e.collector == "filesystem" for e in records.values())


def test_units_and_offerings(workspace: Path) -> None:
    records, _ = _collect(workspace)
    where = {path: (e.unit, e.offering) for path, e in records.items()}
    assert where["siege/I26 Référent handicap.docx"] == ("siege", None)
    assert where["pro/cap-fleuriste/Programme CAP Fleuriste.pdf"] == ("pro", "cap-fleuriste")
    assert where["pro/offres/paie/fiche-formation.pdf"] == ("pro", "paie")
    assert where["pro/I31-reclamations/registre.csv"] == ("pro", None)
    assert where["langues/scan0001.pdf"] == ("langues", None)  # folder defaults to the id
    assert where["README.md"] == ("siege", None)  # outside every unit: the central unit
    assert where["checks/regles.md"] == ("siege", None)  # only the Python files are code


def test_mapping_sources(workspace: Path) -> None:
    records, _ = _collect(workspace)
    programme = records["pro/cap-fleuriste/Programme CAP Fleuriste.pdf"]
    assert (programme.kind, programme.indicators, programme.mapped_by) == (
        "programme",
        (1,),
        "path",
    )
    veille = records["siege/veille-legale/note-2026-03-15.pdf"]
    assert (veille.kind, veille.indicators, veille.date) == (
        "veille-legale",
        (23,),
        dt.date(2026, 3, 15),
    )
    handicap = records["siege/I26 Référent handicap.docx"]
    assert (handicap.indicators, handicap.kind) == ((26,), "handicap")
    complaints = records["pro/I31-reclamations/registre.csv"]
    assert (complaints.indicators, complaints.kind) == ((31,), "reclamations")
    # the manifest beats the front matter for indicators; the front matter gives the rest
    referent = records["pro/notes/referent.md"]
    assert referent.indicators == (30,)
    assert referent.stakeholder == "apprenants"
    assert (referent.kind, referent.date, referent.mapped_by) == (
        "handicap",
        dt.date(2026, 1, 10),
        "manifest",
    )
    interviews = records["pro/divers/entretiens.xlsx"]
    assert (interviews.kind, interviews.indicators, interviews.date) == (
        "plan-competences",
        (22,),
        dt.date(2026, 2, 1),
    )
    assert records["siege/procedure-qualite.pdf"].kind == "procedure"


def test_dates_never_come_from_the_modification_time(workspace: Path) -> None:
    target = workspace / "langues/scan0001.pdf"
    os.utime(target, (1_700_000_000, 1_700_000_000))
    records, _ = _collect(workspace)
    assert records["langues/scan0001.pdf"].date is None
    assert records["pro/cap-fleuriste/Programme CAP Fleuriste.pdf"].date is None


def test_collecting_writes_nothing_in_the_workspace(workspace: Path) -> None:
    before = _tree_hash(workspace)
    _collect(workspace)
    assert _tree_hash(workspace) == before


def test_problems_are_reported_and_the_run_goes_on(write_workspace: Callable[..., Path]) -> None:
    root = write_workspace(
        CONFIG,
        {
            "pro/rnq-evidence.yaml": """\
                - path: "*.pdf"
                  indicators: [17]
                  offering: daefle
                - path: "rien-*.odt"
                  kind: cv
                """,
            "pro/salle.pdf": b"%PDF",
            "pro/note.md": "---\nkind: [cv\n---\n",
            "pro/ouvert.md": "---\nkind: cv\n",
            "pro/latin1.md": "---\nnote: café\n---\n".encode("latin-1"),
            "siege/cv.pdf": b"%PDF",
        },
    )
    records, result = _collect(root)
    assert records["pro/salle.pdf"].indicators == (17,)
    assert records["pro/salle.pdf"].offering is None
    assert records["siege/cv.pdf"].mapped_by == "path"
    where = sorted((p.path, p.line) for p in result.problems)
    assert where == [
        ("pro/latin1.md", None),
        ("pro/note.md", 2),
        ("pro/ouvert.md", 1),
        ("pro/rnq-evidence.yaml", 3),  # offering of another unit
        ("pro/rnq-evidence.yaml", 4),  # describes no file
    ]
    # files with a bad front matter are still collected, mapped by their path
    assert {"pro/note.md", "pro/ouvert.md", "pro/latin1.md"} <= set(records)


def test_a_broken_manifest_stops_before_collecting(write_workspace: Callable[..., Path]) -> None:
    """A manifest is configuration: a glob leaving the workspace or an unknown key stops the
    run (exit 2), every mistake named with its line."""
    root = write_workspace(
        CONFIG,
        {
            "pro/rnq-evidence.yaml": """\
                - path: "../siege/*.pdf"
                  kind: cv
                - path: "*.docx"
                  colour: blue
                """,
            "siege/cv.pdf": b"%PDF",
        },
    )
    with pytest.raises(ConfigError) as info:
        _collect(root)
    assert [(p.path, p.line) for p in info.value.problems] == [
        (str(root / "pro/rnq-evidence.yaml"), 1),
        (str(root / "pro/rnq-evidence.yaml"), 4),
    ]
    assert info.value.exit_code == 2


def test_files_outside_every_unit_without_a_single_central_unit(
    write_workspace: Callable[..., Path],
) -> None:
    config = """\
        version: 1
        organization: {name: "Organisme test"}
        categories: [AF]
        units:
          - {id: pro, name: "Pro"}
        """
    root = write_workspace(config, {"I26-handicap.pdf": b"%PDF", "pro/I26.pdf": b"%PDF"})
    records, result = _collect(root)
    assert records["I26-handicap.pdf"] in result.unmapped
    assert records["I26-handicap.pdf"].unit == ""
    assert records["pro/I26.pdf"].indicators == (26,)


def test_front_matter_of_a_large_markdown_file(write_workspace: Callable[..., Path]) -> None:
    body = "é" * FRONT_MATTER_MAX_BYTES
    root = write_workspace(
        files={
            "siege/note.md": "---\nindicators: [25]\n---\n" + body,
            "siege/huge-front.md": "---\n" + "# x\n" * FRONT_MATTER_MAX_BYTES,
        }
    )
    records, result = _collect(root)
    assert records["siege/note.md"].indicators == (25,)
    assert [p.path for p in result.problems] == ["siege/huge-front.md"]


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"-",
        b"--",
        b"---",
        b"\xef\xbb\xbf---\nkind: cv\n---\n",
        b"\xef\xbb\xbf",
        b"# no front matter\n---\n",
        b"---\n" + b"x" * (2 * FRONT_MATTER_MAX_BYTES),
        b"x" * (2 * FRONT_MATTER_MAX_BYTES),
    ],
)
def test_a_markdown_head_is_what_a_buffered_read_gives(
    content: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``_head`` reads with ``os.read`` and stops early without a front matter: it gives the
    bytes ``open(...).read(FRONT_MATTER_MAX_BYTES)`` gives when they start one, even when the
    system hands them over a few at a time."""
    path = tmp_path / "a.md"
    path.write_bytes(content)
    expected = content[:FRONT_MATTER_MAX_BYTES]
    expected = expected if expected.removeprefix(b"\xef\xbb\xbf").startswith(b"---") else b""
    assert filesystem._head(str(path)) == expected
    read = os.read
    monkeypatch.setattr(os, "read", lambda fd, n: read(fd, min(n, 2)))
    assert filesystem._head(str(path)) == expected
    assert filesystem._head(str(tmp_path / "missing.md")) is None
    assert filesystem._head(str(tmp_path)) is None  # a folder


def test_symlinks_out_of_the_workspace_are_not_followed(
    write_workspace: Callable[..., Path], tmp_path: Path
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "I26-secret.pdf").write_bytes(b"%PDF")
    root = write_workspace()
    (root / "siege").mkdir()
    try:
        (root / "siege" / "lien").symlink_to(outside, target_is_directory=True)
    except OSError:  # pragma: no cover - no symlinks on this system
        pytest.skip("symlinks not available")
    evidence, problems = collect_files(load(root))
    assert [e.path for e in evidence] == []
    assert [p.path for p in problems] == ["siege/lien"]


def test_the_collector_is_a_builtin_plugin() -> None:
    plugins = get_plugin_manager(load_entrypoints=False)
    assert "rnq.collect.filesystem" in plugins.names()
