"""Context cues for a person name's case and gender, where slovnet's own tags fail.

Two kinds. A feminine past-tense predicate after the name is a hint (slovnet
reads `представитель ЕС Кая Каллас встретилась` as genitive and masculine): it
is narrow on purpose, the verb must follow the name in the same clause, with
only adverbs and prepositional phrases between them, and the name must not
itself follow a preposition. The words before the name limit its case outright:
a preposition or a phrase like `по словам` (models/normalize/case_governors.tsv),
an item of a list (`• Тору Камикава (Япония)` is a nominative), and no
preposition in the clause at all (the prepositional case needs one).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from rusnews.lexicon import read_lexicon
from rusnews.model import Article, Mention, Token
from rusnews.morphology import CASES, NOMN
from rusnews.resources import MODELS_DIR
from rusnews.text import fold

MAX_GAP = 6
GOVERNORS_PATH = MODELS_DIR / "normalize" / "case_governors.tsv"
LOCT = "loct"
# A bullet or an item number right before the name, on its line: `• `, `3. `, `2) `.
LIST_ITEM_BEFORE = re.compile(r"(?:^|\s)(?:[•·▪●*]|\d{1,3}[.)])[ \t]*$")
# ... and after it, what such lists put after a name: `(Япония)`, `— 6,69 %`, the line's end.
LIST_ITEM_AFTER = re.compile(r"^[ \t]*(?:\(|[—–-]|\n|$)")
# Where a clause ends, looking back from the name for its preposition.
CLAUSE_PUNCT = frozenset(",;:()—–.!?")
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
    for tok in reversed(tokens[max(0, first - MAX_GAP) : first]):
        if tok.pos == "PUNCT":
            break
        if _feminine_nominative(tok):
            return None
    for i in range(last + 1, min(len(tokens), last + 1 + MAX_GAP)):
        tok = tokens[i]
        if tok.pos in ("VERB", "AUX"):
            feats = tok.feats
            if (
                feats.get("Tense") != "Past"
                or feats.get("Number") != "Sing"
                or feats.get("Gender") != "Fem"
            ):
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
    return [
        Token(t.start, t.end, t.text, t.pos, {**t.feats, **feats}, t.lemma, t.head, t.rel)
        for t in tokens
    ]


# ---- cases the words before a name allow ----


@cache
def governing_words(path: Path = GOVERNORS_PATH) -> dict[tuple[str, ...], frozenset[str]]:
    """Preposition or phrase (as lowercase words) -> the cases a name after it can be in."""
    return {
        tuple(fold(words).split()): frozenset(cases.split(","))
        for words, cases in read_lexicon(path, ("words", "cases"))
    }


def _governed_cases(tokens: list[Token], first: int) -> frozenset[str] | None:
    table = governing_words()
    longest = max(len(key) for key in table)
    for n in range(min(longest, first), 0, -1):
        words = tuple(fold(tok.text) for tok in tokens[first - n : first])
        # A lone word must be a preposition here (`у` may be a letter, `о` an interjection).
        if words in table and (n > 1 or tokens[first - 1].pos == "ADP"):
            return table[words]
    return None


def _is_list_item(article: Article, mention: Mention) -> bool:
    # Only the last 12 characters matter: a search back to the line's start
    # would cross a whole article written on one line, for every name in it.
    window = max(0, mention.start - 12)
    line_start = article.text.rfind("\n", window, mention.start) + 1
    before = article.text[max(line_start, window) : mention.start]
    after = article.text[mention.end : mention.end + 4]
    return bool(LIST_ITEM_BEFORE.search(before) and LIST_ITEM_AFTER.match(after))


def _preposition_in_clause(tokens: list[Token], first: int) -> bool:
    for tok in reversed(tokens[:first]):
        if tok.pos == "ADP":
            return True
        if tok.text in CLAUSE_PUNCT or tok.pos in ("VERB", "AUX"):
            return False
    return False


def allowed_cases(article: Article, mention: Mention) -> frozenset[str] | None:
    """The cases the words before a name leave it, or None when they say nothing."""
    tokens = _sentence_tokens(article, mention)
    inside = [i for i, t in enumerate(tokens) if mention.start <= t.start < mention.end]
    if not inside:
        return None
    governed = _governed_cases(tokens, inside[0])
    if governed is not None:
        return governed
    if _is_list_item(article, mention):
        return frozenset({NOMN})
    if not _preposition_in_clause(tokens, inside[0]):
        return frozenset(CASES) - {LOCT}
    return None
