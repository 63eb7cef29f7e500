"""rnq.yaml: the model of SPEC §3, and errors that name the file, the line and the key."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from rnq.errors import ConfigError
from rnq.workspace.applicable import applicable_indicators, choose_referential
from rnq.workspace.config import load, profile_of

from .conftest import EXAMPLE, MINIMAL


def test_example_workspace_loads() -> None:
    workspace = load(EXAMPLE)
    config = workspace.config
    assert config.certifying
    assert [u.id for u in config.units] == ["siege", "pro", "langues", "scolaire"]
    assert config.units[0].central
    referential = choose_referential(workspace=workspace)
    assert referential.id == "rnq-2026"  # audit on 2026-12-15
    decisions = applicable_indicators(workspace, referential)
    applicable = {d.number for d in decisions if d.applicable}
    # AF, certifying, work situation (28), no alternance (13), 27 declared not applicable.
    assert applicable == set(range(1, 33)) - {13, 14, 15, 20, 27, 29}
    declared = next(d for d in decisions if d.number == 27)
    assert declared.declared and "sous-traitance" in declared.reason.fr


def test_defaults(write_workspace: Callable[..., Path]) -> None:
    config = load(write_workspace()).config
    assert config.activity.long_trainings is True
    assert config.activity.alternance is False
    assert config.audit.type == "initial"
    assert config.owners.default == "Direction qualité"
    assert profile_of(config).conditions == {"long_trainings"}


def test_certifying_is_derived_from_offerings(write_workspace: Callable[..., Path]) -> None:
    config = load(
        write_workspace(
            MINIMAL
            + "  - id: pro\n    name: Pro\n    offerings:\n"
            + '      - {id: cap, title: "CAP", certification: "RNCP1"}\n'
        )
    ).config
    assert config.activity.certifying is False
    assert "certifying" in profile_of(config).conditions


def _error(write_workspace: Callable[..., Path], text: str) -> ConfigError:
    with pytest.raises(ConfigError) as info:
        load(write_workspace(text))
    return info.value


def test_unknown_key_names_file_line_key_and_hint(write_workspace: Callable[..., Path]) -> None:
    error = _error(write_workspace, MINIMAL + "activty: {alternance: true}\n")
    assert error.line == 6
    assert error.key == "activty"
    assert error.path.endswith("rnq.yaml")
    assert error.hint is not None and "activity" in error.hint.fr
    assert error.exit_code == 2
    assert "rnq.yaml:6" in error.message("fr")


def test_unknown_nested_key(write_workspace: Callable[..., Path]) -> None:
    error = _error(
        write_workspace,
        MINIMAL + "audit:\n  type: renewal\n  dat: 2026-12-15\n",
    )
    assert error.key == "audit.dat"
    assert error.line == 8
    assert error.hint is not None and "date" in error.hint.en


def test_not_applicable_needs_a_justification(write_workspace: Callable[..., Path]) -> None:
    error = _error(write_workspace, MINIMAL + 'not_applicable:\n  27: "  "\n')
    assert error.key == "not_applicable.27"
    assert "justification" in error.message("en")
    error = _error(write_workspace, MINIMAL + 'not_applicable:\n  34: "pas concerné"\n')
    assert "34" in error.message("en")


def test_yaml_tags_that_build_objects_are_refused(write_workspace: Callable[..., Path]) -> None:
    error = _error(write_workspace, MINIMAL + "checks: !!python/object/apply:os.system [ls]\n")
    assert error.line == 6
    assert "tag" in error.message("en")


def test_duplicate_keys_are_refused(write_workspace: Callable[..., Path]) -> None:
    error = _error(write_workspace, MINIMAL + "categories: [BC]\n")
    assert error.line == 6
    assert "duplicate" in error.message("en")


def test_paths_must_stay_inside(write_workspace: Callable[..., Path]) -> None:
    error = _error(write_workspace, MINIMAL + "checks: [../elsewhere]\n")
    assert error.key is not None and error.key.startswith("checks")


def test_offering_category_must_be_declared(write_workspace: Callable[..., Path]) -> None:
    text = (
        MINIMAL
        + "  - id: b\n    name: B\n    offerings:\n      - {id: x, title: X, category: CFA}\n"
    )
    error = _error(write_workspace, text)
    assert "CFA" in error.message("en")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as info:
        load(tmp_path)
    assert info.value.hint is not None


def test_impossible_date_is_a_config_error_with_line(write_workspace: Callable[..., Path]) -> None:
    error = _error(write_workspace, MINIMAL + "audit: {type: renewal, date: 2026-02-30}\n")
    assert error.line == 6
    assert error.exit_code == 2
