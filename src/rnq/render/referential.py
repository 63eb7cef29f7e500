"""Views of the referential: the indicator list, one indicator explained, the 2026 changes.

Each view exists as a typed document (for ``--json`` and the library) and as plain text (for the
terminal), in French or English.
"""

from __future__ import annotations

import itertools
import textwrap
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from rnq.referential.applicability import Applicability, condition_label
from rnq.referential.loader import (
    AssessedAt,
    Category,
    Condition,
    Indicator,
    NcWeighting,
    Referential,
    get_referential,
    referential_ids,
)
from rnq.render.labels import item_condition_text, label
from rnq.text import Lang

__all__ = [
    "IndicatorRow",
    "IndicatorsDocument",
    "changes_text",
    "explain_text",
    "indicators_document",
    "indicators_text",
]

_WIDTH = 96


class IndicatorRow(BaseModel):
    """One indicator in ``rnq indicators --json``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    number: int
    criterion: int
    title: str
    applicable: bool | None = Field(description="null when no workspace profile was given")
    reason: str | None
    declared_not_applicable: bool
    categories: list[Category]
    condition: Condition | None
    nc_weighting: NcWeighting
    assessed_at: AssessedAt
    new_entrant: bool
    changed: bool
    provisional: bool
    provisional_notes: dict[str, str]


class IndicatorsDocument(BaseModel):
    """The document printed by ``rnq indicators --json`` (schema ``rnq.indicators/1``)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    schema_: Literal["rnq.indicators/1"] = Field("rnq.indicators/1", alias="schema")
    referential: str
    referential_title: str
    provisional_notes: list[str]
    workspace: str | None
    total: int
    applicable: int | None
    indicators: list[IndicatorRow]


def _row(indicator: Indicator, decision: Applicability | None, lang: Lang) -> IndicatorRow:
    return IndicatorRow(
        number=indicator.number,
        criterion=indicator.criterion,
        title=indicator.title.get(lang),
        applicable=None if decision is None else decision.applicable,
        reason=None if decision is None else decision.reason.get(lang),
        declared_not_applicable=bool(decision and decision.declared),
        categories=list(indicator.categories),
        condition=indicator.condition,
        nc_weighting=indicator.nc_weighting,
        assessed_at=indicator.assessed_at,
        new_entrant=indicator.new_entrant is not None,
        changed=indicator.changed,
        provisional=indicator.is_provisional,
        provisional_notes={k: v.get(lang) for k, v in sorted(indicator.provisional.items())},
    )


def indicators_document(
    referential: Referential,
    decisions: list[Applicability] | None = None,
    *,
    workspace: str | None = None,
    lang: Lang = "fr",
    new_entrant: bool | None = None,
) -> IndicatorsDocument:
    """The indicator list, with applicability when ``decisions`` is given; the caveats of the
    version that concern a workspace declaring ``new_entrant`` or not (every caveat when
    ``None``: no workspace)."""
    by_number = {d.number: d for d in decisions or []}
    rows = [_row(i, by_number.get(i.number), lang) for i in referential]
    notes = (
        referential.info.provisional
        if new_entrant is None
        else referential.info.caveats(new_entrant=new_entrant)
    )
    return IndicatorsDocument(
        referential=referential.id,
        referential_title=referential.info.title.get(lang),
        provisional_notes=[note.get(lang) for note in notes],
        workspace=workspace,
        total=len(rows),
        applicable=None if decisions is None else sum(1 for d in decisions if d.applicable),
        indicators=rows,
    )


_LABELS: dict[str, tuple[str, str]] = {
    "minor_or_major": ("NC mineure ou majeure", "minor or major NC"),
    "major_only": ("NC majeure uniquement", "major NC only"),
    "offering": ("par prestation", "per offering"),
    "unit": ("par unité", "per unit"),
    "applicable": ("applicable", "applicable"),
    "not_applicable": ("non applicable", "not applicable"),
    "provisional": ("provisoire", "provisional"),
    "criterion": ("Critère", "Criterion"),
    "indicator": ("Indicateur", "Indicator"),
    "wording": ("Libellé officiel", "Official wording"),
    "gloss": ("Glose (anglais)", "English gloss"),
    "expected": ("Niveau attendu", "Expected level"),
    "third-party": (
        "transcription tierce, non vérifiée sur le guide",
        "third-party transcription, not checked against the guide",
    ),
    "guide": ("guide de lecture", "reading guide"),
    "evidence": ("Exemples de preuves", "Evidence examples"),
    "specific": ("Obligations spécifiques", "Specific obligations"),
    "minor_nc": ("NC mineure possible", "Minor NC when"),
    "weighting": ("Pondération", "NC weighting"),
    "categories": ("Catégories", "Categories"),
    "condition": ("Condition", "Condition"),
    "assessed": ("Évalué", "Assessed"),
    "new_entrant": ("Nouveaux entrants", "New entrants"),
    "subcontracting": ("Sous-traitance", "Subcontracting"),
    "changes": ("Changements", "Changes"),
    "none": ("aucune", "none"),
    "applicable_count": ("indicateurs applicables", "applicable indicators"),
    "indicators_count": ("indicateurs", "indicators"),
    "not_in": ("n'existe pas dans", "does not exist in"),
    "new": ("nouvel indicateur", "new indicator"),
    "before": ("Avant", "Before"),
    "after": ("Après", "After"),
    "unchanged": ("Indicateurs inchangés", "Unchanged indicators"),
    "items": ("Ce que vérifient les contrôles intégrés", "What the built-in checks demand"),
    "screening": ("repérage à confirmer", "screening, to confirm"),
    "same_two": ("identique dans les deux versions", "identical in both versions"),
    "same_previous": ("identique à la version précédente", "identical to the previous version"),
}


