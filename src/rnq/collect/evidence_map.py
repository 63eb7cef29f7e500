"""The evidence map (``rnq evidence``): indicator → proofs, per unit and offering, the files that
map to nothing, and the problems met while collecting (SPEC §3, §6).

Like the other views, it exists as a typed document (``--json``, schema ``rnq.evidence/1``, and
the library) and as terminal text, in French or English.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Mapping
from operator import attrgetter
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from rnq.collect.collectors import CollectResult
from rnq.collect.evidence import Evidence, MappedBy, ReadStatus, shared_fields_set
from rnq.collect.mapping import unmapped_reason
from rnq.errors import Problem
from rnq.text import Lang

__all__ = [
    "ErrorItem",
    "EvidenceDocument",
    "EvidenceItem",
    "MapItem",
    "PluginOrigin",
    "UnmappedItem",
    "evidence_document",
    "evidence_item",
    "evidence_text",
    "report_rows",
    "unmapped_item",
]


class EvidenceItem(BaseModel):
    """One piece of evidence in the map."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    path: str = Field(description="relative POSIX path, or a record id from a plugin collector")
    unit: str
    indicators: list[int]
    offering: str | None
    kind: str | None
    stakeholder: str | None
    date: dt.date | None = Field(description="the period the evidence covers, when known")
    valid_until: dt.date | None
    mapped_by: MappedBy
    collector: str
    by: str | None
    note: str | None
    read: ReadStatus | None = Field(
        default=None,
        description="whether the content could be read (in a check report; null in rnq evidence,"
        " which does not read documents)",
    )


class PluginOrigin(BaseModel):
    """The installed plugin whose collector gave a record: its name (the entry point's, or the
    workspace file's) and its distribution's version (None for a workspace file)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    version: str | None


class MapItem(EvidenceItem):
    """One piece of evidence in ``rnq evidence``: an :class:`EvidenceItem` and, for a record a
    plugin collector gave, which plugin."""

    plugin: PluginOrigin | None = Field(
        default=None,
        description="the plugin whose collector gave this record (null for the files rnq reads "
        "itself)",
    )


class UnmappedItem(BaseModel):
    """A file (or record) that maps to no indicator: listed, never dropped."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    path: str
    unit: str | None = Field(description="null when no unit claims the file")
    kind: str | None
    reason: str


class ErrorItem(BaseModel):
    """A problem met while collecting (an unreadable file, a bad manifest line…)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    path: str
    line: int | None
    message: str


class EvidenceDocument(BaseModel):
    """The document printed by ``rnq evidence --json`` (schema ``rnq.evidence/1``)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    schema_: Literal["rnq.evidence/1"] = Field("rnq.evidence/1", alias="schema")
    workspace: str | None
    evidence: list[MapItem]
    unmapped: list[UnmappedItem]
    errors: list[ErrorItem]


def evidence_item(evidence: Evidence, *, with_read: bool = False) -> EvidenceItem:
    """One row of the evidence map (``with_read``: say whether its content could be read).

    Built from the evidence's fields without validating them again (they are the validated
    fields of an :class:`~rnq.collect.evidence.Evidence`, of the same types): a report at
    50 000 files makes 50 000 rows a run (0.42 → 0.25 s). ``tests/test_report_json.py``
    compares it with the validating constructor."""
    return _row(evidence.__dict__, with_read)


def report_rows(evidence: Iterable[Evidence]) -> tuple[EvidenceItem, ...]:
    """The evidence rows of a check report: :func:`evidence_item` of each piece (with whether
    it could be read), sorted by unit and path (50 000 rows after each edit).

    A run hands its evidence already in that order: the rows are made in the order given while
    checking it, and sorted (stably, as the pieces would have been) only if it was not."""
    rows: list[EvidenceItem] = []
    append, row = rows.append, _row
    last_unit = last_path = ""
    ordered = True
    for piece in evidence:
        fields = piece.__dict__
        unit, path = fields["unit"], fields["path"]
        if ordered and (unit < last_unit or (unit == last_unit and path < last_path)):
            ordered = False
        last_unit, last_path = unit, path
        append(row(fields, True))
    if not ordered:
        rows.sort(key=_UNIT_PATH)
    return tuple(rows)


