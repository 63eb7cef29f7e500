"""Show how the finders of one indicator read its case file (tests/checks/cases/iNN.yaml).

    python tools/case_report.py 12            # misses and false finds, with the matching text
    python tools/case_report.py 12 --recall   # recall per item (cases and shared phrasings)

A development aid for check authors: the test that holds the line is
tests/checks/test_cases.py.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "checks"))

from test_cases import (  # type: ignore[import-not-found]
    _applies,
    case_file,
    exceptions,
    finders,
    items_of,
    positives,
    states,
)

from rnq.match.french import Concept, concept_match, draft
from rnq.match.questions import document_body


def where_found(finder: object, text: str | None, rows: list[list[str]] | None) -> str:
    """The text around the first match that counts, the match in brackets."""
    body = document_body(text, rows)
    parts = finder if isinstance(finder, tuple) else (finder,)
    for part in parts:
        if isinstance(part, Concept):
            span = concept_match(part.question, body, text)
            if span is not None and span[0] >= 0:
                start, end = max(0, span[0] - 40), span[1] + 40
                shown = f"{body[start : span[0]]}[{body[span[0] : span[1]]}]{body[span[1] : end]}"
                return f"…{shown}…".replace("\n", " ⏎ ")
    return "(by a reader or an exact term)"


def recall(number: int) -> None:
    known = finders(number)
    hits: dict[str, list[bool]] = {}
    for p in positives(number):
        if p.item in known:
            hit = states(known[p.item], p.text, p.rows, document=not p.phrasing)
            hits.setdefault(p.item, []).append(hit)
            if not hit:
                print(f"  miss {p.item}: {p.label[:90]!r}")
    for item, found in sorted(hits.items()):
        print(f"{item:32} {sum(found):3}/{len(found):<3} {sum(found) / len(found):.0%}")


def case_lines(number: int, case: dict[str, Any]) -> list[str]:
    """What is wrong in how one case is read."""
    known = finders(number)
    accepted = exceptions(number)
    text = case.get("text")
    rows = [[str(c) for c in r] for r in case["rows"]] if case.get("rows") else None
    items = items_of(number, case["version"])
    why = draft(document_body(text, rows))
    lines = []
    if case.get("draft") and why is None:
        lines.append("  NOT READ AS A DRAFT")
    if why and not case.get("draft"):
        lines.append(f"  read as a draft: {why}")
    for item in case.get("says", []):
        if (
            item in known
            and _applies(items.get(item), case.get("category"))
            and not states(known[item], text, rows)
            and (case["id"], item) not in accepted
        ):
            lines.append(f"  missed {item}")
    for item in case.get("lacks", []):
        if item in known and states(known[item], text, rows):
            lines.append(f"  found {item}: {where_found(known[item], text, rows)}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("number", type=int)
    parser.add_argument("--recall", action="store_true")
    args = parser.parse_args()
    if args.recall:
        recall(args.number)
        return
    for case in case_file(args.number)["cases"]:
        lines = case_lines(args.number, case)
        if lines:
            print(case["id"])
            print("\n".join(lines))


if __name__ == "__main__":
    main()
