"""The beta reader before publishing: the posting preview's hints are accepted into the draft or ignored, "Accept
all" applies one rule's hints at once (on the preview and on a chapter's report), and the personal dictionary has
its own page where words and rules are taken back."""

from __future__ import annotations

import re
from collections.abc import Callable

from starlette.applications import Starlette

from ficshelf.store.dictionaries import personal_dictionary
from ficshelf.store.users import ensure_account
from tests.web.conftest import Visitor
from tests.web.test_beta_report import TEXT, chapter_text, hint_forms

#: TEXT with a second missing space after a sentence end ("late.Lee"), so that rule has two hints.
TWO_SPACES = TEXT.replace("trained until the sun went down", "trained until it was late.Lee went home as the sun set")
DRAFT = re.compile(r'name="draft" value="([^"]+)"')


def preview(author: Visitor, text: str = TEXT) -> tuple[str, str]:
    """Post ``text`` to the preview; returns (the draft's id, the preview page)."""
    page = author.post("/works/preview", {"text": text, "title": "Morning Drills"})
    assert page.status_code == 200, page.text
    found = DRAFT.search(page.text)
    assert found is not None
    return found.group(1), page.text


def draft_forms(page: str, word: str) -> list[dict[str, str]]:
    """The accept and ignore forms of the preview's hint on ``word``, with their hidden fields."""
    item = re.search(r'<li>(?:(?!</li>).)*<mark class="hint">' + re.escape(word) + r"</mark>.*?</li>", page, re.S)
    assert item is not None, f"no hint on {word!r}"
    forms = []
    for action, body in re.findall(r'<form method="post" action="([^"]+)"[^>]*>(.*?)</form>', item.group(0), re.S):
        fields = dict(re.findall(r'type="hidden" name="(\w+)" value="([^"]*)"', body))
        fields.pop("csrf_token", None)
        forms.append({"action": action, **fields})
    return forms


def publish(author: Visitor, draft: str) -> int:
    published = author.post("/works/publish", {"draft": draft})
    assert published.status_code == 200, published.text
    return int(str(published.url).rsplit("/", 1)[-1])


def test_accepting_a_preview_hint_changes_the_text_that_is_published(any_web: Starlette) -> None:
    author = Visitor(any_web).register("author")
    draft, page = preview(author)
    accept = next(f for f in draft_forms(page, "caled") if f["action"].endswith("/accept"))
    assert accept["chapter"] == "1" and accept["choice"] == "0"
    shown = author.post(accept.pop("action"), accept)
    assert shown.status_code == 200 and str(shown.url).endswith(f"/works/drafts/{draft}#beta")
    assert '<mark class="hint">caled</mark>' not in shown.text
    assert "A sentence end needs a space" in shown.text  # the other hint is still offered
    assert DRAFT.search(shown.text).group(1) == draft  # type: ignore[union-attr]
    work_id = publish(author, draft)
    assert "He called her name" in chapter_text(any_web, work_id)


def test_a_stale_preview_hint_is_refused_and_changes_nothing(web: Starlette, visitor: Callable[[], Visitor]) -> None:
    author = visitor().register("author")
    draft, page = preview(author)
    accept = next(f for f in draft_forms(page, "caled") if f["action"].endswith("/accept"))
    action = accept.pop("action")
    assert author.post(action, accept).status_code == 200
    again = author.post(action, accept)  # the same hint, from a preview opened before the first accept
    assert again.status_code == 409 and "no longer applies" in again.text
    wrong_choice = author.post(action, {**accept, "text": "called"})
    assert wrong_choice.status_code == 409
    assert "He called her name" in chapter_text(web, publish(author, draft))


def test_ignoring_a_preview_hint_fills_the_dictionary_and_keeps_the_text(any_web: Starlette) -> None:
    author = Visitor(any_web).register("author")
    draft, page = preview(author)
    ignore = next(f for f in draft_forms(page, "caled") if f["action"].endswith("/ignore"))
    shown = author.post(ignore.pop("action"), ignore)
    assert shown.status_code == 200 and '<mark class="hint">caled</mark>' not in shown.text
    store = any_web.state.archive.store
    assert personal_dictionary(store, ensure_account(store, "author").id).words == {"caled"}
    assert "He caled her name" in chapter_text(any_web, publish(author, draft))


