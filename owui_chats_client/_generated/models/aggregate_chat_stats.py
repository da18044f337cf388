from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.aggregate_chat_stats_history_models import (
        AggregateChatStatsHistoryModels,
    )
    from ..models.aggregate_chat_stats_models import AggregateChatStatsModels


T = TypeVar("T", bound="AggregateChatStats")


@_attrs_define
class AggregateChatStats:
    """
    Attributes:
        average_response_time (float):
        average_user_message_content_length (float):
        average_assistant_message_content_length (float):
        models (AggregateChatStatsModels):
        message_count (int):
        history_models (AggregateChatStatsHistoryModels):
        history_message_count (int):
        history_user_message_count (int):
        history_assistant_message_count (int):
    """

    average_response_time: float
    average_user_message_content_length: float
    average_assistant_message_content_length: float
    models: AggregateChatStatsModels
    message_count: int
    history_models: AggregateChatStatsHistoryModels
    history_message_count: int
    history_user_message_count: int
    history_assistant_message_count: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        average_response_time = self.average_response_time

        average_user_message_content_length = self.average_user_message_content_length

        average_assistant_message_content_length = (
            self.average_assistant_message_content_length
        )

        models = self.models.to_dict()

        message_count = self.message_count

        history_models = self.history_models.to_dict()

        history_message_count = self.history_message_count

        history_user_message_count = self.history_user_message_count

        history_assistant_message_count = self.history_assistant_message_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "average_response_time": average_response_time,
                "average_user_message_content_length": average_user_message_content_length,
                "average_assistant_message_content_length": average_assistant_message_content_length,
                "models": models,
                "message_count": message_count,
                "history_models": history_models,
                "history_message_count": history_message_count,
                "history_user_message_count": history_user_message_count,
                "history_assistant_message_count": history_assistant_message_count,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.aggregate_chat_stats_history_models import (
            AggregateChatStatsHistoryModels,
        )
        from ..models.aggregate_chat_stats_models import AggregateChatStatsModels

        d = dict(src_dict)
        average_response_time = d.pop("average_response_time")

        average_user_message_content_length = d.pop(
            "average_user_message_content_length"
        )

        average_assistant_message_content_length = d.pop(
            "average_assistant_message_content_length"
        )

        models = AggregateChatStatsModels.from_dict(d.pop("models"))

        message_count = d.pop("message_count")

        history_models = AggregateChatStatsHistoryModels.from_dict(
            d.pop("history_models")
        )

        history_message_count = d.pop("history_message_count")

        history_user_message_count = d.pop("history_user_message_count")

        history_assistant_message_count = d.pop("history_assistant_message_count")

        aggregate_chat_stats = cls(
            average_response_time=average_response_time,
            average_user_message_content_length=average_user_message_content_length,
            average_assistant_message_content_length=average_assistant_message_content_length,
            models=models,
            message_count=message_count,
            history_models=history_models,
            history_message_count=history_message_count,
            history_user_message_count=history_user_message_count,
            history_assistant_message_count=history_assistant_message_count,
        )

        aggregate_chat_stats.additional_properties = d
        return aggregate_chat_stats

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
