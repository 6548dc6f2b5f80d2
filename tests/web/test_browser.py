"""A person's path through the archive in real Chromium (Debian's ``chromium``, driven by Playwright).

One author registers, posts the first sample story as a file, sees its notes and suggested tags, accepts them and
publishes; a second reader finds the work by a phrase from its text, reads it, leaves kudos and a comment, and a
flame is held for the author; the EPUB downloads and is a valid EPUB. Screenshots go to ``FICSHELF_SCREENSHOTS``
(default: the test's tmp folder).
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import threading
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from ficshelf.settings import Settings
from ficshelf.web import create_app
from tests.export.conftest import _epubcheck_command

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SEED = "001_ec05fc822d4404d6.txt"
FLAME = "I hate this pairing u stoopid"


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    """The archive served by uvicorn on a free loopback port, over a fresh SQLite data folder."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    app = create_app(Settings(data_dir=tmp_path / "data"))
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not running.started and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        running.should_exit = True
        thread.join(timeout=10)
        app.state.archive.close()


def phrase_from(text: str) -> str:
    """Five plain words in a row from the middle of the story (what a reader remembers)."""
    paragraphs = [p for p in text.split("\n\n") if len(p.split()) > 40]
    words = paragraphs[len(paragraphs) // 2].split()
    for i in range(len(words) // 2, len(words) - 5):
        run = words[i : i + 5]
        if all(re.fullmatch(r"[A-Za-z]+", w) for w in run):
            return " ".join(run)
    raise AssertionError("no plain five-word run found")


def test_post_find_read_kudos_comment_flame_and_download(server: str, seeds_dir: Path, tmp_path: Path) -> None:
    if not CHROMIUM.exists():
        message = "Debian's chromium is not installed (`make test` installs it)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import expect, sync_playwright

    shots = Path(os.environ.get("FICSHELF_SCREENSHOTS", tmp_path / "screenshots"))
    shots.mkdir(parents=True, exist_ok=True)
    seed = seeds_dir / SEED
    phrase = phrase_from(seed.read_text(encoding="utf-8"))
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        try:
            author = browser.new_context(viewport={"width": 1100, "height": 900}).new_page()
            register(author, server, "author")
            author.goto(f"{server}/preferences")
            author.get_by_label("Critique welcome, flames held for me to review").check()
            author.get_by_role("button", name="Save").click()
            author.goto(f"{server}/works/new")
            author.get_by_label("…or upload a file").set_input_files(str(seed))
            author.screenshot(path=shots / "01-post.png", full_page=True)
            author.get_by_role("button", name="Preview").click()
            expect(author.get_by_role("heading", name="Suggested tags")).to_be_visible()
            expect(author.locator("details.notes").first).to_be_visible()
            assert author.locator("input[name=accept][value^='fandom:']").count() >= 1
            author.get_by_label("Title").fill("Falling Leaves")
            author.screenshot(path=shots / "02-preview.png", full_page=True)
            author.get_by_role("button", name="Publish").click()
            expect(author.locator("dl.tag-groups")).to_contain_text("Fandoms")
            expect(author.get_by_role("heading", name="Falling Leaves")).to_be_visible()
            work_url = author.url
            author.screenshot(path=shots / "03-work.png", full_page=True)

            reader = browser.new_context(viewport={"width": 390, "height": 844}).new_page()  # a phone
            register(reader, server, "reader")
            reader.get_by_label("Search works").fill(f'"{phrase}"')
            reader.get_by_role("button", name="Search").first.click()
            expect(reader.locator("p.count")).to_contain_text("1 work found")
            reader.screenshot(path=shots / "04-search.png", full_page=True)
            reader.locator("li.blurb h3 a").first.click()
            assert reader.url.rstrip("/") == work_url.rstrip("/")
            expect(reader.locator(".userstuff").first).to_contain_text(phrase.split()[0])
            reader.get_by_role("button", name="♥ Kudos").click()
            expect(reader.locator("p.kudos")).to_contain_text("reader")
            reader.get_by_label("Comment", exact=True).fill("The slow build of the ending worked for me; thank you.")
            reader.get_by_role("button", name="Post comment").click()
            reader.get_by_label("Comment", exact=True).fill(FLAME)
            reader.get_by_role("button", name="Post comment").click()
            expect(reader.locator("li.comment.held")).to_contain_text("stoopid")
            reader.locator("section.feedback").screenshot(path=shots / "05-comments.png")
            with reader.expect_download() as download_info:
                reader.get_by_role("link", name="Download EPUB").click()
            epub = tmp_path / "work.epub"
            download_info.value.save_as(epub)

            guest = browser.new_context().new_page()
            guest.goto(work_url)
            expect(guest.locator("ol.comments")).to_contain_text("slow build of the ending")
            expect(guest.locator("ol.comments")).not_to_contain_text("stoopid")
            author.goto(f"{server}/comments/held")
            expect(author.locator("ol.comments")).to_contain_text("stoopid")
            author.screenshot(path=shots / "06-held.png", full_page=True)
        finally:
            browser.close()
    with zipfile.ZipFile(epub) as book:
        assert book.read("mimetype") == b"application/epub+zip"
    epubcheck = _epubcheck_command()  # Debian's epubcheck, as the export tests run it
    if epubcheck is not None:
        checked = subprocess.run([*epubcheck, str(epub)], capture_output=True, text=True, timeout=300, check=False)
        assert checked.returncode == 0, checked.stdout + checked.stderr
    assert len(list(shots.glob("*.png"))) == 6


def register(page: object, server: str, name: str) -> None:
    from playwright.sync_api import Page

    assert isinstance(page, Page)
    page.goto(f"{server}/register")
    page.get_by_label("Account name").fill(name)
    page.get_by_label("Password (at least 8 characters)").fill("a long enough password")
    page.get_by_role("button", name="Register").click()
    page.wait_for_url(f"{server}/")
