"""The registry of hostile inputs: each case builds one workspace (the healthy evidence of
:mod:`.conftest` plus one hostile thing) and says what the run must report.

``test_hostile_inputs`` runs every :data:`CASES` entry end to end through ``rnq.run``;
:data:`CONFIG_CASES` are broken ``rnq.yaml`` files, which stop the run with exit code 2.
"""

from __future__ import annotations

import io
import os
import textwrap
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any

import rnq
from rnq.collect.evidence import Evidence
from rnq.loader import import_file
from rnq.workspace.config import Unit, Workspace
from rnq.workspace.walk import DEFAULT_MAX_FILE_BYTES

from ..extract import files as docs
from .conftest import CONFIG, HEALTHY

REPO = Path(__file__).resolve().parents[2]
CRM_SRC = REPO / "plugins" / "rnq-crm-complaints" / "src"

#: Text placed outside the workspace: it must never reach any evidence text nor the report.
SECRET = "SECRET-HORS-ESPACE-7f3a"
#: A file a YAML tag would create if it were ever executed (in the outside folder).
PWNED = "pwned-by-yaml"

Build = Callable[[Path, Path], None]


@dataclass(frozen=True)
class Case:
    """One hostile input and what the run must say about it.

    :param build: writes the hostile part, given the workspace root and a folder outside it.
    :param error: the path an entry of the report's ``errors`` must name (``prefix``: its start).
    :param line: that entry's line, when the input has lines.
    :param message: a fragment of that entry's (French) message.
    :param target: the indicator the hostile input was meant to prove: never ``conform``.
    :param kept: a path that must still be in the evidence map or the unmapped files (nothing
        lost), with ``kept_read`` its read status when given.
    :param finding: a finding on ``target`` whose check name contains this must be
        ``not_verified``.
    :param blinds: a collector fails without declaring the indicators it feeds: every
        indicator, the healthy one included, reads ``not_assessed`` (issue #19).
    """

    id: str
    build: Build
    error: str | None = None
    prefix: bool = False
    line: int | None = None
    message: str | None = None
    target: int | None = 23
    kept: str | None = None
    kept_read: str | None = None
    finding: str | None = None
    config: str = CONFIG
    plugins: Callable[[], tuple[object, ...]] = field(default=lambda: ())
    needs_symlinks: bool = False
    blinds: bool = False


def write(files: dict[str, str | bytes]) -> Build:
    """A builder writing ``files`` (text dedented, UTF-8) under the workspace root."""

    def build(root: Path, outside: Path) -> None:
        for name, content in files.items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, str):
                content = textwrap.dedent(content).encode("utf-8")
            path.write_bytes(content)

    return build


def _both(*builds: Build) -> Build:
    def build(root: Path, outside: Path) -> None:
        for one in builds:
            one(root, outside)

    return build


# --- Documents ------------------------------------------------------------------------------

VEILLE = "siege/I23-veille-legale"


def _pdf(**kwargs: Any) -> bytes:
    return docs.pdf_bytes(["Veille légale : décret du 1er mars 2026"], **kwargs)


def _truncated_pdf() -> bytes:
    data = docs.pdf_bytes(["Veille légale"] * 3)
    return data[: len(data) // 2]


def _docx(body: str) -> Build:
    def build(root: Path, outside: Path) -> None:
        (root / "siege").mkdir(parents=True, exist_ok=True)
        docs.write_docx(root / f"{VEILLE}.docx", body=body)

    return build


_LAUGHS = (
    '<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10)
    )
    + "]>"
)


def _xxe(root: Path, outside: Path) -> None:
    prolog = f'<!DOCTYPE d [<!ENTITY xxe SYSTEM "file://{outside / "secret.md"}">]>'
    _docx(docs.docx_body(["Veille : &xxe;"], prolog=prolog))(root, outside)


def _xxe_passwd(root: Path, outside: Path) -> None:
    prolog = '<!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    _docx(docs.docx_body(["Veille : &xxe;"], prolog=prolog))(root, outside)


def _xlsx_bomb(root: Path, outside: Path) -> None:
    source = docs.write_xlsx(outside / "src.xlsx", [["Veille", "Date"], ["décret", "2026"]])
    buffer = io.BytesIO()
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/worksheets/sheet2.xml":
                data = data.replace(b"</worksheet>", b" " * (3 << 20) + b"</worksheet>")
            dst.writestr(info.filename, data)
    (root / "siege").mkdir(parents=True, exist_ok=True)
    (root / f"{VEILLE}.xlsx").write_bytes(buffer.getvalue())


def _huge(root: Path, outside: Path) -> None:
    path = root / f"{VEILLE}.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:  # sparse: no disk space used
        handle.truncate(DEFAULT_MAX_FILE_BYTES + 1)


def _fifo(root: Path, outside: Path) -> None:
    (root / "siege").mkdir(parents=True, exist_ok=True)
    os.mkfifo(root / f"{VEILLE}.pdf")


