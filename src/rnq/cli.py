"""The ``rnq`` command: a thin layer over the library (SPEC §6).

Exit codes: 0 nothing at or above ``--fail-on``, 1 gaps at or above it, 2 usage or configuration
error, 3 internal error.
"""

from __future__ import annotations

import atexit
import contextlib
import dataclasses
import datetime as dt
import functools
import importlib
import json
import os
import re
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar, cast

import click

from rnq.errors import RnqError, UsageError
from rnq.referential.loader import HIGHEST_INDICATOR
from rnq.text import Lang, Localized

if TYPE_CHECKING:
    from rnq.collect.evidence_map import PluginOrigin
    from rnq.plugins import PluginSet
    from rnq.render.aside import Aside
    from rnq.verdict.report import Report

__all__ = ["main"]

F = TypeVar("F", bound=Callable[..., Any])

EXIT_OK, EXIT_GAPS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


def _default_lang() -> str:
    """The language of a command: ``rnq --lang en …`` (given before the command), else
    ``$RNQ_LANG``, else French."""
    ctx = click.get_current_context(silent=True)
    while ctx is not None:
        if ctx.parent is None and ctx.params.get("lang") in ("fr", "en"):
            return str(ctx.params["lang"])
        ctx = ctx.parent
    return _env_lang()


def _env_lang() -> Lang:
    """``$RNQ_LANG`` if it is ``en`` or ``fr``, else French."""
    return "en" if os.environ.get("RNQ_LANG") == "en" else "fr"


def _argv_lang(args: Sequence[str]) -> Lang:
    """The language asked for on the command line (``--lang en`` anywhere, or ``--lang=en``),
    else ``$RNQ_LANG``, else French: the language of click's own messages (usage errors, help),
    known before click parses anything."""
    for i, arg in enumerate(args):
        if arg == "--":
            break
        value = arg.partition("=")[2] if arg.startswith("--lang=") else None
        if arg == "--lang" and i + 1 < len(args):
            value = args[i + 1]
        if value in ("fr", "en"):
            return cast(Lang, value)
    return _env_lang()


#: click's own messages in French (its usage errors, help headings), by English original.
_CLICK_FR: dict[str, str] = {
    "Usage:": "Usage :",
    "Options": "Options",
    "Commands": "Commandes",
    "Positional arguments": "Arguments",
    "Show this message and exit.": "Afficher cette aide et quitter.",
    "Show the version and exit.": "Afficher la version et quitter.",
    "Error: {message}": "Erreur : {message}",
    "Try '{command} {option}' for help.": "Essayez « {command} {option} » pour l'aide.",
    "Missing command.": "Commande manquante.",
    "No such command {name!r}.": "Commande inconnue : « {name} ».",
    "No such option {name!r}.": "Option inconnue : « {name} ».",
    "Missing argument": "Argument manquant",
    "Missing option": "Option manquante",
    "Missing parameter": "Paramètre manquant",
    "Missing parameter: {param_name}": "Paramètre manquant : {param_name}",
    "Missing {param_type}": "{param_type} manquant",
    "Invalid value for {param_hint}: {message}": "Valeur invalide pour {param_hint} : {message}",
    "Invalid value: {message}": "Valeur invalide : {message}",
    "Could not open file {filename!r}: {message}": "Impossible d'ouvrir « {filename} » : {message}",
    "Option {name!r} does not take a value.": "L'option « {name} » ne prend pas de valeur.",
    "Argument {name!r} takes {nargs} values.": "L'argument « {name} » prend {nargs} valeurs.",
    "Aborted!": "Interrompu.",
    "unknown error": "erreur inconnue",
    "default: {default}": "par défaut : {default}",
    "env var: {var}": "variable d'environnement : {var}",
    "deprecated": "obsolète",
    "directory": "dossier",
    "file": "fichier",
    "path": "chemin",
    "{name} {filename!r} does not exist.": "{name} « {filename} » introuvable.",
    "{name} {filename!r} is a directory.": "{name} « {filename} » est un dossier.",
    "{name} {filename!r} is a file.": "{name} « {filename} » est un fichier.",
    "{name} {filename!r} is not readable.": "{name} « {filename} » illisible.",
    "{name} {filename!r} is not writable.": "{name} « {filename} » : écriture impossible.",
    "{value!r} is not a valid {number_type}.": "« {value} » n'est pas un nombre valide.",
    "{value} is not in the range {range}.": "{value} n'est pas dans l'intervalle {range}.",
    "Choose from:\n\t{choices}": "Valeurs possibles :\n\t{choices}",
}
#: click's plural messages in French: (singular, plural) by English (singular, plural).
_CLICK_FR_PLURAL: dict[tuple[str, str], tuple[str, str]] = {
    ("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"): (
        "Argument en trop : {args}",
        "Arguments en trop : {args}",
    ),
    ("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."): (
        "L'option « {name} » attend une valeur.",
        "L'option « {name} » attend {nargs} valeurs.",
    ),
    ("{value!r} is not {choice}.", "{value!r} is not one of {choices}."): (
        "« {value} » n'est pas {choice}.",
        "« {value} » n'est pas l'une des valeurs {choices}.",
    ),
    ("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"): (
        "Vouliez-vous dire {possibility} ?",
        "(Vouliez-vous dire l'une de : {possibilities} ?)",
    ),
}
_CLICK_MODULES = ("core", "exceptions", "parser", "types", "decorators", "formatting", "termui")


def _french(message: str) -> str:
    return _CLICK_FR.get(message, message)


def _french_plural(singular: str, plural: str, n: int) -> str:
    pair = _CLICK_FR_PLURAL.get((singular, plural))
    if pair is None:
        return singular if n == 1 else plural
    return pair[0] if n <= 1 else pair[1]


@contextlib.contextmanager
def _click_language(lang: Lang) -> Iterator[None]:
    """click's own messages (usage errors, help headings) in ``lang`` while rnq runs: click
    looks them up through ``gettext`` in each of its modules; French swaps that lookup for
    :data:`_CLICK_FR`, and puts it back after."""
    if lang != "fr":
        yield
        return
    modules = [importlib.import_module(f"click.{name}") for name in _CLICK_MODULES]
    saved = [(m, m.__dict__.get("_"), m.__dict__.get("ngettext")) for m in modules]
    for module, single, plural in saved:
        if single is not None:
            module._ = _french  # type: ignore[attr-defined]
        if plural is not None:
            module.ngettext = _french_plural  # type: ignore[attr-defined]
    try:
        yield
    finally:
        for module, single, plural in saved:
            if single is not None:
                module._ = single  # type: ignore[attr-defined]
            if plural is not None:
                module.ngettext = plural  # type: ignore[attr-defined]


