"""Small helpers for hand-written SVG: escaping, numbers, and the accessible root element."""

from __future__ import annotations

from html import escape

SVG_NS = "http://www.w3.org/2000/svg"


def esc(text: str) -> str:
    """Text or attribute value, escaped for XML (quotes included)."""
    return escape(text, quote=True)


def num(value: float) -> str:
    """A coordinate with at most two decimals and no trailing zeros."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def document(width: int, height: int, ident: str, title: str, desc: str, body: list[str], css: str) -> str:
    """An SVG document with ``role="img"``, a ``<title>`` and ``<desc>`` that screen readers announce."""
    return "\n".join(
        [
            f'<svg xmlns="{SVG_NS}" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
            f'aria-labelledby="{ident}-title {ident}-desc" class="ficshelf-picture">',
            f'<title id="{ident}-title">{esc(title)}</title>',
            f'<desc id="{ident}-desc">{esc(desc)}</desc>',
            f"<style>{css}</style>",
            *body,
            "</svg>",
            "",
        ]
    )
