"""The XLSX action plan is a round trip (issue #20): what the team types in « Statut »,
« Avancement » and « Commentaire » survives the next ``--xlsx`` export, row by row, and a
finding fixed since stays in the plan, marked « corrigé ». Read back with python-calamine, the
XLSX reader rnq uses for evidence."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
import xlsxwriter
from python_calamine import CalamineWorkbook

from rnq.errors import UsageError
from rnq.render.tables import write_xlsx
from rnq.verdict.report import Report

from .test_verdict import finding, report, with_gaps

PLAN = "Plan d'action"


def _report(*, fixed_23: bool = False) -> Report:
    gaps = [finding(24, "gap", unit="pro"), finding(26, "gap", unit="pro", missing=True)]
    if not fixed_23:
        gaps.append(finding(23, "gap", unit="pro"))
    found = with_gaps(*gaps)
    if fixed_23:
        found.append(finding(23, "passed", unit="pro"))
    return report(found)


def _plan(path: Path) -> list[dict[str, object]]:
    book = CalamineWorkbook.from_path(str(path))
    try:
        rows = book.get_sheet_by_name(PLAN).to_python()
    finally:
        book.close()
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def _type_in(path: Path, typed: dict[int, dict[str, str]]) -> None:
    """What a quality team does in Excel: type in the plan's cells, save. ``typed``: indicator
    → column → text."""
    book = CalamineWorkbook.from_path(str(path))
    rows = book.get_sheet_by_name(PLAN).to_python()
    book.close()
    header = rows[0]
    out = xlsxwriter.Workbook(str(path))
    sheet = out.add_worksheet(PLAN)
    for r, row in enumerate(rows):
        values = list(row)
        if r:
            for column, text in typed.get(int(values[header.index("Indicateur")]), {}).items():
                values[header.index(column)] = text
        for c, value in enumerate(values):
            if value is not None and value != "":
                sheet.write(r, c, value)
    out.close()


def test_typed_statuses_and_comments_survive_two_runs_and_fixed_rows_stay(
    tmp_path: Path,
) -> None:
    target = tmp_path / "plan.xlsx"
    write_xlsx(target, _report())
    first = _plan(target)
    assert {row["Indicateur"] for row in first} == {23, 24, 26}
    assert {row["Statut"] for row in first} == {"à faire"}
    _type_in(
        target,
        {
            23: {"Statut": "en cours", "Avancement": "50 %", "Commentaire": "Relancer la veille"},
            26: {"Commentaire": "Référent handicap nommé en janvier"},
        },
    )
    write_xlsx(target, _report())  # run 2: nothing changed, the team's words are kept
    second = {row["Indicateur"]: row for row in _plan(target)}
    assert second[23]["Statut"] == "en cours" and second[23]["Avancement"] == "50 %"
    assert second[23]["Commentaire"] == "Relancer la veille"
    assert second[26]["Commentaire"] == "Référent handicap nommé en janvier"
    assert second[26]["Statut"] == "à faire" and second[24]["Commentaire"] == ""

    write_xlsx(target, _report(fixed_23=True))  # run 3: 23 fixed
    third = {row["Indicateur"]: row for row in _plan(target)}
    assert set(third) == {23, 24, 26}  # the fixed row is kept…
    assert third[23]["Statut"] == "corrigé"  # …and marked as such
    assert third[23]["Commentaire"] == "Relancer la veille"
    assert third[26]["Commentaire"] == "Référent handicap nommé en janvier"
    assert third[23]["Unité"] == "Pôle pro" and third[23]["Unité (id)"] == "pro"

    written = target.read_bytes()
    write_xlsx(target, _report(fixed_23=True))  # deterministic: the same plan again
    assert target.read_bytes() == written
    assert not [p for p in tmp_path.iterdir() if p.name != "plan.xlsx"]  # atomic: no temp left

    write_xlsx(target, _report())  # 23 open again
    again = {row["Indicateur"]: row for row in _plan(target)}
    assert again[23]["Statut"] == "rouvert" and again[23]["Commentaire"] == "Relancer la veille"


def test_rows_stay_grouped_by_owner_fixed_after_open(tmp_path: Path) -> None:
    target = tmp_path / "plan.xlsx"
    write_xlsx(target, _report())
    write_xlsx(target, _report(fixed_23=True))
    rows = _plan(target)
    owners = [str(row["Responsable"]) for row in rows]
    assert owners == sorted(owners, key=str.casefold)
    pro = [row for row in rows if row["Responsable"] == "Correspondante qualité Pro"]
    assert pro[-1]["Indicateur"] == 23 and pro[-1]["Statut"] == "corrigé"


def test_a_column_the_team_added_is_kept(tmp_path: Path) -> None:
    target = tmp_path / "plan.xlsx"
    write_xlsx(target, _report())
    book = CalamineWorkbook.from_path(str(target))
    rows = book.get_sheet_by_name(PLAN).to_python()
    book.close()
    out = xlsxwriter.Workbook(str(target))
    sheet = out.add_worksheet(PLAN)
    for r, row in enumerate(rows):
        for c, value in enumerate([*row, "Priorité" if r == 0 else f"P{r}"]):
            if value is not None and value != "":
                sheet.write(r, c, value)
    out.close()
    before = {row["Constat"]: row["Priorité"] for row in _plan(target)}
    write_xlsx(target, _report(fixed_23=True))
    after = _plan(target)
    assert {row["Constat"]: row["Priorité"] for row in after} == before
    assert list(after[0])[-1] == "Priorité"


def test_a_progress_typed_as_a_percentage_stays_a_percentage(tmp_path: Path) -> None:
    target = tmp_path / "plan.xlsx"
    write_xlsx(target, _report())
    book = CalamineWorkbook.from_path(str(target))
    rows = book.get_sheet_by_name(PLAN).to_python()
    book.close()
    column = rows[0].index("Avancement")
    out = xlsxwriter.Workbook(str(target))
    sheet = out.add_worksheet(PLAN)
    percent = out.add_format({"num_format": "0%"})
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if r and c == column:
                sheet.write_number(r, c, 0.5, percent)  # Excel: « 50 % » typed in the cell
            elif value is not None and value != "":
                sheet.write(r, c, value)
    out.close()
    write_xlsx(target, _report())
    assert {row["Avancement"] for row in _plan(target)} == {0.5}
    with zipfile.ZipFile(target) as archive:
        assert 'formatCode="0%"' in archive.read("xl/styles.xml").decode()


def test_a_file_that_is_not_a_workbook_is_not_overwritten(tmp_path: Path) -> None:
    target = tmp_path / "plan.xlsx"
    target.write_bytes(b"not a workbook")
    with pytest.raises(UsageError, match=r"plan\.xlsx"):
        write_xlsx(target, _report())
    assert target.read_bytes() == b"not a workbook"
    write_xlsx(target, _report(), keep=False)  # asked for: a fresh plan
    assert len(_plan(target)) == 3
