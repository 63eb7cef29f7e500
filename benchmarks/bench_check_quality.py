"""How well the built-in checks read French: per indicator, on the case files
(``tests/checks/cases/iNN.yaml``) and the shared review corpus they hold (issue #18).

    .venv/bin/python benchmarks/bench_check_quality.py                  # the table
    .venv/bin/python benchmarks/bench_check_quality.py --forms snowball  # word forms by a stemmer
    .venv/bin/python benchmarks/bench_check_quality.py --no-placeholders # skip the end-to-end runs

Columns, per indicator (both versions together):

* **corpus**: phrasings of the shared review corpus recognised as stating their item;
* **cases**: items the case documents state, recognised (drafts excluded: a draft states nothing);
* **false finds**: items a case document lacks but a finder found in it;
* **drafts**: case documents marked as drafts read as drafts;
* **placeholders**: placeholders of the corpus that leave their indicator not conform, end to end
  (``rnq.run`` on a workspace whose only document for the indicator is the placeholder);
* **µs/doc**: time to answer every planned question of the indicator's module on one case
  document (folding included), the work an extraction worker adds per document;
* **held-out**: the same measures on ``tests/checks/holdout/iNN.yaml``, documents written after
  the finders by authors who had seen neither them nor the cases (recall, false finds, drafts):
  how the finders read documents nobody tuned them to.

``--forms snowball`` replaces rnq's word forms (gender, number, inclusive writing, by rules) by
the Snowball French stemmer's stems (``snowballstemmer``, not a dependency of rnq: install it to
compare), so the two can be compared on the same finders; see docs/matching.md. A benchmark, not a
test: it prints and exits 0.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "checks"))


def _snowball_forms() -> None:
    """Make every term's words match by their Snowball stem (and what follows it)."""
    import snowballstemmer  # type: ignore[import-not-found]

    from rnq.match import french

    stemmer = snowballstemmer.stemmer("french")

    def forms(word: str) -> tuple[str, str]:
        word = word.rstrip(french._PARTICIPLE)
        if len(word) <= 3 or not word.isalpha():
            return word, ""
        return stemmer.stemWord(word), r"[a-z]{0,6}" + french._INCLUSIVE

    french._forms = forms  # type: ignore[assignment]


def _placeholders(number: int) -> tuple[int, int]:
    """(rejected, total) for the placeholders of one indicator, end to end."""
    import datetime as dt

    import yaml

    import rnq
    from rnq.testing import write_workspace

    sys.path.insert(0, str(REPO / "tests" / "checks"))
    from test_placeholders import AUDITS, CONFIG  # type: ignore[import-not-found]

    data = yaml.safe_load((REPO / f"tests/checks/cases/i{number:02d}.yaml").read_text("utf-8"))
    entries = data.get("placeholders", [])
    rejected = 0
    for entry in entries:
        version = entry.get("version", "rnq-2026")
        note = f"---\nindicators: [{number}]\ndate: 2026-09-01\n---\n{entry['text']}\n"
        with tempfile.TemporaryDirectory() as tmp:
            config = CONFIG.replace("AUDIT", AUDITS[version])
            root = write_workspace(Path(tmp) / "ws", config, {"pro/cap/placeholder.md": note})
            options = rnq.RunOptions(
                today=dt.date(2026, 11, 28),
                indicators=(number,),
                use_cache=False,
                load_entrypoints=False,
                workers=1,
            )
            report = rnq.run(root, options)
        status = report.indicator(number).status
        rejected += status not in ("conform", "not_applicable")
    return rejected, len(entries)


