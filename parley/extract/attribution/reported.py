"""Reported statements: a verb of saying or believing and the clause it governs.

Every reporting or belief verb outside a quote that governs a clause (``X said (that) ...``,
``X told India Today ...``, ``X wrote on Telegram that ...``, ``..., X said``, ``The plan, X
said, is dead``), an infinitive for verbs of promising, refusing or wanting (``X vowed to
...``, ``X urged Y to ...``), an object for verbs of denial, confirmation and support (``X
denied the report``), a characterisation holding a quote or ``as``/``of``/``for`` (``X called
the plan "a disaster"``, ``X accused Y of ...``), and ``according to X``. A ``that`` clause the
parser hung from a verb of saying as an adverbial (``X responded on X that the leader was
showing ...``) is that verb's content, its own verb no cue; so is one hung on a bare time
adjunct (``said before leaving that ...``). Of two clauses the parser hung on a cue, the one
after it is its content (``He knows that A, so he thinks that B``: two attributions). Not
content: a question-word clause (``knew what was coming``, ``clarified what he meant``; but
``told how ...``, ``explained why ...``), anything under a negated cue (``did not say``,
``without saying``), and the object of an infinitive of purpose or of a noun (``using bases
to support drone operations``, ``the right to defend itself``). Content is the clause
(with ``that``, without final punctuation), stretched to take whole any quote it starts or ends
inside. A reported statement whose cue lies inside another attribution's content is dropped
(``X said that Y believes ...`` is one attribution, X's), unless that attribution only relays
it (``according to reports, Y said ...``: Y's too; :mod:`.embedding`).
"""

from __future__ import annotations

import bisect

from spacy.tokens import Token

from parley.extract import cues as C

from .channels import channel_in
from .document import NOMINAL_POS, DocIndex, Found, extend_to_quotes, is_verb
from .embedding import relayed
from .speakers import attribution_for_cue, np_span

_DESCRIBE_DEPS = frozenset({"dobj", "oprd", "xcomp", "ccomp", "prep", "dative", "acomp", "attr"})


def reported_pass(ix: DocIndex) -> list[Found]:
    found: list[Found] = []
    doc = ix.doc
    n = ix.n
    lower, lemmas, verb = ix.tokens.lower, ix.tokens.lemma, ix.tokens.verb  # no Token per word
    for i in range(n):
        if i in ix.used_cues or ix.qid[i] >= 0:
            continue
        if lower[i] == "according" and i + 1 < n and lower[i + 1] == "to":
            f = according(ix, doc[i])
            if f is not None:
                found.append(f)
            continue
        if not verb[i]:
            continue
        lemma = lemmas[i]
        speech = lemma in C.SPEECH_VERBS
        cognition = lemma in C.COGNITION_VERBS
        commissive = lemma in C.COMMISSIVE_VERBS
        if not (
            speech or cognition or commissive or lemma in C.DESCRIBE_VERBS or lemma in C.OBJECT_CONTENT_VERBS
        ):
            continue
        v = doc[i]
        outer = _outer_cue(ix, v)
        if outer is not None:
            # "X responded on X that the leader was showing ...": a "that" clause the parser hung
            # from the cue as an adverbial: the clause is X's content, its verb no cue of its own
            content = clause_span(ix, v, outer)
            if content is not None and not ix.overlaps_direct(content):
                f = attribution_for_cue(ix, outer, content, "reported")
                if f.source is not None:
                    found.append(f)
                    ix.used_cues.update((i, outer.i))
            continue
        if any(c.dep_ == "neg" for c in v.children) or _without(v):
            # "X has not opposed the plan", "X did not say whether ...", "left without saying
            # why": the record has no polarity, and a negated cue is not a statement of that
            # content
            continue
        comp = None
        if speech or cognition:
            comp = _complement(ix, v)
            if comp is None and speech:
                comp = _adjunct_clause(ix, v)
        if comp is not None and lemma not in C.ASK_VERBS and _asks(comp, v, cognition):
            # "shows us how we can value ...", "knows what they want", "clarified what he
            # meant": a matter named, not a belief held or words said ("asked whether ..." is a
            # question put, :mod:`.embedding`)
            continue
        obj = None
        if comp is None and commissive:
            for c in v.children:
                if c.dep_ == "xcomp" and is_verb(c):
                    comp = c
                elif c.dep_ == "dobj" and c.i > v.i:
                    obj = c  # "urged Kyiv to ...": Kyiv belongs to the content
            if comp is None or (obj is not None and obj.i > comp.i):
                obj = None
        if comp is None and lemma in C.OBJECT_CONTENT_VERBS and not _purpose(v, lemma):
            for c in v.children:
                if (
                    c.dep_ == "dobj"
                    and c.pos_ in NOMINAL_POS
                    and c.i > v.i
                    and c.lower_ not in C.RELATIVE_PRONOUNS
                    and not (c.lower_.endswith(("self", "selves")) and c.n_rights == 0)  # "defend itself"
                ):
                    comp = c
                    break
        if comp is None and lemma in C.DESCRIBE_VERBS:
            # "called the plan "a disaster"": only with a quote in the complement (or
            # the preposition of DESCRIBE_PREPS)
            content = describe_span(ix, v, lemma)
            if content is not None and not ix.overlaps_direct(content):
                f = attribution_for_cue(ix, v, content, "reported")
                if f.source is not None:
                    found.append(f)
                    ix.used_cues.add(i)
            continue
        content = None
        if comp is not None:
            content = clause_span(ix, comp, v)
            if content is not None and obj is not None:
                oa = ix.trim(obj.left_edge.i, obj.right_edge.i + 1)
                if oa is not None and oa[0] < content[0]:
                    content = (oa[0], content[1])
        elif speech and v.dep_ == "parataxis" and is_verb(v.head):
            # "The plan, he said, is dead."
            h = v.head
            a, b = ix.para_clip(h.left_edge.i, h.right_edge.i + 1, h.i)
            content = ix.trim(a, b)
        if content is None or ix.overlaps_direct(content):
            continue
        inside = content[0] <= v.idx < content[1]
        f = attribution_for_cue(ix, v, content, "reported", inside=inside)
        if f.source is None and not speech:
            continue
        found.append(f)
        ix.used_cues.add(i)
    return found


