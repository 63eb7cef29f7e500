"""``rnq init``: a commented, valid ``rnq.yaml`` and a folder per criterion and indicator."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import rnq
from rnq.cli import main
from rnq.errors import UsageError
from rnq.workspace.scaffold import REFERENTIAL, indicator_folder, init_workspace, rnq_yaml_text


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_init_writes_a_loadable_commented_config_and_a_readme_per_indicator(
    tmp_path: Path, lang: str
) -> None:
    written = init_workspace(tmp_path / "ws", lang=lang)  # type: ignore[arg-type]
    workspace = rnq.load(tmp_path / "ws")
    assert [u.id for u in workspace.config.units if u.central] == ["siege"]
    text = (tmp_path / "ws" / "rnq.yaml").read_text(encoding="utf-8")
    assert text == rnq_yaml_text(lang)  # type: ignore[arg-type]
    assert sum(line.lstrip().startswith("#") for line in text.splitlines()) >= 10
    referential = rnq.get_referential(REFERENTIAL)
    readmes = sorted(p for p in written if p.name == "README.md")
    assert len(readmes) == len(referential.indicators) == 33
    for indicator in referential.indicators:
        folder = tmp_path / "ws" / indicator_folder(indicator)
        assert folder.parent.name == f"critere-{indicator.criterion}"
        assert rnq.collect.mapping.indicators_in_path(indicator_folder(indicator)) == (
            indicator.number,
        )
        readme = (folder / "README.md").read_text(encoding="utf-8")
        assert indicator.wording in readme
        examples = (
            indicator.evidence_examples.fr if lang == "fr" else indicator.evidence_examples.en
        )
        assert all(example in readme for example in examples)


def test_the_skeleton_maps_nothing_and_a_dropped_file_maps_to_its_folder(tmp_path: Path) -> None:
    code, out, err = run("init", str(tmp_path / "ws"))
    assert (code, err) == (0, "")
    assert "34" in out
    code, out, _ = run("evidence", str(tmp_path / "ws"), "--json")
    doc = json.loads(out)
    assert (doc["evidence"], doc["unmapped"], doc["errors"]) == ([], [], [])

    folder = tmp_path / "ws" / indicator_folder(rnq.get_referential(REFERENTIAL).indicators[30])
    (folder / "procedure.md").write_text("# Procédure de traitement\n", encoding="utf-8")
    code, out, _ = run("evidence", str(tmp_path / "ws"), "--json")
    [item] = json.loads(out)["evidence"]
    assert item["path"].endswith("procedure.md") and item["indicators"] == [31]


def test_init_refuses_to_overwrite_an_existing_config(tmp_path: Path) -> None:
    (tmp_path / "rnq.yaml").write_text("version: 1  # mine\n", encoding="utf-8")
    code, out, err = run("init", str(tmp_path))
    assert code == 2 and "--force" in err and out == ""
    assert (tmp_path / "rnq.yaml").read_text(encoding="utf-8") == "version: 1  # mine\n"
    assert not (tmp_path / "siege").exists()
    with pytest.raises(UsageError):
        init_workspace(tmp_path)


def test_force_replaces_the_config_and_deletes_nothing(tmp_path: Path) -> None:
    init_workspace(tmp_path)
    (tmp_path / "rnq.yaml").write_text("version: 1  # mine\n", encoding="utf-8")
    mine = tmp_path / "siege" / "critere-7" / "notes.txt"
    mine.write_text("à garder", encoding="utf-8")
    code, _, _ = run("init", str(tmp_path), "--force", "--lang", "en")
    assert code == 0
    assert (tmp_path / "rnq.yaml").read_text(encoding="utf-8") == rnq_yaml_text("en")
    assert mine.read_text(encoding="utf-8") == "à garder"


def test_init_into_a_file_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "f").write_text("x", encoding="utf-8")
    code, _, err = run("init", str(tmp_path / "f"))
    assert code == 2 and "f" in err
