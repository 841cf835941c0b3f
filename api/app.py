"""The Litestar application: ``create_app()`` is what ``zhifa serve`` runs.

On start-up it loads the plugins (validating their catalogues), points the tables at the
database and, for SQLite, opens the engine's long-lived reader and writer connections.
"""

from __future__ import annotations

import asyncio
import logging
from itertools import chain

from litestar import Litestar
from litestar.openapi import OpenAPIConfig
from piccolo.engine.postgres import PostgresEngine
from zhifa.api import access, faults, limits, problems, viewer
from zhifa.api import cors as cross_origin
from zhifa.api.openapi import ContractConfig, attach
from zhifa.api.routes import actions, auth, calendar, cases, catalogue, evidence, people, plugins, townships
from zhifa.api.routes import documents as document_routes
from zhifa.api.routes import publication as publication_routes
from zhifa.api.routes import audit as audit_routes
from zhifa.api.routes import county as county_routes
from zhifa.api.routes import inspections as inspection_routes
from zhifa.api.routes import referrals as referral_routes
from zhifa.api.routes import reports as report_routes
from zhifa.api.headers import security_headers
from zhifa.api.security import authentication
from zhifa.core.bootstrap import open_database
from zhifa.core.config import load_settings
from zhifa.core.db.database import current_engine
from zhifa.core.db.sqlite_persistent import PersistentSQLiteEngine
from zhifa.core.registry import get_host
from zhifa.core.services import calendar as calendar_service
from zhifa.core.services import catalogue_overlays
from zhifa.core.services.auth import forget_cached_tokens
from zhifa.web import template_config, web_router

log = logging.getLogger(__name__)

CORE_ROUTES = list(chain(auth.ROUTES, townships.ROUTES, catalogue.ROUTES, people.ROUTES, cases.ROUTES,
                         actions.ROUTES, evidence.ROUTES, calendar.ROUTES))
CORE_ROUTES += publication_routes.ROUTES  # 公示: public pages and the officers' queue
CORE_ROUTES += document_routes.ROUTES  # 执法文书: the case's documents, read
CORE_ROUTES += report_routes.ROUTES  # 执法监督与报表: statistics, findings, the quarterly report (issue 15)
CORE_ROUTES += audit_routes.ROUTES  # 全过程记录核验 (issue 15)
CORE_ROUTES += county_routes.ROUTES  # the county-wide case list for supervisors (issue 15)
CORE_ROUTES += referral_routes.ROUTES  # 乡呼县应 (issue 15)
CORE_ROUTES += inspection_routes.ROUTES  # 双随机、一公开 (issue 15)


def openapi_config() -> OpenAPIConfig:
    return ContractConfig(  # completed for client generators in one place: zhifa.api.openapi
        title="zhifa 乡镇综合行政执法 API",
        version="1",
        description=(
            "乡镇综合行政执法办案系统的接口。除登录和公示页面外，每个请求都要在 Authorization 请求头中携带 "
            "`Bearer <令牌>`（由 `POST /auth/login` 取得）。错误以 RFC 9457 problem details 返回，"
            "`code` 为稳定的规则代码，`detail` 为中文说明。"
        ),
        path="/schema",
        render_plugins=viewer.render_plugins(),  # Swagger UI, its assets served by the app (offline)
    )


def create_app(database_url: str | None = None, *, migrate: bool = False, debug: bool = False) -> Litestar:
    """Build the app. The database opens on start-up and closes on shutdown."""
    host = get_host()

    opening: dict[str, asyncio.Lock] = {}

    async def connect() -> None:
        """Open the long-lived connections (SQLite's reader and writer, PostgreSQL's pool) unless open."""
        engine = current_engine()
        if isinstance(engine, PersistentSQLiteEngine) and not engine.is_open:
            async with opening["lock"]:
                if not engine.is_open:
                    await engine.open()
        elif isinstance(engine, PostgresEngine) and engine.pool is None:
            async with opening["lock"]:
                if engine.pool is None:
                    await engine.start_connection_pool(min_size=2, max_size=10)

    async def start() -> None:
        access.forget_townships()
        forget_cached_tokens()
        await open_database(database_url, migrate=migrate)
        opening["lock"] = asyncio.Lock()
        try:
            await connect()
            await calendar_service.refresh(max_age=0)
            await catalogue_overlays.refresh(max_age=0)
        except Exception as exc:  # the server starts anyway and answers 503 until the database is back
            if faults.kind(exc) != "unavailable":
                raise
            log.warning("启动时数据库不可用（%s）：服务照常启动，数据库恢复前的请求答 503", exc)

    async def before_request(request) -> None:
        await connect()  # the database was down at start-up, or SQLite's file could not be opened
        await refresh_calendar(request)

    async def stop() -> None:
        engine = current_engine()
        if isinstance(engine, PersistentSQLiteEngine):
            await engine.close()
        elif isinstance(engine, PostgresEngine) and engine.pool is not None:
            await engine.close_connection_pool()

    return cross_origin.refusing_other_origins(_build(host, start, stop, debug, before_request))


async def refresh_calendar(_request) -> None:
    """Another process may have loaded a year's holiday data or a catalogue overlay: re-read every few seconds."""
    await calendar_service.refresh()
    await catalogue_overlays.refresh()


def _build(host, start, stop, debug: bool, before_request=refresh_calendar) -> Litestar:
    return attach(Litestar(
        route_handlers=[*CORE_ROUTES, viewer.ASSETS, *plugins.plugin_routers(host), web_router()],  # web: the pages (issue 17)
        guards=[access.guard],
        middleware=[limits.url_limits, authentication],
        exception_handlers={**problems.HANDLERS, **faults.HANDLERS},
        request_class=limits.ZhifaRequest,
        request_max_body_size=limits.MAX_BODY_BYTES,
        on_startup=[start],
        before_request=before_request,
        before_send=[security_headers],
        on_shutdown=[stop],
        openapi_config=openapi_config(),
        cors_config=cross_origin.cors_config(load_settings().cors),  # off unless zhifa.toml lists origins
        template_config=template_config(),  # the web app's Jinja2 templates (zhifa.web)
        debug=debug,
    ))
