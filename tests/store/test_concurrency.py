"""SQLite under threads: readers keep reading while writers write, and writers queue instead of failing."""

from __future__ import annotations

import threading
from pathlib import Path

from ficshelf.store.engine import Store, open_store
from ficshelf.store.listing import list_works
from ficshelf.store.migrate import upgrade
from ficshelf.store.works import create_work, get_work
from tests.store.conftest import account, sample_work


def test_concurrent_readers_during_writes(tmp_path: Path) -> None:
    store = open_store(f"sqlite+pysqlite:///{tmp_path / 'ficshelf.db'}")
    upgrade(store)
    owner = account(store, "Ink")
    first = create_work(store, owner, sample_work("Seed"))
    errors: list[BaseException] = []
    stop = threading.Event()
    reads = [0]

    def reader() -> None:
        try:
            while not stop.is_set():
                assert get_work(store, first, None).summary.title == "Seed"
                listing = list_works(store, per_page=5)
                assert listing.total >= 1 and len(listing.items) <= 5
                reads[0] += 1
        except BaseException as err:  # report it in the main thread
            errors.append(err)

    def writer(n: int) -> None:
        try:
            for i in range(10):
                create_work(store, owner, sample_work(f"W{n}-{i}"))
        except BaseException as err:
            errors.append(err)

    readers = [threading.Thread(target=reader) for _ in range(4)]
    writers = [threading.Thread(target=writer, args=(n,)) for n in range(3)]
    for thread in readers + writers:
        thread.start()
    for thread in writers:
        thread.join()
    stop.set()
    for thread in readers:
        thread.join()
    store.close()
    assert errors == []
    assert reads[0] > 0
    reopened = open_store(f"sqlite+pysqlite:///{tmp_path / 'ficshelf.db'}")
    assert list_works(reopened).total == 31
    reopened.close()


def test_two_stores_on_one_file_both_write(tmp_path: Path) -> None:
    """Two processes' worth of stores (separate engines and locks) share the file through SQLite's own lock."""
    url = f"sqlite+pysqlite:///{tmp_path / 'ficshelf.db'}"
    one, two = open_store(url), open_store(url)
    upgrade(one)
    owner = account(one, "Ink")
    errors: list[BaseException] = []

    def write(store_: Store, tag: str) -> None:
        try:
            for i in range(10):
                create_work(store_, owner, sample_work(f"{tag}{i}"))
        except BaseException as err:
            errors.append(err)

    threads = [threading.Thread(target=write, args=(s, n)) for s, n in ((one, "a"), (two, "b"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert list_works(two).total == 20
    one.close()
    two.close()
