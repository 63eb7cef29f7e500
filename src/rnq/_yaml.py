"""Strict YAML reading with line numbers.

PyYAML's ``safe_load`` silently accepts duplicate keys and forgets where each value came from.
Workspace files are written by people, so every error must name the file and the line: this
module composes the node tree with the safe loader, refuses duplicate keys and application tags
(``!!python/object`` and friends), and returns the data together with a map from each value's
location (the same tuple shape as pydantic's ``loc``) to its 1-based line.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from rnq.errors import ConfigError
from rnq.text import Localized

__all__ = [
    "LineMap",
    "YamlError",
    "config_error_from_validation",
    "load_yaml",
    "read_config_yaml",
]

Loc = tuple[str | int, ...]
LineMap = dict[Loc, int]

_STANDARD_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq", "binary")
)


class YamlError(Exception):
    """The text is not valid YAML for rnq (syntax, duplicate key, forbidden tag)."""

    def __init__(self, line: int | None, message: Localized) -> None:
        super().__init__(message.fr)
        self.line = line
        self.localized = message


class _Builder(yaml.SafeLoader):
    """A safe loader used only to resolve and construct plain scalars."""


_CLoader: type[yaml.SafeLoader] | None = getattr(yaml, "CSafeLoader", None)


class _FastBuilder(_CLoader or yaml.SafeLoader):  # type: ignore[misc]
    """The same with libyaml's C parser, for rnq's own packaged data: three times faster to
    compose, but its error marks can differ from the Python parser's by a line, so files people
    write keep the Python parser."""


def load_yaml(text: str, *, packaged: bool = False) -> tuple[Any, LineMap]:
    """Parse ``text`` (one YAML document) into plain Python data and a line map.

    ``packaged`` is for rnq's own data files (referential, verifications, kinds): they are parsed
    with libyaml when available. Raises :class:`YamlError` on a syntax error, a duplicate key, a
    non-scalar key or any tag that would build an object.
    """
    try:
        loader = (_FastBuilder if packaged else _Builder)(text)
    except yaml.reader.ReaderError as exc:  # a control character: refused before parsing
        at = text[: exc.position].count("\n") + 1
        detail = f"caractère de contrôle interdit (U+{exc.character:04X})"
        raise YamlError(
            at,
            Localized(
                fr=f"YAML invalide : {detail}",
                en=f"invalid YAML: control character not allowed (U+{exc.character:04X})",
            ),
        ) from None
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        detail = exc.problem or str(exc)
        raise YamlError(
            line, Localized(fr=f"YAML invalide : {detail}", en=f"invalid YAML: {detail}")
        ) from None
    except yaml.YAMLError as exc:
        raise YamlError(
            None, Localized(fr=f"YAML invalide : {exc}", en=f"invalid YAML: {exc}")
        ) from None
    finally:
        loader.dispose()
    lines: LineMap = {}
    if node is None:
        return None, lines
    # Without aliases a document has fewer values than characters; aliases of aliases can
    # expand exponentially (a YAML "billion laughs"): refuse past that budget.
    budget = [2 * len(text) + 100]
    return _convert(node, (), lines, loader, budget), lines


def read_config_yaml(
    path: Path,
    *,
    shown: str,
    missing: Localized | None = None,
    missing_hint: Localized | None = None,
) -> tuple[Any, LineMap]:
    """Read and parse a configuration file (``rnq.yaml``, the waivers file).

    Every failure — missing, unreadable, not UTF-8, invalid YAML — is a
    :class:`~rnq.errors.ConfigError` naming ``shown`` (and the line when there is one).
    """
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(
            missing or Localized(fr="fichier introuvable", en="file not found"),
            path=shown,
            hint=missing_hint,
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(
            Localized(fr=f"lecture impossible : {exc}", en=f"cannot read: {exc}"), path=shown
        ) from None
    try:
        return load_yaml(text)
    except YamlError as exc:
        raise ConfigError(exc.localized, path=shown, line=exc.line) from None


def _convert(
    node: yaml.Node, loc: Loc, lines: LineMap, loader: yaml.SafeLoader, budget: list[int]
) -> Any:
    lines[loc] = node.start_mark.line + 1
    budget[0] -= 1
    if budget[0] < 0:
        raise YamlError(
            node.start_mark.line + 1,
            Localized(
                fr="trop de valeurs après expansion des alias (&ancre / *alias) : refusé",
                en="too many values once aliases (&anchor / *alias) are expanded: refused",
            ),
        )
    if node.tag not in _STANDARD_TAGS:
        raise YamlError(
            node.start_mark.line + 1,
            Localized(
                fr=f"étiquette YAML non autorisée : {node.tag}",
                en=f"YAML tag not allowed: {node.tag}",
            ),
        )
    if isinstance(node, yaml.MappingNode):
        loader.flatten_mapping(node)
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in _STANDARD_TAGS:
                raise YamlError(
                    key_node.start_mark.line + 1,
                    Localized(fr="clé YAML non valide", en="invalid YAML key"),
                )
            key = loader.construct_object(key_node)
            if key in result:
                raise YamlError(
                    key_node.start_mark.line + 1,
                    Localized(fr=f"clé en double : {key}", en=f"duplicate key: {key}"),
                )
            result[key] = _convert(value_node, (*loc, _loc_key(key)), lines, loader, budget)
            lines.setdefault((*loc, _loc_key(key)), key_node.start_mark.line + 1)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _convert(item, (*loc, i), lines, loader, budget) for i, item in enumerate(node.value)
        ]
    try:
        return loader.construct_object(node)
    except ValueError as exc:  # e.g. an impossible date such as 2026-02-30
        raise YamlError(
            node.start_mark.line + 1,
            Localized(fr=f"valeur invalide : {exc}", en=f"invalid value: {exc}"),
        ) from None


def _loc_key(key: Any) -> str | int:
    return key if isinstance(key, int) and not isinstance(key, bool) else str(key)


def line_of(lines: LineMap, loc: Loc) -> int | None:
    """The line of the longest known prefix of ``loc``."""
    for end in range(len(loc), -1, -1):
        prefix = tuple(_loc_key(part) for part in loc[:end])
        if prefix in lines:
            return lines[prefix]
    return None


def config_error_from_validation(
    exc: ValidationError, *, path: str, lines: LineMap, known_keys: Mapping[Loc, list[str]] | None
) -> ConfigError:
    """Turn the first pydantic error into a :class:`ConfigError` naming file, line and key."""
    import difflib

    error = exc.errors(include_url=False)[0]
    loc: Loc = tuple(part for part in error["loc"] if not isinstance(part, str) or "[" not in part)
    key = ".".join(str(part) for part in loc) or None
    line = line_of(lines, loc)
    hint: Localized | None = None
    if error["type"] == "extra_forbidden":
        parent = loc[:-1]
        candidates = (known_keys or {}).get(parent, [])
        close = difflib.get_close_matches(str(loc[-1]), candidates, n=1)
        if close:
            hint = Localized(
                fr=f"vouliez-vous dire « {close[0]} » ?", en=f"did you mean '{close[0]}'?"
            )
        elif candidates:
            listed = ", ".join(candidates)
            hint = Localized(fr=f"clés possibles : {listed}", en=f"known keys: {listed}")
        message = Localized(fr=f"clé inconnue « {key} »", en=f"unknown key '{key}'")
    else:
        detail = error["msg"]
        message = Localized(fr=f"« {key} » : {detail}", en=f"'{key}': {detail}")
    return ConfigError(message, path=path, line=line, key=key, hint=hint)
