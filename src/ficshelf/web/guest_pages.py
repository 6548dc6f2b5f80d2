"""Work pages rendered once for every guest: the page a guest sees is cached per work version, with a slot where
each guest's own CSRF token goes.

A guest's work page differs from another guest's only by the CSRF token its forms carry (a guest's token is its
``fs_guest`` cookie). So the page is rendered for a stand-in guest whose token is ``SLOT`` — a random string
made when the process starts, never a real token — and kept as the bytes around each ``SLOT``; a request joins
them with its own token, escaped as the template would escape it. No visitor's token is ever stored.

The cache key is the page (work, chapter, entire-work view); each key keeps the rendered page of one *version*
(``store.page_versions.guest_version``: details, chapters, tags, kudos, hits and comments), read from the
database on every request, so an edit, kudos or comment shows at once, in every worker. The version is read
before the page is rendered: a page may be newer than its version, never older. Pages for logged-in accounts
(their names, bookmarks, held comments, own forms) are never cached; restricted works have no guest version.
"""

from __future__ import annotations

import secrets
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable

from markupsafe import escape

from ficshelf.web.security import Viewer

#: Where each guest's CSRF token goes in a cached page.
SLOT = f"csrf-slot-{secrets.token_hex(16)}"
#: The guest a cached page is rendered for.
STAND_IN = Viewer(None, SLOT, SLOT)
Renderer = Callable[[Viewer], str]


class GuestPages:
    """An LRU of rendered pages: per key, the latest version seen and its bytes split at ``SLOT``; at most
    ``maxsize`` pages and ``max_bytes`` bytes (an entire-work view of a long work is a few hundred KB)."""

    def __init__(self, maxsize: int = 512, max_bytes: int = 64 * 1024 * 1024) -> None:
        self.maxsize = maxsize
        self.max_bytes = max_bytes
        self.size = 0
        self._pages: OrderedDict[Hashable, tuple[Hashable, tuple[bytes, ...]]] = OrderedDict()
        self._lock = threading.Lock()

    def page(self, key: Hashable, version: Hashable, render: Renderer, token: str) -> bytes:
        """The page ``key`` at ``version`` for the guest whose CSRF token is ``token``; ``render`` makes it
        (for ``STAND_IN``) when the cache holds another version or none."""
        with self._lock:
            found = self._pages.get(key)
            if found is not None:
                self._pages.move_to_end(key)
        if found is None or found[0] != version:
            parts = tuple(render(STAND_IN).encode().split(SLOT.encode()))
            with self._lock:
                old = self._pages.pop(key, None)
                self.size += _size(parts) - (_size(old[1]) if old is not None else 0)
                self._pages[key] = (version, parts)
                while len(self._pages) > self.maxsize or (self.size > self.max_bytes and len(self._pages) > 1):
                    _, (_, evicted) = self._pages.popitem(last=False)
                    self.size -= _size(evicted)
        else:
            parts = found[1]
        return str(escape(token)).encode().join(parts)

    def __len__(self) -> int:
        return len(self._pages)


def _size(parts: tuple[bytes, ...]) -> int:
    return sum(len(part) for part in parts)
