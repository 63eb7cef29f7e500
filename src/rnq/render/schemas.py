"""JSON Schemas of the files rnq reads and the documents it prints (published in docs/)."""

from __future__ import annotations

from typing import Any

__all__ = ["output_schemas", "workspace_schema"]


def workspace_schema() -> dict[str, Any]:
    """The JSON Schema of ``rnq.yaml``."""
    from rnq.workspace.config import WorkspaceConfig

    schema = WorkspaceConfig.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "rnq.yaml"
    return schema


def output_schemas() -> dict[str, dict[str, Any]]:
    """The JSON Schemas of every JSON document rnq prints, by schema name."""
    from rnq.collect.evidence_map import EvidenceDocument
    from rnq.engine.collection import ChecksListing
    from rnq.rehearsal.calendar import AuditCalendar
    from rnq.render.diff import ReportDiff
    from rnq.render.referential import IndicatorsDocument
    from rnq.verdict.doctor import DoctorDocument
    from rnq.verdict.report import Report

    schemas = {
        "rnq.indicators/1": IndicatorsDocument.model_json_schema(by_alias=True),
        "rnq.evidence/1": EvidenceDocument.model_json_schema(by_alias=True),
        "rnq.report/2": Report.model_json_schema(by_alias=True),
        "rnq.diff/1": ReportDiff.model_json_schema(by_alias=True),
        "rnq.checks/1": ChecksListing.model_json_schema(by_alias=True),
        "rnq.doctor/1": DoctorDocument.model_json_schema(by_alias=True),
    }
    calendar = AuditCalendar.model_json_schema(by_alias=True)
    calendar["properties"] = {"schema": {"const": "rnq.calendar/1"}, **calendar["properties"]}
    calendar["required"] = ["schema", *calendar.get("required", [])]
    schemas["rnq.calendar/1"] = calendar
    for name, schema in schemas.items():
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["title"] = name
    return schemas
