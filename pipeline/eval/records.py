"""Score event, occupation, ownership and deal records against factRuEval `.facts` and NEREL
relations.

Every record becomes `(record, role, filler)` triples; precision, recall and F1
count triples.

Gold triples
- factRuEval `Meeting`: `(fact, participant, Participant)`, and `When`/`Where`
  as time/location where given (the dev set gives none); `Occupation`:
  `(Who, position, Position|Job)` and `(Who, workplace, Where|Org)`. A filler
  `objN` is coreference chain N, whose extent is every span of every object in
  the chain; `spanN` is one span; `a | b` lists alternatives, any of which
  counts. Lines with no obj/span reference (`Сложность`, `Фаза`) are attributes.
  factRuEval annotates no other event kind, so only predicted MEETING and
  NEGOTIATION events are scored against it. `Ownership`: `(Owner, property,
  Property)`. `Deal`: `(fact, participant, Participant)`, and the `Type`
  attribute (купля/продажа, наложение/выплата штрафа, займ/возвращение займа,
  инвестиции ...) as a `deal_type` triple of its own, so that a deal with the
  right parties and the wrong type still counts for the parties.
- NEREL: `(EVENT, agent, X)` from `AGENT X->EVENT`, `(EVENT, participant, X)`
  from `PARTICIPANT_IN X->EVENT`, `(EVENT, time, X)` from `POINT_IN_TIME
  EVENT->X`, `(EVENT, location, X)` from `TAKES_PLACE_IN EVENT->X`; occupations
  `(P, position, X)` from `WORKS_AS P->X` and `(P, workplace, X)` from
  `WORKPLACE P->X`, or from `WORKPLACE PROFESSION->X` for every person P that
  WORKS_AS that profession. Only fillers the pipeline can output are kept:
  PER/ORG/LOC/DATE types (PERSON, ORGANIZATION, COUNTRY, CITY,
  STATE_OR_PROVINCE, LOCATION, DISTRICT, DATE) and PROFESSION for positions;
  a PROFESSION as AGENT or a FACILITY as place is out of reach and out of scope.
  Ownership `(owner, property, X)` from `OWNER_OF owner->X` and `FOUNDED_BY
  X->founder`, both ends names (an owned FACILITY, PRODUCT or MONEY is out of
  scope, as above). NEREL has no deal facts.
  NEREL does not annotate speech acts as EVENTs (on nerel-dev 2 of 88 predicted
  STATEMENT triples fell on an EVENT span), so STATEMENT records are not scored
  against it.

Matching rule: a predicted triple matches a gold triple, each used at most once
(greedy in text order), when
1. the roles map: agent, participant, time, location as named above
   (`topic` has no gold and is not scored); organization and place ->
   workplace; for factRuEval meetings agent -> participant;
2. the argument overlaps the filler: some mention of the argument's entity
   (for a position, the position's span) overlaps some span of the filler's
   extent, in any alternative;
3. the records correspond: NEREL events — the trigger span overlaps the EVENT
   span; factRuEval meetings — the trigger's sentence overlaps a span of one of
   the fact's fillers (facts have no trigger); occupations — some mention of the
   predicted person overlaps the gold person's extent.
`unlabeled` repeats the event scores with rule 1 dropped: did the parse pick the
right names, whatever it called them.
Ownership and deals follow the same rules: an ownership record corresponds as an
occupation does, through its owner (for NEREL, whose relations join two mentions,
the owner and property mentions the record was read from, not all of their
entities' mentions: NEREL repeats a relation in each sentence that states it,
factRuEval states a fact once a document); a deal record corresponds as a
factRuEval meeting does, through the trigger's sentence, every argument (agent
or participant) a participant; its `deal_type` triple matches when the type is
the same.

Sentence baseline: the same events, with every name and date in the trigger's
sentence attached as participant; for occupations, every PER in the sentence as
the person, with the predicted position and every ORG/LOC in the sentence as
workplace; for ownerships, every name in the sentence as owner of every ORG; for
deals, every name in the trigger's sentence as participant. The gap between the
two shows what the parse-based roles add.

Predicted occupations are `Article.occupations`, the records the `occupations`
table is written from; ownerships are `Article.ownerships`; predicted events are
`Article.events`, and deals the events with a `deal_type`.
"""

