"""``ficshelf serve``: the web archive (pages, JSON API, OPDS) on one port, in one or several worker processes."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

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
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Worker processes sharing the port (uvicorn --workers). Each has its own caches and hit counter; "
    "on SQLite they read concurrently and take turns to write (see docs/web.md).",
)
def serve(host: str, port: int, data_dir: Path | None, workers: int) -> None:
    """Serve the archive at http://HOST:PORT/ (creating or upgrading its database and search index first).

    Pages work without JavaScript; the JSON API is under /api (OpenAPI at /api/openapi.json) and the OPDS
    catalogue at /opds. See docs/web.md.
    """
    import uvicorn

    from ficshelf.archive import open_archive
    from ficshelf.web import create_app

    settings = get_settings()
    folder = data_dir or settings.data_dir
    click.echo(f"ficshelf: serving {folder} at http://{host}:{port}/ ({workers} worker(s))", err=True)
    # uvicorn parses HTTP with httptools (a C parser, a dependency) when it is installed. Forwarded headers are
    # trusted only from the proxies FICSHELF_FORWARDED_ALLOW_IPS names.
    proxy = uvicorn_proxy_options(settings.forwarded_allow_ips)
    if workers == 1:
        uvicorn.run(create_app(settings, data_dir=data_dir), host=host, port=port, **proxy)
        return
    # Upgrade the database and index the queue once, here, so the workers do not race to do it; each worker
    # then opens the archive from FICSHELF_DATA_DIR through the app factory.
    open_archive(settings, data_dir).close()
    os.environ["FICSHELF_DATA_DIR"] = str(folder.resolve())
    uvicorn.run("ficshelf.web.app:create_app", factory=True, workers=workers, host=host, port=port, **proxy)


def uvicorn_proxy_options(allow_ips: str | None) -> dict[str, Any]:
    """uvicorn's options for reverse proxies: trust X-Forwarded-* only from ``allow_ips`` (none when unset)."""
    if not allow_ips:
        return {"proxy_headers": False}
    return {"proxy_headers": True, "forwarded_allow_ips": allow_ips}
