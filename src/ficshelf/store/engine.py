"""Opening the archive's database: SQLite by default, PostgreSQL when ``FICSHELF_DATABASE_URL`` says so.

SQLite (one file in the data folder): WAL journal, foreign keys on, a busy timeout. Reads run on a pool of
connections and see a consistent snapshot; every write goes through one writer connection behind a process-wide
lock and starts with ``BEGIN IMMEDIATE``, so writers never deadlock on the upgrade from a read lock.
PostgreSQL: one pooled engine; a write is a plain transaction.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from sqlalchemy import ClauseElement, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import ConnectionPoolEntry
from sqlalchemy.sql.compiler import SQLCompiler

from ficshelf.settings import Settings, get_settings

DATABASE_FILE = "ficshelf.db"


def database_url(settings: Settings | None = None, data_dir: Path | None = None) -> str:
    """The configured URL, or a SQLite file ``ficshelf.db`` in ``data_dir`` (default: the settings' data folder)."""
    settings = settings or get_settings()
    if settings.database_url:
        url = settings.database_url
        return url.replace("postgresql://", "postgresql+psycopg://", 1) if url.startswith("postgresql://") else url
    folder = data_dir or settings.data_dir
    return f"sqlite+pysqlite:///{(folder / DATABASE_FILE).resolve()}"


@dataclass
class Store:
    """An open archive database: ``read()`` and ``write()`` hand out ORM sessions to the repository modules."""

    url: str
    reader: Engine
    writer: Engine
    _read_sessions: sessionmaker[Session] = field(repr=False)
    _write_sessions: sessionmaker[Session] = field(repr=False)
    _write_lock: threading.Lock | None = field(default=None, repr=False)
    _compiled: dict[ClauseElement, SQLCompiler] = field(default_factory=dict, repr=False)

    @property
    def dialect(self) -> str:
        return self.reader.dialect.name

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading; nothing it does is committed."""
        with self._read_sessions() as session:
            try:
                yield session
            finally:
                session.rollback()

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A session whose work is committed when the block ends and rolled back if it raises."""
        lock = self._write_lock
        if lock is not None:
            lock.acquire()
        try:
            with self._write_sessions() as session, session.begin():
                yield session
        finally:
            if lock is not None:
                lock.release()

    def fetch_one(self, statement: ClauseElement, params: Mapping[str, Any]) -> tuple[Any, ...] | None:
        """The first row of a read-only ``statement``, as the database driver returns it (no SQLAlchemy type
        conversion), run on a pooled connection without a session: for the few reads on hot paths (a work
        page's version) where a session and its transaction cost several times the query itself. The statement
        is compiled once per store."""
        compiled = self._compiled.get(statement)
        if compiled is None:
            made = cast(SQLCompiler, statement.compile(dialect=self.reader.dialect))
            compiled = self._compiled.setdefault(statement, made)
        values = compiled.construct_params(dict(params)) or {}
        order = compiled.positiontup
        arguments: Any = [values[name] for name in order] if order else values
        connection = self.reader.raw_connection()
        try:
            cursor = connection.cursor()
            try:
                cursor.execute(compiled.string, arguments)
                row = cursor.fetchone()
            finally:
                cursor.close()
        finally:
            connection.close()
        return tuple(row) if row is not None else None

    def close(self) -> None:
        self.reader.dispose()
        if self.writer is not self.reader:
            self.writer.dispose()


def open_store(url: str | None = None, data_dir: Path | None = None, settings: Settings | None = None) -> Store:
    """Open (and for SQLite, create the folder of) the archive's database. Tables come from ``migrate.upgrade``."""
    settings = settings or get_settings()
    url = url or database_url(settings, data_dir)
    if make_url(url).get_backend_name() != "sqlite":
        engine = create_engine(url, pool_pre_ping=True)
        return Store(url, engine, engine, _sessions(engine), _sessions(engine))
    database = make_url(url).database
    if database and database != ":memory:":
        Path(database).parent.mkdir(parents=True, exist_ok=True)
    reader = create_engine(url, pool_size=8, max_overflow=8)
    writer = create_engine(url, pool_size=1, max_overflow=0)
    _sqlite_setup(reader, "BEGIN", settings.sqlite_busy_timeout_ms)
    _sqlite_setup(writer, "BEGIN IMMEDIATE", settings.sqlite_busy_timeout_ms)
    return Store(url, reader, writer, _sessions(reader), _sessions(writer), threading.Lock())


def _sessions(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def _sqlite_setup(engine: Engine, begin: str, busy_timeout_ms: int) -> None:
    """Let SQLAlchemy, not the sqlite3 module, start transactions, and set the pragmas on every connection."""

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        connection.exec_driver_sql(begin)
