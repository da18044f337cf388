from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ChatResponse")


@_attrs_define
class ChatResponse:
    """
    Attributes:
        id (str):
        user_id (str):
        title (str):
        chat (Any): A free-form JSON object; plain `dict` in Python.
        updated_at (int):
        created_at (int):
        archived (bool):
        share_id (None | str | Unset):
        pinned (bool | None | Unset):  Default: False.
        meta (Any | Unset): A free-form JSON object; plain `dict` in Python.
        variables (Any | Unset): A free-form JSON object; plain `dict` in Python.
        folder_id (None | str | Unset):
        tasks (list[Any] | None | Unset):
        summary (None | str | Unset):
        current_message_id (None | str | Unset):
        context_usage (Any | None | Unset):
    """

    id: str
    user_id: str
    title: str
    chat: Any
    updated_at: int
    created_at: int
    archived: bool
    share_id: None | str | Unset = UNSET
    pinned: bool | None | Unset = False
    meta: Any | Unset = UNSET
    variables: Any | Unset = UNSET
    folder_id: None | str | Unset = UNSET
    tasks: list[Any] | None | Unset = UNSET
    summary: None | str | Unset = UNSET
    current_message_id: None | str | Unset = UNSET
    context_usage: Any | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        user_id = self.user_id

        title = self.title

        chat = self.chat

        updated_at = self.updated_at

        created_at = self.created_at

        archived = self.archived

        share_id: None | str | Unset
        if isinstance(self.share_id, Unset):
            share_id = UNSET
        else:
            share_id = self.share_id

        pinned: bool | None | Unset
        if isinstance(self.pinned, Unset):
            pinned = UNSET
        else:
            pinned = self.pinned

        meta = self.meta

        variables = self.variables

        folder_id: None | str | Unset
        if isinstance(self.folder_id, Unset):
            folder_id = UNSET
        else:
            folder_id = self.folder_id

        tasks: list[Any] | None | Unset
        if isinstance(self.tasks, Unset):
            tasks = UNSET
        elif isinstance(self.tasks, list):
            tasks = self.tasks

        else:
            tasks = self.tasks

        summary: None | str | Unset
        if isinstance(self.summary, Unset):
            summary = UNSET
        else:
            summary = self.summary

        current_message_id: None | str | Unset
        if isinstance(self.current_message_id, Unset):
            current_message_id = UNSET
        else:
            current_message_id = self.current_message_id

        context_usage: Any | None | Unset
        if isinstance(self.context_usage, Unset):
            context_usage = UNSET
        else:
            context_usage = self.context_usage

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "user_id": user_id,
                "title": title,
                "chat": chat,
                "updated_at": updated_at,
                "created_at": created_at,
                "archived": archived,
            }
        )
        if share_id is not UNSET:
            field_dict["share_id"] = share_id
        if pinned is not UNSET:
            field_dict["pinned"] = pinned
        if meta is not UNSET:
            field_dict["meta"] = meta
        if variables is not UNSET:
            field_dict["variables"] = variables
        if folder_id is not UNSET:
            field_dict["folder_id"] = folder_id
        if tasks is not UNSET:
            field_dict["tasks"] = tasks
        if summary is not UNSET:
            field_dict["summary"] = summary
        if current_message_id is not UNSET:
            field_dict["current_message_id"] = current_message_id
        if context_usage is not UNSET:
            field_dict["context_usage"] = context_usage

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        user_id = d.pop("user_id")

        title = d.pop("title")

        chat = d.pop("chat")

        updated_at = d.pop("updated_at")

        created_at = d.pop("created_at")

        archived = d.pop("archived")

        def _parse_share_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        share_id = _parse_share_id(d.pop("share_id", UNSET))

        def _parse_pinned(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        pinned = _parse_pinned(d.pop("pinned", UNSET))

        meta = d.pop("meta", UNSET)

        variables = d.pop("variables", UNSET)

        def _parse_folder_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        folder_id = _parse_folder_id(d.pop("folder_id", UNSET))

        def _parse_tasks(data: object) -> list[Any] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                tasks_type_0: list[Any] = data

                return tasks_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Any] | None | Unset, data)

        tasks = _parse_tasks(d.pop("tasks", UNSET))

        def _parse_summary(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        summary = _parse_summary(d.pop("summary", UNSET))

        def _parse_current_message_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        current_message_id = _parse_current_message_id(
            d.pop("current_message_id", UNSET)
        )

        def _parse_context_usage(data: object) -> Any | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(Any | None | Unset, data)

        context_usage = _parse_context_usage(d.pop("context_usage", UNSET))

        chat_response = cls(
            id=id,
            user_id=user_id,
            title=title,
            chat=chat,
            updated_at=updated_at,
            created_at=created_at,
            archived=archived,
            share_id=share_id,
            pinned=pinned,
            meta=meta,
            variables=variables,
            folder_id=folder_id,
            tasks=tasks,
            summary=summary,
            current_message_id=current_message_id,
            context_usage=context_usage,
        )

        chat_response.additional_properties = d
        return chat_response

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
