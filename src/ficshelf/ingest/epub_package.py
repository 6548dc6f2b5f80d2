"""An EPUB's package, read safely: container → OPF → Dublin Core, spine, guide, NCX and nav labels.

Every member is read through ``safe_zip`` (limits checked before anything is inflated), and every XML file
is parsed without DTDs, network access or entity expansion: an entity an EPUB declares itself (XXE, billion
laughs) is dropped, while HTML's named entities (``&eacute;``) become their characters. Spine documents are
parsed as XML, then handed to the HTML parser, so ``<script/>`` cannot swallow the rest of a page.
"""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass, field
from html.entities import html5
from urllib.parse import unquote

from lxml import etree
from selectolax.lexbor import LexborHTMLParser

from ficshelf.errors import BrokenArchive, FicshelfError
from ficshelf.ingest import safe_zip
from ficshelf.ingest.decode import decode_bytes
from ficshelf.ingest.epub_meta import clean
from ficshelf.ingest.html_text import parse_html

OPS_NS = "http://www.idpf.org/2007/ops"
OPF_NS = "http://www.idpf.org/2007/opf"
DC_NS = "http://purl.org/dc/elements/1.1/"
_NCX_TYPE = "application/x-dtbncx+xml"
_GUIDE_SKIP = frozenset({"cover", "toc", "title-page", "copyright-page"})


@dataclass(slots=True)
class SpineItem:
    path: str
    item_id: str
    media_type: str
    properties: str = ""
    linear: bool = True


@dataclass(slots=True)
class Package:
    """What the OPF says: Dublin Core metadata (local name → values), reading order and chapter labels."""

    dc: dict[str, list[str]] = field(default_factory=dict)
    spine: list[SpineItem] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)
    front_matter: set[str] = field(default_factory=set)


def load_package(archive: zipfile.ZipFile) -> Package:
    container = parse_xml(read_member(archive, "META-INF/container.xml", "its container"), "META-INF/container.xml")
    rootfiles = [el.get("full-path") or "" for el in _iter(container, "rootfile")]
    opf_path = next((unquote(p).lstrip("/") for p in rootfiles if p), "")
    if not opf_path:
        raise BrokenArchive("the EPUB's META-INF/container.xml names no package (OPF) file")
    opf = parse_xml(read_member(archive, opf_path, "its package file"), opf_path)
    base = posixpath.dirname(opf_path)
    package = Package(dc=_dublin_core(opf))
    manifest: dict[str, SpineItem] = {}
    for el in _iter(opf, "item"):
        href, item_id = el.get("href") or "", el.get("id") or ""
        if href and item_id:
            manifest[item_id] = SpineItem(
                _resolve(base, href),
                item_id,
                (el.get("media-type") or "").lower(),
                el.get("properties") or "",
            )
    for ref in _iter(opf, "itemref"):
        found = manifest.get(ref.get("idref") or "")
        if found is not None:
            linear = (ref.get("linear") or "yes").lower() != "no"
            package.spine.append(SpineItem(found.path, found.item_id, found.media_type, found.properties, linear))
    if not package.spine:
        raise BrokenArchive(f"the EPUB's package file {opf_path!r} lists no readable spine")
    for ref in _iter(opf, "reference"):
        if (ref.get("type") or "").lower() in _GUIDE_SKIP and ref.get("href"):
            package.front_matter.add(_resolve(base, ref.get("href") or ""))
    for item in manifest.values():
        if "nav" in item.properties.split():
            _nav_labels(archive, item.path, package.labels)
    for item in manifest.values():
        if item.media_type == _NCX_TYPE:
            _ncx_labels(archive, item.path, package.labels)
    return package


def _dublin_core(opf: etree._Element) -> dict[str, list[str]]:
    roles = {
        (el.get("refines") or "").lstrip("#"): (el.text or "").strip()
        for el in _iter(opf, "meta")
        if el.get("property") == "role"
    }
    dc: dict[str, list[str]] = {}
    for el in opf.iter(etree.Element):
        name = etree.QName(el)
        if name.namespace != DC_NS:
            continue
        role = el.get(f"{{{OPF_NS}}}role") or roles.get(el.get("id") or "", "")
        if name.localname == "creator" and role not in ("", "aut"):
            continue
        value = _text(el).strip() if name.localname == "description" else clean(_text(el))
        if value:
            dc.setdefault(name.localname, []).append(value)
    return dc