def _t(key: str, lang: Lang) -> str:
    fr, en = _LABELS[key]
    return en if lang == "en" else fr


def _wrap(text: str, indent: str = "  ") -> str:
    follow = indent + "  " if text.startswith("- ") else indent
    return textwrap.fill(
        " ".join(text.split()), _WIDTH, initial_indent=indent, subsequent_indent=follow
    )


def indicators_text(doc: IndicatorsDocument, lang: Lang = "fr") -> str:
    """The indicator list as terminal text."""
    lines = [doc.referential_title]
    lines += [_wrap(f"({_t('provisional', lang)}) {note}", "  ") for note in doc.provisional_notes]
    lines.append("")
    for row in doc.indicators:
        flag = " "
        if row.applicable is True:
            flag = "✓"
        elif row.applicable is False:
            flag = "·"
        prov = f" [{_t('provisional', lang)}]" if row.provisional else ""
        lines.append(
            f"{flag} {row.number:>2}  C{row.criterion}  {row.title}  "
            f"({_t(row.nc_weighting, lang)}, {_t(row.assessed_at, lang)}){prov}"
        )
        if row.reason:
            lines.append(f"         {row.reason}")
    lines.append("")
    if doc.applicable is None:
        lines.append(f"{doc.referential} : {doc.total} {_t('indicators_count', lang)}")
    else:
        lines.append(
            f"{doc.referential} : {doc.applicable}/{doc.total} {_t('applicable_count', lang)}"
        )
    return "\n".join(lines)


def explain_text(number: int, versions: list[str] | None = None, lang: Lang = "fr") -> str | None:
    """Everything the referential says about indicator ``number``, per version.

    A text a version words exactly as the version before it (the wording, the expected level,
    the evidence examples…) is written once: the later version says « identique dans les deux
    versions » in its place. Returns ``None`` when no known version has that indicator.
    """
    ids = versions or list(referential_ids())
    if not any(number in {i.number for i in get_referential(v)} for v in ids):
        return None
    same = _t("same_two", lang) if len(ids) == 2 else _t("same_previous", lang)
    blocks: list[str] = []
    previous: dict[str, list[str]] = {}
    for vid in ids:
        referential = get_referential(vid)
        try:
            indicator = referential.indicator(number)
        except KeyError:
            title = referential.info.title.get(lang)
            blocks.append(
                f"== {title}\n  {_t('indicator', lang)} {number} {_t('not_in', lang)} {vid}."
            )
            previous = {}
            continue
        sections = _explain_sections(indicator, referential, lang)
        out: list[str] = []
        for key, lines in sections:
            if key is not None and previous.get(key) == lines:
                heading = lines[0].rstrip(" :").rstrip(":")
                out.append(f"{heading}{_colon(lang)} {same}")
            else:
                out += lines
        blocks.append("\n".join(out))
        previous = {key: lines for key, lines in sections if key is not None}
    return "\n\n".join(blocks)


def _colon(lang: Lang) -> str:
    return " :" if lang == "fr" else ":"


def _explain_one(indicator: Indicator, referential: Referential, lang: Lang) -> str:
    """One version's text on ``indicator``, whole."""
    return "\n".join(
        line for _, lines in _explain_sections(indicator, referential, lang) for line in lines
    )


