"""双随机、一公开 on real databases: directories, recorded draws that verify, results, publication."""

from __future__ import annotations

import datetime as dt
from contextlib import contextmanager

import msgspec
import pytest
from piccolo.engine.sqlite import SQLiteEngine
from zhifa.core import clock
from zhifa.core.calendar.periods import deadline
from zhifa.core.db.tables import UNIQUE_KEYS, Case, InspectionDraw, Township
from zhifa.core.inspections.draw import DrawResult, canonical_json, content_hash
from zhifa.core.schemas.inspections import PlanCreate, RecusalCreate, ResultCreate, TargetCreate
from zhifa.core.schemas.people import CertificateCreate, UserCreate
from zhifa.core.services import inspections, people
from zhifa.core.services.demo import load_demo
from zhifa.core.services.errors import Conflict, Invalid, NotFound
from zhifa.core.services.inspection_demo import PLAN_TITLE, demo_credit_code

from .helpers import cli, cli_json, run, valid_credit_code

CST = dt.timezone(dt.timedelta(hours=8))
HENGCUN, FENSHUI = "330122100", "330122101"
ALL = {"A": "100", "B": "100", "C": "100", "D": "100"}


@pytest.fixture
def demo(database_url):
    return run(load_demo())


def plan_id(title: str = PLAN_TITLE) -> int:
    return next(p.id for p in run(inspections.list_plans(HENGCUN)) if p.title == title)


def target_id(name: str) -> int:
    return next(t.id for t in run(inspections.list_targets(HENGCUN, include_inactive=True)).targets if name in t.name)


def new_plan(title: str, ratios=None, **kwargs) -> int:
    data = PlanCreate(field="market", title=title, ratios=ratios or ALL, starts_on=dt.date(2026, 6, 1),
                      ends_on=dt.date(2026, 9, 30), **kwargs)
    return run(inspections.create_plan(HENGCUN, data, actor="hc-admin")).id


def drawn_pairs(draw) -> set[tuple[str, int]]:
    return {(u, a.target_id) for a in draw.assignments for u in a.inspectors}


def at(day: str, hour: int = 10) -> dt.datetime:
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time(hour), tzinfo=CST)


