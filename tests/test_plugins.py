"""Plugins for real: the example packages installed and loaded through their entry points, the
collector protocol through ``rnq.collect.collectors.collect``, one test per hook, and the docs that
list every hook (after datasette's ``test_plugin_hooks_are_documented``)."""

from __future__ import annotations

import datetime as dt
import inspect
import json
import re
import subprocess
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any

import pytest

import rnq
from rnq import hookspecs
from rnq.collect.collectors import CollectContext, CollectResult, collect
from rnq.collect.evidence import Evidence, EvidenceSet
from rnq.engine.outcomes import Gap, msg
from rnq.errors import ConfigError
from rnq.plugins import BUILTIN_PLUGINS, DISABLE_ENV, get_plugin_manager
from rnq.workspace.config import Unit, Workspace, load

from .conftest import REPO

PLUGINS = REPO / "plugins"
PACKAGES = {
    "crm-complaints": "rnq_crm_complaints",
    "exam-registrations": "rnq_exam_registrations",
    "moodle": "rnq_moodle",
    "hr": "rnq_hr",
    "registrations": "rnq_registrations",
    "reports": "rnq_reports",
}
HOOKS = sorted(name for name in vars(hookspecs) if name.startswith("rnq_"))

CRM_CONFIG = """\
version: 1
organization: {name: "Organisme test"}
categories: [AF]
audit: {type: renewal, date: 2026-12-15}
units:
  - {id: siege, name: "Siège", path: siege, central: true}
  - id: pro
    name: "Pôle pro"
    path: pro
    collectors:
      - {use: crm-complaints, path: exports/reclamations.csv}
"""
CRM_EXPORT = (
    "Reçue le;Sujet;Répondu le;Canal\n"
    "15/03/2026;Retard de convocation;18/03/2026;Courriel\n"
    "02/04/2026;Salle trop petite;;Téléphone\n"
)
CRM_FILES: dict[str, str | bytes] = {"pro/exports/reclamations.csv": CRM_EXPORT}


# --- Installing the example plugins -------------------------------------------------------