DOCUMENT_CASES = [
    Case(
        "pdf-corrupted",
        write({f"{VEILLE}.pdf": b"%PDF-1.7\n" + bytes(range(256)) * 20}),
        error=f"{VEILLE}.pdf",
    ),
    Case("pdf-truncated", write({f"{VEILLE}.pdf": _truncated_pdf()}), error=f"{VEILLE}.pdf"),
    Case(
        "pdf-encrypted",
        write({f"{VEILLE}.pdf": _pdf(encrypt="motdepasse")}),
        error=f"{VEILLE}.pdf",
        message="mot de passe",
    ),
    Case("pdf-empty", write({f"{VEILLE}.pdf": b""}), error=f"{VEILLE}.pdf", message="vide"),
    Case(
        "pdf-scanned",
        write({f"{VEILLE}.pdf": _pdf(draw_text=False)}),
        error=f"{VEILLE}.pdf",
        message="scanné",
        kept=f"{VEILLE}.pdf",
        kept_read="no_text",
    ),
    Case(
        "docx-zip-bomb",
        _docx(" " * (20 << 20)),
        error=f"{VEILLE}.docx",
        message="compression",
    ),
    Case("xlsx-zip-bomb", _xlsx_bomb, error=f"{VEILLE}.xlsx", message="bombe zip"),
    Case(
        "docx-billion-laughs",
        _docx(docs.docx_body(["&lol9;"], prolog=_LAUGHS)),
        error=f"{VEILLE}.docx",
        message="entités",
    ),
    Case("docx-external-entity", _xxe, error=f"{VEILLE}.docx", message="entités"),
    Case("docx-external-entity-passwd", _xxe_passwd, error=f"{VEILLE}.docx"),
    Case(
        "docx-malformed-xml",
        _docx("<w:document><w:body>"),
        error=f"{VEILLE}.docx",
        message="XML mal formé",
    ),
    Case(
        "xlsx-password-protected",
        write({f"{VEILLE}.xlsx": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504}),
        error=f"{VEILLE}.xlsx",
        message="mot de passe",
    ),
    Case(
        "binary-named-csv",
        write({f"{VEILLE}.csv": b"\x00\x01\x02binaire\x00" * 10}),
        error=f"{VEILLE}.csv",
    ),
    Case(
        "huge-sparse-file",
        _huge,
        error=f"{VEILLE}.txt",
        message="trop volumineux",
        kept=f"{VEILLE}.txt",
    ),
    Case("fifo-named-as-pdf", _fifo, error=f"{VEILLE}.pdf", message="pas un fichier ordinaire"),
]

# --- Names and the tree ---------------------------------------------------------------------

_GOOD_NOTE = "# Veille légale\n\nDécret du 1er mars 2026 analysé, plan d'action mis à jour.\n"


def _raw_name(name: bytes, content: bytes | None = None) -> Build:
    def build(root: Path, outside: Path) -> None:
        folder = os.fsencode(root / "siege")
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, name), "wb") as handle:
            handle.write(_GOOD_NOTE.encode("utf-8") if content is None else content)

    return build


_LONG_NAME = "I23-" + "v" * (255 - len("I23-") - len(".md")) + ".md"
assert len(_LONG_NAME.encode()) == 255
_DEEP = "/".join(["d"] * 70)


def _link(name: str, target: Callable[[Path, Path], Path | str], *, folder: bool = False) -> Build:
    def build(root: Path, outside: Path) -> None:
        link = root / name
        link.parent.mkdir(parents=True, exist_ok=True)
        link.symlink_to(target(root, outside), target_is_directory=folder)

    return build


def _outside_dir(root: Path, outside: Path) -> Path:
    folder = outside / "I23-dossier"
    folder.mkdir(exist_ok=True)
    (folder / "I23-veille-legale.md").write_text(f"# Veille\n{SECRET}\n", encoding="utf-8")
    return folder


