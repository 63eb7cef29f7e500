"""Write ``src/rnq/checks/questions.json``: the questions the built-in content checks ask of a
document, by indicator (:mod:`rnq.checks._plan`), for extraction workers to answer.

    python tools/gen_question_plan.py           # rewrite the plan
    python tools/gen_question_plan.py --check   # exit 1 if the plan differs from what it writes

The plan is recorded, not written by hand: the checks run, with a recorder on, on

* a *probe* workspace written in a temporary folder: every kind of evidence of the vocabulary
  (``kinds.yaml``) under each indicator it evidences, and one file per indicator with no kind,
  in the central function, a unit and an offering, as Markdown text and as a CSV register;
  written twice, once filled with words that satisfy no check (every check goes down every
  fallback) and once with the words of the vocabulary itself (checks go past their first
  questions); under both referentials, at initial and surveillance audits, for an organisation
  of every category and activity;
* the example workspace ``evidence/`` (documents that do satisfy the checks);

and only questions asked in more than one of these runs are kept, so that a question built from
one workspace's names (an organisation, an offering) stays out of the plan. The plan is a hint:
a question it lacks is answered by the check itself.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "src" / "rnq" / "checks" / "questions.json"
TODAY = dt.date(2026, 11, 28)

#: Words that satisfy no check: every fallback question is asked.
_FILLER = [
    "dossier",
    "document",
    "piece",
    "annexe",
    "version",
    "page",
    "tableau",
    "ligne",
    "colonne",
    "note",
    "remarque",
    "registre",
    "classeur",
    "archive",
    "fichier",
    "copie",
    "extrait",
    "releve",
    "liste",
    "suite",
    "partie",
]

_CONFIG = """version: 1
organization: {{name: "Organisme sonde"}}
categories: [AF, BC, VAE, CFA]
activity: {{certifying: true, alternance: true, work_situation: true, subcontracting: true,
           portage: true, long_trainings: true, new_entrant: {new_entrant}}}
audit: {{type: {audit_type}, date: 2026-12-15, certified_on: 2024-01-20}}
units:
  - {{id: siege, name: "Siège", central: true}}
  - id: uo
    name: "Unité"
    offerings:
      - {{id: prest, title: "Prestation sonde", category: AF, certification: "RNCP00000",
          duration_days: 30}}
      - {{id: bc, title: "Bilan sonde", category: BC, duration_days: 3}}
      - {{id: vae, title: "VAE sonde", category: VAE, duration_days: 60}}
      - {{id: cfa, title: "Apprentissage sonde", category: CFA, duration_days: 365}}
"""


def write_probe(root: Path, audit_type: str, new_entrant: bool, domain: bool) -> None:
    """The probe workspace (see the module docstring) under ``root``; ``domain``: its documents
    are made of the vocabulary's words, else of words that satisfy no check."""
    import yaml

    from rnq import kinds as kinds_module

    rng = random.Random(2026)
    config = _CONFIG.format(audit_type=audit_type, new_entrant=str(new_entrant).lower())
    (root / "rnq.yaml").write_text(config, encoding="utf-8")
    vocabulary = yaml.safe_load(Path(kinds_module.__file__).with_name("kinds.yaml").read_text())
    pool = list(_FILLER)
    if domain:
        pool = sorted(
            {
                str(word)
                for spec in vocabulary["kinds"].values()
                for word in [*(spec.get("words") or []), *spec["label"].values()]
            }
        )

    def _filler(rng: random.Random, words: int) -> str:
        return " ".join(rng.choice(pool) for _ in range(words))

    names: list[tuple[int, str]] = []
    covered: set[int] = set()
    for kind, spec in vocabulary["kinds"].items():
        word = str(spec["words"][0]) if spec.get("words") else kind
        slug = "-".join(word.replace("'", " ").split())
        for number in spec.get("indicators") or []:
            names.append((int(number), slug))
            covered.add(int(number))
    names += [(n, "document") for n in range(34) if n not in covered]
    folders = ["siege", "uo", "uo/prest", "uo/bc", "uo/vae", "uo/cfa"]
    for folder in folders:
        (root / folder).mkdir(parents=True, exist_ok=True)
        for number, slug in names:
            stem = f"I{number:02d}-{slug}-2026-01-10"
            text = f"# {slug}\n\n{_filler(rng, 60)}\n"
            (root / folder / f"{stem}.md").write_text(text, encoding="utf-8")
            header = ";".join(pool[:5])
            rows = "\n".join(";".join(_filler(rng, 1) for _ in range(5)) for _ in range(3))
            (root / folder / f"{stem}-registre.csv").write_text(f"{header}\n{rows}\n", "utf-8")


def record(
    root: Path, referential: str | None, strict: bool = True
) -> dict[str, dict[str, set[str]]]:
    """The questions the checks compute on ``root``, by indicator (no cache, no plugins)."""
    import rnq
    from rnq.checks._plan import recording

    options = rnq.RunOptions(
        today=TODAY, referential=referential, use_cache=False, load_entrypoints=False
    )
    with recording() as asked:
        report = rnq.run(root, options)
    if strict and report.errors:
        raise SystemExit(f"{root}: {len(report.errors)} errors, first: {report.errors[0]}")
    return asked


def build() -> dict[str, object]:
    """The plan, recorded afresh."""
    runs: list[dict[str, dict[str, set[str]]]] = []
    with tempfile.TemporaryDirectory(prefix="rnq-plan-") as tmp:
        for domain in (False, True):
            for audit_type, new_entrant in (("initial", True), ("surveillance", False)):
                probe = Path(tmp) / f"{audit_type}-{'domain' if domain else 'filler'}"
                probe.mkdir()
                write_probe(probe, audit_type, new_entrant, domain)
                for referential in ("rnq-2019-v9", "rnq-2026"):
                    runs.append(record(probe, referential))
    runs.append(record(ROOT / "evidence", None, strict=False))
    plan: dict[str, object] = {
        "about": "Written by tools/gen_question_plan.py: what the built-in content checks ask "
        "of a document, by indicator and by kind (rnq.checks._plan). A hint for extraction "
        "workers: a question missing here is answered by the check itself."
    }
    for part in ("by_indicator", "by_kind"):
        seen: Counter[tuple[str, str]] = Counter()
        for asked in runs:
            seen.update((name, q) for name, questions in asked[part].items() for q in questions)
        kept: dict[str, list[str]] = {}
        for (name, question), count in seen.items():
            if count > 1:
                kept.setdefault(name, []).append(question)
        order = (lambda n: int(n)) if part == "by_indicator" else (lambda n: n)  # type: ignore[misc]
        plan[part] = {name: sorted(kept[name]) for name in sorted(kept, key=order)}
    return plan


def render(plan: dict[str, object]) -> str:
    return json.dumps(plan, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the plan is not current")
    args = parser.parse_args(argv)
    os.environ.setdefault("RNQ_DISABLE_PLUGIN_AUTOLOAD", "1")
    text = render(build())
    if args.check:
        current = PLAN.read_text(encoding="utf-8") if PLAN.exists() else ""
        if current != text:
            print(f"{PLAN} is not current: run python tools/gen_question_plan.py", file=sys.stderr)
            return 1
        return 0
    PLAN.write_text(text, encoding="utf-8")
    written = json.loads(text)
    by_indicator, by_kind = written["by_indicator"], written["by_kind"]
    print(
        f"{PLAN}: {sum(map(len, by_indicator.values()))} questions over {len(by_indicator)} "
        f"indicators, {sum(map(len, by_kind.values()))} over {len(by_kind)} kinds"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
