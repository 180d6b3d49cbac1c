"""What copy and story detection compare, computed once per article: sentences, a MinHash
signature and a sentence-embedding vector.

- **Sentences** (:func:`sentences`): paragraphs split at sentence-final punctuation, each with its
  span into ``Article.text``, so a difference found later points at the words it was read in. No
  parse: this runs in a corpus step over every new article.
- **MinHash** (:func:`minhash`): the Jaccard similarity of the articles' sets of five-word
  shingles, estimated with ``datasketch`` (128 permutations, fixed seed). Near-duplicates (a wire
  story with a changed headline or an added line) share most shingles.
- **Vector** (:func:`lead_vector`): the mean embedding of the title and the first sentences (the
  lead), from the multilingual :class:`~parley.embed.Embedder`: a rewrite in other words, or in
  another language, lands near its original, and so does another article on the same story.

Signatures and vectors are stored as base64 (``uint32`` hash values, ``int8`` vector components)
so a store of thousands of articles reads them back in milliseconds.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from parley.embed import Embedder
from parley.models import Span

NUM_PERM = 128
SEED = 7
SCHEME = "affine32"  # datasketch 2's 32-bit hash values: stored as they are
SHINGLE = 5
LEAD_SENTENCES = 6
MAX_SENTENCE_CHARS = 400  # a "sentence" longer than this is a list or a table: cut for embedding
MIN_SENTENCE_WORDS = 4

_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’»)]*\s+(?=[\"'“‘«(]?[A-ZА-ЯЁІЇЄҐ0-9])")
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Sentence:
    span: Span
    text: str

    @property
    def key(self) -> str:
        """The words alone, lower-cased: equal for the same sentence re-punctuated or re-spaced."""
        return " ".join(_WORD.findall(self.text.casefold()))


def sentences(text: str, limit: int | None = None) -> list[Sentence]:
    """Sentences of at least four words, paragraph by paragraph, with spans into ``text``."""
    found: list[Sentence] = []
    for para in re.finditer(r"[^\n]+", text):
        start = para.start()
        pieces = _SENTENCE_END.split(para.group(0))
        offset = 0
        for piece in pieces:
            at = para.group(0).find(piece, offset)
            offset = at + len(piece)
            stripped = piece.strip()
            if len(_WORD.findall(stripped)) < MIN_SENTENCE_WORDS:
                continue
            lead = piece.find(stripped)
            begin = start + at + lead
            found.append(Sentence(Span(begin, begin + len(stripped)), stripped))
            if limit is not None and len(found) >= limit:
                return found
    return found


def shingles(text: str, size: int = SHINGLE) -> set[bytes]:
    words = _WORD.findall(text.casefold())
    if len(words) < size:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + size]).encode() for i in range(len(words) - size + 1)}


def minhash(text: str):
    """A ``datasketch.MinHash`` of the text's five-word shingles."""
    from datasketch import MinHash

    m = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
    m.update_batch(list(shingles(text)))
    return m


def restore_minhash(encoded: str):
    from datasketch import LeanMinHash

    values = np.frombuffer(base64.b64decode(encoded), dtype=np.uint32)
    return LeanMinHash(seed=SEED, hashvalues=values, scheme=SCHEME)


def encode_minhash(m) -> str:
    return base64.b64encode(np.asarray(m.hashvalues, dtype=np.uint32).tobytes()).decode("ascii")


def lead_texts(title: str, text: str) -> list[str]:
    """The title (when it is not the first sentence already) and the lead's sentences."""
    lead = [s.text[:MAX_SENTENCE_CHARS] for s in sentences(text, limit=LEAD_SENTENCES)]
    if title and (not lead or _WORD.findall(title.casefold()) != _WORD.findall(lead[0].casefold())):
        lead.insert(0, title[:MAX_SENTENCE_CHARS])
    return lead or [text[:MAX_SENTENCE_CHARS]]


def lead_vectors(embedder: Embedder, leads: Sequence[Sequence[str]]) -> np.ndarray:
    """One unit vector per article: the mean of its lead sentences' embeddings (one batch)."""
    flat = [t for lead in leads for t in lead]
    if not flat:
        return np.zeros((0, 512), dtype=np.float32)
    encoded = embedder.encode(flat)
    rows, at = [], 0
    for lead in leads:
        rows.append(encoded[at : at + len(lead)].mean(axis=0))
        at += len(lead)
    return normalise(np.vstack(rows))


