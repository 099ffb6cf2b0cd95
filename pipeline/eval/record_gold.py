"""Gold records as triples: factRuEval `.facts` and NEREL relations (what is read is
described in `records.py`).

The annotation files are read by the gold readers of `factru.py` and `brat.py`,
the same that read the names, so both scorers see one parse of each file.
"""

from __future__ import annotations

from pathlib import Path

from rusnews.eval.brat import parse_ann, parse_relations
from rusnews.eval.factru import parse_coref, parse_objects, parse_spans
from rusnews.eval.gold import read_lines
from rusnews.eval.triples import (
    DEAL_KIND,
    DEAL_TYPE_KIND,
    EVENT,
    OCCUPATION_KIND,
    OCCUPATION_ROLES,
    OWNERSHIP_KIND,
    PROPERTY,
    Extent,
    Span,
    Triple,
)
from rusnews.model import DATE

FACTRU_MEETING_ROLES = {"Participant": "participant", "When": "time", "Where": "location"}
FACTRU_ROLES = {
    "Position": "position",
    "Job": "position",
    "Where": "workplace",
    "Org": "workplace",
}
NEREL_EVENT_RELATIONS = {
    "AGENT": "agent",
    "PARTICIPANT_IN": "participant",
    "POINT_IN_TIME": "time",
    "TAKES_PLACE_IN": "location",
}
# Relations pointing from the filler to the EVENT (Arg1 is the filler); the others
# point from the EVENT.
NEREL_TO_EVENT = ("AGENT", "PARTICIPANT_IN")
NEREL_NAMES = {
    "PERSON",
    "ORGANIZATION",
    "COUNTRY",
    "CITY",
    "STATE_OR_PROVINCE",
    "LOCATION",
    "DISTRICT",
}
NEREL_PLACES = NEREL_NAMES - {"PERSON"}
# (owner, property) of each ownership relation: OWNER_OF points from the owner,
# FOUNDED_BY from what was founded to its founder.
NEREL_OWNERSHIP = {"OWNER_OF": (0, 1), "FOUNDED_BY": (1, 0)}


# ---------------------------------------------------------------- factRuEval gold


def _factru_spans(path: Path) -> dict[str, Span]:
    return {r.span_id: (r.start, r.start + r.length) for r in parse_spans(read_lines(path), path)}


def _factru_chains(folder: Path, stem: str, spans: dict[str, Span]) -> dict[str, tuple[Span, ...]]:
    """Coreference chain id -> every span of every object in the chain."""
    objects_path, coref_path = folder / f"{stem}.objects", folder / f"{stem}.coref"
    objects = {
        r.obj_id: [spans[s] for s in r.span_ids if s in spans]
        for r in parse_objects(read_lines(objects_path), objects_path)
    }
    return {
        chain.chain_id: tuple(span for obj in chain.obj_ids for span in objects.get(obj, ()))
        for chain in parse_coref(read_lines(coref_path), coref_path)
    }


def parse_facts(
    lines: list[str], chains: dict[str, tuple[Span, ...]], spans: dict[str, Span]
) -> list[tuple[str, list[tuple[str, Extent]]]]:
    """`.facts` blocks as (type, [(role, filler)]):

    117-3 Occupation
    Who obj101 Обама Барак
    Position span22887 президент | span22888 главой
    Сложность повышенная
    """
    facts: list[tuple[str, list[tuple[str, Extent]]]] = []
    for line in lines:
        cols = line.split()
        if not cols:
            continue
        if len(cols) == 2 and "-" in cols[0] and cols[0].replace("-", "").isdigit():
            facts.append((cols[1], []))
            continue
        if not facts:
            continue
        role, rest = cols[0], line.split(None, 1)[1] if len(cols) > 1 else ""
        alternatives = []
        for part in rest.split("|"):
            ref = part.split()[0] if part.split() else ""
            if ref.startswith("obj") and ref[3:] in chains:
                alternatives.append(chains[ref[3:]])
            elif ref.startswith("span") and ref[4:] in spans:
                alternatives.append((spans[ref[4:]],))
        if alternatives:  # no reference: an attribute line
            facts[-1][1].append((role, Extent(tuple(alternatives))))
    return facts


