"""Put back together the sentences a crawler broke into lines of their own.

Some crawlers end a line wherever a link, an emphasis or a drop cap stood, so one sentence comes
out as several paragraphs: "... faces,” the photographer" / "explained", "“W" / "e moved to the
coast ...". Paragraphs are hard limits for every later pass, so the speaker would be lost. A kept
line is joined to the kept line read right before it when

- that line is a drop cap (a single capital letter, after a quote mark or not) and this one
  starts with a small letter: the two are glued without a space ("“We moved"); "A" and "I" are
  left alone, as they are words of their own;
- the line before does not end a sentence (nor with ":" or ";"; a quote that ends with "?", "!"
  or "," may be followed by its speaker) and reads as prose, not as a headline or a name in title
  case, and this line starts with a small letter ("explained"), or with "," or ";" before one;
- after the story has begun, the line before is prose of at least ``PROSE_WORDS`` words that ends
  no sentence, and this line
  - starts with "(" ("... the Treaty Organization" / "(TO), the alliance ..."), or
  - is a short fragment of at most ``MAX_FRAGMENT_WORDS`` words that starts with a capital or a
    digit ("Starlink", "27,000 people") and whose first word is no small word in capitals ("What
    followed was", "The deadline" start a sentence of their own), after a comma ("... go back,”"
    / "Jane Roe said."), or ending the sentence with a word in small letters after a quote that
    ends with "?" or "!", or ending no sentence after a word in small letters ("Kyiv persuaded").

A line of punctuation only between two such lines goes with them: a closing quote mark, or a full
stop or comma after a sentence cut short, on the line before ("... back,” / "Jane Roe said."); an
opening quote mark on the line after, when that line is joined too or is a drop cap. When the
lines joined never reach a sentence's end, only the first of them is joined, and the names after
it: other words after a second link ("notably" / "outperformed" / "measured") are what is left of
a paragraph whose linked words alone survived, and stay as they were read.

Never joined: bullets of a list, a line ending in ":" (a transcript's "JANE ROE:", a list's
header), lines that start with a web address, a line after one that ends a sentence, and lines
that were not read one right after the other (a removed line between them means they are not one
broken sentence). A line that ends without punctuation above a capitalised paragraph is a heading
and stays apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from parley.clean.boilerplate import ends_sentence, is_title_case
from parley.clean.navigation import FUNCTION_WORDS, PROSE_WORDS, Line

__all__ = ["join_broken_lines"]

MAX_FRAGMENT_WORDS = 4
# Lines joined by the lower-case rule have at least this many words together: a lone page control
# under a one-word heading ("Opinion" / "more") is no sentence.
MIN_JOINED_WORDS = 4
# A capitalised small word starts a sentence of its own: never the words of a link in a sentence.
SENTENCE_OPENERS = FUNCTION_WORDS | frozenset(
    "what when where why how who it we they he she i you there here if while after before".split()
)
COMMA_END = re.compile(r",[”’\"»]?$")
QUOTE_END = re.compile(r"[,?!][”’\"»]$")
DROP_CAP = re.compile(r"[\"“‘'«„]?[B-HJ-Z]")
_OPEN_QUOTES = "\"“‘'«„"
_CLOSING_QUOTES = '”"»'
# A line that is only punctuation: the marks around a link's or an emphasis's words.
CLOSING_ONLY = re.compile(r"[”’\"»)\].,;!?]{1,3}")
OPENING_ONLY = re.compile(r"[“‘\"«„(]")


@dataclass
class _Chain:
    """A sentence being put together: its first line and what each line joined to it adds."""

    head: Line
    pieces: list[tuple[list[Line], str, bool]] = field(default_factory=list)  # lines, text, fragment

    @property
    def text(self) -> str:
        return self.head.text + "".join(text for _, text, _ in self.pieces)

    def add(self, lines: list[Line], text: str, fragment: bool) -> None:
        self.pieces.append((lines, text, fragment))

    def view(self) -> Line:
        return replace(self.head, text=self.text)

    def commit(self) -> None:
        """Put the joined lines on the first one. When they never reach a sentence's end, only the
        first line joined goes on it, and after it the names that follow ("according to" / "new
        data" / "Agency"): other words after a second link may belong to a sentence the crawler
        lost ("to wheedle the minister" / "the man the story met")."""
        pieces = self.pieces
        if not ends_sentence(self.text):
            fragments = [i for i, (_, _, fragment) in enumerate(pieces) if fragment]
            cut = next((i for i in fragments[1:] if not _name(pieces[i][1])), len(pieces))
            pieces = pieces[:cut]
        for lines, text, _ in pieces:
            self.head.text += text
            for line in lines:
                self.head.links = self.head.links + line.links
                line.kept, line.joined = False, True


def join_broken_lines(lines: list[Line], story_started: list[bool]) -> None:
    """Join kept lines broken out of one sentence (see the module docstring), in place: the line
    joined to the one before it is marked ``joined`` and not kept, its text and links go on the
    line before. ``story_started[i]`` tells whether a story paragraph stands above line ``i``."""
    chain: _Chain | None = None
    last = -1  # the index of the last line read into the chain
    opening: Line | None = None  # an opening quote mark alone on its line, for the line after it
    for index, line in enumerate(lines):
        if chain is None or last != index - 1:
            if chain:
                chain.commit()
            chain, last, opening = (_Chain(line) if line.kept else None), index, None
            continue
        mark = line.text.strip()
        if not line.kept:
            if _closes(chain.text, mark):
                chain.add([line], mark, fragment=False)
                last = index
            elif OPENING_ONLY.fullmatch(mark) and opening is None:
                opening, last = line, index
            continue
        quote = opening.text.strip() if opening else ""
        glue = _join(chain.view(), line, story_started[index])
        if glue is None:
            chain.commit()
            if opening and DROP_CAP.fullmatch(line.text.strip()):  # "“" / "W" / "e moved ..."
                line.text, opening.joined = quote + line.text, True
            chain, last, opening = _Chain(line), index, None
            continue
        chain.add([opening, line] if opening else [line], glue + quote + line.text, fragment=True)
        last, opening = index, None
    if chain:
        chain.commit()


def _closes(before: str, mark: str) -> bool:
    """Whether a line of closing punctuation only ("”", "." or ",”") ends the sentence ``before``:
    a closing quote when a quote is open in it or it ends with ",", "?" or "!" (a quote that
    began a paragraph before), a full stop or comma when it ends no sentence
    (nor a small word: "... the views of" / "." is the rest of a lost link)."""
    mark = mark.strip()
    if not CLOSING_ONLY.fullmatch(mark):
        return False
    if any(q in mark for q in _CLOSING_QUOTES):
        open_quote = before.count("“") > before.count("”") or before.count('"') % 2 == 1
        return open_quote or QUOTE_END.search(before + mark) is not None  # "... go back," / "”"
    cut_off = before.split()[-1].lower() in FUNCTION_WORDS  # "... the beliefs of" / "." is no end
    return (
        not ends_sentence(before) and not before.endswith((":", ";", ",")) and _prose(before) and not cut_off
    )


def _join(head: Line, line: Line, story_started: bool) -> str | None:
    """What goes between the two lines when ``line`` continues ``head`` ("" or " "), else None."""
    before, text = head.text.rstrip(), line.text.strip()
    if not text or line.bullet or head.bullet or text.endswith(":") or _url(text) or _url(before):
        return None
    starts_low = text[0].islower() or (text[0] in ",;" and text[1:].lstrip()[:1].islower())
    if starts_low and DROP_CAP.fullmatch(before):
        return ""
    quoted = QUOTE_END.search(before)  # "... now?”" / "... faces,”": the speaker may follow
    if (ends_sentence(before) and not quoted) or before.endswith((":", ";")):
        return None
    if starts_low:
        if not (_prose(before) and head.words + line.words >= MIN_JOINED_WORDS):
            return None
        return "" if text[0] in ",;" else " "
    if text[0] in _OPEN_QUOTES or not story_started or head.standfirst:
        return None
    if not (head.words >= PROSE_WORDS and _prose(before)):
        return None
    if text[0] == "(" and text[1:2].isalnum() and not quoted:
        return " "  # "... the Treaty Organization" / "(TO), the alliance of ..."
    if line.words > MAX_FRAGMENT_WORDS or not (text[0].isupper() or text[0].isdigit()):
        return None
    last_word = text.rstrip(".").split()[-1]
    if quoted:  # "“... now?”" / "Jane Roe said."
        return " " if ends_sentence(text) and last_word.isalpha() and last_word.islower() else None
    if text.split()[0].lower().strip(",.") in SENTENCE_OPENERS:
        return None
    if COMMA_END.search(before):
        return " "
    last = before.split()[-1]
    cut_off = last.isalpha() and (last.islower() or last.lower() in FUNCTION_WORDS)
    return " " if cut_off and not ends_sentence(text) else None


def _name(text: str) -> bool:
    """A joined line's words are a capitalised name ("Agency", "the Coastal Institute")."""
    words = text.strip(' “‘"').split()
    return bool(words) and all(word[:1].isupper() or word.lower() in FUNCTION_WORDS for word in words)


def _url(text: str) -> bool:
    """Starts with a web address, as a list of sources does."""
    return "://" in text.split(maxsplit=1)[0] or text.startswith("www.")


def _prose(text: str) -> bool:
    """Reads as a sentence, not as a headline or a name: "Earlier, the Pope", "It's"."""
    words = text.lower().split()
    return not is_title_case(text) or "," in text or any(word in FUNCTION_WORDS for word in words[1:])
