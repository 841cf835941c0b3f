"""``zhifa case templates|document|documents|export``: 执法文书 for a case, and the whole case file as a zip."""

from __future__ import annotations

import datetime as dt
import json as jsonlib
from pathlib import Path
from typing import Optional

import typer
from zhifa.cli.common import JsonOption, console, emit_json, emit_table, fail, run_service


def _data(text: str) -> dict:
    try:
        value = jsonlib.loads(text)
    except ValueError as exc:
        fail(f"--data 不是有效的 JSON：{exc}")
    if not isinstance(value, dict):
        fail("--data 应为 JSON 对象")
    return value


def templates(case_id: int, township: str = typer.Option(..., "--township"), json: bool = JsonOption) -> None:
    """列出本案可用的文书模板（核心模板、领域模板及领域替换的模板）。"""
    from zhifa.core.documents.service import list_templates

    rows = run_service(lambda: list_templates(township, case_id))
    if json:
        return emit_json(rows)
    emit_table("文书模板", ["代码", "名称", "来源", "阶段", "文书代字", "替换"],
               ((t.code, t.name, t.origin, t.stage, t.number_code, t.overrides) for t in rows))


def document(
    case_id: int,
    template: str,
    township: str = typer.Option(..., "--township"),
    actor: str = typer.Option(..., "--actor", help="制作人用户名"),
    on: Optional[dt.datetime] = typer.Option(None, "--on", formats=["%Y-%m-%d"], help="文书日期（缺省今天）"),
    data: str = typer.Option("{}", "--data", help="文书中补充的内容（JSON），如 {\"inspection\": {\"place\": \"…\"}}"),
    replaces: Optional[int] = typer.Option(None, "--replaces", help="更正的文书编号（沿用其文号）"),
    out: Optional[Path] = typer.Option(None, "--out", help="把 Word 和 PDF 文件写到此目录"),
    json: bool = JsonOption,
) -> None:
    """制作一份执法文书：编号、生成 Word 和 PDF、保存并记入全过程记录。"""
    from zhifa.core.documents.service import document_content, render_document

    values = _data(data)

    async def _render():
        made = await render_document(township, case_id, template, actor=actor, data=values,
                                     on=on.date() if on else None, replaces=replaces)
        files = []
        if out is not None:
            out.mkdir(parents=True, exist_ok=True)
            stem = f"{made.id:04d}-{made.title}"
            for kind in ("docx", "pdf"):
                path = out / f"{stem}.{kind}"
                path.write_bytes(await document_content(township, made.id, kind))
                files.append(str(path))
        return made, files

    made, files = run_service(_render)
    if json:
        return emit_json({"document": made, "files": files})
    console.print(f"已制作「{made.title}」{('，文号 ' + made.number) if made.number else ''}（文书编号 {made.id}，"
                  f"{made.pages} 页，SHA-256 {made.content_sha256[:16]}…）", highlight=False)
    if made.blanks:
        console.print(f"以下项目没有内容，请在 Word 中补填或用 --data 提供：{'、'.join(made.blanks)}", highlight=False)
    for path in files:
        console.print(f"  {path}", highlight=False)


def documents(case_id: int, township: str = typer.Option(..., "--township"), json: bool = JsonOption) -> None:
    """列出本案已制作的文书。"""
    from zhifa.core.documents.service import list_documents

    rows = run_service(lambda: list_documents(township, case_id))
    if json:
        return emit_json(rows)
    emit_table("执法文书", ["编号", "文书", "文号", "日期", "页数", "制作人", "更正"],
               ((d.id, d.title, d.number, d.issued_on, d.pages, d.created_by, d.replaces) for d in rows))


def export(
    case_id: int,
    township: str = typer.Option(..., "--township"),
    out: Path = typer.Option(..., "--out", help="导出的 zip 文件"),
    on: Optional[dt.datetime] = typer.Option(None, "--on", formats=["%Y-%m-%d"], help="封面、目录的日期（缺省今天）"),
    data: str = typer.Option("{}", "--data", help="封面补充内容（JSON），如 {\"archive\": {\"retention\": \"长期\"}}"),
    json: bool = JsonOption,
) -> None:
    """导出整个案卷（封面、卷内目录、文书、证据、全过程记录）为一个 zip 文件。"""
    from zhifa.core.documents.export import export_case

    values = _data(data)
    result = run_service(lambda: export_case(township, case_id, out, on=on.date() if on else None, cover=values))
    if json:
        return emit_json(result)
    chain = "完整" if result.chain_intact else "已被破坏"
    console.print(f"已导出案卷：{result.path}（文书 {result.documents} 份，证据 {result.evidence} 件，"
                  f"记录 {result.events} 条，哈希链{chain}）", highlight=False)


def register(app: typer.Typer) -> None:
    app.command("templates")(templates)
    app.command("document")(document)
    app.command("documents")(documents)
    app.command("export")(export)
