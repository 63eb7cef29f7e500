"""The table of built-in checks in docs/checks.md, and the coverage it shows, stay true."""

from __future__ import annotations

import importlib.util
import inspect
from pathlib import Path
from types import ModuleType

import pytest

from rnq import get_referential
from rnq.checks import builtin_check_modules
from rnq.engine.discovery import CheckDef, collect_checks, namespace_of
from rnq.engine.fixtures import SESSION, TARGETED, FixtureRegistry
from rnq.referential.loader import referential_ids

from .conftest import REPO

#: (version, indicator) → why no built-in content check verifies it (besides the presence
#: check). Empty today: every indicator of both versions has one. A new gap makes the coverage
#: test fail until it is either covered by a check or listed here with its reason.
KNOWN_GAPS: dict[tuple[str, int], str] = {}


@pytest.fixture(scope="module")
def tool() -> ModuleType:
    """tools/gen_check_table.py, imported."""
    path = REPO / "tools" / "gen_check_table.py"
    spec = importlib.util.spec_from_file_location("gen_check_table", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _builtin_checks() -> list[CheckDef]:
    modules = builtin_check_modules()
    checks, problems = collect_checks(
        [(namespace_of(m) or m.__name__, m) for m in modules], FixtureRegistry(SESSION, TARGETED)
    )
    assert problems == []
    return checks


def _is_presence(check: CheckDef) -> bool:
    return bool(check.marks_named("each_indicator"))


def test_docs_section_is_current(tool: ModuleType) -> None:
    document = (REPO / "docs" / "checks.md").read_text(encoding="utf-8")
    assert document.count(tool.START) == 1 and document.count(tool.END) == 1
    start = document.index(tool.START)
    end = document.index(tool.END) + len(tool.END)
    assert document[start:end] == tool.render_section(), (
        "docs/checks.md is stale: run python tools/gen_check_table.py"
    )


def test_fixtures_section_is_current(tool: ModuleType) -> None:
    document = (REPO / "docs" / "checks.md").read_text(encoding="utf-8")
    start = document.index(tool.FIXTURES_START)
    end = document.index(tool.FIXTURES_END) + len(tool.FIXTURES_END)
    assert document[start:end] == tool.render_fixtures(), (
        "docs/checks.md is stale: run python tools/gen_check_table.py"
    )
    for name in (*SESSION, *TARGETED):
        assert f"| `{name}` |" in document[start:end]


def test_items_section_is_current(tool: ModuleType) -> None:
    document = (REPO / "docs" / "checks.md").read_text(encoding="utf-8")
    start = document.index(tool.ITEMS_START)
    end = document.index(tool.ITEMS_END) + len(tool.ITEMS_END)
    assert document[start:end] == tool.render_items(), (
        "docs/checks.md is stale: run python tools/gen_check_table.py"
    )


def test_every_indicator_has_a_content_check() -> None:
    checks = _builtin_checks()
    presence = [c for c in checks if _is_presence(c)]
    assert [c.name for c in presence] == ["rnq.checks.presence::check_evidence_present"]
    content = [c for c in checks if not _is_presence(c)]
    gaps: set[tuple[str, int]] = set()
    for version in referential_ids():
        numbers = [0, *(i.number for i in get_referential(version))]
        covered = {n for c in content for n in c.bound_indicators(version) or ()}
        gaps |= {(version, n) for n in numbers if n not in covered}
    new = sorted(gaps - set(KNOWN_GAPS))
    assert new == [], "(version, indicator) with no built-in content check besides presence"
    assert set(KNOWN_GAPS) <= gaps, "a listed gap is covered now: remove it from KNOWN_GAPS"


def test_indicator_counts_per_version() -> None:
    # The coverage test walks every indicator: make sure it walks 1–32 and 1–33.
    assert [i.number for i in get_referential("rnq-2019-v9")] == list(range(1, 33))
    assert [i.number for i in get_referential("rnq-2026")] == list(range(1, 34))


@pytest.mark.parametrize(
    "check", _builtin_checks(), ids=lambda c: c.name.removeprefix("rnq.checks.")
)
def test_builtin_check_has_requirement_and_fix(check: CheckDef) -> None:
    doc = inspect.cleandoc(check.func.__doc__ or "")
    assert doc, f"{check.name} has no docstring"
    paragraphs = [p.strip() for p in doc.split("\n\n") if p.strip()]
    assert len(paragraphs) >= 2, f"{check.name}: a requirement line and a fix paragraph are needed"
    requirement, fix = paragraphs[0], " ".join(paragraphs[1:])
    assert len(requirement.split()) >= 3, f"{check.name}: requirement too short: {requirement!r}"
    assert len(fix.split()) >= 5, f"{check.name}: fix paragraph too short: {fix!r}"
    assert check.fix is not None  # what the report shows under a gap


def test_table_has_one_labelled_row_per_indicator(tool: ModuleType) -> None:
    section = tool.render_section()
    numbers = {n for v in referential_ids() for n in (i.number for i in get_referential(v))}
    for number in sorted(numbers):
        assert section.count(f"| **{number}** — ") == 1, number
    assert section.count("| **0** — affichage |") == 1
    row_33 = next(line for line in section.splitlines() if line.startswith("| **33** — "))
    assert "*`rnq-2026` only*" in row_33
    row_1 = next(line for line in section.splitlines() if line.startswith("| **1** — "))
    assert "`rnq-2026` only" not in row_1.split("|")[1]


def test_table_names_every_check_and_presence_once(tool: ModuleType) -> None:
    section = tool.render_section()
    rows = [line for line in section.splitlines() if line.startswith("| ")]
    assert sum("presence::check_evidence_present" in line for line in rows) == 0
    assert section.count("`presence::check_evidence_present`") == 1
    for check in _builtin_checks():
        if not _is_presence(check):
            assert f"`{tool.short_name(check)}`" in section, check.name
    criteria = get_referential("rnq-2026").criteria
    assert len(criteria) == 7
    for criterion in criteria:
        assert f"### Critère {criterion.number} — {criterion.short.fr}" in section


def test_versions_per_row_follow_the_data(tool: ModuleType) -> None:
    rows = tool.content_rows(_builtin_checks())
    by_name = {tool.short_name(r.check): r.versions for r in rows[12]}
    assert by_name["delivery::check_engagement_abandons"] == ("rnq-2019-v9", "rnq-2026")
    assert by_name["delivery::check_prevention_violences"] == ("rnq-2026",)
    assert all(r.versions == ("rnq-2026",) for r in rows[33])
    assert tool.versions_label(("rnq-2019-v9", "rnq-2026")) == "both"
    assert tool.versions_label(("rnq-2026",)) == "`rnq-2026` only"


def test_cells_escape_pipes_and_newlines(tool: ModuleType) -> None:
    assert tool.cell("a | b\n  c") == "a \\| b c"
    assert tool.cell("x\\y") == "x\\\\y"


def test_main_rewrites_and_check_detects_stale(
    tool: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = tmp_path / "checks.md"
    before, after = "# Writing checks\n\nintro\n\n", "\n\n## Where a check runs\n"
    fixtures = (
        f"\n\n{tool.FIXTURES_START}\nold fixtures\n{tool.FIXTURES_END}\n"
        f"\n{tool.ITEMS_START}\nold items\n{tool.ITEMS_END}\n"
    )
    doc.write_text(
        f"{before}{tool.START}\nold table\n{tool.END}{after}{fixtures}", encoding="utf-8"
    )
    monkeypatch.setattr(tool, "DOC", doc)
    assert tool.main(["--check"]) == 1
    assert "old table" in doc.read_text(encoding="utf-8")  # --check writes nothing
    assert tool.main([]) == 0
    assert doc.read_text(encoding="utf-8") == (
        f"{before}{tool.render_section()}{after}\n\n{tool.render_fixtures()}\n"
        f"\n{tool.render_items()}\n"
    )
    assert tool.main(["--check"]) == 0


def test_main_without_markers_fails(
    tool: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = tmp_path / "checks.md"
    doc.write_text("# Writing checks\n", encoding="utf-8")
    monkeypatch.setattr(tool, "DOC", doc)
    assert tool.main([]) == 1
    assert tool.main(["--check"]) == 1
    assert doc.read_text(encoding="utf-8") == "# Writing checks\n"


@pytest.mark.parametrize(
    "check", _builtin_checks(), ids=lambda c: c.name.removeprefix("rnq.checks.")
)
def test_builtin_check_speaks_english(check: CheckDef) -> None:
    # An English report shows the EN: part of the docstring; without it, the French text.
    requirement, fix = check.requirement, check.fix
    assert requirement.en != requirement.fr, f"{check.name}: no English requirement (EN: part)"
    assert fix is not None
    assert fix.en != fix.fr, f"{check.name}: no English fix after the EN: requirement"
    assert "EN:" not in requirement.fr + fix.fr + requirement.en + fix.en
    assert len(requirement.en.split()) >= 3 and len(fix.en.split()) >= 5
