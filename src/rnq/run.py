"""One readiness run, end to end: the library's main entry point, :func:`run`.

load the workspace → choose the referential → decide applicability → load plugins → collect
evidence → read documents (in parallel, cached outside the workspace) → collect and run checks →
build the report (statuses, NC rules, action plan). Every output is a view of the returned
:class:`~rnq.verdict.report.Report`.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rnq.bulk import fewer_collections, give_back_memory
from rnq.cache.runkey import run_keys
from rnq.cache.store import Cache
from rnq.collect.collectors import CollectResult, collect, declare_units
from rnq.collect.evidence import Evidence
from rnq.collect.filesystem import FileMemo, using_files
from rnq.collect.mapping import NameFacts, NameMemo, name_facts_version, using_names
from rnq.engine.collection import CheckCollection, collect_code
from rnq.engine.reuse import ItemMemo
from rnq.engine.session import Session, run_checks
from rnq.errors import Problem
from rnq.extract import early, pool
from rnq.extract.store import DocumentStore
from rnq.plugins import PluginSet, get_plugin_manager
from rnq.referential.applicability import Applicability
from rnq.referential.loader import Referential
from rnq.rehearsal.calendar import audit_calendar
from rnq.rehearsal.sampling import AuditSample
from rnq.render.report_json import hand_over, report_json
from rnq.text import Lang, Localized
from rnq.timeouts import DEFAULT_STEP_TIMEOUT_S, Watchdog
from rnq.verdict.build import build_report
from rnq.verdict.report import Report, ReportError, Section
from rnq.verdict.waivers import load_waivers
from rnq.workspace.applicable import applicable_indicators, choose_referential
from rnq.workspace.config import Workspace, load
from rnq.workspace.walk import WalkResult, locate, reusing, walk

__all__ = ["RunOptions", "run", "running"]


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


_LOG = logging.getLogger("rnq")


def _say_cache_off(cache: Cache | None, lang: Lang) -> None:
    """Say once, on the ``rnq`` logger (stderr unless the application configures logging), that
    the cache was turned off during the run: the run went on, but every run will be cold."""
    if cache is not None and cache.problem is not None:
        _LOG.warning("rnq: %s", cache.problem.get(lang))


def _open_cache(options: RunOptions) -> Cache | None:
    """The extraction cache of the run, or None when the run uses none."""
    if not options.use_cache:
        return None
    return Cache(None if options.cache_dir is None else options.cache_dir / "extract.sqlite3")


#: The memo of the concepts' questions (:func:`rnq.match.french.known_questions`).
_QUESTIONS = "concept-questions"


@dataclass
class _Memos:
    """What an earlier run with the same base key mapped and read of each file
    (:class:`~rnq.collect.filesystem.FileMemo`) and the findings of its check items
    (:class:`~rnq.engine.reuse.ItemMemo`): a run after an edit maps, reads and checks again
    only what changed."""

    items: ItemMemo
    files: FileMemo
    #: The files' stats from the walk (``(size, mtime_ns, inode, ctime_ns)`` by relative
    #: path): no second ``stat`` of 50 000 files.
    stats: Mapping[str, tuple[int, int, int, int]]
    #: The pieces of evidence whose digest the file memo may not hold yet: those read in this
    #: run and those recalled without one (:meth:`keep_digests`).
    fresh: list[Evidence] = field(default_factory=list)

    @classmethod
    def load(cls, cache: Cache, root: Path, items: ItemMemo, walked: WalkResult) -> _Memos:
        from rnq.checks.helpers import facts_version
        from rnq.match.french import known_questions

        known = cache.get_memo(f"files\x00{root}", FileMemo.inputs(items.base))
        # the concepts' questions written out by an earlier run of the same content checks
        known_questions(cache.get_memo(_QUESTIONS, facts_version()))
        return cls(items, FileMemo(known), walked.stats)

    def keep_digests(self) -> None:
        """Keep in the file memo, for the next run, the digest of each piece of evidence rnq
        mapped (not a plugin's) that has one now, and none for a piece that has none (mapped
        again and not digested: a unit the run left out), which would no longer be its
        digest; a file with several pieces keeps none. Only the :attr:`fresh` pieces are
        looked at: one recalled with its digest was digested with it (after an edit, 50 000
        pieces less to go through, 0.1 s, before the reports are started)."""
        digests, keep = self.items.digests, self.files.keep_digest
        seen: set[str] = set()
        several: set[str] = set()
        for item in self.fresh:
            if item.collector == "filesystem":
                path = item.path
                (several if path in seen else seen).add(path)
                keep(path, digests.get(id(item)))
        for path in several:
            keep(path, None)
        self.fresh = []  # the run frees its evidence before the reports: none is held here

    def save(self, cache: Cache, root: Path) -> None:
        from rnq.checks.helpers import facts_version
        from rnq.match.french import questions_to_keep

        questions = questions_to_keep()
        if questions is not None:  # new ones written out: all are kept (a few hundred)
            cache.put_memo(_QUESTIONS, facts_version(), questions)
        base = self.items.base
        cache.put_items(list(self.items.added()))
        # a memo loaded for other inputs (or none) is written whole: every shard
        files = self.files.changed() if self.files.known else None
        cache.put_memo(f"files\x00{root}", FileMemo.inputs(base), self.files.current, files)


def _collect(
    workspace: Workspace,
    plugins: PluginSet,
    watchdog: Watchdog,
    cache: Cache | None,
    memos: _Memos | None = None,
) -> CollectResult:
    """:func:`rnq.collect.collectors.collect`, with what file names say remembered in ``cache``: a
    warm run maps unchanged names without inferring their kind and date again. The reports rnq
    wrote inside the workspace are left out (:mod:`rnq.render.own_outputs`)."""
    from rnq.render.own_outputs import without_own_outputs

    version = name_facts_version()
    known: dict[str, NameFacts] = {}
    # With what each file mapped to remembered, only the changed files' names are looked at:
    # loading the names of 50 000 files would cost more than inferring those few again.
    if cache is not None and (memos is None or not memos.files.known):
        for name, data in cache.get_names(version).items():
            facts = NameFacts.load(data)
            if facts is not None:
                known[name] = facts
    files = nullcontext() if memos is None else using_files(memos.files)
    with using_names(NameMemo(known)) as memo, files:
        collected = without_own_outputs(
            collect(workspace, plugins, watchdog),
            workspace.root,
            memos.files if memos is not None else None,
        )
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
) -> tuple[str, str] | None:
    """The key of this run and its base key (:mod:`rnq.cache.runkey`): its options that shape
    the report, the versions of the extractor and of the content checks, the workspace's own
    check modules and plugin files."""
    from rnq.checks.helpers import facts_version
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
    root = workspace.root
    code = [str(root / path) for path in workspace.config.plugins]
    for folder in workspace.config.checks:
        code += (str(path) for path in sorted((root / folder).rglob("*.py")))
    versions = [EXTRACTOR_VERSION, facts_version()]
    return run_keys(workspace, walked, plugins, shaping, versions, code)


def _stored_form(report: Report) -> bytes | None:
    """``report`` as its ``--json`` file holds it (:func:`~rnq.render.report_json.report_json`),
    to be reused, and handed to a caller writing that file; None when pydantic cannot write it
    (a lone surrogate): the run is then simply not reused."""
    stored = report_json(report)
    if stored is not None:
        hand_over(report, stored)
    return stored


def _reused(stored: bytes) -> Report | None:
    """The report an earlier run stored, or None if it no longer reads as one. The stored bytes
    are the report's ``--json`` form: they are handed to a caller writing that file."""
    try:
        report = Report.model_validate_json(stored)
    except ValueError:  # pydantic's ValidationError included
        return None
    if stored.startswith(b"{\n"):  # the indented form this code stores (never another)
        hand_over(report, stored)
    return report


