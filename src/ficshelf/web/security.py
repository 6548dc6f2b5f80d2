"""Sessions, CSRF tokens and security headers.

- A login stores a random session token in the ``fs_session`` cookie (HttpOnly, SameSite=Lax); the store keeps
  only its hash, the account and the session's CSRF token (``ficshelf.store.users``).
- Every visitor also gets a random ``fs_guest`` cookie: a guest's CSRF token and kudos key.
- Every state-changing request (POST) must carry the viewer's CSRF token in the form field ``csrf_token`` (or the
  ``X-CSRF-Token`` header); ``checked_form`` refuses it otherwise (FS701, HTTP 403).
- ``SecurityHeaders`` adds a strict Content-Security-Policy (no scripts at all), nosniff, no framing, and a
  same-origin referrer policy to every response.
"""

from __future__ import annotations

import hmac
import re
import secrets
from dataclasses import dataclass

from starlette.datastructures import FormData, MutableHeaders
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ficshelf.archive import Archive
from ficshelf.errors import CsrfRefused, LoginRequired
from ficshelf.store.records import Account
from ficshelf.store.users import session_account

SESSION_COOKIE = "fs_session"
GUEST_COOKIE = "fs_guest"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
#: No script may run on any page; styles and images come from this site only; forms post here only.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'"
)
#: SVG pictures are shown through <img> (where no script runs); their own inline <style> is allowed.
PICTURE_POLICY = "default-src 'none'; style-src 'unsafe-inline'"
#: A guest key as ``secrets.token_urlsafe`` makes them; any other ``fs_guest`` value is replaced by a new key.
GUEST_KEY = re.compile(r"[A-Za-z0-9_-]{20,128}")
HEADERS = {
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "same-origin",
    "cross-origin-opener-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=()",
}


@dataclass(frozen=True, slots=True)
class Viewer:
    """Who is asking: an account (or ``None`` for a guest), the CSRF token forms carry, and the guest key."""

    account: Account | None
    csrf_token: str
    guest_key: str
    session_token: str = ""

    @property
    def id(self) -> int | None:
        return self.account.id if self.account else None

    @property
    def name(self) -> str:
        return self.account.name if self.account else ""


def viewer(request: Request) -> Viewer:
    """The request's viewer, looked up once per request."""
    found: Viewer | None = getattr(request.state, "viewer", None)
    if found is not None:
        return found
    archive: Archive = request.app.state.archive
    guest = request.scope.get("ficshelf.guest") or request.cookies.get(GUEST_COOKIE, "")
    token = request.cookies.get(SESSION_COOKIE, "")
    info = session_account(archive.store, token) if token else None
    found = Viewer(info.account, info.csrf_token, guest, token) if info is not None else Viewer(None, guest, guest)
    request.state.viewer = found
    return found


def require_account(request: Request) -> Viewer:
    """The viewer, who must be logged in (LoginRequired otherwise)."""
    who = viewer(request)
    if who.account is None:
        raise LoginRequired("log in to do that")
    return who


async def checked_form(request: Request) -> FormData:
    """The request's form, after checking its CSRF token against the viewer's (CsrfRefused otherwise)."""
    form = await request.form(max_part_size=64 * 1024 * 1024)
    sent = form.get(CSRF_FIELD) or request.headers.get(CSRF_HEADER, "")
    expected = viewer(request).csrf_token
    if not isinstance(sent, str) or not expected or not hmac.compare_digest(sent.encode(), expected.encode()):
        await form.close()
        raise CsrfRefused("the form's security token is missing or stale; reload the page and send it again")
    return form


class SecurityHeaders:
    """ASGI middleware: security headers on every response, and a ``fs_guest`` cookie for new visitors."""

    def __init__(self, app: ASGIApp, secure_cookies: bool = False) -> None:
        self.app = app
        self.secure = secure_cookies

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        guest = _cookie(scope, GUEST_COOKIE)
        new_guest = GUEST_KEY.fullmatch(guest) is None
        if new_guest:
            guest = secrets.token_urlsafe(32)
        scope["ficshelf.guest"] = guest

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers.setdefault("content-security-policy", CONTENT_SECURITY_POLICY)
                for name, value in HEADERS.items():
                    headers.setdefault(name, value)
                if new_guest:
                    secure = self.secure or scope.get("scheme") == "https"
                    headers.append("set-cookie", cookie_header(GUEST_COOKIE, guest, 365 * 86400, secure))
            await send(message)

        await self.app(scope, receive, send_with_headers)


def cookie_header(name: str, value: str, max_age: int, secure: bool) -> str:
    parts = [f"{name}={value}", "Path=/", f"Max-Age={max_age}", "HttpOnly", "SameSite=Lax"]
    if secure:
        parts.append("Secure")
    return "; ".join(parts)


def _cookie(scope: Scope, name: str) -> str:
    """The value of cookie ``name`` in the request's Cookie headers ("" when absent); a plain split, as browsers
    send them (``GUEST_KEY`` decides whether a guest's value is acceptable)."""
    prefix = f"{name}="
    for key, value in scope.get("headers", []):
        if key == b"cookie":
            header: str = value.decode("latin-1")
            for part in header.split(";"):
                part = part.strip()
                if part.startswith(prefix):
                    return part[len(prefix) :]
    return ""
