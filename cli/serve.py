"""``zhifa serve``: run the HTTP API (SQLite by default, PostgreSQL by URL)."""

from __future__ import annotations

import os

import typer
from zhifa.cli.common import err_console


def server_stack() -> dict[str, str]:
    """The fast path by default: httptools' parser and uvloop's loop (both dependencies; uvloop not on Windows)."""
    import importlib.util

    return {"http": "httptools" if importlib.util.find_spec("httptools") else "h11",
            "loop": "uvloop" if importlib.util.find_spec("uvloop") else "asyncio"}


def serve(
    host: str = typer.Option("127.0.0.1", help="监听地址"),
    port: int = typer.Option(8000, help="监听端口"),
    database_url: str = typer.Option(None, "--database-url", envvar="ZHIFA_DATABASE_URL",
                                     help="数据库地址（默认读取 zhifa.toml，即本地 SQLite 文件）"),
    workers: int = typer.Option(1, help="进程数（SQLite 请保持 1）"),
    forwarded_allow_ips: str = typer.Option("", "--forwarded-allow-ips", envvar="ZHIFA_FORWARDED_ALLOW_IPS",
                                            help="信任其 X-Forwarded-For 的反向代理地址（逗号分隔）；缺省不信任任何转发头"),
) -> None:
    """运行 HTTP 接口服务；接口文档在 /schema（Swagger 界面在 /schema/swagger）。"""
    import uvicorn
    from zhifa.api.app import create_app

    err_console.print(f"zhifa 接口服务：http://{host}:{port}/schema 查看接口文档", highlight=False)
    # The sign-in throttle counts by the peer address: forwarded headers only from the named proxies.
    options = dict(proxy_headers=bool(forwarded_allow_ips), forwarded_allow_ips=forwarded_allow_ips or None,
                   **server_stack())
    if workers > 1:
        if database_url:
            os.environ["ZHIFA_DATABASE_URL"] = database_url  # each worker builds its own app from settings
        uvicorn.run("zhifa.api.app:create_app", factory=True, host=host, port=port, workers=workers, log_level="warning",
                    **options)
    else:
        uvicorn.run(create_app(database_url), host=host, port=port, log_level="warning", **options)
