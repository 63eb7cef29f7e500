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

from rnq.text import Localized

__all__ = ["import_error_message", "import_file"]


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


def import_error_message(path: Path, exc: BaseException) -> tuple[Localized, int | None]:
    """What went wrong importing the workspace file ``path``, in French and English, with the fix
    where there is one, and the line of ``path`` it happened at (None when unknown)."""
    if isinstance(exc, SyntaxError):
        text = exc.msg or type(exc).__name__
        code = (exc.text or "").strip()
        if code:
            text += f" — « {code[:80]} »"
        return Localized(fr=f"erreur de syntaxe : {text}", en=f"syntax error: {text}"), exc.lineno
    line = _line_in(path, exc)
    explained = getattr(exc, "localized", None)  # rnq's own errors say it in both languages
    if callable(explained):
        text = explained()
        if isinstance(text, Localized):
            return text, line
    if isinstance(exc, ModuleNotFoundError) and exc.name and _beside(path, exc.name):
        return (
            Localized(
                fr=f"« import {exc.name} » : les fichiers de l'espace ne s'importent pas entre eux "
                "— mettez le code partagé dans une fixture (@rnq.fixture) du même fichier ou dans "
                "une extension installée",
                en=f"'import {exc.name}': the workspace's files do not import each other — put "
                "shared code in a fixture (@rnq.fixture) of the same file or in an installed "
                "plugin",
            ),
            line,
        )
    if isinstance(exc, ModuleNotFoundError) and exc.name:
        return (
            Localized(
                fr=f"le module « {exc.name} » est introuvable : installez-le dans "
                "l'environnement où rnq s'exécute, ou retirez cet import",
                en=f"module '{exc.name}' not found: install it where rnq runs, or remove the "
                "import",
            ),
            line,
        )
    if isinstance(exc, ImportError):
        return Localized(fr=f"import impossible : {exc}", en=f"cannot import: {exc}"), line
    shown = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    return (
        Localized(
            fr=f"le fichier lève une exception à l'import : {shown}",
            en=f"the file raises an exception when imported: {shown}",
        ),
        line,
    )


def _beside(path: Path, name: str) -> bool:
    """Whether module ``name`` is a file or folder beside ``path`` (a sibling import)."""
    first = name.split(".")[0]
    return (path.parent / f"{first}.py").is_file() or (path.parent / first).is_dir()


def _line_in(path: Path, exc: BaseException) -> int | None:
    """The line of ``path`` the traceback of ``exc`` last went through."""
    target = str(path.resolve())
    line = None
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == target:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line
