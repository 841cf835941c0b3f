"""生态环境 (ecology and environment): 露天焚烧、餐饮油烟、露天烧烤、扬尘、社会生活噪声、建筑施工噪声、饮用水水源保护、固体废物.

The catalogue is data in ``catalogue/``; this module only declares it.
"""

from pathlib import Path

from zhifa.core.hookspecs import hookimpl

#: The version of zhifa's hook interface this plugin was written for.
ZHIFA_HOOK_INTERFACE = 2


@hookimpl
def zhifa_field_catalogues():
    return [Path(__file__).parent / "catalogue"]
