"""Where the descriptor before an organization's name begins.

News names a body after a common noun that says what kind it is: `партии «Яблоко»`,
`газета «Ведомости»`, `социальной сети Facebook`, `московского отделения движения
«Солидарность»`. The tagger finds the name alone, which is what Naeval, NEREL and
Collection5 count; factRuEval's objects hold the descriptor and the words that
agree with it. So the mention keeps its span and extent, and says where
the descriptor phrase begins (`Mention.descriptor_start`), which the object view
reads (rusnews.views). The descriptors are the
kind nouns of `models/normalize/kind_nouns.tsv`, the list normal forms use.
"""

from __future__ import annotations

from typing import ClassVar

from rusnews.model import ORG, Article, Token
from rusnews.morphology import lemma_key
from rusnews.stages.base import MENTIONS, MORPH, NAMES, SENTENCES
from rusnews.text import OPENING_QUOTES

# What agrees with a descriptor before it: `московского отделения`, `независимого
# еженедельника`, `синодального Отдела` (a participle is a VERB form to the tagger).
MODIFIER_POS = frozenset({"ADJ", "DET"})


def is_modifier(token: Token) -> bool:
    return token.pos in MODIFIER_POS or (
        token.pos == "VERB" and token.feats.get("VerbForm") == "Part"
    )


class OrgDescriptors:
    name: ClassVar[str] = "org_descriptors"
    requires: ClassVar[tuple[str, ...]] = (SENTENCES, MORPH, NAMES)
    assigns: ClassVar[tuple[str, ...]] = (MENTIONS,)

    def __init__(self, kinds: frozenset[str]) -> None:
        # Folded lemmas of the descriptors; the normalize group reads them from its list
        # (rusnews.stages.normalize.descriptors), and the stage sets hand them over.
        self.kinds = kinds

    def descriptor_start(self, tokens: list[Token], first: int) -> int | None:
        """Index of the first token of the descriptor phrase before token `first`, or None.

        The words agreeing with it join it (`независимого еженедельника`), and so does
        another kind noun before it (`сети магазинов «Пятёрочка»`).
        """
        at = first
        if at > 0 and tokens[at - 1].text in OPENING_QUOTES:
            at -= 1
        if at == 0 or lemma_key(tokens[at - 1]) not in self.kinds:
            return None
        at -= 1
        while at > 0 and (
            is_modifier(tokens[at - 1]) or lemma_key(tokens[at - 1]) in self.kinds
        ):
            at -= 1
        return at

    def widen(self, article: Article) -> None:
        layout = article.layout()
        for m in article.mentions:
            if m.label != ORG:
                continue
            start = m.extent_span[0]
            idx = layout.sentence_of(start)
            tokens = article.sentences[idx].tokens if idx >= 0 else []
            first = next((i for i, t in enumerate(tokens) if t.start == start), None)
            if first is None:
                continue
            at = self.descriptor_start(tokens, first)
            if at is None:
                continue
            m.descriptor_start = tokens[at].start

    def __call__(self, articles: list[Article]) -> list[Article]:
        for article in articles:
            self.widen(article)
        return articles
