"""How a check says what it found, beyond a plain ``assert``.

* ``assert condition, "message"`` — a gap; the message is the finding, written for the auditor.
  The message may be a :class:`~rnq.text.Localized` (``rnq.msg(fr, en)``) to speak both languages.
* ``raise rnq.Gap(message, missing=True)`` — a gap where no usable evidence exists at all
  (the NC rules treat it as « non prise en compte »).
* ``rnq.skip(reason)`` — not applicable here, with the reason.
* ``rnq.not_verified(reason)`` — cannot be verified (unreadable or text-less evidence); never
  counted as conform.

``Skip`` and ``NotVerified`` derive from :class:`BaseException`, as pytest's outcomes do, so that a
check's own ``except Exception`` cannot swallow them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import NoReturn

from rnq.text import Localized, msg

__all__ = ["Gap", "NotVerified", "Skip", "Subchecks", "msg", "not_verified", "skip"]


class Gap(AssertionError):
    """A gap, with more to say than a plain ``assert``."""

    def __init__(
        self,
        message: str | Localized,
        *,
        missing: bool = False,
        evidence: Iterable[str] = (),
        fix: str | Localized | None = None,
        provisional: bool = False,
    ) -> None:
        self.message = message if isinstance(message, Localized) else Localized.same(message)
        super().__init__(self.message.fr)
        self.missing = missing
        self.evidence = tuple(evidence)
        self.fix = fix if fix is None or isinstance(fix, Localized) else Localized.same(fix)
        #: the gap rests on a fact the referential data marks provisional (said in the report)
        self.provisional = provisional


class Skip(BaseException):
    """Raised by :func:`skip`."""

    def __init__(self, reason: Localized) -> None:
        super().__init__(reason.fr)
        self.reason = reason


class NotVerified(BaseException):
    """Raised by :func:`not_verified`."""

    def __init__(self, reason: Localized, evidence: Iterable[str] = ()) -> None:
        super().__init__(reason.fr)
        self.reason = reason
        self.evidence = tuple(evidence)


def _text(reason: str | Localized) -> Localized:
    return reason if isinstance(reason, Localized) else Localized.same(reason)


def skip(reason: str | Localized) -> NoReturn:
    """Stop the check: not applicable here, for ``reason``."""
    raise Skip(_text(reason))


def not_verified(reason: str | Localized, evidence: Iterable[str] = ()) -> NoReturn:
    """Stop the check: it cannot be verified, for ``reason`` (never counted as conform)."""
    raise NotVerified(_text(reason), evidence)


class Subchecks:
    """Per-item reporting inside one check, in the spirit of pytest's ``subtests``::

        def check_each_trainer_has_a_cv(trainers, subchecks):
            for trainer in trainers:
                with subchecks.item(trainer.name):
                    assert trainer.cv, f"Pas de CV pour {trainer.name}"

    Each failing item becomes its own finding; the check goes on with the next item.
    """

    def __init__(self) -> None:
        self.failures: list[tuple[str, Gap | AssertionError]] = []

    @contextmanager
    def item(self, name: str) -> Iterator[None]:
        """Run the block as one item named ``name``; a failed assert is recorded, not raised."""
        try:
            yield
        except AssertionError as exc:
            self.failures.append((str(name), exc))
