"""Make the package importable without installing it, and write small workspaces."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from rnq.testing import write_workspace

SRC = Path(__file__).resolve().parent.parent / "src"
if str(SRC) not in sys.path:
    sys.path.insert(0, str(SRC))

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


@pytest.fixture
def reports_workspace(tmp_path: Path) -> Callable[..., Path]:
    """Write ``rnq.yaml`` and files (text in ``encoding``); return the workspace root."""

    def write(files: dict[str, str | bytes], config: str = CONFIG, encoding: str = "utf-8") -> Path:
        return write_workspace(tmp_path / "ws", config, files, encoding=encoding, dedent=False)

    return write
