"""The promises the adversarial probe of December 2026 broke (issue #22), each kept now: a
case per row of ``docs/security.md`` « Ce que la revue a cassé ». Every test asserts the
promise — never conform on a stale, cut or misplaced input; the bad file named and the rest
kept; a bounded run (generous limits, never a timed assertion) — not how it is kept."""

from __future__ import annotations

import json
import os
import signal
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from rnq.cli import main
from rnq.errors import ConfigError
from rnq.testing import write_workspace

from .conftest import CONFIG, HEALTHY, HEALTHY_INDICATOR, HEALTHY_PATH, run_doc, statuses

#: Far above what any of these runs takes; only a hang reaches it.
_BOUND_S = 240


@pytest.fixture(autouse=True)
def bounded() -> Iterator[None]:
    """Fail (instead of hanging the suite) if a run does not return within :data:`_BOUND_S`."""
    if sys.platform == "win32":  # pragma: no cover
        yield
        return

    def stop(_signum: int, _frame: object) -> None:
        raise TimeoutError(f"rnq did not return within {_BOUND_S} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(_BOUND_S)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _ws(tmp_path: Path, config: str = CONFIG, files: dict[str, str | bytes] | None = None) -> Path:
    return write_workspace(tmp_path / "ws", config, {**HEALTHY, **(files or {})})


def _errors(doc: dict[str, Any]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for error in doc["errors"]:
        found.setdefault(str(error["path"]), []).append(str(error["message"]))
    return found


def _healthy_kept(doc: dict[str, Any]) -> None:
    evidence = {e["path"]: e for e in doc["evidence"]}
    assert evidence[HEALTHY_PATH]["read"] == "ok"
    assert statuses(doc)[HEALTHY_INDICATOR] == "conform"


# --- F6: the cache never gives back the report of an older version of a file ----------------

REGISTER = "siege/I31-registre-des-reclamations-2026.csv"
_ANSWERED = "Reçue le;Objet;Répondu le\r\n03/03/2026;Accès plateforme;30/03/2026\r\n"


def test_f6_same_size_edit_with_the_mtime_put_back_is_seen(tmp_path: Path) -> None:
    """``cp -p``, ``touch -r``, archives and 2-second filesystems put the mtime back: the
    change time, which nothing sets back, is in the key of the cache and of the run."""
    root = _ws(tmp_path, files={REGISTER: _ANSWERED})
    target = root / REGISTER
    cache = tmp_path / "cache"
    before = run_doc(root, use_cache=True, cache_dir=cache)
    late = _ANSWERED.replace("30/03/2026", "30/06/2026")  # answered after four months
    info = target.stat()
    with open(target, "r+b") as handle:  # in place: same inode, same size
        handle.write(late.encode("utf-8"))
    os.utime(target, ns=(info.st_atime_ns, info.st_mtime_ns))  # the mtime put back
    after = target.stat()
    assert (after.st_size, after.st_mtime_ns, after.st_ino) == (
        info.st_size,
        info.st_mtime_ns,
        info.st_ino,
    )
    warm = run_doc(root, use_cache=True, cache_dir=cache)
    cold = run_doc(root)
    assert warm["indicators"] == cold["indicators"]
    [finding] = [i for i in cold["indicators"] if i["number"] == 31]
    assert "30/06/2026" in json.dumps(finding, ensure_ascii=False)
    assert "30/06/2026" not in json.dumps(before["indicators"], ensure_ascii=False)


# --- F7 / F15: configuration files are never read through a link leaving the workspace ------


def test_f7_waivers_linked_from_outside_are_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "derogations.yaml").write_text(
        "- indicator: 21\n  unit: siege\n  justification: Recrutement\n"
        "  approver: Direction\n  expires: 2027-06-30\n",
        encoding="utf-8",
    )
    root = _ws(tmp_path, CONFIG + "waivers: derogations.yaml\n")
    (root / "derogations.yaml").symlink_to(outside / "derogations.yaml")
    with pytest.raises(ConfigError) as info:
        run_doc(root)
    assert info.value.exit_code == 2
    assert info.value.path.endswith("derogations.yaml")
    assert "extérieur" in info.value.message("fr")


def test_f15_rnq_yaml_linked_from_outside_is_refused(tmp_path: Path) -> None:
    root = _ws(tmp_path)
    outside = tmp_path / "outside.yaml"
    (root / "rnq.yaml").rename(outside)
    (root / "rnq.yaml").symlink_to(outside)
    with pytest.raises(ConfigError) as info:
        run_doc(root)
    assert info.value.path.endswith("rnq.yaml")
    assert "extérieur" in info.value.message("fr")


def test_waivers_linked_inside_the_workspace_are_read(tmp_path: Path) -> None:
    """A link that stays inside is fine (the walk follows those too)."""
    root = _ws(tmp_path, CONFIG + "waivers: derogations.yaml\n")
    (root / "qualite").mkdir()
    (root / "qualite" / "derogations.yaml").write_text("[]\n", encoding="utf-8")
    (root / "derogations.yaml").symlink_to(root / "qualite" / "derogations.yaml")
    _healthy_kept(run_doc(root))


# --- F10d / F11: pipes, devices, huge files as configuration --------------------------------


@pytest.mark.parametrize("name", ["rnq.yaml", "derogations.yaml"])
def test_f10d_a_fifo_as_configuration_is_named_not_waited_for(tmp_path: Path, name: str) -> None:
    root = _ws(tmp_path, CONFIG + "waivers: derogations.yaml\n")
    (root / "derogations.yaml").write_text("[]\n", encoding="utf-8")
    config = (root / "rnq.yaml").read_bytes()
    (root / name).unlink()
    os.mkfifo(root / name)
    if name == "rnq.yaml":
        with pytest.raises(ConfigError) as info:
            run_doc(root)
    else:
        (root / "rnq.yaml").write_bytes(config)
        with pytest.raises(ConfigError) as info:
            run_doc(root)
    assert info.value.path.endswith(name)
    assert "pas un fichier ordinaire" in info.value.message("fr")


def test_f11_rnq_yaml_linked_to_dev_zero_is_refused(tmp_path: Path) -> None:
    root = _ws(tmp_path)
    (root / "rnq.yaml").unlink()
    (root / "rnq.yaml").symlink_to("/dev/zero")
    with pytest.raises(ConfigError) as info:
        run_doc(root)
    assert info.value.path.endswith("rnq.yaml")


def test_f11_a_device_inside_the_workspace_as_waivers_is_refused(tmp_path: Path) -> None:
    root = _ws(tmp_path, CONFIG + "waivers: zero\n")
    try:
        os.mknod(root / "zero", 0o600 | 0o020000, os.makedev(1, 5))  # /dev/zero
    except (PermissionError, AttributeError):
        pytest.skip("cannot create a device node here (not root)")
    with pytest.raises(ConfigError) as info:
        run_doc(root)
    assert info.value.path.endswith("zero")
    assert "pas un fichier ordinaire" in info.value.message("fr")


# --- F10b / F10c: the walk and the globs stay linear ----------------------------------------


def test_f10b_a_symlink_dag_is_walked_once(tmp_path: Path) -> None:
    """30 folders, each with two links to the next: 2^30 paths if every link were followed."""
    root = _ws(tmp_path)
    base = root / "siege" / "liens"
    depth = 30
    for k in range(depth + 1):
        (base / f"L{k}").mkdir(parents=True)
    for k in range(depth):
        (base / f"L{k}" / "a").symlink_to(f"../L{k + 1}")
        (base / f"L{k}" / "b").symlink_to(f"../L{k + 1}")
    (base / f"L{depth}" / "notes.md").write_text("# x\n", encoding="utf-8")
    doc = run_doc(root)
    listed = [u["path"] for u in doc["unmapped"]] + [e["path"] for e in doc["evidence"]]
    copies = [p for p in listed if p.endswith("notes.md")]
    assert 1 <= len(copies) <= 2 * depth  # linear, not 2**depth
    assert any("déjà atteint par un autre lien" in m for ms in _errors(doc).values() for m in ms)
    _healthy_kept(doc)


def test_f10c_a_backtracking_manifest_glob_returns(tmp_path: Path) -> None:
    root = _ws(
        tmp_path,
        files={
            "siege/rnq-evidence.yaml": '- path: "' + "*a" * 14 + '*b.md"\n  indicators: [19]\n',
            "siege/" + "a" * 60 + ".md": "# x\n",
            "siege/" + "a" * 20 + "b.md": "# y\n",
        },
    )
    doc = run_doc(root)
    [matched] = [e for e in doc["evidence"] if 19 in e["indicators"]]
    assert matched["path"] == "siege/" + "a" * 20 + "b.md"
    _healthy_kept(doc)


def test_f10c_a_backtracking_ignore_glob_returns(tmp_path: Path) -> None:
    root = _ws(
        tmp_path,
        CONFIG + 'ignore: ["' + "*a" * 14 + '*b"]\n',
        files={"siege/" + "a" * 60 + ".md": "# x\n"},
    )
    doc = run_doc(root)
    assert "siege/" + "a" * 60 + ".md" in [u["path"] for u in doc["unmapped"]]


# --- F17 / F18 / F19: names and junk ---------------------------------------------------------


def test_f17_bidi_controls_in_names_are_escaped(tmp_path: Path) -> None:
    root = _ws(tmp_path, files={"siege/\u202egpj.exe.md": "# x\n"})
    doc = run_doc(root)
    text = json.dumps(doc, ensure_ascii=False)
    assert "\u202e" not in text
    assert "siege/\\u202egpj.exe.md" in _errors(doc)
    _healthy_kept(doc)


def test_f18_office_and_os_leftovers_are_not_errors(tmp_path: Path) -> None:
    junk: dict[str, str | bytes] = {
        "siege/._I31-registre.pdf": b"\x00\x05\x16\x07AppleDouble",
        "__MACOSX/siege/._I26.md": b"\x00\x05\x16\x07",
        "siege/.~lock.I32-plan.xlsx#": "verrou",
        "siege/~$I32-plan.docx": b"\x00lock",
        "siege/desktop.ini": "[.ShellClassInfo]\n",
        "siege/.DS_Store": b"\x00\x00\x00\x01Bud1",
        "siege/Thumbs.db": b"\xd0\xcf\x11\xe0",
    }
    doc = run_doc(_ws(tmp_path, files=junk))
    assert doc["errors"] == []
    listed = {e["path"] for e in doc["evidence"]} | {u["path"] for u in doc["unmapped"]}
    assert listed == {HEALTHY_PATH}


def test_f19_a_file_over_the_size_limit_is_listed_once(tmp_path: Path) -> None:
    root = _ws(tmp_path)
    big = root / "siege" / "I17-moyens-techniques.pdf"
    with open(big, "wb") as handle:  # sparse: no disk used
        handle.truncate(201 << 20)
    doc = run_doc(root)
    messages = _errors(doc)["siege/I17-moyens-techniques.pdf"]
    assert len(messages) == 1 and "trop volumineux" in messages[0], messages
    assert statuses(doc)[17] != "conform"


# --- F5: the cache folder inside the workspace (the refusal itself is in test_cli) ----------


def test_f5_a_cache_inside_the_workspace_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RNQ_DISABLE_PLUGIN_AUTOLOAD", "1")
    root = _ws(tmp_path)
    result = CliRunner().invoke(
        main, ["check", str(root), "--cache-dir", str(root / ".cache"), "--today", "2026-11-28"]
    )
    assert result.exit_code == 2, result.output
    assert not (root / ".cache").exists()


# --- F3: a register cut at the character limit is never judged on its beginning ------------


def _long_register(rows: int) -> str:
    lines = ["N° ticket;Reçue le;Objet;Canal;Répondu le;Statut"]
    lines += [
        f"RCL-{i:06d};10/01/2026;Demande d'information sur le planning de la session;"
        "Courriel;15/01/2026;Clôturée"
        for i in range(rows)
    ]
    lines.append(
        "RCL-LATE;03/03/2026;Réclamation restée sans réponse pendant quatre mois;Courriel;"
        "30/06/2026;Clôturée"
    )
    return "\r\n".join(lines) + "\r\n"


@pytest.mark.parametrize("cache", [False, True], ids=["cold", "cached"])
def test_f3_a_register_past_the_limit_is_not_assessed_never_conform(
    tmp_path: Path, cache: bool
) -> None:
    """10 900 rows: over a million characters; the late complaint is in the last row."""
    root = _ws(tmp_path, files={REGISTER: _long_register(10_900)})
    options: dict[str, Any] = {"use_cache": True, "cache_dir": tmp_path / "c"} if cache else {}
    if cache:
        run_doc(root, **options)  # the second run reads the extraction from the cache
    doc = run_doc(root, **options)
    assert statuses(doc)[31] != "conform"
    [message] = _errors(doc)[REGISTER]
    assert "registre trop long" in message
    [item] = [e for e in doc["evidence"] if e["path"] == REGISTER]
    assert item["read"] == "error"
    _healthy_kept(doc)


def test_f3_a_register_under_the_limit_is_read_whole(tmp_path: Path) -> None:
    """The same register with 100 rows: the late complaint is found."""
    doc = run_doc(_ws(tmp_path, files={REGISTER: _long_register(100)}))
    assert statuses(doc)[31] != "conform"
    [indicator] = [i for i in doc["indicators"] if i["number"] == 31]
    assert "30/06/2026" in json.dumps(indicator, ensure_ascii=False)
    assert REGISTER not in _errors(doc)


# --- F4: a unit folder in another case or Unicode form keeps its files in its unit ----------

_LANGUES = "pôle-langues"
_UNITS_NFC = CONFIG + f'  - {{id: langues, name: "Pôle langues", path: "{_LANGUES}"}}\n'
_SUIVI = "# Suivi individualisé\n\nRelevés de connexion et entretiens de suivi 2026.\n"


def _units_of(doc: dict[str, Any], name: str) -> set[str]:
    return {e["unit"] for e in doc["evidence"] if e["path"].endswith(name)}


def test_f4_a_unit_folder_in_another_case_keeps_its_files_and_is_named(tmp_path: Path) -> None:
    root = _ws(tmp_path, files={"Pro/I12-suivi-individualise.md": _SUIVI})
    doc = run_doc(root)
    assert _units_of(doc, "I12-suivi-individualise.md") == {"pro"}, doc["evidence"]
    [message] = _errors(doc)["Pro"]
    assert "casse" in message and "« pro »" in message
    _healthy_kept(doc)


def test_f4_a_unit_folder_written_decomposed_by_macos_keeps_its_files(tmp_path: Path) -> None:
    import unicodedata

    on_disk = unicodedata.normalize("NFD", _LANGUES)
    assert on_disk != _LANGUES
    root = _ws(tmp_path, _UNITS_NFC, files={f"{on_disk}/I12-suivi-individualise.md": _SUIVI})
    if not any(p.name == on_disk for p in root.iterdir()):  # pragma: no cover - HFS+ and co
        pytest.skip("this filesystem normalises names itself")
    doc = run_doc(root)
    assert _units_of(doc, "I12-suivi-individualise.md") == {"langues"}, doc["evidence"]
    _healthy_kept(doc)


def test_f4_the_central_unit_does_not_take_a_misnamed_unit_folder(tmp_path: Path) -> None:
    """What the probe saw: the files of ``Pro/`` counted for every unit as central evidence."""
    root = _ws(tmp_path, files={"PRO/I12-suivi-individualise.md": _SUIVI})
    doc = run_doc(root)
    assert "siege" not in _units_of(doc, "I12-suivi-individualise.md")


# --- F13: a date far in the future is named ---------------------------------------------------


def test_f13_a_document_dated_far_ahead_is_named(tmp_path: Path) -> None:
    note = "siege/veille-legale.md"
    root = _ws(tmp_path, files={note: "---\nindicators: [23]\ndate: 2099-01-01\n---\n# Veille\n"})
    doc = run_doc(root)
    [message] = _errors(doc)[note]
    assert "2099-01-01" in message
    _healthy_kept(doc)


def test_f13_next_years_plan_is_not_an_error(tmp_path: Path) -> None:
    note = "siege/plan-formation.md"
    root = _ws(tmp_path, files={note: "---\nindicators: [22]\ndate: 2027-06-30\n---\n# Plan\n"})
    assert note not in _errors(run_doc(root))


# --- F10a: a warm run's few new documents are read under the time limit ---------------------


def test_f10a_a_large_new_document_is_read_under_the_time_limit(tmp_path: Path) -> None:
    """A warm run with one new e-mail used to read it in rnq's own process, with no time limit:
    a 2 MB HTML body of unclosed comments made ``html.parser`` run for most of an hour. Only
    small files are read in process now; this one goes to a worker and its time limit."""
    from rnq.extract import ExtractLimits, Extractor

    mail = tmp_path / "I31-reclamation.eml"
    mail.write_text(
        "From: a@example.org\r\nSubject: Reclamation\r\n"
        "Date: Mon, 02 Nov 2026 10:00:00 +0100\r\n"
        "Content-Type: text/html; charset=utf-8\r\n\r\n" + "<!--" * 500_000,
        encoding="utf-8",
    )
    extractor = Extractor(workers=1, limits=ExtractLimits(timeout_s=2.0), inprocess_below=16)
    [(_, extraction)] = extractor.run([("I31-reclamation.eml", mail)]).items()
    assert extractor.stats.in_process is False
    assert extraction.status == "error", extraction
    assert extraction.problem is not None and "délai" in extraction.problem.fr


# --- F14: a cache rnq cannot use is said, the run goes on -----------------------------------


def test_f14_a_cache_that_cannot_be_opened_is_said(tmp_path: Path) -> None:
    import subprocess

    root = _ws(tmp_path)
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder should be\n", encoding="utf-8")
    env = {**os.environ, "RNQ_DISABLE_PLUGIN_AUTOLOAD": "1"}
    command = [sys.executable, "-m", "rnq", "check", str(root), "--today", "2026-11-28"]
    command += ["--cache-dir", str(blocked / "cache"), "--json", str(tmp_path / "r.json")]
    done = subprocess.run(
        command,
        capture_output=True,
        text=True,
        env=env,
        timeout=_BOUND_S,
        check=False,
    )
    assert done.returncode in (0, 1), done.stderr
    assert "cache désactivé" in done.stderr
    assert "Traceback" not in done.stderr
    _healthy_kept(json.loads((tmp_path / "r.json").read_text(encoding="utf-8")))
