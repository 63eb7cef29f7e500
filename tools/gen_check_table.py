"""Render the table of built-in checks, per referential version, into docs/checks.md.

The section between ``<!-- checks-table:start -->`` and ``<!-- checks-table:end -->`` is built
from the code and the data, never by hand: the built-in check modules
(:func:`rnq.checks.builtin_check_modules`), their marks and docstrings, ``verifications.yaml``
(resolved per version by :meth:`rnq.engine.discovery.CheckDef.bound_indicators`, as the engine does)
and the referential (criteria titles from ``rnq-2026``, the indicators of every version).

The section between ``<!-- fixtures-table:start -->`` and ``<!-- fixtures-table:end -->`` lists
the built-in fixtures, from their one declaration (:data:`rnq.engine.fixtures.BUILTINS`).

``python tools/gen_check_table.py`` rewrites both sections; ``--check`` exits 1 when one is
stale.
"""

from __future__ import annotations

import argparse
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from rnq.checks import builtin_check_modules
from rnq.engine.discovery import CheckDef, collect_checks, namespace_of
from rnq.engine.fixtures import BUILTINS, SESSION, TARGETED, FixtureRegistry
from rnq.referential.loader import Indicator, get_referential, referential_ids

DOC = Path(__file__).resolve().parent.parent / "docs" / "checks.md"
START = "<!-- checks-table:start -->"
END = "<!-- checks-table:end -->"
ITEMS_START = "<!-- items-table:start -->"
ITEMS_END = "<!-- items-table:end -->"
FIXTURES_START = "<!-- fixtures-table:start -->"
FIXTURES_END = "<!-- fixtures-table:end -->"
#: The referential whose criteria titles head the tables.
TITLES_FROM = "rnq-2026"
#: Indicator 0: the certificate-display obligation, which is not an indicator.
DISPLAY = 0


class Row(NamedTuple):
    """One check verifying one indicator, and the versions under which it does."""

    indicator: int
    check: CheckDef
    versions: tuple[str, ...]


def builtin_checks() -> list[CheckDef]:
    """Every built-in check, collected as the engine collects them, in collection order."""
    modules = builtin_check_modules()
    checks, problems = collect_checks(
        [(namespace_of(m) or m.__name__, m) for m in modules], FixtureRegistry(SESSION, TARGETED)
    )
    if problems:
        raise RuntimeError(f"built-in checks do not collect: {problems}")
    return checks


def is_presence(check: CheckDef) -> bool:
    """Whether ``check`` runs once per applicable indicator (the built-in presence check)."""
    return bool(check.marks_named("each_indicator"))


def short_name(check: CheckDef) -> str:
    """The name of a built-in check as reports, waivers and ``rnq diff`` give it, without the
    common ``rnq.checks.`` prefix: ``offer_sheet::check_fiche_offre_complete``."""
    return check.name.removeprefix("rnq.checks.")


def paragraphs(check: CheckDef) -> list[str]:
    """The docstring's paragraphs, each joined on one line."""
    doc = (check.func.__doc__ or "").strip()
    blocks: list[list[str]] = [[]]
    for line in doc.splitlines():
        if line.strip():
            blocks[-1].append(line.strip())
        elif blocks[-1]:
            blocks.append([])
    return [" ".join(block) for block in blocks if block]


def requirement(check: CheckDef) -> str:
    """The requirement: the docstring's summary (its first paragraph), in French."""
    found = paragraphs(check)
    return found[0] if found else ""


def requirement_en(check: CheckDef) -> str | None:
    """The English requirement, when the check provides one (its docstring's ``EN:`` part)."""
    text = check.requirement
    return text.en if text.en != text.fr else None


def indicators_by_version() -> dict[str, dict[int, Indicator]]:
    """Version id → indicator number → indicator."""
    return {v: {i.number: i for i in get_referential(v)} for v in referential_ids()}


def content_rows(checks: Sequence[CheckDef]) -> dict[int, list[Row]]:
    """Indicator number (0 = display) → the content checks verifying it, with their versions."""
    existing = indicators_by_version()
    numbers = sorted({DISPLAY, *(n for table in existing.values() for n in table)})
    rows: dict[int, list[Row]] = {n: [] for n in numbers}
    for check in checks:
        if is_presence(check):
            continue
        bound = {v: check.bound_indicators(v) or () for v in existing}
        for number in numbers:
            versions = tuple(
                v
                for v in existing
                if number in bound[v] and (number == DISPLAY or number in existing[v])
            )
            if versions:
                rows[number].append(Row(number, check, versions))
    return rows


