"""A mock audit's sample: which sites and which offerings a certifier would look at.

Pure functions of the workspace configuration and a seed (no clock, no file):

* :func:`sample_sites` — multi-site sampling (``reference/rnq.md`` §5.5): the central function is
  audited at every audit; besides it, ``√n`` sites at initial and renewal audits and
  ``0.6 × √n`` at surveillance, ``n`` the total number of sites, rounded to the nearest whole
  number and at least one; at surveillance at least one of them was not audited last time.
* :func:`sample_offerings` — per category requested, offerings of the audited units, spread
  over units and certifying offerings first, so the sample is representative of the activity.
* :func:`sample_audit` — both, as the :class:`AuditSample` a report carries.

**Rounding.** "Nearest whole number" is computed with exact integer arithmetic
(``floor(2·c·√n)`` by :func:`math.isqrt`, then halved rounding up), so no machine gets a
different count from a floating-point error. An exact half cannot occur for a whole ``n``
(``(k + ½)²`` is never an integer, nor ``(k + ½)² / 0.36``), so no tie rule is needed.

**Reproducible.** Inputs are sorted by id and drawn with :class:`random.Random` seeded from the
string ``"rnq-sample/<seed>/sites"`` (or ``/offerings``): string seeds are hashed with SHA-512
by :mod:`random`, not with Python's per-process hash, so a seed gives the same sample run to run
and machine to machine.

**Provisional** (``reference/rnq.md`` §8 point 9): whether the central function's site counts
in ``n`` (FAQ 1.8/1.9, not read) — rnq counts it, which can only make the sample larger — and
whether it counts in the sample — rnq audits it in addition, as certifiers describe it ("la
fonction centrale est systématiquement auditée ; reste la question des autres sites"). No
official text sets how many offerings are sampled: the ``√m`` per category used here is rnq's
own rehearsal rule.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from typing import Literal

from pydantic import BaseModel, ConfigDict

from rnq.referential.loader import Category
from rnq.text import Lang, Localized, msg
from rnq.workspace.config import AuditType, Site, Unit, WorkspaceConfig

__all__ = [
    "AuditSample",
    "AuditType",
    "CategorySample",
    "OfferingSample",
    "SampledOffering",
    "SampledSite",
    "SiteSample",
    "default_sites",
    "nearest_sqrt",
    "sample_audit",
    "sample_offerings",
    "sample_sites",
    "sample_text",
    "site_sample_size",
]

SiteReason = Literal["central", "not_audited_last", "random", "all"]
OfferingReason = Literal["certifying", "random", "all"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


def nearest_sqrt(n: int, *, surveillance: bool = False) -> int:
    """``√n`` (or ``0.6 × √n`` at surveillance) rounded to the nearest whole number, exactly.

    >>> [nearest_sqrt(n) for n in (1, 4, 9, 16)]
    [1, 2, 3, 4]
    >>> [nearest_sqrt(n, surveillance=True) for n in (1, 4, 9, 16)]
    [1, 1, 2, 2]
    """
    if n <= 0:
        return 0
    # floor(2·√n) = isqrt(4n); floor(1.2·√n) = floor(√(36n/25)) = isqrt(36n // 25).
    twice = math.isqrt(36 * n // 25) if surveillance else math.isqrt(4 * n)
    return (twice + 1) // 2


def site_sample_size(total: int, audit_type: AuditType) -> int:
    """How many sites besides the central function the rule asks for: at least one."""
    if total <= 0:
        return 0
    return max(1, nearest_sqrt(total, surveillance=audit_type == "surveillance"))


class SampledSite(_Frozen):
    """A site the auditor visits, and why."""

    id: str
    units: tuple[str, ...]
    central: bool = False
    audited_last: bool = False
    reason: SiteReason
    why: str


class SiteSample(_Frozen):
    """The sites of a mock audit: the rule applied, the count, the sites chosen and why."""

    audit_type: AuditType
    seed: int
    rule: str
    declared: bool
    total: int
    count: int
    sites: tuple[SampledSite, ...]
    units: tuple[str, ...]
    notes: tuple[str, ...] = ()
    provisional: tuple[str, ...] = ()

    @property
    def ids(self) -> tuple[str, ...]:
        """The ids of every site audited (central function first)."""
        return tuple(site.id for site in self.sites)


class SampledOffering(_Frozen):
    """An offering the auditor reviews, and why."""

    id: str
    unit: str
    category: Category
    certifying: bool = False
    reason: OfferingReason
    why: str


class CategorySample(_Frozen):
    """The offerings sampled in one category requested."""

    category: Category
    candidates: int
    count: int
    offerings: tuple[SampledOffering, ...]


class OfferingSample(_Frozen):
    """The offerings of a mock audit, per category requested."""

    seed: int
    rule: str
    categories: tuple[CategorySample, ...]
    notes: tuple[str, ...] = ()
    provisional: tuple[str, ...] = ()

    @property
    def ids(self) -> tuple[str, ...]:
        """The ids of every offering sampled, category by category."""
        return tuple(o.id for c in self.categories for o in c.offerings)


class AuditSample(_Frozen):
    """What a mock audit looks at: sites (hence units) and offerings, drawn with ``seed``."""

    seed: int
    audit_type: AuditType
    sites: SiteSample
    offerings: OfferingSample

    @property
    def units(self) -> tuple[str, ...]:
        """The units hosted by the audited sites."""
        return self.sites.units

    @property
    def offering_ids(self) -> tuple[str, ...]:
        """The offerings sampled."""
        return self.offerings.ids


def default_sites(units: Sequence[Unit]) -> list[Site]:
    """One site per unit, named after it (SPEC §3: the default when ``sites`` is not given)."""
    return [Site(id=unit.id, units=[unit.id]) for unit in units]


def _rng(seed: int, what: str) -> random.Random:
    return random.Random(f"rnq-sample/{seed}/{what}")


def _fr(number: float) -> str:
    return f"{number:.2f}".replace(".", ",")


def _rule_text(audit_type: AuditType, total: int, count: int) -> Localized:
    if audit_type == "surveillance":
        exact = 0.6 * math.sqrt(total)
        return msg(
            f"audit de surveillance : 0,6 × √{total} = {_fr(exact)}, arrondi à l'entier le plus "
            f"proche et au moins 1 → {count} site(s), dont au moins un non audité la fois "
            "précédente, en plus de la fonction centrale",
            f"surveillance audit: 0.6 × √{total} = {exact:.2f}, rounded to the nearest whole "
            f"number and at least 1 → {count} site(s), at least one not audited last time, "
            "besides the central function",
        )
    label = (
        msg("audit initial", "initial audit")
        if audit_type == "initial"
        else msg("audit de renouvellement", "renewal audit")
    )
    exact = math.sqrt(total)
    return msg(
        f"{label.fr} : √{total} = {_fr(exact)}, arrondi à l'entier le plus proche et au moins 1 "
        f"→ {count} site(s) tirés au hasard, en plus de la fonction centrale",
        f"{label.en}: √{total} = {exact:.2f}, rounded to the nearest whole number and at least "
        f"1 → {count} site(s) drawn at random, besides the central function",
    )


_Pick = tuple[Site, SiteReason, Localized]


def _sites_provisional() -> list[Localized]:
    """The provisional remarks every site sample carries (central site counted, rounding)."""
    return [
        msg(
            "Le site de la fonction centrale est compté dans le nombre total de sites n et "
            "audité en plus de l'échantillon : la FAQ ministérielle (questions 1.8 et 1.9) "
            "n'a pas été lue sur ce point.",
            "The central function's site is counted in the total number of sites n and audited "
            "on top of the sample: the ministry FAQ (questions 1.8 and 1.9) was not read on "
            "this point.",
        ),
        msg(
            "Arrondi à l'entier le plus proche, d'après des sources secondaires concordantes "
            "(AFNOR, digi-certif, capcertification) ; le texte de l'arrêté n'a pas été lu.",
            "Rounded to the nearest whole number, per consistent secondary sources (AFNOR, "
            "digi-certif, capcertification); the arrêté's own text was not read.",
        ),
    ]


def _central_site(site: Site, lang: Lang) -> SampledSite:
    """A site of the central function, audited at every audit."""
    return SampledSite(
        id=site.id,
        units=tuple(site.units),
        central=True,
        audited_last=site.audited_last,
        reason="central",
        why=msg(
            "fonction centrale : auditée à chaque audit (arrêté du 6 juin 2019, art. 6)",
            "central function: audited at every audit (arrêté of 6 June 2019, art. 6)",
        ).get(lang),
    )


def _setup_notes(has_central: bool, declared: bool) -> list[Localized]:
    """The notes on what the workspace leaves out: a central unit, declared sites."""
    notes: list[Localized] = []
    if not has_central:
        notes.append(
            msg(
                "Aucune unité n'est déclarée « central: true » : le certificateur audite la "
                "fonction centrale à chaque audit ; déclarez-la dans rnq.yaml.",
                "No unit is declared 'central: true': the certifier audits the central function "
                "at every audit; declare it in rnq.yaml.",
            )
        )
    if not declared:
        notes.append(
            msg(
                "Aucun site déclaré (« sites » dans rnq.yaml) : un site par unité est supposé.",
                "No site declared ('sites' in rnq.yaml): one site per unit is assumed.",
            )
        )
    return notes


def _fresh_pick(pool: list[Site], rng: random.Random) -> _Pick | None:
    """A site not audited last time, drawn and taken out of ``pool`` (none when all were)."""
    fresh = [s for s in pool if not s.audited_last]
    if not fresh:
        return None
    first = rng.choice(fresh)
    pool.remove(first)
    return (
        first,
        "not_audited_last",
        msg(
            "non audité à l'audit précédent : la surveillance en comprend au moins un",
            "not audited at the previous audit: surveillance includes at least one",
        ),
    )


def _surveillance_first(
    pool: list[Site], sites: Sequence[Site], rng: random.Random
) -> tuple[list[_Pick], list[Localized], list[Localized]]:
    """The surveillance's first site, not audited last time, with the notes and provisional
    remarks on ``audited_last``."""
    picked: list[_Pick] = []
    notes: list[Localized] = []
    provisional: list[Localized] = []
    first = _fresh_pick(pool, rng)
    if first is not None:
        picked.append(first)
    else:
        notes.append(
            msg(
                "Tous les sites sont marqués « audited_last » : la règle « au moins un site "
                "non audité la fois précédente » ne peut pas être suivie.",
                "Every site is marked 'audited_last': the rule 'at least one site not "
                "audited last time' cannot be followed.",
            )
        )
    if not any(s.audited_last for s in sites):
        provisional.append(
            msg(
                "Aucun site n'est marqué « audited_last: true » : les sites vus au dernier "
                "audit ne sont pas connus, le tirage les suppose tous non audités.",
                "No site is marked 'audited_last: true': the sites seen at the last audit "
                "are unknown, and the draw takes none as audited.",
            )
        )
    return picked, notes, provisional


def _random_picks(
    pool: list[Site], count: int, everything: bool, rng: random.Random
) -> list[_Pick]:
    """``count`` sites drawn at random from ``pool`` (all of them when ``everything``)."""
    picks: list[_Pick] = []
    for site in rng.sample(pool, count):
        why = (
            msg(
                "tous les sites sont audités : il y en a moins que la taille d'échantillon",
                "every site is audited: there are fewer than the sample size",
            )
            if everything
            else msg("tiré au hasard", "drawn at random")
        )
        picks.append((site, "all" if everything else "random", why))
    return picks


def _sampled_site(pick: _Pick, lang: Lang) -> SampledSite:
    """A site drawn besides the central function, with why it was drawn."""
    site, reason, why = pick
    return SampledSite(
        id=site.id,
        units=tuple(site.units),
        audited_last=site.audited_last,
        reason=reason,
        why=why.get(lang),
    )


def _shortfall_notes(required: int, available: int) -> list[Localized]:
    """The note when the rule asks for more sites than exist besides the central function."""
    if not (required > available and available):
        return []
    return [
        msg(
            f"La règle demande {required} site(s) mais seuls {available} site(s) hors "
            "fonction centrale existent : tous sont audités.",
            f"The rule asks for {required} site(s) but only {available} site(s) besides "
            "the central function exist: all are audited.",
        )
    ]


def _audited_units(config: WorkspaceConfig, chosen: Sequence[SampledSite]) -> tuple[str, ...]:
    """The units hosted by the ``chosen`` sites, in the order of ``config.units``."""
    order = {unit.id: i for i, unit in enumerate(config.units)}
    units = sorted({u for site in chosen for u in site.units}, key=lambda u: order.get(u, 0))
    return tuple(units)


def sample_sites(
    config: WorkspaceConfig, audit_type: AuditType, seed: int, *, lang: Lang = "fr"
) -> SiteSample:
    """The sites a certifier would audit (``reference/rnq.md`` §5.5), drawn with ``seed``.

    Sites are ``config.sites``, or one per unit when none are declared. A site hosting a
    central unit is the central function: always audited, on top of the sample. The other
    sites are drawn at random; at surveillance the first one drawn is among those not audited
    last time (``audited_last: false``).
    """
    declared = config.sites is not None
    sites = sorted(config.sites or default_sites(config.units), key=lambda s: s.id)
    central_units = {u.id for u in config.units if u.central}
    central = [s for s in sites if central_units & set(s.units)]
    others = [s for s in sites if s not in central]
    total = len(sites)
    required = site_sample_size(total, audit_type)
    take = min(required, len(others))
    notes = _setup_notes(bool(central), declared)
    provisional = _sites_provisional()
    rng = _rng(seed, "sites")
    chosen = [_central_site(site, lang) for site in central]
    pool = list(others)
    picked: list[_Pick] = []
    if audit_type == "surveillance" and take:
        picked, fresh_notes, fresh_provisional = _surveillance_first(pool, sites, rng)
        notes += fresh_notes
        provisional += fresh_provisional
    picked += _random_picks(pool, take - len(picked), take == len(others), rng)
    chosen += [_sampled_site(pick, lang) for pick in sorted(picked, key=lambda p: p[0].id)]
    notes += _shortfall_notes(required, len(others))
    return SiteSample(
        audit_type=audit_type,
        seed=seed,
        rule=_rule_text(audit_type, total, required).get(lang),
        declared=declared,
        total=total,
        count=required,
        sites=tuple(chosen),
        units=_audited_units(config, chosen),
        notes=tuple(n.get(lang) for n in notes),
        provisional=tuple(p.get(lang) for p in provisional),
    )


def _spread(
    candidates: list[tuple[Unit, str, bool]], take: int, rng: random.Random
) -> list[tuple[Unit, str, bool, OfferingReason]]:
    """``take`` offerings: a certifying one first when there is one, then round-robin over the
    units in random order, each unit's offerings in random order."""
    by_unit: dict[str, list[tuple[Unit, str, bool]]] = {}
    for item in candidates:
        by_unit.setdefault(item[0].id, []).append(item)
    for items in by_unit.values():
        rng.shuffle(items)
    unit_order = sorted(by_unit)
    rng.shuffle(unit_order)
    picked: list[tuple[Unit, str, bool, OfferingReason]] = []
    certifying = [c for c in candidates if c[2]]
    if certifying and take:
        first = rng.choice(certifying)
        by_unit[first[0].id].remove(first)
        picked.append((*first, "certifying"))
    while len(picked) < take:
        progressed = False
        for unit_id in unit_order:
            if len(picked) >= take:
                break
            if by_unit[unit_id]:
                picked.append((*by_unit[unit_id].pop(), "random"))
                progressed = True
        if not progressed:
            break
    return picked


