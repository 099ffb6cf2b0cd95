"""What a STATEMENT says: the quotation or the `что`-clause, and who said it.

Content, the first rule with an opinion wins:
- a quotation closed just before `, —` and the trigger: `«Мы готовы», — заявил X`;
- a dialogue line: `— Мы готовы, — рассказал X` (the words between the two dashes);
- a quotation opened after the trigger's clause ends with a colon: `заявили в МИД: «…»`,
  also when the quotation is the next paragraph;
- the `что`-clause under the trigger (`отметили, что …`, `заявил о том, что …`): indirect.
A quotation with no speech verb at all, followed by its source on the rest of the line
(`"…". Пресс-служба МИД РК`) or opened after a name and a colon (`Кошта: «…»`), is a
STATEMENT of its own, whose trigger is the source as written and whose agent is the
first PER or ORG named there, through a group noun if need be (`пресс-служба МИД` -> МИД).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from rusnews.model import DAY, ORG, PER, Argument, Article, Event, Mention
from rusnews.stages.events.lexicon import AGENT, ASSERTED, EventLexicon
from rusnews.stages.events.occupations import to_argument
from rusnews.stages.events.tree import Tree
from rusnews.stages.events.triggers import Frame

STATEMENT = "STATEMENT"
DIRECT = "direct"
INDIRECT = "indirect"
# A verbless quotation is its own trigger; its lemma says so in the events table.
QUOTED = "цитата"
MIN_WORDS = 4
OPENING = {"«": "»", "„": "“", "“": "”"}
STRAIGHT = '"'
DASHES = "—–-"
# Between a quotation's close and the trigger: `», — заявил`, `!» — сказал`.
_QUOTE_THEN_DASH = re.compile(rf"\s*[,.!?…]?\s*[{DASHES}]\s*$")
# Between the trigger and a quotation's opening: the rest of the clause, then a colon.
_COLON_THEN_QUOTE = re.compile(r"[^.!?\n«»\"]*:\s*$")
# A dialogue line before the trigger: `— Мы готовы, — `.
_DIALOGUE = re.compile(rf"^\s*[{DASHES}]\s*(\S.*?)[,!?…]?\s*[{DASHES}]\s*$", re.S)
# After a verbless quotation, its source and nothing else up to the line's end.
_SOURCE_LINE = re.compile(r"[.!?…]?[ \t]*([^\n.!?«»\"]{2,80}?)[ \t.]*(?:\n|$)")
# Before a verbless quotation: its source at the line's start, then a colon.
_SOURCE_COLON = re.compile(r"(?:^|\n)[ \t]*([^\n.!?«»\":]{2,80}?)[ \t]*:\s*$")


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation: the text inside the marks, and the marks' outer offsets."""

    start: int
    end: int
    outer_start: int
    outer_end: int


def quotations(text: str) -> list[Quote]:
    """Outermost quotations: `«…»` (nesting counted), `„…“`, `“…”`, and straight `"…"` pairs
    within one paragraph."""
    found: list[Quote] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in OPENING:
            close = _closing(text, i, ch, OPENING[ch])
        elif ch == STRAIGHT:
            j = text.find(STRAIGHT, i + 1)
            paragraph_end = text.find("\n\n", i + 1)
            close = j if j != -1 and (paragraph_end == -1 or j < paragraph_end) else -1
        else:
            i += 1
            continue
        if close == -1:
            i += 1
            continue
        found.append(Quote(i + 1, close, i, close + 1))
        i = close + 1
    return found


def _closing(text: str, i: int, opening: str, closing: str) -> int:
    depth = 0
    for j in range(i, len(text)):
        if text[j] == opening and (opening != closing or j == i):
            depth += 1
        elif text[j] == closing:
            depth -= 1
            if depth == 0:
                return j
        elif text[j : j + 2] == "\n\n":
            return -1  # an unclosed mark does not swallow the next paragraph
    return -1


def _subtree(tree: Tree, i: int) -> list[int]:
    out, todo, seen = [], [i], {i}
    while todo:
        x = todo.pop()
        out.append(x)
        for c in tree.kids(x):
            if c not in seen:
                seen.add(c)
                todo.append(c)
    return sorted(out)


