"""Words around a name the model tagged a person's that show it a thing's or a group's, for
:meth:`parley.reconcile.name_labels.NameLabels.kind_of`.

Each sign is one English news writes of things and groups and hardly ever of a person:

- a noun for the members of an armed group right after the name, in two mentions or more ("Roe
  Haram militants", "a dozen Roe Haram terrorists": ``group_member_nouns`` of names.yaml; not
  "pro-Jon Roe militants", a leader's followers);
- a name ending in a lone capital letter or a code with a digit, right after "the" and before a
  mark ("the Model S,", "the Roe X2.": a product's model; not "Lina M" nor "Dana K.", a person's
  name cut short, nor "the Roe X biopic");
- a name whose first word is, alone, a firm's name all over the corpus, and whose other words are
  never a surname used alone ("Roe Pay", "Roe Watches" of the firm Roe;
  :meth:`parley.reconcile.name_labels.NameLabels.kind_of` counts the labels).

None counts for a name any mention of which has a role ("chief executive"; not an article alone,
"the", that the role reader leaves at times) or is followed by a verb of saying ("... said"): a
person's signs, so a person's name stays a person's.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable

from parley.extract.cues import SPEECH_VERBS
from parley.extract.registry import fold, name_list
from parley.models import Mention

_NEXT_WORD = re.compile(r"\s+([a-z][a-z-]*)")
_THE_BEFORE = re.compile(r"(?:^|\W)[Tt]he\s+$")
_ENDS = re.compile(r"\s*(?:[,.;:!?)”\"]|$)")  # not a noun the name qualifies ("the Roe X biopic")
_CODE = re.compile(r"[A-Z]|[A-Za-z-]*\d[\w-]*")  # "S", "X2", "F-35": a model's code
_IRREGULAR = {"said": "say", "told": "tell", "wrote": "write", "spoke": "speak", "says": "say"}
_ARTICLES = frozenset({"the", "a", "an"})
MIN_GROUP_MENTIONS = 2


def _lemma(word: str) -> str:
    """A verb's lemma, roughly ("added" -> "add", "replied" -> "reply", "warns" -> "warn")."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    for end, put in (("ied", "y"), ("ed", ""), ("ed", "e"), ("es", ""), ("s", ""), ("d", "")):
        stem = word[: -len(end)] + put
        if word.endswith(end) and stem in SPEECH_VERBS:
            return stem
    return word


def _word_after(m: Mention, text: str) -> str:
    found = _NEXT_WORD.match(text, m.span.end)
    return found.group(1) if found else ""


def _in_place(m: Mention, text: str) -> bool:
    return text[m.span.start : m.span.end] == m.text


def a_persons_signs(mentions: Iterable[Mention], text_of: Callable[[str], str]) -> bool:
    """Whether any mention has a role or a verb of saying right after it ("Roe said")."""
    for m in mentions:
        if m.role and m.role.strip().casefold() not in _ARTICLES:
            return True
        # read after the span, not the name: a surname the article writes alone ("Roe said") may
        # carry the full name its article gives it
        if _lemma(_word_after(m, text_of(m.article_id))) in SPEECH_VERBS:
            return True
    return False


def group_members_after(mentions: Iterable[Mention], text_of: Callable[[str], str]) -> bool:
    """Whether two mentions or more are followed by a noun for an armed group's members."""
    nouns = name_list("group_member_nouns")
    found = 0
    for m in mentions:
        if len(m.text.split()) < 2:
            continue
        text = text_of(m.article_id)
        # "pro-Jon Roe militants" are a leader's followers
        found += text[m.span.start - 1 : m.span.start] != "-" and _word_after(m, text) in nouns
    return found >= MIN_GROUP_MENTIONS


def a_model_after_the(mentions: Iterable[Mention], text_of: Callable[[str], str]) -> bool:
    """Whether a mention of two words or more ends in a model's code, follows "the" and ends its
    phrase ("the Model S, and"): a name before a noun qualifies it, a person's as well ("the Roe
    X biopic")."""
    for m in mentions:
        words = m.text.split()
        if len(words) < 2 or not _CODE.fullmatch(words[-1]):
            continue
        text = text_of(m.article_id)
        if (
            _in_place(m, text)
            and _THE_BEFORE.search(text, max(0, m.span.start - 8), m.span.start)
            and _ENDS.match(text, m.span.end)
        ):
            return True
    return False


def product_pieces(mentions: Iterable[Mention], text_of: Callable[[str], str]) -> Counter[str] | None:
    """The words (folded) a name's mentions of one word write, each the end of the full name with
    its first word right before it ("Roe [Pay] support": the model's tag cut short); None when one
    stands alone, as a surname does ("Pay said")."""
    mentions = list(mentions)
    firsts = {m.text.split()[0] for m in mentions if len(m.text.split()) >= 2}
    pieces: Counter[str] = Counter()
    for m in mentions:
        text = text_of(m.article_id)
        written = text[m.span.start : m.span.end]
        if len(written.split()) != 1:
            continue
        if not any(text[max(0, m.span.start - 40) : m.span.start].endswith(f"{f} ") for f in firsts):
            return None
        pieces[fold(written)] += 1
    return pieces
