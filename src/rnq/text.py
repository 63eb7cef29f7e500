"""Bilingual text: French first, English on request.

Every text rnq shows a person (referential labels, findings, error messages) is a
:class:`Localized` pair, so that one result model renders in either language.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

__all__ = ["LANGS", "Lang", "Localized", "msg", "pick"]

Lang = Literal["fr", "en"]
LANGS: tuple[Lang, ...] = ("fr", "en")


class Localized(BaseModel):
    """A text in French and English. ``str()`` gives the French text."""

    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)

    fr: str
    en: str

    def get(self, lang: Lang = "fr") -> str:
        """The text in ``lang`` (French by default)."""
        return self.en if lang == "en" else self.fr

    def __str__(self) -> str:
        return self.fr

    @classmethod
    def same(cls, text: str) -> Localized:
        """A text that reads the same in both languages (a path, a code, a name)."""
        return cls(fr=text, en=text)


def msg(fr: str, en: str | None = None) -> Localized:
    """A text in French and English (English defaults to the French text): the one way rnq
    writes a message it may show in either language."""
    return Localized(fr=fr, en=en if en is not None else fr)


def pick(lang: Lang, fr: str, en: str) -> str:
    """``fr`` or ``en``, for a text needed in one language only (a view already in ``lang``)."""
    return en if lang == "en" else fr
