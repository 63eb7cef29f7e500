"""``rnq evidence``: the evidence map and the unmapped files, as text and JSON."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from rnq.cli import main
from rnq.render.schemas import output_schemas

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
"""

FILES: dict[str, str | bytes] = {
    "siege/veille-legale/note-2026-03-15.pdf": b"%PDF",
    "siege/I26-referent.md": "---\nkind: handicap\n---\n",
    "pro/cap-fleuriste/programme.pdf": b"%PDF",
    "pro/cap-fleuriste/I01-I08 positionnement.pdf": b"%PDF",
    "pro/procedure.pdf": b"%PDF",
    "pro/rnq-evidence.yaml": "- path: 'archives/*.pdf'\n  kind: cv\n",
    "README.md": "# Preuves\n",
}


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def root(write_workspace: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("RNQ_DISABLE_PLUGIN_AUTOLOAD", "1")
    return write_workspace(CONFIG, FILES)


def test_json(root: Path) -> None:
    code, out, _ = run("evidence", str(root), "--json")
    assert code == 0
    doc = json.loads(out)
    jsonschema.validate(doc, output_schemas()["rnq.evidence/1"])
    assert doc["schema"] == "rnq.evidence/1"
    evidence = {item["path"]: item for item in doc["evidence"]}
    assert set(evidence) == {
        "siege/veille-legale/note-2026-03-15.pdf",
        "siege/I26-referent.md",
        "pro/cap-fleuriste/programme.pdf",
        "pro/cap-fleuriste/I01-I08 positionnement.pdf",
    }
    positioning = evidence["pro/cap-fleuriste/I01-I08 positionnement.pdf"]
    assert positioning["indicators"] == [1, 8]
    assert positioning["offering"] == "cap-fleuriste"
    assert positioning["kind"] == "positionnement"
    assert positioning["unit"] == "pro"
    assert evidence["siege/veille-legale/note-2026-03-15.pdf"]["date"] == "2026-03-15"
    assert evidence["siege/I26-referent.md"]["mapped_by"] == "front_matter"
    for item in doc["evidence"]:
        assert {"path", "unit", "indicators", "offering", "kind", "date", "mapped_by"} <= set(item)
    unmapped = {item["path"]: item for item in doc["unmapped"]}
    assert set(unmapped) == {"README.md", "pro/procedure.pdf"}
    assert unmapped["pro/procedure.pdf"]["unit"] == "pro"
    assert "procedure" in unmapped["pro/procedure.pdf"]["reason"]
    assert len(doc["errors"]) == 1
    error = doc["errors"][0]
    assert (error["path"], error["line"]) == ("pro/rnq-evidence.yaml", 1)
    assert error["message"].startswith("l'entrée « archives/*.pdf » ne décrit aucun fichier")


def test_json_in_english_is_deterministic(root: Path) -> None:
    first = run("evidence", str(root), "--json", "--lang", "en")
    second = run("evidence", str(root), "--json", "--lang", "en")
    assert first == second
    doc = json.loads(first[1])
    assert "describes no file" in doc["errors"][0]["message"]
    assert all(item["reason"].isascii() for item in doc["unmapped"])


def test_text_groups_unit_indicator_offering(root: Path) -> None:
    code, out, _ = run("evidence", str(root))
    assert code == 0
    assert out.startswith("Carte des preuves")
    assert "4 preuve(s), 2 fichier(s) non rattaché(s), 1 erreur(s)" in out
    lines = out.splitlines()
    pro = lines.index("Unité pro : 2 preuve(s)")
    assert lines[pro + 1] == "  Indicateur 1 : 2 preuve(s)"
    assert lines[pro + 2] == "    [cap-fleuriste] 2"
    assert "Indicateur 26 : 1 preuve(s)" in out
    assert "[toute l'unité] 1" in out
    assert "Fichiers non rattachés (2)" in out
    assert "pro/rnq-evidence.yaml:1 — l'entrée « archives/*.pdf » ne décrit aucun fichier" in out


def test_text_in_english(root: Path) -> None:
    code, out, _ = run("evidence", str(root), "--lang", "en")
    assert code == 0
    assert out.startswith("Evidence map")
    assert "Unit pro: 2 piece(s) of evidence" in out
    assert "[whole unit] 1" in out
    assert "Unmapped files (2)" in out and "Errors (1)" in out


def test_current_folder_by_default(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(root)
    code, out, _ = run("evidence", "--json")
    assert code == 0
    assert json.loads(out)["workspace"] == "."


def test_without_rnq_yaml_is_a_usage_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = run("evidence")
    assert code == 2
    assert "rnq.yaml" in err


def test_empty_workspace(write_workspace: Callable[..., Path]) -> None:
    code, out, _ = run("evidence", str(write_workspace()))
    assert code == 0
    assert "Aucune preuve rattachée à un indicateur." in out


#: A workspace plugin file registering a collector: its records say which plugin gave them.
AGENDA_PLUGIN = """\
import rnq


def agenda(context):
    yield rnq.Evidence(
        path="agenda:equipe",
        unit=context.unit.id,
        indicators=(18,),
        kind="coordination",
        mapped_by="plugin",
        collector=context.name,
        read="ok",
        text="12 réunions pédagogiques",
    )


@rnq.hookimpl
def rnq_register_collectors():
    return {"agenda": agenda}
"""


def test_each_record_names_the_plugin_that_gave_it(write_workspace: Callable[..., Path]) -> None:
    config = CONFIG.replace("    offerings:", "    collectors: [{use: agenda}]\n    offerings:")
    config += "plugins: [plugins/agenda.py]\n"
    root = write_workspace(config, {**FILES, "plugins/agenda.py": AGENDA_PLUGIN})
    code, out, _ = run("evidence", str(root), "--json")
    assert code == 0
    doc = json.loads(out)
    jsonschema.validate(doc, output_schemas()["rnq.evidence/1"])
    evidence = {item["path"]: item for item in doc["evidence"]}
    assert evidence["agenda:equipe"]["plugin"] == {
        "name": "workspace:plugins/agenda.py",
        "version": None,
    }
    assert evidence["agenda:equipe"]["collector"] == "agenda"
    assert evidence["pro/cap-fleuriste/programme.pdf"]["plugin"] is None  # rnq reads files itself
    code, out, _ = run("evidence", str(root))
    assert "Relevés des extensions : workspace:plugins/agenda.py (1)" in out.splitlines()[2]
    assert "agenda:equipe  (coordination) — extension workspace:plugins/agenda.py" in out
    code, out, _ = run("evidence", str(root), "--lang", "en")
    assert "Records from plugins: workspace:plugins/agenda.py (1)" in out
    assert "agenda:equipe  (coordination) — plugin workspace:plugins/agenda.py" in out


def test_without_plugin_records_no_plugin_line(root: Path) -> None:
    code, out, _ = run("evidence", str(root))
    assert code == 0 and "extension" not in out.lower()