@contextmanager
def drawn_on(day: str):
    """Draw as if on ``day`` (09:00): targets and inspectors are drawn before they inspect, so the
    results of these 2026 plans come from draws made when the plans opened, not on the test's day."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(clock, "now_utc", lambda: at(day, 9).astimezone(dt.timezone.utc))
        yield


# ---------------------------------------------------------------------------------------------
# Directories
# ---------------------------------------------------------------------------------------------


def test_the_demo_has_a_market_target_directory_and_inspectors_for_hengcun(demo):
    directory = run(inspections.list_targets(HENGCUN, "market"))
    assert len(directory.targets) == 12 and directory.version == 1
    assert {t.risk_class for t in directory.targets} == {"A", "B", "C", "D"}
    assert [i.username for i in run(inspections.list_inspectors(HENGCUN)).inspectors] == [
        "hc-officer1", "hc-officer2", "hc-officer3", "hc-captain"]
    run(load_demo())  # loading again changes nothing, so no version moves
    assert run(inspections.list_targets(HENGCUN)).version == 1


def test_a_township_never_sees_another_townships_directory_or_draws(demo):
    assert run(inspections.list_targets(FENSHUI)).targets == []
    assert run(inspections.list_inspectors(FENSHUI)).inspectors == []
    draw = run(inspections.draw_plan(HENGCUN, plan_id(), seed=1))
    with pytest.raises(NotFound):
        run(inspections.get_draw(FENSHUI, draw.id))
    with pytest.raises(NotFound):
        run(inspections.draw_plan(FENSHUI, plan_id()))
    with pytest.raises(NotFound):
        run(inspections.add_inspectors(FENSHUI, ["hc-officer1"]))
    with pytest.raises(NotFound):
        run(inspections.declare_recusal(FENSHUI, RecusalCreate(inspector="fs-officer1", target_id=target_id("网吧"),
                                                               reason="亲属")))


def test_auxiliary_staff_cannot_join_the_inspector_directory(demo):
    with pytest.raises(Invalid) as info:
        run(inspections.add_inspectors(HENGCUN, ["hc-aux"]))
    assert info.value.code == "inspection.inspector_auxiliary" and "辅助人员" in info.value.message
    with pytest.raises(Invalid):
        run(inspections.add_inspectors(HENGCUN, ["hc-legal"]))


def test_importing_a_csv_adds_updates_and_bumps_the_version_once(demo, tmp_path):
    csv = tmp_path / "targets.csv"
    new_code, old_code = valid_credit_code("91330122MA2H9W9W0"), demo_credit_code(1, "organisation")
    csv.write_text(
        "名称,统一社会信用代码,风险分类,主体类型,经营者,地址\n"
        f"桐庐县横村镇新开超市,{new_code},较高,单位,赵四,桐庐县横村镇新街1号\n"
        f"桐庐横村毛衫织造有限公司,{old_code},D,单位,陈建国,桐庐县横村镇工业园区1号\n",
        encoding="utf-8-sig")
    summary = cli_json("inspection", "targets", "import", str(csv), "--township", HENGCUN, "--field", "market")
    assert (summary["added"], summary["updated"], summary["unchanged"], summary["version"]) == (1, 1, 0, 2)
    entries = {t.identifier: t for t in run(inspections.list_targets(HENGCUN, "market")).targets}
    assert entries[new_code].risk_class == "C" and entries[old_code].risk_class == "D"


def test_a_bad_row_is_named_and_nothing_is_imported(demo):
    rows = [TargetCreate(field="market", name="甲店", identifier=valid_credit_code("91330122MA2H9X9Y0"), risk_class="A"),
            TargetCreate(field="market", name="乙店", identifier="91330122MA2H9X9Y01", risk_class="A"),
            TargetCreate(field="market", name="丙店", identifier=valid_credit_code("91330122MA2H9X9X0"), risk_class="E")]
    with pytest.raises(Invalid) as info:
        run(inspections.import_targets(HENGCUN, rows))
    assert "第 2 条" in info.value.message and "第 3 条" in info.value.message and "第 1 条" not in info.value.message
    assert len(run(inspections.list_targets(HENGCUN)).targets) == 12
    with pytest.raises(Invalid, match="缺少列"):
        inspections.parse_targets_csv("名称,风险分类\n甲,A\n", "market")


# ---------------------------------------------------------------------------------------------
# The recorded draw
# ---------------------------------------------------------------------------------------------


def test_the_same_seed_reproduces_the_recorded_draw_and_a_different_seed_does_not(demo):
    plan = new_plan("重复抽取", {"A": "50", "B": "50", "C": "50", "D": "50"})
    first = run(inspections.draw_plan(HENGCUN, plan, seed=20261122, actor="hc-captain"))
    again = run(inspections.draw_plan(HENGCUN, plan, seed=20261122))
    assert (first.seq, again.seq) == (1, 2) and first.seed == "20261122"
    assert first.assignments == again.assignments and first.result_hash == again.result_hash
    others = [run(inspections.draw_plan(HENGCUN, plan, seed=s)).assignments for s in range(1, 6)]
    assert any(o != first.assignments for o in others)
    generated = run(inspections.draw_plan(HENGCUN, plan))
    assert generated.seed.isdigit() and generated.drawn_by is None


def test_a_recorded_draw_verifies_and_its_event_carries_its_hashes(demo):
    draw = run(inspections.draw_plan(HENGCUN, plan_id(), seed=42, actor="hc-captain"))
    report = run(inspections.verify_draw(HENGCUN, draw.id))
    assert report.verified and report.problems == []
    assert not report.targets.changed and not report.inspectors.changed
    assert (report.targets.recorded_version, report.inspectors.recorded_version) == (1, 2)
    assert draw.drawn_by == "hc-captain" and draw.algorithm == "zhifa-draw-1"


def test_expired_certificates_and_auxiliary_staff_are_never_drawn(demo):
    plan = new_plan("全部抽取", ALL)
    for seed in range(8):
        draw = run(inspections.draw_plan(HENGCUN, plan, seed=seed))
        assert {u for u, _ in drawn_pairs(draw)} <= {"hc-officer1", "hc-officer2", "hc-captain"}
        assert all(len(a.inspectors) == 2 for a in draw.assignments)
    assert [(i.inspector, "行政执法证" in i.reason) for i in draw.ineligible] == [("hc-officer3", True)]


def test_a_declared_recusal_holds_in_every_draw(demo):
    restaurant = target_id("好味道")
    plan = new_plan("回避", ALL)
    for seed in range(8):
        draw = run(inspections.draw_plan(HENGCUN, plan, seed=seed))
        assert ("hc-officer1", restaurant) not in drawn_pairs(draw)
        assert restaurant in {a.target_id for a in draw.assignments}


def test_a_draw_that_cannot_staff_a_target_is_refused_naming_it_and_nothing_is_stored(demo):
    restaurant = target_id("好味道")
    run(inspections.declare_recusal(HENGCUN, RecusalCreate(inspector="hc-officer2", target_id=restaurant,
                                                           reason="持有该店股份"), actor="hc-admin"))
    plan = new_plan("无法选派", ALL)
    with pytest.raises(Invalid) as info:
        run(inspections.draw_plan(HENGCUN, plan, seed=1))
    assert info.value.code == "inspection.infeasible"
    assert "桐庐县横村镇好味道餐饮店" in info.value.message and "2 名须回避" in info.value.message
    assert run(inspections.list_draws(HENGCUN, plan)) == []
    with pytest.raises(Conflict):
        run(inspections.declare_recusal(HENGCUN, RecusalCreate(inspector="hc-officer2", target_id=restaurant, reason="再次")))


def test_rotation_keeps_last_draws_inspectors_off_the_same_target(demo):
    for n in (5, 6):
        run(people.create_user(UserCreate(username=f"hc-officer{n}", display_name=f"执法队员{n}", roles=["officer"],
                                          township=HENGCUN)))
        run(people.add_certificate(f"hc-officer{n}", CertificateCreate(
            number=f"浙A10000{n}", fields=["market"], issuer="浙江省人民政府", valid_from=dt.date(2024, 1, 1),
            valid_to=dt.date(2028, 12, 31))))
    run(inspections.add_inspectors(HENGCUN, ["hc-officer5", "hc-officer6"]))
    plan = new_plan("轮换", ALL, rotation=True)
    previous = run(inspections.draw_plan(HENGCUN, plan, seed=3))
    for seed in (4, 5, 6):
        draw = run(inspections.draw_plan(HENGCUN, plan, seed=seed))
        assert not drawn_pairs(draw) & drawn_pairs(previous)
        assert run(inspections.verify_draw(HENGCUN, draw.id)).verified
        previous = draw


def test_a_plan_needs_an_authorised_field_every_class_and_two_inspectors(demo):
    with pytest.raises(Invalid, match="未获"):
        run(inspections.create_plan(FENSHUI, PlanCreate(field="market", title="分水", ratios=ALL,
                                                        starts_on=dt.date(2026, 6, 1), ends_on=dt.date(2026, 6, 30))))
    with pytest.raises(Invalid, match="缺少 B、C、D"):
        new_plan("缺类", {"A": "3"})
    with pytest.raises(Invalid, match="不得少于 2 名"):
        new_plan("一人", per_target=1)
    with pytest.raises(Conflict):
        new_plan(PLAN_TITLE)


def test_a_changed_directory_bumps_its_version_and_the_old_draw_still_verifies_but_reports_the_change(demo):
    draw = run(inspections.draw_plan(HENGCUN, plan_id(), seed=7))
    run(inspections.set_target_active(HENGCUN, target_id("网吧"), False))
    run(inspections.remove_inspector(HENGCUN, "hc-officer3"))
    report = run(inspections.verify_draw(HENGCUN, draw.id))
    assert report.verified and report.problems == []
    assert (report.targets.recorded_version, report.targets.current_version, report.targets.changed) == (1, 2, True)
    assert (report.inspectors.recorded_version, report.inspectors.current_version, report.inspectors.changed) == (2, 3, True)
    assert report.targets.recorded_hash == draw.target_directory_hash != report.targets.current_hash
    run(inspections.set_target_active(HENGCUN, target_id("网吧"), True))
    back = run(inspections.verify_draw(HENGCUN, draw.id)).targets
    assert (back.current_version, back.changed) == (3, False)  # the same rows again: the hash says so


def test_a_directory_change_in_another_field_moves_the_version_but_not_the_draws_hash(demo):
    draw = run(inspections.draw_plan(HENGCUN, plan_id(), seed=7))
    run(inspections.import_targets(HENGCUN, [TargetCreate(
        field="urban", name="横村大街沿街店铺", identifier=valid_credit_code("91330122MA2H9W9X0"), risk_class="B")]))
    check = run(inspections.verify_draw(HENGCUN, draw.id)).targets
    assert (check.recorded_version, check.current_version, check.changed) == (1, 2, False)


def test_a_tampered_draw_record_fails_verification(demo):
    """A forger who swaps an inspector and rewrites the result's hash is caught twice."""
    draw = run(inspections.draw_plan(HENGCUN, plan_id(), seed=11))
    row = run(InspectionDraw.select(InspectionDraw.result).where(InspectionDraw.id == draw.id).output(load_json=True).first())
    result = row["result"]
    officer3 = run(people.get_user("hc-officer3")).id
    result["assignments"][0]["inspectors"][0] = officer3
    forged = msgspec.convert(result, DrawResult)
    run(InspectionDraw.update({InspectionDraw.result: canonical_json(forged).decode(),
                               InspectionDraw.result_hash: content_hash(forged)}).where(InspectionDraw.id == draw.id))
    report = run(inspections.verify_draw(HENGCUN, draw.id))
    assert not report.verified
    assert any("重新抽取，结果与记录的抽取结果不同" in p for p in report.problems)
    assert any("全过程记录" in p for p in report.problems)
    outcome = cli("inspection", "verify", str(draw.id), "--township", HENGCUN, ok=False)
    assert outcome.exit_code == 1 and "问题" in outcome.output


