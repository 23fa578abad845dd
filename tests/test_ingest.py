"""Tests for framing.ingest: reading corpora into the articles table, and the ingest report."""

from __future__ import annotations

import io
import json
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import framing as fr
from framing._errors import FramingError, FramingWarning
from framing.ingest import (
    ALIASES,
    IngestReport,
    ingest_report,
    iter_article_chunks,
    read_articles,
)

EXAMPLE = Path(__file__).resolve().parents[1] / "framing" / "example" / "articles"
CANONICAL = ["article_id", "date", "outlet", "title", "text"]


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_bytes(content.encode("utf-8"))
    return path


def quiet_read(source, **kwargs) -> pd.DataFrame:
    """read_articles, expecting exactly one FramingWarning (something was set aside)."""
    with pytest.warns(FramingWarning) as record:
        articles = read_articles(source, **kwargs)
    assert len([w for w in record if issubclass(w.category, FramingWarning)]) == 1
    return articles


def check_invariant(articles: pd.DataFrame) -> IngestReport:
    report = ingest_report(articles)
    assert report.n_read == report.n_kept + len(report.set_aside)
    assert report.n_kept == len(articles)
    assert list(report.set_aside.columns) == ["source", "article_id", "reason", "detail"]
    return report


def check_table(articles: pd.DataFrame) -> None:
    """The articles-table contract, checked with plain pandas."""
    assert list(articles.columns[:5]) == CANONICAL
    assert "source" in articles.columns
    assert articles["date"].dtype == "datetime64[ns]"
    assert articles["article_id"].is_unique
    assert isinstance(articles.index, pd.RangeIndex) and articles.index.start == 0
    for col in ("article_id", "outlet", "title", "text", "source"):
        assert all(isinstance(v, str) for v in articles[col]), col
    assert (articles["text"].str.strip() != "").all()
    check_invariant(articles)


# --------------------------------------------------------------------------------------
# every format


ROWS = [
    {"id": "a1", "date": "2024-03-05", "outlet": "Ledger", "title": "Summit", "text": "One."},
    {"id": "a2", "date": "2024-03-06", "outlet": "Herald", "title": "Border", "text": "Two."},
]


def _csv(rows, sep=","):
    head = sep.join(rows[0])
    return head + "\n" + "\n".join(sep.join(r.values()) for r in rows) + "\n"


def _front(row):
    return (
        f"---\narticle_id: {row['id']}\ndate: {row['date']}\noutlet: {row['outlet']}\n"
        f'title: "{row["title"]}"\n---\n{row["text"]}\n'
    )


def _html(row):
    para = (
        " The alliance did not answer the request for help, officials said on Tuesday, and "
        "the summit ended without a joint declaration after long talks in the capital."
    )
    return (
        f'<html lang="en"><head><title>{row["title"]}</title>'
        f'<meta property="og:site_name" content="{row["outlet"]}">'
        f'<meta property="article:published_time" content="{row["date"]}T09:00:00+00:00">'
        f'<link rel="canonical" href="https://{row["outlet"].lower()}.example/{row["id"]}">'
        f"</head><body><article><h1>{row['title']}</h1><p>{row['text']}{para}</p>"
        f"<p>{para}</p></article></body></html>"
    )


def make_csv(d):
    return write(d / "news.csv", _csv(ROWS))


def make_tsv(d):
    return write(d / "news.tsv", _csv(ROWS, sep="\t"))


def make_tab(d):
    return write(d / "news.tab", _csv(ROWS, sep="\t"))


def make_semicolon_csv(d):
    return write(d / "news.csv", _csv(ROWS, sep=";"))


def make_json_list(d):
    return write(d / "news.json", json.dumps(ROWS))


def make_json_articles(d):
    return write(d / "news.json", json.dumps({"articles": ROWS, "meta": {"n": 2}}))


def make_jsonl(d):
    return write(d / "news.jsonl", "\n".join(json.dumps(r) for r in ROWS) + "\n")


def make_ndjson(d):
    return write(d / "news.ndjson", "\n".join(json.dumps(r) for r in ROWS))


def make_parquet(d):
    path = d / "news.parquet"
    pd.DataFrame(ROWS).to_parquet(path)
    return path


def make_pq(d):
    path = d / "news.pq"
    pd.DataFrame(ROWS).to_parquet(path)
    return path


def make_txt_folder(d):
    for row in ROWS:
        write(d / "docs" / f"{row['id']}.txt", _front(row))
    return d / "docs"


def make_md_folder(d):
    for row in ROWS:
        write(d / "docs" / f"{row['id']}.md", _front(row))
    return d / "docs"


def make_sidecar_folder(d):
    for row in ROWS:
        write(d / "docs" / f"{row['id']}.txt", row["text"] + "\n")
    sidecar = "file,date,outlet,title\n" + "".join(
        f"{r['id']}.txt,{r['date']},{r['outlet']},{r['title']}\n" for r in ROWS
    )
    write(d / "docs" / "metadata.csv", sidecar)
    return d / "docs"


def make_html_folder(d):
    for row in ROWS:
        write(d / "pages" / f"{row['id']}.html", _html(row))
    return d / "pages"


FORMAT_CASES = {
    "csv": make_csv,
    "tsv": make_tsv,
    "tab": make_tab,
    "csv-semicolon": make_semicolon_csv,
    "json-list": make_json_list,
    "json-articles": make_json_articles,
    "jsonl": make_jsonl,
    "ndjson": make_ndjson,
    "parquet": make_parquet,
    "pq": make_pq,
    "txt-front-matter": make_txt_folder,
    "md-front-matter": make_md_folder,
    "txt-sidecar": make_sidecar_folder,
    "html": make_html_folder,
}


@pytest.mark.parametrize("case", FORMAT_CASES)
def test_every_format_gives_the_same_articles(tmp_path, case):
    source = FORMAT_CASES[case](tmp_path)
    articles = read_articles(source)
    check_table(articles)
    assert articles["article_id"].tolist() == ["a1", "a2"]
    assert articles["date"].dt.strftime("%Y-%m-%d").tolist() == ["2024-03-05", "2024-03-06"]
    assert articles["outlet"].tolist() == ["Ledger", "Herald"]
    assert articles["title"].tolist() == ["Summit", "Border"]
    if case == "html":
        assert all(t.startswith(("Summit\nOne.", "Border\nTwo.")) for t in articles["text"])
        assert articles["url"].tolist() == [
            "https://ledger.example/a1",
            "https://herald.example/a2",
        ]
        assert articles["lang"].tolist() == ["en", "en"]
    else:
        assert articles["text"].tolist() == ["One.", "Two."]
    assert ingest_report(articles).set_aside.empty


@pytest.mark.parametrize(
    ("name", "content", "format"),
    [
        ("news.dat", _csv(ROWS), "csv"),
        ("news.txt", "\n".join(json.dumps(r) for r in ROWS), "jsonl"),
        ("news.data", json.dumps(ROWS), "JSON"),
        ("news.log", "\n".join(json.dumps(r) for r in ROWS), "ndjson"),
    ],
)
def test_format_argument_overrides_the_extension(tmp_path, name, content, format):
    articles = read_articles(write(tmp_path / name, content), format=format)
    assert articles["article_id"].tolist() == ["a1", "a2"]


def test_unknown_extension_asks_for_format(tmp_path):
    with pytest.raises(FramingError, match=r"news\.dat.*Pass format="):
        read_articles(write(tmp_path / "news.dat", _csv(ROWS)))


@pytest.mark.parametrize("bad", ["xlsx", "sql", 3])
def test_bad_format_lists_the_choices(tmp_path, bad):
    with pytest.raises(FramingError, match=r"^format: .* Use one of: 'csv', 'tsv'"):
        read_articles(make_csv(tmp_path), format=bad)


@pytest.mark.parametrize("source", ["nope.csv", "no_folder/", "*.nothing", 42, [], None], ids=repr)
def test_bad_source(tmp_path, monkeypatch, source):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(FramingError, match=r"^source: "):
        read_articles(source)


def test_extra_columns_are_kept_as_written(tmp_path):
    path = write(
        tmp_path / "news.csv",
        "id,date,text,language,url,score,note\n007,2024-03-05,Body,en,http://x.example,1.50,NA\n",
    )
    articles = read_articles(path)
    assert list(articles.columns) == [*CANONICAL, "lang", "url", "score", "note", "source"]
    oracle = pd.read_csv(path, dtype=str, keep_default_na=False)
    assert articles.loc[0, "article_id"] == "007"
    assert articles.loc[0, ["score", "note"]].tolist() == oracle.loc[0, ["score", "note"]].tolist()
    assert articles.loc[0, "lang"] == "en"


def test_json_values_keep_their_types(tmp_path):
    rows = [{**ROWS[0], "tags": ["csto", "summit"], "n_words": 12}]
    articles = read_articles(write(tmp_path / "news.json", json.dumps(rows)))
    assert articles.loc[0, "tags"] == ["csto", "summit"]
    assert articles.loc[0, "n_words"] == 12