def _row(number: int, placeholders: bool) -> dict[str, object] | None:
    from test_cases import (  # type: ignore[import-not-found]
        case_file,
        finders,
        items_of,
        module_of,
        positives,
        states,
    )

    from rnq.checks.questions import module_questions
    from rnq.match.french import draft
    from rnq.match.questions import answers_for, document_body

    known = finders(number)
    if not known:
        return None
    corpus = [p for p in positives(number) if p.phrasing and p.item in known]
    cases = [p for p in positives(number) if not p.phrasing and p.item in known]
    corpus_hits = sum(states(known[p.item], p.text, p.rows, document=False) for p in corpus)
    case_hits = sum(states(known[p.item], p.text, p.rows) for p in cases)
    false_finds = lacks = drafts = drafts_found = 0
    documents = case_file(number)["cases"]
    for case in documents:
        rows = [[str(c) for c in r] for r in case["rows"]] if case.get("rows") else None
        items = items_of(number, case["version"])
        for item in case.get("lacks", []):
            if item in known and item in items and not items[item].screening:
                lacks += 1
                false_finds += states(known[item], case.get("text"), rows)
        if case.get("draft"):
            drafts += 1
            drafts_found += draft(document_body(case.get("text"), rows)) is not None
    questions = module_questions(module_of(number))
    for _ in range(2):  # the first pass compiles the patterns; the second is timed
        start = time.perf_counter()
        for case in documents:
            rows = [[str(c) for c in r] for r in case["rows"]] if case.get("rows") else None
            answers_for(case.get("text"), rows, questions)
    per_doc = (time.perf_counter() - start) / max(1, len(documents)) * 1e6
    rejected, total = _placeholders(number) if placeholders else (0, 0)
    held = _holdout(number, known)
    return {
        "held": held,
        "number": number,
        "corpus": (corpus_hits, len(corpus)),
        "cases": (case_hits, len(cases)),
        "false": (false_finds, lacks),
        "drafts": (drafts_found, drafts),
        "placeholders": (rejected, total),
        "us": per_doc,
    }


def _holdout(number: int, known: Any) -> tuple[tuple[int, int], tuple[int, int], tuple[int, int]]:
    """(recall, false finds, drafts) on the held-out file of ``number``."""
    import yaml
    from test_cases import _applies, items_of, states  # type: ignore[import-not-found]

    from rnq.match.french import draft
    from rnq.match.questions import document_body

    path = REPO / "tests" / "checks" / "holdout" / f"i{number:02d}.yaml"
    if not path.is_file():
        return (0, 0), (0, 0), (0, 0)
    hit = said = found = lacked = drafts = read = 0
    for case in yaml.safe_load(path.read_text("utf-8"))["cases"]:
        rows = [[str(c) for c in r] for r in case["rows"]] if case.get("rows") else None
        items = items_of(number, case["version"])
        if case.get("draft"):
            drafts += 1
            read += draft(document_body(case.get("text"), rows)) is not None
        for item in case.get("says", []):
            if item in known and _applies(items.get(item), case.get("category")):
                said += 1
                hit += states(known[item], case.get("text"), rows)
        for item in case.get("lacks", []):
            if item in known and _applies(items.get(item), case.get("category")):
                lacked += 1
                found += states(known[item], case.get("text"), rows)
    return (hit, said), (found, lacked), (read, drafts)


def _ratio(pair: object) -> str:
    hit, total = pair  # type: ignore[misc]
    if not total:
        return "—"
    return f"{hit}/{total} ({hit / total:.0%})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--forms", choices=("rules", "snowball"), default="rules")
    parser.add_argument("--no-placeholders", action="store_true")
    args = parser.parse_args()
    if args.forms == "snowball":
        _snowball_forms()
    rows = [r for n in range(1, 34) if (r := _row(n, not args.no_placeholders)) is not None]
    print(f"word forms: {args.forms}\n")
    print(
        "| ind. | corpus | cases | false finds | drafts | placeholders | µs/doc "
        "| held-out recall | held-out false finds | held-out drafts |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    keys = ("corpus", "cases", "false", "drafts", "placeholders", "h0", "h1", "h2")
    totals = {k: [0, 0] for k in keys}
    for row in rows:
        row["h0"], row["h1"], row["h2"] = row.pop("held")  # type: ignore[misc]
        for key, pair in totals.items():
            hit, total = row[key]  # type: ignore[misc]
            pair[0] += hit
            pair[1] += total
        print(
            f"| {row['number']} | {_ratio(row['corpus'])} | {_ratio(row['cases'])} | "
            f"{_ratio(row['false'])} | {_ratio(row['drafts'])} | {_ratio(row['placeholders'])} "
            f"| {row['us']:.0f} | {_ratio(row['h0'])} | {_ratio(row['h1'])} "
            f"| {_ratio(row['h2'])} |"
        )
    mean = sum(float(r["us"]) for r in rows) / max(1, len(rows))  # type: ignore[arg-type]
    print(
        f"| **all** | {_ratio(totals['corpus'])} | {_ratio(totals['cases'])} | "
        f"{_ratio(totals['false'])} | {_ratio(totals['drafts'])} | "
        f"{_ratio(totals['placeholders'])} | {mean:.0f} | {_ratio(totals['h0'])} | "
        f"{_ratio(totals['h1'])} | {_ratio(totals['h2'])} |"
    )


if __name__ == "__main__":
    main()
