"""Initial schema: every table of ficshelf 0.1

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-22 15:08:34.297076
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import ficshelf.store.tables

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "index_queue",
        sa.Column("work_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("queued", ficshelf.store.tables.UTCDateTime(timezone=True), nullable=False),
        sa.Column("claimed", ficshelf.store.tables.UTCDateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("work_id", name=op.f("pk_index_queue")),
    )
    with op.batch_alter_table("index_queue", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_index_queue_claimed"), ["claimed"], unique=False)

    op.create_table(
        "login_attempts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name_key", sa.String(length=80), nullable=False),
        sa.Column("address", sa.String(length=64), nullable=False),
        sa.Column("succeeded", sa.Boolean(), nullable=False),
        sa.Column("at", ficshelf.store.tables.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_login_attempts")),
    )
    with op.batch_alter_table("login_attempts", schema=None) as batch_op:
        batch_op.create_index("ix_login_attempts_name_key_at", ["name_key", "at"], unique=False)

    op.create_table(
        "tags",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("canonical", sa.Boolean(), nullable=False),
        sa.Column("synonym_of_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["synonym_of_id"], ["tags.id"], name=op.f("fk_tags_synonym_of_id_tags"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tags")),
        sa.UniqueConstraint("kind", "name", name="uq_tags_kind_name"),
    )
    with op.batch_alter_table("tags", schema=None) as batch_op:
        batch_op.create_index("ix_tags_name", ["name"], unique=False)
        batch_op.create_index(batch_op.f("ix_tags_synonym_of_id"), ["synonym_of_id"], unique=False)

    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("name_key", sa.String(length=80), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column("comment_policy", sa.String(length=20), nullable=False),
        sa.Column("created", ficshelf.store.tables.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("name_key", name=op.f("uq_users_name_key")),
    )
    op.create_table(
        "series",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.ForeignKeyConstraint(["owner_id"], ["users.id"], name=op.f("fk_series_owner_id_users"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_series")),
    )
    with op.batch_alter_table("series", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_series_owner_id"), ["owner_id"], unique=False)

    op.create_table(
        "sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("csrf_token", sa.String(length=64), nullable=False),
        sa.Column("created", ficshelf.store.tables.UTCDateTime(timezone=True), nullable=False),
        sa.Column("expires", ficshelf.store.tables.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_sessions_user_id_users"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sessions")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_sessions_token_hash")),
    )
    with op.batch_alter_table("sessions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sessions_user_id"), ["user_id"], unique=False)

    op.create_table(
        "tag_filters",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("tag_id", sa.Integer(), nullable=False),
        sa.Column("mode", sa.String(length=10), nullable=False),
        sa.CheckConstraint("mode IN ('include', 'exclude', 'block')", name=op.f("ck_tag_filters_mode")),
        sa.ForeignKeyConstraint(["tag_id"], ["tags.id"], name=op.f("fk_tag_filters_tag_id_tags"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_tag_filters_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("user_id", "tag_id", name=op.f("pk_tag_filters")),
    )
    op.create_table(
        "works",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("notes_beginning", sa.JSON(), nullable=False),
        sa.Column("notes_end", sa.JSON(), nullable=False),
        sa.Column("language", sa.String(length=20), nullable=False),
        sa.Column("rating", sa.String(length=40), nullable=False),
        sa.Column("words", sa.Integer(), nullable=False),
        sa.Column("chapter_count", sa.Integer(), nullable=False),
        sa.Column("chapters_expected", sa.Integer(), nullable=True),
        sa.Column("complete", sa.Boolean(), nullable=False),
        sa.Column("restricted", sa.Boolean(), nullable=False),
        sa.Column("source", sa.String(length=1000), nullable=False),
        sa.Column("published", ficshelf.store.tables.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated", ficshelf.store.tables.UTCDateTime(timezone=True), nullable=False),
        sa.Column("kudos_count", sa.Integer(), nullable=False),
        sa.Column("hits", sa.Integer(), nullable=False),
        sa.Column("comment_count", sa.Integer(), nullable=False),
        sa.Column("bookmark_count", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["owner_id"], ["users.id"], name=op.f("fk_works_owner_id_users"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_works")),
    )
    with op.batch_alter_table("works", schema=None) as batch_op:
        batch_op.create_index("ix_works_kudos_count", ["kudos_count"], unique=False)
        batch_op.create_index(batch_op.f("ix_works_owner_id"), ["owner_id"], unique=False)
        batch_op.create_index("ix_works_published", ["published"], unique=False)
        batch_op.create_index("ix_works_updated", ["updated"], unique=False)

    op.create_table(
        "bookmarks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("work_id", sa.Integer(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("private", sa.Boolean(), nullable=False),
        sa.Column("created", ficshelf.store.tables.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_bookmarks_user_id_users"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["work_id"], ["works.id"], name=op.f("fk_bookmarks_work_id_works"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bookmarks")),
        sa.UniqueConstraint("user_id", "work_id", name="uq_bookmarks_user_work"),
    )
    with op.batch_alter_table("bookmarks", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_bookmarks_work_id"), ["work_id"], unique=False)

    op.create_table(
        "chapters",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("work_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("notes_beginning", sa.JSON(), nullable=False),
        sa.Column("notes_end", sa.JSON(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("words", sa.Integer(), nullable=False),
        sa.Column("published", ficshelf.store.tables.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["work_id"], ["works.id"], name=op.f("fk_chapters_work_id_works"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_chapters")),
        sa.UniqueConstraint("work_id", "number", name="uq_chapters_work_number"),
    )
    op.create_table(
        "kudos",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("work_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("guest_key", sa.String(length=64), nullable=True),
        sa.Column("created", ficshelf.store.tables.UTCDateTime(timezone=True), nullable=False),
        sa.CheckConstraint("(user_id IS NULL) <> (guest_key IS NULL)", name=op.f("ck_kudos_giver")),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_kudos_user_id_users"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["work_id"], ["works.id"], name=op.f("fk_kudos_work_id_works"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kudos")),
        sa.UniqueConstraint("work_id", "guest_key", name="uq_kudos_work_guest"),
        sa.UniqueConstraint("work_id", "user_id", name="uq_kudos_work_user"),
    )
    op.create_table(
        "readings",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("work_id", sa.Integer(), nullable=False),
        sa.Column("last_read", ficshelf.store.tables.UTCDateTime(timezone=True), nullable=False),
        sa.Column("last_chapter", sa.Integer(), nullable=False),
        sa.Column("visits", sa.Integer(), nullable=False),
        sa.Column("marked_read", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_readings_user_id_users"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["work_id"], ["works.id"], name=op.f("fk_readings_work_id_works"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("user_id", "work_id", name=op.f("pk_readings")),
    )
    op.create_table(
        "series_works",
        sa.Column("series_id", sa.Integer(), nullable=False),
        sa.Column("work_id", sa.Integer(), nullable=False),
        sa.Column("part", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["series_id"], ["series.id"], name=op.f("fk_series_works_series_id_series"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["work_id"], ["works.id"], name=op.f("fk_series_works_work_id_works"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("series_id", "work_id", name=op.f("pk_series_works")),
    )
    op.create_table(
        "work_tags",
        sa.Column("work_id", sa.Integer(), nullable=False),
        sa.Column("tag_id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=12), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("evidence", sa.JSON(), nullable=False),
        sa.CheckConstraint("source IN ('author', 'suggested', 'accepted')", name=op.f("ck_work_tags_source")),
        sa.ForeignKeyConstraint(["tag_id"], ["tags.id"], name=op.f("fk_work_tags_tag_id_tags"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["work_id"], ["works.id"], name=op.f("fk_work_tags_work_id_works"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("work_id", "tag_id", name=op.f("pk_work_tags")),
    )
    with op.batch_alter_table("work_tags", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_work_tags_tag_id"), ["tag_id"], unique=False)

    op.create_table(
        "comments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("work_id", sa.Integer(), nullable=False),
        sa.Column("chapter_id", sa.Integer(), nullable=True),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("guest_name", sa.String(length=80), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("held_reason", sa.String(length=200), nullable=False),
        sa.Column("created", ficshelf.store.tables.UTCDateTime(timezone=True), nullable=False),
        sa.Column("edited", ficshelf.store.tables.UTCDateTime(timezone=True), nullable=True),
        sa.CheckConstraint("status IN ('shown', 'held', 'deleted')", name=op.f("ck_comments_status")),
        sa.ForeignKeyConstraint(
            ["chapter_id"], ["chapters.id"], name=op.f("fk_comments_chapter_id_chapters"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["parent_id"], ["comments.id"], name=op.f("fk_comments_parent_id_comments"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_comments_user_id_users"), ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["work_id"], ["works.id"], name=op.f("fk_comments_work_id_works"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_comments")),
    )
    with op.batch_alter_table("comments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_comments_work_id"), ["work_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("comments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_comments_work_id"))

    op.drop_table("comments")
    with op.batch_alter_table("work_tags", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_work_tags_tag_id"))

    op.drop_table("work_tags")
    op.drop_table("series_works")
    op.drop_table("readings")
    op.drop_table("kudos")
    op.drop_table("chapters")
    with op.batch_alter_table("bookmarks", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_bookmarks_work_id"))

    op.drop_table("bookmarks")
    with op.batch_alter_table("works", schema=None) as batch_op:
        batch_op.drop_index("ix_works_updated")
        batch_op.drop_index("ix_works_published")
        batch_op.drop_index(batch_op.f("ix_works_owner_id"))
        batch_op.drop_index("ix_works_kudos_count")

    op.drop_table("works")
    op.drop_table("tag_filters")
    with op.batch_alter_table("sessions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sessions_user_id"))

    op.drop_table("sessions")
    with op.batch_alter_table("series", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_series_owner_id"))

    op.drop_table("series")
    op.drop_table("users")
    with op.batch_alter_table("tags", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tags_synonym_of_id"))
        batch_op.drop_index("ix_tags_name")

    op.drop_table("tags")
    with op.batch_alter_table("login_attempts", schema=None) as batch_op:
        batch_op.drop_index("ix_login_attempts_name_key_at")

    op.drop_table("login_attempts")
    with op.batch_alter_table("index_queue", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_index_queue_claimed"))

    op.drop_table("index_queue")
