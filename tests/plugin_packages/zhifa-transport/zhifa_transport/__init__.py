"""交通运输 (transport): a sixth field, shipped as its own package, with no change to zhifa."""

from pathlib import Path

from zhifa.core.hookspecs import hookimpl

ZHIFA_HOOK_INTERFACE = 1

calls: list[str] = []


@hookimpl
def zhifa_field_catalogues():
    return [Path(__file__).parent / "catalogue"]


@hookimpl
def zhifa_check_action(context):
    """A field rule: clues on expressways belong to the provincial road police, not a township."""
    calls.append(context.township)
    on_expressway = "高速" in context.data.get("summary", "")
    if on_expressway and (context.field == "transport" or context.action == "file_case"):
        from zhifa.core.rules import Refusal

        return [Refusal("transport.expressway", "高速公路上的违法行为不属于乡镇管辖")]
    return None


@hookimpl
def zhifa_adjust_recommendation(context, recommendation):
    """An example provincial rule: recommend the tier's lower bound, and say so."""
    if recommendation is None or recommendation.tier_range is None:
        return None
    import msgspec

    return msgspec.structs.replace(
        recommendation,
        recommended_amount=recommendation.tier_range.min,
        reasons=[*recommendation.reasons, "按示例省级规则，建议取裁量阶次下限"],
    )


@hookimpl
def zhifa_piccolo_apps():
    return ["zhifa_transport.piccolo_app"]


@hookimpl
def zhifa_register_commands(cli):
    @cli.command("transport-roads")
    def roads(township: str):
        """列出乡镇登记的公路。"""
        import asyncio

        from zhifa.core.bootstrap import open_database
        from zhifa.core.db.tables import Township

        from zhifa_transport.tables import Road

        async def main():
            await open_database()
            tid = (await Township.select(Township.id).where(Township.code == township).first())["id"]
            return await Road.select(Road.name).where(Road.township == tid)

        for row in asyncio.run(main()):
            print(row["name"])


@hookimpl
def zhifa_api_routes():
    """A field route: the roads the township registered (mounted under /townships/{code}/fields/transport)."""
    from litestar import get
    from litestar.params import Parameter

    @get("/roads", opt={"roles": frozenset({"officer", "approver", "township_head", "supervisor"})})
    async def roads(code: str = Parameter(description="乡镇行政区划代码")) -> list[dict]:
        from zhifa.core.db.tables import Township

        from zhifa_transport.tables import Road

        township = await Township.select(Township.id).where(Township.code == code).first()
        rows = await Road.select(Road.name).where(Road.township == township["id"]).order_by(Road.name)
        return [{"name": r["name"]} for r in rows]

    return [roads]