#: The help of rnq's options in English, by its French text (an option missing here keeps its
#: French help in English).
_HELP_EN: dict[str, str] = {
    "La version de rnq, des extensions chargées et de leurs collecteurs.": (
        "The version of rnq, of the plugins loaded and of their collectors."
    ),
    "Langue des messages / language of the output (ici ou après la commande).": (
        "Language of the output: fr or en (here or after the command)."
    ),
    "Langue des messages / language of the output.": "Language of the output: fr or en.",
    "Travailler sur l'exemple fourni avec rnq (un organisme fictif).": (
        "Work on the example shipped with rnq (a fictional provider)."
    ),
    "Date du jour à utiliser (AAAA-MM-JJ).": "Today's date to use (YYYY-MM-DD).",
    "Date d'audit (par défaut : audit.date).": "Audit date (default: audit.date).",
    "Date d'audit (choisit le référentiel).": "Audit date (picks the referential).",
    "Date d'audit (choisit la version).": "Audit date (picks the version).",
    "Sortie JSON (rnq.calendar/1).": "JSON output (rnq.calendar/1).",
    "Sortie JSON (rnq.checks/1).": "JSON output (rnq.checks/1).",
    "Sortie JSON (rnq.diff/1).": "JSON output (rnq.diff/1).",
    "Sortie JSON (rnq.doctor/1).": "JSON output (rnq.doctor/1).",
    "Sortie JSON (rnq.evidence/1).": "JSON output (rnq.evidence/1).",
    "Sortie JSON (rnq.indicators/1).": "JSON output (rnq.indicators/1).",
    "Sortie JSON (rnq.report/2, avec « sample »).": "JSON output (rnq.report/2, with “sample”).",
    "En cas d'erreur interne, afficher la trace Python complète.": (
        "On an internal error, print the whole Python traceback."
    ),
    "Écrire le rapport JSON (rnq.report/2) dans FILE (« - » : sortie standard).": (
        "Write the JSON report (rnq.report/2) to FILE (“-”: standard output)."
    ),
    "Écrire le rapport HTML autonome dans FILE (« - » : sortie standard).": (
        "Write the self-contained HTML report to FILE (“-”: standard output)."
    ),
    "Écrire le rapport Markdown dans FILE (« - » : sortie standard).": (
        "Write the Markdown report to FILE (“-”: standard output)."
    ),
    "Écrire le rapport JUnit XML (pour la CI) dans FILE (« - » : sortie standard).": (
        "Write the JUnit XML report (for CI) to FILE (“-”: standard output)."
    ),
    "Écrire plan d'action, carte des preuves et indicateurs en XLSX dans FILE.": (
        "Write the action plan, evidence map and indicators as XLSX to FILE (the team's "
        "status and comments in an earlier plan there are kept)."
    ),
    "Écrire ces tableaux en CSV dans le dossier DIR (action-plan.csv, evidence-map.csv…).": (
        "Write these tables as CSV files in the folder DIR (action-plan.csv, evidence-map.csv…)."
    ),
    "Forcer une version : rnq-2019-v9, rnq-2026.": "Force a version: rnq-2019-v9, rnq-2026.",
    "Version : rnq-2019-v9, rnq-2026.": "Version: rnq-2019-v9, rnq-2026.",
    "Une seule version (par défaut : toutes).": "One version only (default: all).",
    "Limiter à une unité (répétable).": "Only this unit (repeatable).",
    "Limiter à un indicateur (répétable).": "Only this indicator (repeatable).",
    "Seuil du code de sortie 1 : major (ce qui bloque le certificat), not-assessed (et ce qui "
    "n'a pas pu être évalué), minor (et toute NC mineure), never.": (
        "Threshold of exit code 1: major (what blocks the certificate), not-assessed (and what "
        "could not be assessed), minor (and any minor NC), never."
    ),
    "Relire tous les documents.": "Read every document again.",
    "Dossier du cache (par défaut : le cache utilisateur, hors de l'espace de preuves).": (
        "Cache folder (default: the user cache, outside the evidence workspace)."
    ),
    "Ouvrir le rapport HTML (--html FILE) dans le navigateur une fois écrit.": (
        "Open the HTML report (--html FILE) in the browser once written."
    ),
    "Moins de détails : une ligne par indicateur.": "Less detail: one line per indicator.",
    "Plus de détails : preuves, correction proposée, indicateurs conformes.": (
        "More detail: evidence, suggested fix, conform indicators."
    ),
    "Code de sortie 1 aussi pour un avertissement.": "Exit code 1 for a warning too.",
    "Remplacer un rnq.yaml existant (rien n'est supprimé).": (
        "Replace an existing rnq.yaml (nothing is deleted)."
    ),
    "Graine du tirage (même graine, même échantillon).": (
        "Seed of the draw (same seed, same sample)."
    ),
    "Type d'audit simulé (par défaut : audit.type de rnq.yaml).": (
        "Type of the mock audit (default: audit.type of rnq.yaml)."
    ),
    "Écrire le rapport HTML de l'audit blanc dans FILE.": (
        "Write the mock audit's HTML report to FILE."
    ),
    "Écrire le rapport Markdown de l'audit blanc dans FILE.": (
        "Write the mock audit's Markdown report to FILE."
    ),
}
_WITHOUT_DIR = (
    "Without DIRECTORY: the current folder or the nearest of its parents holding rnq.yaml; "
    "--example: the example shipped with rnq."
)
#: The help of rnq's commands in English, by command.
_COMMAND_HELP_EN: dict[str, str] = {
    "calendar": "Audit calendar: surveillance window, renewal, days left, deadlines of the "
    "previous audit's NCs (lifted or open).",
    "changes": "What décret n° 2026-728 changed, indicator by indicator.",
    "check": "Collect the evidence, run the checks, show the gaps.\n\n"
    f"{_WITHOUT_DIR}\nExit code: 0 nothing at or above --fail-on, 1 gaps, 2 configuration, "
    "3 internal error.",
    "checks": "The checks a run would collect (built-in, plugins, workspace), their marks, the "
    "indicators they verify and where they come from — reading no document (like pytest "
    "--collect-only).\n\nExit code: 0, or 2 if the code of the checks or plugins has errors "
    "(all listed: file, line, fix).",
    "diff": "Findings fixed, new and unchanged between two JSON reports (rnq check --json).\n\n"
    "A finding is open if it is a gap or not verified; findings are compared by their id, "
    "stable from one run to the next.",
    "doctor": "Diagnose the evidence workspace without reading any document: rnq.yaml, "
    "manifests, waivers, code, unit and offering folders, misplaced or undated evidence, the "
    "referential chosen, the cache. Fast: fit for a pre-commit hook.\n\nExit code: 0 nothing "
    "blocking, 1 warnings with --strict, 2 what would stop rnq check.",
    "evidence": "The evidence map: indicator → proofs, per unit and offering, and the unmapped "
    f"files.\n\n{_WITHOUT_DIR}",
    "explain": "One indicator: wording per version, expected level, evidence, NC weighting.\n\n"
    "N: 26, I26 or i26 (as the folders I26-…).",
    "indicators": "The referential and the indicators that apply, with their reason.\n\n"
    f"{_WITHOUT_DIR} Without a workspace: the referential alone.",
    "init": "Create an evidence workspace: a commented rnq.yaml and one folder per criterion and "
    "indicator, each with a README.md saying what to put there.\n\nWithout DIRECTORY: the "
    "current folder. Refuses to replace an existing rnq.yaml without --force.",
    "sample": "Mock audit: sites and offerings drawn as a certifier would, then the checks on "
    "that sample only — what the auditor would have seen.\n\nWithout --seed, a seed is drawn "
    "and shown, to replay the same sample. Exit code: as rnq check (--fail-on).",
    "schema": "The JSON Schema of rnq.yaml (for editors).",
}


