"""Generate docs/cli.md (from every command's --help) and docs/settings.md (from Settings).

Run ``python -m ficshelf.cli.reference`` after changing a command or a setting; a test fails while the
committed files differ from what this writes.
"""

from __future__ import annotations

from pathlib import Path

import click

from ficshelf.settings import Settings


def cli_reference() -> str:
    from ficshelf.cli.main import cli

    lines = ["# Command reference", "", "Generated from `--help` by `python -m ficshelf.cli.reference`.", ""]
    for path, command in _walk(cli, ["ficshelf"]):
        settings = {"terminal_width": 100, "max_content_width": 100, "help_option_names": ["-h", "--help"]}
        with click.Context(command, info_name=" ".join(path), **settings) as ctx:  # type: ignore[arg-type]
            lines += [f"## `{' '.join(path)}`", "", "```", command.get_help(ctx), "```", ""]
    return "\n".join(lines)


def _walk(command: click.Command, path: list[str]) -> list[tuple[list[str], click.Command]]:
    found = [(path, command)]
    if isinstance(command, click.Group):
        for name in sorted(command.commands):
            found += _walk(command.commands[name], [*path, name])
    return found


def settings_reference() -> str:
    lines = [
        "# Settings",
        "",
        "Every setting has a default and can be changed by an environment variable with the prefix `FICSHELF_`.",
        "Generated from `ficshelf.settings.Settings` by `python -m ficshelf.cli.reference`.",
        "",
        "| environment variable | default | what it does |",
        "|---|---|---|",
    ]
    for name, field in Settings.model_fields.items():
        default = field.default
        shown = "(none)" if default is None else f"`{default}`"
        lines.append(f"| `FICSHELF_{name.upper()}` | {shown} | {field.description} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    docs = Path(__file__).resolve().parents[3] / "docs"
    (docs / "cli.md").write_text(cli_reference(), encoding="utf-8")
    (docs / "settings.md").write_text(settings_reference(), encoding="utf-8")


if __name__ == "__main__":
    main()
