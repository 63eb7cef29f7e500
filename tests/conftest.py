"""Shared fixtures: small workspaces written by the tests themselves."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from rnq import testing

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "evidence"

MINIMAL = """\
version: 1
organization: {name: "Organisme test"}
categories: [AF]
units:
  - {id: siege, name: "Siège", central: true}
"""
#: A central function and one unit with one offering (``pro/compta/``), renewal audit.
ONE_OFFERING = """\
version: 1
organization: {name: "Organisme test"}
categories: [AF]
audit: {type: renewal, date: 2026-12-15}
units:
  - {id: siege, name: "Siège", central: true}
  - id: pro
    name: "Pôle pro"
    offerings:
      - {id: compta, title: "Comptabilité"}
"""


@pytest.fixture
def write_workspace(tmp_path: Path) -> Callable[..., Path]:
    """Write ``rnq.yaml`` (dedented) and optional files; return the workspace root."""

    def write(config: str = MINIMAL, files: dict[str, str | bytes] | None = None) -> Path:
        return testing.write_workspace(tmp_path / "ws", config, files)

    return write
