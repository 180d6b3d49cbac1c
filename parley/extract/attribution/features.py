"""Token features of the learned attribution model (:mod:`.learned`), shared by training and use.

The model tags one paragraph at a time (paragraphs are hard limits, as for the rules). Two
taggers, each a linear-chain CRF over the paragraph's tokens (white space left out):

* the *cue* tagger marks the words that introduce an attribution (``said``, ``according to``,
  ``has learned``): labels ``B-CUE``, ``I-CUE``, ``O``;
* the *role* tagger runs once per cue and marks that cue's source and content (labels
  ``B-SRC``, ``I-SRC``, ``B-CON``, ``I-CON``, ``O``), so attributions nested in one another's
  content are each tagged on their own.

Every token carries the features of the parse (word, lemma, part of speech, dependency, head,
the dependencies of its children, alone and with the token's lemma, entity type, and for a verb
the kind of its subject), whether it sits inside quote marks, whether it is a verb of the cue
lexicon, and the same of its neighbours, and where the rules' records lie
(:class:`RuleMarks`: the model is stacked on the rules and learns when to trust them). The
role tagger adds where the token lies against its cue (before, inside, after, how far, same
sentence), how the parse ties it to the cue (the dependency of the cue's child whose subtree
holds the token, and of the next word down that path; or of the child of the cue's own head
whose subtree holds it; or that the token governs the cue), and the role it plays in the rule record
with the same cue, if there is one.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from parley.extract import cues as C
from parley.models import Attribution

from .document import DocIndex

FEATURE_VERSION = "3"
CUE_LEXICON: frozenset[str] = (
    C.SPEECH_VERBS | C.COGNITION_VERBS | C.COMMISSIVE_VERBS | C.DESCRIBE_VERBS | C.OBJECT_CONTENT_VERBS
)
Features = list[str]
# Dependencies of a word's children worth a feature of their own (a verb with a clause).
_CHILD_DEPS = frozenset(
    {"ccomp", "xcomp", "nsubj", "nsubjpass", "dobj", "parataxis", "advcl", "agent", "dative"}
)


_SUBJ_DEPS = frozenset({"nsubj", "nsubjpass"})


def paragraphs(ix: DocIndex) -> list[list[int]]:
    """The token indices of each paragraph, white space left out; empty paragraphs dropped."""
    out: list[list[int]] = []
    current: list[int] = []
    p = 0
    pid = ix.pid
    space = ix.tokens.space
    for i in range(ix.n):
        if pid[i] != p:
            if current:
                out.append(current)
            current = []
            p = pid[i]
        if not space[i]:
            current.append(i)
    if current:
        out.append(current)
    return out


def _own(ix: DocIndex, para: Sequence[int]) -> list[Features]:
    """The features of each token of ``para`` itself, read from the token table."""
    tt = ix.tokens
    lower, lemma, pos, tag, dep, head = tt.lower, tt.lemma, tt.pos, tt.tag, tt.dep, tt.head
    ent_iob, ent_type, verb, children = tt.ent_iob, tt.ent_type, tt.verb, tt.children
    title, punct, sent_start, qid = tt.title, tt.punct, tt.sent_start, ix.qid
    out: list[Features] = []
    for i in para:
        lemma_i = lemma[i]
        dep_i = dep[i]
        h = head[i]
        hpos = pos[h]
        quoted = qid[i] >= 0
        f = [
            "w=" + lower[i],
            "l=" + lemma_i,
            "p=" + pos[i],
            "t=" + tag[i],
            "d=" + dep_i,
            "hl=" + lemma[h],
            "hp=" + hpos,
            "dh=" + dep_i + "|" + hpos,
            "e=" + (ent_iob[i] + ent_type[i] if ent_type[i] else "O"),
        ]
        if quoted:
            f.append("q")
        if title[i]:
            f.append("title")
        if punct[i]:
            f.append("punct")
        if sent_start[i]:
            f.append("s0")
        if verb[i] and lemma_i in CUE_LEXICON:
            f.append("cue")
            f.append("cueq" if quoted else "cueo")
        if h != i and verb[h] and lemma[h] in CUE_LEXICON:
            f.append("hcue=" + dep_i)
        kids = children(i)
        if kids:
            for d in sorted({dep[c] for c in kids} & _CHILD_DEPS):  # one order: same model
                f.append("c=" + d)
                f.append("lc=" + lemma_i + "|" + d)  # the word with what it governs
            if verb[i]:
                for c in kids:
                    if dep[c] in _SUBJ_DEPS:  # who does it: a name, a pronoun, a noun
                        f.append("subj=" + (ent_type[c] or pos[c]))
                        break
        out.append(f)
    return out


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

    def records_of_cue(self, a: int, b: int) -> set[int]:
        """The rule records whose cue is in ``[a, b)``."""
        return {self.cue_of[j] for j in range(a, b) if j in self.cue_of}

    def for_cue(self, i: int, a: int, b: int, mine: set[int] | None = None) -> list[str]:
        """The roles token ``i`` plays in the rule record whose cue is in ``[a, b)`` (``mine``:
        those records, when the caller has them already)."""
        if mine is None:
            mine = self.records_of_cue(a, b)
        if not mine:
            return ["rnone"]
        return ["this_" + role for r, role in self.roles.get(i, ()) if r in mine] or ["this_o"]


def base_features(ix: DocIndex, para: Sequence[int], marks: RuleMarks) -> list[Features]:
    """Features of each token of a paragraph, with those of its neighbours (window 2), and
    where the rules' records lie."""
    tt = ix.tokens
    lemma, pos, lower, qid = tt.lemma, tt.pos, tt.lower, ix.qid
    own = [f + marks.token(i) for f, i in zip(_own(ix, para), para, strict=True)]
    # what each token adds to its neighbours' features, by its offset from them
    near: dict[int, list[list[str]]] = {}
    for off in (-2, 2):
        pl, pp = f"{off}l=", f"{off}p="
        near[off] = [[pl + lemma[i], pp + pos[i]] for i in para]
    for off in (-1, 1):
        pl, pp, pw, pq = f"{off}l=", f"{off}p=", f"{off}w=", f"{off}q"
        near[off] = [
            [pl + lemma[i], pp + pos[i], pw + lower[i], pq]
            if qid[i] >= 0
            else [pl + lemma[i], pp + pos[i], pw + lower[i]]
            for i in para
        ]
    bound = {off: [f"{off}BOUND"] for off in (-2, -1, 1, 2)}
    n = len(para)
    out: list[Features] = []
    for k in range(n):
        out.append(
            [
                *own[k],
                *(near[-2][k - 2] if k >= 2 else bound[-2]),
                *(near[-1][k - 1] if k >= 1 else bound[-1]),
                *(near[1][k + 1] if k + 1 < n else bound[1]),
                *(near[2][k + 2] if k + 2 < n else bound[2]),
            ]
        )
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


