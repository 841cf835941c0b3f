"""Bulk import of historical cases (``zhifa import cases``): checked first, then all or nothing.

Through the CLI on both engines: cases and their events, the chain verified afterwards, every bad
row and column reported with nothing written, the same file refused a second time, a database
failure midway and a SIGKILL midway leaving nothing (or, after the commit, everything).
"""

from __future__ import annotations

import asyncio
import csv
import datetime as dt
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from piccolo.engine.sqlite import SQLiteEngine
from zhifa.core.db.tables import Case, CaseImport, Event, Township
from zhifa.core.services.case_import.columns import COLUMNS
from zhifa.core.services.demo import load_demo

from .helpers import cli, cli_json, run, valid_credit_code, valid_resident_id
from .procedure_helpers import HENGCUN, OFFICERS, act, clue, party_id

HEADERS = ["案件编号", "执法事项编码", "案由", "案源", "立案日期", "当事人", "当事人证件号码", "法定代表人", "承办人",
           "决定类型", "决定日期", "罚款金额", "结案日期"]
DOC = Path(__file__).parent.parent / "docs" / "import.md"


def row(n: int, **values: str) -> dict[str, str]:
    base = {"案件编号": f"横综执立〔2025〕{n}号", "执法事项编码": "URBAN-CF-001", "案由": f"历史违法建设案 {n}",
            "案源": "日常巡查", "立案日期": "2025-03-01", "当事人": f"张{n}",
            "当事人证件号码": valid_resident_id(birth="19800101", serial=n % 1000),
            "承办人": "hc-officer1、hc-officer2", "决定类型": "处罚", "决定日期": "2025-04-01", "罚款金额": "5000.00",
            "结案日期": "2025-05-01"}
    base.update(values)
    return base


def write_csv(path: Path, rows: list[dict[str, str]], headers: list[str] = HEADERS) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as out:  # with a BOM, as Excel's "CSV UTF-8" saves it
        writer = csv.DictWriter(out, fieldnames=headers)
        writer.writeheader()
        writer.writerows(rows)
    return path


@pytest.fixture
def county(database_url):
    run(load_demo())
    return database_url


def counts() -> tuple[int, int, int]:
    async def read():
        return (await Case.count(), await Event.count(), await CaseImport.count())
    return run(read())


def verified() -> None:
    result = cli("audit", "verify", "--township", HENGCUN)
    assert "哈希链完整，案件记录与事件一致" in result.stdout


def import_file(path: Path, *extra: str, ok: bool = True):
    return cli("import", "cases", str(path), "--township", HENGCUN, *extra, ok=ok)


def test_each_row_becomes_a_closed_case_with_its_imported_event_and_the_chain_verifies(county, tmp_path):
    company = valid_credit_code("91330122MA2H7K1Q0")
    rows = [row(1), row(2, 当事人="桐庐县某某建材有限公司", 当事人证件号码=company, 法定代表人="李四", 决定类型="不予处罚",
                         罚款金额="", 执法事项编码="MARKET-CF-001", 案源="投诉举报"),
            row(3, 当事人="", 当事人证件号码="", 承办人="", 罚款金额="12345.5")]
    before = counts()
    result = cli_json("import", "cases", str(write_csv(tmp_path / "历史案件.csv", rows)), "--township", HENGCUN)
    assert (result["cases"], result["new_parties"]) == (3, 2)
    assert counts() == (before[0] + 3, before[1] + 4, 1)  # one event per case, one for the file

    listed = {c["number"]: c for c in cli_json("case", "list", "--township", HENGCUN)}
    first = listed["横综执立〔2025〕1号"]
    assert (first["status"], first["power"], first["filed_on"], first["summary"]) == (
        "closed", "URBAN-CF-001", "2025-03-01", "历史违法建设案 1")
    assert listed["横综执立〔2025〕2号"]["field"] == "market"
    shown = cli_json("case", "show", str(first["id"]), "--township", HENGCUN)
    assert shown["file"]["decision"] == {**shown["file"]["decision"], "kind": "penalty", "on": "2025-04-01",
                                         "amount": "5000.00"}
    assert shown["file"]["officers"] == OFFICERS and shown["file"]["closed_on"] == "2025-05-01"
    assert [(e["kind"], e["payload"]["on"], e["payload"]["to"]) for e in shown["events"]] == [
        ("case_imported", "2025-03-01", "closed")]
    third = cli_json("case", "show", str(listed["横综执立〔2025〕3号"]["id"]), "--township", HENGCUN)
    assert third["file"]["decision"]["amount"] == "12345.50" and third["case"]["party_id"] is None
    assert party_id("桐庐县某某建材有限公司") == listed["横综执立〔2025〕2号"]["party_id"]
    verified()


