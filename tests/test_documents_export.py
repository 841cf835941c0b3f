"""`zhifa case export`: the whole case file as one zip — cover, index, documents in order, evidence, event log."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import zipfile

import pytest
from zhifa.core.documents import service
from zhifa.core.documents.export import export_case
from zhifa.core.services.demo import load_demo
from zhifa.core.services.evidence import register_evidence

from .helpers import cli, cli_json, run
from .procedure_helpers import CST, HENGCUN, act, d
from .test_documents import SETTINGS, decided, fumes_clue, pdf_text, squash, word_text


@pytest.fixture
def case(database_url) -> int:
    run(load_demo())
    run(service.configure_documents(HENGCUN, SETTINGS))
    bank = {k: SETTINGS[k] for k in ("payment_bank", "payment_account", "payment_electronic")}
    run(service.configure_department_documents("330122", "ecology-urban", bank))  # 委托: the department's account
    case = fumes_clue()
    run(register_evidence(HENGCUN, case, kind="audiovisual", title="现场照片", content=b"\xff\xd8jpeg-bytes",
                          captured_at=dt.datetime(2026, 3, 3, 10, 5, tzinfo=CST), collector="hc-officer1",
                          media_type="image/jpeg"))
    decided(case, evidence=False)  # the photo above is the evidence
    return case


def test_the_export_holds_the_documents_in_order_with_evidence_events_and_index(case, tmp_path):
    on = d("2026-03-12")
    notice = run(service.render_document(HENGCUN, case, "prior_notice", actor="hc-officer1", on=d("2026-03-11")))
    draft = run(service.render_document(HENGCUN, case, "decision", actor="hc-officer1", on=on))
    final = run(service.render_document(HENGCUN, case, "decision", actor="hc-officer1", on=on, replaces=draft.id,
                                        data={"case": {"facts": "当事人经营的餐饮店未安装油烟净化设施，油烟直排"}}))
    source = run(service.render_document(HENGCUN, case, "case_source", actor="hc-officer1", on=d("2026-03-02")))

    result = run(export_case(HENGCUN, case, tmp_path / "案卷.zip", on=d("2026-03-20"), cover={"archive": {"retention": "长期"}}))
    content = (tmp_path / "案卷.zip").read_bytes()
    assert result.sha256 == hashlib.sha256(content).hexdigest() and result.chain_intact
    assert (result.documents, result.evidence) == (3, 1)
    archive = zipfile.ZipFile(io.BytesIO(content))
    names = archive.namelist()
    assert names[:4] == ["00-卷宗封面.docx", "00-卷宗封面.pdf", "01-卷内目录.docx", "01-卷内目录.pdf"]
    documents = [n for n in names if n.endswith(".docx")][2:]
    assert documents == ["02-案件来源登记表.docx", "03-行政处罚事先告知书-横综执罚告字〔2026〕第1号.docx",
                         "04-行政处罚决定书-横综执罚决字〔2026〕第1号.docx"]  # by date; the correction replaced the draft
    assert archive.read(documents[2]) == run(service.document_content(HENGCUN, final.id))
    assert archive.read(documents[0]) == run(service.document_content(HENGCUN, source.id))
    assert archive.read("证据/01-现场照片.jpg") == b"\xff\xd8jpeg-bytes"

    manifest = json.loads(archive.read("manifest.json"))
    for entry in manifest["files"]:
        assert hashlib.sha256(archive.read(entry["path"])).hexdigest() == entry["sha256"], entry["path"]
    assert {e["document_id"] for e in manifest["files"] if e["kind"] == "document"} == {source.id, notice.id, final.id}

    log = json.loads(archive.read("全过程记录.json"))
    assert log["chain_intact"] is True
    kinds = [e["kind"] for e in log["events"]]
    assert kinds[0] == "clue_registered" and kinds.count("document_rendered") == 4 and "decide" in kinds

    index = word_text(archive.read("01-卷内目录.docx"))
    for expected in ("卷内目录", "横综执立〔2026〕1号", "案件来源登记表", "横综执罚告字〔2026〕第1号", "横综执罚决字〔2026〕第1号",
                     "2026年3月12日", "现场照片", "视听资料", hashlib.sha256(b"\xff\xd8jpeg-bytes").hexdigest()[:16]):
        assert expected in index, expected
        assert squash(expected) in pdf_text(archive.read("01-卷内目录.pdf")), expected
    cover = word_text(archive.read("00-卷宗封面.docx"))
    assert "行政处罚案卷" in cover and "当\u3000事\u3000人：张三" in cover and "保管期限：长期" in cover
    assert "本卷共3件" in cover and "罚款人民币贰万元整（20,000.00元）" in cover


def test_the_command_line_makes_a_document_and_exports_the_case(case, tmp_path):
    listed = cli_json("case", "templates", str(case), "--township", HENGCUN)
    assert {"decision", "prior_notice", "ecology.rectification_order"} <= {t["code"] for t in listed}
    made = cli_json("case", "document", str(case), "decision", "--township", HENGCUN, "--actor", "hc-officer1",
                    "--on", "2026-03-12", "--out", str(tmp_path / "out"))
    assert made["document"]["number"] == "横综执罚决字〔2026〕第1号"
    docx, pdf = made["files"]
    assert "罚款人民币贰万元整（20,000.00元）" in word_text(open(docx, "rb").read())
    assert squash("罚款人民币贰万元整（20,000.00元）") in pdf_text(open(pdf, "rb").read())
    shown = cli("case", "documents", str(case), "--township", HENGCUN)
    assert "横综执罚决字〔2026〕第1号" in shown.stdout
    blank = cli("case", "document", str(case), "inspection_record", "--township", HENGCUN, "--actor", "hc-officer1",
                "--on", "2026-03-03")
    assert "inspection.start" in blank.stdout  # what was left blank is named
    refused = cli("case", "document", str(case), "hearing_notice", "--township", HENGCUN, "--actor", "hc-officer1", ok=False)
    assert refused.exit_code == 1 and "document.not_ready" in refused.output

    exported = cli("case", "export", str(case), "--township", HENGCUN, "--out", str(tmp_path / "case.zip"),
                   "--on", "2026-03-20")
    assert "已导出案卷" in exported.stdout
    names = zipfile.ZipFile(tmp_path / "case.zip").namelist()
    assert {"03-行政处罚决定书-横综执罚决字〔2026〕第1号.docx", "03-行政处罚决定书-横综执罚决字〔2026〕第1号.pdf"} <= set(names)
    assert "02-现场检查（勘验）笔录.docx" in names and "全过程记录.json" in names  # dated 2026-03-03, so before the decision
    act(case, "serve_decision", "2026-03-13", "hc-officer1", recipient="张三")  # the case goes on after an export
