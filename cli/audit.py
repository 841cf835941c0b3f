"""``zhifa audit verify``: check the tamper-evident record of every (or one) township."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import msgspec
import typer
from zhifa.cli.common import JsonOption, console, emit_json, err_console, fail, run_service

app = typer.Typer(help="全过程记录核验。", no_args_is_help=True)


@app.command("verify")
def verify(
    township: Optional[str] = typer.Option(None, "--township", help="只核验该乡镇"),
    checkpoint: Optional[Path] = typer.Option(None, "--checkpoint", help="县里另行保存的检查点文件（zhifa audit checkpoint）"),
    json: bool = JsonOption,
) -> None:
    """逐条核验事件哈希链和密钥签名、案件记录与事件是否一致，并与检查点比对；有问题时报告并以非零状态退出。"""
    from zhifa.core.services.audit import verify as verify_chains
    from zhifa.core.services.checkpoints import Checkpoint

    points = None
    if checkpoint is not None:
        try:
            points = msgspec.json.decode(checkpoint.read_bytes(), type=list[Checkpoint])
        except (OSError, msgspec.DecodeError, msgspec.ValidationError) as exc:
            fail(f"无法读取检查点文件 {checkpoint}：{exc}")
    reports = run_service(lambda: verify_chains(township, points))
    if json:
        emit_json(reports)
    else:
        for report in reports:
            if report.intact:
                console.print(f"{report.township}：{report.events} 条事件，哈希链完整，案件记录与事件一致", highlight=False)
            elif report.first_break is not None:
                err_console.print(f"[red]{report.township}：{report.first_break.message}[/red]", highlight=False)
            for mismatch in report.cases:
                err_console.print(f"[red]{report.township}：{mismatch.message}[/red]", highlight=False)
            for problem in report.checkpoint:
                err_console.print(f"[red]{problem}[/red]", highlight=False)
    if any(not r.intact for r in reports):
        raise typer.Exit(1)


@app.command("checkpoint")
def checkpoint(
    township: Optional[str] = typer.Option(None, "--township", help="只取该乡镇"),
    out: Optional[Path] = typer.Option(None, "--out", help="写入文件（缺省输出到屏幕）；请保存在数据库以外的地方"),
) -> None:
    """记录每个乡镇事件链的条数和末条哈希（以部署密钥签名），供县里另行保存，日后核验删除与截断。"""
    from zhifa.core.services.checkpoints import take

    points = run_service(lambda: take(township))
    data = msgspec.json.encode(points)
    if out is None:
        emit_json(points)
        return
    out.write_bytes(data + b"\n")
    console.print(f"已记录 {len(points)} 个乡镇的检查点：{out}", highlight=False)
