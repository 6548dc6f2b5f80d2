"""The text format of ``ficshelf analyze``: a report a person reads."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ficshelf.analysis.doc import Doc
from ficshelf.analysis.output import doc_to_json

_console = Console(highlight=False, soft_wrap=False)


def print_report(doc: Doc, console: Console | None = None) -> None:
    console = console or _console
    data = doc_to_json(doc)
    st = data["structure"]
    stats = data["stats"]
    title = data["title"] or data["id"]
    console.rule(f"[bold]{escape(title)}[/]")
    console.print(f"[dim]{escape(data['source'])}[/]")
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="bold")
    facts.add_column()
    facts.add_row("Language", data["language"])
    facts.add_row("Words", f"{stats['words']:,}  (about {stats['reading_minutes']} min to read)")
    facts.add_row("Dialogue", f"{stats['dialogue_share']:.0%} of words")
    facts.add_row("Chapters", _chapters(st["chapters"]) or "one, no heading")
    facts.add_row("Scene breaks", str(st["scene_breaks"]))
    facts.add_row("POV / section headers", ", ".join(escape(h) for h in st["section_headers"]) or "none")
    fandoms = ", ".join(f"{f['name']} ({f['score']:.2f})" for f in data["fandoms"])
    facts.add_row("Fandom", escape(fandoms) or "not recognised")
    main = [c["name"] for c in data["characters"] if c["role"] == "main"]
    mentioned = [c["name"] for c in data["characters"] if c["role"] == "mentioned"]
    facts.add_row("Main characters", escape(", ".join(main)) or "none found")
    facts.add_row("Also mentioned", escape(", ".join(mentioned)) or "none")
    rels = [f"{r['tag']} ({r['role']})" for r in data["relationships"]]
    facts.add_row("Relationships", escape(", ".join(rels)) or "none found")
    facts.add_row("Suggested category", ", ".join(data["category"]))
    facts.add_row("Suggested rating", data["rating"])
    facts.add_row("Suggested warnings", ", ".join(data["archive_warnings"]))
    facts.add_row("Suggested tags", escape(", ".join(data["freeforms"])) or "none")
    for kind, names in data.get("author_tags", {}).items():
        facts.add_row(f"Author's {kind} tags", escape(", ".join(names)))
    console.print(facts)
    _notes(console, "Author's notes before the story", st["notes_beginning"])
    _notes(console, "Author's notes after the story", st["notes_end"])
    if st["lyric_blocks"]:
        console.print("[bold]Song lyrics / poems[/]")
        for block in st["lyric_blocks"]:
            console.print(f"  ♪ {escape(block['first_line'])} … ({block['lines']} lines)")
    console.print()


def _chapters(chapters: list[dict[str, object]]) -> str:
    return "; ".join(f"{c['number']}. {c['title']}".rstrip(". ") for c in chapters)


def _notes(console: Console, label: str, notes: list[str]) -> None:
    if not notes:
        return
    console.print(f"[bold]{label}[/]")
    for note in notes:
        short = note if len(note) <= 300 else note[:297] + "…"
        console.print(f"  » {escape(short)}")
