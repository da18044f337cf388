from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.resolve_tool_call_form_action import (
    ResolveToolCallFormAction,
    check_resolve_tool_call_form_action,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="ResolveToolCallForm")


@_attrs_define
class ResolveToolCallForm:
    """
    Attributes:
        call_id (str):
        action (ResolveToolCallFormAction):
        answers (Any | Unset): Answers to the tool's questions, when `action` is `answer`.
        timed_out (bool | Unset):  Default: False.
    """

    call_id: str
    action: ResolveToolCallFormAction
    answers: Any | Unset = UNSET
    timed_out: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        call_id = self.call_id

        action: str = self.action

        answers = self.answers

        timed_out = self.timed_out

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "call_id": call_id,
                "action": action,
            }
        )
        if answers is not UNSET:
            field_dict["answers"] = answers
        if timed_out is not UNSET:
            field_dict["timed_out"] = timed_out

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        call_id = d.pop("call_id")

        action = check_resolve_tool_call_form_action(d.pop("action"))

        answers = d.pop("answers", UNSET)

        timed_out = d.pop("timed_out", UNSET)

        resolve_tool_call_form = cls(
            call_id=call_id,
            action=action,
            answers=answers,
            timed_out=timed_out,
        )

        resolve_tool_call_form.additional_properties = d
        return resolve_tool_call_form

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
