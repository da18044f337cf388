from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.event_form import EventForm
from ...models.http_validation_error import HTTPValidationError
from ...types import Response


def _get_kwargs(
    id: str,
    message_id: str,
    *,
    body: EventForm,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/chats/{id}/messages/{message_id}/event".format(
            id=quote(str(id), safe=""),
            message_id=quote(str(message_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | HTTPValidationError | bool | None:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        response_200 = _parse_response_200(response.json())

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
) -> Response[ErrorResponse | HTTPValidationError | bool | None]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: str,
    message_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: EventForm,
) -> Response[ErrorResponse | HTTPValidationError | bool | None]:
    """Send an event to a message (for example a status update).

    Args:
        id (str):
        message_id (str):
        body (EventForm):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | HTTPValidationError | bool | None]
    """

    kwargs = _get_kwargs(
        id=id,
        message_id=message_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: str,
    message_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: EventForm,
) -> ErrorResponse | HTTPValidationError | bool | None:
    """Send an event to a message (for example a status update).

    Args:
        id (str):
        message_id (str):
        body (EventForm):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | HTTPValidationError | bool | None
    """

    return sync_detailed(
        id=id,
        message_id=message_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    id: str,
    message_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: EventForm,
) -> Response[ErrorResponse | HTTPValidationError | bool | None]:
    """Send an event to a message (for example a status update).

    Args:
        id (str):
        message_id (str):
        body (EventForm):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | HTTPValidationError | bool | None]
    """

    kwargs = _get_kwargs(
        id=id,
        message_id=message_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    message_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: EventForm,
) -> ErrorResponse | HTTPValidationError | bool | None:
    """Send an event to a message (for example a status update).

    Args:
        id (str):
        message_id (str):
        body (EventForm):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | HTTPValidationError | bool | None
    """

    return (
        await asyncio_detailed(
            id=id,
            message_id=message_id,
            client=client,
            body=body,
        )
    ).parsed
