from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.chat_title_id_response import ChatTitleIdResponse
from ...models.error_response import ErrorResponse
from ...models.http_validation_error import HTTPValidationError
from ...types import UNSET, Response, Unset


def _get_kwargs(
    user_id: str,
    *,
    page: int | None | Unset = UNSET,
    query: None | str | Unset = UNSET,
    order_by: None | str | Unset = UNSET,
    direction: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_page: int | None | Unset
    if isinstance(page, Unset):
        json_page = UNSET
    else:
        json_page = page
    params["page"] = json_page

    json_query: None | str | Unset
    if isinstance(query, Unset):
        json_query = UNSET
    else:
        json_query = query
    params["query"] = json_query

    json_order_by: None | str | Unset
    if isinstance(order_by, Unset):
        json_order_by = UNSET
    else:
        json_order_by = order_by
    params["order_by"] = json_order_by

    json_direction: None | str | Unset
    if isinstance(direction, Unset):
        json_direction = UNSET
    else:
        json_direction = direction
    params["direction"] = json_direction

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/chats/list/user/{user_id}".format(
            user_id=quote(str(user_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | HTTPValidationError | list[ChatTitleIdResponse] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = ChatTitleIdResponse.from_dict(response_200_item_data)

            response_200.append(response_200_item)

        return response_200

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 422:
        response_422 = HTTPValidationError.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | HTTPValidationError | list[ChatTitleIdResponse]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    user_id: str,
    *,
    client: AuthenticatedClient | Client,
    page: int | None | Unset = UNSET,
    query: None | str | Unset = UNSET,
    order_by: None | str | Unset = UNSET,
    direction: None | str | Unset = UNSET,
) -> Response[ErrorResponse | HTTPValidationError | list[ChatTitleIdResponse]]:
    """List another user's chats (admin).

    Args:
        user_id (str):
        page (int | None | Unset):
        query (None | str | Unset):
        order_by (None | str | Unset):
        direction (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | HTTPValidationError | list[ChatTitleIdResponse]]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        page=page,
        query=query,
        order_by=order_by,
        direction=direction,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    user_id: str,
    *,
    client: AuthenticatedClient | Client,
    page: int | None | Unset = UNSET,
    query: None | str | Unset = UNSET,
    order_by: None | str | Unset = UNSET,
    direction: None | str | Unset = UNSET,
) -> ErrorResponse | HTTPValidationError | list[ChatTitleIdResponse] | None:
    """List another user's chats (admin).

    Args:
        user_id (str):
        page (int | None | Unset):
        query (None | str | Unset):
        order_by (None | str | Unset):
        direction (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | HTTPValidationError | list[ChatTitleIdResponse]
    """

    return sync_detailed(
        user_id=user_id,
        client=client,
        page=page,
        query=query,
        order_by=order_by,
        direction=direction,
    ).parsed


async def asyncio_detailed(
    user_id: str,
    *,
    client: AuthenticatedClient | Client,
    page: int | None | Unset = UNSET,
    query: None | str | Unset = UNSET,
    order_by: None | str | Unset = UNSET,
    direction: None | str | Unset = UNSET,
) -> Response[ErrorResponse | HTTPValidationError | list[ChatTitleIdResponse]]:
    """List another user's chats (admin).

    Args:
        user_id (str):
        page (int | None | Unset):
        query (None | str | Unset):
        order_by (None | str | Unset):
        direction (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | HTTPValidationError | list[ChatTitleIdResponse]]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        page=page,
        query=query,
        order_by=order_by,
        direction=direction,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    user_id: str,
    *,
    client: AuthenticatedClient | Client,
    page: int | None | Unset = UNSET,
    query: None | str | Unset = UNSET,
    order_by: None | str | Unset = UNSET,
    direction: None | str | Unset = UNSET,
) -> ErrorResponse | HTTPValidationError | list[ChatTitleIdResponse] | None:
    """List another user's chats (admin).

    Args:
        user_id (str):
        page (int | None | Unset):
        query (None | str | Unset):
        order_by (None | str | Unset):
        direction (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | HTTPValidationError | list[ChatTitleIdResponse]
    """

    return (
        await asyncio_detailed(
            user_id=user_id,
            client=client,
            page=page,
            query=query,
            order_by=order_by,
            direction=direction,
        )
    ).parsed
