from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from rusnews.io.tables import read_table, to_arrow, write_table
from rusnews.model import Article, Entity, Mention, Sentence, Token
from rusnews.rows import rows_of
from rusnews.schema import TABLES


def _article() -> Article:
    text = "Алибек Бакаев прибыл в Брюссель."
    article = Article("kz/1", text, published=date(2025, 12, 3), title="Визит", path="kz/1.txt")
    article.sentences = [
        Sentence(0, len(text), text, [Token(0, 6, "Алибек"), Token(7, 13, "Бакаев")])
    ]
    article.mentions = [
        Mention(
            0, 13, "Алибек Бакаев", "PER", 0, "Алибек Бакаев", "Алибек", None, "Бакаев", entity_id=0
        ),
        Mention(23, 31, "Брюссель", "LOC", 0, "Брюссель", entity_id=1),
    ]
    article.entities = [
        Entity(0, "PER", "Алибек Бакаев", "PER:алибек бакаев", [0], "Алибек", None, "Бакаев"),
        Entity(1, "LOC", "Брюссель", "LOC:брюссель", [1]),
    ]
    return article


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_every_table_round_trips(tmp_path: Path, fmt: str) -> None:
    rows = rows_of(_article())
    for name in TABLES:
        write_table(to_arrow(name, rows.get(name, [])), tmp_path, name, (fmt,))
        frame = read_table(tmp_path, name)
        assert list(frame.columns) == TABLES[name].names
        assert len(frame) == len(rows.get(name, []))
    mentions = read_table(tmp_path, "mentions")
    assert mentions["normal"].tolist() == ["Алибек Бакаев", "Брюссель"]
    assert mentions["start"].tolist() == [0, 23]
    assert read_table(tmp_path, "articles")["published"].iloc[0] == pd.Timestamp(2025, 12, 3)


def test_write_leaves_no_temporary_files(tmp_path: Path) -> None:
    write_table(
        to_arrow("mentions", rows_of(_article())["mentions"]),
        tmp_path,
        "mentions",
        ("parquet", "csv"),
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mentions.csv", "mentions.parquet"]


def test_read_table_explains_missing_run(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="rusnews run folder"):
        read_table(tmp_path, "mentions")
