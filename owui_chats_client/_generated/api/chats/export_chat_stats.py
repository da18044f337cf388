from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.chat_stats_export_list import ChatStatsExportList
from ...models.error_response import ErrorResponse
from ...models.http_validation_error import HTTPValidationError
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    updated_at: int | None | Unset = UNSET,
    page: int | None | Unset = 1,
    stream: bool | Unset = False,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_updated_at: int | None | Unset
    if isinstance(updated_at, Unset):
        json_updated_at = UNSET
    else:
        json_updated_at = updated_at
    params["updated_at"] = json_updated_at

    json_page: int | None | Unset
    if isinstance(page, Unset):
        json_page = UNSET
    else:
        json_page = page
    params["page"] = json_page

    params["stream"] = stream

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/chats/stats/export",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ChatStatsExportList | ErrorResponse | HTTPValidationError | None:
    if response.status_code == 200:
        response_200 = ChatStatsExportList.from_dict(response.json())

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
) -> Response[ChatStatsExportList | ErrorResponse | HTTPValidationError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    updated_at: int | None | Unset = UNSET,
    page: int | None | Unset = 1,
    stream: bool | Unset = False,
) -> Response[ChatStatsExportList | ErrorResponse | HTTPValidationError]:
    """Export chat statistics; with `stream=true` as NDJSON.

    Args:
        updated_at (int | None | Unset):
        page (int | None | Unset):  Default: 1.
        stream (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChatStatsExportList | ErrorResponse | HTTPValidationError]
    """

    kwargs = _get_kwargs(
        updated_at=updated_at,
        page=page,
        stream=stream,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    updated_at: int | None | Unset = UNSET,
    page: int | None | Unset = 1,
    stream: bool | Unset = False,
) -> ChatStatsExportList | ErrorResponse | HTTPValidationError | None:
    """Export chat statistics; with `stream=true` as NDJSON.

    Args:
        updated_at (int | None | Unset):
        page (int | None | Unset):  Default: 1.
        stream (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChatStatsExportList | ErrorResponse | HTTPValidationError
    """

    return sync_detailed(
        client=client,
        updated_at=updated_at,
        page=page,
        stream=stream,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    updated_at: int | None | Unset = UNSET,
    page: int | None | Unset = 1,
    stream: bool | Unset = False,
) -> Response[ChatStatsExportList | ErrorResponse | HTTPValidationError]:
    """Export chat statistics; with `stream=true` as NDJSON.

    Args:
        updated_at (int | None | Unset):
        page (int | None | Unset):  Default: 1.
        stream (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChatStatsExportList | ErrorResponse | HTTPValidationError]
    """

    kwargs = _get_kwargs(
        updated_at=updated_at,
        page=page,
        stream=stream,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    updated_at: int | None | Unset = UNSET,
    page: int | None | Unset = 1,
    stream: bool | Unset = False,
) -> ChatStatsExportList | ErrorResponse | HTTPValidationError | None:
    """Export chat statistics; with `stream=true` as NDJSON.

    Args:
        updated_at (int | None | Unset):
        page (int | None | Unset):  Default: 1.
        stream (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChatStatsExportList | ErrorResponse | HTTPValidationError
    """

    return (
        await asyncio_detailed(
            client=client,
            updated_at=updated_at,
            page=page,
            stream=stream,
        )
    ).parsed
