from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.aggregate_chat_stats import AggregateChatStats
    from ..models.chat_body import ChatBody


T = TypeVar("T", bound="ChatStatsExport")


@_attrs_define
class ChatStatsExport:
    """
    Attributes:
        id (str):
        user_id (str):
        created_at (int):
        updated_at (int):
        stats (AggregateChatStats):
        chat (ChatBody):
        tags (list[str] | Unset):
    """

    id: str
    user_id: str
    created_at: int
    updated_at: int
    stats: AggregateChatStats
    chat: ChatBody
    tags: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        user_id = self.user_id

        created_at = self.created_at

        updated_at = self.updated_at

        stats = self.stats.to_dict()

        chat = self.chat.to_dict()

        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "user_id": user_id,
                "created_at": created_at,
                "updated_at": updated_at,
                "stats": stats,
                "chat": chat,
            }
        )
        if tags is not UNSET:
            field_dict["tags"] = tags

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.aggregate_chat_stats import AggregateChatStats
        from ..models.chat_body import ChatBody

        d = dict(src_dict)
        id = d.pop("id")

        user_id = d.pop("user_id")

        created_at = d.pop("created_at")

        updated_at = d.pop("updated_at")

        stats = AggregateChatStats.from_dict(d.pop("stats"))

        chat = ChatBody.from_dict(d.pop("chat"))

        tags = cast(list[str], d.pop("tags", UNSET))

        chat_stats_export = cls(
            id=id,
            user_id=user_id,
            created_at=created_at,
            updated_at=updated_at,
            stats=stats,
            chat=chat,
            tags=tags,
        )

        chat_stats_export.additional_properties = d
        return chat_stats_export

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
