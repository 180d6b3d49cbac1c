"""Token features of the learned attribution model (:mod:`.learned`), shared by training and use.

The model tags one paragraph at a time (paragraphs are hard limits, as for the rules). Two
taggers, each a linear-chain CRF over the paragraph's tokens (white space left out):

* the *cue* tagger marks the words that introduce an attribution (``said``, ``according to``,
  ``has learned``): labels ``B-CUE``, ``I-CUE``, ``O``;
* the *role* tagger runs once per cue and marks that cue's source and content (labels
  ``B-SRC``, ``I-SRC``, ``B-CON``, ``I-CON``, ``O``), so attributions nested in one another's
  content are each tagged on their own.

Every token carries the features of the parse (word, lemma, part of speech, dependency, head,
the dependencies of its children, entity type), whether it sits inside quote marks, whether it
is a verb of the cue lexicon, and the same of its neighbours, and where the rules' records lie
(:class:`RuleMarks`: the model is stacked on the rules and learns when to trust them). The
role tagger adds where the token lies against its cue (before, inside, after, how far, same
sentence), how the parse ties it to the cue (the dependency of the cue's child whose subtree
holds the token, or that the token governs the cue), and the role it plays in the rule record
with the same cue, if there is one.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from parley.extract import cues as C
from parley.models import Attribution

from .document import DocIndex, is_verb

FEATURE_VERSION = "2"
CUE_LEXICON: frozenset[str] = (
    C.SPEECH_VERBS | C.COGNITION_VERBS | C.COMMISSIVE_VERBS | C.DESCRIBE_VERBS | C.OBJECT_CONTENT_VERBS
)
Features = list[str]
# Dependencies of a word's children worth a feature of their own (a verb with a clause).
_CHILD_DEPS = frozenset(
    {"ccomp", "xcomp", "nsubj", "nsubjpass", "dobj", "parataxis", "advcl", "agent", "dative"}
)


def paragraphs(ix: DocIndex) -> list[list[int]]:
    """The token indices of each paragraph, white space left out; empty paragraphs dropped."""
    out: list[list[int]] = []
    current: list[int] = []
    p = 0
    for t in ix.doc:
        if ix.pid[t.i] != p:
            if current:
                out.append(current)
            current = []
            p = ix.pid[t.i]
        if not t.is_space:
            current.append(t.i)
    if current:
        out.append(current)
    return out


def _one(t: Token, ix: DocIndex) -> Features:
    lemma = t.lemma_.lower()
    f = [
        "w=" + t.lower_,
        "l=" + lemma,
        "p=" + t.pos_,
        "t=" + t.tag_,
        "d=" + t.dep_,
        "hl=" + t.head.lemma_.lower(),
        "hp=" + t.head.pos_,
        "dh=" + t.dep_ + "|" + t.head.pos_,
        "e=" + (t.ent_iob_ + t.ent_type_ if t.ent_type_ else "O"),
    ]
    if ix.qid[t.i] >= 0:
        f.append("q")
    if t.is_title:
        f.append("title")
    if t.is_punct:
        f.append("punct")
    if t.is_sent_start:
        f.append("s0")
    if is_verb(t) and lemma in CUE_LEXICON:
        f.append("cue")
        f.append("cueq" if ix.qid[t.i] >= 0 else "cueo")
    h = t.head
    if h.i != t.i and is_verb(h) and h.lemma_.lower() in CUE_LEXICON:
        f.append("hcue=" + t.dep_)
    for dep in sorted({c.dep_ for c in t.children if c.dep_ in _CHILD_DEPS}):  # one order: same model
        f.append("c=" + dep)
    return f


class RuleMarks:
    """Where the rules' records lie, by token: each token's rule cue, and the roles it plays in
    the rule records (the stacked model learns when to trust them)."""

    def __init__(self, ix: DocIndex, rules: Sequence[Attribution]) -> None:
        self.cue_of: dict[int, int] = {}  # token -> index of the rule record whose cue it is in
        self.roles: dict[int, list[tuple[int, str]]] = {}  # token -> (record, "src" | "con")
        doc = ix.doc
        for r, att in enumerate(rules):
            kind = "d" if att.kind == "direct" else "r"
            for role, spans in (("cue", [att.cue]), ("src", [att.source]), ("con", list(att.parts))):
                for span in spans:
                    if span is None:
                        continue
                    span_toks = doc.char_span(span.start, span.end, alignment_mode="expand") or ()
                    for t in span_toks:
                        if role == "cue":
                            self.cue_of[t.i] = r
                        else:
                            self.roles.setdefault(t.i, []).append((r, role + kind))

    def token(self, i: int) -> list[str]:
        f = []
        if i in self.cue_of:
            f.append("rcue")
        for _, role in self.roles.get(i, ()):
            f.append("r" + role)
        return f

    def for_cue(self, i: int, a: int, b: int) -> list[str]:
        """The roles token ``i`` plays in the rule record whose cue is in ``[a, b)``."""
        mine = {self.cue_of[j] for j in range(a, b) if j in self.cue_of}
        if not mine:
            return ["rnone"]
        return ["this_" + role for r, role in self.roles.get(i, ()) if r in mine] or ["this_o"]


def base_features(ix: DocIndex, para: Sequence[int], marks: RuleMarks) -> list[Features]:
    """Features of each token of a paragraph, with those of its neighbours (window 2), and
    where the rules' records lie."""
    doc = ix.doc
    own = [_one(doc[i], ix) + marks.token(i) for i in para]
    n = len(para)
    out: list[Features] = []
    for k in range(n):
        f = list(own[k])
        for off in (-2, -1, 1, 2):
            j = k + off
            if 0 <= j < n:
                t = doc[para[j]]
                f.append(f"{off}l=" + t.lemma_.lower())
                f.append(f"{off}p=" + t.pos_)
                if off in (-1, 1):
                    f.append(f"{off}w=" + t.lower_)
                    if ix.qid[t.i] >= 0:
                        f.append(f"{off}q")
            else:
                f.append(f"{off}BOUND")
        out.append(f)
    return out