TREE_CASES = [
    Case(
        "non-utf8-name",
        _raw_name(b"I23-veille-\xff\xfe.md"),
        error="siege/I23-veille-\\xff\\xfe.md",
        message="UTF-8",
        target=None,
        kept="siege/I23-veille-\\xff\\xfe.md",
        kept_read="ok",
    ),
    Case(
        "non-utf8-name-pdf",
        _raw_name(b"I23-veille-\xe9t\xe9.pdf", _pdf()),
        error="siege/I23-veille-\\xe9t\\xe9.pdf",
        message="UTF-8",
        target=None,
        kept="siege/I23-veille-\\xe9t\\xe9.pdf",
        kept_read="ok",
    ),
    Case(
        "control-characters-in-name",
        _raw_name(b"I23-\x1b[31mrouge\x07.md"),
        error="siege/I23-\\x1b[31mrouge\\x07.md",
        target=None,
        kept="siege/I23-\\x1b[31mrouge\\x07.md",
        kept_read="ok",
    ),
    Case(
        "name-of-255-bytes",
        write({f"siege/{_LONG_NAME}": _GOOD_NOTE}),
        target=None,
        kept=f"siege/{_LONG_NAME}",
        kept_read="ok",
    ),
    Case(
        "html-in-file-name",
        write({"siege/I23-<img src=x onerror=alert(1)>.md": _GOOD_NOTE}),
        target=None,
        kept="siege/I23-<img src=x onerror=alert(1)>.md",
        kept_read="ok",
    ),
    Case(
        "folders-nested-too-deep",
        write({f"siege/{_DEEP}/I23-veille-legale.md": _GOOD_NOTE}),
        error="siege/d/d/",
        prefix=True,
        message="trop profonde",
    ),
    Case(
        "symlink-to-a-file-outside",
        _link(f"{VEILLE}.md", lambda root, outside: outside / "secret.md"),
        error=f"{VEILLE}.md",
        message="extérieur",
        needs_symlinks=True,
    ),
    Case(
        "symlink-to-a-folder-outside",
        _link("siege/I23-dossier", _outside_dir, folder=True),
        error="siege/I23-dossier",
        message="extérieur",
        needs_symlinks=True,
    ),
    Case(
        "symlink-to-etc-passwd",
        _link(f"{VEILLE}.txt", lambda root, outside: "/etc/passwd"),
        error=f"{VEILLE}.txt",
        message="extérieur",
        needs_symlinks=True,
    ),
    Case(
        "symlink-loop-to-a-parent",
        _link("siege/I23-boucle", lambda root, outside: root / "siege", folder=True),
        error="siege/I23-boucle",
        message="boucle",
        needs_symlinks=True,
    ),
    Case(
        "symlink-loop-between-two-links",
        _both(
            _link("siege/I23-a", lambda root, outside: root / "siege" / "I23-b"),
            _link("siege/I23-b", lambda root, outside: root / "siege" / "I23-a"),
        ),
        error="siege/I23-a",
        message="boucle",
        needs_symlinks=True,
    ),
    Case(
        "broken-symlink",
        _link(f"{VEILLE}.pdf", lambda root, outside: root / "absent.pdf"),
        error=f"{VEILLE}.pdf",
        message="cassé",
        needs_symlinks=True,
    ),
]

# --- Manifests and front matter -------------------------------------------------------------

#: A file whose name says nothing: only the manifest or front matter could map it to 23.
PLAIN = "siege/note-2026.txt"
_PLAIN_TEXT = "Veille légale : décret du 1er mars 2026 analysé.\n"


def _manifest(entries: str, extra: dict[str, str | bytes] | None = None) -> Build:
    return write({"siege/rnq-evidence.yaml": entries, PLAIN: _PLAIN_TEXT, **(extra or {})})


def _pwned_manifest(root: Path, outside: Path) -> None:
    entries = (
        '- path: "note-2026.txt"\n'
        f"  indicators: !!python/object/apply:os.system ['touch {outside / PWNED}']\n"
    )
    _manifest(entries)(root, outside)


MANIFEST = "siege/rnq-evidence.yaml"


#: A YAML flow value nested 500 levels deep: past Python's recursion limit.
DEEP = "[" * 500 + "]" * 500


def alias_bomb(indent: str = "") -> str:
    """YAML lines whose aliases of aliases expand to 9**9 values (a YAML "billion laughs")."""
    lines = [f"{indent}x0: &x0 [q, q, q, q, q, q, q, q, q]"]
    lines += [f"{indent}x{i}: &x{i} [{', '.join([f'*x{i - 1}'] * 9)}]" for i in range(1, 9)]
    return "\n".join(lines) + "\n"


#: What a manifest's mistakes cannot stop: an entry that describes no file is said in the report.
MANIFEST_CASES = [
    Case(
        "manifest-glob-matching-nothing",
        _manifest('- path: "rien-*.pdf"\n  indicators: [23]\n'),
        error=MANIFEST,
        line=1,
        kept=PLAIN,
    ),
]

