"""Fuzzing the command end to end (issue #22): random and mutated ``rnq.yaml``, manifests and
front matter — hostile fragments included (nesting 500 deep, reversed ranges, globs that
backtrack, tags, aliases) — through ``rnq check``. Whatever the input: no traceback, exit code
0, 1 or 2 only (never 3, never a crash), a stop (2) names the bad file, and a run that goes on
keeps the healthy evidence read and mapped."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rnq.cli import main
from rnq.testing import write_workspace

from .cases import DEEP
from .conftest import CONFIG, HEALTHY, HEALTHY_INDICATOR, HEALTHY_PATH
from .test_properties import CONFIG_TOPS, KEYS, MANIFEST_TOPS, MUTATIONS, VALUES, yaml_texts

FUZZ = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

#: Fragments that once crashed rnq or hung it (issue #22), on top of the parsers' mutations.
HOSTILE = [
    DEEP,
    "{" * 300 + "}" * 300,
    '"[2026-2025].csv"',
    "[z-a]*.tmp",
    '"' + "*a" * 14 + '*b"',
    "&x [*x]",
    "!!python/name:os.system",
]


@st.composite
def hostile_texts(draw: st.DrawFn, top: Any) -> str:
    text = draw(yaml_texts(top))
    if draw(st.booleans()):
        lines = text.splitlines() or [""]
        at = draw(st.integers(min_value=0, max_value=len(lines) - 1))
        key = draw(st.sampled_from(["note", "path", "ignore", "zz", "indicators"]))
        lines.insert(at, f"{key}: {draw(st.sampled_from([*HOSTILE, *MUTATIONS]))}")
        text = "\n".join(lines) + "\n"
    return text


@pytest.fixture(autouse=True)
def _no_plugins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RNQ_DISABLE_PLUGIN_AUTOLOAD", "1")


def _check(root: Path) -> Result:
    return CliRunner().invoke(
        main, ["check", str(root), "--json", "-", "--today", "2026-11-28", "--no-cache"]
    )


def _common(result: Result) -> None:
    assert result.exit_code in (0, 1, 2), (result.exit_code, result.output)
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def _healthy_kept(result: Result) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(result.stdout)
    [healthy] = [e for e in doc["evidence"] if e["path"] == HEALTHY_PATH]
    assert healthy["read"] == "ok" and HEALTHY_INDICATOR in healthy["indicators"]
    return doc


@FUZZ
@given(text=st.one_of(hostile_texts(CONFIG_TOPS), st.text(max_size=200)))
def test_fuzzed_rnq_yaml(text: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    root = write_workspace(tmp_path_factory.mktemp("fz"), "", HEALTHY)
    (root / "rnq.yaml").write_text(text, encoding="utf-8", errors="surrogatepass")
    result = _check(root)
    _common(result)
    if result.exit_code == 2:
        assert "rnq.yaml" in result.stderr, result.stderr
    else:
        _healthy_kept(result)


@FUZZ
@given(text=st.one_of(hostile_texts(MANIFEST_TOPS), st.text(max_size=200)))
def test_fuzzed_manifest(text: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    root = write_workspace(
        tmp_path_factory.mktemp("fz"),
        CONFIG,
        {**HEALTHY, "pro/rnq-evidence.yaml": text, "pro/" + "a" * 40 + ".md": "# x\n"},
    )
    result = _check(root)
    _common(result)
    if result.exit_code == 2:
        assert "pro/rnq-evidence.yaml" in result.stderr, result.stderr
    else:
        _healthy_kept(result)


@FUZZ
@given(
    head=st.one_of(hostile_texts(st.dictionaries(st.sampled_from(KEYS), VALUES)), st.text()),
    closing=st.sampled_from(["---", "...", "", "----"]),
)
def test_fuzzed_front_matter(
    head: str, closing: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """A front matter never stops the run: its file is named, the rest goes on."""
    note = "siege/note-veille.md"
    root = write_workspace(
        tmp_path_factory.mktemp("fz"),
        CONFIG,
        {**HEALTHY, note: f"---\n{head}\n{closing}\n# Veille\n"},
    )
    result = _check(root)
    _common(result)
    assert result.exit_code in (0, 1), result.stderr
    doc = _healthy_kept(result)
    assert {e["path"] for e in doc["errors"]} <= {note}, doc["errors"]
