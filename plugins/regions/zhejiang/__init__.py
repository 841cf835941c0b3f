"""地区包：浙江省。The region's own law for the fields it extends; data in ``catalogue/<field>/``."""

from zhifa.core.hookspecs import hookimpl
from zhifa.plugins.regions import pack_folders

ZHIFA_HOOK_INTERFACE = 2


@hookimpl
def zhifa_field_catalogues():
    return pack_folders(__file__)
