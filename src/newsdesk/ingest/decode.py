"""Bytes to text: refuse binary, honour BOMs, find the encoding, normalise newlines and NFC.

Every later offset is computed on the string returned here, so apart from newline and Unicode
normalisation (and stray NUL bytes dropped, see ``without_stray_nuls``) the text is kept
exactly as decoded.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from ..errors import BinaryInputError, DecodingError, EmptyInputError, InputTooLargeError

DEFAULT_MAX_BYTES = 10_000_000

# Byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Signatures of common binary formats: (prefix, offset, what it is).
_MAGIC = (
    (b"%PDF-", 0, "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", 0, "a PNG image"),
    (b"\xff\xd8\xff", 0, "a JPEG image"),
    (b"GIF87a", 0, "a GIF image"),
    (b"GIF89a", 0, "a GIF image"),
    (b"II*\x00", 0, "a TIFF image"),
    (b"MM\x00*", 0, "a TIFF image"),
    (b"PK\x03\x04", 0, "a ZIP archive (or an Office document)"),
    (b"PK\x05\x06", 0, "a ZIP archive"),
    (b"\x1f\x8b", 0, "a gzip archive"),
    (b"BZh", 0, "a bzip2 archive"),
    (b"\xfd7zXZ\x00", 0, "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", 0, "a 7-Zip archive"),
    (b"Rar!\x1a\x07", 0, "a RAR archive"),
    (b"\x7fELF", 0, "an executable (ELF)"),
    (b"\xca\xfe\xba\xbe", 0, "a compiled Java class or Mach-O binary"),
    (b"\xcf\xfa\xed\xfe", 0, "an executable (Mach-O)"),
    (b"\x00asm", 0, "a WebAssembly module"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 0, "an old Office document"),
    (b"SQLite format 3\x00", 0, "an SQLite database"),
    (b"RIFF", 0, "a media file (RIFF: WAV, AVI or WebP)"),
    (b"OggS", 0, "an audio file (Ogg)"),
    (b"ID3", 0, "an audio file (MP3)"),
    (b"fLaC", 0, "an audio file (FLAC)"),
    (b"ftyp", 4, "a video or image file (MP4/HEIC)"),
    (b"wOFF", 0, "a font file"),
    (b"wOF2", 0, "a font file"),
)

# C0 control bytes that do not occur in text (tab, LF, VT, FF, CR and ESC are allowed).
_CONTROL_BYTES = frozenset(set(range(0x00, 0x09)) | set(range(0x0E, 0x20)) - {0x1B})
_SNIFF_BYTES = 65_536
_UTF16_NUL_SHARE = 0.7
_MAX_CONTROL_SHARE = 0.05
# Text may carry a few stray NUL bytes (a database export, a copy from a PDF) and NUL padding
# at its end; binary files have far more NULs than one in 500 bytes.
_MAX_STRAY_NUL_SHARE = 0.002

# Share of implausible characters (controls, unassigned, private use, U+FFFD) a text may have.
_MAX_BAD_CHAR_SHARE = 0.01
# A single-byte Western decoding with more non-ASCII characters than this is a wrong guess.
_MAX_NON_ASCII_SHARE_SINGLE_BYTE = 0.3
# charset-normalizer results above this "chaos" (mess) ratio are not trusted.
_MAX_CHAOS = 0.2

_MIXED_NEWLINES = re.compile(r"\r\n?")
# Controls other than tab/LF/VT/FF/CR/ESC, C1 controls, surrogates, private use, U+FFFD.
_BAD_CHARS = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f-\x9f\ud800-\udfff\ue000-\uf8ff\ufffd]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_WHITESPACE = re.compile(r"\s")
_WESTERN = ("cp1252", "latin_1", "iso8859_15")


def normalize_text(text: str) -> str:
    """Newlines to ``\\n``, Unicode to NFC, a leading BOM dropped; nothing else changes."""
    if text.startswith("\ufeff"):
        text = text[1:]
    text = _MIXED_NEWLINES.sub("\n", text)
    return unicodedata.normalize("NFC", text)


def binary_kind(data: bytes) -> str | None:
    """What binary format ``data`` looks like, or None when it may be text."""
    for prefix, offset, what in _MAGIC:
        if data[offset : offset + len(prefix)] == prefix:
            return what
    head = data[:_SNIFF_BYTES]
    if b"\x00" in head:
        return "a binary file (it contains NUL bytes)"
    if head:
        controls = sum(1 for byte in head if byte in _CONTROL_BYTES)
        if controls / len(head) > _MAX_CONTROL_SHARE:
            return "a binary file (too many control characters)"
    return None


def without_stray_nuls(data: bytes) -> bytes:
    """``data`` without NUL padding at its end and without stray NULs (at most one byte in
    500), when it is not a known binary format; otherwise unchanged (refused as binary later)."""
    if b"\x00" not in data or any(data[o : o + len(p)] == p for p, o, _ in _MAGIC):
        return data
    stripped = data.rstrip(b"\x00")
    if stripped.count(0) <= _MAX_STRAY_NUL_SHARE * len(stripped):
        return stripped.replace(b"\x00", b"")
    return data


def bad_char_share(text: str) -> float:
    """Share of characters that do not belong in text (controls, private use, U+FFFD...)."""
    if not text:
        return 0.0
    return len(_BAD_CHARS.findall(text)) / len(text)


def is_plausible_text(text: str, *, single_byte: bool = False) -> bool:
    """Whether a decoding result reads like text rather than mojibake or binary noise."""
    if bad_char_share(text) > _MAX_BAD_CHAR_SHARE:
        return False
    if single_byte:
        visible = len(text) - len(_WHITESPACE.findall(text))
        if visible and len(_NON_ASCII.findall(text)) / visible > _MAX_NON_ASCII_SHARE_SINGLE_BYTE:
            return False
    return True


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _from_bom(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = _strict(data[len(bom) :], encoding)
            if text is None:
                raise DecodingError(
                    f"the input starts with a {encoding} byte-order mark but is not {encoding}"
                )
            return text
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text saved without a byte-order mark: mostly-ASCII text has a NUL in every
    other byte (odd positions for little-endian, even for big-endian)."""
    sample = data[:_SNIFF_BYTES]
    if len(sample) < 8 or len(data) % 2:
        return None
    pairs = len(sample) // 2
    even_nuls = sample[0 : 2 * pairs : 2].count(0) / pairs
    odd_nuls = sample[1 : 2 * pairs : 2].count(0) / pairs
    for encoding, zeros, others in (
        ("utf-16-le", odd_nuls, even_nuls),
        ("utf-16-be", even_nuls, odd_nuls),
    ):
        if zeros >= _UTF16_NUL_SHARE and others <= 1 - _UTF16_NUL_SHARE:
            text = _strict(data, encoding)
            if text is not None and is_plausible_text(text):
                return text
    return None


