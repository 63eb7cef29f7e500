"""The pre-audit report as one self-contained, inert HTML file (SPEC §6, §9).

:func:`render_html` is a pure function of the :class:`~rnq.verdict.report.Report`: the same report
gives the same bytes. The page holds everything it shows — inline CSS, inline SVG charts, one inline
script — and a Content-Security-Policy (``default-src 'none'``, the script allowed by its
SHA-256) forbids anything else, so no request leaves it.

Everything that comes from the workspace (paths, messages, names) is escaped by Jinja2's
autoescape, or, in the rows the page has thousands of (findings, actions, statuses), written by
:mod:`rnq.render.html_rows` with the same escapes; the Markdown of fixes and plugin sections is
rendered by markdown-it-py with raw HTML and images disabled. The summary, the charts, the
action plan and the indicators are rendered on the server side (they print and work without
JavaScript), and so are the audit calendar (key dates, an inline SVG timeline, the previous
audit's NCs) and, for a mock audit (``rnq sample``), the sample drawn, announced by a banner;
the evidence map, which may hold 50 000 rows, travels as a JSON island and the script shows the
first :data:`EVIDENCE_CAP` rows matching the filters, with a counter.

The template ships compiled to Python (:func:`_template`): a run does not compile it.
"""

from __future__ import annotations

import base64
import datetime as dt
import functools
import hashlib
import importlib.metadata
import json
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import Any

import jinja2
from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict
from markupsafe import Markup

from rnq.bulk import fewer_collections
from rnq.errors import RnqError
from rnq.referential.loader import get_referential
from rnq.rehearsal.calendar import AuditCalendar
from rnq.render.html_rows import Rows
from rnq.render.labels import label
from rnq.text import Lang
from rnq.verdict.report import IndicatorResult, Report, ReportFinding, Status

__all__ = [
    "EVIDENCE_CAP",
    "FINDINGS_SHOWN",
    "OFFERINGS_SHOWN",
    "PATHS_SHOWN",
    "PLAN_SHOWN",
    "html_parts",
    "render_html",
]

#: How many evidence (and unmapped) rows the page shows at once; the counter gives the total.
EVIDENCE_CAP = 500
#: Rows of a findings table written in the page; the others wait in the data island, as HTML,
#: until « Afficher les N autres » is pressed (or the page printed): a report of 500 offerings
#: would otherwise make the browser parse hundreds of thousands of elements before showing it.
FINDINGS_SHOWN = 25
#: Rows of the action plan written in the page; the others wait in the data island (with what
#: the filters need to count them) until « Afficher les N autres actions » is pressed.
PLAN_SHOWN = 100
#: Evidence paths of a finding written in the page; the others are put in their closed
#: ``<details>`` from the data island when it is opened.
PATHS_SHOWN = 5
#: A longer list of per-offering statuses is written in the data island too, and put in its
#: (closed) ``<details>`` when it is opened.
OFFERINGS_SHOWN = 12

#: Statuses from the worst to the best, the order of every legend and chart.
STATUSES: tuple[Status, ...] = (
    "nc_major",
    "nc_minor",
    "not_assessed",
    "waived",
    "conform",
    "not_applicable",
)
_ISSUES = frozenset({"gap", "not_verified", "waived"})

