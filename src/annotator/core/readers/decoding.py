"""Turn the bytes of a file into text, or explain in plain words why that is impossible.

Order of trust: a byte-order mark (UTF-8, UTF-16, UTF-32) is believed; otherwise strict
UTF-8; otherwise charset-normalizer guesses a legacy encoding. charset-normalizer ranks
several single-byte Latin code pages equally on short texts and then picks an arbitrary one
(often cp1250), which turns Windows-1252 curly quotes and accents into the wrong letters; so
among equally plausible guesses Windows-1252 wins, as it does in browsers (WHATWG treats
"latin-1" as windows-1252). Bytes that look binary (NUL bytes outside UTF-16, many control
characters) are refused rather than shown as mojibake. UTF-16 without a BOM is recognised
by where its zero bytes fall and by decoding cleanly, in any script (see ``_bomless_utf16``).
"""

from __future__ import annotations

import codecs
import re
import stat
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from annotator.core.article import ArticleError

MAX_ARTICLE_BYTES = 50 * 1024 * 1024
"""Files above this size are refused: no news article is that long, and reading one would
freeze the window for a very long time. 50 MB is about 8 million words."""

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_CONTROL_RATIO_LIMIT = 0.02
_CONTROL_CHARS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
"""Unicode Cc characters except tab, newlines, vertical tab and form feed."""


@dataclass(frozen=True, slots=True)
class DecodedText:
    """Text as decoded from a file, with the encoding that was used (for metadata)."""

    text: str
    encoding: str
    replaced_bytes: int = 0
    """Invalid bytes in otherwise UTF-8 text, each shown as U+FFFD (see ``_mostly_utf8``)."""

    def metadata(self) -> dict[str, str]:
        """What readers record about decoding: the encoding and any bytes that were replaced."""
        metadata = {"encoding": self.encoding}
        if self.replaced_bytes:
            metadata["encoding_warning"] = (
                f"{self.replaced_bytes} invalid byte(s) in this UTF-8 file are shown as \ufffd"
            )
        return metadata


def check_article_file(path: Path) -> None:
    """Raise ArticleError if ``path`` is missing, a folder, a special file or too large.

    It looks without reading, so the command line can answer before the window starts.
    """
    try:
        info = path.stat()
    except OSError as error:
        raise ArticleError(_os_error_message(error)) from None
    except ValueError:  # the operating system cannot even look the name up
        raise ArticleError("this is not a valid file name (it contains a NUL character)") from None
    if stat.S_ISDIR(info.st_mode):
        raise ArticleError("this is a folder, not an article file")
    if not stat.S_ISREG(info.st_mode):
        raise ArticleError("not a regular file (a device, pipe or socket cannot be opened as an article)")
    if info.st_size > MAX_ARTICLE_BYTES:
        raise ArticleError(_too_large_message(info.st_size))


def read_file_bytes(path: Path) -> bytes:
    """The file's bytes, refusing missing files, folders, special files and huge files."""
    try:
        check_article_file(path)
        with open(path, "rb") as handle:
            data = handle.read(MAX_ARTICLE_BYTES + 1)
    except OSError as error:
        raise ArticleError(_os_error_message(error)) from None
    except ValueError:  # the operating system cannot even look the name up
        raise ArticleError("this is not a valid file name (it contains a NUL character)") from None
    if len(data) > MAX_ARTICLE_BYTES:
        raise ArticleError(_too_large_message(len(data)))
    return data


def _os_error_message(error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return "file not found"
    if isinstance(error, PermissionError):
        return "permission denied: you are not allowed to read this file"
    if isinstance(error, IsADirectoryError):
        return "this is a folder, not an article file"
    return f"cannot read the file ({error.strerror or error})"


def _too_large_message(size: int) -> str:
    limit_mb = MAX_ARTICLE_BYTES // (1024 * 1024)
    return f"the file is {size / (1024 * 1024):.1f} MB; articles larger than {limit_mb} MB are refused"


_KNOWN_BINARY_FORMATS: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP-based document (Word, EPUB, OpenDocument or a ZIP archive)"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip-compressed file"),
)
_SUPPORTED = "Annotator reads plain text, HTML and Markdown articles"


