"""``python -m rnq``: the same as the ``rnq`` command."""

from rnq.cli import main

main(prog_name="rnq")
