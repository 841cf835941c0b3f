"""A township's public disclosure page (行政执法公示) as one self-contained HTML document.

Rendered only from the masked ``PublicPage`` (and the published inspection results,
``PublicInspections``, masked in the same way): nothing personal can reach it that the records do
not already hold. Every value is HTML-escaped.
"""

from __future__ import annotations

from html import escape

from zhifa.core.schemas.inspections import PublicInspections
from zhifa.core.schemas.publication import PublicPage, PublicRecord

PARTY_KINDS = {"citizen": "公民", "individual_business": "个体工商户", "organisation": "法人或者其他组织"}


def _row(label: str, value: object) -> str:
    return f"<tr><th>{escape(label)}</th><td>{escape('' if value is None else str(value))}</td></tr>"


def _record(record: PublicRecord) -> str:
    party = record.party
    rows = [
        _row("决定书类型", record.title), _row("案件编号", record.case_number or ""), _row("执法机关", record.authority),
        _row("当事人", f"{party.name}（{PARTY_KINDS.get(party.kind, party.kind)}）"),
        _row("证件号码" if party.kind == "citizen" else "统一社会信用代码", party.identifier),
    ]
    if party.legal_representative:
        rows.append(_row("法定代表人（负责人、经营者）", party.legal_representative))
    rows += [
        _row("执法领域", record.field), _row("违法行为", record.power_name), _row("主要违法事实", record.facts),
        _row("地点", record.place), _row("法律依据", record.legal_basis),
        _row("处理结果", "、".join(record.penalties) or "不予行政处罚"),
        _row("罚款金额（元）", record.amount if record.amount is not None else "—"), _row("理由", record.reasons),
        _row("决定日期", record.decided_on), _row("公示日期", record.published_on), _row("公示期至", record.display_until),
    ]
    return f'<section class="record"><table>{"".join(rows)}</table></section>'


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
        f"<title>{escape(title)}</title>"
        "<style>body{font-family:sans-serif;max-width:960px;margin:auto}table{border-collapse:collapse;width:100%;"
        "margin:1em 0}th,td{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}"
        "th{width:12em;background:#f5f5f5}</style></head><body>"
        f"<h1>{escape(title)}</h1><p>截至 {page.on}，个人信息已依法去标识化。</p>"
        f"{records}{withdrawals}{_inspections(inspections)}</body></html>"
    )
