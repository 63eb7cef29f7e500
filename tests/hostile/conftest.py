"""What every hostile-input test shares: a workspace with one healthy piece of evidence, a run
through ``rnq.run``, and a snapshot of the workspace tree (paths, bytes, modes) to prove that
nothing was written, altered or left behind (no ``__pycache__``)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import stat
from pathlib import Path
from typing import Any

import rnq

TODAY = dt.date(2026, 11, 28)
AUDIT = dt.date(2026, 12, 15)

CONFIG = """\
version: 1
organization: {name: "Organisme test"}
categories: [AF]
audit: {type: renewal, date: 2026-12-15}
units:
  - {id: siege, name: "Siège", central: true}
  - {id: pro, name: "Pôle pro"}
"""

#: The healthy evidence every hostile workspace also holds, and the indicator it proves.
HEALTHY_PATH = "siege/I26-referent-handicap.md"
HEALTHY_INDICATOR = 26
HEALTHY: dict[str, str | bytes] = {
    HEALTHY_PATH: (
        "# Référente handicap\n\n"
        "Référente handicap : Mme Martin, formée en 2025.\n"
        "Partenaires mobilisés : Agefiph, Cap emploi, MDPH.\n"
        "L'adaptation des parcours est décidée en entretien individuel avec la personne.\n"
    ),
}

#: Files larger than this are snapshotted by size and modification time, not by content.
_HASHED_UP_TO = 16 << 20


def run_doc(root: Path, **options: Any) -> dict[str, Any]:
    """``rnq.run`` on ``root`` (no cache, no installed plugin, one worker) as the JSON document."""
    settings: dict[str, Any] = {
        "today": TODAY,
        "use_cache": False,
        "load_entrypoints": False,
        "workers": 1,
        **options,
    }
    opts = rnq.RunOptions(**settings)
    return dict(json.loads(rnq.run(root, opts).to_json()))


def statuses(doc: dict[str, Any]) -> dict[int, str]:
    """Indicator number → status."""
    return {int(i["number"]): str(i["status"]) for i in doc["indicators"]}


def snapshot(root: Path) -> dict[bytes, tuple[object, ...]]:
    """Every entry under ``root`` (bytes paths, so non-UTF-8 names too), never following links:
    its mode, and its content digest (files), target (links) or nothing (folders, pipes)."""
    state: dict[bytes, tuple[object, ...]] = {}
    base = os.fsencode(root)
    for folder, dirs, files in os.walk(base, followlinks=False):
        for name in [*dirs, *files]:
            path = os.path.join(folder, name)
            info = os.lstat(path)
            relative = os.path.relpath(path, base)
            if stat.S_ISLNK(info.st_mode):
                state[relative] = (info.st_mode, os.readlink(path))
            elif stat.S_ISREG(info.st_mode):
                if info.st_size > _HASHED_UP_TO:
                    state[relative] = (info.st_mode, info.st_size, info.st_mtime_ns)
                else:
                    try:
                        with open(path, "rb") as handle:
                            digest = hashlib.file_digest(handle, "sha256").hexdigest()
                    except PermissionError:  # chmod 000, not root
                        digest = "unreadable"
                    state[relative] = (info.st_mode, info.st_size, digest)
            else:
                state[relative] = (info.st_mode,)
    return state


def bytecode_in(root: Path) -> list[bytes]:
    """``__pycache__`` folders and ``.pyc`` files anywhere under ``root``."""
    found = []
    for folder, dirs, files in os.walk(os.fsencode(root), followlinks=False):
        found += [os.path.join(folder, d) for d in dirs if d == b"__pycache__"]
        found += [os.path.join(folder, f) for f in files if f.endswith(b".pyc")]
    return found
