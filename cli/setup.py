"""``zhifa init``: write the configuration, create the database, run migrations."""

from __future__ import annotations

from zhifa.cli.common import console, run_service
from zhifa.core.config import config_path, write_default_config


def init() -> None:
    """创建配置文件和数据库，并执行全部数据库迁移。"""
    path = write_default_config()

    async def _describe() -> str:
        from zhifa.core.db.database import current_engine
        from zhifa.core.db.engine import describe

        return describe(current_engine())

    where = run_service(_describe, migrate=True)
    console.print(f"配置文件：{config_path()}" if path else "", highlight=False)
    console.print(f"数据库已就绪：{where}", highlight=False)
