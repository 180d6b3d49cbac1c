"""PolNeAR scoring: one-to-one matching by content overlap, then P/R/F1 per role.

See :mod:`parley.bench.polnear` for the rules; the scorer merges and filters nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from parley.bench.polnear_data import Attr, Frag

ROLES = ("source", "cue", "content")
_TRIM = " \t\r\n,.;:"
# Gold and predicted contents match when they share at least this share of their characters
# (intersection over union).
MIN_OVERLAP = 0.5


def _norm(text: str, frags: list[Frag]) -> frozenset[int]:
    chars: set[int] = set()
    for s, e in frags:
        while s < e and (text[s] in _TRIM or text[s].isspace()):
            s += 1
        while e > s and (text[e - 1] in _TRIM or text[e - 1].isspace()):
            e -= 1
        chars.update(range(s, e))
    return frozenset(chars)


def _overlap(a: list[Frag], b: list[Frag]) -> int:
    n = 0
    for s1, e1 in a:
        for s2, e2 in b:
            n += max(0, min(e1, e2) - max(s1, s2))
    return n


def content_overlap(text: str, gold: list[Frag], pred: list[Frag]) -> tuple[float, int]:
    """(shared characters / characters in either, shared characters) of two contents,
    after trimming white space and ``, . ; :`` at the ends of each part."""
    g, p = _norm(text, gold), _norm(text, pred)
    shared = len(g & p)
    union = len(g | p)
    return (shared / union if union else 0.0), shared


def match(text: str, gold: list[Attr], pred: list[Attr]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index) with content overlap >= MIN_OVERLAP."""
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if _overlap(g.content, p.content) == 0:
                continue
            ratio, shared = content_overlap(text, g.content, p.content)
            if ratio >= MIN_OVERLAP:
                pairs.append((-ratio, -shared, g.content[0][0], p.content[0][0], gi, pi))
    pairs.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for *_, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gi, pi))
    return out


@dataclass
class Counts:
    tp: dict[tuple[str, str], int] = field(default_factory=dict)
    npred: dict[str, int] = field(default_factory=dict)
    ngold: dict[str, int] = field(default_factory=dict)
    no_speaker: int = 0  # predictions without a source span

    def add(self, text: str, gold: list[Attr], pred: list[Attr]) -> None:
        self.no_speaker += sum(1 for p in pred if not p.source)
        for role in ROLES:
            # every prediction claims a source: one without a speaker is a false positive
            n = len(pred) if role == "source" else sum(1 for p in pred if p.get(role))
            self.npred[role] = self.npred.get(role, 0) + n
            self.ngold[role] = self.ngold.get(role, 0) + sum(1 for g in gold if g.get(role))
        for gi, pi in match(text, gold, pred):
            g, p = gold[gi], pred[pi]
            for role in ROLES:
                gf, pf = g.get(role), p.get(role)
                if not gf or not pf:
                    continue
                if role == "content" or _overlap(gf, pf) > 0:  # content: matched at >= 0.5
                    self.tp[(role, "overlap")] = self.tp.get((role, "overlap"), 0) + 1
                    if _norm(text, gf) == _norm(text, pf):
                        self.tp[(role, "exact")] = self.tp.get((role, "exact"), 0) + 1

    def prf(self, role: str, mode: str) -> tuple[float, float, float]:
        tp = self.tp.get((role, mode), 0)
        np_, ng = self.npred.get(role, 0), self.ngold.get(role, 0)
        p = tp / np_ if np_ else 0.0
        r = tp / ng if ng else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def format_table(results: dict[tuple[str, str], Counts]) -> str:
    cols = [(role, mode) for role in ROLES for mode in ("exact", "overlap")]
    head1 = f"{'system':<8} {'scope':<7} {'n_pred':>6} {'n_gold':>6} | " + " | ".join(
        f"{role + ' ' + mode:^17}" for role, mode in cols
    )
    head2 = f"{'':<8} {'':<7} {'':>6} {'':>6} | " + " | ".join(f"{'P':>5} {'R':>5} {'F1':>5}" for _ in cols)
    lines = [head1, head2, "-" * len(head1)]
    for (system, scope), c in results.items():
        cells = []
        for role, mode in cols:
            p, r, f = c.prf(role, mode)
            cells.append(f"{p:5.3f} {r:5.3f} {f:5.3f}")
        lines.append(
            f"{system:<8} {scope:<7} {c.npred.get('content', 0):>6} {c.ngold.get('content', 0):>6} | "
            + " | ".join(cells)
        )
    return "\n".join(lines)
