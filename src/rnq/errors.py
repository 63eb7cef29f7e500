"""Errors: exceptions that stop a run, and problems recorded against a file while it goes on.

* :class:`RnqError` and its subclasses stop a command: a bad ``rnq.yaml`` or waivers file
  (exit 2), a broken referential (exit 3).
* :class:`Problem` is what happens to an evidence file (corrupted, encrypted, too big, a bad
  manifest line…): it is recorded with the file and line, the run goes on, and the indicators it
  would have fed can never be reported as conform.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from rnq.text import Lang, Localized

__all__ = ["ConfigError", "Problem", "ReferentialError", "RnqError", "UsageError"]


class RnqError(Exception):
    """Base of every error rnq raises on purpose. Carries a bilingual message."""

    exit_code = 3

    def __init__(self, message: Localized) -> None:
        super().__init__(message.fr)
        self.localized = message

    def message(self, lang: Lang = "fr") -> str:
        """The message in ``lang``."""
        return self.localized.get(lang)


class UsageError(RnqError):
    """The command line asks for something that cannot be done (exit 2)."""

    exit_code = 2


class ConfigError(RnqError):
    """A workspace configuration file is invalid (exit 2). Names the file, line and key."""

    exit_code = 2

    def __init__(
        self,
        message: Localized,
        *,
        path: str,
        line: int | None = None,
        key: str | None = None,
        hint: Localized | None = None,
    ) -> None:
        self.path = path
        self.line = line
        self.key = key
        self.hint = hint
        super().__init__(message)

    def message(self, lang: Lang = "fr") -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        text = f"{where}: {self.localized.get(lang)}"
        if self.hint is not None:
            text += f" ({self.hint.get(lang)})"
        return text


class ReferentialError(RnqError):
    """The packaged referential data is inconsistent: a bug in rnq, not in the workspace."""

    exit_code = 3


class Problem(BaseModel):
    """Something that went wrong with one file; recorded, reported, and the run goes on.

    ``path`` is relative to the workspace root (POSIX separators); ``line`` is 1-based when the
    problem is at a line of a text file (a manifest, a register).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    path: str
    line: int | None = None
    message: Localized

    @classmethod
    def make(cls, path: str, fr: str, en: str, line: int | None = None) -> Problem:
        """Shorthand: ``Problem.make("pro/x.pdf", "PDF chiffré", "encrypted PDF")``."""
        return cls(path=path, line=line, message=Localized(fr=fr, en=en))