def cell(text: str) -> str:
    """Text made safe for one Markdown table cell."""
    return " ".join(text.split()).replace("\\", "\\\\").replace("|", "\\|")


def prose(text: str) -> str:
    """A paragraph wrapped at 100 columns, never inside a word."""
    return textwrap.fill(text, width=100, break_long_words=False, break_on_hyphens=False)


def versions_label(versions: Sequence[str]) -> str:
    """``both`` (every version), or the versions named, e.g. ``rnq-2026`` only."""
    every = referential_ids()
    if tuple(versions) == every:
        return "both" if len(every) == 2 else "all versions"
    return ", ".join(f"`{v}`" for v in versions) + " only"


def _shown(number: int, existing: dict[str, dict[int, Indicator]]) -> Indicator:
    """The indicator as ``TITLES_FROM`` words it, else as the newest version that has it."""
    present = [table[number] for table in existing.values() if number in table]
    return existing[TITLES_FROM].get(number) or present[-1]


def _indicator_cell(number: int, existing: dict[str, dict[int, Indicator]]) -> str:
    present = [v for v in existing if number in existing[v]]
    text = f"**{number}** — {cell(_shown(number, existing).title.fr)}"
    if len(present) < len(existing):
        text += f"<br>*{versions_label(present)}*"
    criteria = {existing[v][number].criterion for v in present}
    if len(criteria) > 1:
        text += (
            "<br>*criterion: "
            + cell(", ".join(f"{existing[v][number].criterion} ({v})" for v in present))
            + "*"
        )
    if any("criterion" in existing[v][number].provisional for v in present):
        text += "<br>*criterion provisional*"
    return text


def _check_cells(row: Row) -> str:
    text = cell(requirement(row.check))
    english = requirement_en(row.check)
    if english:
        text += f"<br>*{cell(english)}*"
    return f"`{short_name(row.check)}` | {text} | {versions_label(row.versions)}"


HEADER = "| indicator | check | requirement | runs under |\n|---|---|---|---|"


def _table(numbers: Sequence[int], rows: dict[int, list[Row]], label: dict[int, str]) -> list[str]:
    lines = [HEADER]
    for number in numbers:
        if not rows[number]:
            lines.append(f"| {label[number]} | — | **no content check** | — |")
        for index, row in enumerate(rows[number]):
            first = label[number] if index == 0 else ""
            lines.append(f"| {first} | {_check_cells(row)} |")
    return lines


def render_section() -> str:
    """The generated section, markers included."""
    checks = builtin_checks()
    existing = indicators_by_version()
    rows = content_rows(checks)
    criteria = get_referential(TITLES_FROM).criteria
    label = {n: _indicator_cell(n, existing) for n in rows if n != DISPLAY}
    label[DISPLAY] = "**0** — affichage"
    counts = ", ".join(f"`{v}` has {len(table)} indicators" for v, table in existing.items())
    out = [
        START,
        "<!-- generated by tools/gen_check_table.py: edit the checks or the data, not this -->",
        "",
        "## Built-in checks, per version",
        "",
        prose(
            "What each built-in check verifies, and under which referential version it runs "
            f"({counts}; the version follows the audit date). A check binds to named "
            "verifications (`src/rnq/referential/verifications.yaml`), which the data maps to "
            "indicators per version. The requirement is the first paragraph of the check's "
            "docstring, in French, with its English version (the docstring's `EN:` part) in "
            "italics. A check's name (`rnq.checks.` + the name shown) is what reports, waivers "
            "and `rnq diff` use; each lives in `src/rnq/checks/iNN_…py`, the module of its "
            "indicator."
        ),
        "",
    ]
    for check in checks:
        if is_presence(check):
            out.append(
                prose(
                    f"Every applicable indicator of every version is also verified by "
                    f"`{short_name(check)}` (`@rnq.mark.each_indicator`), once where the "
                    f"indicator is assessed (« {cell(requirement(check))} »); the tables list "
                    "the content checks on top of it."
                )
            )
            out.append("")
    for criterion in criteria:
        numbers = [
            n for n in rows if n != DISPLAY and _shown(n, existing).criterion == criterion.number
        ]
        out += [
            f"### Critère {criterion.number} — {criterion.short.fr}",
            "",
            prose(f"*{criterion.short.en}.* {cell(criterion.title)}."),
            "",
            *_table(numbers, rows, label),
            "",
        ]
    out += [
        "### Affichage du certificat (indicator 0)",
        "",
        prose(
            "*Certificate display*: an obligation of the certified provider, not an indicator; "
            "the report shows it apart, as `display`."
        ),
        "",
        *_table([DISPLAY], rows, label),
        "",
        END,
    ]
    return "\n".join(out)


