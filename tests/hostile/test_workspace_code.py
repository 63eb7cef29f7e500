"""Code is opt-in (SPEC §9), even when rnq runs from inside the workspace: modules stored there
under the names of modules rnq imports (``multiprocessing/``, ``csv.py``, ``yaml/``…) never run,
neither in rnq's process (``python -m rnq``) nor in the helper processes multiprocessing starts
(reliability review, F1)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.extract.files import pdf_bytes

from .conftest import CONFIG, HEALTHY, TODAY

#: Module names a workspace could shadow: imported by rnq, by its libraries, or by the
#: ``python -c`` commands multiprocessing starts its forkserver and resource tracker with.
SHADOWED = ("multiprocessing", "csv", "yaml", "click", "pydantic", "jinja2", "sqlite3", "zipfile")


def _plant(root: Path, marker: Path) -> None:
    payload = f"open({str(marker)!r}, 'a').write(__name__ + '\\n')\nraise ImportError\n"
    for name in SHADOWED:
        if name in ("multiprocessing", "yaml", "jinja2"):
            (root / name).mkdir()
            (root / name / "__init__.py").write_text(payload, encoding="utf-8")
        else:
            (root / f"{name}.py").write_text(payload, encoding="utf-8")


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A workspace with a PDF (so documents are read in worker processes, not in this one) and
    a decoy module for every shadowed name."""
    root = tmp_path / "ws"
    root.mkdir()
    (root / "rnq.yaml").write_text(CONFIG, encoding="utf-8")
    for rel, content in HEALTHY.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(str(content), encoding="utf-8")
    (root / "siege" / "I17-moyens.pdf").write_bytes(pdf_bytes(["Salle de formation, 12 postes."]))
    return root


def _command(form: str) -> list[str]:
    if form == "script":
        script = shutil.which("rnq", path=os.path.dirname(sys.executable))
        if script is None:
            pytest.skip("the rnq script is not installed beside this interpreter")
        return [script]
    return [sys.executable, "-m", "rnq"]


@pytest.mark.parametrize("form", ["script", "python -m"])
def test_modules_stored_in_the_workspace_never_run(
    form: str, workspace: Path, tmp_path: Path
) -> None:
    marker = tmp_path / "ran.txt"
    _plant(workspace, marker)
    env = {
        **os.environ,
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "RNQ_DISABLE_PLUGIN_AUTOLOAD": "1",
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    env.pop("PYTHONSAFEPATH", None)
    env.pop("RNQ_CACHE_DIR", None)
    out = tmp_path / "report.json"
    done = subprocess.run(
        [*_command(form), "check", "--today", TODAY.isoformat(), "--no-cache", "--json", str(out)],
        cwd=workspace,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode in (0, 1), done.stderr
    report = json.loads(out.read_text(encoding="utf-8"))
    assert not report["errors"]  # the PDF was read, in a worker process
    assert not marker.exists(), f"workspace code ran: {marker.read_text()}"