def _row(fields: dict[str, Any], with_read: bool) -> EvidenceItem:
    """The row of the evidence whose fields (its ``__dict__``) are ``fields``."""
    item = _new_item(EvidenceItem)
    _set_dict(
        item,
        {
            "path": fields["path"],
            "unit": fields["unit"],
            "indicators": list(fields["indicators"]),
            "offering": fields["offering"],
            "kind": fields["kind"],
            "stakeholder": fields["stakeholder"],
            "date": fields["date"],
            "valid_until": fields["valid_until"],
            "mapped_by": fields["mapped_by"],
            "collector": fields["collector"],
            "by": fields["by"],
            "note": fields["note"],
            "read": fields["read"] if with_read else None,
        },
    )
    # 50 000 rows share one fields set rather than holding 700 bytes each
    _set_fields_set(item, _ITEM_FIELDS)
    _set_extra(item, None)
    _set_private(item, None)
    return item


_new_item = object.__new__
# A model's slots, set through their descriptors: cheaper than object.__setattr__ by name.
_set_dict = BaseModel.__dict__["__dict__"].__set__
_set_fields_set = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_set_extra = BaseModel.__dict__["__pydantic_extra__"].__set__
_set_private = BaseModel.__dict__["__pydantic_private__"].__set__
#: Every field of a row is given (``read`` too: None in ``rnq evidence``).
_ITEM_FIELDS = shared_fields_set(EvidenceItem.model_fields)
_UNIT_PATH = attrgetter("unit", "path")


def unmapped_item(evidence: Evidence, lang: Lang) -> UnmappedItem:
    """One unmapped file, with why it maps to nothing."""
    return UnmappedItem(
        path=evidence.path,
        unit=evidence.unit or None,
        kind=evidence.kind,
        reason=unmapped_reason(evidence).get(lang),
    )


def _map_item(evidence: Evidence, origins: Mapping[str, PluginOrigin]) -> MapItem:
    """One row of ``rnq evidence``, with the plugin that gave it (a plugin's record only)."""
    item = evidence_item(evidence)
    origin = origins.get(evidence.collector) if evidence.mapped_by == "plugin" else None
    return MapItem(**item.model_dump(), plugin=origin)


def evidence_document(
    result: CollectResult,
    *,
    lang: Lang = "fr",
    workspace: str | None = None,
    problems: Iterable[Problem] = (),
    origins: Mapping[str, PluginOrigin] | None = None,
) -> EvidenceDocument:
    """The evidence map of a collection; ``problems`` adds problems met elsewhere (loading
    plugins, say) to the collection's own; ``origins``: collector name → the plugin that
    registers it, to say which plugin gave each record."""
    errors = sorted([*result.problems, *problems], key=lambda p: (p.path, p.line or 0))
    return EvidenceDocument(
        workspace=workspace,
        evidence=[_map_item(e, origins or {}) for e in result.evidence],
        unmapped=[unmapped_item(e, lang) for e in result.unmapped],
        errors=[ErrorItem(path=p.path, line=p.line, message=p.message.get(lang)) for p in errors],
    )


_LABELS: dict[str, tuple[str, str]] = {
    "title": ("Carte des preuves", "Evidence map"),
    "evidence": ("preuve(s)", "piece(s) of evidence"),
    "unmapped": ("fichier(s) non rattaché(s)", "unmapped file(s)"),
    "errors": ("erreur(s)", "error(s)"),
    "unit": ("Unité", "Unit"),
    "indicator": ("Indicateur", "Indicator"),
    "whole_unit": ("toute l'unité", "whole unit"),
    "no_unit": ("aucune unité", "no unit"),
    "none": ("Aucune preuve rattachée à un indicateur.", "No evidence mapped to an indicator."),
    "unmapped_title": ("Fichiers non rattachés", "Unmapped files"),
    "errors_title": ("Erreurs", "Errors"),
    "plugin": ("extension", "plugin"),
    "records": ("Relevés des extensions", "Records from plugins"),
}


