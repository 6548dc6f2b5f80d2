"""Accounts, login sessions and login throttling.

Passwords are stored as argon2id hashes; a session is a random token whose SHA-256 is stored, with its own
CSRF token and an expiry. Too many failed logins for one name within the window refuse further tries (FS505)
until the window passes; a successful login starts the count again. The slow hash check runs outside the
write lock, so logins do not hold up other writers.
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

from sqlalchemy import String, bindparam, delete, func, select

from ficshelf.errors import BadLogin, InvalidValue, LoginThrottled, NameTaken, NotFound
from ficshelf.settings import Settings, get_settings
from ficshelf.store import tables as t
from ficshelf.store.engine import Store
from ficshelf.store.passwords import MIN_PASSWORD, hash_password, new_token, token_hash, verify_password
from ficshelf.store.records import Account, CommentPolicy, Login, SessionInfo

NAME_RE = re.compile(r"[\w][\w.\- ]{0,39}")


def clean_account_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not NAME_RE.fullmatch(cleaned):
        raise InvalidValue("an account name is 1 to 40 letters, digits, spaces, '.', '-' or '_'")
    return cleaned


def register(store: Store, name: str, password: str, email: str = "") -> Account:
    """Create an account that can log in; NameTaken when the name (ignoring case) is in use."""
    name = clean_account_name(name)
    if len(password) < MIN_PASSWORD:
        raise InvalidValue(f"a password has at least {MIN_PASSWORD} characters")
    hashed = hash_password(password)
    with store.write() as session:
        if session.scalar(select(t.User.id).where(t.User.name_key == name.lower())) is not None:
            raise NameTaken(f"the name {name!r} is taken")
        user = t.User(name=name, name_key=name.lower(), email=email.strip(), password_hash=hashed)
        session.add(user)
        session.flush()
        return _account(user)


def ensure_account(store: Store, name: str) -> Account:
    """The account called ``name``, created without a password (it cannot log in) when missing: the importer."""
    name = clean_account_name(name)
    with store.write() as session:
        user = session.scalar(select(t.User).where(t.User.name_key == name.lower()))
        if user is None:
            user = t.User(name=name, name_key=name.lower())
            session.add(user)
            session.flush()
        return _account(user)


def get_account(store: Store, user_id: int) -> Account:
    with store.read() as session:
        user = session.get(t.User, user_id)
        if user is None:
            raise NotFound(f"no account {user_id}")
        return _account(user)


def account_by_name(store: Store, name: str) -> Account:
    with store.read() as session:
        user = session.scalar(select(t.User).where(t.User.name_key == " ".join(name.split()).lower()))
        if user is None:
            raise NotFound(f"no account {name!r}")
        return _account(user)


def login(store: Store, name: str, password: str, address: str = "", settings: Settings | None = None) -> Login:
    """Check a password and start a session; BadLogin (unknown name or wrong password), LoginThrottled."""
    settings = settings or get_settings()
    key = " ".join(name.split()).lower()
    now = t.now()
    with store.read() as session:
        last_success = session.scalar(
            select(func.max(t.LoginAttempt.at)).where(t.LoginAttempt.name_key == key, t.LoginAttempt.succeeded)
        )
        since = now - timedelta(seconds=settings.login_window_seconds)
        if last_success is not None and last_success > since:
            since = last_success
        failures = session.scalar(
            select(func.count()).where(
                t.LoginAttempt.name_key == key, t.LoginAttempt.succeeded.is_(False), t.LoginAttempt.at > since
            )
        )
        if (failures or 0) >= settings.login_max_failures:
            raise LoginThrottled("too many failed logins for this account; try again later")
        found = session.execute(select(t.User.id, t.User.password_hash).where(t.User.name_key == key)).first()
    ok = found is not None and verify_password(found[1], password)
    token, csrf = new_token(), new_token()
    expires = now + timedelta(days=settings.session_days)
    with store.write() as session:
        session.add(t.LoginAttempt(name_key=key, address=address[:64], succeeded=ok, at=now))
        account: Account | None = None
        if ok and found is not None:
            user = session.get(t.User, found[0])
            assert user is not None
            session.add(
                t.AccountSession(user_id=user.id, token_hash=token_hash(token), csrf_token=csrf, expires=expires)
            )
            account = _account(user)
    if account is None:
        raise BadLogin("wrong account name or password")
    return Login(account, token, csrf, expires)


def session_account(store: Store, token: str) -> SessionInfo | None:
    """The account behind a session cookie, or ``None`` for an unknown or expired token."""
    with store.read() as session:
        params = {"token_hash": token_hash(token), "now": t.now()}
        row = session.connection().execute(_SESSION_ACCOUNT, params).first()
    if row is None:
        return None
    return SessionInfo(_account(row), row.csrf_token, row.expires)


#: The account behind a session token (built once: this runs on every request of a logged-in reader).
_SESSION_ACCOUNT = (
    select(
        t.User.id,
        t.User.name,
        t.User.email,
        t.User.comment_policy,
        t.User.created,
        t.User.password_hash,
        t.AccountSession.csrf_token,
        t.AccountSession.expires,
    )
    .join(t.User, t.User.id == t.AccountSession.user_id)
    .where(
        t.AccountSession.token_hash == bindparam("token_hash", type_=String),
        t.AccountSession.expires > bindparam("now", type_=t.UTCDateTime()),
    )
    .limit(1)
)


def logout(store: Store, token: str) -> None:
    with store.write() as session:
        session.execute(delete(t.AccountSession).where(t.AccountSession.token_hash == token_hash(token)))


def forget_expired_sessions(store: Store) -> int:
    with store.write() as session:
        result = session.execute(delete(t.AccountSession).where(t.AccountSession.expires <= t.now()))
        return int(getattr(result, "rowcount", 0) or 0)


def set_comment_policy(store: Store, user_id: int, policy: CommentPolicy | str) -> None:
    try:
        value = CommentPolicy(policy)
    except ValueError:
        raise InvalidValue(f"unknown comment policy {policy!r}") from None
    with store.write() as session:
        user = session.get(t.User, user_id)
        if user is None:
            raise NotFound(f"no account {user_id}")
        user.comment_policy = value.value


def _account(user: Any) -> Account:
    """An ``Account`` from a ``users`` row: an ORM ``User`` or a Core row with the same column names."""
    return Account(
        id=user.id,
        name=user.name,
        email=user.email,
        comment_policy=CommentPolicy(user.comment_policy),
        created=user.created,
        can_log_in=bool(user.password_hash),
    )
