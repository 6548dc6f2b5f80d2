"""PostgreSQL full-text search tables (search_works, search_chunks) and the text search configuration

On PostgreSQL the search index lives in the archive's own database (``ficshelf.search.postgres_backend``);
these tables were created by the backend on first use until this revision. ``IF NOT EXISTS`` everywhere, so a
database whose backend had already created them upgrades in place. On SQLite this revision does nothing: the
embedded search index is a tantivy folder (or an FTS5 file) beside the database.

The schema is written out here, frozen, rather than imported from ``ficshelf.search.postgres_tables``: a later
change to those tables needs a revision of its own. tests/search/test_postgres_migration.py checks that the
two agree.

Revision ID: 0003_search_tables
Revises: 0002_personal_dictionaries
Create Date: 2026-11-22 17:30:00.000000
"""

from __future__ import annotations

from alembic import op

revision: str = "0003_search_tables"
down_revision: str | None = "0002_personal_dictionaries"
branch_labels: str | None = None
depends_on: str | None = None

# PostgreSQL's English configuration with Snowball stemming and no stop words ("the end" stays two words).
_CONFIGURATION = """
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_dict WHERE dictname = 'ficshelf_english_stem') THEN
        CREATE TEXT SEARCH DICTIONARY ficshelf_english_stem (TEMPLATE = snowball, LANGUAGE = english);
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'ficshelf_english') THEN
        CREATE TEXT SEARCH CONFIGURATION ficshelf_english (COPY = pg_catalog.english);
        ALTER TEXT SEARCH CONFIGURATION ficshelf_english
            ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part
            WITH ficshelf_english_stem;
    END IF;
END
$$
"""

_TABLES = (
    """
CREATE TABLE IF NOT EXISTS search_works (
    work_id BIGINT NOT NULL,
    meta TSVECTOR NOT NULL,
    tag_keys TEXT[] NOT NULL,
    tag_names TEXT[] NOT NULL,
    language TEXT NOT NULL,
    complete BOOLEAN NOT NULL,
    restricted BOOLEAN NOT NULL,
    words BIGINT NOT NULL,
    kudos BIGINT NOT NULL,
    hits BIGINT NOT NULL,
    comments BIGINT NOT NULL,
    published BIGINT NOT NULL,
    updated BIGINT NOT NULL,
    sample INTEGER NOT NULL,
    CONSTRAINT search_works_pkey PRIMARY KEY (work_id)
)
""",
    "CREATE INDEX IF NOT EXISTS search_works_meta ON search_works USING gin (meta)",
    "CREATE INDEX IF NOT EXISTS search_works_tag_keys ON search_works USING gin (tag_keys)",
    "CREATE INDEX IF NOT EXISTS search_works_updated ON search_works (updated)",
    """
CREATE TABLE IF NOT EXISTS search_chunks (
    work_id BIGINT NOT NULL,
    chunk INTEGER NOT NULL,
    body TSVECTOR NOT NULL,
    CONSTRAINT search_chunks_pkey PRIMARY KEY (work_id, chunk),
    CONSTRAINT search_chunks_work_id_fkey FOREIGN KEY (work_id) REFERENCES search_works (work_id) ON DELETE CASCADE
)
""",
    "CREATE INDEX IF NOT EXISTS search_chunks_body ON search_chunks USING gin (body)",
)


def _postgresql() -> bool:
    return op.get_bind().dialect.name == "postgresql"


def upgrade() -> None:
    if not _postgresql():
        return
    op.execute(_CONFIGURATION)
    for statement in _TABLES:
        op.execute(statement)


def downgrade() -> None:
    if not _postgresql():
        return
    op.execute("DROP TABLE IF EXISTS search_chunks")
    op.execute("DROP TABLE IF EXISTS search_works")
    op.execute("DROP TEXT SEARCH CONFIGURATION IF EXISTS ficshelf_english")
    op.execute("DROP TEXT SEARCH DICTIONARY IF EXISTS ficshelf_english_stem")
