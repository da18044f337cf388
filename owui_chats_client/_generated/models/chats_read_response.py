from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ChatsReadResponse")


@_attrs_define
class ChatsReadResponse:
    """
    Attributes:
        updated_count (int):
        folder_unread_counts (Any | Unset): A free-form JSON object; plain `dict` in Python.
    """

    updated_count: int
    folder_unread_counts: Any | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        updated_count = self.updated_count

        folder_unread_counts = self.folder_unread_counts

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "updated_count": updated_count,
            }
        )
        if folder_unread_counts is not UNSET:
            field_dict["folder_unread_counts"] = folder_unread_counts

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        updated_count = d.pop("updated_count")

        folder_unread_counts = d.pop("folder_unread_counts", UNSET)

        chats_read_response = cls(
            updated_count=updated_count,
            folder_unread_counts=folder_unread_counts,
        )

        chats_read_response.additional_properties = d
        return chats_read_response

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
