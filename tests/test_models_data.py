"""Every lexicon in `models/` loads through its reader: the shipped data passes its checks."""

from __future__ import annotations

from rusnews.io.russian import _log_shares
from rusnews.resources import MODELS_DIR
from rusnews.stages import entities
from rusnews.stages.dates.grammar import read_future_cues
from rusnews.stages.events.lexicon import TYPES_IN_CODE, read_event_lexicon
from rusnews.stages.mentions import person_bounds, repair
from rusnews.stages.mentions.gazetteer import read_list, read_lists, read_not_names
from rusnews.stages.mentions.org_view import read_org_lexicon
from rusnews.stages.mentions.places import read_place_adjectives
from rusnews.stages.mentions.platforms import read_platform_lexicon
from rusnews.stages.normalize.case_cues import governing_words
from rusnews.stages.normalize.descriptors import descriptors
from rusnews.stages.normalize.person_readings import ending_rules, name_particles
from rusnews.stages.normalize.phrases import apposition_heads

GAZETTEERS = MODELS_DIR / "gazetteers"


def test_the_mention_lexicons_load() -> None:
    orgs = read_org_lexicon()
    assert orgs.heads["правительство"] >= {"owner", "bare"}
    assert "нынешний" in orgs.not_naming and orgs.complement_prepositions == {"по", "при"}
    assert read_platform_lexicon().place_prepositions == {"в", "во", "на", "через"}
    assert read_place_adjectives()["британский"] == "Великобритания"
    assert "СМИ" in read_not_names()
    for module, name in (
        (person_bounds, "titles"),
        (repair, "descriptors"),
        (repair, "product_nouns"),
        (person_bounds, "east_asian_surnames"),
    ):
        assert getattr(module, name)(), name


def test_every_gazetteer_list_named_in_lists_tsv_loads() -> None:
    lists = read_lists(GAZETTEERS)
    assert [filename for filename, _, _ in lists] == [
        "countries.txt",
        "regions.txt",
        "cities.txt",
        "geography.txt",
        "organizations.txt",
        "media.txt",
    ]
    for filename, _, _ in lists:
        assert list(read_list(GAZETTEERS / filename)), filename


def test_the_entity_lexicons_load() -> None:
    lexicon = entities.read_entity_lexicon()
    assert lexicon.expand("ЕС") == "Европейский союз"
    assert lexicon.full_name("Минфин") == "Министерство финансов"
    assert lexicon.initials("Министерство иностранных дел") == "МИД"
    assert "республика" in lexicon.state_words


def test_the_event_lexicon_lists_every_type_the_code_names() -> None:
    lexicon = read_event_lexicon()
    assert set(TYPES_IN_CODE) <= set(lexicon.types)
    assert lexicon.light_prepositions == {"в", "во", "с", "со"}
    assert lexicon.prepositions["в"][0] == "location"


def test_the_normalization_and_date_lexicons_load() -> None:
    assert governing_words()[("по", "словам")]
    assert descriptors()["партия"] == "name" and descriptors()["центр"] == "quoted"
    assert ending_rules() and name_particles() and apposition_heads()
    assert read_future_cues().search("Встреча состоится завтра")
    assert _log_shares()[0]


def test_no_adjectival_place_is_written_as_an_acronym() -> None:
    # An adjective's place is its entity's key; an acronym's entity is keyed by the
    # expansion, so an acronym here would key the same place twice.
    places = set(read_place_adjectives().values())
    assert places.isdisjoint(entities.known_acronyms())