_Candidate = tuple[Unit, str, bool]


def _candidates(
    config: WorkspaceConfig, category: Category, audited: set[str]
) -> tuple[list[_Candidate], list[Localized]]:
    """The offerings of ``category`` to sample from: those of the audited units, else those of
    every unit (with a note saying so)."""
    everywhere = sorted(
        (
            (unit, offering.id, offering.certifying)
            for unit in config.units
            for offering in unit.offerings
            if offering.category == category
        ),
        key=lambda c: (c[0].id, c[1]),
    )
    candidates = [c for c in everywhere if c[0].id in audited]
    if candidates or not everywhere:
        return candidates, []
    note = msg(
        f"{category} : aucune prestation dans les unités des sites audités ; "
        "l'échantillon est pris dans les autres unités.",
        f"{category}: no offering in the units of the audited sites; the sample is "
        "taken from the other units.",
    )
    return everywhere, [note]


def _no_offering_note(category: Category) -> Localized:
    """The note on a category requested without any offering declared."""
    return msg(
        f"{category} : aucune prestation déclarée ; l'auditeur échantillonne des "
        "actions de chaque catégorie demandée — déclarez-les dans rnq.yaml.",
        f"{category}: no offering declared; the auditor samples actions of every "
        "category requested — declare them in rnq.yaml.",
    )


