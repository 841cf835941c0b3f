"""Render a plugin's Word templates for a sample case, self-contained (no database, no core documents).

The conformance kit builds a sample rendering context from a sample case and the power's
provisions, lets the plugin add its own values through its ``zhifa_document_context`` hook,
renders the ``.docx`` with docxtpl, re-opens the result with python-docx and checks that it is a
readable document naming the party. Names a template uses that neither the kit nor the plugin
supplies render as blanks (as an unfilled form would), so a field-specific placeholder never
fails the check — a syntax error, a broken file or a missing party name does.
"""

from __future__ import annotations

import datetime as dt
import inspect
import io
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable

import jinja2

SUBJECT = {"name": "示例镇人民政府", "short_name": "示综执", "address": "示例县示例镇政府路1号", "phone": "0571-00000000"}
PARTIES = {
    "citizen": {
        "kind": "citizen", "name": "张示例", "identifier": "330122198503120411", "legal_representative": "",
        "address": "示例县示例镇示例村8号", "phone": "13900000000", "birth_date": "1985年3月12日",
    },
    "organisation": {
        "kind": "organisation", "name": "示例县示例商贸有限公司", "identifier": "91330122MA27XK3P0X",
        "legal_representative": "王示例", "address": "示例县示例镇振兴路66号", "phone": "0571-11111111",
    },
}
OFFICERS = [
    {"name": "执法队员甲", "certificate": "浙A1000001"},
    {"name": "执法队员乙", "certificate": "浙A1000002"},
]


class Officers(list):
    """A list of officers that prints as 甲（证号 …）、乙（证号 …） where a template writes ``{{ officers }}``."""

    def __str__(self) -> str:
        return "、".join(f"{o['name']}（执法证号 {o['certificate']}）" for o in self)


class Blank(jinja2.ChainableUndefined):
    """A name nobody supplied: renders as a blank, allows ``.attr``, ``[key]`` and loops (none)."""

    def __str__(self) -> str:
        return ""


def chinese_date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _provision(provision: Any) -> dict[str, str]:
    if provision is None:
        return {"law": "", "article": "", "text": ""}
    return {"law": provision.law, "article": provision.article, "text": provision.text}


def _yuan(value: Decimal | None) -> str:
    return "" if value is None else f"{value:,.2f}元"


def sample_context(catalogue: Any, template: Any, power: Any, sample: Any = None, recommendation: Any = None) -> dict:
    """A rendering context for one template, from a sample case (or the power alone)."""
    decided = sample.facts.decision_date if sample is not None else dt.date(2026, 4, 1)
    party_kind = sample.facts.party_kind if sample is not None else "organisation"
    party = dict(PARTIES.get(party_kind, PARTIES["organisation"]))
    short = SUBJECT["short_name"]
    number_code = template.number_code or "文"
    amount = recommendation.recommended_amount if recommendation is not None else None
    tier_range = recommendation.tier_range if recommendation is not None else None
    penalty = {
        "standard": getattr(recommendation, "standard", None) or "",
        "tier": getattr(recommendation, "tier", None) or "",
        "tier_name": getattr(recommendation, "tier_name", ""),
        "range": f"{_yuan(tier_range.min)}至{_yuan(tier_range.max)}" if tier_range else "",
        "amount": _yuan(amount),
        "reasons": "；".join(getattr(recommendation, "reasons", []) or []),
    }
    officers = Officers(OFFICERS)
    return {
        "subject": dict(SUBJECT),
        "document": {"number": f"{short}{number_code}〔{decided.year}〕1号", "date": chinese_date(decided),
                     "name": template.name, "code": template.code},
        "case": {
            "number": f"{short}立〔{decided.year}〕1号",
            "facts": f"{power.name.removeprefix('对').removesuffix('的行政处罚')}（示例案情）。",
            "evidence": "现场检查笔录、询问笔录、现场照片等证据（示例）",
            "summary": sample.name if sample is not None else power.name,
            "place": "示例县示例镇示例路1号",
            "field": catalogue.field.name,
        },
        "party": party,
        "power": {
            "code": power.code, "name": power.name, "violated": _provision(power.violated),
            "penalised": _provision(power.penalised), "basis": _provision(power.basis),
        },
        "remedies": {"reconsideration_body": "示例县人民政府", "court": "示例县人民法院",
                     "reconsideration_days": 60, "litigation_months": 6},
        "decision": {"date": chinese_date(decided), "amount": penalty["amount"], "tier": penalty["tier_name"],
                     "other_penalties": "", "text": f"罚款{penalty['amount']}" if amount is not None else ""},
        "penalty": penalty,
        "deadline": chinese_date(decided + dt.timedelta(days=15)),
        "officers": officers,
        "officer1": officers[0],
        "officer2": officers[1],
        "recorder": {"name": officers[1]["name"]},
    }


def call_hook(func: Callable[..., Any] | None, **kwargs: Any) -> Any:
    """Call a plugin's hook implementation with the keyword arguments it accepts (as pluggy does)."""
    if func is None:
        return None
    accepted = inspect.signature(func).parameters
    return func(**{k: v for k, v in kwargs.items() if k in accepted})


def document_text(data: bytes) -> str:
    """Every paragraph of a .docx — body, tables, headers and footers — as text."""
    import docx

    document = docx.Document(io.BytesIO(data))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.extend(cell.text for cell in row.cells)
    for section in document.sections:
        lines.extend(p.text for p in section.header.paragraphs)
        lines.extend(p.text for p in section.footer.paragraphs)
    return "\n".join(lines)


def render_template(path: Path, context: dict) -> tuple[bytes, set[str]]:
    """Render ``path`` with ``context``; return the .docx bytes and the names the template uses."""
    from docxtpl import DocxTemplate

    used = DocxTemplate(str(path)).get_undeclared_template_variables()
    template = DocxTemplate(str(path))
    environment = jinja2.Environment(undefined=Blank, autoescape=True)
    template.render(context, jinja_env=environment)
    out = io.BytesIO()
    template.save(out)
    return out.getvalue(), set(used)


def check_render(path: Path, context: dict) -> list[str]:
    """Problems rendering one template: errors while rendering, an unreadable result, no party name."""
    from docx.opc.exceptions import PackageNotFoundError

    if not path.is_file():
        return [f"模板文件 {path.name} 不存在"]
    try:
        data, used = render_template(path, context)
    except jinja2.TemplateSyntaxError as exc:
        return [f"模板语法错误（第 {exc.lineno} 行附近）：{exc.message}"]
    except (jinja2.TemplateError, PackageNotFoundError, KeyError, ValueError, TypeError) as exc:
        return [f"渲染失败：{type(exc).__name__}: {exc}"]
    except Exception as exc:  # a broken .docx surfaces as zipfile/lxml errors
        return [f"渲染失败（文件可能不是有效的 Word 文档）：{type(exc).__name__}: {exc}"]
    try:
        text = document_text(data)
    except Exception as exc:
        return [f"渲染结果无法用 python-docx 重新打开：{type(exc).__name__}: {exc}"]
    problems = []
    if not text.strip():
        problems.append("渲染结果没有任何文字")
    if "party" in used and context["party"]["name"] not in text:
        problems.append(f"模板引用了 party，但渲染结果中找不到当事人名称“{context['party']['name']}”（应写 {{{{ party.name }}}}）")
    return problems
