"""Generate the synthetic workspace of SPEC §8: a national provider at scale.

20 units (the central function and 19 business units), 500 offerings, 50 000 evidence files
mixing PDF, DOCX, XLSX, Markdown and CSV, with sizes drawn from realistic ranges (a one-page
attendance sheet to a twelve-page programme, a 20-row to a 2 000-row export). Everything is
derived from ``--seed``: the same seed writes the same files.

    python benchmarks/gen_workspace.py /tmp/rnq-scale            # 50 000 files
    python benchmarks/gen_workspace.py /tmp/rnq-small --files 2000 --units 5 --offerings 40

Files are named the way providers name them (indicator tokens and kind words, dates), so the
filesystem collector maps them without manifests. Writing is spread over every core.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import random
import sys
import time
import zipfile
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

GENERATOR_VERSION = "1"
MARKER = ".rnq-bench.json"

#: (extension, share of the files)
FORMATS = (("md", 0.30), ("pdf", 0.25), ("docx", 0.20), ("csv", 0.15), ("xlsx", 0.10))

#: What an offering folder holds: (indicator, kind word for the file name).
OFFERING_DOCS = (
    (1, "programme"),
    (4, "analyse-besoin"),
    (5, "objectifs"),
    (6, "deroule-pedagogique"),
    (8, "positionnement"),
    (11, "evaluation"),
    (10, "suivi"),
    (12, "emargement"),
)
CERTIFYING_DOCS = ((3, "certification"), (7, "referentiel-certification"), (16, "certification"))
#: What a unit folder holds.
UNIT_DOCS = (
    (2, "resultats"),
    (9, "livret-accueil"),
    (17, "moyens"),
    (18, "coordination"),
    (19, "ressources"),
    (21, "cv"),
    (22, "plan-competences"),
    (23, "veille-legale"),
    (24, "veille-metiers"),
    (25, "veille-pedagogique"),
    (26, "handicap"),
    (30, "enquete-satisfaction-apprenants"),
    (31, "reclamations"),
    (32, "amelioration"),
    (33, "evaluation-enseignements"),
)

WORDS = (
    "formation",
    "objectifs",
    "modalités",
    "évaluation",
    "apprenant",
    "compétences",
    "accompagnement",
    "suivi",
    "positionnement",
    "prérequis",
    "durée",
    "tarifs",
    "accessibilité",
    "handicap",
    "référent",
    "contacts",
    "délais",
    "accès",
    "méthodes",
    "mobilisées",
    "certification",
    "blocs",
    "équivalences",
    "passerelles",
    "débouchés",
    "satisfaction",
    "réclamation",
    "amélioration",
    "veille",
    "réglementaire",
    "pédagogique",
    "métiers",
    "emploi",
    "plateforme",
    "classe",
    "virtuelle",
    "tuteur",
    "coordination",
    "intervenant",
    "entretien",
    "analyse",
    "besoin",
    "financement",
    "entreprise",
    "stagiaire",
    "session",
    "module",
    "séquence",
    "exercice",
    "quiz",
    "attestation",
    "réalisation",
    "résultats",
    "taux",
)


@dataclass(frozen=True)
class FileJob:
    """One file to write: where, what format, which words, how big."""

    path: str
    fmt: str
    title: str
    seed: int
    size: int  # paragraphs (documents) or rows (tables)


def _sentence(rng: random.Random, n: int) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def _paragraphs(job: FileJob) -> list[str]:
    rng = random.Random(job.seed)
    return [_sentence(rng, rng.randint(8, 30)) for _ in range(job.size)]


def _rows(job: FileJob) -> list[list[str]]:
    rng = random.Random(job.seed)
    base = dt.date(2026, 1, 5)
    rows = [["Date", "Apprenant", "Module", "Statut", "Commentaire"]]
    for i in range(job.size):
        day = base + dt.timedelta(days=rng.randint(0, 300))
        rows.append(
            [
                day.strftime("%d/%m/%Y"),
                f"Apprenant-{rng.randint(1, 9999):04d}",
                f"Module {rng.randint(1, 12)}",
                rng.choice(["Achevé", "Non achevé", "Présent", "Absent"]),
                _sentence(rng, rng.randint(2, 8)) if i % 3 == 0 else "",
            ]
        )
    return rows


def _markdown(job: FileJob) -> bytes:
    body = "\n\n".join(_paragraphs(job))
    return f"# {job.title}\n\n{body}\n".encode()


def _csv(job: FileJob) -> bytes:
    return "\n".join(";".join(row) for row in _rows(job)).encode("utf-8") + b"\n"


def _docx(job: FileJob) -> bytes:
    paras = [job.title, *_paragraphs(job)]
    body = "".join(f"<w:p><w:r><w:t>{escape(p)}</w:t></w:r></w:p>" for p in paras)
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{body}</w:body></w:document>"
    )
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/'
            'vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
        ),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
        ),
        "word/document.xml": document,
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text)
    return buffer.getvalue()


def _pdf(job: FileJob) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    pdf.setTitle(job.title)
    y = 800.0
    pdf.setFont("Helvetica-Bold", 14)
    pdf.drawString(50, y, job.title)
    pdf.setFont("Helvetica", 10)
    for paragraph in _paragraphs(job):
        words = paragraph.split()
        while words:
            line, words = words[:14], words[14:]
            y -= 14
            if y < 50:
                pdf.showPage()
                pdf.setFont("Helvetica", 10)
                y = 800.0
            pdf.drawString(50, y, " ".join(line))
        y -= 6
    pdf.save()
    return buffer.getvalue()


def _xlsx(job: FileJob) -> bytes:
    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    book.set_properties({"title": job.title, "created": dt.datetime(2026, 1, 1)})
    sheet = book.add_worksheet("Export")
    for r, row in enumerate(_rows(job)):
        for c, value in enumerate(row):
            sheet.write_string(r, c, value)
    book.close()
    return buffer.getvalue()


WRITERS = {"md": _markdown, "csv": _csv, "docx": _docx, "pdf": _pdf, "xlsx": _xlsx}


def _size(rng: random.Random, fmt: str) -> int:
    """Paragraphs or rows, from ranges seen in real evidence (log-uniform: many small files)."""
    low, high = {"md": (2, 40), "pdf": (4, 120), "docx": (3, 150), "csv": (20, 2000)}.get(
        fmt, (20, 800)
    )
    return round(low * (high / low) ** rng.random())


def plan(seed: int, files: int, units: int, offerings: int) -> tuple[str, list[FileJob]]:
    """The ``rnq.yaml`` text and every file to write."""
    rng = random.Random(seed)
    unit_ids = ["siege"] + [f"uo{i:02d}" for i in range(1, units)]
    per_unit: dict[str, list[str]] = {u: [] for u in unit_ids[1:]}
    for i in range(offerings):
        per_unit[unit_ids[1 + i % (units - 1)]].append(f"off{i:03d}")
    certifying = {o for o in (f"off{i:03d}" for i in range(offerings)) if rng.random() < 0.1}

    lines = [
        "version: 1",
        'organization: {name: "Organisme national synthétique"}',
        "categories: [AF]",
        "activity: {certifying: true, long_trainings: true}",
        'not_applicable: {27: "Pas de sous-traitance."}',
        "audit: {type: renewal, date: 2026-12-15, certified_on: 2024-01-20}",
        f'ignore: ["{MARKER}"]',
        "units:",
        '  - {id: siege, name: "Siège", central: true}',
    ]
    for unit in unit_ids[1:]:
        lines += [f"  - id: {unit}", f'    name: "Unité {unit}"', "    offerings:"]
        for offering in per_unit[unit]:
            cert = ', certification: "RNCP00000"' if offering in certifying else ""
            lines.append(f'      - {{id: {offering}, title: "Formation {offering}"{cert}}}')
    config = "\n".join(lines) + "\n"

    formats = [fmt for fmt, _ in FORMATS]
    weights = [share for _, share in FORMATS]
    slots: list[tuple[str, int, str]] = []  # (folder, indicator, kind word)
    for unit, offs in per_unit.items():
        for offering in offs:
            docs = OFFERING_DOCS + (CERTIFYING_DOCS if offering in certifying else ())
            slots += [(f"{unit}/{offering}", n, word) for n, word in docs]
        slots += [(unit, n, word) for n, word in UNIT_DOCS]
    slots += [("siege", n, word) for n, word in UNIT_DOCS]

    jobs: list[FileJob] = []
    for index in range(files):
        folder, number, word = slots[index % len(slots)]
        fmt = rng.choices(formats, weights)[0]
        day = dt.date(2025, 1, 1) + dt.timedelta(days=rng.randint(0, 690))
        name = f"I{number:02d}-{word}-{day.isoformat()}-{index:05d}.{fmt}"
        jobs.append(
            FileJob(
                path=f"{folder}/{name}",
                fmt=fmt,
                title=f"{word.replace('-', ' ').capitalize()} — indicateur {number}",
                seed=rng.randrange(2**32),
                size=_size(rng, fmt),
            )
        )
    return config, jobs


def _write_chunk(root: str, chunk: list[FileJob]) -> int:
    written = 0
    for job in chunk:
        target = Path(root) / job.path
        target.parent.mkdir(parents=True, exist_ok=True)
        data = WRITERS[job.fmt](job)
        target.write_bytes(data)
        written += len(data)
    return written


def _chunks(jobs: list[FileJob], size: int) -> Iterator[list[FileJob]]:
    for start in range(0, len(jobs), size):
        yield jobs[start : start + size]


def generate(
    root: Path, *, seed: int = 2026, files: int = 50_000, units: int = 20, offerings: int = 500
) -> dict[str, object]:
    """Write the workspace under ``root`` (reused when already generated with the same
    parameters); return its description (files, bytes, formats)."""
    params = {
        "generator": GENERATOR_VERSION,
        "seed": seed,
        "files": files,
        "units": units,
        "offerings": offerings,
    }
    marker = root / MARKER
    if marker.exists():
        described: dict[str, object] = json.loads(marker.read_text())
        if described.get("params") == params:
            return described
        raise SystemExit(f"{root} holds another generated workspace: remove it first")
    if root.exists() and any(root.iterdir()):
        raise SystemExit(f"{root} exists and is not empty")
    config, jobs = plan(seed, files, units, offerings)
    root.mkdir(parents=True, exist_ok=True)
    (root / "rnq.yaml").write_text(config, encoding="utf-8")
    with ProcessPoolExecutor(os.cpu_count() or 1) as pool:
        sizes = list(pool.map(_write_chunk, [str(root)] * 10**6, _chunks(jobs, 250)))
    counts: dict[str, int] = {}
    for job in jobs:
        counts[job.fmt] = counts.get(job.fmt, 0) + 1
    described = {"params": params, "files": len(jobs), "bytes": sum(sizes), "formats": counts}
    marker.write_text(json.dumps(described, indent=2), encoding="utf-8")
    return described


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--files", type=int, default=50_000)
    parser.add_argument("--units", type=int, default=20)
    parser.add_argument("--offerings", type=int, default=500)
    args = parser.parse_args(argv)
    start = time.perf_counter()
    described = generate(
        args.root, seed=args.seed, files=args.files, units=args.units, offerings=args.offerings
    )
    print(json.dumps(described, indent=2))
    print(f"{time.perf_counter() - start:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
