"""Invalid plugin data is rejected at load, naming the file and the entry."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from zhifa.core.catalogue import CatalogueInvalid, load_catalogue

TRANSPORT = Path(__file__).parent / "plugin_packages" / "zhifa-transport" / "zhifa_transport" / "catalogue"


@pytest.fixture
def catalogue_dir(tmp_path) -> Path:
    folder = tmp_path / "pkg" / "catalogue"
    shutil.copytree(TRANSPORT, folder)
    return folder


def edit(folder: Path, name: str, old: str, new: str) -> None:
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems_of(folder: Path) -> list:
    with pytest.raises(CatalogueInvalid) as info:
        load_catalogue(folder, plugin="demo")
    return info.value.problems


def test_a_valid_catalogue_loads(catalogue_dir):
    catalogue = load_catalogue(catalogue_dir, plugin="demo")
    assert catalogue.field.code == "transport"
    assert [p.code for p in catalogue.powers] == ["TRANSPORT-CF-001"]
    assert catalogue.standards[0].tiers[1].max == 2000


def test_a_tier_above_the_statutory_maximum_is_rejected(catalogue_dir):
    edit(catalogue_dir, "standards.toml", "max = 5000", "max = 5000.01")
    [problem] = problems_of(catalogue_dir)
    assert (problem.plugin, problem.file, problem.entry) == ("demo", "standards.toml", "TRANSPORT-CF-001-JZ1")
    assert "阶次 heavy" in problem.message and "超出法定幅度 0–5000" in problem.message


def test_a_tier_at_the_statutory_maximum_is_accepted(catalogue_dir):
    catalogue = load_catalogue(catalogue_dir, plugin="demo")
    assert catalogue.standards[0].tiers[-1].max == catalogue.powers[0].fines[0].max


def test_a_tier_without_a_fine_is_rejected_when_the_law_makes_the_fine_mandatory(catalogue_dir):
    edit(catalogue_dir, "powers.toml", "optional = true", "optional = false")
    [problem] = problems_of(catalogue_dir)
    assert problem.entry == "TRANSPORT-CF-001-JZ1"
    assert "不处罚款" in problem.message


def test_a_duplicate_power_code_is_rejected(catalogue_dir):
    text = (catalogue_dir / "powers.toml").read_text(encoding="utf-8")
    (catalogue_dir / "powers.toml").write_text(text + "\n" + text, encoding="utf-8")
    problems = problems_of(catalogue_dir)
    assert any(p.file == "powers.toml" and p.entry == "TRANSPORT-CF-001" and "重复" in p.message for p in problems)


def test_a_standard_for_an_unknown_power_is_rejected(catalogue_dir):
    edit(catalogue_dir, "standards.toml", 'power = "TRANSPORT-CF-001"', 'power = "TRANSPORT-CF-999"')
    [problem] = problems_of(catalogue_dir)
    assert (problem.file, problem.entry) == ("standards.toml", "TRANSPORT-CF-001-JZ1")
    assert "不存在的执法事项 TRANSPORT-CF-999" in problem.message


def test_a_power_owned_by_an_undeclared_department_is_rejected(catalogue_dir):
    edit(catalogue_dir, "powers.toml", 'department = "jtj"', 'department = "gaj"')
    [problem] = problems_of(catalogue_dir)
    assert (problem.file, problem.entry) == ("powers.toml", "TRANSPORT-CF-001")
    assert "gaj" in problem.message


def test_a_standard_for_an_unknown_fine_situation_is_rejected(catalogue_dir):
    edit(catalogue_dir, "standards.toml", 'valid_from = 2020-01-01', 'valid_from = 2020-01-01\nsituation = "serious"')
    [problem] = problems_of(catalogue_dir)
    assert "没有情形 serious" in problem.message


def test_a_template_whose_file_is_missing_is_rejected(catalogue_dir):
    (catalogue_dir / "templates.toml").write_text(
        '[[templates]]\ncode = "transport.order"\nname = "责令改正通知书"\nfile = "templates/order.docx"\n', encoding="utf-8"
    )
    [problem] = problems_of(catalogue_dir)
    assert (problem.file, problem.entry) == ("templates.toml", "transport.order")
    assert "templates/order.docx 不存在" in problem.message


def test_a_malformed_toml_file_is_rejected_naming_the_file(catalogue_dir):
    (catalogue_dir / "standards.toml").write_text("[[standards]\ncode = ", encoding="utf-8")
    [problem] = problems_of(catalogue_dir)
    assert problem.file == "standards.toml"
    assert "TOML 格式错误" in problem.message


def test_a_wrongly_typed_value_is_rejected_naming_the_entry(catalogue_dir):
    edit(catalogue_dir, "powers.toml", "max = 5000", 'max = "五千元"')
    [problem] = problems_of(catalogue_dir)
    assert (problem.file, problem.entry) == ("powers.toml", "TRANSPORT-CF-001")
    assert "$.powers[0].fines[0].max" in problem.message


def test_an_unknown_key_is_rejected(catalogue_dir):
    edit(catalogue_dir, "powers.toml", 'kind = "penalty"', 'kind = "penalty"\nseverity = 3')
    [problem] = problems_of(catalogue_dir)
    assert problem.entry == "TRANSPORT-CF-001" and "severity" in problem.message


def test_a_missing_powers_file_is_rejected(catalogue_dir):
    (catalogue_dir / "powers.toml").unlink()
    problems = problems_of(catalogue_dir)
    assert any(p.file == "powers.toml" and "缺少" in p.message for p in problems)


def test_every_problem_is_reported_at_once(catalogue_dir):
    edit(catalogue_dir, "powers.toml", 'department = "jtj"', 'department = "gaj"')
    edit(catalogue_dir, "standards.toml", "max = 5000", "max = 9000")
    assert len(problems_of(catalogue_dir)) == 2


def _direct(folder: Path, situation: str, text: str, penalties: str = "[]") -> None:
    edit(folder, "powers.toml", "penalties = []", "penalties = []\ntwo_stage = true")
    path = folder / "powers.toml"
    path.write_text(path.read_text(encoding="utf-8") + f"""
