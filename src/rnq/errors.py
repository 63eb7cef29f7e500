"""Errors: exceptions that stop a run, and problems recorded against a file while it goes on.

* :class:`RnqError` and its subclasses stop a command: a bad ``rnq.yaml`` or waivers file
  (exit 2), a broken referential (exit 3).
* :class:`Problem` is what happens to an evidence file (corrupted, encrypted, too big, a bad
  manifest line…): it is recorded with the file and line, the run goes on, and the indicators it
  would have fed can never be reported as conform.
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict

from rnq.text import Lang, Localized

__all__ = [
    "CodeError",
    "CodeProblem",
    "ConfigError",
    "ConfigProblem",
    "Problem",
    "ReferentialError",
    "RnqError",
    "UsageError",
]


class RnqError(Exception):
    """Base of every error rnq raises on purpose. Carries a bilingual message."""

    exit_code = 3

    def __init__(self, message: Localized) -> None:
        super().__init__(message.fr)
        self.localized = message

    def message(self, lang: Lang = "fr") -> str:
        """The message in ``lang``."""
        return self.localized.get(lang)

    def __reduce__(self) -> tuple[object, ...]:
        # Pickled whole, whatever the subclass's constructor takes: an error raised in a child
        # process (rnq.render.aside) is raised again in its parent as it was.
        return (_rebuilt, (type(self), self.args, self.__dict__))


def _rebuilt(cls: type[RnqError], args: tuple[object, ...], state: dict[str, object]) -> RnqError:
    """An :class:`RnqError` unpickled (:meth:`RnqError.__reduce__`)."""
    error = cls.__new__(cls)
    error.args = args
    error.__dict__.update(state)
    return error


class UsageError(RnqError):
    """The command line asks for something that cannot be done (exit 2)."""

    exit_code = 2


class ConfigProblem(BaseModel):
    """One mistake in a configuration file (``rnq.yaml``, the waivers file, a manifest
    ``rnq-evidence.yaml``): where it is, what is wrong and how to fix it, in French and English.

    ``path`` is the file as shown to the user, ``line`` is 1-based, ``key`` the dotted key
    (``units.1.offerings.0.category``) when the mistake is at a key, ``fix`` what to write instead.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    path: str
    line: int | None = None
    key: str | None = None
    message: Localized
    fix: Localized | None = None

    def text(self, lang: Lang = "fr") -> str:
        """``path:line: message (fix)``, in ``lang``."""
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        text = f"{where}: {self.message.get(lang)}"
        if self.fix is not None:
            text += f" ({self.fix.get(lang)})"
        return text


class ConfigError(RnqError):
    """The workspace configuration is invalid (exit 2): holds every problem found (``problems``,
    each with its file, line, key, message and fix), in the order of the files and lines.

    Raised with one problem (``ConfigError(message, path=…, line=…, key=…, hint=…)``) or with
    several (:meth:`of`). ``path``, ``line``, ``key`` and ``hint`` are those of the first problem.
    """

    exit_code = 2

    def __init__(
        self,
        message: Localized,
        *,
        path: str,
        line: int | None = None,
        key: str | None = None,
        hint: Localized | None = None,
        problems: Sequence[ConfigProblem] = (),
    ) -> None:
        self.problems: tuple[ConfigProblem, ...] = tuple(problems) or (
            ConfigProblem(path=path, line=line, key=key, message=message, fix=hint),
        )
        first = self.problems[0]
        self.path = first.path
        self.line = first.line
        self.key = first.key
        self.hint = first.fix
        super().__init__(message)

    @classmethod
    def of(cls, problems: Sequence[ConfigProblem]) -> ConfigError:
        """One error holding every problem of ``problems`` (at least one)."""
        if not problems:
            raise ValueError("a ConfigError needs at least one problem")
        first = problems[0]
        if len(problems) == 1:
            message = first.message
        else:
            count = len(problems)
            message = Localized(
                fr=f"{count} erreurs dans la configuration ; rien n'a été vérifié",
                en=f"{count} errors in the configuration; nothing was checked",
            )
        return cls(message, path=first.path, problems=problems)

    def message(self, lang: Lang = "fr") -> str:
        """Every problem, one per line (``path:line: message (fix)``), under a count when there
        are several."""
        if len(self.problems) == 1:
            return self.problems[0].text(lang)
        head = f"{self.localized.fr} :" if lang == "fr" else f"{self.localized.en}:"
        return "\n".join([head, *(f"  {problem.text(lang)}" for problem in self.problems)])


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


class CodeProblem(Problem):
    """A problem with code rather than with an evidence file: a check or plugin file of the
    workspace, a plugin's hook, a collector that raised. Reports list it under « Code en
    erreur », apart from the files (its ``kind`` is ``"code"``)."""


class CodeError(RnqError):
    """The checks or the workspace's plugins cannot be collected (exit 2), as pytest's collection
    errors: a syntax error, a failed import, an unknown mark, verification or fixture, a check
    bound to nothing, a missing ``checks:`` folder. Holds every problem found, each with its file,
    line and fix; raised before any document is read."""

    exit_code = 2

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        count = len(self.problems)
        plural = "s" if count > 1 else ""
        super().__init__(
            Localized(
                fr=f"{count} erreur{plural} dans le code des vérifications ou des extensions ; "
                "aucun document n'a été lu",
                en=f"{count} error{plural} in the code of the checks or plugins; no document "
                "was read",
            )
        )

    def message(self, lang: Lang = "fr") -> str:
        lines = [f"{self.localized.get(lang)} :" if lang == "fr" else f"{self.localized.en}:"]
        for problem in self.problems:
            where = problem.path if problem.line is None else f"{problem.path}:{problem.line}"
            lines.append(f"  {where}: {problem.message.get(lang)}")
        return "\n".join(lines)
