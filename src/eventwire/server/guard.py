"""The Host header, request limits and the access token, checked before any route runs.

A plain ASGI middleware, so a body sent without ``Content-Length`` (chunked)
is counted as it arrives and refused once over the limit, never read whole.
The Host check stops DNS rebinding: a web page whose name is made to resolve
to 127.0.0.1 sends its own name as Host, and is refused, so it cannot read
the API of a server running without a token.
"""

from __future__ import annotations

import hmac
import json
from collections.abc import Awaitable, Callable, MutableMapping
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qs

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

TOKEN_COOKIE = "eventwire_token"
PUBLIC_PATHS = frozenset({"/api/health"})
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


def host_name(header: str) -> str:
    """The name in a Host header, without its port or IPv6 brackets, lower-cased."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:header.find("]")] if "]" in header else header
    if header.count(":") != 1:
        return header
    name, _, port = header.partition(":")
    return name if port.isdigit() else header


def error_body(code: str, message: str, parameter: str | None = None) -> dict[str, Any]:
    """The API's one error shape: ``{"error": {"code", "message", "parameter"?}}``."""
    body: dict[str, Any] = {"code": code, "message": message}
    if parameter:
        body["parameter"] = parameter
    return {"error": body}


async def _send_json(send: Send, status: int, payload: dict[str, Any]) -> None:
    data = json.dumps(payload).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(data)).encode())]})
    await send({"type": "http.response.body", "body": data})


class Guard:
    """Refuses foreign Host headers (400), oversized bodies (413) and, with a token set,
    requests without it (401).

    A valid ``?token=`` sets a cookie, so a dashboard opened once with the
    token can call the API without putting it in every URL.
    """

    def __init__(self, app: ASGIApp, max_body_bytes: int, token: str | None = None,
                 allowed_hosts: frozenset[str] = LOOPBACK_HOSTS) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.token = token
        self.allowed_hosts = frozenset(h.strip("[]").lower() for h in allowed_hosts)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        if host_name(headers.get("host", "")) not in self.allowed_hosts:
            await _send_json(send, 400, error_body(
                "bad_host", "this server answers only to the names it was started with; "
                "add this one with 'eventwire serve --allow-host NAME'"))
            return
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        from_query = (query.get("token") or [None])[0]
        if self.token and scope["path"] not in PUBLIC_PATHS \
                and not self._allowed(headers, from_query):
            await _send_json(send, 401, error_body(
                "unauthorized", "this server needs its token: send 'Authorization: Bearer "
                "TOKEN' or open /?token=TOKEN"))
            return
        length = headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body_bytes):
            await self._too_large(send)
            return
        if scope["method"] in ("POST", "PUT", "PATCH") and length is None:
            body = await self._read_capped(receive)
            if body is None:
                await self._too_large(send)
                return
            receive = _replay(body, receive)
        if self.token and from_query:
            send = self._with_cookie(send, from_query)
        await self.app(scope, receive, send)

    def _allowed(self, headers: dict[str, str], from_query: str | None) -> bool:
        auth = headers.get("authorization", "")
        given = auth[7:].strip() if auth.lower().startswith("bearer ") else from_query
        if not given:
            cookie: SimpleCookie = SimpleCookie(headers.get("cookie", ""))
            given = cookie[TOKEN_COOKIE].value if TOKEN_COOKIE in cookie else None
        return bool(given) and hmac.compare_digest(given.encode(), (self.token or "").encode())

    async def _read_capped(self, receive: Receive) -> bytes | None:
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body_bytes:
                return None
            chunks.append(chunk)
            if not message.get("more_body"):
                return b"".join(chunks)

    async def _too_large(self, send: Send) -> None:
        await _send_json(send, 413, error_body(
            "body_too_large", f"request bodies are limited to {self.max_body_bytes} bytes"))

    def _with_cookie(self, send: Send, value: str) -> Send:
        cookie = f"{TOKEN_COOKIE}={value}; HttpOnly; SameSite=Strict; Path=/".encode()

        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), (b"set-cookie", cookie)]
            await send(message)

        return sending


def _replay(body: bytes, then: Receive) -> Receive:
    """A ``receive`` that hands the already-read body to the application once."""
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if sent:
            return await then()
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return receive
