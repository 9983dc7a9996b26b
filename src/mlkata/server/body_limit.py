"""A request body is refused (413) as it streams in, once past the limit: a body is otherwise
read whole before anything looks at its size, and 100 MB sent would be 100 MB (and more)
held.

The count is of the bytes ``receive()`` hands the app, chunked bodies included; a body whose
Content-Length already says too much is refused before its first byte is read. The refusal
is an HTTPException raised inside the app's read, so that the app's own 413 handler answers (a
JSON detail for the API, a page for the site).
"""

from __future__ import annotations

from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send


class BodyTooLarge(HTTPException):
    def __init__(self, max_bytes: int) -> None:
        super().__init__(413, f"the request is larger than the {max_bytes // 1024} KiB this "
                              "server accepts")


class BodyLimit:
    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = Headers(scope=scope).get("content-length", "")
        too_long = declared.isdigit() and int(declared) > self.max_bytes
        counted = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal counted
            if too_long:
                raise BodyTooLarge(self.max_bytes)
            message = await receive()
            if message["type"] == "http.request":
                counted += len(message.get("body", b""))
                if counted > self.max_bytes:
                    raise BodyTooLarge(self.max_bytes)
            return message

        async def watched_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, limited_receive, watched_send)
        except BodyTooLarge as exc:  # read outside any route (no handler of the app saw it)
            if started:
                raise
            await JSONResponse({"detail": exc.detail}, status_code=413)(scope, receive, send)
