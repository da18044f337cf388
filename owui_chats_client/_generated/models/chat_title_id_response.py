from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ChatTitleIdResponse")


@_attrs_define
class ChatTitleIdResponse:
    """
    Attributes:
        id (str):
        title (str):
        updated_at (int):
        created_at (int):
        last_read_at (int | None | Unset):
        snippet (None | str | Unset):
        active (bool | Unset):  Default: False.
        archived (bool | Unset):  Default: False.
    """

    id: str
    title: str
    updated_at: int
    created_at: int
    last_read_at: int | None | Unset = UNSET
    snippet: None | str | Unset = UNSET
    active: bool | Unset = False
    archived: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        title = self.title

        updated_at = self.updated_at

        created_at = self.created_at

        last_read_at: int | None | Unset
        if isinstance(self.last_read_at, Unset):
            last_read_at = UNSET
        else:
            last_read_at = self.last_read_at

        snippet: None | str | Unset
        if isinstance(self.snippet, Unset):
            snippet = UNSET
        else:
            snippet = self.snippet

        active = self.active

        archived = self.archived

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "title": title,
                "updated_at": updated_at,
                "created_at": created_at,
            }
        )
        if last_read_at is not UNSET:
            field_dict["last_read_at"] = last_read_at
        if snippet is not UNSET:
            field_dict["snippet"] = snippet
        if active is not UNSET:
            field_dict["active"] = active
        if archived is not UNSET:
            field_dict["archived"] = archived

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        title = d.pop("title")

        updated_at = d.pop("updated_at")

        created_at = d.pop("created_at")

        def _parse_last_read_at(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        last_read_at = _parse_last_read_at(d.pop("last_read_at", UNSET))

        def _parse_snippet(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        snippet = _parse_snippet(d.pop("snippet", UNSET))

        active = d.pop("active", UNSET)

        archived = d.pop("archived", UNSET)

        chat_title_id_response = cls(
            id=id,
            title=title,
            updated_at=updated_at,
            created_at=created_at,
            last_read_at=last_read_at,
            snippet=snippet,
            active=active,
            archived=archived,
        )

        chat_title_id_response.additional_properties = d
        return chat_title_id_response

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
