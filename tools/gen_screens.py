"""Write src/rnq/match/screens.json.gz: the segments of every pattern the built-in checks ask
(rnq.match.screens.TABLE), so that no extraction worker spends seconds cutting them.

Run after changing a check's terms or rnq.match.screens: ``python tools/gen_screens.py``. A test
fails when the table is stale; until it is written again, the patterns it lacks are cut by the
workers, which answer the same, only later.
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

from rnq.checks import builtin_check_modules
from rnq.checks.questions import module_questions
from rnq.match.questions import plan_patterns
from rnq.match.screens import TABLE, table_data

OUT = Path(__file__).resolve().parent.parent / "src" / "rnq" / "match" / TABLE


def table_bytes() -> bytes:
    """The table's bytes: the same for the same checks (no time stamp in the gzip header)."""
    questions = sorted({q for module in builtin_check_modules() for q in module_questions(module)})
    text = json.dumps(table_data(plan_patterns(questions)), separators=(",", ":"), sort_keys=True)
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)


def main() -> int:
    OUT.write_bytes(table_bytes())
    print(OUT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