@contextlib.contextmanager
def _help_language(group: click.Group, lang: Lang) -> Iterator[None]:
    """rnq's own help texts (commands and options) in ``lang`` while rnq runs; French is how
    they are written."""
    if lang != "en":
        yield
        return
    saved: list[tuple[object, str, object]] = []
    for command in _commands(group):
        if command.name in _COMMAND_HELP_EN:
            saved.append((command, "help", command.help))
            command.help = _COMMAND_HELP_EN[command.name]
        for param in command.params:
            text = getattr(param, "help", None)
            if isinstance(param, click.Option) and text in _HELP_EN:
                saved.append((param, "help", text))
                param.help = _HELP_EN[text]
    try:
        yield
    finally:
        for owner, attribute, value in saved:
            setattr(owner, attribute, value)


def _commands(group: click.Group) -> list[click.Command]:
    """The group and its commands."""
    ctx = click.Context(group)
    found = (group.get_command(ctx, name) for name in group.list_commands(ctx))
    return [group, *(command for command in found if command is not None)]


def _forget_help_options(group: click.Group) -> None:
    """click keeps each command's ``-h`` option once made, its text in the language of that
    run: forget it, so that each run says it in its own language."""
    for command in _commands(group):
        if getattr(command, "_help_option", None) is not None:
            command._help_option = None


class _RnqGroup(click.Group):
    """The ``rnq`` group: click's own messages and rnq's help in the language asked for
    (French by default)."""

    def main(self, args: Sequence[str] | None = None, *rest: Any, **kwargs: Any) -> Any:
        lang = _argv_lang(list(args) if args is not None else sys.argv[1:])
        _UI_LANG[0] = lang
        _forget_help_options(self)
        try:
            with _click_language(lang), _help_language(self, lang):
                return super().main(args, *rest, **kwargs)
        finally:
            _forget_help_options(self)


#: The language of the command line being run (set by ``rnq``'s main before click parses).
_UI_LANG: list[Lang] = ["fr"]


def lang_option(func: F) -> F:
    """``--lang fr|en`` (default French, or ``$RNQ_LANG``)."""
    return click.option(
        "--lang",
        type=click.Choice(["fr", "en"]),
        default=_default_lang,
        show_default="fr",
        help="Langue des messages / language of the output.",
    )(func)


#: Exit code of a run interrupted with Ctrl-C (128 + SIGINT), as shells report it.
EXIT_INTERRUPTED = 130
_DEBUG_ENV = "RNQ_DEBUG"


def _debug_on(_ctx: click.Context, _param: click.Parameter, value: bool) -> bool:
    if value:
        os.environ[_DEBUG_ENV] = "1"
    return value


def _crash_log(exc: BaseException) -> str | None:
    """Write ``exc``'s traceback to a new file in the temporary folder (never the workspace);
    its path, or None when it cannot be written."""
    import tempfile
    import traceback

    try:
        handle, path = tempfile.mkstemp(prefix="rnq-erreur-", suffix=".log")
        with os.fdopen(handle, "w", encoding="utf-8", errors="backslashreplace") as log:
            log.write(f"rnq {sys.argv[1:]!r}\n")
            log.write("".join(traceback.format_exception(exc)))
    except OSError:
        return None
    return path


def _internal_error(exc: BaseException, lang: Lang) -> None:
    """Say an unexpected exception in one line (the traceback with ``--debug``, else in a log
    file the message names) and exit with code 3."""
    what = f"{type(exc).__name__}: {exc}".splitlines()[0][:300]
    if os.environ.get(_DEBUG_ENV):
        import traceback

        click.echo("".join(traceback.format_exception(exc)), err=True, nl=False)
        where = None
    else:
        where = _crash_log(exc)
    if lang == "en":
        detail = f"; details in {where} (or rerun with --debug)" if where else ""
        click.echo(f"rnq: internal error: {what}{detail}; please report it", err=True)
    else:
        detail = f" ; détails dans {where} (ou relancez avec --debug)" if where else ""
        click.echo(f"rnq: erreur interne : {what}{detail} ; merci de la signaler", err=True)
    sys.exit(EXIT_INTERNAL)


#: Whether this process is the ``rnq`` program itself (:func:`program`), not a caller of
#: :data:`main` such as a test's ``CliRunner``.
_PROGRAM = [False]


def program() -> None:
    """The ``rnq`` program (``rnq …`` and ``python -m rnq …``, both through
    :func:`rnq.__main__.main`): :data:`main`, for a process of its own, which a command that ran
    a check may end at once (:func:`_leave`). A check's walk of the workspace is started in a
    child process (:mod:`rnq.workspace.ahead`) unless :func:`rnq.__main__.main` did already,
    before importing this module."""
    from rnq.workspace.ahead import start_for

    _PROGRAM[0] = True
    start_for(sys.argv[1:])
    main(prog_name="rnq")


