"""The built-in checks, registered as a plugin like any other.

One module per concern; :func:`rnq_register_checks` lists them.
"""

from __future__ import annotations

from types import ModuleType

from rnq.hookspecs import hookimpl

__all__ = ["rnq_register_checks"]


@hookimpl(trylast=True)
def rnq_register_checks() -> list[ModuleType]:
    """The built-in check modules."""
    from rnq.checks import presence

    return [presence]
