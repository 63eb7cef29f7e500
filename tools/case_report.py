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

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "checks"))

from test_cases import (  # type: ignore[import-not-found]  # noqa: E402
    case_file,
    exceptions,
    finders,
    items_of,
    positives,
    states,
)

from rnq.match.french import Concept, concept_match, draft  # noqa: E402
from rnq.match.questions import document_body  # noqa: E402


def where_found(finder: object, text: str | None, rows: list[list[str]] | None) -> str:
    body = document_body(text, rows)
    parts = finder if isinstance(finder, tuple) else (finder,)
    for part in parts:
        if isinstance(part, Concept):
            span = concept_match(part.question, body, text)
            if span is not None:
                start, end = max(0, span[0] - 40), span[1] + 40
                return f"…{body[start : span[0]]}[{body[span[0] : span[1]]}]{body[span[1] : end]}…".replace(
                    "\n", " ⏎ "
                )
    return "(by a reader)"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("number", type=int)
    parser.add_argument("--recall", action="store_true")
    args = parser.parse_args()
    number = args.number
    known = finders(number)
    accepted = exceptions(number)
    if args.recall:
        hits: dict[str, list[bool]] = {}
        for p in positives(number):
            if p.item in known:
                hit = states(known[p.item], p.text, p.rows, document=not p.phrasing)
                hits.setdefault(p.item, []).append(hit)
                if not hit:
                    print(f"  miss {p.item}: {p.label[:90]!r}")
        for item, found in sorted(hits.items()):
            print(f"{item:32} {sum(found):3}/{len(found):<3} {sum(found) / len(found):.0%}")
        return
    for case in case_file(number)["cases"]:
        text = case.get("text")
        rows = case.get("rows")
        rows = [[str(c) for c in r] for r in rows] if rows else None
        items = items_of(number, case["version"])
        why = draft(document_body(text, rows))
        lines = []
        if case.get("draft") and why is None:
            lines.append("  NOT READ AS A DRAFT")
        if why and not case.get("draft"):
            lines.append(f"  read as a draft: {why}")
        for item in case.get("says", []):
            it = items.get(item)
            if (
                item in known
                and it
                and not it.screening
                and (
                    not it.categories
                    or case.get("category") is None
                    or case.get("category") in it.categories
                )
            ):
                if not states(known[item], text, rows) and (case["id"], item) not in accepted:
                    lines.append(f"  missed {item}")
        for item in case.get("lacks", []):
            if item in known and states(known[item], text, rows):
                lines.append(f"  found {item}: {where_found(known[item], text, rows)}")
        if lines:
            print(case["id"])
            print("\n".join(lines))


if __name__ == "__main__":
    main()
