import json
from pathlib import Path

import pandas as pd
import pytest
from rusnews.eval.gold import GoldDoc
from rusnews.eval.predictions import RunError, check_offsets, read_run, run_profile
from rusnews.model import Mention

DOCS = [
    GoldDoc("a", "Юрий Лужков посетил Казань."),
    GoldDoc("b", "МИД России"),
    GoldDoc("c", "Ничего."),
]
COLUMNS = [
    "article_id",
    "mention_id",
    "sentence_idx",
    "start",
    "end",
    "text",
    "label",
    "normal",
    "first",
    "middle",
    "last",
    "granularity",
    "entity_id",
]
ROWS = [
    ["a", 0, 0, 0, 11, "Юрий Лужков", "PER", "Юрий Лужков", "Юрий", None, "Лужков", None, 0],
    ["a", 1, 0, 20, 26, "Казань", "LOC", "Казань", None, None, None, None, 1],
    ["b", 0, 0, 0, 10, "МИД России", "ORG", None, None, None, None, None, None],
    ["b", 1, 0, 5, 10, "России", "LOC", "Россия", None, None, None, None, None],  # shifted
    ["z", 0, 0, 0, 3, "Foo", "ORG", None, None, None, None, None, None],  # not in the gold
]


def write_run(folder: Path, suffix: str, articles: list[str] | None = None) -> Path:
    folder.mkdir(exist_ok=True)
    mentions = pd.DataFrame(ROWS, columns=COLUMNS)
    if suffix == "csv":
        mentions.to_csv(folder / "mentions.csv", index=False)
    else:
        mentions.to_parquet(folder / "mentions.parquet")
    if articles is not None:
        pd.DataFrame({"article_id": articles, "status": "ok"}).to_csv(
            folder / "articles.csv", index=False
        )
    return folder


@pytest.mark.parametrize("suffix", ["csv", "parquet"])
def test_read_run(tmp_path: Path, suffix: str) -> None:
    predictions, warnings = read_run(write_run(tmp_path / "run", suffix), DOCS)
    assert sorted(predictions) == ["a", "b", "c"]  # `c` found nothing: still processed
    per = predictions["a"][0]
    assert (per.label, per.text, per.normal, per.first, per.middle, per.last, per.entity_id) == (
        "PER",
        "Юрий Лужков",
        "Юрий Лужков",
        "Юрий",
        None,
        "Лужков",
        0,
    )
    assert [m.text for m in predictions["b"]] == ["МИД России"]
    assert predictions["b"][0].normal is None
    assert warnings == [
        "1 mention(s) of the run do not match the gold text at their offsets and were dropped "
        "(was the run made on different text?)"
    ]


def test_documents_the_run_did_not_process_are_left_out(tmp_path: Path) -> None:
    predictions, warnings = read_run(write_run(tmp_path / "run", "csv", ["a", "b"]), DOCS)
    assert sorted(predictions) == ["a", "b"]
    assert "1 gold document(s) are not in the run" in warnings[0]


def test_a_run_of_other_documents_is_an_error(tmp_path: Path) -> None:
    run = write_run(tmp_path / "run", "csv")
    with pytest.raises(RunError, match="none of its article ids match"):
        read_run(run, [GoldDoc("book_100", "текст")])


def test_not_a_run_folder(tmp_path: Path) -> None:
    with pytest.raises(RunError, match="no mentions.parquet or mentions.csv"):
        read_run(tmp_path, DOCS)


def test_check_offsets_drops_and_says_so() -> None:
    predictions = {"a": [Mention(0, 4, "Юрий", "PER"), Mention(0, 4, "Юри", "PER")]}
    warnings = check_offsets(DOCS, predictions, "rusnews")
    assert [m.text for m in predictions["a"]] == ["Юрий"]
    assert warnings == ["rusnews: 1 mention(s) whose offsets do not give their text were dropped"]


def test_run_profile_comes_from_the_manifest(tmp_path: Path) -> None:
    assert run_profile(tmp_path) is None
    manifest = tmp_path / "manifest.json"
    manifest.write_text(json.dumps({"configuration": {"profile": "nerel"}}), encoding="utf-8")
    assert run_profile(tmp_path) == "nerel"
    # Runs from before profiles existed could only be `names` runs.
    manifest.write_text(json.dumps({"configuration": {"stages": "full"}}), encoding="utf-8")
    assert run_profile(tmp_path) == "names"
