"""One voice for errors: what, where, how to fix; optional dependencies fail with a sentence."""

from __future__ import annotations

import pandas as pd
import pytest

from framing._errors import (
    FramingError,
    MissingDependencyError,
    check_columns,
    choices_error,
    require,
)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"what": "empty file"}, "empty file"),
        ({"what": "empty file", "where": "a.csv"}, "a.csv: empty file"),
        (
            {"what": "bad date.", "where": "a.csv:3", "fix": "Use ISO dates."},
            "a.csv:3: bad date. Use ISO dates.",
        ),
    ],
)
def test_message_reads_where_what_fix(kwargs, message):
    err = FramingError(kwargs.pop("what"), **kwargs)
    assert str(err) == message
    assert isinstance(err, ValueError)


def test_choices_error_lists_the_valid_values():
    assert (
        str(choices_error("freq", "x", ["D", "M"]))
        == "freq: 'x' is not a valid choice. Use one of: 'D', 'M'."
    )


def test_require_names_the_install_command():
    with pytest.raises(MissingDependencyError, match=r"pip install no-such-pkg-xyz") as info:
        require("no_such_pkg_xyz", package="no-such-pkg-xyz", purpose="the explorer")
    assert isinstance(info.value, ImportError)
    assert "the explorer needs the package 'no-such-pkg-xyz'" in str(info.value)


def test_check_columns_lists_what_was_found():
    df = pd.DataFrame({"id": [1], "body": ["x"]})
    with pytest.raises(FramingError, match=r"no column 'text' \(columns found: 'id', 'body'\)"):
        check_columns(df, ["text"], table="articles", function="find_hits")
    with pytest.raises(
        FramingError, match="expected the articles table as a pandas DataFrame, got list"
    ):
        check_columns([1], ["text"], table="articles", function="find_hits")
