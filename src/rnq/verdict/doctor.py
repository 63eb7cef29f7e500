"""``rnq doctor``: what is wrong with a workspace before any document is read (issue #19).

Fast enough for a pre-commit hook: it reads ``rnq.yaml``, the manifests, the waivers file, the
front matter of Markdown files and the workspace's own code, walks the folders, and opens no
document. Each finding has a level:

* ``error``: ``rnq check`` would stop on it (exit 2): a configuration or code error;
* ``warning``: the report would be wrong or surprising: a unit or offering folder that does not
  exist (with the nearest folder that does), evidence left where its indicator is not assessed,
  an offering without a folder;
* ``info``: what rnq would use: the referential and why, undated evidence whose freshness will
  be judged from the document's metadata, the cache, Chromium for the browser tests.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import shutil
import unicodedata
from collections.abc import Iterable
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, Field

from rnq.errors import ConfigError, Problem, RnqError
from rnq.text import Lang, Localized

if TYPE_CHECKING:
    from rnq.referential.loader import Referential
    from rnq.workspace.config import Workspace, WorkspaceConfig

__all__ = ["Diagnosis", "DoctorDocument", "DoctorFinding", "diagnose", "doctor_text"]

Level = Literal["error", "warning", "info"]

#: Sections in the order they are shown.
SECTIONS: dict[str, Localized] = {
    "config": Localized(fr="Configuration (rnq.yaml)", en="Configuration (rnq.yaml)"),
    "manifests": Localized(fr="Manifestes (rnq-evidence.yaml)", en="Manifests (rnq-evidence.yaml)"),
    "waivers": Localized(fr="Dérogations", en="Waivers"),
    "code": Localized(fr="Code (vérifications et plugins)", en="Code (checks and plugins)"),
    "folders": Localized(fr="Dossiers des unités et prestations", en="Unit and offering folders"),
    "files": Localized(fr="Fichiers de preuves", en="Evidence files"),
    "placement": Localized(fr="Preuves mal placées", en="Misplaced evidence"),
    "dates": Localized(fr="Preuves sans date", en="Undated evidence"),
    "referential": Localized(fr="Référentiel", en="Referential"),
    "environment": Localized(fr="Environnement", en="Environment"),
}
#: Undated evidence listed by name up to this many files (then counted).
_MAX_LISTED = 10


class DoctorFinding(BaseModel):
    """One thing ``rnq doctor`` found."""

    model_config = ConfigDict(frozen=True)

    section: str
    level: Level
    message: Localized
    path: str | None = None
    line: int | None = None
    fix: Localized | None = None


class Diagnosis(BaseModel):
    """Everything ``rnq doctor`` found about one workspace."""

    model_config = ConfigDict(frozen=True)

    workspace: str
    findings: tuple[DoctorFinding, ...]

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.level == "error")

    @property
    def warnings(self) -> int:
        return sum(1 for f in self.findings if f.level == "warning")

    def to_json(self) -> str:
        """The JSON document ``rnq doctor --json`` prints (schema ``rnq.doctor/1``)."""
        doc = DoctorDocument(
            workspace=self.workspace,
            errors=self.errors,
            warnings=self.warnings,
            findings=[
                DoctorEntry(
                    section=f.section,
                    level=f.level,
                    path=f.path,
                    line=f.line,
                    message=f.message.fr,
                    message_en=f.message.en,
                    fix=f.fix.fr if f.fix else None,
                    fix_en=f.fix.en if f.fix else None,
                )
                for f in self.findings
            ],
        )
        return doc.model_dump_json(by_alias=True, indent=2) + "\n"


class DoctorEntry(BaseModel):
    """One finding of ``rnq doctor --json``, in French and English."""

    section: str
    level: Level
    path: str | None
    line: int | None
    message: str
    message_en: str
    fix: str | None
    fix_en: str | None


class DoctorDocument(BaseModel):
    """What ``rnq doctor --json`` prints: ``errors`` would stop ``rnq check`` (exit 2)."""

    model_config = ConfigDict(populate_by_name=True)

    schema_: Literal["rnq.doctor/1"] = Field("rnq.doctor/1", alias="schema")
    workspace: str
    errors: int
    warnings: int
    findings: list[DoctorEntry]


def _from_problem(section: str, problem: Problem, level: Level = "error") -> DoctorFinding:
    fix = getattr(problem, "fix", None)
    return DoctorFinding(
        section=section,
        level=level,
        message=problem.message,
        path=problem.path,
        line=problem.line,
        fix=fix if isinstance(fix, Localized) else None,
    )


def _from_config_error(section: str, error: ConfigError) -> list[DoctorFinding]:
    problems = list(getattr(error, "problems", ()) or ())
    if not problems:
        return [
            DoctorFinding(
                section=section,
                level="error",
                message=error.localized,
                path=error.path,
                line=error.line,
                fix=error.hint,
            )
        ]
    return [
        DoctorFinding(
            section=section, level="error", message=p.message, path=p.path, line=p.line, fix=p.fix
        )
        for p in problems
    ]


def _fold(name: str) -> str:
    """A folder name compared as a person reads it: case, accents, spaces and dashes ignored."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(c for c in decomposed if c.isalnum())