def _ncx_labels(archive: zipfile.ZipFile, path: str, labels: dict[str, str]) -> None:
    try:
        ncx = parse_xml(read_member(archive, path, "its NCX"), path)
    except FicshelfError:
        return  # labels are a nicety: a chapter's own heading still names it
    base = posixpath.dirname(path)
    for point in _iter(ncx, "navPoint"):
        label = next((clean(_text(t)) for t in _iter(point, "text")), "")
        src = next((c.get("src") or "" for c in _iter(point, "content")), "")
        if label and src:
            labels.setdefault(_resolve(base, src), label)


def _nav_labels(archive: zipfile.ZipFile, path: str, labels: dict[str, str]) -> None:
    try:
        nav = parse_xml(read_member(archive, path, "its navigation document"), path)
    except FicshelfError:
        return
    base = posixpath.dirname(path)
    navs = list(_iter(nav, "nav"))
    tocs = [n for n in navs if "toc" in (n.get(f"{{{OPS_NS}}}type") or "").split()] or navs
    for toc in tocs:
        for link in _iter(toc, "a"):
            label, href = clean(_text(link)), link.get("href") or ""
            if label and href:
                labels.setdefault(_resolve(base, href), label)


def parse_xml(data: bytes, name: str) -> etree._Element:
    """Parse an EPUB's XML without DTDs, network or entity expansion; raise BrokenArchive when malformed."""
    try:
        root = etree.fromstring(data, xml_parser())
    except etree.XMLSyntaxError as err:
        raise BrokenArchive(f"{name} in the EPUB is not well-formed XML: {err}") from None
    _replace_entities(root)
    return root


def xml_parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False, remove_pis=True)


def _replace_entities(root: etree._Element) -> None:
    """HTML named entities become their characters; any other entity reference is dropped, never loaded."""
    for entity in list(root.iter(etree.Entity)):
        text = html5.get(f"{(entity.text or '').strip('&;')};", "") + (entity.tail or "")
        parent = entity.getparent()
        if parent is None:
            continue
        previous = entity.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + text
        else:
            parent.text = (parent.text or "") + text
        parent.remove(entity)


def xhtml_tree(data: bytes) -> LexborHTMLParser:
    """A spine document as an HTML tree: XHTML goes through the XML parser first; broken XML is read as
    HTML, like a browser would."""
    try:
        root = etree.fromstring(data, xml_parser())
    except etree.XMLSyntaxError:
        try:
            return parse_html(decode_bytes(data))
        except FicshelfError:
            return parse_html("")
    _replace_entities(root)
    for el in root.iter(etree.Element):
        el.tag = etree.QName(el).localname
        for key in [k for k in el.attrib if str(k).startswith("{")]:
            value = el.attrib.pop(key)
            if etree.QName(key).namespace == OPS_NS:
                el.attrib[f"epub-{etree.QName(key).localname}"] = value
    etree.cleanup_namespaces(root)
    return parse_html(etree.tostring(root, method="html", encoding="unicode"))


def _text(el: etree._Element) -> str:
    return "".join(str(part) for part in el.itertext())


def _iter(root: etree._Element, localname: str) -> list[etree._Element]:
    return [el for el in root.iter(etree.Element) if etree.QName(el).localname == localname]


def _resolve(base: str, href: str) -> str:
    path = unquote(href.split("#", 1)[0])
    return posixpath.normpath(posixpath.join(base, path)) if path else ""


def read_member(archive: zipfile.ZipFile, path: str, what: str) -> bytes:
    name = path
    try:
        archive.getinfo(path)
    except KeyError:
        lowered = path.lower()
        name = next((n for n in archive.namelist() if n.lower() == lowered), "")
    if not name:
        raise BrokenArchive(f"the EPUB is missing {what} {path!r}")
    return safe_zip.read_member(archive, name)
