"""The event lexicons in `models/events/`, read once: triggers, constructions, modality, positions,
phases.

Every rule about which word means what lives in those TSV files; this module only
reads them. Lemmas are compared ё-folded (`подчёркивать` = `подчеркивать`), since
pymorphy3 returns ё in some normal forms and news text often drops it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rusnews.lexicon import LexiconError, location, numbered_rows, read_word_classes
from rusnews.resources import MODELS_DIR
from rusnews.text import fold

EVENTS_DIR = MODELS_DIR / "events"
# Event types the code names (roles, evaluation); `types.tsv` must list each, so
# renaming a type there without the code fails at load instead of matching nothing.
STATEMENT = "STATEMENT"
VISIT = "VISIT"
MEETING = "MEETING"
NEGOTIATION = "NEGOTIATION"
TYPES_IN_CODE = (STATEMENT, VISIT, MEETING, NEGOTIATION)
# Word classes of `word_classes.tsv` that the role and trigger rules read.
WORD_CLASSES = (
    "light_prepositions",
    "speaker_prepositions",
    "place_prepositions",
    "post_prepositions",
)
AGENT = "agent"
PARTICIPANT = "participant"
LOCATION = "location"
TIME = "time"
TOPIC = "topic"
PERSON = "person"
ORGANIZATION = "organization"
PLACE = "place"
PLANNED = "planned"
ASSERTED = "asserted"
NEGATED = "negated"


@dataclass(frozen=True, slots=True)
class EventType:
    name: str
    cameo_root: str | None
    subject_role: str
    description: str


@dataclass(frozen=True, slots=True)
class Trigger:
    lemma: str
    pos: str  # VERB or NOUN
    event_type: str
    cameo_root: str | None
    condition: str | None  # 'obj_anim' or 'obj=LEMMA'
    gen_role: str | None  # role of a bare genitive under a noun trigger


@dataclass(frozen=True, slots=True)
class LightVerb:
    lemma: str
    noun: str | None  # None: any event noun
    subject_role: str


@dataclass(frozen=True, slots=True)
class EventLexicon:
    types: dict[str, EventType]
    triggers: dict[str, Trigger]
    light: dict[str, tuple[LightVerb, ...]]
    support: frozenset[str]
    relay: frozenset[str]
    groups: frozenset[str]
    holds: frozenset[str]
    posts: frozenset[str]
    modality: dict[str, str]
    prepositions: dict[str, tuple[str, frozenset[str] | None]]
    positions: dict[str, str]
    light_prepositions: frozenset[str]  # a light verb's noun behind one: 'подал в отставку'
    speaker_prepositions: frozenset[str]  # 'заявили в МИД': the body speaks
    place_prepositions: frozenset[str]  # a place nested under an object: 'саммит в Брюсселе'
    post_prepositions: frozenset[str]  # where a post is held: 'посол в России', 'при ООН'
    phases: dict[str, str]  # a word that starts or ends a post: 'назначен', 'бывший'
    # A deal trigger's kind in factRuEval's terms: 'купить' -> 'купля/продажа'.
    deal_types: dict[str, str] = field(default_factory=dict)

    def subject_role(self, event_type: str) -> str:
        return self.types[event_type].subject_role

    def record_lemmas(self) -> frozenset[str]:
        """Lemmas without which a sentence cannot yield a record (see ParseSyntax)."""
        return frozenset(self.triggers) | frozenset(self.light) | frozenset(self.positions)


def _rows(path: Path, columns: tuple[str, ...]) -> list[tuple[int, tuple[str, ...]]]:
    # The last column holds notes and may be left out.
    return numbered_rows(path, columns, optional=1)


def _dash(value: str) -> str | None:
    return None if value in ("", "-") else value


def read_event_lexicon(folder: Path = EVENTS_DIR) -> EventLexicon:
    types_path = folder / "types.tsv"
    types = {
        name: EventType(name, _dash(cameo), subject_role, description)
        for _, (name, cameo, subject_role, description) in _rows(
            types_path, ("event_type", "cameo_root", "subject_role", "description")
        )
    }
    missing = [name for name in TYPES_IN_CODE if name not in types]
    if missing:
        raise LexiconError(
            f"{types_path}: no row for event type {', '.join(missing)}, which the code names "
            f"(rusnews.stages.events.lexicon.TYPES_IN_CODE); rename it there too"
        )
    triggers_path = folder / "triggers.tsv"
    triggers = {}
    for number, (lemma, pos, etype, cameo, cond, gen, _notes) in _rows(
        triggers_path,
        ("lemma", "pos", "event_type", "cameo_root", "condition", "gen_role", "notes"),
    ):
        t = Trigger(fold(lemma), pos, etype, _dash(cameo), _dash(cond), _dash(gen))
        if t.event_type not in types or types[t.event_type].cameo_root != t.cameo_root:
            raise LexiconError(
                f"{location(triggers_path, number)}: {t.lemma!r} has type {t.event_type} and "
                f"CAMEO {t.cameo_root}, which types.tsv does not list"
            )
        triggers[t.lemma] = t
    light: dict[str, list[LightVerb]] = {}
    kinds: dict[str, set[str]] = {
        "support": set(),
        "relay": set(),
        "group": set(),
        "holds": set(),
        "post": set(),
    }
    frames_path = folder / "frames.tsv"
    for number, (kind, lemma, noun, subject_role, _notes) in _rows(
        frames_path, ("kind", "lemma", "noun", "subject_role", "notes")
    ):
        if kind == "light":
            noun_lemma = None if noun in ("", "*") else fold(noun)
            light.setdefault(fold(lemma), []).append(
                LightVerb(fold(lemma), noun_lemma, subject_role or AGENT)
            )
        elif kind in kinds:
            kinds[kind].add(fold(lemma))
        else:
            raise LexiconError(
                f"{location(frames_path, number)}: unknown construction kind {kind!r}"
            )
    modality = {
        fold(lemma): effect
        for _, (lemma, effect, _notes) in _rows(
            folder / "modality.tsv", ("lemma", "effect", "notes")
        )
    }
    prepositions = {
        fold(prep): (role, None if labels == "*" else frozenset(labels.split(",")))
        for _, (prep, role, labels, _notes) in _rows(
            folder / "argument_prepositions.tsv", ("preposition", "role", "labels", "notes")
        )
    }
    positions = {
        fold(lemma): kind
        for _, (lemma, kind, _notes) in _rows(folder / "positions.tsv", ("lemma", "kind", "notes"))
    }
    phases = {
        fold(lemma): phase
        for _, (lemma, phase, _notes) in _rows(folder / "phases.tsv", ("lemma", "phase", "notes"))
    }
    classes = read_word_classes(folder / "word_classes.tsv", WORD_CLASSES)
    deals_path = folder / "deals.tsv"
    deal_types = {}
    for number, (lemma, deal_type, _notes) in _rows(deals_path, ("lemma", "deal_type", "notes")):
        if fold(lemma) not in triggers:
            raise LexiconError(
                f"{location(deals_path, number)}: {lemma!r} is no trigger in triggers.tsv, "
                f"so it would never make a deal; add it there too"
            )
        deal_types[fold(lemma)] = deal_type
    return EventLexicon(
        types=types,
        triggers=triggers,
        light={k: tuple(v) for k, v in light.items()},
        support=frozenset(kinds["support"]),
        relay=frozenset(kinds["relay"]),
        groups=frozenset(kinds["group"]),
        holds=frozenset(kinds["holds"]),
        posts=frozenset(kinds["post"]),
        modality=modality,
        prepositions=prepositions,
        positions=positions,
        light_prepositions=classes["light_prepositions"],
        speaker_prepositions=classes["speaker_prepositions"],
        place_prepositions=classes["place_prepositions"],
        post_prepositions=classes["post_prepositions"],
        phases=phases,
        deal_types=deal_types,
    )


@lru_cache(maxsize=1)
def event_lexicon() -> EventLexicon:
    return read_event_lexicon()
