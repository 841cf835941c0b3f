"""Word → PDF in pure Python: python-docx reads the rendered document, reportlab lays it out.

No office suite is needed (CI and a township's server have none). Text is set in the Adobe
CJK font ``STSong-Light`` (宋体), a standard PDF CID font that needs no font file: the PDF
carries the Unicode text (UniGB-UCS2-H), so it is searchable and copyable, and readers draw it
with their own Song typeface. The layout follows the Word file: page size and margins,
paragraph alignment, size and first-line indent, line and page breaks, and tables with merged
cells; bold, colours and images are not reproduced — the Word file remains the document of record.
"""

from __future__ import annotations

import io
import re
from typing import Any
from xml.sax.saxutils import escape

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Length
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph as DocxParagraph
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from reportlab.platypus.doctemplate import LayoutError
from zhifa.core.services.errors import Invalid

FONT = "STSong-Light"
DEFAULT_SIZE = 12.0
_ALIGN = {WD_ALIGN_PARAGRAPH.CENTER: TA_CENTER, WD_ALIGN_PARAGRAPH.RIGHT: TA_RIGHT}
_registered = False


def _font() -> str:
    global _registered
    if not _registered:
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))
        _registered = True
    return FONT


def _styles_chain(style: Any):
    while style is not None:
        yield style
        style = style.base_style


def _style_value(paragraph: DocxParagraph, getter) -> Any:
    value = getter(paragraph.paragraph_format)
    if value is not None:
        return value
    for style in _styles_chain(paragraph.style):
        value = getter(style.paragraph_format)
        if value is not None:
            return value
    return None


def _size(paragraph: DocxParagraph, normal: float) -> float:
    sizes = [r.font.size.pt for r in paragraph.runs if r.font.size is not None]
    if sizes:
        return max(sizes)
    for style in _styles_chain(paragraph.style):
        if style.font.size is not None:
            return style.font.size.pt
    return normal