def _outer_cue(ix: DocIndex, v: Token) -> Token | None:
    """The verb of saying a "that" clause headed by ``v`` belongs to when the parser hung the
    clause from it as an adverbial (``responded on X that ...``) rather than as its complement."""
    if v.dep_ not in ("advcl", "dep", "conj") or not any(
        c.dep_ == "mark" and c.lower_ == "that" for c in v.children
    ):
        return None
    h = v.head
    if h.i == v.i or h.i > v.i or h.i in ix.used_cues or ix.qid[h.i] >= 0 or ix.pid[h.i] != ix.pid[v.i]:
        return None
    if not is_verb(h) or h.lemma_.lower() not in C.SPEECH_VERBS:
        return None
    if any(c.dep_ in ("ccomp", "neg") for c in h.children):
        return None
    return h


def clause_span(ix: DocIndex, c: Token, v: Token) -> tuple[int, int] | None:
    a, b = c.left_edge.i, c.right_edge.i + 1
    if a <= v.i < b:  # not for a real child, but parses can be odd
        if v.i < c.i:
            a = v.i + 1
        else:
            b = v.i
    a, b = ix.para_clip(a, b, c.i)
    span = ix.trim(a, b)
    if span is None:
        return None
    return cut_after_quote(ix, extend_to_quotes(ix, span, v))


def cut_after_quote(ix: DocIndex, span: tuple[int, int]) -> tuple[int, int]:
    """End a clause at its last quote when only a comma-separated aside follows
    (``said the deal was "dead," referring to ...``, ``"glow in the dark," for instance``)."""
    start, end = span
    qs = ix.quotes_between(start, end)
    if not qs:
        return span
    q = qs[-1]
    if not (start < q.start and q.end < end):
        return span
    inner = ix.text[q.start : q.end].rstrip("\"“”«»„‘’'` ")[-1:]
    after = ix.text[q.end : end].lstrip()
    if inner == "," or after.startswith((",", "—", "–", " -")):
        return start, q.end
    return span


def describe_span(ix: DocIndex, v: Token, lemma: str) -> tuple[int, int] | None:
    """What ``v`` says of someone: ``called the plan "a disaster"``, ``described it as
    ...``, ``accused X of ...``, ``called for ...``. Only with a quote in it, or with
    the preposition that makes the verb a verb of saying (``as``, ``of``, ``for``)."""
    p = ix.pid[v.i]
    parts = [c for c in v.children if c.i > v.i and ix.pid[c.i] == p and c.dep_ in _DESCRIBE_DEPS]
    if not parts:
        return None
    a = min(c.left_edge.i for c in parts)
    b = max(c.right_edge.i for c in parts) + 1
    a, b = ix.para_clip(a, b, v.i)
    span = ix.trim(a, b)
    if span is None:
        return None
    span = extend_to_quotes(ix, span, v)
    has_quote = any(q.start >= span[0] and q.end <= span[1] for q in ix.quotes_between(span[0], span[1]))
    preps = {c.lower_ for c in parts if c.dep_ == "prep"}
    if has_quote or preps & C.DESCRIBE_PREPS.get(lemma, frozenset()):
        return span
    return None


