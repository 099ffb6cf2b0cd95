import codecs

import pytest
from rusnews.io.decode import Decoded, DecodeError, decode, decode_utf8
from rusnews.io.russian import russian_score

TEXT = "Министр иностранных дел встретился с послом в Москве.\nВстреча прошла вчера."


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("cp1251"), "cp1251"),
        (TEXT.encode("koi8_r"), "koi8_r"),
        (TEXT.encode("utf-16"), "utf-16"),
    ],
)
def test_decode_detects_russian_encodings(data: bytes, encoding: str) -> None:
    decoded = decode(data)
    assert decoded.text == TEXT
    assert decoded.encoding == encoding


def test_short_koi8_and_cp1251_are_not_confused() -> None:
    assert decode("Путин".encode("koi8_r")).text == "Путин"
    assert decode("Путин".encode("cp1251")).text == "Путин"


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (bytes(range(256)) * 4, "binary"),
    ],
)
def test_decode_rejects_binary(data: bytes, kind: str) -> None:
    with pytest.raises(DecodeError) as info:
        decode(data)
    assert info.value.kind == kind


# Headlines and short notes: too short for generic detectors, and all caps turns
# the case test upside down (CP1251 capitals are KOI8-R small letters).
SHORT = [
    "МОСКВА. ЛАВРОВ ВСТРЕТИЛСЯ С ПОСЛОМ",
    "ПУТИН ПРИБЫЛ В АСТАНУ",
    "Токаев",
    "Сессия ПАСЕ открылась в Страсбурге",
    "ЦЕНТРОБАНК СНИЗИЛ СТАВКУ",
    "завтра в Минске",
]


@pytest.mark.parametrize("text", SHORT)
@pytest.mark.parametrize("encoding", ["cp1251", "koi8_r"])
def test_short_texts_decode_in_their_own_single_byte_encoding(text: str, encoding: str) -> None:
    decoded = decode(text.encode(encoding))
    assert (decoded.text, decoded.encoding, decoded.replaced) == (text, encoding, 0)


def test_koi8_text_with_a_byte_cp1251_lacks_is_koi8() -> None:
    # `≤` is 0x98 in KOI8-R, the one byte value CP1251 leaves undefined.
    text = "Инфляция составит ≤ 4% в следующем году, сообщил министр."
    assert decode(text.encode("koi8_r")) == Decoded(text, "koi8_r")


def test_cp1251_text_with_an_undefined_byte_keeps_the_rest() -> None:
    data = "Министр прибыл в Москву".encode("cp1251") + b"\x98."
    assert decode(data) == Decoded("Министр прибыл в Москву\ufffd.", "cp1251", 1)


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (
            "Сергей Лавров встретился с послом.".encode() + b"\xff" + " Встреча прошла.".encode(),
            "Сергей Лавров встретился с послом.\ufffd Встреча прошла.",
        ),
        ("Иван ".encode() + b"\xff", "Иван \ufffd"),
        # A character cut in half at the end of a truncated file.
        ("Переговоры в Астане".encode() + "ж".encode()[:1], "Переговоры в Астане\ufffd"),
    ],
)
def test_utf8_with_a_stray_byte_stays_utf8(data: bytes, text: str) -> None:
    assert decode(data) == Decoded(text, "utf-8", 1)


def test_utf8_with_bom_and_a_stray_byte_stays_utf8() -> None:
    data = codecs.BOM_UTF8 + "Да".encode() + b"\xfe"
    assert decode(data) == Decoded("Да\ufffd", "utf-8-sig", 1)


def test_a_replacement_character_written_in_the_file_is_not_damage() -> None:
    assert decode("\ufffd знак в тексте".encode()).replaced == 0


def test_punctuation_only_upper_half_is_cp1251() -> None:
    # Windows dashes and quotes in otherwise ASCII text: no letter to weigh.
    assert decode(b"Summit \x96 \x93Astana\x94").text == "Summit – “Astana”"


@pytest.mark.parametrize(
    "data",
    ["Ελληνικά κείμενα εδώ".encode("iso8859_7"), bytes(range(128, 256)) * 2],
)
def test_text_that_reads_russian_in_neither_is_refused(data: bytes) -> None:
    with pytest.raises(DecodeError) as info:
        decode(data)
    assert info.value.kind == "unknown_encoding"


def test_json_must_be_mostly_utf8() -> None:
    assert decode_utf8('{"text": "Иван '.encode() + b'\xff"}').replaced == 1
    with pytest.raises(DecodeError, match="JSON must be UTF-8"):
        decode_utf8('{"text": "Иван"}'.encode("cp1251"))


def test_a_wrong_reading_scores_below_the_right_one() -> None:
    text = "ЛАВРОВ ВСТРЕТИЛСЯ С ПОСЛОМ"
    wrong = text.encode("cp1251").decode("koi8_r")
    assert wrong.islower()  # the case test alone would pick it
    assert russian_score(text) > russian_score(wrong)
    assert russian_score("пУТИН") < russian_score("Путин")
    assert russian_score("no Cyrillic here") is None