def _offering_why(reason: OfferingReason, everything: bool, unit: Unit) -> Localized:
    """Why an offering was sampled: certifying, the whole category, or drawn for its unit."""
    if reason == "certifying":
        return msg(
            "prestation certifiante : les indicateurs 3, 7 et 16 s'y appliquent",
            "certifying offering: indicators 3, 7 and 16 apply to it",
        )
    if everything:
        return msg("toutes les prestations de la catégorie", "every offering of the category")
    return msg(
        f"tirée au hasard, répartie entre les unités ({unit.id})",
        f"drawn at random, spread over the units ({unit.id})",
    )


def _category_sample(
    category: Category, candidates: list[_Candidate], rng: random.Random, lang: Lang
) -> CategorySample:
    """The offerings sampled among the (non-empty) ``candidates`` of ``category``."""
    take = min(len(candidates), max(1, nearest_sqrt(len(candidates))))
    everything = take == len(candidates)
    sampled = [
        SampledOffering(
            id=offering_id,
            unit=unit.id,
            category=category,
            certifying=certifying,
            reason="all" if everything and reason == "random" else reason,
            why=_offering_why(reason, everything, unit).get(lang),
        )
        for unit, offering_id, certifying, reason in _spread(candidates, take, rng)
    ]
    return CategorySample(
        category=category,
        candidates=len(candidates),
        count=take,
        offerings=tuple(sorted(sampled, key=lambda o: (o.unit, o.id))),
    )


