"""Where a reported clause ends when the parse cuts it short.

* Brackets: a content never ends inside a bracket it opened (the small parser often starts a
  new sentence inside ``(44th Army Corps [AC], ...)``). It runs on to the closing bracket and
  the rest of that sentence, or it stops before the opening bracket when the rest holds a verb
  of saying (another speaker's words) or the bracket ends the sentence with a clause in it (the
  writer's gloss, ``(likely referring to ...)``).
* A predicate the parser hung on the cue instead of the clause (:func:`through_cue_conjunct`):
  ``report that profits fell and new orders | have stopped``, ``stated that X has no cards
  and | should agree ...``, ``said that A | should it reject B``, ``said that A and | that B``.
* A word the tokenizer split (:func:`past_word_end`): ``as strong as those who do | n't``.
* A second clause the parser hung on a cue after it (:func:`through_second_clause`): ``attacks
  are deepening the crisis — and | faith remains central, the bishop told X``.
* A bare auxiliary and its "not" (:func:`past_bare_auxiliary`): ``that X is not, | and has never
  been, a state``.
* A letter that took the sentence's full stop (:func:`past_letter`): ``there was no plan | B.``.
* The dash closing an aside (:func:`past_dash_aside`): ``note that X — even as he says Y — | has
  proposed little``.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from .verbs import SAYING_OR_THINKING, is_cue_verb, is_verb

_OPEN = {"(": ")", "[": "]"}
_CLOSE = {")": "(", "]": "["}
SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})  # a clause's own subject
# a conditional told by inverting its verb: "should it reject", "had they known", "were it to"
_INVERTED = frozenset({"should", "had", "were"})
_COORD = frozenset({"and", "but"})


def _unmatched_open(seg: str) -> int:
    """Offset in ``seg`` of the first bracket it opens and never closes (-1: none)."""
    stack: list[int] = []
    for k, ch in enumerate(seg):
        if ch in _OPEN:
            stack.append(k)
        elif ch in _CLOSE and stack and seg[stack[-1]] == _CLOSE[ch]:
            stack.pop()
    return stack[0] if stack else -1


def _unmatched_close(seg: str) -> int:
    """Offset in ``seg`` of the last bracket it closes that it never opened (-1: none)."""
    depth = {"(": 0, "[": 0}
    last = -1
    for k, ch in enumerate(seg):
        if ch in _OPEN:
            depth[ch] += 1
        elif ch in _CLOSE:
            if depth[_CLOSE[ch]] > 0:
                depth[_CLOSE[ch]] -= 1
            else:
                last = k
    return last


def _closing(text: str, pos: int, opener: str) -> int:
    """Offset of the bracket that closes ``opener`` open at ``pos``, in the same paragraph (-1)."""
    close = _OPEN[opener]
    depth = 0
    for k in range(pos, len(text)):
        ch = text[k]
        if ch == "\n":
            return -1
        if ch == opener:
            depth += 1
        elif ch == close:
            depth -= 1
            if depth == 0:
                return k
    return -1


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without space and closing punctuation at its end, nor space at its start."""
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:"):
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return start, end


def balance_brackets(doc: Doc, text: str, span: tuple[int, int]) -> tuple[int, int]:
    """``span`` of ``text`` (the document's) with no bracket left open at its end nor closed at
    its start (see the module)."""
    start, end = span
    seg = text[start:end]
    k = _unmatched_close(seg)
    if k >= 0 and k < len(seg) - 1:
        start, end = _strip(text, start + k + 1, end)
        seg = text[start:end]
    k = _unmatched_open(seg)
    if k < 0:
        return start, end
    opened = start + k
    shut = _closing(text, opened, seg[k])
    if shut >= 0:
        last = doc.char_span(shut, shut + 1, alignment_mode="expand")
        if last is not None:
            sent = last[0].sent
            rest = [t for t in sent if t.idx > shut and not t.is_space and "\n" not in text[shut : t.idx]]
            inner = doc.char_span(opened, shut + 1, alignment_mode="expand")
            # a last bracket with a clause in it is the writer's gloss ("(likely referring to ...)")
            gloss = all(t.is_punct for t in rest) and any(is_verb(t) for t in inner or ())
            if not gloss and not any(_says(t) for t in rest):
                stop = rest[-1].idx + len(rest[-1].text) if rest else shut + 1
                return _strip(text, start, stop)
    cut = _strip(text, start, opened)
    return cut if cut[0] < cut[1] else (start, end)


