"""Organization phrases: names the tagger cut short, and bodies named by a common noun.

Two rule families, each an ordered list of small named functions with a
debug mode (`OrgPhrases(debug=True)` fills `fired`):

- extension rules grow an ORG mention over what the gold corpora count as
  part of the name: a place adjective before it (`японского МИДа`), a
  `по`/`при` complement after a body noun (`Европейского суда по правам
  человека`) and its owner (`Верховный суд Испании`, the place stays a
  mention of its own inside);
- finding rules make an ORG of a common noun that names a body
  (`правительство Японии`, `министерство обороны`, `военная полиция`).

The words that can head such phrases live in `models/gazetteers/org_heads.tsv`.
The phrases are read from morphology (case, part of speech), not from the
dependency parse, which the pipeline runs only on sentences that can hold a
record.

The two gold corpora disagree about some of these phrases: NEREL and
factRuEval's whole objects count `правительство Японии` and
`Конгресса США` as organizations, while the Naeval convention on factRuEval
scores only name spans (`Японии` as a place). Which rules run is therefore a
choice, made in `DEFAULT_EXTENSIONS` and `DEFAULT_FINDERS` with the
measurements beside them.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import ClassVar

from rusnews.lexicon import read_lexicon, read_word_classes
from rusnews.model import LOC, ORG, PER, Article, Mention, Sentence, Token
from rusnews.overlaps import Overlaps
from rusnews.resources import MODELS_DIR
from rusnews.stages.base import MENTIONS, MORPH, NAMES, SENTENCES, RuleFamily

GAZETTEERS = MODELS_DIR / "gazetteers"
OWNER, BARE, COMPLEMENT, GENITIVE = "owner", "bare", "по", "gen"
# A person as owner (`правительство Медведева`) is left out: the Naeval
# convention scores the person, and it cost .005 PER there for +.003 on NEREL.
OWNER_LABELS = (LOC, ORG)
OPENING_QUOTES = '«„“"'
CLOSING_QUOTES = '»“”"'
_COMPLEMENT_POS = {"NOUN", "PROPN", "ADJ", "NUM", "DET"}


@dataclass(frozen=True, slots=True)
class OrgLexicon:
    """What the rules know about words: the body nouns and the kinds of phrase each
    heads (owner, bare, по, gen), and the small word classes of `word_classes.tsv`."""

    heads: dict[str, frozenset[str]]
    not_naming: frozenset[str]
    complement_prepositions: frozenset[str]
    complement_glue: frozenset[str]


def read_org_lexicon(folder: Path = GAZETTEERS) -> OrgLexicon:
    heads = {
        lemma: frozenset(kinds.split())
        for lemma, kinds in read_lexicon(folder / "org_heads.tsv", ("lemma", "kinds"))
    }
    classes = read_word_classes(
        folder / "word_classes.tsv", ("not_naming", "complement_prepositions", "complement_glue")
    )
    return OrgLexicon(
        heads,
        classes["not_naming"],
        classes["complement_prepositions"],
        classes["complement_glue"],
    )


@lru_cache(maxsize=1)
def org_lexicon() -> OrgLexicon:
    """The lexicon in `models/`, read once per process."""
    return read_org_lexicon()


def is_acronym(text: str) -> bool:
    return len(text) > 1 and text.isupper() and text.isalpha()


def lemma(token: Token) -> str:
    return (token.lemma or token.text).casefold().replace("ё", "е")


def is_place_adjective(token: Token, sentence_start: bool = False) -> bool:
    """`японский`, `российский`, `московский`: an adjective made from a place
    name, lowercase unless it opens the sentence."""
    word = lemma(token)
    return (
        token.pos == "ADJ"
        and (token.text[:1].islower() or sentence_start)
        and word.endswith(("ский", "цкий"))
        and not word.endswith(("ческий", "ельский"))
    )


@dataclass(slots=True)
class View:
    """One sentence's tokens and the name mentions over them, by token index."""

    article: Article
    sentence: Sentence
    mentions: list[Mention]
    owner_labels: tuple[str, ...] = OWNER_LABELS
    lexicon: OrgLexicon = field(default_factory=lambda: org_lexicon())

    @property
    def tokens(self) -> list[Token]:
        return self.sentence.tokens

    def span_tokens(self, m: Mention) -> tuple[int, int]:
        """First and last token index of a mention."""
        inside = [i for i, t in enumerate(self.tokens) if t.start < m.end and m.start < t.end]
        return inside[0], inside[-1]

    def mention_starting(self, i: int) -> Mention | None:
        if i >= len(self.tokens):
            return None
        start = self.tokens[i].start
        found = [m for m in self.mentions if m.start == start]
        return max(found, key=lambda m: m.end) if found else None

    def covered(self, i: int) -> Mention | None:
        tok = self.tokens[i]
        for m in self.mentions:
            if m.start < tok.end and tok.start < m.end:
                return m
        return None

    def adjacent(self, a: int, b: int) -> bool:
        """Tokens a and b (a < b) stand next to each other on one line."""
        gap = self.article.text[self.tokens[a].end : self.tokens[b].start]
        return "\n" not in gap and not gap.strip()

    def make(self, first: int, last: int, source: str, sentence_idx: int) -> Mention:
        start, end = self.tokens[first].start, self.tokens[last].end
        return Mention(start, end, self.article.text[start:end], ORG, sentence_idx, source=source)