from __future__ import annotations

from pathlib import Path

from rusnews.eval.gold import read_text
from rusnews.eval.metrics import Counts
from rusnews.eval.record_gold import factru_triples, nerel_triples
from rusnews.eval.triples import (
    DEAL_KIND,
    DEAL_TYPE_KIND,
    EVENT,
    EVENT_ROLES,
    OCCUPATION_KIND,
    OCCUPATION_ROLES,
    OWNERSHIP_KIND,
    PROPERTY,
    Extent,
    Span,
    Triple,
)
from rusnews.model import LOC, ORG, PER, Argument, Article, Event

SYSTEM, BASELINE = "rusnews", "sentence_baseline"
FACTRU_EVENT_TYPES = ("MEETING", "NEGOTIATION")
# NEREL does not annotate speech acts as EVENTs (see the module docstring).
NEREL_UNANNOTATED = ("STATEMENT",)
PREDICTED_ROLES = {
    "agent": "agent",
    "participant": "participant",
    "time": "time",
    "location": "location",
    "position": "position",
    "organization": "workplace",
    "place": "workplace",
}
DEAL_ROLES = ("agent", "participant")
# What is counted per document: each kind, and the roles broken out beside it.
KINDS: dict[str, tuple[str, ...]] = {
    EVENT: EVENT_ROLES,
    OCCUPATION_KIND: OCCUPATION_ROLES,
    OWNERSHIP_KIND: (),
    DEAL_KIND: (),
    DEAL_TYPE_KIND: (),
}


def _matches(pred: Triple, gold: Triple, labeled: bool) -> bool:
    return (
        pred.kind == gold.kind
        and (not labeled or pred.role == gold.role)
        and gold.anchor.overlaps(pred.anchor.spans)
        and gold.filler.overlaps(pred.filler.spans)
    )


def count(preds: list[Triple], golds: list[Triple], labeled: bool = True) -> Counts:
    used = [False] * len(golds)
    counts = Counts(n_pred=len(preds), n_gold=len(golds))
    for pred in preds:
        for j, gold in enumerate(golds):
            if not used[j] and _matches(pred, gold, labeled):
                used[j] = True
                counts.tp += 1
                break
    return counts


# ---------------------------------------------------------------- predictions


def _entity_spans(article: Article) -> dict[int, tuple[Span, ...]]:
    spans: dict[int, list[Span]] = {}
    for m in article.mentions:
        if m.entity_id is not None:
            spans.setdefault(m.entity_id, []).append((m.start, m.end))
    return {k: tuple(v) for k, v in spans.items()}


def _scored_events(article: Article, fmt: str) -> list[Event]:
    """The events the gold annotates at all: meetings for factRuEval, all but statements for
    NEREL."""
    wanted = (
        (lambda t: t in FACTRU_EVENT_TYPES)
        if fmt == "factru"
        else (lambda t: t not in NEREL_UNANNOTATED)
    )
    return [e for e in article.events if wanted(e.event_type)]


def _event_anchor(article: Article, event: Event, fmt: str) -> Extent:
    if fmt == "factru":
        sentence = article.sentences[event.sentence_idx]
        return Extent.of((sentence.start, sentence.end))
    return Extent.of((event.start, event.end))


def _filler(spans: dict[int, tuple[Span, ...]], arg: Argument) -> Extent:
    found = spans.get(arg.entity_id, ()) if arg.entity_id is not None else ()
    return Extent.of(*(found or ((arg.start, arg.end),)))


def _sentence_anchor(article: Article, idx: int) -> Extent:
    sentence = article.sentences[idx]
    return Extent.of((sentence.start, sentence.end))


