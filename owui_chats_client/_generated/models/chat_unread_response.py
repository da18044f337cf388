from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ChatUnreadResponse")


@_attrs_define
class ChatUnreadResponse:
    """
    Attributes:
        chat_id (str):
        last_read_at (int | None | Unset):
        folder_id (None | str | Unset):
        folder_unread_counts (Any | Unset): A free-form JSON object; plain `dict` in Python.
    """

    chat_id: str
    last_read_at: int | None | Unset = UNSET
    folder_id: None | str | Unset = UNSET
    folder_unread_counts: Any | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        chat_id = self.chat_id

        last_read_at: int | None | Unset
        if isinstance(self.last_read_at, Unset):
            last_read_at = UNSET
        else:
            last_read_at = self.last_read_at

        folder_id: None | str | Unset
        if isinstance(self.folder_id, Unset):
            folder_id = UNSET
        else:
            folder_id = self.folder_id

        folder_unread_counts = self.folder_unread_counts

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "chat_id": chat_id,
            }
        )
        if last_read_at is not UNSET:
            field_dict["last_read_at"] = last_read_at
        if folder_id is not UNSET:
            field_dict["folder_id"] = folder_id
        if folder_unread_counts is not UNSET:
            field_dict["folder_unread_counts"] = folder_unread_counts

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        chat_id = d.pop("chat_id")

        def _parse_last_read_at(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        last_read_at = _parse_last_read_at(d.pop("last_read_at", UNSET))

        def _parse_folder_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        folder_id = _parse_folder_id(d.pop("folder_id", UNSET))

        folder_unread_counts = d.pop("folder_unread_counts", UNSET)

        chat_unread_response = cls(
            chat_id=chat_id,
            last_read_at=last_read_at,
            folder_id=folder_id,
            folder_unread_counts=folder_unread_counts,
        )

        chat_unread_response.additional_properties = d
        return chat_unread_response

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
