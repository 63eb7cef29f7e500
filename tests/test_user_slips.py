"""The slips a new user makes, tried as they would make them (issue #19).

Each test runs the real command: where the workspace is (found upwards as git and pytest find
their root, the example only on request), a misnamed ``rnq.yaml``, CI gates that see
« non évalué », and rnq's own reports written inside the workspace. Each asserts the exit code,
the French message with the file and the fix, and that nothing was written into the workspace.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from rnq.cli import main
from rnq.workspace.applicable import example_workspace

MINIMAL = """\
version: 1
organization: {name: "Organisme test"}
categories: [AF]
audit: {type: initial, date: 2026-12-15}
units:
  - {id: siege, name: "Siège", central: true}
"""


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def snapshot(root: Path) -> dict[str, str]:
    """Every file and folder under ``root`` with a digest of its content."""
    return {
        path.relative_to(root).as_posix(): (
            hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "dir"
        )
        for path in sorted(root.rglob("*"))
    }


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RNQ_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("RNQ_DISABLE_PLUGIN_AUTOLOAD", "1")


@pytest.fixture
def workspace(write_workspace: Callable[..., Path]) -> Path:
    return write_workspace(MINIMAL, {"siege/I23-veille/veille-legale-2026-10.md": "# Veille\n"})


# -- where the workspace is -------------------------------------------------------------------


@pytest.mark.parametrize("command", ["check", "evidence", "sample", "calendar"])
def test_no_rnq_yaml_here_or_above_is_an_error_never_the_example(
    command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = tmp_path / "nouveau-dossier"
    empty.mkdir()
    monkeypatch.chdir(empty)
    code, out, err = run(command)
    assert code == 2
    assert out == ""  # no report on the fictional example
    assert "aucun rnq.yaml" in err and str(empty) in err
    assert "rnq init" in err and "rnq check --example" in err
    assert snapshot(empty) == {}


def test_the_message_in_english(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = run("check", "--lang", "en")
    assert code == 2
    assert "no rnq.yaml in" in err and "'rnq check --example'" in err


def test_run_from_a_sub_folder_checks_the_workspace_above_and_says_so(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(workspace)
    monkeypatch.chdir(workspace / "siege" / "I23-veille")
    code, out, err = run("evidence", "--json")
    assert code == 0
    doc = json.loads(out)
    assert [e["path"] for e in doc["evidence"]] == ["siege/I23-veille/veille-legale-2026-10.md"]
    assert f"espace de preuves : {workspace}" in err
    code, out, _ = run("check", "--indicator", "23", "--today", "2026-11-28", "--json", "-")
    assert json.loads(out)["organization"]["name"] == "Organisme test"
    assert snapshot(workspace) == before


@pytest.mark.parametrize("name", ["rnq.yml", "RNQ.yaml", "rnq.yaml.txt"])
def test_a_misnamed_configuration_is_named_with_the_fix(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "espace"
    folder.mkdir()
    (folder / name).write_text(MINIMAL, encoding="utf-8")
    before = snapshot(folder)
    monkeypatch.chdir(folder)
    for args in (("check",), ("check", str(folder)), ("evidence",), ("indicators",)):
        code, out, err = run(*args)
        assert code == 2, args
        assert out == ""
        assert f"rnq lit « rnq.yaml », pas « {name} »" in err
        assert "renommez le fichier en rnq.yaml" in err
        assert str(folder / name) in err
    _, _, english = run("check", "--lang", "en")
    assert f"rnq reads 'rnq.yaml', not '{name}'" in english and "rename the file" in english
    assert snapshot(folder) == before


def test_a_folder_inside_a_workspace_names_the_workspace(workspace: Path) -> None:
    code, _, err = run("check", str(workspace / "siege"))
    assert code == 2
    assert f"l'espace de preuves qui le contient est {workspace}" in err


def test_a_folder_that_does_not_exist(tmp_path: Path) -> None:
    code, _, err = run("check", str(tmp_path / "nulle-part"))
    assert code == 2
    assert "dossier introuvable" in err and "rnq.yaml" in err


def test_the_example_only_on_request(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, _ = run("evidence", "--example", "--json")
    assert code == 0
    assert json.loads(out)["workspace"] == str(example_workspace())
    code, _, err = run("check", "--example", str(tmp_path))
    assert code == 2 and "--example ou un DOSSIER, pas les deux" in err


def test_indicators_without_a_workspace_lists_the_referential_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, _ = run("indicators", "--audit-date", "2026-12-15")
    assert code == 0 and "rnq-2026 : 33 indicateurs" in out


# -- CI gates and « non évalué » ---------------------------------------------------------------


def test_fail_on_counts_what_could_not_be_assessed(write_workspace: Callable[..., Path]) -> None:
    """Indicator 23's only evidence is a PDF that cannot be read: « non évalué »."""
    root = write_workspace(MINIMAL, {"siege/I23-veille/veille-legale-2026-10.pdf": b"%PDF-1.4 x"})
    base = ("check", str(root), "--indicator", "23", "--today", "2026-11-28")
    _, out, _ = run(*base, "--json", "-")
    [indicator] = json.loads(out)["indicators"]
    assert indicator["status"] == "not_assessed"
    assert run(*base)[0] == 0  # major: nothing blocks the certificate
    assert run(*base, "--fail-on", "not-assessed")[0] == 1
    assert run(*base, "--fail-on", "minor")[0] == 1
    assert run(*base, "--fail-on", "never")[0] == 0