def render_items() -> str:
    """Every item the built-in checks demand, per indicator, with its class, its source and, for
    a conditional item, the fact it depends on (from the indicator data of every version)."""
    from rnq.render.labels import item_condition_text, label

    lines = [
        ITEMS_START,
        "<!-- generated by tools/gen_check_table.py from the `items:` of src/rnq/indicators/ -->",
        "",
        "| ind. | item | class | source | condition, categories | versions |",
        "|---|---|---|---|---|---|",
    ]
    versions = referential_ids()
    seen: dict[tuple[int, str], list[str]] = {}
    rows: dict[tuple[int, str], str] = {}
    for version in versions:
        for indicator in get_referential(version):
            for item in indicator.items:
                key = (indicator.number, item.id)
                seen.setdefault(key, []).append(version)
                notes = []
                if item.condition is not None:
                    c = item.condition
                    notes.append(item_condition_text(c.fact, c.equals, c.any_of, "en"))
                if item.categories:
                    notes.append(", ".join(item.categories))
                if item.provisional:
                    notes.append("provisional")
                if item.screening:
                    notes.append("screening, to confirm")
                rows[key] = (
                    f"| {indicator.number} | {cell(item.label.fr)}<br>*{cell(item.label.en)}* "
                    f"(`{item.id}`) | {item.item_class} | "
                    f"{label('item_source', item.source, 'en')} | {cell('; '.join(notes))} | "
                )
    for key in sorted(rows):
        lines.append(rows[key] + versions_label(tuple(seen[key])) + " |")
    return "\n".join([*lines, "", ITEMS_END])


def render_fixtures() -> str:
    """The table of built-in fixtures, between its markers."""
    lines = [
        FIXTURES_START,
        "<!-- generated by tools/gen_check_table.py from rnq.engine.fixtures.BUILTINS -->",
        "",
        "| name | one value per | what it is |",
        "|---|---|---|",
    ]
    for builtin in BUILTINS:
        scope = "target (the check runs once per target)" if builtin.targeted else "run"
        lines.append(f"| `{builtin.name}` | {scope} | {builtin.doc.en} |")
    return "\n".join([*lines, "", FIXTURES_END])


def replace_section(
    document: str, section: str, start_marker: str = START, end_marker: str = END
) -> str:
    """``document`` with its generated section replaced by ``section``; ValueError if absent."""
    start, end = document.find(start_marker), document.find(end_marker)
    if start < 0 or end < start:
        raise ValueError(f"{DOC.name}: markers {start_marker} … {end_marker} not found")
    return document[:start] + section + document[end + len(end_marker) :]


def main(argv: Sequence[str] | None = None) -> int:
    """Rewrite the section, or with ``--check`` exit 1 if it is stale."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="exit 1 if docs/checks.md is stale")
    args = parser.parse_args(argv)
    current = DOC.read_text(encoding="utf-8")
    try:
        updated = replace_section(current, render_section())
        updated = replace_section(updated, render_fixtures(), FIXTURES_START, FIXTURES_END)
        updated = replace_section(updated, render_items(), ITEMS_START, ITEMS_END)
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return 1
    if args.check:
        if updated != current:
            print(f"{DOC} is stale: run python tools/gen_check_table.py", file=sys.stderr)
            return 1
        return 0
    if updated != current:
        DOC.write_text(updated, encoding="utf-8")
        print(DOC)
    return 0


if __name__ == "__main__":
    sys.exit(main())