class _Planned(Mapping[str, tuple[str, ...]]):
    """The questions planned for each file (:func:`rnq.checks.questions.target_plan`), worked
    out when asked: only for the files read again, one after an edit, not 50 000. A file with
    several records is asked the questions of each, in their order."""

    def __init__(
        self,
        records: dict[str, list[Evidence]],
        plan: Callable[[Iterable[int], str | None, str | None], tuple[str, ...]],
    ) -> None:
        self._records = records
        self._plan = plan

    def __getitem__(self, path: str) -> tuple[str, ...]:
        asked: tuple[str, ...] | None = None
        for item in self._records[path]:
            more = self._plan(item.indicators, item.unit, item.offering)
            if asked is not None and asked != more:
                more = tuple(dict.fromkeys((*asked, *more)))
            asked = more
        return asked if asked is not None else ()

    def __iter__(self) -> Iterator[str]:
        return iter(self._records)

    def __len__(self) -> int:
        return len(self._records)


#: Files to read from which the workers answer the checks' questions as they read them.
_PLANNED_FROM = 16


def _absolute_prefix(root: Path) -> str | None:
    """What a walked relative path is appended to, to give the file's normalized absolute path
    (``os.path.abspath(locate(root, relative))``, as :meth:`DocumentStore.read` wants strings),
    or None where separators differ (Windows: :func:`~rnq.workspace.walk.locate` then)."""
    if os.sep != "/" or os.altsep is not None:
        return None
    return os.path.abspath(root).rstrip("/") + "/"


