"""Tables read by their headers (rnq.match.tables)."""

from __future__ import annotations

from rnq.match.tables import columns, find_table, tables_in

ROLES = {
    "who": ("salarié", "collaborateur", "nom", "bénéficiaire"),
    "what": ("action", "formation", "intitulé", "thème"),
    "when": ("date", "période", "échéance"),
    "status": ("statut", "réalisé", "état"),
}


def test_columns_by_header_words_in_any_export_wording() -> None:
    header = ["Collaborateur·rice", "Service", "Intitulé formation", "Réalisé (O/N)", "Date"]
    assert columns(header, ROLES) == {"who": 0, "what": 2, "when": 4, "status": 3}


def test_a_cell_serves_one_role() -> None:
    assert columns(["Nom de la formation"], ROLES) == {"who": 0}


def test_a_sheet_with_data_is_a_table() -> None:
    rows = [
        ["Salarié", "Action", "Date", "Statut"],
        ["Formateur A", "Pédagogie inversée", "2026-03-12", "réalisée"],
    ]
    table = find_table(None, rows, ROLES, ("who", "what"))
    assert table is not None
    assert table.values("what") == ["Pédagogie inversée"]


def test_headers_alone_are_not_a_table() -> None:
    rows = [["Salarié", "Action", "Date", "Statut"], ["", "", "", ""]]
    assert find_table(None, rows, ROLES, ("who", "what")) is None


def test_the_header_may_sit_below_a_title() -> None:
    rows = [["Plan 2026"], [], ["Nom", "Thème", "Échéance"], ["Dupont", "Excel", "mars"]]
    assert find_table(None, rows, ROLES, ("who", "what", "when")) is not None


def test_tables_written_in_text() -> None:
    text = (
        "Plan de formation\n\n"
        "| Salarié | Action | Date |\n|---|---|---|\n| Léa | SST | 12/03/2026 |\n\n"
        "Nom ; Thème ; Échéance\nMarc ; Excel ; juin\n"
    )
    found = tables_in(text, None)
    assert len(found) == 2
    assert find_table(text, None, ROLES, ("who", "what", "when")) is not None
    assert find_table("Une phrase ; avec un point-virgule.", None, ROLES, ("who",)) is None


def test_the_tables_kept_for_the_next_question_are_shared_never_changed() -> None:
    """find_table reads the tables kept for a document without copying them (several questions
    read one document's tables in turn); what callers of tables_in get stays theirs to change."""
    text = "Nom | Action | Date\n--|--|--\nCamille | Excel | 2026-03-01\nLéa | Word | 2026-04-01"
    roles = {"who": ("nom",), "what": ("action",), "when": ("date",)}
    before = tables_in(text, None)
    mine = tables_in(text, None)
    mine[0][1][0] = "changé"
    mine[0].clear()
    table = find_table(text, None, roles, ("who", "what", "when"))
    assert table is not None
    assert table.values("who") == ["Camille", "Léa"]
    assert tables_in(text, None) == before


def _cut_whole(text: str | None, rows: list[list[str]] | None) -> list[list[list[str]]]:
    """The tables of a document, its whole text cut first (what the lazy tables must give)."""
    from rnq.match.tables import _cells

    found = [[[str(cell) for cell in row] for row in rows]] if rows else []
    current: list[list[str]] = []
    for line in (text or "").splitlines():
        cells = _cells(line)
        if cells is None:
            if len(current) >= 2:
                found.append(current)
            current = []
        elif cells:
            current.append(cells)
    if len(current) >= 2:
        found.append(current)
    return found


TEXTS = [
    None,
    "",
    "Une phrase.",
    "a ; b ; c\n1 ; 2 ; 3",
    "a ; b ; c\n1 ; 2 ; 3\n\nx | y | z\n--|--|--\n4 | 5 | 6\nfin",
    "a ; b ; c\nseule ligne\nd ; e ; f\ng ; h ; i\n",
    "|a|b|\n|---|---|\n|1|2|\ntexte\n\tx\ty\tz\n\t1\t2\t3\n",
    "x ; y ; z\n" * 50 + "coupure\n" + "p | q | r\n" * 3,
]


def test_the_tables_cut_as_read_are_those_of_the_whole_text() -> None:
    """The text is cut into tables only as far as a question reads them, and gives, read to
    the end, the same tables in the same order as cutting it all first."""
    from rnq.match.tables import _Tables

    for text in TEXTS:
        for rows in (None, [["Nom", "Date"], ["Léa", 3]]):
            assert list(_Tables(text, rows)) == _cut_whole(text, rows), (text, rows)
            assert tables_in(text, rows) == _cut_whole(text, rows)
            # read in two steps: the second reading goes on where the first stopped
            lazy = _Tables(text, rows)
            first = next(iter(lazy), None)
            assert list(lazy) == _cut_whole(text, rows)
            assert first is None or first == _cut_whole(text, rows)[0]


def test_an_exports_text_is_not_cut_again_into_the_tables_of_its_rows() -> None:
    """A CSV export's text is its rows again: its 2 000 lines are not cut into cells a second
    time, whether its rows are the table a question wants or not."""
    from rnq.match import tables

    rows = [["Salarié", "Action", "Date"], *[[f"P{i}", "SST", "2026-03-12"] for i in range(2000)]]
    text = "\n".join(" ; ".join(row) for row in rows)
    cut: list[str] = []
    real = tables._cells

    def counted(line: str) -> list[str] | None:
        cut.append(line)
        return real(line)

    tables._LAST.clear()
    tables._cells = counted
    try:
        assert find_table(text, rows, ROLES, ("who", "what")) is not None
        assert cut == []
        assert find_table(text, rows, {"x": ("inconnu",)}, ("x",)) is None  # reads them all
        assert cut == []
        assert tables_in(text, rows) == [rows]
        # rows given as an iterator (read once, as the tables read them)
        assert tables_in(text, iter(rows)) == [rows]
        # the same text beside other rows (a collector's) is cut as before
        assert tables_in(text, rows[:-1]) == [rows[:-1], rows]
        assert len(cut) == len(rows)
    finally:
        tables._cells = real
        tables._LAST.clear()
