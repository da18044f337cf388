from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CompactChatResponse")


@_attrs_define
class CompactChatResponse:
    """
    Attributes:
        ok (bool):
        compacted (bool):
        reason (None | str | Unset): Why nothing was compacted (for example `disabled`).
        dropped_messages (int | Unset):
        kept_messages (int | Unset):
        summary_chars (int | Unset):
        context_usage (Any | None | Unset):
    """

    ok: bool
    compacted: bool
    reason: None | str | Unset = UNSET
    dropped_messages: int | Unset = UNSET
    kept_messages: int | Unset = UNSET
    summary_chars: int | Unset = UNSET
    context_usage: Any | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ok = self.ok

        compacted = self.compacted

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        dropped_messages = self.dropped_messages

        kept_messages = self.kept_messages

        summary_chars = self.summary_chars

        context_usage: Any | None | Unset
        if isinstance(self.context_usage, Unset):
            context_usage = UNSET
        else:
            context_usage = self.context_usage

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ok": ok,
                "compacted": compacted,
            }
        )
        if reason is not UNSET:
            field_dict["reason"] = reason
        if dropped_messages is not UNSET:
            field_dict["dropped_messages"] = dropped_messages
        if kept_messages is not UNSET:
            field_dict["kept_messages"] = kept_messages
        if summary_chars is not UNSET:
            field_dict["summary_chars"] = summary_chars
        if context_usage is not UNSET:
            field_dict["context_usage"] = context_usage

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        ok = d.pop("ok")

        compacted = d.pop("compacted")

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        dropped_messages = d.pop("dropped_messages", UNSET)

        kept_messages = d.pop("kept_messages", UNSET)

        summary_chars = d.pop("summary_chars", UNSET)

        def _parse_context_usage(data: object) -> Any | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(Any | None | Unset, data)

        context_usage = _parse_context_usage(d.pop("context_usage", UNSET))

        compact_chat_response = cls(
            ok=ok,
            compacted=compacted,
            reason=reason,
            dropped_messages=dropped_messages,
            kept_messages=kept_messages,
            summary_chars=summary_chars,
            context_usage=context_usage,
        )

        compact_chat_response.additional_properties = d
        return compact_chat_response

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
