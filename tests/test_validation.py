"""Validating a lexicon: coded sheets read back, precision against statsmodels, agreement
against the krippendorff package and kappa by hand, and the errors for bad sheets."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from statsmodels.stats.proportion import proportion_confint

from framing import FramingError
from framing.contexts import sample_kwic
from framing.match import find_hits
from framing.validation import agreement, cohen_kappa, precision, read_coding, sample_size

TEXTS = [
    "-- Moscow said NATO expansion was a direct threat to Russia's security, officials added.",
    "=Officials described the drill as a threat to regional security and stability.",
    "@Lavrov: “The security guarantees we asked for were ignored,” he said on Tuesday.",
    "Экономическая угроза растёт, сказал министр. Security of supply is a threat too.",
    "The threat of sanctions loomed; European security talks stalled in Geneva.",
    "Analysts see no military threat, only security concerns about energy.",
]
LEXICON = {"threat": ["threat*", "security", "угроз*"]}


@pytest.fixture
def corpus():
    articles = pd.DataFrame({
        "article_id": [f"a{i}" for i in range(len(TEXTS))],
        "date": pd.to_datetime("2022-01-10") + pd.to_timedelta(range(len(TEXTS)), "D"),
        "outlet": ["Kremlin", "TASS", "Kremlin", "RIA", "Reuters", "Reuters"],
        # titles a spreadsheet would run as formulas: written neutralized, read back restored
        "title": ["-- Moscow warns", "=HYPERLINK(\"x\")", "@Lavrov speaks", "+1 for security",
                  "Story 4", "Story 5"],
        "text": TEXTS,
    })  # fmt: skip
    return articles, find_hits(articles, LEXICON)


def spreadsheet_save(path, codes, *, sep=",", bom=True, encoding="utf-8"):
    """Write the sheet back as a spreadsheet program does: the neutralized cells as they
    are, the given codes typed into the 'code' column, its own separator and BOM choice."""
    sheet = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    assert len(codes) == len(sheet)
    sheet["code"] = codes
    text = sheet.to_csv(index=False, sep=sep, lineterminator="\r\n")
    with open(path, "w", encoding=("utf-8-sig" if bom else encoding), newline="") as f:
        f.write(text)


@pytest.mark.parametrize(("sep", "bom"), [(",", True), (";", True), ("\t", False), (",", False)])
def test_sheet_coded_in_a_spreadsheet_reads_back_the_same(corpus, tmp_path, sep, bom):
    articles, hits = corpus
    path = tmp_path / "threat-ann.csv"
    sample = sample_kwic(hits, articles, n=20, by="entry", seed=3, path=path)
    raw = path.read_text(encoding="utf-8-sig")
    assert "'-- Moscow" in raw and "'=HYPERLINK" in raw and "'@Lavrov" in raw  # neutralized
    spellings = ["1", "0", "Y", "n", " Yes", "NO", "Relevant", "not relevant", "Unsure",
                 "not  Relevant", "", "yes"]  # fmt: skip
    codes = (spellings * 3)[: len(sample)]
    spreadsheet_save(path, codes, sep=sep, bom=bom)
    coded = read_coding(path, hits=hits, articles=articles)
    expected = {"1": "relevant", "0": "not_relevant", "y": "relevant", "n": "not_relevant",
                "yes": "relevant", "no": "not_relevant", "relevant": "relevant",
                "not relevant": "not_relevant", "unsure": "unsure"}  # fmt: skip
    keep = [c.strip() != "" for c in codes]
    want = [expected[" ".join(c.split()).lower()] for c, k in zip(codes, keep, strict=True) if k]
    assert coded["code"].tolist() == want
    kept = sample[keep].reset_index(drop=True)
    for col in ("article_id", "frame", "entry", "match", "left", "right", "title"):
        assert coded[col].tolist() == kept[col].tolist(), col
    assert coded["start"].tolist() == kept["start"].tolist()
    assert coded["start"].dtype == "int64" and coded["sentence"].dtype == "int64"
    assert coded["date"].tolist() == kept["date"].tolist()
    assert set(coded["coder"]) == {"threat-ann"}
    assert coded.attrs["coding"]["uncoded"] == {str(path): len(codes) - sum(keep)}
    assert (coded["row"] == np.flatnonzero(keep) + 2).all()  # header is spreadsheet row 1


def test_codes_outside_the_set_are_named_with_file_and_row(corpus, tmp_path):
    articles, hits = corpus
    path = tmp_path / "bob.csv"
    sample = sample_kwic(hits, articles, n=20, seed=1, path=path)
    codes = ["1"] * len(sample)
    codes[2], codes[4] = "maybe", "2"
    spreadsheet_save(path, codes)
    with pytest.raises(FramingError) as err:
        read_coding(path)
    message = str(err.value)
    assert str(path) in message and "'maybe' (row 4)" in message and "'2' (row 6)" in message


def test_sheet_saved_in_a_legacy_code_page_is_refused(corpus, tmp_path):
    articles, hits = corpus
    path = tmp_path / "cp.csv"
    sample_kwic(hits, articles, n=20, seed=1, path=path)
    sheet = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    sheet["note"] = "café"
    sheet = sheet[~sheet["left"].str.contains("[а-я]") & ~sheet["right"].str.contains("[а-я“”]")]
    sheet.to_csv(path, index=False, encoding="cp1252")
    with pytest.raises(FramingError, match="CSV UTF-8"):
        read_coding(path)


def test_several_coders_concatenated(corpus, tmp_path):
    articles, hits = corpus
    sample = sample_kwic(hits, articles, n=20, seed=1)
    ann = sample.assign(code="1")
    bob = sample.assign(code="0", coder="bob")
    coded = read_coding([ann, bob], coder=["ann", "ignored: the sheet names bob"])
    assert coded.groupby("coder").size().to_dict() == {"ann": len(sample), "bob": len(sample)}


def test_one_coder_two_codes_for_one_passage_is_refused(corpus):
    articles, hits = corpus
    sample = sample_kwic(hits, articles, n=20, seed=1)
    first = sample.assign(code="1")
    second = sample.head(1).assign(code="n")
    with pytest.raises(FramingError, match="different codes by the same coder"):
        read_coding([first, second], coder="ann")
    same = read_coding([first, first.head(2)], coder="ann")  # a repeat, same code: kept once
    assert len(same) == len(sample)


def test_sheet_from_another_lexicon_version_is_refused_with_entries_and_rows(corpus, tmp_path):
    articles, hits = corpus
    path = tmp_path / "old.csv"
    sample = sample_kwic(hits, articles, n=20, seed=2, path=path)
    spreadsheet_save(path, ["y"] * len(sample))
    newer = find_hits(articles, {"threat": ["threat*", "угроз*", "security threat*"]})
    with pytest.raises(FramingError) as err:
        read_coding(path, hits=newer)
    message = str(err.value)
    n_security = int((sample["entry"] == "security").sum())
    assert f"{n_security} coded passages are not among the hits" in message
    assert "entry 'security'" in message and f"{path} row" in message
    assert "entry 'threat*'" not in message


def test_sheet_of_edited_texts_is_refused(corpus, tmp_path):
    articles, hits = corpus
    path = tmp_path / "ann.csv"
    sample = sample_kwic(hits, articles, n=20, seed=2, path=path)
    spreadsheet_save(path, ["y"] * len(sample))
    edited = articles.copy()
    edited.loc[4, "text"] = "Update: " + edited.loc[4, "text"]
    with pytest.raises(FramingError) as err:
        read_coding(path, articles=edited)
    rows = np.flatnonzero(sample["article_id"] == "a4") + 2
    assert f"{path} row {rows[0]}" in str(err.value)
    edited.loc[4, "text"] = articles.loc[4, "text"].replace("loomed", "grew")  # context only
    with pytest.raises(FramingError, match="no longer read so"):
        read_coding(path, articles=edited)


def test_missing_code_column_is_named(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("article_id,start,end,codes\na,0,1,1\n", encoding="utf-8")
    with pytest.raises(FramingError, match=r"x\.csv: has no column 'code'"):
        read_coding(path)


def coded_table(entries: dict) -> pd.DataFrame:
    """A coding table: {(frame, entry): list of codes} → one row per passage."""
    rows = []
    for (frame, entry), codes in entries.items():
        for i, code in enumerate(codes):
            rows.append({"article_id": f"{entry}-{i}", "start": 0, "end": 3, "frame": frame,
                         "entry": entry, "code": code, "coder": "ann"})  # fmt: skip
    return pd.DataFrame(rows)


@pytest.mark.parametrize(("n_rel", "n_not", "n_unsure"), [(7, 3, 2), (0, 12, 0), (20, 0, 1),
                                                          (1, 1, 0), (45, 51, 4)])  # fmt: skip
def test_precision_and_wilson_against_statsmodels(n_rel, n_not, n_unsure):
    codes = ["relevant"] * n_rel + ["not_relevant"] * n_not + ["unsure"] * n_unsure
    table = precision(coded_table({("threat", "threat*"): codes}))
    row = table.iloc[0]
    assert (row["n_coded"], row["n_relevant"], row["n_unsure"]) == (n_rel + n_not, n_rel, n_unsure)
    lo, hi = proportion_confint(n_rel, n_rel + n_not, alpha=0.05, method="wilson")
    assert row["precision"] == pytest.approx(n_rel / (n_rel + n_not))
    assert row["precision_low"] == pytest.approx(lo, abs=1e-12)
    assert row["precision_high"] == pytest.approx(hi, abs=1e-12)


@pytest.mark.parametrize("p", [0.5, 0.3, 0.8, 0.95, 1.0])
@pytest.mark.parametrize("half_width", [0.10, 0.05])
def test_sample_size_is_the_fewest_passages_for_the_width(p, half_width):
    n = int(sample_size(p, half_width=half_width))

    def width(k):
        lo, hi = proportion_confint(p * k, k, alpha=0.05, method="wilson")
        return (hi - lo) / 2

    assert width(n) <= half_width + 1e-12 < width(n - 1)


def test_precision_with_hits_plans_the_entries_with_five_percent():
    hits = pd.DataFrame({
        "article_id": [f"h{i}" for i in range(200)], "frame": "threat",
        "entry": ["security"] * 102 + ["threat*"] * 90 + ["menace"] * 8,
    })  # fmt: skip
    coded = coded_table({
        ("threat", "security"): ["relevant"] * 8 + ["not_relevant"] * 12,
        ("threat", "threat*"): ["relevant"] * 19 + ["not_relevant"] + ["unsure"],
        ("threat", "menace"): ["relevant"] * 2,
    })  # fmt: skip
    table = precision(coded, hits=hits).set_index("entry")
    assert table.loc["security", "share"] == pytest.approx(0.51)
    assert table.loc["security", "n_needed"] == 93 - 20  # its interval holds 0.5
    # threat*: planned at its interval's bound nearest 0.5, never more than its hits
    lo = proportion_confint(19, 20, method="wilson")[0]
    want = min(int(sample_size(lo)) - 20, 90 - 21)
    assert table.loc["threat*", "n_needed"] == want
    assert table.loc["menace", "n_needed"] == 0  # 4% of the frame's hits: not planned
    total = table.attrs["precision"]["n_needed"]
    assert total == 73 + want
    assert f"{total} more coded passages" in table.attrs["precision"]["message"]


def test_uncoded_entries_get_a_row_with_hits():
    hits = pd.DataFrame({"article_id": list("abcd"), "frame": "f", "entry": ["x", "x", "y", "z"]})
    table = precision(coded_table({("f", "x"): ["relevant"]}), hits=hits)
    assert table["entry"].tolist() == ["x", "y", "z"]
    assert table["n_coded"].tolist() == [1, 0, 0]
    assert table["precision"].isna().tolist() == [False, True, True]
    assert table["n_needed"].tolist() == [1, 1, 1]  # no more than the hits left


def test_frame_precision_weights_entries_by_their_hits():
    hits = pd.DataFrame({"article_id": [str(i) for i in range(100)], "frame": "f",
                         "entry": ["common"] * 90 + ["rare"] * 10})  # fmt: skip
    coded = coded_table({("f", "common"): ["relevant"] * 18 + ["not_relevant"] * 2,
                         ("f", "rare"): ["relevant"] * 2 + ["not_relevant"] * 18})  # fmt: skip
    pooled = precision(coded, by="frame").iloc[0]
    weighted = precision(coded, by="frame", hits=hits).iloc[0]
    assert pooled["precision"] == pytest.approx(0.5)
    assert weighted["precision"] == pytest.approx(0.9 * 0.9 + 0.1 * 0.1)
    assert weighted["coverage"] == pytest.approx(1.0)
    assert weighted["precision_low"] < weighted["precision"] < weighted["precision_high"]


def test_several_coders_of_one_passage_count_once():
    ann = coded_table({("f", "x"): ["relevant", "relevant", "not_relevant"]})
    bob = ann.assign(coder="bob", code=["relevant", "not_relevant", "not_relevant"])
    table = precision(pd.concat([ann, bob]))
    # passage 0: both relevant; 1: a tie (unsure); 2: both not relevant
    assert table[["n_coded", "n_relevant", "n_unsure"]].iloc[0].tolist() == [2, 1, 1]


def test_precision_refuses_raw_codes():
    with pytest.raises(FramingError, match="read_coding"):
        precision(coded_table({("f", "x"): ["yes"]}))


# -- agreement -----------------------------------------------------------------------------


def two_coders(a_codes, b_codes):
    ann = coded_table({("f", "x"): list(a_codes)})
    return ann, ann.assign(coder="bob", code=list(b_codes))


def test_kappa_by_hand():
    # 50 passages: both relevant 20, ann only 5, bob only 10, neither 15
    a = ["relevant"] * 25 + ["not_relevant"] * 25
    b = ["relevant"] * 20 + ["not_relevant"] * 5 + ["relevant"] * 10 + ["not_relevant"] * 15
    # p_o = 35/50 = 0.7; p_e = 0.5*0.6 + 0.5*0.4 = 0.5; kappa = (0.7-0.5)/(1-0.5) = 0.4
    assert cohen_kappa(a, b) == pytest.approx(0.4)
    result = agreement(*two_coders(a, b), n_boot=0).iloc[0]
    assert result["kappa"] == pytest.approx(0.4)
    assert result["percent_agreement"] == pytest.approx(0.7)
    assert result["n_passages"] == 50


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_alpha_against_the_krippendorff_package(seed):
    krippendorff = pytest.importorskip("krippendorff")
    rng = np.random.default_rng(seed)
    codes = np.array(["relevant", "not_relevant", "unsure"])
    n = 60
    a = rng.choice(codes, n, p=[0.5, 0.4, 0.1])
    b = np.where(rng.random(n) < 0.75, a, rng.choice(codes, n))
    c = np.where(rng.random(n) < 0.7, a, rng.choice(codes, n))
    tables = [coded_table({("f", "x"): list(x)}).assign(coder=name)
              for x, name in ((a, "ann"), (b, "bob"), (c, "cy"))]  # fmt: skip
    tables[2] = tables[2].iloc[::2]  # the third coder did every other passage
    result = agreement(pd.concat(tables), n_boot=200, seed=seed).iloc[0]
    index = {"relevant": 0, "not_relevant": 1, "unsure": 2}
    data = np.full((3, n), np.nan)
    data[0] = [index[x] for x in a]
    data[1] = [index[x] for x in b]
    data[2, ::2] = [index[x] for x in c[::2]]
    want = krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")
    assert result["alpha"] == pytest.approx(want, abs=1e-12)
    assert result["alpha_low"] < result["alpha"] < result["alpha_high"]
    assert result["n_coders"] == 3 and result["n_passages"] == n


def test_bootstrap_is_seeded():
    pytest.importorskip("krippendorff")
    a = ["relevant"] * 10 + ["not_relevant"] * 10
    b = ["relevant"] * 8 + ["not_relevant"] * 12
    first = agreement(*two_coders(a, b), n_boot=300, seed=5)
    assert first.equals(agreement(*two_coders(a, b), n_boot=300, seed=5))
    assert not first.equals(agreement(*two_coders(a, b), n_boot=300, seed=6))


@pytest.mark.parametrize(
    ("n_disagree", "verdict"), [(0, "reliable"), (4, "reliable"), (5, "tentative"),
                                (6, "tentative"), (7, "unreliable")],
)  # fmt: skip
def test_alpha_is_flagged_below_the_thresholds(n_disagree, verdict):
    pytest.importorskip("krippendorff")
    a = ["relevant"] * 20 + ["not_relevant"] * 20
    b = list(a)
    for i in range(n_disagree):
        b[i * 3] = "not_relevant" if b[i * 3] == "relevant" else "relevant"
    result = agreement(*two_coders(a, b), n_boot=0).iloc[0]
    assert result["reliability"] == verdict
    # 4 flips of 40: alpha 0.8005; 6: 0.697; 7: 0.643 (the krippendorff package)
    assert (result["alpha"] >= 0.8) == (verdict == "reliable")


def test_agreement_by_entry_has_the_overall_row_first():
    pytest.importorskip("krippendorff")
    ann = coded_table({("f", "x"): ["relevant", "not_relevant"] * 5,
                       ("f", "y"): ["relevant"] * 6 + ["not_relevant"] * 4})  # fmt: skip
    bob = ann.assign(coder="bob")
    table = agreement(ann, bob, by="entry", n_boot=0)
    assert table["entry"].tolist() == ["all", "x", "y"]
    assert table["alpha"].tolist() == pytest.approx([1.0, 1.0, 1.0])


def test_coders_with_nothing_in_common_get_a_clear_error():
    ann = coded_table({("f", "x"): ["relevant"] * 3})
    bob = coded_table({("f", "y"): ["relevant"] * 3}).assign(coder="bob")
    with pytest.raises(FramingError, match="'ann', 'bob' have no passage in common"):
        agreement(ann, bob)
    with pytest.raises(FramingError, match="two coders or more"):
        agreement(ann)


def test_same_coder_name_in_both_tables_is_kept_apart():
    pytest.importorskip("krippendorff")
    a = coded_table({("f", "x"): ["relevant", "not_relevant"] * 3})
    result = agreement(a, a.copy(), n_boot=0).iloc[0]
    assert result["coders"] == "ann (a), ann (b)" and result["alpha"] == pytest.approx(1.0)


# -- corrected counts ----------------------------------------------------------------------


def simulated_corpora(rng, n_corpora, mu, p, n_coded, tokens, phi):
    """Observed hits per period and entry (quasi-Poisson with scale phi) and a coded sample of
    each entry, for ``n_corpora`` corpora at once: corpus i is frame "c<i>"."""
    n_periods, n_entries = len(tokens), len(mu)
    shape = (n_corpora, n_periods, n_entries)
    hits = phi * rng.poisson(np.broadcast_to(mu / phi, shape))
    corpus, period, entry = np.indices(shape).reshape(3, -1)
    counts = pd.DataFrame({
        "period": period, "frame": [f"c{c}" for c in corpus], "entry": [f"e{e}" for e in entry],
        "n_hits": hits.reshape(-1), "n_tokens": np.asarray(tokens)[period], "dispersion": phi,
    })  # fmt: skip
    relevant = rng.binomial(n_coded, np.broadcast_to(p, (n_corpora, n_entries)))
    corpus, entry = np.indices((n_corpora, n_entries)).reshape(2, -1)
    prec = pd.DataFrame({
        "frame": [f"c{c}" for c in corpus], "entry": [f"e{e}" for e in entry],
        "n_coded": n_coded, "n_relevant": relevant.reshape(-1),
        "precision": relevant.reshape(-1) / n_coded,
    })  # fmt: skip
    return counts, prec


@pytest.mark.parametrize(
    ("phi", "n_coded", "mu"),
    [(1.0, 40, [60, 24, 9]), (3.0, 40, [60, 24, 9]), (1.0, 15, [60, 24, 9]),
     (2.0, 20, [3, 1, 0.5])],  # the last: sparse cells, many without hits
)  # fmt: skip
def test_corrected_bands_cover_the_true_rate(phi, n_coded, mu):
    from framing.validation import corrected_counts

    rng = np.random.default_rng(42)
    mu = np.asarray(mu, dtype=float)
    p = np.array([0.9, 0.5, 0.25])
    tokens = [20_000, 12_000, 30_000, 8_000]
    n_corpora = 400
    counts, prec = simulated_corpora(rng, n_corpora, mu, p, n_coded, tokens, phi)
    out = corrected_counts(counts, prec, n_sim=1000, seed=1)
    truth = (mu * p).sum() / np.asarray(tokens)[out["period"].to_numpy()] * 1000
    lo, hi = out["per_1k_tokens_corrected_lo"], out["per_1k_tokens_corrected_hi"]
    covered = (lo <= truth) & (truth <= hi)
    coverage = covered.groupby(out["period"]).mean()  # share of the corpora, each period
    assert len(out) == n_corpora * len(tokens)
    assert (coverage >= 0.90).all(), coverage.tolist()


def test_corrected_counts_by_entry_sum_to_the_frame_cells():
    from framing.validation import corrected_counts

    counts = pd.DataFrame({"period": [1, 1, 2, 2], "frame": "f", "entry": ["x", "y"] * 2,
                           "n_hits": [10, 30, 0, 5], "n_tokens": [1000, 1000, 2000, 2000]})  # fmt: skip
    prec = precision(coded_table({("f", "x"): ["relevant"] * 9 + ["not_relevant"],
                                  ("f", "y"): ["relevant"] * 2 + ["not_relevant"] * 8}))  # fmt: skip
    out = corrected_counts(counts, prec, n_sim=500)
    assert out["period"].tolist() == [1, 2] and out["n_hits"].tolist() == [40, 5]
    assert out["n_hits_corrected"].tolist() == pytest.approx([10 * 0.9 + 30 * 0.2, 5 * 0.2])
    assert out["per_1k_tokens_corrected"].tolist() == pytest.approx([15.0, 0.5])
    assert out["precision"].tolist() == pytest.approx([15 / 40, 0.2])
    assert (out["n_hits_corrected_lo"] < out["n_hits_corrected"]).all()
    assert (out["n_hits_corrected"] < out["n_hits_corrected_hi"]).all()
    again = corrected_counts(counts, prec, n_sim=500)
    pd.testing.assert_frame_equal(out, again)  # seeded


def test_corrected_counts_refuses_what_it_cannot_correct():
    from framing.validation import corrected_counts

    counts = pd.DataFrame({"period": [1, 1], "frame": "f", "entry": ["x", "y"],
                           "n_hits": [10, 3], "n_tokens": 1000})  # fmt: skip
    prec = precision(coded_table({("f", "x"): ["relevant"] * 3}))
    with pytest.raises(FramingError, match="'f / y'"):
        corrected_counts(counts, prec)
    frames = counts.drop(columns="entry")
    with pytest.raises(FramingError, match="level='entry'"):
        corrected_counts(frames, prec)


def test_corrected_counts_on_the_teaching_corpus():
    import framing as fr
    from framing.validation import corrected_counts

    articles = fr.load_example()
    hits = find_hits(articles, fr.load_lexicon("security"))
    threat = hits[hits["frame"] == "threat"]
    sample = sample_kwic(threat, articles, n=10, by="entry", seed=0)
    rng = np.random.default_rng(0)
    coded = read_coding(sample.assign(code=rng.choice(["1", "0"], len(sample), p=[0.7, 0.3])))
    counts = fr.count_by_period(threat, articles, freq="Q", level="entry", frames=["threat"])
    table = precision(coded, hits=threat)
    out = corrected_counts(counts, table, n_sim=300)
    frame_counts = fr.count_by_period(threat, articles, freq="Q", frames=["threat"])
    assert out["n_hits"].tolist() == frame_counts["n_hits"].tolist()
    assert (out["n_hits_corrected"] <= out["n_hits"]).all()
    weighted = precision(coded, by="frame", hits=threat)
    by_frame = corrected_counts(frame_counts, weighted, n_sim=300)
    # the frame's precision weighs the entries by their hits over all periods: the totals agree
    assert by_frame["n_hits_corrected"].sum() == pytest.approx(out["n_hits_corrected"].sum())


def test_who_speaks_columns_read_back_typed(corpus, tmp_path):
    articles, hits = corpus
    voiced = hits.assign(voice="narrative", speaker="", negated=hits["start"] % 2 == 0)
    path = tmp_path / "voices.csv"
    sample = sample_kwic(voiced, articles, n=20, seed=0, path=path)
    sheet = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    sheet["negated"] = sheet["negated"].str.upper()  # as Excel writes booleans
    sheet["code"] = "y"
    sheet.to_csv(path, index=False, encoding="utf-8-sig")
    coded = read_coding(path)
    assert coded["negated"].tolist() == sample["negated"].tolist()
    assert coded["voice"].tolist() == ["narrative"] * len(sample)


def test_lexicon_report_flags_and_files(tmp_path):
    pytest.importorskip("krippendorff")
    import framing as fr
    from framing.validation import lexicon_report

    lexicon = fr.Lexicon.from_dict(
        {"threat": ["threat*", "security", "menace", "peril"]}, name="demo"
    )
    hits = pd.DataFrame({"article_id": [f"h{i}" for i in range(300)], "frame": "threat",
                         "entry": ["threat*"] * 150 + ["security"] * 120 + ["menace"] * 30,
                         "start": 0, "end": 5})  # fmt: skip
    ann = pd.concat([
        hits[hits["entry"] == "threat*"].head(100).assign(code="relevant"),
        hits[hits["entry"] == "security"].head(40).assign(
            code=["relevant"] * 10 + ["not_relevant"] * 30),
    ]).assign(coder="ann")  # fmt: skip
    codes = ann["code"].to_numpy().copy()
    codes[100:110] = np.where(codes[100:110] == "relevant", "not_relevant", "relevant")
    bob = ann.assign(coder="bob", code=codes)
    coded = pd.concat([ann, bob], ignore_index=True)
    sheet = lexicon_report(lexicon, hits, coded, path=tmp_path / "demo-datasheet", n_boot=100)
    review = dict(zip(sheet["entry"], sheet["review"], strict=True))
    assert sheet["entry"].tolist() == ["threat*", "security", "menace", "peril"]
    assert review["threat*"] == ""
    assert review["security"].startswith("precision below 0.7; needs")
    assert "coders disagree" in review["security"]
    assert sheet.loc[1, "percent_agreement"] == pytest.approx(30 / 40)
    assert review["menace"].startswith("not coded")
    assert review["peril"] == "no hits"
    assert np.isnan(sheet.loc[0, "alpha"])  # one code only: alpha is undefined
    assert sheet.loc[1, "alpha"] < 0.667
    head = sheet.attrs["datasheet"]
    assert head["hash"] == lexicon.hash and head["coders"] == ["ann", "bob"]
    assert head["agreement"]["n_passages"] == 140
    md = (tmp_path / "demo-datasheet.md").read_text(encoding="utf-8")
    assert md.startswith("# Datasheet of the lexicon demo") and f"hash: {lexicon.hash}" in md
    assert "| threat | peril | 0 |" in md
    csv = pd.read_csv(tmp_path / "demo-datasheet.csv", keep_default_na=False)
    assert csv["review"].tolist() == sheet["review"].tolist()


# -- a coding session ----------------------------------------------------------------------


def test_session_saves_every_answer_and_resumes_after_a_restart(corpus, tmp_path):
    from framing.validation import CodingSession

    articles, hits = corpus
    path = tmp_path / "coding" / "threat-ann.csv"
    session = CodingSession(hits, articles, path=path, coder="ann", n=20, seed=4)
    total = len(session.sheet)
    session.answer("y").answer("n", note="a drill, not a threat").answer("unsure")
    del session  # the kernel restarts: only the file remains
    again = CodingSession(hits.iloc[::-1], articles, path=path, coder="ann", seed=99)
    assert again.position == 3 and again.n_done == 3
    assert again.sheet["code"].tolist()[:3] == ["relevant", "not_relevant", "unsure"]
    coded = read_coding(path, hits=hits, articles=articles)  # the same sheet format
    assert coded["code"].tolist() == ["relevant", "not_relevant", "unsure"]
    assert coded["note"].tolist()[1] == "a drill, not a threat"
    assert (
        set(coded["coder"]) == {"ann"} and coded.attrs["coding"]["uncoded"][str(path)] == total - 3
    )


def test_session_back_changes_an_answer_and_moves_on(corpus, tmp_path):
    from framing.validation import CodingSession

    articles, hits = corpus
    session = CodingSession(hits, articles, path=tmp_path / "s.csv", coder="ann", seed=1)
    session.answer("1").answer("1").answer("1")
    session.back().back()
    assert session.position == 1
    session.answer("0")
    assert session.position == 3  # on to the first passage without an answer
    assert session.sheet["code"].tolist()[:3] == ["relevant", "not_relevant", "relevant"]
    for _ in range(len(session.sheet) - 3):
        session.answer("yes")
    assert session.done and session.current is None
    with pytest.raises(FramingError, match="no passage left"):
        session.answer("yes")


def test_session_never_writes_over_another_coders_answers(corpus, tmp_path):
    from framing.validation import CodingSession

    articles, hits = corpus
    path = tmp_path / "shared.csv"
    CodingSession(hits, articles, path=path, coder="ann").answer("y")
    before = path.read_bytes()
    with pytest.raises(FramingError, match="'ann', which coder 'bob' must not overwrite"):
        CodingSession(hits, articles, path=path, coder="bob")
    assert path.read_bytes() == before


@pytest.mark.parametrize("code", ["maybe", ""])
def test_session_refuses_codes_outside_the_set(corpus, tmp_path, code):
    from framing.validation import CodingSession

    articles, hits = corpus
    session = CodingSession(hits, articles, path=tmp_path / "s.csv", coder="ann")
    with pytest.raises(FramingError):
        session.answer(code)
    assert session.n_done == 0 and session.position == 0


def test_agreement_by_a_column_the_tables_lack():
    ann = coded_table({("f", "x"): ["relevant"] * 3}).drop(columns="entry")
    with pytest.raises(FramingError, match="no 'entry' column"):
        agreement(ann, ann.assign(coder="bob"), by="entry")


# -- drop-one-entry sensitivity --------------------------------------------------------------


def test_drop_one_entry_equals_counting_without_the_entry():
    import framing as fr
    from framing.validation import drop_one_entry

    articles = fr.load_example()
    hits = find_hits(articles, fr.load_lexicon("security"))
    hits = hits[hits["frame"].isin(["threat", "collapse"])]
    frames = ["threat", "collapse"]
    by_entry = fr.count_by_period(hits, articles, freq="Q", by="outlet", level="entry",
                                  frames=frames)  # fmt: skip
    table = drop_one_entry(by_entry)
    keys = ["period", "outlet", "frame"]
    full = fr.count_by_period(hits, articles, freq="Q", by="outlet", frames=frames)
    mine = table[table["without"] == "(none)"].drop(columns="without")
    want = full[[*keys, "n_hits", "n_tokens", "per_1k_tokens"]]
    pd.testing.assert_frame_equal(
        mine.sort_values(keys).reset_index(drop=True),
        want.sort_values(keys).reset_index(drop=True), check_dtype=False,
    )  # fmt: skip
    for entry in ("security", "threat*", "crisis"):
        frame = hits.loc[hits["entry"] == entry, "frame"].iloc[0]
        rest = fr.count_by_period(hits[hits["entry"] != entry], articles, freq="Q", by="outlet",
                                  frames=[frame])  # fmt: skip
        got = table[table["without"] == entry].sort_values(keys)
        assert set(got["frame"]) == {frame}
        assert got["n_hits"].tolist() == rest.sort_values(keys)["n_hits"].tolist()
    summary = drop_one_entry(by_entry, summary=True).set_index("without")
    security = summary.loc["security"]
    threat = hits[hits["frame"] == "threat"]
    assert security["share"] == pytest.approx((threat["entry"] == "security").mean())
    assert -1 <= security["correlation"] <= 1 and security["max_change"] > 0


def test_entries_without_hits_do_not_widen_the_corrected_band():
    from framing.validation import corrected_counts

    rows = [{"period": 1, "frame": "f", "entry": "x", "n_hits": 30, "n_tokens": 10_000}]
    rows += [{"period": 1, "frame": "f", "entry": f"z{i}", "n_hits": 0, "n_tokens": 10_000}
             for i in range(40)]  # fmt: skip
    counts = pd.DataFrame(rows)
    prec = pd.DataFrame({"frame": "f", "entry": counts["entry"], "n_coded": 20,
                         "n_relevant": 10, "precision": 0.5})  # fmt: skip
    many = corrected_counts(counts, prec, n_sim=4000).iloc[0]
    one = corrected_counts(counts.head(1), prec.head(1), n_sim=4000).iloc[0]
    assert many["n_hits_corrected"] == one["n_hits_corrected"] == 15
    assert many["n_hits_corrected_hi"] == pytest.approx(one["n_hits_corrected_hi"], rel=0.05)


def test_datasheet_puts_a_low_alpha_on_one_sided_codes_down_to_them(tmp_path):
    """One disagreement among 40 passages both coded relevant: alpha is about 0 (its known
    paradox), and the flag says the codes are too one-sided rather than that coders differ."""
    from framing import Lexicon
    from framing.validation import lexicon_report

    lexicon = Lexicon.from_dict({"threat": ["danger*"]}, name="demo")
    hits = pd.DataFrame({"article_id": [f"h{i}" for i in range(40)], "frame": "threat",
                         "entry": "danger*", "start": 0, "end": 6})  # fmt: skip
    ann = hits.assign(coder="ann", code="relevant")
    bob = hits.assign(coder="bob", code=["not_relevant"] + ["relevant"] * 39)
    sheet = lexicon_report(lexicon, hits, pd.concat([ann, bob], ignore_index=True), n_boot=0)
    assert sheet.loc[0, "alpha"] < 0.667
    assert sheet.loc[0, "percent_agreement"] == pytest.approx(39 / 40)
    assert "codes too one-sided" in sheet.loc[0, "review"]
    assert "coders disagree" not in sheet.loc[0, "review"]