def _file_path(root: Path, prefix: str | None, relative: str) -> str | Path:
    """Where the walked file ``relative`` is, as the document store reads it: ``prefix``
    (:func:`_absolute_prefix`) and the name, with no Path object per file (50 000 of them cost
    0.3 s a run), but for a name the walk shows escaped, which :func:`locate` finds on disk."""
    if prefix is not None and "\\" not in relative:
        return prefix + relative
    return locate(root, relative)


def _read_documents(
    workspace: Workspace,
    collected: CollectResult,
    options: RunOptions,
    cache: Cache | None,
    referential: str,
    memos: _Memos | None = None,
) -> tuple[list[Evidence], DocumentStore]:
    """Read every collected file's text (in parallel, cached) and attach it to its evidence:
    with a cache, texts stay in it and are loaded on demand (:mod:`rnq.extract.store`)."""
    from rnq.checks.helpers import facts_version
    from rnq.checks.questions import target_plan
    from rnq.collect.enrich import apply_extraction

    root = workspace.root
    prefix = _absolute_prefix(root)
    store = DocumentStore(cache, options.workers, facts_version())
    files: dict[str, str | Path] = {}
    records: dict[str, list[Evidence]] = {}
    others: set[str] = set()  # the paths of other collectors' records
    for item in collected.evidence:
        if item.collector != "filesystem":
            others.add(item.path)
            continue
        path = item.path
        known = records.get(path)
        if known is None:
            files[path] = _file_path(root, prefix, path)
            records[path] = [item]
        else:  # one file, several records
            known.append(item)
    # What reading gave is kept for, and recalled to, a file with one record alone (rnq's):
    # another record of the file (a plugin's) gets the file's content as read now.
    alone = {p for p, pieces in records.items() if len(pieces) == 1} - others
    recalled: set[str] = set()
    memo = None
    if memos is not None and cache is not None and cache.enabled:
        memo = memos.files
        recalled = _recall_read(records, files, alone, memos, store)
    unread = sorted((path, file) for path, file in files.items() if path not in recalled)
    # The workers answer, as they read, the questions the checks will ask (over every core);
    # a few files (a run after an edit) are left to the checks, which ask what they need: the
    # plan would cost more to work out (0.14 s) than it saves.
    questions = (
        _Planned(records, target_plan(workspace.config, referential))
        if len(unread) >= _PLANNED_FROM
        else None
    )
    documents = store.read(unread, questions, memos.stats if memos is not None else None)
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
            if memo is not None and item.path in alone:
                memo.keep_read(item.path, item, document.loader is not None, document.content)
            if memos is not None:
                memos.fresh.append(item)
        evidence.append(item)
    return evidence, store