def _offerings_rule() -> Localized:
    """The offering-sampling rule, as the sample states it."""
    return msg(
        "par catégorie demandée : √m des m prestations des unités auditées, arrondi à "
        "l'entier le plus proche et au moins 1 ; une prestation certifiante d'abord, puis "
        "réparties entre les unités",
        "per category requested: √m of the m offerings of the audited units, rounded to the "
        "nearest whole number and at least 1; a certifying offering first, then spread over "
        "the units",
    )


def _offerings_provisional() -> Localized:
    """The provisional remark on the offering count, which no official text sets."""
    return msg(
        "Aucun texte ne fixe le nombre de prestations échantillonnées : l'échantillon "
        "doit être représentatif de l'activité et non annoncé (arrêté du 31 mai 2023). "
        "√m par catégorie est une règle de répétition propre à rnq.",
        "No text sets how many offerings are sampled: the sample must be representative "
        "of the activity and not announced (arrêté of 31 May 2023). √m per category is "
        "rnq's own rehearsal rule.",
    )


def sample_offerings(
    config: WorkspaceConfig, units: Sequence[str], seed: int, *, lang: Lang = "fr"
) -> OfferingSample:
    """Offerings sampled per category requested, among the offerings of ``units`` (the audited
    units): ``√m`` of the ``m`` candidates, rounded to the nearest and at least one; a
    certifying offering first when there is one (indicators 3, 7 and 16 need one), then spread
    over the units. When the audited units have no offering in a category, the category's
    offerings elsewhere are the candidates."""
    rng = _rng(seed, "offerings")
    notes: list[Localized] = []
    audited = set(units)
    groups: list[CategorySample] = []
    for category in config.categories:
        candidates, elsewhere = _candidates(config, category, audited)
        notes += elsewhere
        if not candidates:
            notes.append(_no_offering_note(category))
            groups.append(CategorySample(category=category, candidates=0, count=0, offerings=()))
            continue
        groups.append(_category_sample(category, candidates, rng, lang))
    return OfferingSample(
        seed=seed,
        rule=_offerings_rule().get(lang),
        categories=tuple(groups),
        notes=tuple(n.get(lang) for n in notes),
        provisional=(_offerings_provisional().get(lang),),
    )


