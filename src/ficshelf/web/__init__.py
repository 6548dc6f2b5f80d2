"""The archive on the web: a Starlette app (``create_app``) with Jinja2 pages, a JSON API and OPDS feeds.

Views are thin: parse the request, call one store, search or posting function, render. docs/web.md describes
the pages, the security model and how to run it.
"""

from ficshelf.web.app import create_app

__all__ = ["create_app"]
