"""农业农村 (agriculture and rural affairs): 农药、种子、渔业禁渔、动物防疫、农产品质量安全、农村宅基地.

The catalogue is data in ``catalogue/``; this module only declares it.
"""

from pathlib import Path

from zhifa.core.hookspecs import hookimpl

#: The version of zhifa's hook interface this plugin was written for.
ZHIFA_HOOK_INTERFACE = 2


@hookimpl
def zhifa_field_catalogues():
    return [Path(__file__).parent / "catalogue"]
