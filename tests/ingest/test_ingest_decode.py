"""decode_bytes: every bad kind of input raises its own InputError; text survives intact."""

from __future__ import annotations

import codecs

import pytest

from newsdesk.errors import (
    BinaryInputError,
    DecodingError,
    EmptyInputError,
    InputError,
    InputTooLargeError,
)
from newsdesk.ingest.decode import binary_kind, decode_bytes


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  "])
def test_empty_or_whitespace_is_empty_input(data):
    with pytest.raises(EmptyInputError):
        decode_bytes(data)


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 64,
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
        b"\xff\xd8\xff\xe0\x00\x10JFIF",
        b"GIF89a\x01\x00\x01\x00",
        b"PK\x03\x04\x14\x00\x00\x00",
        b"\x1f\x8b\x08\x00\x00\x00\x00\x00",
        b"\x7fELF\x02\x01\x01",
        b"plain start then a NUL\x00 byte",
        bytes(range(1, 9)) * 50 + b"some text",
    ],
)
def test_binary_content_is_refused(data):
    with pytest.raises(BinaryInputError):
        decode_bytes(data)
    assert binary_kind(data) is not None


def test_stray_nuls_and_nul_padding_do_not_make_text_binary():
    body = ("The council approved the budget on Tuesday. " * 30).encode()
    stray = body[:400] + b"\x00" + body[400:]
    padded = body + b"\x00" * 4096  # a fixed-size record padded with NULs
    for data in (stray, padded, stray + b"\x00" * 100):
        assert decode_bytes(data) == body.decode()
    # many NULs in the body stay binary, and a binary format keeps its name
    with pytest.raises(BinaryInputError):
        decode_bytes(body.replace(b". ", b".\x00 "))
    with pytest.raises(BinaryInputError, match="PNG"):
        decode_bytes(b"\x89PNG\r\n\x1a\n" + body + b"\x00")


def test_binary_message_names_the_format():
    with pytest.raises(BinaryInputError, match="PNG"):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")


def test_over_the_cap_is_too_large():
    with pytest.raises(InputTooLargeError):
        decode_bytes(b"a" * 101, max_bytes=100)
    assert decode_bytes(b"a" * 100, max_bytes=100) == "a" * 100


def test_cp1252_bytes_decode_to_the_right_characters():
    assert decode_bytes("café – naïve".encode("cp1252")) == "café – naïve"


def test_latin1_bytes_decode_to_the_right_characters():
    text = "naïve résumé à Paris, très bien"
    assert decode_bytes(text.encode("latin-1")) == text


def test_longer_cp1252_text_with_smart_quotes_and_euro():
    text = "Straße und Größe — “quoted” words cost €5 in the café."
    assert decode_bytes(text.encode("cp1252")) == text


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32", "utf-8-sig"])
def test_byte_order_marks_are_honoured(codec):
    text = "Héllo wörld – ünïcode"
    data = text.encode(codec)
    if codec == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    assert decode_bytes(data) == text


def test_bom_with_undecodable_payload_is_a_decoding_error():
    with pytest.raises(DecodingError):
        decode_bytes(codecs.BOM_UTF8 + b"ok \xff\xfe\xfd not utf-8")


def test_noise_that_is_no_encoding_is_a_decoding_error():
    with pytest.raises(DecodingError):
        decode_bytes(bytes(range(0x80, 0x100)) * 20)


def test_encoding_hint_is_used_when_utf8_fails():
    text = "Привет, мир: это новости."
    assert decode_bytes(text.encode("koi8_r"), encoding="koi8-r") == text


def test_newlines_and_unicode_are_normalised():
    decomposed = "Cafe\u0301\r\nline two\rline three"
    assert decode_bytes(decomposed.encode()) == "Café\nline two\nline three"


def test_text_is_otherwise_kept_intact():
    text = "  Indented\ttab\n\nTwo  spaces.  "
    assert decode_bytes(text.encode()) == text


def test_all_errors_are_input_errors():
    for data in (b"", b"\x00\x01", b"x" * 11):
        with pytest.raises(InputError):
            decode_bytes(data, max_bytes=10)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_recognised(codec):
    text = "The council voted on Tuesday. Café – naïve."
    assert decode_bytes(text.encode(codec)) == text


def test_nul_padded_binary_is_not_mistaken_for_utf16():
    with pytest.raises(BinaryInputError):
        decode_bytes(b"\x01\x00\x02\x00\x03\x00\x04\x00" * 40)
