"""Classes of wrong normal forms, so a report says what kind of work is left.

Each class is a small named test on (text, predicted, gold) folded as the
scorer compares them; the first that holds names the error. Word endings are
told apart by the last few letters only: enough to see `Поклонский` for
`Поклонская` as gender and `Нидерландах` for `Нидерланды` as a word left
inflected, without a morphological analysis of the gold.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from rusnews.text import QUOTES, fold_spaced

# Letters a Russian ending may take; a longer difference is another word.
ENDING = 3
FEMININE_ENDINGS = ("а", "я", "ая", "яя")
MAX_EXAMPLES = 3


def _words(text: str) -> list[str]:
    return fold_spaced("".join(" " if c in QUOTES else c for c in text)).split()


def _stem_pair(a: str, b: str) -> bool:
    common = 0
    for x, y in zip(a, b):
        if x != y:
            break
        common += 1
    return common >= max(len(a), len(b)) - ENDING and common >= 2


def _different(predicted: list[str], gold: list[str]) -> list[tuple[str, str]]:
    return [(p, g) for p, g in zip(predicted, gold) if p != g]


def left_as_written(text: str, predicted: str, gold: str) -> bool:
    return _words(predicted) == _words(text)


def quotes_only(text: str, predicted: str, gold: str) -> bool:
    return _words(predicted) == _words(gold)


def descriptor_dropped(text: str, predicted: str, gold: str) -> bool:
    """`Ведомости` for `газета «Ведомости»`: the prediction is the gold's tail."""
    p, g = _words(predicted), _words(gold)
    return 0 < len(p) < len(g) and g[len(g) - len(p) :] == p


def words_dropped(text: str, predicted: str, gold: str) -> bool:
    return len(_words(predicted)) < len(_words(gold))


def words_added(text: str, predicted: str, gold: str) -> bool:
    return len(_words(predicted)) > len(_words(gold))


def gender(text: str, predicted: str, gold: str) -> bool:
    """`Наталий Поклонский` for `Наталия Поклонская`: one side feminine, the other not."""
    pairs = _different(_words(predicted), _words(gold))
    return bool(pairs) and all(
        _stem_pair(p, g) and (p.endswith(FEMININE_ENDINGS) != g.endswith(FEMININE_ENDINGS))
        for p, g in pairs
    )


def ending(text: str, predicted: str, gold: str) -> bool:
    """The same words with another ending: an oblique case kept, a wrong number."""
    pairs = _different(_words(predicted), _words(gold))
    return bool(pairs) and all(_stem_pair(p, g) for p, g in pairs)


# First that holds wins: the order goes from the plainest explanation to the vaguest.
ERROR_CLASSES: tuple[tuple[str, Callable[[str, str, str], bool]], ...] = (
    ("quotes only", quotes_only),
    ("left as written", left_as_written),
    ("descriptor dropped", descriptor_dropped),
    ("words dropped", words_dropped),
    ("words added", words_added),
    ("gender", gender),
    ("ending", ending),
)
OTHER = "other word"


def classify(text: str, predicted: str | None, gold: str) -> str:
    """The class of one wrong normal form (`predicted` None: no normal form given)."""
    if not predicted:
        return "missing"
    return next((name for name, test in ERROR_CLASSES if test(text, predicted, gold)), OTHER)


def error_classes(wrong: list[tuple[str, str, str | None, str]]) -> list[dict[str, object]]:
    """(label, text, predicted, gold) of every wrong normal form -> classes, most frequent
    first, each with its count, the count per label and a few examples."""
    counts: Counter[str] = Counter()
    by_label: dict[str, Counter[str]] = {}
    examples: dict[str, list[str]] = {}
    for label, text, predicted, gold in wrong:
        name = classify(text, predicted, gold)
        counts[name] += 1
        by_label.setdefault(name, Counter())[label] += 1
        shown = examples.setdefault(name, [])
        if len(shown) < MAX_EXAMPLES:
            shown.append(f"{text} → {predicted or '—'} (gold {gold})")
    return [
        {
            "class": name,
            "count": count,
            "per_type": dict(by_label[name].most_common()),
            "examples": examples[name],
        }
        for name, count in counts.most_common()
    ]