#: Words of this view only (the shared vocabularies are in rnq.render.labels).
_UI: dict[str, tuple[str, str]] = {
    "title": ("Rapport de préparation à l'audit Qualiopi", "Qualiopi audit readiness report"),
    "organization": ("Organisme", "Provider"),
    "audit": ("Audit", "Audit"),
    "audit_date": ("Date de l'audit", "Audit date"),
    "no_audit_date": ("non fixée", "not set"),
    "certified_on": ("Certifié le", "Certified on"),
    "referential": ("Référentiel", "Referential"),
    "today": ("Établi le", "Drawn up on"),
    "toc": ("Sommaire", "Contents"),
    "answer": ("Réponse", "Answer"),
    "blocking": ("Motifs bloquants", "Blocking reasons"),
    "first_action": ("Première action", "First action"),
    "limits": ("Limites", "Limits"),
    "limits_intro": (
        "Ce que rnq n'a pas pu établir pour le référentiel en vigueur et ce profil d'organisme : "
        "lisez le rapport en connaissance de cause.",
        "What rnq could not establish for the referential in force and this provider's "
        "profile: read the report with these in mind.",
    ),
    "undetermined": ("Points non évalués", "Not assessed"),
    "more_reasons": ("… et {n} autres motifs", "… and {n} more reasons"),
    "summary": ("Synthèse", "Summary"),
    "indicators_total": ("indicateurs", "indicators"),
    "applicable": ("applicables", "applicable"),
    "by_criterion": ("Statuts par critère", "Statuses by criterion"),
    "by_unit": ("Statuts par unité", "Statuses by unit"),
    "chart_summary": ("Statuts des indicateurs", "Indicator statuses"),
    "criterion": ("Critère", "Criterion"),
    "unit": ("Unité", "Unit"),
    "offering": ("Prestation", "Offering"),
    "status": ("Statut", "Status"),
    "all_units": ("Toutes les unités", "All units"),
    "all_criteria": ("Tous les critères", "All criteria"),
    "all_statuses": ("Tous les statuts", "All statuses"),
    "all_indicators": ("Tous les indicateurs", "All indicators"),
    "reset": ("Réinitialiser", "Reset"),
    "filters": ("Filtres", "Filters"),
    "shown": ("affichés", "shown"),
    "plan": ("Plan d'actions", "Action plan"),
    "plan_intro": (
        "Une action par écart restant, les NC majeures d'abord. « Échéance » : date à laquelle "
        "l'écart doit être traité ; « si relevée » : délai de levée si l'auditeur notifie la NC.",
        "One action per remaining gap, major NCs first. 'Due': when the gap must be dealt with; "
        "'if raised': the deadline to lift the NC if the auditor notifies it.",
    ),
    "plan_empty": ("Aucune action : aucun écart restant.", "No action: no gap left."),
    "level": ("Gravité", "Severity"),
    "indicator": ("Indicateur", "Indicator"),
    "action": ("Action", "Action"),
    "owner": ("Responsable", "Owner"),
    "due": ("Échéance", "Due"),
    "deadline_if_raised": ("Délai si relevée", "Deadline if raised"),
    "verification_by": ("Vérification avant", "Verification by"),
    "indicators": ("Indicateurs", "Indicators"),
    "weighting": ("Pondération", "Weighting"),
    "assessed_at": ("Évaluation", "Assessed"),
    "expected_level": ("Niveau attendu", "Expected level"),
    "no_expected_level": ("non défini", "not defined"),
    "provisional": ("Provisoire", "Provisional"),
    "provisional_notes": ("Points provisoires", "Provisional points"),
    "reason": ("Motif", "Reason"),
    "per_unit": ("Par unité", "By unit"),
    "per_offering": ("Par prestation", "By offering"),
    "findings": ("Constats", "Findings"),
    "more_findings": ("Afficher les {n} autres constats", "Show the {n} other findings"),
    "more_actions": ("Afficher les {n} autres actions", "Show the {n} other actions"),
    "more_paths": ("… et {n} autre(s)", "… and {n} more"),
    "other_findings": ("Autres constats", "Other findings"),
    "no_finding": ("Aucun constat.", "No finding."),
    "outcome": ("Résultat", "Outcome"),
    "item": ("Élément", "Item"),
    "message": ("Constat", "Finding"),
    "evidence": ("Preuves", "Evidence"),
    "fix": ("Pour corriger", "How to fix"),
    "missing": ("preuve absente", "evidence missing"),
    "previous_nc": ("NC de l'audit précédent", "NC from the previous audit"),
    "notified": ("notifiée le", "notified on"),
    "lifted": ("levée le", "lifted on"),
    "not_lifted": ("non levée", "not lifted"),
    "still_failing": ("toujours en écart", "still failing"),
    "requalified": ("requalifiée NC majeure", "requalified major NC"),
    "minor": ("NC mineure", "minor NC"),
    "major": ("NC majeure", "major NC"),
    "na_waivers": ("Non-applicables et dérogations", "Not applicable and waivers"),
    "na_title": ("Indicateurs non applicables", "Indicators not applicable"),
    "na_none": ("Tous les indicateurs s'appliquent.", "Every indicator applies."),
    "waivers_title": ("Écarts couverts par une dérogation", "Gaps covered by a waiver"),
    "waivers_none": ("Aucune dérogation appliquée.", "No waiver applied."),
    "obligations": ("Affichage du certificat", "Certificate display"),
    "applies": ("S'applique", "Applies"),
    "yes": ("oui", "yes"),
    "no": ("non", "no"),
    "evidence_map": ("Carte des preuves", "Evidence map"),
    "evidence_intro": (
        "Les preuves que l'auditeur demandera, par unité et indicateur (chemins seulement). "
        "Au plus 500 lignes s'affichent : affinez avec les filtres.",
        "The evidence the auditor will ask for, by unit and indicator (paths only). "
        "At most 500 rows show: narrow them with the filters.",
    ),
    "evidence_print": (
        "La carte des preuves ({n} preuves) n'est pas imprimée : voyez-la à l'écran, dans le "
        "rapport JSON ou le classeur XLSX (--xlsx).",
        "The evidence map ({n} pieces of evidence) is not printed: see it on screen, in the JSON "
        "report or the XLSX workbook (--xlsx).",
    ),
    "search": ("Rechercher", "Search"),
    "search_placeholder": ("chemin, type, prestation…", "path, kind, offering…"),
    "path": ("Chemin", "Path"),
    "kind": ("Type", "Kind"),
    "stakeholder": ("Partie prenante", "Stakeholder"),
    "date": ("Date", "Date"),
    "valid_until": ("Valable jusqu'au", "Valid until"),
    "read": ("Lecture", "Read"),
    "mapped_by": ("Rattachée par", "Mapped by"),
    "unmapped": ("Fichiers non rattachés", "Unmapped files"),
    "noscript": (
        "La carte des preuves s'affiche avec JavaScript ; elle figure aussi dans le rapport JSON.",
        "The evidence map needs JavaScript; it is also in the JSON report.",
    ),
    "count_evidence": ("{n} preuves", "{n} pieces of evidence"),
    "count_unmapped": ("{n} fichiers non rattachés", "{n} unmapped files"),
    "count_capped": ("({shown} affichées)", "({shown} shown)"),
    "count_top": (
        "{ind} / {ind_total} indicateurs · {plan} / {plan_total} actions",
        "{ind} / {ind_total} indicators · {plan} / {plan_total} actions",
    ),
    "code_errors": ("Code en erreur", "Code errors"),
    "code_errors_intro": (
        "Extensions, collecteurs ou vérifications qui ont échoué pendant l'analyse ; les "
        "indicateurs qu'ils alimentent ne sont pas évalués.",
        "Plugins, collectors or checks that failed during the run; the indicators they feed "
        "are not assessed.",
    ),
    "errors": ("Erreurs de lecture", "Reading errors"),
    "errors_none": ("Aucune erreur.", "No error."),
    "errors_intro": (
        "Fichiers qui n'ont pas pu être lus ou compris ; l'analyse a continué sans eux.",
        "Files that could not be read or understood; the run went on without them.",
    ),
    "line": ("ligne", "line"),
    "sections": ("Compléments", "Additional sections"),
    "plugin": ("extension", "plugin"),
    "display_obligation": ("Affichage du certificat", "Certificate display"),
    "footer": (
        "Rapport établi par rnq à partir des preuves de l'espace de travail ; il prépare l'audit "
        "et ne remplace pas la décision de l'organisme certificateur.",
        "Report drawn up by rnq from the workspace's evidence; it prepares the audit and does "
        "not replace the certification body's decision.",
    ),
    "central": ("fonction centrale", "central function"),
    # the audit calendar (wording of rnq.render.calendar.calendar_text)
    "calendar": ("Calendrier de l'audit", "Audit calendar"),
    "cal_today": ("Aujourd'hui", "Today"),
    "cal_audit": ("Audit préparé", "Audit prepared"),
    "cal_days_left": ("Jours restants", "Days left"),
    "cal_expires": ("Échéance du certificat", "Certificate expires"),
    "cal_validity": ("Validité", "Validity"),
    "cal_months": ("{n} mois", "{n} months"),
    "cal_window": ("Fenêtre de surveillance", "Surveillance window"),
    "cal_renewal_from": ("Renouvellement : réserver dès", "Renewal: book from"),
    "cal_renewal_by": ("Renouvellement : audit au plus tard", "Renewal: audit at the latest"),
    "cal_phase": ("Situation", "Where you stand"),
    "cal_next": ("Prochaine étape", "Next step"),
    "countdown": ("J-{n} avant l'audit", "{n} days before the audit"),
    "countdown_today": ("L'audit a lieu aujourd'hui", "The audit is today"),
    "countdown_past": ("Date d'audit passée depuis {n} jours", "Audit date passed {n} days ago"),
    "countdown_none": (
        "Aucune date d'audit : pas de compte à rebours",
        "No audit date: no countdown",
    ),
    "cal_previous_nc": ("NC de l'audit précédent", "NCs of the previous audit"),
    "cal_deadline": ("Échéance de levée", "Deadline"),
    "cal_notified": ("Notifiée le", "Notified on"),
    "colon": (" :", ":"),
    "cal_state": ("État", "State"),
    "cal_days_over": ("dépassée de {n} jours", "{n} days overdue"),
    "cal_days_to": ("{n} jours restants", "{n} days left"),
    "cal_note": ("Règle", "Rule"),
    "warnings": ("Attention", "Warnings"),
    "timeline": ("Frise du cycle de certification", "Certification cycle timeline"),
    "tl_certified": ("certifié", "certified"),
    "tl_surveillance": ("surveillance", "surveillance"),
    "tl_renewal": ("renouvellement", "renewal"),
    "tl_late": ("renouvellement tardif", "late renewal"),
    "tl_expires": ("échéance", "expiry"),
    "tl_today": ("aujourd'hui", "today"),
    "tl_audit": ("audit", "audit"),
    "tl_valid": ("certificat valable", "certificate valid"),
    "from_to": ("du {a} au {b}", "from {a} to {b}"),
    # the mock audit's sample (wording of rnq.rehearsal.sampling.sample_text)
    "sample": ("Échantillon de l'audit blanc", "Mock-audit sample"),
    "sample_banner_title": ("Audit blanc — échantillon seulement", "Mock audit — sample only"),
    "sample_banner": (
        "Ce rapport ne couvre que l'échantillon tiré (graine {seed}) : les vérifications ont "
        "porté sur ces sites et ces prestations seulement, comme l'auditeur les aurait vus. "
        "Le reste n'a pas été vérifié.",
        "This report covers the drawn sample only (seed {seed}): the checks ran on these sites "
        "and offerings only, as the auditor would have seen them. The rest was not checked.",
    ),
    "sample_see": ("Voir l'échantillon", "See the sample"),
    "seed": ("Graine", "Seed"),
    "rerun": ("relancer avec", "rerun with"),
    "rule": ("Règle", "Rule"),
    "sites": ("Sites", "Sites"),
    "site": ("Site", "Site"),
    "units": ("Unités", "Units"),
    "offerings": ("Prestations", "Offerings"),
    "why": ("Pourquoi", "Why"),
    "certifying": ("certifiante", "certifying"),
    "audited_last": ("audité la dernière fois", "audited last time"),
    "sites_count": ("{count} site(s) audité(s) sur {total}", "{count} of {total} site(s) audited"),
    "offerings_count": ("{count}/{candidates} prestation(s)", "{count}/{candidates} offering(s)"),
    "no_offering": ("Aucune prestation déclarée.", "No offering declared."),
    "scope_only": ("Périmètre de surveillance uniquement", "Surveillance scope only"),
    "advice_only": ("Avec points de vigilance", "With points to watch"),
    "advice_title": ("Points de vigilance", "Points to watch"),
    "advice_short": ("vigilance", "to watch"),
    "advice_note": (
        "Conseils (exemples du guide, règles de rnq, condition non déclarée, texte provisoire) : "
        "ils ne comptent ni dans les NC ni dans la réponse.",
        "Advice (guide examples, rnq's rules of thumb, an undeclared condition, a provisional "
        "text): never counted in the NCs nor in the answer.",
    ),
}


