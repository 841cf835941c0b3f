"""The working-day calendar: each day of a year, whether it is a working day, and its source."""

from __future__ import annotations

from litestar import get
from litestar.params import Parameter
from zhifa.core.calendar.yearfile import FIRST_YEAR, LAST_YEAR
from zhifa.core.schemas.calendar import CalendarYearRead
from zhifa.core.services import calendar

TAGS = ["工作日历"]


@get("/calendar/{year:int}", opt={"any_role": True}, tags=TAGS, summary="某年工作日历（每日状态与数据来源）",
     description="来源依次为：本地加载的国务院通知（deployment）、官方数据包（official）、暂定规则（provisional）。"
                 "暂定年份中可能调休的日子在 note 中说明：当事人期限按休息日计、机关时限按工作日计。")
async def calendar_year(year: int = Parameter(ge=FIRST_YEAR, le=LAST_YEAR, description="年份")) -> CalendarYearRead:
    return await calendar.show_year(year)


ROUTES = [calendar_year]
