"""``python -m rnq``: the same as the ``rnq`` command.

The workspace's walk starts first, in a child process (:mod:`rnq.workspace.ahead`), while this
one imports :mod:`rnq.cli` and what the command needs."""

import sys

from rnq.workspace.ahead import start_for

start_for(sys.argv[1:])

from rnq.cli import program  # noqa: E402 - after the walk ahead has started

program()
