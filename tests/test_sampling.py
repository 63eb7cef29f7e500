"""Mock-audit sampling: site counts per audit type, the central function, surveillance's fresh
site, offerings per category, and seeds reproducible run to run (reference/rnq.md §5.5)."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from typing import Any

import pytest

from rnq.rehearsal.sampling import (
    AuditType,
    nearest_sqrt,
    sample_audit,
    sample_offerings,
    sample_sites,
    sample_text,
    site_sample_size,
)
from rnq.workspace.config import WorkspaceConfig

EXPECTED = {  # n sites → sites sampled at each audit type (√n; 0.6 × √n), nearest, at least 1
    1: {"initial": 1, "renewal": 1, "surveillance": 1},
    4: {"initial": 2, "renewal": 2, "surveillance": 1},
    9: {"initial": 3, "renewal": 3, "surveillance": 2},
    16: {"initial": 4, "renewal": 4, "surveillance": 2},
}


def config(
    n_sites: int,
    *,
    central: bool = False,
    audited_last: tuple[int, ...] = (),
    offerings: dict[str, list[dict[str, Any]]] | None = None,
    categories: tuple[str, ...] = ("AF",),
    declare_sites: bool = True,
) -> WorkspaceConfig:
    """A workspace of ``n_sites`` sites, one unit each (``u00`` central when asked)."""
    units: list[dict[str, Any]] = []
    sites: list[dict[str, Any]] = []
    for i in range(n_sites):
        unit_id = f"u{i:02d}"
        units.append(
            {
                "id": unit_id,
                "name": f"Unité {i}",
                "central": central and i == 0,
                "offerings": (offerings or {}).get(unit_id, []),
            }
        )
        sites.append({"id": f"s{i:02d}", "units": [unit_id], "audited_last": i in audited_last})
    data: dict[str, Any] = {
        "version": 1,
        "organization": {"name": "Test"},
        "categories": list(categories),
        "units": units,
    }
    if declare_sites:
        data["sites"] = sites
    return WorkspaceConfig.model_validate(data)


@pytest.mark.parametrize("n", sorted(EXPECTED))
@pytest.mark.parametrize("audit_type", ["initial", "renewal", "surveillance"])
def test_site_counts_follow_the_rule(n: int, audit_type: AuditType) -> None:
    expected = EXPECTED[n][audit_type]
    assert site_sample_size(n, audit_type) == expected
    result = sample_sites(config(n), audit_type, seed=1)
    assert result.total == n
    assert result.count == expected
    assert len(result.sites) == expected  # no central function: the sample is all there is
    assert len(set(result.ids)) == expected
    assert all(site.reason in ("random", "all", "not_audited_last") for site in result.sites)


@pytest.mark.parametrize("n", [4, 9, 16])
@pytest.mark.parametrize("audit_type", ["initial", "renewal", "surveillance"])
def test_central_function_is_always_audited_on_top_of_the_sample(
    n: int, audit_type: AuditType
) -> None:
    for seed in range(20):
        result = sample_sites(config(n, central=True), audit_type, seed=seed)
        assert result.sites[0].id == "s00"
        assert result.sites[0].central and result.sites[0].reason == "central"
        drawn = [s for s in result.sites if not s.central]
        assert len(drawn) == EXPECTED[n][audit_type]
        assert "u00" in result.units


def test_single_central_site_is_the_whole_audit() -> None:
    result = sample_sites(config(1, central=True), "surveillance", seed=3)
    assert result.ids == ("s00",)
    assert result.count == 1


def test_rounding_is_nearest_and_never_a_tie() -> None:
    for n in range(1, 5000):
        for factor, surveillance in ((1.0, False), (0.6, True)):
            exact = factor * math.sqrt(n)
            assert abs(exact - math.floor(exact) - 0.5) > 1e-9  # no half: no tie rule needed
            assert nearest_sqrt(n, surveillance=surveillance) == math.floor(exact + 0.5), n
    assert nearest_sqrt(0) == 0
    assert site_sample_size(2, "surveillance") == 1  # 0.85 → 1
    assert site_sample_size(3, "initial") == 2  # 1.73 → 2
    assert site_sample_size(25, "surveillance") == 3


def test_surveillance_includes_a_site_not_audited_last_time() -> None:
    every_but_one = tuple(i for i in range(16) if i != 11)
    for seed in range(40):
        result = sample_sites(config(16, audited_last=every_but_one), "surveillance", seed=seed)
        assert "s11" in result.ids
        fresh = next(s for s in result.sites if s.id == "s11")
        assert fresh.reason == "not_audited_last"
        assert not any("audited_last" in note for note in result.notes)


def test_surveillance_notes_when_no_site_is_fresh_or_none_is_marked() -> None:
    everything = sample_sites(config(4, audited_last=(0, 1, 2, 3)), "surveillance", seed=1)
    assert any("audited_last" in note for note in everything.notes)
    unknown = sample_sites(config(4), "surveillance", seed=1)
    assert any("audited_last: true" in note for note in unknown.provisional)
    initial = sample_sites(config(4), "initial", seed=1)
    assert not any("audited_last: true" in note for note in initial.provisional)


def test_same_seed_same_sample_other_seeds_differ() -> None:
    first = sample_sites(config(16), "initial", seed=42)
    again = sample_sites(config(16), "initial", seed=42)
    assert first == again
    draws = {sample_sites(config(16), "initial", seed=seed).ids for seed in range(30)}
    assert len(draws) > 5


def test_seed_is_reproducible_across_processes() -> None:
    code = (
        "import json, sys\n"
        "from tests.test_sampling import config\n"
        "from rnq.rehearsal.sampling import sample_sites\n"
        "print(json.dumps(sample_sites(config(16), 'initial', seed=42).ids))\n"
    )
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    outputs = set()
    for hash_seed in ("0", "1", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        done = subprocess.run(
            [sys.executable, "-c", code],
            cwd=here,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        outputs.add(done.stdout.strip())
    assert len(outputs) == 1
    assert tuple(json.loads(outputs.pop())) == sample_sites(config(16), "initial", seed=42).ids


def test_default_sites_are_one_per_unit() -> None:
    result = sample_sites(config(4, central=True, declare_sites=False), "initial", seed=2)
    assert not result.declared
    assert result.total == 4
    assert result.sites[0].id == "u00"  # the site is named after its unit
    assert any("un site par unité" in note for note in result.notes)
    english = sample_sites(
        config(4, central=True, declare_sites=False), "initial", seed=2, lang="en"
    )
    assert any("one site per unit" in note for note in english.notes)
    assert english.ids == result.ids


def test_missing_central_function_is_noted() -> None:
    result = sample_sites(config(4), "initial", seed=2)
    assert any("central: true" in note for note in result.notes)
    with_central = sample_sites(config(4, central=True), "initial", seed=2)
    assert not any("central: true" in note for note in with_central.notes)


def _offerings(
    unit: str, count: int, *, certifying: tuple[int, ...] = (), category: str = "AF"
) -> list[dict[str, Any]]:
    return [
        {
            "id": f"{unit}-o{i}",
            "title": f"Offre {i}",
            "category": category,
            "certification": "RNCP0001" if i in certifying else None,
        }
        for i in range(count)
    ]


def test_offerings_sampled_per_category_certifying_first_spread_over_units() -> None:
    offerings = {
        "u00": _offerings("u00", 4),
        "u01": _offerings("u01", 6, certifying=(5,)),
        "u02": _offerings("u02", 6) + _offerings("u02b", 4, category="BC"),
    }
    cfg = config(3, offerings=offerings, categories=("AF", "BC"))
    for seed in range(25):
        result = sample_offerings(cfg, ["u00", "u01", "u02"], seed)
        af, bc = result.categories
        assert (af.category, af.candidates, af.count) == ("AF", 16, 4)
        assert (bc.category, bc.candidates, bc.count) == ("BC", 4, 2)
        assert "u01-o5" in {o.id for o in af.offerings}  # the only certifying offering
        assert {o.unit for o in af.offerings} == {"u00", "u01", "u02"}  # spread over units
        assert all(o.category == "BC" for o in bc.offerings)
    assert sample_offerings(cfg, ["u00", "u01", "u02"], 9) == sample_offerings(
        cfg, ["u00", "u01", "u02"], 9
    )


def test_offerings_come_from_audited_units_else_elsewhere_with_a_note() -> None:
    offerings = {"u01": _offerings("u01", 4), "u02": _offerings("u02", 9, category="BC")}
    cfg = config(3, offerings=offerings, categories=("AF", "BC"))
    result = sample_offerings(cfg, ["u00", "u01"], seed=4)
    af, bc = result.categories
    assert all(o.unit == "u01" for o in af.offerings)
    assert af.count == 2
    assert bc.candidates == 9 and bc.count == 3  # none in the audited units: taken elsewhere
    assert any(note.startswith("BC") for note in result.notes)
    assert result.provisional  # no official offering count


def test_category_without_offering_is_noted() -> None:
    result = sample_offerings(config(2, categories=("AF", "VAE")), ["u00", "u01"], seed=1)
    assert [c.count for c in result.categories] == [0, 0]
    assert len(result.notes) == 2


def test_sample_audit_defaults_to_the_workspace_audit_type_and_renders() -> None:
    cfg = config(9, central=True, offerings={"u03": _offerings("u03", 3)})
    cfg = cfg.model_copy(update={"audit": cfg.audit.model_copy(update={"type": "surveillance"})})
    sample = sample_audit(cfg, seed=11)
    assert sample.audit_type == "surveillance"
    assert sample.sites.count == 2
    assert sample_audit(cfg, seed=11, audit_type="renewal").sites.count == 3
    text = sample_text(sample)
    assert "graine 11" in text and "--seed 11" in text
    assert "0,6 × √9" in text
    for site_id in sample.sites.ids:
        assert site_id in text
    english = sample_text(sample_audit(cfg, seed=11, lang="en"), "en")
    assert "seed 11" in english and "0.6 × √9 = 1.80" in english
