"""The ``rnq`` command: a thin layer over the library (SPEC §6).

Exit codes: 0 nothing at or above ``--fail-on``, 1 gaps at or above it, 2 usage or configuration
error, 3 internal error.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar, cast

import click

from rnq.errors import RnqError, UsageError
from rnq.text import Lang, Localized

__all__ = ["main"]

F = TypeVar("F", bound=Callable[..., Any])

EXIT_OK, EXIT_GAPS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


def _default_lang() -> str:
    lang = os.environ.get("RNQ_LANG", "fr")
    return lang if lang in ("fr", "en") else "fr"


def lang_option(func: F) -> F:
    """``--lang fr|en`` (default French, or ``$RNQ_LANG``)."""
    return click.option(
        "--lang",
        type=click.Choice(["fr", "en"]),
        default=_default_lang,
        show_default="fr",
        help="Langue des messages / language of the output.",
    )(func)


def handle_errors(func: F) -> F:
    """Turn rnq's errors into a message on stderr and the exit code of SPEC §6."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        lang: Lang = kwargs.get("lang", "fr")
        try:
            return func(*args, **kwargs)
        except RnqError as exc:
            prefix = "error" if lang == "en" else "erreur"
            click.echo(f"rnq: {prefix}: {exc.message(lang)}", err=True)
            sys.exit(exc.exit_code)

    return cast(F, wrapper)


def _date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(
            f"{value!r} : date attendue AAAA-MM-JJ / expected YYYY-MM-DD"
        ) from None


def _emit_json(payload: Any) -> None:
    click.echo(json.dumps(payload, ensure_ascii=False, indent=2))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="rnq")
def main() -> None:
    """rnq : préparer l'audit Qualiopi — le référentiel, les preuves, les écarts.

    rnq: Qualiopi audit readiness — the referential, the evidence, the gaps.
    """


