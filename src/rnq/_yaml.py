"""Strict YAML reading with line numbers.

PyYAML's ``safe_load`` silently accepts duplicate keys and forgets where each value came from.
Workspace files are written by people, so every error must name the file and the line: this
module composes the node tree with the safe loader, refuses duplicate keys and application tags
(``!!python/object`` and friends), and returns the data together with a map from each value's
location (the same tuple shape as pydantic's ``loc``) to its 1-based line.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from rnq.errors import ConfigError, ConfigProblem
from rnq.text import Localized

__all__ = [
    "MAX_CONFIG_BYTES",
    "MAX_VALUES",
    "LineMap",
    "YamlError",
    "config_error_from_validation",
    "decode_config",
    "load_yaml",
    "read_config_bytes",
    "read_config_yaml",
    "syntax_message",
]

Loc = tuple[str | int, ...]
LineMap = dict[Loc, int]

_STANDARD_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq", "binary")
)


#: The largest ``rnq.yaml``, waivers file or manifest read (a real one is a few KiB): a larger
#: file is refused, never read into memory.
MAX_CONFIG_BYTES = 1 << 20
#: The most values a file people write may hold once aliases are expanded (a real manifest of
#: thousands of entries holds tens of thousands): past it, an alias "billion laughs" or a huge
#: file is refused at once, whatever its size.
MAX_VALUES = 200_000
#: How deep brackets and indentation may nest (a real file nests fewer than 10 levels); deeper
#: would exhaust Python's recursion.
MAX_DEPTH = 100


class YamlError(Exception):
    """The text is not valid YAML for rnq (syntax, duplicate key, forbidden tag)."""

    def __init__(self, line: int | None, message: Localized, fix: Localized | None = None) -> None:
        super().__init__(message.fr)
        self.line = line
        self.localized = message
        self.fix = fix


class _Builder(yaml.SafeLoader):
    """A safe loader used only to resolve and construct plain scalars."""


_CLoader: type[yaml.SafeLoader] | None = getattr(yaml, "CSafeLoader", None)


class _FastBuilder(_CLoader or yaml.SafeLoader):  # type: ignore[misc]
    """The same with libyaml's C parser (see :func:`load_yaml`)."""


def load_yaml(
    text: str, *, packaged: bool = False, duplicates: list[YamlError] | None = None
) -> tuple[Any, LineMap]:
    """Parse ``text`` (one YAML document) into plain Python data and a line map.

    ``packaged`` is for rnq's own data files (referential, verifications, kinds). Raises
    :class:`YamlError` on a syntax error, a duplicate key, a non-scalar key or any tag that
    would build an object. With ``duplicates``, a duplicate key is appended there instead (its
    first value kept) and the parse goes on.

    Every file is parsed with libyaml when it is available: three times faster to compose (the
    ``rnq.yaml`` of 500 offerings loads in 0.10 s instead of 0.19), with the same values and
    lines. Its error marks can differ from the Python parser's by a line, so a file libyaml
    refuses is parsed again by the Python parser, whose error is the one reported
    (``tests/test_config_errors.py``).
    """
    if _CLoader is not None:
        found: list[YamlError] = []
        try:
            parsed = _load_yaml(
                text, _FastBuilder, packaged, found if duplicates is not None else None
            )
        except (YamlError, yaml.YAMLError, RecursionError):
            if packaged:
                raise
        else:
            if duplicates is not None:
                duplicates.extend(found)
            return parsed
    return _load_yaml(text, _Builder, packaged, duplicates)


def _load_yaml(
    text: str,
    builder: type[yaml.SafeLoader],
    packaged: bool,
    duplicates: list[YamlError] | None,
) -> tuple[Any, LineMap]:
    """:func:`load_yaml` with the parser of ``builder``."""
    try:
        loader = builder(text)
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
        problem = exc.problem or ""
        opened = exc.context_mark is not None and (
            "end of stream" in problem or "<stream end>" in problem or "flow" in (exc.context or "")
        )
        if opened:
            mark = exc.context_mark  # an unclosed quote or bracket: where it opens
        line = mark.line + 1 if mark is not None else None
        same_line = (
            exc.problem_mark is not None
            and exc.context_mark is not None
            and exc.problem_mark.line == exc.context_mark.line
        )
        if problem.endswith("but got ':'") and same_line:  # « {title: Anglais : B2} »
            problem = "mapping values are not allowed here"
        message, fix = syntax_message(problem or str(exc), exc.context)
        unbalanced = _unbalanced_quote(text, line)
        if unbalanced is not None:
            line = unbalanced
            message, fix = syntax_message("found unexpected end of stream")
        raise YamlError(line, message, fix) from None
    except yaml.YAMLError as exc:
        raise YamlError(
            None, Localized(fr=f"YAML invalide : {exc}", en=f"invalid YAML: {exc}")
        ) from None
    except RecursionError:
        raise _too_deep(text) from None
    finally:
        loader.dispose()
    lines: LineMap = {}
    if node is None:
        return None, lines
    # Without aliases a document has fewer values than characters; aliases of aliases can
    # expand exponentially (a YAML "billion laughs"): refuse past that budget, which does not
    # grow past MAX_VALUES with the file's size for files people write.
    budget = [2 * len(text) + 100 if packaged else min(2 * len(text) + 100, MAX_VALUES)]
    try:
        return _convert(node, (), lines, loader, (budget, duplicates, 0)), lines
    except RecursionError:
        raise _too_deep(text) from None
    except yaml.YAMLError as exc:  # a value PyYAML cannot build (« !!binary » not in base64)
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        raise YamlError(
            mark.line + 1 if mark is not None else None,
            Localized(fr=f"YAML invalide : {problem}", en=f"invalid YAML: {problem}"),
        ) from None


