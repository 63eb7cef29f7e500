"""The console view (issue #20): French that reads right, one date style, colour only on a
terminal, the terminal's width, verbosity, and no control character from a document reaching
the terminal raw."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest

from rnq.engine.findings import Finding
from rnq.render.console import (
    ConsoleStyle,
    console_text,
    summary_line,
    terminal_style,
    visible,
)
from rnq.text import Lang
from rnq.verdict.report import Report
from rnq.verdict.waivers import Waiver

from .test_verdict import DECISIONS, finding, report

ESC = re.compile(r"[\x1b\x07\x80-\x9f\u202a-\u202e\u2066-\u2069]")
#: One indicator of each status: 2 conform, 1 minor, 8 major (nothing usable), 9 not
#: assessed, 10 waived; every other indicator is declared not applicable.
ONE_OF_EACH = {2: "passed", 1: "gap", 8: "gap", 9: "not_verified", 10: "gap"}


def one_of_each(lang: Lang = "fr", *, message: str = "constat") -> Report:
    decisions = [
        d if d.indicator.number in ONE_OF_EACH else d.model_copy(update={"applicable": False})
        for d in DECISIONS
    ]
    findings: list[Finding] = [
        finding(1, "gap", unit="pro", offering="cap", message=message),
        finding(1, "passed", unit="pro", offering="paie"),
        finding(2, "passed"),
        finding(8, "gap", missing=True),
        finding(9, "not_verified", unit="pro"),
        finding(10, "gap"),
        finding(0, check="check_display"),
    ]
    waiver = Waiver(
        indicator=10, justification="Refonte", approver="DG", expires=dt.date(2027, 1, 1)
    )
    return report(findings, decisions=decisions, waivers=[waiver], lang=lang)


def test_one_of_each_status_reads_in_correct_french() -> None:
    r = one_of_each()
    s = r.summary
    assert (s.conform, s.nc_minor, s.nc_major, s.not_assessed, s.waived) == (1, 1, 1, 1, 1)
    text = console_text(r, "fr")
    assert summary_line(r, "fr") == (
        "1 NC majeure, 1 NC mineure, 1 non évalué, 1 dérogation, 1 conforme — "
        "5 indicateurs applicables"
    )
    closing = text.splitlines()[-1]
    assert closing.startswith("=") and closing.endswith("=")
    assert "1 NC majeure, 1 NC mineure, 1 non évalué, 1 dérogation, 1 conforme" in closing
    flat = " ".join(text.split())  # no-break spaces and wrapping aside
    assert "1 NC majeure le bloque (1 NC mineure est aussi à corriger)" in flat
    for wrong in ("1 non évalués", "1 conformes", "1 dérogations", "motifs bloquants"):
        assert wrong not in flat
    english = console_text(one_of_each("en"), "en")
    assert "1 major NC blocks it (1 minor NC is also to fix)" in " ".join(english.split())
    assert summary_line(one_of_each("en"), "en").startswith("1 major NC, 1 minor NC, 1 not")


def test_zero_takes_the_singular_in_french() -> None:
    r = one_of_each()
    zero = r.model_copy(update={"summary": r.summary.model_copy(update={"conform": 0})})
    assert "0 conforme —" in summary_line(zero, "fr")
    assert "0 conforme " in console_text(zero, "fr").splitlines()[-1]


def test_each_gap_is_explained_once_and_dates_are_french() -> None:
    text = console_text(one_of_each(), "fr")
    major = next(res for res in one_of_each().indicators if res.status == "nc_major")
    assert major.reason and text.count(" ".join(major.reason.split()[:4])) == 1
    assert not re.search(r"\d{4}-\d{2}-\d{2}", text)  # one date style: 15/12/2026
    assert "15/12/2026" in text
    english = console_text(one_of_each("en"), "en")
    assert "2026-12-15" in english and "15/12/2026" not in english


def test_guillemets_never_stand_alone_on_a_line() -> None:
    text = console_text(one_of_each(message="x " * 40 + "« mot entre guillemets »"), "fr")
    for line in text.splitlines():
        assert not line.strip().startswith("»") and not line.rstrip().endswith("«"), line
        assert not line.strip().startswith(":"), line
    assert "«\u00a0mot entre guillemets\u00a0»" in text


def test_control_characters_from_a_document_are_shown_escaped() -> None:
    evil = "Nom\x1b[2J\x07\x9b31m \u202eexe.pdf\x1b]8;;http://x\x1b\\"
    text = console_text(one_of_each(message=evil), "fr")
    assert not ESC.search(text)
    assert "\\x1b[2J" in text and "\\u202e" in text and "\\x07" in text and "\\x9b" in text
    assert visible("a\u2066b\u0085c") == "a\\u2066b\\x85c"
    coloured = console_text(one_of_each(message=evil), "fr", style=ConsoleStyle(color=True))
    assert "\x1b[2J" not in coloured and "\u202e" not in coloured and "\x07" not in coloured


def test_width_and_verbosity() -> None:
    r = one_of_each(message="mot " * 60)
    narrow = console_text(r, "fr", style=ConsoleStyle(width=60))
    assert max(len(line) for line in narrow.splitlines()[:-1]) <= 60  # the closing line aside
    wide = console_text(r, "fr", style=ConsoleStyle(width=150))
    assert max(len(line) for line in wide.splitlines()) > 100
    quiet = console_text(r, "fr", style=ConsoleStyle(verbosity=-1))
    assert "mot mot" not in quiet and "[NC majeure] 8" in quiet
    verbose = console_text(r, "fr", style=ConsoleStyle(verbosity=1))
    assert "preuves : " in verbose.replace("\u00a0", " ") and "[conforme] 2" in verbose
    assert "en 3,2 s" in console_text(r, "fr", elapsed=3.21).splitlines()[-1]


def test_action_plan_by_owner() -> None:
    text = console_text(one_of_each(), "fr")
    plan = text[text.index("Plan d'action par responsable") :]
    owners = [line for line in plan.splitlines() if re.match(r"^\S.* — \d+ écarts?$", line)]
    assert owners == sorted(owners, key=str.casefold) and owners


class _Stream(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self._tty = tty

    def isatty(self) -> bool:
        return self._tty


@pytest.mark.parametrize(
    ("tty", "env", "colour"),
    [
        (True, {}, True),
        (True, {"NO_COLOR": "1"}, False),
        (True, {"CI": "true"}, False),
        (False, {}, False),  # a pipe
        (False, {"FORCE_COLOR": "1"}, True),
        (True, {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
    ],
)
def test_colour_only_on_a_terminal(
    tty: bool, env: dict[str, str], colour: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("NO_COLOR", "CI", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("COLUMNS", "120")
    style = terminal_style(_Stream(tty))
    assert style.color is colour
    assert style.width == (120 if tty else 96)
    text = console_text(one_of_each(), "fr", style=style)
    assert ("\x1b[" in text) is colour


def test_written_files_are_named_with_a_link_only_on_a_terminal(tmp_path: object) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "rapport.html"
    plain = console_text(one_of_each(), "fr", written=[("HTML", path)])
    assert f"HTML\u00a0: {path}" in plain.replace(" : ", "\u00a0: ") and "\x1b]8" not in plain
    linked = console_text(
        one_of_each(), "fr", written=[("HTML", path)], style=ConsoleStyle(color=True, links=True)
    )
    assert f"\x1b]8;;{path.as_uri()}\x1b\\" in linked


def test_no_unit_written_twice_in_a_path() -> None:
    from rnq.render.console import _where
    from rnq.verdict.report import ReportFinding

    def where(item: str, message: str) -> str:
        found = ReportFinding(
            id="x",
            check="c",
            outcome="gap",
            unit="siege",
            offering=None,
            message=message,
            evidence=(),
            item=item,
        )
        return _where(found)

    register = "siege/C5/registre.xlsx"
    assert where(f"Hugo Essai — {register}", f"« Hugo Essai » ({register}, ligne 8)") == "siege"
    assert where(f"Hugo Essai — {register}", "sans CV") == "siege · Hugo Essai — C5/registre.xlsx"
    text = console_text(one_of_each(), "fr")
    assert not re.search(r"\b([a-z]+)/\1/", text)
