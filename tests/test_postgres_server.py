"""The throwaway PostgreSQL server the store and search tests run against really serves queries."""

from __future__ import annotations

import psycopg
from sqlalchemy.engine import make_url


def test_throwaway_server_answers(postgres_url: str) -> None:
    url = make_url(postgres_url)
    with psycopg.connect(dbname=url.database, user=url.username, host=url.query["host"]) as conn:
        row = conn.execute("select current_database(), version()").fetchone()
    assert row is not None
    assert row[0] == url.database
    assert row[1].startswith("PostgreSQL")
