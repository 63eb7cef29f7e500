"""One readiness run, end to end: the library's main entry point, :func:`run`.

load the workspace → choose the referential → decide applicability → load plugins → collect
evidence → read documents (in parallel, cached outside the workspace) → collect and run checks →
build the report (statuses, NC rules, action plan). Every output is a view of the returned
:class:`~rnq.verdict.report.Report`.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from pydantic_core import PydanticSerializationError

from rnq.bulk import fewer_collections, give_back_memory
from rnq.cache.runkey import run_key
from rnq.cache.store import Cache
from rnq.collect.collectors import CollectResult, collect, declare_units
from rnq.collect.evidence import Evidence, EvidenceSet
from rnq.collect.mapping import NameFacts, NameMemo, name_facts_version, using_names
from rnq.engine.checking import (
    SESSION,
    TARGETED,
    CheckDef,
    Item,
    collect_checks,
    expand,
    import_check_folder,
    run_item,
    unknown_fixture_findings,
)
from rnq.engine.findings import Finding
from rnq.engine.fixtures import FixtureLookupError, FixtureRegistry
from rnq.errors import Problem
from rnq.extract.store import DocumentStore
from rnq.plugins import PluginSet, get_plugin_manager
from rnq.referential.applicability import Applicability
from rnq.referential.loader import Referential
from rnq.rehearsal.calendar import audit_calendar
from rnq.rehearsal.sampling import AuditSample
from rnq.text import Lang, Localized
from rnq.timeouts import DEFAULT_STEP_TIMEOUT_S, Watchdog
from rnq.verdict.build import build_report
from rnq.verdict.report import Report, ReportError, Section
from rnq.verdict.waivers import load_waivers
from rnq.workspace.applicable import applicable_indicators, choose_referential
from rnq.workspace.config import Offering, Unit, Workspace, load
from rnq.workspace.walk import WalkResult, locate, reusing, walk

__all__ = ["RunOptions", "Session", "run", "run_checks"]


@dataclass(frozen=True)
class RunOptions:
    """What a run may be told beyond the workspace (the ``rnq check`` options)."""

    today: dt.date | None = None
    audit_date: dt.date | None = None
    referential: str | None = None
    units: tuple[str, ...] = ()
    indicators: tuple[int, ...] = ()
    lang: Lang = "fr"
    load_entrypoints: bool | None = None
    cache_dir: Path | None = None
    use_cache: bool = True
    workers: int | None = None
    extra_plugins: tuple[object, ...] = ()
    progress: Callable[[Localized], None] | None = None
    #: Restrict offering checks to these offering ids (empty: every offering).
    offerings: tuple[str, ...] = ()
    #: A mock audit (``rnq sample``): checks run on its units and offerings only, under its
    #: audit type, and the report carries it.
    sample: AuditSample | None = None
    #: Seconds one check item may run before it is interrupted (``not_verified``); ``None``: no
    #: limit. Plugin collectors get ``rnq.timeouts.COLLECTOR_TIMEOUT_S``.
    check_timeout_s: float | None = DEFAULT_STEP_TIMEOUT_S

    def tell(self, fr: str, en: str) -> None:
        """Report progress, if someone listens (the terminal)."""
        if self.progress is not None:
            self.progress(Localized(fr=fr, en=en))


@dataclass
class Session:
    """Everything a run knows once evidence is collected; what checks see through fixtures."""

    workspace: Workspace
    referential: Referential
    decisions: list[Applicability]
    evidence: list[Evidence]
    today: dt.date
    audit_date: dt.date
    lang: Lang = "fr"
    units: tuple[str, ...] = ()
    indicators: tuple[int, ...] = ()
    problems: list[Problem] = field(default_factory=list)
    offerings: tuple[str, ...] = ()

    def applicable(self) -> list[int]:
        """Applicable indicator numbers (restricted by ``--indicator``)."""
        numbers = [d.number for d in self.decisions if d.applicable]
        return [n for n in numbers if not self.indicators or n in self.indicators]

    def target_units(self) -> list[Unit]:
        """Units checks run for: the operational units (the central unit alone if it is all)."""
        units = list(self.workspace.config.units)
        operational = [u for u in units if not u.central] or units
        return [u for u in operational if not self.units or u.id in self.units]

    def target_offerings(self) -> list[tuple[Unit, Offering]]:
        """Every offering of the selected units (only ``offerings``, when given)."""
        selected = {u.id for u in self.target_units()} | {
            u.id
            for u in self.workspace.config.units
            if u.central and (not self.units or u.id in self.units)
        }
        return [
            (unit, offering)
            for unit in self.workspace.config.units
            if unit.id in selected
            for offering in unit.offerings
            if not self.offerings or offering.id in self.offerings
        ]


def _freshness(overrides: dict[str, int]) -> dict[str, int]:
    """Months after which evidence of each kind is out of date (defaults, then ``freshness``)."""
    from rnq.workspace.kinds import freshness_months, kind_ids

    months = {kind: freshness_months(kind, overrides) for kind in (*kind_ids(), *overrides)}
    return {kind: value for kind, value in months.items() if value is not None}


class _EvidenceIndex:
    """Evidence pre-grouped by unit and offering, so each target's set is built once."""

    def __init__(self, evidence: Sequence[Evidence], central: Iterable[str]) -> None:
        self.all = EvidenceSet(evidence)
        self.central = tuple(central)
        self.by_unit: dict[str, list[Evidence]] = defaultdict(list)
        self.by_offering: dict[tuple[str, str], list[Evidence]] = defaultdict(list)
        for item in evidence:
            self.by_unit[item.unit].append(item)
            if item.offering is not None:
                self.by_offering[(item.unit, item.offering)].append(item)
        self._cache: dict[tuple[str | None, str | None], EvidenceSet] = {}
        self._paths: dict[tuple[str | None, str | None, int], tuple[str, ...]] = {}

    def for_target(self, unit: str | None, offering: str | None) -> EvidenceSet:
        key = (unit, offering)
        if key not in self._cache:
            if unit is None:
                result = self.all
            elif offering is not None:
                result = EvidenceSet(self.by_offering.get((unit, offering), ()))
            else:
                units = dict.fromkeys([unit, *self.central])
                result = EvidenceSet(e for u in units for e in self.by_unit.get(u, ()))
            self._cache[key] = result
        return self._cache[key]

    def paths_for(self, unit: str | None, offering: str | None, number: int) -> tuple[str, ...]:
        """The first 20 paths of the target's evidence for indicator ``number`` (a finding's
        evidence list), computed once per target and indicator, not once per finding."""
        key = (unit, offering, number)
        if key not in self._paths:
            found = self.for_target(unit, offering).for_indicator(number).paths()[:20]
            self._paths[key] = tuple(found)
        return self._paths[key]