def normalise(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=-1, keepdims=True)
    return (vectors / np.where(norms == 0, 1, norms)).astype(np.float32)


def encode_vector(vector: np.ndarray) -> str:
    quantised = np.clip(np.round(vector * 127), -127, 127).astype(np.int8)
    return base64.b64encode(quantised.tobytes()).decode("ascii")


def quantised(encoded: str) -> np.ndarray:
    """A stored lead vector as its 512 bytes (a quarter of the float32 it stands for): what a step
    walking every fingerprint keeps of each."""
    return np.frombuffer(base64.b64decode(encoded), dtype=np.int8)


CHUNK = 4096  # rows made float32 at a time, so no whole int8 or float64 copy of the matrix is made


class LeadVectors:
    """The lead vectors of many articles held as one matrix of their quantised rows (512 bytes an
    article, a quarter of the float32 matrix of unit rows) and made float32 unit
    rows only as they are read, a chunk at a time: each value is the one the float32 matrix
    holds, so what is computed from them is the same, and a step over the whole corpus holds a
    quarter of the memory."""

    def __init__(self, rows: Sequence[np.ndarray]) -> None:
        self._rows = np.zeros((len(rows), 512), dtype=np.int8)
        for n, row in enumerate(rows):
            self._rows[n] = row

    @classmethod
    def of_matrix(cls, rows: np.ndarray) -> LeadVectors:
        """The vectors of one int8 matrix of quantised rows, held as it is (not copied)."""
        held = cls.__new__(cls)
        held._rows = rows
        return held

    def __len__(self) -> int:
        return len(self._rows)

    def rows(self, index: Sequence[int] | slice) -> np.ndarray:
        """The unit float32 rows at ``index``."""
        return normalise(self._rows[index].astype(np.float32))

    def row(self, n: int) -> np.ndarray:
        return self.rows(slice(n, n + 1))[0]

    def against_all(self, block: np.ndarray) -> np.ndarray:
        """``block @ matrix.T``: each row of ``block`` against every vector, a chunk at a time."""
        out = np.empty((len(block), len(self._rows)), dtype=np.float32)
        for start in range(0, len(self._rows), CHUNK):
            out[:, start : start + CHUNK] = block @ self.rows(slice(start, start + CHUNK)).T
        return out


class QuantisedRows:
    """Stored lead vectors gathered by article id into one int8 matrix as they stream past, in id
    order: a step walking every fingerprint holds 512 bytes an article, not an array object each
    and then a second, sorted copy of them all (about 60 MiB at 100,000 articles). ``ids`` are
    the articles that may have a vector; :meth:`vectors` gives those that were given one."""

    def __init__(self, ids: Iterable[str]) -> None:
        self._ids = sorted(set(ids))
        self._at = {i: n for n, i in enumerate(self._ids)}
        self._rows = np.zeros((len(self._ids), 512), dtype=np.int8)
        self._given = np.zeros(len(self._ids), dtype=bool)

    def put(self, article_id: str, encoded: str) -> bool:
        """Keep the vector (its stored text) of ``article_id``; False for an id not expected."""
        n = self._at.get(article_id)
        if n is None:
            return False
        self._rows[n] = quantised(encoded)
        self._given[n] = True
        return True

    def vectors(self) -> tuple[list[str], LeadVectors]:
        """The ids given a vector, in order, and their vectors (the matrix itself, no copy, when
        every expected id was given one)."""
        ids = [i for i, given in zip(self._ids, self._given, strict=True) if given]
        return ids, LeadVectors.of_matrix(
            self._rows if len(ids) == len(self._ids) else self._rows[self._given]
        )


class DenseVectors(LeadVectors):
    """Vectors already float32 unit rows of any width, read as :class:`LeadVectors` reads (tests
    and small corpora)."""

    def __init__(self, matrix: np.ndarray) -> None:
        self._rows = matrix

    def rows(self, index: Sequence[int] | slice) -> np.ndarray:
        return self._rows[index]

    def against_all(self, block: np.ndarray) -> np.ndarray:
        return block @ self._rows.T
