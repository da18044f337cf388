from __future__ import annotations

from collections.abc import Mapping
from typing import (
    Any,
    Literal,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ChatAccessGrantsForm")


@_attrs_define
class ChatAccessGrantsForm:
    """
    Attributes:
        access_grants (list[Any]): Grants such as `{"principal_type": "user", "principal_id": "...", "permission":
            "read"}`.
        share_mode (Literal['continue'] | None | Unset):
    """

    access_grants: list[Any]
    share_mode: Literal["continue"] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        access_grants = self.access_grants

        share_mode: Literal["continue"] | None | Unset
        if isinstance(self.share_mode, Unset):
            share_mode = UNSET
        else:
            share_mode = self.share_mode

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "access_grants": access_grants,
            }
        )
        if share_mode is not UNSET:
            field_dict["share_mode"] = share_mode

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        access_grants: list[Any] = d.pop("access_grants")

        def _parse_share_mode(data: object) -> Literal["continue"] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            share_mode_type_0 = cast(Literal["continue"], data)
            if share_mode_type_0 != "continue":
                raise ValueError(
                    f"share_mode_type_0 must match const 'continue', got '{share_mode_type_0}'"
                )
            return share_mode_type_0
            return cast(Literal["continue"] | None | Unset, data)

        share_mode = _parse_share_mode(d.pop("share_mode", UNSET))

        chat_access_grants_form = cls(
            access_grants=access_grants,
            share_mode=share_mode,
        )

        chat_access_grants_form.additional_properties = d
        return chat_access_grants_form

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
