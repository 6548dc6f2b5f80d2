"""The author's beta report on the web: hints inline, accept changes the stored text, ignore fills the dictionary."""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from starlette.applications import Starlette

from ficshelf.beta import Hint
from ficshelf.store.dictionaries import personal_dictionary
from ficshelf.store.users import ensure_account
from ficshelf.store.works import get_work
from ficshelf.web.beta_report import BetaReport, pieces
from ficshelf.web.render import ENVIRONMENT
from ficshelf.web.security import Viewer
from tests.web.conftest import Visitor
from tests.web.test_security import post_routes

#: A short text written for these tests, with two known slips: "caled" and "true.Sakura".
TEXT = """Sakura Haruno walked to the training ground with Rock Lee in the early morning.
He caled her name twice, but she did not turn around to look at him.
"I know it is true.Sakura knows it too," Lee said, and Sakura smiled at him.
Sakura Haruno and Rock Lee trained until the sun went down behind the Leaf Village.
"""

#: The mark on the full stop of "true.Sakura", its message as its title.
MISSING_SPACE = re.compile(r'true<mark [^>]*title="A sentence end needs a space after it.">\.</mark>')


def hint_forms(page: str, word: str) -> list[dict[str, str]]:
    """The forms of the hint marked on ``word``: each form's action and hidden fields."""
    found = re.search(r"<mark[^>]*>" + re.escape(html.escape(word)) + r"</mark><details.*?</details>", page, re.S)
    assert found is not None, f"no hint on {word!r}"
    forms = []
    for form in re.findall(r'<form method="post" action="([^"]+)".*?</form>', found.group(0), re.S):
        block = found.group(0)[found.group(0).index(form) :]
        fields = dict(re.findall(r'type="hidden" name="(\w+)" value="([^"]*)"', block.split("</form>")[0]))
        forms.append({"action": form, **{k: html.unescape(v) for k, v in fields.items() if k != "csrf_token"}})
    return forms


def chapter_text(web: Starlette, work_id: int) -> str:
    return get_work(web.state.archive.store, work_id, None).work.chapters[0].text


def test_the_owner_sees_hints_inline_with_ranked_suggestions(visitor: Callable[[], Visitor]) -> None:
    author = visitor().register("author")
    work_id = author.post_work(TEXT, title="Morning Drills")
    assert f'href="/works/{work_id}/chapters/1/beta">Beta read</a>' in author.get(f"/works/{work_id}").text
    page = author.get(f"/works/{work_id}/chapters/1/beta")
    assert page.status_code == 200
    assert "Accept «called»" in page.text
    assert re.search(MISSING_SPACE, page.text)
    for name in ("Sakura", "Haruno", "Lee"):  # the work's own names are never marked
        assert f">{name}</mark>" not in page.text
    accept = [f for f in hint_forms(page.text, "caled") if f["action"].endswith("/accept")]
    assert accept[0]["text"] == "caled" and accept[0]["choice"] == "0"


def test_accept_changes_the_stored_chapter_and_the_search_index(web: Starlette, visitor: Callable[[], Visitor]) -> None:
    author = visitor().register("author")
    work_id = author.post_work(TEXT, title="Morning Drills")
    form = hint_forms(author.get(f"/works/{work_id}/chapters/1/beta").text, "caled")[0]
    page = author.post(form.pop("action"), form)
    assert page.status_code == 200 and str(page.url).endswith(f"/works/{work_id}/chapters/1/beta")
    assert "He called her name" in chapter_text(web, work_id) and "caled" not in chapter_text(web, work_id)
    assert ">caled</mark>" not in page.text
    hits = author.get("/api/works", params={"q": '"called her name"'}).json()
    assert [w["id"] for w in hits["works"]] == [work_id]


def test_a_stale_hint_is_refused_with_a_message_and_changes_nothing(
    web: Starlette, visitor: Callable[[], Visitor]
) -> None:
    author = visitor().register("author")
    work_id = author.post_work(TEXT, title="Morning Drills")
    form = hint_forms(author.get(f"/works/{work_id}/chapters/1/beta").text, "caled")[0]
    action = form.pop("action")
    assert author.post(action, form).status_code == 200
    before = chapter_text(web, work_id)
    again = author.post(action, form)  # the same hint, from a report opened before the first accept
    assert again.status_code == 409
    assert "no longer applies" in again.text
    assert chapter_text(web, work_id) == before


def test_ignore_adds_the_word_to_the_authors_dictionary_and_hides_the_hint(
    web: Starlette, visitor: Callable[[], Visitor]
) -> None:
    author = visitor().register("author")
    work_id = author.post_work(TEXT, title="Morning Drills")
    forms = hint_forms(author.get(f"/works/{work_id}/chapters/1/beta").text, "caled")
    ignore = next(f for f in forms if f["action"].endswith("/ignore"))
    page = author.post(ignore.pop("action"), ignore)
    assert page.status_code == 200
    assert ">caled</mark>" not in page.text and re.search(MISSING_SPACE, page.text)
    store = web.state.archive.store
    assert "caled" in personal_dictionary(store, ensure_account(store, "author").id).words
    assert "caled" in chapter_text(web, work_id)  # ignoring leaves the text alone
    rule = next(f for f in hint_forms(page.text, ".") if f["action"].endswith("/ignore"))
    page = author.post(rule.pop("action"), rule)
    assert not re.search(MISSING_SPACE, page.text)
    assert personal_dictionary(store, ensure_account(store, "author").id).muted_rules


