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
