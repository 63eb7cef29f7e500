"""What people declare about their evidence files: sidecar manifests and Markdown front matter.

* A **manifest** ``rnq-evidence.yaml`` is a YAML list of entries; each entry's ``path`` is a glob
  relative to the manifest's folder (``*`` and ``?`` stay within a folder, ``**`` spans folders,
  a trailing ``/`` means everything under that folder) and the other keys describe the files it
  matches. The first matching entry of the nearest manifest wins (:class:`Manifests`).
* **Front matter** is a YAML block between ``---`` and ``---`` (or ``...``) at the top of a
  Markdown file, with the same keys as a manifest entry but ``path``.

Both are strict: an unknown key, a wrong type, a kind or stakeholder outside the vocabulary, or a
glob that would leave the workspace is a problem naming the file, the line and the fix. A
manifest is configuration: :func:`manifest_problems` lists its mistakes and
:func:`rnq.workspace.config.load` stops on them (exit 2). A front matter is part of an evidence
file: its mistakes are :class:`~rnq.errors.Problem` records, that front matter is skipped and the
run goes on.

Both accept a few French keys (:data:`FRENCH_ALIASES`): ``indicateurs``, ``type`` or
``nature``, ``partie_prenante``, ``prestation`` or ``offre``, ``valide_jusqu_au``, ``chemin``,
``par``, ``commentaire``.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictInt,
    StrictStr,
    ValidationError,
)

from rnq._yaml import LineMap, YamlError, decode_config, line_of, load_yaml, read_config_bytes
from rnq.errors import ConfigError, ConfigProblem, Problem
from rnq.referential.loader import HIGHEST_INDICATOR
from rnq.text import Localized
from rnq.workspace.diagnostics import (
    date_problem,
    invalid,
    normalize,
    problems_from_validation,
    suggest_key,
)
from rnq.workspace.kinds import kind_ids, stakeholder_ids
from rnq.workspace.walk import GlobError, compile_ignore

__all__ = [
    "FRENCH_ALIASES",
    "MANIFEST_NAME",
    "Declared",
    "FrontMatter",
    "Manifest",
    "ManifestEntry",
    "ManifestRule",
    "Manifests",
    "Source",
    "check_manifest",
    "manifest_problems",
    "parse_front_matter",
    "parse_manifest",
]

#: The file name of sidecar manifests.
MANIFEST_NAME = "rnq-evidence.yaml"

Model = TypeVar("Model", bound=BaseModel)


def _one_or_many(value: object) -> object:
    """``indicators: 26`` is read as ``indicators: [26]``."""
    return [value] if isinstance(value, int) and not isinstance(value, bool) else value


def _date_value(value: object) -> object:
    """A YAML date, or an ISO ``YYYY-MM-DD`` string; nothing else (no timestamps)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if value is None or isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    message, fix = date_problem(value)
    raise invalid(message.fr, message.en, fix.fr, fix.en)


IndicatorList = Annotated[
    list[Annotated[StrictInt, Field(ge=0, le=HIGHEST_INDICATOR)]],
    Field(min_length=1),
    BeforeValidator(_one_or_many),
]
DateValue = Annotated[dt.date | None, BeforeValidator(_date_value)]


