"""Make a cache look as it does after an upgrade of the checks: every stored answer stale.

    python benchmarks/stale_answers.py /tmp/c-copy     # then time `rnq check --cache-dir …`

The content checks' answers are stored with the version of the code that gave them
(:func:`rnq.checks.helpers.facts_version`); a new version of the checks' or the matcher's
code changes it, and with it every run key and base key (:mod:`rnq.cache.runkey`). This
rewrites the version of every stored answer and drops what those keys select (the stored
reports, the file memos, the check items' findings): the next run is then the first run
after an upgrade — the texts and file names are cached, no answer is current — without
touching the code. Work on a copy of the cache folder (``cp -a``).
"""

from __future__ import annotations

import argparse
import sqlite3
from pathlib import Path

#: The version the stored answers are given (no code has it).
EARLIER = "earlier-version"


def make_stale(cache_dir: Path) -> int:
    """Make the answers of the cache in ``cache_dir`` stale; returns the files concerned."""
    db = sqlite3.connect(cache_dir / "extract.sqlite3")
    try:
        changed = db.execute(
            "UPDATE extracts SET facts_version = ? WHERE facts_version IS NOT NULL", (EARLIER,)
        ).rowcount
        for table in ("runs", "memos", "item_groups"):
            db.execute(f"DELETE FROM {table}")
        db.commit()
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.close()
    return changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cache_dir", type=Path, help="a cache folder (--cache-dir), a copy")
    args = parser.parse_args(argv)
    print(f"{make_stale(args.cache_dir)} files' answers made stale")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
