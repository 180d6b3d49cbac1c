"""Markdown left by crawlers, read one line at a time.

A crawler that saves pages as markdown leaves links ``[text](url)``, images ``![alt](src)``,
footnote marks ``[[iv]](#note4)``, emphasis (``**bold**``, ``_italic_``), heading marks, ``*``
bullets and backslash escapes in the text. :func:`read_line` turns a line into plain text (a link
becomes its words, an image and a footnote mark become nothing) and reports what the line was:
links only (a menu item, a related-story link), an image, a heading, a rule, a list of bare URLs.
The link targets are kept so the article can keep them as metadata, and so are the words each
footnote mark followed (``footnotes.noted_words``): a mark left in the text breaks the sentences.

Some crawlers instead put the page's links in a trailing list under a ``## Links`` heading and
leave each link's words on a line of its own in the body; :func:`split_link_appendix` takes that
list off and returns its links, so a body line that is only a link's words can be told apart.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urljoin

from parley.clean.footnotes import NOTED_CHARS, noted_words

__all__ = ["MarkdownLine", "key", "read_line", "split_link_appendix"]

Link = tuple[str, str]  # (the linked words, the absolute URL)

# Link words: escaped characters, anything but brackets, or one level of nested brackets.
_TEXT = r"(?P<text>(?:\\.|[^\[\]\\\n]|\[(?:\\.|[^\[\]\\\n])*\])*)"
# Link target: <...> (may hold anything, even parentheses), escapes, plain characters, or one
# level of balanced parentheses.
_URL = r"(?P<url>(?:<[^<>\n]*>|\\.|[^()<>\s\\]|\((?:\\.|[^()\s\\])*\))*)"
_TITLE = r"""(?:\s+(?:"[^"\n]*"|'[^'\n]*'))?"""
LINK = re.compile(rf"(?P<image>!?)\[{_TEXT}\]\(\s*{_URL}{_TITLE}\s*\)")
AUTOLINK = re.compile(r"<(?P<url>(?:https?|mailto):[^<>\s]+)>")
FOOTNOTE_TEXT = re.compile(r"^\s*(?:\[\s*)?\^?(?:\d{1,3}|[ivxlcdm]{1,9}|[a-z])(?:\s*\])?\s*$", re.I)
HEADING = re.compile(r"^(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
BULLET = re.compile(r"^[*+•·▪●]\s+")
BLOCKQUOTE = re.compile(r"^(?:>\s?)+")
RULE = re.compile(r"^(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,}|\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*)$")
_NON_WORD = re.compile(r"\W+")
_LINE_MARKS = frozenset("#>*+•·▪●-_|")
ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~<])")
URLISH = re.compile(r"\S+ dot [a-z]{2,}\b\S*|\S*(?:://|www\.)\S*", re.I)  # "site dot com/x" dodges linking

# Emphasis: a run of markers between two words joined what the page showed apart
# ("**Click****here****to" -> "Click here to"); pairs are then unwrapped.
_MARKER_RUN = re.compile(r"(?<=[^\s*_])[*_]{3,}(?=[^\s*_])")
_STRONG = re.compile(r"(?<![\w*])(\*\*|__)(?=\S)(.+?)(?<=\S)\1(?![*])")
_EMPH = re.compile(
    r"(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![\w*])"
    r"|(?<![\w_])_(?=[^\s_])([^_\n]+?)(?<=[^\s_])_(?!\w)"
)
_STRAY = re.compile(r"\*{2,}|(?<!\w)_+(?=\S)|(?<=\S)_+(?!\w)")
# What a footnote mark becomes while the words before it are read: NUL, which ``characters.py``
# has taken out of the text before.
NOTE_MARK = "\x00"


@dataclass(frozen=True)
class MarkdownLine:
    text: str  # plain text: links as their words, no images, emphasis or heading marks
    links: tuple[Link, ...] = ()
    link_only: bool = False  # nothing but links (and bullets or punctuation) on the line
    image: bool = False  # the line held an image and nothing else
    heading: bool = False
    rule: bool = False  # a horizontal rule or a table's separator row
    url_only: bool = False  # nothing but bare URLs (a list of sources, an endnote)
    noted: tuple[str, ...] = ()  # the words each footnote mark taken out followed (``noted_words``)