@main.command()
@click.argument("directory", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.option("--referential", "version", help="Version : rnq-2019-v9, rnq-2026.")
@click.option("--audit-date", callback=_date, help="Date d'audit (choisit la version).")
@click.option("--json", "as_json", is_flag=True, help="Sortie JSON (rnq.indicators/1).")
@lang_option
@handle_errors
def indicators(
    directory: Path | None,
    version: str | None,
    audit_date: dt.date | None,
    as_json: bool,
    lang: Lang,
) -> None:
    """Le référentiel et les indicateurs applicables, avec leur raison.

    Sans DIRECTORY : le dossier courant s'il contient rnq.yaml, sinon le référentiel seul.
    """
    from rnq import describe
    from rnq.api import applicable_indicators, choose_referential
    from rnq.workspace import CONFIG_NAME, load

    if directory is None and Path(CONFIG_NAME).is_file():
        directory = Path(".")
    workspace = load(directory) if directory is not None else None
    referential = choose_referential(version=version, audit_date=audit_date, workspace=workspace)
    decisions = applicable_indicators(workspace, referential) if workspace is not None else None
    doc = describe.indicators_document(
        referential,
        decisions,
        workspace=str(directory) if directory is not None else None,
        lang=lang,
    )
    if as_json:
        _emit_json(doc.model_dump(mode="json", by_alias=True))
    else:
        click.echo(describe.indicators_text(doc, lang))


@main.command()
@click.argument("number", type=click.IntRange(1, 99))
@click.option("--referential", "version", help="Une seule version (par défaut : toutes).")
@lang_option
@handle_errors
def explain(number: int, version: str | None, lang: Lang) -> None:
    """Un indicateur : libellé par version, niveau attendu, preuves, pondération des NC."""
    from rnq import describe
    from rnq.referential import get_referential

    if version is not None:
        get_referential(version)  # validates the name
    text = describe.explain_text(number, [version] if version else None, lang)
    if text is None:
        message = "no such indicator" if lang == "en" else "indicateur inconnu"
        click.echo(f"rnq: {message}: {number}", err=True)
        sys.exit(EXIT_USAGE)
    click.echo(text)


@main.command()
@lang_option
@handle_errors
def changes(lang: Lang) -> None:
    """Ce que le décret n° 2026-728 a changé, indicateur par indicateur."""
    from rnq import describe

    click.echo(describe.changes_text(lang))


@main.command()
@handle_errors
def schema() -> None:
    """Le JSON Schema de rnq.yaml (pour les éditeurs)."""
    from rnq.schemas import workspace_schema

    _emit_json(workspace_schema())


@main.command()
@click.argument("directory", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Sortie JSON (rnq.evidence/1).")
@lang_option
@handle_errors
def evidence(directory: Path | None, as_json: bool, lang: Lang) -> None:
    """La carte des preuves : indicateur → preuves, par unité et prestation, et les fichiers
    non rattachés.

    Sans DIRECTORY : le dossier courant, s'il contient rnq.yaml.
    """
    from rnq import evidence_map
    from rnq.collect import collect, declare_units
    from rnq.plugins import get_plugin_manager
    from rnq.workspace import load

    workspace = load(directory if directory is not None else Path("."))
    plugins = get_plugin_manager(
        workspace_root=workspace.root, workspace_plugins=workspace.config.plugins
    )
    workspace = declare_units(workspace, plugins)
    result = collect(workspace, plugins)
    doc = evidence_map.evidence_document(
        result,
        lang=lang,
        workspace=str(directory if directory is not None else "."),
        problems=plugins.problems,
    )
    if as_json:
        _emit_json(doc.model_dump(mode="json", by_alias=True))
    else:
        click.echo(evidence_map.evidence_text(doc, lang))


def _workspace_dir(directory: Path | None) -> Path:
    """DIR, else the current folder when it holds rnq.yaml, else the shipped example."""
    from rnq.api import example_workspace
    from rnq.workspace import CONFIG_NAME

    if directory is not None:
        return directory
    if Path(CONFIG_NAME).is_file():
        return Path(".")
    return example_workspace()


def _progress_printer(lang: Lang) -> Callable[[Localized], None] | None:
    """Progress on stderr when it is a terminal, quiet in CI and in pipes."""
    if os.environ.get("CI") or not sys.stderr.isatty():
        return None

    def show(message: Localized) -> None:
        click.echo(f"\r\033[K… {message.get(lang)}", err=True, nl=False)

    return show


@main.command()
@click.argument("directory", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--json",
    "json_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Écrire le rapport JSON (rnq.report/1) dans FILE (« - » : sortie standard).",
)
@click.option("--today", callback=_date, help="Date du jour à utiliser (AAAA-MM-JJ).")
@click.option("--audit-date", callback=_date, help="Date d'audit (choisit le référentiel).")
@click.option("--referential", "version", help="Forcer une version : rnq-2019-v9, rnq-2026.")
@click.option("--unit", "units", multiple=True, help="Limiter à une unité (répétable).")
@click.option(
    "--indicator",
    "indicators",
    multiple=True,
    type=click.IntRange(0, 33),
    help="Limiter à un indicateur (répétable).",
)
@click.option(
    "--fail-on",
    type=click.Choice(["minor", "major", "never"]),
    default="major",
    show_default=True,
    help="Seuil du code de sortie 1.",
)
@click.option("--no-cache", is_flag=True, help="Relire tous les documents.")
@click.option(
    "--cache-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Dossier du cache (par défaut : le cache utilisateur, hors de l'espace de preuves).",
)
@lang_option
@handle_errors
def check(
    directory: Path | None,
    json_file: Path | None,
    today: dt.date | None,
    audit_date: dt.date | None,
    version: str | None,
    units: tuple[str, ...],
    indicators: tuple[int, ...],
    fail_on: str,
    no_cache: bool,
    cache_dir: Path | None,
    lang: Lang,
) -> None:
    """Collecter les preuves, lancer les vérifications, afficher les écarts.

    Sans DIRECTORY : le dossier courant s'il contient rnq.yaml, sinon l'exemple fourni.
    Code de sortie : 0 rien au-delà de --fail-on, 1 écarts, 2 configuration, 3 erreur interne.
    """
    from rnq.console import console_text
    from rnq.run import RunOptions, run
    from rnq.verdict import exit_code
    from rnq.workspace import load

    workspace = load(_workspace_dir(directory))
    known = {u.id for u in workspace.config.units}
    unknown = sorted(set(units) - known)
    if unknown:
        raise UsageError(
            Localized(
                fr=f"unité inconnue : {', '.join(unknown)} (unités : {', '.join(sorted(known))})",
                en=f"unknown unit: {', '.join(unknown)} (units: {', '.join(sorted(known))})",
            )
        )
    progress = _progress_printer(lang)
    options = RunOptions(
        today=today,
        audit_date=audit_date,
        referential=version,
        units=units,
        indicators=indicators,
        lang=lang,
        use_cache=not no_cache,
        cache_dir=cache_dir,
        progress=progress,
    )
    report = run(workspace, options)
    if progress is not None:
        click.echo("\r\033[K", err=True, nl=False)
    if json_file is not None:
        text = report.to_json()
        if str(json_file) == "-":
            click.echo(text, nl=False)
        else:
            json_file.write_text(text, encoding="utf-8")
    if json_file is None or str(json_file) != "-":
        click.echo(console_text(report, lang))
    sys.exit(exit_code(report, cast("Any", fail_on)))


if __name__ == "__main__":  # pragma: no cover
    main()
