"""Markdown and HTML inputs: what is checked, what is not, and the metadata they carry.

Markup is taken out of the text before checking and every span is mapped back
to the exact characters of the file (:class:`~newsqa.sourcemap.SourceMap`).
Never checked: code blocks and code spans, front matter, URLs (links keep their
words, lose their targets), HTML tags with their attributes, comments, and the
content of ``head``, ``script``, ``style``, ``pre``, ``code`` and similar
elements. Entities such as ``&amp;`` and ``&rsquo;`` are checked as the
character they stand for.

Also read here:

* the publication date: Markdown front matter ``published:`` or ``date:``
  (YAML or TOML), HTML ``<meta property="article:published_time">``,
  ``datePublished`` in JSON-LD or as microdata;
* inline suppressions, ``<!-- newsqa: ignore NQ201 NQ305 -->`` (no codes:
  every code), which leave out findings in the paragraph that follows.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from collections.abc import Iterator
from pathlib import PurePath
from typing import Any

import attrs
import regex

from newsqa.sourcemap import Edit, SourceMap, apply_edits

__all__ = ["MARKUP_KINDS", "Prepared", "Suppression", "kind_for_path", "prepare"]

#: The kinds of input newsqa reads.
MARKUP_KINDS = ("text", "markdown", "html")

_EXTENSIONS = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".mkd": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}


def kind_for_path(path: str | PurePath) -> str:
    """The markup kind of a file by its extension: ``markdown``, ``html`` or ``text``."""
    return _EXTENSIONS.get(PurePath(path).suffix.lower(), "text")


@attrs.frozen
class Suppression:
    """An inline ``newsqa: ignore`` comment: ``codes`` (empty: all) for the paragraph after ``offset``.

    ``offset`` is in the checked text.
    """

    offset: int
    codes: tuple[str, ...]


@attrs.frozen
class Prepared:
    """A file ready for checking: the checked text, its map back to the file, and what the markup said."""

    kind: str
    source: SourceMap
    published: dt.date | None = None
    suppressions: tuple[Suppression, ...] = ()
    warnings: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        """The text the checks read."""
        return self.source.checked


def prepare(text: str, kind: str = "text") -> Prepared:
    """Strip the markup of ``kind`` from ``text`` for checking."""
    if kind == "text":
        return Prepared(kind="text", source=SourceMap.identity(text))
    if kind not in MARKUP_KINDS:
        raise ValueError(f"unknown markup kind {kind!r}; known: {', '.join(MARKUP_KINDS)}")
    scan = _Scan(text)
    if kind == "markdown":
        scan.markdown()
    else:
        scan.html_document()
    source = apply_edits(text, scan.edits)
    suppressions = tuple(
        Suppression(offset=source.to_checked(offset), codes=codes) for offset, codes in scan.suppressions
    )
    published, warnings = _first_date(scan.dates)
    return Prepared(kind=kind, source=source, published=published, suppressions=suppressions, warnings=warnings)


def _first_date(candidates: list[tuple[str, str]]) -> tuple[dt.date | None, tuple[str, ...]]:
    warnings: list[str] = []
    for where, value in candidates:
        match = _ISO_DATE.match(value.strip().strip("\"'"))
        if match is not None:
            try:
                return dt.date.fromisoformat(match.group()), tuple(warnings)
            except ValueError:
                pass
        warnings.append(f"{where} {value.strip()!r} is not a date in the form YYYY-MM-DD; ignored")
    return None, tuple(warnings)


_ISO_DATE = regex.compile(r"\d{4}-\d{2}-\d{2}(?=$|[T ]|\s)")
_NOT_LINE_BREAK = regex.compile(r"[^\r\n]+")
_LINE = regex.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_URL = regex.compile(r"""\b(?:https?://|ftp://|www\.)[^\s<>"'`]+[^\s<>"'`.,;:!?)\]}]""", regex.IGNORECASE)
_ENTITY = regex.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_COMMENT = regex.compile(r"<!--(.*?)(?:-->|\Z)", regex.DOTALL)
_SUPPRESS = regex.compile(r"^\s*newsqa\s*:\s*ignore\b([\sA-Za-z0-9_,]*)$")
_WRAPPED_LINE_BREAK = regex.compile(r"(?<![ \t])[ \t]*+(?:\r\n|\r|\n)\s*+")
_ATTRIBUTE = regex.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")
# Possessive and bounded, and "<" ends a name or an unquoted value, so a stray "<"
# in text costs a short scan, never one to the end of the document.
_TAG = regex.compile(
    r"""<(/?)([A-Za-z][A-Za-z0-9:-]*+)"""
    r"""((?:\s++[^\s"'<>/=]++(?:\s*+=\s*+(?:"[^"]{0,4096}+"|'[^']{0,4096}+'|[^\s"'=<>`]++))?+)*+)\s*+/?>"""
)
_DECLARATION = regex.compile(r"<!\[CDATA\[.*?(?:\]\]>|\Z)|<![A-Za-z][^<>]*+>|<\?.*?(?:\?>|\Z)", regex.DOTALL)

# Elements whose content is never prose to check.
_SKIPPED_ELEMENTS = frozenset(
    {"head", "script", "style", "pre", "code", "kbd", "samp", "var", "noscript", "template", "svg", "math", "iframe"}
)
# Elements that start a new paragraph in the checked text.
_BLOCK_ELEMENTS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "caption", "dd", "div", "dl", "dt",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
        "html", "li", "main", "nav", "ol", "p", "section", "table", "tbody", "td", "tfoot", "th",
        "thead", "title", "tr", "ul",
    }
)  # fmt: skip
_INLINE_SKIPPED = frozenset({"code", "kbd", "samp", "var"})
_PARAGRAPH_BREAK = "\n\n"


