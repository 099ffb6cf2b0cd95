"""Event records: a trigger, its type and CAMEO root, and arguments linked to entities.

What counts as a trigger, a light verb, a position or a planned-event word is
data in `models/events/`; this module holds the rules that read the parse.

- Triggers, light and support verbs: `rusnews.stages.events.triggers`.
- Arguments and their roles (agent, participant, location, topic, time):
  `rusnews.stages.events.roles`; `ExtractEvents(debug=True)` records which rule
  gave each argument.
- Time: a DATE mention among the dependents; else the nearest date on a verb
  governing the trigger; else the publication date, with
  `Event.date_from_published`. Location: a LOC mention under the trigger, else
  the article's dateline (`МОСКВА, 3 декабря — ...`), if it has one.
- Learned triggers and roles beside the rules (`ExtractEvents(learned=False)`:
  rules only): `rusnews.stages.events.learned`.
- Modality (asserted, planned, possible) and negation: `rusnews.stages.events.modality`.
- A deal (a trigger listed in `deals.tsv`, or a signing of one: `подписан контракт`)
  takes every party its phrase names as a participant: `rusnews.stages.events.deals`.
- An event is kept only when the parse gave it at least one argument: a bare
  `переговоры` in a sentence says nothing an analyst can count.
Occupation records (person, position, organization or place) come from
`rusnews.stages.events.occupations` and, beside those rules, the learned position detector and
occupation classifier of `rusnews.stages.events.occupation_classifier`, into
`Article.occupations`, numbered in text order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import ClassVar

from rusnews.model import DAY, LOC, Article, Event, Mention, Occupation
from rusnews.stages.base import (
    DATES,
    ENTITIES,
    EVENTS,
    MENTIONS_FINAL,
    MORPH,
    NAMES,
    NORMALS,
    OCCUPATIONS,
    SENTENCES,
    SYNTAX,
)
from rusnews.stages.events.deals import deal_parties, deal_type_of
from rusnews.stages.events.learned import (
    LearnedEvents,
    arbitrate,
    learned_events,
    learned_frames,
    rule_view,
    settled,
)
from rusnews.stages.events.lexicon import (
    AGENT,
    LOCATION,
    TIME,
    EventLexicon,
    event_lexicon,
)
from rusnews.stages.events.modality import modality_of
from rusnews.stages.events.occupation_classifier import (
    LearnedOccupations,
    find_occupations,
    learned_occupations,
)
from rusnews.stages.events.occupations import to_argument
from rusnews.stages.events.pronouns import pronoun_subjects
from rusnews.stages.events.roles import (
    ROLE_RANK,
    TEMPORAL_PREPOSITIONS,
    Found,
    collect_arguments,
    governing_date,
)
from rusnews.stages.events.statements import (
    STATEMENT,
    quotations,
    quoted_statements,
    statement_content,
)
from rusnews.stages.events.tree import Tree, sentence_mentions
from rusnews.stages.events.triggers import Frame, find_frames

# ---------------------------------------------------------------- records

_AFTER_DATELINE = re.compile(r"\s*(?:,|—|–|-|\()")


def dateline(article: Article) -> Mention | None:
    """`МОСКВА, 3 декабря — РИА Новости`: a place opening a line near the top, then a comma
    or dash."""
    for m in article.mentions:
        if m.start > 300:
            break
        if m.label != LOC:
            continue
        line_start = article.text.rfind("\n", 0, m.start) + 1
        if not article.text[line_start : m.start].strip() and _AFTER_DATELINE.match(
            article.text, m.end
        ):
            return m
    return None


def distinct(found: list[Found]) -> list[Found]:
    """One role per entity, the strongest (agent over participant over location ...)."""
    best: dict[object, Found] = {}
    for x in found:
        key = (
            x.mention.entity_id
            if x.mention.entity_id is not None
            else (x.mention.label, x.mention.start)
        )
        if key not in best or ROLE_RANK[x.role] < ROLE_RANK[best[key].role]:
            best[key] = x
    return sorted(best.values(), key=lambda x: (ROLE_RANK[x.role], x.mention.start))


def outside_its_time(tree: Tree, frame: Frame, x: Found) -> bool:
    """A learned date the event cannot own: under `после`/`до` the event is itself the time
    of the clause around it (`После встречи ... 1 января начались поставки`), so only a date
    inside its own phrase dates it, as `roles.governing_date` has it for the rules."""
    if x.role != TIME or x.rule != "learned":
        return False
    if tree.preposition(frame.top(tree)) not in TEMPORAL_PREPOSITIONS:
        return False
    h = tree.mention_head(x.mention)
    return h is None or not any(a in frame.tokens for a in tree.ancestors(h))


def build_event(
    article: Article,
    tree: Tree,
    frame: Frame,
    lex: EventLexicon,
    place: Mention | None,
    fired: list[tuple[str, str, str, str]] | None = None,
    learned: LearnedEvents | None = None,
    triggers: set[int] | None = None,
    lexicon: bool = True,
) -> Event | None:
    found = collect_arguments(tree, frame, lex)
    if learned is not None and learned.roles is not None:
        guesses = learned.roles.roles(
            tree,
            frame.trigger,
            frame.entry.event_type,
            frame.tokens,
            triggers or set(),
            rule_view(found, lexicon),
            settled(found, learned.profile, frame.entry.event_type),
        )
        found = [
            x
            for x in arbitrate(found, guesses, learned.profile, frame.entry.event_type)
            if not outside_its_time(tree, frame, x)
        ]
    found = distinct(found)
    if frame.entry.event_type == STATEMENT and not any(x.role == AGENT for x in found):
        # Only speakers: for the other types a resolved pronoun cost nerel-dev agent precision
        # (.390 -> .358) for two more triples. The person may be named lines above: no line
        # check.
        found = distinct(found + pronoun_subjects(article, tree, frame, frame.subject_role))
    deal_type = deal_type_of(tree, frame, lex.deal_types)
    if deal_type is not None:
        found = found + deal_parties(tree, frame, found, triggers or set())
    if not found:
        return None
    if not any(x.role == TIME for x in found):
        governing = governing_date(tree, frame)
        if governing is not None:
            found.append(Found(TIME, governing, "governing_date"))
    if place is not None and not any(x.role == LOCATION for x in found):
        found.append(Found(LOCATION, place, "dateline"))
    tokens = tree.tokens
    trig = tokens[frame.trigger]
    if frame.light is not None:
        light = tokens[frame.light]
        text, lemma = f"{light.text} {trig.text}", f"{light.lemma} {trig.lemma}"
        start, end = min(light.start, trig.start), max(light.end, trig.end)
    else:
        text, lemma, start, end = trig.text, trig.lemma or trig.text, trig.start, trig.end
    modality, negated = modality_of(tree, frame, lex)
    event = Event(
        -1,
        frame.entry.event_type,
        text,
        lemma,
        tree.idx,
        start,
        end,
        cameo_root=frame.entry.cameo_root,
        deal_type=deal_type,
        modality=modality,
        negated=negated,
    )
    when = next((x.mention for x in found if x.role == TIME and x.mention.normal), None)
    if when is not None:
        event.date, event.date_granularity = when.normal, when.granularity
    elif article.published is not None:
        event.date, event.date_granularity = article.published.isoformat(), DAY
        event.date_from_published = True
    event.arguments = [to_argument(article, x.role, x.mention) for x in found]
    if fired is not None:
        fired.extend(
            (article.article_id, text, x.role, f"{x.mention.text} <- {x.rule}") for x in found
        )
    return event


def extract_records(
    article: Article,
    lex: EventLexicon | None = None,
    fired: list[tuple[str, str, str, str]] | None = None,
    learned: LearnedEvents | None = None,
    posts: LearnedOccupations | None = None,
) -> tuple[list[Event], list[Occupation]]:
    """The article's events and occupation records, each numbered in text order."""
    lex = lex or event_lexicon()
    place = dateline(article)
    quotes = quotations(article.text)
    events: list[Event] = []
    occupations: list[Occupation] = []
    for idx, (sentence, mentions) in enumerate(zip(article.sentences, sentence_mentions(article))):
        if not Tree.parsed(sentence):
            continue
        tree = Tree(sentence, idx, mentions)
        frames = find_frames(tree, lex)
        ruled = len(frames)  # the rules' frames come first, the detector's after them
        if learned is not None and learned.detector is not None:
            frames += learned_frames(tree, frames, learned.detector)
        triggers = {f.trigger for f in frames}
        for n, frame in enumerate(frames):
            event = build_event(
                article, tree, frame, lex, place, fired, learned, triggers, n < ruled
            )
            if event is None:
                continue
            if event.event_type == STATEMENT:
                content = statement_content(article, tree, frame, quotes)
                if content is not None:
                    event.content_start, event.content_end, event.content_kind = content
            events.append(event)
        occupations.extend(find_occupations(article, tree, lex, posts))
    quoted = {(e.content_start, e.content_end) for e in events if e.content_kind is not None}
    events.extend(quoted_statements(article, quotes, quoted, lex))
    events.sort(key=lambda e: (e.start, e.end, e.event_type))
    for event_id, event in enumerate(events):
        event.event_id = event_id
    occupations.sort(key=lambda o: (o.start, o.end))
    for occupation_id, occupation in enumerate(occupations):
        occupation.occupation_id = occupation_id
    return events, occupations


