"""Marks: what binds a check to what it verifies, and how it is parametrized.

``@rnq.mark.verifies("slug")`` binds a check to a named verification that the referential data
maps to indicators, per version (``rnq/referential/verifications.yaml``): a new text of the
referential changes the data, not the checks. ``@rnq.mark.indicator(26)`` binds a check to
indicators directly. ``@rnq.mark.each_indicator`` runs a check once per applicable indicator (the
built-in presence check). ``@rnq.mark.parametrize(names, values)`` works as in pytest, and
``@rnq.mark.skip(reason)`` marks a check not applicable. Unknown marks are errors.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar, overload

from rnq.text import Localized

__all__ = ["MARKS", "Mark", "MarkGenerator", "UnknownMarkError", "get_marks", "mark"]

F = TypeVar("F", bound=Callable[..., Any])

#: The known marks and what they mean.
MARKS: dict[str, str] = {
    "verifies": "bind the check to named verifications of the referential data",
    "indicator": "bind the check to indicator numbers",
    "each_indicator": "run the check once per applicable indicator",
    "parametrize": "run the check once per value, as pytest's parametrize",
    "skip": "the check is not applicable, with a reason",
}


class UnknownMarkError(AttributeError):
    """``rnq.mark.NAME`` with a name no mark has (raised while a check file is imported); says
    which known mark is closest."""

    def __init__(self, name: str) -> None:
        self.name = name
        close = difflib.get_close_matches(name, list(MARKS), n=1)
        self.suggestion = close[0] if close else None
        hint = f" (did you mean {self.suggestion!r}?)" if self.suggestion else ""
        super().__init__(f"unknown mark {name!r}{hint}; known marks: {sorted(MARKS)}")

    def localized(self) -> Localized:
        """The error in French and English, with the fix."""
        known = ", ".join(sorted(MARKS))
        if self.suggestion is not None:
            return Localized(
                fr=f"marque inconnue @rnq.mark.{self.name} — vouliez-vous dire "
                f"@rnq.mark.{self.suggestion} ? (marques connues : {known})",
                en=f"unknown mark @rnq.mark.{self.name} — did you mean "
                f"@rnq.mark.{self.suggestion}? (known marks: {known})",
            )
        return Localized(
            fr=f"marque inconnue @rnq.mark.{self.name} (marques connues : {known})",
            en=f"unknown mark @rnq.mark.{self.name} (known marks: {known})",
        )


@dataclass(frozen=True)
class Mark:
    """A mark applied to a check: its name, arguments and keyword arguments."""

    name: str
    args: tuple[Any, ...] = ()
    kwargs: dict[str, Any] = field(default_factory=dict)


def get_marks(func: Callable[..., Any]) -> list[Mark]:
    """The marks of ``func``, in the order they were applied (outermost last)."""
    return list(getattr(func, "__rnq_marks__", ()))


class MarkDecorator:
    """Applies one :class:`Mark` to a function; call it with arguments to set them."""

    def __init__(self, mark: Mark) -> None:
        self.mark = mark

    @overload
    def __call__(self, func: F, /) -> F: ...

    @overload
    def __call__(self, *args: Any, **kwargs: Any) -> MarkDecorator: ...

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if len(args) == 1 and callable(args[0]) and not kwargs:
            func = args[0]
            marks = [*get_marks(func), self.mark]
            func.__rnq_marks__ = marks
            return func
        return MarkDecorator(Mark(self.mark.name, args, kwargs))


class MarkGenerator:
    """``rnq.mark.NAME``: a decorator for one of the known marks."""

    def __getattr__(self, name: str) -> MarkDecorator:
        if name.startswith("_"):
            raise AttributeError(name)
        if name not in MARKS:
            raise UnknownMarkError(name)
        return MarkDecorator(Mark(name))

    def parametrize(
        self,
        argnames: str | Sequence[str],
        values: Iterable[Any],
        *,
        ids: Sequence[str] | None = None,
    ) -> MarkDecorator:
        """Run the check once per value; ``argnames`` is ``"x"`` or ``"x,y"`` or a sequence."""
        names = (
            [n.strip() for n in argnames.split(",")]
            if isinstance(argnames, str)
            else list(argnames)
        )
        return MarkDecorator(Mark("parametrize", (tuple(names), tuple(values)), {"ids": ids}))


#: ``rnq.mark``: the mark generator for check authors.
mark = MarkGenerator()
