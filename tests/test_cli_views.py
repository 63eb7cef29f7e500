"""The command line a quality team lives in (issue #20): the language before the command,
click's own messages in French, ``rnq explain I26``, the files written named, ``--open``,
colour only on a terminal, control characters from a register never reaching the terminal."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from rnq.cli import main

from .conftest import ONE_OFFERING

TODAY = ["--today", "2026-11-28"]


def _rnq(*args: str, env: dict[str, str] | None = None) -> Result:
    clean = {"RNQ_LANG": "", "NO_COLOR": "", "FORCE_COLOR": "", "CI": "", **(env or {})}
    return CliRunner().invoke(main, list(args), env=clean)


def test_lang_before_the_command() -> None:
    result = _rnq("--lang", "en", "check", "--example", *TODAY, "-q")
    assert result.exit_code == 1, result.output
    assert "Gaps by indicator" in result.output and "Écarts" not in result.output
    assert _rnq("--lang", "en", "explain", "26").output.startswith("== RNQ 2019, reading guide")
    after = _rnq("--lang", "en", "explain", "26", "--lang", "fr").output
    assert after.startswith("== RNQ 2019, guide de lecture")  # the command's own --lang wins


@pytest.mark.parametrize("number", ["I26", "i26", "26", "I26-reseau-handicap"])
def test_explain_takes_the_number_as_rnq_names_folders(number: str) -> None:
    result = _rnq("explain", number)
    assert result.exit_code == 0, result.output
    assert "Indicateur 26 — " in result.output


def test_click_usage_errors_in_french_by_default_english_on_request() -> None:
    result = _rnq("check", "--bogus")
    assert result.exit_code == 2
    assert "Usage : rnq check" in result.output
    assert "Essayez « rnq check --help » pour l'aide." in result.output
    assert "Erreur : Option inconnue : « --bogus »." in result.output
    choice = _rnq("check", "--fail-on", "jamais").output
    assert "Valeur invalide pour '--fail-on'" in choice and "n'est pas l'une des valeurs" in choice
    assert "Commande inconnue : « chek »." in _rnq("chek").output
    assert "« X2 » : un numéro d'indicateur est attendu" in _rnq("explain", "X2").output
    english = _rnq("--lang", "en", "check", "--bogus").output
    assert "Usage: rnq check" in english and "No such option '--bogus'" in english
    assert "Error: No such option" in _rnq("check", "--bogus", env={"RNQ_LANG": "en"}).output
    helped = _rnq("check", "-h").output
    assert "Usage : rnq check" in helped and "Afficher cette aide et quitter." in helped
    assert "Collecter les preuves" in helped and "Relire tous les documents." in helped


def test_help_in_english_on_request() -> None:
    helped = _rnq("--lang", "en", "check", "-h").output
    assert "Usage: rnq check" in helped and "Show this message and exit." in helped
    assert "Collect the evidence, run the checks" in helped
    assert "Read every document again." in helped and "Relire" not in helped
    assert "Audit calendar" in _rnq("calendar", "-h", env={"RNQ_LANG": "en"}).output
    # and back to French in the same process: nothing leaks from one run to the next
    assert "Relire tous les documents." in _rnq("check", "-h").output


def test_the_files_written_are_named_and_open_opens_the_html(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr("webbrowser.open", lambda url, *a, **k: opened.append(url) or True)
    html, xlsx = tmp_path / "rapport.html", tmp_path / "plan.xlsx"
    result = _rnq("check", "--example", *TODAY, "--html", str(html), "--xlsx", str(xlsx), "--open")
    assert result.exit_code == 1, result.output
    flat = result.output.replace("\u00a0", " ")
    assert f"HTML : {html.absolute()}" in flat and f"XLSX : {xlsx.absolute()}" in flat
    assert opened == [html.absolute().as_uri()]
    assert "\x1b]8;;" not in result.output  # no link outside a terminal
    refused = _rnq("check", "--example", *TODAY, "--open")
    assert refused.exit_code == 2 and "--open ouvre le rapport HTML" in refused.output


def test_written_path_said_on_stderr_when_stdout_carries_a_report(tmp_path: Path) -> None:
    md = tmp_path / "r.md"
    result = CliRunner().invoke(
        main, ["check", "--example", *TODAY, "--json", "-", "--md", str(md)], env={"CI": ""}
    )
    assert result.stdout.lstrip().startswith("{")
    assert str(md.absolute()) in result.stderr and str(md.absolute()) not in result.stdout


def test_no_colour_when_piped_or_no_color_colour_when_forced() -> None:
    assert "\x1b[" not in _rnq("check", "--example", *TODAY).output  # not a terminal
    forced = _rnq("check", "--example", *TODAY, env={"FORCE_COLOR": "1"}).output
    assert "\x1b[1;31m[NC majeure]\x1b[0m" in forced
    both = _rnq("check", "--example", *TODAY, env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert "\x1b[" not in both.output


def test_a_real_pipe_gets_no_escape_codes() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    done = subprocess.run(
        [sys.executable, "-m", "rnq", "check", "--example", *TODAY, "-q"],
        capture_output=True,
        env=env,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert b"\x1b" not in done.stdout and "Écarts par indicateur".encode() in done.stdout


def test_control_characters_in_a_register_reach_the_console_escaped(
    write_workspace: Callable[..., Path],
) -> None:
    evil = "Paul\x1b[2J Martin\u202egnp.exe"
    root = write_workspace(
        ONE_OFFERING,
        {"pro/I21-registre-formateurs.csv": f"Nom;Rôle;Fichier CV\n{evil};Formateur;\n"},
    )
    for env in ({}, {"FORCE_COLOR": "1"}):
        result = _rnq("check", str(root), "--indicator", "21", *TODAY, env=env)
        assert result.exit_code in (0, 1), result.output
        assert "Paul\\x1b[2J Martin\\u202egnp.exe" in result.output
        assert "\x1b[2J" not in result.output and "\u202e" not in result.output


def test_other_text_views_escape_control_characters_too(tmp_path: Path) -> None:
    from .test_console_view import one_of_each

    old, new = tmp_path / "old.json", tmp_path / "new.json"
    old.write_text(one_of_each(message="Nom\x1b[2J\u202eexe").to_json(), encoding="utf-8")
    new.write_text(one_of_each(message="Nom\x1b[2J\u202eexe").to_json(), encoding="utf-8")
    result = _rnq("diff", str(old), str(new))
    assert result.exit_code == 0, result.output
    assert "Nom\\x1b[2J\\u202eexe" in result.output
    assert "\x1b" not in result.output and "\u202e" not in result.output


def test_xlsx_round_trip_through_the_command(
    write_workspace: Callable[..., Path], tmp_path: Path
) -> None:
    """Run, type in Excel, fix the gap, run again: the comment stays, the row says « corrigé »."""
    from .test_xlsx_round_trip import _plan, _type_in

    cv = "---\nindicators: [21]\nkind: cv\ndate: 2026-03-01\n---\nCV\n"
    root = write_workspace(
        ONE_OFFERING,
        {
            "pro/I21-registre-formateurs.csv": "Nom;Rôle;Fichier CV\nPaul Martin;Formateur;\n"
            "Marie Dupont;Formatrice;cv-marie-dupont.md\n",
            "pro/cv/cv-marie-dupont.md": cv,
        },
    )
    plan = tmp_path / "plan.xlsx"
    args = ["check", str(root), "--indicator", "21", *TODAY, "--no-cache", "--xlsx", str(plan)]
    assert _rnq(*args).exit_code == 1
    (row,) = [r for r in _plan(plan) if "Paul Martin" in str(r["Écart à traiter"])]
    _type_in(plan, {21: {"Statut": "en cours", "Commentaire": "CV demandé le 20/11"}})
    assert _rnq(*args).exit_code == 1
    (again,) = [r for r in _plan(plan) if r["Constat"] == row["Constat"]]
    assert (again["Statut"], again["Commentaire"]) == ("en cours", "CV demandé le 20/11")
    (root / "pro" / "cv" / "CV_MARTIN_Paul.md").write_text(cv, encoding="utf-8")
    _rnq(*args)
    (fixed,) = [r for r in _plan(plan) if r["Constat"] == row["Constat"]]
    assert (fixed["Statut"], fixed["Commentaire"]) == ("corrigé", "CV demandé le 20/11")
