"""The user's configuration mistakes, tried as a new user makes them, through ``rnq check DIR``
(issue #19): every mistake at once, in French (English with ``--lang en``), each at its line
with the fix, exit code 2, and nothing written into the workspace."""

from __future__ import annotations

import hashlib
import json
import textwrap
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

import rnq
from rnq import _yaml
from rnq.cli import main
from rnq.errors import ConfigError, ConfigProblem
from rnq.testing import write_workspace
from rnq.workspace.config import diagnose

from .conftest import REPO

GOOD = """\
version: 1
organization: {name: "Organisme test"}
categories: [AF]
units:
  - {id: siege, name: "Siège", central: true}
  - id: pro
    name: "Pôle pro"
    offerings:
      - {id: anglais-b2, title: "Anglais B2", category: AF}
"""


@pytest.fixture(autouse=True)
def _no_autoload(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RNQ_DISABLE_PLUGIN_AUTOLOAD", "1")


def _tree(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        digest.update(path.relative_to(root).as_posix().encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _workspace(
    tmp_path: Path, config: str | bytes, files: dict[str, str | bytes] | None = None
) -> Path:
    root = write_workspace(tmp_path / "ws", GOOD, files)
    data = config if isinstance(config, bytes) else textwrap.dedent(config).encode("utf-8")
    (root / "rnq.yaml").write_bytes(data)
    return root


def check(root: Path, *args: str) -> Result:
    """``rnq check ROOT``, asserting it stopped on the configuration and wrote nothing."""
    before = _tree(root)
    result = CliRunner().invoke(
        main, ["check", str(root), "--no-cache", "--today", "2026-11-28", *args]
    )
    assert _tree(root) == before, "the workspace was written into"
    assert "Traceback" not in result.output
    return result


def errors(result: Result) -> list[str]:
    """The lines of the error report: ``path:line: message (fix)``, the heading dropped."""
    assert result.exit_code == 2, result.output
    lines = [line.strip() for line in result.stderr.splitlines() if line.strip()]
    assert lines and lines[0].startswith(("rnq: erreur:", "rnq: error:")), result.stderr
    if len(lines) == 1:
        return [lines[0].split(": ", 2)[2]]
    return lines[1:]


def at(lines: list[str], where: str) -> str:
    """The one error line at ``where`` (``rnq.yaml:3``)."""
    found = [line for line in lines if f"{where}:" in line.split(" ", 1)[0] + ":"]
    assert len(found) == 1, (where, lines)
    return found[0]


# --- rnq.yaml -------------------------------------------------------------------------------


FRENCH_KEYS = """\
version: 1
organisation: {name: "Organisme test"}
categories: [AF]
date_audit: 2027-02-10
unités:
  - {id: siege, name: "Siège", central: true}
owners:
  indicateurs: {26: "Référente handicap"}
"""


def test_french_keys_get_the_key_meant_all_at_once(tmp_path: Path) -> None:
    root = _workspace(tmp_path, FRENCH_KEYS)
    lines = errors(check(root))
    assert len(lines) == 4, lines
    assert "clé inconnue « organisation » (vouliez-vous dire « organization » ?)" in at(
        lines, "rnq.yaml:2"
    )
    assert "vouliez-vous dire « date » sous « audit: » ?" in at(lines, "rnq.yaml:4")
    assert "clé inconnue « unités » (vouliez-vous dire « units » ?)" in at(lines, "rnq.yaml:5")
    assert "vouliez-vous dire « indicators » ?" in at(lines, "rnq.yaml:8")
    assert all(line.startswith(str(root / "rnq.yaml")) for line in lines)
    english = errors(check(root, "--lang", "en"))
    assert "unknown key 'organisation' (did you mean 'organization'?)" in at(english, "rnq.yaml:2")
    assert "did you mean 'units'?" in at(english, "rnq.yaml:5")


@pytest.mark.parametrize(
    ("before", "after", "line", "meant"),
    [
        ("categories: [AF]", "catégories: [AF]", 3, "categories"),
        ("categories: [AF]", "categories: [AF]\nactivité: {alternance: true}", 4, "activity"),
        ("    offerings:", "    offres:", 8, "offerings"),
        ("category: AF}", "catégorie: AF}", 9, "category"),
        ("title: ", "intitulé: ", 9, "title"),
        ('name: "Pôle pro"', 'nom: "Pôle pro"', 7, "name"),
        ("units:", "unites:", 4, "units"),
    ],
)
def test_french_key_gets_the_english_one(
    tmp_path: Path, before: str, after: str, line: int, meant: str
) -> None:
    lines = errors(check(_workspace(tmp_path, GOOD.replace(before, after))))
    assert f"(vouliez-vous dire « {meant} » ?)" in at(lines, f"rnq.yaml:{line}")


def test_heading_counts_the_errors(tmp_path: Path) -> None:
    result = check(_workspace(tmp_path, FRENCH_KEYS))
    assert result.stderr.startswith(
        "rnq: erreur: 4 erreurs dans la configuration ; rien n'a été vérifié :\n"
    )
    result = check(_workspace(tmp_path, FRENCH_KEYS), "--lang", "en")
    assert result.stderr.startswith(
        "rnq: error: 4 errors in the configuration; nothing was checked:"
    )


def test_offerings_in_french_under_a_unit(tmp_path: Path) -> None:
    config = GOOD.replace("    offerings:", "    prestations:")
    lines = errors(check(_workspace(tmp_path, config)))
    assert lines == [
        f"{tmp_path / 'ws' / 'rnq.yaml'}:8: clé inconnue « prestations » "
        "(vouliez-vous dire « offerings » ?)"
    ]


def test_top_level_block_is_named_at_its_key_line(tmp_path: Path) -> None:
    """The off-by-one: a block value starts on the line after its key; the key's line is the
    one a person looks at."""
    config = GOOD + "activity:\n  - alternance\naudit:\n  type: renewal\n  date: 2027-02-30\n"
    lines = errors(check(_workspace(tmp_path, config)))
    assert "« activity » attend des clés" in at(lines, "rnq.yaml:10")
    assert "« date » : date impossible « 2027-02-30 »" in at(lines, "rnq.yaml:14")


@pytest.mark.parametrize(
    ("written", "iso"), [("10/02/2027", "2027-02-10"), ("10-02-2027", "2027-02-10")]
)
def test_french_dates_get_the_iso_form(tmp_path: Path, written: str, iso: str) -> None:
    config = GOOD + f"audit:\n  type: renewal\n  date: {written}\n  certified_on: 3.4.2024\n"
    root = _workspace(tmp_path, config)
    lines = errors(check(root))
    assert f"date « {written} » écrite à la française" in at(lines, "rnq.yaml:12")
    assert f"(écrivez {iso})" in at(lines, "rnq.yaml:12")
    assert "(écrivez 2024-04-03)" in at(lines, "rnq.yaml:13")
    english = errors(check(root, "--lang", "en"))
    assert f"(write {iso})" in at(english, "rnq.yaml:12")


def test_unquoted_colon_says_put_the_text_in_quotes(tmp_path: Path) -> None:
    config = GOOD.replace('name: "Pôle pro"', "name: Pôle pro : langues")
    root = _workspace(tmp_path, config)
    [line] = errors(check(root))
    assert line.startswith(f"{root / 'rnq.yaml'}:7: YAML invalide : deux-points « : » inattendu")
    assert "mettez le texte entre guillemets" in line
    [line] = errors(check(root, "--lang", "en"))
    assert "put the text in quotes" in line and "mapping values" not in line


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        (GOOD.replace("  - id: pro", "\t- id: pro"), 6, "indentez avec des espaces"),
        (GOOD.replace('"Organisme test"', '"Organisme test'), 2, "fermez les guillemets"),
        (GOOD.replace("categories: [AF]", "categories: [AF"), 3, "fermez le crochet"),
        (GOOD.replace("    name:", "   name:"), 7, "alignez les clés"),
        (GOOD + "ignore: [@brouillons]\n", 10, "mettez le texte entre guillemets"),
        (
            GOOD.replace('title: "Anglais B2"', "title: Anglais : B2"),
            9,
            "mettez le texte entre guillemets",
        ),
    ],
    ids=["tab", "unclosed-quote", "unclosed-bracket", "indentation", "at-sign", "colon-in-braces"],
)
def test_yaml_syntax_errors_in_french(tmp_path: Path, text: str, line: int, fragment: str) -> None:
    [found] = errors(check(_workspace(tmp_path, text)))
    assert f"rnq.yaml:{line}: YAML invalide" in found
    assert fragment in found


def test_windows_1252_file_says_save_as_utf8(tmp_path: Path) -> None:
    root = _workspace(tmp_path, GOOD.encode("cp1252"))
    [line] = errors(check(root))
    assert line.startswith(f"{root / 'rnq.yaml'}:5: le fichier n'est pas enregistré en UTF-8")
    assert "« è »" in line and "enregistrez le fichier en UTF-8" in line
    [line] = errors(check(root, "--lang", "en"))
    assert "save the file as UTF-8" in line


def test_a_byte_order_mark_is_fine(tmp_path: Path) -> None:
    root = _workspace(tmp_path, b"\xef\xbb\xbf" + GOOD.encode())
    assert rnq.load(root).config.organization.name == "Organisme test"


def test_every_duplicate_key_with_the_rest(tmp_path: Path) -> None:
    config = GOOD + "categories: [BC]\norganisation: x\nversion: 1\n"
    lines = errors(check(_workspace(tmp_path, config)))
    assert "clé en double : categories (déjà à la ligne 3)" in at(lines, "rnq.yaml:10")
    assert "vouliez-vous dire « organization » ?" in at(lines, "rnq.yaml:11")
    assert "clé en double : version (déjà à la ligne 1)" in at(lines, "rnq.yaml:12")
    assert "gardez une seule clé « version »" in at(lines, "rnq.yaml:12")


def test_duplicate_offering_id_at_its_own_line(tmp_path: Path) -> None:
    config = GOOD + '      - {id: anglais-b2, title: "Anglais B2 bis"}\n'
    [line] = errors(check(_workspace(tmp_path, config)))
    assert ":10: identifiant « anglais-b2 » déjà donné à une autre prestation (ligne 9)" in line
    assert "« None »" not in line


def test_pydantic_messages_in_plain_french(tmp_path: Path) -> None:
    config = """\
    version: 1
    organization: {nda: 11750000075}
    categories: [AF, XX]
    activity: {alternance: oui}
    audit: {type: renouvellement}
    units:
      - id: pro
        offerings:
          - {id: Anglais B2, title: "Anglais", category: CPF, duration_days: deux}
    """
    root = _workspace(tmp_path, config)
    lines = errors(check(root))
    text = "\n".join(lines)
    for english in ("Field required", "Input should", "valid date", "Value error", "None"):
        assert english not in text
    line_2 = [line for line in lines if "rnq.yaml:2:" in line]
    assert len(line_2) == 2
    assert any("clé « name » manquante (ajoutez name: …)" in line for line in line_2)
    assert any(
        '« nda » attend un texte (mettez la valeur entre guillemets : nda: "11750000075")' in line
        for line in line_2
    )
    assert (
        "valeur « XX » non reconnue pour « categories » (valeurs possibles : AF, BC, VAE, CFA)"
        in at(lines, "rnq.yaml:3")
    )
    assert "« alternance » vaut true ou false, pas « oui » (écrivez true (oui))" in at(
        lines, "rnq.yaml:4"
    )
    assert "vouliez-vous dire « renewal » ?" in at(lines, "rnq.yaml:5")
    assert "clé « name » manquante" in at(lines, "rnq.yaml:7")
    offering = [line for line in lines if "rnq.yaml:9:" in line]
    assert any(
        "identifiant « Anglais B2 » non valide" in line and "anglais-b2" in line
        for line in offering
    )
    assert any("valeur « CPF » non reconnue pour « category »" in line for line in offering)
    assert any("« duration_days » attend un nombre" in line for line in offering)
    english = "\n".join(errors(check(root, "--lang", "en")))
    assert "allowed values: AF, BC, VAE, CFA" in english and "missing key 'name'" in english


def test_missing_file_is_a_usage_error_in_french(tmp_path: Path) -> None:
    (tmp_path / "vide").mkdir()
    result = check(tmp_path / "vide")
    assert result.exit_code == 2
    assert "rnq.yaml" in result.stderr and "rnq init" in result.stderr


# --- manifests ------------------------------------------------------------------------------


def test_manifest_errors_stop_the_run_all_listed(tmp_path: Path) -> None:
    manifest = """\
    - path: "*.pdf"
      indicators: [26]
      colour: bleu
    - path: cv-*.pdf
      kind: cvv
      date: 10/02/2027
    - path: "../ailleurs/*"
      indicators: [99]
    """
    root = _workspace(tmp_path, GOOD, {"pro/rnq-evidence.yaml": manifest, "pro/a.pdf": b"%PDF"})
    lines = errors(check(root))
    shown = root / "pro" / "rnq-evidence.yaml"
    assert all(line.startswith(f"{shown}:") for line in lines), lines
    assert "clé inconnue « colour »" in at(lines, "rnq-evidence.yaml:3")
    assert "type de preuve inconnu « cvv » (vouliez-vous dire « cv » ?)" in at(
        lines, "rnq-evidence.yaml:5"
    )
    assert "(écrivez 2027-02-10)" in at(lines, "rnq-evidence.yaml:6")
    assert "l'indicateur 99 n'existe pas" in at(lines, "rnq-evidence.yaml:8")
    english = errors(check(root, "--lang", "en"))
    assert "unknown kind 'cvv' (did you mean 'cv'?)" in at(english, "rnq-evidence.yaml:5")


def test_manifest_in_windows_1252(tmp_path: Path) -> None:
    manifest = "- path: '*.pdf'\n  note: Procédure\n  indicators: [26]\n".encode("cp1252")
    root = _workspace(tmp_path, GOOD, {"pro/rnq-evidence.yaml": manifest, "pro/a.pdf": b"%PDF"})
    [line] = errors(check(root))
    assert "rnq-evidence.yaml:2: le fichier n'est pas enregistré en UTF-8" in line
    assert "enregistrez le fichier en UTF-8" in line


def test_rnq_yaml_and_manifest_mistakes_in_one_run(tmp_path: Path) -> None:
    config = GOOD.replace("organization:", "organisation:")
    manifest = "- path: '*.pdf'\n  indicators: [26]\n  colour: bleu\n"
    root = _workspace(tmp_path, config, {"pro/rnq-evidence.yaml": manifest})
    lines = errors(check(root))
    assert len(lines) == 2
    assert "vouliez-vous dire « organization » ?" in at(lines, "rnq.yaml:2")
    assert "clé inconnue « colour »" in at(lines, "rnq-evidence.yaml:3")


def test_manifest_accepts_the_documented_french_keys(tmp_path: Path) -> None:
    manifest = """\
    - chemin: "procedure-*.pdf"
      indicateurs: [26]
      type: procedure
      prestation: anglais-b2
      valide_jusqu_au: 2027-06-30
      commentaire: "Procédure d'accueil"
    """
    root = _workspace(
        tmp_path,
        GOOD,
        {"pro/rnq-evidence.yaml": manifest, "pro/procedure-accueil.pdf": b"%PDF"},
    )
    result = CliRunner().invoke(main, ["evidence", str(root), "--json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    [item] = [e for e in doc["evidence"] if e["path"] == "pro/procedure-accueil.pdf"]
    assert item["indicators"] == [26] and item["kind"] == "procedure"
    assert item["offering"] == "anglais-b2" and item["mapped_by"] == "manifest"
    assert doc["errors"] == []


def test_front_matter_accepts_the_same_french_keys(tmp_path: Path) -> None:
    note = (
        "---\nindicateurs: [26]\nNature: procedure\npartie prenante: apprenants\n---\n# Accueil\n"
    )
    root = _workspace(tmp_path, GOOD, {"pro/accueil.md": note})
    result = CliRunner().invoke(main, ["evidence", str(root), "--json"])
    assert result.exit_code == 0, result.output
    [item] = [e for e in json.loads(result.stdout)["evidence"] if e["path"] == "pro/accueil.md"]
    assert (item["indicators"], item["kind"], item["mapped_by"]) == (
        [26],
        "procedure",
        "front_matter",
    )


def test_date_d_audit_points_under_audit(tmp_path: Path) -> None:
    [line] = errors(check(_workspace(tmp_path, GOOD + "date d'audit: 2027-02-10\n")))
    assert (
        "rnq.yaml:10: clé inconnue « date d'audit » (vouliez-vous dire « date » sous « audit: » ?"
        in line
    )


def test_manifest_mistake_names_the_french_key_as_written(tmp_path: Path) -> None:
    manifest = "- path: '*.pdf'\n  indicateurs: [21]\n  valide_jusqu_au: 31/12/2027\n"
    root = _workspace(tmp_path, GOOD, {"pro/rnq-evidence.yaml": manifest})
    [line] = errors(check(root))
    assert "rnq-evidence.yaml:3: « valide_jusqu_au » : date « 31/12/2027 »" in line
    assert "(écrivez 2027-12-31)" in line


def test_manifest_key_said_twice_in_two_languages(tmp_path: Path) -> None:
    manifest = "- path: '*.pdf'\n  kind: cv\n  type: cv\n"
    root = _workspace(tmp_path, GOOD, {"pro/rnq-evidence.yaml": manifest})
    [line] = errors(check(root))
    assert (
        "rnq-evidence.yaml:3: « type » et « kind » disent la même chose (gardez-en un seul)" in line
    )


def test_ignored_folders_are_not_checked(tmp_path: Path) -> None:
    config = GOOD + 'ignore: ["archives/"]\n'
    root = _workspace(tmp_path, config, {"archives/rnq-evidence.yaml": "- colour: x\n"})
    assert rnq.load(root).config.ignore == ["archives/"]


# --- the waivers file -----------------------------------------------------------------------


def test_waivers_all_mistakes_at_once(tmp_path: Path) -> None:
    waivers = """\
    - indicator: 26
      justifcation: "Référente recrutée"
      approver: "Direction"
      expires: 31/01/2027
    - indicator: 40
      unit: langues
      justification: "x"
      approver: "y"
      expires: 2027-01-31
    """
    root = _workspace(tmp_path, GOOD + "waivers: waivers.yaml\n", {"waivers.yaml": waivers})
    lines = errors(check(root))
    assert (
        "dérogation n° 1 : clé inconnue « justifcation » (vouliez-vous dire « justification » ?)"
        in at(lines, "waivers.yaml:2")
    )
    assert "(écrivez 2027-01-31)" in at(lines, "waivers.yaml:4")
    assert "dérogation n° 2 : l'indicateur 40 n'existe pas" in at(lines, "waivers.yaml:5")
    english = errors(check(root, "--lang", "en"))
    assert "waiver #1: unknown key 'justifcation'" in at(english, "waivers.yaml:2")


def test_waivers_unknown_unit_names_the_known_ones(tmp_path: Path) -> None:
    waivers = (
        "- {indicator: 26, unit: langues, justification: x, approver: y, expires: 2027-01-31}\n"
    )
    root = _workspace(tmp_path, GOOD + "waivers: waivers.yaml\n", {"waivers.yaml": waivers})
    [line] = errors(check(root))
    assert "waivers.yaml:1: dérogation n° 1 : « unit » : unité inconnue « langues »" in line
    assert "(connues dans rnq.yaml : pro, siege)" in line


# --- the library ----------------------------------------------------------------------------


def test_load_raises_one_error_holding_every_problem(tmp_path: Path) -> None:
    root = _workspace(tmp_path, FRENCH_KEYS, {"pro/rnq-evidence.yaml": "- path: a\n  colour: x\n"})
    with pytest.raises(ConfigError) as info:
        rnq.load(root)
    error = info.value
    assert error.exit_code == 2
    assert len(error.problems) == 5
    assert all(isinstance(p, ConfigProblem) for p in error.problems)
    first = error.problems[0]
    assert (first.path, first.line, first.key) == (str(root / "rnq.yaml"), 2, "organisation")
    assert first.message.en == "unknown key 'organisation'"
    assert first.fix is not None and first.fix.fr == "vouliez-vous dire « organization » ?"
    assert (error.path, error.line, error.key, error.hint) == (
        first.path,
        first.line,
        first.key,
        first.fix,
    )
    assert error.problems[-1].path == str(root / "pro" / "rnq-evidence.yaml")
    assert error.message("fr").count("\n") == 5
    assert (
        first.text("en")
        == f"{root / 'rnq.yaml'}:2: unknown key 'organisation' (did you mean 'organization'?)"
    )


def test_a_config_error_of_one_problem_reads_as_before() -> None:
    error = ConfigError(
        rnq.Localized(fr="clé inconnue « x »", en="unknown key 'x'"),
        path="rnq.yaml",
        line=3,
        key="x",
    )
    assert error.message("fr") == "rnq.yaml:3: clé inconnue « x »"
    assert [p.line for p in error.problems] == [3]
    with pytest.raises(ValueError, match="at least one problem"):
        ConfigError.of([])


def test_diagnose_lists_without_raising(tmp_path: Path) -> None:
    """For ``rnq doctor``: the workspace when rnq.yaml is valid, and every mistake."""
    manifest = "- path: '*.pdf'\n  colour: x\n"
    root = _workspace(tmp_path, GOOD, {"pro/rnq-evidence.yaml": manifest})
    workspace, problems = diagnose(root)
    assert workspace is not None and workspace.config.units[1].id == "pro"
    assert [(p.line, p.key) for p in problems] == [(2, "colour")]
    (root / "rnq.yaml").write_text(FRENCH_KEYS, encoding="utf-8")
    workspace, problems = diagnose(root)
    assert workspace is None and len(problems) == 5
    (root / "rnq.yaml").write_bytes(GOOD.encode("cp1252"))
    workspace, problems = diagnose(root)
    assert workspace is None and [p.line for p in problems] == [5]
    workspace, problems = diagnose(tmp_path / "absent")
    assert workspace is None and problems[0].fix is not None


_YAML_SAMPLES = [
    "a: 1\nb: [x, y]\n",
    "units:\n  - {id: a, name: 'A',\n     path: a}\n  - id: b\n    offerings:\n      - id: c\n",
    "note: |\n  deux\n  lignes\n\nautre: >\n  plié\n  ici\n",
    "# commentaire\nclé: « guillemets »\nliste:\n- 1\n- 2\n",
    "a: &x {b: 1}\nc: *x\n",
    "a: 1\na: 2\nb: 3\n",  # a duplicate key
    "a: [1, 2\nb: 3\n",  # an unclosed bracket
    "a: 'ouvert\nb: 2\n",  # an unclosed quote
    "{title: Anglais : B2}\n",
    "a:\n\t- tab\n",
    "a: b: c\n",
    "a: \x07\n",  # a control character
    "- a\nb: 1\n",
    "a: !!python/object:os.system x\n",
    "",
    "---\na: 1\n---\nb: 2\n",
]


def _parsed(text: str, *, python_only: bool) -> Any:
    duplicates: list[Any] = []
    try:
        if python_only:
            got = _yaml._load_yaml(text, _yaml._Builder, False, duplicates)
        else:
            got = _yaml.load_yaml(text, duplicates=duplicates)
    except _yaml.YamlError as exc:
        return ("error", exc.line, exc.localized, exc.fix)
    return got, [(d.line, d.localized) for d in duplicates]


@pytest.mark.parametrize(
    "text",
    _YAML_SAMPLES
    + [p.read_text(encoding="utf-8") for p in sorted(REPO.glob("evidence/**/*.yaml"))],
)
def test_libyaml_parses_as_the_python_parser_does(text: str) -> None:
    """Files people write are parsed with libyaml when it is there: the values, the line of
    every value, the duplicate keys and every error (line, message, fix) are those of the
    Python parser, which parses again any file libyaml refuses."""
    assert _parsed(text, python_only=False) == _parsed(text, python_only=True)
