"""Alembic migrations of the archive's schema; run them with ``ficshelf db upgrade`` (see docs/store.md)."""
