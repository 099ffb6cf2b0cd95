"""A read-only view of one parsed sentence: heads, children and the mentions over its tokens.

Token positions here are 0-based indices into `Sentence.tokens`; `Token.head`
stays 1-based as the model defines it. Which mention covers a token is derived
from character offsets, never stored on the token.
"""

from __future__ import annotations

from rusnews.model import Article, Mention, Sentence, Token
from rusnews.morphology import lemma_key

NOMINAL = {"NOUN", "PROPN", "PRON"}
VERBAL = {"VERB", "AUX"}


def sentence_mentions(article: Article) -> list[list[Mention]]:
    """Mentions of each sentence, by offsets (a mention belongs where it starts)."""
    grouped: list[list[Mention]] = [[] for _ in article.sentences]
    for m in article.mentions:
        idx = article.sentence_of(m.start)
        if idx >= 0:
            grouped[idx].append(m)
    return grouped


class Tree:
    def __init__(self, sentence: Sentence, sentence_idx: int, mentions: list[Mention]) -> None:
        self.sentence = sentence
        self.idx = sentence_idx
        self.tokens: list[Token] = sentence.tokens
        n = len(self.tokens)
        self.heads = [(t.head or 0) - 1 for t in self.tokens]
        self.children: list[list[int]] = [[] for _ in range(n)]
        for i, h in enumerate(self.heads):
            if 0 <= h < n:
                self.children[h].append(i)
        self.mentions = mentions
        # Folded once: the rules and the learned features ask for lemmas many times over.
        self.lemmas = [lemma_key(t) for t in self.tokens]
        # The longest mention over each token: nested names resolve to the outer one.
        self.mention_at: list[Mention | None] = [None] * n
        for m in sorted(mentions, key=lambda m: m.end - m.start):
            for i, tok in enumerate(self.tokens):
                if tok.start < m.end and m.start < tok.end:
                    self.mention_at[i] = m

    @staticmethod
    def parsed(sentence: Sentence) -> bool:
        return bool(sentence.tokens) and all(t.head is not None for t in sentence.tokens)

    def __len__(self) -> int:
        return len(self.tokens)

    def lemma(self, i: int) -> str:
        return self.lemmas[i]

    def pos(self, i: int) -> str:
        return self.tokens[i].pos or ""

    def rel(self, i: int) -> str:
        return self.tokens[i].rel or ""

    def feat(self, i: int, name: str) -> str | None:
        return self.tokens[i].feats.get(name)

    def head(self, i: int) -> int | None:
        h = self.heads[i]
        return h if 0 <= h < len(self.tokens) else None

    def kids(self, i: int, *rels: str) -> list[int]:
        """Children of token i, optionally only those whose relation (or its base) is in rels."""
        if not rels:
            return list(self.children[i])
        return [
            c for c in self.children[i] if self.rel(c) in rels or self.rel(c).split(":")[0] in rels
        ]

    def preposition(self, i: int) -> str | None:
        """The preposition marking token i ('в Брюсселе' -> 'в'; 'в ходе заседания' -> 'в ход')."""
        for c in self.children[i]:
            if self.rel(c) == "case":
                return " ".join([self.lemma(c), *(self.lemma(f) for f in self.kids(c, "fixed"))])
        return None

    def ancestors(self, i: int) -> list[int]:
        out, seen = [], {i}
        h = self.head(i)
        while h is not None and h not in seen:
            out.append(h)
            seen.add(h)
            h = self.head(h)
        return out

    def mention_head(self, m: Mention) -> int | None:
        """The token of a mention whose head lies outside it: the mention's syntactic head."""
        inside = [i for i, t in enumerate(self.tokens) if t.start < m.end and m.start < t.end]
        for i in inside:
            if self.head(i) not in inside:
                return i
        return inside[0] if inside else None

    def span(self, first: int, last: int) -> tuple[int, int]:
        return self.tokens[first].start, self.tokens[last].end
