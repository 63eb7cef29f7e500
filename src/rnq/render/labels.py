"""The words every view of a report shares, in French and English.

A view asks ``label("status", "nc_major", lang)``; keep one table per vocabulary so the console,
the HTML, the Markdown and the spreadsheets never disagree on a word.
"""

from __future__ import annotations

from rnq.text import Lang
from rnq.workspace.config import AUDIT_TYPES

__all__ = ["COUNTS", "LABELS", "count_text", "criterion_label", "item_condition_text", "label"]

LABELS: dict[str, dict[str, tuple[str, str]]] = {
    "status": {
        "nc_major": ("NC majeure", "major NC"),
        "nc_minor": ("NC mineure", "minor NC"),
        "not_assessed": ("non évalué", "not assessed"),
        "waived": ("dérogation", "waived"),
        "conform": ("conforme", "conform"),
        "not_applicable": ("non applicable", "not applicable"),
    },
    "outcome": {
        "passed": ("satisfait", "passed"),
        "gap": ("écart", "gap"),
        "advice": ("point de vigilance", "point to watch"),
        "not_verified": ("non vérifié", "not verified"),
        "not_applicable": ("non applicable", "not applicable"),
        "waived": ("dérogation", "waived"),
    },
    "audit": AUDIT_TYPES,
    "weighting": {
        "minor_or_major": ("NC mineure ou majeure", "minor or major NC"),
        "major_only": ("NC majeure uniquement", "major NC only"),
    },
    "assessed_at": {
        "offering": ("par prestation", "per offering"),
        "unit": ("par unité", "per unit"),
    },
    "read": {
        "ok": ("lu", "read"),
        "no_text": ("sans texte (scanné ?)", "no text (scanned?)"),
        "error": ("illisible", "unreadable"),
        "not_read": ("non lu", "not read"),
    },
    "certifiable": {
        "true": ("Oui", "Yes"),
        "false": ("Non", "No"),
        "null": ("Impossible à dire", "Cannot tell"),
    },
    "mapped_by": {
        "manifest": ("manifeste", "manifest"),
        "front_matter": ("en-tête YAML", "front matter"),
        "path": ("chemin", "path"),
        "plugin": ("extension", "plugin"),
        "attestation": ("attestation", "attestation"),
    },
    "diff": {
        "fixed": ("corrigés", "fixed"),
        "new": ("nouveaux", "new"),
        "unchanged": ("inchangés", "unchanged"),
        "status_changes": ("changements de statut", "status changes"),
    },
    # Column headers of the tabular views (Markdown tables, CSV, XLSX).
    "column": {
        "level": ("Niveau", "Level"),
        "indicator": ("Indicateur", "Indicator"),
        "criterion": ("Critère", "Criterion"),
        "title": ("Intitulé", "Title"),
        "unit": ("Unité", "Unit"),
        "offering": ("Prestation", "Offering"),
        "what": ("Écart à traiter", "What to fix"),
        "fix": ("Correction proposée", "Suggested fix"),
        "owner": ("Responsable", "Owner"),
        "due": ("Échéance", "Due"),
        "deadline_if_raised": ("Délai si NC relevée", "Deadline if raised"),
        "verification_by": ("Vérification par le certificateur", "Certifier's verification by"),
        "check": ("Vérification", "Check"),
        "finding": ("Constat", "Finding"),
        "path": ("Preuve", "Evidence"),
        "kind": ("Type", "Kind"),
        "stakeholder": ("Partie prenante", "Stakeholder"),
        "date": ("Date", "Date"),
        "valid_until": ("Valide jusqu'au", "Valid until"),
        "mapped_by": ("Rattachée par", "Mapped by"),
        "collector": ("Collecteur", "Collector"),
        "by": ("Auteur", "By"),
        "note": ("Note", "Note"),
        "read": ("Lecture", "Read"),
        "status": ("Statut", "Status"),
        "reason": ("Motif", "Reason"),
        "weighting": ("Pondération des NC", "NC weighting"),
        "assessed_at": ("Évalué", "Assessed"),
        "provisional": ("Provisoire", "Provisional"),
        "units": ("Unités", "Units"),
        "offerings": ("Prestations", "Offerings"),
        "open_findings": ("Écarts ouverts", "Open findings"),
        "outcome": ("Résultat", "Outcome"),
        "message": ("Message", "Message"),
        "line": ("Ligne", "Line"),
        "file": ("Fichier", "File"),
        "count": ("Nombre", "Count"),
        # The action plan: names for people, ids for scripts, the team's own columns.
        "unit_name": ("Unité", "Unit"),
        "offering_name": ("Prestation", "Offering"),
        "unit_id": ("Unité (id)", "Unit (id)"),
        "offering_id": ("Prestation (id)", "Offering (id)"),
        "effort": ("Effort", "Effort"),
        "plan_status": ("Statut", "Status"),
        "progress": ("Avancement", "Progress"),
        "comment": ("Commentaire", "Comment"),
    },
    # The status of an action-plan row in the XLSX (the team's column; rnq writes « à faire »,
    # and « corrigé » when the finding is no longer open).
    "plan_status": {
        "open": ("à faire", "to do"),
        "in_progress": ("en cours", "in progress"),
        "done": ("fait", "done"),
        "fixed": ("corrigé", "fixed"),
        "reopened": ("rouvert", "reopened"),
    },
    # The audit calendar (wording of rnq.render.calendar.calendar_text).
    "phase": {
        "not_certified": ("pas encore certifié", "not yet certified"),
        "before_surveillance": (
            "avant la fenêtre de surveillance",
            "before the surveillance window",
        ),
        "surveillance_window": ("fenêtre de surveillance ouverte", "surveillance window open"),
        "between_audits": (
            "entre surveillance et renouvellement",
            "between surveillance and renewal",
        ),
        "renewal_planning": ("période de renouvellement", "renewal period"),
        "renewal_late": ("renouvellement tardif", "late renewal"),
        "expired": ("certificat expiré", "certificate expired"),
    },
    "nc_state": {
        "lifted": ("levée", "lifted"),
        "open": ("ouverte", "open"),
        "overdue": ("échéance dépassée", "overdue"),
    },
    "nc_level": {
        "minor": ("NC mineure", "minor NC"),
        "major": ("NC majeure", "major NC"),
    },
    # How an indicator is audited at the audit being prepared (IndicatorResult scope marks).
    "scope": {
        "surveillance_scope": (
            "périmètre minimal de surveillance",
            "surveillance minimum scope",
        ),
        "process_only": (
            "processus formalisé uniquement (nouvel entrant)",
            "formalised process only (new entrant)",
        ),
    },
    # Advice (SPEC §4): never counted; « à confirmer » for a provisional text or a screening hit.
    "advice": {
        "watch": ("point de vigilance", "point to watch"),
        "confirm": ("à confirmer", "to confirm"),
    },
    # The level of an action-plan item.
    "level": {
        "nc_major": ("NC majeure", "major NC"),
        "nc_minor": ("NC mineure", "minor NC"),
        "advice": ("conseil (facultatif)", "advice (optional)"),
    },
    # What fixing an action-plan item takes (rnq.verdict.plan.effort), in the plan's order.
    "effort": {
        "file": ("un fichier à corriger", "one file to fix"),
        "case": ("un cas à traiter", "one case to handle"),
        "process": ("un processus à créer", "a process to create"),
    },
    # The basis of an item a check demands (SPEC §4), and where it comes from.
    "item_class": {
        "requirement": ("exigence", "requirement"),
        "conditional": ("exigence sous condition", "conditional requirement"),
        "example": ("exemple du guide — conseil", "guide example — advice"),
        "heuristic": ("règle de rnq — conseil", "rnq's rule of thumb — advice"),
    },
    "item_source": {
        "wording": ("libellé", "wording"),
        "expected_level": ("niveau attendu", "expected level"),
        "evidence_example": ("exemples de preuves du guide", "guide's evidence examples"),
        "specific_obligation": ("obligation spécifique du guide", "guide's specific obligation"),
        "rnq": ("rnq", "rnq"),
    },
    # The facts rnq.yaml declares (``facts:``) that conditional items depend on.
    "fact": {
        "modality": ("modalité (presential, distance, blended)", "modality"),
        "funded_by": ("financement (funded_by)", "funding (funded_by)"),
        "presents_candidates": (
            "présente elle-même les candidats à la certification (presents_candidates)",
            "presents the candidates itself (presents_candidates)",
        ),
        "minors": ("apprentis mineurs (minors)", "apprentices under 18 (minors)"),
        "alternance": ("formation en alternance (alternance)", "work-study (alternance)"),
        "work_situation": (
            "périodes en situation de travail (work_situation)",
            "work-situation periods (work_situation)",
        ),
        "solo_trainer": (
            "formateur indépendant exerçant seul (solo_trainer)",
            "independent trainer working alone (solo_trainer)",
        ),
        "welcomes_disabled": (
            "accueil de personnes en situation de handicap (welcomes_disabled)",
            "welcomes people with disabilities (welcomes_disabled)",
        ),
        "certifying": ("prestation certifiante", "certifying offering"),
        "companies_concerned": (
            "entreprises concernées (alternance, situation de travail, apprentissage)",
            "companies concerned (work-study, work situation, apprenticeship)",
        ),
    },
    "sheet": {
        "action_plan": ("Plan d'action", "Action plan"),
        "evidence_map": ("Carte des preuves", "Evidence map"),
        "indicators": ("Indicateurs", "Indicators"),
        "unmapped": ("Non rattachés", "Unmapped"),
    },
}


