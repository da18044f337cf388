from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ChatConfigForm")


@_attrs_define
class ChatConfigForm:
    """
    Attributes:
        enable_context_compaction (bool):
        context_compaction_prompt_template (str):
        context_compaction_model (None | str | Unset):  Default: ''.
        context_compaction_token_threshold (int | None | Unset):
        context_compaction_token_cap (int | None | Unset):
        context_compaction_retention_percentage (int | None | Unset):
        enable_tool_permissions (bool | Unset):  Default: False.
        enable_tool_search (bool | Unset):  Default: False.
        tool_search_defer_threshold (int | Unset):  Default: 400.
        tool_search_always_loaded (list[str] | Unset):
        tool_search_defer_builtin_tools (bool | Unset):  Default: True.
    """

    enable_context_compaction: bool
    context_compaction_prompt_template: str
    context_compaction_model: None | str | Unset = ""
    context_compaction_token_threshold: int | None | Unset = UNSET
    context_compaction_token_cap: int | None | Unset = UNSET
    context_compaction_retention_percentage: int | None | Unset = UNSET
    enable_tool_permissions: bool | Unset = False
    enable_tool_search: bool | Unset = False
    tool_search_defer_threshold: int | Unset = 400
    tool_search_always_loaded: list[str] | Unset = UNSET
    tool_search_defer_builtin_tools: bool | Unset = True
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        enable_context_compaction = self.enable_context_compaction

        context_compaction_prompt_template = self.context_compaction_prompt_template

        context_compaction_model: None | str | Unset
        if isinstance(self.context_compaction_model, Unset):
            context_compaction_model = UNSET
        else:
            context_compaction_model = self.context_compaction_model

        context_compaction_token_threshold: int | None | Unset
        if isinstance(self.context_compaction_token_threshold, Unset):
            context_compaction_token_threshold = UNSET
        else:
            context_compaction_token_threshold = self.context_compaction_token_threshold

        context_compaction_token_cap: int | None | Unset
        if isinstance(self.context_compaction_token_cap, Unset):
            context_compaction_token_cap = UNSET
        else:
            context_compaction_token_cap = self.context_compaction_token_cap

        context_compaction_retention_percentage: int | None | Unset
        if isinstance(self.context_compaction_retention_percentage, Unset):
            context_compaction_retention_percentage = UNSET
        else:
            context_compaction_retention_percentage = (
                self.context_compaction_retention_percentage
            )

        enable_tool_permissions = self.enable_tool_permissions

        enable_tool_search = self.enable_tool_search

        tool_search_defer_threshold = self.tool_search_defer_threshold

        tool_search_always_loaded: list[str] | Unset = UNSET
        if not isinstance(self.tool_search_always_loaded, Unset):
            tool_search_always_loaded = self.tool_search_always_loaded

        tool_search_defer_builtin_tools = self.tool_search_defer_builtin_tools

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ENABLE_CONTEXT_COMPACTION": enable_context_compaction,
                "CONTEXT_COMPACTION_PROMPT_TEMPLATE": context_compaction_prompt_template,
            }
        )
        if context_compaction_model is not UNSET:
            field_dict["CONTEXT_COMPACTION_MODEL"] = context_compaction_model
        if context_compaction_token_threshold is not UNSET:
            field_dict["CONTEXT_COMPACTION_TOKEN_THRESHOLD"] = (
                context_compaction_token_threshold
            )
        if context_compaction_token_cap is not UNSET:
            field_dict["CONTEXT_COMPACTION_TOKEN_CAP"] = context_compaction_token_cap
        if context_compaction_retention_percentage is not UNSET:
            field_dict["CONTEXT_COMPACTION_RETENTION_PERCENTAGE"] = (
                context_compaction_retention_percentage
            )
        if enable_tool_permissions is not UNSET:
            field_dict["ENABLE_TOOL_PERMISSIONS"] = enable_tool_permissions
        if enable_tool_search is not UNSET:
            field_dict["ENABLE_TOOL_SEARCH"] = enable_tool_search
        if tool_search_defer_threshold is not UNSET:
            field_dict["TOOL_SEARCH_DEFER_THRESHOLD"] = tool_search_defer_threshold
        if tool_search_always_loaded is not UNSET:
            field_dict["TOOL_SEARCH_ALWAYS_LOADED"] = tool_search_always_loaded
        if tool_search_defer_builtin_tools is not UNSET:
            field_dict["TOOL_SEARCH_DEFER_BUILTIN_TOOLS"] = (
                tool_search_defer_builtin_tools
            )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        enable_context_compaction = d.pop("ENABLE_CONTEXT_COMPACTION")

        context_compaction_prompt_template = d.pop("CONTEXT_COMPACTION_PROMPT_TEMPLATE")

        def _parse_context_compaction_model(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        context_compaction_model = _parse_context_compaction_model(
            d.pop("CONTEXT_COMPACTION_MODEL", UNSET)
        )

        def _parse_context_compaction_token_threshold(
            data: object,
        ) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        context_compaction_token_threshold = _parse_context_compaction_token_threshold(
            d.pop("CONTEXT_COMPACTION_TOKEN_THRESHOLD", UNSET)
        )

        def _parse_context_compaction_token_cap(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        context_compaction_token_cap = _parse_context_compaction_token_cap(
            d.pop("CONTEXT_COMPACTION_TOKEN_CAP", UNSET)
        )

        def _parse_context_compaction_retention_percentage(
            data: object,
        ) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        context_compaction_retention_percentage = (
            _parse_context_compaction_retention_percentage(
                d.pop("CONTEXT_COMPACTION_RETENTION_PERCENTAGE", UNSET)
            )
        )

        enable_tool_permissions = d.pop("ENABLE_TOOL_PERMISSIONS", UNSET)

        enable_tool_search = d.pop("ENABLE_TOOL_SEARCH", UNSET)

        tool_search_defer_threshold = d.pop("TOOL_SEARCH_DEFER_THRESHOLD", UNSET)

        tool_search_always_loaded = cast(
            list[str], d.pop("TOOL_SEARCH_ALWAYS_LOADED", UNSET)
        )

        tool_search_defer_builtin_tools = d.pop(
            "TOOL_SEARCH_DEFER_BUILTIN_TOOLS", UNSET
        )

        chat_config_form = cls(
            enable_context_compaction=enable_context_compaction,
            context_compaction_prompt_template=context_compaction_prompt_template,
            context_compaction_model=context_compaction_model,
            context_compaction_token_threshold=context_compaction_token_threshold,
            context_compaction_token_cap=context_compaction_token_cap,
            context_compaction_retention_percentage=context_compaction_retention_percentage,
            enable_tool_permissions=enable_tool_permissions,
            enable_tool_search=enable_tool_search,
            tool_search_defer_threshold=tool_search_defer_threshold,
            tool_search_always_loaded=tool_search_always_loaded,
            tool_search_defer_builtin_tools=tool_search_defer_builtin_tools,
        )

        chat_config_form.additional_properties = d
        return chat_config_form

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