def decode_bytes(data: bytes) -> DecodedText:
    """Decode ``data`` (BOM, then UTF-8, then detection); a leading BOM is not kept."""
    if not data:
        raise ArticleError("the file is empty")
    for magic, description in _KNOWN_BINARY_FORMATS:
        if data.startswith(magic):
            raise ArticleError(f"this is {description}, not text; {_SUPPORTED}")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(_decode_strict(data[len(bom):], encoding), encoding)
    bomless_utf16 = _bomless_utf16(data)
    if bomless_utf16 is not None:
        return bomless_utf16
    if b"\x00" in data:
        raise ArticleError("this looks like a binary file (it contains NUL bytes), not text")
    try:
        return _checked(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    mostly_utf8 = _mostly_utf8(data)
    if mostly_utf8 is not None:
        text, replaced = mostly_utf8
        checked = _checked(text, "utf-8")
        return DecodedText(text=checked.text, encoding="utf-8", replaced_bytes=replaced)
    return _checked(*_detect_legacy(data))


def _mostly_utf8(data: bytes) -> tuple[str, int] | None:
    """UTF-8 text with a few corrupt bytes (a bad paste, a truncated download).

    Reading it as a legacy code page would garble every accented letter and curly quote
    in the file to save a handful of bytes; so when valid multi-byte UTF-8 sequences far
    outnumber the invalid bytes, the text is UTF-8 and only the invalid bytes are replaced.
    """
    text = data.decode("utf-8", errors="replace")
    replaced = text.count("\ufffd") - data.count("\ufffd".encode("utf-8"))
    multibyte = sum(1 for char in text if ord(char) > 0x7F and char != "\ufffd")
    if 0 < replaced <= max(3, len(data) // 1000) and multibyte >= 5 * replaced:
        return text, replaced
    return None


def _decode_strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise ArticleError(f"the file says it is {encoding.upper()} but contains invalid bytes") from None


_UTF16_SAMPLE_CHARS = 1 << 16
_UTF16_SAMPLE_BYTES = 1 << 20
_NOT_TEXT_CATEGORIES = frozenset({"Cn", "Co", "Cs"})  # unassigned, private use, surrogate
_NOT_TEXT_LIMIT = 0.02
"""Share of a decoding's characters that may be unassigned or private use before it is not
text. Real text has almost none (an emoji newer than this Python's Unicode tables); bytes
read in the wrong byte order or binary data read as UTF-16 have several in a hundred."""
_HIGH_ZERO_SHARE = 0.05
"""Share of characters below U+0100 (zero high byte) that makes a reading's zeros agree on
their own: one per twenty characters, fewer than the spaces of any alphabetic text."""
_HIGH_OVER_LOW = 4
"""How many times the zero bytes in a reading's high halves must outnumber those in its low
halves for them to agree on their own; ASCII strings split by stray NULs (a program's symbol
table) have them on both sides alike."""
_LOW_ZERO_LIMIT = 0.25
_FEW_BLOCKS = 3
_FEW_BLOCKS_SAMPLE = 4096
"""Share of characters that may end in a zero byte (U+4E00 一, U+3000 ideographic space, an
emoji's second half) in a reading whose high bytes hold no more zeros."""


def _bomless_utf16(data: bytes) -> DecodedText | None:
    """UTF-16 without a BOM, recognised by its zero bytes and by decoding cleanly.

    Every UTF-16 code unit below U+0100 (a space, a digit, ASCII punctuation, a line break)
    has a zero high byte: at odd offsets in little-endian, at even ones in big-endian. Latin
    text has one in every unit, Cyrillic, Greek or Arabic one per space, Chinese or Japanese
    one per line break or ASCII mark. A byte order is the file's when the bytes read in it
    are text:

    - they decode strictly: a surrogate must be paired, as in every real UTF-16 file and
      in almost no binary one;
    - no U+0000 (a zero byte pair at a unit boundary is binary data) and hardly any
      unassigned or private-use characters, which noise, or text read in the wrong byte
      order, gives several in a hundred of;

    and the zero bytes agree with it: either they fall in its high halves, four times as
    often as in its low ones and in at least one unit in twenty (alphabetic text: its
    spaces), or, where high zeros are few
    (Chinese and Japanese, where U+4E00 一 and the ideographic space U+3000 end in a zero
    byte and can outnumber the line breaks), zeros sit in at most a quarter of the low
    halves and the other byte order is not text. Bytes that are all 7-bit (Latin, Cyrillic,
    Greek text; also ASCII text with stray NULs) must moreover have high bytes from a few
    blocks only: ASCII letters read two at a time are spread over many.

    Without any zero byte, bytes are not taken for UTF-16 here: legacy code pages would be
    read as Chinese, every two letters making one character.
    """
    if len(data) < 2 or len(data) % 2 or b"\x00" not in data:
        return None
    head = data[:_UTF16_SAMPLE_BYTES]  # the pattern shows in the first megabyte as well as in all
    zeros_even, zeros_odd = head[0::2].count(0), head[1::2].count(0)
    units = len(head) // 2
    readings: dict[str, str | None] = {}

    def reading(encoding: str) -> str | None:  # each byte order decoded at most once, when asked
        if encoding not in readings:
            readings[encoding] = _utf16_text(data, encoding)
        return readings[encoding]

    seven_bit = head.isascii()
    orders = [("utf-16-le", zeros_odd, zeros_even, "utf-16-be"), ("utf-16-be", zeros_even, zeros_odd, "utf-16-le")]
    orders.sort(key=lambda order: order[2] - order[1])  # the likelier byte order first
    for encoding, high, low, other in orders:
        if seven_bit and not _few_blocks(head[1 if encoding == "utf-16-le" else 0 :: 2]):
            continue
        agrees = high > _HIGH_OVER_LOW * low and high >= max(2, _HIGH_ZERO_SHARE * units)
        if not agrees and low > _LOW_ZERO_LIMIT * units:
            continue
        text = reading(encoding)
        if text is not None and (agrees or reading(other) is None):
            return _checked(text, encoding)
    return None


def _few_blocks(high_bytes: bytes) -> bool:
    """Whether the high bytes of 7-bit data come from a few 256-character blocks, as in
    alphabetic UTF-16 text (Cyrillic 0x04, Greek 0x03, punctuation 0x20), and not from the
    letters of ASCII text with stray NULs read two bytes at a time."""
    return len(set(high_bytes[:_FEW_BLOCKS_SAMPLE]) - {0}) <= _FEW_BLOCKS


def _utf16_text(data: bytes, encoding: str) -> str | None:
    """``data`` decoded as ``encoding`` when that gives text, else None."""
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:  # a lone or reversed surrogate
        return None
    if "\x00" in text:
        return None
    sample = Counter(text[:_UTF16_SAMPLE_CHARS])  # a text repeats its characters: look each up once
    not_text = sum(count for char, count in sample.items() if unicodedata.category(char) in _NOT_TEXT_CATEGORIES)
    if not_text > _NOT_TEXT_LIMIT * min(len(text), _UTF16_SAMPLE_CHARS):
        return None
    return text


def _detect_legacy(data: bytes) -> tuple[str, str]:
    matches = [m for m in from_bytes(data) if not m.encoding.startswith(("utf_16", "utf_32"))]
    if not matches:
        raise ArticleError("the text encoding could not be recognised (the file may be binary)")
    least_chaos = min(m.chaos for m in matches)
    plausible = [m for m in matches if m.chaos <= least_chaos + 0.01]
    for match in plausible:
        if "cp1252" in match.could_be_from_charset:
            try:
                return data.decode("cp1252"), "windows-1252"
            except UnicodeDecodeError:
                break
    best = plausible[0]
    return str(best), codecs.lookup(best.encoding).name


def _checked(text: str, encoding: str) -> DecodedText:
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text:
        raise ArticleError("the file is empty")
    if not text.strip():
        raise ArticleError("the file contains only whitespace")
    controls = sum(1 for _ in _CONTROL_CHARS.finditer(text))
    if controls > max(2, _CONTROL_RATIO_LIMIT * len(text)):
        raise ArticleError("this looks like a binary file (it is full of control characters), not text")
    return DecodedText(text=text, encoding=encoding)


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF; nothing else changes (the canonical-text contract)."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text(path: Path) -> DecodedText:
    """The file's text with newlines normalised to ``\\n`` and a BOM removed."""
    return decode_text(read_file_bytes(path))


def decode_text(data: bytes) -> DecodedText:
    """Bytes already read (a file, a record of a corpus) as canonical text: decoded, newlines normalised."""
    decoded = decode_bytes(data)
    return DecodedText(normalise_newlines(decoded.text), decoded.encoding, decoded.replaced_bytes)


__all__ = ["MAX_ARTICLE_BYTES", "DecodedText", "decode_bytes", "decode_text", "normalise_newlines", "read_file_bytes", "read_text"]
