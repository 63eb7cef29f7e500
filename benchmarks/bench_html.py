"""The HTML page of a report, as ``rnq check --html`` writes it, timed in fresh processes.

```sh
rnq check /tmp/rnq-scale --json /tmp/rnq-scale.json --fail-on never -q   # a report, once
python benchmarks/bench_html.py /tmp/rnq-scale.json --runs 7 --same-as REFERENCE.html
```

Each run is a new interpreter that reads the JSON report and loads its referential (a run has
both), then times what ``rnq check --html`` adds: importing ``rnq.render.html`` and writing the
page with ``write_parts_atomic(path, html_parts(report))``, in CPU (``time.process_time``) and
wall time. Prints the best and the median of each; ``--same-as`` also compares the page, byte
for byte, with a reference page. Compile rnq's modules first (``python -m compileall -q src``):
with ``PYTHONDONTWRITEBYTECODE`` every run would compile them again.
"""

from __future__ import annotations

import argparse
import filecmp
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

_CHILD = """
import json, sys, time
from pathlib import Path
from rnq.verdict.report import Report
from rnq.render.files import write_parts_atomic
from rnq.referential.loader import get_referential
report = Report.model_validate_json(Path(sys.argv[1]).read_bytes())
get_referential(report.referential)
cpu, wall = time.process_time(), time.perf_counter()
from rnq.render.html import html_parts
write_parts_atomic(Path(sys.argv[2]), html_parts(report))
print(json.dumps([time.process_time() - cpu, time.perf_counter() - wall]))
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("report", type=Path, help="a JSON report (rnq check --json)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", type=Path, help="where to write the page (a temporary file)")
    parser.add_argument("--same-as", type=Path, help="a page the written one must equal")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = args.out or Path(tmp) / "report.html"
        times = []
        for _ in range(args.runs):
            done = subprocess.run(
                [sys.executable, "-c", _CHILD, str(args.report), str(out)],
                check=True,
                capture_output=True,
                text=True,
            )
            times.append(json.loads(done.stdout))
        cpu = [t[0] for t in times]
        wall = [t[1] for t in times]
        print(
            f"{args.report.name}: import + html_parts + write, {args.runs} runs: "
            f"CPU best {min(cpu):.3f} s, median {statistics.median(cpu):.3f} s; "
            f"wall best {min(wall):.3f} s, median {statistics.median(wall):.3f} s "
            f"({out.stat().st_size / 1e6:.1f} MB)"
        )
        if args.same_as is not None:
            same = filecmp.cmp(out, args.same_as, shallow=False)
            print(f"same bytes as {args.same_as}: {'yes' if same else 'NO'}")
            return 0 if same else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