def test_bundled_example_folder_reads_every_article():
    articles = read_articles(EXAMPLE)
    check_table(articles)
    stems = sorted(p.stem for p in EXAMPLE.glob("*.txt"))
    assert articles["article_id"].tolist() == stems  # front matter ids equal the file names
    assert articles["source"].tolist() == [s + ".txt" for s in stems]
    assert set(articles["lang"]) <= {"en", "ru"}
    assert (articles["encoding"] == "utf-8").all()


# --------------------------------------------------------------------------------------
# sources, ids, order


def test_ids_are_made_from_the_file_and_row_when_there_is_no_id_column(tmp_path):
    path = write(tmp_path / "news.csv", "date,text\n2024-03-05,One.\n2024-03-06,Two.\n")
    articles = read_articles(path)
    assert articles["article_id"].tolist() == ["news.csv:2", "news.csv:3"]
    assert articles["source"].tolist() == ["news.csv:2", "news.csv:3"]


def test_empty_id_cell_gets_the_source_label(tmp_path):
    path = write(tmp_path / "news.csv", "id,date,text\n,2024-03-05,One.\nb,2024-03-06,Two.\n")
    assert read_articles(path)["article_id"].tolist() == ["news.csv:2", "b"]


@pytest.mark.parametrize(
    ("maker", "expected"),
    [
        (make_csv, ["news.csv:2", "news.csv:3"]),
        (make_jsonl, ["news.jsonl:1", "news.jsonl:2"]),
        (make_json_list, ["news.json:1", "news.json:2"]),
        (make_parquet, ["news.parquet:1", "news.parquet:2"]),
        (make_txt_folder, ["a1.txt", "a2.txt"]),
    ],
)
def test_source_labels(tmp_path, maker, expected):
    assert read_articles(maker(tmp_path))["source"].tolist() == expected


def test_folder_glob_and_list_read_files_in_path_order(tmp_path):
    write(tmp_path / "b.csv", "id,date,text\nb1,2024-01-01,B1\nb2,2024-01-02,B2\n")
    write(tmp_path / "a.jsonl", '{"id": "a1", "date": "2024-02-01", "text": "A1"}\n')
    write(tmp_path / "c.txt", "---\ndate: 2024-03-01\n---\nC\n")
    expected = ["a1", "b1", "b2", "c"]
    by_folder = read_articles(tmp_path)
    by_glob = read_articles(str(tmp_path / "*.*"))
    by_list = read_articles([tmp_path / "c.txt", tmp_path / "b.csv", tmp_path / "a.jsonl"])
    for articles in (by_folder, by_glob, by_list):
        assert articles["article_id"].tolist() == expected
        assert articles["source"].tolist() == ["a.jsonl:1", "b.csv:2", "b.csv:3", "c.txt"]
        assert articles["encoding"].tolist() == ["utf-8"] * 4
        check_table(articles)


def test_recursive_reads_subfolders_and_labels_them(tmp_path):
    write(tmp_path / "en" / "x.txt", "---\ndate: 2024-01-01\n---\nEnglish\n")
    write(tmp_path / "ru" / "x.txt", "---\ndate: 2024-01-01\n---\nРусский\n")
    write(tmp_path / "top.txt", "---\ndate: 2024-01-01\n---\nTop\n")
    assert read_articles(tmp_path)["article_id"].tolist() == ["top"]
    deep = read_articles(tmp_path, recursive=True)
    assert deep["article_id"].tolist() == ["en/x", "ru/x", "top"]
    assert deep["source"].tolist() == ["en/x.txt", "ru/x.txt", "top.txt"]


def test_folder_notes_files_it_skips(tmp_path):
    make_txt_folder(tmp_path)
    write(tmp_path / "docs" / "README", "not an article")
    write(tmp_path / "docs" / ".hidden.txt", "---\ndate: 2024-01-01\n---\nHidden\n")
    articles = read_articles(tmp_path / "docs")
    assert articles["article_id"].tolist() == ["a1", "a2"]
    assert ingest_report(articles).notes == ["skipped README (unknown file type)"]


def test_format_filters_a_folder(tmp_path):
    make_csv(tmp_path)
    make_jsonl(tmp_path)
    articles = read_articles(tmp_path, format="jsonl")
    assert articles["source"].tolist() == ["news.jsonl:1", "news.jsonl:2"]
    assert "skipped news.csv (not jsonl)" in ingest_report(articles).notes


def test_caller_gets_a_fresh_table_each_time(tmp_path):
    path = make_csv(tmp_path)
    first = read_articles(path)
    first.loc[0, "text"] = "changed"
    assert read_articles(path).loc[0, "text"] == "One."


# --------------------------------------------------------------------------------------
# columns and aliases


@pytest.mark.parametrize(
    ("canonical", "alias"),
    [(canonical, alias) for canonical, aliases in ALIASES.items() for alias in aliases],
)
def test_each_alias_is_recognised(tmp_path, canonical, alias):
    row = {"article_id": "a1", "date": "2024-03-05", "text": "Body.", "outlet": "O"}
    row.update({"title": "T", "lang": "en", "url": "http://u.example"})
    row[alias] = row.pop(canonical)
    articles = read_articles(write(tmp_path / "news.json", json.dumps([row])))
    assert articles.loc[0, canonical] == str(row[alias]) or canonical == "date"
    assert alias not in articles.columns or alias == "source"


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Text,Date,Title", {"text": "x", "title": "z"}),
        ("body,published,headline", {"text": "x", "title": "z"}),
        ("content,timestamp,heading", {"text": "x", "title": "z"}),
    ],
)
def test_aliases_and_case(tmp_path, header, expected):
    path = write(tmp_path / "news.csv", f"{header}\nx,2024-03-05,z\n")
    articles = read_articles(path)
    assert articles.loc[0, list(expected)].to_dict() == expected


def test_alias_is_not_used_when_the_canonical_column_exists(tmp_path):
    path = write(
        tmp_path / "news.csv",
        "id,date,published,text,body,outlet,source\n"
        "a1,2024-03-05,1999-01-01,real text,other,Ledger,wire\n",
    )
    articles = read_articles(path)
    row = articles.iloc[0]
    assert (row["text"], row["date"].year, row["outlet"]) == ("real text", 2024, "Ledger")
    assert row["body"] == "other" and row["published"] == "1999-01-01"
    assert row["original_source"] == "wire" and row["source"] == "news.csv:2"


def test_columns_argument_maps_names(tmp_path):
    path = write(tmp_path / "news.csv", "key,when,story,paper\nk1,2024-03-05,Body,Ledger\n")
    articles = read_articles(
        path, columns={"key": "article_id", "when": "date", "story": "text", "paper": "outlet"}
    )
    assert articles.loc[0, CANONICAL].tolist()[0::2] == ["k1", "Ledger", "Body"]


def test_columns_argument_with_an_unknown_name(tmp_path):
    with pytest.raises(FramingError, match=r"^columns: columns= names 'storry'"):
        read_articles(make_csv(tmp_path), columns={"storry": "title"})


@pytest.mark.parametrize("bad", [["body", "text"], {"body": 1}, "body"])
def test_columns_argument_must_be_a_dict(tmp_path, bad):
    with pytest.raises(FramingError, match=r"^columns: expected a dict"):
        read_articles(make_csv(tmp_path), columns=bad)


def test_missing_text_column_is_an_error_listing_the_columns(tmp_path):
    path = write(
        tmp_path / "news.csv",
        "id,headline,body\n1,Summit ends,The summit in Yerevan ended without a declaration.\n",
    )
    with pytest.raises(FramingError) as info:
        read_articles(path, text_column_fallbacks=False)
    assert str(info.value) == (
        "news.csv: no text column (columns found: 'id', 'headline', 'body'). "
        "Pass columns={'body': 'text'}."
    )


def test_missing_date_column_is_an_error(tmp_path):
    path = write(tmp_path / "news.csv", "id,text,pub_day\n1,Body,2024-01-01\n")
    with pytest.raises(FramingError, match=r"^news\.csv: no date column .*columns=\{'pub_day'"):
        read_articles(path)


def test_folder_without_any_date_is_an_error(tmp_path):
    write(tmp_path / "a.txt", "Just text.\n")
    with pytest.raises(
        FramingError,
        match=r": no file has a date\. Give each file a date.*front matter.*metadata\.csv",
    ):
        read_articles(tmp_path)


def test_sidecar_keyed_by_article_id_and_given_explicitly(tmp_path):
    write(tmp_path / "docs" / "x1.txt", "Body one.\n")
    write(tmp_path / "docs" / "x2.txt", "---\ntitle: From front matter\n---\nBody two.\n")
    sidecar = write(
        tmp_path / "meta.csv", "article_id,date,title\nx1,2024-01-01,T1\nx2,2024-01-02,T2\n"
    )
    articles = read_articles(tmp_path / "docs", sidecar=sidecar)
    assert articles["title"].tolist() == ["T1", "From front matter"]  # front matter wins
    assert articles["date"].dt.day.tolist() == [1, 2]


