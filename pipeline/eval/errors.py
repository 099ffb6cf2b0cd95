"""What went wrong, counted by kind, so the next quality work has targets.

Each prediction or gold span that is not an exact match is one error of one
kind: `wrong type` (a prediction on a gold span, or overlapping one, with
another label), `wrong boundary` (overlapping a gold span of its label),
`spurious` (no gold span under it) or `missed` (gold nobody predicted or
overlapped). Kinds are refined by label and by a detail (`prediction
longer`, `starts lowercase`) that suggests the fix.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from rusnews.eval.conventions import Span
from rusnews.eval.gold import GoldDoc

MISSED = "missed"
SPURIOUS = "spurious"
WRONG_TYPE = "wrong type"
WRONG_BOUNDARY = "wrong boundary"
TOP_KINDS = 20
EXAMPLES = 5


@dataclass(slots=True)
class ErrorKind:
    kind: str
    label: str
    detail: str
    count: int = 0
    # surface text (gold → predicted for two-sided errors) -> how often, and a doc
    texts: Counter[str] = field(default_factory=Counter)
    docs: dict[str, str] = field(default_factory=dict)

    def as_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "label": self.label,
            "detail": self.detail,
            "count": self.count,
            "examples": [
                {"text": text, "count": count, "doc_id": self.docs[text]}
                for text, count in self.texts.most_common(EXAMPLES)
            ],
        }


def _overlaps(a: Span, b: Span) -> bool:
    return a[1] < b[2] and b[1] < a[2]


def shape(text: str) -> str:
    """A coarse look of a span, the usual reason a tagger misses it."""
    letters = [char for char in text if char.isalpha()]
    if not letters:
        return "no letters"
    if text[0] in "«„“\"'":
        return "starts with a quote"
    if letters[0].islower():
        return "starts lowercase"
    if len(letters) > 1 and all(char.isupper() for char in letters):
        return "all caps"
    return "one word" if len(text.split()) == 1 else "several words"


def boundary_detail(gold: Span, pred: Span) -> str:
    if pred[1] <= gold[1] and gold[2] <= pred[2]:
        return "prediction longer"
    if gold[1] <= pred[1] and pred[2] <= gold[2]:
        return "prediction shorter"
    return "prediction shifted"


def classify(
    gold: Sequence[Span], pred: Sequence[Span]
) -> list[tuple[str, str, str, Span | None, Span | None]]:
    """(kind, label, detail, gold span, predicted span) for one document."""
    gold_left = sorted(set(gold) - set(pred), key=lambda span: (span[1], span[2]))
    pred_left = sorted(set(pred) - set(gold), key=lambda span: (span[1], span[2]))
    used: set[Span] = set()
    found: list[tuple[str, str, str, Span | None, Span | None]] = []
    for span in pred_left:
        candidates = [g for g in gold_left if g not in used and _overlaps(g, span)]
        same_extent = [g for g in candidates if g[1:] == span[1:]]
        same_label = [g for g in candidates if g[0] == span[0]]
        if same_extent:
            g = same_extent[0]
            found.append((WRONG_TYPE, f"{g[0]}→{span[0]}", "same span", g, span))
        elif same_label:
            g = same_label[0]
            found.append((WRONG_BOUNDARY, span[0], boundary_detail(g, span), g, span))
        elif candidates:
            g = candidates[0]
            found.append((WRONG_TYPE, f"{g[0]}→{span[0]}", boundary_detail(g, span), g, span))
        else:
            found.append((SPURIOUS, span[0], "", None, span))
            continue
        used.add(g)
    for g in gold_left:
        if g not in used:
            found.append((MISSED, g[0], "", g, None))
    return found


def analyze(
    docs: Sequence[GoldDoc], gold: Sequence[Sequence[Span]], pred: Sequence[Sequence[Span]]
) -> dict[str, object]:
    """Error totals by kind, and the most frequent refined kinds with example texts."""
    kinds: dict[tuple[str, str, str], ErrorKind] = {}
    totals: Counter[str] = Counter()
    for doc, gold_doc, pred_doc in zip(docs, gold, pred, strict=True):
        for kind, label, detail, g, p in classify(gold_doc, pred_doc):
            if kind in (MISSED, SPURIOUS):
                span = g or p
                assert span is not None
                text = doc.text[span[1] : span[2]]
                detail = shape(text)
            else:
                assert g is not None and p is not None
                text = f"{doc.text[g[1] : g[2]]} → {doc.text[p[1] : p[2]]}"
            text = " ".join(text.split())
            key = (kind, label, detail)
            entry = kinds.get(key)
            if entry is None:
                entry = kinds[key] = ErrorKind(kind, label, detail)
            entry.count += 1
            entry.texts[text] += 1
            entry.docs.setdefault(text, doc.doc_id)
            totals[kind] += 1
    ranked = sorted(
        kinds.values(), key=lambda entry: (-entry.count, entry.kind, entry.label, entry.detail)
    )
    return {
        "totals": {kind: totals[kind] for kind in (MISSED, SPURIOUS, WRONG_TYPE, WRONG_BOUNDARY)},
        "top": [entry.as_dict() for entry in ranked[:TOP_KINDS]],
    }
