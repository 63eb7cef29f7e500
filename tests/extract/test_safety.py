"""Hostile and broken input: every case becomes a clear error, nothing raises or hangs."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from rnq.extract import Extraction, ExtractLimits, extract_file
from rnq.extract.archive import SafeZip
from rnq.extract.model import ExtractFailure

from . import files

SMALL_ZIP_LIMITS = ExtractLimits(max_uncompressed_bytes=1 << 20)


def _error(result: Extraction) -> tuple[str, str]:
    assert result.status == "error", result
    assert result.problem is not None
    return result.problem.fr, result.problem.en


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "vide.pdf"
    path.touch()
    assert _error(extract_file(path)) == ("fichier vide", "empty file")


def test_oversized_file(tmp_path: Path) -> None:
    path = tmp_path / "gros.txt"
    path.write_text("x" * 2048, encoding="utf-8")
    fr, en = _error(extract_file(path, ExtractLimits(max_file_bytes=1024)))
    assert "trop volumineux" in fr
    assert "too large" in en


def test_missing_file_and_directory(tmp_path: Path) -> None:
    assert "lecture impossible" in _error(extract_file(tmp_path / "absent.pdf"))[0]
    assert "pas un fichier ordinaire" in _error(extract_file(tmp_path))[0]


def test_encrypted_pdf(tmp_path: Path) -> None:
    path = tmp_path / "chiffre.pdf"
    path.write_bytes(files.pdf_bytes(["Confidentiel"], encrypt="motdepasse"))
    fr, en = _error(extract_file(path))
    assert fr.startswith("PDF protégé par mot de passe")
    assert en.startswith("password-protected PDF")


@pytest.mark.parametrize("keep", [0.3, 0.6])
def test_truncated_pdf(tmp_path: Path, keep: float) -> None:
    data = files.pdf_bytes(["Une page de texte"] * 3)
    path = tmp_path / "tronque.pdf"
    path.write_bytes(data[: int(len(data) * keep)])
    fr, _ = _error(extract_file(path))
    assert "PDF illisible" in fr


def test_random_bytes_after_pdf_header(tmp_path: Path) -> None:
    path = tmp_path / "bruit.pdf"
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 20)
    assert extract_file(path).status == "error"


def test_docx_zip_bomb_declared_total(tmp_path: Path) -> None:
    path = files.write_docx(tmp_path / "bombe.docx", body=" " * (3 << 20))
    fr, en = _error(extract_file(path, SMALL_ZIP_LIMITS))
    assert "bombe zip" in fr
    assert "zip bomb" in en


def test_docx_zip_bomb_declared_ratio(tmp_path: Path) -> None:
    # 20 MiB of spaces compress ~1000:1, under the 500 MiB default total.
    path = files.write_docx(tmp_path / "ratio.docx", body=" " * (20 << 20))
    fr, _ = _error(extract_file(path))
    assert "taux de compression de word/document.xml" in fr


def test_docx_zip_bomb_lying_header(tmp_path: Path) -> None:
    body = files.docx_body(["x"]).replace("</w:body>", " " * (4 << 20) + "</w:body>")
    data = files.write_docx(tmp_path / "src.docx", body=body).read_bytes()
    path = tmp_path / "menteur.docx"
    path.write_bytes(files.zip_member_lying(data, "word/document.xml", 1000))
    with zipfile.ZipFile(path) as zf:
        assert zf.getinfo("word/document.xml").file_size == 1000  # the guard sees no bomb
    fr, _ = _error(extract_file(path, SMALL_ZIP_LIMITS))
    assert "DOCX" in fr


def test_lying_header_never_yields_more_than_declared(tmp_path: Path) -> None:
    body = files.docx_body(["y" * 1000] * 500)  # ~510 kB
    data = files.write_docx(tmp_path / "src.docx", body=body).read_bytes()
    lying = tmp_path / "menteur.docx"
    lying.write_bytes(files.zip_member_lying(data, "word/document.xml", 100_000))
    # CPython stops at the declared size and reports a bad CRC.
    assert "DOCX illisible" in _error(extract_file(lying))[0]


def test_counter_stops_at_inflated_bytes(tmp_path: Path) -> None:
    """The budget counts bytes actually inflated, not what the archive declares."""
    path = files.write_docx(tmp_path / "a.docx", body=files.docx_body(["y" * 1000] * 500))
    limits = ExtractLimits(max_uncompressed_bytes=700_000)
    assert extract_file(path, limits).status == "ok"
    with SafeZip(path, limits) as zf:
        zf.read("word/document.xml")
        with pytest.raises(ExtractFailure, match="zip bomb"):
            zf.read("word/document.xml")


def test_xlsx_zip_bomb_declared_and_lying(tmp_path: Path) -> None:
    source = files.write_xlsx(tmp_path / "src.xlsx", [["a", "b"], ["1", "2"]])
    buffer = io.BytesIO()
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/worksheets/sheet2.xml":
                data = data.replace(b"</worksheet>", b" " * (3 << 20) + b"</worksheet>")
            dst.writestr(info.filename, data)
    bomb = tmp_path / "bombe.xlsx"
    bomb.write_bytes(buffer.getvalue())
    assert "bombe zip" in _error(extract_file(bomb, SMALL_ZIP_LIMITS))[0]
    lying = tmp_path / "menteur.xlsx"
    lying.write_bytes(files.zip_member_lying(buffer.getvalue(), "xl/worksheets/sheet2.xml", 500))
    fr, _ = _error(extract_file(lying, SMALL_ZIP_LIMITS))
    assert "XLSX illisible" in fr


def test_too_many_zip_members(tmp_path: Path) -> None:
    extra: dict[str, str | bytes] = {f"word/media/m{i}.xml": "<a/>" for i in range(30)}
    path = files.write_docx(tmp_path / "membres.docx", ["x"], extra=extra)
    assert "éléments" in _error(extract_file(path, ExtractLimits(max_zip_members=20)))[0]


BILLION_LAUGHS = (
    '<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10)
    )
    + "]>"
)


def test_billion_laughs_in_docx(tmp_path: Path) -> None:
    body = files.docx_body(["&lol9;"], prolog=BILLION_LAUGHS)
    path = files.write_docx(tmp_path / "laughs.docx", body=body)
    fr, en = _error(extract_file(path))
    assert "DTD ou des entités" in fr
    assert "billion-laughs" in en


def test_external_entity_in_docx(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("MOT-DE-PASSE", encoding="utf-8")
    prolog = f'<!DOCTYPE d [<!ENTITY xxe SYSTEM "file://{secret}">]>'
    path = files.write_docx(tmp_path / "xxe.docx", body=files.docx_body(["&xxe;"], prolog=prolog))
    result = extract_file(path)
    _error(result)
    assert "MOT-DE-PASSE" not in result.model_dump_json()


def test_entity_in_docx_metadata(tmp_path: Path) -> None:
    core = files.core_xml(None, None).replace("<cp:core", BILLION_LAUGHS + "<cp:core", 1)
    path = files.write_docx(tmp_path / "meta.docx", ["x"], extra={"docProps/app.xml": core})
    assert extract_file(path).status == "error"


def test_malformed_xml_and_broken_zip(tmp_path: Path) -> None:
    path = files.write_docx(tmp_path / "mal.docx", body="<w:document><w:body>")
    assert "XML mal formé" in _error(extract_file(path))[0]
    data = files.write_docx(tmp_path / "ok.docx", ["x"]).read_bytes()
    cut = tmp_path / "coupe.docx"
    cut.write_bytes(data[: len(data) // 2])
    assert "DOCX illisible" in _error(extract_file(cut))[0]


def test_docx_without_document_part(tmp_path: Path) -> None:
    path = tmp_path / "vide.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/styles.xml", "<styles/>")
    assert "word/document.xml" in _error(extract_file(path))[0]


def test_binary_named_csv(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes(b"\x00\x01\x02binaire\x00" * 10)
    assert "extension .csv" in _error(extract_file(path))[0]


def test_whitespace_only_text_is_no_text(tmp_path: Path) -> None:
    path = tmp_path / "blanc.txt"
    path.write_text("  \n\t\n", encoding="utf-8")
    result = extract_file(path)
    assert result.status == "no_text"
    assert result.problem is not None


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    path = tmp_path / "prive.txt"
    path.write_text("secret", encoding="utf-8")
    if os.geteuid() == 0:  # root ignores modes: make the kernel's refusal happen by hand
        real_open = Path.open

        def refuse(self: Path, *args: object, **kwargs: object) -> object:
            if self == path:
                raise PermissionError(13, "Permission denied", str(self))
            return real_open(self, *args, **kwargs)  # type: ignore[call-overload]

        monkeypatch.setattr(Path, "open", refuse)
    else:
        path.chmod(0)
    try:
        fr, en = _error(extract_file(path))
    finally:
        path.chmod(0o600)
    assert (fr, en) == ("lecture impossible : Permission denied", "cannot read: Permission denied")


def test_password_protected_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "protege.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)  # an OLE2 header
    fr, _ = _error(extract_file(path))
    assert fr.startswith("document Office protégé par mot de passe")


def test_csv_field_too_large(tmp_path: Path) -> None:
    path = tmp_path / "enorme.csv"
    path.write_text('a;b\n"' + "x" * 200_000 + '";1\n', encoding="utf-8")
    assert "CSV illisible" in _error(extract_file(path))[0]
