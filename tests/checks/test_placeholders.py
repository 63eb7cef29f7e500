"""No placeholder makes its indicator conform (issue #18), end to end through
``rnq check --indicator N``: each entry of a case file's ``placeholders:`` (the shared review
corpus) is the whole text of the only document mapped to the indicator, in a workspace where the
indicator applies — and the indicator must not come out conform.

A draft or an empty template must also be said to be one where it is the only evidence.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from rnq.cli import main
from rnq.testing import write_workspace

CASES = Path(__file__).parent / "cases"

#: Every category, a certifying offering for each, the facts that make conditional items
#: apply: every indicator applies, with all its conditions.
CONFIG = """\
version: 1
organization: {name: "Organisme test"}
categories: [AF, CFA]
audit: {type: renewal, date: AUDIT}
facts:
  modality: distance
  funded_by: [opco]
  presents_candidates: true
  minors: true
  solo_trainer: false
  welcomes_disabled: true
activity: {certifying: true, alternance: true, work_situation: true, subcontracting: true}
units:
  - {id: siege, name: "Siège", central: true}
  - id: pro
    name: "Pôle pro"
    offerings:
      - {id: cap, title: "CAP Fleuriste", certification: "RNCP12345", category: CFA}
      - {id: tp, title: "TP Vendeur", certification: "RNCP37000"}
"""
AUDITS = {"rnq-2026": "2026-12-15", "rnq-2019-v9": "2026-10-15"}


def _placeholders() -> Iterator[Any]:
    for path in sorted(CASES.glob("i*.yaml")):
        data = yaml.safe_load(path.read_text("utf-8"))
        for n, entry in enumerate(data.get("placeholders", []), 1):
            # the review ran them under rnq-2019-v9 (scenario s_lax_placeholders): both versions
            # where the indicator exists, unless the entry names one
            versions = [entry["version"]] if "version" in entry else list(AUDITS)
            for version in versions:
                if data["indicator"] == 33 and version == "rnq-2019-v9":
                    continue
                yield pytest.param(
                    data["indicator"],
                    entry["text"],
                    version,
                    id=f"i{data['indicator']:02d}-{n}-{version}",
                )


@pytest.mark.parametrize(("number", "text", "version"), list(_placeholders()))
def test_a_placeholder_never_makes_its_indicator_conform(
    tmp_path: Path, number: int, text: str, version: str
) -> None:
    config = CONFIG.replace("AUDIT", AUDITS[version])
    note = f"---\nindicators: [{number}]\ndate: 2026-09-01\n---\n{text}\n"
    root = write_workspace(tmp_path / "ws", config, {"pro/cap/placeholder.md": note})
    out = tmp_path / "report.json"
    result = CliRunner().invoke(
        main,
        [
            "check",
            str(root),
            "--indicator",
            str(number),
            "--today",
            "2026-11-28",
            "--json",
            str(out),
            "--no-cache",
            "--fail-on",
            "never",
        ],
    )
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text(encoding="utf-8"))
    (indicator,) = [i for i in report["indicators"] if i["number"] == number]
    assert indicator["status"] not in ("conform", "not_applicable"), indicator["findings"]
