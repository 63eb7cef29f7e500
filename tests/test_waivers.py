"""Waivers: the strict file format, matching, expiry, and their effect on the report."""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from rnq.errors import ConfigError
from rnq.referential.loader import get_referential
from rnq.verdict.waivers import Waiver, apply_waivers, load_waivers
from rnq.workspace.config import load

from .conftest import MINIMAL
from .test_verdict import AUDIT, REFERENTIAL, TODAY, finding, report, with_gaps

VALID = """\
- indicator: 26
  unit: pro
  justification: "Référente handicap recrutée, prise de poste le 2 janvier."
  approver: "Directrice qualité"
  expires: 2027-01-31
- indicator: 0
  justification: "Nouveau site en ligne le 1er décembre, affichage prévu."
  approver: "Direction générale"
  expires: 2026-12-01
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "waivers.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def error(tmp_path: Path, text: str, **kwargs: object) -> ConfigError:
    with pytest.raises(ConfigError) as info:
        load_waivers(write(tmp_path, text), **kwargs)  # type: ignore[arg-type]
    assert info.value.exit_code == 2
    return info.value


def waiver(**changes: object) -> Waiver:
    data: dict[str, object] = {
        "indicator": 26,
        "justification": "Plan d'action validé",
        "approver": "Directrice qualité",
        "expires": dt.date(2027, 1, 31),
        **changes,
    }
    return Waiver.model_validate(data)


# --- the file --------------------------------------------------------------------------------


def test_valid_file_loads(tmp_path: Path) -> None:
    waivers = load_waivers(write(tmp_path, VALID), referential=REFERENTIAL, units=["pro"])
    assert [(w.indicator, w.unit, w.expires) for w in waivers] == [
        (26, "pro", dt.date(2027, 1, 31)),
        (0, None, dt.date(2026, 12, 1)),
    ]


def test_empty_file_has_no_waiver(tmp_path: Path) -> None:
    assert load_waivers(write(tmp_path, "# rien pour l'instant\n")) == ()


def test_unknown_key_names_file_line_key_and_hint(tmp_path: Path) -> None:
    exc = error(tmp_path, VALID + "- indicator: 2\n  justifcation: x\n  approver: y\n")
    assert exc.line == 11 and exc.key == "justifcation"
    assert exc.path.endswith("waivers.yaml")
    assert exc.hint is not None and "justification" in exc.hint.fr
    assert "waivers.yaml:11" in exc.message("fr") and "clé inconnue" in exc.message("fr")


@pytest.mark.parametrize("key", ["justification", "approver"])
def test_justification_and_approver_are_required(tmp_path: Path, key: str) -> None:
    lines = [
        "- indicator: 2",
        "  justification: Une raison",
        "  approver: Direction",
        "  expires: 2027-01-01",
    ]
    missing = "\n".join(line for line in lines if not line.strip().startswith(key)) + "\n"
    exc = error(tmp_path, missing)
    assert exc.key == key and exc.line == 1
    assert f"« {key} » est obligatoire" in exc.message("fr")
    blank = "\n".join(f"  {key}: '   '" if line.strip().startswith(key) else line for line in lines)
    exc = error(tmp_path, blank + "\n")
    assert exc.key == key and exc.line == (2 if key == "justification" else 3)


def test_indicator_absent_from_the_referential(tmp_path: Path) -> None:
    text = "- {indicator: 33, justification: x, approver: y, expires: 2027-01-01}\n"
    exc = error(tmp_path, "\n" + text, referential=get_referential("rnq-2019-v9"))
    assert exc.key == "indicator" and exc.line == 2
    assert "33" in exc.message("en") and "rnq-2019-v9" in exc.message("en")
    exc = error(tmp_path, text.replace("33", "34"))
    assert exc.key == "indicator"


def test_unknown_unit_or_offering(tmp_path: Path) -> None:
    text = "- {indicator: 2, unit: pr, justification: x, approver: y, expires: 2027-01-01}\n"
    exc = error(tmp_path, text, units=["pro", "siege"])
    assert exc.key == "unit" and exc.line == 1
    assert exc.hint is not None and "pro, siege" in exc.hint.fr


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("- indicator: 2\n  approver: [unclosed\n", 2, "YAML"),
        ("indicator: 2\n", 1, "liste"),
        ("- !!python/object/apply:os.system [ls]\n", 1, "étiquette"),
        ("- {indicator: 2, indicator: 3}\n", 1, "double"),
        ("- 26\n", 1, "table de clés"),
        ("- {indicator: 2, justification: x, approver: y, expires: demain}\n", 1, "expires"),
    ],
)
def test_bad_files_stop_the_run(tmp_path: Path, text: str, line: int, words: str) -> None:
    exc = error(tmp_path, text)
    assert exc.line == line
    assert words in exc.message("fr")


def test_waivers_of_a_workspace(write_workspace: Callable[..., Path]) -> None:
    config = MINIMAL + "waivers: waivers.yaml\n"
    root = write_workspace(config, {"waivers.yaml": VALID.replace("unit: pro", "unit: siege")})
    waivers = load_waivers(load(root), referential=REFERENTIAL)
    assert len(waivers) == 2
    root = write_workspace(config, {"waivers.yaml": VALID})
    with pytest.raises(ConfigError) as info:
        load_waivers(load(root), referential=REFERENTIAL)
    assert info.value.key == "unit" and info.value.path == str(root / "waivers.yaml")
    assert load_waivers(load(write_workspace())) == ()


def test_missing_waivers_file(write_workspace: Callable[..., Path]) -> None:
    root = write_workspace(MINIMAL + "waivers: absent.yaml\n")
    with pytest.raises(ConfigError) as info:
        load_waivers(load(root))
    assert info.value.path.endswith("absent.yaml") and info.value.hint is not None


# --- matching and expiry ---------------------------------------------------------------------


def test_a_waiver_matches_by_indicator_and_optional_filters() -> None:
    gap = finding(26, "gap", unit="pro", offering="cap", check="check_i26")
    assert waiver().matches(gap)
    assert waiver(unit="pro", offering="cap", check="check_i26").matches(gap)
    assert not waiver(unit="langues").matches(gap)
    assert not waiver(offering="paie").matches(gap)
    assert not waiver(check="check_other").matches(gap)
    assert not waiver(indicator=2).matches(gap)


def test_a_waived_gap_shows_justification_approver_and_expiry() -> None:
    (result,) = apply_waivers([finding(26, "gap")], [waiver()], today=TODAY, audit_date=AUDIT)
    assert result.outcome == "waived"
    assert "Directrice qualité" in result.message.fr and "31/01/2027" in result.message.fr
    assert "Plan d'action validé" in result.message.fr
    assert "2027-01-31" in result.message.en
    assert result.id == finding(26, "gap").id


def test_only_gaps_are_waived() -> None:
    found = [finding(26), finding(26, "not_verified", unit="pro")]
    assert apply_waivers(found, [waiver()], today=TODAY) == found


def test_an_expired_waiver_leaves_the_gap() -> None:
    expired = waiver(expires=dt.date(2026, 11, 1))
    (result,) = apply_waivers([finding(26, "gap")], [expired], today=TODAY)
    assert result.outcome == "gap"
    assert "a expiré le 01/11/2026" in result.message.fr
    assert "expired on 2026-11-01" in result.message.en
    # It still holds on its expiry day.
    (result,) = apply_waivers([finding(26, "gap")], [expired], today=dt.date(2026, 11, 1))
    assert result.outcome == "waived"


def test_a_waiver_ending_before_the_audit_is_flagged() -> None:
    short = waiver(expires=dt.date(2026, 12, 1))
    (result,) = apply_waivers([finding(26, "gap")], [short], today=TODAY, audit_date=AUDIT)
    assert result.outcome == "waived"
    assert "expire avant l'audit du 15/12/2026" in result.message.fr


def test_an_active_waiver_wins_over_an_expired_one() -> None:
    old = waiver(unit="siege", expires=dt.date(2026, 1, 1), approver="Ancien directeur")
    current = waiver(approver="Directrice qualité")
    (result,) = apply_waivers([finding(26, "gap")], [old, current], today=TODAY)
    assert result.outcome == "waived" and "Directrice qualité" in result.message.fr


# --- effect on the report --------------------------------------------------------------------


def test_a_waived_indicator_is_neither_nc_nor_in_the_plan() -> None:
    result = report(with_gaps(finding(26, "gap", unit="pro")), waivers=[waiver(unit="pro")])
    twenty_six = result.indicator(26)
    assert twenty_six.status == "waived" and twenty_six.units == {"pro": "waived"}
    assert twenty_six.findings[0].outcome == "waived"
    assert result.summary.waived == 1 and result.summary.nc_major == 0
    assert result.summary.certifiable is True
    assert result.action_plan == ()


def test_an_expired_waiver_keeps_the_nc() -> None:
    expired = waiver(expires=dt.date(2026, 10, 31))
    result = report(with_gaps(finding(26, "gap")), waivers=[expired])
    assert result.indicator(26).status == "nc_major"
    assert result.summary.certifiable is False
    (item,) = result.action_plan
    assert "a expiré le 31/10/2026" in item.what


def test_a_partly_waived_indicator_keeps_the_rest_of_its_nc() -> None:
    gaps = (finding(2, "gap", unit="pro"), finding(2, "gap", unit="langues"))
    result = report(with_gaps(*gaps), waivers=[waiver(indicator=2, unit="pro")])
    two = result.indicator(2)
    assert two.units == {"langues": "nc_minor", "pro": "waived"}
    assert two.status == "nc_minor"
    assert [(i.indicator, i.unit) for i in result.action_plan] == [(2, "langues")]
