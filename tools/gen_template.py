"""Write src/rnq/render/_report_template.py: the HTML page's template compiled to Python by
Jinja2, so that no run spends the 0.13 s Jinja2 takes to compile it (rnq.render.html._template).

Run after changing src/rnq/render/templates/report.html.j2, or after upgrading Jinja2:
``python tools/gen_template.py``. A test fails when the module is stale; until it is written
again, rnq compiles the template's source at each run, as it did before.
"""

from __future__ import annotations

import sys
from pathlib import Path

from rnq.render.html import compiled_template

OUT = Path(__file__).resolve().parent.parent / "src" / "rnq" / "render" / "_report_template.py"


def main() -> int:
    OUT.write_text(compiled_template(), encoding="utf-8")
    print(OUT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
