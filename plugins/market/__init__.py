"""市场监管 (market regulation): 无照经营、食品安全、价格、计量、产品质量、消费者权益、广告、商标.

The catalogue is data in ``catalogue/``; this module only declares it.
"""

from pathlib import Path

from zhifa.core.hookspecs import hookimpl

#: The version of zhifa's hook interface this plugin was written for.
ZHIFA_HOOK_INTERFACE = 2


@hookimpl
def zhifa_field_catalogues():
    return [Path(__file__).parent / "catalogue"]