def extract_events(
    article: Article,
    lex: EventLexicon | None = None,
    fired: list[tuple[str, str, str, str]] | None = None,
    learned: LearnedEvents | None = None,
) -> list[Event]:
    return extract_records(article, lex, fired, learned)[0]


@dataclass(slots=True)
class ExtractEvents:
    name: ClassVar[str] = "events"
    requires: ClassVar[tuple[str, ...]] = (
        SENTENCES,
        MORPH,
        SYNTAX,
        NAMES,
        DATES,
        MENTIONS_FINAL,
        NORMALS,
        ENTITIES,
    )
    assigns: ClassVar[tuple[str, ...]] = (EVENTS, OCCUPATIONS)

    debug: bool = False
    # The learned trigger detector, role classifier and occupation models beside the rules;
    # False: rules only.
    learned: bool = True
    # Whose events: `names` (every lexicon trigger) or `nerel` (NEREL's, `learned.ROLE_MODELS`).
    profile: str = "names"
    # (article_id, trigger, role, 'mention <- rule'): which rule gave each argument.
    fired: list[tuple[str, str, str, str]] = field(default_factory=list)

    def __call__(self, articles: list[Article]) -> list[Article]:
        lex = event_lexicon()
        learned = learned_events(self.profile) if self.learned else None
        posts = learned_occupations() if self.learned else None
        fired = self.fired if self.debug else None
        for article in articles:
            article.events, article.occupations = extract_records(
                article, lex, fired, learned, posts
            )
        return articles
