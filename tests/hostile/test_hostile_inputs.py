"""Every hostile input of :mod:`.cases`, end to end through ``rnq.run`` (SPEC §9).

For each case, one workspace holds the healthy evidence and the hostile thing, and the run must:

1. not raise (no crash: a configuration error is the only exception, and only for ``rnq.yaml``);
2. name the file (and the line, where there is one) in the report's ``errors``;
3. keep the healthy evidence mapped, read, and its indicator's status the same as in a workspace
   without the hostile thing (nothing lost);
4. never report the indicator the hostile input was meant to prove as ``conform``;
5. leave the workspace byte-for-byte as it was (paths, bytes, modes), with no bytecode in it;
6. never read anything from outside the workspace (a spy check sees every evidence text).

100 hostile inputs are tried (79 end to end, 21 broken ``rnq.yaml``; ``pytest tests/hostile -k
count -s`` prints the current count), plus the property-based tests of ``test_properties``.
No test may crash rnq, and no evidence may be lost or altered.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import rnq
from rnq.cli import main
from rnq.errors import CodeError, ConfigError
from rnq.testing import write_workspace

from .cases import (
    BROKEN_MANIFESTS,
    CASES,
    CONFIG_CASES,
    FORMULA,
    PWNED,
    SECRET,
    STOPPING_CODE_CASES,
    Case,
    ConfigCase,
    all_ids,
    spy_plugin,
)
from .conftest import (
    CONFIG,
    HEALTHY,
    HEALTHY_INDICATOR,
    HEALTHY_PATH,
    bytecode_in,
    run_doc,
    snapshot,
    statuses,
)


def _outside(tmp_path: Path) -> Path:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text(f"# Secret\n{SECRET}\n", encoding="utf-8")
    return outside


def _run(root: Path, case_plugins: tuple[object, ...], seen: list[str]) -> dict[str, Any]:
    return run_doc(root, extra_plugins=(*case_plugins, spy_plugin(seen)))


@pytest.fixture(scope="module")
def baseline(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    """The report of each configuration used by the cases, with the healthy evidence only."""
    reports: dict[str, dict[str, Any]] = {}
    harmless: dict[str, str | bytes] = {"plugins/local.py": "\n", "checks/check_none.py": "\n"}
    for config in {case.config for case in CASES}:
        root = write_workspace(tmp_path_factory.mktemp("baseline"), config, HEALTHY)
        if "plugins:" in config or "checks:" in config:
            write_workspace(root, config, harmless)
        reports[config] = _run(root, (), [])
    return reports


def test_the_healthy_evidence_is_conform_on_its_own(
    baseline: dict[str, dict[str, Any]],
) -> None:
    doc = baseline[CONFIG]
    assert statuses(doc)[HEALTHY_INDICATOR] == "conform"
    assert doc["errors"] == []


def _matches(error: dict[str, Any], case: Case) -> bool:
    path = str(error["path"])
    if case.error is None:
        return False
    found = path.startswith(case.error) if case.prefix else path == case.error
    if case.line is not None:
        found = found and error["line"] == case.line
    if case.message is not None:
        found = found and case.message in str(error["message"])
    return found


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_hostile_input(case: Case, tmp_path: Path, baseline: dict[str, dict[str, Any]]) -> None:
    outside = _outside(tmp_path)
    root = write_workspace(tmp_path / "ws", case.config, HEALTHY)
    try:
        case.build(root, outside)
    except (OSError, NotImplementedError) as exc:  # pragma: no cover - exotic filesystems
        pytest.skip(f"cannot build this input here: {exc}")
    before = snapshot(root)
    seen: list[str] = []

    doc = _run(root, case.plugins(), seen)  # 1. no exception

    # 2. the error names the file (and the line)
    if case.error is not None:
        assert any(_matches(e, case) for e in doc["errors"]), json.dumps(
            doc["errors"], ensure_ascii=False, indent=1
        )
    # 3. the healthy evidence is still there, read, and its indicator unchanged
    evidence = {e["path"]: e for e in doc["evidence"]}
    assert evidence[HEALTHY_PATH]["read"] == "ok"
    assert HEALTHY_INDICATOR in evidence[HEALTHY_PATH]["indicators"]
    reference = statuses(baseline[case.config])
    if case.blinds:  # a failed collector that does not say what it feeds: nothing is assessed
        assert statuses(doc)[HEALTHY_INDICATOR] == "not_assessed"
    else:
        assert statuses(doc)[HEALTHY_INDICATOR] == reference[HEALTHY_INDICATOR]
    # 4. what the hostile input was meant to prove is never conform
    if case.target is not None:
        assert statuses(doc)[case.target] != "conform"
    if case.finding is not None:
        [indicator] = [i for i in doc["indicators"] if i["number"] == case.target]
        outcomes = {f["outcome"] for f in indicator["findings"] if case.finding in f["check"]}
        assert outcomes == {"not_verified"}, indicator["findings"]
    if case.kept is not None:
        listed = {**{u["path"]: u for u in doc["unmapped"]}, **evidence}
        assert case.kept in listed, sorted(listed)
        if case.kept_read is not None:
            assert listed[case.kept].get("read") == case.kept_read, listed[case.kept]
    # 5. the workspace is unchanged, no bytecode written
    assert snapshot(root) == before
    assert bytecode_in(root) == []
    # 6. nothing from outside was read, nothing was executed
    text = json.dumps(doc, ensure_ascii=False)
    assert SECRET not in text
    assert not any(SECRET in chunk for chunk in seen)
    assert not any("root:x:0:0" in chunk for chunk in seen)
    assert not (outside / PWNED).exists()


@pytest.mark.parametrize("case", STOPPING_CODE_CASES, ids=[c.id for c in STOPPING_CODE_CASES])
def test_broken_code_stops_with_file_and_line(case: Case, tmp_path: Path) -> None:
    """Code that cannot be collected (a check file or workspace plugin that does not import, a
    plugin contributing garbage as checks) stops the run before any document is read (issue
    #19), naming the file and line; nothing is written, nothing outside is read."""
    outside = _outside(tmp_path)
    root = write_workspace(tmp_path / "ws", case.config, HEALTHY)
    case.build(root, outside)
    before = snapshot(root)
    with pytest.raises(CodeError) as info:
        rnq.run(
            root,
            rnq.RunOptions(
                use_cache=False, load_entrypoints=False, workers=1, extra_plugins=case.plugins()
            ),
        )
    error = info.value
    assert error.exit_code == 2
    assert case.error is not None
    [problem, *_] = [p for p in error.problems if p.path == case.error]
    if case.line is not None:
        assert problem.line == case.line, error.message("fr")
    assert (case.message or "") in error.message("fr")
    assert problem.message.fr and problem.message.en
    assert snapshot(root) == before
    assert bytecode_in(root) == []
    assert not (outside / PWNED).exists()


def test_evidence_outside_the_workspace_is_never_read_nor_listed(tmp_path: Path) -> None:
    """A plugin's records posing as files outside the workspace are dropped and reported."""
    [case] = [c for c in CASES if c.id == "plugin-evidence-outside-the-workspace"]
    outside = _outside(tmp_path)
    root = write_workspace(tmp_path / "ws", case.config, HEALTHY)
    case.build(root, outside)
    doc = _run(root, case.plugins(), [])
    listed = [e["path"] for e in doc["evidence"]] + [u["path"] for u in doc["unmapped"]]
    assert listed == [HEALTHY_PATH]
    refused = [e for e in doc["errors"] if "hors de l'espace" in e["message"]]
    assert len(refused) == 4


@pytest.mark.parametrize("case_id", ["non-utf8-name", "non-utf8-name-pdf"])
def test_non_utf8_names_are_read_with_the_cache_on(case_id: str, tmp_path: Path) -> None:
    """Regression: such a file was once looked up under its escaped name (never read), then
    crashed the SQLite cache with its undecodable bytes."""
    [case] = [c for c in CASES if c.id == case_id]
    root = write_workspace(tmp_path / "ws", case.config, HEALTHY)
    case.build(root, tmp_path)
    # the same file under a UTF-8 name: the status the odd name must not change
    [odd] = [p for p in (root / "siege").iterdir() if p.name.startswith("I23-")]
    plain = write_workspace(tmp_path / "plain", case.config, HEALTHY)
    (plain / "siege" / f"I23-veille{odd.suffix}").write_bytes(odd.read_bytes())
    expected = statuses(run_doc(plain))[23]
    assert expected != "not_assessed"
    for _ in range(2):  # cold, then warm
        doc = run_doc(root, use_cache=True, cache_dir=tmp_path / "cache")
        [item] = [e for e in doc["evidence"] if e["path"] == case.kept]
        assert item["read"] == "ok"
        assert statuses(doc)[23] == expected


def test_formula_cells_are_kept_verbatim_as_data(tmp_path: Path) -> None:
    """Cells such as ``=cmd|' /C calc'!A0`` are evidence text, neither run nor altered."""
    [case] = [c for c in CASES if c.id == "csv-formula-cells"]
    root = write_workspace(tmp_path / "ws", case.config, HEALTHY)
    case.build(root, tmp_path)
    seen: list[str] = []
    _run(root, case.plugins(), seen)
    assert FORMULA in seen


@pytest.mark.parametrize("case", CONFIG_CASES, ids=[case.id for case in CONFIG_CASES])
def test_broken_rnq_yaml_stops_with_file_and_line(case: ConfigCase, tmp_path: Path) -> None:
    root = tmp_path / "ws"
    write_workspace(root, "", HEALTHY)
    data = case.text if isinstance(case.text, bytes) else case.text.encode("utf-8")
    (root / "rnq.yaml").write_bytes(data)
    before = snapshot(root)
    with pytest.raises(ConfigError) as info:
        rnq.run(root, rnq.RunOptions(use_cache=False, load_entrypoints=False, workers=1))
    error = info.value
    assert error.exit_code == 2
    assert error.path.endswith("rnq.yaml")
    assert error.line == case.line, error.message("fr")
    assert case.fragment in error.message("fr")
    assert snapshot(root) == before
    assert not Path("/tmp/rnq-pwned").exists()


@pytest.mark.parametrize("case", BROKEN_MANIFESTS, ids=[case.id for case in BROKEN_MANIFESTS])
def test_broken_manifest_stops_with_file_and_line(case: Case, tmp_path: Path) -> None:
    """A manifest is configuration: its mistake stops the run (exit 2) before any document is
    read, naming the manifest and the line, and nothing is written."""
    outside = _outside(tmp_path)
    root = write_workspace(tmp_path / "ws", CONFIG, HEALTHY)
    case.build(root, outside)
    before = snapshot(root)
    with pytest.raises(ConfigError) as info:
        rnq.run(root, rnq.RunOptions(use_cache=False, load_entrypoints=False, workers=1))
    error = info.value
    assert error.exit_code == 2
    assert case.error is not None
    [problem] = [p for p in error.problems if p.path.endswith(case.error)]
    if case.line is not None:
        assert problem.line == case.line, error.message("fr")
    assert (case.message or "") in error.message("fr")
    assert problem.message.fr and problem.message.en
    assert snapshot(root) == before
    assert not (outside / PWNED).exists()


@pytest.mark.parametrize(
    "case",
    [c for c in CONFIG_CASES if c.line is not None and isinstance(c.text, str)],
    ids=lambda c: c.id,
)
def test_cli_exits_2_naming_rnq_yaml_and_line(
    case: ConfigCase, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RNQ_DISABLE_PLUGIN_AUTOLOAD", "1")
    root = tmp_path / "ws"
    write_workspace(root, "", HEALTHY)
    (root / "rnq.yaml").write_text(str(case.text), encoding="utf-8")
    result = CliRunner().invoke(
        main, ["check", str(root), "--json", "-", "--today", "2026-11-28", "--no-cache"]
    )
    assert result.exit_code == 2, result.output
    assert f"rnq.yaml:{case.line}" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    "case_id", ["pdf-encrypted", "symlink-loop-to-a-parent", "non-utf8-name", "csv-no-header"]
)
def test_cli_reports_hostile_evidence_and_goes_on(
    case_id: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Through the command: exit code 0 or 1 (never 2 or 3), the error in the JSON."""
    monkeypatch.setenv("RNQ_DISABLE_PLUGIN_AUTOLOAD", "1")
    [case] = [c for c in CASES if c.id == case_id]
    if case.plugins():
        # the CLI loads plugins from rnq.yaml or entry points only: keep the file, drop the
        # plugin, and expect the unknown-collector error instead
        case = Case(case.id, case.build, error="rnq.yaml", config=case.config, target=None)
    root = write_workspace(tmp_path / "ws", case.config, HEALTHY)
    case.build(root, _outside(tmp_path))
    before = snapshot(root)
    result = CliRunner().invoke(
        main, ["check", str(root), "--json", "-", "--today", "2026-11-28", "--no-cache"]
    )
    assert result.exit_code in (0, 1), result.output
    doc = json.loads(result.stdout)
    assert any(_matches(e, case) for e in doc["errors"]), doc["errors"]
    assert snapshot(root) == before


def test_count_of_hostile_inputs(capsys: pytest.CaptureFixture[str]) -> None:
    """How many hostile inputs the suite tries (printed with ``-s``); ids are unique."""
    ids = all_ids()
    assert len(ids) == len(set(ids))
    through_run = len(CASES) + len(BROKEN_MANIFESTS) + len(STOPPING_CODE_CASES)
    assert through_run >= 60 and len(CONFIG_CASES) >= 14
    with capsys.disabled():
        print(
            f"\nhostile inputs tried: {len(ids)} ({len(CASES)} end to end through rnq.run, "
            f"{len(CONFIG_CASES)} broken rnq.yaml)"
        )


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_chmod_000(tmp_path: Path, baseline: dict[str, dict[str, Any]]) -> None:
    root = write_workspace(
        tmp_path / "ws", CONFIG, {**HEALTHY, "siege/I23-veille-legale.md": "# Veille\n"}
    )
    secret = root / "siege" / "I23-veille-legale.md"
    secret.chmod(0)
    try:
        before = snapshot(root)
        doc = run_doc(root)
        assert any(e["path"] == "siege/I23-veille-legale.md" for e in doc["errors"])
        assert statuses(doc)[23] != "conform"
        assert statuses(doc)[HEALTHY_INDICATOR] == statuses(baseline[CONFIG])[HEALTHY_INDICATOR]
        assert snapshot(root) == before
    finally:
        secret.chmod(0o600)
