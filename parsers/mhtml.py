"""Web archives (.mht, .mhtml): Word's "Single File Web Page" save and a browser's "web page,
single file". A MIME message (RFC 2557) holds the page as its HTML part, quoted-printable or
base64, beside the page's pictures; the HTML reader reads that part, and a picture the page
names (by the part's Content-Location, relative to the page's, or by cid:) is that part's.
Places are lines of the page's HTML, as in an .html file.
"""
from __future__ import annotations

import codecs
import email.parser
import email.policy
import posixpath
import urllib.parse
from email.message import Message
from pathlib import Path

from parsers.blocks import ParsedDocument, Problem, UnreadableFile
from parsers.html import html_document
from parsers.html_charset import decode_html
from parsers.html_symbols import MAX_PICTURE_BYTES, Fetch, Pictures


def _page(message: Message) -> Message | None:
    """The archive's page: the part its root names (the start parameter), else its first HTML part."""
    parts = [part for part in message.walk() if part.get_content_type() == "text/html"]
    start = str(message.get_param("start") or "").strip()
    named = [part for part in parts if start and str(part.get("Content-ID", "")).strip() == start]
    return next(iter(named or parts), None)


def _decoded(page: Message) -> tuple[str, list[Problem]]:
    payload = page.get_payload(decode=True)
    raw = payload if isinstance(payload, bytes) else b""  # a damaged part reads as an empty page
    declared = page.get_content_charset()
    try:
        known = declared is not None and codecs.lookup(declared) is not None
    except LookupError:
        known = False
    if not known:
        return decode_html(raw)  # the page's own <meta> charset, or what its bytes are
    try:
        return raw.decode(str(declared)), []
    except UnicodeDecodeError:
        return decode_html(raw)


def _location(part: Message, base: str = "") -> str:
    return urllib.parse.urljoin(base, str(part.get("Content-Location", "")).strip())


def _pictures(message: Message, page: Message) -> Fetch:
    """The archive's pictures by the addresses the page gives them."""
    base = _location(page)
    located: dict[str, Message] = {}
    for part in message.walk():
        if part.get_content_maintype() == "image":
            if location := _location(part):
                located[posixpath.normpath(urllib.parse.urlsplit(location).path)] = part
            if content_id := str(part.get("Content-ID", "")).strip().strip("<>"):
                located["cid:" + content_id] = part

    def fetch(src: str) -> bytes | None:
        address = urllib.parse.urljoin(base, src)
        key = src if src.startswith("cid:") else posixpath.normpath(urllib.parse.urlsplit(address).path)
        part = located.get(key)
        data = part.get_payload(decode=True) if part is not None else None
        return data if isinstance(data, bytes) and len(data) <= MAX_PICTURE_BYTES else None

    return fetch


def read_mhtml(path: Path) -> ParsedDocument:
    with path.open("rb") as handle:
        message = email.parser.BytesParser(policy=email.policy.compat32).parse(handle)
    page = _page(message)
    if page is None:
        raise UnreadableFile("empty_html", "the web archive holds no HTML page (no text/html part): check that "
                                           "it was saved completely")
    return html_document(*_decoded(page), Pictures(_pictures(message, page)))