# ---------------------------------------------------------------------------------------------
# Results and publication
# ---------------------------------------------------------------------------------------------


def test_a_result_with_a_problem_opens_a_random_inspection_clue(demo):
    with drawn_on("2026-06-01"):
        draw = run(inspections.draw_plan(HENGCUN, new_plan("立案", ALL), seed=5))
    shop = target_id("百姓超市")
    result = run(inspections.record_result(HENGCUN, draw.id, ResultCreate(
        target_id=shop, inspected_at=at("2026-06-10"), outcome="case_opened", note="销售超过保质期的食品"), actor="hc-captain"))
    assert result.outcome_name == "发现问题已立案" and result.case_id is not None
    case = run(Case.select().where(Case.id == result.case_id).first())
    assert (case["source"], case["field"], case["status"]) == ("random_inspection", "market", "clue")
    assert "销售超过保质期的食品" in case["summary"]
    assert result.inspectors == next(a.inspectors for a in draw.assignments if a.target_id == shop)
    with pytest.raises(Conflict):
        run(inspections.record_result(HENGCUN, draw.id, ResultCreate(
            target_id=shop, inspected_at=at("2026-06-11"), outcome="no_problem")))


def test_a_result_is_refused_outside_the_window_for_an_undrawn_target_or_an_unknown_outcome(demo):
    plan = new_plan("部分", {"A": "25", "B": "0", "C": "0", "D": "0"})
    with drawn_on("2026-06-01"):
        draw = run(inspections.draw_plan(HENGCUN, plan, seed=5))
    [drawn] = [a.target_id for a in draw.assignments]
    undrawn = next(t.id for t in run(inspections.list_targets(HENGCUN)).targets if t.id != drawn)
    cases = [
        (ResultCreate(target_id=drawn, inspected_at=at("2026-10-08"), outcome="no_problem"), "inspection.outside_window"),
        (ResultCreate(target_id=undrawn, inspected_at=at("2026-06-10"), outcome="no_problem"), "inspection.target_not_drawn"),
        (ResultCreate(target_id=drawn, inspected_at=at("2026-06-10"), outcome="fine"), "inspection.outcome"),
        (ResultCreate(target_id=drawn, inspected_at=at("2026-06-10"), outcome="case_opened"), "inspection.clue_summary"),
    ]
    for data, code in cases:
        with pytest.raises(Invalid) as info:
            run(inspections.record_result(HENGCUN, draw.id, data))
        assert info.value.code == code


