"""文化旅游 (culture and tourism): 网吧、娱乐场所、营业性演出、出版物发行、旅行社与导游.

The catalogue is data in ``catalogue/``; this module only declares it.
"""

from pathlib import Path

from zhifa.core.hookspecs import hookimpl

#: The version of zhifa's hook interface this plugin was written for.
ZHIFA_HOOK_INTERFACE = 2


@hookimpl
def zhifa_field_catalogues():
    return [Path(__file__).parent / "catalogue"]
