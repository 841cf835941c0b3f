"""Who may do what (domain.md §2). Roles are stored as their values on the user."""

from __future__ import annotations

from enum import Enum


class Role(str, Enum):
    platform_admin = "platform_admin"  # 平台管理员（县/市）
    township_admin = "township_admin"  # 乡镇管理员
    officer = "officer"  # 执法人员
    auxiliary = "auxiliary"  # 协管员/辅助人员 — may assist, may never enforce
    approver = "approver"  # 队长/案件审批人
    legal_reviewer = "legal_reviewer"  # 法制审核人员
    township_head = "township_head"  # 行政机关负责人
    supervisor = "supervisor"  # 司法局/法制办 — reads across the county
    county_department = "county_department"  # 县直部门


ROLE_NAMES: dict[Role, str] = {
    Role.platform_admin: "平台管理员",
    Role.township_admin: "乡镇管理员",
    Role.officer: "执法人员",
    Role.auxiliary: "辅助人员",
    Role.approver: "案件审批人",
    Role.legal_reviewer: "法制审核人员",
    Role.township_head: "行政机关负责人",
    Role.supervisor: "执法监督人员",
    Role.county_department: "县直部门人员",
}

#: Roles that belong to one township; the others work at county level.
TOWNSHIP_ROLES = frozenset(
    {Role.township_admin, Role.officer, Role.auxiliary, Role.approver, Role.legal_reviewer, Role.township_head}
)
