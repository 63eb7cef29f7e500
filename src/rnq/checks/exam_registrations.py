"""What the checks of indicators 16 and 3 read in the certifier's list of registered candidates
(SPEC §3 "Registers").

A collector such as ``rnq-exam-registrations`` gives, per offering, a record of kind
``inscriptions-certification`` whose rows hold each candidate (first name and initial), the line
of the export, the certification, the session date, the registration date, the registration
deadline (the certifier's own, or the session less the configured days) and the result
(``admis``, ``ajourne``, ``absent`` or empty). :func:`check_registered_in_time` names the
candidates registered after the deadline (indicator 16); :func:`check_published_pass_rate`
computes the pass rate per certification and session year (admitted / presented, the absent
not presented) and, where the offering's published sheet states a rate more than
:data:`TOLERANCE` points away, advises « à confirmer » — a screening hit, never a gap (SPEC §4).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rnq.checks.helpers import Folded, Reading, body, cert_provisional
from rnq.collect.evidence import Evidence, EvidenceSet
from rnq.collect.registers import fr_date
from rnq.engine.outcomes import Gap, advise, msg, stand_aside
from rnq.text import Localized
from rnq.workspace.config import Offering

__all__ = [
    "DEFAULT_DEADLINE_DAYS",
    "KIND",
    "TOLERANCE",
    "check_published_pass_rate",
    "check_registered_in_time",
    "pass_rates",
    "published_rates",
]

#: The kind of a record of candidates registered to the certification.
KIND = "inscriptions-certification"
#: The columns such a record's header must hold.
_NEEDED = ("ligne", "candidat", "certification", "session", "date_inscription", "date_limite")
#: How many points a published pass rate may differ from the computed one before advice.
TOLERANCE = 5.0
#: The notice rnq-exam-registrations assumes when neither the row nor the settings give the
#: certifier's deadline: rnq's own rule of thumb, never the certifier's requirement.
DEFAULT_DEADLINE_DAYS = 30
#: How many candidates a gap names before « et N autres ».
_NAMED = 20
#: A rate in a folded text: « 85 % », « 92,5% ».
_RATE = re.compile(r"(?<![\d,.])(\d{1,3}(?:[,.]\d+)?) ?%")
#: What says the rate is a pass rate, on the rate's line.
_PASS = re.compile(r"reussite|obtention|admis|recus?\b|diplomes?\b|certifies?\b|succes")
_YEAR = re.compile(r"\b(20\d\d)\b")


def records(evidence: EvidenceSet, offering: Offering, *extra: str) -> list[Evidence]:
    """The offering's usable records of registered candidates."""
    return [
        e
        for e in evidence.for_offering(offering.id).of_kind(KIND).usable()
        if e.rows and all(name in e.rows[0] for name in (*_NEEDED, *extra))
    ]


def _stand_aside_without(found: Sequence[Evidence]) -> None:
    if not found:
        stand_aside(
            msg(
                "Aucun export des candidats inscrits à la certification pour cette prestation.",
                "No export of the candidates registered to the certification for this offering.",
            )
        )


def _source(paths: Iterable[str]) -> str:
    return ", ".join(dict.fromkeys(p.split(":", 1)[-1].split("#", 1)[0] for p in paths))


# --- Indicator 16: registered after the deadline ---------------------------------------------


@dataclass(frozen=True)
class _Late:
    candidate: str
    line: str
    registered: dt.date
    deadline: dt.date
    session: dt.date


def _late(record: Evidence) -> list[_Late]:
    rows = record.rows or ()
    at = {name: rows[0].index(name) for name in _NEEDED}
    found = []
    for row in rows[1:]:
        try:
            registered, deadline, session = (
                dt.date.fromisoformat(row[at[name]]) if row[at[name]] else None
                for name in ("date_inscription", "date_limite", "session")
            )
        except (ValueError, IndexError):
            continue  # the collector writes ISO dates; anything else is not ours to judge
        if registered and deadline and session and registered > deadline:
            found.append(
                _Late(row[at["candidat"]], row[at["ligne"]], registered, deadline, session)
            )
    return found


def check_registered_in_time(
    offering: Offering, evidence: EvidenceSet, *, days_declared: bool = True
) -> None:
    """Raise a :class:`Gap` naming the candidates registered after the certifier's deadline;
    stand aside without a record of registered candidates.

    ``days_declared``: whether the workspace declares the certifier's notice
    (``deadline_days``). Where it does not, a deadline that is the session less
    :data:`DEFAULT_DEADLINE_DAYS` may be rnq's own default rather than the certifier's: those
    candidates are advised « à confirmer », never a gap (SPEC §4)."""
    found = records(evidence, offering)
    _stand_aside_without(found)
    late = {r.path: hits for r in found if (hits := _late(r))}
    if not late:
        return
    if not days_declared:
        default = dt.timedelta(days=DEFAULT_DEADLINE_DAYS)
        assumed = {
            path: kept
            for path, hits in late.items()
            if (kept := [m for m in hits if m.session - m.deadline == default])
        }
        late = {
            path: kept
            for path, hits in late.items()
            if (kept := [m for m in hits if m.session - m.deadline != default])
        }
        if assumed:
            advise(
                _late_message(offering, assumed, assumed_days=True),
                confirm=True,
                items=["inscription-session"],
                evidence=list(assumed),
                key="date-limite-par-defaut",
            )
        if not late:
            return
    raise Gap(
        _late_message(offering, late, assumed_days=False),
        evidence=list(late),
        items=["inscription-session"],
        provisional=cert_provisional(offering),
    )