def _says(t: Token) -> bool:
    return is_cue_verb(t, SAYING_OR_THINKING)


def through_cue_conjunct(doc: Doc, b: int, v: Token) -> int:
    """The end (token index) of a clause ending at ``b`` when the parser hung its rest on the cue
    ``v``: a finite verb right after it with no subject of its own (``that profits fell and new
    orders | have stopped``); ``and``/``but`` and a verb with a modal and no subject (``that X
    has no cards and should agree``) or a ``that`` clause (``... but that B``); an inverted
    condition right after it (``... should it reject the deal``). Else ``b``."""
    n = len(doc)
    if b >= n:
        return b
    gap = b
    while gap < n - 1 and gap - b < 3 and doc[gap].is_punct and doc[gap].text not in ".;:—–-":
        gap += 1  # '... "imminent danger,” | but that ...'
    if doc[gap].lower_ in _COORD:
        gap += 1
    else:
        gap = b
    for k in v.children:
        if k.i <= v.i or k.left_edge.i != gap or k.i >= n:
            continue
        if not _continues(doc, k, v, coordinated=gap > b):
            continue
        return k.right_edge.i + 1
    return b


def _continues(doc: Doc, k: Token, v: Token, coordinated: bool) -> bool:
    """Whether cue child ``k`` (starting where the clause stopped) carries the clause on."""
    if not is_verb(k):
        return False
    first = doc[k.left_edge.i]
    has_subject = any(c.dep_ in SUBJECTS for c in k.children)
    if coordinated:
        if k.dep_ != "conj":
            return False
        if first.dep_ == "mark" and first.lower_ == "that" and first.head.i == k.i:
            return True  # "... but that legislators removed it", "and that its use has threatened ..."
        return not has_subject and first.tag_ == "MD" and first.head.i == k.i  # "and should agree"
    if first.lower_ in _INVERTED and first.head.i == k.i:
        subj = [c for c in k.children if c.dep_ in SUBJECTS]
        return bool(subj) and subj[0].i == first.i + 1  # "should it reject the deal"
    if k.dep_ != "conj" or has_subject or _says(k):
        return False
    if first.i == k.i:
        return k.tag_ in ("VBD", "VBZ", "VBP")  # "and new orders | stopped"
    # "and new orders | have stopped": the clause's own "and" is inside it
    return first.pos_ == "AUX" and first.head.i == k.i and k.tag_ in ("VBN", "VBG", "VB")


def through_second_clause(doc: Doc, c: Token, b: int, v: Token) -> int:
    """The end of clause ``c`` before its cue ``v`` (ending at ``b``) run on through a second
    clause the parser hung on the cue right after it (``attacks are deepening the crisis — and
    faith remains central, the prelate told X``: both are what was told). Else ``b``."""
    for k in v.children:
        if k.dep_ != "ccomp" or not (c.i < k.i < v.i) or k.left_edge.i < b:
            continue
        if all(t.is_punct or t.pos_ == "CCONJ" for t in doc[b : k.left_edge.i]) and k.right_edge.i < v.i:
            return k.right_edge.i + 1
    return b


BARE_AUXILIARIES = frozenset({"have", "be", "do"})


