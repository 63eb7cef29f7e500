"""``rnq diff OLD.json NEW.json``: what changed between two reports — findings fixed, new and
unchanged, by finding id, and the indicators whose status moved.

A finding is **open** when its outcome is ``gap`` or ``not_verified`` (something to fix, or
something that could not be verified — never counted as conform). Then, by finding id:

* **fixed** — open in the old report, not open in the new one (passed, waived, not applicable,
  or gone: its evidence no longer needs it, or the indicator left the scope);
* **new** — open in the new report, not open (or absent) in the old one;
* **unchanged** — open in both.

Finding ids are stable across runs (a hash of the check, indicator, unit, offering and item), so
the same gap keeps its id from one run to the next. The certificate display is indicator 0.
The document is ``rnq.diff/1`` (:class:`ReportDiff`); :func:`diff_text` is the terminal view.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from rnq.engine.findings import Outcome
from rnq.errors import UsageError
from rnq.render.labels import label
from rnq.text import Lang, Localized, pick
from rnq.verdict.report import SCHEMA as REPORT_SCHEMA
from rnq.verdict.report import Report, ReportFinding, Status

__all__ = [
    "DiffFinding",
    "ReportDiff",
    "ReportSide",
    "StatusChange",
    "diff_reports",
    "diff_text",
    "load_report",
]

SCHEMA: Literal["rnq.diff/1"] = "rnq.diff/1"
_OPEN: tuple[Outcome, ...] = ("gap", "not_verified")


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ReportSide(_Frozen):
    """What identifies one of the two reports compared."""

    referential: str
    today: dt.date
    audit_date: dt.date | None
    certifiable: bool | None
    lang: Lang


class DiffFinding(_Frozen):
    """A finding present (open) in at least one of the two reports."""

    id: str
    indicator: int = Field(description="0: the certificate-display obligation")
    check: str
    unit: str | None
    offering: str | None
    item: str | None
    outcome_before: Outcome | None = Field(description="null when absent from the old report")
    outcome_after: Outcome | None = Field(description="null when absent from the new report")
    message: str = Field(description="from the new report when it has the finding, else the old")
    evidence: tuple[str, ...]


class StatusChange(_Frozen):
    """An indicator whose status differs between the two reports."""

    indicator: int
    title: str
    before: Status | None = Field(description="null when the old report does not cover it")
    after: Status | None = Field(description="null when the new report does not cover it")


class ReportDiff(_Frozen):
    """The difference between two reports (schema ``rnq.diff/1``)."""

    schema_: Literal["rnq.diff/1"] = Field(SCHEMA, alias="schema")
    before: ReportSide = Field(description="the old report")
    after: ReportSide = Field(description="the new report")
    fixed: tuple[DiffFinding, ...] = Field(description="open before, not open now")
    new: tuple[DiffFinding, ...] = Field(description="open now, not open before")
    unchanged: tuple[DiffFinding, ...] = Field(description="open in both")
    status_changes: tuple[StatusChange, ...]

    def to_json(self) -> str:
        """The JSON text: deterministic, indented, newline-terminated."""
        data = self.model_dump(mode="json", by_alias=True)
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _side(report: Report) -> ReportSide:
    return ReportSide(
        referential=report.referential,
        today=report.today,
        audit_date=report.audit.date,
        certifiable=report.summary.certifiable,
        lang=report.lang,
    )


def _findings(report: Report) -> Iterator[tuple[int, ReportFinding]]:
    for result in report.indicators:
        for finding in result.findings:
            yield result.number, finding
    for obligation in report.obligations:
        for finding in obligation.findings:
            yield 0, finding


def _by_id(report: Report) -> dict[str, tuple[int, ReportFinding]]:
    found: dict[str, tuple[int, ReportFinding]] = {}
    for number, finding in _findings(report):
        found.setdefault(finding.id, (number, finding))
    return found


def _entry(
    old: tuple[int, ReportFinding] | None, new: tuple[int, ReportFinding] | None
) -> DiffFinding:
    chosen = new if new is not None else old
    assert chosen is not None
    number, finding = chosen
    return DiffFinding(
        id=finding.id,
        indicator=number,
        check=finding.check,
        unit=finding.unit,
        offering=finding.offering,
        item=finding.item,
        outcome_before=old[1].outcome if old is not None else None,
        outcome_after=new[1].outcome if new is not None else None,
        message=finding.message,
        evidence=finding.evidence,
    )


def _order(entry: DiffFinding) -> tuple[int, str, str, str, str]:
    return (entry.indicator, entry.unit or "", entry.offering or "", entry.item or "", entry.id)


def diff_reports(old: Report, new: Report) -> ReportDiff:
    """Compare two reports of the same workspace (see the module docstring for the rules).
    Each list is sorted by indicator, unit, offering, item, id."""
    before, after = _by_id(old), _by_id(new)

    def is_open(side: dict[str, tuple[int, ReportFinding]], key: str) -> bool:
        return key in side and side[key][1].outcome in _OPEN

    fixed: list[DiffFinding] = []
    added: list[DiffFinding] = []
    unchanged: list[DiffFinding] = []
    for key in sorted(before.keys() | after.keys()):
        was, now = is_open(before, key), is_open(after, key)
        if not (was or now):
            continue
        entry = _entry(before.get(key), after.get(key))
        (unchanged if was and now else fixed if was else added).append(entry)
    old_status = {r.number: r for r in old.indicators}
    new_status = {r.number: r for r in new.indicators}
    changes = []
    for number in sorted(old_status.keys() | new_status.keys()):
        a, b = old_status.get(number), new_status.get(number)
        if a is not None and b is not None and a.status == b.status:
            continue
        known = b if b is not None else a
        assert known is not None
        changes.append(
            StatusChange(
                indicator=number,
                title=known.title,
                before=a.status if a is not None else None,
                after=b.status if b is not None else None,
            )
        )
    return ReportDiff(
        before=_side(old),
        after=_side(new),
        fixed=tuple(sorted(fixed, key=_order)),
        new=tuple(sorted(added, key=_order)),
        unchanged=tuple(sorted(unchanged, key=_order)),
        status_changes=tuple(changes),
    )


#: The report schemas ``rnq diff`` reads: this one, and the first (the second only added fields).
_READABLE = (REPORT_SCHEMA, "rnq.report/1")


def load_report(path: Path) -> Report:
    """Read an ``rnq.report/2`` JSON file (``rnq check --json``), or an ``rnq.report/1`` one of
    an earlier rnq (the second version only added fields); a :class:`UsageError` naming the
    file when it cannot be read or is not such a report."""
    path = Path(path)

    def bad(fr: str, en: str) -> UsageError:
        return UsageError(Localized(fr=f"{path} : {fr}", en=f"{path}: {en}"))

    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise bad(f"lecture impossible ({reason})", f"cannot be read ({reason})") from None
    except UnicodeDecodeError:
        raise bad("n'est pas un texte UTF-8", "is not UTF-8 text") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise bad(
            f"JSON invalide, ligne {exc.lineno} : {exc.msg}",
            f"invalid JSON, line {exc.lineno}: {exc.msg}",
        ) from None
    schema = data.get("schema") if isinstance(data, dict) else None
    if schema not in _READABLE:
        found = f"« {schema} »" if isinstance(schema, str) else "aucun"
        found_en = f"'{schema}'" if isinstance(schema, str) else "none"
        raise bad(
            f"n'est pas un rapport rnq (schema attendu « {REPORT_SCHEMA} », trouvé {found} ; "
            "produit par rnq check --json)",
            f"is not an rnq report (expected schema '{REPORT_SCHEMA}', found {found_en}; "
            "written by rnq check --json)",
        )
    try:
        return Report.model_validate({**data, "schema": REPORT_SCHEMA})
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "/"
        count = exc.error_count()
        raise bad(
            f"rapport {schema} invalide ({count} erreur(s)) — {where} : {first['msg']}",
            f"invalid {schema} report ({count} error(s)) — {where}: {first['msg']}",
        ) from None


def _line(entry: DiffFinding, lang: Lang) -> str:
    where = "/".join(p for p in (entry.unit, entry.offering, entry.item) if p) or "—"
    old = label("outcome", entry.outcome_before, lang) if entry.outcome_before else "—"
    new = label("outcome", entry.outcome_after, lang) if entry.outcome_after else "—"
    number = f"{entry.indicator:>2}" if entry.indicator else pick(lang, "aff.", "disp.")
    colon = " :" if lang == "fr" else ":"
    change = old if old == new else f"{old} → {new}"
    return f"  [{number}] {where}{colon} {' '.join(entry.message.split())}  ({change})"


_SINGULAR = {"fixed": "corrigé", "new": "nouveau", "unchanged": "inchangé"}


def _count(n: int, key: str, lang: Lang) -> str:
    """« 1 nouveau », « 2 nouveaux », "2 new"."""
    word = _SINGULAR[key] if lang == "fr" and n <= 1 else label("diff", key, lang)
    return f"{n} {word}"


def _rule(title: str) -> str:
    return f" {title} ".center(96, "=")


def diff_text(diff: ReportDiff, lang: Lang = "fr") -> str:
    """The terminal view of a diff: fixed, new and unchanged findings, status changes, and one
    summary line."""
    certifiable = {
        side: label("certifiable", "null" if c is None else str(c).lower(), lang)
        for side, c in (("old", diff.before.certifiable), ("new", diff.after.certifiable))
    }
    out = [
        f"rnq diff — {diff.before.referential} {diff.before.today} → "
        f"{diff.after.referential} {diff.after.today}"
    ]
    if diff.before.referential != diff.after.referential:
        out.append(
            pick(
                lang,
                "Attention : les deux rapports ne suivent pas le même référentiel.",
                "Note: the two reports follow different referentials.",
            )
        )
    sections = (
        ("fixed", diff.fixed),
        ("new", diff.new),
        ("unchanged", diff.unchanged),
    )
    for key, entries in sections:
        if entries:
            title = label("diff", key, lang)
            out += ["", _rule(f"{title[0].upper()}{title[1:]} ({len(entries)})")]
            out += [_line(entry, lang) for entry in entries]
    if diff.status_changes:
        title = label("diff", "status_changes", lang)
        out += ["", _rule(f"{title[0].upper()}{title[1:]} ({len(diff.status_changes)})")]
        for change in diff.status_changes:
            old = label("status", change.before, lang) if change.before else "—"
            new = label("status", change.after, lang) if change.after else "—"
            out.append(f"  {change.indicator:>2} {change.title}: {old} → {new}")
    question = pick(lang, "Certificat délivré ?", "Certificate delivered?")
    out += ["", f"{question} {certifiable['old']} → {certifiable['new']}"]
    counts = ", ".join(_count(len(entries), key, lang) for key, entries in sections)
    out += ["", _rule(counts)]
    return "\n".join(out)
