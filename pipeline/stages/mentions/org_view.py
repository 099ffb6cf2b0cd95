"""What the organization rules look at: one sentence's tokens and name mentions, and the
body nouns of `models/gazetteers/org_heads.tsv`.

Both rule families (`org_extensions.py`, `org_finders.py`) read a sentence
through a `View`, by token index; the owner of a body (`правительство
Японии`, `совет директоров «Газпрома»`) is found the same way by both.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rusnews.lexicon import read_lexicon, read_word_classes
from rusnews.model import LOC, ORG, Article, Mention, Sentence, Token
from rusnews.morphology import lemma_key
from rusnews.resources import MODELS_DIR
from rusnews.text import CLOSING_QUOTES, OPENING_QUOTES

OWNER, BARE, COMPLEMENT, GENITIVE = "owner", "bare", "по", "gen"
# A person as owner (`правительство Медведева`) is left out: the Naeval
# convention scores the person, and it cost .005 PER there for +.003 on NEREL.
OWNER_LABELS = (LOC, ORG)


GAZETTEERS = MODELS_DIR / "gazetteers"


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


def is_place_adjective(token: Token, sentence_start: bool = False) -> bool:
    """`японский`, `российский`, `московский`: an adjective made from a place
    name, lowercase unless it opens the sentence."""
    word = lemma_key(token)
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

    def make(self, first: int, last: int, source: str, sentence_idx: int) -> Mention:
        start, end = self.tokens[first].start, self.tokens[last].end
        return Mention(start, end, self.article.text[start:end], ORG, sentence_idx, source=source)


def owner_end(
    view: View, first: int, last: int, labels: tuple[str, ...] | None = None
) -> int | None:
    """Last token of the owner in the genitive right after tokens first..last, or None."""
    owner = view.mention_starting(last + 1)
    if owner is None or owner.label not in (labels or view.owner_labels):
        return None
    if view.tokens[last + 1].feats.get("Case") != "Gen" and not owner.text.isupper():
        return None
    return view.span_tokens(owner)[1]


def quoted_owner_end(view: View, last: int) -> int | None:
    """`совет директоров «Газпрома»`: an organization in quotes right after
    token `last` owns the body; its last token, closing quote included."""
    tokens = view.tokens
    i = last + 1
    if i + 1 >= len(tokens) or tokens[i].text not in OPENING_QUOTES:
        return None
    owner = view.mention_starting(i + 1)
    if owner is None or owner.label != ORG:
        return None
    end = view.span_tokens(owner)[1]
    return end + 1 if end + 1 < len(tokens) and tokens[end + 1].text in CLOSING_QUOTES else end
