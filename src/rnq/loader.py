"""Import a workspace's own Python files (checks, plugins) without writing into the workspace.

Python writes ``__pycache__`` next to imported sources; the evidence tree is read-only (SPEC §9),
so files are compiled in memory and executed as fresh modules. Nothing is cached on disk.
"""

from __future__ import annotations

import hashlib
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

__all__ = ["import_file"]


def import_file(path: Path, *, root: Path) -> ModuleType:
    """Import the Python file ``path`` (inside ``root``) as a new module; write nothing to disk.

    :raises FileNotFoundError: the file does not exist.
    :raises ValueError: the file is outside ``root``.
    :raises Exception: whatever the module raises while executing (the caller reports it).
    """
    resolved = path.resolve()
    if not resolved.is_relative_to(root.resolve()):
        raise ValueError(f"{path} is outside the workspace")
    source = resolved.read_bytes()
    digest = hashlib.sha256(str(resolved).encode()).hexdigest()[:12]
    name = f"rnq_workspace_{resolved.stem}_{digest}"
    spec = importlib.util.spec_from_loader(name, loader=None, origin=str(resolved))
    assert spec is not None
    module = importlib.util.module_from_spec(spec)
    module.__file__ = str(resolved)
    code = compile(source, str(resolved), "exec", dont_inherit=True)
    sys.modules[name] = module
    try:
        exec(code, module.__dict__)
    except BaseException:
        sys.modules.pop(name, None)
        raise
    return module