@dataclass(frozen=True)
class Segment:
    """One coloured part of a stacked bar, in SVG user units."""

    status: Status
    label: str
    count: int
    x: float
    width: float


@dataclass(frozen=True)
class BarRow:
    """One row of a bar chart: its label, its parts and its total."""

    key: str
    label: str
    short: str
    segments: tuple[Segment, ...]
    total: int
    y: float


@dataclass(frozen=True)
class IndicatorView:
    """An indicator as the page shows it: its findings split between issues and the rest."""

    result: IndicatorResult
    criterion_name: str
    issues: tuple[ReportFinding, ...]
    others: tuple[ReportFinding, ...]
    advice: tuple[ReportFinding, ...]
    unit_tokens: str
    shared_fix: str | None


@dataclass(frozen=True)
class Band:
    """A period on the timeline: a coloured bar from ``x`` over ``width``, with a label."""

    cls: str
    label: str
    title: str
    x: float
    width: float


@dataclass(frozen=True)
class Mark:
    """A day on the timeline: a vertical line at ``x`` and its label at ``(label_x, label_y)``."""

    cls: str
    label: str
    x: float
    label_x: float
    label_y: float
    anchor: str


@dataclass(frozen=True)
class Timeline:
    """The certification cycle as an inline SVG: periods, days, and a sentence saying it all."""

    title: str
    bands: tuple[Band, ...]
    marks: tuple[Mark, ...]


