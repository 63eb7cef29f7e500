"""CSV and XLSX views: read back with python-calamine and csv; no formula from evidence."""

from __future__ import annotations

import csv
import datetime as dt
import re
import zipfile
from pathlib import Path

from python_calamine import CalamineWorkbook

from rnq.render.tables import (
    action_plan_rows,
    evidence_map_rows,
    write_csv,
    write_csvs,
    write_xlsx,
)

from .test_render_markdown import rich_report

HYPERLINK = '=HYPERLINK("http://x.example","clic")'


def _sheets(path: Path) -> dict[str, list[list[object]]]:
    book = CalamineWorkbook.from_path(str(path))
    return {name: book.get_sheet_by_name(name).to_python() for name in book.sheet_names}


def test_xlsx_opens_with_its_sheets_grouped_by_owner_majors_first(tmp_path: Path) -> None:
    report = rich_report()
    target = tmp_path / "plan.xlsx"
    write_xlsx(target, report)
    sheets = _sheets(target)
    assert list(sheets) == ["Plan d'action", "Carte des preuves", "Indicateurs", "Non rattachés"]
    plan = sheets["Plan d'action"]
    assert plan[0][:4] == ["Responsable", "Niveau", "Indicateur", "Intitulé"]
    assert [(row[0], row[1], row[2]) for row in plan[1:]] == [
        ("Correspondante qualité Pro", "NC mineure", 23),
        ("Correspondante qualité Pro", "NC mineure", 24),
        ("Référente handicap", "NC majeure", 26),
    ]
    assert plan[0][4:6] == ["Unité", "Prestation"] and plan[1][4] == "Pôle pro"  # names
    assert plan[0][12:17] == [
        "Statut",
        "Avancement",
        "Commentaire",
        "Unité (id)",
        "Prestation (id)",
    ]
    assert plan[1][12] == "à faire" and plan[1][15] == "pro"
    header = plan[0]
    first = dict(zip(header, plan[1], strict=True))
    item = next(i for i in report.action_plan if i.indicator == 23)
    assert first["Responsable"] == item.owner
    assert first["Échéance"] == item.due
    assert first["Délai si NC relevée"] == item.deadline_if_raised
    assert first["Constat"] == item.finding
    indicators = sheets["Indicateurs"]
    assert len(indicators) == 1 + len(report.indicators)
    assert {row[0]: row[3] for row in indicators[1:]}[30] == "non évalué"
    assert sheets["Non rattachés"][1][0] == "-2+3.txt"


def test_evidence_map_has_one_row_per_indicator_and_proof(tmp_path: Path) -> None:
    rows = evidence_map_rows(rich_report())
    assert rows[0][:4] == ["Indicateur", "Unité", "Prestation", "Preuve"]
    assert [(row[0], row[3]) for row in rows[1:]] == [
        (23, HYPERLINK),
        (23, "siege/I23-veille.md"),
        (26, HYPERLINK),
    ]
    assert rows[1][6] == dt.date(2026, 1, 2)


def test_no_formula_from_evidence(tmp_path: Path) -> None:
    target = tmp_path / "r.xlsx"
    write_xlsx(target, rich_report())
    with zipfile.ZipFile(target) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
        assert sheets
        for name in sheets:
            xml = archive.read(name).decode("utf-8")
            assert "<f>" not in xml and "<f " not in xml, name
    evidence = _sheets(target)["Carte des preuves"]
    cells = {cell for row in evidence for cell in row}
    assert {HYPERLINK, "@SUM(1+1)", "+33 1 23"} <= cells  # kept as text, verbatim
    csv_file = tmp_path / "evidence.csv"
    write_csv(csv_file, evidence_map_rows(rich_report()))
    with csv_file.open(encoding="utf-8-sig", newline="") as f:
        read = list(csv.reader(f, delimiter=";"))
    cells_csv = {cell for row in read for cell in row}
    assert {"'" + HYPERLINK, "'@SUM(1+1)", "'+33 1 23"} <= cells_csv
    assert not any(re.match(r"[=+@-]", cell) for cell in cells_csv)


def test_csv_for_french_excel(tmp_path: Path) -> None:
    report = rich_report()
    written = write_csvs(tmp_path / "out", report)
    assert [p.name for p in written] == [
        "action-plan.csv",
        "evidence-map.csv",
        "indicators.csv",
        "unmapped.csv",
    ]
    raw = written[0].read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    with written[0].open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))
    assert rows[0] == [str(cell) for cell in action_plan_rows(report)[0]]
    assert rows[0][0] == "Responsable" and len(rows) == 1 + len(report.action_plan)
    assert rows[1][1:3] == ["NC mineure", "23"]
    assert rows[1][8] == report.action_plan[1].due.isoformat()
    assert not list(tmp_path.glob("out/.*"))  # no temporary file left


def test_english_and_byte_identical(tmp_path: Path) -> None:
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    write_xlsx(first, rich_report("en"))
    write_xlsx(second, rich_report("en"))
    assert first.read_bytes() == second.read_bytes()
    sheets = _sheets(first)
    assert list(sheets) == ["Action plan", "Evidence map", "Indicators", "Unmapped"]
    assert sheets["Action plan"][1][1] == "minor NC"
    assert sheets["Action plan"][0][12:15] == ["Status", "Progress", "Comment"]


def test_header_is_frozen_filtered_and_bold(tmp_path: Path) -> None:
    target = tmp_path / "r.xlsx"
    write_xlsx(target, rich_report())
    with zipfile.ZipFile(target) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode("utf-8")
        styles = archive.read("xl/styles.xml").decode("utf-8")
        core = archive.read("docProps/core.xml").decode("utf-8")
    assert 'state="frozen"' in sheet and "<autoFilter" in sheet and "<cols>" in sheet
    assert "<b/>" in styles
    assert "2026-11-02T00:00:00Z" in core  # created: the report's today, not the clock
