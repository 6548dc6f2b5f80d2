"""Posting and editing: paste or upload → preview (structure, suggested tags with evidence) → publish;
add a chapter; edit or delete one's own work; accept or reject suggestions later."""

from __future__ import annotations

from pathlib import Path

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from ficshelf.errors import InputError, InvalidValue, NotAllowed
from ficshelf.ingest.sources import read_blob
from ficshelf.ingest.text import work_from_text
from ficshelf.model import Chapter, Tag, TagKind, Work
from ficshelf.posting import prepare, publish
from ficshelf.store.chapters import add_chapter
from ficshelf.store.work_tags import accept_tags, reject_tags
from ficshelf.store.works import delete_work, get_work, update_work
from ficshelf.web.draft_beta import draft_hints
from ficshelf.web.drafts import drop_draft, load_draft, save_draft
from ficshelf.web.render import page
from ficshelf.web.routes.params import field, path_int
from ficshelf.web.security import checked_form, require_account

#: Author tag fields on the posting form: (form field, kind).
TAG_FIELDS = (
    ("fandoms", TagKind.FANDOM),
    ("relationships", TagKind.RELATIONSHIP),
    ("characters", TagKind.CHARACTER),
    ("freeforms", TagKind.FREEFORM),
)


def tags_from(form: FormData) -> list[Tag]:
    tags = [Tag(kind, name.strip()) for key, kind in TAG_FIELDS for name in field(form, key).split(",") if name.strip()]
    rating = field(form, "rating")
    return [Tag(TagKind.RATING, rating), *tags] if rating else tags


def tag_key(tag: Tag) -> str:
    return f"{tag.kind.value}:{tag.name}"


async def work_from(form: FormData) -> Work:
    """The posted work: an uploaded file in any importer format, else the pasted text (raw, to be structured)."""
    upload = form.get("file")
    title, summary = field(form, "title").strip(), field(form, "summary").strip()
    if isinstance(upload, UploadFile) and upload.filename:
        data = await upload.read()
        await form.close()
        items = list(read_blob(data, upload.filename))
        if not items or items[0].work is None:
            raise items[0].error if items and items[0].error else InputError("the file holds no work")
        work = items[0].work
    else:
        await form.close()
        text = field(form, "text").replace("\r\n", "\n")
        if not text.strip():
            raise InvalidValue("paste the work's text or choose a file")
        work = work_from_text(text, "web", work_id="web", title=title)  # a title line of the text, if none typed
    work.title = title or work.title
    work.summary = summary or work.summary
    work.tags = [*work.tags, *tags_from(form)]
    return work


async def new_work(request: Request) -> Response:
    require_account(request)
    return page(request, "post.html", tag_fields=TAG_FIELDS)


async def preview(request: Request) -> Response:
    form = await checked_form(request)
    who = require_account(request)
    work = await work_from(form)
    draft = await run_in_threadpool(prepare, work)
    restricted = field(form, "restricted") == "on"
    draft_id = save_draft(drafts_folder(request), who.id or 0, draft, restricted)
    return await show_draft(request, draft_id)


async def draft_preview(request: Request) -> Response:
    """The preview of a kept draft again (where the beta forms on the preview lead back to)."""
    require_account(request)
    return await show_draft(request, request.path_params["draft_id"])


async def show_draft(request: Request, draft_id: str, notice: str = "", status_code: int = 200) -> Response:
    """The preview page of draft ``draft_id``: structure, beta hints with their forms, suggested tags."""
    who = require_account(request)
    draft, restricted = load_draft(drafts_folder(request), who.id or 0, draft_id)
    author = {tag_key(t) for t in draft.author_tags}
    suggested = [s for s in draft.suggested if tag_key(Tag(s.kind, s.name)) not in author]
    hints = await run_in_threadpool(draft_hints, request.app.state.archive, draft, who.id or 0)
    return page(
        request,
        "preview.html",
        status_code=status_code,
        draft=draft,
        draft_id=draft_id,
        suggested=suggested,
        restricted=restricted,
        key=tag_key,
        hints=hints,
        notice=notice,
    )


def drafts_folder(request: Request) -> Path:
    folder: Path = request.app.state.archive.data_dir / "drafts"
    return folder


