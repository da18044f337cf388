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
    folder_id: str,
    *,
    page: int | None | Unset = 1,
    sort_by: str | Unset = "unread_updated_at",
    sort_dir: str | Unset = "desc",
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_page: int | None | Unset
    if isinstance(page, Unset):
        json_page = UNSET
    else:
        json_page = page
    params["page"] = json_page

    params["sort_by"] = sort_by

    params["sort_dir"] = sort_dir

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/chats/folder/{folder_id}/list".format(
            folder_id=quote(str(folder_id), safe=""),
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
) -> Response[ErrorResponse | HTTPValidationError | list[ChatTitleIdResponse]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    folder_id: str,
    *,
    client: AuthenticatedClient | Client,
    page: int | None | Unset = 1,
    sort_by: str | Unset = "unread_updated_at",
    sort_dir: str | Unset = "desc",
) -> Response[ErrorResponse | HTTPValidationError | list[ChatTitleIdResponse]]:
    """Chats in a folder (titles and ids), paginated.

    Args:
        folder_id (str):
        page (int | None | Unset):  Default: 1.
        sort_by (str | Unset):  Default: 'unread_updated_at'.
        sort_dir (str | Unset):  Default: 'desc'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | HTTPValidationError | list[ChatTitleIdResponse]]
    """

    kwargs = _get_kwargs(
        folder_id=folder_id,
        page=page,
        sort_by=sort_by,
        sort_dir=sort_dir,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    folder_id: str,
    *,
    client: AuthenticatedClient | Client,
    page: int | None | Unset = 1,
    sort_by: str | Unset = "unread_updated_at",
    sort_dir: str | Unset = "desc",
) -> ErrorResponse | HTTPValidationError | list[ChatTitleIdResponse] | None:
    """Chats in a folder (titles and ids), paginated.

    Args:
        folder_id (str):
        page (int | None | Unset):  Default: 1.
        sort_by (str | Unset):  Default: 'unread_updated_at'.
        sort_dir (str | Unset):  Default: 'desc'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | HTTPValidationError | list[ChatTitleIdResponse]
    """

    return sync_detailed(
        folder_id=folder_id,
        client=client,
        page=page,
        sort_by=sort_by,
        sort_dir=sort_dir,
    ).parsed


async def asyncio_detailed(
    folder_id: str,
    *,
    client: AuthenticatedClient | Client,
    page: int | None | Unset = 1,
    sort_by: str | Unset = "unread_updated_at",
    sort_dir: str | Unset = "desc",
) -> Response[ErrorResponse | HTTPValidationError | list[ChatTitleIdResponse]]:
    """Chats in a folder (titles and ids), paginated.

    Args:
        folder_id (str):
        page (int | None | Unset):  Default: 1.
        sort_by (str | Unset):  Default: 'unread_updated_at'.
        sort_dir (str | Unset):  Default: 'desc'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | HTTPValidationError | list[ChatTitleIdResponse]]
    """

    kwargs = _get_kwargs(
        folder_id=folder_id,
        page=page,
        sort_by=sort_by,
        sort_dir=sort_dir,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    folder_id: str,
    *,
    client: AuthenticatedClient | Client,
    page: int | None | Unset = 1,
    sort_by: str | Unset = "unread_updated_at",
    sort_dir: str | Unset = "desc",
) -> ErrorResponse | HTTPValidationError | list[ChatTitleIdResponse] | None:
    """Chats in a folder (titles and ids), paginated.

    Args:
        folder_id (str):
        page (int | None | Unset):  Default: 1.
        sort_by (str | Unset):  Default: 'unread_updated_at'.
        sort_dir (str | Unset):  Default: 'desc'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | HTTPValidationError | list[ChatTitleIdResponse]
    """

    return (
        await asyncio_detailed(
            folder_id=folder_id,
            client=client,
            page=page,
            sort_by=sort_by,
            sort_dir=sort_dir,
        )
    ).parsed
