"""双随机、一公开 over HTTP: the same services as ``zhifa inspection …`` (zhifa.core.services.inspections).

Under ``/townships/{code}/inspections``: the township admin keeps the directories (targets by CSV or
JSON rows, inspectors, recusals); the approver or the township admin makes plans and draws; officers
record results; the approver, the township admin or the head publishes them. Supervisors (and the
county's platform administrators) read and verify every township of their county. A record another
township holds — a target, a plan, a draw, an inspector — is answered exactly like a missing one,
naming the request's field (zhifa.core.services.scope). ``GET /public/{township}/inspections`` is the
public list of published results (no sign-in); the public HTML page shows them too.
"""

from __future__ import annotations

import datetime as dt

from litestar import Request, Response, get, post
from litestar.params import JSONBody, Parameter
from zhifa.api.access import R, record_id, roles
from zhifa.api.limits import calendar_day
from zhifa.api.params import on_day, township
from zhifa.core import clock
from zhifa.core.schemas import text
from zhifa.core.schemas.auth import Principal
from zhifa.core.schemas.inspections import (
    DrawCreate,
    DrawRead,
    ImportSummary,
    InspectorDirectoryRead,
    InspectorsAdd,
    PlanCreate,
    PlanRead,
    PublicInspections,
    RecusalCreate,
    RecusalRead,
    ResultCreate,
    ResultPublication,
    ResultRead,
    TargetDirectoryRead,
    TargetImport,
    TargetRead,
    VerifyReport,
)
from zhifa.core.services import inspections

Req = Request[Principal, str, object]
TAGS = ["双随机、一公开"]
I = "/townships/{code:str}/inspections"

DIRECTORY_KEEPERS = frozenset({R.township_admin})
PLANNERS = frozenset({R.approver, R.township_admin})
RECORDERS = frozenset({R.officer})
PUBLISHERS = frozenset({R.approver, R.township_admin, R.township_head})
READERS = DIRECTORY_KEEPERS | PLANNERS | RECORDERS | PUBLISHERS | {R.supervisor, R.platform_admin}

CSV_DESCRIPTION = ("请求体为 CSV 文件原始内容（UTF-8，可带 BOM；Content-Type: text/csv），表头可用中文或英文："
                   "name/名称、identifier/统一社会信用代码、risk_class/风险分类，可选 field/领域、kind/主体类型、"
                   "operator/经营者、address/地址。文件中没有领域列时使用查询参数 field。按领域和统一社会信用代码新增或更新；"
                   "任何一行有误即指明行号，全部不导入（400）。")


def _day(on: dt.date | None, field: str = "on") -> dt.date:
    return clock.today() if on is None else calendar_day(on, field=field)


def _created(row) -> Response:
    return Response(row, status_code=201)


# -- 检查对象名录库 ---------------------------------------------------------------------------------
@get(f"{I}/targets", opt=roles(READERS), tags=TAGS, summary="检查对象名录（及其版本）")
async def list_targets(
    code: str = township(),
    field: str | None = Parameter(default=None, max_length=text.CODE_MAX, description="只列该领域"),
    include_inactive: bool = Parameter(default=False, description="包括已移出名录的对象"),
) -> TargetDirectoryRead:
    return await inspections.list_targets(code, field, include_inactive=include_inactive)


@post(f"{I}/targets", opt=roles(DIRECTORY_KEEPERS), tags=TAGS, status_code=200,
      summary="导入检查对象（JSON，按领域和统一社会信用代码新增或更新）",
      description="与 CSV 导入相同的规则：任何一条有误即指明第几条，全部不导入；有新增或更新时名录版本加一。")
async def import_targets(request: Req, data: JSONBody[TargetImport], code: str = township()) -> ImportSummary:
    return await inspections.import_targets(code, data.targets, actor=request.user.username)


@post(f"{I}/targets/csv", opt=roles(DIRECTORY_KEEPERS), tags=TAGS, status_code=200,
      summary="导入检查对象（上传 CSV 文件）", description=CSV_DESCRIPTION)
async def import_targets_csv(
    request: Req, code: str = township(),
    field: str | None = Parameter(default=None, max_length=text.CODE_MAX, description="文件中没有领域列时使用的领域"),
) -> ImportSummary:
    rows = inspections.parse_targets_csv(await request.body(), field)
    return await inspections.import_targets(code, rows, actor=request.user.username)


