"""Bar charts as inline SVG, drawn on the server (no chart library, no script: the page's CSP allows
none from elsewhere and an intranet has no CDN). Each chart is an image with a Chinese label and a
<title>; the page shows the same figures in a table beside it for screen readers and for copying.
Only SVG presentation attributes are used (no ``style``), so the page's style-src 'self' holds.
"""

from __future__ import annotations

from decimal import Decimal
from html import escape

from markupsafe import Markup

LABEL_W, BAR_X, BAR_W, ROW_H, WIDTH, LEGEND_H = 96, 102, 170, 26, 360, 20
COLOURS = ("#0b4f8a", "#c05600")  # AA contrast on white; the second series (collected) differs in hue and shape


def _number(value: Decimal | int) -> str:
    return f"{value:,.2f}" if isinstance(value, Decimal) else f"{value:,}"


def bars(title: str, rows: list[tuple[str, Decimal | int]], unit: str = "") -> Markup:
    """One series: a bar per row, its value written after it."""
    return paired(title, [(label, (value,)) for label, value in rows], series=(), unit=unit)


def paired(title: str, rows: list[tuple[str, tuple]], series: tuple[str, ...], unit: str = "") -> Markup:
    """Up to two series per row (e.g. fines decided and collected), with a legend when named."""
    count = max((len(values) for _, values in rows), default=1)
    top = LEGEND_H * len(series) + (4 if series else 0)
    height = top + max(len(rows), 1) * ROW_H * count + 8
    peak = max((v for _, values in rows for v in values), default=0) or 1
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" role="img" '
             f'aria-label="{escape(title)}" class="chart"><title>{escape(title)}</title>']
    for i, name in enumerate(series):  # one legend line per series, above the bars
        y = 4 + i * LEGEND_H
        parts.append(f'<rect x="{BAR_X}" y="{y}" width="12" height="12" fill="{COLOURS[i]}"/>'
                     f'<text x="{BAR_X + 18}" y="{y + 11}" font-size="13" fill="#1a1a1a">{escape(name)}</text>')
    if not rows:
        parts.append(f'<text x="0" y="18" font-size="13" fill="#4a4a4a">本季度没有数据</text>')
    for n, (label, values) in enumerate(rows):
        y = top + n * ROW_H * count
        parts.append(f'<text x="{LABEL_W}" y="{y + ROW_H * count / 2 + 5:.0f}" font-size="13" text-anchor="end" '
                     f'fill="#1a1a1a">{escape(label)}</text>')
        for i, value in enumerate(values):
            w = max(float(value) / float(peak) * BAR_W, 1 if value else 0)
            by = y + i * ROW_H + 4
            parts.append(f'<rect x="{BAR_X}" y="{by}" width="{w:.1f}" height="{ROW_H - 8}" fill="{COLOURS[i % 2]}"/>'
                         f'<text x="{BAR_X + w + 6:.1f}" y="{by + ROW_H - 12}" font-size="12" fill="#1a1a1a">'
                         f'{escape(_number(value))}{escape(unit)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