#: A manifest is configuration: its mistakes stop the run (exit 2), each named with its line.
BROKEN_MANIFESTS = [
    Case(
        "manifest-unknown-key",
        _manifest('- path: "note-2026.txt"\n  indicators: [23]\n  colour: blue\n'),
        error=MANIFEST,
        line=3,
        message="colour",
        kept=PLAIN,
    ),
    Case(
        "manifest-wrong-type",
        _manifest('- path: "note-2026.txt"\n  indicators: "vingt-trois"\n'),
        error=MANIFEST,
        line=2,
        kept=PLAIN,
    ),
    Case(
        "manifest-indicator-out-of-range",
        _manifest('- path: "note-2026.txt"\n  indicators: [99]\n'),
        error=MANIFEST,
        line=2,
        kept=PLAIN,
    ),
    Case(
        "manifest-duplicate-key",
        _manifest('- path: "note-2026.txt"\n  indicators: [23]\n  indicators: [22]\n'),
        error=MANIFEST,
        line=3,
        message="double",
        kept=PLAIN,
    ),
    Case("manifest-python-tag", _pwned_manifest, error=MANIFEST, line=2, message="étiquette"),
    Case(
        "manifest-impossible-date",
        _manifest('- path: "note-2026.txt"\n  indicators: [23]\n  date: 2026-02-30\n'),
        error=MANIFEST,
        line=3,
        kept=PLAIN,
    ),
    Case(
        "manifest-glob-leaving-the-workspace",
        _manifest('- path: "../../etc/*"\n  indicators: [23]\n'),
        error=MANIFEST,
        line=1,
        kept=PLAIN,
    ),
    Case(
        "manifest-absolute-glob",
        _manifest('- path: "/etc/*"\n  indicators: [23]\n'),
        error=MANIFEST,
        line=1,
        kept=PLAIN,
    ),
    Case(
        "manifest-invalid-yaml",
        _manifest('- path: "note-2026.txt"\n  indicators: [23\n'),
        error=MANIFEST,
        line=2,
        message="YAML",
        kept=PLAIN,
    ),
    Case(
        "manifest-alias-bomb",
        _manifest('- path: "note-2026.txt"\n  indicators: [23]\n' + alias_bomb("  ")),
        error=MANIFEST,
        message="alias",
        kept=PLAIN,
    ),
    Case(
        "manifest-not-a-list",
        _manifest("path: note-2026.txt\nindicators: [23]\n"),
        error=MANIFEST,
        kept=PLAIN,
    ),
    Case(
        "manifest-not-utf8",
        write(
            {
                MANIFEST: "- path: 'note-2026.txt'\n  note: café\n  indicators: [23]\n".encode(
                    "latin-1"
                ),
                PLAIN: _PLAIN_TEXT,
            }
        ),
        error=MANIFEST,
        line=2,
        message="UTF-8",
        kept=PLAIN,
    ),
    # issue #22, F8: once a RecursionError that wiped out every piece of filesystem evidence
    Case(
        "manifest-nested-500-deep",
        _manifest('- path: "note-2026.txt"\n  indicators: [23]\n  note: ' + DEEP + "\n"),
        error=MANIFEST,
        line=3,
        message="imbriqué",
        kept=PLAIN,
    ),
    # issue #22, F8: once a re.error that wiped out every piece of filesystem evidence
    Case(
        "manifest-glob-reversed-range",
        _manifest('- path: "note-[2026-2025].txt"\n  indicators: [23]\n'),
        error=MANIFEST,
        line=1,
        message="intervalle",
        kept=PLAIN,
    ),
    # issue #22, F11: the alias budget no longer grows with the file's size
    Case(
        "manifest-padded-alias-bomb",
        _manifest(
            '- path: "note-2026.txt"\n  indicators: [23]\n  note: "'
            + "p" * 900_000
            + '"\n- path: "x"\n  by:\n'
            + alias_bomb("    ")
        ),
        error=MANIFEST,
        message="alias",
        kept=PLAIN,
    ),
    # issue #22, F11/F20: no manifest is read into memory past 1 MiB
    Case(
        "manifest-over-1-mib",
        _manifest('- path: "note-2026.txt"\n  indicators: [23]\n' + "# remplissage\n" * 80_000),
        error=MANIFEST,
        message="trop volumineux",
        kept=PLAIN,
    ),
]

NOTE = "siege/note-veille.md"


def _front(head: str, body: str = "# Veille\n\nDécret analysé.\n") -> Build:
    return write({NOTE: f"---\n{head}---\n{body}"})


FRONT_MATTER_CASES = [
    Case(
        "front-matter-malformed",
        _front("indicators: [23\n"),
        error=NOTE,
        kept=NOTE,
    ),
    Case(
        "front-matter-python-tag",
        _front("indicators: [23]\nkind: !!python/name:os.system\n"),
        error=NOTE,
        line=3,
        message="étiquette",
        kept=NOTE,
    ),
    Case(
        "front-matter-unknown-key",
        _front("indicators: [23]\nauteur: moi\n"),
        error=NOTE,
        line=3,
        kept=NOTE,
    ),
    Case(
        "front-matter-not-closed",
        write({NOTE: "---\nindicators: [23]\n# Veille\n"}),
        error=NOTE,
        kept=NOTE,
    ),
    Case(
        "front-matter-not-utf8",
        write({NOTE: "---\nindicators: [23]\nnote: café\n---\n# Veille\n".encode("latin-1")}),
        error=NOTE,
        message="UTF-8",
        kept=NOTE,
    ),
    Case(
        "front-matter-alias-bomb",
        _front("indicators: [23]\n" + alias_bomb()),
        error=NOTE,
        message="alias",
        kept=NOTE,
    ),
    # issue #22, F8: once a RecursionError that wiped out every piece of filesystem evidence
    Case(
        "front-matter-nested-500-deep",
        _front("indicators: [23]\nnote: " + DEEP + "\n"),
        error=NOTE,
        line=3,
        message="imbriqué",
        kept=NOTE,
    ),
    Case(
        "front-matter-full-of-html",
        _front(
            "indicators: [23]\n"
            'title: "<script>alert(1)</script>"\n'
            "note: \"<img src=x onerror=alert('fm')> & <b>gras</b>\"\n"
            'by: "</td><td onmouseover=alert(2)>"\n',
            "<script>alert('corps')</script>\n",
        ),
        target=None,
        kept=NOTE,
        kept_read="ok",
    ),
]

