"""``parley dossier init``: a first dossier for an ingested, analysed corpus that has none, for the
user to edit rather than write.

- **actors**: the actors the corpus mentions most (mentions and statements counted), with the kind,
  side and roles the evidence gave them; a comment says how often each was seen;
- **sides**: the sides those actors already have, then the places named most often, as candidates;
- **issues**: the statements clustered by sentence embedding (k-means, cosine); each cluster becomes
  a candidate issue named by its most distinctive words, which are also its first cues, with the
  statements nearest its centre as examples (to be replaced by your own);
- **documents**: names of the "N-point plan" kind and capitalised names of plans, frameworks and
  agreements found in the texts.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import numpy as np
import yaml

from parley.embed import Embedder, default_embedder
from parley.store import Store

STOPWORDS = set(
    "the a an and or of to in on for with that this these those is are was were be been it its "
    "as at by from he she they we i you his her their our not no but if would will could should "
    "has have had do does did said says say about also than more most any all some into over after "
    "before there which who what when where while so such can may might must us them him one two".split()
)
DOCUMENT_NAMES = re.compile(
    r"\b(?:\d{1,3}-point (?:plan|framework|draft|proposal|document)|"
    r"(?:[A-Z][\w'’-]+ ){1,3}(?:Plan|Framework|Agreement|Accord|Deal|Proposal|Declaration))\b"
)


def draft_dossier(
    store: Store, *, embedder: Embedder | None = None, actors: int = 25, issues: int = 8, name: str = ""
) -> dict[str, Any]:
    """A dossier as a mapping (see :func:`dump_dossier`), drafted from what the store holds."""
    found_actors, seen = _actors(store, actors)
    sides = _sides(store, found_actors)
    return {
        "negotiation": {
            "id": _slug(name or "my-negotiation"),
            "name": name or "TODO: name of the negotiation",
        },
        "sides": sides,
        "actors": found_actors,
        "issues": _issues(store, embedder, issues),
        "documents": _documents(store),
        "_seen": seen,
    }


def dump_dossier(draft: dict[str, Any]) -> str:
    """The draft as YAML, with a header and how often each actor was seen."""
    seen = draft.get("_seen", {})
    body = {k: v for k, v in draft.items() if not k.startswith("_")}
    text = yaml.safe_dump(body, sort_keys=False, allow_unicode=True, width=100)
    lines = []
    for line in text.splitlines():
        match = re.match(r"^- id: (\S+)$|^  - id: (\S+)$", line)
        actor_id = match and (match.group(1) or match.group(2))
        lines.append(f"{line}  # seen {seen[actor_id]} times" if actor_id in seen else line)
    header = (
        "# A draft dossier written by `parley dossier init`: check every entry, give the issues a\n"
        "# one-line description, replace the examples with sentences of your own, and name the sides.\n"
        "# The format is described at the top of parley/data/dossiers/russia-ukraine-2025.yaml.\n"
    )
    return header + "\n".join(lines) + "\n"


def _actors(store: Store, limit: int) -> tuple[list[dict[str, Any]], dict[str, int]]:
    counts: Counter[str] = Counter(m.actor_id for m in store.mentions() if m.actor_id)
    counts.update(s.speaker_actor_id for s in store.statements() if s.speaker_actor_id)
    known = {a.id: a for a in store.actors()}
    out, seen = [], {}
    for actor_id, n in counts.most_common():
        a = known.get(actor_id)
        if a is None or actor_id.endswith("-government"):
            continue
        entry: dict[str, Any] = {"id": a.id, "name": a.name, "kind": a.kind}
        if a.side:
            entry["side"] = a.side
        if a.roles:
            entry["roles"] = list(a.roles)
        aliases = [x for x in a.aliases if x != a.name]
        if aliases:
            entry["aliases"] = aliases
        out.append(entry)
        seen[a.id] = n
        if len(out) >= limit:
            break
    return out, seen


def _sides(store: Store, actors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    sides = {a["side"] for a in actors if a.get("side")}
    places = Counter(m.text for m in store.mentions() if m.label == "GPE")
    out = [
        {"id": s, "name": s.replace("-", " ").title(), "adjectives": [], "places": []} for s in sorted(sides)
    ]
    for place, _ in places.most_common(6):
        if _slug(place) not in sides:
            out.append({"id": _slug(place), "name": place, "adjectives": [], "places": [place]})
    return out


def _issues(store: Store, embedder: Embedder | None, k: int) -> list[dict[str, Any]]:
    texts = list(
        dict.fromkeys(" ".join(s.text.split()) for s in store.statements() if len(s.text.split()) >= 6)
    )
    if len(texts) < 2:
        return []
    vectors = (embedder or default_embedder()).encode(texts)
    labels, centres = kmeans(vectors, min(k, max(1, len(texts) // 3)))
    names = {w for m in store.mentions() for w in _words(m.text)}  # people and places are not issues
    everywhere = Counter(w for t in texts for w in set(_words(t)) if w not in names)
    out = []
    for c in range(len(centres)):
        members = [i for i, label in enumerate(labels) if label == c]
        if len(members) < 2:
            continue
        here = Counter(w for i in members for w in set(_words(texts[i])) if w not in names)
        distinct = sorted(
            here, key=lambda w: (-(here[w] / len(members)) * np.log(len(texts) / everywhere[w]), w)
        )
        cues = distinct[:5]
        nearest = sorted(members, key=lambda i: -float(vectors[i] @ centres[c]))[:3]
        out.append(
            {
                "id": _slug("-".join(cues[:2])) or f"issue-{c + 1}",
                "name": " / ".join(cues[:2]),
                "description": "TODO: one line on what is being negotiated",
                "cues": cues,
                "examples": [texts[i][:200] for i in nearest],
            }
        )
    return out


def kmeans(vectors: np.ndarray, k: int, rounds: int = 25) -> tuple[list[int], np.ndarray]:
    """Spherical k-means with a fixed start (farthest-first), so a draft is reproducible."""
    centres = [vectors[0]]
    while len(centres) < k:
        nearest = np.max(vectors @ np.array(centres).T, axis=1)
        centres.append(vectors[int(np.argmin(nearest))])
    c = np.array(centres)
    labels = np.zeros(len(vectors), dtype=int)
    for _ in range(rounds):
        labels = np.argmax(vectors @ c.T, axis=1)
        for j in range(k):
            members = vectors[labels == j]
            if len(members):
                centre = members.mean(axis=0)
                c[j] = centre / (np.linalg.norm(centre) or 1.0)
    return [int(x) for x in labels], c


def _documents(store: Store) -> list[dict[str, Any]]:
    names: Counter[str] = Counter()
    for article in store.articles():
        names.update(m.group(0).strip() for m in DOCUMENT_NAMES.finditer(article.text))
    out = []
    for name, _ in names.most_common(8):
        out.append({"id": _slug(name), "name": f"the {name}", "kind": "plan", "aliases": [name]})
    return out


def _words(text: str) -> list[str]:
    return [w for w in re.findall(r"[a-z][a-z'-]{2,}", text.lower()) if w not in STOPWORDS]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