@pytest.fixture(scope="session")
def installed_plugins(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Install the six example plugins with pip into a folder of their own (offline)."""
    target = tmp_path_factory.mktemp("plugins-target")
    command = [
        sys.executable,
        "-m",
        "pip",
        "install",
        "--quiet",
        "--no-deps",
        "--no-build-isolation",
        "--no-index",
        "--disable-pip-version-check",
        "--target",
        str(target),
        *(str(PLUGINS / f"rnq-{name}") for name in PACKAGES),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    return target


@pytest.fixture
def entry_points(installed_plugins: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Put the installed plugins on ``sys.path`` for one test, then take them off again.

    The plugins' own tests import them from their ``src`` folders; those modules are set aside
    meanwhile so that the entry points load the installed copies (and put back afterwards).
    """
    monkeypatch.delenv(DISABLE_ENV, raising=False)
    for name in list(sys.modules):
        if name.split(".")[0] in PACKAGES.values():
            monkeypatch.delitem(sys.modules, name)
    monkeypatch.syspath_prepend(str(installed_plugins))
    yield installed_plugins
    for name in list(sys.modules):
        module = sys.modules[name]
        if str(getattr(module, "__file__", "") or "").startswith(str(installed_plugins)):
            del sys.modules[name]


def _collectors(plugins: rnq.plugins.PluginSet) -> set[str]:
    return {name for mapping in plugins.hook.rnq_register_collectors() for name in mapping or {}}


def _collect(root: Path, *extra: object, entry_points: bool = True) -> CollectResult:
    return collect(load(root), get_plugin_manager(load_entrypoints=entry_points, extra=extra))


def test_entry_points_register_the_collectors(entry_points: Path) -> None:
    plugins = get_plugin_manager(load_entrypoints=True)
    names = plugins.names()
    assert names[: len(BUILTIN_PLUGINS)] == list(BUILTIN_PLUGINS)  # built-ins first
    assert set(PACKAGES) <= set(names)
    assert not [p for p in plugins.problems if p.path.startswith("plugin:")]
    assert set(PACKAGES) <= _collectors(plugins)
    for name, module in PACKAGES.items():
        plugin = plugins.manager.get_plugin(name)
        assert plugin is not None and plugin.__name__ == module
        assert Path(plugin.__file__).is_relative_to(entry_points)  # the installed copy


@pytest.mark.parametrize("how", ["environment", "argument"])
def test_autoload_can_be_disabled(
    entry_points: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    if how == "environment":
        monkeypatch.setenv(DISABLE_ENV, "1")
        plugins = get_plugin_manager()
    else:
        plugins = get_plugin_manager(load_entrypoints=False)
    assert not set(PACKAGES) & set(plugins.names())
    assert not set(PACKAGES) & _collectors(plugins)


def test_unit_collector_from_an_entry_point(
    entry_points: Path, write_workspace: Callable[..., Path]
) -> None:
    result = _collect(write_workspace(CRM_CONFIG, CRM_FILES))
    assert result.problems == []
    [record] = [e for e in result.evidence if e.collector == "crm-complaints"]
    assert record.path == "crm-complaints:pro/exports/reclamations.csv"
    assert (record.unit, record.indicators, record.kind) == ("pro", (31,), "reclamations")
    assert (record.read, record.mapped_by) == ("ok", "plugin")
    assert record.rows == (
        ("date_reception", "objet", "date_reponse", "canal", "statut", "action"),
        ("2026-03-15", "Retard de convocation", "2026-03-18", "Courriel", "", ""),
        ("2026-04-02", "Salle trop petite", "", "Téléphone", "", ""),
    )
    # The export itself is still seen by the filesystem collector, as a file.
    files = [e for e in [*result.evidence, *result.unmapped] if e.collector == "filesystem"]
    assert "pro/exports/reclamations.csv" in [e.path for e in files]


def test_unknown_collector_is_a_problem(
    entry_points: Path, write_workspace: Callable[..., Path]
) -> None:
    config = CRM_CONFIG.replace("use: crm-complaints", "use: crm-complaint")
    result = _collect(write_workspace(config, CRM_FILES))
    [problem] = result.problems
    assert problem.path == "rnq.yaml" and problem.line is not None
    assert "unknown collector 'crm-complaint'" in problem.message.en
    assert "crm-complaints" in problem.message.en and "moodle" in problem.message.en  # available
    assert not [e for e in result.evidence if e.collector != "filesystem"]


def test_an_example_plugin_not_installed_is_named_with_how_to_install_it(
    write_workspace: Callable[..., Path],
) -> None:
    result = _collect(write_workspace(CRM_CONFIG, CRM_FILES), entry_points=False)
    [problem] = result.problems
    assert problem.path == "rnq.yaml"
    assert problem.message.fr == (
        "unité « pro » : collecteur inconnu « crm-complaints » (disponibles : —) — l'extension "
        "d'exemple qui le fournit n'est pas installée : pip install ./plugins/rnq-crm-complaints,"
        " depuis le dépôt de rnq"
    )
    assert "pip install ./plugins/rnq-crm-complaints, from rnq's repository" in problem.message.en
    other = CRM_CONFIG.replace("use: crm-complaints", "use: erp-export")
    [problem] = _collect(write_workspace(other, CRM_FILES), entry_points=False).problems
    assert problem.message.fr.endswith("(disponibles : —) — installez l'extension qui le fournit")


#: The example workspace's records from each plugin (see evidence/README.md).
EXAMPLE_RECORDS = {
    "crm-complaints": 3,
    "moodle": 3,
    "registrations": 4,
    "hr": 2,
    "exam-registrations": 3,
    "reports": 1,
}


def test_the_example_reads_records_from_the_six_installed_plugins(entry_points: Path) -> None:
    """``rnq evidence --example`` with the plugins installed (entry points, as the README's
    first command does): every record names the plugin that gave it."""
    from click.testing import CliRunner

    from rnq.cli import main

    result = CliRunner().invoke(main, ["evidence", "--example", "--json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["errors"] == []
    records = [item for item in doc["evidence"] if item["mapped_by"] == "plugin"]
    counts: dict[str, int] = {}
    for item in records:
        assert item["plugin"] == {"name": item["collector"], "version": "0.1.0"}
        counts[item["collector"]] = counts.get(item["collector"], 0) + 1
    assert counts == EXAMPLE_RECORDS
    text = CliRunner().invoke(main, ["evidence", "--example"]).stdout
    assert text.splitlines()[2] == (
        "Relevés des extensions : crm-complaints 0.1.0 (3), exam-registrations 0.1.0 (3), "
        "hr 0.1.0 (2), moodle 0.1.0 (3), registrations 0.1.0 (4), reports 0.1.0 (1)"
    )
    assert (
        "registrations:pro/exports/inscriptions-pro-2026-11-20.csv#comptabilite-paie  "
        "(inscriptions, 2026-10-05) — extension registrations 0.1.0"
    ) in text


def test_the_example_report_names_the_records_of_the_six_plugins(entry_points: Path) -> None:
    """The example's run through the installed entry points: the report's evidence holds each
    plugin's records, its HTML names them, and the answer is the one evidence/README.md gives."""
    from rnq.render.html import render_html

    options = rnq.RunOptions(today=dt.date(2026, 11, 28), use_cache=False)
    report = rnq.run(REPO / "evidence", options)
    records = [e for e in report.evidence if e.mapped_by == "plugin"]
    assert {e.collector for e in records} == set(EXAMPLE_RECORDS)
    assert all(e.read == "ok" for e in records)
    assert [e.path for e in report.errors] == [
        "pro/cap-aepe/presentation-a-l-examen-cap-aepe-scan.pdf"
    ]
    html = render_html(report)
    for record in records:
        assert record.path in html, record.path
    assert not report.summary.certifiable
    assert [b.split(":")[0] for b in report.summary.blocking] == ["21", "31"]


class _Exploding:
    """A plugin whose collectors raise: reported, and the run goes on."""

    @rnq.hookimpl
    def rnq_register_collectors(self) -> dict[str, Callable[[CollectContext], list[Evidence]]]:
        return {"explodes": self.collector}

    @rnq.hookimpl
    def rnq_collect_evidence(self, workspace: Workspace) -> list[Evidence]:
        raise OSError("share unreachable")

    @staticmethod
    def collector(context: CollectContext) -> list[Evidence]:
        raise RuntimeError("CRM unreachable")


def test_failing_plugin_is_reported_and_the_run_goes_on(
    entry_points: Path, write_workspace: Callable[..., Path]
) -> None:
    config = CRM_CONFIG.replace(
        "      - {use: crm-complaints",
        "      - {use: explodes}\n      - {use: crm-complaints",
    )
    result = _collect(write_workspace(config, CRM_FILES), _Exploding())
    messages = {p.message.en: p.path for p in result.problems}
    assert len(messages) == 2
    [(unit_failure, where)] = [(m, w) for m, w in messages.items() if "CRM unreachable" in m]
    assert where == "plugin:explodes" and "the collector failed" in unit_failure
    assert any("share unreachable" in m for m in messages)
    assert [e.collector for e in result.evidence if e.collector != "filesystem"] == [
        "crm-complaints"
    ]


def test_misspelled_hook_is_rejected() -> None:
    class Typo:
        @rnq.hookimpl
        def rnq_colect_evidence(self, workspace: Workspace) -> list[Evidence]:
            return []

    with pytest.raises(ConfigError) as info:
        get_plugin_manager(load_entrypoints=False, extra=[Typo()])
    assert "rnq_colect_evidence" in info.value.message("en")
    assert info.value.hint is not None and "typo" in info.value.hint.en


# --- One test per hook ----------------------------------------------------------------------


def test_hook_rnq_declare_units(write_workspace: Callable[..., Path]) -> None:
    class Organisation:
        @rnq.hookimpl
        def rnq_declare_units(self, workspace: Workspace) -> list[Unit]:
            known = {unit.id for unit in workspace.config.units}
            return [] if "lms" in known else [Unit(id="lms", name="Plateforme en ligne")]

    workspace = load(write_workspace())
    plugins = get_plugin_manager(load_entrypoints=False, extra=[Organisation()])
    declared = [u for units in plugins.hook.rnq_declare_units(workspace=workspace) for u in units]
    assert [(u.id, u.name) for u in declared] == [("lms", "Plateforme en ligne")]


def test_hook_rnq_register_collectors(write_workspace: Callable[..., Path]) -> None:
    seen: list[Mapping[str, Any]] = []

    def agenda(context: CollectContext) -> Iterable[Evidence]:
        seen.append(context.settings)
        assert context.unit is not None
        yield Evidence(
            path=f"agenda:{context.settings['calendar']}",
            unit=context.unit.id,
            indicators=(9,),
            kind="coordination",
            mapped_by="plugin",
            collector=context.name,
            read="ok",
            text="12 réunions pédagogiques",
        )

    class Agenda:
        @rnq.hookimpl
        def rnq_register_collectors(self) -> dict[str, Callable[..., Iterable[Evidence]]]:
            return {"agenda": agenda}

    config = CRM_CONFIG.replace(
        "{use: crm-complaints, path: exports/reclamations.csv}", "{use: agenda, calendar: equipe}"
    )
    result = _collect(write_workspace(config), Agenda(), entry_points=False)
    assert result.problems == []
    assert seen == [{"calendar": "equipe"}]
    [record] = [e for e in result.evidence if e.collector == "agenda"]
    assert (record.path, record.unit, record.indicators) == ("agenda:equipe", "pro", (9,))


def test_hook_rnq_collect_evidence(write_workspace: Callable[..., Path]) -> None:
    class Extranet:
        @rnq.hookimpl
        def rnq_collect_evidence(self, workspace: Workspace) -> list[Evidence]:  # opt-in args
            return [
                Evidence(
                    path="extranet:charte-qualite",
                    unit=workspace.config.units[0].id,
                    indicators=(1,),
                    kind="procedure",
                    mapped_by="plugin",
                    collector="extranet",
                    read="ok",
                    text="Charte qualité publiée sur l'extranet",
                )
            ]

    result = _collect(write_workspace(), Extranet(), entry_points=False)
    assert [e.path for e in result.evidence if e.collector == "extranet"] == [
        "extranet:charte-qualite"
    ]


def _unanswered(evidence: EvidenceSet) -> None:
    """Every complaint of the register has been answered (a house check)."""
    for record in evidence.of_kind("reclamations").usable():
        header, *rows = record.rows or ((),)
        column = header.index("date_reponse")
        open_ = [row for row in rows if not row[column]]
        if open_:
            raise Gap(msg(f"{len(open_)} réclamation(s) sans réponse", f"{len(open_)} open"))


def test_hook_rnq_register_checks(entry_points: Path, write_workspace: Callable[..., Path]) -> None:
    check = rnq.mark.indicator(31)(_unanswered)
    house = SimpleNamespace(__name__="house_checks", check_complaints_answered=check)

    class HouseChecks:
        @rnq.hookimpl
        def rnq_register_checks(self) -> list[object]:
            return [house]

    report = rnq.run(
        write_workspace(CRM_CONFIG, CRM_FILES),
        rnq.RunOptions(
            today=dt.date(2026, 11, 28), extra_plugins=(HouseChecks(),), use_cache=False
        ),
    )
    findings = [f for f in report.indicator(31).findings if "house_checks" in f.check]
    assert [(f.outcome, f.message, f.unit) for f in findings] == [
        ("gap", "1 réclamation(s) sans réponse", "pro")
    ]


def test_hook_rnq_report_sections() -> None:
    class Sections:
        @rnq.hookimpl
        def rnq_report_sections(self, lang: str) -> list[dict[str, str]]:  # opt-in args
            title = "Plateforme en ligne" if lang == "fr" else "Online platform"
            return [{"title": title, "markdown": "**124** apprenants suivis"}]

    plugins = get_plugin_manager(load_entrypoints=False, extra=[Sections()])
    sections = [
        s for group in plugins.hook.rnq_report_sections(report=None, lang="en") for s in group
    ]
    assert sections == [{"title": "Online platform", "markdown": "**124** apprenants suivis"}]


def test_report_sections_are_carried_by_the_report_and_a_failing_one_is_an_error(
    write_workspace: Callable[..., Path],
) -> None:
    class Sections:
        @rnq.hookimpl
        def rnq_report_sections(self, report: rnq.Report) -> list[dict[str, str]]:
            applicable = report.summary.applicable
            return [{"title": "Plateforme", "markdown": f"{applicable} indicateurs applicables"}]

    class Broken:
        @rnq.hookimpl
        def rnq_report_sections(self) -> list[dict[str, str]]:
            raise RuntimeError("boom")

    report = rnq.run(
        write_workspace(),
        rnq.RunOptions(
            today=dt.date(2026, 11, 28),
            extra_plugins=(Sections(), Broken()),
            load_entrypoints=False,
            use_cache=False,
        ),
    )
    assert [(s.title, s.markdown) for s in report.sections] == [
        ("Plateforme", f"{report.summary.applicable} indicateurs applicables")
    ]
    assert [e.message for e in report.errors if "rnq_report_sections" in e.message] == [
        "rnq_report_sections a échoué : RuntimeError('boom')"
    ]


# --- Documentation --------------------------------------------------------------------------


def test_every_hook_is_documented_with_its_arguments() -> None:
    docs = (REPO / "docs" / "plugins.md").read_text(encoding="utf-8")
    assert HOOKS, "no hook found in rnq.hookspecs"
    for name in HOOKS:
        arguments = ", ".join(inspect.signature(getattr(hookspecs, name)).parameters)
        assert f"{name}({arguments})" in docs, f"docs/plugins.md must document {name}({arguments})"


def test_every_hook_has_a_test() -> None:
    tests = "\n".join(
        path.read_text(encoding="utf-8") for path in (REPO / "tests").rglob("test_*.py")
    )
    for name in HOOKS:
        assert re.search(rf"^def test_hook_{name}\(", tests, flags=re.M), f"test_hook_{name}"


def test_example_plugins_are_documented() -> None:
    docs = (REPO / "docs" / "plugins.md").read_text(encoding="utf-8")
    for name in PACKAGES:
        assert f"plugins/rnq-{name}" in docs
        assert (PLUGINS / f"rnq-{name}" / "README.md").is_file()


def _doc_examples() -> list[ModuleType]:
    """The plugin examples of docs/plugins.md, each imported as a module of its own."""
    docs = (REPO / "docs" / "plugins.md").read_text(encoding="utf-8")
    modules = []
    for index, code in enumerate(re.findall(r"```python\n(.*?)```", docs, flags=re.S)):
        if "@rnq.hookimpl" not in code:
            continue
        module = ModuleType(f"rnq_docs_example_{index}")
        sys.modules[module.__name__] = module  # the checks example finds itself there
        exec(compile(code, f"docs/plugins.md#{index}", "exec"), vars(module))
        modules.append(module)
    return modules


def test_doc_examples_run(entry_points: Path, write_workspace: Callable[..., Path]) -> None:
    examples = _doc_examples()
    try:
        implemented = {name for m in examples for name in vars(m) if name.startswith("rnq_")}
        assert implemented == set(HOOKS)  # one example per hook
        config = CRM_CONFIG.replace(
            "      - {use: crm-complaints", "      - {use: agenda}\n      - {use: crm-complaints"
        )
        files = {**CRM_FILES, "charte-qualite.txt": "Notre charte qualité."}
        root = write_workspace(config, files)
        plugins = get_plugin_manager(extra=examples)
        workspace = load(root)
        units = [
            u.id for group in plugins.hook.rnq_declare_units(workspace=workspace) for u in group
        ]
        assert units == ["lms"]
        result = collect(workspace, plugins)
        assert result.problems == []
        assert {"agenda:equipe", "extranet:charte-qualite"} <= {e.path for e in result.evidence}
        sections = plugins.hook.rnq_report_sections(report=None, lang="fr")
        assert [s["title"] for group in sections for s in group] == ["Points bloquants"]
        report = rnq.run(
            root,
            rnq.RunOptions(today=dt.date(2026, 11, 28), extra_plugins=tuple(examples)),
        )
        messages = [f.message for f in report.indicator(31).findings]
        assert "1 réclamation(s) sans réponse" in messages
    finally:
        for module in examples:
            sys.modules.pop(module.__name__, None)


def test_a_plugin_hook_calling_sys_exit_is_reported_and_the_run_goes_on(
    write_workspace: Callable[..., Path],
) -> None:
    class Quits:
        @rnq.hookimpl
        def rnq_declare_units(self) -> list[Unit]:
            raise SystemExit(0)

        @rnq.hookimpl
        def rnq_register_collectors(self) -> dict[str, object]:
            raise SystemExit(1)

    report = rnq.run(
        write_workspace(),
        rnq.RunOptions(
            today=dt.date(2026, 11, 28),
            extra_plugins=(Quits(),),
            load_entrypoints=False,
            use_cache=False,
        ),
    )
    messages = sorted(e.message for e in report.errors if e.path.endswith(".Quits"))
    assert messages == [
        "rnq_declare_units a échoué : SystemExit(0)",
        "rnq_register_collectors a échoué : SystemExit(1)",
    ]
