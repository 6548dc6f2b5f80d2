"""Accounts: argon2id hashes, sessions with hashed tokens and expiry, login throttling."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select, update

from ficshelf.errors import BadLogin, InvalidValue, LoginThrottled, NameTaken
from ficshelf.settings import Settings
from ficshelf.store import tables as t
from ficshelf.store.engine import Store
from ficshelf.store.users import ensure_account, login, logout, register, session_account

PASSWORD = "correct horse battery"


def test_register_login_and_logout(store: Store) -> None:
    account = register(store, "Ink", PASSWORD, "ink@example.org")
    with store.read() as session:
        stored = session.scalar(select(t.User.password_hash).where(t.User.id == account.id))
    assert stored is not None and stored.startswith("$argon2id$") and PASSWORD not in stored
    started = login(store, "ink", PASSWORD)  # names ignore case
    assert started.account.id == account.id
    with store.read() as session:
        hashes = list(session.scalars(select(t.AccountSession.token_hash)))
    assert started.token not in hashes and len(hashes) == 1  # only the token's hash is stored
    found = session_account(store, started.token)
    assert found is not None and found.account.name == "Ink" and found.csrf_token == started.csrf_token
    logout(store, started.token)
    assert session_account(store, started.token) is None
    assert session_account(store, "not-a-token") is None


def test_names_are_unique_ignoring_case(store: Store) -> None:
    register(store, "Ink", PASSWORD)
    with pytest.raises(NameTaken) as err:
        register(store, "INK", PASSWORD)
    assert err.value.code == "FS503"
    with pytest.raises(InvalidValue):
        register(store, "Quill", "short")
    with pytest.raises(InvalidValue):
        register(store, "<script>", PASSWORD)


def test_wrong_password_and_passwordless_accounts_cannot_log_in(store: Store) -> None:
    register(store, "Ink", PASSWORD)
    ensure_account(store, "importer")
    with pytest.raises(BadLogin):
        login(store, "Ink", "wrong password")
    with pytest.raises(BadLogin):
        login(store, "importer", "")
    with pytest.raises(BadLogin):
        login(store, "nobody", PASSWORD)


def test_failed_logins_are_throttled(store: Store) -> None:
    settings = Settings(login_max_failures=2, login_window_seconds=600)
    register(store, "Ink", PASSWORD)
    for _ in range(2):
        with pytest.raises(BadLogin):
            login(store, "Ink", "guess", settings=settings)
    with pytest.raises(LoginThrottled) as err:
        login(store, "Ink", PASSWORD, settings=settings)  # even the right password waits
    assert err.value.code == "FS505"
    with store.write() as session:  # the window passes
        session.execute(update(t.LoginAttempt).values(at=t.now() - timedelta(seconds=601)))
    assert login(store, "Ink", PASSWORD, settings=settings).account.name == "Ink"


def test_expired_sessions_are_refused(store: Store) -> None:
    register(store, "Ink", PASSWORD)
    started = login(store, "Ink", PASSWORD)
    with store.write() as session:
        session.execute(update(t.AccountSession).values(expires=t.now() - timedelta(seconds=1)))
    assert session_account(store, started.token) is None