def _recall_read(
    records: dict[str, list[Evidence]],
    files: dict[str, str | Path],
    alone: set[str],
    memos: _Memos,
    store: DocumentStore,
) -> set[str]:
    """Give the records the file memo recalled as read (:meth:`FileMemo.recalled_reads`: 50 000
    after one edit) their content, in the files' order (:meth:`DocumentStore.recall`), and
    the digest an earlier run computed; return their paths. Only the files with one record
    (``alone``) are recalled: the others are read as new ones."""
    digests = memos.items.digests
    recalled: list[str] = []
    items: list[Evidence] = []
    recalling: list[tuple[str, Sequence[int], bool, str | None]] = []  # what the store recalls
    for path, stat, has_content, digest, content in memos.files.recalled_reads(
        [p for p in files if p in alone]
    ):
        file = files[path]
        absolute = file if isinstance(file, str) else os.path.abspath(file)
        recalling.append((absolute, stat, has_content, content))
        recalled.append(path)
        item = records[path][0]
        items.append(item)
        if digest is not None:
            digests[id(item)] = digest
        else:
            memos.fresh.append(item)
    for item, (loader, content_key, facts) in zip(items, store.recall(recalling), strict=True):
        item.recalled_content(loader, content_key, facts)
    return set(recalled)


def run(workspace: Workspace | str | Path, options: RunOptions | None = None) -> Report:
    """Run the readiness check on ``workspace`` and return the report.

    >>> report = rnq.run("evidence", rnq.RunOptions(today=datetime.date(2026, 11, 28)))
    >>> report.summary.certifiable

    :raises CodeError: the checks or the workspace's plugins have code errors (a syntax error,
        an unknown mark…): every one is listed, and no document is read (exit 2).
    """
    with running(workspace, options) as report:
        return report


@contextmanager
def running(
    workspace: Workspace | str | Path,
    options: RunOptions | None = None,
    *,
    unfreed: list[object] | None = None,
) -> Iterator[Report]:
    """:func:`run` in two steps, for a caller with more to do with the report: the block gets
    the report as soon as it is built, and what the next run reuses (the report's JSON, the
    file and check memos) is stored when the block ends without an exception. ``rnq check``
    writes its reports meanwhile (:mod:`rnq.render.aside`). Raises as :func:`run` does.

    ``unfreed``: a list the run's memos and document store are appended to once stored,
    rather than freed: for a program that ends right after without freeing anything
    (:func:`rnq.cli._leave`; freeing them took 0.07 s after an edit at 50 000 files).

    The cyclic garbage collector stays off until the block ends (:func:`fewer_collections`).
    """
    options = options or RunOptions()
    if not isinstance(workspace, Workspace):
        workspace = load(workspace)
    with fewer_collections():
        with Watchdog(options.check_timeout_s) as watchdog:
            report, keeping = _run(workspace, options, watchdog)
        if unfreed is not None:
            unfreed.append(keeping)
        try:
            yield report
        except BaseException:
            keeping.close()
            raise
        keeping.keep(report)


@dataclass(frozen=True)
class _Setting:
    """What a run decides before collecting: the workspace (units declared by plugins
    included), its dates, the referential, what applies, the plugins and the waivers."""

    workspace: Workspace
    today: dt.date
    audit_date: dt.date | None
    referential: Referential
    decisions: list[Applicability]
    plugins: PluginSet
    waivers: Any


def _setting(workspace: Workspace, options: RunOptions) -> _Setting:
    """Decide what the run is about (a mock audit's sample changes the audit type)."""
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
    return _Setting(workspace, today, audit_date, referential, decisions, plugins, waivers)


def _reuse(
    setting: _Setting, options: RunOptions, cache: Cache
) -> tuple[str | None, WalkResult, Report | None, ItemMemo | None]:
    """The run's key, the walk it was computed from, the report an earlier run with the same
    key stored (None when there is none) and the findings of earlier runs' check items."""
    workspace = setting.workspace
    walked = walk(workspace.root, workspace.config.ignore, watch_ignored=True)
    keys = _run_key(
        workspace,
        walked,
        setting.plugins,
        options,
        setting.referential,
        setting.today,
        setting.audit_date,
    )
    if keys is None:
        return None, walked, None, None
    key, base = keys
    stored = cache.get_run(key)
    if stored is not None:
        reused = _reused(stored)
        if reused is not None:
            return key, walked, reused, None
    return key, walked, None, ItemMemo(base, key, cache.get_items)