def _bucket(d: int) -> str:
    if d <= 3:
        return str(d)
    if d <= 6:
        return "4-6"
    if d <= 12:
        return "7-12"
    if d <= 25:
        return "13-25"
    return "26+"


def _relation(t: Token, cue: Token, depth: int = 12) -> str:
    """How the parse ties ``t`` to the cue's head word: ``sub=<dep>`` when ``t`` lies in the
    subtree of the cue's child with that dependency, ``self`` for the cue, ``anc`` when ``t``
    governs the cue, ``out`` otherwise."""
    if t.i == cue.i:
        return "self"
    x = t
    for _ in range(depth):
        h = x.head
        if h.i == cue.i:
            return "sub=" + x.dep_
        if h.i == x.i:
            break
        x = h
    x = cue
    for _ in range(depth):
        h = x.head
        if h.i == t.i:
            return "anc"
        if h.i == x.i:
            break
        x = h
    return "out"


def cue_head(ix: DocIndex, a: int, b: int) -> Token:
    """The head word of the cue tokens ``[a, b)``: a verb among them, else the last one."""
    doc = ix.doc
    for i in range(a, b):
        if is_verb(doc[i]) and doc[i].dep_ != "aux":
            return doc[i]
    return doc[b - 1]


def role_features(
    ix: DocIndex, para: Sequence[int], base: list[Features], a: int, b: int, marks: RuleMarks
) -> list[Features]:
    """Features of each token of a paragraph for the role tagger, given the cue ``[a, b)``."""
    doc = ix.doc
    cue = cue_head(ix, a, b)
    csid = ix.sid[cue.i]
    cl = "cl=" + cue.lemma_.lower()
    out: list[Features] = []
    for k, i in enumerate(para):
        t = doc[i]
        if i < a:
            side, d = "B", a - i
        elif i >= b:
            side, d = "A", i - b + 1
        else:
            side, d = "C", 0
        rel = _relation(t, cue)
        same = ix.sid[i] == csid
        f = base[k] + [
            "side=" + side,
            "dist=" + side + _bucket(d),
            "rel=" + rel,
            "rs=" + rel + "|" + side,
            "ss" if same else "os",
            "sside=" + side + ("s" if same else "o"),
            cl,
            "rcl=" + rel + "|" + cue.lemma_.lower(),
            "qside=" + side + ("q" if ix.qid[i] >= 0 else "n"),
            *marks.for_cue(i, a, b),
        ]
        out.append(f)
    return out


def spans_of(labels: Sequence[str], tag: str) -> list[tuple[int, int]]:
    """``(first, last + 1)`` positions of each ``B-tag I-tag*`` run (an ``I`` alone opens one)."""
    out: list[tuple[int, int]] = []
    start = -1
    for k, lab in enumerate(labels):
        if lab == "B-" + tag or (lab == "I-" + tag and start < 0):
            if start >= 0:
                out.append((start, k))
            start = k
        elif lab != "I-" + tag:
            if start >= 0:
                out.append((start, k))
            start = -1
    if start >= 0:
        out.append((start, len(labels)))
    return out