_TIMELINE_LEFT = 8.0
_TIMELINE_RIGHT = 992.0
_TIMELINE_EDGE = 150.0
_CHART_LEFT = 230.0
_CHART_WIDTH = 330.0
_ROW_HEIGHT = 26.0


def render_html(report: Report) -> str:
    """The report as one self-contained HTML page, in the report's language.

    Deterministic (same report, same text); inert (escaped, no external resource, a CSP with the
    hash of its one script).
    """
    return "".join(html_parts(report))


def html_parts(report: Report) -> Iterator[str]:
    """:func:`render_html`'s text, piece by piece as the template produces it: a large report
    is written without ever being held whole (see :func:`rnq.render.files.write_parts_atomic`).
    """
    lang = report.lang
    template = _template()
    script = _script(template)
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    csp = (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        f"script-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'"
    )
    units = {unit.id: unit.name for unit in report.units}
    offerings = {o.id: o.title for unit in report.units for o in unit.offerings}
    criteria = _criterion_names(report.referential, lang)
    data = _island(report, lang)
    deferred: dict[str, str] = data["more"]
    keys: dict[str, str] = {}

    def defer(html: str) -> str:
        """Keep ``html`` (already escaped markup) in the data island, once however many times
        it is deferred; its key for the script."""
        text = str(html)
        key = keys.get(text)
        if key is None:
            key = keys[text] = f"m{len(deferred) + 1}"
            deferred[key] = text
        return key

    title_of = {r.number: r.title for r in report.indicators}
    criterion_of = {r.number: r.criterion for r in report.indicators}
    in_scope = {r.number: r.surveillance_scope for r in report.indicators}
    words = _words(lang)
    rows = Rows(
        lang=lang,
        words=words,
        unit_names=units,
        offering_titles=offerings,
        criterion_of=criterion_of,
        title_of=title_of,
        in_scope=in_scope,
        defer=defer,
        markdown=markdown,
        day=_day,
        shown=FINDINGS_SHOWN,
        paths_shown=PATHS_SHOWN,
    )
    with fewer_collections():
        pieces = template.generate(
            report=report,
            lang=lang,
            t=words,
            csp=csp,
            script=Markup(script),
            unit_names=units,
            offering_titles=offerings,
            criteria=criteria,
            statuses=STATUSES,
            summary_chart=_summary_chart(report, lang),
            criterion_chart=_criterion_chart(report, criteria, lang),
            unit_chart=_unit_chart(report, lang),
            indicators=[_indicator_view(r, criteria) for r in report.indicators],
            title_of=title_of,
            waived=[(r, f) for r in report.indicators for f in r.findings if f.outcome == "waived"],
            island=Markup(_ISLAND),
            defer=defer,
            cap=EVIDENCE_CAP,
            shown=FINDINGS_SHOWN,
            offerings_shown=OFFERINGS_SHOWN,
            plan_shown=PLAN_SHOWN,
            timeline=_timeline(report.calendar, lang) if report.calendar else None,
            findings_table=rows.findings_table,
            plan_rows=rows.plan_rows,
            unit_statuses=rows.unit_statuses,
            offering_statuses=rows.offering_statuses,
            any_scope=any(r.surveillance_scope for r in report.indicators),
            any_advice=report.summary.advice > 0,
            first_action=next((a for a in report.action_plan if not a.optional), None),
        )
        for piece in pieces:
            if _ISLAND not in piece:
                yield piece
                continue
            before, after = piece.split(_ISLAND, 1)
            yield before
            yield from _island_json(data, report, lang)
            yield after


