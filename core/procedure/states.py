"""The two procedures' states (一般程序 / 简易程序), with the names officers read."""

from __future__ import annotations

from enum import Enum


class Status(str, Enum):
    clue = "clue"  # 线索登记
    not_filed = "not_filed"  # 不予立案
    transferred = "transferred"  # 移送管辖
    investigating = "investigating"  # 立案，调查取证
    reviewing = "reviewing"  # 调查终结，案件审核
    notified = "notified"  # 已告知，等待陈述申辩或听证申请
    hearing = "hearing"  # 听证程序中
    decided = "decided"  # 已作出决定
    served = "served"  # 决定书已送达
    executing = "executing"  # 执行中
    closed = "closed"  # 结案
    archived = "archived"  # 归档
    suspended = "suspended"  # 中止
    terminated = "terminated"  # 终止调查
    criminal_transfer = "criminal_transfer"  # 涉嫌犯罪移送司法机关
    handed_back = "handed_back"  # 移交县级部门（较大数额）
    revoked = "revoked"  # 决定被撤销
    on_spot = "on_spot"  # 简易程序：当场决定已交付
    filed_with_authority = "filed_with_authority"  # 简易程序：已备案


STATUS_NAMES: dict[Status, str] = {
    Status.clue: "线索登记",
    Status.not_filed: "不予立案",
    Status.transferred: "移送管辖",
    Status.investigating: "调查取证",
    Status.reviewing: "案件审核",
    Status.notified: "告知",
    Status.hearing: "听证",
    Status.decided: "决定",
    Status.served: "送达",
    Status.executing: "执行",
    Status.closed: "结案",
    Status.archived: "归档",
    Status.suspended: "中止",
    Status.terminated: "终止",
    Status.criminal_transfer: "移送司法",
    Status.handed_back: "移交县级部门",
    Status.revoked: "撤销",
    Status.on_spot: "当场处罚",
    Status.filed_with_authority: "备案",
}

#: States in which the 90-day decision clock runs.
CLOCK_RUNNING = frozenset({Status.investigating, Status.reviewing, Status.notified, Status.hearing})
#: States after which nothing but reading (and archiving) happens.
FINAL = frozenset(
    {Status.not_filed, Status.transferred, Status.archived, Status.terminated, Status.criminal_transfer,
     Status.handed_back, Status.revoked}
)
