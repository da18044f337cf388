from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.chat_completion_message import ChatCompletionMessage


T = TypeVar("T", bound="ChatCompletionForm")


@_attrs_define
class ChatCompletionForm:
    """An OpenAI-style completion request with Open WebUI's extra fields; unknown fields are passed through.

    Attributes:
        model (str):
        messages (list[ChatCompletionMessage]):
        stream (bool | Unset):  Default: False.
        chat_id (str | Unset): Chat to run in; `local:` ids are temporary chats that are not stored.
        id (str | Unset): Id of the assistant message to produce.
        session_id (str | Unset): With `chat_id`, runs the completion as a background task.
        params (Any | Unset): A free-form JSON object; plain `dict` in Python.
        features (Any | Unset): A free-form JSON object; plain `dict` in Python.
        variables (Any | Unset): A free-form JSON object; plain `dict` in Python.
        metadata (Any | Unset): A free-form JSON object; plain `dict` in Python.
        tool_ids (list[str] | Unset):
        files (list[Any] | Unset):
        background_tasks (Any | Unset): A free-form JSON object; plain `dict` in Python.
    """

    model: str
    messages: list[ChatCompletionMessage]
    stream: bool | Unset = False
    chat_id: str | Unset = UNSET
    id: str | Unset = UNSET
    session_id: str | Unset = UNSET
    params: Any | Unset = UNSET
    features: Any | Unset = UNSET
    variables: Any | Unset = UNSET
    metadata: Any | Unset = UNSET
    tool_ids: list[str] | Unset = UNSET
    files: list[Any] | Unset = UNSET
    background_tasks: Any | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        model = self.model

        messages = []
        for messages_item_data in self.messages:
            messages_item = messages_item_data.to_dict()
            messages.append(messages_item)

        stream = self.stream

        chat_id = self.chat_id

        id = self.id

        session_id = self.session_id

        params = self.params

        features = self.features

        variables = self.variables

        metadata = self.metadata

        tool_ids: list[str] | Unset = UNSET
        if not isinstance(self.tool_ids, Unset):
            tool_ids = self.tool_ids

        files: list[Any] | Unset = UNSET
        if not isinstance(self.files, Unset):
            files = self.files

        background_tasks = self.background_tasks

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "model": model,
                "messages": messages,
            }
        )
        if stream is not UNSET:
            field_dict["stream"] = stream
        if chat_id is not UNSET:
            field_dict["chat_id"] = chat_id
        if id is not UNSET:
            field_dict["id"] = id
        if session_id is not UNSET:
            field_dict["session_id"] = session_id
        if params is not UNSET:
            field_dict["params"] = params
        if features is not UNSET:
            field_dict["features"] = features
        if variables is not UNSET:
            field_dict["variables"] = variables
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if tool_ids is not UNSET:
            field_dict["tool_ids"] = tool_ids
        if files is not UNSET:
            field_dict["files"] = files
        if background_tasks is not UNSET:
            field_dict["background_tasks"] = background_tasks

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.chat_completion_message import ChatCompletionMessage

        d = dict(src_dict)
        model = d.pop("model")

        messages = []
        _messages = d.pop("messages")
        for messages_item_data in _messages:
            messages_item = ChatCompletionMessage.from_dict(messages_item_data)

            messages.append(messages_item)

        stream = d.pop("stream", UNSET)

        chat_id = d.pop("chat_id", UNSET)

        id = d.pop("id", UNSET)

        session_id = d.pop("session_id", UNSET)

        params = d.pop("params", UNSET)

        features = d.pop("features", UNSET)

        variables = d.pop("variables", UNSET)

        metadata = d.pop("metadata", UNSET)

        tool_ids = cast(list[str], d.pop("tool_ids", UNSET))

        files: list[Any] | Unset = d.pop("files", UNSET)

        background_tasks = d.pop("background_tasks", UNSET)

        chat_completion_form = cls(
            model=model,
            messages=messages,
            stream=stream,
            chat_id=chat_id,
            id=id,
            session_id=session_id,
            params=params,
            features=features,
            variables=variables,
            metadata=metadata,
            tool_ids=tool_ids,
            files=files,
            background_tasks=background_tasks,
        )

        chat_completion_form.additional_properties = d
        return chat_completion_form

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
