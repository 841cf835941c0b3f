"""Routes that plugins add (``zhifa_api_routes``), mounted under the field they serve."""

from __future__ import annotations

from litestar import Router
from litestar.connection import ASGIConnection
from litestar.handlers.base import BaseRouteHandler
from zhifa.api.access import visible_township
from zhifa.core import clock
from zhifa.core.plugins import call_each
from zhifa.core.registry import PluginHost
from zhifa.core.services import authorisations
from zhifa.core.services.errors import NotFound


async def field_enabled(connection: ASGIConnection, handler: BaseRouteHandler) -> None:
    field = handler.opt["field"]
    township = await visible_township(connection.user, connection.path_params["code"])
    if field not in await authorisations.fields_enabled(township["id"], clock.today()):
        raise NotFound("field.not_enabled", f"本乡镇今日未启用执法领域 {field}")


def plugin_routers(host: PluginHost) -> list[Router]:
    routers = []
    for plugin, handlers in call_each(host.pm, "zhifa_api_routes"):
        if not handlers:
            continue
        fields = sorted(f for f, p in host.registry.field_plugin.items() if p == plugin)
        for field in fields:
            routers.append(Router(
                path=f"/townships/{{code:str}}/fields/{field}", route_handlers=list(handlers),
                guards=[field_enabled], opt={"field": field, "plugin": plugin}, tags=[f"插件：{plugin}"],
            ))
    return routers