# An extension rule returns the new (first, last) token bounds of an ORG, or None.
Extension = Callable[[View, int, int], tuple[int, int] | None]


def extend_place_adjective(view: View, first: int, last: int) -> tuple[int, int] | None:
    """`японского МИДа`, `российском министерстве финансов`: factRuEval's name
    spans and NEREL both take a place adjective into the organization."""
    i = first - 1
    if (
        i >= 0
        and is_place_adjective(view.tokens[i], i == 0)
        and view.adjacent(i, first)
        and view.covered(i) is None
    ):
        return i, last
    # `московского «Центра»`: the adjective stands before the quoted name, which closes.
    tokens = view.tokens
    if (
        i >= 1
        and tokens[i].text in OPENING_QUOTES
        and last + 1 < len(tokens)
        and tokens[last + 1].text in CLOSING_QUOTES
        and is_place_adjective(tokens[i - 1], i == 1)
        and view.covered(i - 1) is None
    ):
        return i - 1, last + 1
    return None


def complement_end(view: View, i: int) -> int | None:
    """Last token of a `по`/`при` complement starting at token i, or None."""
    tokens = view.tokens
    if (
        i >= len(tokens)
        or lemma(tokens[i]) not in view.lexicon.complement_prepositions
        or not tokens[i].text.islower()
    ):
        return None
    end = None
    j = i + 1
    while j < len(tokens) and view.adjacent(j - 1, j):
        tok = tokens[j]
        other = view.covered(j)
        if other is not None and other.label == PER:
            break
        if tok.pos in _COMPLEMENT_POS or other is not None:
            end = j
        elif lemma(tok) not in view.lexicon.complement_glue:
            break
        j += 1
    return end


def extend_complement(view: View, first: int, last: int) -> tuple[int, int] | None:
    """`Европейского суда по правам человека`, `Следственного комитета при
    прокуратуре`: a body noun's complement is part of its name in both corpora."""
    heads = view.lexicon.heads
    nouns = [
        i for i in range(first, last + 1) if COMPLEMENT in heads.get(lemma(view.tokens[i]), ())
    ]
    if not nouns:
        return None
    # `представителя Европейского союза по Центральной Азии`, `директората
    # Европейской комиссии по вопросам миграции`: after a noun the name is
    # that noun's dependent, and a `по` complement may well be the noun's own
    # (`при` is not: `представитель Следственного комитета при прокуратуре`).
    after_noun = (
        first > 0
        and view.tokens[first - 1].pos == "NOUN"
        and view.covered(first - 1) is None
        and view.tokens[first].feats.get("Case") == "Gen"
    )
    if after_noun and last + 1 < len(view.tokens) and lemma(view.tokens[last + 1]) == "по":
        return None
    end = complement_end(view, last + 1)
    return (first, end) if end is not None else None


