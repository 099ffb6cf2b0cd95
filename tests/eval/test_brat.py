from pathlib import Path

import pytest
from rusnews.eval.brat import load_brat, parse_ann, parse_links, read_brat_doc
from rusnews.eval.gold import GoldDoc, GoldFormatError


@pytest.fixture(scope="module")
def doc(fixtures: Path) -> GoldDoc:
    docs = list(load_brat(fixtures / "brat"))
    assert [doc.doc_id for doc in docs] == ["kazan_deal"]  # notes.txt has no .ann
    return docs[0]


def test_parse_ann_reads_entities_only() -> None:
    records = list(
        parse_ann(
            [
                "T4\tCITY 28 38\tВашингтоне",
                "R1\tWORKS_AS Arg1:T2 Arg2:T14",
                "N1\tReference T4 Wikidata:Q61\tВашингтон",
                "T45\tORGANIZATION 1203 1212;1226 1251\tКазанский машиностроительные заводы",
            ]
        )
    )
    assert [(r.ann_id, r.type, r.fragments) for r in records] == [
        ("T4", "CITY", ((28, 38),)),
        ("T45", "ORGANIZATION", ((1203, 1212), (1226, 1251))),
    ]


def test_parse_ann_reports_bad_offsets() -> None:
    with pytest.raises(GoldFormatError, match=r"x\.ann:1"):
        list(parse_ann(["T1\tCITY 1 x\tМосква"], "x.ann"))


def test_offsets_match_the_crlf_text(doc: GoldDoc) -> None:
    assert "\r\n" in doc.text
    for span in doc.spans:
        assert doc.text[span.start : span.end] == span.text
    region = next(span for span in doc.spans if span.label == "STATE_OR_PROVINCE")
    assert region.text == "Республике Татарстан"


def test_discontinuous_entity_keeps_fragments_and_extent(doc: GoldDoc) -> None:
    span = next(span for span in doc.spans if span.span_id == "T7")
    pieces = [doc.text[start:end] for start, end in span.fragments]
    assert pieces == ["Казанский", "машиностроительные заводы"]
    assert span.text == "Казанский и Елабужский машиностроительные заводы"


def test_nested_entities_are_all_read(doc: GoldDoc) -> None:
    labels = [(span.label, span.text) for span in doc.spans if span.start < 13]
    assert labels == [("ORGANIZATION", "Мэрия Казани"), ("CITY", "Казани")]


def test_an_entity_whose_text_does_not_match_is_dropped(doc: GoldDoc) -> None:
    assert all(span.span_id != "T11" for span in doc.spans)
    [problem] = doc.problems
    assert problem.startswith("kazan_deal.ann: T11 dropped")


def test_parse_links_reads_wikidata_items_and_reports_bad_lines() -> None:
    lines = [
        "T5\tCOUNTRY 0 8\tКиргизии",
        "N1\tReference T5 Wikidata:Q813\tКиргизия",
        "N2\tReference T6 Wikidata:NULL\tнет данных",
        "N3\tReference T7 Wikidaиция",
    ]
    problems: list[str] = []
    links = list(parse_links(lines, "x.ann", problems))
    assert [(n.ann_id, n.wikidata, n.name) for n in links] == [
        ("T5", "Q813", "Киргизия"),
        ("T6", None, "нет данных"),
    ]
    assert len(problems) == 1 and "x.ann:4" in problems[0]


def test_gold_spans_carry_their_wikidata_item(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("В Киргизии и в Бишкеке.", encoding="utf-8")
    (tmp_path / "a.ann").write_text(
        "T1\tCOUNTRY 2 10\tКиргизии\nT2\tCITY 15 22\tБишкеке\n"
        "N1\tReference T1 Wikidata:Q813\tКиргизия\nN2\tReference T2 Wikidata:NULL\t\n",
        encoding="utf-8",
    )
    doc = read_brat_doc(tmp_path / "a.txt")
    assert [(s.text, s.wikidata) for s in doc.spans] == [("Киргизии", "Q813"), ("Бишкеке", None)]
