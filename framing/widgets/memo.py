"""The explorer's counted tables, kept for the last few choices of the controls that count.

Counting (:func:`framing.count_by_period` on the chosen articles and hits) is most of a
redraw on a large corpus, yet only some controls change what is counted: the series, the
outlets, the granularity, the dates, whose words, the copies and whether the outlets are
pooled. The others (the measure, the bands, the smoothing window, which of frames or outlets
the colours compare) only change how the same table is drawn. :class:`CountsMemo` keeps the
tables of the last few choices, so that a display-only change, or going back to a recent
choice, draws without counting again.

It is the explorer's own state (``explorer.counted``), bounded (:attr:`CountsMemo.size`
tables, each one row per period, group and series), and emptied when the hits counted
change (a query drawn, removed or added to a frame).
"""

from __future__ import annotations

from collections import OrderedDict

__all__ = ["CountsMemo"]


class CountsMemo:
    """The results of the last ``size`` choices, by choice: a bounded, least recently used
    store.

    Parameters
    ----------
    size : int
        How many results to keep; the least recently used goes first.

    Attributes
    ----------
    computed : int
        How many results were computed (not found kept) since the memo was made: what the
        tests read to check that a display-only change does not count again.

    Examples
    --------
    >>> memo = CountsMemo(size=2)
    >>> memo.get(("a",), lambda: "counted a"), memo.get(("a",), lambda: "again")
    ('counted a', 'counted a')
    >>> memo.get(("b",), lambda: "b"), memo.get(("c",), lambda: "c"), len(memo), memo.computed
    ('b', 'c', 2, 3)
    >>> ("a",) in memo
    False
    """

    def __init__(self, size: int = 16):
        self.size = size
        self.computed = 0
        self._kept: OrderedDict = OrderedDict()

    def __len__(self) -> int:
        return len(self._kept)

    def __contains__(self, key) -> bool:
        return key in self._kept

    def get(self, key, compute):
        """The result kept for ``key``, else ``compute()`` (kept; an exception is not)."""
        if key in self._kept:
            self._kept.move_to_end(key)
            return self._kept[key]
        value = compute()
        self.computed += 1
        self._kept[key] = value
        while len(self._kept) > self.size:
            self._kept.popitem(last=False)
        return value

    def clear(self) -> None:
        """Forget every result (the hits counted changed)."""
        self._kept.clear()