# --- the Jinja2 environment ------------------------------------------------------------------

#: The page's template, in ``render/templates``.
TEMPLATE = "report.html.j2"


@functools.cache
def _template() -> jinja2.Template:
    """The page's template. Compiling it takes Jinja2 0.13 s, so it ships compiled to Python
    (:mod:`rnq.render._report_template`, written by ``python tools/gen_template.py``, checked by
    a test): that is used when it was compiled from this very source by this Jinja2
    (:func:`template_fingerprint`); otherwise, the source is compiled, as it was before. Nothing
    is written at run time."""
    env = _environment()
    assert env.loader is not None
    source, filename, _ = env.loader.get_source(env, TEMPLATE)
    from rnq.render import _report_template as compiled

    if getattr(compiled, "FINGERPRINT", None) != template_fingerprint(source):
        return env.get_template(TEMPLATE)
    template = env.template_class.from_module_dict(env, vars(compiled), env.make_globals(None))
    template.filename = filename  # an error in the page names the template's line
    return template


def template_fingerprint(source: str) -> str:
    """What a compiled template was compiled from: the template's source and Jinja2's
    version (the code Jinja2 writes uses its own runtime)."""
    try:
        jinja = importlib.metadata.version("Jinja2")
    except importlib.metadata.PackageNotFoundError:
        jinja = "unknown"
    digest = hashlib.sha256(source.encode("utf-8")).hexdigest()
    return f"{TEMPLATE} sha256 {digest}, Jinja2 {jinja}"