def parse_fact_attributes(lines: list[str]) -> list[dict[str, str]]:
    """The attribute lines of each `.facts` block, in the order of `parse_facts`:

    115-2 Deal
    Participant obj90 Industrial and Commercial Bank of China
    Type купля/продажа
    """
    attributes: list[dict[str, str]] = []
    for line in lines:
        cols = line.split()
        if not cols:
            continue
        if len(cols) == 2 and "-" in cols[0] and cols[0].replace("-", "").isdigit():
            attributes.append({})
        elif attributes and len(cols) > 1 and not cols[1].startswith(("obj", "span")):
            attributes[-1][cols[0]] = line.split(None, 1)[1].strip()
    return attributes


def factru_triples(folder: Path, stem: str) -> list[Triple]:
    spans = _factru_spans(folder / f"{stem}.spans")
    chains = _factru_chains(folder, stem, spans)
    triples: set[Triple] = set()
    lines = read_lines(folder / f"{stem}.facts")
    facts = parse_facts(lines, chains, spans)
    for (fact_type, roles), attributes in zip(facts, parse_fact_attributes(lines), strict=True):
        if fact_type == "Deal":
            anchor = Extent((tuple(s for _, filler in roles for s in filler.spans),))
            triples.update(
                Triple(DEAL_KIND, anchor, "participant", filler)
                for role, filler in roles
                if role == "Participant"
            )
            if "Type" in attributes:
                triples.add(Triple(DEAL_TYPE_KIND, anchor, attributes["Type"], anchor))
        elif fact_type == "Ownership":
            owners = [filler for role, filler in roles if role == "Owner"]
            triples.update(
                Triple(OWNERSHIP_KIND, owner, PROPERTY, filler)
                for owner in owners
                for role, filler in roles
                if role == "Property"
            )
        elif fact_type == "Meeting":
            anchor = Extent((tuple(s for _, filler in roles for s in filler.spans),))
            triples.update(
                Triple(EVENT, anchor, FACTRU_MEETING_ROLES[role], filler)
                for role, filler in roles
                if role in FACTRU_MEETING_ROLES
            )
        elif fact_type == "Occupation":
            for who in (filler for role, filler in roles if role == "Who"):
                triples.update(
                    Triple(OCCUPATION_KIND, who, FACTRU_ROLES[role], filler)
                    for role, filler in roles
                    if FACTRU_ROLES.get(role) in OCCUPATION_ROLES
                )
    return sorted(triples, key=lambda t: (t.anchor.spans, t.role, t.filler.spans))


# ---------------------------------------------------------------- NEREL gold


def nerel_triples(folder: Path, stem: str) -> list[Triple]:
    path = folder / f"{stem}.ann"
    lines = read_lines(path)
    entities = {r.ann_id: (r.type, r.fragments) for r in parse_ann(lines, path)}
    relations = [(r.type, r.arg1, r.arg2) for r in parse_relations(lines, path)]

    def extent(tid: str) -> Extent:
        return Extent.of(*entities[tid][1])

    def label(tid: str) -> str:
        return entities.get(tid, ("", ()))[0]

    triples: set[Triple] = set()
    works_as: dict[str, list[str]] = {}
    for rel, a1, a2 in relations:
        if a1 not in entities or a2 not in entities:
            continue
        if rel in NEREL_EVENT_RELATIONS:
            event, filler = (a2, a1) if rel in NEREL_TO_EVENT else (a1, a2)
            if label(event) == "EVENT" and label(filler) in NEREL_NAMES | {DATE}:
                triples.add(
                    Triple(EVENT, extent(event), NEREL_EVENT_RELATIONS[rel], extent(filler))
                )
        elif rel in NEREL_OWNERSHIP:
            owner, owned = ((a1, a2)[i] for i in NEREL_OWNERSHIP[rel])
            if label(owner) in NEREL_NAMES and label(owned) in NEREL_NAMES:
                triples.add(Triple(OWNERSHIP_KIND, extent(owner), PROPERTY, extent(owned)))
        elif rel == "WORKS_AS" and label(a1) == "PERSON" and label(a2) == "PROFESSION":
            triples.add(Triple(OCCUPATION_KIND, extent(a1), "position", extent(a2)))
            works_as.setdefault(a2, []).append(a1)
    for rel, a1, a2 in relations:
        if rel != "WORKPLACE" or label(a2) not in NEREL_PLACES:
            continue
        people = (
            [a1]
            if label(a1) == "PERSON"
            else works_as.get(a1, [])
            if label(a1) == "PROFESSION"
            else []
        )
        triples.update(Triple(OCCUPATION_KIND, extent(p), "workplace", extent(a2)) for p in people)
    return sorted(triples, key=lambda t: (t.anchor.spans, t.role, t.filler.spans))
