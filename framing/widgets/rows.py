"""A few rows of a long table, without copying its columns."""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["take_rows"]


def take_rows(frame: pd.DataFrame, rows: np.ndarray) -> pd.DataFrame:
    """The rows at positions ``rows`` of ``frame``, as ``frame.iloc[rows]`` gives them, for
    a few rows of a long table.

    ``iloc`` on a column of pyarrow strings made of several chunks (a table read from
    Parquet) joins all the chunks first: for the text column, a copy of every text for each
    page of passages. Here the few values are read one by one instead.

    Examples
    --------
    >>> t = pd.DataFrame({"a": [1, 2, 3], "b": pd.array(["x", "y", None], dtype="str")})
    >>> take_rows(t, np.array([2, 0])).equals(t.iloc[[2, 0]])
    True
    """
    columns = {}
    for name in frame.columns:
        column = frame[name]
        if isinstance(column.dtype, np.dtype):
            columns[name] = column.to_numpy()[rows]
        else:
            values = column.array
            columns[name] = pd.array([values[i] for i in rows], dtype=column.dtype)
    return pd.DataFrame(columns, index=frame.index[rows], columns=frame.columns)
