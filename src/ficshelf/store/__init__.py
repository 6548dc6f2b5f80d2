"""The archive database: tables, migrations and the repository modules (the only place SQL lives)."""