[[powers.direct]]
situation = "{situation}"
text = "{text}"
penalties = {penalties}
""", encoding="utf-8")


def test_a_circumstance_punished_directly_quoting_the_provisions_words_with_its_fine_loads(catalogue_dir):
    _direct(catalogue_dir, "default", "由交通主管部门责令停止违法行为，可以处五千元以下的罚款")
    [power] = load_catalogue(catalogue_dir, plugin="demo").powers
    assert [(d.situation, d.text) for d in power.direct] == [("default", "由交通主管部门责令停止违法行为，可以处五千元以下的罚款")]


def test_a_circumstance_punished_directly_must_quote_the_provision_and_attach_kinds_it_provides(catalogue_dir):
    _direct(catalogue_dir, "default", "情节严重的，吊销许可证", '["revoke_licence"]')
    messages = [p.message for p in problems_of(catalogue_dir)]
    assert any("direct 中的情形 default 引用的文字不在本事项罚则" in m for m in messages), messages
    assert any("direct 中的情形 default 的 revoke_licence 不在" in m for m in messages), messages


def test_a_circumstance_punished_directly_with_neither_a_fine_nor_a_kind_is_a_catalogue_error(catalogue_dir):
    _direct(catalogue_dir, "serious", "可以处五千元以下的罚款")
    [problem] = problems_of(catalogue_dir)
    assert "direct 中的情形 serious 既没有对应的法定罚款" in problem.message


def test_what_a_two_stage_offence_imposes_at_once_must_be_a_kind_the_provision_has(catalogue_dir):
    edit(catalogue_dir, "powers.toml", "penalties = []", 'penalties = []\ntwo_stage = true\nimmediate_penalties = ["warning"]')
    [problem] = problems_of(catalogue_dir)
    assert "immediate_penalties 中的 warning 不在" in problem.message


def test_only_a_two_stage_offence_declares_what_it_punishes_at_once(catalogue_dir):
    edit(catalogue_dir, "powers.toml", "penalties = []", 'penalties = ["warning"]\nimmediate_penalties = ["warning"]')
    [problem] = problems_of(catalogue_dir)
    assert "只用于两段式事项" in problem.message
