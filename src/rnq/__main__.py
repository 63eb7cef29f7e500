"""The ``rnq`` program: ``python -m rnq`` and the ``rnq`` command (:func:`main`).

The workspace's walk starts first, in a child process (:mod:`rnq.workspace.ahead`), while this
one imports :mod:`rnq.cli` and what the command needs."""

import sys

from rnq.workspace.ahead import start_for


def main() -> None:
    """Start the walk ahead, then run :func:`rnq.cli.program`."""
    start_for(sys.argv[1:])
    from rnq.cli import program

    program()


if __name__ == "__main__":
    main()
