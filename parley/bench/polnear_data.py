"""PolNeAR's files read: articles and their gold attributions (brat standoff).

See :mod:`parley.bench.polnear` for the format and how it is scored.
"""

from __future__ import annotations

import glob
import os
import re
from dataclasses import dataclass, field

Frag = tuple[int, int]

QUOTE_OPEN = tuple("\"“”«»„‘’'")


@dataclass
class Attr:
    source: list[Frag] = field(default_factory=list)
    cue: list[Frag] = field(default_factory=list)
    content: list[Frag] = field(default_factory=list)
    direct: bool = False  # predictions: the system says it is a direct quote

    def get(self, role: str) -> list[Frag]:
        return getattr(self, role)


@dataclass
class Article:
    name: str
    text: str
    gold: list[Attr]
    annotator: str


_T_RE = re.compile(r"^(T\d+)\t(\S+) ([\d ;]+)\t")
_E_RE = re.compile(r"^(E\d+)\t(.*)$")


def parse_ann(path: str) -> list[Attr]:
    """Gold attributions of one brat ``.ann`` file."""
    spans: dict[str, list[Frag]] = {}
    events: list[dict[str, list[str]]] = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            m = _T_RE.match(line)
            if m:
                spans[m.group(1)] = [(int(a), int(b)) for a, b in (p.split() for p in m.group(3).split(";"))]
                continue
            m = _E_RE.match(line)
            if m:
                roles: dict[str, list[str]] = {}
                for item in m.group(2).split():
                    role, _, tid = item.partition(":")
                    role = re.sub(r"\d+$", "", role)
                    roles.setdefault(role, []).append(tid)
                events.append(roles)

    def frags(roles: dict[str, list[str]], role: str) -> list[Frag]:
        return sorted(f for tid in roles.get(role, []) for f in spans.get(tid, []))

    gold = [Attr(frags(r, "Source"), frags(r, "Cue"), frags(r, "Content")) for r in events]
    return [a for a in gold if a.content]


def load_split(path: str, annotator: str | None = None, limit: int | None = None) -> list[Article]:
    arts = []
    for tp in sorted(glob.glob(os.path.join(path, "text", "*.txt"))):
        name = os.path.basename(tp)[:-4]
        anns = sorted(glob.glob(os.path.join(path, "attributions", glob.escape(name) + "_*.ann")))
        if not anns:
            continue
        chosen = next((a for a in anns if annotator and a.endswith(f"_{annotator}.ann")), anns[0])
        with open(tp, encoding="utf-8") as f:
            text = f.read()
        ann_id = os.path.basename(chosen)[len(name) + 1 : -4]
        arts.append(Article(name, text, parse_ann(chosen), ann_id))
        if limit and len(arts) >= limit:
            break
    return arts


def is_direct(text: str, content: list[Frag]) -> bool:
    """A gold attribution is a direct quote: its content opens with a quote mark, or the
    character right before it is one."""
    if not content:
        return False
    s, e = content[0][0], content[-1][1]
    seg = text[s:e]
    stripped = seg.lstrip()
    if not stripped.strip():
        return False
    if stripped.startswith(QUOTE_OPEN):
        return True
    s += len(seg) - len(stripped)
    return s > 0 and text[s - 1] in QUOTE_OPEN
