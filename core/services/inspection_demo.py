"""Demo data for 双随机、一公开: 横村镇's market-target directory, its inspectors and one plan.

Credit codes are generated with valid check characters and belong to nobody.
"""

from __future__ import annotations

import datetime as dt

from stdnum.cn import uscc
from zhifa.core.db.tables import InspectionPlan, InspectionRecusal, Township
from zhifa.core.registry import get_host
from zhifa.core.schemas.inspections import PlanCreate, RecusalCreate, TargetCreate
from zhifa.core.services import inspections
from zhifa.core.services.scope import owned_by

HENGCUN = "330122100"
PLAN_TITLE = "2026年横村镇市场监管领域双随机抽查（演示）"

#: name, kind, operator, address, risk class — 12 entries across the four classes.
TARGETS = [
    ("桐庐横村毛衫织造有限公司", "organisation", "陈建国", "横村镇工业园区1号", "A"),
    ("杭州横村针织服饰有限公司", "organisation", "周丽", "横村镇工业园区8号", "A"),
    ("桐庐县横村镇百姓超市", "organisation", "吴强", "横村镇横村大街21号", "A"),
    ("桐庐横村电子商务有限公司", "organisation", "孙伟", "横村镇振兴路18号", "A"),
    ("桐庐县横村镇便民药店", "organisation", "郑敏", "横村镇振兴路30号", "B"),
    ("桐庐县横村镇鲜果园水果店", "individual", "冯小燕", "横村镇横村大街45号", "B"),
    ("桐庐县横村镇阿强小吃店", "individual", "林强", "横村镇横村大街52号", "B"),
    ("桐庐横村农资经营部", "organisation", "何平", "横村镇凤联村", "C"),
    ("桐庐县横村镇老李五金店", "individual", "李建华", "横村镇振兴路77号", "C"),
    ("桐庐县横村镇好味道餐饮店", "organisation", "王五", "横村镇振兴路66号", "C"),
    ("桐庐县横村镇星光网吧", "organisation", "许亮", "横村镇横村大街99号", "D"),
    ("桐庐县横村镇小杨烟酒店", "individual", "杨帆", "横村镇振兴路90号", "D"),
]
INSPECTORS = ["hc-officer1", "hc-officer2", "hc-officer3", "hc-captain"]


def demo_credit_code(n: int, kind: str) -> str:
    body = f"{'92' if kind == 'individual' else '91'}330122MA2H1{n:03d}0"
    return body + uscc.calc_check_digit(body)


async def load_demo_inspections() -> int:
    """Load the demo directory (idempotent); the number of targets added."""
    if "market" not in get_host().registry.catalogues:
        return 0
    if not await Township.exists().where(Township.code == HENGCUN):
        return 0
    rows = [TargetCreate(field="market", name=name, identifier=demo_credit_code(n, kind), risk_class=risk, kind=kind,
                         operator=operator, address=f"桐庐县{address}")
            for n, (name, kind, operator, address, risk) in enumerate(TARGETS, start=1)]
    summary = await inspections.import_targets(HENGCUN, rows, actor="hc-admin")
    await inspections.add_inspectors(HENGCUN, INSPECTORS, actor="hc-admin")
    township_id = (await Township.select(Township.id).where(Township.code == HENGCUN).first())["id"]
    if not await InspectionRecusal.exists().where(owned_by(InspectionRecusal, township_id)):
        directory = await inspections.list_targets(HENGCUN, "market")
        target = next(t for t in directory.targets if t.name == TARGETS[9][0])  # 好味道餐饮店
        await inspections.declare_recusal(
            HENGCUN, RecusalCreate(inspector="hc-officer1", target_id=target.id, reason="经营者系其近亲属"), actor="hc-admin")
    if not await InspectionPlan.exists().where(InspectionPlan.title == PLAN_TITLE):
        await inspections.create_plan(HENGCUN, PlanCreate(
            field="market", title=PLAN_TITLE, ratios={"A": "25", "B": "34", "C": "50", "D": "100"},
            starts_on=dt.date(2026, 6, 1), ends_on=dt.date(2026, 11, 30)), actor="hc-admin")
    return summary.added