def test_nobody_else_acts_on_a_draft(web: Starlette, visitor: Callable[[], Visitor]) -> None:
    author = visitor().register("author")
    draft, page = preview(author)
    forms = draft_forms(page, "caled")
    other, guest = visitor().register("other"), visitor()
    for form in forms:
        fields = dict(form)
        action = fields.pop("action")
        refused = other.post(action, fields)
        assert refused.status_code == 400 and "FS703" in refused.text
        assert guest.post(action, fields).status_code == 401
    assert other.get(f"/works/drafts/{draft}").status_code == 400
    assert guest.get(f"/works/drafts/{draft}").status_code == 401
    store = web.state.archive.store
    assert not personal_dictionary(store, ensure_account(store, "other").id).words
    assert "He caled her name" in chapter_text(web, publish(author, draft))


def test_accept_all_applies_every_hint_of_one_rule_on_the_preview_and_the_report(any_web: Starlette) -> None:
    author = Visitor(any_web).register("author")
    draft, page = preview(author, TWO_SPACES)
    assert "Accept all 2 «space-after-sentence» hints" in page
    assert "«spelling» hints" not in page  # spelling fixes are guesses: one at a time
    shown = author.post(f"/works/drafts/{draft}/beta/accept-all", {"rule": "space-after-sentence"})
    assert shown.status_code == 200 and "A sentence end needs a space" not in shown.text
    assert '<mark class="hint">caled</mark>' in shown.text
    assert author.post(f"/works/drafts/{draft}/beta/accept-all", {"rule": "spelling"}).status_code == 409
    text = chapter_text(any_web, publish(author, draft))
    assert "true. Sakura" in text and "late. Lee" in text and "caled" in text

    work_id = author.post_work(TWO_SPACES, title="Evening Drills")
    report = f"/works/{work_id}/chapters/1/beta"
    assert "Accept all 2 «space-after-sentence» hints" in author.get(report).text
    other = Visitor(any_web).register("other")
    assert other.post(f"{report}/accept-all", {"rule": "space-after-sentence"}).status_code == 403
    done = author.post(f"{report}/accept-all", {"rule": "space-after-sentence"})
    assert done.status_code == 200 and "A sentence end needs a space" not in done.text
    assert "true. Sakura" in chapter_text(any_web, work_id) and "late. Lee" in chapter_text(any_web, work_id)
    again = author.post(f"{report}/accept-all", {"rule": "space-after-sentence"})
    assert again.status_code == 409 and "no hint of the rule" in again.text


def test_the_dictionary_page_takes_back_words_and_rules(any_web: Starlette) -> None:
    author = Visitor(any_web).register("author")
    work_id = author.post_work(TEXT, title="Morning Drills")
    report = f"/works/{work_id}/chapters/1/beta"
    for word in ("caled", "."):
        ignore = next(f for f in hint_forms(author.get(report).text, word) if f["action"].endswith("/ignore"))
        author.post(ignore.pop("action"), ignore)
    assert ">caled</mark>" not in author.get(report).text
    page = author.get("/beta/dictionary").text
    assert "caled" in page and "space-after-sentence" in page and "A sentence end needs a space" in page

    assert author.post("/beta/dictionary", {"action": "forget", "word": "caled"}).status_code == 200
    assert author.post("/beta/dictionary", {"action": "unmute", "rule": "space-after-sentence"}).status_code == 200
    back = author.get(report).text
    assert ">caled</mark>" in back and "A sentence end needs a space" in back
    page = author.get("/beta/dictionary").text
    assert "No words yet." in page and "Every rule is on." in page

    assert author.post("/beta/dictionary", {"action": "add", "word": "caled"}).status_code == 200
    assert ">caled</mark>" not in author.get(report).text
    assert author.post("/beta/dictionary", {"action": "add", "word": "two words"}).status_code == 400
    assert author.post("/beta/dictionary", {"action": "explode", "word": "x"}).status_code == 400
    store = any_web.state.archive.store
    assert personal_dictionary(store, ensure_account(store, "author").id).words == {"caled"}
    guest = Visitor(any_web)
    assert guest.get("/beta/dictionary").status_code == 401
    assert guest.post("/beta/dictionary", {"action": "add", "word": "x"}).status_code == 401


def test_the_dictionary_page_escapes_what_it_shows(web: Starlette, visitor: Callable[[], Visitor]) -> None:
    author = visitor().register("author")
    author.post("/beta/dictionary", {"action": "add", "word": "<script>alert(1)</script>"})
    page = author.get("/beta/dictionary").text
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
