"""``zhifa plugin new`` and ``zhifa plugin check``: the plugin author's kit on the command line."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import msgspec
import typer
from zhifa.cli.common import JsonOption, console, emit_json, fail

app = typer.Typer(help="插件开发工具：生成新的领域插件，检查插件是否合格。", no_args_is_help=True)


class ProblemRow(msgspec.Struct):
    plugin: str
    file: str
    entry: str
    message: str


class ExampleRow(msgspec.Struct):
    code: str
    power: str
    name: str


class CheckResult(msgspec.Struct):
    plugin: str
    fields: list[str]
    ok: bool
    powers: int
    standards: int
    templates: int
    samples: int
    problems: list[ProblemRow]
    examples: list[ExampleRow] = []  # example standards: listed, never applied to a case


@app.command("new")
def new(
    name: str = typer.Argument(..., help="插件名称：小写英文，如 transport；同时用作领域代码和 entry point 名称"),
    field_name: str = typer.Option("示例领域", "--field-name", help="领域的中文名称，如 交通运输"),
    prefix: Optional[str] = typer.Option(None, "--prefix", help="执法事项代码前缀（缺省为名称的大写，如 TRANSPORT）"),
    directory: Path = typer.Option(Path("."), "--dir", help="在此目录下生成 zhifa-<名称>/（缺省为当前目录）"),
    force: bool = typer.Option(False, "--force", help="目标目录已存在时覆盖其中的同名文件"),
) -> None:
    """生成可安装的领域插件项目：pyproject、钩子模块、目录清单（含示例事项、裁量基准、文书模板、样例案件）和测试。"""
    from zhifa.testing.scaffold import ScaffoldError, new_plugin

    try:
        target = new_plugin(name, directory, field_name=field_name, prefix=prefix, force=force)
    except ScaffoldError as exc:
        fail(str(exc))
    console.print(f"已生成插件项目 {target}", highlight=False, soft_wrap=True)
    console.print("下一步：", highlight=False)
    console.print(f"  cd {target}", highlight=False, soft_wrap=True)
    console.print("  pip install -e '.[test]'   # 安装到装有 zhifa 的环境", highlight=False, markup=False)
    console.print("  pytest                      # 一致性测试和立案测试", highlight=False)
    console.print(f"  zhifa plugin check {name}   # 不用 pytest 做同样的检查", highlight=False)


@app.command("check")
def check(
    target: str = typer.Argument(..., help="插件的路径（项目文件夹、包文件夹或目录清单文件夹）或已安装插件的名称"),
    json: bool = JsonOption,
) -> None:
    """检查插件：目录清单解码和校验、代码唯一且稳定、阶次在法定幅度内、文书模板可渲染、样例案件计算正确、钩子接口版本。

    有问题时逐条列出插件、文件和条目，退出码为 1；找不到或无法加载插件时退出码为 2。
    """
    from zhifa.core.catalogue.errors import PluginError
    from zhifa.testing.conformance import TargetNotFound
    from zhifa.testing.conformance import check as run_checks

    try:
        conformance, problems = run_checks(target)
    except (TargetNotFound, PluginError) as exc:
        fail(str(exc), code=2)
    catalogues = conformance.catalogues
    result = CheckResult(
        plugin=conformance.name, fields=conformance.field_labels(), ok=not problems,
        powers=sum(len(c.powers) for c in catalogues), standards=len(conformance.standard_codes()),
        templates=len(conformance.template_codes()), samples=len(conformance.sample_codes()),
        problems=[ProblemRow(p.plugin, p.file, p.entry, p.message) for p in problems],
        examples=[ExampleRow(s.code, s.power, s.name) for c in catalogues for s in c.standards if s.example],
    )
    if json:
        emit_json(result)
        if problems:
            raise typer.Exit(1)
        return
    if result.examples:
        console.print(f"示例裁量基准 {len(result.examples)} 个（example = true：不作为裁量依据，"
                      "乡镇须以本省、市发布的裁量基准替换，见 zhifa catalogue apply）：", highlight=False)
        for row in result.examples:
            console.print(f"  {row.code}（{row.power}）{row.name}", highlight=False, soft_wrap=True, markup=False)
    if problems:
        console.print(f"插件 {result.plugin} 有 {len(problems)} 个问题：", highlight=False)
        for problem in problems:
            console.print(f"  {problem}", highlight=False, soft_wrap=True, markup=False)
    else:
        console.print(
            f"插件 {result.plugin} 检查通过：领域 {'、'.join(result.fields)}，执法事项 {result.powers} 项，"
            f"裁量基准 {result.standards} 个，文书模板 {result.templates} 个，样例案件 {result.samples} 个",
            highlight=False, soft_wrap=True,
        )
    if problems:
        raise typer.Exit(1)
