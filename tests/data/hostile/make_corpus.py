"""Builds the hostile input corpus: small files are kept in this folder, big ones made at test time.

    python -m tests.data.hostile.make_corpus      # rewrites the small files (h_*)

Every file here must make import give a UserError with a Chinese message and change nothing.
"""

from __future__ import annotations

import io
import random
import zipfile
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
EXTENSIONS = (".txt", ".docx", ".pdf", ".xlsx", ".xlsm")
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

MEASURES_TEXT = (
    "关于做好2024年重点工作的通知\n\n"
    "一、持续优化营商环境\n"
    "（一）深化“一网通办”。牵头单位：县政务服务中心；责任单位：各乡镇。2024年6月底前完成。\n"
    "（二）压减审批时限。牵头单位：县发展改革局。2024年12月底前完成。\n"
    "二、强化要素保障\n"
    "（三）保障项目用地。牵头单位：县自然资源局。长期坚持。\n"
)


def docx_bytes(paragraphs: list[str] | None = None) -> bytes:
    from docx import Document

    doc = Document()
    for line in paragraphs or MEASURES_TEXT.splitlines():
        doc.add_paragraph(line)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def xlsx_bytes() -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["序号", "重点任务", "具体措施", "牵头单位", "责任单位", "完成时限"])
    for i in range(1, 30):
        ws.append([i, f"任务{i}", f"措施{i}的内容", "县发展改革局", "各乡镇", "2024年底前"])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def pdf_bytes(text_lines: list[str] | None = None) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    y = 800
    for line in text_lines or ["Annual plan", "1. Improve services", "2. Reduce delays"] * 5:
        c.drawString(72, y, line)
        y -= 16
    c.showPage()
    c.save()
    return buf.getvalue()


def encrypted_pdf() -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(pdf_bytes())).pages:
        writer.add_page(page)
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def ole_encrypted_office() -> bytes:
    """What a password-protected .docx/.xlsx looks like: an OLE container, not a zip."""
    body = bytearray(OLE_MAGIC + b"\x00" * 504)
    body += "EncryptionInfo".encode("utf-16-le") + b"\x00" * 64
    body += "EncryptedPackage".encode("utf-16-le") + bytes(random.Random(7).randbytes(4000))
    return bytes(body)


def zip_with(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def replace_member(package: bytes, name: str, data: bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(package))
    return zip_with(
        {i.filename: (data if i.filename == name else src.read(i)) for i in src.infolist()}
    )


BILLION_LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'.encode()
        for i in range(1, 10)
    )
    + b']>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    b"<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
)


