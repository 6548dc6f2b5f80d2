"""The one sanitiser for user-supplied text: notes, summaries and comments can never run script."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from ficshelf.html_safety import clean_html, looks_like_html, plain_text, text_to_html, user_html

ATTACKS = [
    '<script>alert("x")</script>',
    '<img src="x" onerror="alert(1)">',
    '<p onclick="alert(1)">click</p>',
    '<a href="javascript:alert(1)">link</a>',
    '<a href="JaVaScRiPt:alert(1)">link</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">link</a>',
    "<svg><script>alert(1)</script></svg>",
    '<iframe src="https://evil.example"></iframe>',
    '<style>body{background:url("javascript:alert(1)")}</style>',
    '<div style="background:url(javascript:alert(1))">x</div>',
    '<form action="https://evil.example"><input name="password"></form>',
    "<<script>script>alert(1)<</script>/script>",
    '<math><mtext><table><mglyph><style><img src=x onerror="alert(1)">',
]


@pytest.mark.parametrize("attack", ATTACKS)
def test_no_script_survives(attack: str) -> None:
    out = user_html(f"<p>Thanks for reading!</p>{attack}")
    tree = lxml_html.fragment_fromstring(out, create_parent="div")
    assert not tree.xpath("//script|//iframe|//style|//form|//input|//img|//svg|//math")
    for element in tree.iter():
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), name
            assert name != "style"
            assert not value.strip().lower().startswith(("javascript:", "data:")), value


def test_formatting_and_safe_links_are_kept() -> None:
    out = clean_html('<p><em>Thanks</em> to <strong>my beta</strong>, see <a href="https://example.org/x">this</a></p>')
    assert "<em>Thanks</em>" in out and "<strong>my beta</strong>" in out
    assert 'href="https://example.org/x"' in out and 'rel="nofollow noopener noreferrer"' in out


def test_unsafe_link_keeps_its_words_without_the_anchor() -> None:
    assert clean_html('<a href="javascript:alert(1)">read me</a>') == "read me"


def test_plain_text_becomes_escaped_paragraphs() -> None:
    assert not looks_like_html("I <3 this pairing & Tom > Jerry")
    assert text_to_html("First line\nsecond line\n\nI <3 you") == "<p>First line<br>second line</p><p>I &lt;3 you</p>"
    assert user_html("   ") == ""


def test_plain_text_strips_tags_for_feeds_and_metadata() -> None:
    assert plain_text("<p>One <b>bold</b> move.</p><script>alert(1)</script>") == "One bold move."
    assert plain_text("no tags & fine") == "no tags & fine"
