"""The reports collector, on anonymised logs written by the tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
import rnq_reports
from rnq_reports import COLUMNS, KIND, NAME, category

from rnq import CollectResult, Evidence
from rnq.testing import collect_with

EXPORT = "pro/exports/signalements.csv"
CONFIG = """\
version: 1
organization: {name: "Organisme test"}
categories: [AF]
units:
  - {id: siege, name: "Siège", central: true}
  - id: pro
    name: "Pôle pro"
    collectors:
      - {use: reports, path: exports/signalements.csv, delay_days: 7}
"""

# A French log: « N° », « Reçu le », « Nature », « Date AR », « Traitement », « Clôture »,
# « Statut », and a free-text column rnq never reads.
LOG = (
    "N°;Reçu le;Nature;Date AR;Traitement;Clôture;Statut;Commentaire\n"
    "S-01;03/02/2026;Harcèlement sexuel;03/02/2026;05/02/2026;20/02/2026;Clos;Mme X, stagiaire\n"
    "S-02;10/02/2026;Propos racistes en atelier;11/02/2026;;;Ouvert;M. Y\n"
    "S-03;12/02/2026;Violence verbale;12/02/2026;25/02/2026;;En cours;\n"
)


def _collect(root: Path) -> tuple[list[Evidence], CollectResult]:
    result = collect_with(root, rnq_reports)
    mine = [e for e in result.evidence if e.collector == NAME]
    return mine, result


def _problems(result: CollectResult) -> list[tuple[str, int | None, str]]:
    return [(p.path, p.line, p.message.en) for p in result.problems]


@pytest.mark.parametrize("encoding", ["utf-8", "cp1252", "utf-8-sig"])
def test_log_becomes_one_anonymised_record(
    reports_workspace: Callable[..., Path], encoding: str
) -> None:
    root = reports_workspace({EXPORT: LOG}, encoding=encoding)
    [record], result = _collect(root)
    assert _problems(result) == []
    assert record.path == f"{NAME}:{EXPORT}"
    assert (record.unit, record.indicators, record.kind) == ("pro", (12, 14), KIND)
    assert (record.read, record.mapped_by, record.collector) == ("ok", "plugin", NAME)
    assert record.rows == (
        COLUMNS,
        (
            "S-01", "2", "harcèlement sexuel", "2026-02-03", "2026-02-03", "2026-02-05",
            "2026-02-20", "", "2026-02-10",
        ),
        ("S-02", "3", "discrimination", "2026-02-10", "2026-02-11", "", "", "", "2026-02-17"),
        ("S-03", "4", "violence", "2026-02-12", "2026-02-12", "2026-02-25", "", "", "2026-02-19"),
    )  # fmt: skip
    assert record.date == dt.date(2026, 2, 25)
    assert record.text is not None
    assert "3 signalement(s)" in record.text and "2 pris en charge, dont 1 au-delà" in record.text
    flat = repr(record.rows) + record.text
    for private in ("Mme X", "M. Y", "stagiaire", "Clos", "Ouvert", "racistes", "verbale"):
        assert private not in flat  # the reference, dates and category only


def test_bad_row_is_reported_at_its_line_and_the_rest_read(
    reports_workspace: Callable[..., Path],
) -> None:
    log = LOG + "S-04;31/02/2026;Violence;;;;;\nS-05;;Violence;;;;;\nS-06;01/03/2026;VSS;;;;;\n"
    [record], result = _collect(reports_workspace({EXPORT: log}))
    assert _problems(result) == [
        (EXPORT, 5, "unreadable reception date '31/02/2026': row left out"),
        (EXPORT, 6, "missing reception date: row left out"),
    ]
    assert record.rows is not None
    assert [row[0] for row in record.rows[1:]] == ["S-01", "S-02", "S-03", "S-06"]
    assert record.rows[-1][1:3] == ("7", "violences sexistes et sexuelles")


def test_handling_before_reception_is_reported_but_kept(
    reports_workspace: Callable[..., Path],
) -> None:
    log = (
        "Référence;Date de réception;Catégorie;Pris en charge\nR1;10/03/2026;Violence;09/03/2026\n"
    )
    [record], result = _collect(reports_workspace({EXPORT: log}))
    assert _problems(result) == [(EXPORT, 2, "handling date before the reception date")]
    assert record.rows is not None and len(record.rows) == 2


@pytest.mark.parametrize(
    "header",
    [
        "Numéro,Date du signalement,Type,Accusé de réception,Prise en charge,Date de clôture",
        "REF;DATE DE RECEPTION (jj/mm/aaaa);catégorie;accusé le;Date de traitement;Clos le",
        "Id;Received on;Category;Acknowledged;Handled on;Closed on",
    ],
)
def test_header_variants(reports_workspace: Callable[..., Path], header: str) -> None:
    sep = "," if "," in header else ";"
    line = sep.join(("A7", "02/03/2026", "Harcèlement moral", "02/03/2026", "04/03/2026", ""))
    [record], result = _collect(reports_workspace({EXPORT: f"{header}\n{line}\n"}))
    assert _problems(result) == []
    assert record.rows is not None
    assert record.rows[1][:6] == (
        "A7", "2", "harcèlement moral", "2026-03-02", "2026-03-02", "2026-03-04",
    )  # fmt: skip


def test_columns_setting_names_an_unrecognised_header(
    reports_workspace: Callable[..., Path],
) -> None:
    config = CONFIG.replace(
        "delay_days: 7}", 'delay_days: 7, columns: {date_prise_en_charge: "Première action"}}'
    )
    log = "N°;Reçu le;Nature;Première action\nB2;02/03/2026;Violence;03/03/2026\n"
    [record], result = _collect(reports_workspace({EXPORT: log}, config))
    assert _problems(result) == []
    assert record.rows is not None and record.rows[1][5] == "2026-03-03"


def test_missing_required_column_makes_an_unusable_record(
    reports_workspace: Callable[..., Path],
) -> None:
    log = "N°;Reçu le;Nature\nB2;02/03/2026;Violence\n"
    [record], result = _collect(reports_workspace({EXPORT: log}))
    assert record.read == "error" and record.rows is None
    [(path, line, message)] = _problems(result)
    assert (path, line) == (EXPORT, 1)
    assert "date_prise_en_charge" in message


def test_acknowledge_days_gives_a_due_date(reports_workspace: Callable[..., Path]) -> None:
    config = CONFIG.replace("delay_days: 7}", "delay_days: 7, acknowledge_days: 2}")
    [record], _ = _collect(reports_workspace({EXPORT: LOG}, config))
    assert record.rows is not None and record.rows[1][7] == "2026-02-05"


@pytest.mark.parametrize(
    ("settings", "expected"),
    [
        ("path: exports/signalements.csv", "'delay_days' is missing"),
        ("path: exports/signalements.csv, delay_days: sept", "'delay_days' must be a number"),
        ("path: exports/signalements.csv, delay_days: -1", "'delay_days' must be a number"),
        (
            "path: exports/signalements.csv, delay_days: 7, acknowledge_days: true",
            "'acknowledge_days' must",
        ),
        ("path: exports/signalements.csv, delay_days: 7, columns: [a]", "'columns' must map"),
        ("path: exports/signalements.csv, delay_days: 7, columns: {nom: Nom}", "unknown column(s)"),
        ("path: exports/signalements.csv, delay: 7", "delay"),
    ],
)
def test_settings_errors_are_reported(
    reports_workspace: Callable[..., Path], settings: str, expected: str
) -> None:
    config = CONFIG.replace("path: exports/signalements.csv, delay_days: 7", settings)
    _, result = _collect(reports_workspace({EXPORT: LOG}, config))
    messages = [p.message.en for p in result.problems]
    assert any(expected in m for m in messages), messages


def test_category_never_copies_the_log() -> None:
    assert category("Harcèlement moral") == "harcèlement moral"
    assert category("Agissement sexiste") == "violences sexistes et sexuelles"
    assert category("Vol de matériel de M. Z") == "autre"
    assert category("") == "autre"
