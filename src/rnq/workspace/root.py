"""Where the workspace is: found as git and pytest find their root, never guessed.

* A folder given on the command line is the workspace (it must hold ``rnq.yaml``).
* Otherwise the current folder and then each of its parents is searched for ``rnq.yaml``: a
  quality officer who runs ``rnq check`` from ``mon-espace/siege/`` checks ``mon-espace``.
* A file named almost like it (``rnq.yml``, ``RNQ.yaml``, ``rnq.yaml.txt`` as Windows hides the
  extension) is named and refused, with the fix.
* The example shipped with rnq only on request (``--example``): a forgotten ``rnq init`` never
  gives a report on a fictional provider.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from rnq.errors import ConfigError, UsageError
from rnq.text import Localized
from rnq.workspace.config import CONFIG_NAME

__all__ = ["FoundRoot", "find_root", "misnamed_config", "workspace_root"]

#: Names a user may give the configuration by mistake (compared case-insensitively).
_NEAR_NAMES = frozenset(
    {"rnq.yaml", "rnq.yml", "rnq.yaml.txt", "rnq.yml.txt", "rnq.yaml.yaml", "rnq.yaml.yml"}
)


@dataclass(frozen=True)
class FoundRoot:
    """The workspace folder, and how it was found (``given``, ``current``, ``parent``,
    ``example``)."""

    path: Path
    how: str


def misnamed_config(folder: Path) -> str | None:
    """The name of a file in ``folder`` that looks like ``rnq.yaml`` but is not exactly it."""
    try:
        names = os.listdir(folder)
    except OSError:
        return None
    if CONFIG_NAME in names:
        return None
    near = sorted(name for name in names if name.casefold() in _NEAR_NAMES)
    return near[0] if near else None


def _refuse_misnamed(folder: Path, name: str) -> ConfigError:
    return ConfigError(
        Localized(
            fr=f"rnq lit « {CONFIG_NAME} », pas « {name} »",
            en=f"rnq reads '{CONFIG_NAME}', not '{name}'",
        ),
        path=str(folder / name),
        hint=Localized(
            fr=f"renommez le fichier en {CONFIG_NAME} (en minuscules, extension .yaml)",
            en=f"rename the file to {CONFIG_NAME} (lower case, extension .yaml)",
        ),
    )


def find_root(start: Path | None = None) -> Path | None:
    """The nearest folder holding ``rnq.yaml``: ``start`` (default: the current folder) or one of
    its parents; ``None`` when there is none. A misnamed configuration met on the way up, before
    any ``rnq.yaml``, is refused (:class:`~rnq.errors.ConfigError`)."""
    folder = Path(start if start is not None else Path.cwd()).absolute()
    for candidate in (folder, *folder.parents):
        if (candidate / CONFIG_NAME).is_file():
            return candidate
        name = misnamed_config(candidate)
        if name is not None:
            raise _refuse_misnamed(candidate, name)
    return None


def _no_workspace(start: Path) -> UsageError:
    return UsageError(
        Localized(
            fr=(
                f"aucun {CONFIG_NAME} dans {start} ni dans ses dossiers parents. "
                "Créez un espace de preuves avec « rnq init DOSSIER », indiquez son dossier "
                "(« rnq check DOSSIER »), ou essayez l'exemple fourni : « rnq check --example »"
            ),
            en=(
                f"no {CONFIG_NAME} in {start} or any of its parent folders. "
                "Create an evidence workspace with 'rnq init FOLDER', give its folder "
                "('rnq check FOLDER'), or try the bundled example: 'rnq check --example'"
            ),
        )
    )


def workspace_root(
    directory: Path | None = None,
    *,
    example: bool = False,
    required: bool = True,
    start: Path | None = None,
) -> FoundRoot | None:
    """The workspace a command works on.

    ``directory`` (given on the command line) wins; ``example`` asks for the example shipped with
    rnq; otherwise ``rnq.yaml`` is looked for in ``start`` (default: the current folder) and its
    parents. With ``required=False`` (``rnq indicators``, which can list the referential alone)
    no workspace gives ``None`` instead of an error.
    """
    if example and directory is not None:
        raise UsageError(
            Localized(
                fr="--example ou un DOSSIER, pas les deux",
                en="--example or a FOLDER, not both",
            )
        )
    if example:
        from rnq.workspace.applicable import example_workspace

        return FoundRoot(example_workspace(), "example")
    if directory is not None:
        folder = directory.parent if directory.name == CONFIG_NAME else directory
        if not (folder / CONFIG_NAME).is_file():
            name = misnamed_config(folder)
            if name is not None:
                raise _refuse_misnamed(folder, name)
            if not folder.is_dir():
                raise UsageError(
                    Localized(
                        fr=f"dossier introuvable : {directory} (indiquez le dossier qui "
                        f"contient {CONFIG_NAME})",
                        en=f"no such folder: {directory} (give the folder holding {CONFIG_NAME})",
                    )
                )
            try:
                above = find_root(folder.absolute().parent) if required else None
            except ConfigError:  # a misnamed file further up: not what was asked about
                above = None
            if above is not None:
                raise UsageError(
                    Localized(
                        fr=(
                            f"aucun {CONFIG_NAME} dans {directory} ; l'espace de preuves qui le "
                            f"contient est {above} : « rnq check {above} »"
                        ),
                        en=(
                            f"no {CONFIG_NAME} in {directory}; the evidence workspace holding it "
                            f"is {above}: 'rnq check {above}'"
                        ),
                    )
                )
        return FoundRoot(directory, "given")
    here = Path(start) if start is not None else Path(".")
    found = find_root(here)
    if found is None:
        if required:
            raise _no_workspace(here.absolute())
        return None
    if found == here.absolute():
        return FoundRoot(here, "current")
    return FoundRoot(found, "parent")
