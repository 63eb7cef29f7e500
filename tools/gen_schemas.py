"""Write the JSON Schemas of rnq.yaml and of every JSON document rnq prints into docs/schemas/.

Run after changing a model: ``python tools/gen_schemas.py``. A test fails when they are stale.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from rnq.render.schemas import output_schemas, workspace_schema

OUT = Path(__file__).resolve().parent.parent / "docs" / "schemas"


def rendered() -> dict[str, str]:
    """File name → JSON text of every published schema."""
    files = {"rnq.yaml.schema.json": workspace_schema()}
    for name, schema in output_schemas().items():
        files[name.replace("/", "-") + ".schema.json"] = schema
    return {name: json.dumps(s, ensure_ascii=False, indent=2) + "\n" for name, s in files.items()}


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, text in rendered().items():
        (OUT / name).write_text(text, encoding="utf-8")
        print(OUT / name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
