"""Nested content: a clause someone denies, relays or is asked about is not its subject's voice.

"Peskov refuted assertions that Putin has dismissed the plan" is Peskov denying a claim; "asked
whether claims that Putin rejected the initiative were correct" is a question put to Peskov. The
cue verbs inside such clauses ("dismissed", "rejected") would otherwise make attributions whose
speaker is the clause's subject (Putin). :func:`mark_embedded` finds every attribution whose cue
verb sits in

* the complement of a claim noun (``reports that ...``, ``claims that ...``, ``assertions
  that ...``, ``rumours of ...``): ``report``;
* a question (``asked whether ...``, ``asked why ...``, ``questions about whether ...``; a
  cue that is itself a question put to the speaker, ``Asked whether ..., X said``, ``X was
  asked whether ...``; a sentence that is a direct question, ``Did X reject the plan?``):
  ``question`` (not ``asked about X``: X may be what someone really said);
* a denial (the clause or the claim noun governed by a verb of denial, ``denied that ...``,
  ``refuted assertions that ...``; ``it is not true that ...``, ``claims that ... are false``):
  ``denial`` (which wins over the other two; a question wins over a report);

and ties it to the attribution whose cue governs that clause (the *outer* one): the record
keeps its cue and content (a reported content is widened to the whole clause, its subject
included, so that it reads as the claim it is) and takes the outer speaker. With no outer
attribution (the writer's own question or denial, a report no one in the text relays, a
question put by no one named: ``X was asked whether ...``) it keeps its label and has no
speaker: it is nobody's statement, and above all not its subject's.

A reported question its own speaker asks (``X asked whether ...``, ``X wondered what ...``, ``X
asks: How ...?``: :func:`own_question`) is labelled ``question`` too, with no outer attribution,
and keeps its speaker, the asker: a question, not a claim of the asker's.

Not embedded: ``according to reports, X said ...`` and ``Reports say X told ...``: the text
asserts, on the reports' word, that X spoke, as it does with ``Tass reported X as saying``; so
does ``The magazine said it had seen a transcript in which X said ...`` (a record of words said:
``C.RECORD_NOUNS``). Such an inner statement of a verb of saying is kept as X's
(:func:`relayed`), besides the outer one; an ``according to`` record whose content is such a
saying is marked ``report``, its speaker kept: it relays the words, it claims nothing of its own
(:mod:`.relays`).
"""

from __future__ import annotations

import bisect

from spacy.tokens import Token

from parley.extract import cues as C

from .document import DocIndex, Found, extend_to_quotes
from .put_to import aside_ask, aside_reply, put_to_subject
from .relays import NOT_SAYING, mark_relays
from .verbs import is_cue_verb, is_verb

# Which label wins when a cue sits under several markers.
_RANK = {"denial": 3, "question": 2, "report": 1}
_CLAIM_DEPS = frozenset({"acl", "ccomp", "appos"})


def mark_embedded(ix: DocIndex, found: list[Found]) -> list[Found]:
    """``found`` with embedded attributions tied to their outer one (or left without a speaker)."""
    by_cue: dict[int, Found] = {}
    for f in sorted(found, key=lambda f: f.content):
        if f.cue_i >= 0:
            by_cue.setdefault(f.cue_i, f)
    label: dict[int, tuple[str, Found | None]] = {}
    for f in found:
        res = _embedding(ix, f, by_cue)
        if res is not None:
            label[id(f)] = res
    out: list[Found] = []
    for f in found:
        if id(f) not in label:
            if own_question(ix, f):
                f.embedded = "question"  # the asker keeps the words: their question, no claim
            out.append(f)
            continue
        outer = _outermost(f, label)
        f.embedded = label[id(f)][0]
        f.outer = label[id(f)][1]
        f.source = outer.source if outer is not None else None
        if f.kind == "reported" and not _asked(ix, f):
            f.content = _whole_clause(ix, f)
        out.append(f)
    mark_relays(ix, out)  # "According to X, Y said ...": X relays Y's words, no claim of X's
    return out


