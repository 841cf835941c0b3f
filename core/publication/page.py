"""A township's public disclosure page (行政执法公示) as one self-contained HTML document.

Rendered only from the masked ``PublicPage`` (and the published inspection results,
``PublicInspections``, masked in the same way): nothing personal can reach it that the records do
not already hold. Every value is HTML-escaped.
"""

from __future__ import annotations

from decimal import Decimal
from html import escape

from zhifa.core.schemas.inspections import PublicInspections
from zhifa.core.schemas.publication import PublicPage, PublicRecord
from zhifa.core.vocabulary import PARTY_KINDS

STYLESHEET = "/web/static/public.css"  # zhifa.web's static files: no inline style (the page's CSP is 'self')


def _row(label: str, value: object) -> str:
    """One line of a record; nothing for an empty value (a line with no content tells the public nothing)."""
    text = "" if value is None else str(value).strip()
    if not text:
        return ""
    return f"<tr><th scope=\"row\">{escape(label)}</th><td>{escape(text)}</td></tr>"


def _amount(value: Decimal | None) -> str:
    """罚款金额 for people: 10,000.00 元."""
    return "" if value is None else f"{Decimal(value):,.2f} 元"


def _record(record: PublicRecord) -> str:
    party = record.party
    rows = [
        _row("决定书类型", record.title),
        _row("决定书文号", record.decision_number) or _row("立案编号", record.case_number),
        _row("执法机关", record.authority),
        _row("当事人", f"{party.name}（{PARTY_KINDS.get(party.kind, party.kind)}）"),
        _row("证件号码" if party.kind == "citizen" else "统一社会信用代码", party.identifier),
        _row("法定代表人（负责人、经营者）", party.legal_representative),
        _row("执法领域", record.field), _row("违法行为", record.power_name), _row("主要违法事实", record.facts),
        _row("地点", record.place), _row("法律依据", record.legal_basis),
        _row("处理结果", "、".join(record.penalties) or "不予行政处罚"),
        _row("罚款金额", _amount(record.amount)), _row("理由", record.reasons),
        _row("决定日期", record.decided_on), _row("公示日期", record.published_on), _row("公示期至", record.display_until),
    ]
    heading = escape(f"{record.title}（{record.decision_number or record.case_number or ''}）")
    return f'<section class="record"><h2>{heading}</h2><table>{"".join(rows)}</table></section>'


def _inspections(inspections: PublicInspections | None) -> str:
    """双随机抽查结果公示: the published results only (zhifa.core.services.inspections.public_inspections)."""
    if inspections is None:
        return ""
    if not inspections.publications:
        return "<h2>双随机抽查结果公示</h2><p>暂无公示的抽查结果。</p>"
    head = "".join(f"<th>{escape(h)}</th>" for h in ("检查对象", "统一社会信用代码", "经营者", "地址", "检查日期", "检查结果",
                                                        "公示日期"))
    sections = []
    for publication in inspections.publications:
        rows = "".join(
            "<tr>" + "".join(f"<td>{escape('' if v is None else str(v))}</td>" for v in (
                r.target_name, r.identifier, r.operator, r.address, r.inspected_on, r.outcome_name,
                f"{r.published_on}{'（逾期公示）' if r.late else ''}")) + "</tr>"
            for r in publication.results)
        sections.append(f'<section class="inspection"><h3>{escape(publication.plan_title)}（检查机关：'
                        f'{escape(publication.authority)}）</h3><table><tr>{head}</tr>{rows}</table></section>')
    return "<h2>双随机抽查结果公示</h2>" + "".join(sections)


def render(page: PublicPage, inspections: PublicInspections | None = None) -> str:
    title = f"{page.township_name}行政执法决定公示"
    records = "".join(_record(r) for r in page.records) or "<p>暂无公示中的执法决定。</p>"
    notices = "".join(
        f"<li>{escape(n.case_number or '')} {escape(n.title)}（{n.decided_on}）已于 {n.withdrawn_on} 撤回："
        f"{escape(n.reason)}</li>" for n in page.withdrawals
    )
    withdrawals = f"<h2>撤回说明</h2><ul>{notices}</ul>" if notices else ""
    return (
        '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title>"
        f'<link rel="stylesheet" href="{STYLESHEET}"></head><body class="public">'  # served by the app (CSP: 'self')
        f"<main><h1>{escape(title)}</h1><p>截至 {page.on}，个人信息已依法去标识化。</p>"
        f"{records}{withdrawals}{_inspections(inspections)}</main></body></html>"
    )
