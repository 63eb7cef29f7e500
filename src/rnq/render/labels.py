"""The words every view of a report shares, in French and English.

A view asks ``label("status", "nc_major", lang)``; keep one table per vocabulary so the console,
the HTML, the Markdown and the spreadsheets never disagree on a word.
"""

from __future__ import annotations

from rnq.text import Lang

__all__ = ["LABELS", "label"]

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
        "not_verified": ("non vérifié", "not verified"),
        "not_applicable": ("non applicable", "not applicable"),
        "waived": ("dérogation", "waived"),
    },
    "audit": {
        "initial": ("audit initial", "initial audit"),
        "surveillance": ("audit de surveillance", "surveillance audit"),
        "renewal": ("audit de renouvellement", "renewal audit"),
    },
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
}


def label(table: str, key: str, lang: Lang = "fr") -> str:
    """The word for ``key`` in ``table`` (``status``, ``outcome``, ``audit``…) in ``lang``; the
    key itself when the table does not know it."""
    pair = LABELS.get(table, {}).get(key)
    if pair is None:
        return key
    return pair[1] if lang == "en" else pair[0]
