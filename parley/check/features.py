"""Features of a (claim, body) pair, shared by training and inference.

A body is read once into a :class:`Body` (sentence spans, their tokens and terms, TF-IDF
vectors and, with an encoder, embeddings of its first :data:`MAX_EMBED` sentences); each claim
is then compared with it by :meth:`Featurizer.features`, which returns one vector:

* its first ``len(RELATED_NAMES)`` entries are the *relatedness* scalars: TF-IDF cosines of the
  claim with the body, its best sentences and its opening; idf-weighted coverage of the claim's
  terms; Jaccard and bigram overlap; numbers shared; lengths; embedding cosines;
* then, for each cue list (refuting, hedging, confirming, reporting, negation; see
  :data:`parley.check.text.CUES`), its count in the claim, the whole body (per 100 tokens), the
  opening, the most relevant sentences and the best one; then question marks, quotes and a
  negation mismatch between the claim and the best sentence;
* then 0/1 indicators for a learned vocabulary (``evidence_words``) found in the most relevant
  and opening sentences.

The relatedness forest reads the first block; the stance forest reads the whole vector. The most
relevant sentences are ranked by :meth:`Featurizer.ranking` (TF-IDF cosine plus half the
embedding cosine), which is also what ``check`` reports as evidence.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

from parley.check.text import CUES, CueSet, compile_cues, count, sentences, terms, tokens

TOP_K = 3  # relevant sentences whose cues and words are features
LEAD = 3  # opening sentences counted separately
MAX_EMBED = 50  # sentences embedded per body (the opening ones); lexical features use all
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


class Encoder(Protocol):
    """Sentence embeddings: texts in, an ``(n, dim)`` float array of unit vectors out."""

    name: str
    dim: int

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


RELATED_NAMES = (
    "cos_body", "cos_max", "cos_top3", "cos_lead", "cover", "cover_lead", "cover_best", "jaccard",
    "bigram_cover", "number_cover", "claim_terms", "body_tokens_log", "n_sentences_log",
    "best_position", "emb_max", "emb_top3", "emb_mean", "emb_lead", "emb_best_position",
)  # fmt: skip
EXTRA_NAMES = ("claim_question", "claim_quoted", "body_questions", "negation_mismatch")
_CUE_PLACES = ("claim", "body", "lead", "top", "best")


@dataclass
class Body:
    """One body read for comparison."""

    text: str
    spans: list[tuple[int, int]]
    sent_tokens: list[list[str]]
    sent_terms: list[list[str]]
    sent_vecs: list[dict[str, float]]
    body_vec: dict[str, float]
    term_set: frozenset[str]
    bigrams: frozenset[tuple[str, str]]
    numbers: frozenset[str]
    n_tokens: int
    cue_counts: dict[str, int]
    emb: np.ndarray | None = None  # (min(len(spans), MAX_EMBED), dim)


@dataclass
class Featurizer:
    """Turns (claim, body) pairs into feature vectors, given the model's vocabulary."""

    idf: dict[str, float]
    default_idf: float
    evidence_words: tuple[str, ...] = ()
    cues: dict[str, tuple[str, ...]] = field(default_factory=lambda: dict(CUES))
    encoder: Encoder | None = None

    def __post_init__(self) -> None:
        self._evidence_index = {w: i for i, w in enumerate(self.evidence_words)}
        self._cues: dict[str, CueSet] = {name: compile_cues(ws) for name, ws in self.cues.items()}

    def names(self) -> list[str]:
        """Names of the entries of :meth:`features`, in order."""
        names = list(RELATED_NAMES)
        names += [f"{cue}_{place}" for cue in self.cues for place in _CUE_PLACES]
        names += list(EXTRA_NAMES)
        return names + [f"evidence_has:{w}" for w in self.evidence_words]

    # -- reading -----------------------------------------------------------------------------
    def vector(self, words: list[str]) -> dict[str, float]:
        """Unit-length TF-IDF vector (sublinear term frequency)."""
        counts = Counter(words)
        vec = {w: (1.0 + math.log(c)) * self.idf.get(w, self.default_idf) for w, c in counts.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        return {w: v / norm for w, v in vec.items()}

    def read_body(self, text: str, emb: np.ndarray | None = None) -> Body:
        """Read a body; ``emb`` are precomputed embeddings of its first sentences, if any."""
        spans = sentences(text) or [(0, len(text))]
        sent_tokens = [tokens(text[s:e]) for s, e in spans]
        sent_terms = [terms(text[s:e]) for s, e in spans]
        all_terms = [t for ts in sent_terms for t in ts]
        all_tokens = [t for ts in sent_tokens for t in ts]
        if emb is None and self.encoder is not None:
            emb = self.encoder.encode([text[s:e] for s, e in spans[:MAX_EMBED]])
        return Body(
            text=text,
            spans=spans,
            sent_tokens=sent_tokens,
            sent_terms=sent_terms,
            sent_vecs=[self.vector(ts) for ts in sent_terms],
            body_vec=self.vector(all_terms),
            term_set=frozenset(all_terms),
            bigrams=frozenset(b for ts in sent_terms for b in zip(ts, ts[1:], strict=False)),
            numbers=frozenset(_NUMBER.findall(text)),
            n_tokens=len(all_tokens),
            cue_counts={name: count(all_tokens, cs) for name, cs in self._cues.items()},
            emb=emb,
        )

    def embed_claim(self, claim: str) -> np.ndarray | None:
        if self.encoder is None:
            return None
        return np.asarray(self.encoder.encode([claim])[0], dtype=np.float64)

    # -- comparing ---------------------------------------------------------------------------
    def relevance(
        self, claim: str, body: Body, claim_emb: np.ndarray | None
    ) -> tuple[np.ndarray, np.ndarray]:
        """Per-sentence TF-IDF cosine and embedding cosine (0 where not embedded)."""
        claim_vec = self.vector(terms(claim))
        lex = np.array([_dot(claim_vec, v) for v in body.sent_vecs], dtype=np.float64)
        sem = np.zeros(len(body.spans))
        if claim_emb is not None and body.emb is not None and len(body.emb):
            sem[: len(body.emb)] = body.emb @ claim_emb
        return lex, sem

    @staticmethod
    def ranking(lex: np.ndarray, sem: np.ndarray) -> np.ndarray:
        """Sentence indices, most relevant first."""
        return np.argsort(-(lex + 0.5 * sem), kind="stable")

    def top_tokens(self, claim: str, body: Body, claim_emb: np.ndarray | None) -> set[str]:
        """Tokens of the most relevant and the opening sentences (where ``evidence_words`` are sought)."""
        order = self.ranking(*self.relevance(claim, body, claim_emb))[:TOP_K]
        picked = {int(i) for i in order} | set(range(min(LEAD, len(body.spans))))
        return {t for i in picked for t in body.sent_tokens[i]}

    def features(self, claim: str, body: Body, claim_emb: np.ndarray | None = None) -> np.ndarray:
        claim_terms = terms(claim)
        claim_tokens = tokens(claim)
        claim_vec = self.vector(claim_terms)
        lex, sem = self.relevance(claim, body, claim_emb)
        order = self.ranking(lex, sem)
        best = int(order[0])
        n = len(body.spans)
        claim_set = set(claim_terms)
        # sorted: float sums must not depend on set order (string hashing varies by process)
        weights = {t: self.idf.get(t, self.default_idf) for t in sorted(claim_set)}
        total = sum(weights.values()) or 1.0
        lead_terms = [t for ts in body.sent_terms[:LEAD] for t in ts]
        claim_bigrams = set(zip(claim_terms, claim_terms[1:], strict=False))
        claim_numbers = set(_NUMBER.findall(claim))
        scalars = [
            _dot(claim_vec, body.body_vec),
            float(lex.max()),
            float(np.sort(lex)[::-1][:TOP_K].mean()),
            _dot(claim_vec, self.vector(lead_terms)),
            sum(w for t, w in weights.items() if t in body.term_set) / total,
            sum(w for t, w in weights.items() if t in set(lead_terms)) / total,
            sum(w for t, w in weights.items() if t in set(body.sent_terms[best])) / total,
            len(claim_set & body.term_set) / (len(claim_set | body.term_set) or 1),
            len(claim_bigrams & body.bigrams) / (len(claim_bigrams) or 1),
            len(claim_numbers & body.numbers) / len(claim_numbers) if claim_numbers else -1.0,
            float(len(claim_set)),
            math.log1p(body.n_tokens),
            math.log1p(n),
            best / n,
        ]
        n_emb = 0 if body.emb is None or claim_emb is None else len(body.emb)
        if n_emb:
            s = sem[:n_emb]
            scalars += [
                float(s.max()),
                float(np.sort(s)[::-1][:TOP_K].mean()),
                float(s.mean()),
                float(s[:LEAD].mean()),
                float(np.argmax(s)) / n_emb,
            ]
        else:
            scalars += [0.0] * 5
        top_tokens = [t for i in order[:TOP_K] for t in body.sent_tokens[int(i)]]
        lead_tokens = [t for ts in body.sent_tokens[:LEAD] for t in ts]
        per100 = 100.0 / max(body.n_tokens, 1)
        for name, cue_set in self._cues.items():
            scalars += [
                count(claim_tokens, cue_set),
                body.cue_counts[name] * per100,
                count(lead_tokens, cue_set),
                count(top_tokens, cue_set),
                count(body.sent_tokens[best], cue_set),
            ]
        negation = self._cues.get("negation")
        mismatch = negation is not None and (
            count(claim_tokens, negation) % 2 != count(body.sent_tokens[best], negation) % 2
        )
        scalars += [
            float("?" in claim),
            float(any(q in claim for q in "\"'“‘")),
            body.text.count("?") * per100,
            float(mismatch),
        ]
        vocab = np.zeros(len(self.evidence_words))
        for t in set(top_tokens) | set(lead_tokens):
            j = self._evidence_index.get(t)
            if j is not None:
                vocab[j] = 1.0
        return np.concatenate([np.asarray(scalars, dtype=np.float64), vocab])


def _dot(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(w, 0.0) for w, v in a.items())