def _nearest(wanted: str, names: Iterable[str], also: Iterable[str] = ()) -> str | None:
    """The existing folder name a person most likely meant by ``wanted`` (or by ``also``: an
    offering's title)."""
    names = sorted(names)
    by_fold = {_fold(n): n for n in names}
    for target in (wanted, *also):
        if _fold(target) in by_fold:
            return by_fold[_fold(target)]
    close = difflib.get_close_matches(_fold(wanted), list(by_fold), n=1, cutoff=0.6)
    return by_fold[close[0]] if close else None


def _subfolders(folder: Path) -> list[str]:
    try:
        return [e.name for e in os.scandir(folder) if e.is_dir() and not e.name.startswith(".")]
    except OSError:
        return []


def _folders(root: Path, config: WorkspaceConfig) -> list[DoctorFinding]:
    found: list[DoctorFinding] = []
    for unit in config.units:
        folder = root / unit.folder
        if not folder.is_dir():
            near = _nearest(
                PurePosixPath(unit.folder).name, _subfolders(folder.parent), [unit.name]
            )
            found.append(
                DoctorFinding(
                    section="folders",
                    level="warning",
                    path=f"{unit.folder}/",
                    message=Localized(
                        fr=f"unité « {unit.id} » : le dossier {unit.folder}/ n'existe pas ; "
                        "aucune de ses preuves ne sera trouvée",
                        en=f"unit '{unit.id}': folder {unit.folder}/ does not exist; none of its "
                        "evidence will be found",
                    ),
                    fix=_rename_fix(near, unit.folder, "path", f"unité « {unit.id} »"),
                )
            )
            continue
        present = _subfolders(folder)
        for offering in unit.offerings:
            target = root / unit.offering_folder(offering)
            if target.is_dir():
                continue
            wanted = PurePosixPath(offering.path or offering.id).name
            near = _nearest(wanted, present, [offering.title])
            shown = unit.offering_folder(offering)
            found.append(
                DoctorFinding(
                    section="folders",
                    level="warning",
                    path=f"{shown}/",
                    message=Localized(
                        fr=f"prestation « {offering.id} » ({offering.title}) : pas de dossier "
                        f"{shown}/ ; les indicateurs évalués par prestation n'y trouveront "
                        "aucune preuve",
                        en=f"offering '{offering.id}' ({offering.title}): no folder {shown}/; "
                        "the indicators assessed per offering will find no evidence for it",
                    ),
                    fix=_rename_fix(
                        near, shown, "path", f"prestation « {offering.id} »", inside=unit.folder
                    ),
                )
            )
    return found


def _rename_fix(
    near: str | None, wanted: str, key: str, owner: str, inside: str | None = None
) -> Localized:
    if near is None:
        return Localized(
            fr=f"créez le dossier {wanted}/ ou indiquez le bon dossier dans « {key}: » ({owner})",
            en=f"create folder {wanted}/ or give the right folder in '{key}:'",
        )
    where = f"{inside}/{near}" if inside else near
    name = PurePosixPath(wanted).name
    return Localized(
        fr=f"le dossier le plus proche est « {where}/ » : renommez-le en « {name} », ou écrivez "
        f'« {key}: "{near}" » pour la {owner}',
        en=f"the nearest folder is '{where}/': rename it to '{name}', or write '{key}: \"{near}\"'",
    )