def _leave(code: int) -> NoReturn:
    """End a command that has written and said everything, with ``code``.

    In the ``rnq`` program (:func:`program`), the process ends at once, once its output is
    flushed and its exit handlers have run (those of :mod:`logging` and :mod:`multiprocessing`):
    freeing a 50 000-file run's objects one by one, and the interpreter's teardown, took 0.13 s
    of CPU after the last line was printed. Called from Python (``main`` in a test's
    ``CliRunner``), it raises :class:`SystemExit` as ``sys.exit`` does.
    """
    if not _PROGRAM[0]:
        sys.exit(code)
    try:
        sys.stdout.flush()
    except OSError:  # a closed pipe (``rnq check | head``): as Python itself would end
        code = 120
    with contextlib.suppress(OSError):
        sys.stderr.flush()
    atexit._run_exitfuncs()
    os._exit(code)


def handle_errors(func: F) -> F:
    """Turn rnq's errors into a message on stderr and the exit code of SPEC §6: rnq's own
    errors their code (2 usage or configuration), any other exception exit 3 in one line (the
    traceback with ``--debug`` or ``RNQ_DEBUG=1``, else in a log file the message names), Ctrl-C
    exit 130. Adds the ``--debug`` option to the command."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        lang: Lang = kwargs.get("lang", "fr")
        try:
            return func(*args, **kwargs)
        except RnqError as exc:
            prefix = "error" if lang == "en" else "erreur"
            click.echo(f"rnq: {prefix}: {exc.message(lang)}", err=True)
            sys.exit(exc.exit_code)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except KeyboardInterrupt:
            click.echo("\nrnq: interrompu" if lang != "en" else "\nrnq: interrupted", err=True)
            sys.exit(EXIT_INTERRUPTED)
        except Exception as exc:  # every crash is exit 3, never 1 ("gaps found")
            _internal_error(exc, lang)

    return click.option(
        "--debug",
        is_flag=True,
        expose_value=False,
        is_eager=True,
        callback=_debug_on,
        help="En cas d'erreur interne, afficher la trace Python complète.",
    )(cast(F, wrapper))


def _date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(
            f"{value!r} : date attendue AAAA-MM-JJ / expected YYYY-MM-DD"
        ) from None


def _echo_text(text: str) -> None:
    """A text view on standard output, control characters from documents (ESC, BEL, C1, bidi
    controls) shown escaped, never sent to the terminal raw."""
    from rnq.render.console import visible

    click.echo(visible(text))


def _emit_json(payload: Any) -> None:
    click.echo(json.dumps(payload, ensure_ascii=False, indent=2))


@click.group("rnq", cls=_RnqGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=lambda ctx, param, value: _print_version(ctx, param, value),
    help="La version de rnq, des extensions chargées et de leurs collecteurs.",
)
@click.option(
    "--lang",
    type=click.Choice(["fr", "en"]),
    default=_env_lang,
    show_default="fr",
    help="Langue des messages / language of the output (ici ou après la commande).",
)
def main(lang: str) -> None:
    """rnq : préparer l'audit Qualiopi — le référentiel, les preuves, les écarts.

    rnq: Qualiopi audit readiness — the referential, the evidence, the gaps.
    """
    del lang  # read by every command's --lang default (_default_lang)


def _file_option(flag: str, dest: str, help_text: str) -> Callable[[F], F]:
    """An option naming a file an output is written to."""
    return click.option(flag, dest, type=click.Path(dir_okay=False, path_type=Path), help=help_text)


example_option = click.option(
    "--example",
    is_flag=True,
    help="Travailler sur l'exemple fourni avec rnq (un organisme fictif).",
)


fail_on_option = click.option(
    "--fail-on",
    type=click.Choice(["minor", "major", "not-assessed", "never"]),
    default="major",
    show_default=True,
    help=(
        "Seuil du code de sortie 1 : major (ce qui bloque le certificat), not-assessed (et ce "
        "qui n'a pas pu être évalué), minor (et toute NC mineure), never."
    ),
)


@main.command()
@click.argument("directory", required=False, type=click.Path(file_okay=False, path_type=Path))
@example_option
@click.option("--referential", "version", help="Version : rnq-2019-v9, rnq-2026.")
@click.option("--audit-date", callback=_date, help="Date d'audit (choisit la version).")
@click.option("--json", "as_json", is_flag=True, help="Sortie JSON (rnq.indicators/1).")
@lang_option
@handle_errors
def indicators(
    directory: Path | None,
    example: bool,
    version: str | None,
    audit_date: dt.date | None,
    as_json: bool,
    lang: Lang,
) -> None:
    """Le référentiel et les indicateurs applicables, avec leur raison.

    Sans DIRECTORY : le dossier courant ou le plus proche de ses parents qui contient
    rnq.yaml, sinon le référentiel seul ; --example : l'exemple fourni.
    """
    from rnq.render import referential as describe
    from rnq.workspace.applicable import applicable_indicators, choose_referential
    from rnq.workspace.config import load
    from rnq.workspace.root import workspace_root

    found = workspace_root(directory, example=example, required=False)
    directory = found.path if found is not None else None
    workspace = load(directory) if directory is not None else None
    referential = choose_referential(version=version, audit_date=audit_date, workspace=workspace)
    decisions = applicable_indicators(workspace, referential) if workspace is not None else None
    doc = describe.indicators_document(
        referential,
        decisions,
        workspace=str(directory) if directory is not None else None,
        lang=lang,
        new_entrant=None if workspace is None else bool(workspace.config.activity.new_entrant),
    )
    if as_json:
        _emit_json(doc.model_dump(mode="json", by_alias=True))
    else:
        _echo_text(describe.indicators_text(doc, lang))


class _IndicatorNumber(click.ParamType[int]):
    """An indicator number as rnq writes it: ``26``, ``I26``, ``i26``, or a folder name
    ``I26-…``."""

    name = "N"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int):
            return value
        found = re.fullmatch(r"[iI]?0*(\d{1,2})(?:[-_ .].*)?", str(value).strip(), flags=re.S)
        if found is None or not 1 <= int(found.group(1)) <= 99:
            self.fail(
                _pick_ui(
                    f"« {value} » : un numéro d'indicateur est attendu (26, I26 ou i26)",
                    f"{value!r}: an indicator number is expected (26, I26 or i26)",
                ),
                param,
                ctx,
            )
        return int(found.group(1))


def _pick_ui(fr: str, en: str) -> str:
    """``fr`` or ``en`` in the language of the command line (:func:`_argv_lang`)."""
    return en if _UI_LANG[0] == "en" else fr


@main.command()
@click.argument("number", type=_IndicatorNumber())
@click.option("--referential", "version", help="Une seule version (par défaut : toutes).")
@lang_option
@handle_errors
def explain(number: int, version: str | None, lang: Lang) -> None:
    """Un indicateur : libellé par version, niveau attendu, preuves, pondération des NC.

    N : 26, I26 ou i26 (comme les dossiers I26-…).
    """
    from rnq.referential.loader import get_referential
    from rnq.render import referential as describe

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
    from rnq.render import referential as describe

    click.echo(describe.changes_text(lang))


@main.command()
@click.argument("directory", required=False, type=click.Path(path_type=Path), default=Path("."))
@click.option("--force", is_flag=True, help="Remplacer un rnq.yaml existant (rien n'est supprimé).")
@lang_option
@handle_errors
def init(directory: Path, force: bool, lang: Lang) -> None:
    """Créer un espace de preuves : un rnq.yaml commenté et un dossier par critère et par
    indicateur, chacun avec un README.md qui dit quoi y déposer.

    Sans DIRECTORY : le dossier courant. Refuse de remplacer un rnq.yaml existant sans --force.
    """
    from rnq.workspace.scaffold import init_workspace

    written = init_workspace(directory, force=force, lang=lang)
    fr = f"{len(written)} fichier(s) écrit(s) dans {directory}. Ensuite : rnq check {directory}"
    en = f"{len(written)} file(s) written in {directory}. Next: rnq check {directory}"
    click.echo(fr if lang == "fr" else en)


@main.command()
@handle_errors
def schema() -> None:
    """Le JSON Schema de rnq.yaml (pour les éditeurs)."""
    from rnq.render.schemas import workspace_schema

    _emit_json(workspace_schema())


@main.command()
@click.argument("directory", required=False, type=click.Path(file_okay=False, path_type=Path))
@example_option
@click.option("--json", "as_json", is_flag=True, help="Sortie JSON (rnq.evidence/1).")
@lang_option
@handle_errors
def evidence(directory: Path | None, example: bool, as_json: bool, lang: Lang) -> None:
    """La carte des preuves : indicateur → preuves, par unité et prestation, et les fichiers
    non rattachés.

    Sans DIRECTORY : le dossier courant ou le plus proche de ses parents qui contient
    rnq.yaml ; --example : l'exemple fourni.
    """
    from rnq.collect import evidence_map
    from rnq.collect.collectors import collect, declare_units
    from rnq.plugins import get_plugin_manager
    from rnq.render.own_outputs import without_own_outputs
    from rnq.workspace.config import load

    directory = _workspace_dir(directory, example, lang)
    workspace = load(directory)
    plugins = get_plugin_manager(
        workspace_root=workspace.root, workspace_plugins=workspace.config.plugins
    )
    workspace = declare_units(workspace, plugins)
    result = without_own_outputs(collect(workspace, plugins), workspace.root)
    doc = evidence_map.evidence_document(
        result,
        lang=lang,
        workspace=str(directory),
        problems=plugins.problems,
        origins=_plugin_origins(plugins),
    )
    if as_json:
        _emit_json(doc.model_dump(mode="json", by_alias=True))
    else:
        _echo_text(evidence_map.evidence_text(doc, lang))


def _plugin_origins(plugins: PluginSet) -> dict[str, PluginOrigin]:
    """Collector name → the plugin that registers it (``rnq evidence``); a plugin's
    ``rnq_collect_evidence`` records carry the plugin's own name as their collector. A name two
    plugins register is the one collection keeps: the last registered (pluggy calls it first)."""
    from rnq.collect.evidence_map import PluginOrigin
    from rnq.engine.collection import plugin_infos

    origins: dict[str, PluginOrigin] = {}
    for info in reversed(plugin_infos(plugins)):
        if info.builtin:
            continue
        origin = PluginOrigin(name=info.name, version=info.version)
        origins.setdefault(info.name, origin)
        for collector in info.collectors:
            origins.setdefault(collector, origin)
    return origins


def _workspace_dir(directory: Path | None, example: bool = False, lang: Lang = "fr") -> Path:
    """DIR, else the nearest folder holding rnq.yaml (the current one or a parent), else an
    error; the shipped example only with ``--example``. A workspace found in a parent folder is
    named on stderr, as pytest names its rootdir."""
    from rnq.workspace.root import workspace_root

    found = workspace_root(directory, example=example)
    assert found is not None  # required: an error otherwise
    if found.how == "parent":
        label = "evidence workspace" if lang == "en" else "espace de preuves"
        click.echo(
            f"rnq: {label} : {found.path}" if lang == "fr" else f"rnq: {label}: {found.path}",
            err=True,
        )
    return found.path


def _progress_printer(lang: Lang) -> Callable[[Localized], None] | None:
    """Progress on stderr when it is a terminal, quiet in CI and in pipes."""
    if os.environ.get("CI") or not sys.stderr.isatty():
        return None

    from rnq.render.console import terminal_style, visible

    width = terminal_style(sys.stderr).width

    def show(message: Localized) -> None:
        text = " ".join(visible(message.get(lang)).split())[: width - 3]
        click.echo(f"\r\033[K… {text}", err=True, nl=False)

    return show


@dataclasses.dataclass(frozen=True)
class _Outputs:
    """The files ``rnq check`` writes besides the console view (``-``: standard output)."""

    json: Path | None
    html: Path | None
    md: Path | None
    junit: Path | None
    xlsx: Path | None
    csv: Path | None

    def validate(self) -> None:
        """Refuse, before the run, what cannot be written: binary or folder output on stdout,
        or two outputs on stdout."""
        for option, value in (("--xlsx", self.xlsx), ("--csv", self.csv)):
            if value is not None and str(value) == "-":
                raise UsageError(
                    Localized(
                        fr=f"{option} ne peut pas écrire sur la sortie standard",
                        en=f"{option} cannot write to standard output",
                    )
                )
        dashes = [
            option
            for option, value in (
                ("--json", self.json),
                ("--html", self.html),
                ("--md", self.md),
                ("--junit", self.junit),
            )
            if value is not None and str(value) == "-"
        ]
        if len(dashes) > 1:
            raise UsageError(
                Localized(
                    fr=f"une seule sortie peut aller sur la sortie standard ({', '.join(dashes)})",
                    en=f"only one output can go to standard output ({', '.join(dashes)})",
                )
            )
        from rnq.render.files import check_writable

        for value in (self.json, self.html, self.md, self.junit, self.xlsx):
            if value is not None:
                check_writable(value)  # before the run, not after it
        if self.csv is not None:
            check_writable(self.csv, folder=True)

    def inside(self, root: Path) -> list[Path]:
        """The output files (or ``--csv`` folder) that would land inside the workspace."""
        paths = (self.json, self.html, self.md, self.junit, self.xlsx, self.csv)
        return [p for p in paths if p is not None and str(p) != "-" and _is_within(p, root)]

    def _jobs(
        self,
    ) -> list[tuple[Path | None, Callable[[Path, Report], None], Callable[[Report], str]]]:
        """Each output but the JSON: its file, how to write it there, how to render it for
        standard output (None for ``--xlsx`` and ``--csv``, never written there)."""
        from rnq.render.files import write_parts_atomic, write_text_atomic

        def text_file(render: Callable[[Report], str]) -> Callable[[Path, Report], None]:
            return lambda path, r: write_text_atomic(path, render(r))

        def no_text(report: Report) -> str:
            raise AssertionError("--xlsx and --csv are refused on standard output")

        def xlsx(path: Path, report: Report) -> None:
            from rnq.render.tables import write_xlsx

            write_xlsx(path, report)

        def csv(path: Path, report: Report) -> None:
            from rnq.render.tables import write_csvs

            write_csvs(path, report)

        render_markdown = _render("rnq.render.markdown", "render_markdown")
        render_junit = _render("rnq.render.junit", "render_junit")
        # The HTML page, tens of MiB at scale, is written without being held whole.
        return [
            (
                self.html,
                lambda path, r: write_parts_atomic(path, _html_parts(r)),
                _render("rnq.render.html", "render_html"),
            ),
            (self.md, text_file(render_markdown), render_markdown),
            (self.junit, text_file(render_junit), render_junit),
            (self.xlsx, xlsx, no_text),
            (self.csv, csv, no_text),
        ]

    def start(self, report: Report) -> Aside[None] | None:
        """Start writing the files other than the JSON (and standard output) in a child
        process (:mod:`rnq.render.aside`), while this one stores the run; :meth:`write` waits
        for it. None when there are no such files."""
        from rnq.bulk import give_back_memory
        from rnq.render.aside import aside

        files = [
            (path, to_file)
            for path, to_file, _ in self._jobs()
            if path is not None and str(path) != "-"
        ]
        if not files:
            return None

        def write_files() -> None:
            for path, to_file in files:
                to_file(path, report)
                give_back_memory()  # one report text alive at a time, its memory handed back

        return aside(write_files)

    def write(
        self, report: Report, json_data: bytes | None = None, started: Aside[None] | None = None
    ) -> str | None:
        """Write every requested file atomically; return the text meant for standard output,
        if one output is ``-``. ``json_data``: the report's JSON, if the run had it
        (:mod:`rnq.render.report_json`), written as the ``--json`` file; ``started``: what
        :meth:`start` returned (its files are not written again, but waited for)."""
        from rnq.bulk import give_back_memory
        from rnq.render.files import write_bytes_atomic
        from rnq.render.report_json import json_parts

        stdout = None
        if self.json is not None and str(self.json) == "-":
            stdout = _to_json(report)
        elif self.json is not None:
            # The JSON, tens of MiB at scale, is written without being held whole.
            write_bytes_atomic(self.json, json_parts(report, json_data))
        del json_data  # not held while the other outputs are written
        give_back_memory()
        for path, to_file, to_text in self._jobs():
            if path is None:
                continue
            if str(path) == "-":
                stdout = to_text(report)
            elif started is None:
                to_file(path, report)
                give_back_memory()  # one report text alive at a time, its memory handed back
        if started is not None:
            started.result()
        return stdout

    def written(self) -> list[tuple[str, Path]]:
        """The files (and ``--csv`` folder) written, each with its kind, for the console."""
        named = (
            ("JSON", self.json),
            ("HTML", self.html),
            ("Markdown", self.md),
            ("JUnit", self.junit),
            ("XLSX", self.xlsx),
            ("CSV", self.csv),
        )
        return [(name, path) for name, path in named if path is not None and str(path) != "-"]


def _is_within(path: Path, root: Path) -> bool:
    try:
        return path.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):
        return False


def _warn_inside(outputs: list[Path], root: Path, lang: Lang) -> None:
    """Say that reports written inside the workspace are not evidence (rnq knows them again)."""
    if not outputs:
        return
    names = ", ".join(str(p) for p in outputs)
    one = len(outputs) == 1
    fr = (
        f"rnq : {names} {'est écrit' if one else 'sont écrits'} dans l'espace de preuves "
        f"({root}) : rnq {'le' if one else 'les'} reconnaîtra et ne {'le' if one else 'les'} "
        "lira pas comme preuve ; mieux vaut écrire les rapports hors de l'espace"
    )
    en = (
        f"rnq: {names} {'is' if one else 'are'} written inside the evidence workspace ({root}): "
        "rnq knows its own reports and never reads them as evidence; better write reports "
        "outside the workspace"
    )
    click.echo(en if lang == "en" else fr, err=True)


def _to_json(report: Report) -> str:
    return report.to_json()


def _html_parts(report: Report) -> Iterator[str]:
    """The HTML page in parts (:func:`rnq.render.html.html_parts`), imported when asked for."""
    from rnq.render.html import html_parts

    return html_parts(report)


def _render(module: str, name: str) -> Callable[[Report], str]:
    """A renderer imported only when its output is asked for."""

    def render(report: Report) -> str:
        function: Callable[[Report], str] = getattr(importlib.import_module(module), name)
        return function(report)

    return render


@main.command()
@click.argument("directory", required=False, type=click.Path(file_okay=False, path_type=Path))
@example_option
@_file_option(
    "--json",
    "json_file",
    "Écrire le rapport JSON (rnq.report/2) dans FILE (« - » : sortie standard).",
)
@_file_option(
    "--html", "html_file", "Écrire le rapport HTML autonome dans FILE (« - » : sortie standard)."
)
@_file_option("--md", "md_file", "Écrire le rapport Markdown dans FILE (« - » : sortie standard).")
@_file_option(
    "--junit",
    "junit_file",
    "Écrire le rapport JUnit XML (pour la CI) dans FILE (« - » : sortie standard).",
)
@_file_option(
    "--xlsx",
    "xlsx_file",
    "Écrire plan d'action, carte des preuves et indicateurs en XLSX dans FILE.",
)
@click.option(
    "--csv",
    "csv_dir",
    metavar="DIR",
    type=click.Path(file_okay=False, path_type=Path),
    help="Écrire ces tableaux en CSV dans le dossier DIR (action-plan.csv, evidence-map.csv…).",
)
@click.option("--today", callback=_date, help="Date du jour à utiliser (AAAA-MM-JJ).")
@click.option("--audit-date", callback=_date, help="Date d'audit (choisit le référentiel).")
@click.option("--referential", "version", help="Forcer une version : rnq-2019-v9, rnq-2026.")
@click.option("--unit", "units", multiple=True, help="Limiter à une unité (répétable).")
@click.option(
    "--indicator",
    "indicators",
    multiple=True,
    type=click.IntRange(0, HIGHEST_INDICATOR),
    help="Limiter à un indicateur (répétable).",
)
@fail_on_option
@click.option("--no-cache", is_flag=True, help="Relire tous les documents.")
@click.option(
    "--cache-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Dossier du cache (par défaut : le cache utilisateur, hors de l'espace de preuves).",
)
@click.option(
    "--open",
    "open_html",
    is_flag=True,
    help="Ouvrir le rapport HTML (--html FILE) dans le navigateur une fois écrit.",
)
@click.option("-q", "--quiet", count=True, help="Moins de détails : une ligne par indicateur.")
@click.option(
    "-v",
    "--verbose",
    count=True,
    help="Plus de détails : preuves, correction proposée, indicateurs conformes.",
)
@lang_option
@handle_errors
def check(
    directory: Path | None,
    example: bool,
    json_file: Path | None,
    html_file: Path | None,
    md_file: Path | None,
    junit_file: Path | None,
    xlsx_file: Path | None,
    csv_dir: Path | None,
    today: dt.date | None,
    audit_date: dt.date | None,
    version: str | None,
    units: tuple[str, ...],
    indicators: tuple[int, ...],
    fail_on: str,
    no_cache: bool,
    cache_dir: Path | None,
    open_html: bool,
    quiet: int,
    verbose: int,
    lang: Lang,
) -> None:
    """Collecter les preuves, lancer les vérifications, afficher les écarts.

    Sans DIRECTORY : le dossier courant ou le plus proche de ses parents qui contient
    rnq.yaml ; --example : l'exemple fourni (un organisme fictif).
    Code de sortie : 0 rien au-delà de --fail-on, 1 écarts, 2 configuration, 3 erreur interne.
    """
    from rnq.bulk import fewer_collections
    from rnq.render.console import console_text, terminal_style
    from rnq.run import RunOptions, running
    from rnq.verdict.build import exit_code
    from rnq.workspace.config import load

    began = time.perf_counter()
    outputs = _Outputs(
        json=json_file, html=html_file, md=md_file, junit=junit_file, xlsx=xlsx_file, csv=csv_dir
    )
    outputs.validate()
    if open_html and (html_file is None or str(html_file) == "-"):
        raise UsageError(
            Localized(
                fr="--open ouvre le rapport HTML : donnez aussi --html FICHIER",
                en="--open opens the HTML report: give --html FILE too",
            )
        )
    workspace = load(_workspace_dir(directory, example, lang))
    if cache_dir is not None and _is_within(cache_dir, workspace.root):
        raise UsageError(
            Localized(
                fr=f"--cache-dir {cache_dir} : le cache doit être hors de l'espace de preuves "
                "(rien n'est écrit dedans)",
                en=f"--cache-dir {cache_dir}: the cache must be outside the evidence workspace "
                "(nothing is written inside it)",
            )
        )
    _warn_inside(outputs.inside(workspace.root), workspace.root, lang)
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
    from rnq.render.report_json import capturing

    # No cyclic collection from the run to the process's end (bulk.py): the collector would
    # walk the run's objects and then the report's, again and again, for next to no garbage;
    # the program ends without one (_leave), a caller from Python gets it back on SystemExit.
    with fewer_collections():
        # captured: the JSON the run kept, not serialised again for --json; the reports other
        # than the JSON are written in a child process while this one stores the run for the
        # next (rnq.render.aside).
        unfreed: list[object] = []  # what the run no longer needs: the program ends at once
        with capturing() as captured, running(workspace, options, unfreed=unfreed) as report:
            started = outputs.start(report)
        if progress is not None:
            click.echo("\r\033[K", err=True, nl=False)
        stdout = outputs.write(report, captured.take(report), started)
        written = [(kind, path.absolute()) for kind, path in outputs.written()]
        if stdout is not None:
            click.echo(stdout, nl=False)
            _say_written(written, lang)
        else:
            style = terminal_style(verbosity=min(verbose, 1) - min(quiet, 1))
            elapsed = time.perf_counter() - began
            text = console_text(report, lang, style=style, elapsed=elapsed, written=written)
            click.echo(text, color=style.color)
        if open_html and html_file is not None:
            import webbrowser

            webbrowser.open(html_file.absolute().as_uri())
        _leave(exit_code(report, cast("Any", fail_on)))


def _say_written(written: list[tuple[str, Path]], lang: Lang) -> None:
    """The files written, on standard error (standard output carries a report)."""
    from rnq.render.console import terminal_style, written_lines

    style = terminal_style(sys.stderr)
    head = "written" if lang == "en" else "écrit"
    for line in written_lines(written, lang, style):
        click.echo(
            f"rnq: {head}{line[1:]}" if lang == "en" else f"rnq : {head}{line[1:]}",
            err=True,
            color=style.color,
        )


@main.command("diff")
@click.argument("old", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("new", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Sortie JSON (rnq.diff/1).")
@lang_option
@handle_errors
def diff_command(old: Path, new: Path, as_json: bool, lang: Lang) -> None:
    """Constats corrigés, nouveaux et inchangés entre deux rapports JSON (rnq check --json).

    Un constat est ouvert s'il est un écart ou non vérifié ; les constats sont comparés par
    leur identifiant, stable d'une exécution à l'autre.
    """
    from rnq.render.diff import diff_reports, diff_text, load_report

    result = diff_reports(load_report(old), load_report(new))
    if as_json:
        click.echo(result.to_json(), nl=False)
    else:
        _echo_text(diff_text(result, lang))


@main.command()
@click.argument("directory", required=False, type=click.Path(file_okay=False, path_type=Path))
@example_option
@click.option("--seed", type=int, help="Graine du tirage (même graine, même échantillon).")
@click.option(
    "--audit-type",
    type=click.Choice(["initial", "surveillance", "renewal"]),
    help="Type d'audit simulé (par défaut : audit.type de rnq.yaml).",
)
@click.option("--today", callback=_date, help="Date du jour à utiliser (AAAA-MM-JJ).")
@click.option("--audit-date", callback=_date, help="Date d'audit (choisit le référentiel).")
@click.option(
    "--json", "as_json", is_flag=True, help="Sortie JSON (rnq.report/2, avec « sample »)."
)
@_file_option("--html", "html_file", "Écrire le rapport HTML de l'audit blanc dans FILE.")
@_file_option("--md", "md_file", "Écrire le rapport Markdown de l'audit blanc dans FILE.")
@fail_on_option
@click.option("--no-cache", is_flag=True, help="Relire tous les documents.")
@lang_option
@handle_errors
def sample(
    directory: Path | None,
    example: bool,
    seed: int | None,
    audit_type: str | None,
    today: dt.date | None,
    audit_date: dt.date | None,
    as_json: bool,
    html_file: Path | None,
    md_file: Path | None,
    fail_on: str,
    no_cache: bool,
    lang: Lang,
) -> None:
    """Audit blanc : sites et prestations tirés comme le ferait un certificateur, puis les
    vérifications sur cet échantillon seulement — ce que l'auditeur aurait vu.

    Sans --seed, une graine est tirée et affichée pour rejouer le même échantillon.
    Code de sortie : comme rnq check (--fail-on).
    """
    import secrets

    from rnq.rehearsal.sampling import sample_audit, sample_text
    from rnq.render.console import console_text, terminal_style
    from rnq.run import RunOptions, run
    from rnq.verdict.build import exit_code
    from rnq.workspace.config import load

    workspace = load(_workspace_dir(directory, example, lang))
    drawn = sample_audit(
        workspace.config,
        seed if seed is not None else secrets.randbelow(1_000_000),
        audit_type=cast("Any", audit_type),
        lang=lang,
    )
    progress = _progress_printer(lang)
    options = RunOptions(
        today=today,
        audit_date=audit_date,
        lang=lang,
        use_cache=not no_cache,
        progress=progress,
        sample=drawn,
    )
    outputs = _Outputs(json=None, html=html_file, md=md_file, junit=None, xlsx=None, csv=None)
    outputs.validate()
    report = run(workspace, options)
    if progress is not None:
        click.echo("\r\033[K", err=True, nl=False)
    outputs.write(report)
    written = [(kind, path.absolute()) for kind, path in outputs.written()]
    if as_json:
        click.echo(report.to_json(), nl=False)
        _say_written(written, lang)
    else:
        style = terminal_style()
        _echo_text(sample_text(drawn, lang))
        click.echo("")
        click.echo(console_text(report, lang, style=style, written=written), color=style.color)
    _leave(exit_code(report, cast("Any", fail_on)))


@main.command()
@click.argument("directory", required=False, type=click.Path(file_okay=False, path_type=Path))
@example_option
@click.option("--today", callback=_date, help="Date du jour à utiliser (AAAA-MM-JJ).")
@click.option("--audit-date", callback=_date, help="Date d'audit (par défaut : audit.date).")
@click.option("--json", "as_json", is_flag=True, help="Sortie JSON (rnq.calendar/1).")
@lang_option
@handle_errors
def calendar(
    directory: Path | None,
    example: bool,
    today: dt.date | None,
    audit_date: dt.date | None,
    as_json: bool,
    lang: Lang,
) -> None:
    """Calendrier d'audit : fenêtre de surveillance, renouvellement, jours restants, échéances
    des NC de l'audit précédent (levées ou ouvertes)."""
    from rnq.rehearsal.calendar import audit_calendar
    from rnq.render.calendar import calendar_document, calendar_text
    from rnq.workspace.config import load

    workspace = load(_workspace_dir(directory, example, lang))
    result = audit_calendar(
        workspace.config, today or dt.date.today(), audit_date=audit_date, lang=lang
    )
    if as_json:
        _emit_json(calendar_document(result))
    else:
        _echo_text(calendar_text(result, lang))


