"""Issue #19: the user's code mistakes stop the run like pytest's collection errors — exit 2,
every one listed at once with its file, line and fix, in French (English with ``--lang en``) —
and a collector that raises makes its indicators ``not_assessed`` under « Code en erreur ».
Each test is run as a new user would: ``rnq`` on a small workspace, through the real CLI."""

from __future__ import annotations

import hashlib
import importlib
import json
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

import rnq
from rnq.cli import main

from .conftest import REPO

CONFIG = """\
version: 1
organization: {name: "Organisme test"}
categories: [AF]
audit: {type: renewal, date: 2026-12-15}
units:
  - {id: siege, name: "Siège", central: true}
  - id: pro
    name: "Pôle pro"
    offerings:
      - {id: compta, title: "Comptabilité"}
checks: [checks]
"""

GOOD = '''
import rnq


@rnq.mark.verifies("traitement-reclamations")
def check_house_rule(unit, evidence):
    """Règle maison : le registre des réclamations existe."""
'''


def cli(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def check(root: Path, *more: str) -> tuple[int, str, str]:
    return cli("check", str(root), "--today", "2026-11-28", "--no-cache", *more)


def tree_hash(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        digest.update(path.relative_to(root).as_posix().encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


@pytest.fixture(autouse=True)
def _no_installed_plugins(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("RNQ_DISABLE_PLUGIN_AUTOLOAD", "1")
    monkeypatch.setenv("RNQ_LANG", "fr")
    monkeypatch.setenv("RNQ_CACHE_DIR", str(tmp_path / "cache"))


# --- Each slip: exit 2, the file, the line, the fix, in French ------------------------------

SLIPS = {
    "syntax error": (
        {"checks/house.py": "import rnq\n\n\ndef check_x(unit:\n    pass\n"},
        "checks/house.py:4",
        ["erreur de syntaxe", "def check_x(unit:"],
    ),
    "import error": (
        {"checks/house.py": "import rnq\nimport pandasx\n"},
        "checks/house.py:2",
        ["le module « pandasx » est introuvable", "installez-le"],
    ),
    "import of a sibling file": (
        {
            "checks/house.py": "import rnq\nfrom common import LIMIT\n",
            "checks/common.py": "X = 1\n",
        },
        "checks/house.py:2",
        ["« import common » : les fichiers de l'espace ne s'importent pas entre eux", "fixture"],
    ),
    "unknown mark": (
        {"checks/house.py": GOOD.replace("mark.verifies", "mark.verifie")},
        "checks/house.py:5",
        ["marque inconnue @rnq.mark.verifie", "vouliez-vous dire @rnq.mark.verifies ?"],
    ),
    "unknown verification": (
        {"checks/house.py": GOOD.replace("traitement-reclamations", "traitement-reclamation")},
        "checks/house.py:5",
        [
            "vérification inconnue « traitement-reclamation »",
            "vouliez-vous dire « traitement-reclamations » ?",
        ],
    ),
    "unknown fixture": (
        {"checks/house.py": GOOD.replace("unit, evidence", "offring")},
        "checks/house.py:5",
        ["check_house_rule demande « offring »", "vouliez-vous dire « offering » ?"],
    ),
    "check without a mark": (
        {"checks/house.py": GOOD.replace('@rnq.mark.verifies("traitement-reclamations")\n', "")},
        "checks/house.py:5",
        ["check_house_rule n'est liée à aucun indicateur", "ajoutez @rnq.mark.verifies("],
    ),
    "test_ function": (
        {"checks/house.py": "def test_register(unit):\n    assert True\n"},
        "checks/house.py:1",
        ["test_register : rnq ne collecte que les fonctions check_*", "renommez-la en check_"],
    ),
    "indicator that does not exist": (
        {"checks/house.py": GOOD.replace('verifies("traitement-reclamations")', "indicator(99)")},
        "checks/house.py:5",
        ["indicateur inconnu 99"],
    ),
}


@pytest.mark.parametrize("slip", list(SLIPS))
def test_each_slip_stops_the_run_with_its_file_line_and_fix(
    write_workspace: Callable[..., Path], slip: str
) -> None:
    files, where, fragments = SLIPS[slip]
    root = write_workspace(CONFIG, files)
    before = tree_hash(root)
    code, stdout, stderr = check(root)
    assert code == 2, stderr
    assert stdout == ""
    assert "rnq: erreur: 1 erreur dans le code des vérifications" in stderr
    assert "aucun document n'a été lu" in stderr
    assert f"  {where}: " in stderr
    for fragment in fragments:
        assert fragment in stderr
    assert tree_hash(root) == before  # nothing written: no __pycache__, no report


def test_a_missing_checks_folder_names_rnq_yaml_and_its_line(
    write_workspace: Callable[..., Path],
) -> None:
    root = write_workspace(CONFIG.replace("checks: [checks]", "checks: [checks, regles]"))
    code, _, stderr = check(root)
    assert code == 2
    assert "rnq.yaml:11: checks: le dossier de vérifications « regles » est introuvable" in stderr
    assert "créez-le ou retirez-le" in stderr


def test_a_workspace_plugin_that_fails_to_import_stops_the_run(
    write_workspace: Callable[..., Path],
) -> None:
    config = CONFIG + "plugins: [plugins/crm.py]\n"
    root = write_workspace(config, {"plugins/crm.py": "import rnq\n\nraise RuntimeError('boom')\n"})
    code, _, stderr = check(root)
    assert code == 2
    assert "plugins/crm.py:3: extension non chargée" in stderr
    assert "RuntimeError: boom" in stderr


def test_every_slip_is_listed_at_once_and_in_english_with_lang_en(
    write_workspace: Callable[..., Path],
) -> None:
    files = {path: text for files, _, _ in SLIPS.values() for path, text in files.items()}
    files = {
        f"checks/{slip.replace(' ', '_')}.py": SLIPS[slip][0]["checks/house.py"] for slip in SLIPS
    }
    root = write_workspace(CONFIG.replace("[checks]", "[checks, regles]"), files)
    code, _, stderr = check(root)
    assert code == 2
    assert f"rnq: erreur: {len(SLIPS) + 1} erreurs dans le code" in stderr
    code, _, english = check(root, "--lang", "en")
    assert code == 2
    assert f"rnq: error: {len(SLIPS) + 1} errors in the code of the checks or plugins" in english
    assert "did you mean @rnq.mark.verifies?" in english
    assert "did you mean 'offering'?" in english
    assert "rename it check_register" in english


def test_the_library_raises_code_error_before_reading_any_document(
    write_workspace: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    run_module = importlib.import_module("rnq.run")  # rnq.run is also the function

    root = write_workspace(CONFIG, {"checks/house.py": SLIPS["unknown mark"][0]["checks/house.py"]})

    def never(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("documents were read")

    monkeypatch.setattr(run_module, "_read_documents", never)
    with pytest.raises(rnq.CodeError) as raised:
        rnq.run(root, rnq.RunOptions(use_cache=False, load_entrypoints=False))
    assert raised.value.exit_code == 2
    (problem,) = raised.value.problems
    assert (problem.path, problem.line) == ("checks/house.py", 5)
    assert rnq.check_code(root, load_entrypoints=False) == [problem]


def test_good_code_has_no_code_error(write_workspace: Callable[..., Path]) -> None:
    root = write_workspace(CONFIG, {"checks/house.py": GOOD})
    assert rnq.check_code(root, load_entrypoints=False) == []
    code, stdout, _ = check(root, "--fail-on", "never")
    assert code == 0
    assert "Code en erreur" not in stdout


# --- A collector that raises -----------------------------------------------------------------

BROKEN_COLLECTOR = """
import rnq


def collect_crm(context):
    raise ConnectionError("CRM injoignable")


collect_crm.indicators = (31,)


@rnq.hookimpl
def rnq_register_collectors():
    return {"crm": collect_crm}
"""

WITH_COLLECTOR = """\
version: 1
organization: {name: "Organisme test"}
categories: [AF]
audit: {type: renewal, date: 2026-12-15}
plugins: [plugins/crm.py]
units:
  - {id: siege, name: "Siège", central: true}
  - id: pro
    name: "Pôle pro"
    collectors: [{use: crm}]
"""


def test_a_collector_that_raises_leaves_its_indicators_not_assessed_in_every_view(
    write_workspace: Callable[..., Path], tmp_path: Path
) -> None:
    root = write_workspace(
        WITH_COLLECTOR,
        {
            "plugins/crm.py": BROKEN_COLLECTOR,
            "siege/I31-procedure-reclamations.md": (
                "# Procédure de traitement des réclamations\nToute réclamation reçoit une "
                "réponse écrite sous 30 jours ; une action corrective est décidée.\n"
            ),
        },
    )
    before = tree_hash(root)
    out = tmp_path / "out"
    out.mkdir()
    code, stdout, stderr = check(
        root,
        "--json",
        str(out / "r.json"),
        "--junit",
        str(out / "r.xml"),
        "--md",
        str(out / "r.md"),
        "--html",
        str(out / "r.html"),
    )
    assert code in (0, 1), stderr
    doc = json.loads((out / "r.json").read_text(encoding="utf-8"))
    jsonschema.validate(
        doc, json.loads((REPO / "docs/schemas/rnq.report-2.schema.json").read_text())
    )
    (i31,) = [i for i in doc["indicators"] if i["number"] == 31]
    assert i31["status"] != "conform"  # (the siege's procedure has its own gap)
    assert i31["units"]["pro"] == "not_assessed"
    assert any(
        f["check"] == "collector:crm" and f["outcome"] == "not_verified" for f in i31["findings"]
    )
    (error,) = [e for e in doc["errors"] if e["kind"] == "code"]
    assert error["path"] == "plugin:crm"
    assert "le collecteur a échoué" in error["message"]
    assert "CRM injoignable" in error["message"]
    assert doc["summary"]["certifiable"] is not True
    # Console: its own section, and the answer is not « Oui ».
    assert "Code en erreur" in stdout
    assert "plugin:crm — le collecteur a échoué" in stdout
    answer = doc["summary"]["answer"]
    assert not answer.startswith("Oui")
    # JUnit: errors > 0, a « Code en erreur » suite.
    junit = ET.parse(out / "r.xml").getroot()
    assert int(junit.get("errors", "0")) > 0
    assert any(s.get("name") == "Code en erreur" for s in junit.iter("testsuite"))
    # Markdown and HTML: « Code en erreur », apart from « Fichiers en erreur ».
    markdown = (out / "r.md").read_text(encoding="utf-8")
    assert "## Code en erreur" in markdown
    html = (out / "r.html").read_text(encoding="utf-8")
    assert 'id="code-errors"' in html and "Code en erreur" in html
    assert tree_hash(root) == before


def test_code_errors_are_separate_from_file_errors_in_english_too(
    write_workspace: Callable[..., Path],
) -> None:
    root = write_workspace(
        WITH_COLLECTOR,
        {"plugins/crm.py": BROKEN_COLLECTOR, "pro/I23-veille.pdf": b"%PDF-1.4 broken"},
    )
    code, stdout, _ = check(root, "--lang", "en", "--fail-on", "never")
    assert code == 0
    assert "Code errors" in stdout
    assert stdout.index("Code errors") < stdout.index("Files with errors")


# --- rnq checks, rnq --version -----------------------------------------------------------------


def test_rnq_checks_lists_every_check_with_marks_indicators_and_origin(
    write_workspace: Callable[..., Path],
) -> None:
    root = write_workspace(CONFIG, {"checks/house.py": GOOD})
    before = tree_hash(root)
    code, stdout, _ = cli("checks", str(root))
    assert code == 0
    assert "Vérifications intégrées" in stdout
    assert "rnq.checks.presence check_evidence_present" in stdout
    assert "@each_indicator → chaque indicateur applicable" in stdout
    assert "Vérifications de l'espace de preuves (1)" in stdout
    assert "checks/house.py:5 check_house_rule" in stdout
    assert '@verifies("traitement-reclamations") → indicateur 31' in stdout
    assert "Règle maison : le registre des réclamations existe." in stdout
    assert "Extensions chargées :" in stdout
    code, stdout, _ = cli("checks", str(root), "--json")
    assert code == 0
    doc = json.loads(stdout)
    jsonschema.validate(
        doc, json.loads((REPO / "docs/schemas/rnq.checks-1.schema.json").read_text())
    )
    assert doc["schema"] == "rnq.checks/1"
    (house,) = [c for c in doc["checks"] if c["origin"] == "workspace"]
    assert house["name"] == "checks/house.py::check_house_rule"
    assert (house["source"], house["line"], house["indicators"]) == ("checks/house.py", 5, [31])
    assert house["marks"] == ['verifies("traitement-reclamations")']
    assert house["fixtures"] == ["unit", "evidence"]
    assert {c["origin"] for c in doc["checks"]} == {"builtin", "workspace"}
    assert tree_hash(root) == before


def test_rnq_checks_under_the_other_referential_and_with_code_errors(
    write_workspace: Callable[..., Path],
) -> None:
    root = write_workspace(CONFIG, {"checks/house.py": GOOD})
    code, stdout, _ = cli("checks", str(root), "--referential", "rnq-2019-v9", "--json")
    assert code == 0
    assert json.loads(stdout)["referential"] == "rnq-2019-v9"
    broken = write_workspace(
        CONFIG, {"checks/house.py": SLIPS["unknown mark"][0]["checks/house.py"]}
    )
    code, stdout, stderr = cli("checks", str(broken))
    assert code == 2
    assert stdout == ""
    assert "checks/house.py:5: marque inconnue" in stderr


def test_rnq_checks_shows_a_plugin_s_checks_and_collectors(
    write_workspace: Callable[..., Path],
) -> None:
    plugin = '''
import rnq


class Rules:
    @rnq.mark.indicator(26)
    def check_referent(unit):
        """Un référent handicap est nommé."""


@rnq.hookimpl
def rnq_register_checks():
    return [Rules]


@rnq.hookimpl
def rnq_register_collectors():
    return {"sirh": lambda context: []}
'''
    root = write_workspace(
        CONFIG + "plugins: [plugins/rules.py]\n",
        {"plugins/rules.py": plugin, "checks/house.py": GOOD},
    )
    code, stdout, _ = cli("checks", str(root))
    assert code == 0, stdout
    assert "Extension workspace:plugins/rules.py (1)" in stdout
    assert "  workspace:plugins/rules.py — collecteurs : sirh" in stdout.splitlines()


def test_version_lists_rnq_then_the_plugins_and_their_collectors() -> None:
    code, stdout, _ = cli("--version")
    assert code == 0
    lines = stdout.splitlines()
    assert lines[0] == f"rnq {rnq.__version__}"
    assert lines[1] == "extensions :"
    assert "  rnq.checks intégrée" in lines
    assert "  rnq.collect.filesystem intégrée" in lines


def test_missing_evidence_a_failed_collector_would_have_brought_is_not_an_nc(
    write_workspace: Callable[..., Path],
) -> None:
    """The CRM holds unit pro's complaints register: when its collector fails, the register
    is not « missing » (an NC on a guess) but not verified."""
    config = WITH_COLLECTOR.replace('  - {id: siege, name: "Siège", central: true}\n', "")
    root = write_workspace(config, {"plugins/crm.py": BROKEN_COLLECTOR})
    _, stdout, _ = check(root, "--json", "-", "--indicator", "31")
    doc = json.loads(stdout)
    (i31,) = doc["indicators"]
    assert i31["status"] == "not_assessed"
    assert {f["outcome"] for f in i31["findings"]} <= {"not_verified", "advice", "not_applicable"}
    assert not [b for b in doc["summary"]["blocking"] if b.startswith("31")]


def test_an_unknown_collector_name_gets_the_closest_one(
    write_workspace: Callable[..., Path],
) -> None:
    config = WITH_COLLECTOR.replace("{use: crm}", "{use: cmr}")
    root = write_workspace(config, {"plugins/crm.py": BROKEN_COLLECTOR})
    _, stdout, _ = check(root, "--json", "-")
    (error,) = [e for e in json.loads(stdout)["errors"] if e["path"] == "rnq.yaml"]
    assert "collecteur inconnu « cmr » — vouliez-vous dire « crm » ?" in error["message"]
