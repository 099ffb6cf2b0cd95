"""Occupation records: a person, the position they hold, and the organization or place it
belongs to.

`заместителя министра финансов Республики Узбекистан Анвара Каримова`
-> person Анвар Каримов, position `заместитель министра финансов`,
place Республика Узбекистан. Position words are data (`models/events/positions.tsv`).

- The person is a PER name in apposition to the position noun (either way
  round; of several, the nearest after it) or to a position coordinated with
  it (`писатель, поэт и журналист Дмитрий Быков`), the subject of a copular
  position (`Кошта — президент ...`), the subject or object of a verb that links
  a person to a position
  (`назначен послом`, `назначил Иванова министром`, `занимает пост министра`),
  or, when the parser took the name for a genitive dependent, a PER name under
  the position in the same case.
- The position is the noun, its adjectives, and the common nouns that depend on
  it in a chain of bare genitives up to the first name (`министра иностранных
  дел`), as one contiguous span; the noun and its adjectives go into the
  nominative singular, the genitive tail stays as written.
- The organization (ORG) or place (LOC) is the first name in that chain, or a
  name under the position with `в`/`при` (`посол в России`).
No person, no record: factRuEval and NEREL occupations always name who holds it.
The phase says the post changed hands (`models/events/phases.tsv`): start for
`назначен послом`, `избран президентом`, `стал министром`; end for `ушёл с поста
министра`, `освобождён от должности`, `бывший министр`, `экс-премьер`. Records go to the
`occupations` table, not among the events: a post held is no event to count.
"""

from __future__ import annotations

from functools import lru_cache

from rusnews import morphology
from rusnews.model import (
    END,
    LOC,
    ORG,
    PER,
    Argument,
    Article,
    Mention,
    Occupation,
    Token,
)
from rusnews.stages.events.lexicon import (
    ORGANIZATION,
    PERSON,
    PLACE,
    EventLexicon,
)
from rusnews.stages.events.tree import NOMINAL, VERBAL, Tree


def to_argument(article: Article, role: str, m: Mention) -> Argument:
    """An argument pointing at the mention's entity and carrying the entity's canonical name."""
    if m.entity_id is not None:
        for entity in article.entities:
            if entity.entity_id == m.entity_id:
                return Argument(role, entity.entity_id, entity.label, entity.name, m.start, m.end)
    return Argument(role, None, m.label, m.normal or m.text, m.start, m.end)


@lru_cache(maxsize=50_000)
def _nominative(word: str, lemma: str, case: str | None) -> str:
    parses = morphology.parse(word)
    wanted = morphology.UD_CASES.get(case or "")
    ranked = sorted(
        parses, key=lambda p: (p.normal_form != lemma, wanted is not None and wanted not in p.tag)
    )
    for parse in ranked:
        form = parse.inflect({"nomn", "sing"}) or parse.inflect({"nomn"})
        if form is not None:
            return form.word
    return word.lower()


def nominative(tok: Token) -> str:
    if tok.text.isupper() and len(tok.text) > 1:
        return tok.text  # an acronym stays as written
    return _nominative(tok.text, (tok.lemma or tok.text).lower(), tok.feats.get("Case"))


def _person(tree: Tree, i: int | None) -> Mention | None:
    if i is None:
        return None
    m = tree.mention_at[i]
    return m if m is not None and m.label == PER else None


