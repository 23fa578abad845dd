"""The layout benchmark's scorer (bench/layouts): labels read right, scores that can fail."""

from __future__ import annotations

import pytest

from bench.layouts import score as layouts


def _write(tmp_path, text):
    path = tmp_path / "x.txt"
    path.write_text(text, encoding="utf-8")
    return path


ARTICLE = (
    "### x-001 | written:reuters-style | en\n"
    "[[caption]]Nikol Pashinyan in Yerevan. REUTERS/Irakli Gedenidze[[/caption]]\n"
    "[[dateline]]YEREVAN, Dec 8 (Reuters) - [[/dateline]]Armenia froze its membership.\n"
    "\n"
    "By Friday, the talks had stalled.\n"
    "\n"
    "[[boilerplate]]Reporting by Felix Light[[/boilerplate]]\n"
)


def test_every_labelled_article_reads_and_scores_one_against_itself(capsys):
    articles = layouts.load()
    assert len(articles) >= 270
    assert {a["lang"] for a in articles} == {"en", "ru"}
    assert {a["split"] for a in articles} == {"dev", "test"}
    for a in articles:
        assert a["text"].strip(), a["id"]
        for label, start, end in a["spans"]:
            assert label in layouts.LABELS
            assert 0 <= start < end <= len(a["text"]), a["id"]
    assert layouts.self_check(articles) == 0
    assert "passed" in capsys.readouterr().out


def test_the_scorer_sees_a_lost_body_and_a_kept_caption(tmp_path):
    articles = layouts.parse(_write(tmp_path, ARTICLE))
    text = articles[0]["text"]
    assert text.startswith("Nikol Pashinyan in Yerevan.")
    perfect = layouts.score(articles, {"x-001": layouts.gold_cleaned(articles[0])})
    assert perfect["body_kept"] == 1 and perfect["layout_removed"] == 1
    # a cleaning that keeps the caption and drops "By Friday, …" with the sign-off
    worse = "Nikol Pashinyan in Yerevan. REUTERS/Irakli Gedenidze\nArmenia froze its membership."
    result = layouts.score(articles, {"x-001": worse})
    assert result["removed_by_label"]["caption"] == [0, 7]
    assert result["removed_by_label"]["body"] == [6, 10]  # 6 of the 10 body tokens lost
    assert result["articles_losing_body"] == 1
    assert result["removal_precision"] == pytest.approx(8 / 14)
    lost = layouts._ranges(text, result["details"][0]["lost"])
    assert lost == ["By Friday, the talks had stalled"]


def test_cleaning_that_normalizes_characters_keeps_the_tokens():
    assert layouts.kept_tokens("Armenia’s “collapse” — №\u00a05", 'Armenia\'s "collapse" - No 5')[
        :3
    ] == [True, True, True]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("### x-1 | written:a-style | de\nText", "lang en or ru"),
        ("Text before\n### x-1 | written:a-style | en\nText", "before the first"),
        ("### x-1 | written:a-style | en\n[[caption]]A[[/byline]]", "closes caption"),
        ("### x-1 | written:a-style | en\n[[caption]]A", "never closed"),
        ("### x-1 | written:a-style | en\n[[photo]]A[[/photo]]", "unknown tag"),
        ("### x-1 | written:a-style | en\nA\n### x-1 | written:a-style | en\nB", "used twice"),
    ],
)
def test_a_badly_labelled_file_names_the_file_and_the_fault(tmp_path, text, message):
    path = _write(tmp_path, text)
    with pytest.raises(layouts.LabelError, match=message) as error:
        layouts.parse(path)
    assert str(path) in str(error.value)
