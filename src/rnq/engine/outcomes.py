"""How a check says what it found, beyond a plain ``assert``.

* ``assert condition, "message"`` — a gap; the message is the finding, written for the auditor.
  The message may be a :class:`~rnq.text.Localized` (``rnq.msg(fr, en)``) to speak both languages.
* ``raise rnq.Gap(message, missing=True)`` — a gap where no usable evidence exists at all
  (the NC rules treat it as « non prise en compte »).
* ``rnq.skip(reason)`` — not applicable here, with the reason.
* ``rnq.not_verified(reason)`` — cannot be verified (unreadable or text-less evidence); never
  counted as conform.
* ``rnq.stand_aside(reason)`` — nothing to say here: another check already reports it (the
  built-in content checks when the evidence is missing, unreadable or stale: the presence check
  reports that). No finding at all — never « not applicable » beside a gap.
* ``rnq.advise(message)`` — a point de vigilance (``confirm=True``: « à confirmer »), recorded
  without stopping the check: an evidence example of the guide that is missing, a rule of thumb,
  a condition not declared, a provisional text, a screening hit. Shown in every view, it never
  counts (SPEC §4): no NC, not in the five-minor rule, not in the answer. Like a warning in
  pytest, a check may pass, or fail, with advice.

``Skip`` and ``NotVerified`` derive from :class:`BaseException`, as pytest's outcomes do, so that a
check's own ``except Exception`` cannot swallow them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import NoReturn

from rnq.text import Localized, msg

__all__ = [
    "Advice",
    "Gap",
    "NotVerified",
    "Skip",
    "StandAside",
    "Subchecks",
    "advise",
    "collecting_advice",
    "msg",
    "not_verified",
    "skip",
    "stand_aside",
]


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
        items: Iterable[str] = (),
    ) -> None:
        self.message = message if isinstance(message, Localized) else Localized.same(message)
        super().__init__(self.message.fr)
        self.missing = missing
        self.evidence = tuple(evidence)
        self.fix = fix if fix is None or isinstance(fix, Localized) else Localized.same(fix)
        #: the gap rests on a fact the referential data marks provisional (said in the report)
        self.provisional = provisional
        #: the demanded items (``items:`` of the indicator data) found missing
        self.items = tuple(items)


@dataclass(frozen=True)
class Advice:
    """A point de vigilance a check recorded (:func:`advise`)."""

    message: Localized
    confirm: bool = False
    items: tuple[str, ...] = ()
    evidence: tuple[str, ...] = ()
    key: str | None = None


_ADVICE: ContextVar[list[Advice] | None] = ContextVar("rnq_advice", default=None)


def advise(
    message: str | Localized,
    *,
    confirm: bool = False,
    items: Iterable[str] = (),
    evidence: Iterable[str] = (),
    key: str | None = None,
) -> None:
    """Record a point de vigilance on the check's target, and go on.

    ``confirm``: « à confirmer » (a provisional text, a screening hit a person must confirm)
    rather than « point de vigilance ». ``items``: the demanded items it is about. ``key``: what
    tells this advice from the check's others, stable from run to run (the finding's id rests
    on it; default: its position). Outside a running check, :class:`RuntimeError`."""
    recorded = _ADVICE.get()
    if recorded is None:
        raise RuntimeError("rnq.advise() is called from a running check")
    text = message if isinstance(message, Localized) else Localized.same(message)
    recorded.append(Advice(text, confirm, tuple(items), tuple(evidence), key))


@contextmanager
def collecting_advice() -> Iterator[list[Advice]]:
    """The advice :func:`advise` records while the block runs (the engine runs each check in
    one)."""
    recorded: list[Advice] = []
    token = _ADVICE.set(recorded)
    try:
        yield recorded
    finally:
        _ADVICE.reset(token)


class StandAside(BaseException):
    """Raised by :func:`stand_aside`."""

    def __init__(self, reason: Localized) -> None:
        super().__init__(reason.fr)
        self.reason = reason


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


def stand_aside(reason: str | Localized) -> NoReturn:
    """Stop the check without a finding: what it would say, another check already reports
    (``reason`` says which, for whoever debugs it)."""
    raise StandAside(_text(reason))


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