def compiled_template() -> str:
    """The text of :mod:`rnq.render._report_template`: the page's template compiled by Jinja2
    to a Python module, with the fingerprint of what it was compiled from."""
    env = _environment()
    assert env.loader is not None
    source = env.loader.get_source(env, TEMPLATE)[0]
    code = env.compile(source, TEMPLATE, raw=True, defer_init=True)
    head = (
        f"# The HTML page's template, {TEMPLATE}, compiled to Python by Jinja2: do not edit.\n"
        "# Written by `python tools/gen_template.py` (rnq.render.html.compiled_template); a test\n"
        "# fails when it is stale, and rnq compiles the source instead when it is.\n"
        f"FINGERPRINT = {template_fingerprint(source)!r}\n"
    )
    return head + code + "\n"


@functools.cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("rnq", "render/templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = markdown
    env.globals["label"] = label
    env.globals["day"] = _day
    return env


def _script(template: jinja2.Template) -> str:
    """The text of the page's one script: the ``script`` block, rendered alone."""
    block = template.blocks["script"]
    return "".join(block(template.new_context({})))


def _words(lang: Lang) -> dict[str, str]:
    return {key: pair[1] if lang == "en" else pair[0] for key, pair in _UI.items()}


def _day(value: Any, lang: Lang = "fr") -> str:
    """A date as a quality officer reads it (``15/12/2026``; ISO in English); ``—`` for none."""
    if value is None:
        return "—"
    if isinstance(value, dt.date):
        return _date_text(value, lang)
    return str(value.isoformat() if lang == "en" else value.strftime("%d/%m/%Y"))


@functools.lru_cache(maxsize=4096)
def _date_text(value: dt.date, lang: Lang) -> str:
    """:func:`_day` of a date, remembered: 50 000 evidence rows carry a few hundred dates."""
    return value.isoformat() if lang == "en" else value.strftime("%d/%m/%Y")


# --- Markdown ---------------------------------------------------------------------------------


def _link_open(
    renderer: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    tokens[idx].attrSet("rel", "noopener noreferrer")
    return renderer.renderToken(tokens, idx, options, env)


def _image(
    renderer: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    """An image is never loaded: its alternative text stands in its place."""
    return escapeHtml(renderer.renderInlineAsText(tokens[idx].children or [], options, env))


@functools.cache
def _markdown_it() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.add_render_rule("image", _image)
    md.add_render_rule("link_open", _link_open)
    return md


@functools.cache
def markdown(text: str | None) -> Markup:
    """Markdown (a fix, a plugin section) as HTML, without raw HTML; images become their text."""
    if not text:
        return Markup("")
    return Markup(_markdown_it().render(text))


# --- charts -----------------------------------------------------------------------------------


def _criterion_names(referential: str, lang: Lang) -> dict[int, str]:
    try:
        found = get_referential(referential)
    except RnqError:
        return {n: f"{_words(lang)['criterion']} {n}" for n in range(1, 8)}
    return {c.number: c.short.get(lang) for c in found.criteria}


def _bar(
    key: str,
    name: str,
    counts: Mapping[Status, int],
    scale: int,
    y: float,
    lang: Lang,
    left: float = _CHART_LEFT,
    width: float = _CHART_WIDTH,
) -> BarRow:
    """A stacked bar of ``counts`` (by status, worst first), ``scale`` counts wide."""
    segments: list[Segment] = []
    x = left
    for status in STATUSES:
        count = counts.get(status, 0)
        if count:
            part = width * count / scale if scale else 0.0
            segments.append(Segment(status, label("status", status, lang), count, x, part))
            x += part
    short = name if len(name) <= 34 else name[:33] + "…"
    return BarRow(key, name, short, tuple(segments), sum(counts.values()), y)


def _rows(
    groups: Iterable[tuple[str, str, Mapping[Status, int]]], lang: Lang
) -> tuple[BarRow, ...]:
    listed = list(groups)
    scale = max((sum(c.values()) for _, _, c in listed), default=0)
    return tuple(
        _bar(key, name, counts, scale, index * _ROW_HEIGHT, lang)
        for index, (key, name, counts) in enumerate(listed)
    )


def _summary_chart(report: Report, lang: Lang) -> BarRow:
    counts = Counter(r.status for r in report.indicators)
    return _bar("all", "", counts, sum(counts.values()), 0.0, lang, left=0.0, width=560.0)


def _criterion_chart(report: Report, criteria: Mapping[int, str], lang: Lang) -> tuple[BarRow, ...]:
    numbers = sorted({r.criterion for r in report.indicators})
    return _rows(
        (
            (
                str(n),
                f"{n}. {criteria.get(n, '')}",
                Counter(r.status for r in report.indicators if r.criterion == n),
            )
            for n in numbers
        ),
        lang,
    )


def _unit_chart(report: Report, lang: Lang) -> tuple[BarRow, ...]:
    names = {unit.id: unit.name for unit in report.units}
    order = list(names)
    order += sorted({u for r in report.indicators for u in r.units} - set(names))
    return _rows(
        (
            (
                unit,
                names.get(unit, unit),
                Counter(r.units[unit] for r in report.indicators if unit in r.units),
            )
            for unit in order
        ),
        lang,
    )


# --- the audit calendar's timeline -----------------------------------------------------------


def _timeline(calendar: AuditCalendar, lang: Lang) -> Timeline | None:
    """The certification cycle (certification → surveillance window → renewal → expiry) with
    today and the audit date marked; None when the certification date is unknown."""
    c = calendar
    if (
        c.certified_on is None
        or c.expires_on is None
        or c.surveillance_from is None
        or c.surveillance_until is None
        or c.renewal_plan_from is None
        or c.renewal_audit_by is None
    ):
        return None
    words = _words(lang)
    days = [c.certified_on, c.expires_on, c.today]
    if c.audit_date is not None:
        days.append(c.audit_date)
    first, last = min(days), max(days)
    span = max((last - first).days, 1)

    def x(day: dt.date) -> float:
        return _TIMELINE_LEFT + (_TIMELINE_RIGHT - _TIMELINE_LEFT) * (day - first).days / span

    def period(start: dt.date, end: dt.date) -> str:
        return words["from_to"].format(a=_day(start, lang), b=_day(end, lang))

    def band(cls: str, name: str, start: dt.date, end: dt.date, shown: bool = True) -> Band:
        return Band(
            cls, name if shown else "", f"{name} {period(start, end)}", x(start), x(end) - x(start)
        )

    def mark(cls: str, name: str, day: dt.date, label_y: float, side: str = "") -> Mark:
        at = x(day)
        if at < _TIMELINE_EDGE:
            side = "start"
        elif at > _TIMELINE_RIGHT - _TIMELINE_EDGE:
            side = "end"
        shift = {"start": 4.0, "end": -4.0}.get(side, 0.0)
        return Mark(cls, f"{name} {_day(day, lang)}", at, at + shift, label_y, side or "middle")

    bands = (
        band("tl-valid", words["tl_valid"], c.certified_on, c.expires_on, shown=False),
        band("tl-surv", words["tl_surveillance"], c.surveillance_from, c.surveillance_until),
        band("tl-renew", words["tl_renewal"], c.renewal_plan_from, c.renewal_audit_by),
        band("tl-late", words["tl_late"], c.renewal_audit_by, c.expires_on, shown=False),
    )
    marks = [
        mark("tl-cert", words["tl_certified"], c.certified_on, 86.0),
        mark("tl-exp", words["tl_expires"], c.expires_on, 86.0),
    ]
    # today and the audit date: each label on its own row, written away from the other's line
    today_side, audit_side = "start", "end"
    if c.audit_date is not None and c.audit_date > c.today:
        today_side, audit_side = "end", "start"
    marks.append(mark("tl-today", words["tl_today"], c.today, 12.0, today_side))
    if c.audit_date is not None:
        marks.append(mark("tl-audit", words["tl_audit"], c.audit_date, 26.0, audit_side))
    sentence = [
        f"{words['tl_certified']} {_day(c.certified_on, lang)}",
        f"{words['tl_surveillance']} {period(c.surveillance_from, c.surveillance_until)}",
        f"{words['tl_renewal']} {period(c.renewal_plan_from, c.renewal_audit_by)}",
        f"{words['tl_expires']} {_day(c.expires_on, lang)}",
        f"{words['tl_today']} {_day(c.today, lang)}",
    ]
    if c.audit_date is not None:
        sentence.append(f"{words['tl_audit']} {_day(c.audit_date, lang)}")
    sep = " : " if lang == "fr" else ": "
    return Timeline(f"{words['timeline']}{sep}{', '.join(sentence)}", bands, tuple(marks))


# --- indicators and the data island -----------------------------------------------------------


def _indicator_view(result: IndicatorResult, criteria: Mapping[int, str]) -> IndicatorView:
    issues = tuple(f for f in result.findings if f.outcome in _ISSUES)
    advice = tuple(f for f in result.findings if f.outcome == "advice")
    others = tuple(f for f in result.findings if f.outcome not in _ISSUES and f.outcome != "advice")
    tokens = " ".join(f"{unit}:{status}" for unit, status in result.units.items())
    fixes = {f.fix for f in issues if f.outcome != "passed"}
    # One fix for several findings is said once, above them.
    shared = fixes.pop() if len(fixes) == 1 and len(issues) > 1 else None
    criterion = criteria.get(result.criterion, "")
    return IndicatorView(result, criterion, issues, others, advice, tokens, shared)


#: Where the template writes the data island, which :func:`html_parts` then streams.
_ISLAND = "\x00rnq-data-island\x00"
#: Evidence rows encoded at a time in the data island.
_ROWS_AT_ONCE = 2000
#: Characters of deferred markup encoded at a time in the data island.
_DEFERRED_AT_ONCE = 1 << 18


def _island_json(data: dict[str, Any], report: Report, lang: Lang) -> Iterator[str]:
    """``data`` plus the evidence map, as Jinja's ``tojson`` writes them (``json.dumps`` with
    sorted keys, then ``<>&'`` escaped), in parts: the evidence map, tens of MiB at 50 000
    files, is never built whole, neither as objects nor as text."""
    lazy = {"evidence": _evidence_rows(report, lang), "unmapped": _unmapped_rows(report)}
    yield "{"
    for index, key in enumerate(sorted([*data, *lazy])):
        yield (", " if index else "") + json.dumps(key) + ": "
        if key in lazy:
            yield "["
            rows, first = lazy[key], True
            while batch := list(islice(rows, _ROWS_AT_ONCE)):
                yield ("" if first else ", ") + _safe_json(batch)[1:-1]
                first = False
            yield "]"
        elif key == "more":
            yield from _deferred_json(data[key])
        else:
            yield _safe_json(data[key])
    yield "}"


def _deferred_json(deferred: dict[str, str]) -> Iterator[str]:
    """:func:`_safe_json` of the deferred markup (17 MB at 50 000 files), in parts of about
    :data:`_DEFERRED_AT_ONCE` characters: no string of tens of MB to allocate and escape."""
    yield "{"
    part: dict[str, str] = {}
    size, first = 0, True
    for key in sorted(deferred):
        part[key] = deferred[key]
        size += len(part[key])
        if size >= _DEFERRED_AT_ONCE:
            yield ("" if first else ", ") + _safe_json(part)[1:-1]
            part, size, first = {}, 0, False
    if part:
        yield ("" if first else ", ") + _safe_json(part)[1:-1]
    yield "}"


def _safe_json(value: Any) -> str:
    # json.dumps writes ASCII (ensure_ascii): four replaces on its bytes, faster than on the
    # text (the deferred markup, 17 MB at 50 000 files, has half a million "<") and far faster
    # than one translate. The data holds no cycle: json.dumps need not look for one.
    text = json.dumps(value, sort_keys=True, check_circular=False).encode("ascii")
    return (
        text.replace(b"<", b"\\u003c")
        .replace(b">", b"\\u003e")
        .replace(b"&", b"\\u0026")
        .replace(b"'", b"\\u0027")
        .decode("ascii")
    )


def _evidence_rows(report: Report, lang: Lang) -> Iterator[list[Any]]:
    days: dict[dt.date, str] = {}  # 50 000 rows carry a few hundred dates

    def day(value: dt.date) -> str:
        text = days[value] = _day(value, lang)
        return text

    for e in report.evidence:
        date, until = e.date, e.valid_until
        yield [
            e.path,
            e.unit,
            e.indicators,  # a list, never changed here
            e.offering,
            e.kind,
            e.stakeholder,
            (days.get(date) or day(date)) if date else None,
            (days.get(until) or day(until)) if until else None,
            e.mapped_by,
            e.read,
        ]


def _unmapped_rows(report: Report) -> Iterator[list[Any]]:
    for u in report.unmapped:
        yield [u.path, u.unit, u.kind, u.reason]


def _island(report: Report, lang: Lang) -> dict[str, Any]:
    """The data the script needs, compact, and the words it shows; the evidence map (as
    arrays) is added as it is written (:func:`_island_json`)."""
    words = _words(lang)
    criterion = {r.number: r.criterion for r in report.indicators}
    scope = {r.number: r.surveillance_scope for r in report.indicators}
    return {
        "criterion": {str(r.number): r.criterion for r in report.indicators},
        "units": {unit.id: unit.name for unit in report.units},
        "read": {key: label("read", key, lang) for key in ("ok", "no_text", "error", "not_read")},
        "mapped_by": {
            key: label("mapped_by", key, lang)
            for key in ("manifest", "front_matter", "path", "plugin", "attestation")
        },
        "t": {
            key: words[key]
            for key in (
                "count_evidence",
                "count_unmapped",
                "count_capped",
                "count_top",
                "more_actions",
            )
        },
        "cap": EVIDENCE_CAP,
        "more": {},
        # what the filters need of the action items not written in the page (see PLAN_SHOWN)
        "plan_rest": [
            [
                str(criterion.get(a.indicator, "")),
                a.level,
                a.unit or "",
                1 if scope.get(a.indicator) else 0,
                1 if a.optional else 0,
            ]
            for a in report.action_plan[PLAN_SHOWN:]
        ],
    }
