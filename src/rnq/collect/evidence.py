"""Evidence (« preuves »): what collectors return, and the collection checks query.

* :class:`Evidence` — one piece of evidence: a file of the workspace or a record a plugin
  collector returned, mapped to a unit, indicators, maybe an offering, a kind and a date.
  Collectors return evidence, never verdicts.
* :class:`EvidenceSet` — an immutable collection of evidence with the queries checks need.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, PrivateAttr, ValidationInfo, model_validator
from pydantic.functional_validators import ModelWrapValidatorHandler

from rnq.text import Localized

__all__ = [
    "ContentLoader",
    "Evidence",
    "EvidenceSet",
    "MappedBy",
    "ReadStatus",
    "Rows",
    "shared_fields_set",
]

MappedBy = Literal["manifest", "front_matter", "path", "plugin", "attestation"]
ReadStatus = Literal["ok", "no_text", "error", "not_read"]
Rows = tuple[tuple[str, ...], ...]
#: Loads a document's ``(text, rows)`` on first access (from the extraction cache).
ContentLoader = Callable[[], tuple[str | None, Rows | None]]


class Evidence(BaseModel):
    """One piece of evidence, as mapped by a collector.

    ``path`` is the file's path relative to the workspace (POSIX), or for a record a plugin
    returned, an id such as ``crm:reclamations#12``. ``read`` tells whether its content could
    be read: only ``ok`` evidence can make a content check pass.

    ``text`` and ``rows`` are given to the constructor like fields; a run over a large
    workspace leaves them in the extraction cache and loads them on first access
    (:meth:`with_content`), so 50 000 documents are not all held in memory.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    path: str
    unit: str
    indicators: tuple[int, ...] = ()
    offering: str | None = None
    kind: str | None = None
    stakeholder: str | None = None
    date: dt.date | None = None
    valid_until: dt.date | None = None
    by: str | None = None
    note: str | None = None
    mapped_by: MappedBy = "path"
    collector: str = "filesystem"
    read: ReadStatus = "not_read"
    problem: Localized | None = None
    _text: str | None = PrivateAttr(default=None)
    _rows: Rows | None = PrivateAttr(default=None)
    _loader: ContentLoader | None = PrivateAttr(default=None)
    #: Identifies the file's content across runs (path, stat fingerprint, extractor version);
    #: with :attr:`facts`, lets content checks answer from the cache without the text.
    _content_key: str | None = PrivateAttr(default=None)
    _facts: dict[str, Any] | None = PrivateAttr(default=None)

    if TYPE_CHECKING:  # the constructor takes ``text`` and ``rows`` like fields

        def __init__(
            self,
            *,
            path: str,
            unit: str,
            indicators: tuple[int, ...] = (),
            offering: str | None = None,
            kind: str | None = None,
            stakeholder: str | None = None,
            date: dt.date | None = None,
            valid_until: dt.date | None = None,
            by: str | None = None,
            note: str | None = None,
            mapped_by: MappedBy = "path",
            collector: str = "filesystem",
            read: ReadStatus = "not_read",
            problem: Localized | None = None,
            text: str | None = None,
            rows: Rows | None = None,
        ) -> None: ...

    @model_validator(mode="wrap")
    @classmethod
    def _content(
        cls, data: Any, handler: ModelWrapValidatorHandler[Evidence], info: ValidationInfo
    ) -> Evidence:
        """Take ``text`` and ``rows`` out of the fields (they are kept privately)."""
        if not isinstance(data, dict) or not ({"text", "rows"} & data.keys()):
            return handler(data)
        data = dict(data)
        text, rows = data.pop("text", None), data.pop("rows", None)
        made = handler(data)
        made._text = _valid_text(text)
        made._rows = _valid_rows(rows)
        return made

    @classmethod
    def trusted(cls, **values: Any) -> Evidence:
        """Evidence from ``values`` that are already valid (the fields' names and types; no
        ``text`` nor ``rows``), built without validating them again: the filesystem collector
        maps 50 000 files a run from validated manifests and typed path facts. Anywhere else,
        use the constructor."""
        return cls.trusted_from(values)

    @classmethod
    def trusted_from(cls, values: dict[str, Any]) -> Evidence:
        """:meth:`trusted` for a dictionary of ``values`` (not kept: it is copied)."""
        defaults = _defaults(cls)
        made = cls.__new__(cls)
        fields_set = _given_fields_set(cls, values)  # the names are checked there, once
        # every field, in the fields' order: those of ``values`` are among the defaults' keys
        _set(made, "__dict__", {**defaults, **values})
        _set(made, "__pydantic_fields_set__", fields_set)
        _set(made, "__pydantic_extra__", None)
        _set(made, "__pydantic_private__", _content_attrs())
        return made

    @classmethod
    def trusted_whole(cls, values: dict[str, Any], fields_set: set[str]) -> Evidence:
        """:meth:`trusted_from` for ``values`` that hold every field, in the fields' order
        (kept, not copied), with ``fields_set`` a :func:`shared_fields_set`: the file memo
        rebuilds 50 000 records a run after an edit (:class:`rnq.collect.filesystem.FileMemo`).
        Nothing is checked: anywhere else, use the constructor."""
        made = cls.__new__(cls)
        _set(made, "__dict__", values)
        _set(made, "__pydantic_fields_set__", fields_set)
        _set(made, "__pydantic_extra__", None)
        _set(
            made,
            "__pydantic_private__",
            {"_text": None, "_rows": None, "_loader": None, "_content_key": None, "_facts": None},
        )
        return made

    # The properties below read the private attributes from ``__pydantic_private__`` directly:
    # ``self._x`` goes through ``BaseModel.__getattr__``, and checks ask them a million times.

    @property
    def text(self) -> str | None:
        """The document's text (None when nothing was read)."""
        private = self.__pydantic_private__ or {}
        loader = private.get("_loader")
        return loader()[0] if loader is not None else private.get("_text")

    @property
    def rows(self) -> Rows | None:
        """A table's rows, header first (CSV, XLSX, ODS, registers from plugins), or None."""
        private = self.__pydantic_private__ or {}
        loader = private.get("_loader")
        return loader()[1] if loader is not None else private.get("_rows")

    def with_content(
        self,
        text: str | None,
        rows: Rows | None,
        *,
        loader: ContentLoader | None = None,
        content_key: str | None = None,
        facts: dict[str, Any] | None = None,
        **update: Any,
    ) -> Evidence:
        """A copy with ``update`` applied and the given content: ``text`` and ``rows`` now, or
        ``loader`` to read them on each access (it keeps what it wants in memory). ``facts``
        are answers already known about the content (see ``rnq.checks.helpers``), keyed by
        question, shared with the cache."""
        cls = type(self)
        content = _content_attrs(text, rows, loader, content_key, facts)
        if not update.keys() <= (_DEFAULTS.get(cls) or _defaults(cls)).keys():
            copy = self.model_copy(update=update)
            _set(copy, "__pydantic_private__", content)
            return copy
        # What ``model_copy(update=...)`` does, without its generic steps: 50 000 pieces of
        # evidence are copied once per run.
        copy = cls.__new__(cls)
        _set(copy, "__dict__", {**self.__dict__, **update})
        _set(copy, "__pydantic_extra__", None)
        _set(copy, "__pydantic_fields_set__", _fields_set(self, update))
        _set(copy, "__pydantic_private__", content)
        return copy

    def recalled_content(
        self, loader: ContentLoader | None, content_key: str, facts: dict[str, Any]
    ) -> None:
        """Give this record, rebuilt from what an earlier run kept (already read: see
        :class:`rnq.collect.filesystem.FileMemo`) and seen by nothing else yet, its content in
        place: ``loader`` to read its text and rows (None: it has none), its ``content_key``
        and its ``facts`` (see :meth:`with_content`). After one edit, 50 000 records are
        rebuilt: a copy of each would cost as much again. Nowhere else: evidence is frozen."""
        private = self.__pydantic_private__
        if private is None or private.get("_content_key") is not None:
            raise ValueError("recalled_content: the record already has content")
        private["_loader"] = loader
        private["_content_key"] = content_key
        private["_facts"] = facts

    @property
    def content_key(self) -> str | None:
        """What identifies this evidence's file content across runs, or None (a record a
        plugin returned, a test's evidence)."""
        return (self.__pydantic_private__ or {}).get("_content_key")

    @property
    def facts(self) -> dict[str, Any] | None:
        """Answers about the content already computed (shared with the cache), or None."""
        return (self.__pydantic_private__ or {}).get("_facts")

    @property
    def usable(self) -> bool:
        """True when the content was read (or the record came with its content)."""
        return self.read == "ok"


