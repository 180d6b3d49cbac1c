"""Charts drawn on the server as inline SVG: no script, no external file, safe in an e-mail.

Every label is escaped (outlet names and summaries come from articles); colours are SVG
presentation attributes, not style attributes, so the strict Content-Security-Policy allows
them and a mail client that drops ``<style>`` still shows them. Each mark has a ``<title>``
(the browser's tooltip) and, where there is one, a link to the page that shows it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

INK = "#1f2933"
MUTED = "#7b8794"
BAR = "#3e6b89"
GRID = "#d9e2ec"
FONT = 'font-family="system-ui, sans-serif"'
PALETTE = ("#3e6b89", "#c2410c", "#15803d", "#7c3aed", "#b45309", "#0f766e", "#be123c", "#4d7c0f", "#1d4ed8")


def _svg(width: int, height: int, label: str, body: list[str]) -> Markup:
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="img" aria-label="{escape(label)}" class="chart" {FONT} font-size="11">'
    )
    return Markup(head + "".join(body) + "</svg>")


def day_chart(days: Sequence[tuple[str, int]], width: int = 720, height: int = 170) -> Markup:
    """Articles per day: a bar a day from the first dated day to the last (empty days too)."""
    counts = {dt.date.fromisoformat(d): n for d, n in days if d != "unknown"}
    if not counts:
        return _svg(
            width, 40, "no dated articles", [f'<text x="0" y="24" fill="{MUTED}">no dated articles</text>']
        )
    first, last = min(counts), max(counts)
    span = (last - first).days + 1
    left, bottom, top = 34, height - 22, 10
    step = (width - left - 4) / span
    peak = max(counts.values())
    body = [
        f'<line x1="{left}" y1="{bottom}" x2="{width - 4}" y2="{bottom}" stroke="{GRID}"/>',
        f'<text x="{left - 6}" y="{top + 8}" text-anchor="end" fill="{MUTED}">{peak}</text>',
        f'<text x="{left - 6}" y="{bottom}" text-anchor="end" fill="{MUTED}">0</text>',
    ]
    for i in range(span):
        day = first + dt.timedelta(days=i)
        x = left + i * step
        n = counts.get(day, 0)
        if n:
            h = (bottom - top) * n / peak
            tip = f"{day.isoformat()}: {n} article{'s' * (n != 1)}"
            body.append(
                f'<rect x="{x + step * 0.1:.1f}" y="{bottom - h:.1f}" width="{max(step * 0.8, 1):.1f}" '
                f'height="{h:.1f}" fill="{BAR}"><title>{tip}</title></rect>'
            )
        if day.day == 1 or i == 0:
            label = day.strftime("%d %b %Y" if i == 0 else ("%b %Y" if day.month == 1 else "%b"))
            body.append(f'<text x="{x:.1f}" y="{height - 6}" fill="{MUTED}">{label}</text>')
    return _svg(width, height, f"articles per day, {first} to {last}", body)


def bar_chart(rows: Sequence[tuple[str, int]], width: int = 720, unit: str = "article") -> Markup:
    """Horizontal bars, one a row (an outlet and its count), longest first as given."""
    if not rows:
        return _svg(width, 30, "nothing to draw", [f'<text x="0" y="20" fill="{MUTED}">nothing yet</text>'])
    label_width, row = 190, 20
    peak = max(n for _, n in rows)
    height = row * len(rows) + 4
    body = []
    for i, (name, n) in enumerate(rows):
        y = i * row + 2
        w = (width - label_width - 50) * n / peak
        shown = name if len(name) <= 30 else name[:29] + "…"
        body += [
            f'<text x="{label_width - 8}" y="{y + 13}" text-anchor="end" fill="{INK}">{escape(shown)}</text>',
            f'<rect x="{label_width}" y="{y + 3}" width="{max(w, 1):.1f}" height="{row - 6}" fill="{BAR}">'
            f"<title>{escape(name)}: {n} {unit}{'s' * (n != 1)}</title></rect>",
            f'<text x="{label_width + w + 6:.1f}" y="{y + 13}" fill="{MUTED}">{n}</text>',
        ]
    return _svg(width, height, f"{unit}s per outlet", body)


@dataclass(frozen=True)
class Mark:
    """One event on the time axis."""

    day: dt.date
    lane: str
    label: str
    href: str
    weight: int = 1  # sources: a bigger dot


def time_axis(marks: Sequence[Mark], width: int = 900) -> tuple[Markup, int]:
    """Events on a time axis: a lane per type, a dot per event (bigger: more sources), each dot a
    link to the event in the list below. A few events long before the rest (a war's start
    recalled in a story about talks) would squeeze the others into a corner: the axis starts a
    month before the 5th percentile, and how many earlier events it leaves out is returned."""
    if not marks:
        return _svg(
            width, 30, "no dated events", [f'<text x="0" y="20" fill="{MUTED}">no dated events</text>']
        ), 0
    ordered = sorted(m.day for m in marks)
    start = max(ordered[0], ordered[len(ordered) // 20] - dt.timedelta(days=31))
    shown = [m for m in marks if m.day >= start]
    first, last = min(m.day for m in shown), max(m.day for m in shown)
    lanes = sorted({m.lane for m in shown})
    days = max((last - first).days, 1)
    left, lane_h, top = 130, 26, 6
    height = top + lane_h * len(lanes) + 24
    plot = width - left - 16
    body = []
    for i, lane in enumerate(lanes):
        y = top + i * lane_h + lane_h / 2
        body += [
            f'<line x1="{left}" y1="{y}" x2="{width - 10}" y2="{y}" stroke="{GRID}"/>',
            f'<text x="{left - 8}" y="{y + 4}" text-anchor="end" fill="{INK}">{escape(lane)}</text>',
        ]
    for day in _ticks(first, last):
        x = left + plot * (day - first).days / days
        label = day.strftime("%d %b %Y" if day == first or (day.month == 1 and day.day <= 7) else "%d %b")
        body.append(f'<text x="{x:.1f}" y="{height - 6}" fill="{MUTED}">{label}</text>')
    for m in shown:
        x = left + plot * (m.day - first).days / days
        y = top + lanes.index(m.lane) * lane_h + lane_h / 2
        colour = PALETTE[lanes.index(m.lane) % len(PALETTE)]
        r = min(4 + 1.5 * (m.weight - 1), 11)
        body.append(
            f'<a href="{escape(m.href)}"><circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{colour}" '
            f'fill-opacity="0.75"><title>{escape(m.label)}</title></circle></a>'
        )
    return _svg(width, height, f"events from {first} to {last}", body), len(marks) - len(shown)


def _ticks(first: dt.date, last: dt.date, most: int = 7) -> list[dt.date]:
    days = (last - first).days
    step = max(1, -(-days // most))
    return [first + dt.timedelta(days=d) for d in range(0, days - step // 2 + 1, step)]
