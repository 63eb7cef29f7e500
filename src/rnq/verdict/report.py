"""The result model: the pre-audit report, printed as the JSON document ``rnq.report/2``.

Every output (console, HTML, Markdown, JUnit, CSV/XLSX) is a view of one :class:`Report`. A
report is built for one language by :func:`rnq.verdict.build.build_report`: its texts are plain
strings already in that language. The keys of SPEC §5's JSON contract are never renamed; the
other fields are additions.

:meth:`Report.to_json` is deterministic: the same report gives byte-identical text (mappings
keyed by unit, offering or note are sorted; lists are in the order the builder documents).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic_core import PydanticSerializationError

from rnq.collect.evidence_map import EvidenceItem, UnmappedItem
from rnq.engine.findings import Outcome
from rnq.referential.loader import AssessedAt, NcWeighting
from rnq.rehearsal.calendar import AuditCalendar
from rnq.rehearsal.sampling import AuditSample
from rnq.text import Lang
from rnq.workspace.config import AuditType

__all__ = [
    "ActionItem",
    "ActionLevel",
    "AuditBlock",
    "Effort",
    "IndicatorResult",
    "NcLevel",
    "Obligation",
    "OfferingInfo",
    "OrganizationBlock",
    "PreviousNcInfo",
    "Report",
    "ReportError",
    "ReportFinding",
    "Section",
    "Status",
    "Summary",
    "UnitInfo",
]

#: The status of an indicator, or of an indicator for one unit or offering (SPEC §5).
Status = Literal["conform", "nc_minor", "nc_major", "not_assessed", "waived", "not_applicable"]

SCHEMA: Literal["rnq.report/2"] = "rnq.report/2"
#: The level of a non-conformity, as an action item carries it.
NcLevel = Literal["nc_major", "nc_minor"]
#: The level of an action-plan item: an NC to lift, or optional advice.
ActionLevel = Literal["nc_major", "nc_minor", "advice"]
#: What fixing an action-plan item takes: one file to add, complete or replace; one case to
#: handle and trace (a complaint answered late); a process to create (nothing usable exists).
Effort = Literal["file", "case", "process"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


def _sorted_keys(value: dict[str, Any]) -> dict[str, Any]:
    return {key: value[key] for key in sorted(value)}


class OrganizationBlock(_Frozen):
    """The provider the report is about."""

    name: str
    nda: str | None = None


class AuditBlock(_Frozen):
    """The audit being prepared."""

    type: AuditType
    date: dt.date | None = Field(description="null when no audit date is known")
    certified_on: dt.date | None = None


class Summary(_Frozen):
    """Counts over applicable indicators; the answer to « le certificat serait-il délivré ? ».

    ``applicable`` = ``conform + nc_minor + nc_major + not_assessed + waived``.
    """

    applicable: int
    conform: int
    nc_minor: int
    nc_major: int
    not_assessed: int
    waived: int
    certifiable: bool | None = Field(
        description="false: some blocking reason; null: cannot tell (something not assessed)"
    )
    blocking: tuple[str, ...] = Field(
        description="Why the certificate would not be delivered, each starting with the "
        "indicator number (or the accumulation rule)"
    )
    undetermined: tuple[str, ...] = Field(
        default=(), description="Why it cannot be told (indicators not assessed)"
    )
    not_applicable: int = 0
    total: int = 0
    certifiable_question: str = ""
    answer: str = ""
    advice: int = Field(
        default=0,
        description="Points de vigilance (advice findings) on applicable indicators: never counted",
    )


class ReportFinding(_Frozen):
    """One finding of one check, in the report's language."""

    id: str
    check: str
    outcome: Outcome
    unit: str | None
    offering: str | None
    message: str
    evidence: tuple[str, ...]
    item: str | None = None
    fix: str | None = None
    missing: bool = False
    provisional: bool = False
    items: tuple[str, ...] = Field(
        default=(), description="the demanded items (indicator data) the finding is about"
    )
    confirm: bool = Field(
        default=False, description="advice to confirm (« à confirmer ») rather than to watch"
    )


class PreviousNcInfo(_Frozen):
    """An NC notified at the previous audit on this indicator, and what became of it."""

    level: Literal["minor", "major"]
    notified: dt.date
    lifted: dt.date | None = None
    still_failing: bool
    requalified: bool = Field(description="a minor NC still failing, requalified nc_major")


class IndicatorResult(_Frozen):
    """One indicator of the referential: its status overall, per unit and per offering."""

    number: int
    criterion: int
    status: Status
    reason: str | None
    provisional: bool
    units: dict[str, Status]
    findings: tuple[ReportFinding, ...]
    title: str = ""
    applicable: bool = True
    nc_weighting: NcWeighting | None = None
    assessed_at: AssessedAt | None = None
    expected_level: str | None = None
    offerings: dict[str, Status] = Field(default_factory=dict)
    provisional_notes: dict[str, str] = Field(default_factory=dict)
    previous_nc: tuple[PreviousNcInfo, ...] = ()
    surveillance_scope: bool = Field(
        default=False,
        description="surveillance audit: in its minimum scope (why in scope_reason)",
    )
    process_only: bool = Field(
        default=False,
        description="new entrant at its initial audit: audited only for a formalised process; "
        "implementation is checked at surveillance",
    )
    scope_reason: str | None = Field(
        default=None, description="why surveillance_scope or process_only is set"
    )

    @field_validator("units", "offerings", "provisional_notes")
    @classmethod
    def _sorted(cls, value: dict[str, Any]) -> dict[str, Any]:
        return _sorted_keys(value)