def _content_attrs(
    text: str | None = None,
    rows: Rows | None = None,
    loader: ContentLoader | None = None,
    content_key: str | None = None,
    facts: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The private attributes of a piece of evidence: its content, or how to load it, and the
    answers known about it."""
    return {
        "_text": text,
        "_rows": rows,
        "_loader": loader,
        "_content_key": content_key,
        "_facts": facts,
    }


#: Fields sets of frozen models, one object per distinct set (see :func:`shared_fields_set`).
_FIELDS_SETS: dict[frozenset[str], set[str]] = {}
#: The same sets by ``id``: whether a model's fields set is one of them.
_SHARED: dict[int, set[str]] = {}
#: ``object.__setattr__``: frozen models are built by setting their slots directly.
_set = object.__setattr__


def shared_fields_set(names: Iterable[str]) -> set[str]:
    """One set object for every frozen model built with the fields ``names``.

    A set of 13 names takes 700 bytes, as much as the model's values: 50 000 pieces of evidence
    (and their rows in the report) share a handful. Pydantic never changes the fields set of a
    frozen model in place (``model_copy`` copies it first).
    """
    key = frozenset(names)
    shared = _FIELDS_SETS.get(key)
    if shared is None:
        shared = _FIELDS_SETS[key] = set(key)
        _SHARED[id(shared)] = shared
    return shared


#: The default of each field of an evidence class, in the fields' order (required fields:
#: ``PydanticUndefined``, what ``model_fields[name].default`` says).
_DEFAULTS: dict[type[Evidence], dict[str, Any]] = {}
#: :func:`shared_fields_set` of the names given to :meth:`Evidence.trusted`, by class and by
#: their order (names checked).
_GIVEN: dict[tuple[type[Evidence], tuple[str, ...]], set[str]] = {}


def _defaults(cls: type[Evidence]) -> dict[str, Any]:
    found = _DEFAULTS.get(cls)
    if found is None:
        found = _DEFAULTS[cls] = {name: f.default for name, f in cls.model_fields.items()}
    return found


def _given_fields_set(cls: type[Evidence], values: dict[str, Any]) -> set[str]:
    """:func:`shared_fields_set` of ``values``' keys, looked up by their order: the filesystem
    collector gives the same names in the same order for 50 000 files. Raises
    :class:`TypeError` for a name that is not a field of ``cls`` (checked once per order)."""
    order = (cls, tuple(values))
    found = _GIVEN.get(order)
    if found is None:
        defaults = _defaults(cls)
        if not values.keys() <= defaults.keys():
            raise TypeError(f"unknown evidence fields: {sorted(values.keys() - defaults.keys())}")
        found = _GIVEN[order] = shared_fields_set(order[1])
    return found


#: :func:`_fields_set`'s answers for the shared fields sets, by the set's ``id`` and the names
#: updated (a shared set lives as long as the process: its ``id`` is never reused).
_UNIONS: dict[tuple[int, tuple[str, ...]], set[str]] = {}


def _fields_set(evidence: Evidence, update: dict[str, Any]) -> set[str]:
    """The shared fields set of ``evidence`` once ``update`` is applied."""
    given = evidence.__pydantic_fields_set__
    if _SHARED.get(id(given)) is not given:
        return shared_fields_set(given | update.keys())
    key = (id(given), tuple(update))
    found = _UNIONS.get(key)
    if found is None:
        found = _UNIONS[key] = shared_fields_set(given | update.keys())
    return found


def _valid_text(value: object) -> str | None:
    if value is None or isinstance(value, str):
        return value
    raise ValueError(f"text: expected a string, got {type(value).__name__}")


def _valid_rows(value: object) -> Rows | None:
    if value is None:
        return None
    if isinstance(value, (list, tuple)) and all(
        isinstance(row, (list, tuple)) and all(isinstance(c, str) for c in row) for row in value
    ):
        return tuple(tuple(row) for row in value)
    raise ValueError("rows: expected rows of strings")


class EvidenceSet:
    """An immutable, ordered collection of evidence with the queries checks need.

    Every query returns a new :class:`EvidenceSet`, so they chain:
    ``evidence.for_indicator(26).of_kind("handicap").usable()``.
    """

    __slots__ = ("_by_indicator", "_by_offering", "_items")

    def __init__(self, items: Iterable[Evidence] = ()) -> None:
        self._items: tuple[Evidence, ...] = tuple(items)
        #: :meth:`for_indicator`'s answers, all computed in one pass on first use.
        self._by_indicator: dict[int, EvidenceSet] | None = None
        #: :meth:`for_offering`'s, likewise.
        self._by_offering: dict[str | None, EvidenceSet] | None = None

    def __iter__(self) -> Iterator[Evidence]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __bool__(self) -> bool:
        return bool(self._items)

    def __repr__(self) -> str:
        return f"EvidenceSet({len(self._items)} items)"

    def filter(self, keep: object) -> EvidenceSet:
        """The evidence for which ``keep(evidence)`` is true."""
        assert callable(keep)
        return EvidenceSet(filter(keep, self._items))

    def for_indicator(self, number: int) -> EvidenceSet:
        """Evidence mapped to indicator ``number`` (the set is immutable: every indicator's
        evidence is sorted out in one pass, on the first call)."""
        index = self._by_indicator
        if index is None:
            grouped: dict[int, list[Evidence]] = {}
            for item in self._items:
                for n in set(item.indicators):
                    grouped.setdefault(n, []).append(item)
            index = self._by_indicator = {n: EvidenceSet(g) for n, g in grouped.items()}
        found = index.get(number)
        return found if found is not None else EvidenceSet()

    def for_unit(self, unit: str, *, central: Iterable[str] = ()) -> EvidenceSet:
        """Evidence of ``unit``, plus that of the central units named in ``central``."""
        units = {unit, *central}
        return self.filter(lambda e: e.unit in units)

    def for_offering(self, offering: str) -> EvidenceSet:
        """Evidence that belongs to ``offering`` (every offering's evidence sorted out in one
        pass, on the first call: a check going through a unit's offerings reads the unit's
        evidence once, not once per offering)."""
        index = self._by_offering
        if index is None:
            grouped: dict[str | None, list[Evidence]] = {}
            for item in self._items:
                grouped.setdefault(item.offering, []).append(item)
            index = self._by_offering = {o: EvidenceSet(g) for o, g in grouped.items()}
        found = index.get(offering)
        return found if found is not None else EvidenceSet()

    def of_kind(self, *kinds: str) -> EvidenceSet:
        """Evidence of one of ``kinds``."""
        wanted = set(kinds)
        return self.filter(lambda e: e.kind in wanted)

    def usable(self) -> EvidenceSet:
        """Evidence whose content could be read."""
        return self.filter(lambda e: e.usable)

    def unusable(self) -> EvidenceSet:
        """Evidence that exists but could not be read (corrupted, encrypted, scanned…)."""
        return self.filter(lambda e: not e.usable and e.read != "not_read")

    def dated_since(self, day: dt.date) -> EvidenceSet:
        """Evidence dated on or after ``day`` (undated evidence is left out)."""
        return self.filter(lambda e: e.date is not None and e.date >= day)

    def paths(self) -> list[str]:
        """The paths, in order."""
        return [e.path for e in self._items]