def test_sidecar_without_key_column(tmp_path):
    write(tmp_path / "docs" / "x1.txt", "Body one.\n")
    write(tmp_path / "docs" / "metadata.csv", "date,title\n2024-01-01,T\n")
    with pytest.raises(FramingError, match=r"^metadata\.csv: .*no key column"):
        read_articles(tmp_path / "docs")


# --------------------------------------------------------------------------------------
# dates and time zones


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-05", "2024-03-05 00:00:00"),
        ("2024-03-05T10:00:00", "2024-03-05 10:00:00"),
        ("2024-03-05 10:00", "2024-03-05 10:00:00"),
        ("2024-03-05T10:00:00+03:00", "2024-03-05 07:00:00"),
        ("2024-03-05T10:00:00Z", "2024-03-05 10:00:00"),
        ("2024-03-05T01:00:00+04:00", "2024-03-04 21:00:00"),
        ("5 March 2024", "2024-03-05 00:00:00"),
        ("March 5, 2024", "2024-03-05 00:00:00"),
        ("Sept 14, 2023", "2023-09-14 00:00:00"),
        ("05.03.2024", "2024-03-05 00:00:00"),
        ("05.03.2024 10:30", "2024-03-05 10:30:00"),
        ("03/25/2024", "2024-03-25 00:00:00"),
        ("25/03/2024", "2024-03-25 00:00:00"),
        ("5 марта 2024 г.", "2024-03-05 00:00:00"),
        ("14 сентября 2023", "2023-09-14 00:00:00"),
        ("Tue, 05 Mar 2024 10:00:00 +0300", "2024-03-05 07:00:00"),
        ("Tue, 05 Mar 2024 10:00:00 GMT", "2024-03-05 10:00:00"),
        ("1709632800", "2024-03-05 10:00:00"),
        ("+1709632800.5", "2024-03-05 10:00:00.500000"),
        ("2024-03-05 13:00 UTC", "2024-03-05 13:00:00"),
        ("2024-03-05 13:00 utc", "2024-03-05 13:00:00"),
        ("Tue, 05 Mar 2024 13:00:00 gmt", "2024-03-05 13:00:00"),
        ("March 2024", "2024-03-01 00:00:00"),
        ("  2024-03-05  ", "2024-03-05 00:00:00"),
    ],
)
def test_date_formats(tmp_path, value, expected):
    path = write(tmp_path / "news.json", json.dumps([{"date": value, "text": "x"}]))
    articles = read_articles(path)
    assert str(articles.loc[0, "date"]) == expected
    # the same value in a CSV column (read as text) gives the same date
    frame = pd.DataFrame({"date": [value], "text": ["x"]})
    frame.to_csv(tmp_path / "news.csv", index=False)
    assert str(read_articles(tmp_path / "news.csv").loc[0, "date"]) == expected


@st.composite
def _iso_like(draw):
    """Plain ISO dates and times, valid or not, with the odd other form among them."""
    year = draw(st.sampled_from(["1987", "2024", "2023", "1677", "1678", "2261", "2262", "0001",
                                 "9999", "١٩٨٧"]))  # fmt: skip
    month = draw(st.sampled_from(["01", "02", "12", "13", "00"]))
    day = draw(st.sampled_from(["01", "28", "29", "30", "31", "00"]))
    value = f"{year}-{month}-{day}"
    if draw(st.booleans()):
        clock = draw(st.sampled_from(["00:00:00", "13:05:09", "23:59:59", "24:00:00",
                                      "23:60:00", "23:59:60", "10:00"]))  # fmt: skip
        value += draw(st.sampled_from(["T", " ", "t", "  "])) + clock
        value += draw(st.sampled_from(["", "", "Z", "+03:00", " UTC", ".5"]))
    return draw(st.sampled_from([value, value, value, f" {value}", "", "March 5, 2024"]))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(values=st.lists(_iso_like(), min_size=1, max_size=6),
       tz=st.sampled_from(["UTC", None, "Europe/Moscow"]))  # fmt: skip
def test_plain_iso_dates_parse_as_the_general_path(values, tz):
    """The fast path for columns of plain ISO dates (NumPy, all at once) gives what the
    general path gives, or stands aside."""
    from framing.ingest import dates

    column = pd.Series(values, dtype="str")
    fast = dates.parse_dates(column, date_format=None, tz=tz)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(dates, "_plain_iso_dates", lambda v: None)
        general = dates.parse_dates(column, date_format=None, tz=tz)
    np.testing.assert_array_equal(fast[0], general[0])
    assert fast[1] == general[1]
    taken = dates._plain_iso_dates(column)
    if taken is not None:  # it took the column: then every value was a plain ISO date
        assert not general[1]
        np.testing.assert_array_equal(taken, general[0])


def test_plain_iso_dates_take_the_common_columns():
    from framing.ingest import dates

    column = pd.Series(["1987-02-26", "2024-03-05 13:00:00", "2024-03-05T13:00:01"], dtype="str")
    assert dates._plain_iso_dates(column).astype(str).tolist() == [
        "1987-02-26T00:00:00.000000000", "2024-03-05T13:00:00.000000000",
        "2024-03-05T13:00:01.000000000"]  # fmt: skip
    for odd in ("1987-02-30", "2024-03-05 24:00:00", "2262-05-01", " 1987-02-26", None):
        assert dates._plain_iso_dates(pd.Series(["1987-02-26", odd], dtype="str")) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [(1709632800, "2024-03-05 10:00:00"), (1709632800.5, "2024-03-05 10:00:00.500000")],
)
def test_unix_seconds_as_numbers(tmp_path, value, expected):
    path = write(tmp_path / "news.jsonl", json.dumps({"date": value, "text": "x"}))
    assert str(read_articles(path).loc[0, "date"]) == expected


@pytest.mark.parametrize(
    ("tz", "expected"),
    [
        ("UTC", ["2024-03-05 07:00:00", "2024-03-05 10:00:00", "2024-03-04 21:00:00"]),
        ("Europe/Moscow", ["2024-03-05 10:00:00", "2024-03-05 10:00:00", "2024-03-05 00:00:00"]),
        ("Asia/Yerevan", ["2024-03-05 11:00:00", "2024-03-05 10:00:00", "2024-03-05 01:00:00"]),
        (None, ["2024-03-05 10:00:00", "2024-03-05 10:00:00", "2024-03-05 01:00:00"]),
    ],
)
def test_time_zones_are_normalised(tmp_path, tz, expected):
    # aware (+03:00), naive (kept as written), aware (+04:00, the day before in UTC)
    path = write(
        tmp_path / "news.csv",
        "date,text\n2024-03-05T10:00:00+03:00,a\n2024-03-05 10:00,b\n2024-03-05T01:00:00+04:00,c\n",
    )
    articles = read_articles(path, tz=tz)
    assert articles["date"].astype(str).tolist() == expected
    assert articles["date"].dt.tz is None


def test_time_zones_in_parquet_and_yaml(tmp_path):
    moscow = pd.to_datetime(["2024-03-05 10:00", "2024-03-06 02:00"]).tz_localize("Europe/Moscow")
    pd.DataFrame({"date": moscow, "text": ["a", "b"]}).to_parquet(tmp_path / "n.parquet")
    oracle = moscow.tz_convert("UTC").tz_localize(None)
    assert read_articles(tmp_path / "n.parquet")["date"].tolist() == list(oracle)
    write(tmp_path / "d" / "x.txt", "---\ndate: 2024-03-05 10:00:00+03:00\n---\nText\n")
    assert str(read_articles(tmp_path / "d").loc[0, "date"]) == "2024-03-05 07:00:00"


@pytest.mark.parametrize(
    ("dates", "expected"),
    [
        # issue 14.2: one value over 12 in the first place makes the whole column day-first
        (["01/02/2024", "13/02/2024", "25/02/2024", "12/03/2024"],
         ["2024-02-01", "2024-02-13", "2024-02-25", "2024-03-12"]),
        (["02/01/2024", "02/13/2024", "12/25/2023"], ["2024-02-01", "2024-02-13", "2023-12-25"]),
        (["01.02.2024", "13.02.2024"], ["2024-02-01", "2024-02-13"]),
        (["01.02.2024", "03.04.2024"], ["2024-02-01", "2024-04-03"]),  # dots: day-first
        (["1-2-24", "2-28-24", "2024-03-05"], ["2024-01-02", "2024-02-28", "2024-03-05"]),
    ],
)  # fmt: skip
def test_day_and_month_are_decided_once_per_column(tmp_path, dates, expected):
    rows = "".join(f"{d},text {i}\n" for i, d in enumerate(dates))
    path = write(tmp_path / "news.csv", "date,text\n" + rows)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a decided column says nothing
        articles = read_articles(path)
    assert articles["date"].dt.strftime("%Y-%m-%d").tolist() == expected


