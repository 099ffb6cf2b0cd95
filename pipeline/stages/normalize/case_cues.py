"""Context cues for a person name's case and gender, where slovnet's own tags fail.

Two kinds. A feminine past-tense predicate after the name is a hint (slovnet
reads `представитель ЕС Кая Каллас встретилась` as genitive and masculine): it
is narrow on purpose, the verb must follow the name in the same clause, with
only adverbs and prepositional phrases between them, and the name must not
itself follow a preposition. The words before the name limit its case outright:
a preposition or a phrase like `по словам` (models/normalize/case_governors.tsv),
an item of a list (`• Тору Камикава (Япония)` is a nominative), a full name in
apposition to a position noun in the nominative (`корреспондент Русской службы
«Би-би-си» Фарида Рустамова`; the nouns of models/events/positions.tsv), and no
preposition in the clause at all (the prepositional case needs one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from rusnews.lexicon import read_lexicon
from rusnews.model import Article, Mention, Token
from rusnews.morphology import CASES, NOMN, ud_case
from rusnews.resources import MODELS_DIR
from rusnews.text import CLOSING_QUOTES, OPENING_QUOTES, fold

MAX_GAP = 6
GOVERNORS_PATH = MODELS_DIR / "normalize" / "case_governors.tsv"
# The position nouns of the occupation records: a name right after one is its apposition.
POSITIONS_PATH = MODELS_DIR / "events" / "positions.tsv"
# How many genitive words may stand between a position noun and the name in apposition
# to it (`корреспондент Русской службы «Би-би-си» Фарида Рустамова`).
MAX_APPOSITION_GAP = 8
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


UD_GENDERS = {"Fem": "femn", "Masc": "masc"}
# What stands before a verb that introduces its subject after it: `», – написал Легойда`.
SPEECH_PUNCT = frozenset({",", "–", "—", "-", "»", '"', "“", "”"})


def _nominative(tok: Token, gender: str) -> bool:
    feats = tok.feats
    return (
        tok.pos == "NOUN"
        and feats.get("Case") == "Nom"
        and UD_GENDERS.get(feats.get("Gender", "")) == gender
    )


def _past_singular_gender(tok: Token) -> str | None:
    feats = tok.feats
    if tok.pos not in ("VERB", "AUX") or feats.get("Tense") != "Past":
        return None
    return UD_GENDERS.get(feats.get("Gender", "")) if feats.get("Number") == "Sing" else None


def _inverted_subject(tokens: list[Token], first: int) -> str | None:
    """The name right after a past-tense verb that follows direct speech is its subject:
    `«...», – написал Легойда`, `– сообщила Лобода`."""
    if first < 2 or tokens[first - 2].text not in SPEECH_PUNCT:
        return None
    return _past_singular_gender(tokens[first - 1])


def _verb_after(tokens: list[Token], last: int) -> str | None:
    for i in range(last + 1, min(len(tokens), last + 1 + MAX_GAP)):
        tok = tokens[i]
        if tok.pos in ("VERB", "AUX"):
            gender = _past_singular_gender(tok)
            # `ресурсов Громова была возможность`: the subject follows the verb.
            if gender is None or (i + 1 < len(tokens) and _nominative(tokens[i + 1], gender)):
                return None
            return gender
        if tok.pos not in _SKIPPED_POS:
            return None
        # Another nominative noun between them may be the verb's subject.
        if tok.pos in ("NOUN", "PROPN") and tok.feats.get("Case") == "Nom":
            return None
    return None


@dataclass(frozen=True, slots=True)
class SubjectCue:
    """The name is the subject of a past-tense verb of this gender (masc/femn): so it is a
    nominative of that gender, for sure when slovnet reads it as a nominative too, else
    only likely."""

    gender: str
    sure: bool


def subject_gender(article: Article, mention: Mention) -> SubjectCue | None:
    """What a past-tense predicate the name may be the subject of says, if any."""
    tokens = _sentence_tokens(article, mention)
    inside = [i for i, t in enumerate(tokens) if mention.start <= t.start < mention.end]
    if not inside:
        return None
    first, last = inside[0], inside[-1]
    # A masculine verb is near many names that are not its subject (`на встрече с Игорем
    # Сечиным поздравил`, `– спросил Жириновского Хинштейн`): only a name slovnet itself
    # reads as a nominative is taken for one. A feminine verb after the name is rarer
    # and surer (slovnet reads `Малышева оценила` as his genitive).
    nominative = ud_case(tokens[last]) == NOMN
    if nominative and (inverted := _inverted_subject(tokens, first)):
        return SubjectCue(inverted, True)
    if first > 0 and tokens[first - 1].pos == "ADP":
        return None
    gender = _verb_after(tokens, last)
    if gender is None or (gender != "femn" and not nominative):
        return None
    # `пресс-служба Кадырова заявила`: a noun of the verb's gender before the name is the
    # subject, and the name its genitive.
    for tok in reversed(tokens[max(0, first - MAX_GAP) : first]):
        if tok.pos == "PUNCT":
            break
        if _nominative(tok, gender):
            return None
    return SubjectCue(gender, nominative)


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


@cache
def position_nouns(path: Path = POSITIONS_PATH) -> frozenset[str]:
    return frozenset(
        fold(lemma) for lemma, _kind, _notes in read_lexicon(path, ("lemma", "kind", "notes"))
    )


def _in_genitive(tok: Token) -> bool:
    return tok.pos in ("NOUN", "PROPN", "ADJ", "DET", "NUM") and tok.feats.get("Case") == "Gen"


def _apposition_case(tokens: list[Token], first: int) -> frozenset[str] | None:
    """A full name right after a position noun in the nominative is its apposition, a
    nominative too: `рассказала руководитель олимпиады «Я – профессионал» Валерия
    Касамара`. Between them only the noun's genitive attributes, and what stands inside
    quotes. A lone surname there is as often the position's genitive attribute
    (`представитель Пугачевой`): the caller leaves it out."""
    quoted = False
    for i in range(first - 1, max(-1, first - 1 - MAX_APPOSITION_GAP), -1):
        tok = tokens[i]
        if tok.text in CLOSING_QUOTES and not quoted:
            quoted = True
            continue
        if quoted:
            quoted = tok.text not in OPENING_QUOTES
            continue
        if tok.pos == "NOUN" and fold(tok.lemma or tok.text) in position_nouns():
            # A genitive position is as often the name's own genitive attribute
            # (`адвокат спортсмена Татьяна Стукалова`): only a nominative one tells.
            # A plural one (`кандидату в президенты Андрею Санникову`) is not the name's.
            nominative = ud_case(tok) == NOMN and tok.feats.get("Number") == "Sing"
            return frozenset({NOMN}) if nominative else None
        if not _in_genitive(tok):
            return None
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
    # Initials do not count: `Руководитель центра Э. Чернова` may be his genitive.
    words = sum(tokens[i].text[:1].isupper() and len(tokens[i].text) > 1 for i in inside)
    apposed = _apposition_case(tokens, inside[0]) if words >= 2 else None
    if apposed is not None:
        return apposed
    if _is_list_item(article, mention):
        return frozenset({NOMN})
    if not _preposition_in_clause(tokens, inside[0]):
        return frozenset(CASES) - {LOCT}
    return None
