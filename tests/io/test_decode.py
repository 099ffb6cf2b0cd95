import codecs

import pytest
from rusnews.io.decode import DecodeError, decode

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