def _check_sources(
    session: Session, plugins: PluginSet
) -> tuple[list[tuple[str, object]], list[Problem]]:
    sources: list[tuple[str, object]] = []
    problems: list[Problem] = []
    registered = plugins.call_each(
        "rnq_register_checks", {}, problems, lambda got: list(cast("Iterable[object]", got or []))
    )
    for name, contributed in registered:
        for obj in contributed:
            if not hasattr(obj, "__dict__"):  # 42, None, "text": nothing to collect checks from
                problems.append(
                    Problem.make(
                        f"plugin:{name}",
                        f"rnq_register_checks a renvoyé autre chose qu'un module ou un objet "
                        f"portant des vérifications : {type(obj).__name__}",
                        f"rnq_register_checks returned something that is not a module or an "
                        f"object holding checks: {type(obj).__name__}",
                    )
                )
                continue
            label = getattr(obj, "__name__", None) or f"{name}:{type(obj).__name__}"
            sources.append((label, obj))
    sources.reverse()  # pluggy calls the last registered first; collect built-ins first
    for folder in session.workspace.config.checks:
        modules, folder_problems = import_check_folder(session.workspace.root, folder)
        sources.extend(modules)
        problems.extend(folder_problems)
    return sources, problems


def run_checks(
    session: Session,
    plugins: PluginSet,
    tell: Callable[[str, str], None] | None = None,
    watchdog: Watchdog | None = None,
) -> list[Finding]:
    """Collect every check, expand it over its targets and run it; return the findings.

    ``tell(fr, en)`` hears which unit is being checked (the terminal's progress).
    """
    registry = FixtureRegistry(builtin=(*SESSION, *TARGETED, "freshness"), targeted=TARGETED)
    sources, problems = _check_sources(session, plugins)
    checks, collect_problems = collect_checks(sources, registry)
    session.problems.extend(problems + collect_problems)
    config = session.workspace.config
    index = _EvidenceIndex(session.evidence, [u.id for u in config.units if u.central])
    referential = session.referential
    applicable = session.applicable()
    values: dict[str, Any] = {
        "workspace": session.workspace,
        "config": config,
        "organization": config.organization,
        "referential": referential,
        "audit": config.audit,
        "audit_date": session.audit_date,
        "today": session.today,
        "all_evidence": index.all,
        "applicable": tuple(applicable),
        "lang": session.lang,
        "freshness": _freshness(dict(config.freshness)),
    }
    assessed = {i.number: i.assessed_at for i in referential}
    units, offerings = session.target_units(), session.target_offerings()
    certifying = [(u, o) for u, o in offerings if o.certifying] or offerings
    conditions = {i.number: i.condition for i in referential}

    def offerings_for(number: int) -> list[tuple[Unit, Offering]]:
        return certifying if conditions.get(number) == "certifying" else offerings

    cache: dict[tuple[str, Any], Any] = {}
    findings: list[Finding] = []

    def evidence_paths(item: Item, number: int) -> tuple[str, ...]:
        unit_id, offering_id = item.target_key
        return index.paths_for(unit_id, offering_id, number)

    pending: list[Item] = []
    for check in checks:
        provided = (*values, *TARGETED, *_params(check))
        try:
            registry.validate(check.argnames, check.name, provided=provided)
        except FixtureLookupError as error:
            bound = check.bound_indicators(referential.id) or ()
            numbers = [n for n in applicable if n in bound]
            findings.extend(unknown_fixture_findings(check, error, numbers))
            session.problems.append(Problem.make(check.source, str(error), str(error)))
            continue
        items = expand(
            check,
            version=referential.id,
            applicable=applicable,
            assessed_at=lambda n: assessed.get(n, "unit"),
            units=units,
            offerings=offerings,
            needs=registry.closure(check.argnames),
            offerings_for=offerings_for,
        )
        pending.extend(items)
    # Run unit by unit (stable within a unit), so progress can say which unit is checked.
    order = {unit.id: index_ for index_, unit in enumerate(session.workspace.config.units)}
    pending.sort(key=lambda item: order.get(item.target_key[0] or "", -1))
    current: str | None = None
    for item in pending:
        unit_id, offering_id = item.target_key
        if unit_id != current and unit_id is not None and tell is not None:
            current = unit_id
            tell(f"vérifications — unité {unit_id}", f"checks — unit {unit_id}")
        values["unit"] = item.unit
        values["offering"] = item.offering
        values["target"] = item.offering or item.unit
        values["evidence"] = index.for_target(unit_id, offering_id)
        values["indicator"] = (
            referential.indicator(item.indicators[0])
            if len(item.indicators) == 1 and item.indicators[0]
            else None
        )
        findings.extend(run_item(item, registry, values, cache, evidence_paths, watchdog))
    return _report_central_once(findings, index)


