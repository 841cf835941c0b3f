"""From the command line an officer registers evidence, and the county sets an entrusting department's
document settings — the two steps a decision under 委托 needs before it is made (README walk-through)."""

from __future__ import annotations

from .helpers import cli, cli_json
from .procedure_helpers import HENGCUN, OFFICERS, act, clue, party_id


def test_evidence_registered_from_the_command_line_is_cited_by_the_decision(database_url, tmp_path):
    cli("demo")
    case = clue("ecology", "ECO-CF-003", "2026-03-02")
    act(case, "file_case", "2026-03-03", "hc-captain", officers=OFFICERS, party_id=party_id("桐庐县横村镇好味道餐饮店"),
        act_date="2026-03-01")
    photo = tmp_path / "现场照片.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0 photo")
    item = cli_json("case", "evidence", str(case), str(photo), "--township", HENGCUN, "--kind", "audiovisual",
                    "--title", "现场照片", "--captured", "2026-03-03 10:05", "--actor", "hc-officer1")
    assert (item["title"], item["media_type"], item["case_id"]) == ("现场照片", "image/jpeg", case)
    wrong = cli("case", "evidence", str(case), str(photo), "--township", HENGCUN, "--kind", "rumour", "--title", "x",
                "--captured", "2026-03-03 10:05", "--actor", "hc-officer1", ok=False)
    assert wrong.exit_code != 0 and "rumour" in wrong.output

    act(case, "conclude_investigation", "2026-03-10", "hc-officer1", facts={})
    act(case, "serve_notice", "2026-03-11", "hc-officer1")
    act(case, "waive_rights", "2026-03-11", "hc-officer1")
    act(case, "decide", "2026-03-12", "hc-head", amount="27500")
    refused = cli("case", "document", str(case), "decision", "--township", HENGCUN, "--actor", "hc-officer1",
                  "--on", "2026-03-12", "--out", str(tmp_path / "文书"), ok=False)
    assert "document.no_payment_bank" in refused.output  # 委托: the department's bank, not the township's
    settings = cli_json("township", "documents", "330122", "--department", "ecology-urban",
                        "--set", "payment_bank=中国农业银行桐庐县支行", "--set", "payment_account=19-000000000000001")
    assert (settings["payment_bank"], settings["payment_account"]) == ("中国农业银行桐庐县支行", "19-000000000000001")
    assert cli_json("township", "documents", "330122", "--department", "ecology-urban")["payment_bank"] == "中国农业银行桐庐县支行"
    other = cli("township", "documents", "330100", "--department", "ecology-urban", ok=False)  # another county's
    assert "department.not_found" in other.output
    made = cli("case", "document", str(case), "decision", "--township", HENGCUN, "--actor", "hc-officer1",
               "--on", "2026-03-12", "--out", str(tmp_path / "文书"))
    assert "横综执罚决字〔2026〕第1号" in made.output
    assert sorted(p.suffix for p in (tmp_path / "文书").iterdir()) == [".docx", ".pdf"]
