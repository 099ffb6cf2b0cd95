"""Training examples for the learned event components, from NEREL brat folders.

The gold texts go through the pipeline (every sentence parsed, no event stage),
so the examples carry the features the run time will see: our tokens, lemmas,
parse and mentions, with NEREL's EVENT spans and relations as labels.

- Trigger examples: every candidate token (`features.CANDIDATE_POS`); positive
  when it is the syntactic head of an EVENT span (the token whose head lies
  outside the span). The other tokens inside an EVENT span are left out: `в` or
  `отставку` in `подал в отставку` is neither a trigger of its own nor a
  non-trigger.
- Role examples: every (gold EVENT head, mention) pair in a sentence, the
  mention labelled PER/ORG/LOC/DATE; the role is that of a relation (AGENT,
  PARTICIPANT_IN from the filler, POINT_IN_TIME, TAKES_PLACE_IN from the event)
  whose filler overlaps the mention, else `none`. What the rules say of the
  pair (`features.RuleView`: their role, whether they found an agent, whether
  the lexicon or the detector gave the trigger) is among its features, read
  through the frame the run time would read: the lexicon's, else the
  detector's one-token frame. The `nerel` profile's model also sees the
  lexicon's triggers outside every EVENT span, each pair `none`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rusnews.eval.brat import parse_ann, parse_relations
from rusnews.eval.gold import read_lines, read_text
from rusnews.eval.record_gold import NEREL_EVENT_RELATIONS, NEREL_TO_EVENT
from rusnews.model import Article, Token
from rusnews.stages.events.features import (
    CANDIDATE_POS,
    lemma_features,
    pair_features,
    rule_features,
    token_features,
)
from rusnews.stages.events.learned import (
    ARGUMENT_LABELS,
    NONE,
    OTHER,
    detector_frame,
    rule_view,
)
from rusnews.stages.events.lexicon import EventLexicon
from rusnews.stages.events.roles import collect_arguments
from rusnews.stages.events.tree import Tree, sentence_mentions
from rusnews.stages.events.triggers import find_frames

Span = tuple[int, int]


@dataclass(slots=True)
class GoldEvents:
    doc_id: str
    text: str
    events: dict[str, tuple[Span, ...]] = field(default_factory=dict)
    # event id -> (role, filler spans)
    arguments: dict[str, list[tuple[str, tuple[Span, ...]]]] = field(default_factory=dict)


Annotations = tuple[dict[str, tuple[str, tuple[Span, ...]]], list[tuple[str, str, str]]]


def nerel_documents(folder: Path, limit: int | None = None) -> Iterator[tuple[Path, Annotations]]:
    """Each annotated text of a NEREL folder in name order, with its entities (id -> type and
    spans) and relations (type, arg1, arg2): every reader of the training data pairs up
    document by document."""
    n = 0
    for txt in sorted(Path(folder).glob("*.txt")):
        ann = txt.with_suffix(".ann")
        if not ann.exists():
            continue
        lines = read_lines(ann)
        entities = {r.ann_id: (r.type, r.fragments) for r in parse_ann(lines, ann)}
        relations = [(r.type, r.arg1, r.arg2) for r in parse_relations(lines, ann)]
        yield txt, (entities, relations)
        n += 1
        if limit is not None and n >= limit:
            return


def read_nerel(folder: Path, limit: int | None = None) -> list[GoldEvents]:
    docs = []
    for txt, (entities, relations) in nerel_documents(folder, limit):
        gold = GoldEvents(txt.stem, read_text(txt))
        gold.events = {tid: spans for tid, (label, spans) in entities.items() if label == "EVENT"}
        for rel, a1, a2 in relations:
            if rel not in NEREL_EVENT_RELATIONS or a1 not in entities or a2 not in entities:
                continue
            event, filler = (a2, a1) if rel in NEREL_TO_EVENT else (a1, a2)
            if event in gold.events:
                gold.arguments.setdefault(event, []).append(
                    (NEREL_EVENT_RELATIONS[rel], entities[filler][1])
                )
        docs.append(gold)
    return docs


def process(docs: list[GoldEvents]) -> list[Article]:
    """The pipeline up to the events, every sentence parsed, every name the rules find kept.

    The names' learned confidence (rusnews.stages.mentions.confidence) is left out: the
    event models learn from every candidate name, and at run time the confidence only
    takes candidates away (measured: the records of nerel-dev and factru-dev do not lose).
    """
    from rusnews.pipeline import Pipeline, default_stages
    from rusnews.stages.events.stage import ExtractEvents
    from rusnews.stages.linking import PersonCountries
    from rusnews.stages.mentions.confidence import ScoreMentions
    from rusnews.stages.slovnet.syntax import ParseSyntax

    # What reads the records (the persons' countries) goes with them.
    stages = [
        ParseSyntax() if isinstance(s, ParseSyntax) else s
        for s in default_stages()
        if not isinstance(s, (ExtractEvents, ScoreMentions, PersonCountries))
    ]
    return Pipeline(stages).process([Article(d.doc_id, d.text) for d in docs])


def _overlaps(a: Span, spans: tuple[Span, ...]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in spans)


def event_heads(tree: Tree, gold: GoldEvents) -> dict[int, str]:
    """Token index -> EVENT id for the head token of each gold EVENT in the sentence."""
    heads: dict[int, str] = {}
    for tid, spans in gold.events.items():
        inside = [i for i, t in enumerate(tree.tokens) if _overlaps((t.start, t.end), spans)]
        head = next((i for i in inside if tree.head(i) not in inside), None)
        if head is not None:
            heads[head] = tid
    return heads


def event_type(tree: Tree, i: int, lex: EventLexicon) -> str:
    entry = lex.triggers.get(tree.lemma(i))
    return entry.event_type if entry is not None else OTHER


@dataclass(slots=True)
class Examples:
    features: list[list[str]] = field(default_factory=list)
    words: list[Token | None] = field(default_factory=list)  # navec input of trigger examples
    labels: list[str] = field(default_factory=list)
    groups: list[int] = field(default_factory=list)  # document number, for grouped folds
    # Role examples: the rules' role for the pair (`none` if they give it none), to report
    # the rules' own out-of-fold figures beside the classifier's.
    rule_roles: list[str] = field(default_factory=list)


def sentences(articles: list[Article], golds: list[GoldEvents]) -> Iterator[tuple[int, Tree, dict]]:
    for n, (article, gold) in enumerate(zip(articles, golds)):
        for idx, (sent, mentions) in enumerate(zip(article.sentences, sentence_mentions(article))):
            if Tree.parsed(sent):
                tree = Tree(sent, idx, mentions)
                yield n, tree, event_heads(tree, gold)


def _inside_events(tree: Tree, gold: GoldEvents) -> set[int]:
    return {
        i
        for i, t in enumerate(tree.tokens)
        for spans in gold.events.values()
        if _overlaps((t.start, t.end), spans)
    }


def trigger_examples(
    articles: list[Article], golds: list[GoldEvents], lex: EventLexicon
) -> Examples:
    out = Examples()
    for n, tree, heads in sentences(articles, golds):
        inside = _inside_events(tree, golds[n])
        for i, tok in enumerate(tree.tokens):
            if tok.pos not in CANDIDATE_POS or (i in inside and i not in heads):
                continue
            m = tree.mention_at[i]
            out.features.append(
                lemma_features(tree.lemma(i), lex)
                + token_features(tree.tokens, i, m.label if m else None)
            )
            out.words.append(tok)
            out.labels.append("trigger" if i in heads else NONE)
            out.groups.append(n)
    return out


def role_examples(
    articles: list[Article],
    golds: list[GoldEvents],
    lex: EventLexicon,
    unannotated: bool = False,
) -> Examples:
    """Pairs at the gold EVENT heads; with `unannotated`, also at the lexicon's triggers that
    lie in no EVENT span, every pair `none` (the `nerel` profile's model)."""
    out = Examples()
    for n, tree, heads in sentences(articles, golds):
        frames = {f.trigger: f for f in find_frames(tree, lex)}
        triggers = set(heads) | set(frames)
        inside = _inside_events(tree, golds[n])
        # The lexicon's triggers NEREL does not call events (`поздравить`, `переехать`) have
        # no arguments to give under its convention: at run time their pairs come too.
        outside = {t: None for t in frames if t not in inside} if unannotated else {}
        for t, tid in {**heads, **outside}.items():
            fillers = golds[n].arguments.get(tid, []) if tid is not None else []
            etype = event_type(tree, t, lex)
            # As at run time: the lexicon's frame where it has one, else the detector's.
            frame = frames.get(t) or detector_frame(tree, t, lex)
            view = rule_view(collect_arguments(tree, frame, lex), t in frames)
            for m in tree.mentions:
                h = tree.mention_head(m)
                if m.label not in ARGUMENT_LABELS or h is None or h in frame.tokens:
                    continue
                role = next((r for r, spans in fillers if _overlaps((m.start, m.end), spans)), NONE)
                out.features.append(
                    pair_features(
                        tree, t, h, m.label, etype, triggers, rule_features(view, m, m.label)
                    )
                )
                out.words.append(None)
                out.labels.append(role)
                out.groups.append(n)
                out.rule_roles.append(view.of(m))
    return out
