"""``zhifa plugin new NAME``: an installable field plugin that passes its own tests as generated.

The files are ``*.tmpl`` beside this module (``string.Template``, ``${name}`` placeholders);
the Word template is built with python-docx so it is a real .docx with docxtpl placeholders.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from string import Template

HERE = Path(__file__).parent
NAME = re.compile(r"^[a-z][a-z0-9_]{1,30}$")
PREFIX = re.compile(r"^[A-Z][A-Z0-9]{1,15}$")

# template file → path in the generated project ({package} is replaced)
FILES = {
    "pyproject.toml.tmpl": "pyproject.toml",
    "README.md.tmpl": "README.md",
    "package_init.py.tmpl": "{package}/__init__.py",
    "field.toml.tmpl": "{package}/catalogue/field.toml",
    "powers.toml.tmpl": "{package}/catalogue/powers.toml",
    "standards.toml.tmpl": "{package}/catalogue/standards.toml",
    "no_penalty.toml.tmpl": "{package}/catalogue/no_penalty.toml",
    "hearing.toml.tmpl": "{package}/catalogue/hearing.toml",
    "templates.toml.tmpl": "{package}/catalogue/templates.toml",
    "samples.toml.tmpl": "{package}/catalogue/samples.toml",
    "published.toml.tmpl": "{package}/catalogue/published.toml",
    "test_conformance.py.tmpl": "tests/test_conformance.py",
    "test_filing.py.tmpl": "tests/test_filing.py",
}


class ScaffoldError(Exception):
    """The name is unusable or the target exists; the message says why, in Chinese."""


@dataclass(frozen=True)
class Scaffold:
    name: str  # entry-point name and field code: transport
    field_name: str  # 交通运输
    prefix: str  # power-code prefix: TRANSPORT

    @property
    def package(self) -> str:
        return f"zhifa_{self.name}"

    @property
    def dist(self) -> str:
        return f"zhifa-{self.name.replace('_', '-')}"

    def values(self) -> dict[str, str]:
        from zhifa import __version__
        from zhifa.core.hookspecs import HOOK_INTERFACE

        return {"name": self.name, "field_name": self.field_name, "PREFIX": self.prefix, "package": self.package,
                "dist": self.dist, "hook_interface": str(HOOK_INTERFACE), "zhifa_version": __version__}


def check_names(name: str, prefix: str | None) -> str:
    if not NAME.match(name):
        raise ScaffoldError(f"插件名称 {name!r} 无效：只能用小写英文字母、数字和下划线，以字母开头，2–31 个字符（如 transport）")
    prefix = prefix or name.upper().replace("_", "")
    if not PREFIX.match(prefix):
        raise ScaffoldError(f"执法事项代码前缀 {prefix!r} 无效：只能用大写英文字母和数字，以字母开头（如 TRANSPORT）")
    return prefix


def write_notice_docx(path: Path, field_name: str) -> None:
    """责令改正通知书: a real Word file whose placeholders are the kit's standard context keys."""
    import docx

    document = docx.Document()
    lines = [
        "{{ subject.name }}",
        "责令改正通知书",
        "{{ document.number }}",
        "{{ party.name }}：",
        "统一社会信用代码（身份证件号码）：{{ party.identifier }}",
        "住所（住址）：{{ party.address }}",
        "经查，你（单位）{{ case.facts }}",
        "上述行为违反了{{ power.violated.law }}{{ power.violated.article }}的规定。"
        "依据{{ power.penalised.law }}{{ power.penalised.article }}的规定，"
        "本机关责令你（单位）于{{ deadline }}前改正上述违法行为。",
        "逾期不改正的，本机关将依法立案查处。",
        "如不服本通知，可以在收到本通知书之日起六十日内向{{ remedies.reconsideration_body }}申请行政复议，"
        "也可以在六个月内依法向{{ remedies.court }}提起行政诉讼。",
        "执法人员：{% for o in officers %}{{ o.name }}（执法证号：{{ o.certificate }}）{% if not loop.last %}、{% endif %}{% endfor %}",
        "{{ subject.name }}（印章）",
        "{{ document.date }}",
        f"（{field_name}领域示例模板，请按本省文书格式修改）",
    ]
    for text in lines:
        document.add_paragraph(text)
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))


def new_plugin(name: str, directory: Path, field_name: str = "示例领域", prefix: str | None = None,
               force: bool = False) -> Path:
    """Write the plugin project ``<directory>/zhifa-<name>/`` and return its path."""
    prefix = check_names(name, prefix)
    if not field_name.strip():
        raise ScaffoldError("领域名称不能为空")
    scaffold = Scaffold(name=name, field_name=field_name.strip(), prefix=prefix)
    target = Path(directory) / scaffold.dist
    if target.exists() and any(target.iterdir()) and not force:
        raise ScaffoldError(f"目录 {target} 已存在且不为空；换一个目录，或用 --force 覆盖")
    values = scaffold.values()
    for source, relative in FILES.items():
        text = Template((HERE / source).read_text(encoding="utf-8")).substitute(values)
        path = target / relative.format(package=scaffold.package)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    write_notice_docx(target / scaffold.package / "templates" / "correction_notice.docx", scaffold.field_name)
    return target