def small_cases() -> dict[str, Callable[[], bytes]]:
    garbage = random.Random(42).randbytes(4096)
    cases: dict[str, Callable[[], bytes]] = {}
    for ext in EXTENSIONS:
        cases[f"h_empty{ext}"] = lambda: b""
        cases[f"h_garbage{ext}"] = lambda: garbage
        cases[f"h_zip_of_text{ext}"] = lambda: zip_with({"readme.txt": "你好".encode()})
    cases.update(
        {
            "h_truncated.docx": lambda: docx_bytes()[: len(docx_bytes()) * 6 // 10],
            "h_truncated.xlsx": lambda: xlsx_bytes()[: len(xlsx_bytes()) * 6 // 10],
            "h_truncated.xlsm": lambda: xlsx_bytes()[: len(xlsx_bytes()) // 2],
            "h_truncated.pdf": lambda: pdf_bytes()[: len(pdf_bytes()) // 2],
            "h_encrypted.docx": ole_encrypted_office,
            "h_encrypted.xlsx": ole_encrypted_office,
            "h_encrypted.pdf": encrypted_pdf,
            "h_docx_not_xml.docx": lambda: replace_member(
                docx_bytes(), "word/document.xml", b"this is not xml <<<"
            ),
            "h_docx_billion_laughs.docx": lambda: replace_member(
                docx_bytes(), "word/document.xml", BILLION_LAUGHS
            ),
            "h_docx_without_document.docx": lambda: zip_with(
                {"[Content_Types].xml": b"<Types/>", "word/other.xml": b"<x/>"}
            ),
            "h_xlsx_is_a_docx.xlsx": docx_bytes,
            "h_docx_is_an_xlsx.docx": xlsx_bytes,
            "h_pdf_header_only.pdf": lambda: b"%PDF-1.7\n",
            "h_pdf_no_pages.pdf": lambda: (
                b"%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n"
                b"2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\n"
                b"trailer <</Root 1 0 R>>\n%%EOF\n"
            ),
            "h_pdf_deep_nesting.pdf": lambda: (
                b"%PDF-1.4\n1 0 obj " + b"[" * 50000 + b"]" * 50000 + b" endobj\n"
                b"trailer <</Root 1 0 R>>\n%%EOF\n"
            ),
            "h_pdf_huge_count.pdf": lambda: (
                b"%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n"
                b"2 0 obj <</Type /Pages /Kids [2 0 R] /Count 999999999>> endobj\n"
                b"trailer <</Root 1 0 R>>\n%%EOF\n"
            ),
            "h_pdf_bad_xref.pdf": lambda: pdf_bytes().replace(b"xref", b"xfer"),
            "h_pdf_image_only.pdf": lambda: pdf_bytes([" "]),
            "h_pdf_is_a_docx.pdf": docx_bytes,
            "h_gbk_notice.txt": lambda: "关于召开安全生产会议的通知\n请各单位准时参加。\n".encode(
                "gbk"
            ),
            "h_gbk_truncated.txt": lambda: "关于召开会议的通知".encode("gbk")[:-1],
            "h_utf16_no_bom.txt": lambda: "关于召开会议的通知，请准时参加。".encode("utf-16-le"),
            "h_html_page.txt": lambda: b"<html><body><p>404 Not Found</p></body></html>",
            "h_nul_bytes.txt": lambda: b"\x00" * 2000,
            "h_only_whitespace.txt": lambda: " \r\n\t\u3000".encode() * 200,
            "h_latin_prose.txt": lambda: b"Lorem ipsum dolor sit amet. " * 100,
        }
    )
    return cases


def write_small_cases(folder: Path = HERE) -> list[Path]:
    out = []
    for name, make in small_cases().items():
        path = folder / name
        path.write_bytes(make())
        out.append(path)
    return out


# -- big files, made at test time ----------------------------------------------------------------


def docx_bomb(path: Path, inflated_mb: int) -> Path:
    """A valid .docx whose document.xml inflates to `inflated_mb` MB of whitespace."""
    src = zipfile.ZipFile(io.BytesIO(docx_bytes()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for info in src.infolist():
            data = src.read(info)
            if info.filename != "word/document.xml":
                zf.writestr(info.filename, data)
                continue
            head, tail = data.split(b"<w:body>", 1)
            with zf.open("word/document.xml", "w", force_zip64=True) as fh:
                fh.write(head + b"<w:body>")
                chunk = b" " * (1024 * 1024)
                for _ in range(inflated_mb):
                    fh.write(chunk)
                fh.write(tail)
    return path


def xlsx_bomb(path: Path, inflated_mb: int) -> Path:
    src = zipfile.ZipFile(io.BytesIO(xlsx_bytes()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for info in src.infolist():
            data = src.read(info)
            if info.filename != "xl/worksheets/sheet1.xml":
                zf.writestr(info.filename, data)
                continue
            head, tail = data.split(b"<sheetData>", 1)
            with zf.open(info.filename, "w", force_zip64=True) as fh:
                fh.write(head + b"<sheetData>")
                chunk = b" " * (1024 * 1024)
                for _ in range(inflated_mb):
                    fh.write(chunk)
                fh.write(tail)
    return path


def big_file(path: Path, size_mb: int, head: bytes = b"") -> Path:
    with path.open("wb") as fh:
        fh.write(head)
        chunk = ("一、重点任务。" * 4000 + "\n").encode("utf-8")
        while fh.tell() < size_mb * 1024 * 1024 + 1:
            fh.write(chunk)
    return path


def big_zip(path: Path, size_mb: int, base: bytes) -> Path:
    """A real .docx/.xlsx padded with a stored (uncompressed) media file to `size_mb`."""
    src = zipfile.ZipFile(io.BytesIO(base))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in src.infolist():
            zf.writestr(info.filename, src.read(info))
        zf.writestr(
            zipfile.ZipInfo("media/padding.bin"),
            random.Random(1).randbytes(size_mb * 1024 * 1024),
            compress_type=zipfile.ZIP_STORED,
        )
    return path


if __name__ == "__main__":
    for p in write_small_cases():
        print(p.name, p.stat().st_size)
