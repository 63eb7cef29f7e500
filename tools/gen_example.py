# ruff: noqa: E501  (French prose of the example documents: long string literals)
"""Write the example workspace ``evidence/``: the evidence of a fictional public distance-learning
provider (INFAD), in PDF, DOCX, XLSX, Markdown and CSV, with a few deliberate gaps.

Run ``python tools/gen_example.py`` after changing a document below; ``tests/test_example.py``
fails when the committed ``evidence/`` differs from a fresh generation. Every file is written
deterministically (same bytes on every run): PDFs by reportlab in invariant mode with a fixed
metadata date, XLSX by XlsxWriter with fixed document properties, DOCX as a hand-written minimal
WordprocessingML package with fixed zip timestamps.

The hand-written files (``rnq.yaml``, ``README.md``, ``checks/check_maison.py``,
``waivers.yaml``) are not generated: they are copied from the repository's ``evidence/`` when
generating elsewhere. Everything is fictional: organisation, numbers, people, addresses.

Usage: ``python tools/gen_example.py [OUT] [--prune]`` (default OUT: the repository's
``evidence/``; ``--prune`` removes the files of OUT that are neither generated nor hand-written).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import shutil
import sys
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

import xlsxwriter
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.pdfgen import canvas
from reportlab.platypus import (
    Flowable,
    ListFlowable,
    ListItem,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

REPO = Path(__file__).resolve().parent.parent
SOURCE = REPO / "evidence"
#: Files of ``evidence/`` written by hand, not by this script.
HAND_WRITTEN = ("README.md", "checks/check_maison.py", "rnq.yaml", "waivers.yaml")

ORG = "INFAD — Institut national de formation à distance"
NDA = "11 75 99999 75"
NDA_LINE = (
    f"Déclaration d'activité enregistrée sous le n° {NDA} auprès du préfet de région "
    "Île-de-France (numéro fictif). Cet enregistrement ne vaut pas agrément de l'État."
)
FICTION = "Document fictif — espace de preuves d'exemple de rnq."
PHONE = "01 00 00 00 00"

# A block of a document: ("h", title) | ("p", text) | ("ul", [items]) | ("table", rows).
Block = tuple[str, object]


def h(text: str) -> Block:
    return ("h", text)


def p(text: str) -> Block:
    return ("p", text)


def ul(*items: str) -> Block:
    return ("ul", list(items))


def table(*rows: Sequence[str]) -> Block:
    return ("table", [list(r) for r in rows])


# --- PDF ---------------------------------------------------------------------------------------

_STYLES = getSampleStyleSheet()
_BODY = ParagraphStyle("body", parent=_STYLES["BodyText"], fontSize=9.5, leading=12.5)
_CELL = ParagraphStyle("cell", parent=_BODY, fontSize=8.5, leading=10.5)
_H1 = ParagraphStyle("h1", parent=_STYLES["Title"], fontSize=15, leading=19, spaceAfter=4)
_H2 = ParagraphStyle("h2", parent=_STYLES["Heading3"], fontSize=11, leading=14, spaceBefore=6)
_SMALL = ParagraphStyle("small", parent=_BODY, fontSize=7.5, leading=9, textColor=colors.grey)


def _flowables(title: str, subtitle: str, blocks: Iterable[Block]) -> list[Flowable]:
    story: list[Flowable] = [
        Paragraph(escape(ORG + " (organisme fictif)"), _SMALL),
        Paragraph(escape(title), _H1),
    ]
    if subtitle:
        story.append(Paragraph(escape(subtitle), _BODY))
    story.append(Spacer(1, 4))
    for kind, value in blocks:
        if kind == "h":
            story.append(Paragraph(escape(str(value)), _H2))
        elif kind == "p":
            story.append(Paragraph(escape(str(value)), _BODY))
        elif kind == "ul":
            items = [ListItem(Paragraph(escape(i), _BODY)) for i in value]  # type: ignore[attr-defined]
            story.append(ListFlowable(items, bulletType="bullet", leftIndent=12))
        elif kind == "table":
            rows = [[Paragraph(escape(c), _CELL) for c in row] for row in value]  # type: ignore[attr-defined]
            grid = Table(rows, repeatRows=1, hAlign="LEFT")
            grid.setStyle(
                TableStyle(
                    [
                        ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef5")),
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ]
                )
            )
            story += [Spacer(1, 3), grid, Spacer(1, 3)]
    story += [Spacer(1, 8), Paragraph(escape(FICTION), _SMALL)]
    return story


def pdf(title: str, blocks: Iterable[Block], *, date: dt.date, subtitle: str = "") -> bytes:
    """A one- or two-page PDF: deterministic, its metadata dated ``date``."""
    stamp = f"D:{date:%Y%m%d}090000+00'00'"

    class DatedCanvas(canvas.Canvas):
        def __init__(self, *args: object, **kwargs: object) -> None:
            kwargs["invariant"] = 1
            super().__init__(*args, **kwargs)  # type: ignore[arg-type]
            self.setDateFormatter(lambda *_: stamp)

    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        title=title,
        author="INFAD (organisme fictif)",
        creator="tools/gen_example.py",
        leftMargin=2 * cm,
        rightMargin=2 * cm,
        topMargin=1.6 * cm,
        bottomMargin=1.6 * cm,
        invariant=1,
    )
    doc.build(_flowables(title, subtitle, blocks), canvasmaker=DatedCanvas)
    return out.getvalue()


def scanned_pdf(date: dt.date) -> bytes:
    """A page that is only an image, as a scanner produces it: no text layer at all."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader

    image = Image.new("L", (620, 877), 236)
    draw = ImageDraw.Draw(image)
    draw.rectangle((60, 50, 300, 80), fill=70)  # a letterhead
    for line in range(34):  # lines of typed text, as grey bars
        y = 130 + line * 20
        width = 470 - (line * 37) % 160
        draw.rectangle((60, y, 60 + width, y + 7), fill=110)
    draw.ellipse((420, 760, 540, 830), outline=60, width=4)  # a stamp
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4, invariant=1)
    stamp = f"D:{date:%Y%m%d}090000+00'00'"
    page.setDateFormatter(lambda *_: stamp)
    page.drawImage(ImageReader(image), 0, 0, *A4)
    page.showPage()
    page.save()
    return out.getvalue()


# --- DOCX --------------------------------------------------------------------------------------

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_ZIP_TIME = (2026, 1, 1, 0, 0, 0)
_DOCX_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/docProps/core.xml" '
    'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    "</Types>"
)
_DOCX_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/'
    'relationships/metadata/core-properties" Target="docProps/core.xml"/>'
    "</Relationships>"
)


def _run(text: str, *, bold: bool = False, size: int | None = None) -> str:
    props = ("<w:b/>" if bold else "") + (f'<w:sz w:val="{size}"/>' if size else "")
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _para(text: str, *, bold: bool = False, size: int | None = None, indent: bool = False) -> str:
    ppr = '<w:pPr><w:ind w:left="360"/></w:pPr>' if indent else ""
    return f"<w:p>{ppr}{_run(text, bold=bold, size=size)}</w:p>"


