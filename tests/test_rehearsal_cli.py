"""``rnq sample`` (a mock audit on a seeded sample) and ``rnq calendar`` (SPEC §6)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import jsonschema
from click.testing import CliRunner

from rnq.cli import main

from .conftest import REPO

CONFIG = """\
version: 1
organization: {name: "Organisme test"}
categories: [AF]
audit:
  type: surveillance
  date: 2025-06-10
  certified_on: 2024-01-20
  previous_nc:
    - {indicator: 31, level: minor, notified: 2024-01-10}
    - {indicator: 26, level: major, notified: 2024-01-10, lifted: 2024-03-01}
units:
  - {id: siege, name: "Siège", central: true}
  - id: nord
    name: "Pôle nord"
    offerings:
      - {id: n1, title: "Offre N1"}
      - {id: n2, title: "Offre N2"}
  - id: sud
    name: "Pôle sud"
    offerings:
      - {id: s1, title: "Offre S1", certification: "RNCP0001"}
      - {id: s2, title: "Offre S2"}
  - id: est
    name: "Pôle est"
    offerings:
      - {id: e1, title: "Offre E1"}
      - {id: e2, title: "Offre E2"}
sites:
  - {id: paris, units: [siege], audited_last: true}
  - {id: lille, units: [nord], audited_last: true}
  - {id: marseille, units: [sud], audited_last: true}
  - {id: strasbourg, units: [est]}
"""


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_sample_json_is_reproducible_and_restricted_to_the_sample(
    write_workspace: Callable[..., Path],
) -> None:
    root = write_workspace(CONFIG)
    args = ("sample", str(root), "--seed", "5", "--json", "--today", "2025-05-01", "--no-cache")
    code, first, _ = run(*args)
    assert code == 1  # no evidence: blocking NCs, as rnq check would say
    assert run(*args)[1] == first
    doc = json.loads(first)
    schema = json.loads((REPO / "docs/schemas/rnq.report-2.schema.json").read_text())
    jsonschema.validate(doc, schema)
    sample = doc["sample"]
    assert sample["seed"] == 5 and sample["audit_type"] == "surveillance"
    sites = sample["sites"]
    assert (sites["total"], sites["count"]) == (4, 1)  # 0.6 × √4 = 1.2 → 1
    ids = [s["id"] for s in sites["sites"]]
    assert ids == ["paris", "strasbourg"]  # central + the only site not audited last time
    assert sites["units"] == ["siege", "est"]
    sampled = {o["id"] for c in sample["offerings"]["categories"] for o in c["offerings"]}
    assert sampled and sampled <= {"e1", "e2"}
    seen_units = {f["unit"] for i in doc["indicators"] for f in i["findings"]}
    seen_offerings = {f["offering"] for i in doc["indicators"] for f in i["findings"]} - {None}
    assert seen_units <= {"siege", "est"}
    assert seen_offerings == sampled
    scope = {i["number"]: i["surveillance_scope"] for i in doc["indicators"]}
    assert scope[31] and scope[1] and not scope[8]
    assert doc["calendar"]["surveillance_from"] == "2025-03-20"


def test_sample_audit_type_option_and_text_output(write_workspace: Callable[..., Path]) -> None:
    root = write_workspace(CONFIG)
    base = ("sample", str(root), "--seed", "9", "--today", "2025-05-01", "--no-cache")
    _, stdout, _ = run(*base, "--audit-type", "renewal", "--json")
    doc = json.loads(stdout)
    assert doc["audit"]["type"] == "renewal"
    assert doc["sample"]["sites"]["count"] == 2  # √4
    assert len(doc["sample"]["sites"]["sites"]) == 3  # + the central function
    assert not any(i["surveillance_scope"] for i in doc["indicators"])
    _, text, _ = run(*base)
    assert "graine 9" in text
    assert "fonction centrale" in text
    assert "Écarts par indicateur" in text  # what the auditor would have seen
    _, english, _ = run(*base, "--lang", "en")
    assert "seed 9" in english and "Gaps by indicator" in english


def test_sample_writes_the_html_and_markdown_reports_of_the_sample(
    write_workspace: Callable[..., Path], tmp_path: Path
) -> None:
    root = write_workspace(CONFIG)
    html, md = tmp_path / "audit-blanc.html", tmp_path / "audit-blanc.md"
    code, _, _ = run(
        "sample", str(root), "--seed", "5", "--today", "2025-05-01", "--no-cache",
        "--html", str(html), "--md", str(md),
    )  # fmt: skip
    assert code == 1
    never = ("sample", str(root), "--seed", "5", "--today", "2025-05-01", "--fail-on", "never")
    assert run(*never)[0] == 0
    page = html.read_text(encoding="utf-8")
    assert "<h2>Échantillon de l&#39;audit blanc" in page and "strasbourg" in page
    assert "## Échantillon de l’audit blanc" in md.read_text(encoding="utf-8")


def test_sample_without_seed_prints_the_seed_drawn(write_workspace: Callable[..., Path]) -> None:
    root = write_workspace(CONFIG)
    _, stdout, _ = run("sample", str(root), "--json", "--today", "2025-05-01", "--no-cache")
    seed = json.loads(stdout)["sample"]["seed"]
    _, again, _ = run(
        "sample", str(root), "--seed", str(seed), "--json", "--today", "2025-05-01", "--no-cache"
    )
    assert json.loads(again)["sample"] == json.loads(stdout)["sample"]


def test_calendar_command(write_workspace: Callable[..., Path]) -> None:
    root = write_workspace(CONFIG)
    code, stdout, _ = run("calendar", str(root), "--today", "2025-05-01", "--json")
    assert code == 0
    doc = json.loads(stdout)
    assert doc["schema"] == "rnq.calendar/1"
    schema = json.loads((REPO / "docs/schemas/rnq.calendar-1.schema.json").read_text())
    jsonschema.validate(doc, schema)
    assert doc["days_left"] == 40
    assert doc["surveillance_until"] == "2025-11-20"
    states = {nc["indicator"]: nc["state"] for nc in doc["previous_nc"]}
    assert states == {26: "lifted", 31: "overdue"}
    _, text, _ = run("calendar", str(root), "--today", "2025-05-01")
    assert "Fenêtre de surveillance" in text and "20/03/2025 – 20/11/2025" in text
    _, english, _ = run(
        "calendar", str(root), "--today", "2025-05-01", "--audit-date", "2025-12-01", "--lang", "en"
    )
    assert "outside the surveillance window" in english


def test_bad_workspace_is_a_usage_error(tmp_path: Path) -> None:
    for command in ("sample", "calendar"):
        code, _, err = run(command, str(tmp_path / "nowhere"))
        assert code == 2
        assert "rnq.yaml" in err