#: Counted words: (French singular, plural), (English singular, plural). French takes the
#: singular for 0 and 1 (« 0 conforme », « 1 non évalué »), English for 1 only.
COUNTS: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "nc_major": (("NC majeure", "NC majeures"), ("major NC", "major NCs")),
    "nc_minor": (("NC mineure", "NC mineures"), ("minor NC", "minor NCs")),
    "not_assessed": (("non évalué", "non évalués"), ("not assessed", "not assessed")),
    "waived": (("dérogation", "dérogations"), ("waived", "waived")),
    "conform": (("conforme", "conformes"), ("conform", "conform")),
    "advice": (
        ("point de vigilance", "points de vigilance"),
        ("point to watch", "points to watch"),
    ),
    "applicable": (
        ("indicateur applicable", "indicateurs applicables"),
        ("applicable indicator", "applicable indicators"),
    ),
    "indicator": (("indicateur", "indicateurs"), ("indicator", "indicators")),
    "finding": (("constat", "constats"), ("finding", "findings")),
    "gap": (("écart", "écarts"), ("gap", "gaps")),
}


def count_text(n: int, key: str, lang: Lang = "fr") -> str:
    """``n`` and the word for ``key`` agreeing with it: « 0 conforme », « 2 NC majeures »,
    "1 minor NC"."""
    fr, en = COUNTS[key]
    if lang == "en":
        return f"{n} {en[0] if n == 1 else en[1]}"
    return f"{n} {fr[0] if n <= 1 else fr[1]}"