@post(f"{I}/targets/{{target_id:int}}/deactivate", opt=roles(DIRECTORY_KEEPERS), tags=TAGS, status_code=200,
      summary="将检查对象移出名录（注销、迁出等；记录保留）")
async def deactivate_target(request: Req, code: str = township(), target_id: int = record_id("检查对象")) -> TargetRead:
    return await inspections.set_target_active(code, target_id, False, actor=request.user.username)


# -- 执法检查人员名录库与回避 -----------------------------------------------------------------------
@get(f"{I}/inspectors", opt=roles(READERS), tags=TAGS, summary="执法检查人员名录（能否被抽取在抽取时按执法证判断）")
async def list_inspectors(code: str = township()) -> InspectorDirectoryRead:
    return await inspections.list_inspectors(code)


@post(f"{I}/inspectors", opt=roles(DIRECTORY_KEEPERS), tags=TAGS, status_code=200,
      summary="将执法人员列入执法检查人员名录（辅助人员不得列入）")
async def add_inspectors(request: Req, data: JSONBody[InspectorsAdd], code: str = township()) -> InspectorDirectoryRead:
    return await inspections.add_inspectors(code, data.inspectors, actor=request.user.username)


@post(f"{I}/inspectors/{{inspector:str}}/remove", opt=roles(DIRECTORY_KEEPERS), tags=TAGS, status_code=200,
      summary="将人员移出执法检查人员名录")
async def remove_inspector(
    request: Req, code: str = township(),
    inspector: str = Parameter(max_length=text.USERNAME_MAX, description="执法检查人员的用户名"),
) -> InspectorDirectoryRead:
    return await inspections.remove_inspector(code, inspector, actor=request.user.username)


@get(f"{I}/recusals", opt=roles(READERS), tags=TAGS, summary="登记的回避")
async def list_recusals(code: str = township()) -> list[RecusalRead]:
    return await inspections.list_recusals(code)


@post(f"{I}/recusals", opt=roles(DIRECTORY_KEEPERS), tags=TAGS,
      summary="登记回避：该执法人员不会被抽取检查该对象（名录版本加一）")
async def declare_recusal(request: Req, data: JSONBody[RecusalCreate], code: str = township()) -> Response[RecusalRead]:
    return _created(await inspections.declare_recusal(code, data, actor=request.user.username))


# -- 抽查计划与随机抽取 -----------------------------------------------------------------------------
@get(f"{I}/plans", opt=roles(READERS), tags=TAGS, summary="抽查计划")
async def list_plans(code: str = township()) -> list[PlanRead]:
    return await inspections.list_plans(code)


@post(f"{I}/plans", opt=roles(PLANNERS), tags=TAGS, summary="创建抽查计划",
      description="ratios 须逐类（A 低、B 一般、C 较高、D 高）写明抽查比例（%，0 至 100，字符串或整数）；"
                  "领域须在检查期间开始日已授权本乡镇；per_target 每个对象的执法检查人员数，不少于 2。")
async def create_plan(request: Req, data: JSONBody[PlanCreate], code: str = township()) -> Response[PlanRead]:
    return _created(await inspections.create_plan(code, data, actor=request.user.username))


@get(f"{I}/plans/{{plan_id:int}}", opt=roles(READERS), tags=TAGS, summary="一个抽查计划")
async def show_plan(code: str = township(), plan_id: int = record_id("抽查计划")) -> PlanRead:
    return await inspections.get_plan(code, plan_id)


@post(f"{I}/plans/{{plan_id:int}}/draws", opt=roles(PLANNERS), tags=TAGS,
      summary="按计划随机抽取检查对象和执法检查人员，并记录种子、名录版本和结果",
      description="不带 seed 时由系统安全随机生成 63 位种子并记录。某个抽中对象可选派的执法检查人员不足时拒绝（400 "
                  "inspection.infeasible，指明对象和原因），不记录任何内容。")
async def draw(request: Req, code: str = township(), plan_id: int = record_id("抽查计划"),
               data: JSONBody[DrawCreate | None] = None) -> Response[DrawRead]:
    seed = data.seed if data is not None else None
    return _created(await inspections.draw_plan(code, plan_id, seed=seed, actor=request.user.username))