def test_publication_is_due_in_twenty_working_days_masks_individuals_and_flags_lateness(demo):
    with drawn_on("2026-06-01"):
        draw = run(inspections.draw_plan(HENGCUN, new_plan("公示", ALL), seed=8))
    fruit, pharmacy = target_id("鲜果园"), target_id("便民药店")
    on_time = run(inspections.record_result(HENGCUN, draw.id, ResultCreate(
        target_id=fruit, inspected_at=at("2026-06-10"), outcome="no_problem")))
    assert on_time.publish_due == deadline("publication_other", dt.date(2026, 6, 10)) == dt.date(2026, 7, 9)  # 端午节
    run(inspections.publish_results(HENGCUN, draw.id, dt.date(2026, 7, 9), actor="hc-admin"))
    late = run(inspections.record_result(HENGCUN, draw.id, ResultCreate(
        target_id=pharmacy, inspected_at=at("2026-06-12"), outcome="corrected", note="价签不全")))
    publication = run(inspections.publish_results(HENGCUN, draw.id, dt.date(2026, 8, 31)))
    lines = {line.identifier: line for line in publication.results}
    individual = lines[demo_credit_code(6, "individual")]
    assert individual.operator == "冯**" and "冯小燕" not in individual.target_name and individual.address == ""
    assert not individual.late and individual.published_on == dt.date(2026, 7, 9)
    organisation = lines[demo_credit_code(5, "organisation")]
    assert organisation.target_name == "桐庐县横村镇便民药店" and organisation.address and organisation.late
    assert organisation.outcome_name == "发现问题已责令整改" and late.publish_due < dt.date(2026, 8, 31)
    assert publication.authority == "横村镇"
    with pytest.raises(Invalid, match="没有待公示"):
        run(inspections.publish_results(HENGCUN, draw.id, dt.date(2026, 9, 1)))