def past_bare_auxiliary(doc: Doc, a: int, b: int, v: Token) -> int:
    """The end of a clause ``[a, b)`` that stops on a bare auxiliary before a comma (``adding that
    it has, and will continue to be, "a costly war"``; ``that X is not, and has never been, a
    state``): the end of the cue's own phrase, where the parser hung the rest, or of the verb
    after the comma when the parser hung it on a verb before the cue. Else ``b``."""
    last = b - 1
    while last > a and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    t = doc[last]
    if t.dep_ == "neg" and t.head.i == last - 1:
        t = t.head  # "that X is not, and has never been, a ...": the auxiliary and its "not"
    if last <= a or b >= len(doc) or doc[b].text != ",":
        return b
    if not (t.lemma_.lower() in BARE_AUXILIARIES or t.tag_ == "MD") or t.right_edge.i != last:
        return b
    if any(c.dep_ in ("dobj", "attr", "acomp", "xcomp", "ccomp") for c in t.children):
        return b
    if b + 2 >= len(doc) or doc[b + 1].lower_ not in _COORD | {"or"}:
        return b
    k = doc[b + 2].head if doc[b + 2].dep_ == "aux" else doc[b + 2]
    if not is_verb(k) or any(c.dep_ in SUBJECTS for c in k.children):
        return b  # "it has, and he added ...": a clause of its own
    end = v.right_edge.i + 1
    if end <= b and b < k.left_edge.i <= b + 2:
        end = k.right_edge.i + 1  # the rest hung on a verb before the cue: on through its clause
    return end if end > b and doc[end - 1].sent == t.sent else b


# The writer's comment on the claim at the end of a reported clause: "..., though such claims
# could not be verified", "... — consistent with other recent claims", "... — for context, ...".
_CLAIM_WORDS = r"(?:claims?|reports?|assertions?|statements?|allegations?|accounts?|figures?)"
_WRITER = re.compile(
    r",?\s+(?:even\s+)?(?:though|although)\s+(?:such|these|this|those|the|that)\s+" + _CLAIM_WORDS + r"\b"
    r"|\s+[—–]\s+(?:for\s+(?:some\s+)?context|consistent\s+with|in\s+line\s+with|though|although)\b",
    re.IGNORECASE,
)


