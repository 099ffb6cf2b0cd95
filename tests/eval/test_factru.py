from pathlib import Path

import pytest
from rusnews.eval.factru import load_factru, parse_coref, parse_objects, parse_spans
from rusnews.eval.gold import GoldDoc, GoldFormatError


@pytest.fixture(scope="module")
def docs(fixtures: Path) -> dict[str, GoldDoc]:
    return {doc.doc_id: doc for doc in load_factru(fixtures / "factru")}


def test_parse_spans_keeps_token_ids_and_words() -> None:
    [record] = parse_spans(["22779 job 584 25 143872 2  # 143872 143873 подмосковного губернатора"])
    assert (record.span_id, record.type, record.start, record.length) == ("22779", "job", 584, 25)
    assert record.token_ids == ("143872", "143873")
    assert record.words == ("подмосковного", "губернатора")


def test_parse_spans_reports_the_bad_line() -> None:
    with pytest.raises(GoldFormatError, match=r"spans:2: START, LEN"):
        list(parse_spans(["1 name 0 4 7 1  # 7 Юрий", "2 name x 4 7 1  # 7 Юрий"], "a.spans"))


def test_parse_objects() -> None:
    [record] = parse_objects(["10433 Org 22763 22764 # Москвы мэрии"])
    assert (record.obj_id, record.type, record.span_ids) == ("10433", "Org", ("22763", "22764"))


def test_parse_coref_blocks_and_empty_values() -> None:
    chains = list(
        parse_coref(
            [
                "47 10436 10437",
                "name Москва",
                "wikidata ",
                "",
                "48 10435",
                "firstname Юрий",
                "lastname Лужков",
            ]
        )
    )
    assert [(chain.chain_id, chain.obj_ids) for chain in chains] == [
        ("47", ("10436", "10437")),
        ("48", ("10435",)),
    ]
    assert chains[0].attrs == {"name": ["Москва"]}
    assert chains[1].attrs == {"firstname": ["Юрий"], "lastname": ["Лужков"]}


def test_files_without_annotations_are_skipped(docs: dict[str, GoldDoc]) -> None:
    assert sorted(docs) == ["kazan_forum", "press_service"]  # not list.txt


def test_span_offsets_match_the_text(docs: dict[str, GoldDoc]) -> None:
    for doc in docs.values():
        for span in doc.spans:
            assert doc.text[span.start : span.end] == span.text


def test_crlf_offsets_count_both_characters(docs: dict[str, GoldDoc]) -> None:
    doc = docs["press_service"]
    assert "\r\n" in doc.text
    person = next(obj for obj in doc.objects if obj.label == "Person")
    assert doc.text[person.start : person.end] == "Жан-Мари Ле Пен"


def test_a_span_whose_text_does_not_match_is_dropped_with_its_object(
    docs: dict[str, GoldDoc],
) -> None:
    doc = docs["press_service"]
    assert all(span.span_id != "47" for span in doc.spans)
    assert all(obj.obj_id != "56" for obj in doc.objects)
    assert len(doc.problems) == 2
    assert "span 47 dropped" in doc.problems[0]
    assert "object 56 dropped" in doc.problems[1]


def test_a_span_id_with_two_types_keeps_both(docs: dict[str, GoldDoc]) -> None:
    doc = docs["kazan_forum"]
    assert sorted(span.label for span in doc.spans if span.span_id == "17") == [
        "nickname",
        "surname",
    ]
    person = next(obj for obj in doc.objects if obj.obj_id == "25")
    assert (person.start, person.end) == (69, 75)


def test_objects_carry_extent_and_chain_normal_forms(docs: dict[str, GoldDoc]) -> None:
    doc = docs["kazan_forum"]
    objects = {obj.obj_id: obj for obj in doc.objects}
    mayoralty = objects["21"]
    assert (mayoralty.label, doc.text[mayoralty.start : mayoralty.end]) == ("Org", "Мэрия Казани")
    # the object stops before the closing quote, as factRuEval annotates
    company = objects["24"]
    assert doc.text[company.start : company.end] == "компании «Таткран"
    assert objects["23"].attrs == {"firstname": ["Ильсур"], "lastname": ["Метшин"]}
    assert objects["22"].chain_id == objects["26"].chain_id == "31"
    assert objects["22"].attrs == {"name": ["Казань"]}


def test_numbered_name_parts_are_read(docs: dict[str, GoldDoc]) -> None:
    person = next(obj for obj in docs["press_service"].objects if obj.label == "Person")
    assert person.attrs == {"firstname": ["Жан"], "firstname1": ["Мари"], "lastname": ["Ле Пен"]}


def test_a_folder_without_documents_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "list.txt").write_text("nothing\n", encoding="utf-8")
    with pytest.raises(GoldFormatError, match="no factRuEval documents"):
        list(load_factru(tmp_path))
