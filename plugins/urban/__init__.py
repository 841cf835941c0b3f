"""城市管理 (urban management): 违法建设、市容环卫、户外广告、生活垃圾.

The catalogue is data in ``catalogue/``; this module only declares it.
"""

from pathlib import Path

from zhifa.core.hookspecs import hookimpl

#: The version of zhifa's hook interface this plugin was written for.
ZHIFA_HOOK_INTERFACE = 2


@hookimpl
def zhifa_field_catalogues():
    return [Path(__file__).parent / "catalogue"]