def _placement(
    workspace: Workspace, referential: Referential
) -> tuple[list[DoctorFinding], list[str]]:
    """Evidence mapped to an indicator assessed per offering but lying outside every offering's
    folder; and the undated evidence of kinds whose freshness matters."""
    from rnq.collect.filesystem import collect_files
    from rnq.workspace.kinds import freshness_months

    config = workspace.config
    per_offering = {i.number for i in referential if i.assessed_at == "offering"}
    units = {u.id: u for u in config.units}
    evidence, problems = collect_files(workspace)
    from rnq.collect.mapping import MANIFEST_NAME

    found = [  # a manifest's own mistakes are configuration errors, listed already
        _from_problem("files", p, "warning")
        for p in problems
        if not (p.path.endswith(MANIFEST_NAME) and p.line is not None)
    ]
    undated: list[str] = []
    for record in evidence:
        if not record.indicators:
            continue
        if record.date is None and freshness_months(record.kind, config.freshness) is not None:
            undated.append(record.path)
        misplaced = sorted(set(record.indicators) & per_offering) if record.offering is None else []
        if not misplaced:
            continue
        unit = units.get(record.unit)
        offerings = list(unit.offerings) if unit is not None else []
        if not offerings and unit is not None and unit.central:
            # the central function's evidence: the offerings are in the other units
            offerings = [o for u in config.units for o in u.offerings]
        if not offerings:
            continue  # a unit without offerings: the indicator is assessed for the unit
        folders = [
            f"{unit_of.offering_folder(o)}/"
            for unit_of in config.units
            for o in unit_of.offerings
            if o in offerings
        ][:3]
        numbers = ", ".join(str(n) for n in misplaced)
        plural = len(misplaced) > 1
        where = " ou ".join(folders) if folders else "le dossier de la prestation"
        where_en = " or ".join(folders) if folders else "the offering's folder"
        found.append(
            DoctorFinding(
                section="placement",
                level="warning",
                path=record.path,
                message=Localized(
                    fr=(
                        f"{'les indicateurs' if plural else 'l’indicateur'} {numbers} "
                        f"{'sont évalués' if plural else 'est évalué'} par prestation : ce "
                        "fichier, hors du dossier d'une prestation, ne compte pour aucune"
                    ),
                    en=(
                        f"indicator{'s' if plural else ''} {numbers} "
                        f"{'are' if plural else 'is'} assessed per offering: this file, outside "
                        "every offering's folder, counts for none"
                    ),
                ),
                fix=Localized(
                    fr=f"déposez-le dans {where} (une copie par prestation concernée), ou "
                    "nommez la prestation dans un manifeste (« offering: »)",
                    en=f"put it in {where_en} (a copy per offering concerned), or name the "
                    "offering in a manifest ('offering:')",
                ),
            )
        )
    return found, undated


def _undated(undated: list[str]) -> list[DoctorFinding]:
    """Undated evidence of kinds whose freshness matters: one line each, the first ones."""
    found = [
        DoctorFinding(
            section="dates",
            level="info",
            path=path,
            message=Localized(
                fr="ni le nom, ni un manifeste, ni un en-tête ne donnent sa date : rnq la "
                "cherchera dans les métadonnées du document",
                en="neither its name, a manifest nor a front matter gives its date: rnq will "
                "look for it in the document's metadata",
            ),
        )
        for path in undated[:_MAX_LISTED]
    ]
    if len(undated) > _MAX_LISTED:
        more = len(undated) - _MAX_LISTED
        found.append(
            DoctorFinding(
                section="dates",
                level="info",
                message=Localized(fr=f"et {more} autre(s)", en=f"and {more} more"),
            )
        )
    if found:
        found[-1] = found[-1].model_copy(
            update={
                "fix": Localized(
                    fr="donnez la période couverte : une date complète dans le nom "
                    "(…-2026-10-15.pdf) ou « date: » dans un manifeste",
                    en="give the period covered: a full date in the name (…-2026-10-15.pdf) "
                    "or 'date:' in a manifest",
                )
            }
        )
    return found


def _referential(workspace: Workspace, today: dt.date) -> tuple[list[DoctorFinding], Referential]:
    from rnq.workspace.applicable import applicable_indicators, choose_referential

    config = workspace.config
    referential = choose_referential(workspace=workspace, today=today)
    title = referential.info.title
    if config.referential:
        why = Localized(fr="choisi dans rnq.yaml (referential:)", en="set in rnq.yaml")
    elif config.audit.date is not None:
        day = config.audit.date.isoformat()
        why = Localized(
            fr=f"en vigueur à la date d'audit {day} (audit.date)",
            en=f"in force on the audit date {day} (audit.date)",
        )
    else:
        why = Localized(
            fr=f"pas de date d'audit (audit.date) : celui en vigueur aujourd'hui ({today})",
            en=f"no audit date (audit.date): the one in force today ({today})",
        )
    applicable = sum(1 for a in applicable_indicators(workspace, referential) if a.applicable)
    finding = DoctorFinding(
        section="referential",
        level="info",
        message=Localized(
            fr=f"{title.fr} ({referential.id}), {why.fr} — {applicable} indicateurs applicables",
            en=f"{title.en} ({referential.id}), {why.en} — {applicable} applicable indicators",
        ),
    )
    return [finding], referential


def _environment() -> list[DoctorFinding]:
    from rnq.cache.store import default_cache_dir

    cache = default_cache_dir()
    writable = os.access(cache if cache.exists() else cache.parent, os.W_OK)
    found = [
        DoctorFinding(
            section="environment",
            level="info" if writable else "warning",
            message=Localized(
                fr=f"cache : {cache}"
                + (
                    ""
                    if writable
                    else " — non inscriptible : chaque exécution relira tous les documents"
                ),
                en=f"cache: {cache}"
                + ("" if writable else " — not writable: every run will read every document again"),
            ),
        )
    ]
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    found.append(
        DoctorFinding(
            section="environment",
            level="info",
            message=Localized(
                fr=f"Chromium (tests du rapport HTML) : {chromium or 'absent'}",
                en=f"Chromium (HTML report tests): {chromium or 'not found'}",
            ),
        )
    )
    return found