def cut_writer_comment(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """``span`` without a trailing comment of the writer's on the claim (see :data:`_WRITER`);
    a dash-set aside only when no dash closes it inside the span."""
    start, end = span
    m = _WRITER.search(text, start, end)
    if m is None or m.start() <= start:
        return span
    if "—" in text[m.end() : end] or "–" in text[m.end() : end]:
        return span
    cut = _strip(text, start, m.start())
    return cut if cut[0] < cut[1] else span


def past_hyphen(doc: Doc, a: int, b: int) -> int:
    """The end of a clause ``[a, b)`` the parser split inside a hyphenated word (``to restore X
    and de | -emphasize Y``): on through the subtree of the word after the hyphen when it starts
    there, else before the fragment (and the ``and`` before it)."""
    last = b - 1
    while last > a and doc[last].is_space:
        last -= 1
    if last + 2 >= len(doc) or doc[last].is_punct:
        if not (doc[last].text == "-" and last > a):
            return b
        last -= 1  # the clause took the hyphen itself
    hyphen = doc[last + 1]
    after = doc[last + 2]
    if hyphen.text != "-" or doc[last].whitespace_ or hyphen.whitespace_ or not after.text[:1].isalnum():
        return b
    if after.left_edge.i >= last + 1 and doc[after.right_edge.i].sent == doc[last].sent:
        return after.right_edge.i + 1
    k = last
    while k > a and not doc[k - 1].whitespace_:
        k -= 1  # the start of the fragment
    while k > a and (doc[k - 1].is_punct or doc[k - 1].pos_ == "CCONJ"):
        k -= 1
    return k if k > a else b


def before_hyphen(doc: Doc, a: int) -> int:
    """The start of a clause the parser began inside a hyphenated word (``de- | emphasize the
    role``): the start of the word."""
    k = a
    while k >= 2 and doc[k - 1].text == "-" and not doc[k - 1].whitespace_ and not doc[k - 2].whitespace_:
        k -= 2
    return k


def past_word_end(doc: Doc, a: int, b: int) -> int:
    """The end of a clause ``[a, b)`` that stops inside a word the tokenizer split (``those who
    do | n't``, ``we can | not``, ``it | 's``) when the parser hung the rest elsewhere: on to the
    end of the word."""
    n = len(doc)
    while (
        a < b < n and not doc[b - 1].whitespace_ and _word_rest(doc[b - 1].text) and _word_rest(doc[b].text)
    ):
        if doc[b].tag_ == "POS":
            break  # "the nominee | 's": a possessive leads on to its noun, no word's end
        b += 1  # (a word glued to a word: never to punctuation nor a line break)
    return b


def _word_rest(text: str) -> bool:
    """Whether a token glued to the word before it is the rest of that word: letters or digits,
    or a clitic (``n't``, ``'s``, ``’ll``)."""
    return text[:1].isalnum() or (len(text) > 1 and text[0] in "'’" and text[1:].isalpha())


_LETTER = re.compile(r"^[A-Z]\.$")


def past_letter(doc: Doc, a: int, b: int) -> int:
    """The end of a clause ``[a, b)`` at a capital letter with a full stop after a noun it names
    when its sentence ends there (``there was no plan B. | The talks ...``, ``... plan B.`` at the
    end of a paragraph): the tokenizer read "B." as an abbreviation, so the parse ran on past
    it or hung it elsewhere. Not a name's initial (``the analyst J. Smith``). Else ``b``."""
    n = len(doc)
    for k in range(a + 1, min(b + 1, n)):
        if _LETTER.match(doc[k].text) and _names_noun(doc[k - 1]):
            nxt = doc[k + 1] if k + 1 < n else None
            if nxt is None or (nxt.is_space and "\n" in nxt.text):
                return k + 1
            if nxt.text[:1].isupper() and nxt.pos_ != "PROPN" and not nxt.is_punct:
                return k + 1
    return b


def _names_noun(t: Token) -> bool:
    """Whether ``t`` is a lower-case noun a letter after it can name (``plan`` of "plan B")."""
    return t.is_alpha and t.is_lower and t.pos_ in ("NOUN", "PROPN") and bool(t.whitespace_)


_LAST_LETTER = re.compile(r"[a-z] [A-Z]\.$")


def letter_stop(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """``span`` without the full stop of a letter naming the noun before it at its end (``there
    was no plan B.``: the sentence's full stop, which the tokenizer gave the letter)."""
    start, end = span
    if _LAST_LETTER.search(text, max(start, end - 4), end):
        return start, end - 1
    return span


_DASHES = frozenset({"—", "–"})


def past_dash_aside(doc: Doc, a: int, b: int) -> int:
    """The end of a clause ``[a, b)`` that stops at the dash closing an aside it opened, when the
    parser hung the clause's predicate after the dash elsewhere (``note that X — even as he
    says Y — has proposed little``): on to the end of the sentence, unless the rest has a dash of
    its own or a speaker of its own (``— and Z said ...``). Else ``b``."""
    n = len(doc)
    k = b - 1 if a < b - 1 and doc[b - 1].text in _DASHES else b  # the closing dash, in or after
    if k + 1 >= n or doc[k].text not in _DASHES or sum(doc[j].text in _DASHES for j in range(a, k)) != 1:
        return b
    first = doc[k + 1]
    if first.sent != doc[k].sent or not (first.pos_ in ("AUX", "VERB") and first.tag_ in _FINITE):
        return b  # no predicate right after the aside
    verb = first if first.pos_ == "VERB" else first.head
    if verb.i < k or any(c.dep_ in SUBJECTS and c.i > k for c in verb.children):
        return b  # a clause of its own
    end = first.sent.end
    while end > k + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    rest = doc[k + 1 : end]
    if any(t.text in _DASHES or "\n" in t.text for t in rest):
        return b  # another aside, or a line break inside the sentence
    if any(_says(t) and any(c.dep_ in SUBJECTS and c.i > k for c in t.children) for t in rest):
        return b
    return end


_FINITE = frozenset({"MD", "VBZ", "VBP", "VBD"})
