"""What reading one file costs, step by step, on a sample of the synthetic workspace.

    python benchmarks/bench_steps.py                      # 1 500 files of /tmp/rnq-scale
    python benchmarks/bench_steps.py --root /tmp/rnq-5k --sample 500

For each file of a random sample (``--seed``), in this one process: the bare read of
``bench_scale.py`` (same libraries, text only), rnq's reader (``extract_file``), folding the body
the checks read, answering the questions the plan gives the file (``rnq.checks.questions``) as an
extraction worker does, and packing the extraction for the cache. It prints the seconds of each
step per format: where a cold run's workers spend their time. A benchmark: it always exits 0.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_scale import TODAY, _bare_text  # noqa: E402

STEPS = ("bare read", "rnq reader", "fold", "answers", "pack")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path("/tmp/rnq-scale"))
    parser.add_argument("--sample", type=int, default=1500)
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args(argv)

    import rnq
    from rnq.checks.questions import questions_for
    from rnq.collect.filesystem import collect_files
    from rnq.extract.dispatch import DEFAULT_LIMITS, extract_file
    from rnq.extract.packing import pack
    from rnq.match.questions import answers_for, document_body, fact_key
    from rnq.workspace.applicable import choose_referential

    workspace = rnq.load(args.root)
    today = dt.date.fromisoformat(TODAY)
    referential = choose_referential(
        audit_date=workspace.config.audit.date, workspace=workspace, today=today
    ).id
    evidence, _ = collect_files(workspace)
    items = [e for e in evidence if e.indicators]
    sample = random.Random(args.seed).sample(items, min(args.sample, len(items)))
    seconds: Counter[tuple[str, str]] = Counter()
    files: Counter[str] = Counter()
    asked: Counter[str] = Counter()
    for item in sample:
        path = workspace.root / item.path
        kind = path.suffix.lower().lstrip(".")
        questions = questions_for(item.indicators, referential)
        start = time.perf_counter()
        _bare_text(str(path))
        read = time.perf_counter()
        extraction = extract_file(path, DEFAULT_LIMITS)
        extracted = time.perf_counter()
        document_body(extraction.text, extraction.rows)
        folded = time.perf_counter()
        answers = answers_for(extraction.text, extraction.rows, questions)
        answered = time.perf_counter()
        # keyed as a worker keys them (rnq.extract.worker: short keys, not whole questions)
        pack(extraction, {fact_key(q): a for q, a in zip(questions, answers, strict=True)})
        packed = time.perf_counter()
        steps = (read - start, extracted - read, folded - extracted, answered - folded)
        for name, value in zip(STEPS, (*steps, packed - answered), strict=True):
            seconds[(kind, name)] += value
            seconds[("all", name)] += value
        seconds[(kind, "answers")] -= folded - extracted  # answers_for folds again: count once
        seconds[("all", "answers")] -= folded - extracted
        files[kind] += 1
        files["all"] += 1
        asked[kind] += len(questions)
        asked["all"] += len(questions)

    print(f"{files['all']} files of {args.root}, referential {referential}; seconds per step")
    print(f"{'format':8} {'files':>6} {'questions':>10} " + " ".join(f"{s:>11}" for s in STEPS))
    for kind in [*sorted(k for k in files if k != "all"), "all"]:
        row = " ".join(f"{seconds[(kind, step)]:11.2f}" for step in STEPS)
        print(f"{kind:8} {files[kind]:6d} {asked[kind] / files[kind]:10.1f} {row}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