def _gather(
    setting: _Setting,
    options: RunOptions,
    watchdog: Watchdog,
    cache: Cache | None,
    walked: WalkResult | None,
    memos: _Memos | None = None,
) -> tuple[CollectResult, list[Evidence], DocumentStore]:
    """Collect the evidence and read its documents (the cache is closed if this fails)."""
    workspace = setting.workspace
    options.tell("collecte des preuves", "collecting evidence")
    reading = None
    if _reads_many(walked, memos):
        pool.start_forkserver()  # the workers' imports, on another core while this one collects
        reading = _read_early(workspace.root, options, cache, walked)
    try:
        walking = (
            reusing(workspace.root, workspace.config.ignore, walked)
            if walked is not None
            else nullcontext()
        )
        with walking:
            collected = _collect(workspace, setting.plugins, watchdog, cache, memos)
        if reading is not None:
            reading.stop()  # what it read is in the cache, to be answered only
        options.tell(
            f"lecture de {len(collected.evidence)} documents",
            f"reading {len(collected.evidence)} documents",
        )
        evidence, store = _read_documents(
            workspace, collected, options, cache, setting.referential.id, memos
        )
        collected.evidence = evidence  # the records before reading are no longer needed
    except BaseException:
        if reading is not None:
            reading.stop()
        if cache is not None:
            cache.close()
        raise
    return collected, evidence, store


def _read_early(
    root: Path, options: RunOptions, cache: Cache | None, walked: WalkResult | None
) -> early.EarlyReading | None:
    """Start reading the largest PDF and Word files the cache does not hold while this process
    collects (:mod:`rnq.extract.early`); None when nothing is read early."""
    prefix = _absolute_prefix(root)
    # where separators differ (Windows), nothing is read early: never tried there
    if walked is None or cache is None or not cache.enabled or prefix is None:
        return None
    # the extractor the document store makes: its workers, its limits (its cache version)
    extractor = pool.Extractor(cache=cache, workers=options.workers)
    if not early.wanted(extractor.workers):
        return None
    from rnq.checks.helpers import facts_version

    chosen = early.candidates(
        (rel for rel, _absolute in walked.entries),
        walked.stats,
        lambda rel: _file_path(root, prefix, rel),
    )
    held = cache.get_stored([key for _rel, key in chosen], extractor.cache_version, facts_version())
    reading = early.EarlyReading(
        cache, [(rel, key) for rel, key in chosen if key not in held], extractor=extractor
    )
    return reading if reading.start() else None


def _reads_many(walked: WalkResult | None, memos: _Memos | None) -> bool:
    """Whether the run is likely to read enough files to start worker processes
    (:data:`~rnq.extract.pool.IN_PROCESS_BELOW` or more): a run without a cache, or one whose
    file memo knows fewer of the walked files (a first run, a new version of rnq); not a run
    after an edit."""
    if walked is None:  # no cache: every file is read
        return True
    known = len(memos.files.known) if memos is not None else 0
    return len(walked.stats) - known >= pool.IN_PROCESS_BELOW


def _transient(report: Report, store: DocumentStore, watchdog: Watchdog) -> bool:
    """Whether something in this run may go differently next time (a time limit, a crash, a
    failing plugin): its report is then not kept for reuse."""
    read = store.extractor.stats
    return bool(
        watchdog.fired  # a check or a collector ran out of time: try again next run
        or read.timeouts
        or read.crashes
        or read.pool_restarts
        or any(p.path.startswith("plugin:") for p in report.errors)
    )


def _run(workspace: Workspace, options: RunOptions, watchdog: Watchdog) -> tuple[Report, _Keeping]:
    """:func:`run`, with plugin collectors and checks under ``watchdog``: the report, and
    what is to be stored for the next run once the caller is done with it."""
    setting = _setting(workspace, options)
    # Code errors stop the run before any document is read, all listed at once (exit 2).
    collection = collect_code(setting.workspace, setting.plugins)
    collection.raise_errors()
    cache = _open_cache(options)
    key, walked, memos = None, None, None
    if cache is not None and cache.enabled:
        key, walked, reused, memo = _reuse(setting, options, cache)
        if memo is not None:
            memos = _Memos.load(cache, setting.workspace.root, memo, walked)
        if reused is not None:
            options.tell(
                "rien n'a changé depuis la dernière exécution : rapport repris du cache",
                "nothing changed since the last run: report taken from the cache",
            )
            cache.close()
            _say_cache_off(cache, options.lang)
            return reused, _Keeping(options.lang)
    collected, evidence, store = _gather(setting, options, watchdog, cache, walked, memos)
    try:
        report = _check_and_report(
            setting,
            options,
            collected,
            evidence,
            watchdog,
            collection,
            memos.items if memos is not None else None,
        )
        store.save_facts()
    except BaseException:
        store.save_facts()  # what was answered stays answered, as after a run that ended well
        store.close()
        raise
    if memos is not None:
        memos.keep_digests()
    del evidence, collected  # the report holds what it needs: free the rest before storing it
    store.release()
    give_back_memory()
    kept = key is not None and cache is not None and not _transient(report, store, watchdog)
    root = setting.workspace.root
    return report, _Keeping(options.lang, store, cache, key if kept else None, memos, root)


