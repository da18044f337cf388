from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.chat_completion_message import ChatCompletionMessage


T = TypeVar("T", bound="ChatCompletedResponse")


@_attrs_define
class ChatCompletedResponse:
    """The exchange after the outlet filters ran.

    Attributes:
        messages (list[ChatCompletionMessage]):
        model (str | Unset):
        chat_id (str | Unset):
        id (str | Unset):
        session_id (str | Unset):
    """

    messages: list[ChatCompletionMessage]
    model: str | Unset = UNSET
    chat_id: str | Unset = UNSET
    id: str | Unset = UNSET
    session_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        messages = []
        for messages_item_data in self.messages:
            messages_item = messages_item_data.to_dict()
            messages.append(messages_item)

        model = self.model

        chat_id = self.chat_id

        id = self.id

        session_id = self.session_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "messages": messages,
            }
        )
        if model is not UNSET:
            field_dict["model"] = model
        if chat_id is not UNSET:
            field_dict["chat_id"] = chat_id
        if id is not UNSET:
            field_dict["id"] = id
        if session_id is not UNSET:
            field_dict["session_id"] = session_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.chat_completion_message import ChatCompletionMessage

        d = dict(src_dict)
        messages = []
        _messages = d.pop("messages")
        for messages_item_data in _messages:
            messages_item = ChatCompletionMessage.from_dict(messages_item_data)

            messages.append(messages_item)

        model = d.pop("model", UNSET)

        chat_id = d.pop("chat_id", UNSET)

        id = d.pop("id", UNSET)

        session_id = d.pop("session_id", UNSET)

        chat_completed_response = cls(
            messages=messages,
            model=model,
            chat_id=chat_id,
            id=id,
            session_id=session_id,
        )

        chat_completed_response.additional_properties = d
        return chat_completed_response

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
