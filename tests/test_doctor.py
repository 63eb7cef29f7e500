"""``rnq doctor`` (issue #19): every slip found before any document is read, in French, with
the fix; fast enough for a pre-commit hook; nothing written."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from rnq.cli import main
from rnq.verdict.doctor import diagnose

REPO = Path(__file__).resolve().parents[1]
_DAY = dt.date(2026, 11, 28)

TWO_OFFERINGS = """\
version: 1
organization: {name: "Organisme test"}
categories: [AF]
audit: {type: initial, date: 2026-12-15}
units:
  - {id: siege, name: "Siège", central: true}
  - id: lyon
    name: "Lyon"
    offerings:
      - {id: excel-avance, title: "Excel avancé", category: AF}
      - {id: compta, title: "Comptabilité", category: AF}
"""
NO_OFFERING = """\
version: 1
organization: {name: "Organisme test"}
categories: [AF]
units:
  - {id: siege, name: "Siège", central: true}
"""
PROCEDURE = "# Procédure d'analyse du besoin\n\nEntretien préalable et grille d'analyse.\n"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def snapshot(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        if p.is_file()
        else "dir"
        for p in sorted(root.rglob("*"))
    }


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RNQ_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("RNQ_DISABLE_PLUGIN_AUTOLOAD", "1")


def test_the_example_is_healthy_with_its_plugins() -> None:
    from .test_example import _plugins

    found = diagnose(REPO / "evidence", today=_DAY, extra_plugins=_plugins())
    assert (found.errors, found.warnings) == (0, 0), found.to_json()


def test_the_example_without_its_plugins_says_which_to_install() -> None:
    """Plugins not installed (autoload off here): rnq check would run without their exports'
    evidence, so each collector the example enables is a warning naming how to install it."""
    code, out, _ = run("doctor", "--example", "--today", "2026-11-28")
    assert code == 0  # a warning: rnq check can run
    assert "0 erreur, 10 avertissements — rnq check peut tourner" in out
    assert "rnq-2026" in out and "en vigueur à la date d'audit 2026-12-15" in out
    for name in ("crm-complaints", "moodle", "registrations", "hr", "exam-registrations"):
        assert f"collecteur inconnu « {name} »" in out
        assert f"pip install ./plugins/rnq-{name}" in out
    assert run("doctor", "--example", "--today", "2026-11-28", "--strict")[0] == 1


def test_an_offering_folder_named_by_its_title(write_workspace: Callable[..., Path]) -> None:
    root = write_workspace(
        TWO_OFFERINGS,
        {"lyon/Excel avancé/I05-objectifs.md": "# Objectifs\n", "lyon/compta/x.md": ""},
    )
    before = snapshot(root)
    code, out, _ = run("doctor", str(root))
    assert code == 0  # a warning: rnq check can run
    assert "prestation « excel-avance » (Excel avancé) : pas de dossier lyon/excel-avance/" in out
    assert (
        "le dossier le plus proche est « lyon/Excel avancé/ » : renommez-le en « excel-avance »"
        in out
    )
    assert run("doctor", str(root), "--strict")[0] == 1
    _, english, _ = run("doctor", str(root), "--lang", "en")
    assert "offering 'excel-avance' (Excel avancé): no folder lyon/excel-avance/" in english
    assert snapshot(root) == before


def test_a_unit_folder_that_does_not_exist(write_workspace: Callable[..., Path]) -> None:
    config = TWO_OFFERINGS.replace('name: "Lyon"', 'name: "Lyon"\n    path: lyon-centre')
    root = write_workspace(config, {"Lyon-Centre/compta/a.md": ""})
    _, out, _ = run("doctor", str(root))
    assert "unité « lyon » : le dossier lyon-centre/ n'existe pas" in out
    assert "le dossier le plus proche est « Lyon-Centre/ »" in out


def test_evidence_where_its_indicator_is_not_assessed(write_workspace: Callable[..., Path]) -> None:
    """The procedure ``rnq init`` invites in ``siege/…/I04-…``: indicator 4 is assessed per
    offering, so with offerings declared it counts for none of them."""
    root = write_workspace(
        TWO_OFFERINGS,
        {
            "siege/critere-2/I04-analyse-du-besoin/procedure.md": PROCEDURE,
            "lyon/excel-avance/a.md": "",
            "lyon/compta/I04-grille.md": PROCEDURE,
        },
    )
    _, out, _ = run("doctor", str(root))
    assert (
        "siege/critere-2/I04-analyse-du-besoin/procedure.md : l’indicateur 4 est évalué par "
        "prestation" in out
    )
    assert "déposez-le dans lyon/excel-avance/ ou lyon/compta/" in out
    assert "lyon/compta/I04-grille.md" not in out  # in its offering's folder: fine
    _, out, _ = run("doctor", str(root), "--json")
    doc = json.loads(out)
    assert doc["schema"] == "rnq.doctor/1" and doc["errors"] == 0 and doc["warnings"] == 1
    schema = json.loads((REPO / "docs/schemas/rnq.doctor-1.schema.json").read_text())
    jsonschema.validate(doc, schema)


def test_without_offerings_unit_evidence_is_where_it_belongs(
    write_workspace: Callable[..., Path],
) -> None:
    root = write_workspace(
        NO_OFFERING, {"siege/critere-2/I04-analyse-du-besoin/procedure.md": PROCEDURE}
    )
    code, out, _ = run("doctor", str(root))
    assert code == 0 and "Preuves mal placées" not in out


def test_configuration_errors_stop_like_rnq_check(write_workspace: Callable[..., Path]) -> None:
    root = write_workspace(NO_OFFERING + "colour: blue\n")
    before = snapshot(root)
    code, out, _ = run("doctor", str(root))
    assert code == 2
    assert "colour" in out and "rnq.yaml:6" in out
    assert "rnq check s'arrêterait (code 2)" in out
    assert snapshot(root) == before


def test_code_errors_stop_like_rnq_check(write_workspace: Callable[..., Path]) -> None:
    root = write_workspace(
        NO_OFFERING + "checks: [checks]\n", {"checks/check_maison.py": "def check_x(:\n"}
    )
    code, out, _ = run("doctor", str(root))
    assert code == 2
    assert "checks/check_maison.py:1" in out


def test_reads_no_document(
    write_workspace: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    import rnq.extract.dispatch

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("rnq doctor read a document")

    monkeypatch.setattr(rnq.extract.dispatch, "extract_file", refuse)
    root = write_workspace(
        NO_OFFERING,
        {"siege/I23-veille/veille-legale.pdf": b"%PDF-1.4 broken", "siege/x.docx": b"PK"},
    )
    diagnosis = diagnose(root, today=None)
    assert diagnosis.errors == 0
    assert any(
        f.path == "siege/I23-veille/veille-legale.pdf" for f in diagnosis.findings
    )  # undated


def test_the_pre_commit_hook_runs_rnq_doctor() -> None:
    [hook] = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "rnq-doctor" and hook["entry"] == "rnq doctor"
    assert hook["pass_filenames"] is False


def test_the_report_names_the_file_left_outside_the_offering(
    write_workspace: Callable[..., Path],
) -> None:
    """« Aucune preuve » while the file is visibly there: the gap now says where it is."""
    root = write_workspace(
        TWO_OFFERINGS,
        {
            "siege/critere-2/I04-analyse-du-besoin/procedure.md": PROCEDURE,
            "lyon/excel-avance/a.md": "",
            "lyon/compta/I04-grille.md": PROCEDURE,
        },
    )
    args = ("check", str(root), "--indicator", "4", "--today", "2026-11-28", "--json", "-")
    _, out, _ = run(*args)
    [indicator] = json.loads(out)["indicators"]
    [gap] = [f for f in indicator["findings"] if f["outcome"] == "gap" and f["missing"]]
    assert gap["offering"] == "excel-avance"
    assert gap["evidence"] == ["siege/critere-2/I04-analyse-du-besoin/procedure.md"]
    assert "est rattaché à l'indicateur 4 mais hors du dossier de la prestation" in gap["message"]
    assert "déposez-en une copie dans lyon/excel-avance/" in gap["message"]


def test_the_report_says_when_the_folder_itself_is_missing(
    write_workspace: Callable[..., Path],
) -> None:
    root = write_workspace(
        TWO_OFFERINGS, {"lyon/Excel avancé/I04-grille.md": PROCEDURE, "lyon/compta/notes.md": ""}
    )
    args = ("check", str(root), "--indicator", "4", "--today", "2026-11-28", "--json", "-")
    _, out, _ = run(*args)
    [indicator] = json.loads(out)["indicators"]
    messages = {f["offering"]: f["message"] for f in indicator["findings"] if f["missing"]}
    assert "Le dossier lyon/excel-avance/ n'existe pas" in messages["excel-avance"]
    assert "n'existe pas" not in messages["compta"]  # its folder exists, empty


def test_manifest_errors_are_listed_once_and_the_rest_still_diagnosed(
    write_workspace: Callable[..., Path],
) -> None:
    root = write_workspace(
        TWO_OFFERINGS,
        {
            "lyon/compta/rnq-evidence.yaml": "- {path: '*.pdf', indicators: [4], kind: cvv}\n",
            "lyon/compta/a.pdf": b"%PDF-1.4",
        },
    )
    code, out, _ = run("doctor", str(root))
    assert code == 2
    assert out.count("cvv") == 1 and "lyon/compta/rnq-evidence.yaml:1" in out
    assert "pas de dossier lyon/excel-avance/" in out  # the folders are still looked at