def sample_audit(
    config: WorkspaceConfig,
    seed: int,
    *,
    audit_type: AuditType | None = None,
    lang: Lang = "fr",
) -> AuditSample:
    """The sites and offerings of a mock audit of type ``audit_type`` (default: the workspace's
    ``audit.type``), drawn with ``seed``."""
    kind: AuditType = audit_type or config.audit.type
    sites = sample_sites(config, kind, seed, lang=lang)
    offerings = sample_offerings(config, sites.units, seed, lang=lang)
    return AuditSample(seed=seed, audit_type=kind, sites=sites, offerings=offerings)


def sample_text(sample: AuditSample, lang: Lang = "fr") -> str:
    """The sample as the terminal shows it: the rule, the sites and offerings chosen, and why."""

    def t(fr: str, en: str) -> str:
        return en if lang == "en" else fr

    sep = ": " if lang == "en" else " : "
    sites = sample.sites
    out = [
        t(
            f"Audit blanc — graine {sample.seed} (relancer avec --seed {sample.seed})",
            f"Mock audit — seed {sample.seed} (rerun with --seed {sample.seed})",
        ),
        "",
        t("Sites", "Sites") + f" ({sites.total})",
        f"  {t('Règle', 'Rule')}{sep}{sites.rule}",
    ]
    for site in sites.sites:
        units = ", ".join(site.units)
        out.append(f"  - {site.id} [{units}]{sep}{site.why}")
    out += [f"  ! {note}" for note in sites.notes]
    offerings = sample.offerings
    out += ["", t("Prestations", "Offerings"), f"  {t('Règle', 'Rule')}{sep}{offerings.rule}"]
    for group in offerings.categories:
        out.append(
            f"  {group.category}{sep}{group.count}/{group.candidates}"
            + t(" prestation(s)", " offering(s)")
        )
        for offering in group.offerings:
            out.append(f"    - {offering.id} ({offering.unit}){sep}{offering.why}")
    out += [f"  ! {note}" for note in offerings.notes]
    notes = (*sites.provisional, *offerings.provisional)
    if notes:
        out += ["", t("Provisoire", "Provisional")]
        out += [f"  - {note}" for note in notes]
    return "\n".join(out)