def test_fail_on_not_assessed_passes_a_clean_answer(write_workspace: Callable[..., Path]) -> None:
    root = write_workspace(
        MINIMAL,
        {
            "siege/I23-veille/veille-legale-2026-10.md": (
                "# Veille légale et réglementaire — octobre 2026\n\n"
                "Source : Légifrance, Centre Inffo. Décret n° 2026-728 du 12 mai 2026 : "
                "nouvel indicateur 33. Exploitation : procédure qualité mise à jour le "
                "15/10/2026, équipe informée en réunion du 20/10/2026.\n"
            )
        },
    )
    base = ("check", str(root), "--indicator", "23", "--today", "2026-11-28")
    _, out, _ = run(*base, "--json", "-")
    assert json.loads(out)["indicators"][0]["status"] == "conform"
    assert run(*base, "--fail-on", "not-assessed")[0] == 0


# -- rnq's own outputs are never evidence ------------------------------------------------------


def test_reports_written_inside_the_workspace_are_not_read_back(
    write_workspace: Callable[..., Path],
) -> None:
    """The reliability review's F5: the action plan's CSV written in an indicator's folder was
    read as a satisfaction survey at the next run."""
    root = write_workspace(MINIMAL, {"siege/I23-veille/veille-legale-2026-10.md": "# Veille\n"})
    folder = root / "siege" / "C7-appreciations" / "I30-export"
    outputs = {
        "--html": root / "rapport.html",
        "--md": root / "siege" / "I30-rapport.md",
        "--json": root / "I30-rapport.json",
        "--junit": root / "siege" / "junit.xml",
        "--xlsx": root / "siege" / "plan.xlsx",
    }
    args = ["check", str(root), "--today", "2026-11-28", "--fail-on", "never", "--csv", str(folder)]
    for option, path in outputs.items():
        args += [option, str(path)]
    before = run("evidence", str(root), "--json")[1]
    code, _, err = run(*args)
    assert code == 0
    assert "est écrit" in err or "sont écrits" in err  # said once, on stderr
    assert "ne les lira pas comme preuve" in err
    written = [*outputs.values(), *(folder / n for n in ("action-plan.csv", "evidence-map.csv"))]
    assert all(path.is_file() for path in written)
    after = run("evidence", str(root), "--json")[1]
    assert json.loads(after)["evidence"] == json.loads(before)["evidence"]
    assert json.loads(after)["unmapped"] == json.loads(before)["unmapped"]
    _, again, _ = run("check", str(root), "--today", "2026-11-28", "--json", "-")
    assert json.loads(again)["summary"] == json.loads(outputs["--json"].read_text())["summary"]


def test_a_cache_inside_the_workspace_is_refused(workspace: Path) -> None:
    before = snapshot(workspace)
    code, _, err = run("check", str(workspace), "--cache-dir", str(workspace / ".cache"))
    assert code == 2
    assert "le cache doit être hors de l'espace de preuves" in err
    assert snapshot(workspace) == before


def test_a_document_of_the_provider_named_like_an_export_is_still_evidence(
    write_workspace: Callable[..., Path],
) -> None:
    """Only rnq's header row makes ``action-plan.csv`` an rnq export; a provider's own plan of
    the same name, or a Markdown note quoting a report, stays evidence."""
    root = write_workspace(
        MINIMAL,
        {
            "siege/I32-amelioration/action-plan.csv": "\ufeffAction;Origine\r\nX;2026-10\r\n",
            "siege/I32-amelioration/revue.md": "Revue\n\n# Rapport pré-audit Qualiopi\n",
        },
    )
    _, out, _ = run("evidence", str(root), "--json")
    paths = {e["path"] for e in json.loads(out)["evidence"]}
    assert paths == {
        "siege/I32-amelioration/action-plan.csv",
        "siege/I32-amelioration/revue.md",
    }