class _Scan:
    """Collects the edits that strip markup, plus dates and suppressions found on the way."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.edits: list[Edit] = []
        self.suppressions: list[tuple[int, tuple[str, ...]]] = []
        self.dates: list[tuple[str, str]] = []

    # -- shared -------------------------------------------------------------------------

    def drop(self, start: int, end: int) -> None:
        if end > start:
            self.edits.append(Edit(start, end))

    def blank(self, start: int, end: int) -> None:
        """Drop a region but keep its line breaks, so the lines around it stay apart."""
        for run in _NOT_LINE_BREAK.finditer(self.text, start, end):
            self.drop(run.start(), run.end())

    def comment(self, match: regex.Match[str]) -> None:
        self.blank(match.start(), match.end())
        directive = _SUPPRESS.match(match.group(1))
        if directive is not None:
            codes = tuple(code.upper() for code in regex.split(r"[\s,]+", directive.group(1)) if code)
            self.suppressions.append((match.end(), codes))

    def entities_and_urls(self, start: int, end: int) -> None:
        for match in _URL.finditer(self.text, start, end):
            self.drop(match.start(), match.end())
        for match in _ENTITY.finditer(self.text, start, end):
            decoded = html.unescape(match.group())
            if decoded != match.group():
                self.edits.append(Edit(match.start(), match.end(), decoded))

    # -- HTML ---------------------------------------------------------------------------

    def html_document(self) -> None:
        self.html(0, len(self.text), collapse_whitespace=True)

    def html(self, start: int, end: int, *, collapse_whitespace: bool) -> None:
        """Strip tags, comments and skipped elements from ``text[start:end]``."""
        text = self.text
        position = start
        while position < end:
            lt = text.find("<", position, end)
            if lt < 0:
                lt = end
            self._html_text(position, lt, collapse_whitespace)
            if lt >= end:
                break
            comment = _COMMENT.match(text, lt, end) if text.startswith("<!--", lt) else None
            if comment is not None:
                self.comment(comment)
                position = comment.end()
                continue
            declaration = _DECLARATION.match(text, lt, end)
            if declaration is not None:
                self.blank(declaration.start(), declaration.end())
                position = declaration.end()
                continue
            tag = _TAG.match(text, lt, end)
            if tag is None:
                position = lt + 1  # a lone "<" is text
                continue
            position = self._html_tag(tag, end)

    def _html_tag(self, tag: regex.Match[str], end: int) -> int:
        closing, name = tag.group(1) == "/", tag.group(2).lower()
        if closing:
            self._tag_edit(tag, name)
            return tag.end()
        self._metadata(tag)
        if name not in _SKIPPED_ELEMENTS or tag.group().endswith("/>"):
            self._tag_edit(tag, name)
            return tag.end()
        close = regex.compile(rf"</{regex.escape(name)}\s*>", regex.IGNORECASE).search(self.text, tag.end(), end)
        content_end = close.start() if close else end
        skipped_end = close.end() if close else end
        if name == "script":
            self._json_ld(tag, content_end)
        elif name == "head":
            self._metadata_in(tag.end(), content_end)
        if name in _INLINE_SKIPPED:
            self.drop(tag.start(), skipped_end)
        else:
            self.edits.append(Edit(tag.start(), skipped_end, _PARAGRAPH_BREAK))
        return skipped_end

    def _tag_edit(self, tag: regex.Match[str], name: str) -> None:
        if name == "br":
            self.edits.append(Edit(tag.start(), tag.end(), "\n"))
        elif name in _BLOCK_ELEMENTS:
            self.edits.append(Edit(tag.start(), tag.end(), _PARAGRAPH_BREAK))
        else:
            self.drop(tag.start(), tag.end())

    def _metadata_in(self, start: int, end: int) -> None:
        """Read the metadata tags of a region that is not checked (the document head)."""
        position = start
        while position < end:
            lt = self.text.find("<", position, end)
            if lt < 0:
                return
            comment = _COMMENT.match(self.text, lt, end) if self.text.startswith("<!--", lt) else None
            if comment is not None:
                position = comment.end()
                continue
            tag = _TAG.match(self.text, lt, end)
            if tag is None or tag.group(1):
                position = lt + 1
                continue
            self._metadata(tag)
            if tag.group(2).lower() == "script":
                close = regex.compile(r"</script\s*>", regex.IGNORECASE).search(self.text, tag.end(), end)
                self._json_ld(tag, close.start() if close else end)
                position = close.end() if close else end
            else:
                position = tag.end()

    def _html_text(self, start: int, end: int, collapse_whitespace: bool) -> None:
        if end <= start:
            return
        self.entities_and_urls(start, end)
        if collapse_whitespace:
            # HTML wraps lines anywhere: a line break inside a paragraph is a space.
            for match in _WRAPPED_LINE_BREAK.finditer(self.text[start:end]):
                self.edits.append(Edit(start + match.start(), start + match.end(), " "))

    def _metadata(self, tag: regex.Match[str]) -> None:
        attributes = _attributes(tag.group(3))
        key = attributes.get("property") or attributes.get("name") or attributes.get("itemprop") or ""
        value = attributes.get("content") or attributes.get("datetime")
        if key.lower() in ("article:published_time", "datepublished") and value:
            self.dates.append((f"HTML {key}", value))

    def _json_ld(self, tag: regex.Match[str], content_end: int) -> None:
        attributes = _attributes(tag.group(3))
        if attributes.get("type", "").lower() != "application/ld+json":
            return
        try:
            data = json.loads(self.text[tag.end() : content_end])
        except ValueError:
            return
        for value in _find_key(data, "datePublished"):
            if isinstance(value, str):
                self.dates.append(("JSON-LD datePublished", value))

    # -- Markdown -----------------------------------------------------------------------

    def markdown(self) -> None:
        text = self.text
        lines = [(m.start(), m.end()) for m in _LINE.finditer(text) if m.end() > m.start()]
        index = self._front_matter(lines)
        fence: tuple[str, int] | None = None
        fence_start = 0
        previous_blank = True
        prose: list[tuple[int, int]] = []
        while index < len(lines):
            start, end = lines[index]
            content = text[start:end].rstrip("\r\n")
            content_end = start + len(content)
            index += 1
            if fence is not None:
                closer = _FENCE.match(content)
                if (
                    closer
                    and closer.group(2)[0] == fence[0]
                    and len(closer.group(2)) >= fence[1]
                    and not closer.group(3).strip()
                ):
                    self.blank(fence_start, content_end)
                    fence = None
                continue
            opener = _FENCE.match(content)
            if opener is not None:
                fence, fence_start = (opener.group(2)[0], len(opener.group(2))), start
                continue
            if not content.strip():
                previous_blank = True
                continue
            if previous_blank and _INDENTED_CODE.match(content):
                self.blank(start, content_end)
                continue  # an indented code block continues while lines stay indented
            previous_blank = False
            opening = text.find("<!--", start, content_end)
            if opening >= 0 and text.find("-->", opening, content_end) < 0:
                # A comment running over several lines: none of it is prose.
                comment = _COMMENT.match(text, opening)
                assert comment is not None  # the pattern also matches an unclosed comment
                self.comment(comment)
                if opening > start:
                    prose.append((self._line_prefix(start, opening), opening))
                while index < len(lines) and lines[index][0] < comment.end():
                    index += 1
                continue
            if _RULE_LINE.match(content) or _LINK_DEFINITION.match(content) or _TABLE_DELIMITER.match(content):
                self.blank(start, content_end)
                continue
            prose.append((self._line_prefix(start, content_end), content_end))
        if fence is not None:
            self.blank(fence_start, len(text))  # an unclosed fence runs to the end
        for start, end in prose:
            self._markdown_inline(start, end)

    def _front_matter(self, lines: list[tuple[int, int]]) -> int:
        if not lines:
            return 0
        first = self.text[lines[0][0] : lines[0][1]].rstrip("\r\n")
        if first not in ("---", "+++"):
            return 0
        for number, (start, end) in enumerate(lines[1:], start=1):
            line = self.text[start:end].rstrip("\r\n")
            if line == first or (first == "---" and line == "..."):
                self.blank(0, start + len(line))
                self._front_matter_dates(lines[1:number])
                return number + 1
        return 0

    def _front_matter_dates(self, lines: list[tuple[int, int]]) -> None:
        found: dict[str, str] = {}
        for start, end in lines:
            match = _FRONT_MATTER_DATE.match(self.text, start, end)
            if match is not None:
                found.setdefault(match.group(1).lower(), match.group(2).strip().rstrip("\r\n"))
        for key in ("published", "date"):
            if key in found:
                self.dates.append((f"front matter {key}:", found[key]))

    def _line_prefix(self, start: int, end: int) -> int:
        """Drop a line's block markers (quote, list, heading) and return where its text starts."""
        position = start
        while True:
            marker = _BLOCK_MARKER.match(self.text, position, end)
            if marker is None or marker.end() == position:
                break
            self.drop(marker.start(), marker.end())
            position = marker.end()
        heading = _ATX_HEADING.match(self.text, position, end)
        if heading is not None:
            self.drop(heading.start(), heading.end())
            position = heading.end()
            closing = _ATX_CLOSING.search(self.text, position, end)
            if closing is not None:
                self.drop(closing.start(), closing.end())
        elif _SETEXT_UNDERLINE.match(self.text, position, end):
            self.drop(position, end)
        return position

    def _markdown_inline(self, start: int, end: int) -> None:
        text = self.text
        for match in _CODE_SPAN.finditer(text, start, end):
            self.drop(match.start(), match.end())
        for match in _IMAGE.finditer(text, start, end):
            self.drop(match.start(), match.end())
        for match in _LINK.finditer(text, start, end):
            self.drop(match.start(), match.start() + 1)
            self.drop(match.end(1), match.end())
        for match in _AUTOLINK.finditer(text, start, end):
            self.drop(match.start(), match.end())
        for match in _COMMENT.finditer(text, start, end):
            self.comment(match)
        for match in _TAG.finditer(text, start, end):
            self.drop(match.start(), match.end())
        for opener, closer in _emphasis_pairs(text, start, end):
            self.drop(*opener)
            self.drop(*closer)
        for match in _ESCAPE.finditer(text, start, end):
            self.drop(match.start(), match.start() + 1)
        line = text[start:end]
        if line.lstrip().startswith("|") or line.count("|") >= 2:  # a table row: each cell apart
            for match in regex.finditer(r"\|", line):
                self.edits.append(Edit(start + match.start(), start + match.end(), "\n"))
        self.entities_and_urls(start, end)


