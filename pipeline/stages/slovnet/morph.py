"""Morphology: slovnet's news morph tagger for POS and features, pymorphy3 lemmas."""

from __future__ import annotations

from functools import lru_cache
from typing import ClassVar

from rusnews import resources
from rusnews.model import Article
from rusnews.stages.base import MORPH, SENTENCES
from rusnews.stages.normalize.person_readings import parse_word
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


@lru_cache(maxsize=200_000)
def lemmatize(word: str, pos: str | None) -> str:
    """The pymorphy3 normal form whose part of speech agrees with the tagger's."""
    # pymorphy3 parses a word as its lowercase form, except a lone capital,
    # which it also reads as an initial; through parse_word's cache the
    # normalize stage finds the names' parses ready.
    parses = parse_word(word.lower()) if len(word) > 1 else resources.morph_analyzer().parse(word)
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
