from typing import Literal

ResolveToolCallFormAction = Literal["answer", "approve", "reject"]

RESOLVE_TOOL_CALL_FORM_ACTION_VALUES: set[ResolveToolCallFormAction] = {
    "answer",
    "approve",
    "reject",
}


def check_resolve_tool_call_form_action(value: str) -> ResolveToolCallFormAction:
    if value in RESOLVE_TOOL_CALL_FORM_ACTION_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {RESOLVE_TOOL_CALL_FORM_ACTION_VALUES!r}"
    )