def _docx_table(rows: list[list[str]]) -> str:
    border = "".join(
        f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="999999"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    out = [f'<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders>{border}'
           "</w:tblBorders></w:tblPr>"]  # fmt: skip
    for index, row in enumerate(rows):
        cells = "".join(f"<w:tc>{_para(c, bold=index == 0)}</w:tc>" for c in row)
        out.append(f"<w:tr>{cells}</w:tr>")
    out.append("</w:tbl><w:p/>")
    return "".join(out)


def docx(title: str, blocks: Iterable[Block], *, date: dt.date, subtitle: str = "") -> bytes:
    """A minimal valid DOCX (no styles part): deterministic, its core properties dated ``date``."""
    body = [_para(ORG + " (organisme fictif)", size=16), _para(title, bold=True, size=30)]
    if subtitle:
        body.append(_para(subtitle))
    for kind, value in blocks:
        if kind == "h":
            body.append(_para(str(value), bold=True, size=24))
        elif kind == "p":
            body.append(_para(str(value)))
        elif kind == "ul":
            body += [_para(f"• {item}", indent=True) for item in value]  # type: ignore[attr-defined]
        elif kind == "table":
            body.append(_docx_table(value))  # type: ignore[arg-type]
    body.append(_para(FICTION, size=16))
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{_W}"><w:body>{"".join(body)}'
        '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>'
    )
    stamp = f"{date.isoformat()}T09:00:00Z"
    core = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
        'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{escape(title)}</dc:title><dc:creator>INFAD (organisme fictif)</dc:creator>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
        "</cp:coreProperties>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        for name, text in (
            ("[Content_Types].xml", _DOCX_TYPES),
            ("_rels/.rels", _DOCX_RELS),
            ("word/document.xml", document),
            ("docProps/core.xml", core),
        ):
            info = zipfile.ZipInfo(name, _ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            package.writestr(info, text.encode("utf-8"))
    return out.getvalue()


# --- XLSX, CSV, Markdown -----------------------------------------------------------------------

Cell = str | int | float | dt.date


def xlsx(
    sheets: Sequence[tuple[str, Sequence[Sequence[Cell]]]], *, date: dt.date, title: str
) -> bytes:
    """A workbook, one sheet per ``(name, rows)`` (first row: headers); fixed properties."""
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    book.set_properties(
        {
            "title": title,
            "author": "INFAD (organisme fictif)",
            "company": "INFAD (organisme fictif)",
            "created": dt.datetime.combine(date, dt.time(9, 0)),
        }
    )
    bold = book.add_format({"bold": True, "bg_color": "#E8EEF5", "text_wrap": True})
    dates = book.add_format({"num_format": "dd/mm/yyyy"})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    for name, rows in sheets:
        sheet = book.add_worksheet(name)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if r == 0:
                    sheet.write_string(r, c, str(value), bold)
                elif isinstance(value, dt.date):
                    sheet.write_datetime(r, c, dt.datetime.combine(value, dt.time()), dates)
                elif isinstance(value, int | float):
                    sheet.write_number(r, c, value)
                else:
                    sheet.write_string(r, c, value, wrap)
        widths = [
            max(len(str(row[c])) for row in rows if c < len(row)) for c in range(len(rows[0]))
        ]
        for c, width in enumerate(widths):
            sheet.set_column(c, c, min(max(width, 10), 60))
    book.close()
    return out.getvalue()


def csv_bytes(
    rows: Sequence[Sequence[str]], *, delimiter: str = ";", encoding: str = "utf-8"
) -> bytes:
    """A CSV export as spreadsheets and CRMs write it (CRLF line ends)."""
    text = io.StringIO()
    writer = csv.writer(text, delimiter=delimiter, lineterminator="\r\n")
    writer.writerows(rows)
    return text.getvalue().encode(encoding)


def markdown(front: dict[str, object] | None, body: str) -> bytes:
    """A Markdown note, with a YAML front matter when ``front`` is given."""
    head = ""
    if front:
        lines = []
        for key, value in front.items():
            if isinstance(value, list):
                value = "[" + ", ".join(str(v) for v in value) + "]"
            elif isinstance(value, str) and not isinstance(value, dt.date):
                value = '"' + value.replace('"', '\\"') + '"'
            lines.append(f"{key}: {value}")
        head = "---\n" + "\n".join(lines) + "\n---\n\n"
    return (head + body.strip() + "\n\n*" + FICTION + "*\n").encode("utf-8")


# --- The offerings ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Certification:
    """What a certifying offering publishes (indicators 1 and 3)."""

    title: str
    code: str
    certifier: str
    registered: str
    level: str
    blocks: tuple[str, ...]
    presented: str
    pass_rate: str
    insertion: str
    equivalences: str
    passerelles: str
    further: str
    outcomes: str
    exam: str


@dataclass(frozen=True)
class Offer:
    """One offering and everything its public sheet says."""

    id: str
    unit: str
    title: str
    public: str
    prerequisites: str
    objectives: tuple[str, ...]
    contents: tuple[str, ...]
    duration: str
    recognition: str
    pedagogy: str
    methods: str
    assessment: str
    funding: str
    access: str
    price: str
    updated: dt.date
    certification: Certification | None = None
    accessibility: bool = True  # False: the planted gap of the Espagnol A2 sheet
    nda: bool = True
    needs: tuple[str, ...] = field(default=())
    positioning: tuple[str, ...] = field(default=())


UNITS = {
    "pro": ("Pôle formation professionnelle", "Poitiers", "pro", "Claire Démo"),
    "langues": ("Pôle langues", "Lyon", "langues", "Bruno Exemple"),
    "scolaire": ("Pôle programmes scolaires", "Rennes", "scolaire", "Chloé Modèle"),
}
ACCESSIBILITY = (
    "Formation accessible aux personnes en situation de handicap. Notre référente handicap, "
    "Nadia Exemple (handicap@infad.example.org, " + PHONE + "), étudie avec vous avant "
    "l'entrée les aménagements utiles : temps majoré, supports adaptés (gros caractères, "
    "transcriptions des vidéos, compatibilité lecteur d'écran), rythme allégé, aménagement des "
    "épreuves, et sollicite si besoin nos partenaires (Agefiph, Cap emploi, MDPH)."
)
FUNDING = (
    "Compte personnel de formation (CPF), plan de développement des compétences de l'employeur "
    "(prise en charge OPCO possible), France Travail (AIF), Région, financement personnel avec "
    "paiement échelonné en 3 ou 6 fois sans frais."
)


def contact(unit: str) -> str:
    name, city, mail, person = UNITS[unit]
    return (
        f"{name} ({city}) — conseillère ou conseiller formation : {mail}@infad.example.org, "
        f"{PHONE} (du lundi au vendredi, 9 h–17 h). Responsable pédagogique : {person}."
    )


CAP_COMMON_EXAM = (
    "Les candidats sont présentés en candidats individuels : l'INFAD informe chaque apprenant "
    "du calendrier académique, vérifie son inscription (service des examens du rectorat) avant "
    "la clôture des inscriptions et transmet les attestations de PFMP exigées par le règlement "
    "d'examen. Les demandes d'aménagement d'épreuves (situation de handicap) sont déposées avec "
    "l'appui de la référente handicap."
)

OFFERS: tuple[Offer, ...] = (
    Offer(
        id="cap-fleuriste",
        unit="pro",
        title="CAP Fleuriste",
        public="Adultes en reconversion, demandeurs d'emploi, salariés souhaitant se former au métier de fleuriste.",
        prerequisites="Aucun diplôme exigé. Maîtrise du français écrit et oral (niveau A2 au moins) ; accès régulier à un ordinateur et à Internet ; possibilité d'effectuer les périodes en entreprise.",
        objectives=(
            "Réceptionner, contrôler et stocker les végétaux et les fournitures en respectant les règles d'hygiène et de sécurité.",
            "Réaliser des compositions florales (bouquets, compositions piquées, pièces de deuil et de mariage) conformes à une commande.",
            "Conseiller et vendre : accueillir le client, identifier son besoin, argumenter, encaisser.",
            "Mettre en valeur les produits en vitrine et en magasin.",
        ),
        contents=(
            "Module 1 — Connaissance des végétaux et des fournitures (reconnaissance, conservation).",
            "Module 2 — Techniques de composition florale (vidéos pas à pas, travaux pratiques filmés).",
            "Module 3 — Vente, conseil et relation client.",
            "Module 4 — Enseignement général : français, histoire-géographie-EMC, mathématiques-sciences, prévention-santé-environnement.",
            "Périodes de formation en milieu professionnel (PFMP) : 12 semaines chez un fleuriste.",
        ),
        duration="630 heures de formation à distance (90 jours), sur 12 mois, et 12 semaines de périodes de formation en milieu professionnel (PFMP).",
        recognition="Formation certifiante : diplôme d'État CAP Fleuriste (niveau 3), inscrit au RNCP. Une attestation de fin de formation est remise à chaque apprenant.",
        pedagogy="Formation à distance (100 % en ligne sur la plateforme Moodle de l'INFAD), asynchrone avec classes virtuelles mensuelles ; entrée et sortie permanentes ; tutorat individuel.",
        methods="Cours illustrés, vidéos de démonstration, travaux pratiques filmés et commentés par la formatrice, quiz d'entraînement, forum d'entraide, classes virtuelles.",
        assessment="Évaluations formatives à la fin de chaque module (quiz et travaux pratiques photographiés), deux devoirs corrigés par module, examen blanc avant la session ; certification par l'examen du CAP.",
        funding=FUNDING,
        access="Inscription possible toute l'année ; entrée en formation sous 15 jours après la validation du dossier et du financement (délai de 11 jours ouvrés pour un financement CPF).",
        price="2 890 € net de taxe (TVA non applicable, organisme public), supports et accès à la plateforme compris.",
        updated=dt.date(2026, 9, 1),
        certification=Certification(
            title="CAP Fleuriste",
            code="RNCP99001 (code fictif)",
            certifier="Ministère de l'Éducation nationale",
            registered="01/09/2023",
            level="niveau 3",
            blocks=(
                "Bloc 1 — Réception, préparation et entretien des végétaux",
                "Bloc 2 — Réalisation de compositions florales",
                "Bloc 3 — Vente et conseil client",
                "Blocs d'enseignement général (français, histoire-géographie, mathématiques-sciences, prévention-santé-environnement)",
            ),
            presented="91 % des inscrits à l'examen présentés (session juin 2026 : 44 présentés sur 48 inscrits)",
            pass_rate="77 % (34 admis sur 44 présentés, session juin 2026) ; 74 % en 2025",
            insertion="Taux d'insertion global à 6 mois : 71 % ; dans le métier visé : 58 % (source : enquête INFAD auprès des diplômés 2025)",
            equivalences="Les titulaires d'un diplôme de niveau 3 ou plus sont dispensés des épreuves d'enseignement général.",
            passerelles="Passerelles vers le CAP Jardinier paysagiste (blocs communs de prévention-santé-environnement) et le BP Fleuriste.",
            further="Poursuites d'études possibles : Brevet professionnel (BP) Fleuriste, Brevet de maîtrise Fleuriste.",
            outcomes="Débouchés : fleuriste salarié en boutique, en grande surface ou chez un grossiste ; création ou reprise d'une boutique après quelques années d'expérience.",
            exam=CAP_COMMON_EXAM,
        ),
        needs=(
            "Projet : reconversion après 12 ans dans la vente de prêt-à-porter ; souhaite ouvrir une boutique à terme.",
            "Financement : CPF (1 500 €) complété par un financement personnel.",
            "Contraintes : travaille à mi-temps, disponible 12 h par semaine ; PFMP possible chez un fleuriste de sa ville (contact pris).",
        ),
    ),
    Offer(
        id="cap-aepe",
        unit="pro",
        title="CAP Accompagnant éducatif petite enfance (AEPE)",
        public="Adultes souhaitant travailler auprès de jeunes enfants (crèche, école maternelle, domicile), en reconversion ou en recherche d'emploi.",
        prerequisites="Aucun diplôme exigé. Maîtrise du français écrit et oral ; accès à un ordinateur et à Internet ; possibilité d'effectuer les PFMP en structure d'accueil du jeune enfant.",
        objectives=(
            "Accompagner le développement du jeune enfant : assurer les soins du quotidien, les activités d'éveil et la sécurité.",
            "Exercer son activité en accueil collectif (EAJE, école maternelle) en coopération avec l'équipe.",
            "Exercer son activité en accueil individuel (assistant maternel, garde à domicile) en lien avec les familles.",
        ),
        contents=(
            "Module 1 — Développement et besoins du jeune enfant.",
            "Module 2 — Soins du quotidien, hygiène, sécurité et prévention des risques.",
            "Module 3 — Activités d'éveil, communication avec les familles.",
            "Module 4 — Enseignement général et prévention-santé-environnement.",
            "PFMP : 14 semaines en établissement d'accueil du jeune enfant et en école maternelle.",
        ),
        duration="770 heures de formation à distance (110 jours), sur 12 à 18 mois, et 14 semaines de PFMP.",
        recognition="Formation certifiante : diplôme d'État CAP Accompagnant éducatif petite enfance (niveau 3), inscrit au RNCP.",
        pedagogy="Formation à distance sur la plateforme Moodle, asynchrone, avec classes virtuelles et tutorat individuel ; entrées toute l'année.",
        methods="Cours, études de cas vidéo, fiches techniques de soins, quiz, forum, classes virtuelles de mise en situation.",
        assessment="Quiz de fin de chapitre, devoirs corrigés, grille d'évaluation des PFMP remplie par le tuteur, examen blanc ; certification par l'examen du CAP.",
        funding=FUNDING,
        access="Inscription toute l'année ; démarrage sous 15 jours après validation du dossier ; PFMP à organiser dès le 3e mois.",
        price="3 150 € net de taxe (TVA non applicable).",
        updated=dt.date(2026, 9, 1),
        certification=Certification(
            title="CAP Accompagnant éducatif petite enfance",
            code="RNCP99002 (code fictif)",
            certifier="Ministère de l'Éducation nationale",
            registered="15/07/2023",
            level="niveau 3",
            blocks=(
                "Bloc 1 — Accompagner le développement du jeune enfant",
                "Bloc 2 — Exercer son activité en accueil collectif",
                "Bloc 3 — Exercer son activité en accueil individuel",
            ),
            presented="88 % des inscrits présentés (session juin 2026 : 61 présentés sur 69 inscrits)",
            pass_rate="82 % (50 admis sur 61 présentés, session juin 2026) ; 79 % en 2025",
            insertion="Taux d'insertion global à 6 mois : 76 % ; dans le métier visé : 64 % (enquête INFAD diplômés 2025)",
            equivalences="Dispense des épreuves d'enseignement général pour les titulaires d'un diplôme de niveau 3 ou plus ; équivalence partielle avec le titre professionnel Assistant de vie aux familles.",
            passerelles="Passerelles vers le diplôme d'État d'auxiliaire de puériculture (allègements de formation) et le titre Assistant de vie aux familles.",
            further="Poursuites d'études : diplôme d'État d'auxiliaire de puériculture, baccalauréat professionnel AEPA, concours d'ATSEM.",
            outcomes="Débouchés : agent en crèche ou halte-garderie, assistant maternel agréé, garde d'enfants à domicile, ATSEM après concours.",
            exam=CAP_COMMON_EXAM,
        ),
        needs=(
            "Projet : devenir assistante maternelle agréée ; actuellement agente d'entretien.",
            "Financement : France Travail (AIF) ; conseillère France Travail associée à l'entretien.",
            "Contraintes : deux enfants en bas âge, étude d'un rythme allégé sur 18 mois.",
        ),
    ),
    Offer(
        id="comptabilite-paie",
        unit="pro",
        title="Gestion de la paie",
        public="Assistants RH ou comptables, gestionnaires de petites entreprises.",
        prerequisites="Connaissance des bases de la comptabilité ou expérience administrative d'un an ; maîtrise du tableur (niveau utilisateur).",
        objectives=(
            "Établir un bulletin de paie conforme pour un salarié non cadre et cadre.",
            "Calculer les cotisations sociales et le net à payer à partir d'un cas réel.",
            "Préparer et contrôler la déclaration sociale nominative (DSN) mensuelle.",
        ),
        contents=(
            "Le cadre juridique de la paie et les conventions collectives.",
            "Les éléments du salaire brut, absences, congés payés.",
            "Cotisations sociales, prélèvement à la source, net à payer.",
            "DSN et contrôles de fin de mois.",
        ),
        duration="84 heures (12 jours) à distance, sur 3 mois.",
        recognition="Formation non certifiante : attestation de fin de formation précisant les compétences acquises.",
        pedagogy="Formation à distance, asynchrone, avec 4 classes virtuelles et un tutorat par courriel sous 48 h.",
        methods="Cours, exercices de paie sur cas réels, simulateur de bulletin, quiz, classes virtuelles.",
        assessment="Quiz par module ; évaluation finale : réalisation de trois bulletins de paie corrigés par la formatrice.",
        funding=FUNDING,
        access="Sessions mensuelles ; inscription au plus tard 10 jours avant le début de session.",
        price="1 350 € net de taxe (TVA non applicable).",
        updated=dt.date(2026, 8, 25),
        needs=(
            "Demande de l'employeur (cabinet comptable, 12 salariés) : rendre l'assistante autonome sur la paie.",
            "Financement : plan de développement des compétences, prise en charge OPCO.",
            "Entretien tripartite salariée, employeur et conseillère INFAD le 02/09/2026.",
        ),
    ),
    Offer(
        id="bureautique",
        unit="pro",
        title="Bureautique professionnelle",
        public="Salariés, demandeurs d'emploi, toute personne souhaitant gagner en efficacité sur les outils bureautiques.",
        prerequisites="Savoir utiliser un ordinateur (clavier, souris, navigation sur Internet). Aucune connaissance préalable du traitement de texte ou du tableur.",
        objectives=(
            "Mettre en forme un courrier et un rapport de plusieurs pages avec un traitement de texte.",
            "Construire un tableau de calcul avec formules simples et graphique.",
            "Réaliser une présentation de 10 diapositives.",
        ),
        contents=(
            "Traitement de texte : styles, tableaux, publipostage.",
            "Tableur : formules, fonctions SOMME, MOYENNE, SI, graphiques.",
            "Présentation : modèles, animations sobres, export PDF.",
        ),
        duration="35 heures (5 jours), à suivre en 4 semaines.",
        recognition="Formation non certifiante : attestation de fin de formation.",
        pedagogy="Formation à distance, asynchrone, exercices guidés ; assistance technique et pédagogique par messagerie de la plateforme.",
        methods="Tutoriels vidéo, exercices pas à pas avec fichiers corrigés, quiz.",
        assessment="Exercices corrigés automatiquement ; évaluation finale pratique (un document, un tableau, une présentation).",
        funding=FUNDING,
        access="Entrée permanente : accès à la plateforme sous 5 jours ouvrés après l'inscription.",
        price="590 € net de taxe (TVA non applicable).",
        updated=dt.date(2026, 8, 25),
        needs=(
            "Demandeur d'emploi, projet de poste d'assistant administratif.",
            "Financement CPF ; conseiller France Travail informé.",
            "Pas de contrainte particulière ; souhaite un rythme de 10 h par semaine.",
        ),
    ),
    Offer(
        id="daefle",
        unit="langues",
        title="Diplôme d'aptitude à l'enseignement du français langue étrangère (DAEFLE)",
        public="Enseignants, étudiants de niveau licence, personnes en reconversion souhaitant enseigner le français à des non-francophones en France ou à l'étranger.",
        prerequisites="Être titulaire d'un diplôme de niveau 5 (bac + 2) ou justifier d'une expérience équivalente ; niveau C1 en français pour les candidats non francophones.",
        objectives=(
            "Concevoir une séquence d'enseignement du FLE adaptée au niveau et aux besoins d'un public.",
            "Analyser la langue française pour l'expliquer à des apprenants étrangers.",
            "Évaluer les compétences des apprenants selon le CECRL.",
        ),
        contents=(
            "Didactique du FLE et méthodologies.",
            "Analyse de la langue (grammaire, phonétique, lexique).",
            "Culture et interculturalité.",
            "Évaluation et CECRL.",
            "Stage pratique d'observation et d'enseignement (20 heures) dans une structure partenaire.",
        ),
        duration="420 heures (60 jours) à distance, sur 9 à 18 mois, dont un stage pratique de 20 heures.",
        recognition="Formation certifiante : certification inscrite au répertoire spécifique (RS) de France compétences.",
        pedagogy="Formation à distance, asynchrone, avec regroupements en classe virtuelle et tutorat individuel.",
        methods="Cours, vidéos de classes commentées, études de cas, forums, devoirs corrigés, stage pratique.",
        assessment="Devoirs corrigés par module, dossier de stage, épreuve écrite finale ; certification délivrée par le certificateur au vu des résultats.",
        funding=FUNDING,
        access="Deux rentrées par an (septembre et février) ; inscription jusqu'à 15 jours avant la rentrée.",
        price="1 980 € net de taxe (TVA non applicable), frais de certification inclus.",
        updated=dt.date(2026, 7, 1),
        certification=Certification(
            title="Diplôme d'aptitude à l'enseignement du français langue étrangère (DAEFLE)",
            code="RS9901 (code fictif)",
            certifier="Association fictive pour l'enseignement du français (certificateur fictif)",
            registered="20/03/2024",
            level="sans niveau (répertoire spécifique)",
            blocks=(
                "La certification, inscrite au répertoire spécifique, ne comporte pas de blocs de compétences : elle se valide en une seule fois ; les modules réussis restent acquis 3 ans.",
            ),
            presented="93 % des inscrits présentés (session 2026 : 112 présentés sur 120 inscrits)",
            pass_rate="84 % (94 admis sur 112 présentés, session 2026) ; 81 % en 2025",
            insertion="62 % des diplômés 2025 enseignent le FLE 6 mois après l'obtention (enquête INFAD)",
            equivalences="Le DAEFLE permet une dispense partielle de la mention FLE de certaines licences de lettres (selon les universités).",
            passerelles="Passerelle vers le master FLE (admission sur dossier), vers les habilitations d'examinateur-correcteur.",
            further="Poursuites d'études : master de didactique du FLE, diplômes universitaires de FLE.",
            outcomes="Débouchés : enseignant de FLE en alliance française, en centre de langues, en association d'alphabétisation, formateur linguistique.",
            exam="Les candidats sont inscrits à l'épreuve finale par l'INFAD, organisme habilité par le certificateur (convention d'habilitation du 20/03/2024). L'INFAD transmet la liste des candidats, les dossiers de stage et les demandes d'aménagement d'épreuves, dans les délais fixés par le règlement de la certification.",
        ),
        needs=(
            "Professeure des écoles, projet de départ à l'étranger.",
            "Financement personnel ; pas de financeur tiers.",
            "Contrainte : décalage horaire à prévoir pendant le stage.",
        ),
    ),
    Offer(
        id="anglais-pro",
        unit="langues",
        title="Anglais professionnel — objectif B2",
        public="Salariés et demandeurs d'emploi devant utiliser l'anglais au travail.",
        prerequisites="Niveau A2 acquis (vérifié par le test de positionnement en ligne).",
        objectives=(
            "Conduire une réunion et une conversation téléphonique en anglais (niveau B2 du CECRL).",
            "Rédiger des courriels et comptes rendus professionnels clairs.",
            "Présenter son entreprise et ses projets à l'oral.",
        ),
        contents=(
            "Réunions et téléphone.",
            "Écrits professionnels.",
            "Présentations orales.",
            "Négociation et interculturalité.",
        ),
        duration="140 heures (20 jours), sur 6 mois.",
        recognition="Formation non certifiante : attestation de fin de formation indiquant le niveau CECRL atteint.",
        pedagogy="Formation à distance : modules en ligne asynchrones et 20 classes virtuelles de conversation (groupes de 6) ; tutorat.",
        methods="Vidéos authentiques, exercices interactifs, classes virtuelles, jeux de rôle, correction individuelle des écrits.",
        assessment="Évaluation continue (quiz, écrits corrigés), évaluation finale orale et écrite positionnée sur le CECRL.",
        funding=FUNDING,
        access="Entrée chaque mois ; démarrage sous 10 jours après l'inscription.",
        price="1 290 € net de taxe (TVA non applicable).",
        updated=dt.date(2026, 7, 1),
        needs=(
            "Demande employeur : technicien amené à échanger avec des fournisseurs étrangers.",
            "Financement : plan de développement des compétences (OPCO).",
            "Objectif de l'entreprise : autonomie en réunion d'ici 6 mois.",
        ),
    ),
    Offer(
        id="espagnol-a2",
        unit="langues",
        title="Espagnol — objectif A2",
        public="Adultes débutants ou faux débutants.",
        prerequisites="Aucun prérequis : formation ouverte aux débutants.",
        objectives=(
            "Se présenter et parler de son quotidien en espagnol (niveau A2 du CECRL).",
            "Comprendre des textes courts et des messages simples.",
            "Réaliser des démarches simples en voyage.",
        ),
        contents=(
            "Se présenter, parler de sa famille et de son travail.",
            "Les déplacements et le voyage.",
            "Les achats, le restaurant.",
            "Raconter un événement passé.",
        ),
        duration="105 heures (15 jours), sur 4 mois.",
        recognition="Formation non certifiante : attestation de fin de formation indiquant le niveau atteint.",
        pedagogy="Formation à distance, asynchrone, avec 8 classes virtuelles de conversation.",
        methods="Leçons interactives, vidéos, exercices de prononciation, classes virtuelles.",
        assessment="Quiz par leçon ; évaluation finale de niveau A2 (compréhension et expression).",
        funding=FUNDING,
        access="Entrée permanente ; accès à la plateforme sous 5 jours ouvrés.",
        price="690 € net de taxe (TVA non applicable).",
        updated=dt.date(2026, 6, 15),
        accessibility=False,
        nda=False,
        needs=(
            "Projet personnel et professionnel : accueil de clientèle hispanophone dans un camping.",
            "Financement CPF.",
            "Disponibilité : 6 h par semaine, hors saison.",
        ),
    ),
    Offer(
        id="fle-b1",
        unit="langues",
        title="Français langue étrangère — objectif B1",
        public="Adultes non francophones résidant en France, en parcours d'insertion professionnelle.",
        prerequisites="Niveau A2 en français (vérifié par le test de positionnement).",
        objectives=(
            "Communiquer à l'oral dans les situations de la vie professionnelle (niveau B1).",
            "Rédiger un courriel et remplir un formulaire administratif.",
            "Comprendre une consigne de travail écrite ou orale.",
        ),
        contents=(
            "Français de la vie quotidienne et professionnelle.",
            "Écrits administratifs.",
            "Compréhension orale de consignes.",
            "Préparation à l'entretien d'embauche.",
        ),
        duration="210 heures (30 jours), sur 6 mois.",
        recognition="Formation non certifiante : attestation de fin de formation indiquant le niveau CECRL atteint ; préparation possible au DELF B1 (passé auprès d'un centre d'examen agréé).",
        pedagogy="Formation à distance, asynchrone, avec classes virtuelles hebdomadaires et tutorat.",
        methods="Documents authentiques, exercices interactifs, classes virtuelles, simulations d'entretien.",
        assessment="Évaluations formatives par unité ; évaluation finale B1 (quatre compétences).",
        funding=FUNDING,
        access="Entrée chaque mois ; démarrage sous 15 jours.",
        price="1 450 € net de taxe (TVA non applicable).",
        updated=dt.date(2026, 7, 1),
        needs=(
            "Orientation par France Travail, projet d'emploi dans la logistique.",
            "Financement France Travail (AIF).",
            "Besoin : français de la sécurité au travail et des consignes.",
        ),
    ),
    Offer(
        id="remise-niveau-maths",
        unit="scolaire",
        title="Remise à niveau en mathématiques",
        public="Adultes préparant un concours, une formation qualifiante ou un examen, et lycéens en reprise d'études.",
        prerequisites="Aucun prérequis ; le test de positionnement oriente vers le parcours adapté.",
        objectives=(
            "Calculer avec les nombres relatifs, les fractions et les pourcentages.",
            "Résoudre une équation du premier degré et un problème de proportionnalité.",
            "Lire et construire un tableau et un graphique.",
        ),
        contents=(
            "Nombres et calculs.",
            "Proportionnalité et pourcentages.",
            "Équations.",
            "Statistiques et graphiques.",
        ),
        duration="70 heures (10 jours), sur 3 mois.",
        recognition="Formation non certifiante : attestation de fin de formation.",
        pedagogy="Formation à distance, asynchrone, parcours individualisé selon le positionnement ; tutorat par messagerie.",
        methods="Vidéos courtes, exercices auto-corrigés, fiches méthode, devoirs corrigés.",
        assessment="Quiz auto-corrigés, deux devoirs corrigés, évaluation finale.",
        funding=FUNDING,
        access="Entrée permanente ; accès sous 5 jours ouvrés.",
        price="420 € net de taxe (TVA non applicable).",
        updated=dt.date(2026, 8, 20),
        needs=(
            "Projet : concours d'aide-soignant.",
            "Financement personnel.",
            "Besoin prioritaire : pourcentages et conversions.",
        ),
    ),
    Offer(
        id="preparation-daeu",
        unit="scolaire",
        title="Préparation au DAEU",
        public="Adultes n'ayant pas le baccalauréat et souhaitant reprendre des études supérieures ou passer un concours.",
        prerequisites="Avoir 20 ans au 1er octobre de l'année de l'examen (ou 24 ans selon la situation) ; avoir interrompu ses études depuis au moins deux ans.",
        objectives=(
            "Maîtriser l'expression écrite et la méthodologie de la dissertation et du commentaire.",
            "Acquérir les connaissances des deux matières optionnelles choisies.",
            "Se présenter à l'examen du DAEU avec une préparation complète.",
        ),
        contents=(
            "Français (obligatoire).",
            "Langue vivante ou mathématiques (option A ou B).",
            "Deux matières optionnelles (histoire, géographie, biologie, physique…).",
            "Méthodologie du travail à distance.",
        ),
        duration="560 heures (80 jours), sur une année universitaire.",
        recognition="Préparation à un diplôme national délivré par les universités (DAEU) ; l'INFAD n'est pas certificateur : l'inscription à l'examen se fait auprès de l'université partenaire.",
        pedagogy="Formation à distance, asynchrone, avec classes virtuelles de méthodologie ; tutorat.",
        methods="Cours, devoirs corrigés, classes virtuelles, examens blancs.",
        assessment="Devoirs corrigés et notés, deux examens blancs.",
        funding=FUNDING,
        access="Rentrée en septembre ; inscriptions jusqu'au 15 octobre.",
        price="980 € net de taxe (TVA non applicable).",
        updated=dt.date(2026, 6, 30),
        needs=(
            "Projet : entrer en licence de sciences de l'éducation.",
            "Financement : Région (dispositif de reprise d'études).",
            "Besoin : méthodologie de la dissertation.",
        ),
    ),
    Offer(
        id="francais-ecrit",
        unit="scolaire",
        title="Français écrit professionnel",
        public="Salariés et demandeurs d'emploi souhaitant améliorer leurs écrits professionnels.",
        prerequisites="Maîtrise du français courant (niveau fin de collège).",
        objectives=(
            "Rédiger un courriel et une note structurés sans erreur gênante.",
            "Appliquer les principales règles d'orthographe grammaticale.",
            "Adapter son écrit au destinataire.",
        ),
        contents=(
            "Orthographe grammaticale et accords.",
            "Structurer un écrit.",
            "Courriels, comptes rendus, notes.",
        ),
        duration="56 heures (8 jours), sur 2 mois.",
        recognition="Formation non certifiante : attestation de fin de formation.",
        pedagogy="Formation à distance, asynchrone, écrits corrigés individuellement.",
        methods="Exercices interactifs, fiches de règles, écrits corrigés et annotés.",
        assessment="Quiz, trois écrits corrigés, évaluation finale.",
        funding=FUNDING,
        access="Entrée permanente ; accès sous 5 jours ouvrés.",
        price="520 € net de taxe (TVA non applicable).",
        updated=dt.date(2026, 8, 20),
        needs=(
            "Demande employeur : agent d'accueil amené à rédiger des courriels aux usagers.",
            "Financement : plan de développement des compétences.",
            "Objectif employeur : courriels sans erreur en 2 mois.",
        ),
    ),
    Offer(
        id="methodologie",
        unit="scolaire",
        title="Méthodologie du travail à distance",
        public="Toute personne qui commence une formation à distance.",
        prerequisites="Aucun prérequis.",
        objectives=(
            "Organiser son temps de formation à distance (planning hebdomadaire).",
            "Utiliser les outils de la plateforme (forums, dépôt de devoirs, classes virtuelles).",
            "Prendre des notes et réviser efficacement.",
        ),
        contents=("S'organiser.", "Prendre en main la plateforme.", "Apprendre et mémoriser."),
        duration="14 heures (2 jours).",
        recognition="Formation non certifiante : attestation de fin de formation.",
        pedagogy="Formation à distance, asynchrone, avec une classe virtuelle d'accueil.",
        methods="Vidéos, tutoriels, exercices pratiques sur la plateforme.",
        assessment="Quiz final et planning personnel validé par le tuteur.",
        funding=FUNDING,
        access="Entrée permanente, accès immédiat après l'inscription.",
        price="120 € net de taxe (TVA non applicable), offerte aux inscrits d'une autre formation de l'INFAD.",
        updated=dt.date(2026, 8, 20),
        needs=(
            "Inscrite en préparation au DAEU, jamais formée à distance.",
            "Financement : inclus dans le parcours.",
            "Besoin : organisation et outils numériques.",
        ),
    ),
)


# --- Offering documents -------------------------------------------------------------------------


def fiche_blocks(o: Offer) -> list[Block]:
    """The public sheet of an offering: every item of indicator 1 (2026 wording)."""
    blocks: list[Block] = [
        h("Public visé"),
        p(o.public),
        h("Prérequis"),
        p(o.prerequisites),
        h("Objectifs"),
        p("À l'issue de la formation, l'apprenant est capable de :"),
        ul(*o.objectives),
        h("Type de reconnaissance de la formation"),
        p(o.recognition),
    ]
    c = o.certification
    if c is not None:
        blocks += [
            h("Certification visée"),
            ul(
                f"Intitulé exact : {c.title} ({c.level}).",
                f"Code : {c.code}.",
                f"Certificateur : {c.certifier}.",
                f"Date d'enregistrement de la certification : {c.registered}.",
                f"Taux d'obtention : {c.pass_rate} ; {c.presented}.",
                "Blocs de compétences, équivalences, passerelles, poursuites d'études et "
                "débouchés : voir la fiche « Résultats et débouchés » de la formation.",
            ),
        ]
    else:
        blocks += [
            p(
                "Poursuite d'études : cette formation non certifiante ne confère, à elle seule, "
                "aucun droit de poursuite d'études."
            )
        ]
    blocks += [
        h("Durée"),
        p(o.duration),
        h("Contenus"),
        ul(*o.contents),
        h("Modalités pédagogiques"),
        p(o.pedagogy),
        h("Méthodes mobilisées"),
        p(o.methods),
        h("Modalités d'évaluation"),
        p(o.assessment),
        h("Modalités de financement"),
        p(o.funding),
        h("Modalités et délais d'accès"),
        p(o.access),
        h("Tarifs"),
        p(o.price),
        h("Contacts"),
        p(contact(o.unit)),
    ]
    if o.accessibility:
        blocks += [h("Accessibilité aux personnes en situation de handicap"), p(ACCESSIBILITY)]
    blocks.append(p(f"Fiche mise à jour le {o.updated:%d/%m/%Y}."))
    if o.nda:
        blocks.append(p(NDA_LINE))
    return blocks


def needs_blocks(o: Offer) -> list[Block]:
    """A filled needs-analysis grid (indicator 4), pseudonymised."""
    project, funding, constraints = o.needs
    return [
        p(
            "Grille remplie par la conseillère ou le conseiller formation lors de l'entretien "
            "préalable, avec l'apprenant et, le cas échéant, l'entreprise ou le financeur. "
            "Exemple pseudonymisé : les données nominatives restent dans le système "
            "d'information de l'INFAD."
        ),
        table(
            ("Rubrique", "Réponse"),
            ("Dossier", f"{o.id.upper()}-2026-014 (apprenant pseudonymisé)"),
            ("Formation demandée", o.title),
            ("Projet et besoin exprimé", project),
            ("Entreprise et/ou financeur concerné", funding),
            ("Contraintes (rythme, disponibilités, matériel)", constraints),
            ("Prérequis vérifiés", o.prerequisites),
            (
                "Situation de handicap, besoin de compensation",
                "Question posée systématiquement ; pas de besoin déclaré. Contact de la "
                "référente handicap remis à l'apprenant.",
            ),
            (
                "Conclusion et adaptation du parcours",
                "Besoin compatible avec les objectifs de la formation ; parcours individualisé "
                "validé par le responsable pédagogique, planning hebdomadaire proposé.",
            ),
        ),
    ]


def positioning_blocks(o: Offer) -> list[Block]:
    """The entry positioning procedure and test of an offering (indicator 8)."""
    return [
        h("Procédure de positionnement à l'entrée"),
        p(
            "Avant l'entrée en formation, chaque candidat passe ce test de positionnement en "
            "ligne (30 à 45 minutes, auto-corrigé), puis échange avec le responsable pédagogique "
            "lors d'un entretien de 20 minutes. Les résultats permettent de vérifier les "
            "prérequis, d'évaluer les acquis à l'entrée et d'adapter le parcours (allègement, "
            "modules de remise à niveau, rythme)."
        ),
        p(f"Prérequis vérifiés : {o.prerequisites}"),
        h("Contenu du test"),
        ul(
            "Partie 1 — Questionnaire sur le projet et l'expérience (auto-positionnement).",
            "Partie 2 — QCM de 20 questions sur les notions d'entrée de la formation.",
            "Partie 3 — Exercice pratique court, corrigé par le formateur.",
        ),
        h("Grille de lecture des résultats"),
        table(
            ("Score", "Lecture", "Suite donnée"),
            (
                "0 à 9 / 20",
                "Acquis d'entrée insuffisants",
                "Module de remise à niveau proposé avant l'entrée, ou réorientation",
            ),
            ("10 à 15 / 20", "Acquis d'entrée satisfaisants", "Parcours complet"),
            ("16 à 20 / 20", "Acquis d'entrée solides", "Allègement possible de certains modules"),
        ),
    ]


def results_blocks(o: Offer) -> list[Block]:
    """Certification outcomes of a certifying offering (indicator 3)."""
    c = o.certification
    assert c is not None
    return [
        p(f"Certification : {c.title} — {c.code} — certificateur : {c.certifier}."),
        h("Taux d'obtention de la certification"),
        p(f"Taux de présentation à l'examen : {c.presented}."),
        p(f"Taux d'obtention : {c.pass_rate}."),
        p(
            "Modalités de calcul : nombre d'admis divisé par le nombre de candidats présentés à "
            "la session, pour les apprenants de l'INFAD ; taux de présentation : présentés / "
            "inscrits à la session."
        ),
        h("Blocs de compétences"),
        ul(*c.blocks),
        p(
            "Les blocs de compétences peuvent être validés séparément ; chaque bloc obtenu fait "
            "l'objet d'une attestation et reste acquis pour se présenter aux autres blocs."
            if len(c.blocks) > 1
            else "Validation de la certification en totalité."
        ),
        h("Équivalences"),
        p(c.equivalences),
        h("Passerelles"),
        p(c.passerelles),
        h("Suites de parcours et poursuites d'études"),
        p(c.further),
        h("Débouchés"),
        p(c.outcomes),
        p(f"Insertion professionnelle : {c.insertion}."),
    ]


def mapping_rows(o: Offer) -> list[list[Cell]]:
    """Programme ↔ certification referential (indicator 7)."""
    c = o.certification
    assert c is not None
    rows: list[list[Cell]] = [
        [
            "Bloc / compétence du référentiel",
            "Épreuve de certification",
            "Module(s) de formation",
            "Heures",
            "Évaluation en formation",
        ]
    ]
    for index, block in enumerate(c.blocks):
        module = o.contents[min(index, len(o.contents) - 1)]
        rows.append(
            [
                block,
                f"Épreuve {index + 1} ({c.title})",
                module,
                60 + 20 * index,
                "Devoir corrigé et examen blanc",
            ]
        )
    return rows


def capacity_rows(o: Offer) -> list[list[Cell]]:
    c = o.certification
    assert c is not None
    return [
        ["Élément", "Preuve"],
        ["Certificateur", c.certifier],
        ["Code de la certification", c.code],
        [
            "Capacité à préparer et présenter à la certification",
            "Formateurs qualifiés dans le domaine (voir registre des intervenants), ressources couvrant tout le référentiel, examens blancs dans les conditions de l'épreuve.",
        ],
        [
            "Habilitation ou modalité de présentation",
            "Organisme habilité par le certificateur (convention du 20/03/2024)"
            if c.code.startswith("RS")
            else "Candidats individuels inscrits auprès du rectorat ; pas d'habilitation requise pour préparer un CAP.",
        ],
        [
            "Mise à jour du référentiel suivie",
            "Veille sur France compétences ; dernière vérification le 02/09/2026.",
        ],
    ]


def exam_blocks(o: Offer) -> list[Block]:
    c = o.certification
    assert c is not None
    return [
        h("Conditions de présentation des candidats"),
        p(c.exam),
        h("Étapes"),
        table(
            ("Étape", "Quand", "Preuve conservée"),
            (
                "Information des apprenants sur le règlement d'examen et le calendrier",
                "Dès l'entrée",
                "Livret de l'apprenant, message de la plateforme",
            ),
            (
                "Vérification des inscriptions aux épreuves",
                "Avant la clôture des inscriptions",
                "Liste des candidats et accusés d'inscription",
            ),
            (
                "Transmission des pièces exigées (attestations de stage ou de PFMP)",
                "Avant la session",
                "Bordereau d'envoi",
            ),
            (
                "Demandes d'aménagement d'épreuves (handicap)",
                "Dès l'inscription",
                "Dossier de demande et réponse de l'autorité",
            ),
            ("Suivi des résultats", "Après la session", "Procès-verbal de résultats"),
        ),
    ]


# --- The central function (siège) ---------------------------------------------------------------

D = dt.date


def results_2026() -> list[Block]:
    """Published result indicators with their calculation method (indicator 2, 2026)."""
    return [
        p(
            "Indicateurs publiés sur le site de l'INFAD (page « Nos résultats ») et dans le "
            "catalogue. Période couverte : du 1er septembre 2025 au 31 août 2026."
        ),
        table(
            ("Indicateur", "Pôle pro", "Pôle langues", "Pôle scolaire", "Ensemble"),
            ("Apprenants entrés en formation", "1 214", "2 386", "3 902", "7 502"),
            ("Taux de satisfaction des apprenants", "91 %", "93 %", "89 %", "91 %"),
            ("Taux de réponse à l'enquête de satisfaction", "48 %", "52 %", "41 %", "46 %"),
            ("Taux d'achèvement des parcours", "78 %", "81 %", "72 %", "76 %"),
            ("Taux d'abandon", "9 %", "7 %", "14 %", "11 %"),
            ("Taux d'obtention des certifications (présentés)", "80 %", "84 %", "—", "82 %"),
        ),
        h("Modalités de calcul"),
        ul(
            "Taux de satisfaction : répondants « satisfaits » ou « très satisfaits » / "
            "répondants à l'enquête de fin de formation.",
            "Taux de réponse : répondants / apprenants sortis sur la période.",
            "Taux d'achèvement : apprenants ayant terminé 100 % des activités obligatoires / "
            "apprenants sortis sur la période.",
            "Taux d'abandon : apprenants sortis sans avoir terminé, hors réorientation validée "
            "et hors cas de force majeure / apprenants entrés sur la période.",
            "Taux d'obtention : admis / candidats présentés à la session (voir les fiches de "
            "chaque formation certifiante).",
        ),
        p(
            "Prochaine mise à jour : octobre 2027. Publication validée par la direction le 30/09/2026."
        ),
    ]


def welcome_booklet() -> list[Block]:
    return [
        p(
            "Ce livret est remis à chaque apprenant avec sa convocation et reste disponible sur la plateforme."
        ),
        h("Votre formation à distance"),
        ul(
            "Accès à la plateforme Moodle de l'INFAD : identifiants envoyés sous 5 jours ouvrés après l'inscription.",
            "Assistance technique : support@infad.example.org, "
            + PHONE
            + ", réponse sous 24 h ouvrées.",
            "Assistance pédagogique : votre tuteur répond sous 48 h ouvrées par la messagerie de la plateforme.",
            "Classes virtuelles : calendrier dans votre espace, enregistrements disponibles 30 jours.",
        ),
        h("Vos interlocuteurs"),
        table(
            ("Rôle", "Contact"),
            (
                "Responsable pédagogique de votre pôle",
                "voir votre espace (pro, langues ou scolaire)",
            ),
            ("Référente handicap", "Nadia Exemple — handicap@infad.example.org"),
            (
                "Service administratif (financement, attestations)",
                "administration@infad.example.org",
            ),
            (
                "Réclamations",
                "formulaire « Réclamation » du site ou reclamations@infad.example.org",
            ),
        ),
        h("Déroulement"),
        p(
            "Chaque formation suit le programme remis à l'inscription. Votre progression est "
            "suivie chaque semaine ; sans connexion pendant 15 jours, votre tuteur vous contacte. "
            "Les évaluations, les examens blancs et les modalités de présentation aux examens sont "
            "décrits dans votre espace. Une attestation de fin de formation vous est remise."
        ),
        h("Règlement intérieur, droits et devoirs"),
        p(
            "Le règlement intérieur s'applique à toutes les formations, y compris à distance "
            "(forums et classes virtuelles). Il décrit aussi la conduite à tenir en cas de "
            "violence, de harcèlement ou de discrimination."
        ),
    ]


def rules() -> list[Block]:
    return [
        p(
            "Établi conformément aux articles L. 6352-3 et R. 6352-1 et suivants du code du travail."
        ),
        h("Article 1 — Champ d'application"),
        p(
            "Le présent règlement s'applique à tous les apprenants de l'INFAD, pour toute la durée de la formation, à distance comme lors des regroupements et des examens."
        ),
        h("Article 2 — Respect des personnes"),
        p(
            "Tout propos ou comportement violent, sexiste, à caractère sexuel, harcelant ou "
            "discriminatoire, y compris sur les forums et en classe virtuelle, est interdit. "
            "Toute victime ou tout témoin peut le signaler à son tuteur, au responsable "
            "pédagogique ou à l'adresse signalement@infad.example.org ; chaque signalement est "
            "traité selon le protocole de prévention et de traitement des violences."
        ),
        h("Article 3 — Assiduité"),
        p(
            "L'apprenant suit les activités prévues à son planning ; les connexions et travaux rendus valent relevé d'assiduité."
        ),
        h("Article 4 — Sanctions et droits de la défense"),
        p(
            "Les sanctions possibles et la procédure disciplinaire (convocation, entretien, notification écrite) sont celles prévues par le code du travail."
        ),
        h("Article 5 — Représentation des stagiaires"),
        p(
            "Pour les actions de plus de 500 heures, un délégué titulaire et un suppléant sont élus (scrutin en ligne)."
        ),
        p("Règlement en vigueur au 1er septembre 2026."),
    ]


def procedure(title_lines: Sequence[tuple[str, str]]) -> list[Block]:
    blocks: list[Block] = []
    for heading, text in title_lines:
        blocks += [h(heading), p(text)]
    return blocks


FOLLOW_UP = procedure(
    (
        (
            "Objet",
            "Décrire comment l'INFAD met en œuvre et adapte la formation, l'accompagnement et le suivi de chaque apprenant.",
        ),
        (
            "Individualisation",
            "Le parcours est adapté à partir de l'analyse du besoin et du positionnement : modules allégés ou renforcés, rythme (de 4 à 15 h par semaine), prolongation possible de 3 mois, supports adaptés pour les personnes en situation de handicap.",
        ),
        (
            "Suivi",
            "Chaque apprenant a un tuteur référent. Le tableau de suivi hebdomadaire (export de la plateforme) repère les retards de progression ; un entretien de suivi est proposé à mi-parcours ; toutes les interventions sont tracées dans la plateforme.",
        ),
        (
            "Responsabilités",
            "Tuteurs : suivi individuel. Responsables pédagogiques : revue mensuelle des parcours. Direction qualité : contrôle trimestriel.",
        ),
    )
)
ASSESSMENT = procedure(
    (
        ("Objet", "Décrire l'évaluation de l'atteinte des objectifs par les apprenants."),
        (
            "Dispositif",
            "Évaluation formative tout au long du parcours (quiz auto-corrigés, devoirs corrigés et annotés), auto-évaluation à mi-parcours, évaluation finale (sommative) sur les objectifs de la fiche programme, évaluation à froid à 3 mois pour les formations professionnelles.",
        ),
        (
            "Traçabilité",
            "Les résultats sont conservés dans la plateforme ; l'attestation de fin de formation indique les objectifs atteints ; pour les formations certifiantes, les résultats aux examens sont suivis par session.",
        ),
    )
)
DROP_OUT = procedure(
    (
        (
            "Objet",
            "Favoriser l'engagement des apprenants et prévenir les ruptures de parcours (formations de plus de deux jours).",
        ),
        (
            "Mesures d'engagement",
            "Classe virtuelle d'accueil, planning personnel, forums animés par les tuteurs, badges de progression, rappels automatiques des échéances.",
        ),
        (
            "Détection du décrochage",
            "Alerte automatique après 15 jours sans connexion ou deux devoirs non rendus ; appel du tuteur sous 5 jours ouvrés ; entretien de remobilisation ; proposition d'aménagement du rythme ou de suspension.",
        ),
        (
            "Analyse des abandons",
            "Chaque abandon est qualifié (motif) ; les motifs sont analysés chaque trimestre et alimentent le plan d'amélioration.",
        ),
    )
)
VIOLENCE = procedure(
    (
        (
            "Objet",
            "Prévenir et traiter toute situation de violence, dont les violences sexistes et sexuelles, de harcèlement ou de discrimination dans le cadre des formations (indicateur 12, décret n° 2026-728).",
        ),
        (
            "Prévention",
            "Information de tous les apprenants (livret d'accueil, règlement intérieur), charte de modération des forums et classes virtuelles, sensibilisation annuelle des tuteurs et formateurs, vigilance particulière pendant les PFMP et stages (contact du tuteur d'entreprise).",
        ),
        (
            "Signalement",
            "Adresse dédiée signalement@infad.example.org, tuteur, responsable pédagogique ou référente handicap ; accusé de réception sous 48 h ; prise en charge (premier entretien, mesures conservatoires) au plus tard 7 jours après la réception ; confidentialité garantie.",
        ),
        (
            "Traitement",
            "Mesures conservatoires immédiates (modération, changement de groupe, suspension d'un compte), entretien avec la personne concernée, orientation vers les dispositifs d'aide, procédure disciplinaire le cas échéant ; signalement aux autorités si nécessaire.",
        ),
        (
            "Suivi",
            "Registre confidentiel des signalements tenu par la direction qualité ; bilan annuel anonymisé présenté en revue de direction.",
        ),
    )
)


def means() -> list[Block]:
    return [
        h("Plateforme et moyens techniques"),
        p(
            "Plateforme Moodle hébergée en France, disponibilité 99,5 % en 2025-2026 ; outil de classe virtuelle intégré ; compatibilité lecteurs d'écran vérifiée ; assistance technique 5 jours sur 7."
        ),
        h("Moyens humains"),
        p(
            "162 formateurs et tuteurs (dont 58 salariés), 3 responsables pédagogiques, 1 référente handicap, 1 direction qualité, 12 conseillers formation."
        ),
        h("Locaux"),
        table(
            ("Site", "Usage", "Accessibilité"),
            (
                "Poitiers (siège et pôle pro)",
                "Accueil, examens blancs, salle de travaux pratiques de fleuristerie",
                "ERP de 5e catégorie, registre public d'accessibilité à jour",
            ),
            (
                "Lyon (pôle langues)",
                "Accueil, studio d'enregistrement des classes virtuelles",
                "Accessible de plain-pied",
            ),
            (
                "Rennes (pôle scolaire)",
                "Accueil, salles d'examens blancs",
                "Ascenseur, place de stationnement réservée",
            ),
        ),
        p(
            "Le document unique d'évaluation des risques (DUERP) est mis à jour chaque année (dernière mise à jour : 12/03/2026)."
        ),
    ]


def org_chart() -> list[Block]:
    return [
        table(
            ("Fonction", "Titulaire (fictif)", "Rôle dans la coordination"),
            ("Direction générale", "Marc Illustratif", "Arbitrages, revue de direction"),
            (
                "Direction qualité",
                "Élise Démo",
                "Pilotage Qualiopi, réseau des correspondants qualité",
            ),
            (
                "Correspondante qualité pôle pro",
                "Claire Démo",
                "Coordination des formateurs du pôle, réunion pédagogique mensuelle",
            ),
            (
                "Correspondant qualité pôle langues",
                "Bruno Exemple",
                "Coordination des formateurs et tuteurs du pôle",
            ),
            (
                "Correspondante qualité pôle scolaire",
                "Chloé Modèle",
                "Comité pédagogique trimestriel",
            ),
            ("Référente handicap", "Nadia Exemple", "Adaptations, réseau de partenaires handicap"),
            (
                "Service administratif",
                "Équipe administrative",
                "Inscriptions, financements, attestations",
            ),
            (
                "Service informatique",
                "Équipe plateforme",
                "Disponibilité de la plateforme, assistance technique",
            ),
        ),
        p(
            "Chaque formation compte un référent pédagogique chargé de coordonner les intervenants (réunion au moins trimestrielle, comptes rendus dans le dossier de chaque pôle)."
        ),
    ]


RESOURCES_MD = """
# Centre de ressources et assistance aux apprenants

Les ressources pédagogiques de chaque formation sont disponibles sur la plateforme Moodle dès
l'ouverture des accès : cours, vidéos sous-titrées, fiches méthode, exercices corrigés, fiches
RNCP ou RS des certifications préparées, bibliothèque numérique (accès à 2 000 ouvrages).

## Appropriation des ressources

- Tutoriel vidéo de prise en main et module « Méthodologie du travail à distance » offert.
- Assistance technique (support@infad.example.org) et pédagogique (tuteur, réponse sous 48 h).
- Forums par formation, animés chaque semaine.
- Supports adaptés sur demande (gros caractères, transcriptions, formats compatibles lecteurs
  d'écran).

## Vérification du suivi effectif des modules à distance

Le suivi des modules réalisés à distance est vérifié chaque semaine à partir des rapports
d'achèvement d'activités et des relevés de connexion de la plateforme (exports Moodle déposés
par chaque pôle). Un apprenant sans activité achevée depuis 15 jours est contacté par son
tuteur (voir la procédure de prévention des abandons).

## Mise à jour des ressources

Chaque ressource est revue au moins une fois par an par le référent pédagogique de la
formation ; les évolutions des référentiels de certification sont suivies par la veille.
"""

TRAINERS: tuple[tuple[str, str, str, str, str, D | None], ...] = (
    # nom, prénom, rôle, pôle, statut, date du CV (None: no CV — a planted gap)
    (
        "Démo",
        "Claire",
        "Responsable pédagogique, formatrice paie",
        "pro",
        "Salariée",
        D(2026, 2, 10),
    ),
    ("Fictive", "Amandine", "Formatrice CAP Fleuriste", "pro", "Vacataire", D(2025, 11, 3)),
    ("Témoin", "Sophie", "Formatrice CAP AEPE", "pro", "Salariée", D(2026, 1, 15)),
    ("Prototype", "Karim", "Formateur bureautique", "pro", "Vacataire", D(2025, 9, 8)),
    (
        "Exemple",
        "Bruno",
        "Responsable pédagogique, formateur FLE et DAEFLE",
        "langues",
        "Salarié",
        D(2026, 3, 2),
    ),
    ("Spécimen", "Inès", "Formatrice anglais", "langues", "Vacataire", D(2025, 12, 1)),
    ("Essai", "Hugo", "Formateur espagnol", "langues", "Vacataire", None),
    (
        "Modèle",
        "Chloé",
        "Responsable pédagogique, formatrice français",
        "scolaire",
        "Salariée",
        D(2026, 1, 20),
    ),
    ("Maquette", "Paul", "Formateur mathématiques", "scolaire", "Salarié", D(2025, 10, 6)),
    (
        "Échantillon",
        "Rose",
        "Tutrice méthodologie et histoire (DAEU)",
        "scolaire",
        "Vacataire",
        D(2026, 4, 14),
    ),
    ("Exemple", "Nadia", "Référente handicap", "siege", "Salariée", D(2026, 5, 4)),
)
_ASCII = str.maketrans("éèêëàâîïôöûüçÉÈÊÀÂÎÔÛÇ", "eeeeaaiioouucEEEAAIOUC")


def cv_name(last: str, first: str) -> str:
    return f"CV-{first}-{last}.pdf".translate(_ASCII)


def trainers_register() -> list[list[Cell]]:
    rows: list[list[Cell]] = [
        ["Nom", "Prénom", "Rôle", "Pôle", "Statut", "Fichier CV", "Date du CV"]
    ]
    for last, first, role, unit, status, date in TRAINERS:
        if date is None:  # recruited in October 2026, CV not filed yet
            rows.append([last, first, role, unit, status, "", ""])
        else:
            rows.append([last, first, role, unit, status, f"cv/{cv_name(last, first)}", date])
    return rows


def cv_blocks(last: str, first: str, role: str) -> list[Block]:
    return [
        p(f"{first} {last} (personne fictive) — {role}"),
        p("Courriel professionnel : prenom.nom@infad.example.org"),
        h("Diplômes et qualifications"),
        ul(
            "Diplôme de niveau 6 ou 7 dans le domaine enseigné (fictif).",
            "Formation de formateur à distance (2022).",
        ),
        h("Expérience"),
        ul(
            "Depuis 2019 : formatrice ou formateur à l'INFAD.",
            "2012–2019 : exercice du métier dans le domaine enseigné.",
        ),
        h("Formation continue récente"),
        ul(
            "Accessibilité des contenus numériques (2025).",
            "Prévention des violences et du harcèlement en formation (2026).",
        ),
    ]


def recruitment() -> list[Block]:
    return procedure(
        (
            (
                "Compétences requises",
                "Pour chaque formation, le référent pédagogique définit les compétences attendues des intervenants (diplôme ou expérience dans le domaine, pratique de la formation à distance, connaissance du référentiel de certification le cas échéant).",
            ),
            (
                "Recrutement",
                "Sélection sur CV et entretien ; vérification des diplômes ; intégration : formation à la plateforme et au tutorat à distance, sensibilisation au handicap.",
            ),
            (
                "Évaluation",
                "Observation d'une classe virtuelle par an, résultats des enquêtes de satisfaction, entretien annuel ; le registre des intervenants et les CV sont mis à jour chaque année.",
            ),
        )
    )


def staff_plan() -> list[list[Cell]]:
    return [
        [
            "Action de formation ou de professionnalisation",
            "Personnels concernés",
            "Pôle",
            "Période",
            "Durée (h)",
            "Modalité",
            "État au 15/11/2026",
        ],
        [
            "Concevoir des ressources numériques accessibles",
            "Formateurs et tuteurs",
            "Tous",
            "T1 2026",
            14,
            "Classe virtuelle",
            "Réalisée",
        ],
        [
            "Prévention des violences et du harcèlement en formation",
            "Formateurs, tuteurs, conseillers",
            "Tous",
            "T2 2026",
            7,
            "E-learning",
            "Réalisée",
        ],
        [
            "Animer une classe virtuelle engageante",
            "Formateurs",
            "langues, scolaire",
            "T2 2026",
            7,
            "Classe virtuelle",
            "Réalisée",
        ],
        [
            "Réforme du CAP : nouveaux référentiels",
            "Formatrices CAP",
            "pro",
            "T3 2026",
            7,
            "Webinaire du certificateur",
            "Réalisée",
        ],
        [
            "Analyse des pratiques tutorales",
            "Tuteurs",
            "Tous",
            "2026, trimestriel",
            12,
            "Groupe d'analyse des pratiques",
            "En cours",
        ],
        [
            "Entretiens professionnels",
            "Tous les salariés",
            "Tous",
            "T4 2026",
            1,
            "Entretien",
            "En cours",
        ],
        [
            "Information CPF et VAE des salariés",
            "Tous les salariés",
            "Tous",
            "T4 2026",
            1,
            "Réunion d'information",
            "Planifiée",
        ],
    ]


LEGAL_WATCH_MD = """
# Veille légale et réglementaire — 2026

Sources suivies : Légifrance (code du travail, partie 6), travail-emploi.gouv.fr, Centre Inffo,
France compétences, Caisse des dépôts (Mon compte formation), lettres des OPCO. Revue mensuelle
par la direction qualité ; diffusion aux pôles par la lettre interne « Qualité info ».

| Date | Texte ou information | Impact pour l'INFAD | Exploitation (action) |
|---|---|---|---|
| 04/08/2026 | Décret n° 2026-728 : nouveau référentiel national qualité (33 indicateurs) au 1er novembre 2026 | Audit de renouvellement du 15/12/2026 sur le nouveau référentiel | Analyse d'écart, plan d'actions, mise à jour des fiches (type de reconnaissance, financements), protocole violences |
| 12/05/2026 | Évolution des règles du CPF (reste à charge) | Information des candidats sur le financement | Fiches et conditions générales mises à jour le 01/06/2026 |
| 20/03/2026 | Mise à jour du guide d'accessibilité des formations à distance | Supports et classes virtuelles | Formation des formateurs (plan 2026) |
| 15/10/2026 | Rappel des obligations du règlement intérieur (représentation des stagiaires) | Actions de plus de 500 heures | Article 5 du règlement intérieur révisé |

Dernière revue : 15/10/2026.
"""


def jobs_watch() -> list[Block]:
    return [
        p(
            "Sources : observatoires de branches (fleuristerie, petite enfance, services à la personne), France Travail (métiers en tension), France compétences, salons professionnels, réseau des entreprises d'accueil."
        ),
        table(
            ("Date", "Information", "Exploitation"),
            (
                "03/2026",
                "Tension de recrutement sur les métiers de la petite enfance (observatoire de branche)",
                "Deux entrées supplémentaires par an au CAP AEPE",
            ),
            (
                "05/2026",
                "Développement de la vente en ligne chez les fleuristes",
                "Ajout d'une séquence « vente à distance » au module Vente du CAP Fleuriste",
            ),
            (
                "06/2026",
                "Besoins en anglais professionnel dans la logistique",
                "Création de mises en situation logistiques dans l'anglais B2",
            ),
            (
                "09/2026",
                "Évolution des attendus du DAEFLE (interculturalité)",
                "Module Culture et interculturalité révisé",
            ),
        ),
        p(
            "Synthèse diffusée aux équipes lors des réunions pédagogiques de septembre et octobre 2026."
        ),
    ]


def pedagogical_watch() -> list[Block]:
    return [
        p(
            "Sources : réseaux de formation à distance, webinaires d'éditeurs de plateformes, publications sur la pédagogie numérique."
        ),
        table(
            ("Date", "Innovation", "Exploitation"),
            (
                "02/2025",
                "Classes virtuelles en petits groupes (salles de sous-groupes)",
                "Testé au pôle langues",
            ),
            (
                "05/2025",
                "Vidéos interactives avec questions intégrées",
                "Prototype en CAP Fleuriste",
            ),
            (
                "09/2025",
                "Outils de reconnaissance vocale pour la prononciation",
                "Étude d'opportunité en cours",
            ),
        ),
        p("Synthèse validée le 02/10/2025."),
    ]


def disability_policy() -> list[Block]:
    return [
        h("Référente handicap"),
        p(
            "Nadia Exemple (personne fictive), référente handicap de l'INFAD pour tous les pôles : handicap@infad.example.org, "
            + PHONE
            + ". Formée en 2024 (Ressource Handicap Formation), elle actualise ses connaissances chaque année."
        ),
        h("Accueil et adaptation"),
        p(
            "La question d'un éventuel besoin de compensation est posée à chaque candidat lors "
            "de l'analyse du besoin. En cas de besoin, la référente organise un entretien, "
            "décide avec le responsable pédagogique des adaptations (rythme, supports, temps "
            "majoré, aménagement d'épreuves) et les trace dans le dossier de l'apprenant ; si "
            "l'adaptation n'est pas possible, elle oriente vers une structure adaptée."
        ),
        h("Réseau de partenaires mobilisables"),
        ul(
            "Agefiph (aides et Ressource Handicap Formation).",
            "Cap emploi de la Vienne, du Rhône et d'Ille-et-Vilaine.",
            "MDPH des départements des sites.",
            "FIPHFP pour les agents publics.",
            "Associations spécialisées (déficience visuelle et auditive).",
        ),
        p(
            "Bilan 2025-2026 : 143 apprenants ont bénéficié d'un aménagement ; 2 réunions avec Cap emploi ; participation au club Ressource Handicap Formation régional."
        ),
    ]


def disability_network() -> list[list[str]]:
    return [
        ["Partenaire", "Type", "Territoire", "Contact (fictif)", "Dernier échange"],
        [
            "Agefiph — Ressource Handicap Formation",
            "Expertise, financement d'aides",
            "National",
            "rhf@agefiph.example.org",
            "12/09/2026",
        ],
        [
            "Cap emploi 86",
            "Accompagnement vers l'emploi",
            "Vienne",
            "contact@capemploi86.example.org",
            "03/10/2026",
        ],
        [
            "Cap emploi 69",
            "Accompagnement vers l'emploi",
            "Rhône",
            "contact@capemploi69.example.org",
            "18/06/2026",
        ],
        [
            "Cap emploi 35",
            "Accompagnement vers l'emploi",
            "Ille-et-Vilaine",
            "contact@capemploi35.example.org",
            "22/05/2026",
        ],
        ["MDPH 86", "Droits, compensation", "Vienne", "accueil@mdph86.example.org", "07/04/2026"],
        ["FIPHFP", "Agents publics", "National", "contact@fiphfp.example.org", "15/01/2026"],
        [
            "Association fictive déficience visuelle",
            "Transcription, adaptation de supports",
            "National",
            "contact@dv.example.org",
            "30/09/2026",
        ],
    ]


def partner_network() -> list[list[Cell]]:
    return [
        ["Partenaire", "Type", "Pôle", "Objet du partenariat", "Convention", "Dernière réunion"],
        [
            "Chambre de métiers fictive de la Vienne",
            "Chambre consulaire",
            "pro",
            "Co-construction du CAP Fleuriste, accueil en PFMP",
            "Convention cadre 2025-2027",
            D(2026, 9, 18),
        ],
        [
            "Fédération fictive des crèches associatives",
            "Réseau d'employeurs",
            "pro",
            "Accueil des PFMP du CAP AEPE, avis sur le programme",
            "Convention 2026",
            D(2026, 6, 5),
        ],
        [
            "France Travail — agences de Poitiers, Lyon, Rennes",
            "Service public de l'emploi",
            "Tous",
            "Orientation, financements AIF",
            "Convention régionale",
            D(2026, 10, 2),
        ],
        [
            "Réseau fictif des centres de langues",
            "Organismes d'accueil de stage",
            "langues",
            "Stages pratiques du DAEFLE",
            "Conventions de stage",
            D(2026, 9, 25),
        ],
    ]


def learners_survey() -> list[list[Cell]]:
    rows: list[list[Cell]] = [
        [
            "Formation",
            "Pôle",
            "Répondants",
            "Taux de réponse",
            "Satisfaction globale",
            "Qualité des supports",
            "Disponibilité des tuteurs",
            "Recommanderait la formation",
        ]
    ]
    data = {
        "cap-fleuriste": (38, "46 %", "92 %"), "cap-aepe": (52, "49 %", "90 %"),
        "comptabilite-paie": (44, "51 %", "93 %"), "bureautique": (160, "47 %", "90 %"),
        "daefle": (61, "55 %", "94 %"), "anglais-pro": (210, "52 %", "93 %"),
        "espagnol-a2": (96, "50 %", "91 %"), "fle-b1": (88, "54 %", "92 %"),
        "remise-niveau-maths": (140, "40 %", "88 %"), "preparation-daeu": (230, "43 %", "87 %"),
        "francais-ecrit": (75, "39 %", "91 %"), "methodologie": (410, "42 %", "90 %"),
    }  # fmt: skip
    for offer in OFFERS:
        count, rate, satisfied = data[offer.id]
        rows.append([offer.title, offer.unit, count, rate, satisfied, "89 %", "86 %", "88 %"])
    return rows


def survey_blocks(
    who: str, how: str, results: Sequence[tuple[str, str]], actions: Sequence[str]
) -> list[Block]:
    return [
        p(who),
        h("Recueil"),
        p(how),
        h("Résultats"),
        table(("Question", "Résultat"), *results),
        h("Analyse et suites données"),
        ul(*actions),
    ]


COMPLAINTS_PROCEDURE = procedure(
    (
        (
            "Objet",
            "Traiter les difficultés rencontrées par les parties prenantes, les réclamations exprimées par elles ainsi que les aléas survenus en cours de formation.",
        ),
        (
            "Recueil",
            "Une réclamation est une insatisfaction exprimée par écrit : formulaire « Réclamation » du site (enregistré automatiquement dans le CRM), courriel à reclamations@infad.example.org, courrier. Une réclamation orale est invitée à être confirmée par écrit ; le conseiller la saisit dans le CRM.",
        ),
        (
            "Délais",
            "Accusé de réception sous 5 jours ouvrés ; réponse écrite sur le fond dans un délai de 30 jours calendaires au plus à compter de la réception. Le CRM alerte le correspondant qualité du pôle à J+20 sans réponse.",
        ),
        (
            "Traitement",
            "Le correspondant qualité du pôle analyse la réclamation, apporte une réponse écrite et, si besoin, propose une action corrective, tracée dans le CRM et reportée au plan d'amélioration continue.",
        ),
        (
            "Aléas",
            "Les aléas (indisponibilité de la plateforme, absence d'un formateur) sont traités par le responsable pédagogique : solution de remplacement et information des apprenants sous 24 h.",
        ),
        (
            "Suivi",
            "Chaque pôle exporte chaque mois son registre des réclamations depuis le CRM ; la direction qualité analyse les délais et les causes chaque trimestre.",
        ),
    )
)


def improvement_plan() -> list[list[Cell]]:
    return [
        [
            "N°",
            "Date",
            "Source",
            "Constat",
            "Action d'amélioration",
            "Pilote",
            "Échéance",
            "État",
            "Efficacité mesurée",
        ],
        [
            1,
            D(2025, 6, 20),
            "Audit de surveillance (NC mineure, indicateur 31)",
            "Délais de réponse aux réclamations non respectés (2 réponses au-delà de 30 jours)",
            "Alerte automatique du CRM à J+20 ; tableau de bord mensuel des délais par pôle",
            "Direction qualité",
            D(2025, 9, 30),
            "Réalisée (pro, scolaire 09/2025 ; langues 09/2026)",
            "Pôle langues : une réponse en 41 jours (réclamation du 03/06/2026) avant le déploiement ; suivi renforcé",
        ],
        [
            2,
            D(2025, 11, 15),
            "Enquête de satisfaction apprenants",
            "Délais de correction des devoirs jugés longs (CAP)",
            "Objectif de correction sous 7 jours, suivi hebdomadaire",
            "Correspondante qualité pro",
            D(2026, 1, 31),
            "Réalisée",
            "Délai moyen passé de 11 à 6 jours",
        ],
        [
            3,
            D(2026, 3, 10),
            "Réclamation (pôle pro)",
            "Devoir corrigé tardivement",
            "Rappel aux formateurs vacataires, indicateur dans le tableau de bord",
            "Correspondante qualité pro",
            D(2026, 4, 30),
            "Réalisée",
            "Aucune réclamation similaire depuis",
        ],
        [
            4,
            D(2026, 2, 20),
            "Réclamation (pôle langues)",
            "Classe virtuelle annulée sans prévenir",
            "Alerte SMS des apprenants en cas d'annulation",
            "Correspondant qualité langues",
            D(2026, 3, 31),
            "Réalisée",
            "À mesurer à l'enquête 2027",
        ],
        [
            5,
            D(2026, 5, 12),
            "Analyse des abandons (pôle scolaire)",
            "Abandons en début de DAEU",
            "Module « Méthodologie du travail à distance » offert aux inscrits",
            "Correspondante qualité scolaire",
            D(2026, 9, 1),
            "Réalisée",
            "Abandons à 3 mois : 18 % → 13 %",
        ],
        [
            6,
            D(2026, 8, 20),
            "Veille légale (décret n° 2026-728)",
            "Nouveau référentiel au 1er novembre 2026",
            "Analyse d'écart, protocole violences, mise à jour des fiches",
            "Direction qualité",
            D(2026, 10, 31),
            "Réalisée",
            "Revue de direction du 14/10/2026",
        ],
        [
            7,
            D(2026, 10, 14),
            "Analyse des risques qualité",
            "Risque de dépendance à des vacataires sans CV à jour",
            "Relance annuelle des CV, contrôle à l'entrée",
            "Direction qualité",
            D(2026, 12, 31),
            "En cours",
            "—",
        ],
    ]


def risk_analysis() -> list[Block]:
    return [
        p(
            "Analyse des risques sur la qualité des formations délivrées (indicateur 32, décret n° 2026-728). Méthode : cotation probabilité × gravité (1 à 4), revue annuelle en revue de direction et à chaque événement significatif."
        ),
        table(
            ("Risque", "P", "G", "Criticité", "Mesures de maîtrise", "Pilote"),
            (
                "Indisponibilité de la plateforme",
                "2",
                "4",
                "8",
                "Hébergement redondant, procédure d'aléa, communication sous 24 h",
                "Service informatique",
            ),
            (
                "Décrochage des apprenants à distance",
                "3",
                "3",
                "9",
                "Alertes d'inactivité, tutorat, procédure de prévention des abandons",
                "Responsables pédagogiques",
            ),
            (
                "Intervenant sans qualification vérifiée",
                "2",
                "3",
                "6",
                "Contrôle des CV à l'entrée, registre des intervenants",
                "Direction qualité",
            ),
            (
                "Réponse tardive aux réclamations",
                "2",
                "3",
                "6",
                "Alerte CRM à J+20, tableau de bord mensuel",
                "Correspondants qualité",
            ),
            (
                "Violences, harcèlement, discriminations",
                "1",
                "4",
                "4",
                "Protocole de prévention et de traitement, signalement dédié",
                "Direction qualité",
            ),
            (
                "Évolution d'un référentiel de certification",
                "2",
                "3",
                "6",
                "Veille France compétences, revue annuelle des programmes",
                "Responsables pédagogiques",
            ),
        ),
        p("Analyse validée en revue de direction le 14/10/2026."),
    ]


def management_review() -> list[Block]:
    return [
        p(
            "Participants : direction générale, direction qualité, correspondants qualité des trois pôles, référente handicap."
        ),
        h("Éléments analysés"),
        ul(
            "Résultats des enquêtes de satisfaction 2025-2026 (apprenants, financeurs, équipes, entreprises).",
            "Réclamations de l'année : 11 reçues, délai moyen de réponse 9 jours, une réponse au-delà de 30 jours (pôle langues).",
            "Indicateurs de résultats et abandons.",
            "Analyse des risques et plan d'amélioration continue.",
            "Préparation de l'audit de renouvellement du 15/12/2026 (nouveau référentiel).",
        ),
        h("Décisions"),
        ul(
            "Extension de l'alerte CRM au pôle langues (faite).",
            "Relance des CV des vacataires avant le 30/11/2026.",
            "Actualisation de la veille pédagogique avant l'audit.",
        ),
    ]


def certificate() -> list[Block]:
    return [
        p(
            "Certificat Qualiopi n° FICTIF-2024-0042 délivré à l'INFAD par un organisme certificateur fictif, au titre de la catégorie : actions de formation."
        ),
        p("Date de délivrance : 20/01/2024. Valable jusqu'au 19/01/2027."),
        p(
            "La certification qualité a été délivrée au titre de la catégorie d'action suivante : actions de formation."
        ),
    ]


def web_capture() -> list[Block]:
    return [
        p(
            "Capture de la page https://www.infad.example.org/qualite réalisée le 02/11/2026 (page publique, accessible depuis le pied de page de toutes les pages du site)."
        ),
        h("Texte de la page"),
        p(
            "L'INFAD est certifié Qualiopi. La certification qualité a été délivrée au titre de la catégorie d'action suivante : actions de formation. Certificat n° FICTIF-2024-0042, valable jusqu'au 19/01/2027. [logo Qualiopi et marque de certification affichés]"
        ),
        p(
            "Nos résultats, nos formations et notre politique d'accessibilité sont publiés sur les pages correspondantes du site."
        ),
    ]


DISPLAY_MD = """
# Affichage du certificat Qualiopi dans les locaux

Le certificat Qualiopi de l'INFAD (n° FICTIF-2024-0042, valable jusqu'au 19/01/2027) est
affiché à l'accueil des trois sites : Poitiers (siège et pôle pro), Lyon (pôle langues) et
Rennes (pôle scolaire). Vérification faite par la direction qualité le 02/11/2026.
"""


# --- Business units ------------------------------------------------------------------------------


def follow_up_table(unit: str) -> list[list[Cell]]:
    rows: list[list[Cell]] = [
        [
            "Apprenant (pseudonyme)",
            "Formation",
            "Progression",
            "Dernière connexion",
            "Alerte",
            "Action du tuteur",
            "Date de l'action",
        ]
    ]
    offers = [o for o in OFFERS if o.unit == unit]
    for index in range(12):
        offer = offers[index % len(offers)]
        progress = (index * 17 + 23) % 100
        last = D(2026, 11, 2) + dt.timedelta(days=(index * 5) % 23)
        alert = "Inactivité > 15 jours" if last < D(2026, 11, 8) else ""
        action = "Appel de remobilisation, planning ajusté" if alert else "Message d'encouragement"
        rows.append(
            [
                f"A-{unit[:3].upper()}-{index + 101}",
                offer.title,
                f"{progress} %",
                last,
                alert,
                action,
                last + dt.timedelta(days=3),
            ]
        )
    return rows


def evaluations_table(unit: str) -> list[list[Cell]]:
    rows: list[list[Cell]] = [
        [
            "Formation",
            "Évaluation",
            "Apprenants évalués",
            "Objectifs atteints",
            "Objectifs partiellement atteints",
            "Période",
        ]
    ]
    for offer in OFFERS:
        if offer.unit == unit:
            rows.append(
                [
                    offer.title,
                    "Évaluation finale (sommative) sur les objectifs de la fiche programme",
                    40,
                    "82 %",
                    "15 %",
                    "2025-2026",
                ]
            )
    return rows


def meeting(title: str, when: str, items: Sequence[tuple[str, str]]) -> list[Block]:
    blocks: list[Block] = [
        p(
            f"Réunion du {when}. Participants : responsable pédagogique, formateurs et tuteurs du pôle, service administratif, correspondant qualité."
        )
    ]
    for heading, text in items:
        blocks += [h(heading), p(text)]
    return blocks


def pfmp_partners() -> list[list[Cell]]:
    return [
        [
            "Entreprise ou structure d'accueil (fictive)",
            "Formation",
            "Ville",
            "Tuteur (fonction)",
            "Apprenants accueillis 2025-2026",
            "Dernier contact",
        ],
        ["Fleurs de l'Exemple", "CAP Fleuriste", "Poitiers", "Gérante", 3, D(2026, 10, 8)],
        ["L'Atelier fictif", "CAP Fleuriste", "Niort", "Fleuriste responsable", 2, D(2026, 9, 14)],
        [
            "Crèche associative Les Petits Modèles",
            "CAP AEPE",
            "Poitiers",
            "Directrice",
            4,
            D(2026, 10, 1),
        ],
        [
            "Multi-accueil municipal fictif",
            "CAP AEPE",
            "Châtellerault",
            "Éducatrice de jeunes enfants",
            3,
            D(2026, 9, 22),
        ],
        [
            "École maternelle fictive Jean-Exemple",
            "CAP AEPE",
            "Poitiers",
            "Directrice d'école",
            2,
            D(2026, 6, 12),
        ],
    ]


def pfmp_agreement() -> list[Block]:
    return [
        p(
            "Convention tripartite entre l'INFAD, l'entreprise ou la structure d'accueil et l'apprenant, pour les périodes de formation en milieu professionnel des CAP."
        ),
        h("Objectifs et activités confiées"),
        p(
            "Les activités confiées sont définies avec le tuteur à partir du référentiel du CAP ; une grille d'évaluation de la PFMP est remplie par le tuteur à la fin de chaque période."
        ),
        h("Suivi"),
        p(
            "La formatrice référente contacte le tuteur au début et à la fin de chaque période ; un bilan est tracé dans le dossier de l'apprenant. Le tuteur dispose des coordonnées de l'INFAD pour signaler toute difficulté, y compris toute situation de violence ou de discrimination."
        ),
    ]


def internship_partners() -> list[list[Cell]]:
    return [
        [
            "Structure d'accueil de stage (fictive)",
            "Ville",
            "Public accueilli",
            "Stagiaires DAEFLE 2025-2026",
            "Convention signée le",
        ],
        ["Centre de langues fictif de Lyon", "Lyon", "Adultes migrants", 6, D(2025, 9, 10)],
        [
            "Association d'alphabétisation Exemple",
            "Villeurbanne",
            "Adultes en insertion",
            4,
            D(2025, 10, 3),
        ],
        ["Alliance fictive de Valence", "Valence (Espagne)", "Étudiants", 3, D(2026, 1, 15)],
    ]


# --- Exports read by the example plugins --------------------------------------------------------

CRM_HEADER = [
    "N° ticket",
    "Reçue le",
    "Objet",
    "Canal",
    "Répondu le",
    "Statut",
    "Action corrective",
    "Pôle",
]
COMPLAINTS: dict[str, list[tuple[str, str, str, str, str, str]]] = {
    # received, subject, channel, answered (empty: not yet), status, corrective action
    "pro": [
        (
            "12/01/2026",
            "Accès à la plateforme reçu 9 jours après l'inscription",
            "Formulaire web",
            "15/01/2026",
            "Clôturée",
            "Envoi automatique des accès à J+2",
        ),
        (
            "03/03/2026",
            "Devoir corrigé tardivement (CAP Fleuriste)",
            "Courriel",
            "10/03/2026",
            "Clôturée",
            "Rappel aux formateurs, suivi hebdomadaire des corrections",
        ),
        (
            "22/05/2026",
            "Calendrier des PFMP reçu tardivement (CAP AEPE)",
            "Formulaire web",
            "04/06/2026",
            "Clôturée",
            "Calendrier des PFMP remis à l'entrée",
        ),
        (
            "09/09/2026",
            "Erreur de montant sur la facture",
            "Téléphone puis courriel",
            "16/09/2026",
            "Clôturée",
            "Contrôle croisé des factures CPF",
        ),
    ],
    "langues": [
        (
            "18/02/2026",
            "Classe virtuelle d'anglais annulée sans prévenir",
            "Formulaire web",
            "20/02/2026",
            "Clôturée",
            "Alerte SMS en cas d'annulation",
        ),
        (
            "03/06/2026",
            "Pas de réponse du tuteur pendant trois semaines (DAEFLE)",
            "Courriel",
            "14/07/2026",
            "Clôturée",
            "Remplacement des tuteurs pendant leurs congés",
        ),
        (
            "14/10/2026",
            "Lien de l'évaluation finale inaccessible (espagnol A2)",
            "Formulaire web",
            "17/10/2026",
            "Clôturée",
            "Test des liens avant ouverture des évaluations",
        ),
        (
            "18/11/2026",
            "Demande de report de l'épreuve finale du DAEFLE",
            "Courriel",
            "",
            "En cours",
            "",
        ),
    ],
    "scolaire": [
        (
            "06/01/2026",
            "Note d'examen blanc contestée (DAEU)",
            "Courriel",
            "13/01/2026",
            "Clôturée",
            "Double correction des examens blancs contestés",
        ),
        (
            "27/04/2026",
            "Connexion impossible à la classe virtuelle",
            "Formulaire web",
            "28/04/2026",
            "Clôturée",
            "Tutoriel de connexion mis à jour",
        ),
        (
            "05/10/2026",
            "Remboursement demandé après abandon",
            "Courrier",
            "26/10/2026",
            "Clôturée",
            "Conditions d'annulation rappelées dans le contrat",
        ),
    ],
}


def crm_export(unit: str) -> list[list[str]]:
    rows = [CRM_HEADER]
    for index, (received, subject, channel, answered, status, action) in enumerate(
        COMPLAINTS[unit]
    ):
        rows.append(
            [
                f"RCL-{unit[:3].upper()}-26{index + 1:03}",
                received,
                subject,
                channel,
                answered,
                status,
                action,
                UNITS[unit][0],
            ]
        )
    return rows


LEARNERS = (
    ("Léa", "Fictive"), ("Marc", "Exemple"), ("Yasmine", "Démo"), ("Tom", "Modèle"),
    ("Aïcha", "Témoin"), ("Julien", "Essai"), ("Sarah", "Maquette"), ("Noé", "Prototype"),
    ("Emma", "Spécimen"), ("Lucas", "Échantillon"),
)  # fmt: skip


def _email(first: str, last: str) -> str:
    return f"{first}.{last}@example.org".lower().translate(_ASCII).replace("ï", "i")


def moodle_completion(activities: Sequence[str], start: D) -> list[list[str]]:
    """The activity completion report's download (report/progress), as Moodle writes it."""
    header = ["", "Adresse de courriel"]
    for activity in activities:
        header += [activity, ""]
    rows = [header]
    for index, (first, last) in enumerate(LEARNERS):
        done = len(activities) - (index * 3) % (len(activities) + 1)
        row = [f"{first} {last}", _email(first, last)]
        for number in range(len(activities)):
            if number < done:
                day = start + dt.timedelta(days=7 * number + index)
                row += ["Achevé", f"{day.isoformat()} 10:{(index * 7) % 60:02}:00"]
            else:
                row += ["Non achevé", ""]
        rows.append(row)
    return rows


def moodle_attendance(sessions: Sequence[D]) -> list[list[str]]:
    """The Attendance activity's export (mod_attendance), as Moodle writes it."""
    header = ["Nom", "Prénom", "Adresse de courriel"]
    header += [f"{day:%d.%m.%Y} 18.00 Tous les étudiants" for day in sessions]
    header += ["P", "R", "E", "A", "Sessions prises", "Points", "Pourcentage"]
    rows = [header]
    for index, (first, last) in enumerate(LEARNERS):
        statuses = [
            "A" if (index + n) % 9 == 0 else "R" if (index + n) % 7 == 0 else "P"
            for n in range(len(sessions))
        ]
        count = {s: statuses.count(s) for s in "PREA"}
        points = 2 * count["P"] + count["R"]
        percent = round(100 * points / (2 * len(sessions)))
        rows.append(
            [
                last,
                first,
                _email(first, last),
                *statuses,
                *(str(count[s]) for s in "PREA"),
                str(len(sessions)),
                f"{points} / {2 * len(sessions)}",
                str(percent),
            ]
        )
    return rows


# --- Exports of the registration application, the SIRH, the certifiers and the reporting device -

#: Fictional first and last names of the learners and candidates named in the exports.
FIRST_NAMES = (
    "Alice", "Bastien", "Céline", "David", "Élise", "Fabien", "Gaëlle", "Hervé", "Iris", "Jonas",
    "Katia", "Loïc", "Manon", "Nathan", "Océane", "Pierre", "Rania", "Samuel", "Typhaine", "Victor",
)  # fmt: skip
LAST_NAMES = (
    "Fictif", "Exemplaire", "Démo", "Modèle", "Témoin", "Essai", "Maquette", "Prototype",
    "Spécimen", "Échantillon", "Brouillon", "Ébauche", "Esquisse", "Canevas",
)  # fmt: skip


def _person(index: int) -> tuple[str, str]:
    """The ``index``-th fictional person (first name, last name), the same on every run."""
    first = FIRST_NAMES[index % len(FIRST_NAMES)]
    return first, LAST_NAMES[(3 * index + index // len(FIRST_NAMES)) % len(LAST_NAMES)]


def _fr(day: D | None) -> str:
    return f"{day:%d/%m/%Y}" if day else ""


#: Registrations of the pro unit's offerings: (offering title, entry, status); each applicant's
#: other dates follow from the entry (application 30 days before, needs interview 21 days
#: before, positioning 14 days before, notice to attend 7 days before).
REGISTRATIONS: tuple[tuple[str, D | None, str], ...] = (
    ("CAP Fleuriste", D(2026, 1, 12), "En formation"),
    ("CAP Fleuriste", D(2026, 3, 2), "En formation"),
    ("CAP Fleuriste", D(2026, 5, 4), "En formation"),
    ("CAP Fleuriste", D(2026, 9, 7), "En formation"),
    ("CAP Fleuriste", D(2026, 12, 7), "Inscrit"),
    ("CAP Accompagnant éducatif petite enfance", D(2026, 1, 19), "En formation"),
    ("CAP Accompagnant éducatif petite enfance", D(2026, 4, 13), "Abandon"),
    ("CAP Accompagnant éducatif petite enfance", D(2026, 6, 1), "En formation"),
    ("CAP Accompagnant éducatif petite enfance", D(2026, 9, 14), "En formation"),
    ("CAP Accompagnant éducatif petite enfance", None, "Dossier incomplet"),
    ("Gestion de la paie", D(2026, 2, 2), "Terminé"),
    ("Gestion de la paie", D(2026, 3, 9), "Terminé"),
    ("Gestion de la paie", D(2026, 6, 8), "Terminé"),
    ("Gestion de la paie", D(2026, 9, 21), "Terminé"),
    ("Gestion de la paie", D(2026, 10, 5), "En formation"),
    ("Bureautique professionnelle", D(2026, 1, 26), "Terminé"),
    ("Bureautique professionnelle", D(2026, 4, 6), "Terminé"),
    ("Bureautique professionnelle", D(2026, 6, 15), "Terminé"),
    ("Bureautique professionnelle", D(2026, 10, 12), "Terminé"),
    ("Bureautique professionnelle", D(2026, 11, 16), "En formation"),
)
#: The planted point de vigilance: this applicant (the 4th of « Gestion de la paie ») took the
#: positioning test three days after entering.
LATE_POSITIONING = 13
FUNDERS = ("CPF", "France Travail", "Employeur (OPCO)", "Personnel", "Région")


def registrations_export() -> list[list[str]]:
    """The pro unit's registration application export (« logiciel d'inscription »)."""
    rows = [
        [
            "N° dossier",
            "Nom",
            "Prénom",
            "Formation",
            "Date de candidature",
            "Entretien de besoin",
            "Positionnement",
            "Date de convocation",
            "Date d'entrée en formation",
            "Financement",
            "Statut",
        ]
    ]
    for index, (title, entry, status) in enumerate(REGISTRATIONS):
        first, last = _person(index)
        if entry is None:  # applied, file not complete: no interview, no test, no entry yet
            applied, steps = D(2026, 11, 9), [D(2026, 11, 16), None, None, None]
        else:
            applied = entry - dt.timedelta(days=30)
            positioning = entry - dt.timedelta(days=14)
            if index == LATE_POSITIONING:
                positioning = entry + dt.timedelta(days=3)
            steps = [
                entry - dt.timedelta(days=21),
                positioning,
                entry - dt.timedelta(days=7),
                entry,
            ]
        rows.append(
            [
                f"INS-PRO-26{index + 1:03}",
                last.upper(),
                first,
                title,
                _fr(applied),
                *(_fr(day) for day in steps),
                FUNDERS[index % len(FUNDERS)],
                status,
            ]
        )
    return rows


#: The candidates registered with each certifier for the 2026 session, as published on each
#: offering's sheet (indicator 3): (admitted, adjourned, absent), then the session date and
#: the certifier's registration deadline.
CANDIDATES: dict[str, tuple[tuple[int, int, int], D, D]] = {
    "CAP Fleuriste": ((34, 10, 4), D(2026, 6, 11), D(2025, 12, 5)),
    "CAP Accompagnant éducatif petite enfance": ((50, 11, 8), D(2026, 6, 11), D(2025, 12, 5)),
    "DAEFLE": ((94, 18, 8), D(2026, 5, 20), D(2026, 3, 21)),
}
#: Registered for the 2027 session, still open (no result yet).
CANDIDATES_2027: dict[str, tuple[int, D, D]] = {
    "CAP Fleuriste": (3, D(2027, 6, 10), D(2026, 12, 4)),
    "CAP Accompagnant éducatif petite enfance": (4, D(2027, 6, 10), D(2026, 12, 4)),
}
CAP_CODES = {"CAP Fleuriste": "RNCP99001", "CAP Accompagnant éducatif petite enfance": "RNCP99002"}


def _registered_on(index: int, deadline: D) -> D:
    """A registration date between 70 and 5 days before the deadline."""
    return deadline - dt.timedelta(days=5 + (index * 13) % 66)


def cap_candidates() -> list[list[str]]:
    """The rectorat's exam platform export of the pro unit's CAP candidates."""
    rows = [
        [
            "N° candidat",
            "Nom",
            "Prénom",
            "Code RNCP",
            "Diplôme préparé",
            "Session",
            "Date d'inscription",
            "Date limite d'inscription",
            "Résultat",
        ]
    ]
    number = 0
    for title, code in CAP_CODES.items():
        (admitted, adjourned, absent), session, deadline = CANDIDATES[title]
        results = ["Admis"] * admitted + ["Ajourné"] * adjourned + ["Absent"] * absent
        for result in results:
            first, last = _person(number + 3)
            number += 1
            registered = _registered_on(number, deadline)
            rows.append(
                [
                    f"026{number:05}",
                    last.upper(),
                    first,
                    code,
                    title,
                    _fr(session),
                    _fr(registered),
                    _fr(deadline),
                    result,
                ]
            )
        count, session, deadline = CANDIDATES_2027[title]
        for _ in range(count):
            first, last = _person(number + 3)
            number += 1
            rows.append(
                [
                    f"027{number:05}",
                    last.upper(),
                    first,
                    code,
                    title,
                    _fr(session),
                    _fr(D(2026, 11, 2) + dt.timedelta(days=number % 15)),
                    _fr(deadline),
                    "",
                ]
            )
    return rows


def daefle_candidates() -> list[list[str]]:
    """The DAEFLE certifier's extranet export of the candidates the INFAD registered."""
    rows = [["Candidat", "Formation", "Code RS", "Date d'examen", "Inscrit le", "Décision du jury"]]
    (admitted, adjourned, absent), session, deadline = CANDIDATES["DAEFLE"]
    results = ["Admis"] * admitted + ["Ajourné"] * adjourned + ["Absent"] * absent
    for index, result in enumerate(results):
        first, last = _person(index + 11)
        rows.append(
            [
                f"{first} {last}",
                "DAEFLE",
                "RS9901",
                _fr(session),
                _fr(_registered_on(index, deadline)),
                result,
            ]
        )
    return rows


#: The SIRH's staff other than trainers: (last, first, job, service, unit, qualifications).
STAFF: tuple[tuple[str, str, str, str, str], ...] = (
    ("Fictif", "Martine", "Directrice", "Direction", "Master management public"),
    ("Témoin", "Olivier", "Responsable qualité", "Direction qualité", "Master qualité"),
    ("Maquette", "Sandrine", "Conseillère formation", "Pôle formation professionnelle", "BTS NDRC"),
    ("Esquisse", "Lucie", "Conseillère formation", "Pôle langues", "Licence LEA"),
    ("Brouillon", "Thierry", "Assistant administratif", "Pôle programmes scolaires", "BTS SAM"),
    ("Canevas", "Julie", "Gestionnaire des examens", "Direction des études", "Licence AES"),
)
TRAINER_QUALIFICATIONS = {
    "pro": "Diplôme de niveau 6 dans le domaine enseigné ; formation de formateur à distance",
    "langues": "Master FLE ; formation de formateur à distance",
    "scolaire": "Master d'enseignement ; formation de formateur à distance",
    "siege": "Master sciences de l'éducation ; formation référent handicap (Agefiph)",
}


def _salaried() -> list[tuple[str, str, str, str, D]]:
    """The trainers of the register who are INFAD employees (vacataires are paid outside the
    SIRH and stay in the hand-kept register only)."""
    return [
        (last, first, role, unit, date)
        for last, first, role, unit, status, date in TRAINERS
        if status.startswith("Salarié") and date is not None
    ]


def sirh_staff() -> list[list[str]]:
    """The SIRH's staff export (Windows-1252, as the HR software writes it)."""
    rows = [
        [
            "Matricule",
            "Nom",
            "Prénom",
            "Emploi",
            "Service",
            "Formateur (oui/non)",
            "Diplômes / Qualifications",
            "CV",
            "Date de mise à jour",
            "Entretien professionnel",
        ]
    ]
    people = [
        (last, first, role, UNITS[unit][0] if unit in UNITS else "Direction", "Oui",
         TRAINER_QUALIFICATIONS[unit], date)
        for last, first, role, unit, date in _salaried()
    ] + [
        (last, first, job, service, "Non", qualification, None)
        for last, first, job, service, qualification in STAFF
    ]  # fmt: skip
    for index, (last, first, job, service, trainer, qualification, cv) in enumerate(people):
        interview = D(2026, 10, 5) + dt.timedelta(days=3 * index) if index % 4 else D(2025, 11, 17)
        rows.append(
            [
                f"M{2014 + index:05}",
                last.upper(),
                first,
                job,
                service,
                trainer,
                qualification,
                _fr(cv),
                _fr(D(2026, 11, 2) + dt.timedelta(days=index % 5)),
                _fr(interview),
            ]
        )
    return rows


#: The staff development plan's actions as the SIRH records them per employee: (title, date,
#: status, who: "formateurs" or "tous").
SIRH_TRAININGS: tuple[tuple[str, D, str, str], ...] = (
    ("Concevoir des ressources numériques accessibles", D(2026, 3, 12), "Réalisée", "formateurs"),
    ("Prévention des violences et du harcèlement en formation", D(2026, 5, 19), "Réalisée", "tous"),
    ("Information CPF et VAE des salariés", D(2026, 12, 10), "Planifiée", "tous"),
)


def sirh_trainings() -> list[list[str]]:
    """The SIRH's trainings export (UTF-8 with BOM): one row per employee and action."""
    rows = [["Matricule", "Salarié", "Intitulé de l'action", "Date de début", "Statut"]]
    staff = sirh_staff()[1:]
    for title, day, status, who in SIRH_TRAININGS:
        for person in staff:
            if who == "formateurs" and person[5] != "Oui":
                continue
            rows.append([person[0], f"{person[2]} {person[1].title()}", title, _fr(day), status])
    return rows


#: The reporting device's anonymised log (opened in September 2025): reference, received,
#: category, acknowledged, handled, closed, status. Each is acknowledged within 48 h and handled
#: within the 7 days the protocol sets.
REPORTS: tuple[tuple[str, D, str, D | None, D | None, D | None, str], ...] = (
    ("SIG-2025-01", D(2025, 10, 14), "Propos sexistes (forum)", D(2025, 10, 14), D(2025, 10, 16), D(2025, 11, 4), "Clos"),
    ("SIG-2025-02", D(2025, 12, 3), "Harcèlement moral", D(2025, 12, 4), D(2025, 12, 8), D(2026, 1, 23), "Clos"),
    ("SIG-2026-01", D(2026, 2, 17), "Discrimination", D(2026, 2, 18), D(2026, 2, 20), D(2026, 3, 13), "Clos"),
    ("SIG-2026-02", D(2026, 5, 26), "Violence verbale (classe virtuelle)", D(2026, 5, 26), D(2026, 5, 27), D(2026, 6, 10), "Clos"),
    ("SIG-2026-03", D(2026, 9, 29), "Harcèlement sexuel (PFMP)", D(2026, 9, 29), D(2026, 9, 30), D(2026, 10, 28), "Clos"),
    ("SIG-2026-04", D(2026, 11, 16), "Harcèlement moral", D(2026, 11, 17), D(2026, 11, 19), None, "En cours"),
)  # fmt: skip


def reports_log() -> list[list[str]]:
    rows = [
        ["N°", "Reçu le", "Nature", "Accusé de réception", "Pris en charge", "Clôture", "Statut"]
    ]
    for reference, received, nature, acknowledged, handled, closed, status in REPORTS:
        rows.append(
            [reference, _fr(received), nature, _fr(acknowledged), _fr(handled), _fr(closed), status]
        )
    return rows


# --- The tree -------------------------------------------------------------------------------------

PRO_MANIFEST = """\
# Pôle formation professionnelle : rattachement des preuves aux indicateurs (manifeste rnq).
# Chaque prestation a son dossier (cap-fleuriste/, cap-aepe/…) : rnq y rattache ses fichiers.
# Les autres fichiers sont rattachés d'après les mots de leur nom (analyse du besoin, suivi…).
- path: "*/fiche-programme-*.pdf"
  kind: programme
  indicators: [1, 5, 6]
- path: "*/resultats-et-debouches-*.pdf"
  kind: certification
  indicators: [3]
- path: "*/correspondance-referentiel-*.xlsx"
  kind: certification
  indicators: [7]
- path: "*/presentation-a-l-examen-*.pdf"
  kind: certification
  indicators: [16]
- path: "suivi/releves-de-connexion-*.csv"
  kind: emargement
  indicators: [12, 19]
  note: "Export mensuel de la plateforme : suivi effectif des modules à distance."
"""


def _offer_files(o: Offer) -> dict[str, bytes]:
    """The documents of one offering, in the style of its unit."""
    base = f"{o.unit}/{o.id}"
    title = f"{o.title} — fiche programme"
    when = o.updated
    files: dict[str, bytes] = {}
    needs_title = f"Analyse du besoin — {o.title}"
    test_title = f"Test de positionnement — {o.title}"
    if o.unit == "pro":
        files[f"{base}/fiche-programme-{o.id}.pdf"] = pdf(title, fiche_blocks(o), date=when)
        files[f"{base}/analyse-du-besoin-{o.id}.docx"] = docx(
            needs_title, needs_blocks(o), date=D(2026, 9, 2)
        )
        files[f"{base}/test-de-positionnement-{o.id}.pdf"] = pdf(
            test_title, positioning_blocks(o), date=D(2026, 8, 28)
        )
    elif o.unit == "langues":
        files[f"{base}/I01-I05-I06-fiche-formation-{o.id}.docx"] = docx(
            title, fiche_blocks(o), date=when
        )
        files[f"{base}/I04-questionnaire-prealable-{o.id}.pdf"] = pdf(
            needs_title, needs_blocks(o), date=D(2026, 9, 8)
        )
        files[f"{base}/I08-test-de-positionnement-{o.id}.pdf"] = pdf(
            test_title, positioning_blocks(o), date=D(2026, 8, 31)
        )
    else:
        front: dict[str, object] = {
            "title": title,
            "kind": "programme",
            "indicators": [1, 5, 6],
            "date": when,
        }
        files[f"{base}/fiche-programme.md"] = markdown(front, _markdown(title, fiche_blocks(o)))
        front = {"title": needs_title, "date": D(2026, 9, 15)}
        files[f"{base}/entretien-prealable.md"] = markdown(
            front, _markdown(needs_title, needs_blocks(o))
        )
        files[f"{base}/test-de-positionnement.pdf"] = pdf(
            test_title, positioning_blocks(o), date=D(2026, 8, 26)
        )
    c = o.certification
    if c is None:
        return files
    results_title = f"Résultats, blocs de compétences, passerelles et débouchés — {o.title}"
    mapping_title = f"Correspondance entre la formation et le référentiel — {c.title}"
    sheets = [("Correspondance", mapping_rows(o)), ("Capacité à certifier", capacity_rows(o))]
    exam_title = f"Présentation des candidats à la certification — {o.title}"
    if o.unit == "pro":
        files[f"{base}/resultats-et-debouches-{o.id}.pdf"] = pdf(
            results_title, results_blocks(o), date=D(2026, 9, 15)
        )
        files[f"{base}/correspondance-referentiel-{o.id}.xlsx"] = xlsx(
            sheets, date=D(2026, 9, 2), title=mapping_title
        )
        if o.id == "cap-aepe":  # planted: the only evidence of indicator 16 is a scan
            files[f"{base}/presentation-a-l-examen-{o.id}-scan.pdf"] = scanned_pdf(D(2026, 3, 20))
        else:
            files[f"{base}/presentation-a-l-examen-{o.id}.pdf"] = pdf(
                exam_title, exam_blocks(o), date=D(2026, 9, 2)
            )
    else:
        files[f"{base}/I03-certification-passerelles-et-debouches-{o.id}.docx"] = docx(
            results_title, results_blocks(o), date=D(2026, 9, 15)
        )
        files[f"{base}/I07-correspondance-referentiel-et-habilitation-{o.id}.xlsx"] = xlsx(
            sheets, date=D(2026, 9, 2), title=mapping_title
        )
        files[f"{base}/I16-inscription-a-la-certification-{o.id}.docx"] = docx(
            exam_title, exam_blocks(o), date=D(2026, 9, 2)
        )
    return files


def _markdown(title: str, blocks: Iterable[Block]) -> str:
    """``blocks`` as Markdown."""
    out = [f"# {title}", ""]
    for kind, value in blocks:
        if kind == "h":
            out += [f"## {value}", ""]
        elif kind == "p":
            out += [str(value), ""]
        elif kind == "ul":
            out += [f"- {item}" for item in value] + [""]  # type: ignore[attr-defined]
        elif kind == "table":
            rows: list[list[str]] = value  # type: ignore[assignment]
            out.append("| " + " | ".join(rows[0]) + " |")
            out.append("|" + "---|" * len(rows[0]))
            out += ["| " + " | ".join(r) + " |" for r in rows[1:]]
            out.append("")
    return "\n".join(out)


def siege_files() -> dict[str, bytes]:
    """The organisation-wide evidence held by the central function."""
    c1, c3, c4 = (
        "siege/C1-information-du-public",
        "siege/C3-accueil-suivi-evaluation",
        "siege/C4-moyens",
    )
    c5, c6, c7 = (
        "siege/C5-competences",
        "siege/C6-veille-et-reseaux",
        "siege/C7-appreciations-reclamations",
    )
    files = {
        f"{c1}/I02-indicateurs-de-resultats-2025-2026.pdf": pdf(
            "Nos résultats 2025-2026", results_2026(), date=D(2026, 9, 30)
        ),
        f"{c3}/livret-d-accueil-de-l-apprenant-2026.pdf": pdf(
            "Livret d'accueil de l'apprenant", welcome_booklet(), date=D(2026, 8, 31)
        ),
        f"{c3}/reglement-interieur-2026.pdf": pdf(
            "Règlement intérieur applicable aux apprenants", rules(), date=D(2026, 8, 31)
        ),
        f"{c3}/I10-procedure-accompagnement-et-suivi.pdf": pdf(
            "Procédure d'accompagnement et de suivi des apprenants", FOLLOW_UP, date=D(2026, 3, 15)
        ),
        f"{c3}/I11-procedure-evaluation-des-acquis.pdf": pdf(
            "Procédure d'évaluation des acquis", ASSESSMENT, date=D(2026, 3, 15)
        ),
        f"{c3}/I12-procedure-prevention-des-abandons.pdf": pdf(
            "Procédure de prévention des ruptures de parcours", DROP_OUT, date=D(2026, 3, 15)
        ),
        f"{c3}/I12-protocole-prevention-des-violences-harcelement-discriminations.pdf": pdf(
            "Protocole de prévention et de traitement des violences, du harcèlement et des discriminations",
            VIOLENCE,
            date=D(2026, 9, 10),
        ),
        f"{c4}/I17-moyens-techniques-plateforme-et-locaux-2026.pdf": pdf(
            "Moyens humains, techniques et locaux", means(), date=D(2026, 9, 1)
        ),
        f"{c4}/I18-organigramme-fonctionnel-et-referents-2026.pdf": pdf(
            "Organigramme fonctionnel et référents", org_chart(), date=D(2026, 9, 1)
        ),
        f"{c4}/I19-centre-de-ressources-et-assistance.md": markdown(
            {"kind": "ressources", "date": D(2026, 9, 1)}, RESOURCES_MD
        ),
        f"{c5}/registre-des-intervenants-2026.xlsx": xlsx(
            [("Intervenants", trainers_register())],
            date=D(2026, 11, 2),
            title="Registre des intervenants",
        ),
        f"{c5}/I21-procedure-recrutement-et-evaluation-des-intervenants.pdf": pdf(
            "Compétences des intervenants : définition, recrutement, évaluation",
            recruitment(),
            date=D(2026, 2, 1),
        ),
        f"{c5}/plan-de-developpement-des-competences-2026.xlsx": xlsx(
            [("Plan 2026", staff_plan())],
            date=D(2026, 11, 15),
            title="Plan de développement des compétences 2026",
        ),
        f"{c6}/veille-legale-et-reglementaire-2026.md": markdown(
            {"kind": "veille-legale", "date": D(2026, 10, 15)}, LEGAL_WATCH_MD
        ),
        f"{c6}/veille-metiers-et-competences-2026.pdf": pdf(
            "Veille sur les métiers, les compétences et les emplois",
            jobs_watch(),
            date=D(2026, 9, 30),
        ),
        # planted: last updated in October 2025, over 12 months before the audit
        f"{c6}/veille-pedagogique-et-technologique-2025.pdf": pdf(
            "Veille pédagogique et technologique", pedagogical_watch(), date=D(2025, 10, 2)
        ),
        f"{c6}/I26-handicap/politique-accessibilite-et-referente-handicap.pdf": pdf(
            "Accueil des personnes en situation de handicap",
            disability_policy(),
            date=D(2026, 9, 12),
        ),
        f"{c6}/I26-handicap/annuaire-handicap-agefiph-cap-emploi-mdph.csv": csv_bytes(
            disability_network()
        ),
        f"{c6}/I28-reseau-partenaires-socio-economiques-2026.xlsx": xlsx(
            [("Partenaires", partner_network())],
            date=D(2026, 10, 5),
            title="Réseau de partenaires socio-économiques",
        ),
        f"{c7}/enquete-satisfaction-apprenants-2025-2026.xlsx": xlsx(
            [("Synthèse", learners_survey())],
            date=D(2026, 9, 20),
            title="Enquête de satisfaction des apprenants 2025-2026",
        ),
        f"{c7}/enquete-satisfaction-financeurs-2026.pdf": pdf(
            "Recueil des appréciations des financeurs 2026",
            survey_blocks(
                "Financeurs sollicités : OPCO (3), France Travail (3 agences), Régions (2), entreprises finançant le plan de développement des compétences.",
                "Questionnaire en ligne envoyé le 02/06/2026, relance le 16/06/2026 ; participation aux réunions annuelles des OPCO et au webinaire qualité de France Travail (11/09/2026).",
                (
                    ("Financeurs répondants", "11 sur 17"),
                    ("Satisfaction sur l'information transmise", "10 sur 11"),
                    ("Délais de transmission des attestations", "8 sur 11 satisfaits"),
                ),
                (
                    "Délais des attestations jugés longs par 3 financeurs : envoi automatique des attestations de fin de formation depuis septembre 2026 (plan d'amélioration).",
                ),
            ),
            date=D(2026, 9, 25),
        ),
        f"{c7}/enquete-satisfaction-equipes-pedagogiques-2026.pdf": pdf(
            "Recueil des appréciations des équipes pédagogiques 2026",
            survey_blocks(
                "Formateurs, tuteurs et responsables pédagogiques des trois pôles.",
                "Questionnaire anonyme en ligne (juin 2026), relance à 10 jours, et tour de table en réunion pédagogique.",
                (
                    ("Répondants", "118 sur 162 (73 %)"),
                    ("Satisfaits des outils de la plateforme", "84 %"),
                    ("Satisfaits de la coordination", "79 %"),
                ),
                (
                    "Demande de gabarits communs de classe virtuelle : mis à disposition en septembre 2026.",
                ),
            ),
            date=D(2026, 7, 10),
        ),
        f"{c7}/enquete-satisfaction-entreprises-d-accueil-2026.pdf": pdf(
            "Recueil des appréciations des entreprises d'accueil (PFMP et stages) 2026",
            survey_blocks(
                "Entreprises et structures accueillant les apprenants en PFMP (CAP) et en stage (DAEFLE), et employeurs des salariés formés.",
                "Questionnaire remis avec la grille d'évaluation de fin de période, et entretien téléphonique avec les tuteurs.",
                (
                    ("Répondants", "41 sur 56"),
                    ("Préparation des apprenants jugée satisfaisante", "88 %"),
                    ("Clarté des attendus de la période", "76 %"),
                ),
                ("Livret du tuteur refondu pour préciser les activités attendues (octobre 2026).",),
            ),
            date=D(2026, 10, 20),
        ),
        f"{c7}/I31-procedure-traitement-des-reclamations.pdf": pdf(
            "Procédure de traitement des réclamations, difficultés et aléas",
            COMPLAINTS_PROCEDURE,
            date=D(2025, 9, 15),
        ),
        f"{c7}/I32-plan-d-amelioration-continue-2026.xlsx": xlsx(
            [("Plan d'amélioration", improvement_plan())],
            date=D(2026, 11, 10),
            title="Plan d'amélioration continue 2026",
        ),
        f"{c7}/I32-analyse-des-risques-qualite-2026.pdf": pdf(
            "Analyse des risques sur la qualité des formations",
            risk_analysis(),
            date=D(2026, 10, 14),
        ),
        f"{c7}/I32-revue-de-direction-2026-10-14.pdf": pdf(
            "Revue de direction qualité du 14/10/2026", management_review(), date=D(2026, 10, 14)
        ),
        "siege/affichage-certificat/certificat-qualiopi-infad.pdf": pdf(
            "Certificat Qualiopi", certificate(), date=D(2024, 1, 20)
        ),
        "siege/affichage-certificat/capture-page-web-certificat-qualiopi-2026-11-02.pdf": pdf(
            "Capture de la page « Qualité » du site de l'INFAD", web_capture(), date=D(2026, 11, 2)
        ),
        "siege/affichage-certificat/affichage-qualiopi-dans-les-locaux.md": markdown(
            {
                "kind": "affichage-certificat",
                "by": "Élise Démo, directrice qualité",
                "date": D(2026, 11, 2),
            },
            DISPLAY_MD,
        ),
        # planted: a file that maps to nothing
        "siege/a-classer/note-de-service-teletravail-2026-09.docx": docx(
            "Note de service — télétravail des équipes administratives",
            [
                p(
                    "À compter du 1er octobre 2026, les équipes administratives peuvent télétravailler deux jours par semaine selon le planning validé par leur responsable."
                )
            ],
            date=D(2026, 9, 20),
        ),
    }
    for last, first, role, _unit, _status, date in TRAINERS:
        if date is not None:
            files[f"{c5}/cv/{cv_name(last, first)}"] = pdf(
                f"Curriculum vitae — {first} {last}", cv_blocks(last, first, role), date=date
            )
    return files


def unit_files() -> dict[str, bytes]:
    """The evidence each business unit keeps about its own delivery."""
    files: dict[str, bytes] = {"pro/rnq-evidence.yaml": PRO_MANIFEST.encode("utf-8")}
    for offer in OFFERS:
        files.update(_offer_files(offer))
    units_meetings = {
        "pro": (
            "06/10/2026",
            (
                (
                    "Suivi des parcours",
                    "Revue des apprenants en alerte d'inactivité ; trois entretiens de remobilisation programmés.",
                ),
                (
                    "PFMP",
                    "Calendrier des PFMP du CAP AEPE transmis aux structures d'accueil ; répartition des visites entre formatrices.",
                ),
                (
                    "Coordination avec l'administratif",
                    "Délais d'envoi des attestations : envoi automatique effectif.",
                ),
            ),
        ),
        "langues": (
            "22/09/2026",
            (
                (
                    "Classes virtuelles",
                    "Planning du trimestre validé ; remplacement des formateurs absents organisé par le référent pédagogique.",
                ),
                (
                    "Tutorat",
                    "Les tuteurs en congés désignent un remplaçant dans la plateforme (suite à la réclamation de juin).",
                ),
                ("Stages DAEFLE", "Trois nouvelles conventions de stage en cours."),
            ),
        ),
        "scolaire": (
            "13/10/2026",
            (
                (
                    "Préparation au DAEU",
                    "Calendrier des examens blancs et double correction des copies contestées.",
                ),
                (
                    "Abandons",
                    "Taux d'abandon à 3 mois en baisse après le module de méthodologie offert.",
                ),
                ("Ressources", "Mise à jour des fiches méthode de mathématiques."),
            ),
        ),
    }
    for unit, (when, items) in units_meetings.items():
        title = f"Compte rendu de réunion pédagogique — {UNITS[unit][0]}"
        blocks = meeting(title, when, items)
        day = dt.datetime.strptime(when, "%d/%m/%Y").date()
        if unit == "pro":
            files[f"pro/coordination/compte-rendu-reunion-pedagogique-{day.isoformat()}.docx"] = (
                docx(title, blocks, date=day)
            )
        elif unit == "langues":
            files[f"langues/I18-compte-rendu-reunion-equipe-pedagogique-{day.isoformat()}.docx"] = (
                docx(title, blocks, date=day)
            )
        else:
            files[f"scolaire/coordination/compte-rendu-comite-pedagogique-{day.isoformat()}.md"] = (
                markdown({"kind": "coordination", "date": day}, _markdown(title, blocks))
            )
    follow = [("Suivi", follow_up_table("pro"))]
    files["pro/suivi/tableau-de-suivi-des-apprenants-2026-11.xlsx"] = xlsx(
        follow, date=D(2026, 11, 20), title="Tableau de suivi des apprenants"
    )
    files["pro/suivi/releves-de-connexion-2026-10.csv"] = csv_bytes(
        [
            [
                "Apprenant (pseudonyme)",
                "Formation",
                "Connexions en octobre 2026",
                "Temps passé (h)",
                "Activités achevées",
            ]
        ]
        + [
            [
                f"A-PRO-{100 + i}",
                OFFERS[i % 4].title,
                str(4 + (i * 7) % 19),
                str(3 + (i * 5) % 17),
                str(1 + (i * 3) % 8),
            ]
            for i in range(12)
        ]
    )
    files["pro/evaluations/bilan-des-evaluations-finales-2025-2026.xlsx"] = xlsx(
        [("Évaluations", evaluations_table("pro"))],
        date=D(2026, 9, 10),
        title="Bilan des évaluations finales",
    )
    files["pro/evaluations/grille-evaluation-pfmp-cap.pdf"] = pdf(
        "Grille d'évaluation de la période de formation en milieu professionnel (CAP)",
        [
            p(
                "Remplie par le tuteur en entreprise à la fin de chaque PFMP, puis analysée par la formatrice référente."
            ),
            table(
                ("Compétence observée", "Acquis", "En cours", "Non acquis"),
                ("Accueillir et conseiller le client", "", "", ""),
                (
                    "Réaliser la tâche confiée en respectant les consignes d'hygiène et de sécurité",
                    "",
                    "",
                    "",
                ),
                ("Communiquer avec l'équipe", "", "", ""),
            ),
            p("Appréciation du tuteur et signature."),
        ],
        date=D(2026, 1, 12),
    )
    files["pro/partenariats/partenaires-pfmp-2026.xlsx"] = xlsx(
        [("Entreprises", pfmp_partners())],
        date=D(2026, 10, 8),
        title="Entreprises d'accueil en PFMP",
    )
    files["pro/partenariats/convention-pfmp-modele.pdf"] = pdf(
        "Convention de période de formation en milieu professionnel (modèle)",
        pfmp_agreement(),
        date=D(2026, 6, 1),
    )
    files["pro/exports/reclamations-pro-2026-11-20.csv"] = csv_bytes(
        crm_export("pro"), encoding="cp1252"
    )
    files["langues/I10-I12-suivi-individualise-2026-11.xlsx"] = xlsx(
        [("Suivi", follow_up_table("langues"))],
        date=D(2026, 11, 20),
        title="Suivi individualisé des apprenants",
    )
    files["langues/I11-evaluations-finales-cecrl-2025-2026.xlsx"] = xlsx(
        [("Évaluations", evaluations_table("langues"))],
        date=D(2026, 9, 10),
        title="Évaluations finales positionnées sur le CECRL",
    )
    files["langues/I28-conventions-de-stage-daefle.xlsx"] = xlsx(
        [("Stages", internship_partners())],
        date=D(2026, 9, 25),
        title="Structures d'accueil des stages du DAEFLE",
    )
    files["langues/exports/reclamations-langues-2026-11-20.csv"] = csv_bytes(crm_export("langues"))
    activities = (
        "Accueil et prise en main",
        "Module 1 - Réunions",
        "Module 2 - Téléphone",
        "Module 3 - Courriels",
        "Module 4 - Présentations",
        "Évaluation finale",
    )
    files["langues/exports/moodle/achevement-anglais-b2-2026.csv"] = csv_bytes(
        moodle_completion(activities, D(2026, 9, 7)), delimiter=","
    )
    sessions = [D(2026, 9, 7) + dt.timedelta(days=7 * n) for n in range(10)]
    files["langues/exports/moodle/presences-anglais-b2-2026.csv"] = csv_bytes(
        moodle_attendance(sessions), delimiter=","
    )
    files["scolaire/suivi/suivi-des-apprenants-et-relances-2026-11.xlsx"] = xlsx(
        [("Suivi", follow_up_table("scolaire"))],
        date=D(2026, 11, 20),
        title="Suivi des apprenants et relances",
    )
    files["scolaire/evaluations/bilan-des-evaluations-2025-2026.pdf"] = pdf(
        "Bilan des évaluations 2025-2026 — pôle programmes scolaires",
        [
            p("Évaluations finales et examens blancs de l'année, par formation."),
            table(*[[str(c) for c in row] for row in evaluations_table("scolaire")]),
        ],
        date=D(2026, 9, 10),
    )
    files["scolaire/exports/reclamations-scolaire-2026-11-20.csv"] = csv_bytes(
        crm_export("scolaire")
    )
    daeu = (
        "Méthodologie",
        "Français - dissertation",
        "Français - commentaire",
        "Histoire",
        "Examen blanc 1",
    )
    files["scolaire/exports/moodle/achevement-daeu-2026.csv"] = csv_bytes(
        moodle_completion(daeu, D(2026, 9, 14)), delimiter=","
    )
    files["pro/exports/inscriptions-pro-2026-11-20.csv"] = csv_bytes(
        registrations_export(), encoding="cp1252"
    )
    files["pro/exports/candidats-cap-2026-11-20.csv"] = csv_bytes(
        cap_candidates(), encoding="utf-8-sig"
    )
    files["langues/exports/candidats-daefle-2026-11-20.csv"] = csv_bytes(
        daefle_candidates(), encoding="utf-8-sig"
    )
    files["siege/exports/sirh-personnel-2026-11-20.csv"] = csv_bytes(
        sirh_staff(), encoding="cp1252"
    )
    files["siege/exports/sirh-formations-2026.csv"] = csv_bytes(
        sirh_trainings(), encoding="utf-8-sig"
    )
    files["siege/exports/signalements-2026-11-20.csv"] = csv_bytes(
        reports_log(), encoding="utf-8-sig"
    )
    return files


def build() -> dict[str, bytes]:
    """Every generated file of the example: relative path → bytes."""
    files = {**siege_files(), **unit_files()}
    return dict(sorted(files.items()))


def generate(out: Path, *, prune: bool = False) -> list[Path]:
    """Write the example into ``out`` (the hand-written files copied from ``evidence/`` when
    ``out`` is elsewhere); return the paths written. ``prune`` removes other files of ``out``."""
    written: list[Path] = []
    out.mkdir(parents=True, exist_ok=True)
    for relative in HAND_WRITTEN:
        source, target = SOURCE / relative, out / relative
        if source.is_file() and source.resolve() != target.resolve():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
            written.append(target)
    for relative, data in build().items():
        target = out / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.is_file() or target.read_bytes() != data:
            target.write_bytes(data)
        written.append(target)
    if prune:
        keep = {out / r for r in (*HAND_WRITTEN, *build())}
        for path in sorted(out.rglob("*")):
            if path.is_file() and path not in keep:
                path.unlink()
    return written


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(
        description="Régénère l'espace de preuves d'exemple (evidence/) ou l'écrit ailleurs."
    )
    parser.add_argument("out", nargs="?", type=Path, default=SOURCE, help="dossier de sortie")
    parser.add_argument(
        "--prune", action="store_true", help="supprimer les fichiers que le script ne produit plus"
    )
    args = parser.parse_args(argv)
    written = generate(args.out, prune=args.prune)
    print(f"{len(written)} fichiers dans {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
