"""What people declare about their evidence files: sidecar manifests and Markdown front matter.

* A **manifest** ``rnq-evidence.yaml`` is a YAML list of entries; each entry's ``path`` is a glob
  relative to the manifest's folder (``*`` and ``?`` stay within a folder, ``**`` spans folders,
  a trailing ``/`` means everything under that folder) and the other keys describe the files it
  matches. The first matching entry of the nearest manifest wins (:class:`Manifests`).
* **Front matter** is a YAML block between ``---`` and ``---`` (or ``...``) at the top of a
  Markdown file, with the same keys as a manifest entry but ``path``.

Both are strict: an unknown key, a wrong type, a kind or stakeholder outside the vocabulary, or a
glob that would leave the workspace is a :class:`~rnq.errors.Problem` naming the file and the
line; that entry (or that front matter) is skipped and the run goes on. Pure functions: the
caller reads the files.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
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

from rnq._yaml import LineMap, YamlError, config_error_from_validation, line_of, load_yaml
from rnq.errors import Problem
from rnq.referential.loader import HIGHEST_INDICATOR
from rnq.text import Localized
from rnq.workspace.kinds import kind_ids, stakeholder_ids
from rnq.workspace.walk import compile_ignore

__all__ = [
    "MANIFEST_NAME",
    "Declared",
    "FrontMatter",
    "Manifest",
    "ManifestEntry",
    "ManifestRule",
    "Manifests",
    "Source",
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
    raise ValueError(f"expected a date YYYY-MM-DD, got {value!r}")


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


def _load(text: str) -> tuple[Any, LineMap]:
    """:func:`rnq._yaml.load_yaml`, also turning a scalar PyYAML cannot build (an impossible
    date such as ``2026-02-30``) into a :class:`YamlError` instead of a crash."""
    try:
        return load_yaml(text)
    except ValueError as exc:
        raise YamlError(
            None, Localized(fr=f"YAML invalide : {exc}", en=f"invalid YAML: {exc}")
        ) from None


# --- Validation ------------------------------------------------------------------------------


def _problem(path: str, line: int | None, fr: str, en: str) -> Problem:
    return Problem(path=path, line=line, message=Localized(fr=fr, en=en))


def _vocabulary_problems(fields: Declared, path: str, lines: LineMap) -> list[Problem]:
    problems = []
    for key, allowed, fr_what, en_what in (
        ("kind", kind_ids(), "type", "kind"),
        ("stakeholder", stakeholder_ids(), "partie prenante", "stakeholder"),
    ):
        value = getattr(fields, key)
        if value is None or value in allowed:
            continue
        close = difflib.get_close_matches(value, allowed, n=1)
        hint_fr = (
            f"vouliez-vous dire « {close[0]} » ?" if close else "valeurs : " + ", ".join(allowed)
        )
        hint_en = f"did you mean '{close[0]}'?" if close else "known: " + ", ".join(allowed)
        problems.append(
            _problem(
                path,
                line_of(lines, (key,)),
                f"{fr_what} inconnu « {value} » ({hint_fr})",
                f"unknown {en_what} '{value}' ({hint_en})",
            )
        )
    return problems


def _validate(
    model: type[Model], data: Any, path: str, lines: LineMap
) -> tuple[Model | None, list[Problem]]:
    """Validate ``data`` into ``model``; problems name ``path`` and the line of the bad key."""
    try:
        value = model.model_validate(data)
    except ValidationError as exc:
        error = config_error_from_validation(
            exc, path=path, lines=lines, known_keys={(): sorted(model.model_fields)}
        )
        hint = error.hint
        return None, [
            _problem(
                path,
                error.line,
                error.localized.fr + (f" ({hint.fr})" if hint else ""),
                error.localized.en + (f" ({hint.en})" if hint else ""),
            )
        ]
    assert isinstance(value, Declared)
    problems = _vocabulary_problems(value, path, lines)
    return (None if problems else value), problems


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
        return None, [_problem(path, line, exc.localized.fr, exc.localized.en)]
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
        return None, problems
    return Source("front_matter", fields, path, shifted), problems


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
    that is not valid YAML or not a list yields no rules.
    """
    folder = path.rpartition("/")[0]
    empty = Manifest(path=path, folder=folder, rules=())
    try:
        data, lines = _load(text.removeprefix("\ufeff"))
    except YamlError as exc:
        return empty, [_problem(path, exc.line, exc.localized.fr, exc.localized.en)]
    if data is None:
        return empty, []
    if not isinstance(data, list):
        return empty, [
            _problem(
                path,
                1,
                "le manifeste doit être une liste d'entrées (« - path: … »)",
                "the manifest must be a list of entries ('- path: …')",
            )
        ]
    rules: list[ManifestRule] = []
    problems: list[Problem] = []
    for index, item in enumerate(data):
        entry_lines = _entry_lines(lines, index)
        line = entry_lines.get(())
        if not isinstance(item, dict):
            problems.append(
                _problem(
                    path,
                    line,
                    "entrée ignorée : une table de clés est attendue",
                    "entry skipped: a mapping of keys is expected",
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
                _problem(
                    path,
                    line_of(entry_lines, ("path",)),
                    f"motif « {entry.path} » hors de l'espace de preuves : entrée ignorée",
                    f"pattern '{entry.path}' leaves the workspace: entry skipped",
                )
            )
            continue
        rules.append(ManifestRule(index, entry, _compile_glob(glob), line, entry_lines))
    return Manifest(path=path, folder=folder, rules=tuple(rules)), problems


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

    def lookup(self, path: str) -> Source | None:
        """What the manifests declare for ``path`` (relative to the workspace), or ``None``."""
        for folder in _ancestors(path):
            manifest = self._by_folder.get(folder)
            rule = manifest.match(path) if manifest is not None else None
            if manifest is not None and rule is not None:
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
