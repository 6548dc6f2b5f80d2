"""The repository API the web and search call (docs/store.md): a change here is a change to their contract."""

from __future__ import annotations

import importlib
import inspect

from tests.conftest import REPO

API = {
    "works": {"create_work", "get_work", "update_work", "delete_work", "record_hit"},
    "chapters": {"add_chapter", "update_chapter", "delete_chapter"},
    "work_tags": {"set_work_tags", "set_suggestions", "accept_tags", "reject_tags"},
    "listing": {"list_works"},
    "tags": {"tag_with_synonyms", "make_canonical", "make_synonym", "find_tags", "fandom_index"},
    "users": {
        "register",
        "ensure_account",
        "get_account",
        "account_by_name",
        "login",
        "session_account",
        "logout",
        "forget_expired_sessions",
        "set_comment_policy",
    },
    "comments": {
        "add_comment",
        "list_comments",
        "held_comments",
        "release_comment",
        "hold_comment",
        "delete_comment",
        "edit_comment",
    },
    "community": {"add_kudos", "kudos_givers", "bookmark", "remove_bookmark", "bookmarks"},
    "reading": {
        "record_reading",
        "mark_read",
        "forget_reading",
        "history",
        "save_filter",
        "remove_filter",
        "saved_filters",
    },
    "index_queue": {"enqueue_reindex", "enqueue_all", "claim_reindex_batch", "finish_reindex", "pending_reindex"},
    "index_documents": {"works_for_index", "iter_work_ids"},
}


def test_every_documented_function_exists_and_takes_the_store_first() -> None:
    doc = (REPO / "docs" / "store.md").read_text(encoding="utf-8")
    for module_name, names in API.items():
        module = importlib.import_module(f"ficshelf.store.{module_name}")
        for name in names:
            function = getattr(module, name)
            assert next(iter(inspect.signature(function).parameters)) == "store", name
            assert name in doc, f"{module_name}.{name} is not in docs/store.md"
