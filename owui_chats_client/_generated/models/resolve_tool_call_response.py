from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ResolveToolCallResponse")


@_attrs_define
class ResolveToolCallResponse:
    """
    Attributes:
        status (bool):
        chat_id (str):
        message_id (str):
        task_ids (list[str] | Unset):
    """

    status: bool
    chat_id: str
    message_id: str
    task_ids: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status

        chat_id = self.chat_id

        message_id = self.message_id

        task_ids: list[str] | Unset = UNSET
        if not isinstance(self.task_ids, Unset):
            task_ids = self.task_ids

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
                "chat_id": chat_id,
                "message_id": message_id,
            }
        )
        if task_ids is not UNSET:
            field_dict["task_ids"] = task_ids

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = d.pop("status")

        chat_id = d.pop("chat_id")

        message_id = d.pop("message_id")

        task_ids = cast(list[str], d.pop("task_ids", UNSET))

        resolve_tool_call_response = cls(
            status=status,
            chat_id=chat_id,
            message_id=message_id,
            task_ids=task_ids,
        )

        resolve_tool_call_response.additional_properties = d
        return resolve_tool_call_response

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
