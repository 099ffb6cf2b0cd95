"""Hand-edited rule data with a slip in it fails at load, naming the file and line."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from rusnews.lexicon import LexiconError
from rusnews.resources import MODELS_DIR
from rusnews.stages.events.lexicon import read_event_lexicon
from rusnews.stages.mentions.gazetteer import read_list, read_lists
from rusnews.stages.mentions.org_view import read_org_lexicon
from rusnews.stages.mentions.places import read_place_adjectives
from rusnews.stages.mentions.platforms import read_platform_lexicon
from rusnews.stages.normalize.descriptors import descriptors


def _copy(tmp_path: Path, folder: str) -> Path:
    copy = tmp_path / folder
    shutil.copytree(MODELS_DIR / folder, copy)
    return copy


def _edit(path: Path, old: str, new: str) -> int:
    """Replace the first line equal to `old`; its line number."""
    lines = path.read_text(encoding="utf-8").splitlines()
    number = lines.index(old)
    lines[number] = new
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return number + 1


def _at(path: Path, number: int) -> str:
    return re.escape(f"{path}:{number}:")


def test_a_type_renamed_in_types_tsv_alone_fails_at_load(tmp_path: Path) -> None:
    events = _copy(tmp_path, "events")
    types = events / "types.tsv"
    types.write_text(types.read_text(encoding="utf-8").replace("\nVISIT\t", "\nTRIP\t"), "utf-8")
    with pytest.raises(LexiconError, match=re.escape(f"{types}: no row for event type VISIT")):
        read_event_lexicon(events)


def test_a_trigger_of_an_unlisted_type_names_its_line(tmp_path: Path) -> None:
    events = _copy(tmp_path, "events")
    triggers = events / "triggers.tsv"
    text = triggers.read_text(encoding="utf-8") + "съездить\tVERB\tTRIP\t-\t-\t-\t\n"
    triggers.write_text(text, encoding="utf-8")
    number = len(text.splitlines())
    with pytest.raises(LexiconError, match=_at(triggers, number) + " 'съездить' has type TRIP"):
        read_event_lexicon(events)


def test_a_place_written_after_a_space_not_a_tab_names_its_line(tmp_path: Path) -> None:
    path = _copy(tmp_path, "gazetteers") / "place_adjectives.tsv"
    number = _edit(path, "британский\tВеликобритания", "британский Великобритания")
    with pytest.raises(LexiconError, match=_at(path, number) + " expected 2 tab-separated"):
        read_place_adjectives(path)


def test_a_header_row_without_a_hash_is_caught(tmp_path: Path) -> None:
    gazetteers = _copy(tmp_path, "gazetteers")
    heads = gazetteers / "org_heads.tsv"
    heads.write_text("lemma\tkinds\tnotes\n" + heads.read_text(encoding="utf-8"), "utf-8")
    with pytest.raises(LexiconError, match=_at(heads, 1)):
        read_org_lexicon(gazetteers)


def test_a_misspelt_label_in_the_list_of_lists_names_its_line(tmp_path: Path) -> None:
    gazetteers = _copy(tmp_path, "gazetteers")
    number = _edit(gazetteers / "lists.tsv", "cities.txt\tLOC\t-", "cities.txt\tLCO\t-")
    with pytest.raises(LexiconError, match=_at(gazetteers / "lists.tsv", number) + " unknown"):
        read_lists(gazetteers)


def test_a_misspelt_platform_kind_is_caught(tmp_path: Path) -> None:
    gazetteers = _copy(tmp_path, "gazetteers")
    _edit(gazetteers / "platforms.tsv", "youtube\tplace", "youtube\tplaces")
    with pytest.raises(LexiconError, match="'youtube' is a platform 'places'"):
        read_platform_lexicon(gazetteers)


def test_a_word_class_deleted_from_the_file_is_missed_loudly(tmp_path: Path) -> None:
    gazetteers = _copy(tmp_path, "gazetteers")
    classes = gazetteers / "word_classes.tsv"
    kept = [
        line
        for line in classes.read_text(encoding="utf-8").splitlines()
        if not line.startswith("not_naming\t")
    ]
    classes.write_text("\n".join(kept) + "\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="no row for word class 'not_naming'"):
        read_org_lexicon(gazetteers)


def test_a_misspelt_descriptor_kind_names_its_line(tmp_path: Path) -> None:
    path = _copy(tmp_path, "normalize") / "kind_nouns.tsv"
    number = _edit(path, "центр\tquoted", "центр\tqouted")
    with pytest.raises(LexiconError, match=_at(path, number) + " kind 'qouted'"):
        descriptors(path)


def test_a_misspelt_flag_in_a_name_list_names_its_line(tmp_path: Path) -> None:
    path = _copy(tmp_path, "gazetteers") / "organizations.txt"
    text = path.read_text(encoding="utf-8") + "Смольный\tsaet\n"
    path.write_text(text, encoding="utf-8")
    number = len(text.splitlines())
    with pytest.raises(LexiconError, match=_at(path, number) + " unknown flag saet"):
        list(read_list(path))
