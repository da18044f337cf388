from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.chat_completion_form import ChatCompletionForm
from ...models.chat_completion_response import ChatCompletionResponse
from ...models.chat_completion_task_response import ChatCompletionTaskResponse
from ...models.error_response import ErrorResponse
from ...models.http_validation_error import HTTPValidationError
from ...types import Response


def _get_kwargs(
    *,
    body: ChatCompletionForm,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/chat/completions",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    ChatCompletionResponse
    | ChatCompletionTaskResponse
    | ErrorResponse
    | HTTPValidationError
    | None
):
    if response.status_code == 200:

        def _parse_response_200(
            data: object,
        ) -> ChatCompletionResponse | ChatCompletionTaskResponse:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = ChatCompletionResponse.from_dict(data)

                return response_200_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_200_type_1 = ChatCompletionTaskResponse.from_dict(data)

            return response_200_type_1

        response_200 = _parse_response_200(response.json())

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
) -> Response[
    ChatCompletionResponse
    | ChatCompletionTaskResponse
    | ErrorResponse
    | HTTPValidationError
]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ChatCompletionForm,
) -> Response[
    ChatCompletionResponse
    | ChatCompletionTaskResponse
    | ErrorResponse
    | HTTPValidationError
]:
    """OpenAI-compatible path of `POST /api/chat/completions`.

    Args:
        body (ChatCompletionForm): An OpenAI-style completion request with Open WebUI's extra
            fields; unknown fields are passed through.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChatCompletionResponse | ChatCompletionTaskResponse | ErrorResponse | HTTPValidationError]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: ChatCompletionForm,
) -> (
    ChatCompletionResponse
    | ChatCompletionTaskResponse
    | ErrorResponse
    | HTTPValidationError
    | None
):
    """OpenAI-compatible path of `POST /api/chat/completions`.

    Args:
        body (ChatCompletionForm): An OpenAI-style completion request with Open WebUI's extra
            fields; unknown fields are passed through.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChatCompletionResponse | ChatCompletionTaskResponse | ErrorResponse | HTTPValidationError
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ChatCompletionForm,
) -> Response[
    ChatCompletionResponse
    | ChatCompletionTaskResponse
    | ErrorResponse
    | HTTPValidationError
]:
    """OpenAI-compatible path of `POST /api/chat/completions`.

    Args:
        body (ChatCompletionForm): An OpenAI-style completion request with Open WebUI's extra
            fields; unknown fields are passed through.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChatCompletionResponse | ChatCompletionTaskResponse | ErrorResponse | HTTPValidationError]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ChatCompletionForm,
) -> (
    ChatCompletionResponse
    | ChatCompletionTaskResponse
    | ErrorResponse
    | HTTPValidationError
    | None
):
    """OpenAI-compatible path of `POST /api/chat/completions`.

    Args:
        body (ChatCompletionForm): An OpenAI-style completion request with Open WebUI's extra
            fields; unknown fields are passed through.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChatCompletionResponse | ChatCompletionTaskResponse | ErrorResponse | HTTPValidationError
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
