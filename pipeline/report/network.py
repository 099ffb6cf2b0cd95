"""Who meets whom: the parties of meetings, negotiations and visits, and how often two of them
take part in one event.

A party is an argument of role agent or participant that names a person, an organization or a
place acting as one (`Казахстан и ЕС провели переговоры`); the place where an event happens
(role location) is no party. One node is one corpus entity where the corpus step resolved one
(`Путин` and `В. Путин` meet nobody twice), else one cross-article key.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations

import pandas as pd
from rusnews.model import LOC, ORG, PER
from rusnews.report.naming import corpus_names, most_frequent_names
from rusnews.stages.events.lexicon import AGENT, MEETING, NEGOTIATION, PARTICIPANT, VISIT

NETWORK_TYPES = (MEETING, NEGOTIATION, VISIT)
PARTY_ROLES = (AGENT, PARTICIPANT)
PARTY_LABELS = (PER, ORG, LOC)
# More nodes than this and their labels no longer fit one chart a reader can follow.
NETWORK_NODES = 30
NETWORK_PAIRS = 12


@dataclass(slots=True)
class Party:
    key: str  # `corpus:ID` or the cross-article key
    name: str
    label: str
    events: int  # events of NETWORK_TYPES it takes part in
    degree: int  # events shared with the others of the chart, summed over its partners


@dataclass(slots=True)
class Pair:
    a: str
    b: str
    events: int
    articles: int


@dataclass(slots=True)
class Network:
    """The parties drawn (most connected first), the pairs among them, and the top pairs."""

    nodes: list[Party] = field(default_factory=list)
    edges: list[Pair] = field(default_factory=list)
    top_pairs: list[Pair] = field(default_factory=list)
    n_events: int = 0  # events of NETWORK_TYPES
    n_joint: int = 0  # of those, events with two parties or more
    n_parties: int = 0  # parties of joint events, before the cut to NETWORK_NODES
    n_pairs: int = 0  # distinct pairs, before the cut
    names: dict[str, str] = field(default_factory=dict)  # node key -> the name shown


def _parties(
    events: pd.DataFrame,
    arguments: pd.DataFrame,
    entities: pd.DataFrame,
    corpus: pd.DataFrame | None,
) -> pd.DataFrame:
    """One row per (event, party): article_id, event_id, node, name, label."""
    kinds = events.loc[events["event_type"].isin(NETWORK_TYPES), ["article_id", "event_id"]]
    args = arguments[arguments["role"].isin(PARTY_ROLES) & arguments["label"].isin(PARTY_LABELS)]
    args = args.merge(kinds, on=["article_id", "event_id"])
    if args.empty:
        return pd.DataFrame(columns=["article_id", "event_id", "node", "name", "label"])
    wanted = ["article_id", "entity_id", "key", "name"]
    if "corpus_entity_id" in entities:
        wanted.append("corpus_entity_id")
    linked = args.merge(
        entities[wanted].rename(columns={"name": "entity_name"}),
        on=["article_id", "entity_id"],
        how="left",
    )
    # An argument whose entity row is missing still counts, under a key made of its words.
    keys = linked["key"].where(
        linked["key"].notna(), linked["label"] + ":" + linked["name"].astype(str).str.lower()
    )
    names = linked["entity_name"].where(linked["entity_name"].notna(), linked["name"])
    nodes = keys.astype(str)
    if "corpus_entity_id" in linked and corpus is not None and not corpus.empty:
        ids = pd.to_numeric(linked["corpus_entity_id"], errors="coerce")
        nodes = nodes.where(ids.isna(), "corpus:" + ids.astype("Int64").astype(str))
    found = pd.DataFrame(
        {
            "article_id": linked["article_id"].astype(str),
            "event_id": linked["event_id"],
            "node": nodes.values,
            "name": names.astype(str).values,
            "label": linked["label"].astype(str).values,
        }
    )
    return found.drop_duplicates(["article_id", "event_id", "node"])


def _node_names(parties: pd.DataFrame, corpus: pd.DataFrame | None) -> dict[str, str]:
    """A corpus entity's name with its owner (`Министерство иностранных дел (Россия)`); a key's
    most frequent name, ties to the alphabetically first."""
    names = most_frequent_names(parties, "node")
    if corpus is not None and not corpus.empty:
        for node, name in corpus_names(corpus).items():
            if node in names:
                names[node] = name
    return names


def meeting_network(
    events: pd.DataFrame,
    arguments: pd.DataFrame,
    entities: pd.DataFrame,
    corpus: pd.DataFrame | None = None,
    n_nodes: int = NETWORK_NODES,
    n_pairs: int = NETWORK_PAIRS,
) -> Network:
    """Parties of meetings, negotiations and visits, and the pairs that share an event."""
    n_events = int(events["event_type"].isin(NETWORK_TYPES).sum())
    parties = _parties(events, arguments, entities, corpus)
    result = Network(n_events=n_events)
    if parties.empty:
        return result
    names = _node_names(parties, corpus)
    labels = parties.drop_duplicates("node").set_index("node")["label"].to_dict()
    per_event = parties.groupby(["article_id", "event_id"])["node"].apply(sorted)
    together: dict[tuple[str, str], set[tuple[str, int]]] = {}
    for (article, event), nodes in per_event.items():
        for a, b in combinations(nodes, 2):
            together.setdefault((a, b), set()).add((article, event))
    result.n_joint = int((per_event.map(len) >= 2).sum())
    if not together:
        return result
    pairs = [
        Pair(a, b, len(seen), len({article for article, _ in seen}))
        for (a, b), seen in together.items()
    ]
    pairs.sort(key=lambda p: (-p.events, -p.articles, names[p.a], names[p.b]))
    events_of = parties.groupby("node").size().to_dict()
    degree: dict[str, int] = {}
    for p in pairs:
        degree[p.a] = degree.get(p.a, 0) + p.events
        degree[p.b] = degree.get(p.b, 0) + p.events
    ranked = sorted(degree, key=lambda k: (-degree[k], -events_of[k], names[k], k))
    kept = set(ranked[:n_nodes])
    edges = [p for p in pairs if p.a in kept and p.b in kept]
    shown: dict[str, int] = {}
    for p in edges:
        shown[p.a] = shown.get(p.a, 0) + p.events
        shown[p.b] = shown.get(p.b, 0) + p.events
    result.nodes = [
        Party(k, names[k], labels[k], int(events_of[k]), shown.get(k, 0)) for k in ranked[:n_nodes]
    ]
    result.edges = edges
    result.top_pairs = pairs[:n_pairs]
    result.n_parties, result.n_pairs = len(degree), len(pairs)
    result.names = {k: names[k] for p in result.top_pairs + edges for k in (p.a, p.b)}
    return result