@pytest.mark.parametrize(
    ("dates", "expected"),
    [
        (["01/02/2024", "03/04/2024"], ["2024-01-02", "2024-03-04"]),  # slashes: month-first
        (["01.02.2024", "03/04/2024"], ["2024-02-01", "2024-03-04"]),  # mixed: dots day-first
        (["13/02/2024", "02/13/2024"], ["2024-02-13", "2024-02-13"]),  # contradictory
    ],
)
def test_a_column_whose_order_is_ambiguous_warns_naming_date_format(tmp_path, dates, expected):
    rows = "".join(f"{d},text {i}\n" for i, d in enumerate(dates))
    path = write(tmp_path / "news.csv", "date,text\n" + rows)
    with pytest.warns(FramingWarning, match=r"day-first or month-first.*date_format="):
        articles = read_articles(path)
    assert articles["date"].dt.strftime("%Y-%m-%d").tolist() == expected


def test_date_format_forces_the_format(tmp_path):
    path = write(tmp_path / "news.csv", "date,text\n03/05/2024,a\n2024-03-05,b\n")
    articles = quiet_read(path, date_format="%d/%m/%Y")
    assert str(articles.loc[0, "date"]) == "2024-05-03 00:00:00"
    report = check_invariant(articles)
    assert report.set_aside["reason"].tolist() == ["unparseable date"]
    assert "'2024-03-05' does not match '%d/%m/%Y'" in report.set_aside.loc[0, "detail"]


@pytest.mark.parametrize("tz", ["Mars/Olympus", "", 5])
def test_bad_time_zone(tmp_path, tz):
    with pytest.raises(FramingError, match=r"^tz: .* is not a time zone"):
        read_articles(make_csv(tmp_path), tz=tz)


# --------------------------------------------------------------------------------------
# per-article problems are set aside and reported


PROBLEM_CSV = (
    "id,date,text\n"
    "a1,2024-03-05,Good one.\n"  # row 2
    "a2,yesterday,Bad date.\n"  # row 3
    "a3,,No date.\n"  # row 4
    "a4,2024-03-06,   \n"  # row 5
    "a1,2024-03-07,Copy of a1.\n"  # row 6
    "a5,2024-13-45,Impossible date.\n"  # row 7
    "a6,1500-01-01,Too old.\n"  # row 8
    "a7,2024-03-08,Good two.\n"  # row 9
)


def test_problems_are_set_aside_with_source_reason_and_detail(tmp_path):
    path = write(tmp_path / "news.csv", PROBLEM_CSV)
    with pytest.warns(FramingWarning) as record:
        articles = read_articles(path)
    assert [str(w.message) for w in record] == [
        "set aside 6 of 8 articles (3 unparseable date, 1 missing date, 1 empty text, "
        "1 duplicate id); see framing.ingest_report(articles)"
    ]
    assert articles["article_id"].tolist() == ["a1", "a7"]
    report = check_invariant(articles)
    assert (report.n_read, report.n_kept) == (8, 2)
    aside = report.set_aside
    assert aside["source"].tolist() == [f"news.csv:{n}" for n in (3, 4, 5, 6, 7, 8)]
    assert aside["article_id"].tolist() == ["a2", "a3", "a4", "a1", "a5", "a6"]
    assert aside["reason"].tolist() == [
        "unparseable date",
        "missing date",
        "empty text",
        "duplicate id",
        "unparseable date",
        "unparseable date",
    ]
    assert "'yesterday'" in aside.loc[0, "detail"]
    assert aside.loc[3, "detail"] == "first seen at news.csv:2"
    assert "'2024-13-45'" in aside.loc[4, "detail"]
    assert "range" in aside.loc[5, "detail"]
    text = str(report)
    assert text.startswith("IngestReport: 8 articles read, 2 kept, 6 set aside")
    assert "duplicate id: 1 (news.csv:6)" in text
    assert repr(report) == text


def test_duplicate_keeps_the_first_good_copy(tmp_path):
    path = write(
        tmp_path / "news.csv",
        "id,date,text\nx,,first has no date\nx,2024-01-01,second\nx,2024-01-02,third\n",
    )
    articles = quiet_read(path)
    assert articles["text"].tolist() == ["second"]
    assert check_invariant(articles).counts() == {"missing date": 1, "duplicate id": 1}


def test_duplicates_across_files_of_a_folder(tmp_path):
    write(tmp_path / "a.csv", "id,date,text\nx,2024-01-01,from a\n")
    write(tmp_path / "b.jsonl", '{"id": "x", "date": "2024-01-02", "text": "from b"}\n')
    articles = quiet_read(tmp_path)
    assert articles["text"].tolist() == ["from a"]
    aside = ingest_report(articles).set_aside
    assert aside[["source", "detail"]].values.tolist() == [["b.jsonl:1", "first seen at a.csv:2"]]


def test_malformed_jsonl_lines(tmp_path):
    path = write(
        tmp_path / "news.jsonl",
        '{"id": "a", "date": "2024-01-01", "text": "ok"}\n'
        '{"id": "b", "date": "2024-01-01", "text": "unclosed"\n'
        "\n"
        '["not", "an", "object"]\n'
        '{"id": "c", "date": "2024-01-02", "text": "ok too"}\n',
    )
    articles = quiet_read(path)
    assert articles["article_id"].tolist() == ["a", "c"]
    assert articles["source"].tolist() == ["news.jsonl:1", "news.jsonl:5"]
    report = check_invariant(articles)
    assert report.set_aside["source"].tolist() == ["news.jsonl:2", "news.jsonl:4"]
    assert report.set_aside["reason"].tolist() == ["malformed line"] * 2
    assert "not valid JSON" in report.set_aside.loc[0, "detail"]
    assert "not an object" in report.set_aside.loc[1, "detail"]


def test_json_items_that_are_not_objects(tmp_path):
    path = write(tmp_path / "news.json", json.dumps([ROWS[0], "stray", ROWS[1]]))
    articles = quiet_read(path)
    assert articles["article_id"].tolist() == ["a1", "a2"]
    assert check_invariant(articles).set_aside["reason"].tolist() == ["malformed record"]


def test_malformed_front_matter_is_set_aside(tmp_path):
    make_txt_folder(tmp_path)
    write(tmp_path / "docs" / "bad.txt", "---\ntitle: [unclosed\ndate: 2024-01-01\n---\nBody\n")
    write(tmp_path / "docs" / "open.txt", "---\ndate: 2024-01-01\nBody without the end\n")
    articles = quiet_read(tmp_path / "docs")
    assert articles["article_id"].tolist() == ["a1", "a2"]
    aside = check_invariant(articles).set_aside
    assert aside["reason"].tolist() == ["malformed front matter"] * 2
    assert aside["source"].tolist() == ["bad.txt", "open.txt"]


# --------------------------------------------------------------------------------------
# empty files


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("news.csv", ""),
        ("news.csv", "\n\n  \n"),
        ("news.csv", "id,date,text\n"),
        ("news.tsv", ""),
        ("news.json", "[]"),
        ("news.jsonl", ""),
        ("news.txt", ""),
    ],
)
def test_a_single_empty_file_is_an_error(tmp_path, name, content):
    with pytest.raises(FramingError, match=rf"^{name.replace('.', '[.]')} is empty"):
        read_articles(write(tmp_path / name, content))


def test_empty_parquet_is_an_error(tmp_path):
    pd.DataFrame({"date": pd.Series([], dtype=str), "text": pd.Series([], dtype=str)}).to_parquet(
        tmp_path / "news.parquet"
    )
    with pytest.raises(FramingError, match=r"^news\.parquet is empty"):
        read_articles(tmp_path / "news.parquet")


def test_empty_files_in_a_folder_are_set_aside_and_the_rest_read(tmp_path):
    write(tmp_path / "a.csv", "id,date,text\na,2024-01-01,A\n")
    write(tmp_path / "b.csv", "")
    write(tmp_path / "c.jsonl", "\n")
    write(tmp_path / "d.txt", "")
    write(tmp_path / "e.txt", "---\ndate: 2024-01-02\n---\nE\n")
    write(tmp_path / "f.json", "[]")
    articles = quiet_read(tmp_path)
    assert articles["article_id"].tolist() == ["a", "e"]
    report = check_invariant(articles)
    assert report.set_aside["source"].tolist() == ["b.csv", "c.jsonl", "d.txt", "f.json"]
    assert set(report.set_aside["reason"]) == {"empty file"}
    assert report.n_read == 6


def test_strict_empty_file_in_a_folder_raises(tmp_path):
    write(tmp_path / "a.csv", "id,date,text\na,2024-01-01,A\n")
    write(tmp_path / "b.csv", "")
    with pytest.raises(FramingError, match=r"b\.csv is empty"):
        read_articles(tmp_path, strict=True)