_FENCE = regex.compile(r"^( {0,3})(`{3,}|~{3,})(.*)$")
_INDENTED_CODE = regex.compile(r"^(?: {4}|\t)")
_RULE_NOT_LINE_BREAK = regex.compile(r"[^\r\n]+")
_RULE_LINE = regex.compile(r"^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_LINK_DEFINITION = regex.compile(r"^ {0,3}\[[^\]]+\]:\s*\S+.*$")
_TABLE_DELIMITER = regex.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_FRONT_MATTER_DATE = regex.compile(r"\s*(date|published)\s*[:=]\s*(.+)", regex.IGNORECASE)
_BLOCK_MARKER = regex.compile(r" {0,3}(?:>[ \t]?|[-*+][ \t]+|\d{1,9}[.)][ \t]+)")
_ATX_HEADING = regex.compile(r" {0,3}#{1,6}(?:[ \t]+|(?=[\r\n]|$))")
_ATX_CLOSING = regex.compile(r"[ \t]+#+[ \t]*$")
_SETEXT_UNDERLINE = regex.compile(r" {0,3}(?:=+|-+)[ \t]*$")
_CODE_SPAN = regex.compile(r"(`++)(?!`).{1,4096}?(?<!`)\1(?!`)", regex.DOTALL)
_LINK = regex.compile(
    r"""\[((?:[^\[\]]++|\[[^\[\]]{0,1000}+\]){0,1000}+)\]"""  # the link text, which is checked
    r"""(?:\((?:[^()\s]++|\([^()\s]{0,1000}+\)){0,1000}+(?:\s++(?:"[^"]{0,1000}+"|'[^']{0,1000}+'))?+\)"""
    r"""|\[[^\[\]]{0,1000}+\])"""  # target or reference
)
_IMAGE = regex.compile("!" + _LINK.pattern)
_AUTOLINK = regex.compile(r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>@]+)>")
_DELIMITER_RUN = regex.compile(r"\*{1,3}|_{1,3}|~~")
_OPENS = regex.compile(r"(?<![\\\w*~])(?:\*{1,3}|_{1,3}|~~)(?=[^\s*_~])")
_CLOSES = regex.compile(r"(?<=[^\s\\*_~])(?:\*{1,3}|_{1,3}|~~)(?![\w*~])")
_ESCAPE = regex.compile(r"\\[\\`*_{}\[\]()#+\-.!|<>~]")


