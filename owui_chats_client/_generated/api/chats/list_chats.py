from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.chat_title_id_response import ChatTitleIdResponse
from ...models.error_response import ErrorResponse
from ...models.http_validation_error import HTTPValidationError
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    page: int | None | Unset = UNSET,
    include_pinned: bool | None | Unset = False,
    include_folders: bool | None | Unset = False,
    sort_by: str | Unset = "updated_at",
    sort_dir: str | Unset = "desc",
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_page: int | None | Unset
    if isinstance(page, Unset):
        json_page = UNSET
    else:
        json_page = page
    params["page"] = json_page

    json_include_pinned: bool | None | Unset
    if isinstance(include_pinned, Unset):
        json_include_pinned = UNSET
    else:
        json_include_pinned = include_pinned
    params["include_pinned"] = json_include_pinned

    json_include_folders: bool | None | Unset
    if isinstance(include_folders, Unset):
        json_include_folders = UNSET
    else:
        json_include_folders = include_folders
    params["include_folders"] = json_include_folders

    params["sort_by"] = sort_by

    params["sort_dir"] = sort_dir

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/chats/",
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
    *,
    client: AuthenticatedClient | Client,
    page: int | None | Unset = UNSET,
    include_pinned: bool | None | Unset = False,
    include_folders: bool | None | Unset = False,
    sort_by: str | Unset = "updated_at",
    sort_dir: str | Unset = "desc",
) -> Response[ErrorResponse | HTTPValidationError | list[ChatTitleIdResponse]]:
    """Same as `GET /api/v1/chats/list`.

    Args:
        page (int | None | Unset):
        include_pinned (bool | None | Unset):  Default: False.
        include_folders (bool | None | Unset):  Default: False.
        sort_by (str | Unset):  Default: 'updated_at'.
        sort_dir (str | Unset):  Default: 'desc'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | HTTPValidationError | list[ChatTitleIdResponse]]
    """

    kwargs = _get_kwargs(
        page=page,
        include_pinned=include_pinned,
        include_folders=include_folders,
        sort_by=sort_by,
        sort_dir=sort_dir,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    page: int | None | Unset = UNSET,
    include_pinned: bool | None | Unset = False,
    include_folders: bool | None | Unset = False,
    sort_by: str | Unset = "updated_at",
    sort_dir: str | Unset = "desc",
) -> ErrorResponse | HTTPValidationError | list[ChatTitleIdResponse] | None:
    """Same as `GET /api/v1/chats/list`.

    Args:
        page (int | None | Unset):
        include_pinned (bool | None | Unset):  Default: False.
        include_folders (bool | None | Unset):  Default: False.
        sort_by (str | Unset):  Default: 'updated_at'.
        sort_dir (str | Unset):  Default: 'desc'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | HTTPValidationError | list[ChatTitleIdResponse]
    """

    return sync_detailed(
        client=client,
        page=page,
        include_pinned=include_pinned,
        include_folders=include_folders,
        sort_by=sort_by,
        sort_dir=sort_dir,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    page: int | None | Unset = UNSET,
    include_pinned: bool | None | Unset = False,
    include_folders: bool | None | Unset = False,
    sort_by: str | Unset = "updated_at",
    sort_dir: str | Unset = "desc",
) -> Response[ErrorResponse | HTTPValidationError | list[ChatTitleIdResponse]]:
    """Same as `GET /api/v1/chats/list`.

    Args:
        page (int | None | Unset):
        include_pinned (bool | None | Unset):  Default: False.
        include_folders (bool | None | Unset):  Default: False.
        sort_by (str | Unset):  Default: 'updated_at'.
        sort_dir (str | Unset):  Default: 'desc'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | HTTPValidationError | list[ChatTitleIdResponse]]
    """

    kwargs = _get_kwargs(
        page=page,
        include_pinned=include_pinned,
        include_folders=include_folders,
        sort_by=sort_by,
        sort_dir=sort_dir,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    page: int | None | Unset = UNSET,
    include_pinned: bool | None | Unset = False,
    include_folders: bool | None | Unset = False,
    sort_by: str | Unset = "updated_at",
    sort_dir: str | Unset = "desc",
) -> ErrorResponse | HTTPValidationError | list[ChatTitleIdResponse] | None:
    """Same as `GET /api/v1/chats/list`.

    Args:
        page (int | None | Unset):
        include_pinned (bool | None | Unset):  Default: False.
        include_folders (bool | None | Unset):  Default: False.
        sort_by (str | Unset):  Default: 'updated_at'.
        sort_dir (str | Unset):  Default: 'desc'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | HTTPValidationError | list[ChatTitleIdResponse]
    """

    return (
        await asyncio_detailed(
            client=client,
            page=page,
            include_pinned=include_pinned,
            include_folders=include_folders,
            sort_by=sort_by,
            sort_dir=sort_dir,
        )
    ).parsed