def own_question(ix: DocIndex, f: Found) -> bool:
    """``X asked whether ...``, ``X wondered what it was``, ``X questioned how ...``, ``this
    analysis asks: How ...?``: reported content that is the question its speaker asks, not
    something they assert (the speaker is the asker; ``X asked Y to ...``, a request, and ``X
    questioned the figures`` are not questions)."""
    if f.kind != "reported" or f.cue_i < 0 or f.embedded is not None:
        return False
    return asks_question(ix, ix.doc[f.cue_i], f.content)


def asks_question(ix: DocIndex, v: Token, content: tuple[int, int]) -> bool:
    """Whether the verb ``v`` asks the reported ``content`` as a question (:func:`own_question`;
    the learned model's proposals are read by it too)."""
    if not is_verb(v) or v.lemma_.lower() not in C.ASK_VERBS:
        return False
    span = ix.doc.char_span(content[0], content[1], alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    opens = C.QUESTION_WORDS | {"if"}
    first = span[0]
    if first.pos_ == "ADV" and len(span) > 1 and span[1].lower_ in opens - {"which"}:
        return True  # "wondered just how strong ...", "asked exactly what ..."
    if first.lower_ in opens:
        return first.lower_ != "which" or first.dep_ != "det"  # not "which plan was tabled" as a subject
    if any(
        c.dep_ in ("ccomp", "advcl")
        and c.left_edge.lower_ in opens
        and span.start <= c.left_edge.i < span.end
        for c in v.children
    ):
        return True  # "asked the minister if the deal was dead": the addressee, then the question
    after = span[-1].i + 1
    return after < len(ix.doc) and ix.doc[after].text == "?"  # "asks: How successful has it been?"


def relayed(ix: DocIndex, inner: Found, outer: Found) -> bool:
    """``according to reports, X said ...`` / ``Reports say X told ...``: the inner statement
    of a verb of saying, passed on by a relaying source, is X's own as well."""
    if inner.source is None or inner.cue_i < 0 or outer.cue_i < 0 or inner.kind != "reported":
        return False
    doc = ix.doc
    v, o = doc[inner.cue_i], doc[outer.cue_i]
    lemma = v.lemma_.lower()
    if not is_verb(v) or lemma not in C.SPEECH_VERBS or lemma in NOT_SAYING:
        return False
    if o.lower_ == "according":
        return o.head.i == v.i
    if _in_record(v):
        return True
    if v.head.i != o.i or v.dep_ != "ccomp" or outer.source is None:
        return False
    src = doc.char_span(outer.source[0], outer.source[1], alignment_mode="expand")
    return src is not None and len(src) > 0 and src.root.lemma_.lower() in C.RELAYING_SOURCES


def _in_record(v: Token) -> bool:
    """``v`` tells what was said in a record the text names: "a transcript of the call in which X
    said ...", "a letter where X warned that ...": the teller passes on X's words as X's."""
    if v.dep_ != "relcl" or v.head.lemma_.lower() not in C.RECORD_NOUNS or _record_doubted(v.head):
        return False
    return any(
        (c.dep_ == "prep" and c.lower_ == "in" and any(g.lower_ == "which" for g in c.children))
        or (c.dep_ == "advmod" and c.lower_ == "where")
        for c in v.children
    )


# what makes a record no source of anyone's words: a forged or alleged one, one said not to exist
_DOUBTED_RECORD = frozenset("forged fake fabricated alleged purported bogus doctored false supposed".split())
_HEARSAY_NOUNS = frozenset("existence report claim rumour rumor allegation".split())


def _record_doubted(record: Token) -> bool:
    """ "a forged letter in which X said", "no transcript in which", "denied the existence of a
    call in which", "dismissed reports of a call in which": the words are no one's said."""
    if any(
        c.lower_ in _DOUBTED_RECORD or (c.dep_ == "det" and c.lower_ in ("no", "any"))
        for c in record.children
    ):
        return True
    for a in record.ancestors:
        lemma = a.lemma_.lower()
        if lemma in C.DENIAL_VERBS or lemma in ("existence", "report", "claim", "rumour", "rumor"):
            return True
        if any(c.dep_ == "neg" for c in a.children) or lemma in C.FALSE_WORDS:
            return True
    return False


def in_claim(ix: DocIndex, v: Token) -> bool:
    """Cue verb ``v`` sits in a denied, reported or asked clause below any other cue verb
    ("dismissed claims that X had said "…""): a quote it governs is part of that clause, not a
    speech of its own (the direct pass leaves it to the reported one)."""
    p = ix.pid[v.i]
    best = 0
    cur = v
    for _ in range(40):
        h = cur.head
        if h.i == cur.i or ix.pid[h.i] != p or (ix.in_quote(h.i) and not ix.in_quote(cur.i)):
            break
        if _reply(cur, h):
            return False
        best = max(best, _marker(cur, h, best > 0))
        if best:
            return True
        if is_cue_verb(h) and not ix.in_quote(h.i):
            return False
        cur = h
    return _direct_question(ix, cur)


def _outermost(f: Found, label: dict[int, tuple[str, Found | None]]) -> Found | None:
    """The attribution whose speaker an embedded one takes: its outer one's, following the
    chain when that one is embedded too; None when the chain ends with no outer attribution."""
    seen: set[int] = set()
    cur: Found | None = f
    while cur is not None and id(cur) in label:
        if id(cur) in seen:
            return None
        seen.add(id(cur))
        cur = label[id(cur)][1]
    return cur


def _embedding(ix: DocIndex, f: Found, by_cue: dict[int, Found]) -> tuple[str, Found | None] | None:
    """(label, outer attribution or None) when ``f``'s cue sits in a denied, reported or asked
    clause; None when it does not."""
    if f.cue_i < 0:
        return None
    doc = ix.doc
    v = doc[f.cue_i]
    if not is_verb(v) or ix.in_quote(v.i):
        return None  # a colon, a dash, "according to": no clause of its own
    best = 0
    if v.lemma_.lower() in C.ASK_VERBS and _put_to_speaker(v):
        best = _RANK["question"]  # "Asked whether ..., X said", "X was asked whether ..."
    p = ix.pid[v.i]
    cur = v
    for _ in range(40):
        h = cur.head
        if h.i == cur.i or ix.pid[h.i] != p or (ix.in_quote(h.i) and not ix.in_quote(cur.i)):
            break
        if _reply(cur, h):
            break  # "X, asked whether ..., replied: ...": the reply is X's own
        best = max(best, _marker(cur, h, best > 0))
        outer = by_cue.get(h.i)
        if outer is not None and outer is not f:
            if not best:
                return None  # nested in an attribution, not in a claim: "X said that Y told ..."
            return _name(best), outer
        cur = h
    if _direct_question(ix, cur):
        best = max(best, _RANK["question"])
    return (_name(best), None) if best else None


def _reply(cur: Token, h: Token) -> bool:
    """``cur`` is the reply after the aside question ``h`` (``X, asked whether ..., replied``)."""
    if cur.i < h.i:
        return False
    reply = aside_reply(h)
    return reply is not None and reply.i == cur.i


def _name(rank: int) -> str:
    return next(k for k, r in _RANK.items() if r == rank)


def _marker(cur: Token, h: Token, under_claim: bool) -> int:
    """The rank of the marker the arc ``cur -> h`` crosses (0: none)."""
    lemma = h.lemma_.lower()
    dep = cur.dep_
    if is_verb(h) and lemma in C.DENIAL_VERBS:
        if dep == "ccomp" or (dep in ("dobj", "nsubjpass") and (under_claim or _claim_noun(cur))):
            return _RANK["denial"]  # "denied that ...", "refuted assertions that ..."
    if dep in ("ccomp", "csubj") and lemma in ("be", "seem", "appear") and _false_predicate(h):
        return _RANK["denial"]  # "it is not true that ..."
    if dep == "ccomp" and h.pos_ == "ADJ" and _false_predicate(h.head, h):
        return _RANK["denial"]  # "it is not true that ..." with the clause on the adjective
    if dep == "nsubj" and _claim_noun(cur) and _false_predicate(h):
        return _RANK["denial"]  # "claims that ... are false"
    if any(c.dep_ == "mark" and c.lower_ == "whether" for c in cur.children):
        return _RANK["question"]
    if lemma in C.QUESTION_NOUNS and h.pos_ == "NOUN" and (dep == "prep" or _complement(cur, h)):
        return _RANK["question"]  # "questions about ...", "the question whether ..."
    if lemma in C.ASK_VERBS and is_verb(h) and dep == "ccomp":
        return _RANK["question"]  # "asked if ...", "asked why ..." (not "asked about X", X may be real)
    if _claim_noun(h) and (
        (dep in _CLAIM_DEPS and _complement(cur, h))
        or (dep == "relcl" and any(c.dep_ == "mark" and c.lower_ == "that" for c in cur.children))
        or (dep == "prep" and cur.lower_ in ("of", "about"))
    ):
        return _RANK["report"]  # "reports that ...", "rumours of ..."
    return 0


def _complement(clause: Token, noun: Token) -> bool:
    """``clause`` states what ``noun`` claims ("reports that X rejected ..."): a clause of its own
    (a subject, or "that"/"whether") right after the noun, not a participle that describes it ("a
    claim rejected by Kyiv", "a report alleging that ...") nor a heading's ("Claims: X said ...")."""
    own = any(
        c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl")
        or (c.dep_ == "mark" and c.lower_ in ("that", "whether", "if"))
        for c in clause.children
    )
    between = noun.doc[noun.i + 1 : clause.left_edge.i]
    return own and noun.i < clause.left_edge.i and not any(t.is_punct for t in between)


def _claim_noun(t: Token) -> bool:
    return t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() in C.CLAIM_NOUNS


def _false_predicate(h: Token, adj: Token | None = None) -> bool:
    """``h`` (a copula) says its subject or clause is false: "is false", "is not true"."""
    preds = [adj] if adj is not None else [c for c in h.children if c.dep_ in ("acomp", "attr")]
    negated = any(c.dep_ == "neg" for c in h.children) or any(
        c.dep_ == "neg" for p in preds for c in p.children
    )
    for p in preds:
        word = p.lemma_.lower()
        if word in C.FALSE_WORDS or (negated and word in C.TRUE_WORDS):
            return True
    return False


def _asked(ix: DocIndex, f: Found) -> bool:
    """``f``'s cue puts a question to the one it names ("Asked whether ...", "X was asked ...")."""
    v = ix.doc[f.cue_i]
    return v.lemma_.lower() in C.ASK_VERBS and _put_to_speaker(v)


def _put_to_speaker(v: Token) -> bool:
    """An ask verb whose subject is the one asked a question: "Asked whether ...", "X was asked
    about ..." (not a request: "X was asked to ...")."""
    if aside_ask(v):
        return True  # "X, asked whether ..., replied: ..." (the parser making X its subject)
    deps = {c.dep_ for c in v.children}
    question = "ccomp" in deps or any(c.dep_ == "prep" and c.lower_ == "about" for c in v.children)
    return question and "xcomp" not in deps and put_to_subject(v)


def _direct_question(ix: DocIndex, root: Token) -> bool:
    """The sentence of ``root`` asks a question: it ends with "?" and opens with an auxiliary
    or a wh-word ("Did X reject the plan?", "Why did X reject it?")."""
    lo, hi = ix.sbounds[ix.sid[root.i]]
    lo, hi = ix.para_clip(lo, hi, root.i)
    tt = ix.tokens
    words = [i for i in range(lo, hi) if not (tt.space[i] or (tt.punct[i] and tt.text[i] != "?"))]
    if len(words) < 3 or tt.text[words[-1]] != "?" or ix.in_quote(words[-1]):
        return False
    first = ix.doc[words[0]]
    return first.tag_ in ("MD", "WDT", "WP", "WRB", "WP$") or (
        first.pos_ == "AUX" and first.lemma_.lower() in ("do", "be", "have")
    )


def _whole_clause(ix: DocIndex, f: Found) -> tuple[int, int]:
    """The reported content of an embedded attribution widened to its cue's clause, subject
    included ("that Putin rejected the initiative"), so it reads as the claim it is."""
    v = ix.doc[f.cue_i]
    a, b = ix.para_clip(v.left_edge.i, v.right_edge.i + 1, v.i)
    span = ix.trim(a, b)
    if span is None:
        return f.content
    return extend_to_quotes(ix, (min(span[0], f.content[0]), max(span[1], f.content[1])), v)


def drop_nested(ix: DocIndex, found: list[Found]) -> list[Found]:
    """Drop reported statements whose cue lies inside another attribution's content
    ("X said that Y thinks ...": Y's belief is part of what X said), unless that one only
    relays them ("according to reports, Y said ...": :func:`relayed`)."""
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
