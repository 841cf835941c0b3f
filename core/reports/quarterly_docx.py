"""The quarterly case report (案件报告) as a Word file: figures, one table per entrusting department,
overdue cases, referrals and the supervisors' findings, in Chinese."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from typing import Iterable

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from zhifa.core.domain.authorisation import BASIS_NAMES
from zhifa.core.procedure.states import STATUS_NAMES
from zhifa.core.vocabulary import DECISION_KINDS
from zhifa.core.registry import get_host
from zhifa.core.schemas.reports import AuthoritySection, Figures, QuarterlyReport

SOURCE_NAMES = {"patrol": "日常巡查", "complaint": "投诉举报", "hotline": "12345 热线", "grid": "网格员上报",
                "random_inspection": "双随机抽查", "sampling": "抽检", "transfer": "移送", "assignment": "上级交办"}
PROCEDURE_NAMES = {"general": "一般程序", "simple": "简易程序"}
OUTCOME_NAMES = {**DECISION_KINDS, "no_penalty_minor": "不予处罚（轻微）", "no_penalty_unproven": "不予处罚（违法事实不能成立）",
                 "not_filed": "不予立案", "transferred": "移送管辖", "terminated": "终止调查",
                 "handed_back": "移交县级部门", "revoked": "决定被撤销"}
BASIS_NAMES = {**{b.value: name for b, name in BASIS_NAMES.items()}, "unauthorised": "未获授权"}
OVERDUE_NAMES = {"decision_clock": "超过办案期限未决定", "publication": "逾期未公示", "payment": "逾期未缴罚款"}
STEP_NAMES = {"file_case": "立案", "decide_on_spot": "当场处罚", "conclude_investigation": "调查终结", "decide": "作出决定"}
STATUSES = {s.value: name for s, name in STATUS_NAMES.items()}
FONT = "宋体"

#: Column headings of the per-department table (the test reads these back).
DEPARTMENT_COLUMNS = ["委托部门", "立案", "作出决定", "罚款决定（元）", "罚款收缴（元）", "结案", "季末未结"]


def money(amount: Decimal | None) -> str:
    return "" if amount is None else f"{Decimal(amount).quantize(Decimal('0.01'))}"


def _text(value) -> str:
    return "" if value is None else str(value)


def _font(document) -> None:
    style = document.styles["Normal"]
    style.font.size = Pt(10.5)
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), FONT)


def _table(document, header: list[str], rows: Iterable[Iterable]) -> None:
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header):
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = True
    rows = [list(row) for row in rows] or [["（无）"] + [""] * (len(header) - 1)]
    for row in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row):
            cell.text = _text(value)
    document.add_paragraph()


def _pct(value: Decimal | None) -> str:
    return "—" if value is None else f"{value}%"


def _days(value: Decimal | None) -> str:
    return "—" if value is None else f"{value} 日"


def _figure_rows(f: Figures) -> list[tuple[str, str]]:
    return [
        ("线索（发现）", str(f.clues)), ("立案", str(f.filed)), ("作出决定", str(f.decided)),
        ("其中给予行政处罚", str(f.penalties)), ("罚款决定金额（元）", money(f.fines_decided)),
        ("罚款收缴金额（元）", money(f.fines_collected)), ("结案", str(f.closed)), ("季末未结", str(f.pending)),
        ("结案率（本季度立案至季末已结案）", _pct(f.closure_rate)),
        ("平均办案天数（立案至决定，一般程序）", _days(f.avg_days_to_decision)),
        ("平均办案天数（立案至结案）", _days(f.avg_days_to_close)),
    ]


def _names(counts: dict[str, int], names: dict[str, str]) -> list[tuple[str, int]]:
    return [(names.get(k, k), v) for k, v in counts.items()]


def _department_row(section: AuthoritySection) -> list:
    f = section.figures
    return [section.name, f.filed, f.decided, money(f.fines_decided), money(f.fines_collected), f.closed, f.pending]


def _case_rows(section: AuthoritySection) -> list[list]:
    return [[c.number or f"（线索 {c.id}）", c.power_name or c.field, PROCEDURE_NAMES.get(c.procedure, c.procedure),
             STATUSES.get(c.status, c.status),
             c.filed_on, c.decided_on, OUTCOME_NAMES.get(c.decision_kind or "", ""), money(c.amount),
             money(c.collected) if c.collected else "", c.closed_on] for c in section.cases]


def _section_title(section: AuthoritySection) -> str:
    if section.basis == "entrusted":
        return f"{section.name}（委托事项）"
    if section.basis == "conferred":
        return f"{section.name}（赋权事项，以本乡镇名义）"
    return "未获授权的执法事项（见执法监督发现的问题）"


def _heading(document, text: str, level: int = 1) -> None:
    document.add_heading(text, level=level)


def render(report: QuarterlyReport, generated_on: dt.date | None = None) -> bytes:
    registry = get_host().registry
    fields = {code: c.field.name for code, c in registry.catalogues.items()}
    document = Document()
    _font(document)
    title = document.add_heading(f"{report.township_name}行政执法案件报告", level=0)
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    q = report.quarter
    document.add_paragraph(f"报告期：{q.title}（{q.start} 至 {q.end}）；逾期情况统计至 {report.as_of}"
                           + (f"；生成日期 {generated_on}" if generated_on else ""))

    _heading(document, "一、总体情况")
    _table(document, ["项目", "数值"], _figure_rows(report.figures))

    _heading(document, "二、分类统计（本季度立案）")
    _table(document, ["领域", "立案"], _names(report.breakdown.by_field, fields))
    _table(document, ["案源", "立案"], _names(report.breakdown.by_source, SOURCE_NAMES))
    _table(document, ["程序", "立案"], _names(report.breakdown.by_procedure, PROCEDURE_NAMES))
    _table(document, ["处理结果（本季度作出）", "件数"], _names(report.breakdown.by_outcome, OUTCOME_NAMES))

    _heading(document, "三、分委托部门情况")
    entrusted = [s for s in report.sections if s.basis == "entrusted"]
    _table(document, DEPARTMENT_COLUMNS, [_department_row(s) for s in entrusted])
    for section in report.sections:
        _heading(document, _section_title(section), level=2)
        _table(document, ["项目", "数值"], _figure_rows(section.figures))
        if section.cases:
            _table(document, ["立案编号", "执法事项", "程序", "状态", "立案日期", "决定日期", "处理结果", "罚款（元）",
                              "本季度收缴（元）", "结案日期"], _case_rows(section))

    _heading(document, "四、逾期情况")
    o = report.overdue
    _table(document, ["项目", "件数"], [
        ("超过办案期限（九十日）未作出决定", o.decision_clock), ("本季度超期作出决定", o.decided_late),
        ("逾期未公示", o.publication), ("逾期未缴清罚款", o.payment), ("逾期未缴罚款金额（元）", money(o.unpaid))])
    if o.items:
        _table(document, ["立案编号", "问题", "期限", "逾期天数", "未缴金额（元）"],
               [[i.case_number or i.case_id, OVERDUE_NAMES.get(i.problem, i.problem), i.due, i.days_overdue,
                 money(i.amount)] for i in o.items])

    _heading(document, "五、乡呼县应")
    r = report.referrals
    _table(document, ["项目", "数值"], [
        ("发出呼叫", r.sent), ("已受理", r.accepted), ("已答复", r.answered), ("逾期答复", r.answered_late),
        ("不予受理", r.refused), ("退回", r.returned), ("尚未答复", r.pending),
        ("平均受理用时（工作日）", _text(r.avg_accept_working_days) or "—"),
        ("平均答复用时（工作日）", _text(r.avg_answer_working_days) or "—"),
        ("平均答复用时（小时）", _text(r.avg_answer_hours) or "—")])

    _heading(document, "六、执法监督发现的问题")
    if report.findings:
        _table(document, ["立案编号", "问题", "环节", "日期", "说明", "记录来源"],
               [[f.case_number or f.case_id, f.title, STEP_NAMES.get(f.step, f.step), f.on, f.message,
                 "系统办理" if f.in_event_log else "导入或直接写入（无办案记录）"] for f in report.findings])
    else:
        document.add_paragraph("未发现问题。")

    _heading(document, "统计口径")
    for line in (
        "立案按立案日期（简易程序为当场处罚日期）计；作出决定、罚款决定金额按决定日期计；罚款收缴按缴款日期计；"
        "结案按结案日期计；处理结果按决定日期或不予立案、移送、终止、移交、撤销等环节的日期计。",
        "季末未结：季度最后一日前已立案、当日尚未结案或终结的案件。结案率：本季度立案的案件中至季度末已结案的比例。",
        "分委托部门情况按立案日（线索为发现日）所依据的授权归属：委托事项归委托部门，赋权事项归本乡镇。",
        "执法监督问题按所涉环节的日期归入本季度，依据库中存储的案卷、执法证和授权记录重新核验。",
    ):
        document.add_paragraph(line)

    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