def _params(check: CheckDef) -> list[str]:
    return [name for mark in check.marks_named("parametrize") for name in mark.args[0]]


def _report_central_once(findings: list[Finding], index: _EvidenceIndex) -> list[Finding]:
    """A finding about central evidence only is reported once, on the central unit, not once per
    unit (SPEC §3)."""
    if not index.central:
        return findings
    central_paths = {e.path for u in index.central for e in index.by_unit.get(u, ())}
    seen: set[tuple[str, int, str, str, tuple[str, ...]]] = set()
    result = []
    for finding in findings:
        if (
            finding.unit is not None
            and finding.offering is None
            and finding.outcome != "passed"
            and finding.evidence
            and set(finding.evidence) <= central_paths
        ):
            key = (
                finding.check,
                finding.indicator,
                finding.outcome,
                finding.message.fr,
                finding.evidence,
            )
            if key in seen:
                continue
            seen.add(key)
            finding = finding.model_copy(update={"unit": index.central[0]})
        result.append(finding)
    return result


def _open_cache(options: RunOptions) -> Cache | None:
    """The extraction cache of the run, or None when the run uses none."""
    if not options.use_cache:
        return None
    return Cache(None if options.cache_dir is None else options.cache_dir / "extract.sqlite3")


def _collect(
    workspace: Workspace, plugins: PluginSet, watchdog: Watchdog, cache: Cache | None
) -> CollectResult:
    """:func:`rnq.collect.collectors.collect`, with what file names say remembered in ``cache``: a
    warm run maps unchanged names without inferring their kind and date again."""
    version = name_facts_version()
    known: dict[str, NameFacts] = {}
    if cache is not None:
        for name, data in cache.get_names(version).items():
            facts = NameFacts.load(data)
            if facts is not None:
                known[name] = facts
    with using_names(NameMemo(known)) as memo:
        collected = collect(workspace, plugins, watchdog)
    if cache is not None and memo.added:
        cache.put_names(((name, f.dump()) for name, f in memo.added.items()), version)
    return collected