def business_triples(article: Article, fmt: str) -> list[Triple]:
    """Ownership triples for both golds; deal triples for factRuEval, the only one with deals."""
    spans = _entity_spans(article)
    if fmt != "factru":  # NEREL relates two mentions, each sentence's record its own
        return [
            Triple(
                OWNERSHIP_KIND,
                Extent.of((o.owner.start, o.owner.end)),
                PROPERTY,
                Extent.of((o.property.start, o.property.end)),
            )
            for o in article.ownerships
        ]
    # factRuEval relates two entities, once a document.
    triples = [
        Triple(OWNERSHIP_KIND, _filler(spans, o.owner), PROPERTY, _filler(spans, o.property))
        for o in article.ownerships
    ]
    for event in article.events:
        if event.deal_type is None:
            continue
        anchor = _sentence_anchor(article, event.sentence_idx)
        triples.extend(
            Triple(DEAL_KIND, anchor, "participant", _filler(spans, arg))
            for arg in event.arguments
            if arg.role in DEAL_ROLES
        )
        triples.append(Triple(DEAL_TYPE_KIND, anchor, event.deal_type, anchor))
    return triples


def predicted_triples(article: Article, fmt: str) -> list[Triple]:
    spans = _entity_spans(article)
    triples: list[Triple] = business_triples(article, fmt)
    for event in _scored_events(article, fmt):
        anchor = _event_anchor(article, event, fmt)
        for arg in event.arguments:
            role = PREDICTED_ROLES.get(arg.role)
            if role in EVENT_ROLES:
                # factRuEval meetings have participants, not agents.
                role = "participant" if fmt == "factru" and role == "agent" else role
                filler = (
                    spans.get(arg.entity_id, ((arg.start, arg.end),))
                    if arg.entity_id is not None
                    else ((arg.start, arg.end),)
                )
                triples.append(Triple(EVENT, anchor, role, Extent.of(*filler)))
    for record in article.occupations:
        person = record.person
        anchor = Extent.of(*spans.get(person.entity_id, ((person.start, person.end),)))  # type: ignore[arg-type]
        triples.append(
            Triple(OCCUPATION_KIND, anchor, "position", Extent.of((record.start, record.end)))
        )
        for arg in (record.organization, record.place):
            if arg is not None:
                filler = spans.get(arg.entity_id, ()) if arg.entity_id is not None else ()
                triples.append(
                    Triple(
                        OCCUPATION_KIND,
                        anchor,
                        "workplace",
                        Extent.of(*(filler or ((arg.start, arg.end),))),
                    )
                )
    return list(dict.fromkeys(triples))


def baseline_triples(article: Article, fmt: str) -> list[Triple]:
    spans = _entity_spans(article)
    by_sentence: dict[int, list[tuple[str, int]]] = {}
    for m in article.mentions:
        if m.entity_id is not None and m.sentence_idx >= 0:
            by_sentence.setdefault(m.sentence_idx, []).append((m.label, m.entity_id))
    if any(m.sentence_idx < 0 for m in article.mentions):
        by_sentence = {}
        for m in article.mentions:
            if m.entity_id is not None:
                by_sentence.setdefault(article.sentence_of(m.start), []).append(
                    (m.label, m.entity_id)
                )
    triples: list[Triple] = []
    for o in article.ownerships:
        names = list(dict.fromkeys(by_sentence.get(o.sentence_idx, [])))
        triples.extend(
            Triple(OWNERSHIP_KIND, Extent.of(*spans[a]), PROPERTY, Extent.of(*spans[b]))
            for owner_label, a in names
            for label, b in names
            if a != b and owner_label in (PER, ORG, LOC) and label == ORG
        )
    for event in (e for e in article.events if fmt == "factru" and e.deal_type is not None):
        anchor = _sentence_anchor(article, event.sentence_idx)
        triples.extend(
            Triple(DEAL_KIND, anchor, "participant", Extent.of(*spans[eid]))
            for label, eid in dict.fromkeys(by_sentence.get(event.sentence_idx, []))
            if label in (PER, ORG, LOC)
        )
        triples.append(Triple(DEAL_TYPE_KIND, anchor, event.deal_type, anchor))
    for event in _scored_events(article, fmt):
        anchor = _event_anchor(article, event, fmt)
        for _, entity_id in dict.fromkeys(by_sentence.get(event.sentence_idx, [])):
            triples.append(Triple(EVENT, anchor, "participant", Extent.of(*spans[entity_id])))
    for record in article.occupations:
        names = list(dict.fromkeys(by_sentence.get(record.sentence_idx, [])))
        for person in (eid for label, eid in names if label == PER):
            anchor = Extent.of(*spans[person])
            triples.append(
                Triple(OCCUPATION_KIND, anchor, "position", Extent.of((record.start, record.end)))
            )
            triples.extend(
                Triple(OCCUPATION_KIND, anchor, "workplace", Extent.of(*spans[eid]))
                for label, eid in names
                if label in (ORG, LOC)
            )
    return list(dict.fromkeys(triples))


