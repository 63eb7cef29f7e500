"""The published documentation stays true to the code."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import REPO


def _gen_schemas():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("gen_schemas", REPO / "tools" / "gen_schemas.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_published_schemas_are_up_to_date() -> None:
    for name, text in _gen_schemas().rendered().items():
        published = REPO / "docs" / "schemas" / name
        assert published.is_file(), f"run python tools/gen_schemas.py ({name} missing)"
        assert published.read_text(encoding="utf-8") == text, (
            f"{name} is stale: run tools/gen_schemas.py"
        )


def test_readme_starts_with_the_two_commands() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(.*?)\n```", readme, flags=re.S)
    assert len(blocks) >= 2
    assert re.search(r"pip install -e '?\.(\[fast\])?'? ", blocks[0])
    assert "rnq check --example" in blocks[0]  # the example (evidence/), only on request
    assert "pytest" in blocks[1] and ".[dev]" in blocks[1]
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "python -m pytest -q -n auto" in ci
    assert "python -m pytest -q -n auto" in blocks[1]


def test_every_doc_link_in_readme_exists() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for target in re.findall(r"\]\(((?:docs|src)/[^)#]+)\)", readme):
        assert Path(REPO / target).exists(), target


# --- The user guides and the API page (docs/guide.*.md, docs/api.md) ------------------------

_DOC_FILES = [*sorted((REPO / "docs").glob("*.md")), REPO / "README.md"]
_LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
_FENCE = re.compile(r"^```.*?^```", flags=re.S | re.M)


def _without_code(text: str) -> str:
    return _FENCE.sub("", text)


def _slugs(path: Path) -> set[str]:
    """GitHub's heading anchors of a Markdown file (lower case, punctuation dropped, spaces to
    hyphens, ``-1``, ``-2``… for repeated headings)."""
    slugs: set[str] = set()
    for heading in re.findall(r"^#{1,6}\s+(.+?)\s*$", _without_code(path.read_text("utf-8")), re.M):
        slug = re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")
        candidate, n = slug, 0
        while candidate in slugs:
            n += 1
            candidate = f"{slug}-{n}"
        slugs.add(candidate)
    return slugs


def test_every_relative_link_in_the_docs_and_readme_exists() -> None:
    broken = []
    for doc in _DOC_FILES:
        for target in _LINK.findall(_without_code(doc.read_text(encoding="utf-8"))):
            if re.match(r"[a-z]+:", target):  # https:, mailto:
                continue
            file_part, _, anchor = target.partition("#")
            linked = (doc.parent / file_part).resolve() if file_part else doc
            if not linked.exists():
                broken.append(f"{doc.relative_to(REPO)}: {target}")
            elif anchor and linked.suffix == ".md" and anchor not in _slugs(linked):
                broken.append(f"{doc.relative_to(REPO)}: {target} (no such heading)")
    assert broken == []


def test_every_public_name_is_documented_in_api_md() -> None:
    import rnq

    api = (REPO / "docs" / "api.md").read_text(encoding="utf-8")
    missing = [name for name in rnq.__all__ if not re.search(rf"\brnq\.{name}\b", api)]
    assert missing == []


def test_every_command_appears_in_both_guides() -> None:
    import click

    from rnq.cli import main

    context = click.Context(main)
    commands = [
        name
        for name in main.list_commands(context)
        if not (command := main.get_command(context, name)) or not command.hidden
    ]
    assert {"check", "init", "sample", "calendar", "diff"} <= set(commands)
    for guide in ("guide.fr.md", "guide.en.md"):
        text = (REPO / "docs" / guide).read_text(encoding="utf-8")
        missing = [name for name in commands if not re.search(rf"\brnq {name}\b", text)]
        assert missing == [], guide


def test_the_api_examples_run_as_documented(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every ``pycon`` block of docs/api.md, in order, is one doctest session on evidence/."""
    import doctest
    import tempfile

    monkeypatch.chdir(REPO)
    monkeypatch.setenv("RNQ_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("RNQ_DISABLE_PLUGIN_AUTOLOAD", "1")
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    text = (REPO / "docs" / "api.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^```pycon\n(.*?)^```", text, flags=re.S | re.M)
    assert len(blocks) >= 10
    test = doctest.DocTestParser().get_doctest(
        "\n".join(blocks), {}, "docs/api.md", str(REPO / "docs" / "api.md"), 0
    )
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    report: list[str] = []
    runner.run(test, out=report.append)
    assert runner.failures == 0, "".join(report)
    assert runner.tries == len(test.examples) > 50


def test_import_rnq_stays_light_and_every_export_resolves() -> None:
    code = (
        "import sys, rnq\n"
        "heavy = ('jinja2', 'markdown_it', 'xlsxwriter', 'rnq.render.html', 'rnq.render.diff',\n"
        "         'rnq.workspace.scaffold', 'rnq.render.tables')\n"
        "print([m for m in heavy if m in sys.modules])\n"
        "print([n for n in rnq.__all__ if getattr(rnq, n, None) is None])\n"
        "print(sorted(set(rnq.__all__) - set(dir(rnq))))\n"
        "print('jinja2' in sys.modules, hasattr(rnq, 'no_such_name'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO
    )
    assert result.stdout.splitlines() == ["[]", "[]", "[]", "True False"]
