"""The framing command, end to end: demo and count in a temporary folder; one-line errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import framing as fr
from framing.cli import main

FRAMING = [sys.executable, "-m", "framing.cli"]


def run(args, cwd):
    return subprocess.run([*FRAMING, *args], cwd=cwd, capture_output=True, text=True, timeout=300)


def test_demo_end_to_end(tmp_path):
    result = run(["demo"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    for rel in [
        "figures/demo-trends.png",
        "figures/demo-trends.pdf",
        "data/processed/demo-counts.csv",
    ]:
        assert (tmp_path / rel).stat().st_size > 1000, rel
    counts = pd.read_csv(tmp_path / "data/processed/demo-counts.csv", parse_dates=["period"])
    assert set(counts["frame"]) == {"collapse", "threat", "suspension", "alliance", "sovereignty"}
    assert counts["outlet"].nunique() >= 4
    assert counts["period"].min() == pd.Timestamp("2022-09-01")
    assert counts["period"].max() == pd.Timestamp("2024-06-01")
    # every article counted once per frame
    n_articles = counts.groupby("frame")["n_articles"].sum()
    assert n_articles.nunique() == 1 and n_articles.iloc[0] >= 150
    assert "Hits per 1,000 words" in result.stdout
    for outlet in counts["outlet"].unique():
        assert outlet in result.stdout
    # the same run again gives byte-identical outputs
    first = {p: (tmp_path / p).read_bytes() for p in ["figures/demo-trends.png",
             "figures/demo-trends.pdf", "data/processed/demo-counts.csv"]}  # fmt: skip
    assert run(["demo"], tmp_path).returncode == 0
    assert first == {p: (tmp_path / p).read_bytes() for p in first}


def test_count_on_real_press_releases(news_dir, tmp_path):
    lexicon = tmp_path / "lex.yml"
    lexicon.write_text("frames:\n  threat: [threat*]\n  war: [war, 'special military operation']\n")
    out = tmp_path / "out"
    result = run(
        ["count", str(news_dir / "press_releases_sample_100.csv"), "--lexicon", str(lexicon),
         "--by", "outlet", "--freq", "Q", "--out", str(out)],
        tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    counts = pd.read_csv(out / "counts.csv")
    assert set(counts["outlet"]) == {"kremlin.ru", "president.gov.ua"}
    assert counts.groupby("frame")["n_articles"].sum().tolist() == [100, 100]
    assert (out / "trends.png").exists() and (out / "trends.pdf").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["count", "missing.csv"], "missing.csv"),
        (["count", "{csv}", "--lexicon", "nope.yml"], "nope.yml: no such lexicon file"),
        (["count", "{csv}", "--freq", "fortnight"], "'fortnight' is not a valid choice"),
        (["count", "{bad}"], "no text column"),
    ],
)
def test_errors_are_one_line(tmp_path, capsys, args, message):
    good = tmp_path / "news.csv"
    good.write_text("id,date,outlet,text\n1,2024-01-01,X,A threat.\n")
    bad = tmp_path / "bad.csv"
    bad.write_text("id,date,headline,story\n1,2024-01-01,H,A threat.\n")
    args = [a.format(csv=good, bad=bad) for a in args]
    status = main(args)
    err = capsys.readouterr().err
    assert status == 2
    assert message in err
    assert "Traceback" not in err
    assert err.startswith("framing: error: ")


@pytest.mark.parametrize("args", [["--help"], ["count", "--help"], ["demo", "--help"]])
def test_help(args):
    result = run(args, Path.cwd())
    assert result.returncode == 0
    assert "usage: framing" in result.stdout


def _news(folder: Path, name: str = "news.csv") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text("id,date,outlet,text\n1,2024-01-01,X,A threat.\n2,2024-02-01,Y,Calm.\n")
    return path


def test_count_writes_to_framing_results_in_the_current_folder(tmp_path, monkeypatch, capsys):
    corpus = _news(tmp_path / "corpus")
    monkeypatch.chdir(tmp_path)
    assert main(["count", str(corpus)]) == 0
    assert (tmp_path / "framing-results" / "counts.csv").is_file()
    assert sorted(p.name for p in corpus.parent.iterdir()) == ["news.csv"]
    assert "framing-results" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        # the hits table would overwrite the corpus
        (["{corpus}/news.csv", "--hits-out", "{corpus}/news.csv"],
         "--hits-out: {corpus}/news.csv is an input file; writing it would overwrite the corpus"),
        (["{corpus}/*.csv", "--hits-out", "{corpus}/news.csv"], "is an input file"),
        # the counts table would overwrite an input named counts.csv
        (["{corpus}/counts.csv", "--out", "{corpus}"],
         "--out: {corpus}/counts.csv is an input file; writing it would overwrite the corpus. "
         "Choose another folder, e.g. --out framing-results"),
        # outputs in an input folder would be read as articles next time
        (["{corpus}", "--out", "{corpus}"], "--out: {corpus} is an input folder"),
        (["{corpus}", "--hits-out", "{corpus}/hits.parquet"], "--hits-out: {corpus} is an input folder"),
    ],
)  # fmt: skip
def test_an_output_that_is_an_input_is_refused_before_any_work(tmp_path, capsys, args, message):
    corpus = tmp_path / "corpus"
    _news(corpus)
    _news(corpus, "counts.csv")
    before = {p.name: p.read_bytes() for p in corpus.iterdir()}
    # --lexicon names no file: the outputs are checked before the lexicon is even read
    args = ["count", *[a.format(corpus=corpus) for a in args], "--lexicon", "nope.yml"]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert message.format(corpus=corpus) in err
    assert "nope.yml" not in err
    assert {p.name: p.read_bytes() for p in corpus.iterdir()} == before


def test_help_names_the_default_output_folder():
    result = run(["count", "--help"], Path.cwd())
    assert "./framing-results" in " ".join(result.stdout.split())


@pytest.mark.parametrize("stream", [False, True])
@pytest.mark.parametrize("copies", ["drop", "origin"])
def test_count_copies_once(tmp_path, capsys, stream, copies):
    """`framing count --copies drop|origin` counts as count_by_period(..., copies=) does."""
    articles = fr.load_example()
    path = tmp_path / "teaching.csv"
    articles.to_csv(path, index=False)
    args = ["count", str(path), "--out", str(tmp_path / "out"), "--copies", copies]
    assert main([*args, "--by", "outlet", *(["--stream", "--workers", "1"] if stream else [])]) == 0
    out = capsys.readouterr().out
    read = fr.find_copies(fr.clean_articles(fr.read_articles(path)))
    hits = fr.find_hits(read, fr.load_lexicon("security"))
    expected = fr.count_by_period(hits, read, by="outlet", copies=copies)
    counts = pd.read_csv(tmp_path / "out" / "counts.csv", comment="#")
    assert counts["n_hits"].sum() == expected["n_hits"].sum()
    assert counts.groupby("outlet")["n_hits"].sum().to_dict() == (
        expected.groupby("outlet")["n_hits"].sum().to_dict()
    )
    summary = expected.attrs["provenance"]["copies"]
    assert f"copies: {summary['n_copies']} copies" in out
    if copies == "drop":
        assert counts["n_hits"].sum() == len(hits) - summary["hits_dropped"]
