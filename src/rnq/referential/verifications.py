"""Named verifications: the link between checks and indicators, as data (``verifications.yaml``).

A check marked ``@rnq.mark.verifies("handicap-reseau")`` verifies whatever indicators the
referential in use maps that slug to. Indicator ``0`` stands for the certificate-display
obligation, which is not an indicator (SPEC §7).
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from pydantic import BaseModel, ConfigDict, ValidationError

from rnq._yaml import load_yaml
from rnq.errors import ReferentialError
from rnq.referential.loader import referential_ids
from rnq.text import Localized

__all__ = ["Verification", "indicators_for", "verifications"]


class Verification(BaseModel):
    """One named verification and the indicators it serves in each version."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    slug: str
    fr: str
    en: str
    indicators: dict[str, tuple[int, ...]]

    @property
    def title(self) -> Localized:
        """The verification's title in both languages."""
        return Localized(fr=self.fr, en=self.en)

    def for_version(self, version: str) -> tuple[int, ...]:
        """The indicators this verification serves in ``version`` (empty if none)."""
        return self.indicators.get(version, self.indicators.get("both", ()))


@cache
def verifications() -> dict[str, Verification]:
    """Every known verification, by slug."""
    text = files(__package__).joinpath("verifications.yaml").read_text(encoding="utf-8")
    data, _ = load_yaml(text, packaged=True)
    known = {*referential_ids(), "both"}
    result = {}
    for slug, entry in data.items():
        try:
            verification = Verification.model_validate({"slug": slug, **entry})
        except ValidationError as exc:
            raise ReferentialError(Localized.same(f"verifications.yaml: {slug}: {exc}")) from None
        if set(verification.indicators) - known:
            raise ReferentialError(Localized.same(f"verifications.yaml: {slug}: unknown version"))
        result[slug] = verification
    return result


def indicators_for(slugs: tuple[str, ...], version: str) -> tuple[int, ...]:
    """The indicators that ``slugs`` serve in ``version``; :class:`KeyError` for an unknown slug."""
    table = verifications()
    numbers: set[int] = set()
    for slug in slugs:
        numbers.update(table[slug].for_version(version))
    return tuple(sorted(numbers))
