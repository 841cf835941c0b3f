"""``zhifa demo``: load the demo county into the configured database."""

from __future__ import annotations

from zhifa.cli.common import JsonOption, console, emit_json, run_service


def demo(json: bool = JsonOption) -> None:
    """载入演示数据：一个县、三个授权各不相同的乡镇、部门、持证执法人员、当事人和线索。"""
    from zhifa.core.services.county_config import describe
    from zhifa.core.services.demo import DEMO_PASSWORD, load_demo

    summary = run_service(load_demo, migrate=True)
    if json:
        return emit_json(summary)
    console.print(f"演示数据已载入：{describe(summary)}、线索 {summary.clues} 条。", highlight=False)
    console.print(f"演示账号密码均为 {DEMO_PASSWORD}（如 hc-officer1、jiandu）。试试：zhifa powers --township 330122101", highlight=False)
