"""Drawing the explorer's chart: a trend chart as a PNG.

The chart is drawn by :func:`framing.plot_trends` into a matplotlib figure made without
pyplot (so the notebook's backend never shows it a second time), with a fixed layout (the
constrained layout would triple the drawing time), and kept between redraws while the
panels stay the same.
"""

from __future__ import annotations

import io

import numpy as np
from matplotlib import rc_context
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.dates import AutoDateLocator
from matplotlib.figure import Figure
from matplotlib.ticker import FixedLocator

from ..export import detach
from ..plot import plot_trends
from ..style import style_context

__all__ = ["Chart", "chart_layout"]


class Chart:
    """The explorer's figure: a trend chart redrawn for each choice, as PNG bytes.

    Parameters
    ----------
    dpi : int
        Resolution of the PNG.

    Attributes
    ----------
    figure : matplotlib.figure.Figure
        The figure last drawn (another one when the panels change).
    """

    #: how many figures (one per arrangement of panels) are kept to be drawn in again
    KEPT = 3

    def __init__(self, dpi: int):
        self.dpi = dpi
        self.figure = _figure((7.2, 3.0))
        # the figures drawn, by arrangement of panels, most recent last: going back to an
        # arrangement (frames <-> outlets) draws in its figure again
        self._figures: dict[tuple, Figure] = {}

    def forget(self) -> None:
        """Draw the next chart in a new figure (nothing is on screen any more)."""
        self._figures.clear()

    def png(self, counts, *, hue, col, title, n, measure, intervals, smooth) -> bytes:
        """Draw ``counts`` with :func:`framing.plot_trends` in ``n`` panels; the PNG bytes."""
        # titles at a fixed height: placing them by the tick labels of the panel above costs a
        # tenth of the drawing time, and the panels have no ticks or labels on top
        with style_context(), rc_context({"axes.titley": 1.0}):
            used, reused, ncols = self._panels(n, counts[hue].nunique(), title, col)
            plot_trends(
                counts,
                measure=measure,
                hue=hue,
                col=col,
                intervals=intervals,
                smooth=smooth or None,
                ax=np.array(used, dtype=object) if n > 1 else used[0],
                width="double",
                title=title,
            )
            if n == 1 and used[0].get_legend() is not None:  # same place as with panels: below
                handles, labels = used[0].get_legend_handles_labels()
                note = used[0].get_legend().get_title().get_text() or None  # what the bands are
                used[0].get_legend().remove()
                legend = self.figure.legend(handles, labels, loc="lower center", title=note,
                                            ncols=min(len(labels), 5))  # fmt: skip
                legend.get_title().set_fontsize("x-small")
            _align_panels(used, ncols, reused)
        buf = io.BytesIO()
        # the fastest zlib level: the PNG is shown once, and the default level spends a
        # quarter of the drawing on compression for a file a tenth smaller
        self.figure.savefig(buf, format="png", dpi=self.dpi, pil_kwargs={"compress_level": 1})
        return buf.getvalue()

    def _panels(self, n, n_lines, title, col) -> tuple[list, bool, int]:
        """The Axes to draw in: those of the figure kept for these panels, else new ones.

        Returns the Axes, whether they were reused, and the number of columns.
        """
        ncols = 1 if n == 1 else 2 if n <= 4 else 3
        nrows = -(-n // ncols)
        legend_rows = -(-n_lines // 5)
        size, grid = _geometry(n, ncols, nrows, legend_rows, title, col)
        shape = (n, ncols)
        fig = self._figures.pop(shape, None)
        if fig is not None:
            # Panels drawn before: keep that figure, its Axes and their ticks, and replace
            # only what is drawn (building Axes and ticks anew is most of the cost).
            self._figures[shape] = self.figure = fig
            used = list(fig.axes)
            _clear_plots(fig)
            fig.set_size_inches(size)
            used[0].get_subplotspec().get_gridspec().update(**grid)
            return used, True, ncols
        # the panels do not share axes (sharing makes every autoscale visit every
        # panel): limits are made equal after plotting
        fig = _figure(size)
        spec = fig.add_gridspec(nrows, ncols, **grid)
        used = [fig.add_subplot(spec[i // ncols, i % ncols]) for i in range(n)]
        self._figures[shape] = self.figure = fig
        while len(self._figures) > self.KEPT:
            self._figures.pop(next(iter(self._figures)))
        return used, False, ncols


def _figure(size) -> Figure:
    """A figure outside pyplot with an Agg canvas of its own.

    Without one, each ``savefig`` makes a new canvas and renderer, and matplotlib's cache of
    text extents (kept per renderer) starts empty at every redraw.
    """
    fig = Figure(figsize=size)
    FigureCanvasAgg(fig)
    return fig


def _align_panels(used, ncols: int, reused: bool) -> None:
    """One set of date ticks for all panels, one y range, tick labels on the outside.

    The date locator is slow and would run again for every panel at every step of the
    drawing: its ticks are computed once and fixed.
    """
    n = len(used)
    locator = used[0].xaxis.get_major_locator()
    ticks = locator() if isinstance(locator, AutoDateLocator) else None
    y_top = max(ax.get_ylim()[1] for ax in used)
    x_range = used[0].get_xlim()
    for i, ax in enumerate(used):
        if ticks is not None:
            ax.xaxis.set_major_locator(FixedLocator(ticks))
        if n > 1:
            ax.set_ylim(0, y_top)
            ax.set_xlim(x_range)
            if not reused:
                ax.tick_params(labelbottom=i + ncols >= n, labelleft=i % ncols == 0)
                # the panels have no axis labels of their own (the figure has one): fixed
                # label places spare matplotlib measuring every tick label of every panel to
                # place them at each drawing
                ax.xaxis.set_label_coords(0.5, -0.1)
                ax.yaxis.set_label_coords(-0.1, 0.5)


def _geometry(n, ncols, nrows, legend_rows, title, col):
    """Figure size and grid of panels: a fixed layout (the constrained layout engine
    would triple the drawing time)."""
    width, panel_h, gap = 7.2, (2.1 if n == 1 else 1.3), 0.34
    top = 0.1 + (0.3 if title else 0.0) + (0.2 if col else 0.0)
    bottom = 0.5 + 0.17 * legend_rows
    height = top + bottom + nrows * panel_h + (nrows - 1) * gap
    left = 0.75 if n == 1 else 0.8
    grid = {
        "left": left / width,
        "right": 1 - 0.15 / width,
        "top": 1 - top / height,
        "bottom": bottom / height,
        "hspace": gap / panel_h,
        "wspace": 0.3 / ((width - left - 0.15) / ncols),
    }
    return (width, height), grid


def _clear_plots(fig) -> None:
    """Remove what a drawing added to ``fig`` and let its Axes autoscale again."""
    for legend in list(fig.legends):
        legend.remove()
    if fig.get_suptitle():
        fig.suptitle("")
    for ax in fig.axes:
        for artist in (*ax.lines, *ax.collections, *ax.patches, *ax.texts):
            artist.remove()
        if ax.get_legend() is not None:
            ax.get_legend().remove()
        ax.set_title("", loc="left")
        ax.relim()
        ax.set_autoscale_on(True)
    detach(fig)  # the tables and provenance of the last drawing


def chart_layout(labels: list, outlets: list, shown: list, mode: str) -> tuple:
    """``(hue, col, title, panels)`` of the explorer's chart: what the colours compare
    (``mode``), given the series and outlets chosen and the outlets with articles shown."""
    if mode == "pooled":
        title = "All chosen outlets" if len(outlets) > 1 else outlets[0]
        return "frame", None, title, 1
    if mode == "outlets":
        if len(labels) == 1:
            return "outlet", None, labels[0], 1
        return "outlet", "frame", None, len(labels)
    if len(shown) == 1:
        return "frame", None, shown[0], 1
    return "frame", "outlet", None, len(shown)
