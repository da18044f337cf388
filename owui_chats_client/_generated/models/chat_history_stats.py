from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.chat_history_stats_messages import ChatHistoryStatsMessages


T = TypeVar("T", bound="ChatHistoryStats")


@_attrs_define
class ChatHistoryStats:
    """
    Attributes:
        messages (ChatHistoryStatsMessages):
        current_id (None | str | Unset):
    """

    messages: ChatHistoryStatsMessages
    current_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        messages = self.messages.to_dict()

        current_id: None | str | Unset
        if isinstance(self.current_id, Unset):
            current_id = UNSET
        else:
            current_id = self.current_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "messages": messages,
            }
        )
        if current_id is not UNSET:
            field_dict["currentId"] = current_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.chat_history_stats_messages import ChatHistoryStatsMessages

        d = dict(src_dict)
        messages = ChatHistoryStatsMessages.from_dict(d.pop("messages"))

        def _parse_current_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        current_id = _parse_current_id(d.pop("currentId", UNSET))

        chat_history_stats = cls(
            messages=messages,
            current_id=current_id,
        )

        chat_history_stats.additional_properties = d
        return chat_history_stats

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
