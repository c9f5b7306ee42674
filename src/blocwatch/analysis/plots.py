"""Static plots of analytics results with matplotlib (Agg backend): PNG, SVG, or a self-contained HTML page.

Three kinds, written to a file or returned as inline SVG text when no path is given: time
series with change points marked, a heatmap (dyads × periods or actor × actor), and a
signed network drawn on a circle with blocs as node colours
(positive ties solid green, negative ties dashed red, width by weight). HTML output
embeds the SVG inline, so nothing is fetched when the page is opened.
"""

from __future__ import annotations

import html
import io
from collections.abc import Sequence
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

from blocwatch.analysis.events import AnalysisInputError

SUFFIXES = (".png", ".svg", ".html")
BLOC_COLOURS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22")


def check_plot_path(path: Path) -> None:
    if path.suffix.lower() not in SUFFIXES:
        raise AnalysisInputError(f"--plot {path}: use a .png, .svg or .html file name")


def svg_text(fig, close: bool = False) -> str:
    """The figure as an inline SVG element (no XML prologue), for embedding in HTML."""
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", bbox_inches="tight")
    if close:
        plt.close(fig)
    svg = buffer.getvalue()
    return svg[svg.index("<svg"):]


def save(fig, path: Path | None, title: str):
    """Write the figure by the file's suffix and close it; with no path, return it as inline SVG."""
    if path is None:
        return svg_text(fig, close=True)
    return _write(fig, path, title)


def _write(fig, path: Path, title: str) -> Path:
    check_plot_path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    suffix = path.suffix.lower()
    if suffix == ".html":
        svg = svg_text(fig)
        page = (f"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{html.escape(title)}</title>"
                f"</head><body><h1>{html.escape(title)}</h1>\n{svg}\n</body></html>\n")
        path.write_text(page, encoding="utf-8")
    else:
        fig.savefig(path, dpi=120, bbox_inches="tight")
    plt.close(fig)
    return path


def plot_series(series: dict[str, tuple[Sequence, Sequence[float]]], path: Path | None, title: str,
                breaks: dict[str, Sequence] | None = None, ylabel: str = "") -> Path | str:
    """One line per label; change points as vertical lines in the line's colour."""
    count = len(series)
    rows = min(count, 8) if count > 4 else count
    fig, axes = plt.subplots(max(rows, 1), 1, figsize=(10, 1.8 * max(rows, 1) + 0.8), sharex=True, squeeze=False)
    for k, (label, (xs, ys)) in enumerate(series.items()):
        ax = axes[k * rows // count][0]
        line = ax.plot(list(xs), list(ys), linewidth=0.9, label=label)[0]
        for x in (breaks or {}).get(label, []):
            ax.axvline(x, color=line.get_color(), linestyle="--", linewidth=0.8)
        ax.set_ylabel(ylabel)
        ax.legend(loc="upper left", fontsize=7, ncol=4)
    axes[0][0].set_title(title)
    fig.autofmt_xdate()
    return save(fig, path, title)


def plot_heatmap(matrix: np.ndarray, rows: Sequence[str], columns: Sequence[str], path: Path | None, title: str,
                 vmin: float = -1.0, vmax: float = 1.0, label: str = "") -> Path | str:
    """A diverging heatmap (red negative, blue positive); NaN cells are blank."""
    fig, ax = plt.subplots(figsize=(min(2 + 0.35 * len(columns), 18), 1.2 + 0.3 * len(rows)))
    image = ax.imshow(np.ma.masked_invalid(matrix), cmap="RdBu", vmin=vmin, vmax=vmax, aspect="auto")
    ax.set_yticks(range(len(rows)), labels=list(rows), fontsize=7)
    step = max(1, len(columns) // 24)
    ax.set_xticks(range(0, len(columns), step), labels=list(columns)[::step], rotation=60, fontsize=7)
    fig.colorbar(image, ax=ax, label=label)
    ax.set_title(title)
    return save(fig, path, title)


def plot_network(actors: Sequence[str], weights: np.ndarray, path: Path | None, title: str,
                 blocs: dict[str, int] | None = None) -> Path | str:
    """The signed network on a circle; node colour = bloc."""
    n = len(actors)
    angles = np.linspace(0, 2 * np.pi, n, endpoint=False)
    xy = np.c_[np.cos(angles), np.sin(angles)]
    top = float(np.abs(weights).max()) or 1.0
    fig, ax = plt.subplots(figsize=(6, 6))
    for i in range(n):
        for j in range(i + 1, n):
            w = weights[i, j]
            if w == 0:
                continue
            ax.plot(*zip(xy[i], xy[j], strict=True), color="#2a9d2a" if w > 0 else "#d62728",
                    linestyle="-" if w > 0 else "--", linewidth=0.5 + 3.5 * abs(w) / top, zorder=1)
    colours = [BLOC_COLOURS[(blocs or {}).get(a, 0) % len(BLOC_COLOURS)] for a in actors]
    ax.scatter(xy[:, 0], xy[:, 1], s=900, c=colours, zorder=2, edgecolors="black")
    for (x, y), name in zip(xy, actors, strict=True):
        ax.text(x, y, name, ha="center", va="center", fontsize=8, color="white", weight="bold", zorder=3)
    ax.set_xlim(-1.3, 1.3)
    ax.set_ylim(-1.3, 1.3)
    ax.set_aspect("equal")
    ax.axis("off")
    ax.set_title(title)
    return save(fig, path, title)