def according(ix: DocIndex, v: Token) -> Found | None:
    """``according to X, …`` / ``…, according to X``."""
    doc = ix.doc
    to = doc[v.i + 1]
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        pobj = next((c for c in v.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    h = v.head
    if h.i == v.i or h.i == to.i:
        return None
    for _ in range(3):
        if is_verb(h) or h.head.i == h.i:
            break
        h = h.head
    pa, pb = v.left_edge.i, max(v.right_edge.i, to.right_edge.i) + 1
    ha, hb = min(h.left_edge.i, pa), max(h.right_edge.i + 1, pb)
    if pa <= ha + 1:
        a, b = pb, hb
    elif pb >= hb - 1:
        a, b = ha, pa
    else:
        a, b = ha, hb
    sa, sb = ix.sbounds[ix.sid[v.i]]
    a, b = ix.para_clip(max(a, sa), min(b, sb), v.i)
    content = ix.trim(a, b)
    if content is None or ix.overlaps_direct(content):
        return None
    src = np_span(ix, pobj, content, v.i)
    cue = (v.idx, to.idx + len(to.text))
    ch = channel_in(ix, pobj.left_edge.i, pobj.right_edge.i + 1)
    return Found(content, "reported", src, cue, ch, v.i)


def drop_nested(ix: DocIndex, found: list[Found]) -> list[Found]:
    """Drop reported statements whose cue lies inside another attribution's content
    ("X said that Y thinks ...": Y's belief is part of what X said), unless that one only
    relays them ("according to reports, Y said ...": :func:`.embedding.relayed`)."""
    holders = sorted(found, key=lambda f: f.content)
    starts = [f.content[0] for f in holders]
    out = []
    for f in found:
        if f.kind == "reported" and f.cue is not None:
            c0 = f.cue[0]
            k = bisect.bisect_right(starts, c0)
            nested = False
            for j in range(k - 1, -1, -1):
                g = holders[j]
                s, e = g.content
                if s <= c0 < e and g.content != f.content and not relayed(ix, f, g):
                    nested = True
                    break
                if e < c0 and j < k - 8:
                    break
            if nested:
                continue
        out.append(f)
    return out


def _asks(clause: Token, v: Token, cognition: bool) -> bool:
    """Whether a clause after its cue ``v`` opens with a question word ("how we can ...",
    "what exactly he meant"): under a verb of knowing or showing (``cognition``), it names a
    matter, not a belief someone holds; under a verb of saying, the matter spoken of, not what
    was said, unless it opens with "how" or "why" (:data:`~parley.extract.cues.
    QUESTION_WORDS_NOT_SAID`). A question word before the cue belongs to the sentence around it
    ("what he says is ...", "which he said were ...")."""
    first = clause.left_edge
    words = C.QUESTION_WORDS if cognition else C.QUESTION_WORDS_NOT_SAID
    return first.i > v.i and first.lower_ in words


def _complement(ix: DocIndex, v: Token) -> Token | None:
    """The clause a cue governs: its first ``ccomp`` in its paragraph after it, else one before
    it (``The plan is dead, he said``). A clause after the cue wins over one before it, which
    the parser hangs there when it ran two sentences' verbs together (``He knows that ..., so
    he thinks that ...``; ``Four years later -- with ... destroyed -- it conceded that ...``)."""
    p = ix.pid[v.i]
    before = None
    for c in v.children:
        if c.dep_ == "ccomp" and ix.pid[c.i] == p:
            if c.i > v.i:
                return c
            if before is None:
                before = c
    return before


# Verbs that take a "that" clause of their own ("after hearing that ..."): under them the
# clause is not the cue's.
_CLAUSE_TAKERS = (
    C.SPEECH_VERBS
    | C.COGNITION_VERBS
    | frozenset("hear see read notice discover ensure decide mean prove".split())
)


def _adjunct_clause(ix: DocIndex, v: Token) -> Token | None:
    """A "that" clause the parser hung on a bare time adjunct after a verb of saying: ``said
    before leaving that ...``, ``told reporters after landing that ...``: the cue's content."""
    for prep in v.children:
        if prep.dep_ != "prep" or prep.i < v.i:
            continue
        for g in prep.children:
            if g.dep_ != "pcomp" or not is_verb(g) or g.lemma_.lower() in _CLAUSE_TAKERS:
                continue
            kids = [c for c in g.children if c.dep_ not in ("punct", "advmod")]
            if len(kids) != 1 or kids[0].dep_ != "ccomp" or ix.pid[kids[0].i] != ix.pid[v.i]:
                continue
            clause = kids[0]
            if any(c.dep_ == "mark" and c.lower_ == "that" and c.i > g.i for c in clause.children):
                return clause
    return None


def _without(v: Token) -> bool:
    """Whether ``v`` is the gerund of a ``without`` (``said, without clarifying what he
    meant``): a cue negated."""
    return v.dep_ == "pcomp" and v.head.lower_ == "without"


def _purpose(v: Token, lemma: str) -> bool:
    """Whether ``v`` is an infinitive that says what something is for, not what anyone said:
    one that modifies a noun (``the right to defend itself``, ``a plan to back ...``) and, for
    a verb of taking a stand, one of purpose or result (``using bases to support drone
    operations``, ``troops deployed to back the offensive``, ``could continue to favor ...``)."""
    if v.tag_ != "VB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children):
        return False
    if v.dep_ in ("acl", "relcl"):
        return True
    return lemma in C.STANCE_OBJECT_VERBS and v.dep_ in ("advcl", "xcomp")
