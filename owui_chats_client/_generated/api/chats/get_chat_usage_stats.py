from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.chat_usage_stats_list_response import ChatUsageStatsListResponse
from ...models.error_response import ErrorResponse
from ...models.http_validation_error import HTTPValidationError
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    items_per_page: int | None | Unset = 50,
    page: int | None | Unset = 1,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_items_per_page: int | None | Unset
    if isinstance(items_per_page, Unset):
        json_items_per_page = UNSET
    else:
        json_items_per_page = items_per_page
    params["items_per_page"] = json_items_per_page

    json_page: int | None | Unset
    if isinstance(page, Unset):
        json_page = UNSET
    else:
        json_page = page
    params["page"] = json_page

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/chats/stats/usage",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ChatUsageStatsListResponse | ErrorResponse | HTTPValidationError | None:
    if response.status_code == 200:
        response_200 = ChatUsageStatsListResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

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
) -> Response[ChatUsageStatsListResponse | ErrorResponse | HTTPValidationError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    items_per_page: int | None | Unset = 50,
    page: int | None | Unset = 1,
) -> Response[ChatUsageStatsListResponse | ErrorResponse | HTTPValidationError]:
    """Usage statistics of the caller's chats, paginated.

    Args:
        items_per_page (int | None | Unset):  Default: 50.
        page (int | None | Unset):  Default: 1.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChatUsageStatsListResponse | ErrorResponse | HTTPValidationError]
    """

    kwargs = _get_kwargs(
        items_per_page=items_per_page,
        page=page,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    items_per_page: int | None | Unset = 50,
    page: int | None | Unset = 1,
) -> ChatUsageStatsListResponse | ErrorResponse | HTTPValidationError | None:
    """Usage statistics of the caller's chats, paginated.

    Args:
        items_per_page (int | None | Unset):  Default: 50.
        page (int | None | Unset):  Default: 1.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChatUsageStatsListResponse | ErrorResponse | HTTPValidationError
    """

    return sync_detailed(
        client=client,
        items_per_page=items_per_page,
        page=page,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    items_per_page: int | None | Unset = 50,
    page: int | None | Unset = 1,
) -> Response[ChatUsageStatsListResponse | ErrorResponse | HTTPValidationError]:
    """Usage statistics of the caller's chats, paginated.

    Args:
        items_per_page (int | None | Unset):  Default: 50.
        page (int | None | Unset):  Default: 1.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChatUsageStatsListResponse | ErrorResponse | HTTPValidationError]
    """

    kwargs = _get_kwargs(
        items_per_page=items_per_page,
        page=page,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    items_per_page: int | None | Unset = 50,
    page: int | None | Unset = 1,
) -> ChatUsageStatsListResponse | ErrorResponse | HTTPValidationError | None:
    """Usage statistics of the caller's chats, paginated.

    Args:
        items_per_page (int | None | Unset):  Default: 50.
        page (int | None | Unset):  Default: 1.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChatUsageStatsListResponse | ErrorResponse | HTTPValidationError
    """

    return (
        await asyncio_detailed(
            client=client,
            items_per_page=items_per_page,
            page=page,
        )
    ).parsed
