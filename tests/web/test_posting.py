"""Posting: paste or upload → preview with structure and suggested tags (with evidence) → publish; chapters."""

from __future__ import annotations

import re
from collections.abc import Callable

from tests.web.conftest import STORY, Visitor


def test_preview_shows_recovered_notes_and_suggested_tags_with_evidence(any_visitor: Callable[[], Visitor]) -> None:
    author = any_visitor().register("author")
    preview = author.post("/works/preview", {"text": STORY, "title": "Under the Cherry Tree"})
    assert preview.status_code == 200
    html = preview.text
    assert "Beginning notes" in html and "Thanks to my beta reader" in html
    assert "End notes" in html and "leave a comment" in html
    suggested = re.findall(r'name="accept" value="([^"]+)"', html)
    assert "fandom:Naruto" in suggested
    assert any(s.startswith("character:") for s in suggested)
    assert "Evidence" in html and "<q>" in html


def test_publishing_keeps_only_the_accepted_suggestions_and_the_authors_tags(
    any_visitor: Callable[[], Visitor],
) -> None:
    author = any_visitor().register("author")
    preview = author.post("/works/preview", {"text": STORY, "title": "Chosen Tags", "freeforms": "Friendship"})
    draft = re.search(r'name="draft" value="([^"]+)"', preview.text)
    assert draft is not None
    published = author.post(
        "/works/publish",
        {"draft": draft.group(1), "accept": ["fandom:Naruto"], "drop_rejected": "on", "characters": "Hatake Kakashi"},
    )
    page = published.text
    assert published.status_code == 200 and "Chosen Tags" in page
    tags = re.search(r'<dl class="tag-groups">(.*?)</dl>', page, re.S)
    assert tags is not None
    assert "Naruto" in tags.group(1) and "Friendship" in tags.group(1) and "Hatake Kakashi" in tags.group(1)
    assert "Rock Lee" not in tags.group(1)  # a suggestion that was not ticked
    assert "Suggested tags waiting" not in page  # dropped, not pending
    assert author.post("/works/publish", {"draft": draft.group(1)}).status_code == 400  # a draft publishes once


def test_the_work_page_shows_notes_lyrics_pov_header_reading_time_and_ao3_tag_groups(
    any_visitor: Callable[[], Visitor],
) -> None:
    author = any_visitor().register("author")
    work_id = author.post_work()
    html = any_visitor().get(f"/works/{work_id}").text
    assert '<details class="notes"' in html and "Thanks to my beta reader" in html
    assert '<blockquote class="lyrics">' in html and "morning light" in html
    assert '<p class="pov-header">- Sakura -</p>' in html
    assert "Reading time 1 min" in html
    labels = re.findall(r"<dt>([A-Za-z ]+):</dt>", html)
    assert labels.index("Rating") < labels.index("Fandoms") < labels.index("Characters") < labels.index("Stats")
    assert 'src="/works/1/cast.svg"' in html and 'src="/works/1/mood.svg"' in html


def test_uploading_an_html_file_and_adding_chapters_with_navigation(any_visitor: Callable[[], Visitor]) -> None:
    author = any_visitor().register("author")
    page = "<html><body><h1>Paper Cranes</h1><p>Sakura folded a crane for Naruto every morning.</p></body></html>"
    preview = author.client.post(
        "/works/preview",
        data={"csrf_token": author.token(), "title": ""},
        files={"file": ("cranes.html", page.encode(), "text/html")},
    )
    assert preview.status_code == 200, preview.text
    draft = re.search(r'name="draft" value="([^"]+)"', preview.text)
    assert draft is not None
    work = author.post("/works/publish", {"draft": draft.group(1)})
    work_id = int(str(work.url).rsplit("/", 1)[-1])
    assert "folded a crane" in work.text
    added = author.post(
        f"/works/{work_id}/chapters/new", {"title": "The Second Crane", "text": "Naruto folded one back."}
    )
    assert added.status_code == 200 and str(added.url).endswith(f"/works/{work_id}/chapters/2")
    assert "Naruto folded one back." in added.text and "← Previous chapter" in added.text
    full = author.get(f"/works/{work_id}?view=full").text
    assert "folded a crane" in full and "Naruto folded one back." in full
    assert author.get(f"/works/{work_id}/chapters/3").status_code == 404


def test_a_bad_upload_is_refused_with_its_error_code(visitor: Callable[[], Visitor]) -> None:
    author = visitor().register("author")
    response = author.client.post(
        "/works/preview",
        data={"csrf_token": author.token()},
        files={"file": ("broken.epub", b"PK\x03\x04 not really a zip", "application/epub+zip")},
    )
    assert response.status_code == 400
    assert re.search(r"FS1\d\d", response.text)


def test_pasted_text_without_a_title_gets_one_from_its_title_line_or_first_words(
    any_visitor: Callable[[], Visitor],
) -> None:
    author = any_visitor().register("author")
    titled = author.post("/works/preview", {"text": f"Lanterns at Dawn\nby quill\n\n{STORY}", "title": ""}).text
    assert "<h1>Preview: Lanterns at Dawn</h1>" in titled
    assert 'name="title" value="Lanterns at Dawn"' in titled
    untitled = author.post("/works/preview", {"text": STORY.split("\n\n", 1)[1], "title": ""}).text
    assert 'name="title" value="Sakura Haruno waited under the cherry tree while…"' in untitled


def test_a_downloaded_epub_posted_again_keeps_its_notes_and_tags(visitor: Callable[[], Visitor]) -> None:
    author = visitor().register("author")
    work_id = author.post_work(summary="Sakura waits; Naruto is late.", freeforms="Friendship")
    epub = author.get(f"/works/{work_id}/download.epub").content
    preview = author.client.post(
        "/works/preview",
        data={"csrf_token": author.token(), "title": ""},
        files={"file": ("again.epub", epub, "application/epub+zip")},
    )
    assert preview.status_code == 200, preview.text
    html = preview.text
    assert "<h1>Preview: Under the Cherry Tree</h1>" in html
    assert "Beginning notes" in html and "Thanks to my beta reader" in html
    assert "End notes" in html and "leave a comment" in html
    assert "Sakura waits; Naruto is late." in html
    assert "Additional Tags: Friendship" in html  # the author's tags came back as tags