class Obligation(_Frozen):
    """An obligation outside the numbered indicators: the certificate display (SPEC §7)."""

    id: Literal["display"]
    title: str
    applies: bool
    status: Status
    reason: str | None
    units: dict[str, Status] = Field(default_factory=dict)
    findings: tuple[ReportFinding, ...] = ()

    @field_validator("units")
    @classmethod
    def _sorted(cls, value: dict[str, Any]) -> dict[str, Any]:
        return _sorted_keys(value)


class ActionItem(_Frozen):
    """One gap to fix before the audit: what, who, by when, and the deadline if it is raised.

    ``indicator`` is 0 for the certificate-display obligation.
    """

    indicator: int
    unit: str | None
    owner: str
    due: dt.date
    deadline_if_raised: dt.date | None = Field(
        description="audit date + 6 months (minor) or + 3 months (major); null with no audit date"
    )
    offering: str | None = None
    level: ActionLevel = "nc_minor"
    what: str = ""
    fix: str | None = None
    verification_by: dt.date | None = Field(
        default=None, description="major NC: deadline_if_raised + 1 month for the certifier"
    )
    check: str | None = None
    finding: str | None = Field(default=None, description="the id of the finding")
    optional: bool = Field(
        default=False, description="advice (« point de vigilance »): not an NC, never required"
    )
    effort: Effort = Field(
        default="file",
        description="what fixing it takes: file (one file to add, complete or replace), case "
        "(one case to handle and trace), process (a process to create); the plan is ordered by "
        "level, then effort in that order",
    )
    effort_label: str = Field(
        default="", description="effort in the report's language (« un fichier à corriger »…)"
    )


class ReportError(_Frozen):
    """A problem met with one file, or with code (``kind``), the run went on."""

    path: str
    line: int | None
    message: str
    #: ``file``: an evidence or configuration file (« Fichiers en erreur »); ``code``: a plugin's
    #: hook or collector, a check file (« Code en erreur »).
    kind: Literal["file", "code"] = "file"


class OfferingInfo(_Frozen):
    """An offering of a unit, as the report names it."""

    id: str
    title: str
    category: str
    certification: str | None = None


class UnitInfo(_Frozen):
    """A unit (or the central function) of the workspace, as the report names it."""

    id: str
    name: str
    central: bool = False
    owner: str | None = None
    offerings: tuple[OfferingInfo, ...] = ()


class Section(_Frozen):
    """A section a plugin adds to the human-readable reports (hook ``rnq_report_sections``).

    ``markdown`` is rendered without raw HTML, so a section cannot inject markup.
    """

    title: str
    markdown: str
    plugin: str


class Report(_Frozen):
    """The pre-audit report (schema ``rnq.report/2``)."""

    schema_: Literal["rnq.report/2"] = Field(SCHEMA, alias="schema")
    referential: str
    audit: AuditBlock
    today: dt.date
    summary: Summary
    indicators: tuple[IndicatorResult, ...]
    action_plan: tuple[ActionItem, ...]
    errors: tuple[ReportError, ...]
    lang: Lang = "fr"
    referential_title: str = ""
    referential_notes: tuple[str, ...] = Field(
        default=(),
        description="« Limites »: the caveats of the referential in force that concern this "
        "workspace (the new entrants' list only when activity.new_entrant is declared)",
    )
    organization: OrganizationBlock | None = None
    obligations: tuple[Obligation, ...] = ()
    units: tuple[UnitInfo, ...] = Field(default=(), description="the workspace's units, in order")
    evidence: tuple[EvidenceItem, ...] = Field(
        default=(), description="the evidence map: every piece of evidence, by unit then path"
    )
    unmapped: tuple[UnmappedItem, ...] = Field(
        default=(), description="files that map to no indicator (listed, never dropped)"
    )
    sections: tuple[Section, ...] = Field(
        default=(), description="sections added by plugins (Markdown, rendered without raw HTML)"
    )
    calendar: AuditCalendar | None = Field(
        default=None, description="the audit calendar: surveillance window, renewal, NC deadlines"
    )
    sample: AuditSample | None = Field(
        default=None, description="a mock audit (rnq sample): the sites and offerings sampled"
    )

    def to_json(self) -> str:
        """The JSON text: deterministic, UTF-8 characters kept, indented, newline-terminated.

        Serialized by pydantic's JSON serializer, which writes the same bytes as
        ``json.dumps(..., ensure_ascii=False, indent=2)`` of the dumped data (the report holds no
        float) four times faster; a string pydantic refuses (a lone surrogate) falls back to
        :mod:`json`.
        """
        try:
            return self.model_dump_json(by_alias=True, indent=2) + "\n"
        except PydanticSerializationError:
            data = self.model_dump(mode="json", by_alias=True)
            return json.dumps(data, ensure_ascii=False, indent=2) + "\n"

    def json_parts(self) -> tuple[bytes, ...]:
        """:meth:`to_json` as UTF-8 bytes, in parts to write one after the other: the report is
        never held as a (two bytes a character) string, nor copied to add its last newline."""
        try:
            data = self.__pydantic_serializer__.to_json(self, indent=2, by_alias=True)
        except PydanticSerializationError:
            data = self.to_json()[:-1].encode("utf-8", "backslashreplace")
        return (data, b"\n")

    def indicator(self, number: int) -> IndicatorResult:
        """The result of indicator ``number``; :class:`KeyError` if the report has none."""
        for result in self.indicators:
            if result.number == number:
                return result
        raise KeyError(number)