def _late_message(
    offering: Offering, late: dict[str, list[_Late]], *, assumed_days: bool
) -> Localized:
    named = [m for hits in late.values() for m in hits]
    fr = [
        f"{m.candidate} (ligne {m.line}, inscrit(e) le {fr_date(m.registered)}, date limite "
        f"{fr_date(m.deadline)}, session du {fr_date(m.session)})"
        for m in named[:_NAMED]
    ]
    en = [
        f"{m.candidate} (line {m.line}, registered on {m.registered.isoformat()}, deadline "
        f"{m.deadline.isoformat()}, session of {m.session.isoformat()})"
        for m in named[:_NAMED]
    ]
    if len(named) > _NAMED:
        fr.append(f"et {len(named) - _NAMED} autre(s)")
        en.append(f"and {len(named) - _NAMED} more")
    source = _source(late)
    note = (
        msg(
            f" À confirmer : la date limite est la session moins {DEFAULT_DEADLINE_DAYS} jours, "
            "le délai par défaut de rnq ; déclarez celui du certificateur (« deadline_days ») "
            "ou exportez sa date limite d'inscription.",
            f" To confirm: the deadline is the session less {DEFAULT_DEADLINE_DAYS} days, rnq's "
            "default; declare the certifier's notice ('deadline_days') or export its "
            "registration deadline.",
        )
        if assumed_days
        else msg("", "")
    )
    return msg(
        f"Prestation « {offering.title} » : {len(named)} candidat(s) inscrit(s) à la "
        f"certification après la date limite du certificateur — {', '.join(fr)} (liste des "
        f"candidats inscrits {source}).{note.fr}",
        f"Offering '{offering.title}': {len(named)} candidate(s) registered to the "
        f"certification after the certifier's deadline — {', '.join(en)} (list of "
        f"registered candidates {source}).{note.en}",
    )


# --- Indicator 3: pass rates ----------------------------------------------------------------


@dataclass(frozen=True)
class Rate:
    """The computed pass rate of one certification and session year."""

    certification: str
    year: int
    passed: int
    presented: int

    @property
    def percent(self) -> float:
        return 100 * self.passed / self.presented


def pass_rates(found: Iterable[Evidence]) -> list[Rate]:
    """Per certification and session year: admitted / presented (the absent not presented,
    the rows without a result yet left aside)."""
    counts: dict[tuple[str, int], list[int]] = {}
    for record in found:
        rows = record.rows or ()
        header = rows[0]
        if "resultat" not in header:
            continue
        at = {name: header.index(name) for name in ("certification", "session", "resultat")}
        for row in rows[1:]:
            result, session = row[at["resultat"]], row[at["session"]]
            if result not in ("admis", "ajourne") or not session[:4].isdigit():
                continue
            key = (row[at["certification"]], int(session[:4]))
            count = counts.setdefault(key, [0, 0])
            count[0] += result == "admis"
            count[1] += 1
    return [Rate(cert, year, *count) for (cert, year), count in sorted(counts.items())]


def published_rates(texts: Iterable[str]) -> list[tuple[int | None, float]]:
    """The pass rates a folded text states, each with the year on its line (if any)."""
    found = []
    for text in texts:
        for line in text.splitlines():
            if not _PASS.search(line):
                continue
            years = _YEAR.findall(line)
            for figure in _RATE.findall(line):
                value = float(figure.replace(",", "."))
                if value <= 100:
                    found.append((int(years[-1]) if len(set(years)) == 1 else None, value))
    return found


def _published_texts(reading: Reading) -> tuple[list[str], list[str]]:
    """The folded texts of the offering's published documents (the registers aside), and their
    paths."""
    docs = [d for d in reading.docs if d.kind != KIND]
    texts = [body(d) for d in docs]
    if isinstance(reading.text, Folded):
        texts += [p.text for p in reading.text.passages]
    return texts, [d.path for d in docs]


def check_published_pass_rate(offering: Offering, evidence: EvidenceSet, reading: Reading) -> None:
    """Advise « à confirmer » where a pass rate the offering publishes differs by more than
    :data:`TOLERANCE` points from the one computed from the certifier's results."""
    found = records(evidence, offering, "resultat")
    _stand_aside_without(found)
    rates = pass_rates(found)
    texts, paths = _published_texts(reading)
    published = published_rates(texts)
    if not rates or not published:
        return
    latest = max(rate.year for rate in rates)
    for rate in rates:
        stated = [v for year, v in published if year == rate.year]
        if not stated and rate.year == latest:
            stated = [v for year, v in published if year is None]
        if not stated or any(abs(v - rate.percent) <= TOLERANCE for v in stated):
            continue
        shown = ", ".join(f"{v:g} %" for v in stated)
        computed = f"{rate.percent:.0f} % ({rate.passed}/{rate.presented})"
        advise(
            msg(
                f"Prestation « {offering.title} » : taux de réussite publié {shown}, mais "
                f"{computed} calculé d'après les résultats du certificateur pour "
                f"{rate.certification} en {rate.year} (admis / présentés, absents exclus ; "
                f"liste {_source(r.path for r in found)}) — vérifiez le taux publié "
                f"({', '.join(paths[:4])}).",
                f"Offering '{offering.title}': published pass rate {shown}, but {computed} "
                f"computed from the certifier's results for {rate.certification} in "
                f"{rate.year} (admitted / presented, the absent excluded; list "
                f"{_source(r.path for r in found)}) — check the published rate "
                f"({', '.join(paths[:4])}).",
            ),
            confirm=True,
            items=["taux-obtention"],
            evidence=[*(r.path for r in found), *paths],
            key=f"taux-publie-{rate.certification}-{rate.year}",
        )
