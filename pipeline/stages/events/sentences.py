"""Which sentences can yield an event, occupation or ownership record: the syntax stage parses
only those.

A record starts from a lemma of the event lexicons (a trigger, a light verb
such as `провести`, or a position such as `министр`) and needs a mention in its
sentence as an argument (an occupation, a person), so parsing the other
sentences would cost time and change nothing; on factRuEval dev 44% of the
sentences are parsed. A sentence with a mention where the learned trigger
detector (`rusnews.stages.events.learned`, which reads no syntax) finds a
trigger the lexicons miss is parsed too, or its learned events would never be
built. The pipeline hands this filter to `ParseSyntax`, which itself knows
nothing of events.
"""

from __future__ import annotations

from rusnews.model import Article, Mention, Sentence
from rusnews.stages.events.learned import TriggerDetector, learned_events
from rusnews.stages.events.lexicon import event_lexicon
from rusnews.stages.events.ownership import ownership_cues
from rusnews.stages.events.pronouns import PRONOUNS
from rusnews.stages.events.statements import STATEMENT
from rusnews.stages.events.tree import Tree, sentence_mentions
from rusnews.text import fold


def can_hold_record(sentence: Sentence, lemmas: frozenset[str]) -> bool:
    return any(tok.lemma is not None and fold(tok.lemma) in lemmas for tok in sentence.tokens)


class RecordSentences:
    """`wanted(article, sentence)`: a sentence with a record lemma and a mention starting in it.

    The sentences holding a mention are found once per article (the syntax
    stage asks about an article's sentences in a row), by bisection.
    """

    def __init__(self, lemmas: frozenset[str] | None = None, learned: bool = True) -> None:
        lex = event_lexicon()
        # As `ExtractEvents.learned`: without the detector only the lexicons say.
        self.learned = learned
        self._detector: TriggerDetector | None = None
        # Ownership cues too: 'принадлежащая', 'доля' are no event or position words.
        self.lemmas = (
            lex.record_lemmas() | frozenset(ownership_cues()) if lemmas is None else lemmas
        )
        # A statement whose speaker is a pronoun (`— …, — сказал он`) names nobody
        # in its sentence, yet the pronoun's antecedent is found through the parse.
        self.speech = frozenset(
            t.lemma for t in lex.triggers.values() if t.event_type == STATEMENT and t.pos == "VERB"
        )
        self._mentions: list[Mention] | None = None
        self._starts: frozenset[int] = frozenset()
        # Sentence start -> (index, its mentions), for the detector's Tree.
        self._grouped: dict[int, tuple[int, list[Mention]]] = {}

    def _mentioned(self, article: Article) -> frozenset[int]:
        """Starts of the sentences a mention starts in, for the article's mentions as they are."""
        if article.mentions is not self._mentions:
            self._mentions = article.mentions
            found = (article.sentence_of(m.start) for m in article.mentions)
            self._starts = frozenset(article.sentences[i].start for i in found if i >= 0)
            self._grouped = {}
        return self._starts

    def _detected(self, article: Article, sentence: Sentence) -> bool:
        if not self.learned:
            return False
        if self._detector is None:  # loaded on first use: it needs the navec vectors
            self._detector = learned_events().detector
            if self._detector is None:
                self.learned = False
                return False
        if not self._grouped:
            self._grouped = {
                s.start: (i, found)
                for i, (s, found) in enumerate(zip(article.sentences, sentence_mentions(article)))
            }
        idx, mentions = self._grouped[sentence.start]
        return bool(self._detector.triggers(Tree(sentence, idx, mentions)))

    def __call__(self, article: Article, sentence: Sentence) -> bool:
        return (
            sentence.start in self._mentioned(article)
            and (can_hold_record(sentence, self.lemmas) or self._detected(article, sentence))
        ) or speaks_through_pronoun(sentence, self.speech)


def speaks_through_pronoun(sentence: Sentence, speech: frozenset[str]) -> bool:
    lemmas = {fold(tok.lemma) for tok in sentence.tokens if tok.lemma is not None}
    return bool(lemmas & speech) and any(p in lemmas for p in PRONOUNS)