def _explain_sections(
    indicator: Indicator, referential: Referential, lang: Lang
) -> list[tuple[str | None, list[str]]]:
    """The text on ``indicator`` in sections; a section with a key is a text another version
    may word the same (its first line is its heading), one without is said each time."""
    criterion = referential.criterion(indicator.criterion)
    sections: list[tuple[str | None, list[str]]] = [
        (
            None,
            [
                f"== {referential.info.title.get(lang)}",
                f"{_t('indicator', lang)} {indicator.number} — {indicator.title.get(lang)}",
                f"{_t('criterion', lang)} {criterion.number} — {criterion.short.get(lang)}",
                "",
            ],
        ),
        ("wording", [f"{_t('wording', lang)}{_colon(lang)}", _wrap(f"« {indicator.wording} »")]),
    ]
    if lang == "en":
        sections.append(("gloss", [f"{_t('gloss', lang)}:", _wrap(indicator.gloss)]))
    if indicator.expected_level is not None:
        source = _t(indicator.expected_level.source, lang)
        sections.append(
            (
                "expected",
                [
                    f"{_t('expected', lang)} ({source}){_colon(lang)}",
                    _wrap(f"« {indicator.expected_level.text} »"),
                ],
            )
        )
    evidence = [f"{_t('evidence', lang)}{_colon(lang)}"]
    evidence += [_wrap(f"- {item}", "  ") for item in indicator.evidence_examples.get(lang)]
    sections.append(("evidence", evidence))
    if indicator.specific_obligations.get(lang):
        specific = [f"{_t('specific', lang)}{_colon(lang)}"]
        specific += [_wrap(f"- {item}") for item in indicator.specific_obligations.get(lang)]
        sections.append(("specific", specific))
    facts = [f"{_t('weighting', lang)} : {_t(indicator.nc_weighting, lang)}"]
    if indicator.minor_nc is not None:
        facts.append(_wrap(f"{_t('minor_nc', lang)} : {indicator.minor_nc.get(lang)}"))
    facts += [
        f"{_t('categories', lang)} : {_join(indicator.categories)}",
        f"{_t('condition', lang)} : {condition_label(indicator.condition, lang)}",
        f"{_t('assessed', lang)} : {_t(indicator.assessed_at, lang)}",
    ]
    if indicator.new_entrant is not None:
        facts.append(_wrap(f"{_t('new_entrant', lang)} : {indicator.new_entrant.get(lang)}", ""))
    sub = indicator.subcontracting
    if sub.note is not None:
        facts.append(_wrap(f"{_t('subcontracting', lang)} : {sub.note.get(lang)}", ""))
    if indicator.changes is not None:
        facts.append(_wrap(f"{_t('changes', lang)} : {indicator.changes.get(lang)}", ""))
    for field, note in sorted(indicator.provisional.items()):
        facts.append(_wrap(f"[{_t('provisional', lang)} : {field}] {note.get(lang)}", ""))
    sections.append((None, facts))
    items = _items(indicator, lang)
    if items:
        sections.append(("items", items))
    return sections


def _items(indicator: Indicator, lang: Lang) -> list[str]:
    """What the built-in checks demand, item by item, with the basis of each: only a
    requirement (or a conditional one whose condition holds) can make a non-conformity."""
    if not indicator.items:
        return []
    out = [f"{_t('items', lang)} :" if lang == "fr" else f"{_t('items', lang)}:"]
    for item in indicator.items:
        basis = label("item_class", item.item_class, lang)
        source = label("item_source", item.source, lang)
        details = [f"{basis} ({source})"]
        if item.condition is not None:
            c = item.condition
            details.append(item_condition_text(c.fact, c.equals, c.any_of, lang))
        if item.categories:
            details.append(_join(item.categories))
        if item.provisional:
            details.append(_t("provisional", lang))
        if item.screening:
            details.append(_t("screening", lang))
        out.append(_wrap(f"- {item.label.get(lang)} [{item.id}] — {' ; '.join(details)}", "  "))
    return out


def _join(items: tuple[str, ...] | list[str]) -> str:
    return ", ".join(items)


def changes_text(lang: Lang = "fr") -> str:
    """What each version changed from the previous one, indicator by indicator."""
    ids = list(referential_ids())
    out: list[str] = []
    for previous_id, current_id in itertools.pairwise(ids):
        previous, current = get_referential(previous_id), get_referential(current_id)
        out += [f"== {previous_id} → {current_id}", current.info.source, ""]
        out += [
            _wrap(f"({_t('provisional', lang)}) {n.get(lang)}", "")
            for n in current.info.provisional
        ]
        unchanged: list[str] = []
        for indicator in current:
            if indicator.changes is None:
                unchanged.append(str(indicator.number))
                continue
            out.append("")
            out.append(f"{_t('indicator', lang)} {indicator.number} — {indicator.title.get(lang)}")
            out.append(_wrap(indicator.changes.get(lang)))
            try:
                before = previous.indicator(indicator.number)
            except KeyError:
                out.append(f"  ({_t('new', lang)})")
                out.append(_wrap(f"{_t('after', lang)} : « {indicator.wording} »"))
            else:
                out.append(_wrap(f"{_t('before', lang)} : « {before.wording} »"))
                out.append(_wrap(f"{_t('after', lang)} : « {indicator.wording} »"))
            for field, note in sorted(indicator.provisional.items()):
                out.append(_wrap(f"[{_t('provisional', lang)} : {field}] {note.get(lang)}"))
        out += ["", f"{_t('unchanged', lang)} : {', '.join(unchanged)}"]
    return "\n".join(out)