# --------------------------------------------------------------------------------------
# strict mode


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("n.csv", "id,date,text\na,2024-01-01,x\nb,someday,y\n", r"^n\.csv:3: unparseable date"),
        ("n.csv", "id,date,text\na,,x\n", r"^n\.csv:2: missing date"),
        ("n.csv", "id,date,text\na,2024-01-01, \n", r"^n\.csv:2: empty text"),
        (
            "n.csv",
            "id,date,text\na,2024-01-01,x\na,2024-01-01,y\n",
            r"^n\.csv:3: duplicate id .*first seen at n\.csv:2",
        ),
        ("n.jsonl", '{"date": "2024-01-01", "text": "x"}\n{oops\n', r"^n\.jsonl:2: malformed line"),
    ],
)
def test_strict_raises_at_the_first_problem(tmp_path, name, content, message):
    path = write(tmp_path / name, content)
    with pytest.raises(FramingError, match=message) as info:
        read_articles(path, strict=True)
    assert "strict=False" in str(info.value)
    # without strict the same file is read, with the problem set aside
    with pytest.warns(FramingWarning, match="set aside 1 of"):
        read_articles(path)


def test_strict_without_problems_returns_the_table(tmp_path):
    articles = read_articles(make_csv(tmp_path), strict=True)
    assert len(articles) == 2


# --------------------------------------------------------------------------------------
# encodings


ENCODED = {
    "utf8.txt": ("Summit in Yerevan: “no signature” — Пашинян.", "utf-8"),
    "utf8bom.txt": ("Саммит ОДКБ в Ереване завершился без подписи.", "utf-8-sig"),
    "utf16.txt": ("Ереван — Armenia’s capital; déclaration.", "utf-16"),
    "cp1251.txt": (
        "Армения отказалась подписать декларацию саммита ОДКБ в Ереване. "
        "Премьер-министр Пашинян заявил, что документ не содержит оценки агрессии.",
        "cp1251",
    ),
    "latin1.txt": (
        "Le sommet de l'OTSC à Erevan s'est terminé sans déclaration commune; "
        "le Premier ministre a refusé de signer, jugeant le texte insuffisant.",
        "latin-1",
    ),
    "latin1short.txt": ("Été à Paris, déçu.", "latin-1"),
    "cp1251short.txt": ("Привет, мир.", "cp1251"),
}


def test_mixed_encoding_folder_decodes_every_file(tmp_path):
    for name, (text, encoding) in ENCODED.items():
        write(tmp_path / name, text.encode(encoding))
    sidecar = "file,date\n" + "".join(f"{n},2024-01-01\n" for n in ENCODED)
    write(tmp_path / "metadata.csv", sidecar)
    articles = read_articles(tmp_path)
    check_table(articles)
    got = dict(zip(articles["source"], articles["text"], strict=True))
    assert got == {name: text for name, (text, _) in ENCODED.items()}
    detected = dict(zip(articles["source"], articles["encoding"], strict=True))
    assert detected["cp1251.txt"] == "cp1251" and detected["cp1251short.txt"] == "cp1251"
    assert detected["latin1.txt"] == "latin-1" and detected["utf16.txt"] == "utf-16"
    assert detected["utf8bom.txt"] == "utf-8-sig"


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "cp1251", "latin-1"])
def test_encoded_csv_is_detected(tmp_path, encoding):
    text = "Переговоры" if encoding == "cp1251" else "Négociations à Erevan"
    frame = pd.DataFrame({"id": ["a"], "date": ["2024-01-01"], "text": [text * 3]})
    frame.to_csv(tmp_path / "news.csv", index=False, encoding=encoding)
    articles = read_articles(tmp_path / "news.csv")
    assert articles["text"].tolist() == [text * 3]
    assert list(articles.columns[:5]) == CANONICAL  # the BOM is not part of the first name


def test_forced_encoding(tmp_path):
    path = write(tmp_path / "news.csv", "id,date,text\na,2024-01-01,Ёж\n".encode("koi8-r"))
    assert read_articles(path, encoding="koi8-r")["text"].tolist() == ["Ёж"]


def test_forced_encoding_that_fails_names_the_file_and_offset(tmp_path):
    path = write(tmp_path / "news.csv", "id,date,text\na,2024-01-01,caf\xe9\n".encode("latin-1"))
    with pytest.raises(FramingError, match=r"^news\.csv: undecodable bytes: .* at offset 29 "):
        read_articles(path, encoding="utf-8")


def test_undecodable_file_in_a_folder_is_set_aside(tmp_path):
    make_txt_folder(tmp_path)
    write(tmp_path / "docs" / "bad.txt", "---\ndate: 2024-01-01\n---\nкафе\n".encode("cp1251"))
    articles = quiet_read(tmp_path / "docs", encoding="utf-8")
    assert articles["article_id"].tolist() == ["a1", "a2"]
    aside = check_invariant(articles).set_aside
    assert aside["reason"].tolist() == ["undecodable bytes"]
    assert "offset" in aside.loc[0, "detail"]


def test_binary_file_in_a_folder_is_undecodable(tmp_path):
    make_txt_folder(tmp_path)
    write(tmp_path / "docs" / "scan.txt", bytes(range(256)) * 4)
    articles = quiet_read(tmp_path / "docs")
    assert check_invariant(articles).set_aside["reason"].tolist() == ["undecodable bytes"]


def test_unknown_encoding_name(tmp_path):
    with pytest.raises(FramingError, match=r"^encoding: 'klingon' is not an encoding"):
        read_articles(make_csv(tmp_path), encoding="klingon")


def test_crlf_line_ends_in_text_files(tmp_path):
    write(tmp_path / "a.txt", b"---\r\ndate: 2024-01-01\r\n---\r\nLine one.\r\nLine two.\r\n")
    assert read_articles(tmp_path / "a.txt")["text"].tolist() == ["Line one.\nLine two."]


# --------------------------------------------------------------------------------------
# the report


def test_report_invariant_over_many_inputs(tmp_path):
    write(tmp_path / "a.csv", PROBLEM_CSV)
    write(tmp_path / "b.jsonl", '{"id": "z", "date": "2024-01-01", "text": "z"}\nbroken\n')
    write(tmp_path / "c.csv", "")
    write(tmp_path / "d.txt", "---\ndate: nope\n---\nD\n")
    articles = quiet_read(tmp_path)
    report = check_invariant(articles)
    assert report.n_read == 8 + 2 + 1 + 1
    assert report.n_kept == 3


def test_ingest_report_on_a_table_without_one():
    with pytest.raises(FramingError, match=r"carries no ingest report"):
        ingest_report(pd.DataFrame({"text": ["x"]}))
    with pytest.raises(FramingError, match=r"expected the articles table"):
        ingest_report("articles")


def test_report_survives_a_copy_and_is_lost_with_attrs(tmp_path):
    articles = read_articles(make_csv(tmp_path))
    assert ingest_report(articles.copy()).n_kept == 2
    bare = articles.copy()
    bare.attrs = {}
    with pytest.raises(FramingError, match="carries no ingest report"):
        ingest_report(bare)


def test_articles_and_their_report_survive_parquet(tmp_path):
    """A researcher saves the articles read (pandas' to_parquet keeps attrs as JSON): the
    file is written, and the report read back is the same, set-aside rows included."""
    write(tmp_path / "a.csv", PROBLEM_CSV)
    articles = quiet_read(tmp_path / "a.csv")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no "could not serialize attrs" warning either
        articles.to_parquet(tmp_path / "articles.parquet")
    again = pd.read_parquet(tmp_path / "articles.parquet")
    pd.testing.assert_frame_equal(again, articles)
    before, after = ingest_report(articles), ingest_report(again)
    assert len(before.set_aside) >= 4
    assert (after.n_read, after.n_kept, after.notes) == (before.n_read, before.n_kept, before.notes)
    pd.testing.assert_frame_equal(after.set_aside, before.set_aside)
    assert str(after) == str(before)


def test_attrs_that_are_not_a_framing_report_are_an_error():
    for value in ["some text", '{"n_read": 1}', {"n_read": 1}, 3]:
        table = pd.DataFrame({"text": ["x"]})
        table.attrs["ingest_report"] = value
        with pytest.raises(FramingError, match="carries no ingest report"):
            ingest_report(table)


def test_no_warning_when_nothing_is_set_aside(tmp_path):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        read_articles(make_csv(tmp_path))


# --------------------------------------------------------------------------------------
# chunked iteration


def _big_rows(n):
    return [
        {"id": f"n{i}", "date": f"2024-01-{1 + i % 28:02d}", "text": f"Article {i}."}
        for i in range(n)
    ]