async def publish_draft(request: Request) -> Response:
    form = await checked_form(request)
    who = require_account(request)
    archive = request.app.state.archive
    folder = drafts_folder(request)
    draft_id = field(form, "draft")
    draft, restricted = load_draft(folder, who.id or 0, draft_id)
    restricted = field(form, "restricted") == "on" if "restricted_choice" in form else restricted
    draft.work.tags = [*draft.work.tags, *tags_from(form)]
    draft.work.title = field(form, "title").strip() or draft.work.title
    accepted = set(form.getlist("accept"))
    work_id = publish(archive.store, who.id or 0, draft, restricted=restricted)
    chosen = [Tag(s.kind, s.name) for s in draft.suggested if tag_key(Tag(s.kind, s.name)) in accepted]
    rejected = [Tag(s.kind, s.name) for s in draft.suggested if tag_key(Tag(s.kind, s.name)) not in accepted]
    accept_tags(archive.store, work_id, who.id or 0, chosen)
    if field(form, "drop_rejected") == "on":
        reject_tags(archive.store, work_id, who.id or 0, rejected)
    drop_draft(folder, draft_id)
    archive.sync_index()
    return RedirectResponse(request.url_for("work", work_id=work_id), status_code=303)


async def review_tags(request: Request) -> Response:
    """The owner accepts or rejects the work's pending suggestions."""
    form = await checked_form(request)
    who = require_account(request)
    archive = request.app.state.archive
    work_id = path_int(request, "work_id")
    loaded = get_work(archive.store, work_id, who.id)
    if not loaded.is_owner:
        raise NotAllowed(f"work {work_id} belongs to another account")
    pending = loaded.suggested
    chosen = set(form.getlist("tag"))
    tags = [Tag(s.kind, s.name) for s in pending if tag_key(Tag(s.kind, s.name)) in chosen]
    if field(form, "action") == "reject":
        reject_tags(archive.store, work_id, who.id or 0, tags)
    else:
        accept_tags(archive.store, work_id, who.id or 0, tags)
    archive.sync_index()
    return RedirectResponse(request.url_for("work", work_id=work_id), status_code=303)


async def edit_form(request: Request) -> Response:
    who = require_account(request)
    loaded = get_work(request.app.state.archive.store, path_int(request, "work_id"), who.id)
    if not loaded.is_owner:
        raise NotAllowed(f"work {loaded.summary.id} belongs to another account")
    return page(request, "edit.html", loaded=loaded)


async def edit(request: Request) -> Response:
    form = await checked_form(request)
    who = require_account(request)
    archive = request.app.state.archive
    work_id = path_int(request, "work_id")
    update_work(
        archive.store,
        work_id,
        who.id or 0,
        title=field(form, "title"),
        summary=field(form, "summary"),
        notes_beginning=[n for n in field(form, "notes_beginning").replace("\r\n", "\n").split("\n\n") if n.strip()],
        notes_end=[n for n in field(form, "notes_end").replace("\r\n", "\n").split("\n\n") if n.strip()],
        restricted=field(form, "restricted") == "on",
        complete=field(form, "complete") == "on",
    )
    archive.sync_index()
    return RedirectResponse(request.url_for("work", work_id=work_id), status_code=303)


async def delete(request: Request) -> Response:
    await checked_form(request)
    who = require_account(request)
    archive = request.app.state.archive
    delete_work(archive.store, path_int(request, "work_id"), who.id or 0)
    archive.sync_index()
    return RedirectResponse(request.url_for("home"), status_code=303)


async def chapter_form(request: Request) -> Response:
    who = require_account(request)
    loaded = get_work(request.app.state.archive.store, path_int(request, "work_id"), who.id)
    return page(request, "chapter_new.html", loaded=loaded)


async def new_chapter(request: Request) -> Response:
    form = await checked_form(request)
    who = require_account(request)
    archive = request.app.state.archive
    work_id = path_int(request, "work_id")
    chapter = Chapter(
        0,
        title=field(form, "title").strip(),
        notes_beginning=[field(form, "notes_beginning").strip()] if field(form, "notes_beginning").strip() else [],
        notes_end=[field(form, "notes_end").strip()] if field(form, "notes_end").strip() else [],
        text=field(form, "text").replace("\r\n", "\n"),
    )
    number = add_chapter(archive.store, work_id, who.id or 0, chapter)
    archive.sync_index()
    return RedirectResponse(request.url_for("chapter", work_id=work_id, number=number), status_code=303)


routes = [
    Route("/works/new", new_work, name="new_work"),
    Route("/works/preview", preview, methods=["POST"], name="preview"),
    Route("/works/drafts/{draft_id:str}", draft_preview, name="draft_preview"),
    Route("/works/publish", publish_draft, methods=["POST"], name="publish"),
    Route("/works/{work_id:int}/tags", review_tags, methods=["POST"], name="review_tags"),
    Route("/works/{work_id:int}/edit", edit_form, name="edit_work"),
    Route("/works/{work_id:int}/edit", edit, methods=["POST"], name="edit_work_post"),
    Route("/works/{work_id:int}/delete", delete, methods=["POST"], name="delete_work"),
    Route("/works/{work_id:int}/chapters/new", chapter_form, name="new_chapter"),
    Route("/works/{work_id:int}/chapters/new", new_chapter, methods=["POST"], name="new_chapter_post"),
]