def label(table: str, key: str, lang: Lang = "fr") -> str:
    """The word for ``key`` in ``table`` (``status``, ``outcome``, ``audit``…) in ``lang``; the
    key itself when the table does not know it."""
    pair = LABELS.get(table, {}).get(key)
    if pair is None:
        return key
    return pair[1] if lang == "en" else pair[0]


def item_condition_text(fact: str, equals: bool | None, any_of: tuple[str, ...], lang: Lang) -> str:
    """« si modalité … ∈ {distance, blended} » / "if modality is distance or blended"."""
    name = label("fact", fact, lang)
    if any_of:
        values = ", ".join(any_of)
        return f"si {name} ∈ {{{values}}}" if lang == "fr" else f"if {name} is one of {values}"
    if lang == "fr":
        return f"si {name}" if equals else f"sauf si {name}"
    return f"if {name}" if equals else f"unless {name}"


def criterion_label(referential: str, number: int, lang: Lang = "fr") -> str:
    """« Critère 3 — Adaptation aux publics » (the short title from the packaged referential;
    the number alone when ``referential`` is not a known version, as in an old JSON report)."""
    head = f"Criterion {number}" if lang == "en" else f"Critère {number}"
    from rnq.errors import RnqError
    from rnq.referential.loader import get_referential

    try:
        criteria = get_referential(referential).criteria
    except RnqError:
        return head
    if not 1 <= number <= len(criteria):
        return head
    short = criteria[number - 1].short.get(lang)
    return f"{head} — {short}"