@pytest.mark.parametrize("fmt", ["csv", "tsv", "jsonl", "parquet"])
@pytest.mark.parametrize("chunk_size", [1, 3, 7, 100])
def test_chunks_equal_a_full_read(tmp_path, fmt, chunk_size):
    frame = pd.DataFrame(_big_rows(17))
    path = tmp_path / f"news.{fmt}"
    if fmt == "csv":
        frame.to_csv(path, index=False)
    elif fmt == "tsv":
        frame.to_csv(path, index=False, sep="\t")
    elif fmt == "jsonl":
        frame.to_json(path, orient="records", lines=True)
    else:
        frame.to_parquet(path)
    chunks = list(iter_article_chunks(path, chunk_size=chunk_size))
    assert [len(c) for c in chunks][:-1] == [chunk_size] * (len(chunks) - 1)
    assert all(len(c) <= chunk_size for c in chunks)
    for chunk in chunks:
        check_table(chunk)
    joined = pd.concat(chunks, ignore_index=True)
    whole = read_articles(path)
    pd.testing.assert_frame_equal(joined, whole, check_like=False)


def test_chunks_track_duplicates_and_problems(tmp_path):
    lines = [
        '{"id": "a", "date": "2024-01-01", "text": "one"}',
        '{"id": "b", "date": "never", "text": "two"}',
        "garbage",
        '{"id": "a", "date": "2024-01-02", "text": "copy"}',
        '{"id": "c", "date": "2024-01-03", "text": "three"}',
    ]
    path = write(tmp_path / "news.jsonl", "\n".join(lines))
    with pytest.warns(FramingWarning) as record:
        chunks = list(iter_article_chunks(path, chunk_size=2))
    assert [str(w.message).split(":")[0] for w in record] == [
        "chunk 1 (news.jsonl)",
        "chunk 2 (news.jsonl)",
    ]
    assert "see framing.ingest_report(chunk)" in str(record[0].message)
    assert [c["article_id"].tolist() for c in chunks] == [["a"], [], ["c"]]
    reasons = [ingest_report(c).set_aside["reason"].tolist() for c in chunks]
    assert reasons == [["unparseable date"], ["malformed line", "duplicate id"], []]
    assert ingest_report(chunks[1]).set_aside.loc[1, "detail"] == "first seen at news.jsonl:1"
    for chunk in chunks:
        check_invariant(chunk)


def test_chunks_over_a_folder_with_an_empty_file(tmp_path):
    write(tmp_path / "a.csv", "id,date,text\na,2024-01-01,A\nb,2024-01-02,B\n")
    write(tmp_path / "b.csv", "")
    write(tmp_path / "c.jsonl", '{"id": "c", "date": "2024-01-03", "text": "C"}\n')
    with pytest.warns(FramingWarning, match=r"chunk 2 \(b\.csv\): set aside 1 of 1"):
        chunks = list(iter_article_chunks(tmp_path, chunk_size=10))
    assert [c["article_id"].tolist() for c in chunks] == [["a", "b"], [], ["c"]]
    assert ingest_report(chunks[1]).set_aside["reason"].tolist() == ["empty file"]
    assert chunks[0]["encoding"].tolist() == ["utf-8", "utf-8"]


def test_chunks_of_a_single_empty_file_raise(tmp_path):
    with pytest.raises(FramingError, match=r"^news\.csv is empty"):
        list(iter_article_chunks(write(tmp_path / "news.csv", "id,date,text\n")))


def test_chunks_missing_text_column(tmp_path):
    path = write(tmp_path / "news.csv", "id,date,story\na,2024-01-01,x\n")
    with pytest.raises(FramingError, match=r"no text column .*columns=\{'story': 'text'\}"):
        list(iter_article_chunks(path))


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1251"])
def test_chunks_map_columns_and_detect_encoding(tmp_path, encoding):
    text = "key,when,story\nk,05.03.2024,Переговоры в Ереване\nm,06.03.2024,Саммит\n"
    path = write(tmp_path / "news.csv", text.encode(encoding))
    columns = {"key": "article_id", "when": "date", "story": "text"}
    chunks = list(iter_article_chunks(path, columns=columns, chunk_size=1))
    assert [c.loc[0, "text"] for c in chunks] == ["Переговоры в Ереване", "Саммит"]
    assert [str(c.loc[0, "date"]) for c in chunks] == ["2024-03-05 00:00:00", "2024-03-06 00:00:00"]
    assert [c.loc[0, "source"] for c in chunks] == ["news.csv:2", "news.csv:3"]


@pytest.mark.parametrize("maker", [make_json_list, make_txt_folder, make_html_folder])
def test_chunks_refuse_formats_that_cannot_stream(tmp_path, maker):
    with pytest.raises(FramingError, match=r"^source: cannot stream .*read_articles"):
        iter_article_chunks(maker(tmp_path))


@pytest.mark.parametrize("size", [0, -5, 2.5, "10", True])
def test_bad_chunk_size(tmp_path, size):
    with pytest.raises(FramingError, match=r"^chunk_size: "):
        iter_article_chunks(make_csv(tmp_path), chunk_size=size)


# --------------------------------------------------------------------------------------
# the real shared corpora


@pytest.mark.shared_data
def test_press_releases_sample_matches_plain_pandas(news_dir):
    path = news_dir / "press_releases_sample_100.csv"
    articles = read_articles(path)
    oracle = pd.read_csv(path, dtype=str, keep_default_na=False)
    check_table(articles)
    assert len(articles) == 100
    assert articles["article_id"].tolist() == oracle["id"].tolist()
    assert articles["text"].tolist() == oracle["text"].tolist()
    assert articles["title"].tolist() == oracle["title"].tolist()
    assert articles["outlet"].tolist() == oracle["outlet"].tolist()
    assert articles["lang"].tolist() == oracle["language"].tolist()
    assert (articles["date"] == pd.to_datetime(oracle["date"])).all()
    assert articles["summary"].tolist() == oracle["summary"].tolist()


@pytest.mark.shared_data
def test_reuters_sample_chunks_equal_full_read(news_dir):
    path = news_dir / "reuters21578_sample_500.csv"
    whole = read_articles(path)
    joined = pd.concat(list(iter_article_chunks(path, chunk_size=64)), ignore_index=True)
    pd.testing.assert_frame_equal(joined, whole)
    oracle = pd.read_csv(path, dtype=str, keep_default_na=False)
    assert whole["article_id"].tolist() == oracle["id"].tolist()


# --------------------------------------------------------------------------------------
# no input crashes a loader without a clear error


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    data=st.one_of(
        st.binary(max_size=300),
        st.text(
            alphabet=st.sampled_from('id,date,text\n"{}:[]\r\t 2024-01-01xé\x00'), max_size=200
        ).map(lambda s: s.encode("utf-8")),
    ),
    suffix=st.sampled_from([".csv", ".jsonl"]),
)
def test_random_bytes_never_crash(tmp_path, data, suffix):
    path = tmp_path / f"random{suffix}"
    path.write_bytes(data)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FramingWarning)
        try:
            articles = read_articles(path)
        except FramingError:
            return
    check_table(articles)


# --------------------------------------------------------------------------------------
# UTF-8 CSV files are parsed by Arrow; pandas' parser is the oracle


def _via_pandas(monkeypatch, source, *, reader=read_articles, **kwargs):
    """read_articles (or another reader) with the Arrow CSV parser turned off: pandas reads
    every file."""
    import framing.ingest.formats as formats

    with monkeypatch.context() as m:
        m.setattr(formats, "_arrow_csv", lambda data, sep: None)
        m.setattr(formats.ArrowCsvStream, "__iter__", lambda self: iter(()))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", FramingWarning)
            return reader(source, **kwargs)


def _same_chunks(monkeypatch, path, chunk_size):
    """iter_article_chunks gives the same chunks (and reports, and errors) with and without
    Arrow's streaming CSV parser."""

    def chunks(source):
        out = []
        try:
            for chunk in iter_article_chunks(source, chunk_size=chunk_size):
                out.append((chunk, ingest_report(chunk)))
        except FramingError as exc:
            out.append(str(exc))
        return out

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FramingWarning)
        fast = chunks(path)
    slow = _via_pandas(monkeypatch, path, reader=chunks)
    assert len(fast) == len(slow)
    for a, b in zip(fast, slow, strict=True):
        if isinstance(a, str) or isinstance(b, str):
            assert a == b
            continue
        pd.testing.assert_frame_equal(a[0], b[0])
        assert (a[1].n_read, a[1].n_kept) == (b[1].n_read, b[1].n_kept)
        pd.testing.assert_frame_equal(a[1].set_aside, b[1].set_aside)


def _same_reading(monkeypatch, path, reader=read_articles, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FramingWarning)
        fast = reader(path, **kwargs)
    slow = _via_pandas(monkeypatch, path, reader=reader, **kwargs)
    pd.testing.assert_frame_equal(fast, slow)
    a, b = ingest_report(fast), ingest_report(slow)
    assert (a.n_read, a.n_kept) == (b.n_read, b.n_kept)
    pd.testing.assert_frame_equal(a.set_aside, b.set_aside)
    return fast


