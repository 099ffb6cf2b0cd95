"""Ownership and deal data with a slip in it fails at load, naming the file and line; text
with the cue words and nobody to own anything gives no record."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from rusnews.lexicon import LexiconError
from rusnews.resources import MODELS_DIR
from rusnews.stages.events.lexicon import read_event_lexicon
from rusnews.stages.events.ownership import ownership_cues


def _events(tmp_path: Path) -> Path:
    copy = tmp_path / "events"
    shutil.copytree(MODELS_DIR / "events", copy)
    return copy


def _append(path: Path, line: str) -> int:
    text = path.read_text(encoding="utf-8").rstrip("\n") + "\n" + line + "\n"
    path.write_text(text, encoding="utf-8")
    return len(text.splitlines())


def test_an_unknown_ownership_pattern_names_its_line(tmp_path: Path) -> None:
    cues = _events(tmp_path) / "ownership.tsv"
    number = _append(cues, "арендатор\trents")
    with pytest.raises(LexiconError, match=re.escape(f"{cues}:{number}:") + ".*'rents'"):
        ownership_cues(cues)


def test_a_deal_word_that_is_no_trigger_names_its_line(tmp_path: Path) -> None:
    events = _events(tmp_path)
    deals = events / "deals.tsv"
    number = _append(deals, "аренда\tуслуги")
    with pytest.raises(LexiconError, match=re.escape(f"{deals}:{number}:") + ".*triggers.tsv"):
        read_event_lexicon(events)


@pytest.mark.parametrize(
    "text",
    [
        "Владелец, основатель, совладелец и акционер.",  # cue words with no names at all
        "Он принадлежит ей, а доля его в этом невелика.",  # pronouns only
        "Основатель основателя основателей основателем.",  # one cue, over and over
        "Газпром принадлежит Газпрому.",  # the owner owning itself
    ],
)
def test_cue_words_without_an_owner_and_a_property_give_nothing(pipe, text: str) -> None:
    assert pipe(text, published="2025-12-03").ownerships == []