def test_an_xlsx_file_with_date_and_number_cells_is_imported(county, tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["立案编号", "执法事项", "案由", "案件来源", "立案日期", "当事人姓名", "身份证号码", "执法人员",
                  "决定日期", "罚款金额（元）", "结案日期", "案件状态"])
    sheet.append(["横综执立〔2024〕9号", "URBAN-CF-003", "未批先建", "网格员上报", dt.datetime(2024, 6, 3),
                  "王五", valid_resident_id(serial=77), "hc-officer1 hc-officer2", dt.date(2024, 7, 1), 800,
                  dt.date(2024, 8, 1), "归档"])
    book.save(tmp_path / "history.xlsx")
    import_file(tmp_path / "history.xlsx")
    case = next(c for c in cli_json("case", "list", "--township", HENGCUN) if c["number"] == "横综执立〔2024〕9号")
    assert (case["status"], case["source"], case["filed_on"]) == ("archived", "grid", "2024-06-03")
    file = cli_json("case", "show", str(case["id"]), "--township", HENGCUN)["file"]
    assert (file["decision"]["kind"], file["decision"]["amount"], file["archived_on"]) == ("penalty", "800.00", "2024-08-01")
    verified()


def test_every_bad_row_and_column_is_reported_and_nothing_is_written(county, tmp_path):
    headers = [*HEADERS, "备注"]
    rows = [
        row(1),
        row(2, 执法事项编码="URBAN-CF-999"),
        row(3, 执法事项编码="CULTURE-CF-017"),  # 横村镇 holds no culture power
        row(4, 立案日期="2025-02-30", 结案日期="2099-01-01"),
        row(5, 决定日期="2025-06-01"),  # after the closing date
        row(6, 罚款金额="50.123"),
        row(7, 罚款金额="-5"),
        row(8, 当事人证件号码=valid_resident_id(serial=8)[:-1] + ("0" if valid_resident_id(serial=8)[-1] != "0" else "1")),
        row(9, 承办人="hc-officer1、fs-officer1"),  # an officer of another township
        row(1),  # the number again
        row(11, 案源="路过"),
        row(12, 执法事项编码="ECO-CF-001", 立案日期="2023-06-01", 决定日期="2023-07-01", 结案日期="2023-08-01"),
    ]
    before = counts()
    result = cli("import", "cases", str(write_csv(tmp_path / "bad.csv", rows, headers)), "--township", HENGCUN,
                 "--json", ok=False)
    assert result.exit_code == 1
    import json
    answer = json.loads(result.stdout)
    assert answer["error"] == "import.rejected"
    found = {(p["row"], p["column"]) for p in answer["problems"]}
    assert found == {(1, "备注"), (3, "执法事项编码"), (4, "执法事项编码"), (5, "立案日期"), (5, "结案日期"),
                     (6, "结案日期"), (7, "罚款金额"), (8, "罚款金额"), (9, "当事人证件号码"), (10, "承办人"),
                     (11, "案件编号"), (12, "案源"), (13, "执法事项编码")}
    messages = {(p["row"], p["column"]): p["message"] for p in answer["problems"]}
    assert "未授权本乡镇" in messages[(4, "执法事项编码")] and "未授权本乡镇" in messages[(13, "执法事项编码")]
    assert "与第 2 行重复" in messages[(11, "案件编号")]
    assert "晚于今天" in messages[(5, "结案日期")]
    assert counts() == before
    human = cli("import", "cases", str(tmp_path / "bad.csv"), "--township", HENGCUN, ok=False)
    assert "有 13 处错误（12 行），未导入任何案件" in human.output


def test_the_same_file_twice_is_refused_and_a_number_already_present_is_reported(county, tmp_path):
    path = write_csv(tmp_path / "a.csv", [row(1), row(2)])
    import_file(path)
    before = counts()
    again = import_file(path, ok=False)
    assert again.exit_code == 1 and "已于" in again.output and "不再重复导入" in again.output
    other = import_file(write_csv(tmp_path / "b.csv", [row(3), row(2, 案由="改过的案由")]), ok=False)
    assert "第 3 行" not in other.output and "本乡镇已有案件编号为 横综执立〔2025〕2号 的案件" in other.output
    assert counts() == before
    verified()