def _owner_end(
    view: View, first: int, last: int, labels: tuple[str, ...] | None = None
) -> int | None:
    """Last token of the owner in the genitive right after tokens first..last, or None."""
    owner = view.mention_starting(last + 1)
    if (
        owner is None
        or owner.label not in (labels or view.owner_labels)
        or not view.adjacent(last, last + 1)
    ):
        return None
    if view.tokens[last + 1].feats.get("Case") != "Gen" and not owner.text.isupper():
        return None
    return view.span_tokens(owner)[1]


def _quoted_owner_end(view: View, last: int) -> int | None:
    """`совет директоров «Газпрома»`: an organization in quotes right after
    token `last` owns the body; its last token, closing quote included."""
    tokens = view.tokens
    i = last + 1
    if i + 1 >= len(tokens) or tokens[i].text not in OPENING_QUOTES or not view.adjacent(last, i):
        return None
    owner = view.mention_starting(i + 1)
    if owner is None or owner.label != ORG:
        return None
    end = view.span_tokens(owner)[1]
    return end + 1 if end + 1 < len(tokens) and tokens[end + 1].text in CLOSING_QUOTES else end


def extend_owner(view: View, first: int, last: int) -> tuple[int, int] | None:
    """`Верховный суд Испании`, `Правительство Медведева`: the owner in the
    genitive right after the name (NEREL and factRuEval objects; not Naeval)."""
    if first == last and is_acronym(view.tokens[first].text):
        return None  # `МИД РК`: the acronym is the entity's name (it links to its expansion)
    end = _owner_end(view, first, last)
    return (first, end) if end is not None else None


def extend_acronym_owner(view: View, first: int, last: int) -> tuple[int, int] | None:
    """`МИД России`, `ФСБ РФ`, `ВВС США`: NEREL spans an acronym with its
    owner as one organization, where factRuEval keeps the acronym alone."""
    if first != last or not is_acronym(view.tokens[first].text):
        return None
    end = _owner_end(view, first, last)
    return (first, end) if end is not None else None


# A finding rule looks at a body noun at token i (not inside any name) and
# returns the bounds of the organization it heads, or None.
Finder = Callable[[View, int], tuple[int, int] | None]


def _with_adjectives(view: View, i: int) -> int:
    first = i
    while (
        first > 0
        and is_place_adjective(view.tokens[first - 1], first == 1)
        and view.covered(first - 1) is None
    ):
        first -= 1
    return first


def _with_modifiers(view: View, i: int) -> int:
    """First token of a body noun with the adjectives that name its kind:
    `военной полиции`, `коалиционное правительство`, `генеральную прокуратуру`
    (NEREL spans them), place adjectives included."""
    head = view.tokens[i]
    first = i
    while first > 0 and view.covered(first - 1) is None and view.adjacent(first - 1, first):
        tok = view.tokens[first - 1]
        if not (
            is_place_adjective(tok, first == 1)
            or (
                tok.pos == "ADJ"
                and (tok.text[:1].islower() or first == 1)
                and tok.feats.get("Case") == head.feats.get("Case")
                and lemma(tok) not in view.lexicon.not_naming
            )
        ):
            break
        first -= 1
    return first


