"""Fixtures for the built-in content checks: run a small workspace and look at one indicator.

Every test module of this folder (one per indicator, ``test_iNN_<module>.py`` beside
``rnq/checks/iNN_<module>.py``) writes its own small workspaces (``rnq.yaml`` + a few files) and
asks :func:`run_ws` for the report; :func:`findings` picks the findings of one check. The
workspaces and note builders that the tests of several indicators share are kept here too
(import them with ``from .conftest import …``).
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

import rnq
from rnq.testing import write_workspace
from rnq.verdict.report import IndicatorResult, Report, ReportFinding

TODAY = dt.date(2026, 11, 28)
V9_AUDIT = dt.date(2026, 10, 15)  # audits up to 2026-10-31 use rnq-2019-v9
V2026_AUDIT = dt.date(2026, 12, 15)  # audits from 2026-11-01 use rnq-2026

RunWs = Callable[..., rnq.Report]

#: The small workspace most content-check tests start from: a central function and one unit
#: with a certifying offering (its files in ``pro/cap/``), renewal audit under rnq-2026.
CONFIG = """\
version: 1
organization: {name: "Organisme test"}
categories: [AF]
audit: {type: renewal, date: 2026-12-15}
units:
  - {id: siege, name: "Siège", central: true}
  - id: pro
    name: "Pôle pro"
    offerings:
      - {id: cap, title: "CAP Fleuriste", certification: "RNCP12345"}
"""


@pytest.fixture
def run_ws(tmp_path: Path) -> RunWs:
    """``run_ws(config, files, audit_date=..., today=..., indicators=(...))`` → the report.

    Each call writes a fresh workspace under ``tmp_path`` and runs it without plugins loaded from
    entry points and without the cache.
    """
    count = 0

    def run(
        config: str,
        files: dict[str, str | bytes] | None = None,
        *,
        audit_date: dt.date | None = None,
        today: dt.date = TODAY,
        indicators: tuple[int, ...] = (),
        lang: str = "fr",
    ) -> rnq.Report:
        nonlocal count
        count += 1
        root = write_workspace(tmp_path / f"ws{count}", config, files)
        options = rnq.RunOptions(
            today=today,
            audit_date=audit_date,
            indicators=indicators,
            use_cache=False,
            load_entrypoints=False,
            workers=1,
            lang=lang,  # type: ignore[arg-type]
        )
        return rnq.run(root, options)

    return run


def findings(result: IndicatorResult, check: str) -> list[ReportFinding]:
    """The findings of the check whose name ends with ``check`` on one indicator."""
    return [f for f in result.findings if f.check.endswith(check)]


def outcomes(result: IndicatorResult, check: str) -> list[str]:
    """The outcomes of one check on one indicator, in report order."""
    return [f.outcome for f in findings(result, check)]


# --- Shared by the tests of several indicators ------------------------------------------

#: Criterion 1 (indicators 1–3): AF and BC, a certifying offering, another and a bilan.
CRITERION_1_CONFIG = """\
version: 1
organization: {name: "Organisme test"}
categories: [AF, BC]
audit: {type: renewal, date: 2026-12-15}
units:
  - {id: siege, name: "Siège", central: true}
  - id: pro
    name: "Pôle pro"
    offerings:
      - {id: cap, title: "CAP Fleuriste", certification: "RNCP12345"}
      - {id: excel, title: "Excel"}
      - {id: bilan, title: "Bilan de compétences", category: BC}
"""


def flexible_note(
    indicators: str, kind: str | None, text: str, *, date: str | None = "2026-09-01"
) -> str:
    """A Markdown note whose front matter gives ``kind`` and ``date`` only when set; ``text``
    is dedented and kept as is (no newline added)."""
    head = [f"indicators: [{indicators}]"]
    if kind:
        head.append(f"kind: {kind}")
    if date:
        head.append(f"date: {date}")
    return "---\n" + "\n".join(head) + "\n---\n" + textwrap.dedent(text)


#: Criterion 2 (indicators 4–8): AF, BC and CFA with alternance; one offering of each kind.
CRITERION_2_CONFIG = """\
version: 1
organization: {name: "Organisme test"}
categories: [AF, BC, CFA]
activity: {alternance: true}
audit: {type: renewal, date: 2026-12-15}
units:
  - {id: siege, name: "Siège", central: true}
  - id: pro
    name: "Pôle pro"
    offerings:
      - {id: cap, title: "CAP Fleuriste", certification: "RNCP12345"}
      - {id: excel, title: "Excel"}
      - {id: bilan, title: "Bilan de compétences", category: BC}
      - {id: apprenti, title: "CAP Fleuriste par apprentissage", category: CFA}
"""


def mine(report: Report, number: int, check: str, offering: str) -> list[ReportFinding]:
    """The findings of ``check`` on indicator ``number`` for one offering."""
    return [f for f in findings(report.indicator(number), check) if f.offering == offering]


def only(report: Report, number: int, check: str, offering: str) -> ReportFinding:
    (finding,) = mine(report, number, check, offering)
    return finding


def note(indicators: str, kind: str, body: str, date: str = "2026-09-01") -> str:
    """A Markdown note whose front matter always gives ``kind`` and ``date``; ``body`` ends with
    a newline."""
    return f"---\nindicators: [{indicators}]\nkind: {kind}\ndate: {date}\n---\n{body}\n"


#: The usual workspace as a CFA (indicators 14, 15, 20, 29, 33).
CFA_CONFIG = CONFIG.replace("categories: [AF]", "categories: [CFA]").replace(
    'certification: "RNCP12345"', 'certification: "RNCP12345", category: CFA'
)

#: For the watch indicators (23–25): the usual workspace with a second unit, whose watch may
#: differ from the first's.
WATCH_CONFIG = CONFIG + '  - {id: langues, name: "Pôle langues"}\n'

#: A watch that only lists its sources (``n``, ``kind`` and ``date`` to format).
WATCH_SOURCES_ONLY = """\
---
indicators: [{n}]
kind: {kind}
date: {date}
---
# Veille
Sources suivies : Centre Inffo, Légifrance, France compétences, Café pédagogique, Onisep.
"""

#: A watch with a log of its use (``n``, ``kind`` and ``date`` to format).
WATCH_USED = """\
---
indicators: [{n}]
kind: {kind}
date: {date}
---
# Veille
Sources suivies : Centre Inffo, Légifrance, France compétences, Café pédagogique.

| Date | Évolution | Impact | Action décidée |
|---|---|---|---|
| 12/03/2026 | Réforme du CPF | CGV mises à jour | Diffusé aux équipes en réunion |
"""
