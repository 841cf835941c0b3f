"""A township's document settings, kept under ``documents`` in ``Township.settings``.

Everything is optional: the defaults print the township people's government (赋权) or the
entrusting department (委托) as the enforcement subject, the county people's government as the
reconsideration body and the county's basic people's court, and number documents as
``{short}{code}字〔{year}〕第{n}号``.
"""

from __future__ import annotations

from typing import Any

import msgspec
from zhifa.core.documents.numbering import DEFAULT_FORMAT, check_format
from zhifa.core.services.errors import Invalid


class DocumentSettings(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    number_format: str = DEFAULT_FORMAT  # 文号格式: {short} {code} {year} {n} {township}
    number_prefix: str = ""  # 机关代字，印作文号的 {short}（委托机关设置；缺省：乡镇简称）
    subject_name: str = ""  # 赋权案件的执法主体名称（缺省：乡镇名称 + 人民政府）
    address: str = ""  # 本机关地址（印在告知书、通知书上）
    phone: str = ""  # 联系电话
    reconsideration_body: str = ""  # 行政复议机关（缺省：县级人民政府）
    court: str = ""  # 管辖法院（缺省：县级基层人民法院）
    payment_bank: str = ""  # 罚款代收机构
    payment_account: str = ""  # 代收账号
    payment_electronic: str = ""  # 电子缴款方式，如“浙里办”APP 或者非税收入缴款码


#: A change to the document settings: each field sent replaces the stored value ("" restores the default);
#: a field not sent keeps its value. Derived from DocumentSettings, so a new setting is changeable at once.
DocumentSettingsChange = msgspec.defstruct(
    "DocumentSettingsChange", [(name, str | msgspec.UnsetType, msgspec.UNSET) for name in DocumentSettings.__struct_fields__],
    kw_only=True, forbid_unknown_fields=True, module=__name__)


def changed(current: DocumentSettings, change: DocumentSettingsChange) -> dict[str, Any]:
    """The values of ``current`` with ``change`` applied ("" is the default again, number_format included)."""
    values = msgspec.to_builtins(current)
    for name in change.__struct_fields__:
        value = getattr(change, name)
        if value is not msgspec.UNSET:
            values[name] = value.strip() or getattr(DocumentSettings(), name)
    return values


def _raw(settings: Any) -> dict[str, Any]:
    if isinstance(settings, str):
        settings = msgspec.json.decode(settings or "{}")
    return dict(settings or {})


def document_settings(township_settings: Any) -> DocumentSettings:
    """Decode ``Township.settings["documents"]`` (a dict, or JSON text on some engines)."""
    return decode(_raw(township_settings).get("documents") or {})


def decode(values: dict[str, Any]) -> DocumentSettings:
    try:
        settings = msgspec.convert(values, DocumentSettings)
    except msgspec.ValidationError as exc:
        names = "、".join(DocumentSettings.__struct_fields__)
        raise Invalid("document.settings", f"文书设置有误：{exc}（可设置：{names}）") from exc
    check_format(settings.number_format)
    return settings


def merged(township_settings: Any, values: dict[str, Any]) -> dict[str, Any]:
    """The township's whole settings with ``documents`` replaced by the checked ``values``."""
    settings = decode(values)
    whole = _raw(township_settings)
    whole["documents"] = {k: v for k, v in msgspec.to_builtins(settings).items()
                          if v != getattr(DocumentSettings(), k)}
    return whole


def department_settings(department: dict[str, Any] | None) -> DocumentSettings:
    """An entrusting department's settings (``Department.documents``), as the county configured them."""
    return decode(_raw((department or {}).get("documents")))


def checked(values: dict[str, Any]) -> dict[str, Any]:
    """``values`` checked, without the defaults (as stored)."""
    settings = decode(values)
    return {k: v for k, v in msgspec.to_builtins(settings).items() if v != getattr(DocumentSettings(), k)}