# --- Plugins ---------------------------------------------------------------------------------


class _Plugin:
    """A plugin object with a stable name (pluggy names objects by ``__name__``)."""

    __name__ = "hostile"


class _CollectorRaises(_Plugin):
    @rnq.hookimpl
    def rnq_collect_evidence(self, workspace: Workspace) -> list[Evidence]:
        raise OSError("partage réseau injoignable")


class _CollectorExits(_Plugin):
    @rnq.hookimpl
    def rnq_collect_evidence(self, workspace: Workspace) -> list[Evidence]:
        raise SystemExit(0)


class _CollectorGarbage(_Plugin):
    @rnq.hookimpl
    def rnq_collect_evidence(self, workspace: Workspace) -> object:
        return ["pas une preuve", None, {"path": "siege/x.pdf", "indicators": [23]}, 42]


class _CollectorNotIterable(_Plugin):
    @rnq.hookimpl
    def rnq_collect_evidence(self, workspace: Workspace) -> object:
        return 42


def _forged(path: str) -> Evidence:
    return Evidence(
        path=path, unit="siege", indicators=(23,), kind="veille-legale", collector="filesystem"
    )


class _CollectorLeaves(_Plugin):
    """Evidence posing as files of the workspace, but outside it."""

    outside: Path

    @rnq.hookimpl
    def rnq_collect_evidence(self, workspace: Workspace) -> list[Evidence]:
        return [
            _forged("../../../../../../etc/passwd"),
            _forged("/etc/hostname"),
            _forged(str(self.outside / "secret.md")),
            _forged("siege/lien-dehors/secret.md"),  # through a link to the outside
        ]


def _leaves_plugin(root: Path, outside: Path) -> None:
    (root / "siege").mkdir(parents=True, exist_ok=True)
    (root / "siege" / "lien-dehors").symlink_to(outside, target_is_directory=True)
    _CollectorLeaves.outside = outside


class _DeclareUnitsRaises(_Plugin):
    @rnq.hookimpl
    def rnq_declare_units(self, workspace: Workspace) -> list[Unit]:
        raise RuntimeError("annuaire RH injoignable")


class _DeclareUnitsGarbage(_Plugin):
    @rnq.hookimpl
    def rnq_declare_units(self, workspace: Workspace) -> object:
        return ["lms", {"id": "rh"}]


class _RegisterCollectorsRaises(_Plugin):
    @rnq.hookimpl
    def rnq_register_collectors(self) -> object:
        raise RuntimeError("registre cassé")


class _RegisterCollectorsGarbage(_Plugin):
    @rnq.hookimpl
    def rnq_register_collectors(self) -> object:
        return ["crm"]


class _RegisterChecksGarbage(_Plugin):
    @rnq.hookimpl
    def rnq_register_checks(self) -> object:
        return [42, None, "check_texte"]


class _SectionsGarbage(_Plugin):
    @rnq.hookimpl
    def rnq_report_sections(self, lang: str) -> object:
        return [42]


class _UnitCollectorRaises(_Plugin):
    @rnq.hookimpl
    def rnq_register_collectors(self) -> object:
        def explode(context: object) -> Iterable[Evidence]:
            raise RuntimeError("CRM injoignable")

        return {"explose": explode}


class _UnitCollectorGarbage(_Plugin):
    @rnq.hookimpl
    def rnq_register_collectors(self) -> object:
        return {"dechets": lambda context: iter([b"bytes", 3.5])}


_UNIT_COLLECTOR = CONFIG.replace(
    '  - {id: pro, name: "Pôle pro"}\n',
    '  - id: pro\n    name: "Pôle pro"\n    collectors:\n      - {use: COLLECTOR}\n',
)
_NOTHING = write({})


def _plugin(*classes: type[_Plugin]) -> Callable[[], tuple[object, ...]]:
    return lambda: tuple(cls() for cls in classes)