def _keep_spaces(text: str) -> str:
    """Runs of spaces and ideographic spaces (blanks to sign on) must not collapse: no-break spaces,
    which the CJK font sets one em wide (two ASCII spaces each)."""
    text = text.replace("\u3000", "\xa0")
    return re.sub(r" {2,}", lambda m: "\xa0" * ((len(m.group()) + 1) // 2), text)


def _pieces(paragraph: DocxParagraph) -> tuple[list[str], bool]:
    """The paragraph's text as reportlab markup lines, and whether it ends with a page break."""
    text, page_break = [], False
    for run in paragraph._p.iter(qn("w:r")):
        for child in run:
            tag = child.tag
            if tag == qn("w:t"):
                text.append(_keep_spaces(escape(child.text or "")))
            elif tag == qn("w:tab"):
                text.append("\xa0" * 2)
            elif tag in (qn("w:br"), qn("w:cr")):
                if child.get(qn("w:type")) == "page":
                    page_break = True
                else:
                    text.append("<br/>")
    return text, page_break


def _paragraph(paragraph: DocxParagraph, normal: float, width: float | None = None) -> tuple[Any, bool]:
    size = _size(paragraph, normal)
    alignment = _style_value(paragraph, lambda f: f.alignment)
    indent = _style_value(paragraph, lambda f: f.first_line_indent)
    before = _style_value(paragraph, lambda f: f.space_before)
    after = _style_value(paragraph, lambda f: f.space_after)
    spacing = _style_value(paragraph, lambda f: f.line_spacing)
    if isinstance(spacing, Length):
        leading = max(spacing.pt, size * 1.1)
    elif isinstance(spacing, float):
        leading = size * 1.2 * spacing
    else:
        leading = size * 1.5
    text, page_break = _pieces(paragraph)
    markup = "".join(text)
    if not markup.strip():
        return Spacer(1, leading * 0.6), page_break
    style = ParagraphStyle(
        "p", fontName=_font(), fontSize=size, leading=leading, wordWrap="CJK",
        alignment=_ALIGN.get(alignment, TA_LEFT),
        firstLineIndent=indent.pt if isinstance(indent, Length) else 0,
        spaceBefore=before.pt if isinstance(before, Length) else 0,
        spaceAfter=after.pt if isinstance(after, Length) else 0,
    )
    return Paragraph(markup, style), page_break


def _bordered(table: DocxTable) -> bool:
    name = table.style.name if table.style is not None else ""
    return "Grid" in name or table._tbl.tblPr.find(qn("w:tblBorders")) is not None


def _table(table: DocxTable, width: float, normal: float) -> Table:
    tbl = table._tbl
    grid = [int(c.get(qn("w:w")) or 0) for c in tbl.tblGrid.findall(qn("w:gridCol"))]
    columns = max(len(grid), 1)
    cells: list[list[Any]] = []
    origin: dict[tuple[int, int], tuple[int, int]] = {}  # (row, col) → origin of its merged block
    spans: dict[tuple[int, int], list[int]] = {}  # origin → [last col, last row]
    for r, tr in enumerate(tbl.tr_lst):
        row: list[Any] = [""] * columns
        c = 0
        for tc in tr.tc_lst:
            span = tc.grid_span
            if c >= columns:
                break
            if tc.vMerge == "continue" and r > 0 and (r - 1, c) in origin:
                start = origin[(r - 1, c)]
                spans[start][1] = r
                for k in range(c, min(c + span, columns)):
                    origin[(r, k)] = start
            else:
                flowables = [_paragraph(DocxParagraph(p, table._parent), normal)[0] for p in tc.p_lst]
                row[c] = flowables
                spans[(r, c)] = [min(c + span, columns) - 1, r]
                for k in range(c, min(c + span, columns)):
                    origin[(r, k)] = (r, c)
            c += span
        cells.append(row)
    total = sum(grid) or columns
    widths = [width * (g or total / columns) / total for g in grid] if grid else [width]
    commands: list[tuple] = [("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("FONTNAME", (0, 0), (-1, -1), _font())]
    if _bordered(table):
        commands.append(("GRID", (0, 0), (-1, -1), 0.5, "black"))
    for (r, c), (c1, r1) in spans.items():
        if c1 > c or r1 > r:
            commands.append(("SPAN", (c, r), (c1, r1)))
    return Table(cells, colWidths=widths, style=TableStyle(commands), repeatRows=0,
                 splitInRow=1)  # a cell taller than a page (a long opinion) continues on the next page


def _page_number(canvas, doc) -> None:
    canvas.saveState()
    canvas.setFont(_font(), 10)
    canvas.drawCentredString(doc.pagesize[0] / 2, 12 * mm, f"— {doc.page} —")
    canvas.restoreState()


def docx_to_pdf(content: bytes, *, title: str = "", author: str = "") -> tuple[bytes, int]:
    """The PDF of a Word document, and its number of pages. Same input, same bytes."""
    document = Document(io.BytesIO(content))
    section = document.sections[0]
    normal_style = document.styles["Normal"].font.size
    normal = normal_style.pt if normal_style is not None else DEFAULT_SIZE
    page = (section.page_width.pt, section.page_height.pt)
    out = io.BytesIO()
    pdf = SimpleDocTemplate(
        out, pagesize=page, leftMargin=section.left_margin.pt, rightMargin=section.right_margin.pt,
        topMargin=section.top_margin.pt, bottomMargin=section.bottom_margin.pt, title=title, author=author,
        creator="zhifa", invariant=1,
    )
    flowables: list[Any] = []
    for block in document.iter_inner_content():
        if isinstance(block, DocxTable):
            flowables.append(_table(block, pdf.width, normal))
            flowables.append(Spacer(1, 6))
            continue
        flowable, page_break = _paragraph(block, normal)
        flowables.append(flowable)
        if page_break:
            flowables.append(PageBreak())
    if not flowables:
        flowables.append(Spacer(1, 1))
    try:
        pdf.build(flowables, onFirstPage=_page_number, onLaterPages=_page_number)
    except LayoutError as exc:  # something that cannot be laid out on any page: the caller's content, not a crash
        raise Invalid("document.layout", "文书中有一项内容无法排版（单项内容过长或过大），请缩短后重新制作", field="data") from exc
    return out.getvalue(), pdf.page
