"""Originals made at test time from a seed copy's text: a PDF (fpdf2, with Debian's DejaVu and
Droid Sans Fallback fonts for the scripts the letter prints), a WARC capture and a WACZ (warcio).
Nothing is downloaded (this module holds no tests)."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import zipfile
from pathlib import Path

from fpdf import FPDF
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

FONTS = {
    "dejavu": Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    "droid": Path("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"),
}


RTL_RUN_RE = re.compile(
    r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff][\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\s]*(?<!\s)"
)


def visual_order(line: str) -> str:
    """Right-to-left runs drawn right to left, as PDF writers lay them out (readers put them
    back in reading order)."""
    return RTL_RUN_RE.sub(lambda m: m.group(0)[::-1], line)


class LetterPDF(FPDF):
    def footer(self) -> None:
        self.set_y(-12)
        self.cell(0, 5, f"Page {self.page_no()} of {{nb}}", align="C")


def make_pdf(text: str) -> bytes:
    """The text as a paginated A4 PDF, a line of the text per line of the page (long lines wrap),
    with "Page n of N" footers."""
    missing = [str(path) for path in FONTS.values() if not path.is_file()]
    if missing:
        raise FileNotFoundError(f"fonts missing (make system-deps installs them): {missing}")
    pdf = LetterPDF(format="A4")
    pdf.set_auto_page_break(True, margin=18)
    pdf.add_font("dejavu", fname=str(FONTS["dejavu"]))
    pdf.add_font("droid", fname=str(FONTS["droid"]))
    pdf.set_font("dejavu", size=8)
    pdf.set_fallback_fonts(["droid"])
    pdf.add_page()
    for line in text.split("\n"):
        pdf.multi_cell(0, 4, visual_order(line), new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def warc_record(writer: WARCWriter, url: str, payload: bytes, content_type: str, date: str):
    headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        url, "response", payload=io.BytesIO(payload), http_headers=headers,
        warc_headers_dict={"WARC-Date": date},
    )  # fmt: skip
    writer.write_record(record)


def make_warc(captures: list[tuple[str, bytes, str, str]], *, gzip: bool = True) -> bytes:
    """A WARC holding a response record per (url, payload, content type, WARC-Date)."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzip)
    for url, payload, content_type, date in captures:
        warc_record(writer, url, payload, content_type, date)
    return out.getvalue()


def make_wacz(warc: bytes, url: str, date: dt.datetime) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as wacz:
        wacz.writestr("archive/data.warc.gz", warc)
        wacz.writestr(
            "pages/pages.jsonl",
            json.dumps({"format": "json-pages-1.0"}) + "\n"
            + json.dumps({"url": url, "ts": date.isoformat()}) + "\n",
        )  # fmt: skip
        wacz.writestr("datapackage.json", json.dumps({"profile": "data-package"}))
    return out.getvalue()


def as_html(text: str, title: str) -> bytes:
    """A saved web page of the text: a paragraph per line, the list items as <li>."""
    from html import escape

    body, in_list = [], False
    for line in text.split("\n"):
        if line.startswith("- ") != in_list:
            in_list = not in_list
            body.append("<ul>" if in_list else "</ul>")
        if in_list:
            body.append(f"<li>{escape(line[2:])}</li>")
        elif line.strip():
            body.append(f"<p>{escape(line)}</p>")
    if in_list:
        body.append("</ul>")
    page = (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{escape(title)}</title></head>"
        f"<body><nav><a href='/'>Home</a></nav><article>\n{chr(10).join(body)}\n</article></body></html>"
    )
    return page.encode("utf-8")