PLUGIN_CASES = [
    Case(
        "plugin-collector-raises",
        _NOTHING,
        error="plugin:hostile",
        message="injoignable",
        plugins=_plugin(_CollectorRaises),
        blinds=True,
    ),
    Case(
        "plugin-collector-calls-sys-exit",
        _NOTHING,
        error="plugin:hostile",
        message="SystemExit",
        plugins=_plugin(_CollectorExits),
        blinds=True,
    ),
    Case(
        "plugin-collector-returns-garbage",
        _NOTHING,
        error="plugin:hostile",
        message="autre chose qu'une preuve",
        plugins=_plugin(_CollectorGarbage),
    ),
    Case(
        "plugin-collector-returns-no-iterable",
        _NOTHING,
        error="plugin:hostile",
        plugins=_plugin(_CollectorNotIterable),
        blinds=True,
    ),
    Case(
        "plugin-evidence-outside-the-workspace",
        _leaves_plugin,
        error="plugin:hostile",
        message="hors de l'espace",
        plugins=_plugin(_CollectorLeaves),
        needs_symlinks=True,
    ),
    Case(
        "plugin-declare-units-raises",
        _NOTHING,
        error="plugin:hostile",
        message="rnq_declare_units",
        plugins=_plugin(_DeclareUnitsRaises),
    ),
    Case(
        "plugin-declare-units-garbage",
        _NOTHING,
        error="plugin:hostile",
        message="rnq_declare_units",
        plugins=_plugin(_DeclareUnitsGarbage),
    ),
    Case(
        "plugin-register-collectors-raises",
        _NOTHING,
        error="plugin:hostile",
        message="rnq_register_collectors",
        plugins=_plugin(_RegisterCollectorsRaises),
    ),
    Case(
        "plugin-register-collectors-garbage",
        _NOTHING,
        error="plugin:hostile",
        message="rnq_register_collectors",
        plugins=_plugin(_RegisterCollectorsGarbage),
    ),
    Case(
        "plugin-report-sections-garbage",
        _NOTHING,
        error="plugin:hostile",
        message="rnq_report_sections",
        plugins=_plugin(_SectionsGarbage),
    ),
    Case(
        "plugin-unit-collector-raises",
        _NOTHING,
        error="plugin:explose",
        message="CRM injoignable",
        config=_UNIT_COLLECTOR.replace("COLLECTOR", "explose"),
        plugins=_plugin(_UnitCollectorRaises),
        blinds=True,
    ),
    Case(
        "plugin-unit-collector-returns-garbage",
        _NOTHING,
        error="plugin:dechets",
        message="autre chose qu'une preuve",
        config=_UNIT_COLLECTOR.replace("COLLECTOR", "dechets"),
        plugins=_plugin(_UnitCollectorGarbage),
    ),
    Case(
        "plugin-unknown-unit-collector",
        _NOTHING,
        error="rnq.yaml",
        message="collecteur inconnu",
        config=_UNIT_COLLECTOR.replace("COLLECTOR", "inconnu"),
    ),
]

# --- The workspace's own code ---------------------------------------------------------------

_WITH_CHECKS = CONFIG + "checks: [checks]\n"
_WITH_PLUGIN = CONFIG + "plugins: [plugins/local.py]\n"
#: Valid evidence for 23: only the hostile check can keep 23 from being conform.
_GOOD_23 = {"siege/I23-veille-legale.md": _GOOD_NOTE}


def _check(body: str) -> Build:
    code = (
        "import rnq\n\n\n@rnq.mark.indicator(23)\ndef check_hostile(unit):\n"
        f'    """Règle."""\n{body}'
    )
    return write({**_GOOD_23, "checks/check_hostile.py": code})


CODE_CASES = [
    Case(
        "check-raises",
        _check("    raise RuntimeError('base injoignable')\n"),
        finding="check_hostile",
        config=_WITH_CHECKS,
    ),
    Case(
        "check-returns-garbage",
        _check("    return {'conforme': True}\n"),
        finding="check_hostile",
        config=_WITH_CHECKS,
    ),
    Case(
        "check-raises-system-exit",
        _check("    raise SystemExit(0)\n"),
        finding="check_hostile",
        config=_WITH_CHECKS,
    ),
    Case(
        "workspace-plugin-collector-raises",
        write(
            {
                "plugins/local.py": (
                    "import rnq\n\n\n@rnq.hookimpl\ndef rnq_collect_evidence(workspace):\n"
                    "    raise RuntimeError('SIRH injoignable')\n"
                )
            }
        ),
        error="plugin:workspace:plugins/local.py",
        message="SIRH injoignable",
        config=_WITH_PLUGIN,
        blinds=True,
    ),
]

