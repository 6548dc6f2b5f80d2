"""One typed Settings object. Every setting has a default and help text; environment prefix ``FICSHELF_``.

docs/settings.md is generated from this class (a test checks it is current).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="FICSHELF_", frozen=True)

    max_file_bytes: int = Field(
        default=64 * 1024 * 1024,
        description="Largest single file (text, HTML, EPUB, zip member) an importer reads; larger files are "
        "refused with FS104 before being read.",
    )
    max_archive_bytes: int = Field(
        default=512 * 1024 * 1024,
        description="Largest total uncompressed size of a zip or EPUB; more is treated as a zip bomb (FS107).",
    )
    max_compression_ratio: int = Field(
        default=200,
        description="Largest uncompressed/compressed ratio of one zip or EPUB member before it is treated as a "
        "zip bomb (FS107).",
    )
    max_archive_members: int = Field(
        default=20_000, description="Most members a zip or EPUB may hold before it is refused (FS107)."
    )
    data_dir: Path = Field(
        default=Path("ficshelf-data"), description="Folder holding the archive's database and search index."
    )
    database_url: str | None = Field(
        default=None,
        description="SQLAlchemy URL of the archive's database, e.g. `postgresql+psycopg://user@host/ficshelf`; "
        "unset: a SQLite file `ficshelf.db` in the data folder (WAL, no server needed). See docs/store.md.",
    )
    sqlite_busy_timeout_ms: int = Field(
        default=10_000,
        description="How long a SQLite connection waits for another process's write lock before giving up.",
    )
    session_days: int = Field(default=30, description="How long a login session lasts, in days.")
    login_max_failures: int = Field(
        default=5,
        description="Failed logins allowed for one account name within the window before further tries are "
        "refused (FS505).",
    )
    login_window_seconds: int = Field(
        default=900, description="The window, in seconds, in which failed logins are counted."
    )
    search_backend: Literal["auto", "tantivy", "fts5", "postgresql"] = Field(
        default="auto",
        description="Search index: `auto` (PostgreSQL tsvector when the database is PostgreSQL, else tantivy in "
        "`<data_dir>/index/`), `tantivy`, `fts5` (SQLite FTS5 in `<data_dir>/search.sqlite3`) or `postgresql`. "
        "See docs/search.md.",
    )
    forwarded_allow_ips: str | None = Field(
        default=None,
        description="Addresses of the reverse proxies whose X-Forwarded-For/-Proto headers `ficshelf serve` trusts "
        "(comma-separated, e.g. `127.0.0.1`); unset: none. Behind an HTTPS proxy this gives cookies the Secure flag "
        "and login throttling the reader's address. See docs/deployment.md.",
    )
    knowledge_dir: Path | None = Field(
        default=None,
        description="Extra folder of fandom knowledge-base files (written by `ficshelf learn`), loaded after "
        "the built-in ones; when unset, `<data_dir>/learned` is loaded if it exists.",
    )


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
