"""Entity linking against NEREL's Wikidata links.

The targets are the gold PER/ORG/LOC spans (NEREL types mapped as for NER) linked to an
item (`Wikidata:NULL` is no target). A target is found when a predicted name mention
has its span, or its core's or extent's bounds (`МИД` of `МИД России`); its predicted
item is that mention's entity's `wikidata`. Precision is over the found targets that got
an item, recall over all targets; `in_kb` repeats recall for the targets whose item the
knowledge tables hold, i.e. an item NEREL train links a name to (rusnews.kb).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from rusnews.eval.conventions import NEREL_TYPES
from rusnews.eval.gold import GoldDoc
from rusnews.model import LOC, ORG, PER, Article, Mention

LABELS = (PER, ORG, LOC)
ALL = "all"
MAX_EXAMPLES = 20


def _by_bounds(article: Article) -> dict[tuple[int, int], Mention]:
    found: dict[tuple[int, int], Mention] = {}
    names = [m for m in article.mentions if m.label in LABELS and m.entity_id is not None]
    for m in names:
        found.setdefault((m.start, m.end), m)
    for m in names:
        for bounds in ((m.core_start, m.core_end), (m.extent_start, m.extent_end)):
            if bounds[0] >= 0:
                found.setdefault(bounds, m)
    return found


def _ratio(a: int, b: int) -> float | None:
    return a / b if b else None


def kb_items() -> frozenset[str]:
    from rusnews.kb.tables import COLUMNS, ITEMS, KB_DIR
    from rusnews.lexicon import read_lexicon

    return frozenset(row[0] for row in read_lexicon(KB_DIR / ITEMS, COLUMNS[ITEMS]))


def score_linking(
    docs: Sequence[GoldDoc], articles: Sequence[Article], known: frozenset[str] | None = None
) -> dict | None:
    """Precision, recall and recall among the items the tables hold, per label and in all;
    None when the gold links nothing."""
    known = kb_items() if known is None else known
    by_id = {a.article_id: a for a in articles}
    counts: dict[str, Counter] = {label: Counter() for label in (*LABELS, ALL)}
    wrong: list[dict[str, str | None]] = []
    for doc in docs:
        article = by_id.get(doc.doc_id)
        bounds = _by_bounds(article) if article is not None else {}
        for span in doc.spans:
            label = NEREL_TYPES.get(span.label)
            if label not in LABELS or span.wikidata is None:
                continue
            mention = bounds.get((span.start, span.end))
            item = None
            if mention is not None and article is not None:
                item = article.entities[mention.entity_id].wikidata
            for key in (label, ALL):
                c = counts[key]
                c["targets"] += 1
                c["in_kb"] += span.wikidata in known
                c["found"] += mention is not None
                c["predicted"] += item is not None
                c["correct"] += item == span.wikidata
                c["correct_in_kb"] += item == span.wikidata and span.wikidata in known
            if item is not None and item != span.wikidata and len(wrong) < MAX_EXAMPLES:
                wrong.append(
                    {"doc": doc.doc_id, "text": span.text, "gold": span.wikidata, "predicted": item}
                )
    if not counts[ALL]["targets"]:
        return None
    return {
        "description": "Wikidata ids of gold PER/ORG/LOC spans linked by NEREL, found as a "
        "mention (span, core or extent bounds); in_kb_recall over the targets whose item the "
        "knowledge tables hold (NEREL train's)",
        "scores": {
            key: {
                "targets": c["targets"],
                "found": c["found"],
                "predicted": c["predicted"],
                "correct": c["correct"],
                "precision": _ratio(c["correct"], c["predicted"]),
                "recall": _ratio(c["correct"], c["targets"]),
                "in_kb_targets": c["in_kb"],
                "in_kb_recall": _ratio(c["correct_in_kb"], c["in_kb"]),
            }
            for key, c in counts.items()
        },
        "wrong": wrong,
    }


def linking_rows(report: dict) -> tuple[list[str], list[list[str]]]:
    """The linking scores as table rows: one per label, then all."""

    def cell(value: float | None) -> str:
        return "-" if value is None else f"{value:.3f}"

    header = ["label", "targets", "found", "predicted", "correct", "P", "R", "in KB", "R in KB"]
    rows = [
        [
            label,
            str(s["targets"]),
            str(s["found"]),
            str(s["predicted"]),
            str(s["correct"]),
            cell(s["precision"]),
            cell(s["recall"]),
            str(s["in_kb_targets"]),
            cell(s["in_kb_recall"]),
        ]
        for label, s in report["linking"]["scores"].items()
    ]
    return header, rows