def holder(tree: Tree, p: int, lex: EventLexicon) -> Mention | None:
    """Who holds the position at token p, if the sentence names them."""
    own = [m for a in tree.kids(p, "appos", "flat") if (m := _person(tree, a)) is not None]
    if own:
        return nearest(tree, p, own)  # 'президент Европейского совета Антониу Кошта'
    if tree.rel(p) == "appos" and (m := _person(tree, tree.head(p))) is not None:
        return m  # 'Алибек Бакаев, заместитель министра'
    for s in tree.kids(p, "nsubj"):
        if (m := _person(tree, s)) is not None:
            return m  # 'Кошта — президент Европейского совета'
    anchor = p
    h = tree.head(p)
    if h is not None and tree.lemma(h) in lex.posts and tree.rel(p) == "nmod":
        anchor = h  # 'на пост министра'
    v = tree.head(anchor)
    if v is not None and tree.lemma(v) in lex.holds:
        if tree.rel(anchor) != "obj":
            for o in tree.kids(v, "obj"):
                if (m := _person(tree, o)) is not None:
                    return m  # 'назначил Иванова министром'
        for s in tree.kids(v, "nsubj", "nsubj:pass"):
            if (m := _person(tree, s)) is not None:
                return m  # 'Иванов назначен послом', 'занимает пост министра'
    shared = [
        m
        for q in _coordinated_positions(tree, p, lex)
        for a in tree.kids(q, "appos", "flat")
        if (m := _person(tree, a)) is not None
    ]
    if shared:
        return nearest(tree, p, shared)  # 'писатель, поэт и журналист Дмитрий Быков'
    case = tree.feat(p, "Case")
    for n in tree.kids(p, "nmod"):
        m = _person(tree, n)
        # The parser's genitive for an apposition in an oblique case ('заместителя министра
        # Алибека Бакаева'); in the nominative a name under a position is whom it serves
        # ('помощник Клинтон').
        if (
            m is not None
            and case not in (None, "Nom")
            and tree.feat(n, "Case") == case
            and tree.preposition(n) is None
        ):
            return m
    return None


def nearest(tree: Tree, p: int, people: list[Mention]) -> Mention:
    """The first name after the position, else the last before it: when the parser hangs two names
    on one position ('министра ... Ермека Кошербаева и Верховного представителя ... Каи Каллас'),
    each position takes the name that follows it."""
    at = tree.tokens[p].start
    after = [m for m in people if m.start > at]
    return min(after, key=lambda m: m.start) if after else max(people, key=lambda m: m.start)


def _coordinated_positions(tree: Tree, p: int, lex: EventLexicon) -> list[int]:
    h = tree.head(p)
    family = tree.kids(p, "conj") + ([h] if h is not None and tree.rel(p) == "conj" else [])
    if h is not None and tree.rel(p) == "conj":
        family += [k for k in tree.kids(h, "conj") if k != p]
    return [q for q in family if tree.lemma(q) in lex.positions]


def position_phrase(tree: Tree, p: int, lex: EventLexicon) -> tuple[list[int], Mention | None]:
    """The position's tokens (contiguous, around p) and the first ORG/LOC name it leads to."""
    # 'бывший' says when the post was held, not which post it is.
    phrase = {p} | {
        a
        for a in tree.kids(p, "amod")
        if a < p and tree.mention_at[a] is None and tree.lemma(a) not in lex.phases
    }
    workplace: Mention | None = None
    frontier = [p]
    while frontier:
        x = frontier.pop(0)
        for n in tree.kids(x, "nmod"):
            m = tree.mention_at[n]
            if m is not None:
                if workplace is None and m.label in (ORG, LOC):
                    workplace = m
                continue
            if tree.preposition(n) is None and tree.pos(n) in NOMINAL | {"ADJ"} and n > x:
                phrase.add(n)
                phrase.update(a for a in tree.kids(n, "amod") if tree.mention_at[a] is None)
                frontier.append(n)
    if workplace is None:
        for n in tree.kids(p, "nmod"):
            m = tree.mention_at[n]
            if (
                m is not None
                and m.label in (ORG, LOC)
                and tree.preposition(n) in lex.post_prepositions
            ):
                workplace = m  # 'посол в России', 'представитель при ООН'
                break
    first = last = p
    while first - 1 in phrase:
        first -= 1
    while last + 1 in phrase:
        last += 1
    return list(range(first, last + 1)), workplace


