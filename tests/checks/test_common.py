"""The version that keys cached check answers follows the checks' code, not their wording."""

from __future__ import annotations

import ast

from rnq.checks.helpers import _without_docstrings

BEFORE = '''
"""Module."""
def check_x(unit):
    """Exigence.

    EN: Requirement.
    """
    # a comment
    assert unit
'''
REWORDED = '''
"""Another module docstring."""
def check_x(unit):
    """Exigence reformulée.

    EN: Reworded requirement.
    """
    assert unit  # moved comment
'''
CHANGED = '''
"""Module."""
def check_x(unit):
    """Exigence."""
    assert not unit
'''


def _key(source: str) -> str:
    return ast.dump(_without_docstrings(ast.parse(source)))


def test_docstrings_and_comments_do_not_count_but_code_does() -> None:
    assert _key(BEFORE) == _key(REWORDED)
    assert _key(BEFORE) != _key(CHANGED)
