"""A digest of source code that ignores what does not change what the code does: docstrings,
comments and layout (the syntax tree without positions).

:func:`code_version` gives the version of the content checks' answers
(:func:`rnq.checks.helpers.facts_version`): rewording a check's requirement keeps the answers
in the cache. Parsing 48 modules costs 0.3 s, so each file's digest is kept beside the cache
(``code-digests.json``), keyed by its path, size and modification time: a run parses nothing it
parsed before, whichever other installation of rnq (another virtual environment, another
worktree) ran in between.
"""

from __future__ import annotations

import ast
import contextlib
import hashlib
import json
import os
from collections.abc import Iterable
from pathlib import Path

from rnq.cache.store import default_cache_dir

__all__ = ["code_version"]

#: Digests of other files (other installations, earlier versions) kept beside those of the
#: files asked about, the oldest dropped first.
DIGESTS_KEPT = 1000


def code_version(sources: Iterable[Path]) -> str:
    """A digest of the code of ``sources`` (their names and syntax trees without docstrings),
    16 hexadecimal digits."""
    known = _known_digests()
    digest = hashlib.sha256()
    fresh: dict[str, str] = {}
    for source in sources:
        stat = source.stat()
        key = f"{source}:{stat.st_size}:{stat.st_mtime_ns}"
        code = known.get(key) or _code_digest(source)
        fresh[key] = code
        digest.update(source.name.encode())
        digest.update(code.encode())
    if not fresh.items() <= known.items():
        # the others kept too: two installations run in turn would otherwise parse every
        # file at every run
        kept = {k: v for k, v in known.items() if k not in fresh}
        _keep_digests(dict(list(kept.items())[-DIGESTS_KEPT:]) | fresh)
    return digest.hexdigest()[:16]


def _code_digest(source: Path) -> str:
    tree = ast.parse(source.read_text(encoding="utf-8"))
    return hashlib.sha256(ast.dump(_without_docstrings(tree)).encode()).hexdigest()


def _digests_file() -> Path:
    return default_cache_dir() / "code-digests.json"


def _known_digests() -> dict[str, str]:
    """The digests kept by an earlier run (none when unreadable: they are computed again)."""
    try:
        data = json.loads(_digests_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def _keep_digests(digests: dict[str, str]) -> None:
    """Keep the digests for the next run, in the order given (the oldest first); a cache folder
    that cannot be written costs only the parsing next time."""
    target = _digests_file()
    with contextlib.suppress(OSError):
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(json.dumps(digests), encoding="utf-8")
        os.replace(temporary, target)


def _without_docstrings(tree: ast.Module) -> ast.Module:
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            first = node.body[0] if node.body else None
            if (
                isinstance(first, ast.Expr)
                and isinstance(first.value, ast.Constant)
                and isinstance(first.value.value, str)
            ):
                node.body = node.body[1:] or [ast.Pass()]
    return tree