#: The workspace's or a plugin's code that cannot be collected: the run stops (CodeError, exit
#: 2) before any document is read, naming the file and line (issue #19).
STOPPING_CODE_CASES = [
    Case(
        "plugin-register-checks-garbage",
        _NOTHING,
        error="plugin:hostile",
        message="rnq_register_checks",
        plugins=_plugin(_RegisterChecksGarbage),
    ),
    Case(
        "check-module-raises-on-import",
        write({**_GOOD_23, "checks/check_hostile.py": "raise RuntimeError('import')\n"}),
        error="checks/check_hostile.py",
        target=None,
        config=_WITH_CHECKS,
    ),
    Case(
        "check-module-syntax-error",
        write({**_GOOD_23, "checks/check_hostile.py": "import rnq\n\ndef check_x(:\n"}),
        error="checks/check_hostile.py",
        line=3,
        target=None,
        config=_WITH_CHECKS,
    ),
    Case(
        "workspace-plugin-raises-on-import",
        write({"plugins/local.py": "raise RuntimeError('extension cassée')\n"}),
        error="plugins/local.py",
        message="extension cassée",
        config=_WITH_PLUGIN,
    ),
    Case(
        "workspace-plugin-syntax-error",
        write({"plugins/local.py": "import rnq\n\ndef rnq_collect_evidence(:\n"}),
        error="plugins/local.py",
        line=3,
        config=_WITH_PLUGIN,
    ),
]

# --- Registers (CSV exports read by the crm-complaints plugin) ------------------------------

_CRM = CONFIG.replace(
    '  - {id: pro, name: "Pôle pro"}\n',
    '  - id: pro\n    name: "Pôle pro"\n    collectors:\n'
    "      - {use: crm-complaints, path: exports/export-crm.csv}\n",
)
EXPORT = "pro/exports/export-crm.csv"
RECORD = f"crm-complaints:{EXPORT}"
FORMULA = "=cmd|' /C calc'!A0"


def crm_plugin() -> tuple[object, ...]:
    """The example CRM plugin, imported from its sources as a fresh module."""
    module: ModuleType = import_file(CRM_SRC / "rnq_crm_complaints" / "__init__.py", root=CRM_SRC)
    return (module,)


def _export(content: str | bytes) -> Build:
    return write({EXPORT: content})


REGISTER_CASES = [
    Case(
        "csv-binary-garbage",
        _export(b"\x00\x81\x8d\xff\xfe" * 64),
        error=EXPORT,
        target=31,
        kept=RECORD,
        kept_read="error",
        config=_CRM,
        plugins=crm_plugin,
    ),
    Case(
        "csv-no-header",
        _export("15/03/2026;Retard de convocation;18/03/2026\n"),
        error=EXPORT,
        line=1,
        message="colonne",
        target=31,
        kept=RECORD,
        kept_read="error",
        config=_CRM,
        plugins=crm_plugin,
    ),
    Case(
        "csv-ragged-rows",
        _export(
            "Reçue le;Sujet;Répondu le\n"
            "15/03/2026;Retard\n"
            "02/04/2026;Salle;04/04/2026;en trop;encore;\n"
            "pas une date;Objet;\n"
        ),
        error=EXPORT,
        line=4,
        target=None,
        kept=RECORD,
        kept_read="ok",
        config=_CRM,
        plugins=crm_plugin,
    ),
    Case(
        "csv-formula-cells",
        _export(
            "Reçue le;Sujet;Répondu le;Action\n"
            f'15/03/2026;{FORMULA};18/03/2026;=HYPERLINK("http://x")\n'
            "+33 1 23;@SUM(A1);-2+3;\n"
        ),
        error=EXPORT,
        line=3,
        target=None,
        kept=RECORD,
        kept_read="ok",
        config=_CRM,
        plugins=crm_plugin,
    ),
    Case(
        "csv-cp1252-with-undefined-bytes",
        _export(b"Re\xe7ue le;Sujet;R\xe9pondu le\n15/03/2026;Caf\x81\x8d;18/03/2026\n"),
        target=None,
        kept=RECORD,
        config=_CRM,
        plugins=crm_plugin,
    ),
]

CASES: list[Case] = [
    *DOCUMENT_CASES,
    *TREE_CASES,
    *MANIFEST_CASES,
    *FRONT_MATTER_CASES,
    *PLUGIN_CASES,
    *CODE_CASES,
    *REGISTER_CASES,
]

# --- rnq.yaml: configuration errors stop the run (exit 2) -----------------------------------


@dataclass(frozen=True)
class ConfigCase:
    """A broken ``rnq.yaml``: ``rnq.run`` raises a ConfigError naming the file and ``line``."""

    id: str
    text: str | bytes
    line: int | None
    fragment: str = ""


_BASE = CONFIG.rstrip("\n")
_AFTER = _BASE.count("\n") + 2  # the line just after the base configuration