@get(f"{I}/draws", opt=roles(READERS), tags=TAGS, summary="随机抽取记录")
async def list_draws(code: str = township(), plan_id: int | None = record_id("抽查计划", required=False)) -> list[DrawRead]:
    return await inspections.list_draws(code, plan_id)


@get(f"{I}/draws/{{draw_id:int}}", opt=roles(READERS), tags=TAGS, summary="一次随机抽取（种子、名录版本与哈希、结果）")
async def show_draw(code: str = township(), draw_id: int = record_id("抽取记录")) -> DrawRead:
    return await inspections.get_draw(code, draw_id)


@get(f"{I}/draws/{{draw_id:int}}/verify", opt=roles(READERS), tags=TAGS,
     summary="核验一次抽取：按记录的种子和名录重新计算，核对结果；并说明名录此后是否变化",
     description="答复 verified（记录的名录与其哈希相符、按种子重新抽取结果一致、全过程记录中的抽取事件相符）与 problems "
                 "（每一处不符）；targets、inspectors 给出抽取时与现在的名录版本，changed 说明所用记录此后是否变化（仅供参考，"
                 "不影响核验）。")
async def verify_draw(code: str = township(), draw_id: int = record_id("抽取记录")) -> VerifyReport:
    return await inspections.verify_draw(code, draw_id)


# -- 抽查结果与公示 ----------------------------------------------------------------------------------
@get(f"{I}/draws/{{draw_id:int}}/results", opt=roles(READERS), tags=TAGS, summary="一次抽取的抽查结果")
async def list_results(code: str = township(), draw_id: int = record_id("抽取记录")) -> list[ResultRead]:
    return await inspections.list_results(code, draw_id)


@post(f"{I}/draws/{{draw_id:int}}/results", opt=roles(RECORDERS), tags=TAGS,
      summary="登记一个抽中对象的抽查结果（发现问题已立案的，同时登记案件线索）",
      description="由抽中该对象的执法检查人员检查：他们在检查当日须持有覆盖计划领域的有效行政执法证；检查日期在计划的检查期间内，"
                  "不早于抽取之日、不晚于今天。inspected_at 缺省为现在。outcome：no_problem 未发现问题、corrected "
                  "发现问题已责令整改、case_opened 发现问题已立案（登记案源为双随机一公开的线索）、not_publicised 未按规定公示、"
                  "refused 不配合检查、not_operating 未发现开展经营活动、unreachable 通过登记的住所无法联系。")
async def record_result(request: Req, data: JSONBody[ResultCreate], code: str = township(),
                        draw_id: int = record_id("抽取记录")) -> Response[ResultRead]:
    return _created(await inspections.record_result(code, draw_id, data, actor=request.user.username))


@post(f"{I}/draws/{{draw_id:int}}/publish", opt=roles(PUBLISHERS), tags=TAGS, status_code=200,
      summary="公示一次抽取中已登记、尚未公示的抽查结果（个体工商户经营者姓名脱敏）",
      description="on 为公示日期（缺省今天），不得早于检查日期；超过公示期限（检查后 20 个工作日，可按乡镇配置）的标明逾期公示。")
async def publish(request: Req, code: str = township(), draw_id: int = record_id("抽取记录"),
                  on: dt.date | None = on_day("公示日期（缺省今天）")) -> ResultPublication:
    return await inspections.publish_results(code, draw_id, _day(on), actor=request.user.username)


@get("/public/{township:str}/inspections", opt={"public": True}, tags=TAGS,
     summary="乡镇双随机抽查结果公示（JSON，无需登录）",
     description="截至 on（缺省今天）已公示的抽查结果，按抽取分组、新的在前；不含风险分类和执法检查人员，"
                 "个体工商户经营者姓名脱敏、不示地址。")
async def public_inspections(
    township: str = Parameter(max_length=text.CODE_MAX, description="乡镇行政区划代码（9 位）"),  # noqa: F811
    on: dt.date | None = on_day("公示截至日（缺省今天）"),
) -> PublicInspections:
    return await inspections.public_inspections(township, _day(on))


ROUTES = [list_targets, import_targets, import_targets_csv, deactivate_target, list_inspectors, add_inspectors,
          remove_inspector, list_recusals, declare_recusal, list_plans, create_plan, show_plan, draw, list_draws,
          show_draw, verify_draw, list_results, record_result, publish, public_inspections]
