"""The exception tree. Every error a user can see has a stable code and a one-line message.

Codes are never reused; docs/errors.md lists them all (a test checks that it does).
"""

from __future__ import annotations


class FicshelfError(Exception):
    """Base of every ficshelf error; ``code`` is stable, ``str(err)`` is one line for a person."""

    code = "FS000"

    def __init__(self, message: str) -> None:
        super().__init__(message.replace("\n", " "))

    def line(self, where: str = "") -> str:
        prefix = f"{where}: " if where else ""
        return f"{prefix}error {self.code}: {self}"


class InputError(FicshelfError):
    """A file or record that cannot be imported."""

    code = "FS100"


class EmptyInput(InputError):
    code = "FS101"


class BinaryInput(InputError):
    code = "FS102"


class UndecodableText(InputError):
    code = "FS103"


class InputTooLarge(InputError):
    code = "FS104"


class UnknownFormat(InputError):
    code = "FS105"


class BrokenArchive(InputError):
    """A zip or EPUB that cannot be read: truncated, corrupt, or missing required parts."""

    code = "FS106"


class ArchiveBomb(InputError):
    """A zip or EPUB whose members expand past the limits (a zip bomb)."""

    code = "FS107"


class BadRecord(InputError):
    """A JSONL line that is not a JSON object with ``id`` and ``text`` or ``text_html``."""

    code = "FS108"


class NotAWork(InputError):
    """An HTML page of a known archive that holds no work (a tag page, a search page)."""

    code = "FS109"


class MissingPath(InputError):
    code = "FS110"


class EvalError(FicshelfError):
    code = "FS200"


class AnalysisFailed(FicshelfError):
    """An analyser raised on one work (a bug to report); the other works are still analysed."""

    code = "FS400"


class KnowledgeBaseError(FicshelfError):
    """A fandom data file that does not load."""

    code = "FS300"


class ExportError(FicshelfError):
    """A work that cannot be exported, or a catalogue feed that cannot be built."""

    code = "FS650"


class BadFeedPage(ExportError):
    """An OPDS listing page that does not exist (below 1 or past the last page)."""

    code = "FS651"


class NothingToExport(ExportError):
    """``ficshelf export`` was given a file that holds no work, or more than one."""

    code = "FS652"


class StoreError(FicshelfError):
    """The archive's database refused or could not do what was asked."""

    code = "FS500"


class NotFound(StoreError):
    """A work, chapter, comment, tag or account that does not exist or that this viewer may not see."""

    code = "FS501"


class NotAllowed(StoreError):
    """An action on something the acting account does not own (editing another's work or comment)."""

    code = "FS502"


class NameTaken(StoreError):
    code = "FS503"


class BadLogin(StoreError):
    code = "FS504"


class LoginThrottled(StoreError):
    code = "FS505"


class InvalidValue(StoreError):
    """A value the store does not accept (an empty title, an unknown tag kind or sort, a bad page number)."""

    code = "FS506"


class SchemaOutdated(StoreError):
    """The database was made by an older or newer ficshelf; ``ficshelf db upgrade`` brings it to the current schema."""

    code = "FS507"


class WorkNotStored(StoreError):
    """The database refused one work of an import (a value too long for a column, say); the others are kept."""

    code = "FS508"


class LearnError(FicshelfError):
    """``ficshelf learn`` has nothing to learn from, or cannot write what it learned."""

    code = "FS310"


class StaleHint(FicshelfError):
    """A beta hint that no longer matches the text it is applied to, or has no such suggestion."""

    code = "FS800"


class SearchError(FicshelfError):
    """Search could not run: the base of the search errors."""

    code = "FS600"


class QuerySyntaxError(SearchError):
    """A search query that does not parse; ``position`` is the 0-based character offset of the problem."""

    code = "FS601"

    def __init__(self, message: str, position: int) -> None:
        super().__init__(f"{message} (at character {position + 1})")
        self.position = position


class QueryTooComplex(SearchError):
    """A search query past the length or clause limits."""

    code = "FS602"


class SearchIndexError(SearchError):
    """A search index that cannot be opened or written (missing, from another version, or corrupt)."""

    code = "FS603"


class WebError(FicshelfError):
    """A web request the archive refuses (the base of the web errors)."""

    code = "FS700"


class CsrfRefused(WebError):
    """A state-changing request without the form's CSRF token (or with a stale one)."""

    code = "FS701"


class LoginRequired(WebError):
    """A page or action only a logged-in account may use."""

    code = "FS702"


class DraftExpired(WebError):
    """A posting preview that no longer exists (published already, too old, or another account's)."""

    code = "FS703"


class BatchError(FicshelfError):
    """``ficshelf batch`` cannot run: Ray is missing or unreachable, or an output folder is not its own."""

    code = "FS900"


class BatchOutputError(BatchError):
    """A batch output folder that cannot be used: written with other shard settings, or unreadable annotations."""

    code = "FS901"


class RayUnavailable(BatchError):
    """Ray is not installed (``pip install 'ficshelf[batch]'``) or the cluster address cannot be reached."""

    code = "FS902"


ALL_ERRORS: tuple[type[FicshelfError], ...] = (
    FicshelfError,
    InputError,
    EmptyInput,
    BinaryInput,
    UndecodableText,
    InputTooLarge,
    UnknownFormat,
    BrokenArchive,
    ArchiveBomb,
    BadRecord,
    NotAWork,
    MissingPath,
    EvalError,
    KnowledgeBaseError,
    AnalysisFailed,
    ExportError,
    BadFeedPage,
    NothingToExport,
    StoreError,
    NotFound,
    NotAllowed,
    NameTaken,
    BadLogin,
    LoginThrottled,
    InvalidValue,
    SchemaOutdated,
    WorkNotStored,
    LearnError,
    StaleHint,
    SearchError,
    QuerySyntaxError,
    QueryTooComplex,
    SearchIndexError,
    WebError,
    CsrfRefused,
    LoginRequired,
    DraftExpired,
    BatchError,
    BatchOutputError,
    RayUnavailable,
)
