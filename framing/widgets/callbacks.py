"""The explorer's callbacks: one at a time, their errors shown in the widget.

JupyterLab (4.4 and later, with ipykernel 7) may send the messages of different widgets over
different kernel subshells, so that the callbacks of two controls run at the same time on
two threads; a callback that simply returned while another ran would lose the user's change
(a chart not redrawn). :class:`Guard` runs the callbacks one at a time (a lock), and ignores
only those set off, on the same thread, by the changes a running callback makes to other
controls (the explorer sets controls from code: the passage choosers after a click).
"""

from __future__ import annotations

import threading
import traceback
from contextlib import contextmanager

__all__ = ["Guard"]


class Guard:
    """Runs callbacks one at a time; hands their errors to ``on_error``.

    Parameters
    ----------
    on_start : callable
        Called without arguments before each callback (to clear the last one's errors).
    on_error : callable
        Called with the exception and its traceback (text) when a callback raises.

    Examples
    --------
    >>> seen = []
    >>> guard = Guard(lambda: None, lambda exc, tb: seen.append(str(exc)))
    >>> def callback():
    ...     inner()  # a change made by the callback: its own callback is not run
    ...     raise ValueError("bad")
    >>> inner = guard.wrap(lambda: seen.append("inner"))
    >>> guard.wrap(callback)()
    >>> seen
    ['bad']
    """

    def __init__(self, on_start, on_error):
        self._lock = threading.RLock()
        self._local = threading.local()
        self._on_start, self._on_error = on_start, on_error

    @contextmanager
    def busy(self):
        """Run a block as a callback is run: alone, and without setting off callbacks."""
        with self._lock:
            self._local.busy = True
            try:
                yield
            finally:
                self._local.busy = False

    def wrap(self, action):
        """The handler to register for ``action`` (called with whatever the widget sends)."""

        def handler(*_):
            if getattr(self._local, "busy", False):  # set off by a running callback
                return
            with self.busy():
                try:
                    self._on_start()
                    action()
                except Exception as exc:  # shown in the widget, never lost in the kernel log
                    self._on_error(exc, traceback.format_exc())

        return handler
