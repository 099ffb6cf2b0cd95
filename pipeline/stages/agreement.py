"""Context cues for a person name's case and gender, where slovnet's own tags fail.

slovnet reads a name in apposition (`представитель ЕС Кая Каллас встретилась`)
as genitive and masculine; the feminine past-tense verb the name governs says
otherwise. The cue is narrow on purpose: the verb must follow the name in the
same clause, with only adverbs and prepositional phrases between them, and the
name must not itself follow a preposition.
"""

from __future__ import annotations

from pipeline.model import Article, Mention, Token

MAX_GAP = 6
_SKIPPED_POS = {"ADV", "ADP", "ADJ", "NUM", "DET", "NOUN", "PROPN", "PART"}


def _sentence_tokens(article: Article, mention: Mention) -> list[Token]:
    if 0 <= mention.sentence_idx < len(article.sentences):
        return article.sentences[mention.sentence_idx].tokens
    return []


def _feminine_nominative(tok: Token) -> bool:
    return tok.pos == "NOUN" and tok.feats.get("Case") == "Nom" and tok.feats.get("Gender") == "Fem"


def governing_verb_feats(article: Article, mention: Mention) -> dict[str, str] | None:
    """Case and gender a feminine past-tense predicate after the name implies, if any."""
    tokens = _sentence_tokens(article, mention)
    inside = [i for i, t in enumerate(tokens) if mention.start <= t.start < mention.end]
    if not inside:
        return None
    first, last = inside[0], inside[-1]
    if first > 0 and tokens[first - 1].pos == "ADP":
        return None
    # `пресс-служба Кадырова заявила`: a feminine noun before the name is the subject.
    for tok in reversed(tokens[max(0, first - MAX_GAP):first]):
        if tok.pos == "PUNCT":
            break
        if _feminine_nominative(tok):
            return None
    for i in range(last + 1, min(len(tokens), last + 1 + MAX_GAP)):
        tok = tokens[i]
        if tok.pos in ("VERB", "AUX"):
            feats = tok.feats
            if feats.get("Tense") != "Past" or feats.get("Number") != "Sing" or feats.get("Gender") != "Fem":
                return None
            # `ресурсов Громова была возможность`: the subject follows the verb.
            if i + 1 < len(tokens) and _feminine_nominative(tokens[i + 1]):
                return None
            return {"Case": "Nom", "Gender": "Fem"}
        if tok.pos not in _SKIPPED_POS:
            return None
        # Another nominative noun between them may be the verb's subject.
        if tok.pos in ("NOUN", "PROPN") and tok.feats.get("Case") == "Nom":
            return None
    return None


def with_feats(tokens: list[Token], feats: dict[str, str]) -> list[Token]:
    """Copies of the tokens with some features replaced (the article's tokens stay as tagged)."""
    return [Token(t.start, t.end, t.text, t.pos, {**t.feats, **feats}, t.lemma, t.head, t.rel) for t in tokens]
