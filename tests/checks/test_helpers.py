"""Shared helpers of the built-in checks (``rnq/checks/helpers.py``): the version that keys
cached check answers follows the checks' code, not their wording (docstrings and comments do
not count), and :func:`date_in_text` reads the dates written in a document's text.
"""

from __future__ import annotations

import ast
import datetime as dt

from rnq.cache.code_digests import _without_docstrings
from rnq.checks.helpers import date_in_text

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


def test_date_in_text() -> None:
    assert date_in_text("fiche mise a jour le 03/09/2026") == dt.date(2026, 9, 3)
    assert date_in_text("version de septembre 2026") == dt.date(2026, 9, 1)
    assert date_in_text("donnees au 2026-06-30, maj : 1er mars 2025") == dt.date(2026, 6, 30)
    assert date_in_text("session 2026, 12 heures") is None