def _fail_on_insert_of(number: str) -> None:
    """A trigger refusing one case row: what a database failure midway looks like (a constraint, a full disk)."""
    db = Township._meta.db
    if isinstance(db, SQLiteEngine):
        statements = [f"CREATE TRIGGER test_refuse_case BEFORE INSERT ON enforcement_case WHEN NEW.number = '{number}' "
                      "BEGIN SELECT RAISE(ABORT, '测试：拒绝写入'); END"]
    else:
        statements = [
            "CREATE OR REPLACE FUNCTION test_refuse_case() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            f"IF NEW.number = '{number}' THEN RAISE EXCEPTION '测试：拒绝写入'; END IF; RETURN NEW; END $$",
            "CREATE TRIGGER test_refuse_case BEFORE INSERT ON enforcement_case FOR EACH ROW EXECUTE FUNCTION test_refuse_case()",
        ]
    for statement in statements:
        run(db.run_ddl(statement))


def _drop_failure() -> None:
    db = Township._meta.db
    statement = "DROP TRIGGER test_refuse_case" if isinstance(db, SQLiteEngine) else \
        "DROP TRIGGER test_refuse_case ON enforcement_case"
    run(db.run_ddl(statement))


def test_a_database_failure_after_the_first_batches_are_written_leaves_nothing(county, tmp_path):
    from zhifa.core.services.case_import.writing import BATCH

    rows = [row(n, 当事人="", 当事人证件号码="") for n in range(1, BATCH + 1001)]
    path = write_csv(tmp_path / "many.csv", rows)
    _fail_on_insert_of(f"横综执立〔2025〕{BATCH + 500}号")  # in the second batch: the first is already sent
    before = counts()
    try:
        failed = import_file(path, ok=False)
    finally:
        _drop_failure()
    assert failed.exit_code == 1 and "已全部撤销，未导入任何案件" in failed.output and "import.write_failed" in failed.output
    assert "写入 5000/" in failed.output  # the failure came after a batch was written
    assert counts() == before
    verified()
    import_file(path)  # nothing of the first attempt stands in the way
    assert counts()[0] == before[0] + len(rows)
    verified()


def test_a_sigkill_midway_leaves_nothing_or_everything_and_the_chain_verifies(county, tmp_path):
    rows = [row(n, 当事人="", 当事人证件号码="") for n in range(1, 30001)]
    path = write_csv(tmp_path / "big.csv", rows)
    before = counts()
    process = subprocess.Popen(
        [sys.executable, "-c", "from zhifa.cli.main import run; run()", "import", "cases", str(path), "--township",
         HENGCUN], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, env=os.environ.copy(), text=True)
    seen = []
    for line in process.stderr:  # the first batch is written inside the transaction: kill it there
        seen.append(line)
        if line.startswith("写入 "):
            break
    process.send_signal(signal.SIGKILL)
    assert process.wait(timeout=60) == -signal.SIGKILL, seen
    assert any(line.startswith("写入 ") for line in seen), seen
    after = counts()
    assert after in (before, (before[0] + len(rows), before[1] + len(rows) + 1, before[2] + 1))
    verified()
    if after == before:  # the kill came before the commit: the file imports as if never tried
        import_file(path)
        assert counts()[0] == before[0] + len(rows)
    else:
        assert "不再重复导入" in import_file(path, ok=False).output
    verified()


def test_imported_history_is_subject_to_the_supervisors_findings(county, tmp_path):
    path = write_csv(tmp_path / "h.csv", [row(1, 承办人="hc-officer1"), row(2)])
    import_file(path)
    cases = {c["number"]: c["id"] for c in cli_json("case", "list", "--township", HENGCUN)}
    rows = cli_json("report", "findings", "--township", HENGCUN)
    lone = [r for r in rows if r["case_id"] == cases["横综执立〔2025〕1号"]]
    assert ("officers.fewer_than_two", "file_case", "2025-03-01", False) in {
        (r["code"], r["step"], r["on"], r["in_event_log"]) for r in lone}
    assert not [r for r in rows if r["case_id"] == cases["横综执立〔2025〕2号"] and r["code"].startswith("officers.")]


def test_numbers_of_the_townships_own_series_move_its_numbering_on(county, tmp_path, today):
    today("2026-06-01")
    year = 2026
    import_file(write_csv(tmp_path / "n.csv", [row(1, 案件编号=f"横综执立〔{year}〕7号", 立案日期=f"{year}-01-05",
                                                  决定日期=f"{year}-01-20", 结案日期=f"{year}-02-01")]))
    case = clue("urban", "URBAN-CF-001", f"{year}-02-02")
    filed = act(case, "file_case", f"{year}-02-03", "hc-captain", officers=OFFICERS,
                party_id=party_id("张1"), act_date=f"{year}-02-01")
    assert filed.number == f"横综执立〔{year}〕8号"


def test_the_import_document_lists_every_column():
    text = DOC.read_text(encoding="utf-8")
    for column in COLUMNS:
        assert f"| {column.header} |" in text and f"`{column.key}`" in text, column.header
