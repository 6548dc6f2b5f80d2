"""Personal dictionaries: each account's beta-reader words and muted rules

Revision ID: 0002_personal_dictionaries
Revises: 0001
Create Date: 2026-11-22 16:20:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import ficshelf.store.tables

revision: str = "0002_personal_dictionaries"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "personal_dictionaries",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("words", sa.JSON(), nullable=False),
        sa.Column("muted_rules", sa.JSON(), nullable=False),
        sa.Column("updated", ficshelf.store.tables.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_personal_dictionaries_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_personal_dictionaries")),
    )


def downgrade() -> None:
    op.drop_table("personal_dictionaries")