def read_line(line: str, base_url: str | None = None) -> MarkdownLine:
    """Plain text of one markdown line, and what kind of line it was."""
    marked = line[:1] in _LINE_MARKS  # a rule, heading, quote or bullet: else skip those patterns
    if marked and RULE.match(line):
        return MarkdownLine("", rule=True)
    heading = HEADING.match(line) if marked else None
    body = heading.group(2) if heading else line
    bullet = False
    if marked:
        body = BLOCKQUOTE.sub("", body)
        bullet = bool(BULLET.match(body))
        body = BULLET.sub("", body)
    links: list[Link] = []
    had_image = False
    marks, mark = 0, ""  # footnote marks taken out; what one becomes (NOTE_MARK on a second reading)

    def replace(match: re.Match[str]) -> str:
        nonlocal had_image, marks
        if match.group("image"):
            had_image = True
            return ""
        words = _plain(LINK.sub(replace, match.group("text")))
        url = _resolve(match.group("url"), base_url)
        if FOOTNOTE_TEXT.match(words) and (not url or "#" in url or words.startswith("[")):
            marks += 1
            return mark  # a footnote mark: [[iv]](#edn4), [3](#fn3)
        if words and url and not mark:  # the links are taken on the first reading only
            links.append((words, url))
        return words

    if "](" in body:  # most lines hold no link: the costly patterns run only on those that do
        link_count = len(LINK.findall(body))
        stripped, rest = LINK.sub(replace, body), LINK.sub("", body)
    else:
        link_count, stripped, rest = 0, body, body
    if "<" in stripped:
        stripped, rest = AUTOLINK.sub(r"\g<url>", stripped), AUTOLINK.sub("", rest)
    text = _plain(stripped)
    noted: tuple[str, ...] = ()
    if marks:  # read the line again with the marks in place, for the words before each
        mark = NOTE_MARK
        with_marks = LINK.sub(replace, body)
        with_marks = AUTOLINK.sub(r"\g<url>", with_marks) if "<" in with_marks else with_marks
        noted = _noted(_plain(with_marks))
    if bullet and text:
        text = "- " + text
    url_only = _has_url(text) and not re.search(r"\w", URLISH.sub("", text))
    bare = URLISH.sub("", rest) if link_count and _has_url(rest) else rest
    return MarkdownLine(
        text=text,
        links=tuple(links),
        link_only=link_count > 0 and not re.search(r"\w", bare),
        image=had_image and not re.search(r"\w", text),
        heading=bool(heading),
        url_only=url_only,
        noted=noted,
    )


def _noted(marked: str) -> tuple[str, ...]:
    """The words before each ``NOTE_MARK`` of the line (``footnotes.noted_words``)."""
    found, before = [], ""
    for piece in marked.split(NOTE_MARK)[:-1]:
        before = (before + piece)[-NOTED_CHARS:]
        if words := noted_words(before):
            found.append(words)
    return tuple(dict.fromkeys(found))


def _has_url(text: str) -> bool:
    return "://" in text or "www." in text or " dot " in text


def split_link_appendix(lines: list[str]) -> tuple[list[str], list[str], list[Link]]:
    """Take off a trailing ``## Links`` (or ``References``) list: (body, appendix lines, links).

    The list is taken only when its heading is one of those names and at least four fifths of the
    lines after it are links; otherwise nothing is taken.
    """
    for index in range(len(lines) - 1, -1, -1):
        heading = HEADING.match(lines[index])
        if not heading:
            continue
        if heading.group(2).strip(" :").casefold() not in {"links", "references", "external links"}:
            return lines, [], []
        tail = [line for line in lines[index + 1 :] if line.strip()]
        parsed = [read_line(line) for line in tail]
        if tail and sum(p.link_only for p in parsed) >= 0.8 * len(tail):
            links = [link for p in parsed for link in p.links]
            return lines[:index], lines[index:], links
        return lines, [], []
    return lines, [], []


def key(text: str) -> str:
    """Words only, case folded: lines that differ only in quotes, marks or case share a key."""
    return _NON_WORD.sub("", text).casefold()


def anchor_keys(links: Iterable[Link]) -> set[str]:
    return {key(text) for text, _url in links if key(text)}


def _plain(text: str) -> str:
    if "*" in text or "_" in text:
        text = _MARKER_RUN.sub(" ", text)
        for _ in range(3):  # nested emphasis: ***x***, **_x_**
            before = text
            text = _STRONG.sub(lambda m: _unwrap(m, m.group(2)), text)
            text = _EMPH.sub(lambda m: _unwrap(m, m.group(1) or m.group(2)), text)
            if text == before:
                break
        text = _STRAY.sub("", text)
    if "\\" in text:
        text = ESCAPE.sub(r"\1", text)
    return " ".join(text.split())


def _unwrap(match: re.Match[str], inner: str) -> str:
    """The emphasised words; a space after them when the page lost it ("**Note.**The ...")."""
    after = match.string[match.end() : match.end() + 1]
    return inner + " " if after.isalnum() and inner[-1:] in ".:;,!?" else inner


def _resolve(url: str, base_url: str | None) -> str:
    """An absolute http(s) URL, or "" for anchors, scripts and mail links.

    Some crawlers write a relative link as ``<page url></path>``: the path is resolved against
    the page URL.
    """
    url = ESCAPE.sub(r"\1", url.strip())
    mangled = re.fullmatch(r"(https?://[^<>]*)<([^<>]*)>", url)
    if mangled:
        base_url, url = mangled.group(1), mangled.group(2)
    url = url.strip("<>")
    if not url or url.startswith(("#", "javascript:", "mailto:", "tel:")):
        return ""
    if base_url and not re.match(r"^[a-z][a-z0-9+.-]*:", url, re.I):
        try:
            url = urljoin(base_url, url)
        except ValueError:  # a base or link such as "http://[not-an-address/"
            return ""
    return url if url.startswith(("http://", "https://")) else ""
