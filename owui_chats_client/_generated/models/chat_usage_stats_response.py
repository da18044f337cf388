from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ChatUsageStatsResponse")


@_attrs_define
class ChatUsageStatsResponse:
    """
    Attributes:
        id (str):
        message_count (int):
        history_message_count (int):
        history_user_message_count (int):
        history_assistant_message_count (int):
        average_response_time (float):
        average_user_message_content_length (float):
        average_assistant_message_content_length (float):
        last_message_at (int):
        updated_at (int):
        created_at (int):
        models (Any | Unset): A free-form JSON object; plain `dict` in Python.
        history_models (Any | Unset): A free-form JSON object; plain `dict` in Python.
        tags (list[str] | Unset):
    """

    id: str
    message_count: int
    history_message_count: int
    history_user_message_count: int
    history_assistant_message_count: int
    average_response_time: float
    average_user_message_content_length: float
    average_assistant_message_content_length: float
    last_message_at: int
    updated_at: int
    created_at: int
    models: Any | Unset = UNSET
    history_models: Any | Unset = UNSET
    tags: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        message_count = self.message_count

        history_message_count = self.history_message_count

        history_user_message_count = self.history_user_message_count

        history_assistant_message_count = self.history_assistant_message_count

        average_response_time = self.average_response_time

        average_user_message_content_length = self.average_user_message_content_length

        average_assistant_message_content_length = (
            self.average_assistant_message_content_length
        )

        last_message_at = self.last_message_at

        updated_at = self.updated_at

        created_at = self.created_at

        models = self.models

        history_models = self.history_models

        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "message_count": message_count,
                "history_message_count": history_message_count,
                "history_user_message_count": history_user_message_count,
                "history_assistant_message_count": history_assistant_message_count,
                "average_response_time": average_response_time,
                "average_user_message_content_length": average_user_message_content_length,
                "average_assistant_message_content_length": average_assistant_message_content_length,
                "last_message_at": last_message_at,
                "updated_at": updated_at,
                "created_at": created_at,
            }
        )
        if models is not UNSET:
            field_dict["models"] = models
        if history_models is not UNSET:
            field_dict["history_models"] = history_models
        if tags is not UNSET:
            field_dict["tags"] = tags

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        message_count = d.pop("message_count")

        history_message_count = d.pop("history_message_count")

        history_user_message_count = d.pop("history_user_message_count")

        history_assistant_message_count = d.pop("history_assistant_message_count")

        average_response_time = d.pop("average_response_time")

        average_user_message_content_length = d.pop(
            "average_user_message_content_length"
        )

        average_assistant_message_content_length = d.pop(
            "average_assistant_message_content_length"
        )

        last_message_at = d.pop("last_message_at")

        updated_at = d.pop("updated_at")

        created_at = d.pop("created_at")

        models = d.pop("models", UNSET)

        history_models = d.pop("history_models", UNSET)

        tags = cast(list[str], d.pop("tags", UNSET))

        chat_usage_stats_response = cls(
            id=id,
            message_count=message_count,
            history_message_count=history_message_count,
            history_user_message_count=history_user_message_count,
            history_assistant_message_count=history_assistant_message_count,
            average_response_time=average_response_time,
            average_user_message_content_length=average_user_message_content_length,
            average_assistant_message_content_length=average_assistant_message_content_length,
            last_message_at=last_message_at,
            updated_at=updated_at,
            created_at=created_at,
            models=models,
            history_models=history_models,
            tags=tags,
        )

        chat_usage_stats_response.additional_properties = d
        return chat_usage_stats_response

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