def diagnose(
    root: Path | str,
    *,
    today: dt.date | None = None,
    load_entrypoints: bool | None = None,
    extra_plugins: tuple[object, ...] = (),
) -> Diagnosis:
    """Everything wrong with the workspace at ``root`` that can be told without reading a
    document (see the module's doc). Never raises for a bad workspace: it is what it reports.
    ``load_entrypoints``, ``extra_plugins``: which plugins a run would have (as
    :class:`rnq.RunOptions`)."""
    from rnq.collect.collectors import unknown_collectors
    from rnq.collect.mapping import MANIFEST_NAME
    from rnq.engine.collection import check_code
    from rnq.plugins import get_plugin_manager
    from rnq.verdict.waivers import load_waivers
    from rnq.workspace.config import diagnose as diagnose_config

    root = Path(root)
    today = today or dt.date.today()
    loaded, problems = diagnose_config(root)
    findings: list[DoctorFinding] = [
        DoctorFinding(
            section="manifests" if p.path.endswith(MANIFEST_NAME) else "config",
            level="error",
            message=p.message,
            path=p.path,
            line=p.line,
            fix=p.fix,
        )
        for p in problems
    ]
    if loaded is None:  # rnq.yaml itself is invalid: nothing else can be told
        findings += _environment()
        return Diagnosis(workspace=str(root), findings=tuple(findings))
    workspace = loaded
    config = workspace.config
    referential_findings, referential = _referential(workspace, today)
    if config.waivers:
        try:
            load_waivers(workspace, referential=referential)
        except ConfigError as exc:
            findings += _from_config_error("waivers", exc)
        except RnqError as exc:
            findings.append(DoctorFinding(section="waivers", level="error", message=exc.localized))
    findings += [
        _from_problem("code", p)
        for p in check_code(
            workspace, load_entrypoints=load_entrypoints, extra_plugins=extra_plugins
        )
    ]
    plugins = get_plugin_manager(
        workspace_root=workspace.root,
        workspace_plugins=config.plugins,
        load_entrypoints=load_entrypoints,
        extra=extra_plugins,
    )
    # a collector no installed plugin provides: the run goes on without that evidence
    findings += [
        _from_problem("code", p, "warning") for p in unknown_collectors(workspace, plugins)
    ]
    findings += _folders(workspace.root, config)
    placed, undated = _placement(workspace, referential)
    findings += placed
    findings += _undated(undated)
    findings += referential_findings
    findings += _environment()
    return Diagnosis(workspace=str(root), findings=tuple(findings))


_MARKS = {"error": "✗", "warning": "!", "info": "·"}


def doctor_text(diagnosis: Diagnosis, lang: Lang = "fr") -> str:
    """The diagnosis as the console shows it: by section, errors first within each."""
    lines: list[str] = []
    order = {"error": 0, "warning": 1, "info": 2}
    for section, title in SECTIONS.items():
        items = sorted(
            (f for f in diagnosis.findings if f.section == section),
            key=lambda f: order[f.level],
        )
        if section in ("dates", "files", "placement", "manifests", "waivers") and not items:
            continue
        lines.append(title.get(lang))
        if not items:
            lines.append("  ✓ " + ("rien à signaler" if lang == "fr" else "nothing to report"))
        for f in items:
            where = ""
            if f.path:
                where = (
                    f"{f.path}:{f.line}: "
                    if f.line
                    else f"{f.path} : "
                    if lang == "fr"
                    else f"{f.path}: "
                )
            lines.append(f"  {_MARKS[f.level]} {where}{f.message.get(lang)}")
            if f.fix is not None:
                arrow = "→"
                lines.append(f"      {arrow} {f.fix.get(lang)}")
        lines.append("")
    errors, warnings = diagnosis.errors, diagnosis.warnings
    if lang == "fr":
        e = f"{errors} erreur{'s' if errors > 1 else ''}"
        w = f"{warnings} avertissement{'s' if warnings > 1 else ''}"
        verdict = "rnq check s'arrêterait (code 2)" if errors else "rnq check peut tourner"
    else:
        e = f"{errors} error{'s' if errors != 1 else ''}"
        w = f"{warnings} warning{'s' if warnings != 1 else ''}"
        verdict = "rnq check would stop (exit 2)" if errors else "rnq check can run"
    lines.append(f"{e}, {w} — {verdict}")
    return "\n".join(lines) + "\n"
