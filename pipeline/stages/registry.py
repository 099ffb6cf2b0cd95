"""The one place stage sets are wired: `full` (the pipeline of a profile) and `ner` (names only).

Stage modules load natasha and the rule data, so they are imported when a set is
built, and this module stays cheap to import (the CLI's --help reads `PROFILES`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rusnews.stages.base import Stage

FULL = "full"
NER = "ner"
STAGE_SETS = (FULL, NER)

# What counts as a name differs between the gold conventions, so the pipeline finds
# every kind any of them counts and a profile is a filter on the output
# (rusnews.views): `names` (the default) keeps what factRuEval and its Naeval
# scoring count, `nerel` adds what NEREL annotates besides: bodies named by a
# common noun (`полиция`, `правительство Японии`), adjectival places
# (`британской`) and durations; `all` keeps every mention with its kind, which
# `rusnews eval` reads to score each convention from one run.
PROFILES = ("names", "nerel", "all")
# The event models of each profile (`all` reads names' events).
EVENT_PROFILES = {"names": "names", "nerel": "nerel", "all": "names"}


def full_stages(profile: str = PROFILES[0], links: bool = True) -> list[Stage]:
    """The pipeline of `profile`; `links=False` leaves out the knowledge-base links (what
    `rusnews build-kb` runs while it rewrites the tables they read)."""
    from rusnews.stages.dates.durations import TagDurations
    from rusnews.stages.dates.stage import TagDates
    from rusnews.stages.entities import LinkEntities
    from rusnews.stages.events.ownership import ExtractOwnership
    from rusnews.stages.events.sentences import RecordSentences
    from rusnews.stages.events.stage import ExtractEvents
    from rusnews.stages.linking import LinkKnowledge, PersonCountries
    from rusnews.stages.mentions.confidence import ScoreMentions
    from rusnews.stages.mentions.descriptors import OrgDescriptors
    from rusnews.stages.mentions.gazetteer import TagGazetteer
    from rusnews.stages.mentions.media import TagMedia
    from rusnews.stages.mentions.named_after import NamedAfter
    from rusnews.stages.mentions.orgs import OrgBodies, OrgPhrases
    from rusnews.stages.mentions.place_parts import PlaceParts
    from rusnews.stages.mentions.places import AdjectivalPlaces
    from rusnews.stages.mentions.platforms import DropPlatforms
    from rusnews.stages.mentions.propagate import PropagateNames
    from rusnews.stages.mentions.repair import Repair, RepairPropagated
    from rusnews.stages.mentions.select import SelectProfile
    from rusnews.stages.mentions.sort import SortMentions
    from rusnews.stages.normalize.descriptors import descriptors
    from rusnews.stages.normalize.stage import Normalize
    from rusnews.stages.segment import Segment
    from rusnews.stages.slovnet.morph import Morph
    from rusnews.stages.slovnet.ner import TagNER
    from rusnews.stages.slovnet.syntax import ParseSyntax

    check_set(FULL, profile)
    names: list[Stage] = [
        Repair(),
        TagGazetteer(),
        OrgPhrases(keep_nested=True),
        NamedAfter(),
        PropagateNames(),
        RepairPropagated(),
        # Bodies are found after propagation, which learns from proper names only.
        OrgBodies(),
        AdjectivalPlaces(),
        PlaceParts(),
        DropPlatforms(mark=True),
        TagMedia(),
        OrgDescriptors(kinds=frozenset(descriptors())),
    ]
    dates: list[Stage] = [TagDates(), TagDurations()]
    return [
        Segment(),
        Morph(),
        TagNER(),
        *names,
        *dates,
        # The learned layer over the rules' names; each profile's view reads its convention.
        ScoreMentions(),
        SelectProfile(profile),
        SortMentions(),
        Normalize(),
        LinkEntities(),
        *([LinkKnowledge()] if links else []),
        # The parse serves the records only: the events group says which sentences.
        ParseSyntax(wanted=RecordSentences()),
        ExtractEvents(profile=EVENT_PROFILES[profile]),
        ExtractOwnership(),
        *([PersonCountries()] if links else []),
    ]


def ner_stages() -> list[Stage]:
    """Names only, without morphology: repair keeps the rules that need none."""
    from rusnews.stages.base import provided
    from rusnews.stages.mentions.repair import Repair
    from rusnews.stages.mentions.sort import SortMentions
    from rusnews.stages.segment import Segment
    from rusnews.stages.slovnet.ner import TagNER

    found: list[Stage] = [Segment(), TagNER()]
    return [*found, Repair(available=provided(found)), SortMentions()]


def check_set(stages: str, profile: str) -> None:
    """Raise ValueError, saying what to choose, for a stage set or profile that does not exist
    or a pair that does not go together."""
    if stages not in STAGE_SETS:
        raise ValueError(f"unknown stage set {stages!r}; choose from {', '.join(STAGE_SETS)}")
    if profile not in PROFILES:
        raise ValueError(f"unknown profile {profile!r}; choose from {', '.join(PROFILES)}")
    if stages == NER and profile != PROFILES[0]:
        # The ner set has no morphology, which the profiles' extra rules read.
        raise ValueError(f"profile {profile!r} needs the full stage set, not {stages!r}")


def build_stages(stages: str = FULL, profile: str = PROFILES[0]) -> list[Stage]:
    """The stage list of a stage set: `full` is the pipeline of `profile`, `ner` finds names
    only."""
    check_set(stages, profile)
    return ner_stages() if stages == NER else full_stages(profile)