def test_utf8_csv_is_read_by_arrow_not_pandas(tmp_path, monkeypatch):
    path = write(tmp_path / "a.csv", 'id,date,text\n1,2022-01-01,"War, ""again""\nhere"\n')

    def refuse(*args, **kwargs):
        raise AssertionError("pandas.read_csv was called")

    monkeypatch.setattr(pd, "read_csv", refuse)
    articles = read_articles(path)
    assert articles["text"].tolist() == ['War, "again"\nhere']
    assert articles["text"].dtype == "str"


def test_an_article_longer_than_arrows_block_is_still_read_by_arrow(tmp_path, monkeypatch):
    """Arrow parses a CSV in blocks, in parallel, and refuses a value longer than a block;
    then the file is parsed as one block, still by Arrow, with what pandas reads."""
    import framing.ingest.formats as formats

    monkeypatch.setattr(formats, "_READ_BLOCK", 1 << 10)
    long = " ".join(f'word{i}, and ""quoted""\nline' for i in range(400))  # 10 kB in CSV
    rows = [f'a{i},2022-01-{i + 1:02d},"{long if i == 5 else f"short {i}"}"' for i in range(20)]
    path = write(tmp_path / "long.csv", "id,date,text\n" + "\n".join(rows) + "\n")
    expected = _via_pandas(monkeypatch, path)
    assert expected["text"].str.len().max() > 8 * (1 << 10)

    def refuse(*args, **kwargs):
        raise AssertionError("pandas.read_csv was called")

    monkeypatch.setattr(pd, "read_csv", refuse)
    pd.testing.assert_frame_equal(read_articles(path), expected)


_CELL = st.text(
    alphabet=st.sampled_from(list('aabb  ,,;\t""\'\n\n\u00e9\u0544\u2019\u00a0\u2028')),
    max_size=8,
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    rows=st.lists(st.tuples(_CELL, _CELL, _CELL), min_size=1, max_size=6),
    quoting=st.sampled_from([0, 1, 2, 3]),  # csv.QUOTE_MINIMAL, ALL, NONNUMERIC, NONE
    terminator=st.sampled_from(["\n", "\n", "\n", "\r\n", "\r"]),
    bom=st.booleans(),
    sep=st.sampled_from([",", ";", "\t"]),
    junk=st.one_of(
        st.just([]),
        st.lists(st.sampled_from(["", "   ", "\t", "x", "a,b", '"open', "1,2,3,4"]), max_size=2),
    ),
)
def test_arrow_and_pandas_read_any_csv_alike(tmp_path, monkeypatch, rows, quoting, terminator,
                                              bom, sep, junk):  # fmt: skip
    import csv as csv_

    buffer = io.StringIO()
    writer = csv_.writer(buffer, delimiter=sep, quoting=quoting, lineterminator=terminator,
                         escapechar="\\" if quoting == 3 else None)  # fmt: skip
    writer.writerow(["id", "date", "text"])
    for i, (a, b, c) in enumerate(rows):
        writer.writerow([f"{a}{i}", f"2022-01-0{1 + i % 9}{b}", c])
    content = buffer.getvalue() + terminator.join(junk)
    path = write(tmp_path / "c.tsv" if sep == "\t" else tmp_path / "c.csv",
                 ("\ufeff" if bom else "") + content)  # fmt: skip
    try:
        fast = _same_reading(monkeypatch, path)
    except FramingError as exc:  # both must refuse the file alike
        with pytest.raises(FramingError) as slow:
            _via_pandas(monkeypatch, path)
        assert str(slow.value) == str(exc)
    else:
        assert len(fast) <= len(rows) + len(junk)
    # streamed in chunks of 2 rows, Arrow parsing 64 bytes at a time: where Arrow stops
    # mid-file, pandas reads on from the rows Arrow had read
    import framing.ingest.formats as formats

    with monkeypatch.context() as m:
        m.setattr(formats, "_STREAM_BLOCK", 64)
        _same_chunks(monkeypatch, path, chunk_size=2)


@pytest.mark.parametrize(
    "content",
    [
        "id,date,text\n1,2022-01-01,a\n   \n2,2022-01-02,b\n",  # whitespace-only line
        "id,date,text\n1,2022-01-01\n2,2022-01-02,b\n",  # a row one field short
        'id,date,"text"\n1,2022-01-01,a\n',  # quoted header
        "id,date,text,text\n1,2022-01-01,a,b\n",  # repeated column name
        "id,date,text,\n1,2022-01-01,a,\n",  # empty column name
        'id,date,text\n1,2022-01-01,"never closed\n',  # quote left open
        "id,date,text\n",  # header only
        "id,date,text\n1,2022-01-01,caf\xe9\n",  # Latin-1 (decoded by the legacy path)
    ],
)
def test_files_arrow_declines_are_read_by_pandas(tmp_path, monkeypatch, content):
    data = content.encode("latin-1") if "\xe9" in content else content.encode("utf-8")
    path = write(tmp_path / "x.csv", data)
    try:
        _same_reading(monkeypatch, path)
    except FramingError as exc:
        with pytest.raises(FramingError) as slow:
            _via_pandas(monkeypatch, path)
        assert str(slow.value) == str(exc)


def test_a_stream_arrow_stops_mid_file_is_read_on_by_pandas(tmp_path, monkeypatch):
    import framing.ingest.formats as formats

    rows = [f"{i},2022-01-0{1 + i % 9},text {i}\n" for i in range(80)]
    path = write(
        tmp_path / "x.csv", "id,date,text\n" + "".join(rows[:40]) + "   \n" + "".join(rows[40:])
    )
    stopped = []
    real = formats.ArrowCsvStream.__iter__

    def spy(self):
        yield from real(self)
        stopped.append((self.complete, self.rows))

    monkeypatch.setattr(formats, "_STREAM_BLOCK", 256)
    monkeypatch.setattr(formats.ArrowCsvStream, "__iter__", spy)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FramingWarning)
        chunks = list(iter_article_chunks(path, chunk_size=5))
    assert stopped[0][0] is False and 0 < stopped[0][1] < 40  # Arrow read some rows, then stopped
    table = pd.concat(chunks, ignore_index=True)
    assert table["source"].tolist() == [f"x.csv:{i}" for i in range(2, 82)]
    assert table["text"].tolist() == [f"text {i}" for i in range(80)]
    monkeypatch.setattr(formats.ArrowCsvStream, "__iter__", real)
    _same_chunks(monkeypatch, path, chunk_size=5)


def test_real_corpora_read_alike_by_arrow_and_pandas(monkeypatch, news_dir):
    for name in (
        "reuters21578_1987.csv",
        "press_releases_kremlin_president_ua_2021-10_2022-06.csv",
    ):
        articles = _same_reading(monkeypatch, news_dir / name)
        assert len(articles) > 1000
        _same_chunks(monkeypatch, news_dir / name, chunk_size=5000)


def test_files_with_carriage_returns_are_read_by_pandas(tmp_path, monkeypatch):
    """Arrow 26 can drop the "\\n" of a "\\r\\n" in a quoted value at a block boundary."""
    import csv as csv_

    import framing.ingest.formats as formats

    buffer = io.StringIO()
    writer = csv_.writer(buffer, lineterminator="\n")
    writer.writerow(["id", "date", "text"])
    for i in range(300):
        writer.writerow([i, "2022-01-01", f"line one\r\nline two {'x' * (i % 50)}"])
    path = write(tmp_path / "crlf.csv", buffer.getvalue())
    monkeypatch.setattr(formats, "_READ_BLOCK", 100)  # Arrow alone gets 4 of the 300 wrong
    monkeypatch.setattr(formats, "_STREAM_BLOCK", 100)
    expected = [f"line one\r\nline two {'x' * (i % 50)}" for i in range(300)]
    assert read_articles(path)["text"].tolist() == expected
    chunks = list(iter_article_chunks(path, chunk_size=7))
    assert pd.concat(chunks)["text"].tolist() == expected


@pytest.mark.parametrize("reader", ["read_articles", "iter_article_chunks"])
def test_rows_with_one_field_more_than_the_header_are_an_error(tmp_path, reader):
    """pandas would take the first field of every row as the index and shift the columns."""
    path = write(tmp_path / "more.csv", "date,text\nx1,2022-01-01,war\nx2,2022-01-02,peace\n")
    with pytest.raises(FramingError) as info:
        if reader == "read_articles":
            read_articles(path)
        else:
            list(iter_article_chunks(path, chunk_size=1))
    message = str(info.value)
    assert "more.csv" in message
    assert "the header names 2 columns but the rows have 3 fields" in message


def test_sidecar_rows_with_one_field_more_than_the_header_are_an_error(tmp_path):
    write(tmp_path / "docs" / "a.txt", "War again.")
    write(tmp_path / "docs" / "metadata.csv", "file,date\na.txt,x,2022-01-01\n")
    with pytest.raises(FramingError, match="the header names 2 columns but the rows have 3"):
        read_articles(tmp_path / "docs")


