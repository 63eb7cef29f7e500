"""The version of the content checks' answers (``rnq.checks.helpers.facts_version``, by
:mod:`rnq.cache.code_digests`): each source file's digest is kept beside the cache, so a run
parses no check module it parsed before — whichever other installation of rnq ran in
between."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rnq.cache import code_digests
from rnq.checks import helpers


@pytest.fixture
def digests(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """The digests file, in a cache folder of the test's own; the version worked out afresh."""
    monkeypatch.setenv("RNQ_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(helpers, "_VERSION", [])
    return tmp_path / "code-digests.json"


def _fresh_version(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setattr(helpers, "_VERSION", [])
    return helpers.facts_version()


def test_a_second_run_parses_nothing(digests: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = helpers.facts_version()
    assert digests.is_file()

    def parse(source: Path) -> str:
        raise AssertionError(f"{source} parsed again")

    monkeypatch.setattr(code_digests, "_code_digest", parse)
    assert _fresh_version(monkeypatch) == first


def test_another_installation_s_digests_are_kept(
    digests: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two installations run in turn (two worktrees, two virtual environments): each keeps
    the other's digests, so neither parses its modules at every run."""
    version = helpers.facts_version()
    ours = json.loads(digests.read_text(encoding="utf-8"))
    other = {f"/elsewhere/rnq/checks/i{n:02d}.py:100:{n}": f"{n:064x}" for n in range(3)}
    digests.write_text(json.dumps({**other, **ours}), encoding="utf-8")
    assert _fresh_version(monkeypatch) == version
    assert json.loads(digests.read_text(encoding="utf-8")) == {**other, **ours}  # not rewritten
    # a file of ours changed (its modification time): its digest added, the others kept
    changed = next(iter(ours))
    digests.write_text(
        json.dumps({**other, **{k: v for k, v in ours.items() if k != changed}}), "utf-8"
    )
    assert _fresh_version(monkeypatch) == version
    assert json.loads(digests.read_text(encoding="utf-8")).keys() == {**other, **ours}.keys()


def test_the_oldest_other_digests_go_first(digests: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(code_digests, "DIGESTS_KEPT", 2)
    helpers.facts_version()
    ours = json.loads(digests.read_text(encoding="utf-8"))
    other = {f"/old/{n}.py:1:{n}": f"{n:064x}" for n in range(5)}  # oldest first
    digests.write_text(json.dumps(other), encoding="utf-8")  # ours missing: written again
    _fresh_version(monkeypatch)
    kept = json.loads(digests.read_text(encoding="utf-8"))
    assert kept == {"/old/3.py:1:3": f"{3:064x}", "/old/4.py:1:4": f"{4:064x}", **ours}
