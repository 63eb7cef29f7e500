"""The workspace walker: ignore globs, symlinks, loops, odd names, sizes; read-only."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from rnq.extract import extract_file
from rnq.workspace.walk import compile_ignore, printable_name, walk


def _tree(root: Path, names: list[str]) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(name, encoding="utf-8")


def _digest(root: Path) -> str:
    h = hashlib.sha256()
    for dirpath, dirnames, filenames in sorted(os.walk(root)):
        dirnames.sort()
        h.update(dirpath.encode("utf-8", "surrogateescape"))
        for name in sorted(filenames):
            path = os.path.join(dirpath, name)
            h.update(name.encode("utf-8", "surrogateescape"))
            if not os.path.islink(path):
                h.update(Path(path).read_bytes())
    return h.hexdigest()


def test_sorted_relative_posix_paths(tmp_path: Path) -> None:
    _tree(tmp_path, ["b.txt", "a/z.md", "a/b/c.pdf", "A.txt"])
    result = walk(tmp_path)
    assert [rel for rel, _ in result.files] == ["A.txt", "a/b/c.pdf", "a/z.md", "b.txt"]
    for rel, absolute in result.files:
        assert absolute.is_absolute()
        assert absolute.read_text(encoding="utf-8") == rel
    assert result.problems == []


def test_ignore_globs(tmp_path: Path) -> None:
    _tree(
        tmp_path,
        [
            "pro/~$brouillon.docx",
            "pro/.DS_Store",
            "pro/ok.docx",
            ".DS_Store",
            "brouillons/x.md",
            "pro/brouillons/y.md",
            "tmp/a.md",
            "pro/tmp/b.md",
            "notes.bak",
        ],
    )
    ignore = ["**/~$*", "**/.DS_Store", "/brouillons/", "tmp", "*.bak", "# commentaire", ""]
    result = walk(tmp_path, ignore)
    assert [rel for rel, _ in result.files] == ["pro/brouillons/y.md", "pro/ok.docx"]


def test_ignore_patterns_semantics() -> None:
    files_re, dirs_re = compile_ignore(["docs/*.md", "a?c", "[!x]y", "logs/"])
    assert files_re.match("docs/a.md")
    assert not files_re.match("docs/sub/a.md")
    assert not files_re.match("x/docs/a.md")
    assert files_re.match("deep/abc")
    assert not files_re.match("a/c")
    assert files_re.match("zy")
    assert not files_re.match("xy")
    assert not files_re.match("logs")  # directory-only pattern
    assert dirs_re.match("sub/logs")


def test_symlink_out_of_root_is_not_followed(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    outside = tmp_path / "dehors"
    _tree(outside, ["secret.txt", "d/autre.txt"])
    _tree(root, ["ok.txt"])
    (root / "lien.txt").symlink_to(outside / "secret.txt")
    (root / "dossier").symlink_to(outside / "d")
    (root / "relatif").symlink_to("../dehors")
    result = walk(root)
    assert [rel for rel, _ in result.files] == ["ok.txt"]
    assert {p.path for p in result.problems} == {"dossier", "lien.txt", "relatif"}
    assert all("extérieur" in p.message.fr for p in result.problems)


def test_symlinks_inside_root_are_followed(tmp_path: Path) -> None:
    _tree(tmp_path, ["vrai/a.txt", "b.txt"])
    (tmp_path / "alias").symlink_to(tmp_path / "vrai")
    (tmp_path / "c.txt").symlink_to("b.txt")
    result = walk(tmp_path)
    assert [rel for rel, _ in result.files] == ["alias/a.txt", "b.txt", "c.txt", "vrai/a.txt"]
    assert result.problems == []


def test_symlink_loops_are_recorded(tmp_path: Path) -> None:
    _tree(tmp_path, ["d/a.txt"])
    (tmp_path / "d" / "parent").symlink_to(tmp_path)
    (tmp_path / "d" / "soi").symlink_to(".")
    (tmp_path / "x").symlink_to("y")
    (tmp_path / "y").symlink_to("x")
    (tmp_path / "casse").symlink_to("nulle-part")
    result = walk(tmp_path)
    assert [rel for rel, _ in result.files] == ["d/a.txt"]
    messages = {p.path: p.message.en for p in result.problems}
    assert set(messages) == {"casse", "d/parent", "d/soi", "x", "y"}
    assert "loop" in messages["d/parent"]
    assert "loop" in messages["d/soi"]
    assert "loop" in messages["x"]
    assert "broken" in messages["casse"]


def test_non_utf8_name(tmp_path: Path) -> None:
    raw = os.path.join(os.fsencode(tmp_path), b"r\xe9sultats-2024.txt")
    with open(raw, "wb") as handle:
        handle.write(b"Taux de satisfaction 92 %")
    (tmp_path / "saut\nligne.txt").write_text("x", encoding="utf-8")
    result = walk(tmp_path)
    keys = [rel for rel, _ in result.files]
    assert keys == ["r\\xe9sultats-2024.txt", "saut\\x0aligne.txt"]
    for rel in keys:
        rel.encode("utf-8")  # printable, encodable keys
    absolute = result.files[0][1]
    assert absolute.read_bytes() == b"Taux de satisfaction 92 %"
    assert extract_file(absolute).text == "Taux de satisfaction 92 %"
    assert [p.path for p in result.problems] == keys
    assert printable_name("Référente handicap.md") == ("Référente handicap.md", False)


def test_oversized_files_are_listed_and_recorded(tmp_path: Path) -> None:
    _tree(tmp_path, ["petit.txt"])
    (tmp_path / "gros.txt").write_bytes(b"x" * 5000)
    result = walk(tmp_path, max_file_bytes=1000)
    assert [rel for rel, _ in result.files] == ["gros.txt", "petit.txt"]
    assert [p.path for p in result.problems] == ["gros.txt"]
    assert "trop volumineux" in result.problems[0].message.fr


def test_fifo_is_skipped(tmp_path: Path) -> None:
    _tree(tmp_path, ["a.txt"])
    os.mkfifo(tmp_path / "tube")
    assert [rel for rel, _ in walk(tmp_path).files] == ["a.txt"]


def test_missing_root(tmp_path: Path) -> None:
    result = walk(tmp_path / "absent")
    assert result.files == []
    assert [p.path for p in result.problems] == ["."]


def test_unreadable_dir_and_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _tree(tmp_path, ["ferme/a.txt", "prive.txt", "ok.txt"])
    if os.geteuid() == 0:  # root ignores modes: make the kernel's refusal happen by hand
        real_scandir, real_access = os.scandir, os.access

        def scandir(path: str) -> object:
            if path.endswith("/ferme"):
                raise PermissionError(13, "Permission denied", path)
            return real_scandir(path)

        def access(path: str, mode: int) -> bool:
            return not path.endswith("/prive.txt") and real_access(path, mode)

        monkeypatch.setattr(os, "scandir", scandir)
        monkeypatch.setattr(os, "access", access)
        (tmp_path / "prive.txt").chmod(0o600)  # not readable by others: the system is asked
    else:
        (tmp_path / "ferme").chmod(0)
        (tmp_path / "prive.txt").chmod(0)
    try:
        result = walk(tmp_path)
    finally:
        (tmp_path / "ferme").chmod(0o700)
        (tmp_path / "prive.txt").chmod(0o600)
    assert [rel for rel, _ in result.files] == ["ok.txt", "prive.txt"]  # listed, never dropped
    assert {p.path: p.message.en for p in result.problems} == {
        "ferme": "unreadable folder: Permission denied",
        "prive.txt": "unreadable file: access denied",
    }


def test_walk_writes_nothing(tmp_path: Path) -> None:
    _tree(tmp_path, ["a/b.txt", "c.md"])
    (tmp_path / "l").symlink_to(tmp_path / "a")
    before = _digest(tmp_path)
    mtimes = {p: p.lstat().st_mtime_ns for p in tmp_path.rglob("*")}
    walk(tmp_path, ["**/~$*"])
    assert _digest(tmp_path) == before
    assert {p: p.lstat().st_mtime_ns for p in tmp_path.rglob("*")} == mtimes