def _emphasis_pairs(text: str, start: int, end: int) -> Iterator[tuple[tuple[int, int], tuple[int, int]]]:
    """Matching emphasis delimiters (``*``, ``**``, ``_``, ``~~``) on one line, found in one pass."""
    open_runs: list[tuple[str, int, int]] = []
    for run in _DELIMITER_RUN.finditer(text, start, end):
        here = run.start()
        if _CLOSES.match(text, here, end):
            for depth in range(len(open_runs) - 1, max(-1, len(open_runs) - 9), -1):
                if open_runs[depth][0] == run.group():
                    _, opened, opened_end = open_runs[depth]
                    del open_runs[depth:]
                    yield (opened, opened_end), (here, run.end())
                    break
            else:
                if _OPENS.match(text, here, end):
                    open_runs.append((run.group(), here, run.end()))
        elif _OPENS.match(text, here, end):
            open_runs.append((run.group(), here, run.end()))


def _attributes(source: str) -> dict[str, str]:
    attributes: dict[str, str] = {}
    for match in _ATTRIBUTE.finditer(source):
        value = next((group for group in match.groups()[1:] if group is not None), "")
        attributes.setdefault(match.group(1).lower(), html.unescape(value))
    return attributes


def _find_key(data: Any, key: str) -> Iterator[Any]:
    if isinstance(data, dict):
        if key in data:
            yield data[key]
        for value in data.values():
            yield from _find_key(value, key)
    elif isinstance(data, list):
        for item in data:
            yield from _find_key(item, key)