# --- rnq checks, rnq --version: what code a run collects (issue #19) ---------------------------


def _print_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    """``rnq --version``: rnq's version, then each plugin loaded, its version and collectors."""
    if not value or ctx.resilient_parsing:
        return
    from rnq import __version__
    from rnq.engine.collection import loaded_plugins
    from rnq.render.checklist import version_text

    click.echo(version_text(__version__, loaded_plugins(), cast("Lang", _default_lang())))
    ctx.exit(0)


@main.command("checks")
@click.argument("directory", required=False, type=click.Path(file_okay=False, path_type=Path))
@example_option
@click.option("--referential", "version", help="Version : rnq-2019-v9, rnq-2026.")
@click.option("--json", "as_json", is_flag=True, help="Sortie JSON (rnq.checks/1).")
@lang_option
@handle_errors
def checks_command(
    directory: Path | None, example: bool, version: str | None, as_json: bool, lang: Lang
) -> None:
    """Les vérifications qu'une exécution collecterait (intégrées, extensions, espace de
    preuves), leurs marques, les indicateurs qu'elles vérifient et leur origine — sans lire
    aucun document (comme pytest --collect-only).

    Code de sortie : 0, ou 2 si le code des vérifications ou des extensions a des erreurs
    (toutes listées : fichier, ligne, correction).
    """
    from rnq.engine.collection import list_checks
    from rnq.render.checklist import checks_text
    from rnq.workspace.config import load

    workspace = load(_workspace_dir(directory, example, lang))
    listing = list_checks(workspace, referential=version)
    if as_json:
        _emit_json(listing.to_dict())
    else:
        _echo_text(checks_text(listing, lang))


