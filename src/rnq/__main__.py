"""``python -m rnq``: the same as the ``rnq`` command."""

from rnq.cli import program

program()
