"""Which indicators apply to a provider, and why (SPEC §2 "Applicability").

The answer comes from the provider's profile: its categories of actions (AF, BC, VAE, CFA), its
activity flags (certifying offerings, alternance, work-situation periods, subcontracting or
portage, trainings over two days) and the indicators it declares not applicable with a
justification. Every inclusion and every exclusion carries its reason.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from pydantic import BaseModel, ConfigDict, Field

from rnq.referential.loader import Category, Condition, Indicator, Referential
from rnq.text import Lang, Localized

__all__ = ["Applicability", "Profile", "applicability", "condition_label"]

_CONDITION_TEXT: dict[Condition, tuple[Localized, Localized]] = {
    # condition: (met, not met)
    "certifying": (
        Localized(
            fr="des prestations mènent à une certification professionnelle (RNCP/RS)",
            en="some offerings lead to a professional certification (RNCP/RS)",
        ),
        Localized(
            fr="aucune prestation ne mène à une certification professionnelle "
            "(activity.certifying)",
            en="no offering leads to a professional certification (activity.certifying)",
        ),
    ),
    "alternance": (
        Localized(fr="des formations en alternance", en="work-study (alternance) trainings"),
        Localized(
            fr="aucune formation en alternance (activity.alternance)",
            en="no work-study (alternance) training (activity.alternance)",
        ),
    ),
    "work_situation": (
        Localized(
            fr="des périodes de formation en situation de travail",
            en="training periods in a work situation",
        ),
        Localized(
            fr="aucune période de formation en situation de travail (activity.work_situation)",
            en="no training period in a work situation (activity.work_situation)",
        ),
    ),
    "subcontracting": (
        Localized(
            fr="recours à la sous-traitance ou au portage salarial",
            en="use of subcontracting or wage portage",
        ),
        Localized(
            fr="aucun recours à la sous-traitance ni au portage salarial "
            "(activity.subcontracting, activity.portage)",
            en="no subcontracting and no wage portage (activity.subcontracting, activity.portage)",
        ),
    ),
    "long_trainings": (
        Localized(fr="des formations de plus de deux jours", en="trainings longer than two days"),
        Localized(
            fr="aucune formation de plus de deux jours (activity.long_trainings)",
            en="no training longer than two days (activity.long_trainings)",
        ),
    ),
}


def condition_label(condition: Condition | None, lang: Lang = "fr") -> str:
    """A condition in words (``None``: no condition)."""
    if condition is None:
        return "aucune" if lang == "fr" else "none"
    return _CONDITION_TEXT[condition][0].get(lang)


class Profile(BaseModel):
    """What decides applicability: categories, activity conditions met, declared exclusions."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    categories: tuple[Category, ...]
    conditions: frozenset[Condition] = frozenset(_CONDITION_TEXT)
    not_applicable: Mapping[int, str] = Field(default_factory=dict)

    @classmethod
    def everything(cls, categories: Iterable[Category] = ("AF", "BC", "VAE", "CFA")) -> Profile:
        """A profile with every condition true: the largest applicable set for ``categories``."""
        return cls(categories=tuple(categories))


class Applicability(BaseModel):
    """Whether one indicator applies, and the reason, in both languages."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    indicator: Indicator
    applicable: bool
    reason: Localized
    declared: bool = False

    @property
    def number(self) -> int:
        """The indicator number."""
        return self.indicator.number


def _join(items: Iterable[str]) -> str:
    return ", ".join(items)


def _decide(indicator: Indicator, profile: Profile) -> Applicability:
    shared = [c for c in indicator.categories if c in profile.categories]
    if not shared:
        return Applicability(
            indicator=indicator,
            applicable=False,
            reason=Localized(
                fr=f"ne concerne que {_join(indicator.categories)} ; le prestataire déclare "
                f"{_join(profile.categories)}",
                en=f"only concerns {_join(indicator.categories)}; the provider declares "
                f"{_join(profile.categories)}",
            ),
        )
    declared = profile.not_applicable.get(indicator.number)
    if declared is not None:
        return Applicability(
            indicator=indicator,
            applicable=False,
            declared=True,
            reason=Localized(
                fr=f"déclaré non applicable : {declared}", en=f"declared not applicable: {declared}"
            ),
        )
    condition = indicator.condition
    if condition is not None and condition not in profile.conditions:
        return Applicability(
            indicator=indicator, applicable=False, reason=_CONDITION_TEXT[condition][1]
        )
    fr = f"applicable à {_join(shared)}"
    en = f"applies to {_join(shared)}"
    if condition is not None:
        met = _CONDITION_TEXT[condition][0]
        fr, en = f"{fr} ; condition remplie : {met.fr}", f"{en}; condition met: {met.en}"
    return Applicability(indicator=indicator, applicable=True, reason=Localized(fr=fr, en=en))


def applicability(referential: Referential, profile: Profile) -> list[Applicability]:
    """Every indicator of ``referential``, applicable or not, with its reason, in number order."""
    return [_decide(indicator, profile) for indicator in referential]
