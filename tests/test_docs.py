"""The published documentation stays true to the code."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

from .conftest import REPO


def _gen_schemas():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("gen_schemas", REPO / "tools" / "gen_schemas.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_published_schemas_are_up_to_date() -> None:
    for name, text in _gen_schemas().rendered().items():
        published = REPO / "docs" / "schemas" / name
        assert published.is_file(), f"run python tools/gen_schemas.py ({name} missing)"
        assert published.read_text(encoding="utf-8") == text, (
            f"{name} is stale: run tools/gen_schemas.py"
        )


def test_readme_starts_with_the_two_commands() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(.*?)\n```", readme, flags=re.S)
    assert len(blocks) >= 2
    assert "pip install -e ." in blocks[0] and "evidence" in blocks[0]
    assert "pytest" in blocks[1] and ".[dev]" in blocks[1]
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "python -m pytest -q -n auto" in ci
    assert "python -m pytest -q -n auto" in blocks[1]


def test_every_doc_link_in_readme_exists() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for target in re.findall(r"\]\(((?:docs|src)/[^)#]+)\)", readme):
        assert Path(REPO / target).exists(), target