def find_owned_body(view: View, i: int) -> tuple[int, int] | None:
    """`правительство Японии`, `полиции Нью-Йорка`, `японское правительство`."""
    if OWNER not in view.lexicon.heads.get(lemma(view.tokens[i]), ()):
        return None
    first = _with_adjectives(view, i)
    owner = view.mention_starting(i + 1)
    # Any name owns a body (`правительство Медведева`), unlike a name's owner above.
    if (
        owner is not None
        and owner.label in (LOC, ORG, PER)
        and view.adjacent(i, i + 1)
        and (view.tokens[i + 1].feats.get("Case") == "Gen" or owner.text.isupper())
    ):
        return _with_modifiers(view, i), view.span_tokens(owner)[1]
    if first < i:
        return first, i
    return None


# What a genitive complement is made of: a noun phrase of lowercase adjectives
# and nouns (`иностранных дел`, `внешнеэкономической деятельности`), short, since
# a longer run of genitives is a chain of dependents rather than a name.
_GENITIVE_POS = {"NOUN", "ADJ"}
_GENITIVE_WORDS = 3


def genitive_end(view: View, i: int) -> int | None:
    """Last token of a genitive noun phrase starting at token i (ending on a noun), or None."""
    end = None
    j = i
    while j < len(view.tokens) and j < i + _GENITIVE_WORDS and view.adjacent(j - 1, j):
        tok = view.tokens[j]
        if (
            tok.pos not in _GENITIVE_POS
            or tok.feats.get("Case") != "Gen"
            or not tok.text[:1].islower()
            or view.covered(j) is not None
        ):
            break
        if tok.pos == "NOUN":
            end = j
        j += 1
    return end


def find_genitive_body(view: View, i: int) -> tuple[int, int] | None:
    """`министерство обороны`, `кабинет министров`, `департамента культуры
    Москвы`: a body noun whose genitive complement names what it runs; NEREL
    takes the complement, and an owner after it, into the organization."""
    if GENITIVE not in view.lexicon.heads.get(lemma(view.tokens[i]), ()):
        return None
    end = genitive_end(view, i + 1)
    if end is None:
        return None
    # Any name owns it (`администрации президента Билла Клинтона`), as in find_owned_body.
    owner = _owner_end(view, i, end, (LOC, ORG, PER)) or _quoted_owner_end(view, end)
    return _with_modifiers(view, i), owner or end


def find_bare_body(view: View, i: int) -> tuple[int, int] | None:
    """`полиция задержала`, `правительство ушло в отставку`: NEREL counts the
    bare noun when it means one body."""
    if BARE not in view.lexicon.heads.get(lemma(view.tokens[i]), ()):
        return None
    return _with_modifiers(view, i), i


EXTENSIONS: dict[str, Extension] = {
    "extend_place_adjective": extend_place_adjective,
    "extend_complement": extend_complement,
    "extend_owner": extend_owner,
    "extend_acronym_owner": extend_acronym_owner,
}
FINDERS: dict[str, Finder] = {
    "find_genitive_body": find_genitive_body,
    "find_owned_body": find_owned_body,
    "find_bare_body": find_bare_body,
}
# Measured on the dev sets: the owner extension lifts factRuEval object micro
# F1 .841 -> .854 and NEREL ORG .643 -> .694 for at most -.005 under Naeval;
# the finders lift NEREL ORG further (to .745 with the `nerel` profile's
# adjectival places) but cost Naeval ORG .04-.05 token F1, so only the `nerel`
# profile (pipeline.default_stages) runs them.
DEFAULT_EXTENSIONS = ("extend_place_adjective", "extend_complement", "extend_owner")
DEFAULT_FINDERS: tuple[str, ...] = ()
# The `nerel` profile: every finder, and acronyms grown over their owner.
# The genitive finder, acronym owners and naming adjectives took NEREL ORG
# exact F1 from .765 to .791 on nerel-train (.746 -> .755 on nerel-dev).
NEREL_EXTENSIONS = (*DEFAULT_EXTENSIONS, "extend_acronym_owner")
NEREL_FINDERS = tuple(FINDERS)


