"""One voice for errors: what, where, how to fix; optional dependencies fail with a sentence."""

from __future__ import annotations

import os
import subprocess
import sys

import pandas as pd
import pytest

from framing._errors import (
    FramingError,
    MissingDataError,
    MissingDependencyError,
    choices_error,
    missing_nltk_data,
    require,
)
from framing._tables import check_columns


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


def test_missing_nltk_data_says_how_to_install_it():
    err = missing_nltk_data("corpora/state_union", where="read_nltk_corpus")
    assert isinstance(err, MissingDataError) and isinstance(err, FramingError)
    assert isinstance(err, LookupError)  # as NLTK's own error for missing data
    assert str(err).startswith("read_nltk_corpus: the NLTK corpus 'state_union' is not installed")
    assert "python -m nltk.downloader state_union" in str(err)
    assert "NLTK_DATA" in str(err) and "\n" not in str(err)
    assert "tokenizer 'punkt_tab'" in str(missing_nltk_data("tokenizers/punkt_tab"))


_RAISE = (
    "from framing._errors import missing_nltk_data\n"
    "def deep():\n"
    "    raise missing_nltk_data('corpora/inaugural', where='read_nltk_corpus')\n"
    "deep()\n"
)


@pytest.mark.parametrize("debug", [False, True])
def test_ipython_shows_a_framing_error_as_one_line(tmp_path, debug):
    """In Jupyter or IPython the error is its message; FRAMING_DEBUG=1 shows the traceback."""
    pytest.importorskip("IPython")
    script = tmp_path / "cell.ipy"
    script.write_text(_RAISE)
    env = {k: v for k, v in os.environ.items() if k != "FRAMING_DEBUG"}
    if debug:
        env["FRAMING_DEBUG"] = "1"
    result = subprocess.run(
        [sys.executable, "-m", "IPython", "--colors=nocolor", "--no-banner", str(script)],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    shown = (result.stdout + result.stderr).strip()
    if debug:
        assert "Traceback" in shown and "deep()" in shown
    else:
        assert shown.splitlines() == [
            "MissingDataError: read_nltk_corpus: the NLTK corpus 'inaugural' is not installed. "
            "Install it with: python -m nltk.downloader inaugural (or set NLTK_DATA to a folder "
            "that holds corpora/inaugural before starting Python)"
        ]
