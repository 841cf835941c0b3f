"""Build the core's Word templates (core/templates/*.docx) and their declarations (templates.toml).

Run ``python -m zhifa.core.documents.build_templates`` to write them afresh. The .docx files are
committed: a township office may open and edit them in Word (keep the ``{{ … }}`` placeholders
intact — Word must not split one across formatting runs, so retype a placeholder whole when
changing it). Re-running this script overwrites such edits, so edit either here or in Word.

Layout follows GB/T 9704 where it applies to 执法文书: A4, margins 37/35/28/26 mm, the
enforcement subject and the title centred in 宋体 bold, the 文号 line, body in 仿宋 with a
two-character first-line indent, tables for forms (表), and the seal and date lines.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from zhifa.core.documents.template_specs import SPECS, Spec

TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "templates"
BODY_FONT, TITLE_FONT = "仿宋", "宋体"
DEFAULT_SIZE = 16  # 三号


# ---------------------------------------------------------------------------------------------
# Word helpers
# ---------------------------------------------------------------------------------------------


def _east_asian(element, name: str) -> None:
    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), name)


def _new(size: float):
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    normal = document.styles["Normal"]
    normal.font.size = Pt(size)
    _east_asian(normal.element, BODY_FONT)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = Pt(round(size * 1.75))
    core = document.core_properties
    core.author, core.comments = "zhifa", "由 zhifa.core.documents.build_templates 生成"
    return document


def _run(paragraph, text: str, *, size: float | None = None, bold: bool = False, font: str | None = None):
    run = paragraph.add_run(text)
    if size:
        run.font.size = Pt(size)
    run.bold = bold or None
    if font:
        _east_asian(run._element, font)
    return run


def _para(document_or_cell, text: str, *, align=None, indent: bool = True, size: float | None = None,
          bold: bool = False, font: str | None = None, before: float = 0, after: float = 0, line: float | None = None):
    paragraph = document_or_cell.add_paragraph()
    if align is not None:
        paragraph.alignment = align
    fmt = paragraph.paragraph_format
    if indent and align in (None, WD_ALIGN_PARAGRAPH.JUSTIFY, WD_ALIGN_PARAGRAPH.LEFT):
        fmt.first_line_indent = Pt((size or DEFAULT_SIZE) * 2)
    if before:
        fmt.space_before = Pt(before)
    if after:
        fmt.space_after = Pt(after)
    if line:
        fmt.line_spacing = Pt(line)
    if text:
        _run(paragraph, text, size=size, bold=bold, font=font)
    return paragraph


def _heading(document, spec: Spec) -> None:
    _para(document, "{{ subject.name }}", align=WD_ALIGN_PARAGRAPH.CENTER, size=18, bold=True, font=TITLE_FONT,
          line=32)
    _para(document, spec.title or spec.name, align=WD_ALIGN_PARAGRAPH.CENTER, size=22, bold=True, font=TITLE_FONT, line=36,
          after=6)
    if spec.subtitle:
        _para(document, spec.subtitle, align=WD_ALIGN_PARAGRAPH.CENTER, size=14)
    if spec.number_code:
        _para(document, "{{ document.number }}", align=WD_ALIGN_PARAGRAPH.RIGHT, size=spec.size, after=6)


def _cell_text(cell, text: str, size: float, align=None) -> None:
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    first = True
    for line in text.split("\n"):
        paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        if align is not None:
            paragraph.alignment = align
        paragraph.paragraph_format.line_spacing = Pt(round(size * 1.5))
        if line:
            _run(paragraph, line, size=size)


def _table(document, widths: list[float], rows: list[list], size: float) -> None:
    """rows: lists of cells; a cell is text or (text, span). Label cells (odd columns) are centred."""
    table = document.add_table(rows=len(rows), cols=len(widths))
    table.style = "Table Grid"
    table.autofit = False
    for r, row in enumerate(rows):
        column = 0
        for item in row:
            text, span = (item, 1) if isinstance(item, str) else item
            cell = table.cell(r, column)
            if span > 1:
                cell = cell.merge(table.cell(r, column + span - 1))
            label = len(row) > 1 and item is row[0] or (len(row) == 4 and item is row[2])
            _cell_text(cell, text, size, WD_ALIGN_PARAGRAPH.CENTER if label else None)
            column += span
    for row in table.rows:
        for index, width in enumerate(widths):
            row.cells[index].width = Mm(width)
    grid = table._tbl.tblGrid
    for index, column in enumerate(grid.findall(qn("w:gridCol"))):
        column.set(qn("w:w"), str(int(widths[index] * 56.7)))


def _signature(document, size: float, date: str = "{{ document.date }}", seal: bool = True) -> None:
    _para(document, "", indent=False)
    _para(document, "{{ subject.name }}" + ("（印章）" if seal else ""), align=WD_ALIGN_PARAGRAPH.RIGHT, size=size)
    _para(document, date, align=WD_ALIGN_PARAGRAPH.RIGHT, size=size)


def build(spec: Spec) -> object:
    document = _new(spec.size)
    _heading(document, spec)
    for item in spec.body:
        kind = item[0]
        if kind == "p":
            _para(document, item[1], size=spec.size)
        elif kind == "flat":  # no first-line indent
            _para(document, item[1], indent=False, size=spec.size)
        elif kind == "tag":  # a docxtpl paragraph tag ({%p … %}) on its own line
            _para(document, item[1], indent=False, size=spec.size)
        elif kind == "right":
            _para(document, item[1], align=WD_ALIGN_PARAGRAPH.RIGHT, size=spec.size)
        elif kind == "centre":
            _para(document, item[1], align=WD_ALIGN_PARAGRAPH.CENTER, size=spec.size)
        elif kind == "table":
            _table(document, item[1], item[2], item[3] if len(item) > 3 else 12)
        elif kind == "sign":
            _signature(document, spec.size, *(item[1:]))
        elif kind == "note":
            _para(document, item[1], indent=False, size=10.5, before=6)
        elif kind == "blank":
            _para(document, "", indent=False, size=spec.size)
        else:  # pragma: no cover - a typo in the specs below
            raise ValueError(kind)
    return document


def declarations_toml(specs: list[Spec]) -> str:
    lines = [
        "# 核心执法文书模板（一般程序的标准文书和简易程序的当场处罚决定书）。",
        "# Generated by zhifa.core.documents.build_templates together with the .docx files beside it.",
        "# Same shape as a field catalogue's templates.toml; a field template with overrides = \"<code>\"",
        "# replaces one of these for the field's cases. number_code empty: a form or record without 文号.",
        "",
    ]
    for spec in specs:
        lines += ["[[templates]]", f'code = "{spec.code}"', f'name = "{spec.name}"', f'file = "templates/{spec.code}.docx"']
        if spec.number_code:
            lines.append(f'number_code = "{spec.number_code}"')
        lines += [f'stage = "{spec.stage}"', ""]
    return "\n".join(lines)


def main(target: Path = TEMPLATES_DIR) -> list[Path]:
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for spec in SPECS:
        path = target / f"{spec.code}.docx"
        build(spec).save(path)
        written.append(path)
    toml = target / "templates.toml"
    toml.write_text(declarations_toml(SPECS), encoding="utf-8")
    return [*written, toml]


if __name__ == "__main__":
    for written_path in main(Path(sys.argv[1]) if len(sys.argv) > 1 else TEMPLATES_DIR):
        print(written_path)
