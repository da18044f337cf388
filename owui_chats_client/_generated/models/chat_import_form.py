from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ChatImportForm")


@_attrs_define
class ChatImportForm:
    """
    Attributes:
        chat (Any): A free-form JSON object; plain `dict` in Python.
        variables (Any | None | Unset):
        folder_id (None | str | Unset):
        meta (Any | None | Unset):
        pinned (bool | None | Unset):  Default: False.
        archived (bool | None | Unset):  Default: False.
        current_message_id (None | str | Unset):
        created_at (int | None | Unset):
        updated_at (int | None | Unset):
    """

    chat: Any
    variables: Any | None | Unset = UNSET
    folder_id: None | str | Unset = UNSET
    meta: Any | None | Unset = UNSET
    pinned: bool | None | Unset = False
    archived: bool | None | Unset = False
    current_message_id: None | str | Unset = UNSET
    created_at: int | None | Unset = UNSET
    updated_at: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        chat = self.chat

        variables: Any | None | Unset
        if isinstance(self.variables, Unset):
            variables = UNSET
        else:
            variables = self.variables

        folder_id: None | str | Unset
        if isinstance(self.folder_id, Unset):
            folder_id = UNSET
        else:
            folder_id = self.folder_id

        meta: Any | None | Unset
        if isinstance(self.meta, Unset):
            meta = UNSET
        else:
            meta = self.meta

        pinned: bool | None | Unset
        if isinstance(self.pinned, Unset):
            pinned = UNSET
        else:
            pinned = self.pinned

        archived: bool | None | Unset
        if isinstance(self.archived, Unset):
            archived = UNSET
        else:
            archived = self.archived

        current_message_id: None | str | Unset
        if isinstance(self.current_message_id, Unset):
            current_message_id = UNSET
        else:
            current_message_id = self.current_message_id

        created_at: int | None | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        else:
            created_at = self.created_at

        updated_at: int | None | Unset
        if isinstance(self.updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = self.updated_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "chat": chat,
            }
        )
        if variables is not UNSET:
            field_dict["variables"] = variables
        if folder_id is not UNSET:
            field_dict["folder_id"] = folder_id
        if meta is not UNSET:
            field_dict["meta"] = meta
        if pinned is not UNSET:
            field_dict["pinned"] = pinned
        if archived is not UNSET:
            field_dict["archived"] = archived
        if current_message_id is not UNSET:
            field_dict["current_message_id"] = current_message_id
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        chat = d.pop("chat")

        def _parse_variables(data: object) -> Any | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(Any | None | Unset, data)

        variables = _parse_variables(d.pop("variables", UNSET))

        def _parse_folder_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        folder_id = _parse_folder_id(d.pop("folder_id", UNSET))

        def _parse_meta(data: object) -> Any | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(Any | None | Unset, data)

        meta = _parse_meta(d.pop("meta", UNSET))

        def _parse_pinned(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        pinned = _parse_pinned(d.pop("pinned", UNSET))

        def _parse_archived(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        archived = _parse_archived(d.pop("archived", UNSET))

        def _parse_current_message_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        current_message_id = _parse_current_message_id(
            d.pop("current_message_id", UNSET)
        )

        def _parse_created_at(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        created_at = _parse_created_at(d.pop("created_at", UNSET))

        def _parse_updated_at(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        updated_at = _parse_updated_at(d.pop("updated_at", UNSET))

        chat_import_form = cls(
            chat=chat,
            variables=variables,
            folder_id=folder_id,
            meta=meta,
            pinned=pinned,
            archived=archived,
            current_message_id=current_message_id,
            created_at=created_at,
            updated_at=updated_at,
        )

        chat_import_form.additional_properties = d
        return chat_import_form

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