def test_blank_texts_are_those_the_strip_empties_over_all_of_unicode():
    """_blank_texts (Arrow's utf8_is_space) against str.strip on every code point."""
    from framing.ingest.read import _blank_texts

    chars = [chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000]
    texts = pd.Series([*chars, "", " a ", "\u3000\u2028 ", "\x1c\x1f"], dtype="str")
    expected = (texts.str.strip() == "").to_numpy()
    np.testing.assert_array_equal(_blank_texts(texts), expected)
    plain = pd.Series(["", " ", "a", "\u00a0"], dtype=object)  # not Arrow-backed
    np.testing.assert_array_equal(_blank_texts(plain), [True, True, False, True])


@pytest.mark.parametrize("content", ["{}", "{}\n{}\n", '{"title": "x"}\n{}\n'])
def test_jsonl_objects_without_fields_say_there_is_no_text_column(tmp_path, content):
    """Found by hypothesis: records that are all {} made pandas fail on row counts."""
    path = write(tmp_path / "e.jsonl", content)
    with pytest.raises(FramingError, match="no text column"):
        read_articles(path)


def test_a_typo_in_the_year_is_kept_and_named_in_a_warning(tmp_path):
    # issue 14.4: 2204 among 2024 dates, and 1924 among them
    rows = "".join(f"a{i},2024-01-{i + 1:02d},text\n" for i in range(20))
    path = write(tmp_path / "news.csv", "id,date,text\n" + rows + "late,2204-01-15,text\n")
    with pytest.warns(FramingWarning, match=r"1 article dated after today .*'late' \(2204-01-15\)"):
        articles = read_articles(path)
    assert len(articles) == 21
    path = write(tmp_path / "old.csv", "id,date,text\n" + rows + "early,1924-01-15,text\n")
    with pytest.warns(FramingWarning, match=r"1 article 100 years away .*'early' \(1924-01-15\)"):
        read_articles(path)


def test_dates_spread_over_centuries_evenly_say_nothing(tmp_path):
    rows = "".join(f"a{y},{y}-03-04,text\n" for y in range(1789, 2024, 4))
    path = write(tmp_path / "speeches.csv", "id,date,text\n" + rows)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert len(read_articles(path)) == len(range(1789, 2024, 4))


def test_one_bad_byte_does_not_garble_a_utf8_file(tmp_path):
    # issue 14.1: a UTF-8 file with a stray byte and a line pasted in cp1251 stays UTF-8
    rows = [f"r{i},2024-03-0{i + 1},Угроза альянсу номер {i}" for i in range(6)]
    data = ("id,date,text\n" + "\n".join(rows[:4]) + "\n").encode()
    data += "r4,2024-03-05,Угроза кризиса".encode() + b"\xff\n"  # a stray byte
    data += "r5,2024-03-06,Угроза ОДКБ".encode("cp1251") + b"\n"  # a line in cp1251
    path = write(tmp_path / "news.csv", data)
    with pytest.warns(FramingWarning, match=r"news.csv: not valid UTF-8 on 2 of 7 lines"):
        articles = read_articles(path)
    texts = articles.set_index("article_id")["text"]
    assert texts["r0"] == "Угроза альянсу номер 0"
    assert texts["r4"] == "Угроза кризиса\ufffd"
    assert texts["r5"] == "Угроза ОДКБ"
    hits = fr.find_hits(articles, {"threat": ["угроза"]})
    assert sorted(hits["article_id"]) == [f"r{i}" for i in range(6)]
    notes = fr.ingest_report(articles).notes
    assert any("line 7 in cp1251" in n and "line 6 replaced" in n for n in notes)
    with pytest.raises(FramingError, match="not valid UTF-8"):
        read_articles(path, strict=True)


def test_a_file_mostly_in_cp1251_is_still_read_as_cp1251(tmp_path):
    text = "id,date,text\na,2024-03-01,Угроза безопасности\nb,2024-03-02,Кризис ОДКБ\n"
    path = write(tmp_path / "news.csv", text.encode("cp1251"))
    articles = read_articles(path)
    assert articles["text"].tolist() == ["Угроза безопасности", "Кризис ОДКБ"]


def test_json_corner_cases_set_aside_their_lines_and_keep_the_rest(tmp_path):
    # issue 14.6: a lone surrogate, deep nesting, an object or a list as the text
    good = '{"id": "a", "date": "2024-01-01", "text": "a threat"}'
    lines = [
        good,
        '{"id": "b", "date": "2024-01-01", "text": "cut \\ud83d here"}',
        '{"id": "c", "date": "2024-01-01", "text": ' + "[" * 50_000 + "]" * 50_000 + "}",
        '{"id": "d", "date": "2024-01-01", "text": {"body": "a threat"}}',
        '{"id": "e", "date": "2024-01-01", "text": ["a", "threat"]}',
    ]
    path = write(tmp_path / "news.jsonl", "\n".join(lines) + "\n")
    with pytest.warns(FramingWarning, match="set aside 4 of 5"):
        articles = read_articles(path)
    assert articles["article_id"].tolist() == ["a"]
    aside = fr.ingest_report(articles).set_aside.set_index("source")
    assert "lone surrogate" in aside.loc["news.jsonl:2", "detail"]
    assert "nested too deeply" in aside.loc["news.jsonl:3", "detail"]
    assert aside.loc["news.jsonl:4", "reason"] == "text not a string"
    assert "columns={'body': 'text'}" in aside.loc["news.jsonl:4", "detail"]
    assert aside.loc["news.jsonl:5", "reason"] == "text not a string"
    array = write(tmp_path / "news.json", "[" + ",".join([good, lines[1]]) + "]")
    with pytest.warns(FramingWarning, match="set aside 1 of 2"):
        assert read_articles(array)["article_id"].tolist() == ["a"]


def _page(head: str = "", canonical: str = "") -> str:
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    body = " ".join(["Armenia froze its part in the alliance, officials said."] * 8)
    return (
        f"<html><head><title>Summit</title>{head}{link}</head><body><article><h1>Summit</h1>"
        f"<p>{body} The treaty signed on 2 May 2019 was cited.</p></article>"
        "<footer>Updated 12 March 2021</footer></body></html>"
    )


def test_html_pages_are_dated_by_their_metadata_or_url_never_their_text(tmp_path):
    # issue 14.3: a page without date metadata took "2 May 2019" or the footer's date
    pages = tmp_path / "pages"
    write(
        pages / "meta.html",
        _page('<meta property="article:published_time" content="2024-02-23T10:00:00+00:00">'),
    )
    write(
        pages / "jsonld.html",
        _page(
            '<script type="application/ld+json">{"@graph": [{"datePublished": "2024-02-24"}]}</script>'
        ),
    )
    write(pages / "url.html", _page(canonical="https://news.example/2024/02/25/summit"))
    write(pages / "none.html", _page())
    with pytest.warns(FramingWarning, match="set aside 1 of 4"):
        articles = read_articles(pages)
    dates = articles.set_index("article_id")["date"].dt.strftime("%Y-%m-%d").to_dict()
    assert dates == {"jsonld": "2024-02-24", "meta": "2024-02-23", "url": "2024-02-25"}
    aside = fr.ingest_report(articles).set_aside
    assert aside["reason"].tolist() == ["missing date"]
    searched = read_articles(pages, html_dates="text")
    assert len(searched) == 4  # asked for: the text search dates the fourth page too
    with pytest.raises(FramingError, match="html_dates"):
        read_articles(pages, html_dates="body")


def test_a_dangling_symlink_in_a_corpus_folder_is_noted(tmp_path):
    # issue 14.12
    folder = tmp_path / "corpus"
    write(folder / "a.csv", "id,date,text\na,2024-01-01,a threat\n")
    (folder / "b.csv").symlink_to(tmp_path / "gone.csv")
    articles = read_articles(folder)
    assert len(articles) == 1
    notes = fr.ingest_report(articles).notes
    assert any("b.csv" in n and "does not exist" in n for n in notes)


def test_a_streamed_file_with_one_bad_byte_stays_utf8(tmp_path):
    # issue 14.1 on the streaming path (iter_article_chunks, count_corpus)
    rows = [f"r{i},2024-03-0{i + 1},Угроза альянсу номер {i}" for i in range(5)]
    data = ("id,date,text\n" + "\n".join(rows) + "\n").encode()
    data += "r5,2024-03-06,Угроза кризиса".encode() + b"\xff\n"
    path = write(tmp_path / "news.csv", data)
    with pytest.warns(FramingWarning, match=r"news.csv: not valid UTF-8 on 1 of 7 lines"):
        chunks = list(fr.iter_article_chunks(path, chunk_size=2))
    articles = pd.concat(chunks, ignore_index=True)
    assert articles["text"].str.startswith("Угроза").all() and len(articles) == 6
    assert any("streamed as UTF-8" in n for n in fr.ingest_report(chunks[0]).notes)