# ---------------------------------------------------------------- scoring


def gold_triples(gold_dir: Path, fmt: str, stem: str) -> list[Triple]:
    if fmt == "factru":
        return factru_triples(gold_dir, stem)
    if fmt == "brat":
        return nerel_triples(gold_dir, stem)
    raise ValueError(f"records can be scored against 'factru' or 'brat' gold, not {fmt!r}")


def _gold_stems(gold_dir: Path, fmt: str) -> dict[str, Path]:
    sibling = ".facts" if fmt == "factru" else ".ann"
    return {
        txt.stem: txt for txt in sorted(gold_dir.glob("*.txt")) if txt.with_suffix(sibling).exists()
    }


def score_document(preds: list[Triple], golds: list[Triple]) -> dict[str, Counts]:
    """Counts per record kind, unlabeled events, and per role, for one document."""
    out: dict[str, Counts] = {}
    for kind, roles in KINDS.items():
        p = [t for t in preds if t.kind == kind]
        g = [t for t in golds if t.kind == kind]
        out[kind] = count(p, g)
        if kind == EVENT:
            out[f"{kind}_unlabeled"] = count(p, g, labeled=False)
        for role in roles:
            out[f"{kind}/{role}"] = count(
                [t for t in p if t.role == role], [t for t in g if t.role == role]
            )
    return out


def score_records(gold_dir: Path, fmt: str, articles: list[Article]) -> dict:
    """P/R/F1 of (record, role, filler) triples for the pipeline and the sentence baseline.

    `articles` are processed articles whose `article_id` is a gold file's stem
    and whose text is that file's text. Returns `{"systems": {name: {kind:
    {precision, recall, f1, tp, n_pred, n_gold}}}, "documents": n, "warnings":
    [...], ...}`; kinds are `event`, `event_unlabeled`, `occupation`,
    `ownership`, `deal`, `deal_type` and `event/<role>`, `occupation/<role>`. A
    kind nothing was predicted or annotated for is absent, and a rate with
    nothing to divide by is None.
    """
    if fmt not in ("factru", "brat"):
        raise ValueError(f"records can be scored against 'factru' or 'brat' gold, not {fmt!r}")
    gold_dir = Path(gold_dir)
    stems = _gold_stems(gold_dir, fmt)
    totals: dict[str, dict[str, Counts]] = {SYSTEM: {}, BASELINE: {}}
    warnings: list[str] = []
    scored = 0
    for article in articles:
        txt = stems.get(article.article_id)
        if txt is None:
            continue
        if read_text(txt) != article.text:
            warnings.append(
                f"{article.article_id}: article text differs from {txt.name}; not scored"
            )
            continue
        golds = gold_triples(gold_dir, fmt, article.article_id)
        for name, preds in (
            (SYSTEM, predicted_triples(article, fmt)),
            (BASELINE, baseline_triples(article, fmt)),
        ):
            for kind, counts in score_document(preds, golds).items():
                totals[name].setdefault(kind, Counts()).add(counts)
        scored += 1
    return {
        "format": fmt,
        "gold": str(gold_dir),
        "documents": scored,
        "systems": {
            name: {kind: c.as_dict() for kind, c in kinds.items() if c.n_pred or c.n_gold}
            for name, kinds in totals.items()
        },
        "warnings": warnings,
    }
