"""Printed pages in the tests: Chromium's PDF as text (pdftotext) and its first page as a PNG
(pdftoppm) to look at; both from poppler-utils, which `make test` installs."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

SHOTS = Path("/tmp/pc-shots")


def print_pdf(page: object, name: str) -> Path:
    """The page as Chromium prints it on A4, into SHOTS/<name>.pdf, with SHOTS/<name>.png of page 1."""
    SHOTS.mkdir(exist_ok=True)
    pdf = SHOTS / f"{name}.pdf"
    page.emulate_media(media="print")
    page.pdf(path=str(pdf), format="A4")
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                    str(pdf.with_suffix(""))], check=True)
    return pdf


def pdf_pages(pdf: Path) -> list[str]:
    """The text of each page, spaces normalised."""
    assert shutil.which("pdftotext"), "pdftotext is missing: `make test` installs poppler-utils"
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [" ".join(page.split()) for page in text.split("\f") if page.strip()]
