"""Who meets whom: parties of meetings, negotiations and visits, counted per pair and per node."""

from __future__ import annotations

import pandas as pd
from rusnews.report.network import meeting_network

EVENT_COLUMNS = ["article_id", "event_id", "event_type"]
ARGUMENT_COLUMNS = ["article_id", "event_id", "role", "entity_id", "label", "name"]
ENTITY_COLUMNS = ["article_id", "entity_id", "label", "key", "name", "corpus_entity_id"]


def frame(columns: list[str], rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=columns)


# Two articles. a1: Лавров and Каллас meet in Минск (event 0), Лавров, Каллас and ЕС negotiate
# (event 1), Лавров makes a statement naming Бакаев (event 2, no meeting). a2: `С. Лавров`
# (another key, one corpus entity with `Сергей Лавров`) visits Каллас (event 0).
EVENTS = frame(
    EVENT_COLUMNS,
    [("a1", 0, "MEETING"), ("a1", 1, "NEGOTIATION"), ("a1", 2, "STATEMENT"), ("a2", 0, "VISIT")],
)
ARGUMENTS = frame(
    ARGUMENT_COLUMNS,
    [
        ("a1", 0, "agent", 0, "PER", "Сергей Лавров"),
        ("a1", 0, "participant", 1, "PER", "Кая Каллас"),
        ("a1", 0, "location", 2, "LOC", "Минск"),  # where they meet, no party
        ("a1", 0, "time", 5, "DATE", "3 декабря"),
        ("a1", 1, "agent", 0, "PER", "Сергей Лавров"),
        ("a1", 1, "participant", 1, "PER", "Кая Каллас"),
        ("a1", 1, "participant", 3, "ORG", "Европейский союз"),
        ("a1", 2, "agent", 0, "PER", "Сергей Лавров"),
        ("a1", 2, "participant", 4, "PER", "Алибек Бакаев"),
        ("a2", 0, "agent", 0, "PER", "С. Лавров"),
        ("a2", 0, "participant", 1, "PER", "Кая Каллас"),
        ("a2", 0, "participant", 1, "PER", "Кая Каллас"),  # named twice, one party
    ],
)
ENTITIES = frame(
    ENTITY_COLUMNS,
    [
        ("a1", 0, "PER", "PER:сергей лавров", "Сергей Лавров", 0),
        ("a1", 1, "PER", "PER:кая каллас", "Кая Каллас", 1),
        ("a1", 2, "LOC", "LOC:минск", "Минск", 2),
        ("a1", 3, "ORG", "ORG:европейский союз", "Европейский союз", 3),
        ("a1", 4, "PER", "PER:алибек бакаев", "Алибек Бакаев", 4),
        ("a2", 0, "PER", "PER:с. лавров", "С. Лавров", 0),
        ("a2", 1, "PER", "PER:кая каллас", "Кая Каллас", 1),
    ],
)
CORPUS = pd.DataFrame(
    {
        "corpus_entity_id": [0, 1, 2, 3, 4],
        "name": ["Сергей Лавров", "Кая Каллас", "Минск", "Европейский союз", "Алибек Бакаев"],
        "owner": [None, None, None, None, None],
    }
)


def pairs(network) -> dict[frozenset[str], tuple[int, int]]:
    return {
        frozenset((network.names[p.a], network.names[p.b])): (p.events, p.articles)
        for p in network.top_pairs
    }


def test_pairs_count_the_events_two_parties_share() -> None:
    n = meeting_network(EVENTS, ARGUMENTS, ENTITIES, CORPUS)
    assert (n.n_events, n.n_joint) == (3, 3)
    assert pairs(n) == {
        frozenset(("Сергей Лавров", "Кая Каллас")): (3, 2),
        frozenset(("Сергей Лавров", "Европейский союз")): (1, 1),
        frozenset(("Кая Каллас", "Европейский союз")): (1, 1),
    }
    # The heaviest pair first; Минск (a location) and Бакаев (in a statement) are no parties.
    assert {n.names[n.top_pairs[0].a], n.names[n.top_pairs[0].b]} == {"Сергей Лавров", "Кая Каллас"}
    assert {p.name: (p.label, p.events, p.degree) for p in n.nodes} == {
        "Сергей Лавров": ("PER", 3, 4),
        "Кая Каллас": ("PER", 3, 4),
        "Европейский союз": ("ORG", 1, 2),
    }
    assert len(n.edges) == n.n_pairs == 3 and n.n_parties == 3


def test_without_corpus_entities_each_key_is_a_node() -> None:
    n = meeting_network(EVENTS, ARGUMENTS, ENTITIES.drop(columns="corpus_entity_id"))
    found = pairs(n)
    assert found[frozenset(("Сергей Лавров", "Кая Каллас"))] == (2, 1)
    assert found[frozenset(("С. Лавров", "Кая Каллас"))] == (1, 1)
    assert n.n_parties == 4


def test_a_corpus_entity_is_shown_with_its_owner() -> None:
    corpus = CORPUS.assign(owner=[None, None, None, "Бельгия", None])
    n = meeting_network(EVENTS, ARGUMENTS, ENTITIES, corpus)
    assert "Европейский союз (Бельгия)" in {p.name for p in n.nodes}


def test_the_chart_keeps_the_most_connected_nodes() -> None:
    n = meeting_network(EVENTS, ARGUMENTS, ENTITIES, CORPUS, n_nodes=2, n_pairs=1)
    assert {p.name for p in n.nodes} == {"Сергей Лавров", "Кая Каллас"}
    # Only the pair between the nodes kept is drawn; the counts before the cut stay.
    assert [(e.events, e.articles) for e in n.edges] == [(3, 2)]
    assert (n.n_parties, n.n_pairs, len(n.top_pairs)) == (3, 3, 1)


def test_an_argument_without_its_entity_row_counts_under_its_words() -> None:
    n = meeting_network(EVENTS, ARGUMENTS, ENTITIES[ENTITIES["entity_id"] != 3], CORPUS)
    assert "Европейский союз" in {p.name for p in n.nodes}


def test_no_meeting_of_two_is_an_empty_network() -> None:
    alone = ARGUMENTS[ARGUMENTS["name"] != "Кая Каллас"]
    alone = alone[alone["label"] != "ORG"]
    n = meeting_network(EVENTS, alone, ENTITIES, CORPUS)
    assert (n.n_events, n.n_joint, n.nodes, n.top_pairs) == (3, 0, [], [])
    empty = meeting_network(
        frame(EVENT_COLUMNS, []), frame(ARGUMENT_COLUMNS, []), frame(ENTITY_COLUMNS, [])
    )
    assert (empty.n_events, empty.nodes) == (0, [])
