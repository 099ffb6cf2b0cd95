"""The event lexicons in `models/events/`, read once: triggers, constructions, modality, positions,
phases.

Every rule about which word means what lives in those TSV files; this module only
reads them. Lemmas are compared ё-folded (`подчёркивать` = `подчеркивать`), since
pymorphy3 returns ё in some normal forms and news text often drops it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rusnews.resources import MODELS_DIR
from rusnews.text import fold

EVENTS_DIR = MODELS_DIR / "events"
AGENT = "agent"
PARTICIPANT = "participant"
LOCATION = "location"
TIME = "time"
TOPIC = "topic"
ROLES = (AGENT, PARTICIPANT, LOCATION, TOPIC, TIME)
# Roles of an occupation record's arguments.
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
    phases: dict[str, str]

    def subject_role(self, event_type: str) -> str:
        return self.types[event_type].subject_role

    def record_lemmas(self) -> frozenset[str]:
        """Lemmas without which a sentence cannot yield a record (see ParseSyntax)."""
        return frozenset(self.triggers) | frozenset(self.light) | frozenset(self.positions)


def _rows(path: Path, n_columns: int) -> list[list[str]]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < n_columns - 1:
            raise ValueError(
                f"{path}:{number}: expected {n_columns} tab-separated columns, "
                f"got {len(cols)}: {line!r}"
            )
        rows.append([c.strip() for c in cols] + [""] * (n_columns - len(cols)))
    return rows


def _dash(value: str) -> str | None:
    return None if value in ("", "-") else value


def read_lexicon(folder: Path = EVENTS_DIR) -> EventLexicon:
    types = {
        name: EventType(name, _dash(cameo), subject_role, description)
        for name, cameo, subject_role, description in _rows(folder / "types.tsv", 4)
    }
    triggers = {
        fold(lemma): Trigger(fold(lemma), pos, etype, _dash(cameo), _dash(cond), _dash(gen))
        for lemma, pos, etype, cameo, cond, gen, _notes in _rows(folder / "triggers.tsv", 7)
    }
    for t in triggers.values():
        if t.event_type not in types or types[t.event_type].cameo_root != t.cameo_root:
            raise ValueError(
                f"{folder / 'triggers.tsv'}: {t.lemma!r} has type {t.event_type} and CAMEO "
                f"{t.cameo_root}, which types.tsv does not list"
            )
    light: dict[str, list[LightVerb]] = {}
    kinds: dict[str, set[str]] = {
        "support": set(),
        "relay": set(),
        "group": set(),
        "holds": set(),
        "post": set(),
    }
    for kind, lemma, noun, subject_role, _notes in _rows(folder / "frames.tsv", 5):
        if kind == "light":
            noun_lemma = None if noun in ("", "*") else fold(noun)
            light.setdefault(fold(lemma), []).append(
                LightVerb(fold(lemma), noun_lemma, subject_role or AGENT)
            )
        elif kind in kinds:
            kinds[kind].add(fold(lemma))
        else:
            raise ValueError(f"{folder / 'frames.tsv'}: unknown construction kind {kind!r}")
    modality = {fold(lemma): effect for lemma, effect, _notes in _rows(folder / "modality.tsv", 3)}
    prepositions = {
        fold(prep): (role, None if labels == "*" else frozenset(labels.split(",")))
        for prep, role, labels, _notes in _rows(folder / "prepositions.tsv", 4)
    }
    positions = {fold(lemma): kind for lemma, kind, _notes in _rows(folder / "positions.tsv", 3)}
    phases = {fold(lemma): phase for lemma, phase, _notes in _rows(folder / "phases.tsv", 3)}
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
        phases=phases,
    )


@lru_cache(maxsize=1)
def event_lexicon() -> EventLexicon:
    return read_lexicon()