def position_name(tree: Tree, tokens: list[int], p: int) -> str:
    """Nominative: the head noun and the adjectives before it change, the genitive tail does not."""
    words = []
    for i in tokens:
        tok = tree.tokens[i]
        words.append(nominative(tok) if i <= p else tok.text)
    name = " ".join(words)
    return name[:1].lower() + name[1:] if not words[0].isupper() else name


EX = "экс-"
LINKED_RELS = ("obl", "obj", "iobj", "xcomp")


def position_lemma(tree: Tree, i: int, lex: EventLexicon) -> str:
    """The lemma a position is listed under: `экс-министр` is a `министр` who has left."""
    lemma = tree.lemma(i)
    return lemma[len(EX) :] if lemma not in lex.positions and lemma.startswith(EX) else lemma


def phase_of(tree: Tree, p: int, lex: EventLexicon) -> str | None:
    """start or end when the sentence reports the post changing hands, else None."""
    if tree.lemma(p).startswith(EX):
        return END  # 'экс-президент'
    for a in tree.kids(p, "amod"):
        if lex.phases.get(tree.lemma(a)) == END:
            return END  # 'бывший министр'
    v = _linking_verb(tree, p, lex)
    return lex.phases.get(tree.lemma(v)) if v is not None else None


def _linking_verb(tree: Tree, p: int, lex: EventLexicon) -> int | None:
    anchor = p
    h = tree.head(p)
    if h is not None and tree.lemma(h) in lex.posts and tree.rel(p) == "nmod":
        anchor = h  # 'на пост министра'
    v = tree.head(anchor)
    # The post is what the verb gives or takes ('назначен послом', 'ушёл с поста'), never its
    # subject: 'президент покинул зал' is no resignation.
    if v is None or tree.pos(v) not in VERBAL or tree.rel(anchor) not in LINKED_RELS:
        return None
    return v


def _workplace(article: Article, role: str, m: Mention | None) -> Argument | None:
    return None if m is None else to_argument(article, role, m)


def occupation_record(
    article: Article,
    tree: Tree,
    p: int,
    tokens: list[int],
    person: Mention,
    workplaces: list[Mention],
    lex: EventLexicon,
) -> Occupation:
    """The record of the position headed by p over `tokens`, held by `person`; the first ORG of
    `workplaces` is its organization, the first LOC its place."""
    start, end = tree.span(tokens[0], tokens[-1])
    name = position_name(tree, tokens, p)
    name = name[len(EX) :] if name.lower().startswith(EX) else name
    org = next((m for m in workplaces if m.label == ORG), None)
    place = next((m for m in workplaces if m.label == LOC), None)
    return Occupation(
        -1,
        tree.idx,
        start,
        end,
        name,
        to_argument(article, PERSON, person),
        _workplace(article, ORGANIZATION, org),
        _workplace(article, PLACE, place),
        phase_of(tree, p, lex),
    )


def is_position(tree: Tree, p: int, lex: EventLexicon) -> bool:
    """A token the lexicon lists as a position, outside every name."""
    if position_lemma(tree, p, lex) not in lex.positions or tree.pos(p) in VERBAL:
        return False
    m = tree.mention_at[p]
    return m is None or m.label not in (PER, ORG, LOC)  # 'Администрации Президента' is an org


def extract_occupations(article: Article, tree: Tree, lex: EventLexicon) -> list[Occupation]:
    records: list[Occupation] = []
    # The 'министра' of 'заместителя министра' is part of a phrase, not a record.
    inside: set[int] = set()
    for p in range(len(tree)):
        if p in inside or not is_position(tree, p, lex):
            continue
        person = holder(tree, p, lex)
        if person is None:
            continue
        tokens, workplace = position_phrase(tree, p, lex)
        inside.update(tokens)
        workplaces = [workplace] if workplace is not None else []
        records.append(occupation_record(article, tree, p, tokens, person, workplaces, lex))
    return records
