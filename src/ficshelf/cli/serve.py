"""``ficshelf serve``: the web archive (pages, JSON API, OPDS) on one port."""

from __future__ import annotations

from pathlib import Path

import click

from ficshelf.settings import get_settings


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
@click.option(
    "--data",
    "data_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Data folder holding the SQLite archive and the search index (default: FICSHELF_DATA_DIR, "
    "ficshelf-data/). The database is FICSHELF_DATABASE_URL when that is set.",
)
def serve(host: str, port: int, data_dir: Path | None) -> None:
    """Serve the archive at http://HOST:PORT/ (creating or upgrading its database and search index first).

    Pages work without JavaScript; the JSON API is under /api (OpenAPI at /api/openapi.json) and the OPDS
    catalogue at /opds. See docs/web.md.
    """
    import uvicorn

    from ficshelf.web import create_app

    app = create_app(get_settings(), data_dir=data_dir)
    click.echo(f"ficshelf: serving {data_dir or get_settings().data_dir} at http://{host}:{port}/", err=True)
    uvicorn.run(app, host=host, port=port, log_level="info", proxy_headers=False)
