"""Morphology: slovnet's news morph tagger for POS and features, pymorphy3 lemmas."""

from __future__ import annotations

from functools import lru_cache
from typing import ClassVar

from rusnews import morphology, resources
from rusnews.model import Article
from rusnews.stages.base import MORPH, SENTENCES
from rusnews.stages.slovnet.batching import map_sorted
from rusnews.stages.slovnet.executor import MorphNet

# slovnet speaks Universal Dependencies; pymorphy3 speaks OpenCorpora.
UD_TO_OC = {
    "NOUN": {"NOUN"},
    "PROPN": {"NOUN"},
    "ADJ": {"ADJF", "ADJS", "COMP"},
    "VERB": {"VERB", "INFN", "PRTF", "PRTS", "GRND"},
    "AUX": {"VERB", "INFN"},
    "ADV": {"ADVB", "COMP", "PRED"},
    "NUM": {"NUMR"},
    "PRON": {"NPRO"},
    "DET": {"ADJF", "NPRO"},
    "ADP": {"PREP"},
    "CCONJ": {"CONJ"},
    "SCONJ": {"CONJ"},
    "PART": {"PRCL"},
    "INTJ": {"INTJ"},
}


@lru_cache(maxsize=1 << 17)
def lemmatize(word: str, pos: str | None) -> str:
    """The pymorphy3 normal form whose part of speech agrees with the tagger's. Cached: a
    news text repeats its words (10,492 distinct of 30,930 on factru-dev)."""
    # A lone capital is also an initial to pymorphy3, so only it keeps its case.
    parses = morphology.parse(word.lower() if len(word) > 1 else word)
    if not parses:
        return word.lower()
    wanted = UD_TO_OC.get(pos or "", set())
    for parse in parses:
        if parse.tag.POS in wanted:
            return parse.normal_form
    return parses[0].normal_form


class Morph:
    name: ClassVar[str] = "morph"
    requires: ClassVar[tuple[str, ...]] = (SENTENCES,)
    assigns: ClassVar[tuple[str, ...]] = (MORPH,)

    def __init__(self, tagger=None) -> None:
        self.tagger = tagger or resources.morph_tagger()
        self.model = MorphNet(self.tagger)

    def __call__(self, articles: list[Article]) -> list[Article]:
        sentences = [sent for article in articles for sent in article.sentences]
        words = [[tok.text for tok in sent.tokens] for sent in sentences]
        for sent, tags in zip(sentences, map_sorted(words, self.model, len)):
            for tok, (pos, feats) in zip(sent.tokens, tags):
                tok.pos = pos
                tok.feats = dict(feats)
                tok.lemma = lemmatize(tok.text, pos)
        return articles