def _that_clause(tree: Tree, frame: Frame) -> tuple[int, int] | None:
    """The `что`-clause a speech verb governs, without the `что` itself."""
    heads = [frame.trigger] + [t for t in frame.tokens if t != frame.trigger]
    candidates = [c for f in heads for c in tree.kids(f, "ccomp", "parataxis")]
    # 'заявил о том, что ...': the clause hangs on the pronoun 'то'.
    candidates += [
        c
        for f in heads
        for o in tree.kids(f, "obl")
        if tree.lemma(o) in ("то", "тот")
        for c in tree.kids(o, "acl", "ccomp")
    ]
    for c in candidates:
        tokens = [t for t in _subtree(tree, c) if tree.pos(t) != "PUNCT"]
        marks = [m for m in tree.kids(c, "mark") if tree.lemma(m) == "что"]
        if not marks or tokens[0] != marks[0]:
            continue
        body = [t for t in tokens if t > marks[0]]
        if body:
            return tree.span(body[0], body[-1])
    return None


def statement_content(
    article: Article, tree: Tree, frame: Frame, quotes: list[Quote]
) -> tuple[int, int, str] | None:
    """The span a STATEMENT trigger introduces and whether it is quoted (direct) or reported."""
    text = article.text
    trig = tree.tokens[frame.trigger]
    # Quotations do not overlap, so the one that closes last before the trigger and the one
    # that opens first after it are the only candidates.
    k = bisect_right(quotes, trig.start, key=lambda q: q.outer_end)
    before = quotes[k - 1] if k else None
    if before is not None and _QUOTE_THEN_DASH.fullmatch(text, before.outer_end, trig.start):
        return before.start, before.end, DIRECT
    # A dialogue line opens its paragraph, or its sentence when razdel ran lines together.
    line_start = max(text.rfind("\n", 0, trig.start) + 1, tree.sentence.start)
    dialogue = _DIALOGUE.match(text[line_start : trig.start])
    if dialogue is not None:
        start = line_start + dialogue.start(1)
        return start, line_start + dialogue.end(1), DIRECT
    k = bisect_left(quotes, trig.end, key=lambda q: q.outer_start)
    after = quotes[k] if k < len(quotes) else None
    if after is not None and _COLON_THEN_QUOTE.fullmatch(text, trig.end, after.outer_start):
        return after.start, after.end, DIRECT
    clause = _that_clause(tree, frame)
    return (*clause, INDIRECT) if clause is not None else None


def speaker_in(mentions: list[Mention], starts: list[int], start: int, end: int) -> Mention | None:
    """The first PER or ORG named between start and end: the source of a quotation."""
    for k in range(bisect_left(starts, start), len(mentions)):
        m = mentions[k]
        if m.start >= end:
            break
        if m.end <= end and m.label in (PER, ORG):
            return m
    return None


def quoted_statements(
    article: Article, quotes: list[Quote], taken: set[tuple[int, int]], lex: EventLexicon
) -> list[Event]:
    """Quotations no speech verb introduced, attributed on the rest of their line or before a
    colon."""
    events = []
    starts = [m.start for m in article.mentions]  # the mentions are sorted by start
    for q in quotes:
        # A name in quotation marks ('"Газпром"') is no quotation.
        if (q.start, q.end) in taken or len(article.text[q.start : q.end].split()) < MIN_WORDS:
            continue
        source = _source_after(article.text, q) or _source_before(article.text, q)
        if source is None:
            continue
        start, end = source
        speaker = speaker_in(article.mentions, starts, start, end)
        if speaker is None:
            continue
        cameo = lex.types[STATEMENT].cameo_root
        events.append(_quoted_event(article, q, start, end, speaker, cameo))
    return events


def _source_after(text: str, q: Quote) -> tuple[int, int] | None:
    m = _SOURCE_LINE.match(text, q.outer_end)
    if m is None or not m.group(1).strip():
        return None
    return m.start(1), m.end(1)


def _source_before(text: str, q: Quote) -> tuple[int, int] | None:
    line_start = text.rfind("\n", 0, q.outer_start - 1)
    m = _SOURCE_COLON.search(text, max(line_start, 0), q.outer_start)
    if m is None:
        return None
    return m.start(1), m.end(1)


def _quoted_event(
    article: Article, q: Quote, start: int, end: int, speaker: Mention, cameo: str | None
) -> Event:
    event = Event(
        -1,
        STATEMENT,
        article.text[start:end],
        QUOTED,
        article.sentence_of(start),
        start,
        end,
        cameo_root=cameo,
        modality=ASSERTED,
    )
    agent = to_argument(article, AGENT, speaker)
    # The source as written ('Пресс-служба МИД РК'), pointing at the entity it names.
    event.arguments = [Argument(AGENT, agent.entity_id, agent.label, agent.name, start, end)]
    event.content_start, event.content_end, event.content_kind = q.start, q.end, DIRECT
    if article.published is not None:
        event.date, event.date_granularity = article.published.isoformat(), DAY
        event.date_from_published = True
    return event
