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
from typing import cast

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
      - {{id: courte, title: "Formation courte sonde", category: AF, duration_days: 2}}
      - {{id: bc, title: "Bilan sonde", category: BC, duration_days: 3}}
      - {{id: vae, title: "VAE sonde", category: VAE, duration_days: 60}}
      - {{id: cfa, title: "Apprentissage sonde", category: CFA, duration_days: 365}}
"""


def write_probe(root: Path, audit_type: str, new_entrant: bool, domain: bool) -> None:
    """The probe workspace (see the module docstring) under ``root``; ``domain``: its documents
    are made of the vocabulary's words, else of words that satisfy no check."""
    import yaml

    from rnq.workspace import kinds as kinds_module

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
    folders = ["siege", "uo", "uo/prest", "uo/courte", "uo/bc", "uo/vae", "uo/cfa"]
    for folder in folders:
        (root / folder).mkdir(parents=True, exist_ok=True)
        for number, slug in names:
            stem = f"I{number:02d}-{slug}-2026-01-10"
            text = f"# {slug}\n\n{_filler(rng, 60)}\n"
            (root / folder / f"{stem}.md").write_text(text, encoding="utf-8")
            header = ";".join(pool[:5])
            rows = "\n".join(";".join(_filler(rng, 1) for _ in range(5)) for _ in range(3))
            (root / folder / f"{stem}-registre.csv").write_text(f"{header}\n{rows}\n", "utf-8")


Asked = dict[str, dict[str, dict[str, set[str]]]]


def record(root: Path, referential: str | None, strict: bool = True) -> tuple[str, Asked]:
    """The referential of a run on ``root`` (no cache, no plugins) and the questions its checks
    computed, by context (rnq.checks._plan.context_of)."""
    import rnq
    from rnq.checks._plan import context_of, recording

    workspace = rnq.load(root)
    options = rnq.RunOptions(
        today=TODAY, referential=referential, use_cache=False, load_entrypoints=False
    )
    with recording(context_of(workspace.config)) as asked:
        report = rnq.run(workspace, options)
    if strict and report.errors:
        raise SystemExit(f"{root}: {len(report.errors)} errors, first: {report.errors[0]}")
    return report.referential, asked


def build() -> dict[str, object]:
    """The plan, recorded afresh."""
    from rnq.checks._plan import PARTS

    runs: list[tuple[str, Asked]] = []
    with tempfile.TemporaryDirectory(prefix="rnq-plan-") as tmp:
        for domain in (False, True):
            for audit_type, new_entrant in (("initial", True), ("surveillance", False)):
                probe = Path(tmp) / f"{audit_type}-{'domain' if domain else 'filler'}"
                probe.mkdir()
                write_probe(probe, audit_type, new_entrant, domain)
                for referential in ("rnq-2019-v9", "rnq-2026"):
                    runs.append(record(probe, referential))
    runs.append(record(ROOT / "evidence", None, strict=False))
    # (section, part, name, question) → in how many runs
    seen: Counter[tuple[str, str, str, str]] = Counter()
    for referential, asked in runs:
        found = set()
        for context, parts in asked.items():
            for part, names in parts.items():
                for name, questions in names.items():
                    for question in questions:
                        found.add((f"{referential}/{context}", part, name, question))
                        found.add(("*", part, name, question))
        seen.update(found)
    sections: dict[str, dict[str, dict[str, list[str]]]] = {}
    for (section, part, name, question), count in seen.items():
        if count > 1:  # not from one workspace's names only
            parts = sections.setdefault(section, {part: {} for part in PARTS})
            parts[part].setdefault(name, []).append(question)

    questions = sorted(
        {
            q
            for parts in sections.values()
            for names in parts.values()
            for qs in names.values()
            for q in qs
        }
    )
    number = {question: index for index, question in enumerate(questions)}

    def ordered(part: str, names: dict[str, list[str]]) -> dict[str, list[int]]:
        keys = sorted(names, key=int) if part == "by_indicator" else sorted(names)
        return {name: sorted(number[q] for q in names[name]) for name in keys}

    return {
        "about": "Written by tools/gen_question_plan.py: what the built-in content checks ask "
        "of a document, by referential and context (the category of its offering, or unit), "
        "then by indicator and by kind (rnq.checks._plan), as indexes into questions. A hint "
        "for extraction workers: a question missing here is answered by the check itself.",
        "questions": questions,
        "sections": {
            section: {part: ordered(part, names) for part, names in sections[section].items()}
            for section in sorted(sections)
        },
    }


def render(plan: dict[str, object]) -> str:
    """One question per line, one list of indexes per line."""
    lines = ["{", f' "about": {json.dumps(plan["about"], ensure_ascii=False)},', ' "questions": [']
    questions = cast("list[str]", plan["questions"])
    lines += [f"  {json.dumps(q, ensure_ascii=False)}," for q in questions]
    lines[-1] = lines[-1].rstrip(",")
    lines += [" ],", ' "sections": {']
    sections = cast("dict[str, dict[str, dict[str, list[int]]]]", plan["sections"])
    for s_index, (section, parts) in enumerate(sections.items()):
        lines.append(f"  {json.dumps(section)}: {{")
        for p_index, (part, names) in enumerate(parts.items()):
            lines.append(f"   {json.dumps(part)}: {{")
            rows = [f"    {json.dumps(name)}: {json.dumps(ids)}" for name, ids in names.items()]
            lines.append(",\n".join(rows))
            lines.append("   }" + ("," if p_index < len(parts) - 1 else ""))
        lines.append("  }" + ("," if s_index < len(sections) - 1 else ""))
    lines += [" }", "}"]
    return "\n".join(lines) + "\n"


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
    sections = json.loads(text)["sections"]
    pairs = sum(len(parts["by_pair"]) for parts in sections.values())
    print(f"{PLAN}: {len(sections)} sections, {pairs} pairs of indicators and kind")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
