"""Cross-document identity: are the mentions of one thing in several documents one corpus entity?

Gold is NEREL's Wikidata links (`N` lines of the `.ann` files): two gold
mentions, in two documents, linked to one Wikidata item are one thing. Each
PER/ORG/LOC gold mention is matched to the rusnews mention with its exact
span (or the mention's core or extent: `МИД России` is spanned either way);
over the matched mentions, every pair from two different documents is
scored: gold says same or not (same item), the system says same or not
(same `corpus_entity_id`, or for the baseline the same cross-article `key`).
Precision, recall and F1 of the "same" pairs, counted from the cluster sizes,
never by listing the pairs.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from rusnews.eval.conventions import NEREL_TYPES
from rusnews.eval.gold import GoldDoc, read_lines
from rusnews.model import DATE, Article

NULL = "NULL"


def parse_links(lines: list[str]) -> Iterator[tuple[str, str]]:
    """(T-id, Wikidata id) of the `N` lines that name an item.

    N1\tReference T5 Wikidata:Q813\tКиргизия
    N7\tReference T12 Wikidata:NULL\tпресс-служба      (no item: not gold for identity)
    """
    for line in lines:
        if not line.startswith("N"):
            continue
        fields = line.split("\t")[1].split() if "\t" in line else []
        if len(fields) < 3 or not fields[2].startswith("Wikidata:"):
            continue
        item = fields[2].partition(":")[2]
        if item and item != NULL:
            yield fields[1], item


def load_links(gold: Path, doc_id: str) -> dict[str, str]:
    path = Path(gold) / f"{doc_id}.ann"
    return dict(parse_links(read_lines(path))) if path.exists() else {}


def _spans(mention) -> Iterator[tuple[int, int]]:
    yield mention.start, mention.end
    yield from (mention.core_span, mention.extent_span)


def matched(
    docs: Sequence[GoldDoc], gold: Path, articles: Sequence[Article], corpus_of: dict
) -> list[tuple[str, str, int | None, str | None]]:
    """(document, Wikidata id, corpus_entity_id, key) of every linked gold name a
    rusnews mention has."""
    by_id = {a.article_id: a for a in articles}
    found = []
    for doc in docs:
        article = by_id.get(doc.doc_id)
        links = load_links(gold, doc.doc_id)
        if article is None or not links:
            continue
        at: dict[tuple[int, int], int] = {}
        for kind in range(3):  # own spans first, then cores, then extents
            for idx, mention in enumerate(article.mentions):
                if mention.label != DATE and mention.entity_id is not None:
                    at.setdefault(list(_spans(mention))[kind], idx)
        keys = {e.entity_id: e.key for e in article.entities}
        for span in doc.spans:
            item = links.get(span.span_id or "")
            if item is None or NEREL_TYPES.get(span.label) in (None, DATE):
                continue
            idx = at.get((span.start, span.end))
            if idx is None:
                continue
            entity = article.mentions[idx].entity_id
            found.append((doc.doc_id, item, corpus_of.get((doc.doc_id, entity)), keys.get(entity)))
    return found


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def cross_pairs(items: Iterable[tuple[str, object]]) -> int:
    """Pairs of items of one cluster from two different documents; items: (document, cluster)."""
    items = [(doc, cluster) for doc, cluster in items if cluster is not None]
    clusters = Counter(cluster for _, cluster in items)
    within = Counter(items)
    return sum(map(_pairs, clusters.values())) - sum(map(_pairs, within.values()))


def pairwise(rows: list[tuple[str, str, object]]) -> dict[str, float | int | None]:
    """P/R/F1 of cross-document "same" pairs; rows: (document, gold item, predicted cluster)."""
    gold = cross_pairs((doc, item) for doc, item, _ in rows)
    predicted = cross_pairs((doc, pred) for doc, _, pred in rows)
    right = cross_pairs((doc, (item, pred)) for doc, item, pred in rows if pred is not None)
    precision = right / predicted if predicted else None
    recall = right / gold if gold else None
    f1 = (
        2 * precision * recall / (precision + recall)
        if precision is not None and recall is not None and precision + recall
        else None
    )
    return {"precision": precision, "recall": recall, "f1": f1, "gold_pairs": gold,
            "predicted_pairs": predicted, "right_pairs": right}  # fmt: skip


def score_identity(gold: Path, docs: Sequence[GoldDoc], articles: Sequence[Article]) -> dict | None:
    """The identity scores of a live run (None for gold without Wikidata links)."""
    from rusnews.corpus.resolve import resolve_corpus
    from rusnews.io.tables import tables_of

    tables = tables_of(articles)
    result = resolve_corpus(tables)
    entities = tables["entities"]
    corpus_of = {
        (article, int(entity)): cid
        for article, entity, cid in zip(
            entities["article_id"].tolist(), entities["entity_id"].tolist(), result.entity_ids
        )
    }
    rows = matched(docs, gold, articles, corpus_of)
    if not rows:
        return None
    linked = sum(
        NEREL_TYPES.get(span.label) not in (None, DATE) and span.span_id in links
        for doc in docs
        for links in (load_links(gold, doc.doc_id),)
        for span in doc.spans
    )
    return {
        "linked_gold_mentions": linked,
        "matched": len(rows),
        "items": len({item for _, item, _, _ in rows}),
        "corpus_entity_id": pairwise([(doc, item, cid) for doc, item, cid, _ in rows]),
        "key": pairwise([(doc, item, key) for doc, item, _, key in rows]),
        "corpus_rules": result.stats["rules"],
    }


IDENTITY_TITLE = "cross-document identity (pairs of mentions sharing a Wikidata id)"
IDENTITY_NOTE = (
    "Gold mentions linked to Wikidata, matched to rusnews mentions by span; every pair from "
    "two documents: same item in the gold, same corpus entity (or same `key`) in rusnews."
)


def identity_rows(report: dict) -> tuple[list[str], list[list[str]]]:
    """The report's lines: one per clustering, P / R / F1 and pairs."""
    found = report["identity"]

    def cell(value) -> str:
        return "–" if value is None else f"{value:.3f}"

    header = ["clusters", "P", "R", "F1", "right / predicted / gold pairs"]
    rows = []
    for name in ("corpus_entity_id", "key"):
        s = found[name]
        pairs = f"{s['right_pairs']} / {s['predicted_pairs']} / {s['gold_pairs']}"
        rows.append([name, cell(s["precision"]), cell(s["recall"]), cell(s["f1"]), pairs])
    return header, rows