@main.command()
@click.argument("directory", required=False, type=click.Path(file_okay=False, path_type=Path))
@example_option
@click.option("--json", "as_json", is_flag=True, help="Sortie JSON (rnq.doctor/1).")
@click.option("--strict", is_flag=True, help="Code de sortie 1 aussi pour un avertissement.")
@click.option("--today", callback=_date, help="Date du jour à utiliser (AAAA-MM-JJ).")
@lang_option
@handle_errors
def doctor(
    directory: Path | None,
    example: bool,
    as_json: bool,
    strict: bool,
    today: dt.date | None,
    lang: Lang,
) -> None:
    """Diagnostiquer l'espace de preuves sans lire aucun document : rnq.yaml, manifestes,
    dérogations, code, dossiers des unités et prestations, preuves mal placées ou sans date,
    référentiel choisi, cache. Rapide : utilisable comme crochet pre-commit.

    Code de sortie : 0 rien de bloquant, 1 avertissements avec --strict, 2 ce qui arrêterait
    rnq check (erreur de configuration ou de code).
    """
    from rnq.verdict.doctor import diagnose, doctor_text

    diagnosis = diagnose(_workspace_dir(directory, example, lang), today=today)
    if as_json:
        click.echo(diagnosis.to_json(), nl=False)
    else:
        _echo_text(doctor_text(diagnosis, lang))
    if diagnosis.errors:
        sys.exit(EXIT_USAGE)
    sys.exit(EXIT_GAPS if strict and diagnosis.warnings else EXIT_OK)


if __name__ == "__main__":  # pragma: no cover
    main()