def test_the_publication_period_follows_the_townships_configured_length(demo):
    run(Township.update({Township.settings: {"periods": {"publication_other": 10}}}).where(Township.code == HENGCUN))
    with drawn_on("2026-06-01"):
        draw = run(inspections.draw_plan(HENGCUN, new_plan("公示期", ALL), seed=8))
    result = run(inspections.record_result(HENGCUN, draw.id, ResultCreate(
        target_id=target_id("网吧"), inspected_at=at("2026-06-10"), outcome="no_problem")))
    assert result.publish_due == deadline("publication_other", dt.date(2026, 6, 10), {"publication_other": 10})


# ---------------------------------------------------------------------------------------------
# Schema and command line
# ---------------------------------------------------------------------------------------------


async def _index_columns(table: str) -> list[list[str]]:
    db = Township._meta.db
    if isinstance(db, SQLiteEngine):
        found = []
        for index in await Township.raw(f'PRAGMA index_list("{table}")'):
            if index["unique"] and index["origin"] != "pk":
                found.append([c["name"] for c in await Township.raw(f'PRAGMA index_info("{index["name"]}")')])
        return found
    rows = await Township.raw(
        "SELECT array_agg(a.attname ORDER BY array_position(x.indkey, a.attnum)) AS cols FROM pg_index x "
        "JOIN pg_class t ON t.oid = x.indrelid JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = ANY(x.indkey) "
        "WHERE t.relname = {} AND x.indisunique AND NOT x.indisprimary GROUP BY x.indexrelid", table)
    return [list(r["cols"]) for r in rows]


def test_every_inspection_table_has_its_township_scoped_unique_key(database_url):
    tables = [t for t in UNIQUE_KEYS if t.startswith("inspection_")]
    assert len(tables) == 7
    for table in tables:
        assert list(UNIQUE_KEYS[table]) in run(_index_columns(table)), table
        assert UNIQUE_KEYS[table][0] == "township"


def test_the_command_line_draws_verifies_records_and_publishes(demo):
    plan = str(plan_id())
    with drawn_on("2026-06-01"):
        drawn = cli_json("inspection", "draw", plan, "--township", HENGCUN, "--seed", "99", "--actor", "hc-captain")
    assert drawn["seed"] == "99" and drawn["assignments"]
    assert cli_json("inspection", "verify", str(drawn["id"]), "--township", HENGCUN)["verified"] is True
    target = str(drawn["assignments"][0]["target_id"])
    cli("inspection", "result", str(drawn["id"]), target, "--township", HENGCUN, "--outcome", "no_problem",
        "--at", "2026-06-15 09:30")
    published = cli_json("inspection", "publish", str(drawn["id"]), "--township", HENGCUN, "--on", "2026-06-20")
    assert [r["outcome_name"] for r in published["results"]] == ["未发现问题"]
    text = cli("inspection", "draw", plan, "--township", HENGCUN, "--seed", "99").output
    assert "随机种子 99" in text and "执法队员丙" in text