def test_another_account_and_a_guest_can_neither_see_nor_act_on_the_report(
    web: Starlette, visitor: Callable[[], Visitor]
) -> None:
    author = visitor().register("author")
    work_id = author.post_work(TEXT, title="Morning Drills")
    forms = hint_forms(author.get(f"/works/{work_id}/chapters/1/beta").text, "caled")
    reader, guest = visitor().register("reader"), visitor()
    assert "Beta read" not in reader.get(f"/works/{work_id}").text
    for other in (reader, guest):
        page = other.get(f"/works/{work_id}/chapters/1/beta")
        assert page.status_code == 403 and "caled" not in page.text
        for form in forms:
            fields = dict(form)
            assert other.post(fields.pop("action"), fields).status_code == 403
    assert "caled" in chapter_text(web, work_id)
    store = web.state.archive.store
    assert not personal_dictionary(store, ensure_account(store, "reader").id).words
    assert author.get(f"/works/{work_id}/chapters/2/beta").status_code == 404


def test_the_report_forms_need_the_csrf_token(web: Starlette, visitor: Callable[[], Visitor]) -> None:
    paths = post_routes(web)
    assert "/works/1/chapters/1/beta/accept" in paths and "/works/1/chapters/1/beta/ignore" in paths
    author = visitor().register("author")
    work_id = author.post_work(TEXT, title="Morning Drills")
    for form in hint_forms(author.get(f"/works/{work_id}/chapters/1/beta").text, "caled"):
        response = author.post(form.pop("action"), form, csrf=False)
        assert response.status_code == 403 and "FS701" in response.text
    assert "caled" in chapter_text(web, work_id)


def test_the_text_and_the_hints_are_escaped(web: Starlette, visitor: Callable[[], Visitor]) -> None:
    author = visitor().register("author")
    text = TEXT + 'Lee whispered <script>alert("somrthing")</script> and <b>shouted</b> at the sky.\n'
    work_id = author.post_work(text, title="Morning Drills")
    assert "<script>" in chapter_text(web, work_id)
    page = author.get(f"/works/{work_id}/chapters/1/beta").text
    assert "<script>" not in page and "<b>shouted" not in page
    assert "&lt;script&gt;alert(" in page and ">somrthing</mark>" in page
    # A hint whose own text and message carry markup (as a crafted form or a future rule could make).
    store = web.state.archive.store
    owner = ensure_account(store, "author").id
    loaded = get_work(store, work_id, owner, chapter=1)
    stored = loaded.work.chapters[0].text
    start = stored.index("<script>")
    end = stored.index("</script>") + len("</script>")
    bad = Hint(start, end, stored[start:end], "spelling", f"Did you mean {stored[start:end]}?", ("<img src=x>",))
    who = Viewer(None, "token", "token")
    report = BetaReport(loaded, 1, [bad], pieces(stored, [bad]))
    rendered = ENVIRONMENT.get_template("beta.html").render(report=report, viewer=who, csrf_token="t", notice="")
    assert "<script>" not in rendered and "<img src=x>" not in rendered
    assert "Accept «&lt;img src=x&gt;»" in rendered


def test_accept_and_ignore_on_sqlite_and_postgresql(any_web: Starlette) -> None:
    author = Visitor(any_web).register("author")
    work_id = author.post_work(TEXT, title="Morning Drills")
    report = f"/works/{work_id}/chapters/1/beta"
    accept = hint_forms(author.get(report).text, "caled")[0]
    assert author.post(accept.pop("action"), accept).status_code == 200
    assert "He called her name" in chapter_text(any_web, work_id)
    ignore = next(f for f in hint_forms(author.get(report).text, ".") if f["action"].endswith("/ignore"))
    assert author.post(ignore.pop("action"), ignore).status_code == 200
    assert not re.search(MISSING_SPACE, author.get(report).text)
    store = any_web.state.archive.store
    assert personal_dictionary(store, ensure_account(store, "author").id).muted_rules == {"space-after-sentence"}


def test_the_posting_preview_lists_the_hints_and_honours_the_dictionary(visitor: Callable[[], Visitor]) -> None:
    author = visitor().register("author")
    preview = author.post("/works/preview", {"text": TEXT, "title": "Morning Drills"}).text
    assert '<mark class="hint">caled</mark>' in preview and "«called»" in preview
    work_id = author.post_work(TEXT, title="Morning Drills")
    forms = hint_forms(author.get(f"/works/{work_id}/chapters/1/beta").text, "caled")
    ignore = next(f for f in forms if f["action"].endswith("/ignore"))
    author.post(ignore.pop("action"), ignore)
    again = author.post("/works/preview", {"text": TEXT, "title": "Morning Drills"}).text
    assert '<mark class="hint">caled</mark>' not in again and "A sentence end needs a space" in again