CONFIG_CASES = [
    ConfigCase("unknown-key", _BASE + "\nactivty: {alternance: true}\n", _AFTER, "activty"),
    ConfigCase("wrong-type", _BASE + "\nactivity: {alternance: peut-être}\n", _AFTER),
    ConfigCase("duplicate-key", _BASE + "\ncategories: [BC]\n", _AFTER, "double"),
    ConfigCase(
        "python-object-tag",
        _BASE + "\nchecks: !!python/object/apply:os.system ['touch /tmp/rnq-pwned']\n",
        _AFTER,
        "étiquette",
    ),
    ConfigCase("python-name-tag", _BASE + "\nowners: !!python/name:os.system\n", _AFTER),
    ConfigCase(
        "impossible-date",
        CONFIG.replace("date: 2026-12-15", "date: 2026-02-30"),
        4,
    ),
    ConfigCase("checks-outside", _BASE + "\nchecks: [../outside]\n", _AFTER, "checks"),
    ConfigCase("plugin-outside", _BASE + "\nplugins: [/etc/passwd]\n", _AFTER, "plugins"),
    ConfigCase("waivers-outside", _BASE + "\nwaivers: ../../waivers.yaml\n", _AFTER, "waivers"),
    ConfigCase(
        "unit-path-outside",
        CONFIG.replace('{id: pro, name: "Pôle pro"}', '{id: pro, name: "Pro", path: ../../x}'),
        7,
    ),
    ConfigCase("invalid-yaml", _BASE + "\ncategories: [AF\n", _AFTER, "YAML"),
    ConfigCase("not-a-mapping", "- version: 1\n", 1),
    ConfigCase("empty-file", "", 1),
    ConfigCase(
        "not-utf8", CONFIG.replace("Organisme", "Organisme café").encode("latin-1"), 2, "UTF-8"
    ),
    ConfigCase(
        "section-of-wrong-type",  # once crashed the "did you mean" hints
        CONFIG.replace("audit: {type: renewal, date: 2026-12-15}", "audit: true"),
        4,
    ),
    ConfigCase("control-character", _BASE + "\norganization\x1b: x\n", _AFTER, "U+001B"),
    ConfigCase("alias-bomb", _BASE + "\n" + alias_bomb(), _AFTER, "alias"),
    # issue #22: a RecursionError, then an re.error, once crashed with a traceback and exit 1
    ConfigCase("nested-500-deep", _BASE + "\nzz: " + DEEP + "\n", _AFTER, "imbriqué"),
    ConfigCase("ignore-reversed-range", _BASE + '\nignore: ["[z-a]*.tmp"]\n', _AFTER, "intervalle"),
    ConfigCase(
        "padded-alias-bomb",
        _BASE + '\nnote: "' + "p" * 900_000 + '"\n' + alias_bomb(),
        _AFTER + 1,
        "alias",
    ),
    ConfigCase("over-1-mib", _BASE + "\n" + "# commentaire\n" * 80_000, None, "volumineux"),
]


def all_ids() -> list[str]:
    """Every hostile input's id (end-to-end cases and configuration cases)."""
    return (
        [case.id for case in CASES]
        + [f"rnq.yaml:{case.id}" for case in CONFIG_CASES]
        + [f"{MANIFEST}:{case.id}" for case in BROKEN_MANIFESTS]
        + [f"code:{case.id}" for case in STOPPING_CODE_CASES]
    )


def spy_plugin(seen: list[str]) -> object:
    """A plugin whose check records the text and rows of every piece of evidence (to prove
    that nothing from outside the workspace was ever read)."""

    def check_spy(all_evidence: Any) -> None:
        """Espion : lit toutes les preuves."""
        for item in all_evidence:
            seen.append(item.path)
            seen.append(item.text or "")
            seen.extend(cell for row in item.rows or () for cell in row)

    module = SimpleNamespace(__name__="hostile_spy", check_spy=rnq.mark.indicator(32)(check_spy))

    class Spy:
        __name__ = "spy"

        @rnq.hookimpl
        def rnq_register_checks(self) -> list[object]:
            return [module]

    return Spy()


# --- One workspace holding many of them (determinism, read-only) -----------------------------

MIXED_CONFIG = CONFIG + "checks: [checks]\nplugins: [plugins/local.py]\n"
_MIXED = [
    "pdf-encrypted",
    "docx-billion-laughs",
    "non-utf8-name",
    "control-characters-in-name",
    "html-in-file-name",
    "symlink-loop-to-a-parent",
    "symlink-to-a-file-outside",
    "manifest-glob-matching-nothing",
    "front-matter-full-of-html",
    "check-raises",
]
_LOCAL_PLUGIN = """\
import rnq
from rnq.collect.evidence import Evidence


@rnq.hookimpl
def rnq_collect_evidence(workspace):
    return [
        Evidence(
            path="extranet:charte", unit="siege", indicators=(30,), kind="enquete-satisfaction",
            mapped_by="plugin", collector="extranet", read="ok", text="Enquête 2026 : 94 %",
        )
    ]
"""


def mixed_workspace(root: Path, outside: Path) -> Path:
    """A workspace with the healthy evidence, a workspace plugin and check, and the hostile
    inputs of ``_MIXED`` side by side; returns its root."""
    from rnq.testing import write_workspace

    write_workspace(root, MIXED_CONFIG, {**HEALTHY, "plugins/local.py": _LOCAL_PLUGIN})
    (outside / "secret.md").write_text(f"# Secret\n{SECRET}\n", encoding="utf-8")
    by_id = {case.id: case for case in CASES}
    for case_id in _MIXED:
        by_id[case_id].build(root, outside)
    return root