class Declared(BaseModel):
    """The fields a manifest entry or a front matter may declare for a file (all optional)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    indicators: IndicatorList | None = None
    kind: StrictStr | None = None
    stakeholder: StrictStr | None = None
    date: DateValue = None
    valid_until: DateValue = None
    offering: StrictStr | None = None
    by: StrictStr | None = None
    note: StrictStr | None = None

    @property
    def declares_anything(self) -> bool:
        """True when at least one mapping field is given."""
        return any(getattr(self, name) is not None for name in Declared.model_fields)


class ManifestEntry(Declared):
    """One entry of a manifest: ``path`` (a glob relative to the manifest's folder) and fields."""

    path: StrictStr = Field(min_length=1)


class FrontMatter(Declared):
    """The front matter of a Markdown file. Besides the mapping fields it tolerates the
    descriptive keys note-taking tools write (``title``, ``author``, ``tags``, ``description``),
    which rnq ignores."""

    title: Any = None
    author: Any = None
    tags: Any = None
    description: Any = None


@dataclass(frozen=True)
class Source:
    """Fields declared for one file by a manifest entry or by its front matter.

    ``path`` is the file that declares them (the manifest, or the Markdown file itself) and
    ``lines`` the lines of their keys there, so later problems point at the right line.
    """

    mapped_by: Literal["manifest", "front_matter"]
    fields: Declared
    path: str
    lines: LineMap = field(default_factory=dict, repr=False)


def _load(text: str, duplicates: list[YamlError] | None = None) -> tuple[Any, LineMap]:
    """:func:`rnq._yaml.load_yaml`, also turning a scalar PyYAML cannot build (an impossible
    date such as ``2026-02-30``) into a :class:`YamlError` instead of a crash."""
    try:
        return load_yaml(text, duplicates=duplicates)
    except ValueError as exc:
        raise YamlError(
            None, Localized(fr=f"YAML invalide : {exc}", en=f"invalid YAML: {exc}")
        ) from None


# --- Validation ------------------------------------------------------------------------------


#: French keys a manifest entry or a front matter may use, with the key they stand for
#: (compared once lower-cased, without accents, ``_`` between words, no final ``s``).
FRENCH_ALIASES: dict[str, str] = {
    "indicateur": "indicators",
    "type": "kind",
    "nature": "kind",
    "partie_prenante": "stakeholder",
    "prestation": "offering",
    "offre": "offering",
    "valide_jusqu_au": "valid_until",
    "chemin": "path",
    "par": "by",
    "commentaire": "note",
}


def _problem(path: str, line: int | None, fr: str, en: str) -> Problem:
    return Problem(path=path, line=line, message=Localized(fr=fr, en=en))


def _config_problem(
    path: str,
    line: int | None,
    message: Localized,
    fix: Localized | None = None,
    key: str | None = None,
) -> ConfigProblem:
    return ConfigProblem(path=path, line=line, key=key, message=message, fix=fix)


def as_problem(problem: ConfigProblem) -> Problem:
    """A :class:`ConfigProblem` as a :class:`Problem` of the run (the fix in parentheses)."""
    fix = problem.fix
    return Problem(
        path=problem.path,
        line=problem.line,
        message=Localized(
            fr=problem.message.fr + (f" ({fix.fr})" if fix else ""),
            en=problem.message.en + (f" ({fix.en})" if fix else ""),
        ),
    )


def _english_keys(
    data: dict[Any, Any], model: type[BaseModel], path: str, lines: LineMap
) -> tuple[dict[Any, Any], LineMap, list[ConfigProblem]]:
    """``data`` with its French keys (:data:`FRENCH_ALIASES`) renamed, the line map to match."""
    renamed: dict[Any, Any] = {}
    moved: dict[str, str] = {}
    problems: list[ConfigProblem] = []
    for key, value in data.items():
        meant = key
        if isinstance(key, str) and key not in model.model_fields:
            alias = FRENCH_ALIASES.get(normalize(key))
            if alias is not None and alias in model.model_fields:
                meant = alias
        if meant in renamed:
            first = next((k for k, v in moved.items() if v == meant), meant)
            problems.append(
                _config_problem(
                    path,
                    line_of(lines, (str(key),)),
                    Localized(
                        fr=f"« {key} » et « {first} » disent la même chose",
                        en=f"'{key}' and '{first}' say the same thing",
                    ),
                    Localized(fr="gardez-en un seul", en="keep only one"),
                    key=str(key),
                )
            )
            continue
        renamed[meant] = value
        if meant != key:
            moved[str(key)] = str(meant)
    if not moved:
        return renamed, lines, problems
    shifted: LineMap = {}
    for loc, line in lines.items():
        if loc and isinstance(loc[0], str) and loc[0] in moved:
            shifted[(moved[loc[0]], *loc[1:])] = line
        else:
            shifted.setdefault(loc, line)
    return renamed, shifted, problems


def _vocabulary_problems(data: dict[Any, Any], path: str, lines: LineMap) -> list[ConfigProblem]:
    """A kind or a stakeholder outside the vocabulary (read on the data, whatever else is
    wrong with it)."""
    problems = []
    for key, allowed, fr_what, en_what in (
        ("kind", kind_ids(), "type de preuve", "kind"),
        ("stakeholder", stakeholder_ids(), "partie prenante", "stakeholder"),
    ):
        value = data.get(key)
        if not isinstance(value, str) or value in allowed:
            continue
        meant = suggest_key(value, allowed)
        listed = ", ".join(allowed)
        fix = (
            Localized(fr=f"vouliez-vous dire « {meant} » ?", en=f"did you mean '{meant}'?")
            if meant
            else Localized(fr=f"valeurs : {listed}", en=f"known: {listed}")
        )
        problems.append(
            _config_problem(
                path,
                line_of(lines, (key,)),
                Localized(fr=f"{fr_what} inconnu « {value} »", en=f"unknown {en_what} '{value}'"),
                fix,
                key=key,
            )
        )
    return problems


def _validate(
    model: type[Model], data: dict[Any, Any], path: str, lines: LineMap
) -> tuple[Model | None, list[ConfigProblem]]:
    """Validate ``data`` into ``model``; problems name ``path`` and the line of the bad key."""
    original = data
    data, lines, problems = _english_keys(data, model, path, lines)
    value: Model | None = None
    try:
        value = model.model_validate(data)
    except ValidationError as exc:
        problems += problems_from_validation(
            exc,
            path=path,
            data=data,
            lines=lines,
            known={(): sorted(model.model_fields)},
        )
    problems += _vocabulary_problems(data, path, lines)
    problems = [_as_written(problem, original) for problem in problems]
    problems.sort(key=lambda p: p.line or 0)
    return (None if problems else value), problems


def _as_written(problem: ConfigProblem, original: dict[Any, Any]) -> ConfigProblem:
    """``problem`` naming its key as the person wrote it (``valide_jusqu_au``, not
    ``valid_until``)."""
    meant = problem.key
    written = next(
        (
            str(key)
            for key in original
            if isinstance(key, str) and key != meant and FRENCH_ALIASES.get(normalize(key)) == meant
        ),
        None,
    )
    if meant is None or written is None:
        return problem
    message = Localized(
        fr=problem.message.fr.replace(f"« {meant} »", f"« {written} »"),
        en=problem.message.en.replace(f"'{meant}'", f"'{written}'"),
    )
    return problem.model_copy(update={"message": message, "key": written})


# --- Front matter ----------------------------------------------------------------------------


def parse_front_matter(text: str, path: str) -> tuple[Source | None, list[Problem]]:
    """The front matter at the top of the Markdown ``text`` of the file ``path``, as a
    :class:`Source` whose ``fields`` are a :class:`FrontMatter`.

    Returns ``(None, [])`` when the text has no front matter (or an empty one), and
    ``(None, problems)`` when it is invalid; lines in problems are lines of the file.
    A UTF-8 byte order mark is tolerated.
    """
    lines = text.removeprefix("\ufeff").splitlines()
    if not lines or lines[0].rstrip() != "---":
        return None, []
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if end is None:
        return None, [
            _problem(
                path,
                1,
                "en-tête YAML non fermé : « --- » ou « ... » attendu",
                "front matter not closed: '---' or '...' expected",
            )
        ]
    try:
        data, yaml_lines = _load("\n".join(lines[1:end]))
    except YamlError as exc:
        line = exc.line + 1 if exc.line is not None else 1
        return None, [as_problem(_config_problem(path, line, exc.localized, exc.fix))]
    if data is None:
        return None, []
    if not isinstance(data, dict):
        return None, [
            _problem(
                path,
                2,
                "l'en-tête YAML doit être une table de clés",
                "the front matter must be a mapping of keys",
            )
        ]
    shifted = {loc: line + 1 for loc, line in yaml_lines.items()}
    fields, problems = _validate(FrontMatter, data, path, shifted)
    if fields is None:
        return None, [as_problem(problem) for problem in problems]
    return Source("front_matter", fields, path, shifted), []


# --- Manifests -------------------------------------------------------------------------------


def _outside(glob: str) -> bool:
    """True when ``glob`` is absolute or climbs out of its folder with ``..``."""
    return (
        glob.startswith("/") or re.match(r"^[A-Za-z]:", glob) is not None or ".." in glob.split("/")
    )


def _compile_glob(glob: str) -> re.Pattern[str]:
    """``glob`` (relative to a folder) as a regex on paths relative to that folder."""
    if glob.endswith("/"):
        glob += "**"
    # a leading "/" anchors the pattern at the folder (gitignore-like dialect of fswalk)
    return compile_ignore(["/" + glob])[0]


@dataclass(frozen=True)
class ManifestRule:
    """A valid manifest entry, compiled: ``index`` is its position, ``line`` where it starts."""

    index: int
    entry: ManifestEntry
    pattern: re.Pattern[str]
    line: int | None
    lines: LineMap = field(repr=False)


@dataclass(frozen=True)
class Manifest:
    """A parsed manifest: its path, its folder (``""`` at the root) and its valid rules."""

    path: str
    folder: str
    rules: tuple[ManifestRule, ...]

    def match(self, path: str) -> ManifestRule | None:
        """The first rule matching ``path`` (relative to the workspace), or ``None``."""
        prefix = f"{self.folder}/" if self.folder else ""
        if not path.startswith(prefix):
            return None
        relative = path[len(prefix) :]
        return next((rule for rule in self.rules if rule.pattern.match(relative)), None)


def _entry_lines(lines: LineMap, index: int) -> LineMap:
    return {loc[1:]: line for loc, line in lines.items() if loc[:1] == (index,)}


def parse_manifest(text: str, path: str) -> tuple[Manifest, list[Problem]]:
    """Parse the manifest at ``path`` (relative to the workspace, POSIX) from its ``text``.

    Invalid entries are skipped with a problem naming the manifest and the line; a manifest
    that is not valid YAML or not a list yields no rules. (:func:`check_manifest` gives the
    same problems with their fixes apart.)
    """
    manifest, problems = _parse_manifest(text, path)
    return manifest, [as_problem(problem) for problem in problems]


def check_manifest(text: str, path: str) -> list[ConfigProblem]:
    """Every mistake of the manifest ``text``, named ``path`` in the problems."""
    return _parse_manifest(text, path)[1]


def _parse_manifest(text: str, path: str) -> tuple[Manifest, list[ConfigProblem]]:
    folder = path.rpartition("/")[0]
    empty = Manifest(path=path, folder=folder, rules=())
    duplicates: list[YamlError] = []
    try:
        data, lines = _load(text.removeprefix("\ufeff"), duplicates)
    except YamlError as exc:
        return empty, [_config_problem(path, exc.line, exc.localized, exc.fix)]
    problems = [_config_problem(path, d.line, d.localized, d.fix) for d in duplicates]
    if data is None:
        return empty, problems
    if not isinstance(data, list):
        return empty, [
            *problems,
            _config_problem(
                path,
                1,
                Localized(
                    fr="le manifeste doit être une liste d'entrées",
                    en="the manifest must be a list of entries",
                ),
                Localized(
                    fr="commencez chaque entrée par « - path: » (par exemple "
                    '« - path: "*.pdf" » puis « indicators: [26] » aligné sous « path »)',
                    en="start each entry with '- path:' (e.g. '- path: \"*.pdf\"' then "
                    "'indicators: [26]' aligned under 'path')",
                ),
            ),
        ]
    rules: list[ManifestRule] = []
    for index, item in enumerate(data):
        entry_lines = _entry_lines(lines, index)
        line = entry_lines.get(())
        if not isinstance(item, dict):
            problems.append(
                _config_problem(
                    path,
                    line,
                    Localized(
                        fr="entrée sans clés : une entrée décrit des fichiers par des clés",
                        en="entry without keys: an entry describes files with keys",
                    ),
                    Localized(
                        fr='écrivez « - path: "motif" » puis les clés alignées dessous',
                        en="write '- path: \"pattern\"' then the keys aligned below",
                    ),
                )
            )
            continue
        entry, entry_problems = _validate(ManifestEntry, item, path, entry_lines)
        problems += entry_problems
        if entry is None:
            continue
        glob = entry.path.strip().replace("\\", "/")
        if _outside(glob):
            problems.append(
                _config_problem(
                    path,
                    line_of(entry_lines, ("path",)),
                    Localized(
                        fr=f"motif « {entry.path} » hors de l'espace de preuves",
                        en=f"pattern '{entry.path}' leaves the workspace",
                    ),
                    Localized(
                        fr="écrivez un motif relatif au dossier du manifeste, sans « .. »",
                        en="write a pattern relative to the manifest's folder, without '..'",
                    ),
                    key="path",
                )
            )
            continue
        try:
            compiled = _compile_glob(glob)
        except GlobError as exc:
            problems.append(
                _config_problem(
                    path,
                    line_of(entry_lines, ("path",)),
                    Localized(
                        fr=f"motif « {entry.path} » : {exc.fr.partition(' : ')[2]}",
                        en=f"pattern '{entry.path}': {exc.en.partition(': ')[2]}",
                    ),
                    Localized(
                        fr="écrivez le plus petit caractère en premier : [0-9], [a-z], [2025-2026] "
                        "s'écrit 202[56]",
                        en="write the smaller character first: [0-9], [a-z]; [2025-2026] is "
                        "written 202[56]",
                    ),
                    key="path",
                )
            )
            continue
        rules.append(ManifestRule(index, entry, compiled, line, entry_lines))
    problems.sort(key=lambda p: p.line or 0)
    return Manifest(path=path, folder=folder, rules=tuple(rules)), problems


def _find_manifests(root: Path, ignore: Sequence[str]) -> list[str]:
    """The manifests of the workspace at ``root`` (relative POSIX paths, sorted), without
    entering ignored folders nor following links: a listing of folders, no file is opened."""
    files_re, dirs_re = compile_ignore(ignore)
    found: list[str] = []
    stack = [""]
    while stack:
        folder = stack.pop()
        try:
            entries = list(os.scandir(root / folder if folder else root))
        except OSError:
            continue  # the walk of the collection reports it
        for entry in entries:
            relative = f"{folder}/{entry.name}" if folder else entry.name
            try:
                is_dir = entry.is_dir(follow_symlinks=False)
            except OSError:
                continue
            if is_dir:
                if not dirs_re.match(relative) and len(stack) < 10_000:
                    stack.append(relative)
            elif entry.name == MANIFEST_NAME and not files_re.match(relative):
                found.append(relative)
    return sorted(found)


def manifest_problems(
    root: Path, ignore: Sequence[str], *, shown_root: str | None = None
) -> list[ConfigProblem]:
    """Every mistake in the manifests of the workspace at ``root`` (``ignore``: its ignore
    patterns), each naming the manifest as ``shown_root/relative/path`` (default: ``root``)."""
    base = str(root) if shown_root is None else shown_root
    problems: list[ConfigProblem] = []
    for relative in _find_manifests(root, ignore):
        shown = os.path.join(base, relative) if base not in ("", ".") else relative
        try:
            text = decode_config(read_config_bytes(root / relative, shown=shown, root=root), shown)
        except ConfigError as exc:
            problems += exc.problems
            continue
        problems += _parse_manifest(text, shown)[1]
    return problems


def _ancestors(path: str) -> Iterable[str]:
    """The folders holding ``path``, nearest first, ending with the root ``""``."""
    folder = path
    while folder:
        folder = folder.rpartition("/")[0]
        yield folder


class Manifests:
    """Every manifest of a workspace; finds the entry that describes a file.

    The nearest manifest (in the file's folder, then its parents) with a matching entry wins;
    within a manifest, the first matching entry wins. Entries that matched no file are reported
    by :meth:`unused`.
    """

    def __init__(self, manifests: Iterable[Manifest]) -> None:
        self._by_folder = {manifest.folder: manifest for manifest in manifests}
        self._used: set[tuple[str, int]] = set()
        #: The manifests of each folder and its parents, nearest first, by folder.
        self._chains: dict[str, tuple[Manifest, ...]] = {}

    def _chain(self, folder: str) -> tuple[Manifest, ...]:
        """The manifests that may describe a file of ``folder``, nearest first: worked out once
        per folder (a workspace has 50 000 files in a few hundred folders)."""
        chain = self._chains.get(folder)
        if chain is None:
            folders = (folder, *_ancestors(folder)) if folder else ("",)
            found = (self._by_folder.get(f) for f in folders)
            chain = self._chains[folder] = tuple(m for m in found if m is not None)
        return chain

    def lookup(self, path: str) -> Source | None:
        """What the manifests declare for ``path`` (relative to the workspace), or ``None``."""
        for manifest in self._chain(path.rpartition("/")[0]):
            rule = manifest.match(path)
            if rule is not None:
                self._used.add((manifest.path, rule.index))
                return Source("manifest", rule.entry, manifest.path, rule.lines)
        return None

    def unused(self) -> list[Problem]:
        """A problem for each valid entry that described no file (a typo in its ``path``?)."""
        return [
            _problem(
                manifest.path,
                rule.line,
                f"l'entrée « {rule.entry.path} » ne décrit aucun fichier (aucun ne correspond, "
                "ou une entrée précédente ou un manifeste plus proche les décrit)",
                f"entry '{rule.entry.path}' describes no file (none matches, or an earlier entry "
                "or a nearer manifest describes them)",
            )
            for manifest in sorted(self._by_folder.values(), key=lambda m: m.path)
            for rule in manifest.rules
            if (manifest.path, rule.index) not in self._used
        ]
