"""How Russian a piece of text reads: the score that picks between Cyrillic encodings.

CP1251 and KOI8-R put the same 66 letters on the same 64 byte values in
different orders, so a file read in the wrong one is still all Cyrillic letters,
just the wrong ones. Two properties of Russian tell them apart even in a short
headline: which letter pairs occur (`ст`, `_п` are common; `йъ` never occurs)
and the case pattern of words (`Путин`, `путин`, `ПУТИН` occur; `пУТИН` does
not). The swapped case of a wrong reading alone is not enough: an all-caps
CP1251 headline read as KOI8-R comes out all lowercase.
"""

from __future__ import annotations

import math
import re
from functools import cache

from rusnews.lexicon import read_lexicon
from rusnews.resources import MODELS_DIR

PAIRS_PATH = MODELS_DIR / "encoding" / "letter_pairs.tsv"
EDGE = "_"
_WORD = re.compile(r"[\u0400-\u04ff]+")
# A word that switches from lower to upper case inside itself (`оСРХМ`) is a
# wrong reading; this much log-share per letter pair is what such a word costs.
_MIXED_CASE_COST = 3.0
# U+FFFD stands for a byte the encoding has no character for.
_REPLACEMENT_COST = 5.0
# Below this mean a text reads like random letters: measured on random words,
# half score lower; Russian text scores about -5.6, and 999 of 1000 ten-letter
# snippets above -8.3.
NOT_RUSSIAN = -10.0


@cache
def _log_shares() -> tuple[dict[str, float], float]:
    counts = {pair: int(count) for pair, count in read_lexicon(PAIRS_PATH, ("pair", "count"))}
    total = sum(counts.values())
    shares = {pair: math.log(n / total) for pair, n in counts.items()}
    # A pair never seen in a billion tokens is rarer than the rarest one seen.
    return shares, min(shares.values()) - 2.0


def russian_score(text: str) -> float | None:
    """Mean log-share per letter pair of the Cyrillic words; None without any."""
    words = _WORD.findall(text)
    if not words:
        return None
    shares, unseen = _log_shares()
    total = n_pairs = mixed = 0.0
    for word in words:
        edged = EDGE + word.casefold() + EDGE
        total += sum(shares.get(edged[i : i + 2], unseen) for i in range(len(word) + 1))
        n_pairs += len(word) + 1
        if _mixed_case(word):
            mixed += len(word) + 1
    penalty = _MIXED_CASE_COST * mixed + _REPLACEMENT_COST * text.count("\ufffd")
    return (total - penalty) / n_pairs


def _mixed_case(word: str) -> bool:
    # Only the first letter may be upper case in a word that is not all upper case.
    return len(word) > 1 and not word[1:].islower() and not word.isupper()