def _run_key(
    workspace: Workspace,
    walked: WalkResult,
    plugins: PluginSet,
    options: RunOptions,
    referential: Referential,
    today: dt.date,
    audit_date: dt.date | None,
) -> str | None:
    """The key of this run (:mod:`rnq.cache.runkey`): its options that shape the report, and the
    versions of the extractor and of the content checks."""
    from rnq.checks._common import facts_version
    from rnq.extract.model import EXTRACTOR_VERSION

    shaping = {
        "today": today.isoformat(),
        "audit_date": audit_date.isoformat() if audit_date else None,
        "referential": referential.id,
        "units": options.units,
        "indicators": options.indicators,
        "offerings": options.offerings,
        "lang": options.lang,
        "sample": options.sample.model_dump(mode="json") if options.sample else None,
        "check_timeout_s": options.check_timeout_s,
    }
    return run_key(workspace, walked, plugins, shaping, [EXTRACTOR_VERSION, facts_version()])


def _stored_form(report: Report) -> bytes | None:
    """``report`` as compact JSON, to be reused (None when pydantic cannot write it: a lone
    surrogate; the run is then simply not reused)."""
    try:
        return report.__pydantic_serializer__.to_json(report, by_alias=True)
    except PydanticSerializationError:
        return None


def _reused(stored: bytes) -> Report | None:
    """The report an earlier run stored, or None if it no longer reads as one."""
    try:
        return Report.model_validate_json(stored)
    except ValueError:  # pydantic's ValidationError included
        return None


def _read_documents(
    workspace: Workspace,
    collected: CollectResult,
    options: RunOptions,
    cache: Cache | None,
    referential: str,
) -> tuple[list[Evidence], DocumentStore]:
    """Read every collected file's text (in parallel, cached) and attach it to its evidence:
    with a cache, texts stay in it and are loaded on demand (:mod:`rnq.extract.store`)."""
    from rnq.checks._common import facts_version
    from rnq.checks._plan import context_of, questions_for
    from rnq.collect.enrich import apply_extraction

    files: dict[str, Path] = {}
    questions: dict[str, tuple[str, ...]] = {}
    context = context_of(workspace.config)
    for item in collected.evidence:
        if item.collector == "filesystem":
            files.setdefault(item.path, locate(workspace.root, item.path))
            asked = questions_for(item.indicators, item.kind, referential, context(item))
            known = questions.get(item.path)
            if known is not None and known != asked:  # one file, several records
                asked = tuple(dict.fromkeys((*known, *asked)))
            questions[item.path] = asked
    store = DocumentStore(cache, options.workers, facts_version())
    documents = store.read(sorted(files.items()), questions)
    evidence = []
    for item in collected.evidence:
        document = documents.get(item.path)
        if document is not None:
            item = apply_extraction(
                item,
                document.extraction,
                loader=document.loader,
                content_key=document.content_key,
                facts=document.facts,
            )
        evidence.append(item)
    return evidence, store


def run(workspace: Workspace | str | Path, options: RunOptions | None = None) -> Report:
    """Run the readiness check on ``workspace`` and return the report.

    >>> report = rnq.run("evidence", rnq.RunOptions(today=datetime.date(2026, 11, 28)))
    >>> report.summary.certifiable
    """
    options = options or RunOptions()
    if not isinstance(workspace, Workspace):
        workspace = load(workspace)
    with fewer_collections(), Watchdog(options.check_timeout_s) as watchdog:
        return _run(workspace, options, watchdog)