class OrgPhrases(RuleFamily):
    name: ClassVar[str] = "orgs"
    base_requires: ClassVar[tuple[str, ...]] = (SENTENCES, MORPH, NAMES)
    assigns: ClassVar[tuple[str, ...]] = (MENTIONS,)

    def __init__(
        self,
        extensions: tuple[str, ...] = DEFAULT_EXTENSIONS,
        finders: tuple[str, ...] = DEFAULT_FINDERS,
        owner_labels: tuple[str, ...] = OWNER_LABELS,
        debug: bool = False,
        lexicon: OrgLexicon | None = None,
    ) -> None:
        # Growing a name and finding one are two families of rules, each first-wins.
        self.lexicon = lexicon or org_lexicon()
        self.extensions = [(name, EXTENSIONS[name]) for name in extensions]
        self.finders = [(name, FINDERS[name]) for name in finders]
        super().__init__([*self.extensions, *self.finders], debug)
        self.owner_labels = owner_labels

    def extend(self, view: View, m: Mention) -> Mention:
        first, last = view.span_tokens(m)
        for _ in range(4):  # each rule may open the way for another (adjective, then owner)
            decided = self.decide(view, first, last, rules=self.extensions)
            if decided is None:
                break
            rule_name, bounds = decided
            self.note(
                rule_name,
                view.article.text[view.tokens[first].start : view.tokens[last].end],
                view.article.text[view.tokens[bounds[0]].start : view.tokens[bounds[1]].end],
            )
            first, last = bounds
        if (view.tokens[first].start, view.tokens[last].end) == (m.start, m.end):
            return m
        return view.make(first, last, m.source, m.sentence_idx)

    def find(self, view: View, idx: int) -> list[Mention]:
        found: list[Mention] = []
        i = 0
        while i < len(view.tokens):
            if view.covered(i) is not None or lemma(view.tokens[i]) not in view.lexicon.heads:
                i += 1
                continue
            decided = self.decide(view, i, rules=self.finders)
            if decided is not None:
                rule_name, bounds = decided
                m = view.make(*bounds, source="orgs", sentence_idx=idx)
                self.note(rule_name, view.tokens[i].text, m.text)
                found.append(m)
                i = bounds[1]
            i += 1
        return found

    def process(self, article: Article) -> None:
        by_sentence: list[list[Mention]] = [[] for _ in article.sentences]
        starts = [s.start for s in article.sentences]
        for m in article.mentions:
            idx = bisect_right(starts, m.start) - 1
            if idx >= 0:
                by_sentence[idx].append(m)
        out: list[Mention] = []
        for idx, (sentence, mentions) in enumerate(zip(article.sentences, by_sentence)):
            names = [m for m in mentions if m.label != "DATE"]
            view = View(article, sentence, names, self.owner_labels, self.lexicon)
            grown = [
                self.extend(view, m) if m.label == ORG and sentence.tokens else m for m in mentions
            ]
            view.mentions = [m for m in grown if m.label != "DATE"]
            grown += self.find(view, idx) if self.finders else []
            out.extend(grown)
        article.mentions = drop_swallowed(out)

    def __call__(self, articles: list[Article]) -> list[Article]:
        for article in articles:
            self.process(article)
        return articles


def drop_swallowed(mentions: list[Mention]) -> list[Mention]:
    """An ORG that grew over another ORG (`Совета Федерации` inside `комитета
    Совета Федерации по ...`) leaves no copy of it inside; places and persons
    stay, since both corpora count them inside an organization's name."""
    orgs = Overlaps(m for m in mentions if m.label == ORG)
    return [
        m
        for m in mentions
        if not (
            m.label == ORG
            and any(
                o is not m
                and o.start <= m.start
                and m.end <= o.end
                and (o.start, o.end) != (m.start, m.end)
                # One character wider on each side: what holds `m` overlaps this, even if empty.
                for o in orgs.overlapping(m.start - 1, m.end + 1)
            )
        )
    ]