@dataclass
class _Keeping:
    """What a run stores for the next one once its report is built: the report's JSON under
    the run's ``key`` (None: nothing is stored, the run was transient or has no key) and the
    memos; then the cache is closed."""

    lang: Lang
    store: DocumentStore | None = None
    cache: Cache | None = None
    key: str | None = None
    memos: _Memos | None = None
    root: Path | None = None

    def keep(self, report: Report) -> None:
        """Store what the next run reuses, then close the cache."""
        if self.key is not None and self.cache is not None:
            stored = _stored_form(report)
            if stored is not None:
                self.cache.put_run(self.key, stored)
            del stored
            if self.memos is not None and self.root is not None:
                self.memos.save(self.cache, self.root)
        self.close()

    def close(self) -> None:
        """Close the cache without storing anything more (and say if it was turned off)."""
        if self.store is not None:
            self.store.close()
        _say_cache_off(self.cache, self.lang)


#: A document dated further ahead than this is taken for a typo (« 2099 » for « 2026 »): it is
#: named, since such a date would keep the evidence current for ever. Plans and calendars of the
#: coming year stay silent.
_FUTURE_DAYS = 366


def _far_future(evidence: list[Evidence], today: dt.date) -> list[Problem]:
    """A problem for each file dated more than :data:`_FUTURE_DAYS` after ``today``."""
    limit = today + dt.timedelta(days=_FUTURE_DAYS)
    found: dict[str, dt.date] = {}
    for item in evidence:
        if item.date is not None and item.date > limit:
            found[item.path] = item.date
    return [
        Problem.make(
            path,
            f"daté du {date.isoformat()}, plus d'un an après aujourd'hui ({today.isoformat()}) : "
            "une faute de frappe ? Une date future garde la preuve à jour pour toujours ; "
            "corrigez-la (nom du fichier, en-tête ou manifeste)",
            f"dated {date.isoformat()}, over a year after today ({today.isoformat()}): a typo? "
            "A future date keeps the evidence current for ever; fix it (file name, front "
            "matter or manifest)",
        )
        for path, date in sorted(found.items())
    ]


def _check_and_report(
    setting: _Setting,
    options: RunOptions,
    collected: CollectResult,
    evidence: list[Evidence],
    watchdog: Watchdog,
    collection: CheckCollection,
    memo: ItemMemo | None = None,
) -> Report:
    """Run the checks on the collected evidence and build the report (with the calendar, the
    mock audit's sample and the plugins' sections); ``memo``: earlier runs' findings by check
    item (:mod:`rnq.engine.reuse`)."""
    workspace, referential, decisions = setting.workspace, setting.referential, setting.decisions
    plugins, waivers = setting.plugins, setting.waivers
    config, sample = workspace.config, options.sample
    today, audit_date = setting.today, setting.audit_date
    unreadable = [
        Problem(path=e.path, message=e.problem) for e in evidence if e.problem is not None
    ]
    unreadable += _far_future(evidence, today)
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
        failed_collectors=list(collected.failed),
    )
    options.tell("vérifications", "running checks")
    tell = options.tell if options.progress else None
    findings = run_checks(session, plugins, tell, watchdog, collection, memo)
    if memo is not None and memo.reused:
        options.tell(
            f"{memo.reused} vérifications sur {memo.reused + memo.ran} reprises de l'exécution "
            "précédente (leurs preuves n'ont pas changé)",
            f"{memo.reused} of {memo.reused + memo.ran} checks taken from the previous run "
            "(their evidence did not change)",
        )
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