def _run(workspace: Workspace, options: RunOptions, watchdog: Watchdog) -> Report:
    """:func:`run`, with plugin collectors and checks under ``watchdog``."""
    sample = options.sample
    if sample is not None and sample.audit_type != workspace.config.audit.type:
        audit = workspace.config.audit.model_copy(update={"type": sample.audit_type})
        config = workspace.config.model_copy(update={"audit": audit})
        workspace = workspace.model_copy(update={"config": config})
    config = workspace.config
    today = options.today or dt.date.today()
    audit_date = options.audit_date or config.audit.date
    referential = choose_referential(
        version=options.referential, audit_date=audit_date, workspace=workspace, today=today
    )
    decisions = applicable_indicators(workspace, referential)
    plugins = get_plugin_manager(
        workspace_root=workspace.root,
        workspace_plugins=config.plugins,
        load_entrypoints=options.load_entrypoints,
        extra=options.extra_plugins,
    )
    workspace = declare_units(workspace, plugins)
    waivers = load_waivers(workspace, referential=referential)
    cache = _open_cache(options)
    key, walked = None, None
    if cache is not None and cache.enabled:
        walked = walk(workspace.root, workspace.config.ignore, watch_ignored=True)
        key = _run_key(workspace, walked, plugins, options, referential, today, audit_date)
        stored = cache.get_run(key) if key is not None else None
        reused = _reused(stored) if stored is not None else None
        if reused is not None:
            options.tell(
                "rien n'a changé depuis la dernière exécution : rapport repris du cache",
                "nothing changed since the last run: report taken from the cache",
            )
            cache.close()
            return reused
    options.tell("collecte des preuves", "collecting evidence")
    try:
        walking = (
            reusing(workspace.root, workspace.config.ignore, walked)
            if walked is not None
            else nullcontext()
        )
        with walking:
            collected = _collect(workspace, plugins, watchdog, cache)
        options.tell(
            f"lecture de {len(collected.evidence)} documents",
            f"reading {len(collected.evidence)} documents",
        )
        evidence, store = _read_documents(workspace, collected, options, cache, referential.id)
        collected.evidence = evidence  # the records before reading are no longer needed
    except BaseException:
        if cache is not None:
            cache.close()
        raise
    try:
        report = _check_and_report(
            workspace,
            options,
            referential,
            decisions,
            plugins,
            waivers,
            collected,
            evidence,
            watchdog,
        )
        store.save_facts()
    except BaseException:
        store.save_facts()  # what was answered stays answered, as after a run that ended well
        store.close()
        raise
    del evidence, collected  # the report holds what it needs: free the rest before storing it
    store.release()
    give_back_memory()
    read = store.extractor.stats
    transient = (
        watchdog.fired  # a check or a collector ran out of time: try again next run
        or read.timeouts
        or read.crashes
        or read.pool_restarts
        or any(p.path.startswith("plugin:") for p in report.errors)
    )
    if key is not None and cache is not None and not transient:
        stored = _stored_form(report)
        if stored is not None:
            cache.put_run(key, stored)
        del stored
    store.close()
    return report


def _check_and_report(
    workspace: Workspace,
    options: RunOptions,
    referential: Referential,
    decisions: list[Applicability],
    plugins: PluginSet,
    waivers: Any,
    collected: CollectResult,
    evidence: list[Evidence],
    watchdog: Watchdog,
) -> Report:
    config, sample = workspace.config, options.sample
    today = options.today or dt.date.today()
    audit_date = options.audit_date or config.audit.date
    unreadable = [
        Problem(path=e.path, message=e.problem) for e in evidence if e.problem is not None
    ]
    session = Session(
        workspace=workspace,
        referential=referential,
        decisions=decisions,
        evidence=evidence,
        today=today,
        audit_date=audit_date or today,
        lang=options.lang,
        units=options.units or (sample.units if sample is not None else ()),
        indicators=options.indicators,
        offerings=options.offerings or (sample.offering_ids if sample is not None else ()),
        problems=[*plugins.problems, *collected.problems, *unreadable],
    )
    options.tell("vérifications", "running checks")
    findings = run_checks(session, plugins, options.tell if options.progress else None, watchdog)
    reported = [d for d in decisions if not options.indicators or d.number in options.indicators]
    report = build_report(
        referential=referential,
        decisions=reported,
        config=config,
        findings=findings,
        problems=session.problems,
        waivers=waivers,
        today=today,
        audit_date=audit_date,
        lang=options.lang,
        evidence=evidence,
        unmapped=collected.unmapped,
    )
    calendar = audit_calendar(config, today, audit_date=audit_date, lang=options.lang)
    report = report.model_copy(update={"calendar": calendar, "sample": sample})
    return _add_sections(report, plugins)


def _add_sections(report: Report, plugins: PluginSet) -> Report:
    """Ask plugins for their report sections (``rnq_report_sections``); a plugin that fails or
    returns garbage is reported as an error and the report goes on without its section."""
    failures: list[Problem] = []
    contributed = plugins.call_each(
        "rnq_report_sections",
        {"report": report, "lang": report.lang},
        failures,
        lambda got: [(str(s["title"]), str(s["markdown"])) for s in got or ()],
    )
    sections = [
        Section(title=title, markdown=markdown, plugin=name)
        for name, returned in contributed
        for title, markdown in returned
    ]
    problems = [
        ReportError(path=p.path, line=p.line, message=p.message.get(report.lang)) for p in failures
    ]
    if not sections and not problems:
        return report
    return report.model_copy(
        update={"sections": tuple(sections), "errors": (*report.errors, *problems)}
    )
