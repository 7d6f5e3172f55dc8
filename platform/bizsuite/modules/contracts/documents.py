"""A contract's text as a PDF document (reportlab), with Chinese set in reportlab's built-in CJK
font STSong-Light (an Adobe CID font every PDF reader has), so no system font is needed.
reportlab ships no type information: its imports are marked ``import-untyped``.

A pure function over plain values: the services build the text from the template and store the
bytes in the kernel's file storage.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any
from xml.sax.saxutils import escape

#: reportlab's built-in Simplified Chinese font (no font file: the reader supplies the glyphs).
CJK_FONT = "STSong-Light"
CONTENT_TYPE = "application/pdf"


def _font() -> str:
    from reportlab.pdfbase import pdfmetrics  # type: ignore[import-untyped]
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont  # type: ignore[import-untyped]

    if CJK_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(CJK_FONT))
    return CJK_FONT


@dataclass(frozen=True, slots=True)
class ContractText:
    """What a contract document says: a title, a line of facts, the body and numbered clauses."""

    title: str
    subtitle: str
    body: str
    clauses: list[tuple[str, str]] = field(default_factory=list)


def _paragraphs(text: str, style: Any) -> list[Any]:
    from reportlab.platypus import Paragraph  # type: ignore[import-untyped]

    # reportlab paragraphs take a small XML markup: escape the text, keep its line breaks.
    return [
        Paragraph(escape(block).replace("\n", "<br/>"), style)
        for block in text.split("\n\n")
        if block.strip()
    ]


def render_pdf(text: ContractText) -> bytes:
    """The contract as an A4 PDF."""
    # reportlab is imported by the first document, not by every app worker (15 MB).
    from reportlab.lib.pagesizes import A4  # type: ignore[import-untyped]
    from reportlab.lib.styles import ParagraphStyle  # type: ignore[import-untyped]
    from reportlab.lib.units import mm  # type: ignore[import-untyped]
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    font = _font()
    title = ParagraphStyle("title", fontName=font, fontSize=16, leading=22, alignment=1, spaceAfter=4 * mm)
    small = ParagraphStyle("small", fontName=font, fontSize=9, leading=13, alignment=1, spaceAfter=6 * mm)
    body = ParagraphStyle("body", fontName=font, fontSize=10.5, leading=16, wordWrap="CJK", spaceAfter=3 * mm)
    heading = ParagraphStyle("heading", fontName=font, fontSize=11.5, leading=17, spaceBefore=3 * mm)
    story: list[object] = [Paragraph(escape(text.title), title), Paragraph(escape(text.subtitle), small)]
    story += _paragraphs(text.body, body)
    for number, (clause_title, clause_body) in enumerate(text.clauses, start=1):
        story.append(Paragraph(escape(f"{number}. {clause_title}"), heading))
        story += _paragraphs(clause_body, body)
    story.append(Spacer(1, 8 * mm))
    out = io.BytesIO()
    document = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=20 * mm,
        bottomMargin=20 * mm,
        title=text.title,
        invariant=True,  # the same text makes the same bytes (no timestamp, fixed id)
    )
    document.build(story)
    return out.getvalue()