def _is_western(encoding: str) -> bool:
    return codecs.lookup(encoding).name in {codecs.lookup(e).name for e in _WESTERN}


def _charset_normalizer_guess(data: bytes) -> str | None:
    """charset-normalizer's guess, preferring cp1252 among equally good candidates.

    On short inputs it often returns an arbitrary code page among ties (cp1125 for
    "café"); like browsers, we resolve such ties towards Windows-1252.
    """
    import charset_normalizer  # imported lazily: only needed for non-UTF-8 input

    matches = [m for m in charset_normalizer.from_bytes(data) if m.chaos <= _MAX_CHAOS]
    if not matches:
        return None
    best = matches[0]
    for match in matches:
        if (
            _is_western(match.encoding)
            and match.chaos <= best.chaos + 0.01
            and match.coherence >= best.coherence - 0.1
        ):
            text = _strict(data, match.encoding)
            if text is not None and is_plausible_text(text, single_byte=True):
                return text
    if best.coherence <= 0.0:  # no language recognised: the guess is arbitrary
        return None
    text = _strict(data, best.encoding)
    if text is not None and is_plausible_text(text):
        return text
    return None


def decode_bytes(
    data: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES, encoding: str | None = None
) -> str:
    """Decode raw input to normalised text, or raise an :class:`InputError` subclass.

    ``encoding`` is a hint (an HTTP or ``<meta>`` charset); it is tried after a byte-order
    mark and strict UTF-8, before guessing.
    """
    if len(data) > max_bytes:
        raise InputTooLargeError(
            f"the input is {len(data):,} bytes, over the {max_bytes:,}-byte limit"
        )
    if not data.strip():
        raise EmptyInputError("the input is empty")
    text = _from_bom(data)
    if text is None:
        text = _utf16_without_bom(data)
    if text is None:
        data = without_stray_nuls(data)
        kind = binary_kind(data)
        if kind is not None:
            raise BinaryInputError(f"the input looks like {kind}, not text")
        text = _decode_without_bom(data, encoding)
    if bad_char_share(text) > _MAX_BAD_CHAR_SHARE:
        raise BinaryInputError("the input looks like a binary file (too many control characters)")
    text = normalize_text(text)
    if not text.strip():
        raise EmptyInputError("the input is empty (only whitespace)")
    return text


def _decode_without_bom(data: bytes, hint: str | None) -> str:
    text = _strict(data, "utf-8")
    if text is not None:
        return text
    if hint:
        text = _strict(data, hint)
        if text is not None and is_plausible_text(text):
            return text
    text = _charset_normalizer_guess(data)
    if text is not None:
        return text
    for fallback in ("cp1252", "latin_1"):
        text = _strict(data, fallback)
        if text is not None and is_plausible_text(text, single_byte=True):
            return text
    raise DecodingError(
        "the input is not text in any encoding tried (UTF-8, UTF-16/32, cp1252, latin-1...)"
    )
