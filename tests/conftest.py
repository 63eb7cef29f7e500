"""Shared fixtures: small workspaces written by the tests themselves."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "evidence"

MINIMAL = """\
version: 1
organization: {name: "Organisme test"}
categories: [AF]
units:
  - {id: siege, name: "Siège", central: true}
"""


@pytest.fixture
def write_workspace(tmp_path: Path) -> Callable[..., Path]:
    """Write ``rnq.yaml`` (dedented) and optional files; return the workspace root."""

    def write(config: str = MINIMAL, files: dict[str, str | bytes] | None = None) -> Path:
        root = tmp_path / "ws"
        root.mkdir(exist_ok=True)
        (root / "rnq.yaml").write_text(textwrap.dedent(config), encoding="utf-8")
        for name, content in (files or {}).items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(textwrap.dedent(content), encoding="utf-8")
        return root

    return write