_DEPTH = 12  # how far up the parse _relation looks


def _ancestors(head: list[int], i: int) -> set[int]:
    """The words above token ``i``, at most ``_DEPTH`` steps up."""
    out: set[int] = set()
    x = i
    for _ in range(_DEPTH):
        h = head[x]
        out.add(h)
        if h == x:
            break
        x = h
    return out


def _relation(i: int, cue: int, head: list[int], dep: list[str], cue_ancestors: set[int]) -> tuple[str, str]:
    """How the parse ties token ``i`` to the cue's head word, and one step further:

    * ``sub=<dep>`` when ``i`` lies in the subtree of the cue's child with that dependency (at
      most ``_DEPTH`` steps down), with the dependency of the next word down the path
      (``sub=ccomp>advcl``: a clause hung on the reported clause, not on the cue);
    * ``sib=<dep>`` when ``i`` lies in the subtree of a child of the cue's own head other than
      the cue (``X spoke, warning that ...``: X is ``sib=nsubj`` of ``warning``);
    * ``self`` for the cue, ``anc`` when ``i`` governs the cue, ``out`` otherwise."""
    if i == cue:
        return "self", "self"
    above = head[cue]
    below = -1  # the word on the path just under x
    x = i
    for _ in range(_DEPTH):
        h = head[x]
        if h == cue:
            rel = "sub=" + dep[x]
            return rel, rel + ">" + (dep[below] if below >= 0 else "")
        if h == above and h != x:
            rel = "sib=" + dep[x]
            return rel, rel
        if h == x:
            break
        below, x = x, h
    return ("anc", "anc") if i in cue_ancestors else ("out", "out")


def cue_head_index(ix: DocIndex, a: int, b: int) -> int:
    """The head word of the cue tokens ``[a, b)``: a verb among them, else the last one."""
    tt = ix.tokens
    for i in range(a, b):
        if tt.verb[i] and tt.dep[i] != "aux":
            return i
    return b - 1


def cue_head(ix: DocIndex, a: int, b: int) -> Token:
    """:func:`cue_head_index`, as a spaCy token."""
    return ix.doc[cue_head_index(ix, a, b)]


def role_features(
    ix: DocIndex, para: Sequence[int], base: list[Features], a: int, b: int, marks: RuleMarks
) -> list[Features]:
    """Features of each token of a paragraph for the role tagger, given the cue ``[a, b)``."""
    tt = ix.tokens
    head, dep, sid, qid = tt.head, tt.dep, ix.sid, ix.qid
    cue = cue_head_index(ix, a, b)
    cue_ancestors = _ancestors(head, cue)
    csid = sid[cue]
    cue_lemma = tt.lemma[cue]
    cl = "cl=" + cue_lemma
    mine = marks.records_of_cue(a, b)
    roles_of = marks.roles
    # the features that depend on side, distance, relation, sentence and quote only: few
    # distinct values, each list built once per cue
    made: dict[tuple[str, str, str, bool, bool], list[str]] = {}
    out: list[Features] = []
    for k, i in enumerate(para):
        if i < a:
            side, d = "B", a - i
        elif i >= b:
            side, d = "A", i - b + 1
        else:
            side, d = "C", 0
        rel, rel2 = _relation(i, cue, head, dep, cue_ancestors)
        same = sid[i] == csid
        quoted = qid[i] >= 0
        bucket = _BUCKET_OF[d] if d < len(_BUCKET_OF) else _bucket(d)
        key = (side, bucket, rel2, same, quoted)
        middle = made.get(key)
        if middle is None:
            middle = made[key] = [
                "side=" + side,
                "dist=" + side + bucket,
                "rel=" + rel,
                "rel2=" + rel2,
                "rs=" + rel + "|" + side,
                "ss" if same else "os",
                "sside=" + side + ("s" if same else "o"),
                cl,
                "rcl=" + rel + "|" + cue_lemma,
                "qside=" + side + ("q" if quoted else "n"),
            ]
        if not mine:  # as RuleMarks.for_cue, inlined: it runs for every token of every cue
            tail = _NO_RULE
        else:
            tail = ["this_" + role for r, role in roles_of.get(i, ()) if r in mine] or _NOT_IN_RULE
        out.append(base[k] + middle + tail)
    return out


_NO_RULE = ["rnone"]
_NOT_IN_RULE = ["this_o"]
_BUCKET_OF = [_bucket(d) for d in range(27)]  # _bucket of the distances most tokens lie at


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
