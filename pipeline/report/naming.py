"""What the report calls a ranked or drawn thing: a corpus entity by its name and owner,
a key by its most frequent name. Shared by the top-entity tables and the network."""

from __future__ import annotations

import pandas as pd


def corpus_names(corpus: pd.DataFrame) -> dict[str, str]:
    """`corpus:ID` -> the corpus entity's name, a body with its owner
    (`Министерство иностранных дел (Россия)`)."""
    owner = corpus["owner"] if "owner" in corpus else pd.Series(None, index=corpus.index)
    shown = (
        corpus["name"]
        .astype(str)
        .where(
            owner.isna() | (owner.astype(str) == ""),
            corpus["name"].astype(str) + " (" + owner.astype(str) + ")",
        )
    )
    return dict(zip("corpus:" + corpus["corpus_entity_id"].astype(str), shown))


def most_frequent_names(rows: pd.DataFrame, group: str) -> dict[str, str]:
    """Each group's most frequent `name`, ties to the alphabetically first."""
    return (
        rows.groupby([group, "name"])
        .size()
        .reset_index(name="count")
        .sort_values([group, "count", "name"], ascending=[True, False, True])
        .drop_duplicates(group)
        .set_index(group)["name"]
        .to_dict()
    )