def _too_deep(text: str) -> YamlError:
    """The error for a document nested deeper than Python can follow, at the line where the
    nesting passes :data:`MAX_DEPTH` brackets (when it is made of brackets)."""
    depth = 0
    line: int | None = None
    for number, content in enumerate(text.splitlines(), start=1):
        for char in content:
            if char in "[{":
                depth += 1
            elif char in "]}":
                depth -= 1
            if depth > MAX_DEPTH:
                line = number
                break
        if line is not None:
            break
    return _depth_error(line)


def _depth_error(line: int | None) -> YamlError:
    return YamlError(
        line,
        Localized(
            fr=f"YAML imbriqué trop profondément (plus de {MAX_DEPTH} niveaux) : refusé",
            en=f"YAML nested too deeply (over {MAX_DEPTH} levels): refused",
        ),
        Localized(
            fr="vérifiez les crochets « [ » et accolades « { » : chacun doit être fermé",
            en="check the brackets '[' and braces '{': each must be closed",
        ),
    )


def read_config_bytes(
    path: Path,
    *,
    shown: str,
    root: Path | None = None,
    missing: Localized | None = None,
    missing_hint: Localized | None = None,
) -> bytes:
    """The bytes of a configuration file, read safely: a link leading out of ``root`` (when
    given) is not followed, a pipe, device or folder is not opened for reading (a FIFO would
    block, ``/dev/zero`` would fill the memory), and a file over :data:`MAX_CONFIG_BYTES` is
    refused. Every failure is a :class:`~rnq.errors.ConfigError` naming ``shown``."""

    def refuse(fr: str, en: str, fix_fr: str | None = None, fix_en: str = "") -> ConfigError:
        hint = Localized(fr=fix_fr, en=fix_en) if fix_fr else None
        return ConfigError(Localized(fr=fr, en=en), path=shown, hint=hint)

    if root is not None and os.path.islink(path):
        target = os.path.realpath(path)
        base = os.path.realpath(root)
        if target != base and not target.startswith(base.rstrip(os.sep) + os.sep):
            raise refuse(
                "lien symbolique vers l'extérieur de l'espace de travail : non suivi",
                "symbolic link to outside the workspace: not followed",
                "copiez le fichier dans l'espace de preuves au lieu d'un lien",
                "copy the file into the evidence workspace instead of a link",
            )
    try:
        handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise ConfigError(
            missing or Localized(fr="fichier introuvable", en="file not found"),
            path=shown,
            hint=missing_hint,
        ) from None
    except OSError as exc:
        raise refuse(
            f"lecture impossible : {exc.strerror or exc}", f"cannot read: {exc.strerror or exc}"
        ) from None
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode):
            raise refuse(
                "pas un fichier ordinaire (dossier, tube ou périphérique) : non lu",
                "not a regular file (folder, pipe or device): not read",
            )
        if info.st_size > MAX_CONFIG_BYTES:
            raise refuse(
                f"fichier trop volumineux ({info.st_size >> 10} Kio, limite "
                f"{MAX_CONFIG_BYTES >> 10} Kio) : non lu",
                f"file too large ({info.st_size >> 10} KiB, limit "
                f"{MAX_CONFIG_BYTES >> 10} KiB): not read",
                "un fichier de configuration tient en quelques Kio : retirez ce qui n'en est pas",
                "a configuration file takes a few KiB: remove what is not configuration",
            )
        chunks: list[bytes] = []
        size = 0
        while size <= MAX_CONFIG_BYTES:  # the file may grow while it is read
            chunk = os.read(handle, MAX_CONFIG_BYTES + 1 - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise refuse(
            f"lecture impossible : {exc.strerror or exc}", f"cannot read: {exc.strerror or exc}"
        ) from None
    finally:
        os.close(handle)
    if size > MAX_CONFIG_BYTES:
        raise refuse(
            f"fichier trop volumineux (limite {MAX_CONFIG_BYTES >> 10} Kio) : non lu",
            f"file too large (limit {MAX_CONFIG_BYTES >> 10} KiB): not read",
        )
    return b"".join(chunks)


def read_config_yaml(
    path: Path,
    *,
    shown: str,
    root: Path | None = None,
    missing: Localized | None = None,
    missing_hint: Localized | None = None,
    problems: list[ConfigProblem] | None = None,
) -> tuple[Any, LineMap]:
    """Read and parse a configuration file (``rnq.yaml``, the waivers file), through
    :func:`read_config_bytes` (``root``: the workspace, which a link may not leave).

    Every failure — missing, unreadable, not a regular file, too large, a link out of
    ``root``, not UTF-8, invalid YAML — is a :class:`~rnq.errors.ConfigError` naming ``shown``
    (and the line when there is one). Duplicate keys are all listed: in ``problems`` when given
    (the parse goes on), else in the error.
    """
    data = read_config_bytes(
        path, shown=shown, root=root, missing=missing, missing_hint=missing_hint
    )
    text = decode_config(data, shown)
    duplicates: list[YamlError] = []
    try:
        result = load_yaml(text, duplicates=duplicates)
    except YamlError as exc:
        raise ConfigError(exc.localized, path=shown, line=exc.line, hint=exc.fix) from None
    found = [
        ConfigProblem(path=shown, line=d.line, message=d.localized, fix=d.fix) for d in duplicates
    ]
    if found and problems is None:
        raise ConfigError.of(found)
    if problems is not None:
        problems.extend(found)
    return result


def decode_config(data: bytes, shown: str) -> str:
    """The text of a configuration file: UTF-8 (a byte order mark is tolerated). Any other
    encoding is a :class:`~rnq.errors.ConfigError` naming the line of the first character that
    is not UTF-8 (and the character, read as Windows-1252: what Excel and the Notepad of old
    Windows versions save), with the fix."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        start = exc.start
    line = data[:start].count(b"\n") + 1
    byte = data[start]
    try:
        seen = data[start : start + 1].decode("cp1252")
    except UnicodeDecodeError:
        seen = ""
    if seen.isprintable() and seen:
        what_fr = f"« {seen} » (octet 0x{byte:02X})"
        what_en = f"'{seen}' (byte 0x{byte:02X})"
    else:
        what_fr = what_en = f"0x{byte:02X}"
    raise ConfigError(
        Localized(
            fr=f"le fichier n'est pas enregistré en UTF-8 : caractère {what_fr} écrit dans un "
            "autre encodage (Windows-1252 ?)",
            en=f"the file is not saved as UTF-8: character {what_en} written in another "
            "encoding (Windows-1252?)",
        ),
        path=shown,
        line=line,
        hint=Localized(
            fr="enregistrez le fichier en UTF-8 (Bloc-notes : « Enregistrer sous », "
            "Encodage : UTF-8)",
            en="save the file as UTF-8 (Notepad: 'Save as', Encoding: UTF-8)",
        ),
    )


#: PyYAML's syntax errors as a quality officer reads them: (start of PyYAML's message,
#: French message, English message, French fix, English fix).
_SYNTAX: tuple[tuple[str, str, str, str, str], ...] = (
    (
        "mapping values are not allowed",
        "deux-points « : » inattendu",
        "unexpected colon ':'",
        "si le texte contient « : », mettez le texte entre guillemets, par exemple "
        'title: "Anglais : niveau B2" ; sinon vérifiez l\'indentation de cette ligne et de la '
        "précédente",
        "if the text holds ': ', put the text in quotes, e.g. title: \"English: level B2\"; "
        "otherwise check the indentation of this line and the one before",
    ),
    (
        "found character '\\t'",
        "tabulation dans l'indentation",
        "tab character in the indentation",
        "indentez avec des espaces, jamais avec la touche Tab",
        "indent with spaces, never with the Tab key",
    ),
    (
        "found unexpected end of stream",
        "guillemet ouvert et jamais fermé",
        "quote opened and never closed",
        "fermez les guillemets à la fin du texte, ou doublez l'apostrophe dans un texte entre "
        "apostrophes ('l''organisme')",
        "close the quotes at the end of the text, or double the apostrophe inside single quotes "
        "('it''s')",
    ),
    (
        "expected ',' or ']'",
        "liste entre crochets non fermée",
        "list in brackets not closed",
        "fermez le crochet « ] » et séparez les éléments par des virgules",
        "close the bracket ']' and separate the items with commas",
    ),
    (
        "expected ',' or '}'",
        "table entre accolades non fermée",
        "mapping in braces not closed",
        "fermez l'accolade « } » et séparez les clés par des virgules",
        "close the brace '}' and separate the keys with commas",
    ),
    (
        "could not find expected ':'",
        "deux-points « : » attendu après la clé",
        "colon ':' expected after the key",
        "écrivez « clé: valeur », avec un espace après les deux-points",
        "write 'key: value', with a space after the colon",
    ),
    (
        "expected <block end>",
        "indentation incohérente ou texte inattendu",
        "inconsistent indentation or unexpected text",
        "alignez les clés d'un même niveau sur la même colonne (avec des espaces) ; un texte "
        "contenant des apostrophes ou des crochets se met entre guillemets",
        "align the keys of one level on the same column (with spaces); a text holding "
        "apostrophes or brackets goes in double quotes",
    ),
    (
        "did not find expected key",
        "indentation incohérente",
        "inconsistent indentation",
        "alignez les clés d'un même niveau sur la même colonne (avec des espaces)",
        "align the keys of one level on the same column (with spaces)",
    ),
    (
        "did not find expected '-' indicator",
        "élément de liste attendu (« - »)",
        "list item expected ('-')",
        "commencez chaque élément de la liste par « - » aligné sur les autres",
        "start each item of the list with '-' aligned with the others",
    ),
    (
        "found undefined alias",
        "alias (« * ») sans ancre",
        "alias ('*') without an anchor",
        "un texte commençant par « * » se met entre guillemets",
        "a text starting with '*' goes in quotes",
    ),
    (
        "found character",
        "caractère qui ne peut pas commencer une valeur",
        "character that cannot start a value",
        "mettez le texte entre guillemets",
        "put the text in quotes",
    ),
)


def syntax_message(problem: str, context: str | None = None) -> tuple[Localized, Localized]:
    """PyYAML's ``problem`` (and ``context``) as a French and English message and fix."""
    for start, fr, en, fix_fr, fix_en in _SYNTAX:
        if problem.startswith(start):
            if start == "found character" and "'" in problem:
                char = problem.split("'")[1]
                fr = f"le caractère « {char} » ne peut pas commencer une valeur"
                en = f"the character '{char}' cannot start a value"
            return (
                Localized(fr=f"YAML invalide : {fr}", en=f"invalid YAML: {en}"),
                Localized(fr=fix_fr, en=fix_en),
            )
    detail = problem if context is None else f"{context}: {problem}"
    return (
        Localized(fr=f"YAML invalide : {detail}", en=f"invalid YAML: {detail}"),
        Localized(
            fr="vérifiez la syntaxe de cette ligne et de la précédente (indentation, "
            "guillemets, deux-points)",
            en="check the syntax of this line and the one before (indentation, quotes, colons)",
        ),
    )


def _convert(
    node: yaml.Node,
    loc: Loc,
    lines: LineMap,
    loader: yaml.SafeLoader,
    state: tuple[list[int], list[YamlError] | None, int],
) -> Any:
    budget, duplicates, depth = state
    if depth > MAX_DEPTH:
        raise _depth_error(node.start_mark.line + 1)
    inner = (budget, duplicates, depth + 1)
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
                first = lines.get((*loc, _loc_key(key)))
                duplicate = YamlError(
                    key_node.start_mark.line + 1,
                    Localized(
                        fr=f"clé en double : {key} (déjà à la ligne {first})",
                        en=f"duplicate key: {key} (already on line {first})",
                    ),
                    Localized(
                        fr=f"gardez une seule clé « {key} » : réunissez leurs valeurs",
                        en=f"keep one key '{key}': merge their values",
                    ),
                )
                if duplicates is None:
                    raise duplicate
                duplicates.append(duplicate)
                continue
            result[key] = _convert(value_node, (*loc, _loc_key(key)), lines, loader, inner)
            # the line a person reads the key on (a block mapping or list starts below it)
            lines[(*loc, _loc_key(key))] = key_node.start_mark.line + 1
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _convert(item, (*loc, i), lines, loader, inner) for i, item in enumerate(node.value)
        ]
    try:
        return loader.construct_object(node)
    except ValueError as exc:  # e.g. an impossible date such as 2026-02-30
        if node.tag == "tag:yaml.org,2002:timestamp" and not isinstance(loader, _FastBuilder):
            return node.value  # kept as text: validation names the key and the fix
        raise YamlError(
            node.start_mark.line + 1,
            Localized(fr=f"valeur invalide : {exc}", en=f"invalid value: {exc}"),
        ) from None


def _unbalanced_quote(text: str, until: int | None) -> int | None:
    """The first line up to ``until`` with an odd number of double quotes (a comment aside): a
    quote left open there swallows the lines after it, and PyYAML stops further down."""
    if until is None:
        return None
    for number, line in enumerate(text.splitlines()[:until], start=1):
        content = line.replace('\\"', "")
        if content.lstrip().startswith("#"):
            continue
        if "'" not in content and content.count('"') % 2 == 1:
            return number
    return None


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