def _t(key: str, lang: Lang) -> str:
    fr, en = _LABELS[key]
    return en if lang == "en" else fr


def _colon(lang: Lang) -> str:
    return ": " if lang == "en" else " : "


def _origin(origin: PluginOrigin) -> str:
    return f"{origin.name} {origin.version}" if origin.version else origin.name


def _detail(item: MapItem, lang: Lang) -> str:
    details = [d for d in (item.kind, item.date and item.date.isoformat()) if d]
    shown = f"  ({', '.join(details)})" if details else ""
    if item.plugin is not None:
        shown += f" — {_t('plugin', lang)} {_origin(item.plugin)}"
    return shown


def _plugins_line(items: Iterable[MapItem], lang: Lang) -> list[str]:
    """« Relevés des extensions : crm-complaints 0.1.0 (3), moodle 0.1.0 (3) »."""
    counts: dict[str, int] = {}
    for item in items:
        if item.plugin is not None:
            label = _origin(item.plugin)
            counts[label] = counts.get(label, 0) + 1
    if not counts:
        return []
    shown = ", ".join(f"{label} ({count})" for label, count in sorted(counts.items()))
    return [f"{_t('records', lang)}{_colon(lang)}{shown}"]


def _unit_lines(unit: str, items: list[MapItem], lang: Lang) -> list[str]:
    lines = [f"{_t('unit', lang)} {unit}{_colon(lang)}{len(items)} {_t('evidence', lang)}"]
    numbers = sorted({n for item in items for n in item.indicators})
    for number in numbers:
        mapped = [item for item in items if number in item.indicators]
        lines.append(
            f"  {_t('indicator', lang)} {number}{_colon(lang)}{len(mapped)} {_t('evidence', lang)}"
        )
        by_offering = sorted(mapped, key=lambda i: (i.offering or "", i.path))
        for offering, group in itertools.groupby(by_offering, key=lambda i: i.offering):
            members = list(group)
            label = offering or _t("whole_unit", lang)
            lines.append(f"    [{label}] {len(members)}")
            lines += [f"      {item.path}{_detail(item, lang)}" for item in members]
    return lines


def evidence_text(doc: EvidenceDocument, lang: Lang = "fr") -> str:
    """The evidence map as terminal text: per unit → indicator → offering, with counts; then
    the unmapped files and the errors."""
    title = _t("title", lang) + (f" — {doc.workspace}" if doc.workspace else "")
    lines = [
        title,
        f"{len(doc.evidence)} {_t('evidence', lang)}, {len(doc.unmapped)} "
        f"{_t('unmapped', lang)}, {len(doc.errors)} {_t('errors', lang)}",
        *_plugins_line(doc.evidence, lang),
        "",
    ]
    if not doc.evidence:
        lines += [_t("none", lang), ""]
    by_unit = sorted(doc.evidence, key=lambda i: i.unit)
    for unit, items in itertools.groupby(by_unit, key=lambda i: i.unit):
        lines += [*_unit_lines(unit, list(items), lang), ""]
    if doc.unmapped:
        lines.append(f"{_t('unmapped_title', lang)} ({len(doc.unmapped)})")
        for item in doc.unmapped:
            unit = item.unit or _t("no_unit", lang)
            lines.append(f"  {item.path}  [{unit}] — {item.reason}")
        lines.append("")
    if doc.errors:
        lines.append(f"{_t('errors_title', lang)} ({len(doc.errors)})")
        for error in doc.errors:
            where = error.path if error.line is None else f"{error.path}:{error.line}"
            lines.append(f"  {where} — {error.message}")
        lines.append("")
    return "\n".join(lines).rstrip("\n")
